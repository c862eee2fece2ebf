"""Read local files into Documents: plain text (UTF-8, UTF-16 with BOM) and HTML's visible text."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from ..errors import SourceError
from ..models import Document
from ..text import normalise

MAX_BYTES = 20_000_000  # a plan is a few hundred kB; anything this big is not one document
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES


def document_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_file(path: Path) -> Document:
    """Read one file; raise SourceError naming the file for anything unreadable."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror}") from exc
    if size == 0:
        raise SourceError(f"{path}: empty file")
    if size > MAX_BYTES:
        raise SourceError(f"{path}: {size:,} bytes is larger than the {MAX_BYTES:,}-byte limit for one document")
    data = path.read_bytes()
    raw = decode_text(data, path)
    title = None
    if path.suffix.lower() in HTML_SUFFIXES:
        raw, title = html_visible_text(raw)
    normalised = normalise(raw)
    if not normalised.text.strip():
        raise SourceError(f"{path}: no text")
    return Document(
        doc_id=document_id(normalised.text),
        name=path.name,
        source=str(path.resolve()),
        text=normalised.text,
        title=title,
    )


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is an error."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\x00" in data[:4096]:
        raise SourceError(f"{path}: binary content (NUL bytes), not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"{path}: not UTF-8 at byte {exc.start} (legacy TCVN3/VNI or Windows-1258 encodings are not read yet)"
        ) from exc


def html_visible_text(markup: str) -> tuple[str, str | None]:
    """The visible text of a page, one block per line, and its <title>."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for hidden in soup(["script", "style", "noscript", "template", "head"]):
        hidden.extract()
    title_tag = BeautifulSoup(markup, "html.parser").title
    title = title_tag.get_text(" ", strip=True) if title_tag else None
    lines = [line.strip() for line in soup.get_text("\n").splitlines()]
    return "\n".join(line for line in lines if line), title
