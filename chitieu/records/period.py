"""The years a plan covers."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..models import Extraction, IssuerMention, PeriodMention
from ..passes.periods import phase_start
from ..reading.times import YEAR
from ..spans import SpanIndex
from ..text import in_capitals
from .words import PlanWords


def plan_period(extraction: Extraction, issue_sentence, anchor: int, goal_sentences: frozenset[tuple[int, int]], words: PlanWords):
    """The years the plan covers, from the most telling place that names them: the sentence
    announcing the plan, then the title, then the deadlines of its targets: (start, end,
    evidence, horizon), the horizon a year the plan looks to beyond the phase its targets end with."""
    text, targets = extraction.document.text, extraction.targets
    committing = SpanIndex(goal_sentences)  # the sentences of the targets and of goals stated without a figure
    periods = _plan_times(extraction, issue_sentence, committing, words)
    pools, own_pools = _period_pools(periods, issue_sentence, anchor, committing, text, words)
    chosen_in, period = next(((i, chosen) for i, pool in enumerate(pools) if (chosen := _period_of(pool))), (None, None))
    # the plan's own name gives its horizon too
    horizon = _horizon(period, periods, text) if period and chosen_in < own_pools else None
    # a goal quoted beside results is its own plan's: its year stretches the page's plan only
    # where the page sets no goal of its own
    own = [t for t in targets if not t.quoted]
    stated = [t.year for t in own or targets if t.year]
    if period and stated and period[1] < min(stated) and (chosen_in >= own_pools or _reported(text, period[2], words)):
        # a year the page reports before its goals ("tỷ lệ hộ nghèo năm 2023 còn 2,93%" over "Mục tiêu
        # năm 2024"): the goals' years are the plan's
        period = None
    if period is None and stated:
        last = max(targets, key=lambda t: t.year or 0)  # the period's evidence: the target due last
        start = min(stated) if len(set(stated)) > 1 else phase_start(max(stated)) if words.until.search(text) else max(stated)
        return start, max(stated), last.evidence, None
    if period and stated and max(stated) > max(period[1], horizon or 0):
        start = period[0] if period[0] is not None else phase_start(max(stated))
        return start, max(stated), period[2], None  # a plan with targets for later years spans them
    if period is None and targets and extraction.stamped:
        # goals no year of the page names: the year the page was written in ("Kế hoạch hành động ...
        # đặt mục tiêu ..." on a page of January 2025)
        return extraction.stamped[0], extraction.stamped[0], targets[0].evidence, None
    return (*period, horizon) if period else None


def _period_pools(periods, issue_sentence, anchor: int, committing: SpanIndex, text: str, words: PlanWords):
    """The candidate periods, most telling first, and how many of the first pools name the plan itself."""
    title_end = _title_end(text, words)
    pools = []
    if issue_sentence and not words.against_plan.search(text, *issue_sentence):
        # a sentence weighing results against a plan ("thảo luận kết quả thực hiện kế hoạch ... năm
        # 2025") names the plan those results are of, not the page's (w261, w321)
        in_sentence = [p for p in periods if issue_sentence[0] <= p.evidence.start < issue_sentence[1]]
        after_anchor = [p for p in in_sentence if p.evidence.start >= anchor]
        # "kế hoạch CCHC nhà nước năm 2026 trên địa bàn tỉnh theo Nghị quyết số 76/NQ-CP ... giai
        # đoạn 2021 - 2030" (LamDong_329, review gold): the period right after the plan's name is the plan's own.
        pools.append(after_anchor[:2] if after_anchor[:1] and after_anchor[0].kind == "range" else after_anchor[:1] or in_sentence)
    titled = [p for p in periods if p.evidence.start < title_end]
    # a lead that tells last year's result before this year's goal ("Năm 2018, tỷ lệ hộ nghèo ...
    # giảm còn 52%. Trong năm 2019, huyện đặt ra mục tiêu ..."): the goal's year is the plan's
    # a title naming a year of results and a year of plans ("Tổng kết công tác năm 2016 và triển khai
    # Chương trình công tác năm 2017") is about the later
    pools.append([p for p in titled if p.kind != "year" or _within(committing, p)]
                 or sorted(titled, key=lambda p: (p.kind != "year", -p.end)))
    own_pools = len(pools)  # the announcing sentence and the title name the plan itself
    pools.append([p for p in periods if p.kind == "until" and _within(committing, p)])
    pools.append([p for p in periods if p.kind == "range" and _within(committing, p)])
    # a goal stated for a year ("Năm 2025, huyện đặt mục tiêu phấn đấu thoát khỏi huyện nghèo") over a
    # phase a sentence setting no goal names
    pools.append([p for p in periods if p.kind == "year" and _within(committing, p)])
    pools.append([p for p in periods if p.kind == "range"])
    pools.append([p for p in periods if p.kind == "until"])
    return pools, own_pools


def _plan_times(extraction: Extraction, issue_sentence, committing: SpanIndex, words: PlanWords) -> list[PeriodMention]:
    """The periods that can be a plan's: not a cited document's, a council's term, a base a figure is
    measured from, nor a time told only of results."""
    text = extraction.document.text
    cited = _basis_lines(text, words)  # "Căn cứ Quyết định ... giai đoạn 2011 - 2020": the cited document's years
    # a council's term ("HĐND huyện khóa IV, nhiệm kỳ 2016-2021") is its members', not a plan's
    councils = {id(p) for p, _ in _terms_of(extraction.periods, [i for i in extraction.issuers if i.body != "party_committee"], words)}
    # a time told only of results ("năm 2013 huyện đã giảm tỉ lệ hộ nghèo xuống dưới 15%") is no plan's,
    # unless the sentence names the plan ("Theo kế hoạch số 09 của UBND tỉnh ... năm 2018, toàn tỉnh ...", w273)
    names_plan = issue_sentence if issue_sentence and not words.against_plan.search(text, *issue_sentence) else None
    reported = SpanIndex((r.start, r.end) for r in extraction.reported if (r.start, r.end) != names_plan)
    # a legal site's title gives a document's year after its symbol ("Quyết định 186/QĐ-UBND năm
    # 2018 phê duyệt Dự án ...", w046; "Nghị quyết 62/NQ-HĐND năm 2025 về Kế hoạch ... năm 2026", w320)
    dated = {s.evidence.end for s in extraction.symbols}
    return [p for p in extraction.periods if not _within(cited, p) and id(p) not in councils
            and not words.base_before.search(text, max(0, p.evidence.start - BASE_REACH), p.evidence.start)
            and not words.standard_before.search(text, max(0, p.evidence.start - STANDARD_REACH), p.evidence.start)
            and not (_within(reported, p) and not _within(committing, p))
            and not (p.kind == "year" and _after_symbol(text, p, dated))]


def _after_symbol(text: str, period: PeriodMention, symbol_ends: set[int]) -> bool:
    """The year right after a symbol: the year the document was issued in."""
    start = period.evidence.start
    return any(0 <= start - end <= SYMBOL_GAP and not text[end:start].strip() for end in symbol_ends)


def _within(spans: SpanIndex, period: PeriodMention) -> bool:
    return spans.covers(period.evidence.start, period.evidence.start + 1)


BASE_REACH = 30  # characters before a year where a base word ("so với cùng kỳ") may stand
STANDARD_REACH = 55  # characters before a phase where a standard word and its name may stand
SYMBOL_GAP = 2  # spaces between a symbol and the year a legal site's title gives it
VISION_GAP = 5  # characters between a phase and its horizon: "giai đoạn 2021-2025, tầm nhìn đến năm 2030"


def _horizon(period, periods: list[PeriodMention], text: str) -> int | None:
    """The horizon the plan's name gives after its phase ("đến năm 2025, tầm nhìn đến năm 2030",
    "GIAI ĐOẠN 2018 - 2020 VÀ TẦM NHÌN ĐẾN NĂM 2030"): the plan runs to it (annotation rule 7)."""
    _, end, evidence = period
    for vision in (p for p in periods if p.kind == "vision" and p.end > end):
        gap = text[evidence.end : vision.evidence.start]
        if len(gap) <= VISION_GAP and not re.search(r"[.;\n]", gap):
            return vision.end
    return None


def _basis_lines(text: str, words: PlanWords) -> SpanIndex:
    """The lines of a legal document's basis ("Căn cứ ..."), which cite other documents."""
    return SpanIndex((m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if words.legal_basis.match(m.group()))


TITLE_LETTERS = 12  # fewest letters of a title line in capitals
_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)")


