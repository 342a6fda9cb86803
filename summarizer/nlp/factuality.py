"""How sure the article is of an event, read off the event's verb in the parse (English).

The model says what happened; whether the article tells it as fact, as a
plan, as possible or as denied is marked on the verb itself: "will sign",
"plans to buy", "may have", "did not attend", "allegedly took". The verb is
found in the event's evidence sentence by the statement's words; its
auxiliaries, negation, adverbs and governing verbs give the status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from summarizer.nlp.clauses import (
    ALLEGED_MARKS,
    ALLEGING,
    ARRANGED,
    BELIEVING,
    COMMITTING,
    HEDGES,
    INTENDING,
    PLANNED_MARKS,
    PLANNING,
    RAISING,
    REPORTED_AS,
    RUMOURS,
    SCHEDULING,
    alleges,
    arranged_complement,
    charges,
    feared,
    hedges_of,
    inflects,
    is_future,
    misread_participle,
    participle_of_belief,
    present_passive,
    purposed,
    suspected,
)
from summarizer.nlp.pipeline import parse
from summarizer.nlp.speakers import REPORTING
from summarizer.rules.times import WEEKDAY_NAMES

LANGUAGES = frozenset({"en"})
"""English word lists over the English parse: English text only."""

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Status = Literal["confirmed", "alleged", "claimed", "denied", "unclear", "planned"]

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_REFUSING = frozenset({"fail", "refuse", "decline", "deny"})
"""Verbs that say their complement did not happen ("failed to pay", "denied taking")."""
_NOBODY = frozenset({"nobody", "none", "nothing"})
_ONE = frozenset({"one", "a", "single"})
"""Words of a count of one, which a "not" before them makes none ("not one", "not a single"); not "not all"."""
_MEASURING = frozenset({"compare", "adjust", "measure", "count", "calculate", "express", "convert", "include"})
_CONDITION = frozenset({"if", "unless", "whether"})
_PLANNING = frozenset(
    {"plan", "intend", "expect", "schedule", "aim", "set", "propose", "prepare", "seek", "hope", "want"}
)
_ALLEGING = ALLEGING
_PAST = frozenset({"VBD", "VBN"})
_MODIFYING = frozenset({"amod", "compound"})
"""A participle that modifies a noun ("the stolen painting", "the ruling party") is no event the statement tells:
the clause's verb comes first."""
_STEM = 5
"""Letters compared between a statement's words and a verb ("arrested", "arrests"), as rules/text.py stems. Chosen by
hand, not measured."""
_ALLEGED_WORDS = frozenset({"alleged", "suspected", "purported", "rumored", "rumoured"})
_REPORTED_STATE = frozenset({"report"})
"""A passive "report" with a state, no "to" and its reporter named tells a report made ("was reported missing by
her family"), not a rumour."""
_DENYING = frozenset({"deny", "reject", "dismiss", "refute"})
"""Verbs whose passive with an agent tells its subject denied ("the allegation was rejected by the firm")."""
_DISPUTING = _DENYING | {"dispute", "contradict", "contest"}
"""Verbs of an answer that disputes what another said ("disputed the account", "dismissed the claim")."""
_SAYINGS = frozenset({"claim", "allegation", "accusation", "report", "rumour", "rumor", "suggestion", "assertion"})
"""What is said, which a denial of it denies ("rejected the allegations")."""
_PRESUMED = REPORTED_AS | {"presume", "fear", "assume", "suspect"}
"""Verbs whose passive with a predicate tells a state as supposed, not seen ("are presumed dead", "is feared
lost", "was reported missing"; not "was reported missing by the crew", whose reporter vouches for it)."""
_HOLDING = REPORTING | {"have", "unveil", "outline"}
"""Verbs that tell or hold an intent without carrying it out or dropping it ("stated its intention to leave", "has
plans to build"; not "scrapped plans to build")."""
_SUGGESTING = frozenset({"suggest", "hint", "imply", "speculate"})
"""Verbs that put what they report as a possibility ("reports suggest an attack", "findings suggest it was set")."""
_CAUSING = frozenset({"cause", "lead", "trigger", "spark", "result", "prompt", "start"})
"""Verbs of causing: a cause that is only suspected ("a suspected leak caused the blast") makes the causing only
possible, while a suspected person still did what the sentence says ("the suspected gunman fled")."""
_DOUBTED = frozenset({"suspected", "alleged", "possible", "probable", "likely", "apparent", "presumed", "purported"})
_EXAMINING = REPORTING | {"investigate", "probe", "examine", "study", "condemn", "blame"}
"""Verbs whose object is something told or looked into, so that an "alleged" or "suspected" object is an allegation
("investigating a suspected arson attack"); a suspect arrested or shot is still arrested or shot."""
_PARTIES = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
"""The words a clause says its event of: who did it and what it was done to or was."""
_STATES = frozenset({"be", "have", "remain", "stay", "seem", "appear", "know", "believe", "want", "need", "cost"})
"""Verbs of state, whose present holds now whatever day follows ("has a meeting on Friday")."""
_FUTURE_TIMES = frozenset({"next", "tomorrow", "upcoming", "coming"})
"""Time words that make a present tense tell what is to come ("the festival opens next week")."""
_ASSERTING = frozenset({"claim", "argue", "contend", "insist", "maintain", "assert"})
"""Verbs that put their clause as one side's case, not as what the article reports as fact ("the motion claims the
declaration is unconstitutional", "his lawyers argued he acted alone"); a plan they report stays planned ("Apple
claims the phone will provide")."""
_OWNED = frozenset({"responsibility", "credit"})
"""What a party claims for itself ("claimed responsibility for the bombing"): told as its claim."""


