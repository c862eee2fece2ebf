"""Portal articles: main text without menus, counters, related lists and footers; title,
publication date, site name, the province the site belongs to, and attachment links.

Cascade: decode (see decode_html) -> drop
boilerplate elements by tag and by class/id -> pick the block with the most paragraph text
and the fewest links -> fall back on the whole visible text when no block stands out.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup, Tag

from ..models import Attachment
from . import legacy
from .encoding import decode_bom, mostly_utf8, unify_newlines

_BOILERPLATE_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe", "svg", "button", "select"]
_BOILERPLATE_NAMES = re.compile(
    r"menu|nav|footer|header|sidebar|breadcrumb|related|relate|comment|share|social|banner|advert|widget|"
    r"tin-?khac|tinkhac|lien-?quan|cung-?chuyen-?muc|most|popular|login|search|weather|counter|visitor|copyright",
    re.IGNORECASE,
)
_ATTACHMENT_SUFFIX = re.compile(r"\.(pdf|docx?|xlsx?|rar|zip)(?:$|\?)", re.IGNORECASE)
_ATTACHMENT_TEXT = re.compile(r"đính\s+kèm|tại\s+đây|tải\s+về|tải\s+file|văn\s+bản\s+gốc|download", re.IGNORECASE)
_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table", "section", "article", "blockquote", "td"}


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


def read_page(markup: str, url: str = "", place_names=None) -> Page:
    """Main text and metadata of one article page. `place_names(text) -> [names]` resolves the
    masthead, footer and domain to provinces (the gazetteer's find)."""
    soup = BeautifulSoup(markup, "html.parser")
    title = _title(soup)
    site_name = _site_name(soup)
    published = _published(soup)
    masthead = " ".join(el.get_text(" ", strip=True) for el in soup.find_all(["header", "footer"]))[:3000]
    attachments = _attachments(soup, url)
    for tag in soup(_BOILERPLATE_TAGS):
        tag.decompose()
    _drop_small_forms(soup)
    for tag in soup.find_all(True):
        if tag.attrs is not None and _is_boilerplate(tag) and tag.name not in ("html", "body", "article", "main"):
            tag.decompose()
    main = _main_block(soup)
    body = _block_text(main if main is not None else (soup.body or soup))
    if published is None:
        found = _DATE.search(body[:600])
        if found:
            published = _date(found)
    text = body if not title or title in body[:500] else f"{title}\n\n{body}"
    hints = []
    if place_names:
        domain = urlparse(url).hostname or ""
        for source in (site_name or "", masthead, title or "", domain.replace(".", " ")):
            hints += [n for n in place_names(source) if n not in hints]
    return Page(text=text, title=title, published=published, site_name=site_name, place_hints=hints,
                attachments=attachments)


def _title(soup: BeautifulSoup) -> str | None:
    og = soup.find("meta", attrs={"property": "og:title"})
    if og and og.get("content"):
        return og["content"].strip()
    container = soup.find(["article", "main"])
    heading = soup.find("h1") or (container.find(["h2", "h3"]) if container else None)
    if heading and heading.get_text(strip=True):
        return heading.get_text(" ", strip=True)
    if soup.title and soup.title.string:
        return re.split(r"\s+[|–-]\s+", soup.title.string.strip())[0]
    return None


def _site_name(soup: BeautifulSoup) -> str | None:
    og = soup.find("meta", attrs={"property": "og:site_name"})
    if og and og.get("content"):
        return og["content"].strip()
    if soup.title and soup.title.string and re.search(r"\s[|–-]\s", soup.title.string):
        return re.split(r"\s+[|–-]\s+", soup.title.string.strip())[-1]
    portal = soup.find(string=re.compile(r"CỔNG THÔNG TIN ĐIỆN TỬ|Cổng thông tin điện tử", re.IGNORECASE))
    return portal.strip() if portal else None


def _published(soup: BeautifulSoup) -> dt.date | None:
    for attrs in ({"property": "article:published_time"}, {"itemprop": "datePublished"}, {"name": "pubdate"}):
        meta = soup.find("meta", attrs=attrs)
        if meta and meta.get("content"):
            found = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", meta["content"])
            if found:
                return dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    return None


def _date(found: re.Match) -> dt.date | None:
    try:
        return dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
    except ValueError:
        return None


def _attachments(soup: BeautifulSoup, url: str) -> list[Attachment]:
    found: dict[str, Attachment] = {}
    for link in soup.find_all("a", href=True):
        href, label = link["href"].strip(), link.get_text(" ", strip=True)
        if href.startswith(("javascript:", "mailto:", "#")):
            continue
        if _ATTACHMENT_SUFFIX.search(href) or _ATTACHMENT_TEXT.search(label):
            absolute = urljoin(url, href) if url else href
            found.setdefault(absolute, Attachment(url=absolute, label=label[:200]))
    return list(found.values())


def _drop_small_forms(soup: BeautifulSoup) -> None:
    """Search and login forms go; a form that wraps the page (ASP.NET and SharePoint portals put
    everything in one <form id="aspnetForm">) stays."""
    page_length = len((soup.body or soup).get_text(" ", strip=True)) or 1
    for form in soup.find_all("form"):
        if len(form.get_text(" ", strip=True)) < page_length / 2:
            form.decompose()


def _is_boilerplate(tag: Tag) -> bool:
    names = " ".join([*tag.get("class", []), tag.get("id", "") or ""])
    return bool(names) and bool(_BOILERPLATE_NAMES.search(names))


def _main_block(soup: BeautifulSoup) -> Tag | None:
    """The element whose own paragraphs hold the most text, links discounted."""
    best, best_score = None, 50.0
    for candidate in soup.find_all(["article", "main", "div", "section", "td"]):
        paragraphs = candidate.find_all(["p", "div", "span", "td"], recursive=False) or [candidate]
        text_length = sum(len(p.get_text(" ", strip=True)) for p in paragraphs)
        link_length = sum(len(a.get_text(" ", strip=True)) for a in candidate.find_all("a"))
        score = text_length - 2 * link_length
        if candidate.name in ("article", "main"):
            score *= 1.5
        if score > best_score:
            best, best_score = candidate, score
    return best


def _block_text(element: Tag) -> str:
    """Visible text with a line break after every block element."""
    for tag in element.find_all(_BLOCK_TAGS):
        tag.insert_after("\n")
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in element.get_text("").splitlines())
    return "\n".join(line for line in lines if line)
