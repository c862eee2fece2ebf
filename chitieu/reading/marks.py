"""Marks: every phrase of the rules found in a document, mapped to what it means.

A spaCy PhraseMatcher over the underthesea syllables finds the phrases of rules/ (indicators,
scopes, modality marks, change verbs, measure words ...). Within one family of phrases,
overlapping matches keep the longest ("vượt kế hoạch đề ra" is a result, not the goal words
"kế hoạch đề ra"). A mark rule may ask to match only whole underthesea words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

from ..nlp import blank_pipeline, on_word_boundaries, spelling_norms, text_of, token_span_chars
from ..phrases import alternation
from ..rules import Rules
from ..spans import SpanIndex

ADJACENT = 3  # characters between a mark and what it bears on


@dataclass(frozen=True)
class Mark:
    family: str  # indicator, scope, mark, change, change_rate, measure, per_year, support, action, neutral
    code: str  # the indicator / scope / change code, or the modality mark (commit, done, ...)
    rule_id: str
    priority: int
    start: int
    end: int


class MarkReader:
    """The compiled phrase lexicons of one Rules; build once, `read` every document."""

    def __init__(self, rules: Rules):
        nlp = blank_pipeline()
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")  # lower case, one spelling of a final "i"/"y"
        self.labels: dict[str, tuple[str, str, str, int, bool]] = {}
        cues = rules.cues
        for rule in rules.indicators.indicators:
            self._add(nlp, "indicator", rule.code, rule.id, rule.phrases, rule.priority)
        for rule in rules.scopes.scopes:
            self._add(nlp, "scope", rule.code, rule.id, rule.phrases)
        for rule in cues.marks:
            self._add(nlp, "mark", rule.mark, rule.id, rule.phrases, whole_words=rule.whole_words)
        # who attends a meeting: the counts its sentence lists are the guests (rules/places.yaml)
        attending = rules.places.attending_words
        self._add(nlp, "mark", "attend", attending.id, attending.phrases)
        for rule in cues.change_verbs:
            self._add(nlp, "change", rule.code, rule.id, rule.phrases)
        for family, rule in (
            ("change_rate", cues.decrease_rates), ("measure", cues.measure_words), ("per_year", cues.per_year_cues),
            ("support", cues.support_verbs), ("action", cues.action_verbs), ("neutral", cues.neutral_words),
        ):
            self._add(nlp, family, family, rule.id, rule.phrases)
        # "Dự án 4", "Tiểu dự án 2", "Chương trình 135": a component's number names it; peers after
        # it make a rank instead ("nhóm 80 nước", rules/numbers.yaml rank_group)
        peers = alternation(rules.numbers.rank_group.peers)
        self.component = re.compile(
            rf"\b(?:{alternation(cues.component_words.phrases)})\s+\d{{1,3}}[a-c]?\b(?!\s*[%.,]\d)"
            rf"(?!(?:/\d{{1,3}})?\s+(?:{peers})(?!\w))",
            re.IGNORECASE,
        )

    def _add(self, nlp, family: str, code: str, rule_id: str, phrases: list[str], priority: int = 1,
             whole_words: bool = False) -> None:
        key = f"{family}|{code}|{rule_id}"
        self.labels[key] = (family, code, rule_id, priority, whole_words)
        # the same syllable tokenizer as make_doc (underthesea's first stage), without the CRF
        docs = []
        for phrase in phrases:
            words = tokenize(phrase)
            spelling_norms(nlp.vocab, words)
            docs.append(Doc(nlp.vocab, words=words))
        self.matcher.add(key, docs)

    def components(self, text: str) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in self.component.finditer(text)]

    def read(self, doc: Doc) -> list[Mark]:
        """Every mark of the doc in text order; per family, overlapping matches keep the longest."""
        by_family: dict[str, list[tuple[int, int, str]]] = {}
        strings = doc.vocab.strings
        for match_id, start, end in self.matcher(doc):
            key = strings[match_id]
            family, _, _, _, whole_words = self.labels[key]
            if whole_words and not on_word_boundaries(doc, start, end):
                continue  # "ước" inside "quy ước", "đã" inside a longer word
            by_family.setdefault(family, []).append((start, end, key))
        found: list[Mark] = []
        for matches in by_family.values():
            for start, end, key in _longest_first(matches):
                family, code, rule_id, priority, _ = self.labels[key]
                char_start, char_end = token_span_chars(doc, start, end)
                found.append(Mark(family, code, rule_id, priority, char_start, char_end))
        found = _without_names(found, SpanIndex(self.components(text_of(doc))))
        found.sort(key=lambda m: (m.start, -m.end))
        return found


def _without_names(marks: list[Mark], components: SpanIndex) -> list[Mark]:
    """Drop what names things instead of saying something: a change verb inside a neutral name
    ("giảm" in "giảm nghèo"), a goal word inside a programme's name ("mục tiêu" in "Chương trình
    mục tiêu quốc gia"), an indicator inside a component's name ("Dự án 4")."""
    neutral = SpanIndex((m.start, m.end) for m in marks if m.family == "neutral")
    names = SpanIndex((m.start, m.end) for m in marks if m.family == "mark" and m.code == "name")
    kept = []
    for mark in marks:
        if mark.family == "change" and neutral.covers(mark.start, mark.end):
            continue
        if mark.family == "mark" and mark.code == "name":
            continue
        if mark.family == "indicator" and (components.covers(mark.start, mark.start + 1) or names.covers(mark.start, mark.end)):
            continue
        kept.append(mark)
    return kept


def _longest_first(matches: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping matches, longer ones first (as spaCy's filter_spans, without Spans)."""
    kept: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for start, end, key in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if not taken.intersection(range(start, end)):
            kept.append((start, end, key))
            taken.update(range(start, end))
    return kept
