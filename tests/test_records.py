"""Choosing a page's plan: its symbol, type, issue date, issuer and place, from the way portal
articles and legal documents announce it (spec/domain.md, annotation-rules.md)."""

import pytest

from chitieu import extract_text

FIELDS = ("symbol", "doc_type", "issued", "issuer_body", "issuer_level", "place")


def plan_of(text):
    plan = extract_text(text).plan
    return tuple(str(getattr(plan, f)) if f == "issued" and plan.issued else getattr(plan, f) for f in FIELDS)


PLANS = [
    # the seed articles' own wording: a date line, then "ban hành Kế hoạch số ..." with a day and month
    ("Print Thứ Sáu, 18/03/2022 18:05 Gốc\n\nNgày 10/3, UBND thành phố Đà Nẵng ban hành Kế hoạch số 55/KH-UBND về việc thực hiện "
     "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2022-2025. Phấn đấu giảm 50% số hộ cận nghèo.",
     ("55/KH-UBND", "ke_hoach", "2022-03-10", "ubnd", "province", "Đà Nẵng")),
    # a symbol cited as a basis is not the page's plan
    ("Căn cứ Kế hoạch số 147/KH-UBND ngày 31/5/2022 của UBND tỉnh Sơn La, UBND huyện Mường La ban hành Kế hoạch thực hiện "
     "giảm nghèo năm 2023. Phấn đấu giảm 4% tỷ lệ hộ nghèo.",
     (None, "ke_hoach", None, "ubnd", "district", "Mường La")),
    # the body that acts for the goals just stated is their issuer
    ("Phấn đấu đến cuối năm 2020, tỷ lệ hộ nghèo của thành phố Hà Nội dưới 1,2%.\nĐể hoàn thành các chỉ tiêu trên, "
     "UBND TP dự kiến tổng kinh phí thực hiện giai đoạn 2016 - 2020 hơn 10.200 tỷ đồng.",
     (None, None, None, "ubnd", "province", "Hà Nội")),
    # a department's plan under the province's name in a two-column header
    ("UBND TỈNH HÀ TĨNH\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n"
     "Số: 08/KH-STTTT Hà Tĩnh, ngày 24 tháng 01 năm 2017\nKẾ HOẠCH\nTổ chức phong trào thi đua năm 2017",
     ("08/KH-STTTT", "ke_hoach", "2017-01-24", "department", "province", "Hà Tĩnh")),
    # a commune's plan: communes are named as written, not the district in brackets after them
    ("Ngày 5/2/2024, Ủy ban nhân dân xã Tân Lập (huyện Bắc Sơn) ban hành Kế hoạch số 15/KH-UBND, phấn đấu giảm 30 hộ nghèo.",
     ("15/KH-UBND", "ke_hoach", "2024-02-05", "ubnd", "commune", "Tân Lập")),
    # a steering committee issuing the plan is a body of its own
    ("Ngày 20/01/2023, Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh Quảng Trị ban hành Kế hoạch số 12/KH-BCĐ "
     "thực hiện mục tiêu giảm nghèo năm 2023. Mục tiêu giảm tỷ lệ hộ nghèo toàn tỉnh 1,5%.",
     ("12/KH-BCĐ", "ke_hoach", "2023-01-20", "other", "province", "Quảng Trị")),
    # a plan named in the sentence stating its targets ("Theo ...") is the page's plan, issued by
    # the body after its "của"; one implemented ("Thực hiện ...") is a basis
    ("Theo Kế hoạch số 120/KH-UBND ngày 10/1/2024 của UBND tỉnh Cao Bằng, năm 2024 tỉnh phấn đấu giảm 4% tỷ lệ hộ nghèo.",
     ("120/KH-UBND", "ke_hoach", "2024-01-10", "ubnd", "province", "Cao Bằng")),
    ("Sở LĐ-TB&XH tỉnh Cà Mau cho biết, năm 2023 tỉnh phấn đấu giảm 1,5% tỷ lệ hộ nghèo theo Kế hoạch số 88/KH-UBND của UBND tỉnh.",
     ("88/KH-UBND", "ke_hoach", None, "ubnd", "province", "Cà Mau")),
    ("Thực hiện Kế hoạch số 199/KH-UBND của UBND tỉnh Sơn La, UBND huyện Mường La phấn đấu giảm 3% tỷ lệ hộ nghèo.",
     (None, "ke_hoach", None, "ubnd", "district", "Mường La")),
    # a results page quoting the goal of a document it names with its body: that document is the plan
    ("Thứ Hai, 15/01/2024 09:00\nNăm 2023, tỷ lệ hộ nghèo của tỉnh Yên Bái giảm 2,1%, hoàn thành mục tiêu Nghị quyết "
     "Đại hội Đảng bộ tỉnh lần thứ XIX (nhiệm kỳ 2020 - 2025), phấn đấu giảm bình quân mỗi năm 3% tỷ lệ hộ nghèo.",
     (None, "nghi_quyet", None, "party_committee", "province", "Yên Bái")),
]


@pytest.mark.parametrize("text, expected", [
    ("Ban Thường vụ Huyện ủy Tương Dương vừa ban hành Kết luận số 215-KL/HU ngày 03/4/2023 về công tác giảm nghèo. "
     "Phấn đấu năm 2023 giảm 4% tỷ lệ hộ nghèo.",
     ("215-KL/HU", "other", "2023-04-03", "party_committee", "district", "Tương Dương")),
    ("Thủ tướng Chính phủ vừa ký Công điện số 12/CĐ-TTg ngày 20/2/2024 về thúc đẩy giải ngân vốn các chương trình mục "
     "tiêu quốc gia, phấn đấu giải ngân 100% kế hoạch vốn năm 2024.",
     ("12/CĐ-TTg", "other", "2024-02-20", "government", "national", None)),
])
def test_a_document_the_sentence_says_was_issued_is_the_plan_whatever_its_type(text, expected):
    """A conclusion, a dispatch: types without a code of their own, issued all the same (w259, w319)."""
    assert plan_of(text) == expected


def test_a_document_a_body_just_has_is_one_it_just_issued():
    """"vừa có" before a document says its body has just issued it (w200's report, w250's letter)."""
    text = ("UBND tỉnh Quảng Trị vừa có Kế hoạch số 112/KH-UBND ngày 12/5/2023 về giảm nghèo bền vững năm 2023. "
            "Theo đó, năm 2023 tỉnh phấn đấu giảm 1,5% tỷ lệ hộ nghèo.")
    assert plan_of(text) == ("112/KH-UBND", "ke_hoach", "2023-05-12", "ubnd", "province", "Quảng Trị")


@pytest.mark.parametrize("text, place", [
    ("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nSố: 2210/QĐ-UBND\nThanh Hóa, ngày 12 tháng 6 năm 2022\nQUYẾT ĐỊNH\n"
     "PHÊ DUYỆT ĐỀ ÁN GIẢM NGHÈO BỀN VỮNG HUYỆN MƯỜNG LÁT\nGIAI ĐOẠN 2022 - 2025\n\nCăn cứ Luật Tổ chức chính quyền "
     "địa phương ngày 19/6/2015;\nĐiều 1. Phê duyệt Đề án với mục tiêu giảm tỷ lệ hộ nghèo bình quân 5%/năm.", "Mường Lát"),
    ("UBND tỉnh Cao Bằng vừa ban hành Quyết định số 845/QĐ-UBND ngày 3/5/2023 phê duyệt Kế hoạch xây dựng xã Quang Trung "
     "đạt chuẩn nông thôn mới năm 2023. Phấn đấu thu nhập bình quân đầu người đạt 40 triệu đồng/người/năm.", "Quang Trung"),
    # a basis approving a district's scheme leaves the province's own plan the province's
    ("ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nSố: 95/KH-UBND\nThanh Hóa, ngày 12 tháng 4 năm 2023\nKẾ HOẠCH\n"
     "Giảm nghèo bền vững năm 2023\n\nCăn cứ Quyết định số 2210/QĐ-UBND phê duyệt Đề án giảm nghèo bền vững huyện "
     "Mường Lát;\nPhấn đấu giảm tỷ lệ hộ nghèo toàn tỉnh 1,5%.", "Thanh Hóa"),
])
def test_a_plan_approved_for_a_unit_below_the_issuer_is_that_units(text, place):
    """Annotation rule 3: a province approving a district's scheme, the place is the district."""
    plan = extract_text(text).plan
    assert (plan.place, plan.issuer_body) == (place, "ubnd")


@pytest.mark.parametrize("text, expected", PLANS, ids=[
    "issued-in-article", "cited-basis", "goals-above", "department-header", "commune", "steering-committee",
    "according-to-plan", "plan-after-goal", "implemented-plan", "quoted-goal"])
def test_plan_fields(text, expected):
    assert plan_of(text) == expected


KON_TUM_DECISION = ("Quyết định 52/QĐ-UBND năm 2021 phê duyệt kết quả rà soát hộ nghèo\nSố hiệu: 52/QĐ-UBND Loại văn bản: "
                    "Quyết định\n\nỦY BAN NHÂN DÂN\nTỈNH KON TUM\n\nSố: 52/QĐ-UBND\n\nKon Tum, ngày 12 tháng 01 năm 2021\n\n"
                    "QUYẾT ĐỊNH\n\nPHÊ DUYỆT KẾT QUẢ RÀ SOÁT HỘ NGHÈO {title} TRÊN ĐỊA BÀN TỈNH KON TUM")


