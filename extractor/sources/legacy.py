"""Legacy 8-bit Vietnamese encodings (TCVN3/ABC, .VnTime fonts) detected and converted.

Bytes that are not UTF-8 are read as Windows-1252; when a large share of the letters are the
codes a legacy table uses for Vietnamese letters, the table converts them to Unicode.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import LegacyEncoding, LegacyEncodingRules

# Vietnamese puts a diacritic on most syllables, and a legacy table writes many of them with
# codes that are symbols in Windows-1252 ("¹", "¶", "÷", "®"): a share no Western text reaches.
MIN_SHARE = 0.03


@lru_cache(maxsize=1)
def legacy_encodings() -> tuple[LegacyEncoding, ...]:
    from ..rules import RULES_DIR, load_rule_file

    return tuple(load_rule_file(RULES_DIR / "legacy_encodings.yaml", LegacyEncodingRules).encodings)


def detect(text: str) -> LegacyEncoding | None:
    """The legacy encoding `text` (decoded as Windows-1252) is written in, if any."""
    letters = len(re.findall(r"[^\W\d_]", text)) or 1
    best, best_share = None, MIN_SHARE
    for encoding in legacy_encodings():
        share = sum(text.count(code) for code in encoding.table if not code.isalpha()) / letters
        if share > best_share:
            best, best_share = encoding, share
    return best


def convert(text: str, encoding: LegacyEncoding) -> str:
    return text.translate(str.maketrans(encoding.table))
