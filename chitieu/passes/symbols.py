"""Document symbols ("199/KH-UBND", "20-NQ/TU", "45/2023/QĐ-TTg", "139KH-UBND") with their type.

Symbols are read by regex over the normalised text: underthesea splits them inconsistently.
"""

from __future__ import annotations

import re
from spacy.tokens import Doc

from ..models import DocType, Evidence, SymbolMention, SymbolRules
from ..nlp import text_of
from ..phrases import alternation, key
from ..rules import Rules

# One part of a sign: capitals and digits, lower case only inside ("TTg", "CTr", "QyĐ").
_PART = r"[A-ZĐ](?:[A-ZĐ0-9&]|[a-zđy](?=[A-ZĐ0-9]|(?![\w])))*(?![\w])"
_SIGN = rf"{_PART}(?:\s?-\s?{_PART})*"
# "19-2017/NQ-CP": the Government's resolutions of 2014-2018 join the year to the number
_STANDARD = rf"(?P<num>\d{{1,6}}(?:-(?:19|20)\d\d)?)\s?/\s?(?:(?P<year>(?:19|20)\d\d)\s?/\s?)?(?P<sign>{_SIGN})"
PARTY_RULE = "symbol-party.v1"  # a party document's symbol, "20-NQ/TU"
_PARTY = rf"(?P<pnum>\d{{1,6}})\s?-\s?(?P<ptype>[A-ZĐ][A-Za-zĐđ]{{1,4}})\s?/\s?(?P<pbody>{_SIGN})"


class SymbolPass:
    """Finds every document symbol; build once per Rules."""

    def __init__(self, rules: Rules):
        self.rules = rules.symbols
        self.by_abbreviation = {a: (r.code, r.id) for r in self.rules.sign_types for a in r.abbreviations}
        known = "|".join(sorted(map(re.escape, self.by_abbreviation), key=len, reverse=True))
        # "Kế hoạch số 139KH-UBND": the slash is missing between number and type.
        glued = rf"(?P<gnum>\d{{1,6}})(?P<gtype>{known})\s?-\s?(?P<gbody>{_PART})"
        self.symbol_re = re.compile(rf"(?<![\w/.-])(?:{_PARTY}|{_STANDARD}|{glued})")
        self.letter_body = letter_body_re(self.rules)
        self.words = {key(p): (r.code, r.id) for r in self.rules.type_words for p in r.phrases}
        self.word_before_re = re.compile(
            r"(?P<word>" + alternation(self.words) + r")"
            rf"(?:\s+(?:{alternation(rules.frame.number_words.phrases)}))?\s*:?\s*$",
            re.IGNORECASE,
        )

    def run(self, doc: Doc) -> list[SymbolMention]:
        text = text_of(doc)
        found: list[SymbolMention] = []
        for match in self.symbol_re.finditer(text):
            symbol, sign_type, rule_id = _canonical(match)
            if sign_type in self.rules.ignored_types or not _has_two_capitals(symbol):
                continue
            doc_type, rule_id = self._doc_type(sign_type, match, text, rule_id)
            found.append(
                SymbolMention(
                    symbol=symbol,
                    doc_type=doc_type,
                    evidence=Evidence(start=match.start(), end=match.end(), text=match.group(), rule_id=rule_id),
                )
            )
        return found

    def _doc_type(self, sign_type: str, match: re.Match, text: str, rule_id: str) -> tuple[DocType, str]:
        if sign_type in self.by_abbreviation:
            return self.by_abbreviation[sign_type][0], rule_id
        word = self.word_before_re.search(text[max(0, match.start() - 40) : match.start()])
        if word:
            return self.words[key(word.group("word"))]
        if not match.group("year") and (not sign_type or self.letter_body.fullmatch(sign_type)):
            return "cong_van", rule_id  # "123/UBND-VX": a letter's sign carries no type
        # "101/2015/QH13": a law's sign carries the year and the body, no type
        return "other", rule_id


def _canonical(match: re.Match) -> tuple[str, str, str]:
    """The symbol without spaces, slash restored; its type abbreviation; the rule id."""
    if match.group("pnum"):
        symbol = f"{match.group('pnum')}-{match.group('ptype')}/{match.group('pbody')}"
        return symbol, match.group("ptype"), PARTY_RULE
    if match.group("gnum"):
        symbol = f"{match.group('gnum')}/{match.group('gtype')}-{match.group('gbody')}"
        return symbol, match.group("gtype"), "symbol-glued.v1"
    sign = re.sub(r"\s", "", match.group("sign"))
    year = match.group("year")
    symbol = f"{match.group('num')}/{year + '/' if year else ''}{sign}"
    sign_type = sign.split("-")[0] if "-" in sign else ""
    return symbol, sign_type, "symbol-standard.v1"


def _has_two_capitals(symbol: str) -> bool:
    return sum(c.isupper() for c in symbol) >= 2


def letter_body_re(rules: SymbolRules) -> re.Pattern:
    """The first parts of a sign that make it a letter's (see rules/symbols.yaml)."""
    return re.compile("|".join(f"(?:{p})" for p in rules.letter_bodies))
