"""Names the recognizer finds in the prose that the brief lacks, typed by how the article uses them.

The recognizer (nlp/entities.py) reads every language with a pipeline; the
English usage rules (``ENGLISH_USAGE``) also tell a maker from its product, a
publication from a city and a band from a person. A language without them
takes the recognizer's label as it is (``LABEL_ONLY``). Which one an article
gets is chosen once, in brief/languages.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.brief.align import Aligner
from summarizer.brief.items import MAX_PLACES, MAX_WHO, GroundedDraft
from summarizer.brief.mentions import PRODUCT_AFTER, actor_at, place_at
from summarizer.nlp.entities import Entity, Kind, entities, short_for_organization
from summarizer.nlp.kind_evidence import (
    NameKind,
    acts_as_a_body,
    division_misread,
    grammar_kind,
    joined_people,
    label_vote,
    someones_body,
)
from summarizer.nlp.usage import (
    ORGANIZATION_NOUNS,
    described_as_organization,
    is_event_name,
    is_plural_name,
    mostly_acts,
    product_use,
    used_as_product,
)
from summarizer.rules.given_names import misread_person, personal_name
from summarizer.rules.kinds import (
    CURRENCY_CODES,
    NATURE_HEADS,
    PLACE_HEADS,
    kind_cue,
    longer_name,
    national_arm,
    opens_with_the,
    published_in,
    site_or_body,
    uses_of,
    written_as_place,
    written_in_capitals,
    written_with_article,
)
from summarizer.rules.names import is_dateline, is_heading, same_name
from summarizer.rules.places import is_capital_or_division, is_country, is_demonym, is_territory
from summarizer.rules.text import Found
from summarizer.schema import ActorKind, PlaceKind

_PLACE_KINDS: dict[str, PlaceKind] = {"GPE": "city", "LOC": "region", "FAC": "site"}
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"’”]?[ \t]+|\n[ \t]*)$")
"""Where a sentence opens: a trade noun there is capitalised ("Planemaker Embraer said"), and is no part of the name."""


@dataclass(frozen=True)
class Usage:
    """What the article's usage around a name says of it; the defaults say nothing (the recognizer's label stands)."""

    def maker_mention(self, text: str, first: Entity, later: Entity) -> bool:
        """Whether ``later`` names the maker where ``first`` named its product."""
        return False

    def not_a_name(self, name: str, entity: Entity, text: str) -> bool:
        """Whether the recognized phrase is something else: a country, a product, a currency, an event."""
        return False

    def cue(self, name: str) -> ActorKind | PlaceKind | None:
        return None

    def written_as_place(self, name: str, text: str) -> bool:
        return False

    def organization(self, name: str, entity: Entity, cue: str | None, as_place: bool, text: str) -> bool:
        return False

    def organization_by_words(self, name: str, text: str) -> bool:
        return False

    def plural(self, name: str, cue: str | None, text: str) -> bool:
        return False

    def grammar(self, name: str, text: str) -> NameKind | None:
        """What the sentences around the name's uses say it is ("X, a nurse", "X's shares"), or None."""
        return None

    def label(self, name: str, entity: Entity, text: str) -> Kind:
        """The recognizer's kind for the name: by default its label on the first use."""
        return entity.kind


