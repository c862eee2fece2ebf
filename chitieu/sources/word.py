"""Word plans: .docx read from its XML (paragraphs; tables of figures a figure per line with
its row and column, other tables row by row with cells separated by " | "), .doc through
antiword when it is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
import zlib
from pathlib import Path
from typing import Iterator
from xml.etree import ElementTree

from ..errors import SourceError
from .tables import figure_lines, linearise_row_runs, stated_unit

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BLOCKS = {f"{_W}p", f"{_W}tbl"}
MAX_SPAN = 64  # columns one cell may span; more is a broken file
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
    """Paragraphs and tables in document order (a table of figures a figure per line, another
    row by row with its cells joined by " | "); a table inside a cell gives its own lines after
    the table that holds it. Each paragraph is read once
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
        else:  # a table: its rows, then the tables its cells hold
            rows = list(_parts(node, {f"{_W}tr"}))
            texts = [_row_texts(row) for row in rows]
            # a table of figures reads each figure with its row and column; a table of tasks as written
            lines.extend(figure_lines(texts, table_unit=stated_unit(lines)) or (" | ".join(row) for row in texts))
            cells = (cell for row in rows for cell in _parts(row, {f"{_W}tc"}))
            stack.append(iter([block for cell in cells for block in _parts(cell, _BLOCKS) if block.tag == f"{_W}tbl"]))
    return lines


def _row_texts(row: ElementTree.Element) -> list[str]:
    """A row's cells as text, a cell merged across columns ("Kế hoạch" over "Năm 2024 | Năm
    2025") followed by an empty one for each further column it spans, so that columns line up."""
    texts: list[str] = []
    for cell in _parts(row, {f"{_W}tc"}):
        texts.append(" ".join(_paragraph_text(p) for p in _parts(cell, _BLOCKS) if p.tag == f"{_W}p").strip())
        span = cell.find(f"{_W}tcPr/{_W}gridSpan")
        value = span.get(f"{_W}val", "1") if span is not None else "1"
        texts.extend([""] * (int(value) - 1 if value.isdigit() and 0 < int(value) <= MAX_SPAN else 0))
    return texts


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
    return linearise_drawn_tables(result.stdout.decode("utf-8", errors="replace"))


_ANTIWORD_ROW = re.compile(r"^\s*\|.*\|\s*$")


def linearise_drawn_tables(text: str) -> str:
    """antiword draws a table as lines of "|cell|cell|", a cell's wrapped words on further lines
    whose first cell is empty: a table of figures is read a figure per line, as from a .docx."""
    return linearise_row_runs(text, _ANTIWORD_ROW, _antiword_rows)


def _antiword_rows(lines: list[str]) -> list[list[str]]:
    rows: list[list[str]] = []
    for line in lines:
        cells = [cell.strip() for cell in line.strip()[1:-1].split("|")]
        if rows and not cells[0] and len(cells) == len(rows[-1]):
            rows[-1] = [f"{old} {new}".strip() for old, new in zip(rows[-1], cells)]
        else:
            rows.append(cells)
    return rows
