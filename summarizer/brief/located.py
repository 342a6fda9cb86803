"""Where, outside English: the dateline's place, names written after "in" (rules/located.py), the recognizer's places.

The English rules find these their own way (kinds.py, places.py); for French,
Spanish and German these add what the model left out of ``where``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.brief.align import Aligner, article_name
from summarizer.rules.located import LANGUAGES, dateline_place, located_names
from summarizer.rules.names import same_name
from summarizer.rules.text import Found
from summarizer.schema import Actor, Place

if TYPE_CHECKING:
    from summarizer.brief.merge import GroundedDraft

MAX_PLACES = 12


def add_located(aligner: Aligner, out: GroundedDraft) -> None:
    """The dateline's place, then each place after "in", unless the brief already names it (as who or where)."""
    if aligner.language not in LANGUAGES:
        return
    text = aligner.index.text
    spans = [dateline_place(text)] + [
        (sentence.start + start, sentence.start + end)
        for sentence in aligner.index.sentences
        for start, end in located_names(sentence.text, aligner.language)
    ]
    for span in spans:
        if span is None or len(out.where) >= MAX_PLACES:
            continue
        name = text[span[0] : span[1]]
        if any(same_name(name, have) for have in [*(p.name for p in out.where), *(a.name for a in out.who)]):
            continue
        mention = aligner.span(*span)
        evidence = aligner.mention_evidence(Found(span[0], span[1], name, True))
        out.where.append(
            Place(name=article_name(mention), kind="city", mention=mention, evidence=evidence, origin="rule")
        )


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
