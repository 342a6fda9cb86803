"""The digest routes: start a day's digest, read it (JSON, Markdown, HTML), one story, a story across days.

The digests are those of the store's ``digests`` table, the one ``summarizer
digest`` writes: a day the CLI made is served here, and a day made here is
the CLI's ``--since``. Markdown and HTML are the CLI's own renderers.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import hashlib
import re
import zlib
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Path
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from summarizer.digest.schema import Digest, Story
from summarizer.digest.store import Store
from summarizer.digest.timeline import thread, thread_id
from summarizer.render.digest_html import render_digest_html
from summarizer.render.digest_markdown import render_digest_markdown
from summarizer.serve.digest_jobs import articles_of
from summarizer.serve.problems import PROBLEM_TYPE
from summarizer.serve.routes import GUARDS, Served, problem_responses
from summarizer.serve.schemas import DayStory, DigestRequest, Job, Problem, Timeline, TimelineDay

JSON, MARKDOWN, HTML = "application/json", "text/markdown", "text/html"
RENDERERS: dict[str, Callable[[Digest], str]] = {
    JSON: lambda digest: digest.model_dump_json(),
    MARKDOWN: render_digest_markdown,
    HTML: render_digest_html,
}
"""What ``Accept`` may ask for; ``*/*`` (or no ``Accept``) is JSON."""
SHOWN_DAYS = 5
"""Stored days a 404 names, the latest: enough to see the store is the one meant, short enough for one line."""

PAGE_SCRIPT = re.compile(r"<script>(.*?)</script>\s*</body>\s*</html>\s*$", re.DOTALL)
"""The HTML digest's one script, its template's last element: only this one is allowed to run."""

digest_api = APIRouter(prefix="/v1", dependencies=GUARDS, responses=problem_responses)
DayParam = Annotated[
    str, Path(alias="date", pattern=r"^(today|\d{4}-\d{2}-\d{2})$", description="YYYY-MM-DD, or `today`.")
]


def _day(asked: str) -> dt.date:
    if asked == "today":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(asked)
    except ValueError:
        raise HTTPException(422, f"{asked} is not a date: give YYYY-MM-DD or today") from None


def _media(accept: str | None) -> str | None:
    """The media type ``accept`` prefers among JSON, Markdown and HTML (q-values honoured); None when none fits."""
    ranked = []
    for position, part in enumerate((accept or "*/*").split(",")):
        media, *params = [piece.strip() for piece in part.split(";")]
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, position, media.lower()))
    for negative_quality, _, media in sorted(ranked):
        if negative_quality >= 0:
            break  # q=0: "not this", and everything after it ranks no higher
        if media in RENDERERS:
            return media
        if media in ("*/*", "application/*"):
            return JSON
        if media == "text/*":
            return HTML
    return None


