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
import os
import random
import socket
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Literal, TypeVar

from ..imports import without

with without("pandas", "numpy"):
    import sqlite_utils

from ..errors import CatalogueError, StoreError
from ..models import DocumentResult
from ..places import Place, load_gazetteer, place_date
from .ids import row_hash, stable_id, target_id
from .reviews import apply_review, find_quote, quote_key, reanchor
from .schema import MIGRATIONS, TARGET_VALUE_FIELDS, now

__all__ = ["Catalogue", "StoreStatus", "TARGET_VALUE_FIELDS", "find_quote", "quote_key", "row_hash", "stable_id", "target_id"]

StoreStatus = Literal["new", "changed", "unchanged", "duplicate"]
BUSY_SECONDS = 600.0  # how long a writer waits for another's lock before it gives up
T = TypeVar("T")


def _plan_place(result: DocumentResult) -> Place | None:
    """The unit a plan's place named on the day it was issued (places.place_date), at the
    plan's level: a 2026 plan of "tỉnh Gia Lai" is the merged province. A commune's name repeats
    across the country: it is resolved only within the provinces and districts its document names."""
    plan, document = result.plan, result.document
    if not plan.place or plan.issuer_level == "national":
        return None
    gazetteer = load_gazetteer()
    on_date = place_date(plan.issued, document.published, result.references)
    if plan.issuer_level != "commune":
        return gazetteer.lookup(plan.place, plan.issuer_level, on_date=on_date)
    hints = (gazetteer.lookup(hint) for hint in document.place_hints)
    within = [*(p for _, _, p in gazetteer.find(document.text)), *(p for p in hints if p)]
    return gazetteer.lookup(plan.place, "commune", on_date=on_date, within=within)


