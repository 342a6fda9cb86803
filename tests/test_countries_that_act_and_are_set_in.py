"""A country the article both sets events in and has act ("The United States has the most cases", "cases rose in
the United States") is in `who` and in `where`; one it only sets events in stays a place. A sentence that opens
with "The United States" names the country, not a body called "The United States". A nation's group ("the Afghan
Taliban") is no place, even listed with countries.

Every text here is written for these tests. spaCy's real English pipeline reads them; no model is involved.
"""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.brief.grounding import GroundedDraft
from summarizer.nlp.entities import recognizes
from summarizer.rules.places import is_country
from tests.scripted_names import ground_names

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")


def ground(text: str) -> GroundedDraft:
    return ground_names(text, [], [], [], published=date(2026, 12, 7))


def test_a_sentence_may_open_with_a_countrys_article() -> None:
    assert is_country("The United States") and is_country("the United States") and is_country("The Gambia")
    assert not is_country("The Guardian") and not is_country("The Beatles")


ACTS_AND_IS_SET_IN = (
    "Flood warnings were issued in Portugal on Monday after three days of rain. Portugal asked its neighbours "
    "for pumps and boats, and rivers in the north were expected to peak on Wednesday."
)


@pytest.mark.parametrize("model_names", [[], ["Portugal"]])  # the rules alone; a model that filed it as a body
def test_a_country_that_acts_and_is_a_setting_is_in_who_and_where(model_names: list[str]) -> None:
    out = ground_names(ACTS_AND_IS_SET_IN, [], model_names, [], published=date(2026, 12, 7))
    assert ("Portugal", "country") in {(a.name, a.kind) for a in out.who}
    assert ("Portugal", "country") in {(p.name, p.kind) for p in out.where}


def test_a_sentence_opening_with_the_country_makes_it_no_organization() -> None:
    text = (
        "Cases of the fever rose again in the United States last week. The United States has the most cases so "
        "far, and doctors in Ohio said clinics were full."
    )
    out = ground(text)
    assert {(a.name, a.kind) for a in out.who if "United States" in a.name} == {("United States", "country")}
    assert "United States" in {p.name for p in out.where}


def test_a_country_that_is_only_a_setting_stays_a_place() -> None:
    out = ground("Flood warnings were issued in Portugal on Monday. Rivers in the north were expected to peak.")
    assert "Portugal" not in {a.name for a in out.who}
    assert "Portugal" in {p.name for p in out.where}


def test_a_nations_group_listed_with_countries_is_no_place() -> None:
    text = (
        "The envoy resigned on Monday. He had clashed with the president over talks with North Korea, Iran and the "
        "Afghan Taliban, officials said. American Samoa and the Slovak Republic sent no one."
    )
    out = ground(text)
    kinds = {item.name: item.kind for item in [*out.who, *out.where]}
    assert kinds.get("Afghan Taliban") == "organization"
    assert "American Samoa" in {p.name for p in out.where}
