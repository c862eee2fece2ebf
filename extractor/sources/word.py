"""Word plans: .docx read from its XML (paragraphs, and tables row by row with cells
separated by " | "), .doc through antiword when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from ..errors import SourceError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XML_BYTES = 50_000_000  # a zip bomb's document.xml is refused before it is inflated


def read_docx_text(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_XML_BYTES:
                raise SourceError(f"{path}: word/document.xml inflates to {info.file_size:,} bytes; refused")
            root = ElementTree.fromstring(archive.read(info))
    except (zipfile.BadZipFile, KeyError) as exc:
        raise SourceError(f"{path}: not a .docx (no word/document.xml): {exc}") from exc
    except ElementTree.ParseError as exc:
        raise SourceError(f"{path}: word/document.xml is broken at {exc.position}") from exc
    body = root.find(f"{_W}body")
    if body is None:
        raise SourceError(f"{path}: .docx without a body")
    lines: list[str] = []
    for block in body:
        if block.tag == f"{_W}p":
            lines.append(_paragraph_text(block))
        elif block.tag == f"{_W}tbl":
            for row in block.iter(f"{_W}tr"):
                cells = [" ".join(_paragraph_text(p) for p in cell.iter(f"{_W}p")).strip() for cell in row.iter(f"{_W}tc")]
                lines.append(" | ".join(cells))
    return "\n".join(lines)


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
    """Legacy binary .doc via antiword (Debian package antiword)."""
    antiword = shutil.which("antiword")
    if not antiword:
        raise SourceError(f"{path}: a legacy .doc needs a converter: install antiword (or save it as .docx)")
    result = subprocess.run([antiword, "-m", "UTF-8.txt", str(path)], capture_output=True, timeout=120)
    if result.returncode != 0:
        raise SourceError(f"{path}: antiword could not read it: {result.stderr.decode('utf-8', 'replace').strip()[:200]}")
    return result.stdout.decode("utf-8", errors="replace")
