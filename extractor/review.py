"""The review loop: export a JSON file reviewers edit, import it back as corrections.

Import validates the whole file first (every error names its JSON path and item id) and
writes nothing unless all of it is valid; corrections are stored beside the machine values
(catalogue tables `reviews`, `corrections`, `added_targets`), so no re-run overwrites them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .atomic import write_text_atomic
from .catalogue import Catalogue, stable_id
from .errors import ReviewError
from .models import (
    REVIEW_SCHEMA_VERSION, DecidedBy, DocumentOutput, PlanFields, ReferenceFields, ReviewDocument,
    ReviewFile, ReviewPlan, ReviewTarget, TargetCorrection, TargetFields,
)
from .sentences import sentence_spans

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "review-file.schema.json"
PLAN_FIELDS = tuple(PlanFields.model_fields)
LOW_CONFIDENCE_SQL = "(t.indicator = 'other' or t.rule_id like 'unit-%' or t.rule_id like 'word-%' or t.rule_id like 'fraction-%')"


@dataclass(frozen=True)
class ReviewFilter:
    province: str | None = None
    year: int | None = None
    indicator: str | None = None
    document: str | None = None
    status: str | None = None  # pending | reviewed
    low_confidence: bool = False
    sample_targets: int | None = None  # this many targets drawn at random (to measure precision)
    sample_documents: int | None = None  # this many documents drawn at random, whole (to measure recall)
    seed: int = 0  # of the random draw: the same seed draws the same sample


@dataclass
class ImportReport:
    applied: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)

    def describe(self) -> str:
        lines = [f"{self.applied} rows written, {self.unchanged} items unchanged, "
                 f"{len(self.conflicts)} conflicts, {len(self.disagreements)} disagreements"]
        lines += [f"  conflict: {c}" for c in self.conflicts]
        lines += [f"  disagreement: {d}" for d in self.disagreements]
        return "\n".join(lines)


def row_hash(values: dict) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()[:16]


# ---------------------------------------------------------------- export


def build_review(catalogue: Catalogue, filters: ReviewFilter, batch: str, schema_ref: str) -> ReviewFile:
    where, params = ["1 = 1"], []
    if filters.province:
        where.append("lower(p.place) = lower(?)")
        params.append(filters.province)
    if filters.year:
        where.append("exists(select 1 from targets t where t.document_id = d.id and t.year = ?)")
        params.append(filters.year)
    if filters.indicator:
        where.append("exists(select 1 from targets t where t.document_id = d.id and t.indicator = ?)")
        params.append(filters.indicator)
    if filters.document:
        where.append("(d.id = ? or d.name = ?)")
        params += [filters.document, filters.document]
    documents = catalogue.rows(
        "select d.id, d.name, d.source, d.title, d.text, p.symbol, p.doc_type, p.issued, p.issuer_body, "
        "p.issuer_level, p.place, p.period_start, p.period_end from documents d join plans p on p.document_id = d.id "
        f"where {' and '.join(where)} order by d.name",
        params,
    )
    exported = []
    for doc in documents:
        targets = [t for t in catalogue.rows(
            f"select t.*, {LOW_CONFIDENCE_SQL} as low, exists(select 1 from reviews r where r.item_id = t.id) as reviewed "
            "from targets t where t.document_id = ? order by t.evidence_start", [doc["id"]]
        ) if _selected(t, filters)]
        if not targets and (filters.indicator or filters.year or filters.low_confidence or filters.status):
            continue
        plan = PlanFields(**{k: doc[k] for k in PLAN_FIELDS})
        exported.append(ReviewDocument(
            document_id=doc["id"], name=doc["name"], source=doc["source"], title=doc["title"],
            plan=ReviewPlan(row_hash=row_hash(plan.model_dump(mode="json")), machine=plan),
            targets=[_review_target(t, doc["text"]) for t in targets],
        ))
    return ReviewFile(
        schema_=schema_ref, schema_version=REVIEW_SCHEMA_VERSION, batch=batch,
        exported_at=dt.datetime.now(dt.timezone.utc), documents=_sampled(exported, filters),
    )


def _sampled(documents: list[ReviewDocument], filters: ReviewFilter) -> list[ReviewDocument]:
    """A random draw, fixed by its seed: whole documents, or targets (with their documents)."""
    draw = random.Random(filters.seed)
    if filters.sample_documents is not None:
        chosen = {d.document_id for d in draw.sample(documents, min(filters.sample_documents, len(documents)))}
        documents = [d for d in documents if d.document_id in chosen]
    if filters.sample_targets is not None:
        items = [t.id for d in documents for t in d.targets]
        chosen = set(draw.sample(items, min(filters.sample_targets, len(items))))
        documents = [d.model_copy(update={"targets": [t for t in d.targets if t.id in chosen]}) for d in documents]
        documents = [d for d in documents if d.targets]
    return documents


def _selected(target: dict, filters: ReviewFilter) -> bool:
    if filters.indicator and target["indicator"] != filters.indicator:
        return False
    if filters.year and target["year"] != filters.year:
        return False
    if filters.low_confidence and not target["low"]:
        return False
    if filters.status == "pending" and target["reviewed"]:
        return False
    if filters.status == "reviewed" and not target["reviewed"]:
        return False
    return True


def _machine_target(row: dict) -> TargetFields:
    return TargetFields(**{k: row[k] for k in TargetFields.model_fields if k != "per_year"}, per_year=bool(row["per_year"]))


def _review_target(row: dict, text: str) -> ReviewTarget:
    machine = _machine_target(row)
    return ReviewTarget(
        id=row["id"], row_hash=row_hash(machine.model_dump(mode="json")), machine=machine,
        evidence=marked_sentence(text, row["evidence_start"], row["evidence_end"]),
        decided_by=DecidedBy(modality=row.get("modality_rule"), indicator=row.get("indicator_rule")),
    )


def marked_sentence(text: str, start: int, end: int) -> str:
    """The sentence around a span, with the span between ⟦ and ⟧."""
    s_start, s_end = next(((s, e) for s, e in sentence_spans(text) if s <= start < e), (start, end))
    s_end = max(s_end, end)
    return f"{text[s_start:start]}⟦{text[start:end]}⟧{text[end:s_end]}"


def write_review(path: Path, review: ReviewFile) -> None:
    """UTF-8, readable, written atomically (temporary file, then rename)."""
    write_text_atomic(path, json.dumps(review.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=2) + "\n")


def export_review(catalogue: Catalogue, path: Path, filters: ReviewFilter, batch: str | None = None) -> ReviewFile:
    batch = batch or dt.datetime.now(dt.timezone.utc).strftime("batch-%Y%m%dT%H%M%S")
    schema_ref = os.path.relpath(SCHEMA_PATH, path.resolve().parent)
    review = build_review(catalogue, filters, batch, schema_ref)
    write_review(path, review)
    items = [t.id for d in review.documents for t in d.targets] + [d.document_id for d in review.documents]
    catalogue.record_batch(batch, {k: v for k, v in filters.__dict__.items() if v}, items)
    return review


# ---------------------------------------------------------------- import


def parse_review(path: Path, data: bytes) -> ReviewFile:
    """Parse and validate; every problem named by file, JSON path and item id."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ReviewError(f"{path}: not UTF-8 at byte {exc.start}") from exc
    except json.JSONDecodeError as exc:
        raise ReviewError(f"{path}:{exc.lineno}:{exc.colno}: not valid JSON (truncated or hand-broken?): {exc.msg}") from exc
    if not isinstance(raw, dict):
        raise ReviewError(f"{path}: a review file is a JSON object, found {type(raw).__name__}")
    version = raw.get("schema_version")
    if version != REVIEW_SCHEMA_VERSION:
        raise ReviewError(f"{path}: schema_version {version!r}; this chitieu reads version {REVIEW_SCHEMA_VERSION}")
    try:
        return ReviewFile.model_validate(raw)
    except ValidationError as exc:
        problems = [_describe_error(raw, error) for error in exc.errors()]
        raise ReviewError(f"{path}: {len(problems)} problem(s):\n" + "\n".join(problems)) from exc


