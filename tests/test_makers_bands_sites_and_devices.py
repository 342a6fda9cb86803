"""Names the eleventh round of news filed wrongly, by kind of sentence rather than by article: a person named before
a work ("the Tom Varne film") is its maker or star, not a place or a body; a work after its genre ("the romantic
comedy X"); a band after "supergroup"; what a website or a database belongs to is an organization; a name a sentence
says is a device or a system ("X is a ship-to-ship safety system") is a product at every use. A given name that is
also a small country's division ("Paul", a municipality of Cape Verde) still opens a person's name. One end of a
journey whose other end is a country or a capital ("airlifted from Varnsk to Berlin") is a place. An event a year
holds ("the sixth annual X"), a work after "release" or "solo", a prefixed ship's own name, and a title after a
capital "The" inside a sentence ("a report by The Atlantic").

Every text here is written for these tests. spaCy's real English pipeline reads them; no model is involved.
"""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.nlp.entities import recognizes
from summarizer.rules.given_names import personal_name
from summarizer.rules.kinds import kind_cue, written_as_place
from summarizer.rules.places import is_territory
from summarizer.rules.things import find_things
from tests.scripted_names import ground_names, kinds_of

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")

TEXT = (
    "The actress Ann Orrel died on Monday at her home in Leeds. Though she was praised for the 1962 romantic comedy "
    "Harbour Lights, critics preferred her part in the Tom Varne film Night Ferry. Later she sang with the "
    "supergroup Glass Orchard, who recorded one album. Her last role was in a Tom Varne film too."
)


def kinds(text: str) -> dict[str, str]:
    return kinds_of(ground_names(text, [], [], [], published=date(2026, 12, 7)))


def test_a_person_named_before_a_work_is_its_maker_and_a_work_follows_its_genre() -> None:
    found = kinds(TEXT)
    assert found.get("Tom Varne") == "person", found
    assert found.get("Harbour Lights") == "other:work", found
    assert found.get("Glass Orchard") == "organization", found


def test_what_a_website_belongs_to_is_a_body_and_a_described_system_a_product() -> None:
    text = (
        "The cargo ship has not been seen since December. Ships broadcast their position by radio. AIS is a "
        "ship-to-ship safety system, but satellites can read it too. Marine Harbour's website showed its last AIS "
        "contact on Tuesday, and Marine Harbour's database showed no port call since."
    )
    found = kinds(text)
    assert found.get("AIS") == "other:product", found
    assert found.get("Marine Harbour") == "organization", found


def test_only_a_name_the_sentence_opens_with_is_the_device_it_describes() -> None:
    text = "The phone made by Varncom is a device for calls over the internet. Vela is a drug for migraine."
    found = {text[m.start : m.end]: m.kind for m in find_things(text, "en")}
    assert found.get("Vela") == "product"
    assert "Varncom" not in found


def test_a_small_countrys_division_does_not_hide_a_given_name() -> None:
    assert personal_name("Paul Rivera") and personal_name("Bruce Tanner")
    assert not personal_name("Florida Highway Patrol") and not personal_name("Victoria Park")


def test_a_quarter_of_a_former_state_is_a_land_and_suffering_from_a_disease_speaks_of_illness() -> None:
    assert is_territory("Southern Rhodesia") and is_territory("South Vietnam") and is_territory("the Soviet Union")
    assert not is_territory("North Carolina") and not is_territory("Eastern Europe") and not is_territory("West Ham")
    text = "The actor, then visibly suffering from HIV, appeared on the show in 1985."
    assert {text[m.start : m.end]: m.kind for m in find_things(text, "en")}.get("HIV") == "disease"


def test_one_end_of_a_journey_to_or_from_a_country_or_capital_is_a_place() -> None:
    text = "The patient was airlifted from Varnsk to Berlin on Monday. Doctors at the Varnsk hospital said little."
    assert written_as_place("Varnsk", text)
    assert written_as_place("Orlby", "Flights from Paris to Orlby resumed. Orlby airport reopened.")
    assert not written_as_place("Varncom", "A memo from Varncom to its staff leaked. Varncom declined to comment.")


def test_an_annual_event_a_release_or_solo_and_a_prefixed_ships_own_name() -> None:
    def found(text: str) -> dict[str, str]:
        return {text[m.start : m.end]: m.kind for m in find_things(text, "en")}

    assert found("Thousands came to the sixth annual Orlin Boat Fair in May.").get("Orlin Boat Fair") == "event"
    assert found("The annual Varncom report was late.") == {}  # the name qualifies the report
    text = "He played the guitar solo Night Rain, and the 2009 release Harbour Lights sold well."
    assert found(text).get("Night Rain") == "work" and found(text).get("Harbour Lights") == "work"
    ship = found("Divers found the U.S.S. Kestrel last June. The Kestrel sank in 1944.")
    assert ship.get("U.S.S. Kestrel") == "product" and ship.get("Kestrel") == "product"
    named_for = found("The MV Ada Orrel docked in Malta. Ada Orrel was a nurse who drowned in 1915.")
    assert named_for == {"MV Ada Orrel": "product"}  # the person the ship was named for stays a person


def test_a_name_every_use_of_which_follows_a_capital_the_inside_a_sentence_is_a_title() -> None:
    assert kinds("According to a report by The Atlantic, the firm kept a database in Brooklyn.").get("Atlantic") == (
        "organization"
    )
    assert kinds("Storms crossed the Atlantic on Monday.").get("Atlantic") == "place:region"
    assert kinds("The court in The Hague ruled on Monday.").get("The Hague", "").startswith("place")


def test_a_base_is_a_site_even_named_for_a_general() -> None:
    assert kind_cue("General Tom Varne Base") == "site" and kind_cue("Orlin Air Force Base") == "site"
    assert kind_cue("General Tom Varne") == "person"
