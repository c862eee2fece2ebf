"""Legacy 8-bit Vietnamese encodings (TCVN3/ABC .VnTime, VNI-Times) detected and converted.

They reach us two ways: bytes that are not UTF-8 (read as Windows-1252), and Unicode text whose
characters are the legacy codes because the source kept the font, not the letters (a PDF text
layer or a .docx run set in .VnTime or VNI-Times). Either way a legacy line holds only
Windows-1252 characters, while a Unicode Vietnamese line almost always has a letter beyond it
(ư, ơ, đ, ạ ...), so a document found to be legacy is converted line by line, and only the lines
that could be legacy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..models import LegacyEncoding, LegacyEncodingRules
from ..text import LETTER, VIETNAMESE_LETTER, vietnamese_share

# Normal Vietnamese has a diacritic letter in 0.26-0.30 of its letters; converted legacy text must
# reach about half that (umlauts and accents of Western text stay far below), and the legacy
# codes must be frequent enough before conversion.
MIN_VIETNAMESE_SHARE = 0.15
MIN_CODE_SHARE = 0.02
_VOWEL = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
# A Vietnamese syllable: onset, one to three vowels, coda. Converted words that carry a diacritic
# must be syllables: German "für" read as TCVN3 becomes "fỹr", which is not one.
_SYLLABLE = re.compile(rf"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?[{_VOWEL}]{{1,3}}(?:ch|ng|nh|[cmnpt])?", re.IGNORECASE)
MIN_SYLLABLE_SHARE = 0.8
_CP1252_ONLY = re.compile(r"[\x00-\xff\ufffd\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]*")


@dataclass(frozen=True)
class LegacyTable:
    encoding: LegacyEncoding
    pattern: re.Pattern  # every key, longest first, so "ôù" (ớ) wins over "ô" (ơ)
    codes: re.Pattern  # the key characters that no Unicode Vietnamese text uses

    def convert(self, text: str) -> str:
        return self.pattern.sub(lambda m: self.encoding.table[m.group()], text)


@lru_cache(maxsize=1)
def legacy_tables() -> tuple[LegacyTable, ...]:
    from ..rules import RULES_DIR, load_rule_file

    tables = []
    for encoding in load_rule_file(RULES_DIR / "legacy_encodings.yaml", LegacyEncodingRules).encodings:
        keys = sorted(encoding.table, key=len, reverse=True)
        foreign = sorted({c for key in keys for c in key if not c.isascii() and not VIETNAMESE_LETTER.match(c)})
        tables.append(LegacyTable(encoding, re.compile("|".join(map(re.escape, keys))), re.compile(f"[{re.escape(''.join(foreign))}]")))
    return tuple(tables)


def _code_share(table: LegacyTable, text: str) -> float:
    return len(table.codes.findall(text)) / (len(LETTER.findall(text)) or 1)


def _syllable_share(text: str) -> float:
    marked = [word for word in re.findall(r"[^\W\d_]+", text) if VIETNAMESE_LETTER.search(word)]
    return sum(1 for word in marked if _SYLLABLE.fullmatch(word)) / (len(marked) or 1)


def detect(text: str) -> LegacyTable | None:
    """The legacy encoding most of `text`'s legacy-looking lines are written in, if any."""
    candidates = "\n".join(line for line in text.splitlines() if _CP1252_ONLY.fullmatch(line))
    best, best_share = None, MIN_VIETNAMESE_SHARE
    for table in legacy_tables():
        if _code_share(table, candidates) < MIN_CODE_SHARE:
            continue
        converted = table.convert(candidates)
        share = vietnamese_share(converted)
        if share >= best_share and _syllable_share(converted) >= MIN_SYLLABLE_SHARE:
            best, best_share = table, share
    return best


def decode(data: bytes) -> str | None:
    """`data` read as Windows-1252 when it is text in a legacy font encoding, else None."""
    as_1252 = data.decode("cp1252", errors="replace")
    return as_1252 if detect(as_1252) else None


def repair(text: str) -> str:
    """`text` with its legacy-encoded lines converted to Unicode; unchanged when it has none."""
    table = detect(text)
    if table is None:
        return text
    return "\n".join(_convert_line(line, table) if _CP1252_ONLY.fullmatch(line) else line for line in text.split("\n"))


def _convert_line(line: str, table: LegacyTable) -> str:
    converted = table.convert(line)
    # A .VnTimeH heading writes its capitals with the lower-case codes: "KÕ HO¹CH" is "KẾ HOẠCH".
    ascii_letters = [c for c in line if c.isascii() and c.isalpha()]
    if len(ascii_letters) >= 4 and all(c.isupper() for c in ascii_letters):
        return converted.upper()
    return converted
