"""English who and where: the rules that read English usage around a name (rules/kinds.py, places.py, nlp/usage.py).

"Boeing" filed as a person is an organization, "Ars Technica" filed as a
city is a publication, "in Kati" is a place the model left out, a country
written only as a party ("Qatar has an order") is who, not where. Each step
takes the grounded items and returns new ones (brief/grounding.py runs them).
"""

from __future__ import annotations

import re

from summarizer.brief.align import Aligner, article_name
from summarizer.brief.items import MAX_PLACES, GroundedDraft
from summarizer.brief.mentions import (
    PRODUCT_AFTER,
    actor_at,
    as_place,
    as_thing,
    changed,
    found_at,
    money,
    place_at,
    retyped,
)
from summarizer.nlp.entities import entities, inside_other_name, kind_at
from summarizer.nlp.kind_evidence import division_misread, grammar_kind, label_vote, someones_body
from summarizer.nlp.usage import (
    described_as_organization,
    ever_acts,
    ever_set_at,
    ever_speaks,
    is_event_name,
    is_plural_name,
    numbered_like_a_model,
    only_acts,
    product_use,
    used_as_product,
)
from summarizer.rules.given_names import is_given_name, misread_person, personal_name
from summarizer.rules.kinds import (
    CURRENCY_CODES,
    NATURE_HEADS,
    PERSON_TITLES,
    PLACE_HEADS,
    ROLE_WORDS,
    datelines,
    kind_cue,
    national_arm,
    opens_with_the,
    published_in,
    set_in,
    site_or_body,
    titled,
    uses_of,
    written_as_place,
    written_in_capitals,
    written_with_article,
)
from summarizer.rules.names import proper_names, same_name
from summarizer.rules.places import (
    CountryMention,
    country_mentions,
    find_countries,
    is_capital_or_division,
    is_country,
    is_territory,
)
from summarizer.rules.text import Found, normalize
from summarizer.schema import Actor, NamedThing, Place

_DESCRIBED = re.compile(r"\s(?!of\b|the\b|de\b|du\b|la\b|le\b|del\b)[a-z][a-z-]*$")
"""A name ending in a lower-case word ("United States airframer") describes something; places end in names."""
_LOCATED = re.compile(r"\b(?:in|to|from|across|throughout|into|near|inside|outside)\s+(?:the\s+)?$", re.I)
"""A country written as where something is ("in France"), not as who acts ("France said")."""


def _family(name: str) -> bool:
    """A family by its surname ("the Orrel family", "Orrel Family")."""
    words = name.split()
    return len(words) > 1 and words[-1].casefold() == "family"


