"""Regexes built from rule phrases: the one place that turns a lexicon into an alternation."""

from __future__ import annotations

import re
from typing import Iterable


def flexible(phrase: str) -> str:
    """A phrase as a regex whose spaces match any run of whitespace (line breaks included); a
    space beside a punctuation mark may also be absent ("Độc lập - Tự do", "Độc lập-Tự do")."""
    tokens = phrase.split()
    pattern = re.escape(tokens[0]) if tokens else ""
    for before, token in zip(tokens, tokens[1:]):
        pattern += (r"\s+" if before[-1].isalnum() and token[0].isalnum() else r"\s*") + re.escape(token)
    return pattern


def alternation(phrases: Iterable[str]) -> str:
    """Phrases as one alternation, longest first, so that "ít nhất khoảng" wins over "ít nhất"."""
    return "|".join(flexible(p) for p in sorted(set(phrases), key=len, reverse=True))


def key(phrase: str) -> str:
    """Lexicon key of a matched phrase: lower case, one space between words."""
    return re.sub(r"\s+", " ", phrase.lower())
