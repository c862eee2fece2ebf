"""Ruled tables on scanned pages: the page straightened, its grid found, each row's words put in
their cells. Pages are drawn here (a tilted grid of own wording); OCR tests skip without
Tesseract's Vietnamese model, the geometry tests need none."""

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from chitieu.sources import ocr
from chitieu.sources.pdf import ocr_available
from chitieu.sources.tables import figure_lines

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
HEADER = ["TT", "Huyện", "Số hộ nghèo giảm năm 2025 (hộ)", "Tỷ lệ hộ nghèo cuối năm 2025 (%)"]
ROWS = [["1", "Mường Tè", "320", "18,5"], ["2", "Sìn Hồ", "410", "21,4"], ["3", "Phong Thổ", "275", "16,2"]]
WIDTHS = [160, 520, 700, 700]  # pixels at 300 dpi


def ruled_page(tilt: float, text: bool = True) -> Image.Image:
    """An A4 page at 300 dpi with a title and a ruled table, turned by `tilt` degrees; a header
    cell's words wrap, three to a line."""
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 38) if text else None
    if text:
        draw.text((300, 250), "PHỤ LỤC: CHỈ TIÊU GIẢM NGHÈO NĂM 2025", font=font, fill=0)
    top, height = 500, 200
    for i, line in enumerate([HEADER, *ROWS]):
        x = 200
        for width, cell in zip(WIDTHS, line):
            draw.rectangle((x, top + i * height, x + width, top + (i + 1) * height), outline=0, width=3)
            words = cell.split()
            for k in range(0, len(words), 3) if text else ():
                draw.text((x + 20, top + i * height + 20 + 50 * (k // 3)), " ".join(words[k : k + 3]), font=font, fill=0)
            x += width
    return page.rotate(tilt, fillcolor=255)


@pytest.mark.parametrize("tilt", [0.0, 0.6, -0.9])
def test_a_tilted_scan_is_straightened_and_its_rules_found(tilt):
    page = ruled_page(tilt, text=False)
    grey = page.rotate(ocr._skew(page), fillcolor=255)
    ink = np.asarray(grey) < ocr.INK
    assert len(ocr._rules(ink, ink.shape[1] // ocr.WIDE_RULE)) == len(ROWS) + 2
    assert len(ocr._rules(ink.T, ink.shape[0] // ocr.TALL_RULE)) == len(WIDTHS) + 1


def test_a_page_without_rules_has_no_table():
    page = Image.new("L", (2480, 3508), 255)
    ImageDraw.Draw(page).line((300, 400, 900, 400), fill=0, width=3)  # an underline under a header, no grid
    assert ocr.ruled_table(page, "trang 1") is None


@pytest.mark.parametrize("row_passes", [ocr.ROW_PASSES, 2], ids=["a-pass-a-row", "long-table-in-one-pass"])
def test_a_scanned_table_is_read_cell_by_cell(monkeypatch, row_passes):
    if not ocr_available() or not FONT.exists():
        pytest.skip("needs tesseract with the Vietnamese model (.ci/run installs it) and the DejaVu font")
    monkeypatch.setattr(ocr, "ROW_PASSES", row_passes)
    table = ocr.ruled_table(ruled_page(0.7), "trang 1")
    assert [row[1:] for row in table[1:]] == [row[1:] for row in ROWS]
    # each figure with its row's label and its column's unit (a header's brackets may come out noisy)
    lines = figure_lines(table)
    assert any(line.startswith("Sìn Hồ: Số hộ nghèo giảm năm 2025") and line.endswith(": 410 hộ.") for line in lines)
    assert any(line.startswith("Phong Thổ: Tỷ lệ hộ nghèo cuối năm 2025") and line.endswith(": 16,2%.") for line in lines)


def test_only_the_cells_ocr_read_as_clean_figures_are_kept(monkeypatch):
    # a misread cell of a real scan's table ("2% % z p„ó", Hà Tĩnh 444/BC-UBND) is noise, not a share
    table = [["TT", "Huyện", "Diện tích trồng rừng (ha)", "Tỷ lệ che phủ (%)"],
             ["1", "Hương Khê", "1.250", "2% % z p„ó"], ["2", "Vũ Quang", "980", "61,5"]]
    monkeypatch.setattr(ocr, "tesseract", lambda image, where, *options: "PHỤ LỤC")
    monkeypatch.setattr(ocr, "ruled_table", lambda image, where: table)
    lines = ocr.page_text(None, "trang 1").split("\n")[1:]
    assert lines == ["Hương Khê: Diện tích trồng rừng (ha): 1.250 ha.", "Vũ Quang: Diện tích trồng rừng (ha): 980 ha.",
                     "Vũ Quang: Tỷ lệ che phủ (%): 61,5%."]