@pytest.mark.parametrize("text, period", [
    # a date line is no title: the headline's "đến cuối năm 2025" gives the phase 2021-2025
    ("THỨ BA, NGÀY 28 THÁNG 03 NĂM 2023 07:20\n\nSơn La phấn đấu đến cuối năm 2025, hộ nghèo giảm còn dưới 1%\n\n"
     "Năm 2023, tỉnh phấn đấu giảm 1% tỷ lệ hộ nghèo.", (2021, 2025)),
    ("Ngày 10/3, UBND thành phố ban hành Kế hoạch số 55/KH-UBND về việc thực hiện Chương trình mục tiêu quốc gia "
     "giảm nghèo bền vững giai đoạn 2022-2025. Phấn đấu giảm 50% số hộ cận nghèo.", (2022, 2025)),
    # a congress's resolution covers its term, not the year its headline names, nor the term before
    ("Xã Bình Xa phấn đấu trở thành xã nông thôn mới nâng cao trước năm 2025\n\nĐại hội đại biểu Đảng bộ xã Bình Xa "
     "lần thứ XXIII, nhiệm kỳ 2020 - 2025 đã tổng kết Nghị quyết Đại hội nhiệm kỳ 2015 - 2020. Nghị quyết Đại hội đề ra "
     "mục tiêu thu nhập bình quân đầu người đạt 60 triệu đồng.", (2020, 2025)),
    ("Đại hội đại biểu Đảng bộ tỉnh Hải Dương lần thứ XVII, nhiệm kỳ 2020-2025 đề ra chỉ tiêu: GRDP tăng bình quân 9%/năm; "
     "đến năm 2030 thu nhập bình quân đầu người đạt 8.000 USD.", (2020, 2030)),
    # an election's term is no plan's
    ("Đảng ủy phường tập trung lãnh đạo bầu cử đại biểu HĐND các cấp, nhiệm kỳ 2026 - 2031. Năm 2026, phường phấn đấu "
     "thu ngân sách đạt 80 tỷ đồng.", (2026, 2026)),
    # a lead that tells last year's result before this year's goal: the goal's year is the plan's
    ("(baolaocai.vn) – Năm 2023, tỷ lệ hộ nghèo trên địa bàn huyện Si Ma Cai giảm còn 30%. Trong năm 2024, huyện đặt ra "
     "mục tiêu giảm tỷ lệ hộ nghèo từ 5 đến 6%.", (2024, 2024)),
    # a legal basis cites other documents: their phases are not the plan's
    ("Số: 210/QĐ-UBND | Lào Cai, ngày 02 tháng 4 năm 2019 |\nCăn cứ Quyết định số 2259/QĐ-TTg ngày 10/12/2014 phê duyệt "
     "Chiến lược quốc gia an toàn thực phẩm giai đoạn 2011 - 2020 và tầm nhìn 2030;\nQUYẾT ĐỊNH:\nBAN HÀNH KẾ HOẠCH BẢO ĐẢM "
     "AN TOÀN THỰC PHẨM GIAI ĐOẠN 2019 - 2020\n1. Mục tiêu: 100% cơ sở sản xuất được kiểm tra.", (2019, 2020)),
    ("Số: 45/QĐ-UBND | Yên Bái, ngày 9 tháng 1 năm 2018 |\nCăn cứ Quyết định số 1956/QĐ-TTg phê duyệt Đề án đào tạo nghề "
     "cho lao động nông thôn giai đoạn 2009 - 2020;\nĐiều 1. Phê duyệt Kế hoạch đào tạo nghề đến năm 2020.", (2016, 2020)),
    # a legal page's title in capitals right under its number line, with no type heading, names its year
    ("Đăng nhập để xem toàn văn của văn bản và tải về các tiện ích khác.\nỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
     "Số: 512/KH-UBND | Trà Vinh, ngày 20 tháng 7 năm 2024 |\nPHÁT TRIỂN KINH TẾ - XÃ HỘI TỈNH TRÀ VINH NĂM 2025\n"
     "Căn cứ Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025;\nPhấn đấu tốc độ tăng trưởng kinh tế đạt 8%.",
     (2025, 2025)),
    # a title naming a year of results and a year of plans is about the later
    ("BÁO CÁO\nTổng kết công tác năm 2023 và triển khai nhiệm vụ năm 2024 của Sở Nông nghiệp tỉnh Yên Bái\n\nPhần thứ hai\n"
     "NHIỆM VỤ NĂM 2024\nI. CÁC CHỈ TIÊU CHỦ YẾU\n- Tỷ lệ che phủ rừng đạt 63%.", (2024, 2024)),
    # a goal stated for a year, and no phase anywhere, gives the plan its year
    ("Bảo Lâm vươn lên thoát nghèo\n\n(BLĐT) - Năm 2026, huyện Bảo Lâm đặt mục tiêu phấn đấu thoát khỏi huyện nghèo. "
     "Năm 2025, huyện đã giảm được 820 hộ nghèo.", (2026, 2026)),
    # goals no year of the page names fall in the year the page was written in
    (" date 2025-01 Trong lĩnh vực kinh tế số, kế hoạch hành động của Ủy ban đặt mục tiêu tỷ trọng kinh tế số trong GRDP "
     "trên 20%.", (2025, 2025)),
    # a year a figure is measured from is no year of the plan
    ("Huyện phấn đấu thu ngân sách tăng 12% so với năm 2023, năm 2024 đạt 95 tỷ đồng.", (2024, 2024)),
    # a year told only of results is no plan's, wherever it stands ...
    ("Nhờ đầu tư đồng bộ, năm 2019 huyện Sa Thầy đã giảm tỷ lệ hộ nghèo từ 25% xuống còn 19%. Năm 2020, huyện đề ra "
     "mục tiêu giảm tỷ lệ hộ nghèo xuống dưới 15%.", (2020, 2020)),
    ("Phấn đấu đến cuối năm 2024, tỉnh giải quyết việc làm cho 21.000 lao động. Năm 2023, tỉnh đã giải quyết việc làm "
     "cho 20.400 lao động, đạt 102% kế hoạch.", (2021, 2024)),  # only the end given: the phase's start (rule 7)
    # ... but the year after the plan's name is the plan's, whatever else the sentence tells
    ("Theo Kế hoạch giảm nghèo của thành phố Vị Thanh năm 2022, toàn thành phố hiện có 350 hộ nghèo. Thành phố phấn đấu "
     "giảm 120 hộ nghèo.", (2022, 2022)),
    # ... except a sentence weighing results against the plan they are of: the page's plan comes after (own wording)
    ("Hội nghị đánh giá kết quả thực hiện kế hoạch phát triển kinh tế - xã hội năm 2024; thảo luận chỉ tiêu năm 2025. "
     "Năm 2025, huyện phấn đấu thu ngân sách đạt 120 tỷ đồng.", (2025, 2025)),
    # a year the page reports before all its goals is no year of the plan, nor is the year an
    # agency named with a type word reports (own wording)
    ("Giảm nghèo ở Mường Khương\n\nTheo Sở Kế hoạch và Đầu tư, tỷ lệ hộ nghèo của huyện năm 2024 còn 14,2%. Mục tiêu năm "
     "2025 huyện đặt ra, tỷ lệ hộ nghèo giảm còn dưới 11%.", (2025, 2025)),
    ("Đồng Nai bàn nhiệm vụ phát triển kinh tế\n\nCác đại biểu thảo luận về định hướng của giai đoạn 2021-2025 và giai "
     "đoạn 2026-2030. Năm 2026, tỉnh phấn đấu tăng trưởng kinh tế đạt 10%.", (2026, 2026)),
    # a report's heading opens its title as a plan's does; the title ends at the blank line, before
    # the cited document's years (own wording; the heading "BÁO CÁO" of w232, w249, LamDong 329)
    ("ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 310/BC-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
     "Gia Lai, ngày 12 tháng 12 năm 2016\n\nBÁO CÁO\nKết quả giảm nghèo năm 2016\nvà kế hoạch năm 2017\n\n"
     "Thực hiện Nghị quyết số 80/NQ-CP ngày 19/5/2011 của Chính phủ về định hướng giảm nghèo bền vững thời kỳ từ năm "
     "2011 đến năm 2020, UBND tỉnh báo cáo như sau.\n\nNăm 2017, phấn đấu giảm tỷ lệ hộ nghèo 3%.", (2017, 2017)),
    # a year a goal is set for over a phase only a sentence setting no goal names (own wording; GiaLai
    # 115-KH-SNNMT, w233)
    ("Sở Nông nghiệp tỉnh ban hành kế hoạch chấn chỉnh lề lối làm việc\n\nKế hoạch được triển khai gắn với chương trình chuyển đổi số của tỉnh giai đoạn 2026 - 2030. Phấn đấu ngay trong "
     "năm 2026, 100% hồ sơ công việc được xử lý trên môi trường mạng.", (2026, 2026)),
    # the year a legal site's title gives after the symbol is the issue year, not the period (the
    # title shape of w046, w320; own wording)
    ("Quyết định 52/QĐ-UBND năm 2021 phê duyệt kết quả rà soát hộ nghèo, hộ cận nghèo năm 2020 trên địa bàn tỉnh Kon Tum\n"
     "Số hiệu: 52/QĐ-UBND Loại văn bản: Quyết định\nNgày ban hành: 12/01/2021\n\nỦY BAN NHÂN DÂN\nTỈNH KON TUM\n\n"
     "Số: 52/QĐ-UBND\n\nKon Tum, ngày 12 tháng 01 năm 2021\n\nQUYẾT ĐỊNH\n\nPHÊ DUYỆT KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN "
     "NGHÈO NĂM 2020 TRÊN ĐỊA BÀN TỈNH KON TUM", (2020, 2020)),
    # the phase of the standard a figure is measured by is the standard's, not the plan's (own
    # wording; the standard's phase beside other plan periods: w054, w169, d018, d020) ...
    (KON_TUM_DECISION.format(title="NĂM 2020 THEO CHUẨN NGHÈO ĐA CHIỀU GIAI ĐOẠN 2016 - 2020"), (2020, 2020)),
    # ... but a phase a verb says the results apply to is the document's (w251)
    (KON_TUM_DECISION.format(title="NĂM 2015 THEO CHUẨN NGHÈO TIẾP CẬN ĐA CHIỀU ÁP DỤNG CHO GIAI ĐOẠN 2016 - 2020"), (2016, 2020)),
])
def test_plan_period(text, period):
    plan = extract_text(text).plan
    assert (plan.period_start, plan.period_end) == period


