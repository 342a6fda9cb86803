"""Who and where, checked item by item: a brief's actors and places against MEANTIME's typed entity mentions.

MEANTIME marks every PER, ORG and LOC mention (and products PRO, financial
entities FIN) inside the annotated scope. A brief ``who`` or ``where`` item is
looked up where it lies: its ``mention`` when that is inside the scope, else
the place in the scope that writes the same text and best fits a gold mention
(the brief names the thing once; the scope may write it twice); an item found
nowhere in the scope is not judged.

- ``who_precision`` / ``where_precision``: judged items that overlap a PER, ORG
  or LOC mention (an item on nothing, or only on a product or FIN, is wrong:
  "Batman" or "Counter-Strike" as a city);
- ``kind_accuracy``: of the judged items on any gold mention, those whose kind
  fits the type of the mention they fit best (most characters in common,
  relative to both lengths): person <-> PER; organization <-> ORG; group <->
  ORG or PER; country in ``who`` (an acting country) <-> LOC or ORG; every
  place kind (country, region, city, site) <-> LOC. PRO and FIN fit no kind.
- ``others_precision`` (``score_things``): of the brief's ``others`` items that
  lie on a gold name, those on a product or financial name (PRO/FIN) rather
  than on an actor or place. An item on no gold name is not judged: the topic
  gold lists only the things that matter to the story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.evaluation.annotations import GoldMention, overlaps
from summarizer.schema import Actor, NamedThing, Place, Span

WHO_FITS = {"person": {"PER"}, "organization": {"ORG"}, "group": {"ORG", "PER"}, "country": {"LOC", "ORG"}}
WHERE_FITS = {"LOC"}
_ENTITIES = {"PER", "ORG", "LOC"}
_THINGS = {"PRO", "FIN"}


@dataclass(frozen=True)
class EntityScore:
    who: tuple[int, int]
    where: tuple[int, int]
    kind: tuple[int, int]
    wrong: list[str]


def _located(mention: Span, text: str, scope_end: int, golds: Sequence[GoldMention]) -> tuple[int, int] | None:
    """The item's mention when in scope, else the scope's occurrence of its text that best fits a gold mention."""
    if mention.start < scope_end:
        return mention.start, mention.end
    if not mention.text.strip():
        return None
    places = []
    at = text.find(mention.text, 0, scope_end)
    while at >= 0 and at + len(mention.text) <= scope_end:
        places.append((at, at + len(mention.text)))
        at = text.find(mention.text, at + 1, scope_end)

    def best(place: tuple[int, int]) -> float:
        return max((_fit(*place, g) for g in golds if overlaps(*place, g.start, g.end)), default=0.0)

    return max(places, key=best, default=None)


def _fit(start: int, end: int, gold: GoldMention) -> float:
    common = min(end, gold.end) - max(start, gold.start)
    return common / (end - start) * common / (gold.end - gold.start)


def score_entities(
    golds: Sequence[GoldMention], who: Sequence[Actor], where: Sequence[Place], text: str, scope_end: int
) -> EntityScore:
    """Score one brief's who and where items against one article's entity mentions (module docstring)."""
    tallies = {"who": [0, 0], "where": [0, 0], "kind": [0, 0]}
    wrong: list[str] = []
    items: list[tuple[str, str, str, Span]] = [("who", a.name, a.kind, a.mention) for a in who]
    items += [("where", p.name, p.kind, p.mention) for p in where]
    for field, name, kind, mention in items:
        located = _located(mention, text, scope_end, golds)
        if located is None:
            continue
        start, end = located
        under = [g for g in golds if overlaps(start, end, g.start, g.end)]
        tallies[field][1] += 1
        if any(g.type in _ENTITIES for g in under):
            tallies[field][0] += 1
        else:
            wrong.append(f"{name} ({field}: {'/'.join(sorted({g.type for g in under})) or 'no entity'})")
        if not under:
            continue
        best = max(under, key=lambda g: _fit(start, end, g))
        fits = WHO_FITS.get(kind, set()) if field == "who" else WHERE_FITS
        tallies["kind"][1] += 1
        if best.type in fits:
            tallies["kind"][0] += 1
        elif any(g.type in _ENTITIES for g in under):
            wrong.append(f"{name} ({kind}; {best.type})")
    return EntityScore(
        who=(tallies["who"][0], tallies["who"][1]),
        where=(tallies["where"][0], tallies["where"][1]),
        kind=(tallies["kind"][0], tallies["kind"][1]),
        wrong=wrong,
    )


def score_things(
    golds: Sequence[GoldMention], things: Sequence[NamedThing], text: str, scope_end: int
) -> tuple[tuple[int, int], list[str]]:
    """(right, judged) of one brief's ``others`` items and the wrong ones, each with the gold type it lies on."""
    right, judged, wrong = 0, 0, []
    for thing in things:
        located = _located(thing.mention, text, scope_end, golds)
        under = [g for g in golds if located and overlaps(*located, g.start, g.end)]
        if not located or not under:
            continue
        best = max(under, key=lambda g: _fit(*located, g))
        judged += 1
        if best.type in _THINGS:
            right += 1
        else:
            wrong.append(f"{thing.name} (others {thing.kind}; {best.type})")
    return (right, judged), wrong
