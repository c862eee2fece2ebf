"""The gazetteer: names as documents write them, resolved to units with codes and successors."""

import pytest

from extractor.places import load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize("written, level, name, unit_level, successor", [
    ("Sơn La", None, "Sơn La", "province", "Sơn La"),
    ("tỉnh Sơn La", None, "Sơn La", "province", "Sơn La"),
    ("thành phố Sơn La", "district", "Sơn La", "district", "Sơn La"),
    ("Bắc Kạn", None, "Bắc Kạn", "province", "Thái Nguyên"),
    ("Bắc Cạn", None, "Bắc Kạn", "province", "Thái Nguyên"),
    ("Hải Dương", None, "Hải Dương", "province", "Hải Phòng"),
    ("Kon Tum", None, "Kon Tum", "province", "Quảng Ngãi"),
    ("TP.HCM", None, "Hồ Chí Minh", "province", "Hồ Chí Minh"),
    ("TPHCM", None, "Hồ Chí Minh", "province", "Hồ Chí Minh"),
    ("Thừa Thiên Huế", None, "Thừa Thiên Huế", "province", "Huế"),
    ("Hoà Bình", None, "Hòa Bình", "province", "Phú Thọ"),
    ("huyện Mường La", "district", "Mường La", "district", "Sơn La"),
    ("thị xã Nghĩa Lộ", "district", "Nghĩa Lộ", "district", "Lào Cai"),
    ("Hà Nam", None, "Hà Nam", "province", "Ninh Bình"),
    ("Hà Nội", None, "Hà Nội", "province", "Hà Nội"),
    ("Hà Giang", None, "Hà Giang", "province", "Tuyên Quang"),
])
def test_lookup(gazetteer, written, level, name, unit_level, successor):
    place = gazetteer.lookup(written, level)
    assert (place.name, place.level, place.successor) == (name, unit_level, successor)
    assert place.code


@pytest.mark.parametrize("text, found", [
    ("Ngày 18/5/2020, UBND thành phố Sơn La đã ban hành", [("Sơn La", "district")]),
    ("UBND tỉnh Sơn La ban hành Kế hoạch", [("Sơn La", "province")]),
    ("UBND thành phố Hải Phòng", [("Hải Phòng", "province")]),
    ("Huyện Yên Bình giảm 2,4%", [("Yên Bình", "district")]),
    ("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG", [("Tuyên Quang", "province")]),
    ("Yên Bái: Xây dựng 20 xã", [("Yên Bái", "province")]),
    ("TQĐT - Theo kế hoạch, năm 2017 toàn tỉnh phấn đấu", [("Tuyên Quang", "province")]),
    ("TTH.VN - Theo thông tin tại hội nghị", [("Thừa Thiên Huế", "province")]),
    ("giữa câu TQĐT không phải ký hiệu", []),
    ("hòa bình và ổn định", []),  # lower case: an ordinary phrase, not the province
])
def test_find(gazetteer, text, found):
    assert [(p.name, p.level) for _, _, p in gazetteer.find(text)] == found
