"""The catalogue: schema, stable ids, idempotent stores, replacement in one transaction."""

import sqlite3

import pytest

from extractor import extract_text
from extractor.catalogue import Catalogue, target_id
from extractor.errors import CatalogueError
from extractor.pipeline import EXTRACTOR_VERSION

PLAN = (
    "Ngày 02/8/2022, UBND tỉnh Sơn La ban hành Kế hoạch số 199/KH-UBND về thực hiện Chương trình "
    "Mục tiêu quốc gia giảm nghèo bền vững năm 2022.\n"
    "Mục tiêu cụ thể: Giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%; hỗ trợ kết nối việc làm "
    "thành công cho khoảng 25.000 lao động."
)


@pytest.fixture()
def catalogue(tmp_path, extractor):
    from extractor.batch import indicator_rows

    cat = Catalogue(tmp_path / "c.db")
    cat.sync_indicators(indicator_rows(extractor))
    yield cat
    cat.close()


def result_for(text, name="plan.txt"):
    result = extract_text(text, name=name)
    return result.model_copy(update={"document": result.document.model_copy(update={"source": f"/data/{name}"})})


def counts(cat):
    return {t: cat.db[t].count for t in ("documents", "plans", "references", "targets")}


def test_tables_and_view_exist(catalogue):
    names = set(catalogue.db.table_names())
    assert {"documents", "plans", "references", "targets", "places", "indicators", "runs", "failures", "_migrations"} <= names
    assert "targets_view" in catalogue.db.view_names()
    assert catalogue.db["places"].count > 700  # 63 provinces and their districts
    assert catalogue.db["places"].get("province:Bắc Kạn:Bắc Kạn")["successor"] == "Thái Nguyên"


def test_store_is_idempotent(catalogue):
    run = catalogue.start_run(EXTRACTOR_VERSION, {})
    result = result_for(PLAN)
    assert catalogue.store(run, result, EXTRACTOR_VERSION) == "new"
    before = {t: list(catalogue.db[t].rows) for t in ("documents", "plans", "references", "targets")}
    assert catalogue.store(run, result, EXTRACTOR_VERSION) == "unchanged"
    assert {t: list(catalogue.db[t].rows) for t in before} == before
    assert counts(catalogue) == {"documents": 1, "plans": 1, "references": 1, "targets": 2}


def test_target_ids_are_stable(catalogue):
    run = catalogue.start_run(EXTRACTOR_VERSION, {})
    result = result_for(PLAN)
    catalogue.store(run, result, EXTRACTOR_VERSION)
    target = result.targets[0]
    expected = target_id(result.document.doc_id, target.evidence.start, target.evidence.end,
                         target.value_min, target.value_max, target.unit, target.indicator)
    assert catalogue.db["targets"].get(expected)["value_min"] == 18.66


def test_changed_text_replaces_old_rows(catalogue):
    run = catalogue.start_run(EXTRACTOR_VERSION, {})
    catalogue.store(run, result_for(PLAN), EXTRACTOR_VERSION)
    changed = result_for(PLAN.replace("18,66%", "17,5%"))
    assert catalogue.store(run, changed, EXTRACTOR_VERSION) == "changed"
    assert counts(catalogue)["documents"] == 1
    values = sorted(row["value_min"] for row in catalogue.db["targets"].rows)
    assert values == [17.5, 25000.0]


def test_failed_store_leaves_old_rows(catalogue, monkeypatch):
    run = catalogue.start_run(EXTRACTOR_VERSION, {})
    catalogue.store(run, result_for(PLAN), EXTRACTOR_VERSION)
    before = counts(catalogue)

    def broken_insert(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(catalogue, "_insert", broken_insert)
    with pytest.raises(CatalogueError, match="c.db: storing /data/plan.txt failed"):
        catalogue.store(run, result_for(PLAN.replace("18,66%", "17,5%")), EXTRACTOR_VERSION)
    assert counts(catalogue) == before
    assert 18.66 in [row["value_min"] for row in catalogue.db["targets"].rows]


def test_research_query_and_full_text_search(catalogue):
    run = catalogue.start_run(EXTRACTOR_VERSION, {})
    catalogue.store(run, result_for(PLAN), EXTRACTOR_VERSION)
    rows = list(catalogue.db.query(
        "select place, place_successor, symbol, value_max, year from targets_view "
        "where indicator = 'poverty.rate' and value_max < 20 and year <= 2025"
    ))
    assert rows == [{"place": "Sơn La", "place_successor": "Sơn La", "symbol": "199/KH-UBND", "value_max": 18.66, "year": 2022}]
    hits = list(catalogue.db["documents"].search("lao động"))
    assert len(hits) == 1


def test_runs_and_failures_are_recorded(catalogue):
    run = catalogue.start_run(EXTRACTOR_VERSION, {"paths": ["corpus"]})
    catalogue.record_failure(run, "/data/empty.txt", "read", "/data/empty.txt: empty file")
    catalogue.finish_run(run, {"documents": 0, "failed": 1})
    assert catalogue.db["failures"].get(1)["reason"] == "/data/empty.txt: empty file"
    assert catalogue.db["runs"].get(run)["finished"]


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CatalogueError, match="junk.db"):
        Catalogue(path)
