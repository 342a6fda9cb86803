"""A named storm is an event with no place of its own (the annotation guide's "Hurricane Dorian"), in the four
languages the rules cover: not a person, an organization or a place. Every sentence here is written for these
tests."""

from __future__ import annotations

import pytest

from summarizer.rules.things import find_things


def _found(text: str, language: str) -> dict[str, str]:
    return {text[t.start : t.end]: t.kind for t in find_things(text, language)}


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("en", "Hurricane Tamsin made landfall near Port Eldon on Tuesday.", "Hurricane Tamsin"),
        ("en", "Typhoon Korvan had struck the islands in July.", "Typhoon Korvan"),
        ("en", "Tropical Storm Ilse brought heavy rain to the coast.", "Tropical Storm Ilse"),
        ("en", "Storm Bertil left 40,000 homes without power as winds reached 120 km/h.", "Storm Bertil"),
        ("fr", "La tempête Ciarella a touché la côte jeudi avec des rafales de 150 km/h.", "Ciarella"),
        ("fr", "L'ouragan Pablo avait frappé l'île.", "Pablo"),
        ("es", "El huracán Tamsin tocó tierra el martes con vientos de 200 km/h.", "Tamsin"),
        ("es", "La borrasca Bertil dejó lluvias intensas en el norte.", "Bertil"),
        ("de", "Sturmtief Bertil brachte Böen von 120 km/h an die Küste.", "Bertil"),
        ("de", "Der Taifun Korvan traf die Inseln im Juli.", "Korvan"),
    ],
)
def test_a_named_storm_is_an_event(language: str, text: str, name: str) -> None:
    assert _found(text, language).get(name) == "event"


@pytest.mark.parametrize(
    "text",
    [
        "Britain will send more Storm Shadow missiles to the front, the ministry said.",  # no weather in the sentence
        "The National Hurricane Center said the system had weakened.",  # a body whose name holds a storm word
        "The storm moved north on Monday.",  # no name
    ],
)
def test_no_storm_without_a_name_and_weather(text: str) -> None:
    assert "event" not in _found(text, "en").values()
