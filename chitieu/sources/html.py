"""Portal articles: main text without menus, counters, related lists and footers; title,
publication date, site name, the province the site belongs to, and attachment links.

Cascade: decode (see decode_html) -> drop boilerplate elements by tag and by class/id -> pick
the block with the most paragraph text and the fewest links -> fall back on the whole visible
text when no block stands out. Every step walks the tree once, without recursion: a page may
nest elements thousands deep, and asking each element for its text would cost depth x size.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator
from urllib.parse import urljoin, urlparse, urlsplit

from bs4 import BeautifulSoup, CData, NavigableString, PageElement, Tag

from ..models import Attachment, PortalWords
from . import legacy
from .encoding import decode_bom, mostly_utf8, unify_newlines
from .page_meta import declares_date, find_dates, is_date_line, library_date, page_date, page_title
from .portals import label_is, packaged_words
from .tables import linearise_cell_rows

_BOILERPLATE_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe", "svg", "button", "select"]
_BOILERPLATE_NAMES = re.compile(
    r"menu|nav|footer|header|sidebar|breadcrumb|related|relate|comment|share|social|banner|advert|widget|"
    r"tin-?khac|tinkhac|lien-?quan|cung-?chuyen-?muc|most|popular|login|search|weather|counter|visitor|copyright",
    re.IGNORECASE,
)
_ATTACHMENT_SUFFIX = re.compile(r"\.(pdf|docx?|xlsx?|rar|zip)(?:$|\?)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_KEPT_TAGS = ("html", "body", "article", "main")
_VISIBLE = (NavigableString, CData)  # exact types, as get_text takes them: no comments, scripts
_ATTACHMENT_SCHEMES = ("http", "https")
_MASTHEAD_CHARS = 3000
_DATE_LINE_WITHIN = 6  # lines from the top of the text
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK_TAGS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "section", "article", "blockquote"}
_CELL_TAGS = {"td", "th"}
_CELL_SEPARATOR = " | "
_TABLE_PARTS = {"table", "thead", "tbody", "tfoot", "tr", "colgroup"}


@dataclass
class Page:
    text: str
    title: str | None = None
    published: dt.date | None = None
    site_name: str | None = None
    place_hints: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)


def decode_html(data: bytes, header_charset: str | None = None) -> str:
    """Bytes to text: a byte-order mark; then UTF-8 when the bytes are UTF-8 but for a stray few
    (valid UTF-8 wins over a declared legacy charset, which would make mojibake of it); then the
    HTTP header's and the <meta> charset; then a legacy font encoding (TCVN3, VNI) read as
    Windows-1252; then Windows-1258, browsers' default for Vietnamese. Line ends become "\\n"."""
    text = decode_bom(data)
    if text is None:
        text = _decode_unmarked(data, header_charset)
    return unify_newlines(text)


def _decode_unmarked(data: bytes, header_charset: str | None) -> str:
    if mostly_utf8(data):
        return data.decode("utf-8", errors="replace")
    meta = _META_CHARSET.search(data[:4096])
    for name in (header_charset, meta.group(1).decode("ascii", "ignore") if meta else None):
        if not name:
            continue
        try:
            return data.decode(codecs.lookup(name).name)
        except (LookupError, UnicodeDecodeError):
            continue
    return legacy.decode(data) or data.decode("cp1258", errors="replace")


def read_page(markup: str, url: str = "", place_names=None, words: PortalWords | None = None) -> Page:
    """Main text and metadata of one article page. `place_names(text) -> [names]` resolves the
    masthead, footer and domain to provinces (the gazetteer's find); `words` are the portal
    words of rules/portals.yaml (read from the package when not given)."""
    words = words or packaged_words()
    soup = BeautifulSoup(markup, "html.parser")
    site_name = _nfc(_site_name(soup, words))
    title = _nfc(page_title(soup, site_name))
    published = page_date(soup, title, words)
    declared = declares_date(soup)
    masthead = _masthead(soup)
    attachments = _attachments(soup, url, words)
    _drop(soup(_BOILERPLATE_TAGS))
    _drop_small_forms(soup)
    _drop(soup.find_all(True), lambda tag: tag.name not in _KEPT_TAGS and _is_boilerplate(tag))
    _drop_labelled(soup, words)
    main = _main_block(soup)
    body = _block_text(main if main is not None else (soup.body or soup))
    if published is None:
        published = (None if declared else library_date(markup, url, words)) or next(iter(find_dates(body[:600])), None)
    lines = body.split("\n")  # the page's date line sits by the title; a table's date cells stay
    body = "\n".join(line for i, line in enumerate(lines) if i >= _DATE_LINE_WITHIN or not is_date_line(line, words))
    body = linearise_cell_rows(body)  # a table of figures read a figure per line, as a stored page's is
    text = body if not title or title in body[:500] else f"{title}\n\n{body}"
    hints = []
    if place_names:
        domain = urlparse(url).hostname or ""
        for source in (site_name or "", masthead, title or "", domain.replace(".", " ")):
            hints += [n for n in place_names(source) if n not in hints]
    return Page(text=text, title=title, published=published, site_name=site_name, place_hints=hints,
                attachments=attachments)


