"""Targets: every quantified commitment with indicator, scope, change, bound, unit, year.

How it reads a document:
1. `QuantityReader` finds the quantities (numbers, ranges, bounds, units) by regex over the
   text; a spaCy PhraseMatcher over the underthesea Doc finds the phrases of rules/
   (indicators, scopes, cues, change verbs).
2. Sentences are walked in order. A sentence holds targets when it carries a target cue
   ("phấn đấu", "mục tiêu", "chỉ tiêu", "đến năm") or follows one in the same goal run; a
   result cue ("kết quả", "đã đạt", "dự kiến", "kinh phí") before a quantity makes it no target
   and ends the run; a state cue ("toàn tỉnh còn") or reporting verb ("cho biết") is a result
   unless a target cue in its sentence makes it part of a goal.
3. Each quantity owns the stretch of its sentence since the previous quantity (left) and up
   to the next one (right); its fields come from the phrases in that stretch, the closest
   winning, and are inherited from the previous target of the sentence when the stretch names
   none ("Huyện Yên Bình giảm 2,4% (giảm 740 hộ)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

from ..models import Evidence, TargetMention
from ..nlp import blank_pipeline, on_word_boundaries, text_of, token_span_chars
from ..numbers import Quantity, QuantityReader
from ..phrases import alternation, key
from ..rules import Rules
from ..sentences import sentence_spans
from ..spans import SpanIndex

# Years a target is due by: "đến năm 2025", "cuối năm 2023", "năm 2024"; not "so với năm 2023".
# ("năm 2011-2015" opens a phase: no one year it is due by)
_YEAR = re.compile(
    r"(?<!so với )(?<!so với cuối )(?<!so )(?<!từ )\b(?:năm\s+)((?:19|20)\d\d)\b(?!\s*[-–]\s*(?:19|20)\d\d)"
    r"|\bđến\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# "từ 48,14% năm 2015 xuống ...", "(năm 2010)": a baseline, not a target.
# Text between a number and a phrase that makes the phrase its own ("15%/tổng số hộ nghèo").
_ADJACENT = re.compile(r"^\s*%?[\s/]*(?:tổng\s+)?$", re.IGNORECASE)
# "100% người nghèo được hỗ trợ ...": a share covered, a level of its own, whatever came before.
_COVERAGE = re.compile(r"\bđược\b", re.IGNORECASE)
# "; trong đó, có khoảng 50 lao động ...": a part of the figure before it
_PART_OF = re.compile(r"[\s,;:(-]*trong\s+đó", re.IGNORECASE)
_JOINED_GOAL = re.compile(r"\svà\s+(?:được|có|sử dụng)\b", re.IGNORECASE)
# A scope named as one more item of a list of beneficiaries does not narrow the target
# ("cho hộ nghèo, cận nghèo và hộ đồng bào dân tộc thiểu số").
_LISTED_ITEM = re.compile(r"(?:\svà|,)\s*(?:hộ|người)?\s*$", re.IGNORECASE)
# A quantity's own clause ends at a comma that opens a new measure or verb.
_CLAUSE_BREAK = re.compile(
    r"[,;]\s*(?=(?:tỷ lệ|tỉ lệ|số hộ|giảm|tăng|phấn đấu|trong đó|đạt|hỗ trợ|đảm bảo|bảo đảm|bình quân|mỗi năm|hằng năm|hàng năm)\b)",
    re.IGNORECASE,
)
_TRAILING_JOIN = re.compile(r"(?:[\s,.;:…]|\s(?:và|hoặc)(?=[\s,.;:…]*$))+$", re.IGNORECASE)
_PURPOSE = re.compile(r"[;.]\s|\)|\s(?:để|nhằm)\s|\s\(", re.IGNORECASE)
_RESTATEMENT = re.compile(r"(?:\(|tương\s+đương|tương\s+ứng)[^()]{0,25}$", re.IGNORECASE)
_DEADLINE_BEFORE = re.compile(r"(?:đến|cuối|hết|tới)\s+(?:năm\s+)?$|(?:đến|cuối|hết|tới)\s+$", re.IGNORECASE)
_POVERTY_CONTEXT = re.compile(r"\bhộ\s+nghèo\b", re.IGNORECASE)
_NEAR_BREAK = re.compile(r"[,:(]|\svà\s")
_OWN_YEAR = re.compile(r"\s*\(?\s*(?:vào\s+|trong\s+)?(?P<deadline>cuối\s+|hết\s+)?năm\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_LEADING_YEAR = re.compile(r"\s*(?:(?:trong|cả|cuối|hết)\s+)?năm\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_DEADLINE_CUE = re.compile(r"(?:đến|tới)\b", re.IGNORECASE)
_YEAR_IN = re.compile(r"\s*(?:năm\s+)?((?:19|20)\d\d)")  # used with .match at a position
# "Huyện Yên Bình giảm 2,4%", "các huyện Vân Canh, Vĩnh Thạnh": a named unit's own quota.
_BEFORE_NAMED_UNIT = re.compile(r"\s*(?:(?:trong\s+đó|riêng)\s*)?", re.IGNORECASE)
_NAMED_UNIT = re.compile(r"(?:\b[Hh]uyện|\b[Tt]hị xã|\b[Tt]hành phố|\bTP\.?|\b[Qq]uận)\s+[A-ZĐ]\w*")

# Cues must be whole underthesea words; field phrases may span words the segmenter glued
# differently ("tỷ lệ hộ | nghèo đa chiều").
HEADLINE_MAX = 300  # a first line longer than this is body text, not a headline (pages without a date line)
PARAPHRASE_TOLERANCE = 0.1  # a headline rounds: "gần 5.000" for 4.990
# "đã" marks what was done; "đã đề ra", "đã được giao" still name goals.
_PAST = re.compile(r"\bđã\b(?!\s+(?:đề ra|được giao|được phê duyệt|ban hành|xác định))", re.IGNORECASE)
# A heading that opens a part of a document: "II. NHIỆM VỤ", "Chương III", "Điều 70.", "Phần thứ hai".
_SECTION = re.compile(r"[^\S\n]*(?:[IVX]{1,5}\s*[.:/)-]|(?:Chương|CHƯƠNG|Phần|PHẦN)\s+(?:[IVXL]+|\d+|thứ|THỨ)\b|(?:Điều|ĐIỀU)\s+\d+)")
# A target's text (`_span`): words that lead it or belong to it, and marks that cut it.
_MEASURE_WORD = re.compile(r"\b(?:tỷ\s+lệ|tỉ\s+lệ|tốc\s+độ)\b", re.IGNORECASE)  # leads its indicator
_YEAR_LABEL = re.compile(r"năm\s+(?:19|20)\d\d\s+$", re.IGNORECASE)  # "năm 2017 là 1,7%"
_BELONGING = re.compile(r"\s+thuộc\b", re.IGNORECASE)  # "4.000 người thuộc hộ nghèo"
_RESTATED_BY = re.compile(r"tương\s+(?:đương|ứng)(?:\s+với)?\s+$", re.IGNORECASE)
_COPULA = re.compile(r"\blà\s+", re.IGNORECASE)
_CLAUSE_MARK = re.compile(r"[:;]")
_YEARLY_AFTER = re.compile(r"\s+(?:hằng|hàng|mỗi)\s+năm\b", re.IGNORECASE)
_COMPARED = re.compile(r"\s*so\s+với\s+[^,;.()]{1,40}?(?=\s*(?:[,;.()]|(?:theo|để|nhằm|và)\b|$))", re.IGNORECASE)
# Numbers that are no targets: the units a plan assigns targets to, a component's number.
_ASSIGNED_TO = re.compile(r"\bgiao\b[^.;]{0,80}\bcho\s+$", re.IGNORECASE)
_COMPONENT_NAME = re.compile(r"\b(?:tiểu\s+dự\s+án|dự\s+án|chương\s+trình|nội\s+dung)\s+\d{1,3}[a-c]?\b(?!\s*[%.,]\d)", re.IGNORECASE)
_WORD_BOUND_KINDS = frozenset({"result"})
_CUE_KINDS = frozenset({"target", "name", "result", "state", "report", "forecast"})
_RATE_OF = {"poverty.households": "poverty.rate", "near_poverty.households": "near_poverty.rate"}
_COUNT_OF = {rate: count for count, rate in _RATE_OF.items()}
_SCOPE_RANK = {"poor_districts": 0}


@dataclass(frozen=True)
class Phrase:
    kind: str  # indicator, scope, target, result, budget, forecast, group, neutral, change, per_year
    value: str  # code
    rule_id: str
    priority: int
    start: int
    end: int


@dataclass(frozen=True)
class _Reading:
    """What the previous target said, for elliptical followers."""

    indicator: str | None = None
    scope: str | None = None
    year: int | None = None
    change: str = "level"
    bound: str = "exact"
    per_year: bool = False
    unit: str | None = None


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
            ("name", cues.name_cues),
            ("result", cues.result_cues),
            ("state", cues.state_cues),
            ("report", cues.reporting_verbs),
            ("beneficiary", cues.beneficiary_verbs),
            ("action", cues.action_verbs),
            ("budget", cues.budget_cues),
            ("group", cues.group_definition_cues),
            ("neutral", cues.neutral_words),
            ("per_year", cues.per_year_cues),
        ):
            self._add(nlp, kind, kind, rule.id, 0, rule.phrases)
        for rule in cues.change_verbs:
            self._add(nlp, "change", rule.code, rule.id, 0, rule.phrases)
        self._add(nlp, "change_rate", "decrease", cues.decrease_rates.id, 0, cues.decrease_rates.phrases)
        self._add(nlp, "result_after", "result", cues.result_after_cues.id, 0, cues.result_after_cues.phrases)
        self._money_goal_rules = {r.id for r in rules.indicators.indicators if r.id in cues.money_goal_indicators}
        self._forecast_words = {key(p) for p in cues.forecast_goal_cues.phrases}
        self._forecast_rule = cues.forecast_goal_cues.id
        self._goals_above = re.compile(alternation(cues.goals_above.phrases), re.IGNORECASE)

    def _add(self, nlp, kind: str, value: str, rule_id: str, priority: int, phrases: list[str]) -> None:
        key = f"{kind}|{value}|{rule_id}"
        self.labels[key] = (kind, value, rule_id, priority)
        self.matcher.add(key, [_pattern_doc(nlp, p) for p in phrases])

    # ------------------------------------------------------------------ phrases

    def phrases(self, doc: Doc) -> list[Phrase]:
        """Every rule phrase in the doc; per kind, overlapping matches keep the longest."""
        text = text_of(doc)
        by_kind: dict[str, list[tuple[int, int, str]]] = {}
        strings = doc.vocab.strings
        for match_id, start, end in self.matcher(doc):
            key = strings[match_id]
            kind = self.labels[key][0]
            if kind in _WORD_BOUND_KINDS and not on_word_boundaries(doc, start, end):
                continue  # "chỉ tiêu" inside "chỉ | tiêu đề ra" is no cue
            # target, name, result and forecast cues compete with one another
            by_kind.setdefault("cue" if kind in _CUE_KINDS else kind, []).append((start, end, key))
        found: list[Phrase] = []
        for matches in by_kind.values():
            # Overlapping phrases of one kind: the longest wins ("vượt kế hoạch đề ra" is a
            # result, not the target cue "kế hoạch đề ra"; "hộ mới thoát nghèo" is not "thoát nghèo").
            for start, end, key in _longest_first(matches):
                kind, value, rule_id, priority = self.labels[key]
                char_start, char_end = token_span_chars(doc, start, end)
                found.append(Phrase(kind, value, rule_id, priority, char_start, char_end))
        # A change verb inside a neutral name ("giảm" in "giảm nghèo") moves nothing.
        neutral = SpanIndex((p.start, p.end) for p in found if p.kind == "neutral")
        found = [p for p in found if not (p.kind == "change" and neutral.covers(p.start, p.end))]
        # "Dự án 4", "Tiểu dự án 2", "Chương trình 135": a component's name says nothing of what is counted
        names = SpanIndex((m.start(), m.end()) for m in _COMPONENT_NAME.finditer(text))
        found = [p for p in found if not (p.kind == "indicator" and names.covers(p.start, p.start + 1))]
        found = self._forecasts_in_goal_paragraphs(text, found)
        found.sort(key=lambda p: (p.start, -p.end))
        return found

    def _forecasts_in_goal_paragraphs(self, text: str, found: list[Phrase]) -> list[Phrase]:
        """An estimate word leading its sentence and followed, in its paragraph or the next, by
        "Để thực hiện các mục tiêu trên" states one of the plan's goals ("so với tỷ lệ cả nước
        dự kiến là ..." inside a sentence stays an estimate)."""
        out = []
        for phrase in found:
            before = text[max(0, phrase.start - 4) : phrase.start].rstrip(" ")
            leads = not before or before[-1] in ".;:\n"
            if phrase.kind == "result" and leads and key(text[phrase.start : phrase.end]) in self._forecast_words:
                reach = _line_end(text, _line_end(text, phrase.end) + 1)
                if self._goals_above.search(text, phrase.end, reach):
                    phrase = Phrase("forecast", "forecast", self._forecast_rule, 0, phrase.start, phrase.end)
            out.append(phrase)
        return out

    # ------------------------------------------------------------------ run

    def run(
        self,
        doc: Doc,
        exclude: list[tuple[int, int]],
        page_date: tuple[int, int] | None = None,
        dateline: tuple[int, int] | None = None,
    ) -> list[TargetMention]:
        """Targets in reading order. `page_date` (year, month) dates the page: goals due before
        it are results, not targets. `dateline` is the span of the page's own date line."""
        text = text_of(doc)
        quantities = [q for q in self.quantities.find(text, exclude) if q.value_max > 0]
        phrases = self.phrases(doc)
        targets: list[TargetMention] = []
        in_goal_run = False
        q_index = p_index = 0
        line_reading = _Reading()
        line_end = -1
        sentences = sentence_spans(text)
        datelines = {(s, e) for s, e in sentences if dateline and s <= dateline[0] < e}
        headline = _headline(text, sentences, dateline)
        for s_start, s_end in sentence_spans(text):
            opens_paragraph = s_start > line_end
            if opens_paragraph:
                line_reading = _Reading()  # a new line (paragraph) inherits nothing
                line_end = _line_end(text, s_start)
            in_sentence: list[Quantity] = []
            while q_index < len(quantities) and quantities[q_index].start < s_end:
                if quantities[q_index].start >= s_start:
                    in_sentence.append(quantities[q_index])
                q_index += 1
            while p_index < len(phrases) and phrases[p_index].start < s_start:
                p_index += 1
            reach = p_index
            while reach < len(phrases) and phrases[reach].start < s_end:
                reach += 1
            s_phrases = _reports_read(text, _states_read(p for p in phrases[p_index:reach] if p.end <= s_end), page_date)
            if (s_start, s_end) in datelines:
                in_goal_run = False  # the headline's goal run does not carry into the body
            if opens_paragraph and not any(p.kind == "target" for p in s_phrases) and (
                _PAST.search(text, s_start, s_end) or _opens_with_past_year(text, s_start, page_date) or _SECTION.match(text, s_start)
            ):
                # a paragraph that opens by telling what was done ("đã", "Năm 2023,"), or a new part
                # of the document ("II. NHIỆM VỤ VÀ GIẢI PHÁP", "Điều 70."), ends the goal list
                in_goal_run = False
            if self._starts_goal_run(text, s_phrases, page_date) or (
                (s_start, s_end) == headline and self._headline_states_goal(text, s_start, s_end, s_phrases, page_date)
            ):
                in_goal_run = True
            reading: _Reading | None = None
            previous_blocked = after_baseline = False
            sentence_year: tuple[int, bool] | None = None  # (year, stated as a deadline)
            window = None
            for i, quantity in enumerate(in_sentence):
                window = _Window(
                    text, quantity, s_phrases,
                    left_start=in_sentence[i - 1].end if i else s_start,
                    right_end=in_sentence[i + 1].start if i + 1 < len(in_sentence) else s_end,
                    years_start=window.own_year_end() if window else s_start,
                )
                if any(p.kind == "target" for p in window.left):
                    sentence_year = None  # "..., đạt mục tiêu Nghị quyết ...: N%": a new, goal statement
                if window.stated_year() is None and sentence_year:
                    window.inherited_year, window.inherited_deadline = sentence_year
                restating_baseline = after_baseline and window.restatement
                if window.stated_year() is not None and not restating_baseline and not (quantity.is_baseline and window.own_year):
                    # "từ 4.463 hộ vào cuối năm 2020 (bằng 0,21% ...)": the year the baseline is from
                    sentence_year = (window.stated_year(), window.stated_as_deadline())
                if self._blocked(text, quantity, window, page_date) or (previous_blocked and window.restatement):
                    previous_blocked = True
                    after_baseline = quantity.is_baseline or restating_baseline
                    if window.last_cue == "result" and not any(
                        p.kind in ("target", "forecast") and p.end <= quantity.start for p in s_phrases
                    ):
                        in_goal_run = False  # a result ends the goal list; a comparison inside a goal sentence does not
                    if quantity.is_baseline and in_goal_run:
                        # "giảm số hộ nghèo từ A ... xuống còn B": B counts what A counts
                        stated = self._read(window, reading, line_reading, (s_start, s_end))
                        if stated:
                            reading = _Reading(stated[-1].indicator, stated[-1].scope)
                    continue
                previous_blocked = after_baseline = False
                if not in_goal_run:
                    continue
                found = self._read(window, reading, line_reading, (s_start, s_end))
                targets.extend(found)
                if found:
                    last = found[-1]
                    reading = _Reading(last.indicator, last.scope, last.year, last.change, last.bound, last.per_year, last.unit)
                if reading:
                    line_reading = reading
        first_line = (0, _line_end(text, 0))
        headline = headline or (first_line if first_line[1] <= HEADLINE_MAX else None)
        if headline:
            targets = _drop_headline_paraphrases(targets, headline)
        return _drop_repeats(targets)

    # ------------------------------------------------------------------ decisions

    def _starts_goal_run(self, text: str, s_phrases: list[Phrase], page_date) -> bool:
        """A target cue not preceded by a result cue, and not a past deadline ("đến cuối năm 2024"
        on a page of December 2024)."""
        for phrase in s_phrases:
            if phrase.kind == "result":
                return False
            if _live_goal(text, phrase, page_date):
                return True
        return False

    def _headline_states_goal(self, text: str, start: int, end: int, s_phrases: list[Phrase], page_date) -> bool:
        """An article's headline is its plan's key goal when it names a year still ahead of the
        page's date and no result ("Yên Bái: Xây dựng 20 xã ... không có hộ nghèo trong năm 2024"
        on a page of February 2024)."""
        if page_date is None or any(p.kind == "result" for p in s_phrases):
            return False
        years = _years_in(text, start, end)
        return bool(years) and not any(_is_past(year, page_date) for year in years)

    def _blocked(self, text: str, q: Quantity, window: "_Window", page_date) -> bool:
        """Results, estimates, budgets, group definitions and baselines are not targets."""
        if window.last_cue == "result":
            return True
        if any(p.kind == "result_after" for p in window.right_clause):
            return True
        if any(p.kind == "group" and q.start - p.end <= 3 for p in window.left):
            return True
        if q.is_baseline:
            return True  # "từ 48,14% năm 2015 xuống ...": the starting point
        if q.unit in ("communes", "other") and _ASSIGNED_TO.search(text, window.left_start, q.start):
            return True  # "giao chỉ tiêu giảm nghèo năm 2021 cho 30 quận, huyện": who receives the targets
        if q.unit == "vnd" and any(p.kind == "budget" and p.end <= q.start for p in window.sentence_phrases):
            return True  # a sum in a sentence about funds is a budget, whatever it is raised for
        if q.unit == "vnd" and not (
            any(p.kind == "indicator" and p.rule_id in self._money_goal_rules for p in window.left)
            or re.search(r"tương\s+(?:đương|ứng)\s*$", text[window.left_start : q.start], re.IGNORECASE)
        ):
            return True  # budgets are not targets; incomes, fund-raising goals and their equivalents are
        if q.unit_rule.startswith("word-all") and not re.search(r"\bđược\b", window.right_clause_text):
            return True  # "tất cả ... được ..." is 100%; "tất cả" alone names no share
        year = window.stated_year()
        if not (year and page_date):
            return False
        if window.stated_as_deadline():
            return year < page_date[0]  # "đến cuối năm 2016" in a November 2016 article is still ahead
        return _is_past(year, page_date)  # "Năm 2024, ... đạt 3,7%" written in December 2024: a result

    def _read(self, w: "_Window", reading, line_reading: _Reading, sentence) -> list[TargetMention]:
        text, q = w.text, w.q
        change = self._change(w, reading)
        indicators = self._indicators(w, reading, line_reading, change)
        scope = self._scope(w, reading, line_reading)
        bound = q.bound
        if reading and bound == "exact" and w.restatement:
            bound = reading.bound  # "(tương đương ...)" takes the bound of the figure it restates
        year = w.stated_year() or (reading.year if reading else None)
        per_year_cues = [p for p in w.left + w.right_clause if p.kind == "per_year"]
        if q.unit == "vnd":
            # "triệu đồng/người/năm", "triệu đồng/năm" are income units; "mỗi năm vận động" is yearly
            per_year_cues = [p for p in per_year_cues if p.end <= q.start]
        per_year = (q.per_year_suffix and q.unit != "vnd") or bool(per_year_cues)
        if not per_year and "bình quân" in text[w.left_start : q.start].lower() and "/năm" in text[sentence[0] : q.start].replace(" ", ""):
            per_year = True  # "giảm bình quân từ 4%-5%" after "2%-2,5%/năm" in the same sentence
        if reading and reading.per_year and (w.part_of_previous or change == reading.change != "level" and q.unit == reading.unit):
            # "hằng năm tỷ lệ hộ nghèo giảm 2% và tỷ lệ hộ cận nghèo giảm 1%": one yearly cut each;
            # "mỗi năm ... 40.000 lao động, trong đó ... khoảng 15.000 người": a part of a yearly figure
            per_year = True
        found: list[TargetMention] = []
        for indicator, phrase in indicators:
            span_start, span_end = _span(w, phrase, change)
            found.append(
                TargetMention(
                    text=text[span_start:span_end], indicator=indicator, scope=scope, change=change,
                    bound=bound, value_min=q.value_min, value_max=q.value_max, unit=q.unit,
                    per_year=per_year, year=year,
                    evidence=Evidence(start=span_start, end=span_end, text=text[span_start:span_end],
                                      rule_id=phrase.rule_id if phrase else q.unit_rule),
                    sentence=Evidence(start=sentence[0], end=sentence[1], text=text[sentence[0] : sentence[1]], rule_id="sentence.v1"),
                )
            )
        return found

    def _indicators(self, w: "_Window", reading, line_reading: _Reading, change: str) -> list[tuple[str, Phrase | None]]:
        """The indicator(s) of a quantity, from the most telling evidence down (see module doc)."""
        q = w.q
        specific = lambda ps: [p for p in ps if p.kind == "indicator" and p.priority > 0]  # noqa: E731
        population = lambda ps: [p for p in ps if p.kind == "indicator" and p.priority == 0]  # noqa: E731
        adjacent = [p for p in w.right if p.kind == "indicator" and _ADJACENT.match(w.text[q.number_end : p.start])]
        if change != "decrease":
            # "80% số hộ nghèo đang sử dụng nhà tiêu ...": the households are who, not what
            adjacent = [p if p.value not in _RATE_OF else Phrase(p.kind, p.value, p.rule_id, 0, p.start, p.end) for p in adjacent]
        clause_specific = sorted(specific(w.right_clause), key=lambda p: (-p.priority, p.start))
        if specific(w.near_left):
            chosen = specific(w.near_left)[-1]
        elif specific(adjacent):
            chosen = specific(adjacent)[0]
        elif clause_specific:
            return self._coordinated(w, clause_specific)
        elif population(w.near_left) and not population(adjacent):
            chosen = population(w.near_left)[-1]  # "..., cận nghèo dưới 40%": a new group, not the last one
        elif reading and reading.indicator and not population(adjacent):
            return [(_fit_unit(reading.indicator, q, None), None)]
        elif specific(w.right):
            chosen = specific(w.right)[0]
        elif population(adjacent):
            chosen = population(adjacent)[0]
        elif specific(w.left):
            chosen = specific(w.left)[-1]
        elif population(w.right) or population(w.left):
            chosen = (population(w.right) or [None])[0] or population(w.left)[-1]
        elif line_reading.indicator:
            return [(_fit_unit(line_reading.indicator, q, None), None)]
        elif change == "decrease" and _POVERTY_CONTEXT.search(w.text, max(0, w.left_start - 300), w.right_clause_end):
            # "Đắk Nông phấn đấu ... toàn tỉnh giảm từ 3% trở lên" on a page about poor households:
            # the poverty rate (or count) is what falls
            return [(_fit_unit("poverty.rate", q, None), None)]
        else:
            return [("other", None)]
        if chosen.priority == 0 and change == "level" and any(p.kind == "beneficiary" and p.end <= q.start for p in w.sentence_phrases):
            return [("other", chosen)]  # "hỗ trợ ... 1.200 hộ nghèo": who is helped, not the poor households left
        if q.unit == "percent" and chosen.value in _RATE_OF and change != "decrease" and chosen.start >= q.number_end and (
            chosen not in adjacent or _COVERAGE.search(w.right_clause_text)
        ):
            return [("other", chosen)]  # "95% trẻ em thuộc hộ nghèo", "95% hộ nghèo được ...": a share of a group, not the poverty rate
        return [(_fit_unit(chosen.value, q, chosen), chosen)]

    def _coordinated(self, w: "_Window", ranked: list[Phrase]) -> list[tuple[str, Phrase | None]]:
        """One number, two goals joined by "và được" ("trên 95% hộ dân được sử dụng điện ... và
        được sử dụng nước hợp vệ sinh") gives a target per goal; otherwise the best one."""
        first = ranked[0]
        by_position = sorted(ranked, key=lambda p: p.start)
        for later in by_position:
            if later.start > first.end and later.value != first.value and w.lead_in:
                between = w.text[first.end : later.start]
                if _JOINED_GOAL.search(between) and "," not in between:
                    return [(_fit_unit(p.value, w.q, p), p) for p in (first, later)]
        return [(_fit_unit(first.value, w.q, first), first)]

    def _scope(self, w: "_Window", reading, line_reading: _Reading) -> str:
        own = [p for p in w.left if p.kind == "scope"]
        if not own:
            own = [p for p in w.right_clause if p.kind == "scope" and not _LISTED_ITEM.search(w.text[w.q.end : p.start])]
        if _NAMED_UNIT.search(w.text, w.left_start, w.q.start):
            own.append(Phrase("scope", "other", "scope-named-unit.v1", 1, w.left_start, w.left_start))
        if own:
            own.sort(key=lambda p: (_SCOPE_RANK.get(p.value, 1), p.start))
            return own[0].value
        if reading:
            return reading.scope or "all"
        if w.part_of_previous:
            return line_reading.scope or "all"  # "; trong đó, có khoảng 50 lao động ...": the parent's group
        return "all"

    def _change(self, w: "_Window", reading) -> str:
        q = w.q
        near_verbs = [p for p in w.near_left if p.kind == "change"]
        far_verbs = [p for p in w.left if p.kind == "change" and q.start - p.end <= 80]
        after = [p for p in w.right_clause if p.kind == "change" and p.value == "decrease" and p.start - q.end <= 30]
        if any(p.kind == "change_rate" for p in w.left):
            code = "decrease"  # "tỷ lệ giảm hộ nghèo ... đạt 3 - 5%": a rate of decrease
        elif near_verbs:
            code = near_verbs[-1].value
            earlier = [p for p in far_verbs if p.value == "decrease"]
            if code == "level" and earlier and "so với" in w.text[earlier[-1].end : q.start]:
                code = "decrease"  # "giảm ... năm 2024 so với năm 2023 là 4,1%"
        elif after:
            code = "decrease"  # "8.848 hộ nghèo thoát nghèo"
        elif w.restatement and q.unit == "vnd":
            code = "level"  # "tăng 1,5 lần (tương đương 30,9 triệu đồng/người/năm)": the income reached
        elif reading and not _COVERAGE.search(w.right_clause_text):
            code = reading.change  # "giảm 260 hộ (203 hộ nghèo và 57 hộ cận nghèo)", "giảm 0,35% ... và 0,2% ..."
        elif far_verbs:
            code = far_verbs[-1].value
        else:
            code = "level"
        if code == "decrease" and q.bound == "at_most":
            return "level"  # "giảm ... dưới 1%": a level to stay under, not a cut
        return code


