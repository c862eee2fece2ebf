"""Readers on real files from ../shared/realdocs: every kind goes through with the right status,
and documents that carry a symbol, date and issuer give them."""

import pytest

from chitieu import extract_file
from chitieu.errors import SourceError
from chitieu.sources.files import read_file
from chitieu.text import join_wrapped_lines
from chitieu.sources.pdf import (NeedsOcrError, layer_quality, layer_text, ocr_available, read_pdf_text,
                                 repair_spaced_glyphs)
from tests.conftest import SHARED, shared_path

READABLE = [
    # (file under realdocs, status, plan symbol, issued, issuer_body, place)
    ("pdf/BinhThuan_779-QD-UBND_dieu_le_quy_khuyen_hoc_text.pdf", "ok", "779/QĐ-UBND", "2022-03-23", "ubnd", "Bình Thuận"),
    ("pdf/HaTinh_08-KH-STTTT_2017_thi_dua_text.pdf", "ok", "08/KH-STTTT", "2017-01-24", "department", "Hà Tĩnh"),
    ("pdf/HaTinh_44-2017-QD-UBND_quan_ly_gia_text_tables.pdf", "ok", "44/2017/QĐ-UBND", "2017-10-13", "ubnd", "Hà Tĩnh"),  # date line after "Độc lập ..."
    ("pdf/GiaLai_115-KH-SNNMT_2026_text_tables.pdf", "ok", None, None, "department", "Gia Lai"),
    # "Số: /BC-UBND": the number is left for the signature; no cited symbol stands in for it
    ("pdf/LamDong_329-BC-UBND_CCHC_2025_text_tables.pdf", "ok", None, None, "ubnd", "Lâm Đồng"),
    ("other/LamDong_KH_CCHC_2026-2030.docx", "ok", None, None, "ubnd", "Lâm Đồng"),
    ("other/LamDong_KH_CTMTQG_PCMT_den_2030_238-CAT.docx", "ok", None, None, None, "Lâm Đồng"),
    ("other/HaTinh_STTTT_bao_cao_tong_ket_2016_phuong_huong_2017.doc", "ok", None, "2016-12-27", "department", "Hà Tĩnh"),
    ("html/vbplvn_new_ND351-2025-ND-CP_chuan_ngheo_da_chieu_2026-2030.html", "ok", "351/2025/NĐ-CP", None, "government", None),
    ("html/vbplvn_new_ND307-2025-ND-CP_phan_loai_don_vi_hanh_chinh.html", "ok", "307/2025/NĐ-CP", "2025-11-27", "government", None),
    # the old SharePoint layout wraps the page in one <form>; its record lists "Số ký hiệu", "Ngày ban hành"
    ("html/vbplvn_old_thuoctinh_BLHS_101-2015-QH13.html", "ok", "101/2015/QH13", "2015-11-27", "other", None),
    ("html/vbplvn_old_toanvan_HienPhap2013.html", "ok", None, None, "other", None),
    ("html/demo_hatinh_gov_vn_portal_home_2018.htm", "ok", None, None, None, None),
    ("other/vbplcorpus_wordseg_00214378_HaNoi_KH_ho_tro_nha_o_ho_ngheo.txt", "ok", None, None, None, None),
]


@pytest.mark.parametrize("name, status, symbol, issued, body, place", READABLE, ids=[r[0] for r in READABLE])
def test_real_document_reads(name, status, symbol, issued, body, place):
    path = shared_path("realdocs", name)
    if name.endswith(".doc"):
        import shutil

        if not shutil.which("antiword"):
            with pytest.raises(SourceError, match="install antiword"):
                read_file(path)
            return
    result = extract_file(path)
    assert result.document.status == status
    assert len(result.document.text) > 350
    plan = result.plan
    if symbol or "Số: /" in result.document.text[:1500]:
        assert plan.symbol == symbol
    if issued:
        assert str(plan.issued) == issued
    if body:
        assert plan.issuer_body == body
    if place:
        assert place in [plan.place, *result.document.place_hints]


REALDOCS = sorted(
    str(p.relative_to(SHARED / "realdocs")) for p in (SHARED / "realdocs").glob("*/*") if p.suffix != ".md"
) if (SHARED / "realdocs").exists() else []


