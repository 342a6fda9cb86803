"""A name's kind (person, organization or place) read off the article's grammar around every use of it (English).

The small recognizer labels a name from its letters and a few words around
it: a supermarket chain or a newspaper comes out a person, a Spanish or
Hungarian name an organization, a town an organization. The article says
more, and says it the same way in any story:

- an apposition or a description: "X, Puerto Rico's governor", "X, 52,",
  "X, a supermarket chain", "store chains X and Y", "towns such as X";
- a title or role before the name: "MP X", "Senate President X";
- a pronoun that takes the name up: "X said he ...", "X, in its statement"
  (not one its own verb takes: in "X confirmed him", "him" is someone else);
- a role or a medium: "X resigned as mayor" (a person), "announced on X",
  "researchers at X", "X reports the ..." for a one-word name (a body);
- what the name owns: "X's wife" (a person), "X's shares" (a company),
  "X's governor" (a place); "a X man", "X-based" (a place).

Each use gives at most one cue; the kind most cues agree on wins, and only
when the cues do not split. Where the grammar says nothing, the recognizer's
label on most uses of the name speaks, not its label on the first one.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Literal

from summarizer.nlp.entities import Entity, Kind, entities, read_as_person
from summarizer.nlp.pipeline import parse
from summarizer.nlp.usage import AGENT_NOUNS, ORGANIZATION_NOUNS
from summarizer.rules.given_names import is_given_name, names_someone, personal_name
from summarizer.rules.kinds import CONNECTIVES, PERSON_TITLES, uses_of, written_in_capitals
from summarizer.rules.names import is_heading
from summarizer.rules.places import (
    LISTED_NAME,
    MATCH_SCORE,
    is_capital_or_division,
    is_country,
    is_division,
    listed_as_places,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

NameKind = Literal["person", "organization", "place"]

PERSON_NOUNS = PERSON_TITLES | {
    "executive", "director", "manager", "chair", "official", "officer", "commissioner", "deputy", "premier", "mp",
    "lawmaker", "legislator", "politician", "candidate", "councillor", "councilor", "diplomat", "envoy", "adviser",
    "advisor", "aide", "lawyer", "attorney", "prosecutor", "detective", "inspector", "doctor", "nurse", "surgeon",
    "teacher", "student", "researcher", "scientist", "astronomer", "economist", "historian", "author", "writer",
    "journalist", "reporter", "columnist", "correspondent", "editor", "actor", "actress", "singer", "musician", "artist", "athlete", "runner",
    "cyclist", "swimmer", "player", "striker", "goalkeeper", "coach", "captain", "footballer", "boxer", "jockey", "founder",
    "businessman", "businesswoman", "entrepreneur", "billionaire", "investor", "banker", "activist", "priest",
    "bishop", "imam", "rabbi", "soldier", "commander", "pilot", "driver", "farmer", "engineer", "man", "woman",
    "boy", "girl", "mother", "father", "son", "daughter", "wife", "husband", "widow", "brother", "sister",
    "victim", "suspect", "defendant", "survivor", "witness", "resident", "grandmother", "grandfather",
}  # fmt: skip
"""Nouns for people by role, office, trade or kin (general English): "X, chief executive of ...", "MP X"."""
PLACE_NOUNS = {
    "town", "city", "village", "hamlet", "province", "state", "county", "region", "district", "capital", "country",
    "island", "suburb", "municipality", "neighbourhood", "neighborhood", "territory", "township", "borough",
    "prefecture", "settlement", "port", "resort",
}  # fmt: skip
"""Nouns for places people live in (general English): "X, a town of 5,000", "towns such as X"."""
PERSON_OWNED = {
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "parents", "children", "family",
    "widow", "girlfriend", "boyfriend", "lawyer", "lawyers", "attorney", "attorneys", "resignation", "career",
    "funeral", "birthday",
}  # fmt: skip
"""What only a person has: "X's wife", "X's resignation" (a company has no kin and does not resign)."""
ORGANIZATION_OWNED = {
    "shares", "stock", "stores", "shops", "outlets", "branches", "profit", "profits", "revenue", "revenues",
    "earnings", "sales", "customers", "shareholders", "subsidiary", "subsidiaries", "brand", "brands", "products",
    "ceo", "cfo", "chairman", "chairwoman", "board", "headquarters", "director", "directors", "founder", "founders",
    "spokesman", "spokeswoman", "spokesperson", "employees", "website", "database", "databases", "users",
    "subscribers", "servers", "app",
}  # fmt: skip
"""What a company has and a person or a town does not: "X's shares", "X's stores", "X's CEO", "the director of X",
"X's website", "X's users"."""
PLACE_OWNED = {
    "governor", "mayor", "residents", "inhabitants", "population", "citizens", "people", "voters", "capital", "streets", "outskirts",
    "suburbs", "coast", "downtown", "airport",
}  # fmt: skip
"""What a place has: "X's governor", "X's residents"."""
BODY_NOUNS = {
    "chain", "group", "company", "firm", "retailer", "brand", "network", "corporation", "conglomerate",
    "newspaper", "magazine", "broadcaster", "club", "team", "party", "band", "airline", "carmaker", "bank",
}  # fmt: skip
"""Nouns a company's or body's own name can qualify ("the X chain", "the X group"), unlike a branch ("the Sydney
store" is in Sydney)."""
AREA_NOUNS = {
    "region", "province", "state", "county", "district", "area", "municipality", "prefecture", "field", "oilfield",
    "mine", "refinery", "dam", "reservoir", "rainforest", "forest", "desert", "basin", "delta", "jungle", "volcano",
    "river", "lake", "mountain", "island", "glacier", "valley", "bay", "peninsula", "coast", "sea", "strait", "reef",
    "canyon", "plateau", "crater",
}  # fmt: skip
"""Nouns a place's own name can qualify: "the X region", "the X province", "the X oil field", "the X mine", "the X
rainforest", "the X volcano"; after "the" or a possessive ("Afghanistan's X province")."""
_PEOPLE_OF = re.compile(
    r"\b(?:[Rr]esidents|[Ii]nhabitants|[Pp]eople|[Cc]itizens|[Vv]illagers|[Mm]ayor|outskirts|centre|center|banks|mouth|"
    r"shores|waters)"
    r"[ \t]+of[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]+and[ \t]+)?$"
)
"""What only a place has, then "of" (and another name with "and"): "residents of X", "the mayor of X", "the banks of
the X", "residents of Y and X"."""
_AS_FAR_AS = re.compile(r"\bas[ \t]+far[ \t]+(?:(?:away|afield|north|south|east|west)[ \t]+)?as[ \t]+(?:the[ \t]+)?$")
"""How far something reached: "felt as far away as X" (a place)."""
_QUALIFIED = re.compile(rf"[ \t]+(?!(?:{CONNECTIVES}|were|are|have|who|which|that|as|last|this)\b)[a-z]")
"""A lower-case word after a name that is no connective or verb: the name qualifies a noun ("the centre of the X
administration")."""
_RESOURCE = r"(?:oil|gas|coal|gold|copper|uranium|diamond|lithium)[ \t]+"
"""What a field or mine yields, written between its name and the noun: "the X oil field"."""
STAFF_NOUNS = {
    "coach", "ceo", "cfo", "chair", "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson", "boss",
}  # fmt: skip
"""Posts a body fills, written after its name: "X coach Y", "X CEO Y" make X a club or a company (a place has a
governor or a mayor, not a coach or a chief executive)."""
MEMBER_NOUNS = {
    "member", "members", "employee", "employees", "staff", "staffers", "shareholders", "lawmakers", "mps",
    "deputies", "councillors", "councilors", "senators", "delegates", "activists", "militants", "fighters",
}  # fmt: skip
"""People a body has, written after its name: "X members voted", "X employees", "X lawmakers" make X a party, a
company or a movement (a person has supporters and staff of his own, written "X's staff")."""
SITE_NOUNS = {
    "plant", "factory", "mill", "mine", "warehouse", "depot", "center", "centre", "office", "offices", "store",
    "branch", "campus", "headquarters", "facility", "site", "refinery", "terminal", "hub", "base",
}  # fmt: skip
"""A body's sites, which a place's name qualifies when the body owns them: "its Poznan distribution center", "Acme's
Leeds plant" (the plant is in Leeds)."""
WORKS_NOUNS = {"pipeline", "bridge", "dam", "tunnel", "canal", "railway", "motorway", "highway", "expressway"}
"""Works a name of their own qualifies, where it stands ("the X gas pipeline", "the X bridge"), unlike a body's
plant or store, which its owner's name qualifies."""
RESIDENT_NOUNS = {"man", "woman", "men", "women", "boy", "girl", "resident", "residents", "native", "couple"}
"""People named after where they live: "a 36-year-old X man" makes X a place."""
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
_THING_PRONOUNS = {"its", "itself"}
"""Possessive "its" only: "it" is too often empty ("X said it was raining")."""
_EXAMPLE_HEADS = {"like", "as", "including"}
"""Prepositions that list examples of the noun they hang on: "chains like X", "towns such as X", "including X"."""
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_OBJECT_DEPS = {"dobj", "dative", "iobj"}
"""A pronoun the name's own verb takes as its object is someone else: "X confirmed him", "X traded him"."""
_PUBLISHING_VERBS = {
    "say", "announce", "post", "tweet", "state", "confirm", "share", "write", "broadcast", "publish", "indicate",
    "reveal", "declare", "claim", "warn", "explain", "stream", "livestream", "upload",
}  # fmt: skip
"""Verbs of making something public: "announced on X", "On X, Y said" make X a medium (a network, a site or a
channel), not a person (one writes on paper or a site, never on a person; "wrote on X's behalf" is a possessive)."""
_OUTLET_VERBS = {"report", "publish", "broadcast"}
"""What a news outlet does as a subject: "X reports the director was sacked" (a one-word name never written with
a first name is no person's; a reporter is introduced by full name first)."""
_SPEAKING_VERBS = {"say", "speak", "talk", "explain", "write", "describe"}
"""Verbs whose "to X" is who heard it: "said to X", "speaking to X" (not "went to X": a destination)."""
_STAFF_PLURALS = {"scientist", "researcher", "expert", "engineer", "professor", "academic", "physician", "doctor"}
"""People whose employer follows "at" or "from": "researchers at X", "scientists from X" (a university, a lab or a
firm; a place the recognizer labels as one stays a place)."""
_MATCH_VERBS = {
    "beat", "defeat", "draw", "lose", "win", "edge", "thrash", "rout", "hammer", "down", "stun", "upset", "overcome",
    "eliminate", "crush", "host", "face", "play", "tie", "hold", "trail", "lead", "outclass",
}  # fmt: skip
"""Verbs of a match whose subject or opponent, beside a score ("X beat Y 2-1", "drew 0-0 with X", "lost 3-2 to X"),
is a side: a team, not the town it is named after."""
_SCORE = re.compile(r"(?<![\d.,:/–-])\d[-–]\d(?![\d.,:/–-])")
"""A match score of one digit a side ("2-1", "0–0"): not a year span ("2019-20"), a date or a clock time."""
_MARGIN = re.compile(
    r"\bby[ \t]+(?:an[ \t]+innings|(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)[ \t]+(?:runs?|wickets?))\b"
)
"""A cricket match's margin ("by six wickets", "by 120 runs", "by an innings"): only sides win by one."""
_SCORE_AFTER = re.compile(rf"[ \t]+{MATCH_SCORE}(?![\d:/–-]|[.,]\d)")
"""A score written right after a side's name ("beat Kilcarn 43-5", "Dunmore 32–22")."""
_OWNED_AS = re.compile(
    r"(?:\b(?:[Ss]tate|[Gg]overnment|[Ff]amily|[Pp]rivately|[Pp]ublicly)[ -](?:owned|run|controlled|held|listed|traded)"
    r"|[A-Za-z]+-(?:owned|listed)|\b(?:shares?|stakes?|holdings?|shareholdings?)[ \t]+in(?:[ \t]+the)?)[ \t]+$"
)
"""How a company is owned, listed or held, right before its name: "state-owned X", "publicly traded X",
"Nasdaq-listed X", "shares in X" (one holds no stake in a town)."""
_POSTED_ON = re.compile(
    r"\b(?:(?:posted|posts|posting|tweeted|shared|uploaded|streamed|livestreamed|broadcast|responded|replied|"
    r"commented|reacted)(?:[ \t]+[\w'’():.-]+){0,8}?[ \t]+"
    r"(?:on|to|via)|(?:said|says|wrote|writes|announced|confirmed|indicated|stated|declared)[ \t]+(?:via|on))[ \t]+$"
    r"|[\"”][ \t]+on[ \t]+$"
)
"""A platform something is put on or said through, right before its name: "posted a photo to X", "streamed live on
X", "said via X", "wrote on X", "responded to her letter on X", a quotation "... on X" (one posts to no person,
and says nothing on one)."""
_MEDIA_STAFF = re.compile(r"[ \t]+(?:reporter|correspondent|journalist|columnist|anchor|presenter)s?\b")
"""Staff of a medium right after its name: "an X reporter", "X correspondents" (not a place's: "a Paris reporter")."""
_POSTS = re.compile(r"[ \t]+(?:post|posts|account|accounts|feed|page|channel|users|hashtag|livestream)\b")
"""What a platform holds, right after its name: "a X post by", "on its X account" (no person's name qualifies them)."""
_CALLED = re.compile(
    r"\b(?:area|place|park|square|spot|site|field|lawn|plaza|district|neighbou?rhood|island|street|road)[ \t]+"
    r"(?:called|named|known[ \t]+as)[ \t]+(?:the[ \t]+)?$"
)
"""A place noun that names what follows: "an area called the X", "a square known as X"."""
_LOCATED_LIST = re.compile(
    rf"\b(?:from|in|near|across)[ \t]+(?P<list>{LISTED_NAME}(?:,[ \t]*{LISTED_NAME}){{2,}},?[ \t]+and[ \t]+{LISTED_NAME})"
)
"""Four names or more after a locative ("appliances from A, B, C and D"): one list of like things."""
_STATION = re.compile(r"[ \t]+(?:((?:railway|train|bus|metro|subway|underground)[ \t]+station|airport)|station)\b")
"""A station or an airport after a name; group 1 unless a bare "station", which may be a broadcaster's."""
_SETS = re.compile(r"\d[-–]\d(?:\(\d+\))?[,;]?[^\S\n]+\d[-–]\d")
"""Scores one after another ("6-3, 6-4", "7-6(4) 6-2"): a match of sets, played by people (tennis, volleyball)."""
_MATCH_PREPOSITIONS = {"with", "to", "against", "over", "at"}
"""Prepositions that name the other side: "drew with X", "lost to X", "won against X", "a win over X"."""
_EMPLOYED = {
    "economist", "analyst", "strategist", "researcher", "scientist", "professor", "lecturer", "engineer", "executive",
    "director", "manager", "partner", "banker", "trader", "lawyer", "consultant", "fellow", "spokesman",
    "spokeswoman", "spokesperson", "editor", "reporter", "correspondent", "columnist",
}  # fmt: skip
"""A trade or post whose "at X" names the employer: "chief economist at X", "a senior fellow at X" (a bank, a
university, a newspaper; a place the recognizer labels as one stays a place)."""
_PRONOUN_REACH = 4
"""Tokens a pronoun may stand after the name and still take it up ("X said he", "X, in its", "X announced he")."""


ORGANIZATION_KINDS = ORGANIZATION_NOUNS | {"store", "supermarket", "shop", "business", "enterprise", "publication"}
"""Nouns for organizations (nlp/usage.py's, and shops): "discount stores like X"."""


def _kind_of_noun(token: Token) -> NameKind | None:
    lemma = token.lemma_.casefold().rstrip(".")
    if lemma in PERSON_NOUNS or token.text.casefold().rstrip(".") in PERSON_NOUNS:  # "Dr." too
        return "person"
    if lemma in ORGANIZATION_KINDS:
        return "organization"
    if lemma in PLACE_NOUNS:
        return "place"
    return None


def _word_kind(word: str) -> NameKind | None:
    """``_kind_of_noun`` for a bare word, singular or a regular plural ("firms", "companies")."""
    for singular in (word, word.removesuffix("s"), word.removesuffix("ies") + "y"):
        if singular in PERSON_NOUNS:
            return "person"
        if singular in ORGANIZATION_KINDS:
            return "organization"
        if singular in PLACE_NOUNS:
            return "place"
    return None


def _root(text: str, start: int, end: int) -> Token | None:
    span = parse(text).char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _noun_before(text: str, start: int, end: int) -> NameKind | None:
    """What a common noun written right before the name says, however the parser attached it: "chains X", "nurse X"."""
    span = parse(text).char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    before = span.doc[span.start - 1]
    plural = before.tag_ == "VBZ"  # after a headline the parser may read "chains" in "Supermarket chains X" as a verb
    if read_as_person(text, start, end) and before.lower_ in AGENT_NOUNS:
        return None  # "Broadcaster Ann Velez": a person's trade
    if before.is_sent_start and before.is_title and before.lower_ in ORGANIZATION_NOUNS:
        return "organization"  # "Planemaker X said": the noun is capitalised where the sentence opens
    return _kind_of_noun(before) if before.is_lower and (before.pos_ == "NOUN" or plural) else None


def _described(root: Token, person: bool = False) -> NameKind | None:
    """What an apposition, a title before the name or a listing noun says: "X, a nurse", "MP X", "towns like X";
    for a ``person``'s name (one that opens with a given name) a trade that is a body's too says nothing."""
    head = root.head if root.dep_ == "conj" else root  # "store chains Woolworths and Coles"
    # "According to X, former Vice President Y said": a phrase before its verb, whose comma the parser may take
    # for an apposition's
    preposition = head.head
    while preposition.dep_ == "prep" and preposition.head.dep_ == "prep":
        preposition = preposition.head  # "according" in "according to X"
    opening = preposition.head.dep_ == "advcl" and preposition.head.i < preposition.head.head.i
    # "Speaking to X, the president of Y said": a participle's object before the main verb, not an apposition's
    fronted = head.dep_ == "pobj" and (preposition.i < preposition.head.i or opening)
    for child in head.children:
        if fronted and child.dep_ == "appos":
            continue
        if person and (child.lower_ in AGENT_NOUNS or (child.dep_ == "appos" and child.tag_ in {"NNP", "NNPS"})):
            # "co-developer Ann Velez": a person's trade; "Carl Hale of the Gates Foundation, which ...": another
            # name the parser hung on a person's, no description of it
            continue
        if child.dep_ == "appos" or (child.dep_ in {"compound", "nmod"} and child.i < head.i and child.is_lower):
            kind = _kind_of_noun(child)
            if kind is not None:
                return kind
        if child.dep_ == "compound" and child.i < head.i and _kind_of_noun(child) == "person":
            return "person"  # "MP Tanya Davies", "Senate President X"
    first = min(t.i for t in head.subtree)
    if head.dep_ == "appos" and first >= 2 and head.doc[first - 2].i == head.head.i:
        return _kind_of_noun(head.head)  # "the retailer, X", "Puerto Rico's governor, X" (not "the mayor of Y, X")
    if head.dep_ == "pobj" and head.head.text.casefold() in _EXAMPLE_HEADS:
        listed = head.head.head
        if listed.lemma_.casefold() == "such":  # "towns such as X": "as" hangs on "such"
            listed = listed.head
        return _kind_of_noun(listed) if listed.tag_ in {"NNS", "NN"} else None
    return None


def _role_or_medium(root: Token, labelled_place: bool) -> NameKind | None:
    """What the name's verb or preposition says: "X resigned as governor" (a person), "announced on X" (a medium),
    "researchers at X" (their employer)."""
    if root.dep_ in {"nsubj", "nsubjpass"}:
        roles = [c for prep in root.head.children if prep.dep_ == "prep" and prep.lower_ == "as" for c in prep.children]
        if any(c.dep_ == "pobj" and _kind_of_noun(c) == "person" for c in roles):
            return "person"  # "X resigned as the governor", "X served as an adviser"
    if labelled_place and _listener(root):
        return "organization"  # "Y told X", "speaking to X": a place does not listen; an outlet or a body does
    listed = root.dep_ == "conj" and any(c.dep_ == "cc" for c in root.head.children)
    named = root.head if listed else root  # "scientists from the University of Y and X"
    if named.dep_ != "pobj" or labelled_place:
        return None
    preposition, owner = named.head, named.head.head
    if owner.dep_ == "nsubj" and owner.i > owner.head.i:
        owner = owner.head  # '"...," wrote Y on X': the parser may hang "on X" on the subject after its verb
    if preposition.lower_ == "on" and owner.pos_ == "VERB" and owner.lemma_.casefold() in _PUBLISHING_VERBS:
        return "organization"
    if preposition.lower_ in {"at", "from"} and owner.tag_ == "NNS" and owner.lemma_.casefold() in _STAFF_PLURALS:
        return "organization"
    if preposition.lower_ == "at" and owner.tag_ == "NN" and owner.lemma_.casefold() in _EMPLOYED:
        return "organization"  # "chief economist at X", "an analyst at X": the employer
    return None


def _plays(root: Token, name: str, text: str, end: int, labelled_place: bool) -> bool:
    """Whether the name is a side in a match the sentence scores ("X beat Y 2-1", "drew 0-0 with X", "beat X
    43-5"): a team. A name read as a place, or one word never written after a capitalised word (a player's
    surname follows his full name first: "Novak X beat Carlos Y"); another name only where it is no person's and
    the other side is read as a place or a body ("Orlin beat Tarrow Rovers 2-0"). Not beside scores one after another
    ("6-3, 6-4": sets)."""
    scored = _SCORE.search(root.sent.text) is not None or _MARGIN.search(root.sent.text) is not None
    followed = _SCORE_AFTER.match(text, end) is not None
    if not (scored or followed) or _SETS.search(root.sent.text):
        return False
    after_a_name = rf"\b(?:[A-Z][\w'’-]+|[A-Z]\.)[ \t]+{re.escape(name.strip())}\b"  # not after a full stop
    by_opponent = not labelled_place and (" " in name.strip() or re.search(after_a_name, text) is not None)
    if by_opponent and personal_name(name):
        return False
    if followed and not by_opponent:
        return True  # "X 32-22": a side's score
    verb = root.head
    if root.dep_ == "pobj" and root.head.lower_ in _MATCH_PREPOSITIONS:
        verb = root.head.head
    elif root.dep_ not in {"nsubj", "dobj", "dative"}:  # "beat X 2-0": the parser may read the score as the object
        return False
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.casefold() not in _MATCH_VERBS:
        return False
    return not by_opponent or _body_opponent(verb, root, text)


def _body_opponent(verb: Token, side: Token, text: str) -> bool:
    """Whether the other side of the match is read as a place or a body ("Orlin beat Tarrow Rovers 2-0"): a team
    plays a team, so a name of several words that is no person's is one too (a player's name opens with a given
    name: "Ann Lee beat Tom Hale 10-4")."""
    opponents = [c for c in verb.children if c.dep_ in {"nsubj", "dobj", "dative"}]
    opponents += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in _MATCH_PREPOSITIONS for p in c.children]
    labels = {e.label for o in opponents if o.i != side.i for e in entities(text) if e.start <= o.idx < e.end}
    return bool(labels) and labels <= {"GPE", "ORG", "LOC", "FAC", "NORP"}


