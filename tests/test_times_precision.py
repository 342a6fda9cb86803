"""Times that are not times, and times that need more than the article's date (issue 24 item 3, precision).

Every sentence here was written for this test: public holidays dated by the
article's country, years inside document numbers and split years, "USA Today",
"today" meaning nowadays, a quoted "tomorrow", the present of a schedule, and
the second day of "March 4 and 5".
"""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.brief.align import Aligner
from summarizer.brief.items import GroundedDraft
from summarizer.brief.languages import rules_for
from summarizer.brief.when import add_times
from summarizer.nlp.public_holidays import country_of_address
from summarizer.rules import tense
from summarizer.rules.not_times import not_a_time, quoted_relative_day
from summarizer.rules.text import ArticleIndex
from summarizer.schema import NamedThing, Place, PlaceKind, Span, TimeReference

WEDNESDAY = date(2026, 9, 9)
"""A Wednesday after the first Monday of September 2026 (US Labor Day: September 7)."""


def _when(
    text: str, language: str = "en", places: tuple[tuple[str, PlaceKind], ...] = (), published: date = WEDNESDAY
) -> list[TimeReference]:
    where = [_place(text, name, kind) for name, kind in places]
    aligner = Aligner(ArticleIndex(text), published, language)
    return add_times(GroundedDraft(where=where), aligner, [], rules_for(language).times).when


def _place(text: str, name: str, kind: PlaceKind) -> Place:
    start = text.index(name)
    span = Span(start=start, end=start + len(name), text=name)
    return Place(name=name, kind=kind, mention=span, evidence=[span], origin="rule")


def _values(when: list[TimeReference]) -> dict[str, str | None]:
    return {t.text: t.value for t in when}


HOLIDAY_TEXT = "Crowds filled the beaches of Maine on Labor Day, the state's parks agency said."


def test_a_holiday_is_dated_by_the_articles_country() -> None:
    assert _values(_when(HOLIDAY_TEXT, places=(("Maine", "region"),)))["Labor Day"] == "2026-09-07"


def test_the_same_holiday_name_is_another_day_in_another_country() -> None:
    text = "Shops in Germany stayed shut on Labor Day, the retail federation said."
    assert _values(_when(text, places=(("Germany", "country"),), published=date(2026, 5, 6)))["Labor Day"] == (
        "2026-05-01"
    )


def test_a_holiday_without_a_country_gets_no_date() -> None:
    assert all(value is None for value in _values(_when(HOLIDAY_TEXT)).values())


def test_without_a_country_in_the_text_the_outlets_country_dates_a_holiday() -> None:
    text = "Most shops were shut on Labor Day, traders said."
    aligner = Aligner(
        ArticleIndex(text), date(2026, 5, 6), "en", outlet_country=country_of_address("https://news.example.de/a/1")
    )
    when = add_times(GroundedDraft(), aligner, [], rules_for("en").times).when
    assert _values(when)["Labor Day"] == "2026-05-01"


@pytest.mark.parametrize(
    ("url", "country"),
    [
        ("https://www.example.de/wirtschaft/1", "DE"),
        ("https://news.example.co.uk/story", "GB"),
        ("https://example.com/story", None),
        ("https://example.io/story", None),
        (None, None),
    ],
)
def test_an_outlets_country_is_its_country_domain(url: str | None, country: str | None) -> None:
    assert country_of_address(url) == country


def test_a_moving_holiday_takes_the_year_the_sentence_points_to() -> None:
    text = "The ferry to Germany will not sail on Easter Monday, the operator said."
    values = _values(_when(text, places=(("Germany", "country"),), published=date(2026, 12, 1)))
    assert values["Easter Monday"] == "2027-03-29"  # Easter 2027 falls on March 28


def test_a_named_day_without_a_day_off_is_dated_too() -> None:
    text = "Stores in Ohio will close early on Christmas Eve, the chain said."
    assert _values(_when(text, places=(("Ohio", "region"),), published=date(2026, 12, 10)))["Christmas Eve"] == (
        "2026-12-24"
    )


def test_a_day_before_an_undated_event_gets_no_value() -> None:
    when = _when("A tenant moved into the flat the day before the fire, neighbours said.")
    assert all(t.value is None for t in when if "fire" in t.text or "day before" in t.text), _values(when)


def test_a_holiday_in_the_articles_language() -> None:
    text = "In Deutschland bleiben die Geschäfte am Ostermontag geschlossen."
    when = _when(text, "de", places=(("Deutschland", "country"),), published=date(2026, 3, 30))
    assert _values(when)["Ostermontag"] == "2026-04-06"


