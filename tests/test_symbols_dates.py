import pytest

from chitieu.nlp import make_doc
from chitieu.passes.dates import DatePass
from chitieu.rules import load_rules
from chitieu.passes.symbols import SymbolPass


@pytest.fixture(scope="module")
def symbol_pass(rules):
    return SymbolPass(rules)


SYMBOLS = [
    ("Kế hoạch số 199/KH-UBND ngày 02/8/2022 của UBND tỉnh Sơn La", [("199/KH-UBND", "ke_hoach")]),
    ("UBND tỉnh ban hành Kế hoạch 04/KH-UBND thực hiện", [("04/KH-UBND", "ke_hoach")]),
    ("Kế hoạch số 139KH-UBND về thực hiện", [("139/KH-UBND", "ke_hoach")]),
    ("Nghị quyết số 20-NQ/TU ngày 21.12.2021 của Ban Thường vụ Tỉnh ủy", [("20-NQ/TU", "nghi_quyet")]),
    ("Nghị quyết số 31- NQ/TU", [("31-NQ/TU", "nghi_quyet")]),
    # a party-style sign's body has parts as a state one's does (own wording)
    ("Kế hoạch số 112-KH/TĐTN-TNNT ngày 03/3/2023 của Ban Thường vụ Tỉnh Đoàn", [("112-KH/TĐTN-TNNT", "ke_hoach")]),
    ("Quyết định số 660 /QĐ-UBND ngày", [("660/QĐ-UBND", "quyet_dinh")]),
    ("Kế hoạch số 175/KH- UBND", [("175/KH-UBND", "ke_hoach")]),
    ("Căn cứ Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ", [("27/2022/NĐ-CP", "other")]),  # w097
    ("Quyết định số 46/2015/QĐ-TTg", [("46/2015/QĐ-TTg", "quyet_dinh")]),  # w160
    ("Nghị quyết số\n88/2019/QH14 ngày 18/11/2019 của Quốc hội", [("88/2019/QH14", "nghi_quyet")]),  # wild, a line broken
    ("Nghị quyết số 35/NQ-UBTVQH15", [("35/NQ-UBTVQH15", "nghi_quyet")]),  # own wording
    ("Chương trình hành động số\n102-CTr/TU ngày 21/02/2025", [("102-CTr/TU", "chuong_trinh")]),  # wild, a line broken
    ("Công văn số 4377/UBND-NC", [("4377/UBND-NC", "cong_van")]),
    # a letter's sign names a body, not a type, even where no word says "Công văn"
    ("theo văn bản 227/MTTQ-BTT và 8544/SNNMT-TNN", [("227/MTTQ-BTT", "cong_van"), ("8544/SNNMT-TNN", "cong_van")]),
    ("đề nghị tại 45/SLĐTBXH-BTXH", [("45/SLĐTBXH-BTXH", "cong_van")]),
    ("đề nghị tại 12/BC-UBND", [("12/BC-UBND", "other")]),
    ("Tờ trình số 982/TTr-SLĐTBXH", [("982/TTr-SLĐTBXH", "other")]),
    ("Quyết định 47/2011/QD-UBND", [("47/2011/QD-UBND", "quyet_dinh")]),
    ("Số: 19-2017/NQ-CP Hà Nội, ngày 06 tháng 02 năm 2017", [("19-2017/NQ-CP", "nghi_quyet")]),  # Government, 2014-2018
    ("Căn cứ Bộ luật Tố tụng hình sự số 101/2015/QH13 ngày 27/11/2015", [("101/2015/QH13", "other")]),  # a law: no type, a year
    ("Giấy phép số 06/GP-TTĐT", []),  # a portal's licence is no cited document
    ("ngày 02/8/2022 và 16/19 tiêu chí, Quyết định số 1898", []),
]


@pytest.mark.parametrize("text, expected", SYMBOLS)
def test_symbols(symbol_pass, text, expected):
    found = symbol_pass.run(make_doc(text))
    assert [(s.symbol, s.doc_type) for s in found] == expected
    for mention in found:
        assert text[mention.evidence.start : mention.evidence.end] == mention.evidence.text


