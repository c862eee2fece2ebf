"""Vietnamese administrative units with their official (GSO) codes, before and after 1 July 2025.

Read from the data the `vietnamadminunits` package ships: data/dataset.db holds the 63
provinces, 696 districts and 10,035 communes of the old list and the 34 provinces and 3,321
communes of the new one, each with its code; data/converter_2025.json says which new commune
each old one went into (the default one where an old commune was divided). Every old unit maps
to a new one; no unit is typed by hand except the former ones of rules/places.yaml.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from ..errors import ExtractorError
from ..models import FormerUnit, Level
from ..phrases import final_i_as_y
from ..text import unaccented

MERGED_ON = dt.date(2025, 7, 1)  # the new list's first day
LAST_OLD_DAY = MERGED_ON - dt.timedelta(days=1)
NEW_ID_PREFIX = "2025:"


@dataclass(frozen=True)
class Place:
    name: str  # short name as documents of its time wrote it: "Sơn La", "Thừa Thiên Huế", "Ma Nới"
    full_name: str  # "Tỉnh Sơn La", "Thành phố Sơn La", "Xã Ma Nới"
    level: Level  # province | district | commune
    code: str | None  # its own official code: 2 digits for a province, 3 for a district, 5 for a commune
    province: str  # the province it lies in (its own name for a province), in its own list
    successor: str  # the province it lies in since 1 July 2025
    centrally_run: bool = False  # Hà Nội, Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ, Huế
    district: str | None = None  # an old commune's district
    province_code: str | None = None
    valid_from: dt.date | None = None  # None: before any date the data knows
    valid_to: dt.date | None = None  # None: still in force
    successor_id: str | None = None  # the new unit an old one went into (its province; a commune's commune)
    became: Level | None = None  # the level its name passed to when it ended ("thành phố Huế")
    note: str | None = None

    @property
    def is_new(self) -> bool:
        return self.valid_from == MERGED_ON

    @property
    def id(self) -> str:
        """Stable and readable: "province:Sơn La:Sơn La", "district:Sơn La:Mường La",
        "commune:Ninh Thuận:Ninh Sơn:Ma Nới"; a unit of the new list starts "2025:"."""
        return unit_id(self.level, self.province, self.name, self.district, self.is_new)

    @property
    def parent_id(self) -> str | None:
        if self.level == "province":
            return None
        if self.district:
            return unit_id("district", self.province, self.district, None, self.is_new)
        return unit_id("province", self.province, self.province, None, self.is_new)

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


def unit_id(level: str, province: str, name: str, district: str | None = None, new: bool = False) -> str:
    return (NEW_ID_PREFIX if new else "") + ":".join([level, province, *([district] if district else []), name])


@lru_cache(maxsize=65536)  # names repeat: "Tân Lập" is a commune in many districts
def fold(name: str) -> str:
    """Lower case, no diacritics, no spaces or punctuation, a syllable-final "i" as "y": "Phù Ninh"
    and "Phú Ninh" fold alike, and so do "D'Ran" and "D’Ran", "Kỳ Anh" and "Kì Anh" (the
    gazetteer's names are found by the rules' phrase regexes, which match either spelling)."""
    return re.sub(r"[\W_]+", "", unaccented(final_i_as_y(name.lower())).lower())


@lru_cache(maxsize=65536)
def spell(name: str) -> str:
    """Lower case with diacritics kept, but one spelling per word: NFC, Latin "ð" read as "đ",
    tone marks placed as the normaliser places them ("hoà" -> "hòa", "thuỷ" -> "thủy")."""
    words = unicodedata.normalize("NFC", name.lower().replace("ð", "đ")).split()
    tone_moves = _tone_moves()
    return " ".join(tone_moves.get(word, word) for word in words)


@lru_cache(maxsize=1)
def _tone_moves() -> dict[str, str]:
    from ..text import _token_map  # the normaliser's table: a name spells as the text it is found in

    return {old.lower(): new.lower() for old, new in _token_map().items()}


# ---------------------------------------------------------------- reading the data


def data_dir() -> Path:
    """vietnamadminunits' data folder, located, not imported: importing it loads geopy and shapely."""
    spec = find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ExtractorError("places need the package vietnamadminunits (pip install vietnamadminunits)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@lru_cache(maxsize=1)
def read_data() -> tuple[list[dict], list[dict], dict]:
    """(old rows, new rows, converter) as the package ships them; each row one commune (or an
    island district without communes)."""
    directory = data_dir()
    connection = sqlite3.connect(f"{(directory / 'dataset.db').as_uri()}?mode=ro", uri=True)
    try:
        old = _rows(connection, "select province, provinceShort, provinceCode, provinceKey, district, districtShort, "
                    "districtCode, districtKey, ward, wardShort, wardCode, wardKey from admin_units_legacy order by wardCode, districtCode")
        new = _rows(connection, "select province, provinceShort, provinceCode, provinceKey, ward, wardShort, wardCode, wardKey "
                    "from admin_units order by wardCode")
    finally:
        connection.close()
    with (directory / "converter_2025.json").open(encoding="utf-8") as handle:
        return old, new, json.load(handle)


def _rows(connection: sqlite3.Connection, sql: str) -> list[dict]:
    cursor = connection.execute(sql)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor]  # several times faster than sqlite3.Row


