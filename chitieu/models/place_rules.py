"""The rule file naming issuers and places: issuing bodies, unit levels, spellings of units and the
units the official list no longer carries, validated on load."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .records import IssuerBody, Level, Strict
from .rules import PhraseRule, RuleId, SeenPhraseRule

__all__ = ["BodyRule", "LevelRule", "PlaceAlias", "FormerUnit", "PlaceRules"]


class BodyRule(PhraseRule):
    code: IssuerBody
    level: Level | None = Field(None, description="the level the body itself gives ('Tỉnh ủy' → province)")
    refers_back: bool = Field(False, description="a short word for a body named in full earlier with it ('Đại hội' after "
                              "'Đại hội đại biểu Đảng bộ xã Cao Sơn'): that body, or none where none was named")


class LevelRule(Strict):
    id: RuleId
    code: Level
    phrases: list[str] = Field(min_length=1)
    abbreviations: list[str] = Field(default_factory=list, description="read only right before a unit's name: 'H. Mù Cang Chải', 'TX.Nghĩa Lộ'")
    city: bool = Field(False, description="a city's word: a district-level city of that name, else a centrally-run one")


class PlaceAlias(Strict):
    """A way documents write a unit that the official list spells otherwise."""

    written: str = Field(description="as documents write it: 'TP.HCM', 'Bắc Cạn', 'Thừa Thiên Huế'")
    official: str = Field(description="the official short name (vietnamadminunits' list): 'Hồ Chí Minh', 'Bắc Kạn', 'Huế'")
    name: str | None = Field(None, description="the name to report, where the list carries a later one or misspells it")
    sigil: bool = Field(False, description="a paper's sigil, counted only where it opens a line: 'TQĐT - ...'")
    level: Literal["province", "district"] = Field("province", description="the level of the unit it names")
    note: str | None = Field(None, description="why the spelling names that unit: 'Hà Tây: merged into Hà Nội in 2008'")


class FormerUnit(Strict):
    """A unit the official list no longer carries, whose name documents of its time use."""

    name: str
    full_name: str
    level: Literal["province", "district"]
    code: str = Field(pattern=r"^\d{2,5}$", description="its official (GSO) code")
    province: str = Field(description="the official short name of the province it lay in")
    valid_to: dt.date
    became: Literal["province", "district"] | None = Field(
        None, description="the level its name passed to: 'thành phố Huế' names the centrally-run city after it")
    note: str | None = None


class PlaceRules(Strict):
    version: int
    bodies: list[BodyRule]
    levels: list[LevelRule]
    national_words: PhraseRule
    paper_words: PhraseRule
    attending_words: SeenPhraseRule = Field(
        description="a sentence naming who attends a meeting: its bodies are guests, never the body a later bare name means"
    )
    aliases: list[PlaceAlias]
    former_units: list[FormerUnit] = Field(default_factory=list)
