"""Items made at a mention: an actor or place sliced from the article, and the tests every step shares."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from summarizer.brief.align import Aligner, article_name
from summarizer.rules.places import MATCH_SCORE
from summarizer.rules.text import Found
from summarizer.schema import (
    Actor,
    ActorKind,
    Alignment,
    Grounded,
    NamedThing,
    Origin,
    Place,
    PlaceKind,
    Ruled,
    ThingKind,
)

ItemT = TypeVar("ItemT", Actor, Place)

PRODUCT_AFTER = re.compile(rf"[ -]?(?!{MATCH_SCORE}\b)(?:[A-Z]{{0,3}}-?\d[\w-]*|OS\b|SDK\b)")
"""A model number or product word right after a maker's name: "Boeing 787", "Airbus A380", "Mac OS"; not a
match's score ("beat Kilcarn 43-5")."""
_AMOUNT_BEFORE = re.compile(r"[$€£¥]\s?\d[\d.,]*(?:\s*(?:million|billion|trillion|bn|m))?\s+$", re.I)


def actor_at(
    aligner: Aligner,
    found: Found,
    kind: ActorKind,
    origin: Origin,
    name: str | None = None,
    ruled: Sequence[Ruled] = (),
) -> Actor:
    """The actor the article names at ``found``; ``name`` is the model's spelling, when the model named it."""
    mention = aligner.span(found.start, found.end)
    return Actor(
        name=article_name(mention),
        kind=kind,
        mention=mention,
        evidence=aligner.mention_evidence(found),
        alignment=alignment_of(found, name),
        origin=origin,
        ruled=list(ruled),
    )


def place_at(aligner: Aligner, found: Found, kind: PlaceKind, origin: Origin, alignment: Alignment = "exact") -> Place:
    """The place the article names at ``found``."""
    mention = aligner.span(found.start, found.end)
    return Place(
        name=article_name(mention),
        kind=kind,
        mention=mention,
        evidence=aligner.mention_evidence(found),
        origin=origin,
        alignment=alignment,
    )


def as_place(actor: Actor, kind: PlaceKind = "city") -> Place:
    """The same mention, as a where item a rule made of it: a country that acts is also where things happen."""
    return Place(
        name=actor.name,
        kind=kind,
        mention=actor.mention,
        evidence=actor.evidence,
        origin=actor.origin,
        ruled=changed(actor, "moved"),
        alignment=actor.alignment,
    )


def as_actor(place: Place, kind: ActorKind) -> Actor:
    """The same mention, as a who item a rule made of it: a place the article introduces as a company or a person."""
    return Actor(
        name=place.name,
        kind=kind,
        mention=place.mention,
        evidence=place.evidence,
        origin=place.origin,
        ruled=changed(place, "moved"),
        alignment=place.alignment,
    )


def as_thing(item: Actor | Place, kind: ThingKind) -> NamedThing:
    """The same mention, as a thing that is neither who nor where: "Paris Air Show" filed as a place is an event."""
    return NamedThing(
        name=item.name,
        kind=kind,
        mention=item.mention,
        evidence=item.evidence,
        origin=item.origin,
        ruled=changed(item, "moved"),
        alignment=item.alignment,
    )


def changed(item: Grounded, what: Ruled) -> list[Ruled]:
    """The item's ``ruled`` once a rule changed ``what`` of it: recorded for a model's item (a rule's is the rule's)."""
    if item.origin == "rule" or what in item.ruled:
        return list(item.ruled)
    return [*item.ruled, what]


def retyped(item: ItemT, kind: str) -> ItemT:
    """The item with the kind a rule read, saying so in ``ruled``; unchanged when the rule agrees with it."""
    if item.kind == kind:
        return item
    return item.model_copy(update={"kind": kind, "ruled": changed(item, "kind")})


def found_at(item: Actor | Place) -> Found:
    """The item's mention as a search hit, to make another item at the same place."""
    return Found(item.mention.start, item.mention.end, item.mention.text, True)


def alignment_of(found: Found, name: str | None) -> Alignment:
    """Exact when the article writes the name as the model did; partial when found tolerantly."""
    return "exact" if name is not None and found.text == name.strip() else "partial"


def money(text: str, start: int, end: int) -> bool:
    """True when the name at [start, end) is a currency's: "US$40 billion", "$40 billion US"."""
    return text.startswith("$", end) or _AMOUNT_BEFORE.search(text[max(0, start - 30) : start]) is not None
