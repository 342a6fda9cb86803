""" "The previous day" is the day before the last day named; a postponement points ahead. Texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.brief.align import Aligner
from summarizer.brief.items import GroundedDraft
from summarizer.brief.languages import rules_for
from summarizer.brief.when import add_times
from summarizer.rules.text import ArticleIndex

WEDNESDAY = date(2026, 10, 14)
AUGUST = date(2026, 8, 14)


def _values(text: str, published: date, language: str = "en") -> dict[str, str | None]:
    aligner = Aligner(ArticleIndex(text), published, language)
    return {t.text: t.value for t in add_times(GroundedDraft(), aligner, [], rules_for(language).times).when}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "The final was run on Sunday. Her time beat the record set in 2003. "
            "The previous day, the junior race was won by a local runner.",
            "The previous day",
            "2026-10-10",
        ),
        (
            "The dam burst on October 2, 2026. Its walls had last been checked in 2019. "
            "The next day, the valley was evacuated.",
            "The next day",
            "2026-10-03",
        ),
        (
            "The plant opened on March 3, 2025. A second plant opened in 2019. Profits doubled that year.",
            "that year",
            "2019",
        ),
        (
            "Le pont a été fermé le 5 octobre 2026. Il avait été rénové en 2010. La veille, une fissure était apparue.",
            "La veille",
            "2026-10-04",
        ),
    ],
)
def test_the_day_before_or_after_is_read_from_the_last_day_named(text: str, expression: str, value: str) -> None:
    language = "fr" if text.startswith("Le ") else "en"
    assert _values(text, WEDNESDAY, language).get(expression) == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The council delayed the vote until June, the mayor said.", "until June", "2027-06"),
        ("The league postponed the final until March because of the floods.", "until March", "2027-03"),
        ("The storm delayed flights on Monday.", "on Monday", "2026-08-10"),
        ("The shop closed in June after the floods.", "in June", "2026-06"),
    ],
)
def test_a_postponement_points_to_the_coming_date(text: str, expression: str, value: str) -> None:
    assert _values(text, AUGUST).get(expression) == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The death toll rose to nine due to a landslide on Saturday.", "on Saturday", "2026-10-10"),
        ("The bridge is due to reopen on Saturday.", "on Saturday", "2026-10-17"),
        ("Sales fell sharply in March of last year.", "in March of last year", "2025-03"),
        ("The firm will open a second depot in June next year.", "in June next year", "2027-06"),
    ],
)
def test_a_cause_is_no_schedule_and_a_month_keeps_the_year_it_names(text: str, expression: str, value: str) -> None:
    published = WEDNESDAY if "Saturday" in text else AUGUST
    assert _values(text, published).get(expression) == value
