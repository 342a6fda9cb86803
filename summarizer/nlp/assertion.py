"""Whether a sentence states its event as fact: what status ``confirmed`` needs.

Not when the event is inside a quotation, asked, planned or to come, possible
or conditional, hedged, alleged or denied. English and French read it off the
event's verb in the parse (nlp/factuality.py, nlp/factuality_fr.py); Spanish
off its parse's mood, tense and negation; German, which has no parse, off
HanTa's tags (modal verbs, "werden" with an infinitive, the subjunctive) and
its negation and hedge words. Reported speech ("X said Y resigned") counts as
stated: who says it is the event's source, not a doubt about it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from summarizer.nlp import factuality, factuality_fr, german
from summarizer.nlp.pipeline import has_pipeline
from summarizer.nlp.speakers import REPORTING
from summarizer.nlp.wording import PREFIX, content_words, fold, parse_all

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_QUOTED = re.compile(r"[\"“«„‚‘]([^\"“”«»„‚‘’]*?)[\"”»“‘’]")
_CONDITION = frozenset({"if", "unless", "si", "wenn", "falls", "sofern"})
_DENYING = frozenset({"deny", "reject", "dismiss", "refute", "negar", "desmentir", "rechazar"})
_ALLEGING = frozenset({"allege", "accuse", "suspect", "acusar", "sospechar"})
_SPANISH_PLANNING = frozenset(
    {"planear", "prever", "pretender", "querer", "esperar", "proponer", "ir", "deber", "poder", "intentar", "pensar"}
)
_FRENCH_PLANNING_FORMS = frozenset({"prévoit", "prévoient", "envisage", "envisagent", "projette", "projettent"})
"""Planning verbs the French parse misreads as adjectives ("Le groupe prévoit de fermer"), found before the verb."""
_SPANISH_HEDGES = frozenset({"presuntamente", "supuestamente", "posiblemente", "probablemente", "quizá", "quizás"})
_SPANISH_NEGATION = frozenset({"no", "nunca", "jamás", "tampoco"})
_SPANISH_REPORTING = frozenset({"decir", "afirmar", "anunciar", "confirmar", "informar", "declarar", "explicar"})
_GERMAN_HEDGES = frozenset(
    {"angeblich", "mutmaßlich", "offenbar", "möglicherweise", "vermutlich", "wahrscheinlich", "vielleicht", "eventuell"}
)
_GERMAN_DENYING = frozenset({"dementieren", "bestreiten", "leugnen", "zurückweisen", "abstreiten"})
_GERMAN_PLANNING = frozenset({"planen", "beabsichtigen", "vorhaben", "erwägen", "wollen", "sollen", "prüfen"})
_GERMAN_SUBJUNCTIVE = frozenset(
    {"würde", "würden", "wäre", "wären", "hätte", "hätten", "könnte", "könnten", "sollte", "sollten", "dürfte"}
)
_GERMAN_NEGATION = frozenset({"nicht", "nie", "niemals", "kein", "keine", "keinen", "keinem", "keiner"})
_CUES = {
    "es": re.compile(
        r"\b(?:no|nunca|podría|podrían|debería|habría|sería|planea|prevé|pretende|va a|van a|presuntamente|"
        r"supuestamente|negó|desmintió|si)\b|\w+(?:rá|rán)\b",
        re.IGNORECASE,
    ),
}
"""Without the optional Spanish pipeline: negation, conditional, plan and hedge words, the future's endings."""


def asserts_event(sentence: str, language: str, statement: str | None = None) -> bool:
    """Whether ``sentence`` states its event as fact; ``statement`` (the event) picks the verb when given.

    Languages: English, French, Spanish (cue words without its optional parse), German; another language
    is read only for questions and quotations.
    """
    text = sentence.strip()
    if text.endswith("?") or text.startswith("¿"):
        return False
    if language in german.LANGUAGES:
        return not _quoted_all(text) and _german_asserts(text)
    if has_pipeline(language) and language in {"en", "fr", "es"}:
        verb = _verb(text, language, statement)
        if verb is None:
            return not _quoted_all(text)
        return not _inside_quote(text, verb.idx) and _parse_asserts(verb, language)
    cue = _CUES.get(language)
    return not _quoted_all(text) and not (cue and cue.search(text))


