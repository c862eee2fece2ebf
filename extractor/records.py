"""Extraction (what the passes found) -> DocumentResult (the plan, references and targets).

Choosing the page's plan among the symbols, dates, issuers and periods it mentions is the
only judgement made here; every chosen value keeps the evidence it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right

from .models import (
    DateMention, DocType, DocumentResult, Extraction, IssuerMention, Level, PeriodMention,
    PlaceRules, PlanRecord, ReferenceRecord, SymbolMention, SymbolRules, TargetMention,
)
from .passes.periods import phase_start
from .passes.symbols import letter_body_re
from .phrases import alternation, flexible, key
from .sentences import sentence_spans
from .spans import SpanIndex

# "... do UBND tỉnh vừa ban hành": the issuing verb after the symbol, before a comma ends the clause.
_ISSUED_AFTER = re.compile(r"^[^,]{0,160}\b(?:do|được)\s+[^,]{0,40}\b(?:ban\s+hành|phê\s+duyệt|ký)\b", re.IGNORECASE)
# "Theo UBND tỉnh Cà Mau, tỷ lệ hộ nghèo ...": the body says what the targets are
_ACCORDING_TO = re.compile(r"\btheo\s+$", re.IGNORECASE)
_MOTTO = re.compile(r"CỘNG HÒA XÃ HỘI|Độc lập\s*-\s*Tự do|^\s*(?:\|\s*)?Số\s*:", re.IGNORECASE)
# A page's date line ("THỨ BA, NGÀY 28 THÁNG 03 NĂM 2023 07:20") is no title.
_DATE_LINE = re.compile(r"^\W*(?:thứ\s+\w+|chủ\s+nhật)\b|\b\d{1,2}:\d{2}\b", re.IGNORECASE)
_LEGAL_BASIS = re.compile(r"[\s\-–•]*căn\s+cứ\b", re.IGNORECASE)
# The start of a header's number line: "Số" at the start of a line or table cell (a scan's OCR may
# leave a stray character before it: "ị Số: 1740 /QĐ-UBND").
_NUMBER_LINE = r"(?:^|\n)[^\S\n]*(?:\S[^\S\n]+)?(?:\|\s*)?(?i:Số)"
# "Số: 199/KH-UBND" in a legal header; "Số ký hiệu 101/2015/QH13" in a register's record (vbpl.vn)
_HEADER_SYMBOL = re.compile(rf"{_NUMBER_LINE}(?:\s*:|\s+ký\s+hiệu\s*:?)\s*$", re.IGNORECASE)
# The header's place-and-date line, "Hà Tĩnh, ngày 13 tháng 10 năm 2017": a two-column header
# read in stream order can put "Độc lập - Tự do - Hạnh phúc" between it and the "Số:" line.
_HEADER_DATELINE = re.compile(r"(?:[^\W\d_][^\n,|]{1,30},\s*(?:ngày\s*)?|Ngày\s+ban\s+hành\s*:?\s*)$", re.IGNORECASE)
HEADER_REACH = 300
# A legal header whose number is left blank for the signature ("Số: /KH-SNNMT", "Số:     /BC-UBND"),
# handwritten past OCR ("Số: 4é /KH-UBND") or that has none ("Số: Không số", a Constitution): the
# document is itself, with a type, no symbol.
_UNNUMBERED_HEADER = re.compile(
    rf"{_NUMBER_LINE}\s*:(?:\s*(?i:không\s+số)\b|[\s.…]*[^\s/]{{0,4}}[\s.…]*/\s*(?P<type>[A-ZĐ][A-Za-zĐđ&]{{0,9}})\b)"
)
HEADER_CHARS = 1500
# "... số 147/KH-UBND ngày 31/5/2022 của ": what joins a cited symbol to its issuer
_CITED_ISSUER = re.compile(r"[^.;]{0,60}?\bcủa\s*$", re.IGNORECASE)
_OWN_ISSUER_AFTER = re.compile(r"\s*,?\s*(?:ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?\s*)?của\s+", re.IGNORECASE)
_GOAL_OF = re.compile(r"\b(?:mục\s+tiêu|chỉ\s+tiêu)\s+(?:của\s+)?", re.IGNORECASE)
_ISSUER_LABEL = re.compile(r"Cơ\s+quan\s+ban\s+hành[^\n:]{0,40}:?\s*$", re.IGNORECASE)

class PlanWords:
    """The words that name a plan's document type (rules/symbols.yaml `type_words` limited to
    `plan_types`), compiled once: in running text ("Kế hoạch thực hiện ...") and as a legal
    document's heading line ("KẾ HOẠCH")."""

    def __init__(self, rules: SymbolRules, goals_above: list[str] = (), goal_words: list[str] = (),
                 places: PlaceRules | None = None):
        words = [(phrase, rule.code) for rule in rules.type_words if rule.code in rules.plan_types for phrase in rule.phrases]
        self.patterns = [(re.compile(rf"\b{flexible(p)}\b", re.IGNORECASE), code) for p, code in words]
        headings = "|".join(flexible(p.upper()) for p, _ in words)
        self.heading = re.compile(rf"\s*(?:{headings})\s*$")
        self.sign_types = {a: r.code for r in rules.sign_types for a in r.abbreviations}
        self.plan_types = frozenset(rules.plan_types)
        self.letter_body = letter_body_re(rules)
        # "Để hoàn thành các chỉ tiêu trên, UBND TP ...": the body that acts for the goals just stated
        self.goals_above = re.compile(rf"\b(?:{alternation(goals_above)})\b", re.IGNORECASE) if goals_above else None
        # what a body does when it sets targets or says what they are: the goal words and
        # reporting verbs of rules/cues.yaml, soon after the body in its sentence
        self.sets_targets = re.compile(rf"^[^.;]{{0,60}}?(?<!\w)(?:{alternation(goal_words)})(?!\w)", re.IGNORECASE) if goal_words else None
        # the territory a plan's targets speak of when no body names it: "tỉnh ta phấn đấu", "cả nước có"
        territories = {p.lower(): r.code for r in places.levels for p in r.phrases} if places else {}
        territories.update({p.lower(): "national" for p in places.national_words.phrases} if places else {})
        self.territory_level = territories
        self.territory = re.compile(rf"(?<!\w)(?:{alternation(territories)})(?!\w)", re.IGNORECASE) if territories else None
        # "UBND tỉnh ban hành Kế hoạch số ...": the symbol a sentence says was issued
        self.issuing = re.compile(rf"\b(?:{alternation(rules.issuing_verbs.phrases)})\b", re.IGNORECASE)
        # "Căn cứ / Triển khai thực hiện Kế hoạch số ...": a cited symbol, not the page's plan
        self.basis_before = re.compile(rf"\b(?:{alternation(rules.basis_words.phrases)})\s+(?:\w+\s+){{0,3}}$", re.IGNORECASE)
        self.citing_before = re.compile(rf"\b(?:{alternation(rules.citing_words.phrases)})\s+(?:\w+\s+){{0,3}}$", re.IGNORECASE)

    def type_word(self, sentence: str) -> DocType | None:
        found = [(m.start(), code) for pattern, code in self.patterns for m in pattern.finditer(sentence)]
        return min(found)[1] if found else None

    def type_word_end(self, text: str, sentence: tuple[int, int] | None) -> int:
        if sentence is None:
            return 0
        ends = [m.end() for pattern, _ in self.patterns for m in pattern.finditer(text, sentence[0], sentence[1])]
        return min(ends) if ends else sentence[0]


