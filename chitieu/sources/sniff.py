"""What a fetched body is, from its bytes first: download handlers serve Word files and PDFs
as application/octet-stream (or text/html), and a file name given in Content-Disposition is
the only name they have."""

from __future__ import annotations

import io
import re
import zipfile
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

MIME = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
    ".html": "text/html",
    ".txt": "text/plain",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def file_name(disposition: str | None) -> str | None:
    """The file name of a Content-Disposition header (RFC 6266, filename* first), without any
    directory part: it is a label, never a path."""
    if not disposition:
        return None
    message = Message()
    message["content-disposition"] = disposition
    name = message.get_filename()
    if not name:
        return None
    return PurePosixPath(unquote(name).replace("\\", "/")).name or None


def suffix_of(body: bytes, content_type: str = "", disposition: str | None = None, url: str = "") -> str:
    """.pdf, .docx, .doc, .html or .txt: the bytes decide when they carry a signature; then the
    header's file name, the content type, the URL's path."""
    by_bytes = _suffix_by_bytes(body)
    if by_bytes:
        return by_bytes
    named = _known_suffix(file_name(disposition) or "")
    if named:
        return named
    lowered = content_type.lower()
    if "html" in lowered:  # a page in UTF-16 without a mark shows no "<html" in its bytes
        return ".html"
    by_url = _known_suffix(urlsplit(url).path)
    if by_url and (by_url != ".html" or _looks_html(body)):
        return by_url
    if _looks_html(body):
        return ".html"
    return ".txt" if lowered.startswith("text/") else ".html"


def _known_suffix(name: str) -> str | None:
    suffix = PurePosixPath(name).suffix.lower()
    suffix = ".html" if suffix in (".htm", ".aspx", ".php", ".asp", ".jsp") else suffix
    return suffix if suffix in MIME else None


def _suffix_by_bytes(body: bytes) -> str | None:
    if body.lstrip()[:5] == b"%PDF-" or body[:1024].find(b"%PDF-") >= 0:
        return ".pdf"
    if body.startswith(_OLE):
        return ".doc"
    if body.startswith(b"PK\x03\x04"):
        return ".docx" if _is_word_zip(body) else None
    return None


def _is_word_zip(body: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _looks_html(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<div", b"<?xml")) or b"<html" in head


def mime_of(suffix: str) -> str:
    return MIME[suffix]


def header_charset(content_type: str) -> str | None:
    found = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return found.group(1) if found else None
