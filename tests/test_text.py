"""Alignment and sentence offsets: evidence must always be the article's own text."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.rules.attribution import find_doubts, find_source_cues
from summarizer.rules.text import ArticleIndex, NormalizedText, find_name, split_sentences
from summarizer.rules.times import find_times, resolve
from tests.conftest import SEED, requires_seed


@pytest.fixture(scope="module")
def seed() -> ArticleIndex:
    if not SEED.is_file():
        pytest.skip(requires_seed.kwargs["reason"])
    return ArticleIndex(SEED.read_text())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("General Abass Dembele", "General Abass Dembele"),
        ("Abass Dembele", "Abass Dembele"),
        ("Gen. Dembele", "Dembele"),
        ("Dembele's", "Dembele"),
        ("Assimi Goita", "Assimi Goïta"),  # accent folding
        ("OUMAR MAÏGA", "Oumar Maiga"),
        ("the Wagner Group", "the Wagner group"),
        ("National Transition Council member", "National Transition Council"),
    ],
)
def test_find_name_tolerates_titles_accents_case(seed: ArticleIndex, name: str, expected: str) -> None:
    found = find_name(seed.normalized, name)
    assert found is not None
    assert found.text == expected == seed.text[found.start : found.end]


@pytest.mark.parametrize("name", ["Emmanuel Macron", "Timbuktu", "the", "a source in Paris"])
def test_find_name_refuses_what_is_absent(seed: ArticleIndex, name: str) -> None:
    assert find_name(seed.normalized, name) is None


def test_find_name_across_line_breaks_and_curly_quotes() -> None:
    text = "He said the \u201cNational\n  Guard\u201d was ready, O\u2019Brien added."
    doc = NormalizedText(text)
    found = find_name(doc, "national guard")
    assert found is not None and text[found.start : found.end] == "National\n  Guard"
    found = find_name(doc, "O'Brien")
    assert found is not None and found.text == "O\u2019Brien"


def test_whole_words_only() -> None:
    assert NormalizedText("Malian officials").find("Mali") is None


def test_sentences_have_exact_offsets(seed: ArticleIndex) -> None:
    assert len(seed.sentences) == 17
    for sentence in seed.sentences:
        assert seed.text[sentence.start : sentence.end] == sentence.text


def test_abbreviations_do_not_split() -> None:
    sentences = split_sentences("Gen. Smith met Mr. Jones in the U.S. on Monday. They talked.")
    assert [s.text for s in sentences] == ["Gen. Smith met Mr. Jones in the U.S. on Monday.", "They talked."]


@pytest.mark.parametrize(
    ("expression", "published", "expected", "precision"),
    [
        ("early Sunday", date(2025, 8, 20), date(2025, 8, 17), "day"),
        ("on Wednesday", date(2025, 8, 20), date(2025, 8, 20), "day"),
        ("In July", date(2025, 8, 20), date(2025, 7, 1), "month"),
        # A month without a year is the nearest one, ahead or back (news tells what is coming too; measured on
        # MEANTIME dev: "in November", "until October" in articles of the months before are the coming ones).
        ("in December", date(2025, 8, 20), date(2025, 12, 1), "month"),
        ("in February", date(2025, 8, 20), date(2025, 2, 1), "month"),
        ("March 2024", None, date(2024, 3, 1), "month"),
        ("5 March 2024", None, date(2024, 3, 5), "day"),
        ("yesterday", date(2025, 1, 1), date(2024, 12, 31), "day"),
        ("in recent days", date(2025, 8, 20), None, None),
        ("early Sunday", None, None, None),
    ],
)
def test_resolve_time(expression: str, published: date | None, expected: date | None, precision: str | None) -> None:
    assert resolve(expression, published) == (expected, precision)


def test_attribution_cues_on_seed(seed: ArticleIndex) -> None:
    cues = {seed.text[c.start : c.end]: c.anonymous for c in find_source_cues(seed)}
    assert cues["A Malian security source"] is True
    assert cues["a close associate"] is True
    assert cues["Malian sociologist Oumar Maiga"] is False
    assert cues["AFP"] is False


def test_doubt_cues_on_seed(seed: ArticleIndex) -> None:
    kinds = {cue.kind: cue for cue in find_doubts(seed)}
    assert {"allegation", "missing_information", "conflicting_claims"} <= set(kinds)
    conflict = kinds["conflicting_claims"]
    assert [s.number for s in conflict.sentences] == [4, 8]


def test_find_times_takes_capitalised_months_and_weekdays_only() -> None:
    text = (
        "Friday, July 21, 2017\n\nThe team won on Tuesday and may march again next year. "
        "Officials met in May, late Sunday night and yesterday; the law dates from 1994 and changed in 2011."
    )
    found = [text[start:end] for start, end in find_times(text)]
    assert found == [
        "Friday, July 21, 2017",
        "on Tuesday",
        "next year",
        "in May",
        "late Sunday night",
        "yesterday",
        "from 1994",
        "in 2011",
    ]


def test_dateline_is_not_an_event_time() -> None:
    from summarizer.rules.names import is_dateline

    assert is_dateline("Friday, July 21, 2017")
    assert not is_dateline("The match was played on Friday, July 21, 2017.")


def test_only_names_with_a_capital_are_worth_a_reask() -> None:
    from summarizer.brief.grounding import NameMiss

    assert NameMiss("who", 0, "Abass Dembélé").fixable
    assert not NameMiss("who", 1, "junta").fixable


def test_sentences_in_french_spanish_and_german() -> None:
    """Titles and abbreviations of these languages and German's ordinal day end no sentence (written text)."""
    from summarizer.rules.text import split_sentences

    for text, count in [
        ("Según la Sra. Ruiz, el plan sigue. Otro punto.", 2),
        ("Mme. Dubois a parlé. Ensuite il pleut.", 2),
        ("Die Linie Nr. 5 fährt wieder. Das ist gut.", 2),
        ("Gewählt wurde am 7. Juni 2015, wobei keiner siegte. Am 5. Juli folgt die Stichwahl.", 2),
        ("He finished 7. June was cold.", 2),  # English days are no ordinals
    ]:
        assert len(split_sentences(text)) == count, [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Read the leaked files at evil.example before noon.", "Evil Hacker"),
        ("The files are at https://files.example/evil-hacker/ now.", "Evil Hacker"),
        ("Write to evil.hacker@mail.example for the files.", "Evil Hacker"),
        ("Run `evil_hacker()` to see the files.", "Evil Hacker"),
        ("See www.hacker-news.example for more.", "Hacker News"),
    ],
)
def test_names_never_match_inside_addresses_or_code(text: str, name: str) -> None:
    """A name the model invents must not be grounded on a URL, an e-mail address, a domain or code (issue 23)."""
    assert find_name(NormalizedText(text), name) is None


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        ("Amazon.com said on Monday that sales rose.", "Amazon", "Amazon"),
        ("Evil Hacker, whose site is evil.example, was arrested.", "Evil Hacker", "Evil Hacker"),
        ("The U.S. Senate voted, e.g. on taxes.", "U.S. Senate", "U.S. Senate"),
    ],
)
def test_names_beside_addresses_are_still_found(text: str, name: str, found: str) -> None:
    hit = find_name(NormalizedText(text), name)
    assert hit is not None and hit.text == found
