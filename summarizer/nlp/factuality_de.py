"""How sure a German article is of an event, read off the tags of the clause that names it (no German parse).

No German dependency parse loads here (nlp/german.py), but the Hanover
Tagger's STTS tags carry most of the grammar: ``PTKNEG`` ("nicht") and a
negative pronoun ("niemand", "kein") deny; a finite "werden" with an
infinitive ("wird ... schließen") is the future; the modal verbs (``VM``)
give intention ("will", "soll") or possibility ("kann"); "soll" with a
perfect infinitive ("soll ... angenommen haben") is what is alleged; and
Konjunktiv II, which the tagger does not mark, is a finite auxiliary or
modal with an umlaut that no indicative form has ("hätte", "wäre", "würde",
"könnte", "dürfte"). The clause is the stretch between commas holding the
statement's verb; a zu-infinitive or "dass" clause is read with the verb
that governs it ("plant, eine Fabrik zu bauen", "bestritt, Geld erhalten zu
haben"). Reported speech in Konjunktiv I ("habe ... erhalten") counts as
stated, as in the other languages: who says it is the event's source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.nlp import german
from summarizer.nlp.factuality import Status
from summarizer.nlp.wording import PREFIX, content_words, fold
from summarizer.schema import Span

LANGUAGES = german.LANGUAGES
Tagged = tuple[str, str, str]
"""A word, its lemma and its STTS tag, as HanTa gives them."""

_WORD = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")
_NEGATIVE = frozenset({"kein", "niemand", "nichts", "nie", "niemals"})
_INTENDING = frozenset({"wollen", "sollen", "müssen"})
"""Modal verbs whose infinitive is still to happen ("will schließen", "soll eröffnet werden")."""
_PLANNING = frozenset({"planen", "beabsichtigen", "vorhaben", "vorsehen", "ankündigen", "beschließen"})
_DENYING = frozenset({"bestreiten", "dementieren", "leugnen", "zurückweisen", "abstreiten"})
_ALLEGING = frozenset({"vorwerfen", "beschuldigen", "verdächtigen"})
_ALLEGEDLY = frozenset({"angeblich", "mutmaßlich"})
_MAYBE = frozenset({"möglicherweise", "vermutlich", "wahrscheinlich", "vielleicht", "eventuell", "offenbar"})
_CONDITION = frozenset({"wenn", "falls", "sofern"})
_UMLAUT = re.compile(r"[äöü]")
_MODAL_II = re.compile(r"[äöü]\w*t(?:e|en|est|et)$")
"""Konjunktiv II of a modal: an umlaut and the past's "t" ("könnte", "müssten"); "können", "müssen" are present."""


def status(text: str, evidence: Sequence[Span], statement: str) -> Status | None:
    """The status the first evidence sentence naming the statement's verb gives it; None when none names it."""
    wanted = {w[:PREFIX] for w in content_words(statement, "de")}
    for span in evidence:
        clause = _clause_of(_tagged(text[span.start : span.end]), wanted)
        if clause is not None:
            return status_of(clause)
    return None


def status_of(clause: Sequence[Tagged]) -> Status:
    """The status a clause (with the verb governing it, when it is an infinitive or "dass" clause) gives its
    event: negation first, then hedges, conditions, the subjunctive, the future and the modal verbs."""
    words = {word.lower() for word, _, _ in clause}
    lemmas = {lemma.lower() for _, lemma, _ in clause}
    tags = [tag for _, _, tag in clause]
    if "PTKNEG" in tags or lemmas & _NEGATIVE or words & _NEGATIVE or lemmas & _DENYING:
        return "denied"
    if words & _ALLEGEDLY or lemmas & _ALLEGING:
        return "alleged"
    if words & (_MAYBE | _CONDITION):
        return "unclear"
    modals = [(word.lower(), lemma) for word, lemma, tag in clause if tag == "VM(FIN)"]
    perfect = "VV(PP)" in tags and any(t in {"VA(INF)"} for t in tags)
    if any(lemma == "sollen" for _, lemma in modals) and perfect:
        return "alleged"  # "soll ... angenommen haben": said of them, not vouched for
    if any(_subjunctive_ii(word, tag) for word, _, tag in clause):
        return "unclear"  # "hätte", "würde", "könnte": what would be or could be
    if any(lemma in _INTENDING for _, lemma in modals) or lemmas & _PLANNING:
        return "planned"
    if modals:
        return "unclear"  # "kann", "darf", "mag": possible
    werden = any(lemma == "werden" and tag == "VA(FIN)" for _, lemma, tag in clause)
    infinitive = any(tag in {"VV(INF)", "VA(INF)"} for tag in tags)
    return "planned" if werden and infinitive else "confirmed"  # "wird ... schließen", "wird eröffnet werden"


def _subjunctive_ii(word: str, tag: str) -> bool:
    """No indicative form of "haben", "sein", "werden" has an umlaut ("hätte", "wäre", "würde"); a modal's
    Konjunktiv II adds the past's "t" to it."""
    return bool(tag == "VA(FIN)" and _UMLAUT.search(word.lower())) or bool(
        tag == "VM(FIN)" and _MODAL_II.search(word.lower())
    )


def _tagged(sentence: str) -> list[Tagged]:
    words = _WORD.findall(sentence)
    return [(word, lemma, tag) for word, lemma, tag in german.tagger().tag_sent(words, taglevel=1)]


def _clause_of(tagged: list[Tagged], wanted: set[str]) -> list[Tagged] | None:
    """The comma-bounded clause holding a verb the statement names, with the clause before it when this one is a
    zu-infinitive or opens with "dass" (the verb that governs it stands there)."""
    clauses: list[list[Tagged]] = [[]]
    for item in tagged:
        if item[2] in {"$,", "$("}:
            clauses.append([])
        else:
            clauses[-1].append(item)
    for i, clause in enumerate(clauses):
        named = [t for t in clause if t[2].startswith("VV") and {fold(t[1])[:PREFIX], fold(t[0])[:PREFIX]} & wanted]
        if not named:
            continue
        governed = any(tag == "PTKZU" for _, _, tag in clause) or (clause and clause[0][0].lower() == "dass")
        return [*clauses[i - 1], *clause] if governed and i > 0 else clause
    return None