_TENSELESS = {
    "am", "beat", "bet", "bid", "broadcast", "burst", "cast", "cost", "cut", "forecast", "hit", "hurt", "let", "put",
    "quit", "read", "set", "shed", "shut", "split", "spread", "thrust", "upset",
}  # fmt: skip
"""Verbs whose past is their present ("X cut prices"): the tagger may read a singular subject's past as plural."""


def _plural_verb(root: Token, name: str) -> bool:
    """Whether a one-word singular name takes a plural verb ("X were beaten", "X remain seventh", "X, who were
    promoted"): a side or a body, as British English writes a team, never a person or a town."""
    if " " in name.strip() or name.strip().endswith("s") or root.dep_ == "conj":
        return False
    if any(c.dep_ == "conj" for c in root.children):
        return False  # "X and Y were": two subjects
    verbs = [root.head] if root.dep_ in {"nsubj", "nsubjpass"} else []
    verbs += [
        c
        for c in root.children
        if c.dep_ == "relcl" and any(w.lower_ == "who" and w.dep_ in {"nsubj", "nsubjpass"} for w in c.children)
    ]  # "X, who were promoted"
    words = [w for verb in verbs for w in (verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass"}))]
    return any(w.lower_ in {"are", "were"} or (w.tag_ == "VBP" and w.lower_ not in _TENSELESS) for w in words)


def _listener(root: Token) -> bool:
    """Whether the name is who was told something: "told X", "said to X", "speaking to X"."""
    if root.dep_ in {"dobj", "dative"} and root.head.lemma_.casefold() == "tell":
        return True
    verb = root.head.head
    return root.dep_ == "pobj" and root.head.lower_ == "to" and verb.lemma_.casefold() in _SPEAKING_VERBS


def _owned(root: Token) -> NameKind | None:
    """What the name owns or qualifies: "X's wife", "X's shares", "X's governor", "a X man"."""
    if root.dep_ == "poss":
        return _owned_kind(root.head)
    if root.dep_ == "pobj" and root.head.text.casefold() == "of" and root.head.head.pos_ == "NOUN":
        noun = root.head.head
        member = any(c.lower_ in {"member", "founding"} for c in noun.children)  # "a member state of the X Union"
        article = any(c.dep_ == "det" for c in root.children)
        if noun.lemma_.casefold() in PLACE_NOUNS and noun.is_lower and not member and not article:
            return "place"  # "the Indian state of X", "the port of X"
        return _owned_kind(root.head.head)  # "the resignation of X", "the residents of X"
    if root.dep_ == "compound" and root.head.i > root.i and root.head.text.casefold() in RESIDENT_NOUNS:
        return "place"
    if root.dep_ == "compound" and root.head.i > root.i and root.head.lemma_.casefold() in STAFF_NOUNS:
        return "organization"
    site = root.head
    while site.dep_ == "compound" and site.head.i > site.i:
        site = site.head  # "Poznan" -> "distribution" -> "center"
    if root.dep_ == "compound" and root.head.i > root.i and site.lemma_.casefold() in WORKS_NOUNS:
        return "place"  # "the X gas pipeline", "the X bridge"
    owned = any(c.dep_ == "poss" and c.i < root.i for c in site.children)
    if root.dep_ == "compound" and owned and site.lemma_.casefold() in SITE_NOUNS:
        return "place"
    return None


def _owned_kind(owned: Token) -> NameKind | None:
    words = {owned.lemma_.casefold(), owned.text.casefold()}
    if words & PERSON_OWNED:
        return "person"
    if words & ORGANIZATION_OWNED:
        return "organization"
    if words & PLACE_OWNED:
        return "place"
    return None


def _taken_up(root: Token, end: int, labelled_place: bool) -> NameKind | None:
    """The first pronoun soon after the name as a subject, with no noun between: "X said he", "X, in its release"
    (not "In an interview with X, she said": there the pronoun has its own antecedent)."""
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    doc = root.doc
    last = max(t.i for t in root.subtree if t.idx < end) if any(t.idx < end for t in root.subtree) else root.i
    for token in doc[last + 1 : min(len(doc), last + 1 + _PRONOUN_REACH)]:
        if token.sent != root.sent or token.pos_ in {"NOUN", "PROPN"} or token.text in {'"', "“", "”"}:
            return None
        word = token.text.casefold()
        if token.dep_ in _OBJECT_DEPS and token.head == root.head:
            return None  # "X had not confirmed him": a pronoun the name's own verb takes is someone else
        if word in _PERSON_PRONOUNS:
            return "person"
        if word in _THING_PRONOUNS and not labelled_place:
            return "organization"  # "Boston and its suburbs": a place's "its" says nothing
    return None


def _use_cue(text: str, start: int, end: int) -> NameKind | None:
    based = re.match(r"-based((?:\s+[a-z]+){1,2})", text[end:])  # the noun it describes: "charity", "tech firm"
    if based and any(_word_kind(word) in {"organization", "person"} for word in based.group(1).split()):
        return "place"  # "a Leeds-based firm", not "an Intel-based computer"
    members = re.match(r"(?:[ \t]+and[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*)?[ \t]+([a-zA-Z]+)\b", text[end:])
    if members and members.group(1).casefold() in MEMBER_NOUNS:
        return "organization"  # "X members voted", "X and Y lawmakers"
    address = r"[A-Z][\w'’-]+,(?:\s+(?:aged\s+)?\d{1,3},)?\s+(?:of|from)\s+$"
    if (
        re.search(address, text[max(0, start - 60) : start])
        and re.match(r"[,.]", text[end:])
        and not written_in_capitals(text[start:end])
    ):
        return "place"  # "Darren Keogh, of Ballymun, pleaded guilty", "X, 51, from Y,": where a person lives; not
        # "Ann Lee, of CNN,": a name in capitals is the employer's
    if _PEOPLE_OF.search(text[max(0, start - 80) : start]) and not _QUALIFIED.match(text, end):
        return "place"  # "residents of Y and X were evacuated", "the banks of the X"; not "the centre of the X team"
    if _AS_FAR_AS.search(text[max(0, start - 40) : start]):
        return "place"  # "windows were shattered as far away as X"
    if _POSTS.match(text, end) and re.search(
        r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]n)[ \t]+$", text[max(0, start - 8) : start]
    ):
        return "organization"  # "according to a X post by", "on its X account"
    if _CALLED.search(text[max(0, start - 40) : start]):
        return "place"  # "an area called the X"
    if _POSTED_ON.search(text[max(0, start - 60) : start]):
        return "organization"  # "posted a photo to X"
    if _OWNED_AS.search(text[max(0, start - 40) : start]):
        return "organization"  # "State-owned X reported record orders", "its shares in X"
    if re.match(r",\s+(?:aged\s+)?\d{1,3}(?:\s+years?\s+old)?,", text[end:]):
        return "person"  # "X, 52, said", "X, 36 years old, is married"
    determined = re.search(r"\b(?:[Tt]he|[^\W\d_]+['’]s)\s+$", text[max(0, start - 40) : start])
    qualified = re.match(rf"\s+(?:{_RESOURCE})?([a-z]+)\b", text[end:]) if determined else None
    if qualified and qualified.group(1) in BODY_NOUNS:
        return "organization"  # "the X chain", "Britain's X group"
    if qualified and qualified.group(1) in AREA_NOUNS:
        return "place"  # "the X region", "Afghanistan's X province", "the X rainforest"
    if _station_of(text, start, end):
        return "place"  # "left Mysore Junction railway station", "reached Orlin station"
    if _after_a_place(text, start, end) or any(s <= start and end <= e for s, e in listed_as_places(text)):
        return "place"  # "Springfield, X.", "sites at X, Y and Z"
    if _among_located_places(text, start, end):
        return "place"  # "crews from A, B, C and D"
    root = _root(text, start, end)
    if root is None:
        return None
    labelled_place = any(e.label in _PLACE_LABELS and e.start <= start < e.end for e in entities(text))
    described = _described(root, personal_name(text[start:end])) or _noun_before(text, start, end)
    if (_outlet(root, text[start:end], text) or _MEDIA_STAFF.match(text, end)) and not labelled_place:
        return "organization"
    enclosed_which = re.match(r",[ \t]+which\b[^.;:!?\n]*,", text[end:]) is not None
    if enclosed_which and not labelled_place and root.tag_ == "NNP" and not personal_name(text[start:end]):
        # "shares of X, which makes chips, fell": a relative clause set inside the sentence takes up the name (no
        # person's: "who"); one that closes it may take up the whole clause ("police arrested X, which angered ..."),
        # and so may one after a person's name
        return "organization"
    if _plays(root, text[start:end], text, end, labelled_place) or _plural_verb(root, text[start:end]):
        return "organization"
    cue = described or _owned(root) or _role_or_medium(root, labelled_place) or _taken_up(root, end, labelled_place)
    listed = _listed_with(root, text)
    if listed == "place" and personal_name(text[start:end]):
        return cue  # "the leaders of A, B and C, and Council chief Ann Velez": a person the parser joined to places
    return cue or listed


