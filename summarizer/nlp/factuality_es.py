"""How sure a Spanish article is of an event, read off the event's verb in the Spanish parse's morphology.

The optional Spanish pipeline (nlp/pipeline.py) tags Universal Dependencies
features, so the grammar is read, not guessed from words: ``Tense=Fut``
("cerrará") and "ir a" ("va a subir") are a plan; ``Mood=Cnd`` on the verb
("inundaría", "podría ampliarse") is a possibility, on its auxiliary the
journalistic conditional of a claim the paper does not vouch for ("habría
matado": alleged); ``Polarity=Neg`` ("no", "nunca") and a negative subject
(``PronType=Neg``: "nadie") deny it; "si" makes it a condition. What governs
an infinitive ("planea construir", "negó haber recibido") says the rest.
Without the pipeline the model's status stands (brief/events.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.nlp.factuality import Status
from summarizer.nlp.pipeline import parse
from summarizer.nlp.wording import PREFIX, content_words, fold

if TYPE_CHECKING:
    from spacy.tokens import Token

LANGUAGES = frozenset({"es"})
_PLANNING = frozenset(
    {"ir", "deber", "planear", "prever", "pretender", "proponer", "querer", "pensar", "decidir", "acordar", "intentar"}
)
"""Verbs whose infinitive is still to happen ("va a subir", "planea construir", "acordó vender")."""
_POSSIBLE = frozenset({"poder"})
_DENYING = frozenset({"negar", "desmentir", "rechazar"})
_ALLEGING = frozenset({"acusar", "sospechar", "denunciar"})
_ALLEGEDLY = frozenset({"presuntamente", "supuestamente"})
_MAYBE = frozenset({"posiblemente", "probablemente", "quizá", "quizás", "aparentemente"})
_CONDITION = frozenset({"si"})


def anchor(text: str, start: int, end: int, statement: str) -> Token | None:
    """The verb of the sentence in [start, end) that the statement names, if one is."""
    wanted = {w[:PREFIX] for w in content_words(statement, "es")}  # lemmas: "cierra" names "cerrará"
    span = parse(text, "es").char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    verbs = [t for t in span if t.pos_ == "VERB" and {fold(t.lemma_)[:PREFIX], fold(t.text)[:PREFIX]} & wanted]
    return verbs[0] if verbs else None


def status_of(verb: Token) -> Status:
    """The status the sentence gives the event whose verb this is: negation first, then hedges, the conditional,
    the future and what governs the verb."""
    governor = verb.head if verb.dep_ in {"xcomp", "ccomp"} and verb.head.pos_ in {"VERB", "AUX"} else None
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux") or c.pos_ == "AUX"]
    if _negated(verb) or (governor is not None and (_negated(governor) or governor.lemma_ in _DENYING)):
        return "denied"
    adverbs = {c.lower_ for t in (verb, governor) if t is not None for c in t.children if c.dep_ == "advmod"}
    if adverbs & _ALLEGEDLY or (governor is not None and governor.lemma_ in _ALLEGING):
        return "alleged"
    if adverbs & _MAYBE or _conditional(verb):
        return "unclear"
    lemmas = {a.lemma_ for a in auxiliaries} | ({governor.lemma_} if governor is not None else set())
    if _mood(verb, "Cnd") or any(_mood(a, "Cnd") and a.lemma_ in _POSSIBLE for a in auxiliaries):
        return "unclear"  # "inundaría", "podría ampliarse": possible
    if any(_mood(a, "Cnd") for a in auxiliaries):
        return "alleged"  # "habría matado": the journalistic conditional
    if lemmas & _POSSIBLE:
        return "unclear"  # "puede cerrar"
    if lemmas & _PLANNING or any("Fut" in t.morph.get("Tense", []) for t in (verb, *auxiliaries)):
        return "planned"
    return "confirmed"


def _mood(token: Token, mood: str) -> bool:
    return mood in token.morph.get("Mood", [])


def _negated(verb: Token) -> bool:
    """ "no firmó", "nunca llegó", "nadie resultó herido": a negative word on the verb or as its subject."""
    return any("Neg" in c.morph.get("Polarity", []) or "Neg" in c.morph.get("PronType", []) for c in verb.children)


def _conditional(verb: Token) -> bool:
    """Inside the condition of "si" (the verb or a clause above it): not said to have happened."""
    return any(c.dep_ == "mark" and c.lower_ in _CONDITION for t in (verb, *verb.ancestors) for c in t.children)
