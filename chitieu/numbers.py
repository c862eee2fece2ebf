"""Vietnamese numbers, ranges, bounds and units -> values.

`parse_number("18,66") == 18.66`, `parse_number("25.000") == 25000`. `QuantityReader(rules)`
finds every quantity in a text ("trên 3%", "từ 15 đến 20%", "khoảng 25.000 lao động",
"1/2 số hộ nghèo", "24 nghìn người") with its span, bound, unit and values. It decides nothing
about whether a quantity is a target: that is the targets pass's job.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable

from .models import Bound, NumberGrammar, NumberRules, Unit, UnitRule
from .number_patterns import baseline_after, per_one_pattern, group_rank_pattern, place_pattern, rank_pattern
from .output_counts import OutputCounts
from .phrases import alternation, key
from .spans import SpanIndex

# A number as printed: digits with dot or comma groups ("1.587.166", "18,66", "02").
NUMBER = r"\d+(?:[.,]\d+)*"
# "33/33 lớp", "14.982/80.972 hộ": a count out of a total
COUNT_OF_TOTAL = r"(?P<frac_n>\d+(?:\.\d{3})*)\s*/\s*(?P<frac_d>\d+(?:\.\d{3})*)(?![\w/])"
# A unit on the next line belongs to the number only when the number ends a wrapped line of
# running text, not a short heading line.
MIN_WRAPPED_LINE = 30


def parse_number(text: str) -> float | None:
    """Read a number the Vietnamese way: comma decimal, dot thousands, leading zeros. None when
    no reading makes sense: separators mixed at random ("1.2,3,4"), more digits than a float holds."""
    try:
        value = _parse(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _parse(text: str) -> float:
    if "," in text and "." in text:
        return float(text.replace(".", "").replace(",", "."))
    if "," in text:
        head, _, tail = text.rpartition(",")
        # "25,000,000" (English-style groups) is rare but unambiguous with two commas.
        if text.count(",") > 1:
            return float(text.replace(",", ""))
        return float(f"{head}.{tail}")
    if "." in text:
        groups = text.split(".")
        if all(len(g) == 3 for g in groups[1:]):
            return float("".join(groups))
        return float(text) if text.count(".") == 1 else float("".join(groups))
    return float(text)


@dataclass(frozen=True)
class Quantity:
    """One quantity in a text. `start`/`end` cover bound words, numbers and unit."""

    start: int
    end: int
    number_start: int
    number_end: int
    value_min: float
    value_max: float
    bound: Bound
    bound_rule: str | None
    unit: Unit
    unit_text: str
    unit_rule: str
    per_year_suffix: bool
    is_range: bool
    is_baseline: bool = False  # "từ 5,98% xuống còn 4,92%" (w273): 5,98% is where the change starts


COUNT_OPENER_REACH = 24  # characters before a number where a bound or "cho" may stand
NOT_AFTER_REACH = 16  # characters before a number where a unit's not_after word may stand
LIFESPAN_REACH = 40  # characters from a lifespan's name to its figure: whose it is, the verb, a bound
_NEXT_LETTER = re.compile(r"[ \t]+([^\W\d_])")  # the first letter of the word after a unit


class QuantityReader:
    """Compiled quantity grammar for one NumberRules; build once, use for every document."""

    def __init__(self, rules: NumberRules):
        self.rules = rules
        self._unit_by_phrase = {key(p): u for u in rules.units for p in u.phrases}
        self._not_after = {u.id: re.compile(rf"(?<!\w)(?:{alternation(u.not_after)})\s+$", re.IGNORECASE)
                           for u in rules.units if u.not_after}
        self._scale_by_phrase = {key(p): s.factor for s in rules.scales for p in s.phrases}
        self._bound_before = {key(p): b for b in rules.bounds if b.position == "before" for p in b.phrases}
        self._bound_after = {key(p): b for b in rules.bounds if b.position == "after" for p in b.phrases}
        self._word_by_phrase = {key(p): w for w in rules.number_words for p in w.phrases}
        grammar = rules.grammar
        scale = alternation(self._scale_by_phrase)
        unit = alternation(self._unit_by_phrase)
        self._compile_quantity(grammar, scale, unit, alternation(p for r in rules.non_units for p in r.phrases))
        joiners = rf"(?:(?:{alternation(grammar.bound_joiners)})\s+|:\s*)?" if grammar.bound_joiners else r"(?::\s*)?"
        self._bound_before_re = re.compile(
            rf"(?:^|(?<=\W))(?P<bound>{alternation(self._bound_before)})\s*{joiners}$", re.IGNORECASE
        )
        # after the unit and any "/người/tháng" it carries
        self._bound_after_re = re.compile(rf"(?:\s*/\s*\w+){{0,3}}\s*(?P<bound>{alternation(self._bound_after)})\b", re.IGNORECASE)
        openers = {key(p) for p in grammar.range_openers}
        self._from_rules = {b.id for b in rules.bounds if b.position == "before" and openers.intersection(map(key, b.phrases))}
        self._openers = openers
        self._coming_from = re.compile(rf"(?<!\w)(?:{alternation(grammar.coming_from)})\s+$", re.IGNORECASE) if grammar.coming_from else None
        # "Tất cả: 16,833,380" is a label, not "all"
        self._words_re = re.compile(rf"(?<!\w)(?P<word>{alternation(self._word_by_phrase)})(?!\w)(?!\s*:)", re.IGNORECASE)
        # "triệu đồng/người/năm", "đồng/hộ/tháng": what a sum of money is per
        self._money_rate = re.compile(rf"(?:\s*/\s*(?:{alternation(grammar.per_units)}))+", re.IGNORECASE)
        self._bare_money = {key(p) for p in grammar.bare_money_abbreviations}
        self._count_opener = re.compile(rf"(?<!\w)(?:{alternation(grammar.count_openers)})\s+$", re.IGNORECASE)
        self._baseline_after = baseline_after(grammar, unit, alternation(self._bound_before))
        self._outputs = OutputCounts(rules, alternation(self._bound_before))
        # up to four syllables of what is counted ("thuê bao điện thoại/100 dân", Hà Tĩnh STTTT 2016),
        # then the population it is counted per
        self._per_population = re.compile(
            rf"(?P<unit>(?:[^\W\d_]+[^\S\n]*){{1,4}}/\s*(?:{alternation(rules.density.phrases)}))(?!\w)", re.IGNORECASE)
        self._density_rule = rules.density.id
        # a span of life measured before the number, in its clause ("tuổi thọ trung bình của người dân đạt")
        self._lifespan = re.compile(rf"(?<!\w)(?:{alternation(rules.lifespan.phrases)})(?!\w)[^.;:\n\d]{{0,{LIFESPAN_REACH}}}$", re.IGNORECASE)
        self._lifespan_window = LIFESPAN_REACH + max(len(p) for p in rules.lifespan.phrases)
        self._lifespan_rule = rules.lifespan.id
        self._per_one = per_one_pattern(rules, unit)
        self._rank_rule, self._rank_groups = rules.rank_group.id, (rank_pattern(rules), group_rank_pattern(rules))
        self._place_rule, self._rank_place = rules.rank_place.id, place_pattern(rules)
        self._within = {key(p) for p in rules.rank_place.within}

    def _compile_quantity(self, grammar: NumberGrammar, scale: str, unit: str, non_unit: str) -> None:
        """The number pattern: a fraction, or one figure or a range, with its scale, percent sign, "/năm" and unit."""
        turn = rf"(?:{alternation(grammar.turn_words)})" if grammar.turn_words else "(?!)"
        self._turn = re.compile(rf"^{turn}\s+", re.IGNORECASE)
        yearly = rf"\s*/\s*(?:{alternation(grammar.year_unit)})\b"
        self._yearly = re.compile(yearly, re.IGNORECASE)
        # "%0" is a per-mille sign typed (rules unit-per-mille), not a percent
        one = rf"(?P<{{n}}>{NUMBER})(?:\s*(?P<{{s}}>{scale})\b)?(?P<{{p}}>\s*%(?!0))?(?:{yearly})?"
        # a dash opening a line is a list's bullet, never a range's ("đến năm 2030\n- 100% dân cư ...")
        range_join = rf"[ \t]*(?:-|–|—|(?<!\w)(?:{alternation(grammar.range_words)})(?!\w))\s*"
        self._quantity = re.compile(
            rf"(?<![\w/.,-])(?<!\d:)"  # no part of a word, a date, a decimal or a clock's minutes ("15:05 GMT+7")
            rf"(?:{COUNT_OF_TOTAL}"
            rf"|{one.format(n='n1', s='s1', p='p1')}"
            rf"(?:{range_join}{one.format(n='n2', s='s2', p='p2')})?)"
            # non-units first: "145 trường hợp" (cases) is no count of "trường" (schools)
            rf"(?P<unit_gap>\s*)(?:(?P<non_unit>{non_unit})\b|(?P<unit>(?:{turn}\s+)?(?:{unit}))(?=\W|$))?",
            re.IGNORECASE,
        )

    # ------------------------------------------------------------------ public

    def find(self, text: str, exclude: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
        """Every quantity in `text`, in order, skipping spans in `exclude` (dates, symbols)."""
        # "trên 1 ha đất trồng trọt": the area a value is counted per holds no quantity
        blocked = SpanIndex([*exclude, *(m.span() for m in self._per_one.finditer(text))])
        found: list[Quantity] = []
        listing_end: int | None = None  # where the last count of a deed's list ends
        for match in self._quantity.finditer(text):
            # only the number itself may not overlap a date or symbol: the word read after it may
            # open the next line's date ("... dưới 5%\n\nNgày 16/1, ...")
            numeric_end = match.start("unit_gap") if match.start("unit_gap") >= 0 else match.end()
            if blocked.overlaps(match.start(), numeric_end):
                continue
            quantity = self._read(text, match, listing_end)
            if quantity is not None:
                found.append(quantity)
                listing_end = quantity.end if self._outputs.lists(text, quantity, listing_end) else None
        for match in self._words_re.finditer(text):
            if not blocked.overlaps(match.start(), match.end()):
                found.append(self._read_word(text, match))
        ranks = [self._read_rank(match) for pattern in self._rank_groups for match in pattern.finditer(text)
                 if not blocked.overlaps(*match.span("n"))]
        ranks += [self._read_place(match) for match in self._rank_place.finditer(text) if not blocked.overlaps(*match.span("n"))]
        if ranks:  # "trong 10 trường ... tốt nhất" is a rank, not a count of schools
            ranked = {q.number_start for q in ranks}
            found = [q for q in found if q.number_start not in ranked] + ranks
        found.sort(key=lambda q: q.start)
        return found

    # ------------------------------------------------------------------ reading one match

    def _read(self, text: str, m: re.Match, listing_end: int | None) -> Quantity | None:
        if m.group("non_unit") and not (m.group("p1") or m.group("p2")) and not self._measures_lifespan(text, m):
            return None  # ages, durations, years: "dưới 16 tuổi", "36 tháng" (but "48,14% năm 2015")
        unit_text = _unit_on_line(text, m)
        if m.group("frac_n"):
            return self._read_fraction(text, m, unit_text)
        numeric_end = m.start("unit_gap")
        unit = self._unit_of(text, m, unit_text) or self._outputs.listed(text, m, listing_end)
        if unit is None:
            return None  # a bare number: a counter, a year, a code
        unit_code, unit_rule, unit_text, end = unit
        if unit_rule in self._not_after and self._not_after[unit_rule].search(text, max(0, m.start() - NOT_AFTER_REACH), m.start()):
            return None  # what a rubric awards (the unit's not_after words)
        values = self._values(m)
        if values is None:
            return None  # no number a reader could take from it
        low, high = values
        if unit_code != "percent" and _looks_like_year(m.group("n1"), m.group("n2")) and not self._counted(text, m):
            return None
        if unit_code == "vnd" and not (m.group("s1") or m.group("s2")) and key(unit_text) in self._bare_money and low < 1000:
            return None
        suffix = text[end : end + 14]
        per_year = bool(self._yearly.match(suffix) or self._yearly.search(text, m.start(), numeric_end))
        if unit_code == "vnd":
            per_year = False  # "triệu đồng/người/năm", "đồng/năm" are income units, not yearly rates
            rate = self._money_rate.match(text, end)
            end = rate.end() if rate else end  # ... and belong to the quantity
        bound, bound_rule, start, bound_end, is_baseline = self._bounds_around(text, m, end)
        yearly_after_bound = bound_end > end and unit_code != "vnd" and self._yearly.match(text, bound_end)
        if yearly_after_bound:
            # "giảm từ 6% trở lên/năm" (w001), "từ 10 đảng viên trở lên/năm" (w148): the rate's year follows its bound
            per_year, bound_end = True, yearly_after_bound.end()
        end = bound_end
        return Quantity(
            start=start,
            end=end,
            number_start=m.start(),
            number_end=m.end("n2") if m.group("n2") else m.end("n1"),
            value_min=low,
            value_max=high,
            bound=bound,
            bound_rule=bound_rule,
            unit=unit_code,
            unit_text=unit_text,
            unit_rule=unit_rule,
            per_year_suffix=per_year,
            is_range=m.group("n2") is not None,
            is_baseline=is_baseline,
        )

    def _counted(self, text: str, m: re.Match) -> bool:
        """A four-digit number a bound or "cho" opens counts what follows it, though it reads like a
        year ("cho 2000 người", w314; "với trên 2000 lượt người", Hà Tĩnh 1740): a time word names a year."""
        before = text[max(0, m.start() - COUNT_OPENER_REACH) : m.start()]
        bound = self._bound_before_re.search(before)
        opens_range = bound is not None and key(bound.group("bound")) in self._openers  # "Từ 2022, ...": from a year
        return not m.group("n2") and bool((bound and not opens_range) or self._count_opener.search(before))

    def _unit_of(self, text: str, m: re.Match, unit_text: str) -> tuple[Unit, str, str, int] | None:
        """The quantity's unit, the rule that read it, its text and end: a percent sign, a unit
        word, or what a padded count or a deed's count counts."""
        if m.group("p1") or m.group("p2"):
            percent = self._unit_by_phrase["%"]
            return percent.code, percent.id, "%", m.start("unit_gap")
        if unit_text:
            rule = self._unit_rule(unit_text)
            return rule.code, rule.id, unit_text, m.end("unit")
        if m.group("non_unit"):
            return "other", self._lifespan_rule, m.group("non_unit"), m.end("non_unit")  # the age a life expectancy reaches
        return self._density(text, m) or self._outputs.padded(text, m) or self._outputs.deed(text, m)

    def _measures_lifespan(self, text: str, m: re.Match) -> bool:
        """An age or a count of years after what measures a span of life, in its clause."""
        return self._lifespan.search(text, max(0, m.start() - self._lifespan_window), m.start()) is not None

    def _density(self, text: str, m: re.Match) -> tuple[Unit, str, str, int] | None:
        """"87 thuê bao/100 dân": a number counted per a population (rules density)."""
        density = None if m.group("s1") else self._per_population.match(text, m.end())
        return ("other", self._density_rule, density.group("unit"), density.end()) if density else None

    def _unit_rule(self, unit_text: str) -> UnitRule:
        """The unit's rule; turns of a unit ("lượt cán bộ") are counted in it."""
        return self._unit_by_phrase.get(key(unit_text)) or self._unit_by_phrase[key(self._turn.sub("", unit_text))]

    def _values(self, m: re.Match) -> tuple[float, float] | None:
        """The low and high ends of a number or range, each with its scale word."""
        low = self._value(m.group("n1"), m.group("s1"))
        high = self._value(m.group("n2"), m.group("s2") or m.group("s1")) if m.group("n2") else low
        if m.group("n2") and m.group("s2") and not m.group("s1"):
            low = self._value(m.group("n1"), m.group("s2"))  # "220–230 triệu" (w071): both ends in millions
        if low is None or high is None:
            return None
        return (high, low) if high < low else (low, high)  # "0,9 - 0,8%": a range written from the high end

    def _bounds_around(self, text: str, m: re.Match, end: int) -> tuple[Bound, str | None, int, int, bool]:
        """The bound before the number, as the words after it may settle it; the quantity's new
        start and end; whether "từ N" is where a movement starts rather than a floor."""
        bound, bound_rule, start = self._bound(text, m.start(), m.group("n2") is not None)
        after_bound = self._bound_after_re.match(text, end, end + 40)
        if after_bound and (bound == "exact" or bound_rule in self._from_rules):
            # "từ 2.000.000 người trở xuống": the word after says which way "từ" opens
            rule = self._bound_after[key(after_bound.group("bound"))]
            bound, bound_rule = rule.code, rule.id
            end = after_bound.end()
        elif after_bound and bound == "at_least" and self._bound_after[key(after_bound.group("bound"))].code == "at_least":
            end = after_bound.end()
        is_baseline = bound_rule in self._from_rules and bool(self._baseline_after.match(text, end))
        if is_baseline:
            bound, bound_rule, start = "exact", None, m.start()
        return bound, bound_rule, start, end, is_baseline

    def _read_fraction(self, text: str, m: re.Match, unit_text: str) -> Quantity | None:
        numerator = parse_number(m.group("frac_n"))
        denominator = parse_number(m.group("frac_d"))
        if numerator is None or denominator is None:
            return None
        if unit_text:
            # "6/12 xã", "16/19 tiêu chí", "14.982/80.972 hộ nghèo" (w039): a count out of a total
            rule = self._unit_rule(unit_text)
            value, unit_code, unit_rule, end = numerator, rule.code, rule.id, m.end("unit")
        elif denominator and numerator < denominator and denominator <= 10:
            # "1/2 số hộ nghèo", "2/3": a share
            value, unit_code, unit_rule, end = 100 * numerator / denominator, "percent", "fraction-share.v1", m.end("frac_d")
        else:
            return None
        bound, bound_rule, start = self._bound(text, m.start(), False)
        return Quantity(
            start=start, end=end, number_start=m.start(), number_end=m.end("frac_d"),
            value_min=value, value_max=value, bound=bound, bound_rule=bound_rule, unit=unit_code,
            unit_text=unit_text, unit_rule=unit_rule, per_year_suffix=False, is_range=False,
        )

    def _read_word(self, text: str, m: re.Match) -> Quantity:
        rule = self._word_by_phrase[key(m.group("word"))]
        bound, bound_rule, start = self._bound(text, m.start(), False)
        return Quantity(
            start=start, end=m.end(), number_start=m.start(), number_end=m.end(),
            value_min=rule.value, value_max=rule.value, bound=bound, bound_rule=bound_rule,
            unit=rule.unit, unit_text="", unit_rule=rule.id, per_year_suffix=False, is_range=False,
        )

    def _read_rank(self, m: re.Match) -> Quantity:
        value = float(m.group("n"))
        return Quantity(
            start=m.start("n"), end=m.end("peer"), number_start=m.start("n"), number_end=m.end("n"),
            value_min=value, value_max=value, bound="at_most", bound_rule=self._rank_rule,
            unit="other", unit_text=m.group("peer"), unit_rule=self._rank_rule, per_year_suffix=False, is_range=False,
        )

    def _read_place(self, m: re.Match) -> Quantity:
        value = float(m.group("n"))
        bound = "at_most" if key(m.group("word")) in self._within else "exact"
        return Quantity(
            start=m.start("word"), end=m.end("n"), number_start=m.start("n"), number_end=m.end("n"),
            value_min=value, value_max=value, bound=bound, bound_rule=self._place_rule,
            unit="other", unit_text="", unit_rule=self._place_rule, per_year_suffix=False, is_range=False,
        )

    def _value(self, number: str, scale: str | None) -> float | None:
        value = parse_number(number)
        if value is not None and scale:
            value *= self._scale_by_phrase[key(scale)]
        return value if value is not None and math.isfinite(value) else None

    def _bound(self, text: str, start: int, is_range: bool) -> tuple[Bound, str | None, int]:
        """The bound written before the number, and the new start of the quantity."""
        before = text[max(0, start - 30) : start]
        match = self._bound_before_re.search(before)
        if not match:
            return "exact", None, start
        phrase = key(match.group("bound"))
        rule = self._bound_before[phrase]
        new_start = start - (len(before) - match.start("bound"))
        if phrase in self._openers and self._coming_from and self._coming_from.search(text, max(0, new_start - 8), new_start):
            return "exact", None, start
        if phrase in self._openers and is_range:
            # "từ 15 đến 20%", "từ 4 - 5%": the range's opening word, not a floor; it may
            # follow a real bound ("khoảng từ 4-5%").
            outer, outer_rule, outer_start = self._bound(text, new_start, False)
            return (outer, outer_rule, outer_start) if outer != "exact" else ("exact", None, new_start)
        return rule.code, rule.id, new_start