_LIST_PEERS = 2
"""Other names a list must hold, all of one kind, to type the odd one: two names ("X and Y") may mix a person and
a company; a longer list of names of one kind is a list of like things ("A, B and C, respectively")."""


def _listed_with(root: Token, text: str) -> NameKind | None:
    """The kind the recognizer gives every other name in a list the name is written in: "ministers A, B and C"."""
    first = root
    while first.dep_ == "conj":
        first = first.head
    members: list[Token] = []
    stack = [first]
    while stack:
        member = stack.pop()
        members.append(member)
        stack.extend(c for c in member.children if c.dep_ == "conj")
    kinds: set[Kind | None] = set()
    for member in members:
        if member.i != root.i:
            named = [e for e in entities(text) if e.start <= member.idx < e.end]
            # a state the recognizer misreads ("over Assam, Meghalaya and ...") is still a place
            division = bool(named) and is_capital_or_division(text[named[0].start : named[0].end])
            kinds.add("place" if division else named[0].kind if named else None)
    if len(members) - 1 < _LIST_PEERS or len(kinds) != 1:
        return None
    kind = kinds.pop()
    own = next((e for e in entities(text) if e.start <= root.idx < e.end), None)
    if kind == "person" and own is not None and is_capital_or_division(text[own.start : own.end]):
        return None  # "a couple from Florida, Richard and Lisa Parry": the parser lists the state with the people
    return kind if kind == "person" or kind == "organization" or kind == "place" else None


