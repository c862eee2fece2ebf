"""The catalogue's tables and views, as named migrations applied once each, in order."""

from __future__ import annotations

import datetime as dt
import sqlite3
from functools import lru_cache
from typing import Callable

import sqlite_utils

from ..places import LAST_OLD_DAY, Place, load_gazetteer
from .views import exports, exports_after_merger, exports_with_added_targets, plans_with_corrected_places


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")



def _initial(db: sqlite_utils.Database) -> None:
    _runs_and_documents(db)
    _plans_and_targets(db)
    _targets_view_and_places(db)


def _runs_and_documents(db: sqlite_utils.Database) -> None:
    db["runs"].create(
        {"id": int, "started": str, "finished": str, "version": str, "options": str, "counts": str}, pk="id"
    )
    db["documents"].create(
        {"id": str, "name": str, "source": str, "title": str, "published": str, "site_name": str,
         "status": str, "text": str, "extractor_version": str, "run_id": int, "stored_at": str},
        pk="id", foreign_keys=[("run_id", "runs", "id")],
    )
    db["documents"].create_index(["source"])
    db["documents"].enable_fts(["title", "text"], create_triggers=True)
    db["failures"].create(
        {"id": int, "run_id": int, "source": str, "stage": str, "reason": str, "at": str},
        pk="id", foreign_keys=[("run_id", "runs", "id")],
    )


def _plans_and_targets(db: sqlite_utils.Database) -> None:
    db["places"].create(
        {"id": str, "name": str, "full_name": str, "level": str, "code": str, "province": str, "successor": str}, pk="id"
    )
    db["indicators"].create({"code": str, "label_vi": str, "dimension": str}, pk="code")
    db["plans"].create(
        {"id": str, "document_id": str, "symbol": str, "doc_type": str, "issued": str, "issuer_body": str,
         "issuer_level": str, "place": str, "place_id": str, "place_successor": str, "period_start": int,
         "period_end": int, "evidence": str},
        pk="id", foreign_keys=[("document_id", "documents", "id"), ("place_id", "places", "id")],
    )
    db["references"].create(
        {"id": str, "document_id": str, "symbol": str, "doc_type": str, "issued": str,
         "evidence_start": int, "evidence_end": int, "evidence_text": str, "rule_id": str},
        pk="id", foreign_keys=[("document_id", "documents", "id")],
    )
    db["targets"].create(
        {"id": str, "document_id": str, "plan_id": str, "text": str, "indicator": str, "scope": str,
         "change": str, "bound": str, "value_min": float, "value_max": float, "unit": str, "per_year": int,
         "year": int, "evidence_start": int, "evidence_end": int, "evidence_text": str, "sentence": str,
         "rule_id": str},
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("plan_id", "plans", "id"), ("indicator", "indicators", "code")],
    )
    for table in ("plans", "references", "targets"):
        db[table].create_index(["document_id"])
    db["targets"].create_index(["indicator", "year"])


def _targets_view_and_places(db: sqlite_utils.Database) -> None:
    db.create_view(
        "targets_view",
        """
        select t.id, t.indicator, t.scope, t.change, t.bound, t.value_min, t.value_max, t.unit,
               t.per_year, t.year, t.text, t.evidence_text, t.sentence,
               p.symbol, p.doc_type, p.issued, p.issuer_body, p.issuer_level, p.place,
               p.place_successor, p.period_start, p.period_end,
               d.name as document, d.source, d.title
        from targets t join documents d on d.id = t.document_id left join plans p on p.id = t.plan_id
        """,
    )
    db["places"].insert_all(
        (
            {"id": p.id, "name": p.name, "full_name": p.full_name, "level": p.level, "code": p.code,
             "province": p.province, "successor": p.successor}
            for p in load_gazetteer().units() if p.level != "commune" and p.valid_to == LAST_OLD_DAY
        ),
        pk="id", ignore=True,
    )


def _reviews(db: sqlite_utils.Database) -> None:
    """Corrections live beside machine values, never over them; re-runs never touch them."""
    db["review_batches"].create(
        {"id": str, "exported_at": str, "filters": str, "items": str}, pk="id"
    )
    db["reviews"].create(
        {"id": str, "item_kind": str, "item_id": str, "document_id": str, "source": str, "batch": str,
         "reviewer": str, "status": str, "reason": str, "note": str, "row_hash": str, "evidence_text": str,
         "reviewed_at": str, "anchor": str},
        pk="id",
    )
    db["corrections"].create(
        {"id": str, "item_kind": str, "item_id": str, "document_id": str, "source": str, "field": str,
         "machine_value": str, "corrected_value": str, "evidence_text": str, "reviewer": str, "batch": str,
         "note": str, "at": str, "anchor": str},
        pk="id",
    )
    db["added_targets"].create(
        {"id": str, "document_id": str, "source": str, "quote": str, "start": int, "end": int, "fields": str,
         "reviewer": str, "batch": str, "note": str, "at": str, "anchor": str},
        pk="id",
    )
    for table in ("reviews", "corrections", "added_targets"):
        db[table].create_index(["source"])
    db["corrections"].create_index(["item_id", "field"])
    effective = ",\n".join(
        f"coalesce((select json_extract(c.corrected_value, '$') from corrections c where c.item_id = t.id "
        f"and c.field = '{field}' and c.anchor = 'attached' order by c.at desc limit 1), t.[{field}]) as [{field}]"
        for field in TARGET_VALUE_FIELDS
    )
    db.create_view(
        "targets_effective",
        f"""
        select t.id, t.document_id, t.plan_id, {effective},
               exists(select 1 from reviews r where r.item_id = t.id and r.status in ('accepted', 'corrected')) as confirmed,
               exists(select 1 from reviews r where r.item_id = t.id and r.status = 'rejected') as rejected,
               t.evidence_start, t.evidence_end, t.evidence_text, t.sentence, t.rule_id
        from targets t
        """,
    )


