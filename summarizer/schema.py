"""The public Brief: the published contract, exported as JSON Schema to ``schemas/``.

This module imports nothing of the engine. Every item carries ``evidence``:
spans with ``text == article_text[start:end]``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.9"
"""1.1: ``Actor.role`` became optional (the embedded model no longer writes roles).
1.2: every item says where it came from (``origin``) and how it was aligned (``alignment``); events may be
``planned`` and carry their ``sources`` and ``figures``; a source lists every ``mentions`` of it; a time has an
ISO ``value`` at its own granularity ("2020", "2024-03", "2025-08-17", "2008-W09").
1.3: the article's ``language`` says whether the input gave it or it was detected (``language_from``), and
``coverage`` says which fields the rules checked for that language (the others are the model's answer alone).
1.4: ``run.model_chars`` says how much of the article the model read (the lead, then later passages).
1.5: ``origin`` is required, and ``ruled`` lists what rules changed of a model's item (its kind retyped, moved between
who and where, its mention moved, its statement or status read off the article's own sentence); a new field rather than
a new ``origin`` value, so an older reader still reads the brief. ``run.unsupported``
lists each model-written statement (headline, summary, event) the text it cites does not bear out, with why; the
headline and summary are replaced by the article's own words, an event is dropped (and counted in ``dropped_items``).
1.6: a time may have the precision ``quarter`` (``value`` "2016-Q3": "the third quarter of 2016", "Q3 2016").
1.7: ``others`` lists the names that are neither who nor where, typed (``ThingKind``: a market index or other financial
instrument, a product, an event, a law or other document, a time zone, a work); such a name is no longer filed as a
person, organization or place. A brief of an older version reads with ``others`` empty.
1.8: a time lists every place the article names it again (``mentions``: "Monday" in the lead and twice further on is
one time with three mentions), so each of those sentences' events carries it. A brief of an older version reads with
``mentions`` empty.
1.9: a thing in ``others`` may be a ``disease`` (a disease or the virus that causes it: "COVID-19", "Lyme disease"),
no longer filed as a product, an actor or a place."""

ActorKind = Literal["person", "organization", "group", "country"]
EventStatus = Literal["confirmed", "alleged", "claimed", "denied", "unclear", "planned"]
Origin = Literal["model", "rule"]
Ruled = Literal["kind", "moved", "mention", "statement", "status"]
Alignment = Literal["exact", "partial"]
PlaceKind = Literal["country", "region", "city", "site"]
ThingKind = Literal["index", "product", "event", "law", "time_zone", "work", "disease"]
"""index: a market index or other financial instrument ("FTSE 100", "EUR/USD"); product: a made thing, a ship or
spacecraft too; law: a law, treaty or other founding document; work: a book, film, song, journal or other work;
disease: a disease or the virus that causes it (schema 1.9)."""
UncertaintyLevel = Literal["low", "medium", "high"]
RuleField = Literal["who", "where", "when", "sources", "what", "uncertainty"]
RULE_FIELDS: tuple[RuleField, ...] = get_args(RuleField)
UNCERTAINTY_LEVELS: tuple[UncertaintyLevel, ...] = get_args(UncertaintyLevel)
"""The levels, weakest first."""
ReasonKind = Literal[
    "conflicting_claims", "allegation", "unverified", "anonymous_sources", "partisan_source", "missing_information"
]


class _Model(BaseModel):
    # Unknown fields are ignored on read: a brief written by a newer summarizer must not break an older reader.
    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


class Span(_Model):
    """A piece of the article: ``text`` is exactly ``article_text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start or len(self.text) != self.end - self.start:
            raise ValueError("span text length must equal end - start")
        return self


class Grounded(_Model):
    evidence: list[Span] = Field(min_length=1, description="Article sentences this item rests on.")
    origin: Origin = Field(description="Who found the item: the model, or a rule over the text.")
    ruled: list[Ruled] = Field(
        default_factory=list,
        description="What rules changed of the model's item: kind (retyped), moved (between who and where, or a "
        "country also listed where, or out of them into others), mention (another mention of the name), statement or status (read off the "
        "article's own sentence). Empty when the model's item stands as written, and for a rule's item.",
    )
    alignment: Alignment = Field(
        default="exact",
        description="exact: the item's words are in the article as written; partial: found tolerantly "
        "(titles, accents, spacing) or, for events, through the sentences the model cited.",
    )


class Actor(Grounded):
    name: str = Field(description="The name as the article writes it.")
    kind: ActorKind
    role: str | None = Field(default=None, description="Role in the story, when the backend gives one.")
    mention: Span = Field(description="Where the article names this actor.")


class Figure(_Model):
    """A number the article gives for an event ("at least around 20 arrests"), and who gave it."""

    text: str = Field(description="The figure as written, e.g. 'as high as 50'.")
    mention: Span
    source: str | None = Field(default=None, description="Name from `sources` that gave the figure, if any.")


class Event(Grounded):
    description: str
    status: EventStatus
    actors: list[str] = Field(default_factory=list, description="Names from `who` involved in the event.")
    places: list[str] = Field(default_factory=list, description="Names from `where` involved in the event.")
    times: list[str] = Field(default_factory=list, description="Time references from `when` for the event.")
    sources: list[str] = Field(
        default_factory=list, description="Names from `sources` who report the event (none: the outlet itself)."
    )
    figures: list[Figure] = Field(default_factory=list, description="Numbers given for the event, with who gave them.")


class Place(Grounded):
    name: str
    kind: PlaceKind
    mention: Span


class NamedThing(Grounded):
    """A name that is neither an actor nor a place: an index, a product, an event, a law, a time zone, a work, a
    disease."""

    name: str = Field(description="The name as the article writes it.")
    kind: ThingKind
    mention: Span = Field(description="Where the article names it.")


class TimeReference(Grounded):
    text: str = Field(description="The time expression as written, e.g. 'early Sunday'.")
    date: dt.date | None = Field(
        default=None, description="Resolved against the published date when possible (first day of a month or year)."
    )
    precision: Literal["day", "week", "month", "quarter", "year"] | None = None
    value: str | None = Field(
        default=None,
        description="ISO value at the expression's own granularity: '2020', '2016-Q3', '2024-03', '2025-08-17'.",
    )
    mention: Span
    mentions: list[Span] = Field(
        default_factory=list,
        description="Every place the article names this same time with the same value, the first being ``mention``.",
    )


class Source(Grounded):
    name: str = Field(description="Who the article attributes information to, as written.")
    anonymous: bool
    said: str = Field(description="What the source said, in short.")
    mention: Span
    mentions: list[Span] = Field(
        default_factory=list, description="Every place the article credits this source (pronouns included)."
    )


class UncertaintyReason(Grounded):
    kind: ReasonKind
    note: str


class Uncertainty(_Model):
    level: UncertaintyLevel
    reasons: list[UncertaintyReason] = Field(default_factory=list)


class ArticleInfo(_Model):
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = Field(default=None, description="ISO 639-1 code of the article's language.")
    language_from: Literal["metadata", "detected"] | None = Field(
        default=None, description="metadata: the input said it (HTML lang, feed, JSON); detected: read off the text."
    )
    chars: int = Field(description="Length of the article text.")
    chars_used: int = Field(description="How much of the text the model read (less when trimmed).")


class ServerTimings(_Model):
    """The model server's own time, summed over attempts (llama.cpp reports it)."""

    prompt_ms: float
    generation_ms: float


class Unsupported(_Model):
    """A statement the model wrote that the text it cites does not bear out."""

    field: Literal["headline", "summary", "what"]
    statement: str = Field(description="The model's words, as written (never shown as part of the brief).")
    reason: str = Field(description="Why, in one line: the words, names, numbers or joins the cited text lacks.")
    replaced: bool = Field(description="True when the article's own words took its place; false when dropped.")


class RunInfo(_Model):
    model: str
    backend: str
    prompt_version: str
    schema_version: str = SCHEMA_VERSION
    prompt_tokens: int = Field(description="Summed over all attempts.")
    completion_tokens: int = Field(description="Summed over all attempts.")
    latency_s: float
    attempts: int = Field(description="HTTP requests made to the model, re-asks and transport retries included.")
    reasks: int = Field(description="Re-asks for items that could not be grounded.")
    dropped_items: int = Field(description="Items dropped because they could not be grounded.")
    unsupported: list[Unsupported] = Field(
        default_factory=list,
        description="The model's statements the cited text does not bear out, each replaced or dropped, with why.",
    )
    truncated: bool = False
    model_chars: int | None = Field(
        default=None,
        description="Characters of the article the model read (lead and later passages); rules read chars_used.",
    )
    server_timings: ServerTimings | None = None


class Coverage(_Model):
    """What the rules could check for the article's language; the other fields are the model's grounded answer alone."""

    language: str
    rules: list[RuleField] = Field(description="Fields the rules checked and completed in this language.")
    model_only: list[RuleField] = Field(
        default_factory=list, description="Fields no rule supports in this language: the model's grounded answer alone."
    )

    @property
    def partial(self) -> bool:
        return bool(self.model_only)


class Brief(_Model):
    """A grounded brief of one article."""

    headline: str
    summary: str
    who: list[Actor]
    what: list[Event]
    where: list[Place]
    when: list[TimeReference]
    sources: list[Source]
    uncertainty: Uncertainty
    article: ArticleInfo
    run: RunInfo
    coverage: Coverage | None = Field(default=None, description="Which fields the rules covered (schema 1.3).")
    others: list[NamedThing] = Field(
        default_factory=list,
        description="Names that are neither who nor where (market indices, products, events, laws, time zones, works, "
        "diseases), typed (schema 1.7; diseases since 1.9).",
    )
