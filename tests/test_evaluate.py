"""Scoring as gold-format.md says, on small hand-built documents with snippets from the seed gold."""

import json

import pytest

from chitieu.errors import EvaluationError
from chitieu.evaluate import format_scores, load_gold_dir, match_targets, score, texts_overlap
from chitieu.models import DocumentOutput, PlanFields, ReferenceFields, TargetFields
from tests.conftest import CORPUS, shared_path

DOC = "000_0adbc389ada233e5.txt"

# Seed 000 (Sơn La, 199/KH-UBND): four of its targets.
RATE = dict(text="Giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%", indicator="poverty.rate", scope="all",
            change="level", bound="exact", value_min=18.66, value_max=18.66, unit="percent", per_year=False, year=2022)
ETHNIC = dict(RATE, text="giảm tỷ lệ hộ nghèo dân tộc thiểu số trên 3%", scope="ethnic_minority",
              change="decrease", bound="at_least", value_min=3.0, value_max=3.0)
RANGE = dict(RATE, text="giảm tỷ lệ hộ nghèo của các huyện nghèo từ 4 - 5%", scope="poor_districts",
             change="decrease", value_min=4.0, value_max=5.0)
WORKERS = dict(RATE, text="Hỗ trợ kết nối việc làm thành công cho khoảng 25.000 lao động",
               indicator="employment.job_connection", bound="approx", value_min=25000.0, value_max=25000.0, unit="workers")
SHARE = dict(RATE, text="trên 50% người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo ở vùng nghèo, vùng khó khăn",
             indicator="employment.job_connection", scope="other", bound="at_least", value_min=50.0, value_max=50.0)


def target(base, **changes) -> TargetFields:
    return TargetFields(**{**base, **changes})


def document(targets=(), refs=("20-NQ/TU", "147/KH-UBND", "199/KH-UBND"), **plan) -> DocumentOutput:
    plan_fields = dict(symbol="199/KH-UBND", doc_type="ke_hoach", issued="2022-08-02", issuer_body="ubnd",
                       issuer_level="province", place="Sơn La", period_start=2022, period_end=2022)
    return DocumentOutput(
        doc=DOC,
        plan=PlanFields(**{**plan_fields, **plan}),
        references=[ReferenceFields(symbol=s, doc_type="ke_hoach") for s in refs],
        targets=[target(t) if isinstance(t, dict) else t for t in targets],
    )


def score_one(gold: DocumentOutput, predicted: DocumentOutput):
    return score({DOC: gold}, {DOC: predicted})


TARGET_CASES = [
    # name, gold targets, predicted targets, (tp, fp, fn)
    ("perfect", [RATE, ETHNIC, RANGE, WORKERS], [RATE, ETHNIC, RANGE, WORKERS], (4, 0, 0)),
    ("missing target lowers recall", [RATE, WORKERS], [RATE], (1, 0, 1)),
    ("extra target lowers precision", [RATE], [RATE, ETHNIC], (1, 1, 0)),
    ("duplicate prediction matches once", [RATE], [RATE, RATE], (1, 1, 0)),
    ("two equal gold targets take two predictions", [RATE, RATE], [RATE, RATE, RATE], (2, 1, 0)),
    ("value within 1e-6", [RATE], [target(RATE, value_min=18.66 + 5e-7, value_max=18.66 - 5e-7)], (1, 0, 0)),
    ("value beyond 1e-6", [RATE], [target(RATE, value_min=18.66 + 1e-5, value_max=18.66 + 1e-5)], (0, 1, 1)),
    ("unit must agree", [RATE], [target(RATE, unit="households")], (0, 1, 1)),
    ("range needs both ends", [RANGE], [target(RANGE, value_max=4.0)], (0, 1, 1)),
    ("other fields do not decide a match", [RATE], [target(RATE, indicator="other", bound="approx", text="18,66%")], (1, 0, 0)),
    ("nothing on either side", [], [], (0, 0, 0)),
]


@pytest.mark.parametrize("gold_targets, predicted_targets, counts",
                         [case[1:] for case in TARGET_CASES], ids=[case[0] for case in TARGET_CASES])
