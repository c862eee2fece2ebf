"""What a listing page links to, read from its structure rather than from one site's URL shapes:
article links are the links of a repeated block (same tags and classes around each) whose items
carry a date, a summary or a picture beside a title; menus, however long their names, are bare
links. Next pages are the pager's numbered and next-page links (plain links, Liferay `_cur=`,
DNN `/currentpage/N`, WordPress `/page/N/`, Joomla `?start=`, Drupal `?page=`, NukeViet
`/page-N`, SharePoint `Page=`) and ASP.NET `__doPostBack` links, which are posted back."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from ..models import PortalWords
from .portals import label_is
from .urls import canonical_url

NUMERIC_DATE = re.compile(r"(?<!\d)(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)(?!\d)")
_POSTBACK = re.compile(r"__doPostBack\(\s*['\"]([^'\"]*)['\"]\s*,\s*['\"]([^'\"]*)['\"]")
_CHROME_TAGS = {"nav", "header", "footer", "aside"}
_CHROME_NAMES = re.compile(r"(?:^|[-_ ])(menu|nav|navbar|footer|header|sidebar|breadcrumbs?|banner|topbar|mainmenu|megamenu)(?:$|[-_ ])", re.I)
_SIGNATURE_DEPTH = 5
POSTBACK_MARK = "#__doPostBack:"  # a frontier URL for a page reached by posting a form back


@dataclass
class Listing:
    articles: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # URLs, or POSTBACK_MARK URLs
    feeds: list[str] = field(default_factory=list)


def read_listing(markup: str, url: str, words: PortalWords, drop_params: tuple[str, ...] = (),
                 article_re: re.Pattern | None = None, next_re: re.Pattern | None = None,
                 known: set[tuple] | None = None) -> Listing:
    """Article links, next pages and feeds of one listing page. A profile's patterns, when it
    has them, take the place of what would be learned. `known` holds the signatures of the
    article blocks of the site's pages read before: a last page with one item is still a list
    of articles; the signatures found here are added to it."""
    soup = BeautifulSoup(markup, "html.parser")
    links = _links(soup, url, drop_params)
    if article_re is not None:
        articles = [u for _, u in links if article_re.search(u)]
    else:
        articles = [u for group in article_groups(links, words, known) for _, u in group]
    pages = [u for _, u in links if next_re.search(u)] if next_re is not None else _pager(soup, url, words, drop_params)
    listing = Listing(_unique(articles), _unique(p for p in pages if p != url), _feeds(soup, url, drop_params))
    listing.articles = [a for a in listing.articles if a not in listing.pages and a != url]
    return listing


def _links(soup: BeautifulSoup, url: str, drop_params: tuple[str, ...]) -> list[tuple[Tag, str]]:
    found = []
    for link in soup.find_all("a", href=True):
        target = canonical_url(link["href"], url, drop_params)
        if target:
            found.append((link, target))
    return found


def article_groups(links: list[tuple[Tag, str]], words: PortalWords, known: set[tuple] | None = None) -> list[list[tuple[Tag, str]]]:
    """The repeated link blocks whose items look like articles (see the module's doc), and
    blocks of a signature in `known` (which learns the ones chosen here)."""
    known = known if known is not None else set()
    groups: dict[tuple, list[tuple[Tag, str]]] = defaultdict(list)
    for link, target in links:
        if not _in_chrome(link):
            groups[_signature(link)].append((link, target))
    chosen = []
    for signature, members in groups.items():
        items = [(link, target) for link, target in members if _title_like(link, words)]
        urls = {target for _, target in items}
        if not urls or len(items) < len(members) / 2:
            continue
        evidence = [_item_evidence(link, members) for link, _ in items]
        strong = any(e >= 2 for e in evidence)
        if signature in known or (len(urls) >= 2 and sum(1 for e in evidence if e) >= len(items) / 2) or strong:
            chosen.append(items)
            known.add(signature)
    return chosen


def _in_chrome(tag: Tag) -> bool:
    for parent in tag.parents:
        if parent.name in _CHROME_TAGS:
            return True
        names = " ".join([*parent.get("class", []), parent.get("id", "") or ""]) if isinstance(parent, Tag) else ""
        if names and _CHROME_NAMES.search(names):
            return True
    return False


def _signature(link: Tag) -> tuple:
    chain = [(link.name, tuple(sorted(link.get("class", []))))]
    for parent in link.parents:
        if parent.name in ("body", "html", "[document]") or len(chain) > _SIGNATURE_DEPTH:
            break
        chain.append((parent.name, tuple(sorted(parent.get("class", [])))))
    return tuple(chain)


def _title_like(link: Tag, words: PortalWords) -> bool:
    text = link.get_text(" ", strip=True) or link.get("title", "")
    return len(text.split()) >= 3 or label_is(text, words.read_more)


def _item_evidence(link: Tag, members: list[tuple[Tag, str]]) -> int:
    """How much beside the link says "article": a date, a summary, a picture (0 to 3). The item
    is the largest block around the link that holds no other member of its group."""
    others = {id(other) for other, _ in members if other is not link}
    item = link
    for parent in link.parents:
        if parent.name in ("body", "html", "[document]") or any(id(a) in others for a in parent.find_all("a")):
            break
        item = parent
    text = item.get_text(" ", strip=True)
    rest = len(text) - len(link.get_text(" ", strip=True))
    return int(bool(NUMERIC_DATE.search(text))) + int(rest >= 60) + int(item.find("img") is not None)


def _pager(soup: BeautifulSoup, url: str, words: PortalWords, drop_params: tuple[str, ...]) -> list[str]:
    """Numbered and next-page links on the listing's own host and section."""
    pages = []
    for link in soup.find_all("a"):
        text = link.get_text(" ", strip=True) or link.get("title", "") or link.get("aria-label", "")
        numbered = text.isdigit() and 1 < int(text) < 1000
        is_next = "next" in (link.get("rel") or []) or label_is(text, words.next_page, "whole")
        if not (numbered or is_next) or _in_page_chrome(link):
            continue
        href = link.get("href", "") or ""
        postback = _POSTBACK.search(href.replace("&#39;", "'"))
        if postback:
            pages.append(f"{canonical_url(url, '', drop_params) or url}{POSTBACK_MARK}{postback[1]}|{postback[2]}")
            continue
        target = canonical_url(href, url, drop_params)
        if target and _same_section(target, url):
            pages.append(target)
    for link in soup.find_all("link", rel="next", href=True):
        target = canonical_url(link["href"], url, drop_params)
        if target and _same_section(target, url):
            pages.append(target)
    return pages


def _in_page_chrome(tag: Tag) -> bool:
    """Header, footer and side blocks (a pager may sit in a <nav>, a calendar in an aside)."""
    return any(parent.name in ("header", "footer", "aside") for parent in tag.parents)


def _same_section(target: str, url: str) -> bool:
    here, there = urlsplit(url), urlsplit(target)
    if here.netloc != there.netloc:
        return False
    first = lambda path: next((s.lower() for s in path.split("/") if s), "")  # noqa: E731
    return first(here.path) == first(there.path)


def _feeds(soup: BeautifulSoup, url: str, drop_params: tuple[str, ...]) -> list[str]:
    found = []
    for link in soup.find_all("link", href=True):
        kind = (link.get("type") or "").lower()
        if "alternate" in (link.get("rel") or []) and ("rss" in kind or "atom" in kind):
            target = canonical_url(link["href"], url, drop_params)
            if target:
                found.append(target)
    return found


def postback_form(markup: str, page_url: str, target: str, argument: str) -> tuple[str, dict[str, str]]:
    """The URL and fields to post for `__doPostBack(target, argument)` on a page: the form's
    hidden fields (view state, event validation) with the event's target and argument."""
    soup = BeautifulSoup(markup, "html.parser")
    form = soup.find("form") or soup
    fields = {i["name"]: i.get("value", "") for i in form.find_all("input", attrs={"type": "hidden"}) if i.get("name")}
    fields.update({"__EVENTTARGET": target, "__EVENTARGUMENT": argument})
    action = form.get("action") if isinstance(form, Tag) and form.name == "form" else None
    return urljoin(page_url, action or page_url), fields


def page_canonical(markup: str, url: str, drop_params: tuple[str, ...] = ()) -> str | None:
    """The page's <link rel="canonical">, canonicalised; None when it has none."""
    soup = BeautifulSoup(markup, "html.parser")
    link = soup.find("link", rel="canonical", href=True)
    return canonical_url(link["href"], url, drop_params) if link else None


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))
