"""The gazetteer: names as documents write them, resolved to units with codes and successors."""


import pytest

from chitieu.places import load_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize("written, level, name, unit_level, province, successor", [
    ("Sơn La", None, "Sơn La", "province", "Sơn La", "Sơn La"),
    ("tỉnh Sơn La", None, "Sơn La", "province", "Sơn La", "Sơn La"),
    ("Tỉnh  Sơn La ", None, "Sơn La", "province", "Sơn La", "Sơn La"),
    ("TỈNH SƠN LA", None, "Sơn La", "province", "Sơn La", "Sơn La"),
    ("thành phố Sơn La", None, "Sơn La", "province", "Sơn La", "Sơn La"),
    ("thành phố Sơn La", "district", "Sơn La", "district", "Sơn La", "Sơn La"),
    ("Bắc Kạn", None, "Bắc Kạn", "province", "Bắc Kạn", "Thái Nguyên"),
    ("Bắc Cạn", None, "Bắc Kạn", "province", "Bắc Kạn", "Thái Nguyên"),
    ("Hải Dương", None, "Hải Dương", "province", "Hải Dương", "Hải Phòng"),
    ("Kon Tum", None, "Kon Tum", "province", "Kon Tum", "Quảng Ngãi"),
    ("TP.HCM", None, "Hồ Chí Minh", "province", "Hồ Chí Minh", "Hồ Chí Minh"),
    ("TP. HCM", None, "Hồ Chí Minh", "province", "Hồ Chí Minh", "Hồ Chí Minh"),
    ("TP HCM", None, "Hồ Chí Minh", "province", "Hồ Chí Minh", "Hồ Chí Minh"),
    ("TPHCM", None, "Hồ Chí Minh", "province", "Hồ Chí Minh", "Hồ Chí Minh"),
    ("Thành phố Hồ Chí Minh", None, "Hồ Chí Minh", "province", "Hồ Chí Minh", "Hồ Chí Minh"),
    ("Sài Gòn", None, "Hồ Chí Minh", "province", "Hồ Chí Minh", "Hồ Chí Minh"),
    ("Bình Dương", None, "Bình Dương", "province", "Bình Dương", "Hồ Chí Minh"),
    ("Thừa Thiên Huế", None, "Thừa Thiên Huế", "province", "Thừa Thiên Huế", "Huế"),
    ("Thừa Thiên - Huế", None, "Thừa Thiên Huế", "province", "Thừa Thiên Huế", "Huế"),
    ("Huế", None, "Thừa Thiên Huế", "province", "Thừa Thiên Huế", "Huế"),
    ("TT Huế", None, "Thừa Thiên Huế", "province", "Thừa Thiên Huế", "Huế"),
    ("thành phố Huế", None, "Thừa Thiên Huế", "province", "Thừa Thiên Huế", "Huế"),  # the list has Huế's 2025 districts
    ("quận Thuận Hoá", None, "Thuận Hóa", "district", "Thừa Thiên Huế", "Huế"),
    ("Hoà Bình", None, "Hòa Bình", "province", "Hòa Bình", "Phú Thọ"),
    ("Khánh Hoà", None, "Khánh Hòa", "province", "Khánh Hòa", "Khánh Hòa"),
    ("quận Bình Thuỷ", None, "Bình Thủy", "district", "Cần Thơ", "Cần Thơ"),
    ("Ðà Nẵng", None, "Đà Nẵng", "province", "Đà Nẵng", "Đà Nẵng"),  # Latin Ð (U+00D0)
    ("ÐẮK LẮK", None, "Đắk Lắk", "province", "Đắk Lắk", "Đắk Lắk"),
    ("Đắc Lắc", None, "Đắk Lắk", "province", "Đắk Lắk", "Đắk Lắk"),
    ("huyện Mường La", "district", "Mường La", "district", "Sơn La", "Sơn La"),
    ("HUYỆN MƯỜNG LA", None, "Mường La", "district", "Sơn La", "Sơn La"),
    ("thị xã Nghĩa Lộ", "district", "Nghĩa Lộ", "district", "Yên Bái", "Lào Cai"),
    ("TX. Nghĩa Lộ", None, "Nghĩa Lộ", "district", "Yên Bái", "Lào Cai"),
    ("thị xã Quảng Trị", None, "Quảng Trị", "district", "Quảng Trị", "Quảng Trị"),  # the prefix gives the level
    ("huyện Hòa Bình", None, "Hòa Bình", "district", "Bạc Liêu", "Cà Mau"),
    ("Hà Nam", None, "Hà Nam", "province", "Hà Nam", "Ninh Bình"),
    ("Hà Nội", None, "Hà Nội", "province", "Hà Nội", "Hà Nội"),
    ("Hà Giang", None, "Hà Giang", "province", "Hà Giang", "Tuyên Quang"),
    ("Hà Tĩnh", None, "Hà Tĩnh", "province", "Hà Tĩnh", "Hà Tĩnh"),
    # accent-folded collisions: the exact diacritics decide, whatever the tone-mark or Đ spelling
    ("huyện Phù Ninh", None, "Phù Ninh", "district", "Phú Thọ", "Phú Thọ"),
    ("huyện Phú Ninh", None, "Phú Ninh", "district", "Quảng Nam", "Đà Nẵng"),
    ("huyện Tam Đường", None, "Tam Đường", "district", "Lai Châu", "Lai Châu"),
    ("huyện Tam Ðường", None, "Tam Đường", "district", "Lai Châu", "Lai Châu"),
    ("huyện Tam Dương", None, "Tam Dương", "district", "Vĩnh Phúc", "Phú Thọ"),
    ("huyện Thanh Trì", None, "Thanh Trì", "district", "Hà Nội", "Hà Nội"),
    ("huyện Thạnh Trị", None, "Thạnh Trị", "district", "Sóc Trăng", "Cần Thơ"),
    ("Thạnh Hóa", None, "Thạnh Hóa", "district", "Long An", "Tây Ninh"),  # not the province Thanh Hóa
    ("Thanh Hoá", None, "Thanh Hóa", "province", "Thanh Hóa", "Thanh Hóa"),
    ("Thanh Hoa", None, "Thanh Hóa", "province", "Thanh Hóa", "Thanh Hóa"),  # no diacritics at all
])
def test_lookup(gazetteer, written, level, name, unit_level, province, successor):
    place = gazetteer.lookup(written, level)
    assert (place.name, place.level, place.province, place.successor) == (name, unit_level, province, successor)
    assert place.code


