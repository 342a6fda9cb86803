"""Words shared by the renderers for parts of a brief a reader scans: who reports an event, a time's value."""

from __future__ import annotations

from summarizer.schema import Event, TimeReference


def event_detail(event: Event) -> str:
    """ " — according to X; 'at least 20' (X)": who reports the event and the figures given for it, or ""."""
    parts = []
    if event.sources:
        parts.append("according to " + ", ".join(event.sources))
    if event.figures:
        parts.append(", ".join(f"“{f.text}”" + (f" ({f.source})" if f.source else "") for f in event.figures))
    return " — " + "; ".join(parts) if parts else ""


def time_label(time: TimeReference) -> str:
    """The expression and its value at its own granularity ("in 2020 → 2020", "last week → 2008-W09")."""
    value = time.value or (time.date.isoformat() if time.date else None)
    return time.text + (f" → {value}" if value else "")
