"""Names that are neither who nor where, kept typed in ``others`` (rules/things.py reads them off the text).

A market story names its index ("the FTSE 100"), a clock its zone ("09:30
GMT"), a launch its product, a vote its law. The small model files them as
people or organizations, and the recognizer reads "FTSE" alone as an
organization. This step finds the things the language's cues (and English's
recognizer) name, moves the brief's who and where items that are one of them
into ``others`` (saying so in ``ruled``), and adds the rest (origin rule).
Who and where items that name nothing to keep (a magnitude, a constellation, a
nationality written as a description of people: "a self-described X") are
dropped.
"""

from __future__ import annotations

import re

from summarizer.brief.align import Aligner, article_name
from summarizer.brief.items import GroundedDraft
from summarizer.brief.mentions import changed
from summarizer.nlp.entities import Entity, entities, recognizes
from summarizer.nlp.pipeline import has_pipeline, parse
from summarizer.rules.kinds import uses_of
from summarizer.rules.names import same_name, words
from summarizer.rules.text import Found
from summarizer.rules.things import (
    MEASURE,
    ThingKind,
    ThingMention,
    find_things,
    introduced_as_new,
    sky_names,
    trimmed,
    without_overlaps,
)
from summarizer.schema import Actor, NamedThing, Place

MAX_OTHERS = 10
"""Things a brief lists at most: a market report names a dozen indices, and the story's own come first in it."""
RECOGNIZED: dict[str, ThingKind] = {"PRODUCT": "product", "EVENT": "event", "LAW": "law"}
"""The English recognizer's labels (OntoNotes) for things (WORK_OF_ART is too loose: quoted phrases); the French and
Spanish ones say only MISC."""
_NOT_PRODUCTS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "DATE", "TIME", "NORP"}
"""Labels that make a name after "new" something other than a product ("the new Commission")."""
_PLACES_AND_PEOPLE = {"GPE", "LOC", "FAC", "PERSON"}
"""Labels that make a journal cue's name something else ("a study published Monday in London")."""
_AMOUNTS = {"QUANTITY", "CARDINAL", "PERCENT", "MONEY"}
"""Labels of a measure: an item inside one ("Magnitude 6.3") is no name at all."""
_DESCRIBED = frozenset({
    "a", "an", "of", "many", "most", "some", "few", "all", "several", "other", "fellow", "ordinary", "young", "older",
})  # fmt: skip
"""Words before a nationality or movement word that make it a description of people, not an actor's name ("a
self-described X", "84% of X", "many X"): general English, no names."""
_INDEFINITE = frozenset({"a", "an", "un", "une", "una", "uno"})
"""Indefinite articles (English, French, Spanish): "a Briton", "un Français" describe a person; a name takes none."""
MAX_RECOGNIZED_WORDS = 6
"""A recognized thing longer than this is a misread phrase (quoted speech read as a title), not a name."""


def set_apart_things(items: GroundedDraft, aligner: Aligner) -> GroundedDraft:
    """Who and where items that name a thing move to ``others``; the article's other things are added after them."""
    text = aligner.index.text
    labelled = entities(text, aligner.language) if recognizes(aligner.language) else ()
    ruled = [
        t
        for t in find_things(text, aligner.language)
        if not aligner.addressed(t.start) and not (t.kind == "work" and _place_or_person(t, labelled, text))
    ]
    things = without_overlaps([*ruled, *_recognized(text, aligner.language)])
    no_names = _no_names(text, aligner.language, labelled)
    others = list(items.others)
    who: list[Actor] = []
    where: list[Place] = []
    listed: list[Actor | Place] = [*items.who, *items.where]
    for item in listed:
        if _no_name(item, no_names, text) or (isinstance(item, Actor) and _describes_people(item, text, aligner)):
            continue  # a nationality as an actor, a magnitude, a constellation: not kept
        thing = _named_thing(item, things, ruled, text)
        if thing is not None and not any(same_name(item.name, o.name) for o in others):
            others.append(_moved(aligner, item, thing))
        elif thing is None and isinstance(item, Actor):
            who.append(item)
        elif thing is None and isinstance(item, Place):
            where.append(item)
    kept: list[Actor | Place | NamedThing] = [*who, *where, *others]
    for thing in things:
        name = " ".join(text[thing.start : thing.end].split())
        if len(others) >= MAX_OTHERS or any(_same(name, item.name) for item in kept):
            continue
        made = _thing_at(aligner, Found(thing.start, thing.end, text[thing.start : thing.end], True), thing.kind)
        others.append(made)
        kept.append(made)
    return items.but(who=who, where=where, others=sorted(others, key=lambda o: o.mention.start))


