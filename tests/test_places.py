"""The gazetteer: names as documents write them, resolved to units with codes and successors,
as they stood on a plan's date."""

import datetime as dt

import pytest

from chitieu import extract_text
from chitieu.models import Evidence, ReferenceRecord
from chitieu.places import MERGED_ON, load_gazetteer, place_date


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


@pytest.mark.parametrize("written, level, name, unit_level, province, successor", [
    ("Sơn La", None, "Sơn La", "province", "Sơn La", "Sơn La"),
    ("tỉnh Sơn La", None, "Sơn La", "province", "Sơn La", "Sơn La"),
    ("Tỉnh  Sơn La ", None, "Sơn La", "province", "Sơn La", "Sơn La"),
    ("TỈNH SƠN LA", None, "Sơn La", "province", "Sơn La", "Sơn La"),
    ("thành phố Sơn La", None, "Sơn La", "district", "Sơn La", "Sơn La"),  # the district-level city
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
    ("thành phố Huế", None, "Huế", "district", "Thừa Thiên Huế", "Huế"),  # without a date: the city of 1929-2024
    ("quận Thuận Hoá", None, "Thuận Hóa", "district", "Thừa Thiên Huế", "Huế"),
    ("Hoà Bình", None, "Hòa Bình", "province", "Hòa Bình", "Phú Thọ"),
    ("Khánh Hoà", None, "Khánh Hòa", "province", "Khánh Hòa", "Khánh Hòa"),
    ("quận Bình Thuỷ", None, "Bình Thủy", "district", "Cần Thơ", "Cần Thơ"),
    ("Ðà Nẵng", None, "Đà Nẵng", "province", "Đà Nẵng", "Đà Nẵng"),  # Latin Ð (U+00D0)
    ("ÐẮK LẮK", None, "Đắk Lắk", "province", "Đắk Lắk", "Đắk Lắk"),
    ("Đắc Lắc", None, "Đắk Lắk", "province", "Đắk Lắk", "Đắk Lắk"),
    ("huyện Mường La", "district", "Mường La", "district", "Sơn La", "Sơn La"),
    ("HUYỆN MƯỜNG LA", None, "Mường La", "district", "Sơn La", "Sơn La"),
    ("thị xã Kiến Tường", "district", "Kiến Tường", "district", "Long An", "Tây Ninh"),  # w266
    ("TX. Nghĩa Lộ", None, "Nghĩa Lộ", "district", "Yên Bái", "Lào Cai"),
    ("thị xã Quảng Trị", None, "Quảng Trị", "district", "Quảng Trị", "Quảng Trị"),  # the prefix gives the level
    ("huyện Quảng Ninh", None, "Quảng Ninh", "district", "Quảng Bình", "Quảng Trị"),  # not the province of that name
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
    ("xã Tân Lập", None),  # a commune only within the places named beside it
    ("xã Hòa Bình", None),  # not the province of that name
    ("phường Sơn La", None),
    ("", None),
])
def test_lookup_unknown(gazetteer, written, level):
    assert gazetteer.lookup(written, level) is None


def test_units_are_both_lists_with_their_codes(gazetteer):
    units = list(gazetteer.units())
    count = lambda level, new: sum(p.level == level and p.is_new == new for p in units)  # noqa: E731
    assert (count("province", False), count("district", False), count("commune", False)) == (63, 697, 10035)  # 696 + former Huế
    assert (count("province", True), count("district", True), count("commune", True)) == (34, 0, 3321)
    old_provinces = [p for p in units if p.level == "province" and not p.is_new]
    assert len({p.successor for p in old_provinces}) == 34
    assert sum(p.centrally_run for p in old_provinces) == 6  # Huế since 1 January 2025
    son_la = next(p for p in old_provinces if p.name == "Sơn La")
    assert (son_la.full_name, son_la.code, son_la.successor_id) == ("Tỉnh Sơn La", "14", "2025:province:Sơn La:Sơn La")
    # every unit has its own official code, unique in its list and level; every old one a successor
    assert all(p.code for p in units)
    assert len({(p.level, p.is_new, p.code) for p in units}) == len(units) - 1  # former Huế shares 474 with Thuận Hóa
    by_id = {p.id: p for p in units}
    assert len(by_id) == len(units)
    for place in units:
        if not place.is_new:
            successor = by_id[place.successor_id]
            assert successor.is_new and successor.valid_from == MERGED_ON and successor.level in ("province", "commune")
        if place.parent_id:
            assert by_id[place.parent_id].is_new == place.is_new


