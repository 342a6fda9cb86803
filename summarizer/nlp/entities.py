"""Typed names from spaCy's named-entity recognizer (English, OntoNotes labels), and German's from nlp/german.py.

The small model files names in whichever list it is writing ("Boeing" as a
person, "February" as a city); the recognizer reads each mention in context,
so its label decides the kind of a name the model found, and its PERSON, ORG
and place entities add the names the model left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from summarizer.nlp import german
from summarizer.nlp.pipeline import has_pipeline, parse
from summarizer.rules.located import dateline_place

Kind = Literal["person", "organization", "place", "time", "other"]

LABEL_KINDS: dict[str, Kind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "DATE": "time",
    "TIME": "time",
}
"""OntoNotes labels as brief kinds; every other label (NORP, PRODUCT, WORK_OF_ART, EVENT, LAW, numbers) is "other"."""


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str

    @property
    def kind(self) -> Kind:
        return LABEL_KINDS.get(self.label, "other")


WIKINER_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE", "MISC": "MISC"}
"""The French and Spanish pipelines' WikiNER labels as their OntoNotes counterparts (LOC names cities and countries)."""
PROPER_NOUN_LANGUAGES = frozenset({"es"})
"""Languages whose recognizer also labels capitalized words that are no names: the Spanish pipeline (3.1.0, trained
on WikiNER) reads a sentence's first word as a name ("Además" and "Según" as people, "Anunció" as a person,
"Vamos" as a place) and "había" as a person. There an entity counts only when its tagger reads a proper noun in it."""


@lru_cache(maxsize=4)
def entities(text: str, language: str = "en") -> tuple[Entity, ...]:
    """Every named entity in the text, in order (kept for the last few texts: grounding asks per item).

    Outside English the dateline's name is a place whatever the recognizer reads: the Spanish pipeline reads the
    capitals of "VALENCIA, España —" as an organization.
    """
    if language in german.LANGUAGES:
        return tuple(Entity(name.start, name.end, name.label) for name in german.names(text))
    labels = WIKINER_LABELS if language != "en" else {}
    dateline = dateline_place(text) if language != "en" else None
    proper = language in PROPER_NOUN_LANGUAGES
    return tuple(
        Entity(
            ent.start_char,
            ent.end_char,
            "GPE" if (ent.start_char, ent.end_char) == dateline else labels.get(ent.label_, ent.label_),
        )
        for ent in parse(text, language).ents
        if not proper or any(token.pos_ == "PROPN" for token in ent)
    )


def recognizes(language: str) -> bool:
    """Whether ``language`` has a name recognizer: a spaCy pipeline (nlp/pipeline.py) or German's tagger (nlp/german.py)."""
    return language in german.LANGUAGES or has_pipeline(language)


def kind_at(text: str, start: int, end: int, language: str = "en") -> Kind | None:
    """The kind of the entity that covers most of [start, end), or None when no entity overlaps it."""
    best: tuple[int, Kind] | None = None
    for entity in entities(text, language):
        overlap = min(end, entity.end) - max(start, entity.start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, entity.kind)
    return best[1] if best else None


_NOT_PLACES = {"ORG", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}


def inside_other_name(text: str, start: int, end: int) -> bool:
    """True when [start, end) is part of a longer name that is not a place: "Canada" in "Air Canada", "Qatar Airways"."""
    return any(
        e.label in _NOT_PLACES and e.start <= start and end <= e.end and (e.end - e.start) > (end - start)
        for e in entities(text)
    )


def short_for_organization(name: str, text: str) -> bool:
    """True when the article also writes the name as the start of an organization's: "AirTran" beside "AirTran
    Airways" (a short form of the company, not a place)."""
    prefix = name.strip() + " "
    return any(e.label == "ORG" and text.startswith(prefix, e.start) for e in entities(text))


def opens_with_proper_noun(text: str, start: int, end: int) -> bool:
    """True when [start, end) holds more than one word and the parse tags its first as a proper noun: "Harbour
    Kings", not "Even the harbour" or "Bigger Ferries" (an adverb or adjective that opens a sentence). A name's own
    "The" does not count as its first word: "The Harbour Ledger", "The Guardian" (a capital after the article)."""
    span = parse(text).char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return False
    if span[0].lower_ == "the":
        return span[1].pos_ == "PROPN" and span[1].text[:1].isupper()
    return span[0].pos_ == "PROPN"


def head_words(text: str, start: int, end: int) -> set[str]:
    """The word that heads [start, end) in the parse, lowercased, as written and as its lemma ("ministry" in
    "transport ministry", "police" in "Police in Kumasi", "diver" and "divers"); empty when nothing is parsed."""
    span = parse(text).char_span(start, end, alignment_mode="expand")
    return set() if span is None else {span.root.lower_, span.root.lemma_.lower()}


def acting_plural(text: str, start: int, end: int) -> bool:
    """True when [start, end) is headed by a plural common noun that is the subject of an active verb: people who
    do something ("Relatives gathered", "divers searched"), not things done to ("More podcasts were made")."""
    span = parse(text).char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.tag_ == "NNS" and span.root.dep_ == "nsubj"
