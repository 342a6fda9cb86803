"""Which day a weekday or "the same day" means, by the clause's cues and by the dates told before it.

Texts written for these tests. FRIDAY is the article's date in most of them.
"""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.brief.align import Aligner
from summarizer.brief.items import GroundedDraft
from summarizer.brief.languages import rules_for
from summarizer.brief.when import add_times
from summarizer.rules.text import ArticleIndex
from summarizer.rules.times import find_times, resolve

FRIDAY = date(2026, 10, 16)


def _values(text: str, published: date = FRIDAY) -> dict[str, str | None]:
    aligner = Aligner(ArticleIndex(text), published, "en")
    return {t.text: t.value for t in add_times(GroundedDraft(), aligner, [], rules_for("en").times).when}


def _value_of(text: str, expression: str, published: date = FRIDAY) -> str | None:
    values = _values(text, published)
    matches = [value for words, value in values.items() if words.endswith(expression)]
    assert matches, values
    return matches[0]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a past telling between the weekday and a future in the told clause: the weekday dates the telling
        ("On Tuesday, the mayor announced that the council will sell the old depot.", "Tuesday", "2026-10-13"),
        # the weekday inside the told clause keeps its own way
        ("The mayor announced that the council will sell the depot on Tuesday.", "Tuesday", "2026-10-20"),
        # a directive in the present perfect: the act it asks for is still to come
        ('She said, "I have asked the auditors to report to the board on Monday."', "Monday", "2026-10-19"),
        (
            'He said, "We have ordered the JRB [Joint Review Board of the Regional Water Authorities] to inspect '
            'the dam on Monday."',
            "Monday",
            "2026-10-19",
        ),
        # the past of the same directive with no present perfect is left to the verb
        ("The auditors reported to the board on Monday.", "Monday", "2026-10-12"),
    ],
)
def test_weekday_goes_the_way_of_its_own_clause(text: str, expression: str, value: str) -> None:
    assert _value_of(text, expression) == value


def test_last_weekday_is_not_yesterday() -> None:
    # "last Thursday" in a Friday's article: yesterday would be "yesterday"; "last" says the week before
    assert resolve("last Thursday", FRIDAY) == (date(2026, 10, 8), "day")
    # further back in the week it is the nearest one, as before
    assert resolve("last Tuesday", FRIDAY) == (date(2026, 10, 13), "day")
    assert resolve("last Friday", FRIDAY) == (date(2026, 10, 9), "day")


def test_same_day_in_a_past_clause_skips_a_coming_date() -> None:
    text = (
        "The bank was robbed on Monday. The suspect will face a judge on October 30. "
        "A second branch was also robbed on the same day."
    )
    assert _value_of(text, "the same day") == "2026-10-12"


def test_same_day_in_a_future_clause_may_take_a_coming_date() -> None:
    text = "The bank was robbed on Monday. The suspect will face a judge on October 30. His partner will be heard on the same day."
    assert _value_of(text, "the same day") == "2026-10-30"


def test_a_date_naming_a_thing_does_not_anchor_the_following_day() -> None:
    text = (
        "On Wednesday, the ministers met in the capital. They called the March 3 trade agreement unlawful. "
        "In a statement issued the following day, the other side rejected the claim."
    )
    assert _value_of(text, "the following day") == "2026-10-15"


def test_a_date_of_an_event_still_anchors_the_following_day() -> None:
    text = "On Wednesday, the ministers met. The pact was signed on March 3. The following day, markets rose."
    assert _value_of(text, "The following day") == "2026-03-04"


def test_either_of_two_weekdays_is_left_undated() -> None:
    values = _values("The builder said the roof could be finished Saturday/Sunday or later.")
    assert values and all(value is None for value in values.values())
    values = _values("The match will be replayed on Monday or Tuesday.")
    assert values and all(value is None for value in values.values())
    # one weekday alone is dated
    assert _value_of("The match will be replayed on Monday.", "Monday") == "2026-10-19"


def test_a_day_of_last_year_is_one_time() -> None:
    text = "The treaty was signed on June 4 last year and ratified in May of last year."
    spans = [text[a:b] for a, b in find_times(text)]
    assert "on June 4 last year" in spans
    assert resolve("on June 4 last year", FRIDAY) == (date(2025, 6, 4), "day")
    assert resolve("9 February next year", FRIDAY) == (date(2027, 2, 9), "day")


def test_a_sentence_opening_with_a_dated_thing_anchors_the_same_day() -> None:
    text = "On Tuesday, a paper broke the story. The October 9 issue of the paper named the buyer. On the same day, the seller confirmed it."
    assert _value_of(text, "the same day") == "2026-10-09"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a future seen from the past: a past verb further off does not send the date back, the nearest one is read
        (
            "Ann Orrel was declared the winner on Monday and would take office on January 20.",
            "January 20",
            "2027-01-20",
        ),
        ("The old ferry, which sailed for forty years, would be retired on October 14.", "October 14", "2026-10-14"),
        # with no "would", the past verb still decides
        ("Ann Orrel won the vote and took office on January 20.", "January 20", "2026-01-20"),
    ],
)
def test_a_would_clause_reads_the_nearest_date(text: str, expression: str, value: str) -> None:
    assert _value_of(text, expression, date(2026, 11, 26)) == value