def _station_of(text: str, start: int, end: int) -> bool:
    """A name written before a station or an airport ("Mysore Junction railway station", "Orlin airport"): where
    one is, or its own name. A bare "station" after an article is a broadcaster's ("a CBS station")."""
    found = _STATION.match(text, end)
    if found is None:
        return False
    broadcaster = re.search(r"\b(?:[Aa]n?|[Tt]he|[Ll]ocal)[ \t]+$", text[max(0, start - 8) : start])
    return found.group(1) is not None or broadcaster is None


def _among_located_places(text: str, start: int, end: int) -> bool:
    """A name in a list of four or more after a locative ("crews from A, B, C and D") where the recognizer reads
    another name of the list as a place, or a gazetteer knows one: the list is of places."""
    for listed in _LOCATED_LIST.finditer(text):
        if not listed.start("list") <= start < end <= listed.end("list"):
            continue
        names = [
            (listed.start("list") + m.start(), listed.start("list") + m.end())
            for m in re.finditer(LISTED_NAME, listed.group("list"))
        ]
        if (start, end) not in names:
            return False
        others = [(a, b) for a, b in names if (a, b) != (start, end)]
        labels = {e.kind for e in entities(text) for a, _ in others if e.start <= a < e.end}
        return "place" in labels or any(is_country(text[a:b]) or is_capital_or_division(text[a:b]) for a, b in others)
    return False