def build_result(extraction: Extraction, words: PlanWords) -> DocumentResult:
    text = extraction.document.text
    sentences = sentence_spans(text)
    dateline_year = next((d.year for d in extraction.dates if d.is_dateline and d.year), None)
    unnumbered = _UNNUMBERED_HEADER.search(text, 0, HEADER_CHARS)
    target_sentences = frozenset((t.sentence.start, t.sentence.end) for t in extraction.targets)
    plan_symbol = _plan_symbol(text, extraction.symbols, words, unnumbered is not None, target_sentences)
    issue_sentence = _issue_sentence(text, sentences, plan_symbol, extraction.targets, extraction.issuers, words)
    plan = PlanRecord()
    if plan_symbol:
        plan.symbol, plan.doc_type = plan_symbol.symbol, plan_symbol.doc_type
        plan.evidence["symbol"] = plan_symbol.evidence
    elif unnumbered:
        sign = unnumbered.group("type")
        title = text[unnumbered.end() : unnumbered.end() + HEADER_REACH]
        if sign:
            plan.doc_type = words.sign_types.get(sign) or ("cong_van" if words.letter_body.fullmatch(sign) else "other")
        else:
            plan.doc_type = words.type_word(title) or "other"
    elif issue_sentence and extraction.targets:
        doc_type = words.type_word(text[issue_sentence[0] : issue_sentence[1]])
        if doc_type:
            plan.doc_type = doc_type
    anchor = plan_symbol.evidence.end if plan_symbol else words.type_word_end(text, issue_sentence)
    period = _period(extraction.periods, issue_sentence, anchor, extraction.targets, text, words)
    if period:
        plan.period_start, plan.period_end = period[0], period[1]
        plan.evidence["period"] = period[2]
    if unnumbered and not plan_symbol:
        issued = _header_date(text, unnumbered.start(), extraction.dates)
    else:
        issued = _issue_date(text, extraction.dates, extraction.symbols, plan_symbol, issue_sentence, words)
    if issued:
        year = issued.year or dateline_year or plan.period_start
        if year:
            plan.issued = _date(year, issued.month, issued.day)
            plan.evidence["issued"] = issued.evidence
    issuer = _issuer(text, sentences, extraction.issuers, extraction.symbols, issue_sentence, plan_symbol, words)
    if issuer:
        plan.issuer_body = issuer.body
        plan.issuer_level = issuer.level
        plan.evidence["issuer"] = issuer.evidence
    plan.place = (issuer.place if issuer and issuer.place else None) or _page_place(extraction)
    if plan.issuer_level == "national":
        plan.place = None  # a national document covers no one territory
    if plan.issuer_level is None and plan.place and (extraction.targets or plan.symbol):
        plan.issuer_level = next((p.level for p in extraction.places if p.name == plan.place), None)
    if plan.issuer_level is None and extraction.targets:
        plan.issuer_level = _territory_level(text, target_sentences, words)
    if not (extraction.targets or plan.symbol or unnumbered):
        plan = PlanRecord()  # a page about no plan: every plan field null
    references = _references(text, extraction.symbols, extraction.dates, dateline_year, words)
    targets = [_for_plan(t, plan) for t in extraction.targets]
    return DocumentResult(document=extraction.document, plan=plan, references=references, targets=targets)