def _period_of(pool: list[PeriodMention]):
    ranges = [p for p in pool if p.kind == "range"]
    years = [p for p in pool if p.kind == "year"]
    untils = [p for p in pool if p.kind == "until"]
    for r in ranges:
        # "giai đoạn 2021-2025, năm 2023": an annual plan inside a phase
        inner = [y for y in years if 0 < y.evidence.start - r.evidence.end <= 12 and r.start <= y.end <= r.end]
        if inner:
            return inner[0].end, inner[0].end, inner[0].evidence
    if ranges:
        return ranges[0].start, ranges[0].end, ranges[0].evidence
    if untils:
        return phase_start(untils[0].end), untils[0].end, untils[0].evidence
    if years:
        return years[0].end, years[0].end, years[0].evidence
    return None


def _title_end(text: str, words: PlanWords) -> int:
    """End of the page's title: a legal document's heading ("KẾ HOẠCH", "BÁO CÁO" and the lines
    after it up to a blank line past the first), else the first line of six or more words that is not a menu or a motto."""
    lines = list(re.finditer(r"[^\n]+", text))
    for i, match in enumerate(lines[:40]):
        if words.heading_type(match.group()):
            end = match.end()
            for n, following in enumerate(lines[i + 1 : i + 5]):
                if words.legal_basis.match(following.group()) or (n and "\n\n" in text[end : following.start()]):
                    break  # the title ends at its legal basis, or at a blank line after its first line
                end = following.end()
            return end
    for i, match in enumerate(lines[:40]):
        # a header's number line, then a title in capitals naming its years, with no type heading above it
        # ("Số: 4267/KH-UBND | Bến Tre, ngày 17 tháng 7 năm 2023 |" / "PHÁT TRIỂN KINH TẾ - XÃ HỘI ... NĂM 2024")
        title = [line for line in lines[i + 1 : i + 4] if line.group().strip(" |")]
        if words.number_line.match(match.group()) and title and in_capitals(title[0].group(), TITLE_LETTERS) and _YEAR.search(title[0].group()):
            return title[0].end()
    for i, match in enumerate(lines):
        if words.motto.search(match.group()) or words.date_line.search(match.group()) or words.legal_basis.match(match.group()):
            continue
        if len(match.group().split()) >= 6 and ">>" not in match.group():
            end = match.end()
            # a legal page's title runs over several capitalised lines
            for following in lines[i + 1 : i + 4]:
                if not following.group().isupper():
                    break
                end = following.end()
            return end
    return min(len(text), 200)


