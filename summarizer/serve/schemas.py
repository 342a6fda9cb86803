"""What the API takes and gives besides the Brief itself (which is ``summarizer.schema.Brief``)."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

JobState = Literal["queued", "running", "done", "failed"]


class BriefRequest(BaseModel):
    """An article, as in a JSONL input line; or only its ``url``, which the server then fetches."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="The article body. Without it, `url` is fetched.")
    title: str | None = None
    outlet: str | None = None
    url: str | None = Field(default=None, description="The article's address; fetched when no `text` is given.")
    published: str | None = Field(
        default=None, description="Publication date (YYYY-MM-DD or a timestamp): resolves 'on Sunday'."
    )
    language: str | None = Field(default=None, description="ISO 639-1 code; detected when not given.")

    @model_validator(mode="after")
    def _text_or_url(self) -> Self:
        if self.text is None and not self.url:
            raise ValueError('give the article\'s "text", or its "url" to fetch')
        return self


class Job(BaseModel):
    """A brief being made: poll ``GET /v1/jobs/{id}`` until ``state`` is done, then read ``brief_url``."""

    id: str
    state: JobState
    queued_ahead: int | None = Field(
        default=None, description="Jobs that will start before this one (queued jobs only)."
    )
    brief_id: str | None = Field(default=None, description="The article's content hash, once known.")
    brief_url: str | None = Field(default=None, description="Where the brief is, once done.")
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