def _after_a_place(text: str, start: int, end: int) -> bool:
    """A use that closes a place's address or a trip: "Springfield, X." (the state a town is in) or "from Y to X"
    (a destination), where the recognizer reads a place in Y."""
    labelled = [e for e in entities(text) if e.label in {"GPE", "LOC"}]
    places = {e.end for e in labelled}
    before = text[max(0, start - 60) : start]
    address = re.search(r",[ \t]+$", before)
    if address and text[end : end + 1] in {",", "."}:
        # "Springfield, X," read as a place too; not "In Paris, Acme, a carmaker, ..." (a subject after a place)
        return start - len(address.group(0)) in places and any(e.start <= start < e.end for e in labelled)
    trip = re.search(r"\bfrom\s+(?:the\s+)?[A-Z][^,.;]{0,40}?(?=\s+to\s+$)", before)
    return trip is not None and start - len(before) + trip.end() in places


def _outlet(root: Token, name: str, text: str) -> bool:
    """A name that reports or publishes, never written after a first name, and itself no person's name ("X Y
    reports", not "Ann Velez reports"): a news outlet."""
    if root.dep_ != "nsubj" or root.head.lemma_.casefold() not in _OUTLET_VERBS:
        return False
    if " " in name.strip() and (personal_name(name) or len(name.split()) > 3):
        return False
    return re.search(rf"\b[A-Z][\w'’.-]*[ \t]+{re.escape(name.strip())}\b", text) is None