def test_target_matching(gold_targets, predicted_targets, counts):
    scores = score_one(document(gold_targets), document(predicted_targets))
    assert (scores.targets.tp, scores.targets.fp, scores.targets.fn) == counts
    detail = scores.documents[0]
    assert len(detail.missed_targets) == counts[2] and len(detail.extra_targets) == counts[1]


def test_precision_recall_f1_are_micro_over_documents():
    gold = {"a.txt": document([RATE, ETHNIC, RANGE, WORKERS]).model_copy(update={"doc": "a.txt"}),
            "b.txt": document([RATE]).model_copy(update={"doc": "b.txt"})}
    predicted = {"a.txt": gold["a.txt"], "b.txt": document([ETHNIC]).model_copy(update={"doc": "b.txt"})}
    t = score(gold, predicted).targets
    assert (t.tp, t.fp, t.fn) == (4, 1, 1)
    assert t.precision == pytest.approx(0.8) and t.recall == pytest.approx(0.8) and t.f1 == pytest.approx(0.8)


def test_perfect_prediction_scores_one_everywhere():
    gold = document([RATE, ETHNIC, RANGE, WORKERS, SHARE])
    scores = score_one(gold, gold)
    assert scores.targets.f1 == scores.references.f1 == 1.0
    assert set(scores.target_fields.values()) == {1.0}
    assert set(scores.plan_fields.values()) == {1.0}
    assert not scores.documents[0].field_misses and not scores.documents[0].plan_misses


def test_field_accuracy_counts_matched_pairs_only():
    gold = document([RATE, ETHNIC, WORKERS])
    # RATE matches with a wrong indicator; the wrong-scoped 99% and the missed targets do not count.
    predicted = document([target(RATE, indicator="other"), target(ETHNIC, value_min=99.0, value_max=99.0, scope="other")])
    scores = score_one(gold, predicted)
    assert scores.matched_targets == 1
    assert scores.target_fields["indicator"] == 0.0
    assert scores.target_fields["scope"] == 1.0
    [miss] = scores.documents[0].field_misses
    assert (miss.field, miss.gold, miss.predicted) == ("indicator", "poverty.rate", "other")


def test_pairing_prefers_the_prediction_agreeing_on_more_fields():
    # Two 50% workers' shares; predictions come in the other order. Pairing by reading order
    # alone would cross them and report two wrong scopes.
    first = target(SHARE, scope="all", text="50% người lao động có việc làm")
    second = target(SHARE)
    scores = score_one(document([first, second]), document([second, first]))
    assert scores.targets.tp == 2
    assert scores.target_fields["scope"] == 1.0 and scores.target_fields["text"] == 1.0
    assert match_targets([first, second], [second, first]) == [(0, 1), (1, 0)]


def test_text_exact_and_overlap():
    gold = document([RATE, ETHNIC])
    predicted = document([target(RATE, text="Giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%"),
                          target(ETHNIC, text="Phấn đấu giảm tỷ lệ hộ nghèo dân tộc thiểu số trên 3%")])
    scores = score_one(gold, predicted)
    assert scores.target_fields["text"] == 0.5
    assert scores.target_fields["text_overlap"] == 1.0


@pytest.mark.parametrize("gold_text, predicted_text, overlaps", [
    ("giảm tỷ lệ hộ nghèo dân tộc thiểu số trên 3%", "Phấn đấu giảm tỷ lệ hộ nghèo dân tộc thiểu số trên 3%", True),
    ("Hỗ trợ đào tạo 4.000 người lao động thuộc các huyện nghèo", "đào tạo 4.000 người lao động", True),
    ("Giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%", "giảm  tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%", True),
    ("Giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%", "hỗ trợ 40 lao động thuộc các huyện nghèo đi làm việc ở nước ngoài", False),
])
def test_texts_overlap(gold_text, predicted_text, overlaps):
    assert texts_overlap(gold_text, predicted_text) is overlaps


