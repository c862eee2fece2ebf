"""Counts of what a plan's tasks deliver, whatever the thing counted (rules/numbers.yaml
padded_count and deed_count): no unit list holds every output, so a count padded with a zero, a
count right after a deed, and each next count of a deed's list count the word after them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .models import NumberRules, Unit
from .phrases import alternation, key

if TYPE_CHECKING:
    from .numbers import Quantity

DEED_REACH = 40  # characters before a count where its deed, a word after the deed and a bound may stand
LIST_GAP = 40  # characters of a list item's words after its count, before the next count
NAME_REACH = 16  # characters before a padded number where a document's or part's name may end
_PADDED = re.compile(r"0[1-9]")  # "04": a count padded with a zero
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")  # the word a count counts, on its line

Counted = tuple[Unit, str, str, int]  # unit, rule id, the counted word, where it ends


class OutputCounts:
    """The output-count rules compiled once; `bounds` is the alternation of bound words before a number."""

    def __init__(self, rules: NumberRules, bounds: str):
        padded, deeds = rules.padded_count, rules.deed_count
        self.padded_rule, self.deed_rule = padded.id, deeds.id
        self._not_counted = {key(p) for p in padded.not_counted}
        self._names_part = re.compile(rf"(?<!\w)(?:{alternation(padded.phrases)})\s*$", re.IGNORECASE)
        self._deed_before = re.compile(
            rf"(?<!\w)(?:{alternation(deeds.phrases)})(?:\s+(?:{alternation(deeds.then)}))?(?:\s+(?:{bounds}))?\s+$", re.IGNORECASE)
        # between two items of a deed's list: words of the first item, then a comma or a joiner
        self._list_gap = re.compile(rf"[^.;:\n\d]{{0,{LIST_GAP}}}?(?:,|\s(?:{alternation(deeds.joiners)}))\s+", re.IGNORECASE)

    def padded(self, text: str, m: re.Match) -> Counted | None:
        """A count padded with a zero, unless the word before it makes the number a name, a time
        or a party (rules padded_count phrases)."""
        if m.group("n2") or m.group("s1") or not _PADDED.fullmatch(m.group("n1")):
            return None
        if self._names_part.search(text, max(0, m.start() - NAME_REACH), m.start()):
            return None
        return self._thing(text, m, self.padded_rule)

    def deed(self, text: str, m: re.Match) -> Counted | None:
        """"tổ chức 12 chuyến tham quan": a count right after a deed."""
        if m.group("n2") or m.group("s1") or not self._deed_before.search(text, max(0, m.start() - DEED_REACH), m.start()):
            return None
        return self._thing(text, m, self.deed_rule)

    def listed(self, text: str, m: re.Match, listing_end: int | None) -> Counted | None:
        """"xây dựng 01 phóng sự, 04 chuyên đề và 12 tin bài": the next item of a deed's list,
        `listing_end` where the item before it ends."""
        if listing_end is None or m.group("n2") or m.group("s1") or not self._list_gap.fullmatch(text, listing_end, m.start()):
            return None
        return self._thing(text, m, self.deed_rule)

    def lists(self, text: str, q: Quantity, listing_end: int | None) -> bool:
        """Whether a quantity is a deed's output or the next item of a list of them, whatever its
        unit (rules deed_count joiners)."""
        if q.unit_rule in (self.deed_rule, self.padded_rule):
            return True
        if listing_end is not None and self._list_gap.fullmatch(text, listing_end, q.start):
            return True
        return bool(self._deed_before.search(text, max(0, q.number_start - DEED_REACH), q.number_start))

    def _thing(self, text: str, m: re.Match, rule_id: str) -> Counted | None:
        """The word after a count, as the thing it counts; none where that word names no thing."""
        counted = _NEXT_WORD.match(text, m.end("n1"))
        if not counted or key(counted.group(1)) in self._not_counted:
            return None
        return "other", rule_id, counted.group(1), counted.end()