def _describe_error(raw: dict, error: dict) -> str:
    loc = error["loc"]
    json_path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc)
    item = _item_id(raw, loc)
    expected = error["msg"]
    return f"  {json_path}{f' (item {item})' if item else ''}: {expected}"


def _item_id(raw: dict, loc: tuple) -> str | None:
    node, found = raw, None
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict):
            found = node.get("id") or node.get("document_id") or found
    return found


def import_review(catalogue: Catalogue, path: Path) -> ImportReport:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReviewError(f"{path}: cannot read: {exc.strerror}") from exc
    review = parse_review(path, data)
    plan = _plan_writes(catalogue, path, review)
    if path.read_bytes() != data:
        raise ReviewError(f"{path}: the file changed while it was being imported; nothing was written, import it again")
    plan.report.applied = catalogue.apply_review(plan.reviews, plan.corrections, plan.added)
    return plan.report


@dataclass
class _Writes:
    reviews: list[dict] = field(default_factory=list)
    corrections: list[dict] = field(default_factory=list)
    added: list[dict] = field(default_factory=list)
    report: ImportReport = field(default_factory=ImportReport)


def _plan_writes(catalogue: Catalogue, path: Path, review: ReviewFile) -> _Writes:
    """Check every item against the catalogue and prepare the rows; raise before any write."""
    writes, problems = _Writes(), []
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    reviewer = review.reviewer
    touched = any(
        d.plan.status != "pending" or d.added_targets or any(t.status != "pending" for t in d.targets) for d in review.documents
    )
    if touched and not (reviewer and reviewer.strip()):
        problems.append("  $.reviewer: sign the file with your name before importing")
    for i, doc in enumerate(review.documents):
        rows = catalogue.rows("select id, source, text from documents where id = ?", [doc.document_id])
        if not rows:
            problems.append(f"  $.documents[{i}].document_id (item {doc.document_id}): no such document in the catalogue")
            continue
        document = rows[0]
        current = {t["id"]: t for t in catalogue.rows("select * from targets where document_id = ?", [doc.document_id])}
        plan_row = catalogue.rows("select * from plans where document_id = ?", [doc.document_id])[0]
        base = {"document_id": doc.document_id, "source": document["source"], "batch": review.batch, "reviewer": reviewer}
        _plan_item(writes, doc, plan_row, base, now, i)
        for j, item in enumerate(doc.targets):
            row = current.get(item.id)
            if row is None:
                problems.append(f"  $.documents[{i}].targets[{j}].id (item {item.id}): no such target in this document")
                continue
            if row_hash(_machine_target(row).model_dump(mode="json")) != item.row_hash:
                writes.report.conflicts.append(f"{doc.name}: target {item.id} changed since export; re-export and review it again")
                continue
            if item.status == "pending":
                writes.report.unchanged += 1
                continue
            _target_item(catalogue, writes, item, row, base, now)
        for k, added in enumerate(doc.added_targets):
            start = document["text"].find(added.quote)
            where = f"$.documents[{i}].added_targets[{k}].quote"
            if start < 0:
                problems.append(f"  {where}: the quote is not in document {doc.name}")
                continue
            if document["text"].find(added.quote, start + 1) >= 0:
                problems.append(f"  {where}: the quote occurs more than once in {doc.name}; quote a longer stretch")
                continue
            missing = [f for f in ("indicator", "value_min", "value_max", "unit") if getattr(added.fields, f) is None]
            if missing:
                problems.append(f"  {where}: an added target needs {', '.join(missing)}")
                continue
            writes.added.append({
                "id": stable_id(doc.document_id, added.quote, reviewer), "document_id": doc.document_id,
                "source": document["source"], "quote": added.quote, "start": start, "end": start + len(added.quote),
                "fields": added.fields.model_dump_json(exclude_none=True), "reviewer": reviewer, "batch": review.batch,
                "note": added.note, "at": now, "anchor": "attached",
            })
    if problems:
        raise ReviewError(f"{path}: {len(problems)} problem(s), nothing was written:\n" + "\n".join(problems))
    return writes