TARGET_VALUE_FIELDS = ("indicator", "scope", "change", "bound", "value_min", "value_max", "unit", "per_year", "year")

def _crawl(db: sqlite_utils.Database) -> None:
    """The crawl frontier and the raw bytes fetched, so a killed run resumes and re-extraction
    never re-fetches."""
    db["crawl_urls"].create(
        {"url": str, "site": str, "kind": str, "status": str, "depth": int, "parent": str, "added_at": str,
         "etag": str, "last_modified": str, "content_sha": str, "content_type": str, "fetched_at": str,
         "attempts": int, "reason": str, "document_id": str},
        pk="url",
    )
    db["crawl_urls"].create_index(["site", "status"])
    db["raw_contents"].create({"sha": str, "content_type": str, "body": bytes, "size": int}, pk="sha")
    # a file's size and modification time: an unchanged file is skipped without being read
    db["documents"].add_column("source_stamp", str)
    db["documents"].add_column("status_reason", str)  # why a document is degraded (OCR'd pages, unread tables)


def _view_provinces(db: sqlite_utils.Database) -> None:
    """The view names the province a plan's place lies in and its code, so that "which
    provinces" is one select even where district plans are stored."""
    _targets_view(db, decision_columns="")


def _decision_rules(db: sqlite_utils.Database) -> None:
    """Each target keeps the rules that decided it: what made it a commitment and what named its
    indicator (docs/reading.md), so that a reviewer sees why."""
    db["targets"].add_column("modality_rule", str)
    db["targets"].add_column("indicator_rule", str)
    _targets_view(db, decision_columns="t.modality_rule, t.indicator_rule,")


def _targets_view(db: sqlite_utils.Database, decision_columns: str) -> None:
    """One row per target with its plan, place and document: what researchers select from."""
    db.create_view(
        "targets_view",
        f"""
        select t.id, t.indicator, t.scope, t.change, t.bound, t.value_min, t.value_max, t.unit,
               t.per_year, t.year, t.text, t.evidence_text, t.sentence, {decision_columns}
               p.symbol, p.doc_type, p.issued, p.issuer_body, p.issuer_level, p.place,
               pl.level as place_level, pl.code as place_code, pl.province, p.place_successor,
               p.period_start, p.period_end,
               d.id as document_id, d.name as document, d.source, d.title, d.published
        from targets t join documents d on d.id = t.document_id left join plans p on p.id = t.plan_id
             left join places pl on pl.id = p.place_id
        """,
        replace=True,
    )


MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("0001_initial", _initial),
    ("0002_reviews", _reviews),
    ("0003_crawl", _crawl),
    ("0004_view_provinces", _view_provinces),
    ("0005_decision_rules", _decision_rules),
]




def _review_decisions(db: sqlite_utils.Database) -> None:
    """Reviewers may disagree; an adjudicating review settles it. A target's decision is the
    latest adjudicated one, else the one every reviewer agrees on, else it is disputed; only
    decisions still attached to the machine row they were made on count (`anchor`: attached,
    stale when that row changed, needs_review when it could not be found again)."""
    for table in ("reviews", "corrections"):
        db[table].add_column("adjudicated", int, not_null_default=0)
        db[table].add_column("sentence", str)  # the evidence's sentence: the same words elsewhere are another target
    latest = "from corrections c where c.item_id = t.id and c.field = '{f}' and c.anchor = 'attached'"
    effective = ",\n".join(  # a correction to null ("clear") is a value too
        f"case when exists(select 1 {latest.format(f=field)}) then (select json_extract(c.corrected_value, '$') "
        f"{latest.format(f=field)} order by c.adjudicated desc, c.at desc limit 1) else t.[{field}] end as [{field}]"
        for field in ("text", *TARGET_VALUE_FIELDS)
    )
    db.execute("drop view if exists targets_effective")
    db.create_view(
        "targets_effective",
        f"""
        with decisions as (
            select item_id,
                   (select r2.status from reviews r2 where r2.item_id = r.item_id and r2.anchor = 'attached'
                    and r2.adjudicated order by r2.reviewed_at desc limit 1) as adjudicated,
                   min(case when status = 'rejected' then 0 else 1 end) as low,
                   max(case when status = 'rejected' then 0 else 1 end) as high
            from reviews r where item_kind = 'target' and anchor = 'attached' and status != 'pending'
            group by item_id
        )
        select t.id, t.document_id, t.plan_id, {effective},
               coalesce(d.adjudicated in ('accepted', 'corrected'), d.low = 1, 0) as confirmed,
               coalesce(d.adjudicated = 'rejected', d.high = 0, 0) as rejected,
               coalesce(d.adjudicated is null and d.low != d.high, 0) as disputed,
               t.evidence_start, t.evidence_end, t.evidence_text, t.sentence, t.rule_id, t.modality_rule, t.indicator_rule
        from targets t left join decisions d on d.item_id = t.id
        """,
    )


