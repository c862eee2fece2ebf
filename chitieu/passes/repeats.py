"""One commitment, one target (docs/reading.md, principle 6): a headline stating the body's key
figure, a lead printing the headline again, a goal told again in other words are each one
target, its first statement (annotation rule 3)."""

from __future__ import annotations

import math
import re
from bisect import bisect_left

from ..models import TargetMention
from ..reading.layout import Layout
from ..sentences import line_end, next_line_end
from ..text import STORED_DATE

HEADLINE_MAX = 300  # a first line longer than this is body text, not a headline
HEADLINE_WORDS = 4  # fewest words of a headline: a shorter first line is a site's tag or a date
TAG_LINES = 3  # lines of tags and dates a page may print above its headline
RESTATED_WORDS = 6  # fewest words a statement needs to be told a restatement of a longer one
REPEAT_OVERLAP = 0.75  # share of their words two statements of one figure have in common when both state one commitment
OUTPUT_RESTATED = 0.7  # share of a table's product cell's words (or the goal's, if fewer) that a goal it restates holds
_WORDS = re.compile(r"[^\W\d_]+")
_LINE_END, _ITEM_END = re.compile("\n"), re.compile(";")
_ENUMERATED = re.compile(r"\s*(?:[^\W\d_]|\d+|[IVXLC]+)[.)]\s|\s*[-+•*]\s")  # "a) ", "2. ", "IV. ", "- "


def one_statement_each(targets: list[TargetMention], text: str, named_unit: re.Pattern, layout: Layout,
                       headline: tuple[int, int] | None) -> list[TargetMention]:
    """The targets in reading order, each commitment once. `named_unit` finds a unit named with
    its level word ("huyện Mèo Vạc"): quotas of two named units are two commitments; `layout`
    tells the items of one list and a task table's product cells; `headline` is the page's
    (headline_span)."""
    if headline:
        targets = _drop_headline_paraphrases(targets, headline, text)
        lead = _lead_span(text, headline[1])
        if lead:
            targets = _drop_headline_paraphrases(targets, lead, text)
    return _drop_repeats(targets, named_unit, _Lists(text, layout))


def _lead_span(text: str, after: int) -> tuple[int, int] | None:
    """The short paragraph right after the headline that sums the article up (a news page's lead:
    "Đại hội ... đặt mục tiêu tăng trưởng GRDP 11%/năm, đạt 8.500 USD/người ...", w255); an item
    of a list opening the text is none."""
    start = len(text) - len(text[after:].lstrip())
    end = line_end(text, start)
    return (start, end) if 0 < end - start <= HEADLINE_MAX and not _ENUMERATED.match(text, start) else None


def headline_span(text: str) -> tuple[int, int] | None:
    """The page's first line of words when it is short: the headline that sums the article up,
    past a site's tags and a date line before it ("Multimedia", "09:57:40 11/11/2025"), with the
    next line when the page prints it again (a site's title bar, then the article's own title)."""
    start = _headline_start(text)
    end = line_end(text, start)
    if end - start > HEADLINE_MAX:
        return None
    following = len(text) - len(text[end:].lstrip())
    again = line_end(text, following)
    first, second = text[start:end].strip(), text[following:again].strip()
    if second and again - following <= HEADLINE_MAX and (second in first or first in second):
        return start, again
    return start, end


def few_words(line: str) -> bool:
    """Fewer words than a headline has: a site's tag, a date and time line ("Thứ Ba, 20/06/2017 |
    07:32"), a photo's credit."""
    return len(_WORDS.findall(line)) < HEADLINE_WORDS


def _headline_start(text: str) -> int:
    """Where the first line of words begins: a line of fewer than four words (a site's tag, a
    date and time, the page's stored stamp) before it is no headline."""
    start = 0
    for _ in range(TAG_LINES):
        end = line_end(text, start)
        line = text[start:end]
        stamp = STORED_DATE.match(line)  # only at the line's start: a search would rescan a long run of spaces
        line = line[stamp.end() :] if stamp else line
        if not few_words(line) or _ENUMERATED.match(line) or end >= len(text):
            # a numbered heading ("a) Mục tiêu") opens the text, it tags nothing
            return start
        start = len(text) - len(text[end:].lstrip())
    return 0  # no line of words near the top: the first line stands


