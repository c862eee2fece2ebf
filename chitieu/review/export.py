"""Export a review file: the documents and targets a filter selects, each target with the
sentence it stands in and the rules that decided it, ready for a reviewer to judge."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from dataclasses import dataclass
from pathlib import Path

from ..catalogue import Catalogue
from ..models import (
    REVIEW_SCHEMA_VERSION, DecidedBy, PlanFields, ReviewDocument, ReviewFile, ReviewPlan, ReviewTarget, TargetFields,
)
from ..sentences import sentence_spans
from ..text import folded
from .files import schema_ref, write_review

PLAN_FIELDS = tuple(PlanFields.model_fields)
# no specific phrase named the indicator, or the number was read by a looser rule
LOW_CONFIDENCE_SQL = "(t.indicator = 'other' or t.rule_id like 'unit-%' or t.rule_id like 'word-%' or t.rule_id like 'fraction-%')"


@dataclass(frozen=True)
class ReviewFilter:
    province: str | None = None  # the plan's place or the province it lies in; accents and case ignored
    year: int | None = None
    indicator: str | None = None
    document: str | None = None
    status: str | None = None  # pending | reviewed
    low_confidence: bool = False
    sample_targets: int | None = None  # this many targets drawn at random (to measure precision)
    sample_documents: int | None = None  # this many documents drawn at random, whole (to measure recall)
    seed: int = 0  # of the random draw: the same seed draws the same sample


def row_hash(values: dict) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()[:16]


def machine_target(row: dict) -> TargetFields:
    return TargetFields(**{k: row[k] for k in TargetFields.model_fields if k != "per_year"}, per_year=bool(row["per_year"]))


def build_review(catalogue: Catalogue, filters: ReviewFilter, batch: str) -> ReviewFile:
    where, params = ["1 = 1"], []
    if filters.document:
        where.append("(d.id = ? or d.name = ?)")
        params += [filters.document, filters.document]
    documents = catalogue.rows(
        "select d.id, d.name, d.source, d.title, d.text, p.symbol, p.doc_type, p.issued, p.issuer_body, "
        "p.issuer_level, p.place, p.period_start, p.period_end, pl.province from documents d "
        "join plans p on p.document_id = d.id left join places pl on pl.id = p.place_id "
        f"where {' and '.join(where)} order by d.name",
        params,
    )
    wanted = folded(filters.province)
    exported = []
    for doc in documents:
        if wanted and wanted not in (folded(doc["place"]), folded(doc["province"])):
            continue
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
        schema_=schema_ref(), schema_version=REVIEW_SCHEMA_VERSION, batch=batch,
        exported_at=dt.datetime.now(dt.timezone.utc), documents=_sampled(exported, filters),
    )


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


def _review_target(row: dict, text: str) -> ReviewTarget:
    machine = machine_target(row)
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


def export_review(catalogue: Catalogue, path: Path, filters: ReviewFilter, batch: str | None = None) -> ReviewFile:
    """Write the review file of what `filters` select (nothing is written when nothing matches)."""
    batch = batch or dt.datetime.now(dt.timezone.utc).strftime("batch-%Y%m%dT%H%M%S")
    review = build_review(catalogue, filters, batch)
    if not review.documents:
        return review
    write_review(path, review)
    plans = [row["id"] for d in review.documents for row in catalogue.rows("select id from plans where document_id = ?", [d.document_id])]
    items = [t.id for d in review.documents for t in d.targets] + plans
    catalogue.record_batch(batch, {k: v for k, v in filters.__dict__.items() if v}, items)
    return review
