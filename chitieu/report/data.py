"""What the report shows, read from the catalogue through the same query as the exports (the
`targets_export` view) and the Datasette coverage query, so that the page and a download agree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..datasette import canned_query
from ..export import TargetFilter, query, select_targets

TILES = Path(__file__).with_name("tiles.yaml")
# the 63 provinces before the merger, by the stable id they have always had ("province:Sơn La:Sơn La");
# the units in force since 1 July 2025 are rows of their own under other ids
OLD_PROVINCES_SQL = "select name, code, successor from places where id = 'province:' || name || ':' || name order by code"


@dataclass(frozen=True)
class ReportData:
    indicator: str
    label: str
    targets: list[dict]  # rows of targets_export for the indicator, rejected ones left out
    provinces: list[dict]  # every province before the merger: name, code, successor
    coverage: list[dict]  # plans read per province and year: province_successor, province, year, plans
    indicators: list[dict]  # every indicator with targets: code, label, targets
    generated: str
    versions: list[str]  # extractor versions that read the documents


@lru_cache(maxsize=1)
def load_tiles() -> dict:
    with TILES.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def read_report_data(db_path: str | Path, indicator: str) -> ReportData:
    targets = select_targets(db_path, TargetFilter(indicator=indicator)).rows
    label = query(db_path, "select label_vi from indicators where code = ?", [indicator]).rows
    return ReportData(
        indicator=indicator,
        label=label[0]["label_vi"] if label else indicator,
        targets=targets,
        provinces=query(db_path, OLD_PROVINCES_SQL).rows,
        coverage=query(db_path, canned_query("plans_by_province_and_year")).rows,
        indicators=query(
            db_path, "select indicator as code, indicator_label as label, count(*) as targets from targets_export "
            "where not rejected group by indicator order by count(*) desc, indicator").rows,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        versions=[r["extractor_version"] for r in query(
            db_path, "select distinct extractor_version from documents where extractor_version is not null order by 1").rows],
    )


def plan_year(row: dict) -> int | None:
    """The year a plan belongs to in the coverage: its issue year, else the first of its period."""
    if row.get("issued"):
        return int(str(row["issued"])[:4])
    return row.get("period_start")


def north_to_south(data: ReportData):
    """A sort key on (post-merger province, province before it): the map's tiles from north to
    south, then the old provinces by code; places that are no province last."""
    tiles = {tile["name"]: i for i, tile in enumerate(load_tiles()["tiles"])}
    codes = {p["name"]: p["code"] or "" for p in data.provinces}

    def key(successor: str | None, province: str | None) -> tuple:
        return tiles.get(successor, len(tiles)), codes.get(province, "~"), province or ""

    return key
