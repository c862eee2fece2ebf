"""Crawl portals incrementally, many at once: listings, sitemaps and feeds -> articles ->
attachments, with the frontier and the raw bytes in the catalogue, so that a killed run
resumes, nothing is fetched twice, and re-extraction never re-fetches.

Threads only fetch (one request in flight per site, each host paced by the fetcher); the
calling thread alone reads and writes the catalogue. Every URL is stored in its canonical
spelling, and an article is stored once, under the URL it names as canonical (rel=canonical,
or where an old URL redirects): the other spellings are kept as duplicates of it."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from ..atomic import write_bytes_atomic
from ..catalogue import Catalogue
from ..models import PortalProfile, PortalRules
from .encoding import decode_bom
from .feeds import UrlShapes, read_xml_links
from .fetch import FetchError, Fetcher, FetchOptions, Response
from .html import decode_html
from .listing import POSTBACK_MARK, postback_form, read_listing
from .pages import PageFacts, read_facts
from .portals import load_portals, profile_for  # noqa: F401 - the crawl API callers import from here
from .sniff import header_charset, mime_of, suffix_of
from .urls import canonical_url, host_of

MAX_ATTEMPTS = 3
_ORDER = "case kind when 'listing' then 0 when 'sitemap' then 1 when 'feed' then 1 when 'article' then 2 else 3 end"


@dataclass
class CrawlSummary:
    fetched: int = 0
    unchanged: int = 0
    failed: int = 0
    duplicates: int = 0
    not_articles: int = 0
    skipped: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (f"{self.fetched} fetched, {self.unchanged} unchanged, {self.failed} failed, {len(self.skipped)} skipped, "
                f"{self.duplicates} duplicates of a stored page, {self.not_articles} not articles")


@dataclass
class _Outcome:
    response: Response | None = None
    error: FetchError | None = None
    refusal: str | None = None


@dataclass
class _Site:
    profile: PortalProfile
    fetcher: Fetcher
    rules: PortalRules
    started: str
    summary: CrawlSummary = field(default_factory=CrawlSummary)
    shapes: UrlShapes = field(default_factory=UrlShapes)
    signatures: set = field(default_factory=set)  # of the article blocks of the site's listings
    visits: int = 0
    seeded: bool = False
    job: Future | None = None
    row: dict | None = None

    @property
    def drop_params(self) -> tuple[str, ...]:
        return tuple(self.rules.drop_params)

    def pattern(self, name: str) -> re.Pattern | None:
        value = getattr(self.profile, name)
        return re.compile(value) if value else None


def crawl(profile: PortalProfile, catalogue: Catalogue, fetcher: Fetcher | None = None, max_urls: int = 1000,
          on_visit: Callable[[str], None] | None = None, rules: PortalRules | None = None) -> CrawlSummary:
    """Visit pending URLs of one portal until none is left (or `max_urls`)."""
    factory = (lambda _: fetcher) if fetcher else None
    return crawl_sites([profile], catalogue, factory, max_urls, on_visit, rules=rules)[profile.name]


def crawl_sites(profiles: list[PortalProfile], catalogue: Catalogue, fetcher_factory: Callable | None = None,
                max_urls: int = 1000, on_visit: Callable[[str], None] | None = None, workers: int = 8,
                rules: PortalRules | None = None) -> dict[str, CrawlSummary]:
    """Crawl several portals at once: one request in flight per portal, `workers` portals at a
    time; `on_visit(url)` is called after each URL, for a progress display."""
    rules = rules or load_portals()
    started = _now()
    sites = [_Site(p, fetcher_factory(p) if fetcher_factory else _default_fetcher(p), rules, started) for p in profiles]
    for site in sites:
        _seed(site, catalogue)
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(sites)))) as pool:
        while True:
            for site in sites:
                if site.job is None and site.visits < max_urls:
                    _start(site, catalogue, pool)
            running = {site.job: site for site in sites if site.job is not None}
            if not running:
                break
            for job in wait(running, return_when=FIRST_COMPLETED).done:
                site = running[job]
                row, site.job, site.row = site.row, None, None
                _settle(site, row, job.result(), catalogue)
                if on_visit:
                    on_visit(row["url"])
    return {site.profile.name: site.summary for site in sites}


def _default_fetcher(profile: PortalProfile) -> Fetcher:
    return Fetcher(set(profile.hosts), FetchOptions(delay=profile.delay))


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def _seed(site: _Site, catalogue: Catalogue) -> None:
    name = site.profile.name
    listings = [canonical_url(u, "", site.drop_params) or u for u in site.profile.listings]
    catalogue.frontier_add([{"url": u, "site": name, "kind": "listing", "depth": 0} for u in listings])
    for kind in ("listing", "sitemap", "feed"):
        catalogue.frontier_reopen(name, kind)


def _start(site: _Site, catalogue: Catalogue, pool: ThreadPoolExecutor) -> None:
    """Hand the site's next URL to a thread, with the form to post for an ASP.NET pager."""
    rows = catalogue.rows(
        f"select * from crawl_urls where site = ? and (status = 'pending' or (status = 'failed' and attempts < ? "
        f"and coalesce(fetched_at, '') < ?)) order by {_ORDER}, added_at, rowid limit 1",
        [site.profile.name, MAX_ATTEMPTS, site.started],
    )
    if not rows:
        site.visits = 1 << 30  # nothing left: the site is done
        return
    row, form = rows[0], None
    url = row["url"]
    if POSTBACK_MARK in url:
        url, form = _postback(row, catalogue)
    site.visits += 1
    site.row = row
    site.job = pool.submit(_fetch, site.fetcher, url, row, form)


