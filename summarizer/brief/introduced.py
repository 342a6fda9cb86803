"""Outside English, the noun the article writes before a name decides between person and organization.

"la empresa Boeing" is a company whatever the model or the recognizer read
(rules/classifiers.py); a name the article introduces both ways, or never,
keeps the kind it has. A place so introduced ("la organización ecologista
Tierra Viva", read as a place by the small recognizer) is no place: it moves
to who with that kind. A person whose name ends in a company's legal form
("AirTanker Ltd.") is an organization, and so is one written as the first
word of an organization in who ("AirTanker" beside "AirTanker Ltd.").
"""

from __future__ import annotations

import re

from summarizer.brief.align import Aligner
from summarizer.brief.items import GroundedDraft
from summarizer.brief.mentions import as_actor
from summarizer.brief.mentions import retyped as retyped_item
from summarizer.rules.classifiers import Kind, has_company_form, kind_before
from summarizer.schema import Actor


def retype_introduced(items: GroundedDraft, aligner: Aligner) -> GroundedDraft:
    """A person or organization in who, or a place in where, takes the kind every noun before its mentions gives it."""
    retyped = []
    for actor in items.who:
        kind = _introduced_as(aligner, actor.mention.text) if actor.kind in {"person", "organization"} else None
        retyped.append(actor if kind in {None, actor.kind} else retyped_item(actor, kind=kind))
    who = companies_by_name(retyped)
    named = {actor.mention.text.casefold() for actor in who}
    places = []
    for place in items.where:
        kind = _introduced_as(aligner, place.mention.text)
        if kind is None:
            places.append(place)
            continue
        if place.mention.text.casefold() not in named:
            who.append(as_actor(place, kind))
    return items.but(who=who, where=places)


def companies_by_name(who: list[Actor]) -> list[Actor]:
    """A person named with a company form, or as an organization's first word alone, is an organization.

    Only a one-word person joins the organization it begins: "Bloomberg" is
    left alone when a person "Michael Bloomberg" is in who.
    """
    organizations = [a.name for a in who if a.kind == "organization" or has_company_form(a.name)]
    surnames = {a.name.split()[-1] for a in who if a.kind == "person" and len(a.name.split()) > 1}
    retyped = []
    for actor in who:
        company = has_company_form(actor.name) or (
            len(actor.name.split()) == 1
            and actor.name not in surnames
            and any(name.startswith(actor.name + " ") for name in organizations)
        )
        retyped.append(retyped_item(actor, kind="organization") if company and actor.kind == "person" else actor)
    return retyped


def _introduced_as(aligner: Aligner, name: str) -> Kind | None:
    """The one kind the nouns before the name's mentions give it; None when they give none or disagree."""
    kinds = set()
    for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", aligner.index.text):
        kind = kind_before(aligner.index.text, match.start(), aligner.language)
        if kind is not None:
            kinds.add(kind)
    return kinds.pop() if len(kinds) == 1 else None
