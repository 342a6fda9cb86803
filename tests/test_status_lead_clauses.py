"""A lead's planned and unsure events are kept and flagged (issue 24.4): the grammar that tells them.

Each case failed before this file: "is to" + infinitive gave no event (the
clause read "she is"), an unsure clause beside a sure one ("while the rest
are presumed dead") gave none, a noun of intent lost its infinitive ("stated
its intention"), and passives of presuming, verbs of suggesting and a doubted
cause read as confirmed. The sentences are the project's own (fictional).
The *_KEPT cases hold what must stay as it was.
"""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.brief.events import ground_events
from summarizer.brief.grounding import Grounder
from summarizer.brief.languages import rules_for
from summarizer.nlp import factuality
from summarizer.nlp.clauses import future_clauses, main_clause, side_clauses
from summarizer.rules.text import ArticleIndex

STATUS = [
    ("The rest of the crew are presumed dead.", "crew presumed dead", "unclear"),
    ("Two climbers were reported missing on the ridge.", "climbers reported missing", "unclear"),
    ("Early findings suggest a deliberate attack on the depot.", "findings suggest attack", "unclear"),
    ("Engineers suggest the dam was weakened by the floods.", "dam weakened floods", "unclear"),
    ("A suspected wiring fault caused the blaze at the depot.", "fault caused blaze", "unclear"),
    ("The bakery announced its intention to close the branch.", "bakery announced intention close", "planned"),
]
STATUS_KEPT = [
    ("The ferry line has plans to add a night crossing.", "ferry line plans add crossing", "planned"),
    ("The suspected gunman fled the scene on foot.", "gunman fled scene", "confirmed"),  # a suspect still fled
    ("The union signed an agreement to end the strike.", "union signed agreement", "confirmed"),
    ("The board made the decision to sell the stadium.", "board made decision", "confirmed"),
    ("The climbers were found safe on Monday.", "climbers found safe", "confirmed"),
]


@pytest.mark.parametrize(("sentence", "statement", "status"), STATUS + STATUS_KEPT)
def test_status_of_supposed_intended_and_doubted_events(sentence: str, statement: str, status: str) -> None:
    verb = factuality.anchor(sentence, 0, len(sentence), statement)
    assert verb is not None and factuality.status_of(verb) == status, (verb, verb and factuality.status_of(verb))


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        ("The mayor said she is to step down next week.", "she is to step down next week"),
        ("The library is to reopen in the spring.", "The library is to reopen in the spring"),
    ],
)
def test_is_to_gives_a_planned_main_clause(sentence: str, statement: str) -> None:
    clause = main_clause(sentence, 0, len(sentence))
    assert clause is not None and clause.text == statement
    assert factuality.status_of(clause.verb) == "planned"


def test_the_past_of_is_to_is_not_read_as_arranged_now() -> None:
    """ "were to open": a past arrangement, whose outcome the article may tell apart; no future clause of it."""
    sentence = "The two stations were to open in May, the operator said."
    assert all("open" not in c.text for c in future_clauses(sentence, 0, len(sentence)))


def test_an_arranged_clause_after_a_colon_keeps_its_subject() -> None:
    sentence = "The council chose a name on Friday: the square is to honour a local nurse."
    main = main_clause(sentence, 0, len(sentence))
    found = [main, *future_clauses(sentence, 0, len(sentence), besides=main.verb if main else None)]
    planned = [c for c in found if c is not None and factuality.status_of(c.verb) == "planned"]
    assert any(c.text.startswith("the square is to honour") for c in planned), [c and c.text for c in found]


def test_a_noun_of_intent_keeps_its_infinitive() -> None:
    sentence = "The bakery announced its intention to close the branch."
    clause = main_clause(sentence, 0, len(sentence))
    assert clause is not None and clause.text == "The bakery announced its intention to close the branch"


def test_a_side_clause_with_its_own_subject_is_found() -> None:
    sentence = "Three hikers were found safe while two others are presumed dead."
    main = main_clause(sentence, 0, len(sentence))
    assert main is not None and main.text == "Three hikers were found safe"
    side = side_clauses(sentence, 0, len(sentence), besides=main.verb)
    assert [c.text for c in side] == ["two others are presumed dead"]
    assert factuality.status_of(side[0].verb) == "unclear"


LEAD = (
    "Ferry Sinks off Island\n\n"
    "A ferry sank off the island of Vis on Sunday. "
    "Eleven passengers were rescued while four others are presumed dead. "
    "The operator said the route is to close until March. "
    "The harbour can hold 40 boats and the new pier can take two ferries."
)


def test_the_lead_keeps_its_unsure_and_planned_events_and_no_capacity_as_doubt() -> None:
    """Without a model: the lead's parse gives the presumed deaths (unclear) beside the rescue (confirmed) and the
    closure to come (planned); a modal of capacity beside a main clause adds no unsure event."""
    aligner = Grounder(ArticleIndex(LEAD), date(2026, 11, 24))
    lead = aligner.index.sentences[1:]
    events, _ = ground_events(aligner, [], [], lead, reading=rules_for("en").events)
    by_text = {e.description: e.status for e in events}
    assert by_text.get("four others are presumed dead") == "unclear", by_text
    assert by_text.get("Eleven passengers were rescued") == "confirmed", by_text
    assert any(status == "planned" and "is to close" in text for text, status in by_text.items()), by_text
    assert not any("new pier" in text for text in by_text), by_text
