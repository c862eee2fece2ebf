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
from ..spans import SpanIndex
from ..text import STORED_DATE, unaccented
from .repeats import headline_span

_WORD = re.compile(r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)([\w'’-]+)")  # "D'Ran", "B’Lao"; no name runs past a blank line
HEADER_LINES = re.compile(r"(?:[^\S\n]*\S[^\n]*\n+){1,4}")  # a legal header's lines: its bodies, motto, number and date
HEADER_REACH = 300  # characters at most of such a header
# a headline (after any stored date stamp) opened by a name (each word capitalised) and a colon
_HEADLINE_NAME = re.compile(rf"(?:{STORED_DATE.pattern})?\s*(?P<name>[^\W\d_]+(?:[ \t]+[^\W\d_]+){{0,3}})[ \t]*:")
HEADLINE_PLACE_RULE = "place-headline.v1"
NAMED_AGAIN_RULE = "place-named-again.v1"


class IssuerPass:
    def __init__(self, rules: Rules, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.bodies = {key(p): r for r in rules.places.bodies for p in r.phrases}
        self.back_references = frozenset(r.id for r in rules.places.bodies if r.refers_back)
        # no unit's name runs into the national motto or what a heading says after the name
        frame = rules.frame
        self.name_end = re.compile(rf"(?:{alternation(frame.motto_words.phrases + frame.name_end_words.phrases)})(?!\w)", re.IGNORECASE)
        self.levels = {key(p): r.code for r in rules.places.levels for p in r.phrases}
        self.level_rules = {key(p): r.id for r in rules.places.levels for p in r.phrases}
        self.city_words = {key(p).rstrip(".") for r in rules.places.levels if r.city for p in r.phrases}
        # "huyện Trà Lĩnh", "phường Xuân Phương": a level word that says the level by itself names a
        # unit even where the gazetteer has no such name (communes, districts merged before 2025)
        plain = {p: r.code for r in rules.places.levels if not r.city and r.code in ("district", "commune") for p in r.phrases}
        self.unit_word = re.compile(rf"(?<!\w)(?P<level>{alternation(plain)})(?=\s+[^\W\d_])", re.IGNORECASE)
        self.body_re = _body_pattern(self.bodies, self.levels)
        # "Dự Đại hội có đồng chí ... Tỉnh ủy ...", "đi dự Đại hội Đảng bộ tỉnh": guests, to the sentence's end
        self.attending = re.compile(rf"(?<!\w)(?:{alternation(rules.places.attending_words.phrases)})(?!\w)[^.\n]*", re.IGNORECASE)
        # a two-column header read row by row puts the national name between a body and its unit on
        # the next line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" / "TỈNH HÀ TĨNH Độc lập ...",
        # Tesseract on Hà Tĩnh 1740/QĐ-UBND; "ỦY BAN NHÂN DÂN | CỘNG HÒA ..." / "HUYỆN KỲ SƠN | Độc lập ...")
        self.unit_row = re.compile(rf"[^\S\n]*\|?[^\S\n]*(?:{alternation(frame.motto_words.phrases)})[^\n]*\n\s*"
                                   rf"(?P<level>{alternation(self.levels)})(?=[^\S\n]+\w)", re.IGNORECASE)
        # a scan's header read without accents ("ỦY BAN NHÂN DẦN", "TÍNH HÀ TĨNH"), as its headings are
        self.unaccented_bodies = {unaccented(p): r for p, r in self.bodies.items()}
        self.unaccented_levels = {unaccented(p): p for p in self.levels}
        self.unaccented_body_re = _body_pattern(self.unaccented_bodies, self.unaccented_levels)

    def run(self, doc: Doc) -> tuple[list[IssuerMention], list[PlaceMention]]:
        text = text_of(doc)
        places = [
            PlaceMention(name=p.name, level=p.level, code=p.code,
                         evidence=Evidence(start=s, end=e, text=text[s:e], rule_id="place-gazetteer.v1"))
            for s, e, p in self.gazetteer.find(text)
        ]
        places = places + self._named_units(text, places) + self._headline_unit(text, places)
        places = sorted(places + _named_again(text, places), key=lambda p: p.evidence.start)
        starts = [p.evidence.start for p in places]
        issuers: list[IssuerMention] = []
        named: list[PlaceMention] = []  # districts named bare after a body that is their level
        for m, rule, level_word in self._bodies(text):
            place, end = self._place_after(text, m.end(), places, starts)
            name_at = m.end()
            row = None if place or level_word else self.unit_row.match(text, m.end())
            if row:  # the unit on the header's next row
                level_word, name_at = key(row.group("level")).rstrip("."), row.end()
                place, end = self._place_after(text, name_at, places, starts)
            level = rule.level or self._level(level_word, place)
            name = place.name if place else None
            if level == "commune":
                # a commune's name repeats across provinces: it is kept as written ("UBND xã Tân
                # Lập (huyện Bắc Sơn)") and resolved within the places the document names
                name, end = _proper_name(text, name_at, self.name_end)
            elif place is None and rule.level == "district" and not level_word:
                # a body that is its level ("Huyện ủy Tây Giang") names its district bare, where
                # the gazetteer reads districts only after their level word
                written, after = _proper_name(text, m.end(), self.name_end)
                unit = self.gazetteer.lookup(written, "district") if written else None
                if unit:
                    name, end = unit.name, after
                    named.append(_district_named(unit, text, after - len(written), after, rule.id))
            issuers.append(
                IssuerMention(
                    body=rule.code, level=level, place=name,
                    evidence=Evidence(start=m.start(), end=end, text=text[m.start():end], rule_id=rule.id),
                )
            )
        places = sorted(places + named, key=lambda p: p.evidence.start) if named else places
        issuers, places = _shortest_names(issuers, places)
        guests = SpanIndex(m.span() for m in self.attending.finditer(text))
        return _resolve_bodies(issuers, places, self.back_references, text, guests), places

    def _headline_unit(self, text: str, known: list[PlaceMention]) -> list[PlaceMention]:
        """A headline opened by a district's bare name and a colon names the unit its news is of
        ("Chợ Đồn: Nghị quyết của HĐND huyện ...", w262; "Ba Bể: PHẤN ĐẦU GIẢM 5% ...", w292; "Nông
        Sơn: ...", w109), where the gazetteer reads districts only after their level word."""
        headline = headline_span(text)
        lead = _HEADLINE_NAME.match(text, headline[0]) if headline else None
        if not lead or not all(word[0].isupper() for word in lead.group("name").split()):
            return []
        if any(p.evidence.start == lead.start("name") for p in known):
            return []
        # a name several provinces' districts share is the one in a province the page names
        provinces = [p for m in known if m.level == "province" and (p := self.gazetteer.lookup(m.name, "province"))]
        unit = self.gazetteer.lookup(lead.group("name"), "district", within=provinces)
        if unit is None:
            return []
        return [_district_named(unit, text, lead.start("name"), lead.end("name"), HEADLINE_PLACE_RULE)]

    def _bodies(self, text: str):
        """Each body written in the text, with its rule and level word; where none is in the
        header, the header's read without accents (a scan's OCR misreads them)."""
        found = [(m, self.bodies[key(m.group("body"))], key(m.group("level") or "").rstrip("."))
                 for m in self.body_re.finditer(text)]
        header = HEADER_LINES.match(text)
        header_end = min(header.end(), HEADER_REACH) if header else 0
        if not header_end or (found and found[0][0].start() < header_end):
            return found
        read_unaccented = [(m, self.unaccented_bodies[key(m.group("body"))], self.unaccented_levels.get(key(m.group("level") or ""), ""))
                           for m in self.unaccented_body_re.finditer(unaccented(text[:header_end]))]
        return read_unaccented + [f for f in found if f[0].start() >= header_end]

    def _named_units(self, text: str, known: list[PlaceMention]) -> list[PlaceMention]:
        """Units written with their level word where the gazetteer found none: "xã Minh Tân"."""
        taken = sorted(p.evidence.start for p in known)
        units = []
        for m in self.unit_word.finditer(text):
            name, end = _proper_name(text, m.end(), self.name_end)
            if not name:
                continue
            start = _WORD.match(text, m.end()).start(1)
            if bisect_right(taken, start) == bisect_right(taken, m.end()):  # the gazetteer's own
                word = key(m.group("level"))
                units.append(PlaceMention(name=name, level=self.levels[word], code=None, evidence=Evidence(
                    start=start, end=end, text=text[start:end], rule_id=self.level_rules[word])))
        return units

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


def _body_pattern(bodies, levels) -> re.Pattern:
    return re.compile(rf"(?<![\w/-])(?P<body>{alternation(bodies)})(?:\s+(?P<level>{alternation(levels)})(?!\w))?", re.IGNORECASE)


def _named_again(text: str, known: list[PlaceMention]) -> list[PlaceMention]:
    """A district the page has named (with its level word, in its headline) named bare again: "Năm
    2017, Thăng Bình phấn đấu ..." after "huyện Thăng Bình" (w315; "Hương Khê phấn đấu", w289)."""
    taken = SpanIndex((p.evidence.start, p.evidence.end) for p in known)
    again = []
    for unit in {p.name: p for p in known if p.level == "district" and p.code}.values():
        for found in re.finditer(rf"(?<![\w-]){re.escape(unit.name)}(?![\w-])", text):
            if not taken.overlaps(found.start(), found.end()):
                again.append(unit.model_copy(update={"evidence": Evidence(
                    start=found.start(), end=found.end(), text=found.group(), rule_id=NAMED_AGAIN_RULE)}))
    return again


def _district_named(unit: Place, text: str, start: int, end: int, rule_id: str) -> PlaceMention:
    """A district the gazetteer knows, named bare at text[start:end]."""
    return PlaceMention(name=unit.name, level="district", code=unit.code,
                        evidence=Evidence(start=start, end=end, text=text[start:end], rule_id=rule_id))


def _proper_name(text: str, offset: int, name_end: re.Pattern) -> tuple[str | None, int]:
    """Up to four capitalised syllables from `offset`, and the number some new communes carry: a
    unit's name as written ("Tân Lập", "Ea Kao", "Bảo Lâm 1"). A two-column header read as one
    line puts the national motto after it ("UBND XÃ CÁT VÂN CỘNG HÒA XÃ HỘI ..."), and a heading
    its congress's number or term ("THỊ TRẤN THỨA LẦN THỨ XXIII"): no name runs into them. A name
    written in capitals is a name in title case ("Cát Vân"), and goes on only in capitals (a header's
    "XÃ TÀ XÙA" is not followed by the next line's "Số")."""
    words, end = [], offset
    while len(words) < 4 and (word := _WORD.match(text, end)) and (
        word.group(1)[0].isupper() or (words and word.group(1).isdigit() and len(word.group(1)) <= 2)
    ) and not name_end.match(text, word.start(1)) and not (words and words[0].isupper() and word.group(1).istitle()):
        words.append(word.group(1))
        end = word.end()
        if words[-1].isdigit():
            break
    name = " ".join(words)
    return (name.title() if name.isupper() else name, end) if words else (None, offset)


def _shortest_names(issuers: list[IssuerMention], places: list[PlaceMention]) -> tuple[list[IssuerMention], list[PlaceMention]]:
    """A unit's name read with more words than the text gives it elsewhere is that name and what
    follows it: the chair's name in "Chủ tịch UBND phường Xuân Phương Lâm Quang Huy"."""
    names = {p.name for p in places if p.code is None} | {i.place for i in issuers if i.level == "commune" and i.place}

    def shortest(name: str | None) -> str | None:
        words = (name or "").split()
        return next((" ".join(words[:size]) for size in range(2, len(words)) if " ".join(words[:size]) in names), name)

    def cut(evidence: Evidence, name: str | None, short: str | None) -> Evidence:
        end = evidence.end - (len(name or "") - len(short or ""))
        return evidence.model_copy(update={"end": end, "text": evidence.text[: end - evidence.start]})

    issuers = [i if shortest(i.place) == i.place else i.model_copy(update={
        "place": shortest(i.place), "evidence": cut(i.evidence, i.place, shortest(i.place))}) for i in issuers]
    places = [p if p.code is not None or shortest(p.name) == p.name else p.model_copy(update={
        "name": shortest(p.name), "evidence": cut(p.evidence, p.name, shortest(p.name))}) for p in places]
    return issuers, places


def _referred(issuer: IssuerMention, earlier: list[IssuerMention], text: str) -> IssuerMention | None:
    """The body a short word names again: the last one named in full with it ("Đại hội" after
    "Đại hội đại biểu Đảng bộ xã Cao Sơn", or after "Đại hội đại biểu các DTTS huyện Quang
    Bình"), or named again by it; else the body of its kind that holds it, in the same clause
    ("Đảng bộ xã Tuy Phước Tây (tỉnh Gia Lai) long trọng tổ chức Đại hội đại biểu lần thứ I");
    None where the page named none."""
    word = key(issuer.evidence.text)
    kin = next((e for e in reversed(earlier) if e.level and word in key(e.evidence.text)
                and (len(e.evidence.text) > len(issuer.evidence.text) or e.evidence.rule_id == issuer.evidence.rule_id)), None)
    if kin is None:
        kin = next((e for e in reversed(earlier) if e.body == issuer.body and e.level and _one_clause(text, e.evidence.end, issuer.evidence.start)), None)
    return issuer.model_copy(update={"body": kin.body, "level": kin.level, "place": kin.place}) if kin else None


# characters from a body to the congress it holds: "Đảng bộ xã ... (tỉnh Gia Lai) long trọng tổ chức"
HELD_REACH = 80
_CLAUSE_END = re.compile(r"[.;\n]")


def _one_clause(text: str, start: int, end: int) -> bool:
    return 0 <= end - start <= HELD_REACH and not _CLAUSE_END.search(text, start, end)


def _resolve_bodies(issuers: list[IssuerMention], places: list[PlaceMention], back_references: frozenset[str], text: str,
                    guests: SpanIndex) -> list[IssuerMention]:
    """A body written by its kind alone is the one the text names next to it or last named:
    "Nghị quyết Đại hội Đảng bộ phường Tĩnh Gia" is the ward's; after "UBND huyện Quản Bạ",
    "UBND huyện" is Quản Bạ's; after "Đảng bộ xã Minh Tân", "Nghị quyết Đại hội" is the
    commune's; a body among a meeting's guests (`guests`) is never the one named again. A
    province's place is left to the page (its masthead) where the text omits it."""
    first_named: dict[str, str] = {}  # the first unit the text names at each level, for a body before it
    for start, level, name in sorted(_named(issuers, places)):
        first_named.setdefault(level, name)
    last_named: dict[str, str] = {}
    last_of_body: dict[str, IssuerMention] = {}
    places_left = iter(sorted((p.evidence.start, p.level, p.name) for p in places))
    pending = next(places_left, None)
    resolved: list[IssuerMention] = []
    hosts: list[IssuerMention] = []  # the bodies a later bare name may mean: all but guests
    for index, issuer in enumerate(issuers):
        while pending and pending[0] < issuer.evidence.start:
            if not guests.covers(pending[0], pending[0] + 1):
                last_named[pending[1]] = pending[2]
            pending = next(places_left, None)
        following = issuers[index + 1] if index + 1 < len(issuers) else None
        if guests.covers(issuer.evidence.start, issuer.evidence.start + 1):
            resolved.append(issuer)
            continue
        if issuer.evidence.rule_id in back_references:
            issuer = _referred(issuer, hosts, text)
            if issuer is None:
                continue
        elif issuer.level is None and following and following.evidence.start - issuer.evidence.end <= 1:
            issuer = issuer.model_copy(update={"level": following.level, "place": following.place})
        elif issuer.level is None and issuer.body in last_of_body:
            kin = last_of_body[issuer.body]
            issuer = issuer.model_copy(update={"level": kin.level, "place": kin.place})
        if issuer.place is None and issuer.level in ("district", "commune"):
            issuer = issuer.model_copy(update={"place": last_named.get(issuer.level) or first_named.get(issuer.level)})
        if issuer.level:
            last_of_body[issuer.body] = issuer
        if issuer.level and issuer.place:
            last_named[issuer.level] = issuer.place
        resolved.append(issuer)
        hosts.append(issuer)
    return resolved


def _named(issuers: list[IssuerMention], places: list[PlaceMention]):
    yield from ((i.evidence.start, i.level, i.place) for i in issuers if i.level and i.place)
    yield from ((p.evidence.start, p.level, p.name) for p in places)
