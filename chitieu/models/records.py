"""Documents, evidence, the gold format's fields and what the passes extract from a document."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "DocType", "IssuerBody", "Level", "Change", "Bound", "Unit", "Strict", "Attachment", "Document",
    "Evidence", "PlanFields", "ReferenceFields", "TargetFields", "DocumentOutput", "SymbolMention",
    "DateMention", "IssuerMention", "PlaceMention", "PeriodMention", "TargetMention", "Extraction",
    "PlanRecord", "ReferenceRecord", "DocumentResult",
]


DocType = Literal[
    "ke_hoach", "quyet_dinh", "nghi_quyet", "chi_thi", "chuong_trinh", "de_an",
    "thong_bao", "cong_van", "other",
]
IssuerBody = Literal["ubnd", "hdnd", "party_committee", "department", "government", "other"]
Level = Literal["national", "province", "district", "commune"]
Change = Literal["level", "decrease", "increase"]
Bound = Literal["exact", "at_least", "at_most", "approx"]
Unit = Literal[
    "percent", "households", "persons", "workers", "models", "projects", "communes",
    "schools", "vnd", "other",
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---------------------------------------------------------------- documents


class Attachment(Strict):
    url: str
    label: str = ""


class Document(Strict):
    """A source read into text: what every reader (txt, HTML, PDF, crawler) fills."""

    doc_id: str = Field(description="sha256 of the normalised text, first 16 hex digits")
    name: str = Field(description="file name or URL the document was read from")
    source: str = Field(description="full path or URL")
    text: str = Field(description="normalised text; every span points into it")
    title: str | None = None
    published: dt.date | None = None
    site_name: str | None = None
    place_hints: list[str] = Field(default_factory=list, description="masthead/footer/domain place names")
    attachments: list[Attachment] = Field(default_factory=list)
    page_starts: list[int] = Field(default_factory=list, description="offset where each PDF page begins")
    status: Literal["ok", "degraded", "needs_ocr"] = "ok"
    status_reason: str | None = None


# ---------------------------------------------------------------- evidence


class Evidence(Strict):
    """Why a value is what it is: a span of Document.text and the rule that found it."""

    start: int
    end: int
    text: str
    rule_id: str


# ---------------------------------------------------------------- gold format


class PlanFields(Strict):
    symbol: str | None = None
    doc_type: DocType | None = None
    issued: dt.date | None = None
    issuer_body: IssuerBody | None = None
    issuer_level: Level | None = None
    place: str | None = None
    period_start: int | None = None
    period_end: int | None = None


class ReferenceFields(Strict):
    symbol: str
    doc_type: DocType
    issued: dt.date | None = None


class TargetFields(Strict):
    text: str
    indicator: str
    scope: Literal["all", "poor_districts", "ethnic_minority", "mountainous", "difficult_communes", "other"]
    change: Change
    bound: Bound
    value_min: float
    value_max: float
    unit: Unit
    per_year: bool
    year: int | None


class DocumentOutput(Strict):
    """The per-document JSON of gold-format.md: what `extract --json` writes."""

    doc: str
    plan: PlanFields
    references: list[ReferenceFields]
    targets: list[TargetFields]


# ---------------------------------------------------------------- extractions (pass output)


class SymbolMention(Strict):
    symbol: str = Field(description="canonical: no spaces, slash restored")
    doc_type: DocType
    evidence: Evidence


class DateMention(Strict):
    day: int
    month: int
    year: int | None = Field(description="None when the text gives no year ('Ngày 10/3')")
    is_dateline: bool = Field(description="the page's own date line ('Thứ Sáu, 18/03/2022 18:05')")
    evidence: Evidence


class IssuerMention(Strict):
    body: IssuerBody
    level: Level | None
    place: str | None = Field(description="place as written, None for 'UBND tỉnh' alone")
    evidence: Evidence


class PlaceMention(Strict):
    name: str = Field(description="official short name, e.g. 'Sơn La'")
    level: Level
    code: str | None
    evidence: Evidence


class PeriodMention(Strict):
    start: int | None
    end: int
    kind: Literal["range", "year", "until", "vision"]
    evidence: Evidence


class TargetMention(TargetFields):
    evidence: Evidence
    sentence: Evidence = Field(description="the sentence the target sits in")
    modality_rule: str = Field(description="the rule that made the number a commitment (docs/reading.md)")
    indicator_rule: str | None = Field(None, description="the rule whose phrase named the indicator; null when inherited or none")
    country_wide: bool = Field(False, description="the clause gives the figure to the whole country (rules/places.yaml "
                               "national_words): on a province's, district's or commune's page, the national plan's goal "
                               "quoted, not the page's")
    quoted: bool = Field(False, description="a plan's goal quoted beside results: named by a plan noun in a bracket or "
                         "by a copula, or committed inside a part reporting results (a results heading of rules/sections.yaml); "
                         "its year is its own plan's, not the page's")


class Extraction(Strict):
    """Everything the passes found in one document, each value with its evidence."""

    document: Document
    symbols: list[SymbolMention] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    issuers: list[IssuerMention] = Field(default_factory=list)
    places: list[PlaceMention] = Field(default_factory=list)
    periods: list[PeriodMention] = Field(default_factory=list)
    targets: list[TargetMention] = Field(default_factory=list)
    stamped: tuple[int, int] | None = Field(None, description="the page's publication date or stored stamp (year, month)")
    stated_goals: list[Evidence] = Field(default_factory=list, description="sentences stating a goal without a figure")
    reported: list[Evidence] = Field(default_factory=list, description="sentences whose figures tell only results")


class PlanRecord(PlanFields):
    """Plan fields with the evidence behind each one that was found."""

    evidence: dict[str, Evidence] = Field(default_factory=dict)


class ReferenceRecord(ReferenceFields):
    evidence: Evidence


class DocumentResult(Strict):
    """The records of one document, ready for the catalogue and the JSON output."""

    document: Document
    plan: PlanRecord
    references: list[ReferenceRecord]
    targets: list[TargetMention]

    def to_output(self) -> DocumentOutput:
        return DocumentOutput(
            doc=self.document.name,
            plan=PlanFields(**self.plan.model_dump(exclude={"evidence"})),
            references=[ReferenceFields(**r.model_dump(exclude={"evidence"})) for r in self.references],
            targets=[TargetFields(**t.model_dump(include=set(TargetFields.model_fields))) for t in self.targets],
        )