@pytest.mark.parametrize("name", REALDOCS or ["(realdocs absent)"])
def test_every_real_file_goes_through_with_its_status(name, monkeypatch):
    """SOURCES.md names every scan "..._scan..."; with OCR off a scan must be recorded as needing
    OCR, and everything else read as ok, without any other error."""
    path = shared_path("realdocs", name)
    monkeypatch.setattr("chitieu.sources.pdf.ocr_available", lambda: False)
    if "_scan" in name:
        with pytest.raises(NeedsOcrError, match=f"{path.name}: pdf reader: .*needs OCR"):
            read_file(path)
        return
    if name.endswith(".doc") and not __import__("shutil").which("antiword"):
        pytest.skip("antiword is not installed (.ci/run installs it)")
    result = extract_file(path)
    assert result.document.status == "ok" and len(result.document.text) > 400


def test_a_legacy_doc_reads_one_paragraph_per_line():
    """antiword wraps at 80 characters unless told not to: a wrapped line would end a sentence."""
    import shutil

    if not shutil.which("antiword"):
        pytest.skip("antiword is not installed (.ci/run installs it)")
    text = read_file(shared_path("realdocs", "other/HaTinh_STTTT_bao_cao_tong_ket_2016_phuong_huong_2017.doc")).text
    assert "100% xã có nhật ký truyền thanh" in " ".join(text.split())
    assert any(len(line) > 200 for line in text.splitlines())


def test_text_pdf_keeps_page_offsets():
    text = read_pdf_text(shared_path("realdocs", "pdf/HaTinh_08-KH-STTTT_2017_thi_dua_text.pdf"))
    assert len(text.page_starts) == 6 and text.page_starts[0] == 0
    assert all(a < b for a, b in zip(text.page_starts, text.page_starts[1:]))


@pytest.mark.parametrize("name, quality", [
    ("pdf/LamDong_4377-UBND-NC_2025_scan_badOCRlayer.pdf", "garbage"),
    ("pdf/HaTinh_429-VPDP_NTM_2017_scan_badOCRlayer.pdf", "garbage"),
    ("pdf/LamDong_239-TTr-CAT_DeAn06_2025_scan_stamp.pdf", "empty"),
    ("pdf/HaTinh_08-KH-STTTT_2017_thi_dua_text.pdf", "ok"),
])
def test_text_layer_is_judged_not_trusted(name, quality):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(shared_path("realdocs", name)))
    assert layer_quality(pdf[0].get_textpage().get_text_range()) == quality


def test_blank_page_is_no_loss_of_text():
    text = read_pdf_text(shared_path("realdocs", "pdf/GiaLai_326-QD-UBND_2026_text_spacedglyphs.pdf"), ocr=False)
    assert (text.status, text.unreadable_pages, len(text.page_starts)) == ("ok", [], 3)


def test_scan_without_ocr_is_recorded_as_needing_ocr():
    path = shared_path("realdocs", "pdf/LamDong_239-TTr-CAT_DeAn06_2025_scan_stamp.pdf")
    with pytest.raises(NeedsOcrError, match="needs OCR .*tesseract-ocr-vie"):
        read_pdf_text(path, ocr=False)


def test_scan_is_ocred_in_vietnamese():
    if not ocr_available():
        pytest.skip("tesseract with the Vietnamese model is not installed (.ci/run installs it)")
    text = read_pdf_text(shared_path("realdocs", "pdf/LamDong_4377-UBND-NC_2025_scan_badOCRlayer.pdf"))
    assert text.ocr_pages == 1 and layer_quality(text.text) == "ok"
    assert "ỦY BAN NHÂN DÂN" in text.text.upper() or "UBND" in text.text


@pytest.mark.parametrize("raw, repaired", [
    ("S ố : 3 2 6 / Q Đ - U B N D", "Số:326/QĐ-UBND"),
    ("Số: 326/QĐ-UBND ngày 2 tháng 3", "Số: 326/QĐ-UBND ngày 2 tháng 3"),
])
def test_spaced_glyphs_repaired(raw, repaired):
    assert repair_spaced_glyphs(raw) == repaired


