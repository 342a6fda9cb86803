"""A name's kind from constructions around it (nlp/kind_evidence.py): a medium, a listener, a list, an address.

The sentences are written for these tests (CC0; fictional people, bodies and
works, real places). spaCy's real English pipeline reads them; no model is
involved. Each pairs a construction with one that must not fire.
"""

from __future__ import annotations

from summarizer.nlp.kind_evidence import grammar_kind, joined_people


def test_a_medium_after_a_verb_of_making_public() -> None:
    text = "The coastguard indicated on Chirper that two sailors were missing. Rescuers searched the bay."
    assert grammar_kind("Chirper", text) == "organization"
    quoted = '"We will not stop," wrote organiser Tomas Reyvik on Chirper. "The march goes on."'
    assert grammar_kind("Chirper", quoted) == "organization"  # "on X" hung on the subject after its verb


def test_a_participle_object_is_no_apposition() -> None:
    text = "Speaking to Harbour Wire Service, the head of the dockworkers union said the strike would go on."
    assert grammar_kind("Harbour Wire Service", text) != "person"
    described = "Ola Brenner, a spokeswoman for the dockworkers union, said the strike would go on."
    assert grammar_kind("Ola Brenner", described) == "person"  # a real apposition still speaks


def test_who_was_told_is_no_place() -> None:
    text = 'Shopper Ana Ruiz told The Atlantic, "We are tired of the queues." Prices rose again in May.'
    assert grammar_kind("Atlantic", text) == "organization"
    sailed = "The yacht crossed the Atlantic in May. Its crew said the Atlantic was calm."
    assert grammar_kind("Atlantic", sailed) != "organization"


def test_a_name_in_a_list_of_people() -> None:
    text = (
        "Egyptian Foreign Minister Sameh Shoukry and his Greek, Cypriot and French counterparts, Nikos Dendias, "
        "Nikos Varvaris and Jean-Yves Le Drian, respectively, gathered in Cairo on Wednesday."
    )
    assert grammar_kind("Nikos Varvaris", text) == "person"


def test_a_state_after_its_town_and_a_trip_from_a_place() -> None:
    text = (
        "One driver was from Tulsa, Oklahoma, the other from Reno, Nevada. "
        "The choir had been travelling from Louisiana to Sunny Acres Resort when the bus crashed."
    )
    assert grammar_kind("Oklahoma", text) == "place"
    assert grammar_kind("Sunny Acres Resort", text) == "place"
    listed = "Paris, Lyon and Nice bid for the games. Orvana, the carmaker, said it would sponsor them."
    assert grammar_kind("Orvana", listed) != "place"


def test_a_work_qualified_by_its_own_name() -> None:
    text = "Leaders opened the Baltrix gas pipeline on Wednesday. The Baltrix pipeline carries gas to Poland."
    assert grammar_kind("Baltrix", text) == "place"


def test_two_people_joined_by_and_are_no_name() -> None:
    text = (
        "A court cleared Hana Lindqvist and Tomas Okafor of fraud on Monday. Lindqvist, a former aide, had appealed. "
        "The judges said Lindqvist and Okafor's actions were not theft. Okafor said he was relieved."
    )
    assert joined_people("Lindqvist and Okafor", text)
    assert not joined_people("Marks and Spencer", "Marks and Spencer cut prices. Marks and Spencer said sales rose.")
