"""Doubt cues in French, Spanish and German: allegations and missing information, as attribution.py finds in English.

The words a newsroom uses to keep its distance from a claim ("présumé",
"presunto", "mutmaßlich", the French and Spanish reporting conditional "aurait",
"habría") and to say what it could not learn ("n'a pas pu être joint", "no quiso
comentar", "war nicht zu erreichen"). Conflicting figures stay English-only.
"""

from __future__ import annotations

import re

from summarizer.rules.attribution import DoubtCue
from summarizer.rules.text import ArticleIndex

LANGUAGES = frozenset({"fr", "es", "de"})

_ALLEGED = {
    "fr": r"présumée?s?|supposée?s?|prétendue?s?|accusée?s?|soupçonnée?s?|aurai(?:t|ent)\s+(?:\w+é|été|eu|fait|pris|tué)",
    "es": r"presunt[oa]s?|presuntamente|supuest[oa]s?|supuestamente|acusad[oa]s?|sospechos[oa]s?|habría(?:n)?\s+\w+(?:ado|ido)",
    "de": r"mutmaßlich(?:e[nrms]?)?|angeblich(?:e[nrms]?)?|vorgeworfen|beschuldigt|verdächtig(?:t|e[nrms]?)?",
}
_MISSING = {
    "fr": r"n'a pas (?:pu être joint|souhaité (?:commenter|réagir|s'exprimer)|précisé|été (?:confirmé|précisé|divulgué))|"
    r"n'ont pas (?:pu être joints|souhaité (?:commenter|réagir))|on ignore|pas (?:été )?confirmé|inconnue?s?",
    "es": r"no (?:pudo ser localizad[oa]|quiso (?:comentar|hacer declaraciones)|precisó|ha sido confirmad[oa]|"
    r"se ha(?:n)? confirmado|trascendió)|se desconoce",
    "de": r"war (?:zunächst )?nicht zu erreichen|wollte(?:n)? sich (?:dazu )?nicht äußern|ist (?:noch )?unklar|"
    r"nicht bestätigt|unbekannt",
}


def find_doubts_in(index: ArticleIndex, language: str) -> list[DoubtCue]:
    """Allegations (their first two sentences) and each sentence missing information; none outside LANGUAGES."""
    if language not in LANGUAGES:
        return []
    alleged_words = re.compile(rf"(?<!\w)(?:{_ALLEGED[language]})(?!\w)", re.IGNORECASE)
    missing_words = re.compile(rf"(?<!\w)(?:{_MISSING[language]})(?!\w)", re.IGNORECASE)
    cues: list[DoubtCue] = []
    alleged = [(s, m) for s in index.sentences if (m := alleged_words.search(s.text))]
    if alleged:
        note = f"described as {alleged[0][1][0].lower()}"
        cues.append(DoubtCue("allegation", note, tuple(s for s, _ in alleged[:2])))
    for sentence in index.sentences:
        if missing := missing_words.search(sentence.text):
            cues.append(DoubtCue("missing_information", missing[0], (sentence,)))
    return cues
