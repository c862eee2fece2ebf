"""Bytes to text for the file and page readers: byte-order marks, one newline convention, and
binary junk told from text by what the decoded characters are."""

from __future__ import annotations

import codecs
import re

# UTF-32 first: the UTF-32 LE mark (FF FE 00 00) starts with the UTF-16 LE one (FF FE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters no text or page holds (tab, line feed, form feed and carriage return are
# text) and the replacement character of a failed decode.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
MAX_NOT_TEXT_SHARE = 0.05  # real pages hold next to none; random bytes decode to about 15 %


def decode_bom(data: bytes) -> str | None:
    """The text of `data` when it starts with a byte-order mark, else None. A broken tail is
    replaced, not fatal: `looks_binary` judges what came out."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    return None


def unify_newlines(text: str) -> str:
    """Windows "\\r\\n" and old Mac lone "\\r" line ends as "\\n" (a lone "\\r" left to the
    normaliser would glue two lines)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(text: str) -> bool:
    return _NOT_TEXT.subn("", text)[1] > len(text) * MAX_NOT_TEXT_SHARE


def mostly_utf8(data: bytes) -> bool:
    """Non-ASCII bytes that are UTF-8 but for a stray few: legacy 8-bit Vietnamese almost never
    forms a valid UTF-8 sequence, so valid ones are evidence no declared charset outweighs."""
    if data.isascii():
        return False
    decoded = data.decode("utf-8", errors="replace")
    non_ascii = len(decoded) - len(decoded.encode("ascii", errors="ignore"))
    bad = decoded.count("\ufffd")
    return non_ascii - bad >= 20 * bad and non_ascii > bad
