"""A count as the subject of the verb after it (docs/reading.md, principle 2): what the count
has done, the goal it strives for, or whom the figure after its verb is for (w065, w108, w270)."""

from __future__ import annotations

import re

from .clause import Clause
from .goal_counts import counted_goal_word
from .marks import ADJACENT, Mark

COUNT_SUBJECT_RULE = "count-subject.v1"
GOAL_VERB_REACH = 30  # characters from a count to the goal verb it is the subject of
_PUNCTUATION = re.compile(r"[,;:()]")


def done_after_count(c: Clause) -> Mark | None:
    """A perfective marker right after a count: what the count has done, whatever the sentence
    aims at ("tiếp tục chỉ đạo 02 xã đã đạt chuẩn nông thôn mới nâng cao", "4 xã đã về đích")."""
    if c.q.unit == "percent":
        return None
    return next((m for m in c.right_clause if m.rule_id in c.words.after_count_rules and m.start - c.q.end <= ADJACENT), None)


def goal_verb_after(c: Clause) -> Mark | None:
    """A count that is the subject of a goal verb right after it, with no figure of its own after
    the verb, is the goal's figure ("2 xã phấn đấu về đích nông thôn mới năm 2019"); one followed
    by a figure names whom that figure is for ("20 xã biên giới phấn đấu đạt 12 tiêu chí/xã")."""
    if c.q.unit in ("percent", "vnd") or c.right_end < c.sentence[1]:
        return None  # a share or a sum is of something: only a count of units is a subject
    verb = _verb_of_count(c, lambda m: m.family == "mark" and m.code == "commit")
    return None if verb is None or counted_goal_word(c.text, verb) else verb


def counts_whom_a_figure_is_for(c: Clause) -> bool:
    """A count opening its clause, or standing in the phrase a measure word of its clause opens
    (w017, w007), as the subject of a verb whose own figure follows in the clause names whom that
    figure is for ("; 58 xã còn lại tăng thêm từ 1-3 tiêu chí", w270; "trong đó,
    7 huyện nghèo giảm từ 6% trở lên", w001; "20 xã biên giới phấn đấu đạt 12 tiêu chí/xã")."""
    if c.q.unit in ("percent", "vnd") or c.right_clause_end < c.right_end or c.right_end >= c.sentence[1]:
        return False  # a share or a sum is of something; the next figure must stand in the same clause
    clause_start = c.start_after(",;:", c.sentence[0])
    opening = c.text[clause_start : c.q.start]
    if ";" in c.text[c.q.end : c.right_end] or (opening.strip() and not _measure_opens(c, clause_start)):
        return False
    verb = _verb_of_count(c, _moves_or_commits)
    # "2 thôn đạt chuẩn nông thôn mới kiểu mẫu và 2 xã" (w122): the figure after a coordinator is the next item's
    return verb is not None and not c.words.coordinator.search(c.text, verb.end, c.right_end)


def _moves_or_commits(m: Mark) -> bool:
    """A change verb or a goal word: what a count may be the subject of."""
    return m.family in ("change", "change_rate") or (m.family == "mark" and m.code == "commit")


def _measure_opens(c: Clause, clause_start: int) -> bool:
    """The count stands in the phrase a measure word of its clause opens: no verb between them."""
    in_clause = [m for m in c.left if m.start >= clause_start]
    measures = [m for m in in_clause if m.family == "measure"]
    return bool(measures) and not any(m.start >= measures[-1].end and _moves_or_commits(m) for m in in_clause)


def _verb_of_count(c: Clause, is_verb) -> Mark | None:
    """The first verb after the count in its clause, only the counted words between them."""
    verb = next((m for m in c.right_clause if is_verb(m)), None)
    if verb is None or not 0 < verb.start - c.q.end <= GOAL_VERB_REACH or _PUNCTUATION.search(c.text, c.q.end, verb.start):
        return None
    return verb