@pytest.mark.parametrize("text, year, own", [
    # an annual plan's review quotes the phase's goal beside the year's result, in a bracket after
    # a plan noun (w301's gold keeps such a year outside the period)
    ("NGHỊ QUYẾT\nVề kế hoạch phát triển kinh tế - xã hội năm 2019\n\nNăm 2018 toàn tỉnh có thêm 8 xã đạt chuẩn "
     "nông thôn mới, nâng tổng số lên 41 xã, bằng 68% mục tiêu đề ra đến năm 2020 (60 xã).\n"
     "Chỉ tiêu chủ yếu năm 2019:\n- Tỷ lệ hộ nghèo giảm 3%.\n- Có thêm 9 xã đạt chuẩn nông thôn mới.", 2019, (3.0, 9.0)),
    # a goal word inside a part reporting results quotes another plan's goal beside them (a
    # congress resolution's goal in an annual resolution's review, set ahead of the page's date;
    # own wording)
    ("HỘI ĐỒNG NHÂN DÂN HUYỆN ĐÔ LƯƠNG\nSố: 52/NQ-HĐND\nĐô Lương, ngày 18 tháng 12 năm 2020\n\n"
     "NGHỊ QUYẾT\nVề nhiệm vụ phát triển kinh tế - xã hội năm 2021\n\n"
     "Điều 1. Đánh giá tình hình thực hiện nhiệm vụ năm 2020\nNăm 2020, tổng sản lượng lương thực đạt 61.000 "
     "tấn. Nghị quyết Đại hội Đảng bộ huyện lần thứ XX đề ra đến năm 2025 thu nhập bình quân đầu người đạt 60 "
     "triệu đồng, đến nay đã đạt 68% mục tiêu.\n\nĐiều 2. Mục tiêu, chỉ tiêu chủ yếu năm 2021\n"
     "(1) Thu nhập bình quân đầu người đạt 45 triệu đồng.\n(2) Tỷ lệ hộ nghèo giảm 1,5%.", 2021, (45e6, 1.5)),
])
def test_a_goal_quoted_beside_results_does_not_stretch_the_plan_or_date_its_goals(text, year, own):
    """A goal quoted beside results is its own plan's: its year neither ends this plan nor dates
    this plan's own goals."""
    result = extract_text(text)
    assert (result.plan.period_start, result.plan.period_end) == (year, year)
    assert {t.year for t in result.targets if t.value_min in own} == {year}


def test_a_resolution_on_last_years_results_sets_this_years_plan():
    """The year a report is on, in the sentence announcing it, is the results' time: the plan is
    the goals' year (w076's gold)."""
    text = ("Ngày 8/12, HĐND tỉnh Thái Bình đã thông qua Nghị quyết về tình hình thực hiện kế hoạch phát triển "
            "kinh tế - xã hội năm 2023. Năm 2024, tỉnh phấn đấu tốc độ tăng trưởng kinh tế đạt 10%.")
    plan = extract_text(text).plan
    assert (plan.period_start, plan.period_end) == (2024, 2024)


def test_a_handwritten_number_lost_to_ocr_lets_no_cited_symbol_stand_in():
    # Tesseract's output on realdocs HaTinh_496-KH-UBND (the number is handwritten)
    text = ("ỦY BAN NHÂN DẦN CỌNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTỈNH HÀ TĨNH Độc lập - Tự do - Hạnh phúc\n"
            "Số: 4é /KH-UBND Hà Tĩnh, ngày ỗñ tháng 12 năm 2016\nKẾ HOẠCH\n\nỨng dụng công nghệ thông tin năm 2017\n\n"
            "Căn cứ Quyết định số 1177/QĐ-UBND ngày 4/5/2013 của UBND tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch. "
            "Phấn đấu 100% cơ quan nhà nước sử dụng thư điện tử.")
    plan = extract_text(text).plan
    assert (plan.symbol, plan.doc_type) == (None, "ke_hoach")


def test_a_handwritten_number_whose_slash_ocr_lost_still_heads_the_document():
    # the shape of Tesseract's output on realdocs HaTinh_418-KH-UBND: "Số:44ƒ KH-UBND", a plan with no figures
    text = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTỈNH QUẢNG TRỊ Độc lập - Tự do - Hạnh phúc\n\n"
            "Số:52ƒ KH-UBND Quảng Trị, ngày 12 tháng 5 năm 2019\n\nKẾ HOẠCH\nTổ chức Hội nghị tổng kết công tác dân tộc\n\n"
            "Ủy ban nhân dân tỉnh xây dựng Kế hoạch tổ chức Hội nghị như sau:")
    plan = extract_text(text).plan
    assert (plan.symbol, plan.doc_type, plan.issuer_body, plan.issuer_level, plan.place) == (None, "ke_hoach", "ubnd", "province", "Quảng Trị")


def test_a_number_right_after_the_motto_of_a_flattened_header_is_the_documents():
    # the shape of Tesseract's output on realdocs HaTinh_1740-QD-UBND: the two header columns on one line
    text = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTỈNH NGHỆ AN Độc lập - Tự do - Hạnh phúc ị Số: 2210 /QĐ-UBND "
            "Nghệ An, ngày 5 tháng 7 năm 2019\nQUYẾT ĐỊNH\nBan hành Kế hoạch phát triển du lịch giai đoạn 2019 - 2025\n"
            "Căn cứ Quyết định số 147/QĐ-TTg ngày 22/01/2020 của Thủ tướng Chính phủ;\nMục tiêu: đón 8 triệu lượt khách.")
    plan = extract_text(text).plan
    assert (plan.symbol, plan.issued.isoformat()) == ("2210/QĐ-UBND", "2019-07-05")


def test_a_number_after_the_bodys_name_in_a_word_headers_cell_is_the_documents():
    # a Word header's left cell read as one line (Lâm Đồng 238-CAT: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
    # Số:          /KH-UBND | CỘNG HÒA ...")
    text = ("ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN Số: 215/KH-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
            "Điện Biên, ngày 20 tháng 1 năm 2024\nKẾ HOẠCH\nGiảm nghèo năm 2024\nNăm 2024, giảm 3% tỷ lệ hộ nghèo.")
    plan = extract_text(text).plan
    assert (plan.symbol, plan.issued.isoformat(), plan.place) == ("215/KH-UBND", "2024-01-20", "Điện Biên")


@pytest.mark.parametrize("number_line,symbol", [
    ("Số 12-CTr/HU", "12-CTr/HU"),  # the Party's format: no colon after "Số" (own wording)
    ("Số 07-NQ/TU", "07-NQ/TU"),
])
def test_a_party_documents_number_line_without_a_colon_is_the_documents(number_line, symbol):
    text = (f"ĐẢNG BỘ TỈNH SƠN LA\nHUYỆN ỦY MAI SƠN\n*\n{number_line}\nĐẢNG CỘNG SẢN VIỆT NAM\n"
            "Mai Sơn, ngày 20 tháng 4 năm 2021\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nvề giảm nghèo bền vững giai đoạn 2021 - 2025\n\n"
            "Thực hiện Nghị quyết số 01-NQ/TU ngày 15/9/2020 của Tỉnh ủy, Ban Thường vụ Huyện ủy ban hành Chương trình "
            "hành động như sau:\nPhấn đấu giảm tỷ lệ hộ nghèo bình quân 3%/năm.")
    plan = extract_text(text).plan
    assert (plan.symbol, plan.issued.isoformat()) == (symbol, "2021-04-20")


