"""The patterns of rules/numbers.yaml that span more than one quantity: a rank among peers, a
place in a ranking, the one unit a value is counted per, and what makes the number after "từ" a
starting value."""

from __future__ import annotations

import re

from .models import NumberGrammar, NumberRules
from .phrases import alternation

RANK_REACH = 60  # characters from the ranked peers to the word saying they lead


def rank_pattern(rules: NumberRules) -> re.Pattern:
    """"nằm trong 10 tỉnh, thành dẫn đầu": a rank to reach among peers (rules rank_group)."""
    ranked = rules.rank_group
    return re.compile(
        rf"(?<!\w)(?:{alternation(ranked.before)})\s+(?P<n>\d{{1,3}})\s+(?P<peer>{alternation(ranked.peers)})(?!\w)"
        rf"[^.;:\n]{{0,{RANK_REACH}}}?(?<!\w)(?:{alternation(ranked.phrases)})(?!\w)",
        re.IGNORECASE,
    )


def group_rank_pattern(rules: NumberRules) -> re.Pattern:
    """"thuộc nhóm 80 nước", "trong nhóm 30/63 tỉnh": after a group word the peers alone make a
    rank, the number perhaps written over all of them (rules rank_group)."""
    ranked = rules.rank_group
    return re.compile(
        rf"(?<!\w)(?:{alternation(ranked.groups)})\s+(?P<n>\d{{1,3}})(?:/\d{{1,3}})?\s+(?P<peer>{alternation(ranked.peers)})(?!\w)",
        re.IGNORECASE,
    )


def place_pattern(rules: NumberRules) -> re.Pattern:
    """"top 55", "xếp hạng thứ 80": a place in a ranking (rules rank_place)."""
    place = rules.rank_place
    return re.compile(
        rf"(?<!\w)(?P<word>{alternation(place.within + place.phrases)})\s*:?\s*(?P<n>\d{{1,3}})(?![\w.,/%])", re.IGNORECASE
    )


def per_one_pattern(rules: NumberRules, unit: str) -> re.Pattern:
    """"trên 1 ha đất trồng trọt": one unit a value is counted per, named by the words after it
    (rules per_one); `unit` is the alternation of unit phrases."""
    return re.compile(rf"(?<!\w)(?:{alternation(rules.per_one.phrases)})\s+(?:{unit})(?![\w/])(?=[^\S\n]+[^\W\d_])", re.IGNORECASE)


def baseline_after(grammar: NumberGrammar, unit: str, bounds: str) -> re.Pattern:
    """After "từ N": what makes N a starting value, not a floor: "từ 5,98% xuống còn 4,92%" (w273),
    "từ 48,14% năm 2015 xuống ...", or, further on in the clause, a movement to another number
    ("từ 20,46% (năm 2022) dự kiến giảm xuống còn 5,6%", w016)."""
    movement = alternation(grammar.movement_words)
    level = alternation(grammar.movement_levels)
    year = alternation(grammar.year_words)
    now = alternation(grammar.now_words) if grammar.now_words else "(?!)"
    not_after = "".join(rf"(?<!{re.escape(w)} )" for w in grammar.not_movements)
    return re.compile(
        rf"\s*(?:(?:{unit})\s*)?(?:\([^)]{{0,40}}\)\s*)?(?:(?:{year})\s+(?:19|20)\d\d\)?\s*)?,?\s*(?:(?:{now})\s+)?"
        rf"(?:{movement}|{level})\b"
        rf"|[^.;\n]{{0,160}}?{not_after}\b(?:{movement})\s+(?:(?:{level})\s+)?(?:(?:{bounds})\s+)?\d",
        re.IGNORECASE,
    )
