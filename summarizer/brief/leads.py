"""Who leads who and where: the rules type and place a name they also found; the model adds the names they miss.

Measured on the dev sets (``benchmarks/field_leads.py``, docs/quality.md
"Who leads each field"), the rules alone type names better than the model
(kind accuracy 89.9% against 85.8%) and the model finds names they miss
(who recall +5.3 points). So where the rules' own reading of the article
lists a name the model gave (the same words), the rules' item decides its
kind, whether it is who or where, and which mention stands for it ("Kestrel"
where it acts, not in "Kestrel jets"); the item stays the model's (origin
``model``), its ``ruled`` saying what the rules changed. A name of the
model's that nothing reads as a name (no rule lists it, the recognizer reads
nothing there, and its own words are not a name's: "Ferries" filed as a
person, "Even the harbour" as a site) is dropped: on MEANTIME dev every such
item was wrong or unjudgeable, while every name the model alone rightly found
lay on a recognized name. An actor the article describes rather than names
(a body by its common noun: "the transport ministry", "regional police";
people it quotes unnamed: "lawmakers ..., they said"; a plural that acts:
"Relatives gathered") is not such a name: it stays. A model's item that joins two names the rules list apart
("Kelly and Baroni") becomes those two. Measured on English; other languages keep the merge as it was.
"""

from __future__ import annotations

import re

from summarizer.brief.items import MAX_PLACES, GroundedDraft
from summarizer.brief.mentions import retyped
from summarizer.nlp.entities import acting_plural, head_words, kind_at, opens_with_proper_noun
from summarizer.nlp.speakers import attributions
from summarizer.nlp.usage import ORGANIZATION_NOUNS
from summarizer.rules.kinds import ORGANIZATION_WORDS
from summarizer.rules.names import same_name
from summarizer.rules.text import normalize
from summarizer.schema import Actor, Place, Ruled

_WRITTEN_AS_NAME = re.compile(r"[A-Z][A-Z&.-]*[A-Z]\.?|[A-Za-z]*[A-Za-z][A-Z][A-Za-z]*")
"""A name in capitals only ("NTL", "AT&T") or a word of letters with a capital inside ("KRiT", "eBay"): a name by
how it is written, as no common noun is. Not a code with digits ("A320", "H5N1"): a model or a strain, not an
actor."""


def _key(name: str) -> str:
    """A name's words, compared without case, punctuation or a leading article ("The European Commission")."""
    return normalize(name).removeprefix("the ")


def _overlap(a: Actor | Place, b: Actor | Place) -> bool:
    return a.mention.start < b.mention.end and b.mention.start < a.mention.end


def _names(items: GroundedDraft) -> list[Actor | Place]:
    return [*items.who, *items.where]


def _taken(model: Actor | Place, rule: Actor | Place) -> Actor | Place:
    """The rule's item for the model's name, kept as the model's, with what the rule changed listed in ``ruled``."""
    changes: list[Ruled] = list(model.ruled)
    if type(model) is not type(rule):
        changes.append("moved")
    if model.kind != rule.kind:
        changes.append("kind")
    if (model.mention.start, model.mention.end) != (rule.mention.start, rule.mention.end):
        changes.append("mention")
    return rule.model_copy(update={"origin": "model", "ruled": list(dict.fromkeys(changes))})