def _territory_level(text: str, sentences: frozenset[tuple[int, int]], words: PlanWords) -> Level | None:
    """The level of the territory the target sentences speak of most ("tỉnh ta", "toàn huyện",
    "cả nước"), when no body or place gives the plan's level."""
    if words.territory is None:
        return None
    counts: dict[str, int] = {}
    for start, end in sorted(sentences):
        for match in words.territory.finditer(text, start, end):
            level = words.territory_level[key(match.group())]
            counts[level] = counts.get(level, 0) + 1
    return max(counts, key=counts.get) if counts else None  # type: ignore[return-value]


def _for_plan(target: TargetMention, plan: PlanRecord) -> TargetMention:
    """A target due when the plan ends unless it says otherwise; a quota of the unit the plan
    itself covers ("Thị xã Hương Thủy ... đạt 14,4%" in Hương Thủy's plan) is for all of it."""
    update: dict = {}
    if target.year is None:
        update["year"] = plan.period_end
    if target.scope == "other" and plan.place and plan.place.lower() in target.text.lower():
        update["scope"] = "all"
    return target.model_copy(update=update) if update else target


# ---------------------------------------------------------------- plan symbol and sentence


def _plan_symbol(
    text: str, symbols: list[SymbolMention], words: PlanWords, own_header: bool, target_sentences: frozenset[tuple[int, int]],
) -> SymbolMention | None:
    """The header "Số: ..." of a legal page, else the symbol a sentence says was issued:
    "UBND tỉnh ban hành Kế hoạch số 199/KH-UBND", "Theo Kế hoạch số 117/KH-UBND ... do UBND
    tỉnh vừa ban hành", else a plan named in a sentence stating targets ("Theo Kế hoạch số
    120/KH-UBND ..., năm 2024 tỉnh phấn đấu ..."). A symbol cited as a basis ("Căn cứ", "Triển
    khai ... Kế hoạch số") is not, nor any symbol in a document whose own header number is blank
    (`own_header`)."""
    for symbol in symbols:
        if _in_header(text, symbol):
            return symbol
    if own_header:
        return None
    for symbol in symbols:
        if symbol.doc_type == "other":
            continue
        start, end = symbol.evidence.start, symbol.evidence.end
        before = _same_sentence_before(text[max(0, start - 80) : start])
        if words.issuing.search(before) and not words.citing_before.search(before[-40:]):
            return symbol
        after = _same_sentence_after(text[end : end + 220])
        if _ISSUED_AFTER.search(after):
            return symbol
    for symbol in symbols:
        start = symbol.evidence.start
        if symbol.doc_type not in words.plan_types or words.basis_before.search(text[max(0, start - 40) : start]):
            continue
        if any(s <= start < e for s, e in target_sentences):
            return symbol
    return None


