"""What a name is, read off how the article's sentences use it (spaCy's English parse).

The recognizer labels "Tiger", "Safari" or "Dreamliner" as people and
"Best Buy" as a person because it reads the name, not the sentence. The
sentence says more: "Tiger, the newest version of ..." (an appositive that
is a product), "bought 20 Dreamliners" (a name counted like goods), "web
browser Safari", "Safari browser", "unveiled the X" (a product), "retailer
Best Buy", "German magazine Der Spiegel" (a description that is an
organization). These cues are general English grammar and vocabulary; the
word cues of ``rules.kinds`` (the words right next to a use) count too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from summarizer.nlp.entities import entities, read_as_person
from summarizer.nlp.pipeline import parse
from summarizer.nlp.speakers import REPORTING
from summarizer.rules.given_names import personal_name
from summarizer.rules.kinds import PERSON_TITLES, PRODUCT_NOUNS, kind_cue, product_words_around, uses_of

if TYPE_CHECKING:
    from spacy.tokens import Token

PRODUCT_LEMMAS = PRODUCT_NOUNS | {
    "airplane", "jetliner", "tanker", "helicopter", "vehicle", "truck", "camera", "television", "game",
    "system", "interface", "kernel", "suite", "edition", "series", "release", "feature", "application",
    "drug", "vaccine", "gadget", "handheld", "router", "printer", "monitor", "display", "keyboard", "kit",
}  # fmt: skip
"""Common nouns that name kinds of made things: "browser Safari", "Airbus jets", "Tiger, the newest version"."""
PRODUCT_VERBS = {
    "unveil",
    "launch",
    "ship",
    "preview",
    "download",
    "install",
    "upgrade",
    "debut",
    "release",
    "introduce",
}
"""Verbs whose object, when it is not a person ("released the hostage"), is a made thing: "released iPhone SDK"."""
EVENT_WORDS = {
    "show", "summit", "festival", "expo", "exhibition", "fair", "games", "olympics", "championship",
    "championships", "tournament", "marathon", "derby", "gala", "trophy", "regatta", "revolution", "uprising",
    "massacre", "referendum", "election", "elections", "war", "crisis", "scandal", "parade", "awards", "prize", "cup",
    "prix", "slam", "bowl",
}  # fmt: skip
"""Last words of an event's name ("Paris Air Show"): an event is neither a who nor a where."""
GATHERING_WORDS = {"conference", "convention", "congress", "forum", "meeting", "assembly"}
"""Last words of a name that is an organization ("Southern Leadership Conference") or an event held
("the company's annual Developers Conference", "at the X Conference"): the sentence decides."""
ORGANIZATION_NOUNS = {
    "retailer", "airline", "carrier", "magazine", "newspaper", "daily", "tabloid", "broadcaster", "network", "platform",
    "channel", "manufacturer", "maker", "airframer", "company", "firm", "group", "agency", "bank", "insurer",
    "lender", "operator", "supplier", "publisher", "studio", "label", "startup", "conglomerate", "chain",
    "giant", "outlet", "website", "party", "union", "club", "team", "band", "automaker", "carmaker",
    "chipmaker", "brewer", "utility", "regulator", "watchdog", "charity", "university", "school", "hospital",
    "association", "federation", "foundation", "institute", "institution", "alliance", "coalition", "council",
    "committee", "commission", "authority", "ministry", "department", "organisation", "organization", "cooperative",
    "consortium", "league", "movement", "body", "fund", "trust", "producer", "developer", "provider", "distributor",
    "exporter", "importer", "contractor", "miner", "laboratory", "museum", "orchestra", "tribunal", "nonprofit",
    "drugmaker", "steelmaker", "planemaker", "toymaker", "shipbuilder", "refiner", "grocer", "shipper", "biotech",
    "multinational", "exchange", "bourse", "telecom", "telco", "lab", "processor", "supergroup", "duo", "trio",
    "quartet", "ensemble", "choir", "subsidiary", "housebuilder", "homebuilder",
}  # fmt: skip
"""Common nouns that describe an organization written right before its name: "retailer Best Buy"."""
AGENT_NOUNS = {
    "broadcaster", "producer", "developer", "publisher", "operator", "supplier", "distributor", "contractor",
    "exporter", "importer", "miner", "grocer", "shipper", "refiner", "processor", "provider", "label", "studio",
}  # fmt: skip
"""Those that name a person's trade too ("broadcaster Ann Velez", "producer Tom Hale"): before a name that opens with
a given name they say nothing."""
_PERSON_LABELS = {"PERSON"}


def _root(text: str, start: int, end: int) -> Token | None:
    """The syntactic head of the words at [start, end), or None when no token lies there."""
    span = parse(text).char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _roots(text: str, uses: list[tuple[int, int]]) -> list[Token | None]:
    """The syntactic head of each use, None where no token lies there."""
    return [_root(text, start, end) for start, end in uses]


