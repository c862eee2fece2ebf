"""Tables of figures in Word plans: each figure read with its row (indicator or unit, and the
row's unit from an "ĐVT" column) and its column (year, plan or result), as the issue's annex
tables need; tables of tasks are left as rows of cells."""

import re
from html import escape

import pytest

from chitieu import extract_file
from chitieu.sources.files import read_file
from chitieu.sources.tables import holds_figures, linearise
from tests.test_fuzz import WORD_NS, make_docx

PLAN = ["ỦY BAN NHÂN DÂN HUYỆN SÌN HỒ", "Số: 41/KH-UBND", "Sìn Hồ, ngày 20 tháng 01 năm 2025", "KẾ HOẠCH",
          "Giảm nghèo bền vững năm 2025 và định hướng năm 2026", "I. MỤC TIÊU",
          "Hoàn thành các chỉ tiêu tại Phụ lục kèm theo.", "Phụ lục", "CÁC CHỈ TIÊU CHỦ YẾU"]
PHASE_PLAN = ["ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "Số: 215/KH-UBND", "Lai Châu, ngày 15 tháng 10 năm 2025", "KẾ HOẠCH",
              "Giảm nghèo bền vững giai đoạn 2026 - 2030", "Phụ lục", "CÁC CHỈ TIÊU CHỦ YẾU"]
REPORT = ["ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", "Số: 212/BC-UBND", "Điện Biên, ngày 10 tháng 12 năm 2024", "BÁO CÁO",
          "Kết quả công tác cải cách hành chính năm 2024", "Phụ lục", "SỐ LIỆU THỐNG KÊ"]


def _cell(text: str | tuple[str, int]) -> str:
    text, span = text if isinstance(text, tuple) else (text, 1)
    properties = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
    return f'<w:tc>{properties}<w:p><w:r><w:t xml:space="preserve">{escape(text, quote=False)}</w:t></w:r></w:p></w:tc>'


def _docx(lines: list[str], table: list[list]) -> bytes:
    paragraphs = "".join(f"<w:p><w:r><w:t>{escape(line, quote=False)}</w:t></w:r></w:p>" for line in lines)
    rows = "".join("<w:tr>" + "".join(map(_cell, row)) + "</w:tr>" for row in table)
    xml = f'<w:document xmlns:w="{WORD_NS}"><w:body>{paragraphs}<w:tbl>{rows}</w:tbl></w:body></w:document>'
    return make_docx(xml=xml.encode("utf-8"))


def _page_values(tmp_path, lines: list[str]) -> list[float]:
    """The values of the targets read from a stored page of `lines`."""
    path = tmp_path / "trang.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return [t.value_min for t in extract_file(path).targets]


# (document, table, the targets read from it: value, unit, year, indicator)
TABLES = [
    pytest.param(
        PLAN,
        [["STT", "Chỉ tiêu", "ĐVT", "Thực hiện năm 2024", ("Kế hoạch", 2)],
         ["", "", "", "", "Năm 2025", "Năm 2026"],
         ["1", "Tỷ lệ hộ nghèo", "%", "5,8", "4,9", "4,1"],
         ["2", "Số hộ nghèo giảm", "Hộ", "310", "290", "270"]],
        [(4.9, "percent", 2025, "poverty.rate"), (4.1, "percent", 2026, "poverty.rate"),
         (290.0, "households", 2025, "poverty.households"), (270.0, "households", 2026, "poverty.households")],
        id="plan-columns-under-a-merged-header-and-a-result-column"),
    pytest.param(
        PLAN,
        [["TT", "Chỉ tiêu", "Đơn vị tính", "2025", "2026"],
         ["1", "Tỷ lệ người tham gia bảo hiểm y tế", "%", "93", "95"]],
        [(93.0, "percent", 2025, "health.insurance"), (95.0, "percent", 2026, "health.insurance")],
        id="years-alone-head-the-columns"),
    pytest.param(
        PHASE_PLAN,
        [["TT", "Chỉ tiêu", "ĐVT", "Kết quả thực hiện giai đoạn 2021 - 2025", "Mục tiêu đến năm 2030"],
         ["1", "Tỷ lệ hộ nghèo", "%", "5,8", "2,5"]],
        [(2.5, "percent", 2030, "poverty.rate")],
        id="a-column-headed-by-a-result-word-reports-after-the-rows-indicator-and-a-colon"),
    pytest.param(
        REPORT,
        [["STT", "Chỉ tiêu thống kê", "Kết quả thống kê", ""],
         ["", "", "Đơn vị tính", "Số liệu"],
         ["1", "Số văn bản chỉ đạo đã ban hành", "Văn bản", "64"],
         ["2", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "98,7"]],
        [],
        id="a-statistics-table-reports-results"),
]


