"""Vietnamese quantities, read the way a careful reader does.

Two tables drive `QuantityReader.find`:

* REAL_CASES: short snippets copied verbatim from the seed pages, the wild pages and the shared
  real documents (`test_real_snippets_are_verbatim` checks that against ../shared). The dev set is
  for measuring only, so it is not a source: a "# wNNN" note names the wild page a row is from.
* SPEC_CASES: the few phrasings the spec and the rule file name that none of those documents
  happens to contain ("6/12 xã", "một nửa", "24%1", "khoảng từ 4-5%", ...).

Each row is (text, [(value_min, value_max, bound, unit, per_year_suffix), ...]) and the reader's
output must equal it exactly, in order. Text goes through `normalise` first, as in the pipeline
("Kế_hoạch" in word-segmented corpora becomes "Kế hoạch"). `per_year_suffix` is the reader's
"/năm" suffix flag only: "mỗi năm", "hằng năm" are cues for the targets pass, not for the reader,
and an income unit ("triệu đồng/người/năm", "triệu đồng/năm") is never a yearly rate.
"""

from __future__ import annotations

import html
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest

from chitieu.models import NumberRules
from chitieu.numbers import QuantityReader, parse_number
from chitieu.rules import RULES_DIR, load_rule_file
from chitieu.text import normalise

from .conftest import shared_path

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reader():
    return QuantityReader(load_rule_file(RULES_DIR / "numbers.yaml", NumberRules))


# ---------------------------------------------------------------------- parse_number

PARSE_CASES = [
    ("18,66", 18.66),  # decimal comma
    ("25.000", 25000),  # thousands dot
    ("1.587.166", 1587166),
    ("02", 2),  # leading zero
    ("05", 5),
    ("06", 6),
    ("1.587,5", 1587.5),  # both marks
    ("0,77", 0.77),
    ("0,5", 0.5),
    ("4.990", 4990),
    ("13.003", 13003),
    ("100", 100),
    ("1,8", 1.8),
    ("278,3", 278.3),
    ("20.411", 20411),
    ("181.603", 181603),
    ("2.200.000", 2200000),
    ("12190", 12190),
    ("13,5", 13.5),
    ("1,0", 1.0),
    ("75.000", 75000),
    (" 24,4 ", 24.4),  # surrounding spaces
]


@pytest.mark.parametrize("text, value", PARSE_CASES)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


# ---------------------------------------------------------------------- quantities


def q(low, high=None, bound="exact", unit="percent", per_year=False):
    return (low, low if high is None else high, bound, unit, per_year)


