"""Reviewers' work in the catalogue: written beside the machine rows, never over them, and
carried over when a document is extracted again.

A decision or correction follows its target by id, else by the target's evidence text and
sentence when they are found exactly once; a decision whose machine row changed is `stale`, one that cannot be
placed again `needs_review`: both are listed by `chitieu review status`, neither counts.
A plan's work follows the document's source (the plan of a source is one, whatever its text):
when a source's text changes, the work on the text it held moves to the new one.
"""

from __future__ import annotations

import json
import re
import unicodedata

import sqlite_utils

from ..models import PlanFields, TargetFields
from .ids import row_hash


def quote_key(text: str) -> str:
    """A quote as compared with a document: NFC, whitespace runs as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def find_quote(text: str, quote: str) -> list[int]:
    """Start offsets in `text` of `quote`, matched after NFC and with any run of whitespace
    standing for any other (a quote copied from a PDF, a double space)."""
    words = quote_key(quote).split(" ")
    if not words or not words[0]:
        return []
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    return [m.start() for m in pattern.finditer(unicodedata.normalize("NFC", text))]


def reanchor(db: sqlite_utils.Database, replaced: list[str], doc_id: str, text: str) -> None:
    """Carry the reviews, corrections and added targets of the documents `replaced` (an older
    text of the source, the same text by an older version) over to document `doc_id`."""
    targets = {row["id"]: row for row in db["targets"].rows_where("document_id = ?", [doc_id])}
    by_evidence: dict[tuple[str, str], list[str]] = {}
    for target_id, row in targets.items():
        by_evidence.setdefault((row["evidence_text"], row["sentence"]), []).append(target_id)
    plan = next(db["plans"].rows_where("document_id = ?", [doc_id]), None)
    marks = ", ".join("?" * len(replaced))
    for table in ("reviews", "corrections"):
        for row in list(db[table].rows_where(f"document_id in ({marks}) and item_kind in ('target', 'plan', 'document')", replaced)):
            db[table].update(row["id"], _carried(table, row, doc_id, targets, by_evidence, plan))
    for row in list(db["added_targets"].rows_where(f"document_id in ({marks}) and anchor != 'withdrawn'", replaced)):
        starts = find_quote(text, row["quote"])
        unique = len(starts) == 1
        db["added_targets"].update(row["id"], {
            "document_id": doc_id, "start": starts[0] if unique else None,
            "end": starts[0] + len(row["quote"]) if unique else None,
            "anchor": "attached" if unique else "needs_review",
        })


def _carried(table: str, row: dict, doc_id: str, targets: dict, by_evidence: dict, plan: dict | None) -> dict:
    if row["item_kind"] == "document":
        return {"document_id": doc_id, "item_id": doc_id}
    if row["item_kind"] == "plan":
        if plan is None:
            return {"document_id": doc_id, "anchor": "needs_review"}
        machine = PlanFields(**{k: plan[k] for k in PlanFields.model_fields})
        return {"document_id": doc_id, "item_id": plan["id"], "anchor": _anchor(table, row, machine.model_dump(mode="json"))}
    found = row["item_id"] if row["item_id"] in targets else None
    if found is None:
        # the same words in the same sentence, once: the same target; twice, or in another sentence: unknowable
        candidates = by_evidence.get((row["evidence_text"], row["sentence"]), [])
        found = candidates[0] if len(candidates) == 1 else None
    if found is None:
        return {"document_id": doc_id, "anchor": "needs_review"}
    target = targets[found]
    machine = TargetFields(**{k: target[k] for k in TargetFields.model_fields if k != "per_year"}, per_year=bool(target["per_year"]))
    return {"document_id": doc_id, "item_id": found, "anchor": _anchor(table, row, machine.model_dump(mode="json"))}


def _anchor(table: str, row: dict, machine: dict) -> str:
    """Attached while the machine row is the one the reviewer judged, stale once it changed."""
    if table == "reviews":
        return "attached" if row["row_hash"] == row_hash(machine) else "stale"
    current = machine.get(row["field"])
    return "attached" if json.loads(row["machine_value"]) == current else "stale"


def apply_review(db: sqlite_utils.Database, reviews: list[dict], corrections: list[dict], added: list[dict],
                 withdrawn: list[str]) -> int:
    """Write a validated review's rows (the caller holds the transaction), and mark `withdrawn`
    the added targets its reviewer took back; returns how many rows were new or changed."""
    for row_id in withdrawn:
        db["added_targets"].update(row_id, {"anchor": "withdrawn"})
    changed = len(withdrawn)
    for table, rows in (("reviews", reviews), ("corrections", corrections), ("added_targets", added)):
        for row in rows:
            existing = db[table].get(row["id"]) if _exists(db, table, row["id"]) else None
            if existing and all(existing.get(k) == v for k, v in row.items() if k not in ("reviewed_at", "at")):
                continue  # the same review imported again: nothing to change
            db[table].upsert(row, pk="id")
            changed += 1
    return changed


def _exists(db: sqlite_utils.Database, table: str, row_id: str) -> bool:
    return db.execute(f"select 1 from [{table}] where id = ?", [row_id]).fetchone() is not None