TABLES.append(pytest.param(
    # the unit a line above the table states for all of it ("Đơn vị tính: %", as Hà Tĩnh
    # 1740/QĐ-UBND and 498/KH-UBND print over their tables) gives its bare cells their unit
    [*PLAN[:-1], "CHỈ TIÊU BẢO HIỂM Y TẾ CỦA CÁC XÃ", "Đơn vị tính: %"],
    [["STT", "Xã", "Kế hoạch năm 2025"], ["1", "Xã Pa Tần", "92,5"], ["2", "Xã Nậm Cha", "90"]],
    [(92.5, "percent", 2025, "other"), (90.0, "percent", 2025, "other")],
    id="a-unit-stated-above-the-table"))


@pytest.mark.parametrize("document,table,expected", TABLES)
def test_word_tables_of_figures_give_a_target_per_plan_cell(tmp_path, document, table, expected):
    path = tmp_path / "van_ban.docx"
    path.write_bytes(_docx(document, table))
    targets = extract_file(path).targets
    assert [(t.value_min, t.unit, t.year, t.indicator) for t in targets] == expected


def test_word_tables_of_tasks_stay_rows_of_cells(tmp_path):
    table = [["STT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành"],
             ["1", "Rà soát thủ tục hành chính", "100% thủ tục được rà soát", "2025"]]
    path = tmp_path / "ke_hoach.docx"
    path.write_bytes(_docx(PLAN, table))
    assert "1 | Rà soát thủ tục hành chính | 100% thủ tục được rà soát | 2025" in read_file(path).text


