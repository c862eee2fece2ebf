"""Vietnamese quantities, read the way a careful reader does. Snippets are real phrasings from
the seed and dev-set pages and the shared real documents."""

from pathlib import Path

import pytest

from extractor.models import NumberRules
from extractor.numbers import QuantityReader, parse_number
from extractor.rules import RULES_DIR, load_rule_file


@pytest.fixture(scope="module")
def reader():
    return QuantityReader(load_rule_file(RULES_DIR / "numbers.yaml", NumberRules))


@pytest.mark.parametrize("text, value", [
    ("18,66", 18.66), ("25.000", 25000), ("1.587.166", 1587166), ("02", 2), ("1.587,5", 1587.5),
    ("0,77", 0.77), ("4.990", 4990), ("13.003", 13003), ("100", 100), ("1,8", 1.8), ("0,2", 0.2),
    ("278,3", 278.3), ("20.411", 20411), ("1.5", 1.5), ("12190", 12190), ("05", 5),
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


def q(low, high=None, bound="exact", unit="percent", per_year=False):
    return (low, low if high is None else high, bound, unit, per_year)


CASES = [
    # decimal comma, levels, bounds
    ("Giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%", [q(18.66)]),
    ("giảm tỷ lệ hộ nghèo dân tộc thiểu số trên 3%", [q(3, bound="at_least")]),
    ("giảm tỷ lệ hộ nghèo của các huyện nghèo từ 4 - 5%", [q(4, 5)]),
    ("Hỗ trợ kết nối việc làm thành công cho khoảng 25.000 lao động", [q(25000, bound="approx", unit="workers")]),
    ("trong đó có trên 50% người lao động thuộc hộ nghèo", [q(50, bound="at_least")]),
    ("Hỗ trợ đào tạo 4.000 người lao động thuộc các huyện nghèo", [q(4000, unit="workers")]),
    ("hỗ trợ 40 lao động thuộc các huyện nghèo đi làm việc ở nước ngoài", [q(40, unit="workers")]),
    ("phấn đấu giảm 50% số hộ cận nghèo so với đầu kỳ", [q(50)]),
    ("nhân rộng khoảng 300 mô hình giảm nghèo", [q(300, bound="approx", unit="models")]),
    ("Phấn đấu giảm tỷ lệ hộ nghèo toàn tỉnh 1,58 - 1,60%", [q(1.58, 1.6)]),
    ("riêng tỷ lệ hộ nghèo các huyện miền núi giảm 6 - 7 % theo chuẩn", [q(6, 7)]),
    ("nhân rộng trên 20 mô hình giảm nghèo", [q(20, bound="at_least", unit="models")]),
    ("xây dựng và phê duyệt trên 200 dự án hỗ trợ phát triển sản xuất", [q(200, bound="at_least", unit="projects")]),
    ("Giảm tỷ lệ hộ nghèo bình quân từ 2%-2,5%/năm", [q(2, 2.5, per_year=True)]),
    ("giảm bình quân từ 4%-5% trở lên", [q(4, 5, bound="at_least")]),
    ("Tỷ lệ hộ nghèo dân tộc thiểu số giảm trên 3%/năm", [q(3, bound="at_least", per_year=True)]),
    ("số hộ nghèo đến cuối năm 2023 còn 18.311 hộ (giảm 1.970 hộ)", [q(18311, unit="households"), q(1970, unit="households")]),
    ("Triển khai tối thiểu 02 dự án giảm nghèo liên kết theo chuỗi giá trị", [q(2, bound="at_least", unit="projects")]),
    ("tối thiểu 500 người lao động thuộc hộ nghèo", [q(500, bound="at_least", unit="workers")]),
    ("có khoảng 50 lao động đi làm việc ở nước ngoài", [q(50, bound="approx", unit="workers")]),
    ("ít nhất 80% hộ gia đình có người đi làm việc ở nước ngoài", [q(80, bound="at_least")]),
    ("Hỗ trợ khoảng 10 người lao động tham gia các khóa đào tạo", [q(10, bound="approx", unit="workers")]),
    ("Tỷ lệ hộ nghèo chung toàn thành phố giảm còn 0,77% (giảm từ 15 đến 20% tổng số hộ nghèo)", [q(0.77), q(15, 20)]),
    ("Tỷ lệ lao động qua đào tạo được cấp chứng chỉ đào tạo trở lên đạt 50,7%", [q(50.7)]),
    ("tỷ lệ trẻ em dưới 1 tuổi được tiêm đầy đủ các loại vacxin đạt trên 95%", [q(95, bound="at_least")]),
    ("tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng giảm còn 9,5%", [q(9.5)]),
    ("79,1% số trường trên địa bàn thành phố đạt chuẩn quốc gia", [q(79.1)]),
    ("100 % trạm y tế có bác sỹ", [q(100)]),
    ("Hỗ trợ phương tiện nghe, xem (Radio) cho 91 hộ nghèo", [q(91, unit="households")]),
    ("ít nhất 63,5% hộ nghèo, hộ cận nghèo sử dụng nhà tiêu hợp vệ sinh", [q(63.5, bound="at_least")]),
    # dev-set phrasings
    ("Xây dựng 20 xã, phường, thị trấn không có hộ nghèo", [q(20, unit="communes")]),
    ("Tỷ lệ hộ nghèo giảm 3,3% (giảm 7.219 hộ)", [q(3.3), q(7219, unit="households")]),
    ("tỷ lệ hộ nghèo cuối năm 2024 còn 5,86% (13.003 hộ)", [q(5.86), q(13003, unit="households")]),
    ("giảm nghèo đa chiều với tỉ lệ 1,8%/năm", [q(1.8, per_year=True)]),
    ("7.928 hộ thoát nghèo và cận nghèo", [q(7928, unit="households")]),
    ("giảm 260 hộ nghèo, cận nghèo", [q(260, unit="households")]),
    ("Dự kiến tỷ lệ hộ nghèo của tỉnh dưới 0,7%", [q(0.7, bound="at_most")]),
    ("giảm từ 3%/năm - 4%/năm", [q(3, 4, per_year=True)]),
    ("hỗ trợ xây dựng nhà ở cho 3.379 hộ nghèo, cận nghèo", [q(3379, unit="households")]),
    ("giảm tỷ lệ hộ nghèo toàn tỉnh dưới 1%", [q(1, bound="at_most")]),
    ("vùng dân tộc thiểu số giảm 3% trở lên", [q(3, bound="at_least")]),
    ("mỗi năm giảm 0,6 - 1,0% tỷ lệ hộ nghèo", [q(0.6, 1.0)]),
    ("tốc độ tăng trưởng bình quân hằng năm đạt 12%", [q(12)]),
    ("thu nhập bình quân đầu người đến năm 2020 đạt từ 15 – 18 triệu đồng/năm", [q(15e6, 18e6, unit="vnd")]),
    ("đạt 16/19 tiêu chí nông thôn mới", [q(16, unit="other")]),
    ("bình quân mỗi năm giảm từ 4 – 7%", [q(4, 7)]),
    ("Giải quyết việc làm cho 150 – 200 lao động hằng năm", [q(150, 200, unit="workers")]),
    ("toàn tỉnh giảm từ 3% trở lên", [q(3, bound="at_least")]),
    ("số hộ giảm trên 4.990 hộ", [q(4990, bound="at_least", unit="households")]),
    ("tỷ lệ hộ nghèo đồng bào DTTS giảm từ 3%", [q(3, bound="at_least")]),
    ("đào tạo nghề cho trên 24 nghìn người", [q(24000, bound="at_least", unit="persons")]),
    ("thu nhập bình quân của đồng bào Khmer đạt 80 triệu đồng/người/năm", [q(80e6, unit="vnd")]),
    ("tỷ lệ hộ nghèo hàng năm giảm ít nhất 0,5%", [q(0.5, bound="at_least")]),
    ("đến cuối năm 2025 còn không quá 1%", [q(1, bound="at_most")]),
    ("Đào tạo nghề hàng năm cho 4.000 người thuộc hộ nghèo", [q(4000, unit="persons")]),
    ("hơn 1.200 hộ là đồng bào dân tộc thiểu số", [q(1200, bound="at_least", unit="households")]),
    ("Hỗ trợ xây dựng, nhân rộng 150 mô hình, dự án giảm nghèo", [q(150, unit="models")]),
    ("có 74 xã đạt chuẩn nông thôn mới", [q(74, unit="communes")]),
    ("3 đơn vị cấp huyện đạt nông thôn mới", [q(3, unit="other")]),
    ("tăng ít nhất là 1,8 lần so với năm 2020", [q(1.8, bound="at_least", unit="other")]),
    ("(tương đương 30,9 triệu đồng/người/năm)", [q(30.9e6, unit="vnd")]),
    ("Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo (ít nhất 6.000 hộ)", [q(6000, bound="at_least", unit="households")]),
    ("giảm 1/2 số hộ nghèo so với cuối năm 2021", [q(50)]),
    ("hàng năm giảm 15%/tổng số hộ nghèo đa chiều", [q(15)]),
    ("Giảm từ 25-30% số hộ nghèo hàng năm", [q(25, 30)]),
    ("xuống còn 1.339 hộ", [q(1339, unit="households")]),
    ("có 11 quận và 4 huyện không còn hộ nghèo", [q(11, unit="other"), q(4, unit="other")]),
    ("tỷ lệ hộ nghèo của thành phố dưới 1,2%", [q(1.2, bound="at_most")]),
    ("vận động Quỹ Vì người nghèo đạt ít nhất 100 tỷ đồng", [q(100e9, bound="at_least", unit="vnd")]),
    ("giảm trên 2.000 hộ nghèo", [q(2000, bound="at_least", unit="households")]),
    ("giảm trên 2 ngàn hộ nghèo", [q(2000, bound="at_least", unit="households")]),
    ("tỷ lệ giảm hộ nghèo đa chiều bình quân hằng năm đạt 3 - 5%", [q(3, 5)]),
    ("thêm 7 xã đạt chuẩn nông thôn mới", [q(7, unit="communes")]),
    ("nâng tiêu chí NTM bình quân toàn tỉnh đạt trên 12 tiêu chí/xã", [q(12, bound="at_least", unit="other")]),
    ("giảm 10% số hộ cận nghèo hàng năm", [q(10)]),
    ("ít nhất 6/12 xã thoát khỏi tình trạng đặc biệt khó khăn", [q(6, bound="at_least", unit="communes")]),
    ("giảm 2/3 số hộ nghèo", [q(200 / 3)]),
    ("một nửa số hộ nghèo thoát nghèo", [q(50)]),
    ("tất cả cán bộ làm công tác giảm nghèo được bồi dưỡng", [q(100)]),
    ("tổng kinh phí dự kiến là 1.587.166 triệu đồng", [q(1587166e6, unit="vnd")]),
    ("ít nhất khoảng 30% số hộ", [q(30, bound="at_least")]),
    ("khoảng từ 4-5%", [q(4, 5, bound="approx")]),
    ("tỷ lệ hộ tái nghèo 1% trở xuống", [q(1, bound="at_most")]),
    ("gần 5.000 hộ nghèo", [q(5000, bound="approx", unit="households")]),
    ("tối đa 2% hộ tái nghèo", [q(2, bound="at_most")]),
    ("24%1 của cả nước", [q(24)]),  # a footnote digit glued to a value
    # not quantities: dates, symbols, ages, durations, years, phones, counters, programme names
    ("trẻ em dưới 16 tuổi", []),
    ("hộ mới thoát nghèo (trong vòng 36 tháng kể từ thời điểm)", []),
    ("Nghị quyết số 20-NQ/TU ngày 21.12.2021", []),
    ("giai đoạn 2021-2025, năm 2023", []),
    ("Đường dây nóng: 02163.818.555", []),
    ("Lượt xem: 198", []),
    ("Chương trình 135 và Dự án 1", []),
    ("Nghị quyết Đại hội tỉnh Đảng bộ Sơn La lần thứ XV", []),
    ("Thứ Sáu, 18/03/2022 18:05", []),
    ("1.000 ngày đầu đời", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_quantities(reader, text, expected):
    found = [(x.value_min, x.value_max, x.bound, x.unit, x.per_year_suffix) for x in reader.find(text)]
    assert len(found) == len(expected), found
    for got, want in zip(found, expected):
        assert got[0] == pytest.approx(want[0]) and got[1] == pytest.approx(want[1]), found
        assert got[2:] == want[2:], found


def test_dates_and_symbols_are_excluded_by_span(reader):
    text = "Kế hoạch số 199/KH-UBND ngày 02/8/2022: giảm 1/2 số hộ nghèo"
    exclude = [(text.index("199"), text.index("199") + 11), (text.index("02/8"), text.index("02/8") + 9)]
    assert [(x.value_min, x.unit) for x in reader.find(text, exclude)] == [(50.0, "percent")]


def test_at_least_80_phrasings():
    assert len(CASES) >= 80