def _is_labelled_person(text: str, start: int, end: int) -> bool:
    return any(e.label in _PERSON_LABELS and e.start <= start and end <= e.end for e in entities(text))


def _on_line(text: str, start: int) -> tuple[int, int]:
    """The line holding ``start``: a headline and the first paragraph are parsed as one, but never read as one."""
    end = text.find("\n", start)
    return text.rfind("\n", 0, start) + 1, len(text) if end < 0 else end


def _modifiers_before(root: Token, start: int, line: tuple[int, int]) -> list[Token]:
    """Words before the name that modify it directly or through other names: "OS" in "OS X Tiger", not "engine" in
    "engine maker Europrop" (that modifies "maker")."""
    found = []
    for token in root.doc[root.left_edge.i : root.i]:
        if not line[0] <= token.idx < start or token.dep_ not in {"compound", "nmod", "amod"}:
            continue
        head = token.head
        while head.i != root.i and head.tag_ in {"NNP", "NNPS"} and head.i < root.i:
            head = head.head
        if head.i == root.i:
            found.append(token)
    return found


def _noun_up(token: Token, line: tuple[int, int], steps: int = 3) -> list[Token]:
    """The nouns a compound modifier leans on: "Quartz" -> "user" -> "interface"."""
    chain = []
    while token.dep_ in {"compound", "nmod"} and steps and line[0] <= token.head.idx < line[1]:
        token = token.head
        chain.append(token)
        steps -= 1
    return chain


_MODEL_NUMBERS = re.compile(r"[A-Z]{0,3}\d+[A-Z]?\d*s")
"""Model numbers in the plural: "A330s", "777s" (not "49ers")."""

_MODEL_NAME = re.compile(r"\S\s+[A-Z]{1,3}-?\d{2,}[-\w]*$|^[A-Z][a-z]{3,}-\d{1,3}$")
"""A name that ends in a model designation, letters then digits ("Airbus A350", "McDonnell Douglas MD-95"; not
"Flight 574" or "Channel 4"), or a word numbered with a hyphen, as craft and missions are ("Tianwen-1", "Soyuz-2";
no town is numbered, and a disease's code is in capitals: "COVID-19")."""

Cue = Literal["defines", "suggests"]


def product_cue(text: str, start: int, end: int) -> Cue | None:
    """How this use of a name reads as a product: it "defines" one ("Nimbus, the newest version of ...", "web
    browser Pathfinder", "bought 14 Zephyrs"), it "suggests" one ("Airbus jets", "Apple's Safari", "unveiled X"),
    or None."""
    if kind_cue(text[start:end]) is not None:
        return None  # "Airbus' Delivery Center", "Apple's board": the name's own words say what it is
    person = _is_labelled_person(text, start, end)
    root = _root(text, start, end)
    if root is not None:
        line = _on_line(text, start)
        if _defines(root, start, line, person) or (
            root.dep_ == "conj" and _defines(root.head, start, line, person)  # "the iPod Classic, Nano and ..."
        ):
            return "defines"
        if _suggests(root, line, person):
            return "suggests"
    return "suggests" if product_words_around(text, start, end, person) else None


def _defines(root: Token, start: int, line: tuple[int, int], person: bool) -> bool:
    if root.tag_ in {"NNS", "NNPS"} and _MODEL_NUMBERS.fullmatch(root.text):
        return True
    if any(t.lemma_.casefold() in PRODUCT_LEMMAS for t in _modifiers_before(root, start, line)):
        return True  # "OS X Tiger", "web browser Safari", "operating system Mac OSX"
    if root.dep_ == "appos" and root.head.lemma_.casefold() in PRODUCT_LEMMAS and line[0] <= root.head.idx < line[1]:
        return True  # "the open-source kernel ... Darwin"
    for child in root.children:
        if not line[0] <= child.idx < line[1]:
            continue
        if child.dep_ == "appos" and child.lemma_.casefold() in PRODUCT_LEMMAS:
            return True  # "Tiger, the newest version of ..."
        numbered = child.dep_ == "nummod" and child.like_num and child.ent_type_ not in {"DATE", "TIME"}
        if child.i < root.i and numbered and not person:
            return True  # "bought 20 Dreamliners", "the 787 Dreamliner": counted or numbered like goods
    return False


def _suggests(root: Token, line: tuple[int, int], person: bool) -> bool:
    if any(t.lemma_.casefold() in PRODUCT_LEMMAS for t in _noun_up(root, line)):
        return True  # "Airbus jets", "Quartz user interface": the maker's name or the product's
    if person:
        return False
    if any(c.dep_ == "poss" and c.ent_type_ == "ORG" and line[0] <= c.idx for c in root.children):
        return True  # "Apple's Safari", "Boeing's Dreamliner": a company's own
    verb = root.head.lemma_.casefold()
    return root.dep_ in {"dobj", "nsubjpass"} and verb in PRODUCT_VERBS and line[0] <= root.head.idx < line[1]