def _when_unlocked(action: Callable[[], None]) -> None:
    """Run `action`, again while the file is locked. A new catalogue is in rollback-journal mode
    until one process turns WAL on, and there SQLite answers "locked" at once, without waiting,
    when two connections would deadlock."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            return action()
        except (sqlite3.OperationalError, CatalogueError) as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(random.uniform(0.02, 0.2))


def _process_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # alive, under another user
    return True


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
        self._group: dict | None = None  # the open group of `grouped_commits`, if any
        try:
            # another writer (a crawl beside an extract) holds the lock for a moment at a time: wait
            self.db = sqlite_utils.Database(sqlite3.connect(str(self.path), timeout=BUSY_SECONDS))
            self.db.execute("pragma foreign_keys = on")
            # WAL: readers (Datasette) never block a batch, and a commit per document stays cheap
            _when_unlocked(self.db.enable_wal)
            self.db.execute("pragma synchronous = normal")
            _when_unlocked(self._migrate)
        except sqlite3.Error as exc:
            raise CatalogueError(f"{self.path}: cannot open the catalogue: {exc}") from exc

    @contextmanager
    def _transaction(self, action: str) -> Iterator[None]:
        """One transaction; any SQLite error rolls it back and names the catalogue and the action.
        The write lock is taken at the start (BEGIN IMMEDIATE): a transaction that read first and
        then found another writer in the way could only fail. Inside a group it is a savepoint."""
        try:
            if not self.db.conn.in_transaction:
                self.db.execute("begin immediate")
                if self._group is None:
                    with self._commit_or_rollback():
                        yield
                    return
                self._group["since"] = time.monotonic()  # the group's first write: it holds the lock from now
            with self.db.atomic():
                yield
        except sqlite3.Error as exc:
            raise CatalogueError(f"{self.path}: {action} failed: {exc}") from exc

    @contextmanager
    def _commit_or_rollback(self) -> Iterator[None]:
        try:
            yield
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.execute("rollback")
            raise
        if self.db.conn.in_transaction:  # a group whose last tick committed has nothing left open
            self.db.execute("commit")

    @contextmanager
    def grouped_commits(self, every: int = 100, seconds: float = 1.0) -> Iterator[Callable[[], None]]:
        """Many documents in few commits. Inside, each `store` is a savepoint of one open
        transaction (a document that fails still rolls back alone); call the yielded function
        after each document: it commits every `every` documents or `seconds`. The transaction
        starts at the group's first write, so the lock is free while nothing is written. A stop
        loses at most the open group, which the next run extracts again."""
        self._group = {"count": 0, "since": time.monotonic()}

        def tick() -> None:
            self._group["count"] += 1
            due = self._group["count"] >= every or time.monotonic() - self._group["since"] >= seconds
            if due and self.db.conn.in_transaction:
                self.db.execute("commit")
                self._group["count"] = 0

        try:
            with self._commit_or_rollback():
                yield tick
        finally:
            self._group = None

    def _fetch_one(self, sql: str, params: list) -> tuple | None:
        try:
            return self.db.execute(sql, params).fetchone()
        except sqlite3.Error as exc:
            raise CatalogueError(f"{self.path}: reading the catalogue failed: {exc}") from exc

    def _migrate(self) -> None:
        """Apply what is missing, each migration under the write lock and checked again there: two
        processes opening a new catalogue at once apply each migration once."""
        with self._transaction("creating the migrations table"):
            self.db["_migrations"].create({"name": str, "applied": str}, pk="name", if_not_exists=True)
        applied = {row["name"] for row in self.db["_migrations"].rows}
        for name, migration in MIGRATIONS:
            if name in applied:
                continue
            with self._transaction(f"migrating ({name})"):
                if self.db.execute("select 1 from _migrations where name = ?", [name]).fetchone():
                    continue  # another process applied it while this one waited
                migration(self.db)
                self.db["_migrations"].insert({"name": name, "applied": now()})

    # ------------------------------------------------------------------ runs

    def start_run(self, version: str, options: dict) -> int:
        """A new run; first, runs whose process on this machine is gone are closed as interrupted."""
        host = socket.gethostname()
        with self._transaction("starting a run"):
            for run_id, pid in self.db.execute("select id, pid from runs where status = 'running' and host = ?", [host]).fetchall():
                if not _process_alive(pid):
                    self.db["runs"].update(run_id, {"status": "interrupted", "finished": now()})
            return self.db["runs"].insert({
                "started": now(), "version": version, "options": json.dumps(options, ensure_ascii=False),
                "host": host, "pid": os.getpid(), "status": "running",
            }).last_pk

    def finish_run(self, run_id: int, counts: dict) -> None:
        with self._transaction(f"finishing run {run_id}"):
            self.db["runs"].update(run_id, {"finished": now(), "counts": json.dumps(counts), "status": "finished"})

    def record_failure(self, run_id: int | None, source: str, stage: str, reason: str) -> None:
        with self._transaction(f"recording the failure of {source}"):
            self.db["failures"].insert({"run_id": run_id, "source": source, "stage": stage, "reason": reason, "at": now()})

    def sync_indicators(self, rows: list[dict]) -> None:
        """{code, label_vi, dimension} rows from rules/indicators.yaml; first label per code wins."""
        with self._transaction("syncing indicators"):
            self.db["indicators"].insert_all(rows, pk="code", ignore=True)

    # ------------------------------------------------------------------ documents

    def is_current_stamp(self, source: str, stamp: str, version: str) -> bool:
        """True when the file at `source`, unchanged since (size, mtime), was stored by this version."""
        row = self._fetch_one(
            "select 1 from document_sources s join documents d on d.id = s.document_id "
            "where s.source = ? and s.stamp = ? and d.extractor_version = ?", [source, stamp, version]
        )
        return row is not None

    def store(self, run_id: int | None, result: DocumentResult, version: str, stamp: str | None = None) -> StoreStatus:
        """Write one document's rows. A text is stored once, with every source that carried it:
        the same text from the same source by the same `version` writes nothing ("unchanged"),
        from another source only links that source ("duplicate"); new text for a source, or a
        new version, replaces the rows ("changed"). A text no source holds any longer is deleted.
        `stamp` is the file's size and mtime for `is_current_stamp`."""
        document = result.document
        held = self._fetch_one("select document_id, stamp from document_sources where source = ?", [document.source])
        stored = self._fetch_one("select extractor_version from documents where id = ?", [document.doc_id])
        current = stored is not None and stored[0] == version
        if current and held and held[0] == document.doc_id and (held[1] == stamp or not stamp):
            return "unchanged"
        try:
            with self._transaction(f"storing {document.source}"):  # old rows go and new rows come together
                if not current:
                    if stored:
                        self._delete_document(document.doc_id)  # a new version: its links stay
                    self._insert(run_id, result, version)
                released = self._link(run_id, document, stamp, held[0] if held else None)
                if not current or released:
                    reanchor(self.db, [document.doc_id, *released], document.doc_id, document.text)
        except CatalogueError:
            raise  # the catalogue itself failed (locked, full, corrupt): no later document would fare better
        except Exception as exc:  # this document's rows: rolled back, the batch goes on
            raise StoreError(f"{document.source}: storing its rows failed ({type(exc).__name__}: {exc}); nothing was changed") from exc
        if current:
            return "unchanged" if held and held[0] == document.doc_id else "duplicate"
        return "changed" if stored or held else "new"

    def _link(self, run_id: int | None, document, stamp: str | None, previous: str | None) -> list[str]:
        """Point the source at its document; the ids of documents deleted because no source holds them now."""
        self.db["document_sources"].upsert(
            {"source": document.source, "document_id": document.doc_id, "name": document.name, "stamp": stamp,
             "run_id": run_id, "seen_at": now()}, pk="source",
        )
        if previous is None or previous == document.doc_id:
            return []
        others = self._fetch_one("select source from document_sources where document_id = ? limit 1", [previous])
        if others:  # another source still carries the old text: it stays, under a live source
            self.db.execute("update documents set source = ? where id = ? and source = ?", [others[0], previous, document.source])
            return []
        self._delete_document(previous)
        return [previous]

    def _delete_document(self, doc_id: str) -> None:
        for table in ("targets", "references", "plans"):
            self.db.execute(f"delete from [{table}] where document_id = ?", [doc_id])
        self.db.execute("delete from documents where id = ?", [doc_id])

    def _insert(self, run_id: int | None, result: DocumentResult, version: str) -> None:
        document, plan = result.document, result.plan
        self.db["documents"].insert({
            "id": document.doc_id, "name": document.name, "source": document.source, "title": document.title,
            "published": document.published.isoformat() if document.published else None,
            "site_name": document.site_name, "status": document.status, "status_reason": document.status_reason,
            "text": document.text,
            "extractor_version": version, "run_id": run_id, "stored_at": now(),
        })
        plan_id = stable_id(document.doc_id, "plan")
        place = _plan_place(result)
        self.db["plans"].insert({
            "id": plan_id, "document_id": document.doc_id, "symbol": plan.symbol, "doc_type": plan.doc_type,
            "issued": plan.issued.isoformat() if plan.issued else None, "issuer_body": plan.issuer_body,
            "issuer_level": plan.issuer_level, "place": plan.place,
            "place_id": place.id if place else None,
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

    def apply_review(self, reviews: list[dict], corrections: list[dict], added: list[dict], withdrawn: list[str]) -> int:
        """Write a validated review in one transaction; returns how many rows were new or changed."""
        with self._transaction("applying a review"):
            return apply_review(self.db, reviews, corrections, added, withdrawn)

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


