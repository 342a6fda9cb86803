"""What the API takes and gives besides the Brief itself (which is ``summarizer.schema.Brief``)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, Self
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, model_validator

from summarizer.digest.schema import DigestArticle, Story, StoryChanges
from summarizer.schema import UncertaintyLevel

JobState = Literal["queued", "running", "done", "failed"]
WEB_ADDRESS = r"^https?://\S"
"""The only addresses the server fetches: anything else would be a file of the server's own (or its stdin).
Lower case, as the page and feed readers (ingest/) tell an address from a path."""
MAX_ARTICLES = 1_000
"""Articles one digest request may carry: a busy newsroom's day is a few hundred; the 1 MB body limit binds first."""
MAX_URLS = 100
"""Feed or page addresses one digest request may give: each is fetched in the job, a feed's entries too."""


def is_web_address(url: str) -> bool:
    """An http(s) address the URL parser can read: "https://]x" (an unclosed IPv6 bracket) is none, and used to
    fail the job with an internal error instead of a 422."""
    if re.match(WEB_ADDRESS, url) is None:
        return False
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


def not_web_address(url: str) -> str:
    """Why the server will not fetch ``url``, in one line."""
    return f"{url[:80]!r} is not an http(s) URL; the server fetches only web addresses, never a file of its own"


def _web_address(url: str) -> str:
    if not is_web_address(url):
        raise ValueError(not_web_address(url))
    return url


class BriefRequest(BaseModel):
    """An article, as in a JSONL input line; or only its ``url``, which the server then fetches."""

    model_config = ConfigDict(
        extra="forbid",
        # Said in the OpenAPI too, so a client (and Schemathesis) knows a body without either is refused.
        json_schema_extra={
            "anyOf": [
                {"required": ["text"], "properties": {"text": {"type": "string"}}},
                {"required": ["url"], "properties": {"url": {"type": "string", "pattern": WEB_ADDRESS}}},
            ]
        },
    )

    # The patterns are said in the OpenAPI only: the check below and the Article's give the CLI's messages.
    text: str | None = Field(
        default=None,
        json_schema_extra={"pattern": r"\S"},
        description="The article body. Without it, `url` is fetched.",
    )
    title: str | None = None
    outlet: str | None = None
    url: str | None = Field(
        default=None,
        description="The article's address; without `text` it is fetched, so it must be http(s) (never a local file).",
    )
    published: str | None = Field(
        default=None, description="Publication date (YYYY-MM-DD or a timestamp): resolves 'on Sunday'."
    )
    language: str | None = Field(default=None, description="ISO 639-1 code; detected when not given.")

    @model_validator(mode="after")
    def _text_or_url(self) -> Self:
        if self.text is None and not self.url:
            raise ValueError('give the article\'s "text", or its "url" to fetch')
        if self.text is None and self.url:  # fetched: beside a text it is only said (and rendered escaped)
            _web_address(self.url)
        return self


class DigestRequest(BaseModel):
    """The day's articles (as for ``POST /v1/briefs``) and feed or page addresses, for one day's digest."""

    model_config = ConfigDict(extra="forbid")

    articles: list[BriefRequest] = Field(
        default_factory=list,
        max_length=MAX_ARTICLES,
        description="Articles as for `POST /v1/briefs`; one with only a `url` is fetched (a page or a feed).",
    )
    urls: list[str] = Field(
        default_factory=list,
        max_length=MAX_URLS,
        description="Feed (RSS/Atom) or article page addresses, fetched in the job; each feed entry's link too.",
        json_schema_extra={"items": {"type": "string", "pattern": WEB_ADDRESS}},
    )
    date: dt.date | None = Field(default=None, description="The day the digest is for. Default: today (the server's).")
    since: dt.date | None = Field(
        default=None,
        description="The earlier stored digest continued stories say what is new since. Default: the latest before.",
    )

    @model_validator(mode="after")
    def _something(self) -> Self:
        if not self.articles and not self.urls:
            raise ValueError('give "articles" or "urls" (feeds or pages) to make a digest of')
        for url in self.urls:
            _web_address(url)
        day = self.date or dt.date.today()
        if self.since is not None and self.since >= day:
            raise ValueError(f'"since" ({self.since}) must be before the digest\'s "date" ({day})')
        return self


