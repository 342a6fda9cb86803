"""What a lead tells inside a noun's modifiers: a participle of charging or of belief on a noun ("a nurse accused of
poisoning patients", "a prisoner, suspected to be Tom Reed"), a relative clause told as said or likely ("where two
are said to be critical"), a noun an adjective marks as alleged or planned after a preposition of inquiry or
dispute ("an investigation into alleged misconduct"), what a warning says is likely, and the purpose of what is to
come. Each is an event of its own, with the noun it is about, and keeps its own status whatever the main clause
tells. Every sentence is the project's own; spaCy's English pipeline parses them.
"""

from __future__ import annotations

import pytest

from summarizer.nlp.clauses import future_clauses, main_clause, side_clauses
from summarizer.nlp.entities import recognizes
from summarizer.nlp.factuality import status_of
from summarizer.rules.text import split_sentences

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")


def sides(sentence: str) -> dict[str, str]:
    main = main_clause(sentence, 0, len(sentence))
    return {c.text: status_of(c.verb) for c in side_clauses(sentence, 0, len(sentence), main.verb if main else None)}


def futures(sentence: str) -> dict[str, str]:
    main = main_clause(sentence, 0, len(sentence))
    return {c.text: status_of(c.verb) for c in future_clauses(sentence, 0, len(sentence), main.verb if main else None)}


@pytest.mark.parametrize(
    ("sentence", "clause", "status"),
    [
        (
            "A former nurse accused of poisoning four patients at a care home went on trial on Monday.",
            "A former nurse accused of poisoning four patients at a care home",
            "alleged",
        ),
        (
            "A man suspected of robbing two banks in the city was arrested on Saturday.",
            "A man suspected of robbing two banks in the city",
            "alleged",
        ),
        (
            "Officer Ray Holt was shot on Friday by a prisoner, suspected to be 23-year-old Tom Reed.",
            "a prisoner suspected to be 23 year old Tom Reed",
            "unclear",  # the guide's "suspected": possible, as "is suspected to be"
        ),
        (
            "The injured were taken to hospital, where two are said to be in a critical condition.",
            "two are said to be in a critical condition",
            "unclear",
        ),
        (
            "Shares in the group fell on Wednesday after the company warned that profits were likely to fall.",
            "profits were likely to fall",
            "unclear",
        ),
        (
            "The House issued a subpoena in its investigation into alleged misconduct by President Walter Dunne.",
            "alleged misconduct by President Walter Dunne",
            "alleged",
        ),
        (
            "The district attorney is investigating the senator over alleged payments made to two aides.",
            "alleged payments made to two aides",
            "alleged",
        ),
        (
            "Hundreds protested in the capital over the planned closure of the steel plant.",
            "planned closure of the steel plant",
            "planned",
        ),
        # a relative clause names the noun it is about, not its pronoun
        (
            "Police found a car that appears to have been used in the robbery.",
            "a car appears to have been used in the robbery",
            "unclear",
        ),
        (
            "The fire, which officials say may have been started by a cigarette, destroyed forty homes.",
            "The fire may have been started by a cigarette",
            "unclear",
        ),
        (
            "The recorder, which could explain the cause of the crash, has not yet been found.",
            "The recorder could explain the cause of the crash",
            "unclear",
        ),
    ],
)
def test_a_modifier_of_a_noun_is_told_with_its_own_status(sentence: str, clause: str, status: str) -> None:
    assert sides(sentence).get(clause) == status, sides(sentence)


def test_the_purpose_of_what_is_to_come_and_a_request_are_planned() -> None:
    assert futures("A vote will be held on Thursday to choose a new party leader.").get(
        "to choose a new party leader"
    ) == ("planned")
    assert futures("The Queen agreed to the request of the prime minister to suspend Parliament for five weeks.").get(
        "to suspend Parliament for five weeks"
    ) == ("planned")
    assert "to win the cup" not in futures("The team trained hard to win the cup.")  # a past purpose is no plan


def test_a_noun_that_names_a_person_or_is_taken_by_of_adds_nothing() -> None:
    assert sides("The trial of the alleged killer began on Monday.") == {}
    assert sides("Police carried out raids on suspected militants in the north.") == {}
    assert sides("The driver was arrested on Monday.") == {}


def test_a_closing_quotation_mark_ends_its_sentence() -> None:
    text = 'Seven died; the cause of death reportedly was "blunt trauma." The victims were members of a club.'
    first, second = split_sentences(text)
    assert first.text.endswith('trauma."') and second.text.startswith("The victims")
    assert [s.text for s in split_sentences("He said: (It was late.) Then he left.")] == [
        "He said: (It was late.)",
        "Then he left.",
    ]


@pytest.mark.parametrize(
    ("sentence", "main", "side"),
    [
        (
            "A man, believed to be in his forties, was found dead in a flat in Calder on Sunday.",
            "A man was found dead in a flat in Calder on Sunday",
            "A man believed to be in his forties",
        ),
        (
            "Two men believed to be brothers were detained at the border on Sunday.",
            "Two men were detained at the border on Sunday",
            "Two men believed to be brothers",
        ),
        (
            "The gunman, thought to be a former employee, opened fire in the office on Monday.",
            "The gunman opened fire in the office on Monday",
            "The gunman thought to be a former employee",
        ),
        (
            "A woman said to be the leader of the gang was arrested in Orlin.",
            "A woman was arrested in Orlin",
            "A woman said to be the leader of the gang",
        ),
        (
            "The boat, reported to be carrying 200 migrants, sank off the coast on Tuesday.",
            "The boat sank off the coast on Tuesday",
            "The boat reported to be carrying 200 migrants",
        ),
    ],
)
def test_a_participle_of_belief_on_the_subject_is_no_verb_of_the_sentence(sentence: str, main: str, side: str) -> None:
    """The small parse takes "believed" in "Two men believed to be brothers were detained" for the sentence's verb
    (or gives it the subject): the sentence tells a detaining, as fact, and what is believed of the men, as unsure."""
    clause = main_clause(sentence, 0, len(sentence))
    assert clause is not None and (clause.text, status_of(clause.verb)) == (main, "confirmed")
    assert sides(sentence).get(side) == "unclear", sides(sentence)


def test_a_participle_of_saying_on_the_subject_leaves_the_sentence_its_verb() -> None:
    sentence = "Protesters claiming the vote was rigged marched through the capital on Saturday."
    clause = main_clause(sentence, 0, len(sentence))
    assert clause is not None and clause.text == "Protesters marched through the capital on Saturday"
    assert main_clause("Police believed the fire was set on purpose.", 0, 44).text == "the fire was set on purpose"


def test_a_dateline_the_parse_makes_the_root_leaves_the_sentence_its_verb() -> None:
    sentence = "CALDER \u2014 Two men believed to be brothers were detained at the border on Sunday."
    clause = main_clause(sentence, 0, len(sentence))
    assert clause is not None and clause.text == "Two men were detained at the border on Sunday"
    assert status_of(clause.verb) == "confirmed"
