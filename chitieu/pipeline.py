"""Document -> DocumentResult: normalise once, tokenise, run the passes, build the records."""

from __future__ import annotations

import re
from bisect import bisect_right

from .models import DateMention, Document, DocumentResult, Extraction, SymbolMention
from .nlp import make_doc
from .passes.dates import DatePass
from .passes.issuers import IssuerPass
from .passes.periods import PeriodPass
from .passes.symbols import SymbolPass
from .passes.targets import TargetPass
from .places import gazetteer_for, load_gazetteer
from .records import PlanWords, build_result
from .rules import Rules, load_rules
from .text import STORED_DATE
from .version import extractor_version


class Extractor:
    """The passes compiled for one set of rules. Build once; `extract` is pure per document."""

    def __init__(self, rules: Rules | None = None):
        self.rules = rules or load_rules()
        self.symbols = SymbolPass(self.rules)
        gazetteer = load_gazetteer()
        if gazetteer.rules != self.rules.places:  # a custom rules/ folder brings its own aliases
            gazetteer = gazetteer_for(self.rules.places)
        self.issuers = IssuerPass(self.rules, gazetteer)
        self.gazetteer = gazetteer
        self.targets = TargetPass(self.rules)
        self.dates = DatePass(self.rules.calendar)
        self.periods = PeriodPass(self.rules.calendar)
        self.plan_words = PlanWords(self.rules)
        self.version = extractor_version(self.rules)

    def extract(self, document: Document) -> DocumentResult:
        doc = make_doc(document.text)
        symbol_mentions = self.symbols.run(doc)
        date_mentions = self.dates.run(doc)
        issuer_mentions, place_mentions = self.issuers.run(doc)
        # Dates and symbols hold numbers that are never target values; a stored page's stamp
        # (" date 2025-03") dates the page, it is no year a sentence's goal falls due in.
        exclude = [(m.evidence.start, m.evidence.end) for m in (*symbol_mentions, *date_mentions)]
        stamp = STORED_DATE.match(document.text)
        if stamp:
            exclude.append(stamp.span())
        reading = self.targets.read(doc, exclude, _page_date(document, date_mentions, symbol_mentions))
        extraction = Extraction(
            document=document,
            symbols=symbol_mentions,
            dates=date_mentions,
            issuers=issuer_mentions,
            places=place_mentions,
            periods=self.periods.run(doc),
            targets=reading.targets,
            stamped=_stamped(document),
            stated_goals=reading.stated_goals,
            reported=reading.reported,
        )
        return build_result(extraction, self.plan_words, self.gazetteer)


SYMBOL_DATE_GAP = 12  # characters between a symbol and its date ("199/KH-UBND ngày 02/8/2022")
HEADER_DATE_GAP = 40  # ... and between a header's number and the date line in the cell beside it
# between a header's number and the date line in the cell beside it: " | Thừa Thiên Huế, "
_HEADER_CELL_GAP = re.compile(r"\s*\|\s*[^\W\d][^\n|,]{0,30},\s*")


def _page_date(document: Document, dates: list[DateMention], symbols: list[SymbolMention]) -> tuple[int, int] | None:
    """When the page was written: its publication date or stored stamp, its date line, else the
    latest date of a document it cites (none was issued after the page); else unknown."""
    stamped = _stamped(document)
    if stamped:
        return stamped
    line = next((d for d in dates if d.is_dateline and d.year), None)
    if line:
        return line.year, line.month
    symbol_ends = sorted(s.evidence.end for s in symbols)
    cited = [d for d in dates if d.year and _follows_symbol(d, symbol_ends, document.text)]
    if cited:
        latest = max(cited, key=lambda d: (d.year, d.month))
        return latest.year, latest.month
    return None  # a date the page tells of is no date it was written on


def _stamped(document: Document) -> tuple[int, int] | None:
    """The page's publication date or stored stamp (" date 2024-03")."""
    if document.published:
        return document.published.year, document.published.month
    stamp = STORED_DATE.match(document.text)
    return (int(stamp.group(1)), int(stamp.group(2))) if stamp else None


def _follows_symbol(date: DateMention, symbol_ends: list[int], text: str) -> bool:
    """The date of a symbol: right after it ("199/KH-UBND ngày 02/8/2022"), or the header's date
    line in the cell beside its number ("Số: 2356/KH-UBND | Kon Tum, ngày 18 tháng 09 năm 2014")."""
    i = bisect_right(symbol_ends, date.evidence.start) - 1
    if i < 0:
        return False
    gap = date.evidence.start - symbol_ends[i]
    return gap <= SYMBOL_DATE_GAP or (gap <= HEADER_DATE_GAP and bool(_HEADER_CELL_GAP.fullmatch(text, symbol_ends[i], date.evidence.start)))