def _drop_headline_paraphrases(targets: list[TargetMention], headline: tuple[int, int], text: str) -> list[TargetMention]:
    """A headline states the body's key figure first: the body's statement of the same figure
    is a repeat, and a headline rounding a body figure ("giảm hơn 1.800 hộ nghèo" over "giảm
    1.890 hộ nghèo", w038) adds nothing; one the body does not state (an aggregate of quotas) stays."""
    # the headline printed again inside the lead ("Ban thường vụ ... khóa 14. <headline>") is the headline
    again = {id(t) for t in targets if t.evidence.start >= headline[1] and _prints_title(t, text[headline[0] : headline[1]])}
    targets = [t for t in targets if id(t) not in again]
    body = [t for t in targets if t.evidence.start >= headline[1]]
    repeated: set[int] = set()
    restating: set[tuple] = set()  # the headline figures the body states again
    stated = {(_figure_of(t), frozenset(_words(t))): t for t in targets if headline[0] <= t.evidence.start < headline[1]}
    for figure in stated.values():  # a headline printed twice states each figure once
        # a headline restates one body figure, in fewer words: of a body with several "90%",
        # the statement closest in words
        same = [b for b in body if _figure_of(b) == _figure_of(figure) and id(b) not in repeated]
        if same:
            words = _words(figure)
            repeated.add(id(max(same, key=lambda b: (_overlap(_words(b), words), -b.evidence.start))))
            restating.add(_figure_of(figure))
    body = [b for b in body if id(b) not in repeated]
    targets = [t for t in targets if id(t) not in repeated]

    def paraphrased(target: TargetMention) -> bool:
        # a figure the body states again is that statement; a range rounds nothing
        if _figure_of(target) in restating:
            return False
        rounded = target.value_min == target.value_max
        return any(
            (b.indicator, b.unit, b.change) == (target.indicator, target.unit, target.change)
            and ((rounded and _rounds_to(b.value_max, target.value_max)) or _end_of_range(b, target.value_max))
            for b in body
        )

    return [t for t in targets if not (headline[0] <= t.evidence.start < headline[1] and paraphrased(t))]


def _prints_title(target: TargetMention, title: str) -> bool:
    """The target's sentence is the headline, or holds a line of it around the target's figure."""
    sentence = target.sentence.text
    if sentence.strip(" .;…\n") in title:
        return True
    for line in (line.strip(" .;…") for line in title.splitlines()):
        at = sentence.find(line) + target.sentence.start
        if line and at >= target.sentence.start and at <= target.evidence.start and target.evidence.end <= at + len(line):
            return True
    return False


def _figure_of(target: TargetMention) -> tuple:
    return target.value_min, target.value_max, target.unit


def _words(target: TargetMention) -> set[str]:
    return set(_WORDS.findall(target.text.lower()))


def _restated_within(words: set[str], other: set[str]) -> bool:
    """A shorter statement whose words all stand in a longer one of the same figure restates it
    ("tỷ lệ nghèo đa chiều giảm còn 0,23%" after "Xã ... phấn đấu tỷ lệ nghèo đa chiều cuối năm 2030
    giảm còn 0,23%"); a bare "đạt 100%" says too little to tell."""
    shorter, longer = sorted((words, other), key=len)
    return len(shorter) >= RESTATED_WORDS and shorter <= longer


def _contained(words: set[str], other: set[str]) -> float:
    return len(words & other) / max(1, min(len(words), len(other)))


def _overlap(words: set[str], other: set[str]) -> float:
    return len(words & other) / max(1, len(words | other))


def _rounds_to(value: float, rounded: float) -> bool:
    """"gần 5.000" for 4.990, "hơn 1.800" for 1.890: `rounded` is `value` rounded or cut to one
    or two significant digits."""
    if value == rounded or value <= 0:
        return False
    magnitude = math.floor(math.log10(value))
    steps = [10.0 ** (magnitude + 1 - digits) for digits in (1, 2)]
    return any(round(value / step) * step == rounded or math.floor(value / step) * step == rounded for step in steps)


def _end_of_range(body: TargetMention, value: float) -> bool:
    """"lên 40%" in a headline over "35-40%" in the body: one end of the body's range."""
    return body.value_min != body.value_max and value in (body.value_min, body.value_max)