DATES = [
    ("Ngày 02/8/2022, UBND tỉnh ban hành", [(2, 8, 2022, False)]),
    ("Nghị quyết số 20-NQ/TU ngày 21.12.2021", [(21, 12, 2021, False)]),
    ("tại thời điểm ngày 31-12-2015 là 806.702 người", [(31, 12, 2015, False)]),  # w054
    ("Sơn La, ngày 02 tháng 8 năm 2022", [(2, 8, 2022, False)]),
    ("Kon Tum, ngày\n18 tháng 09 năm 2014", [(18, 9, 2014, False)]),  # wild, a line broken
    ("Ngày 10/3, UBND thành phố ban hành", [(10, 3, None, False)]),
    # a scan's day or month with one digit read as a look-alike letter (Hà Tĩnh 70/2014, Lâm Đồng 493/TB-UBND)
    ("Hà Tĩnh, ngày.3Ø tháng 10 năm 2014", [(30, 10, 2014, False)]),
    ("Lâm Đông, ngày J2 tháng I1 năm 2025", [(12, 11, 2025, False)]),
    ("ngày Ol tháng 8 năm 2022", []),  # no digit read: no day
    ("ngày 1o tháng 10 năm 2014", []),  # a small "o" is no look-alike OCR writes
    ("Print Thứ Sáu, 18/03/2022 18:05 Gốc", [(18, 3, 2022, True)]),
    ("18/01/2024 14:04    2165", [(18, 1, 2024, True)]),
    ("ngày 16/7/20 21", [(16, 7, 2021, False)]),
    ("giai đoạn 2021-2025, 199/KH-UBND, 16/19 tiêu chí", []),
    ("ngày 32/13/2022", []),
    # a day and month ending a sentence, and an event's part of the day (own wording; "Sáng 19/12",
    # "Chiều 27/10" open wild pages' reports of sessions)
    ("Hội nghị bế mạc ngày 2/8.", [(2, 8, None, False)]),
    ("Đại hội bế mạc vào chiều 2/8. Sáng 1/8, đại hội khai mạc", [(2, 8, None, False), (1, 8, None, False)]),
    ("ngày 2/8/2022.", [(2, 8, 2022, False)]),
    # a date line as portals print it in a stored page: a time before the date (w140), a portal's
    # date label opening the line (w081, w239); the sentence under it keeps its own date
    ("18:47, 05/10/2020\n\nNgày 30.9, UBND tỉnh ban hành", [(5, 10, 2020, True), (30, 9, None, False)]),
    ("Văn Hoa - 05:32, 24/11/2023\nSáng nay", [(24, 11, 2023, True)]),
    ("Ngày đăng: 17.05.2019\nNgày 04/05/2019, Ủy ban nhân dân tỉnh Kiên Giang vừa ban hành",
     [(17, 5, 2019, True), (4, 5, 2019, False)]),
    ("Ngày cập nhật 14/10/2021\nThực hiện Kế hoạch", [(14, 10, 2021, True)]),
    ("Ngày đăng: 22/12/2017 | Lượt xem: 1.583", [(22, 12, 2017, True)]),
    ("17/01/2024 08:45\n\nNgày 15/1, UBND tỉnh ban hành", [(17, 1, 2024, True), (15, 1, None, False)]),  # a time on the line above
    ("lúc 14 giờ ngày 12/3/2023, hội nghị", [(12, 3, 2023, False)]),
    ("Cập nhật ngày 12/3/2023, UBND huyện ban hành", [(12, 3, 2023, False)]),  # a sentence goes on after it
]


@pytest.mark.parametrize("text, expected", DATES)
def test_dates(text, expected):
    found = DatePass(load_rules().calendar, load_rules().portals.words.date_label).run(make_doc(text))
    assert [(d.day, d.month, d.year, d.is_dateline) for d in found] == expected