class _Window:
    """The stretch of its sentence a quantity owns, split the ways the decisions need."""

    def __init__(self, text: str, q: Quantity, s_phrases: list[Phrase], left_start: int, right_end: int, years_start: int):
        self.text, self.q, self.left_start, self.years_start = text, q, left_start, years_start
        # "giảm 1,5% vào năm 2024, 1,2% vào năm 2025": a year right after the number is its own
        self.own_year = _OWN_YEAR.match(text, q.end, right_end)
        self.sentence_phrases = s_phrases
        self.left = [p for p in s_phrases if left_start <= p.start and p.end <= q.start]
        self.right_end = right_end
        self.right = [p for p in s_phrases if q.number_end <= p.start and p.end <= right_end]
        clause = _CLAUSE_BREAK.search(text, q.end, right_end)
        self.right_clause_end = clause.start() if clause else right_end
        self.right_clause = [p for p in self.right if p.end <= self.right_clause_end]
        self.right_clause_text = text[q.end : self.right_clause_end]
        breaks = [m.end() for m in _NEAR_BREAK.finditer(text, left_start, q.start)]
        self.near_start = breaks[-1] if breaks else left_start
        self.near_left = [p for p in self.left if p.start >= self.near_start]
        cues = [p for p in s_phrases if p.kind in ("result", "target", "forecast") and p.end <= q.start]
        self.last_cue = cues[-1].kind if cues else None
        self.lead_in = not any(p.kind == "indicator" for p in self.near_left)
        self.restatement = bool(_RESTATEMENT.search(text[left_start : q.start]))
        self.part_of_previous = bool(_PART_OF.match(text, left_start, q.start))

    inherited_year: int | None = None  # a year stated earlier in the sentence ("Năm 2016, ... có 1.068 hộ, 111 hộ")
    inherited_deadline: bool = False  # ... and whether it was a deadline ("đến cuối năm 2016, ... 203 hộ và 57 hộ")

    def stated_as_deadline(self) -> bool:
        if self.own_year:
            return bool(self.own_year.group("deadline"))
        years = list(_YEAR.finditer(self.text, self.years_start, self.q.start))
        if not years:
            return self.inherited_deadline
        return bool(_DEADLINE_BEFORE.search(self.text[max(0, years[-1].start() - 12) : years[-1].start()]))

    def stated_year(self) -> int | None:
        if self.own_year:
            return int(self.own_year.group("year"))
        years = _years_in(self.text, self.years_start, self.q.start)
        return years[-1] if years else self.inherited_year

    def own_year_end(self) -> int:
        """Where the next quantity's own words start: after this one's year, if it has one."""
        return self.own_year.end() if self.own_year else self.q.end


