"""Figures that follow a story across days compare only the same measure (issue 24 item 6).

The two-day stories of ``tests/data/two-day-figures`` (written for this project,
CC0; English, French, Spanish, German) are briefed by the ``none`` backend
(rules alone), day 1 then day 2, into one store; day 2's digest must list
exactly the figure changes each story states, and name apart the figures of
related measures it must not compare. The other tests read single sentences.
"""

from __future__ import annotations

import pytest

from benchmarks import figure_changes as bench
from summarizer.digest.continuity import _same_source
from summarizer.digest.schema import Digest
from summarizer.render.digest_html import render_digest_html
from summarizer.render.digest_markdown import render_digest_markdown
from summarizer.rules.counts import amounts
from summarizer.rules.measures import read

STORIES = bench.load()


@pytest.fixture(scope="module")
def two_days() -> tuple[list[bench.Outcome], Digest]:
    return bench.run(STORIES)


@pytest.fixture(scope="module")
def outcomes(two_days: tuple[list[bench.Outcome], Digest]) -> dict[str, bench.Outcome]:
    return {o.id: o for o in two_days[0]}


def test_the_stories_cover_four_languages_and_several_measures_each() -> None:
    assert len(STORIES) >= 12
    assert sum(s["language"] == "en" for s in STORIES) >= 6
    assert {s["language"] for s in STORIES} == {"en", "fr", "es", "de"}
    assert all(len(s["changes"]) + len(s["apart"]) >= 1 for s in STORIES)


@pytest.mark.parametrize("story", [s["id"] for s in STORIES])
def test_day_two_lists_exactly_the_changes_of_the_same_measure(outcomes: dict[str, bench.Outcome], story: str) -> None:
    outcome = outcomes[story]
    assert outcome.linked, "day 2's story does not continue day 1's"
    assert outcome.changes == outcome.want_changes
    assert outcome.apart == outcome.want_apart


def test_the_bus_crash_shows_the_toll_and_keeps_injured_apart_from_in_hospital(
    outcomes: dict[str, bench.Outcome],
) -> None:
    bus = outcomes["en-bus-crash"]
    assert ("killed", ("12",), "19") in bus.changes
    assert not any(c[0] in {"injured", "in hospital"} for c in bus.changes)
    assert bus.apart == {("injured", ("20",), "in hospital", "15")}


def readings(text: str, language: str = "en") -> list[tuple[str, float, str, bool]]:
    return [(r.measure, r.value, text[r.start : r.end], r.added) for r in read(text, 0, len(text), language)]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "No one has been arrested, police said.", [("arrested", 0, "No one", False)]),
        ("en", "No deaths were reported.", [("killed", 0, "No deaths", False)]),
        ("fr", "Personne n'a été blessé.", [("injured", 0, "Personne n'a été blessé", False)]),
        ("es", "Nadie ha sido detenido.", [("arrested", 0, "Nadie ha sido detenido", False)]),
        ("de", "Keine Toten wurden gemeldet.", [("killed", 0, "Keine Toten", False)]),
    ],
)
def test_a_negation_is_zero_not_one(language: str, text: str, expected: list[tuple[str, float, str, bool]]) -> None:
    assert readings(text, language) == expected


def test_an_increase_is_not_a_total_and_a_total_takes_the_increase_s_measure() -> None:
    assert readings("A further seven people died overnight, raising the total to 26.") == [
        ("killed", 7, "seven", True),
        ("killed", 26, "26", False),
    ]
    # "30 others" next to the dead are other people, not more of the dead
    assert readings("Al menos 12 personas murieron y otras 30 resultaron heridas.", "es") == [
        ("killed", 12, "Al menos 12", False),
        ("injured", 30, "30", False),
    ]


def test_others_alone_are_either_more_or_other_people_so_no_count() -> None:
    assert readings("Sept autres personnes sont mortes, portant le bilan total à 26.", "fr") == [
        ("killed", 7, "Sept", True),
        ("killed", 26, "26", False),
    ]
    assert readings("Otras tres personas siguen desaparecidas.", "es") == []


def test_a_number_inside_a_name_is_no_count() -> None:
    text = "Nach dem Unglück auf der A8 ist die Zahl der Toten auf 16 gestiegen."
    assert readings(text, "de") == [("killed", 16, "16", False)]


def test_a_past_value_and_a_noun_of_its_own_are_not_counts() -> None:
    assert readings("The unemployment rate rose from 4.1% to 4.6% in March.") == [("% rate", 4.6, "4.6%", False)]
    assert readings("Two men were arrested and 300 people were evacuated from 1,200 homes.") == [
        ("arrested", 2, "Two", False),
        ("evacuated", 300, "300", False),
    ]


def test_sums_in_french_spanish_and_german_keep_currency_scale_and_purpose() -> None:
    found = [
        (a.currency, a.value, a.thing)
        for text, language in (
            ("La région a débloqué 4,2 millions d'euros d'aide.", "fr"),
            ("El ayuntamiento destinó 3 millones de dólares en ayudas.", "es"),
            ("Das Land stellt 1.500 Euro Soforthilfe pro Haushalt bereit.", "de"),
        )
        for a in amounts(text, 0, None, language)
    ]
    assert found == [("EUR", 4.2e6, "aide"), ("USD", 3e6, "ayudas"), ("EUR", 1500, "soforthilfe")]


def test_generic_unnamed_sources_are_one_voice_from_day_to_day() -> None:
    assert _same_source("investigators", True, "crash investigators", True)
    assert _same_source("the police", True, "a police", True)
    assert not _same_source("investigators", True, "a witness", True)


def test_the_digest_says_plainly_that_different_measures_are_not_compared(
    two_days: tuple[list[bench.Outcome], Digest],
) -> None:
    digest = two_days[1]
    markdown, page = render_digest_markdown(digest), render_digest_html(digest)
    assert "- killed: 12 → **19**" in markdown
    assert "- injured 20, then in hospital 15: different measures, not compared" in markdown
    assert "injured 20, then in hospital 15: different measures, not compared" in page
    assert "injured: 20 → " not in markdown
