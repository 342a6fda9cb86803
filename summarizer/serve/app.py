"""The app factory: one engine and one store, shared by every request; everything else is per request."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial

from fastapi import FastAPI

from summarizer import __version__
from summarizer.brief.engine import Summarizer
from summarizer.digest.briefing import match_concurrency
from summarizer.digest.store import Store
from summarizer.ingest.addresses import public_only
from summarizer.ingest.article import read_article
from summarizer.serve import problems
from summarizer.serve.bounds import GRACE_S, JOB_TIMEOUT_S, RATE_PER_MINUTE
from summarizer.serve.digest_jobs import Collect, collect_web
from summarizer.serve.digests import digest_api
from summarizer.serve.jobs import Jobs, ReadUrl
from summarizer.serve.keys import ApiKeys
from summarizer.serve.limits import MAX_BODY_BYTES, BodyLimit
from summarizer.serve.metrics import Metrics, RequestMetrics
from summarizer.serve.metrics_route import metrics_router
from summarizer.serve.pages import pages
from summarizer.serve.ratelimit import RateLimit
from summarizer.serve.routes import api, probes
from summarizer.serve.service import Service
from summarizer.serve.watching import ServeWatch, WatchPlan


def create_app(
    summarizer: Summarizer,
    store: Store,
    *,
    keys: ApiKeys | None = None,
    read_url: ReadUrl | None = None,
    collect_urls: Collect | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    slots: int | None = None,
    rate_limit: int = RATE_PER_MINUTE,
    job_timeout_s: float = JOB_TIMEOUT_S,
    grace_s: float = GRACE_S,
    allow_private_urls: bool = False,
    watch: WatchPlan | None = None,
) -> FastAPI:
    """The API over ``summarizer`` and ``store`` (the caller opens and closes both).

    ``keys``: without any, every request is served (so bind to loopback only);
    ``read_url`` and ``collect_urls`` fetch a brief's page and a digest's feeds and pages (default: the CLI's
    readers, refusing hosts outside the public internet unless ``allow_private_urls``; stand-ins in tests);
    ``slots``: briefs made at once, by brief and digest jobs together (default: what the backend serves in parallel);
    ``rate_limit``: requests a minute per key, or per address without keys (0: none);
    ``job_timeout_s``: a job running longer is failed; ``grace_s``: on stop, how
    long running briefs may finish before they are parked in the store;
    ``watch``: feeds to poll all day in a thread (``summarizer watch``'s), keeping ``/v1/digests/today`` current.
    On start it resumes the store's unfinished jobs and starts the model; on
    stop it parks unfinished jobs in the store for the next start.
    CORS is off: no browser page of another origin may call it.
    """
    check_host = None if allow_private_urls else public_only
    jobs = Jobs(
        summarizer, store, read_url or partial(read_article, check_host=check_host),
        match_concurrency(summarizer, slots), timeout_s=job_timeout_s,
        collect_urls=collect_urls or partial(collect_web, check_host=check_host),
    )  # fmt: skip
    metrics = Metrics(jobs)
    jobs.on_made = metrics.made
    watcher = None
    if watch is not None:
        watcher = ServeWatch(
            watch, summarizer, store, model_slots=jobs.model_slots, store_writer=jobs.store_writer, slots=jobs.slots,
            allow_private_urls=allow_private_urls,
        )  # fmt: skip
        watcher.listen(metrics.polled)
    served = Service(jobs, keys or ApiKeys(), RateLimit(rate_limit), metrics, watch=watcher)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        served.readiness.start(jobs)
        jobs.resume()
        if watcher is not None:
            watcher.start()
        try:
            yield
        finally:
            stopping = time.monotonic()
            if watcher is not None:
                watcher.stop()  # ends after its article in flight, within the same grace as the jobs
            await asyncio.to_thread(jobs.close, grace_s)
            if watcher is not None:
                await asyncio.to_thread(watcher.join, max(0.0, stopping + grace_s - time.monotonic()))

    app = FastAPI(
        title="summarizer",
        version=__version__,
        summary="Grounded briefs of news articles: who, what, where, when, sources and uncertainty.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.service = served
    app.include_router(api)
    app.include_router(digest_api)
    app.include_router(probes)
    app.include_router(metrics_router(metrics))
    app.include_router(pages)
    problems.install(app)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(RequestMetrics, metrics=metrics)
    return app