def _live_goal(text: str, phrase: Phrase, page_date) -> bool:
    """A target or forecast cue that is not a deadline already past on the page's date."""
    if phrase.kind not in ("target", "forecast"):
        return False
    year = _YEAR_IN.match(text, phrase.end, phrase.end + 12)
    return not (year and page_date and _is_past(int(year.group(1)), page_date))


def _opens_with_past_year(text: str, start: int, page_date) -> bool:
    year = _LEADING_YEAR.match(text, start)
    return bool(year and page_date and _is_past(int(year.group(1)), page_date))


def _reports_read(text: str, s_phrases: list[Phrase], page_date) -> list[Phrase]:
    """A reporting verb ("cho biết") reports a goal when a live target cue that is more than a
    deadline ("phấn đấu", not "đến cuối năm 2023 ... đạt 2,89%") follows it in its sentence,
    and a result otherwise."""
    out: list[Phrase] = []
    for i, phrase in enumerate(s_phrases):
        if phrase.kind == "report":
            if any(_live_goal(text, later, page_date) and not _DEADLINE_CUE.match(text, later.start) for later in s_phrases[i + 1 :]):
                continue
            phrase = replace(phrase, kind="result")
        out.append(phrase)
    return out


def _states_read(s_phrases) -> list[Phrase]:
    """A state cue ("toàn tỉnh còn") reports the present, a result, unless a target cue before it
    in its sentence makes it the state the goal aims at."""
    out: list[Phrase] = []
    goal = False
    for phrase in s_phrases:
        goal = goal or phrase.kind == "target"
        if phrase.kind == "state":
            if goal:
                continue
            phrase = replace(phrase, kind="result")
        out.append(phrase)
    return out