def _stems(words: str) -> set[str]:
    """The statement's words cut to _STEM letters; its lemmas are added by ``anchor`` ("cuts" meets "cut")."""
    return {w.lower()[:_STEM] for w in words.split() if len(w) > 2 and w.isalpha()}


def anchor(text: str, start: int, end: int, statement: str) -> Token | None:
    """The verb (else noun) of the sentence in [start, end) that the statement names, the one its own head word
    names first ("Brisk Bank misled investors": the misleading, not the investigating its "investors" looks like;
    "Five fishermen dead": "dead", told as feared); of a reporting verb, the reported clause's when the statement
    names it too."""
    said = parse(statement)
    wanted = _stems(statement) | {t.lemma_.lower()[:_STEM] for t in said if t.is_alpha and len(t) > 2}
    heads = {f(t)[:_STEM] for t in _predicates(said) for f in (_lemma, _lower)}
    doc = parse(text)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not wanted:
        return None

    def names(t: Token, stems: set[str]) -> bool:
        return _lemma(t)[:_STEM] in stems or t.lower_[:_STEM] in stems

    candidates = [t for t in span if t.pos_ in {"VERB", "NOUN"} and names(t, wanted)]
    headed = [t for t in span if t.pos_ in {"VERB", "NOUN", "ADJ"} and t.dep_ not in _MODIFYING and names(t, heads)]
    verbs = [t for t in candidates if t.pos_ == "VERB"]
    chosen = headed or [t for t in verbs if t.dep_ not in _MODIFYING] or verbs or candidates
    return _reported(chosen[0], candidates) if chosen else None


def _predicates(statement: Doc) -> list[Token]:
    """What a statement says of its subject: its root verb or adjective, or in a headline's noun phrase the
    participle or adjective after the noun ("40 people killed in attack", "two climbers dead"); none in a nominal
    statement ("weather satellite launch on Friday")."""
    found = []
    for root in (t for t in statement if t.dep_ == "ROOT" and t.is_alpha):
        if root.pos_ in {"VERB", "AUX", "ADJ"}:
            found.append(root)
        else:
            found += [
                c for c in root.children if c.dep_ in {"acl", "amod"} and c.pos_ in {"VERB", "ADJ"} and c.i > root.i
            ]
    return found


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _lower(token: Token) -> str:
    return token.lower_


def _reported(verb: Token, named: list[Token]) -> Token:
    """What a reporting verb reports, when the statement names it too ("X said it will receive": the receiving;
    "announced he would be on leave": the clause "would be"): reported speech is stated, its speaker the source,
    so the status is the reported event's."""
    if not inflects(verb, REPORTING):
        return verb
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        inside = [t for t in named if t.i in {s.i for s in clause.subtree}]
        if inside:
            return next((t for t in inside if t.pos_ == "VERB"), clause)
    return verb


