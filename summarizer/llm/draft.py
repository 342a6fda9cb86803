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

from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model


class _Draft(BaseModel):
    model_config = ConfigDict(extra="forbid")


Name = Annotated[str, Field(min_length=1, max_length=60)]
MAX_NAMES = 6
MAX_EVENTS = 8
"""A reader wants the story's events, not one; eight covers a news article's lead and body."""
MAX_SOURCES = 6
MAX_TIMES = 4
EVENT_CHARS = 60
"""A short statement: about eight words. Longer bounds let a small model copy whole sentences."""
CITATIONS_PER_ITEM = 2

DraftStatus = Literal["confirmed", "alleged", "claimed", "denied", "unclear", "planned"]


class DraftPlace(_Draft):
    n: Name
    t: Literal["country", "region", "city", "site"]


class DraftEvent(_Draft):
    """An event as grounding reads it: statement, status, cited sentences."""

    e: Annotated[str, Field(max_length=EVENT_CHARS)]
    st: DraftStatus
    s: list[int]


class SentenceEvent(_Draft):
    """What happens in one lead sentence ("" when nothing does) and how the article presents it."""

    e: Annotated[str, Field(max_length=EVENT_CHARS)]
    st: DraftStatus


class DraftSource(_Draft):
    n: Name
    s: list[int]


class Draft(_Draft):
    """What the model writes (keys explained in prompts/brief/brief.j2).

    ``what`` has one key per lead sentence ("s3": the event of sentence 3): a
    small model asked for a free list of events repeats itself until the
    bound, while one slot per sentence keeps every event on its own sentence.
    """

    h: Annotated[str, Field(min_length=1, max_length=70)]
    sm: Annotated[str, Field(min_length=1, max_length=240)]
    ppl: Annotated[list[Name], Field(max_length=MAX_NAMES)]
    org: Annotated[list[Name], Field(max_length=MAX_NAMES)]
    plc: Annotated[list[DraftPlace], Field(max_length=MAX_NAMES)]
    what: BaseModel
    src: Annotated[list[DraftSource], Field(max_length=MAX_SOURCES)]
    tm: Annotated[list[Annotated[str, Field(min_length=1, max_length=40)]], Field(max_length=MAX_TIMES)]

    def events(self) -> list[DraftEvent]:
        """The events the model wrote, each citing its sentence; empty slots left out."""
        slots = self.what.model_dump()
        return [
            DraftEvent(e=slot["e"], st=slot["st"], s=[int(key.removeprefix("s"))])
            for key, slot in slots.items()
            if isinstance(slot, dict) and str(slot.get("e", "")).strip()
        ]


@lru_cache(maxsize=256)
def draft_model(sentences: int, event_sentences: tuple[int, ...] = ()) -> type[Draft]:
    """The Draft schema for an article whose lead has ``sentences`` numbered sentences.

    Citations are bounded to 1..sentences in the grammar, so the model cannot
    cite a sentence that does not exist; ``what`` has a slot for each of
    ``event_sentences`` (at most MAX_EVENTS; default: the first sentences).
    """
    numbers = event_sentences or tuple(range(1, min(sentences, MAX_EVENTS) + 1))
    citation = Annotated[int, Field(ge=1, le=max(sentences, 1))]
    cites: Any = Annotated[list[citation], Field(min_length=1, max_length=CITATIONS_PER_ITEM)]
    source = create_model("Source", __base__=DraftSource, s=(cites, ...))
    slots: Any = {f"s{number}": (SentenceEvent, ...) for number in numbers[:MAX_EVENTS]}
    what = create_model("Events", __base__=_Draft, **slots)
    return create_model(
        "Brief",
        __base__=Draft,
        what=(what, ...),
        src=(Annotated[list[source], Field(max_length=MAX_SOURCES)], ...),
    )


class NameFix(_Draft):
    """The re-ask answer: for each listed item, its name exactly as the article writes it ('' if absent)."""

    fix: list[Annotated[str, Field(max_length=60)]]