def retype_by_usage(items: GroundedDraft, aligner: Aligner) -> GroundedDraft:
    """The recognizer's reading of each mention decides its kind where the name's own words do not.

    "Boeing" filed as a person becomes an organization, "Ars Technica" filed
    as a city moves to who, "February" or a product is neither a who nor a
    where (it is kept in ``others``). Word cues ("... Council", "... Stadium"),
    the country list and places the text writes as places ("in Kati") keep
    their say.
    """
    text = aligner.index.text
    who: list[Actor] = []
    moved: list[Place] = []
    others: list[NamedThing] = list(items.others)
    for actor in items.who:
        if is_event_name(actor.name, text):
            if _not_an_actor(actor, text):
                others.append(as_thing(actor, "event"))  # "the annual Developers Conference"
            continue
        if _two_places(actor.name, text):
            continue  # "Crete and Cyprus": two places, each listed where the article sets the story
        if actor.name.casefold() in ROLE_WORDS | PERSON_TITLES or _post_only(actor.name):
            continue  # "CEO" alone, "Prime Minister of Varnia": a post names no one (its holder is listed by name)
        if (organization := _without_role(aligner, actor)) is not actor:
            who.append(organization)  # "Ryanair CEO" -> Ryanair, whatever the recognizer reads in the phrase
            continue
        if (person := _person_of_a_body(aligner, actor)) is not actor:
            who.append(person)  # "Ann Varley of the Labour Party" -> Ann Varley
            continue
        kind = label_vote(actor.name, text) or kind_at(text, actor.mention.start, actor.mention.end)
        cue = kind_cue(actor.name)
        # a "country" the recognizer reads as a person or a company ("CNN") is no country
        country = actor.kind == "country" and (is_country(actor.name) or kind not in {"person", "organization"})
        if not country and is_territory(actor.name):
            moved.append(as_place(actor, "country"))  # "the Soviet Union", "Guam": a land, whatever it does
            continue
        grammar = grammar_kind(actor.name, text) if not country and cue is None else None
        if not country and cue is None and titled(text, actor.mention.start):
            who.append(retyped(actor, kind="person"))  # "Spokeswoman Sandy Angers"
        elif not country and cue is None and described_as_organization(actor.name, text):
            who.append(retyped(actor, kind="organization"))  # "retailer Best Buy"
        elif not country and (cue == "person" or cue == "organization"):
            who.append(retyped(actor, kind=cue))  # "CEO Steve Jobs", "... Council"
        elif grammar == "person" or grammar == "organization":
            who.append(retyped(actor, kind=grammar))  # "X, Puerto Rico's governor", "X, in its statement"
        elif grammar == "place":
            moved.append(as_place(actor, "city"))  # "a 36-year-old X man", "X's mayor"
        elif not country and written_in_capitals(actor.name):
            who.append(retyped(actor, kind="organization"))  # "AT&T", "ANA": no person's name
        elif not country and cue is None and national_arm(actor.name, text):
            who.append(retyped(actor, kind="organization"))  # "Kestrel USA" beside "Kestrel"
        elif not country and cue is None and grammar is None and is_plural_name(actor.name, text):
            who.append(retyped(actor, kind="group"))  # "the Houthis" beside "Houthi rebels", as the rules type it
        elif not country and cue is None and (kind or actor.kind) == "organization" and misread_person(actor.name):
            # "Arthur Cabral": a given name the recognizer read as an organization's, or left unread and the model did
            who.append(retyped(actor, kind="person"))
        elif not country and cue is None and grammar is None and kind == "person" and someones_body(actor.name, text):
            who.append(retyped(actor, kind="organization"))  # "Tom Varne of Glass Harbour": no one is of a person
        elif not country and cue is None and kind == "person" and division_misread(actor.name, text):
            moved.append(as_place(actor, "city"))  # "floods in Bayelsa", read as a person: a state
        elif not country and cue is None and kind == "organization" and _surname_of_someone(actor.name, text):
            who.append(retyped(actor, kind="person"))  # "Vázquez said" after "Wanda Vázquez Garced"
        elif not country and cue == "city":
            moved.append(as_place(actor, "city"))  # "Varna Oblast funded the prize": a region, whatever it does
        elif not country and cue is None and _family(actor.name):
            who.append(retyped(actor, kind="group"))  # "the Orrel family": its members, no one person
        elif country or cue is not None or kind is None:
            who.append(actor)
        elif kind == "person" or kind == "organization":
            who.append(retyped(actor, kind=kind))
        elif kind == "place" and _named_after_place(actor.name, text):
            who.append(retyped(actor, kind="organization"))  # "Utah Jazz": a club named after its state
        elif kind == "place":
            moved.append(as_place(actor, "city"))
    where: list[Place] = []
    for place in [*items.where, *moved]:
        if _post_only(place.name):
            continue  # "Speaker of the House" filed as a place: a post names no one and nowhere
        if _given_name_of_someone(place.name, text):
            who.append(actor_at(aligner, found_at(place), "person", place.origin, ruled=changed(place, "moved")))
            continue  # "[Melania] and I", beside "First Lady Melania Trump": a person
        if is_event_name(place.name, text):
            if _not_an_actor(place, text):
                others.append(as_thing(place, "event"))  # "Paris Air Show" is an event, not where
            continue
        if numbered_like_a_model(place.name):
            others.append(as_thing(place, "product"))  # "the Hope orbiter ... and Tianwen-1 from Wenchang": a craft
            continue
        if published_in(place.name, text):
            who.append(actor_at(aligner, found_at(place), "organization", place.origin, ruled=changed(place, "moved")))
            continue  # "a report in Ars Technica": a publication
        if national_arm(place.name, text):
            who.append(actor_at(aligner, found_at(place), "organization", place.origin, ruled=changed(place, "moved")))
            continue  # "Kestrel USA" beside "Kestrel": a firm's arm in a country
        described = _DESCRIBED.search(place.mention.text) and kind_cue(place.name) is None  # not "the Reno river"
        if described or money(text, place.mention.start, place.mention.end):
            continue  # "United States airframer" is a description, "US$40 billion" a currency: no place
        kind = label_vote(place.name, text) or kind_at(text, place.mention.start, place.mention.end)
        cued = place.kind == "country" or kind_cue(place.name) is not None
        grammar = None if cued and not site_or_body(place.name) else grammar_kind(place.name, text)
        if grammar == "person" or grammar == "organization":
            who.append(actor_at(aligner, found_at(place), grammar, place.origin, ruled=changed(place, "moved")))
            continue  # "Speaking to X, a news website": no place
        placed = cued or grammar == "place" or written_as_place(place.name, text)
        placed = placed or (kind == "person" and division_misread(place.name, text))
        if placed or kind is None or kind == "place":
            where.append(place)
        elif kind == "person" or kind == "organization":
            who.append(actor_at(aligner, found_at(place), kind, place.origin, ruled=changed(place, "moved")))
    products = [a for a in who if a.kind != "country" and used_as_product(a.name, text)]
    others += [as_thing(a, "product") for a in products if _not_an_actor(a, text)]
    who = [
        retyped(a, kind="organization")
        if a.kind == "person"
        and (opens_with_the(a.name) or written_with_article(a.name, text))
        and not personal_name(a.name)  # "the Honorable Ana Ruiz": a title, not a body's article
        else a
        for a in who
        if a not in products and (a.kind == "country" or a.name not in CURRENCY_CODES)
    ]
    makers = [a for a in (_as_maker(aligner, actor) for actor in who) if a is not None]
    return items.but(who=makers, where=where, others=others)