REAL_CASES = [
    # --- decimal comma, plain levels
    ("Giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%", [q(18.66)]),
    ("Tỷ lệ lao động qua đào tạo được cấp chứng chỉ đào tạo trở lên đạt 50,7%", [q(50.7)]),
    ("tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng giảm còn 9,5%", [q(9.5)]),
    ("79,1% số trường trên địa bàn thành phố đạt chuẩn quốc gia", [q(79.1)]),
    ("100 % trạm y tế có bác sỹ", [q(100)]),
    ("phấn đấu giảm 50% số hộ cận nghèo so với đầu kỳ", [q(50)]),
    ("theo Bộ tiêu chí thôn đạt chuẩn nông thôn mới, chiếm tỷ lệ 53%", [q(53)]),  # w065
    ("tuổi thọ trung bình đạt 75 tuổi", [q(75, unit="other")]),  # w064
    # farms are counted
    ("trong đó: 15 trang trại, 55 gia trại", [q(15, unit="other"), q(55, unit="other")]),  # w153
    # a job fair's sessions are counted
    ("cũng đã tổ chức được 46 phiên giao dịch việc làm", [q(46, unit="other")]),  # w138
    # a village by any of its legal regional names is counted
    ("(trong đó 486 thôn, 121 bon, 18 buôn, 9 bản, 79 tổ dân phố)", [q(v, unit="other") for v in (486, 121, 18, 9, 79)]),  # w302
    ("quyết định công nhận được từ 2-3 khu dân cư kiểu mẫu", [q(2, 3, unit="other")]),  # w065
    # ... "xóm" in the northern provinces: a share of a count of them is that count (annotation rule 6)
    ("215/264 xóm, tổ dân phố có nhà văn hóa", [q(215, unit="other")]),  # w291
    ("Tỷ lệ hộ nghèo giảm xuống còn 2,27%", [q(2.27)]),  # w147
    ("Hộ cận nghèo chiếm 11,9% (tương đương với 715 hộ)", [q(11.9), q(715, unit="households")]),  # w052
    ("tỷ lệ hộ nghèo đa chiều toàn tỉnh năm 2024 giảm 6,26%, tương đương với 11.710 hộ",  # w001
     [q(6.26), q(11710, unit="households")]),
    ("số hộ nghèo đến cuối năm 2023 còn 18.311 hộ (giảm 1.970 hộ)",
     [q(18311, unit="households"), q(1970, unit="households")]),
    ("Tốc độ tăng tổng thu ngân sách Nhà nước trên địa bàn bình quân hằng năm đạt 10%", [q(10)]),  # w169
    ("Tỷ lệ hồ sơ giải quyết đúng hẹn toàn tỉnh đạt 97,4% (chỉ tiêu đề ra là tối thiểu 98%)",
     [q(97.4), q(98, bound="at_least")]),
    # --- ranges: "-", "–", spaced, "%-%", "từ ... đến", "%/năm - %/năm"
    ("Phấn đấu giảm tỷ lệ hộ nghèo toàn tỉnh 1,58 - 1,60%", [q(1.58, 1.6)]),
    ("riêng tỷ lệ hộ nghèo các huyện miền núi giảm 6 - 7 % theo chuẩn", [q(6, 7)]),
    ("giảm tỷ lệ hộ nghèo của các huyện nghèo từ 4 - 5%", [q(4, 5)]),
    ("Giá trị tăng thêm khu vực nông, lâm, ngư nghiệp: 2,5 - 2,9%", [q(2.5, 2.9)]),  # w143
    ("Bình quân mỗi năm giảm được 3 - 5% hộ nghèo", [q(3, 5)]),  # w155
    ("vùng dân tộc và miền núi giảm khoảng 3 – 4%", [q(3, 4, bound="approx")]),  # w004
    ("có từ 2 – 3 xã đạt chuẩn nông thôn mới", [q(2, 3, unit="communes")]),  # w115
    ("tỷ lệ tăng doanh nghiệp tư nhân từ 20-30%", [q(20, 30)]),  # w255
    ("Tỷ lệ hộ nghèo trong đồng bào DTTS mỗi năm giảm từ 1,5-2%", [q(1.5, 2)]),  # w242
    ("lượng phát thải khí nhà kính giảm 8-9%", [q(8, 9)]),  # w058
    ("60-70 % ấp , khu_phố văn_hoá", [q(60, 70)]),
    ("tỷ_lệ huy_động GDP vào ngân_sách : 10-10,5 %", [q(10, 10.5)]),
    ("Tỷ lệ hộ nghèo chung toàn thành phố giảm còn 0,77% (giảm từ 15 đến 20% tổng số hộ nghèo)",
     [q(0.77), q(15, 20)]),
    ("a) Có từ 20% đến 30% dân số là người dân tộc thiểu số được tính 1 điểm", [q(20, 30)]),
    ("tạo việc làm mới cho 1.500 – 1.800 lao động", [q(1500, 1800, unit="workers")]),  # w290
    ("Mỗi năm có từ 3 - 5 hộ gia đình đạt tiêu chí trang trại", [q(3, 5, unit="households")]),  # w155
    ("Thu nhập bình quân đầu người từ 50-60 triệu đồng/người/năm", [q(50e6, 60e6, unit="vnd")]),  # w101
    ("GRDP bình quân đầu người đạt khoảng 220–230 triệu đồng", [q(220e6, 230e6, bound="approx", unit="vnd")]),  # w071
    ("Thu nhập bình quân đầu người năm 2020 ước đạt 50,1 triệu đồng/năm", [q(50.1e6, unit="vnd")]),  # w021
    # (a range written from the high end: no real page has one, see SPEC_CASES)
    # --- per-year suffix "/năm" (and "% / năm" spaced)
    ("Giảm tỷ lệ hộ nghèo bình quân từ 2%-2,5%/năm", [q(2, 2.5, per_year=True)]),
    ("phấn đấu giảm tỷ lệ nghèo đa chiều ở các huyện này từ 6% - 7%/năm", [q(6, 7, per_year=True)]),  # w113
    ("Tỷ lệ hộ nghèo của xã Khun Há giảm bình quân 6,7%/năm", [q(6.7, per_year=True)]),  # w169
    ("phấn đấu giảm tỷ lệ hộ nghèo bình quân 3%/năm", [q(3, per_year=True)]),  # w044
    ("Tỷ lệ hộ nghèo dân tộc thiểu số giảm trên 3%/năm", [q(3, bound="at_least", per_year=True)]),
    ("Bắc Kạn phấn đấu giảm tỷ lệ hộ nghèo trên 2,5%/năm", [q(2.5, bound="at_least", per_year=True)]),  # w039
    ("đạt bình quân từ 11%/năm trở lên", [q(11, bound="at_least", per_year=True)]),  # w255
    # ... or after the bound that follows the number
    ("7 huyện nghèo giảm từ 6% trở lên/năm", [q(7, unit="other"), q(6, bound="at_least", per_year=True)]),  # w001
    ("phát triển từ 10 đảng viên trở lên/năm", [q(10, bound="at_least", unit="persons", per_year=True)]),  # w148
    ("tỷ lệ này giảm còn 10,35%, bình quân giảm 2,29%/năm", [q(10.35), q(2.29, per_year=True)]),  # w265
    ("GDP bình_quân 5 năm 2011-2015 đạt 13-13,5 % / năm", [q(13, 13.5, per_year=True)]),
    ("lãi_suất 3 % / năm", [q(3, per_year=True)]),
    ("thu ngân sách tăng bình quân 8-10% mỗi năm", [q(8, 10)]),  # w154: a cue, not a suffix
    # ("%/tổng số", not "/năm": no real page has one, see SPEC_CASES)
    # --- a four-digit count that reads like a year: whom it is for makes it a count
    ("đào tạo nghề ngắn hạn cho 2000 người", [q(2000, unit="persons")]),  # w314
    # --- bounds before the number
    ("giảm tỷ lệ hộ nghèo dân tộc thiểu số trên 3%", [q(3, bound="at_least")]),
    ("trong đó có trên 50% người lao động thuộc hộ nghèo", [q(50, bound="at_least")]),
    ("tỷ lệ trẻ em dưới 1 tuổi được tiêm đầy đủ các loại vacxin đạt trên 95%", [q(95, bound="at_least")]),
    ("nhân rộng trên 20 mô hình giảm nghèo", [q(20, bound="at_least", unit="models")]),
    ("xây dựng và phê duyệt trên 200 dự án hỗ trợ phát triển sản xuất",
     [q(200, bound="at_least", unit="projects")]),
    ("toàn tỉnh có trên 11,7 nghìn hộ thoát nghèo đa chiều", [q(11700, bound="at_least", unit="households")]),  # w001
    ("Nghệ An đưa hơn 24 nghìn người lao động đi làm việc ở nước ngoài",  # w138
     [q(24000, bound="at_least", unit="workers")]),
    ("Bắc Kạn phấn đấu giảm hơn 1.800 hộ nghèo trong năm 2024", [q(1800, bound="at_least", unit="households")]),  # w038
    ("đạt khoảng 8.500 USD (khoảng hơn 224 triệu đồng)",  # w287
     [q(8500, bound="approx", unit="other"), q(224e6, bound="at_least", unit="vnd")]),
    ("tổng sản lượng lương thực trên 33 ngàn tấn", [q(33000, bound="at_least", unit="other")]),  # w289
    ("đồng bào DTTS có hơn 47.600 hộ, 221.000 người, chiếm tỷ lệ gần 32% so với dân số toàn tỉnh",  # w302
     [q(47600, bound="at_least", unit="households"), q(221000, unit="persons"), q(32, bound="approx")]),
    ("nguồn vốn thuộc Chương trình mục tiêu quốc gia đạt trên 127,4 tỷ đồng",  # w167
     [q(127.4e9, bound="at_least", unit="vnd")]),
    ("tổng thu ngân sách trên địa bàn hơn 10 tỉ đồng", [q(10e9, bound="at_least", unit="vnd")]),  # w307
    ("Tổng giá trị công nghiệp - xây dựng hơn 4.213 tỷ đồng", [q(4213e9, bound="at_least", unit="vnd")]),  # w122
    ("quy mô hộ nghèo và hộ cận nghèo đa chiều cuối kỳ giảm ít nhất 60% so với đầu kỳ",  # w113
     [q(60, bound="at_least")]),
    ("ít nhất 80% hộ gia đình có người đi làm việc ở nước ngoài", [q(80, bound="at_least")]),
    ("ít nhất 63,5% hộ nghèo, hộ cận nghèo sử dụng nhà tiêu hợp vệ sinh", [q(63.5, bound="at_least")]),
    ("phấn đấu cả nước có ít nhất 80% số xã đạt chuẩn nông thôn mới", [q(80, bound="at_least")]),  # w209
    ("có ít nhất 10.000 sản phẩm OCOP từ 3 sao trở lên", [q(10000, bound="at_least", unit="other")]),  # w139
    ("Địa phương phấn đấu năm 2019 giảm 250 hộ nghèo trở lên", [q(250, bound="at_least", unit="households")]),  # w293
    ("Tổng nguồn vốn thực hiện Chương trình tối thiểu là 75.000 tỷ đồng",  # w009
     [q(75000e9, bound="at_least", unit="vnd")]),
    ("thu nhập bình quân của người dân nông thôn tăng ít nhất 1,5 lần so với năm 2020",  # w209
     [q(1.5, bound="at_least", unit="other")]),
    ("- Triển khai tối thiểu 02 dự án giảm nghèo liên kết theo chuỗi giá trị",
     [q(2, bound="at_least", unit="projects")]),
    ("tối thiểu 500 người lao động thuộc hộ nghèo", [q(500, bound="at_least", unit="workers")]),
    ("Tỉnh yêu cầu triển khai tối thiểu 10 dự án giảm nghèo liên kết theo chuỗi giá trị",  # w038
     [q(10, bound="at_least", unit="projects")]),
    ("Xây dựng ít nhất 1 trường chuẩn quốc gia", [q(1, bound="at_least", unit="schools")]),  # w262
    ("tỷ lệ hộ nghèo theo chuẩn đa chiều dưới 0,2% vào năm 2030", [q(0.2, bound="at_most")]),  # w176
    ("Tốc độ tăng dân số bình quân hằng năm dưới 1%", [q(1, bound="at_most")]),  # w023
    ("duy trì tỷ lệ thất nghiệp khu vực thành thị dưới 2,1%", [q(2.1, bound="at_most")]),  # w137
    ("cận nghèo theo chuẩn nghèo giai đoạn 2016 - 2020 dưới 35%, trong đó tỷ lệ hộ nghèo dưới 20%",  # w296
     [q(35, bound="at_most"), q(20, bound="at_most")]),
    ("Hỗ trợ kết nối việc làm thành công cho khoảng 25.000 lao động", [q(25000, bound="approx", unit="workers")]),
    ("nhân rộng khoảng 300 mô hình giảm nghèo", [q(300, bound="approx", unit="models")]),
    ("có khoảng 50 lao động đi làm việc ở nước ngoài", [q(50, bound="approx", unit="workers")]),
    ("Hỗ trợ khoảng 10 người lao động tham gia các khóa đào tạo", [q(10, bound="approx", unit="workers")]),
    ("Hỗ trợ khoảng 200 hộ nghèo, hộ cận nghèo", [q(200, bound="approx", unit="households")]),
    ("phấn đấu cả nước có khoảng 65% số xã đạt chuẩn nông thôn mới", [q(65, bound="approx")]),  # w260
    ("đang phục vụ khoảng 2.000 người dùng thường xuyên và 200 người dùng vãng lai",
     [q(2000, bound="approx", unit="persons"), q(200, unit="persons")]),
    ("(đạt gần 102% so với kế hoạch, tăng gần 10,4% so cùng kỳ)",  # w174
     [q(102, bound="approx"), q(10.4, bound="approx")]),
    ("Bắc Trà My đã giảm được gần 1.000 hộ nghèo", [q(1000, bound="approx", unit="households")]),  # w294
    ("trên địa bàn tỉnh Đắk Lắk có gần 81.590 hộ nghèo, chiếm 19,37% tổng số hộ",  # w300
     [q(81590, bound="approx", unit="households"), q(19.37)]),
    ("Thu ngân sách nhà nước trên địa bàn đạt gần 510 tỷ đồng", [q(510e9, bound="approx", unit="vnd")]),  # w277
    # --- "từ N%" alone is a floor; "trở lên" / "trở xuống" after the number
    ("Phấn đấu hằng năm có từ 80% tổ chức cơ sở Đảng hoàn thành tốt nhiệm vụ", [q(80, bound="at_least")]),  # w025
    ("giảm tỷ lệ hộ nghèo đồng bào dân tộc thiểu số bình quân từ 3% trở lên hộ nghèo",  # w208
     [q(3, bound="at_least")]),
    ("tỷ lệ hộ nghèo giảm 1,17% trở lên", [q(1.17, bound="at_least")]),  # w158
    ("giảm bình quân từ 4%-5% trở lên", [q(4, 5, bound="at_least")]),
    ("tăng trưởng GDP cả nước năm 2026 phấn đấu từ 10% trở lên", [q(10, bound="at_least")]),  # w319
    # "từ N ... trở xuống": the word after says which way "từ" opens, past a "/người/tháng"
    ("tiết các khoản thu phân chia về ngân sách trung ương từ 10% trở xuống", [q(10, bound="at_most")]),
    ("có thu nhập bình quân đầu người từ 2.200.000 đồng/người/tháng trở xuống",
     [q(2.2e6, bound="at_most", unit="vnd")]),
    ("a) Tỉnh từ 2.000.000 người trở xuống được tính 10 điểm", [q(2e6, bound="at_most", unit="persons")]),
    # "từ A xuống còn B": A is a starting value, not a floor; "đến từ" (coming from) is no bound
    ("giảm tỷ lệ hộ nghèo từ 5,98% xuống còn 4,92%", [q(5.98), q(4.92)]),  # w273
    ("tỷ lệ hộ nghèo cả nước đã giảm từ 22% năm 2005 xuống còn 9,45% năm 2010", [q(22), q(9.45)]),  # w045
    ("mẫu giáo 5 tuổi tăng từ 71,3% lên 93,7% (tăng 22,4%)", [q(71.3), q(93.7), q(22.4)]),  # w238
    ("hơn 1.000 đại biểu đến từ 124 xã, phường, đặc khu", [q(124, unit="communes")]),
    # --- units
    ("Hỗ trợ đào tạo 4.000 người lao động thuộc các huyện nghèo", [q(4000, unit="workers")]),
    ("hỗ trợ 40 lao động thuộc các huyện nghèo đi làm việc ở nước ngoài", [q(40, unit="workers")]),
    ("Đào tạo nghề cho 500 người; tạo việc làm mới cho 500 lao động địa phương",  # w262
     [q(500, unit="persons"), q(500, unit="workers")]),
    ("Khánh Hòa có 72.782 người dân là đồng bào DTTS, chiếm 5,61% số dân toàn tỉnh",  # w257
     [q(72782, unit="persons"), q(5.61)]),
    ("Hỗ trợ phương tiện nghe, xem (Radio) cho 91 hộ nghèo", [q(91, unit="households")]),
    ("năm 2016 có 7.016 hộ thoát nghèo", [q(7016, unit="households")]),  # w054
    ("Năm 2024, Nam Giang giảm 693 hộ nghèo", [q(693, unit="households")]),  # w122
    ("cho 1.701 hộ nghèo và 410 hộ cận nghèo", [q(1701, unit="households"), q(410, unit="households")]),  # w265
    ("phấn đấu giảm tỷ lệ hộ nghèo cuối năm xuống còn 431 hộ", [q(431, unit="households")]),  # w288
    ("toàn tỉnh có 66.673 hộ nghèo (chiếm 7,8%) và 56.289 hộ cận nghèo (chiếm 6,59%)",  # w265
     [q(66673, unit="households"), q(7.8), q(56289, unit="households"), q(6.59)]),
    ("đã hỗ trợ 9.832 hộ gia đình tham gia thực hiện 107 mô hình, dự án",  # w163
     [q(9832, unit="households"), q(107, unit="models")]),
    ("xây dựng mới 1.077 mô hình sản xuất kinh doanh", [q(1077, unit="models")]),  # w289
    ("UBND tỉnh đã chỉ đạo triển khai thí điểm 05 mô hình, sáng kiến cải cách hành chính",
     [q(5, unit="models")]),
    ("Toàn tỉnh có 106 xã, phường, thị trấn", [q(106, unit="communes")]),  # w095
    ("Năm 2022, toàn tỉnh phấn đấu có thêm 10 xã đạt chuẩn nông thôn mới (NTM)", [q(10, unit="communes")]),  # w070
    # a congress's number, its term and a meeting's length count nothing (w306)
    ("Đại hội đại biểu Đảng bộ tỉnh Lào Cai lần thứ 14 nhiệm kỳ 2010 - 2015 đã bế mạc sau 3 ngày làm việc", []),
    ("Tỉnh có thêm 20 xã đạt chuẩn nông thôn mới nâng cao, 10 xã đạt chuẩn nông thôn mới kiểu mẫu",  # w076
     [q(20, unit="communes"), q(10, unit="communes")]),
    ("trên 65% số xã đạt chuẩn nông thôn mới và có ít nhất 4 đơn vị cấp huyện đạt chuẩn nông thôn mới",  # w210
     [q(65, bound="at_least"), q(4, bound="at_least", unit="other")]),
    ("có thêm 03 huyện đạt chuẩn Nông thôn mới, tăng thêm 2 huyện so với hiện tại",  # w297
     [q(3, unit="other"), q(2, unit="other")]),
    ("đã có 22 huyện, 125 xã, 1.298 thôn, bản ra khỏi tình trạng ĐBKK",  # w179
     [q(22, unit="other"), q(125, unit="communes"), q(1298, unit="other")]),
    ("Đến nay Tam Thăng đã hoàn thành 11/19 tiêu chí nông thôn mới", [q(11, unit="other")]),  # w181
    ("Năng suất bình quân hàng năm: 50tạ/ha", [q(50, unit="other")]),  # w153: a yield in quintals
    # turns counted bare, as "lần" is (w062; Hà Tĩnh 1740's scan); a page's view counter counts nothing (w101)
    ("toàn tỉnh đón tổng lượt khách du lịch có lưu trú đạt 5.500.000 lượt", [q(5500000, unit="other")]),
    ("648 lượt xem", []),
    ("20 xã biên giới phấn đấu đạt bình quân từ 11,5-12 tiêu chí/xã",  # w065
     [q(20, unit="communes"), q(11.5, 12, unit="other")]),
    ("nuôi trồng thủy sản 92,87 ha", [q(92.87, unit="other")]),  # w151
    ("thủ trưởng các sở, ban, ngành, đơn vị và 342 doanh nghiệp", [q(342, unit="other")]),
    ("là 82 lớp, đã tổ chức 06 lớp", [q(82, unit="other"), q(6, unit="other")]),
    ("Đến nay, tỉnh đã hoàn thành 33/33 lớp bồi dưỡng đề ra theo kế hoạch (đạt 100%)",
     [q(33, unit="other"), q(100)]),
    ("7/7 ấp có nhà văn hóa bảo đảm cho sinh hoạt của người dân", [q(7, unit="other")]),  # w267: a village is no commune
    ("đến nay, huyện có 8/10 xã đạt chuẩn NTM", [q(8, unit="communes")]),  # w164
    ("Trung tâm Phục vụ hành chính công tại 124/124 xã, phường, đặc khu", [q(124, unit="communes")]),
    ("phủ sóng đến 100% xã, phường, đặc khu", [q(100)]),
    ("97% trẻ em 6 tuổi vào học lớp 1", [q(97)]),  # w092
    ("xuất_khẩu gấp 2 lần năm 2010", [q(2, unit="other")]),
    ("với mục tiêu đến năm 2025 là giảm 1/2 số hộ nghèo và hộ cận nghèo so với đầu kỳ", [q(50)]),  # w010
    ("tất cả Chi bộ trực thuộc đều hoàn thành tốt nhiệm vụ", [q(100)]),  # w024
    ("Tất cả các TTHC đều được công bố kịp thời, đúng quy định", [q(100)]),  # Lâm Đồng BC CCHC 2025
    # --- money: scale words, full VND, income units are not yearly rates
    ("thu nhập bình quân đầu người đến năm 2025 đạt 108 triệu đồng/người/năm", [q(108e6, unit="vnd")]),  # w098
    ("Thu nhập bình quân đầu người đạt 36,3 triệu đồng/người/năm", [q(36.3e6, unit="vnd")]),  # w100
    ("thu nhập bình quân đầu người đạt 18 triệu đồng/tháng", [q(18e6, unit="vnd")]),  # w091
    ("thu nhập bình quân đầu người của hộ gia đình là 2.200.000 đồng/người/tháng", [q(2.2e6, unit="vnd")]),
    ("Chương trình mục tiêu quốc gia giảm nghèo bền vững là 19.166 triệu đồng",  # w080
     [q(19166e6, unit="vnd")]),
    ("Số kiến nghị xử lý về tài chính là 95.120.259.153 đồng", [q(95120259153, unit="vnd")]),  # Lâm Đồng BC CCHC 2025
    ("đã hỗ_trợ kịp_thời 59.835 triệu đồng từ nguồn Ngân_sách và 7.978 triệu đồng",
     [q(59835e6, unit="vnd"), q(7978e6, unit="vnd")]),
    ("Ngân_sách Thành_phố hỗ_trợ 15 triệu đồng / hộ", [q(15e6, unit="vnd")]),
    # --- numbers that are not quantities: dates, symbols, ages, durations, years, phones,
    # counters, congress numbers, programme names, clock times
    ("trẻ em dưới 16 tuổi", []),
    ("Giảm tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng xuống dưới 14%", [q(14, bound="at_most")]),  # w262
    ("tỷ_lệ suy_dinh_dưỡng trẻ_em dưới 5 tuổi còn dưới 16 %", [q(16, bound="at_most")]),
    ("hộ mới thoát nghèo (trong vòng 36 tháng kể từ thời điểm hộ được cấp có thẩm quyền công nhận", []),
    ("Ngày 02/3/2023, UBND tỉnh Bắc Kạn đã ban hành Kế hoạch số 139/KH-UBND", []),
    ("Ngày 02/8/2022, UBND tỉnh ban hành Kế hoạch số 199/KH-UBND", []),
    ("thực hiện Kết luận số 80-KL/TW ngày 29-7-2010 của Ban Bí thư", []),  # danang.gov.vn
    ("Ngày 30-12-2021, Ủy ban nhân dân tỉnh ban hành Kế hoạch số 246/KH-UBND", []),  # w242
    ("Nghị quyết số 20-NQ/TU ngày 21.12.2021", []),
    ("| Số: 2356/KH-UBND | Kon Tum, ngày 18 tháng 09 năm 2014 |", []),  # w033
    ("kỳ họp thứ 6 thông qua ngày 28 tháng 11 năm 2013", []),
    ("Thứ 6, 06/10/2023 | 14:34:16 1,039 lượt xem", []),  # w139
    ("Cập nhật lúc 08:41, Thứ Sáu, 06/10/2017 (GMT+7)", []),  # w052
    ("Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 – 2025", []),  # w010
    ("mục tiêu nhiệm vụ năm 2023", []),  # w076
    ("Thời gian thực hiện: Từ năm 2021 đến hết năm 2025", []),  # w239
    ("theo chuẩn nghèo giai đoạn 2021- 2025", []),
    ("Hotline: 091.352.8198", []),  # w309
    ("Điện thoại Ban Biên tập: 0255 3712 135 - Fax: 0255 3 822 217", []),
    ("Lượt xem: 198", []),
    # "Tất cả:" is a counter's label, not "all"
    ("• Tất cả: 16,833,380", []),
    ("Nghị quyết Đại hội tỉnh Đảng bộ Sơn La lần thứ XV", []),
    ("hoàn thành mục tiêu Dự án 2 (Chương trình 135) thuộc Chương trình mục tiêu quốc gia giảm nghèo", []),  # w296
    ("Kế hoạch gồm 10 dự án lớn đó. Dự án 1: giải quyết tình trạng thiếu đất ở", [q(10, unit="projects")]),  # w240
    ("Huyện nghèo theo Nghị quyết 30a, ước thực hiện đến cuối năm 2020 giảm xuống còn 20,52%", [q(20.52)]),  # w018
    # a heading's number with a word on the next line: no unit across a short line's end
    ("Điều 3\nNhà nước bảo đảm và phát huy quyền làm chủ của Nhân dân", []),
    ("Nội dung\nNgày đăng\n1\nChương trình công tác tháng 01 năm 2018 của UBND tỉnh", []),
    # "trường hợp" (cases) is no count of "trường" (schools)
    ("thăng hạng viên chức từ hạng IV lên hạng III đối với 145 trường hợp", []),
]

