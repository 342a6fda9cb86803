"""What the API takes and gives besides the Brief itself (which is ``summarizer.schema.Brief``)."""

from __future__ import annotations

import re
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

JobState = Literal["queued", "running", "done", "failed"]


class BriefRequest(BaseModel):
    """An article, as in a JSONL input line; or only its ``url``, which the server then fetches."""

    model_config = ConfigDict(
        extra="forbid",
        # Said in the OpenAPI too, so a client (and Schemathesis) knows a body without either is refused.
        json_schema_extra={
            "anyOf": [
                {"required": ["text"], "properties": {"text": {"type": "string"}}},
                {"required": ["url"], "properties": {"url": {"type": "string"}}},
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
        json_schema_extra={"pattern": r"^https?://\S"},
        description="The article's http(s) address; fetched when no `text` is given (never a local file).",
    )
    published: str | None = Field(
        default=None, description="Publication date (YYYY-MM-DD or a timestamp): resolves 'on Sunday'."
    )
    language: str | None = Field(default=None, description="ISO 639-1 code; detected when not given.")

    @model_validator(mode="after")
    def _text_or_url(self) -> Self:
        if self.text is None and not self.url:
            raise ValueError('give the article\'s "text", or its "url" to fetch')
        if self.url is not None and not re.match(r"https?://\S", self.url, re.IGNORECASE):
            raise ValueError(f"{self.url!r} is not an http(s) URL; give the article's web address")
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
