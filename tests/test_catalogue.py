"""The catalogue: schema, stable ids, idempotent stores, replacement in one transaction."""

import datetime as dt
import hashlib
import os
import re

import pytest

import chitieu.catalogue as catalogue_module
from chitieu.catalogue import Catalogue, stable_id, target_id
from chitieu.errors import CatalogueError
from chitieu.models import Document, DocumentResult, Evidence, PlanRecord, ReferenceRecord, TargetMention

VERSION = "0.1.0"
INDICATORS = [
    {"code": "poverty.rate", "label_vi": "Tỷ lệ hộ nghèo", "dimension": "income"},
    {"code": "employment.job_connection", "label_vi": "Kết nối việc làm thành công", "dimension": "employment"},
]
PLAN = (
    "Ngày 02/8/2022, UBND tỉnh Sơn La ban hành Kế hoạch số 199/KH-UBND về thực hiện Chương trình "
    "mục tiêu quốc gia giảm nghèo bền vững năm 2022, căn cứ Nghị quyết số 20-NQ/TU.\n"
    "Mục tiêu cụ thể: Giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%; hỗ trợ kết nối việc làm "
    "thành công cho khoảng 25.000 lao động."
)


# ---------------------------------------------------------------- hand-built results


def evidence(text, quote, rule_id, after=""):
    start = text.index(quote, text.index(after) if after else 0)
    return Evidence(start=start, end=start + len(quote), text=quote, rule_id=rule_id)


def target(text, quote, sentence, **fields):
    return TargetMention(
        text=quote, scope="all", change="level", per_year=False, year=2022,
        evidence=evidence(text, quote, "target-level.v1"), sentence=evidence(text, sentence, "sentence.v1"),
        modality_rule="commit-goal-word.v1", **fields,
    )


def result_for(text, name="199-kh-ubnd.txt", place="Sơn La", issuer_level="province", extra_targets=(), issued=dt.date(2022, 8, 2)):
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    sentence = text[text.index("Mục tiêu cụ thể"):]
    poverty = text[text.index("Giảm tỷ lệ"):text.index("%") + 1]
    rate = float(re.search(r"([\d,]+)%", poverty).group(1).replace(",", "."))
    return DocumentResult(
        document=Document(doc_id=doc_id, name=name, source=f"/data/{name}", text=text,
                          title="Kế hoạch giảm nghèo bền vững năm 2022", published=dt.date(2022, 8, 3),
                          site_name="Cổng TTĐT tỉnh Sơn La"),
        plan=PlanRecord(
            symbol="199/KH-UBND", doc_type="ke_hoach", issued=issued, issuer_body="ubnd",
            issuer_level=issuer_level, place=place, period_start=2022, period_end=2022,
            evidence={"symbol": evidence(text, "199/KH-UBND", "symbol-kh.v1")},
        ),
        references=[
            ReferenceRecord(symbol="199/KH-UBND", doc_type="ke_hoach", issued=dt.date(2022, 8, 2),
                            evidence=evidence(text, "199/KH-UBND", "symbol-kh.v1")),
            ReferenceRecord(symbol="20-NQ/TU", doc_type="nghi_quyet",
                            evidence=evidence(text, "20-NQ/TU", "symbol-party.v1")),
        ],
        targets=[
            target(text, poverty, sentence, indicator="poverty.rate", bound="exact",
                   value_min=rate, value_max=rate, unit="percent"),
            target(text, "khoảng 25.000 lao động", sentence, indicator="employment.job_connection", bound="approx",
                   value_min=25000.0, value_max=25000.0, unit="workers"),
            *extra_targets,
        ],
    )


def result_without_plan(text, name):
    """A document about no plan (a results report): every plan field null, no targets."""
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return DocumentResult(document=Document(doc_id=doc_id, name=name, source=f"/data/{name}", text=text),
                          plan=PlanRecord(), references=[], targets=[])


