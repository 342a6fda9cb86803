"""Fetching as a polite robot: robots.txt obeyed (cached per host), one request per host per delay, our own name.

Every request of the watcher (feeds, article pages, robots.txt itself) goes
through one :class:`Polite`, so a feed of fifty links on one site costs that
site one request a second at most, and a site that asks robots to keep out is
left alone.
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

from summarizer.distribution import USER_AGENT
from summarizer.ingest.fetch import FetchError, Page, fetch

HOST_DELAY_S = 1.0
"""Seconds between two requests to one host: the delay polite crawlers default to (a feed and its pages are
one site; a second apart is far below any site's capacity)."""
ROBOTS_TTL_S = 24 * 3600.0
"""How long a host's robots.txt is trusted before it is read again: RFC 9309 asks crawlers to cache it no
longer than 24 hours."""
ROBOTS_TIMEOUT_S = 10.0
"""Seconds robots.txt may take: a small file; a server slower than that is treated as unreachable for this poll."""

Fetch = Callable[..., Page]


class Disallowed(FetchError):
    """The host's robots.txt asks robots not to fetch this URL."""


class Polite:
    """GET pages for the watcher, obeying each host's robots.txt and spacing requests to a host ``delay`` apart.

    ``fetch``, ``sleep`` and ``monotonic`` are injectable so tests neither wait
    nor reach a network. Safe to share between threads (one lock per call).
    """

    def __init__(
        self,
        delay: float = HOST_DELAY_S,
        *,
        fetch: Fetch = fetch,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.delay = delay
        self._fetch = fetch
        self._sleep = sleep
        self._monotonic = monotonic
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}
        self._lock = threading.Lock()

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Page:
        """The page at ``url``; Disallowed when robots.txt forbids it, FetchError when it cannot be fetched."""
        if not self.allowed(url):
            raise Disallowed(f"{url}: the site's robots.txt asks robots not to fetch it; left alone")
        return self._paced(url, headers)

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets us fetch ``url``; FetchError when robots.txt cannot be read now."""
        host = _host(url)
        cached = self._robots.get(host)
        if cached is None or self._monotonic() - cached[0] > ROBOTS_TTL_S:
            cached = (self._monotonic(), self._read_robots(host))
            self._robots[host] = cached
        return cached[1].can_fetch(USER_AGENT, url)

    def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser:
        """The host's rules: none when it has no robots.txt (4xx), keep out when it refuses to show it (401, 403).

        A server error or no answer raises FetchError (nothing cached): the
        host is tried again next poll, not taken as allowing everything.
        """
        rules = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        try:
            page = self._paced(f"{host}/robots.txt", None, timeout=ROBOTS_TIMEOUT_S)
        except FetchError as error:
            if error.status in (401, 403):
                rules.parse(["User-agent: *", "Disallow: /"])
                return rules
            if error.status is not None and 400 <= error.status < 500:
                rules.parse([])
                return rules
            raise FetchError(f"{host}/robots.txt cannot be read ({error}); the host is tried again next poll") from None
        rules.parse(page.body.decode("utf-8", errors="replace").splitlines())
        return rules

    def _paced(self, url: str, headers: Mapping[str, str] | None, **options: float) -> Page:
        host = _host(url)
        with self._lock:
            wait = self._last.get(host, -float("inf")) + self.delay - self._monotonic()
            if wait > 0:
                self._sleep(wait)
            try:
                return self._fetch(url, headers=headers, **options)
            finally:
                self._last[host] = self._monotonic()


def _host(url: str) -> str:
    """scheme://host[:port]: robots.txt and the delay are per origin."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