def add_countries(items: GroundedDraft, aligner: Aligner) -> GroundedDraft:
    """Every country the article names (places.py), after the places the brief has."""
    text = aligner.index.text
    named = {normalize(p.mention.text) for p in items.where}
    where = list(items.where)
    mentions = standalone_countries(aligner)
    for mention in mentions:
        if normalize(mention.country) in named or normalize(text[mention.start : mention.end]) in named:
            continue
        if len(where) >= MAX_PLACES:
            break
        named.add(normalize(mention.country))
        same = [m for m in mentions if m.country == mention.country]
        mention = next((m for m in same if _LOCATED.search(text[max(0, m.start - 12) : m.start])), mention)
        span = aligner.span(mention.start, mention.end)
        sentence = aligner.index.sentence_at(mention.start)
        evidence = [aligner.sentence_span(sentence)] if sentence else [span]
        where.append(Place(name=article_name(span), kind="country", mention=span, evidence=evidence, origin="rule"))
    return items.but(where=where)


def standalone_countries(aligner: Aligner) -> list[CountryMention]:
    """The article's countries, less those inside another name ("Air Canada") or a currency ("US$40 billion",
    "$40 billion US")."""
    text = aligner.index.text
    return [
        m for m in find_countries(text) if not (inside_other_name(text, m.start, m.end) or money(text, m.start, m.end))
    ]


def acting_countries_out_of_where(items: GroundedDraft, aligner: Aligner) -> GroundedDraft:
    """A country the article only writes as a party ("Qatar has an order", "talks between Russia and the US")
    is who, not where: no event is set there. One it writes both ways ("cases rose in the US", "the US has the
    most cases") is in both."""
    text = aligner.index.text
    first = [m for m in find_countries(text) if not inside_other_name(text, m.start, m.end)]
    every = [m for m in country_mentions(text) if not inside_other_name(text, m.start, m.end)]
    who = list(items.who)
    kept: list[Place] = []
    for place in items.where:
        key = normalize(place.mention.text)
        absent = all(normalize(a.mention.text) != key for a in who)
        if (
            place.kind == "country"
            and not datelines(place.mention.text, text)
            and only_acts(text, _uses(first, key, text))
        ):
            if absent:
                who.append(actor_at(aligner, found_at(place), "country", place.origin, ruled=changed(place, "moved")))
            continue
        kept.append(place)
        if place.kind == "country" and absent and ever_acts(text, _uses(every, key, text)):
            who.append(actor_at(aligner, found_at(place), "country", place.origin))
    return items.but(who=who, where=kept)


def acting_sites_into_who(items: GroundedDraft, aligner: Aligner) -> GroundedDraft:
    """A building the article has act ("the White House released a summary", "Buckingham Palace said") stands for
    the body in it: an organization, unless some sentence sets something there ("needed at the White House")."""
    text = aligner.index.text
    who = list(items.who)
    kept: list[Place] = []
    for place in items.where:
        uses = uses_of(place.mention.text, text)
        if place.kind == "site" and uses and ever_speaks(text, uses) and not ever_set_at(text, uses):
            if all(not same_name(a.name, place.name) for a in who):
                moved = actor_at(aligner, found_at(place), "organization", place.origin, ruled=changed(place, "moved"))
                who.append(moved)
            continue
        kept.append(place)
    return items.but(who=who, where=kept)


