"""The support check (summarizer/nlp/support.py): a statement stands only on what its cited text says.

The corpus (tests/data/support/, written for the project) holds faithful paraphrases and unfaithful statements
that reuse the article's names; the bars are the ones the tolerance was chosen by (benchmarks/support_tolerance.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.nlp import wording
from summarizer.nlp.entities import entities
from summarizer.nlp.pipeline import has_pipeline
from summarizer.nlp.support import TOLERANCE, asserts_event, check_statement, content_words

CORPUS = Path(__file__).parent / "data" / "support"
LANGUAGES = ("en", "fr", "es", "de")
FAITHFUL_KEPT = 0.90
"""The bar TOLERANCE was chosen by: nine faithful statements in ten kept overall..."""
FAITHFUL_KEPT_PER_LANGUAGE = 0.85
"""...and at least 85% in each language (English measured 88%, the lowest)."""
UNFAITHFUL_REJECTED = 0.93
"""Measured 98% (95 of 97) at TOLERANCE; five points of margin for a parser's different reading."""


def load(language: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / f"{language}.json").read_text(encoding="utf-8"))
    return data


def kept_by_label(language: str) -> Iterator[tuple[bool, bool]]:
    """(faithful, kept) for every statement of the language's corpus, cited as grounding will cite it."""
    for article in load(language)["articles"]:
        sentences = article["sentences"]
        text = " ".join(sentences)
        names = [text[e.start : e.end] for e in entities(text, language) if e.kind in {"person", "organization"}]
        for statement in article["statements"]:
            cites = statement["cites"]
            cited = sentences if cites is None else [sentences[i] for i in cites]
            verdict = check_statement(statement["text"], cited, language, names)
            yield statement["faithful"], verdict.supported


def share(flags: list[bool]) -> float:
    return sum(flags) / len(flags)


@pytest.fixture(scope="module")
def results() -> dict[str, list[tuple[bool, bool]]]:
    return {language: list(kept_by_label(language)) for language in LANGUAGES}


def test_corpus_is_what_the_notice_says() -> None:
    for language in LANGUAGES:
        articles = load(language)["articles"]
        assert len(articles) >= 8
        for article in articles:
            styles = [s["style"] for s in article["statements"]]
            assert sum(s["faithful"] for s in article["statements"]) >= 3
            assert sum(not s["faithful"] for s in article["statements"]) >= 2
            assert "terse" in styles


def test_faithful_statements_are_kept(results: dict[str, list[tuple[bool, bool]]]) -> None:
    everything = [kept for pairs in results.values() for faithful, kept in pairs if faithful]
    assert share(everything) >= FAITHFUL_KEPT
    for language, pairs in results.items():
        if language == "es" and not has_pipeline("es"):
            continue  # read by stems without its optional pipeline: measured apart (100% kept)
        assert share([kept for faithful, kept in pairs if faithful]) >= FAITHFUL_KEPT_PER_LANGUAGE, language


def test_unfaithful_statements_are_rejected(results: dict[str, list[tuple[bool, bool]]]) -> None:
    rejected = [not kept for pairs in results.values() for faithful, kept in pairs if not faithful]
    assert share(rejected) >= UNFAITHFUL_REJECTED


CHEN = [
    "Laura Chen resigned as chief executive of Northwind Bank on Monday, the company said.",
    "The board named its finance director, Omar Haddad, as interim chief executive.",
    "The bank reported a loss of 12 million euros.",
]


def test_a_name_alone_does_not_support_an_invented_act() -> None:
    verdict = check_statement("Laura Chen flees country", CHEN[:1], "en")
    assert not verdict.supported
    assert verdict.reason == "words not in the cited text: country, flee"
    assert verdict.coverage == 0.0


def test_a_faithful_paraphrase_passes_with_a_surname_alone() -> None:
    verdict = check_statement("Chen resigned as Northwind chief executive", CHEN[:1], "en")
    assert verdict.supported and verdict.reason is None and verdict.coverage == 1.0


def test_a_title_case_headline_is_not_read_as_names() -> None:
    assert check_statement("Northwind Bank Chief Laura Chen Resigns", CHEN, "en").supported


def test_a_name_missing_from_the_cited_sentence_fails() -> None:
    verdict = check_statement("Laura Chen resigned from Northwind Bank in Toronto", CHEN[:1], "en")
    assert not verdict.supported
    assert verdict.reason is not None and "toronto" in verdict.reason


def test_people_joined_in_a_statement_must_be_joined_in_one_cited_sentence() -> None:
    joined = check_statement("Laura Chen named Omar Haddad interim chief executive", CHEN[:2], "en")
    assert not joined.supported
    assert joined.reason is not None and joined.reason.startswith("not named together")
    together = ["Laura Chen named Omar Haddad as interim chief executive on Monday."]
    assert check_statement("Laura Chen named Omar Haddad interim chief executive", together, "en").supported


def test_names_in_separate_clauses_are_not_a_join() -> None:
    statement = "Laura Chen resigned as chief executive, and the board named Omar Haddad interim chief"
    assert check_statement(statement, CHEN[:2], "en").supported


def test_numbers_must_match_and_words_meet_digits() -> None:
    assert check_statement("Bank reports loss of twelve million euros", CHEN[2:], "en").supported
    wrong = check_statement("Bank reports loss of 15 million euros", CHEN[2:], "en")
    assert not wrong.supported and wrong.reason == "numbers not in the cited text: 15"