def _plan_item(writes: _Writes, doc: ReviewDocument, plan_row: dict, base: dict, now: str, index: int) -> None:
    if doc.plan.status == "pending":
        return
    machine = PlanFields(**{k: plan_row[k] for k in PLAN_FIELDS})
    if row_hash(machine.model_dump(mode="json")) != doc.plan.row_hash:
        writes.report.conflicts.append(f"{doc.name}: plan changed since export; re-export and review it again")
        return
    item_id = plan_row["id"]
    writes.reviews.append({**base, "id": stable_id(item_id, base["reviewer"], base["batch"]), "item_kind": "plan",
                           "item_id": item_id, "status": doc.plan.status, "reason": None, "note": doc.plan.note,
                           "row_hash": doc.plan.row_hash, "evidence_text": None, "reviewed_at": now, "anchor": "attached"})
    for name, value in doc.plan.corrections.model_dump(mode="json", exclude_none=True).items():
        writes.corrections.append(_correction(base, "plan", item_id, name, getattr(machine, name), value, None, doc.plan.note, now))


def _target_item(catalogue: Catalogue, writes: _Writes, item: ReviewTarget, row: dict, base: dict, now: str) -> None:
    writes.reviews.append({**base, "id": stable_id(item.id, base["reviewer"], base["batch"]), "item_kind": "target",
                           "item_id": item.id, "status": item.status, "reason": item.reason, "note": item.note,
                           "row_hash": item.row_hash, "evidence_text": row["evidence_text"], "reviewed_at": now,
                           "anchor": "attached"})
    for name, value in item.corrections.model_dump(exclude_none=True).items():
        machine_value = bool(row[name]) if name == "per_year" else row[name]
        others = catalogue.rows(
            "select reviewer, corrected_value from corrections where item_id = ? and field = ? and reviewer != ?",
            [item.id, name, base["reviewer"]],
        )
        for other in others:
            if json.loads(other["corrected_value"]) != value:
                writes.report.disagreements.append(
                    f"target {item.id} {name}: {other['reviewer']} says {json.loads(other['corrected_value'])!r}, "
                    f"{base['reviewer']} says {value!r} (both kept)"
                )
        writes.corrections.append(_correction(base, "target", item.id, name, machine_value, value, row["evidence_text"], item.note, now))


