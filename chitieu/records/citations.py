"""Dates: when the plan was issued, and the documents it cites with theirs."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right

from ..models import DateMention, ReferenceRecord, SymbolMention
from ..passes.repeats import HEADLINE_MAX
from ..sentences import line_end
from ..text import unaccented
from .plan import HEADER_REACH, in_header
from .words import PlanWords


UNTIL_REACH = 16  # characters before a date that may say it is a moment ("Tính đến ngày ")


def issue_date(text, dates: list[DateMention], symbols: list[SymbolMention], plan_symbol, issue_sentence, words: PlanWords) -> DateMention | None:
    """The date attached to the plan's symbol, else an uncited date in the announcing sentence."""
    if plan_symbol:
        found = symbol_date(text, plan_symbol, dates, words)
        if found is None and in_header(text, plan_symbol, words):
            found = header_date(text, plan_symbol.evidence.start, dates, words)
        return found
    if issue_sentence:
        cited = {id(symbol_date(text, s, dates, words)) for s in symbols}
        for date in dates:
            in_sentence = issue_sentence[0] <= date.evidence.start < issue_sentence[1]
            until = words.until_date.search(text, max(0, date.evidence.start - UNTIL_REACH), date.evidence.start)
            # "Sáng 14/3, HĐND huyện thông qua ...": a session's day
            event = date.evidence.rule_id == words.event_date_rule
            if in_sentence and not date.is_dateline and id(date) not in cited and not until and not event:
                return date
    return None


def session_day(text, dates: list[DateMention], symbols: list[SymbolMention], sentences, adopted: tuple[int, int],
                words: PlanWords) -> DateMention | None:
    """The day of the council session that adopted the plan, told up to the sentence saying so
    (w322, w071, w276): a council's resolution is issued the day it is adopted. Not the day a
    session opens (w290), nor the first day of one the page says runs several days (w090): its
    resolutions come at its close. A title telling the adoption is told again, with the day, by
    the first sentence after it naming the session (docs/reading.md)."""
    told = [text[s[0] : s[1]] for s in sentences]
    several_days = any(words.session.search(t) and words.days_counted.search(t) for t in told)
    until = adopted[1]
    if _title_line(text, adopted):
        until = next((s[1] for s, t in zip(sentences, told) if s[0] >= adopted[1] and words.session.search(t)), until)
    cited = {id(symbol_date(text, s, dates, words)) for s in symbols}
    for date in dates:
        if date.evidence.start >= until:
            break
        sentence = next((t for s, t in zip(sentences, told) if s[0] <= date.evidence.start < s[1]), "")
        held = words.session.search(sentence) and not words.session_opening.search(sentence)
        if held and not date.is_dateline and id(date) not in cited and (words.session_closing.search(sentence) or not several_days):
            return date
    return None


def _title_line(text: str, sentence: tuple[int, int]) -> bool:
    """A sentence that is a short line of its own: a headline or a title."""
    start, end = sentence
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and not text[end : line_end(text, end)].strip() and end - start <= HEADLINE_MAX


def header_date(text: str, number_at: int, dates: list[DateMention], words: PlanWords) -> DateMention | None:
    """The place-and-date line of the legal header whose "Số: ..." is at `number_at`."""
    for date in dates:
        start = date.evidence.start
        if abs(start - number_at) <= HEADER_REACH and words.header_dateline.search(text[max(0, start - 40) : start]):
            return date
    return None


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def cited_references(text, symbols: list[SymbolMention], dates: list[DateMention], dateline_year, words: PlanWords) -> list[ReferenceRecord]:
    seen: dict[str, ReferenceRecord] = {}
    for symbol in symbols:
        key = unaccented(symbol.symbol)
        date = symbol_date(text, symbol, dates, words)
        issued = safe_date(date.year or dateline_year, date.month, date.day) if date and (date.year or dateline_year) else None
        if key in seen:
            if seen[key].issued is None and issued:
                seen[key] = seen[key].model_copy(update={"issued": issued})
            continue
        seen[key] = ReferenceRecord(symbol=symbol.symbol, doc_type=symbol.doc_type, issued=issued, evidence=symbol.evidence)
    return list(seen.values())


def symbol_date(text: str, symbol: SymbolMention, dates: list[DateMention], words: PlanWords) -> DateMention | None:
    """The date attached to a symbol (the issue date of the document it names); `dates` are in text order."""
    end = symbol.evidence.end
    start_of = lambda d: d.evidence.start  # noqa: E731
    for date in dates[bisect_left(dates, end, key=start_of) : bisect_right(dates, end + 45, key=start_of)]:
        # "199/KH-UBND ngày 02/8/2022"; a legal header: "Số: 2356/KH-UBND | Kon Tum, ngày 18 ..." (w033)
        if words.symbol_to_date.fullmatch(text, end, date.evidence.start):
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
