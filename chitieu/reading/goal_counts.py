"""Goal words that count or name a plan's goals rather than commit to one (docs/reading.md,
principle 3): "đạt được 177 chỉ tiêu", "45/45 nhiệm vụ đề ra", a title counting the goals a page
goes on to tell, and a tally of how a plan's goals went."""

from __future__ import annotations

import re

from .clause import ClauseWords
from .marks import Mark

# a count, not a year, or a share ("đạt 192,5% chỉ tiêu tỉnh giao": the plan the share is of)
COUNT_BEFORE = re.compile(r"(?<![\d.,/])(?!(?:19|20)\d\d\s*$)\d(?:[\d.,/]*\d)?%?\s*$")
# "hoàn thành 45/45 nhiệm vụ đề ra", "đạt 8/8 chỉ tiêu Nghị quyết HĐND phường đề ra": a share of a
# set, then the words naming the set
_SET_SHARE_BEFORE = re.compile(r"(?<![\d.,/])\d+/\d+(?:\s+[^\W\d]+){1,8}\s*$")
COUNT_REACH = 16  # characters before a word that may hold the count of what it names
SET_NAME_REACH = 60  # characters from a share of a set to the goal word closing its name
TALLY_GAP = 20  # characters of the few words ("không", "chủ yếu đều", "xấp xỉ") between a counted goal word and how it went
TALLY_WORDS = 3  # and at most so many words


def counted_goal_word(text: str, mark: Mark) -> bool:
    """"đạt được 177 chỉ tiêu", "vượt 21/21 chỉ tiêu": a goal word right after a count is what is
    counted, and one closing the name of a set a share counts ("45/45 nhiệm vụ đề ra") names that
    set; it says nothing of aspect."""
    return mark.code == "commit" and bool(COUNT_BEFORE.search(text, max(0, mark.start - COUNT_REACH), mark.start)
                                          or _SET_SHARE_BEFORE.search(text, max(0, mark.start - SET_NAME_REACH), mark.start))


def titles_goals(text: str, sentence_start: int, mark: Mark) -> bool:
    """A goal word counted by the number its sentence opens with titles the goals a page goes on
    to tell ("25 mục tiêu chủ yếu, 2 khâu đột phá và 5 chương trình trọng tâm", w054; "23 chỉ tiêu
    phát triển trong năm 2022", w090): it commits nothing, unlike goals a verb sets ("thông qua 16
    chỉ tiêu", w024)."""
    return counted_goal_word(text, mark) and _COUNT_OPENING.fullmatch(text, sentence_start, mark.start) is not None


_COUNT_OPENING = re.compile(r"\s*\d[\d.,]*\s*")


def tallies_goals(text: str, marks: list[Mark], words: ClauseWords) -> bool:
    """A count of a plan's goals followed by how they went ("Nông Sơn có 16 chỉ tiêu đạt và vượt, 2
    chỉ tiêu không đạt", w173; "có 17 chỉ tiêu đạt và vượt kế hoạch", w090; "12 chỉ tiêu đạt tiến
    độ", w190), or goals told as exceeded (`exceeds_goals`): what is told is how a plan went, not
    what it commits to."""
    counted = [g for g in marks if g.family == "mark" and counted_goal_word(text, g)]
    went = [m for m in marks if m.family == "change" or (m.family == "mark" and m.code == "state")]
    tallied = any(0 <= m.start - g.end <= TALLY_GAP and _describing_words_only(text[g.end : m.start]) for g in counted for m in went)
    return tallied or exceeds_goals(text, marks, words)


def exceeds_goals(text: str, marks: list[Mark], words: ClauseWords) -> bool:
    """A goal word a word of exceeding comes right before, no goal word before that ("đạt và vượt
    17 chỉ tiêu KT-XH chủ yếu đề ra", w290; "hoàn thành vượt mức 19/19 chỉ tiêu", w122); not "phấn
    đấu đạt và vượt mục tiêu Nghị quyết" (w231), a goal."""
    commits = [m for m in marks if m.family == "mark" and m.code == "commit"]
    for goal in commits:
        exceeded = words.exceeded_before.search(text, max(0, goal.start - words.exceeded_window), goal.start)
        if exceeded and not any(m.end <= exceeded.start() for m in commits):
            return True
    return False


def _describing_words_only(gap: str) -> bool:
    return len(gap.split()) <= TALLY_WORDS and all(ch.isalpha() or ch.isspace() for ch in gap)
