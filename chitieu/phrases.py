"""Regexes built from rule phrases: the one place that turns a lexicon into an alternation."""

from __future__ import annotations

import re
from typing import Iterable


def flexible(phrase: str) -> str:
    """A phrase as a regex whose spaces match any run of whitespace (line breaks included); a
    space beside a punctuation mark may be there or not ("Độc lập - Tự do", "Độc lập-Tự do")."""
    pattern = ""
    previous_end = None
    previous_word = False
    for part in re.finditer(r"\w+|[^\w\s]", phrase):
        word = part.group()[0].isalnum() or part.group()[0] == "_"
        if previous_end is not None:
            spaced = part.start() > previous_end
            pattern += r"\s+" if spaced and word and previous_word else r"\s*"
        pattern += re.escape(part.group())
        previous_end, previous_word = part.end(), word
    return pattern


def alternation(phrases: Iterable[str]) -> str:
    """Phrases as one alternation, longest first, so that "ít nhất khoảng" wins over "ít nhất"."""
    return "|".join(flexible(p) for p in sorted(set(phrases), key=len, reverse=True))


def key(phrase: str) -> str:
    """Lexicon key of a matched phrase: lower case, one space between words and none beside a
    punctuation mark, as `flexible` matches them ("Lao động - Thương binh", "Lao động-Thương binh")."""
    return re.sub(r"\s*([^\w\s])\s*", r"\1", re.sub(r"\s+", " ", phrase.lower())).strip()