def _place_or_person(thing: ThingMention, labelled: tuple[Entity, ...], text: str) -> bool:
    """A journal cue's name the recognizer reads as a place or person: "published in London" names no journal. A
    genre's ("the romantic comedy Harbour Lights") is the title, however the recognizer reads it."""
    return _JOURNAL_CUE.search(text, 0, thing.start) is not None and any(
        e.start <= thing.start and thing.end <= e.end and e.label in _PLACES_AND_PEOPLE for e in labelled
    )


_JOURNAL_CUE = re.compile(r"\b(?:in|dans|en|im|in der)[^\S\n]+(?:the[^\S\n]+|la[^\S\n]+|le[^\S\n]+|der[^\S\n]+)?$")
"""What a journal's name follows ("published in X", "publié dans X"): there a person or a place is no journal."""


def _no_names(text: str, language: str, labelled: tuple[Entity, ...]) -> list[tuple[int, int]]:
    """Spans that name no actor or place: bodies in the sky, measures, and (English) a nationality or movement word
    written as a description of people ("a self-described X", "surveyed X", "84% of X")."""
    spans = sky_names(text, language)
    spans += [(e.start, e.end) for e in labelled if e.label in _AMOUNTS]
    for entity in labelled:
        if entity.label != "NORP":
            continue
        before = [w.casefold().strip("%,") for w in text[: entity.start].split()[-2:]]
        if len(before) == 2 and before[1].endswith("ed") and before[1].isalpha():
            before = before[:1]  # "of surveyed X": past the participle
        word = before[-1] if before else ""
        if word in _DESCRIBED or word[-1:].isdigit():
            spans.append(trimmed(text, entity.start, entity.end))
    return spans


def _no_name(item: Actor | Place, spans: list[tuple[int, int]], text: str) -> bool:
    """The item writes a measure, or every use of its name lies in a span that names nothing to keep."""
    if MEASURE.search(item.name) or MEASURE.search(item.mention.text):
        return True
    uses = uses_of(item.mention.text, text) or [(item.mention.start, item.mention.end)]
    return all(any(s <= start and end <= e for s, e in spans) for start, end in uses)


def _describes_people(item: Actor, text: str, aligner: Aligner) -> bool:
    """A one-word actor every use of which describes people rather than names one: with an indefinite article ("a
    self-described X", "un X") or, plural, counted ("two Xs", "many Xs", "84% of surveyed Xs"). Read off the
    parse, so "a Google spokesman" (a modifier) keeps Google; German has no parse here."""
    if not has_pipeline(aligner.language) or len(item.mention.text.split()) != 1:
        return False
    uses = uses_of(item.mention.text, text) or [(item.mention.start, item.mention.end)]
    doc = parse(text, aligner.language)
    for start, end in uses:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        head = span[-1]
        if head.dep_ == "compound" or not head.text[:1].isupper():
            return False
        children = list(head.children)
        indefinite = any(
            c.dep_ == "det" and (c.text in _INDEFINITE or (c.is_sent_start and c.lower_ in _INDEFINITE))
            for c in children
        )  # a capital "A" inside a sentence is part of a name ("Who Gives A X")
        plural = head.tag_ in ("NNPS", "NNS") or head.morph.to_dict().get("Number") == "Plur"
        counted = any(
            c.dep_ == "nummod" or (c.dep_ == "amod" and (c.lower_ in _DESCRIBED or c.tag_ == "VBN")) for c in children
        ) or (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and any(t.like_num or t.text == "%" for t in head.head.head.subtree if t.i < head.head.i)
        )
        if not (indefinite or (plural and counted)):
            return False
    return True


def _same(a: str, b: str) -> bool:
    """Two names the same thing: equal once normalised, an index's word aside ("Hang Seng index" is "Hang Seng"; "Ford"
    is not "Ford Mustang", the product)."""
    return _without_index(words(a)) == _without_index(words(b))


