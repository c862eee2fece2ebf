"""The targets pass's decisions, one row per annotation rule (spec/annotation-rules.md), on
sentences written the way the seed articles and the rules' own examples write them.

Each row is (text, [(value_min, value_max, unit, change, bound, per_year), ...]) for the targets
in reading order; a few rows also pin the indicator or the year.
"""

import pytest

from chitieu import extract_text


# a news page of 14 March 2022: what is due later in 2022 is still ahead of it
PAGE = "Huyện Tương Dương triển khai công tác giảm nghèo\n\nThứ Hai, 14/03/2022\n\n"


def t(low, high=None, unit="percent", change="level", bound="exact", per_year=False):
    return (low, low if high is None else high, unit, change, bound, per_year)


DECISIONS = [
    # rule 1: what the plan commits to
    ("Kế hoạch đề ra chỉ tiêu đến năm 2025, phấn đấu giảm 50% số hộ cận nghèo so với đầu kỳ theo chuẩn nghèo đa chiều của quốc gia.",
     [t(50, change="decrease")]),
    # rule 1: a baseline is where the change starts, not a target
    ("Phấn đấu giảm tỷ lệ hộ nghèo từ 48,14% năm 2015 xuống còn 20% năm 2020.", [t(20)]),
    # ... also when the starting point is followed by its date and an equivalent; the target counts
    # what the starting point counts
    ("Phấn đấu giảm số hộ nghèo từ 4.120 hộ vào thời điểm cuối năm 2021 (bằng 0,3% tổng số hộ dân) xuống còn 1.200 hộ.",
     [t(1200, unit="households")]),
    # rule 1: results, estimates and budgets
    ("Theo kết quả rà soát, toàn tỉnh còn 20.411 hộ nghèo, chiếm 11,24%.", []),
    ("Ước đến cuối năm 2022, tỷ lệ hộ nghèo toàn tỉnh còn 3,5%.", []),
    ("Tổng nguồn vốn thực hiện Chương trình là 1.200 tỷ đồng.", []),
    ("Phấn đấu năm 2025 xây dựng được ít nhất 22 đơn vị hành chính cấp xã không ma túy. "
     "Cơ sở cai nghiện số 1 hiện đang cai nghiện cho 366 người.", [t(22, unit="communes", bound="at_least")]),
    # rule 1: a group definition names who, not how many
    ("Phấn đấu giảm 4% tỷ lệ hộ nghèo ở các huyện có tỷ lệ hộ nghèo trên 50%.", [t(4, change="decrease")]),
    # rule 1: the units a plan assigns targets to are who receives them, not a target
    ("Phấn đấu năm 2024, UBND tỉnh giao chỉ tiêu giảm nghèo cho 12 huyện, thành phố; toàn tỉnh giảm 1,5% tỷ lệ hộ nghèo.",
     [t(1.5, change="decrease")]),
    # ... and a count of people or households after the quota verb is the quota's own figure (own wording)
    (" date 2023-12\nNăm 2024, huyện giao chỉ tiêu đào tạo nghề cho 520 lao động nông thôn.", [t(520, unit="workers")]),
    # ... but the list after a colon gives each unit its quota (own wording)
    ("2. Mục tiêu cụ thể năm 2020\nGiao chỉ tiêu giảm hộ nghèo cho 14 xã: xã Phú Lộc giảm 40 hộ, xã Vĩnh Hòa giảm 35 hộ.",
     [t(40, unit="households", change="decrease"), t(35, unit="households", change="decrease")]),
    # rule 1: a forecast in the plan's own goal paragraph is a target
    ("Dự kiến tỷ lệ hộ nghèo của tỉnh dưới 0,7%.\nĐể thực hiện các mục tiêu trên, các sở, ngành triển khai đồng bộ các giải pháp.",
     [t(0.7, bound="at_most")]),
    # ... also where paragraphs stand apart by a blank line, and where the estimate's figure follows
    # a word of the present state, which tells the state the estimate expects (own wording)
    ("Năm 2019, huyện phấn đấu giảm 600 hộ nghèo. Dự kiến đến cuối năm 2019, tỷ lệ hộ nghèo toàn huyện còn khoảng 8%.\n\n"
     "Để thực hiện các mục tiêu trên, huyện tập trung lồng ghép các nguồn vốn.",
     [t(600, unit="households", change="decrease"), t(8, bound="approx")]),
    # ... and a comparison with the country inside a goal sentence does not end the goal list
    ("Phấn đấu tỷ lệ hộ nghèo của tỉnh dưới 1% so với tỷ lệ hộ nghèo cả nước dự kiến là 1,5 - 1,2%. "
     "Tỷ lệ hộ nghèo vùng đồng bào dân tộc thiểu số giảm 3%/năm.",
     [t(1, bound="at_most"), t(3, change="decrease", per_year=True)]),
    # a paragraph opening with what was done ("đã") ends the goal list
    ("Phấn đấu năm 2022 giảm 2% tỷ lệ hộ nghèo.\nCác cấp, ngành đã tích cực triển khai các chính sách giảm nghèo. "
     "Bình quân mỗi năm, toàn tỉnh triển khai 20 mô hình giảm nghèo.", [t(2, change="decrease")]),
    # ... and so does one opening with a year already past on the page's date
    ("Thứ Ba, 16/01/2024 10:05\n\nNăm 2024, tỉnh phấn đấu giảm 3% tỷ lệ hộ nghèo.\n"
     "Năm 2023, toàn tỉnh giảm 5.120 hộ nghèo. Có 1.200 lao động được giới thiệu việc làm.", [t(3, change="decrease")]),
    ("Phấn đấu năm 2022 giảm 2% tỷ lệ hộ nghèo.\nCác mục tiêu đã đề ra: 100% hộ nghèo được hỗ trợ tham gia bảo hiểm y tế.",
     [t(2, change="decrease"), t(100)]),
    # rule 2: a restatement in parentheses is a target of its own
    ("Phấn đấu số hộ nghèo đến cuối năm 2023 còn 18.311 hộ (giảm 1.970 hộ).",
     [t(18311, unit="households"), t(1970, unit="households", change="decrease")]),
    # rule 3: a headline rounding a body figure adds nothing ...
    ("Tỉnh phấn đấu giảm gần 5.000 hộ nghèo trong năm 2023\nPhấn đấu cuối năm 2023 toàn tỉnh giảm trên 4.990 hộ nghèo.",
     [t(4990, unit="households", change="decrease", bound="at_least")]),
    # ... nor one cutting it to its leading digits after "hơn", nor one end of the body's range ...
    ("Năm 2025, tỉnh phấn đấu giảm hơn 2.400 hộ nghèo\nNăm 2025, toàn tỉnh phấn đấu giảm 2.470 hộ nghèo.",
     [t(2470, unit="households", change="decrease")]),
    ("Phấn đấu tỷ lệ lao động qua đào tạo lên 60%\nĐến năm 2025, tỉnh phấn đấu tỷ lệ lao động qua đào tạo đạt 55-60%.",
     [t(55, 60)]),
    # ... but a headline figure the body states again is that statement, never a rounding of another,
    # and a range rounds nothing
    ("Huyện phấn đấu tăng thu ngân sách bình quân 8-10% mỗi năm\nĐại hội thông qua các chỉ tiêu: giá trị sản xuất tăng "
     "bình quân 10,7%; thu ngân sách tăng bình quân 8-10% mỗi năm.",
     [t(8, 10, change="increase", per_year=True), t(10.7, change="increase")]),
    # a shorter statement whose words all stand in a longer one of the same figure restates it
    ("Mục tiêu năm 2030\nPhường Đông Hải phấn đấu tỷ lệ đô thị hóa trên địa bàn cuối năm 2030 đạt 65%.\n"
     "Đại hội đặt mục tiêu đến cuối năm 2030, tỷ lệ đô thị hóa trên địa bàn đạt 65%.", [t(65)]),
    # a lead that prints the headline again is the headline; the body's statement in other words repeats it
    ("Đại hội Đảng bộ tỉnh Yên Bái thông qua chỉ tiêu đến 2030: tăng trưởng kinh tế đạt 8%/năm\n\nBan Chấp hành khóa XX. Đại hội "
     "Đảng bộ tỉnh Yên Bái thông qua chỉ tiêu đến 2030: tăng trưởng kinh tế đạt 8%/năm. Sáng 12/10, Đại hội đại biểu Đảng bộ "
     "tỉnh Yên Bái lần thứ XX, nhiệm kỳ 2025 - 2030 đã bế mạc sau ba ngày làm việc. Đại hội đã thông qua các chỉ tiêu "
     "chủ yếu đến năm 2030 như: tốc độ tăng trưởng GRDP bình quân hằng năm 8%. Tỷ lệ che phủ rừng đạt 63%.",
     [t(8, per_year=True), t(63)]),
    # ... a headline aggregate of district quotas stays
    ("Phấn đấu giảm 1.200 hộ nghèo trong năm 2023\nPhấn đấu huyện Mường La giảm 700 hộ nghèo, huyện Sông Mã giảm 500 hộ nghèo.",
     [t(1200, unit="households", change="decrease"), t(700, unit="households", change="decrease"),
      t(500, unit="households", change="decrease")]),
    # a site's tag and a date line above the headline are no headline: the body's statement of the
    # headline's figure repeats it (own wording)
    ("Dân số\n\n08:15 12/03/2024\n\nLai Châu: phấn đấu tỷ suất sinh đạt 2,1 con/phụ nữ vào năm 2030\n\n"
     "Tỉnh đặt mục tiêu đến năm 2030 duy trì tổng tỷ suất sinh toàn tỉnh đạt 2,1 con.",
     [t(2.1, unit="other")]),
    # a news page's short lead sums the article up as its headline does: the body's statement of a
    # lead figure repeats it (own wording)
    ("Điện Biên đặt mục tiêu lớn cho nhiệm kỳ mới\n\nĐại hội Đảng bộ tỉnh đặt mục tiêu tăng trưởng GRDP 9%/năm và thu "
     "nhập bình quân 70 triệu đồng/người.\n\nĐại hội đã thông qua các chỉ tiêu chủ yếu đến năm 2030: tốc độ tăng trưởng "
     "kinh tế bình quân từ 9%/năm trở lên; thu nhập bình quân đầu người đạt 70 triệu đồng.",
     [t(9, per_year=True), t(70e6, unit="vnd", per_year=True)]),
    # the items of one list are distinct things, however alike their measure and figure (own wording)
    ("Phấn đấu đến năm 2030: tỷ lệ người dân tham gia bảo hiểm y tế đạt 95%; tỷ lệ che phủ rừng đạt 45%; "
     "95% học sinh tham gia bảo hiểm y tế.",
     [t(95), t(45), t(95)]),
    # ... and so are the items of a marked list, each on its own line, though they state the same
    # figure in the same words; a lead-in ("Nhiệm vụ:") or a heading between two items parts them,
    # and the goal told again under the tasks is one target (own wording)
    ("Mục tiêu đến năm 2030:\n\n- Phát triển cây dược liệu dưới tán rừng:\n\n+ Cây quế: trồng mới 200 ha.\n\n"
     "+ Cây hồi: trồng mới 200 ha.\n\n+ Cây sa nhân: trồng mới 100 ha.", [t(200, unit="other"), t(200, unit="other"), t(100, unit="other")]),
    ("Mục tiêu đến năm 2030:\n\n+ Cây quế: trồng mới 200 ha.\n\nNhiệm vụ cụ thể:\n\n+ Cây quế: trồng mới 200 ha.",
     [t(200, unit="other")]),
    ("II. MỤC TIÊU\n\n- Trồng mới 200 ha rừng sản xuất mỗi năm.\n\nIII. NHIỆM VỤ\n\n- Trồng mới 200 ha rừng sản xuất mỗi năm.",
     [t(200, unit="other", per_year=True)]),
    # a yearly deed's list of outputs: each output is yearly (own wording)
    ("Mục tiêu năm 2024:\n\n- Hằng năm tổ chức 02 hội thi tìm hiểu pháp luật, 05 tọa đàm và 12 chuyến đi thực tế.",
     [t(2, unit="other", per_year=True), t(5, unit="other", per_year=True), t(12, unit="other", per_year=True)]),
    # a portal headline naming a year still ahead of the page's date line states the plan's key goal ...
    ("Sơn La: Hỗ trợ 500 hộ nghèo xây dựng nhà ở trong năm 2022\n\nThứ Sáu, 18/03/2022 18:05\n\n"
     "Ngày 10/3, UBND tỉnh ban hành Kế hoạch số 55/KH-UBND về giảm nghèo bền vững.",
     [t(500, unit="households")]),
    # ... one on a December page about that year reports a result
    ("Sơn La chỉ còn 2,1% hộ nghèo vào cuối năm 2022\n\nThứ Hai 12/12/2022, 14:39\n\n"
     "Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2022, tỉnh đã hỗ trợ nhiều hộ.",
     []),
    # a class of communes by how many criteria they meet is who is meant, not a count to reach, also
    # when its defining word is the quantity's bound ("dưới") (own wording)
    ("Phấn đấu đến năm 2025 có 60% số xã đạt chuẩn nông thôn mới, không còn xã dưới 12 tiêu chí.", [t(60)]),
    ("Phấn đấu năm 2026 giảm số xã đạt dưới 8 tiêu chí xuống còn 10 xã.", [t(10, unit="communes")]),
    # a share of the whole population a group takes or is tells what the population is made of; a
    # share of the population doing something is a goal (own wording)
    ("II. MỤC TIÊU\n- Là huyện có đồng bào dân tộc thiểu số chiếm 68% dân số, phấn đấu giảm tỷ lệ hộ nghèo 4%/năm.",
     [t(4, change="decrease", per_year=True)]),
    ("II. MỤC TIÊU\n- Hơn 70% cư dân là đồng bào dân tộc thiểu số; phấn đấu 92% dân số tham gia bảo hiểm y tế.", [t(92)]),
    # a heading reporting on a plan names results first: its goal word is what is reported on (own wording)
    (" date 2025-12\nI. KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2025\n- Tỷ lệ hộ nghèo còn 3,2%; thu ngân sách đạt 120 tỷ đồng.\n"
     "II. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2026\n- Tỷ lệ hộ nghèo còn 2,5%.", [t(2.5)]),
    # a year named by its beginning is no deadline: a count at the start of the page's own year,
    # or over its first months, describes what is or was (own wording)
    (" date 2023-03\nĐầu năm 2023, huyện có 6.012 hộ nghèo.\n\nNăm 2023, huyện phấn đấu giảm 300 hộ nghèo.",
     [t(300, unit="households", change="decrease")]),
    (" date 2024-05\nTrong 4 tháng đầu năm 2024, huyện giải quyết việc làm cho 1.200 lao động.", []),
    # the year a sentence only estimated in dates what it told: the figures after it that name no
    # time or aspect of their own are told with it, not goals (docs/reading.md, principle 5)
    (" date 2025-10\nNăm 2025, thu nhập bình quân đầu người của huyện ước đạt 58 triệu đồng. Tỷ lệ hộ nghèo giảm "
     "còn 2,1%; 100% xã có đường ô tô đến trung tâm.", []),
    (" date 2025-10\nNăm 2025, thu nhập bình quân đầu người của huyện ước đạt 58 triệu đồng. Năm 2026, tỷ lệ hộ "
     "nghèo giảm còn 1,5%.", [t(1.5)]),
    # goals told as exceeded report how a plan went: the paragraph after them goes on with no goal;
    # after a goal word, exceeding is what the goal aims at (own wording)
    ("Thị trấn đạt và vượt hầu hết các chỉ tiêu chủ yếu\n\nTỷ lệ hộ nghèo của thị trấn còn 1,2%; thu ngân sách đạt 42 tỷ đồng.", []),
    ("Năm 2026, thị trấn phấn đấu đạt và vượt các chỉ tiêu chủ yếu\n\nTỷ lệ hộ nghèo của thị trấn còn 1,2%.", [t(1.2)]),
    # the future tense after an estimate word is the estimate's: no goal (own wording)
    (" date 2021-06\nDự kiến đến cuối năm 2021, huyện sẽ có thêm 120 hộ thoát nghèo.", []),
    (" date 2021-06\nNăm 2022, huyện sẽ hỗ trợ 300 hộ nghèo xây nhà ở.", [t(300, unit="households")]),
    # ... also where the estimate word stands right before it, after the measured phrase (own wording)
    (" date 2021-11\nKhi áp dụng chuẩn nghèo mới, tỷ lệ hộ nghèo của huyện dự báo sẽ tăng lên khoảng 5%.", []),
    # what has not been reached is a shortfall now, even under a goal heading; a group defined by
    # what it has not reached stays whom a goal serves (own wording)
    ("II. MỤC TIÊU\n- Tỷ lệ hồ sơ thủ tục hành chính được số hóa chưa đạt 100%, cần tập trung khắc phục.", []),
    ("II. MỤC TIÊU\n- Hỗ trợ 20 xã chưa đạt chuẩn nông thôn mới.", [t(20, unit="communes")]),
    # a figure inside a conditional rule ("trường hợp ... thì ...") is a threshold or what the rule
    # then gives, nothing to reach; "trường hợp" counted after a share is no condition (own wording)
    ("Năm 2026, phấn đấu tỷ lệ giải ngân vốn đầu tư công đạt 95% kế hoạch (trường hợp dưới 60% thì tiêu chí này không "
     "được điểm).", [t(95)]),
    ("Năm 2026, phấn đấu tỷ lệ hồ sơ được số hóa đạt 90%, trường hợp đạt từ 60% đến dưới 90% thì chấm 50% số điểm.", [t(90)]),
    ("Năm 2026, phấn đấu 100% trường hợp bổ nhiệm được thực hiện đúng quy định.", [t(100)]),
    ("Nếu được Trung ương hỗ trợ vốn thì năm 2026 tỉnh phấn đấu giảm 3% tỷ lệ hộ nghèo.", [t(3, change="decrease")]),
    # an item without a figure inside a ";" list of goals is one more goal: its result-like words do
    # not end the list (own wording)
    ("Đại hội thông qua nghị quyết với các chỉ tiêu chủ yếu thu nhập bình quân tăng 8%/năm; đạt và vượt chỉ tiêu "
     "xây dựng nông thôn mới; tỷ lệ hộ nghèo giảm 2%/năm; 95% dân số tham gia bảo hiểm y tế.",
     [t(8, change="increase", per_year=True), t(2, change="decrease", per_year=True), t(95)]),
    # a yearly word opening a line governs the cuts and rises of each of its ";" items; a yearly
    # figure's own "/năm" does not (own wording)
    ("Mục tiêu:\n- Hằng năm, số vụ vi phạm về môi trường được phát hiện tăng trên 5%; số vụ được xử lý tăng trên 7%.",
     [t(5, change="increase", bound="at_least", per_year=True), t(7, change="increase", bound="at_least", per_year=True)]),
    ("Phấn đấu tỷ lệ hộ nghèo giảm 3%/năm; giảm 50% số thôn đặc biệt khó khăn.",
     [t(3, change="decrease", per_year=True), t(50, change="decrease")]),
    # a site's clock above the headline is when the page was saved; the article's date line under
    # its headline dates it, so its next year is still ahead (own wording)
    ("Thứ hai, 20/08/2019 08:10 GMT+7\n\nHotline: 0912.000.111\n\nHuyện Na Rì bàn giải pháp phát triển kinh tế năm 2012\n\n"
     "12/12/2011, 09:30 (GMT+7)\n\nNăm 2012, huyện phấn đấu tạo việc làm mới cho 1.500 lao động; 98% số xã có đường ô tô đến "
     "trung tâm.", [t(1500, unit="workers"), t(98)]),
    # rule 4: "tất cả ... được ..." is 100%
    ("Phấn đấu tất cả hộ nghèo được hỗ trợ tham gia bảo hiểm y tế.", [t(100)]),
    # rule 2: a restatement moves as the figure it restates, or as its own verb after it says
    ("Phấn đấu giảm tỷ lệ hộ nghèo 2%, tương đương 500 hộ.",
     [t(2, change="decrease"), t(500, unit="households", change="decrease")]),
    ("Phấn đấu giảm số hộ nghèo xuống còn 900 hộ, tương ứng với 2.100 hộ sẽ thoát nghèo.",
     [t(900, unit="households"), t(2100, unit="households", change="decrease")]),
    # a share covered ("được ...") is a level of its own, whatever movement came before it
    ("Phấn đấu mỗi năm giảm 1,5% tỷ lệ hộ nghèo và 100% người nghèo được hỗ trợ bảo hiểm y tế.",
     [t(1.5, change="decrease", per_year=True), t(100)]),
    # a yearly cut carries to the cut coordinated with it
    ("Phấn đấu hằng năm tỷ lệ hộ nghèo giảm 2% và tỷ lệ hộ cận nghèo giảm 1%.",
     [t(2, change="decrease", per_year=True), t(1, change="decrease", per_year=True)]),
    # ... and so does a part of a yearly figure ("trong đó")
    ("Phấn đấu mỗi năm giải quyết việc làm cho trên 40.000 lao động, trong đó xuất khẩu lao động khoảng 15.000 người.",
     [t(40000, unit="workers", bound="at_least", per_year=True), t(15000, unit="persons", bound="approx", per_year=True)]),
    # rule 7: bounds
    ("Phấn đấu tỷ lệ hộ nghèo giảm từ 3% trở lên.", [t(3, change="decrease", bound="at_least")]),
    ("Phấn đấu hỗ trợ kết nối việc làm thành công cho khoảng 25.000 lao động.", [t(25000, unit="workers", bound="approx")]),
    # rule 9: per year
    ("Phấn đấu giảm tỷ lệ hộ nghèo bình quân từ 2%-2,5%/năm.", [t(2, 2.5, change="decrease", per_year=True)]),
]


