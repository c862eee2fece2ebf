"""Exports as a researcher opens them: every format in pandas holds the rows of
targets_effective that the filters keep, with reviewers' corrections applied, and the Python
API returns the same rows."""

import importlib.util
import json
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

import chitieu
from chitieu.cli import main
from chitieu.errors import ExportError
from chitieu.export import TargetFilter, export_targets
from tests.reviewed_catalogue import ACCEPTED, ADDED_QUOTE, CORRECTED_TO, ISSUED, REJECTED, reviewed_catalogue

pandas = pytest.importorskip("pandas", reason="pandas is not installed (pip install -e '.[export]')")

# each filter with the rows of targets_effective it keeps, written without the export's view
PLACE = "plan_id in (select p.id from plans p join places pl on pl.id = p.place_id where {})"
FILTERS = [
    ("none", TargetFilter(), "not rejected"),
    ("indicator", TargetFilter(indicator="poverty.rate"), "indicator = 'poverty.rate' and not rejected"),
    ("year", TargetFilter(year=2023), "year = 2023 and not rejected"),
    ("confirmed only", TargetFilter(confirmed_only=True), "confirmed and not rejected"),
    ("rejected too", TargetFilter(include_rejected=True), "1 = 1"),
    ("old province, accents and case ignored", TargetFilter(province="BAC KAN"),
     PLACE.format("pl.province = 'Bắc Kạn'") + " and not rejected"),
    ("a province takes its district's plans", TargetFilter(province="sơn la"),
     PLACE.format("pl.province = 'Sơn La'") + " and not rejected"),
    ("post-merger province", TargetFilter(province="Thái Nguyên"),
     PLACE.format("pl.successor = 'Thái Nguyên'") + " and not rejected"),
    ("filters together", TargetFilter(province="son la", indicator="poverty.rate", year=2022, include_rejected=True),
     PLACE.format("pl.province = 'Sơn La'") + " and indicator = 'poverty.rate' and year = 2022"),
]
READERS = {
    "csv": lambda path: pandas.read_csv(path, encoding="utf-8-sig", dtype={"target_id": str}),
    "xlsx": lambda path: pandas.read_excel(path, sheet_name="targets", dtype={"target_id": str}),
    "parquet": lambda path: pandas.read_parquet(path),
    "jsonl": lambda path: pandas.read_json(path, lines=True, dtype={"target_id": str}),
}
for fmt, module in (("parquet", "pyarrow"), ("xlsx", "openpyxl")):
    if not importlib.util.find_spec(module):  # the export extra is partly installed: test what is
        READERS.pop(fmt)


@pytest.fixture(scope="module")
def db():
    return reviewed_catalogue()


def effective(db, where):
    """The effective targets `where` keeps: the machine's with corrections (targets_effective) and
    the ones reviewers added (confirmed; due when their plan ends unless the reviewer said)."""
    with sqlite3.connect(db) as connection:
        connection.row_factory = sqlite3.Row
        rows = connection.execute(f"select * from targets_effective where {where}").fetchall()
        added = connection.execute(
            "select * from (select a.id, json_extract(a.fields, '$.indicator') as indicator, "
            "json_extract(a.fields, '$.value_min') as value_min, json_extract(a.fields, '$.value_max') as value_max, "
            "coalesce(json_extract(a.fields, '$.year'), p.period_end) as year, 1 as confirmed, 0 as rejected, p.id as plan_id "
            f"from added_targets a left join plans p on p.document_id = a.document_id where a.anchor = 'attached') where {where}"
        ).fetchall()
    return {r["id"]: (r["indicator"], r["value_min"], r["value_max"], r["year"], bool(r["confirmed"]), bool(r["rejected"]))
            for r in [*rows, *added]}


def exported(frame):
    return {r.target_id: (r.indicator, r.value_min, r.value_max, r.year, bool(r.confirmed), bool(r.rejected))
            for r in frame.itertuples()}


@pytest.mark.parametrize("fmt", list(READERS))
@pytest.mark.parametrize("name, filters, where", FILTERS, ids=[f[0] for f in FILTERS])
def test_each_format_opens_in_pandas_with_the_effective_targets(db, tmp_path, fmt, name, filters, where):
    out = tmp_path / f"targets.{fmt}"
    count = export_targets(db, fmt, out, filters)
    frame = READERS[fmt](out)
    expected = effective(db, where)
    assert count == len(frame) == len(expected) > 0
    assert exported(frame) == expected


def test_the_api_returns_the_rows_the_export_writes(db, tmp_path):
    export_targets(db, "csv", tmp_path / "t.csv", TargetFilter(province="son la"))
    written = pandas.read_csv(tmp_path / "t.csv", encoding="utf-8-sig", dtype={"target_id": str})
    frame = chitieu.targets(db, province="son la")
    assert list(frame.columns) == list(written.columns) and list(frame.target_id) == list(written.target_id)
    assert frame.issued.dtype.kind == "M" and frame.confirmed.dtype == bool
    plans = chitieu.plans(db)
    assert sorted(plans.symbol) == ["04/KH-UBND", "139/KH-UBND", "159/KH-UBND", "199/KH-UBND", "55/KH-UBND"]
    assert plans.set_index("symbol").targets.sum() == len(chitieu.targets(db))


