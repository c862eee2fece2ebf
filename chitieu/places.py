"""Vietnamese administrative units as the documents knew them, with their successors.

Built from the data underthesea ships (underthesea/address/data/mapping.json: the 63
provinces before 1 July 2025, their districts, and the post-merger provinces), plus the
spelling variants in rules/places.yaml. No hand-typed unit list.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .errors import RuleError
from .models import Level, PlaceRules

_PREFIX = re.compile(
    r"^(?P<word>tỉnh|thành\s+phố|tp\.?|huyện|quận|thị\s+xã|tx\.?|xã|phường|thị\s+trấn)(?:\s+|(?<=\.))", re.IGNORECASE
)
# The levels a written prefix allows, in the order to try: "thành phố Sơn La" is first the
# province, then the district-level city; "thị xã Quảng Trị" is never the province; "xã Hòa
# Bình" is a commune, and communes are not in the gazetteer.
_PREFIX_LEVELS = {
    "tỉnh": ["province"], "huyện": ["district"], "quận": ["district"], "thị xã": ["district"], "tx": ["district"],
    "xã": [], "phường": [], "thị trấn": [],
}
_ANY_LEVEL = ["province", "district"]


@dataclass(frozen=True)
class Place:
    name: str  # short name as documents of its time wrote it: "Sơn La", "Thừa Thiên Huế"
    full_name: str  # "Tỉnh Sơn La", "Thành phố Sơn La"
    level: Level  # province | district; communes are left out: their names repeat across provinces
    code: str | None  # province code (GSO); districts carry their province's: the data gives no district codes
    province: str  # the province it belongs to (itself for a province)
    successor: str  # the province it belongs to since 1 July 2025
    centrally_run: bool = False  # Hà Nội, Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ (and Huế since 2025)


def fold(name: str) -> str:
    """Lower case, no diacritics, no spaces: "Phù Ninh" and "Phú Ninh" fold alike."""
    decomposed = unicodedata.normalize("NFD", name.lower().replace("đ", "d").replace("ð", "d"))
    return re.sub(r"[\W_]+", "", "".join(c for c in decomposed if not unicodedata.combining(c)))


def spell(name: str) -> str:
    """Lower case with diacritics kept, but one spelling per word: NFC, Latin "ð" read as "đ",
    tone marks placed as underthesea places them ("hoà" -> "hòa", "thuỷ" -> "thủy")."""
    words = unicodedata.normalize("NFC", name.lower().replace("ð", "đ")).split()
    tone_moves = _tone_moves()
    return " ".join(tone_moves.get(word, word) for word in words)


@lru_cache(maxsize=1)
def _tone_moves() -> dict[str, str]:
    from underthesea.pipeline.text_normalize.text_normalizer import token_map

    return {old.lower(): new.lower() for old, new in token_map.items()}


class Gazetteer:
    """Provinces and districts; `find` spots them in a text, `lookup` resolves a written name."""

    def __init__(self, data: dict, rules: PlaceRules):
        self.rules = rules
        self._places: list[Place] = []
        exact: dict[tuple[str, str], Place] = {}
        new_names = {key: value["short"] for key, value in data["province_names"].items()}
        renamed = {a.official: a.name for a in rules.aliases if a.name}
        for key, value in data["old_province_names"].items():
            name = renamed.get(value["short"], value["short"])
            place = Place(
                name=name,
                full_name=value["name"],
                level="province",
                code=value["code"],
                province=name,
                successor=new_names.get(data["province_mapping"].get(key, ""), name),
                centrally_run=value["name"].startswith("Thành phố") and value["short"] != "Huế",
            )
            self._add(place, exact)
            exact.setdefault((spell(value["short"]), "province"), place)  # "Huế" as well as "Thừa Thiên Huế"
        provinces = {p.full_name: p for p in self._places}
        seen_districts = set()
        for row in data["ward_mapping"]:
            district = row["old_district"]
            if not district or (row["old_province"], district) in seen_districts:
                continue
            seen_districts.add((row["old_province"], district))
            province = provinces.get(row["old_province"])
            if province is None:
                continue
            self._add(
                Place(
                    name=_PREFIX.sub("", district),
                    full_name=district,
                    level="district",
                    code=province.code,
                    province=province.name,
                    successor=new_names.get(row["new_province_key"], province.successor),
                ),
                exact,
            )
        self._exact = exact
        self._folded: dict[tuple[str, str], Place] = {}
        for (name, level), place in exact.items():
            self._folded.setdefault((fold(name), level), place)
        self._aliases = {fold(a.written): a.official for a in rules.aliases}
        self._compile(rules)

    def _add(self, place: Place, exact: dict) -> None:
        self._places.append(place)
        exact.setdefault((spell(place.name), place.level), place)

    def _compile(self, rules: PlaceRules) -> None:
        """One regex over every name, and every name as written resolved once, so that `find`
        does no per-name or per-match work beyond a dict look-up."""
        provinces = {p.name for p in self._places if p.level == "province"} | {a.written for a in rules.aliases if not a.sigil}
        districts = {p.name for p in self._places if p.level == "district"}
        # names as written and in capitals for headers: case-sensitive alternations are many
        # times faster than one case-insensitive alternation over ~800 names
        provinces |= {n.upper() for n in provinces}
        districts |= {n.upper() for n in districts}
        self._province_named = {n: self.lookup(n, "province") for n in provinces}
        self._district_named = {n: self.lookup(n, "district") for n in districts}
        unknown = sorted(n for n, place in self._province_named.items() if place is None)
        if unknown:
            raise RuleError(f"rules/places.yaml: aliases name no province in underthesea's list: {unknown}")
        alternation = lambda names: "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))  # noqa: E731
        prefix = r"(?i:huyện|quận|thị\s+xã|thành\s+phố|TP\.?|TX\.?)"
        self._regex = re.compile(
            rf"(?<!\w)(?:(?P<prefix>{prefix}\s*)(?<=\s|\.)(?P<district>{alternation(districts)})"
            rf"|(?P<province>{alternation(provinces)}))(?!\w)"
        )
        sigils = {a.written: self.lookup(a.written, "province") for a in rules.aliases if a.sigil}
        self._sigil_named = sigils
        self._sigil = re.compile(
            rf"^\(?(?P<sigil>{alternation(sigils)})\)?(?:\.VN)?\s*[-–:]", re.MULTILINE
        ) if sigils else None
        # "(Baohaiduong.vn) -", "Baoquangninh.com.vn -": a provincial paper named by its domain
        self._masthead = re.compile(r"^\(?(?:www\.)?(?i:báo|bao)?(?P<name>[A-Za-z]{4,20})\.(?:com\.vn|gov\.vn|org\.vn|vn)\)?\s*[-–:]", re.MULTILINE)

    # ------------------------------------------------------------------ public

    def units(self) -> Iterator[Place]:
        return iter(self._places)

    def lookup(self, name: str, level: str | None = None) -> Place | None:
        """The unit a written name stands for. Without `level`, the prefix decides ("thị xã
        Quảng Trị" is a district), else a province is preferred to a district of that name."""
        written = name.strip()
        prefix = _PREFIX.match(written)
        bare = written[prefix.end():].strip() if prefix else written
        # an alias may carry its own prefix ("TP.HCM"), or follow one ("thành phố Sài Gòn")
        bare = self._aliases.get(fold(written)) or self._aliases.get(fold(bare)) or bare
        if level:
            levels = [level]
        elif prefix:
            levels = _PREFIX_LEVELS.get(re.sub(r"\s+", " ", prefix.group("word").lower()).rstrip("."), _ANY_LEVEL)
        else:
            levels = _ANY_LEVEL
        # exact diacritics at any level before folded keys: "Phù Ninh" (Phú Thọ) and "Phú Ninh"
        # (Quảng Nam) fold alike, and so do the district "Thạnh Hóa" and the province "Thanh Hóa"
        keys = [(self._exact, spell(bare)), (self._folded, fold(bare))]
        for table, key in keys:
            for candidate_level in levels:
                place = table.get((key, candidate_level))
                if place:
                    return place
        return None

    def find(self, text: str) -> list[tuple[int, int, Place]]:
        """Every province (bare or prefixed), every prefixed district, and every paper sigil or
        provincial paper's domain opening a line, named in `text`: (start, end, place), the span covering the name only."""
        found = []
        if self._sigil:
            for match in self._sigil.finditer(text):
                found.append((match.start("sigil"), match.end("sigil"), self._sigil_named[match.group("sigil")]))
        for match in self._masthead.finditer(text):
            paper_of = self._folded.get((match.group("name").lower(), "province"))
            if paper_of:
                found.append((match.start("name"), match.end("name"), paper_of))
        for match in self._regex.finditer(text):
            district = match.group("district")
            if district:
                place = self._district_named[district]
                # "thành phố Hải Phòng" is a province, "thành phố Sơn La" a district-level city
                if match.group("prefix").lower().startswith(("thành", "tp")):
                    province = self._province_named.get(district)
                    if province and province.centrally_run:
                        place = province
                found.append((match.start("district"), match.end(), place))
            elif _looks_like_name(match.group("province")):
                found.append((match.start("province"), match.end(), self._province_named[match.group("province")]))
        return sorted(found, key=lambda item: item[0])


def _looks_like_name(written: str) -> bool:
    """A bare province name is capitalised ("Yên Bái phấn đấu"), unlike words that spell the same."""
    return all(part[:1].isupper() for part in written.split() if part[:1].isalpha())


@lru_cache(maxsize=1)
def _address_data() -> dict:
    from importlib.util import find_spec

    # located, not imported: importing underthesea costs more than reading the file
    path = Path(find_spec("underthesea").origin).resolve().parent / "address" / "data" / "mapping.json"
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def gazetteer_for(rules: PlaceRules) -> Gazetteer:
    """The gazetteer with the aliases and body words of one rule set (a custom rules/ folder)."""
    return Gazetteer(_address_data(), rules)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer of the bundled rules, built once per process."""
    from .rules import RULES_DIR, load_rule_file

    return gazetteer_for(load_rule_file(RULES_DIR / "places.yaml", PlaceRules))
