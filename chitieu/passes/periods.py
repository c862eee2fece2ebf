"""Periods a plan covers: "giai đoạn 2021-2025", "năm 2024", "đến năm 2025", "2022 – 2025".
The words come from rules/calendar.yaml; years and dashes are the grammar here."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..models import CalendarRules, Evidence, PeriodMention
from ..nlp import text_of
from ..phrases import alternation
from ..spans import SpanIndex

_Y = r"((?:19|20)\d\d)"
# a phase told by its end alone: "đến năm 2025"
UNTIL_RULE = "period-until.v1"


class PeriodPass:
    def __init__(self, rules: CalendarRules):
        year = alternation(rules.year_words.phrases)
        # the lead-in word, when there is one, with its space: an optional space before every year
        # would rescan a long blank run from each of its characters
        self.range = re.compile(
            rf"(?:(?:{alternation(rules.period_words.phrases)})\s*)?{_Y}\s*(?:-|–|—|{alternation(rules.range_words.phrases)})\s*{_Y}(?!\d)",
            re.IGNORECASE,
        )
        self.until = until_pattern(rules)
        # "tầm nhìn đến năm 2030", "định hướng đến 2030": the horizon a phase's plan runs to
        self.vision = re.compile(
            rf"(?:{alternation(rules.vision_words.phrases)})\s+(?:(?:{alternation(rules.until_words.phrases)})\s+)?"
            rf"(?:(?:{alternation(rules.year_words.phrases)})\s+)?{_Y}(?!\d)",
            re.IGNORECASE,
        )
        self.year = re.compile(rf"\b(?:{year})\s+{_Y}(?!\d)", re.IGNORECASE)
        # "ngày 13 tháng 10 năm 2017", "ngày ỗñ tháng 12 năm 2016" (a day OCR could not read): a date's year
        self.month_before = re.compile(rf"(?:{alternation(rules.month_words.phrases)})\s*\S{{0,3}}\s*$", re.IGNORECASE)

    def run(self, doc: Doc) -> list[PeriodMention]:
        text = text_of(doc)
        found: list[PeriodMention] = []
        taken: list[tuple[int, int]] = []
        kinds = ((self.range, "range", "period-range.v1"), (self.vision, "vision", "period-vision.v1"),
                 (self.until, "until", UNTIL_RULE), (self.year, "year", "period-year.v1"))
        for pattern, kind, rule_id in kinds:
            earlier = SpanIndex(taken)  # a pattern's own matches never overlap one another
            for m in pattern.finditer(text):
                if earlier.overlaps(m.start(), m.end()):
                    continue
                if kind == "year" and self.month_before.search(text, max(0, m.start() - 12), m.start()):
                    continue
                if kind == "range":
                    start, end = int(m.group(1)), int(m.group(2))
                    if not 0 < end - start <= 15:
                        continue
                else:
                    start, end = (None if kind in ("until", "vision") else int(m.group(1))), int(m.group(1))
                taken.append((m.start(), m.end()))
                found.append(PeriodMention(
                    start=start, end=end, kind=kind,
                    evidence=Evidence(start=m.start(), end=m.end(), text=m.group().strip(), rule_id=rule_id),
                ))
        found.sort(key=lambda p: p.evidence.start)
        return found


def until_pattern(rules: CalendarRules) -> re.Pattern:
    """"đến năm 2030", "tới cuối năm 2025": the year a period runs to."""
    extent = alternation(rules.until_extent_words.phrases)
    return re.compile(
        rf"(?:{alternation(rules.until_words.phrases)})\s+(?:(?:{extent})\s+)?(?:{alternation(rules.year_words.phrases)})\s+{_Y}(?!\d)",
        re.IGNORECASE,
    )


def phase_start(end_year: int) -> int:
    """First year of the national five-year phase containing `end_year` (2016-2020, 2021-2025...)."""
    return end_year - ((end_year - 1) % 5)
