"""What the model reads, and the rules that find countries and correct kinds, without a model."""

from __future__ import annotations

import pytest

from summarizer.brief.reading import PASSAGE_CHARS, passages, read, salient_names
from summarizer.rules.kinds import kind_cue
from summarizer.rules.names import is_dateline
from summarizer.rules.places import find_countries, is_country
from summarizer.rules.text import ArticleIndex

ARTICLE = (
    "Monday, May 4, 2020\n\n"
    "Mayor Ann Lee opened the Harbour Bridge in Springfield on Sunday. "
    "The Springfield Council paid for it. "
    "Lee said the bridge cost $40 million. "
    "Critics at the Taxpayers Union said it cost more. "
    "The Taxpayers Union wants an audit. "
    "Lee rejected that. "
    "A spokesman for Harbour Works declined to comment."
)


def test_the_lead_is_whole_sentences_and_the_dateline_does_not_count() -> None:
    index = ArticleIndex(ARTICLE)
    reading = read(index, lead_chars=60)
    assert [s.number for s in reading.lead] == [1, 2]
    assert is_dateline(reading.lead[0].text)


def _long_article(sentences: int) -> str:
    """A made-up article of numbered sentences of about 100 characters each."""
    return " ".join(
        f"Sentence {n} tells what the harbour board of Springfield decided at its meeting on Monday."
        for n in range(1, sentences + 1)
    )


def test_the_rest_is_read_in_passages_of_whole_sentences() -> None:
    index = ArticleIndex(_long_article(60))  # ~5,800 characters: a lead and two passages
    reading = read(index, lead_chars=1_200, max_passages=2)
    assert len(reading.passages) == 2
    numbers = [s.number for part in (reading.lead, *reading.passages) for s in part]
    assert numbers == list(range(1, len(numbers) + 1))  # in order, none twice, none skipped
    assert numbers[-1] == 60  # the whole article
    assert all(sum(len(s.text) for s in part) >= PASSAGE_CHARS for part in reading.passages[:-1])
    assert reading.chars == len(index.text)


def test_a_short_remainder_joins_the_last_passage_and_past_the_last_passage_is_not_read() -> None:
    rest = ArticleIndex(_long_article(30)).sentences
    assert len(passages(rest)) == 1  # ~2,900 characters: one passage, the short remainder in it
    longer = ArticleIndex(_long_article(120)).sentences
    read_part = passages(longer, max_passages=2)
    assert len(read_part) == 2 and read_part[-1][-1].number < 120
    assert passages(longer, max_passages=0) == []


def test_a_short_article_is_read_whole_in_one_call() -> None:
    reading = read(ArticleIndex(ARTICLE))
    assert reading.passages == [] and reading.chars == len(ARTICLE)


def test_salient_names_open_the_story_or_recur() -> None:
    names = salient_names(ArticleIndex(ARTICLE))
    # the opening sentence's names first; then "Springfield" counts for "Springfield Council"
    assert names == ["Mayor Ann Lee", "Harbour Bridge", "Springfield Council", "Taxpayers Union"]
    assert "Harbour Works" not in names  # mentioned once
    assert "May" not in names and "Sunday" not in names


def test_countries_as_written_and_not_inside_other_names() -> None:
    text = "Chad Smith flew from Chad to the U.S. on Monday. New Mexico is not Mexico. Sweden beat Korea Republic."
    found = [(m.country, text[m.start : m.end]) for m in find_countries(text)]
    assert found == [
        ("Chad", "Chad"),
        ("United States", "U.S."),
        ("Mexico", "Mexico"),
        ("Sweden", "Sweden"),
        ("South Korea", "Korea Republic"),
    ]
    assert is_country("UK") and is_country("U.S") and not is_country("Texas")


@pytest.mark.parametrize(
    ("name", "cue"),
    [
        ("LA Weekly", "organization"),
        ("Home Office", "organization"),
        ("Metro Toronto Convention Centre", "site"),
        ("Chiang Kai Shek Memorial", "site"),
        ("Ambassador Hamdullah Mohib", "person"),
        ("Taipei", None),
        ("Microsoft", None),
    ],
)
def test_kind_cues(name: str, cue: str | None) -> None:
    assert kind_cue(name) == cue


def test_a_name_written_after_in_is_a_place() -> None:
    from summarizer.rules.kinds import written_as_place

    assert written_as_place("Springfield", "He lives in Springfield. Springfield is small. Springfield Council met.")
    assert not written_as_place("Google", "She worked at Google. Google said no.")
    # A dateline is where the story was filed: a place, not a who.
    assert written_as_place("WASHINGTON", "WASHINGTON \u2014 Michael Steele drew criticism on Friday.")
    assert written_as_place("HOUSTON", "HOUSTON, Tex. -- Delegates voted.\n\nThey met in Texas.")
    assert not written_as_place("Michael Steele", "WASHINGTON \u2014 Michael Steele drew criticism on Friday.")


def test_a_name_set_in_a_sentence_is_a_place_but_not_a_month_or_a_title() -> None:
    from summarizer.rules.kinds import set_in

    text = "He was held in Kati, near Bamako. It aired in September. He starred in The Ghost. Played in the World Cup."
    assert set_in("Kati", text) and set_in("Bamako", text)
    assert not set_in("September", text) and not set_in("The Ghost", text) and not set_in("World Cup", text)