@pytest.mark.parametrize(
    ("language", "text", "year"),
    [
        ("en", "The ministry cited resolution No. 2211/2018 in its reply.", "2018"),
        ("en", "The plant is certified to ISO 14001:2015 and hires locally.", "2015"),
        ("es", "La oficina aplicó la Ley 39/2015 a la solicitud.", "2015"),
        ("en", "In the 2021/22 season the club lost money.", "2021"),
        ("fr", "Le club a perdu de l'argent lors de la saison 2021-22.", "2021"),
    ],
)
def test_a_year_in_a_document_number_or_across_two_years_is_no_time(language: str, text: str, year: str) -> None:
    when = _when(text, language)
    assert all(t.value != year for t in when), _values(when)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The notice was filed on 7/8/2019 by the clerk.", "2019-07-08"),
        ("Revenue fell in 2021, the company said.", "2021"),
        ("The plant closed on 2019-10-05 after a fire.", "2019-10-05"),
    ],
)
def test_dates_that_look_like_numbers_stay_dates(text: str, expected: str) -> None:
    assert expected in _values(_when(text)).values()


def test_a_year_ending_a_laws_title_is_part_of_the_title() -> None:
    text = "Farmers must follow the Clean Rivers Act 2021, the agency said."
    start = text.index("Clean Rivers Act")
    span = Span(start=start, end=start + len("Clean Rivers Act"), text="Clean Rivers Act")
    law = NamedThing(name="Clean Rivers Act", kind="law", mention=span, evidence=[span], origin="rule")
    aligner = Aligner(ArticleIndex(text), WEDNESDAY, "en")
    when = add_times(GroundedDraft(others=[law]), aligner, [], rules_for("en").times).when
    assert all(t.value != "2021" for t in when), _values(when)
    assert "2021" in _values(_when(text)).values()  # without the law's name the year stands


def test_an_events_year_says_when_it_was() -> None:
    assert "2019" in _values(_when("She won the 2019 Boston Marathon in record time.")).values()


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("en", "He told USA Today that the deal was off.", "Today"),
        ("en", "The island is today a quiet fishing port.", "today"),
        ("en", "The village, which today has 900 residents, was once a mining town.", "today"),
    ],
)
def test_today_as_a_name_or_as_nowadays_is_no_day(language: str, text: str, word: str) -> None:
    start = text.index(word)
    assert not_a_time(text, start, start + len(word), language)


@pytest.mark.parametrize(
    "text", ["The court ruled today that the sale may go ahead.", "Today the court ruled on the sale."]
)
def test_todays_news_is_today(text: str) -> None:
    assert _values(_when(text)).get("today", _values(_when(text)).get("Today")) == "2026-09-09"


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("en", 'The coach said: "We rest tomorrow. The final is on Sunday."', "tomorrow"),
        ("en", "“It was a long season. Tomorrow we start again,” the captain said.", "Tomorrow"),
        ("fr", "« Nous reprenons demain », a déclaré l'entraîneur.", "demain"),
        ("es", "«Mañana volvemos a entrenar», dijo el entrenador.", "Mañana"),
        ("de", "„Morgen trainieren wir wieder“, sagte der Trainer.", "Morgen"),
    ],
)
def test_a_quoted_relative_day_is_the_speakers_and_gets_no_value(language: str, text: str, word: str) -> None:
    start = text.index(word)
    assert quoted_relative_day(text, start, start + len(word), language)
    assert all(t.value is None for t in _when(text, language) if t.text == word)


def test_the_papers_own_tomorrow_is_dated() -> None:
    text = 'The coach said "we rest" and the team travels tomorrow.'
    assert _values(_when(text))["tomorrow"] == "2026-09-10"


@pytest.mark.parametrize(
    ("language", "sentence", "expression", "way"),
    [
        ("en", "The bridge reopens on Monday after repairs.", "Monday", "ahead"),
        ("en", "The bridge reopened on Monday after repairs.", "Monday", "back"),
        ("en", "The trial starts on Tuesday in the capital.", "Tuesday", "ahead"),
        ("fr", "Le procès s'ouvre lundi devant la cour d'assises.", "lundi", "ahead"),
        ("es", "El plazo vence el viernes a medianoche.", "viernes", "ahead"),
        ("de", "Die Messe beginnt am Montag in Halle 3.", "Montag", "ahead"),
    ],
)
def test_the_present_of_a_schedule_points_ahead(language: str, sentence: str, expression: str, way: str) -> None:
    start = sentence.index(expression)
    assert tense.direction(sentence, start, start + len(expression), language) == way


def test_a_scheduled_weekday_in_the_present_is_the_coming_one() -> None:
    assert _values(_when("The museum reopens on Monday, the city said."))["on Monday"] == "2026-09-14"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two chains set limits on March 4 and 5 respectively.", {"March 4": "2026-03-04", "5": "2026-03-05"}),
        ("The fair ran June 3-5, 2021 in the park.", {"June 3": "2021-06-03", "5": "2021-06-05"}),
    ],
)
def test_the_second_day_of_a_range_is_a_day_of_the_same_month(text: str, expected: dict[str, str]) -> None:
    values = _values(_when(text))
    for words, value in expected.items():
        assert values.get(words) == value, values


def test_a_count_after_a_date_is_no_second_day() -> None:
    assert "5" not in _values(_when("On March 4 and 5 people were hurt in the crash."))
