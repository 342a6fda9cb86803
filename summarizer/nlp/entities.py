"""Typed names from spaCy's named-entity recognizer (English, OntoNotes labels), and German's from nlp/german.py.

The small model files names in whichever list it is writing ("Boeing" as a
person, "February" as a city); the recognizer reads each mention in context,
so its label decides the kind of a name the model found, and its PERSON, ORG
and place entities add the names the model left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from summarizer.nlp import german
from summarizer.nlp.pipeline import has_pipeline, parse
from summarizer.rules.given_names import personal_name
from summarizer.rules.located import dateline_place
from summarizer.rules.places import MATCH_SCORE, is_capital_or_division, is_country

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
    found = _bodies_of_two_fields(
        _whole_names(
            [
                Entity(
                    ent.start_char,
                    ent.end_char,
                    "GPE" if (ent.start_char, ent.end_char) == dateline else labels.get(ent.label_, ent.label_),
                )
                for ent in parse(text, language).ents
                if not proper or any(token.pos_ == "PROPN" for token in ent)
            ],
            text,
            language,
        ),
        text,
    )
    if language != "en":
        return found
    return _people_after_of(_sites_named_for_people(_named_with_and(_bodies_for_the(found, text), text), text), text)


def read_as_person(text: str, start: int, end: int) -> bool:
    """Whether the span is a person's name: one that opens with a given name ("Ann Velez"), or a full name of two words
    or more that the recognizer reads as a person's ("Broadcaster Piers Smith" holds "Piers Smith"); one word
    ("Supplier Kestrava") is no full name, whatever it reads."""
    if personal_name(text[start:end]):
        return True
    return len(text[start:end].split()) >= 2 and any(
        e.label == "PERSON" and e.start <= start and end <= e.end for e in entities(text)
    )


def _bodies_of_two_fields(found: tuple[Entity, ...], text: str) -> tuple[Entity, ...]:
    """A body named for two fields that the recognizer cuts at "and", reading the second field as a person ("the
    Keller School of Marine" and "Polar Science"): one organization. Not two bodies ("the Department of Justice and
    Homeland Security", both read as bodies), a person named after a body, or a name in capitals ("the University of
    Bristol and UC Davis")."""
    joined: list[Entity] = []
    for entity in found:
        before = joined[-1] if joined else None
        if (
            before is not None
            and before.label == "ORG"
            and entity.label == "PERSON"
            and text[before.end : entity.start] == " and "
            and re.search(r"\bof[ \t]+[A-Z][\w'’-]*$", text[before.start : before.end])
            and re.fullmatch(r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}", text[entity.start : entity.end])
            and not personal_name(text[entity.start : entity.end])
        ):
            joined[-1] = Entity(before.start, entity.end, "ORG")
            continue
        joined.append(entity)
    return tuple(joined)


_FOR_THE = re.compile(
    r"(?:[A-Z][\w.'’-]*[ \t]+){0,4}(?:Court|Commission|Office|Committee|Centre|Center|Council|Agency|Institute|Board)"
    r"[ \t]+for[ \t]+the[ \t]+[A-Z][\w'’-]*(?:[ \t]+(?:of[ \t]+|and[ \t]+)?[A-Z][\w'’-]*){0,6}"
)
"""A body named "... for the X" ("the District Court for the Southern District of New York", "the Office for the
Coordination of Humanitarian Affairs")."""


def _bodies_for_the(found: tuple[Entity, ...], text: str) -> tuple[Entity, ...]:
    """A body named "... for the X", which the recognizer cuts into a country, a place or a body ("the United States",
    "the Southern District", "New York"): one organization."""
    whole = [
        Entity(m.start() + (4 if m.group().startswith("The ") else 0), m.end(), "ORG") for m in _FOR_THE.finditer(text)
    ]
    return _in_place_of(found, whole)


def _in_place_of(found: tuple[Entity, ...], whole: list[Entity]) -> tuple[Entity, ...]:
    """The recognizer's names with the whole ones put in place of every name they overlap, in text order."""
    if not whole:
        return found
    kept = [e for e in found if not any(w.start < e.end and e.start < w.end for w in whole)]
    return tuple(sorted([*kept, *whole], key=lambda e: e.start))


_WITH_AND = re.compile(
    r"(?<=\b[Tt]he[ \t])(?:[A-Z][\w'’-]*[ \t]+){1,3}and[ \t]+(?:[A-Z][\w'’-]*[ \t]+){0,2}"
    r"(?:Hospital|Medical[ \t]+Center|Medical[ \t]+Centre|Clinic|Museum|Institute|University|College|"
    r"Foundation|Company)\b"
)
"""A hospital, a centre or a body whose name joins two names with "and" ("the Baylor Scott and White Medical Center",
"the Army's Research and Referral Hospital"): one name, from "the" to its head word."""


def _people_after_of(found: tuple[Entity, ...], text: str) -> tuple[Entity, ...]:
    """A name the recognizer runs on over "of" as one organization's: a body's then a person's name ("the New
    Democratic Party of Jagmeet Singh"), or a person's then a country's or a state's ("Bianca Andreescu of Canada",
    as sport writes where a player is from). The two names, each with its own label, as a person's name already ends
    before "of"."""
    split: list[Entity] = []
    for entity in found:
        ofs = (
            [*re.finditer(r"[ \t]+of[ \t]+(?:the[ \t]+)?", text[entity.start : entity.end])]
            if entity.label == "ORG"
            else []
        )
        if not ofs:
            split.append(entity)
            continue
        before_end, after_start = entity.start + ofs[-1].start(), entity.start + ofs[-1].end()
        before, after = text[entity.start : before_end], text[after_start : entity.end]
        if personal_name(after):
            split += [Entity(entity.start, before_end, "ORG"), Entity(after_start, entity.end, "PERSON")]
        elif personal_name(before) and (is_country(after) or is_capital_or_division(after)):
            split += [Entity(entity.start, before_end, "PERSON"), Entity(after_start, entity.end, "GPE")]
        else:
            split.append(entity)
    return tuple(split)


_SITE_AFTER_A_PERSON = re.compile(
    r"(?:[ \t]+[A-Z][\w.'’-]*){0,4}?[ \t]+(?:International[ \t]+)?"
    r"(?:Airport|Stadium|Hospital|Bridge|Station|Terminal|Arena|Memorial|Museum|Square|Street|Avenue|Boulevard)\b"
)
"""Capitalised words up to a site's head word after a person's name: airports, stadiums, hospitals and streets are
named for people ("Netaji Subhas Chandra Bose International Airport", "Jawaharlal Nehru Stadium"), and the recognizer
reads the person's name alone."""


def _sites_named_for_people(found: tuple[Entity, ...], text: str) -> tuple[Entity, ...]:
    """A person's name that runs on to a site's head word (``_SITE_AFTER_A_PERSON``): the site, from the name on."""
    whole = [
        Entity(e.start, m.end(), "FAC")
        for e in found
        if e.label == "PERSON" and (m := _SITE_AFTER_A_PERSON.match(text, e.end)) is not None
    ]
    return _in_place_of(found, whole)


def _named_with_and(found: tuple[Entity, ...], text: str) -> tuple[Entity, ...]:
    """A name joined by "and" up to its head word (``_WITH_AND``), which the recognizer cuts at the "and": one
    organization (its head word then says whether it is a site)."""
    whole = [Entity(m.start(), m.end(), "ORG") for m in _WITH_AND.finditer(text)]
    return _in_place_of(found, whole)


_LINK = r"-(?:[a-zà-ÿ]{1,4}-|[dl]['’])?"
"""A hyphen, with a short lower-case link after it ("-et-", "-en-", "-d'")."""
_JOINED_AFTER = re.compile(rf"(?:{_LINK}[A-ZÀ-ÖØ-Þ][\w'’]*)+")
"""Capitalised words joined on by hyphens ("-France", "-et-Loire", "-en-Provence", "-d'Armor")."""
_JOINED_BEFORE = re.compile(rf"[A-ZÀ-ÖØ-Þ][\w'’]*(?:{_LINK}[A-ZÀ-ÖØ-Þ][\w'’]*)*-$")


def _whole_names(found: list[Entity], text: str, language: str) -> tuple[Entity, ...]:
    """The recognizer's names stretched over the hyphens that join them to capitalised words: the tokenizer splits
    "Météo-France" into "Météo" (a place) and "France", and "Saône-et-Loire" into "Saône" alone. Not names joined to
    qualify a noun ("the Israel-Hamas war", "US-China trade") or places joined ("Russia-Ukraine"): each is a name
    of its own. A person's name ends before "of": "Tomasz Rakowski of Law and Justice" names the person and his
    party. A name never runs over a line break: "Cork\n\nCork City Council" is the headline's end and a name. A
    match's score is cut off: "Cork City 2-1"."""
    joined: list[Entity] = []
    for entity in found:
        start, end = entity.start, entity.end
        after = _JOINED_AFTER.match(text, end)
        before = _JOINED_BEFORE.search(text, max(0, start - 60), start)
        if after:
            end = after.end()
        if before and before.end() == start:
            start = before.start()
        parts = re.split(_LINK, text[start:end])
        stretched = (start, end) != (entity.start, entity.end)
        if stretched and (all(_place_of_its_own(p) for p in parts) or _qualifies(text, end, language)):
            start, end = entity.start, entity.end
        if joined and joined[-1].end > start:
            continue  # the first part's label stands for the whole
        cut = re.search(r"\s+of\s+", text[start:end]) if entity.label == "PERSON" else None
        end = start + cut.start() if cut else end
        score = re.search(rf"\s+{MATCH_SCORE}$", text[start:end])  # "beat Cork City 2-1": the score is no name's
        end = start + score.start() if score and entity.label in {"ORG", "GPE", "PERSON", "NORP"} else end
        for line in re.finditer(r"[^\n]+", text[start:end]):  # "Cork\n\nCork City Council": a headline's end, a name
            piece = line.group().strip()
            if piece:
                at = start + line.start() + line.group().index(piece)
                joined.append(Entity(at, at + len(piece), entity.label))
    return tuple(joined)


def _qualifies(text: str, end: int, language: str) -> bool:
    """Whether a lower-case noun follows the words ending at ``end``, which then qualify it ("the X-Y war")."""
    following = re.match(r"[ \t]+([a-zà-ÿ]+)", text[end:])
    if following is None:
        return False
    at = end + following.start(1)
    word = parse(text, language).char_span(at, at + 1, alignment_mode="expand")  # the token holding its first letter
    return word is not None and word[0].idx == at and word[0].pos_ == "NOUN"


def _place_of_its_own(name: str) -> bool:
    return is_country(name) or is_capital_or_division(name) or name == "EU"


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
    """True when [start, end) is part of a longer name that is not a place ("Canada" in "Air Canada", "Qatar
    Airways"), or one hyphen-joined to it ("France" in "Météo-France")."""
    return any(
        (e.label in _NOT_PLACES or "-" in text[e.start : e.end])
        and e.start <= start
        and end <= e.end
        and (e.end - e.start) > (end - start)
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
