"""Tesseract on a scanned page, and the ruled table on it. Tesseract's page segmentation reads a
gridded table as noise; with the page straightened and its rules found and whitened, each row
between two rules is read as a block with its words' boxes, and each word falls into the cell its
centre is in: the table is then read as a text PDF's annex is (tables.figure_lines), after the
page's text."""

from __future__ import annotations

import io
import subprocess

import numpy as np
from PIL import Image

from ..errors import SourceError
from .tables import figure_lines

OCR_TIMEOUT = 120  # seconds for one page
INK = 140  # grey level under which a pixel is ink
SKEW_TENTHS = 20  # scans are straightened by up to 2.0 degrees, in tenths of a degree
SKEW_SHRINK = 4  # the skew is measured on the page shrunk this many times
MIN_RULES = 3  # ruled lines each way that make a grid
WIDE_RULE = 4  # a horizontal rule runs at least a quarter of the page's width
TALL_RULE = 20  # a vertical rule at least a twentieth of its height
RULE_GAP = 3  # pixel rows (or columns) of one rule lie this close together
RULE_HALF = 4  # pixels whitened on each side of a rule's centre
ROW_PASSES = 30  # a table of more rows is read in one pass (a row's pass took about 0.7 s on 2 cores)


def tesseract(image, where: str, *options: str) -> str:
    """Tesseract's output on a PIL image, in Vietnamese; `where` names the page in errors."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    try:
        result = subprocess.run(["tesseract", "stdin", "stdout", "-l", "vie", *options],
                                input=buffer.getvalue(), capture_output=True, timeout=OCR_TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        raise SourceError(f"{where}: OCR took longer than {OCR_TIMEOUT} s") from exc
    return result.stdout.decode("utf-8", errors="replace")


def page_text(image, where: str) -> str:
    """The page's text, then its ruled table of figures a figure per line, if it holds one: only
    the cells OCR read as a clean figure ("52,38", "601 hộ"); a misread cell ("2% % z p„ó") is
    noise, as real scans' tables show (Hà Tĩnh 444/BC-UBND's forest tables)."""
    text = tesseract(image, where, "--psm", "3")
    table = ruled_table(image, where)
    lines = figure_lines(table, values_only=True) if table else []
    return text + ("\n" + "\n".join(lines) if lines else "")


def ruled_table(image, where: str) -> list[list[str]] | None:
    """The cells of the page's grid of rules, each the words whose centres fall in it, read a row
    at a time; None when the page draws no grid."""
    grey = image.convert("L")
    grey = grey.rotate(_skew(grey), fillcolor=255)
    pixels = np.asarray(grey).copy()
    ink = pixels < INK
    rows = _rules(ink, pixels.shape[1] // WIDE_RULE)
    columns = _rules(ink.T, pixels.shape[0] // TALL_RULE)
    if len(rows) < MIN_RULES or len(columns) < MIN_RULES:
        return None
    for y in rows:
        pixels[max(0, y - RULE_HALF) : y + RULE_HALF + 1, columns[0] - RULE_HALF : columns[-1] + RULE_HALF + 1] = 255
    for x in columns:
        pixels[rows[0] - RULE_HALF : rows[-1] + RULE_HALF + 1, max(0, x - RULE_HALF) : x + RULE_HALF + 1] = 255
    clean = Image.fromarray(pixels)
    bands = list(zip(rows, rows[1:]))
    if len(bands) > ROW_PASSES:
        # a long table in one pass over the page, so that its OCR stays within a page's time budget
        words = _words(tesseract(clean, where, "--psm", "3", "tsv"))
        return [_placed([w for w in words if top <= w[1] < bottom], columns, 0) for top, bottom in bands]
    return [_row_cells(clean, top, bottom, columns, where) for top, bottom in bands]


def _skew(grey) -> float:
    """The rotation (degrees) that makes the page's lines of ink most level: the one whose rows
    of ink counts vary most."""
    small = grey.resize((max(1, grey.width // SKEW_SHRINK), max(1, grey.height // SKEW_SHRINK)))
    scores = {tenth / 10: float(np.var((np.asarray(small.rotate(tenth / 10, fillcolor=255)) < INK).sum(axis=1)))
              for tenth in range(-SKEW_TENTHS, SKEW_TENTHS + 1)}
    return max(scores, key=scores.get)


def _rules(ink: np.ndarray, length: int) -> list[int]:
    """The centres of the pixel rows that hold a run of ink at least `length` long."""
    longest = np.zeros(ink.shape[0], dtype=np.int32)
    run = np.zeros(ink.shape[0], dtype=np.int32)
    for column in ink.T:
        run = np.where(column, run + 1, 0)
        np.maximum(longest, run, out=longest)
    ruled = np.flatnonzero(longest >= length)
    if not ruled.size:
        return []
    return [int(group.mean()) for group in np.split(ruled, np.flatnonzero(np.diff(ruled) > RULE_GAP) + 1)]


def _words(tsv: str) -> list[tuple[float, float, str]]:
    """Each recognised word's centre and text, from Tesseract's TSV output."""
    words = []
    for line in tsv.splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) == 12 and fields[11].strip():
            left, top, width, height = map(int, fields[6:10])
            words.append((left + width / 2, top + height / 2, fields[11]))
    return words


def _row_cells(clean, top: int, bottom: int, columns: list[int], where: str) -> list[str]:
    """One row of the grid, read as a block (a header cell's words wrap over several lines)."""
    band = clean.crop((columns[0], top, columns[-1], bottom))
    return _placed(_words(tesseract(band, where, "--psm", "6", "tsv")), columns, columns[0])


def _placed(words: list[tuple[float, float, str]], columns: list[int], left: int) -> list[str]:
    """A row's cells: each word in the cell its centre falls in (`left` is where the words' x
    coordinates start on the page)."""
    cells: list[list[str]] = [[] for _ in columns[1:]]
    for x, _, text in words:
        j = next((k for k in range(len(columns) - 1) if columns[k] <= x + left < columns[k + 1]), None)
        if j is not None:
            cells[j].append(text)
    return [" ".join(cell) for cell in cells]
