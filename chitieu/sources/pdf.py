"""PDF plans: text in reading order per page; scans and garbage text layers detected, not
trusted, and OCR'd with Tesseract's Vietnamese model when it is installed.

Cascade per page: pypdfium2's text layer (fast) -> judged by `layer_quality` -> if scanned or
garbage, Tesseract (`tesseract -l vie`) on the page rendered at 300 dpi -> else the page is
recorded as needing OCR.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import SourceError
from ..text import LETTER, join_wrapped_lines, vietnamese_share
from . import legacy, ocr
from .tables import TableReader, linearise, looks_tabular

# "S ố : 3 2 6 / Q Đ - U B N D": a run of single characters each followed by one space.
_SPACED_GLYPHS = re.compile(r"(?<!\S)(?:\S ){4,}\S(?!\S)")
# pdfium writes a hyphen that ended a printed line as U+FFFE: "Kế hoạch số 185/KH\ufffeUBND"
_LINE_END_HYPHEN = "\ufffe"
MAX_PAGES = 500
PAGES_PER_OPEN = 100  # reopening frees pdfium's per-page caches: memory stays flat in the page count


class NeedsOcrError(SourceError):
    """A scanned PDF (or one with a garbage text layer) and no OCR engine to read it."""


@dataclass(frozen=True)
class PdfText:
    text: str
    page_starts: list[int]
    status: str  # ok | degraded | needs_ocr
    ocr_pages: int
    unreadable_pages: list[int]
    notes: list[str]


def layer_quality(text: str) -> str:
    """'ok', 'empty' (a scan) or 'garbage' (an OCR layer without Vietnamese diacritics, (cid:N)
    runs, replacement characters)."""
    if len(LETTER.findall(text)) < 50:
        return "empty"
    if text.count("(cid:") > 5 or text.count("\ufffd") > 5:
        return "garbage"
    if vietnamese_share(text) < 0.08:
        return "garbage"
    return "ok"


_OCR_WHOLE_SHARE = re.compile(r"(?<![\d.,/])100(?:25|2)(?=[ \t]+[^\W\d_])")
# Tesseract reads one stroked D twice, the Vietnamese letter then its Latin look-alike U+00D0
_OCR_DOUBLED_D = re.compile("(?<=[\u0110\u0111])[\u00d0\u00f0]+")


def layer_text(raw: str) -> str:
    """A page's text layer as a reader sees it: line-end hyphens, letter-spaced glyphs, legacy
    font encodings and wrapped lines mended."""
    return join_wrapped_lines(legacy.repair(repair_spaced_glyphs(raw.replace(_LINE_END_HYPHEN, "-"))))


def repair_spaced_glyphs(text: str) -> str:
    """Join letter-spaced glyph runs ("S ố : 3 2 6 / Q Đ" -> "Số:326/QĐ")."""
    return _SPACED_GLYPHS.sub(lambda m: m.group().replace(" ", ""), text)


def repair_ocr(text: str) -> str:
    """What Tesseract misreads in a Vietnamese page, mended: a stroked D read twice ("689/QĐÐ-TTG",
    "HĐÐÐND": Hà Tĩnh 1740 and 496, Gia Lai 203/QĐ-STC, BCA 3980) and a whole share's percent sign."""
    return repair_ocr_percent(_OCR_DOUBLED_D.sub("", text))


def repair_ocr_percent(text: str) -> str:
    """Tesseract reads the percent sign of a whole share as "2" or "25" ("1002 văn bản", "Bảo
    đảm 10025 người dân": Hà Tĩnh 1740/QĐ-UBND, 496 and 498/KH-UBND, NQ 19/2017/NQ-CP); a count
    of 1002 or 10025 before a word is that misread "100%". The length is kept, so spans hold."""
    return _OCR_WHOLE_SHARE.sub(lambda m: "100%" + " " * (len(m.group()) - 4), text)


def ocr_available() -> bool:
    if not shutil.which("tesseract"):
        return False
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30)
    return "vie" in listed.stdout.split()


