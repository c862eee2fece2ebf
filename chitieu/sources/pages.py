"""What the crawler needs to know of a fetched page before it is extracted: the canonical URL
it names, the files it links to, and whether it is an article at all. A menu, category or tag
page (however long its name) is a list of article links: its main text is mostly their titles."""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import BeautifulSoup

from ..models import PortalWords
from .html import read_page
from .listing import article_groups, page_canonical
from .urls import canonical_url

MIN_LISTED = 4  # article links a page's main text must hold to be a list of them


@dataclass
class PageFacts:
    canonical: str | None
    attachments: list[str] = field(default_factory=list)
    is_article: bool = True


def read_facts(markup: str, url: str, words: PortalWords, drop_params: tuple[str, ...] = ()) -> PageFacts:
    page = read_page(markup, url, words=words)
    attachments = [canonical_url(a.url, "", drop_params) for a in page.attachments]
    return PageFacts(
        canonical=page_canonical(markup, url, drop_params),
        attachments=[a for a in attachments if a],
        is_article=not _lists_articles(markup, url, page.text, words, drop_params),
    )


def _lists_articles(markup: str, url: str, text: str, words: PortalWords, drop_params: tuple[str, ...]) -> bool:
    """Whether the page's main text is mostly the titles of article links."""
    soup = BeautifulSoup(markup, "html.parser")
    links = [(a, canonical_url(a["href"], url, drop_params)) for a in soup.find_all("a", href=True)]
    titles = [link.get_text(" ", strip=True) for group in article_groups([(a, u) for a, u in links if u], words)
              for link, _ in group]
    in_text = [t for t in titles if t and t in text]
    listed_words = sum(len(t.split()) for t in in_text)
    return len(in_text) >= MIN_LISTED and listed_words >= 0.5 * len(text.split())
