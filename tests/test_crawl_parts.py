"""The crawler's parts, table-driven and without a network: robots.txt as RFC 9309 reads it,
pacing and its backoff, URL spellings, content types from bytes, a charset only the header
names, operator profile files."""

from __future__ import annotations

import os

import pytest

from chitieu.errors import RuleError
from chitieu.sources.crawl import fetched_document
from chitieu.sources.files import read_file
from chitieu.sources.politeness import HostPacer, VirtualClock
from chitieu.sources.portals import load_portals
from chitieu.sources.robots import RobotsAnswer, load_robots
from chitieu.sources.sniff import file_name, suffix_of
from chitieu.sources.urls import canonical_url
from tests.test_fuzz import make_docx

AGENT = "chitieu/0.1"


@pytest.mark.parametrize("answers, url, allowed, reason", [
    ([RobotsAnswer(404)], "http://h/x", True, ""),
    ([RobotsAnswer(503)], "http://h/x", False, "robots.txt answered HTTP 503"),
    ([RobotsAnswer(None, error="host unreachable (connection refused)")], "http://h/x", False, "host unreachable (connection refused)"),
    ([RobotsAnswer(301, location="/r.txt"), RobotsAnswer(200, b"User-agent: *\nDisallow: /x")], "http://h/x", False, ""),
    ([RobotsAnswer(200, b"User-agent: *\nDisallow: /*.pdf$\nAllow: /a/\nDisallow: /a/b")], "http://h/a/b/c", False, ""),
    ([RobotsAnswer(200, b"User-agent: *\nDisallow: /*.pdf$\nAllow: /a/\nDisallow: /a/b")], "http://h/a/c.pdf?x=1", True, ""),
])
def test_robots_rfc9309(answers, url, allowed, reason):
    replies = iter(answers)
    robots = load_robots("http://h", lambda _: next(replies), lambda _: True)
    assert robots.allows(url, AGENT) is allowed and robots.reason == reason


def test_crawl_delay_and_request_rate_set_the_interval():
    robots = load_robots("http://h", lambda _: RobotsAnswer(200, b"User-agent: *\nCrawl-delay: 2\nRequest-rate: 1/5"), lambda _: True)
    assert robots.interval(AGENT) == 5.0


def test_backoff_recovers_after_successes():
    clock = VirtualClock()
    pacer = HostPacer(delay=1.0, clock=clock)
    for _ in range(4):
        pacer.failed()
    assert pacer.interval > 8
    for _ in range(8):
        pacer.wait()
        pacer.succeeded()
    assert pacer.interval == 1.0


def test_retry_after_is_obeyed_up_to_its_ceiling():
    clock = VirtualClock()
    pacer = HostPacer(delay=1.0, clock=clock, max_wait=30)
    pacer.failed(retry_after=3600)
    assert pacer.next_time - clock.now() == 30


@pytest.mark.parametrize("href, expected", [
    ("/web/p/-/ke-hoach?redirect=%2Fweb%2Fp&inheritRedirect=true", "http://h.vn/web/p/-/ke-hoach"),
    ("/tin?id=3&utm_source=fb&fbclid=x#top", "http://h.vn/tin?id=3"),
    ("/a/../b/?_101_INSTANCE_x_redirect=/c&_101_INSTANCE_x_cur=2", "http://h.vn/b/?_101_INSTANCE_x_cur=2"),
    ("javascript:__doPostBack('a','b')", None),
    ("mailto:a@b.vn", None),
])
def test_canonical_url(href, expected):
    assert canonical_url(href, "http://H.vn:80/", tuple(load_portals().drop_params)) == expected


def test_content_type_from_bytes_and_disposition():
    docx = make_docx("Phấn đấu giảm tỷ lệ hộ nghèo")
    assert suffix_of(docx, "application/octet-stream", None, "http://h/DownloadFile.ashx?id=3") == ".docx"
    assert suffix_of(b"%PDF-1.4 ...", "text/html", None, "http://h/view.aspx") == ".pdf"
    assert suffix_of(b"plain words", "application/octet-stream", 'attachment; filename="kh.txt"', "http://h/d") == ".txt"
    assert file_name("attachment; filename*=UTF-8''..%2F..%2Fk%E1%BA%BF.docx") == "kế.docx"


def test_a_charset_only_the_header_names_reaches_the_reader(tmp_path):
    body = "<html><body><p>Phấn đấu giảm tỷ lệ hộ nghèo xuống còn 3%.</p></body></html>".encode("utf-16-le")
    row = {"content_type": "text/html; charset=utf-16le", "url": "http://h/tin.html", "content_sha": "ab" * 32}
    document = read_file(fetched_document(row, body, tmp_path), source="http://h/tin.html")
    assert "Phấn đấu giảm tỷ lệ hộ nghèo" in document.text


def test_the_same_bytes_written_again_leave_an_open_reader_its_whole_file(tmp_path):
    """One attachment served at two URLs is written by two workers at once: the second write is a
    new file renamed into place, never the first one truncated under its reader."""
    body = make_docx("Phấn đấu giảm tỷ lệ hộ nghèo")
    row = {"content_type": "application/octet-stream", "url": "http://h/DownloadFile.ashx?id=2", "content_sha": "cd" * 32}
    path = fetched_document(row, body, tmp_path)
    with open(path, "rb") as reader:
        fetched_document(dict(row, url="http://h/files/kh-2.docx"), body, tmp_path)
        assert os.fstat(reader.fileno()).st_ino != os.stat(path).st_ino
        assert reader.read() == body
    assert path.read_bytes() == body and [p.name for p in tmp_path.iterdir()] == [path.name]


def test_operator_profiles_file(tmp_path):
    good = tmp_path / "p.yaml"
    good.write_text("version: 1\nportals:\n  - id: tinh-a.v1\n    name: tinh-a\n    hosts: [a.gov.vn]\n"
                    "    listings: ['https://a.gov.vn/tin-tuc']\n", encoding="utf-8")
    assert [p.name for p in load_portals(good).portals][-1] == "tinh-a"
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nportals:\n  - id: tinh-a.v1\n    name: tinh-a\n    hosts: [a.gov.vn]\n"
                   "    listings: ['https://a.gov.vn/']\n    delay: 0.1\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"bad\.yaml:3: portals\.0\.delay"):
        load_portals(bad)


def test_portal_word_examples():
    words = load_portals().words
    how = {"next_page": "whole", "attachment": "anywhere"}
    from chitieu.sources.portals import label_is

    for name in type(words).model_fields:
        rule = getattr(words, name)
        assert all(label_is(t, rule, how.get(name, "start")) for t in rule.examples.positive), name
        assert not any(label_is(t, rule, how.get(name, "start")) for t in rule.examples.negative), name
