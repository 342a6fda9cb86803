"""Names the twelfth round of news filed wrongly, by kind of sentence rather than by article: a body whose name ends
in "Administration" or "Chamber" ("the Federal Ferry Administration administrator Ann Orrel"), a chamber named "House
of" its members ("served in the House of Delegates"), a crisis named in capitals ("the Varne Hostage Crisis"), the
platform someone answered on ("responded to the letter on Chirpr"), and the employer in capitals after a person's
name ("Ann Orrel, of VBN,"), where "Tom Varne, of Leeds," is still where he lives.

Every text here is written for these tests. spaCy's real English pipeline reads them; no model is involved.
"""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.nlp.entities import recognizes
from summarizer.rules.kinds import kind_cue
from tests.scripted_names import ground_names, kinds_of

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")


def kinds(text: str) -> dict[str, str]:
    return kinds_of(ground_names(text, [], [], [], published=date(2026, 12, 7)))


@pytest.mark.parametrize(
    "name",
    ["Federal Ferry Administration", "House of Delegates", "House of Lords", "Chamber of Deputies", "Orlin Chamber"],
)
def test_an_administration_a_chamber_and_a_house_of_its_members_are_bodies(name: str) -> None:
    assert kind_cue(name) == "organization"


@pytest.mark.parametrize("name", ["Orlin Opera House", "White House", "Calder Hall"])
def test_a_house_that_is_a_building_stays_a_site(name: str) -> None:
    assert kind_cue(name) == "site"


def test_a_chamber_one_served_in_is_a_body() -> None:
    found = kinds("Tom Varne served in the House of Delegates for twenty years before he retired.")
    assert found.get("House of Delegates") == "organization", found


def test_a_crisis_named_in_capitals_is_an_event_and_keeps_its_country() -> None:
    text = (
        "Tom Varne, who died on Saturday, helped six diplomats leave Iran in 1980 during the Varne Hostage Crisis. "
        "He later wrote two books about it."
    )
    found = kinds(text)
    assert found.get("Varne Hostage Crisis") == "other:event", found
    assert found.get("Iran") == "place:country", found


def test_the_platform_someone_answered_on_and_an_employer_in_capitals_are_bodies() -> None:
    text = (
        "Governor Ann Orrel, who appointed Tom Varne in 2017, responded to his letter on Chirpr within the hour. "
        "Lena Brell, of VBN, one of Varne's former students, said he was a patient teacher. "
        "Paul Dorn, of Leeds, said he was surprised."
    )
    found = kinds(text)
    assert found.get("Chirpr") == "organization", found
    assert found.get("VBN") == "organization", found
    assert found.get("Leeds") == "place:city", found


def model_kinds(text: str, people: list[str], organizations: list[str]) -> dict[str, str]:
    return kinds_of(ground_names(text, people, organizations, [], published=date(2026, 12, 7)))


def test_a_division_a_model_files_as_a_body_is_a_region_and_a_family_is_a_group() -> None:
    text = (
        "Students from Varna Oblast won three of the five prizes at the Orlin olympiad on Sunday. Varna Oblast paid "
        "for their travel. The Orrel family, who founded the prize, gave the medals."
    )
    found = model_kinds(text, ["Orrel family"], ["Varna Oblast"])
    assert found.get("Varna Oblast") == "place:city", found
    assert found.get("Orrel family") == "group", found


def test_a_countrys_post_a_model_files_as_a_body_names_no_one() -> None:
    text = "Tom Varne, a United States Senator for twelve years, said on Monday he would not run again."
    found = model_kinds(text, ["Tom Varne"], ["United States Senator"])
    assert "United States Senator" not in found, found
    assert found.get("Tom Varne") == "person", found


def test_a_name_joined_by_and_up_to_its_head_word_is_one_name() -> None:
    found = kinds(
        "The singer died on Friday at the Orrel Scott and Varne Medical Center in Calder. His brother died at the "
        "Navy's Research and Referral Hospital in 2001."
    )
    assert found.get("Orrel Scott and Varne Medical Center") == "place:site", found
    assert found.get("Navy's Research and Referral Hospital") == "place:site", found
    assert "Orrel Scott" not in found, found


def test_a_post_holder_named_after_the_country_of_the_post_is_the_person() -> None:
    found = kinds("Current Prime Minister of India Narendra Modi wrote that the country grieves.")
    assert found.get("Narendra Modi") == "person", found
    assert "India Narendra Modi" not in found, found


def test_a_legislature_by_its_own_name_is_a_body() -> None:
    found = kinds(
        "Ann Varma was elected to the Lok Sabha in 2004 and served two terms in the Rajya Sabha. The Knesset voted "
        "on Monday to dissolve itself."
    )
    assert found.get("Lok Sabha") == "organization", found
    assert found.get("Rajya Sabha") == "organization", found
    assert found.get("Knesset") == "organization", found


def test_a_day_named_for_someone_is_no_person_but_a_person_surnamed_day_is() -> None:
    assert kinds("He spent 15 years fighting for Tom Varne Jr. Day to be a holiday.").get("Tom Varne Jr. Day") != (
        "person"
    )
    found = kinds("Actress Ann Marie Day died on Sunday in Calder. Ann Marie Day starred in twenty films.")
    assert found.get("Ann Marie Day") == "person", found