@pytest.mark.parametrize("text, found", [
    ("Ngày 18/5/2020, UBND thành phố Sơn La đã ban hành", [("Sơn La", "district")]),
    ("UBND tỉnh Sơn La ban hành Kế hoạch", [("Sơn La", "province")]),
    ("UBND thành phố Hải Phòng", [("Hải Phòng", "province")]),
    ("UBND thành phố Hải Dương", [("Hải Dương", "district")]),
    ("huyện Mù Cang Chải phấn đấu giảm 7,5% hộ nghèo", [("Mù Cang Chải", "district")]),  # w055
    ("huyện Mường La, tỉnh Sơn La", [("Mường La", "district"), ("Sơn La", "province")]),
    ("thị xã Nghĩa Lộ phấn đấu", [("Nghĩa Lộ", "district")]),
    ("TX.Nghĩa Lộ phấn đấu", [("Nghĩa Lộ", "district")]),
    ("thị xã Quảng Trị", [("Quảng Trị", "district")]),
    ("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG", [("TUYÊN QUANG", "province")]),
    ("Yên Bái: Hướng đến tỷ suất sinh toàn tỉnh đạt 2,15 con/phụ nữ", [("Yên Bái", "province")]),  # w216
    ("Yên Bái phấn đấu giảm 3% hộ nghèo", [("Yên Bái", "province")]),
    ("Sở LĐ-TB&XH TP.HCM cho biết", [("TP.HCM", "province")]),
    ("Thành phố Hồ Chí Minh", [("Hồ Chí Minh", "province")]),
    ("tỉnh Thừa Thiên Huế", [("Thừa Thiên Huế", "province")]),
    ("Hà Nam, Hà Nội và Hà Giang", [("Hà Nam", "province"), ("Hà Nội", "province"), ("Hà Giang", "province")]),
    ("TQĐT - Chiều 5/4, tỉnh tổ chức hội nghị sơ kết", [("TQĐT", "province")]),  # own wording
    ("TTH.VN - Đó là một trong những chỉ tiêu chủ yếu", [("TTH", "province")]),  # w182
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

# ---------------------------------------------------------------- real spellings

D = dt.date.fromisoformat
BEFORE, AFTER = D("2024-03-01"), D("2026-01-05")

# Names as they are written in real pages (shared/wild/docs, shared/realdocs and the issue's
# examples), with the unit each names and its official code. `within`: the provinces or
# districts named beside it; a commune is resolved only there.
SPELLINGS = [
    # provinces, their variants and abbreviations
    ("Đắk Lắk", None, None, (), "province:Đắk Lắk:Đắk Lắk", "66"),
    ("Đăk Lăk", None, None, (), "province:Đắk Lắk:Đắk Lắk", "66"),
    ("Đắc Lắc", None, None, (), "province:Đắk Lắk:Đắk Lắk", "66"),
    ("Đắc Nông", None, None, (), "province:Đắk Nông:Đắk Nông", "67"),
    ("tỉnh Đắk Nông", None, None, (), "province:Đắk Nông:Đắk Nông", "67"),
    ("KonTum", None, None, (), "province:Kon Tum:Kon Tum", "62"),
    ("Kontum", None, None, (), "province:Kon Tum:Kon Tum", "62"),
    ("BR-VT", None, None, (), "province:Bà Rịa - Vũng Tàu:Bà Rịa - Vũng Tàu", "77"),
    ("Bà Rịa-Vũng Tàu", None, None, (), "province:Bà Rịa - Vũng Tàu:Bà Rịa - Vũng Tàu", "77"),
    ("BÀ RỊA - VŨNG TÀU", None, None, (), "province:Bà Rịa - Vũng Tàu:Bà Rịa - Vũng Tàu", "77"),
    ("Hà Tây", None, None, (), "province:Hà Nội:Hà Nội", "01"),  # merged into Hà Nội in 2008
    ("TT-Huế", None, None, (), "province:Thừa Thiên Huế:Thừa Thiên Huế", "46"),
    ("THỪA THIÊN HUẾ", None, None, (), "province:Thừa Thiên Huế:Thừa Thiên Huế", "46"),
    ("Tp. HCM", None, None, (), "province:Hồ Chí Minh:Hồ Chí Minh", "79"),
    ("TP. Hồ Chí Minh", None, None, (), "province:Hồ Chí Minh:Hồ Chí Minh", "79"),
    ("Thành phố Cần Thơ", None, None, (), "province:Cần Thơ:Cần Thơ", "92"),
    ("thành phố Đà Nẵng", None, None, (), "province:Đà Nẵng:Đà Nẵng", "48"),
    ("TP. Hải Phòng", None, None, (), "province:Hải Phòng:Hải Phòng", "31"),
    ("THÀNH PHỐ HẢI PHÒNG", None, None, (), "province:Hải Phòng:Hải Phòng", "31"),
    ("TP Hà Nội", None, None, (), "province:Hà Nội:Hà Nội", "01"),
    ("TỈNH HÀ TĨNH", None, None, (), "province:Hà Tĩnh:Hà Tĩnh", "42"),
    ("tỉnh Bình Thuận", None, None, (), "province:Bình Thuận:Bình Thuận", "60"),
    # districts: the prefix (or its abbreviation) gives the level and tells namesakes apart
    ("H. Mù Cang Chải", None, None, (), "district:Yên Bái:Mù Cang Chải", "137"),
    ("huyện Mù Cang Chải", None, None, (), "district:Yên Bái:Mù Cang Chải", "137"),
    ("thành phố Sơn La", None, None, (), "district:Sơn La:Sơn La", "116"),
    ("TP Hà Tĩnh", None, None, (), "district:Hà Tĩnh:Hà Tĩnh", "436"),
    ("TP. Lạng Sơn", None, None, (), "district:Lạng Sơn:Lạng Sơn", "178"),
    ("huyện Thuận Bắc", None, None, (), "district:Ninh Thuận:Thuận Bắc", "588"),
    ("huyện Ðắk Glong", None, None, (), "district:Đắk Nông:Đăk Glong", "661"),  # Latin Ð, and the list's Đăk
    ("huyện Hoà An", None, None, (), "district:Cao Bằng:Hòa An", "051"),
    ("huyện Hoàng Su Phì", None, None, (), "district:Hà Giang:Hoàng Su Phì", "032"),
    ("huyện Chợ Đồn", None, None, (), "district:Bắc Kạn:Chợ Đồn", "064"),
    ("huyện Châu Đức", None, None, (), "district:Bà Rịa - Vũng Tàu:Châu Đức", "750"),
    ("Huyện Ba Chẽ", None, None, (), "district:Quảng Ninh:Ba Chẽ", "202"),
    ("huyện A Lưới", None, None, (), "district:Thừa Thiên Huế:A Lưới", "481"),
    ("huyện Tu Mơ Rông", None, None, (), "district:Kon Tum:Tu Mơ Rông", "617"),
    ("huyện Krông Pa", None, None, (), "district:Gia Lai:Krông Pa", "637"),
    ("huyện M'Drăk", None, None, (), "district:Đắk Lắk:M'Đrắk", "652"),
    ("Huyện M’Đrắk", None, None, (), "district:Đắk Lắk:M'Đrắk", "652"),
    ("huyện Ea H'Leo", None, None, (), "district:Đắk Lắk:Ea H'leo", "645"),
    ("huyện Ea Hleo", None, None, (), "district:Đắk Lắk:Ea H'leo", "645"),
    ("huyện Cư M'Gar", None, None, (), "district:Đắk Lắk:Cư M'gar", "648"),
    ("huyện Krông Buk", None, None, (), "district:Đắk Lắk:Krông Búk", "649"),
    ("thị xã Ayun Pa", None, None, (), "district:Gia Lai:Ayun Pa", "624"),
    ("thị xã Kiến Tường", None, None, (), "district:Long An:Kiến Tường", "795"),
    ("Thị xã Nghi Sơn", None, None, (), "district:Thanh Hóa:Nghi Sơn", "407"),
    ("thị xã Tam Điệp", None, None, (), "district:Ninh Bình:Tam Điệp", "370"),  # a city since 2015
    ("thành phố Buôn Ma Thuột", None, None, (), "district:Đắk Lắk:Buôn Ma Thuột", "643"),
    ("TP. Biên Hòa", None, None, (), "district:Đồng Nai:Biên Hòa", "731"),
    ("TP.Tân An", None, None, (), "district:Long An:Tân An", "794"),
    ("Tp.Phan Rang", None, None, (), "district:Ninh Thuận:Phan Rang - Tháp Chàm", "582"),
    ("TP Cam Ranh", None, None, (), "district:Khánh Hòa:Cam Ranh", "569"),
    ("thành phố Hồng Ngự", None, None, (), "district:Đồng Tháp:Hồng Ngự (Thành phố)", "868"),
    ("thành phố Cao Lãnh", None, None, (), "district:Đồng Tháp:Cao Lãnh (Thành phố)", "866"),
    ("huyện Cao Lãnh", None, None, (), "district:Đồng Tháp:Cao Lãnh (Huyện)", "873"),
    ("Quận 1", None, None, (), "district:Hồ Chí Minh:Quận 1", "760"),
    ("huyện Phước Long", None, None, (), "district:Bạc Liêu:Phước Long", "957"),  # not the thị xã in Bình Phước
    ("Huyện An Lão", None, None, ("Bình Định",), "district:Bình Định:An Lão", "542"),
    ("Huyện An Lão", None, None, ("Hải Phòng",), "district:Hải Phòng:An Lão", "313"),
    ("huyện Châu Thành", None, None, ("Tiền Giang",), "district:Tiền Giang:Châu Thành", "821"),
    # communes of the old list, in the province or district named beside them
    ("xã Ma Nới", None, None, ("huyện Ninh Sơn",), "commune:Ninh Thuận:Ninh Sơn:Ma Nới", "22828"),
    ("xã Ma Nới", None, BEFORE, ("Ninh Thuận",), "commune:Ninh Thuận:Ninh Sơn:Ma Nới", "22828"),
    ("xã Khun Há", None, None, ("Lai Châu",), "commune:Lai Châu:Tam Đường:Khun Há", "03430"),
    ("xã Khâu Vai", None, None, ("Hà Giang",), "commune:Hà Giang:Mèo Vạc:Khâu Vai", "00814"),
    ("thị trấn Chư Prông", None, None, ("Gia Lai",), "commune:Gia Lai:Chư Prông:Chư Prông", "23887"),
    ("xã Chiềng Khoong", None, None, ("Sơn La",), "commune:Sơn La:Sông Mã:Chiềng Khoong", "04204"),
    ("xã Tà Bhing", None, None, ("Quảng Nam",), "commune:Quảng Nam:Nam Giang:Tà Bhing", "20710"),
    ("xã La Dêê", None, None, ("Quảng Nam",), "commune:Quảng Nam:Nam Giang:La Dêê", "20704"),
    ("xã Ia Krêl", None, None, ("huyện Đức Cơ",), "commune:Gia Lai:Đức Cơ:Ia Krêl", "23863"),
    ("xã Ðắk Som", None, None, ("Đắk Nông",), "commune:Đắk Nông:Đăk Glong:Đắk Som", "24637"),
    ("thị trấn Óc Eo", None, None, ("An Giang",), "commune:An Giang:Thoại Sơn:Óc Eo", "30688"),
    ("phường Thạc Gián", None, None, ("Đà Nẵng",), "commune:Đà Nẵng:Thanh Khê:Thạc Gián", "20218"),
    # communes of the new list (pages of 2025 and 2026), in the old province the page names
    ("phường Tĩnh Gia", None, AFTER, ("Thanh Hóa",), "2025:commune:Thanh Hóa:Tĩnh Gia", "16561"),
    ("phường Tam Kỳ", None, AFTER, ("Quảng Nam",), "2025:commune:Đà Nẵng:Tam Kỳ", "20341"),
    ("phường Phú Xuân", None, AFTER, ("Thừa Thiên Huế",), "2025:commune:Huế:Phú Xuân", "19753"),
    ("phường B'Lao", None, AFTER, ("Lâm Đồng",), "2025:commune:Lâm Đồng:B'Lao", "24829"),
    ("phường B’Lao", None, AFTER, ("Lâm Đồng",), "2025:commune:Lâm Đồng:B'Lao", "24829"),
    ("xã D’Ran", None, AFTER, ("Lâm Đồng",), "2025:commune:Lâm Đồng:D'Ran", "24934"),
    ("đặc khu Phú Quý", None, AFTER, ("Lâm Đồng",), "2025:commune:Lâm Đồng:Phú Quý", "23272"),
    ("xã Phúc Thọ Lâm Hà", None, AFTER, ("Lâm Đồng",), "2025:commune:Lâm Đồng:Phúc Thọ Lâm Hà", "24907"),
    ("phường Xuân Hương", None, AFTER, ("Lâm Đồng",), "2025:commune:Lâm Đồng:Xuân Hương - Đà Lạt", "24781"),
    ("phường Lang Biang", None, AFTER, ("Lâm Đồng",), "2025:commune:Lâm Đồng:Lang Biang - Đà Lạt", "24846"),
    ("phường Mũi Né", None, AFTER, ("Bình Thuận",), "2025:commune:Lâm Đồng:Mũi Né", "22918"),
    ("phường Bắc Gia Nghĩa", None, AFTER, ("Đắk Nông",), "2025:commune:Lâm Đồng:Bắc Gia Nghĩa", "24611"),
    ("xã Nâm Nung", None, AFTER, ("Lâm Đồng",), "2025:commune:Lâm Đồng:Nâm Nung", "24703"),
    ("xã Đạ Tẻh 2", None, AFTER, ("Lâm Đồng",), "2025:commune:Lâm Đồng:Đạ Tẻh 2", "25138"),
    ("xã Đắk Wil Không", None, AFTER, ("Lâm Đồng",), "2025:commune:Lâm Đồng:Đắk Wil", "24646"),  # a table's next word
]


@pytest.mark.parametrize("written, level, on_date, within, unit_id, code", SPELLINGS)
def test_real_spellings(gazetteer, written, level, on_date, within, unit_id, code):
    beside = [gazetteer.lookup(name) for name in within]
    place = gazetteer.lookup(written, level, on_date=on_date, within=beside)
    assert (place.id, place.code) == (unit_id, code)


def test_the_spelling_table_is_large():
    assert len({written for written, *_ in SPELLINGS}) >= 60


@pytest.mark.parametrize("written, level, on_date, unit_id, code", [
    # a plan issued after 1 July 2025 names the merged province, one before it the old one
    ("tỉnh Gia Lai", None, D("2025-06-30"), "province:Gia Lai:Gia Lai", "64"),
    ("tỉnh Gia Lai", None, MERGED_ON, "2025:province:Gia Lai:Gia Lai", "52"),
    ("Gia Lai", "province", AFTER, "2025:province:Gia Lai:Gia Lai", "52"),
    ("TỈNH LÂM ĐỒNG", None, AFTER, "2025:province:Lâm Đồng:Lâm Đồng", "68"),
    ("Lâm Đồng", "province", BEFORE, "province:Lâm Đồng:Lâm Đồng", "68"),
    ("Tuyên Quang", None, AFTER, "2025:province:Tuyên Quang:Tuyên Quang", "08"),
    ("Lào Cai", None, AFTER, "2025:province:Lào Cai:Lào Cai", "15"),  # the code of Yên Bái, merged into it
    # a province that no longer exists is still the old one on a later page
    ("tỉnh Kon Tum", None, AFTER, "province:Kon Tum:Kon Tum", "62"),
    ("Bình Định", None, AFTER, "province:Bình Định:Bình Định", "52"),
    # "thành phố Huế": the district-level city until 2024, the centrally-run city after
    ("thành phố Huế", None, BEFORE, "district:Thừa Thiên Huế:Huế", "474"),
    ("thành phố Huế", None, D("2025-03-01"), "province:Thừa Thiên Huế:Thừa Thiên Huế", "46"),
    ("thành phố Huế", None, AFTER, "2025:province:Huế:Huế", "46"),
    ("Huế", "district", AFTER, "2025:province:Huế:Huế", "46"),
    ("tỉnh Thừa Thiên Huế", None, BEFORE, "province:Thừa Thiên Huế:Thừa Thiên Huế", "46"),
    # districts ended with the old list: a later page's district is still the old one
    ("huyện Mường La", None, AFTER, "district:Sơn La:Mường La", "120"),
])
def test_lookup_at_a_date(gazetteer, written, level, on_date, unit_id, code):
    place = gazetteer.lookup(written, level, on_date=on_date)
    assert (place.id, place.code) == (unit_id, code)


def test_an_old_commune_has_its_successor(gazetteer):
    ma_noi = gazetteer.lookup("xã Ma Nới", within=[gazetteer.lookup("Ninh Thuận")], on_date=AFTER)
    assert (ma_noi.id, ma_noi.valid_to, ma_noi.parent_id) == ("commune:Ninh Thuận:Ninh Sơn:Ma Nới", D("2025-06-30"), "district:Ninh Thuận:Ninh Sơn")
    assert ma_noi.successor_id == "2025:commune:Khánh Hòa:Anh Dũng"


@pytest.mark.parametrize("written, within", [
    ("xã Ma Nới", ()),  # never by a bare name: communes repeat across the country
    ("xã Ma Nới", ("Sơn La",)),  # not in the province named beside it
    ("xã Tân Thành", ("Lạng Sơn",)),  # three in Lạng Sơn alone
    ("xã Ia Sao", ("Gia Lai",)),  # two in Gia Lai: its district would tell them apart
])
def test_communes_only_in_context(gazetteer, written, within):
    assert gazetteer.lookup(written, within=[gazetteer.lookup(name) for name in within]) is None


@pytest.mark.parametrize("text, found", [
    ("UBND tỉnh Đăk Lăk ban hành", [("Đăk Lăk", "province:Đắk Lắk:Đắk Lắk")]),
    ("tỉnh Bà Rịa-Vũng Tàu", [("Bà Rịa-Vũng Tàu", "province:Bà Rịa - Vũng Tàu:Bà Rịa - Vũng Tàu")]),
    ("tỉnh BR-VT", [("BR-VT", "province:Bà Rịa - Vũng Tàu:Bà Rịa - Vũng Tàu")]),
    ("tỉnh KonTum", [("KonTum", "province:Kon Tum:Kon Tum")]),
    ("tỉnh Đắc Nông", [("Đắc Nông", "province:Đắk Nông:Đắk Nông")]),
    ("tỉnh Hà Tây (cũ)", [("Hà Tây", "province:Hà Nội:Hà Nội")]),
    ("UBND thành phố Huế", [("Huế", "district:Thừa Thiên Huế:Huế")]),  # the plan's date decides later
    ("UBND H. Mù Cang Chải", [("Mù Cang Chải", "district:Yên Bái:Mù Cang Chải")]),
    ("Tp.Phan Rang", [("Phan Rang", "district:Ninh Thuận:Phan Rang - Tháp Chàm")]),
    ("thị xã Kỳ Anh và huyện Kỳ Anh", [("Kỳ Anh", "district:Hà Tĩnh:Kỳ Anh (Thị xã)"), ("Kỳ Anh", "district:Hà Tĩnh:Kỳ Anh (Huyện)")]),
    # either spelling of a final "i"/"y" (the rules' regexes match both)
    ("thị xã Kì Anh", [("Kì Anh", "district:Hà Tĩnh:Kỳ Anh (Thị xã)")]),
    ("huyện Lí Sơn", [("Lí Sơn", "district:Quảng Ngãi:Lý Sơn")]),
    ("UBND xã Hòa Bình ban hành", []),  # a commune's name, not the province
    ("Hội LHPN xã Bình Định Nam (Thăng Bình)", []),
])
def test_find_real_spellings(gazetteer, text, found):
    assert [(text[start:end], place.id) for start, end, place in gazetteer.find(text)] == found


def test_a_plan_is_placed_at_its_date():
    """A plan's date is its issue date, else its page's, else the latest date it cites: a draft
    whose date is left blank but which cites a document of December 2025 is of the merged province."""
    cited = [ReferenceRecord(symbol=s, doc_type="other", issued=d, evidence=Evidence(start=0, end=1, text="x", rule_id="x.v1"))
             for s, d in (("226-KL/TW", D("2025-12-11")), ("202/2025/QH15", D("2025-06-12")), ("x", None))]
    assert place_date(None, None, cited) == D("2025-12-11")
    assert place_date(BEFORE, AFTER, cited) == BEFORE
    assert place_date(None, AFTER, cited) == AFTER
    assert place_date(None, None, []) is None


@pytest.mark.parametrize("text, level, place", [
    ("Ngày 10/3/2023, UBND thành phố Huế ban hành Kế hoạch số 12/KH-UBND. Phấn đấu giảm tỷ lệ hộ nghèo xuống 1%.",
     "district", "Huế"),
    ("Ngày 10/3/2026, UBND thành phố Huế ban hành Kế hoạch số 12/KH-UBND. Phấn đấu giảm tỷ lệ hộ nghèo xuống 1%.",
     "province", "Huế"),
    ("Ngày 10/3/2026, UBND thành phố Sơn La ban hành Kế hoạch số 12/KH-UBND. Phấn đấu giảm tỷ lệ hộ nghèo xuống 1%.",
     "district", "Sơn La"),
])
def test_a_city_plan_has_the_level_of_its_date(text, level, place):
    plan = extract_text(text).plan
    assert (plan.issuer_level, plan.place) == (level, place)