def _uses(mentions: list[CountryMention], key: str, text: str) -> list[tuple[int, int]]:
    """Where the mentions write the country ``key`` (normalized) names, by its name or as written."""
    return [(m.start, m.end) for m in mentions if key in {normalize(m.country), normalize(text[m.start : m.end])}]


def add_located_names(items: GroundedDraft, aligner: Aligner) -> GroundedDraft:
    """Names the article writes as places ("in Kati", "Taipei, Taiwan") that the model left out."""
    have = {normalize(p.mention.text) for p in items.where} | {normalize(a.mention.text) for a in items.who}
    where = list(items.where)
    for sentence in aligner.index.sentences:
        for written in proper_names(sentence.text, aligner.index):
            located = set_in(written, aligner.index.text)  # "in Warsaw and Vilnius" sets both
            for name in _pair_parts(written):
                if len(where) >= MAX_PLACES or normalize(name) in have or len(name.split()) > 3:
                    continue
                if (
                    kind_cue(name) is None
                    and not is_country(name)
                    and (located or set_in(name, aligner.index.text))
                    and not published_in(name, aligner.index.text)
                    and not numbered_like_a_model(name)  # "in Japan and Tianwen-1": a craft
                ):
                    found = aligner.locate(name)
                    if found is not None:
                        where.append(place_at(aligner, found, "city", "rule"))
                have.add(normalize(name))
    return items.but(where=where)


def _pair_parts(name: str) -> list[str]:
    """ "in Warsaw and Vilnius": two places, each found alone; a country or division so named ("Trinidad and Tobago",
    "Brighton and Hove") stays one."""
    parts = name.split(" and ")
    if len(parts) != 2 or is_country(name) or is_capital_or_division(name) or not all(p[:1].isupper() for p in parts):
        return [name]
    return parts


def add_acting_countries(items: GroundedDraft, aligner: Aligner, texts: list[str]) -> GroundedDraft:
    """Countries the model's headline or events name as actors ("Sweden defeated South Korea") are also who."""
    have = {normalize(a.mention.text) for a in items.who}
    who = list(items.who)
    written = " ".join(texts)
    for mention in standalone_countries(aligner):  # "Air Canada ordered", "$40 billion US": not Canada, the US
        form = aligner.index.text[mention.start : mention.end]
        if normalize(form) in have or not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", written):
            continue
        span = aligner.span(mention.start, mention.end)
        place = next((p for p in items.where if p.mention == span), None)
        found = Found(mention.start, mention.end, form, True)
        evidence = place.evidence if place else aligner.mention_evidence(found)
        who.append(Actor(name=article_name(span), kind="country", mention=span, evidence=evidence, origin="rule"))
        have.add(normalize(form))
    return items.but(who=who)


def _not_an_actor(item: Actor | Place, text: str) -> bool:
    """Usage read the item as a product or event; kept as one unless the recognizer reads a person or organization
    at its mention (then it is dropped, as before others existed: "Steve Jobs" in a product launch's words)."""
    return kind_at(text, item.mention.start, item.mention.end) not in {"person", "organization"}


_NOBLE_TITLES = {"king", "queen", "prince", "princess", "duke", "duchess", "earl", "count", "baron", "lord", "lady",
                 "sheikh", "emir", "sultan", "pope", "archbishop", "bishop", "baroness"}  # fmt: skip
"""Titles that name their holder ("the Prince of Wales", "the Duke of X"): a person's name, not only a post."""


def _two_places(name: str, text: str) -> bool:
    """A model's item that joins two places ("Crete and Cyprus"): no one actor. A country or state so named
    ("Trinidad and Tobago") is one."""
    parts = _pair_parts(name.removeprefix("the "))
    if len(parts) != 2:
        return False
    return all(
        is_country(p) or is_capital_or_division(p) or "place" in {label_vote(p, text), grammar_kind(p, text)}
        for p in parts
    )


def _named_after_place(name: str, text: str) -> bool:
    """A state, capital or country and one more capitalised word that is no place's head ("Utah Jazz", "Texas
    Instruments", not "Ohio River" or "Oklahoma City"), never written as a place: a body named after its place,
    whose place the recognizer reads."""
    words = name.split()
    if len(words) < 2 or not words[-1][:1].isupper() or words[-1].casefold() in PLACE_HEADS | NATURE_HEADS:
        return False
    place = " ".join(words[:-1])
    return (is_capital_or_division(place) or is_country(place)) and not written_as_place(name, text)


