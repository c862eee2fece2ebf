"""Per-host pacing: one request at a time, every interval at least the host's delay (the
profile's or robots.txt's Crawl-delay / Request-rate, whichever is longer). Errors add a
backoff that halves again with every success, so one failing page slows a host for a few
requests, not for the rest of the crawl. The clock is injected: tests run on virtual time."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Protocol

MAX_BACKOFF = 60.0  # seconds added after repeated errors, at most
RECOVERY = 0.5  # each success keeps this share of the backoff


class Clock(Protocol):
    def now(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class RealClock:
    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class VirtualClock:
    """Time that passes only by sleeping, for tests. A sleeper wakes at the time it read last
    plus what it slept, so two hosts waiting at once both wake when they should, not one after
    the other, and the clock never runs back."""

    def __init__(self) -> None:
        self.current = 0.0
        self._lock = threading.Lock()
        self._read = threading.local()  # the time each thread read last

    def now(self) -> float:
        with self._lock:
            self._read.at = self.current
            return self.current

    def sleep(self, seconds: float) -> None:
        with self._lock:
            start = getattr(self._read, "at", self.current)
            self.current = max(self.current, start + max(seconds, 0.0))
            self._read.at = self.current


@dataclass
class HostPacer:
    """The pacing of one host. Only the thread that holds the host's one request touches it."""

    delay: float  # the profile's seconds between requests
    clock: Clock
    max_wait: float = 300.0  # the longest Retry-After obeyed
    robots_interval: float = 0.0
    backoff: float = 0.0
    next_time: float = 0.0

    @property
    def interval(self) -> float:
        return max(self.delay, self.robots_interval) + self.backoff

    def wait(self) -> None:
        """Sleep until this host may be asked again."""
        remaining = self.next_time - self.clock.now()
        if remaining > 0:
            self.clock.sleep(remaining)

    def succeeded(self) -> None:
        self.backoff = self.backoff * RECOVERY if self.backoff * RECOVERY >= 0.1 else 0.0
        self.next_time = self.clock.now() + self.interval

    def failed(self, retry_after: float | None = None) -> None:
        """A 5xx, 429 or network error: back off (doubling, bounded), or for as long as the
        server asked when it said so."""
        base = max(self.delay, self.robots_interval, 0.5)
        self.backoff = min(max(base, self.backoff * 2), MAX_BACKOFF)
        wait = self.interval if retry_after is None else max(self.interval, min(retry_after, self.max_wait))
        self.next_time = self.clock.now() + wait

    def answered(self) -> None:
        """A definite answer that is no success (404, a redirect): the plain interval."""
        self.next_time = self.clock.now() + self.interval