@pytest.fixture()
def catalogue(tmp_path):
    cat = Catalogue(tmp_path / "c.db")
    cat.sync_indicators(INDICATORS)
    yield cat
    cat.close()


def counts(cat):
    return {t: cat.db[t].count for t in ("documents", "plans", "references", "targets")}


def derived_rows(cat):
    return {t: list(cat.db[t].rows) for t in ("documents", "plans", "references", "targets", "documents_fts")}


# ---------------------------------------------------------------- schema


def test_schema(catalogue):
    db = catalogue.db
    assert {t: db[t].columns_dict for t in ("documents", "plans", "references", "targets")} == {
        "documents": {"id": str, "name": str, "source": str, "title": str, "published": str, "site_name": str,
                      "status": str, "text": str, "extractor_version": str, "run_id": int, "stored_at": str,
                      "status_reason": str},
        "plans": {"id": str, "document_id": str, "symbol": str, "doc_type": str, "issued": str, "issuer_body": str,
                  "issuer_level": str, "place": str, "place_id": str, "place_successor": str, "period_start": int,
                  "period_end": int, "evidence": str},
        "references": {"id": str, "document_id": str, "symbol": str, "doc_type": str, "issued": str,
                       "evidence_start": int, "evidence_end": int, "evidence_text": str, "rule_id": str},
        "targets": {"id": str, "document_id": str, "plan_id": str, "text": str, "indicator": str, "scope": str,
                    "change": str, "bound": str, "value_min": float, "value_max": float, "unit": str, "per_year": int,
                    "year": int, "evidence_start": int, "evidence_end": int, "evidence_text": str, "sentence": str,
                    "rule_id": str, "modality_rule": str, "indicator_rule": str},
    }
    assert {t: db[t].columns_dict for t in ("places", "indicators", "runs", "failures", "_migrations")} == {
        "places": {"id": str, "name": str, "full_name": str, "level": str, "code": str, "province": str, "successor": str,
                   "province_code": str, "district": str, "parent_id": str, "successor_id": str, "valid_from": str,
                   "valid_to": str, "note": str},
        "indicators": {"code": str, "label_vi": str, "dimension": str},
        "runs": {"id": int, "started": str, "finished": str, "version": str, "options": str, "counts": str,
                 "host": str, "pid": int, "status": str},
        "failures": {"id": int, "run_id": int, "source": str, "stage": str, "reason": str, "at": str},
        "_migrations": {"name": str, "applied": str},
    }
    assert sorted((fk.table, fk.column, fk.other_table) for t in ("plans", "targets") for fk in db[t].foreign_keys) == [
        ("plans", "document_id", "documents"), ("plans", "place_id", "places"),
        ("targets", "document_id", "documents"), ("targets", "indicator", "indicators"),
        ("targets", "plan_id", "plans"),
    ]
    assert {"targets_view", "targets_effective", "plans_effective", "targets_export"} <= set(db.view_names())
    assert db["documents"].detect_fts() == "documents_fts"
    assert [r["name"] for r in db["_migrations"].rows] == [
        "0001_initial", "0002_reviews", "0003_crawl", "0004_view_provinces", "0005_decision_rules", "0006_review_decisions",
        "0007_document_sources", "0008_run_owner", "0009_exports", "0010_places_after_merger",
        "0011_exports_after_merger", "0012_exports_with_added_targets", "0013_plans_with_corrected_places"]


