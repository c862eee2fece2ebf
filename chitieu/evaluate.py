"""Score extractions against gold files, the way shared/spec/gold-format.md says.

Targets match within a document when value_min, value_max and unit agree (within 1e-6); each
gold target matches once. Other target fields are scored on matched pairs; plan fields by exact
match (place without case, spaces or a leading "tỉnh"/"thành phố"; symbol without spaces, Đ
read as D); references as sets of symbols. Only `load_gold_dir` touches files.
"""

from __future__ import annotations

import json
import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError, computed_field

from .errors import EvaluationError
from .models import DocumentOutput, PlanFields, TargetFields
from .phrases import alternation
from .rules import load_rules

VALUE_TOLERANCE = 1e-6
# Fields compared on matched targets; value_min, value_max and unit are what matching uses.
TARGET_FIELDS = ("indicator", "scope", "change", "bound", "per_year", "year", "text")
PLAN_FIELDS = tuple(PlanFields.model_fields)


class Counts(BaseModel):
    """True/false positives and false negatives; an empty side scores 1.0 (nothing to get wrong)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @computed_field
    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @computed_field
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)


class FieldMiss(BaseModel):
    """One field that differs between gold and prediction; `text` is the gold target's span."""

    field: str
    gold: Any
    predicted: Any
    text: str | None = None


class DocumentScore(BaseModel):
    doc: str
    missing: bool = Field(description="no prediction for this document: scored as predicted-empty")
    targets: Counts
    missed_targets: list[TargetFields] = Field(description="gold targets no prediction matched")
    extra_targets: list[TargetFields] = Field(description="predicted targets no gold target matched")
    field_misses: list[FieldMiss] = Field(description="fields that differ on matched targets (text excluded)")
    plan_misses: list[FieldMiss]
    references: Counts
    missed_references: list[str]
    extra_references: list[str]


class Scores(BaseModel):
    documents: list[DocumentScore]
    missing_documents: list[str] = Field(description="in gold, not predicted")
    unscored_documents: list[str] = Field(description="predicted, not in gold: left out of every figure")
    targets: Counts
    matched_targets: int
    target_fields: dict[str, float] = Field(description="accuracy of each field on matched targets; text_overlap is the relaxed text")
    plan_fields: dict[str, float] = Field(description="accuracy of each plan field over the gold documents")
    references: Counts


def load_gold_dir(directory: Path) -> dict[str, DocumentOutput]:
    """Every *.json gold file of a folder, keyed by its "doc"; a bad file is named with the place in it."""
    gold: dict[str, DocumentOutput] = {}
    for path in sorted(Path(directory).glob("*.json")):
        try:
            output = DocumentOutput.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise EvaluationError(f"{path}: cannot read: {exc}") from exc
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{path}:{exc.lineno}: not JSON: {exc.msg}") from exc
        except ValidationError as exc:
            errors = exc.errors()
            where = ".".join(str(part) for part in errors[0]["loc"]) or "(top level)"
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            raise EvaluationError(f"{path}: {where}: {errors[0]['msg']}{more}") from exc
        if output.doc in gold:
            raise EvaluationError(f"{path}: doc {output.doc!r} is already given by another gold file")
        gold[output.doc] = output
    if not gold:
        raise EvaluationError(f"{directory}: no gold *.json files")
    return gold


def score(gold: dict[str, DocumentOutput], predicted: dict[str, DocumentOutput]) -> Scores:
    """Micro-averaged scores over the gold documents; a missing prediction counts as empty."""
    documents: list[DocumentScore] = []
    field_hits = dict.fromkeys((*TARGET_FIELDS, "text_overlap"), 0)
    matched = 0
    for name, gold_doc in gold.items():
        predicted_doc = predicted.get(name) or DocumentOutput(doc=name, plan=PlanFields(), references=[], targets=[])
        pairs = match_targets(gold_doc.targets, predicted_doc.targets)
        matched += len(pairs)
        for gi, pi in pairs:
            g, p = gold_doc.targets[gi], predicted_doc.targets[pi]
            for field in TARGET_FIELDS:
                field_hits[field] += getattr(g, field) == getattr(p, field)
            field_hits["text_overlap"] += texts_overlap(g.text, p.text)
        documents.append(_score_document(gold_doc, predicted_doc, pairs, missing=name not in predicted))
    plan_hits = {field: sum(all(m.field != field for m in d.plan_misses) for d in documents) for field in PLAN_FIELDS}
    return Scores(
        documents=documents,
        missing_documents=[d.doc for d in documents if d.missing],
        unscored_documents=sorted(set(predicted) - set(gold)),
        targets=sum((d.targets for d in documents), Counts()),
        matched_targets=matched,
        target_fields={field: _ratio(hits, matched) for field, hits in field_hits.items()},
        plan_fields={field: _ratio(hits, len(documents)) for field, hits in plan_hits.items()},
        references=sum((d.references for d in documents), Counts()),
    )