def _unit_on_line(text: str, m: re.Match) -> str:
    """The unit read after a number, unless it is a capitalised level word naming a unit ("1
    Huyện Sìn Hồ": a table's row number and label, as a PDF's text layer prints a row), or a
    line break parts them and the next line opens
    something of its own: a heading's number ("Điều 3\nNhà nước", "1\nChương trình"), or a
    table row ending in a number before a row whose label starts with a capital ("... 93,02\nBác
    sĩ bình quân 1 vạn dân ..."), where a wrapped sentence goes on in lower case."""
    unit_text = m.group("unit") or ""
    name = _NEXT_LETTER.match(text, m.end("unit")) if unit_text else None
    if name and name.group(1).isupper() and unit_text[0].isupper() and not unit_text.isupper():
        # "1 Huyện Sìn Hồ 28,15 4,5": a table row's number and the unit it names
        return ""
    if not unit_text or "\n" not in m.group("unit_gap"):
        return unit_text
    heading = m.start() - (text.rfind("\n", 0, m.start()) + 1) < MIN_WRAPPED_LINE
    new_row = unit_text[0].isupper() and not unit_text.isupper()
    return "" if heading or new_row else unit_text


def _looks_like_year(first: str, second: str | None) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", first)) and (second is None or bool(re.fullmatch(r"(19|20)\d\d", second)))


# markup left in a stored page ('width="130%">', 'style="width:130%;"'): a number inside it is no quantity
_MARKUP_BEFORE = re.compile(r"""=\s*["']?$|[\w-]:$""")
_MARKUP_AFTER = re.compile(r"""["'>]|;["'\s]""")  # matched at the number's end


def in_markup(text: str, q: Quantity) -> bool:
    """A number inside markup left in a stored page ('style="width:130%">')."""
    return bool(_MARKUP_BEFORE.search(text, max(0, q.start - 12), q.start) and _MARKUP_AFTER.match(text, q.end, q.end + 3))
