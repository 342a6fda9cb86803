"""The app factory: one engine and one store, shared by every request; everything else is per request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from summarizer import __version__
from summarizer.brief.engine import Summarizer
from summarizer.digest.briefing import match_concurrency
from summarizer.digest.store import Store
from summarizer.ingest.article import read_article
from summarizer.serve import problems
from summarizer.serve.digests import digest_api
from summarizer.serve.jobs import Jobs, ReadUrl
from summarizer.serve.keys import ApiKeys
from summarizer.serve.limits import MAX_BODY_BYTES, BodyLimit
from summarizer.serve.pages import pages
from summarizer.serve.routes import api, probes
from summarizer.serve.service import Service


def create_app(
    summarizer: Summarizer,
    store: Store,
    *,
    keys: ApiKeys | None = None,
    read_url: ReadUrl = read_article,
    max_body_bytes: int = MAX_BODY_BYTES,
    slots: int | None = None,
) -> FastAPI:
    """The API over ``summarizer`` and ``store`` (the caller opens and closes both).

    ``keys``: without any, every request is served (so bind to loopback only);
    ``slots``: briefs made at once (default: what the backend serves in parallel).
    On start it resumes the store's unfinished jobs and starts the model; on
    stop it parks queued jobs in the store for the next start.
    CORS is off: no browser page of another origin may call it.
    """
    jobs = Jobs(summarizer, store, read_url, match_concurrency(summarizer, slots))
    served = Service(jobs, keys or ApiKeys())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        served.readiness.start(jobs)
        jobs.resume()
        try:
            yield
        finally:
            jobs.close()

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
    app.include_router(pages)
    problems.install(app)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    return app