def _in_header(text: str, symbol: SymbolMention) -> bool:
    """A symbol on a header's number line: near the top of the page ("Số:" in an annex table
    cell cites another document), or in a register's "Số ký hiệu" field anywhere."""
    label = _HEADER_SYMBOL.search(text[max(0, symbol.evidence.start - 12) : symbol.evidence.start])
    return bool(label) and (symbol.evidence.start < HEADER_CHARS or "ký" in label.group().lower())


def _same_sentence_before(before: str) -> str:
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind(";"))
    return before[cut + 1 :]


def _same_sentence_after(after: str) -> str:
    cut = min([i for i in (after.find(". "), after.find("\n"), after.find(";")) if i >= 0] or [len(after)])
    after = after[:cut]
    next_symbol = re.search(r"\d+\s?[/-]\s?[A-ZĐ]", after)
    return after[: next_symbol.start()] if next_symbol else after


def _issue_sentence(text, sentences, plan_symbol, targets, issuers: list[IssuerMention], words: PlanWords) -> tuple[int, int] | None:
    """The sentence that announces the plan: the one with its symbol, else one quoting the goal
    of a document it names with its body ("đạt mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh ...
    (nhiệm kỳ 2020 - 2025), ... bình quân hằng năm đạt 3 - 5%"), else one with an issuing verb."""
    if plan_symbol:
        for start, end in sentences:
            if start <= plan_symbol.evidence.start < end:
                return start, end
    for start, end in sorted({(t.sentence.start, t.sentence.end) for t in targets}):
        if words.issuing.search(text, start, end):
            continue  # "..., UBND tỉnh ban hành Kế hoạch ...": the plan announced, not one quoted
        for goal in _GOAL_OF.finditer(text, start, end):
            named = words.type_word_end(text, (goal.end(), min(end, goal.end() + 20)))
            if named > goal.end() and any(goal.end() <= i.evidence.start <= named + 3 for i in issuers):
                return start, end
    for start, end in sentences:
        sentence = text[start:end]
        if words.issuing.search(sentence) and words.type_word(sentence) and not _LEGAL_BASIS.match(sentence):
            return start, end
    for start, end in sentences:
        if words.type_word(text[start:end]) and re.search(r"kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu", text[start:end], re.IGNORECASE):
            return start, end
    return None


# ---------------------------------------------------------------- period and dates


def _period(periods: list[PeriodMention], issue_sentence, anchor: int, targets: list[TargetMention], text: str, words: PlanWords):
    """The years the plan covers, from the most telling place that names them: the sentence
    announcing the plan, then the title, then the deadlines of its targets."""
    title_end = _title_end(text, words)
    pools = []
    if issue_sentence:
        in_sentence = [p for p in periods if issue_sentence[0] <= p.evidence.start < issue_sentence[1]]
        after_anchor = [p for p in in_sentence if p.evidence.start >= anchor]
        # "Kế hoạch ... năm 2024 vừa được ... ban hành ... theo Nghị quyết ... giai đoạn 2021-2025":
        # the period right after the plan's name is the plan's own.
        pools.append(after_anchor[:2] if after_anchor[:1] and after_anchor[0].kind == "range" else after_anchor[:1] or in_sentence)
    pools.append([p for p in periods if p.evidence.start < title_end])
    target_sentences = SpanIndex((t.sentence.start, t.sentence.end) for t in targets)
    pools.append([p for p in periods if p.kind == "until" and target_sentences.covers(p.evidence.start, p.evidence.start + 1)])
    pools.append([p for p in periods if p.kind == "range"])
    period = next((chosen for pool in pools if (chosen := _period_of(pool))), None)
    stated = [t.year for t in targets if t.year]
    if period is None and stated:
        last = max(targets, key=lambda t: t.year or 0)  # the period's evidence: the target due last
        return (min(stated) if len(set(stated)) > 1 else phase_start(max(stated)) if _has_until(text) else max(stated)), max(stated), last.evidence
    if period and stated and max(stated) > period[1]:
        start = period[0] if period[0] is not None else phase_start(max(stated))
        return start, max(stated), period[2]  # a plan with targets for later years spans them
    return period


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
    """End of the page's title: a legal document's heading ("KẾ HOẠCH" and the capitalised
    lines after it), else the first line of six or more words that is not a menu or a motto."""
    lines = list(re.finditer(r"[^\n]+", text))
    for i, match in enumerate(lines[:40]):
        if words.heading.match(match.group()):
            end = match.end()
            for following in lines[i + 1 : i + 5]:
                if _LEGAL_BASIS.match(following.group()):
                    break
                end = following.end()
            return end
    for i, match in enumerate(lines):
        if _MOTTO.search(match.group()) or _DATE_LINE.search(match.group()):
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


