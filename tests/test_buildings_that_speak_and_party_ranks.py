"""A building the article has say or decide something ("the White House released a summary", "Buckingham Palace
said") stands for the body in it: an organization in `who`. One that only stands there ("caught fire", "reopened")
or where something is set ("dined at the palace") stays a site in `where`. A party rank a model writes with a
name ("Senate Minority Whip Tom Varne") says who the person is.

Every text here is written for these tests. spaCy's real English pipeline reads them; no model is involved unless
a test scripts one.
"""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.nlp.entities import recognizes
from tests.scripted_names import ground_names

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")

SPEAKS = (
    "The king will not attend the summit in Oslo next week. Varne Palace announced the decision on Monday, and "
    "Varne Palace released a statement on his health the same evening."
)
SET_THERE = "Varne Palace announced on Monday that the king would host the leaders at Varne Palace in June."
STANDS = "Varne Palace caught fire on Monday. Varne Palace reopened to visitors on Friday, the city said."


def kinds(text: str, places: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    out = ground_names(text, [], [], places, published=date(2026, 12, 7))
    return {a.name: a.kind for a in out.who}, {p.name: p.kind for p in out.where}


@pytest.mark.parametrize("model_places", [[], ["Varne Palace"]])  # the rules alone; a model that filed it as a place
def test_a_building_that_speaks_is_the_body_in_it(model_places: list[str]) -> None:
    who, where = kinds(SPEAKS, model_places)
    assert who.get("Varne Palace") == "organization", (who, where)
    assert "Varne Palace" not in where


@pytest.mark.parametrize("text", [SET_THERE, STANDS])
def test_a_building_where_things_happen_stays_a_site(text: str) -> None:
    who, where = kinds(text, [])
    assert where.get("Varne Palace") == "site", (who, where)
    assert "Varne Palace" not in who


RANKED = (
    "Senate Minority Whip Tom Varne said the plan would fail. Senate Majority Leader Ada Orrel agreed, and the "
    "Opposition Leader Ola Brenn called it a stunt. Varne spoke again on Monday."
)


@pytest.mark.parametrize("filed_as", ["people", "organizations"])
def test_a_party_rank_before_a_name_is_who_the_person_is(filed_as: str) -> None:
    """A model that writes the rank with the name ("Senate Minority Whip Tom Varne") names the person."""
    names = ["Senate Minority Whip Tom Varne", "Senate Majority Leader Ada Orrel"]
    out = ground_names(RANKED, names if filed_as == "people" else [], names if filed_as == "organizations" else [], [])
    kinds = {a.name: a.kind for a in out.who}
    assert kinds.get("Tom Varne") == "person" and kinds.get("Ada Orrel") == "person", kinds
    assert not any("Senate" in name for name in kinds), kinds


def test_a_cardinal_of_a_body_and_a_shared_role_before_a_name_are_the_person() -> None:
    text = (
        "Cardinal Tom Brell of the Holy See said the rules would apply at once. Co-developer Ada Orrel said the "
        "coating was cheap. Brell spoke again on Monday, and Cardinal Health said its shares rose."
    )
    out = ground_names(text, ["Cardinal Tom Brell of the Holy See", "Co-developer Ada Orrel"], ["Cardinal Health"], [])
    kinds = {a.name: a.kind for a in out.who}
    assert kinds.get("Cardinal Tom Brell") == "person" and kinds.get("Ada Orrel") == "person", kinds
    assert kinds.get("Cardinal Health") == "organization", kinds  # a company the title word opens


def test_a_chambers_post_read_with_its_holders_name_is_the_person_and_a_post_is_no_place() -> None:
    """The recognizer reads "the House Ola Brenn" as one body; a model may file "Speaker of the House" as a place."""
    text = "Speaker of the House Ola Brenn said on Monday the vote would go ahead in Washington."
    out = ground_names(text, [], [], ["Speaker of the House", "Washington"])
    kinds = {a.name: a.kind for a in out.who}
    assert kinds.get("Ola Brenn") == "person", kinds
    assert not any("House" in name for name in kinds), kinds
    assert {p.name for p in out.where} == {"Washington"}


def test_a_given_name_a_model_files_as_a_place_beside_the_persons_full_name_is_the_person() -> None:
    text = (
        "Governor Tom Varne said he and his wife First Lady Melania Varne tested positive for the virus. He wrote on "
        'Twitter, "Tonight, [Melania] and I tested positive." Floods hit Victoria on Monday.'
    )
    out = ground_names(text, [], [], ["Melania", "Victoria"])
    who = {a.name: a.kind for a in out.who}
    assert who.get("Melania") == "person" and "Melania" not in {p.name for p in out.where}, (who, out.where)
    assert "Victoria" in {p.name for p in out.where}  # a state's name, which says nothing of a person