SPEC_CASES = [
    # a four-digit number after a bound counts; after a time word it is a year (Hà Tĩnh 1740's scan)
    ("tổ chức 11 lớp với trên 2000 lượt người tham gia", [q(11, unit="other"), q(2000, bound="at_least", unit="persons")]),
    ("đến năm 2020 xã đạt chuẩn nông thôn mới", []),
    ("Từ 2022 hộ nghèo được hỗ trợ vay vốn", []),  # "từ" opens a time, no count
    # a number counted per a population is a density, whatever it counts (Hà Tĩnh STTTT 2016's report)
    ("mật độ đạt 90 thuê bao/100 dân", [q(90, unit="other")]),
    # four syllables counted per a population (own wording; "thuê bao điện thoại/100 dân", Hà Tĩnh STTTT 2016)
    ("mật độ đạt 95 thuê bao điện thoại/100 dân", [q(95, unit="other")]),
    ("thu nhập đạt 80 triệu đồng/người/năm", [q(80e6, unit="vnd")]),
    ("giai đoạn 2021 - 2025 hộ nghèo giảm", []),
    ("ít nhất 6/12 xã thoát khỏi tình trạng đặc biệt khó khăn", [q(6, bound="at_least", unit="communes")]),
    ("giảm 2/3 số hộ nghèo", [q(200 / 3)]),
    ("một nửa số hộ nghèo thoát nghèo", [q(50)]),
    ("hai phần ba số hộ nghèo", [q(200 / 3)]),
    ("thu nhập bình quân đạt 24,4 triệu đồng", [q(24.4e6, unit="vnd")]),
    ("giảm 20.411/181.603 hộ nghèo", [q(20411, unit="households")]),
    ("75.000 tỷ đồng", [q(75000e9, unit="vnd")]),
    ("ít nhất khoảng 30% số hộ", [q(30, bound="at_least")]),
    ("khoảng từ 4-5%", [q(4, 5, bound="approx")]),
    ("khoảng 4 - 5%", [q(4, 5, bound="approx")]),
    ("tỷ lệ hộ tái nghèo 1% trở xuống", [q(1, bound="at_most")]),
    ("tối đa 2% hộ tái nghèo", [q(2, bound="at_most")]),
    ("xây dựng 15 trường đạt chuẩn quốc gia", [q(15, unit="schools")]),
    ("24%1 của cả nước", [q(24)]),  # a footnote digit glued to a value
    ("năm 2025", []),
    ("giai đoạn 2021-2025", []),
    ("trong vòng 36 tháng", []),
    ("Kế hoạch số 199/KH-UBND", []),
    ("(dưới 2.500 gram)", []),
    ("1.000 ngày đầu đời", []),
    # a table row ending in a number: the next row's capitalised label is no unit (own wording)
    ("Số giường bệnh tính bình quân trên một vạn dân 28,5\nHộ gia đình văn hóa 1.200", []),
    # health plans count beds and doctors per ten thousand people (own wording)
    ("phấn đấu đạt 31,5 giường bệnh/vạn dân và 11 bác sĩ/vạn dân", [q(31.5, unit="other"), q(11, unit="other")]),
    # a rank to reach as a place among peers is a rank to stay within, whatever is ranked (own wording)
    ("chỉ số cải cách hành chính nằm trong 15 tỉnh, thành phố dẫn đầu", [q(15, bound="at_most", unit="other")]),
    ("đưa 2 trường vào trong 5 trường đại học hàng đầu khu vực", [q(2, unit="schools"), q(5, bound="at_most", unit="other")]),
    ("trong 5 năm tới có 3 trường đạt chuẩn quốc gia", [q(3, unit="schools")]),
    # a place in a ranking named by a rank word (own wording): "top" keeps within it
    ("chỉ số chuyển đổi số của tỉnh vào top 20 cả nước", [q(20, bound="at_most", unit="other")]),
    ("phấn đấu chỉ số PCI xếp hạng thứ 25", [q(25, unit="other")]),
    ("tại Kỳ họp thứ 12 của HĐND tỉnh", []),
    # a rate per thousand, with its sign or "%0" typed for it, is no percent (own wording)
    ("giảm tỷ suất sinh 0,2‰ mỗi năm", [q(0.2, unit="other")]),
    ("tỷ suất chết trẻ em dưới 1 tuổi còn dưới 9%0", [q(9, bound="at_most", unit="other")]),
    ("tỷ lệ hộ nghèo giảm 2%, còn dưới 10%", [q(2), q(10, bound="at_most")]),
    # points of a percentage are percent (own wording)
    ("giảm 0,2 điểm phần trăm mỗi năm", [q(0.2)]),
    # a school day's schedule says what kind of schooling the share has (own wording)
    ("phấn đấu 90% học sinh trung học cơ sở được học 2 buổi/ngày", [q(90)]),
    # an initiative is counted (own wording)
    ("mỗi sở, ngành có ít nhất 02 sáng kiến cải cách hành chính", [q(2, bound="at_least", unit="other")]),
    # a table row as a PDF's layer prints it: its number, then a unit named with a capitalised
    # level word, is no count (own wording); a count of units named after it is
    ("2 Huyện Mường Chà 21,40 3,5 17,90", []),
    ("12 Bộ Nội vụ chủ trì", []),
    ("có 2 huyện Mường Nhé, Nậm Pồ thoát nghèo", [q(2, unit="other")]),
    # turns of a unit count in it (own wording)
    ("tập huấn cho 2.500 lượt cán bộ cấp xã", [q(2500, unit="persons")]),
    # people named by their role are persons, in turns too (own wording)
    ("bồi dưỡng kỹ năng số cho 1.200 lượt đoàn viên, thanh niên", [q(1200, unit="persons")]),
    ("tuyển dụng mới 45 giáo viên mầm non", [q(45, unit="persons")]),
    # a padded count counts what follows it (own wording)
    ("Biên soạn 02 sổ tay hướng dẫn", [q(2, unit="other")]),
    ("trong tháng 01 hằng năm", []),
    # a count right after a deed counts what follows it, padded or not (own wording); a deed
    # word in another sense counts nothing
    ("Năm 2025 tổ chức 15 chuyến khảo sát thực tế", [q(15, unit="other")]),
    ("đầu tư thêm ít nhất 120 camera giám sát giao thông", [q(120, bound="at_least", unit="other")]),
    ("bầu bổ sung 3 ủy viên Ban Chấp hành", []),
    # so does each next count of the deed's list; a count after a list of no deed counts nothing
    ("phát hành 01 cuốn sổ tay, 05 tập gấp và 20 tờ rơi tuyên truyền",
     [q(1, unit="other"), q(5, unit="other"), q(20, unit="other")]),
    ("bàn giao 3 trụ sở và 2 sân bóng", []),
    ("mỗi xã thành lập 2 doanh nghiệp, 1 hợp tác xã và 4 câu lạc bộ",
     [q(2, unit="other"), q(1, unit="other"), q(4, unit="other")]),
    ("đường giao thông đạt cấp 5 miền núi", []),
    # a dash opening a line is a bullet, not a range's dash (own wording)
    ("Mục tiêu cụ thể đến năm 2030\n- 100% hộ dân nông thôn dùng nước hợp vệ sinh", [q(100)]),
    ("tăng bình quân 4 - 5%", [q(4, 5)]),
    # a range written from the high end (own wording)
    ("tỷ lệ thất nghiệp ở khu vực thành thị năm tới ước còn 2,5 - 2,2%", [q(2.2, 2.5)]),
    # a range with "/năm" on both ends (own wording)
    ("giảm tỷ lệ hộ cận nghèo bình quân 1%/năm - 1,5%/năm", [q(1, 1.5, per_year=True)]),
    # "%/tổng số" is no "/năm" (own wording)
    ("mỗi năm có 10%/tổng số hộ cận nghèo của xã thoát cận nghèo", [q(10)]),
    # "không quá" caps a share (own wording)
    ("giữ tỷ lệ nợ xấu của Ngân hàng Chính sách xã hội không quá 0,5%", [q(0.5, bound="at_most")]),
    # a range of models (own wording)
    ("mỗi xã xây dựng từ 2 - 3 mô hình sinh kế cho hộ nghèo", [q(2, 3, unit="models")]),
    # the one hectare a value is counted per holds no quantity; an area over one does (own wording)
    ("giá trị sản xuất trên 1 ha đất nông nghiệp đạt 160 triệu đồng", [q(160000000, unit="vnd")]),
    ("trồng mới trên 1.200 ha rừng sản xuất", [q(1200, bound="at_least", unit="other")]),
    # an age is a figure after what measures people's span of life (w064), not a group's or a house's (own wording)
    ("tuổi thọ trung bình của người dân đạt 74 tuổi, số năm sống khỏe tối thiểu 66 năm",
     [q(74, unit="other"), q(66, bound="at_least", unit="other")]),
    ("100% trẻ em dưới 6 tuổi được cấp thẻ, nhà ở có tuổi thọ từ 20 năm trở lên", [q(100)]),
    # a hospital's beds counted bare once the measure named them (own wording; "giường bệnh", w115, w201)
    ("số giường bệnh trên vạn dân đạt 32 giường", [q(32, unit="other")]),
    # points count an index's score and a network's sites; the points a rubric awards measure
    # nothing (NQ 19/2017/NQ-CP's scores, Hà Tĩnh STTTT 2016's "233 điểm BĐVHX"; own wording)
    ("Nhóm chỉ tiêu về cơ sở hạ tầng đạt tối thiểu 43 điểm", [q(43, bound="at_least", unit="other")]),
    ("toàn tỉnh có 233 điểm bưu điện văn hóa xã", [q(233, unit="other")]),
    ("Huyện có tỷ lệ hộ nghèo trên 30% được tính 5 điểm", [q(30, bound="at_least")]),
    # area and volume count in their metric units, as mass and length do ("diện tích nhà ở đô thị bình
    # quân đầu người 15m2", Long An's 2011-2015 directive; own wording)
    ("diện tích nhà ở bình quân đầu người đạt 25 m2 sàn", [q(25, unit="other")]),
    ("nâng công suất cấp nước lên 20.000 m3/ngày đêm", [q(20000, unit="other")]),
    # a house word that begins another noun counts that thing, no households: a cultural house, a
    # latrine (the compounds of w066, w179, w029, w134; own wording)
    ("xây dựng mới 12 nhà văn hóa thôn và 450 nhà tiêu hợp vệ sinh", [q(12, unit="other"), q(450, unit="other")]),
    ("hỗ trợ sửa chữa 35 nhà ở cho hộ nghèo", [q(35, unit="households")]),
    # a clock's minutes on a page's date line count nothing, padded or not (own wording)
    ("Thứ Sáu, 18/03/2022 | 15:05 GMT+7", []),
]