@pytest.mark.parametrize("text, expected", DECISIONS, ids=[d[0][:50] for d in DECISIONS])
def test_target_decisions(text, expected):
    found = [(x.value_min, x.value_max, x.unit, x.change, x.bound, x.per_year) for x in extract_text(text).targets]
    assert found == expected


@pytest.mark.parametrize("text, indicator, year", [
    # rule 12: a year written right after the number is that number's own
    ("Phấn đấu tỷ lệ hộ nghèo giảm xuống còn 3% vào cuối năm 2025.", "poverty.rate", 2025),
    # communes leaving the difficult areas ("ra khỏi địa bàn đặc biệt khó khăn") are poor areas exiting
    ("Phấn đấu đến năm 2025 có 30% số xã, thôn ra khỏi địa bàn đặc biệt khó khăn.", "poor_areas.exit", 2025),
    # a stored page's stamp is no year the phase named after it is due by
    (" date 2026-02-23 Đại hội đề ra các chỉ tiêu chủ yếu cho 5 năm 2026-2030. Trong đó, tỷ lệ hộ nghèo đa chiều "
     "duy trì dưới 1%.", "poverty.rate", 2030),
    # a phase's first year is no year a target is due by: the plan's last year stands
    ("Phấn đấu tỷ lệ hộ nghèo bình quân 5 năm 2021-2025 giảm 1,5%/năm.", "poverty.rate", 2025),
    ("Phấn đấu đến năm 2025, giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%.", "poverty.rate", 2025),
    ("Kế hoạch đề ra chỉ tiêu đến năm 2025, phấn đấu giảm 50% số hộ cận nghèo so với đầu kỳ.", "near_poverty.households", 2025),
    ("Phấn đấu năm 2022 đào tạo nghề cho 4.000 người lao động thuộc hộ nghèo.", "employment.vocational_training", 2022),
    ("Phấn đấu đến năm 2025 giảm số hộ nghèo từ 4.120 hộ năm 2021 (bằng 0,3%) xuống còn 1.200 hộ.", "poverty.households", 2025),
    # a year opening a bracket after the number, with a verb or a colon before the bracket's own
    # figure, labels that figure ("(Cuối năm 2015 đạt 386 DVC, ...)", Hà Tĩnh 496/KH-UBND)
    (PAGE + "Các chỉ tiêu chủ yếu năm 2022:\n- Giảm tỷ lệ hộ nghèo từ 4% trở lên (cuối năm 2021 còn 34,52%).", "poverty.rate",
     2022),
    # a poverty-reduction model is named as one; any other model is no poverty indicator
    ("Phấn đấu năm 2025 hỗ trợ xây dựng 40 mô hình giảm nghèo.", "livelihood.models", 2025),
    ("Phấn đấu năm 2025 mỗi sở, ngành có ít nhất 01 sáng kiến/mô hình cải cách hành chính.", "other", 2025),
    # a share's measure is named after a count that only says what the share counts; the count's
    # own tense words tell about the group, not the share
    ("Phấn đấu đến năm 2026 có 85% hộ nghèo, hộ cận nghèo có ít nhất 1 người trong độ tuổi lao động có việc làm bền vững.",
     "employment.sustainable_job", 2026),
    ("Năm 2025 phấn đấu có 70% hộ nghèo có ít nhất 01 lao động đang làm việc có việc làm bền vững.",
     "employment.sustainable_job", 2025),
])
def test_indicator_and_year(text, indicator, year):
    [target] = extract_text(text).targets
    assert (target.indicator, target.year) == (indicator, year)


