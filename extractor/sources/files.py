"""Read local files into Documents: text (UTF-8, UTF-16 with BOM, legacy TCVN3 or VNI), HTML
pages, PDF plans and Word files; text kept in a legacy font's codes is converted. The kind is taken from the content's first bytes, then the suffix."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path
from typing import Callable

from ..errors import SourceError
from ..models import Document
from ..text import normalise
from . import legacy

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
    """Read one file; raise SourceError naming the file for anything unreadable. `before_ocr`
    is called before each PDF page is OCR'd."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror}") from exc
    if size == 0:
        raise SourceError(f"{path}: empty file")
    kind = kind_of(path, head)
    limit = MAX_PDF_BYTES if kind in ("pdf", "docx", "doc") else MAX_BYTES
    if size > limit:
        raise SourceError(f"{path}: {size:,} bytes is larger than the {limit:,}-byte limit for one document")
    fields: dict = {}
    if kind == "pdf":
        from .pdf import read_pdf_text

        pdf = read_pdf_text(path, before_ocr=before_ocr)
        raw, fields = pdf.text, {"status": pdf.status, "page_starts": pdf.page_starts}
        if pdf.unreadable_pages or pdf.ocr_pages or pdf.notes:
            fields["status_reason"] = "; ".join([
                f"OCR'd pages: {pdf.ocr_pages}", f"unreadable pages: {pdf.unreadable_pages or 'none'}", *pdf.notes
            ])
    elif kind in ("docx", "doc"):
        from .word import read_doc_text, read_docx_text

        raw = read_docx_text(path) if kind == "docx" else read_doc_text(path)
    else:
        raw = decode_text(path.read_bytes(), path, html=kind == "html")
        if kind == "html":
            from ..places import load_gazetteer
            from .html import read_page

            gazetteer = load_gazetteer()
            page = read_page(raw, source or "", lambda t: [p.name for _, _, p in gazetteer.find(t) if p.level == "province"])
            raw = page.text
            fields = {"title": page.title, "published": page.published, "site_name": page.site_name,
                      "place_hints": page.place_hints, "attachments": page.attachments}
    if kind != "pdf":  # the PDF reader converts page by page, before judging the text layer
        raw = legacy.repair(raw)
    normalised = normalise(raw)
    if not normalised.text.strip():
        raise SourceError(f"{path}: no text")
    return Document(
        doc_id=document_id(normalised.text), name=path.name, source=source or str(path.resolve()),
        text=normalised.text, **fields,
    )


def decode_text(data: bytes, path: Path, html: bool = False) -> str:
    """UTF-8 (BOM or not), UTF-16 with BOM, or a legacy TCVN3/VNI text; anything else is an error."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16")
    if html:
        from .html import decode_html

        return decode_html(data)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\x00" in data[:4096]:
        raise SourceError(f"{path}: binary content (NUL bytes), not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        as_1252 = data.decode("cp1252", errors="replace")
        if legacy.detect(as_1252):
            return legacy.repair(as_1252)
        raise SourceError(f"{path}: not UTF-8 at byte {exc.start}, and not a known legacy Vietnamese encoding") from exc