def _postback(row: dict, catalogue: Catalogue) -> tuple[str, dict | None]:
    page, event = row["url"].split(POSTBACK_MARK, 1)
    parent = catalogue.rows("select content_sha, url from crawl_urls where url = ?", [row["parent"]])
    if not parent or not parent[0]["content_sha"]:
        return page, None  # the page it came from is gone: fetch the listing itself
    target, _, argument = event.partition("|")
    return postback_form(decode_html(catalogue.raw(parent[0]["content_sha"])), page, target, argument)


def _fetch(fetcher: Fetcher, url: str, row: dict, form: dict | None) -> _Outcome:
    """In a worker thread: the network only."""
    refusal = fetcher.refusal(url)
    if refusal:
        return _Outcome(refusal=refusal)
    try:
        etag, modified = (row["etag"], row["last_modified"]) if form is None else (None, None)
        return _Outcome(response=fetcher.fetch(url, etag, modified, form))
    except FetchError as exc:
        return _Outcome(error=exc)


def _settle(site: _Site, row: dict, outcome: _Outcome, catalogue: Catalogue) -> None:
    """Record what a fetch gave and queue what it links to (in the calling thread)."""
    url, summary, now = row["url"], site.summary, _now()
    if outcome.refusal:
        catalogue.frontier_update(url, status="skipped", reason=outcome.refusal, fetched_at=now)
        summary.skipped.append(url)
        return
    if outcome.error is not None and row["kind"] in ("sitemap", "feed") and outcome.error.status in (404, 410):
        catalogue.frontier_update(url, status="seen", reason=f"none here ({outcome.error})", fetched_at=now)
        return
    if outcome.error is not None:
        exc = outcome.error
        attempts = (row["attempts"] or 0) + 1 if exc.retryable else MAX_ATTEMPTS  # a 404 is not asked again
        catalogue.frontier_update(url, status="failed", attempts=attempts, reason=str(exc), fetched_at=now)
        summary.failed += 1
        summary.failures.append(str(exc))
        return
    response = outcome.response
    if response.not_modified:
        _not_modified(site, row, catalogue, now)
        return
    content_type, markup = _content(response)
    sha = hashlib.sha256(response.body).hexdigest()
    catalogue.store_raw(sha, content_type, response.body)  # per-content-hash dedup of the bytes
    fields = {"content_sha": sha, "content_type": content_type, "etag": response.headers.get("etag"),
              "last_modified": response.headers.get("last-modified"), "fetched_at": now, "reason": None}
    status = _read(site, row, response, markup, catalogue, fields)
    catalogue.frontier_update(url, status=status, **fields)
    if status in ("fetched", "seen") and sha == row["content_sha"]:
        summary.unchanged += 1
    elif status == "fetched":
        summary.fetched += 1


def _content(response: Response) -> tuple[str, str | None]:
    """The content type the bytes show (a DOCX served as octet-stream is a DOCX) and, for a
    page, its text decoded with the header's charset."""
    declared = response.headers.get("content-type", "")
    suffix = suffix_of(response.body, declared, response.headers.get("content-disposition"), response.url)
    if suffix != ".html":
        return (declared if suffix == ".txt" and declared else mime_of(suffix)), None
    return (declared if "html" in declared.lower() else "text/html"), decode_html(response.body, header_charset(declared))


def _not_modified(site: _Site, row: dict, catalogue: Catalogue, now: str) -> None:
    """A listing unchanged since the last run is read again from its stored bytes: its links
    teach this run the site's article shapes."""
    catalogue.frontier_update(row["url"], status="seen" if row["kind"] in ("listing", "sitemap", "feed") else "unchanged", fetched_at=now)
    site.summary.unchanged += 1
    if row["kind"] in ("listing", "sitemap", "feed") and row["content_sha"]:
        body = catalogue.raw(row["content_sha"])
        response = Response(row["url"], 200, {"content-type": row["content_type"] or ""}, body)
        markup = decode_html(body, header_charset(row["content_type"] or "")) if "html" in (row["content_type"] or "") else None
        _read(site, row, response, markup, catalogue, {})