@pytest.mark.parametrize("printed, read", [
    # a sentence wrapped by the page goes on, so its goal word governs the rest of it
    ("phấn đấu 100% cán bộ, công chức\r\nhoàn thành tốt nhiệm vụ;", "phấn đấu 100% cán bộ, công chức hoàn thành tốt nhiệm vụ;"),
    ("tỷ lệ hồ sơ giải quyết đúng hạn đạt\ntừ 98% trở lên.", "tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên."),
    # a line that ends a sentence or clause, a heading, a list item, a page number: the break stays
    ("năm 2025.\ntăng cường kiểm tra", "năm 2025.\ntăng cường kiểm tra"),
    ("I. MỤC TIÊU\n1. Mục tiêu chung", "I. MỤC TIÊU\n1. Mục tiêu chung"),
    ("các chỉ tiêu sau:\n- giảm 2% tỷ lệ hộ nghèo", "các chỉ tiêu sau:\n- giảm 2% tỷ lệ hộ nghèo"),
    ("2. Thực hiện các tiêu chí còn thiếu\nb) Tiêu chí Thủy lợi", "2. Thực hiện các tiêu chí còn thiếu\nb) Tiêu chí Thủy lợi"),
    ("Chương trình tổng thể cải cách hành chính\n23\nnhà nước giai đoạn 2021 - 2030", "Chương trình tổng thể cải cách hành chính\n23\nnhà nước giai đoạn 2021 - 2030"),
])
def test_wrapped_lines_of_a_printed_page_are_joined(printed, read):
    assert join_wrapped_lines(printed) == read


def test_a_plain_text_file_is_read_with_its_wrapped_lines_joined(tmp_path):
    """A printed plan's text saved as a file wraps as its PDF did: the measure a label names
    across the break ("... nước sạch đáp ứng quy\nchuẩn: năm 2024 đạt 66%") is one line."""
    path = tmp_path / "ke-hoach.txt"
    path.write_text("c) Lộ trình tỷ lệ dân số nông thôn dùng nước sạch đáp ứng quy\nchuẩn: năm 2024 đạt 66%.\n"
                    "2. Nhiệm vụ\na) Cấp nước", encoding="utf-8")
    assert read_file(path).text == ("c) Lộ trình tỷ lệ dân số nông thôn dùng nước sạch đáp ứng quy chuẩn: năm 2024 đạt 66%.\n"
                                    "2. Nhiệm vụ\na) Cấp nước")


@pytest.mark.parametrize("raw, read", [
    # pdfium marks a hyphen that ended a printed line with U+FFFE: a symbol broken there is whole again
    ("theo Kế hoạch số 185/KH\ufffeUBND của tỉnh", "theo Kế hoạch số 185/KH-UBND của tỉnh"),
    ("Nghị định số 109/2013/NĐ\ufffeCP của Chính phủ", "Nghị định số 109/2013/NĐ-CP của Chính phủ"),
])
def test_line_end_hyphens_of_a_text_layer_are_hyphens(raw, read):
    assert layer_text(raw) == read


def test_broken_pdf_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj garbage\n%%EOF")
    with pytest.raises(SourceError, match="broken.pdf: pdf reader: not a readable PDF"):
        read_file(path)


def test_broken_docx_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SourceError, match="broken.docx: docx reader: not a .docx"):
        read_file(path)


def test_annex_table_rows_carry_place_indicator_year_and_unit():
    from chitieu.sources.tables import linearise

    table = [
        ["STT", "Đơn vị", "Tỷ lệ hộ nghèo cuối năm 2024 (%)", "Số hộ nghèo giảm (hộ)"],
        ["1", "Huyện Mường La", "12,5", "1.200"],
        ["2", "Thành phố Sơn La", "0,8", "150"],
    ]
    lines = linearise(table)
    assert lines[:2] == ["Huyện Mường La: Tỷ lệ hộ nghèo cuối năm 2024 (%): 12,5%.", "Huyện Mường La: Số hộ nghèo giảm (hộ): 1.200 hộ."]
    from chitieu import extract_text

    result = extract_text("Biểu chỉ tiêu giảm nghèo năm 2024 của tỉnh Sơn La\n" + "\n".join(lines))
    rates = [(t.value_min, t.indicator, t.scope, t.year) for t in result.targets if t.unit == "percent"]
    assert rates == [(12.5, "poverty.rate", "other", 2024), (0.8, "poverty.rate", "other", 2024)]


