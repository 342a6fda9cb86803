"""The main clause of a sentence, as a short statement in the article's own words (English parse).

A small model asked "what happened" in a sentence often copies the sentence's
first words and stops mid-phrase ("Another army source corroborated the").
The parse gives the clause itself: subject, verb, object and a short
complement, without the attribution ("according to a close associate"),
appositions and relative clauses. A reported statement ("X confirmed that 20
arrests had been made") gives what was reported; who reported it is the
event's source.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from summarizer.nlp.pipeline import load, parse
from summarizer.nlp.speakers import REPORTING

LANGUAGES = frozenset({"en"})
"""English word lists over the English parse: English text only."""

PLANNING = frozenset(
    {
        "plan",
        "intend",
        "expect",
        "schedule",
        "aim",
        "set",
        "propose",
        "prepare",
        "seek",
        "hope",
        "want",
        "agree",
        "decide",
        "promise",
        "pledge",
        "vow",
        "threaten",
        "order",
        "forecast",
        "predict",
        "project",
    }
)
"""Verbs whose "to" complement is still to happen ("plans to build", "agreed to buy"): of intending, of committing
("promised to rebuild", "threatened to strike", "ordered the firm to pay"; not "offers to fund", which MEANTIME
reads as done) and of foreseeing ("are forecast to
reach", "is projected to grow")."""
SENTENCING = frozenset({"sentence"})
"""Verbs of a court's sentence, whose "to" infinitive is what the sentenced must still do ("sentenced him to repay
the money"); the sentencing itself is done, as its passive with "to" and a term ("was sentenced to five years")."""
COMMITTING = frozenset({"promise", "pledge", "vow", "threaten", "plan", "intend", "decide", "agree", "hope", "aim"})
"""Verbs of committing oneself, whose "to" infinitive is the commitment even when the parse hangs it as a purpose
("vowed on Sunday to fight"); not "set up to support", whose infinitive is a purpose."""
SCHEDULING = frozenset({"plan", "schedule", "expect", "propose", "set", "slate", "forecast", "predict", "project"})
"""Verbs whose present passive with no complement arranges its subject ("the launch is scheduled for Friday", "a
decision is expected by May")."""
RAISING = frozenset({"seem", "appear", "likely", "unlikely", "possible"})
"""Words that make their infinitive a likelihood, not a fact ("appears to have approved", "is likely to last")."""
REPORTED_AS = frozenset({"say", "report", "believe", "think", "rumor", "rumour", "understand", "claim"})
"""Reporting verbs whose passive hedges what follows ("is said to be", "is believed to have fled")."""
ARRANGED = frozenset({"be", "due", "set", "about", "poised", "slated"})
"""Words an infinitive after them is arranged to happen ("is to leave", "are to be allowed", "is due to close", "are
going to sell" is read in ``arranged_complement``: "went to see" is no arrangement)."""
ALLEGING = frozenset({"accuse", "charge", "suspect", "allege", "indict"})
"""Verbs whose "of"/"with" + gerund tells wrongdoing charged, not established ("is accused of stealing", "charged
with setting fire")."""
HEDGES = frozenset(
    {"reportedly", "possibly", "perhaps", "probably", "likely", "maybe", "apparently", "allegedly", "seemingly"}
)
"""Adverbs that doubt the event they modify ("reportedly fled", "could possibly close")."""
BELIEVING = frozenset({"believe", "think", "fear", "assume", "presume", "suspect", "speculate"})
"""Verbs whose clause is what someone believes, not what is known ("they believed a fruit had exploded")."""
_EPISTEMIC = frozenset({"may", "might"})
_SIDE = frozenset({"conj", "advcl", "ccomp", "acl", "parataxis"})
"""How the parse joins a clause beside the sentence's main one."""
ALLEGATIONS = frozenset({"allegation", "accusation"})
"""Nouns whose clause tells a wrongdoing charged, not established ("after an allegation he hit a player", "the
accusation that the firm hid losses")."""
INTENDING = frozenset({"plan", "intention", "intent", "aim", "goal", "proposal", "promise", "pledge", "bid", "request"})
"""Nouns of intent whose "to" infinitive is still to happen ("its intention to leave", "plans to build", "the
request to suspend Parliament"): the nouns of PLANNING's verbs, of promising and of asking. Not "decision" or
"agreement": one made is often carried out at once ("made the decision to ban", "signed an agreement to protect")."""
NEGOTIATING = frozenset({"talk", "negotiation"})
"""Nouns of negotiating whose "to" infinitive is what is negotiated, still to happen ("is in talks to sell a
stake"); the statement keeps them short ("The owner is in talks"), unlike a noun of intent's."""

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_WORDS = 14
"""Longest main clause kept as a statement (an event's description), cut back to a word that completes the phrase.
Chosen by hand, not measured."""
_CORE = frozenset(
    {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "prt", "dobj", "attr", "acomp", "oprd", "agent", "expl"}
)
_TRIM = frozenset({"relcl", "appos", "acl", "advcl", "punct", "parataxis", "cc", "conj", "ccomp"})
_DATELINE_DASHES = frozenset({"\u2014", "\u2013", "--", "-"})
_DATELINE_TOKENS = 5
"""Tokens a dateline's dash comes within ("MWANZA , Tanzania —"): a town and its country, not a clause."""
_SAID_WHAT = frozenset({"dobj", "xcomp", "attr", "oprd", "dative"})
"""A reporting verb's objects ("announced a recall", "told reporters"); with these or a clause it reports, the
verb's own clause says something, and without any ("police said") it is bare."""
_SHORT_PREP = 6
"""A prepositional phrase of up to six words stays ("into custody", "in Kati")."""


@dataclass(frozen=True)
class Clause:
    text: str
    verb: Token


def main_clause(text: str, start: int, end: int) -> Clause | None:
    """The statement of the sentence in [start, end) and its verb, or None when the parse finds no verb there."""
    span = parse(text).char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    root = _main_verb(span)
    dash = _dateline_dash(span.doc, span.start)
    if root is None:  # "CALDER — Two men believed ...": the parse may make the town the sentence's root
        return _after_dateline(text, span, dash) if dash is not None else None
    if dash is not None and (
        _bare_report(root) or any(_subject_tokens(root) & {t.i for t in span.doc[span.start : dash]})
    ):
        return _after_dateline(text, span, dash)
    if _bare_report(root):
        return None  # "..., police said" with nothing said the parse can find: the speech is not the news
    return _root_clause(root, {t.i for t in span})


def _root_clause(root: Token, inside: set[int]) -> Clause | None:
    """The clause of the sentence's root, with what it hedges, arranges or charges; where a participle of belief on
    the subject misled the parse, the clause of the sentence's own verb with that subject ("Two men believed to be
    brothers were detained": the detaining is the news)."""
    subject = None
    if (repaired := believed_subject(root)) is not None:
        root, subject = repaired
    complement = hedged_complement(root) or arranged_complement(root) or charged_complement(root)
    return _clause(root, inside, complement, subject=subject)


def misread_participle(verb: Token) -> bool:
    """A participle of belief or report on a subject that the parse took for the sentence's verb ("Two men
    believed to be brothers were detained", "The gunman, thought to be a former employee, opened fire": a passive
    "believed to be" with no "be" of its own, then the real verb with no subject of its own)."""
    return (
        verb.tag_ in {"VBD", "VBN"}
        and inflects(verb, REPORTED_AS | BELIEVING)
        and not any(c.dep_ in {"aux", "auxpass", "dobj"} for c in verb.children)
        and _complement(verb) is not None
        and (subject := _subject(verb)) is not None
        and subject.i < verb.i
        and _verb_after(verb) is not None
    )


_FINITE = frozenset({"VBD", "VBZ", "VBP", "VBN"})


def _verb_after(
    verb: Token, deps: Collection[str] = frozenset({"ccomp", "conj"}), tags: Collection[str] = _FINITE
) -> Token | None:
    """The first verb after ``verb`` that hangs on it by one of ``deps`` and has no subject of its own: the
    sentence's own verb where the parse hung it on a misread participle ("believed to be brothers were detained")."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in deps and c.i > verb.i and c.pos_ in {"VERB", "AUX"} and c.tag_ in tags and _subject(c) is None
        ),
        None,
    )


def believed_subject(root: Token) -> tuple[Token, Token] | None:
    """(the sentence's verb, its subject) where a participle of belief or saying on the subject misleads the parse:
    one it took for the verb ("Two men believed to be brothers were detained"), one it gave the subject to ("A man,
    believed to be in his forties, was found dead", where "found" has no subject), or one whose clause it took for
    the sentence's ("Protesters claiming the vote was rigged marched"); None for a sound parse."""
    subject = _subject(root)
    if subject is not None and misread_participle(root):
        after = _verb_after(root)
        return (after, subject) if after is not None else None
    if subject is not None and any(
        c.dep_ == "acl" and c.tag_ == "VBG" and inflects(c, REPORTING | BELIEVING) for c in subject.children
    ):  # "Protesters claiming the vote was rigged marched": the parse took "rigged" for the verb
        later = _verb_after(root, {"xcomp", "advcl", "conj"}, {"VBD"})
        return (later, subject) if later is not None else None
    if subject is not None:
        return None
    believers = [
        c
        for c in root.children
        if c.dep_ == "advcl" and c.i < root.i and c.tag_ == "VBN" and inflects(c, REPORTED_AS | BELIEVING)
    ]
    return next(((root, found) for c in believers if (found := _subject(c)) is not None), None)


def _main_verb(span: Span) -> Token | None:
    """The verb of the span's main clause; for a reporting verb ("X confirmed that ..."), the verb it reports."""
    inside = {t.i for t in span}
    roots = [t for t in span if t.pos_ in {"VERB", "AUX"} and (t.dep_ == "ROOT" or t.head.i not in inside)]
    if not roots:
        return None
    root = roots[0]
    if misread_participle(root):
        return root  # "A woman said to be the gang's leader was arrested": no report (main_clause repairs it)
    reported = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]
    return reported[0] if inflects(root, REPORTING) and reported else root


def _subject_tokens(verb: Token) -> set[int]:
    """The token indices of the verb's subject."""
    return {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}


def _bare_report(verb: Token) -> bool:
    """ "..., police said" where the parse found nothing said: an active reporting verb whose subject follows a
    comma of its own (what was said came first) and which has neither object nor reported clause. "He has not been
    charged" (passive) and "Commuters have complained about delays" (subject first) are not reports of this kind."""
    if not inflects(verb, REPORTING) or any(c.dep_ == "auxpass" or _says_what(c) for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and any(c.text == "," and c.i < subject.i for c in verb.children)


def _says_what(child: Token) -> bool:
    """The reporting verb's child says what was said or to whom: an object, or a reported clause with a verb (a
    name the parse took for the reported clause, as a dateline's town, says nothing)."""
    return child.dep_ in _SAID_WHAT or (child.dep_ in {"ccomp", "parataxis"} and child.pos_ in {"VERB", "AUX"})


def _after_dateline(text: str, span: Span, dash: int) -> Clause | None:
    """The main clause of the sentence parsed again without its dateline, its verb the article's own token.

    A dateline misleads the parse: in "HARBOURTON, Westland — A bridge collapsed ..., police said" it takes the
    town for what was said and the news for a phrase hanging off it (the main clause would be "police said": the
    speech, not the news), and in "HARBOURTON — A new bridge opened" the town for the subject.
    """
    start = span.doc[dash].idx + len(span.doc[dash].text)
    rest = text[start : span.end_char]
    offset = start + len(rest) - len(rest.lstrip())
    alone = load("en")(rest.strip())  # parsed apart, not kept: the article's own parse stays in the cache
    root = _main_verb(alone[:])
    if root is None or _bare_report(root):
        return None
    clause = _root_clause(root, {t.i for t in alone})  # "CALDER — Two men believed to be brothers were detained"
    if clause is None:
        return None
    verb = span.doc.char_span(offset + clause.verb.idx, offset + clause.verb.idx + len(clause.verb))
    return Clause(clause.text, verb[0]) if verb is not None else None


def _dateline_dash(doc: Doc, first: int) -> int | None:
    """The index of the dash that ends a dateline opening at token ``first`` ("LAKESIDE —", "MWANZA, Tanzania
    —": a place in capitals, then names), or None when the sentence opens with none."""
    dash = next((t.i for t in doc[first : first + _DATELINE_TOKENS] if t.text in _DATELINE_DASHES), None)
    if dash is None or dash == first or not doc[first].is_upper:
        return None
    opening = doc[first:dash]
    return dash if all(t.is_upper or t.is_punct or t.pos_ == "PROPN" for t in opening) else None


def inflects(token: Token, words: Collection[str]) -> bool:
    """The token's lemma is one of ``words``, or its form inflects one: the small English model lemmatizes some forms
    wrongly ("hopes" -> "hop", "poised" -> "poise"), so a listed word must not rest on the lemma alone."""
    return token.lemma_.lower() in words or not _bases(token.lower_).isdisjoint(words)


@cache
def _bases(form: str) -> frozenset[str]:
    """The words ``form`` may inflect by English's regular endings ("hopes", "planned", "hoping", "carried")."""
    bases = {form}
    for ending in ("s", "es", "d", "ed", "ing"):
        stem = form.removesuffix(ending)
        if stem != form and len(stem) >= 2:
            bases |= {stem, stem + "e"}
            if stem[-1] == stem[-2]:
                bases.add(stem[:-1])  # "planned", "vetting"
    if form.endswith(("ied", "ies")):
        bases.add(form[:-3] + "y")
    return frozenset(bases)


def charged_complement(verb: Token) -> Token | None:
    """The gerund of an accusation ("is accused of stealing", "charged the firm with hiding losses"): what the
    clause says is alleged; None without one ("charged with murder" names no act of its own)."""
    if not inflects(verb, ALLEGING):
        return None
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"of", "with"}]
    return next((g for p in preps for g in p.children if g.dep_ == "pcomp" and g.pos_ == "VERB"), None)


def arranged_complement(verb: Token) -> Token | None:
    """The infinitive "be" arranges ("she is to leave office", "the square is to honour a nurse"), or a word of
    arranging after a present "be" does ("is due to start", "are going to sell", "is poised to buy"): what the clause
    says is to happen, its subject the verb's; None without one ("is" with a predicate of its own is not)."""
    if _present_be(verb) and not any(c.dep_ in {"attr", "acomp"} for c in verb.children):
        return _complement(verb)
    if _present_be(verb):
        words = [c for c in verb.children if c.dep_ == "acomp" and inflects(c, ARRANGED)]
        return next((x for c in words if (x := _complement(c)) is not None), None)
    present = any(c.dep_ in {"aux", "auxpass"} and _present_be(c) for c in verb.children)
    arranging = inflects(verb, ARRANGED - {"be", "set"}) or verb.lower_ == "going"
    return _complement(verb) if present and arranging else None


def _complement(head: Token) -> Token | None:
    return next((c for c in head.children if _infinitive(c) and c.dep_ == "xcomp"), None)


def _present_be(verb: Token) -> bool:
    """ "is"/"are"/"am": the present arranges what is to come; the past ("were to take delivery") tells an
    arrangement whose outcome the article may tell apart."""
    return verb.lemma_.lower() == "be" and verb.tag_ in {"VBZ", "VBP"}


def present_passive(verb: Token) -> bool:
    """ "is scheduled", "are planned": a present passive, which tells an arrangement still standing."""
    return any(c.dep_ == "auxpass" and _present_be(c) for c in verb.children)


def _infinitive(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ == "to" for c in token.children
    )


def hedged_complement(verb: Token) -> Token | None:
    """The infinitive that a raising word or a passive reporting verb hedges ("are said to be faster", "appears to
    be running", "is likely to last"): what the sentence is about, told as likely, not as fact; None without one."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "acomp" and inflects(c, RAISING))]
    for head in heads:
        lemma = head.lemma_.lower()
        if lemma in RAISING or (lemma in REPORTED_AS and any(c.dep_ == "auxpass" for c in head.children)):
            complement = [c for c in head.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]
            if complement:
                return complement[0]
    return None


def _verbs(text: str, start: int, end: int, besides: Token | None) -> tuple[set[int], list[Token]]:
    """The token indices of the sentence in [start, end) and its verbs but ``besides`` (the main clause's verb, told
    already); nothing when the parse has no such span."""
    span = parse(text).char_span(start, end, alignment_mode="expand")
    if span is None:
        return set(), []
    verbs = [t for t in span if t.pos_ in {"VERB", "AUX"} and (besides is None or t.i != besides.i)]
    return {t.i for t in span}, verbs


def future_clauses(text: str, start: int, end: int, besides: Token | None = None) -> list[Clause]:
    """Clauses of the sentence about what is to come ("will feature", "to be held", "plans to build"), verb first.

    A sentence that reports one thing ("Apple announced an event") often
    carries a second that has not happened yet ("to be held on October 12");
    the reader needs both, each with its own status.
    """
    inside, verbs = _verbs(text, start, end, besides)
    found = []
    for token in verbs:
        if token.dep_ in {"aux", "auxpass"}:
            continue
        if is_future(token):
            arranged = token.dep_ == "xcomp" and arranged_complement(token.head) is token
            clause = _clause(token.head, inside, token) if arranged else _clause(token, inside)
            if clause is not None:
                found.append(clause)
    return found


def hedges_of(token: Token) -> set[str]:
    """The hedges that modify the token itself ("reportedly fled": {"reportedly"})."""
    return {c.lower_ for c in token.children if c.dep_ == "advmod" and c.lower_ in HEDGES}


def _hedged(verb: Token) -> bool:
    """A clause with a hedge of its own ("reportedly conducted by the Taliban", "there were reportedly four on
    board"): a doubt the article tells beside its main clause, whatever the parse joins it by."""
    return verb.dep_ in _SIDE and bool(hedges_of(verb))


_MODIFIERS = frozenset({"nummod", "amod", "quantmod"})
"""How a word hangs on the noun whose phrase it is part of ("reportedly 85% of his body", "allegedly motivated
attacks")."""


def _hedged_phrase(word: Token, inside: set[int]) -> Clause | None:
    """A phrase with no verb that a hedge doubts ("health problems, reportedly colon cancer", "burns over reportedly
    85% of his body", "died, reportedly due to complications"): what it tells is doubted, whatever its sentence
    tells. The phrase is the noun's (or the adjective's) the hedged word belongs to, from the hedge on; the Clause's
    verb is the hedged word, whose status the caller reads."""
    if word.pos_ in {"VERB", "AUX"} or not hedges_of(word):
        return None
    head = word
    while head.dep_ in _MODIFIERS and head.head is not head and head.head.pos_ in {"NOUN", "PROPN", "NUM"}:
        head = head.head  # "85" -> "85%", "motivated" -> "motivated traffic chaos"
    hedge = min(c.i for c in word.children if c.dep_ == "advmod" and c.lower_ in HEDGES)
    tokens = _phrase([t for t in _trimmed(head) if t.i >= hedge and t.i in inside])
    return Clause(_words(tokens), word) if len(tokens) > 1 else None


def _phrase(tokens: list[Token]) -> list[Token]:
    """A verbless phrase's words in order, at most MAX_WORDS, ending on a word that completes it (not "of" or "the")."""
    kept = sorted(tokens, key=lambda t: t.i)[:MAX_WORDS]
    while kept and kept[-1].pos_ in {"ADP", "DET", "CCONJ", "PART", "PUNCT"}:
        kept.pop()
    return kept


def _words(tokens: list[Token]) -> str:
    return " ".join("".join(t.text_with_ws for t in tokens).strip(' ,;:\u201c\u201d"').split())


SUSPICION = frozenset({"suspicion", "suspect"})
"""Nouns whose "of"/"in" phrase names a wrongdoing someone is suspected of ("arrested on suspicion of murder", "the
suspect in the shooting"): alleged, not established."""


def suspected(noun: Token) -> bool:
    """The noun is what a suspicion is of ("on suspicion of murder", "the suspect in the shooting")."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ in {"of", "in"}
        and prep.head is not prep
        and prep.head.pos_ == "NOUN"
        and inflects(prep.head, SUSPICION)
    )


def _suspected_phrase(noun: Token) -> Clause | None:
    """The suspicion and what it is of ("on suspicion of murder", "the suspect in a shooting of protesters"), whose
    Clause's verb is the wrongdoing suspected."""
    if noun.pos_ != "NOUN" or not suspected(noun) or noun.head.head.dep_ in {"nsubj", "nsubjpass"}:
        return None  # "the suspect in the attack was arrested": the main clause tells it with its subject
    return Clause(_words(_phrase(_trimmed(noun.head.head))), noun)


ALLEGED_MARKS = frozenset({"alleged", "suspected"})
"""Adjectives that make the noun they modify an allegation ("alleged misconduct", "a suspected arson attack")."""
PLANNED_MARKS = frozenset({"planned", "proposed", "upcoming", "future"})
"""Adjectives that make the noun they modify a plan ("the planned merger", "the upcoming vote")."""
MARKED = ALLEGED_MARKS | (PLANNED_MARKS - {"future"})
"""The marks that make a noun after a preposition of inquiry or dispute an event of its own; not "future", which
after such a preposition is most often a time ("fears for future generations")."""
_ABOUT = frozenset({"into", "over", "from", "for", "about", "after", "following", "amid", "in", "regarding"})
"""Prepositions that take what an inquiry, a dispute or a sequel is about ("an investigation into alleged misconduct",
"protests over the planned merger"); not "of", "by", "against" or "on", whose marked noun is most often a person
("the trial of the alleged killer", "strikes on suspected militants")."""


def _marked_phrase(noun: Token, inside: set[int]) -> Clause | None:
    """A noun an adjective marks as alleged or planned, that a preposition of inquiry or dispute takes ("an
    investigation into alleged misconduct by the president", "impeached over an alleged abuse of power"): the article
    tells it as charged or to come, whatever its sentence tells; the Clause's verb is the noun, whose status the
    caller reads."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ not in _ABOUT or noun.ent_type_:
        return None
    marks = [c for c in noun.children if c.dep_ == "amod" and c.lower_ in MARKED]
    if not marks:
        return None
    told = [*_trimmed(noun), *(t for c in noun.children if _participle(c) for t in _trimmed(c))]
    tokens = _phrase([t for t in told if t.i >= marks[0].i and t.i in inside])
    return Clause(_words(tokens), noun) if len(tokens) > 1 else None


def _participle(child: Token) -> bool:
    """A past participle that tells what the noun is ("alleged payments made to two aides")."""
    return child.dep_ == "acl" and child.tag_ == "VBN"


def participle_of_belief(verb: Token, words: Collection[str] = REPORTED_AS | BELIEVING) -> bool:
    """A participle of belief or report with no "be" of its own, on a noun ("the boat, reported to be carrying 200
    migrants") or on the subject where the parse misread it ("Two men believed to be brothers were detained", "A man,
    believed to be in his forties, was found"): as doubtful as "is believed to"."""
    if verb.tag_ not in {"VBN", "VBD"} or not inflects(verb, words):
        return False
    given = verb.dep_ == "advcl" and verb.tag_ == "VBN" and _subject(verb) is not None
    return verb.dep_ == "acl" or given or misread_participle(verb)


def _believed_of(verb: Token) -> Token | None:
    """The infinitive of a participle of belief or suspicion on a noun ("a prisoner, suspected to be Louis De Zoysa",
    "people believed to be trapped"): what is believed of the noun, not established; None otherwise."""
    if not participle_of_belief(verb, REPORTED_AS | BELIEVING | ALLEGING):
        return None
    if verb.dep_ == "acl" and verb.head.pos_ not in {"NOUN", "PROPN", "NUM"}:
        return None  # a noun's: "the boat, reported to be carrying"
    return _complement(verb)


FEARS = frozenset({"fear", "concern", "worry", "speculation", "suspicion", "possibility", "prospect", "doubt"})
"""Nouns whose "that" clause is what is feared or supposed, not what is ("amid fears that the bank would raise
rates", "concerns that the virus is spreading"). Not "hope" or "expectation": what they hold to come is planned, as
after "expect"."""


def feared(verb: Token) -> bool:
    """The verb of a "that" clause a noun of fear or supposition holds ("fears that the bank would raise rates")."""
    return (
        verb.dep_ in {"acl", "ccomp"}
        and verb.head.pos_ == "NOUN"
        and inflects(verb.head, FEARS)
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    )


RUMOURS = frozenset({"report", "rumour", "rumor", "speculation"})
"""Nouns that tell what is said without a source to vouch for it ("according to local media reports", "unconfirmed
reports said")."""


def _rumoured_report(token: Token) -> bool:
    """A clause that reports or rumours say, with no one named ("reports said half were filled")."""
    return (
        token.dep_ == "ccomp"
        and inflects(token.head, REPORTING)
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in RUMOURS for c in token.head.children)
    )


def side_clauses(text: str, start: int, end: int, besides: Token | None = None) -> list[Clause]:
    """The sentence's other clauses with a subject of their own ("five were rescued while the rest are presumed
    dead", "..., and officials fear more are trapped", "are investigating whether the bank misled"), or one that
    shares its subject ("are missing and presumed dead"), or one that carries a hedge, a charge, a belief or a "may"
    of its own ("reportedly conducted by the Taliban", ", charged with murder", "they believed a fruit had
    exploded", "found the virus may spread"), or what a noun's modifiers tell ("a nurse accused of poisoning four
    patients", "a prisoner, suspected to be X", "where two are said to be critical", "an investigation into alleged
    misconduct", "amid fears that the bank would raise rates"), verb first: each may be told otherwise than the main
    one, which the caller reads off its verb."""
    inside, verbs = _verbs(text, start, end, besides)
    doc = parse(text)
    found = [
        p
        for t in sorted(inside)
        if (p := _hedged_phrase(doc[t], inside) or _suspected_phrase(doc[t]) or _marked_phrase(doc[t], inside))
        is not None
    ]
    for token in verbs:
        subject = token.head if token.dep_ == "acl" else None
        if (told := _believed_of(token)) is not None and (clause := _clause(token, inside, told, subject)):
            found.append(clause)  # "a prisoner, suspected to be Louis De Zoysa", "two men believed to be brothers"
            continue
        charged = token.dep_ in {"advcl", "acl"} and token.tag_ == "VBN" and charges(token)  # ", charged with murder"
        shares = token.dep_ == "conj" and _subject(token) is None  # "started out ... but has reportedly expanded"
        subject = _subject(token.head) if shares else None
        if charged and token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"}:
            subject = token.head  # "a nurse accused of poisoning four patients": who is accused, and of what
        told = charged_complement(token) if charged else None
        if (_hedged(token) or charged) and (clause := _clause(token, inside, told, subject=subject)) is not None:
            found.append(clause)
            continue
        reported = hedged_complement(token) if token.dep_ == "relcl" else None  # "where two are said to be critical"
        if reported is not None and (clause := _relative(token, inside, reported)) is not None:
            found.append(clause)
            continue
        if feared(token) and (clause := _clause(token, inside)) is not None:
            found.append(clause)  # "amid fears that the central bank would raise rates"
            continue
        if possible_of_a_thing(token) and (clause := _relative(token, inside)) is not None:
            found.append(clause)  # "a coating that could reduce bacterial growth": what it might do, not what it did
            continue
        if token.dep_ not in {"conj", "advcl", "ccomp"} and not alleges(token):
            continue
        own = any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
        shared = token.dep_ == "conj" and _subject(token.head) is not None
        asked = token.dep_ == "ccomp" and any(
            c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in token.children
        )
        premise = token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in token.children
        )
        if premise:
            continue  # "if a new airliner is to be viable": a condition the article poses, not an event it tells
        if alleges(token):
            own = True  # "after an allegation he hit a player": the charge is an event of its own, told as alleged
        believed = token.dep_ == "ccomp" and inflects(token.head, BELIEVING)  # "they believed a fruit had exploded"
        believed = believed or (
            token.dep_ == "ccomp" and (possible(token) or purposed(token))
        )  # "may spread", "so he could"
        believed = believed or _rumoured_report(token)  # "; reports said half were filled"
        # "warned that profits were likely to fall": what is said is itself told as likely
        believed = believed or (token.dep_ == "ccomp" and hedged_complement(token) is not None)
        if (own and (token.dep_ != "ccomp" or asked or believed)) or (shared and not own):
            told = hedged_complement(token) or arranged_complement(token) or charged_complement(token)
            clause = _clause(token, inside, told, subject=None if own else _subject(token.head))
            if clause is not None:
                found.append(clause)
    return found


_RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})


