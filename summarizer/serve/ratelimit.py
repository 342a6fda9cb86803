"""Requests a minute per API key (per client address when the server has no keys), answered 429 past the limit.

A token bucket per caller: it holds up to a minute's worth of requests and
refills at the limit's pace, so a caller may send a burst after a quiet
spell but never more than the limit over any minute on average.
"""

from __future__ import annotations

import hashlib
import math
import re
import threading
import time
from collections.abc import Callable

from fastapi import HTTPException, Request

from summarizer.errors import ConfigError
from summarizer.serve.bounds import RATE_PER_MINUTE

MAX_CALLERS = 10_000
"""Callers remembered before the idle ones (full buckets, which say nothing) are forgotten: bounded memory."""

_RATE = re.compile(r"^\s*(\d+)\s*(?:/\s*min)?\s*$")


def parse_rate(text: str) -> int:
    """``120/min`` (or ``120``) as requests a minute; ``0`` turns the limit off."""
    match = _RATE.match(text)
    if match is None:
        raise ConfigError(f"rate limit {text!r}: give requests a minute as N/min, e.g. 120/min (0: no limit)")
    return int(match.group(1))


class RateLimit:
    """One token bucket per caller, shared by every request thread."""

    def __init__(self, per_minute: int = RATE_PER_MINUTE, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute, self.clock = per_minute, clock
        self._buckets: dict[str, tuple[float, float]] = {}  # caller -> (tokens left, when counted)
        self._lock = threading.Lock()

    def wait_s(self, caller: str) -> float:
        """Take one request for ``caller``: 0 when it may go on, else the seconds until it may."""
        if self.per_minute <= 0:
            return 0.0
        per_second = self.per_minute / 60
        with self._lock:
            now = self.clock()
            tokens, then = self._buckets.get(caller, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - then) * per_second)
            if tokens < 1:
                self._buckets[caller] = (tokens, now)
                return (1 - tokens) / per_second
            self._buckets[caller] = (tokens - 1, now)
            if len(self._buckets) > MAX_CALLERS:
                self._forget_idle(now, per_second)
            return 0.0

    def _forget_idle(self, now: float, per_second: float) -> None:
        full = [
            caller
            for caller, (tokens, then) in self._buckets.items()
            if tokens + (now - then) * per_second >= self.per_minute
        ]
        for caller in full:
            del self._buckets[caller]


def caller_of(request: Request, has_keys: bool) -> str:
    """Who is asking: the key's digest (already checked) when the server has keys, else the client's address.

    Behind a reverse proxy on the same host, uvicorn takes the address from
    X-Forwarded-For (it trusts 127.0.0.1 by default), so each client counts apart.
    """
    if has_keys:
        _scheme, _, key = request.headers.get("authorization", "").partition(" ")
        return "key:" + hashlib.sha256(key.strip().encode("utf-8")).hexdigest()[:16]
    return "address:" + (request.client.host if request.client else "unknown")


def too_many(limit: RateLimit, wait_s: float) -> HTTPException:
    retry = max(1, math.ceil(wait_s))
    return HTTPException(
        429,
        f"over the rate limit of {limit.per_minute} requests a minute; try again in {retry} s",
        {"Retry-After": str(retry)},
    )
