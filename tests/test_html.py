"""Main-text extraction from portal pages, measured as precision and recall of words against
the expected article text (as trafilatura's evaluation does), with pinned minimums."""

import re

import pytest

from chitieu.sources.html import decode_html, read_page
from tests.conftest import shared_path
from tests.portal_fixture import Portal, article_layout_a, article_layout_b, article_layout_c

MENU_AND_FOOTER = ["Trang chủ", "Lượt xem", "Tin liên quan", "Danh mục"]


def words(text):
    return re.findall(r"\w+", text.lower())


def precision_recall(got, expected):
    got_words, expected_words = words(got), words(expected)
    common = sum(min(got_words.count(w), expected_words.count(w)) for w in set(expected_words))
    return common / max(1, len(got_words)), common / max(1, len(expected_words))


PAGES = [
    (article_layout_a(1, "18,5"), "Kế hoạch giảm nghèo số 1 Ngày 02/8/2024, UBND tỉnh ban hành Kế hoạch số 101/KH-UBND. "
     "Phấn đấu giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,5% trong năm 2024. Hỗ trợ kết nối việc làm thành công cho khoảng 2.500 lao động."),
    (article_layout_b(2, "17,5"), "Kế hoạch 2 Phấn đấu giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 17,5% trong năm 2024. "
     "Tài liệu: Tệp đính kèm Chi tiết xem văn bản tại đây ngoài"),
    (article_layout_c(3, "16,5"), "Kế hoạch 3. Phấn đấu giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 16,5% trong năm 2024."),
]


@pytest.mark.parametrize("markup, expected", PAGES)
def test_main_text_precision_and_recall(markup, expected):
    page = read_page(markup, "http://sonla.gov.vn/tin/a.html")
    precision, recall = precision_recall(page.text, expected)
    assert precision >= 0.85 and recall >= 0.95, (precision, recall, page.text)
    assert not any(noise in page.text for noise in MENU_AND_FOOTER)


def test_metadata_and_attachments():
    page = read_page(article_layout_b(2, "17,5"), "http://sonla.gov.vn/tin/a.html", lambda t: ["Sơn La"] if "SƠN LA" in t.upper() else [])
    assert page.title == "Kế hoạch 2"
    assert [a.url for a in page.attachments] == [
        "http://sonla.gov.vn/files/kh-2.docx", "http://sonla.gov.vn/files/kh-2.pdf", "http://example.org/x.pdf",
    ]
    assert page.place_hints == ["Sơn La"]
    page = read_page(article_layout_a(1, "18,5"))
    assert page.site_name == "Cổng thông tin điện tử tỉnh Sơn La"


@pytest.mark.parametrize("data, header, expected", [
    ("\ufeff<p>Hòa Bình</p>".encode("utf-8"), None, "Hòa Bình"),
    ("<p>Hòa Bình</p>".encode("utf-8"), "utf-8", "Hòa Bình"),
    ('<meta charset="windows-1258"><p>Ha\u0300 N\u00f4\u0323i</p>'.encode("cp1258"), None, "Hà Nội"),
    ("<p>Hòa Bình</p>".encode("utf-16"), None, "Hòa Bình"),
])
def test_encoding_order_bom_header_meta(data, header, expected):
    import unicodedata

    assert expected in unicodedata.normalize("NFC", decode_html(data, header))


# Real pages: the expected text is the element that holds the document on each layout (chosen by
# hand, never used by the reader).
REAL_PAGES = [
    ("vbplvn_new_ND351-2025-ND-CP_chuan_ngheo_da_chieu_2026-2030.html", 'div[class*="preview-"]', 0.95, 0.98),
    ("vbplvn_new_ND307-2025-ND-CP_phan_loai_don_vi_hanh_chinh.html", 'div[class*="preview-"]', 0.95, 0.98),
    ("vbplvn_old_toanvan_HienPhap2013.html", "#toanvancontent", 0.95, 0.98),
    ("vbplvn_old_thuoctinh_BLHS_101-2015-QH13.html", "div.vbProperties", 0.80, 0.98),
]


