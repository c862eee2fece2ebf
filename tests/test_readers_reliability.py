"""The readers on hostile or slipshod input: impossible dates, deep nesting, a broken PDF page,
unreadable files named by their reader, named pipes, binary junk and wrong charsets, UTF-32,
old Mac line ends, script links. Every file is built here; nothing touches the network."""

import datetime as dt
import gc
import io
import os
import random
import threading
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest

from chitieu.errors import SourceError
from chitieu.sources.files import read_file
from chitieu.sources.html import decode_html, read_page
from chitieu.sources.word import read_docx_text

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ARTICLE = "<p>Năm 2024, huyện phấn đấu giảm tỷ lệ hộ nghèo xuống còn 3,2% và tạo việc làm mới cho 1.500 lao động.</p>"


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def error_of(path: Path) -> str:
    with pytest.raises(SourceError) as error:
        read_file(path)
    return str(error.value)


def growth(build, read, size: int) -> float:
    """Reading time of an input 4 x `size` over that of one of `size` (a ratio, never an absolute
    time: the machine is shared). Best of three each, taken in turns and without the garbage
    collector, so that a burst of load or a collection does not land on one size only."""
    inputs, times = (build(size), build(4 * size)), ([], [])
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            for arg, taken in zip(inputs, times):
                start = time.perf_counter()
                read(arg)
                taken.append(time.perf_counter() - start)
    finally:
        gc.enable()
    return min(times[1]) / min(times[0])


# 1. An impossible date in a page is skipped, not fatal.
DATES = [
    # (head, body, published)
    ('<meta property="article:published_time" content="2023-02-30T08:00:00+07:00">', ARTICLE, None),
    ('<meta property="article:published_time" content="2023-02-30"><meta itemprop="datePublished" content="2023-03-01">',
     ARTICLE, dt.date(2023, 3, 1)),
    ("", "<p>Cập nhật ngày 30/02/2023, sửa lại ngày 14/3/2023.</p>" + ARTICLE, dt.date(2023, 3, 14)),
    # no valid date on the page: htmldate's guess keeps the year and month it wrote, or none
    ("", "<p>Ngày 31/04/2024 họp bàn kế hoạch.</p>" + ARTICLE, (2024, 4)),
    ('<meta name="pubdate" content="2024-13-05">', "<p>Đăng ngày 05-06-2024.</p>" + ARTICLE, dt.date(2024, 6, 5)),
]


@pytest.mark.parametrize("head, body, published", DATES, ids=["meta", "next-meta", "next-in-text", "none-valid", "month-13"])
def test_impossible_date_is_skipped_and_the_page_read(tmp_path, head, body, published):
    markup = f"<html><head>{head}<title>Kế hoạch giảm nghèo</title></head><body><article>{body}</article></body></html>"
    document = read_file(write(tmp_path / "trang.html", markup.encode()))
    if isinstance(published, tuple):
        assert document.published is None or (document.published.year, document.published.month) == published
    else:
        assert document.published == published
    assert "giảm tỷ lệ hộ nghèo xuống còn 3,2%" in document.text


# 1b. A portal's footer licence ("Giấy phép ... cấp ngày ...", as Đà Nẵng's and Hà Tĩnh's portals
# print it) dates the licence, never the page: a page without a date of its own gets none from it.
LICENCES = [
    "<p>Giấy phép số 42/GP-TTĐT do Cục Quản lý Phát thanh, Truyền hình và Thông tin điện tử cấp ngày 21/3/2013</p>",
    "<div>Giấy phép: 612/GP-STTTT cấp ngày 21 tháng 10 năm 2016</div>",
]


@pytest.mark.parametrize("footer", LICENCES, ids=["sentence", "short-line"])
def test_a_footer_licence_date_is_not_the_pages(footer):
    markup = (f"<html><head><title>Kế hoạch giảm nghèo</title></head><body><article><h1>Kế hoạch giảm nghèo</h1>{ARTICLE}"
              f"</article><footer>{footer}<p>Địa chỉ: Số 1 Lê Lợi</p></footer></body></html>")
    page = read_page(markup, "https://travinh.gov.vn/tin/1.html")
    assert page.published not in (dt.date(2013, 3, 21), dt.date(2016, 10, 21))


