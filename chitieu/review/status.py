"""Where reviewing stands: per batch, what was exported, decided (by whom, how) and is pending;
how often reviewers agree; and every decision that needs reviewing again."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..catalogue import Catalogue


@dataclass
class BatchStatus:
    batch: str
    exported_at: str
    items: int
    pending: int
    decisions: dict[str, int]  # status -> count, over every reviewer
    reviewers: list[str]
    added: int

    def describe(self) -> str:
        decided = ", ".join(f"{n} {status}" for status, n in sorted(self.decisions.items())) or "none decided"
        line = f"{self.batch} ({self.exported_at}): {self.items} items, {self.pending} pending; {decided}; {self.added} added"
        kept = self.decisions.get("accepted", 0) + self.decisions.get("corrected", 0)
        judged = kept + self.decisions.get("rejected", 0)
        if judged:
            line += f"; precision {kept / judged:.3f} of {judged} judged targets"
        if self.added and kept:
            line += f", recall {kept / (kept + self.added):.3f} on whole documents"
        return line + (f" — by {', '.join(self.reviewers)}" if self.reviewers else "")


@dataclass
class ReviewStatus:
    batches: list[BatchStatus] = field(default_factory=list)
    agreement: tuple[int, int] = (0, 0)  # items two or more reviewers decided: (agreeing, all)
    needs_review: list[str] = field(default_factory=list)

    def describe(self) -> str:
        lines = [b.describe() for b in self.batches] or ["no review batch exported yet"]
        agreeing, both = self.agreement
        if both:
            lines.append(f"agreement between reviewers: {agreeing} of {both} items decided alike ({agreeing / both:.0%})")
        lines.append(f"{len(self.needs_review)} decisions need reviewing again" + (":" if self.needs_review else ""))
        lines += [f"  {item}" for item in self.needs_review]
        return "\n".join(lines)


def review_status(catalogue: Catalogue) -> ReviewStatus:
    status = ReviewStatus()
    for batch in catalogue.rows("select id, exported_at, items from review_batches order by exported_at"):
        items = set(json.loads(batch["items"]))
        decided = catalogue.rows("select item_id, item_kind, reviewer, status from reviews where batch = ? and anchor = 'attached' "
                                 "and item_kind in ('target', 'plan')", [batch["id"]])
        counts: dict[str, int] = {}
        for row in decided:
            if row["item_kind"] == "target":
                counts[row["status"]] = counts.get(row["status"], 0) + 1
        status.batches.append(BatchStatus(
            batch=batch["id"], exported_at=batch["exported_at"], items=len(items),
            pending=len(items - {r["item_id"] for r in decided}), decisions=counts,
            reviewers=sorted({r["reviewer"] for r in decided if r["reviewer"]}),
            added=catalogue.rows("select count(*) as n from added_targets where batch = ?", [batch["id"]])[0]["n"],
        ))
    status.agreement = _agreement(catalogue)
    status.needs_review = _needs_review(catalogue)
    return status


def _agreement(catalogue: Catalogue) -> tuple[int, int]:
    verdicts: dict[str, set[str]] = {}
    for row in catalogue.rows("select item_id, reviewer, status from reviews where item_kind = 'target' and anchor = 'attached' and not adjudicated"):
        verdicts.setdefault(row["item_id"], set()).add(("rejected" if row["status"] == "rejected" else "kept") + "|" + (row["reviewer"] or ""))
    both = [v for v in verdicts.values() if len({x.split("|")[1] for x in v}) >= 2]
    agreeing = [v for v in both if len({x.split("|")[0] for x in v}) == 1]
    return len(agreeing), len(both)


def _needs_review(catalogue: Catalogue) -> list[str]:
    rows = catalogue.rows(
        "select d.name, r.item_kind, r.item_id, r.status, r.reviewer, r.anchor, r.evidence_text from reviews r "
        "left join documents d on d.id = r.document_id where r.anchor != 'attached' "
        "union all select d.name, 'correction', c.item_id, c.field, c.reviewer, c.anchor, c.evidence_text from corrections c "
        "left join documents d on d.id = c.document_id where c.anchor != 'attached' "
        "union all select d.name, 'added target', a.id, '', a.reviewer, a.anchor, a.quote from added_targets a "
        "left join documents d on d.id = a.document_id where a.anchor not in ('attached', 'withdrawn') "
        "union all select d.name, 'disputed target', e.id, '', '', 'disputed', e.evidence_text from targets_effective e "
        "join documents d on d.id = e.document_id where e.disputed"
    )
    return [f"{r['name'] or '?'}: {r['item_kind']} {r['item_id']} {r['status']} by {r['reviewer'] or '-'} is {r['anchor']}"
            f"{': ' + repr(r['evidence_text'][:60]) if r['evidence_text'] else ''}" for r in rows]