def status_of(verb: Token) -> Status:
    """The status the sentence gives the event whose verb this is, checked from the strongest mark down: negation,
    then what doubts the event (a hedge, a condition, a rumour; "will likely" is not a plan), then the future and
    intention, modals, then what governs the verb."""
    if verb.dep_ in {"oprd", "acomp"} and verb.head.pos_ in {"VERB", "AUX"}:
        return status_of(verb.head)  # "are feared trapped": the predicate is told as its verb tells it
    if verb.pos_ in {"NOUN", "PROPN"}:
        return _noun_status(verb)
    children = list(verb.children)
    governor = verb.head if verb.dep_ in {"xcomp", "ccomp"} and verb.head is not verb else None
    if governor is not None and verb.dep_ == "ccomp" and misread_participle(governor):
        governor = None  # "Two men believed to be brothers were detained": the parse's "believed" governs nothing
    if governor is not None and _across_semicolon(verb, governor):
        governor = None  # "The lot has 3,000 spaces; reports said half were filled": two clauses, not one report
    if _negated(verb) or (governor is not None and inflects(governor, _REFUSING)):
        return "denied"  # "did not attend", "no one was arrested", "failed to pay"
    if _denied_by(verb) or _denies_what_is_said(verb):
        return "denied"  # "the charge was denied by her lawyer", "dismissed the claim as groundless"
    if _charged(verb) or alleges(verb) or charges(verb) or _accused_in_account(verb):
        # "is accused of stealing", "charged with setting fire", "an allegation he hit a player", "charged with murder"
        return "alleged"
    if any(c.lower_ in HEDGES for c in children) or any(a.lower_ in HEDGES for a in verb.ancestors):
        return "unclear" if not any(c.lower_ == "allegedly" for c in children) else "alleged"
    if hedged := _hedged_parties(verb):
        return _doubted_by(hedged)  # "stabbed reportedly several shoppers"
    if governor is not None and (hedged := hedges_of(governor)):
        return _doubted_by(hedged)  # "Reportedly, his family said he was in care", "were reportedly scheduled to send"
    if _claimed(verb) or _disputed(verb, governor) or _self_described(verb):
        return "claimed"  # "claimed responsibility for", "said X was poisoned" and later "dismissed the claim"
    if _supposed(verb, governor) or _rumoured(verb, governor) or _conditional(verb) or _on_condition(verb):
        return "unclear"  # "reports suggest it will close", "unconfirmed reports said", "if talks fail, will strike"
    if purposed(verb):
        return "planned"  # "declared an emergency so he could fund a wall": what it is meant for
    modals = [c for c in children if c.dep_ == "aux" and c.tag_ == "MD"]
    aux = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
    if aux & _FUTURE_AUX or ({"going", "to"} <= aux) or is_future(verb) or _to_come(verb, aux) or _reported_will(verb):
        return "planned"
    if inflects(verb, PLANNING) and any(c.dep_ == "xcomp" for c in children) and not _directed(verb):
        return "planned"  # "Boeing plans to build": the event is the building, still to come
    if inflects(verb, COMMITTING) and any(_purpose(c) for c in children):
        return (
            "planned"  # "vowed on Sunday to fight"  # "Boeing plans to build": the event is the building, still to come
        )
    if inflects(verb, SCHEDULING) and present_passive(verb):
        return "planned"  # "the launch is scheduled for Friday", "a decision is expected by May"
    if inflects(verb, _HOLDING) and any(c.dep_ == "dobj" and inflects(c, INTENDING) and _intends(c) for c in children):
        return "planned"  # "stated its intention to leave": what is stated is still to come
    if modals:
        return "unclear"  # "may have", "can fly", "should resign", "would flood": possible, not done
    if governor is not None and (_hedging(governor, verb) or inflects(governor, RAISING)):
        return "unclear"  # "is said to be", "appears to have approved", "is likely to last"
    if governor is not None and verb.dep_ == "ccomp" and inflects(governor, BELIEVING):
        return "unclear"  # "police believe the fire was set": a belief, not a finding
    if governor is not None and inflects(governor, PLANNING):
        return "planned"
    if governor is not None and inflects(governor, _ALLEGING):
        return "alleged"
    if governor is not None and verb.dep_ == "ccomp" and inflects(governor, _ASSERTING) and not _subjunctive(verb):
        return "claimed"  # "the motion claims the declaration is unconstitutional": one side's case
    if verb.dep_ == "amod" and verb.lower_ in ALLEGED_MARKS | {"planned", "proposed"}:
        return "alleged" if verb.lower_ in ALLEGED_MARKS else "planned"
    if any(c.lower_ in ALLEGED_MARKS and c.dep_ == "amod" for c in children):
        return "alleged"
    objects = [c for c in children if c.dep_ in {"dobj", "nsubjpass", "attr"}]
    if inflects(verb, _EXAMINING) and any(
        g.lower_ in _ALLEGED_WORDS and g.dep_ == "amod" for o in objects for g in o.children
    ):
        return "alleged"  # "corroborated the alleged plot": what is reported is an allegation
    if any(c.lower_ in PLANNED_MARKS and c.dep_ == "amod" for c in children):
        return "planned"
    if _futurate(verb) or _dated(verb):
        return "planned"  # "the festival opens next week", "the hearing is May 4"
    return "confirmed"


