"""The noun before a name says what it is in French and Spanish: "la empresa Boeing" (rules/classifiers.py).

Every sentence is written for this test.
"""

from __future__ import annotations

import pytest

from summarizer import Article, Summarizer
from summarizer.brief.introduced import companies_by_name
from summarizer.nlp.pipeline import has_pipeline
from summarizer.rules.classifiers import has_company_form, kind_before
from summarizer.schema import Actor, Span


@pytest.mark.parametrize(
    ("sentence", "name", "language", "kind"),
    [
        ("La empresa estadounidense Lockheed Martin anunció despidos.", "Lockheed", "es", "organization"),
        ("El fabricante Airbus entregó el avión.", "Airbus", "es", "organization"),
        ("Según el ministro Luis Ortega, no habrá cambios.", "Luis", "es", "person"),
        ("Le constructeur automobile Renault a confirmé.", "Renault", "fr", "organization"),
        ("La porte-parole Claire Dubois a démenti.", "Claire", "fr", "person"),
        # A preposition between says nothing of the name: "el presidente de Apple" is no person named Apple.
        ("El presidente de Apple Computer habló en Madrid.", "Apple", "es", None),
        ("Lockheed Martin anunció despidos.", "Lockheed", "es", None),
        ("The company Boeing said.", "Boeing", "en", None),  # English kinds are rules/kinds.py's
    ],
)
def test_the_noun_before_a_name(sentence: str, name: str, language: str, kind: str | None) -> None:
    assert kind_before(sentence, sentence.index(name), language) == kind


@pytest.mark.skipif(not has_pipeline("es"), reason="the Spanish pipeline is installed apart (make setup)")
def test_a_company_the_recognizer_reads_as_a_person_is_an_organization() -> None:
    text = (
        "SEVILLA — La empresa estadounidense Lockheed Martin anunció el martes 300 despidos en su planta de Sevilla. "
        "Lockheed Martin culpó a la caída de pedidos, dijo el portavoz Javier Ruiz."
    )
    with Summarizer("none") as summarizer:
        brief = summarizer.summarize(Article(text=text, language="es"))
    kinds = {actor.name: actor.kind for actor in brief.who}
    assert kinds.get("Lockheed Martin") == "organization", kinds
    assert kinds.get("Javier Ruiz") == "person", kinds


@pytest.mark.skipif(not has_pipeline("es"), reason="the Spanish pipeline is installed apart (make setup)")
def test_a_place_the_article_introduces_as_an_organization_is_in_who() -> None:
    text = (
        "MADRID — La fundación Mar Abierto criticó el lunes el proyecto del puerto. Según Mar Abierto, las obras "
        "amenazan a tres especies protegidas.\n\nBILBAO — La empresa Costa Verde anunció el martes el cierre de su "
        "planta. Costa Verde emplea a 400 personas."
    )
    with Summarizer("none") as summarizer:
        brief = summarizer.summarize(Article(text=text, language="es"))
    kinds = {actor.name: actor.kind for actor in brief.who}
    places = {place.name for place in brief.where}
    assert kinds.get("Mar Abierto") == "organization", (kinds, places)
    assert kinds.get("Costa Verde") == "organization", (kinds, places)
    assert not {"Mar Abierto", "Costa Verde"} & places, places
    assert "MADRID" in places, places


@pytest.mark.parametrize(
    ("name", "company"),
    [("AirTanker Ltd.", True), ("Repsol S.A.", True), ("Renault SAS", True), ("Luis Sala", False), ("SA", False)],
)
def test_a_company_form_after_a_name(name: str, company: bool) -> None:
    assert has_company_form(name) == company


def test_a_person_named_as_a_company_is_an_organization() -> None:
    span = Span(start=0, end=8, text="Marítima")
    who = [
        Actor(name=name, kind=kind, mention=span, evidence=[span], origin="model")
        for name, kind in [
            ("Marítima Levante S.L.", "person"),  # as the small model files companies
            ("Elena Soler", "person"),
            ("Soler", "person"),  # a surname, not an organization's first word
            ("Levante Grupo", "organization"),
            ("Levante", "person"),  # the first word of an organization in who
        ]
    ]
    assert [a.kind for a in companies_by_name(who)] == [
        "organization",
        "person",
        "person",
        "organization",
        "organization",
    ]
