import json

import pytest

from extractor.errors import EvaluationError
from extractor.evaluate import format_scores, load_gold_dir, score
from extractor.models import DocumentOutput, PlanFields, ReferenceFields, TargetFields
from tests.conftest import CORPUS


def target(value, unit="percent", indicator="poverty.rate", text="giảm tỷ lệ hộ nghèo xuống còn 18,66%", high=None):
    return TargetFields(
        text=text, indicator=indicator, scope="all", change="level", bound="exact",
        value_min=value, value_max=high if high is not None else value, unit=unit, per_year=False, year=2022,
    )


def doc(targets=(), place="Sơn La", symbol="199/KH-UBND", refs=("199/KH-UBND",)):
    return DocumentOutput(
        doc="d.txt",
        plan=PlanFields(symbol=symbol, doc_type="ke_hoach", place=place, period_start=2022, period_end=2022),
        references=[ReferenceFields(symbol=s, doc_type="ke_hoach") for s in refs],
        targets=list(targets),
    )


CASES = [
    # (gold targets, predicted targets, tp, fp, fn)
    ([target(18.66)], [target(18.66)], 1, 0, 0),
    ([target(18.66), target(25000, "workers")], [target(18.66)], 1, 0, 1),
    ([target(18.66)], [target(18.66), target(3.0)], 1, 1, 0),
    ([target(18.66)], [target(18.66), target(18.66)], 1, 1, 0),
    ([target(18.66)], [target(18.66 + 1e-9)], 1, 0, 0),
    ([target(18.66)], [target(18.66, "households")], 0, 1, 1),
    ([target(4.0, high=5.0)], [target(4.0)], 0, 1, 1),
]


@pytest.mark.parametrize("gold_targets, predicted_targets, tp, fp, fn", CASES)
def test_target_matching(gold_targets, predicted_targets, tp, fp, fn):
    scores = score({"d.txt": doc(gold_targets)}, {"d.txt": doc(predicted_targets)})
    assert (scores.targets.tp, scores.targets.fp, scores.targets.fn) == (tp, fp, fn)


def test_field_accuracy_counts_matched_pairs_only():
    gold = doc([target(18.66), target(3.0)])
    predicted = doc([target(18.66, indicator="other"), target(99.0)])
    scores = score({"d.txt": gold}, {"d.txt": predicted})
    assert scores.target_fields["indicator"] == 0.0
    assert scores.target_fields["scope"] == 1.0


@pytest.mark.parametrize("gold_value, predicted_value, equal", [
    ("Sơn La", "tỉnh Sơn La", True),
    ("Hải Phòng", "thành phố Hải Phòng", True),
    ("Sơn La", " sơn la ", True),
    ("Sơn La", "Lai Châu", False),
])
def test_place_comparison(gold_value, predicted_value, equal):
    scores = score({"d.txt": doc(place=gold_value)}, {"d.txt": doc(place=predicted_value)})
    assert (scores.plan_fields["place"] == 1.0) is equal


@pytest.mark.parametrize("gold_value, predicted_value, equal", [
    ("47/2011/QĐ-UBND", "47/2011/QD-UBND", True),
    ("175/KH-UBND", "175/KH- UBND", True),
    (None, None, True),
    ("199/KH-UBND", None, False),
])
def test_symbol_comparison(gold_value, predicted_value, equal):
    scores = score({"d.txt": doc(symbol=gold_value)}, {"d.txt": doc(symbol=predicted_value)})
    assert (scores.plan_fields["symbol"] == 1.0) is equal


def test_references_score_as_sets():
    gold = doc(refs=("20-NQ/TU", "147/KH-UBND", "199/KH-UBND"))
    predicted = doc(refs=("199/KH-UBND", "147/KH-UBND", "06/GP-TTĐT"))
    r = score({"d.txt": gold}, {"d.txt": predicted}).references
    assert (r.tp, r.fp, r.fn) == (2, 1, 1)


def test_missing_document_counts_as_empty():
    scores = score({"d.txt": doc([target(18.66)])}, {})
    assert scores.targets.fn == 1 and scores.documents[0].missing
    assert scores.plan_fields["symbol"] == 0.0


def test_gold_scores_perfectly_against_itself():
    gold = load_gold_dir(CORPUS / "gold")
    scores = score(gold, gold)
    assert scores.targets.f1 == 1.0 and scores.references.f1 == 1.0
    assert set(scores.plan_fields.values()) == {1.0}
    report = format_scores(scores, per_document=True)
    assert report.splitlines()[-1].startswith("references  P 1.000")


def test_bad_gold_file_names_file(tmp_path):
    (tmp_path / "x.json").write_text(json.dumps({"doc": "x.txt", "plan": {}, "references": [], "targets": [{"text": 1}]}))
    with pytest.raises(EvaluationError, match=r"x\.json: targets\.0\."):
        load_gold_dir(tmp_path)