def match_targets(gold: list[TargetFields], predicted: list[TargetFields]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index) of targets with the same values and unit.

    Greedy over all compatible pairs, most agreeing fields first, then reading order: among
    predictions of one quantity each gold target takes the one most like it, so the pairing
    does not distort field accuracy. Compatible targets share one quantity, so any greedy
    choice still matches as many as possible.
    """
    candidates = sorted(
        (-_agreement(g, p), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if _same_quantity(g, p)
    )
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def texts_overlap(gold: str, predicted: str) -> bool:
    """Relaxed span match: a common stretch covering at least half the shorter span.

    Spans of one document that overlap share their common part; half the shorter span keeps
    a shared "%" or "hộ nghèo" from counting.
    """
    a, b = _text_key(gold), _text_key(predicted)
    if not a or not b:
        return a == b
    common = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    return common >= min(len(a), len(b)) / 2


def symbol_key(symbol: str) -> str:
    """`47/2011/QĐ-UBND`, `47/2011/QD- UBND` and a Latin `Ð` (U+00D0) all compare equal."""
    symbol = re.sub(r"\s+", "", unicodedata.normalize("NFC", symbol))
    return symbol.translate(str.maketrans("ĐÐđð", "DDdd"))


def place_key(place: str) -> str:
    """`tỉnh Sơn La`, ` sơn la ` and `Sơn La` compare equal; so do `thành phố Hải Phòng` and `Hải Phòng`."""
    place = " ".join(unicodedata.normalize("NFC", place).casefold().split())
    return _province_word().sub("", place)


@lru_cache(maxsize=1)
def _province_word() -> re.Pattern:
    """A province's level word opening a name (rules/places.yaml levels)."""
    words = [p for rule in load_rules().places.levels if rule.code == "province" for p in rule.phrases]
    return re.compile(rf"^(?:{alternation(words)})\s+", re.IGNORECASE)


def format_scores(scores: Scores, per_document: bool = False) -> str:
    """Plain-text report; per-document detail first so the summary stays in the last 10 lines."""
    lines: list[str] = []
    if per_document:
        for document in scores.documents:
            lines.extend(_document_lines(document))
    t, r = scores.targets, scores.references
    target_fields = list(scores.target_fields.items())
    plan_fields = list(scores.plan_fields.items())
    lines += [
        "",
        f"documents {len(scores.documents)}  (not extracted {len(scores.missing_documents)},"
        f" not in gold {len(scores.unscored_documents)})",
        f"targets     {_prf(t)}",
        f"target fields on {scores.matched_targets} matched targets:",
        "  " + _accuracies(target_fields[:4]),
        "  " + _accuracies(target_fields[4:]),
        f"plan fields on {len(scores.documents)} documents:",
        "  " + _accuracies(plan_fields[:4]),
        "  " + _accuracies(plan_fields[4:]),
        f"references  {_prf(r)}",
    ]
    return "\n".join(lines)


