import unicodedata

import pytest

from chitieu.text import normalise, unaccented

CASES = [
    # (raw, normalised)
    ("Giảm tỷ lệ hộ nghèo", "Giảm tỷ lệ hộ nghèo"),
    (unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh Sơn La"), "Ủy ban nhân dân tỉnh Sơn La"),
    ("xã Hoà Bình, tỉnh Hoà Bình", "xã Hòa Bình, tỉnh Hòa Bình"),
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
    ("nước sạch khoẻ mạnh", "nước sạch khỏe mạnh"),
    ("Thừa Thiên Huế\u00a0năm 2019", "Thừa Thiên Huế năm 2019"),
    ("ÐẮK NÔNG", "ĐẮK NÔNG"),
    ("bảo\u00adhiểm y tế", "bảohiểm y tế"),
    ("năm 2022.\\r\\nMục tiêu", "năm 2022.\nMục tiêu"),
    ("dòng một\r\ndòng hai", "dòng một\ndòng hai"),
    ("\ufeffKế hoạch", "Kế hoạch"),
    ("zero\u200bwidth", "zerowidth"),
    ("Kế_hoạch hỗ_trợ hộ nghèo", "Kế hoạch hỗ trợ hộ nghèo"),
]


@pytest.mark.parametrize("raw, expected", CASES)
def test_normalise(raw, expected):
    assert normalise(raw).text == expected


@pytest.mark.parametrize("raw, word", [
    ("Ngày 02/8/2022, UBND tỉnh Hoà Bình ban hành Kế hoạch", "Kế hoạch"),
    (unicodedata.normalize("NFD", "Uỷ ban nhân dân tỉnh Sơn La giảm 18,66%"), "18,66%"),
    ("a\u00ad\u00adb\u200b Thuỷ lợi 25.000 lao động", "25.000"),
])
def test_offsets_map_back_to_raw(raw, word):
    normalised = normalise(raw)
    start = normalised.text.index(word)
    raw_start, raw_end = normalised.raw_span(start, start + len(word))
    assert unicodedata.normalize("NFC", raw[raw_start:raw_end]) == word


def test_unchanged_text_has_no_edits():
    assert normalise("Kế hoạch số 199/KH-UBND").edits == ()


def test_the_spelling_table_is_underthesea_s():
    """rules/spellings.yaml is a copy of the table underthesea rewrites with while tokenising: when an
    underthesea release changes it, copy it again (tokens and text would no longer line up)."""
    normalizer = pytest.importorskip("underthesea.pipeline.text_normalize.text_normalizer",
                                     reason="this underthesea release keeps its spelling table elsewhere")
    from chitieu.text import _token_map

    assert _token_map() == dict(normalizer.token_map)


@pytest.mark.parametrize("text, expected", [
    ("ỦY BAN NHÂN DẦN", "UY BAN NHAN DAN"),
    ("TÍNH HÀ TĨNH, Đắk Lắk", "TINH HA TINH, Dak Lak"),
    ("Số: 12/KH-UBND", "So: 12/KH-UBND"),
])
def test_unaccented_keeps_every_offset(text, expected):
    """A scan's header is read without accents where its words are matched; offsets must hold."""
    assert unaccented(text) == expected and len(unaccented(text)) == len(text)
