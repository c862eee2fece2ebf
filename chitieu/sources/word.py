"""Word plans: .docx read from its XML (paragraphs, and tables row by row with cells
separated by " | "), .doc through antiword when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
import zlib
from pathlib import Path
from typing import Iterator
from xml.etree import ElementTree

from ..errors import SourceError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BLOCKS = {f"{_W}p", f"{_W}tbl"}
MAX_XML_BYTES = 50_000_000  # a zip bomb's document.xml is refused before it is inflated


def read_docx_text(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_XML_BYTES:
                raise SourceError(f"{path}: word/document.xml inflates to {info.file_size:,} bytes; refused")
            root = ElementTree.fromstring(archive.read(info))
    except KeyError as exc:
        raise SourceError(f"{path}: not a .docx (no word/document.xml)") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        # a damaged archive: no central directory, a bad CRC or header, a corrupt deflate stream
        raise SourceError(f"{path}: not a .docx, or a damaged one: {exc}") from exc
    except ElementTree.ParseError as exc:
        raise SourceError(f"{path}: word/document.xml is broken at {exc.position}") from exc
    body = root.find(f"{_W}body")
    if body is None:
        raise SourceError(f"{path}: .docx without a body")
    return "\n".join(_lines(body))


def _lines(body: ElementTree.Element) -> list[str]:
    """Paragraphs, and table rows with their cells joined by " | ", in document order; a table
    inside a cell gives its own rows after the row that holds it. Each paragraph is read once
    (iterating a row's paragraphs would read a nested table's again at every level), and
    without recursion: tables may nest thousands deep."""
    lines: list[str] = []
    stack = [_parts(body, _BLOCKS)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif node.tag == f"{_W}p":
            lines.append(_paragraph_text(node))
        elif node.tag == f"{_W}tbl":
            stack.append(_parts(node, {f"{_W}tr"}))
        else:  # a row
            cells = [list(_parts(cell, _BLOCKS)) for cell in _parts(node, {f"{_W}tc"})]
            lines.append(" | ".join(" ".join(_paragraph_text(p) for p in cell if p.tag == f"{_W}p").strip() for cell in cells))
            stack.append(iter([block for cell in cells for block in cell if block.tag == f"{_W}tbl"]))
    return lines


def _parts(element: ElementTree.Element, tags: set[str]) -> Iterator[ElementTree.Element]:
    """The nearest descendants of `element` with one of `tags`, in document order: looked for
    through wrappers (content controls, custom XML), not inside what is found."""
    stack = [iter(element)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif node.tag in tags:
            yield node
        else:
            stack.append(iter(node))


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def read_doc_text(path: Path) -> str:
    """Legacy binary .doc via antiword (Debian package antiword), a paragraph per line (-w 0: no wrapping)."""
    antiword = shutil.which("antiword")
    if not antiword:
        raise SourceError(f"{path}: a legacy .doc needs a converter: install antiword (or save it as .docx)")
    result = subprocess.run([antiword, "-m", "UTF-8.txt", "-w", "0", str(path)], capture_output=True, timeout=120)
    if result.returncode != 0:
        raise SourceError(f"{path}: antiword could not read it: {result.stderr.decode('utf-8', 'replace').strip()[:200]}")
    return result.stdout.decode("utf-8", errors="replace")