LINEARISED = [
    # a row's unit column gives its bare numbers their unit; the unit column is no figure
    ([["STT", "Nội dung", "ĐVT", "Năm 2025"], ["1", "Diện tích trồng rừng mới", "ha", "1.250"]],
     ["Diện tích trồng rừng mới: Năm 2025: 1.250 ha."]),
    # a column's header unit where no unit column stands
    ([["Huyện", "Số hộ nghèo (hộ)"], ["Huyện Phong Thổ", "2.140"]], ["Huyện Phong Thổ: Số hộ nghèo (hộ): 2.140 hộ."]),
    # ... any unit the numbers rules know, in brackets closing the header ("Tỷ lệ (%)", Lâm Đồng's
    # reform-index appraisal; "Sau đập (m3/s)", Gia Lai 8544/SNNMT-TNN)
    ([["Huyện", "Xây mới (căn)", "Diện tích trồng rừng (ha)"], ["Huyện Đắk Glei", "240", "1.150"]],
     ["Huyện Đắk Glei: Xây mới (căn): 240 căn.", "Huyện Đắk Glei: Diện tích trồng rừng (ha): 1.150 ha."]),
    # a row that fills no cell after its number and label heads a group of rows, not the columns
    # (the "I | Cải cách thể chế" rows under the header of Lâm Đồng's 2026 and 2026-2030 reform plans)
    ([["TT", "Chỉ tiêu", "ĐVT", "Năm 2025"], ["I", "Chỉ tiêu môi trường", "", ""], ["1", "Tỷ lệ che phủ rừng", "%", "45,2"]],
     ["Tỷ lệ che phủ rừng: Năm 2025: 45,2%."]),
    # the first row of figures is the first with a figure (or a dash for none) after its label,
    # whatever units and notes stand beside it, as in Lâm Đồng's 2025 reform statistics ("% | 15 |
    # Bao gồm Ban Quản lý ...", "Cơ quan, đơn vị | - | Chưa có hướng dẫn ..."); a column's own
    # bracketed unit wins over its row's
    ([["Chỉ tiêu", "Đơn vị tính", "Ước tính năm 2023", "So với năm 2022 (%)"],
      ["Tốc độ tăng trưởng kinh tế", "%", "7,1", "-"], ["Sản lượng lúa", "Nghìn tấn", "245,6", "101,2"]],
     ["Tốc độ tăng trưởng kinh tế: Ước tính năm 2023: 7,1%.", "Sản lượng lúa: Ước tính năm 2023: 245,6 nghìn tấn.",
      "Sản lượng lúa: So với năm 2022 (%): 101,2%."]),
    ([["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"],
      ["1", "Số cơ quan đã được phê duyệt vị trí việc làm", "Cơ quan", "-", "Chưa có hướng dẫn"],
      ["2", "Số viên chức được tuyển dụng", "Người", "77", ""]],
     ["Số viên chức được tuyển dụng: Số liệu: 77 người."]),
    # a numbered row is the body's even with no figure yet (Gia Lai 8544/SNNMT-TNN's first dams)
    ([["STT", "Công trình", "Dòng chảy tối thiểu", ""], ["", "", "Sau đập", "Sau công trình"],
      ["1", "Thủy điện Ry Ninh", "", ""], ["2", "Thủy điện Đăk Bla", "7,16", "19,2"]],
     ["Thủy điện Đăk Bla: Dòng chảy tối thiểu Sau đập: 7,16.", "Thủy điện Đăk Bla: Dòng chảy tối thiểu Sau công trình: 19,2."]),
    # the noun a header counts, after a counting word or a change verb, gives its figures their
    # unit; a unit's word elsewhere in a header counts nothing (own wording)
    ([["Xã", "Chỉ tiêu giảm hộ nghèo năm 2025"], ["Xã Nậm Hàng", "12"]], ["Xã Nậm Hàng: Chỉ tiêu giảm hộ nghèo năm 2025: 12 hộ nghèo."]),
    ([["Xã", "Số lao động có việc làm mới năm 2025", "Cách trung tâm huyện"], ["Xã Nậm Hàng", "85", "30"]],
     ["Xã Nậm Hàng: Số lao động có việc làm mới năm 2025: 85 lao động.", "Xã Nậm Hàng: Cách trung tâm huyện: 30."]),
    # a header of years only is a header, not the first row of figures
    ([["Chỉ tiêu", "2024", "2025", "2026"], ["Tỷ lệ hộ nghèo", "6,1%", "5,2%", "4,4%"]],
     ["Tỷ lệ hộ nghèo: 2024: 6,1%.", "Tỷ lệ hộ nghèo: 2025: 5,2%.", "Tỷ lệ hộ nghèo: 2026: 4,4%."]),
]


@pytest.mark.parametrize("table,lines", LINEARISED)
def test_a_figure_per_line_with_its_row_and_column(table, lines):
    assert linearise(table) == lines


@pytest.mark.parametrize("table,figures", [
    ([["STT", "Chỉ tiêu", "ĐVT", "KH 2025"], ["1", "Tỷ lệ hộ nghèo", "%", "3,2"]], True),
    ([["STT", "Nhiệm vụ", "Thời gian"], ["1", "Tổ chức tập huấn", "2025"]], False),  # a year is no figure
    ([["STT", "Nhiệm vụ", "Sản phẩm"], ["1", "Kiểm tra", "100% hồ sơ được kiểm tra"]], False),
])
def test_tables_of_figures_are_told_from_tables_of_tasks(table, figures):
    assert holds_figures(table) is figures


