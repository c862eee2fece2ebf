"""Reviewed documents as gold: only what a person confirmed, in reading order, checked before
anything is written (the checks of the project's gold checker)."""

from __future__ import annotations

import json
from pathlib import Path

from ..atomic import write_text_atomic
from ..catalogue import Catalogue
from ..errors import ReviewError
from ..models import DocumentOutput, PlanFields, ReferenceFields, TargetCorrection, TargetFields
from .export import PLAN_FIELDS


def effective_outputs(catalogue: Catalogue, batch: str | None = None) -> list[tuple[DocumentOutput, str]]:
    """(gold output, document text) of every document a person reviewed (in `batch`, when
    given: a batch of whole documents): its confirmed targets (accepted or corrected, not
    disputed) and the targets added, in reading order; its plan with the corrections overlaid."""
    outputs = []
    for doc in _reviewed_documents(catalogue, batch):
        plan = _plan(catalogue, doc["id"])
        located = [(_position(doc["text"], t["text"], t["evidence_start"]), _target(t)) for t in catalogue.rows(
            "select * from targets_effective where document_id = ? and confirmed and not disputed", [doc["id"]])]
        for added in catalogue.rows("select * from added_targets where document_id = ? and anchor = 'attached'", [doc["id"]]):
            fields = TargetCorrection.model_validate_json(added["fields"]).model_dump(exclude_none=True, exclude={"clear", "text"})
            fields = {"scope": "all", "change": "level", "bound": "exact", "per_year": False, "year": plan.period_end, **fields}
            located.append((added["start"], TargetFields(text=added["quote"], **fields)))
        references = [
            ReferenceFields(symbol=r["symbol"], doc_type=r["doc_type"], issued=r["issued"])
            for r in catalogue.rows("select * from [references] where document_id = ?", [doc["id"]])
        ]
        targets = [t for _, t in sorted(located, key=lambda item: item[0])]
        outputs.append((DocumentOutput(doc=doc["name"], plan=plan, references=references, targets=targets), doc["text"]))
    return outputs


def _position(text: str, target_text: str, machine_start: int) -> int:
    """Where a confirmed target stands in reading order: a text a reviewer corrected quotes a
    string found once on the page (the headline that first states a figure the body repeats)."""
    at = text.find(target_text)
    return at if at >= 0 and text.find(target_text, at + 1) < 0 else machine_start


def _reviewed_documents(catalogue: Catalogue, batch: str | None) -> list[dict]:
    """Documents with a decision or an added target; with `batch`, every document of that batch
    of whole documents whose targets were all decided (a page with none read whole counts)."""
    if batch is None:
        return catalogue.rows(
            "select d.id, d.name, d.text from documents d where exists(select 1 from reviews r where r.document_id = d.id "
            "and r.item_kind in ('target', 'plan') and r.anchor = 'attached') or exists(select 1 from added_targets a "
            "where a.document_id = d.id and a.anchor = 'attached') order by d.name")
    rows = catalogue.rows("select items from review_batches where id = ?", [batch])
    if not rows:
        raise ReviewError(f"no review batch {batch!r} in the catalogue")
    items = set(json.loads(rows[0]["items"]))
    decided = {r["item_id"] for r in catalogue.rows("select item_id from reviews where batch = ? and anchor = 'attached'", [batch])}
    documents = []
    for doc in catalogue.rows("select d.id, d.name, d.text, p.id as plan_id from documents d join plans p on p.document_id = d.id order by d.name"):
        targets = {t["id"] for t in catalogue.rows("select id from targets where document_id = ?", [doc["id"]])} & items
        if (doc["plan_id"] in items or doc["id"] in items or targets) and targets <= decided:  # (batches once listed documents)
            documents.append(doc)
    return documents


def _plan(catalogue: Catalogue, document_id: str) -> PlanFields:
    plan = catalogue.rows("select * from plans where document_id = ?", [document_id])[0]
    values = {k: plan[k] for k in PLAN_FIELDS}
    for row in catalogue.rows(
        "select field, corrected_value from corrections where item_id = ? and anchor = 'attached' order by adjudicated, at", [plan["id"]]
    ):
        values[row["field"]] = json.loads(row["corrected_value"])
    return PlanFields(**values)


def _target(row: dict) -> TargetFields:
    return TargetFields(**{**{k: row[k] for k in TargetFields.model_fields}, "per_year": bool(row["per_year"])})


def gold_problems(output: DocumentOutput, text: str) -> list[str]:
    """What the gold checker would refuse: a text not in the document, targets out of reading
    order, a range the wrong way round, a period that ends before it starts."""
    problems, cursor = [], 0
    for i, target in enumerate(output.targets):
        found = text.find(target.text, cursor)
        if found < 0:
            found = text.find(target.text)
            problems.append(f"{output.doc}: targets[{i}] " + ("out of reading order" if found >= 0 else f"text {target.text!r} not in the document"))
        cursor = max(cursor, found)
        if target.value_min > target.value_max:
            problems.append(f"{output.doc}: targets[{i}] value_min above value_max")
    plan = output.plan
    if plan.period_start and plan.period_end and plan.period_start > plan.period_end:
        problems.append(f"{output.doc}: plan period_start after period_end")
    return problems


def write_gold(catalogue: Catalogue, folder: Path, batch: str | None = None) -> int:
    """Write the reviewed documents (of `batch`) as gold files, or nothing when any would be refused."""
    outputs = effective_outputs(catalogue, batch)
    problems = [p for output, text in outputs for p in gold_problems(output, text)]
    if problems:
        raise ReviewError(f"{folder}: {len(problems)} problem(s), no gold file was written:\n  " + "\n  ".join(problems))
    for output, _ in outputs:
        write_text_atomic(folder / (Path(output.doc).stem + ".json"), output.model_dump_json(indent=2))
    return len(outputs)
