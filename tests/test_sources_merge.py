"""One source per speaker, and a model's source only where a speaker stands (issue 24, sources precision).

The articles are written for these tests (CC0, fictional people and events, real places). Each runs spaCy's real
English pipeline and the source rules; none needs the LLM.
"""

from __future__ import annotations

from datetime import date

from summarizer.brief.grounding import Grounder
from summarizer.brief.languages import rules_for
from summarizer.brief.sources import find_sources
from summarizer.llm.draft import DraftSource
from summarizer.rules.attribution import reports_speech
from summarizer.rules.text import ArticleIndex
from summarizer.schema import Source

PUBLISHED = date(2026, 11, 24)


def sources_of(text: str, drafted: list[DraftSource] | None = None) -> list[Source]:
    aligner = Grounder(ArticleIndex(text), PUBLISHED)
    return find_sources(aligner, drafted or [], rules_for("en").sources)


def test_an_unnamed_short_form_is_the_named_source_again() -> None:
    text = (
        "Bronze Bell Stolen\n\n"
        "On Sunday, Northgate Valley Police said they had arrested a second man over the theft of a bronze bell. "
        "The bell was taken from a chapel near Oxford last week. "
        "Police said on Monday they believe the thieves used two vans."
    )
    sources = sources_of(text)
    assert [s.name for s in sources] == ["Northgate Valley Police"]
    assert not sources[0].anonymous
    assert [m.text for m in sources[0].mentions] == ["Northgate Valley Police", "Police"]


def test_an_unnamed_source_with_another_head_stays_apart() -> None:
    text = (
        "Bronze Bell Stolen\n\n"
        "Northgate Valley Police said they had arrested a second man over the theft of a bronze bell. "
        "A police spokesman said the thieves used two vans."
    )
    names = [s.name for s in sources_of(text)]
    assert names == ["Northgate Valley Police", "A police spokesman"]


PIER = (
    "Pier Closed\n\n"
    "The town closed its old pier on Friday. "
    "Speaking to the Harbour Courier, engineer Ana Lind said the pier was unsafe. "
    "Avalon Centre for Coastal Health Security medical anthropologist Tomas Berg told the press in a separate "
    'interview, "Repairs will cost a million euros." '
    "United States District Judge Mara Quist sentenced the builder to two years in prison."
)


def test_a_listener_or_a_word_before_the_speaker_is_no_model_source() -> None:
    drafted = [
        DraftSource(n="Harbour Courier", s=[3]),
        DraftSource(n="Avalon Centre for Coastal Health Security", s=[4]),
        DraftSource(n="Mara Quist", s=[5]),  # "States" is no verb: the sentence quotes nobody
    ]
    sources = sources_of(PIER, drafted)
    assert [s.name for s in sources] == ["Ana Lind", "Tomas Berg"]
    assert all(s.origin == "rule" for s in sources)


def test_a_model_source_the_parse_misses_is_kept_and_named() -> None:
    text = "Pier Closed\n\nThe town closed its old pier on Friday. The Harbour Poll average shows the mayor ahead by six points."
    sources = sources_of(text, [DraftSource(n="Harbour Poll", s=[3])])
    assert [(s.name, s.origin, s.anonymous) for s in sources] == [("Harbour Poll", "model", False)]


def test_a_capitalised_name_inside_a_sentence_is_no_reporting_verb() -> None:
    assert not reports_speech("United States District Judge Mara Quist sentenced the builder to two years.")
    assert reports_speech("States disagree, the judge said.")
    assert reports_speech("Reports say the pier will reopen.")


def test_the_outlet_narrating_its_own_work_is_no_source() -> None:
    text = (
        "Ferry Company Exposes Passenger Records\n\n"
        "Maria Costa, a spokeswoman for the port, said the ferry company's passenger records were left online. "
        "The Harbour Courier confirmed with the company that the records had been taken down. "
        "Washington Daily Ledger reported that two other ports used the same software."
    )
    aligner = Grounder(ArticleIndex(text), PUBLISHED, outlet="Harbour Courier")
    names = [s.name for s in find_sources(aligner, [DraftSource(n="Harbour Courier", s=[2])], rules_for("en").sources)]
    assert "Maria Costa" in names, names
    assert not any("Courier" in name for name in names), names
    assert any("Ledger" in name for name in names), names
    assert any("Courier" in s.name for s in sources_of(text)), "without an outlet the Courier speaks"