def _years_in(text: str, start: int, end: int) -> list[int]:
    return [int(m.group(1) or m.group(2)) for m in _YEAR.finditer(text, start, end)]


def _headline(text: str, sentences: list[tuple[int, int]], dateline: tuple[int, int] | None) -> tuple[int, int] | None:
    """The last sentence before the page's date line, when it is a line of its own."""
    if dateline is None:
        return None
    before = [(s, e) for s, e in sentences if e <= dateline[0] and text[s:e].strip()]
    if not before:
        return None
    start, end = before[-1]
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or "\n" not in text[end : dateline[0]] and end < dateline[0]:
        return None
    return before[-1]


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _is_past(year: int, page_date: tuple[int, int]) -> bool:
    page_year, page_month = page_date
    return year < page_year or (year == page_year and page_month >= 11)


def _longest_first(matches: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping matches, longer ones first (as spaCy's filter_spans, without Spans)."""
    kept: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for start, end, key in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if not taken.intersection(range(start, end)):
            kept.append((start, end, key))
            taken.update(range(start, end))
    return kept


def _pattern_doc(nlp, phrase: str) -> Doc:
    # The same syllable tokenizer as make_doc (underthesea's first stage), without the CRF.
    return Doc(nlp.vocab, words=tokenize(phrase))


def _fit_unit(code: str, q: Quantity, chosen: Phrase | None) -> str:
    """Rates measure percent, counts measure households: follow the unit."""
    if q.unit == "households" and code in _COUNT_OF:
        return _COUNT_OF[code]
    if q.unit == "percent" and code in _RATE_OF:
        # "giảm 15% số hộ nghèo": a relative cut in households when N cannot be rate points.
        relative_cut = chosen is not None and chosen.start >= q.number_end and q.value_max >= 10
        return code if relative_cut else _RATE_OF[code]
    return code


def _drop_headline_paraphrases(targets: list[TargetMention], headline: tuple[int, int]) -> list[TargetMention]:
    """A headline rounding a body figure ("giảm gần 5.000 hộ nghèo" over "giảm trên 4.990 hộ")
    adds nothing; one the body does not state (an aggregate of district quotas) stays."""
    in_headline = lambda t: headline[0] <= t.evidence.start < headline[1]  # noqa: E731
    body = [t for t in targets if t.evidence.start >= headline[1]]

    def paraphrased(target: TargetMention) -> bool:
        return any(
            (b.indicator, b.unit, b.change) == (target.indicator, target.unit, target.change)
            and b.value_max != target.value_max
            and abs(b.value_max - target.value_max) <= PARAPHRASE_TOLERANCE * max(b.value_max, target.value_max)
            for b in body
        )

    return [t for t in targets if not (in_headline(t) and paraphrased(t))]


def _span(w: "_Window", phrase: Phrase | None, change: str) -> tuple[int, int]:
    """The shortest stretch that states the commitment: from the words that lead it (after any
    target cue) to what the number counts."""
    text, q = w.text, w.q
    # what comes after the last target cue ("... là phấn đấu hỗ trợ đào tạo 500 lao động")
    after_cue = max([p.end for p in w.near_left if p.kind == "target" and not _DEADLINE_CUE.match(text, p.start)], default=0)
    start = min([
        p.start for p in w.near_left
        if p.kind in ("indicator", "change", "scope", "per_year", "forecast", "beneficiary", "action") and p.start >= after_cue
    ] + [q.start])
    if phrase and phrase.end <= q.start and not _CLAUSE_MARK.search(text, phrase.end, q.start):
        start = min(start, phrase.start)  # "tỷ lệ hộ nghèo vùng đồng bào DTTS và miền núi giảm 3%"
    measure = [m.start() for m in _MEASURE_WORD.finditer(text, max(w.near_start, after_cue), start)]
    if measure:
        start = measure[0]  # "tỷ lệ lao động qua đào tạo đạt 35%": the measure leads its indicator
    unit = _NAMED_UNIT.search(text, w.near_start, q.start)
    if unit and _BEFORE_NAMED_UNIT.fullmatch(text, w.near_start, unit.start()):
        start = min(start, unit.start())  # "Huyện Yên Bình giảm 2,4%": whose quota it is
    copulas = list(_COPULA.finditer(text, start, q.start))
    if copulas and copulas[-1].end() < q.start:
        start = copulas[-1].end()  # "Mục tiêu của tỉnh là giảm tỷ lệ hộ nghèo dưới 1%": the copula is not the goal
    elif copulas and copulas[-1].start() == start:
        label = _YEAR_LABEL.search(text, w.near_start, start)
        start = label.start() if label else start  # "năm 2017 là 1,7%, năm 2018 là 1,4%": each year's own figure
    end = phrase.end if phrase and phrase.start >= q.number_end else q.end
    if start == q.start or (end == q.end and _BELONGING.match(text, end)):
        # a target starting at its number, or a count followed by whom it belongs to, runs on to
        # what it counts ("100% văn bản ... được kiểm tra", "đào tạo nghề cho 4.000 người thuộc
        # hộ nghèo, cận nghèo"), up to a purpose or the clause end
        end = max(end, _object_end(text, q.end, w.right_clause_end))
    restated = _RESTATED_BY.search(text, w.near_start, start)
    if restated:
        start = restated.start()  # "tương đương 30,9 triệu đồng/người/năm"
    compared = _COMPARED.match(text, end, w.right_end)
    if compared and change != "level":
        end = compared.end()  # "giảm 50% số hộ cận nghèo so với đầu kỳ": the cut's base
    yearly = _YEARLY_AFTER.match(text, end, w.right_end)
    if yearly:
        end = yearly.end()  # "Giải quyết việc làm cho 150 – 200 lao động hằng năm"
    if text.count("(", start, end) > text.count(")", start, end) and text.startswith(")", end):
        end += 1  # "(ít nhất 6.000 hộ)"
    return start, end


def _object_end(text: str, start: int, clause_end: int) -> int:
    """Where the words a bare number counts end: the clause, cut before a purpose ("để", "nhằm")."""
    stops = [m.start() for m in (_PURPOSE.search(text, start, clause_end), _JOINED_GOAL.search(text, start, clause_end)) if m]
    end = min(stops, default=clause_end)
    return start + len(_TRAILING_JOIN.sub("", text[start:end]))


def _what_it_counts(target: TargetMention) -> str:
    """For an uncoded indicator, the words after the number say what it counts: "100% văn bản
    ... được kiểm tra" and "100% thủ tục hành chính ..." are two commitments."""
    start = target.evidence.start - target.sentence.start
    return " ".join(re.findall(r"\w+", target.sentence.text[start : start + 160].lower())[:10])


def _drop_repeats(targets: list[TargetMention]) -> list[TargetMention]:
    """The same commitment repeated (headline and body) is one target: keep the first."""
    seen: set[tuple] = set()
    kept: list[TargetMention] = []
    for target in targets:
        key = (target.indicator, target.scope, target.value_min, target.value_max, target.unit, target.change,
               target.bound, _what_it_counts(target) if target.indicator == "other" else "")
        if key in seen:
            continue
        seen.add(key)
        kept.append(target)
    return kept
