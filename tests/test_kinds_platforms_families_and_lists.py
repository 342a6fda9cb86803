"""Kinds from a fresh round of news: a nation's adjective opens no person's name, a double given name does, a
charity is a body, a place's possessive name is one place, the article's own outlet is a body, a platform one posts
to is a body, places listed after "such as" or "sites at" are places, a territory is a place, "the X family" is a
group, a body named for two fields is one name, "the X oil field" is a place, "X chair Y" makes X a body, four
names after a locative list places, a platform or a medium's reporter names a body, and a person's trade does not.

Every text here is written for these tests (fictional people, firms, outlets and places; real territories, which the
gazetteer must know). spaCy's real English pipeline reads them; no model is involved.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from summarizer.brief.grounding import GroundedDraft
from summarizer.brief.recognized import _with_kin, _with_possessive_place
from summarizer.nlp.entities import Entity, _bodies_of_two_fields, recognizes
from summarizer.nlp.kind_evidence import _described, grammar_kind
from summarizer.nlp.pipeline import parse
from summarizer.nlp.usage import described_as_organization
from summarizer.rules.given_names import is_given_name, personal_name
from summarizer.rules.kinds import kind_cue, written_as_place
from summarizer.rules.places import is_territory, listed_as_places
from tests.scripted_names import ground_names

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")


def ground(text: str, *, outlet: str | None = None) -> GroundedDraft:
    return ground_names(text, [], [], [], published=date(2026, 12, 7), outlet=outlet)


def kinds(out: GroundedDraft) -> dict[str, str]:
    return {item.name: item.kind for item in [*out.who, *out.where]}


def test_a_nations_adjective_opens_no_persons_name_and_a_double_given_name_does() -> None:
    assert is_given_name("Philippine") is False  # a French given name, and the adjective of the Philippines
    assert not personal_name("Philippine Lifeboat Society")
    assert not personal_name("American Harvest Fund")
    assert is_given_name("Lars-Erik") and is_given_name("Anna-Lena")
    assert not is_given_name("Lars-Quorvex")
    assert personal_name("Lars-Erik Dahl")


def test_a_charity_is_a_body_by_its_name() -> None:
    assert kind_cue("Great Winter Toy Charity") == "organization"


def test_a_places_possessive_name_is_one_place() -> None:
    text = "Sergeant Dan Reeve, from Otter's Bay, Canada, retired in May."
    start = text.index("Otter")
    whole = _with_possessive_place(Entity(start, start + len("Otter"), "PERSON"), text)
    assert text[whole.start : whole.end] == "Otter's Bay" and whole.label == "GPE"
    shop = "She ran Otter's Bakery for years."
    at = shop.index("Otter")
    assert _with_possessive_place(Entity(at, at + 5, "PERSON"), shop).end == at + 5  # a bakery's is no place


def test_the_articles_own_outlet_is_a_body() -> None:
    text = (
        "Main bursts\n\nA water main burst on Elm Street on Tuesday, the city said. Seabright Watch was at the scene "
        "by noon and saw a crater in the road. Crews from Seabright Watch counted five flooded homes."
    )
    assert kinds(ground(text, outlet="Seabright Watch")).get("Seabright Watch") == "organization"


def test_a_platform_one_posts_to_is_a_body() -> None:
    text = "Bail\n\nHis lawyer posted a photo to Snapwire showing the two men. Nobody else commented."
    assert grammar_kind("Snapwire", text) == "organization"
    assert grammar_kind("Vidzy", "Flood\n\nThe mayor streamed the meeting live on Vidzy on Monday.") == "organization"


def test_places_listed_after_such_as_or_sites_at_are_places() -> None:
    text = "The storm hit tourist destinations, such as Lundy and Tresco, on Friday."
    assert [text[a:b] for a, b in listed_as_places(text)] == ["Lundy", "Tresco"]
    dig = "The team took samples at sites at Amarna, Karnak, and Deir el-Bahari with permission."
    assert [dig[a:b] for a, b in listed_as_places(dig)][:2] == ["Amarna", "Karnak"]
    assert grammar_kind("Amarna", f"Dig\n\n{dig}") == "place"
    assert listed_as_places("The towns where Smith and Jones said no.") == ()


def test_a_territory_is_a_place_however_it_is_read() -> None:
    assert is_territory("American Samoa") and is_territory("Guam") and not is_territory("France")
    text = (
        "Measles\n\nCases were reported in parts of Tonga first on May 3, Fiji on June 9, and American Samoa on July 1."
    )
    out = ground(text)
    assert "American Samoa" in {p.name for p in out.where}
    assert "American Samoa" not in {a.name for a in out.who}


def test_a_former_state_is_a_place_whatever_it_does() -> None:
    text = "Poison\n\nDoctors found a nerve agent developed by the Soviet Union in the 1970s. Ann Velez was treated."
    for out in (ground(text), ground_names(text, [], ["Soviet Union"], [], published=date(2026, 12, 7))):
        assert "Soviet Union" in {p.name for p in out.where}
        assert "Soviet Union" not in {a.name for a in out.who}


def test_the_x_family_is_a_group() -> None:
    text = "Party\n\nThe Kertesz party was founded by supporters of the Varga family. The Varga family denied any role."
    at = text.index("Varga")
    family = _with_kin(Entity(at, at + len("Varga"), "ORG"), text)
    assert text[family.start : family.end] == "Varga family"
    assert kinds(ground(text)).get("Varga family") == "group"
    lawyers = "Ask Varga family lawyers first."  # no "the": a surname qualifying a noun
    at = lawyers.index("Varga")
    assert _with_kin(Entity(at, at + 5, "ORG"), lawyers).end == at + 5


def test_a_body_named_for_two_fields_is_one_name() -> None:
    text = "It was led by Anna Berg of the Keller School of Marine and Atmospheric Science at the University of Leeds."
    first, second = text.index("the Keller"), text.index("Atmospheric")
    found = (
        Entity(first, text.index(" and Atmospheric"), "ORG"),
        Entity(second, second + len("Atmospheric Science"), "PERSON"),
    )
    (joined,) = _bodies_of_two_fields(found, text)
    assert text[joined.start : joined.end] == "the Keller School of Marine and Atmospheric Science"
    pair = "She studied at the University of Bristol and UC Davis."
    bristol, davis = pair.index("the University"), pair.index("UC Davis")
    two = (Entity(bristol, pair.index(" and UC"), "ORG"), Entity(davis, davis + len("UC Davis"), "PERSON"))
    assert len(_bodies_of_two_fields(two, pair)) == 2  # a name in capitals is no field of study


def test_an_oil_field_is_a_place_and_a_chair_makes_a_body() -> None:
    assert grammar_kind("Borvik Sand", "Output\n\nOutput at the Borvik Sand oil field rose by 4 percent.") == "place"
    relief = "Relief\n\nVelmar Aid chair Tom Hale said food was needed on Sunday."
    assert grammar_kind("Velmar Aid", relief) == "organization"


def test_a_list_of_four_after_a_locative_is_of_places_when_one_is_read_as_a_place() -> None:
    fire = "Fire\n\nCrews were sent from Ardmore, Kelso, Tullow, and Bodmin after the alarm on Sunday."
    assert {name: grammar_kind(name, fire) for name in ["Kelso", "Tullow", "Bodmin"]} == dict.fromkeys(
        ["Kelso", "Tullow", "Bodmin"], "place"
    )
    people = "Awards\n\nMessages came from Ann Lee, Tom Hale, Joe Bright, and Dan Reeve on Sunday."
    assert grammar_kind("Ann Lee", people) != "place"  # no name of the list is a place


def test_said_via_a_platform_and_an_estuary() -> None:
    assert grammar_kind("Chirpwire", "Vote\n\nThe minister said via Chirpwire that the vote would go ahead.") == (
        "organization"
    )
    assert kind_cue("the Tarran Estuary") == "city"


def test_in_a_persons_film_is_no_place_use() -> None:
    text = "Film\n\nA film by Ann Lee opened. Critics were moved by what they saw in Ann Lee's film."
    assert written_as_place("Ann Lee", text)  # as the words read, without knowing whose name it is
    assert not written_as_place("Ann Lee", text, possessives=False)


def test_a_platform_a_mediums_reporter_and_a_place_called_so() -> None:
    assert grammar_kind("Streamly", "Leak\n\nThe clip spread on the video platform Streamly within hours.") == (
        "organization"
    )
    assert grammar_kind("Kestrel News", "Flood\n\nA Kestrel News reporter in the town said roads were shut.") == (
        "organization"
    )
    assert grammar_kind("Cobbles", "Protest\n\nThe men met in a square known as the Cobbles near the station.") == (
        "place"
    )


def test_a_persons_trade_or_a_name_hung_on_it_says_no_body() -> None:
    assert grammar_kind("Ann Velez", "Toilets\n\nIt was tested for a year. Co-developer Ann Velez said it worked.") != (
        "organization"
    )
    summit = (
        "Summit\n\nThe summit drew the leaders of Belgium, Spain, Portugal, and France, and Council chief Ann Velez."
    )
    assert grammar_kind("Ann Velez", summit) != "place"
    # "Tom Hale of the Varga Foundation, said it": a parse that hangs the foundation on him as an apposition
    words = ["Tom", "Hale", "of", "the", "Varga", "Foundation", ",", "said", "it", "."]
    doc = Doc(
        parse("x").vocab,
        words=words,
        heads=[1, 7, 1, 5, 5, 1, 5, 7, 7, 7],
        deps=["compound", "nsubj", "prep", "det", "compound", "appos", "punct", "ROOT", "dobj", "punct"],
        tags=["NNP", "NNP", "IN", "DT", "NNP", "NNP", ",", "VBD", "PRP", "."],
        lemmas=words,
    )
    assert _described(doc[1], person=False) == "organization"  # as a body's name it would be described so
    assert _described(doc[1], person=True) is None


def test_a_corps_is_a_body_and_a_monument_a_site() -> None:
    assert kind_cue("Kestrel Marine Corps") == "organization" and kind_cue("the Varga Monument") == "site"


def test_what_a_platform_holds_names_it_and_a_read_person_keeps_a_trade() -> None:
    text = "Event\n\nAccording to a Chirpwire post by the organiser, five people were hurt."
    assert grammar_kind("Chirpwire", text) == "organization"
    assert grammar_kind("Chirpwire", "Row\n\nThe club said on its Chirpwire account that it was sorry.") == (
        "organization"
    )
    assert grammar_kind("Kestrel", "Race\n\nKestrel posts dropped, the rider said.") is None  # no article before
    text = 'Reaction\n\nThe fire was out by noon. Broadcaster Piers Holloway commented, "The men were heroes."'
    assert not described_as_organization("Piers Holloway", text)  # the recognizer reads a person (no given name)


def test_a_platform_written_on_after_a_quote_or_a_saying_verb_is_a_body() -> None:
    for text in (
        'The mayor, Ann Velez, wrote on Quillet that the bridge would reopen. "We will rebuild," Velez said.',
        'Velez replied within minutes: "WE WILL REBUILD!" on Quillet. She spoke again on Monday.',
        "Velez took to social media, posting at 9:10 am local time (0810 UTC) on Quillet, that the bridge was safe.",
    ):
        assert grammar_kind("Quillet", text) == "organization", text


def test_a_state_the_parser_lists_with_people_is_no_person() -> None:
    text = "A couple from Ohio, Richard and Lisa Varne, drove for 14 hours to reach the rally on Saturday."
    assert grammar_kind("Ohio", text) != "person"


def test_a_natural_feature_written_head_first_is_a_place() -> None:
    for name in ("Lake Orla", "Mount Kessel", "Strait of Varno", "Gulf of Orlin"):
        assert kind_cue(name) == "city", name
    for name in ("Gulf Air", "Delta Air Lines", "River Plate", "Lake Orla Fisheries Organization"):
        assert kind_cue(name) != "city", name
