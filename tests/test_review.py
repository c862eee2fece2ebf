"""The review loop as a reviewer uses it: export, edit, import, re-extract, export again."""

import json
import shutil

import pytest

from extractor.batch import BatchOptions, run_batch
from extractor.catalogue import Catalogue
from extractor.errors import ReviewError
from extractor.review import ReviewFilter, effective_outputs, export_review, import_review, review_status
from extractor.review_html import render_review_html
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


def export(db, path, **filters):
    return export_review(Catalogue(db), path, ReviewFilter(**filters), batch="b1")


def edit(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def reviewer_edits(data):
    data["reviewer"] = "Nguyễn Thị Lan"
    targets = data["documents"][0]["targets"]
    targets[0]["status"] = "accepted"
    targets[1]["status"] = "corrected"
    targets[1]["corrections"]["bound"] = "exact"
    targets[1]["note"] = "số liệu theo văn bản gốc"
    targets[2]["status"] = "rejected"
    targets[2]["reason"] = "không phải chỉ tiêu"
    data["documents"][0]["plan"]["status"] = "corrected"
    data["documents"][0]["plan"]["corrections"]["place"] = "Sơn La"
    data["documents"][0]["plan"]["corrections"]["period_end"] = 2025
    data["documents"][0]["added_targets"] = [{
        "quote": "hỗ trợ 40 lao động thuộc các huyện nghèo đi làm việc ở nước ngoài",
        "fields": {"indicator": "employment.overseas_work", "value_min": 41, "value_max": 41, "unit": "workers"},
    }]


def snapshot(db):
    cat = Catalogue(db)
    return {t: list(cat.db[t].rows) for t in ("reviews", "corrections", "added_targets", "targets", "plans")}


def test_export_file_is_readable_and_points_at_schema(workspace):
    tmp, _, db = workspace
    path = tmp / "review.json"
    review = export(db, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["$schema"].endswith("schemas/review-file.schema.json")
    assert (path.parent / data["$schema"]).resolve().exists()
    first = data["documents"][0]["targets"][0]
    assert first["status"] == "pending" and "⟦" in first["evidence"] and "⟧" in first["evidence"]
    assert "Giảm tỷ lệ hộ nghèo" in path.read_text(encoding="utf-8")  # UTF-8, not \\u escapes
    assert len(review.documents[0].targets) == 7


def test_round_trip_survives_reextraction(workspace):
    tmp, docs, db = workspace
    path = tmp / "review.json"
    export(db, path)
    edit(path, reviewer_edits)
    report = import_review(Catalogue(db), path)
    assert report.applied > 0 and not report.conflicts

    # a second import of the same file changes nothing
    before = snapshot(db)
    assert import_review(Catalogue(db), path).applied == 0
    assert snapshot(db) == before

    # machine values are untouched; effective values carry the corrections
    cat = Catalogue(db)
    machine = {r["value_min"]: r["bound"] for r in cat.db["targets"].rows}
    assert machine[3.0] == "at_least"
    effective = effective_outputs(cat)[0]
    assert {(t.value_min, t.bound) for t in effective.targets} >= {(3.0, "exact"), (41.0, "exact")}
    assert 4.0 not in [t.value_min for t in effective.targets]  # rejected
    assert effective.plan.period_end == 2025

    # the text changes (a new paragraph): re-extraction re-anchors every correction
    seed = docs / SEED
    seed.write_text("Tin cập nhật.\n\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    summary = run_batch([docs], BatchOptions(db_path=db, progress=False))
    assert summary.changed == 1
    cat = Catalogue(db)
    assert {r["anchor"] for r in cat.db["corrections"].rows} == {"attached"}
    effective = effective_outputs(cat)[0]
    assert (3.0, "exact") in {(t.value_min, t.bound) for t in effective.targets}
    assert 41.0 in [t.value_min for t in effective.targets]

    # exporting again shows the document with its current ids
    again = export(db, tmp / "again.json")
    assert {t.id for t in again.documents[0].targets} == {r["id"] for r in cat.db["targets"].rows}


def test_unanchorable_correction_is_listed_for_rereview(workspace):
    tmp, docs, db = workspace
    path = tmp / "review.json"
    export(db, path)
    edit(path, reviewer_edits)
    import_review(Catalogue(db), path)
    seed = docs / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("dân tộc thiểu số trên 3%", "dân tộc thiểu số trên 3,5%"), encoding="utf-8")
    run_batch([docs], BatchOptions(db_path=db, progress=False))
    status = review_status(Catalogue(db))
    assert status[-1]["needs_review"] == 1


BAD_FILES = [
    ("truncated", lambda text, data: text[: len(text) // 2], "not valid JSON"),
    ("not json", lambda text, data: "this is not json", "not valid JSON"),
    ("other schema version", lambda text, data: json.dumps({**data, "schema_version": 2}), "schema_version 2"),
    ("unknown field", lambda text, data: json.dumps({**data, "reviwer": "x"}), "$.reviwer"),
    ("wrong type", lambda text, data: json.dumps(_set(data, "status", "maybe")), "$.documents[0].targets[0].status"),
    ("unknown id", lambda text, data: json.dumps(_set(data, "id", "0000000000000000")), "no such target"),
    ("absent quote", lambda text, data: json.dumps(_add_quote(data, "câu không có trong văn bản")), "not in document"),
    ("ambiguous quote", lambda text, data: json.dumps(_add_quote(data, "hộ nghèo")), "more than once"),
    ("unsigned", lambda text, data: json.dumps(_set(data, "status", "accepted", sign=False)), "sign the file"),
]


def _set(data, key, value, sign=True):
    data = json.loads(json.dumps(data))
    data["reviewer"] = "Trần Văn Minh" if sign else None
    data["documents"][0]["targets"][0][key] = value
    if key == "id":
        data["documents"][0]["targets"][0]["status"] = "accepted"
    return data


def _add_quote(data, quote):
    data = json.loads(json.dumps(data))
    data["reviewer"] = "Trần Văn Minh"
    data["documents"][0]["added_targets"] = [
        {"quote": quote, "fields": {"indicator": "other", "value_min": 1, "value_max": 1, "unit": "other"}}
    ]
    return data


@pytest.mark.parametrize("name, corrupt, message", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_review_file_is_refused_and_writes_nothing(workspace, name, corrupt, message):
    tmp, _, db = workspace
    path = tmp / "review.json"
    export(db, path)
    text = path.read_text(encoding="utf-8")
    path.write_text(corrupt(text, json.loads(text)), encoding="utf-8")
    before = snapshot(db)
    with pytest.raises(ReviewError) as error:
        import_review(Catalogue(db), path)
    assert str(path) in str(error.value) and message in str(error.value)
    assert snapshot(db) == before


def test_file_edited_during_import_writes_nothing(workspace, monkeypatch):
    tmp, _, db = workspace
    path = tmp / "review.json"
    export(db, path)
    edit(path, reviewer_edits)
    import extractor.review as review_module

    original = review_module._plan_writes

    def edit_midway(*args, **kwargs):
        result = original(*args, **kwargs)
        edit(path, lambda data: data.update(reviewer="Người khác"))
        return result

    monkeypatch.setattr(review_module, "_plan_writes", edit_midway)
    before = snapshot(db)
    with pytest.raises(ReviewError, match="changed while it was being imported"):
        import_review(Catalogue(db), path)
    assert snapshot(db) == before


def test_conflict_when_machine_row_changed_since_export(workspace):
    tmp, _, db = workspace
    path = tmp / "review.json"
    export(db, path)
    edit(path, reviewer_edits)
    edit(path, lambda data: data["documents"][0]["targets"][0].update(row_hash="ffffffffffffffff"))
    report = import_review(Catalogue(db), path)
    assert len(report.conflicts) == 1 and "changed since export" in report.conflicts[0]


def test_two_reviewers_disagree_and_both_are_kept(workspace):
    tmp, _, db = workspace
    first, second = tmp / "a.json", tmp / "b.json"
    export(db, first)
    shutil.copy(first, second)
    edit(first, reviewer_edits)

    def other_reviewer(data):
        reviewer_edits(data)
        data["reviewer"] = "Trần Văn Minh"
        data["documents"][0]["targets"][1]["corrections"]["bound"] = "approx"

    edit(second, other_reviewer)
    import_review(Catalogue(db), first)
    report = import_review(Catalogue(db), second)
    assert len(report.disagreements) == 1 and "Nguyễn Thị Lan" in report.disagreements[0]
    bounds = {r["reviewer"]: json.loads(r["corrected_value"]) for r in Catalogue(db).db["corrections"].rows if r["field"] == "bound"}
    assert bounds == {"Nguyễn Thị Lan": "exact", "Trần Văn Minh": "approx"}


def test_gold_export_scores_with_evaluate(workspace):
    from extractor.evaluate import score

    tmp, _, db = workspace
    path = tmp / "review.json"
    export(db, path)
    edit(path, reviewer_edits)
    import_review(Catalogue(db), path)
    outputs = {o.doc: o for o in effective_outputs(Catalogue(db))}
    assert list(outputs) == [SEED]
    assert score(outputs, outputs).targets.f1 == 1.0


def test_html_marks_spans_and_statuses(workspace):
    tmp, _, db = workspace
    path = tmp / "review.json"
    export(db, path)
    edit(path, reviewer_edits)
    import_review(Catalogue(db), path)
    page, count = render_review_html(Catalogue(db), "b1")
    assert count == 1
    assert page.count("<mark") == 7
    assert "class='rejected'" in page and "class='corrected'" in page and "class='accepted'" in page
    assert "<script" not in page


def test_html_renders_in_headless_chromium(workspace):
    import shutil as sh
    import subprocess

    chromium = sh.which("chromium") or sh.which("chromium-browser")
    if not chromium:
        pytest.skip("chromium is not installed (Debian package chromium; .ci/run installs it)")
    tmp, _, db = workspace
    path = tmp / "review.json"
    export(db, path)
    edit(path, reviewer_edits)
    import_review(Catalogue(db), path)
    from extractor.review_html import write_review_html

    page = tmp / "review.html"
    write_review_html(Catalogue(db), page, "b1")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp / 'profile'}"]
    dom = subprocess.run([chromium, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=90)
    assert dom.returncode == 0, dom.stderr[-500:]
    assert dom.stdout.count("<mark") == 7 and "Giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%" in dom.stdout
    shot = tmp / "review.png"
    subprocess.run([chromium, *flags, f"--screenshot={shot}", "--window-size=1280,900", page.as_uri()],
                   capture_output=True, timeout=90, check=True)
    assert shot.stat().st_size > 10_000