def congress_term(periods: list[PeriodMention], issuers: list[IssuerMention], words: PlanWords) -> tuple[PeriodMention, IssuerMention] | None:
    """A party congress's resolution covers its term: of the terms the page gives a party body
    ("Đại hội đại biểu Đảng bộ huyện lần thứ VI, nhiệm kỳ 2015-2020", beside the one before
    it), the latest, with the body it is given to. An election's term ("đại biểu HĐND các cấp,
    nhiệm kỳ 2026 - 2031") is not one."""
    terms = _terms_of(periods, [i for i in issuers if i.body == "party_committee"], words)
    return max(terms, key=lambda t: (t[0].end, -t[0].evidence.start)) if terms else None


def _terms_of(periods: list[PeriodMention], bodies: list[IssuerMention], words: PlanWords) -> list[tuple[PeriodMention, IssuerMention]]:
    """The terms ("nhiệm kỳ 2020-2025") given right after one of `bodies`, each with its body."""
    bodies = sorted(bodies, key=lambda i: i.evidence.end)
    ends = [i.evidence.end for i in bodies]
    terms = []
    for p in periods:
        if p.kind == "range" and words.term.match(p.evidence.text):
            index = bisect_right(ends, p.evidence.start)
            if index > 0 and p.evidence.start - ends[index - 1] <= TERM_REACH:
                terms.append((p, bodies[index - 1]))
    return terms


TERM_REACH = 40  # characters from a party body to its term: "Đảng bộ tỉnh Hà Giang lần thứ XVI (nhiệm kỳ"


REPORT_REACH = 120  # characters before a period where the words of a report on it may stand


def _reported(text: str, evidence, words: PlanWords) -> bool:
    """The years a report is on, in its clause ("Nghị quyết tình hình thực hiện kế hoạch ... năm
    2022", w076): the results' time, not the goals'."""
    start = max(text.rfind(mark, max(0, evidence.start - REPORT_REACH), evidence.start) for mark in ".;\n") + 1
    return words.results.search(text, max(start, evidence.start - REPORT_REACH), evidence.start) is not None
