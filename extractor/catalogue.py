"""The SQLite catalogue: the only module that imports sqlite_utils.

Normalised tables with stable ids (a document's id is the hash of its normalised text; a
target's derives from the document, its span and its value), named migrations, full-text
search on document text, and `targets_view` for researchers. Which provinces target a
poverty rate below 5% by 2025 (a district's plan counts for its province)?

    select province, place_successor, place, symbol, period_start, period_end, value_max, year
    from targets_view
    where indicator = 'poverty.rate' and change = 'level' and unit = 'percent'
      and value_max < 5 and year <= 2025
    order by province, year;

Documents by word: `select id, title from documents where rowid in
(select rowid from documents_fts where documents_fts match 'hộ nghèo')`.

Storing the same result twice writes nothing; a source whose text changed has its old rows
replaced in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Literal, TypeVar

import sqlite_utils

from .errors import CatalogueError, StoreError
from .models import DocumentResult, PlanRecord
from .places import Place, load_gazetteer

StoreStatus = Literal["new", "changed", "unchanged"]
T = TypeVar("T")


def stable_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


# ---------------------------------------------------------------- migrations


def _initial(db: sqlite_utils.Database) -> None:
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
    db["failures"].create(
        {"id": int, "run_id": int, "source": str, "stage": str, "reason": str, "at": str},
        pk="id", foreign_keys=[("run_id", "runs", "id")],
    )
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
            {"id": place_id(p.level, p.province, p.name), "name": p.name, "full_name": p.full_name,
             "level": p.level, "code": p.code, "province": p.province, "successor": p.successor}
            for p in load_gazetteer().units()
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
        select t.id, t.document_id, t.plan_id, t.text, {effective},
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
    db.create_view(
        "targets_view",
        """
        select t.id, t.indicator, t.scope, t.change, t.bound, t.value_min, t.value_max, t.unit,
               t.per_year, t.year, t.text, t.evidence_text, t.sentence,
               p.symbol, p.doc_type, p.issued, p.issuer_body, p.issuer_level, p.place,
               pl.level as place_level, pl.code as place_code, pl.province, p.place_successor,
               p.period_start, p.period_end,
               d.id as document_id, d.name as document, d.source, d.title, d.published
        from targets t join documents d on d.id = t.document_id left join plans p on p.id = t.plan_id
             left join places pl on pl.id = p.place_id
        """,
        replace=True,
    )


def _decision_rules(db: sqlite_utils.Database) -> None:
    """Each target keeps the rules that decided it: what made it a commitment and what named its
    indicator (docs/reading.md), so that a reviewer sees why."""
    db["targets"].add_column("modality_rule", str)
    db["targets"].add_column("indicator_rule", str)
    db.create_view(
        "targets_view",
        """
        select t.id, t.indicator, t.scope, t.change, t.bound, t.value_min, t.value_max, t.unit,
               t.per_year, t.year, t.text, t.evidence_text, t.sentence, t.modality_rule, t.indicator_rule,
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


def place_id(level: str, province: str, name: str) -> str:
    return f"{level}:{province}:{name}"


def _plan_place(plan: PlanRecord) -> Place | None:
    """The unit a plan's place names, at the plan's level; communes are not in the gazetteer."""
    if not plan.place or plan.issuer_level in ("commune", "national"):
        return None
    return load_gazetteer().lookup(plan.place, plan.issuer_level)


def _first_by_id(items: Iterable[tuple[str, T]]) -> dict[str, T]:
    first: dict[str, T] = {}
    for item_id, item in items:
        first.setdefault(item_id, item)
    return first


# ---------------------------------------------------------------- catalogue


