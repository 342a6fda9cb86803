"""French, Spanish and German who and where, corrected by the form of each name and the words around it.

The small model files plain phrases as people ("Los mercados", "de todo el
mundo", "Die Märkte"), a central bank or a ministry as a city, a minister
named in apposition as a city, a bare index ("le DAX") as a place. Each item
is read once, by rules/name_forms.py and rules/index_usage.py (the language's
grammar) and the language's recognizer or tagger:

1. a phrase that is no name is dropped;
2. an index moving beside another index goes to ``others``;
3. a name opening with the word for a kind of body is an organization;
4. a place with a person's name (two capitalised words, no territory) that
   the recognizer reads as a person, or that follows a role noun, is a person.

Every other item keeps the kind it has.
"""

from __future__ import annotations

from summarizer.brief.align import Aligner
from summarizer.brief.items import GroundedDraft
from summarizer.brief.mentions import as_actor, as_thing, retyped
from summarizer.nlp import german
from summarizer.nlp.entities import kind_at, recognizes
from summarizer.nlp.territories import territory_code
from summarizer.rules.classifiers import is_person_noun
from summarizer.rules.index_usage import moves_beside_an_index
from summarizer.rules.kinds import uses_of
from summarizer.rules.located import located_names
from summarizer.rules.name_forms import capitalised_words, no_name, organization_head, role_words_before
from summarizer.rules.names import same_name
from summarizer.rules.things import find_things
from summarizer.schema import Actor, NamedThing, Place


def correct_by_form(items: GroundedDraft, aligner: Aligner) -> GroundedDraft:
    """Drop who and where items that are no names, set bare indices apart, and retype bodies and people."""
    text, language = aligner.index.text, aligner.language
    indices = [(t.start, t.end) for t in find_things(text, language) if t.kind == "index"]
    listed: list[Actor | Place] = [*items.who, *items.where]
    read = [_read(item, aligner, indices) for item in listed]
    who = [item for item in read if isinstance(item, Actor)]
    where = [item for item in read if isinstance(item, Place)]
    others = list(items.others)
    for thing in (item for item in read if isinstance(item, NamedThing)):
        if not any(same_name(thing.name, other.name) for other in others):
            others.append(thing)  # "DAX" the model filed as a place and the recognizer as an organization: one index
    return items.but(who=who, where=where, others=sorted(others, key=lambda o: o.mention.start))


def _read(item: Actor | Place, aligner: Aligner, indices: list[tuple[int, int]]) -> Actor | Place | NamedThing | None:
    """The item as its form reads it: dropped (None), an index, an organization, a person, or as it was."""
    mention, language = item.mention, aligner.language
    if item.kind == "country":
        return item
    if phrase_not_name(mention.text, language):
        return None
    if moves_beside_an_index(mention.start, mention.end, aligner.index.text, language, indices):
        return as_thing(item, "index")
    if organization_head(mention.text, language):
        return retyped(item, "organization") if isinstance(item, Actor) else as_actor(item, "organization")
    if isinstance(item, Place) and named_as_person(item, aligner):
        return as_actor(item, "person")
    return item


def phrase_not_name(mention: str, language: str) -> bool:
    """The article's words are a plain phrase: by their capitals, and in German by the tagger ("Die Märkte")."""
    return no_name(mention, language) or (language in german.LANGUAGES and german.common_noun_phrase(mention))


def named_as_person(place: Place, aligner: Aligner) -> bool:
    """A place whose name is a person's: two capitalised words no territory has, that a role noun introduces at one
    of its uses, or that the French or Spanish recognizer reads as a person where the article never writes it after
    "in"."""
    text, language = aligner.index.text, aligner.language
    name = place.mention.text
    if capitalised_words(name) < 2 or territory_code(name, language) is not None:
        return False
    if any(is_role(word, language) for start, _ in uses_of(name, text) for word in role_words_before(text, start)):
        return True  # "el ministro de Finanzas, Kenji Morita"
    if not recognizes(language) or language in german.LANGUAGES:
        return False  # German's tagger reads any two capitalised words as a person ("Bad Homburg"): only a role counts
    if kind_at(text, place.mention.start, place.mention.end, language) != "person":
        return False
    located = {
        text[s.start + a : s.start + b] for s in aligner.index.sentences for a, b in located_names(s.text, language)
    }
    return name not in located


def is_role(word: str, language: str) -> bool:
    return german.is_role(word) if language in german.LANGUAGES else is_person_noun(word, language)
