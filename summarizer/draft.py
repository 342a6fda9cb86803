"""The LLM-facing draft: short keys, bounded lists and strings, cited sentence numbers.

Small models loop on unbounded fields and paraphrase when asked for quotes, so
the model writes only short names and phrases plus the numbers of the
sentences it relies on; grounding turns those into article offsets. Every list
and string is bounded: the JSON Schema becomes the server's grammar.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model


class _Draft(BaseModel):
    model_config = ConfigDict(extra="forbid")


Name = Annotated[str, Field(min_length=1, max_length=60)]
Short = Annotated[str, Field(min_length=1, max_length=80)]


class DraftActor(_Draft):
    n: Name
    t: Literal["person", "org", "group", "country"]
    r: Annotated[str, Field(max_length=40)]


class DraftPlace(_Draft):
    n: Name
    t: Literal["country", "region", "city", "site"]


class DraftTime(_Draft):
    w: Annotated[str, Field(min_length=1, max_length=30)]


class DraftEvent(_Draft):
    e: Short
    st: Literal["confirmed", "alleged", "claimed", "denied", "unclear"]
    s: list[int]


class DraftSource(_Draft):
    n: Name
    a: bool
    q: Short
    s: list[int]


class DraftReason(_Draft):
    k: Literal["conflict", "alleged", "unverified", "anonymous", "partisan", "missing"]
    w: Short
    s: list[int]


class Draft(_Draft):
    """The whole draft, merged from the passes below (keys explained in prompts/brief/)."""

    h: Annotated[str, Field(min_length=1, max_length=100)]
    sm: Annotated[str, Field(min_length=1, max_length=300)]
    who: Annotated[list[DraftActor], Field(min_length=1, max_length=8)]
    where: Annotated[list[DraftPlace], Field(max_length=6)]
    when: Annotated[list[DraftTime], Field(max_length=4)]
    src: Annotated[list[DraftSource], Field(min_length=1, max_length=6)]
    what: Annotated[list[DraftEvent], Field(min_length=1, max_length=4)]
    u: Literal["low", "medium", "high"]
    why: Annotated[list[DraftReason], Field(max_length=4)]


CITATIONS_PER_ITEM = 2


def _cites(sentences: int) -> Any:
    citation = Annotated[int, Field(ge=1, le=max(sentences, 1))]
    return Annotated[list[citation], Field(min_length=1, max_length=CITATIONS_PER_ITEM)]


@lru_cache(maxsize=256)
def draft_model(sentences: int) -> type[Draft]:
    """The Draft schema for an article of ``sentences`` sentences.

    Citations are bounded to 1..sentences in the grammar, so the model cannot
    cite a sentence that does not exist. Lists have a floor as well as a
    ceiling: left free, the small model answers with empty lists; what it then
    invents is caught by grounding and counted as dropped.
    """
    cites = _cites(sentences)
    event = create_model("Event", __base__=DraftEvent, s=(cites, ...))
    source = create_model("Source", __base__=DraftSource, s=(cites, ...))
    reason = create_model("Reason", __base__=DraftReason, s=(cites, ...))
    return create_model(
        "Brief",
        __base__=Draft,
        src=(Annotated[list[source], Field(min_length=1, max_length=6)], ...),
        what=(Annotated[list[event], Field(min_length=1, max_length=4)], ...),
        why=(Annotated[list[reason], Field(max_length=4)], ...),
    )


class NameFix(_Draft):
    """The re-ask answer: for each listed item, its name exactly as the article writes it ('' if absent)."""

    fix: list[Annotated[str, Field(max_length=60)]]
