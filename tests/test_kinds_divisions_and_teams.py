"""Kinds from general grammar and gazetteers: a state or province the recognizer misreads stays a place, names listed
with a plural place noun or a place after "in" are places, "the state of X" and "the people of X" set X, a
singular name with a plural verb is a side, a cricket margin scores a match, and a match's score ends a name.

Every text here is written for these tests (fictional clubs, firms and people; real states and towns, which the
gazetteer must know). spaCy's real English pipeline reads them; no model is involved.
"""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.brief.english_names import _named_after_place, _surname_of_someone, _two_places
from summarizer.brief.grounding import GroundedDraft
from summarizer.brief.recognized import _without_home
from summarizer.nlp.entities import Entity, entities, recognizes
from summarizer.nlp.kind_evidence import division_misread, grammar_kind
from summarizer.rules.kinds import kind_cue, written_as_place
from summarizer.rules.places import listed_as_places
from summarizer.rules.things import find_things
from tests.scripted_names import ground_names

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")

MONSOON = (
    "Monsoon floods cut roads in the north-east\n\n"
    "Weather officials forecast more heavy rain over Assam, Meghalaya and Arunachal Pradesh until Sunday, after "
    "floods cut three highways on Friday. Relief minister Tarun Bezbarua said 40 camps had opened."
)


def ground(text: str, people: list[str], organizations: list[str], places: list[str]) -> GroundedDraft:
    return ground_names(text, people, organizations, places, published=date(2026, 12, 6))


def test_states_the_recognizer_reads_as_bodies_stay_places() -> None:
    labels = {text: e.label for e in entities(MONSOON) if (text := MONSOON[e.start : e.end]) in {"Assam", "Meghalaya"}}
    assert set(labels.values()) - {"GPE", "LOC"}, labels  # the recognizer misreads at least one of them
    out = ground(MONSOON, [], [], [])
    where = {p.name for p in out.where}
    assert {"Assam", "Meghalaya", "Arunachal Pradesh"} <= where, where
    assert not {"Assam", "Meghalaya", "Arunachal Pradesh"} & {a.name for a in out.who}


def test_the_models_state_filed_as_an_organization_moves_to_where() -> None:
    out = ground(MONSOON, [], ["Meghalaya"], [])
    assert "Meghalaya" in {p.name for p in out.where}
    assert "Meghalaya" not in {a.name for a in out.who}


def test_a_division_only_inside_other_names_or_a_persons_surname_is_no_place() -> None:
    assert division_misread("Haryana", "Floods\n\nRoads were closed across Haryana on Friday.")
    assert not division_misread("Haryana", "Sales\n\nHaryana Steel said sales rose. Haryana Steel hired 20 staff.")
    assert not division_misread("Haryana", "Poll\n\nSara Haryana won the seat. Haryana said she was delighted.")
    assert not division_misread("Haryana", "Haryana floods\n\nThe storm was the worst in years, Ann Kerr said.")
    assert not division_misread("Kilcarn", "Floods\n\nRoads were closed across Kilcarn on Friday.")  # unknown name
    assert not division_misread("Devon", "Floods\n\nRoads were closed across Devon on Friday.")  # a given name too


def test_names_listed_before_a_plural_place_noun_are_places() -> None:
    text = "Vaccines\n\nThe shot was rolled out in Kebbi and Bayelsa states, with Oyo, Ekiti and Osun provinces next."
    listed = {text[s:e] for s, e in listed_as_places(text)}
    assert {"Kebbi", "Bayelsa", "Oyo", "Ekiti", "Osun"} <= {w for item in listed for w in item.split()}, listed
    assert "Bayelsa" in {p.name for p in ground(text, [], ["Bayelsa"], []).where}


def test_the_second_name_after_in_is_set_there_too() -> None:
    text = "Harvest\n\nFarmers in Punjab and Haryana expect a record crop, said Ravi Kapoor of the farmers' union."
    assert written_as_place("Haryana", text)
    text = "Deal\n\nBellmart has a 20 percent stake in Kestra and Dunmore, it said."
    assert not written_as_place("Dunmore", text)  # what is held is a company