def test_a_documents_own_type_heading_names_it_when_ocr_lost_its_number_line():
    # the shape of Tesseract's output on realdocs HaTinh_1864-QD-UBND: "Số:" lost, the number garbled
    text = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTỈNH QUẢNG BÌNH Độc lập - Tự do - Hạnh phúc\n"
            "38 2 /QĐ-UBND Quảng Bình, ngày ?5 tháng “năm 2018\nQUYẾT ĐỊNH\n\nVề việc phê duyệt Đề án phát triển cây dược liệu "
            "giai đoạn 2018 - 2025\n\nMục tiêu: đến năm 2025 trồng mới 1.200 ha cây dược liệu.")
    assert extract_text(text).plan.doc_type == "quyet_dinh"


def test_a_heading_of_any_type_names_the_document_whose_number_ocr_lost():
    # a notice setting no figure is still that notice, from its own heading (own wording)
    text = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTỈNH QUẢNG BÌNH Độc lập - Tự do - Hạnh phúc\n"
            "Só:J‡4 /TB-UBND Quảng Bình, ngày J2 tháng 3 năm 2025\nTHÔNG BÁO\n\nKết luận của Chủ tịch UBND tỉnh tại buổi "
            "làm việc về cải cách hành chính\n\nCác sở, ngành tập trung rà soát thủ tục hành chính.")
    plan = extract_text(text).plan
    assert (plan.doc_type, plan.issuer_body, plan.issuer_level, plan.place) == ("thong_bao", "ubnd", "province", "Quảng Bình")


def test_a_letters_summary_line_names_it_a_letter_whose_number_ocr_lost():
    # a letter prints "V/v ..." under its number, which a scan's OCR may leave unreadable; the
    # Thực hiện sentence naming a resolution is what the letter implements (own wording)
    text = ("SỞ Y TẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTỈNH QUẢNG BÌNH Độc lập - Tự do - Hạnh phúc\n"
            "Số: 4 7Ø/SYT-NVY Quảng Bình, ngày *Š tháng 5 năm 2025\nV/v triển khai tiêm chủng mở rộng\n\n"
            "Thực hiện Nghị quyết số 12/NQ-HĐND ngày 10/12/2024 của HĐND tỉnh, Sở Y tế đề nghị các đơn vị "
            "bảo đảm tỷ lệ tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi đạt trên 95% trong năm 2025.")
    assert extract_text(text).plan.doc_type == "cong_van"


def test_a_number_line_in_an_annex_table_cites_another_document():
    # the shape of Tesseract's output on realdocs HaTinh_496-KH-UBND: a blank-number header with
    # an unreadable day, and far below it an annex table whose cell reads "Quyết định / số: / 1177/QĐ-UBND"
    body = "Tiếp tục xây dựng và hoàn thiện hạ tầng kỹ thuật, các hệ thống thông tin, cơ sở dữ liệu.\n" * 20
    text = ("ỦY BAN NHÂN DẦN CỌNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTỈNH HÀ TĨNH Độc lập - Tự do - Hạnh phúc\n"
            "Số: 4é /KH-UBND Hà Tĩnh, ngày ỗñ tháng 12 năm 2016\nKẾ HOẠCH\n\nỨng dụng công nghệ thông tin năm 2017\n\n"
            "Phấn đấu 100% cơ quan nhà nước sử dụng thư điện tử.\n" + body +
            "Quyết định\nsố:\n1177/QĐ-\nUBND\nngày\n04/5/2013\ncủa UBND\ntỉnh về\nviệc phê\nduyệt")
    plan = extract_text(text).plan
    assert (plan.symbol, plan.doc_type, plan.period_start, plan.period_end) == (None, "ke_hoach", 2017, 2017)


def test_a_plan_runs_to_the_horizon_its_name_gives_and_its_targets_fall_due_with_its_phase():
    result = extract_text("Ngày 3/4/2023, UBND tỉnh Điện Biên ban hành Kế hoạch phát triển du lịch giai đoạn 2021-2025, tầm nhìn "
                          "đến năm 2030. Mục tiêu: đón 1,5 triệu lượt khách.")
    assert (result.plan.period_start, result.plan.period_end) == (2021, 2030)
    assert [t.year for t in result.targets] == [2025]


@pytest.mark.parametrize("issued, period", [("Ngày 5/9/2023, UBND", (2023, 2030)), ("Mới đây, UBND", (2021, 2030))])
def test_a_plan_named_by_its_deadline_and_horizon_runs_from_its_issue_year(issued, period):
    # annotation rule 7: "đến năm 2025, tầm nhìn đến năm 2030" is issue year-2030; without an issue
    # date, from the national phase's first year (own wording)
    result = extract_text(f"{issued} tỉnh Lào Cai ban hành Kế hoạch số 312/KH-UBND phát triển nông nghiệp hữu cơ đến năm "
                          "2025, tầm nhìn đến năm 2030. Mục tiêu: 5.000 ha canh tác hữu cơ.")
    assert (result.plan.period_start, result.plan.period_end) == period
    assert [t.year for t in result.targets] == [2025]


def test_a_councils_term_is_no_plan_period_and_a_day_without_year_takes_the_pages():
    plan = extract_text(" date 2023-12 Ngày 8/12, HĐND huyện Mèo Vạc khóa XX, nhiệm kỳ 2021-2026 tổ chức kỳ họp thứ 12, "
                        "thông qua các nghị quyết. Năm 2024, huyện phấn đấu giảm 5% tỷ lệ hộ nghèo.").plan
    assert (plan.issued.isoformat(), plan.period_start, plan.period_end) == ("2023-12-08", 2024, 2024)


def test_a_page_printing_a_document_whole_is_that_document():
    # annotation rule 8: a document setting no targets (here, none in the excerpt) has its plan fields
    plan = extract_text("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Hà Nam lần thứ XXI, nhiệm kỳ 2025 - 2030\n\nSáng 2/10, Đại hội "
                        "đại biểu Đảng bộ tỉnh Hà Nam lần thứ XXI đã biểu quyết thông qua Nghị quyết. Báo Hà Nam trân trọng giới "
                        "thiệu toàn văn Nghị quyết.\n\nĐại hội tán thành những nội dung cơ bản về đánh giá kết quả nhiệm kỳ qua.").plan
    assert (plan.doc_type, plan.issuer_body, plan.issuer_level, plan.place, plan.period_start, plan.period_end) == (
        "nghi_quyet", "party_committee", "province", "Hà Nam", 2025, 2030)


def test_a_moment_figures_are_counted_at_is_no_issue_date():
    text = ("Năm 2024, tỉnh phấn đấu trồng mới 3.000 ha rừng. Tính đến ngày 20/3/2024, toàn tỉnh đã trồng được 400 ha, "
            "đạt 13% kế hoạch.")
    assert extract_text(text).plan.issued is None


def test_a_headline_naming_a_bodys_plan_names_the_pages_plan():
    plan = extract_text("Mường Tè: Nghị quyết của HĐND huyện về nhiệm vụ phát triển kinh tế - xã hội năm 2025\n\n"
                        "Trong lĩnh vực kinh tế:\n\nTổng thu ngân sách trên địa bàn đạt 45 tỷ đồng.").plan
    assert (plan.doc_type, plan.issuer_body, plan.issuer_level, plan.period_start) == ("nghi_quyet", "hdnd", "district", 2025)


def test_an_annual_plan_adopted_late_in_the_year_before_takes_that_year():
    # annotation rule 6: an undated page's day and month; the resolution is on next year's plan
    plan = extract_text("Ngày 7/12, HĐND tỉnh Thái Bình thông qua Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2025, "
                        "phấn đấu tốc độ tăng trưởng kinh tế đạt 10%.").plan
    assert (plan.issued.isoformat(), plan.period_start, plan.period_end) == ("2024-12-07", 2025, 2025)


def test_a_period_read_only_from_target_deadlines_points_at_the_target():
    plan = extract_text("Phấn đấu đến 2025 giảm 500 hộ nghèo.").plan
    assert (plan.period_start, plan.period_end) == (2025, 2025)
    assert plan.evidence["period"].text == "giảm 500 hộ nghèo"


@pytest.mark.parametrize("text, level", [
    ("Phấn đấu đến năm 2026 toàn huyện có thêm 3 xã đạt chuẩn nông thôn mới nâng cao.", "district"),
    ("Năm 2025, tỉnh ta phấn đấu giảm tỷ lệ hộ nghèo xuống dưới 2%.", "province"),
    # ... with an adverb between the unit and its goal verb (own wording; "tỉnh tiếp tục đặt mục tiêu", w133)
    ("Năm 2026, huyện tiếp tục đặt mục tiêu nâng tỷ lệ hộ dân dùng nước sạch lên 95%.", "district"),
    # ... and what a target's measure is of (own wording; "GRDP của huyện", w117)
    ("Phấn đấu đến năm 2030, tỷ lệ hộ nghèo của huyện giảm còn dưới 3%.", "district"),
    # ... but a level word that begins a body's name is no territory
    ("Phấn đấu đến năm 2025 đạt 100% chỉ tiêu của Tỉnh ủy giao, giảm tỷ lệ hộ nghèo còn 3%.", None),
    # the communes are what is counted, not the territory the plan speaks for
    ("Phấn đấu đến năm 2030 cả nước có 90% số xã đạt chuẩn nông thôn mới, trong đó 40% số xã đạt chuẩn nâng cao.", "national"),
    ("Phấn đấu có 80% số xã đạt chuẩn nông thôn mới.", None),
    # a document named national that sets the goals is a national plan; one named for a national standard is not (own wording)
    ("Chiến lược quốc gia về phòng, chống thiên tai đến năm 2030 đặt mục tiêu 100% người dân được phổ biến kiến thức.", "national"),
    ("Đề án xây dựng trường đạt chuẩn quốc gia đặt mục tiêu 70% trường học đạt chuẩn.", None),
])
def test_with_no_body_the_plan_level_is_the_territory_its_targets_speak_for(text, level):
    assert extract_text(text).plan.issuer_level == level