def _correction(base: dict, kind: str, item_id: str, name: str, machine, value, evidence, note, now) -> dict:
    return {
        "id": stable_id(item_id, name, json.dumps(value, default=str), base["reviewer"]),
        "item_kind": kind, "item_id": item_id, "document_id": base["document_id"], "source": base["source"],
        "field": name, "machine_value": json.dumps(machine, ensure_ascii=False, default=str),
        "corrected_value": json.dumps(value, ensure_ascii=False, default=str), "evidence_text": evidence,
        "reviewer": base["reviewer"], "batch": base["batch"], "note": note, "at": now, "anchor": "attached",
    }


# ---------------------------------------------------------------- effective values, status, gold


def effective_outputs(catalogue: Catalogue, reviewed_only: bool = True) -> list[DocumentOutput]:
    """Documents in gold format with corrections overlaid; rejected targets dropped, added ones in."""
    where = "where exists(select 1 from reviews r where r.document_id = d.id)" if reviewed_only else ""
    outputs = []
    for doc in catalogue.rows(f"select d.id, d.name from documents d {where} order by d.name"):
        plan = catalogue.rows("select * from plans where document_id = ?", [doc["id"]])[0]
        plan_values = {k: plan[k] for k in PLAN_FIELDS}
        for row in catalogue.rows(
            "select field, corrected_value from corrections where item_id = ? and anchor = 'attached' order by at", [plan["id"]]
        ):
            plan_values[row["field"]] = json.loads(row["corrected_value"])
        targets = [
            TargetFields(**{**{k: t[k] for k in TargetFields.model_fields}, "per_year": bool(t["per_year"])})
            for t in catalogue.rows(
                "select * from targets_effective where document_id = ? and not rejected order by evidence_start", [doc["id"]]
            )
        ]
        for added in catalogue.rows(
            "select quote, fields from added_targets where document_id = ? and anchor = 'attached' order by start", [doc["id"]]
        ):
            fields = TargetCorrection.model_validate_json(added["fields"]).model_dump(exclude_none=True)
            fields = {"scope": "all", "change": "level", "bound": "exact", "per_year": False,
                      "year": plan_values.get("period_end"), **fields}
            targets.append(TargetFields(text=added["quote"], **fields))
        references = [
            ReferenceFields(symbol=r["symbol"], doc_type=r["doc_type"], issued=r["issued"])
            for r in catalogue.rows("select * from [references] where document_id = ?", [doc["id"]])
        ]
        outputs.append(DocumentOutput(doc=doc["name"], plan=PlanFields(**plan_values), references=references, targets=targets))
    return outputs


def review_status(catalogue: Catalogue) -> list[dict]:
    """Per batch and reviewer: items exported, reviewed (by status), pending; re-review needed."""
    rows = []
    for batch in catalogue.rows("select id, exported_at, items from review_batches order by exported_at"):
        items = json.loads(batch["items"])
        by_reviewer = catalogue.rows(
            "select coalesce(reviewer, '-') as reviewer, status, count(*) as n from reviews where batch = ? "
            "group by reviewer, status", [batch["id"]]
        )
        reviewed_items = {r["item_id"] for r in catalogue.rows("select item_id from reviews where batch = ?", [batch["id"]])}
        rows.append({
            "batch": batch["id"], "exported_at": batch["exported_at"], "items": len(items),
            "pending": len([i for i in items if i not in reviewed_items]),
            "by_reviewer": {f"{r['reviewer']}:{r['status']}": r["n"] for r in by_reviewer},
        })
    needs = catalogue.rows("select count(*) as n from corrections where anchor = 'needs_review'")[0]["n"]
    needs += catalogue.rows("select count(*) as n from added_targets where anchor = 'needs_review'")[0]["n"]
    rows.append({"batch": "(all)", "needs_review": needs})
    return rows