def test_places_come_from_the_gazetteer(catalogue):
    places = catalogue.db["places"]
    assert places.count == 63 + 697 + 10035 + 34 + 3321  # old provinces, districts (and former Huế), communes; new ones
    assert places.get("province:Bắc Kạn:Bắc Kạn") == {
        "id": "province:Bắc Kạn:Bắc Kạn", "name": "Bắc Kạn", "full_name": "Tỉnh Bắc Kạn", "level": "province",
        "code": "06", "province": "Bắc Kạn", "successor": "Thái Nguyên", "province_code": "06", "district": None,
        "parent_id": None, "successor_id": "2025:province:Thái Nguyên:Thái Nguyên", "valid_from": None,
        "valid_to": "2025-06-30", "note": None}
    assert places.get("2025:province:Gia Lai:Gia Lai") == {
        "id": "2025:province:Gia Lai:Gia Lai", "name": "Gia Lai", "full_name": "Tỉnh Gia Lai", "level": "province",
        "code": "52", "province": "Gia Lai", "successor": "Gia Lai", "province_code": "52", "district": None,
        "parent_id": None, "successor_id": None, "valid_from": "2025-07-01", "valid_to": None, "note": None}
    mường_la = places.get("district:Sơn La:Mường La")
    assert (mường_la["full_name"], mường_la["code"], mường_la["province_code"]) == ("Huyện Mường La", "120", "14")
    ma_noi = places.get("commune:Ninh Thuận:Ninh Sơn:Ma Nới")
    assert (ma_noi["code"], ma_noi["parent_id"], ma_noi["successor_id"]) == (
        "22828", "district:Ninh Thuận:Ninh Sơn", "2025:commune:Khánh Hòa:Anh Dũng")
    assert places.get(ma_noi["successor_id"])["parent_id"] == "2025:province:Khánh Hòa:Khánh Hòa"


def test_places_of_an_older_catalogue_are_brought_up_to_date(tmp_path):
    """A catalogue made before 0010 keeps its plans: a district whose id the list now makes
    otherwise ("1" is "Quận 1") takes its plans with it; the rows gain codes and validity."""
    path = tmp_path / "old.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(catalogue_module, "MIGRATIONS", [m for m in catalogue_module.MIGRATIONS if m[0] < "0010"])
        old = Catalogue(path)
        old.sync_indicators(INDICATORS)
        old.db["places"].insert({"id": "district:Hồ Chí Minh:1", "name": "1", "full_name": "Quận 1", "level": "district",
                                 "code": "79", "province": "Hồ Chí Minh", "successor": "Hồ Chí Minh"})
        old.store(None, result_for(PLAN, place="Atlantis", issuer_level="district"), VERSION)
        old.db.execute("update plans set place_id = 'district:Hồ Chí Minh:1'")
        old.db.conn.commit()
        old.close()
    cat = Catalogue(path)
    assert [r["place_id"] for r in cat.db["plans"].rows] == ["district:Hồ Chí Minh:Quận 1"]
    assert cat.db["places"].count == 63 + 697 + 10035 + 34 + 3321
    assert cat.db["places"].get("district:Hồ Chí Minh:Quận 1")["code"] == "760"
    cat.close()


def test_reopening_applies_no_migration_twice(tmp_path):
    Catalogue(tmp_path / "c.db").close()
    cat = Catalogue(tmp_path / "c.db")
    assert cat.db["_migrations"].count == 13
    assert cat.db["places"].count == len(list(cat.db["places"].rows))
    cat.close()


# ---------------------------------------------------------------- rows


