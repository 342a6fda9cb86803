"""Names that are neither who nor where, from the tenth round of news: a day named for what happens on it ("Super
Tuesday", "International Women's Day"), a time zone by its full name, a storm's own name after "Hurricane X", a
disease code where someone is diagnosed with it or dies of it, a country's leaving a union ("Brexit"), a ship by its
prefix ("MV X") and a journal someone "published a study in".

Every text here is written for these tests; rules/things.py reads them (no model, no parse).
"""

from __future__ import annotations

from summarizer.rules.things import find_things


def things(text: str) -> dict[str, str]:
    return {text[m.start : m.end]: m.kind for m in find_things(text, "en")}


def test_a_day_named_for_what_happens_on_it_is_an_event() -> None:
    text = (
        'Voters in nine states go to the polls on Super Tuesday. The day is called "Market Sunday" in the town. '
        "Shops closed on International Women's Day. Police said on Monday, and again last Friday, that Early "
        "Sunday patrols would go on."
    )
    found = things(text)
    assert found.get("Super Tuesday") == "event" and found.get("Market Sunday") == "event"
    assert found.get("International Women's Day") == "event"
    assert not {"Monday", "last Friday", "Early Sunday", "Friday", "Sunday"} & set(found)


def test_a_time_zone_by_its_full_name() -> None:
    found = things("The vote closes at 20:00 Central European Time, or 14:00 Eastern Standard Time.")
    assert found.get("Central European Time") == "time_zone" and found.get("Eastern Standard Time") == "time_zone"
    assert things("The show airs in prime time on Channel Nine.") == {}


def test_a_storms_own_name_after_its_storm_word_is_the_storm() -> None:
    text = "Hurricane Velma made landfall with winds of 120 mph on Monday. Velma then weakened over land."
    found = things(text)
    assert found.get("Hurricane Velma") == "event" and found.get("Velma") == "event"


def test_a_disease_code_someone_is_diagnosed_with_or_dies_of() -> None:
    assert things("The singer was diagnosed with ZEV-21 in May.").get("ZEV-21") == "disease"
    assert things("A council member died of ZEV-21, the ministry said.").get("ZEV-21") == "disease"
    assert things("The ministry bought twelve KAI-50 trainers.") == {}


def test_a_countrys_leaving_a_union_is_an_event() -> None:
    assert things("Parliament was suspended ahead of the Brexit deadline.").get("Brexit") == "event"


def test_a_ship_by_its_prefix_and_a_journal_someone_published_in() -> None:
    found = things(
        "Their ship, MV Orla Dene, was once HMS Kestrel. The team published a study in Reef Letters, a journal."
    )
    assert found.get("MV Orla Dene") == "product" and found.get("HMS Kestrel") == "product"
    assert found.get("Reef Letters") == "work"
    assert things("Fans of SS Varno and MS Ada Kell cheered.") == {}  # a club's or a person's initials


def test_an_events_name_is_the_event_at_every_use() -> None:
    text = 'The line was opened ahead of Harbour Day. Banners read "Harbour Day Parade" along the quay.'
    spans = [(m.start, m.kind) for m in find_things(text, "en")]
    assert [(text.index("Harbour Day"), "event"), (text.rindex("Harbour Day"), "event")] == spans


def test_a_numbered_act_and_a_disease_by_its_acronym() -> None:
    found = things("The licence was granted under Republic Act No. 8120 in 1996.")
    assert found.get("Republic Act No. 8120") == "law"
    found = things("The outbreak of ZARS, SARS and MERS spread as an epidemic. Doctors fear SARS may return.")
    assert found.get("MERS") == "disease" and found.get("SARS") == "disease" and "ZARS" not in found
    assert things("The AIDS Relief Fund, which fights the disease, said so.") == {}  # a body's name


def test_a_disease_code_of_a_family_another_code_of_which_is_a_disease() -> None:
    found = things("The ZEV-19 outbreak infected thousands. For context, ZEV-20 has a basic R0 of 3.")
    assert found.get("ZEV-20") == "disease"
    assert things("The FAA grounded the F-16 fleet. KAI-50 trainers flew.") == {}