def _has_until(text: str) -> bool:
    return bool(re.search(r"đến\s+(?:cuối\s+)?năm\s+(?:19|20)\d\d", text, re.IGNORECASE))


def _issue_date(text, dates: list[DateMention], symbols: list[SymbolMention], plan_symbol, issue_sentence, words: PlanWords) -> DateMention | None:
    """The date attached to the plan's symbol, else an uncited date in the announcing sentence."""
    if plan_symbol:
        found = _date_after(text, plan_symbol, dates, words)
        if found is None and _in_header(text, plan_symbol):
            found = _header_date(text, plan_symbol.evidence.start, dates)
        return found
    if issue_sentence:
        cited = {id(_date_after(text, s, dates, words)) for s in symbols}
        for date in dates:
            in_sentence = issue_sentence[0] <= date.evidence.start < issue_sentence[1]
            if in_sentence and not date.is_dateline and id(date) not in cited:
                return date
    return None


def _header_date(text: str, number_at: int, dates: list[DateMention]) -> DateMention | None:
    """The place-and-date line of the legal header whose "Số: ..." is at `number_at`."""
    for date in dates:
        start = date.evidence.start
        if abs(start - number_at) <= HEADER_REACH and _HEADER_DATELINE.search(text[max(0, start - 40) : start]):
            return date
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- issuer and place


def _issuer(text: str, sentences, issuers: list[IssuerMention], symbols: list[SymbolMention], issue_sentence, plan_symbol, words: PlanWords) -> IssuerMention | None:
    """The body in a document's own header ("ỦY BAN NHÂN DÂN / TỈNH TUYÊN QUANG / Số: ..."),
    else the body in the sentence announcing the plan, else one that sets or states the
    targets ("UBND tỉnh Đồng Tháp đề ra mục tiêu", "Theo UBND tỉnh Cà Mau, tỷ lệ ...")."""
    for issuer in issuers:
        if _ISSUER_LABEL.search(text[max(0, issuer.evidence.start - 60) : issuer.evidence.start]):
            return issuer  # a register's record: "Cơ quan ban hành / Chức danh / Người ký: Quốc hội"
    header_end = plan_symbol.evidence.start if plan_symbol else 400
    header = [
        i for i in issuers
        if i.evidence.end <= header_end and (plan_symbol is None or header_end - i.evidence.end <= 300)
        and i.evidence.text.isupper() and len(i.evidence.text) > 4
    ]
    if header:
        # "UBND TỈNH GIA LAI / SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG": the lower line is the issuer
        issuer = header[-1]
        if issuer.place is None and header[0].place:
            issuer = issuer.model_copy(update={"place": header[0].place, "level": issuer.level or header[0].level})
        return issuer
    if plan_symbol:
        for issuer in issuers:
            # "Kế hoạch số 120/KH-UBND ngày 10/1/2024 của UBND tỉnh Cao Bằng": the plan's own body
            if issuer.evidence.start > plan_symbol.evidence.end and _OWN_ISSUER_AFTER.fullmatch(
                text, plan_symbol.evidence.end, issuer.evidence.start
            ):
                return issuer
    if issue_sentence:
        inside = [i for i in issuers if issue_sentence[0] <= i.evidence.start < issue_sentence[1]]
        if plan_symbol:
            # "... Kế hoạch số 86/KH-UBND ngày 01/4/2020 của Ủy ban nhân dân tỉnh": the issuer
            # before the symbol is this plan's; one after it belongs to a cited document.
            before = [i for i in inside if i.evidence.start < plan_symbol.evidence.start]
            inside = before or inside
        # "Căn cứ Kế hoạch số 147/KH-UBND ngày 31/5/2022 của UBND tỉnh Sơn La, UBND huyện ... ban
        # hành": the body after a cited symbol's "của" issued that document, not this one
        own = [i for i in inside if not _issuer_of_cited(text, i, symbols, plan_symbol)]
        if own or inside:
            return (own or inside)[0]
    for issuer in issuers:
        if issuer.body == "department":
            continue  # a department head quoting results does not set the plan's targets
        sentence = next(((s, e) for s, e in sentences if s <= issuer.evidence.start < e), None)
        if sentence is None:
            continue
        according_to = _ACCORDING_TO.search(text[max(0, issuer.evidence.start - 8) : issuer.evidence.start])
        if according_to and text[issuer.evidence.end : issuer.evidence.end + 2].startswith(","):
            return issuer
        if words.sets_targets and words.sets_targets.search(text[issuer.evidence.end : sentence[1]][:120]):
            return issuer
        if words.goals_above and words.goals_above.search(text, sentence[0], issuer.evidence.start):
            return issuer
    return None


