"""How sure a French article is of an event, read off the event's verb in the French parse.

French marks it on the verb as English does, in its own grammar: the
journalistic conditional tells a claim the paper does not vouch for ("aurait
tué": alleged; "pourrait être prolongée", "devrait durer": unclear), the
future and "doit", "va", "prévoit de" a plan, "ne ... pas", "personne n'a"
and "a démenti" or "a refusé de" a denial; "si", "semble" and "peut-être"
a possibility. The French pipeline's morphology gives mood and tense; a
future it tags as present ("construira") is recognised by its ending.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summarizer.nlp.factuality import Status
from summarizer.nlp.pipeline import parse

if TYPE_CHECKING:
    from spacy.tokens import Token

LANGUAGES = frozenset({"fr"})
_PLANNING = frozenset({"devoir", "aller", "prévoir", "envisager", "projeter", "compter", "programmer"})
_POSSIBLE = frozenset({"pouvoir"})
_DENYING = frozenset({"démentir", "nier", "réfuter"})
_ALLEGING = frozenset({"accuser", "soupçonner"})
_NEGATION = frozenset({"pas", "jamais", "plus", "aucunement"})
_NOBODY = frozenset({"personne", "rien", "aucun", "aucune", "nul", "nulle"})
"""With "ne", a subject or object that is nobody or nothing ("Personne n'a été blessé"); "ne ... que" is no negation."""
_REFUSING = frozenset({"refuser", "renoncer"})
_SEEMING = frozenset({"sembler", "paraître"})
_ALLEGEDLY = frozenset({"présumément", "prétendument", "supposément"})
_MAYBE = frozenset({"peut-être", "probablement", "vraisemblablement", "apparemment", "possiblement"})
_CONDITION = frozenset({"si"})
_FUTURE_ENDING = re.compile(r"(?:rai|ras|ra|rons|rez|ront)$")
_STEM = 5
"""Letters compared between a statement's words and a verb, as in nlp/factuality.py. Chosen by hand, not measured."""


def anchor(text: str, start: int, end: int, statement: str) -> Token | None:
    """The verb of the sentence in [start, end) that the statement names, if one is."""
    wanted = {w.lower()[:_STEM] for w in re.findall(r"\w{3,}", statement)}
    span = parse(text, "fr").char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    verbs = [t for t in span if t.pos_ == "VERB" and (t.lemma_.lower()[:_STEM] in wanted or t.lower_[:_STEM] in wanted)]
    return verbs[0] if verbs else None


def status_of(verb: Token) -> Status:
    """The status the sentence gives the event whose verb this is."""
    governor = verb.head if verb.dep_ == "xcomp" and verb.head.pos_ in {"VERB", "AUX"} else None
    words = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    if governor is not None:
        words += [governor, *(c for c in governor.children if c.dep_.startswith("aux"))]
    if any(c.lower_ in _NEGATION for w in (verb, governor) if w is not None for c in w.children):
        return "denied"
    if _nobody(verb) or (governor is not None and governor.lemma_ in _DENYING | _REFUSING):
        return "denied"  # "Personne n'a été blessé", "a démenti avoir signé", "a refusé de signer"
    adverbs = {c.lower_ for w in (verb, governor) if w is not None for c in w.children if c.dep_ == "advmod"}
    if adverbs & _ALLEGEDLY or (governor is not None and governor.lemma_ in _ALLEGING):
        return "alleged"
    if adverbs & _MAYBE or _conditional(verb) or (governor is not None and governor.lemma_ in _SEEMING):
        return "unclear"  # "peut-être", "si la pluie continue", "semble avoir cédé"
    conditional = [w for w in words if "Cnd" in w.morph.get("Mood", [])]
    if conditional:
        modal = governor is not None and governor.lemma_ in _POSSIBLE | {"devoir"}
        return "unclear" if modal or conditional[0] is verb else "alleged"  # "pourrait", "devrait", else "aurait tué"
    if governor is not None and governor.lemma_ in _PLANNING:
        return "planned"
    if governor is not None and governor.lemma_ in _POSSIBLE:
        return "unclear"
    finite = [w for w in words if "Fin" in w.morph.get("VerbForm", [])]
    if any("Fut" in w.morph.get("Tense", []) or _FUTURE_ENDING.search(w.lower_) for w in finite):
        return "planned"
    return "confirmed"


def _nobody(verb: Token) -> bool:
    children = list(verb.children)
    negated = any(c.lemma_ == "ne" for c in children)
    parties = [c for c in children if c.dep_.startswith(("nsubj", "obj"))]
    return negated and any(p.lemma_.lower() in _NOBODY or any(d.lower_ in _NOBODY for d in p.children) for p in parties)


def _conditional(verb: Token) -> bool:
    """Inside the condition of "si" (the verb or a clause above it): not said to have happened."""
    return any(c.dep_ == "mark" and c.lower_ in _CONDITION for t in (verb, *verb.ancestors) for c in t.children)