def _page_policy(page: str) -> str:
    """A Content-Security-Policy for the HTML digest: its own script (by hash) and styles, nothing fetched.

    The renderer escapes every piece of article text; should one ever slip through, the browser still runs no
    script but the template's and loads nothing from anywhere.
    """
    found = PAGE_SCRIPT.search(page)
    script = found.group(1) if found else ""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    allowed = f"'sha256-{digest}'" if found else "'none'"
    return (
        f"default-src 'none'; script-src {allowed}; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    )


def _stored(store: Store, day: dt.date) -> Digest:
    """The day's stored digest; 404 naming the fix when there is none."""
    found = store.digest_json(day)
    if found is None:
        days = ", ".join(d.isoformat() for d in store.digest_days()[-SHOWN_DAYS:]) or "none"
        raise HTTPException(
            404,
            f"no digest for {day} in this server's store (stored days: {days}); POST the day's articles to "
            f'/v1/digests with "date": "{day}", or run `summarizer digest --date {day}` on this store',
        )
    try:
        return Digest.model_validate_json(found)
    except ValidationError:
        raise HTTPException(
            500, f"the stored digest of {day} does not read as this summarizer's (a newer one's); POST it again"
        ) from None


def _readable(store: Store) -> list[Digest]:
    """Every stored digest this summarizer can read, oldest first (a newer schema's or a damaged one is passed)."""
    found = []
    for day in store.digest_days():
        try:
            found.append(Digest.model_validate_json(store.digest_json(day) or ""))
        except (ValidationError, zlib.error, UnicodeDecodeError):
            continue
    return found


def _job_accepted(job: Job) -> JSONResponse:
    return JSONResponse(job.model_dump(mode="json"), status_code=202, headers={"Location": f"/v1/jobs/{job.id}"})


@digest_api.post(
    "/digests",
    summary="Start a day's digest",
    status_code=202,
    responses={202: {"model": Job, "description": "The digest job: poll its Location"}},
)
async def post_digest(request: DigestRequest, served: Served) -> JSONResponse:
    """Brief the articles (and what the feeds and pages give) and keep the day's digest, as `summarizer digest`.

    Briefs already in the store are reused; the job's `progress` counts articles briefed, and once it is done
    `digest_url` is the digest. A digest of a day already stored replaces it (as the CLI's would).
    """
    articles_of(request)  # a bad article is a 422 now, not a failed job later
    jobs = served.jobs
    stored = await asyncio.to_thread(jobs.digests.submit, request)  # a store write: off the loop
    job = await asyncio.to_thread(jobs.view, stored.id)
    assert job is not None  # it was stored before it was queued
    return _job_accepted(job)


@digest_api.get(
    "/digests/{date}",
    summary="A day's digest",
    response_model=None,
    responses={
        200: {
            "model": Digest,
            "description": "The digest: JSON (`schemas/digest.schema.json`), or by `Accept` Markdown or HTML",
            "content": {MARKDOWN: {"schema": {"type": "string"}}, HTML: {"schema": {"type": "string"}}},
        },
        406: {"model": Problem, "content": {PROBLEM_TYPE: {}}, "description": "Not JSON, Markdown nor HTML"},
    },
)
async def get_digest(day: DayParam, served: Served, accept: Annotated[str | None, Header()] = None) -> Response:
    """The day's stored digest, rendered as `summarizer digest --format` renders it; `today` is the server's day."""
    media = _media(accept)
    if media is None:
        raise HTTPException(406, f"the digest is {JSON}, {MARKDOWN} or {HTML}; ask for one of them in Accept")
    digest = await asyncio.to_thread(_stored, served.jobs.store, _day(day))
    body = await asyncio.to_thread(RENDERERS[media], digest)
    headers = {"Vary": "Accept", "X-Content-Type-Options": "nosniff"}
    if media == HTML:
        headers["Content-Security-Policy"] = _page_policy(body)
    return Response(body, media_type=media, headers=headers)


@digest_api.get("/digests/{date}/stories/{story_id}", summary="One story of a day's digest", response_model=DayStory)
async def get_story(day: DayParam, story_id: str, served: Served) -> DayStory:
    """The story with its articles (their text and briefs), so every citation in it can be read in place."""
    when = _day(day)
    digest = await asyncio.to_thread(_stored, served.jobs.store, when)
    story = next((s for s in digest.stories if s.id == story_id), None)
    if story is None:
        ids = ", ".join(s.id for s in digest.stories[:SHOWN_DAYS]) + (", …" if len(digest.stories) > SHOWN_DAYS else "")
        raise HTTPException(404, f"no story {story_id} in the digest of {when} (its stories: {ids or 'none'})")
    by_id = {a.id: a for a in digest.articles}
    ordered = [story.lead_article, *(a for a in story.articles if a != story.lead_article)]
    return DayStory(
        date=when,
        digest_url=f"/v1/digests/{when.isoformat()}",
        story=story,
        articles=[by_id[a] for a in ordered if a in by_id],
    )


@digest_api.get("/stories/{story_id}/timeline", summary="A story across the stored days", response_model=Timeline)
async def get_timeline(story_id: str, served: Served) -> Timeline:
    """Every stored day's telling of the story, oldest first, with what each day's articles changed.

    `story_id` may be any day's id of the story (ids are per day: another article may lead it the next day);
    the timeline's `id` is the one of its first day.
    """
    tellings = thread(await asyncio.to_thread(_readable, served.jobs.store), story_id)
    if not tellings:
        raise HTTPException(
            404, f"no story {story_id} in any stored digest; a digest's story ids are in GET /v1/digests/{{date}}"
        )
    return Timeline(id=thread_id(tellings), asked=story_id, days=[_day_of(t.day, t.story) for t in tellings])


def _day_of(day: dt.date, story: Story) -> TimelineDay:
    return TimelineDay(
        date=day,
        story=story.id,
        url=f"/v1/digests/{day.isoformat()}/stories/{story.id}",
        rank=story.rank,
        headline=story.headline,
        summary=story.summary,
        outlets=story.outlets,
        articles=len(story.articles),
        uncertainty=story.uncertainty.level,
        changes=story.changes,
    )
