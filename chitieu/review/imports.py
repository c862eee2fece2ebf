"""Import a review file: check all of it, then write its decisions beside the machine rows.

Nothing is written when any item is wrong (each problem names its JSON path and item): work
left on a pending item, an edit typed into a `machine` block, a decision without what it needs
(a correction, a reason), a value that means nothing (an unknown indicator, value_min above
value_max) or a quote not in the document (the nearest stretch is named). Items whose machine
row changed since export are conflicts, and items whose document or target is gone are listed:
neither is written, the rest is. Two reviewers who disagree are both kept and reported; a file
marked `adjudication` settles it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue import Catalogue, find_quote, quote_key, row_hash, stable_id
from ..errors import ReviewError
from ..models import AddedTarget, PlanFields, ReviewDocument, ReviewFile, ReviewTarget
from .export import PLAN_FIELDS, machine_target
from .files import parse_review

NEAREST_WINDOW = 400  # characters of the document the nearest match of a stray quote is looked for in


@dataclass
class ImportReport:
    applied: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)
    not_applied: list[str] = field(default_factory=list)

    def describe(self) -> str:
        lines = [f"{self.applied} rows written, {self.unchanged} items unchanged, {len(self.conflicts)} conflicts, "
                 f"{len(self.disagreements)} disagreements, {len(self.not_applied)} not applied"]
        lines += [f"  conflict: {c}" for c in self.conflicts]
        lines += [f"  disagreement: {d}" for d in self.disagreements]
        lines += [f"  not applied: {n}" for n in self.not_applied]
        return "\n".join(lines)


@dataclass
class _Writes:
    reviews: list[dict] = field(default_factory=list)
    corrections: list[dict] = field(default_factory=list)
    added: list[dict] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)  # added targets the reviewer's file no longer holds
    problems: list[str] = field(default_factory=list)
    report: ImportReport = field(default_factory=ImportReport)


@dataclass(frozen=True)
class _Context:
    """What every row of one import shares."""

    batch: str
    reviewer: str | None
    adjudication: bool
    now: str
    indicators: frozenset[str]


def import_review(catalogue: Catalogue, path: Path) -> ImportReport:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReviewError(f"{path}: cannot read: {exc.strerror}") from exc
    review = parse_review(path, data)
    writes = _plan_writes(catalogue, review)
    if writes.problems:
        raise ReviewError(f"{path}: {len(writes.problems)} problem(s), nothing was written:\n" + "\n".join(writes.problems))
    if path.read_bytes() != data:
        raise ReviewError(f"{path}: the file changed while it was being imported; nothing was written, import it again")
    writes.report.applied = catalogue.apply_review(writes.reviews, writes.corrections, writes.added, writes.withdrawn)
    return writes.report


def _plan_writes(catalogue: Catalogue, review: ReviewFile) -> _Writes:
    """Check every item against the catalogue and prepare the rows; nothing is written here."""
    writes = _Writes()
    context = _Context(review.batch, review.reviewer, review.adjudication,
                       dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                       frozenset(r["code"] for r in catalogue.rows("select code from indicators")))
    if _touched(review) and not (review.reviewer and review.reviewer.strip()):
        writes.problems.append("  $.reviewer: sign the file with your name before importing")
    for i, doc in enumerate(review.documents):
        rows = catalogue.rows("select id, source, name, text from documents where id = ?", [doc.document_id])
        rows = rows or catalogue.rows("select id, source, name, text from documents where source = ?", [doc.source])  # re-extracted since
        if not rows:
            if _document_touched(doc):
                writes.report.not_applied.append(f"{doc.name}: the document is no longer in the catalogue")
            continue
        _document(catalogue, writes, context, doc, rows[0], f"$.documents[{i}]")
    return writes


def _touched(review: ReviewFile) -> bool:
    return any(_document_touched(d) for d in review.documents)


def _document_touched(doc: ReviewDocument) -> bool:
    return bool(doc.plan.status != "pending" or doc.note or doc.added_targets or any(t.status != "pending" for t in doc.targets))


def _document(catalogue: Catalogue, writes: _Writes, context: _Context, doc: ReviewDocument, document: dict, where: str) -> None:
    base = {"document_id": document["id"], "source": document["source"], "batch": context.batch, "reviewer": context.reviewer}
    if doc.note:
        writes.reviews.append(_review_row(base, context, "document", document["id"], "noted", None, doc.note, None, None))
    current = {t["id"]: t for t in catalogue.rows("select * from targets where document_id = ?", [document["id"]])}
    plan_row = catalogue.rows("select * from plans where document_id = ?", [document["id"]])[0]
    _plan_item(writes, context, doc, plan_row, base, f"{where}.plan")
    by_row = {}
    for target in current.values():
        by_row.setdefault(row_hash(machine_target(target).model_dump(mode="json")), []).append(target)
    for j, item in enumerate(doc.targets):
        _target_item(catalogue, writes, context, item, _same_target(item, current, by_row), base, document, f"{where}.targets[{j}]")
    for k, added in enumerate(doc.added_targets):
        _added_item(writes, context, added, document, base, f"{where}.added_targets[{k}]")
    # the file is the reviewer's word for this batch: an added target it no longer holds (its
    # quote edited, or deleted) is withdrawn, not kept beside the new one
    kept = {row["id"] for row in writes.added if row["document_id"] == document["id"]}
    writes.withdrawn += [row["id"] for row in catalogue.rows(
        "select id from added_targets where document_id = ? and reviewer = ? and batch = ? and anchor = 'attached'",
        [document["id"], context.reviewer, context.batch]) if row["id"] not in kept]


def _same_target(item: ReviewTarget, current: dict[str, dict], by_row: dict[str, list[dict]]) -> dict | None:
    """The target an item was exported from: by id, else (re-extracted under a new id) the one
    target whose machine row is the one the reviewer saw."""
    if item.id in current:
        return current[item.id]
    same = by_row.get(item.row_hash, [])
    return same[0] if len(same) == 1 else None


def _plan_item(writes: _Writes, context: _Context, doc: ReviewDocument, plan_row: dict, base: dict, where: str) -> None:
    plan = doc.plan
    changes = plan.corrections.model_dump(mode="json", exclude_none=True, exclude={"clear"})
    if plan.status == "pending":
        if changes or plan.corrections.clear:
            writes.problems.append(f"  {where}.corrections: corrections on a plan left pending; set its status to corrected")
        return
    machine = PlanFields(**{k: plan_row[k] for k in PLAN_FIELDS})
    if row_hash(plan.machine.model_dump(mode="json")) != plan.row_hash:
        writes.problems.append(f"  {where}.machine: the machine block was edited; put changes in corrections")
        return
    if row_hash(machine.model_dump(mode="json")) != plan.row_hash:
        writes.report.conflicts.append(f"{doc.name}: plan changed since export; re-export and review it again")
        return
    if plan.status == "corrected" and not (changes or plan.corrections.clear):
        writes.problems.append(f"  {where}: status corrected without corrections")
        return
    changes.update({name: None for name in plan.corrections.clear})
    start, end = changes.get("period_start", machine.period_start), changes.get("period_end", machine.period_end)
    if start is not None and end is not None and start > end:
        writes.problems.append(f"  {where}.corrections: period_start {start} is after period_end {end}")
        return
    item_id = plan_row["id"]
    writes.reviews.append(_review_row(base, context, "plan", item_id, plan.status, None, plan.note, plan.row_hash, None))
    for name, value in changes.items():
        writes.corrections.append(_correction(base, context, "plan", item_id, name, machine.model_dump(mode="json")[name], value, None, plan.note))


def _target_item(catalogue: Catalogue, writes: _Writes, context: _Context, item: ReviewTarget, row: dict | None,
                 base: dict, document: dict, where: str) -> None:
    changes = item.corrections.model_dump(exclude_none=True, exclude={"clear"})
    if item.status == "pending":
        if changes or item.corrections.clear or item.reason:
            writes.problems.append(f"  {where} (item {item.id}): corrections or a reason on an item left pending; set its status")
        else:
            writes.report.unchanged += 1
        return
    if row is None:
        writes.report.not_applied.append(f"{document['name']}: target {item.id} ({item.machine.text!r}) is gone since export")
        return
    if row_hash(item.machine.model_dump(mode="json")) != item.row_hash:
        writes.problems.append(f"  {where}.machine (item {item.id}): the machine block was edited; put changes in corrections")
        return
    if row_hash(machine_target(row).model_dump(mode="json")) != item.row_hash:
        writes.report.conflicts.append(f"{document['name']}: target {item.id} changed since export; re-export and review it again")
        return
    problem = _decision_problem(item, changes, context, row, document)
    if problem:
        writes.problems.append(f"  {where} (item {item.id}): {problem}")
        return
    changes.update({name: None for name in item.corrections.clear})
    _report_disagreements(catalogue, writes, context, item, changes)
    writes.reviews.append({**_review_row(base, context, "target", item.id, item.status, item.reason, item.note, item.row_hash,
                                         row["evidence_text"]), "sentence": row["sentence"]})
    for name, value in changes.items():
        machine_value = bool(row[name]) if name == "per_year" else row[name]
        writes.corrections.append({**_correction(base, context, "target", item.id, name, machine_value, value, row["evidence_text"],
                                                 item.note), "sentence": row["sentence"]})


def _decision_problem(item: ReviewTarget, changes: dict, context: _Context, row: dict, document: dict) -> str | None:
    """What is wrong with a decision, in the reviewer's terms; None when it can be stored."""
    if item.status == "corrected" and not (changes or item.corrections.clear):
        return "status corrected without corrections"
    if item.status == "accepted" and (changes or item.corrections.clear):
        return "accepted with corrections; set its status to corrected"
    if item.status == "rejected" and not (item.reason and item.reason.strip()):
        return "rejected without a reason"
    indicator = changes.get("indicator")
    if indicator and indicator not in context.indicators:
        nearest = difflib.get_close_matches(indicator, sorted(context.indicators), n=1)
        return f"unknown indicator {indicator!r}" + (f"; did you mean {nearest[0]!r}?" if nearest else "")
    low, high = changes.get("value_min", row["value_min"]), changes.get("value_max", row["value_max"])
    if low > high:
        return f"value_min {low:g} is above value_max {high:g}"
    if "text" in changes:
        return _quote_problem(document, changes["text"])
    return None


