"""The parts of a document a sentence sits in: its line, the section a heading opens, and the
list a lead-in opens (docs/reading.md, principle 3).

A heading is a short line without a quantity that is numbered ("II.", "2.", "2.1.", "a)",
"Phần I") or written in capitals; its words give its kind (rules/sections.yaml): goal, result or
task. A heading without such words keeps the kind of the part it sits in ("1. Về kinh tế"
inside "CÁC CHỈ TIÊU CHỦ YẾU"). A section runs to the next heading of the same or a higher
rank. A line ending with ":" that holds a commitment ("Mục tiêu cụ thể:", "phấn đấu đến năm
2025:") opens a goal list: the lines after it that read as its items (a list marker, or a
line ending in ";" or "," or after one) are goal items, and so are the parts it is split into
by headings without a kind ("1. Về kinh tế"), up to a heading ranked above them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..models import SectionRules
from ..phrases import alternation
from ..sources.tables import FIGURE_LINE, YEAR
from ..text import folded, in_capitals

_LINE = re.compile(r"[^\n]+")
# Numbering that opens a part or an item: its rank (1 = the highest).
_NUMBERING = (
    (1, re.compile(r"[^\S\n]*(?:[IVXL]{1,5}|[A-ZĐ])\s*[.)/:-]\s")),  # [A-Đ] would take in "a." too
    (4, re.compile(r"[^\S\n]*\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s")),
    (3, re.compile(r"[^\S\n]*\d{1,2}\.\d{1,2}\.?\s")),
    (2, re.compile(r"[^\S\n]*\d{1,2}\s*[.)/]\s")),
    (5, re.compile(r"[^\S\n]*[a-zđ]\s*[).]\s")),
)
_BULLET = re.compile(r"[^\S\n]*([-+•*–])\s")
BULLET_RANK = len(_NUMBERING) + 1  # a dash or a plus marks an item under every numbered part
_SENTENCE_END = (".", ";", ":", "!", "?")
HEADING_MAX_WORDS = 16
HEADING_LETTERS = 4  # fewest letters of an unnumbered heading in capitals
UNNUMBERED_RANK = 1
LIST_PART = 0.5  # a lead-in's list ranks just above the parts it is split into


@dataclass(frozen=True)
class Context:
    kind: str  # goal, result, task, or none
    rule_id: str | None = None


NO_CONTEXT = Context("none")
GOAL_LIST = "goal-list-lead-in.v1"


class Sections:
    """The heading vocabulary of rules/sections.yaml, compiled once."""

    def __init__(self, rules: SectionRules):
        self.kinds = [(re.compile(rf"\b(?:{alternation(r.phrases)})\b", re.IGNORECASE), r.kind, r.id) for r in rules.headings]
        # OCR often misreads a heading's accents ("MỤC TIỂU", "TÔ CHỨC THỰC HIỆN"): its words, unaccented
        self.unaccented_kinds = [(re.compile(rf"\b(?:{alternation([folded(p) for p in r.phrases])})\b"), r.kind, r.id)
                                 for r in rules.headings]
        self.homograph = re.compile(rf"\b(?:{alternation(rules.unaccented_homographs.phrases)})\b", re.IGNORECASE)
        self.output_column = re.compile(rf"\s*(?:{alternation(rules.output_columns.phrases)})\s*", re.IGNORECASE)
        self.output_rule = rules.output_columns.id
        self.attachment = re.compile(rf"[^\S\n]*\(\s*(?:{alternation(rules.annex_attachments.phrases)})\b", re.IGNORECASE)
        ordinal = alternation(rules.ordinal_words.phrases)
        self.part = re.compile(rf"[^\S\n]*(?:{alternation(rules.part_words.phrases)})\s+(?:[IVXL]+|\d+|(?:{ordinal})\s+\w+)\b", re.IGNORECASE)

    def kind_of(self, line: str) -> tuple[str, str] | None:
        """The kind of the heading's first kind word: a heading reporting on a plan names results
        first ("KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2022", "Đánh giá tình hình thực hiện kế hoạch năm 2019")."""
        found = _first_kind(line, self.kinds)
        if found or self.homograph.search(line):
            return found
        return _first_kind(folded(line), self.unaccented_kinds)

    def rank_of(self, line: str) -> int | None:
        """The rank of a numbered line, 1 for a part word ("Phần I"), None when unnumbered."""
        if self.part.match(line):
            return 1
        for rank, pattern in _NUMBERING:
            if pattern.match(line):
                return rank
        return None


def _first_kind(line: str, kinds: list[tuple[re.Pattern, str, str]]) -> tuple[str, str] | None:
    found = [(m.start(), order, kind, rule_id) for order, (pattern, kind, rule_id) in enumerate(kinds) if (m := pattern.search(line))]
    return min(found)[2:] if found else None


class Layout:
    """Each line's context, decided once for a document."""

    def __init__(self, text: str, sections: Sections, quantity_starts: list[int], commit_starts: list[int]):
        self.text, self.output_rule, self.sections = text, sections.output_rule, sections
        self.lines = [(m.start(), m.end()) for m in _LINE.finditer(text)]
        self.output_columns = _output_columns(text, self.lines, sections)
        self.starts = [start for start, _ in self.lines]
        commit_lines = {self.line_of(offset) for offset in commit_starts}
        self.contexts: list[Context] = []
        self.headings: set[int] = set()  # indices of heading lines
        stack: list[tuple[float, Context]] = []  # (rank, context) of the open sections
        in_list = False
        q_index = 0
        annex_titles, title_lines = _annex_titles([text[start:end] for start, end in self.lines], sections)
        for index, (start, end) in enumerate(self.lines):
            line = text[start:end]
            while q_index < len(quantity_starts) and quantity_starts[q_index] < start:
                q_index += 1
            has_quantity = q_index < len(quantity_starts) and quantity_starts[q_index] < end
            if index in annex_titles:
                heading = (UNNUMBERED_RANK, _kind(annex_titles[index], sections))
            else:
                previous = text[self.lines[index - 1][0] : self.lines[index - 1][1]] if index else ""
                heading = None if has_quantity or index in title_lines or _ends_sentence_above(line, previous, sections) \
                    else _heading(line, sections)
            if heading:
                rank, context = heading
                while stack and stack[-1][0] >= rank:
                    stack.pop()
                if in_list and context.kind == "none" and _section(stack).kind != "goal":
                    # "... thông qua 18 chỉ tiêu chủ yếu:" then "1. Về kinh tế", "2. Về văn hóa - xã hội":
                    # the lead-in's list runs on through its parts, to a heading above them
                    stack.append((rank - LIST_PART, Context("goal", GOAL_LIST)))
                stack.append((rank, context))
                self.headings.add(index)
                in_list = False
            elif in_list and not _continues_list(line, text[self.lines[index - 1][0] : self.lines[index - 1][1]]):
                in_list = False
            section = _section(stack)
            self.contexts.append(Context("goal", GOAL_LIST) if in_list else section)
            if line.rstrip().endswith(":"):
                in_list = index in commit_lines or (heading is not None and heading[1].kind == "goal")

        # where the page's own sections begin (its first heading after the headline line)
        self.sections_start = next((self.lines[i][0] for i in sorted(self.headings) if i > 0), len(text))
        self.items = _table_columns(text, self.lines, _list_items([text[start:end] for start, end in self.lines], sections, self.headings))

    def line_of(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def context_at(self, offset: int) -> Context:
        return self.contexts[self.line_of(offset)] if self.contexts else NO_CONTEXT

    def is_heading(self, line: int) -> bool:
        return line in self.headings

    def subheading(self, line: int) -> bool:
        """A short line without a sentence's end, a blank line above and below it, naming no goal
        and no year: a news page's subheading, which opens a new part of the article (one naming a
        goal or a year goes on with the goals; docs/reading.md, principle 5)."""
        start, end = self.lines[line]
        line_text = self.text[start:end]
        return (0 < len(line_text.split()) <= HEADING_MAX_WORDS and not line_text.rstrip().endswith((*_SENTENCE_END, ","))
                and self.text[max(0, start - 2) : start] == "\n\n" and self.text[end : end + 2] == "\n\n"
                and _kind(line_text, self.sections).kind != "goal" and not YEAR.search(line_text))

    def sibling_items(self, first: int, second: int) -> bool:
        """The two offsets sit in two items of one list: lines marked alike ("+ Mây nếp 300 ha",
        "+ Mây tắt 300 ha") with no heading, lead-in or higher-ranked marker between them."""
        one, other = self.items[self.line_of(first)], self.items[self.line_of(second)]
        return one is not None and other is not None and one[0] == other[0] and one[1] != other[1]

    def other_rows(self, first: int, second: int) -> bool:
        """The two offsets sit in two rows of one table column read a figure per line."""
        one, other = self.items[self.line_of(first)], self.items[self.line_of(second)]
        return one is not None and other is not None and one[0] == other[0] < 0 and one[1] != other[1]

    def output_cell(self, offset: int) -> Context | None:
        """A goal context for an offset in a task table's output column, else None."""
        index = self.line_of(offset)
        columns = self.output_columns.get(index)
        if columns and self.text.count("|", self.lines[index][0], offset) in columns:
            return Context("goal", self.output_rule)
        return None


def _section(stack: list[tuple[float, Context]]) -> Context:
    """The kind of the innermost open section that has one."""
    return next((c for _, c in reversed(stack) if c.kind != "none"), NO_CONTEXT)


def _output_columns(text: str, lines: list[tuple[int, int]], sections: Sections) -> dict[int, frozenset[int]]:
    """For each row of a table whose header names an output column ("| Sản phẩm |"), the
    indices of such columns; a line without a cell separator ends the table."""
    found: dict[int, frozenset[int]] = {}
    columns: frozenset[int] = frozenset()
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if "|" not in line:
            columns = frozenset()
            continue
        header = frozenset(i for i, cell in enumerate(line.split("|")) if sections.output_column.fullmatch(cell))
        if header:
            columns = header
        elif columns:
            found[index] = columns
    return found


def _heading(line: str, sections: Sections) -> tuple[int, Context] | None:
    words = line.split()
    if not words or len(words) > HEADING_MAX_WORDS:
        return None
    rank = sections.rank_of(line)
    capitals = in_capitals(line, HEADING_LETTERS)
    if rank is None and not capitals:
        return None
    return (rank or UNNUMBERED_RANK), _kind(line, sections)


def _kind(title: str, sections: Sections) -> Context:
    kind = sections.kind_of(title)
    return Context(kind[0], kind[1]) if kind else NO_CONTEXT


def _annex_titles(lines: list[str], sections: Sections) -> tuple[dict[int, str], set[int]]:
    """The title of each annex, the capital lines right above its attachment line (rules/sections.yaml
    annex_attachments), read as one heading at its first line however long or wrapped; and the
    indices of all its lines."""
    titles: dict[int, str] = {}
    title_lines: set[int] = set()
    for index, line in enumerate(lines):
        if not sections.attachment.match(line):
            continue
        first = index
        while first > 0 and in_capitals(lines[first - 1], HEADING_LETTERS) and first - 1 not in title_lines:
            first -= 1
        if first < index:
            titles[first] = " ".join(lines[first:index])
            title_lines.update(range(first, index))
    return titles, title_lines


def _table_columns(text: str, lines: list[tuple[int, int]], items: list[tuple[int, int] | None]) -> list[tuple[int, int] | None]:
    """A table read a figure per line ("Xã Mường Hum: Hỗ trợ nhà ở (hộ): 120 hộ.", sources/tables.py)
    lists each column's figures, a row per item: two rows' figures are two quotas, even alike."""
    columns: dict[str, int] = {}
    for index, (start, end) in enumerate(lines):
        cell = FIGURE_LINE.match(text, start, end)
        if cell and items[index] is None:
            items[index] = (-1 - columns.setdefault(cell["header"], len(columns)), index)
    return items



def _list_items(lines: list[str], sections: Sections, headings: set[int]) -> list[tuple[int, int] | None]:
    """For each line, (its list, its item's first line), or None outside any list. An unmarked
    line continues the item above it when that line breaks off mid-sentence ("Trám\n300 ha");
    the items after a lead-in (a line ending with ":") are a list of their own."""
    items: list[tuple[int, int] | None] = []
    open_lists: list[tuple[int, str, int]] = []  # (rank, marker, list) from the outermost
    led_in = False
    for index, line in enumerate(lines):
        marker = _marker(line, sections)
        if marker is None:
            previous = items[-1] if items else None
            continues = previous is not None and index not in headings and not lines[index - 1].rstrip().endswith(_SENTENCE_END)
            if not continues:
                open_lists.clear()  # a paragraph or a heading parts the lists around it
            items.append(previous if continues else None)
        else:
            while open_lists and (open_lists[-1][0] > marker[0] or (open_lists[-1][0] == marker[0] and open_lists[-1][1] != marker[1])):
                open_lists.pop()
            if open_lists and open_lists[-1][:2] == marker and led_in:
                open_lists.pop()
            if not open_lists or open_lists[-1][:2] != marker:
                open_lists.append((*marker, index))
            items.append((open_lists[-1][2], index))
        led_in = line.rstrip().endswith(":")
    return items


def _marker(line: str, sections: Sections) -> tuple[int, str] | None:
    """A line's list marker as (rank, kind): a numbering's rank, or a bullet's character."""
    rank = sections.rank_of(line)
    if rank is not None:
        return rank, str(rank)
    bullet = _BULLET.match(line)
    return (BULLET_RANK, bullet.group(1).replace("–", "-")) if bullet else None


def _continues_list(line: str, previous: str) -> bool:
    """A line that reads as one more item of the list above it."""
    if _BULLET.match(line) or any(pattern.match(line) for _, pattern in _NUMBERING[1:]):
        return True
    return line.rstrip().endswith((";", ",")) or previous.rstrip().endswith((";", ",", ":"))


def _ends_sentence_above(line: str, previous: str, sections: Sections) -> bool:
    """An unnumbered line ending a sentence the line above left open: the last words of a wrapped
    paragraph, however capitalised, such as an acronym alone on its line (HaTinh_496,
    LamDong_329; docs/reading.md, context)."""
    return (line.rstrip().endswith(".") and bool(previous.strip()) and not previous.rstrip().endswith(_SENTENCE_END)
            and sections.rank_of(line) is None)