def _nfc(text: str | None) -> str | None:
    """A title as the text will be: a Windows-1258 page gives its tone marks apart."""
    return unicodedata.normalize("NFC", text) if text else text


def _drop_labelled(soup: BeautifulSoup, words: PortalWords) -> None:
    """Blocks known by their words: a related list under its heading ("Tin khác"), readers'
    comments, share bars, view counters. The block is the heading's parent, or the short
    element that starts with the words."""
    blocks = []
    for string in soup.find_all(string=True):
        element, line = string.parent, " ".join(string.split())
        if type(string) not in _VISIBLE or not line or len(line) > 80 or element is None:
            continue
        if label_is(line, words.related) or label_is(line, words.comments):
            block = element.parent if element.name in _HEADINGS or element.name in ("b", "strong", "span") else element
            if block is not None and len(block.get_text()) < 4000:
                blocks.append(block)
        elif (label_is(line, words.counter) or label_is(line, words.share)) and len(element.get_text()) < 200:
            blocks.append(element)
    _drop(blocks, lambda tag: tag.name not in _KEPT_TAGS and not tag.decomposed)


def _site_name(soup: BeautifulSoup, words: PortalWords) -> str | None:
    og = soup.find("meta", attrs={"property": "og:site_name"})
    if og and og.get("content"):
        return og["content"].strip()
    if soup.title and soup.title.string and re.search(r"\s[|–-]\s", soup.title.string):
        return re.split(r"\s+[|–-]\s+", soup.title.string.strip())[-1]
    portal = soup.find(string=lambda text: label_is(text, words.portal_name, "anywhere"))
    return portal.strip() if portal else None


def _masthead(soup: BeautifulSoup) -> str:
    """The start of the text of the header and footer elements (each string once, however they
    nest): where a portal names its province."""
    parts, length, inside = [], 0, 0
    for node, entering in _walk(soup):
        if isinstance(node, Tag):
            inside += (1 if entering else -1) if node.name in ("header", "footer") else 0
        elif inside and type(node) in _VISIBLE and node.strip():
            parts.append(node.strip())
            length += len(parts[-1]) + 1
            if length > _MASTHEAD_CHARS:
                break
    return " ".join(parts)[:_MASTHEAD_CHARS]


def _attachments(soup: BeautifulSoup, url: str, words: PortalWords) -> list[Attachment]:
    """Links to files, by suffix or by a download label. A link's label is its own text: in
    browsers a link opened inside another closes the outer one."""
    links: list[tuple[Tag, list[str]]] = []
    open_labels: list[list[str]] = []
    for node, entering in _walk(soup):
        if isinstance(node, Tag) and node.name == "a" and node.get("href") is not None:
            if entering:
                links.append((node, []))
                open_labels.append(links[-1][1])
            else:
                open_labels.pop()
        elif open_labels and type(node) in _VISIBLE and node.strip():
            open_labels[-1].append(node.strip())
    found: dict[str, Attachment] = {}
    for link, parts in links:
        href, label = _attachment_url(link["href"], url), " ".join(parts)
        if href and (_ATTACHMENT_SUFFIX.search(href) or label_is(label, words.attachment, "anywhere")):
            found.setdefault(href, Attachment(url=href, label=label[:200]))
    return list(found.values())