@pytest.mark.parametrize("written, level", [
    ("Hà", None),
    ("Sơn", None),
    ("Mường La", "province"),  # a district, not a province
    ("xã Tân Lập", None),  # communes are not in the gazetteer
    ("xã Hòa Bình", None),  # not the province of that name
    ("phường Sơn La", None),
    ("", None),
])
def test_lookup_unknown(gazetteer, written, level):
    assert gazetteer.lookup(written, level) is None


def test_units_are_the_old_provinces_and_their_districts(gazetteer):
    units = list(gazetteer.units())
    provinces = [p for p in units if p.level == "province"]
    assert len(provinces) == 63
    assert len({p.successor for p in provinces}) == 34
    assert sum(p.centrally_run for p in provinces) == 5
    assert len(units) > 700
    son_la = next(p for p in provinces if p.name == "Sơn La")
    assert (son_la.full_name, son_la.code) == ("Tỉnh Sơn La", "14")


@pytest.mark.parametrize("text, found", [
    ("Ngày 18/5/2020, UBND thành phố Sơn La đã ban hành", [("Sơn La", "district")]),
    ("UBND tỉnh Sơn La ban hành Kế hoạch", [("Sơn La", "province")]),
    ("UBND thành phố Hải Phòng", [("Hải Phòng", "province")]),
    ("UBND thành phố Hải Dương", [("Hải Dương", "district")]),
    ("Huyện Yên Bình giảm 2,4%", [("Yên Bình", "district")]),
    ("huyện Mường La, tỉnh Sơn La", [("Mường La", "district"), ("Sơn La", "province")]),
    ("thị xã Nghĩa Lộ phấn đấu", [("Nghĩa Lộ", "district")]),
    ("TX.Nghĩa Lộ phấn đấu", [("Nghĩa Lộ", "district")]),
    ("thị xã Quảng Trị", [("Quảng Trị", "district")]),
    ("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG", [("TUYÊN QUANG", "province")]),
    ("Yên Bái: Xây dựng 20 xã", [("Yên Bái", "province")]),
    ("Yên Bái phấn đấu giảm 3% hộ nghèo", [("Yên Bái", "province")]),
    ("Sở LĐ-TB&XH TP.HCM cho biết", [("TP.HCM", "province")]),
    ("Thành phố Hồ Chí Minh", [("Hồ Chí Minh", "province")]),
    ("tỉnh Thừa Thiên Huế", [("Thừa Thiên Huế", "province")]),
    ("Hà Nam, Hà Nội và Hà Giang", [("Hà Nam", "province"), ("Hà Nội", "province"), ("Hà Giang", "province")]),
    ("TQĐT - Theo kế hoạch, năm 2017 toàn tỉnh phấn đấu", [("TQĐT", "province")]),
    ("TTH.VN - Theo thông tin tại hội nghị", [("TTH", "province")]),
    ("(Baohaiduong.vn) - UBND tỉnh vừa ban hành", [("haiduong", "province")]),
    ("Baoquangninh.com.vn - Theo kế hoạch", [("quangninh", "province")]),
    ("(Chinhphu.vn) - Thủ tướng vừa ký", []),  # a national paper names no province
    ("giữa câu TQĐT không phải ký hiệu", []),
    ("hòa bình và ổn định", []),  # lower case: an ordinary phrase, not the province
    ("Mường La đạt 80%", []),  # a district counts only after its prefix
    ("Hà Namđịnh", []),  # never inside a longer word
])
def test_find(gazetteer, text, found):
    """Spans cover the name only, not its prefix."""
    assert [(text[start:end], place.level) for start, end, place in gazetteer.find(text)] == found


def test_find_names_the_unit(gazetteer):
    [(_, _, district), (_, _, province)] = gazetteer.find("UBND huyện Mường La, tỉnh Bắc Cạn")
    assert (district.name, district.province) == ("Mường La", "Sơn La")
    assert (province.name, province.successor) == ("Bắc Kạn", "Thái Nguyên")


def test_a_fresh_load_finds_what_the_cached_one_does(gazetteer):
    # load and find speed are part of bench/bench_extract.py's per-document time, not asserted here
    text = ("Ngày 02/8/2022, UBND tỉnh Sơn La ban hành Kế hoạch số 199/KH-UBND thực hiện Chương trình "
            "mục tiêu quốc gia giảm nghèo bền vững trên địa bàn huyện Mường La.")
    fresh = load_gazetteer.__wrapped__()
    names = [(p.name, p.level) for _, _, p in fresh.find(text)]
    assert names == [(p.name, p.level) for _, _, p in gazetteer.find(text)]
    assert ("Sơn La", "province") in names and ("Mường La", "district") in names