def _relative(verb: Token, inside: set[int], complement: Token | None = None) -> Clause | None:
    """A relative clause told on its own, its pronoun replaced by the noun it stands for ("a coating that could
    reduce growth": "a coating could reduce growth"); a clause whose subject is not the pronoun ("where two are said
    to be critical") as it is."""
    relative = verb.head if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" else verb  # "which officials say may"
    pronoun = next(
        (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _RELATIVE_PRONOUNS), None
    )
    if pronoun is None or relative.dep_ != "relcl" or relative.head.i not in inside:
        return _clause(verb, inside, complement)
    return _clause(verb, inside - {pronoun.i}, complement, subject=relative.head)


def possible_of_a_thing(verb: Token) -> bool:
    """A relative clause, or what is said in one, that tells with "could", "may" or "might" what a thing might do ("a
    new coating that could reduce bacterial growth", "proclamations which analysts say could have far-reaching
    implications"): a possibility the article reports, not a fact. Not of a person ("a striker who could score"),
    whose "could" is most often an ability."""
    relative = verb
    if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" and inflects(verb.head, REPORTING):
        relative = verb.head
    if relative.dep_ != "relcl" or relative.head.pos_ != "NOUN" or relative.head.ent_type_ == "PERSON":
        return False
    if any(c.lower_ == "who" for c in (*relative.children, *verb.children)):
        return False
    return any(c.dep_ == "aux" and c.lower_ in {"could", "may", "might"} for c in verb.children)


