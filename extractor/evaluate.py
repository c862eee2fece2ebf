"""Score extractions against gold files, the way shared/spec/gold-format.md says.

Targets match within a document when value_min, value_max and unit agree (1e-6); each gold
target matches once. Other target fields are scored on matched pairs; plan fields by exact
match (place without case or a leading "tỉnh"/"thành phố"; symbol without spaces, Đ read as
D); references as sets of symbols.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from .errors import EvaluationError
from .models import DocumentOutput, PlanFields, TargetFields

TARGET_FIELDS = ("indicator", "scope", "change", "bound", "per_year", "year", "text")
PLAN_FIELDS = tuple(PlanFields.model_fields)


class Counts(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


class DocumentScore(BaseModel):
    doc: str
    targets: Counts
    references: Counts
    missed_targets: list[TargetFields] = Field(default_factory=list)
    extra_targets: list[TargetFields] = Field(default_factory=list)
    field_misses: list[str] = Field(default_factory=list, description="'field: gold -> predicted' on matched targets")
    plan_misses: dict[str, tuple[object, object]] = Field(default_factory=dict)
    missing: bool = False


class Scores(BaseModel):
    documents: list[DocumentScore]
    targets: Counts
    references: Counts
    target_fields: dict[str, float] = Field(description="accuracy of each field on matched targets")
    plan_fields: dict[str, float]


def load_gold_dir(directory: Path) -> dict[str, DocumentOutput]:
    """Every *.json gold file of a folder, keyed by its "doc"; a bad file names itself."""
    gold: dict[str, DocumentOutput] = {}
    for path in sorted(Path(directory).glob("*.json")):
        try:
            output = DocumentOutput.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{path}:{exc.lineno}: not JSON: {exc.msg}") from exc
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise EvaluationError(f"{path}: {where}: {first['msg']}") from exc
        gold[output.doc] = output
    if not gold:
        raise EvaluationError(f"{directory}: no gold *.json files")
    return gold


def score(gold: dict[str, DocumentOutput], predicted: dict[str, DocumentOutput]) -> Scores:
    documents: list[DocumentScore] = []
    totals, references = Counts(), Counts()
    field_hits = {f: 0 for f in TARGET_FIELDS}
    plan_hits = {f: 0 for f in PLAN_FIELDS}
    matched_total = 0
    for name, gold_doc in gold.items():
        missing = name not in predicted
        predicted_doc = predicted.get(name) or DocumentOutput(doc=name, plan=PlanFields(), references=[], targets=[])
        document = _score_document(gold_doc, predicted_doc, missing)
        pairs = _match(gold_doc.targets, predicted_doc.targets)
        matched_total += len(pairs)
        for g, p in pairs:
            for field in TARGET_FIELDS:
                field_hits[field] += getattr(g, field) == getattr(p, field)
        for field in PLAN_FIELDS:
            plan_hits[field] += field not in document.plan_misses
        totals.add(document.targets)
        references.add(document.references)
        documents.append(document)
    return Scores(
        documents=documents,
        targets=totals,
        references=references,
        target_fields={f: (hits / matched_total if matched_total else 1.0) for f, hits in field_hits.items()},
        plan_fields={f: hits / len(gold) for f, hits in plan_hits.items()},
    )


def _score_document(gold: DocumentOutput, predicted: DocumentOutput, missing: bool) -> DocumentScore:
    pairs = _match(gold.targets, predicted.targets)
    matched_gold = {id(g) for g, _ in pairs}
    matched_predicted = {id(p) for _, p in pairs}
    field_misses = [
        f"{field}: {getattr(g, field)!r} -> {getattr(p, field)!r} ({g.text[:50]!r})"
        for g, p in pairs
        for field in TARGET_FIELDS
        if field != "text" and getattr(g, field) != getattr(p, field)
    ]
    gold_refs = {_symbol_key(r.symbol) for r in gold.references}
    predicted_refs = {_symbol_key(r.symbol) for r in predicted.references}
    plan_misses = {
        field: (getattr(gold.plan, field), getattr(predicted.plan, field))
        for field in PLAN_FIELDS
        if not _plan_equal(field, getattr(gold.plan, field), getattr(predicted.plan, field))
    }
    return DocumentScore(
        doc=gold.doc,
        targets=Counts(tp=len(pairs), fp=len(predicted.targets) - len(pairs), fn=len(gold.targets) - len(pairs)),
        references=Counts(tp=len(gold_refs & predicted_refs), fp=len(predicted_refs - gold_refs), fn=len(gold_refs - predicted_refs)),
        missed_targets=[g for g in gold.targets if id(g) not in matched_gold],
        extra_targets=[p for p in predicted.targets if id(p) not in matched_predicted],
        field_misses=field_misses,
        plan_misses=plan_misses,
        missing=missing,
    )


def _match(gold: list[TargetFields], predicted: list[TargetFields]) -> list[tuple[TargetFields, TargetFields]]:
    """Pair targets by value and unit; among equal candidates prefer the one agreeing on most fields."""
    pairs = []
    free = list(predicted)
    for g in gold:
        candidates = [p for p in free if _same_value(g, p)]
        if not candidates:
            continue
        best = max(candidates, key=lambda p: sum(getattr(g, f) == getattr(p, f) for f in TARGET_FIELDS))
        free.remove(best)
        pairs.append((g, best))
    return pairs


def _same_value(a: TargetFields, b: TargetFields) -> bool:
    return abs(a.value_min - b.value_min) < 1e-6 and abs(a.value_max - b.value_max) < 1e-6 and a.unit == b.unit


def _symbol_key(symbol: str) -> str:
    return re.sub(r"\s", "", symbol).replace("Đ", "D").replace("đ", "d")


def _place_key(place: str) -> str:
    return re.sub(r"^(?:tỉnh|thành phố)\s+", "", place.strip().lower())


def _plan_equal(field: str, gold: object, predicted: object) -> bool:
    if gold is None or predicted is None:
        return gold is predicted
    if field == "place":
        return _place_key(str(gold)) == _place_key(str(predicted))
    if field == "symbol":
        return _symbol_key(str(gold)) == _symbol_key(str(predicted))
    return gold == predicted


def format_scores(scores: Scores, per_document: bool = False) -> str:
    """Plain-text report; per-document detail first, the summary in the last lines."""
    lines: list[str] = []
    if per_document:
        for doc in scores.documents:
            c = doc.targets
            lines.append(f"{doc.doc}  targets P {c.precision:.2f} R {c.recall:.2f} (tp {c.tp} fp {c.fp} fn {c.fn})"
                         + ("  [not extracted]" if doc.missing else ""))
            for field, (g, p) in doc.plan_misses.items():
                lines.append(f"    plan {field}: {g!r} -> {p!r}")
            for t in doc.missed_targets:
                lines.append(f"    missed {t.value_min:g}-{t.value_max:g} {t.unit} {t.indicator}: {t.text[:70]!r}")
            for t in doc.extra_targets:
                lines.append(f"    extra  {t.value_min:g}-{t.value_max:g} {t.unit} {t.indicator}: {t.text[:70]!r}")
            lines.extend(f"    field  {miss}" for miss in doc.field_misses)
        lines.append("")
    t, r = scores.targets, scores.references
    lines.append(f"documents {len(scores.documents)}")
    lines.append(f"targets     P {t.precision:.3f}  R {t.recall:.3f}  F1 {t.f1:.3f}  (tp {t.tp} fp {t.fp} fn {t.fn})")
    lines.append("target fields (accuracy on matched targets):")
    lines.append("  " + "  ".join(f"{f} {v:.3f}" for f, v in scores.target_fields.items()))
    lines.append("plan fields (accuracy per document):")
    plan = list(scores.plan_fields.items())
    lines.append("  " + "  ".join(f"{f} {v:.3f}" for f, v in plan[:4]))
    lines.append("  " + "  ".join(f"{f} {v:.3f}" for f, v in plan[4:]))
    lines.append(f"references  P {r.precision:.3f}  R {r.recall:.3f}  F1 {r.f1:.3f}  (tp {r.tp} fp {r.fp} fn {r.fn})")
    return "\n".join(lines)
