"""Issuing bodies with their level and place ("UBND tỉnh Sơn La", "Ban Thường vụ Tỉnh ủy",
"UBND thành phố"), and every place name the text gives."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from ..models import Evidence, IssuerMention, Level, PlaceMention
from ..nlp import text_of
from ..phrases import alternation, key
from ..places import Gazetteer, Place
from ..rules import Rules

_WORD = re.compile(r"\s+([\w'’-]+)")  # "D'Ran", "B’Lao"


class IssuerPass:
    def __init__(self, rules: Rules, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.bodies = {p.lower(): r for r in rules.places.bodies for p in r.phrases}
        self.levels = {p.lower(): r.code for r in rules.places.levels for p in r.phrases}
        self.city_words = {p.lower().rstrip(".") for r in rules.places.levels if r.city for p in r.phrases}
        bodies = alternation(self.bodies)
        levels = alternation(self.levels)
        self.body_re = re.compile(
            rf"(?<![\w/-])(?P<body>{bodies})(?:\s+(?:nhân dân\s+)?(?P<level>{levels})(?!\w))?",
            re.IGNORECASE,
        )

    def run(self, doc: Doc) -> tuple[list[IssuerMention], list[PlaceMention]]:
        text = text_of(doc)
        places = [
            PlaceMention(name=p.name, level=p.level, code=p.code,
                         evidence=Evidence(start=s, end=e, text=text[s:e], rule_id="place-gazetteer.v1"))
            for s, e, p in self.gazetteer.find(text)
        ]
        starts = [p.evidence.start for p in places]
        issuers: list[IssuerMention] = []
        for m in self.body_re.finditer(text):
            body_text = m.group("body")
            rule = self.bodies[key(body_text)]
            level_word = (m.group("level") or "").lower().rstrip(".")
            place, end = self._place_after(text, m.end(), places, starts)
            level = rule.level or self._level(level_word, place)
            name = place.name if place else None
            if level == "commune":
                # a commune's name repeats across provinces: it is kept as written ("UBND xã Tân
                # Lập (huyện Bắc Sơn)") and resolved within the places the document names
                name, end = _proper_name(text, m.end())
            issuers.append(
                IssuerMention(
                    body=rule.code, level=level, place=name,
                    evidence=Evidence(start=m.start(), end=end, text=text[m.start():end], rule_id=rule.id),
                )
            )
        return issuers, places

    def _place_after(self, text: str, offset: int, places: list[PlaceMention], starts: list[int]) -> tuple[Place | None, int]:
        """The place named right after `offset` (at most two spaces between); `starts` are the
        places' start offsets, in order."""
        for mention in places[bisect_left(starts, offset) : bisect_right(starts, offset + 2)]:
            if not text[offset : mention.evidence.start].strip():
                return self.gazetteer.lookup(mention.name, mention.level), mention.evidence.end
        return None, offset

    def _level(self, level_word: str, place: Place | None) -> Level | None:
        # "thành phố X" is a province for a centrally-run city, a district-level city otherwise
        if level_word in self.city_words:
            if place is None or place.level == "province":
                return "province"
            return "district"
        if level_word:
            return self.levels.get(level_word)  # type: ignore[return-value]
        return place.level if place else None


def _proper_name(text: str, offset: int) -> tuple[str | None, int]:
    """Up to four capitalised syllables from `offset`, and the number some new communes carry: a
    unit's name as written ("Tân Lập", "Ea Kao", "Bảo Lâm 1")."""
    words, end = [], offset
    while len(words) < 4 and (word := _WORD.match(text, end)) and (
        word.group(1)[0].isupper() or (words and word.group(1).isdigit() and len(word.group(1)) <= 2)
    ):
        words.append(word.group(1))
        end = word.end()
        if words[-1].isdigit():
            break
    return (" ".join(words), end) if words else (None, offset)
