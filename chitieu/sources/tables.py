"""Tables of PDF annexes ("Biểu", "Phụ lục") read as tables: each data row becomes one line
that names its row and, for every cell, its column ("Huyện Mường La: Tỷ lệ hộ nghèo năm 2024
(%): 12,5%; Số hộ nghèo (hộ): 1.200 hộ."), so that a row's place and a column's indicator,
year and unit stand next to the value they qualify."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..models import TableRules
from ..phrases import alternation
from ..text import LETTER

_DIGITS = re.compile(r"\d")
_BARE_NUMBER_LINE = re.compile(r"^\s*[\d.,/%]+\s*$", re.MULTILINE)
_NUMBER_CELL = re.compile(r"^\s*\d[\d.,]*\s*$")


@dataclass(frozen=True)
class TableWords:
    # a page worth asking pdfplumber (about 100 times slower than the text layer) about: one that
    # heads an annex of targets ("Biểu", "Phụ lục" at the start of a line, capitalised) and has cells
    annex_heading: re.Pattern
    column_units: tuple[tuple[re.Pattern, str], ...]


@lru_cache(maxsize=1)
def table_words() -> TableWords:
    from ..rules import RULES_DIR, load_rule_file

    rules = load_rule_file(RULES_DIR / "tables.yaml", TableRules)
    headings = rules.annex_heading_words.phrases
    written = [*headings, *(h.upper() for h in headings)]  # as written: "bảng" in running text heads nothing
    return TableWords(
        re.compile(rf"^\s*(?:{alternation(written)})\b", re.MULTILINE),
        # "12,5" in a rate column reads "12,5%"; "1.200" in a households column "1.200 hộ"
        tuple((re.compile(alternation(rule.phrases), re.IGNORECASE), rule.unit if not rule.unit[0].isalnum() else f" {rule.unit}")
              for rule in rules.column_units),
    )


def looks_tabular(page_text: str) -> bool:
    return bool(table_words().annex_heading.search(page_text)) and len(_BARE_NUMBER_LINE.findall(page_text)) >= 3


class TableReader:
    """pdfplumber on one PDF, opened on first use and once only (opening parses the whole file)."""

    def __init__(self, path: Path):
        self.path = path
        self._pdf = None

    def tables(self, page_index: int) -> list[list[list[str | None]]]:
        if self._pdf is None:
            import pdfplumber

            self._pdf = pdfplumber.open(str(self.path))
        page = self._pdf.pages[page_index]
        try:
            return page.extract_tables()
        finally:
            page.close()  # pdfplumber caches every page's objects otherwise

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()


def linearise(table: list[list[str | None]]) -> list[str]:
    """One line per data row: "<row label>: <column>: <cell>; ...". Header rows are those
    before the first row where half the cells hold digits; merged header cells spread right."""
    rows = [[_clean(cell) for cell in row] for row in table if row]
    width = max((len(row) for row in rows), default=0)
    if width < 2:
        return []
    first_data = next((i for i, row in enumerate(rows) if sum(bool(_DIGITS.search(c)) for c in row) * 2 >= len(row)), None)
    if not first_data:
        return []
    headers = [""] * width
    for row in rows[:first_data]:
        carried = ""
        for j in range(width):
            cell = row[j] if j < len(row) else ""
            carried = cell or carried if j > 0 else cell
            headers[j] = f"{headers[j]} {carried}".strip()
    lines = []
    for row in rows[first_data:]:
        label_index = next((j for j, cell in enumerate(row) if LETTER.search(cell)), None)
        if label_index is None:
            continue
        parts = []
        for j, cell in enumerate(row):
            if j == label_index or not cell or j >= width or not _DIGITS.search(cell) or _NUMBER_CELL.match(cell) and j < label_index:
                continue
            parts.append(f"{headers[j]}: {cell}{_unit_suffix(headers[j], cell)}" if headers[j] else cell)
        if parts:
            lines.append(f"{row[label_index]}: " + "; ".join(parts) + ".")
    return lines


def _clean(cell: str | None) -> str:
    return re.sub(r"\s+", " ", cell or "").strip()


def _unit_suffix(header: str, cell: str) -> str:
    if not _NUMBER_CELL.match(cell):
        return ""
    for pattern, suffix in table_words().column_units:
        if pattern.search(header):
            return suffix
    return ""
