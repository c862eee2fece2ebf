"""`chitieu report`: one self-contained HTML page (no network, no script) on one indicator that
a researcher can send to a colleague: a tile map of the provinces after the 2025 merger with
the ones before it under each, a chart of targets by province and due year, the coverage of
plans read, and every target's sentence and source. Rejected targets are left out."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from string import Template

from ..atomic import write_text_atomic
from .chart import review_state, targets_chart
from .data import ReportData, north_to_south, read_report_data
from .render import coverage_table, evidence_list, tile_map

TEMPLATE = Path(__file__).with_name("page.html")


@dataclass(frozen=True)
class ReportSummary:
    targets: int
    provinces: int
    plans: int

    def describe(self) -> str:
        return f"{self.targets} targets from {self.plans} plans in {self.provinces} provinces"


def render_report(db_path: str | Path, indicator: str = "poverty.rate") -> tuple[str, ReportSummary]:
    data = read_report_data(db_path, indicator)
    summary = ReportSummary(
        targets=len(data.targets),
        provinces=len({t["province"] for t in data.targets if t["province"]}),
        plans=len({t["plan_id"] for t in data.targets}),
    )
    page = Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        indicator=escape(data.indicator), indicator_label=escape(data.label), facts=_facts(data, summary),
        tiles=tile_map(data), chart=targets_chart(data.targets, north_to_south(data)), coverage=coverage_table(data),
        evidence=evidence_list(data), footer=_footer(data),
    )
    return page, summary


def write_report(db_path: str | Path, out: str | Path, indicator: str = "poverty.rate") -> ReportSummary:
    page, summary = render_report(db_path, indicator)
    write_text_atomic(Path(out), page)
    return summary


def _facts(data: ReportData, summary: ReportSummary) -> str:
    states = [review_state(t) for t in data.targets]
    plans_read = sum(r["plans"] for r in data.coverage)
    facts = [
        (summary.targets, "targets"), (states.count("confirmed"), "confirmed by reviewers"),
        (states.count("disputed"), "disputed"), (summary.plans, "plans setting them"),
        (summary.provinces, "provinces before the merger"), (plans_read, "plans read in all"),
    ]
    return "".join(f"<div><b>{count}</b>{escape(label)}</div>" for count, label in facts)


def _footer(data: ReportData) -> str:
    others = ", ".join(f"{escape(i['code'])} ({i['targets']})" for i in data.indicators if i["code"] != data.indicator)
    versions = ", ".join(escape(v) for v in data.versions) or "unknown"
    return (f"Made by <code>chitieu report --indicator {escape(data.indicator)}</code> on {data.generated}, from documents "
            f"read by chitieu {versions}. Targets a reviewer rejected are left out. Other indicators in this catalogue: "
            f"{others or 'none'}. The same rows as a spreadsheet: <code>chitieu export --format xlsx "
            f"--indicator {escape(data.indicator)} --out targets.xlsx</code>.")
