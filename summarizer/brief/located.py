"""Where, outside English: the dateline's place, names written after "in" (rules/located.py), the recognizer's places.

The English rules find these their own way (kinds.py, places.py); for French,
Spanish and German these add what the model left out of ``where``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.brief.align import Aligner, article_name
from summarizer.nlp.territories import territory_code, territory_kind
from summarizer.rules.located import LANGUAGES, dateline_place, located_names
from summarizer.rules.names import same_name
from summarizer.rules.text import Found
from summarizer.schema import Actor, Place

if TYPE_CHECKING:
    from summarizer.brief.merge import GroundedDraft

MAX_PLACES = 12


def add_located(aligner: Aligner, out: GroundedDraft) -> None:
    """The dateline's place, then each place after "in": added to where, or moved there from who.

    The article writes these as places, so a model that filed "Valencia" as a
    person is corrected; a name the brief already has as a place is left alone.
    """
    if aligner.language not in LANGUAGES:
        return
    text = aligner.index.text
    spans = [dateline_place(text)] + [
        (sentence.start + start, sentence.start + end)
        for sentence in aligner.index.sentences
        for start, end in located_names(sentence.text, aligner.language)
    ]
    for span in spans:
        if span is None:
            continue
        name = text[span[0] : span[1]]
        if any(same_name(name, place.name) for place in out.where):
            continue
        filed = [actor for actor in out.who if same_name(name, actor.name) and actor.kind != "organization"]
        if filed:
            out.who = [actor for actor in out.who if actor not in filed]
            out.where.append(_as_place(filed[0]))
        elif len(out.where) < MAX_PLACES and not any(same_name(name, actor.name) for actor in out.who):
            mention = aligner.span(*span)
            evidence = aligner.mention_evidence(Found(span[0], span[1], name, True))
            place = Place(name=article_name(mention), kind="city", mention=mention, evidence=evidence, origin="rule")
            out.where.append(place)


def type_territories(aligner: Aligner, out: GroundedDraft) -> None:
    """A place CLDR names in the article's language is a country or a region, not a city ("Francia", "Europa")."""
    if aligner.language not in LANGUAGES:
        return
    typed = []
    for place in out.where:
        code = territory_code(place.mention.text, aligner.language) or territory_code(place.name, aligner.language)
        typed.append(place if code is None else place.model_copy(update={"kind": territory_kind(code)}))
    out.where = typed


def retype_recognized(aligner: Aligner, out: GroundedDraft) -> None:
    """Outside English, the language's recognizer moves a name between who and where by how the article uses it.

    The small model files "Gerland" or "gare de Perrache" as people; the
    recognizer reads each mention in context. Within who, only a person it reads
    as an organization changes kind; countries and everything it does not
    recognise keep the model's filing.
    """
    from summarizer.nlp.entities import kind_at

    text, language = aligner.index.text, aligner.language
    who: list[Actor] = []
    where = list(out.where)
    for actor in out.who:
        kind = kind_at(text, actor.mention.start, actor.mention.end, language)
        if kind == "place" and actor.kind != "country":
            where.append(_as_place(actor))
        elif kind == "organization" and actor.kind == "person":
            who.append(actor.model_copy(update={"kind": "organization"}))
        else:
            who.append(actor)
    out.who, out.where = who, where


def _as_place(actor: Actor) -> Place:
    return Place(
        name=actor.name,
        kind="city",
        mention=actor.mention,
        evidence=actor.evidence,
        origin=actor.origin,
        alignment=actor.alignment,
    )