def test_stored_rows(catalogue):
    run = catalogue.start_run(VERSION, {})
    result = result_for(PLAN)
    doc_id = result.document.doc_id
    assert catalogue.store(run, result, VERSION) == "new"

    [document] = catalogue.db["documents"].rows
    assert {k: v for k, v in document.items() if k != "stored_at"} == {
        "id": doc_id, "name": "199-kh-ubnd.txt", "source": "/data/199-kh-ubnd.txt",
        "title": "Kế hoạch giảm nghèo bền vững năm 2022", "published": "2022-08-03", "site_name": "Cổng TTĐT tỉnh Sơn La",
        "status": "ok", "text": PLAN, "extractor_version": VERSION, "run_id": run,
        "status_reason": None,
    }
    plan_id = stable_id(doc_id, "plan")
    symbol_at = PLAN.index("199/KH-UBND")
    assert list(catalogue.db["plans"].rows) == [{
        "id": plan_id, "document_id": doc_id, "symbol": "199/KH-UBND", "doc_type": "ke_hoach", "issued": "2022-08-02",
        "issuer_body": "ubnd", "issuer_level": "province", "place": "Sơn La", "place_id": "province:Sơn La:Sơn La",
        "place_successor": "Sơn La", "period_start": 2022, "period_end": 2022,
        "evidence": '{"symbol": {"start": %d, "end": %d, "text": "199/KH-UBND", "rule_id": "symbol-kh.v1"}}'
                    % (symbol_at, symbol_at + 11),
    }]
    party_at = PLAN.index("20-NQ/TU")
    assert list(catalogue.db["references"].rows_where(order_by="evidence_start")) == [
        {"id": stable_id(doc_id, "199/KH-UBND"), "document_id": doc_id, "symbol": "199/KH-UBND", "doc_type": "ke_hoach",
         "issued": "2022-08-02", "evidence_start": symbol_at, "evidence_end": symbol_at + 11,
         "evidence_text": "199/KH-UBND", "rule_id": "symbol-kh.v1"},
        {"id": stable_id(doc_id, "20-NQ/TU"), "document_id": doc_id, "symbol": "20-NQ/TU", "doc_type": "nghi_quyet",
         "issued": None, "evidence_start": party_at, "evidence_end": party_at + 8,
         "evidence_text": "20-NQ/TU", "rule_id": "symbol-party.v1"},
    ]
    poverty_at = PLAN.index("Giảm tỷ lệ")
    quote = "Giảm tỷ lệ hộ nghèo toàn tỉnh xuống còn 18,66%"
    sentence = PLAN[PLAN.index("Mục tiêu cụ thể"):]
    first = next(catalogue.db["targets"].rows_where(order_by="evidence_start"))
    assert first == {
        "id": target_id(doc_id, poverty_at, poverty_at + len(quote), 18.66, 18.66, "percent", "poverty.rate"),
        "document_id": doc_id, "plan_id": plan_id, "text": quote, "indicator": "poverty.rate", "scope": "all",
        "change": "level", "bound": "exact", "value_min": 18.66, "value_max": 18.66, "unit": "percent", "per_year": 0,
        "year": 2022, "evidence_start": poverty_at, "evidence_end": poverty_at + len(quote), "evidence_text": quote,
        "sentence": sentence, "rule_id": "target-level.v1", "modality_rule": "commit-goal-word.v1", "indicator_rule": None,
    }
    assert counts(catalogue) == {"documents": 1, "plans": 1, "references": 2, "targets": 2}


def test_target_ids_are_pinned():
    # ids are what corrections attach to: changing how they are made orphans every review
    assert target_id("0adbc389ada233e5", 170, 216, 18.66, 18.66, "percent", "poverty.rate") == "7d89f467b7a451ab"
    assert stable_id("0adbc389ada233e5", "plan") == "ba8c23a98b13ea08"


def test_duplicate_findings_are_stored_once(catalogue):
    result = result_for(PLAN)
    twice = result.model_copy(update={"references": result.references * 2, "targets": result.targets * 2})
    catalogue.store(None, twice, VERSION)
    assert counts(catalogue) == {"documents": 1, "plans": 1, "references": 2, "targets": 2}


@pytest.mark.parametrize("place, issuer_level, place_id, successor", [
    ("Sơn La", "province", "province:Sơn La:Sơn La", "Sơn La"),
    ("Sơn La", "district", "district:Sơn La:Sơn La", "Sơn La"),  # thành phố Sơn La
    ("Bắc Cạn", "province", "province:Bắc Kạn:Bắc Kạn", "Thái Nguyên"),
    ("Hải Dương", None, "province:Hải Dương:Hải Dương", "Hải Phòng"),
    ("Hòa Bình", "commune", None, None),  # four in Lạng Sơn alone, none in Sơn La: no guess
    ("Chiềng Lao", "commune", "commune:Sơn La:Mường La:Chiềng Lao", "Sơn La"),  # in the province the text names
    ("Atlantis", "province", None, None),
])
def test_plan_place_resolved_through_the_gazetteer(catalogue, place, issuer_level, place_id, successor):
    catalogue.store(None, result_for(PLAN, place=place, issuer_level=issuer_level), VERSION)
    [plan] = catalogue.db["plans"].rows
    assert (plan["place"], plan["place_id"], plan["place_successor"]) == (place, place_id, successor)