def test_antiword_tables_of_figures_are_read_like_word_tables():
    from chitieu.sources.word import linearise_drawn_tables

    drawn = "\n".join([
        "Phụ lục: Chỉ tiêu chủ yếu",
        "|STT |Chỉ tiêu                      |ĐVT  |Năm 2025 |Năm 2026 |",
        "|1   |Tỷ lệ hộ nghèo theo chuẩn     |%    |6,3      |5,1      |",
        "|    |nghèo đa chiều                |     |         |         |",
        "|2   |Số hộ thoát nghèo             |Hộ   |420      |400      |",
        "Nơi nhận:",
    ])
    assert linearise_drawn_tables(drawn).split("\n") == [
        "Phụ lục: Chỉ tiêu chủ yếu",
        "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều: Năm 2025: 6,3%.",
        "Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều: Năm 2026: 5,1%.",
        "Số hộ thoát nghèo: Năm 2025: 420 hộ.",
        "Số hộ thoát nghèo: Năm 2026: 400 hộ.",
        "Nơi nhận:",
    ]
    header = "|UBND TỈNH HÀ GIANG     |CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|Số: 15/KH-UBND          |Hà Giang, ngày 9 tháng 2 năm 2024  |"
    assert linearise_drawn_tables(header) == header  # no figures: drawn as it was


def test_text_pages_print_tables_a_row_per_line_and_figures_are_read_from_them(tmp_path):
    """A stored page prints a table a row per line, " | " between cells: its header table stays as
    written, a table of figures is read a figure per line (own wording)."""
    page = "\n".join([
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
        "Số: 63/KH-UBND | Điện Biên, ngày 14 tháng 01 năm 2025 |",
        "KẾ HOẠCH giảm nghèo bền vững năm 2025",
        "Phụ lục: chỉ tiêu giảm nghèo của các huyện",
        "STT | Đơn vị | Tỷ lệ hộ nghèo cuối năm 2024 (%) | Chỉ tiêu giảm tỷ lệ hộ nghèo năm 2025 (%) |",
        "1 | Huyện Mường Nhé | 31,20 | 4,0 |",
        "2 | Huyện Nậm Pồ | 35,60 | 4,5 |",
    ])
    path = tmp_path / "trang.txt"
    path.write_text(page, encoding="utf-8")
    text = read_file(path).text
    assert "Số: 63/KH-UBND | Điện Biên, ngày 14 tháng 01 năm 2025 |" in text
    assert "Huyện Nậm Pồ: Chỉ tiêu giảm tỷ lệ hộ nghèo năm 2025 (%): 4,5%." in text
    targets = extract_file(path).targets
    assert [(t.value_min, t.year, t.indicator, t.scope, t.change) for t in targets] == [
        (4.0, 2025, "poverty.rate", "other", "decrease"), (4.5, 2025, "poverty.rate", "other", "decrease")]


def test_an_empty_cell_keeps_its_place_and_a_range_takes_its_columns_unit():
    """ " | | " is an empty cell: the cells after it stay under their own columns (own wording)."""
    from chitieu.sources.tables import linearise_cell_rows

    rows = "\n".join([
        "STT | Đơn vị | Tỷ lệ hộ nghèo cuối năm 2024 (%) | Chỉ tiêu giảm năm 2025 (%) |",
        "1 | Huyện Mường Nhé | 31,20 | 4,0 - 4,5 |",
        "Cộng | | 28,10 | 3,0 |",
    ])
    # (the 2024 rates are where the rows start, left bare beside the 2025 goals)
    assert linearise_cell_rows(rows).split("\n") == [
        "Huyện Mường Nhé: Tỷ lệ hộ nghèo cuối năm 2024 (%): 31,20.",
        "Huyện Mường Nhé: Chỉ tiêu giảm năm 2025 (%): 4,0 - 4,5%.",
        "Cộng: Tỷ lệ hộ nghèo cuối năm 2024 (%): 28,10.",
        "Cộng: Chỉ tiêu giảm năm 2025 (%): 3,0%.",
    ]


