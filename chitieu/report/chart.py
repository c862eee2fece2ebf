"""The report's chart, as inline SVG: one row per province, one column per due year, each
target a mark (its shape says level, decrease or increase; its fill whether a reviewer
confirmed it) with its value beside it, linked to its evidence further down the page."""

from __future__ import annotations

from html import escape
from itertools import groupby
from typing import Callable

LABEL_WIDTH, LINE, HEADER = 210, 19, 28
CHAR_WIDTH, MIN_COLUMN = 6.4, 52  # of the 11px labels: each year's column as wide as its longest label
MAX_LINES = 4  # marks drawn in one cell; the rest are counted and linked to the province's evidence
BOUND_SIGNS = {"at_least": "≥", "at_most": "≤", "approx": "≈", "exact": ""}
CHANGE_SIGNS = {"decrease": "↓ ", "increase": "↑ ", "level": ""}
UNIT_SIGNS = {"percent": "%", "vnd": " đồng", "other": " (unit?)"}
COLOURS = {"confirmed": "#1f5f8b", "disputed": "#d9822b", "unreviewed": "#ffffff"}


def number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def value_text(row: dict) -> str:
    """A target's value as a reader says it: "↓ ≥3%", "18.66%", "↓ 2–2.5% /yr", "≈25,000 workers"."""
    low, high = row["value_min"], row["value_max"]
    amount = number(low) if low == high else f"{number(low)}–{number(high)}"
    unit = UNIT_SIGNS.get(row["unit"], f" {row['unit']}" if row["unit"] else "")
    return f"{CHANGE_SIGNS.get(row['change'], '')}{BOUND_SIGNS.get(row['bound'], '')}{amount}{unit}{' /yr' if row['per_year'] else ''}"


def review_state(row: dict) -> str:
    if row["disputed"]:
        return "disputed"
    return "confirmed" if row["confirmed"] else "unreviewed"


OTHER_PLACES = "(places that are no province or district)"


def anchor(name: str) -> str:
    """An id for a province's section: readable, and the same wherever the name is written."""
    return "p-" + "-".join(escape(name).split())


def province_of(row: dict) -> tuple[str, str]:
    """(post-merger province, province before it) a target is drawn under; a plan whose place is
    no province or district (a commune, the nation, a name not resolved) is drawn under its place
    and level, apart: a commune named like a province is not that province."""
    if row["province"]:
        return row["province_successor"] or row["province"], row["province"]
    level = row["issuer_level"] or "level unknown"
    return OTHER_PLACES, f"{row['place']} ({level})" if row["place"] else f"({level})"


def targets_chart(targets: list[dict], order: Callable[[str, str], tuple]) -> str:
    """The SVG, provinces sorted by `order` on (post-merger province, province), or a sentence when there is nothing to draw."""
    if not targets:
        return "<p class='empty'>No target of this indicator in the catalogue.</p>"
    years = sorted({t["year"] for t in targets if t["year"] is not None})
    columns = years + ([None] if any(t["year"] is None for t in targets) else [])
    ordered = sorted(targets, key=lambda t: (order(*province_of(t)), t["year"] or 0, t["value_min"] or 0))
    lefts, width = _column_lefts(targets, columns)
    parts, y = [], HEADER
    for (successor, province), rows in groupby(ordered, key=province_of):
        rows = list(rows)
        height = LINE * min(MAX_LINES, max(sum(1 for r in rows if r["year"] == year) for year in columns)) + 8
        parts.append(_province_row((successor, province), rows, dict(zip(columns, lefts)), (y, height, width)))
        y += height
    header = "".join(
        f"<text class='year' x='{left + 8}' y='18'>{year if year else 'no year'}</text>" for left, year in zip(lefts, columns)
    )
    return (f"<svg class='chart' width='{width}' height='{y + 4}' "
            f"viewBox='0 0 {width} {y + 4}' role='img' aria-label='targets by province and due year'>"
            f"{header}{''.join(parts)}</svg>")


def _column_lefts(targets: list[dict], columns: list) -> tuple[list[int], int]:
    """Where each year's column starts, and the chart's width: a wide year range stays narrow
    where its labels are short."""
    lefts, x = [], LABEL_WIDTH
    for year in columns:
        longest = max((len(value_text(t)) for t in targets if t["year"] == year), default=0)
        lefts.append(x)
        x += max(MIN_COLUMN, int(longest * CHAR_WIDTH) + 26)
    return lefts, x


def _province_row(place: tuple[str, str], rows: list[dict], lefts: dict, box: tuple[int, int, int]) -> str:
    """One province's line: its name, then its targets in their years' columns; `box` is (top, height, width)."""
    (successor, province), (y, _, width) = place, box
    label = escape(province)
    if successor not in (province, OTHER_PLACES):
        label += f"<tspan class='successor'> → {escape(successor)}</tspan>"
    marks = []
    for year, left in lefts.items():
        in_cell = [r for r in rows if r["year"] == year]
        shown = in_cell if len(in_cell) <= MAX_LINES else in_cell[:MAX_LINES - 1]
        x = left + 10
        marks += [_mark(row, x, y + 14 + LINE * line) for line, row in enumerate(shown)]
        if len(shown) < len(in_cell):
            marks.append(f"<a href='#{anchor(province)}' class='more'><text x='{x - 4}' y='{y + 18 + LINE * len(shown)}'>"
                         f"+{len(in_cell) - len(shown)} more</text></a>")
    return (f"<line class='rule' x1='0' x2='{width}' y1='{y}' y2='{y}'/>"
            f"<text class='province' x='4' y='{y + 18}'>{label}</text>{''.join(marks)}")


def _mark(row: dict, x: int, y: int) -> str:
    state = review_state(row)
    fill, stroke = COLOURS[state], COLOURS["disputed" if state == "disputed" else "confirmed"]
    if row["change"] == "decrease":
        shape = f"<path d='M{x - 5},{y - 4} L{x + 5},{y - 4} L{x},{y + 5} Z'/>"
    elif row["change"] == "increase":
        shape = f"<path d='M{x - 5},{y + 4} L{x + 5},{y + 4} L{x},{y - 5} Z'/>"
    else:
        shape = f"<circle cx='{x}' cy='{y}' r='5'/>"
    title = f"{row['symbol'] or row['document']}: {row['text']} ({state})"
    return (f"<a href='#t-{row['target_id']}' class='mark {state}'><title>{escape(title)}</title>"
            f"<g fill='{fill}' stroke='{stroke}' stroke-width='1.6'>{shape}</g>"
            f"<text x='{x + 10}' y='{y + 4}'>{escape(value_text(row))}</text></a>")