@pytest.mark.parametrize("text, place, issuer_level, issued, place_id, code", [
    # a plan issued after 1 July 2025 points at the merged province, one before it at the old one
    (PLAN.replace("Sơn La", "Gia Lai"), "Gia Lai", "province", dt.date(2026, 1, 5), "2025:province:Gia Lai:Gia Lai", "52"),
    (PLAN.replace("Sơn La", "Gia Lai"), "Gia Lai", "province", dt.date(2024, 1, 5), "province:Gia Lai:Gia Lai", "64"),
    (PLAN.replace("Sơn La", "Lâm Đồng"), "Lâm Đồng", "province", dt.date(2026, 1, 5), "2025:province:Lâm Đồng:Lâm Đồng", "68"),
    (PLAN.replace("Sơn La", "Lâm Đồng"), "B'Lao", "commune", dt.date(2026, 1, 5), "2025:commune:Lâm Đồng:B'Lao", "24829"),
    (PLAN.replace("tỉnh Sơn La", "huyện Ninh Sơn"), "Ma Nới", "commune", dt.date(2024, 1, 5), "commune:Ninh Thuận:Ninh Sơn:Ma Nới", "22828"),
])
def test_plan_place_at_its_issue_date(catalogue, text, place, issuer_level, issued, place_id, code):
    catalogue.store(None, result_for(text, place=place, issuer_level=issuer_level, issued=issued), VERSION)
    [row] = catalogue.db.query("select p.place_id, pl.code from plans p join places pl on pl.id = p.place_id")
    assert (row["place_id"], row["code"]) == (place_id, code)


# ---------------------------------------------------------------- idempotence and replacement


def test_store_is_idempotent(catalogue):
    run = catalogue.start_run(VERSION, {})
    result = result_for(PLAN)
    assert catalogue.store(run, result, VERSION) == "new"
    before = derived_rows(catalogue)
    assert catalogue.store(run, result, VERSION) == "unchanged"
    assert catalogue.store(run, result_for(PLAN), VERSION) == "unchanged"
    assert derived_rows(catalogue) == before


def test_changed_text_replaces_old_rows(catalogue):
    catalogue.store(None, result_for(PLAN), VERSION)
    changed = result_for(PLAN.replace("18,66%", "17,50%"))
    assert catalogue.store(None, changed, VERSION) == "changed"
    assert [row["id"] for row in catalogue.db["documents"].rows] == [changed.document.doc_id]
    assert sorted(row["value_min"] for row in catalogue.db["targets"].rows) == [17.5, 25000.0]
    assert {row["document_id"] for t in ("plans", "references", "targets") for row in catalogue.db[t].rows} == {
        changed.document.doc_id}
    assert list(catalogue.db["documents"].search('"18,66"')) == []
    assert len(list(catalogue.db["documents"].search('"17,50"'))) == 1


def test_new_version_replaces_derived_rows(catalogue):
    catalogue.store(None, result_for(PLAN), VERSION)
    fewer = result_for(PLAN)
    fewer = fewer.model_copy(update={"targets": fewer.targets[:1]})
    assert catalogue.store(None, fewer, "0.2.0") == "changed"
    assert counts(catalogue) == {"documents": 1, "plans": 1, "references": 2, "targets": 1}
    assert catalogue.db["documents"].get(fewer.document.doc_id)["extractor_version"] == "0.2.0"
    assert catalogue.store(None, fewer, "0.2.0") == "unchanged"


def sources(catalogue):
    return {row["source"]: row["document_id"] for row in catalogue.db["document_sources"].rows}


