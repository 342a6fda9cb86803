"""MEANTIME gold (``gold.events``, ``gold.times``, ``gold.entities``, ``gold.scope``).

See ``../shared/eval/NOTICE.md``. MEANTIME annotates exhaustively only the
title, the dateline and the first body sentences: ``scope.annotated_char_end``
is where that ends, and every metric on this gold stays inside it.
"""

from __future__ import annotations

from typing import Any

from summarizer.evaluation.annotations import GoldEvent, GoldMention, GoldTime
from summarizer.evaluation.gold_polnear import span

ENTITY_TYPES = {"PER", "ORG", "LOC", "PRO", "FIN"}


def scope_end(gold: dict[str, Any], text: str) -> int:
    end = gold["scope"]["annotated_char_end"]
    if not isinstance(end, int) or not 0 < end <= len(text):
        raise ValueError("scope.annotated_char_end is not an offset into the text")
    return end


def events(gold: dict[str, Any], text: str) -> tuple[GoldEvent, ...]:
    """The event mentions with factuality (``events_crossdoc_only`` has none and is left out)."""
    return tuple(
        GoldEvent(
            **span(record, text).model_dump(),
            certainty=record.get("certainty"),
            polarity=record.get("polarity"),
            time=record.get("time"),
            verb=record.get("pos") == "VERB",
        )
        for record in gold["events"]
    )


def times(gold: dict[str, Any], text: str) -> tuple[GoldTime, ...]:
    return tuple(
        GoldTime(
            **span(record, text).model_dump(),
            type=str(record["type"]),
            value=record.get("value"),
            creation=record.get("functionInDocument") == "CREATION_TIME",
        )
        for record in gold["times"]
    )


def mentions(gold: dict[str, Any], text: str) -> tuple[GoldMention, ...]:
    """Every mention of every typed entity, longest first where they start together."""
    out = []
    for entity in gold["entities"]:
        kind = entity["type"]
        if kind not in ENTITY_TYPES:
            raise ValueError(f"entity type {kind!r} is not one of {', '.join(sorted(ENTITY_TYPES))}")
        for record in entity["mentions"]:
            out.append(
                GoldMention(
                    **span(record, text).model_dump(),
                    type=kind,
                    entity=str(entity.get("name") or record["text"]),
                    named=record.get("syntactic_type") == "NAM",
                )
            )
    return tuple(sorted(out, key=lambda m: (m.start, -m.end)))