PLAN_CASES = [
    # field, gold value, predicted value, counted as equal
    ("place", "Sơn La", "tỉnh Sơn La", True),
    ("place", "Hải Phòng", "thành phố Hải Phòng", True),
    ("place", "Hải Phòng", "Thành phố  Hải Phòng ", True),
    ("place", "Sơn La", " sơn la ", True),
    ("place", "Sơn La", "Lai Châu", False),
    ("place", "Sơn La", "huyện Sơn La", False),
    ("symbol", "47/2011/QĐ-UBND", "47/2011/QD-UBND", True),
    ("symbol", "47/2011/QĐ-UBND", "47/2011/QÐ-UBND", True),  # Latin Ð (U+00D0), as in devset d025
    ("symbol", "175/KH-UBND", "175/KH- UBND", True),
    ("symbol", "175/KH-UBND", "Số 175/KH-UBND", False),
    ("symbol", None, None, True),
    ("symbol", "199/KH-UBND", None, False),
    ("symbol", None, "199/KH-UBND", False),
    ("issued", None, None, True),
    ("issued", "2022-08-02", "2022-08-20", False),
    ("issuer_level", "province", "district", False),
    ("period_start", 2022, 2021, False),
]


@pytest.mark.parametrize("field, gold_value, predicted_value, equal", PLAN_CASES)
def test_plan_field_comparison(field, gold_value, predicted_value, equal):
    scores = score_one(document(**{field: gold_value}), document(**{field: predicted_value}))
    assert (scores.plan_fields[field] == 1.0) is equal
    assert all(value == 1.0 for name, value in scores.plan_fields.items() if name != field)
    assert [m.field for m in scores.documents[0].plan_misses] == ([] if equal else [field])


def test_plan_misses_name_gold_and_predicted():
    scores = score_one(document(period_start=2022), document(period_start=2021, place="tỉnh Sơn La"))
    [miss] = scores.documents[0].plan_misses
    assert (miss.field, miss.gold, miss.predicted) == ("period_start", 2022, 2021)


REFERENCE_CASES = [
    # gold symbols, predicted symbols, (tp, fp, fn)
    (("20-NQ/TU", "147/KH-UBND", "199/KH-UBND"), ("199/KH-UBND", "147/KH-UBND", "20-NQ/TU"), (3, 0, 0)),
    (("20-NQ/TU", "147/KH-UBND", "199/KH-UBND"), ("199/KH-UBND", "147/KH-UBND", "06/GP-TTĐT"), (2, 1, 1)),
    (("199/KH-UBND",), ("199/KH-UBND", "199/KH- UBND"), (1, 0, 0)),  # a repeat is one symbol
    (("47/2011/QĐ-UBND",), ("47/2011/QD-UBND",), (1, 0, 0)),
    ((), (), (0, 0, 0)),
    (("55/KH-UBND",), (), (0, 0, 1)),
]


@pytest.mark.parametrize("gold_refs, predicted_refs, counts", REFERENCE_CASES)
def test_references_score_as_sets_of_symbols(gold_refs, predicted_refs, counts):
    r = score_one(document(refs=gold_refs), document(refs=predicted_refs)).references
    assert (r.tp, r.fp, r.fn) == counts


def test_reference_misses_are_listed():
    detail = score_one(document(), document(refs=("199/KH-UBND", "147/KH-UBND", "06/GP-TTĐT"))).documents[0]
    assert detail.missed_references == ["20-NQ/TU"] and detail.extra_references == ["06/GP-TTĐT"]


def test_missing_document_counts_as_predicted_empty():
    gold = {DOC: document([RATE, ETHNIC]), "nearmiss.txt": DocumentOutput(doc="nearmiss.txt", plan=PlanFields(), references=[], targets=[])}
    scores = score(gold, {})
    assert scores.missing_documents == [DOC, "nearmiss.txt"]
    assert (scores.targets.tp, scores.targets.fp, scores.targets.fn) == (0, 0, 2)
    assert (scores.references.tp, scores.references.fn) == (0, 3)
    # The near miss has every plan field null, so an empty prediction is right about it.
    assert scores.plan_fields["symbol"] == 0.5 and scores.plan_fields["issued"] == 0.5
    assert "[not extracted]" in format_scores(scores, per_document=True)


