"""The views researchers read (`chitieu export`, the Python API, the report, Datasette), as
the migrations of schema.py create them in turn."""

from __future__ import annotations

import sqlite_utils

PLAN_VALUE_FIELDS = ("symbol", "doc_type", "issued", "issuer_body", "issuer_level", "place", "period_start", "period_end")


def overlaid(alias: str, fields: tuple[str, ...]) -> str:
    """Each field as its latest attached correction (an adjudicated one first), else the machine value."""
    latest = "from corrections c where c.item_id = {alias}.id and c.field = '{f}' and c.anchor = 'attached'"
    return ",\n".join(
        f"case when exists(select 1 {latest.format(alias=alias, f=f)}) then (select json_extract(c.corrected_value, '$') "
        f"{latest.format(alias=alias, f=f)} order by c.adjudicated desc, c.at desc limit 1) else {alias}.[{f}] end as [{f}]"
        for f in fields
    )


def exports(db: sqlite_utils.Database) -> None:
    """What `chitieu export`, the Python API, the report and Datasette read: `plans_effective`
    (plans with reviewers' corrections overlaid) and `targets_export`, one row per effective
    target with its plan, place, document and evidence. The province columns come from the place
    the machine resolved (a corrected place name is shown, not resolved again: see
    `plans_with_corrected_places`); a province's row is found by its stable id, so the post-merger
    units stored beside it cannot double a row."""
    db.create_view(
        "plans_effective",
        f"select p.id, p.document_id, {overlaid('p', PLAN_VALUE_FIELDS)}, p.place_id, p.place_successor, p.evidence from plans p",
    )
    db.create_view(
        "targets_export",
        """
        select t.id as target_id, t.indicator, i.label_vi as indicator_label, t.scope, t.change, t.bound,
               t.value_min, t.value_max, t.unit, t.per_year, t.year, t.text, t.confirmed, t.rejected, t.disputed,
               exists(select 1 from corrections c where c.item_id = t.id and c.anchor = 'attached') as corrected,
               t.plan_id, p.symbol, p.doc_type, p.issued, p.issuer_body, p.issuer_level, p.period_start, p.period_end,
               p.place, pl.level as place_level, pl.code as place_code, pl.province,
               (select pr.code from places pr where pr.id = 'province:' || pl.province || ':' || pl.province) as province_code,
               coalesce(pl.successor, p.place_successor) as province_successor,
               t.document_id, d.name as document, d.source, d.title, d.published, d.site_name,
               t.sentence, t.evidence_start, t.evidence_end, t.evidence_text, t.rule_id, t.modality_rule, t.indicator_rule
        from targets_effective t join documents d on d.id = t.document_id
             left join plans_effective p on p.id = t.plan_id left join places pl on pl.id = p.place_id
             left join indicators i on i.code = t.indicator
        """,
    )


MACHINE_TARGETS = """
        select t.id as target_id, t.indicator, i.label_vi as indicator_label, t.scope, t.change, t.bound,
               t.value_min, t.value_max, t.unit, t.per_year, t.year, t.text, t.confirmed, t.rejected, t.disputed,
               exists(select 1 from corrections c where c.item_id = t.id and c.anchor = 'attached') as corrected,
               t.plan_id, p.symbol, p.doc_type, p.issued, p.issuer_body, p.issuer_level, p.period_start, p.period_end,
               p.place, pl.level as place_level, pl.code as place_code, pl.province, pl.province_code,
               coalesce(pl.successor, p.place_successor) as province_successor,
               (select s.code from places s where s.level = 'province' and s.valid_from is not null
                and s.name = coalesce(pl.successor, p.place_successor)) as successor_code,
               t.document_id, d.name as document, d.source, d.title, d.published, d.site_name,
               t.sentence, t.evidence_start, t.evidence_end, t.evidence_text, t.rule_id, t.modality_rule, t.indicator_rule
        from targets_effective t join documents d on d.id = t.document_id
             left join plans_effective p on p.id = t.plan_id left join places pl on pl.id = p.place_id
             left join indicators i on i.code = t.indicator
        """


def exports_after_merger(db: sqlite_utils.Database) -> None:
    """targets_export with the codes places now carry: the province's code as the place was when
    the plan was issued (a 2026 plan of the merged Gia Lai has 52, not the old 64) and the code of
    the province the place belongs to since 1 July 2025."""
    db.create_view("targets_export", MACHINE_TARGETS, replace=True)


ADDED = {"scope": "'all'", "change": "'level'", "bound": "'exact'", "per_year": "0", "year": "p.period_end"}
ADDED_FIELDS = ("indicator", "scope", "change", "bound", "value_min", "value_max", "unit", "per_year", "year")


def exports_with_added_targets(db: sqlite_utils.Database) -> None:
    """targets_export with the targets reviewers added (the machine missed them) after the
    machine's, `origin` saying which: a researcher's table holds every target the review found.
    An added target's fields are those the reviewer gave, else what the review file defaults to."""
    fields = {f: f"coalesce(json_extract(a.fields, '$.{f}'), {ADDED.get(f, 'null')})" for f in ADDED_FIELDS}
    added = f"""
        select a.id, {fields['indicator']}, i.label_vi, {fields['scope']}, {fields['change']}, {fields['bound']},
               {fields['value_min']}, {fields['value_max']}, {fields['unit']}, {fields['per_year']}, {fields['year']},
               a.quote, 1, 0, 0, 0,
               p.id, p.symbol, p.doc_type, p.issued, p.issuer_body, p.issuer_level, p.period_start, p.period_end,
               p.place, pl.level, pl.code, pl.province, pl.province_code,
               coalesce(pl.successor, p.place_successor),
               (select s.code from places s where s.level = 'province' and s.valid_from is not null
                and s.name = coalesce(pl.successor, p.place_successor)),
               a.document_id, d.name, d.source, d.title, d.published, d.site_name,
               null, a.start, a.end, a.quote, null, null, null, 'reviewer'
        from added_targets a join documents d on d.id = a.document_id
             left join plans_effective p on p.document_id = a.document_id left join places pl on pl.id = p.place_id
             left join indicators i on i.code = {fields['indicator']}
        where a.anchor = 'attached'
    """
    db.create_view("targets_export", f"select *, 'machine' as origin from ({MACHINE_TARGETS})\n        union all{added}", replace=True)


def plans_with_corrected_places(db: sqlite_utils.Database) -> None:
    """plans_effective where a reviewer corrected or cleared a plan's place: the unit the machine
    resolved went with the machine's place, so it goes too (no province columns rather than the
    wrong province's); the corrected name is shown as written."""
    corrected = "exists(select 1 from corrections c where c.item_id = p.id and c.field = 'place' and c.anchor = 'attached')"
    db.create_view(
        "plans_effective",
        f"select p.id, p.document_id, {overlaid('p', PLAN_VALUE_FIELDS)}, "
        f"case when {corrected} then null else p.place_id end as place_id, "
        f"case when {corrected} then null else p.place_successor end as place_successor, p.evidence from plans p",
        replace=True,
    )