def test_an_empty_first_cell_keeps_the_row_under_its_columns():
    """A total row whose number cell is blank opens with the separator, as the HTML reader prints
    it ("| Toàn tỉnh | ..."): its label and figures stay under their own columns (own wording)."""
    from chitieu.sources.tables import linearise_cell_rows

    rows = "\n".join([
        "STT | Đơn vị | Số hộ nghèo cuối năm 2021 (hộ) | Chỉ tiêu giảm năm 2022 (%) |",
        "1 | Huyện Sa Thầy | 2.410 | 4,0 |",
        "| Toàn tỉnh | 22.690 | 3,0 |",
    ])
    assert linearise_cell_rows(rows).split("\n")[-2:] == [
        "Toàn tỉnh: Số hộ nghèo cuối năm 2021 (hộ): 22.690.",  # where the row starts: bare
        "Toàn tỉnh: Chỉ tiêu giảm năm 2022 (%): 3,0%.",
    ]


@pytest.mark.parametrize("header,row,bare", [
    # beside a quota column, a count of the row's households describes the row (own wording)
    ("STT | Xã | Tổng số hộ | Hộ nghèo đầu năm (hộ) | Chỉ tiêu giảm hộ nghèo năm 2024 (hộ) |",
     "1 | Xã Pa Ủ | 815 | 402 | 40 |", {"Tổng số hộ": "815", "Hộ nghèo đầu năm (hộ)": "402"}),
    # a column naming a change or a year is read as before ("Số hộ thoát nghèo", "cuối năm 2023")
    ("STT | Xã | Hộ nghèo cuối năm 2023 (hộ) | Kế hoạch | Số hộ thoát nghèo (hộ) |",
     "1 | Xã Mù Cả | 377 | 12,5% | 35 |", {}),
    # a column naming a deed to do ("Hỗ trợ nhà ở") is a quota too, beside one naming a goal
    ("STT | Xã | Tổng số hộ | Chỉ tiêu giảm tỷ lệ hộ nghèo (%) | Hỗ trợ nhà ở (hộ) |",
     "1 | Xã Sín Thầu | 640 | 4,5 | 38 |", {"Tổng số hộ": "640"}),
    # ... and so is one naming the time it is due by ("cuối năm": the level the quota leaves)
    ("STT | Xã | Tỷ lệ hộ nghèo đầu năm (%) | Tỷ lệ hộ nghèo cuối năm (%) | Chỉ tiêu giảm tỷ lệ hộ nghèo (%) |",
     "1 | Xã Nà Hỳ | 41,2 | 36,2 | 5,0 |", {"Tỷ lệ hộ nghèo đầu năm (%)": "41,2"}),
    # a column naming only years before the goals' is where the rows start, whatever the page's
    # date (a plan for 2025 issued in December 2024); one naming the goals' year is a goal
    ("STT | Xã | Số hộ nghèo cuối năm 2024 (hộ) | Chỉ tiêu giảm hộ nghèo năm 2025 (hộ) | Tỷ lệ hộ nghèo cuối năm 2025 (%) |",
     "1 | Xã Pa Vây Sử | 210 | 45 | 12,4 |", {"Số hộ nghèo cuối năm 2024 (hộ)": "210"}),
    # a year named by its start ("đầu năm", a base word of rules/times.yaml) is where the rows
    # start, though it is the goals' year
    ("STT | Xã | Số hộ nghèo đầu năm 2024 (hộ) | Tỷ lệ hộ nghèo đầu năm 2024 (%) | Chỉ tiêu giảm tỷ lệ hộ nghèo năm 2024 (%) |",
     "1 | Xã Ka Lăng | 512 | 38,6 | 4,5 |", {"Số hộ nghèo đầu năm 2024 (hộ)": "512", "Tỷ lệ hộ nghèo đầu năm 2024 (%)": "38,6"}),
    # ... in any table, whether a column names a goal or only a change and a time it is due by
    ("STT | Huyện | Số hộ nghèo đầu năm 2021 (hộ) | Tỷ lệ hộ nghèo đầu năm 2021 (%) | Mức giảm tỷ lệ hộ nghèo bình quân "
     "(%/năm) | Tỷ lệ hộ nghèo đến cuối năm 2025 (%) |", "1 | Huyện Mường Nhé | 3.120 | 48,5 | 5,0 | 23,5 |",
     {"Số hộ nghèo đầu năm 2021 (hộ)": "3.120", "Tỷ lệ hộ nghèo đầu năm 2021 (%)": "48,5"}),
    # beside a goal column, a column naming an estimate (a forecast mark of rules/cues.yaml) describes
    # the rows though it names the goals' year, as an estimate in running text sets nothing (own wording)
    ("STT | Huyện | Dân số ước tính năm 2025 (người) | Chỉ tiêu số người tham gia BHYT năm 2025 (người) |",
     "1 | Huyện Si Ma Cai | 41.200 | 39.100 |", {"Dân số ước tính năm 2025 (người)": "41.200"}),
    ("STT | Chỉ tiêu | ĐVT | Kế hoạch năm 2025 | Ước TH năm 2025 |",
     "1 | Tỷ lệ hộ nghèo | % | 3,5 | 3,8 |", {"Ước TH năm 2025": "3,8"}),
    # with no column naming a goal or where the rows start, no column is taken for a description
    ("STT | Xã | Tổng số hộ | Số hộ nghèo (hộ) |", "1 | Xã Tà Tổng | 709 | 311 |", {}),
])
def test_in_a_table_of_quotas_a_column_naming_no_goal_change_or_year_describes_the_rows(header, row, bare):
    """An annex of quotas per commune prints each commune's households beside its quota: those
    figures are left without a unit, so they are no quantities to read."""
    from chitieu.sources.tables import linearise_cell_rows

    lines = linearise_cell_rows(f"{header}\n{row}").split("\n")
    described = {line.split(": ")[1]: line.split(": ")[2].rstrip(".") for line in lines if line.split(": ")[1] in bare}
    assert described == bare
    # every other figure is read with its column's unit
    assert all(re.search(r"\d(?:%| \w)", line.split(": ")[2]) for line in lines if line.split(": ")[1] not in bare)


