"""Polite HTTP fetching: robots.txt (see robots.py), one request at a time per host paced as
politeness.py says, Retry-After, bounded retries of what may pass (5xx, 429, timeouts, refused
connections) and none of what will not (404 and other 4xx), a total deadline per URL, a byte
cap applied after decompression, conditional GET, no redirect off the allowed hosts."""

from __future__ import annotations

import email.utils
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass, field
from urllib.parse import urlencode, urljoin, urlsplit

from ..errors import SourceError
from .politeness import Clock, HostPacer, RealClock
from .robots import Robots, RobotsAnswer, load_robots, origin_of
from .urls import authority_of

USER_AGENT = "chitieu/0.1 (+research; plan targets)"
RETRYABLE = (429, 500, 502, 503, 504)
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class FetchOptions:
    delay: float = 1.0  # seconds between two requests to one host, at least
    timeout: float = 30.0  # for connecting and for every read of the socket
    deadline: float = 120.0  # total seconds for one URL, retries included
    max_bytes: int = 20_000_000  # after decompression
    retries: int = 2  # further tries of a 5xx, 429, timeout or refused connection
    max_retry_after: float = 300.0


@dataclass
class Response:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""
    not_modified: bool = False


class FetchError(SourceError):
    def __init__(self, message: str, status: int | None = None, retryable: bool = False, retry_after: float | None = None):
        super().__init__(message)
        self.status, self.retryable, self.retry_after = status, retryable, retry_after


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D401 - urllib's signature
        return None  # redirects are followed by Fetcher, which checks host and robots.txt first


@dataclass
class _Host:
    pacer: HostPacer
    lock: threading.Lock = field(default_factory=threading.Lock)
    robots: Robots | None = None


class Fetcher:
    """One fetcher per crawl, shared by its threads: it keeps each host's robots.txt and pacing."""

    def __init__(self, allowed_hosts: set[str], options: FetchOptions | None = None, clock: Clock | None = None):
        self.allowed_hosts = set(allowed_hosts)
        self.options = options or FetchOptions()
        self.clock = clock or RealClock()
        self._hosts: dict[str, _Host] = {}
        self._guard = threading.Lock()
        self._opener = urllib.request.build_opener(_NoRedirect())

    # ------------------------------------------------------------------ robots

    def refusal(self, url: str) -> str | None:
        """Why `url` may not be fetched, or None when it may."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.hostname not in self.allowed_hosts:
            return "off the configured hosts"
        robots = self.robots(url)
        if robots.reason:
            return robots.reason
        return None if robots.allows(url, USER_AGENT) else "disallowed by robots.txt"

    def allowed(self, url: str) -> bool:
        return self.refusal(url) is None

    def robots(self, url: str) -> Robots:
        host = self._host(url)
        with host.lock:
            if host.robots is None:
                host.robots = load_robots(origin_of(url), self._robots_answer, lambda u: urlsplit(u).hostname in self.allowed_hosts)
                host.pacer.robots_interval = host.robots.interval(USER_AGENT)
                host.pacer.answered()  # the next request waits the Crawl-delay just read
            return host.robots

    def _robots_answer(self, url: str) -> RobotsAnswer:
        """One paced request for robots.txt (called with the host's lock held)."""
        try:
            response = self._paced(self._host(url), url, {}, None, max_bytes=512_000)
        except FetchError as exc:
            return RobotsAnswer(exc.status, error=None if exc.status else str(exc).split(": ", 1)[-1])
        return RobotsAnswer(response.status, response.body, response.headers.get("location"))

    def _host(self, url: str) -> _Host:
        key = authority_of(url)
        with self._guard:
            if key not in self._hosts:
                pacer = HostPacer(self.options.delay, self.clock, self.options.max_retry_after)
                self._hosts[key] = _Host(pacer)
            return self._hosts[key]

    # ------------------------------------------------------------------ fetch

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None, form: dict | None = None) -> Response:
        """GET (or POST `form`, an ASP.NET postback) with redirects and bounded retries; raises
        FetchError naming the last status or network error."""
        headers = {"If-None-Match": etag} if etag else {}
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _ in range(6):
            refusal = self.refusal(url)
            if refusal:
                raise FetchError(f"{url}: not fetched: {refusal}")
            response = self._with_retries(url, headers, form)
            if response.status not in REDIRECTS:
                return response
            url, form, headers = urljoin(url, response.headers.get("location", "")), None, {}
        raise FetchError(f"{url}: more than five redirects; not followed", 310)

    def _with_retries(self, url: str, headers: dict, form: dict | None) -> Response:
        started, attempt = self.clock.now(), 0
        while True:
            host = self._host(url)
            try:
                with host.lock:
                    return self._paced(host, url, headers, form)
            except FetchError as exc:
                attempt += 1
                out_of_time = self.clock.now() - started >= self.options.deadline
                if not exc.retryable or attempt > self.options.retries or out_of_time:
                    raise

    def _paced(self, host: _Host, url: str, headers: dict, form: dict | None, max_bytes: int | None = None) -> Response:
        """One request once the host's interval has passed; the outcome sets the next one."""
        host.pacer.wait()
        try:
            response = self._request(url, headers, form, max_bytes or self.options.max_bytes)
        except FetchError as exc:
            if exc.retryable:
                host.pacer.failed(exc.retry_after)
            else:
                host.pacer.answered()
            raise
        if response.status in REDIRECTS or response.not_modified:
            host.pacer.answered()
        else:
            host.pacer.succeeded()
        return response

    def _request(self, url: str, headers: dict, form: dict | None, max_bytes: int) -> Response:
        data = urlencode(form).encode("ascii") if form is not None else None
        request = urllib.request.Request(
            url, data=data, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate", **headers})
        try:
            with self._opener.open(request, timeout=self.options.timeout) as raw:
                body = _read_capped(raw, max_bytes, url)
                return Response(raw.geturl(), raw.status, _lower(raw.headers), body)
        except urllib.error.HTTPError as exc:
            return self._http_error(url, exc)
        except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            raise FetchError(f"{url}: {_network_reason(exc)}", retryable=True) from exc

    def _http_error(self, url: str, exc: urllib.error.HTTPError) -> Response:
        if exc.code in REDIRECTS:
            return Response(url, exc.code, _lower(exc.headers))
        if exc.code == 304:
            return Response(url, 304, _lower(exc.headers), not_modified=True)
        retry_after = _retry_after(exc.headers.get("Retry-After"), self.options.max_retry_after)
        raise FetchError(f"{url}: HTTP {exc.code}", exc.code, exc.code in RETRYABLE, retry_after) from exc


def _lower(headers) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}


def _network_reason(exc: BaseException) -> str:
    """'host unreachable (connection refused)', 'timed out', ...: what an operator can act on."""
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return "timed out"
    if isinstance(reason, ConnectionRefusedError):
        return "host unreachable (connection refused)"
    if isinstance(reason, socket.gaierror):
        return "host unreachable (name not resolved)"
    if isinstance(reason, (ConnectionError, OSError)) and not isinstance(exc, http.client.HTTPException):
        return f"host unreachable ({getattr(reason, 'strerror', None) or reason})"
    return f"connection failed ({reason})"


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
