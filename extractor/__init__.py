"""chitieu: Vietnamese plan documents -> plans, references and numeric targets.

    from extractor import extract_text, extract_file
    result = extract_text("Phấn đấu giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%", name="note.txt")
    result.targets[0].value_min  # 18.66
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .errors import ExtractorError, ReviewError, RuleError, SourceError
from .models import Document, DocumentOutput, DocumentResult
from .pipeline import EXTRACTOR_VERSION, Extractor
from .sources.files import document_id, read_file
from .text import normalise

__all__ = [
    "EXTRACTOR_VERSION", "Document", "DocumentOutput", "DocumentResult", "Extractor", "ExtractorError",
    "ReviewError", "RuleError", "SourceError", "extract_file", "extract_text",
]


@lru_cache(maxsize=1)
def _default_extractor() -> Extractor:
    return Extractor()


def extract_text(raw: str, name: str = "text.txt") -> DocumentResult:
    """Extract from a string (normalised here), with the default rules."""
    text = normalise(raw).text
    document = Document(doc_id=document_id(text), name=name, source=name, text=text)
    return _default_extractor().extract(document)


def extract_file(path: str | Path) -> DocumentResult:
    """Extract from a .txt or .html file; raises SourceError naming the file when unreadable."""
    return _default_extractor().extract(read_file(Path(path)))
