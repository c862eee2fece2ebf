"""Targets: every quantified commitment with indicator, scope, change, bound, unit, year.

How it reads a document:
1. `QuantityReader` finds the quantities (numbers, ranges, bounds, units) by regex over the
   text; a spaCy PhraseMatcher over the underthesea Doc finds the phrases of rules/
   (indicators, scopes, cues, change verbs).
2. Sentences are walked in order. A sentence holds targets when it carries a target cue
   ("phấn đấu", "mục tiêu", "chỉ tiêu", "đến năm") or follows one in the same goal run; a
   result cue ("kết quả", "đã đạt", "dự kiến", "kinh phí") before a quantity makes it no target
   and ends the run.
3. Each quantity owns the stretch of its sentence since the previous quantity (left) and up
   to the next one (right); its fields come from the phrases in that stretch, the closest
   winning, and are inherited from the previous target of the sentence when the stretch names
   none ("Huyện Yên Bình giảm 2,4% (giảm 740 hộ)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans
from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

from ..models import Evidence, TargetMention
from ..nlp import blank_pipeline
from ..numbers import Quantity, QuantityReader
from ..rules import Rules
from ..sentences import sentence_spans

# Years a target is due by: "đến năm 2025", "cuối năm 2023", "năm 2024"; not "so với năm 2023".
_YEAR = re.compile(r"(?<!so với )(?<!so với cuối )(?<!so )(?<!từ )\b(?:năm\s+)((?:19|20)\d\d)\b|\bđến\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# "từ 48,14% năm 2015 xuống ...", "(năm 2010)": a baseline, not a target.
_BASELINE_AFTER = re.compile(r"^\s*(?:\(\s*)?(?:năm|vào năm|cuối năm)\s+(?:19|20)\d\d\)?\s*(?:,\s*)?(?:nay\s+)?(?:xuống|lên|còn)", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\btừ\s*$", re.IGNORECASE)
# The part of a clause a quantity owns ends at a comma before a new subject or verb.
_OPEN_PAREN = re.compile(r"\(\s*$")
_LEAD_IN = re.compile(r"^[\s\-+•*–:,.)(]*(?:phấn đấu|phấu đấu|đảm bảo|bảo đảm|trong đó|trong đó có|có|đạt|và)?[\s,:]*$", re.IGNORECASE)

_RATE_OF = {"poverty.households": "poverty.rate", "near_poverty.households": "near_poverty.rate"}
_COUNT_OF = {rate: count for count, rate in _RATE_OF.items()}
_SCOPE_RANK = {"poor_districts": 0}


@dataclass(frozen=True)
class Phrase:
    kind: str  # indicator, scope, target, result, forecast, group, neutral, change, per_year
    value: str  # code
    rule_id: str
    priority: int
    start: int
    end: int


@dataclass
class _Reading:
    """What the previous target of the sentence said, for elliptical followers."""

    indicator: str | None = None
    scope: str | None = None
    year: int | None = None


class TargetPass:
    """Finds targets; build once per Rules, then `run(doc, exclude)` per document."""

    def __init__(self, rules: Rules):
        self.quantities = QuantityReader(rules.numbers)
        nlp = blank_pipeline()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.labels: dict[str, tuple[str, str, str, int]] = {}
        cues = rules.cues
        for rule in rules.indicators.indicators:
            self._add(nlp, "indicator", rule.code, rule.id, rule.priority, rule.phrases)
        for rule in rules.scopes.scopes:
            self._add(nlp, "scope", rule.code, rule.id, 0, rule.phrases)
        for kind, rule in (
            ("target", cues.target_cues),
            ("result", cues.result_cues),
            ("forecast", cues.forecast_goal_cues),
            ("group", cues.group_definition_cues),
            ("neutral", cues.neutral_words),
            ("per_year", cues.per_year_cues),
        ):
            self._add(nlp, kind, kind, rule.id, 0, rule.phrases)
        for rule in cues.change_verbs:
            self._add(nlp, "change", rule.code, rule.id, 0, rule.phrases)

    def _add(self, nlp, kind: str, value: str, rule_id: str, priority: int, phrases: list[str]) -> None:
        key = f"{kind}|{value}|{rule_id}"
        self.labels[key] = (kind, value, rule_id, priority)
        self.matcher.add(key, [_pattern_doc(nlp, p) for p in phrases])

    # ------------------------------------------------------------------ phrases

    def phrases(self, doc: Doc) -> list[Phrase]:
        """Every rule phrase in the doc; per kind, overlapping matches keep the longest."""
        by_kind: dict[str, list] = {}
        for match_id, start, end in self.matcher(doc):
            kind = self.labels[doc.vocab.strings[match_id]][0]
            by_kind.setdefault(kind, []).append(doc[start:end])
            by_kind[kind][-1].label_ = doc.vocab.strings[match_id]
        found: list[Phrase] = []
        for kind, spans in by_kind.items():
            if kind == "indicator":
                spans = _prefer_priority(spans, self.labels)
            for span in filter_spans(spans):
                _, value, rule_id, priority = self.labels[span.label_]
                found.append(Phrase(kind, value, rule_id, priority, span.start_char, span.end_char))
        # A change verb inside a neutral name ("giảm" in "giảm nghèo") moves nothing.
        neutral = [p for p in found if p.kind == "neutral"]
        found = [p for p in found if not (p.kind == "change" and any(n.start <= p.start and p.end <= n.end for n in neutral))]
        found.sort(key=lambda p: (p.start, -p.end))
        return found

    # ------------------------------------------------------------------ run

    def run(self, doc: Doc, exclude: list[tuple[int, int]]) -> list[TargetMention]:
        text = doc.text
        quantities = self.quantities.find(text, exclude)
        phrases = self.phrases(doc)
        targets: list[TargetMention] = []
        in_goal_run = False
        q_index = 0
        for s_start, s_end in sentence_spans(text):
            in_sentence: list[Quantity] = []
            while q_index < len(quantities) and quantities[q_index].start < s_end:
                if quantities[q_index].start >= s_start:
                    in_sentence.append(quantities[q_index])
                q_index += 1
            s_phrases = [p for p in phrases if s_start <= p.start and p.end <= s_end]
            if any(p.kind == "target" for p in s_phrases):
                in_goal_run = True
            reading = _Reading()
            for i, quantity in enumerate(in_sentence):
                left_start = in_sentence[i - 1].end if i else s_start
                right_end = in_sentence[i + 1].start if i + 1 < len(in_sentence) else s_end
                before = [p for p in s_phrases if p.end <= quantity.start]
                if self._blocked(text, quantity, before, s_phrases, s_start):
                    if any(p.kind == "result" for p in before):
                        in_goal_run = False
                    continue
                if not in_goal_run:
                    continue
                left = [p for p in s_phrases if left_start <= p.start and p.end <= quantity.start]
                right = [p for p in s_phrases if quantity.end <= p.start and p.end <= right_end]
                target = self._read(text, quantity, left, right, reading, (left_start, right_end), (s_start, s_end))
                if target is not None:
                    targets.append(target)
        return _drop_repeats(targets)

    # ------------------------------------------------------------------ decisions

    def _blocked(self, text: str, q: Quantity, before: list[Phrase], s_phrases: list[Phrase], s_start: int) -> bool:
        """Results, estimates, budgets, group definitions and baselines are not targets."""
        forecast_goal = any(p.kind == "forecast" for p in before)
        if any(p.kind == "result" for p in before) and not forecast_goal:
            return True
        near = [p for p in before if q.start - p.end <= 3]
        if any(p.kind == "group" for p in near):
            return True
        if _FROM_BEFORE.search(text[max(s_start, q.start - 6) : q.number_start]) and _BASELINE_AFTER.match(text[q.end : q.end + 30]):
            return True
        return False

    def _read(self, text, q: Quantity, left, right, reading: _Reading, window, sentence) -> TargetMention | None:
        indicator, indicator_phrase = self._indicator(text, q, left, right, reading)
        scope = self._scope(left, right, reading)
        change = self._change(q, left, right)
        year = self._year(text, window[0], q.start, reading)
        per_year = q.per_year_suffix or any(p.kind == "per_year" for p in left + right)
        if q.unit == "vnd":
            per_year = per_year and not re.search(r"/\s*(người|hộ)", text[q.end : q.end + 12])
        reading.indicator, reading.scope, reading.year = indicator, scope, year
        span_start = min([p.start for p in left if p.kind in ("indicator", "change", "scope")] + [q.start])
        span_end = max([indicator_phrase.end] if indicator_phrase and indicator_phrase.start > q.end else [q.end])
        return TargetMention(
            text=text[span_start:span_end],
            indicator=indicator,
            scope=scope,
            change=change,
            bound=q.bound,
            value_min=q.value_min,
            value_max=q.value_max,
            unit=q.unit,
            per_year=per_year,
            year=year,
            evidence=Evidence(
                start=span_start, end=span_end, text=text[span_start:span_end],
                rule_id=(indicator_phrase.rule_id if indicator_phrase else q.unit_rule),
            ),
            sentence=Evidence(start=sentence[0], end=sentence[1], text=text[sentence[0] : sentence[1]], rule_id="sentence.v1"),
        )

    def _indicator(self, text, q: Quantity, left, right, reading: _Reading) -> tuple[str, Phrase | None]:
        left_ind = [p for p in left if p.kind == "indicator"]
        right_ind = [p for p in right if p.kind == "indicator"]
        chosen = _best(left_ind, closest="last") if left_ind else None
        right_best = _best(right_ind, closest="first") if right_ind else None
        if right_best and (chosen is None or right_best.priority > chosen.priority):
            chosen = right_best
        if chosen is None:
            code = reading.indicator or "other"
        else:
            code = chosen.value
        return _fit_unit(code, q, chosen, right_best), chosen

    def _scope(self, left, right, reading: _Reading) -> str:
        named = [p for p in left + right if p.kind == "scope"]
        if not named:
            return reading.scope or "all"
        named.sort(key=lambda p: (_SCOPE_RANK.get(p.value, 1), p.start))
        return named[0].value

    def _change(self, q: Quantity, left, right) -> str:
        verbs = [p for p in left if p.kind == "change"]
        if verbs:
            code = verbs[-1].value
        else:
            after = [p for p in right if p.kind == "change" and p.value == "decrease"]
            code = after[0].value if after and after[0].start - q.end <= 30 else "level"
        if code == "decrease" and q.bound == "at_most":
            return "level"  # "giảm ... dưới 1%": a level to stay under, not a cut
        return code

    def _year(self, text: str, left_start: int, q_start: int, reading: _Reading) -> int | None:
        years = [int(m.group(1) or m.group(2)) for m in _YEAR.finditer(text, left_start, q_start)]
        if years:
            return years[-1]
        return reading.year


def _pattern_doc(nlp, phrase: str) -> Doc:
    # The same syllable tokenizer as make_doc (underthesea's first stage), without the CRF.
    return Doc(nlp.vocab, words=tokenize(phrase))


def _prefer_priority(spans, labels):
    """Among overlapping indicator phrases keep the higher-priority one, then the longer."""
    ranked = sorted(spans, key=lambda s: (-labels[s.label_][3], -(s.end - s.start), s.start))
    kept = []
    for span in ranked:
        if all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    return kept


def _best(candidates: list[Phrase], closest: str) -> Phrase:
    top = max(p.priority for p in candidates)
    best = [p for p in candidates if p.priority == top]
    return best[-1] if closest == "last" else best[0]


def _fit_unit(code: str, q: Quantity, chosen: Phrase | None, right_best: Phrase | None) -> str:
    """Rates measure percent, counts measure households: follow the unit."""
    if q.unit == "households" and code in _COUNT_OF:
        return _COUNT_OF[code]
    if q.unit == "percent" and code in _RATE_OF:
        # "giảm 15% số hộ nghèo": a relative cut in households when N cannot be rate points.
        relative_cut = chosen is right_best and chosen is not None and q.value_max >= 10
        return code if relative_cut else _RATE_OF[code]
    return code


def _drop_repeats(targets: list[TargetMention]) -> list[TargetMention]:
    """The same commitment repeated (headline and body) is one target: keep the first."""
    seen: set[tuple] = set()
    kept: list[TargetMention] = []
    for target in targets:
        key = (target.indicator, target.scope, target.value_min, target.value_max, target.unit, target.change)
        if key in seen:
            continue
        seen.add(key)
        kept.append(target)
    return kept