@dataclass(frozen=True)
class EnglishUsage(Usage):
    """English usage rules (rules/kinds.py, nlp/usage.py)."""

    def maker_mention(self, text: str, first: Entity, later: Entity) -> bool:
        return (
            product_use(text, first.start, first.end)
            and not product_use(text, later.start, later.end)
            and text[later.start : later.end] == text[first.start : first.end]
        )  # "by Airbus" names the maker; "Airbus jets" its product

    def not_a_name(self, name: str, entity: Entity, text: str) -> bool:
        return (
            is_country(name)
            or PRODUCT_AFTER.match(text, entity.end) is not None
            or name in CURRENCY_CODES
            or text[entity.start - 1 : entity.start].isdigit()  # "30GB": a unit, not a name
            or used_as_product(name, text)
            or is_event_name(name, text)
            or (entity.kind == "place" and _inside_a_body(name, text))
            or joined_people(name, text)  # "Novak and Reyes": two people, each listed alone
        )

    def cue(self, name: str) -> ActorKind | PlaceKind | None:
        return kind_cue(name)

    def written_as_place(self, name: str, text: str) -> bool:
        return written_as_place(name, text, possessives=not personal_name(name))  # "in Ann Lee's film"

    def organization(self, name: str, entity: Entity, cue: str | None, as_place: bool, text: str) -> bool:
        return published_in(name, text) or (  # "a report in Ars Technica"
            # "Cisco sues", "developed by Cisco", "AirTran" beside "AirTran Airways": not a city
            entity.label == "GPE"  # a river, a trench or a region (LOC) that "contributes" is still a place
            and cue is None
            and not as_place
            and not is_capital_or_division(name)  # "Beijing warned": the government by its seat, still a place
            and (mostly_acts(text, uses_of(name, text)) or short_for_organization(name, text))
        )

    def organization_by_words(self, name: str, text: str) -> bool:
        return (
            opens_with_the(name)  # "The Kandilli Observatory"
            or written_with_article(name, text)
            or described_as_organization(name, text)
            or written_in_capitals(name)
        )

    def plural(self, name: str, cue: str | None, text: str) -> bool:
        return cue is None and is_plural_name(name, text)  # "the Beatles"

    def grammar(self, name: str, text: str) -> NameKind | None:
        return grammar_kind(name, text)

    def label(self, name: str, entity: Entity, text: str) -> Kind:
        return label_vote(name, text) or entity.kind  # the label on most uses, not only the first


_THE_INSIDE = re.compile(r"[a-z0-9,;:][ \t]+The[ \t]+$")
"""A capital "The" inside a sentence, which only a title's own article has ("a report by The Atlantic")."""


def _titled_with_the(name: str, text: str) -> bool:
    """Every use of the name follows a capital "The" inside a sentence: a publication's or a band's title, whatever
    its words name elsewhere ("The Atlantic", "The Rockies")."""
    uses = uses_of(name, text)
    return bool(uses) and all(_THE_INSIDE.search(text, max(0, start - 12), start) for start, _ in uses)


def _nations_body(name: str) -> bool:
    """A name that opens with a nation's adjective and goes on with more than a place's words ("Afghan Taliban",
    "Syrian Defence Forces"): a group or a body of that nation; not a state's own name ("Slovak Republic"), and
    "Indian Ocean" or "Swiss Alps" are places by their own words and never get here."""
    words = name.split()
    state = words[-1].casefold() in {"republic", "kingdom", "federation", "emirates", "state", "states", "union"}
    return (
        len(words) > 1
        and is_demonym(words[0])
        and not (state or is_country(name) or is_capital_or_division(name) or is_territory(name))
    )


def _inside_a_body(name: str, text: str) -> bool:
    """A place written only inside a club's or company's name ("a Utah Jazz player"), never as a place of the story."""
    longer = longer_name(name, text)
    return longer is not None and acts_as_a_body(longer, text)


_POST_NOMINALS = {"MP", "MEP", "MSP", "MLA", "TD", "KC", "QC", "SC", "MBE", "OBE", "CBE", "KBE", "DBE", "PhD", "MD", "JP"}  # fmt: skip
"""Letters after a person's name ("Nick Johnson KC", "Ann Lee MP"): no body's."""


_CHAMBERS = frozenset({"House", "Senate", "Congress", "Parliament", "Assembly", "Commons", "Lords", "Council"})
"""A chamber a post is of, which the recognizer reads with its holder's name ("Speaker of the House Ada Orrel")."""


def _without_home(entity: Entity, text: str) -> Entity:
    """A person's name the recognizer reads with the state, country or chamber before it ("Vermont Bernie Sanders",
    a senator's home written as a title; "Speaker of the House Ada Orrel"): the person, from the given name on."""
    for words in (1, 2):  # "Vermont", "New Hampshire"
        home = re.match(rf"((?:[A-Z][\w'’.-]*[ \t]+){{{words}}})(?=[A-Z])", text[entity.start : entity.end])
        if home is None:
            return entity
        place, rest = home.group(1).strip(), text[entity.start + home.end() : entity.end]
        if not (is_country(place) or is_capital_or_division(place) or place in _CHAMBERS):
            continue
        if personal_name(rest) or (_POST_OF.search(text, 0, entity.start) and _FULL_NAME.fullmatch(rest)):
            return Entity(entity.start + home.end(), entity.end, "PERSON")
    return entity