class JobProgress(BaseModel):
    """How far a digest job is: articles settled (briefed, found in the store, or failed) of those found."""

    briefed: int = Field(ge=0)
    total: int | None = Field(default=None, description="Articles found in the inputs; None while they are read.")


class Job(BaseModel):
    """A brief or a digest being made: poll ``GET /v1/jobs/{id}`` until ``state`` is done, then read its url."""

    id: str
    kind: Literal["brief", "digest"] = "brief"
    state: JobState
    queued_ahead: int | None = Field(
        default=None, description="Jobs that will start before this one (queued jobs only)."
    )
    brief_id: str | None = Field(default=None, description="The article's content hash, once known.")
    brief_url: str | None = Field(default=None, description="Where the brief is, once done.")
    digest_date: dt.date | None = Field(default=None, description="The day of a digest job's digest.")
    digest_url: str | None = Field(default=None, description="Where a digest job's digest is, once done.")
    progress: JobProgress | None = Field(
        default=None, description="A digest job's articles briefed so far (while this server runs it)."
    )
    error: str | None = Field(default=None, description="Why it failed, in the one line the CLI would print.")
    created: str
    updated: str


class Problem(BaseModel):
    """An error, as RFC 9457 problem details (``application/problem+json``)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str = Field(description="What went wrong and what to do, in one line (the CLI's message).")


class Health(BaseModel):
    status: Literal["ok", "starting", "failed"]
    detail: str | None = None


class DayStory(BaseModel):
    """One story of a day's digest, with its articles (each with its text and full brief)."""

    date: dt.date
    digest_url: str
    story: Story
    articles: list[DigestArticle] = Field(description="The story's articles, lead first: what every citation cites.")


class TimelineDay(BaseModel):
    """The story as one stored day's digest tells it."""

    date: dt.date
    story: str = Field(description="The story's id in that day's digest (ids are per day).")
    url: str = Field(description="The story in that day's digest.")
    rank: int
    headline: str
    summary: str
    outlets: list[str]
    articles: int = Field(description="How many articles that day's digest has for it.")
    uncertainty: UncertaintyLevel
    changes: StoryChanges | None = Field(
        default=None, description="What that day's articles said that the earlier days' did not (None: the first)."
    )


class Timeline(BaseModel):
    """A story across the stored days, oldest first, with what changed each day."""

    id: str = Field(description="The thread's stable id: the story's id on its first stored day.")
    asked: str = Field(description="The id the caller gave (any day's id of the story).")
    days: list[TimelineDay] = Field(min_length=1)


class WatchedSource(BaseModel):
    """One source the server's watcher polls, and how it fares."""

    source: str = Field(description="The feed's URL, or the path of a URL list file on the server.")
    kind: Literal["feed", "list"]
    failures: int = Field(description="Polls in a row that could not read it (0: the last one did).")
    backing_off: int = Field(description="Polls it sits out before it is tried again, after failures.")


class WatchPoll(BaseModel):
    """What the watcher's last poll did."""

    started: dt.datetime
    finished: dt.datetime
    day: dt.date = Field(description="The day its articles belong to (the server's day when the poll started).")
    polled: int = Field(description="Sources read (a feed answering 304 Not Modified counts).")
    unchanged: int = Field(description="Feeds that answered 304 Not Modified.")
    new: int = Field(description="Articles new to the day's digest.")
    briefs_made: int
    failures: list[str] = Field(description="One line per failure: a source, a page, a brief (tried again later).")
    digest_url: str | None = Field(default=None, description="The day's digest, when this poll rebuilt it.")


class WatchStatus(BaseModel):
    """The feeds the server watches (``summarizer serve --watch``), its last poll and the next."""

    state: Literal["polling", "waiting", "stopped"] = Field(
        description="polling now, waiting for the next poll, or stopped (the server is stopping)."
    )
    every_s: float = Field(description="Seconds from the start of one poll to the start of the next.")
    polls: int = Field(description="Polls since the server started.")
    sources: list[WatchedSource]
    last_poll: WatchPoll | None = None
    next_poll: dt.datetime | None = None
    today_url: str = Field(default="/v1/digests/today", description="The digest the watcher keeps current.")
