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

from .models import PlaceRules

_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    name: str  # short name as documents of its time wrote it: "Sơn La", "Thừa Thiên Huế"
    full_name: str  # "Tỉnh Sơn La", "Thành phố Sơn La"
    level: str  # province | district
    code: str | None  # province code (GSO); districts carry their province's
    province: str  # the province it belongs to (itself for a province)
    successor: str  # the province it belongs to since 1 July 2025
    centrally_run: bool = False  # Hà Nội, Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ (and Huế since 2025)


def fold(name: str) -> str:
    """Lower case, no diacritics, no spaces: "Hoà Bình" and "Hòa Bình" fold alike."""
    decomposed = unicodedata.normalize("NFD", name.lower().replace("đ", "d"))
    return re.sub(r"[\W_]+", "", "".join(c for c in decomposed if not unicodedata.combining(c)))


class Gazetteer:
    """Provinces and districts; `find` spots them in a text, `lookup` resolves a written name."""

    def __init__(self, data: dict, rules: PlaceRules):
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
            exact.setdefault((value["short"].lower(), "province"), place)  # "Huế" as well as "Thừa Thiên Huế"
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
        self._regex = self._compile(rules)
        sigils = "|".join(re.escape(a.written) for a in rules.aliases if a.sigil)
        self._sigil = re.compile(rf"^\(?(?P<sigil>{sigils})\)?(?:\.VN)?\s*[-–:]", re.MULTILINE) if sigils else None

    def _add(self, place: Place, exact: dict) -> None:
        self._places.append(place)
        exact.setdefault((place.name.lower(), place.level), place)

    def _compile(self, rules: PlaceRules) -> re.Pattern:
        provinces = {p.name for p in self._places if p.level == "province"} | {a.written for a in rules.aliases if not a.sigil}
        districts = {p.name for p in self._places if p.level == "district"}
        # Case-sensitive alternations (names as written, and in capitals for headers) are many
        # times faster than one case-insensitive alternation over ~800 names.
        alternation = lambda names: "|".join(  # noqa: E731
            re.escape(n) for n in sorted(names | {n.upper() for n in names}, key=len, reverse=True)
        )
        prefix = r"(?i:huyện|quận|thị\s+xã|thành\s+phố|TP\.?)"
        return re.compile(
            rf"(?<!\w)(?:(?P<prefix>{prefix}\s+)(?P<district>{alternation(districts)})|(?P<province>{alternation(provinces)}))(?!\w)"
        )

    # ------------------------------------------------------------------ public

    def units(self) -> Iterator[Place]:
        return iter(self._places)

    def lookup(self, name: str, level: str | None = None) -> Place | None:
        """The unit a written name stands for; a province unless `level` says otherwise."""
        bare = _PREFIX.sub("", name.strip())
        official = self._aliases.get(fold(bare))
        if official:
            bare = official
        for candidate_level in ([level] if level else ["province", "district"]):
            place = self._exact.get((bare.lower(), candidate_level)) or self._folded.get((fold(bare), candidate_level))
            if place:
                return place
        return None

    def find(self, text: str) -> list[tuple[int, int, Place]]:
        """Every province (bare or prefixed), every prefixed district, and every paper sigil
        opening a line, named in `text`."""
        found = []
        if self._sigil:
            for match in self._sigil.finditer(text):
                place = self.lookup(match.group("sigil"), "province")
                if place:
                    found.append((match.start("sigil"), match.end("sigil"), place))
        for match in self._regex.finditer(text):
            if match.group("district"):
                place = self.lookup(match.group("district"), "district")
                start = match.start("district")
                # "thành phố Sơn La" is a district-level city, "thành phố Hải Phòng" a province
                province = self.lookup(match.group("district"), "province")
                if province and (province.centrally_run or not match.group("prefix").lower().startswith(("thành", "tp"))):
                    place = province
            else:
                written = match.group("province")
                if not _looks_like_name(written):
                    continue
                place = self.lookup(written, "province")
                start = match.start("province")
            if place:
                found.append((start, match.end(), place))
        return sorted(found, key=lambda item: item[0])


def _looks_like_name(written: str) -> bool:
    """A bare province name is capitalised ("Yên Bái phấn đấu"), unlike words that spell the same."""
    return all(part[:1].isupper() for part in written.split() if part[:1].isalpha())


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    import underthesea

    from .rules import RULES_DIR, load_rule_file

    path = Path(underthesea.__file__).resolve().parent / "address" / "data" / "mapping.json"
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    return Gazetteer(data, load_rule_file(RULES_DIR / "places.yaml", PlaceRules))
