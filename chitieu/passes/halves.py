"""Rural and urban halves of one measure (docs/reading.md, principle 4): where a page sets the
same measure for both, each figure is for a group of its own, not for the whole territory."""

from __future__ import annotations

from ..models import HalvesRule, TargetMention
from ..phrases import whole_words


class Halves:
    def __init__(self, rule: HalvesRule):
        self.one = whole_words(rule.phrases)
        self.other = whole_words(rule.other_half)

    def apart(self, targets: list[TargetMention]) -> list[TargetMention]:
        """Targets whose measure the page sets for both halves, each half's scope `other`."""
        halves = [self._half(t) for t in targets]
        set_for = {half: {t.indicator for t, h in zip(targets, halves) if h == half} for half in ("one", "other")}
        both = (set_for["one"] & set_for["other"]) - {"other"}
        return [t.model_copy(update={"scope": "other"}) if half and t.scope == "all" and t.indicator in both else t
                for t, half in zip(targets, halves)]

    def _half(self, target: TargetMention) -> str | None:
        has_one, has_other = bool(self.one.search(target.text)), bool(self.other.search(target.text))
        if has_one == has_other:
            return None  # neither half, or both named together
        return "one" if has_one else "other"