@pytest.mark.parametrize("text, indicators", [
    # an item with an action verb of its own opens a new predicate: it takes no measure from the
    # item before it (own wording)
    ("Phấn đấu đến năm 2025: 95% người dân tham gia BHYT; hằng năm kết nạp từ 30 đảng viên trở lên.",
     ["health.insurance", "other"]),
    # a "và" joining two groups inside the measured phrase does not hide the measure before it (own wording)
    ("Phấn đấu năm 2026 giảm tỷ lệ hộ cận nghèo 1%, giảm tỷ lệ hộ nghèo vùng đồng bào dân tộc thiểu số và miền núi "
     "xuống dưới 8%.", ["near_poverty.rate", "poverty.rate"]),
    # the standard a figure is measured by ("theo chuẩn nghèo ...") names nothing of its own: the item
    # still says what the one before it said (own wording)
    ("Phấn đấu giảm tỷ lệ hộ nghèo bình quân 2%/năm; riêng các huyện nghèo giảm 4%/năm theo chuẩn nghèo đa chiều "
     "giai đoạn 2022-2025.", ["poverty.rate", "poverty.rate"]),
    # rule 11: the poor households helped are not the poor households left
    ("Phấn đấu năm 2025 hỗ trợ sinh kế cho 3.000 hộ, gồm 1.200 hộ nghèo và 1.800 hộ cận nghèo.",
     ["other", "other", "other"]),
    ("Phấn đấu đến năm 2025 toàn tỉnh giảm 1.200 hộ nghèo và 800 hộ cận nghèo.",
     ["poverty.households", "near_poverty.households"]),
    # a group named after a comma is the new target's own ("..., cận nghèo dưới 5%")
    ("Phấn đấu tỷ lệ hộ nghèo dưới 2%, cận nghèo dưới 5%.", ["poverty.rate", "near_poverty.rate"]),
    # a component's name ("Tiểu dự án 2") says nothing of what is counted
    ("Phấn đấu năm 2024, Tiểu dự án 2 hỗ trợ 200 người.", ["other"]),
    # a share of poor households left is the rate; a share of them (or of a group among them) covered is not
    ("Phấn đấu đến cuối năm 2025, cơ bản không còn hộ nghèo theo chuẩn quốc gia, còn dưới 1% hộ nghèo theo chuẩn của tỉnh.",
     ["poverty.rate"]),
    ("Phấn đấu đến năm 2025 có 95% hộ nghèo được tiếp cận dịch vụ xã hội.", ["other"]),
    ("Đến năm 2025, phấn đấu 95% trẻ em trong độ tuổi đi học thuộc hộ nghèo được đến trường.", ["education.school_attendance"]),
    # a comma inside a phrase the rules name whole breaks no clause ("bằng cấp, chứng chỉ đạt 25%", w057)
    ("Năm 2024, tỉnh phấn đấu tỷ lệ lao động qua đào tạo đạt 68%, trong đó có bằng cấp, chứng chỉ đạt 28%.",
     ["education.trained_labour", "education.certified_labour"]),
    # a baseline naming no measure of its own measures what the figure before it measured, and so
    # does the level after it (own wording)
    ("Năm 2025 phấn đấu tỷ lệ hộ nghèo giảm 3,1% (từ 15,2% xuống còn 12,1%).", ["poverty.rate", "poverty.rate"]),
])
def test_indicators_in_a_list(text, indicators):
    assert [t.indicator for t in extract_text(text).targets] == indicators


@pytest.mark.parametrize("text, scopes", [
    # a topic fronting a line names the group of its ";" items that name none ("Đối với khu vực miền
    # núi, hải đảo, biên giới, phấn đấu ...; 88% thôn ...", w286; own wording)
    ("Đối với các xã miền núi, phấn đấu đến năm 2025 có 90% hộ gia đình đạt chuẩn văn hóa; 80% thôn có nhà văn hóa.",
     ["mountainous", "mountainous"]),
    # ... an item's own group wins, and a line without a topic keeps none
    ("Đối với các xã miền núi, phấn đấu đến năm 2025 có 90% hộ gia đình đạt chuẩn văn hóa; 80% hộ dân tộc thiểu số có "
     "nhà tiêu hợp vệ sinh.", ["mountainous", "ethnic_minority"]),
    ("Phấn đấu đến năm 2025 có 90% hộ gia đình ở xã miền núi đạt chuẩn văn hóa; 80% thôn có nhà văn hóa.",
     ["mountainous", "all"]),
], ids=["topic", "own-group-wins", "no-topic"])
def test_a_topic_fronting_a_line_names_the_group_of_its_items(text, scopes):
    assert [t.scope for t in extract_text(text).targets] == scopes


def test_an_item_naming_its_measure_after_the_number_takes_no_group_from_the_item_before():
    # issue 9's "giảm 3-4% tỷ lệ hộ cận nghèo": the measure after the number is the item's own, so it
    # is no elliptic item of the list (own wording)
    targets = extract_text("Năm 2024, phấn đấu giảm tỷ lệ hộ nghèo ở các huyện nghèo 4%; giảm 1% tỷ lệ hộ cận nghèo.").targets
    assert [(t.indicator, t.scope) for t in targets] == [("poverty.rate", "poor_districts"), ("near_poverty.rate", "all")]


def test_each_number_keeps_the_year_written_after_it():
    text = "Phấn đấu tỷ lệ hộ nghèo còn 5% năm 2023, 4% năm 2024 và 3% năm 2025."
    assert [(t.value_min, t.year) for t in extract_text(text).targets] == [(5, 2023), (4, 2024), (3, 2025)]


@pytest.mark.parametrize("text, years", [
    # a term that frames what follows makes its figures due when it ends, whatever year came before
    ("Đại hội thông qua Nghị quyết, phấn đấu đến năm 2030 là tỉnh công nghiệp, năm 2035 là tỉnh công nghiệp hiện đại; "
     "nhấn mạnh các chỉ tiêu chủ yếu trong nhiệm kỳ 2025-2030, như: GRDP tăng bình quân 8% trở lên; thu nhập bình quân "
     "đầu người đến năm 2035 đạt 200 triệu đồng.", [2030, 2035]),
    # a phase naming what a standard means is no time of the goal
    ("Phấn đấu năm 2024 giảm tỷ lệ hộ nghèo 1,5% theo chuẩn nghèo đa chiều giai đoạn 2022-2025, tỷ lệ hộ cận nghèo giảm 1%.",
     [2024, 2024]),
])
def test_a_term_that_frames_the_goals_dates_them(text, years):
    assert [t.year for t in extract_text(text).targets] == years


@pytest.mark.parametrize("paragraph, years", [
    # a goal verb opening a new statement in a committed paragraph keeps the due year the paragraph set
    ("Mục tiêu đến năm 2025, phấn đấu thu nhập bình quân của hộ nghèo tăng 1,5 lần so với năm 2020. Tỷ lệ hộ nghèo "
     "giảm 3%/năm; phấn đấu 30% số thôn đặc biệt khó khăn thoát khỏi tình trạng đặc biệt khó khăn.", [2025, 2025, 2025]),
    # ... unless the statement names a time of its own
    ("Đến năm 2025, phấn đấu tỷ lệ hộ nghèo giảm 3%/năm. Giai đoạn 2026 - 2030, phấn đấu có thêm 4 xã đạt chuẩn nông "
     "thôn mới, trong đó có 1 xã đạt chuẩn nông thôn mới kiểu mẫu.", [2025, 2030, 2030]),
])
def test_a_new_goal_statement_is_due_when_its_paragraphs_goals_are(paragraph, years):
    text = f"Kế hoạch thực hiện Chương trình giai đoạn 2021 - 2030 của tỉnh Sơn La\n{paragraph}"
    assert [t.year for t in extract_text(text).targets] == years


def test_a_restatement_keeps_its_equivalence_word():
    text = "Phấn đấu thu nhập của hộ nghèo tăng 1,5 lần, tương đương 30 triệu đồng/người/năm."
    assert [t.text for t in extract_text(text).targets] == [
        "thu nhập của hộ nghèo tăng 1,5 lần", "tương đương 30 triệu đồng/người/năm"]


def test_bare_shares_say_what_they_count_and_are_not_merged():
    # verbatim from a real plan (realdocs LamDong_KH_CCHC_2026-2030.docx)
    text = (
        "a) Mục tiêu\n"
        "- 100% văn bản quy phạm pháp luật được cập nhật trên cơ sở dữ liệu quốc gia về pháp luật kịp thời, đúng quy định.\n"
        "- 100% văn bản quy phạm pháp luật được kiểm tra theo quy định.\n"
    )
    assert [t.text for t in extract_text(text).targets] == [
        "100% văn bản quy phạm pháp luật được cập nhật trên cơ sở dữ liệu quốc gia về pháp luật kịp thời, đúng quy định",
        "100% văn bản quy phạm pháp luật được kiểm tra theo quy định",
    ]


