"""The review page: one self-contained HTML file (no server, no network) that opens a review
batch, lets a reviewer accept, reject, correct and add targets with the keyboard and the mouse,
and saves a review file that `chitieu review import` takes unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from ..atomic import write_text_atomic
from ..catalogue import Catalogue
from ..errors import ReviewError
from ..models import ScopeRules, UnitRule
from ..rules import load_rules
from .export import LOW_CONFIDENCE_SQL, ReviewFilter, build_review

TEMPLATE = Path(__file__).with_name("page.html")


def render_review_page(catalogue: Catalogue, batch: str | None = None) -> tuple[str, int]:
    """The page of one exported batch (its documents, whole), or of every document."""
    review = build_review(catalogue, ReviewFilter(), batch or "all")
    if batch:
        rows = catalogue.rows("select items from review_batches where id = ?", [batch])
        if not rows:
            raise ReviewError(f"no review batch {batch!r} in the catalogue; export one first")
        items = set(json.loads(rows[0]["items"]))
        review = review.model_copy(update={"documents": [
            d.model_copy(update={"targets": [t for t in d.targets if t.id in items]})
            for d in review.documents if any(t.id in items for t in d.targets) or _plan_in(catalogue, d.document_id, items)
        ]})
    data = {"review": review.model_dump(mode="json", by_alias=True), "meta": _meta(catalogue, review)}
    page = TEMPLATE.read_text(encoding="utf-8").replace("__DATA__", json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))
    return page, len(review.documents)


def _plan_in(catalogue: Catalogue, document_id: str, items: set[str]) -> bool:
    return any(r["id"] in items for r in catalogue.rows("select id from plans where document_id = ?", [document_id]))


def _meta(catalogue: Catalogue, review) -> dict:
    rules = load_rules()
    documents, spans, low = {}, {}, {}
    for doc in review.documents:
        row = catalogue.rows("select d.text, pl.province, p.place from documents d join plans p on p.document_id = d.id "
                             "left join places pl on pl.id = p.place_id where d.id = ?", [doc.document_id])[0]
        documents[doc.document_id] = {"text": row["text"], "province": row["province"] or row["place"]}
        for t in catalogue.rows(f"select t.id, t.evidence_start, t.evidence_end, {LOW_CONFIDENCE_SQL} as low from targets t "
                                "where t.document_id = ?", [doc.document_id]):
            spans[t["id"]] = [t["evidence_start"], t["evidence_end"]]
            low[t["id"]] = bool(t["low"])
    indicators = {}
    for rule in sorted(rules.indicators.indicators, key=lambda r: r.code):
        indicators.setdefault(rule.code, rule.label)
    return {
        "documents": documents, "spans": spans, "low": low, "indicators": indicators,
        "scopes": _scopes(rules.scopes), "scope_labels": _scope_labels(rules.scopes), "units": _units(rules.numbers.units),
    }


def _scopes(rules: ScopeRules) -> list[str]:
    return list(dict.fromkeys(rule.code for rule in rules.scopes))


def _scope_labels(rules: ScopeRules) -> dict[str, str]:
    labels: dict[str, str] = {}
    for rule in rules.scopes:
        if rule.label:
            labels.setdefault(rule.code, rule.label)
    return labels


def _units(rules: list[UnitRule]) -> list[str]:
    return list(dict.fromkeys(rule.code for rule in rules))


def write_review_page(catalogue: Catalogue, path: Path, batch: str | None = None) -> int:
    page, count = render_review_page(catalogue, batch)
    write_text_atomic(path, page)
    return count