_POST_OF = re.compile(
    r"\b(?:[Mm]inister|[Pp]resident|[Ss]peaker|[Cc]hancellor|[Kk]ing|[Qq]ueen|[Gg]overnor|[Mm]ayor|"
    r"[Cc]hief|[Ss]ecretary|[Pp]remier)[ \t]+of[ \t]+(?:the[ \t]+)?$"
)
"""A post "of" a country or a chamber right before the name ("Prime Minister of India Narendra Modi"): the name
after the country is its holder's, whatever given names the list knows."""
_FULL_NAME = re.compile(r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,3}")


_POSSESSIVE_PLACE = re.compile(r"['’]s[ \t]+([A-Z][a-z]+)\b")


def _with_possessive_place(entity: Entity, text: str) -> Entity:
    """A name the recognizer cuts at a possessive that a place's head word closes ("Otter" of "Otter's Bay", "Land"
    of "Land's End" aside): the whole place."""
    head = _POSSESSIVE_PLACE.match(text, entity.end)
    if head is None or head.group(1).casefold() not in NATURE_HEADS | PLACE_HEADS:
        return entity
    return Entity(entity.start, head.end(), "GPE")


_KIN = re.compile(r"[ \t]+(family|dynasty|clan)\b")


def _with_kin(entity: Entity, text: str) -> Entity:
    """A surname the article writes as a family's ("the Varga family", "the Tudor dynasty"): the family, a
    group, not the person of that name."""
    kin = _KIN.match(text, entity.end)
    if kin is None or not re.search(r"\b[Tt]he[ \t]+$", text[max(0, entity.start - 8) : entity.start]):
        return entity
    return Entity(entity.start, kin.end(), "ORG")


def _one_name(a: str, b: str, text: str = "") -> bool:
    """Two names of one thing ("Lukaku", "Romelu Lukaku"; "Boeing", "Boeing Company"), but not a place and a body
    named after it ("Ottawa" and "Ottawa City Council", "Cork" and "Cork GAA"), where the recognizer reads the
    shorter name as a place at most of its uses or the article writes it as one ("in Cork"), and the longer one's own
    words, or letters of a body, make it a body ("Zydus", read as a person once and a place once, is "Zydus
    Lifesciences"); nor a state, capital or country and a name that holds it ("Ohio" and "the Ohio Playhouse")."""
    if not same_name(a, b):
        return False
    shorter, longer = sorted((a, b), key=lambda n: len(n.split()))
    if longer == shorter or kind_cue(shorter) is not None:
        return True
    if is_capital_or_division(shorter) or is_country(shorter):
        return False
    added = set(longer.split()) - set(shorter.split()) - _POST_NOMINALS
    # not a site: "land at Henderson" may be short for "Henderson Executive Airport"
    bodily = kind_cue(longer) == "organization" or any(written_in_capitals(w) for w in added)
    placed = bodily and (label_vote(shorter, text) == "place" or written_as_place(shorter, text))  # "in Varnholt"
    return not placed


LABEL_ONLY = Usage()
ENGLISH_USAGE = EnglishUsage()