@pytest.mark.parametrize("text, span", [
    ("Phấn đấu năm 2024, Huyện Mường La giảm 2,4%.", "Huyện Mường La giảm 2,4%"),
    ("Tỉnh phấn đấu từ nay đến năm 2020, bình quân mỗi năm giảm từ 2,5 - 3% tỷ lệ hộ nghèo.",  # w300
     "bình quân mỗi năm giảm từ 2,5 - 3% tỷ lệ hộ nghèo"),
    # a measure word leads its indicator; a yearly word after the count, a closing bracket and a
    # year labelling a listed figure belong to the target; a copula before the goal does not
    ("Phấn đấu tỷ lệ lao động qua đào tạo đến cuối năm 2023 đạt 70%.",  # w137
     "tỷ lệ lao động qua đào tạo đến cuối năm 2023 đạt 70%"),
    ("Phấn đấu giải quyết việc làm mới cho 1.500 – 1.700 lao động/năm.",  # w312
     "giải quyết việc làm mới cho 1.500 – 1.700 lao động/năm"),
    ("Phấn đấu hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo (ít nhất 850 hộ).",  # own wording
     "hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo (ít nhất 850 hộ)"),
    ("Chỉ tiêu tỷ lệ hộ cận nghèo giao cho huyện: năm 2025 là 6%, năm 2026 là 5,5%.", "năm 2025 là 6%"),  # own wording
    ("Mục tiêu của tỉnh là giảm tỷ lệ hộ nghèo dưới 1%.", "giảm tỷ lệ hộ nghèo dưới 1%"),
    ("Phấn đấu đến năm 2026 có thêm 12 xã không còn hộ nghèo.", "có thêm 12 xã không còn hộ nghèo"),  # own wording
    ("Phấn đấu hỗ trợ đào tạo 4.000 người lao động thuộc các huyện nghèo; hỗ trợ 40 lao động thuộc các huyện "
     "nghèo đi làm việc ở nước ngoài theo hợp đồng.",  # seed 000
     "hỗ trợ đào tạo 4.000 người lao động thuộc các huyện nghèo"),
    # a count starting the span runs on to what it counts; a support verb leads it
    ("Phấn đấu năm 2024 hỗ trợ kết nối việc làm thành công cho khoảng 2.000 lao động.",
     "hỗ trợ kết nối việc làm thành công cho khoảng 2.000 lao động"),
    ("Phấn đấu năm 2024, 3.000 người lao động thuộc các huyện nghèo được đào tạo nghề; giảm 2% tỷ lệ hộ nghèo.",
     "3.000 người lao động thuộc các huyện nghèo được đào tạo nghề"),
    # a cut or a rise keeps the base it is measured from
    ("Kế hoạch đề ra chỉ tiêu đến năm 2025, phấn đấu giảm 50% số hộ cận nghèo so với đầu kỳ theo chuẩn nghèo đa chiều.",
     "giảm 50% số hộ cận nghèo so với đầu kỳ"),
    # ... and after the target cue that introduces it
    ("Mục tiêu của Dự án 4 là phấn đấu hỗ trợ đào tạo 500 lao động.", "hỗ trợ đào tạo 500 lao động"),
    # a target's text starts at its indicator, across the groups it names
    ("Phấn đấu tỷ lệ hộ nghèo vùng đồng bào DTTS và miền núi giảm trên 3%/năm.",
     "tỷ lệ hộ nghèo vùng đồng bào DTTS và miền núi giảm trên 3%/năm"),
    ("Mục tiêu: 100% văn bản trái pháp luật được xử lý kịp thời để bảo đảm tính thống nhất.",
     "100% văn bản trái pháp luật được xử lý kịp thời"),
    ("Phấn đấu đến năm 2025 có 95% hộ nghèo được tiếp cận dịch vụ xã hội.", "95% hộ nghèo được tiếp cận dịch vụ xã hội"),
    ("Phấn đấu (trong đó ít nhất 80% hộ gia đình có người đi làm việc ở nước ngoài sẽ thoát nghèo); giảm 2% tỷ lệ hộ nghèo.",
     "ít nhất 80% hộ gia đình có người đi làm việc ở nước ngoài sẽ thoát nghèo"),
    # a quota's count stops where the next unit of its list begins (own wording)
    ("Năm 2024, chỉ tiêu giảm hộ nghèo giao cho các xã: xã Nà Hẩu 60 hộ, xã Mỏ Vàng 45 hộ.", "xã Nà Hẩu 60 hộ"),
])
def test_target_text_spans(text, span):
    assert extract_text(text).targets[0].text == span



