"""Targets: every quantified commitment with its indicator, scope, change, bound, unit, yearly
flag and due year; the principles are written down in docs/reading.md.

1. `QuantityReader` finds the quantities (numbers, ranges, bounds, units) by regex over the
   text; `MarkReader` finds the phrases of rules/ (indicators, scopes, modality marks, verbs).
2. `Layout` gives every line its context: the section a heading opens, the goal list a lead-in
   opens.
3. Each quantity is read in its clause (`Clause`): what it asserts (`modality.decide`) and, for
   a commitment, its fields (`fields`, `span`). A clause that names nothing of its own takes
   over what the target before it in its sentence said ("huyện B 2,0-2,4%").
4. A commitment repeated (headline and body, goals and tasks) is one target; a headline
   rounding a body figure adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc

from ..models import Evidence, TargetMention
from ..nlp import text_of
from ..numbers import Quantity, QuantityReader, in_markup
from ..reading import fields
from ..reading.clause import Clause, ClauseWords, plan_headline
from ..reading.fields import Previous
from ..reading.layout import GOAL_LIST, NO_CONTEXT, Context, Layout, Sections
from ..reading.marks import Mark, MarkReader
from ..reading.goal_counts import tallies_goals, titles_goals
from ..reading.count_subject import COUNT_SUBJECT_RULE
from ..reading.modality import ASPECTS, COMMITMENT, Modality, Setting, aspect, decide
from ..reading.span import target_span
from ..reading.times import DUE_KINDS, GOAL_DUE_KINDS, TimeReader, Year, is_past, line_due_year
from ..rules import Rules
from ..sentences import after_item, next_line_end, sentence_spans
from .periods import phase_start
from ..spans import SpanIndex, within
from .halves import Halves
from .repeats import headline_span, one_statement_each, title_line

GOAL_LIST_ITEM = Context("goal", GOAL_LIST)
TOLD_KINDS = DUE_KINDS | {"phase"}  # the times a sentence may tell of: "năm 2020", "giai đoạn 2016 - 2020"
GOAL_SENTENCE_RULE = "goal-without-figure.v1"
REPORTED_SENTENCE_RULE = "figures-reported.v1"
PLAN_TITLE_RULE = "headline-plan.v1"


class TargetReading(NamedTuple):
    targets: list[TargetMention]
    stated_goals: list[Evidence]  # sentences stating a goal without a figure, due by a year still ahead
    reported: list[Evidence]  # sentences whose figures tell only results


class _Sentence(NamedTuple):
    start: int
    end: int
    marks: list[Mark]  # the sentence's marks and years, found once
    years: list[Year]


@dataclass
class _LineState:
    """What a line has said so far."""

    index: int = -1
    committed: bool = False  # its last statement was a commitment
    in_list: bool = False  # a goal list opened in it ("Các chỉ tiêu chủ yếu đề ra là: ...; ...; ...")
    year: Year | None = None  # the year its sentences so far were about
    goals_from: int | None = None  # the first year its goals cover ("năm 2024": 2024; "đến năm 2020": 2016)
    carried_from: int | None = None  # the same, of the goals it carries on from the paragraph before
    parent: Previous = field(default_factory=Previous)  # its last target ("; trong đó ..." parts refer to it)
    topic: str | None = None  # the group a topic opening it names ("Đối với khu vực miền núi, ...")
    reported: bool = False  # its last sentence with figures only reported
    estimated: bool = False  # its last sentence without figures only estimated (when a work is expected to end)


class TargetPass:
    """Finds targets; build once per Rules, then `run(doc, exclude)` per document."""

    def __init__(self, rules: Rules):
        self.quantities = QuantityReader(rules.numbers)
        self.marks = MarkReader(rules)
        self.sections = Sections(rules.sections)
        self.times = TimeReader(rules.times)
        self.words = ClauseWords(rules)
        self.money_goals = frozenset(rules.cues.money_goal_indicators)
        self.names_plan = plan_headline(rules)  # "Chợ Đồn: Nghị quyết của HĐND huyện về nhiệm vụ ... năm 2012"
        self.halves = Halves(rules.scopes.halves)

    def run(self, doc: Doc, exclude: list[tuple[int, int]], page_date: tuple[int, int] | None = None) -> list[TargetMention]:
        """Targets in reading order (`read`'s targets)."""
        return self.read(doc, exclude, page_date).targets

    def read(self, doc: Doc, exclude: list[tuple[int, int]], page_date: tuple[int, int] | None = None) -> TargetReading:
        """Targets in reading order, and the sentences stating goals without a figure ("Tỉnh
        phấn đấu đến năm 2030 trở thành tỉnh khá"). `page_date` (year, month) dates the page:
        goals due before it are results."""
        text = text_of(doc)
        marks = self.marks.read(doc)
        blocked = [*exclude, *self.marks.components(text)]
        quantities = [q for q in self.quantities.find(text, blocked) if q.value_max > 0 and not in_markup(text, q)]
        years = self.times.years(text, SpanIndex(exclude))
        commits = [m.start for m in marks if m.family == "mark" and m.code == "commit"]
        layout = Layout(text, self.sections, [q.start for q in quantities], commits)
        sentences = [_Sentence(start, end, within(marks, start, end, lambda m: m.start, lambda m: m.end),
                               within(years, start, end, lambda y: y.year_start, lambda y: y.end))
                     for start, end in sentence_spans(text)]
        reported = None if page_date else _latest_reported_year(sentences)
        headline = headline_span(text)
        reader = _DocumentReader(self, text, marks, quantities, years, layout, page_date, (reported, 1) if reported else None,
                                 self._page_frame(text, headline), title_line(text, headline, layout))
        targets = [t for sentence in sentences for t in reader.sentence(sentence)]
        targets = self.halves.apart(one_statement_each(targets, text, self.words.named_unit, layout, headline))
        return TargetReading(targets, reader.stated_goals, reader.reported)


    def _page_frame(self, text: str, headline: tuple[int, int] | None) -> Context:
        """The context of what no section heading frames: a page whose headline names a plan
        document, and no results, states that document's figures."""
        title = text[headline[0] : headline[1]] if headline else ""
        if self.names_plan(title):
            return Context("goal", PLAN_TITLE_RULE)
        return NO_CONTEXT


class _DocumentReader:
    """One document's reading, sentence by sentence, in order."""

    def __init__(self, owner: TargetPass, text, marks: list[Mark], quantities: list[Quantity], years: list[Year],
                 layout: Layout, page_date, written_after, page_frame: Context, title_line: int | None):
        self.owner, self.text, self.marks, self.quantities, self.years = owner, text, marks, quantities, years
        self.layout, self.page_date, self.page_frame = layout, page_date, page_frame
        self.title_line = title_line  # a news page's title sums the article up: the body starts afresh
        # what is behind the writer: on an undated page, what comes before a year it reports as done
        self.past_before = page_date or written_after
        self.line = _LineState()
        self.goals_above = [m for m in marks if m.family == "mark" and m.code == "goals_above"]
        self.stated_goals: list[Evidence] = []
        self.reported: list[Evidence] = []

    def sentence(self, sentence: _Sentence) -> list[TargetMention]:
        start, end, s_marks, s_years = sentence
        line = self.layout.line_of(start)
        if line != self.line.index:
            # a paragraph goes on with the goals of the one before it, unless it is a heading or a
            # subheading, or the one before is the page's title
            carried = self.line.committed and self.line.index != self.title_line and not (
                self.layout.is_heading(line) or self.layout.subheading(line))
            carried_from = (self.line.goals_from or self.line.carried_from) if carried else None
            self.line = _LineState(index=line, committed=carried, carried_from=carried_from, topic=self._topic(start))
        in_sentence = within(self.quantities, start, end, lambda q: q.start, lambda q: q.start)
        found = self._quantities(start, end, s_marks, s_years, in_sentence) if in_sentence else []
        if not in_sentence:
            list_item = self._list_goal_item(start, end)
            if self._note_aspect(start, s_marks, s_years):
                self.stated_goals.append(Evidence(start=start, end=end, text=self.text[start:end], rule_id=GOAL_SENTENCE_RULE))
            # "...; đạt và vượt chỉ tiêu giảm hộ nghèo; giảm tỷ suất sinh thô ...": one goal of the running list
            self.line.committed = self.line.committed or list_item
            self.line.year = line_due_year(s_years, self.line.year)
        commits = [m for m in s_marks if m.family == "mark" and m.code == "commit"]
        if commits and ":" in self.text[commits[0].end : end] and not tallies_goals(self.text, s_marks, self.owner.words):
            # the items after the colon, and the sentences after it, are goals; not those naming the
            # goals a tally before the colon counts ("còn 3/20 chỉ tiêu không đạt: ...")
            self.line.in_list = True
        return found

    def _topic(self, start: int) -> str | None:
        """The group a topic fronting the line names ("Đối với khu vực miền núi, ...", w286; w265),
        for the figures of its ";" items that name none."""
        topic = self.owner.words.topic.match(self.text, start)
        if topic is None:
            return None
        groups = [m for m in within(self.marks, start, topic.end(), lambda m: m.start, lambda m: m.end) if m.family == "scope"]
        return groups[0].code if groups else None

    def _list_goal_item(self, start: int, end: int) -> bool:
        """An item without a figure inside the committed line's ";" list is one more goal of the
        list, whatever its words: "đạt và vượt chỉ tiêu" there does not end the list."""
        return self.line.committed and after_item(self.text, start) and self.text[start:end].rstrip().endswith(";")

    def _note_aspect(self, start: int, s_marks: list[Mark], s_years: list[Year]) -> bool:
        """A sentence without numbers still says whether its line is stating goals: it does when
        it speaks only of goals ("Mục tiêu đến năm 2025, tỉnh phấn đấu:", "thông qua 16 chỉ
        tiêu"), not when it also tells what was done ("... đã đạt được những kết quả toàn diện")
        or how its goals went (tallies_goals: "đến nay có 1 chỉ tiêu vượt", w190; "hiện có 5 chỉ
        tiêu đạt và vượt", w110), or speaks of a time gone by. True when it states a goal due by
        a year still ahead ("Toàn tỉnh phấn đấu đạt chuẩn phổ cập vào năm 2013"): a goal without
        a figure."""
        aspects = {m.code for m in s_marks if m.family == "mark" and m.code in ("commit", "done", "forecast")
                   and not titles_goals(self.text, start, m)}
        tallied = tallies_goals(self.text, s_marks, self.owner.words)
        if tallied:
            aspects.add("done")  # how the goals went is a result
        past = self.past_before and any(y.kind in TOLD_KINDS and is_past(y, self.past_before) for y in s_years)
        # only a dated page's past ends a line's goals; an undated page's bound (the latest year it
        # tells as done) dates results, not the goals that follow them
        if not aspects:
            self.line.committed = self.line.committed and not (self.page_date and past)
            return False
        self.line.committed = aspects == {"commit"} and not (self.page_date and past)
        # it told only what was done, or how the plan's goals went ("... đã hoàn thành vượt 18/21 chỉ tiêu ... đề ra.")
        self.line.reported = aspects == {"done"} or tallied
        self.line.estimated = aspects == {"forecast"}
        return aspects == {"commit"} and not past and any(y.kind in GOAL_DUE_KINDS for y in s_years)

    def _clause(self, in_sentence: list[Quantity], i: int, sentence: tuple[int, int], s_marks, s_years, years_start: int,
                over_qualifiers: bool = True) -> Clause:
        """The frame of the sentence's i-th quantity, its words reaching to the quantities beside it,
        past those that only tell what it counts: a share's measure may be named after the count
        qualifying its group (docs/reading.md, definitions)."""
        start, end = sentence
        following = i + 1
        while over_qualifiers and following < len(in_sentence) and self._clause(
                in_sentence, following, sentence, s_marks, s_years, years_start, False).qualifies_previous():
            following += 1
        if following > i + 1:  # the qualifier's tense and aspect words tell about the group, not the figure
            s_marks = [m for m in s_marks if not (m.family == "mark" and m.code in ASPECTS and m.start >= in_sentence[i + 1].start)]
        return Clause(self.text, in_sentence[i], self.owner.words, sentence, s_marks,
                      left_start=in_sentence[i - 1].end if i else start,
                      right_end=in_sentence[following].start if following < len(in_sentence) else end,
                      years=s_years, years_start=years_start, after_quantity=i > 0)

    def _quantities(self, start, end, s_marks, s_years, in_sentence: list[Quantity]) -> list[TargetMention]:
        found: list[TargetMention] = []
        previous: Previous | None = None
        blocked: Modality | None = None
        quoting = bool(self.owner.words.quotes_goal_in.search(self.text, start, end))
        sentence_year: Year | None = self.line.year  # "Năm 2017, ... đề ra 13 chỉ tiêu; trong đó, ... đạt 14,4%"
        # the due year its committed line set before ("Mục tiêu là đến năm 2025, phấn đấu ...", w094)
        line_due = self.line.year if self.line.committed and self.line.year and self.line.year.kind in GOAL_DUE_KINDS else None
        years_start = start
        context = self._context_at(start)
        line_committed = self.line.committed
        first_aspect: bool | None = None  # what the sentence's first quantity asserted, for the lines after it
        reports = False  # whether a figure of the sentence tells a result
        estimates = False  # whether one tells an estimate
        parts_reported = False  # the sentence opens with the parts of figures the one before reported
        for i, q in enumerate(in_sentence):
            c = self._clause(in_sentence, i, (start, end), s_marks, s_years, years_start)
            years_start = c.own_year_end()
            stated, year, sentence_year = self._due(c, start, s_years, sentence_year, line_due, blocked)
            modality, parts_reported = self._reading(c, i == 0, stated, year, context, line_committed, parts_reported)
            reports = reports or modality.kind == "result"
            estimates = estimates or modality.kind == "forecast"
            if blocked and c.restatement and modality.kind == COMMITMENT:
                modality = blocked  # a restatement says what the figure it restates says
            quoted = modality.kind == COMMITMENT and c.quotes_a_goal()
            if quoted:  # a plan's figure quoted beside a result: the sentence reports
                first_aspect = False if first_aspect is None else first_aspect
                # the goal words that named the quoted plan govern none of the figures after it
                s_marks = [m for m in s_marks if not (m.family == "mark" and m.code == "commit" and m.end <= q.start)]
            elif modality.kind in (COMMITMENT, "result", "forecast"):
                line_committed = modality.kind == COMMITMENT
                first_aspect = line_committed if first_aspect is None else first_aspect
            if modality.kind != COMMITMENT:
                blocked = modality
                if modality.kind == "baseline" or quoting or modality.rule_id == COUNT_SUBJECT_RULE:
                    # "7 huyện nghèo giảm từ 6%": the count says whom the 6% is for
                    previous = self._measured(c, previous, year, modality)
                continue
            blocked = None
            targets = self._read(c, previous, year, modality, context.kind == "result")
            found.extend(targets)
            if targets:
                previous = self.line.parent = _previous(targets[-1])
                self.line.goals_from = self.line.goals_from or (_first_year(year) if year else None)
        self._close(start, end, sentence_year, reports and not found, first_aspect, s_marks, s_years, estimates and not found)
        return found

    def _due(self, c: Clause, start: int, s_years, sentence_year: Year | None, line_due: Year | None,
             blocked: Modality | None) -> tuple[Year | None, Year | None, Year | None]:
        """The clause's stated year, the year it is due, and the sentence's year after it."""
        if any(m.family == "mark" and m.code == "commit" for m in c.left):
            # a new goal statement ("..., đạt mục tiêu của Chương trình (giảm hơn 3%/năm)", w007) is due
            # when its committed line's goals are, unless the sentence names a time of its own
            sentence_year = None if any(start <= y.start < c.q.start for y in s_years) else line_due
        stated = c.stated_year()
        year = stated or sentence_year
        if stated and not (c.q.is_baseline and c.own_year) and not (blocked and blocked.kind == "baseline" and c.restatement):
            sentence_year = stated  # the year a baseline is from is not the sentence's
        return stated, year, sentence_year

    def _reading(self, c: Clause, first: bool, stated: Year | None, year: Year | None, context: Context, line_committed: bool,
                 parts_reported: bool) -> tuple[Modality, bool]:
        """The quantity's modality, read with what its line reported before it: a year carried from a
        sentence that only reported or only estimated dates what that sentence told, and still ahead
        it makes no goal; the parts opening a sentence after one that reported are reported too
        (docs/reading.md, principle 5; w133, w052, w322). Also whether the sentence opens with such parts."""
        carried_ahead = (not stated and (self.line.reported or self.line.estimated)
                         and not (year and self.past_before and is_past(year, self.past_before)))
        modality = self._modality(c, None if carried_ahead else year, self.layout.output_cell(c.q.start) or context,
                                  line_committed and not self._before_carried_goals(year))
        parts_reported = self.line.reported and c.part_of_previous if first else parts_reported
        if parts_reported and modality.kind == COMMITMENT:
            modality = Modality("result", self.owner.words.part_rule)
        return modality, parts_reported

    def _context_at(self, start: int) -> Context:
        """An item of the line's goal list, else the section's context, else what the headline
        frames, until the page's own sections begin."""
        context = GOAL_LIST_ITEM if self.line.in_list else self.layout.context_at(start)
        return self.page_frame if context.kind == "none" and start < self.layout.sections_start else context

    def _before_carried_goals(self, year: Year | None) -> bool:
        """A figure dated before the years of the goals its paragraph carries on tells what came
        before them ("Mục tiêu năm 2024 ..." then "Theo Bộ ..., tỷ lệ hộ nghèo năm 2023 còn 2,93%")."""
        return year is not None and self.line.carried_from is not None and year.value < self.line.carried_from

    def _close(self, start, end, sentence_year, reported: bool, first_aspect: bool | None, s_marks, s_years,
               estimated: bool = False) -> None:
        """What a sentence with figures leaves its line: its year, whether it only reported ("năm
        2013 huyện đã giảm tỉ lệ hộ nghèo xuống dưới 15%"), only estimated (w021) or opened a ";"
        list with an estimate (its items are estimated too: w090, w018, w325), whether the line
        goes on committing."""
        estimated_list = estimated and self.text[start:end].rstrip().endswith(";")
        self.line.year = sentence_year
        # figures that neither commit, report nor estimate (statistics) leave the line reporting, or estimating, as it was
        self.line.reported = reported or estimated_list or (self.line.reported and first_aspect is None)
        self.line.estimated = (estimated and not reported) or (self.line.estimated and first_aspect is None)
        if reported:
            self.reported.append(Evidence(start=start, end=end, text=self.text[start:end], rule_id=REPORTED_SENTENCE_RULE))
        if first_aspect is None:
            self._note_aspect(start, s_marks, s_years)
        else:
            self.line.committed = first_aspect

    def _measured(self, c: Clause, previous: Previous | None, year: Year | None, modality: Modality) -> Previous | None:
        """What a figure that is no target measured, for the one after it: "giảm số hộ nghèo từ A
        ... xuống còn B" (B counts what A counts); "giảm 5,25%/năm, vượt mục tiêu đề ra (4%/năm)"
        (the plan's figure measures what the result measured: the latest movement, of the most
        specific measure so far)."""
        stated_fields = self._read(c, previous, year, modality)
        last = stated_fields[-1] if stated_fields else None
        if last is None:
            return previous
        specific = last if previous is None or last.indicator != "other" else previous
        if modality.kind == "baseline":
            # "Tỷ lệ hộ nghèo giảm 2,25%, từ 12,51% đầu năm xuống còn 10,27%": a baseline naming no
            # measure of its own measures what the figure before it measured
            return Previous(specific.indicator, specific.scope)
        return Previous(specific.indicator, specific.scope, last.year, last.change, last.bound, last.per_year, last.unit)

    def _modality(self, c: Clause, year: Year | None, context, line_committed: bool) -> Modality:
        support_before = any(m.family == "support" and m.end <= c.q.start for m in c.left)
        setting = Setting(page_date=self.page_date, past_before=self.past_before, context=context, line_committed=line_committed,
                          forecast_is_goal=self._forecast_is_goal(c), support_before=support_before, money_goals=self.owner.money_goals)
        return decide(c, year, setting)

    def _forecast_is_goal(self, c: Clause) -> bool:
        """An estimate word leading its sentence, followed in its paragraph or the next by "Để thực
        hiện các mục tiêu trên", states one of the plan's goals (annotation rule 1)."""
        mark = aspect(c)
        if mark is None or mark.code != "forecast":
            return False
        before = self.text[max(0, mark.start - 4) : mark.start].rstrip(" ")
        if before and before[-1] not in ".;:\n":
            return False
        reach = next_line_end(self.text, mark.end)
        return any(mark.end <= g.start < reach for g in self.goals_above)

    def _read(self, c: Clause, previous: Previous | None, year: Year | None, modality: Modality,
              in_results: bool = False) -> list[TargetMention]:
        """`in_results`: the clause sits in a part reporting results, where a goal is one quoted beside them."""
        text, q = self.text, c.q
        if previous is None and self.line.parent.indicator and fields.elliptic(c):
            previous = self.line.parent  # "...; Huyện B 2,0-2,4%": an item of the line's list says what the one before it said
        change = fields.change(c, previous)
        bound = previous.bound if previous and q.bound == "exact" and c.restatement else q.bound
        scope = fields.scope(c, previous, self.line.parent, self.line.topic)
        per_year = fields.per_year(c, previous, self.line.parent, change)
        term = c.term_after(year)
        due = term.value if term else year.value if year else (previous.year if previous else None)
        sentence = Evidence(start=c.sentence[0], end=c.sentence[1], text=text[c.sentence[0] : c.sentence[1]], rule_id="sentence.v1")
        found = []
        for indicator, chosen in fields.indicators(c, previous, change):
            start, end = target_span(c, chosen, change)
            found.append(TargetMention(
                text=text[start:end], indicator=indicator, scope=scope, change=change, bound=bound,
                value_min=q.value_min, value_max=q.value_max, unit=q.unit, per_year=per_year, year=due,
                evidence=Evidence(start=start, end=end, text=text[start:end], rule_id=chosen.rule_id if chosen else q.unit_rule),
                sentence=sentence, modality_rule=modality.rule_id, indicator_rule=chosen.rule_id if chosen else None,
                country_wide=c.country_wide(), quoted=in_results or modality.rule_id == c.words.quoted_goal_rule,
            ))
        return found


def _first_year(due: Year) -> int:
    """The first year goals due by `due` cover: "năm 2024" that year, "đến năm 2020" its phase."""
    return phase_start(due.value) if due.kind in ("until", "phase") else due.value


def _previous(last: TargetMention) -> Previous:
    return Previous(last.indicator, last.scope, last.year, last.change, last.bound, last.per_year, last.unit)


def _latest_reported_year(sentences: list[_Sentence]) -> int | None:
    """The latest year a sentence tells as done, with a result mark and no goal word ("Năm 2016,
    tỉnh đã giảm 2,1% ..."): an undated page was written in it or after."""
    latest = None
    for sentence in sentences:
        codes = {m.code for m in sentence.marks if m.family == "mark"}
        if "done" in codes and "commit" not in codes:
            told = [y.value for y in sentence.years if y.kind in DUE_KINDS]
            latest = max([latest or 0, *told]) or None
    return latest