def alleges(verb: Token) -> bool:
    """The verb of a clause with its own subject that a noun of allegation holds ("an allegation he hit a player",
    "the accusation that the firm hid losses"): what is charged, not what is established."""
    return (
        verb.dep_ in {"acl", "relcl"}
        and inflects(verb.head, ALLEGATIONS)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        and not any(c.dep_ in {"dobj", "nsubj", "nsubjpass"} and c.lower_ in {"which", "that"} for c in verb.children)
    )


def purposed(verb: Token) -> bool:
    """A clause of purpose: "so" (or "so that") and a modal ("declared an emergency so he could fund a wall", "built a
    dam so the river would not flood"): what someone meant to bring about, still to come."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    return "so" in marks and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def scheduled_for(verb: Token) -> bool:
    """A participle that arranges its noun for a time ("a deposition request, scheduled for this week", "the vote set
    for Tuesday"): what is arranged is still to come. A time it is for, not "the record set in 1990"."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or not inflects(verb, SCHEDULING):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(o.dep_ == "pobj" and o.ent_type_ in {"DATE", "TIME"} for o in c.children)
        for c in verb.children
    )


def aimed_at_doing(verb: Token) -> bool:
    """What is to be done after "aimed at" ("a project aimed at connecting the fields", "talks are aimed at ending
    the strike"): meant, still to come; "aimed at migrants" names a target, not a plan."""
    at = verb.head
    return verb.dep_ == "pcomp" and at.dep_ == "prep" and at.lower_ == "at" and inflects(at.head, {"aim"})