def _across_semicolon(verb: Token, governor: Token) -> bool:
    """A clause the parse hangs on a verb after a semicolon: the semicolon ends the clause, which tells its own."""
    low, high = sorted((verb.i, governor.i))
    return any(t.text == ";" for t in verb.doc[low:high])


def _doubted_by(hedges: set[str]) -> Status:
    """What hedges make of what they modify: "allegedly" a charge, any other hedge a doubt."""
    return "alleged" if "allegedly" in hedges else "unclear"


def _noun_status(noun: Token) -> Status:
    """An event named by a noun: marked on the noun ("a suspected arson attack"), else by the clause it is the
    subject of when that clause arranges it ("the launch is scheduled for Friday", "the trial is due to start"), not
    by any clause it is the subject of ("the merger will create jobs" tells no plan of a merger); a noun that a "there
    is" clause tells of is told as that clause tells it ("there will be penalties"), and one a hedged clause holds is
    doubted ("officials reportedly made arrests")."""
    head = noun
    while head.dep_ == "compound" and head.head is not head:
        head = head.head  # "vaccination campaign": the phrase's noun
    own = _marked(head)
    if own == "confirmed" and _copula_of_state(head):
        return status_of(head.head.head)  # "his family reportedly said he was in intensive care": the state's clause
    if own != "confirmed" or head.head.pos_ not in {"VERB", "AUX"}:
        return own
    verb = head.head
    if head.dep_ == "attr" and _existential(verb):
        # "there will be severe penalties", "there were reportedly six people on board"
        return "unclear" if _hedges_before(head) else status_of(verb)
    if head.dep_ in _PARTIES and hedges_of(verb):
        return "unclear"  # "officials reportedly made arrests": the clause that tells the noun doubts it
    if head.dep_ == "dobj" and _claimed(verb):
        return "claimed"  # "claimed responsibility for the bombing"
    if head.dep_ in _PARTIES and verb.dep_ == "ccomp" and inflects(verb.head, _ASSERTING):
        return "claimed"  # "the motion claims the declaration is unconstitutional"
    if head.dep_ not in {"nsubj", "nsubjpass"}:
        return own
    if _dated(verb):
        return "planned"  # "the first hearing is May 4": a date given in the present tense is one still to come
    arranging = inflects(verb, SCHEDULING) or arranged_complement(verb) is not None
    return "planned" if arranging and status_of(verb) == "planned" else own  # not "the merger will create jobs"


def _copula_of_state(noun: Token) -> bool:
    """A noun that tells a state through "be" and a preposition ("he was in intensive care", "is under
    investigation"): the clause of "be" tells it."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.lemma_.lower() == "be" and prep.head is not prep


def _marked(noun: Token) -> Status:
    """What the noun's own words tell: negation, "suspected"/"alleged", "planned"/"proposed"."""
    children = list(noun.children)
    if _negated(noun) or any(c.dep_ == "det" and c.lower_ == "no" for c in children):
        return "denied"  # "no arrests were made"
    if any(c.lower_ in ALLEGED_MARKS and c.dep_ == "amod" for c in children):
        return "alleged"
    if suspected(noun):
        return "alleged"  # "arrested on suspicion of murder", "the suspect in the shooting"
    if hedges := hedges_of(noun):
        return _doubted_by(hedges)  # "health problems, reportedly colon cancer"
    if any(c.lower_ in PLANNED_MARKS and c.dep_ == "amod" for c in children):
        return "planned"
    return "confirmed"


def _hedged_parties(verb: Token) -> set[str]:
    """The hedges among the words before the clause's subject or object ("stabbed reportedly several shoppers",
    "employed reportedly 300 workers"; not "severe penalties, maybe up to 30 years", which doubts the figure after
    it), and of a participle that tells its object's state, the hedges on the clause
    ("leaving reportedly 2,000 travellers stranded"): the doubt is on what the clause says, not on one adverb's
    verb. A hedge inside a clause of its own ("the man who reportedly fled") doubts that clause only."""
    clause = verb
    if verb.dep_ == "acl" and verb.head.dep_ in _PARTIES and verb.head.head.pos_ in {"VERB", "AUX"}:
        clause = verb.head.head
        if found := hedges_of(clause):
            return found
    existential = _existential(clause)  # "there will be penalties, maybe 30 years": each noun is told on its own
    parties = [c for c in clause.children if c.dep_ in _PARTIES and not (existential and c.dep_ == "attr")]
    return {hedge for p in parties for hedge in _hedges_before(p)}