CASES = REAL_CASES + SPEC_CASES


def _case_id(case) -> str:
    return case[0][:48]


@pytest.mark.parametrize("text, expected", CASES, ids=[_case_id(c) for c in CASES])
def test_quantities(reader, text, expected):
    found = [
        (x.value_min, x.value_max, x.bound, x.unit, x.per_year_suffix)
        for x in reader.find(normalise(text).text)
    ]
    assert [f[2:] for f in found] == [e[2:] for e in expected], found
    assert [f[:2] for f in found] == [pytest.approx(e[:2]) for e in expected], found


# Dates and symbols are found by their own passes and handed to the reader as `exclude`.
EXCLUDE_CASES = [
    # (text, substrings to exclude, expected)
    ("Ngày 02/8/2022, UBND tỉnh ban hành Kế hoạch số 199/KH-UBND", ["02/8/2022", "199/KH-UBND"], []),
    ("Ngày 02/3/2023, UBND tỉnh Bắc Kạn đã ban hành Kế hoạch số 139/KH-UBND", ["02/3/2023", "139/KH-UBND"], []),
    ("Kế hoạch số 199/KH-UBND ngày 02/8/2022: giảm 1/2 số hộ nghèo", ["199/KH-UBND", "02/8/2022"], [q(50)]),
    ("tại thời_điểm tháng 12/2009 , toàn Thành_phố còn 3.263 hộ nghèo", ["tháng 12/2009"],  # Hà Nội KH nhà ở
     [q(3263, unit="households")]),
]