def build_units(renamed: dict[tuple[str, str], str], former: list[FormerUnit], city_words: list[str]) -> list[Place]:
    """Every unit: the old provinces, districts and communes (in force until 30 June 2025), the
    new provinces and communes (from 1 July 2025), and the former units of the rules. `renamed`,
    by level and listed name, gives an old unit the name documents of its time used ("Huế" ->
    "Thừa Thiên Huế") or its right spelling ("Mù Căng Chải" -> "Mù Cang Chải");
    a province whose official name starts with one of `city_words` is centrally run."""
    old_rows, new_rows, converter = read_data()
    cities = tuple(fold(w) for w in city_words)
    new_provinces = {r["provinceKey"]: _new_province(r, cities) for r in _first_of(new_rows, "provinceKey")}
    new_province_of = {old: new for new, olds in converter["DICT_PROVINCE"].items() for old in olds}
    new_communes = {(r["provinceKey"], r["wardKey"]): _new_commune(r, new_provinces[r["provinceKey"]]) for r in new_rows}
    commune_successors = _commune_successors(converter, new_communes)
    units: dict[str, Place] = {p.id: p for p in new_provinces.values()}
    provinces, districts = {}, {}
    for row in old_rows:
        successor = new_provinces[new_province_of[row["provinceKey"]]]
        province = provinces.get(row["provinceKey"])
        if province is None:
            name = renamed.get(("province", row["provinceShort"]), row["provinceShort"])
            province = provinces[row["provinceKey"]] = _old_province(row, name, successor, cities)
            units[province.id] = province
        district = districts.get(row["districtCode"])
        if district is None:
            name = renamed.get(("district", row["districtShort"]), row["districtShort"])
            district = districts[row["districtCode"]] = _old_district(row, name, province, successor)
            units[district.id] = district
        if row["wardCode"]:
            commune = _old_commune(row, district, commune_successors[f"{row['provinceKey']}_{row['districtKey']}_{row['wardKey']}"])
            units[commune.id] = commune
    units.update((p.id, p) for p in new_communes.values())
    by_name = {(p.level, p.name): p for p in units.values() if p.level == "province" and not p.is_new}
    for unit in former:
        province = by_name[("province", renamed.get(("province", unit.province), unit.province))]
        place = Place(unit.name, unit.full_name, unit.level, unit.code, province.name, province.successor,
                      province_code=province.code, valid_to=unit.valid_to, successor_id=province.successor_id,
                      became=unit.became, note=unit.note)
        units[place.id] = place
    return list(units.values())


def _first_of(rows: list[dict], key: str) -> list[dict]:
    seen: dict[str, dict] = {}
    for row in rows:
        seen.setdefault(row[key], row)
    return list(seen.values())


def _new_province(row: dict, cities: tuple[str, ...]) -> Place:
    name = row["provinceShort"]
    return Place(name, row["province"], "province", row["provinceCode"], name, name,
                 centrally_run=fold(row["province"]).startswith(cities), province_code=row["provinceCode"], valid_from=MERGED_ON)


def _new_commune(row: dict, province: Place) -> Place:
    return Place(row["wardShort"], row["ward"], "commune", row["wardCode"], province.name, province.name,
                 province_code=province.code, valid_from=MERGED_ON)


def _old_province(row: dict, name: str, successor: Place, cities: tuple[str, ...]) -> Place:
    return Place(name, row["province"], "province", row["provinceCode"], name, successor.name,
                 centrally_run=fold(row["province"]).startswith(cities), province_code=row["provinceCode"],
                 valid_to=LAST_OLD_DAY, successor_id=successor.id)


def _old_district(row: dict, name: str, province: Place, successor: Place) -> Place:
    return Place(name, row["district"], "district", row["districtCode"], province.name, successor.name,
                 province_code=province.code, valid_to=LAST_OLD_DAY, successor_id=successor.id)


def _old_commune(row: dict, district: Place, successor: tuple[Place, str | None]) -> Place:
    commune, note = successor
    return Place(row["wardShort"], row["ward"], "commune", row["wardCode"], district.province, district.successor,
                 district=district.name, province_code=district.province_code, valid_to=LAST_OLD_DAY,
                 successor_id=commune.id, note=note)


def _commune_successors(converter: dict, new_communes: dict) -> dict[str, tuple[Place, str | None]]:
    """Old commune key -> (the new commune it went into, a note where it was divided among several)."""
    successors: dict[str, tuple[Place, str | None]] = {}
    for province, communes in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for commune, olds in communes.items():
            for old in olds:
                successors[old] = (new_communes[(province, commune)], None)
    for province, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            places = [new_communes[(province, p["newWardKey"])] for p in parts]
            default = next(new_communes[(province, p["newWardKey"])] for p in parts if p["isDefaultNewWard"])
            successors[old] = (default, "divided among " + ", ".join(p.full_name for p in places))
    return successors
