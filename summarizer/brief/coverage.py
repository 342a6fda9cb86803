"""Which fields the rules can check in the article's language, so a brief says what it does not know.

Each rule states the languages it supports (``LANGUAGES`` in its module); a
field is covered when some rule that fills or checks it supports the language.
On a field no rule covers, the model's grounded answer stands alone (its names
are still found in the article, its events still cite sentences), and the
brief's ``coverage`` says so.
"""

from __future__ import annotations

from summarizer.nlp import dates, factuality, speakers
from summarizer.nlp.entities import recognizes
from summarizer.rules import attribution, cues, doubts, kinds, located, names, places, times
from summarizer.schema import RULE_FIELDS, Coverage, RuleField

FIELD_LANGUAGES: dict[RuleField, frozenset[str]] = {
    "who": kinds.LANGUAGES | names.LANGUAGES,
    "where": places.LANGUAGES | kinds.LANGUAGES | located.LANGUAGES,
    "when": times.LANGUAGES | dates.LANGUAGES,
    "sources": speakers.LANGUAGES | cues.LANGUAGES,
    "what": factuality.LANGUAGES,
    "uncertainty": attribution.LANGUAGES | doubts.LANGUAGES,
}
"""The languages each field's rules support, besides the parse. what: events of their own from the parse, status,
figures; French, Spanish and German read only the status of the model's events (nlp/factuality_fr.py, _es, _de), so
their events stay the model's."""
PARSED_FIELDS: frozenset[RuleField] = frozenset({"who", "where"})
"""Covered in every language with a name recognizer: an installed spaCy pipeline (nlp/pipeline.py) or German's tagger
(nlp/german.py) types and adds names. Spanish's pipeline is installed apart, so whether it covers them is known only
at run time."""


def coverage(language: str) -> Coverage:
    """The fields the rules cover for ``language``, and those left to the model alone."""
    parsed = recognizes(language)
    covered = [f for f in RULE_FIELDS if language in FIELD_LANGUAGES[f] or (parsed and f in PARSED_FIELDS)]
    return Coverage(language=language, rules=covered, model_only=[f for f in RULE_FIELDS if f not in covered])
