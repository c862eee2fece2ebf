"""Pydantic models: the single source of every data shape in chitieu.

The gold-format models (PlanFields, ReferenceFields, TargetFields, DocumentOutput) mirror
shared/spec/gold-format.md key for key; the catalogue, the review file and the JSON
output all derive from them. schemas/ is generated from this module (see schemas.py).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StringConstraints

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


# ---------------------------------------------------------------- rule files (rules/*.yaml)

RuleId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*\.v[0-9]+$")]


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a regular expression: {exc}") from exc
    return pattern


RegexPattern = Annotated[str, AfterValidator(_compiles)]


class Examples(Strict):
    positive: list[str] = Field(default_factory=list)
    negative: list[str] = Field(default_factory=list)


class PhraseRule(Strict):
    """A list of phrases that mean one thing; the base of every lexicon entry."""

    id: RuleId
    phrases: list[str] = Field(min_length=1)
    examples: Examples = Field(default_factory=Examples)


class BoundRule(PhraseRule):
    code: Bound
    position: Literal["before", "after"]


class ScaleRule(PhraseRule):
    factor: float


class NumberWordRule(PhraseRule):
    value: float
    unit: Unit


class UnitRule(PhraseRule):
    code: Unit


class SeenPhraseRule(PhraseRule):
    """A lexicon of plan language, with the documents its phrasing was found in."""

    seen_in: list[str] = Field(min_length=2, description="documents the phrasing was found in (at least two)")


class RankGroupRule(SeenPhraseRule):
    """A rank reached as a place among peers ("nằm trong 10 tỉnh, thành dẫn đầu"): `phrases` are
    the leading words, `before` the words before the number, `peers` what is ranked."""

    before: list[str] = Field(min_length=1)
    peers: list[str] = Field(min_length=1)


class RankPlaceRule(SeenPhraseRule):
    """A place in a ranking named by a rank word, whatever is ranked: after `within` ("top 55")
    the number is the rank to stay within, after `phrases` ("xếp hạng thứ 80", "Thứ hạng: 70")
    the place itself."""

    within: list[str] = Field(min_length=1)


class PaddedCountRule(SeenPhraseRule):
    """A count written with a leading zero ("04 hội thảo") counts the thing named after it,
    whatever it is; `phrases` are the words after which such a number names a document, a part
    or a time ("Nghị quyết 01", "Phụ lục 02", "tháng 01") or the parties of a task ("của 05
    khoa"), `not_counted` the words after it that name no thing ("05 kèm theo", "02 cấp")."""

    not_counted: list[str] = Field(min_length=1)


class NumberGrammar(Strict):
    """The small words the quantity grammar reads between numbers and units."""

    id: RuleId
    range_words: list[str] = Field(min_length=1)
    range_openers: list[str] = Field(min_length=1)
    coming_from: list[str]
    bound_joiners: list[str]
    movement_words: list[str] = Field(min_length=1)
    movement_levels: list[str]
    not_movements: list[str]
    now_words: list[str]
    year_words: list[str] = Field(min_length=1)
    per_units: list[str] = Field(min_length=1)
    year_unit: list[str] = Field(min_length=1)
    bare_money_abbreviations: list[str]
    turn_words: list[str] = Field(default_factory=list, description="words for turns of a unit, which count in that unit")
    examples: Examples = Field(default_factory=Examples)


class NumberRules(Strict):
    version: int
    bounds: list[BoundRule]
    scales: list[ScaleRule]
    number_words: list[NumberWordRule]
    units: list[UnitRule]
    non_units: list[PhraseRule]
    per_year: list[PhraseRule]
    rank_group: RankGroupRule
    rank_place: RankPlaceRule
    padded_count: PaddedCountRule
    grammar: NumberGrammar


class TypedPhraseRule(PhraseRule):
    code: DocType


class SignTypeRule(Strict):
    id: RuleId
    code: DocType
    abbreviations: list[str] = Field(min_length=1)


class SymbolRules(Strict):
    version: int
    sign_types: list[SignTypeRule]
    ignored_types: list[str]
    type_words: list[TypedPhraseRule]
    plan_types: list[DocType] = Field(description="the types a page's plan can be, named in running text")
    announced_type_words: list[TypedPhraseRule] = Field(
        description="words that name the page's plan only where its sentence says the document was just issued "
        "('Chương trình ... vừa được Chính phủ phê duyệt'); elsewhere they name what a plan implements"
    )
    goal_setter_type_words: list[TypedPhraseRule] = Field(
        description="words that name the page's plan where the document opens a clause as the subject of a "
        "goal-setting verb ('Chiến lược quốc gia ... đặt mục tiêu'); a strategy or master plan is 'other'"
    )
    issuing_verbs: PhraseRule
    citing_words: PhraseRule
    basis_words: PhraseRule
    letter_bodies: list[RegexPattern] = Field(
        description="first parts of a sign that name a body, not a type: such a sign is a letter's ('123/UBND-VX')"
    )


class IndicatorRule(PhraseRule):
    code: str
    label: str
    dimension: str
    priority: int = Field(1, description="specific phrases (1) outrank population words ('hộ nghèo', 0)")


class IndicatorRules(Strict):
    version: int
    indicators: list[IndicatorRule]


class ScopeRule(PhraseRule):
    code: Literal["all", "poor_districts", "ethnic_minority", "mountainous", "difficult_communes", "other"]
    label: str | None = Field(None, description="what reviewers read for the code (the first rule of a code gives it)")


class ScopeRules(Strict):
    version: int
    scopes: list[ScopeRule]


class ChangeRule(SeenPhraseRule):
    code: Change


Mark = Literal[
    "commit", "done", "forecast", "state", "progressive", "report", "spend", "define", "vote", "plan_share", "assign",
    "name", "goals_above", "part_of",
]


class MarkRule(SeenPhraseRule):
    mark: Mark
    whole_words: bool = Field(False, description="match only where underthesea's words begin and end ('ước' is no estimate inside 'quy ước')")
    after_count: bool = Field(False, description="an aspect marker that, right after a count, tells what the count has done "
                              "('02 xã đã đạt chuẩn'), unlike a verb that may be the goal itself ('có thêm 2 xã về đích')")


class CueRules(Strict):
    version: int
    marks: list[MarkRule]
    change_verbs: list[ChangeRule]
    decrease_rates: SeenPhraseRule
    measure_words: SeenPhraseRule
    per_year_cues: SeenPhraseRule
    support_verbs: SeenPhraseRule
    action_verbs: SeenPhraseRule
    neutral_words: SeenPhraseRule
    component_words: SeenPhraseRule
    money_goal_indicators: list[RuleId] = Field(description="indicator rules that name what a plan reaches in money")


class TimeRules(Strict):
    version: int
    deadline_words: SeenPhraseRule
    until_words: SeenPhraseRule
    base_words: SeenPhraseRule
    phase_words: SeenPhraseRule


class CalendarRules(Strict):
    """rules/calendar.yaml: the words of dates and periods."""

    version: int
    day_words: PhraseRule
    day_only_words: PhraseRule
    month_words: PhraseRule
    year_words: PhraseRule
    weekday_words: PhraseRule
    period_words: PhraseRule
    term_words: PhraseRule
    range_words: PhraseRule
    until_words: PhraseRule
    until_extent_words: PhraseRule
    vision_words: PhraseRule = Field(description="a plan's horizon beyond its phase: 'tầm nhìn đến năm 2030'")


class FrameRules(Strict):
    """rules/frame.yaml: the words of a document's header, title lines and citations."""

    version: int
    motto_words: PhraseRule
    name_end_words: SeenPhraseRule = Field(description="words a heading in capitals says after a unit's name")
    number_words: PhraseRule
    symbol_label_words: PhraseRule
    no_number_words: PhraseRule
    issued_label_words: PhraseRule
    issuer_label_words: PhraseRule
    legal_basis_words: PhraseRule
    agent_words: PhraseRule
    possessive_words: PhraseRule
    according_words: PhraseRule
    goal_nouns: PhraseRule
    full_text_words: PhraseRule
    goal_setting_verbs: PhraseRule
    national_document_words: SeenPhraseRule = Field(description="words right after a type word naming a national document")
    session_words: SeenPhraseRule = Field(description="words saying a council sits in session")
    drafting_verbs: SeenPhraseRule = Field(description="verbs making a document named after them one still to be written")
    study_words: SeenPhraseRule = Field(description="words after a type word naming a plan to study or spread another document")
    plan_nouns: PhraseRule
    territory_before_words: PhraseRule
    territory_after_words: PhraseRule


class SpellingRules(Strict):
    """rules/spellings.yaml: old-style spellings and the forms underthesea writes them in."""

    version: int
    spellings: dict[str, str] = Field(min_length=1)


class ColumnUnitRule(PhraseRule):
    unit: str = Field(description="the unit a bare number in the column is read with")


class TableRules(Strict):
    """rules/tables.yaml: the words of annex tables (PDF and Word)."""

    version: int
    annex_heading_words: PhraseRule
    unit_column_words: PhraseRule
    column_units: list[ColumnUnitRule]


class ClauseRules(Strict):
    version: int
    coverage_words: SeenPhraseRule
    part_words: SeenPhraseRule
    coordinators: SeenPhraseRule
    joined_goal_words: SeenPhraseRule
    purpose_words: SeenPhraseRule
    restatement_words: SeenPhraseRule
    copulas: SeenPhraseRule
    belonging_words: SeenPhraseRule
    average_words: SeenPhraseRule


SectionKind = Literal["goal", "result", "task"]


class HeadingRule(SeenPhraseRule):
    kind: SectionKind


class SectionRules(Strict):
    version: int
    headings: list[HeadingRule]
    part_words: SeenPhraseRule
    ordinal_words: PhraseRule
    output_columns: PhraseRule = Field(description="a task table's column whose cells state what each task must produce: "
                                       "a figure there is one to reach ('STT | Nhiệm vụ | Sản phẩm | Thời gian ...')")
    unaccented_homographs: PhraseRule = Field(description="words that lose their accents like a heading word but mean "
                                              "something else ('chi tiêu' spending, 'chỉ tiêu' target): a line holding "
                                              "one is not read without accents")


class BodyRule(PhraseRule):
    code: IssuerBody
    level: Level | None = Field(None, description="the level the body itself gives ('Tỉnh ủy' → province)")
    refers_back: bool = Field(False, description="a short word for a body named in full earlier with it ('Đại hội' after "
                              "'Đại hội đại biểu Đảng bộ xã Cao Sơn'): that body, or none where none was named")


class LevelRule(Strict):
    id: RuleId
    code: Level
    phrases: list[str] = Field(min_length=1)
    abbreviations: list[str] = Field(default_factory=list, description="read only right before a unit's name: 'H. Mù Cang Chải', 'TX.Nghĩa Lộ'")
    city: bool = Field(False, description="a city's word: a district-level city of that name, else a centrally-run one")


class PlaceAlias(Strict):
    """A way documents write a unit that the official list spells otherwise."""

    written: str = Field(description="as documents write it: 'TP.HCM', 'Bắc Cạn', 'Thừa Thiên Huế'")
    official: str = Field(description="the official short name (vietnamadminunits' list): 'Hồ Chí Minh', 'Bắc Kạn', 'Huế'")
    name: str | None = Field(None, description="the name to report, where the list carries a later one")
    sigil: bool = Field(False, description="a paper's sigil, counted only where it opens a line: 'TQĐT - ...'")
    level: Literal["province", "district"] = Field("province", description="the level of the unit it names")
    note: str | None = Field(None, description="why the spelling names that unit: 'Hà Tây: merged into Hà Nội in 2008'")


class FormerUnit(Strict):
    """A unit the official list no longer carries, whose name documents of its time use."""

    name: str
    full_name: str
    level: Literal["province", "district"]
    code: str = Field(pattern=r"^\d{2,5}$", description="its official (GSO) code")
    province: str = Field(description="the official short name of the province it lay in")
    valid_to: dt.date
    became: Literal["province", "district"] | None = Field(
        None, description="the level its name passed to: 'thành phố Huế' names the centrally-run city after it")
    note: str | None = None


class PlaceRules(Strict):
    version: int
    bodies: list[BodyRule]
    levels: list[LevelRule]
    national_words: PhraseRule
    paper_words: PhraseRule
    aliases: list[PlaceAlias]
    former_units: list[FormerUnit] = Field(default_factory=list)


# ---------------------------------------------------------------- review file

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


class LegacyEncoding(Strict):
    id: RuleId
    name: str
    table: dict[Annotated[str, StringConstraints(min_length=1, max_length=2)], Annotated[str, StringConstraints(min_length=1, max_length=1)]] = Field(
        description="Windows-1252 character, or a letter and the mark code after it -> Unicode letter"
    )
    examples: Examples = Field(default_factory=Examples)


class LegacyEncodingRules(Strict):
    version: int
    encodings: list[LegacyEncoding]


class PortalProfile(Strict):
    id: RuleId
    name: str
    hosts: list[str] = Field(min_length=1)
    listings: list[str] = Field(min_length=1)
    article_pattern: RegexPattern | None = Field(None, description="article links; learned from the listing's structure when absent")
    next_pattern: RegexPattern | None = Field(None, description="next-page links; the pager is recognised when absent")
    max_listing_pages: int = Field(5, ge=1)
    delay: float = Field(2.0, ge=0.5, description="seconds between requests to one host (robots.txt may ask more)")


class GenericPortal(Strict):
    id: RuleId
    max_listing_pages: int = Field(10, ge=1)
    delay: float = Field(1.0, ge=0.0)


class PortalWords(Strict):
    """The words by which portal pages are read: pagers, read-more links, related lists,
    attachments, counters, share and comment blocks, date labels, a portal's own name."""

    next_page: PhraseRule
    read_more: PhraseRule
    related: PhraseRule
    attachment: PhraseRule
    counter: PhraseRule
    share: PhraseRule
    comments: PhraseRule
    date_label: PhraseRule
    portal_name: PhraseRule


class PortalRules(Strict):
    version: int
    portals: list[PortalProfile]
    generic: GenericPortal
    words: PortalWords
    drop_params: list[str] = Field(description="query parameters that name no page (fnmatch patterns): removed from every URL")


class ProfileFile(Strict):
    """An operator's profiles, given to `chitieu crawl --profiles FILE`."""

    version: int
    portals: list[PortalProfile] = Field(min_length=1)
