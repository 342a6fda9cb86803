"""Names listed after a plural place noun ("the towns of A, B and C") are places, whatever the names alone suggest
(a surname-like town is not a person). The articles are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.brief.engine import Summarizer
from summarizer.ingest.article import Article
from summarizer.rules.kinds import written_as_place
from summarizer.rules.places import listed_as_places

FLOOD = (
    "Storm floods river towns\n\n"
    "Heavy rain flooded the valley on Monday. Governor Paula Reyes told reporters the towns hit were mostly "
    "Arbela, Sotomar, Villena, Quiroz, and Medrano. Rescue teams reached Villena by boat."
)


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("He toured the towns of Arden, Bexley and Corran on Monday.", ["Arden", "Bexley", "Corran"]),
        ("The villages flooded were mostly Pellow, Dunmere, and Brill.", ["Pellow", "Dunmere", "Brill"]),
        ("Small districts such as Holm or Tarrow lost power.", ["Holm", "Tarrow"]),
        ("Officials in the provinces where Smith and Jones said it rained.", []),
        ("Cities in Texas reported damage; Mayor Ann Cole spoke.", []),
        ("The towns of Arden held a vote.", []),
    ],
)
def test_names_listed_after_a_place_noun(text: str, listed: list[str]) -> None:
    """Two names at least, after the noun and a few words that do not leave the list ("where", "in", "said")."""
    assert [text[s:e] for s, e in listed_as_places(text)] == listed


def test_a_listed_name_reads_as_a_place() -> None:
    assert written_as_place("Medrano", FLOOD)
    assert not written_as_place("Paula Reyes", FLOOD)


def test_the_brief_puts_listed_towns_in_where() -> None:
    brief = Summarizer(model="none").summarize(Article(text=FLOOD, language="en", published=date(2026, 3, 3)))
    where = {p.name for p in brief.where}
    assert {"Arbela", "Sotomar", "Villena", "Quiroz", "Medrano"} <= where, where
    assert {a.name for a in brief.who} == {"Paula Reyes"}