def _read(site: _Site, row: dict, response: Response, markup: str | None, catalogue: Catalogue, fields: dict) -> str:
    """Queue what one fetched item links to; its new status."""
    kind = row["kind"]
    if kind in ("sitemap", "feed") or (kind == "listing" and markup is None):
        _queue_discovered(site, row, response.body, catalogue)
        return "seen"
    if kind == "listing":
        _queue_listing(site, row, response, markup, catalogue)
        return "seen"
    if kind == "attachment" or markup is None:
        return "fetched"
    facts = read_facts(markup, response.url, site.rules.words, site.drop_params)
    _queue(catalogue, site, row, "attachment", [a for a in facts.attachments if host_of(a) in site.fetcher.allowed_hosts])
    if not facts.is_article:
        site.summary.not_articles += 1
        fields["reason"] = "not an article: a list of links (a menu, category or tag page)"
        return "not_article"
    return _canonical_home(site, row, response, facts, catalogue, fields)


def _queue_listing(site: _Site, row: dict, response: Response, markup: str, catalogue: Catalogue) -> None:
    listing = read_listing(markup, response.url, site.rules.words, site.drop_params,
                           site.pattern("article_pattern"), site.pattern("next_pattern"), site.signatures)
    own = [u for u in listing.articles if host_of(u) in site.fetcher.allowed_hosts]
    site.shapes.learn(own)
    _queue(catalogue, site, row, "article", own)
    if row["depth"] + 1 < site.profile.max_listing_pages:
        _queue(catalogue, site, row, "listing", [u for u in listing.pages if host_of(u) in site.fetcher.allowed_hosts])
    _queue(catalogue, site, row, "feed", [u for u in listing.feeds if host_of(u) in site.fetcher.allowed_hosts])
    if not site.seeded:
        site.seeded = True
        robots = site.fetcher.robots(response.url)
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(response.url))
        _queue(catalogue, site, row, "sitemap", robots.sitemaps or [f"{origin}/sitemap.xml"])


def _queue_discovered(site: _Site, row: dict, body: bytes, catalogue: Catalogue) -> None:
    """A sitemap's entries shaped like the articles the listings hold, a feed's items all."""
    found = read_xml_links(body)
    pages = [canonical_url(u, row["url"], site.drop_params) for u in found.pages]
    pages = [u for u in pages if u and host_of(u) in site.fetcher.allowed_hosts]
    if found.kind == "sitemap":
        article_re = site.pattern("article_pattern")
        pages = [u for u in pages if (article_re.search(u) if article_re else site.shapes.matches(u))]
        children = [canonical_url(u, row["url"]) for u in found.sitemaps]
        _queue(catalogue, site, row, "sitemap", [u for u in children if u and host_of(u) in site.fetcher.allowed_hosts])
    _queue(catalogue, site, row, "article", pages)


def _canonical_home(site: _Site, row: dict, response: Response, facts: PageFacts, catalogue: Catalogue, fields: dict) -> str:
    """Store the article under its canonical URL; this URL, if another, becomes its duplicate."""
    url = row["url"]
    home = _accepted_canonical(site, url, facts.canonical) or _accepted_canonical(
        site, url, canonical_url(response.url, "", site.drop_params))
    if home is None:
        return "fetched"
    existing = catalogue.rows("select status from crawl_urls where url = ?", [home])
    if not existing:
        catalogue.frontier_add([{"url": home, "site": site.profile.name, "kind": row["kind"], "depth": row["depth"],
                                 "parent": url, "status": "fetched", **fields}])
        site.summary.fetched += 1
    elif existing[0]["status"] in ("pending", "failed"):
        catalogue.frontier_update(home, status="fetched", **fields)
        site.summary.fetched += 1
    site.summary.duplicates += 1
    fields["reason"] = f"the same article as {home}"
    return "duplicate"


def _accepted_canonical(site: _Site, url: str, canonical: str | None) -> str | None:
    """A canonical URL other than this one, on the site's hosts, and no site root or listing
    (a portal that names its home page as every page's canonical names nothing)."""
    if not canonical or canonical == url or host_of(canonical) not in site.fetcher.allowed_hosts:
        return None
    if urlsplit(canonical).path in ("", "/") or canonical in site.profile.listings:
        return None
    return canonical


def _queue(catalogue: Catalogue, site: _Site, row: dict, kind: str, urls: list[str]) -> None:
    catalogue.frontier_add([
        {"url": u, "site": site.profile.name, "kind": kind, "depth": row["depth"] + 1, "parent": row["url"]}
        for u in dict.fromkeys(urls) if u != row["url"]
    ])


def fetched_document(row: dict, body: bytes, directory: Path) -> Path:
    """Write fetched bytes to a file named by content hash (never by the server's file name),
    with the suffix the bytes show, atomically: the same bytes fetched at two URLs are written by
    two workers at once. A page is written as UTF-8 with a byte-order mark, decoded
    with the charset its HTTP header gave (a charset only the header names is no mojibake)."""
    content_type = row["content_type"] or ""
    suffix = suffix_of(body, content_type, None, row["url"])
    if suffix == ".html" and decode_bom(body) is None:
        body = decode_html(body, header_charset(content_type)).encode("utf-8-sig")
    path = Path(directory) / f"{row['content_sha'][:32]}{suffix}"
    write_bytes_atomic(path, body)
    return path
