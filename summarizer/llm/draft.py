"""The LLM-facing draft: short keys, bounded lists and strings, cited sentence numbers.

The model can write every part of a brief: a headline, a summary, the people,
organizations and places, the events with their status, who said what, and
the time expressions. On CPU every output token costs ~30-100 ms, so keys are
short, names are plain strings grouped by kind (an object per name would cost
three times the tokens), and every list and string is bounded: the JSON
Schema becomes the server's grammar, so the bounds hold. Evidence is cited by
sentence number, never copied: grounding slices the article's own text.
Rules (rules/, nlp/) add what the model leaves out; each item records its
origin.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from summarizer.llm.profile import SMALL, ModelProfile


class _Draft(BaseModel):
    model_config = ConfigDict(extra="forbid")


Name = Annotated[str, Field(min_length=1, max_length=60)]
MAX_NAMES = SMALL.names
"""People, organizations and places the model lists, each: the lead of a news story names about that many; the rules add the rest (chosen by hand for the 1.5B default, not measured; a large model's profile gives more)."""
MAX_EVENTS = 8
"""A reader wants the story's events, not one; eight covers a news article's lead."""
MAX_MODEL_EVENTS = SMALL.events
"""Events the model writes for the lead: the parse gives one per further lead sentence, so the model's few are what it adds (chosen by hand for the 1.5B default)."""
DRAFT_SOURCES = SMALL.sources
"""Sources the model lists for the lead (the brief's own bound is brief/sources.py MAX_SOURCES): the parse finds
the rest (chosen by hand for the 1.5B default, not measured)."""
MAX_ADDED = 3
"""Events, and sources, one reading pass over the rest of the article may add: a passage of ~500 tokens."""
DRAFT_TIMES = SMALL.times
"""Time expressions the model lists (the brief's own bound is brief/when.py MAX_TIMES): the rules find the rest
(chosen by hand, not measured)."""
EVENT_CHARS = SMALL.event_chars
"""A short statement: about eight words. Longer bounds let a small model copy whole sentences."""
CITATIONS_PER_ITEM = 2
"""Sentences an item may cite: MAX_EVIDENCE in brief/align.py keeps as many."""

DraftStatus = Literal["confirmed", "alleged", "claimed", "denied", "unclear", "planned"]


class DraftPlace(_Draft):
    n: Name
    t: Literal["country", "region", "city", "site"]


class DraftEvent(_Draft):
    """An event as grounding reads it: statement, status, cited sentences."""

    e: Annotated[str, Field(min_length=1, max_length=EVENT_CHARS)]
    st: DraftStatus
    s: list[int]


class DraftSource(_Draft):
    n: Name
    s: list[int]


class Draft(_Draft):
    """What the model writes (keys explained in prompts/brief/brief.j2).

    ``what`` is the model's main events, at most MAX_MODEL_EVENTS: the 1.5B
    default, given room for eight, repeats one event until the bound (measured
    on MEANTIME: eight copies of the first sentence, 370 output tokens). The
    parse adds one event per further lead sentence (brief/events.py).
    """

    h: Annotated[str, Field(min_length=1, max_length=70)]
    sm: Annotated[str, Field(min_length=1, max_length=240)]
    ppl: Annotated[list[Name], Field(max_length=MAX_NAMES)]
    org: Annotated[list[Name], Field(max_length=MAX_NAMES)]
    plc: Annotated[list[DraftPlace], Field(max_length=MAX_NAMES)]
    what: Annotated[list[DraftEvent], Field(min_length=1, max_length=MAX_MODEL_EVENTS)]
    src: Annotated[list[DraftSource], Field(max_length=DRAFT_SOURCES)]
    tm: Annotated[list[Annotated[str, Field(min_length=1, max_length=40)]], Field(max_length=DRAFT_TIMES)]

    def events(self) -> list[DraftEvent]:
        """The events the model wrote."""
        return [event for event in self.what if event.e.strip()]


def _cited_lists(
    first: int, last: int, events: tuple[int | None, int], sources: int, event_chars: int = EVENT_CHARS
) -> dict[str, Any]:
    """The ``what`` and ``src`` fields, their citations bounded to sentences ``first``..``last`` in the grammar;
    ``events`` is the (min, max) length of ``what``, ``sources`` the most ``src`` items, ``event_chars`` the
    longest statement."""
    citation = Annotated[int, Field(ge=first, le=max(last, first))]
    cites: Any = Annotated[list[citation], Field(min_length=1, max_length=CITATIONS_PER_ITEM)]
    fields: dict[str, Any] = {"s": (cites, ...)}
    if event_chars != EVENT_CHARS:
        fields["e"] = (Annotated[str, Field(min_length=1, max_length=event_chars)], ...)
    event = create_model("Event", __base__=DraftEvent, **fields)
    source = create_model("Source", __base__=DraftSource, s=(cites, ...))
    fewest, most = events
    return {
        "what": (Annotated[list[event], Field(min_length=fewest, max_length=most)], ...),
        "src": (Annotated[list[source], Field(max_length=sources)], ...),
    }


def _listed(profile: ModelProfile) -> dict[str, Any]:
    """The name and time lists under the profile's bounds; none for the small profile, whose bounds Draft holds
    (so the schema it sends, and the recorded requests, stay exactly as they were)."""
    if profile == SMALL:
        return {}
    names: Any = Annotated[list[Name], Field(max_length=profile.names)]
    places: Any = Annotated[list[DraftPlace], Field(max_length=profile.names)]
    time: Any = Annotated[str, Field(min_length=1, max_length=40)]
    return {
        "ppl": (names, ...),
        "org": (names, ...),
        "plc": (places, ...),
        "tm": (Annotated[list[time], Field(max_length=profile.times)], ...),
    }


@lru_cache(maxsize=256)
def draft_model(sentences: int, profile: ModelProfile = SMALL) -> type[Draft]:
    """The Draft schema for an article whose lead has ``sentences`` numbered sentences, under ``profile``'s bounds.

    Citations are bounded to 1..sentences in the grammar, so the model cannot
    cite a sentence that does not exist.
    """
    cited = _cited_lists(1, sentences, (1, profile.events), profile.sources, profile.event_chars)
    return create_model("Brief", __base__=Draft, **_listed(profile), **cited)


class Addition(_Draft):
    """What one reading pass over a later passage adds to the brief: its events and who said what.

    Names, places and times of the whole article already reach the brief
    (the prompt's list of names, the rules over every sentence); events and
    attributions are what the model reads better than rules, so a pass asks
    for those alone and stays short.
    """

    what: Annotated[list[DraftEvent], Field(max_length=MAX_ADDED)]
    src: Annotated[list[DraftSource], Field(max_length=MAX_ADDED)]

    def events(self) -> list[DraftEvent]:
        return [event for event in self.what if event.e.strip()]


@lru_cache(maxsize=256)
def addition_model(first: int, last: int, profile: ModelProfile = SMALL) -> type[Addition]:
    """The Addition schema for a passage of sentences ``first``..``last``: citations stay inside the passage.

    A pass adds MAX_ADDED items whatever the profile (a passage is ~500 tokens); a large model's statements
    may be as long as its lead's."""
    cited = _cited_lists(first, last, (None, MAX_ADDED), MAX_ADDED, profile.event_chars)
    return create_model("Addition", __base__=Addition, **cited)


def draft_digest(profile: ModelProfile = SMALL) -> str:
    """A fingerprint of the schema the model answers in under ``profile``: stored answers are reusable while it is
    unchanged (answers written with a large model's room are not a small profile's)."""
    models = (draft_model(1, profile), addition_model(1, 1, profile), NameFix)
    schema = json.dumps([model.model_json_schema() for model in models], sort_keys=True)
    return hashlib.sha256(schema.encode()).hexdigest()[:16]


class NameFix(_Draft):
    """The re-ask answer: for each listed item, its name exactly as the article writes it ('' if absent)."""

    fix: list[Annotated[str, Field(max_length=60)]]