def test_annex_pdf_tables_are_linearised():
    import pypdfium2 as pdfium

    path = shared_path("realdocs", "pdf/LamDong_TTr666_tong_hop_gop_y_KH_CCHC_2026_table.pdf")
    layer = pdfium.PdfDocument(str(path))[0].get_textpage().get_text_range()
    text = read_pdf_text(path, ocr=False).text
    assert len(text) > len(layer) * 1.2  # the annex ("Phụ lục") table's rows follow the page text
    # each row's cell after its column's header, the header alone (its first numbered row is the body's)
    assert "Ý kiến của Sở Nội vụ: Thống nhất tiếp thu" in text


class _Tables:
    def __init__(self, tables):
        self._tables = tables

    def tables(self, index):
        return self._tables


def test_a_pdf_tables_figures_follow_that_table_not_the_annex_after_it():
    from chitieu.sources.pdf import _with_tables

    # two annexes on one page (own wording): the first one's figures stand under its own heading,
    # not under the funding annex printed after it; a table whose last row is not in the text goes last
    layer = ("Phụ lục 1\nCHỈ TIÊU ĐÀO TẠO NGHỀ NĂM 2024\nSTT Đơn vị Kế hoạch năm 2024 (người)\n1 Huyện Cam Lộ 560\n"
             "2 Huyện Gio\nLinh 880\nPhụ lục 2\nDỰ KIẾN KINH PHÍ NĂM 2024\nSTT Nguồn Dự toán\n1 Ngân sách tỉnh 3.150")
    quotas = [["STT", "Đơn vị", "Kế hoạch năm 2024 (người)"], ["1", "Huyện Cam Lộ", "560"], ["2", "Huyện Gio Linh", "880"]]
    funds = [["STT", "Nguồn", "Dự toán (triệu đồng)"], ["1", "Ngân sách tỉnh", "3.150"], ["2", "Ngân sách huyện", "900"]]
    text = _with_tables(layer, _Tables([quotas, funds]), 0, [])
    quota_line = text.index("Huyện Gio Linh: Kế hoạch năm 2024 (người): 880 người.")
    assert text.index("Linh 880") < quota_line < text.index("Phụ lục 2")
    assert text.rstrip().endswith("Ngân sách huyện: Dự toán (triệu đồng): 900.")


def test_report_tables_without_annex_heading_are_not_parsed_again():
    from chitieu.sources.tables import looks_tabular

    assert not looks_tabular("BÁO CÁO\nKết quả\n12\n13\n14\n15")
    assert looks_tabular("Biểu số 01\nChỉ tiêu giảm nghèo\n12,5\n1.200\n0,8")
    # a row's figures on one line, as a browser or a word processor prints a table (own wording)
    assert looks_tabular("Phụ lục\nSTT Đơn vị Tỷ lệ hộ nghèo\n1 Huyện\nMường Chà 21,40 3,5 17,90\n2 Huyện Nậm Pồ 30,15 4,0 26,15")
    assert not looks_tabular("Phụ lục\nNăm 2024 giảm 3,5%, năm 2025 giảm 3%")


# Headers as the readers give them: a two-column header in stream order, Tesseract's output on a
# scan (a stray "ị" before "Số:"), a register record from old vbpl.vn, a signed PDF whose number
# is left blank (no cited symbol may stand in for it).
HEADERS = [
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ TĨNH\nSố: 44/2017/QĐ-UBND\n"
     "Độc lập – Tự do – Hạnh phúc\nHà Tĩnh, ngày 13 tháng 10 năm 2017\nQUYẾT ĐỊNH",
     ("44/2017/QĐ-UBND", "2017-10-13", "ubnd", "Hà Tĩnh")),
    ("ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTỈNH HÀ TĨNH Độc lập - Tự do - Hạnh phúc\n"
     "ị Số: 1740 /QĐ-UBND Hà Tĩnh, ngày 24 tháng 6 năm 2016\n: QUYÉT ĐỊNH\n\nBan hành Kế hoạch phát triển thương mại điện tử",
     ("1740/QĐ-UBND", "2016-06-24", "ubnd", "Hà Tĩnh")),
    ("Số ký hiệu\n101/2015/QH13\nNgày ban hành\n27/11/2015\nLoại văn bản\nBộ luật\n"
     "Cơ quan ban hành/ Chức danh / Người ký\nQuốc hội\nChủ tịch Quốc hội",
     ("101/2015/QH13", "2015-11-27", "other", None)),
    ("UBND TỈNH GIA LAI\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: /KH-SNNMT Gia Lai, ngày tháng năm 2026\nKẾ HOẠCH\nThực hiện Chỉ thị số 7883/CT-BNNMT ngày 17/7/2026 của Bộ Nông nghiệp "
     "và Môi trường.\nUBND tỉnh đã ban hành Quyết định số 534/QĐ-UBND ngày 31/3/2026. Phấn đấu 100% hồ sơ được số hóa.",
     (None, "None", "department", "Gia Lai")),
    # vbpl.vn's old layout puts each header cell on its own line; a Constitution has no number
    ("QUỐC HỘI\nSố:\nKhông số\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội,\nngày\n28 tháng\n"
     "11 năm\n2013\nHIẾN PHÁP\nNƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     (None, "2013-11-28", "other", None)),
]


