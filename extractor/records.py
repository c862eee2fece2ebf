"""Extraction (what the passes found) -> DocumentResult (the plan, references and targets).

Choosing the page's plan among the symbols, dates, issuers and periods it mentions is the
only judgement made here; every chosen value keeps the evidence it came from.
"""

from __future__ import annotations

import datetime as dt
import re

from .models import (
    DateMention, DocType, DocumentResult, Evidence, Extraction, IssuerMention, PeriodMention,
    PlanRecord, ReferenceRecord, SymbolMention, TargetMention,
)
from .passes.periods import phase_start
from .sentences import sentence_spans

_ISSUING = re.compile(r"\b(?:ban\s+hành|phê\s+duyệt|ký|thông\s+qua|vừa\s+được)\b", re.IGNORECASE)
_CITING_BEFORE = re.compile(r"(?:căn\s+cứ|theo|thực\s+hiện|triển\s+khai|tại|của|sửa\s+đổi|kèm\s+theo)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_HEADER_SYMBOL = re.compile(r"(?:^|\n)\s*(?:\|\s*)?Số\s*:\s*$", re.IGNORECASE)
_TYPE_WORDS: list[tuple[re.Pattern, DocType]] = [
    (re.compile(r"\bkế\s+hoạch\b", re.IGNORECASE), "ke_hoach"),
    (re.compile(r"\bđề\s+án\b", re.IGNORECASE), "de_an"),
    (re.compile(r"\bnghị\s+quyết\b", re.IGNORECASE), "nghi_quyet"),
    (re.compile(r"\bquyết\s+định\b", re.IGNORECASE), "quyet_dinh"),
    (re.compile(r"\bchương\s+trình\s+hành\s+động\b", re.IGNORECASE), "chuong_trinh"),
]


def build_result(extraction: Extraction) -> DocumentResult:
    text = extraction.document.text
    sentences = sentence_spans(text)
    dateline_year = next((d.year for d in extraction.dates if d.is_dateline and d.year), None)
    plan_symbol = _plan_symbol(text, extraction.symbols)
    issue_sentence = _issue_sentence(text, sentences, plan_symbol, extraction.targets)
    plan = PlanRecord()
    if plan_symbol:
        plan.symbol, plan.doc_type = plan_symbol.symbol, plan_symbol.doc_type
        plan.evidence["symbol"] = plan_symbol.evidence
    elif issue_sentence and extraction.targets:
        doc_type = _type_word(text[issue_sentence[0] : issue_sentence[1]])
        if doc_type:
            plan.doc_type = doc_type
    period = _period(extraction.periods, issue_sentence, extraction.targets, text)
    if period:
        plan.period_start, plan.period_end = period[0], period[1]
        plan.evidence["period"] = period[2]
    issued = _issue_date(text, extraction.dates, plan_symbol, issue_sentence)
    if issued:
        year = issued.year or dateline_year or plan.period_start
        if year:
            plan.issued = _date(year, issued.month, issued.day)
            plan.evidence["issued"] = issued.evidence
    issuer = _issuer(extraction.issuers, issue_sentence, plan_symbol)
    if issuer:
        plan.issuer_body = issuer.body
        plan.issuer_level = issuer.level
        plan.evidence["issuer"] = issuer.evidence
    plan.place = (issuer.place if issuer and issuer.place else None) or _page_place(extraction)
    if plan.issuer_level is None and plan.place and (extraction.targets or plan.symbol):
        plan.issuer_level = next((p.level for p in extraction.places if p.name == plan.place), None)
    if not (extraction.targets or plan.symbol):
        plan = PlanRecord()  # a page about no plan: every plan field null
    references = _references(text, extraction.symbols, extraction.dates, dateline_year)
    targets = [
        t if t.year is not None else t.model_copy(update={"year": plan.period_end})
        for t in extraction.targets
    ]
    return DocumentResult(document=extraction.document, plan=plan, references=references, targets=targets)


# ---------------------------------------------------------------- plan symbol and sentence


def _plan_symbol(text: str, symbols: list[SymbolMention]) -> SymbolMention | None:
    """The header "Số: ..." of a legal page, else the symbol a sentence says was issued."""
    for symbol in symbols:
        if _HEADER_SYMBOL.search(text[max(0, symbol.evidence.start - 12) : symbol.evidence.start]):
            return symbol
    for symbol in symbols:
        start = symbol.evidence.start
        before = text[max(0, start - 80) : start]
        sentence_start = max(before.rfind("."), before.rfind("\n"), before.rfind(";"))
        before = before[sentence_start + 1 :]
        if _ISSUING.search(before) and not _CITING_BEFORE.search(before[-40:]):
            return symbol
    return None


def _issue_sentence(text, sentences, plan_symbol, targets) -> tuple[int, int] | None:
    """The sentence that announces the plan: the one with its symbol or an issuing verb."""
    if plan_symbol:
        for start, end in sentences:
            if start <= plan_symbol.evidence.start < end:
                return start, end
    first_target = targets[0].evidence.start if targets else len(text)
    for start, end in sentences:
        if start > first_target:
            break
        sentence = text[start:end]
        if _ISSUING.search(sentence) and _type_word(sentence):
            return start, end
    for start, end in sentences:
        if start > first_target:
            break
        if _type_word(text[start:end]) and re.search(r"kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu", text[start:end], re.IGNORECASE):
            return start, end
    return None


def _type_word(sentence: str) -> DocType | None:
    found = [(m.start(), code) for pattern, code in _TYPE_WORDS for m in pattern.finditer(sentence)]
    return min(found)[1] if found else None


# ---------------------------------------------------------------- period and dates


def _period(periods: list[PeriodMention], issue_sentence, targets: list[TargetMention], text: str):
    """Annual plan N-N; "giai đoạn A-B"; "đến năm B" from its phase's first year."""
    candidates = periods
    if issue_sentence:
        inside = [p for p in periods if issue_sentence[0] <= p.evidence.start < issue_sentence[1]]
        if inside:
            candidates = inside
    title = [p for p in periods if p.evidence.start < 300]
    pool = candidates if issue_sentence and candidates is not periods else (title or periods)
    years = [p for p in pool if p.kind == "year"]
    ranges = [p for p in pool if p.kind == "range"]
    untils = [p for p in pool if p.kind == "until"]
    if years and (not ranges or years[-1].evidence.start > ranges[0].evidence.start):
        # "giai đoạn 2021-2025, năm 2023": an annual plan inside a phase
        year = years[-1]
        return year.end, year.end, year.evidence
    if ranges:
        return ranges[0].start, ranges[0].end, ranges[0].evidence
    if untils:
        until = untils[0]
        return phase_start(until.end), until.end, until.evidence
    target_years = sorted({t.year for t in targets if t.year})
    if target_years:
        return target_years[0], target_years[-1], None
    return None


def _issue_date(text, dates: list[DateMention], plan_symbol, issue_sentence) -> DateMention | None:
    if plan_symbol:
        return _date_after(text, plan_symbol, dates)
    if issue_sentence:
        for date in dates:
            if issue_sentence[0] <= date.evidence.start < issue_sentence[1] and not date.is_dateline:
                return date
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- issuer and place


def _issuer(issuers: list[IssuerMention], issue_sentence, plan_symbol) -> IssuerMention | None:
    if issue_sentence:
        inside = [i for i in issuers if issue_sentence[0] <= i.evidence.start < issue_sentence[1]]
        if plan_symbol:
            # "... Kế hoạch số 86/KH-UBND ngày 01/4/2020 của Ủy ban nhân dân tỉnh": the issuer
            # before the symbol is this plan's; one after it belongs to a cited document.
            before = [i for i in inside if i.evidence.start < plan_symbol.evidence.start]
            inside = before or inside
        if inside:
            return inside[0]
    return None


def _page_place(extraction: Extraction) -> str | None:
    """Where the text names no place with the issuer: the page's hints, then its first province."""
    if extraction.document.place_hints:
        return extraction.document.place_hints[0]
    provinces = [p for p in extraction.places if p.level == "province"]
    if provinces:
        return provinces[0].name
    return extraction.places[0].name if extraction.places else None


# ---------------------------------------------------------------- references


def _references(text, symbols: list[SymbolMention], dates: list[DateMention], dateline_year) -> list[ReferenceRecord]:
    seen: dict[str, ReferenceRecord] = {}
    for symbol in symbols:
        key = symbol.symbol.replace("Đ", "D").replace("đ", "d")
        date = _date_after(text, symbol, dates)
        issued = _date(date.year or dateline_year, date.month, date.day) if date and (date.year or dateline_year) else None
        if key in seen:
            if seen[key].issued is None and issued:
                seen[key] = seen[key].model_copy(update={"issued": issued})
            continue
        seen[key] = ReferenceRecord(symbol=symbol.symbol, doc_type=symbol.doc_type, issued=issued, evidence=symbol.evidence)
    return list(seen.values())


def _date_after(text: str, symbol: SymbolMention, dates: list[DateMention]) -> DateMention | None:
    end = symbol.evidence.end
    for date in dates:
        # "199/KH-UBND ngày 02/8/2022"; a legal header: "Số: 270/KH-UBND | Đồng Tháp, ngày 19 ..."
        gap = text[end : date.evidence.start]
        if 0 <= len(gap) <= 45 and re.fullmatch(r"[\s,|]*(?:[^\d\n|,]{0,25},\s*)?(?:ngày)?\s*", gap, re.IGNORECASE):
            return date
    # "Ngày 02/8/2022, UBND tỉnh ban hành Kế hoạch số 199/KH-UBND": the date leads the sentence.
    before = [d for d in dates if d.evidence.end <= symbol.evidence.start and not d.is_dateline]
    if before:
        date = before[-1]
        gap = text[date.evidence.end : symbol.evidence.start]
        if len(gap) <= 120 and _ISSUING.search(gap) and not re.search(r"[.;\n]|\d+/", gap):
            return date
    return None