def _surname_cues(name: str, text: str) -> int:
    """Person cues on the last word of a name written alone, where the recognizer reads it as a person at least once
    ("Dr. Joel Smithers" ... "Smithers, 36 years old, is married"): a surname stands for its bearer. Only person cues
    count: a company's last word alone ("Group") is no short form of it."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return 0
    within = {start + len(name) - len(words[-1]) for start, _ in uses_of(name, text)}  # in the full name
    alone = [use for use in uses_of(words[-1], text) if use[0] not in within]
    people = [e for e in entities(text) if e.label == "PERSON"]
    if not any(e.start <= start and end <= e.end for start, end in alone for e in people):
        return 0  # never read as a person's name alone: "City" of "Davao City" is no surname
    return sum(_use_cue(text, *use) == "person" for use in alone)


def spelled_out_kind(name: str, text: str) -> NameKind | None:
    """What an abbreviation stands for, by the recognizer's labels on the spelled-out name wherever the article
    writes it: "New South Wales (NSW)" is a place, whatever the capitals alone read as."""
    if not name.isalpha() or not name.isupper() or len(name) < 2:
        return None
    words = r"\s+(?:(?:of|and|the|for)\s+)*".join([rf"{letter}[\w'-]*" for letter in name])
    found = re.search(rf"\b({words})\s+\({re.escape(name)}\)", text)
    return label_vote(found.group(1), text) if found else None


def grammar_kind(name: str, text: str) -> NameKind | None:
    """The kind the article's grammar gives the name: the one its uses' cues agree on, or None (no cue, or a split)."""
    spelled = spelled_out_kind(name, text)
    if spelled is not None:
        return spelled
    cues = Counter(cue for use in uses_of(name, text) if (cue := _use_cue(text, *use)) is not None)
    cues.update(["person"] * _surname_cues(name, text))
    if not cues:
        return None
    (best, count), *rest = cues.most_common()
    return best if not rest or count > 2 * rest[0][1] else None  # a clear majority: one stray cue does not decide


def label_vote(name: str, text: str) -> NameKind | None:
    """The recognizer's kind on most uses of the name (a name it reads as a person twice and an organization once
    is a person), or None when no use carries a label or the labels tie."""
    kinds: Counter[Kind] = Counter()
    for start, end in uses_of(name, text):
        overlapping = [e for e in entities(text) if e.start < end and start < e.end and not _holds(text, e, name)]
        if overlapping:  # the label on most of the use: "Lockheed" (ORG) over "Martin" (PRODUCT)
            kinds[max(overlapping, key=lambda e: min(end, e.end) - max(start, e.start)).kind] += 1
    ranked = kinds.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    best = ranked[0][0]
    return best if best in {"person", "organization", "place"} else None


def joined_people(name: str, text: str) -> bool:
    """Whether the name is two people's surnames joined by "and" ("Novak and Reyes's appeal"): the recognizer may
    read the pair as one body, yet each side ends a name it reads as a person's ("Ana Novak", "Luis Reyes")."""
    sides = name.split(" and ")
    if len(sides) != 2 or not all(side[:1].isupper() for side in sides):
        return False
    people = [" ".join(text[e.start : e.end].split()) for e in entities(text) if e.label == "PERSON"]
    return all(any(p != side and p.endswith(" " + side) for p in people) for side in sides)