def _hedges_before(party: Token) -> set[str]:
    """The hedges among a noun's words before it ("reportedly several shoppers"), not in a clause of its own."""
    return {
        t.lower_
        for t in party.subtree
        if t.lower_ in HEDGES and t.dep_ == "advmod" and t.i < party.i and not _in_own_clause(t, party)
    }


def _existential(verb: Token) -> bool:
    """A "there is" clause, which tells that its nouns exist."""
    return any(c.dep_ == "expl" for c in verb.children)


def _in_own_clause(token: Token, party: Token) -> bool:
    """A word under a verb of its own between it and the party ("the man who reportedly fled")."""
    head = token.head
    while head.i != party.i and head.head.i != head.i:
        if head.pos_ in {"VERB", "AUX"}:
            return True
        head = head.head
    return False


def _charged(verb: Token) -> bool:
    """The gerund of an accusation ("is accused of stealing", "accused the government of rigging")."""
    if verb.dep_ != "pcomp" or verb.head.dep_ != "prep" or verb.head.lower_ not in {"of", "with"}:
        return False
    return inflects(verb.head.head, _ALLEGING)


def _claimed(verb: Token) -> bool:
    """A party's claim of responsibility or credit ("claimed responsibility for the bombing"). What a "claim"
    reports is claimed too (``_ASSERTING``), as the annotation guide reads it; MEANTIME reads it as the claimant's
    fact."""
    return inflects(verb, {"claim"}) and any(c.dep_ == "dobj" and inflects(c, _OWNED) for c in verb.children)


def _subjunctive(verb: Token) -> bool:
    """A bare verb with no auxiliary under "that" ("insists that the budget include funding"): a demand, not a
    claim."""
    if any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    singular = any(
        c.dep_ == "nsubj" and (c.tag_ in {"NN", "NNP"} or c.lower_ in {"he", "she", "it"}) for c in verb.children
    )
    return verb.tag_ == "VB" or (verb.tag_ == "VBP" and singular)  # "the budget include": no third-person "s"


def _purpose(child: Token) -> bool:
    """An infinitive the parse hangs as an adverbial clause ("vowed on Sunday to fight")."""
    return child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)


def _rumoured(verb: Token, governor: Token | None) -> bool:
    """Sourced to rumour or to reports no one vouches for: "according to local media reports", "by reports on
    Saturday", or a reporting verb
    whose subject is reports ("unconfirmed reports said 40 were killed")."""
    for head in (verb, *verb.ancestors):
        according = [c for c in head.children if c.lower_ == "according" or _by_reports(c, head)]
        if any(inflects(t, RUMOURS) and not _vouched(t) for a in according for t in a.subtree if t.dep_ == "pobj"):
            return True
    if governor is None or verb.dep_ != "ccomp" or not inflects(governor, REPORTING):
        return False
    subjects = [c for c in governor.children if c.dep_ == "nsubj"]
    return any(
        (inflects(s, RUMOURS) and not _vouched(s)) or any(a.lower_ == "unconfirmed" for a in s.children)
        for s in subjects
    )


def _by_reports(prep: Token, verb: Token) -> bool:
    """A "by" that opens the clause, before its verb ("By reports on Saturday, two died"): whose word it is. After an
    action verb "by" may tell the means ("located the wrecks by old reports")."""
    return prep.dep_ == "prep" and prep.lower_ == "by" and prep.i < verb.i


def _vouched(report: Token) -> bool:
    """A report someone stands behind: its author named ("a report by the firm", "the agency's report", "a Reuters
    report") or one report already identified ("the report said"), unlike "media reports" or "unconfirmed reports"."""
    children = list(report.children)
    if any(c.lower_ in {"unconfirmed", "unverified"} for c in children):
        return False
    if any(c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "by" and any(p.dep_ == "pobj" for p in c.children) for c in children):
        return True
    return report.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in children)


def _on_condition(verb: Token) -> bool:
    """A consequence whose condition hangs on it ("If the talks fail, the union will strike"): possible, not
    planned. The condition has a subject of its own, or is a participle of its own ("if convicted"): "if compared
    to last year" is no condition."""
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in _CONDITION - {"whether"} for m in c.children)
        and (any(m.dep_ in {"nsubj", "nsubjpass"} for m in c.children) or _conditional_participle(c))
        for c in verb.children
    )


