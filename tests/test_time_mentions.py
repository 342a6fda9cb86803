"""A time named again is one time with several mentions (schema 1.8), scored at every place it is named.

The texts are written for these tests.
"""

from __future__ import annotations

from datetime import date

from summarizer.brief.align import Aligner
from summarizer.brief.items import GroundedDraft
from summarizer.brief.languages import rules_for
from summarizer.brief.when import MAX_TIMES, add_times
from summarizer.evaluation.annotations import GoldTime
from summarizer.evaluation.times import score_times
from summarizer.rules.text import ArticleIndex
from summarizer.schema import Event, Span, TimeReference

FRIDAY = date(2026, 8, 14)
TEXT = (
    "The ferry ran aground on Monday near the harbour. "
    "Divers reached the hull Monday evening after a long wait. "
    "The owners said the ferry had been inspected Monday, hours before it sailed. "
    "Two tugs pulled it free on Wednesday."
)


def _when(text: str, what: list[Event] | None = None) -> GroundedDraft:
    aligner = Aligner(ArticleIndex(text), FRIDAY, "en")
    return add_times(GroundedDraft(what=what or []), aligner, [], rules_for("en").times)


def _span(text: str, words: str, occurrence: int = 1) -> Span:
    start = -1
    for _ in range(occurrence):
        start = text.index(words, start + 1)
    return Span(start=start, end=start + len(words), text=words)


def test_the_same_day_named_again_is_one_time_with_every_mention() -> None:
    when = _when(TEXT).when
    mondays = [t for t in when if t.value == "2026-08-10" and "evening" not in t.text]
    assert len(mondays) == 1, [(t.text, t.value) for t in when]
    assert [m.start for m in mondays[0].mentions] == [
        _span(TEXT, "on Monday").start,
        _span(TEXT, "Monday", 3).start,
    ]
    assert all(TEXT[m.start : m.end] == m.text for m in mondays[0].mentions)
    assert [t.value for t in when].count("2026-08-12") == 1


def test_the_same_words_with_another_value_stay_apart() -> None:
    text = "Talks ended on Monday without a deal. The two sides will meet again next Monday."
    values = sorted(t.value or "" for t in _when(text).when)
    assert values == ["2026-08-10", "2026-08-17"]


def test_an_event_in_a_later_sentence_gets_the_time_named_there_again() -> None:
    sentence = _span(TEXT, "The owners said the ferry had been inspected Monday, hours before it sailed.")
    event = Event(
        description="the ferry had been inspected",
        status="confirmed",
        evidence=[sentence],
        origin="rule",
    )
    (dated,) = _when(TEXT, [event]).what
    assert dated.times == ["on Monday"]


def test_repeated_mentions_do_not_use_up_the_bound() -> None:
    days = [f"July {day}" for day in range(1, MAX_TIMES - 2)]
    text = " ".join(f"Crews had the road open by {day}. It stayed shut {day} after a slip." for day in days)
    text += " The council met on August 3. It reopened the road on August 4. Repairs began in June."
    when = _when(text).when
    assert len(when) <= MAX_TIMES
    assert {"2026-08-03", "2026-08-04", "2026-06"} <= {t.value for t in when}, [(t.text, t.value) for t in when]


def test_every_mention_counts_for_recall_and_a_wrong_one_makes_the_time_wrong() -> None:
    text = "It rained on Monday. Roads flooded Monday. Schools shut Monday."
    mentions = [_span(text, "on Monday"), _span(text, "Monday", 2), _span(text, "Monday", 3)]
    time = TimeReference(
        text="on Monday",
        date=date(2026, 8, 10),
        precision="day",
        value="2026-08-10",
        mention=mentions[0],
        mentions=mentions,
        evidence=[mentions[0]],
        origin="rule",
    )
    golds = [GoldTime(**m.model_dump(), type="DATE", value="2026-08-10") for m in mentions]
    score = score_times(golds, [time], scope_end=len(text))
    assert score.recall == (3, 3) and score.precision == (1, 1)
    golds[2] = golds[2].model_copy(update={"value": "2026-08-03"})
    score = score_times(golds, [time], scope_end=len(text))
    assert score.recall == (2, 3) and score.precision == (0, 1)
    older = time.model_copy(update={"mentions": []})
    assert score_times(golds, [older], scope_end=len(text)).recall == (1, 3)


def test_a_single_unit_left_unresolved_is_a_duration_not_a_time() -> None:
    text = "The mill has been shut for a year, the owner said. It reopens on Monday."
    assert [t.text for t in _when(text).when if t.value is None] == []