def _issuer_of_cited(text: str, issuer: IssuerMention, symbols: list[SymbolMention], plan_symbol) -> bool:
    cited = [s for s in symbols if s is not plan_symbol and 0 <= issuer.evidence.start - s.evidence.end <= 80]
    return any(_CITED_ISSUER.search(text, s.evidence.end, issuer.evidence.start) for s in cited)


def _page_place(extraction: Extraction) -> str | None:
    """Where the text names no place with the issuer: the page's hints, then its first province."""
    if extraction.document.place_hints:
        return extraction.document.place_hints[0]
    provinces = [p for p in extraction.places if p.level == "province"]
    if provinces:
        return provinces[0].name
    return extraction.places[0].name if extraction.places else None


# ---------------------------------------------------------------- references


def _references(text, symbols: list[SymbolMention], dates: list[DateMention], dateline_year, words: PlanWords) -> list[ReferenceRecord]:
    seen: dict[str, ReferenceRecord] = {}
    for symbol in symbols:
        key = symbol.symbol.replace("Đ", "D").replace("đ", "d")
        date = _date_after(text, symbol, dates, words)
        issued = _date(date.year or dateline_year, date.month, date.day) if date and (date.year or dateline_year) else None
        if key in seen:
            if seen[key].issued is None and issued:
                seen[key] = seen[key].model_copy(update={"issued": issued})
            continue
        seen[key] = ReferenceRecord(symbol=symbol.symbol, doc_type=symbol.doc_type, issued=issued, evidence=symbol.evidence)
    return list(seen.values())


def _date_after(text: str, symbol: SymbolMention, dates: list[DateMention], words: PlanWords) -> DateMention | None:
    """The date attached to a symbol; `dates` are in text order."""
    end = symbol.evidence.end
    start_of = lambda d: d.evidence.start  # noqa: E731
    for date in dates[bisect_left(dates, end, key=start_of) : bisect_right(dates, end + 45, key=start_of)]:
        # "199/KH-UBND ngày 02/8/2022"; a legal header: "Số: 270/KH-UBND | Đồng Tháp, ngày 19 ..."
        if re.fullmatch(r"[\s,|]*(?:[^\d\n|,]{0,25},\s*)?(?:ngày)?\s*", text[end : date.evidence.start], re.IGNORECASE):
            return date
    # "Ngày 02/8/2022, UBND tỉnh ban hành Kế hoạch số 199/KH-UBND": the date leads the sentence.
    earlier = dates[bisect_left(dates, symbol.evidence.start - 160, key=start_of) : bisect_left(dates, symbol.evidence.start, key=start_of)]
    before = [d for d in earlier if d.evidence.end <= symbol.evidence.start and not d.is_dateline]
    if before:
        date = before[-1]
        gap = text[date.evidence.end : symbol.evidence.start]
        if len(gap) <= 120 and words.issuing.search(gap) and not re.search(r"[.;\n]|\d+/", gap):
            return date
    return None