def test_a_quota_annex_gives_targets_for_its_quotas_only(tmp_path):
    page = [
        "Số: 58/KH-UBND | Mường Tè, ngày 14 tháng 3 năm 2024 |",
        "KẾ HOẠCH giảm nghèo năm 2024 của huyện Mường Tè",
        "PHỤ LỤC",
        "CHỈ TIÊU GIẢM HỘ NGHÈO NĂM 2024 CỦA CÁC XÃ",
        "STT | Xã | Tổng số hộ | Hộ nghèo cuối năm 2023 (hộ) | Chỉ tiêu giảm hộ nghèo năm 2024 (hộ) |",
        "1 | Xã Pa Ủ | 815 | 402 | 40 |",
        "2 | Xã Mù Cả | 920 | 377 | 35 |",
    ]
    assert sorted(_page_values(tmp_path, page)) == [35.0, 40.0]


@pytest.mark.parametrize("title, values", [
    # a long title wrapped over two lines names a table of targets: its cells are goals, not the
    # task section's counts before it
    (["BIỂU CHỈ TIÊU HỖ TRỢ NHÀ Ở VÀ NƯỚC SINH HOẠT CHO HỘ NGHÈO NĂM 2025 PHÂN THEO ĐƠN VỊ HÀNH",
      "CHÍNH CẤP XÃ"], [120.0, 95.0]),
    # ... and one naming results reports them
    (["TỔNG HỢP KẾT QUẢ HỖ TRỢ NHÀ Ở VÀ NƯỚC SINH HOẠT CHO HỘ NGHÈO NĂM 2024 PHÂN THEO ĐƠN VỊ HÀNH",
      "CHÍNH CẤP XÃ"], []),
])
def test_an_annex_title_above_its_attachment_line_gives_the_table_its_kind(tmp_path, title, values):
    """The capital lines right above "(Kèm theo Kế hoạch số ...)" are one title however long
    (Hà Tĩnh 444/BC-UBND, w069; own wording)."""
    page = [
        "Số: 31/KH-UBND | Bát Xát, ngày 10 tháng 02 năm 2025 |",
        "KẾ HOẠCH hỗ trợ nhà ở, nước sinh hoạt cho hộ nghèo năm 2025",
        "V. TỔ CHỨC THỰC HIỆN",
        "Phòng Lao động - Thương binh và Xã hội theo dõi, tổng hợp, báo cáo kết quả.",
        *title,
        "(Kèm theo Kế hoạch số 31/KH-UBND ngày 10/02/2025 của UBND huyện Bát Xát)",
        "STT | Đơn vị | Hỗ trợ nhà ở (hộ) |",
        "1 | Xã Mường Hum | 120 |",
        "2 | Xã Dền Sáng | 95 |",
    ]
    assert _page_values(tmp_path, page) == values


