"""Legacy Vietnamese encodings (TCVN3 .VnTime, VNI-Times): detected, converted line by line, and
never applied to Unicode or Western text."""

import io
import unicodedata
import zipfile

import pytest

from chitieu import extract_file
from chitieu.sources.files import read_file
from chitieu.sources.legacy import detect, legacy_tables, repair
from tests.conftest import CORPUS

SEED = sorted((CORPUS / "seeds").glob("*.txt"))[0]


def table(encoding_id):
    return next(t for t in legacy_tables() if t.encoding.id == encoding_id)


def encode_legacy(text: str, encoding_id: str) -> str:
    """`text` written in a legacy font's codes (capitals with no code of their own take the
    lower-case one, as a .VnTimeH font does)."""
    inverse = {letter: code for code, letter in table(encoding_id).encoding.table.items()}
    out = []
    for char in unicodedata.normalize("NFC", text):
        out.append(inverse.get(char) or (inverse.get(char.lower()) if char.isupper() else None) or char)
    return "".join(out)


@pytest.mark.parametrize("legacy, unicode, encoding_id", [
    ("KÕ ho¹ch gi¶m nghÌo bÒn v÷ng n¨m 2022 cña UBND tØnh S¬n La", "Kế hoạch giảm nghèo bền vững năm 2022 của UBND tỉnh Sơn La", "tcvn3-abc.v1"),
    ("KÕ HO¹CH\nThùc hiÖn Ch­¬ng tr×nh", "KẾ HOẠCH\nThực hiện Chương trình", "tcvn3-abc.v1"),
    ("Keá hoaïch giaûm ngheøo beàn vöõng", "Kế hoạch giảm nghèo bền vững", "vni-windows.v1"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM\nÑoäc laäp - Töï do - Haïnh phuùc",
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", "vni-windows.v1"),
    ("giaûm tyû leä hoä ngheøo xuoáng coøn 18,66%; ngöôøi ñöôïc hoã trôï", "giảm tỷ lệ hộ nghèo xuống còn 18,66%; người được hỗ trợ", "vni-windows.v1"),
])
def test_legacy_text_is_converted(legacy, unicode, encoding_id):
    assert detect(legacy).encoding.id == encoding_id
    assert repair(legacy) == unicode


@pytest.mark.parametrize("text", [
    "Kế hoạch giảm nghèo bền vững năm 2022 của UBND tỉnh Sơn La",
    "Phó Chủ tịch Thường trực; hòa nhập; Số: 15/KH-UBND",
    "Plan für Übergänge und Größen " * 3,
    "Über die Förderung der Städte und Gemeinden in Österreich",
    "Le café à côté de l'hôtel était fermé ; élève, préféré, où",
    "CHINHPHU\nCQNG HOA xA HQI CHU NGHiA VI~T NAM\nDQc I~p - Tl}'do - H~nh phuc",  # a garbage OCR layer
])
def test_unicode_and_western_text_is_left_alone(text):
    assert detect(text) is None
    assert repair(text) == text


def test_only_legacy_lines_of_a_mixed_document_are_converted():
    mixed = "Kế hoạch số 12/KH-UBND của UBND tỉnh Sơn La\nKeá hoaïch giaûm ngheøo beàn vöõng, tyû leä hoä ngheøo giaûm 2%\nhòa nhập"
    assert repair(mixed) == "Kế hoạch số 12/KH-UBND của UBND tỉnh Sơn La\nKế hoạch giảm nghèo bền vững, tỷ lệ hộ nghèo giảm 2%\nhòa nhập"


@pytest.mark.parametrize("encoding_id", ["vni-windows.v1", "tcvn3-abc.v1"])
def test_a_real_article_survives_a_legacy_round_trip_as_bytes(tmp_path, encoding_id):
    original = read_file(SEED).text
    legacy = encode_legacy(original, encoding_id)
    path = tmp_path / "legacy.txt"
    path.write_bytes(legacy.encode("cp1252", errors="replace"))
    converted = read_file(path).text
    # TCVN3 has no codes for most accented capitals: a mixed-case line reads them in lower case
    expected = original if encoding_id == "vni-windows.v1" else None
    if expected:
        assert converted == expected
    else:
        assert converted.lower() == original.lower()


def test_a_docx_set_in_vni_times_gives_the_plan_and_its_targets(tmp_path):
    lines = [
        "UÛY BAN NHAÂN DAÂN TÆNH SÔN LA",
        "Soá: 199/KH-UBND",
        "Sôn La, ngaøy 02 thaùng 8 naêm 2022",
        "KEÁ HOAÏCH",
        "Thöïc hieän Chöông trình muïc tieâu quoác gia giaûm ngheøo beàn vöõng naêm 2022",
        "Phaán ñaáu giaûm tyû leä hoä ngheøo toaøn tænh xuoáng coøn 18,66%.",
    ]
    body = "".join(f'<w:p><w:r><w:rPr><w:rFonts w:ascii="VNI-Times"/></w:rPr><w:t>{line}</w:t></w:r></w:p>' for line in lines)
    xml = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    path = tmp_path / "vni.docx"
    path.write_bytes(buffer.getvalue())
    result = extract_file(path)
    assert "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững" in result.document.text
    assert result.plan.symbol == "199/KH-UBND" and str(result.plan.issued) == "2022-08-02"
    assert result.plan.place == "Sơn La"
    assert [(t.indicator, t.value_min) for t in result.targets] == [("poverty.rate", 18.66)]


@pytest.mark.parametrize("legacy_table", legacy_tables(), ids=lambda t: t.encoding.id)
def test_rule_file_examples(legacy_table):
    examples = legacy_table.encoding.examples
    assert examples.positive and examples.negative
    for text in examples.positive:
        assert detect(text) is legacy_table, text
    for text in examples.negative:
        assert detect(text) is None, text
