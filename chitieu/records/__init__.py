"""Extraction (what the passes found) -> DocumentResult (the plan, references and targets).

Choosing the page's plan among the symbols, dates, issuers and periods it mentions is the
only judgement made here; every chosen value keeps the evidence it came from.
"""

from __future__ import annotations

import re

from ..models import DateMention, DocumentResult, Extraction, IssuerMention, PlanRecord, SymbolMention, TargetMention
from ..passes.periods import UNTIL_RULE
from ..places import Gazetteer, place_date
from ..sentences import sentence_spans
from .citations import cited_references, header_date, issue_date, safe_date, session_day
from .issuer import approved_unit, below, date_place, page_place, plan_issuer, province_of, subject_place, territory_level
from .period import congress_term, plan_period
from .plan import HEADER_CHARS, HEADER_REACH, find_issue_sentence, find_plan_symbol, own_heading_type
from .words import PlanWords

__all__ = ["PlanWords", "build_result"]


def build_result(extraction: Extraction, words: PlanWords, places: Gazetteer) -> DocumentResult:
    result = _build(extraction, words, places)
    if result.plan.issuer_level in _BELOW_NATION and any(t.country_wide for t in extraction.targets):
        # a province's page quoting the national programme's goals beside its own: a target is what
        # the page's plan commits to (annotation rule 1), so the whole country's figures are not
        kept = [t for t in extraction.targets if not t.country_wide]
        result = _build(extraction.model_copy(update={"targets": kept}), words, places)
    return result


_BELOW_NATION = frozenset({"province", "district", "commune"})


def _build(extraction: Extraction, words: PlanWords, places: Gazetteer) -> DocumentResult:
    text = extraction.document.text
    sentences = sentence_spans(text)
    dateline_year = next((d.year for d in extraction.dates if d.is_dateline and d.year), None)
    unnumbered = words.unnumbered_header.search(text, 0, HEADER_CHARS)
    figure_sentences = frozenset((t.sentence.start, t.sentence.end) for t in extraction.targets)
    # the sentences that commit: those of the targets, and goals stated without a figure
    target_sentences = figure_sentences | frozenset((g.start, g.end) for g in extraction.stated_goals)
    # a page printing a document whole is that document, whether or not its excerpt shows figures
    target_sentences |= frozenset(s for s in sentences if words.publishes(text[s[0] : s[1]]))
    symbol = find_plan_symbol(text, extraction.symbols, words, unnumbered is not None, figure_sentences)
    announced = find_issue_sentence(text, sentences, symbol, extraction.targets, extraction.issuers, words)
    plan = PlanRecord()
    phase_end = _identify(plan, extraction, symbol, unnumbered, announced, target_sentences, words)
    _date(plan, extraction, symbol, unnumbered, announced, dateline_year, words)
    _start_at_issue(plan, phase_end)
    _issuer_and_place(plan, extraction, sentences, symbol, announced, target_sentences, words, places)
    congress = None if symbol else congress_term(extraction.periods, extraction.issuers, words)
    if congress and plan.issuer_body is None and target_sentences:
        _meeting_body(plan, congress[1])  # a page on a party congress, whose targets are its term's
    session = None if congress or plan.issuer_body else (
        _body_holding(extraction, "hdnd", words.in_session) or _body_holding(extraction, "party_committee", words.in_meeting))
    if session and target_sentences:
        _meeting_body(plan, session)  # a page on a council's session or a party committee's meeting
    _adopted_in_session(plan, extraction, sentences, announced, dateline_year, words)
    if congress and plan.issuer_body == "party_committee":
        term = congress[0]  # a plan with targets for later years spans them
        plan.period_start, plan.period_end = term.start, max([term.end] + [t.year for t in extraction.targets if t.year])
        plan.evidence["period"] = term.evidence
        phase_end = None
    references = cited_references(text, extraction.symbols, extraction.dates, dateline_year, words)
    date_place(plan, places, place_date(plan.issued, extraction.document.published, references))
    if not (target_sentences or plan.symbol or unnumbered or plan.doc_type):
        plan = PlanRecord()  # a page about no plan: every plan field null
    targets = [_for_plan(t, plan, phase_end or plan.period_end, places) for t in extraction.targets]
    return DocumentResult(document=extraction.document, plan=plan, references=references, targets=targets)


