"""A name that opens with a given name of some country, or a surname then a given name, is a person's where the
recognizer reads an organization and nothing else in the article says which (rules/given_names.py, from faker's
name lists). Every text here is written for these tests; the people are fictional."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.nlp.entities import entities, recognizes
from summarizer.rules.given_names import is_given_name, personal_name
from tests.scripted_names import ground_names


@pytest.mark.parametrize(
    "name",
    ["Arthur Cabrelo", "Péter Lakatosné", "Szabó Péter", "Nagy Eszter", "Ana María Quispe"],
)
def test_a_name_with_a_given_name_in_its_place_is_a_persons(name: str) -> None:
    assert personal_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "Lockheed Martin",  # a founder's surname, then a given name: no surname opens it
        "Siemens Gamesa",
        "Erste Bank",
        "Georgia Power",  # a given name that is also a state says nothing
        "Victoria Mills",
        "Arthur",  # one word
        "Arthur & Sons",
    ],
)
def test_a_body_or_a_place_is_no_persons_name(name: str) -> None:
    assert not personal_name(name)


def test_a_country_or_a_capital_is_no_given_name() -> None:
    assert is_given_name("Arthur") and not is_given_name("Georgia") and not is_given_name("Paris")


@pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")
def test_the_brief_types_a_foreign_name_the_recognizer_misreads_as_a_person() -> None:
    text = "Striker Moves\n\nThe money will pay for Tomasz Wielgosz's replacement, the club said on Friday."
    assert "Tomasz Wielgosz's" in [text[e.start : e.end] for e in entities(text) if e.label == "ORG"]
    for model_org in ([], ["Tomasz Wielgosz"]):  # the recognizer's name, then the model's
        out = ground_names(text, [], model_org, [], published=date(2026, 12, 6))
        who = {a.name: a.kind for a in out.who}
        assert who.get("Tomasz Wielgosz") == "person", who


@pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")
def test_a_persons_name_the_recognizer_reads_as_a_building_is_a_person() -> None:
    text = (
        "Norway Wins\n\nNorway beat France 34-31 on Sunday. "
        "France's Estelle Nze Varno was named the tournament's most valuable player."
    )
    assert any(e.label == "FAC" and text[e.start : e.end] == "Estelle Nze Varno" for e in entities(text))
    out = ground_names(text, [], [], [], published=date(2026, 12, 6))
    assert {a.name: a.kind for a in out.who}.get("Estelle Nze Varno") == "person"
    assert "Estelle Nze Varno" not in {p.name for p in out.where}


@pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")
def test_the_models_organization_with_a_given_name_the_recognizer_left_unread_is_a_person() -> None:
    text = "Prize Awarded\n\nThe jury gave the award to Mehmet Yildiz on Monday, and the crowd cheered."
    assert not any(text[e.start : e.end] == "Mehmet Yildiz" for e in entities(text))
    out = ground_names(text, [], ["Mehmet Yildiz"], [], published=date(2026, 12, 6))
    assert {a.name: a.kind for a in out.who}.get("Mehmet Yildiz") == "person"