def _quote_problem(document: dict, quote: str) -> str | None:
    starts = find_quote(document["text"], quote)
    if len(starts) == 1:
        return None
    if starts:
        return f"the quote occurs {len(starts)} times in {document['name']}; quote a longer stretch"
    return f"the quote is not in {document['name']}" + _nearest(document["text"], quote)


def _nearest(text: str, quote: str) -> str:
    """The stretch of `text` most like `quote`, for the reviewer to copy."""
    wanted = quote_key(quote)
    matcher = difflib.SequenceMatcher(None, quote_key(text), wanted, autojunk=False)
    block = max(matcher.get_matching_blocks(), key=lambda b: b.size)
    if block.size < 3:
        return ""
    haystack = quote_key(text)
    start = max(0, block.a - block.b)
    candidate = haystack[start : start + len(wanted)]
    return f"; nearest: {candidate!r}"


def _added_item(writes: _Writes, context: _Context, added: AddedTarget, document: dict, base: dict, where: str) -> None:
    problem = _quote_problem(document, added.quote)
    fields = added.fields
    if problem:
        writes.problems.append(f"  {where}.quote: {problem}")
        return
    missing = [f for f in ("indicator", "value_min", "value_max", "unit") if getattr(fields, f) is None]
    if missing:
        writes.problems.append(f"  {where}: an added target needs {', '.join(missing)}")
        return
    if fields.indicator not in context.indicators:
        writes.problems.append(f"  {where}.fields.indicator: unknown indicator {fields.indicator!r}")
        return
    if fields.value_min > fields.value_max:
        writes.problems.append(f"  {where}.fields: value_min {fields.value_min:g} is above value_max {fields.value_max:g}")
        return
    [start] = find_quote(document["text"], added.quote)
    end = start + len(quote_key(added.quote))
    writes.added.append({
        "id": stable_id(document["id"], quote_key(added.quote), context.reviewer), "document_id": document["id"],
        "source": document["source"], "quote": document["text"][start:end], "start": start, "end": end,
        "fields": fields.model_dump_json(exclude_none=True, exclude={"clear"}), "reviewer": context.reviewer,
        "batch": context.batch, "note": added.note, "at": context.now, "anchor": "attached",
    })