@pytest.mark.parametrize(
    "text",
    [
        "Floods\n\nFloods in the north-eastern state of Varnia have killed 38 people, officials said.",
        '"This is a decision for the people of Varnia," said Ann Kerr. Voters backed the plan.',
        "Storm\n\nThe port of Varnia was closed on Monday, the coastguard said.",
    ],
)
def test_the_state_or_the_people_of_a_name_make_it_a_place(text: str) -> None:
    assert grammar_kind("Varnia", text) == "place"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Cup\n\nKilcarn were beaten in the final on Sunday, and the manager resigned.", "Kilcarn"),
        ("League\n\nThe referee was criticised. Kilcarn remain in seventh place after the defeat.", "Kilcarn"),
        ("League\n\nKilcarn, who were promoted last year, lost again on Friday.", "Kilcarn"),
        ("Cricket\n\nKilcarn defeated Dunmore by six wickets on the final day.", "Dunmore"),
        ("Cricket\n\nDunmore thrashed Kilcarn by an innings at the city ground.", "Kilcarn"),
    ],
)
def test_a_name_with_a_plural_verb_or_a_cricket_margin_is_a_side(text: str, name: str) -> None:
    assert grammar_kind(name, text) == "organization"


@pytest.mark.parametrize(
    "text",
    [
        "Prices\n\nBellmart cut prices on Monday, the retailer said.",  # a past tense like a plural present
        "Town\n\nKilcarn was flooded on Monday, and Kilcarn and Dunmore are cut off.",  # two names, one plural verb
        "Poll\n\nAnn Kerr won the seat. Kerr said she was delighted.",
    ],
)
def test_a_singular_verb_or_two_names_make_no_side(text: str) -> None:
    name = "Kerr" if "Kerr" in text else ("Bellmart" if "Bellmart" in text else "Kilcarn")
    assert grammar_kind(name, text) != "organization"


def test_a_matchs_score_ends_the_name_before_it() -> None:
    text = "League\n\nShamrock Rovers beat Kilcarn City 2-1 at home on Friday, the league said."
    names = [text[e.start : e.end] for e in entities(text)]
    assert not any(n.endswith("2-1") for n in names), names


def test_a_name_a_score_follows_is_a_side_and_no_product() -> None:
    text = "Results\n\nIn other results, Dunmore defeated Kilcarn 43–5, and Varnia knocked out Tarnow 32–22."
    assert grammar_kind("Tarnow", text) == "organization"
    who = {a.name: a.kind for a in ground(text, [], [], []).who}
    assert who.get("Kilcarn") == "organization" and who.get("Tarnow") == "organization", who  # not "Kilcarn 43"


@pytest.mark.parametrize("noun", ["drugmaker", "steelmaker", "refiner", "biotech"])
def test_a_firm_described_by_its_trade_is_an_organization(noun: str) -> None:
    text = f"Plant\n\nKestrava, the Danish {noun}, said it would build a plant. Kestrava hired 200 staff."
    assert grammar_kind("Kestrava", text) == "organization"


@pytest.mark.parametrize(
    "text",
    [
        "Orders\n\nState-owned Kestrava reported record orders last year, its chief executive said.",
        "Orders\n\nThe fund sold its shares in Kestrava on Monday, the filing showed.",
        "Orders\n\nNasdaq-listed Kestrava fell 4 percent on Monday.",
    ],
)
def test_owned_listed_or_held_names_are_companies(text: str) -> None:
    assert grammar_kind("Kestrava", text) == "organization"


def test_an_address_after_a_persons_age_is_a_place() -> None:
    text = "Court\n\nKieran Walsh, 51, of Kilcarn, was jailed for six years on Friday."
    assert grammar_kind("Kilcarn", text) == "place"


def test_a_dateline_in_capitals_with_a_plain_hyphen_is_where_the_story_was_filed() -> None:
    text = "KILCARN, March 3 (Wire) - Bellmart shares rose 2 percent on Monday, traders said."
    assert written_as_place("KILCARN", text)
    assert not written_as_place("Bellmart", "Bellmart, March 3 - shares rose on Monday.")  # not in capitals


def test_a_body_that_opens_its_name_before_a_title_is_an_organization() -> None:
    assert kind_cue("Directorate General of Inland Waterways") == "organization"
    assert kind_cue("Senate President Ana Ruiz") == "person"  # the body's officer, named last


def test_a_trade_noun_opening_the_sentence_is_no_part_of_the_name() -> None:
    text = (
        "Parts maker cuts jobs\n\n"
        "Supplier Kestrava said on Monday it would cut 900 jobs in Bavaria.\n\n"
        "Broadcaster Ann Velez, who hosted a morning show, said she would retire. Kestrava shares fell."
    )
    who = {a.name: a.kind for a in ground(text, [], [], []).who}
    assert who.get("Kestrava") == "organization", who  # not "Supplier Kestrava"
    assert who.get("Ann Velez") == "person", who  # a broadcaster by trade, named by her given name