def _verb(text: str, language: str, statement: str | None) -> Token | None:
    """The event's verb: the one the statement names, else the main verb (what a reporting verb reports)."""
    doc = parse(text, language)
    verbs = [t for t in doc if t.pos_ in {"VERB", "AUX"}]
    if statement:
        wanted = {w[:PREFIX] for w in content_words(statement, language)}
        for kind in ("VERB", "ADJ"):  # then a participle the parse reads as an adjective ("n'a pas démissionné")
            named = [t for t in doc if t.pos_ == kind and {fold(t.lemma_)[:PREFIX], fold(t.text)[:PREFIX]} & wanted]
            if named:
                return named[0]
    roots = [t for t in doc if t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"}]
    if not roots:
        return verbs[0] if verbs else None
    root = roots[0]
    reported = [c for c in root.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ in {"VERB", "AUX"}]
    reporting = REPORTING | _SPANISH_REPORTING | {"dire", "déclarer", "annoncer", "affirmer", "confirmer"}
    if fold(root.lemma_) in reporting and reported:
        return reported[0]
    return root


@lru_cache(maxsize=64)
def parse(text: str, language: str) -> Doc:
    """The parse of an evidence sentence, kept: grounding asks about the same sentence for each event citing it."""
    return parse_all([text], language)[0]


def _parse_asserts(verb: Token, language: str) -> bool:
    marks = {c.lower_ for t in (verb, *verb.ancestors) for c in t.children if c.dep_ == "mark"}
    if marks & _CONDITION:
        return False
    governor = verb.head if verb.head is not verb else None
    if governor is not None and fold(governor.lemma_) in _DENYING | _ALLEGING:
        return False
    if language == "en":
        return factuality.status_of(verb) == "confirmed"
    if language == "fr":
        planned = any(t.lower_ in _FRENCH_PLANNING_FORMS for t in verb.doc[max(0, verb.i - 3) : verb.i])
        return not planned and factuality_fr.status_of(verb) == "confirmed"
    return _spanish_asserts(verb, governor)


def _spanish_asserts(verb: Token, governor: Token | None) -> bool:
    near = [verb, *(c for c in verb.children if c.dep_.startswith("aux") or c.pos_ == "AUX")]
    if any(c.lower_ in _SPANISH_NEGATION or c.lower_ in _SPANISH_HEDGES for c in verb.children):
        return False
    if any(fold(t.lemma_) in _SPANISH_PLANNING for t in near[1:]):
        return False  # "va a dimitir", "puede dimitir": the parse makes "ir" and "poder" auxiliaries
    if any({"Cnd", "Sub"} & set(t.morph.get("Mood", [])) or "Fut" in t.morph.get("Tense", []) for t in near):
        return False
    if verb.dep_ == "xcomp" and governor is not None:
        if fold(governor.lemma_) in _SPANISH_PLANNING:
            return False
        return _spanish_asserts(governor, governor.head if governor.head is not governor else None)
    return True


def _german_asserts(text: str) -> bool:
    words = re.findall(r"\w+(?:[-'.]\w+)*|[^\w\s]", text)
    tagged = german.tagger().tag_sent(words, taglevel=1)
    lemmas = {lemma.lower() for _, lemma, _ in tagged}  # not folded: "würden" is no "wurden"
    lowered = {word.lower() for word in words}
    if lowered & (_GERMAN_NEGATION | _GERMAN_HEDGES | _CONDITION | _GERMAN_SUBJUNCTIVE):
        return False
    if any(tag.startswith("VM") for _, _, tag in tagged) or lemmas & (_GERMAN_DENYING | _GERMAN_PLANNING):
        return False
    werden = any(lemma == "werden" and tag.startswith("VA") for _, lemma, tag in tagged)
    infinitive = any(tag == "VV(INF)" for _, _, tag in tagged)
    participle = any(tag == "VV(PP)" for _, _, tag in tagged)
    return not (werden and infinitive and not participle)  # "wird ... zurücktreten": the future


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text) if len(m.group(1).split()) > 1]


def _inside_quote(text: str, offset: int) -> bool:
    return any(start <= offset < end for start, end in _quoted_spans(text))


def _quoted_all(text: str) -> bool:
    """Whether most of the sentence's words are inside quotation marks: a quotation, not the paper's own words."""
    inside = sum(len(text[start:end].split()) for start, end in _quoted_spans(text))
    return inside * 2 > len(text.split())
