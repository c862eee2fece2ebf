"""The review loop as a reviewer uses it: export, edit, import, re-extract, export again; each
defect a reviewer met is a test that does what the reviewer did."""

import json
import shutil

import pytest

from chitieu.batch import BatchOptions, run_batch
from chitieu.catalogue import Catalogue
from chitieu.errors import ReviewError
from chitieu.evaluate import load_gold_dir, score
from chitieu.review import ReviewFilter, effective_outputs, export_review, import_review, review_status, write_gold
from tests.conftest import CORPUS

SEED = "000_0adbc389ada233e5.txt"


@pytest.fixture()
def workspace(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(CORPUS / "seeds" / SEED, docs / SEED)
    db = tmp_path / "c.db"
    run_batch([docs], BatchOptions(db_path=db, progress=False))
    return tmp_path, docs, db


def export(db, path, batch="b1", **filters):
    return export_review(Catalogue(db), path, ReviewFilter(**filters), batch=batch)


def edit(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def targets_of(data):
    return data["documents"][0]["targets"]


def by_value(data, value):
    return next(t for t in targets_of(data) if t["machine"]["value_min"] == value)


def reviewer_edits(data):
    data["reviewer"] = "Nguyễn Thị Lan"
    by_value(data, 18.66)["status"] = "accepted"
    corrected = by_value(data, 3.0)
    corrected["status"] = "corrected"
    corrected["corrections"]["bound"] = "exact"
    corrected["note"] = "số liệu theo văn bản gốc"
    rejected = by_value(data, 4.0)
    rejected["status"] = "rejected"
    rejected["reason"] = "không phải chỉ tiêu"
    plan = data["documents"][0]["plan"]
    plan["status"] = "corrected"
    plan["corrections"]["issuer_level"] = "district"
    data["documents"][0]["added_targets"] = [{
        "quote": "hỗ trợ 40 lao động thuộc các huyện nghèo đi làm việc ở nước ngoài",
        "fields": {"indicator": "employment.overseas_work", "value_min": 41, "value_max": 41, "unit": "workers"},
    }]


def imported(db, path):
    return import_review(Catalogue(db), path)


def rewrite(docs, change):
    seed = docs / SEED
    seed.write_text(change(seed.read_text(encoding="utf-8")), encoding="utf-8")
    return run_batch([docs], BatchOptions(db_path=docs.parent / "c.db", progress=False))


def effective(db):
    [(output, _)] = effective_outputs(Catalogue(db))
    return output


# ---------------------------------------------------------------- export


def test_export_points_at_an_absolute_schema_and_says_nothing_matched(workspace):
    tmp, _, db = workspace
    path = tmp / "review.json"
    review = export(db, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["$schema"].startswith("file://") and data["$schema"].endswith("schemas/review-file.schema.json")
    moved = tmp / "elsewhere" / "review.json"
    moved.parent.mkdir()
    shutil.move(path, moved)
    assert json.loads(moved.read_text(encoding="utf-8"))["$schema"] == data["$schema"]  # still the same schema
    first = targets_of(data)[0]
    assert first["status"] == "pending" and "⟦" in first["evidence"] and first["decided_by"]["modality"]
    assert len(review.documents[0].targets) == 7
    assert not export(db, tmp / "none.json", province="Atlantis").documents and not (tmp / "none.json").exists()


@pytest.mark.parametrize("typed", ["Sơn La", "son la", "SON LA", "Son  La"])
def test_province_filter_ignores_accents_and_case(workspace, typed):
    tmp, _, db = workspace
    assert export(db, tmp / "r.json", province=typed).documents


# ---------------------------------------------------------------- import, re-extraction


def test_round_trip_survives_reextraction(workspace):
    tmp, docs, db = workspace
    path = tmp / "review.json"
    export(db, path)
    edit(path, reviewer_edits)
    report = imported(db, path)
    assert report.applied > 0 and not report.conflicts
    assert imported(db, path).applied == 0  # the same file again changes nothing
    cat = Catalogue(db)
    assert {r["value_min"]: r["bound"] for r in cat.db["targets"].rows}[3.0] == "at_least"  # machine rows untouched
    output = effective(db)
    assert (3.0, "exact") in {(t.value_min, t.bound) for t in output.targets} and 4.0 not in [t.value_min for t in output.targets]
    assert rewrite(docs, lambda text: "Tin cập nhật.\n\n" + text).changed == 1
    assert {r["anchor"] for r in Catalogue(db).db["corrections"].rows} == {"attached"}
    output = effective(db)
    assert (3.0, "exact") in {(t.value_min, t.bound) for t in output.targets} and 41.0 in [t.value_min for t in output.targets]


def test_plan_corrections_follow_the_document_when_its_text_changes(workspace):
    """Defect 1: a corrected issuer level came back as the machine value after the text changed."""
    tmp, docs, db = workspace
    path = tmp / "review.json"
    export(db, path)
    edit(path, reviewer_edits)
    imported(db, path)
    rewrite(docs, lambda text: text + "\nBài: PV.")
    assert effective(db).plan.issuer_level == "district"


def test_an_ambiguous_reanchoring_is_refused_and_listed(workspace):
    """Defect 2: a correction moved to a new sentence with the same span text, marked confirmed."""
    tmp, docs, db = workspace
    path = tmp / "review.json"
    export(db, path)
    edit(path, reviewer_edits)
    imported(db, path)
    corrected_span = next(r["evidence_text"] for r in Catalogue(db).db["corrections"].rows if r["field"] == "bound")
    rewrite(docs, lambda text: f"Mục tiêu chung: {corrected_span}.\n\n" + text)
    cat = Catalogue(db)
    assert [r["anchor"] for r in cat.db["corrections"].rows if r["field"] == "bound"] == ["needs_review"]
    assert not any(t["bound"] == "exact" and t["value_min"] == 3.0 for t in cat.rows("select * from targets_effective"))
    assert any("needs_review" in line for line in review_status(cat).needs_review)


def test_a_rejection_follows_its_target_and_a_changed_row_makes_a_decision_stale(workspace):
    """Defect 3: a rejected false positive came back after re-extraction; an acceptance stayed
    on a target whose fields changed."""
    tmp, docs, db = workspace
    path = tmp / "review.json"
    export(db, path)
    edit(path, reviewer_edits)
    imported(db, path)
    rewrite(docs, lambda text: "Cập nhật.\n" + text)
    cat = Catalogue(db)
    assert [r["rejected"] for r in cat.rows("select * from targets_effective where value_min = 4.0")] == [1]
    cat.db.execute("update reviews set row_hash = 'other' where status = 'accepted'")  # as a new extractor would read it
    cat.db.conn.commit()
    rewrite(docs, lambda text: "Cập nhật lần hai.\n" + text)
    cat = Catalogue(db)
    assert [r["anchor"] for r in cat.db["reviews"].rows if r["status"] == "accepted"] == ["stale"]
    assert any("accepted" in line and "stale" in line for line in review_status(cat).needs_review)


@pytest.mark.parametrize("case, change, message", [
    ("corrections on a pending item", lambda d: by_value(d, 3.0)["corrections"].update(bound="exact"), "left pending"),
    ("an edit in the machine block", lambda d: (by_value(d, 3.0).update(status="accepted"), by_value(d, 3.0)["machine"].update(bound="exact")), "machine block was edited"),
    ("plan corrections left pending", lambda d: d["documents"][0]["plan"]["corrections"].update(place="Mộc Châu"), "plan left pending"),
    ("unknown indicator", lambda d: by_value(d, 3.0).update(status="corrected", corrections={**by_value(d, 3.0)["corrections"], "indicator": "poverty.rtae"}), "did you mean 'poverty.rate'"),
    ("value_min above value_max", lambda d: by_value(d, 3.0).update(status="corrected", corrections={**by_value(d, 3.0)["corrections"], "value_min": 9}), "above value_max"),
    ("corrected without corrections", lambda d: by_value(d, 3.0).update(status="corrected"), "without corrections"),
    ("rejected without a reason", lambda d: by_value(d, 3.0).update(status="rejected"), "without a reason"),
    ("a year out of range", lambda d: by_value(d, 3.0).update(status="corrected", corrections={**by_value(d, 3.0)["corrections"], "year": 20255}), "less than or equal to 2100"),
    ("absent quote", lambda d: d["documents"][0].update(added_targets=[{"quote": "giảm tỷ lệ hộ nghèo xuống 0%", "fields": {"indicator": "poverty.rate", "value_min": 0, "value_max": 0, "unit": "percent"}}]), "nearest"),
    ("ambiguous quote", lambda d: d["documents"][0].update(added_targets=[{"quote": "hộ nghèo", "fields": {"indicator": "other", "value_min": 1, "value_max": 1, "unit": "other"}}]), "quote a longer stretch"),
    ("a target no longer read", lambda d: targets_of(d)[0].update(id="0000000000000000", row_hash="0000000000000000", status="accepted"), "gone since export"),
])
def test_work_that_cannot_be_applied_is_refused_with_a_reason(workspace, case, change, message):
    """Defects 4, 5, 6: work silently dropped, meaning not checked, quotes not found."""
    tmp, _, db = workspace
    path = tmp / "review.json"
    export(db, path)
    edit(path, lambda d: (d.update(reviewer="Lan"), change(d)))
    before = {t: list(Catalogue(db).db[t].rows) for t in ("reviews", "corrections", "added_targets")}
    try:
        report = imported(db, path)
    except ReviewError as error:
        assert message in str(error), str(error)
        assert {t: list(Catalogue(db).db[t].rows) for t in before} == before
    else:
        assert any(message in line for line in report.not_applied), report.describe()


def test_a_field_can_be_cleared_a_span_moved_and_a_note_kept(workspace):
    tmp, _, db = workspace
    path = tmp / "review.json"
    export(db, path)

    def change(data):
        data["reviewer"] = "Lan"
        target = by_value(data, 18.66)
        target["status"] = "corrected"
        target["corrections"]["clear"] = ["year"]
        target["corrections"]["text"] = "tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%"
        data["documents"][0]["note"] = "trang thiếu phần cuối"

    edit(path, change)
    imported(db, path)
    [row] = Catalogue(db).rows("select * from targets_effective where value_min = 18.66")
    assert row["year"] is None and row["text"] == "tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%"
    assert [r["note"] for r in Catalogue(db).db["reviews"].rows if r["item_kind"] == "document"] == ["trang thiếu phần cuối"]


def test_a_quote_copied_in_nfd_or_with_double_spaces_is_found(workspace):
    """Defect 6: a quote copied from a PDF (decomposed letters) or with a double space."""
    import unicodedata

    tmp, _, db = workspace
    path = tmp / "review.json"
    export(db, path)
    quote = unicodedata.normalize("NFD", "hỗ trợ 40 lao động  thuộc các huyện nghèo đi làm việc ở nước ngoài")
    edit(path, lambda d: (d.update(reviewer="Lan"), d["documents"][0].update(added_targets=[
        {"quote": quote, "fields": {"indicator": "employment.overseas_work", "value_min": 41, "value_max": 41, "unit": "workers"}}])))
    imported(db, path)
    assert 41.0 in [t.value_min for t in effective(db).targets]


def test_two_reviewers_who_disagree_are_both_kept_until_an_adjudication(workspace):
    """Defect 7: accept against reject on one target left it both confirmed and rejected."""
    tmp, _, db = workspace
    first, second, third = tmp / "lan.json", tmp / "minh.json", tmp / "adj.json"
    for path in (first, second, third):
        export(db, path, batch=path.stem)
    edit(first, lambda d: (d.update(reviewer="Lan"), by_value(d, 3.0).update(status="accepted")))
    edit(second, lambda d: (d.update(reviewer="Minh"), by_value(d, 3.0).update(status="rejected", reason="kết quả")))
    imported(db, first)
    report = imported(db, second)
    assert report.disagreements and "Lan accepted" in report.disagreements[0]
    [row] = Catalogue(db).rows("select confirmed, rejected, disputed from targets_effective where value_min = 3.0")
    assert row == {"confirmed": 0, "rejected": 0, "disputed": 1}
    assert review_status(Catalogue(db)).agreement == (0, 1)
    edit(third, lambda d: (d.update(reviewer="Hòa", adjudication=True), by_value(d, 3.0).update(status="rejected", reason="kết quả")))
    imported(db, third)
    [row] = Catalogue(db).rows("select confirmed, rejected, disputed from targets_effective where value_min = 3.0")
    assert row == {"confirmed": 0, "rejected": 1, "disputed": 0}


def test_an_old_file_imports_what_still_applies(workspace):
    """Defect 8: a file exported before a re-extraction was refused whole."""
    tmp, docs, db = workspace
    path = tmp / "review.json"
    export(db, path)
    rewrite(docs, lambda text: text.replace("dân tộc thiểu số trên 3%", "dân tộc thiểu số trên 3,5%"))
    edit(path, lambda d: (d.update(reviewer="Lan"), by_value(d, 18.66).update(status="accepted"),
                          by_value(d, 3.0).update(status="accepted")))
    report = imported(db, path)
    assert report.applied >= 1 and any("gone since export" in line for line in report.not_applied)


def test_gold_holds_only_what_a_person_confirmed_in_reading_order(workspace):
    """Defect 9: gold export wrote unreviewed machine targets, left out a document whose only
    review was an added target, ordered added targets wrongly."""
    tmp, docs, db = workspace
    other = "001_7d0485270a2e6995.txt"
    shutil.copy(CORPUS / "seeds" / other, docs / other)
    run_batch([docs], BatchOptions(db_path=db, progress=False))
    path = tmp / "review.json"
    export(db, path, document=SEED)
    edit(path, reviewer_edits)
    imported(db, path)
    added = tmp / "added.json"
    export(db, added, batch="b2", document=other)
    edit(added, lambda d: (d.update(reviewer="Lan"), d["documents"][0].update(added_targets=[{
        "quote": "Ngày 10/3, UBND thành phố ban hành Kế hoạch số 55/KH-UBND", "fields": {"indicator": "other", "value_min": 1, "value_max": 1, "unit": "other"}}])))
    imported(db, added)
    gold_dir = tmp / "gold"
    assert write_gold(Catalogue(db), gold_dir) == 2
    gold = load_gold_dir(gold_dir)
    seed = gold[SEED]
    assert [t.value_min for t in seed.targets] == [18.66, 3.0, 41.0]  # accepted, corrected, added: in reading order
    assert [t.value_min for t in gold[other].targets] == [1.0]
    assert score(gold, {name: g for name, g in gold.items()}).targets.f1 == 1.0


def test_a_text_a_reviewer_moves_earlier_takes_its_place_in_reading_order(workspace):
    """Round 10: a reviewer pointing a figure at the headline that first states it (an earlier,
    unique string) made the gold export refuse the page as out of reading order."""
    tmp, _, db = workspace
    path = tmp / "review.json"
    export(db, path)
    title = "Kế hoạch thực hiện Chương trình Mục tiêu quốc gia giảm nghèo bền vững năm 2022 trên địa bàn tỉnh Sơn La"

    def move_to_title(data):
        reviewer_edits(data)
        by_value(data, 3.0)["corrections"]["text"] = title

    edit(path, move_to_title)
    imported(db, path)
    gold_dir = tmp / "gold"
    assert write_gold(Catalogue(db), gold_dir) == 1
    assert [t.value_min for t in load_gold_dir(gold_dir)[SEED].targets] == [3.0, 18.66, 41.0]


def test_status_counts_reviewed_plans_and_measures_the_batch(workspace):
    """Defect 10: reviewed plans were counted as pending and no item was listed."""
    tmp, _, db = workspace
    path = tmp / "review.json"
    export(db, path)
    edit(path, reviewer_edits)
    imported(db, path)
    [batch] = review_status(Catalogue(db)).batches
    assert batch.items == 8 and batch.pending == 4  # 7 targets + the plan; 3 targets and the plan decided
    assert "precision 0.667 of 3 judged targets" in batch.describe()


# ---------------------------------------------------------------- files no review file should be


@pytest.mark.parametrize("name, corrupt, message", [
    ("lone surrogate", lambda text: text.replace('"reviewer": null', '"reviewer": "\\ud800"'), "lone surrogate"),
    ("deep nesting", lambda text: text.replace('"reviewer": null', '"reviewer": ' + "[" * 100_000 + "]" * 100_000), "nested more than"),
    ("NaN", lambda text: text.replace('"value_min": null', '"value_min": NaN', 1), "NaN is no number"),
    ("Infinity", lambda text: text.replace('"value_min": null', '"value_min": Infinity', 1), "Infinity is no number"),
    ("duplicate keys", lambda text: text.replace('"reviewer": null', '"reviewer": null, "reviewer": "Lan"'), "given twice"),
    ("schema_version true", lambda text: text.replace('"schema_version": 1', '"schema_version": true'), "schema_version True"),
    ("per_year as a word", lambda text: text.replace('"per_year": null', '"per_year": "yes"', 1), "valid boolean"),
    ("a huge year", lambda text: text.replace('"year": null', '"year": 1000000000000000000000000000000', 1), "less than or equal to 2100"),
    ("truncated", lambda text: text[: len(text) // 2], "not valid JSON"),
    ("not UTF-8", lambda text: text.replace("Giảm", "Gi\udce1m"), "not UTF-8"),
])
def test_a_broken_review_file_is_refused_and_writes_nothing(workspace, name, corrupt, message):
    tmp, _, db = workspace
    path = tmp / "review.json"
    export(db, path)
    path.write_bytes(corrupt(path.read_text(encoding="utf-8")).encode("utf-8", "surrogateescape"))
    with pytest.raises(ReviewError) as error:
        imported(db, path)
    assert message in str(error.value) and str(path) in str(error.value)
    assert Catalogue(db).db["reviews"].count == 0


def test_a_file_edited_during_import_writes_nothing(workspace, monkeypatch):
    import chitieu.review.imports as imports

    tmp, _, db = workspace
    path = tmp / "review.json"
    export(db, path)
    edit(path, reviewer_edits)
    plan_writes = imports._plan_writes

    def edit_meanwhile(catalogue, review):
        writes = plan_writes(catalogue, review)
        path.write_text(path.read_text(encoding="utf-8") + " ", encoding="utf-8")
        return writes

    monkeypatch.setattr(imports, "_plan_writes", edit_meanwhile)
    with pytest.raises(ReviewError, match="changed while"):
        imported(db, path)
    assert Catalogue(db).db["reviews"].count == 0


def test_an_added_target_the_reviewer_edits_and_imports_again_replaces_the_first(workspace):
    """Found in this session's review rounds: an added target's quote edited and the file imported
    again left both the old and the new target in the catalogue."""
    tmp, _, db = workspace
    path = tmp / "review.json"
    export(db, path)
    fields = {"indicator": "employment.overseas_work", "value_min": 40, "value_max": 40, "unit": "workers"}
    edit(path, lambda d: (d.update(reviewer="Lan"), d["documents"][0].update(
        added_targets=[{"quote": "hỗ trợ 40 lao động", "fields": fields}])))
    imported(db, path)
    edit(path, lambda d: d["documents"][0].update(
        added_targets=[{"quote": "hỗ trợ 40 lao động thuộc các huyện nghèo đi làm việc ở nước ngoài", "fields": fields}]))
    imported(db, path)
    rows = Catalogue(db).rows("select quote from added_targets where anchor = 'attached'")
    assert [r["quote"] for r in rows] == ["hỗ trợ 40 lao động thuộc các huyện nghèo đi làm việc ở nước ngoài"]
    assert [t.value_min for t in effective(db).targets].count(40.0) == 1
    edit(path, lambda d: d["documents"][0].update(added_targets=[]))  # taken back altogether
    imported(db, path)
    assert not Catalogue(db).rows("select 1 from added_targets where anchor = 'attached'")
    assert not review_status(Catalogue(db)).needs_review
