"""A standalone HTML page for reviewers: each document's text with its targets highlighted and
their fields beside them; rejected and corrected targets marked. No scripts, no network."""

from __future__ import annotations

import html
import json
from pathlib import Path

from .atomic import write_text_atomic
from .catalogue import Catalogue

_STYLE = """
body{font-family:system-ui,sans-serif;margin:0;background:#f6f6f4;color:#222}
header{padding:12px 20px;background:#234;color:#fff}
section.doc{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);align-items:start;gap:16px;margin:16px;background:#fff;padding:16px;border-radius:6px}
h2{grid-column:1/-1;margin:0;font-size:1.1em}
.text{white-space:pre-wrap;line-height:1.6}
mark{background:#ffe58a;padding:0 2px;border-radius:3px}
mark.rejected{background:#f3b0b0;text-decoration:line-through}
mark.corrected{background:#b6e3b6}
mark.accepted{background:#cde8ff}
table{border-collapse:collapse;width:100%;font-size:.75em;position:sticky;top:8px}
td,th{border-bottom:1px solid #ddd;padding:3px 5px;text-align:left;vertical-align:top}
tr.rejected{color:#999;text-decoration:line-through}
.status{font-weight:600}
.plan{grid-column:1/-1;font-size:.9em}
"""


def render_review_html(catalogue: Catalogue, batch: str | None = None) -> tuple[str, int]:
    items = None
    if batch:
        rows = catalogue.rows("select items from review_batches where id = ?", [batch])
        items = set(json.loads(rows[0]["items"])) if rows else set()
    sections = []
    for doc in catalogue.rows("select d.id, d.name, d.title, d.text from documents d order by d.name"):
        if items is not None and doc["id"] not in items:
            continue
        targets = catalogue.rows(
            "select e.*, (select status from reviews r where r.item_id = e.id order by reviewed_at desc limit 1) as status "
            "from targets_effective e where e.document_id = ? order by e.evidence_start", [doc["id"]]
        )
        plan = catalogue.rows("select * from plans where document_id = ?", [doc["id"]])[0]
        sections.append(_document_section(doc, plan, targets))
    page = (
        "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>chitieu review</title>"
        f"<style>{_STYLE}</style></head><body><header><h1>chitieu — review{' · ' + html.escape(batch) if batch else ''}</h1>"
        "<p>Yellow: to review · blue: accepted · green: corrected · red: rejected</p></header>"
        + "".join(sections) + "</body></html>"
    )
    return page, len(sections)


def _document_section(doc: dict, plan: dict, targets: list[dict]) -> str:
    text, pieces, cursor = doc["text"], [], 0
    for number, target in enumerate(targets, 1):
        start, end = target["evidence_start"], target["evidence_end"]
        if start < cursor:
            continue  # overlapping spans: the first keeps the highlight
        status = target["status"] or "pending"
        pieces.append(html.escape(text[cursor:start]))
        pieces.append(f"<mark class='{status}' id='t-{target['id']}' title='{html.escape(target['indicator'])}'>"
                      f"{html.escape(text[start:end])}<sup>{number}</sup></mark>")
        cursor = end
    pieces.append(html.escape(text[cursor:]))
    rows = "".join(
        f"<tr class='{t['status'] or 'pending'}'><td>{n}</td><td>{html.escape(t['indicator'])}</td><td>{t['scope']}</td>"
        f"<td>{t['change']}</td><td>{t['bound']}</td><td>{_value(t)}</td><td>{t['unit']}</td>"
        f"<td>{'yes' if t['per_year'] else ''}</td><td>{t['year'] or ''}</td>"
        f"<td class='status'>{t['status'] or 'pending'}</td></tr>"
        for n, t in enumerate(targets, 1)
    )
    plan_line = ", ".join(f"{k}: {html.escape(str(plan[k]))}" for k in (
        "symbol", "doc_type", "issued", "issuer_body", "issuer_level", "place", "period_start", "period_end"
    ) if plan[k] is not None)
    return (
        f"<section class='doc' id='d-{doc['id']}'><h2>{html.escape(doc['name'])}"
        f"{' — ' + html.escape(doc['title']) if doc['title'] else ''}</h2>"
        f"<p class='plan'>{plan_line or 'no plan named'}</p>"
        f"<div class='text'>{''.join(pieces)}</div>"
        "<table><tr><th>#</th><th>indicator</th><th>scope</th><th>change</th><th>bound</th><th>value</th>"
        f"<th>unit</th><th>/year</th><th>year</th><th>status</th></tr>{rows}</table></section>"
    )


def _value(target: dict) -> str:
    low, high = target["value_min"], target["value_max"]
    return f"{low:g}" if low == high else f"{low:g}–{high:g}"


def write_review_html(catalogue: Catalogue, path: Path, batch: str | None = None) -> int:
    page, count = render_review_html(catalogue, batch)
    write_text_atomic(path, page)
    return count
