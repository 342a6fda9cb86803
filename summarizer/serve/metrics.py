"""Prometheus metrics at ``GET /metrics``: requests, latency, model tokens, queue and jobs.

Each app has its own registry (several apps in one process, as in the tests,
count apart). Requests are labelled by route template, never by raw path,
so an id in a URL does not make a new series.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from summarizer.schema import Brief
from summarizer.serve.jobs import UNFINISHED, Jobs
from summarizer.watch.watcher import PollReport

LATENCY_BUCKETS_S = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)
"""From a stored brief or a job's state (~10 ms) to the longest wait a POST may ask (300 s)."""
JOB_STATES = (*UNFINISHED, "done", "failed")


class _JobsNow:
    """Read at each scrape: the queue in this process and the jobs in the store, by state."""

    def __init__(self, jobs: Jobs) -> None:
        self.jobs = jobs

    def collect(self) -> Iterator[Metric]:
        queued = GaugeMetricFamily(
            "summarizer_queue_length", "Jobs waiting in this server: briefs for a slot, digests for the one before."
        )
        queued.add_metric([], self.jobs.queued)
        yield queued
        running = GaugeMetricFamily(
            "summarizer_jobs_running", "Jobs being made now: briefs (one a slot) and at most one digest."
        )
        running.add_metric([], self.jobs.running)
        yield running
        slots = GaugeMetricFamily("summarizer_model_slots", "Briefs this server makes at once.")
        slots.add_metric([], self.jobs.slots)
        yield slots
        counts = self.jobs.store.job_counts()
        stored = GaugeMetricFamily("summarizer_jobs", "Jobs in the store by state.", labels=["state"])
        for state in JOB_STATES:
            stored.add_metric([state], counts.get(state, 0))
        yield stored


class Metrics:
    """The server's counters; ``render`` gives the Prometheus text format."""

    def __init__(self, jobs: Jobs) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter(
            "summarizer_http_requests",
            "HTTP requests answered, by route template, method and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "summarizer_http_request_duration_seconds",
            "Time from request to the end of the answer, by route template.",
            ["route", "method"],
            buckets=LATENCY_BUCKETS_S,
            registry=self.registry,
        )
        self.tokens = Counter(
            "summarizer_model_tokens",
            "Tokens the model read (prompt) and wrote (completion).",
            ["kind"],
            registry=self.registry,
        )
        self.briefs = Counter(
            "summarizer_briefs_made", "Briefs the model made (stored ones not counted).", registry=self.registry
        )
        self.rate_limited = Counter(
            "summarizer_rate_limited", "Requests refused with 429 by the rate limit.", registry=self.registry
        )
        self.polls = Counter("summarizer_watch_polls", "Polls of the feed watcher (--watch).", registry=self.registry)
        self.watch_new = Counter(
            "summarizer_watch_new_articles", "Articles the watcher added to the day's digest.", registry=self.registry
        )
        self.watch_made = Counter(
            "summarizer_watch_briefs_made", "Briefs the model made for the watcher.", registry=self.registry
        )
        self.watch_failures = Counter(
            "summarizer_watch_failures", "Failures in the watcher's polls: a source, a page, a brief.",
            registry=self.registry,
        )  # fmt: skip
        self.registry.register(_JobsNow(jobs))

    def made(self, brief: Brief) -> None:
        self.briefs.inc()
        self.tokens.labels("prompt").inc(brief.run.prompt_tokens)
        self.tokens.labels("completion").inc(brief.run.completion_tokens)

    def polled(self, report: PollReport) -> None:
        self.polls.inc()
        self.watch_new.inc(report.new)
        self.watch_made.inc(report.made)
        self.watch_failures.inc(len(report.failures))

    def render(self) -> bytes:
        return generate_latest(self.registry)


class RequestMetrics:
    """ASGI middleware: counts and times every HTTP request by the route that answered it."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), 500

        async def sent(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sent)
        finally:
            route: Any = scope.get("route")
            template = str(getattr(route, "path", "unmatched"))
            method = str(scope.get("method", ""))
            self.metrics.requests.labels(template, method, str(status)).inc()
            self.metrics.latency.labels(template, method).observe(time.perf_counter() - started)
