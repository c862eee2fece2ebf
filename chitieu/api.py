"""The catalogue as pandas DataFrames, for a notebook:

    import chitieu
    targets = chitieu.targets("catalogue.db", indicator="poverty.rate", province="Sơn La")
    targets.groupby(["province_successor", "year"]).value_max.min()

The rows are those `chitieu export` writes (the `targets_export` view). Needs pandas (the
`export` extra)."""

from __future__ import annotations

from pathlib import Path

from .export import DATE_COLUMNS, Selection, TargetFilter, query, require, select_targets

PLANS_SQL = """
select p.id as plan_id, p.symbol, p.doc_type, p.issued, p.issuer_body, p.issuer_level, p.period_start, p.period_end,
       p.place, pl.level as place_level, pl.code as place_code, pl.province,
       coalesce(pl.successor, p.place_successor) as province_successor,
       (select count(*) from targets_export t where t.plan_id = p.id and not t.rejected) as targets,
       d.id as document_id, d.name as document, d.source, d.title, d.published, d.site_name
from plans_effective p join documents d on d.id = p.document_id left join places pl on pl.id = p.place_id
order by province_successor, province, p.issued, d.name
"""


def targets(db: str | Path, province: str | None = None, indicator: str | None = None, year: int | None = None,
            confirmed_only: bool = False, include_rejected: bool = False):
    """One row per effective target (rejected ones left out unless `include_rejected`).
    `province` matches a plan's place, its province or its post-merger province, accents and
    case ignored; `year` is the due year."""
    return _frame(select_targets(db, TargetFilter(province, indicator, year, confirmed_only, include_rejected)))


def plans(db: str | Path):
    """One row per plan read, reviewers' corrections overlaid, with its place and document and
    the number of its targets not rejected."""
    return _frame(query(db, PLANS_SQL))


def _frame(selection: Selection):
    """A DataFrame with the dates as dates (ISO text in the catalogue)."""
    pandas = require("pandas")
    frame = pandas.DataFrame(selection.rows, columns=selection.columns)
    for column in DATE_COLUMNS:
        frame[column] = pandas.to_datetime(frame[column], errors="coerce")
    return frame
