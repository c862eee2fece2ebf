"""The text of a target: the shortest stretch of its clause that states the commitment, from
the words that lead it (after any goal word) to what its number counts (docs/reading.md,
principle 10)."""

from __future__ import annotations

import re

from .clause import Clause
from .marks import Mark

_LEADS = frozenset({"indicator", "change", "scope", "per_year", "support", "action", "measure"})


def target_span(c: Clause, chosen: Mark | None, change: str) -> tuple[int, int]:
    text, q, words = c.text, c.q, c.words
    # what comes after the last goal word ("... là phấn đấu hỗ trợ đào tạo 500 lao động")
    after_goal = max([m.end for m in c.near_left if m.family == "mark" and m.code == "commit"], default=0)
    start = min([m.start for m in c.near_left if m.family in _LEADS and m.start >= after_goal] + [q.start])
    if chosen and chosen.end <= q.start and not any(ch in text[chosen.end : q.start] for ch in ":;"):
        start = min(start, chosen.start)  # "tỷ lệ hộ nghèo vùng đồng bào DTTS và miền núi giảm 3%"
    measures = [m.start for m in c.left if m.family == "measure" and max(c.near_start, after_goal) <= m.start < start]
    if measures:
        start = measures[0]  # "tỷ lệ lao động qua đào tạo đạt 60,89%" (w169): the measure leads its indicator
    unit = words.named_unit.search(text, c.near_start, q.start)
    if unit and words.before_named_unit.fullmatch(text, c.near_start, unit.start()):
        start = min(start, unit.start())  # "huyện Mù Cang Chải phấn đấu giảm 7,5%" (w055): whose quota it is
    start = _after_copula(c, start)
    end = chosen.end if chosen and chosen.start >= q.number_end else q.end
    measured = any(m.family in ("indicator", "measure") and start <= m.start < q.start for m in c.left) or end > q.end
    if start == q.start or not measured or (end == q.end and words.belonging.match(text, end)):
        # a target that names what it measures only after its number, or a count followed by
        # whom it belongs to, runs on to what it counts ("100% văn bản ... được kiểm tra", "đạt
        # ít nhất 50% số xã ... không có ma túy", "đào tạo 4.000 người lao động thuộc các huyện
        # nghèo", seed 000)
        end = max(end, _object_end(c, q.end))
    restated = words.restated_by.search(text, c.near_start, start)
    if restated:
        start = restated.start()  # "tương đương 48.000 tỷ đồng" (w009)
    return start, _run_on(c, start, end, change)


def _after_copula(c: Clause, start: int) -> int:
    """A copula before the goal is not the goal ("Mục tiêu của tỉnh là giảm ... dưới 1%"); a
    year it labels is ("Tỷ lệ hộ nghèo ... năm 2022 là 4,03%", w007)."""
    copulas = list(c.words.copula.finditer(c.text, start, c.q.start))
    if copulas and c.text[copulas[-1].end() : c.q.start].strip():
        after = c.text[copulas[-1].end() : c.q.start]
        return copulas[-1].end() + len(after) - len(after.lstrip())
    if copulas and copulas[-1].start() == start:
        label = [y for y in c.years if c.near_start <= y.start and y.end <= start and not c.text[y.end : start].strip()]
        return label[-1].start if label else start
    return start


def _run_on(c: Clause, start: int, end: int, change: str) -> int:
    """What belongs after the number: a cut's base ("so với đầu kỳ"), a yearly word after the
    count, the closing bracket of a bracket it opened."""
    text = c.text
    base = c.words.compared.match(text, end, c.right_end)
    if base and change != "level":
        end = base.end()  # "giảm 50% số hộ cận nghèo so với đầu kỳ"
    yearly = next((m for m in c.right if m.family == "per_year" and m.start >= end and not text[end : m.start].strip()), None)
    if yearly:
        end = yearly.end  # "giải quyết việc làm mới cho 1.500 – 1.700 lao động/năm" (w312)
    if text.count("(", start, end) > text.count(")", start, end) and text.startswith(")", end):
        end += 1  # "(khoảng 3.500 xã)" (w227)
    return end


_COMMA = re.compile(r",\s*")


def _object_end(c: Clause, start: int) -> int:
    """Where the words a bare number counts end: the clause, cut before a purpose ("để", "nhằm"),
    a second goal joined to it, the next unit of a list of quotas ("xã Nà Hẩu 60 hộ, xã Mỏ Vàng
    45 hộ") or the end of a table's cell."""
    clause_end = c.right_clause_end
    stops = [m.start() for m in (c.words.purpose.search(c.text, start, clause_end), c.words.joined_goal.search(c.text, start, clause_end)) if m]
    stops += [comma.start() for comma in _COMMA.finditer(c.text, start, clause_end) if c.words.named_unit.match(c.text, comma.end())][:1]
    cell_end = c.text.find("|", start, clause_end)  # a table's cell ends what it holds
    stops += [cell_end] if cell_end >= 0 else []
    end = min(stops, default=clause_end)
    return start + len(c.words.trailing_join.sub("", c.text[start:end]))