def test_basis_word_examples_hold():
    from chitieu.rules import load_rules

    examples = load_rules().symbols.basis_words.examples
    assert [extract_text(text).plan.symbol for text in examples.positive] == [None] * len(examples.positive)
    assert all(extract_text(text).plan.symbol for text in examples.negative)


# The unit a page is about. News of a commune's or district's congress or council names the unit
# once in full and then by its kind alone ("Nghị quyết Đại hội", "UBND huyện"); the province
# named beside it is where the unit lies, not the plan's place (wild pages w100-w102, w148,
# w171-w178, w276, w318-w326).
UNITS = [
    ("Ngày 14-5, Đảng bộ xã Bình Xa (Hàm Yên) tổ chức Đại hội đại biểu lần thứ XXIII, nhiệm kỳ 2020 - 2025. "
     "Nghị quyết Đại hội đề ra mục tiêu đến năm 2025 thu nhập bình quân đầu người đạt 60 triệu đồng.",
     ("party_committee", "commune", "Bình Xa")),
    ("Chiều 28/8, Đảng ủy phường Hòa Thuận tổ chức hội nghị quán triệt nghị quyết Đại hội Đảng bộ phường Hòa Thuận "
     "lần thứ I. Theo đó, nghị quyết Đại hội Đảng bộ phường Hòa Thuận xác định chỉ tiêu thu ngân sách tăng bình quân 10%/năm.",
     ("party_committee", "commune", "Hòa Thuận")),
    ("Theo UBND huyện Mèo Vạc, Hà Giang, tỷ lệ hộ nghèo cuối năm 2023 là 50,2%. Năm 2024, UBND huyện phấn đấu "
     "giảm 6% tỷ lệ hộ nghèo.",
     ("ubnd", "district", "Mèo Vạc")),
    ("Phường Tân Hòa phấn đấu năm 2026 tổng thu ngân sách đạt 120 tỷ đồng, tỷ lệ hộ nghèo dưới 0,5%.",
     (None, "commune", "Tân Hòa")),
    # a district named in passing on a page whose targets speak for the whole province
    ("Người dân huyện Mèo Vạc nhận hỗ trợ xóa nhà tạm. Năm 2025, toàn tỉnh phấn đấu giảm 5% tỷ lệ hộ nghèo.",
     (None, "province", "Hà Giang")),
    # a body that is its level names its district bare
    ("Ngày 9.9, Huyện ủy Nam Sách đề ra mục tiêu đến năm 2025 thu nhập bình quân đầu người đạt 90 triệu đồng.",
     ("party_committee", "district", "Nam Sách")),
    # the chair's name after the unit is not part of it
    ("Chiều 11/7, HĐND xã Tân Lập tổ chức kỳ họp thứ hai. Chủ tịch HĐND xã Tân Lập Nguyễn Văn An cho biết, "
     "6 tháng cuối năm xã phấn đấu thu ngân sách đạt 15 tỷ đồng.",
     ("hdnd", "commune", "Tân Lập")),
    # a thousands point inside a number does not end the clause between the body and its goal words
    ("Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025 vừa được Chính phủ phê duyệt với tổng "
     "vốn 196.332 tỷ đồng, với mục tiêu đến năm 2025 cả nước có ít nhất 80% số xã đạt chuẩn nông thôn mới.",
     ("government", "national", None)),
]


