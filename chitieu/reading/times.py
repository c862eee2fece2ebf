"""Years in a text and what each says (docs/reading.md, principle 5): a deadline ("đến năm
2025", "năm 2024"), a moment still ahead through its whole year ("đến cuối năm 2023"), a base a
change is measured from or a price base ("so với năm 2020", "giá so sánh năm 2010"), or a year
with no word before it. A year in a range ("2021 - 2025") opens or closes a phase and is no
due year; a year inside a date was taken by the dates pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import TimeRules
from ..phrases import alternation
from ..spans import SpanIndex, within

YEAR = r"(?:19|20)\d\d"
_IN_RANGE = re.compile(rf"{YEAR}\s*[-–—]\s*{YEAR}")
_YEAR = re.compile(rf"(?<![\w/.,-]){YEAR}(?![\w/]|[.,]\d)")
WORD_REACH = 30  # characters before a year in which its word is looked for
DUE_KINDS = frozenset({"deadline", "until", "plain"})  # years a target can be due by
GOAL_DUE_KINDS = frozenset({"deadline", "until"})  # "vào năm 2030", "đến năm 2025": when a goal is due


@dataclass(frozen=True)
class Year:
    value: int
    start: int  # where its word starts (the year itself when it has none)
    year_start: int
    end: int
    kind: str  # deadline, until, base, plain; phase for the end of a range ("2015 - 2020")


class TimeReader:
    """The time vocabulary of rules/times.yaml, compiled once."""

    def __init__(self, rules: TimeRules):
        self._base = _ending(rules.base_words.phrases)
        self._until = _ending(rules.until_words.phrases)
        self._deadline = _ending(rules.deadline_words.phrases)
        self.rule_ids = {"deadline": rules.deadline_words.id, "until": rules.until_words.id, "base": rules.base_words.id}

    def years(self, text: str, exclude: SpanIndex) -> list[Year]:
        """Every year that can date a quantity, in text order."""
        spans = [(m.start(), m.end()) for m in _IN_RANGE.finditer(text)]
        ranges = SpanIndex(spans)
        found = [Year(int(text[end - 4 : end]), start, start, end, "phase") for start, end in spans
                 if not exclude.overlaps(start, end)]
        for match in _YEAR.finditer(text):
            if ranges.overlaps(match.start(), match.end()) or exclude.overlaps(match.start(), match.end()):
                continue
            before = text[max(0, match.start() - WORD_REACH) : match.start()]
            kind, start = "plain", match.start()
            for name, pattern in (("base", self._base), ("until", self._until), ("deadline", self._deadline)):
                word = pattern.search(before)
                if word:
                    kind, start = name, match.start() - len(before) + word.start()
                    break
            found.append(Year(int(match.group()), start, match.start(), match.end(), kind))
        return sorted(found, key=lambda y: y.year_start)


def _ending(phrases: list[str]) -> re.Pattern:
    # the word right before the year: "đến năm 2025", "(giá so sánh năm 2010)", "so với 2020"
    return re.compile(rf"(?<!\w)(?:{alternation(phrases)})\s*$", re.IGNORECASE)


def years_between(years: list[Year], start: int, end: int) -> list[Year]:
    """The years whose digits lie in start..end, in order."""
    return within(years, start, end, lambda y: y.year_start, lambda y: y.end)


YEAR_END_MONTH = 11  # from November, what is told of the page's own year is mostly done


def is_past(year: Year, page_date: tuple[int, int]) -> bool:
    """Behind the writer on the page's date: a year before it, or the page's own year written
    in its last two months ("Năm 2024, ... đạt 3,7%" in December 2024); "đến cuối năm 2024" is
    still open through 2024."""
    page_year, page_month = page_date
    if year.kind == "until":
        return year.value < page_year
    return year.value < page_year or (year.value == page_year and page_month >= YEAR_END_MONTH)


def is_ahead(year: Year, page_date: tuple[int, int]) -> bool:
    """Clearly ahead of the writer: a later year, or the page's own year before its last months."""
    page_year, page_month = page_date
    return year.value > page_year or (year.value == page_year and page_month < YEAR_END_MONTH)


def line_due_year(s_years: list[Year], current: Year | None) -> Year | None:
    """The year a sentence without figures leaves its line due by: the last due year it names,
    unless a phase follows a bare year ("date 2026-02-23 ... cho 5 năm 2026-2030. Trong đó, ...
    42%": the page stamp's 2026 is no due year; the targets fall due when the plan ends)."""
    due = [y for y in s_years if y.kind in DUE_KINDS]
    phases = [y for y in s_years if y.kind == "phase"]
    if phases and (not due or (due[-1].kind == "plain" and phases[-1].start > due[-1].start)):
        return None
    return due[-1] if due else current
