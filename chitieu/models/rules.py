"""The rule files under rules/: each lexicon, pattern and code list, validated on load."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints

from .records import Bound, Change, DocType, Strict, Unit

__all__ = [
    "RuleId", "RegexPattern", "Examples", "PhraseRule", "BoundRule", "ScaleRule", "NumberWordRule",
    "UnitRule", "SeenPhraseRule", "RankGroupRule", "RankPlaceRule", "PaddedCountRule", "NumberGrammar",
    "NumberRules", "TypedPhraseRule", "IssuingVerbRule", "SignTypeRule", "SymbolRules", "IndicatorRule", "IndicatorRules",
    "ScopeRule", "HalvesRule", "ScopeRules", "ChangeRule", "Mark", "MarkRule", "CueRules", "TimeRules", "CalendarRules",
    "FrameRules", "SpellingRules", "ColumnUnitRule", "TableRules", "ClauseRules", "SectionKind",
    "HeadingRule", "SectionRules",
]


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
    requires: bool = False  # a least or most to reach, a requirement, not a count's bound


class ScaleRule(PhraseRule):
    factor: float


class NumberWordRule(PhraseRule):
    value: float
    unit: Unit


class UnitRule(PhraseRule):
    code: Unit
    not_after: list[str] = Field(default_factory=list, description="words right before the number that make it no "
                                 "quantity in this unit: a rubric awarding points (rules/numbers.yaml unit-points.v1)")


class SeenPhraseRule(PhraseRule):
    """A lexicon of plan language, with the documents its phrasing was found in."""

    seen_in: list[str] = Field(min_length=2, description="documents the phrasing was found in (at least two)")


class RankGroupRule(SeenPhraseRule):
    """A rank reached as a place among peers (rules rank_group): `phrases` are the leading words,
    `before` the words before the number, `peers` what is ranked; after one of `groups` the peers
    alone make the rank."""

    before: list[str] = Field(min_length=1)
    groups: list[str] = Field(min_length=1)
    peers: list[str] = Field(min_length=1)


class RankPlaceRule(SeenPhraseRule):
    """A place in a ranking named by a rank word, whatever is ranked: after `within` the number
    is the rank to stay within ("top 55"), after `phrases` the place itself ("xếp hạng thứ 80")."""

    within: list[str] = Field(min_length=1)


class PaddedCountRule(SeenPhraseRule):
    """A count written with a leading zero ("04 hội thảo") counts the thing named after it,
    whatever it is; `phrases` are the words after which such a number names a document, a part
    or a time ("Nghị quyết 01", "Phụ lục 02", "tháng 01") or the parties of a task ("của 05
    khoa"), `not_counted` the words after it that name no thing ("05 kèm theo", "02 cấp")."""

    not_counted: list[str] = Field(min_length=1)


class DeedCountRule(SeenPhraseRule):
    """A count right after a deed a plan's task does counts the thing named after it, whatever it
    is, and so does each next count of its list: `phrases` are the deeds, `then` the words that
    may stand between a deed and its count, `joiners` the words that join a list's last item."""

    then: list[str] = Field(min_length=1)
    joiners: list[str] = Field(min_length=1)


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
    count_openers: list[str] = Field(min_length=1, description="words before a number that make it a count, never a year")
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
    deed_count: DeedCountRule
    per_one: SeenPhraseRule = Field(description="'trên 1' before a unit and the words naming it: the one unit a value "
                                    "is counted per ('giá trị sản xuất trên 1 ha đất trồng trọt'), no quantity")
    density: SeenPhraseRule = Field(description="the population a density is per ('vạn dân', '100 dân'): a number counted per it is a quantity in unit other, whatever it counts")
    lifespan: PhraseRule = Field(description="what measures a span of life ('tuổi thọ trung bình'): an age or a count of years "
                                 "after it is that measure's figure, in unit other, not an age that defines a group")
    grammar: NumberGrammar


class TypedPhraseRule(PhraseRule):
    code: DocType


class IssuingVerbRule(PhraseRule):
    compounds: list[str] = Field(
        default_factory=list,
        description="words whose last syllable is an issuing verb and that issue nothing ('đăng ký' registers)")


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
    subject_line_types: list[TypedPhraseRule] = Field(
        description="marks opening a header line of their own that give the document's type: a letter's summary "
        "line under its number"
    )
    issuing_verbs: IssuingVerbRule
    approving_verbs: PhraseRule = Field(
        description="verbs by which a body approves a document of a plan type for a unit below it: the unit the "
        "approved title names is the plan's place (annotation rule 3)"
    )
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


class HalvesRule(SeenPhraseRule):
    """Two halves of a territory one measure is set for, each a group of its own: `phrases` name
    one half (rural), `other_half` the other (urban)."""

    other_half: list[str] = Field(min_length=1)


class ScopeRules(Strict):
    version: int
    scopes: list[ScopeRule]
    halves: HalvesRule


class ChangeRule(SeenPhraseRule):
    code: Change
    moves: bool = Field(False, description="a level the verb moves a figure to: the clause sets it, as a rise or a "
                        "fall does; unlike a level it only states (rules/cues.yaml change-level-moved.v1)")


Mark = Literal[
    "commit", "done", "forecast", "state", "progressive", "report", "spend", "spend_for", "define", "vote", "plan_share", "assign",
    "name", "goals_above", "part_of", "attend",
]


class MarkRule(SeenPhraseRule):
    mark: Mark
    whole_words: bool = Field(False, description="match only where underthesea's words begin and end ('ước' is no estimate inside 'quy ước')")
    after_count: bool = Field(False, description="an aspect marker that, right after a count, tells what the count has done "
                              "('02 xã đã đạt chuẩn'), unlike a verb that may be the goal itself ('có thêm 2 xã về đích')")
    tense_only: bool = Field(False, description="a tense marker that carries no aspect of its own after an estimate word: "
                             "the future after 'expected' still estimates")
    now: bool = Field(False, description="a word of the present time: it dates the figure after it to now, even in a "
                      "sentence whose earlier figure a goal word set")


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
    population_wholes: SeenPhraseRule = Field(
        description="the whole population a share is of: a share of it a group takes or is says what the "
        "population is made of, a statistic"
    )
    money_goal_indicators: list[RuleId] = Field(description="indicator rules that name what a plan reaches in money")
    exceeding_words: SeenPhraseRule = Field(
        description="words of exceeding before a goal word: goals told as exceeded, a result unless a goal word came first"
    )


class TimeRules(Strict):
    version: int
    deadline_words: SeenPhraseRule
    until_words: SeenPhraseRule
    moment_words: SeenPhraseRule = Field(description="words before a day or month a figure is counted at")
    base_words: SeenPhraseRule
    phase_words: SeenPhraseRule


class CalendarRules(Strict):
    """rules/calendar.yaml: the words of dates and periods."""

    version: int
    day_words: PhraseRule
    day_only_words: PhraseRule
    event_time_words: PhraseRule = Field(description="parts of the day before a day and month: an event's date, never an issue date")
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
    party_meeting_words: SeenPhraseRule = Field(description="words saying a party committee holds the meeting a page "
                                                "reports, which sets the goals no other body set")
    session_opening_words: SeenPhraseRule = Field(description="words saying a session opens, the day before its resolutions")
    session_closing_words: SeenPhraseRule = Field(description="words saying a session or congress closes, the day it adopts")
    drafting_verbs: SeenPhraseRule = Field(description="verbs making a document named after them one still to be written")
    study_words: SeenPhraseRule = Field(description="words after a type word naming a plan to study or spread another document")
    agency_names: SeenPhraseRule = Field(description="agencies' and fields' names holding a type word, which name no document")
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
    goal_column_words: PhraseRule = Field(description="words of a column header that sets what each row must reach")
    counting_words: PhraseRule = Field(description="words of a column header before the noun its figures count")
    start_words: PhraseRule = Field(description="words before a year in a column header naming the moment its rows start from")


class ClauseRules(Strict):
    version: int
    coverage_words: SeenPhraseRule
    having_words: SeenPhraseRule = Field(description="a share's predicate after the group it names ('có'): a progressive before it describes the group")
    part_words: SeenPhraseRule
    topic_words: SeenPhraseRule = Field(description="words fronting a topic: the group it names is that of every figure of its sentence naming none")
    coordinators: SeenPhraseRule
    joined_goal_words: SeenPhraseRule
    purpose_words: SeenPhraseRule
    restatement_words: SeenPhraseRule
    copulas: SeenPhraseRule
    belonging_words: SeenPhraseRule
    average_words: SeenPhraseRule
    condition_words: SeenPhraseRule = Field(description="words opening a condition whose consequence follows a consequence "
                                            "word: a figure between them is a threshold")
    consequence_words: PhraseRule = Field(description="the word opening a condition's consequence")
    standard_words: SeenPhraseRule = Field(description="words opening the standard a figure is measured by: the rest of "
                                           "the clause qualifies the measure, it names nothing new")


SectionKind = Literal["goal", "result", "task", "budget"]


class HeadingRule(SeenPhraseRule):
    kind: SectionKind


class SectionRules(Strict):
    version: int
    headings: list[HeadingRule]
    part_words: SeenPhraseRule
    ordinal_words: PhraseRule
    output_columns: PhraseRule = Field(description="a task table's column whose cells state what each task must produce: "
                                       "a figure there is one to reach ('STT | Nhiệm vụ | Sản phẩm | Thời gian ...')")
    annex_attachments: PhraseRule = Field(description="the bracketed line under an annex's title that ties it to its "
                                          "document: the capital lines above it are one title, however long or wrapped")
    unaccented_homographs: PhraseRule = Field(description="words that lose their accents like a heading word but mean "
                                              "something else ('chi tiêu' spending, 'chỉ tiêu' target): a line holding "
                                              "one is not read without accents")