def test_two_rows_of_a_quota_table_are_two_quotas_even_alike(tmp_path):
    """Each row of a table is its own item: two communes given the same quota keep a target each
    (docs/reading.md, principle 8; own wording)."""
    page = [
        "Số: 58/KH-UBND | Mường Tè, ngày 14 tháng 3 năm 2024 |",
        "KẾ HOẠCH giảm nghèo năm 2024 của huyện Mường Tè",
        "PHỤ LỤC",
        "CHỈ TIÊU GIẢM HỘ NGHÈO NĂM 2024 CỦA CÁC XÃ",
        "STT | Xã | Chỉ tiêu giảm hộ nghèo năm 2024 (hộ) |",
        "1 | Pa Ủ | 40 |",
        "2 | Mù Cả | 40 |",
        "3 | Tà Tổng | 35 |",
    ]
    assert sorted(_page_values(tmp_path, page)) == [35.0, 40.0, 40.0]


def test_an_annex_cell_restating_a_goal_told_without_a_year_is_that_goal(tmp_path):
    """A goal told without a year is due when the plan ends, so an annex cell naming that year for
    the same figure of the same measure restates it (annotation rules 3 and 12; own wording)."""
    page = [
        "Số: 12/KH-UBND | Sìn Hồ, ngày 10 tháng 01 năm 2024 |",
        "KẾ HOẠCH giảm nghèo bền vững năm 2024 của huyện Sìn Hồ",
        "I. MỤC TIÊU",
        "- Tỷ lệ hộ nghèo giảm còn 21,5%.",
        "- Tỷ lệ người dân tham gia bảo hiểm y tế đạt 97%.",
        "PHỤ LỤC",
        "CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024",
        "TT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2023 | Kế hoạch năm 2024 |",
        "1 | Tỷ lệ hộ nghèo | % | 25,3 | 21,5 |",
        "2 | Tỷ lệ người dân tham gia bảo hiểm y tế | % | 95,6 | 97 |",
    ]
    assert sorted(_page_values(tmp_path, page)) == [21.5, 97.0]


def test_a_unit_stated_above_a_text_table_gives_its_bare_cells_their_unit():
    """A stored page's " | " table under "Đơn vị tính: %" (own wording)."""
    from chitieu.sources.tables import linearise_cell_rows

    rows = "\n".join(["Đơn vị tính: %", "STT | Đơn vị | Kế hoạch năm 2025 |", "1 | Huyện Mường Nhé | 93,5 |",
                      "2 | Huyện Nậm Pồ | 91 |"])
    assert linearise_cell_rows(rows).split("\n")[1:] == [
        "Huyện Mường Nhé: Kế hoạch năm 2025: 93,5%.", "Huyện Nậm Pồ: Kế hoạch năm 2025: 91%."]