def test_a_models_post_without_a_name_is_no_actor() -> None:
    text = (
        "Varnia budget passed\n\n"
        "Prime Minister of Varnia Ilse Brandt said on Monday that the budget had passed. The Prince of Wales "
        "visited the capital, Kilcarn, on Tuesday."
    )
    who = {a.name for a in ground(text, ["Ilse Brandt", "Prince of Wales"], ["Prime Minister of Varnia"], []).who}
    assert "Prime Minister of Varnia" not in who and "Ilse Brandt" in who, who
    assert "Prince of Wales" in who  # a title that names its holder


def test_a_name_of_two_words_that_reports_is_an_outlet_unless_a_persons() -> None:
    assert grammar_kind("Kestrel Vesti", "Shops\n\nKestrel Vesti reports that sales fell 3 percent.") == "organization"
    assert grammar_kind("Ann Velez", "Shops\n\nAnn Velez reports that sales fell 3 percent.") != "organization"


@pytest.mark.parametrize("name", ["Dorvik Solutions", "Kestrel Financial", "Varnia Resources", "Tarnow Services"])
def test_a_firm_named_for_its_business_is_an_organization(name: str) -> None:
    assert kind_cue(name) == "organization"


def test_named_trophies_revolutions_and_treaties_with_and_are_things() -> None:
    text = (
        "Varnia signs trade pact\n\n"
        "Kilcarn reached the final of the Varnia Trophy in the year of the Velvet Revolution. Varnia signed the "
        "Comprehensive Economic and Trade Agreement with Dunmore on Monday, said Ann Velez."
    )
    found = {text[t.start : t.end]: t.kind for t in find_things(text, "en")}
    assert found.get("Varnia Trophy") == "event" and found.get("Velvet Revolution") == "event", found
    assert found.get("Comprehensive Economic and Trade Agreement") == "law", found
    assert "Trade Agreement" not in found  # no piece of the treaty's name as a law of its own


def test_a_models_surname_the_recognizer_reads_as_a_body_is_the_persons() -> None:
    text = (
        "Governor resigns\n\n"
        "Tomas Lindqvist will be replaced by Ilse Marta Okonkwo Brandt, the state's justice secretary. In a "
        "statement, Okonkwo said she would serve until the election. The Honorable Ilse Okonkwo was sworn in on "
        "Friday at the Kilcarn courthouse."
    )
    assert _surname_of_someone("Okonkwo", text)  # written after a given name: "Ilse Marta Okonkwo Brandt"
    assert not _surname_of_someone("Kilcarn", text) and not _surname_of_someone("Ford", "Ford Motor said. Ford hired.")
    who = {a.name: a.kind for a in ground(text, ["Okonkwo", "Honorable Ilse Okonkwo"], [], []).who}
    honorable = [kind for name, kind in who.items() if name.endswith("Honorable Ilse Okonkwo")]
    assert honorable == ["person"], who  # "the Honorable": a title, no body's article


def test_a_persons_home_state_read_into_the_name_is_cut_off() -> None:
    text = "Primary\n\nSenator from Vermont Ilse Brandt has won 914 delegates, her campaign said."
    start = text.index("Vermont")
    cut = _without_home(Entity(start, start + len("Vermont Ilse Brandt"), "ORG"), text)
    assert (text[cut.start : cut.end], cut.label) == ("Ilse Brandt", "PERSON")
    start = text.index("Senator")
    kept = Entity(start, start + len("Senator from"), "ORG")
    assert _without_home(kept, text) == kept


def test_a_club_named_after_its_state_is_a_body_not_a_place() -> None:
    assert _named_after_place("Utah Kestrels", "Sport\n\nThe Utah Kestrels beat the Ohio Dunmores.")
    assert not _named_after_place("Ohio River", "Floods\n\nThe Ohio River rose.")  # a place's head
    assert not _named_after_place("Oklahoma City", "Storm\n\nOklahoma City was hit.")
    assert not _named_after_place("Kilcarn Town", "Sport\n\nKilcarn Town won.")  # no state, capital or country


def test_a_models_pair_of_places_is_no_actor() -> None:
    text = "Gas deal\n\nThe pipeline will run from Crete to Cyprus, said Ann Velez of Kestrava on Friday."
    who = {a.name for a in ground(text, ["Ann Velez"], ["Crete and Cyprus", "Kestrava"], []).who}
    assert "Crete and Cyprus" not in who and "Ann Velez" in who, who
    assert not _two_places("Trinidad and Tobago", "Talks\n\nTrinidad and Tobago signed the deal.")  # one country
