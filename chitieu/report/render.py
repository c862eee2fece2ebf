"""The report's HTML parts: the tile map of the 34 provinces after the merger with the ones
before it under each, the coverage table, and the evidence list the chart and map link to."""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from itertools import groupby

from .chart import OTHER_PLACES, anchor, province_of, review_state, value_text
from .data import ReportData, load_tiles, north_to_south, plan_year


def tile_map(data: ReportData) -> str:
    tiles = load_tiles()
    targets = Counter(t["province"] for t in data.targets if t["province"])
    plans = Counter()
    for row in data.coverage:
        plans[row["province"]] += row["plans"]
    old_by_new = defaultdict(list)
    for province in data.provinces:
        old_by_new[province["successor"]].append(province)
    cells = [_tile(tile, old_by_new[tile["name"]], targets, plans) for tile in tiles["tiles"]]
    legend = tiles["legend"]
    cells.append(
        f"<div class='legend' style='grid-column:{legend['column'] + 1}/span {legend['columns']};"
        f"grid-row:{legend['row'] + 1}/span {legend['rows']}'>{_legend(data, targets, plans)}</div>"
    )
    return (f"<div class='tiles' style='grid-template-columns:repeat({tiles['columns']},1fr);"
            f"grid-template-rows:repeat({tiles['rows']},auto)'>{''.join(cells)}</div>")


def _tile(tile: dict, provinces: list[dict], targets: Counter, plans: Counter) -> str:
    count = sum(targets[p["name"]] for p in provinces)
    read = sum(plans[p["name"]] for p in provinces)
    shade = "none" if not read else "read" if not count else "few" if count < 3 else "many"
    lines = []
    for p in provinces:
        label = f"{escape(p['name'])} <span class='code'>{escape(p['code'] or '')}</span>"
        if targets[p["name"]]:
            label = f"<a href='#{anchor(p['name'])}'>{label}</a> <b>{targets[p['name']]}</b>"
        elif plans[p["name"]]:
            label += " <span class='muted'>·</span>"
        lines.append(f"<li>{label}</li>")
    return (f"<div class='tile {shade}' style='grid-column:{tile['column'] + 1};grid-row:{tile['row'] + 1}' "
            f"title='{escape(tile['name'])}: {count} targets, {read} plans read'>"
            f"<h3>{escape(tile['name'])}</h3><ul>{''.join(lines)}</ul></div>")


def _legend(data: ReportData, targets: Counter, plans: Counter) -> str:
    with_targets = sum(1 for p in data.provinces if targets[p["name"]])
    with_plans = sum(1 for p in data.provinces if plans[p["name"]])
    return (
        "<h3>The 34 provinces since 1 July 2025</h3><p>Under each, the provinces merged into it, with their codes, "
        "and how many targets of this indicator their plans (and their districts' plans) set.</p>"
        "<ul class='key'><li><span class='swatch many'></span>3 targets or more</li>"
        "<li><span class='swatch few'></span>1 or 2 targets</li><li><span class='swatch read'></span>plans read "
        "(<span class='muted'>·</span>), no target of this indicator</li><li><span class='swatch none'></span>no plan read</li></ul>"
        f"<p>{with_targets} of {len(data.provinces)} provinces before the merger set targets of this indicator; "
        f"plans of {with_plans} were read.</p>"
    )


