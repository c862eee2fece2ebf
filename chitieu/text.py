"""normalise(raw) -> NormalisedText: the only place document text is changed.

underthesea rewrites text while tokenising (NFC, "hoà" -> "hòa", Latin "Ð" -> "Đ"); doing the
same rewrites here, once, means its tokens line up with our text exactly. Every rewrite is
recorded as an edit so that any span of the normalised text maps back to the raw text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

# Letters with a Vietnamese diacritic, and đ: 0.26-0.30 of the letters of normal Vietnamese text.
VIETNAMESE_LETTER = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE)
LETTER = re.compile(r"[^\W\d_]")
# a capital letter, as a regex class: names open with accented ones too ("Ứng Hòa", "Ân Thi", "Ô Môn")
CAPITAL = "[A-ZĐÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]"
# a printed page wraps its sentences: a line break after a line that ends no sentence or clause,
# before a word, not an item's letter ("a) Tiêu chí Giao thông"); one before a word in small letters
# is inside a sentence (join_wrapped_lines)
_WRAP = re.compile(r"(?<=[^\s.;:!?])[ \t]*\r?\n[ \t]*(?=(?P<next>[^\W\d_])(?![).]))")
# a stored page's own stamp at its start: " date 2024-03"
STORED_DATE = re.compile(r"\s*date\s+((?:19|20)\d\d)-(\d\d)\b")


def join_wrapped_lines(text: str) -> str:
    """A printed page wraps its sentences: a line break after a line that ends no sentence or
    clause, before a word in small letters, is a space. Headings, list items and
    table rows start with a capital, a digit, a mark or an item's letter. Plain text is read so
    too: a printed plan's text saved as a file wraps as the PDF did (docs/reading.md, 1)."""
    return _WRAP.sub(lambda m: " " if m.group("next").islower() and not _page_number_before(text, m.start()) else m.group(), text)


def _page_number_before(text: str, at: int) -> bool:
    """The line before a break is a page number ("23"): the sentence goes on past the page's foot."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    return line.strip().isdigit()


def in_capitals(line: str, fewest_letters: int) -> bool:
    """A line written in capitals, with at least `fewest_letters` letters (a heading, a title)."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= fewest_letters and all(c.isupper() for c in letters)


def folded(text: str | None) -> str:
    """Text without accents, case or spacing differences: "Đắk Lắk" ~ "dak lak", and an OCR'd
    "MỤC TIỂU" ~ "mục tiêu"."""
    if not text:
        return ""
    return " ".join("".join(c for c in unaccented(text) if not unicodedata.combining(c)).lower().split())


def unaccented(text: str) -> str:
    """`text` without its accents, letter for letter (its offsets hold): "ỦY BAN NHÂN DẦN" ->
    "UY BAN NHAN DAN", "Đắk Lắk" -> "Dak Lak". The one place chitieu reads a letter bare."""
    return "".join(_BARE_D.get(c) or unicodedata.normalize("NFD", c)[0] for c in text)


_BARE_D = {"\u0110": "D", "\u0111": "d", "\u00d0": "D", "\u00f0": "d"}  # Đ and Latin Ð have no decomposition: a bar is no accent mark


def vietnamese_share(text: str) -> float:
    """The share of `text`'s letters that carry a Vietnamese diacritic (or are đ)."""
    return len(VIETNAMESE_LETTER.findall(text)) / (len(LETTER.findall(text)) or 1)


# Spaces that are not U+0020, and invisible characters that only break matching.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_CHAR_MAP = {**{c: " " for c in _SPACES}, **{c: "" for c in _INVISIBLE}, "ð": "đ", "Ð": "Đ", "\r": ""}

# Literal backslash escapes left by careless scrapers ("...năm 2022.\r\nMục tiêu"), odd
# characters, and syllables joined by "_" in word-segmented corpora ("Kế_hoạch").
_BASE_SPOTS = (
    r"\\r\\n|\\n|\r\n"
    r"|(?<=[^\W_]|[\u0300-\u036f])_(?=[^\W_])"
    r"|[" + re.escape("".join(_CHAR_MAP)) + r"]"
)
# a word holding a combining mark (letters and marks only: "Kế_hoạch" is two words), tried
# only at a word's start: from every position, a long run of letters would be scanned again and again
_NFD_WORD = r"|(?<![^\W\d_])(?<![\u0300-\u036f])[^\W\d_]*[\u0300-\u036f](?:[^\W\d_]|[\u0300-\u036f])*"
_SHORT_WORD = re.compile(r"(?<![^\W_])[^\W\d_]{1,6}(?![^\W_])")


@lru_cache(maxsize=1)
def _token_map() -> dict[str, str]:
    # underthesea's own table of old-style spellings (a copy in rules/), so that our text equals its tokens
    from .models import SpellingRules
    from .rules import RULES_DIR, load_rule_file

    return load_rule_file(RULES_DIR / "spellings.yaml", SpellingRules).spellings


@dataclass(frozen=True)
class NormalisedText:
    """Normalised text plus the edits that map its offsets back to the raw text."""

    text: str
    raw: str
    # (norm_start, norm_end, raw_start, raw_end) of every rewritten stretch, in order
    edits: tuple[tuple[int, int, int, int], ...] = field(default=())

    def raw_offset(self, offset: int) -> int:
        """Raw offset of a normalised offset (start of the edit it falls in)."""
        starts = [e[0] for e in self.edits]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return offset
        n_start, n_end, r_start, r_end = self.edits[i]
        if offset < n_end:
            return r_start
        return r_end + (offset - n_end)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.raw_offset(start), self.raw_offset(end) if end > start else self.raw_offset(start)


def _rewrite(spot: str, token_map: dict[str, str]) -> str:
    if spot in token_map:
        return token_map[spot]
    if spot in ("\\r\\n", "\\n", "\r\n"):
        return "\n"
    if spot == "_":
        return " "
    if len(spot) == 1 and spot in _CHAR_MAP:
        return _CHAR_MAP[spot]
    if spot.isalnum():  # an ordinary short word
        return spot
    word = "".join(_CHAR_MAP.get(c, c) for c in unicodedata.normalize("NFC", spot))
    return token_map.get(word, word)


def _spots(raw: str, token_map: dict[str, str]) -> re.Pattern:
    """The places to look at in this text. Sets and C-level checks first, so that the common
    text (NFC, no old spellings) costs no Python work per word."""
    pattern = _BASE_SPOTS
    if not unicodedata.is_normalized("NFC", raw):
        pattern += _NFD_WORD
    old_spellings = set(_SHORT_WORD.findall(raw)).intersection(token_map)
    if old_spellings:
        words = "|".join(map(re.escape, sorted(old_spellings, key=len, reverse=True)))
        pattern += rf"|(?<![^\W_])(?:{words})(?![^\W_])"
    return re.compile(pattern)


def normalise(raw: str) -> NormalisedText:
    """NFC, underthesea's spellings, plain spaces, no invisible characters, \\n line ends."""
    parts: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    raw_pos = 0
    norm_len = 0
    token_map = _token_map()
    for match in _spots(raw, token_map).finditer(raw):
        new = _rewrite(match.group(), token_map)
        if new == match.group():
            continue
        parts.append(raw[raw_pos : match.start()])
        norm_len += match.start() - raw_pos
        edits.append((norm_len, norm_len + len(new), match.start(), match.end()))
        parts.append(new)
        norm_len += len(new)
        raw_pos = match.end()
    parts.append(raw[raw_pos:])
    return NormalisedText(text="".join(parts), raw=raw, edits=tuple(edits))