def _identify(plan: PlanRecord, extraction: Extraction, symbol: SymbolMention | None, unnumbered, announced, target_sentences,
              words: PlanWords) -> int | None:
    """The plan's symbol and type, and the years it covers; where it looks beyond the phase its
    targets end with ("giai đoạn 2021-2030, tầm nhìn đến năm 2050"), that phase's last year."""
    text = extraction.document.text
    if symbol:
        plan.symbol, plan.doc_type = symbol.symbol, symbol.doc_type
        plan.evidence["symbol"] = symbol.evidence
    elif unnumbered:
        sign = unnumbered.group("type") or unnumbered.group("bare_type")
        title = text[unnumbered.end() : unnumbered.end() + HEADER_REACH]
        if sign:
            plan.doc_type = words.sign_types.get(sign) or ("cong_van" if words.letter_body.fullmatch(sign) else "other")
        else:
            plan.doc_type = words.type_word(title) or "other"
    elif headed := own_heading_type(text, words):
        plan.doc_type = headed
    elif announced and target_sentences and not words.against_plan.search(text, *announced):
        doc_type = (words.goal_setter_type(text[announced[0] : announced[1]]) or words.type_word(text[announced[0] : announced[1]])
                    or words.announced_type(text, *announced))
        if doc_type:
            plan.doc_type = doc_type
    if plan.doc_type is None:
        plan.doc_type = words.goals_owner_type(text)  # a page telling a document's goals is about it, figures or none
    anchor = symbol.evidence.end if symbol else words.type_word_end(text, announced)
    period = plan_period(extraction, announced, anchor, target_sentences, words)
    if period:
        start, end, evidence, horizon = period
        plan.period_start, plan.period_end = start, horizon or end
        plan.evidence["period"] = evidence
        return end if horizon else None
    return None


def _date(plan: PlanRecord, extraction: Extraction, symbol, unnumbered, announced, dateline_year, words: PlanWords) -> None:
    text = extraction.document.text
    if unnumbered and not symbol:
        issued = header_date(text, unnumbered.start(), extraction.dates, words)
    else:
        issued = issue_date(text, extraction.dates, extraction.symbols, symbol, announced, words)
    if issued:
        _set_issued(plan, extraction, issued, dateline_year)


def _set_issued(plan: PlanRecord, extraction: Extraction, issued: DateMention, dateline_year: int | None) -> None:
    year = issued.year or dateline_year or _year_before(extraction.stamped, issued.month) or _adoption_year(plan, issued.month)
    if year:
        plan.issued = safe_date(year, issued.month, issued.day)
        plan.evidence["issued"] = issued.evidence


def _adopted_in_session(plan: PlanRecord, extraction: Extraction, sentences, announced, dateline_year, words: PlanWords) -> None:
    """A council's resolution the page gives no date for, numbered or not, is issued the day the session
    adopting it sat (`session_day`); a party congress's is issued later by its committee, and
    reviewers leave its day out (w087, w148, w152, w154)."""
    if plan.issued or not announced or plan.issuer_body != "hdnd" or plan.doc_type != "nghi_quyet":
        return
    day = session_day(extraction.document.text, extraction.dates, extraction.symbols, sentences, announced, words)
    if day:
        _set_issued(plan, extraction, day, dateline_year)


def _start_at_issue(plan: PlanRecord, phase_end: int | None) -> None:
    """A plan whose name gives its phase's end and a horizon ("đến năm 2025, tầm nhìn đến năm
    2050") runs from the year it was issued (annotation rule 7; w191, w212), not from the national
    phase's first year. `phase_end` is set only where the name gave a horizon."""
    if phase_end and plan.issued and plan.evidence["period"].rule_id == UNTIL_RULE and plan.issued.year <= phase_end:
        plan.period_start = plan.issued.year


def _quoting_sentences(text: str, targets: list[TargetMention], words: PlanWords) -> frozenset[tuple[int, int]]:
    """The sentences holding only goals a plan noun quotes in a bracket beside results ("vượt chỉ
    tiêu Nghị quyết Đại hội ... đề ra (giảm bình quân 5-6%/năm)"), on a page with goals of its own."""
    own = frozenset((t.sentence.start, t.sentence.end) for t in targets if not t.quoted)
    if not own:
        return frozenset()  # a results page quoting its plan's goals: that plan is the page's
    return frozenset((t.sentence.start, t.sentence.end) for t in targets
                     if t.quoted and t.modality_rule == words.quoted_goal_rule and _in_bracket(text, t)) - own


def _in_bracket(text: str, target: TargetMention) -> bool:
    before = text[target.sentence.start : target.evidence.start]
    return before.rfind("(") > before.rfind(")")


