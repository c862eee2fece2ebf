"""Periods a plan covers: "giai đoạn 2021-2025", "năm 2024", "đến năm 2025", "2022 – 2025"."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..models import Evidence, PeriodMention
from ..nlp import text_of
from ..spans import SpanIndex

_Y = r"((?:19|20)\d\d)"
# the lead-in word, when there is one, with its space: an optional space before every year
# would rescan a long blank run from each of its characters
_RANGE = re.compile(rf"(?:(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ|từ\s+năm|trong|từ)\s*)?{_Y}\s*(?:-|–|—|đến|đến năm)\s*{_Y}(?!\d)", re.IGNORECASE)
_UNTIL = re.compile(rf"(?:đến|tới)\s+(?:cuối\s+|hết\s+)?năm\s+{_Y}(?!\d)", re.IGNORECASE)
_YEAR = re.compile(rf"\bnăm\s+{_Y}(?!\d)", re.IGNORECASE)
# "ngày 13 tháng 10 năm 2017", "ngày ỗñ tháng 12 năm 2016" (a day OCR could not read): a date's year
_MONTH_BEFORE = re.compile(r"tháng\s*\S{0,3}\s*$", re.IGNORECASE)


def run(doc: Doc) -> list[PeriodMention]:
    text = text_of(doc)
    found: list[PeriodMention] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind, rule_id in ((_RANGE, "range", "period-range.v1"), (_UNTIL, "until", "period-until.v1"), (_YEAR, "year", "period-year.v1")):
        earlier = SpanIndex(taken)  # a pattern's own matches never overlap one another
        for m in pattern.finditer(text):
            if earlier.overlaps(m.start(), m.end()):
                continue
            if kind == "year" and _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue
            if kind == "range":
                start, end = int(m.group(1)), int(m.group(2))
                if not 0 < end - start <= 15:
                    continue
            else:
                start, end = (None if kind == "until" else int(m.group(1))), int(m.group(1))
            taken.append((m.start(), m.end()))
            found.append(
                PeriodMention(
                    start=start, end=end, kind=kind,
                    evidence=Evidence(start=m.start(), end=m.end(), text=m.group().strip(), rule_id=rule_id),
                )
            )
    found.sort(key=lambda p: p.evidence.start)
    return found


def phase_start(end_year: int) -> int:
    """First year of the national five-year phase containing `end_year` (2016-2020, 2021-2025...)."""
    return end_year - ((end_year - 1) % 5)