UNITS += [
    # a level word opening a clause as the subject of a goal verb is the territory that speaks
    ("Quý I có 3.100 lao động được giải quyết việc làm. Những tháng còn lại, huyện phấn đấu tạo việc làm cho thêm 2.000 lao động.",
     (None, "district", None)),
    ("Đến hết năm 2026, TP phấn đấu giải quyết việc làm cho khoảng 12.000 người.", (None, "province", None)),
    # a ministry's or the central party's document is national: "Hà Nội, ngày ..." is where it was signed
    ("BỘ Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 1234/QĐ-BYT | Hà Nội, ngày 5 tháng 4 năm 2023 |\nQUYẾT ĐỊNH\n"
     "Phê duyệt Kế hoạch tiêm chủng mở rộng năm 2023. Mục tiêu: 95% trẻ em dưới 1 tuổi được tiêm chủng đầy đủ.",
     ("other", "national", None)),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM |\nSố: 21-NQ/TW | Hà Nội, ngày 25 tháng 10 năm 2017 |\nNGHỊ QUYẾT\n"
     "Phấn đấu đến năm 2030 tỷ số giới tính khi sinh dưới 109 bé trai/100 bé gái.", ("party_committee", "national", None)),
    # a page on a party congress: its party body sets the targets no other body set ...
    ("Ngày 12/6, Đảng bộ xã Hợp Thành (huyện Sơn Dương) tổ chức Đại hội đại biểu Đảng bộ xã lần thứ XXV, nhiệm kỳ 2025-2030. "
     "Tham dự có 120 đại biểu. Phấn đấu đến năm 2030, thu nhập bình quân đầu người đạt 75 triệu đồng.",
     ("party_committee", "commune", "Hợp Thành")),
    # ... and "Đại hội" alone names that congress again
    ("Ngày 3/7, Đảng bộ phường Quyết Thắng tiến hành Đại hội đại biểu Đảng bộ lần thứ XVI. Đại hội đề ra mục tiêu "
     "đến năm 2030 tỷ lệ hộ nghèo giảm còn dưới 1%.", ("party_committee", "commune", "Quyết Thắng")),
    # ... also where the body holding it stands further off in the same clause (own wording)
    ("Sáng 15-8, Đảng bộ xã Nghĩa Hưng (tỉnh Lạng Sơn) trọng thể tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030. "
     "Đại hội đặt mục tiêu đến năm 2030 tỷ lệ hộ nghèo giảm còn dưới 1,5%.", ("party_committee", "commune", "Nghĩa Hưng")),
    # a two-column header read as one line: the commune's name stops at the national motto, and
    # a name written in capitals is a name in title case
    ("UBND XÃ TÂN HƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 20/KH-UBND Tân Hương, ngày 3 tháng 2 năm 2024\n"
     "KẾ HOẠCH\nGiảm nghèo năm 2024. Mục tiêu: giảm 15 hộ nghèo.", ("ubnd", "commune", "Tân Hương")),
    # a scan's header whose accents OCR misread is read without them (own wording)
    ("ỦY BAN NHÂN DẨN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTỈNH QUẢNG BÌNH Độc lập - Tự do - Hạnh phúc\n"
     "Số: 12/KH-UBND Quảng Bình, ngày 5 tháng 1 năm 2024\nKẾ HOẠCH\nGiảm nghèo năm 2024\n\nThực hiện hướng dẫn của Bộ Nội vụ, "
     "năm 2024 phấn đấu giảm 1% tỷ lệ hộ nghèo.", ("ubnd", "province", "Quảng Bình")),
    # a congress's heading goes on past the unit's name with its number and term (own wording)
    ("ĐẠI HỘI ĐẢNG BỘ XÃ PHÚC SƠN LẦN THỨ XXI NHIỆM KỲ 2025-2030\nĐại hội đề ra mục tiêu đến năm 2030 giảm tỷ lệ hộ "
     "nghèo xuống dưới 2%.", ("party_committee", "commune", "Phúc Sơn")),
    # ... but a year word is no such word: names begin and end with it (own wording)
    ("Năm 2025, UBND thị trấn Năm Căn phấn đấu giảm 20 hộ nghèo.", ("ubnd", "commune", "Năm Căn")),
    # targets spoken for a district are its own, though the province it lies in is named after it
    ("Năm 2022, tỷ lệ hộ nghèo của huyện Kỳ Sơn (Nghệ An) còn 41%. Năm 2023, huyện đặt mục tiêu giảm tỷ lệ hộ nghèo từ 5 đến 6%.",
     (None, "district", "Kỳ Sơn")),
    # a body quoted as the source of results weighed against a plan sets no target
    ("Theo Sở Lao động - Thương binh và Xã hội tỉnh Yên Bái, năm 2023 tỉnh giảm được 3.100 hộ nghèo, vượt kế hoạch đề ra. "
     "Năm 2024, toàn tỉnh phấn đấu giảm 3% tỷ lệ hộ nghèo.", (None, "province", "Yên Bái")),
    # the bodies among a meeting's guests, and the congress its delegates go to, are no body "Nghị
    # quyết Đại hội" names again (own wording)
    ("Ngày 10/7, Đảng bộ huyện Quỳnh Nhai tổ chức Đại hội đại biểu lần thứ XIX. Dự Đại hội có đồng chí Phó Bí thư "
     "Tỉnh ủy Sơn La. Nghị quyết Đại hội đề ra mục tiêu đến năm 2025 giảm tỷ lệ hộ nghèo còn dưới 10%.",
     ("party_committee", "district", "Quỳnh Nhai")),
    ("Ngày 7/8, Đảng bộ xã Hoành Mô tổ chức Đại hội đại biểu lần thứ I. Đại hội bầu 12 đại biểu đi dự Đại hội Đảng bộ "
     "tỉnh Quảng Ninh. Đại hội thông qua Nghị quyết Đại hội với mục tiêu đến năm 2030 không còn hộ nghèo.",
     ("party_committee", "commune", "Hoành Mô")),
    # a congress of other bodies is no party's
    ("Ngày 20/6, huyện Bảo Lạc tổ chức Đại hội đại biểu các dân tộc thiểu số lần thứ IV. Đại hội đề ra mục tiêu đến năm "
     "2029 giảm tỷ lệ hộ nghèo bình quân 4%/năm.", (None, "district", "Bảo Lạc")),
    # ... but the congress of a district's ethnic-minority delegates, named with its district, sets its goals
    ("Ngày 20/6, Đại hội đại biểu các dân tộc thiểu số huyện Bảo Lạc lần thứ IV được tổ chức. Đại hội đề ra mục tiêu đến năm "
     "2029 giảm tỷ lệ hộ nghèo bình quân 4%/năm.", ("other", "district", "Bảo Lạc")),
    # a council sitting in session adopts the goals no other body sets, as a party congress does (own wording)
    ("Ngày 18/12, HĐND huyện Than Uyên khóa XX tổ chức Kỳ họp thứ 9, đánh giá kết quả năm 2024 và quyết định nhiệm vụ năm "
     "2025. Năm 2025, huyện phấn đấu giảm 4% tỷ lệ hộ nghèo.", ("hdnd", "district", "Than Uyên")),
    # a two-column header read row by row puts the national name between the body and its unit on
    # the next row (Tesseract's shape of Hà Tĩnh 1740/QĐ-UBND): the unit is the plan's, whatever
    # province the "Căn cứ" lines cite (own wording)
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nHUYỆN KỲ SƠN Độc lập - Tự do - Hạnh phúc\nSố: 62/KH-UBND "
     "Kỳ Sơn, ngày 15 tháng 3 năm 2017\nKẾ HOẠCH\nGiảm nghèo năm 2017\nCăn cứ Kế hoạch số 781/KH-UBND ngày 21/12/2016 của "
     "UBND tỉnh Nghệ An;\nNăm 2017 giảm 5% tỷ lệ hộ nghèo.", ("ubnd", "district", "Kỳ Sơn")),
    ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ HÒA SƠN | Độc lập - Tự do - Hạnh phúc\nSố: 08/KH-UBND | "
     "Hòa Sơn, ngày 26 tháng 01 năm 2018\nKẾ HOẠCH\nXây dựng nông thôn mới năm 2018\nCăn cứ Kế hoạch số 15/KH-UBND ngày "
     "10/01/2018 của UBND huyện Lương Sơn;\nNăm 2018 có thêm 2 tiêu chí đạt chuẩn.", ("ubnd", "commune", "Hòa Sơn")),
    # a district the page has named is named bare again as the unit that commits ("Năm 2017, Thăng
    # Bình phấn đấu ...", w315; "Hương Khê phấn đấu", w289), whatever province the page also names
    ("Hương Sơn tổng kết công tác năm 2016\n\nChiều 28/12, huyện Hương Sơn tổ chức hội nghị tổng kết công tác năm 2016. "
     "Dự hội nghị có đồng chí Phó Chủ tịch UBND tỉnh Hà Tĩnh.\n\nNăm 2017, Hương Sơn phấn đấu giảm tỷ lệ hộ nghèo 3%.",
     (None, "district", "Hương Sơn")),
    # a party committee holding the meeting the page reports directs the goals it states ("Huyện ủy
    # Nông Sơn làm việc với ...", w293; "Đảng uỷ xã Bình Nguyên tổ chức hội nghị ...", w326; own wording)
    ("Mường Lát phấn đấu giảm 300 hộ nghèo\n\nChiều 12/3, Huyện ủy Mường Lát làm việc với các xã về công tác giảm nghèo. "
     "Năm 2024, huyện phấn đấu giảm 300 hộ nghèo.", ("party_committee", "district", "Mường Lát")),
    # a commune's header under its district's: the lower line is the issuer, and its name in capitals
    # does not run into the next line's "Số" (own wording; the two-line header of Gia Lai 115/KH-SNNMT)
    ("UBND HUYỆN MƯỜNG LA\nỦY BAN NHÂN DÂN XÃ NGỌC CHIẾN\nSố: 21/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\n\nNgọc Chiến, ngày 20 tháng 02 năm 2020\n\nKẾ HOẠCH\nGiảm nghèo năm 2020\n\n"
     "Năm 2020, phấn đấu giảm tỷ lệ hộ nghèo 4%.", ("ubnd", "commune", "Ngọc Chiến")),
    # the body after a cited symbol's "của" issued that document: where another body of the page
    # sets the goals, that one is the plan's (own wording)
    ("Mèo Vạc quyết tâm xóa nhà tạm trong năm 2025\n\nNăm 2025, UBND huyện Mèo Vạc đặt mục tiêu giảm tỷ lệ hộ "
     "nghèo từ 4 - 5%. Thực hiện Kế hoạch số 135/KH-UBND của UBND tỉnh Hà Giang, năm 2025 huyện sẽ hỗ trợ làm "
     "nhà cho 980 hộ.", ("ubnd", "district", "Mèo Vạc")),
    # a province's body named without its province: a district the page names in passing is in the
    # province spoken of (own wording; w231, where the province's capital is named)
    ("Khắc phục hậu quả mưa lũ\n\nChiều 29/10, Chủ tịch UBND tỉnh chủ trì hội nghị với các huyện. Tại huyện Hướng Hóa, "
     "mưa lũ làm sập 45 căn nhà. UBND tỉnh đặt mục tiêu năm 2021 hỗ trợ làm nhà cho 500 hộ.", ("ubnd", "province", "Quảng Trị")),
]


@pytest.mark.parametrize("text, expected", UNITS, ids=[
    "congress-resolution", "resolution-of-named-body", "body-by-kind", "unit-commits", "district-in-passing", "district-bare",
    "chair-name", "thousands-point", "level-word-commits", "city-commits", "ministry", "central-party", "congress-page", "congress-again", "congress-held", "header-motto", "ocr-header", "congress-heading", "name-with-a-year-word", "district-spoken-for", "results-source", "congress-guests", "congress-delegates", "other-congress", "minority-congress",
    "council-session", "header-row-district", "header-row-commune", "district-named-again", "party-meeting",
    "commune-under-district-header", "goal-setter-over-cited-body", "province-body-district-in-passing"])
def test_the_plan_is_the_unit_the_page_is_about(text, expected):
    plan = extract_text(text).plan
    assert (plan.issuer_body, plan.issuer_level, plan.place) == expected


@pytest.mark.parametrize("text", [
    "Năm 2023, tỉnh đào tạo nghề cho 2.000 người, đạt 95,2% kế hoạch giao. Năm 2024 tỉnh phấn đấu đào tạo nghề cho 2.500 người.",
    "Tỷ lệ hộ nghèo giảm bình quân 3,1%/năm, vượt kế hoạch đề ra. Năm 2025 huyện phấn đấu giảm thêm 2% tỷ lệ hộ nghèo.",
])
def test_a_result_measured_against_a_plan_names_no_document(text):
    assert extract_text(text).plan.doc_type is None


@pytest.mark.parametrize("text, expected", [
    # a programme the sentence says was just issued is the page's plan
    ("Theo Chương trình phát triển thủy sản bền vững giai đoạn 2021-2025 vừa được Thủ tướng Chính phủ phê duyệt, "
     "cả nước phấn đấu đạt sản lượng 9 triệu tấn.", "chuong_trinh"),
    ("Chương trình bảo tồn đa dạng sinh học đến năm 2030 mới được Chính phủ ban hành đặt mục tiêu 9% diện tích được bảo vệ.",
     "chuong_trinh"),
    # one a province implements is not: the province's own goals name no document
    ("Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững, năm 2024 tỉnh Hà Giang phấn đấu giảm 4% tỷ lệ hộ nghèo.", None),
    ("Tỉnh đang triển khai Chương trình mục tiêu quốc gia xây dựng nông thôn mới, phấn đấu năm 2025 có 60% số xã đạt chuẩn.", None),
    # a plan a sentence asks to be drawn up is a task, not the page's document, and one it says a
    # territory has is an intention
    ("Năm 2025, xã phấn đấu có thêm 2 thôn đạt chuẩn nông thôn mới kiểu mẫu. Các thôn xây dựng kế hoạch chỉnh trang khu dân cư.",
     None),
    ("Năm 2024, tỉnh phấn đấu trồng mới 3.000 ha rừng. Toàn tỉnh có kế hoạch trồng 3.000 ha rừng tập trung.", None),
    # a plan to study a document is about that document, which is the page's (own wording)
    ("Xã Tân Lập học tập Nghị quyết Đại hội\n\nSáng 5/10, Đảng ủy xã Tân Lập tổ chức Hội nghị triển khai kế hoạch học tập, "
     "quán triệt Nghị quyết Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025 - 2030.\n\nĐại hội đã xác định nhiều chỉ tiêu, trong "
     "đó: thu nhập bình quân đầu người đến năm 2030 đạt 90 triệu đồng; 100% đường giao thông được cứng hóa.", "nghi_quyet"),
], ids=["approved-programme", "issued-programme", "implemented-programme", "programme-under-way", "plan-to-be-drawn-up",
        "plan-intended", "plan-to-study-a-resolution"])
