"""The review file: what reviewers judge, correct and add, and how it is signed."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StrictBool

from .records import Bound, Change, PlanFields, Strict, TargetFields, Unit

__all__ = [
    "REVIEW_SCHEMA_VERSION", "ReviewStatus", "Year", "FiniteFloat", "TargetCorrection", "DecidedBy",
    "ReviewTarget", "AddedTarget", "PlanCorrection", "ReviewPlan", "ReviewDocument", "ReviewFile",
]


REVIEW_SCHEMA_VERSION = 1
ReviewStatus = Literal["pending", "accepted", "rejected", "corrected"]


Year = Annotated[int, Field(ge=1900, le=2100)]
FiniteFloat = Annotated[float, Field(allow_inf_nan=False)]


class TargetCorrection(Strict):
    """Fields a reviewer changes on a target; absent (null) fields keep the machine value, fields
    named in `clear` become null, and `text` moves the span to another quote of the document."""

    text: str | None = Field(None, min_length=3, description="the exact quote the target should point at")
    indicator: str | None = None
    scope: Literal["all", "poor_districts", "ethnic_minority", "mountainous", "difficult_communes", "other"] | None = None
    change: Change | None = None
    bound: Bound | None = None
    value_min: FiniteFloat | None = None
    value_max: FiniteFloat | None = None
    unit: Unit | None = None
    per_year: StrictBool | None = None
    year: Year | None = None
    clear: list[Literal["year"]] = Field(default_factory=list, description="fields to set to null")


class DecidedBy(Strict):
    """The rules that made the machine read this target (docs/reading.md); for the reviewer's eye."""

    modality: str | None = Field(None, description="the rule that made the number a commitment")
    indicator: str | None = Field(None, description="the rule whose phrase named the indicator")


class ReviewTarget(Strict):
    id: str = Field(description="stable target id; do not edit")
    row_hash: str = Field(description="hash of the machine row this item was exported from; do not edit")
    machine: TargetFields = Field(description="what the extractor read; do not edit")
    evidence: str = Field(description="the sentence with the target's span between ⟦ and ⟧")
    decided_by: DecidedBy = Field(default_factory=DecidedBy, description="why the machine read it so; do not edit")
    status: ReviewStatus = "pending"
    corrections: TargetCorrection = Field(default_factory=TargetCorrection)
    reason: str | None = Field(None, description="why a target is rejected")
    note: str | None = None


class AddedTarget(Strict):
    """A target the extractor missed: quote its text exactly; it is located in the document."""

    quote: str = Field(min_length=3)
    fields: TargetCorrection
    note: str | None = None


class PlanCorrection(PlanFields):
    """Plan fields a reviewer changes; null keeps the machine value, `clear` sets fields to null."""

    period_start: Year | None = None
    period_end: Year | None = None
    clear: list[Literal["symbol", "doc_type", "issued", "issuer_body", "issuer_level", "place", "period_start", "period_end"]] = Field(
        default_factory=list, description="fields to set to null")


class ReviewPlan(Strict):
    row_hash: str
    machine: PlanFields
    status: ReviewStatus = "pending"
    corrections: PlanCorrection = Field(default_factory=PlanCorrection, description="fields to change; null keeps the machine value")
    note: str | None = None


class ReviewDocument(Strict):
    document_id: str = Field(description="do not edit")
    name: str
    source: str
    title: str | None = None
    plan: ReviewPlan
    targets: list[ReviewTarget]
    added_targets: list[AddedTarget] = Field(default_factory=list)
    note: str | None = None


class ReviewFile(Strict):
    """The file reviewers edit. `chitieu review export` writes it; `review import` reads it."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str = Field(alias="$schema")
    schema_version: Literal[1] = REVIEW_SCHEMA_VERSION
    batch: str = Field(description="batch id given at export")
    exported_at: dt.datetime
    reviewer: str | None = Field(None, description="sign here: your name")
    adjudication: StrictBool = Field(False, description="true when this file settles what reviewers disagreed on: its decisions replace theirs")
    documents: list[ReviewDocument]
