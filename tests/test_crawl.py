"""Crawling a fixture portal on loopback: what is fetched, what is skipped and why, that a
second run fetches nothing new, and that a killed run resumes without loss or duplicates."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from chitieu.catalogue import Catalogue
from chitieu.runner import run_all
from chitieu.sources.crawl import crawl, load_portals, profile_for
from chitieu.sources.fetch import Fetcher, FetchOptions
from chitieu.sources.politeness import VirtualClock
from tests.portal_fixture import SLUG, Portal

FAST = FetchOptions(delay=0.01, timeout=0.5, deadline=8.0, max_bytes=1_000_000, retries=2, max_retry_after=2)


@pytest.fixture()
def portal():
    with Portal() as served:
        yield served


def fetcher_for(profile):
    return Fetcher(set(profile.hosts), FAST, VirtualClock())  # the waits a crawl owes a host pass in virtual time


def statuses(db):
    return {row["url"].split("/")[-1]: (row["status"], row["reason"] or "") for row in Catalogue(db).db["crawl_urls"].rows}


def test_crawl_fetches_skips_and_records_why(portal, tmp_path):
    db = tmp_path / "c.db"
    report = run_all(db, [f"{portal.base}/news?page=1"], fetcher_factory=fetcher_for, timeout=60)
    seen = statuses(db)
    for n in range(1, 6):
        assert seen[f"{SLUG}-a{n}.html"][0] == "extracted", seen
    assert seen[f"{SLUG}-flaky.html"][0] == "extracted"  # a 500, then success on retry
    assert seen[f"{SLUG}-busy.html"][0] == "extracted"  # a 429 with Retry-After, then success
    assert seen[f"{SLUG}-secret.html"] == ("skipped", "disallowed by robots.txt")
    assert f"{SLUG}-offsite.html" not in seen  # never followed off the host
    assert seen[f"{SLUG}-missing.html"][0] == "failed" and "HTTP 404" in seen[f"{SLUG}-missing.html"][1]
    assert seen[f"{SLUG}-slow.html"][0] == "failed" and "timed out" in seen[f"{SLUG}-slow.html"][1]
    assert "after decompression" in seen[f"{SLUG}-bomb.html"][1]
    assert "1,000,000 bytes" in seen[f"{SLUG}-huge.html"][1]
    assert seen["kh-2.docx"][0] == "extracted"
    assert seen["kh-2.pdf"][0] == "extract_failed" and "not a readable PDF" in seen["kh-2.pdf"][1]
    assert portal.count("-secret.html") == 0
    assert "extracted" in report

    catalogue = Catalogue(db)
    values = sorted(row["value_min"] for row in catalogue.db["targets"].rows if row["indicator"] == "poverty.rate")
    assert 18.5 in values and 3.0 in values  # an article and its DOCX attachment
    docs = {row["source"] for row in catalogue.db["documents"].rows}
    assert f"{portal.base}/files/kh-2.docx" in docs


def test_second_run_fetches_nothing_new(portal, tmp_path):
    db = tmp_path / "c.db"
    run_all(db, [f"{portal.base}/news?page=1"], fetcher_factory=fetcher_for, timeout=60)
    articles_before = sum(1 for path, _ in portal.requests if "/tin/" in path or "/files/" in path)
    documents_before = Catalogue(db).db["documents"].count
    report = run_all(db, [f"{portal.base}/news?page=1"], fetcher_factory=fetcher_for, timeout=60)
    articles_after = sum(1 for path, _ in portal.requests if "/tin/" in path or "/files/" in path)
    failed_retries = articles_after - articles_before
    # only what may pass is tried again, with its bounded retries: the slow page (not the 404, huge, bomb)
    assert failed_retries <= 1 + FAST.retries
    listing_requests = [headers for path, headers in portal.requests if path.startswith("/news")]
    assert any("If-None-Match" in headers for headers in listing_requests[2:])  # conditional GET
    assert Catalogue(db).db["documents"].count == documents_before
    assert "extracted 0 new documents" in report


def test_killed_crawl_resumes_without_loss_or_duplicates(portal, tmp_path):
    db = tmp_path / "c.db"
    script = textwrap.dedent(f"""
        import time
        from chitieu.catalogue import Catalogue
        from chitieu.sources.crawl import crawl, load_portals, profile_for
        from chitieu.sources.fetch import Fetcher, FetchOptions
        profile = profile_for("{portal.base}/news?page=1", load_portals())
        crawl(profile, Catalogue("{db}"), Fetcher(set(profile.hosts), FetchOptions(delay=0.3, timeout=1.0, retries=0)))
    """)
    child = subprocess.Popen([sys.executable, "-c", script], cwd=os.getcwd())
    deadline = time.monotonic() + 60
    while portal.count(".html") < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    fetched_before = {u for u, (status, _) in statuses(db).items() if status == "fetched"}
    assert 0 < len(fetched_before) < 8

    profile = profile_for(f"{portal.base}/news?page=1", load_portals())
    crawl(profile, Catalogue(db), fetcher_for(profile))
    seen = statuses(db)
    assert all(seen[f"{SLUG}-a{n}.html"][0] == "fetched" for n in range(1, 6))
    rows = list(Catalogue(db).db["crawl_urls"].rows)
    assert len(rows) == len({row["url"] for row in rows})  # no duplicates
    for url in fetched_before:
        assert portal.count(url) == 1, url  # finished before the kill: not fetched again


def test_unknown_site_is_a_clear_error():
    from chitieu.sources.fetch import FetchError

    with pytest.raises(FetchError, match="neither a portal profile"):
        profile_for("not-a-portal", load_portals())


def test_robots_unreachable_means_disallow(tmp_path):
    fetcher = Fetcher({"127.0.0.1"}, FetchOptions(delay=0, timeout=0.5, retries=0))
    assert fetcher.allowed("http://127.0.0.1:9/anything") is False  # nothing listens on port 9