def _conditional_participle(clause: Token) -> bool:
    """A condition told by a participle alone ("faces ten years in prison if convicted", "will be built if
    approved"); not a comparison or a measure ("if compared to last year", "if adjusted for inflation")."""
    return clause.tag_ == "VBN" and clause.lemma_.lower() not in _MEASURING


def _futurate(verb: Token) -> bool:
    """A present tense with a time still to come ("opens next week", "travels to Brussels tomorrow", "is running for
    re-election next year"), or a present that acts on a weekday ("Voters head to the polls on Sunday", "is leaving
    on Friday"; news tells what is done in the past tense). Not a verb of saying or of state ("says on Monday",
    "has a meeting on Friday")."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    progressive = verb.tag_ == "VBG" and [a.lower_ for a in auxiliaries] in (["is"], ["are"], ["am"], ["'s"], ["'re"])
    if not progressive and (verb.tag_ not in {"VBZ", "VBP"} or auxiliaries):
        return False
    times = [c for c in verb.children if c.dep_ in {"npadvmod", "advmod", "prep"}]
    if any(t.lower_ in _FUTURE_TIMES and _of_time(t) for c in times for t in c.subtree):
        return True
    acting = verb.lemma_.lower() not in _STATES and not inflects(verb, REPORTING)
    return acting and any(
        c.lower_ == "on"
        and any(p.dep_ == "pobj" and p.text.istitle() and p.lower_ in WEEKDAY_NAMES for p in c.children)
        for c in times
    )


def to_come(verb: Token) -> bool:
    """The clause names a time still to come ("could clinch the title next week", "may open tomorrow"): its modal
    tells a possibility, not a capacity."""
    return any(t.lower_ in _FUTURE_TIMES and _of_time(t) for t in verb.subtree)


def _of_time(word: Token) -> bool:
    """A time word read as a time ("next week", "tomorrow"), not "the next highest country"."""
    return word.lower_ == "tomorrow" or word.ent_type_ in {"DATE", "TIME"} or word.head.ent_type_ in {"DATE", "TIME"}


def _intends(noun: Token) -> bool:
    """A noun of intent with its "to" infinitive ("its intention to leave", "plans to build")."""
    return any(c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in noun.children)


def _supposed(verb: Token, governor: Token | None) -> bool:
    """Told as supposed, not as seen: a passive of presuming with a predicate ("are presumed dead"), a verb of
    suggesting over the event or as it ("reports suggest the fire was set", "findings suggest an attack"), or a cause
    that is itself doubted ("a suspected leak caused the blast")."""
    children = list(verb.children)
    passive = any(c.dep_ == "auxpass" for c in children) or _shares_be(verb)
    presumed = inflects(verb, _PRESUMED) and not _reported_by(verb)
    if presumed and passive and any(c.dep_ in {"oprd", "acomp"} for c in children):
        return True
    if inflects(verb, _SUGGESTING) and any(c.dep_ in {"dobj", "ccomp"} for c in children):
        return True
    if feared(verb):
        return True  # "amid fears that the bank would raise rates": what is feared, not what is
    if governor is not None and verb.dep_ == "ccomp" and inflects(governor, _SUGGESTING):
        return True
    subjects = [c for c in children if c.dep_ == "nsubj"]
    return inflects(verb, _CAUSING) and any(
        a.dep_ == "amod" and a.lower_ in _DOUBTED for s in subjects for a in s.children
    )


def _shares_be(verb: Token) -> bool:
    """A participle joined to a clause whose "be" it shares ("are missing and presumed dead")."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and any(c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() == "be" for c in verb.head.children)
    )


def _negated(verb: Token) -> bool:
    """A negation on the verb ("not", "never"), or a subject or object that is nobody or nothing ("no one was
    arrested", "none died", "made no arrests")."""
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return True
    parties = [c for c in children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}]
    return any(p.lower_ in _NOBODY or _none_of(p) for p in parties)


def _none_of(party: Token) -> bool:
    """A party made none by the words before it: "no" ("no arrests were made") or a negated one ("not one candidate
    stood", "not even one", "not a single shot was fired"; the "not" may hang on the count or on the noun). "Not all"
    or "not every" leaves some: no denial."""
    before = list(party.lefts)
    if any(d.dep_ == "det" and d.lower_ == "no" for d in before):
        return True
    ones = [d for d in before if d.lower_ in _ONE]
    negated = any(c.dep_ == "neg" for d in ones for c in d.children)
    return bool(ones) and (negated or any(d.dep_ == "neg" and d.i == party.left_edge.i for d in before))