def _surname_of_someone(name: str, text: str) -> bool:
    """One word the article also writes after a given name ("Wanda Vázquez Garced", then "Vázquez said"): that
    person's surname, whatever the recognizer reads in it alone."""
    if not re.fullmatch(r"[A-Z][\w'’-]+", name):
        return False
    for match in re.finditer(rf"((?:[A-Z][\w'’.-]*[ \t]+){{1,3}}){re.escape(name)}(?![\w-])", text):
        words = match.group(1).split()
        if any(personal_name(" ".join([*words[i:], name])) for i in range(len(words))):
            return True
    return False


def _given_name_of_someone(name: str, text: str) -> bool:
    """One word that is a given name and stands before the surname of a person the recognizer reads in the article
    ("Melania" beside "First Lady Melania Trump"), and that the article never sets anything in: a person, not a
    town."""
    if " " in name or not is_given_name(name) or written_as_place(name, text):
        return False
    return any(e.label == "PERSON" and name in text[e.start : e.end].split()[:-1] for e in entities(text))


def _post_only(name: str) -> bool:
    """A post and what it serves, with no one's name: "Prime Minister of Varnia", "mayor of Orlin", "Speaker of the
    House", "Secretary of Justice for X", "United States Senator" (the place in it is no actor, and the brief lists the
    holder by name)."""
    words = name.removeprefix("the ").split()
    if len(words) > 1 and words[-1].casefold() in PERSON_TITLES and is_country(" ".join(words[:-1])):
        return True  # "United States Senator": the country's post
    cut = next((i for i, w in enumerate(words) if w in {"of", "for"}), None)
    if cut is None or cut == 0:
        return False  # "mayor of New York City" as much as "Mayor of X"
    post = words[cut - 1].casefold()
    return post in PERSON_TITLES and post not in _NOBLE_TITLES


def _without_role(aligner: Aligner, actor: Actor) -> Actor:
    """An organization named with a person's role after it ("Apple Computer CEO") is the organization."""
    words = actor.mention.text.split()
    if actor.kind == "country" or len(words) < 2 or words[-1].casefold() not in ROLE_WORDS:
        return actor
    end = actor.mention.start + actor.mention.text.rstrip().rindex(words[-1])
    kept = aligner.index.text[actor.mention.start : end].rstrip(" ,")
    found = Found(actor.mention.start, actor.mention.start + len(kept), kept, True)
    ruled = changed(actor, "mention")
    if actor.kind != "organization":
        ruled = changed(actor.model_copy(update={"ruled": ruled}), "kind")  # "Lakeline CEO" filed as a person
    return actor_at(aligner, found, "organization", actor.origin, ruled=ruled)


_OF_A_BODY = re.compile(r"(?P<person>.+?)\s+of\s+(?:the\s+)?(?=[A-Z])")


def _person_of_a_body(aligner: Aligner, actor: Actor) -> Actor:
    """A person named with the body or the place they belong to ("Ann Varley of the Labour Party", "Cardinal Tom
    Brell of the Holy See"), as a model may write one: the person, at their own name."""
    of = _OF_A_BODY.match(actor.mention.text)
    if actor.kind == "country" or of is None or not personal_name(of.group("person")):
        return actor
    kept = of.group("person").rstrip(" ,")
    found = Found(actor.mention.start, actor.mention.start + len(kept), kept, True)
    ruled = changed(actor, "mention")
    if actor.kind != "person":
        ruled = changed(actor.model_copy(update={"ruled": ruled}), "kind")
    return actor_at(aligner, found, "person", actor.origin, ruled=ruled)


def _as_maker(aligner: Aligner, actor: Actor) -> Actor | None:
    """The actor at a mention that names it, not its product or currency ("Boeing", not "Boeing 787" or "Boeing
    jets"; "US", not "US$40 billion"). A name used only for products ("Airbus A380") is a product, not a who.
    """
    text = aligner.index.text

    def misread(start: int, end: int) -> bool:
        made = actor.kind == "organization" and PRODUCT_AFTER.match(text, end) is not None
        return made or money(text, start, end) or (actor.kind != "country" and product_use(text, start, end))

    if not misread(actor.mention.start, actor.mention.end):
        return actor
    for match in re.finditer(rf"(?<!\w){re.escape(actor.mention.text)}(?!\w)", text):
        if not misread(*match.span()):
            found = Found(match.start(), match.end(), match.group(), True)
            moved = actor_at(aligner, found, actor.kind, actor.origin, actor.name, ruled=changed(actor, "mention"))
            return moved.model_copy(update={"alignment": actor.alignment})
    return None
