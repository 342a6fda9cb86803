"""What a lead tells beside its main clause without a verb of its own: a hedged phrase ("reportedly of heart
failure", "burns over reportedly 40% of his body") is doubted, and a suspicion's "of"/"in" phrase ("on suspicion of
arson", "the suspect in a stabbing") is alleged; a hedged clause that shares its subject keeps it ("the strike began
... but has reportedly spread"). Every sentence is the project's own; spaCy's English pipeline parses them.
"""

from __future__ import annotations

import pytest

from summarizer.nlp.clauses import main_clause, side_clauses
from summarizer.nlp.entities import recognizes
from summarizer.nlp.factuality import status_of

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")


def sides(sentence: str) -> dict[str, str]:
    main = main_clause(sentence, 0, len(sentence))
    return {c.text: status_of(c.verb) for c in side_clauses(sentence, 0, len(sentence), main.verb if main else None)}


@pytest.mark.parametrize(
    ("sentence", "phrase", "status"),
    [
        ("The singer died at home on Sunday, reportedly of heart failure.", "reportedly of heart failure", "unclear"),
        ("He was treated for burns over reportedly 40% of his body.", "reportedly 40% of his body", "unclear"),
        (
            "The mayor took allegedly illegal payments from builders.",
            "allegedly illegal payments from builders",
            "alleged",
        ),
        ("The man, apparently a local farmer, was detained.", "apparently a local farmer", "unclear"),
        ("Police held a man on suspicion of arson on Monday.", "suspicion of arson", "alleged"),
        ("Ann Brell, the suspect in a stabbing, was released.", "the suspect in a stabbing", "alleged"),
        ("The strike began on Monday but has reportedly spread.", "The strike has spread", "unclear"),
        (
            "The town built a dam so the river could not flood the fields.",
            "the river could not flood the fields",
            "denied",
        ),
        ("The council raised taxes so that it can repair the roads.", "it can repair the roads", "planned"),
    ],
)
def test_a_phrase_beside_the_main_clause_keeps_its_own_status(sentence: str, phrase: str, status: str) -> None:
    assert sides(sentence).get(phrase) == status, sides(sentence)


def test_a_plain_phrase_or_a_suspect_who_is_the_subject_adds_nothing() -> None:
    assert sides("It rained so much that the match was called off.") == {}  # a result, not a purpose
    assert sides("The man, a local farmer, was detained on Monday.") == {}
    assert sides("The suspect in the stabbing was arrested on Monday.") == {}  # the main clause tells it