def _without_index(named: tuple[str, ...]) -> tuple[str, ...]:
    return named[:-1] if len(named) > 1 and named[-1] == "index" else named


def _named_thing(
    item: Actor | Place, things: list[ThingMention], ruled: list[ThingMention], text: str
) -> ThingMention | None:
    """The thing an item names: one written exactly at its mention, or (not for a country) the thing every use of
    its name lies inside ("FTSE" only ever in "FTSE 100", "Dow Jones" in "Dow Jones Industrial Average", "Climat"
    in "la loi Climat"). Only the language's own cues count for the second: the recognizer's spans are too loose."""
    at = trimmed(text, item.mention.start, item.mention.end)  # "The Lancet ..." is the thing "Lancet ..."
    exact = next((t for t in things if (t.start, t.end) in ((item.mention.start, item.mention.end), at)), None)
    if exact is not None or item.kind == "country":
        return exact  # "guerre d'Irak": the country is still where the story is
    uses = uses_of(item.mention.text, text) or [(item.mention.start, item.mention.end)]
    holding = [
        next((t for t in ruled if t.start <= trimmed(text, start, end)[0] and end <= t.end), None)
        for start, end in uses
    ]
    return holding[0] if all(holding) else None


def _moved(aligner: Aligner, item: Actor | Place, thing: ThingMention) -> NamedThing:
    """The item as the thing it names: at the item's mention when that is the thing's, else at the thing's."""
    if (item.mention.start, item.mention.end) == (thing.start, thing.end):
        return NamedThing(
            name=item.name,
            kind=thing.kind,
            mention=item.mention,
            evidence=item.evidence,
            origin=item.origin,
            ruled=changed(item, "moved"),
            alignment=item.alignment,
        )
    text = aligner.index.text
    made = _thing_at(aligner, Found(thing.start, thing.end, text[thing.start : thing.end], True), thing.kind)
    ruled = changed(item, "moved")
    if item.origin == "model" and "mention" not in ruled:
        ruled.append("mention")  # "FTSE" -> "FTSE 100": the thing's own mention
    return made.model_copy(update={"origin": item.origin, "alignment": item.alignment, "ruled": ruled})


def _thing_at(aligner: Aligner, found: Found, kind: ThingKind) -> NamedThing:
    mention = aligner.span(found.start, found.end)
    return NamedThing(
        name=article_name(mention),
        kind=kind,
        mention=mention,
        evidence=aligner.mention_evidence(found),
        origin="rule",
    )


def _recognized(text: str, language: str) -> list[ThingMention]:
    """The recognizer's things (English labels) it reads reliably, and names after "new" it reads as nothing else.

    The small English recognizer labels loosely: "June" or "Martin" a product, a quoted phrase a work. A product
    counts when it carries a model designation ("A380", "KC-45") or every one of two or more uses is labelled one;
    an event or law when it is a name (capitalised, no amount); a work only by the language's own cues (quoted
    after "the film"), never by the label alone.
    """
    found: list[ThingMention] = []
    labelled = entities(text, language) if recognizes(language) else ()  # Spanish without its opt-in pipeline
    for entity in labelled:
        kind = RECOGNIZED.get(entity.label)
        start, end = trimmed(text, entity.start, entity.end)
        name = text[start:end]
        if kind is None or not name[:1].isupper() or not _name_like(name):
            continue
        if kind == "product" and not (any(c.isdigit() for c in name) or _always_product(name, text, labelled)):
            continue
        found.append(ThingMention(start, end, kind))
    for start, end in introduced_as_new(text, language):
        under = [e for e in labelled if e.start < end and start < e.end]
        if under and not any(e.label in _NOT_PRODUCTS for e in under):
            found.append(ThingMention(start, end, "product"))
    return found


def _name_like(name: str) -> bool:
    """A recognized span that reads as a name: a few words, no amount or dangling dash ("US $299", "Pro - a")."""
    return len(name.split()) <= MAX_RECOGNIZED_WORDS and not any(c in name for c in "$€£¥") and " - " not in name


def _always_product(name: str, text: str, labelled: tuple[Entity, ...]) -> bool:
    uses = uses_of(name, text)
    products = {(e.start, e.end) for e in labelled if e.label == "PRODUCT"}
    return len(uses) >= 2 and all(any(s <= a and b <= e for s, e in products) for a, b in uses)