# The principles of docs/reading.md, one row each, in the wording of pages from other provinces
# and programmes (../shared/wild): (text, [(value_min, unit, change, scope), ...]).
PRINCIPLES = [
    # a result told with goal words, a share of a plan achieved, a count at a date, an estimate, a vote
    ("Năm qua toàn huyện đã giảm được 2,1% hộ nghèo, đưa tỷ lệ xuống còn 9,8%.", []),
    ("Năm 2014, tỉnh đào tạo nghề cho hơn 2.000 người, đạt 77,89% kế hoạch giao.", []),
    # a figure weighed against the goal or the resolution it reached is a result, and ends the line's goals
    ("Đảng bộ xã phấn đấu hoàn thành các chỉ tiêu. Thu nhập bình quân đầu người đạt 41 triệu đồng, tăng 12,5% so với mục tiêu "
     "Nghị quyết; duy trì 19/19 tiêu chí nông thôn mới.", []),
    ("Diện tích trồng rừng mới 320 ha, đạt 128% so với nghị quyết.", []),
    # a figure its clause weighs against a plan is a result, even in a line that began with a goal
    ("Tỉnh phấn đấu năm 2024 giảm 2% tỷ lệ hộ nghèo. Năm 2023, tỉnh giảm 1.105 hộ nghèo, đạt 140% chỉ tiêu Nghị quyết "
     "HĐND tỉnh giao.", [(2, "percent", "decrease", "all")]),
    (" date 2022-06\nPhấn đấu đến năm 2025 cả nước có ít nhất 80% số xã đạt chuẩn nông thôn mới. Cả nước có 1.567 xã đạt "
     "chuẩn nông thôn mới nâng cao, tăng 864 xã so với cuối năm 2021, vượt mục tiêu cả giai đoạn 2021 - 2025.",
     [(80, "percent", "level", "all")]),
    # a plan's figure quoted in a bracket beside the result measured against it is a target, of
    # what the result measured; the sentence still reports
    (" date 2021-03\nGiai đoạn 2016-2020, tỷ lệ hộ nghèo giảm từ 30,2% xuống còn 14,1%, bình quân giảm 3,2%/năm, vượt "
     "so với mục tiêu đề ra (3%/năm). Trong đó, có 2 huyện thoát khỏi tình trạng đặc biệt khó khăn.",
     [(3, "percent", "decrease", "all")]),
    ("Sau 5 năm, tỷ lệ hộ nghèo giảm 4,1%, bình quân 0,82%/năm, đạt kế hoạch đề ra (0,8-1%/năm).",
     [(0.8, "percent", "decrease", "all")]),
    (" date 2023-08\nTỷ lệ hộ nghèo trên các huyện nghèo năm 2022 là 35,1% (giảm 5,2%), đạt chỉ tiêu Quốc hội, Chính phủ "
     "giao (4%).", [(4, "percent", "decrease", "poor_districts")]),
    # ... however many words part them, and whatever opens the bracket; "tương đương" restates
    (" date 2024-01\nNăm 2023 tỷ lệ hộ nghèo giảm 1,3%, đạt mục tiêu của Chương trình do Hội đồng nhân dân tỉnh giao "
     "(giảm hơn 1%/năm), số hộ nghèo giảm 610 hộ (tương đương 1,2%).", [(1, "percent", "decrease", "all")]),
    # a bracketed share that a count out of a total before it comes to restates that count, plan noun or not
    ("Đến hết năm 2024, huyện đã hoàn thành 18/18 lớp tập huấn đề ra theo kế hoạch (đạt 100%).", []),
    ("Năm 2023, thành phố đã thực hiện 42/48 nhiệm vụ được giao trong kế hoạch (đạt 87,5%).", []),
    # ... or a bracket that opens with the plan noun; the result beside it stays a result
    (" date 2024-12\nNăm 2024, tỷ lệ chi bộ đạt trong sạch vững mạnh là 95% (chỉ tiêu nghị quyết là 85%); tỷ lệ đảng viên "
     "hoàn thành nhiệm vụ đạt 92%.", [(85, "percent", "level", "all")]),
    ("Phấn đấu năm 2026 thu ngân sách trên địa bàn đạt 600 tỷ đồng. Thu ngân sách thực hiện đến 30/11/2025 đạt 541 tỷ "
     "đồng, đạt 112% so với dự toán.", [(6e11, "vnd", "level", "all")]),
    # an undated page was written no earlier than the year it reports as done: a figure due before
    # that year is a result even where a goal line goes on
    ("Năm 2023, toàn tỉnh đã giảm 1.200 hộ nghèo.\n\nTỉnh phấn đấu năm 2024 giảm tỷ lệ hộ nghèo xuống 4%. Tỷ lệ hộ "
     "nghèo cuối năm 2022 là 5,1%.", [(4, "percent", "level", "all")]),
    # a sentence reviewing how a plan went and naming next year's goals, without figures, opens no
    # goal paragraph: the figures after it are the review's
    ("HĐND tỉnh thông qua Nghị quyết về tình hình thực hiện kế hoạch năm 2022 và mục tiêu, nhiệm vụ năm 2023.\n\n"
     "Thu ngân sách trên địa bàn đạt hơn 9 nghìn tỷ đồng. Tỷ lệ hộ nghèo giảm còn 2,1%.\n\n"
     "Năm 2023, tỉnh phấn đấu tốc độ tăng trưởng kinh tế đạt 8%.", [(8, "percent", "level", "all")]),
    # a count whose clause says what is under way now describes the present, even in a goal line
    ("Tỉnh phấn đấu đến năm 2030 có 95% người dân nông thôn được sử dụng nước sạch. Trên địa bàn tỉnh có 120 công "
     "trình cấp nước tập trung đang hoạt động.", [(95, "percent", "level", "all")]),
    # a count that is the subject of a goal verb, with no figure after the verb, is the goal's figure;
    # one followed by a figure says whom that figure is for
    ("Năm 2024, toàn huyện có 3 xã phấn đấu về đích nông thôn mới.", [(3, "communes", "level", "all")]),
    ("Trong năm 2024, 15 xã biên giới phấn đấu đạt bình quân 14 tiêu chí/xã.", [(14, "other", "level", "all")]),
    # ... and so does one inside the phrase a measure word opens the clause with (w017, w007)
    ("Năm 2024, huyện phấn đấu giảm 2% tỷ lệ hộ nghèo; tỷ lệ hộ nghèo tại 4 xã đặc biệt khó khăn giảm từ 4% trở lên.",
     [(2, "percent", "decrease", "all"), (4, "percent", "decrease", "difficult_communes")]),
    ("Năm 2025, tỉnh phấn đấu tỷ lệ người cao tuổi được khám sức khỏe ít nhất 1 lần/năm đạt 60%.",
     [(60, "percent", "level", "all")]),
    # ... also after a goal word, whatever its verb; a count whose verb the next item's figure does not follow stays
    # (own wording)
    ("Năm 2025, huyện phấn đấu có thêm 4 xã đạt chuẩn nông thôn mới; 12 xã còn lại tăng thêm từ 2-3 tiêu chí.",
     [(4, "communes", "increase", "all"), (2, "other", "increase", "all")]),
    ("Phấn đấu đến năm 2030 có 40 xã đạt nông thôn mới nâng cao và có 2 huyện đạt chuẩn nông thôn mới.",
     [(40, "communes", "level", "all"), (2, "other", "level", "all")]),
    # a figure ending its line stays one when the next line opens with a date
    ("Phấn đấu năm 2025 tỷ lệ hộ nghèo còn dưới 3%\n\nNgày 20/3, UBND tỉnh tổ chức hội nghị triển khai kế hoạch.",
     [(3, "percent", "level", "all")]),
    # a whole share of a plan in a goal list stays a goal
    ("Đại hội đề ra một số chỉ tiêu chủ yếu: thu ngân sách tăng bình quân hằng năm 5-10%; gọi công dân nhập ngũ hằng năm "
     "đạt 100% chỉ tiêu; hộ gia đình đạt tiêu chuẩn văn hóa 85% trở lên.",
     [(5, "percent", "increase", "all"), (100, "percent", "level", "all"), (85, "percent", "level", "all")]),
    ("Tính đến hết năm 2024, tỉnh ta còn 4.806 hộ nghèo, chiếm 1,51%.", []),
    # the whole after "trong số" is what the parts after it divide (own wording)
    (" date 2025-02\nNăm 2025, trong số 8.000 lao động được giải quyết việc làm sẽ có 1.500 lao động đi làm việc ở "
     "nước ngoài.", [(1500, "workers", "level", "all")]),
    # a count after "cả" is all of a set the statement covers, no figure to reach (own wording)
    ("Năm 2025 phấn đấu kéo giảm tai nạn giao thông trên cả 3 tiêu chí; số vụ giảm 5% so với năm 2024.",
     [(5, "percent", "decrease", "all")]),
    ("Dự kiến đến cuối năm 2025, tỷ lệ này còn khoảng 7,89%.", []),
    ("Kết quả có 89,54% đại biểu tán thành thông qua Nghị quyết.", []),
    ("Đến nay, toàn huyện đạt được 177 chỉ tiêu, bình quân đạt 16,10 tiêu chí/xã.", []),
    # a document in the legal layout was written on its header's place-and-date line, its day left
    # blank for the signature too (Lâm Đồng 238-CAT), not when the latest document it cites was
    ("ỦY BAN NHÂN DÂN\nHUYỆN KON PLÔNG\nSố: 210/BC-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - "
     "Hạnh phúc\n\nKon Plông, ngày      tháng 12 năm 2014\n\nBÁO CÁO\nTình hình thực hiện công tác giảm nghèo năm "
     "2014\n\nThực hiện Nghị quyết số 42/2013/NQ-HĐND ngày 12/12/2013 của HĐND huyện, UBND huyện báo cáo như sau:\n\n"
     "Năm 2014, toàn huyện giảm 520 hộ nghèo.", []),
    # a figure counted at a day or month on or before the page's date is what has been reached;
    # one at a moment still ahead, or a goal told in words, is not (own wording)
    (" date 2023-09\nNăm 2023, tỉnh phấn đấu trồng 4.000 ha rừng. Đến hết tháng 8/2023, diện tích trồng rừng mới của "
     "tỉnh đạt 2.150 ha.", [(4000, "other", "level", "all")]),
    (" date 2023-09\nNăm 2023, tỉnh phấn đấu trồng 4.000 ha rừng. Đến hết tháng 12/2023, phấn đấu diện tích trồng rừng "
     "mới đạt 4.200 ha.", [(4000, "other", "level", "all"), (4200, "other", "level", "all")]),
    # a lead-in's goal list runs on through the parts kind-less headings split it into (own wording)
    ("Đại hội thông qua Nghị quyết với các chỉ tiêu chủ yếu nhiệm kỳ 2025-2030:\n1. Về kinh tế\n- Thu ngân sách tăng "
     "bình quân 10%/năm;\n2. Về xã hội\n- Tỷ lệ lao động qua đào tạo đạt 75%;\n- Tỷ lệ che phủ rừng đạt 62%.",
     [(10, "percent", "increase", "all"), (75, "percent", "level", "all"), (62, "percent", "level", "all")]),
    # ... and one after a share names the plan the share is of, up to the words that close its name
    ("Năm 2024, toàn huyện tạo việc làm cho 1.350 lao động, đạt 135% chỉ tiêu Nghị quyết HĐND huyện đề ra và đạt 150% "
     "so với chỉ tiêu tỉnh giao.", []),
    # a budget is what the plan spends; money a plan reaches is a goal
    ("Tổng kinh phí thực hiện kế hoạch là 45 tỷ đồng.", []),
    # ... and so is the total capital a programme or a plan carries ("Tổng vốn đầu tư cho các xã ... theo chương
    # trình 135", w302), while the economy's investment stays a goal (own wording)
    (" date 2024-03\nTỉnh ban hành kế hoạch thực hiện Chương trình năm 2024 với tổng vốn đầu tư trên 250 tỷ đồng.", []),
    ("Phấn đấu năm 2025 tổng vốn đầu tư phát triển toàn xã hội đạt 48.000 tỷ đồng, chiếm khoảng 35% GRDP.",
     [(4.8e13, "vnd", "level", "all"), (35, "percent", "level", "all")]),
    # ... and so is a programme's capital by its kind, and its yearly capital plan (own wording)
    (" date 2023-03\nNăm 2023, Chương trình trên địa bàn huyện có vốn đầu tư phát triển 52 tỷ đồng và vốn sự nghiệp 18,5 tỷ đồng.", []),
    (" date 2023-03\nKế hoạch vốn năm 2023 của Chương trình là 96 tỷ đồng.", []),
    # ... and so is a sum followed by what it carries out (own wording)
    (" date 2024-02\nHơn 120 tỷ đồng thực hiện chương trình xây dựng nông thôn mới năm 2024", []),
    # ... also when where the sum comes from follows it (own wording)
    ("Phấn đấu đến năm 2030 tỉnh được cấp khoảng 120 tỷ đồng từ ngân sách trung ương để thực hiện Chương trình.", []),
    (" date 2025-02\nNăm 2025, toàn huyện phấn đấu trao 120 triệu đồng từ nguồn Quỹ vì người nghèo cho các hộ khó khăn.", []),
    ("Phấn đấu năm 2025 giá trị sản xuất công nghiệp đạt trên 900 tỷ đồng, thu ngân sách trên địa bàn đạt 150 tỷ đồng.",
     [(9e11, "vnd", "level", "all"), (1.5e11, "vnd", "level", "all")]),
    # one item that is no target does not end a goal list
    ("Các chỉ tiêu chủ yếu đề ra là: tốc độ tăng trưởng đạt 7,5%; tổng thu ngân sách hoàn thành vượt so với dự toán "
     "(6.193 tỷ đồng); tỷ lệ lao động qua đào tạo đạt 70%.",
     [(7.5, "percent", "level", "all"), (6.193e12, "vnd", "level", "all"), (70, "percent", "level", "all")]),
    # a result word inside the measured phrase describes it
    ("Mục tiêu: tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt 95%.", [(95, "percent", "level", "all")]),
    # an elliptic quota list keeps the head's movement; a named unit is the quota's scope
    ("Phấn đấu năm 2025 huyện Mường La giảm 3,1%; huyện Sông Mã 2,0%.",
     [(3.1, "percent", "decrease", "other"), (2.0, "percent", "decrease", "other")]),
    ("Phấn đấu năm 2025 giảm tỷ lệ hộ nghèo toàn tỉnh 2%; trong đó huyện Ứng Hòa giảm 3%, huyện Mỹ Đức giảm 2,5%.",  # Ứ
     [(2, "percent", "decrease", "all"), (3, "percent", "decrease", "other"), (2.5, "percent", "decrease", "other")]),
    # ... but the unit that sets the goals is the plan's own territory: its figures are for all of it
    ("Nhiệm kỳ 2025-2030, Đảng bộ xã Nậm Cắn đề ra các chỉ tiêu: thu nhập bình quân đầu người đạt 60 triệu đồng/người/năm.",
     [(6e7, "vnd", "level", "all")]),
    ("Năm 2026, huyện Bắc Hà phấn đấu giảm 4% tỷ lệ hộ nghèo.", [(4, "percent", "decrease", "all")]),
    # a quantity inside the phrase of the one before it tells what that one counts
    ("Phấn đấu trên 90% phụ nữ được khám thai ít nhất 3 lần trong kỳ mang thai.", [(90, "percent", "level", "all")]),
    # a past phase makes a result; a goal told in words stays one when quoted on a later page
    (" date 2020-06\nNhiệm kỳ 2015 - 2020, thu ngân sách đạt 2,76 tỷ đồng.", []),
    (" date 2023-12\nTrong kế hoạch năm 2023, tỉnh đặt mục tiêu giảm tỷ lệ hộ nghèo 1,8%/năm. Kết quả, tỉnh đã giảm 2,89%.",
     [(1.8, "percent", "decrease", "all")]),
    # a figure after another takes its movement, unless an action verb of its own opens a new predicate
    ("Phấn đấu tỷ lệ hộ nghèo giảm bình quân mỗi năm 1,5%, mỗi năm giải quyết việc làm cho trên 300 lao động.",
     [(1.5, "percent", "decrease", "all"), (300, "workers", "level", "all")]),
    # a figure in a task table's output column is one to reach, a share included; a count in the task
    # itself is what the task delivers
    ("II. NHIỆM VỤ, GIẢI PHÁP\nSTT | Nhiệm vụ | Sản phẩm | Thời gian hoàn thành\n"
     "1 | Đẩy mạnh tiếp nhận hồ sơ trực tuyến tại bộ phận một cửa các cấp. | 90% hồ sơ được tiếp nhận trực tuyến | Năm 2026\n"
     "2 | Tập huấn nghiệp vụ cho 200 cán bộ, công chức cấp xã. | Kế hoạch tập huấn | Quý II năm 2026",
     [(90, "percent", "level", "all"), (200, "persons", "level", "all")]),
    # ... and a product cell naming a goal of the plan in the table's own words is that goal again
    ("I. MỤC TIÊU\n- Đến năm 2026, 95% hồ sơ thủ tục hành chính của các cấp được tiếp nhận và trả kết quả qua dịch vụ bưu chính công ích.\n"
     "II. NHIỆM VỤ, GIẢI PHÁP\nSTT | Nhiệm vụ | Sản phẩm | Thời gian hoàn thành\n"
     "1 | Phối hợp với Bưu điện tỉnh. | 95% hồ sơ thủ tục hành chính tại cấp tỉnh và cấp xã được trả kết quả qua bưu chính công ích | Năm 2026\n"
     "2 | Đẩy mạnh tiếp nhận hồ sơ trực tuyến. | 95% hồ sơ được ký số | Năm 2026",
     [(95, "percent", "level", "all"), (95, "percent", "level", "all")]),
    # an item with a label of its own before a colon measures what the label names: it takes no
    # movement from the item before it (own wording)
    ("MỤC TIÊU ĐẾN NĂM 2025\n- Thu nhập bình quân đầu người tăng 1,5 lần so với năm 2020; Sản lượng thịt hơi bình quân "
     "hàng năm: 12.000 tấn; Diện tích cây ăn quả: 800 ha.",
     [(1.5, "other", "increase", "all"), (12000, "other", "level", "all"), (800, "other", "level", "all")]),
    # a count followed by the perfective tells what it has done, even in a sentence with goals
    ("Năm 2026, huyện phấn đấu có thêm 3 xã đạt chuẩn nông thôn mới nâng cao, tiếp tục chỉ đạo 04 xã đã đạt chuẩn nông "
     "thôn mới nâng cao xây dựng xã kiểu mẫu.", [(3, "communes", "increase", "all")]),
    # a share of a sum the plan spends is the budget's make-up; a share of households stays a goal
    ("Phấn đấu giảm 2% tỷ lệ hộ nghèo. Tổng nguồn vốn thực hiện là 9.000 tỷ đồng, trong đó vốn ngân sách Trung ương chiếm 60%.",
     [(2, "percent", "decrease", "all")]),
    # the year a change is measured from is no due year
    (" date 2023-12\nCác chỉ tiêu cơ bản năm 2024: thu ngân sách nhà nước tăng 15% so với dự toán năm 2023.",
     [(15, "percent", "increase", "all")]),
    # a news page's title, above its date line, sums the article up: the body starts afresh (own wording)
    ("Lạc Dương phấn đấu 50% diện tích rau ứng dụng công nghệ cao vào năm 2025\n\nThứ Hai, 12/06/2023 | 08:10\n\n"
     "UBND tỉnh vừa phê duyệt Đề án phát triển nông nghiệp công nghệ cao huyện Lạc Dương.\n\n"
     "Lạc Dương là huyện có diện tích đất nông nghiệp lớn, với khoảng 9.200 ha đất canh tác.\n\n"
     "Theo Đề án, đến năm 2025 diện tích ứng dụng công nghệ cao của huyện đạt 50%.",
     [(50, "percent", "level", "all")]),
    # who attends a meeting is counted as it is, in a conference's news about next year's goals (own wording)
    (" date 2024-01\nSáng 5/1, UBND tỉnh tổ chức hội nghị triển khai nhiệm vụ năm 2024. Dự hội nghị có lãnh đạo các "
     "sở, ngành và lãnh đạo UBND 10 huyện, thành phố. Năm 2024, tỉnh phấn đấu giảm 1,5% tỷ lệ hộ nghèo.",
     [(1.5, "percent", "decrease", "all")]),
    # party members admitted are counted; the members a congress's delegates stand for describe it
    ("Dự Đại hội có 120 đại biểu đại diện cho hơn 350 đảng viên trong toàn Đảng bộ. Nhiệm kỳ 2025-2030, phấn đấu mỗi năm "
     "kết nạp từ 20 đảng viên trở lên.", [(20, "persons", "level", "all")]),
    # in a plan's task section, a count is what the task delivers; a share there mostly restates a goal
    ("II. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Tổ chức 120 lớp tập huấn kỹ năng số cho người dân.\n2. Phát triển thêm 200 dịch vụ công "
     "trực tuyến toàn trình.\n3. 100% văn bản được trao đổi trên môi trường mạng.",
     [(120, "other", "level", "all"), (200, "other", "increase", "all")]),
    # ... unless a verb moves the share to a new level there ("nâng ... lên"): the task sets it (own wording)
    ("II. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Bê tông hóa 3 km đường trục thôn, nâng tỷ lệ đường trục thôn được cứng hóa lên 90%.\n"
     "2. 100% văn bản được trao đổi trên môi trường mạng.",
     [(3, "other", "level", "all"), (90, "percent", "level", "all")]),
    # a lettered item ("a. Các hoạt động") is a sub-item, not a new part: it stays in its task section
    ("II. NHIỆM VỤ\n1. Phát triển sản xuất\na. Các hoạt động\n- Trồng mới cây dược liệu:\n+ Sâm 200 ha\n+ Quế 150 ha",
     [(200, "other", "level", "all"), (150, "other", "level", "all")]),
    # a headline naming a plan document frames the figures under it, until the page's own sections begin ...
    ("Mường Tè: Nghị quyết của HĐND huyện về nhiệm vụ phát triển kinh tế - xã hội năm 2025\n\nTrong lĩnh vực kinh tế:\n\n"
     "Tổng thu ngân sách trên địa bàn đạt 45 tỷ đồng. Trồng mới 500 ha rừng; duy trì tỷ lệ che phủ rừng đạt 62%.",
     [(45e9, "vnd", "level", "all"), (500, "other", "level", "all"), (62, "percent", "level", "all")]),
    # ... but not a headline about its results
    ("Mường Tè: Kết quả thực hiện Nghị quyết của HĐND huyện về nhiệm vụ năm 2024\n\nTổng thu ngân sách trên địa bàn đạt "
     "45 tỷ đồng. Trồng mới 500 ha rừng.", []),
    # a result kept is a goal: "duy trì vững chắc kết quả ..." does not end the paragraph's goals
    ("Năm 2026, ngành giáo dục phấn đấu tỷ lệ trẻ em mẫu giáo đến trường đạt 98%.\nĐối với giáo dục phổ thông, duy trì vững "
     "chắc kết quả phổ cập giáo dục tiểu học; 70% số xã đạt chuẩn phổ cập giáo dục trung học cơ sở mức độ 3.",
     [(98, "percent", "level", "all"), (70, "percent", "level", "all")]),
    # "còn lại" names the rest of a whole, units or a share; it tells no present state (own wording)
    ("Năm 2027, huyện phấn đấu tốc độ tăng trưởng kinh tế đạt 9%.\n\nCơ cấu kinh tế chuyển dịch tích cực, nông nghiệp còn "
     "chiếm 25%, còn lại công nghiệp 40%, dịch vụ 35%.",
     [(9, "percent", "level", "all"), (25, "percent", "level", "all"), (40, "percent", "level", "all"),
      (35, "percent", "level", "all")]),
    ("Tỉnh đặt mục tiêu đến năm 2030 có 30 xã đạt chuẩn nông thôn mới kiểu mẫu; mỗi huyện còn lại có ít nhất 2 xã đạt "
     "chuẩn nông thôn mới nâng cao.", [(30, "communes", "level", "all"), (2, "communes", "level", "all")]),
    # a stored page's stamp dates the page; its year is no year a figure of the first sentence falls due in
    (" date 2024-03 Theo báo cáo, toàn huyện có 17,5 tiêu chí/xã, tăng 0,5 tiêu chí so với cuối năm 2022.", []),
    # a sex ratio at birth is a counted figure
    ("Phấn đấu đến năm 2030, tỷ số giới tính khi sinh dưới 110 bé trai/100 bé gái.", [(110, "other", "level", "all")]),
    # a village is counted, but is no commune
    ("Năm 2026, huyện phấn đấu có thêm 15 thôn đạt chuẩn nông thôn mới kiểu mẫu và 3 xã đạt chuẩn nông thôn mới nâng cao.",
     [(15, "other", "increase", "all"), (3, "communes", "increase", "all")]),
    # a count of the plan's own parts says how it is built, not what it reaches
    ("Đại hội đề ra 3 khâu đột phá, 5 nhóm nhiệm vụ và xác định 12 nhóm mục tiêu đến năm 2030; phấn đấu giảm tỷ lệ hộ nghèo "
     "xuống dưới 2%.", [(2, "percent", "level", "all")]),
    # a vote tells how the meeting adopted the document; the goal word after it opens its figures
    ("Với 100% đại biểu có mặt tán thành, HĐND huyện thông qua Nghị quyết với các chỉ tiêu: tốc độ tăng trưởng giá trị "
     "sản xuất đạt 9,5%; tỷ lệ hộ nghèo giảm 1,5%.", [(9.5, "percent", "level", "all"), (1.5, "percent", "decrease", "all")]),
    # a result's share of its plan, in brackets, is no goal quoted beside it
    ("Năm 2024, Sở đã hoàn thành 28/28 nhiệm vụ đề ra (đạt 100% kế hoạch).", []),
    # quotas of the same figure for two named units are two commitments
    ("UBND tỉnh Sơn La: chỉ tiêu giảm tỷ lệ hộ nghèo năm 2023 của các huyện như sau: huyện Bắc Yên giảm 4%; huyện Phù Yên 4%; huyện Sốp Cộp 3,5%.",
     [(4, "percent", "decrease", "other"), (4, "percent", "decrease", "other"), (3.5, "percent", "decrease", "other")]),
    # the province's capital city shares its name, but is a unit below the province's plan
    ("UBND tỉnh Hà Tĩnh: chỉ tiêu giảm tỷ lệ hộ nghèo năm 2018 của các huyện như sau: huyện Hương Khê giảm 3%; thành phố Hà Tĩnh giảm 0,3%.",
     [(3, "percent", "decrease", "other"), (0.3, "percent", "decrease", "other")]),
    # an OCR'd heading with wrong accents still names its part; a heading on spending names none
    ("KẾ HOẠCH\n\nI. MỤC TIỂU\n\n- Trên 90% văn bản được trao đổi trên môi trường mạng.\n\n- 100% xã có điểm truy cập internet.",
     [(90, "percent", "level", "all"), (100, "percent", "level", "all")]),
    ("BÁO CÁO\n\nII. CHI TIÊU NGÂN SÁCH\n\n- Chi thường xuyên chiếm 62% tổng chi.", []),
    # an estimate in the plan's own goal section is one of its goals (annotation rule 1); in a
    # results section it is an estimate
    ("KẾ HOẠCH\n\n2. Mục tiêu cụ thể\n\n- Giá trị sản xuất lâm nghiệp tăng bình quân ước đạt 5,5%/năm.",
     [(5.5, "percent", "level", "all")]),
    ("BÁO CÁO\n\nI. KẾT QUẢ THỰC HIỆN NĂM 2023\n\n- Giá trị sản xuất lâm nghiệp năm 2023 ước đạt 5,5%.", []),
    # an estimate a goal word opens in its own clause is the goal's figure; one after a result is an estimate
    ("Năm 2025, tỉnh đặt chỉ tiêu tốc độ tăng trưởng kinh tế ước tăng 8%.", [(8, "percent", "increase", "all")]),
    ("Năm 2024, thu ngân sách đạt 900 tỷ đồng, vượt chỉ tiêu; cả năm ước đạt 1.100 tỷ đồng.", []),
    # growth and a rate of increase name a rate: the figure is its level; a plain rise is an increase
    ("Giai đoạn 2026-2030, tỉnh phấn đấu tốc độ tăng trưởng kinh tế bình quân trên 9%/năm, thu ngân sách tăng 12%/năm.",
     [(9, "percent", "level", "all"), (12, "percent", "increase", "all")]),
    # a paragraph carrying on the goals of the one before tells what came before them when its
    # figure is dated earlier; one dated within their phase may be a milestone of them
    ("Mục tiêu năm 2025, huyện phấn đấu giảm 2% tỷ lệ hộ nghèo.\n\nTheo Sở Lao động, tỷ lệ hộ nghèo của huyện năm 2024 còn 8,2%.",
     [(2, "percent", "decrease", "all")]),
    ("Tỉnh phấn đấu đến năm 2030 không còn hộ nghèo.\n\nNgay trong năm 2027, tỉnh hỗ trợ 5.000 hộ nghèo làm nhà ở.",
     [(5000, "households", "level", "all")]),
    # markup left in a stored page is no quantity
    ('Phấn đấu tỷ lệ đạt <td width="130%">80%</td>', [(80, "percent", "level", "all")]),
    # the header's date line in the cell beside its number dates the page: a year before it is gone by
    ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 21/KH-UBND | Lai Châu, ngày 10 tháng 01 năm 2025 |\n"
     "KẾ HOẠCH giảm nghèo năm 2025\nCác chỉ tiêu giảm nghèo của tỉnh:\nTỷ lệ hộ nghèo cuối năm 2024: 16,2%.\n"
     "Tỷ lệ hộ nghèo cuối năm 2025: 13,2%.", [(13.2, "percent", "level", "all")]),
    # a place in a ranking is the goal's figure (own wording)
    ("Tỉnh phấn đấu đến năm 2030 chỉ số chuyển đổi số vươn lên top 10 cả nước.", [(10, "other", "level", "all")]),
    # after a group word the peers alone make a rank, its number perhaps over all of them; a group
    # word's number with no peers after it names a class (own wording)
    ("Phấn đấu đến năm 2027, chỉ số cải cách hành chính của tỉnh thuộc nhóm 20/63 tỉnh, thành phố.", [(20, "other", "level", "all")]),
    ("Năm 2026, huyện phấn đấu chỉ số DDCI thuộc nhóm 3 huyện dẫn đầu tỉnh.", [(3, "other", "level", "all")]),
    ("Năm 2026, phấn đấu 100% lô hàng hóa nhóm 2 được kiểm tra chất lượng.", [(100, "percent", "level", "all")]),
    # "tất cả ... đều ..." covers the whole group: 100% (own wording)
    ("Phấn đấu đến năm 2026, tất cả các trường học trên địa bàn huyện đều có phòng học tin học.", [(100, "percent", "level", "all")]),
    # a funding part says what the plan spends and on what; a task part's count is what it delivers (own wording)
    (" date 2026-01\nKẾ HOẠCH\n\nIII. NHIỆM VỤ\n\n- Tổ chức 12 lớp tập huấn cho cán bộ cấp xã.\n\nIV. KINH PHÍ THỰC HIỆN\n\n"
     "Đến năm 2027, tỉnh được cấp 3,5 tỷ đồng để thực hiện 02 dự án thành phần và 4 mô hình điểm.",
     [(12, "other", "level", "all")]),
    # rural and urban halves of one measure are groups of their own; a rural measure alone is the whole (own wording)
    ("Phấn đấu đến năm 2030, tỷ lệ hộ dân nông thôn sử dụng nước sạch đạt 80%; tỷ lệ hộ dân thành thị sử dụng nước sạch "
     "đạt 98%.", [(80, "percent", "level", "other"), (98, "percent", "level", "other")]),
    ("Phấn đấu đến năm 2030, tỷ lệ hộ dân nông thôn sử dụng nước sạch đạt 80%.", [(80, "percent", "level", "all")]),
    # a headline restates one body figure: the closest in words; the same number for another measure stays
    ("Phấn đấu đến năm 2026 có 85% trường học đạt chuẩn quốc gia\n\nTỉnh phấn đấu đến năm 2026 có 85% trường học đạt chuẩn "
     "quốc gia và 85% trạm y tế xã đạt chuẩn quốc gia về y tế.",
     [(85, "percent", "level", "all"), (85, "percent", "level", "all")]),
]