MIGRATIONS.append(("0006_review_decisions", _review_decisions))


def _document_sources(db: sqlite_utils.Database) -> None:
    """One document per text, with every source that carried it (the same plan as HTML and
    DOCX, a file copied into two folders). A source holds one document at a time; its stamp
    (size and mtime) lets a re-run skip it unread. `documents.source` stays the first source."""
    db["document_sources"].create(
        {"source": str, "document_id": str, "name": str, "stamp": str, "run_id": int, "seen_at": str},
        pk="source",  # no foreign key: a re-extracted document is deleted and written again under its links
    )
    db["document_sources"].create_index(["document_id"])
    db.execute(
        "insert into document_sources (source, document_id, name, stamp, run_id, seen_at) "
        "select source, id, name, source_stamp, run_id, stored_at from documents"
    )
    if sqlite3.sqlite_version_info >= (3, 35):  # older SQLite keeps the unused column
        db.execute("alter table documents drop column source_stamp")


MIGRATIONS.append(("0007_document_sources", _document_sources))


def _run_owner(db: sqlite_utils.Database) -> None:
    """Which process a run belongs to, so that the run of a killed process is closed as
    `interrupted` by the next one instead of staying unfinished for ever."""
    db["runs"].add_column("host", str)
    db["runs"].add_column("pid", int)
    db["runs"].add_column("status", str)
    db.execute("update runs set status = case when finished is null then 'interrupted' else 'finished' end")


MIGRATIONS.append(("0008_run_owner", _run_owner))


MIGRATIONS.append(("0009_exports", exports))


PLACE_COLUMNS = ("province_code", "district", "parent_id", "successor_id", "valid_from", "valid_to", "note")


@lru_cache(maxsize=1)  # every new catalogue (and every test's) inserts the same rows
def _place_rows() -> tuple[tuple[str, ...], list[tuple]]:
    rows = [_place_row(p) for p in load_gazetteer().units()]
    return tuple(rows[0]), [tuple(row.values()) for row in rows]


def _place_row(place: Place) -> dict:
    return {
        "id": place.id, "name": place.name, "full_name": place.full_name, "level": place.level, "code": place.code,
        "province": place.province, "successor": place.successor, "province_code": place.province_code,
        "district": place.district, "parent_id": place.parent_id, "successor_id": place.successor_id,
        "valid_from": place.valid_from.isoformat() if place.valid_from else None,
        "valid_to": place.valid_to.isoformat() if place.valid_to else None, "note": place.note,
    }


def _places_after_merger(db: sqlite_utils.Database) -> None:
    """Every unit with the days it was in force: the old list's provinces, districts (each with
    its own code now) and communes, until 30 June 2025, and the new list's provinces and communes
    from 1 July 2025, as rows of their own ("2025:province:Gia Lai:Gia Lai"); each with its
    official code, its parent and, for an old unit, the new one it went into. A unit the list
    now names otherwise ("Quận 1" for "1", "Kỳ Anh (Thị xã)") takes its plans with it."""
    for column in PLACE_COLUMNS:
        db["places"].add_column(column, str)
    gazetteer = load_gazetteer()
    before = db.execute("select id, level, full_name, province from places").fetchall()
    columns, rows = _place_rows()
    # one statement for ~14,000 rows: upsert_all's per-row work costs half a second per new catalogue
    db.conn.executemany(
        f"insert into places ({', '.join(columns)}) values ({', '.join('?' * len(columns))}) on conflict (id) do update set "
        + ", ".join(f"{c} = excluded.{c}" for c in columns[1:]),
        rows,
    )
    known = {row[0] for row in rows}
    for old_id, level, full_name, province in before:
        if old_id in known:
            continue
        unit = gazetteer.lookup(full_name, level, within=[gazetteer.lookup(province, "province")])
        if unit:
            db.execute("update plans set place_id = ? where place_id = ?", [unit.id, old_id])
        if unit or not db.execute("select 1 from plans where place_id = ?", [old_id]).fetchone():
            db.execute("delete from places where id = ?", [old_id])
    db["places"].create_index(["parent_id"])
    db["places"].create_index(["level", "code"])


MIGRATIONS.append(("0010_places_after_merger", _places_after_merger))


MIGRATIONS.append(("0011_exports_after_merger", exports_after_merger))
MIGRATIONS.append(("0012_exports_with_added_targets", exports_with_added_targets))
MIGRATIONS.append(("0013_plans_with_corrected_places", plans_with_corrected_places))
