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

import json
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Literal, TypeVar

import sqlite_utils

from ..errors import CatalogueError, StoreError
from ..models import DocumentResult, PlanRecord
from ..places import Place, load_gazetteer
from .ids import place_id, row_hash, stable_id, target_id
from .reviews import apply_review, find_quote, quote_key, reanchor
from .schema import MIGRATIONS, TARGET_VALUE_FIELDS, now

__all__ = ["Catalogue", "StoreStatus", "TARGET_VALUE_FIELDS", "find_quote", "quote_key", "row_hash", "stable_id", "target_id"]

StoreStatus = Literal["new", "changed", "unchanged"]
T = TypeVar("T")


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
                self.db["_migrations"].insert({"name": name, "applied": now()})

    # ------------------------------------------------------------------ runs

    def start_run(self, version: str, options: dict) -> int:
        with self._transaction("starting a run"):
            return self.db["runs"].insert(
                {"started": now(), "version": version, "options": json.dumps(options, ensure_ascii=False)}
            ).last_pk

    def finish_run(self, run_id: int, counts: dict) -> None:
        with self._transaction(f"finishing run {run_id}"):
            self.db["runs"].update(run_id, {"finished": now(), "counts": json.dumps(counts)})

    def record_failure(self, run_id: int | None, source: str, stage: str, reason: str) -> None:
        with self._transaction(f"recording the failure of {source}"):
            self.db["failures"].insert({"run_id": run_id, "source": source, "stage": stage, "reason": reason, "at": now()})

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
                    reanchor(self.db, document.source, document.doc_id, document.text)
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
            "extractor_version": version, "run_id": run_id, "stored_at": now(), "source_stamp": stamp,
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

    def rows(self, sql: str, params: list | dict | None = None) -> list[dict]:
        """Rows of a read-only query, as dicts (for review export, status and HTML)."""
        try:
            return list(self.db.query(sql, params or []))
        except sqlite3.Error as exc:
            raise CatalogueError(f"{self.path}: query failed: {exc}") from exc

    def record_batch(self, batch: str, filters: dict, items: list[str]) -> None:
        with self._transaction(f"recording review batch {batch}"):
            self.db["review_batches"].upsert(
                {"id": batch, "exported_at": now(), "filters": json.dumps(filters, ensure_ascii=False), "items": json.dumps(items)},
                pk="id",
            )

    def apply_review(self, reviews: list[dict], corrections: list[dict], added: list[dict]) -> int:
        """Write a validated review in one transaction; returns how many rows were new or changed."""
        with self._transaction("applying a review"):
            return apply_review(self.db, reviews, corrections, added)

    # ------------------------------------------------------------------ crawl frontier

    def frontier_add(self, rows: list[dict]) -> int:
        """Add URLs not seen before (per-URL dedup); returns how many were new."""
        with self._transaction("adding to the crawl frontier"):
            before = self.db["crawl_urls"].count
            self.db["crawl_urls"].insert_all(
                ({"status": "pending", "attempts": 0, "added_at": now(), **row} for row in rows), pk="url", ignore=True
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


