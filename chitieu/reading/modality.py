"""What a clause asserts about its quantity (docs/reading.md, principles 2-4): a commitment,
a result, a forecast, a baseline, a definition, a budget, a statistic or an assignment. Only
commitments are targets. Each decision names the rule that made it.

1. What the quantity is, whatever the clause asserts: the start of a change ("từ A xuống B"),
   a group's definition ("các huyện có tỷ lệ hộ nghèo trên 50%"), a vote, the units quotas are
   given to, a sum of money the plan spends or gives ("kinh phí", "hỗ trợ 15 triệu đồng/hộ").
2. The aspect of the clause: the nearest aspect mark before the quantity in its sentence
   (commit, done, forecast; state and report describe the present unless a commitment came
   first). Marks inside the measured phrase describe it, not the clause ("tỷ lệ ... kết quả
   giải quyết thủ tục hành chính đạt 90%"), unless they bear on its verb ("đã giảm").
3. The time: a due year already behind the page's date makes a result; one still ahead states
   a goal when no aspect mark says otherwise.
4. The context, when the sentence says nothing itself: a goal section or goal list, the
   commitment of an earlier sentence of the same line; a result section reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clause import Clause
from .goal_counts import SET_NAME_REACH, counted_goal_word
from .layout import Context
from .count_subject import COUNT_SUBJECT_RULE, counts_whom_a_figure_is_for, done_after_count, goal_verb_after
from .marks import ADJACENT, Mark
from .times import GOAL_DUE_KINDS, Year, is_ahead, is_past

_SPACES = re.compile(r"\s*")
ASPECTS = frozenset({"commit", "done", "forecast", "state", "progressive", "report"})
WEAK = frozenset({"state", "progressive", "report"})
AIMS = frozenset({"commit", "forecast"})  # aspects that say what a state after them is: aimed at, expected
_BREAK = re.compile(r"[.;:]")
SOURCE_GAP = 5  # characters between a sum and the spending word saying where it comes from
COMMITMENT = "commitment"
QUOTA_UNITS = frozenset({"percent", "persons", "workers", "households"})  # what a quota counts; no unit a quota is given to


@dataclass(frozen=True)
class Modality:
    kind: str  # commitment, result, forecast, baseline, definition, budget, statistic, assignment
    rule_id: str


def construction(c: Clause, support_before: bool, money_goals: frozenset[str]) -> Modality | None:
    """Principle 1: what the quantity itself is."""
    q = c.q
    if q.is_baseline:
        return Modality("baseline", "baseline-from.v1")
    if _in_condition(c):
        # "(trường hợp dưới 70% thì ...)": a threshold
        return Modality("definition", c.words.condition_rule)
    if c.quotes_a_goal() and not plan_share_after(c):
        # annotation rule 1: a plan's goal quoted on a results page; "(đạt 100% kế hoạch)" is a
        # result's share of its plan, bracketed
        return Modality(COMMITMENT, c.words.quoted_goal_rule)
    if c.qualifies_previous():
        return Modality("definition", "qualifier-of-previous.v1")
    if counts_whom_a_figure_is_for(c):
        return Modality("definition", COUNT_SUBJECT_RULE)
    for mark in c.marks:
        if mark.family != "mark":
            continue
        if mark.code == "define" and _defines(mark, q):
            return Modality("definition", mark.rule_id)
        if mark.code == "vote" and not _goal_word_between(c, mark):
            return Modality("statistic", mark.rule_id)
        if mark.code == "attend" and mark.end <= q.start:
            return Modality("result", mark.rule_id)  # who attends a meeting: its guests, as they are
        if mark.code == "assign" and mark.end <= q.start and q.unit not in QUOTA_UNITS and ":" not in c.text[mark.end : q.start]:
            # who receives the quotas; a list after a colon gives each one's quota, and a share or a
            # count of people or households is a quota's own figure
            return Modality("assignment", mark.rule_id)
        if mark.code == "spend" and q.unit == "vnd" and mark.end <= q.start and not _money_goal_before(c, mark, money_goals):
            return Modality("budget", mark.rule_id)
        if mark.code in ("spend", "spend_for") and q.unit == "vnd" and _source_after(c, mark):
            # "khoảng 480 tỷ đồng từ ngân sách trung ương", "68 tỷ đồng thực hiện chương trình": a sum
            # and where it comes from or what it carries out
            return Modality("budget", mark.rule_id)
        if mark.code == "part_of" and q.unit == "percent" and 0 <= q.start - mark.end <= ADJACENT and _spent_in_clause(c, money_goals):
            return Modality("budget", mark.rule_id)  # "vốn ngân sách Trung ương ... chiếm 9,6%": a budget's make-up
    if c.names_a_goal() and not plan_share_after(c):
        return Modality(COMMITMENT, c.words.quoted_goal_rule)  # the figure a plan noun is said to be
    if _population_share(c):
        # "chiếm 5,61% số dân", "83% cư dân là ...": what the population is made of
        return Modality("statistic", c.words.population_share_rule)
    if q.unit == "vnd" and support_before:
        return Modality("budget", "money-given.v1")  # "hỗ trợ 15 triệu đồng/hộ": a support norm
    if q.unit_rule.startswith("word-all") and not c.words.coverage.search(c.right_clause_text):
        return Modality("statistic", q.unit_rule)  # "tất cả ... được ..." is 100%; "tất cả" alone names no share
    return None


def _in_condition(c: Clause) -> bool:
    """The quantity sits in a conditional rule ("trường hợp ... thì ..."): in the condition, a
    threshold; in the consequence, what the rule then gives, unless a goal word commits to it
    ("nếu được hỗ trợ thì tỉnh phấn đấu giảm 3%")."""
    start = c.bracket if c.bracket is not None else c.sentence[0]
    openers = list(c.words.condition.finditer(c.text, start, c.q.start))
    if not openers:
        return False
    end = c.text.find(")", c.q.end, c.sentence[1]) if c.bracket is not None else -1
    then = c.words.consequence.search(c.text, openers[-1].end(), end if end >= 0 else c.sentence[1])
    if then is None:
        return False
    return then.start() > c.q.start or not any(
        m.family == "mark" and m.code == "commit" and then.end() <= m.start < c.q.start for m in c.marks)


def _counted_at(c: Clause) -> tuple[int, int] | None:
    """The day or month, with its year, the clause counts its figure at ("đến hết tháng 7/2022"), as
    (year, month)."""
    moments = list(c.words.moment.finditer(c.text, c.start_after(";", c.sentence[0]), c.q.start))
    return (int(moments[-1]["year"]), int(moments[-1]["month"])) if moments else None


def _population_share(c: Clause) -> bool:
    """A share of the whole population that a group takes ("chiếm 5,61% số dân") or is ("83% cư dân
    là đồng bào dân tộc thiểu số"): what the population is made of."""
    whole = c.words.population_whole.match(c.text, c.q.end) if c.q.unit == "percent" else None
    if whole is None:
        return False
    taken = any(m.code == "part_of" and m.end <= c.q.start and c.q.start - m.end <= ADJACENT for m in c.marks)
    return taken or bool(c.words.copula.match(c.text, _SPACES.match(c.text, whole.end()).end()))


def _defines(mark: Mark, q) -> bool:
    """A defining phrase right before the quantity, or one ending in its bound word ("số xã đạt
    dưới 5 tiêu chí", "không còn xã dưới 15 tiêu chí": "dưới" is the quantity's bound too)."""
    return mark.start < q.start and mark.end <= q.number_start and (q.start - mark.end <= ADJACENT or mark.end > q.start)


def _source_after(c: Clause, spend: Mark) -> bool:
    """A spending word right after a sum, one small word at most between them ("480 tỷ đồng từ
    ngân sách trung ương", "2,48 tỷ đồng từ nguồn kinh phí", "68 tỷ đồng thực hiện", w273):
    where a given sum comes from or what it carries out."""
    gap = c.text[c.q.end : spend.start]
    word = gap.strip()
    return spend.start >= c.q.end and len(gap) <= SOURCE_GAP and (not word or word.isalpha())


def _goal_word_between(c: Clause, mark: Mark) -> bool:
    """A vote tells how a meeting adopted a document; a goal word after it opens the document's
    figures ("Với 100% đại biểu tán thành, HĐND thông qua Nghị quyết với các chỉ tiêu: ...")."""
    return any(m.family == "mark" and m.code == "commit" and mark.end <= m.start and m.end <= c.q.start for m in c.marks)


def _spent_in_clause(c: Clause, money_goals: frozenset[str]) -> bool:
    """A spending word before the quantity in its clause (up to the last ";" before it), naming no
    money a plan reaches ("tổng vốn đầu tư toàn xã hội chiếm 32% GRDP" is a goal's share)."""
    clause_start = c.start_after(";", c.sentence[0])
    return any(m.family == "mark" and m.code == "spend" and clause_start <= m.start and m.end <= c.q.start
               and not _money_goal_before(c, m, money_goals) for m in c.marks)


def _money_goal_before(c: Clause, spend: Mark, money_goals: frozenset[str]) -> bool:
    """"tổng thu ngân sách ... vượt so với dự toán (6.193 tỷ đồng)", "tổng vốn đầu tư toàn xã
    hội": money a plan reaches, named before or with the spending word, is what the sum measures."""
    return any(m.family == "indicator" and m.rule_id in money_goals and m.start < spend.end for m in c.marks)


def _uncounted_aspects(c: Clause) -> list[Mark]:
    """The aspect marks before the quantity, less the goal words that name what a number counts
    ("đạt được 177 chỉ tiêu") and those going on with that name ("đạt 140% chỉ tiêu nghị quyết
    Huyện ủy đề ra": the plan the share is of)."""
    kept: list[Mark] = []
    naming: Mark | None = None
    for m in (m for m in c.marks if m.family == "mark" and m.code in ASPECTS and m.end <= c.q.number_start):
        if counted_goal_word(c.text, m) or (m.code == "commit" and naming and _same_name(c.text, naming, m)):
            naming = m
        else:
            kept.append(m)
    return kept


def _same_name(text: str, named: Mark, mark: Mark) -> bool:
    """Two goal words of one kind with only words between them: the second goes on with the name
    the first began ("chỉ tiêu ... đề ra"; "chỉ tiêu ... trong đó phấn đấu" opens a goal)."""
    between = text[named.end : mark.start]
    return mark.rule_id == named.rule_id and len(between) <= SET_NAME_REACH and _WORDS_ONLY.fullmatch(between) is not None


_WORDS_ONLY = re.compile(r"(?:\s+[^\W\d]+)*\s+")


def aspect(c: Clause, skip: Mark | None = None) -> Mark | None:
    """Principle 2: the nearest aspect mark before the quantity in its sentence (but `skip`)."""
    marks = [m for m in _uncounted_aspects(c) if m is not skip]
    changes = [m for m in c.marks if m.family in ("change", "change_rate")]
    # a goal word always opens what follows it; the others may sit inside the measured phrase
    counted = [m for m in marks if m.code == "commit" or m.start < c.subject_start or _bears_on_verb(m, changes, c)]
    if not counted:
        return None
    nearest = counted[-1]
    estimate = _estimate_of_tense(nearest, marks, counted, c)
    if estimate:
        return estimate
    if nearest.code == "forecast" and any(m.code == "commit" and m.start >= c.left_start for m in counted[:-1]):
        return next(m for m in reversed(counted) if m.code == "commit")  # "đặt chỉ tiêu ... ước tăng 8,7%": the goal's estimate
    if nearest.code in WEAK and any(m.code in AIMS for m in counted[:-1]) and not _now_since_goal(nearest, counted, c):
        # the state the goal aims at, or the estimate expects ("Dự kiến đến cuối năm ..., toàn huyện còn ...")
        return next(m for m in reversed(counted) if m.code in AIMS)
    return nearest


def _estimate_of_tense(nearest: Mark, marks: list[Mark], counted: list[Mark], c: Clause) -> Mark | None:
    """The estimate a future-tense word goes on with: "Dự kiến cuối năm 2021 sẽ hoàn thành ..."
    (w090), or one right before it inside the measured phrase ("tỷ lệ hộ nghèo ... dự báo sẽ tăng
    lên", "dự kiến sẽ được hỗ trợ", BCA 3980): the estimate's own future, no commitment."""
    if nearest.rule_id not in c.words.tense_only_rules:
        return None
    if counted[:-1] and counted[-2].code == "forecast":
        return counted[-2]
    before = [m for m in marks if m.end <= nearest.start]
    if before and before[-1].code == "forecast" and 0 <= nearest.start - before[-1].end <= ADJACENT:
        return before[-1]
    return None


def _now_since_goal(nearest: Mark, counted: list[Mark], c: Clause) -> bool:
    """A word of the present time after the figure before this one, every goal word before that
    figure: the goal was that figure's, and this one is counted now ("Chỉ tiêu 90% ..., đến nay
    đạt 86,5%"; "đạt tối thiểu 55 điểm (hiện nay là 51,7 điểm)", NQ 19/2017/NQ-CP)."""
    return (c.after_quantity and nearest.rule_id in c.words.now_rules and nearest.start >= c.left_start
            and all(m.start < c.left_start for m in counted if m.code == "commit"))


def _bears_on_verb(mark: Mark, changes: list[Mark], c: Clause) -> bool:
    """"tỷ lệ hộ nghèo đã giảm xuống 3%", "giảm được 2%": a mark right before the clause's verb
    or number, or one that is itself the verb."""
    if 0 <= c.q.start - mark.end <= ADJACENT or c.q.start < mark.end <= c.q.number_start:
        return True  # right before the quantity, or closing on its bound word ("ước khoảng 3.250 tỷ đồng")
    return any(0 <= v.start - mark.end <= ADJACENT or (v.start < mark.end and mark.start < v.end) for v in changes)


def present_after(c: Clause) -> Mark | None:
    """A progressive mark after the quantity in its comma clause: what the count is now ("68 công trình
    ... đang hoạt động"); not one the share's predicate follows, inside the group it names ("80% số
    hộ nghèo đang sử dụng nhà tiêu chưa hợp vệ sinh có nhu cầu vay vốn", seed 004), nor one after a
    count a deed before it takes as object, which names whom the deed is for (syn3 ra06, syn34 pi01)."""
    mark = next((m for m in c.right_clause if m.family == "mark" and m.code == "progressive"
                 and "," not in c.text[c.q.end : m.start]), None)
    if mark and c.q.unit == "percent" and c.words.group_predicate.search(c.text, mark.end, c.right_clause_end):
        return None
    if mark and _deed_before(c):
        return None  # the deed is the clause's predicate; the mark tells whom it is for
    return mark


def _deed_before(c: Clause) -> bool:
    """A deed, support or change verb before the quantity in its clause: the quantity is its object."""
    clause_start = c.start_after(",;:", c.sentence[0])
    return any(m.family in _DEEDS and m.start >= clause_start for m in c.left)


def plan_share_after(c: Clause) -> Mark | None:
    """"đạt 112% kế hoạch": a share followed by the plan it measures."""
    if c.q.unit != "percent":
        return None
    return next((m for m in c.right_clause if m.family == "mark" and m.code == "plan_share" and m.start - c.q.end <= ADJACENT), None)


@dataclass(frozen=True)
class Setting:
    """What, beyond its clause, bears on what a quantity is: the page's date and what is behind its
    writer, the section or list it sits in, whether its line committed before it, whether an
    estimate leads the plan's goal paragraph, whether a support verb came before it, and the
    indicators whose money is a goal."""

    page_date: tuple[int, int] | None
    past_before: tuple[int, int] | None
    context: Context
    line_committed: bool
    forecast_is_goal: bool
    support_before: bool
    money_goals: frozenset[str]


def decide(c: Clause, year: Year | None, setting: Setting) -> Modality:
    built = construction(c, setting.support_before, setting.money_goals)
    if built:
        return built
    done = done_after_count(c)
    if done:
        return Modality("result", done.rule_id)
    mark = aspect(c)
    if mark and mark.code == "state" and _due_state(c, mark, year, setting.page_date):
        # "đến năm 2030 toàn tỉnh có ít nhất 85% số xã ...": the state at a due year, which the
        # mark before it dates ("Dự kiến đến hết năm 2018, toàn tỉnh còn ...": an estimate)
        mark = aspect(c, skip=mark)
    if mark and mark.code == "forecast" and not setting.forecast_is_goal and (
            setting.context.kind != "goal" or _behind(year, setting)):
        return Modality("forecast", mark.rule_id)
    if mark and mark.code in ("done", "state", "progressive", "report"):
        return Modality("result", mark.rule_id)
    return _without_aspect(c, setting, mark) or _by_time(c, year, setting, mark)


def _behind(year: Year | None, setting: Setting) -> bool:
    return year is not None and setting.past_before is not None and is_past(year, setting.past_before)


def _due_state(c: Clause, mark: Mark, year: Year | None, page_date) -> bool:
    """A state word ("toàn tỉnh có", "còn") right after a due year ("đến năm 2020, toàn tỉnh có trên 83 xã
    đạt chuẩn nông thôn mới", w266): the state the page expects then, not one it finds now; so is one
    after a due year and the measured phrase the clause opens with, when the page's date puts the
    year ahead ("đến cuối năm 2025, tỷ lệ hộ nghèo toàn tỉnh còn dưới 4%"; on an undated page "Đến
    cuối năm 2019, hộ nghèo toàn tỉnh còn 1,38%" is a result, w189). A word of the present time
    ("hiện có") always tells now."""
    if year is None or year.kind not in GOAL_DUE_KINDS or mark.rule_id in c.words.now_rules or mark.start < year.end:
        return False
    if mark.start - year.end <= ADJACENT:
        return True
    ahead = page_date is not None and is_ahead(year, page_date)
    measured_first = 0 <= c.subject_start - year.end <= ADJACENT and c.subject_start < mark.start
    return ahead and measured_first and not _BREAK.search(c.text, year.end + 1, mark.start)


def _without_aspect(c: Clause, setting: Setting, mark: Mark | None) -> Modality | None:
    """Principles 2 and 4 where the clause has no result word (`mark` is a commit mark, a forecast
    in a goal paragraph, or none): a funding section, what follows the quantity, the plan its
    share is of."""
    committed = mark is not None  # a commit mark, or a forecast in the plan's goal paragraph
    context = setting.context
    if context.kind == "budget" and not committed:
        return Modality("budget", context.rule_id or "section-budget.v1")  # a funding part: what is spent, and on what
    under_way = None if committed or context.kind == "goal" else present_after(c)
    if under_way:
        return Modality("result", under_way.rule_id)  # "68 công trình ... đang hoạt động": the count describes now
    striving = None if committed or context.kind == "result" else goal_verb_after(c)
    if striving:
        return Modality(COMMITMENT, striving.rule_id)  # "2 xã phấn đấu về đích nông thôn mới năm 2019"
    weighed = None if committed or context.kind == "goal" else c.measured_against_plan()
    if weighed:
        return Modality("result", weighed)  # a figure its clause weighs against a plan is a result
    share = plan_share_after(c)
    if share and not committed and context.kind != "goal":
        return Modality("result", share.rule_id)  # "đạt 192,5% chỉ tiêu tỉnh giao"; in a goal list, "100% chỉ tiêu ... được hoàn thành"
    return None


def _by_time(c: Clause, year: Year | None, setting: Setting, mark: Mark | None) -> Modality:
    """Principles 3 and 4: the time the figure is due or counted at, then the section and line."""
    context, past_before = setting.context, setting.past_before
    ahead = year is not None and setting.page_date is not None and is_ahead(year, setting.page_date)
    if context.kind == "result" and not ahead:
        return Modality("result", context.rule_id or "section-result.v1")
    if mark is not None:
        return Modality(COMMITMENT, mark.rule_id)  # a goal told in words, even one quoted on a page of results
    counted_at = _counted_at(c)
    if counted_at and past_before and counted_at <= past_before:
        # "đến hết tháng 7/2022 ... đạt 14.821 ha" on a page of August 2022
        return Modality("result", c.words.moment_rule)
    if _behind(year, setting):
        return Modality("result", "time-past.v1")
    phase = c.phase()
    if not year and phase and past_before and phase.value < past_before[0]:
        return Modality("result", "time-past-phase.v1")  # "Nhiệm kỳ 2015 - 2020, thu ngân sách đạt 2,76 tỷ đồng"
    # a phase ending in the page's own year is one a congress of that year reviews
    framing = None if year else c.framing_phase()
    if ahead or (framing and setting.page_date and framing.value > setting.page_date[0]):
        return Modality(COMMITMENT, "time-ahead.v1")  # a year or a phase still ahead, told without an aspect
    if context.kind == "goal" or (context.kind == "task" and (c.q.unit not in ("percent", "vnd") or _moved(c))):
        # a task's count is what it delivers ("Tổ chức 262 lớp tập huấn"); a share in a task
        # section mostly restates a goal in other words, unless a verb moves it to a new level
        return Modality(COMMITMENT, context.rule_id or "section-goal.v1")
    if setting.line_committed and context.kind != "task":
        return Modality(COMMITMENT, "line-goal-continues.v1")
    if _required(c, year):
        return Modality(COMMITMENT, c.q.bound_rule)
    return Modality("statistic", "no-commitment.v1")


_DEEDS = frozenset({"change", "change_rate", "support", "action"})


def _moved(c: Clause) -> bool:
    """A verb right before the quantity moves it: a rise, a fall, a level moved to ("nâng ... lên 85%");
    not a support given on top of another ("hỗ trợ thêm 20% mức đóng": a norm)."""
    near = c.near_left
    return any(m.rule_id in c.words.moving_rules for m in near) and not any(m.family == "support" for m in near)


def _required(c: Clause, year: Year | None) -> bool:
    """A least or most to reach (a requiring bound of rules/numbers.yaml) that a deed or a due time
    governs states a requirement (w038, w184, w292); one a state verb governs describes a body or a
    group (Bình Thuận 779/QĐ-UBND, NĐ 351; docs/reading.md, principle 4)."""
    if c.q.bound_rule not in c.words.required_bounds:
        return False
    due = year is not None and year.kind in GOAL_DUE_KINDS
    return due or any(m.family in _DEEDS for m in c.near_left)
