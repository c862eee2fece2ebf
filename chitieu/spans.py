"""Questions about many character spans at once, in logarithmic time: a long document has
thousands of mentions, and asking each against every other grows with the square."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Iterable


class SpanIndex:
    """A fixed set of (start, end) spans, which may overlap one another."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        """Some span shares a character with start..end."""
        before_end = bisect_left(self._starts, end)
        return before_end > 0 and self._reach[before_end - 1] > start

    def covers(self, start: int, end: int) -> bool:
        """Some span holds all of start..end."""
        from_start = bisect_right(self._starts, start)
        return from_start > 0 and self._reach[from_start - 1] >= end


def within(items: list, start: int, end: int, first, last) -> list:
    """The items (sorted by `first`) lying within start..end."""
    i = bisect_left(items, start, key=first)
    out = []
    while i < len(items) and first(items[i]) < end:
        if last(items[i]) <= end:
            out.append(items[i])
        i += 1
    return out
