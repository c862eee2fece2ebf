"""Vietnamese administrative units as documents knew them, before and after 1 July 2025.

The old list (63 provinces, 696 districts, 10,035 communes, in force until 30 June 2025) and the
new one (34 provinces, 3,321 communes, from 1 July 2025), each unit with its official code and
the old ones with their successors, from the data `vietnamadminunits` ships (units.py); the
spelling variants and former units of rules/places.yaml; one gazetteer over both
(gazetteer.py).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Iterable

from ..errors import RuleError
from ..models import PlaceRules, ReferenceRecord
from .gazetteer import Gazetteer
from .units import LAST_OLD_DAY, MERGED_ON, Place, build_units, fold, spell

__all__ = [
    "Gazetteer", "LAST_OLD_DAY", "MERGED_ON", "Place", "fold", "gazetteer_for", "load_gazetteer", "place_date", "spell",
]


def place_date(issued: dt.date | None, published: dt.date | None, cited: Iterable[ReferenceRecord]) -> dt.date | None:
    """The day a plan's place is read at: its issue date, else its page's, else the latest date
    of a document it cites, as it came after them (a draft dated "ngày ... tháng ... năm 2026"
    that cites a conclusion of 11/12/2025 is a plan of the merged province)."""
    return issued or published or max((r.issued for r in cited if r.issued), default=None)


def gazetteer_for(rules: PlaceRules) -> Gazetteer:
    """The gazetteer with the aliases, former units and level words of one rule set (a custom rules/ folder)."""
    renamed = {(a.level, a.official): a.name for a in rules.aliases if a.name}
    cities = [w for rule in rules.levels if rule.city for w in (*rule.phrases, *rule.abbreviations)]
    try:
        units = build_units(renamed, rules.former_units, cities)
    except KeyError as exc:
        raise RuleError(f"rules/places.yaml: former_units name a province the official list does not hold: {exc}") from exc
    return Gazetteer(units, rules)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer of the bundled rules, built once per process."""
    from ..rules import RULES_DIR, load_rule_file

    return gazetteer_for(load_rule_file(RULES_DIR / "places.yaml", PlaceRules))