def test_a_row_carries_the_review_plan_place_document_and_evidence(db):
    frame = chitieu.targets(db, include_rejected=True)
    frame = frame[frame.symbol == "199/KH-UBND"].set_index("value_min")
    accepted, corrected = frame.loc[ACCEPTED], frame.loc[CORRECTED_TO]
    assert accepted.confirmed and not accepted.corrected and corrected.confirmed and corrected.corrected
    assert frame.loc[REJECTED].rejected and frame.rejected.sum() == 1
    assert accepted.indicator_label == "Tỷ lệ hộ nghèo" and accepted.symbol == "199/KH-UBND" and accepted.issuer_level == "province"
    assert (accepted.province, accepted.province_code, accepted.province_successor, accepted.place_code) == ("Sơn La", "14", "Sơn La", "14")
    assert accepted.sentence.startswith("Mục tiêu cụ thể") and accepted.evidence_text == "Giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%"
    assert accepted.evidence_end - accepted.evidence_start == len(accepted.evidence_text)
    assert (accepted.rule_id, accepted.modality_rule, accepted.indicator_rule) == ("poverty-rate.v1", "commit-goal-word.v1", "poverty-rate.v1")
    assert accepted.source.endswith("000_0adbc389ada233e5.txt")
    bac_kan = chitieu.targets(db, province="bac kan")
    assert set(bac_kan.province_code) == {"06"} and set(bac_kan.province_successor) == {"Thái Nguyên"}
    assert set(bac_kan.successor_code) == {"19"}  # the merged Thái Nguyên's code
    assert set(chitieu.targets(db, province="quang ngai").issued.astype(str)) == {ISSUED}  # the plan's correction


def test_a_target_a_reviewer_added_is_exported_with_its_plan():
    frame = chitieu.targets(db=reviewed_catalogue())
    added = frame[frame.origin == "reviewer"]
    assert len(added) == 1 and set(frame.origin) == {"machine", "reviewer"}
    row = added.iloc[0]
    assert (row.evidence_text, row.indicator, row.bound, row.value_min, row.unit) == (
        ADDED_QUOTE, "employment.sustainable_job", "at_least", 1, "persons")
    assert row.confirmed and not row.rejected and (row.symbol, row.year, row.province) == ("199/KH-UBND", 2022, "Sơn La")
    assert row.indicator_label and row.evidence_end - row.evidence_start == len(ADDED_QUOTE)


def test_csv_carries_a_byte_order_mark_and_vietnamese(db, tmp_path):
    export_targets(db, "csv", tmp_path / "t.csv", TargetFilter(indicator="poverty.rate"))
    raw = (tmp_path / "t.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Tỷ lệ hộ nghèo".encode() in raw


def test_an_empty_selection_still_writes_every_column(db, tmp_path):
    export_targets(db, "csv", tmp_path / "t.csv", TargetFilter(year=1999))
    assert list(pandas.read_csv(tmp_path / "t.csv", encoding="utf-8-sig").columns) == list(chitieu.targets(db).columns)


@pytest.mark.parametrize("fmt, module", [("xlsx", "openpyxl"), ("parquet", "pyarrow")])
def test_a_missing_extra_names_the_pip_command(db, tmp_path, monkeypatch, fmt, module):
    monkeypatch.setitem(sys.modules, module, None)  # as if it were not installed
    with pytest.raises(ExportError, match=r'pip install "chitieu\[export\]"'):
        export_targets(db, fmt, tmp_path / f"t.{fmt}")
    assert list(tmp_path.iterdir()) == []  # no half-written file left behind


@pytest.mark.parametrize("args, code, output", [
    (["--format", "jsonl", "--indicator", "poverty.rate", "--confirmed-only"], 0, "2 targets -> "),  # accepted and corrected
    (["--format", "csv", "--indicator", "poverty.rtae"], 1, "did you mean poverty.rate"),
    (["--format", "csv", "--db", "missing.db"], 1, "no catalogue there"),
    (["--format", "ods"], 2, "Invalid value for '--format'"),
])
def test_the_command(db, tmp_path, args, code, output):
    args = [*args, "--out", str(tmp_path / "out")]
    result = CliRunner().invoke(main, ["export", *args] if "--db" in args else ["export", "--db", str(db), *args])
    assert result.exit_code == code and output in result.output, result.output


def test_importing_chitieu_loads_no_pandas():
    loaded = subprocess.run([sys.executable, "-c", "import sys, chitieu; print('pandas' in sys.modules, 'chitieu.api' in sys.modules)"],
                            capture_output=True, text=True, check=True).stdout
    assert loaded.split() == ["False", "False"]


@pytest.mark.parametrize("corrected_place", ["Bình Sơn", None], ids=["renamed", "cleared"])
def test_a_place_a_reviewer_corrected_carries_no_province_the_machine_resolved(tmp_path, corrected_place):
    from chitieu.batch import BatchOptions, run_batch
    from chitieu.catalogue import Catalogue
    from chitieu.review import ReviewFilter, export_review, import_review
    from tests.conftest import CORPUS
    from tests.reviewed_catalogue import QUANG_NGAI

    db = tmp_path / "c.db"
    run_batch([CORPUS / "seeds"], BatchOptions(db_path=db, progress=False))
    review = tmp_path / "review.json"
    export_review(Catalogue(db), review, ReviewFilter(), batch="places")
    data = json.loads(review.read_text(encoding="utf-8"))
    data["reviewer"] = "Trần Văn Minh"
    plan = next(d for d in data["documents"] if d["name"] == QUANG_NGAI)["plan"]
    corrections = {**plan["corrections"], "place": corrected_place} if corrected_place else {**plan["corrections"], "clear": ["place"]}
    plan.update(status="corrected", corrections=corrections)
    review.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert not import_review(Catalogue(db), review).conflicts
    rows = chitieu.targets(db=db)
    quang_ngai = rows[rows.symbol == "04/KH-UBND"]
    assert len(quang_ngai) and set(quang_ngai.place.fillna("")) == {corrected_place or ""}
    assert quang_ngai.province.isna().all() and quang_ngai.province_successor.isna().all()
    assert (rows[rows.symbol == "199/KH-UBND"].province == "Sơn La").all()  # plans no reviewer touched keep theirs