def product_use(text: str, start: int, end: int) -> bool:
    """True when this use of a name reads as a product."""
    return product_cue(text, start, end) is not None


def numbered_like_a_model(name: str) -> bool:
    """A name numbered as models, craft and missions are (``_MODEL_NAME``): a product wherever it is written."""
    return _MODEL_NAME.search(name) is not None


def used_as_product(name: str, text: str) -> bool:
    """True when one use defines the name as a product, or most uses read as one."""
    if numbered_like_a_model(name):
        return True  # "Airbus A350", "McDonnell Douglas MD-95": a maker and a model designation
    spelled = _spelled_out(name, text)
    if spelled and any(word.casefold() in PRODUCT_LEMMAS for word in spelled.split()):
        return True  # "Software Development Kit (SDK)"
    cues = [product_cue(text, *use) for use in uses_of(name, text)]
    return "defines" in cues or sum(cue is not None for cue in cues) * 2 > len(cues)


def described_as_organization(name: str, text: str) -> bool:
    """True when the article introduces the name with a noun that says it is an organization ("retailer Best Buy")."""
    for start, end in uses_of(name, text):
        root = _root(text, start, end)
        if root is None:
            continue
        # a person's trade: "Broadcaster Ann Velez", "Broadcaster Piers Smith"
        nouns = ORGANIZATION_NOUNS - AGENT_NOUNS if read_as_person(text, start, end) else ORGANIZATION_NOUNS
        before = [c for c in root.children if c.i < root.i and c.dep_ in {"compound", "appos", "nmod"}]
        if any(c.lemma_.casefold() in nouns and c.idx < start for c in before):
            return True
        first = parse(text).char_span(start, end, alignment_mode="expand")
        previous = root.doc[first.start - 1] if first is not None and first.start > 0 else None
        if previous is not None and previous.is_lower and previous.lemma_ in nouns:
            return True  # "the broadcaster NRK", however the parser attaches it
    return False


def _spelled_out(name: str, text: str) -> str | None:
    """The capitalized words an abbreviation stands for where the article spells it out: "Software Development Kit"
    before "(SDK)"."""
    found = re.search(rf"((?:[A-Z][\w-]*\s+){{1,6}})\({re.escape(name)}\)", text) if name.isupper() else None
    return found.group(1).strip() if found else None


def is_event_name(name: str, text: str) -> bool:
    """True when the name is an event's: "Paris Air Show", "the company's annual Developers Conference", "WWDC 2005"."""
    words = name.casefold().split()
    if not words:
        return False
    # not "the Department of War" or "the Secretary of War": a body or a post, whatever its last word
    cue = kind_cue(name)
    named = words[-1] in EVENT_WORDS and not (cue == "organization" or (cue == "person" and words[0] in PERSON_TITLES))
    if named or re.search(rf"(?<!\w){re.escape(name)}\s+(?:19|20)\d\d\b", text):
        return True  # "Paris Air Show"; "WWDC 2005": an edition of an event
    if _day_named_for(name):
        return True  # "Martin Luther King Jr. Day", "Saint Ann's Day": a holiday
    if words[-1] not in GATHERING_WORDS:
        spelled = _spelled_out(name, text)  # "World Wide Developers Conference (WWDC)"
        last = spelled.split()[-1].casefold() if spelled else ""
        return spelled is not None and last in GATHERING_WORDS | EVENT_WORDS and is_event_name(spelled, text)
    for start, end in uses_of(name, text):
        root = _root(text, start, end)
        if root is None:
            continue
        annual = any(c.lemma_.casefold() in {"annual", "yearly", "upcoming"} for c in root.children)
        held = root.dep_ == "pobj" and root.head.lemma_.casefold() in {"at", "during", "before", "after"}
        given = root.head.head  # "keynote" in "his keynote to X", "gave" in "gave his keynote to X"
        speech = given.lemma_ in _SPEECHES or any(c.dep_ == "dobj" and c.lemma_ in _SPEECHES for c in given.children)
        addressed = root.dep_ == "pobj" and root.head.lemma_ == "to" and speech
        if annual or held or addressed:
            return True
    return False


def _day_named_for(name: str) -> bool:
    """A day named for someone or something in three words or more ("Martin Luther King Jr. Day", "Saint Ann's Day",
    "Ann Orrel Day"); not a person surnamed Day ("Doris Day", "Ann Marie Day")."""
    words = name.split()
    if len(words) < 3 or words[-1] != "Day":
        return False
    before = words[-2].casefold()
    return before in {"jr.", "sr.", "jr", "sr"} or before.endswith(("'s", "’s", "s'")) or not personal_name(name)