@pytest.mark.parametrize("text, expected", HEADERS, ids=["two-column", "ocr", "register", "number-left-blank", "no-number"])
def test_header_gives_symbol_date_issuer_place(text, expected):
    from chitieu import extract_text

    plan = extract_text(text).plan
    assert (plan.symbol, str(plan.issued), plan.issuer_body, plan.place) == expected


@pytest.mark.parametrize("ocr_text, read", [
    ("Căn cứ Quyết định số 1234/QĐ\u00d0-UBND ngày 5/6/2019", "Căn cứ Quyết định số 1234/QĐ-UBND ngày 5/6/2019"),
    ("Văn bản số 77/HĐ\u00d0\u00d0ND của Thường trực", "Văn bản số 77/HĐND của Thường trực"),
    ("theo Công văn số 12/STNMT-QLĐĐ", "theo Công văn số 12/STNMT-QLĐĐ"),  # "quản lý đất đai": two letters
])
def test_ocr_stroked_d_read_twice(ocr_text, read):
    """Tesseract follows a Vietnamese Đ with its Latin look-alike; the look-alike goes."""
    from chitieu.sources.pdf import repair_ocr

    assert repair_ocr(ocr_text) == read


@pytest.mark.parametrize("ocr_text, read", [
    ("- 1002 cơ quan cấp xã sử dụng hộp thư điện tử", "- 100% cơ quan cấp xã sử dụng hộp thư điện tử"),
    ("Bảo đảm 10025 hồ sơ được số hóa, 100% văn bản", "Bảo đảm 100%  hồ sơ được số hóa, 100% văn bản"),
    ("Quyết định số 1002/QĐ-UBND", "Quyết định số 1002/QĐ-UBND"),  # a symbol's number
    ("diện tích 11002 ha", "diện tích 11002 ha"),  # a longer number
    ("năm 2025 và 2026", "năm 2025 và 2026"),
])
def test_ocr_misread_percent_of_a_whole_share(ocr_text, read):
    """Tesseract reads "100%" as "1002" or "10025"; the repair keeps every other character's place."""
    from chitieu.sources.pdf import repair_ocr_percent

    repaired = repair_ocr_percent(ocr_text)
    assert repaired == read and len(repaired) == len(ocr_text)


STORED_PAGE = ("Huyện Mường Tè triển khai kế hoạch giảm nghèo năm 2024\n\nNăm 2024, huyện phấn đấu giảm tỷ lệ hộ nghèo "
               "từ 4 - 5%.\n\n")


@pytest.mark.parametrize("heading", ["Tin liên quan", "Tin cùng chuyên mục:", "CÁC TIN KHÁC"])
def test_a_stored_pages_closing_list_of_other_articles_is_no_part_of_its_text(tmp_path, heading):
    """As the HTML reader drops a related list's block, a stored page's text ends at the list's
    heading (w081, w135, w239, w242, w300 close with one): its headlines are other pages' figures."""
    path = tmp_path / "trang.txt"
    path.write_text(STORED_PAGE + f"{heading}\n- Lai Châu: 52 xã đạt chuẩn nông thôn mới\n- Phấn đấu giảm 3% hộ nghèo\n",
                    encoding="utf-8")
    assert read_file(path).text == STORED_PAGE.rstrip() + "\n"
    assert [t.value_min for t in extract_file(path).targets] == [4.0]
