"""Sentence and clause boundaries over normalised text (pure, regex)."""

from __future__ import annotations

import re
from functools import lru_cache

# A sentence ends at a line break, a semicolon, or ". ! ?" followed by space; a dot between
# digits ("25.000") or inside an abbreviation ("TP.HCM") does not end one.
_BREAK = re.compile(r"\n+|;\s*|(?<=[.!?…])\s+(?=\S)|(?<=[.!?…])$")


@lru_cache(maxsize=8)  # several passes of one document ask for the same spans
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every non-empty sentence, trimmed of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BREAK.finditer(text):
        _add(text, start, match.start() + (1 if text[match.start() : match.start() + 1] == ";" else 0), spans)
        start = match.end()
    _add(text, start, len(text), spans)
    return tuple(spans)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


_ITEM_END_BEFORE = re.compile(r";\s*$")
ITEM_GAP = 8  # characters between an item's ";" and the next item


def after_item(text: str, start: int) -> bool:
    """The sentence at `start` follows a ";" that ended a list item."""
    return _ITEM_END_BEFORE.search(text, max(0, start - ITEM_GAP), start) is not None


def line_end(text: str, start: int) -> int:
    """Where the line holding `start` ends."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end


_BLANK_LINES = re.compile(r"(?:[^\S\n]*\n)*")


def next_line_end(text: str, start: int) -> int:
    """Where the line after the one holding `start` ends, past blank lines: a page whose
    paragraphs stand apart by a blank line has its next paragraph there."""
    following = _BLANK_LINES.match(text, min(len(text), line_end(text, start) + 1)).end()
    return line_end(text, following)
