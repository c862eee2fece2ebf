"""Who issued the plan, and where it applies."""

from __future__ import annotations

import datetime as dt
from typing import get_args

from ..models import Extraction, IssuerMention, Level, PlaceMention, PlanRecord, SymbolMention
from ..passes.issuers import HEADLINE_PLACE_RULE
from ..places import Gazetteer
from .plan import HEADER_CHARS
from .words import PlanWords

_LEVELS = get_args(Level)  # from the top down
TITLE_REACH = 300  # characters a title in capitals may wrap over


def plan_issuer(text: str, sentences, issuers: list[IssuerMention], symbols: list[SymbolMention], issue_sentence, plan_symbol,
                words: PlanWords, target_sentences: frozenset[tuple[int, int]],
                quoting_sentences: frozenset[tuple[int, int]]) -> IssuerMention | None:
    """The body in a document's own header ("ỦY BAN NHÂN DÂN / TỈNH TUYÊN QUANG / Số: ..."),
    else the body in the sentence announcing the plan, else one that sets or states the
    targets ("UBND tỉnh Tây Ninh đặt ra mục tiêu", w132; "Theo UBND tỉnh Cà Mau, năm 2024 tỉnh phấn
    đấu ..."; a body quoted for a figure that is no target is only a source)."""
    for issuer in issuers:
        if words.issuer_label.search(text[max(0, issuer.evidence.start - 60) : issuer.evidence.start]):
            return issuer  # a register's record: "Cơ quan ban hành / Chức danh / Người ký: Quốc hội"
    header = _header_issuer(issuers, plan_symbol)
    if header:
        return header
    if plan_symbol:
        for issuer in issuers:
            # "Kế hoạch số 120/KH-UBND ngày 10/1/2024 của UBND tỉnh Cao Bằng": the plan's own body
            if issuer.evidence.start > plan_symbol.evidence.end and words.own_issuer_after.fullmatch(
                text, plan_symbol.evidence.end, issuer.evidence.start
            ):
                return issuer
    inside = [i for i in issuers if issue_sentence and issue_sentence[0] <= i.evidence.start < issue_sentence[1]]
    if plan_symbol:
        # "... Kế hoạch số 86/KH-UBND ngày 01/4/2020 của Ủy ban nhân dân tỉnh": the issuer
        # before the symbol is this plan's; one after it belongs to a cited document.
        inside = [i for i in inside if i.evidence.start < plan_symbol.evidence.start] or inside
    # "Căn cứ Kế hoạch số 147/KH-UBND ngày 31/5/2022 của UBND tỉnh Sơn La, UBND huyện ... ban
    # hành": the body after a cited symbol's "của" issued that document; it is this plan's only
    # where no body sets or states the targets
    own = [i for i in inside if not _issuer_of_cited(text, i, symbols, plan_symbol, words)]
    # the body that set an earlier goal a results sentence quotes set no goal of this page's own
    setters = [i for i in issuers if not any(s <= i.evidence.start < e for s, e in quoting_sentences)]
    return next(iter(own), None) or _goal_setter(text, sentences, setters, words, target_sentences) or next(iter(inside), None)


def _goal_setter(text: str, sentences, issuers: list[IssuerMention], words: PlanWords,
                 target_sentences: frozenset[tuple[int, int]]) -> IssuerMention | None:
    """A body that sets or states the targets."""
    for issuer in issuers:
        if issuer.body == "department":
            continue  # a department head quoting results does not set the plan's targets
        sentence = next(((s, e) for s, e in sentences if s <= issuer.evidence.start < e), None)
        if sentence is None:
            continue
        according_to = words.according_to.search(text[max(0, issuer.evidence.start - 8) : issuer.evidence.start])
        if according_to and text[issuer.evidence.end : issuer.evidence.end + 2].startswith(",") and sentence in target_sentences:
            return issuer
        after = text[issuer.evidence.end : sentence[1]][:120]
        if words.sets_targets and words.sets_targets.search(after):
            return issuer
        if sentence in target_sentences and words.tells_figures and words.tells_figures.search(after):
            return issuer  # a body telling figures speaks for them only where they are targets
        if words.goals_above and words.goals_above.search(text, sentence[0], issuer.evidence.start):
            return issuer
    return None