def _drop_repeats(targets: list[TargetMention], named_unit: re.Pattern, lists: _Lists) -> list[TargetMention]:
    """The same commitment stated again (headline and body, goals and tasks) is one target: the
    same figure for the same measure, told in mostly the same words, of the same unit."""
    kept: list[TargetMention] = []
    by_figure: dict[tuple, list[tuple[TargetMention, set[str], set[str]]]] = {}  # only the same figure can repeat
    for target in targets:
        words, units = _words(target), _units(target, named_unit)
        alike = by_figure.setdefault(_figure(target), [])
        if not any(_same_year(target, k) and _same_commitment(target, words, k, kept_words, lists)
                   and not _other_unit(units, kept_units) for k, kept_words, kept_units in alike):
            kept.append(target)
            alike.append((target, words, units))
    return kept


def _units(target: TargetMention, named_unit: re.Pattern) -> set[str]:
    return {" ".join(m.group().lower().split()) for m in named_unit.finditer(target.text)}


def _other_unit(units: set[str], kept_units: set[str]) -> bool:
    """"huyện Mèo Vạc giảm 5-6%; huyện Đồng Văn 5-6%": the same figure, each unit its own quota."""
    return bool(units) and bool(kept_units) and not units & kept_units


def _figure(target: TargetMention) -> tuple:
    return target.indicator, target.value_min, target.value_max, target.unit, target.scope


def _same_year(target: TargetMention, kept: TargetMention) -> bool:
    """A figure told without a year is due when the plan ends, so the year another telling of it
    names ("Kế hoạch năm 2024" over an annex's cell) may be its own."""
    return target.year is None or kept.year is None or target.year == kept.year


class _Lists:
    """Where a document's lines end and its list items part (";" within a line, or a line's
    marker), to tell in constant time whether two statements are items of one list."""

    def __init__(self, text: str, layout: Layout):
        self.line_ends = [m.start() for m in _LINE_END.finditer(text)]
        self.item_ends = [m.start() for m in _ITEM_END.finditer(text)]
        self.layout = layout

    def one_list(self, first: TargetMention, second: TargetMention) -> bool:
        """The items of one list are distinct things ("tỷ lệ trường học đạt chuẩn Quốc gia đạt 100%;
        ...; 100% trạm y tế đạt chuẩn quốc gia", w175; rural and urban water in Long An's directive;
        "+ Mây nếp 300 ha (mỗi năm trồng 33,0 ha)" and "+ Mây tắt 300 ha (mỗi năm trồng 33,0 ha)"):
        a goal is told again elsewhere, not in its own list."""
        start, end = first.evidence.end, second.evidence.start
        in_line = _count_within(self.item_ends, start, end) > 0 and _count_within(self.line_ends, start, end) == 0
        return in_line or self.layout.sibling_items(first.evidence.start, second.evidence.start)


def _count_within(positions: list[int], start: int, end: int) -> int:
    return bisect_left(positions, end) - bisect_left(positions, start)


def _same_commitment(target: TargetMention, words: set[str], kept: TargetMention, kept_words: set[str], lists: _Lists) -> bool:
    if lists.layout.other_rows(kept.evidence.start, target.evidence.start):
        return False  # two rows of a table are two quotas, however alike their cells
    told_alike = _overlap(words, kept_words) >= REPEAT_OVERLAP or _restated_within(words, kept_words)
    if target.modality_rule == lists.layout.output_rule != kept.modality_rule:
        # a task table's product cell names the goal its task serves, in the table's words ("100%
        # văn bản, hồ sơ công việc tại cấp tỉnh và cấp xã được xử lý trên môi trường điện tử" for the
        # goals' "100% văn bản, hồ sơ công việc các cấp được xử lý toàn trình trên môi trường điện tử")
        told_alike = told_alike or _contained(words, kept_words) >= OUTPUT_RESTATED
    if target.indicator != "other":
        # a measure's figure told again is one commitment, unless another item of the same list tells it
        return target.change == kept.change and target.bound == kept.bound and (told_alike or not lists.one_list(kept, target))
    return told_alike and not lists.one_list(kept, target)


def title_line(text: str, headline: tuple[int, int] | None, layout: Layout) -> int | None:
    """The line of a news page's title: a headline with the page's date line of a few words under
    it ("Thứ Ba, 20/06/2017 | 07:32"), as portals print an article's head."""
    if headline is None:
        return None
    below = next_line_end(text, headline[1])
    date_line = text[text.rfind("\n", 0, below) + 1 : below]
    dated = date_line.strip() and few_words(date_line) and any(c.isdigit() for c in date_line)
    return layout.line_of(headline[1]) if dated else None