def test_a_programme_is_the_plan_only_where_it_is_announced(text, expected):
    assert extract_text(text).plan.doc_type == expected


@pytest.mark.parametrize("text, expected", [
    # a document opening a clause as the subject of a goal-setting verb sets the page's goals
    ("Chương trình mục tiêu quốc gia phát triển văn hóa giai đoạn 2025-2035 đặt mục tiêu đến năm 2030 "
     "có 95% số xã có nhà văn hóa.", "chuong_trinh"),
    ("Theo đó, Chiến lược phát triển thủy lợi đến năm 2030 đặt ra mục tiêu 95% diện tích lúa được tưới tiêu chủ động.", "other"),
    ("HÀ GIANG - Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050 xác định mục tiêu tỷ lệ đô thị hóa đạt 30%.", "other"),
    # one a body implements, or one whose summing up a congress is charged with, does not
    ("Thực hiện Chiến lược phát triển thủy lợi, tỉnh đặt mục tiêu 90% diện tích lúa được tưới tiêu chủ động.", None),
    ("Đại hội có nhiệm vụ tổng kết thực hiện Chương trình xây dựng nông thôn mới và xác định mục tiêu giai đoạn tới: "
     "phấn đấu 80% số xã đạt chuẩn.", None),
], ids=["programme-sets-goals", "strategy-sets-goals", "master-plan-sets-goals", "strategy-implemented", "programme-summed-up"])
def test_a_document_setting_goals_as_a_subject_is_the_plan(text, expected):
    assert extract_text(text).plan.doc_type == expected


@pytest.mark.parametrize("text, expected", [
    # a goal stated without a figure, due by a year still ahead, is the page's plan
    (" date 2022-03\nTỉnh Lai Châu phấn đấu đến năm 2025 trở thành tỉnh phát triển khá trong vùng trung du miền núi phía Bắc.",
     ("province", "Lai Châu", 2021, 2025)),
    ("Sáng 14/5, huyện Mường Tè đặt mục tiêu đến cuối năm 2026 thoát khỏi tình trạng huyện nghèo.",
     ("district", "Mường Tè", 2026, 2026)),
    # a page that only reports names no plan, even where it speaks of one
    (" date 2024-12\nNăm 2024, tỉnh Lai Châu đã hoàn thành các mục tiêu giảm nghèo đề ra, đời sống người dân được cải thiện.",
     (None, None, None, None)),
    (" date 2024-12\nThực hiện mục tiêu giảm nghèo bền vững, huyện Mường Tè đã hỗ trợ nhiều hộ phát triển sản xuất.",
     (None, None, None, None)),
], ids=["province-goal", "district-goal", "results-only", "implementing-a-goal"])
def test_a_goal_without_a_figure_names_the_plan(text, expected):
    plan = extract_text(text).plan
    assert (plan.issuer_level, plan.place, plan.period_start, plan.period_end) == expected


@pytest.mark.parametrize("text, expected", [
    # a register's copy opens with the document's title and no header: that is the document, not
    # one a later sentence says was adopted (own wording)
    ("Chỉ thị về việc xây dựng kế hoạch phát triển kinh tế - xã hội 5 năm 2026 - 2030\nNăm 2025, các chỉ tiêu đã được thông "
     "qua tại Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV, giai đoạn 2021 - 2025 cơ bản hoàn thành. Giai đoạn 2026 - 2030, "
     "phấn đấu tỷ lệ hộ nghèo giảm bình quân 1%/năm.", ("chi_thi", None, None, 2026, 2030)),
    # a sentence saying a document of the title's type was issued tells by whom and when (own wording)
    ("Kế hoạch phát triển du lịch cộng đồng (10/04/2024)\n\nNgày 8/4, UBND tỉnh Lào Cai ban hành Kế hoạch phát triển du lịch "
     "cộng đồng giai đoạn 2024 - 2030, phấn đấu đón 1 triệu lượt khách.", ("ke_hoach", "ubnd", "2024-04-08", 2024, 2030)),
], ids=["register-title", "title-then-issuing-sentence"])
def test_a_text_opening_with_a_title_is_that_document(text, expected):
    plan = extract_text(text).plan
    assert (plan.doc_type, plan.issuer_body, plan.issued and plan.issued.isoformat(), plan.period_start, plan.period_end) == expected


@pytest.mark.parametrize("text, expected", [
    # a sentence opening with a document's goals names the document the page is about, figures or
    # none (own wording; the construction stands in w240, w060, w158)
    ("Huyện Bảo Lạc triển khai nhiều giải pháp phát triển vùng cao. Mục tiêu tổng quát của Kế hoạch là khai thác tiềm năng "
     "đất đai, giữ vững quốc phòng.", "ke_hoach"),
    ("Tỉnh họp bàn công tác bảo vệ rừng. Mục tiêu của đề án này là ngăn chặn tình trạng phá rừng.", "de_an"),
    # a goal of a document named inside a sentence is one the page weighs results against
    ("Sáng 12/3, huyện họp giao ban. Huyện vẫn chưa đạt các mục tiêu của Kế hoạch giảm nghèo.", None),
], ids=["goals-of-a-plan", "goals-of-a-scheme", "goals-named-mid-sentence"])
def test_a_sentence_opening_with_a_documents_goals_names_it(text, expected):
    assert extract_text(text).plan.doc_type == expected


@pytest.mark.parametrize("text, expected", [
    # a headline opened by a district's bare name and a colon names the unit (own wording; w262, w292)
    ("Nguyên Bình: Nghị quyết của HĐND huyện về nhiệm vụ năm 2024\n\nNăm 2024, phấn đấu giảm 4% tỷ lệ hộ nghèo.",
     ("hdnd", "district", "Nguyên Bình")),
    ("Ứng Hòa: Nghị quyết của HĐND huyện về nhiệm vụ năm 2024\n\nNăm 2024, phấn đấu giảm 4% tỷ lệ hộ nghèo.",
     ("hdnd", "district", "Ứng Hòa")),
    # ... before the province a paper's sigil in the lead names (annotation rule 3: the text's own unit wins)
    ("Tuyên Hóa: Nỗ lực hoàn thành các chỉ tiêu năm 2023\n\nQBĐT - Ngày 12/7, huyện tổ chức hội nghị sơ kết 6 tháng "
     "đầu năm. Huyện phấn đấu đến cuối năm giảm 2% tỷ lệ hộ nghèo.", (None, "district", "Tuyên Hóa")),
    # a label before a colon names nothing, and no unit's name runs past a blank line
    ("Lưu ý: Nghị quyết của HĐND huyện về nhiệm vụ năm 2024\n\nNăm 2024, phấn đấu giảm 4% tỷ lệ hộ nghèo.",
     ("hdnd", "district", None)),
    ("Lưu ý: Nghị quyết của HĐND huyện\n\nNăm 2024 phấn đấu giảm 4% tỷ lệ hộ nghèo.", ("hdnd", "district", None)),
], ids=["district-headline", "accented-capital", "over-a-sigil", "label-headline", "no-name-past-a-blank-line"])
def test_a_headline_opened_by_a_districts_name_names_the_unit(text, expected):
    plan = extract_text(text).plan
    assert (plan.issuer_body, plan.issuer_level, plan.place) == expected


@pytest.mark.parametrize("text, expected", [
    # a commune registering to reach a standard signs no document: the decision cited beside it is
    # not the page's (own wording; "đăng ký đạt chuẩn" in w273, "đăng ký về đích" in w111)
    ("UBND tỉnh Nghệ An họp triển khai nhiệm vụ năm 2014. Năm 2014, tỉnh phấn đấu có thêm 20 xã đạt chuẩn nông thôn mới. "
     "Các xã đăng ký đạt chuẩn phải bám sát Quyết định số 800/QĐ-TTg ngày 04/6/2010 của Thủ tướng Chính phủ.",
     (None, None)),
    ("UBND tỉnh Nghệ An họp triển khai nhiệm vụ năm 2014. Năm 2014, tỉnh phấn đấu có thêm 20 xã đạt chuẩn nông thôn mới. "
     "Chủ tịch UBND tỉnh đã ký Quyết định số 45/QĐ-UBND ngày 04/1/2014 giao chỉ tiêu cho các huyện.",
     ("quyet_dinh", "ubnd")),
], ids=["registering-signs-nothing", "signing-issues"])
def test_a_verb_inside_a_longer_word_issues_nothing(text, expected):
    plan = extract_text(text).plan
    assert (plan.doc_type, plan.issuer_body) == expected