def acts_as_a_body(name: str, text: str) -> bool:
    """Whether some use of the name is a doer or qualifies a person ("the Utah Jazz were to play", "a Utah Jazz
    player"): a club's or a company's name, not a place's ("flights out of London Heathrow")."""
    for start, end in uses_of(name, text):
        root = _root(text, start, end)
        if root is None:
            continue
        linking = root.head.lemma_ == "be" and not any(c.dep_ == "xcomp" for c in root.head.children)
        if root.dep_ in {"nsubj", "nsubjpass"} and not linking:  # "were to play" acts, "is a hub" does not
            return True
        if root.dep_ == "compound" and root.head.i > root.i and _kind_of_noun(root.head) == "person":
            return True
    return False


def _holds(text: str, entity: Entity, name: str) -> bool:
    """Whether the entity is a longer name holding the name ("the Parliament of X"), not the name itself ("the X",
    "X's") or a part of it."""
    written = re.sub(r"^[Tt]he\s+|['’]s$", "", text[entity.start : entity.end])
    return written != name and name in written


_OPENERS = {"in", "at", "on", "from", "to", "the", "across", "over", "near", "throughout", "outside", "for", "by"}


def _alone(line: str, name: str) -> bool:
    """Whether the line writes the name with no capitalised word right before or after it (a small word that opens
    the sentence, "In Devon", does not count)."""
    for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", line):
        before = re.search(r"([\w'’.-]+)[ \t]+$", line[: match.start()])
        named = before is not None and before.group(1)[:1].isupper() and before.group(1).casefold() not in _OPENERS
        if not re.match(r"[ \t]+[A-Z]", line[match.end() :]) and not named:
            return True
    return False


