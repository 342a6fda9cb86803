"""Words shared by the renderers for parts of a brief or story a reader scans: who reports an event, a time's
value, how many items a story shows before the rest is folded."""

from __future__ import annotations

from summarizer.digest.schema import Account, Citation, Story
from summarizer.schema import Event, NamedThing, TimeReference


def event_detail(event: Event) -> str:
    """ " — according to X; 'at least 20' (X)": who reports the event and the figures given for it, or ""."""
    parts = []
    if event.sources:
        parts.append("according to " + ", ".join(event.sources))
    if event.figures:
        parts.append(", ".join(f"“{f.text}”" + (f" ({f.source})" if f.source else "") for f in event.figures))
    return " — " + "; ".join(parts) if parts else ""


THING_KINDS = {
    "index": "index",
    "product": "product",
    "event": "event",
    "law": "law or document",
    "time_zone": "time zone",
    "work": "work",
    "disease": "disease",
}
"""A thing's kind as a reader says it: "index" covers any market index or financial instrument."""


def thing_label(thing: NamedThing) -> str:
    """ "FTSE 100 (index)": a name that is neither who nor where, with what it is."""
    return f"{thing.name} ({THING_KINDS[thing.kind]})"


def time_label(time: TimeReference) -> str:
    """The expression and its value at its own granularity ("in 2020 → 2020", "last week → 2008-W09")."""
    value = time.value or (time.date.isoformat() if time.date else None)
    return time.text + (f" → {value}" if value else "")


SHOWN_EVENTS = 5
"""Events a story shows before "and N more": an editor scans a story in ten seconds. Chosen by hand, not measured."""
SHOWN_SOURCES = 5
"""Sources a story shows before "and N more" (same reason). Chosen by hand, not measured."""
SHOWN_FIGURES = 5
"""Counted things a story shows before "and N more" (same reason). Chosen by hand, not measured."""
SHOWN_VOICES = 4
"""Outlets named on one line before "and N more": a wire story runs in dozens. Chosen by hand, not measured."""


def voice(citation: Citation) -> str:
    """The outlet, and who in its article says it: 'Lake Times (police)'."""
    return f"{citation.outlet} ({', '.join(citation.said_by)})" if citation.said_by else citation.outlet


def reporter(report: Account, status: str) -> str:
    """Who reports an event in one article, and its status there when it is not the event's: 'Lake Times: alleged'."""
    return voice(report.citation) + (f": {report.value}" if report.value != status else "")


def differing(story: Story) -> set[str]:
    """What the story's outlets give other figures for (its figure conflicts)."""
    return {c.about for c in story.conflicts if c.kind == "figure"}


def more(hidden: int, what: str) -> str:
    """'and 3 more events' (nothing hidden: '')."""
    return f"and {hidden} more {what}" if hidden > 0 else ""
