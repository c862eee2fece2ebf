"""Crawl portals incrementally: listings -> articles -> attachments, with the frontier and the
raw bytes in the catalogue, so that a killed run resumes, nothing is fetched twice, and
re-extraction never re-fetches."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urldefrag, urljoin, urlparse

from bs4 import BeautifulSoup

from ..catalogue import Catalogue
from ..models import PortalProfile, PortalRules
from .fetch import FetchError, Fetcher, FetchOptions
from .html import decode_html, read_page

MAX_ATTEMPTS = 3


@dataclass
class CrawlSummary:
    fetched: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return f"{self.fetched} fetched, {self.unchanged} unchanged, {self.failed} failed, {len(self.skipped)} skipped"


def load_portals() -> PortalRules:
    from ..rules import RULES_DIR, load_rule_file

    return load_rule_file(RULES_DIR / "portals.yaml", PortalRules)


def profile_for(site: str, portals: PortalRules) -> PortalProfile:
    """A configured profile by name, or the generic rules around a start URL."""
    for profile in portals.portals:
        if profile.name == site:
            return profile
    parsed = urlparse(site)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        names = ", ".join(p.name for p in portals.portals)
        raise FetchError(f"{site}: neither a portal profile ({names}) nor an http(s) start URL")
    generic = portals.generic
    return PortalProfile(
        id=generic.id, name=parsed.hostname, hosts=[parsed.hostname], listings=[site],
        article_pattern=generic.article_pattern, next_pattern=generic.next_pattern,
        max_listing_pages=generic.max_listing_pages, delay=max(generic.delay, 0.5),
    )


def crawl(
    profile: PortalProfile, catalogue: Catalogue, fetcher: Fetcher | None = None, max_urls: int = 1000,
    on_visit: Callable[[str], None] | None = None,
) -> CrawlSummary:
    """Visit pending URLs of one portal until none is left (or `max_urls`); `on_visit(url)` is
    called after each, for a progress display."""
    fetcher = fetcher or Fetcher(set(profile.hosts), FetchOptions(delay=profile.delay))
    summary = CrawlSummary()
    catalogue.frontier_add([{"url": u, "site": profile.name, "kind": "listing", "depth": 0} for u in profile.listings])
    catalogue.frontier_reopen(profile.name, "listing")
    article_re, next_re = re.compile(profile.article_pattern), re.compile(profile.next_pattern)
    for _ in range(max_urls):
        row = catalogue.frontier_next(profile.name, MAX_ATTEMPTS)
        if row is None:
            break
        _visit(row, catalogue, fetcher, profile, article_re, next_re, summary)
        if on_visit:
            on_visit(row["url"])
    return summary


def _visit(row, catalogue: Catalogue, fetcher: Fetcher, profile, article_re, next_re, summary: CrawlSummary) -> None:
    url = row["url"]
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    if not fetcher.allowed(url):
        catalogue.frontier_update(url, status="skipped", reason="disallowed by robots.txt or off the configured hosts")
        summary.skipped.append(url)
        return
    try:
        response = fetcher.fetch(url, row["etag"], row["last_modified"])
    except FetchError as exc:
        catalogue.frontier_update(url, status="failed", attempts=(row["attempts"] or 0) + 1, reason=str(exc), fetched_at=now)
        summary.failed += 1
        summary.failures.append(str(exc))
        return
    if response.not_modified:
        catalogue.frontier_update(url, status="unchanged", fetched_at=now)
        summary.unchanged += 1
        return
    sha = hashlib.sha256(response.body).hexdigest()
    content_type = response.headers.get("content-type", "")
    catalogue.store_raw(sha, content_type, response.body)  # per-content-hash dedup of the bytes
    if row["kind"] != "attachment" and ("html" in content_type.lower() or response.body.lstrip()[:1] == b"<"):
        _enqueue_links(row, response, catalogue, profile, article_re, next_re)
    catalogue.frontier_update(
        url, status="seen" if row["kind"] == "listing" else "fetched", content_sha=sha, content_type=content_type,
        etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"), fetched_at=now, reason=None,
    )
    if sha == row["content_sha"]:
        summary.unchanged += 1
    else:
        summary.fetched += 1


def _enqueue_links(row, response, catalogue: Catalogue, profile, article_re, next_re) -> None:
    markup = decode_html(response.body, _charset(response.headers.get("content-type", "")))
    hosts = set(profile.hosts)
    new: list[dict] = []
    if row["kind"] == "listing":
        soup = BeautifulSoup(markup, "html.parser")
        for link in soup.find_all("a", href=True):
            target = urldefrag(urljoin(response.url, link["href"]))[0]
            if urlparse(target).hostname not in hosts:
                continue  # never follow a link off the configured hosts
            if next_re.search(target) and row["depth"] < profile.max_listing_pages:
                new.append({"url": target, "site": profile.name, "kind": "listing", "depth": row["depth"] + 1, "parent": row["url"]})
            elif article_re.search(target):
                new.append({"url": target, "site": profile.name, "kind": "article", "depth": row["depth"] + 1, "parent": row["url"]})
    else:
        for attachment in read_page(markup, response.url).attachments:
            if urlparse(attachment.url).hostname in hosts:
                new.append({"url": attachment.url, "site": profile.name, "kind": "attachment", "depth": row["depth"] + 1, "parent": row["url"]})
    catalogue.frontier_add(new)


def _charset(content_type: str) -> str | None:
    found = re.search(r"charset=([\w-]+)", content_type, re.IGNORECASE)
    return found.group(1) if found else None


_SUFFIX_BY_TYPE = {"pdf": ".pdf", "wordprocessingml": ".docx", "msword": ".doc", "html": ".html", "text/plain": ".txt"}


def fetched_document(row: dict, body: bytes, directory: Path) -> Path:
    """Write fetched bytes to a file named by content hash (never by the server's file name)."""
    content_type = (row["content_type"] or "").lower()
    suffix = next((s for key, s in _SUFFIX_BY_TYPE.items() if key in content_type), None)
    if suffix is None:
        path_suffix = Path(urlparse(row["url"]).path).suffix.lower()
        suffix = path_suffix if path_suffix in (".pdf", ".docx", ".doc", ".html", ".htm", ".txt") else ".html"
    path = Path(directory) / f"{row['content_sha'][:32]}{suffix}"
    path.write_bytes(body)
    return path
