"""The ``/v1`` routes and the probes. Every ``/v1`` route needs a key when the server has keys."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from summarizer.digest.store import content_hash
from summarizer.ingest.article import Article
from summarizer.render import render_json
from summarizer.schema import Brief
from summarizer.serve.problems import PROBLEM_TYPE, one_line, problem, status_of
from summarizer.serve.reference import as_html
from summarizer.serve.schemas import BriefRequest, Health, Job, Problem, WatchStatus
from summarizer.serve.service import Service, service, within_rate

DEFAULT_WAIT_S = 30.0
"""How long ``POST /v1/briefs`` holds the connection by default: a brief on a remote model takes seconds;
below the 60 s idle timeout common to reverse proxies, so a slow brief becomes a job instead of a dropped request."""
MAX_WAIT_S = 300.0
"""The longest wait a caller may ask (5 min): longer holds a connection a proxy would have cut; poll the job instead."""

_bearer = HTTPBearer(auto_error=False, description="An API key from the server's --keys file or SUMMARIZER_API_KEYS.")
problem_responses: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "content": {PROBLEM_TYPE: {}}, "description": why}
    for status, why in [
        (401, "No valid API key"),
        (404, "Not found"),
        (422, "Not an article, or a bad request"),
        (429, "Over the rate limit: try again after Retry-After seconds"),
    ]
}


def require_key(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    """401 before anything else is read or run, unless the server has no keys (then it listens on loopback only)."""
    keys = service(request).keys
    if keys and not keys.accepts(credentials.credentials if credentials else None):
        raise HTTPException(
            401, "no valid API key; send one as 'Authorization: Bearer KEY'", {"WWW-Authenticate": "Bearer"}
        )


GUARDS = [Depends(require_key), Depends(within_rate)]
"""What every /v1 route runs first, the brief routes' and the digest routes' alike: the key, then its rate."""
api = APIRouter(prefix="/v1", dependencies=GUARDS, responses=problem_responses)
probes = APIRouter()
Served = Annotated[Service, Depends(service)]


def _brief_response(digest: str, brief: Brief) -> Response:
    """The brief exactly as ``summarizer brief --format json`` prints it."""
    headers = {"Content-Location": f"/v1/briefs/{digest}"}
    return Response(render_json(brief), media_type="application/json", headers=headers)


def _job_response(served: Service, job_id: str) -> JSONResponse:
    job = served.jobs.view(job_id)
    assert job is not None  # it was stored before it was queued
    headers = {"Location": f"/v1/jobs/{job_id}"}
    return JSONResponse(job.model_dump(mode="json"), status_code=202, headers=headers)


@api.post(
    "/briefs",
    summary="Brief an article",
    responses={200: {"model": Brief, "description": "The brief"}, 202: {"model": Job, "description": "Still going"}},
)
async def post_brief(
    request: BriefRequest,
    served: Served,
    wait: Annotated[
        float, Query(ge=0, le=MAX_WAIT_S, description="Seconds to wait for the brief before answering 202 with a job.")
    ] = DEFAULT_WAIT_S,
) -> Response:
    """The brief of the article, or ``202`` and a job when it takes longer than ``wait`` seconds.

    A brief already in the store (the same text, whatever its whitespace or case) is answered at once.
    """
    asked = request.model_dump(exclude_none=True)
    digest = None
    if request.text is not None:
        digest = content_hash(Article(**asked).text)  # a bad field is a 422 now, not a failed job later
        if (stored := await asyncio.to_thread(served.jobs.stored, digest)) is not None:
            return _brief_response(digest, stored)
    job_id, future = await asyncio.to_thread(served.jobs.submit, asked, digest)  # a store write: off the loop
    waiting = asyncio.wrap_future(future)
    waiting.add_done_callback(lambda ended: ended.cancelled() or ended.exception())  # read later via the job
    done, _ = await asyncio.wait({waiting}, timeout=wait)
    if not done:
        return _job_response(served, job_id)
    error = future.exception()
    if error is not None:
        return problem(status_of(type(error)), one_line(error))
    made_digest, brief = future.result()
    return _brief_response(made_digest, brief)


@api.get("/briefs/{brief_id}", summary="A stored brief", responses={200: {"model": Brief, "description": "The brief"}})
async def get_brief(brief_id: str, served: Served) -> Response:
    """The brief of the article whose content hash is ``brief_id``, made by this server's model."""
    brief = await asyncio.to_thread(served.jobs.stored, brief_id)
    if brief is None:
        raise HTTPException(404, f"no brief of article {brief_id} by this server's model; POST it to /v1/briefs")
    return _brief_response(brief_id, brief)


@api.get("/jobs/{job_id}", summary="A job's state", response_model=Job)
async def get_job(job_id: str, served: Served) -> Job:
    job = await asyncio.to_thread(served.jobs.view, job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id} in this server's store")
    return job


@api.get("/watch", summary="The feeds the server watches", response_model=WatchStatus)
async def get_watch(served: Served) -> WatchStatus:
    """The watcher of `summarizer serve --watch`: its sources and their failures, its last poll and the next.

    Each poll briefs the new articles into `/v1/digests/today`; `404` when the server watches nothing.
    """
    if served.watch is None:
        raise HTTPException(404, "this server watches no feeds; start it with --watch FEED (or --opml FILE)")
    return await asyncio.to_thread(served.watch.status)  # reads each feed's state from the store


@probes.get("/docs", include_in_schema=False)
async def api_docs(request: Request) -> HTMLResponse:
    """The API reference as a page, written from this server's own OpenAPI (no script, nothing fetched elsewhere)."""
    return HTMLResponse(as_html(request.app.openapi()))


@probes.get("/healthz", summary="The server answers", response_model=Health)
async def healthz() -> Health:
    return Health(status="ok")


@probes.get(
    "/readyz",
    summary="The model has started",
    response_model=Health,
    responses={503: {"model": Health, "description": "Starting, or failed to start"}},
)
async def readyz(served: Served) -> Response:
    readiness = served.readiness
    body = Health(status=readiness.state, detail=readiness.detail)
    return JSONResponse(body.model_dump(), status_code=200 if readiness.state == "ok" else 503)