@pytest.mark.parametrize("text, expected", PRINCIPLES, ids=[p[0][:50] for p in PRINCIPLES])
def test_reading_principles(text, expected):
    found = [(t.value_min, t.unit, t.change, t.scope) for t in extract_text(text).targets]
    assert found == expected


def test_every_target_says_which_rules_decided_it():
    [target] = extract_text("Phấn đấu giảm 3-4% tỷ lệ hộ cận nghèo.").targets
    assert (target.indicator, target.modality_rule, target.indicator_rule) == (
        "near_poverty.rate", "commit-strive.v1", "near-poverty-rate.v1")


@pytest.mark.parametrize("text, written, respelled", [
    # a syllable-final "i" or "y" after consonants is written either way; the rules list one (own wording)
    ("Phấn đấu đến năm 2026, tỉ lệ nghèo đa chiều của huyện còn 3%.", "tỉ lệ", "tỷ lệ"),
    ("Phấn đấu đến năm 2026 đào tạo kĩ năng nghề cho 500 lao động.", "kĩ năng", "kỹ năng"),
    ("Phấn đấu đến năm 2026 có 95% trạm y tế xã có bác sĩ làm việc.", "bác sĩ", "bác sỹ"),
], ids=["ti-le", "ki-nang", "bac-si"])
def test_either_spelling_of_a_final_i_reads_alike(text, written, respelled):
    fields = [[(t.value_min, t.indicator, t.scope, t.change) for t in extract_text(version).targets]
              for version in (text, text.replace(written, respelled))]
    assert fields[0] == fields[1] and fields[0]