def rules_lead_names(items: GroundedDraft, own: GroundedDraft, text: str) -> GroundedDraft:
    """The model's who and where items, typed and placed by the rules' own items ``own`` (module docstring).

    A model's item a rule already retyped (``kind`` in its ``ruled``: "Lakeline CEO" read as the company) keeps
    that reading: the rule that read the model's own words knows more than the rules' reading without them. A
    model's place takes the rules' place of that name, where the rules hold it as both (a country that acts and is
    a setting). A name who (or where) then holds twice is listed once; a place of the rules' that the model's longer
    name kept out comes back.
    """
    rules: dict[str, Actor | Place] = {}
    for named in _names(own):
        rules.setdefault(_key(named.name), named)
    places = {_key(p.name): p for p in reversed(own.where)}
    who: list[Actor] = []
    where: list[Place] = []
    for item in [part for named in _names(items) for part in _pair_parts(named, own)]:
        rule = rules.get(_key(item.name)) if item.origin == "model" and "kind" not in item.ruled else None
        if rule is not None and isinstance(item, Place):
            rule = places.get(_key(item.name), rule)
        if rule is not None:
            item = _taken(item, rule)
        elif item.origin == "model" and _unsupported(item, own, text):
            continue
        elif isinstance(item, Actor) and _named_after_organization(item, own, text):
            item = retyped(item, kind="organization")
        if isinstance(item, Actor) and not any(_key(other.name) == _key(item.name) for other in who):
            who.append(item)
        elif isinstance(item, Place) and not any(_key(other.name) == _key(item.name) for other in where):
            where.append(item)
    held: list[Actor | Place] = [*who, *where]
    for place in own.where:  # "Ohio" kept out by the model's "Ohio Playhouse", a who
        listed = any(_key(place.name) == _key(other.name) or same_name(place.name, other.name) for other in where)
        inside = any(_overlap(place, other) for other in held)  # "Berg" in "Ola Berg", read as a town
        if len(where) < MAX_PLACES and not listed and not inside:
            where.append(place)
    return items.but(who=who, where=where)


_PAIR = re.compile(r"(?:the )?([A-Z][^,;&]*?) and (?:the )?([A-Z][^,;&]*)")


def _pair_parts(item: Actor | Place, own: GroundedDraft) -> list[Actor | Place]:
    """A model's item that joins two names ("Kelly and Baroni", "Crete and Cyprus") as the rules' items for each, when
    the rules list both (by the same name: "Kelly" is "Bridget Kelly"); otherwise the item as it is. A list holds one
    name per item, and each part has its own kind."""
    pair = _PAIR.fullmatch(item.name) if item.origin == "model" else None
    if pair is None:
        return [item]
    parts = [next((r for r in _names(own) if same_name(r.name, part)), None) for part in pair.groups()]
    if any(part is None for part in parts):
        return [item]
    return [_taken(item, part) for part in parts if part is not None]


def _named_after_organization(actor: Actor, own: GroundedDraft, text: str) -> bool:
    """A model's person whose name starts with an organization the rules list, where the recognizer reads no person:
    "Kestrel Marine Crewing" beside "Kestrel Marine" is a part of the company, not someone."""
    if actor.origin != "model" or actor.kind != "person" or kind_at(text, actor.mention.start, actor.mention.end):
        return False
    words = _key(actor.name).split()
    return any(
        rule.kind == "organization" and words[: len(key := _key(rule.name).split())] == key and len(words) > len(key)
        for rule in own.who
    )


def _unsupported(item: Actor | Place, own: GroundedDraft, text: str) -> bool:
    """Nothing reads the model's name as a name: no rule lists it or a longer or shorter form of it, it is not
    written in capitals, the recognizer reads no name at its mention, and it is one word ("Ferries") or does not
    open with a proper noun ("Even the harbour"). "The Harbour Kings, a band" stays: its words are a name's."""
    if any(same_name(rule.name, item.name) for rule in _names(own)):
        return False
    if _WRITTEN_AS_NAME.fullmatch(item.name):
        return False  # "NTL", "KRiT": written as a name, whatever the recognizer reads
    if isinstance(item, Actor) and _described_actor(item, text):
        return False
    start, end = item.mention.start, item.mention.end
    return kind_at(text, start, end) is None and not opens_with_proper_noun(text, start, end)


def _described_actor(actor: Actor, text: str) -> bool:
    """An actor the article describes rather than names: a body by the word that heads it ("the transport
    ministry", "regional police", "the city council"), people it quotes without a name ("Opposition lawmakers
    ..., they said") or a plural that acts ("Relatives gathered"). No recognizer reads these as names, yet they act
    in the news: they stay in who."""
    start, end = actor.mention.start, actor.mention.end
    if head_words(text, start, end) & (ORGANIZATION_WORDS | ORGANIZATION_NOUNS) or acting_plural(text, start, end):
        return True
    return any(a.anonymous and _key(text[a.source[0] : a.source[1]]) == _key(actor.name) for a in attributions(text))