_SPEECHES = {"keynote", "speech", "address", "talk", "presentation", "delegate"}
"""What is given to a gathering, not to an organization: "his keynote to the Developers Conference"."""


def is_plural_name(name: str, text: str) -> bool:
    """True when most uses of the name are plural proper nouns: "the Beatles" is a group, not a person; but not a
    name that is the subject of a singular verb ("Zydus Lifesciences is recalling": a company)."""
    uses = uses_of(name, text)
    roots = [_root(text, *use) for use in uses]
    if any(r is not None and _singular_subject(r) for r in roots):
        return False
    plural = [r for r in roots if r is not None and r.tag_ in {"NNPS", "NNS"} and r.text[:1].isupper()]
    return len(plural) * 2 > len(uses) or _plural_of_a_modifier(name, text)


def _plural_of_a_modifier(name: str, text: str) -> bool:
    """A one-word name whose singular the article writes before a noun ("the Houthis" beside "Houthi rebels",
    "anti-Houthi forces"): the people the word names, which the tagger may tag as one proper noun."""
    singular = name.removesuffix("s")
    if " " in name.strip() or singular == name or singular.endswith("s") or len(singular) < 3:
        return False
    return any(
        t.text == singular and t.dep_ in {"compound", "amod", "nmod"} and t.head.is_lower and t.head.pos_ == "NOUN"
        for t in parse(text)
    )


def _singular_subject(root: Token) -> bool:
    """The subject of a verb in the third person singular: "X is recalling", "X says"."""
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = root.head
    return any(t.tag_ == "VBZ" for t in [verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass"})])


_LINKING = {"be", "remain", "become", "stay"}
"""Verbs whose subject is described, not acting: "Singapore will remain the first stop"."""


def _doer(token: Token) -> bool:
    """The subject of a verb that is not a linking verb: "Qatar has an order", "Cisco sues"."""
    return token.dep_ in {"nsubj", "nsubjpass", "agent"} and token.head.lemma_.casefold() not in _LINKING


def _object_of(token: Token, preposition: str) -> bool:
    return token.dep_ == "pobj" and token.head.lemma_.casefold() == preposition


def only_acts(text: str, uses: list[tuple[int, int]]) -> bool:
    """True when every use is a party that acts or is related, never a setting: "Qatar has an order", "relations
    between the US and Russia" (a country written so is a who, not a where; "in Qatar", "Qatar's airport" are places).
    """
    roots = _roots(text, uses)
    if not roots or any(r is None for r in roots):
        return False
    for root in roots:
        assert root is not None
        head = root.head if root.dep_ == "conj" else root
        if not (_doer(head) or _object_of(head, "between")):
            return False
    return True


def ever_acts(text: str, uses: list[tuple[int, int]]) -> bool:
    """True when some use is a doer: "The United States has the highest number" (besides "in the United States")."""
    roots = _roots(text, uses)
    return any(root is not None and _doer(root.head if root.dep_ == "conj" else root) for root in roots)


_SETTING = frozenset(
    {"at", "in", "on", "outside", "inside", "near", "into", "onto", "around", "across", "behind", "beside"}
)
"""Prepositions that set something at a place ("at the X", "outside the X"): "with X" or "to X" may be a party."""


_OFFICIAL_ACTS = REPORTING | {"release", "issue", "respond", "refuse", "reject", "order", "decide", "veto", "threaten"}
"""What a body does through its people, which a building cannot: "the White House released a summary"."""


def ever_speaks(text: str, uses: list[tuple[int, int]]) -> bool:
    """True when some use says or decides something ("Buckingham Palace said", "the White House released"): a
    building that does stands for the body in it; one that "caught fire" or "reopened" is still the building."""
    roots = _roots(text, uses)
    return any(root is not None and _doer(root) and root.head.lemma_.casefold() in _OFFICIAL_ACTS for root in roots)


def ever_set_at(text: str, uses: list[tuple[int, int]]) -> bool:
    """True when some use sets something there: "needed at the White House", "a protest outside the X"."""
    roots = _roots(text, uses)
    return any(root is not None and root.dep_ == "pobj" and root.head.lemma_.casefold() in _SETTING for root in roots)


def mostly_acts(text: str, uses: list[tuple[int, int]]) -> bool:
    """True when most uses are a doer: "Cisco sues Apple", "Cisco states that ...", "developed by Cisco" (a name the
    recognizer took for a city but the article has acting is an organization)."""
    roots = _roots(text, uses)
    acting = sum(root is not None and (_doer(root) or _object_of(root, "by")) for root in roots)
    return acting * 2 > len(uses)
