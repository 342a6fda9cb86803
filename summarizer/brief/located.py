"""Where, outside English: the dateline's place, names written after "in" (rules/located.py), the recognizer's places.

The English rules find these their own way (brief/english_names.py); for
French, Spanish and German these add what the model left out of ``where``.
brief/languages.py says which languages run them.
"""

from __future__ import annotations

from summarizer.brief.align import Aligner, article_name
from summarizer.brief.items import MAX_PLACES, GroundedDraft
from summarizer.brief.mentions import as_place, retyped
from summarizer.nlp.entities import kind_at
from summarizer.nlp.territories import territory_code, territory_kind
from summarizer.rules.located import dateline_place, located_names
from summarizer.rules.names import same_name
from summarizer.rules.text import Found
from summarizer.schema import Actor, Place


def add_located(items: GroundedDraft, aligner: Aligner) -> GroundedDraft:
    """The dateline's place, then each place after "in": added to where, or moved there from who.

    The article writes these as places, so a model that filed "Valencia" as a
    person is corrected; a name the brief already has as a place is left alone.
    """
    text = aligner.index.text
    who, where = list(items.who), list(items.where)
    spans = [dateline_place(text)] + [
        (sentence.start + start, sentence.start + end)
        for sentence in aligner.index.sentences
        if not aligner.addressed(sentence.start)
        for start, end in located_names(sentence.text, aligner.language)
    ]
    for span in spans:
        if span is None:
            continue
        name = text[span[0] : span[1]]
        if any(same_name(name, place.name) for place in where):
            continue
        filed = [actor for actor in who if same_name(name, actor.name) and actor.kind != "organization"]
        if filed:
            who = [actor for actor in who if actor not in filed]
            where.append(as_place(filed[0]))
        elif len(where) < MAX_PLACES and not any(same_name(name, actor.name) for actor in who):
            mention = aligner.span(*span)
            evidence = aligner.mention_evidence(Found(span[0], span[1], name, True))
            where.append(
                Place(name=article_name(mention), kind="city", mention=mention, evidence=evidence, origin="rule")
            )
    return items.but(who=who, where=where)


def type_territories(items: GroundedDraft, aligner: Aligner) -> GroundedDraft:
    """A place CLDR names in the article's language is a country or a region, not a city ("Francia", "Europa")."""
    typed = []
    for place in items.where:
        code = territory_code(place.mention.text, aligner.language) or territory_code(place.name, aligner.language)
        typed.append(place if code is None else retyped(place, kind=territory_kind(code)))
    return items.but(where=typed)


def retype_recognized(items: GroundedDraft, aligner: Aligner) -> GroundedDraft:
    """Outside English, the language's recognizer moves a name between who and where by how the article uses it.

    The small model files "Gerland" or "gare de Perrache" as people; the
    recognizer reads each mention in context. Within who, only a person it reads
    as an organization changes kind; countries and everything it does not
    recognise keep the model's filing.
    """
    text, language = aligner.index.text, aligner.language
    who: list[Actor] = []
    where = list(items.where)
    for actor in items.who:
        kind = kind_at(text, actor.mention.start, actor.mention.end, language)
        if kind == "place" and actor.kind != "country":
            where.append(as_place(actor))
        elif kind == "organization" and actor.kind == "person":
            who.append(retyped(actor, kind="organization"))
        else:
            who.append(actor)
    return items.but(who=who, where=where)