def test_the_same_text_from_two_sources_is_one_document_with_both(catalogue):
    """The same plan as a page and as a Word file, or a file copied into two folders."""
    first, copy = result_for(PLAN), result_for(PLAN, name="199-kh-ubnd-copy.txt")
    assert catalogue.store(None, first, VERSION) == "new"
    assert catalogue.store(None, copy, VERSION) == "duplicate"
    assert counts(catalogue) == {"documents": 1, "plans": 1, "references": 2, "targets": 2}
    doc_id = first.document.doc_id
    assert sources(catalogue) == {"/data/199-kh-ubnd.txt": doc_id, "/data/199-kh-ubnd-copy.txt": doc_id}
    assert catalogue.db["documents"].get(doc_id)["source"] == "/data/199-kh-ubnd.txt"  # the first stays
    # storing either again writes nothing: no flipping back and forth
    before = derived_rows(catalogue)
    assert [catalogue.store(None, r, VERSION) for r in (first, copy, first)] == ["unchanged"] * 3
    assert derived_rows(catalogue) == before


@pytest.mark.parametrize("which_changes", ["first", "copy"])
def test_a_source_whose_text_changes_leaves_the_text_its_twin_still_holds(catalogue, which_changes):
    first, copy = result_for(PLAN), result_for(PLAN, name="199-kh-ubnd-copy.txt")
    catalogue.store(None, first, VERSION)
    catalogue.store(None, copy, VERSION)
    name = "199-kh-ubnd.txt" if which_changes == "first" else "199-kh-ubnd-copy.txt"
    edited = result_for(PLAN.replace("18,66%", "17,50%"), name=name)
    assert catalogue.store(None, edited, VERSION) == "changed"
    twin = "/data/199-kh-ubnd-copy.txt" if which_changes == "first" else "/data/199-kh-ubnd.txt"
    assert sources(catalogue) == {f"/data/{name}": edited.document.doc_id, twin: first.document.doc_id}
    assert catalogue.db["documents"].get(first.document.doc_id)["source"] == twin  # a live source names it
    assert counts(catalogue)["documents"] == 2
    # the twin changes too: the old text has no source left and goes
    assert catalogue.store(None, result_for(edited.document.text, name=twin.rsplit("/", 1)[1]), VERSION) == "duplicate"
    assert counts(catalogue) == {"documents": 1, "plans": 1, "references": 2, "targets": 2}
    assert set(sources(catalogue).values()) == {edited.document.doc_id}


def test_failure_mid_store_leaves_the_old_rows(catalogue):
    catalogue.store(None, result_for(PLAN), VERSION)
    before = derived_rows(catalogue)
    # the new document, plan and references are written before the targets fail their foreign key
    text = PLAN.replace("18,66%", "17,50%")
    unknown = target(text, "25.000 lao động", text, indicator="no.such.indicator", bound="exact",
                     value_min=25000.0, value_max=25000.0, unit="workers")
    with pytest.raises(CatalogueError, match=r"c\.db: storing /data/199-kh-ubnd\.txt failed: FOREIGN KEY"):
        catalogue.store(None, result_for(text, extra_targets=[unknown]), VERSION)
    assert derived_rows(catalogue) == before


def test_unchanged_rerun_writes_nothing(catalogue):
    # the speed of this re-check is measured by bench/bench_sources.py, not here
    results = [result_for(PLAN.replace("2022", str(1000 + n)), name=f"plan-{n}.txt") for n in range(200)]
    for result in results:
        catalogue.store(None, result, VERSION)
    changes = catalogue.db.conn.total_changes
    statuses = {catalogue.store(None, result, VERSION) for result in results}
    assert statuses == {"unchanged"}
    assert catalogue.db.conn.total_changes == changes


# ---------------------------------------------------------------- runs, failures, queries


