"""Kinds from the seventh and eighth rounds of news: a name whose "Al" may be an article keeps the recognizer's
label, a people named in the plural beside its adjective is a group, a railway is a body, a name before a station or
an airport is where one is, a post with a whole name after it makes a person's name, a province or a rainforest after
a possessive or "the" is a place, a body's name in its own language is a body's, and a firm's arm in a country
("Kestrava USA" beside "Kestrava") is a body, a "... Center" is a body or a site as the article uses it, and a body named "... for the X" is one name.

Every text here is written for these tests (fictional people, outlets, movements, railways and places). spaCy's real
English pipeline reads them; no model is involved.
"""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.brief.grounding import GroundedDraft
from summarizer.nlp.entities import entities, recognizes
from summarizer.nlp.kind_evidence import grammar_kind
from summarizer.nlp.usage import is_plural_name
from summarizer.rules.given_names import opens_with_article, personal_name
from summarizer.rules.kinds import kind_cue, national_arm, site_or_body
from tests.scripted_names import ground_names

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")


def ground(text: str) -> GroundedDraft:
    return ground_names(text, [], [], [], published=date(2026, 12, 7))


def kinds(out: GroundedDraft) -> dict[str, str]:
    return {item.name: item.kind for item in [*out.who, *out.where]}


def test_a_name_that_may_open_with_an_article_is_no_persons_name_by_its_first_word() -> None:
    assert personal_name("Al Qasira") and opens_with_article("Al Qasira")  # "Al": a given name, or the article
    assert opens_with_article("El Tiempo Nuevo") and not opens_with_article("Alan Reeve")
    assert not opens_with_article("")


def test_the_plural_of_a_word_written_before_a_noun_names_a_people() -> None:
    text = (
        "Local leaders said the Varnis had taken the valley in March. Varni fighters held the roads for a week, and "
        "the town was recaptured from the Varnis in May."
    )
    assert is_plural_name("Varnis", text)
    assert kinds(ground(text)) == {"Varnis": "group"}
    assert not is_plural_name("Williams", "Prince William opened the hall. Williams said it was a fine day.")
    assert not is_plural_name("Dorrins", "The Dorrins shop sells bread.")  # no "Dorrin" before a noun


def test_a_railway_is_a_body_by_its_name() -> None:
    assert kind_cue("North Coast Railway") == "organization"
    assert kind_cue("Kessel Valley Railroad") == "organization"
    assert kind_cue("Railway Street") == "site"  # a street's name, first


def test_a_name_before_a_station_or_an_airport_is_where_one_is() -> None:
    text = "The train left Varnock Junction railway station at noon and reached Ellery Cross station at two."
    assert grammar_kind("Varnock Junction", text) == "place"
    assert grammar_kind("Ellery Cross", text) == "place"
    assert grammar_kind("Dunmore", "The plane landed at Dunmore airport on Sunday.") == "place"
    broadcast = "The interview was aired by a Kestrel station on Sunday, and Kestrel said it stood by it."
    assert grammar_kind("Kestrel", broadcast) != "place"  # "a X station": a broadcaster's


def test_a_post_with_a_whole_name_after_it_is_a_persons_name() -> None:
    assert kind_cue("Varno Divisional Railway Manager Ann Lee") == "person"
    assert kind_cue("Varno Film Director Ann Lee") == "person"
    assert kind_cue("Film Director Guild") is None  # no whole name after the post
    assert kind_cue("Asset Manager Holdings") == "organization"


def test_an_area_noun_after_a_possessive_or_the_makes_a_place() -> None:
    text = "A car bomb hit a base in Varnia's Dorrin Keld province on Monday, officials of the province said."
    assert grammar_kind("Dorrin Keld", text) == "place"
    forest = "Fires are destroying the Kessel rainforest, and Kessel smoke reached the coast."
    assert grammar_kind("Kessel", forest) == "place"
    chain = "Britain's Holloway group said it would close stores."
    assert grammar_kind("Holloway", chain) == "organization"


def test_a_bodys_name_in_its_own_language_is_a_bodys() -> None:
    assert kind_cue("Oberster Varnagerichtshof") == "organization"  # a German compound's head, last
    assert kind_cue("Landesgericht Varno") == "organization"
    assert kind_cue("Tribunal Supremo de Varnia") == "organization"  # a Spanish or French head, first
    assert kind_cue("Cour de cassation") == "organization"
    assert kind_cue("Chris Eubank") is None and kind_cue("Murat Yilmaz") is None  # heads that end names too


def test_a_firms_arm_in_a_country_is_a_body_when_the_firm_is_named_alone_too() -> None:
    text = (
        "The senator sued his accountants Kestrava USA to stop the release. He asked the court to keep Kestrava "
        "from handing over the files. Trade with Latin America and South Sudan grew, officials in New Mexico said."
    )
    assert national_arm("Kestrava USA", text) and national_arm("Kestrava", text)
    assert not national_arm("Latin America", text) and not national_arm("South Sudan", text)
    assert not national_arm("New Mexico", text)
    assert not national_arm("Kestrava USA", "The senator sued Kestrava USA on Monday.")  # no firm alone
    assert kinds(ground(text)).get("Kestrava USA") == "organization"


def test_a_center_that_reports_is_a_body_and_one_patients_go_to_a_site() -> None:
    agency = "In an advisory on Monday the Kessel Storm Center (KSC) reported the storm had strengthened."
    assert site_or_body("Kessel Storm Center") and not site_or_body("Kessel Stadium")
    assert kinds(ground(agency))["Kessel Storm Center"] == "organization"
    assert kinds(ground_names(agency, [], [], ["Kessel Storm Center"]))["Kessel Storm Center"] == "organization"
    hospital = "Patients were taken to the Kessel Medical Center in Orlin on Monday."
    assert kinds(ground_names(hospital, [], ["Kessel Medical Center"], []))["Kessel Medical Center"] == "site"


def test_a_body_named_for_the_x_is_one_body() -> None:
    text = "The judge of the Varnia District Court for the Northern District of Kessel ruled on Monday."
    names = [(text[e.start : e.end], e.label) for e in entities(text)]
    assert ("Varnia District Court for the Northern District of Kessel", "ORG") in names
    assert not any(name == "Northern District" for name, _ in names)
    office = "The Office for the Protection of Dorrin Lakes said the water was safe."
    assert ("Office for the Protection of Dorrin Lakes", "ORG") in [
        (office[e.start : e.end], e.label) for e in entities(office)
    ]
    trip = "She flew to Orlin for the summit."
    assert all("summit" not in trip[e.start : e.end] for e in entities(trip))
