"""The crawler on fixture portals of every CMS family (tests/cms_fixtures.py), none of which has
a profile: all are crawled at once from their first listing page, then extracted, on a virtual
clock (robots.txt asks 1-3 s between requests; no test sleeps through them). Measured as the
issue asks: articles found, duplicates stored, disallowed or off-host requests, intervals
against Crawl-delay, main text precision and recall by words, title and date, attachments."""

from __future__ import annotations

import collections
import re
import unicodedata

import pytest
from protego import Protego

from chitieu.catalogue import Catalogue
from chitieu.runner import run_all
from chitieu.sources.fetch import USER_AGENT, Fetcher, FetchOptions
from chitieu.sources.politeness import VirtualClock
from chitieu.sources.portals import load_portals
from chitieu.sources.urls import canonical_url
from tests import cms_fixtures as fx
from tests.cms_pages import OFF_HOST, render_site

OPTIONS = FetchOptions(delay=1.0, timeout=5.0, deadline=30.0)
DROP = tuple(load_portals().drop_params)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    clock, sites = VirtualClock(), fx.build_sites()
    fx.serve(sites, clock)
    db = tmp_path_factory.mktemp("cms") / "c.db"
    try:
        starts = [site.base + fx.listing_path(site.layout, 1) for site in sites]
        factory = lambda profile: Fetcher(set(profile.hosts), OPTIONS, clock)  # noqa: E731
        report = run_all(db, starts, workers=2, fetcher_factory=factory, timeout=120)
        yield sites, Catalogue(db), report, (db, starts, factory)
    finally:
        fx.stop(sites)


def words(text: str) -> collections.Counter:
    return collections.Counter(re.findall(r"\w+", unicodedata.normalize("NFC", text).lower()))


def precision_recall(got: str, expected: str) -> tuple[float, float]:
    got_words, expected_words = words(got), words(expected)
    common = sum((got_words & expected_words).values())
    return common / max(1, sum(got_words.values())), common / max(1, sum(expected_words.values()))


def stored(site, catalogue: Catalogue) -> dict[int, dict]:
    """Gold article number -> its stored document row."""
    found = {}
    for article in site.articles:
        url = canonical_url(site.base + fx.article_path(site.layout, article), "", DROP)
        rows = catalogue.rows("select d.* from crawl_urls c join documents d on d.id = c.document_id where c.url = ?", [url])
        if rows:
            found[article.number] = rows[0]
    return found


def test_articles_found_and_stored_once(crawled):
    sites, catalogue, report, _ = crawled
    total = sum(len(site.articles) for site in sites)
    found = {site.layout.name: stored(site, catalogue) for site in sites}
    assert sum(map(len, found.values())) >= 0.95 * total, {name: sorted(rows) for name, rows in found.items()}
    for site in sites:
        for article in site.articles:
            copies = catalogue.rows("select id from documents where title = ?", [article.title])
            assert len(copies) <= 1, (site.layout.name, article.title)  # URL variants, 301s, counters: one document
    assert "failed" not in report.split("extracted")[0].replace("0 failed", ""), report


def test_no_disallowed_or_off_host_request_and_every_interval_keeps_crawl_delay(crawled):
    sites, catalogue, _, _ = crawled
    for site in sites:
        robots = Protego.parse(render_site(site, "/robots.txt", {}, 0)[2].decode())
        times = sorted(t for t, _, _ in site.requests)
        assert all(robots.can_fetch(site.base + path, USER_AGENT) for _, _, path in site.requests), site.layout.name
        gaps = [b - a for a, b in zip(times, times[1:])]
        assert min(gaps) >= site.layout.delay - 1e-6, (site.layout.name, min(gaps))
    assert not catalogue.rows("select url from crawl_urls where url like ?", [f"%{OFF_HOST}%"])


def test_main_text_title_and_date(crawled):
    sites, catalogue, _, _ = crawled
    scores, titles, dates, misses = [], [], [], []
    for site in sites:
        for number, row in stored(site, catalogue).items():
            article = site.articles[number - 1]
            scores.append(precision_recall(row["text"], article.text))
            titles.append(row["title"] == article.title)
            dates.append(row["published"] == article.published.isoformat())
            if min(scores[-1]) < 0.95 or not titles[-1] or not dates[-1]:
                misses.append((site.layout.name, number, scores[-1], row["title"], row["published"]))
    precision = sum(p for p, _ in scores) / len(scores)
    recall = sum(r for _, r in scores) / len(scores)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, misses)
    assert sum(titles) >= 0.95 * len(titles) and sum(dates) >= 0.95 * len(dates), "\n".join(map(str, misses))


def test_every_linked_attachment_is_read(crawled):
    sites, catalogue, _, _ = crawled
    paths = {"pdf": "/files/kh-{n}.pdf", "docx": "/files/kh-{n}.docx", "octet-docx": "/DownloadFile.ashx?id={n}"}
    kinds = collections.Counter()
    for site in sites:
        for article in site.articles:
            for kind in article.attachments:
                url = canonical_url(site.base + paths[kind].format(n=article.number), "", DROP)
                rows = catalogue.rows("select d.status, d.text from crawl_urls c join documents d on d.id = c.document_id where c.url = ?", [url])
                assert rows and rows[0]["text"].strip(), (site.layout.name, kind, url)
                kinds[kind] += 1
    assert set(kinds) == {"pdf", "docx", "octet-docx"}


def test_second_run_fetches_no_article_again_and_stores_nothing_new(crawled):
    sites, catalogue, _, (db, starts, factory) = crawled
    documents = catalogue.db["documents"].count
    before = {site.layout.name: len(site.requests) for site in sites}
    article_paths = {fx.split_path(fx.article_path(site.layout, a))[0] for site in sites for a in site.articles}
    report = run_all(db, starts, workers=1, fetcher_factory=factory, timeout=120)
    assert "extracted 0 new documents" in report
    assert Catalogue(db).db["documents"].count == documents
    for site in sites:
        again = [path for _, method, path in site.requests[before[site.layout.name]:] if method == "GET"]
        assert not [p for p in again if fx.split_path(p)[0] in article_paths], (site.layout.name, again)