# 2a. Deep HTML nesting: time linear in depth, no RecursionError.
NESTINGS = [
    ("<div>", "</div>"),
    ("<span>thôn ", "</span>"),
    ("<header>Sở Y tế ", "</header>"),
    ('<a href="/files/kh.pdf">Tải về ', "</a>"),
    ('<form class="tim-kiem">Tìm ', "</form>"),
    ('<div class="menu">', "</div>"),
    ("<table><tr><td>", "</td></tr></table>"),
]


@pytest.mark.parametrize("opening, closing", NESTINGS, ids=[n[0] for n in NESTINGS])
def test_deep_html_nesting_reads_in_time_linear_in_depth(opening, closing):
    def build(depth: int) -> str:
        return f"<html><body>{opening * depth}{ARTICLE}{closing * depth}</body></html>"

    assert growth(build, lambda markup: read_page(markup, "https://sonla.gov.vn/tin/1.html"), 1000) < 8


def test_html_nested_beyond_the_recursion_limit_is_read():
    page = read_page("<html><body>" + "<div>" * 20_000 + ARTICLE + "</div>" * 20_000 + "</body></html>")
    assert "tạo việc làm mới cho 1.500 lao động" in page.text


# 2b. Nested DOCX tables: each paragraph read once, a nested table's rows as their own lines.
def nested_tables(depth: int) -> str:
    inner = "<w:p><w:r><w:t>Tỷ lệ trẻ em suy dinh dưỡng giảm còn 12%</w:t></w:r></w:p>"
    for level in range(depth):
        inner = (f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Xã {level}</w:t></w:r></w:p>{inner}</w:tc>"
                 f"<w:tc><w:p><w:r><w:t>{level} thôn</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    return f"<w:document {W}><w:body><w:p><w:r><w:t>Biểu chỉ tiêu</w:t></w:r></w:p>{inner}</w:body></w:document>"


def docx(path: Path, document_xml: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", document_xml)
    return path


def test_nested_docx_tables_give_each_row_once(tmp_path):
    assert read_docx_text(docx(tmp_path / "bieu.docx", nested_tables(3))).splitlines() == [
        "Biểu chỉ tiêu", "Xã 2 | 2 thôn", "Xã 1 | 1 thôn", "Xã 0 Tỷ lệ trẻ em suy dinh dưỡng giảm còn 12% | 0 thôn",
    ]


def test_nested_docx_tables_read_in_time_linear_in_depth(tmp_path):
    assert growth(lambda depth: docx(tmp_path / f"bieu-{depth}.docx", nested_tables(depth)), read_docx_text, 500) < 8


# 3. One page that cannot be loaded costs that page only.
PAGE_LINE = "Bà con nông dân làm cà phê và chè; giá cà phê cao; các xã Phú Hòa, Tân Bình có giá cà phê cao."


def pdf_bytes(pages: int, broken: set[int]) -> bytes:
    """A PDF of `pages` text pages (Helvetica, Windows-1252 letters only); a page numbered in
    `broken` is a string where its page dictionary should be, which pdfium cannot load."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}
    kids = []
    for number in range(1, pages + 1):
        page, content = 2 + 2 * number, 3 + 2 * number
        kids.append(f"{page} 0 R")
        stream = b"BT /F1 11 Tf 40 780 Td (" + f"Trang {number}. {PAGE_LINE}".encode("cp1252") + b") Tj ET"
        objects[page] = b"(not a page)" if number in broken else (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {content} 0 R >>").encode()
        objects[content] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {pages} >>".encode()
    out, offsets = bytearray(b"%PDF-1.4\n"), {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offsets[number] for number in sorted(objects))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_unloadable_pdf_page_is_recorded_and_the_others_kept(tmp_path):
    document = read_file(write(tmp_path / "ke-hoach.pdf", pdf_bytes(3, broken={2})))
    assert document.status == "degraded"
    assert "unreadable pages: [2]" in document.status_reason and "page 2: could not be loaded" in document.status_reason
    assert "Trang 1. Bà con nông dân" in document.text and "Trang 3. Bà con nông dân" in document.text
    assert "Trang 2" not in document.text and len(document.page_starts) == 3


def test_pdf_without_a_loadable_page_is_a_clear_error(tmp_path):
    path = write(tmp_path / "hong.pdf", pdf_bytes(2, broken={1, 2}))
    with pytest.raises(SourceError, match="hong.pdf: pdf reader: none of its 2 pages could be loaded"):
        read_file(path)


# 4. Read errors name the reader; an unexpected exception is wrapped, naming its type.
def corrupt_deflate_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        paragraphs = "<w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p>" * 200
        archive.writestr("word/document.xml", f"<w:document {W}><w:body>{paragraphs}</w:body></w:document>")
    data = bytearray(buffer.getvalue())
    start = 30 + len("word/document.xml")  # the member's compressed bytes follow its local header
    for i in range(start + 5, start + 25):
        data[i] ^= 0x5A
    return bytes(data)


READ_ERRORS = [
    ("hong.pdf", b"%PDF-1.4\n1 0 obj garbage\n%%EOF", "hong.pdf: pdf reader: not a readable PDF"),
    ("hong.docx", b"PK\x03\x04 not really a zip", "hong.docx: docx reader: not a .docx"),
    ("nen-hong.docx", corrupt_deflate_docx(), r"nen-hong.docx: docx reader: not a .docx, or a damaged one: Error -3"),
    ("latin1.txt", "Plan für Übergänge".encode("latin-1") * 3, "latin1.txt: text reader: not UTF-8 at byte"),
    ("rac.html", random.Random(7).randbytes(4000), "rac.html: html reader: binary content, not an HTML page"),
]


@pytest.mark.parametrize("name, data, message", READ_ERRORS, ids=[e[0] for e in READ_ERRORS])
def test_read_errors_name_the_file_and_the_reader(tmp_path, name, data, message):
    with pytest.raises(SourceError, match=message):
        read_file(write(tmp_path / name, data))


# 5. Anything but a regular file is refused without being opened.
def test_named_pipe_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "ong.txt"
    os.mkfifo(fifo)
    outcome = []
    reader = threading.Thread(target=lambda: outcome.append(error_of(fifo)), daemon=True)
    reader.start()
    reader.join(5)  # opening it would block until a writer comes
    assert outcome and "ong.txt: not a regular file (a named pipe)" in outcome[0]


def test_directory_is_refused(tmp_path):
    assert "not a regular file (a directory)" in error_of(tmp_path)


# 6. Binary junk named .html is refused; the charset is taken from the content when the
# declaration would make garbage of it.
BINARY = [
    ("random", random.Random(1).randbytes(20_000)),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(2).randbytes(20_000)),
    ("zeros", b"<html>" + b"\x00\x01\x02\x03" * 5000),
]


@pytest.mark.parametrize("name, data", BINARY, ids=[b[0] for b in BINARY])
def test_binary_content_named_html_is_refused(tmp_path, name, data):
    with pytest.raises(SourceError, match=f"{name}.html: html reader: binary content, not an HTML page"):
        read_file(write(tmp_path / f"{name}.html", data))


FOREST = "Năm 2024 toàn tỉnh trồng mới 1.200 ha rừng, nâng tỷ lệ che phủ rừng lên 47,5%."
FOREST_CP1258 = (b"N\xe3m 2024 to\xe0n ti\xd2nh tr\xf4\xccng m\xf5\xeci 1.200 ha r\xfd\xccng, n\xe2ng ty\xd2 l\xea\xf2 che phu\xd2 "
                 b"r\xfd\xccng l\xean 47,5%.")
CLINIC = "Phấn đấu đến năm 2025 tỷ lệ hộ nghèo của huyện còn dưới 4%, mỗi xã có trạm y tế đạt chuẩn quốc gia."
CLINIC_TCVN3 = (b"Ph\xcan \xae\xcau \xae\xd5n n\xa8m 2025 t\xfb l\xd6 h\xe9 ngh\xcco c\xf1a huy\xd6n c\xdfn d\xad\xedi 4%, "
                b"m\xe7i x\xb7 c\xe3 tr\xb9m y t\xd5 \xae\xb9t chu\xc8n qu\xe8c gia.")


def page_bytes(meta: bytes, body: bytes) -> bytes:
    return b"<html><head>" + meta + b"<title>Tin tuc</title></head><body><article><p>" + body + b"</p></article></body></html>"


CHARSETS = [
    # (meta, body bytes, text expected in the decoded page)
    (b'<meta charset="windows-1252">', FOREST.encode(), FOREST),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', FOREST.encode(), FOREST),
    (b'<meta charset="windows-1252">', FOREST.encode() + b" \xff " + CLINIC.encode(), CLINIC),  # one stray byte
    (b'<meta charset="windows-1258">', FOREST_CP1258, FOREST),
    (b"", FOREST_CP1258, FOREST),  # undeclared: Windows-1258, browsers' default for Vietnamese
    (b'<meta charset="utf-8">', FOREST_CP1258, FOREST),  # declared UTF-8 that is not
    (b"", CLINIC_TCVN3, CLINIC),  # a .VnTime page: converted from its font's codes
]


@pytest.mark.parametrize("meta, body, expected", CHARSETS,
                         ids=["utf8-as-1252", "utf8-as-latin1", "utf8-stray-byte", "cp1258-declared", "cp1258-undeclared",
                              "cp1258-as-utf8", "tcvn3"])
def test_page_charset_follows_the_content(tmp_path, meta, body, expected):
    document = read_file(write(tmp_path / "tin.html", page_bytes(meta, body)))
    assert expected in unicodedata.normalize("NFC", document.text)
    assert document.status == "ok"


# 7. UTF-32 with BOM is not taken for UTF-16.
UTF32 = [("utf-32-le", b"\xff\xfe\x00\x00" + FOREST.encode("utf-32-le")), ("utf-32-be", b"\x00\x00\xfe\xff" + FOREST.encode("utf-32-be"))]


@pytest.mark.parametrize("suffix", [".txt", ".html"])
@pytest.mark.parametrize("name, data", UTF32, ids=[u[0] for u in UTF32])
def test_utf32_with_bom_is_read(tmp_path, name, data, suffix):
    assert read_file(write(tmp_path / f"{name}{suffix}", data)).text == FOREST


def test_utf32_bom_checked_before_utf16_in_decode_html():
    assert decode_html(FOREST.encode("utf-32")) == FOREST


# 8. Old Mac (lone CR) and Windows line ends separate lines.
LINE_ENDS = [("cr", "\r"), ("crlf", "\r\n")]


@pytest.mark.parametrize("name, end", LINE_ENDS, ids=[e[0] for e in LINE_ENDS])
def test_carriage_returns_end_lines(tmp_path, name, end):
    lines = ["KẾ HOẠCH", "Phát triển du lịch năm 2025", "Đón 2 triệu lượt khách."]
    assert read_file(write(tmp_path / f"{name}.txt", end.join(lines).encode())).text.splitlines() == lines
    assert decode_html(end.join(lines).encode()) == "\n".join(lines)


# 9. Links with another scheme than http(s) are no attachments, whatever their case or blanks.
LINKS = [
    ("  javascript:void(0)", "Tải về", None),
    ("JavaScript:taiVe('kh-12.pdf')", "Tải về", None),
    ("java\tscript:taiVe('kh-12.pdf')", "Văn bản gốc", None),
    ("mailto:vanthu@sonla.gov.vn?subject=kh-12.pdf", "Gửi thư", None),
    ("data:application/pdf;base64,JVBERi0=", "Tải về", None),
    ("tel:02123852000", "Tải về", None),
    (" /files/kh-12.pdf ", "Kế hoạch 12", "https://sonla.gov.vn/files/kh-12.pdf"),
    ("HTTPS://vbpl.vn/van-ban.docx", "Văn bản", "https://vbpl.vn/van-ban.docx"),
]


@pytest.mark.parametrize("href, label, expected", LINKS, ids=[link[0].strip()[:12] for link in LINKS])
def test_attachments_are_http_links_only(href, label, expected):
    page = read_page(f'<html><body><article>{ARTICLE}<a href="{href}">{label}</a></article></body></html>',
                     "https://sonla.gov.vn/tin/kh-12.html")
    assert [a.url for a in page.attachments] == ([expected] if expected else [])
