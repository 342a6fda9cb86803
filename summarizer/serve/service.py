"""What the routes share: the jobs (engine and store), the keys, the rate limit, the metrics, the model's start."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Literal

from fastapi import Request

from summarizer.serve.jobs import Jobs
from summarizer.serve.keys import ApiKeys
from summarizer.serve.metrics import Metrics
from summarizer.serve.problems import one_line
from summarizer.serve.ratelimit import RateLimit, caller_of, too_many
from summarizer.serve.watching import ServeWatch


@dataclass
class Readiness:
    """The model's start, done once in a thread so the server answers ``/healthz`` while a model loads."""

    state: Literal["starting", "ok", "failed"] = "starting"
    detail: str | None = None
    _thread: threading.Thread | None = field(default=None, repr=False)

    def start(self, jobs: Jobs) -> None:
        def load() -> None:
            try:
                jobs.summarizer.client()
            except Exception as error:  # said by /readyz; each job then fails with the same message
                self.state, self.detail = "failed", one_line(error)
            else:
                self.state = "ok"

        self._thread = threading.Thread(target=load, name="serve-model-start", daemon=True)
        self._thread.start()


@dataclass
class Service:
    jobs: Jobs
    keys: ApiKeys
    limit: RateLimit
    metrics: Metrics
    readiness: Readiness = field(default_factory=Readiness)
    watch: ServeWatch | None = None
    """The feed watcher (``--watch``), or None."""


def service(request: Request) -> Service:
    found = request.app.state.service
    assert isinstance(found, Service)
    return found


def within_rate(request: Request) -> None:
    """429 with Retry-After once the caller (its key, else its address) is over the requests a minute."""
    served = service(request)
    wait_s = served.limit.wait_s(caller_of(request, bool(served.keys)))
    if wait_s > 0:
        served.metrics.rate_limited.inc()
        raise too_many(served.limit, wait_s)