# Which figures of a text are goals, by the time and aspect words around them (own wording; the
# real pages that write each construction are named with it).
GOALS_BY_TIME_AND_ASPECT = [
    # a word of the present time after a goal's figure dates the next figure to now ("đến nay có 1
    # chỉ tiêu vượt", w190; "(hiện nay là 51,7 điểm)", NQ 19/2017/NQ-CP) ...
    pytest.param("Phấn đấu đến năm 2025 tỷ lệ hộ dùng nước sạch đạt 90% (hiện nay là 82%).", [90.0], id="now-in-brackets"),
    pytest.param("Chỉ tiêu đến năm 2025 có 95% dân số tham gia BHYT, đến nay đạt 91,2%.", [95.0], id="now-after-comma"),
    # ... while a state the goal aims at, not a time, stays the goal's
    pytest.param("Phấn đấu đến năm 2025 tỷ lệ hộ nghèo giảm 2%, toàn tỉnh còn 3.000 hộ nghèo.", [2.0, 3000.0], id="goal-state"),
    # a phase opening the clause dates its figure: one still running on the page's date is due, one
    # behind it is told (the framing phase of "Theo đó, giai đoạn 2021 - 2025, toàn tỉnh trồng mới
    # 416ha rừng", w281); a phase naming what a word means frames nothing
    pytest.param(PAGE + "Theo đó, giai đoạn 2022 - 2025, tỷ lệ hộ nghèo toàn huyện giảm bình quân 4 - 5%/năm.", [4.0],
                 id="phase-ahead"),
    pytest.param(PAGE + "Theo đó, giai đoạn 2016 - 2020, tỷ lệ hộ nghèo toàn huyện giảm bình quân 4 - 5%/năm.", [],
                 id="phase-behind"),
    pytest.param(PAGE + "Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2022 - 2025 của huyện là 42%.", [], id="phase-of-a-word"),
    # "đồng chí" (comrades) is no sum in "đồng" (w098)
    pytest.param(PAGE + "Đại hội bầu Ban Chấp hành Đảng bộ xã nhiệm kỳ 2020-2025 gồm 15 đồng chí.", [], id="comrades"),
    # a state right after a due year is the state expected then ("đến năm 2020, toàn tỉnh có trên 83
    # xã đạt chuẩn nông thôn mới", w266; "Năm 2023, toàn tỉnh có kế hoạch trồng ...", w234); a state
    # after a result word stays a result, and a word of the present time tells now
    pytest.param(PAGE + "Theo Nghị quyết, đến năm 2030 toàn tỉnh có ít nhất 80% số xã đạt chuẩn nông thôn mới.", [80.0],
                 id="due-state"),
    pytest.param(PAGE + "Theo kết quả rà soát cuối năm 2021, toàn tỉnh có 2.100 hộ nghèo.", [], id="result-state"),
    # a review is a result only when the figure comes from it ("theo kết quả rà soát"); the
    # task verb "rà soát" opening a plan's item tells no result (NQ 19/2017/NQ-CP, w105)
    pytest.param(PAGE + "Qua rà soát cuối năm, xã còn 58 hộ nghèo, chiếm 1,61%.", [], id="result-of-a-review"),
    pytest.param(PAGE + "Năm 2022 huyện phấn đấu giảm 3% tỷ lệ hộ nghèo. Rà soát, xử lý dứt điểm ít nhất 10 điểm "
                 "đen về tai nạn giao thông trên các tuyến quốc lộ.", [3.0, 10.0], id="review-as-a-task"),
    pytest.param(PAGE + "Dự kiến đến hết năm 2022, toàn huyện còn khoảng 3.100 hộ nghèo.", [], id="estimated-state"),
    pytest.param(PAGE + "Phấn đấu đến hết năm 2022, toàn huyện còn khoảng 3.100 hộ nghèo.", [3100.0], id="striven-state"),
    pytest.param(PAGE + "Đến năm 2030, hiện có 40 xã đạt chuẩn nông thôn mới.", [], id="now-state"),
    # ... so is one after the due year and the measured phrase the clause opens with, when the page's
    # date puts the year ahead; on an undated page it may be a result told after the fact (w189)
    pytest.param(PAGE + "Đến cuối năm 2025, tỷ lệ hộ nghèo toàn huyện còn dưới 6%.", [6.0], id="due-state-after-measure"),
    pytest.param("Đến cuối năm 2019, tỷ lệ hộ nghèo toàn tỉnh còn 1,2%.", [], id="undated-state-after-measure"),
    # a progressive the share's predicate follows describes the group the share is of ("80% số hộ
    # nghèo đang sử dụng nhà tiêu chưa hợp vệ sinh có nhu cầu vay vốn", seed 004), while one after a
    # count tells what it is now
    pytest.param(PAGE + "Đến năm 2025, 100% người dân tộc thiểu số đang sinh sống tại xã đặc biệt khó khăn được cấp thẻ BHYT.",
                 [100.0], id="share-covered"),
    pytest.param(PAGE + "Đến năm 2025, 90% thủ tục hành chính đang giải quyết tại huyện có hồ sơ trực tuyến.", [90.0],
                 id="share-having"),
    pytest.param(PAGE + "Đến năm 2025, 68 công trình nước sạch đang hoạt động.", [], id="count-under-way"),
    # ... unless a deed before the count is its clause's predicate: the progressive then names whom
    # the deed is for, and the items after it keep the paragraph's due year (own wording)
    pytest.param(PAGE + "Đến năm 2025: hỗ trợ sửa chữa nhà ở cho 420 hộ nghèo đang ở nhà dột nát; trên 80% hộ dân dùng nước "
                 "hợp vệ sinh.", [420.0, 80.0], id="count-a-deed-is-for"),
    pytest.param(PAGE + "Đến năm 2025, hỗ trợ sinh kế cho 300 hộ đang sống ven sông.", [300.0], id="count-supported"),
    # a progressive past a comma is the next clause's, not the count's (own wording)
    pytest.param(PAGE + "Đến năm 2025, nâng cấp, mở rộng 35 công trình cấp nước, ưu tiên các công trình đang xuống cấp.", [35.0],
                 id="progressive-of-next-clause"),
    # what the whole territory has is a state at any level, as "toàn tỉnh có" is ("toàn huyện có 314
    # tiêu chí nông thôn mới đạt chuẩn", w123; "toàn huyện có 130 hộ ...", w052)
    pytest.param(PAGE + "Năm 2022, huyện phấn đấu giảm 2% tỷ lệ hộ nghèo. Toàn huyện có 130 hộ được công nhận thoát nghèo.",
                 [2.0], id="whole-district-has"),
    pytest.param(PAGE + "Năm 2022, xã phấn đấu giảm 3% tỷ lệ hộ nghèo. Toàn xã còn 85 hộ nghèo.", [3.0],
                 id="whole-commune-still-has"),
    # a year a colon follows labels the number after it ("Tỷ lệ lao động qua đào tạo năm 2025: 65%",
    # w023, w153), also in a bracket after a goal; an estimate of a year behind the writer is no
    # goal, even in a goal list (principle 4)
    pytest.param(PAGE + "Các chỉ tiêu chủ yếu năm 2022:\n- Tỷ lệ lao động qua đào tạo đạt 52% (năm 2021: 49,5%).", [52.0],
                 id="year-labels-bracket-figure"),
    pytest.param(PAGE + "Các chỉ tiêu chủ yếu năm 2022:\n- Tốc độ tăng trưởng kinh tế đạt 7% (ước thực hiện năm 2021: 6,2%).",
                 [7.0], id="estimate-behind-in-goal-list"),
    # a tally of a plan's goals tells what is so now: the figures after it report ("trong 19 chỉ
    # tiêu ... đề ra, đến nay có 1 chỉ tiêu vượt", w190; "hiện có 5 chỉ tiêu đạt và vượt", w110),
    # where goal words alone open a list of goals
    pytest.param(PAGE + "Nghị quyết Đại hội Đảng bộ huyện đề ra 18 chỉ tiêu chủ yếu, đến nay có 15 chỉ tiêu đạt và vượt. "
                 "Giá trị sản xuất nông nghiệp tăng bình quân 4,5%/năm.", [], id="tally-of-goals"),
    pytest.param(PAGE + "Nghị quyết Đại hội Đảng bộ huyện đề ra 18 chỉ tiêu chủ yếu. Giá trị sản xuất nông nghiệp tăng "
                 "bình quân 4,5%/năm.", [4.5], id="goals-named"),
    # a count of goals opening its line titles the goals a page goes on to tell ("25 mục tiêu chủ yếu, 2
    # khâu đột phá và 5 chương trình trọng tâm", w054; "23 chỉ tiêu phát triển trong năm 2022", w090):
    # the description after it commits nothing, where goals a verb sets do ("thông qua 16 chỉ tiêu", w024)
    pytest.param(PAGE + "18 chỉ tiêu chủ yếu và 3 khâu đột phá\nHuyện có 11 xã, thị trấn; thu nhập bình quân đầu người "
                 "đạt 38 triệu đồng.", [], id="goals-titled"),
    pytest.param(PAGE + "Đại hội thông qua 18 chỉ tiêu chủ yếu và 3 khâu đột phá.\nThu nhập bình quân đầu người đạt 60 "
                 "triệu đồng.", [60000000.0], id="goals-adopted"),
    # an estimate word closing on the quantity's bound word ("ước khoảng": "khoảng" is the bound) still
    # tells the figure is an estimate, however far ahead its year
    pytest.param(PAGE + "Tổng vốn huy động cho chương trình đến năm 2025 ước khoảng 1.200 tỷ đồng.", [],
                 id="estimate-closing-on-the-bound"),
    # the parts of what the sentence before reported are reported too (annotation rule 10: a part keeps
    # its parent's reading; "... đạt 98,66%, hoàn thành 100% kế hoạch đề ra. Trong đó, ...", w133, w052, w322)
    pytest.param(PAGE + "Tính đến tháng 2 năm 2022, toàn huyện có 45/60 trường đạt chuẩn quốc gia. Trong đó, mầm non có "
                 "12 trường (60%).", [], id="parts-of-a-report"),
    pytest.param(PAGE + "Năm 2022, huyện phấn đấu có 50/60 trường đạt chuẩn quốc gia. Trong đó, mầm non có 14 trường.",
                 [50.0, 14.0], id="parts-of-a-goal"),
    # ... and a year carried from a sentence that only reported dates what it reported: still ahead of
    # the page, it makes no goal of the items after it
    pytest.param(PAGE + "Tính đến tháng 2 năm 2022, toàn huyện có 45/60 trường đạt chuẩn quốc gia; 38 trạm y tế đạt chuẩn "
                 "quốc gia về y tế.", [], id="year-carried-from-a-report"),
    # ... as is one carried from a sentence that only estimated (own wording): a date an estimate
    # expects is no goal of the figures after it
    pytest.param(PAGE + "Dự kiến hoàn thành toàn bộ tuyến đường vào quý IV năm 2024. Tuyến đường dài khoảng 42km, tổng "
                 "mức đầu tư gần 3.100 tỷ đồng.", [], id="year-carried-from-an-estimate"),
    # ... as is one carried from a sentence that only told how the plan's goals went (own wording;
    # "hoàn thành vượt mức 19/19 chỉ tiêu", w122)
    pytest.param("Đại hội Đảng bộ huyện Mường Lát lần thứ XX\n\nThứ Tư, 22/07/2020\n\nNhìn lại nhiệm kỳ 2015 - 2020, dù "
                 "chịu ảnh hưởng của dịch Covid-19 năm 2020, Đảng bộ huyện đã hoàn thành vượt 17/20 chỉ tiêu Nghị quyết đề ra. Tốc độ tăng trưởng kinh tế bình quân đạt "
                 "9,5%/năm; cơ cấu kinh tế chuyển dịch đúng hướng, nông nghiệp chiếm 38,2%.", [], id="year-carried-from-a-tally"),
    # the items of a list an estimate opens are estimated too ("ước đạt 5,35%; GRDP bình quân đầu người
    # đạt 74,1 triệu đồng", w090; w018, w325), while an item's own goal word still commits (w322)
    pytest.param(PAGE + "Năm 2022, thu nhập bình quân đầu người ước đạt 45 triệu đồng; tỷ lệ hộ nghèo giảm còn 4,2%; tỷ lệ "
                 "che phủ rừng đạt 58%.", [], id="estimated-list"),
    pytest.param(PAGE + "Năm 2022, thu nhập bình quân đầu người ước đạt 45 triệu đồng; tỷ lệ giải ngân vốn đầu tư công phấn "
                 "đấu đạt 95%.", [95.0], id="estimated-list-then-a-goal"),
    # a sentence without figures that tells of a time gone by ends the goals its paragraph carried on
    # ("Theo đánh giá, giai đoạn 2016 - 2020, ...": the figures after it are that time's)
    pytest.param(PAGE + "Huyện phấn đấu đến năm 2025 giảm tỷ lệ hộ nghèo xuống dưới 5%.\nGiai đoạn 2016 - 2020, kinh tế "
                 "của huyện có bước phát triển khá. Thu nhập bình quân đầu người đạt 32 triệu đồng.", [5.0],
                 id="time-gone-by-ends-carried-goals"),
    # ... and so does a count of goals followed by how they went ("Nông Sơn có 16 chỉ tiêu đạt và vượt, 2
    # chỉ tiêu không đạt", w173; "có 17 chỉ tiêu đạt và vượt kế hoạch", w090)
    pytest.param(PAGE + "Kết quả, toàn huyện có 14 chỉ tiêu đạt và vượt; 3 chỉ tiêu không đạt. Thu nhập bình quân đầu "
                 "người đạt 42 triệu đồng.", [], id="goals-tallied"),
    # ... a few words may describe the goals before how they went ("33 chỉ tiêu chủ yếu đều hoàn
    # thành", w213; "3 chỉ tiêu xấp xỉ đạt", w090)
    pytest.param(PAGE + "Cả nhiệm kỳ, Đảng bộ và nhân dân trong huyện nỗ lực phấn đấu, đạt nhiều kết quả quan trọng. "
                 "Có 20/22 chỉ tiêu chủ yếu đều đạt và vượt. Tốc độ tăng trưởng kinh tế bình quân đạt 7,2%/năm.", [],
                 id="goals-tallied-described"),
    # ... nor does a colon after such a tally open a list of goals: it names the goals that went so
    pytest.param(PAGE + "Tuy vậy, huyện vẫn còn 2/18 chỉ tiêu không đạt: tỷ lệ che phủ rừng và tỷ lệ trường đạt "
                 "chuẩn. Đời sống đồng bào còn khó khăn, tỷ lệ hộ nghèo đồng bào dân tộc thiểu số còn 12,4%.", [],
                 id="goals-tallied-before-a-colon"),
    # determination as a noun, the spirit a deed was done in, commits no clause ("Với quyết tâm xóa
    # nghèo cho hộ chính sách ..., huyện Đức Cơ đã đẩy mạnh ...", w050; "thể hiện quyết tâm giảm
    # nghèo", w294); the verb does
    pytest.param(PAGE + "Năm 2022, với quyết tâm cao của cả hệ thống chính trị, toàn huyện có 640 hộ thoát nghèo.", [],
                 id="determination-noun"),
    pytest.param(PAGE + "Năm 2022, huyện quyết tâm có thêm 640 hộ thoát nghèo.", [640.0], id="determination-verb"),
    # a least or most to reach that a deed or a due time governs is a requirement ("Tỉnh yêu cầu
    # triển khai tối thiểu 10 dự án", w038; "Cuối năm 2025, ít nhất 50% số xã đạt chuẩn", w184);
    # one a state verb governs describes a body or a group (Bình Thuận 779/QĐ-UBND, NĐ 351)
    pytest.param("Huyện yêu cầu các xã xây dựng tối thiểu 6 mô hình sinh kế cho hộ nghèo.", [6.0], id="required-deed"),
    pytest.param("Cuối năm 2026, ít nhất 70% số thôn có nhà văn hóa đạt chuẩn.", [70.0], id="required-due"),
    pytest.param("Huyện có trên 70% số thôn có nhà văn hóa đạt chuẩn.", [], id="count-bound-no-requirement"),
    pytest.param("Tổ công tác có ít nhất 05 thành viên, gồm tổ trưởng và các tổ viên.", [], id="required-of-a-body"),
    # the figure a plan noun is said to be is the plan's goal quoted, even among results ("chỉ
    # tiêu đề ra là tối thiểu 20%", Lâm Đồng's 2025 PAR report; "kế hoạch phấn đấu ... là 108 bé
    # trai/100 bé gái", w305); a goal word inside a programme's name names nothing
    pytest.param(PAGE + "I. KẾT QUẢ THỰC HIỆN\nTỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 96,5%, chỉ tiêu đề ra là "
                 "trên 95%.", [95.0], id="goal-named-among-results"),
    pytest.param(PAGE + "IV. KINH PHÍ\nVốn Chương trình mục tiêu quốc gia giảm nghèo bền vững: 12.500 triệu đồng.", [],
                 id="goal-word-in-a-name"),
    # a news subheading opens a new part of the article: the goals before it do not carry over it,
    # unless it names a goal or a year
    pytest.param(PAGE + "Huyện phấn đấu đến năm 2025 có 40 trường đạt chuẩn quốc gia.\n\nCòn nhiều khó khăn\n\n"
                 "Năm học 2021-2022, toàn huyện Tương Dương có 62 trường mầm non và tiểu học.", [40.0],
                 id="subheading-ends-the-goals"),
    pytest.param(PAGE + "Huyện phấn đấu đến năm 2025 có 40 trường đạt chuẩn quốc gia.\n\nĐịnh hướng đến năm 2030\n\n"
                 "Có 55 trường đạt chuẩn quốc gia.", [40.0, 55.0], id="goal-subheading-goes-on"),
    # an acronym ending a sentence a PDF's line wrapped is no heading: the task section goes on (own wording)
    pytest.param(PAGE + "III. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Phát triển sản xuất\nHoàn thiện hồ sơ sản phẩm chè đề nghị đánh giá, "
                 "phân hạng\nOCOP.\n2. Hạ tầng\nCứng hóa 3,2 km đường trục nội đồng.", [3.2], id="wrapped-acronym-line"),
]