def _header_issuer(issuers: list[IssuerMention], plan_symbol) -> IssuerMention | None:
    """The body in capitals above the header's number ("UBND TỈNH GIA LAI / SỞ NÔNG NGHIỆP VÀ
    MÔI TRƯỜNG": the lower line is the issuer, in the upper line's place)."""
    header_end = plan_symbol.evidence.start if plan_symbol else 400
    header = [
        i for i in issuers
        if i.evidence.end <= header_end and (plan_symbol is None or header_end - i.evidence.end <= 300)
        and i.evidence.text.isupper() and len(i.evidence.text) > 4
    ]
    if not header:
        return None
    issuer = header[-1]
    if issuer.place is None and header[0].place:
        issuer = issuer.model_copy(update={"place": header[0].place, "level": issuer.level or header[0].level})
    return issuer


def _issuer_of_cited(text: str, issuer: IssuerMention, symbols: list[SymbolMention], plan_symbol, words: PlanWords) -> bool:
    cited = [s for s in symbols if s is not plan_symbol and 0 <= issuer.evidence.start - s.evidence.end <= 80]
    return any(words.cited_issuer.search(text, s.evidence.end, issuer.evidence.start) for s in cited)


def date_place(plan: PlanRecord, places: Gazetteer, on_date: dt.date | None) -> None:
    """The plan's level as its place stood on `on_date`: "thành phố Huế" is the district-level
    city until the end of 2024 and the centrally-run city after."""
    if not (plan.place and on_date and plan.issuer_level in ("province", "district")):
        return
    unit = places.lookup(plan.place, plan.issuer_level, on_date=on_date)
    if unit and unit.level != plan.issuer_level:
        plan.issuer_level, plan.place = unit.level, unit.name


def subject_place(extraction: Extraction, words: PlanWords) -> PlaceMention | None:
    """The unit that commits to the goals: "Phường Xuân Phương phấn đấu ...", "Huyện Quản Bạ đặt
    mục tiêu ..."."""
    text = extraction.document.text
    return next((p for p in extraction.places if words.commits_after.match(text, p.evidence.end)), None)


def page_place(extraction: Extraction) -> str | None:
    """Where the text names no place with the issuer: the page's hints (masthead, footer), then
    the district its headline opens with ("Ba Bể: PHẤN ĐẦU GIẢM 5% ...", w292; a paper's sigil
    in the lead names the province it sits in), then its first province, then district (a commune
    named in passing is no plan's place)."""
    if extraction.document.place_hints:
        return extraction.document.place_hints[0]
    headline = next((p for p in extraction.places if p.evidence.rule_id == HEADLINE_PLACE_RULE), None)
    if headline:
        return headline.name
    for level in ("province", "district"):
        named = next((p for p in extraction.places if p.level == level), None)
        if named:
            return named.name
    return None


def province_of(place: str, extraction: Extraction, places: Gazetteer) -> str | None:
    """The province of a district the gazetteer knows; None for one it does not."""
    mention = next((p for p in extraction.places if p.name == place and p.level == "district"), None)
    unit = places.lookup(place, "district") if mention and mention.code else None
    return unit.province if unit else None


def territory_level(text: str, sentences: frozenset[tuple[int, int]], words: PlanWords, bodies: frozenset[int]) -> Level | None:
    """The level of the territory the target sentences speak of most ("tỉnh ta", "toàn huyện",
    "cả nước"), when no body or place gives the plan's level; a level word that begins a body's
    name ("của Tỉnh ủy": `bodies` holds where each body begins) is no territory."""
    counts: dict[str, int] = {}
    for start, end in sorted(sentences):
        for match in words.territory.finditer(text, start, end):
            if match.start("before") in bodies:
                continue
            level = words.territory_level(match)
            counts[level] = counts.get(level, 0) + 1
    return max(counts, key=counts.get) if counts else None  # type: ignore[return-value]


def below(level: str | None, other: str | None) -> bool:
    return level in _LEVELS and other in _LEVELS and _LEVELS.index(level) > _LEVELS.index(other)


def approved_unit(text: str, places: list[PlaceMention], words: PlanWords, level: Level | None) -> PlaceMention | None:
    """The one unit below the issuer's `level` named by the title of a plan it approves near the
    top of the page (rules/symbols.yaml approving_verbs): annotation rule 3, a province approving
    a district's scheme covers the district. A line citing a basis approves nothing."""
    for match in words.approving.finditer(text, 0, HEADER_CHARS):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if words.legal_basis.match(text, line_start):
            continue
        title = words.title_end.search(text, match.end(), match.end() + TITLE_REACH)
        end = title.start() if title else match.end() + TITLE_REACH
        units = {p.name: p for p in places if match.end() <= p.evidence.start < end and below(p.level, level)}
        if len(units) == 1:
            return next(iter(units.values()))
    return None