def read_pdf_text(
    path: Path, max_pages: int = MAX_PAGES, ocr: bool | None = None, before_ocr: Callable[[], None] | None = None,
) -> PdfText:
    """`before_ocr` is called before each page is OCR'd: OCR costs seconds a page, and the
    caller may grant time for it (the worker pool's `allow_more_time`)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise SourceError(f"{path}: not a readable PDF: {exc}") from exc
    reading = _Reading(path, ocr_available() if ocr is None else ocr, before_ocr)
    try:
        count = len(pdf)
        if count > max_pages:
            raise SourceError(f"{path}: {count} pages is more than the {max_pages}-page limit")
        for index in range(count):
            if index and index % PAGES_PER_OPEN == 0:
                # pdfium keeps every parsed page's objects until the document closes
                pdf.close()
                pdf = pdfium.PdfDocument(str(path))
            reading.read_page(pdf, index)
    finally:
        pdf.close()
        reading.tables.close()
    return reading.result()


@dataclass
class _Reading:
    """One PDF being read page by page: what each page gave, and what went wrong where."""

    path: Path
    use_ocr: bool
    before_ocr: Callable[[], None] | None
    pages: list[str] = field(default_factory=list)
    unreadable: list[int] = field(default_factory=list)
    unloadable: int = 0
    notes: list[str] = field(default_factory=list)
    ocr_pages: int = 0
    tables: TableReader = field(init=False)

    def __post_init__(self) -> None:
        self.tables = TableReader(self.path)

    def read_page(self, pdf, index: int) -> None:
        import pypdfium2 as pdfium

        try:
            page = pdf[index]
            textpage = page.get_textpage()
        except pdfium.PdfiumError as exc:
            # one broken page object costs that page only
            self.unreadable.append(index + 1)
            self.unloadable += 1
            self.notes.append(f"page {index + 1}: could not be loaded ({exc})")
            self.pages.append("")
            return
        layer = layer_text(textpage.get_text_range())
        textpage.close()
        self.pages.append(self._judged(page, index, layer))
        page.close()

    def _judged(self, page, index: int, layer: str) -> str:
        """The page's text: its layer if good, OCR'd if not, "" if blank or unreadable."""
        quality = layer_quality(layer)
        if quality == "empty" and _is_blank(page):
            return ""  # a blank page (end of a signed file) is no loss of text
        if quality == "ok":
            return _with_tables(layer, self.tables, index, self.notes) if looks_tabular(layer) else layer
        if self.use_ocr:
            if self.before_ocr:
                self.before_ocr()
            layer = join_wrapped_lines(repair_ocr(_ocr_page(page, self.path, index)))
            self.ocr_pages += 1
        if layer_quality(layer) != "ok":
            self.unreadable.append(index + 1)
            return ""
        return layer

    def result(self) -> PdfText:
        starts, offset = [], 0
        for page_text in self.pages:
            starts.append(offset)
            offset += len(page_text) + 1
        if self.unloadable and self.unloadable == len(self.pages):
            raise SourceError(f"{self.path}: none of its {len(self.pages)} pages could be loaded")
        if len(self.unreadable) == len(self.pages):
            hint = "install tesseract-ocr and tesseract-ocr-vie" if not self.use_ocr else "OCR gave no Vietnamese text"
            raise NeedsOcrError(f"{self.path}: scanned or garbage text layer on all {len(self.pages)} pages; needs OCR ({hint})")
        status = "degraded" if self.unreadable or self.ocr_pages else "ok"
        return PdfText(text="\n".join(self.pages), page_starts=starts, status=status, ocr_pages=self.ocr_pages,
                       unreadable_pages=self.unreadable, notes=self.notes)


def _with_tables(layer: str, reader: TableReader, index: int, notes: list[str]) -> str:
    """The page's text with each table's figures, one line each (see tables.linearise), right
    after the line that ends the table, so that they stand under the table's own heading and not
    under a heading printed after it on the page (a second annex); at the page's end where the
    table's last row cannot be found in the text."""
    try:
        tables = reader.tables(index)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds; the text layer is kept
        notes.append(f"page {index + 1}: tables not read ({type(exc).__name__})")
        return layer
    text, cursor = layer, 0
    for table in tables:
        lines = linearise(table)
        if not lines:
            continue
        at = _table_end(text, table, cursor)
        block = "\n" + "\n".join(lines)
        text, cursor = text[:at] + block + text[at:], at + len(block)
    return text


def _table_end(text: str, table: list[list[str | None]], start: int) -> int:
    """Where the line holding the table's last row ends, searched from `start`; else the text's end."""
    last = next((row for row in reversed(table) if any(cell and cell.strip() for cell in row)), None)
    cells = [re.escape(" ".join(cell.split())).replace(r"\ ", r"\s+") for cell in last or [] if cell and cell.strip()]
    found = re.compile(r"\s+".join(cells)).search(text, start) if cells else None
    if not found:
        return len(text)
    line_end = text.find("\n", found.end())
    return len(text) if line_end < 0 else line_end


def _is_blank(page) -> bool:
    """Nothing printed: at most a few dark pixels when rendered small."""
    image = page.render(scale=0.5, grayscale=True).to_pil()
    dark = sum(image.histogram()[:200])
    return dark <= image.width * image.height * 0.0005


def _ocr_page(page, path: Path, index: int) -> str:
    return ocr.page_text(page.render(scale=300 / 72).to_pil(), f"{path}: page {index + 1}")
