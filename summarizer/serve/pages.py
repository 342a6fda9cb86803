"""The pages at ``/``: the day's digest, a story with its briefs and evidence, the story across days, search.

Server-rendered from the store's digests (Jinja2, autoescaped: every title,
outlet, quote and name is text), with no script at all: an item is a link to
``#ev-...``, a mark around its evidence in the article's own text, and the
``:target`` style shows it. Not in the OpenAPI (they are pages, not the API).
When the server has keys, a page needs one too (see page_keys.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from summarizer.digest.schema import Citation, Digest, Story
from summarizer.digest.timeline import thread
from summarizer.render.labels import SHOWN_EVENTS, differing, time_label
from summarizer.render.links import safe_url
from summarizer.serve.evidence import MarkedText, brief_spans, mark, story_citations
from summarizer.serve.library import Library
from summarizer.serve.page_keys import login_needed, page_keys
from summarizer.serve.page_render import render
from summarizer.serve.service import service

MAX_QUERY = 200
"""Characters of a search a page takes: more than any names-and-words query; a longer one is cut."""
pages = APIRouter(include_in_schema=False)
pages.include_router(page_keys)


def library(request: Request) -> Library:
    """The app's library of parsed digests, made on the first page asked (app.py stays the API's)."""
    found = getattr(request.app.state, "pages_library", None)
    if not isinstance(found, Library):
        found = request.app.state.pages_library = Library(service(request).jobs.store)
    return found


def _marked(digest: Digest, stories: list[Story]) -> dict[str, MarkedText]:
    """Each article of ``stories`` with its brief's spans and its story's citations marked in its text."""
    articles = {a.id: a for a in digest.articles}
    spans: dict[str, list[tuple[int, int]]] = {}
    for story in stories:
        for article_id in story.articles:
            if article_id in articles:
                spans[article_id] = [(s.start, s.end) for s in brief_spans(articles[article_id].brief)]
        for citation in story_citations(story):
            spans.setdefault(citation.article, []).append((citation.quote.start, citation.quote.end))
    return {i: mark(i, articles[i].text, found) for i, found in spans.items() if i in articles}


def _target(marked: dict[str, MarkedText]) -> Any:
    def target(citation: Citation) -> str | None:
        found = marked.get(citation.article)
        return found.target(citation.quote.start, citation.quote.end) if found else None

    return target


def _no_day(shelf: Library, day: dt.date | None, why: str, status: int = 404) -> HTMLResponse:
    return render(
        "message.html.j2", status, heading="No digest", message=why, error=True, days=shelf.days(), current=day
    )


def _day_page(shelf: Library, day: dt.date, note: str = "") -> HTMLResponse:
    digest = shelf.digest(day)
    if digest is None:
        return _no_day(shelf, day, f"No readable digest of {day} is stored; pick a stored day below.")
    marked = _marked(digest, digest.stories)
    return render(
        "day.html.j2",
        digest=digest,
        days=shelf.days(),
        current=day,
        note=note,
        shown=SHOWN_EVENTS,
        target=_target(marked),
        differing=differing,
    )


@pages.get("/")
def front(request: Request, date: Annotated[str | None, Query(max_length=40)] = None) -> Response:
    """Today's digest, else the latest stored; ``?date=`` (the date picker's form) goes to that day."""
    if (gate := login_needed(request)) is not None:
        return gate
    shelf = library(request)
    if date:
        try:
            asked = dt.date.fromisoformat(date)
        except ValueError:
            return _no_day(shelf, None, f"{date} is not a date: give it as YYYY-MM-DD.", 422)
        return RedirectResponse(f"/days/{asked.isoformat()}", 303)
    days = shelf.days()
    if not days:
        message = (
            "No digest is stored yet: POST a day's articles to /v1/digests, or run `summarizer digest` on this store."
        )
        return render("message.html.j2", heading="No digest yet", message=message, error=False, days=[])
    today = dt.date.today()
    if today in days:
        return _day_page(shelf, today)
    return _day_page(shelf, days[-1], note=f"the latest stored day (none yet for {today})")


def _date(shelf: Library, asked: str) -> dt.date | HTMLResponse:
    """The day a path names, or the page saying it is not a date (a page, not the API's problem+json)."""
    try:
        return dt.date.fromisoformat(asked)
    except ValueError:
        return _no_day(shelf, None, f"{asked} is not a date: give it as YYYY-MM-DD.", 422)


@pages.get("/days/{day}")
def day_page(request: Request, day: str) -> Response:
    if (gate := login_needed(request)) is not None:
        return gate
    shelf = library(request)
    when = _date(shelf, day)
    return when if isinstance(when, HTMLResponse) else _day_page(shelf, when)


@pages.get("/days/{day}/stories/{story_id}")
def story_page(request: Request, day: str, story_id: str) -> Response:
    """The story with each brief, each article's text with its evidence marked, and the story across days."""
    if (gate := login_needed(request)) is not None:
        return gate
    shelf = library(request)
    when = _date(shelf, day)
    if isinstance(when, HTMLResponse):
        return when
    digest = shelf.digest(when)
    story = next((s for s in digest.stories if s.id == story_id), None) if digest else None
    if digest is None or story is None:
        return _no_day(shelf, when, f"The digest of {when} has no story {story_id}.")
    by_id = {a.id: a for a in digest.articles}
    ordered = [story.lead_article, *(a for a in story.articles if a != story.lead_article)]
    marked = _marked(digest, [story])
    return render(
        "story.html.j2",
        day=when,
        story=story,
        articles=[by_id[a] for a in ordered if a in by_id],
        marked=marked,
        target=_target(marked),
        differing=differing,
        tellings=thread(shelf.outlines(), story.id),
        links={a.id: url for a in digest.articles if (url := safe_url(a.url))},
        time_label=time_label,
    )


@pages.get("/stories/{story_id}")
def story_latest(request: Request, story_id: str) -> Response:
    """The story as its latest stored day tells it (``story_id``: any day's id of it)."""
    if (gate := login_needed(request)) is not None:
        return gate
    shelf = library(request)
    tellings = thread(shelf.outlines(), story_id)
    if not tellings:
        return _no_day(shelf, None, f"No stored digest has a story {story_id}.")
    last = tellings[-1]
    return RedirectResponse(f"/days/{last.day.isoformat()}/stories/{last.story.id}", 303)


@pages.get("/search")
def search_page(request: Request, q: Annotated[str, Query()] = "") -> Response:
    """Stories whose briefs or articles hold every word of ``q`` (names, places, words), best first."""
    if (gate := login_needed(request)) is not None:
        return gate
    query = q[:MAX_QUERY].strip()
    hits = library(request).index().search(query) if query else []
    return render("search.html.j2", q=query, hits=hits)