def possible(verb: Token) -> bool:
    """A clause told as possible by "may" or "might" ("the toll may rise"), unlike "can" or "could", which most
    often tell what someone or something is able to do; but "could" in what something means or shows ("the injury
    means the captain could miss the final") is a possibility too."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(aux & _EPISTEMIC) or ("could" in aux and verb.dep_ == "ccomp")


def charges(verb: Token) -> bool:
    """A charge with what it charges ("charged with murder", "police accused him of fraud", "suspected of
    arson"): the wrongdoing is alleged, not established, however sure the charging is."""
    accused = [c for c in verb.children if c.dep_ == "dobj"]  # the parse may hang "of fraud" on "the driver"
    return inflects(verb, ALLEGING) and any(
        c.dep_ == "prep" and c.lower_ in {"with", "of"} and any(p.dep_ in {"pobj", "pcomp"} for p in c.children)
        for c in [*verb.children, *(c for o in accused for c in o.children)]
    )


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def is_future(verb: Token) -> bool:
    """Marked as still to come: will/shall, 'to' after a planning verb, "be" or "due" ("is to leave"), a noun of intent
    or a noun ("event to be held"), an infinitive a sentence or an order joins to its verb ("sentenced to four years
    and to repay"), or "would" reporting a past statement about the future ("said the planes would meet demand")."""
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if aux & {"will", "shall", "'ll", "wo"}:
        return True
    if scheduled_for(verb) or aimed_at_doing(verb):
        return True
    if "would" in aux and verb.dep_ == "ccomp" and inflects(verb.head, REPORTING) and verb.head.tag_ in {"VBD", "VBN"}:
        return True  # the past of "will"; under a present "say" ("would double it, planners say") a condition
    if "would" in aux and _content_of_a_past_report(verb):
        return True  # "announced in a memo that he would be on leave": the parse hangs the report on the memo
    if "to" in aux and verb.dep_ == "advcl" and inflects(verb.head, COMMITTING | SENTENCING):
        return True  # "vowed on Sunday to fight", "sentenced him to repay": the parse hangs the infinitive as a purpose
    if "to" in aux and verb.dep_ == "advcl" and verb.head is not verb and is_future(verb.head):
        return True  # "a vote will be held today to choose a leader": the purpose of what is to come is to come
    if "to" in aux and verb.dep_ in {"xcomp", "acl", "relcl"}:
        governor = verb.head
        arranged = arranged_complement(governor) is not None or inflects(governor, ARRANGED - {"be"})
        if (verb.dep_ == "xcomp" and arranged) or (verb.dep_ == "acl" and inflects(governor, INTENDING | NEGOTIATING)):
            return True  # "is to leave", "is due to close", "its intention to leave", "in talks to sell"
        passive = any(
            c.dep_ == "auxpass" for c in verb.children
        )  # "an event to be held", not "an attempt to destabilise"
        return (governor.pos_ in {"NOUN", "PROPN"} and passive) or inflects(governor, PLANNING | SENTENCING)
    if "to" in aux and verb.dep_ == "conj" and not _infinitive(verb.head):
        return inflects(verb.head, PLANNING | SENTENCING)  # "was sentenced to four years and to repay the money"
    return False


def _content_of_a_past_report(verb: Token) -> bool:
    """A "that" clause the parse hangs on a noun as if it were a relative one ("announced in an internal memo that he
    would be on leave"): "that" is no part of the clause, so the clause is what the noun says, and the past verb of
    saying above it reports it."""
    if verb.dep_ not in {"relcl", "acl"} or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return False
    saying = next((a for a in verb.head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return saying is not None and inflects(saying, REPORTING) and saying.tag_ in {"VBD", "VBN"}


def _clause(
    root: Token, inside: set[int], complement: Token | None = None, subject: Token | None = None
) -> Clause | None:
    """The root's clause; with its hedged ``complement`` ("are said" + "to be faster"), whose verb the clause's is;
    with the ``subject`` it shares with the clause it is joined to ("are missing and presumed dead")."""
    tokens: list[Token] = [root, *(_trimmed(complement) if complement is not None else [])]
    if complement is not None and complement.dep_ == "pcomp":
        tokens.append(complement.head)  # "accused of stealing": the preposition too
    if subject is not None:
        tokens.extend(_trimmed(subject))
    preps = 0
    for child in root.children:
        if child.dep_ in _CORE:
            tokens.extend(_trimmed(child))
        elif child.dep_ == "prep" and preps < 2 and child.lower_ != "according":
            phrase = _trimmed(child)
            if len(phrase) <= _SHORT_PREP:
                tokens.extend(phrase)
                preps += 1
    tokens = sorted({t for t in tokens if t.i in inside}, key=lambda t: t.i)
    dash = _dateline_dash(root.doc, min(inside))
    if dash is not None:
        tokens = [t for t in tokens if t.i > dash]  # "LAKESIDE — The board ...": the dateline is not the news
    tokens = [t for t in tokens if not t.is_punct or t.text in {"'", "\u2019", "-", "%", "$"}]
    if len(tokens) > MAX_WORDS:
        tokens = tokens[:MAX_WORDS]
        while tokens and tokens[-1].pos_ in {"ADP", "DET", "CCONJ", "PART", "PUNCT", "ADJ"}:
            tokens.pop()  # end on a word that completes the phrase, not "on" or "the"
    if subject is None and not any(t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in tokens) and root.pos_ != "VERB":
        return None
    words = ""
    for previous, token in zip([None, *tokens], tokens, strict=False):
        joined = previous is not None and previous.idx + len(previous.text) == token.idx
        words += token.text if (joined or previous is None) else " " + token.text
    statement = " ".join(words.split()).strip(' ,;:\u201c\u201d"')
    return Clause(statement, complement or root) if statement else None


def _trimmed(head: Token) -> list[Token]:
    """The head's subtree without clauses, appositions and punctuation that hang off it (a one-word
    participle stays: "those detained")."""
    kept = [head]
    for child in head.children:
        if child.dep_ not in _TRIM or (child.dep_ == "acl" and len(list(child.subtree)) == 1) or _intended(child):
            kept.extend(_trimmed(child))
    return kept


def _intended(child: Token) -> bool:
    """The infinitive of a noun of intent: what the intent is ("its intention to leave the market"), without which
    the phrase says nothing."""
    return child.dep_ == "acl" and inflects(child.head, INTENDING) and _infinitive(child)