@pytest.mark.parametrize("text, issued", [
    # a session's time of day dates the meeting, not the document it adopts (own wording; reviewers
    # leave it out: w062, w087, w175, w290), and a day and month is never a fraction (2/8 is no 25%)
    ("HĐND huyện họp kỳ thứ 10\n\n20/12/2024 08:00\n\nChiều 19/12, HĐND huyện thông qua Nghị quyết về nhiệm vụ năm 2025. "
     "Năm 2025, huyện phấn đấu giảm tỷ lệ hộ nghèo 2%. Kỳ họp bế mạc chiều 20/12.", None),
    ("Huyện Mường Tè tập trung giảm nghèo\n\n20/3/2025 08:00\n\nNgày 10/3, UBND huyện ban hành Kế hoạch giảm nghèo năm "
     "2025. Năm 2025, huyện phấn đấu giảm tỷ lệ hộ nghèo 2%.", "2025-03-10"),
], ids=["session-day", "issue-day"])
def test_an_events_time_of_day_is_no_issue_date(text, issued):
    extraction = extract_text(text)
    assert (extraction.plan.issued.isoformat() if extraction.plan.issued else None) == issued
    assert [t.value_min for t in extraction.targets] == [2.0]


@pytest.mark.parametrize("opening, issued", [
    # a council's resolution is issued the day the session adopting it sat (own wording; w071, w276,
    # w322), or closed after several days ...
    ("Ngày 14/12, HĐND huyện Sìn Hồ khóa XXI tổ chức kỳ họp thứ 9.", "2023-12-14"),
    ("Chiều 15/12, sau 3 ngày làm việc, kỳ họp thứ 9, HĐND huyện Sìn Hồ khóa XXI đã bế mạc.", "2023-12-15"),
    # ... not the day it opened (w290), nor the first day of several (w090) ...
    ("Sáng 13/12, HĐND huyện Sìn Hồ khóa XXI khai mạc kỳ họp thứ 9.", None),
    ("Ngày 13/12, HĐND huyện Sìn Hồ khóa XXI tổ chức kỳ họp thứ 9. Kỳ họp diễn ra trong 2 ngày.", None),
], ids=["one-day-session", "closing-day", "opening-day", "first-of-several-days"])
def test_a_councils_resolution_is_issued_the_day_its_session_adopted_it(opening, issued):
    plan = extract_text(f" date 2023-12 {opening} Tại kỳ họp, HĐND huyện đã thông qua Nghị quyết về nhiệm vụ phát triển "
                        "kinh tế - xã hội năm 2024. Năm 2024, huyện phấn đấu giảm 4% tỷ lệ hộ nghèo.").plan
    assert (plan.issuer_body, plan.issued.isoformat() if plan.issued else None) == ("hdnd", issued)


def test_a_numbered_councils_resolution_without_a_date_takes_its_sessions_day():
    plan = extract_text(" date 2023-12 Chiều 14/12, HĐND huyện Sìn Hồ khóa XXI bế mạc kỳ họp thứ 9. Các nghị quyết được "
                        "thông qua tại kỳ họp có: Nghị quyết số 45/NQ-HĐND về nhiệm vụ phát triển kinh tế - xã hội năm 2024. "
                        "Năm 2024, huyện phấn đấu giảm 4% tỷ lệ hộ nghèo.").plan
    assert (plan.symbol, plan.issued.isoformat() if plan.issued else None) == ("45/NQ-HĐND", "2023-12-14")


def test_a_party_congress_day_is_not_its_resolutions_issue_date():
    # the committee issues a congress's resolution later: reviewers leave its day out (w087, w148, w154)
    plan = extract_text(" date 2020-05 Ngày 14/5, Đảng bộ xã Tả Phìn tổ chức Đại hội đại biểu lần thứ XXIV, nhiệm kỳ "
                        "2020 - 2025. Đại hội đã thông qua Nghị quyết với chỉ tiêu giảm tỷ lệ hộ nghèo bình quân 4%/năm.").plan
    assert (plan.issuer_body, plan.issued) == ("party_committee", None)


def test_a_sentence_naming_one_document_announces_it_before_one_counting_them():
    # "thông qua 16 nghị quyết" (w071), "ban hành 9 nghị quyết, quyết định" (w189) count documents and
    # name none: the sentence naming the resolution gives its year (own wording)
    plan = extract_text("Bế mạc kỳ họp thứ 12, HĐND tỉnh Lai Châu: Thông qua 19 nghị quyết\n\nChiều 8/12, kỳ họp thứ 12 "
                        "đã bế mạc. Kỳ họp đã thông qua 19 nghị quyết, trong đó có Nghị quyết về kế hoạch phát triển "
                        "kinh tế - xã hội năm 2024.\n\nCác chỉ tiêu chủ yếu: tỷ lệ hộ nghèo giảm 3%; có thêm 8 xã đạt "
                        "chuẩn nông thôn mới.").plan
    assert (plan.doc_type, plan.period_start, plan.period_end) == ("nghi_quyet", 2024, 2024)


@pytest.mark.parametrize("text", [
    "Chi cục Dân số - Kế hoạch hóa gia đình tỉnh Nam Định cho biết, năm 2024 tỉnh phấn đấu tỷ số giới tính khi sinh dưới "
    "110 bé trai/100 bé gái.",
    "Ông Lò Văn Hưng, Phó Giám đốc Sở Kế hoạch và Đầu tư tỉnh Điện Biên cho biết, năm 2025 tỉnh phấn đấu thu ngân sách "
    "đạt 2.500 tỷ đồng.",
])
def test_a_type_word_inside_an_agencys_or_a_fields_name_names_no_document(text):
    """"Kế hoạch hóa gia đình" (family planning: w030, w305) and "Kế hoạch và Đầu tư" name no plan."""
    assert extract_text(text).plan.doc_type is None


@pytest.mark.parametrize("told, doc_type", [
    # a resolution whose goals a sentence tells as exceeded went by: it is not the page's document
    # ("Thực hiện đạt và vượt hầu hết các chỉ tiêu nghị quyết nhiệm kỳ 2010-2015", w157; own wording)
    ("Nhiệm kỳ 2015 - 2020, Đảng bộ xã đã đạt và vượt 17/19 chỉ tiêu Nghị quyết Đại hội đề ra.", None),
    ("Đại hội đã thông qua Nghị quyết nhiệm kỳ 2020 - 2025.", "nghi_quyet"),
], ids=["goals-exceeded", "resolution-adopted"])
def test_a_resolution_whose_goals_were_exceeded_is_not_the_pages_document(told, doc_type):
    plan = extract_text(f"Đại hội Đảng bộ xã Tả Van lần thứ XXV\n\n{told} Nhiệm kỳ 2020 - 2025, xã phấn đấu giảm tỷ lệ hộ "
                        "nghèo bình quân 3%/năm.").plan
    assert plan.doc_type == doc_type


@pytest.mark.parametrize("text, expected", [
    # a body whose reporting verb tells results does not set the goals a council adopts later
    # (own wording; w323, where the ward's council then adopts the plan)
    ("HĐND xã Nam Hồng tổ chức kỳ họp cuối năm\n\nBáo cáo của UBND xã cho biết, năm 2023 toàn xã còn 35 hộ nghèo. "
     "Năm 2024, HĐND xã xác định mục tiêu giảm tỷ lệ hộ nghèo xuống còn 1,2%.", "hdnd"),
    # ... but one whose reporting verb tells the targets speaks for them
    ("Tỉnh bàn giải pháp giảm nghèo\n\nGiám đốc Sở Lao động cho biết, năm 2024 tỉnh phấn đấu giảm 1,5% tỷ lệ hộ nghèo.",
     None),
    ("Tỉnh bàn giải pháp giảm nghèo\n\nUBND tỉnh cho biết, năm 2024 tỉnh phấn đấu giảm 1,5% tỷ lệ hộ nghèo.", "ubnd"),
    # the body whose earlier goal a result is weighed against, in a bracket, set no goal of the page's own
    ("Huyện tổng kết giảm nghèo\n\nNgày 10/12/2020, UBND huyện Mường Tè tổ chức hội nghị tổng kết. Giai đoạn 2016-2020, tỷ lệ "
     "hộ nghèo giảm bình quân 5,1%/năm, vượt chỉ tiêu Nghị quyết Đại hội Đảng bộ huyện đề ra (giảm bình quân 4%/năm). Giai đoạn "
     "2021-2025, UBND huyện đặt mục tiêu giảm tỷ lệ hộ nghèo bình quân 3%/năm.", "ubnd"),
], ids=["results-told", "department-source", "targets-told", "earlier-goal-quoted"])
def test_a_body_telling_figures_speaks_for_them_only_where_they_are_targets(text, expected):
    assert extract_text(text).plan.issuer_body == expected
