"""Dates: "ngày 02/8/2022", "21.12.2021", "ngày 02 tháng 8 năm 2022", "Ngày 10/3" (no year),
and the page's own date line ("Thứ Sáu, 18/03/2022 18:05", "18/01/2024 14:04"). The words come
from rules/calendar.yaml; digits and separators are the grammar here."""

from __future__ import annotations

import calendar
import re

from spacy.tokens import Doc

from ..models import CalendarRules, DateMention, Evidence, PhraseRule
from ..nlp import text_of
from ..phrases import alternation
from ..spans import SpanIndex

_YEAR = r"(?P<y>(?:19|20)\s?\d\s?\d)"  # " 16/7/20 21": stored pages split some years
# A scan's day or month, one digit of it read by OCR as a look-alike letter ("ngày.3Ø tháng 10 năm 2014",
# Hà Tĩnh 70/2014/QĐ-UBND; "ngày J2 tháng I1 năm 2025", Lâm Đồng 493/TB-UBND; "ngày 0Ï tháng 7", Gia Lai 203/QĐ-STC)
_LOOK_ALIKES = "ØOIlJÏï"
_DIGIT_OF = str.maketrans(_LOOK_ALIKES, "0011111")
_OCR_NUMBER = rf"(?-i:\d[\d{_LOOK_ALIKES}]?|[{_LOOK_ALIKES}]\d)"  # the look-alikes as OCR writes them, in their case
_NUMERIC = re.compile(rf"(?<![\d/.])(?P<d>\d{{1,2}})\s?(?P<sep>[/.-])\s?(?P<m>\d{{1,2}})\s?(?P=sep)\s?{_YEAR}(?!\d)")
# A time right after or right before the date: the page's date line ("18/01/2024 14:04",
# "Văn Hoa - 05:32, 24/11/2023", w-pages of several portals).
_TIME = r"(?:\d{1,2}:\d{2}|\d{1,2}h\d{0,2})"
_TIME_AFTER = re.compile(rf"^[,|\s-]*{_TIME}")
_TIME_BEFORE = re.compile(rf"(?<![\d:]){_TIME}[,| \t-]*$")  # on the date's own line
# What may follow a labelled date on its line: nothing, or a separator before a counter or a time.
_LINE_END = re.compile(r"[ \t]*(?:$|\|)", re.MULTILINE)


class DatePass:
    def __init__(self, rules: CalendarRules, date_labels: PhraseRule):
        day, month, year = (alternation(r.phrases) for r in (rules.day_words, rules.month_words, rules.year_words))
        self.spelled = re.compile(
            rf"(?:{day})[\s.]+(?P<d>{_OCR_NUMBER})\s+(?:{month})\s+(?P<m>{_OCR_NUMBER})\s+(?:{year})\s+{_YEAR}(?!\d)", re.IGNORECASE
        )
        self.no_year, self.event_day = (re.compile(
            rf"\b(?:{alternation(words.phrases)})\s+(?P<d>\d{{1,2}})\s?[/.-]\s?(?P<m>\d{{1,2}})(?!\d|\s?[/.-]\s?\d)",
            re.IGNORECASE,
        ) for words in (rules.day_only_words, rules.event_time_words))
        self.event_rule = rules.event_time_words.id
        # a weekday right before the date: the page's date line
        self.weekday_before = re.compile(rf"(?:{alternation(rules.weekday_words.phrases)})\s*,?\s*(?:(?:{day})\s*)?$", re.IGNORECASE)
        # a portal's label opening the line the date ends ("Ngày đăng: 17.05.2019", "Ngày cập nhật 14/10/2021");
        # not the day word alone, which also opens a sentence or a wrapped citation's line ("ngày 16/7/2021")
        day_words = {w.casefold() for w in rules.day_words.phrases}
        labels = [label for label in date_labels.phrases if label.casefold() not in day_words]
        self.label_before = re.compile(rf"(?:^|\n)[^\w\n]*(?:{alternation(labels)})\s*:?[ \t]*$", re.IGNORECASE)

    def run(self, doc: Doc) -> list[DateMention]:
        text = text_of(doc)
        found: list[DateMention] = []
        taken: list[tuple[int, int]] = []
        patterns = ((self.spelled, "date-spelled.v1"), (_NUMERIC, "date-numeric.v1"), (self.no_year, "date-no-year.v1"),
                    (self.event_day, self.event_rule))
        for pattern, rule_id in patterns:
            earlier = SpanIndex(taken)  # a pattern's own matches never overlap one another
            for match in pattern.finditer(text):
                if earlier.overlaps(match.start(), match.end()):
                    continue
                day, month = (int(match.group(part).translate(_DIGIT_OF)) for part in ("d", "m"))
                year = int(re.sub(r"\s", "", match.group("y"))) if "y" in match.groupdict() else None
                if not _on_calendar(day, month, year):
                    continue
                taken.append((match.start(), match.end()))
                found.append(DateMention(
                    day=day, month=month, year=year, is_dateline=self._is_dateline(text, match),
                    evidence=Evidence(start=match.start(), end=match.end(), text=match.group(), rule_id=rule_id),
                ))
        found.sort(key=lambda d: d.evidence.start)
        return found

    def _is_dateline(self, text: str, match: re.Match) -> bool:
        before = text[max(0, match.start() - 20) : match.start()]
        if _TIME_AFTER.match(text[match.end() : match.end() + 10]) or _TIME_BEFORE.search(before):
            return True
        if self.weekday_before.search(before):
            return True
        return bool(self.label_before.search(before) and _LINE_END.match(text, match.end()))


def _on_calendar(day: int, month: int, year: int | None) -> bool:
    """A day that exists: 31/4 never does, 29/2 in leap years (any year, when none is written)."""
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(year or 2000, month)[1]
