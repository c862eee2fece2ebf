"""An article's title and publication date, read from what the page shows around its text.

Title: the heading whose words the page's <title> (or og:title) carries, the site's name apart;
a portal's banner <h1> holds the site's name and is no title. Date: the page's machine-readable
date (article:published_time, datePublished, <time datetime>), else the short date line
nearest the title ("10/09/2024 09:15", "Thứ Hai, 12/08/2024", "Ngày đăng: 12-08-2024",
"Ngày 12 tháng 8 năm 2024"); a date inside a sentence of the text is a cited document's, not
the page's, and is taken last (the first in the text's start)."""

from __future__ import annotations

import datetime as dt
import functools
import re

from bs4 import BeautifulSoup, NavigableString, Tag

from ..models import CalendarRules, PortalWords
from .portals import label_is, phrase_regex

_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)(?!\d)|(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
_SEPARATORS = re.compile(r"\s+(?:[|–—-]|::|»)\s+")
_HEADING_NAMES = re.compile(r"title|tieude|tieu-de|heading|headline|head\b|Head", re.IGNORECASE)
DATE_LINE_CHARS = 90  # a date line is short; a sentence that holds a date is no date line
LICENCE_CHARS = 200  # a footer's licence statement, to the end of its text
NODES_IN_A_LINE = 40  # the elements and strings of one short line, at most


@functools.lru_cache(maxsize=1)
def _calendar() -> CalendarRules:
    from ..rules import RULES_DIR, load_rule_file

    return load_rule_file(RULES_DIR / "calendar.yaml", CalendarRules)


@functools.lru_cache(maxsize=1)
def _worded_date() -> re.Pattern:
    """"(ngày) 12 tháng 8 (năm) 2024", with the words of rules/calendar.yaml."""
    words = _calendar()
    alternatives = lambda rule: "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in rule.phrases)  # noqa: E731
    return re.compile(rf"(?<!\d)(\d{{1,2}})\s+(?:{alternatives(words.month_words)})\s+(\d{{1,2}})"
                      rf"(?:\s*,?\s*(?:{alternatives(words.year_words)})?\s+|\s*[/-]\s*)((?:19|20)\d\d)(?!\d)", re.IGNORECASE)


def find_dates(text: str) -> list[dt.date]:
    """Every valid date written in `text`, in order (an impossible 30/02 is skipped)."""
    found = []
    for match in _NUMERIC.finditer(text):
        day, month, year = (match[1], match[2], match[3]) if match[1] else (match[6], match[5], match[4])
        found.append((match.start(), day, month, year))
    found += [(m.start(), m[1], m[2], m[3]) for m in _worded_date().finditer(text)]
    return [d for _, *parts in sorted(found) if (d := _valid(*parts))]


_TIME = re.compile(r"(?<!\d)\d{1,2}[:h]\d{2}(?::\d{2})?(?!\d)|GMT\s*[+-]\d+")


def is_date_line(line: str, words: PortalWords) -> bool:
    """A line that is only the page's date: "Cập nhật: 14:20 12/9/2024", "Thứ Hai, 12/08/2024"
    (the date is kept as the page's date, the line is no part of its text)."""
    if len(line) > DATE_LINE_CHARS or not find_dates(line):
        return False
    rest = _worded_date().sub(" ", _NUMERIC.sub(" ", _TIME.sub(" ", line)))
    rest = phrase_regex(words.date_label).sub(" ", rest)
    return not re.search(r"\w", rest)


def _valid(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def page_title(soup: BeautifulSoup, site_name: str | None) -> str | None:
    """The article's title (see the module's doc): a heading the declared titles carry, else
    og:title, else the content's first heading, else <title>, each without the site's name."""
    og, tagged = _declared(soup, {"property": "og:title"}, site_name), _declared(soup, None, site_name)
    headings = [h for h in _headings(soup) if h and h != site_name]
    for title in filter(None, (og, tagged)):
        matching = [h for h in headings if h in title or title in h]
        if matching:
            return max(matching, key=len)
    container = soup.find(["article", "main"])
    first = container.find(["h1", "h2", "h3"]) if container else soup.find("h1")
    heading = " ".join(first.get_text(" ", strip=True).split()) if first else None
    return og or (heading if heading and heading != site_name else None) or tagged


def _declared(soup: BeautifulSoup, attrs: dict | None, site_name: str | None) -> str | None:
    """og:title (attrs given) or <title>, without the site's name beside it."""
    if attrs:
        meta = soup.find("meta", attrs=attrs)
        text = meta.get("content") if meta else None
    else:
        text = soup.title.get_text() if soup.title else None
    text = " ".join((text or "").split())
    parts = _SEPARATORS.split(text)
    if len(parts) > 1 and site_name in parts:
        text = " - ".join(p for p in parts if p != site_name)
    elif len(parts) > 1 and len(parts[-1]) < len(text) / 2:
        text = " - ".join(parts[:-1])
    return text if text and text != site_name else None


def _headings(soup: BeautifulSoup) -> list[str]:
    tags = soup.find_all(["h1", "h2", "h3", "h4"])
    tags += [t for t in soup.find_all(["span", "div", "td", "p", "a"], class_=_HEADING_NAMES) if len(t.get_text()) < 400]
    return [" ".join(t.get_text(" ", strip=True).split()) for t in tags]


def page_date(soup: BeautifulSoup, title: str | None, words: PortalWords) -> dt.date | None:
    """The page's date from its markup, else the short date line nearest the title."""
    return _machine_date(soup) or _date_line(soup, title, words)


def library_date(markup: str, url: str, words: PortalWords) -> dt.date | None:
    """htmldate's reading (URL dates, markup, text), when the page shows no date line: on the
    dev set's pages it names the right year on 29 of 40, our date line on 19, the two in turn on 31.
    A portal's licence and the day it was granted are taken out first: no page was written then."""
    import htmldate

    unlicensed = re.sub(rf"{phrase_regex(words.licence).pattern}[^<\n]{{0,{LICENCE_CHARS}}}", " ", markup, flags=re.IGNORECASE)
    found = htmldate.find_date(unlicensed, url=url or None, original_date=True, extensive_search=True)
    return dt.date.fromisoformat(found) if found else None


_DATE_ATTRS = ({"property": "article:published_time"}, {"itemprop": "datePublished"}, {"name": "pubdate"},
               {"property": "og:published_time"}, {"name": "date"})


def declares_date(soup: BeautifulSoup) -> bool:
    """Whether the markup names the page's date (valid or not): an impossible declared date is
    no reason to take a guess from elsewhere."""
    return any(soup.find(["meta", "time", "span"], attrs=attrs) for attrs in _DATE_ATTRS)


def _machine_date(soup: BeautifulSoup) -> dt.date | None:
    for attrs in _DATE_ATTRS:
        for tag in soup.find_all(["meta", "time", "span"], attrs=attrs):
            dates = find_dates(tag.get("content") or tag.get("datetime") or "")
            if dates:
                return dates[0]
    for tag in soup.find_all("time", attrs={"datetime": True}):
        dates = find_dates(tag["datetime"])
        if dates:
            return dates[0]
    return None


def _date_line(soup: BeautifulSoup, title: str | None, words: PortalWords) -> dt.date | None:
    """Among the page's short strings that hold a date, the one nearest the title (in reading
    order), a labelled date line ("Ngày đăng: ...") first."""
    strings = [s for s in soup.find_all(string=True) if isinstance(s, NavigableString) and s.strip()]
    anchor = next((i for i, s in enumerate(strings) if title and " ".join(s.split()) in title and len(s.strip()) > 10), None)
    candidates = []
    for index, string in enumerate(strings):
        line = _line_of(string)
        if len(line) > DATE_LINE_CHARS or _in_link(string) or label_is(line, words.licence, "anywhere"):
            continue
        dates = find_dates(line)
        if dates:
            labelled = label_is(line, words.date_label)
            distance = abs(index - anchor) if anchor is not None else index
            candidates.append((not labelled, distance, dates[0]))
    return min(candidates)[2] if candidates else None


def _line_of(string: NavigableString) -> str:
    """A string with its short parent's text around it ("Ngày đăng: <b>12/08/2024</b>")."""
    parent = string.parent
    text = _short_text(parent) if isinstance(parent, Tag) else None
    return " ".join((text if text is not None else str(string)).split())


def _short_text(tag: Tag) -> str | None:
    """The tag's text when it is a short line, else None; it looks at a few nodes only, so that a
    page nested thousands deep costs no more per string than a flat one."""
    parts: list[str] = []
    for node in _first_nodes(tag):
        if node is None:
            return None
        if isinstance(node, NavigableString) and node.strip():
            parts.append(node.strip())
            if sum(map(len, parts)) > DATE_LINE_CHARS:
                return None
    return " ".join(parts)


def _in_link(string: NavigableString) -> bool:
    """Dates beside links are a list's (related articles, a listing), not the page's."""
    parent = string.parent
    for _ in range(2):
        if not isinstance(parent, Tag):
            return False
        if parent.name == "a" or _holds_link(parent):
            return True
        parent = parent.parent
    return False


def _holds_link(tag: Tag) -> bool:
    for node in _first_nodes(tag):
        if node is None:
            return False  # a block this big is no date line's neighbourhood
        if isinstance(node, Tag) and node.name == "a":
            return True
    return False


def _first_nodes(tag: Tag):
    """The tag's descendants in document order, then None once NODES_IN_A_LINE were seen.
    Walked through `contents` lists: bs4's `descendants` first finds the subtree's last node,
    which on a page nested thousands deep costs the whole depth at every string."""
    stack, seen = [iter(tag.contents)], 0
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        seen += 1
        if seen > NODES_IN_A_LINE:
            yield None
            return
        yield node
        if isinstance(node, Tag):
            stack.append(iter(node.contents))