def _to_come(verb: Token, aux: set[str]) -> bool:
    """An infinitive no verb governs (the headline's "City to close libraries") or one after "be", "due", "set",
    "about" ("are to be allowed", "is due to close"): English's ways of saying what is arranged to happen."""
    if "to" not in aux:
        return False
    if verb.dep_ == "ROOT":
        return True
    return verb.dep_ == "xcomp" and inflects(verb.head, ARRANGED)


def _reported_will(verb: Token) -> bool:
    """ "would" as the past of "will" in reported speech, however deep in what is reported ("said the team had been
    merged and would cease", "announced that he would be on leave"); under a present "say" it is a condition ("would
    double the capacity, planners say")."""
    if not _would(verb):
        return False
    return _under_past_report(verb) or _carries_on_report(verb)


def _would(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children)


def _under_past_report(verb: Token) -> bool:
    return any(inflects(a, REPORTING) and a.pos_ == "VERB" and a.tag_ in _PAST for a in verb.ancestors)


def _carries_on_report(verb: Token) -> bool:
    """A "would" sentence with no reporting verb of its own right after one that reports a plan in the past ("The
    ministry announced that scooters would be banned. The ban would apply to rental scooters."): the report goes
    on, so its "would" is still the past of "will", not a condition."""
    sentence = verb.sent
    if sentence.start == 0 or any(inflects(t, REPORTING) and t.pos_ == "VERB" for t in sentence):
        return False
    previous = verb.doc[sentence.start - 1].sent
    return any(_would(t) and _under_past_report(t) for t in previous)


def _hedging(governor: Token, verb: Token) -> bool:
    """A passive reporting verb over the event: "is said to", "are reported to", "is believed to". Not a report of a
    state by a named reporter ("was reported missing by her family"): the report made is the fact told."""
    if _reported_by(governor) and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    passive = inflects(governor, REPORTED_AS) and any(c.dep_ == "auxpass" for c in governor.children)
    return passive or participle_of_belief(governor)


def _reported_by(verb: Token) -> bool:
    """A passive "report" with its reporter named ("was reported missing by the crew"): someone vouches for it. The
    parse may hang the "by" on the state ("missing by her family")."""
    if not inflects(verb, _REPORTED_STATE):
        return False
    states = [c for c in verb.children if c.dep_ in {"oprd", "acomp", "xcomp"}]
    return any(c.dep_ == "agent" for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ == "by" for s in states for c in s.children
    )