@pytest.mark.parametrize("name, container, min_precision, min_recall", REAL_PAGES, ids=[p[0][:30] for p in REAL_PAGES])
def test_real_page_main_text_precision_and_recall(name, container, min_precision, min_recall):
    from bs4 import BeautifulSoup

    markup = decode_html(shared_path("realdocs", "html", name).read_bytes())
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    expected = soup.select_one(container).get_text(" ", strip=True)
    precision, recall = precision_recall(read_page(markup, "https://vbpl.vn/").text, expected)
    assert precision >= min_precision and recall >= min_recall, (precision, recall)


def test_vbpl_legal_page_main_text():
    path = shared_path("realdocs", "html", "vbplvn_new_ND351-2025-ND-CP_chuan_ngheo_da_chieu_2026-2030.html")
    page = read_page(decode_html(path.read_bytes()), "https://vbpl.vn/")
    assert "chuẩn nghèo đa chiều" in page.text.lower()
    assert len(page.text) > 5000


def test_page_wrapped_in_one_aspnet_form_keeps_its_text_and_drops_the_search_form():
    article = "Phấn đấu giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66% trong năm 2022. " * 4
    markup = (
        '<html><body><form id="aspnetForm"><form class="box"><input name="q"> Tìm kiếm văn bản</form>'
        f'<div class="toanvancontent"><p>{article}</p></div></form></body></html>'
    )
    page = read_page(markup)
    assert page.text.count("18,66%") == 4 and "Tìm kiếm" not in page.text


def test_old_vbpl_full_text_page_is_read():
    path = shared_path("realdocs", "html", "vbplvn_old_toanvan_HienPhap2013.html")
    page = read_page(decode_html(path.read_bytes()), "https://vbpl.vn/")
    assert "HIẾN PHÁP" in page.text and "Điều 1" in page.text and len(page.text) > 50_000


def test_portal_homepage_goes_through(tmp_path):
    path = shared_path("realdocs", "html", "danang_gov_vn_homepage_saved.html")
    page = read_page(decode_html(path.read_bytes()))
    assert page.text


def test_fixture_portal_serves():
    with Portal() as portal:
        assert portal.base.startswith("http://127.0.0.1:")


ARTICLE_WITH_TABLE = """<html><body><div class="article"><h1>Kế hoạch giảm nghèo năm 2023</h1>
<p>Ngày 10/3/2023, UBND huyện Mường Ảng ban hành Kế hoạch số 41/KH-UBND về giảm nghèo bền vững năm 2023.</p>
<p>Chỉ tiêu cụ thể như sau:</p>
<table>
  <tr><th>TT</th><th>Chỉ tiêu</th><th>ĐVT</th><th>Năm 2023</th></tr>
  <tr><td>1</td><td>Tỷ lệ hộ nghèo cuối năm</td><td>%</td><td>
      28,60</td></tr>
  <tr><td>2</td><td>Số hộ nghèo giảm trong năm</td><td>hộ</td><td>620</td></tr>
</table>
<p>Các xã chủ động bố trí nguồn lực thực hiện kế hoạch.</p></div></body></html>"""


def test_a_table_row_is_one_line_of_cells_and_its_figures_are_read():
    # a row whose cells hold no block of their own prints as stored pages print it, then each figure
    # is read with its row and column (the register rows of vbpl.vn's old "Thuộc tính" page too)
    text = read_page(ARTICLE_WITH_TABLE).text
    assert "Tỷ lệ hộ nghèo cuối năm: Năm 2023: 28,60%." in text and "Số hộ nghèo giảm trong năm: Năm 2023: 620 hộ." in text
    path = shared_path("realdocs", "html", "vbplvn_old_thuoctinh_BLHS_101-2015-QH13.html")
    assert "Số ký hiệu | 101/2015/QH13 | Ngày ban hành | 27/11/2015" in read_page(decode_html(path.read_bytes())).text
