"""robots.txt as RFC 9309 reads it, parsed by protego (wildcards, `$`, longest-match
precedence, Crawl-delay, Request-rate, Sitemap): a robots.txt that redirects is followed up to
five hops; a 4xx answer means no rules (all allowed); a 5xx answer, or a host that cannot be
reached, means everything is disallowed until it answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urljoin, urlsplit

from protego import Protego

MAX_ROBOTS_BYTES = 512_000  # RFC 9309: parse at least 500 KiB
MAX_REDIRECTS = 5


@dataclass
class Robots:
    """The rules of one origin, or a blanket allow / disallow with the reason for it."""

    parser: Protego | None = None
    allow_all: bool = False
    reason: str = ""  # why everything is disallowed: names the status or the network error
    sitemaps: list[str] = field(default_factory=list)

    def allows(self, url: str, agent: str) -> bool:
        if self.parser is not None:
            return self.parser.can_fetch(url, agent)
        return self.allow_all

    def interval(self, agent: str) -> float:
        """The seconds robots.txt asks between two requests: Crawl-delay, or a Request-rate's
        period over its count, whichever is longer."""
        if self.parser is None:
            return 0.0
        delay = self.parser.crawl_delay(agent) or 0.0
        rate = self.parser.request_rate(agent)
        if rate and rate.requests:
            delay = max(delay, rate.seconds / rate.requests)
        return float(delay)


@dataclass
class RobotsAnswer:
    """What one request for robots.txt gave: a status and body, or a network error."""

    status: int | None
    body: bytes = b""
    location: str | None = None
    error: str | None = None


def load_robots(origin: str, get: Callable[[str], RobotsAnswer], same_site: Callable[[str], bool]) -> Robots:
    """Fetch and read `origin`/robots.txt with `get`; redirects are followed while `same_site`
    allows the target (a robots.txt that moves off the allowed hosts counts as unreachable)."""
    url = f"{origin}/robots.txt"
    for _ in range(MAX_REDIRECTS + 1):
        answer = get(url)
        if answer.error is not None:  # "host unreachable (connection refused)", "timed out"
            reason = answer.error if answer.error.startswith("host unreachable") else f"robots.txt not read: {answer.error}"
            return Robots(reason=reason)
        if answer.status in (301, 302, 303, 307, 308) and answer.location:
            url = urljoin(url, answer.location)
            if not same_site(url):
                return Robots(reason=f"robots.txt redirects off the allowed hosts to {url}")
            continue
        return _from_status(answer, url)
    return Robots(allow_all=True)  # RFC 9309 2.3.1.2: past five redirects, robots.txt is unavailable


def _from_status(answer: RobotsAnswer, url: str) -> Robots:
    status = answer.status or 0
    if 200 <= status < 300:
        parser = Protego.parse(answer.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace"))
        return Robots(parser=parser, sitemaps=[urljoin(url, s) for s in parser.sitemaps])
    if status == 429 or status >= 500:
        return Robots(reason=f"robots.txt answered HTTP {status}")
    return Robots(allow_all=True)  # 4xx: "unavailable", any resource may be fetched


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
