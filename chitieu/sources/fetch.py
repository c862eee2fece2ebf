"""Polite HTTP fetching: robots.txt (RFC 9309), one request at a time per host with a delay
that never shrinks, Retry-After, bounded retries with backoff, timeouts and a total deadline,
a byte cap applied after decompression, conditional GET, no redirect off the allowed hosts."""

from __future__ import annotations

import email.utils
import http.client
import time
import urllib.error
import urllib.request
import urllib.robotparser
import zlib
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urljoin, urlparse

from ..errors import SourceError

USER_AGENT = "chitieu/0.1 (+research; plan targets)"


@dataclass(frozen=True)
class FetchOptions:
    delay: float = 1.0  # seconds between two requests to one host; errors only lengthen it
    timeout: float = 30.0  # for connecting and for every read of the socket
    deadline: float = 120.0  # total seconds for one URL, retries included
    max_bytes: int = 20_000_000  # after decompression
    retries: int = 3
    backoff: float = 2.0
    max_retry_after: float = 300.0


@dataclass
class Response:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""
    not_modified: bool = False


class FetchError(SourceError):
    def __init__(self, message: str, status: int | None = None, retryable: bool = False):
        super().__init__(message)
        self.status, self.retryable = status, retryable


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D401 - urllib's signature
        return None  # redirects are followed by Fetcher, which checks the host first


@dataclass
class Fetcher:
    """One fetcher per crawl: it remembers each host's robots.txt and last request time."""

    allowed_hosts: set[str]
    options: FetchOptions = field(default_factory=FetchOptions)
    sleep: Callable[[float], None] = time.sleep
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _next_time: dict[str, float] = field(default_factory=dict)
    _delay: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(_NoRedirect())

    # ------------------------------------------------------------------ robots

    def allowed(self, url: str) -> bool:
        parsed = urlparse(url)
        if parsed.hostname not in self.allowed_hosts or parsed.scheme not in ("http", "https"):
            return False
        origin = f"{parsed.scheme}://{parsed.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        robots = self._robots[origin]
        return robots is not None and robots.can_fetch(USER_AGENT, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """RFC 9309: 4xx means no rules (all allowed); 5xx or unreachable means disallow all."""
        parser = urllib.robotparser.RobotFileParser()
        try:
            response = self._request(f"{origin}/robots.txt", {}, max_bytes=500_000)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                parser.parse([])
                return parser
            return None
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return parser

    # ------------------------------------------------------------------ fetch

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET with retries; raises FetchError with the last status and reason."""
        if not self.allowed(url):
            raise FetchError(f"{url}: disallowed (robots.txt or not a configured host)")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        started = time.monotonic()
        attempt, redirects = 0, 0
        while True:
            try:
                response = self._request(url, headers)
            except FetchError as exc:
                attempt += 1
                remaining = self.options.deadline - (time.monotonic() - started)
                if not exc.retryable or attempt > self.options.retries or remaining <= 0:
                    raise
                continue
            if response.status in (301, 302, 303, 307, 308):
                target = urljoin(url, response.headers.get("location", ""))
                redirects += 1
                if redirects > 5 or not self.allowed(target):
                    raise FetchError(f"{url}: redirect to {target} not followed (off the configured hosts or a loop)", response.status)
                url = target
                continue
            return response

    def _request(self, url: str, headers: dict, max_bytes: int | None = None) -> Response:
        host = urlparse(url).hostname or ""
        wait = self._next_time.get(host, 0) - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        delay = self._delay.setdefault(host, self.options.delay)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate", **headers})
        try:
            with self._opener.open(request, timeout=self.options.timeout) as raw:
                body = _read_capped(raw, max_bytes or self.options.max_bytes, url)
                response = Response(raw.geturl(), raw.status, {k.lower(): v for k, v in raw.headers.items()}, body)
        except urllib.error.HTTPError as exc:
            status = exc.code
            retry_after = _retry_after(exc.headers.get("Retry-After"), self.options.max_retry_after)
            self._next_time[host] = time.monotonic() + max(delay, retry_after or 0)
            if status in (301, 302, 303, 307, 308):
                return Response(url, status, {k.lower(): v for k, v in exc.headers.items()})
            if status == 304:
                return Response(url, 304, {}, not_modified=True)
            if status in (429, 500, 502, 503, 504):
                # errors never shorten the delay: they lengthen it, up to Retry-After
                self._delay[host] = min(max(delay * self.options.backoff, retry_after or 0), self.options.max_retry_after)
                self._next_time[host] = time.monotonic() + self._delay[host]
            raise FetchError(f"{url}: HTTP {status}", status, retryable=status in (429, 500, 502, 503, 504)) from exc
        except (urllib.error.URLError, http.client.HTTPException, TimeoutError, ConnectionError, OSError) as exc:
            self._next_time[host] = time.monotonic() + delay * self.options.backoff
            raise FetchError(f"{url}: {getattr(exc, 'reason', exc)}", retryable=True) from exc
        self._next_time[host] = time.monotonic() + delay
        return response


def _read_capped(raw, max_bytes: int, url: str) -> bytes:
    """Read and decompress, stopping as soon as the decompressed size passes the cap."""
    encoding = (raw.headers.get("Content-Encoding") or "").lower()
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == "gzip" else (
        zlib.decompressobj() if encoding == "deflate" else None)
    chunks, total = [], 0
    while True:
        chunk = raw.read(65536)
        if not chunk:
            break
        if decompressor:
            chunk = decompressor.decompress(chunk, max_bytes + 1 - total)
        total += len(chunk)
        if total > max_bytes:
            raise FetchError(f"{url}: more than {max_bytes:,} bytes (after decompression); refused")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(value: str | None, ceiling: float) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return min(float(value), ceiling)
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return None
    return min(max(0.0, when - time.time()), ceiling)

