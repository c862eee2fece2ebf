"""Regexes built from rule phrases: the one place that turns a lexicon into an alternation."""

from __future__ import annotations

import re
from typing import Iterable


def flexible(phrase: str) -> str:
    """A phrase as a regex whose spaces match any run of whitespace (line breaks included)."""
    return r"\s+".join(map(re.escape, phrase.split()))


def alternation(phrases: Iterable[str]) -> str:
    """Phrases as one alternation, longest first, so that "ít nhất khoảng" wins over "ít nhất"."""
    return "|".join(flexible(p) for p in sorted(set(phrases), key=len, reverse=True))


def key(phrase: str) -> str:
    """Lexicon key of a matched phrase: lower case, one space between words."""
    return re.sub(r"\s+", " ", phrase.lower())
