"""The LLM-facing draft: short keys, bounded lists and strings, cited sentence numbers.

On CPU every output token costs ~100 ms, so the model writes only what it does
better than code: a headline, a summary, the people, organizations and places
the story is about, and its main events with their status and the numbers of
the sentences they rest on. Sources, hedges and time expressions follow
regular patterns in news prose and are found by rules (rules/attribution.py,
rules/times.py) at no token cost. Names are plain strings grouped by kind: an object
per name would cost three times the tokens. Every list and string is bounded:
the JSON Schema becomes the server's grammar.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model


class _Draft(BaseModel):
    model_config = ConfigDict(extra="forbid")


Name = Annotated[str, Field(min_length=1, max_length=60)]
MAX_NAMES = 6


class DraftPlace(_Draft):
    n: Name
    t: Literal["country", "region", "city", "site"]


class DraftEvent(_Draft):
    e: Annotated[str, Field(min_length=1, max_length=60)]
    st: Literal["confirmed", "alleged", "claimed", "denied", "unclear"]
    s: list[int]


class Draft(_Draft):
    """What the model writes (keys explained in prompts/brief/brief.j2)."""

    h: Annotated[str, Field(min_length=1, max_length=70)]
    sm: Annotated[str, Field(min_length=1, max_length=240)]
    ppl: Annotated[list[Name], Field(max_length=MAX_NAMES)]
    org: Annotated[list[Name], Field(max_length=MAX_NAMES)]
    plc: Annotated[list[DraftPlace], Field(max_length=MAX_NAMES)]
    what: Annotated[list[DraftEvent], Field(min_length=1, max_length=3)]


CITATIONS_PER_ITEM = 2


@lru_cache(maxsize=256)
def draft_model(sentences: int) -> type[Draft]:
    """The Draft schema for an article of ``sentences`` sentences.

    Citations are bounded to 1..sentences in the grammar, so the model cannot
    cite a sentence that does not exist.
    """
    citation = Annotated[int, Field(ge=1, le=max(sentences, 1))]
    cites: Any = Annotated[list[citation], Field(min_length=1, max_length=CITATIONS_PER_ITEM)]
    event = create_model("Event", __base__=DraftEvent, s=(cites, ...))
    return create_model(
        "Brief",
        __base__=Draft,
        what=(Annotated[list[event], Field(min_length=1, max_length=3)], ...),
    )


class NameFix(_Draft):
    """The re-ask answer: for each listed item, its name exactly as the article writes it ('' if absent)."""

    fix: list[Annotated[str, Field(max_length=60)]]