def add_recognized(items: GroundedDraft, aligner: Aligner, usage: Usage) -> GroundedDraft:
    """People, organizations and places the recognizer finds in the prose that the brief lacks, most named first."""
    text = aligner.index.text
    who, where = list(items.who), list(items.where)
    have = [a.name for a in who] + [p.name for p in where]
    prose = [s for s in aligner.index.sentences if not (is_heading(s.text) or is_dateline(s.text))]
    counts: dict[str, int] = {}
    first: dict[str, Entity] = {}
    for entity in entities(text, aligner.language):
        if entity.kind not in {"person", "organization", "place"}:
            continue
        if not any(s.start <= entity.start and entity.end <= s.end for s in prose):
            continue
        article = re.match(r"the\s+(?=[A-Z])", text[entity.start : entity.end])  # "the Food and Drug Administration"
        if article:
            entity = Entity(entity.start + article.end(), entity.end, entity.label)
        trade = re.match(r"([A-Z][a-z]+)[ \t]+(?=[A-Z])", text[entity.start : entity.end])
        if trade and trade.group(1).casefold() in ORGANIZATION_NOUNS and _SENTENCE_START.search(text, 0, entity.start):
            entity = Entity(entity.start + trade.end(), entity.end, entity.label)  # "Planemaker Embraer said"
        entity = _without_home(entity, text)  # "Vermont Bernie Sanders" is Bernie Sanders
        entity = _with_possessive_place(entity, text)  # "Otter's Bay"
        entity = _with_kin(entity, text)  # "the Varga family"
        name = " ".join(text[entity.start : entity.end].split()).removesuffix("'s").removesuffix("’s")
        if not name[:1].isupper() or aligner.addressed(entity.start):
            continue
        key = next((k for k in first if _one_name(k, name, text)), name)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, entity)
        if usage.maker_mention(text, first[key], entity):
            first[key] = entity
    for name in sorted(first, key=lambda k: (-counts[k], first[k].start)):
        entity = first[name]
        if any(_one_name(name, h, text) for h in have) or usage.not_a_name(name, entity, text):
            continue
        found = Found(entity.start, entity.start + len(name), text[entity.start : entity.start + len(name)], True)
        # "the Courier was there", "Kestrel USA" beside "Kestrel"
        body = aligner.is_outlet(name) or national_arm(name, text)
        territory = is_territory(name)  # "Guam", "developed by the Soviet Union": a land, whatever it does
        cue = None if territory else usage.cue(name) or ("organization" if body else None)
        grammar = "place" if territory else usage.grammar(name, text) if cue is None or site_or_body(name) else None
        label = usage.label(name, entity, text)
        if (
            "place" in {label, grammar}
            and cue is None
            and _nations_body(name)
            and not usage.written_as_place(name, text)
        ):
            label, grammar = "organization", None  # "the Afghan Taliban", even listed with countries: no place
        if (
            "place" in {label, grammar}
            and cue is None
            and not territory
            and _titled_with_the(name, text)
            and not usage.written_as_place(name, text)
        ):
            label, grammar = "organization", None  # "a report by The Atlantic": a title, not the ocean
        # "will appear in Cairns Magistrates Court": a body by its own words, though written as where
        bodily = cue in {"person", "organization"}
        as_place = not bodily and (grammar == "place" or (grammar is None and usage.written_as_place(name, text)))
        organization = grammar == "organization" or (
            grammar is None and usage.organization(name, entity, cue, as_place, text)
        )
        # "Arthur Cabral", "France's Estelle Nze Minko was named ...": an organization's or a building's label on a
        # person's name, where nothing else says what it is
        misread = label == "organization" or entity.label == "FAC"
        if misread and cue is None and grammar is None and not as_place and misread_person(name):
            label = "person"
        if label == "person" and cue is None and grammar is None and division_misread(name, text):
            label = "place"
        if label == "person" and cue is None and grammar is None and someones_body(name, text):
            label = "organization"  # "Tom Varne of Glass Harbour": no one is of a person
        placed = label == "place" or cue in {"site", "city"} or as_place
        if not organization and grammar != "person" and not bodily and placed:
            if len(where) >= MAX_PLACES:
                continue
            place_kind: PlaceKind = "site" if cue == "site" else _PLACE_KINDS.get(entity.label, "city")
            where.append(place_at(aligner, found, place_kind, "rule"))
        elif len(who) < MAX_WHO:
            kind: ActorKind = (
                "person"
                if cue == "person" or grammar == "person"  # "Spokeswoman Sandy Angers", "X said he"
                else "organization"
                if cue == "organization" or organization or usage.organization_by_words(name, text)
                else label  # type: ignore[assignment]
            )
            if (grammar is None and usage.plural(name, cue, text)) or _KIN.search(name):
                kind = "group"  # "the Beatles" (not "Joel Smithers said he"), "the Varga family"
            who.append(actor_at(aligner, found, kind, origin="rule"))
        have.append(name)
    return items.but(who=who, where=where)