def coverage_table(data: ReportData) -> str:
    """Plans read per province and year; a year in bold holds a plan with a target of this indicator."""
    if not data.coverage:
        return "<p class='empty'>No plan read.</p>"
    years = sorted({r["year"] for r in data.coverage if r["year"] is not None})
    with_targets = {(t["province"], plan_year(t)) for t in data.targets}
    head = "".join(f"<th>{y}</th>" for y in years) + "<th>total</th>"
    body = []
    order = north_to_south(data)
    rows = sorted(data.coverage, key=lambda r: order(r["province_successor"], r["province"]))
    for (successor, province), cells in groupby(rows, key=lambda r: (r["province_successor"], r["province"])):
        counts = Counter()
        for cell in cells:
            counts[cell["year"]] += cell["plans"]
        tds = "".join(_coverage_cell(counts[y], (province, y) in with_targets) for y in years)
        shown = escape(province or "(plans of communes, of the nation or of places not resolved)")
        old = f"{shown} <span class='muted'>→ {escape(successor)}</span>" if successor and successor != province else shown
        body.append(f"<tr><th>{old}</th>{tds}<td class='total'>{sum(counts.values())}</td></tr>")
    unread = [p["name"] for p in data.provinces if p["name"] not in {r["province"] for r in data.coverage}]
    note = (f"<p class='muted small'>No plan read from {len(unread)} provinces: {escape(', '.join(unread))}.</p>" if unread else "")
    return f"<table class='coverage'><thead><tr><th>province</th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{note}"


def _coverage_cell(count: int, has_target: bool) -> str:
    if not count:
        return "<td></td>"
    return f"<td class='{'hit' if has_target else 'read'}'>{count}</td>"


def evidence_list(data: ReportData) -> str:
    """Every target under its province and plan: its value, the sentence with the evidence marked, the rules."""
    order = north_to_south(data)
    ordered = sorted(data.targets, key=lambda t: (order(*province_of(t)), t["issued"] or "", t["symbol"] or "", t["evidence_start"]))
    sections = []
    for (successor, province), rows in groupby(ordered, key=province_of):
        plans = []
        for _, items in groupby(rows, key=lambda t: t["plan_id"]):
            items = list(items)
            plans.append(_plan_block(items[0], items))
        merged = f" <span class='muted'>(since 2025: {escape(successor)})</span>" if successor not in (province, OTHER_PLACES) else ""
        sections.append(f"<section id='{anchor(province)}'><h3>{escape(province)}{merged}</h3>{''.join(plans)}</section>")
    return "".join(sections) or "<p class='empty'>No target of this indicator in the catalogue.</p>"


def _plan_block(plan: dict, targets: list[dict]) -> str:
    source = escape(plan["source"] or "")
    link = f"<a href='{source}'>{source}</a>" if source.startswith(("http://", "https://")) else f"<code>{source}</code>"
    facts = " · ".join(escape(str(x)) for x in (plan["doc_type"], plan["issued"], plan["place"], plan["issuer_level"]) if x)
    title = f"<div class='title'>{escape(plan['title'])}</div>" if plan["title"] else ""
    items = "".join(_target_item(t) for t in targets)
    return (f"<div class='plan'><h4>{escape(plan['symbol'] or plan['document'] or '')} <small>{facts}</small></h4>{title}"
            f"<div class='source'>source: {link}</div><ol>{items}</ol></div>")


def _target_item(row: dict) -> str:
    sentence, quote = row["sentence"] or "", row["evidence_text"] or ""
    at = sentence.find(quote) if quote else -1
    if at >= 0:
        shown = f"{escape(sentence[:at])}<mark>{escape(quote)}</mark>{escape(sentence[at + len(quote):])}"
    else:  # a reviewer moved the span out of the sentence the machine stored
        shown = f"{escape(sentence)} <mark>{escape(quote)}</mark>"
    state = review_state(row)
    rules = " · ".join(escape(r) for r in (row["rule_id"], row["modality_rule"], row["indicator_rule"]) if r)
    return (f"<li id='t-{row['target_id']}'><span class='value'>{escape(value_text(row))}</span> "
            f"<span class='due'>by {row['year'] or '?'}</span> <span class='scope'>{escape(row['scope'] or '')}</span> "
            f"<span class='state {state}'>{state}{' (corrected)' if row['corrected'] else ''}</span>"
            f"<blockquote>{shown}</blockquote><div class='rules'>characters {row['evidence_start']}–{row['evidence_end']} · "
            f"rules {rules}</div></li>")
