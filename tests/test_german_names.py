"""German names from the Hanover Tagger, typed by the words around them (nlp/german.py), on sentences written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import Article, Summarizer
from summarizer.errors import ModelUnavailableError
from summarizer.nlp import german
from summarizer.nlp.entities import entities, recognizes


def found(text: str) -> list[tuple[str, str]]:
    return [(text[name.start : name.end], name.label) for name in german.names(text)]


def test_people_by_role_title_and_shape() -> None:
    text = (
        "Bundeskanzlerin Angela Merkel traf am Dienstag den Polizeisprecher Ahmet Yılmaz. "
        "Das bestätigte Prof. Ulrike Brandt, Vorsitzende des Vereins. Später äußerte sich auch Brandt."
    )
    assert found(text) == [
        ("Angela Merkel", "PERSON"),
        ("Ahmet Yılmaz", "PERSON"),  # HanTa reads "Ahmet" as a verb: a word it lacks joins the surname after it
        ("Ulrike Brandt", "PERSON"),
        ("Brandt", "PERSON"),  # the surname of a person named in full
    ]


def test_places_by_country_preposition_and_bracket() -> None:
    text = "Potsdam (Deutschland) – Die Delegation reiste aus Frankreich nach Bamberg. Die Türkei protestierte."
    assert found(text) == [
        ("Potsdam", "GPE"),
        ("Deutschland", "GPE"),
        ("Frankreich", "GPE"),
        ("Bamberg", "GPE"),
        ("Türkei", "GPE"),
    ]


def test_organizations_by_acronym_and_head_noun() -> None:
    text = "Die Gewerkschaft Verdi und die SPD kritisieren die Pläne der Hafenlogistik Nord GmbH scharf."
    assert ("SPD", "ORG") in found(text) and ("Hafenlogistik Nord GmbH", "ORG") in found(text)


def test_an_untyped_name_and_a_genitive_are_left_out() -> None:
    text = "Der Rat traf sich in Bamberg. Bambergs Bürger waren überrascht, sagte Dorothea."
    assert found(text) == [("Bamberg", "GPE")]


def test_recognized_names_are_the_entities_of_german_text() -> None:
    text = "Bundesminister Karl Lauterbach sprach in Köln."
    assert recognizes("de") and not recognizes("it")
    assert [(e.label, e.kind) for e in entities(text, "de")] == [("PERSON", "person"), ("GPE", "place")]


def test_a_german_brief_gets_who_from_the_rules() -> None:
    text = (
        "BONN — Die Stadt eröffnet eine neue Brücke über den Rhein.\n\n"
        "Oberbürgermeisterin Katja Dörner sagte, die Brücke entlaste den Verkehr. "
        "Die Deutsche Bahn AG kritisierte den Zeitplan."
    )
    with Summarizer("none") as summarizer:
        brief = summarizer.summarize(Article(text=text, language="de"))
    assert [(a.name, a.kind, a.origin) for a in brief.who] == [
        ("Katja Dörner", "person", "rule"),
        ("Deutsche Bahn AG", "organization", "rule"),
    ]
    assert brief.coverage is not None and "who" in brief.coverage.rules


def test_the_model_file_is_pinned(tmp_path: Path) -> None:
    assert german.read_model(german.model_path()) is not None
    tampered = tmp_path / "morphmodel_ger.pgz"
    tampered.write_bytes(german.model_path().read_bytes() + b"\0")
    with pytest.raises(ModelUnavailableError, match="sha256"):
        german.read_model(tampered)


def test_a_surname_that_is_also_a_noun_joins_the_first_name() -> None:
    text = (
        "Sportdirektor Thomas Brenner sagte, die Entscheidung sei gefallen. "
        "Das sagte Bundeskanzlerin Merkel Journalisten. Sie reiste nach Berlin Anfang des Jahres."
    )
    assert found(text) == [
        ("Thomas Brenner", "PERSON"),  # "Brenner" is also a common noun (a burner)
        ("Merkel", "PERSON"),  # "Journalisten" is inflected: an object, no surname
        ("Berlin", "GPE"),  # "Anfang" is a time noun
    ]


def test_an_organization_introduced_by_its_noun() -> None:
    text = "Der Fußballverein Borussia Dortmund hat seinen Trainer entlassen. Der Zulieferer Kessler schweigt."
    assert found(text) == [("Borussia Dortmund", "ORG"), ("Kessler", "ORG")]
