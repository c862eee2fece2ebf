"""A commitment's fields, read from its clause (docs/reading.md, principles 6-10): indicator,
scope, change, yearly flag and the text that states it.

`Previous` is what the target before it in the same sentence said; a clause that names nothing
of its own (an elliptic item: "huyện B 2,0-2,4%", "(giảm 1.970 hộ)", seed 003) takes it over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..sentences import after_item
from .clause import Clause
from .marks import Mark

_RATE_OF = {"poverty.households": "poverty.rate", "near_poverty.households": "near_poverty.rate"}
_COUNT_OF = {rate: count for count, rate in _RATE_OF.items()}
_SCOPE_RANK = {"poor_districts": 0}  # poor districts win over any group named with them
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
RELATIVE_CUT_MIN = 10  # "giảm 15% số hộ nghèo": a cut of households, not of the rate, from this share
NEAR_VERB = 80  # characters within which a change verb before the number still moves it
VERB_AFTER = 30  # characters within which "thoát nghèo" after a count moves it
AFTER_NUMBER = 3  # characters between a number and the measured phrase written after it


@dataclass(frozen=True)
class Previous:
    indicator: str | None = None
    scope: str | None = None
    year: int | None = None
    change: str = "level"
    bound: str = "exact"
    per_year: bool = False
    unit: str | None = None


def elliptic(c: Clause) -> bool:
    """The clause names nothing of its own: no measured phrase, no action verb ("...; hằng năm kết
    nạp từ 120 đảng viên trở lên" opens a new predicate), no word outside its marks, years and
    named units before the number (since the last break), and at most one after it."""
    if any(m.family in ("indicator", "measure", "action") for m in c.near_left):
        return False
    # a "và" joining two groups inside the measured phrase is no break ("giảm tỷ lệ hộ nghèo đa
    # chiều vùng đồng bào DTTS và miền núi xuống dưới 10%"): a measure since the last punctuation counts
    clause_start = c.start_after(",;:(", c.left_start)
    if any(m.family == "indicator" and m.priority > 0 and m.start >= clause_start for m in c.left):
        return False
    # the measured phrase right after the number ("giảm 4,5% tỷ lệ hộ nghèo") is the clause's own
    if any(m.family == "indicator" and m.priority > 0 and m.start - c.q.end <= AFTER_NUMBER for m in c.right_clause):
        return False
    # a label before a colon names what the item measures ("...; Năng suất bình quân hàng năm: 50tạ/ha");
    # a unit's name there says whose quota it is ("...; huyện B: 2%")
    labelled = c.text[c.left_start : c.near_start].rstrip().endswith(":") and not c.text[c.near_start : c.q.start].strip()
    left = _blank(c.text, c.left_start if labelled else c.near_start, c.q.start, c)
    # the standard the figure is measured by ("theo chuẩn nghèo ...") qualifies the measure
    standard = c.words.standard.search(c.text, c.q.end, c.right_clause_end)
    right = _blank(c.text, c.q.end, standard.start() if standard else c.right_clause_end, c)
    return not _LETTER_WORD.findall(left) and len(_LETTER_WORD.findall(right)) <= 1


def _blank(text: str, start: int, end: int, c: Clause) -> str:
    chars = list(text[start:end])
    spans = [(m.start, m.end) for m in c.marks] + [(y.start, y.end) for y in c.years]
    spans += [(m.start(), m.end()) for m in c.words.named_unit.finditer(text, start, end)]
    spans += [(m.start(), m.end()) for m in c.words.part_of.finditer(text, start, end)]
    spans += [(m.start(), m.end()) for m in c.words.restate_word.finditer(text, start, end)]
    if c.q.start > start:
        spans.append((c.q.start, c.q.end))
    for s, e in spans:
        for i in range(max(s, start), min(e, end)):
            chars[i - start] = " "
    return "".join(chars)


def indicators(c: Clause, previous: Previous | None, change: str) -> list[tuple[str, Mark | None]]:
    """The indicator(s) of a quantity: the most specific phrase of its measured phrase."""
    q = c.q
    specific = lambda ms: [m for m in ms if m.family == "indicator" and m.priority > 0]  # noqa: E731
    population = lambda ms: [m for m in ms if m.family == "indicator" and m.priority == 0]  # noqa: E731
    adjacent = [m for m in c.right if m.family == "indicator" and _adjacent(c, m)]
    if change != "decrease":
        # "80% số hộ nghèo đang sử dụng nhà tiêu ...": the households are who, not what
        adjacent = [m if m.code not in _RATE_OF else Mark(m.family, m.code, m.rule_id, 0, m.start, m.end) for m in adjacent]
    clause_specific = sorted(specific(c.right_clause), key=lambda m: (-m.priority, m.start))
    if specific(c.near_left):
        chosen = specific(c.near_left)[-1]
    elif specific(adjacent):
        chosen = specific(adjacent)[0]
    elif clause_specific:
        return _coordinated(c, clause_specific)
    elif previous and previous.indicator and c.part_of_previous and not specific(c.left):
        # annotation rule 10: a "trong đó" part keeps its parent's measure
        return [(fit_unit(previous.indicator, q, None), None)]
    elif population(c.near_left) and not population(adjacent):
        chosen = population(c.near_left)[-1]  # "..., hộ cận nghèo còn 16,96%" (w104): a new group, not the last one
    elif previous and previous.indicator and elliptic(c) and not population(adjacent):
        return [(fit_unit(previous.indicator, q, None), None)]
    elif population(adjacent):
        chosen = population(adjacent)[0]
    elif specific(c.left):
        chosen = specific(c.left)[-1]
    elif population(c.right_clause) or population(c.left):
        chosen = (population(c.right_clause) or [None])[0] or population(c.left)[-1]
    else:
        return [("other", None)]
    if chosen.priority == 0 and change == "level" and any(m.family == "support" and m.end <= q.start for m in c.marks):
        return [("other", chosen)]  # "hỗ trợ ... 1.200 hộ nghèo": who is helped, not the poor households left
    if q.unit == "percent" and chosen.code in _RATE_OF and change != "decrease" and chosen.start >= q.number_end and (
        chosen not in adjacent or c.words.coverage.search(c.right_clause_text)
    ):
        return [("other", chosen)]  # "95% hộ nghèo được ...": a share of a group, not the poverty rate
    return [(fit_unit(chosen.code, q, chosen), chosen)]


def _adjacent(c: Clause, mark: Mark) -> bool:
    """Nothing but a percent sign, a slash or measure words between the number and the phrase
    ("giảm 3-4% tỷ lệ hộ cận nghèo"; a slash: a share "%/" of a total)."""
    gap = list(c.text[c.q.number_end : mark.start])
    for m in c.right:
        if m.family == "measure" and m.end <= mark.start:
            for i in range(m.start - c.q.number_end, m.end - c.q.number_end):
                gap[i] = " "
    return not "".join(gap).replace("%", "").replace("/", "").strip()


def _coordinated(c: Clause, ranked: list[Mark]) -> list[tuple[str, Mark | None]]:
    """One number, two goals joined ("trên 95% hộ dân được sử dụng điện ... và được sử dụng
    nước hợp vệ sinh") gives a target per goal; otherwise the best one."""
    first = ranked[0]
    for later in sorted(ranked, key=lambda m: m.start):
        if later.start > first.end and later.code != first.code and c.lead_in:
            between = c.text[first.end : later.start]
            if c.words.joined_goal.search(between) and "," not in between:
                return [(fit_unit(m.code, c.q, m), m) for m in (first, later)]
    return [(fit_unit(first.code, c.q, first), first)]


def fit_unit(code: str, q, chosen: Mark | None) -> str:
    """Rates measure percent, counts measure households: follow the unit."""
    if q.unit == "households" and code in _COUNT_OF:
        return _COUNT_OF[code]
    if q.unit == "percent" and code in _RATE_OF:
        # "giảm 15% số hộ nghèo": a relative cut in households when N cannot be rate points
        relative_cut = chosen is not None and chosen.start >= q.number_end and q.value_max >= RELATIVE_CUT_MIN
        return code if relative_cut else _RATE_OF[code]
    return code


def scope(c: Clause, previous: Previous | None, parent: Previous, topic: str | None = None) -> str:
    own = [m for m in c.left if m.family == "scope"]
    if not own:
        own = [m for m in c.right_clause if m.family == "scope" and not c.words.listed_item.search(c.text[c.q.end : m.start])]
    named = c.words.named_unit.search(c.text, c.left_start, c.q.start)
    if named and not c.words.commits_after.match(c.text, named.end()):  # "Đảng bộ xã X đề ra ...": the plan's own unit
        own.append(Mark("scope", "other", "scope-named-unit.v1", 1, c.left_start, c.left_start))
    if own:
        own.sort(key=lambda m: (_SCOPE_RANK.get(m.code, 1), m.start))
        return own[0].code
    if topic:
        return topic  # "Đối với khu vực miền núi, ...; 88% thôn ...": the group its line's topic names
    if previous:
        return previous.scope or "all"
    if c.part_of_previous:
        return parent.scope or "all"  # "; trong đó, có khoảng 50 lao động ...": the parent's group
    return "all"


def change(c: Clause, previous: Previous | None) -> str:
    q = c.q
    near_verbs = [m for m in c.near_left if m.family == "change"]
    far_verbs = [m for m in c.left if m.family == "change" and q.start - m.end <= NEAR_VERB]
    after = [m for m in c.right_clause if m.family == "change" and m.code == "decrease" and m.start - q.end <= VERB_AFTER]
    if any(m.family == "change_rate" for m in c.left):
        code = "decrease"  # "tỷ lệ giảm nghèo của tỉnh đạt 5,02%/năm" (w037): a rate of decrease
    elif near_verbs:
        code = near_verbs[-1].code
    elif after:
        code = "decrease"  # "7.016 hộ thoát nghèo" (w054)
    elif previous and not c.words.coverage.search(c.right_clause_text) and not any(m.family == "action" for m in c.left):
        # "giảm 260 hộ (203 hộ nghèo và 57 hộ cận nghèo)", "giảm 0,35% ... và 0,2% ..."; an action
        # verb of its own opens a new predicate ("..., giải quyết việc làm cho 250 lao động")
        code = previous.change
    elif far_verbs:
        code = far_verbs[-1].code
    else:
        code = "level"
    if code == "decrease" and q.bound == "at_most":
        return "level"  # "giảm ... dưới 1%": a level to stay under, not a cut
    return code


def per_year(c: Clause, previous: Previous | None, parent: Previous, change_code: str) -> bool:
    q = c.q
    cues = [m for m in c.left + c.right_clause if m.family == "per_year"]
    if q.unit == "vnd":
        # "triệu đồng/người/năm" is an income unit; "mỗi năm đều đạt hơn 100 tỷ đồng" (w168) is yearly
        cues = [m for m in cues if m.end <= q.start]
    if (q.per_year_suffix and q.unit != "vnd") or cues:
        return True
    yearly_sentence = any(m.family == "per_year" and m.end <= q.start for m in c.marks)
    if yearly_sentence and c.words.average.search(c.text, c.left_start, q.start):
        return True  # "giảm bình quân từ 4%-5%" after "2%-2,5%/năm" in the same sentence
    # "hằng năm tỷ lệ hộ nghèo giảm 2% và tỷ lệ hộ cận nghèo giảm 1%": one yearly cut each, also
    # across the ";" items of a line a yearly word opens ("- Hằng năm, số vụ ... tăng trên 3%; số vụ
    # ... tăng trên 5%")
    before = previous or (parent if _in_yearly_line(c) else None)
    if before and before.per_year and change_code == before.change != "level" and q.unit == before.unit:
        return True
    if previous and previous.per_year and q.unit_rule in c.words.output_count_rules:
        return True  # each output of a yearly deed's list is yearly (docs/reading.md, principle 6)
    return c.part_of_previous and parent.per_year  # "mỗi năm ... 40.000 lao động, trong đó ... 15.000 người"


def _in_yearly_line(c: Clause) -> bool:
    """The clause follows a ";" of a line that opens with a yearly word and a comma."""
    if not after_item(c.text, c.sentence[0]):
        return False
    return bool(c.words.yearly_opening.match(c.text, c.text.rfind("\n", 0, c.sentence[0]) + 1))
