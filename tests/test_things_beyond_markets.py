"""Names that are neither actors nor places outside market news: a disease or its virus, a ship or spacecraft, a
journal go to ``others`` with their kind; a nationality written as a description of people, an earthquake's
magnitude and a body in the sky are no who or where at all. In English, French, Spanish and German; every article
here is written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.brief.align import Aligner
from summarizer.brief.grounding import GroundedDraft
from summarizer.brief.things import _describes_people
from summarizer.render.markdown import render_markdown
from summarizer.rules.text import ArticleIndex
from summarizer.rules.things import find_things
from summarizer.schema import SCHEMA_VERSION, Actor, Brief, Span
from tests.scripted_names import ground_names

ENGLISH = (
    "Clinic warns of new fever as ferry is held\n\n"
    "Doctors in Portmere said on Monday that 40 people had caught Harrow Valley Fever, a disease carried by ticks. "
    "The clinic also reported two cases of PLX-7, a virus first seen in 2021, and said the H5N3 outbreak on local "
    "farms was over. The ferry, Morning Gull, was held in port while crews were tested. A study published Friday in "
    "the journal Northern Medicine found the virus spread fastest indoors. The Varda space telescope will not be "
    "affected. Hospital director Ana Ruiz said a self-described Marxist had refused a test, and that 60% of "
    "surveyed Canadians wanted masks. A magnitude 4.1 tremor shook the coast. The team also tracked a comet "
    "in the constellation Lyra."
)
FRENCH = (
    "Une fièvre inquiète Brestelle\n\n"
    "Les médecins de Brestelle ont signalé lundi 40 cas de la maladie de Kervan. Le virus Zelo circule aussi, selon "
    "une étude publiée mardi dans la revue Santé Atlantique. Le navire Étoile Grise est resté à quai. Claire "
    "Morel, directrice de l'hôpital, a appelé au calme."
)
SPANISH = (
    "Una fiebre preocupa a Valmora\n\n"
    "Los médicos de Valmora informaron el lunes de 40 casos de la enfermedad de Corvan. El virus Tesla Norte "
    "también circula, según un estudio publicado el martes en la revista Medicina Austral. El buque Gaviota Azul "
    "quedó en puerto. Lucía Ferrer, directora del hospital, pidió calma."
)
GERMAN = (
    "Fieber in Hallstedt\n\n"
    "Die Ärzte in Hallstedt meldeten am Montag 40 Fälle des Kerban-Fiebers. Das Morla-Virus verbreitet sich "
    "ebenfalls, wie die Fachzeitschrift „Medizin Nord“ berichtet. Das Schiff „Graue Möwe“ blieb im Hafen. Jana "
    "Richter, Leiterin des Krankenhauses, rief zur Ruhe auf."
)


def things(text: str, language: str) -> dict[str, str]:
    return {text[t.start : t.end]: t.kind for t in find_things(text, language)}


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            ENGLISH,
            {
                "Harrow Valley Fever": "disease",
                "PLX-7": "disease",
                "H5N3": "disease",
                "Morning Gull": "product",
                "Northern Medicine": "work",
                "Varda": "product",
            },
        ),
        (
            "fr",
            FRENCH,
            {"maladie de Kervan": "disease", "virus Zelo": "disease", "Santé Atlantique": "work",
             "Étoile Grise": "product"},
        ),
        (
            "es",
            SPANISH,
            {"enfermedad de Corvan": "disease", "virus Tesla Norte": "disease", "Medicina Austral": "work",
             "Gaviota Azul": "product"},
        ),
        (
            "de",
            GERMAN,
            {"Kerban-Fiebers": "disease", "Morla-Virus": "disease", "Medizin Nord": "work", "Graue Möwe": "product"},
        ),
    ],
    ids=["en", "fr", "es", "de"],
)  # fmt: skip
def test_diseases_craft_and_journals_are_found_in_each_language(
    language: str, text: str, expected: dict[str, str]
) -> None:
    found = things(text, language)
    assert {name: found.get(name) for name in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Two F-16 jets and a MiG-29 flew over the parade; the G-20 met in Rome.",
        "The ship sailed on Monday, and the telescope was built by Acme Optics.",
        "The boat carried tourists. A report published in March found nothing.",
    ],
)
def test_codes_and_craft_words_alone_are_no_things(text: str) -> None:
    """A code with no word of illness near it, and a craft noun with no name after it, name nothing."""
    assert things(text, "en") == {}


def test_a_disease_code_is_read_everywhere_once_the_article_speaks_of_illness() -> None:
    text = "The league halted play over QRV-12. Officials said QRV-12 infections had doubled."
    assert [text[t.start : t.end] for t in find_things(text, "en")] == ["QRV-12", "QRV-12"]


def ground(text: str, language: str, people: list[str], organizations: list[str], places: list[str]) -> GroundedDraft:
    return ground_names(text, people, organizations, places, language=language, published=date(2026, 3, 3))


def test_the_models_diseases_craft_and_journals_leave_who_and_where() -> None:
    out = ground(
        ENGLISH,
        "en",
        ["Ana Ruiz", "Morning Gull", "Marxist"],
        ["PLX-7", "Northern Medicine", "Canadians", "Varda"],
        ["Portmere", "Lyra", "magnitude 4.1"],
    )
    others = {o.name: o.kind for o in out.others}
    assert others.get("PLX-7") == "disease" and others.get("Harrow Valley Fever") == "disease"
    assert others.get("Morning Gull") == "product" and others.get("Varda") == "product"
    assert others.get("Northern Medicine") == "work"
    named = {a.name for a in out.who} | {p.name for p in out.where}
    assert "Ana Ruiz" in named and "Portmere" in named
    assert not named & {"PLX-7", "Morning Gull", "Northern Medicine", "Varda", "Lyra", "magnitude 4.1"}
    assert not named & {"Marxist", "Canadians"}, named  # "a self-described X", "60% of surveyed X"
    assert not {"Lyra", "magnitude 4.1"} & set(others)  # no names at all: dropped, not kept


@pytest.mark.parametrize(
    ("language", "text", "model_names", "disease", "kept"),
    [
        ("fr", FRENCH, ["Kervan", "Claire Morel"], "maladie de Kervan", "Claire Morel"),
        ("es", SPANISH, ["Corvan", "Lucía Ferrer"], "enfermedad de Corvan", "Lucía Ferrer"),
        ("de", GERMAN, ["Morla-Virus", "Jana Richter"], "Morla-Virus", "Jana Richter"),
    ],
)
def test_a_disease_named_after_a_person_or_place_is_a_disease(
    language: str, text: str, model_names: list[str], disease: str, kept: str
) -> None:
    out = ground(text, language, model_names, [], [])
    assert {o.name: o.kind for o in out.others}.get(disease) == "disease"
    assert kept in {a.name for a in out.who}
    assert not {a.name for a in out.who} & {model_names[0]}


def test_a_study_published_in_a_city_names_no_journal() -> None:
    text = "A study published Tuesday in London found that Maria Lopez was right, her colleagues said."
    out = ground(text, "en", ["Maria Lopez"], [], ["London"])
    assert "London" in {p.name for p in out.where}
    assert "London" not in {o.name for o in out.others}


def test_the_brief_says_a_disease_is_one() -> None:
    from summarizer.brief.engine import Summarizer
    from summarizer.ingest.article import Article

    brief = Summarizer(model="none").summarize(Article(text=ENGLISH, language="en", published=date(2026, 3, 3)))
    shown = render_markdown(brief)
    assert "**PLX-7** (disease)" in shown
    assert brief.run.schema_version == SCHEMA_VERSION
    assert "disease" in Brief.model_json_schema()["$defs"]["NamedThing"]["properties"]["kind"]["enum"]


def test_words_describing_people_are_no_actors_but_names_are() -> None:
    """ "a self-described X" and "many Xs" describe people (the recognizer reads the invented X as a person);
    "a Harbor Motors spokesman" names the company, which stays an actor."""
    text = (
        "Lee, a self-described Freedomite, spoke on Monday. A Harbor Motors spokesman said many Velorians agreed, "
        "said Ana Ruiz."
    )
    out = ground(text, "en", ["Lee", "Freedomite", "Ana Ruiz", "Velorians"], ["Harbor Motors"], [])
    named = {a.name for a in out.who}
    assert {"Lee", "Ana Ruiz", "Harbor Motors"} <= named, named
    assert not {"Freedomite", "Velorians"} & named, named


def test_a_journal_written_with_its_article_is_the_journal() -> None:
    text = "In results published Monday in The Harbor Review, researchers said that Maria Lopez was right."
    out = ground(text, "en", ["Maria Lopez"], ["The Harbor Review"], [])
    assert {o.name: o.kind for o in out.others}.get("Harbor Review") == "work"
    assert "The Harbor Review" not in {a.name for a in out.who}


@pytest.mark.parametrize(
    ("language", "text", "species"),
    [
        ("en", "Strains of Vibrio cholerae (V. cholerae) spread in the camp, Ana Ruiz said.", "Vibrio cholerae"),
        ("en", "Tests found the bacterium Listeria monocytogenes in cheese.", "Listeria monocytogenes"),
        ("fr", "La bactérie Listeria monocytogenes a été trouvée dans un fromage.", "Listeria monocytogenes"),
        ("es", "Se halló la bacteria Listeria monocytogenes en un queso.", "Listeria monocytogenes"),
        ("de", "Im Käse wurde das Bakterium Listeria monocytogenes gefunden.", "Listeria monocytogenes"),
    ],
)
def test_a_bacterium_named_by_its_species_is_filed_with_the_diseases(language: str, text: str, species: str) -> None:
    assert things(text, language) == {species: "disease"}


def test_a_name_before_the_word_bacteria_is_no_species() -> None:
    assert things("The Boston Globe reported bacteria in the water supply.", "en") == {}


def test_the_owner_of_a_journal_is_no_journal() -> None:
    """ "published Monday in Harbor University's bulletin": the university owns what published it."""
    text = "The paper, published Monday in Harbor University's bulletin, was praised."
    assert things(text, "en") == {}


def test_a_capital_article_inside_a_sentence_is_part_of_a_name() -> None:
    """In "Who Gives A Freedomite" (a company) the capital "A" is no indefinite article: the model's "Freedomite" for
    it is not a description of people, while "a Freedomite" in lower case is. (Checked on the description step itself:
    the whole merge may still drop the fragment, since nothing else reads it as a name: ``brief/leads.py``.)"""
    named = "Shoppers bought rolls from Who Gives A Freedomite, a maker of paper, and Who Gives A Freedomite said sales rose."
    described = "Shoppers met a Freedomite, a self-described rebel, and a Freedomite said sales rose."

    def describes(text: str) -> bool:
        at = text.index("Freedomite")
        mention = Span(start=at, end=at + len("Freedomite"), text="Freedomite")
        actor = Actor(origin="model", name="Freedomite", kind="person", mention=mention, evidence=[mention])
        return _describes_people(actor, text, Aligner(ArticleIndex(text), None, "en"))

    assert not describes(named) and describes(described)