def _attachment_url(href: str, base: str) -> str | None:
    """The absolute http(s) URL of a link, or None for a script, mail, data or phone link (with
    whatever case or leading blanks: urlsplit reads the scheme as browsers do) or a fragment."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    absolute = urljoin(base, href) if base else href
    scheme = urlsplit(absolute).scheme.lower()
    return absolute if scheme in _ATTACHMENT_SCHEMES or (not scheme and not base) else None


def _drop_small_forms(soup: BeautifulSoup) -> None:
    """Search and login forms go; a form that wraps the page (ASP.NET and SharePoint portals put
    everything in one <form id="aspnetForm">) stays."""
    sizes = _sizes(soup)
    page_length = sizes[id(soup.body or soup)].text or 1
    _drop(soup.find_all("form"), lambda form: sizes[id(form)].text < page_length / 2)


def _drop(tags: Iterable[Tag], unwanted: Callable[[Tag], bool] = lambda tag: True) -> None:
    for tag in tags:
        # no parent: gone with an enclosing tag (bs4's `decomposed` searches a live tag's subtree)
        if tag.parent is not None and unwanted(tag):
            tag.decompose()


def _is_boilerplate(tag: Tag) -> bool:
    names = " ".join([*tag.get("class", []), tag.get("id", "") or ""])
    return bool(names) and bool(_BOILERPLATE_NAMES.search(names))


def _main_block(soup: BeautifulSoup) -> Tag | None:
    """The element whose own paragraphs hold the most text, links discounted."""
    sizes = _sizes(soup)
    best, best_score = None, 50.0
    for candidate in soup.find_all(["article", "main", "div", "section", "td"]):
        paragraphs = candidate.find_all(["p", "div", "span", "td"], recursive=False) or [candidate]
        score = sum(sizes[id(p)].text for p in paragraphs) - 2 * sizes[id(candidate)].links
        if candidate.name in ("article", "main"):
            score *= 1.5
        if score > best_score:
            best, best_score = candidate, score
    return best


def _block_text(element: Tag) -> str:
    """Visible text with a line break after every block element; a table row whose cells hold no
    block of their own is one line, its cells parted by " | " as stored pages print tables."""
    parts: list[str] = []
    cells: list[bool] = []  # for each open cell, whether a block ended inside it
    for node, entering in _walk(element):
        if isinstance(node, Tag):
            if node.name in _CELL_TAGS:
                if entering:
                    cells.append(False)
                else:
                    parts.append("\n" if cells.pop() else _CELL_SEPARATOR)
                    if cells:
                        cells[-1] = True
            elif not entering and node.name in _BLOCK_TAGS:
                if node.name == "tr" and parts and parts[-1] == _CELL_SEPARATOR:
                    parts.pop()
                parts.append("\n")
                if cells:
                    cells[-1] = True
        elif type(node) in _VISIBLE and (node.strip() or node.parent is None or node.parent.name not in _TABLE_PARTS):
            # the layout's line breaks between a table's rows and cells, or inside a cell's text, are no text
            parts.append(re.sub(r"\s+", " ", node) if cells else node)
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


@dataclass
class _Size:
    chars: int = 0  # of the element's visible strings, stripped
    strings: int = 0  # the non-blank ones
    links: int = 0  # text length of the links inside it

    @property
    def text(self) -> int:
        """len(element.get_text(" ", strip=True))."""
        return self.chars + max(self.strings - 1, 0)


def _sizes(root: Tag) -> dict[int, _Size]:
    """Every element's text and link-text length, summed from the leaves up in one walk."""
    sizes: dict[int, _Size] = {}
    for node, entering in _walk(root):
        if entering or not isinstance(node, Tag):
            continue
        size = _Size()
        for child in node.contents:
            if type(child) in _VISIBLE and child.strip():
                size.chars += len(child.strip())
                size.strings += 1
            elif isinstance(child, Tag):
                inner = sizes[id(child)]
                size.chars, size.strings, size.links = size.chars + inner.chars, size.strings + inner.strings, size.links + inner.links
        if node.name == "a":
            size.links += size.text
        sizes[id(node)] = size
    return sizes


def _walk(root: Tag) -> Iterator[tuple[PageElement, bool]]:
    """(node, entering) in document order, each element given again (entering False) after its
    last descendant; iterative, as pages may nest deeper than Python's recursion limit."""
    stack: list[tuple[PageElement, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        yield node, entering
        if entering and isinstance(node, Tag):
            stack.append((node, False))
            stack.extend((child, True) for child in reversed(node.contents))