class Catalogue:
    """Open (creating and migrating) the catalogue at `path`."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.db = sqlite_utils.Database(self.path)
            self.db.execute("pragma foreign_keys = on")
            # WAL: readers (Datasette) never block a batch, and a commit per document stays cheap
            self.db.enable_wal()
            self.db.execute("pragma synchronous = normal")
            self._migrate()
        except sqlite3.Error as exc:
            raise CatalogueError(f"{self.path}: cannot open the catalogue: {exc}") from exc

    @contextmanager
    def _transaction(self, action: str) -> Iterator[None]:
        """One transaction; any SQLite error rolls it back and names the catalogue and the action."""
        try:
            with self.db.atomic():
                yield
        except sqlite3.Error as exc:
            raise CatalogueError(f"{self.path}: {action} failed: {exc}") from exc

    @contextmanager
    def grouped_commits(self, every: int = 100, seconds: float = 2.0) -> Iterator[Callable[[], None]]:
        """Many documents in few commits. Inside, each `store` is a savepoint of one open
        transaction (a document that fails still rolls back alone); call the yielded function
        after each document: it commits every `every` documents or `seconds`. A stop loses at
        most the open group, which the next run extracts again."""
        state = {"count": 0, "since": time.monotonic()}

        def begin() -> None:
            state["count"], state["since"] = 0, time.monotonic()
            self.db.execute("begin immediate")

        def tick() -> None:
            state["count"] += 1
            if state["count"] >= every or time.monotonic() - state["since"] >= seconds:
                self.db.execute("commit")
                begin()

        try:
            begin()
            yield tick
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.execute("rollback")
            raise
        else:
            self.db.execute("commit")

    def _fetch_one(self, sql: str, params: list) -> tuple | None:
        try:
            return self.db.execute(sql, params).fetchone()
        except sqlite3.Error as exc:
            raise CatalogueError(f"{self.path}: reading the catalogue failed: {exc}") from exc

    def _migrate(self) -> None:
        self.db["_migrations"].create({"name": str, "applied": str}, pk="name", if_not_exists=True)
        applied = {row["name"] for row in self.db["_migrations"].rows}
        for name, migration in MIGRATIONS:
            if name in applied:
                continue
            with self.db.atomic():
                migration(self.db)
                self.db["_migrations"].insert({"name": name, "applied": _now()})

    # ------------------------------------------------------------------ runs

    def start_run(self, version: str, options: dict) -> int:
        with self._transaction("starting a run"):
            return self.db["runs"].insert(
                {"started": _now(), "version": version, "options": json.dumps(options, ensure_ascii=False)}
            ).last_pk

    def finish_run(self, run_id: int, counts: dict) -> None:
        with self._transaction(f"finishing run {run_id}"):
            self.db["runs"].update(run_id, {"finished": _now(), "counts": json.dumps(counts)})

    def record_failure(self, run_id: int | None, source: str, stage: str, reason: str) -> None:
        with self._transaction(f"recording the failure of {source}"):
            self.db["failures"].insert({"run_id": run_id, "source": source, "stage": stage, "reason": reason, "at": _now()})

    def sync_indicators(self, rows: list[dict]) -> None:
        """{code, label_vi, dimension} rows from rules/indicators.yaml; first label per code wins."""
        with self._transaction("syncing indicators"):
            self.db["indicators"].insert_all(rows, pk="code", ignore=True)

    # ------------------------------------------------------------------ documents

    def is_current(self, doc_id: str, source: str, version: str) -> bool:
        """True when this text from this source was stored by this extractor version."""
        # the primary key narrows this to one row: the fast path of a re-run over unchanged documents
        row = self._fetch_one(
            "select 1 from documents where id = ? and source = ? and extractor_version = ?", [doc_id, source, version]
        )
        return row is not None

    def is_current_stamp(self, source: str, stamp: str, version: str) -> bool:
        """True when the file at `source`, unchanged since (size, mtime), was stored by this version."""
        row = self._fetch_one(
            "select 1 from documents where source = ? and source_stamp = ? and extractor_version = ?", [source, stamp, version]
        )
        return row is not None

    def store(self, run_id: int | None, result: DocumentResult, version: str, stamp: str | None = None) -> StoreStatus:
        """Write one document's rows. The same text from the same source by the same `version`
        writes nothing ("unchanged"); new text for a source, or a new version, replaces the
        document's rows ("changed"); `stamp` is the file's size and mtime for `is_current_stamp`."""
        document = result.document
        if self.is_current(document.doc_id, document.source, version):
            if stamp:
                with self._transaction(f"stamping {document.source}"):
                    self.db.execute("update documents set source_stamp = ? where id = ?", [stamp, document.doc_id])
            return "unchanged"
        try:
            with self._transaction(f"storing {document.source}"):  # old rows go and new rows come together
                stale = [row[0] for row in self.db.execute(
                    "select id from documents where source = ? or id = ?", [document.source, document.doc_id]
                ).fetchall()]
                for doc_id in stale:
                    self._delete_document(doc_id)
                self._insert(run_id, result, version, stamp)
                if stale:
                    self._reanchor(document.source, document.doc_id, document.text)
        except CatalogueError:
            raise  # the catalogue itself failed (locked, full, corrupt): no later document would fare better
        except Exception as exc:  # this document's rows: rolled back, the batch goes on
            raise StoreError(f"{document.source}: storing its rows failed ({type(exc).__name__}: {exc}); nothing was changed") from exc
        return "changed" if stale else "new"

    def _delete_document(self, doc_id: str) -> None:
        for table in ("targets", "references", "plans"):
            self.db.execute(f"delete from [{table}] where document_id = ?", [doc_id])
        self.db.execute("delete from documents where id = ?", [doc_id])

    def _insert(self, run_id: int | None, result: DocumentResult, version: str, stamp: str | None = None) -> None:
        document, plan = result.document, result.plan
        self.db["documents"].insert({
            "id": document.doc_id, "name": document.name, "source": document.source, "title": document.title,
            "published": document.published.isoformat() if document.published else None,
            "site_name": document.site_name, "status": document.status, "status_reason": document.status_reason,
            "text": document.text,
            "extractor_version": version, "run_id": run_id, "stored_at": _now(), "source_stamp": stamp,
        })
        plan_id = stable_id(document.doc_id, "plan")
        place = _plan_place(plan)
        self.db["plans"].insert({
            "id": plan_id, "document_id": document.doc_id, "symbol": plan.symbol, "doc_type": plan.doc_type,
            "issued": plan.issued.isoformat() if plan.issued else None, "issuer_body": plan.issuer_body,
            "issuer_level": plan.issuer_level, "place": plan.place,
            "place_id": place_id(place.level, place.province, place.name) if place else None,
            "place_successor": place.successor if place else None,
            "period_start": plan.period_start, "period_end": plan.period_end,
            "evidence": json.dumps({k: v.model_dump() for k, v in plan.evidence.items()}, ensure_ascii=False),
        })
        # a symbol is one reference, and a span with one value one target, however often found
        references = _first_by_id((stable_id(document.doc_id, r.symbol), r) for r in result.references)
        targets = _first_by_id(
            (target_id(document.doc_id, t.evidence.start, t.evidence.end, t.value_min, t.value_max, t.unit, t.indicator), t)
            for t in result.targets
        )
        self.db["references"].insert_all(
            {
                "id": reference_id, "document_id": document.doc_id, "symbol": r.symbol,
                "doc_type": r.doc_type, "issued": r.issued.isoformat() if r.issued else None,
                "evidence_start": r.evidence.start, "evidence_end": r.evidence.end,
                "evidence_text": r.evidence.text, "rule_id": r.evidence.rule_id,
            }
            for reference_id, r in references.items()
        )
        self.db["targets"].insert_all(
            {
                "id": id_,
                "document_id": document.doc_id, "plan_id": plan_id, "text": t.text, "indicator": t.indicator,
                "scope": t.scope, "change": t.change, "bound": t.bound, "value_min": t.value_min,
                "value_max": t.value_max, "unit": t.unit, "per_year": int(t.per_year), "year": t.year,
                "evidence_start": t.evidence.start, "evidence_end": t.evidence.end,
                "evidence_text": t.evidence.text, "sentence": t.sentence.text, "rule_id": t.evidence.rule_id,
                "modality_rule": t.modality_rule, "indicator_rule": t.indicator_rule,
            }
            for id_, t in targets.items()
        )

    def _reanchor(self, source: str, doc_id: str, text: str) -> None:
        """Keep corrections on a re-extracted document: same target id, else the target with the
        same evidence text; what cannot be re-attached is marked for re-review."""
        current = {row["id"]: row["evidence_text"] for row in self.db["targets"].rows_where("document_id = ?", [doc_id])}
        by_evidence: dict[str, str] = {}
        for target_id_, evidence in current.items():
            by_evidence.setdefault(evidence, target_id_)
        for table in ("corrections", "reviews"):
            for row in list(self.db[table].rows_where("source = ? and item_kind = 'target'", [source])):
                new_id = row["item_id"] if row["item_id"] in current else by_evidence.get(row["evidence_text"])
                update = {"document_id": doc_id, "item_id": new_id or row["item_id"],
                          "anchor": "attached" if new_id else "needs_review"}
                self.db[table].update(row["id"], update)
            self.db.execute(f"update [{table}] set document_id = ? where source = ? and item_kind = 'plan'", [doc_id, source])
        for row in list(self.db["added_targets"].rows_where("source = ?", [source])):
            start = text.find(row["quote"])
            unique = start >= 0 and text.find(row["quote"], start + 1) < 0
            self.db["added_targets"].update(row["id"], {
                "document_id": doc_id, "start": start if unique else None,
                "end": start + len(row["quote"]) if unique else None,
                "anchor": "attached" if unique else "needs_review",
            })

    # ------------------------------------------------------------------ review support

    def rows(self, sql: str, params: list | dict | None = None) -> list[dict]:
        """Rows of a read-only query, as dicts (for review export, status and HTML)."""
        try:
            return list(self.db.query(sql, params or []))
        except sqlite3.Error as exc:
            raise CatalogueError(f"{self.path}: query failed: {exc}") from exc

    def record_batch(self, batch: str, filters: dict, items: list[str]) -> None:
        with self._transaction(f"recording review batch {batch}"):
            self.db["review_batches"].upsert(
                {"id": batch, "exported_at": _now(), "filters": json.dumps(filters, ensure_ascii=False), "items": json.dumps(items)},
                pk="id",
            )

    def apply_review(self, reviews: list[dict], corrections: list[dict], added: list[dict]) -> int:
        """Write a validated review in one transaction; returns how many rows were new or changed."""
        changed = 0
        with self._transaction("applying a review"):
            for table, rows in (("reviews", reviews), ("corrections", corrections), ("added_targets", added)):
                for row in rows:
                    existing = self.db[table].get(row["id"]) if self._exists(table, row["id"]) else None
                    if existing and all(existing.get(k) == v for k, v in row.items() if k not in ("reviewed_at", "at")):
                        continue  # the same review imported again: nothing to change
                    self.db[table].upsert(row, pk="id")
                    changed += 1
        return changed

    def _exists(self, table: str, row_id: str) -> bool:
        return self.db.execute(f"select 1 from [{table}] where id = ?", [row_id]).fetchone() is not None

    # ------------------------------------------------------------------ crawl frontier

    def frontier_add(self, rows: list[dict]) -> int:
        """Add URLs not seen before (per-URL dedup); returns how many were new."""
        with self._transaction("adding to the crawl frontier"):
            before = self.db["crawl_urls"].count
            self.db["crawl_urls"].insert_all(
                ({"status": "pending", "attempts": 0, "added_at": _now(), **row} for row in rows), pk="url", ignore=True
            )
            return self.db["crawl_urls"].count - before

    def frontier_reopen(self, site: str, kind: str) -> None:
        """Listings are visited again on every run (they are where new articles appear)."""
        with self._transaction(f"reopening {site} listings"):
            self.db.execute("update crawl_urls set status = 'pending' where site = ? and kind = ? and status != 'failed'", [site, kind])

    def frontier_next(self, site: str, max_attempts: int) -> dict | None:
        rows = self.rows(
            "select * from crawl_urls where site = ? and (status = 'pending' or (status = 'failed' and attempts < ?)) "
            "order by case kind when 'listing' then 0 when 'article' then 1 else 2 end, added_at, rowid limit 1",
            [site, max_attempts],
        )
        return rows[0] if rows else None

    def frontier_update(self, url: str, **fields) -> None:
        with self._transaction(f"updating {url}"):
            self.db["crawl_urls"].update(url, fields)

    def store_raw(self, sha: str, content_type: str, body: bytes) -> bool:
        """Keep fetched bytes once per content hash; True when they were new."""
        with self._transaction(f"storing fetched bytes {sha}"):
            if self._exists_raw(sha):
                return False
            self.db["raw_contents"].insert({"sha": sha, "content_type": content_type, "body": body, "size": len(body)})
            return True

    def _exists_raw(self, sha: str) -> bool:
        return self.db.execute("select 1 from raw_contents where sha = ?", [sha]).fetchone() is not None

    def raw(self, sha: str) -> bytes:
        return self.db.execute("select body from raw_contents where sha = ?", [sha]).fetchone()[0]

    def close(self) -> None:
        self.db.close()


def target_id(doc_id: str, start: int, end: int, value_min: float, value_max: float, unit: str, indicator: str) -> str:
    """Stable across re-runs: the same document, span and value give the same id."""
    return stable_id(doc_id, start, end, f"{value_min:g}", f"{value_max:g}", unit, indicator)
