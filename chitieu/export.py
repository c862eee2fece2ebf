"""Exports of the effective targets: one row per target of the catalogue's `targets_export`
view (machine values overlaid with reviewers' corrections, with the plan, place, document and
evidence), as CSV, Excel, Parquet or JSON lines. The same rows feed `chitieu.targets()`.

CSV and JSON lines need nothing beyond the standard library; Excel needs openpyxl and Parquet
pyarrow (the `export` extra). Rejected targets are left out unless asked for: a reviewer said
they are no target."""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import importlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .atomic import atomic_path
from .catalogue import Catalogue
from .datasette import column_descriptions
from .errors import CatalogueError, ExportError
from .text import folded

FORMATS = ("csv", "xlsx", "parquet", "jsonl")
EXPORT_EXTRA = 'python3 -m pip install "chitieu[export]"'
FLAG_COLUMNS = ("per_year", "confirmed", "rejected", "disputed", "corrected")
INT_COLUMNS = ("year", "period_start", "period_end", "evidence_start", "evidence_end")
FLOAT_COLUMNS = ("value_min", "value_max")
DATE_COLUMNS = ("issued", "published")


@dataclass(frozen=True)
class TargetFilter:
    province: str | None = None  # a plan's place, its (old) province or its post-merger province; accents and case ignored
    indicator: str | None = None  # an indicator code, e.g. poverty.rate
    year: int | None = None  # the due year
    confirmed_only: bool = False  # only targets a reviewer accepted or corrected
    include_rejected: bool = False  # also the targets a reviewer rejected


@dataclass(frozen=True)
class Selection:
    columns: list[str]  # in the view's order, also when no row is selected
    rows: list[dict]


def require(module: str, extra: str = EXPORT_EXTRA):
    """Import an optional package, or say which pip command installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ExportError(f"this needs the Python package {module.split('.')[0]!r}: {extra}") from exc


def open_catalogue(db_path: str | Path) -> Catalogue:
    """The catalogue at `db_path` (migrated, so that its views are current); never a new empty one."""
    path = Path(db_path)
    if not path.is_file():
        raise ExportError(f"{path}: no catalogue there (run `chitieu extract ... --db {path}` first)")
    return Catalogue(path)


def query(db_path: str | Path, sql: str, params: list | None = None) -> Selection:
    """A read-only query on the catalogue at `db_path`: its column names and rows."""
    catalogue = open_catalogue(db_path)
    try:
        cursor = catalogue.db.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return Selection(names, [dict(zip(names, row)) for row in cursor.fetchall()])
    except sqlite3.Error as exc:
        raise CatalogueError(f"{db_path}: query failed: {exc}") from exc
    finally:
        catalogue.close()


def select_targets(db_path: str | Path, filters: TargetFilter = TargetFilter()) -> Selection:
    """The rows of `targets_export` that `filters` keep, by province and reading order, flags as booleans."""
    where, params = ["1 = 1"], []
    if filters.indicator:
        _check_indicator(db_path, filters.indicator)
        where.append("indicator = ?")
        params.append(filters.indicator)
    if filters.year is not None:
        where.append("year = ?")
        params.append(filters.year)
    if filters.confirmed_only:
        where.append("confirmed")
    if not filters.include_rejected:
        where.append("not rejected")
    selection = query(db_path, f"select * from targets_export where {' and '.join(where)} "
                      "order by province_successor, province, place, issued, document, evidence_start, target_id", params)
    rows = selection.rows
    wanted = folded(filters.province)
    if wanted:
        rows = [r for r in rows if wanted in (folded(r["place"]), folded(r["province"]), folded(r["province_successor"]))]
    for row in rows:
        row.update({column: bool(row[column]) for column in FLAG_COLUMNS})
    return Selection(selection.columns, rows)


def _check_indicator(db_path: str | Path, code: str) -> None:
    """An indicator code the catalogue knows, or an error naming the closest ones (a typo selects nothing)."""
    sql = "select code from indicators union select distinct indicator from targets"
    known = [r["code"] for r in query(db_path, sql).rows if r["code"]]
    if code not in known:
        close = difflib.get_close_matches(code, known, n=3)
        hint = f"did you mean {', '.join(close)}?" if close else f"known codes: {', '.join(sorted(known))}"
        raise ExportError(f"no indicator {code!r} in the catalogue; {hint}")


def export_targets(db_path: str | Path, fmt: str, out: str | Path, filters: TargetFilter = TargetFilter()) -> int:
    """Write the selected targets to `out` in format `fmt` (atomically); the number of rows."""
    if fmt not in WRITERS:
        raise ExportError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    selection = select_targets(db_path, filters)
    with atomic_path(Path(out)) as tmp:
        WRITERS[fmt](selection, tmp)
    return len(selection.rows)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def _write_csv(selection: Selection, path: Path) -> None:
    # utf-8-sig: the byte-order mark makes Excel read the file as UTF-8 and show Vietnamese right
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=selection.columns)
        writer.writeheader()
        writer.writerows(selection.rows)


def _write_jsonl(selection: Selection, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for row in selection.rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_xlsx(selection: Selection, path: Path) -> None:
    openpyxl = require("openpyxl")
    names = selection.columns
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("targets")
    sheet.freeze_panes = "B2"
    sheet.append(names)
    for row in selection.rows:
        sheet.append([_date(row[n]) if n in DATE_COLUMNS else row[n] for n in names])
    about = book.create_sheet("columns")
    descriptions = column_descriptions("targets_export")
    about.append(["column", "description"])
    for name in names:
        about.append([name, descriptions.get(name, "")])
    book.save(path)


def _write_parquet(selection: Selection, path: Path) -> None:
    pa = require("pyarrow")
    parquet = require("pyarrow.parquet")
    names = selection.columns
    types = {**{n: pa.bool_() for n in FLAG_COLUMNS}, **{n: pa.int64() for n in INT_COLUMNS},
             **{n: pa.float64() for n in FLOAT_COLUMNS}, **{n: pa.date32() for n in DATE_COLUMNS}}
    schema = pa.schema([(n, types.get(n, pa.string())) for n in names])
    table = pa.Table.from_pylist([{**r, **{n: _date(r[n]) for n in DATE_COLUMNS}} for r in selection.rows], schema=schema)
    parquet.write_table(table, path)


WRITERS = {"csv": _write_csv, "xlsx": _write_xlsx, "parquet": _write_parquet, "jsonl": _write_jsonl}
