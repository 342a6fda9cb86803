"""Fetch one article page over HTTP: bounded time, size and redirects, clear errors.

Every failure is an ArticleError that names the URL and what to do, so a
batch can record it and go on.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import httpx2

from summarizer.distribution import USER_AGENT
from summarizer.errors import ArticleError

TIMEOUT_S = 20.0
"""Seconds a page fetch may take in all: a news page arrives in a few; a stalled server ends as an error, not a hang.
Chosen by hand, not measured."""
DEADLINE_GRACE_S = 0.2
"""Time for a fetch that ends right at its deadline to report its own, more precise, error."""
MAX_BYTES = 5_000_000
"""Largest page read (5 MB): far above a news article's HTML, low enough that a wrong URL cannot fill memory.
Chosen by hand, not measured."""
MAX_REDIRECTS = 5
"""Redirect hops followed (http -> https -> www -> consent page ...) before giving up. Chosen by hand, not measured."""
TEXT_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
)
"""Pages and feeds (a feed URL is fetched like a page, then read as a feed)."""


class FetchError(ArticleError):
    """A URL that gave no article page; ``status`` is the server's HTTP status when it answered with an error."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


CheckHost = Callable[[str], None]
"""Told each host a fetch is about to ask, redirects included; raises FetchError to refuse it
(``ingest.addresses.public_only`` in the server)."""


@dataclass(frozen=True)
class Page:
    url: str
    """The final URL, after redirects."""
    content_type: str
    body: bytes
    status: int = 200
    """304 when a conditional GET found the page unchanged (then ``body`` is empty)."""
    etag: str | None = None
    last_modified: str | None = None
    """The page's validators, to send back as If-None-Match / If-Modified-Since next time."""


def fetch(
    url: str,
    timeout: float = TIMEOUT_S,
    max_bytes: int = MAX_BYTES,
    headers: Mapping[str, str] | None = None,
    check_host: CheckHost | None = None,
) -> Page:
    """GET ``url``; refuse non-text content, bodies over ``max_bytes`` and more than MAX_REDIRECTS hops.

    ``headers`` are sent with the request (If-None-Match, If-Modified-Since:
    a conditional GET, answered by a Page of status 304 and no body).
    ``check_host`` sees the host of every request before it is sent, the redirects' too.

    ``timeout`` bounds the whole fetch, not each read: a server dripping a byte
    at a time, in its body or before its headers end, is cut off once the time
    is up. The request runs in a daemon thread the caller stops waiting for at
    the deadline (httpx's timeouts are per read; a blocked read cannot be
    interrupted from outside); that thread ends at its next per-read timeout.
    """
    outcome: queue.SimpleQueue[Page | BaseException] = queue.SimpleQueue()

    def run() -> None:
        try:
            outcome.put(_fetch(url, timeout, max_bytes, headers or {}, check_host))
        except BaseException as error:  # handed to the caller, raised there
            outcome.put(error)

    threading.Thread(target=run, name="summarizer-fetch", daemon=True).start()
    try:
        result = outcome.get(timeout=timeout + DEADLINE_GRACE_S)
    except queue.Empty:
        raise FetchError(f"{url}: the page did not arrive within {timeout:g} s; try again later") from None
    if isinstance(result, BaseException):
        raise result
    return result


def _fetch(url: str, timeout: float, max_bytes: int, headers: Mapping[str, str], check_host: CheckHost | None) -> Page:
    deadline = time.monotonic() + timeout

    def checked(request: httpx2.Request) -> None:
        if check_host is not None:
            check_host(request.url.host)

    try:
        with (
            httpx2.Client(
                timeout=timeout,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": USER_AGENT, **headers},
                event_hooks={"request": [checked]},
            ) as client,
            client.stream("GET", url) as response,
        ):
            etag, last_modified = response.headers.get("etag"), response.headers.get("last-modified")
            if response.status_code == 304:
                return Page(str(response.url), "", b"", 304, etag, last_modified)
            if response.status_code >= 400:
                raise FetchError(
                    f"{url}: the server answered {response.status_code}; check the URL", response.status_code
                )
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and not content_type.startswith(TEXT_TYPES):
                raise FetchError(f"{url}: is {content_type}, not a web page; give the URL of an article page")
            declared = int(response.headers.get("content-length") or 0)
            if declared > max_bytes:
                raise FetchError(f"{url}: {declared / 1e6:.1f} MB is too large for an article page")
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if time.monotonic() > deadline:
                    raise FetchError(f"{url}: the page did not arrive within {timeout:g} s; try again later")
                if len(body) > max_bytes:
                    raise FetchError(f"{url}: more than {max_bytes / 1e6:.0f} MB; not an article page")
            return Page(str(response.url), content_type, bytes(body), response.status_code, etag, last_modified)
    except httpx2.TooManyRedirects:
        raise FetchError(
            f"{url}: more than {MAX_REDIRECTS} redirects; open it in a browser to see where it goes"
        ) from None
    except httpx2.TimeoutException:
        raise FetchError(f"{url}: no answer within {timeout:g} s; try again later") from None
    except httpx2.InvalidURL as error:
        raise FetchError(f"{url}: not a valid URL ({error})") from None
    except httpx2.HTTPError as error:
        raise FetchError(
            f"{url}: cannot reach the server ({type(error).__name__}); check the address and your network"
        ) from None
