"""Which symbol is the page's plan, and which sentence announces it."""

from __future__ import annotations

import re

from ..models import IssuerMention, SymbolMention
from ..passes.symbols import PARTY_RULE
from .words import PlanWords

HEADER_REACH = 300
HEADER_CHARS = 1500
HEADER_LABEL_REACH = 45  # characters before a symbol where its "Số:" label, and a motto before that, may stand


def find_plan_symbol(
    text: str, symbols: list[SymbolMention], words: PlanWords, own_header: bool, target_sentences: frozenset[tuple[int, int]],
) -> SymbolMention | None:
    """The header "Số: ..." of a legal page, else the symbol a sentence says was issued:
    "UBND tỉnh ban hành Kế hoạch số 199/KH-UBND", "Theo Kế hoạch số 117/KH-UBND ... do UBND
    tỉnh vừa ban hành", else a plan named in a sentence stating targets ("Theo Kế hoạch số
    120/KH-UBND ..., năm 2024 tỉnh phấn đấu ..."). A symbol cited as a basis ("Căn cứ", "Triển
    khai ... Kế hoạch số") is not, nor any symbol in a document whose own header number is blank
    (`own_header`)."""
    for symbol in symbols:
        if in_header(text, symbol, words):
            return symbol
    if own_header:
        return None
    for symbol in symbols:
        start, end = symbol.evidence.start, symbol.evidence.end
        before = _same_sentence_before(text[max(0, start - 80) : start])
        if words.issuing.search(before) and not words.citing_before.search(before[-40:]):
            return symbol
        after = _same_sentence_after(text[end : end + 220])
        if words.issued_after.search(after):
            return symbol
    for symbol in symbols:
        start = symbol.evidence.start
        if symbol.doc_type not in words.plan_types or words.basis_before.search(text[max(0, start - 40) : start]):
            continue
        if any(s <= start < e for s, e in target_sentences):
            return symbol
    return None


def in_header(text: str, symbol: SymbolMention, words: PlanWords) -> bool:
    """A symbol on a header's number line: near the top of the page ("Số:" in an annex table
    cell cites another document), or in a register's "Số ký hiệu" field anywhere."""
    before = text[max(0, symbol.evidence.start - HEADER_LABEL_REACH) : symbol.evidence.start]
    label = words.header_symbol.search(before)
    if label is None and symbol.evidence.rule_id == PARTY_RULE:
        return symbol.evidence.start < HEADER_CHARS and bool(words.party_header_symbol.search(before))
    return bool(label) and (symbol.evidence.start < HEADER_CHARS or label.group("label") is not None)


def own_heading_type(text: str, words: PlanWords):
    """The type a legal document's heading gives it, a line of its own under the national motto
    ("Độc lập - Tự do - Hạnh phúc" ... "QUYẾT ĐỊNH", "THÔNG BÁO"): the page is that document even
    where OCR lost its number line ("46 4 /QĐ-UBND Hà Tĩnh, ngày ...", "Só:J‡92 /TB-UBND"); rule 5,
    a plan a Quyết định promulgates is one."""
    lines = text[:HEADER_CHARS].splitlines()
    motto = next((i for i, line in enumerate(lines) if words.motto.search(line)), None)
    if motto is None:
        return None
    return next((code for line in lines[motto + 1 : motto + HEADING_LINES] if (code := words.heading_type(line))), None)


HEADING_LINES = 6  # lines after the motto within which the document's type heading stands


def _same_sentence_before(before: str) -> str:
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind(";"))
    return before[cut + 1 :]


def _same_sentence_after(after: str) -> str:
    cut = min([i for i in (after.find(". "), after.find("\n"), after.find(";")) if i >= 0] or [len(after)])
    after = after[:cut]
    next_symbol = re.search(r"\d+\s?[/-]\s?[A-ZĐ]", after)
    return after[: next_symbol.start()] if next_symbol else after


def find_issue_sentence(text, sentences, plan_symbol, targets, issuers: list[IssuerMention], words: PlanWords) -> tuple[int, int] | None:
    """The sentence that announces the plan: the one with its symbol, else one quoting the goal
    of a document it names with its body ("đạt mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh ...
    (nhiệm kỳ 2020 - 2025), ... bình quân hằng năm đạt 3 - 5%"), else one with an issuing verb,
    else one whose subject is a document setting goals ("Chiến lược quốc gia ... đặt mục tiêu")."""
    if plan_symbol:
        for start, end in sentences:
            if start <= plan_symbol.evidence.start < end:
                return start, end
    title = _own_title(text, sentences, words)
    if title:
        return title
    for start, end in sorted({(t.sentence.start, t.sentence.end) for t in targets}):
        if words.issuing.search(text, start, end):
            continue  # "..., UBND tỉnh ban hành Kế hoạch ...": the plan announced, not one quoted
        for goal in words.goal_of.finditer(text, start, end):
            named = words.type_word_end(text, (goal.end(), min(end, goal.end() + 20)))
            if named > goal.end() and any(goal.end() <= i.evidence.start <= named + 3 for i in issuers):
                return start, end
    # a sentence naming one document before one counting them ("Thông qua 22 nghị quyết", then "...,
    # trong đó có Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2020")
    issuing = next((s for s in _issuing_sentences(text, sentences, words) if not words.only_counted(text, *s[0])),
                   None) or next(_issuing_sentences(text, sentences, words), None)
    if issuing:
        return issuing[0]
    for start, end in sentences:
        if (words.goal_setter_type(text[start:end]) or words.publishes(text[start:end])) and not words.legal_basis.match(text, start, end):
            return start, end
    for start, end in sentences:
        if (words.type_word(text[start:end]) and words.plan_noun.search(text, start, end) and not words.only_drafted(text, start, end)
                and not words.goals_exceeded.search(text, start, end)):
            return start, end  # not a plan whose goals the sentence tells as exceeded ("đạt và vượt 19/23 chỉ tiêu Nghị quyết ...")
    if sentences and words.names_plan(text[sentences[0][0] : sentences[0][1]]):
        return sentences[0]  # a headline naming the document whose figures the page lists
    return None


def _own_title(text: str, sentences, words: PlanWords) -> tuple[int, int] | None:
    """A text opening with a document's title ("Chỉ thị về việc xây dựng kế hoạch phát triển kinh
    tế - xã hội 5 năm 2011 - 2015", a register's copy without its header) is that document; a
    sentence saying a document of its type was issued tells by whom and when ("Ngày 20/9, Thủ
    tướng Chính phủ ban hành Kế hoạch ..."), one issuing a document of another type cites it."""
    if not sentences or not words.title.match(text, *sentences[0]) or words.results.search(text, *sentences[0]):
        return None
    titled = words.type_word(text[sentences[0][0] : sentences[0][1]])
    return next((span for span, named in _issuing_sentences(text, sentences[1:], words) if named == titled), sentences[0])


def _issuing_sentences(text: str, sentences, words: PlanWords):
    """Each sentence saying a document it names was issued ("UBND tỉnh ban hành Kế hoạch ..."),
    with that document's type; a legal basis ("Căn cứ ...") cites, it issues nothing."""
    for start, end in sentences:
        sentence = text[start:end]
        named = words.type_word(sentence) or words.announced_type(text, start, end)
        if words.issuing.search(sentence) and named and not words.legal_basis.match(sentence):
            yield (start, end), named