def _score_document(gold: DocumentOutput, predicted: DocumentOutput, pairs: list[tuple[int, int]], missing: bool) -> DocumentScore:
    matched_gold = {gi for gi, _ in pairs}
    matched_predicted = {pi for _, pi in pairs}
    field_misses = [
        FieldMiss(field=field, gold=getattr(g, field), predicted=getattr(p, field), text=g.text)
        for g, p in ((gold.targets[gi], predicted.targets[pi]) for gi, pi in pairs)
        for field in TARGET_FIELDS
        if field != "text" and getattr(g, field) != getattr(p, field)
    ]
    plan_misses = [
        FieldMiss(field=field, gold=getattr(gold.plan, field), predicted=getattr(predicted.plan, field))
        for field in PLAN_FIELDS
        if not _plan_field_equal(field, getattr(gold.plan, field), getattr(predicted.plan, field))
    ]
    gold_references = {symbol_key(r.symbol): r.symbol for r in gold.references}
    predicted_references = {symbol_key(r.symbol): r.symbol for r in predicted.references}
    found = gold_references.keys() & predicted_references.keys()
    return DocumentScore(
        doc=gold.doc,
        missing=missing,
        targets=Counts(tp=len(pairs), fp=len(predicted.targets) - len(pairs), fn=len(gold.targets) - len(pairs)),
        missed_targets=[t for i, t in enumerate(gold.targets) if i not in matched_gold],
        extra_targets=[t for i, t in enumerate(predicted.targets) if i not in matched_predicted],
        field_misses=field_misses,
        plan_misses=plan_misses,
        references=Counts(tp=len(found), fp=len(predicted_references) - len(found), fn=len(gold_references) - len(found)),
        missed_references=[s for k, s in gold_references.items() if k not in found],
        extra_references=[s for k, s in predicted_references.items() if k not in found],
    )


def _same_quantity(a: TargetFields, b: TargetFields) -> bool:
    return (
        a.unit == b.unit
        and abs(a.value_min - b.value_min) <= VALUE_TOLERANCE
        and abs(a.value_max - b.value_max) <= VALUE_TOLERANCE
    )


def _agreement(gold: TargetFields, predicted: TargetFields) -> int:
    """Fields that agree; overlapping texts break ties between equally agreeing candidates."""
    exact = sum(getattr(gold, field) == getattr(predicted, field) for field in TARGET_FIELDS)
    return 2 * exact + texts_overlap(gold.text, predicted.text)


def _text_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _plan_field_equal(field: str, gold: object, predicted: object) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if field == "place":
        return place_key(str(gold)) == place_key(str(predicted))
    if field == "symbol":
        return symbol_key(str(gold)) == symbol_key(str(predicted))
    return gold == predicted


def _ratio(hits: int, total: int) -> float:
    # Nothing to score is nothing wrong, as with precision over no predictions.
    return hits / total if total else 1.0


def _prf(counts: Counts) -> str:
    c = counts
    return f"P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  (tp {c.tp} fp {c.fp} fn {c.fn})"


def _accuracies(items: list[tuple[str, float]]) -> str:
    return "  ".join(f"{name} {value:.3f}" for name, value in items)


def _document_lines(document: DocumentScore) -> list[str]:
    c = document.targets
    head = f"{document.doc}  targets P {c.precision:.2f} R {c.recall:.2f} F1 {c.f1:.2f} (tp {c.tp} fp {c.fp} fn {c.fn})"
    lines = [head + ("  [not extracted]" if document.missing else "")]
    lines += [f"    plan {m.field}: {_show(m.gold)} -> {_show(m.predicted)}" for m in document.plan_misses]
    lines += [f"    missed {_quantity(t)}  {_clip(t.text)}" for t in document.missed_targets]
    lines += [f"    extra  {_quantity(t)}  {_clip(t.text)}" for t in document.extra_targets]
    lines += [f"    field  {m.field}: {_show(m.gold)} -> {_show(m.predicted)}  {_clip(m.text or '', 50)}" for m in document.field_misses]
    lines += [f"    ref missed {s}" for s in document.missed_references]
    lines += [f"    ref extra  {s}" for s in document.extra_references]
    return lines


def _quantity(target: TargetFields) -> str:
    # .15g keeps sums of money whole (13100000000, not 1.31e+10).
    low, high = f"{target.value_min:.15g}", f"{target.value_max:.15g}"
    return f"{low if low == high else f'{low}-{high}'} {target.unit}"


def _show(value: object) -> str:
    return "null" if value is None else str(value)


def _clip(text: str, width: int = 80) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")
