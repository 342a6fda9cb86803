"""What happened: the model's events, checked against their evidence, with status, sources and figures.

An event is kept only when the sentences it cites support it: they share the
statement's content words, every name the statement uses is in the article,
and they are not text addressed to the model. How sure the article is of it
is read off the event's verb (nlp/factuality.py) when the parse finds it
there ("will sign" is planned, "did not attend" denied), else the model's
status stands. Who reports it and the numbers given for it come from the
same sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from summarizer.brief.align import MAX_EVIDENCE, Aligner
from summarizer.brief.items import GroundedDraft
from summarizer.llm.draft import EVENT_CHARS, MAX_EVENTS, DraftEvent
from summarizer.nlp.assertion import asserts_event
from summarizer.nlp.clauses import (
    BELIEVING,
    Clause,
    feared,
    future_clauses,
    hedges_of,
    inflects,
    main_clause,
    possible,
    possible_of_a_thing,
    side_clauses,
)
from summarizer.nlp.entities import Entity, entities
from summarizer.nlp.factuality import status_of, to_come
from summarizer.nlp.support import VERB_WEIGHT, check_statement, content_words
from summarizer.nlp.wording import read
from summarizer.rules.names import is_dateline, is_heading
from summarizer.rules.text import Sentence, normalize
from summarizer.schema import Event, EventStatus, Figure, Source, Span, Unsupported

FIGURE_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
MAX_FIGURES = 4
"""Numbers an event lists at most: its count, a range, a second source's count (chosen by hand, not measured)."""
LATER_EVENTS = 3
"""Places, of MAX_EVENTS, kept for events the model read after the lead: the lead's parse could fill all eight."""
CLAUSES_PER_SENTENCE = 2
"""The sentence's main clause and, when it has one, what it says is still to come."""
MIN_CLAUSE_WORDS = 3
"""A clause of fewer words ("It said") states nothing a reader can use."""
MIN_PHRASE_WORDS = 2
"""A phrase with no verb that its own word marks ("alleged misconduct", "planned merger", "reportedly cancer") says
what it is in two."""
LEAD_EVENTS = 6
"""Prose sentences at the top that get an event each when the model gave none: the inverted pyramid's lead."""
_NAME_WORD = re.compile(r"(?<=\s)[A-Z][\w'\u2019-]+")


StatusReader = Callable[[str, list[Span], str], EventStatus | None]
"""The status the evidence sentences give the statement's verb (text, evidence, statement), None when unread."""


@dataclass(frozen=True)
class EventReading:
    """What a language's parse reads of events; brief/languages.py gives each article its own."""

    parsed: bool = False
    """The lead's clauses, the statement's main clause and the figures, read off the (English) parse."""
    status: StatusReader | None = None


def add_events(
    items: GroundedDraft,
    aligner: Aligner,
    drafted: list[DraftEvent],
    later: list[DraftEvent],
    reading: EventReading,
    names: Collection[str] = (),
    statement_chars: int = EVENT_CHARS,
) -> GroundedDraft:
    """The events: the model's that their sentences support, and the lead's from the parse (ground_events);
    ``statement_chars``: the longest statement the model's profile allows."""
    lead = [
        s
        for s in aligner.index.sentences
        if not (is_heading(s.text) or is_dateline(s.text) or aligner.addressed(s.start))
    ][:LEAD_EVENTS]
    events, rejected = ground_events(aligner, drafted, items.sources, lead, later, reading, names, statement_chars)
    return items.but(what=events, rejected=[*items.rejected, *rejected])