@pytest.mark.parametrize("text, values", GOALS_BY_TIME_AND_ASPECT)
def test_time_and_aspect_words_decide_which_figures_are_goals(text, values):
    assert [t.value_min for t in extract_text(text).targets] == values


@pytest.mark.parametrize("text, parts", [
    # a "trong đó" part keeps its parent's measure and takes its own group (annotation rule 10; own
    # wording; "có 80% chi bộ hoàn thành tốt nhiệm vụ, trong đó có 20% chi bộ ...", w150)
    ("Năm 2018 phấn đấu đào tạo nghề cho 3.000 lao động nông thôn, trong đó có ít nhất 600 lao động là người dân tộc "
     "thiểu số.", [("employment.vocational_training", "all"), ("employment.vocational_training", "ethnic_minority")]),
    ("Năm 2018 phấn đấu đào tạo nghề cho 3.000 người, trong đó người dân tộc thiểu số chiếm tỷ lệ 40%.",
     [("employment.vocational_training", "all"), ("employment.vocational_training", "ethnic_minority")]),
], ids=["part-with-bound", "part-as-share"])
def test_a_part_keeps_its_parents_measure(text, parts):
    assert [(t.indicator, t.scope) for t in extract_text(text).targets] == parts


PROVINCE_PAGE = ("UBND tỉnh Quảng Trị ban hành Kế hoạch giảm nghèo năm 2024\n\nThứ Hai, 15/01/2024\n\n"
                 "UBND tỉnh Quảng Trị vừa ban hành Kế hoạch số 12/KH-UBND về giảm nghèo bền vững năm 2024. ")
NATION_PAGE = ("Chính phủ phê duyệt Chương trình giảm nghèo bền vững\n\nThứ Hai, 15/01/2024\n\n"
               "Thủ tướng Chính phủ vừa ký Quyết định số 90/QĐ-TTg phê duyệt Chương trình. ")


@pytest.mark.parametrize("text, values", [
    # a province's page quoting the national programme's goal beside its own: only its own are its
    # plan's; a figure compared with the country's stays the province's (annotation rule 1)
    pytest.param(PROVINCE_PAGE + "Chương trình mục tiêu quốc gia đặt mục tiêu cả nước duy trì mức giảm tỷ lệ hộ nghèo từ "
                 "1 - 1,5%/năm. Năm 2024, tỉnh phấn đấu giảm tỷ lệ hộ nghèo 1,8%, đưa tỷ lệ hộ nghèo của tỉnh xuống dưới "
                 "4% so với tỷ lệ hộ nghèo cả nước khoảng 2,9%.", [1.8, 4.0], id="province-quotes-the-nation"),
    # ... and a figure measured by the national standard is the province's own
    pytest.param(PROVINCE_PAGE + "Năm 2024, tỉnh phấn đấu giảm tỷ lệ hộ nghèo tính theo chuẩn nghèo đa chiều của cả nước xuống còn 3,5%.", [3.5],
                 id="national-standard"),
    # on a national page the whole country's figures are the plan's
    pytest.param(NATION_PAGE + "Chương trình đặt mục tiêu cả nước duy trì mức giảm tỷ lệ hộ nghèo từ 1 - 1,5%/năm.", [1.0],
                 id="nation-page"),
])
def test_the_whole_countrys_figures_are_a_national_plans(text, values):
    assert [t.value_min for t in extract_text(text).targets] == values
