"""chitieu: Vietnamese plan documents -> plans, references and numeric targets.

    from chitieu import extract_text, extract_file
    result = extract_text("Phấn đấu giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%", name="note.txt")
    result.targets[0].value_min  # 18.66

Names are imported on first use, so that `import chitieu` (and `chitieu --help`) does not
load spaCy and underthesea.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ExtractorError, ReviewError, RuleError, SourceError
from .version import __version__

if TYPE_CHECKING:
    from .models import DocumentResult
    from .pipeline import Extractor

_LAZY = {
    "Document": ".models", "DocumentOutput": ".models", "DocumentResult": ".models", "Extractor": ".pipeline",
    "plans": ".api", "targets": ".api",  # pandas DataFrames of a catalogue (the `export` extra)
}

__all__ = [
    "Document", "DocumentOutput", "DocumentResult", "Extractor", "ExtractorError", "ReviewError", "RuleError",
    "SourceError", "__version__", "extract_file", "extract_text", "plans", "targets",
]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=1)
def _default_extractor() -> "Extractor":
    from .pipeline import Extractor

    return Extractor()


def extract_text(raw: str, name: str = "text.txt") -> "DocumentResult":
    """Extract from a string (normalised here), with the default rules."""
    from .models import Document
    from .sources.files import document_id
    from .text import normalise

    text = normalise(raw).text
    document = Document(doc_id=document_id(text), name=name, source=name, text=text)
    return _default_extractor().extract(document)


def extract_file(path: str | Path) -> "DocumentResult":
    """Extract from any supported file; raises SourceError naming the file when unreadable."""
    from .sources.files import read_file

    return _default_extractor().extract(read_file(Path(path)))
