"""The human annotations a brief is scored against, as read from the PolNeAR and MEANTIME gold files.

Every span is an offset pair into the gold article's text (the same text the
brief was made from), so a brief item and a gold annotation are compared by
where they lie, not by how they are spelled.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class GoldSpan(BaseModel):
    """``text == article.text[start:end]`` (checked when the gold file is read)."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str


class GoldAttribution(GoldSpan):
    """One PolNeAR attribution: who (``start``/``end``/``text`` is the source), the cue, what was attributed."""

    parts: tuple[GoldSpan, ...]
    cue: GoldSpan
    content: tuple[GoldSpan, ...]


class GoldEvent(GoldSpan):
    """One MEANTIME event mention with its factuality (None when the corpus left it out)."""

    certainty: str | None = None
    polarity: str | None = None
    time: str | None = None
    verb: bool = False


class GoldTime(GoldSpan):
    """One MEANTIME time expression: TimeML ``type`` and ``value``; ``creation`` marks the dateline."""

    type: str
    value: str | None = None
    creation: bool = False


class GoldMention(GoldSpan):
    """One MEANTIME entity mention: ``type`` is PER, ORG, LOC, PRO (product) or FIN; ``named`` for NAM."""

    type: str
    entity: str
    named: bool = False


def overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Two half-open character ranges share at least one character."""
    return start < other_end and other_start < end
