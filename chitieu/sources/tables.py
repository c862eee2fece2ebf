"""Tables of figures read as tables (PDF annexes, "Biểu", "Phụ lục"; Word tables of figures):
each figure becomes one line that names its row and its column ("Huyện Mường La: Tỷ lệ hộ
nghèo năm 2024 (%): 12,5%."; "Tỷ lệ hộ nghèo: Kế hoạch năm 2025: 3,5%."), so that a row's place
or indicator and unit, and a column's indicator, year and status (plan or result) stand next to
the value they qualify."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from ..models import TableRules
from ..phrases import alternation, whole_words
from ..text import LETTER

_DIGITS = re.compile(r"\d")
_BARE_NUMBER_LINE = re.compile(r"^\s*[\d.,/%]+\s*$", re.MULTILINE)
_NUMBER_CELL = re.compile(r"^\s*\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*$")  # a figure or a range: "57,12", "4,0 - 5,0"
_VALUE_CELL = re.compile(r"^\s*(?:[≥≤<>]\s*)?\d[\d.,]*\s*%?(?:\s*[-–]\s*\d[\d.,]*\s*%?)?\s*$|^\s*[-–—]\s*$")  # "6,85", "≥ 10", "4,0 - 5,0", "5,2%"; "-" for none
_ROW_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?$")  # "1", "2.1."
_FIGURE = re.compile(r"(?<![\w/])\d[\d.,]*%?(?![\w/])")
FIGURES_IN_ROW = 3  # figures on one line that make it a table's row
# "a | b", "a | b |"; lazy after the first non-space character, so that a long line without cells reads in linear time
_CELL_ROW = re.compile(r"^\s*\S.*? \|(?: |$)")
_CELL_END = re.compile(r"\s*\|\s*$")
# an empty cell keeps its place: "Tổng cộng | | 28,43 | 5.570", and so does an empty first cell,
# which leaves its row opening with the separator ("| Toàn tỉnh | 143.100", an HTML row's blank number cell)
_CELL_SEPARATOR = re.compile(r"^\s*\|(?= |$)| \|(?= |$)")
MIN_TABLE_LINES = 2  # a header and a row
YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,])")
# a figure line `linearise` writes, "row: header: figure.": the reading side tells a table's rows by it
FIGURE_LINE = re.compile(r"[^:\n]+: (?P<header>[^:\n]+): ")


@dataclass(frozen=True)
class TableWords:
    # a page worth asking pdfplumber (about 100 times slower than the text layer) about: one that
    # heads an annex of targets ("Biểu", "Phụ lục" at the start of a line, capitalised) and has cells
    annex_heading: re.Pattern
    # "ĐVT": the column that gives each row's unit
    unit_column: re.Pattern
    # "Đơn vị tính: %" on a line of its own: the unit of a whole table
    stated_unit: re.Pattern
    column_units: tuple[tuple[re.Pattern, str], ...]
    # "Xây mới (căn)", "Diện tích (ha)": a unit the numbers rules know, in brackets closing a header
    bracketed_unit: re.Pattern
    # a header that sets what each row must reach ("Chỉ tiêu giảm hộ nghèo", "Kế hoạch")
    goal_header: re.Pattern
    # a header that names a change or a deed ("Số hộ thoát nghèo", "Tăng thêm", "Hỗ trợ nhà ở", "Đào
    # tạo nghề"): a decrease or increase verb, a support or action verb of rules/cues.yaml
    change_or_deed_header: re.Pattern
    # a header that names the time its figures are due by ("Tỷ lệ hộ nghèo cuối năm"): an until word of rules/times.yaml
    due_header: re.Pattern
    # a year named by a base word of rules/times.yaml ("đầu năm 2017", "so với năm 2020"): where the
    # rows start, no time they are due by
    base_year: re.Pattern
    # a year named by a word of its start (rules/tables.yaml start_words: "Tỷ lệ hộ nghèo đầu năm
    # 2016"): the moment each row starts from, in any table
    start_year: re.Pattern
    # a header naming an estimate ("Dân số dự kiến năm 2024", "Ước thực hiện năm 2025"): a forecast
    # mark of rules/cues.yaml
    estimate_header: re.Pattern
    # the noun a header counts, after a counting word or a change verb ("Số hộ nghèo", "Chỉ tiêu
    # giảm hộ nghèo"): a unit the numbers rules know
    counted_unit: re.Pattern


@lru_cache(maxsize=1)
def table_words() -> TableWords:
    from ..models import CueRules, NumberRules, TimeRules
    from ..rules import RULES_DIR, load_rule_file

    rules = load_rule_file(RULES_DIR / "tables.yaml", TableRules)
    cues = load_rule_file(RULES_DIR / "cues.yaml", CueRules)
    change_words = [p for verb in cues.change_verbs if verb.code != "level" for p in verb.phrases]
    deed_words = [*cues.support_verbs.phrases, *cues.action_verbs.phrases]
    units = [p for rule in load_rule_file(RULES_DIR / "numbers.yaml", NumberRules).units for p in rule.phrases if p[0].isalpha()]
    estimates = [mark for mark in cues.marks if mark.mark == "forecast"]
    # a syllable that also ends other words ("quy ước") only where it opens the header or a bracket
    loose = [p for mark in estimates if mark.whole_words for p in mark.phrases]
    estimate_words = [p for mark in estimates if not mark.whole_words for p in mark.phrases]
    times = load_rule_file(RULES_DIR / "times.yaml", TimeRules)
    headings = rules.annex_heading_words.phrases
    written = [*headings, *(h.upper() for h in headings)]  # as written: "bảng" in running text heads nothing
    return TableWords(
        re.compile(rf"^\s*(?:{alternation(written)})\b", re.MULTILINE),
        re.compile(alternation(rules.unit_column_words.phrases), re.IGNORECASE),
        re.compile(rf"\s*\(?\s*(?:{alternation(rules.unit_column_words.phrases)})\s*:\s*(?P<unit>[^():\n]+?)\s*\)?\s*$", re.IGNORECASE),
        # "12,5" in a rate column reads "12,5%"; "1.200" in a households column "1.200 hộ"
        tuple((re.compile(alternation(rule.phrases), re.IGNORECASE), rule.unit if not rule.unit[0].isalnum() else f" {rule.unit}")
              for rule in rules.column_units),
        re.compile(rf"\(\s*(?P<unit>{alternation([*units, '%'])})\s*\)\s*$", re.IGNORECASE),
        whole_words(rules.goal_column_words.phrases),
        whole_words([*change_words, *deed_words]),
        whole_words(times.until_words.phrases),
        re.compile(rf"(?<!\w)(?:{alternation(times.base_words.phrases)})\s+(?:19|20)\d\d(?![\d.,])", re.IGNORECASE),
        re.compile(rf"(?<!\w)(?:{alternation(rules.start_words.phrases)})\s+(?:19|20)\d\d(?![\d.,])", re.IGNORECASE),
        re.compile(rf"(?<!\w)(?:{alternation(estimate_words)})(?!\w)|(?:^|\()\s*(?:{alternation(loose)})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?<!\w)(?:{alternation([*rules.counting_words.phrases, *change_words])})\s+(?P<unit>{alternation(units)})(?!\w)",
                   re.IGNORECASE),
    )


def looks_tabular(page_text: str) -> bool:
    """An annex heading and rows of figures: cells a line each, or a row's figures on one line
    ("Hồ 28,15 4,5 23,65", as a browser or a word processor prints a row)."""
    if not table_words().annex_heading.search(page_text):
        return False
    rows = sum(len(_FIGURE.findall(line)) >= FIGURES_IN_ROW for line in page_text.splitlines())
    return len(_BARE_NUMBER_LINE.findall(page_text)) >= 3 or rows >= 2


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


def linearise(table: list[list[str | None]], values_only: bool = False, table_unit: str = "") -> list[str]:
    """One line per figure: "<row label>: <column>: <cell>." Header rows are those above the
    body's first row (_is_figure_row; a year heads a column, it is no figure); merged header cells
    spread right. A bare number takes its row's unit from a unit column ("ĐVT"), else its
    column's; the unit column itself is no figure. `table_unit` is the unit a line above the table
    states for all of it (stated_unit), a row's own unit column winning over it. With `values_only`, a cell with digits that is
    no figure alone is left out (OCR's misreading of a scanned cell: "2% % z p„ó")."""
    rows = [[_clean(cell) for cell in row] for row in table if row]
    width = max((len(row) for row in rows), default=0)
    if width < 2:
        return []
    first_data = next((i for i, row in enumerate(rows) if _is_figure_row(row)), None)
    if not first_data:
        return []
    headers = _headers(rows[:first_data], width)
    unit_column = next((j for j, header in enumerate(headers) if table_words().unit_column.search(header)), None)
    describing = _describing_columns(headers, _value_columns(rows[first_data:], width))
    lines = []
    for row in rows[first_data:]:
        label_index = next((j for j, cell in enumerate(row) if LETTER.search(cell)), None)
        if label_index is None:
            continue
        row_unit = row[unit_column] if unit_column is not None and unit_column < len(row) else table_unit
        for j, cell in enumerate(row):
            if j in (label_index, unit_column) or not cell or j >= width or not _DIGITS.search(cell) or _NUMBER_CELL.match(cell) and j < label_index:
                continue
            if values_only and not _VALUE_CELL.match(cell):
                continue
            figure = cell if j in describing else f"{cell}{_unit_suffix(headers[j], cell, row_unit)}"
            lines.append(f"{row[label_index]}: {headers[j]}: {figure}." if headers[j] else f"{row[label_index]}: {figure}.")
    return lines


def linearise_row_runs(text: str, row: re.Pattern, split: Callable[[list[str]], list[list[str]]]) -> str:
    """Each run of lines that `row` matches is a table, `split` its rows of cells: a table of
    figures is read a figure per line (linearise), any other left as written."""
    lines = text.split("\n")
    out: list[str] = []
    at = 0
    while at < len(lines):
        end = at
        while end < len(lines) and row.match(lines[end]):
            end += 1
        if end - at < MIN_TABLE_LINES:
            out.extend(lines[at : max(end, at + 1)])
            at = max(end, at + 1)
            continue
        out.extend(figure_lines(split(lines[at:end]), table_unit=stated_unit(lines[:at])) or lines[at:end])
        at = end
    return "\n".join(out)


def linearise_cell_rows(text: str) -> str:
    """A text that prints a table a row per line, " | " between its cells (the stored pages'
    "Số: 2356/KH-UBND | Kon Tum, ngày 18 tháng 09 năm 2014 |"), read as a table."""
    return linearise_row_runs(text, _CELL_ROW, lambda lines: [[cell.strip() for cell in _CELL_SEPARATOR.split(_CELL_END.sub("", line))] for line in lines])


def figure_lines(table: list[list[str]], values_only: bool = False, table_unit: str = "") -> list[str]:
    """A table of figures read a figure per line; nothing for any other table (it stays as written)."""
    return linearise(table, values_only, table_unit) if holds_figures(table) else []


def stated_unit(lines_before: list[str]) -> str:
    """The unit the last non-blank of the two lines before a table states for all its figures
    ("Đơn vị tính: %", "(ĐVT: triệu đồng)": Hà Tĩnh 1740/QĐ-UBND and 498/KH-UBND print it over
    their tables), else ""."""
    above = next((line for line in reversed(lines_before[-2:]) if line.strip()), "")
    stated = table_words().stated_unit.match(above)
    return stated.group("unit") if stated else ""


def holds_figures(table: list[list[str]]) -> bool:
    """A table of figures (an annex of targets, a statistics table), not of tasks: a row holds a
    bare number after its label that is no year ("Tỷ lệ hộ nghèo | % | 4,12 | 3,5")."""
    for row in table:
        label_index = next((j for j, cell in enumerate(row) if LETTER.search(cell or "")), None)
        if label_index is not None and any(_NUMBER_CELL.match(c or "") and _is_figure(c) for c in row[label_index + 1 :]):
            return True
    return False


def _headers(header_rows: list[list[str]], width: int) -> list[str]:
    """Each column's header, its header rows' cells joined. Under the first, a row that fills no
    cell after its number and label heads a group of rows ("I | Chỉ tiêu kinh tế", "II | Cải
    cách thủ tục hành chính"), not the columns, and spreads into none."""
    headers = [""] * width
    for index, row in enumerate(header_rows):
        if index and width > 2 and not any(row[2:]):
            continue
        carried = ""
        for j in range(width):
            cell = row[j] if j < len(row) else ""
            carried = cell or carried if j > 0 else cell
            headers[j] = f"{headers[j]} {carried}".strip()
    return headers


def _value_columns(body: list[list[str]], width: int) -> list[int]:
    """The columns holding a figure after a row's label."""
    found = set()
    for row in body:
        label_index = next((j for j, cell in enumerate(row) if LETTER.search(cell)), width)
        found.update(j for j in range(label_index + 1, min(len(row), width)) if _NUMBER_CELL.match(row[j]))
    return sorted(found)


def _describing_columns(headers: list[str], value_columns: list[int]) -> frozenset[int]:
    """The columns that describe each row, in a table whose other columns set its goals: beside
    "Chỉ tiêu giảm hộ nghèo năm 2023", a column naming no goal, no change, no deed ("Hỗ trợ nhà
    ở") and no time it is due by (a year, "cuối năm") counts what the row is ("Tổng số hộ"), not
    what it must reach; so does one naming only years before the goals': where the row starts,
    whatever the page's date (a plan for 2023 is often issued in December 2022). Their figures are left bare, so that no unit makes them quantities to read."""
    words = table_words()
    goals = [headers[j] for j in value_columns if words.goal_header.search(headers[j])]
    if not goals:
        return frozenset(j for j in value_columns if _starts_rows(headers[j]))
    goal_years = [int(y) for header in goals for y in YEAR.findall(header)]
    return frozenset(j for j in value_columns if headers[j] and not words.goal_header.search(headers[j]) and (
        words.estimate_header.search(headers[j]) or not (
            words.change_or_deed_header.search(headers[j]) or _due(headers[j], min(goal_years, default=None)))))


def _starts_rows(header: str) -> bool:
    """A header whose only year a word of its start names ("Tỷ lệ hộ nghèo đầu năm 2016 (%)") and
    that names no goal, change, deed or time it is due by: where each row starts, in any table."""
    words = table_words()
    return bool(words.start_year.search(header)) and not (
        YEAR.findall(words.base_year.sub("", header)) or words.goal_header.search(header)
        or words.change_or_deed_header.search(header) or words.due_header.search(header))


def _due(header: str, first_goal_year: int | None) -> bool:
    """A header naming a time its figures may be due by: an until word, or a year not before the
    goals' first that no base word names as where the rows start."""
    years = [int(y) for y in YEAR.findall(table_words().base_year.sub("", header))]
    if years and first_goal_year is not None:
        return max(years) >= first_goal_year
    return bool(years) or bool(table_words().due_header.search(header))


def _is_figure_row(row: list[str]) -> bool:
    """A row of the table's body, not of its header: numbered ("1", "2.1."), or with a cell after
    its label that is a figure, or a dash for none, and nothing else, whatever units and notes
    stand beside it ("Tốc độ tăng GRDP | % | 6,85 | -"). A header's cells are words and years."""
    if row and _ROW_NUMBER.match(row[0]):
        return True
    label_index = next((j for j, cell in enumerate(row) if LETTER.search(cell)), -1)
    return any(_VALUE_CELL.match(cell) and (_is_figure(cell) or not _DIGITS.search(cell)) for cell in row[label_index + 1 :])


def _is_figure(cell: str) -> bool:
    """A cell with a number that is not a year ("Năm 2025", "2021-2025" head columns)."""
    return bool(_DIGITS.search(YEAR.sub("", cell)))


def _clean(cell: str | None) -> str:
    return re.sub(r"\s+", " ", cell or "").strip()


def _unit_suffix(header: str, cell: str, row_unit: str) -> str:
    if not _NUMBER_CELL.match(cell):
        return ""
    # a column's own unit wins over its row's: "So với năm 2018 (%)" beside "Nghìn tấn"
    bracketed = table_words().bracketed_unit.search(header)
    if bracketed:
        unit = bracketed.group("unit")
        return unit if unit == "%" else f" {unit.lower()}"
    if row_unit and not _DIGITS.search(row_unit):
        return row_unit if row_unit == "%" else f" {row_unit.lower()}"
    for pattern, suffix in table_words().column_units:
        if pattern.search(header):
            return suffix
    counted = table_words().counted_unit.search(header)
    return f" {counted.group('unit').lower()}" if counted else ""
