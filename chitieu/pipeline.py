"""Document -> DocumentResult: normalise once, tokenise, run the passes, build the records."""

from __future__ import annotations


from .models import DateMention, Document, DocumentResult, Extraction, SymbolMention
from .nlp import make_doc
from .passes.dates import DatePass
from .passes.issuers import IssuerPass
from .passes.periods import PeriodPass
from .passes.repeats import headline_span
from .passes.symbols import SymbolPass
from .passes.targets import TargetPass
from .places import gazetteer_for, load_gazetteer
from .records import PlanWords, build_result
from .records.citations import symbol_date
from .records.plan import HEADER_CHARS
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
        self.dates = DatePass(self.rules.calendar, self.rules.portals.words.date_label)
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
        reading = self.targets.read(doc, exclude, _page_date(document, date_mentions, symbol_mentions, self.plan_words))
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


def _page_date(document: Document, dates: list[DateMention], symbols: list[SymbolMention], words: PlanWords) -> tuple[int, int] | None:
    """When the page was written: its publication date or stored stamp, its date line (the first
    under its headline), the place-and-date line of its legal header, else the latest date of a
    document it cites (none was issued after the page); else unknown."""
    stamped = _stamped(document)
    if stamped:
        return stamped
    lines = [d for d in dates if d.is_dateline and d.year]
    headline = headline_span(document.text)
    # a site's clock printed above the headline ("Thứ hai, 20/08/2018 08:10 GMT+7") is when the page
    # was saved; the article's own date line stands under its headline (w309, w139)
    line = next((d for d in lines if headline and d.evidence.start >= headline[1]), lines[0] if lines else None)
    if line:
        return line.year, line.month
    header = words.header_month.search(document.text, 0, HEADER_CHARS)
    if header and 1 <= int(header.group("m")) <= 12:
        return int(header.group("y")), int(header.group("m"))
    cited = [d for d in (symbol_date(document.text, s, dates, words) for s in symbols) if d and d.year]
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