def _issuer_and_place(plan: PlanRecord, extraction: Extraction, sentences, symbol, announced, target_sentences,
                      words: PlanWords, places: Gazetteer) -> None:
    text = extraction.document.text
    quoting = _quoting_sentences(text, extraction.targets, words)
    if announced and (announced in quoting or announced not in target_sentences and words.against_plan.search(text, *announced)):
        # "Theo Sở ..., năm 2023 tỉnh giảm được 2.214 hộ nghèo, vượt kế hoạch đề ra": a result's source;
        # so is the document whose earlier goal a result is weighed against
        announced = None
    issuer = plan_issuer(text, sentences, extraction.issuers, extraction.symbols, announced, symbol, words, target_sentences, quoting)
    if issuer:
        plan.issuer_body = issuer.body
        plan.issuer_level = issuer.level
        plan.evidence["issuer"] = issuer.evidence
    subject = subject_place(extraction, words)
    if issuer and issuer.place:
        plan.place = issuer.place
    else:
        plan.place = subject.name if subject else page_place(extraction)
        if issuer and issuer.level == "province" and not subject and plan.place:
            # "Chủ tịch UBND tỉnh chủ trì ...": a district the page names in passing is in the province spoken of
            plan.place = province_of(plan.place, extraction, places) or plan.place
    approved = approved_unit(text, extraction.places, words, plan.issuer_level) if issuer else None
    if approved:
        plan.place = approved.name  # a province approving a district's scheme: the district's plan
    if plan.issuer_level == "national":
        plan.place = None  # a national document covers no one territory
    if plan.issuer_level is None and subject and (target_sentences or plan.symbol or plan.doc_type):
        plan.issuer_level = subject.level
    bodies = frozenset(i.evidence.start for i in extraction.issuers)
    spoken_for = territory_level(text, target_sentences, words, bodies) if target_sentences else None
    if plan.issuer_level is None and plan.place and (target_sentences or plan.symbol or plan.doc_type):
        plan.issuer_level = next((p.level for p in extraction.places if p.name == plan.place), None)
        if spoken_for == "national" or (plan.issuer_level == "district" and spoken_for == "province" and not subject):
            # a unit named in passing on a page whose targets speak for the whole country or province
            plan.place = None if spoken_for == "national" else province_of(plan.place, extraction, places)
            plan.issuer_level = spoken_for
        elif below(spoken_for, plan.issuer_level) and not subject:
            # "huyện Tu Mơ Rông (Kon Tum) ... huyện đặt ra mục tiêu ...": targets spoken for a unit
            # below the province the page also names are that unit's
            unit = next((p for p in extraction.places if p.level == spoken_for), None)
            if unit:
                plan.place, plan.issuer_level = unit.name, spoken_for
    if plan.issuer_level is None and announced and words.national_goal_setter(text[announced[0] : announced[1]]):
        # "Chiến lược quốc gia ... đặt mục tiêu": a national plan
        plan.issuer_level, plan.place = "national", None
    if plan.issuer_level is None:
        plan.issuer_level = spoken_for


def _year_before(stamped: tuple[int, int] | None, month: int | None) -> int | None:
    """The year of a day and month told without one ("Ngày 19/12, ..."): the latest on or before
    the page's stamped date."""
    if stamped is None or month is None:
        return None
    return stamped[0] if month <= stamped[1] else stamped[0] - 1


ADOPTION_MONTH = 10  # from October on, an annual plan adopted is next year's (annotation rule 6)


def _adoption_year(plan: PlanRecord, month: int | None) -> int | None:
    """The year of an undated page's day and month, from the plan's years: an annual plan is
    adopted late in the year before it ("Ngày 9/12, HĐND tỉnh thông qua ... mục tiêu năm 2023")."""
    if plan.period_start is None:
        return None
    late = plan.period_start == plan.period_end and month is not None and month >= ADOPTION_MONTH
    return plan.period_start - 1 if late else plan.period_start


def _body_holding(extraction: Extraction, body: str, meeting: re.Pattern) -> IssuerMention | None:
    """The first body of that kind the page says holds a meeting: a council in session ("HĐND tỉnh
    Bắc Kạn khóa VII đã họp ..."), a party committee at work ("Huyện ủy Nông Sơn làm việc với ...")."""
    text = extraction.document.text
    return next((i for i in extraction.issuers if i.body == body and meeting.match(text, i.evidence.end)), None)


def _meeting_body(plan: PlanRecord, body: IssuerMention) -> None:
    """The party body whose congress the page reports ("Đảng bộ xã Bắc Sơn tổ chức Đại hội đại
    biểu Đảng bộ xã lần thứ 26, nhiệm kỳ 2020-2025"), or the council whose session it reports,
    sets the targets no other body set."""
    plan.issuer_body, plan.evidence["issuer"] = body.body, body.evidence
    if body.level:
        plan.issuer_level = body.level
        plan.place = body.place or (plan.place if body.level == "province" else None)


def _for_plan(target: TargetMention, plan: PlanRecord, due: int | None, places: Gazetteer) -> TargetMention:
    """A target due when the plan's phase ends (`due`) unless it says otherwise; a quota of the
    unit the plan itself covers ("Thị xã Hương Thủy ... đạt 14,4%" in Hương Thủy's plan) is for all of it."""
    update: dict = {}
    if target.year is None:
        update["year"] = due
    if target.scope == "other" and _names_plan_unit(target.text, plan, places):
        update["scope"] = "all"
    return target.model_copy(update=update) if update else target


def _names_plan_unit(text: str, plan: PlanRecord, places: Gazetteer) -> bool:
    """Whether a quota's text names the plan's own unit: a province's plan naming its capital
    city, which shares its name ("thành phố Hà Tĩnh" in tỉnh Hà Tĩnh's list of district quotas),
    names a unit below it."""
    if not plan.place or plan.place.lower() not in text.lower():
        return False
    named = [place for _, _, place in places.find(text) if place.name.lower() == plan.place.lower()]
    return not named or plan.issuer_level is None or any(place.level == plan.issuer_level for place in named)