def ground_events(
    aligner: Aligner,
    drafted: list[DraftEvent],
    sources: list[Source],
    lead: list[Sentence],
    later: list[DraftEvent] | None = None,
    reading: EventReading = EventReading(),
    names: Collection[str] = (),
    statement_chars: int = EVENT_CHARS,
) -> tuple[list[Event], list[Unsupported]]:
    """The model's events of the lead that hold, then one per further lead sentence from the parse, then the
    model's events of later passages (up to LATER_EVENTS of the places); and the model's events dropped, with why.
    ``names``: the article's people and organizations, as its recognizer found them."""
    text = aligner.index.text
    parsed = reading.parsed
    figures = [e for e in entities(text) if e.label in FIGURE_LABELS] if parsed else []
    held = (sources, figures)
    kept, dropped = _held(aligner, drafted, *held, [], reading, names, statement_chars)
    afterwards, dropped_later = _held(aligner, later or [], *held, kept, reading, names, statement_chars)
    room = MAX_EVENTS - min(len(afterwards), LATER_EVENTS)
    for sentence in lead if parsed else []:
        if len(kept) >= room:
            break
        if aligner.addressed(sentence.start):
            continue
        main = main_clause(text, sentence.start, sentence.end)
        told = [e for e in kept if e.evidence[0].start == sentence.start]
        if told and any(e.status != "confirmed" for e in told):
            continue
        besides = main.verb if main else None
        clauses = [main] if main is not None else []
        # what a sentence says is still to come or unsure stays even where the model told the sentence as done: the
        # parse reads that clause better (benchmarks/field_leads.py, docs/quality.md "Who leads each field")
        clauses += future_clauses(text, sentence.start, sentence.end, besides=besides)
        clauses += [c for c in side_clauses(text, sentence.start, sentence.end, besides) if _told_unsure(c)]
        if told:  # the model told the sentence as sure: what it says is to come or unsure is still the lead's
            clauses = [c for c in clauses if status_of(c.verb) != "confirmed"]
        evidence = [aligner.sentence_span(sentence)]
        for clause in _distinct(clauses)[:CLAUSES_PER_SENTENCE]:
            least = MIN_PHRASE_WORDS if clause.verb.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"} else MIN_CLAUSE_WORDS
            if len(clause.text.split()) < least or len(kept) >= room:
                continue
            status = status_of(clause.verb)
            if any(normalize(clause.text) in normalize(e.description) and e.status == status for e in kept):
                continue  # told already; not so when told otherwise ("the plan to merge ... drew protests")
            kept.append(
                Event(
                    description=clause.text,
                    status=status,
                    evidence=evidence,
                    sources=[s.name for s in sources if any(_overlaps(e, evidence[0]) for e in s.evidence)],
                    figures=_figures(aligner, figures, evidence, sources, clause.text),
                    origin="rule",
                )
            )
    fresh = [e for e in afterwards if not any(_same_event(e.description, e.evidence[0], k) for k in kept)]
    return kept + fresh[: MAX_EVENTS - len(kept)], dropped + dropped_later


def _held(
    aligner: Aligner,
    drafted: list[DraftEvent],
    sources: list[Source],
    figures: list[Entity],
    before: list[Event],
    reading: EventReading,
    names: Collection[str],
    statement_chars: int = EVENT_CHARS,
) -> tuple[list[Event], list[Unsupported]]:
    """The drafted events their cited sentences support, each once (not again after ``before``); and the dropped."""
    text = aligner.index.text
    parsed = reading.parsed
    kept: list[Event] = []
    dropped: list[Unsupported] = []
    for event in drafted:
        evidence = [s for s in aligner.cited_evidence(event.s, event.e) if not aligner.addressed(s.start)]
        verdict = check_statement(event.e, [s.text for s in evidence], aligner.language, names) if evidence else None
        if verdict is not None and not verdict.supported and (more := _next_best(aligner, event.e, evidence)):
            # As cited_evidence does when citations miss: the one sentence that says most of it may complete it
            # ("arrested" where the cited sentence writes "taken into custody").
            wider = check_statement(event.e, [s.text for s in [*evidence, more]], aligner.language, names)
            if wider.supported:
                verdict, evidence = wider, [*evidence, more]
        if verdict is None or not verdict.supported:
            reason = verdict.reason if verdict else "cites no sentence of the article that says it"
            dropped.append(Unsupported(field="what", statement=event.e, reason=reason or "unsupported", replaced=False))
            continue
        statement = _statement(text, event.e, evidence[0], statement_chars) if parsed else event.e
        if any(_same_event(statement, evidence[0], e) for e in before + kept):
            continue
        status = (reading.status(text, evidence, statement) if reading.status else None) or _asserted(
            event.st, evidence, event.e, aligner.language
        )
        reporters = [s.name for s in sources if any(_overlaps(e, span) for e in s.evidence for span in evidence)]
        given = _figures(aligner, figures, evidence, sources, statement)
        kept.append(
            Event(
                description=statement,
                status=status,
                evidence=evidence[:MAX_EVIDENCE],
                sources=list(dict.fromkeys(reporters)),
                figures=given,
                alignment="partial",
                origin="model",
                ruled=[*(["statement"] if statement != event.e else []), *(["status"] if status != event.st else [])],
            )
        )
    return kept, dropped