def test_the_article_names_count_when_the_statement_parse_misses_them() -> None:
    statement = "chen resigned as chief executive; haddad was named interim chief"  # lowercase: no names parsed
    assert check_statement(statement, CHEN[:2], "en", names_in_article=["Laura Chen", "Omar Haddad"]).supported
    joined = "chen appointed haddad interim chief"
    verdict = check_statement(joined, CHEN[:2], "en", names_in_article=["Laura Chen", "Omar Haddad"])
    assert not verdict.supported


def test_french() -> None:
    cited = ["Le maire de Rouen, Paul Girard, a démissionné lundi.", "Son adjointe, Claire Morel, assure l'intérim."]
    assert check_statement("Paul Girard, maire de Rouen, a démissionné", cited[:1], "fr").supported
    assert not check_statement("Paul Girard a été arrêté", cited[:1], "fr").supported
    assert not check_statement("Paul Girard a limogé Claire Morel", cited, "fr").supported
    assert not check_statement("Paul Girard a démissionné à Lyon", cited[:1], "fr").supported


@pytest.mark.skipif(not has_pipeline("es"), reason="the Spanish pipeline is installed apart (make setup)")
def test_spanish() -> None:
    cited = ["La alcaldesa de Zaragoza, Ana Ruiz, dimitió el lunes.", "Jorge Blanco asumirá el cargo."]
    assert check_statement("Ana Ruiz dimitió como alcaldesa de Zaragoza", cited[:1], "es").supported
    assert not check_statement("Ana Ruiz huyó del país", cited[:1], "es").supported
    assert not check_statement("Ana Ruiz acusó a Jorge Blanco", cited, "es").supported


def test_spanish_without_its_pipeline_falls_back_to_stems(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wording, "has_pipeline", lambda language: False)
    wording.forget()
    try:
        cited = ["La alcaldesa de Zaragoza, Ana Ruiz, dimitió el lunes tras una investigación."]
        assert check_statement("Ana Ruiz dimitió tras la investigación", cited, "es").supported
        assert not check_statement("Ana Ruiz huyó del país con dinero", cited, "es").supported
        assert not check_statement("Ana Ruiz dimitió en Madrid", cited, "es").supported
    finally:
        wording.forget()


def test_german_separable_verbs_genitives_and_joins() -> None:
    cited = [
        "Der Bürgermeister von Kassel, Klaus Weber, trat am Montag nach zwölf Jahren zurück.",
        "Seine Stellvertreterin Petra Lange führt die Geschäfte.",
    ]
    assert check_statement("Klaus Weber ist zurückgetreten", cited[:1], "de").supported
    assert check_statement("Kassels Bürgermeister Weber tritt nach 12 Jahren zurück", cited[:1], "de").supported
    assert not check_statement("Klaus Weber flieht ins Ausland", cited[:1], "de").supported
    assert not check_statement("Klaus Weber tritt nach 20 Jahren zurück", cited[:1], "de").supported
    names = ["Klaus Weber", "Petra Lange"]
    assert not check_statement("Klaus Weber entließ Petra Lange", cited, "de", names_in_article=names).supported


def test_another_language_is_read_by_stems() -> None:
    cited = ["Il sindaco di Torino, Marco Rossi, ha annunciato le dimissioni lunedì."]
    assert check_statement("Marco Rossi ha annunciato le dimissioni", cited, "it").supported
    assert not check_statement("Marco Rossi è fuggito all'estero", cited, "it").supported


def test_content_words() -> None:
    assert content_words("The mayor resigned after twelve years, with 12,000 votes.", "en") == {
        "mayor",
        "resign",
        "year",
        "12",
        "12000",
        "vote",
    }
    assert "demissionner" in content_words("Paul Girard a démissionné.", "fr")
    assert {"paul", "girard"} <= content_words("Paul Girard a démissionné.", "fr")
    assert not content_words("The and of was it", "en")
    assert {"zurucktreten", "weber", "12"} <= content_words("Weber trat nach zwölf Jahren zurück.", "de")


def test_the_tolerance_is_the_measured_one() -> None:
    assert 0.5 <= TOLERANCE < 0.6  # at least half, verbs counted twice; see its docstring for the figures


@pytest.mark.parametrize("language", LANGUAGES)
def test_asserts_event_on_labelled_sentences(language: str) -> None:
    if language == "es" and not has_pipeline("es"):
        pytest.skip("the Spanish pipeline is installed apart; cue words only without it")
    wrong = [
        (case["sentence"], case["why"])
        for case in load(language)["assertions"]
        if asserts_event(case["sentence"], language, case["statement"]) != case["asserts"]
    ]
    assert not wrong


@pytest.mark.parametrize(
    ("sentence", "language", "asserts"),
    [
        ("Police arrested two men on Thursday.", "en", True),
        ("“We will close the plant,” the company said.", "en", False),
        ("The company will close the plant.", "en", False),
        ("Will the company close the plant?", "en", False),
        ("La société a fermé l'usine.", "fr", True),
        ("La société fermera l'usine.", "fr", False),
        ("Die Firma schloss das Werk.", "de", True),
        ("Die Firma wird das Werk schließen.", "de", False),
        ("Die Firma würde das Werk schließen.", "de", False),
        ("La empresa cerró la fábrica.", "pt", True),
        ("¿Cerró la empresa la fábrica?", "es", False),
    ],
)
def test_asserts_event(sentence: str, language: str, asserts: bool) -> None:
    assert asserts_event(sentence, language) is asserts


def test_spanish_cues_without_its_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizer.nlp import assertion

    monkeypatch.setattr(assertion, "has_pipeline", lambda language: False)
    assert asserts_event("La empresa cerró la fábrica.", "es")
    assert not asserts_event("La empresa cerrará la fábrica.", "es")
    assert not asserts_event("La empresa no cerró la fábrica.", "es")
    assert not asserts_event("La empresa podría cerrar la fábrica.", "es")
