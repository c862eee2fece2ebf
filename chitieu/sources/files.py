"""Read local files into Documents: text (UTF-8, UTF-16 or UTF-32 with BOM, legacy TCVN3 or
VNI), HTML pages, PDF plans and Word files; text kept in a legacy font's codes is converted.
The kind is taken from the content's first bytes, then the suffix. Only regular files are
opened; an error names the file, and the reader when reading failed."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path
from typing import Callable

from ..errors import ExtractorError, SourceError
from ..models import Document
from ..text import join_wrapped_lines, normalise
from . import legacy
from .encoding import decode_bom, looks_binary, unify_newlines
from .portals import packaged_words, without_related_list
from .tables import linearise_cell_rows

MAX_BYTES = 20_000_000  # a plan is a few hundred kB; a larger text or page is no one document
MAX_PDF_BYTES = 200_000_000
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
WORD_SUFFIXES = {".docx", ".doc"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | WORD_SUFFIXES


def document_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def kind_of(path: Path, head: bytes) -> str:
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and path.suffix.lower() == ".docx":
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES or head.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    if suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix == ".docx":
        return "docx"
    return "text"


def read_file(path: Path, source: str | None = None, before_ocr: Callable[[], None] | None = None) -> Document:
    """Read one file; raise SourceError naming the file, and the reader for errors in reading,
    for anything unreadable. `before_ocr` is called before each PDF page is OCR'd."""
    size, head = _size_and_head(path)
    kind = kind_of(path, head)
    limit = MAX_PDF_BYTES if kind in ("pdf", "docx", "doc") else MAX_BYTES
    if size > limit:
        raise SourceError(f"{path}: {size:,} bytes is larger than the {limit:,}-byte limit for one document")
    try:
        raw, fields = _read(kind, path, source, before_ocr)
    except SourceError as exc:
        exc.args = (f"{path}: {kind} reader: {str(exc).removeprefix(f'{path}: ')}",)  # same type: NeedsOcrError stays
        raise
    except (MemoryError, ExtractorError):
        raise  # out of memory: the pool restarts the worker; a rule error is no fault of this file
    except Exception as exc:  # noqa: BLE001 - a reader's library can fail in any way on a hostile file
        raise SourceError(f"{path}: {kind} reader: unexpected {_type_name(exc)}: {str(exc)[:200]}") from exc
    if kind != "pdf":  # the PDF reader converts page by page, before judging the text layer
        raw = legacy.repair(raw)
    normalised = normalise(raw)
    if not normalised.text.strip():
        raise SourceError(f"{path}: no text")
    return Document(
        doc_id=document_id(normalised.text), name=path.name, source=source or str(path.resolve()),
        text=normalised.text, **fields,
    )


def _type_name(exc: Exception) -> str:
    module = type(exc).__module__
    return type(exc).__qualname__ if module == "builtins" else f"{module}.{type(exc).__qualname__}"


def _size_and_head(path: Path) -> tuple[int, bytes]:
    """The size and first bytes of a regular file. Anything else is refused before it is opened:
    opening a named pipe blocks until a writer comes, a device may never end."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise SourceError(f"{path}: not a regular file ({_file_type(status.st_mode)}); not read")
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror}") from exc
    if status.st_size == 0:
        raise SourceError(f"{path}: empty file")
    return status.st_size, head


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def _read(kind: str, path: Path, source: str | None, before_ocr: Callable[[], None] | None) -> tuple[str, dict]:
    """The raw text of the file and the Document fields its reader found."""
    if kind == "pdf":
        from .pdf import read_pdf_text

        pdf = read_pdf_text(path, before_ocr=before_ocr)
        fields = {"status": pdf.status, "page_starts": pdf.page_starts}
        if pdf.unreadable_pages or pdf.ocr_pages or pdf.notes:
            fields["status_reason"] = "; ".join([
                f"OCR'd pages: {pdf.ocr_pages}", f"unreadable pages: {pdf.unreadable_pages or 'none'}", *pdf.notes
            ])
        return pdf.text, fields
    if kind in ("docx", "doc"):
        from .word import read_doc_text, read_docx_text

        return (read_docx_text(path) if kind == "docx" else read_doc_text(path)), {}
    raw = decode_text(path.read_bytes(), path, html=kind == "html")
    if kind == "html":
        return _read_page(raw, source)
    return join_wrapped_lines(linearise_cell_rows(without_related_list(raw, packaged_words()))), {}


def _read_page(markup: str, source: str | None) -> tuple[str, dict]:
    from ..places import load_gazetteer
    from .html import read_page

    gazetteer = load_gazetteer()
    page = read_page(markup, source or "", lambda t: [p.name for _, _, p in gazetteer.find(t) if p.level == "province"])
    return page.text, {"title": page.title, "published": page.published, "site_name": page.site_name,
                       "place_hints": page.place_hints, "attachments": page.attachments}


def decode_text(data: bytes, path: Path, html: bool = False) -> str:
    """Text with "\\n" line ends from UTF-8 (BOM or not), UTF-16 or UTF-32 with BOM, or a legacy
    TCVN3/VNI text; an HTML page as decode_html reads it. Binary content is an error."""
    if html:
        from .html import decode_html

        text = decode_html(data)
    else:
        text = decode_bom(data)
        text = unify_newlines(_decode_unmarked(data, path) if text is None else text)
    if looks_binary(text):
        raise SourceError(f"{path}: binary content, not {'an HTML page' if html else 'a text document'}")
    return text


def _decode_unmarked(data: bytes, path: Path) -> str:
    if b"\x00" in data[:4096]:
        raise SourceError(f"{path}: binary content (NUL bytes), not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        as_legacy = legacy.decode(data)
        if as_legacy is not None:
            return legacy.repair(as_legacy)
        raise SourceError(f"{path}: not UTF-8 at byte {exc.start}, and not a known legacy Vietnamese encoding") from exc