def _denied_by(verb: Token) -> bool:
    """A passive of denying with its denier ("the claim was denied by the ministry"): the subject is denied, as
    "the ministry denied the claim" tells; an active "denied" stays the denier's act unless what it denies is
    something said (``_denies_what_is_said``)."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return inflects(verb, _DENYING) and passive and any(c.dep_ == "agent" for c in verb.children)


def _denies_what_is_said(verb: Token) -> bool:
    """An active denial of something said ("dismissed the claim as groundless", "the club denied the reports"): the
    event told is the claim, denied; not a plan or a case turned down ("rejected the plan", "dismissed the case")."""
    return inflects(verb, _DENYING) and any(c.dep_ == "dobj" and inflects(c, _SAYINGS) for c in verb.children)


_ACCUSERS = frozenset(
    {"police", "prosecutor", "prosecution", "investigator", "official", "officer", "authority", "indictment",
     "complaint", "affidavit", "detective", "sheriff"}
)  # fmt: skip
"""Who makes the case against a suspect: "according to police", "according to the indictment"."""
_CHARGING = frozenset({"charge", "plead", "accuse", "indict", "arraign", "arrest"})
"""What tells a person is suspected and not yet judged: charged, pleading, accused, indicted, arrested."""
_CHARACTERIZING = frozenset({"call", "describe", "characterize", "characterise", "label", "term"})
_OWN = frozenset({"its", "their", "his", "her", "our"})
_ANAPHORIC = frozenset({"the", "this", "these", "those", "such"})
_ACCOUNTS = frozenset({"account", "version"})
_DIFFERING = frozenset({"different", "differing", "conflicting", "contrasting", "contradictory", "opposing"})
"""Words of another account of the same events ("gave a different account of events"), which disputes the first."""


def _disputed(verb: Token, governor: Token | None) -> bool:
    """A reported clause that a later sentence of the article disputes as what was said ("Berlin said X was
    poisoned. ... Moscow dismissed the claim as groundless"): the article tells it as one side's claim. The
    dispute takes what was said with a determiner that points back ("the claim", "these reports"), and comes from
    another speaker than the one who said it."""
    if governor is None or verb.dep_ != "ccomp" or not inflects(governor, REPORTING):
        return False
    speakers = _subjects(governor)
    for sentence in verb.doc.sents:
        if sentence.start <= governor.i:
            continue
        for word in sentence:
            if _disputes(word) and not _subjects(word) & speakers:
                return True
    return False


def _disputes(verb: Token) -> bool:
    """A verb that disputes what was said before: a denial of it with a determiner that points back ("dismissed the
    claim", "rejected these reports") or another account of it ("gave a different account of events")."""
    if inflects(verb, _DISPUTING):
        return any(
            c.dep_ == "dobj" and inflects(c, _SAYINGS) and any(d.lower_ in _ANAPHORIC for d in c.children)
            for c in verb.children
        )
    return verb.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _ACCOUNTS and any(a.lower_ in _DIFFERING for a in c.children)
        for c in verb.children
    )


def _accused_in_account(verb: Token) -> bool:
    """What the police or prosecutors say a person did whom the article tells charged, arrested or pleading ("According
    to police, Varne was driving erratically" beside "Varne pleaded not guilty"): their case, not yet upheld. Not
    once the article tells a conviction or a guilty plea."""
    if not any(_accuser(a) for head in (verb, *verb.ancestors) for a in head.children if a.lower_ == "according"):
        return False
    clause = verb.head if verb.dep_ == "conj" and verb.head is not verb else verb
    names = {c.text for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PROPN"}
    if not names:
        return False
    doc = verb.doc
    if any(_upheld(t) for t in doc):
        return False
    return any(
        any(t.text in names for t in sentence) and any(inflects(t, _CHARGING) for t in sentence)
        for sentence in doc.sents
    )


def _accuser(according: Token) -> bool:
    return any(t.lemma_.lower() in _ACCUSERS for t in according.subtree if t.pos_ == "NOUN")


def _upheld(word: Token) -> bool:
    """A conviction or a plea of guilty ("was convicted", "pleaded guilty"; not "pleaded not guilty")."""
    if word.lemma_.lower() == "convict" and word.pos_ == "VERB":
        return True
    return word.lower_ == "guilty" and not any(c.dep_ == "neg" for t in (word, word.head) for c in t.children)


def _self_described(verb: Token) -> bool:
    """A party that calls its own acts something ("called its actions defensive", "described their strike as
    lawful"): what it says of itself, told as its claim."""
    if not inflects(verb, _CHARACTERIZING):
        return False
    own = [c for c in verb.children if c.dep_ == "dobj" and any(p.lower_ in _OWN for p in c.children)]
    said_as = [c for o in own for c in o.children if c.dep_ in {"acl", "prep"} and c.i > o.i]
    predicates = [c for c in verb.children if c.dep_ in {"oprd", "xcomp"}]
    if any(c.pos_ == "PROPN" for c in predicates):
        return False  # "called its new stadium the Orlin Arena": a name given, not a claim
    return bool(own) and (bool(said_as) or bool(predicates))


def _subjects(verb: Token) -> set[str]:
    """The verb's subjects as written, whole ("the russian government")."""
    return {" ".join(t.lower_ for t in c.subtree) for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}}


def _directed(verb: Token) -> bool:
    """A past order or request to someone ("ordered the firm to pay", "asked residents to leave"): the ordering is
    done; only its "to" infinitive is still to come, and that is read where it stands."""
    return verb.tag_ == "VBD" and any(c.dep_ == "dobj" for c in verb.children)


def _dated(verb: Token) -> bool:
    """A present "be" whose predicate is a date ("the hearing is May 4", "the vote is on Tuesday"): news gives a
    date in the present tense for what is set to happen, and in the past for what has."""
    if verb.lemma_.lower() != "be" or verb.tag_ not in {"VBZ", "VBP"}:
        return False
    predicates = [c for c in verb.children if c.dep_ == "attr"]
    predicates += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(p.ent_type_ == "DATE" for p in predicates)


def _conditional(verb: Token) -> bool:
    """The event is (inside) the condition of "if"/"unless": not said to have happened. (Its consequence carries
    a modal, "would flood", read as one.)"""
    return any(c.dep_ == "mark" and c.lower_ in _CONDITION for t in (verb, *verb.ancestors) for c in t.children)