def test_prediction_without_gold_is_left_out():
    scores = score({DOC: document([RATE])}, {DOC: document([RATE]), "other.txt": document([ETHNIC])})
    assert scores.unscored_documents == ["other.txt"] and scores.targets.fp == 0


def test_report_summary_is_the_last_lines():
    gold = document([RATE, ETHNIC, WORKERS])
    predicted = document([target(RATE, year=2025), RANGE], place="Lai Châu", refs=("199/KH-UBND",))
    report = format_scores(score_one(gold, predicted), per_document=True)
    lines = report.splitlines()
    summary = lines[-10:]
    assert summary[0] == "" and summary[1].startswith("documents 1")
    assert summary[2] == "targets     P 0.500  R 0.333  F1 0.400  (tp 1 fp 1 fn 2)"
    assert summary[-1] == "references  P 1.000  R 0.333  F1 0.500  (tp 1 fp 0 fn 2)"
    assert "year 0.000" in report and "place 0.000" in report
    detail = "\n".join(lines[:-10])
    assert detail.startswith(f"{DOC}  targets P 0.50 R 0.33 F1 0.40 (tp 1 fp 1 fn 2)")
    for expected in ("plan place: Sơn La -> Lai Châu",
                     "missed 3 percent  'giảm tỷ lệ hộ nghèo dân tộc thiểu số trên 3%'",
                     "missed 25000 workers",
                     "extra  4-5 percent",
                     "field  year: 2022 -> 2025",
                     "ref missed 20-NQ/TU"):
        assert expected in detail
    assert format_scores(score_one(gold, predicted)).splitlines() == summary


def test_scores_serialise_with_precision_recall_f1():
    data = score_one(document([RATE]), document([RATE, ETHNIC])).model_dump(mode="json")
    assert data["targets"]["precision"] == 0.5 and data["targets"]["f1"] == pytest.approx(2 / 3)


@pytest.mark.parametrize("gold_dir", [
    pytest.param(lambda: shared_path("gold"), id="shared-seed-gold"),
    pytest.param(lambda: shared_path("devset", "gold"), id="shared-devset-gold"),
    pytest.param(lambda: CORPUS / "gold", id="bundled-seed-gold"),
])
def test_gold_scores_perfectly_against_itself(gold_dir):
    gold = load_gold_dir(gold_dir())
    scores = score(gold, gold)
    assert scores.targets.f1 == 1.0 and scores.references.f1 == 1.0
    assert set(scores.target_fields.values()) == {1.0}
    assert set(scores.plan_fields.values()) == {1.0}
    assert not scores.missing_documents


BAD_GOLD = [
    # file content, expected message
    ({"doc": "x.txt", "plan": {}, "references": [], "targets": [{"text": 1}]}, r"x\.json: targets\.0\.text: "),
    ({"doc": "x.txt", "plan": {"place": "Sơn La", "town": "?"}, "references": [], "targets": []}, r"x\.json: plan\.town: "),
    ({"doc": "x.txt", "plan": {}, "references": [{"symbol": "199/KH-UBND", "doc_type": "plan"}], "targets": []},
     r"x\.json: references\.0\.doc_type: "),
    ({"plan": {}, "references": [], "targets": []}, r"x\.json: doc: Field required"),
]


@pytest.mark.parametrize("content, message", BAD_GOLD)
def test_bad_gold_file_names_file_and_location(tmp_path, content, message):
    (tmp_path / "x.json").write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(EvaluationError, match=message):
        load_gold_dir(tmp_path)


def test_gold_file_that_is_not_json_names_file_and_line(tmp_path):
    (tmp_path / "x.json").write_text('{"doc": "x.txt",\n"plan": }', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"x\.json:2: not JSON"):
        load_gold_dir(tmp_path)


def test_gold_dir_without_files_or_with_a_doc_twice(tmp_path):
    with pytest.raises(EvaluationError, match="no gold"):
        load_gold_dir(tmp_path)
    content = document([RATE]).model_dump_json()
    (tmp_path / "a.json").write_text(content, encoding="utf-8")
    (tmp_path / "b.json").write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"b\.json: doc .* already"):
        load_gold_dir(tmp_path)