def _report_disagreements(catalogue: Catalogue, writes: _Writes, context: _Context, item: ReviewTarget, changes: dict) -> None:
    if context.adjudication:
        return  # an adjudication settles disagreements; it does not add one
    mine = "rejected" if item.status == "rejected" else "kept"
    for other in catalogue.rows(
        "select reviewer, status from reviews where item_id = ? and reviewer != ? and anchor = 'attached'", [item.id, context.reviewer]
    ):
        theirs = "rejected" if other["status"] == "rejected" else "kept"
        if theirs != mine:
            writes.report.disagreements.append(
                f"target {item.id}: {other['reviewer']} {other['status']}, {context.reviewer} {item.status} (both kept; adjudicate)")
    for name, value in changes.items():
        for other in catalogue.rows(
            "select reviewer, corrected_value from corrections where item_id = ? and field = ? and reviewer != ?",
            [item.id, name, context.reviewer],
        ):
            if other["corrected_value"] != _json(value):
                writes.report.disagreements.append(
                    f"target {item.id} {name}: {other['reviewer']} says {other['corrected_value']}, "
                    f"{context.reviewer} says {_json(value)} (both kept; adjudicate)")


def _review_row(base: dict, context: _Context, kind: str, item_id: str, status: str, reason, note, hash_, evidence) -> dict:
    return {**base, "id": stable_id(item_id, context.reviewer, context.batch), "item_kind": kind, "item_id": item_id,
            "status": status, "reason": reason, "note": note, "row_hash": hash_, "evidence_text": evidence,
            "reviewed_at": context.now, "anchor": "attached", "adjudicated": int(context.adjudication)}


def _correction(base: dict, context: _Context, kind: str, item_id: str, name: str, machine, value, evidence, note) -> dict:
    return {
        "id": stable_id(item_id, name, _json(value), context.reviewer), "item_kind": kind, "item_id": item_id,
        "document_id": base["document_id"], "source": base["source"], "field": name, "machine_value": _json(machine),
        "corrected_value": _json(value), "evidence_text": evidence, "reviewer": context.reviewer, "batch": context.batch,
        "note": note, "at": context.now, "anchor": "attached", "adjudicated": int(context.adjudication),
    }


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
