"""Names the tokenizer splits at a hyphen are read whole ("Météo-France", "Saône-et-Loire", "Côtes-d'Armor"); names
joined to qualify a noun ("the Kestria-Dunmore talks") or places joined ("Russia-Ukraine") stay apart. Every text
here is written for these tests; spaCy's real English pipeline reads them."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.nlp.entities import entities, inside_other_name, recognizes
from tests.scripted_names import ground_names

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")

STORM = (
    "Storm Warning\n\n"
    "Météo-France warned of floods in Côtes-d'Armor and Saône-et-Loire on Thursday, and said rivers would rise. "
    "Russia-Ukraine talks went on in Geneva."
)


def _names(text: str) -> set[str]:
    return {text[e.start : e.end] for e in entities(text, "en")}


def test_a_name_split_at_its_hyphens_is_read_whole() -> None:
    names = _names(STORM)
    assert {"Météo-France", "Côtes-d'Armor"} <= names, names
    assert "Météo" not in names


def test_places_joined_to_qualify_a_noun_stay_apart() -> None:
    names = _names(STORM)
    assert "Russia-Ukraine" not in names, names


def test_a_country_inside_a_hyphenated_name_is_no_country_of_the_story() -> None:
    start = STORM.index("France")
    assert inside_other_name(STORM, start, start + len("France"))
    out = ground_names(STORM, [], [], [], published=date(2026, 12, 6))
    assert "France" not in {a.name for a in out.who} | {p.name for p in out.where}
    assert "Météo-France" in {a.name for a in out.who}