@pytest.mark.parametrize("text, spans, expected", EXCLUDE_CASES, ids=[c[0][:48] for c in EXCLUDE_CASES])
def test_excluded_spans_yield_nothing(reader, text, spans, expected):
    exclude = [(text.index(s), text.index(s) + len(s)) for s in spans]
    found = [(x.value_min, x.value_max, x.bound, x.unit, x.per_year_suffix) for x in reader.find(text, exclude)]
    assert [f[2:] for f in found] == [e[2:] for e in expected], found
    assert [f[:2] for f in found] == [pytest.approx(e[:2]) for e in expected], found


@pytest.mark.parametrize("text, covered", [
    ("đạt 80 triệu đồng/người/năm trở lên", "80 triệu đồng/người/năm trở lên"),
    ("thu nhập bình quân đầu người đạt 36 triệu đồng/năm, giải quyết", "36 triệu đồng/năm"),  # w022
    ("Thu nhập bình quân đầu người từ 50-60 triệu đồng/người/năm. Phấn đấu", "từ 50-60 triệu đồng/người/năm"),  # w101
    ("hỗ trợ 500.000 đồng/hộ/tháng", "500.000 đồng/hộ/tháng"),
])
def test_a_sum_of_money_covers_what_it_is_per(reader, text, covered):
    [money] = reader.find(text)
    assert text[money.start : money.end] == covered


def test_table_sizes():
    assert len(PARSE_CASES) >= 15
    assert len(REAL_CASES) >= 80


# ---------------------------------------------------------------------- provenance


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).replace("\xa0", " "))


def _shared_corpus() -> str:
    parts = []
    for pattern in ("seeds/*.txt", "wild/docs/*.txt", "realdocs/other/*.txt"):  # never the dev set
        parts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(shared_path().glob(pattern))]
    for path in sorted(shared_path("realdocs").glob("other/*.docx")):
        xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        parts.append(html.unescape(re.sub(r"<[^>]+>", "", xml.replace("</w:p>", "\n"))))
    for path in sorted(shared_path("realdocs").glob("html/*")):
        page = path.read_text(encoding="utf-8", errors="replace")
        page = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", page)
        parts.append(html.unescape(re.sub(r"<[^>]+>", " ", page)))
    return _flat("\n".join(parts))


def test_real_snippets_are_verbatim():
    corpus = _shared_corpus()
    texts = [c[0] for c in REAL_CASES]
    missing = [t for t in texts if _flat(t) not in corpus]
    assert not missing, missing