def division_misread(name: str, text: str) -> bool:
    """A country's state, province or region ("Haryana", "Arunachal Pradesh", from ``countryinfo``) that no one's
    given name or surname has ("Devon", "Victoria", in ``faker``'s lists), which the recognizer reads as a person,
    where the article's prose writes it alone at least once (not only inside a longer name) and no person of the
    article bears it as a surname. A team named after its state is a body by its grammar ("Kerala were beaten")."""
    if not is_division(name) or names_someone(name):
        return False
    prose = [
        line for line in text.splitlines() if line.rstrip().endswith((".", "!", "?", '"', "”")) and not is_heading(line)
    ]
    if not any(_alone(line, name) for line in prose):
        return False  # a headline's "ending Douglas era" is no prose
    before = [m.group(1) for m in re.finditer(rf"\b([A-Z][\w'’.-]*)[ \t]+{re.escape(name)}\b", text)]
    if any(is_given_name(w) or w.casefold().rstrip(".") in PERSON_TITLES for w in before):
        return False  # "Ann Haryana", "Mr Haryana"
    return not any(
        e.label == "PERSON" and len(text[e.start : e.end].split()) > 1 and text[e.start : e.end].endswith(f" {name}")
        for e in entities(text)
    )


_SOMEONE_OF = re.compile(r"([A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3})[ \t]+of[ \t]+(?:the[ \t]+)?$")
"""A person's name and "of" right before a name ("Mike Varne of X"): what someone is of is a body or a place."""


def someones_body(name: str, text: str) -> bool:
    """Whether the article writes the name after a person's name and "of" ("guitarist Tom Varne of Glass Harbour
    likened ..."): a band, a firm or a club, not a person, where the recognizer read one."""
    for start, _ in uses_of(name, text):
        before = _SOMEONE_OF.search(text, max(0, start - 60), start)
        if before is None:
            continue
        words = list(re.finditer(r"\S+", before.group(1)))
        # "Guitarist Tom Varne": the person's name may follow a trade's word
        if any(read_as_person(text, before.start(1) + w.start(), before.end(1)) for w in words[:-1]):
            return True
    return False