def _told_unsure(clause: Clause) -> bool:
    """A clause beside the main one told as planned or unsure ("while the rest are presumed dead"), not by a modal
    alone: a modal beside a main clause most often states a capacity ("and 150 hours can be stored"), which is fact,
    unless a hedge goes with it ("and could reportedly carry troops"), it is "may" or "might" ("and more may be
    trapped") or it tells what a thing might do ("a coating that could reduce growth")."""
    children = list(clause.verb.children)
    believed = clause.verb.dep_ == "ccomp" and inflects(clause.verb.head, BELIEVING)  # "fearing the river would burst"
    believed = believed or feared(clause.verb) or to_come(clause.verb)  # "fears that it would", "could ... next week"
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in children) and not (
        possible(clause.verb) or possible_of_a_thing(clause.verb) or believed
    )
    hedged = bool(hedges_of(clause.verb))  # "could reportedly serve": a rumour
    return status_of(clause.verb) != "confirmed" and not (modal and not hedged and status_of(clause.verb) == "unclear")


def _distinct(clauses: list[Clause]) -> list[Clause]:
    """Each clause once, by its verb: the same infinitive is a future clause and may be read again as a side one."""
    by_verb: dict[int, Clause] = {}
    for clause in clauses:
        by_verb.setdefault(clause.verb.i, clause)
    return list(by_verb.values())


def _next_best(aligner: Aligner, statement: str, evidence: list[Span]) -> Span | None:
    """The article's sentence, beside the evidence, that writes most of the statement's content words the evidence
    lacks, its verbs weighed as in the support check (the act before a title: "arrested" over "General"); the same
    lemma, not a look-alike (German "verhaftet" is not "Verhandlungen"). None when the evidence is already
    MAX_EVIDENCE sentences or no other sentence writes one."""
    if len(evidence) >= MAX_EVIDENCE:
        return None
    language = aligner.language
    said = read(statement, language)
    lacking = (said.words | said.numbers) - content_words(" ".join(s.text for s in evidence), language)
    weight = {w: VERB_WEIGHT if w in said.verbs else 1 for w in lacking}
    taken = {span.start for span in evidence}
    others = [s for s in aligner.index.sentences if s.start not in taken and not aligner.addressed(s.start)]
    scored = [(sum(weight[w] for w in lacking & content_words(s.text, language)), -s.number, s) for s in others]
    best = max(scored, key=lambda item: item[:2], default=None)
    return aligner.sentence_span(best[2]) if best and best[0] else None


def _asserted(status: EventStatus, evidence: list[Span], statement: str, language: str) -> EventStatus:
    """The model's status, except that "confirmed" needs a sentence that asserts the event: one that quotes it,
    plans it, asks it or makes it conditional leaves it unclear (nlp/assertion.py)."""
    if status == "confirmed" and not any(asserts_event(span.text, language, statement) for span in evidence):
        return "unclear"
    return status


def _same_event(statement: str, first_evidence: Span, event: Event) -> bool:
    """One event twice: the same statement, or the same first evidence sentence."""
    return normalize(statement) == normalize(event.description) or first_evidence == event.evidence[0]


def _figures(
    aligner: Aligner, figures: list[Entity], evidence: list[Span], sources: list[Source], statement: str
) -> list[Figure]:
    """The numbers the event's sentences give for it: those its statement uses ("two coups" is another matter)."""
    text = aligner.index.text
    said = normalize(statement)
    return [
        Figure(text=text[f.start : f.end], mention=aligner.span(f.start, f.end), source=_who_gave(f.start, sources))
        for f in figures
        if any(span.start <= f.start and f.end <= span.end for span in evidence)
        and normalize(text[f.start : f.end]) in said
    ][:MAX_FIGURES]


def _statement(text: str, written: str, sentence: Span, bound: int = EVENT_CHARS) -> str:
    """The model's statement, unless it merely copies the sentence's opening words or reached ``bound`` (the
    grammar cut it): then the sentence's main clause."""
    said, opening = normalize(written).split(), normalize(sentence.text).split()
    copied = len(said) >= 4 and opening[: len(said)] == said
    cut = len(written) >= bound - 3
    clause = main_clause(text, sentence.start, sentence.end) if copied or cut else None
    return clause.text if clause else written


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _who_gave(offset: int, sources: list[Source]) -> str | None:
    """The source credited in the sentence that holds the figure."""
    for source in sources:
        if any(e.start <= offset < e.end for e in source.evidence):
            return source.name
    return None
