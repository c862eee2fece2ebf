"""Names as documents write them, resolved to the unit they named at a date.

`find` spots provinces and prefixed districts in running text with one regex built once;
`lookup` resolves one written name ("TP. Sơn La", "BR-VT", "H. Mù Cang Chải", "xã Ma Nới").
Communes are resolved only within the provinces or districts named beside them: their names
repeat across the country, and ten thousand of them in the running-text regex would make
every document slower and every match doubtful.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Iterable, Iterator

from ..errors import RuleError
from ..models import Level, LevelRule, PlaceAlias, PlaceRules
from ..phrases import alternation
from .units import Place, fold, spell

_ANY_LEVEL: list[Level] = ["province", "district"]


class Gazetteer:
    """Every unit, old and new; `find` spots them in a text, `lookup` resolves a written name."""

    def __init__(self, units: list[Place], rules: PlaceRules):
        self.rules = rules
        self._places = units
        self._exact: dict[tuple[str, str], list[Place]] = defaultdict(list)
        self._folded: dict[tuple[str, str], list[Place]] = defaultdict(list)
        self._aliases: dict[str, PlaceAlias] = {fold(a.written): a for a in rules.aliases}
        self._level_words: dict[str, LevelRule] = {
            fold(w): rule for rule in rules.levels for w in (*rule.phrases, *rule.abbreviations)
        }
        words = [w for rule in rules.levels for w in (*rule.phrases, *rule.abbreviations)]
        # a level word, then a space or right after its dot ("TX.Nghĩa Lộ", "TP.HCM" is an alias)
        self._prefix = re.compile(rf"^(?P<word>{alternation(words)})(?:\s+|(?<=\.))", re.IGNORECASE)
        renamed = {(a.level, a.name): a.official for a in rules.aliases if a.name}
        for place in units:
            # the listed short name ("Quận 1", "Cao Lãnh (Huyện)"), the official name without its
            # level word ("1", "Cao Lãnh"), the list's name of a renamed unit ("Huế"), and a new
            # commune's name without the town it is told apart by ("Xuân Hương - Đà Lạt")
            names = {place.name, self._bare(place.full_name), renamed.get((place.level, place.name), place.name)}
            if place.level == "commune":
                names.add(place.name.split(" - ")[0])
            for name in names:
                self._exact[(spell(name), place.level)].append(place)
                self._folded[(fold(name), place.level)].append(place)
        self._compile(rules)

    def _bare(self, name: str) -> str:
        prefix = self._prefix.match(name)
        return name[prefix.end():].strip() if prefix else name

    # ------------------------------------------------------------------ lookup

    def units(self) -> Iterator[Place]:
        return iter(self._places)

    def lookup(self, name: str, level: Level | None = None, on_date: dt.date | None = None,
               within: Iterable[Place] = ()) -> Place | None:
        """The unit a written name stood for on `on_date` (without a date: in the old list, else
        the new). The prefix gives the level ("thị xã Quảng Trị" is a district, "thành phố Sơn
        La" the district-level city, "thành phố Hải Phòng" the centrally-run one); without one a
        province is preferred to a district. `within` (units named beside it) settles a name
        that several provinces share; a commune is resolved only within them, never alone."""
        written = " ".join(name.split())
        prefix = self._prefix.match(written)
        bare = written[prefix.end():].strip() if prefix else written
        # an alias may carry its own prefix ("TP.HCM"), or follow one ("thành phố Sài Gòn")
        alias = self._aliases.get(fold(written)) or self._aliases.get(fold(bare))
        if alias:
            bare = alias.official
        rule = self._level_words[fold(prefix.group("word"))] if prefix else None
        if level:
            levels = [level]
        elif rule:
            levels = ["district", "province"] if rule.city else [rule.code]
        else:
            levels = [alias.level] if alias else _ANY_LEVEL
        within = list(within)
        if levels == ["commune"]:
            return self._commune(bare, prefix.group("word") if prefix else None, on_date, within) if within else None
        place = self._resolve(bare, levels, on_date, within, prefix.group("word") if prefix else None)
        if place and on_date and place.became and place.valid_to and place.valid_to < on_date:
            return self.lookup(place.name, place.became, on_date, within)  # its name passed to that level
        return place

    def _resolve(self, bare: str, levels: list[str], on_date: dt.date | None, within: list[Place],
                 prefix: str | None = None) -> Place | None:
        # exact diacritics at any level before folded keys: "Phù Ninh" (Phú Thọ) and "Phú Ninh"
        # (Quảng Nam) fold alike, and so do the district "Thạnh Hóa" and the province "Thanh Hóa"
        for table, key in ((self._exact, spell(bare)), (self._folded, fold(bare))):
            for level in levels:
                candidates = table.get((key, level))
                if candidates:
                    pool = self._of_kind(next(p for p in _eras(candidates, on_date) if p), prefix)
                    return next((c for c in pool if _near(c, within)), pool[0])
        return None

    def _of_kind(self, places: list[Place], prefix: str | None) -> list[Place]:
        """The places whose official name starts with the written level word ("thị xã Kỳ Anh",
        not the district), else with a word of its level rule ("TP Cao Lãnh": the city), else all."""
        if not prefix or len(places) < 2:
            return places
        word = fold(prefix)
        same = [p for p in places if fold(p.full_name).startswith(word)]
        if same:
            return same
        rule = self._level_words.get(word)
        return [p for p in places if self._rule_of(p.full_name) is rule] or places

    def _rule_of(self, full_name: str) -> LevelRule | None:
        prefix = self._prefix.match(full_name)
        return self._level_words.get(fold(prefix.group("word"))) if prefix else None

    def _commune(self, bare: str, prefix: str | None, on_date: dt.date | None, within: list[Place]) -> Place | None:
        """The one commune of that name in the districts named beside it, else in their provinces;
        none where two are (a "xã" and a "phường" of one name are told apart by the prefix). A
        name read too far ("xã Đắk Wil Không" in a table) is tried without its last words."""
        districts = {(w.province, w.name) for w in within if w.level == "district"}
        words = bare.split()
        for size in range(len(words), min(2, len(words)) - 1, -1):
            name = " ".join(words[:size])
            candidates = self._exact.get((spell(name), "commune")) or self._folded.get((fold(name), "commune")) or []
            for pool in _eras(candidates, on_date):
                found = [c for c in pool if (c.province, c.district) in districts] or [c for c in pool if _near(c, within)]
                found = self._of_kind(found, prefix)
                if found:
                    return found[0] if len(found) == 1 else None
        return None

    # ------------------------------------------------------------------ find

    def _compile(self, rules: PlaceRules) -> None:
        """One regex over every old province and district name, and every name as listed
        resolved once, so that `find` does no per-name work beyond a dict look-up."""
        old = [p for p in self._places if not p.is_new]
        provinces = {p.name for p in old if p.level == "province"}
        provinces |= {a.written for a in rules.aliases if not a.sigil and a.level == "province"}
        districts = {self._bare(p.full_name) for p in old if p.level == "district"}
        districts |= {a.written for a in rules.aliases if a.level == "district"}
        # names as written and in capitals for headers: case-sensitive alternations are many
        # times faster than one case-insensitive alternation over ~800 names
        provinces |= {n.upper() for n in provinces}
        districts |= {n.upper() for n in districts}
        self._named = {(n, "province"): self.lookup(n, "province") for n in provinces}
        self._named.update({(n, "district"): self.lookup(n, "district") for n in districts})
        sigils = {a.written: self.lookup(a.written, "province") for a in rules.aliases if a.sigil}
        unknown = sorted({n for (n, _), place in self._named.items() if place is None} | {n for n, p in sigils.items() if p is None})
        if unknown:
            raise RuleError(f"rules/places.yaml: aliases name no unit of the official list: {unknown}")
        city = [w for r in rules.levels if r.code == "district" or r.city for w in (*r.phrases, *r.abbreviations)]
        commune = [w for r in rules.levels if r.code == "commune" for w in (*r.phrases, *r.abbreviations)]
        self._regex = re.compile(
            rf"(?<!\w)(?:(?P<prefix>(?i:{alternation(city)})\s*)(?<=\s|\.)(?P<district>{alternation(districts)})"
            rf"|(?P<province>{alternation(provinces)}))(?!\w)"
        )
        # "xã Hòa Bình", "phường Sơn La": a commune's name, not the province's
        self._commune_before = re.compile(rf"(?<!\w)(?i:{alternation(commune)})\s+$")
        self._sigil_named = sigils
        self._sigil = re.compile(
            rf"^\(?(?P<sigil>{alternation(sigils)})\)?(?:\.VN)?\s*[-–:]", re.MULTILINE
        ) if sigils else None
        # "(Baohaiduong.vn) -", "Baoquangninh.com.vn -": a provincial paper named by its domain
        self._masthead = re.compile(
            rf"^\(?(?:www\.)?(?i:{alternation(rules.paper_words.phrases)})?(?P<name>[A-Za-z]{{4,20}})\.(?:com\.vn|gov\.vn|org\.vn|vn)\)?\s*[-–:]",
            re.MULTILINE)

    def find(self, text: str) -> list[tuple[int, int, Place]]:
        """Every province (bare or prefixed), every prefixed district, and every paper sigil or
        provincial paper's domain opening a line, named in `text`: (start, end, place), the span
        covering the name only. Units as the old list knew them: a plan's date, known later,
        picks the new one (`lookup`)."""
        found = []
        if self._sigil:
            for match in self._sigil.finditer(text):
                found.append((match.start("sigil"), match.end("sigil"), self._sigil_named[match.group("sigil")]))
        for match in self._masthead.finditer(text):
            paper_of = self._resolve(match.group("name"), ["province"], None, [])
            if paper_of:
                found.append((match.start("name"), match.end("name"), paper_of))
        for match in self._regex.finditer(text):
            district = match.group("district")
            if district:
                found.append((match.start("district"), match.end(), self._named_as(district, "district", match.group("prefix"))))
            elif _looks_like_name(match.group("province")) and not self._commune_before.search(text, max(0, match.start() - 12), match.start()):
                found.append((match.start("province"), match.end(), self._named_as(match.group("province"), "province")))
        # a spelling the rules' regexes match but no list holds (an odd tone mark) names no unit
        return sorted((item for item in found if item[2] is not None), key=lambda item: item[0])

    def _named_as(self, written: str, level: Level, prefix: str | None = None) -> Place | None:
        """The unit of a name as matched after its prefix ("thị xã Kỳ Anh" is not the district of
        that name); a spelling the list does not hold verbatim ("Bà Rịa-Vũng Tàu", a line break
        inside a name) is resolved once and remembered."""
        key = (written, level, fold(prefix)) if prefix else (written, level)
        place = self._named.get(key)
        if place is None:
            place = self._named[key] = self.lookup(f"{prefix.strip()} {written}" if prefix else written, level)
        return place


def _eras(candidates: list[Place], on_date: dt.date | None) -> list[list[Place]]:
    """Candidates in the order to try: without a date the old list's, then the new list's; with
    one, those in force that day, then those that ended before it (a 2026 page may still name
    "tỉnh Kon Tum"), then the rest."""
    if on_date is None:
        return [[c for c in candidates if not c.is_new], [c for c in candidates if c.is_new]]
    return [
        [c for c in candidates if c.valid_on(on_date)],
        sorted((c for c in candidates if c.valid_to and c.valid_to < on_date), key=lambda c: c.valid_to, reverse=True),
        [c for c in candidates if c.valid_from and c.valid_from > on_date],
    ]


def _near(place: Place, within: list[Place]) -> bool:
    """In a province named beside it: an old unit in that province, a new one in what it became."""
    if place.is_new:
        return any(place.province == w.successor for w in within)
    return any(place.province == w.province for w in within if not w.is_new)


def _looks_like_name(written: str) -> bool:
    """A bare province name is capitalised ("Yên Bái phấn đấu"), unlike words that spell the same."""
    return all(part[:1].isupper() for part in written.split() if part[:1].isalpha())