def test_runs_and_failures_are_recorded(catalogue):
    run = catalogue.start_run(VERSION, {"paths": ["corpus"], "workers": 2})
    catalogue.record_failure(run, "/data/empty.txt", "read", "/data/empty.txt: empty file")
    catalogue.finish_run(run, {"documents": 0, "failed": 1})
    [failure] = catalogue.db["failures"].rows
    assert {k: v for k, v in failure.items() if k != "at"} == {
        "id": 1, "run_id": run, "source": "/data/empty.txt", "stage": "read", "reason": "/data/empty.txt: empty file"}
    row = catalogue.db["runs"].get(run)
    assert (row["version"], row["options"], row["counts"]) == (
        VERSION, '{"paths": ["corpus"], "workers": 2}', '{"documents": 0, "failed": 1}')
    assert row["started"] <= row["finished"] and (row["status"], row["pid"]) == ("finished", os.getpid())


def test_the_run_of_a_killed_process_is_closed_by_the_next(catalogue):
    import subprocess
    import sys

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    killed = catalogue.start_run(VERSION, {})
    catalogue.db["runs"].update(killed, {"pid": int(gone.stdout)})  # as if its process was killed mid-run
    alive = catalogue.start_run(VERSION, {})  # this process: still running
    catalogue.start_run(VERSION, {})
    assert catalogue.db["runs"].get(killed)["status"] == "interrupted" and catalogue.db["runs"].get(killed)["finished"]
    assert catalogue.db["runs"].get(alive)["status"] == "running"


def test_full_text_search(catalogue):
    result = result_for(PLAN)
    catalogue.store(None, result, VERSION)
    catalogue.store(None, result_without_plan("Báo cáo kết quả giảm nghèo năm 2023 của huyện Mường La.", "report.txt"), VERSION)
    assert [row["id"] for row in catalogue.db["documents"].search("lao động")] == [result.document.doc_id]
    assert [row["name"] for row in catalogue.db.query(
        "select name from documents where rowid in (select rowid from documents_fts where documents_fts match ?)",
        ['"Mường La"'])] == ["report.txt"]


def test_research_query(catalogue):
    """Which provinces target a poverty rate below 5% by 2025 (the query in the module docstring)."""
    low = PLAN.replace("18,66%", "4,50%").replace("Sơn La", "Bắc Kạn")
    catalogue.store(None, result_for(PLAN), VERSION)
    catalogue.store(None, result_for(low, name="bac-kan.txt", place="Bắc Kạn"), VERSION)
    district = PLAN.replace("18,66%", "3,20%").replace("tỉnh Sơn La", "thành phố Sơn La")
    catalogue.store(None, result_for(district, name="tp-son-la.txt", issuer_level="district"), VERSION)
    rows = list(catalogue.db.query(
        "select province, place_successor, place, place_level, place_code, symbol, period_start, period_end, "
        "value_max, year from targets_view "
        "where indicator = 'poverty.rate' and change = 'level' and unit = 'percent' and value_max < 5 and year <= 2025 "
        "order by province, year"
    ))
    assert rows == [
        {"province": "Bắc Kạn", "place_successor": "Thái Nguyên", "place": "Bắc Kạn", "place_level": "province",
         "place_code": "06", "symbol": "199/KH-UBND", "period_start": 2022, "period_end": 2022, "value_max": 4.5,
         "year": 2022},
        {"province": "Sơn La", "place_successor": "Sơn La", "place": "Sơn La", "place_level": "district",
         "place_code": "116", "symbol": "199/KH-UBND", "period_start": 2022, "period_end": 2022, "value_max": 3.2,
         "year": 2022},
    ]


# ---------------------------------------------------------------- errors


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CatalogueError, match="junk.db"):
        Catalogue(path)


def test_sqlite_errors_name_the_catalogue(catalogue):
    catalogue.db.execute("create trigger full before insert on failures begin select raise(abort, 'disk full'); end")
    with pytest.raises(CatalogueError, match=r"c\.db: recording the failure of /data/x\.txt failed: disk full"):
        catalogue.record_failure(None, "/data/x.txt", "read", "empty")
    with pytest.raises(CatalogueError, match=r"c\.db: query failed: no such table"):
        catalogue.rows("select * from no_such_table")
