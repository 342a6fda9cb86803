"""Who items that are a piece of a longer name, a bare title or a function word (brief/fragments.py).

Every text here was written for these tests.
"""

from __future__ import annotations

import pytest

from summarizer.brief.fragments import set_right_fragments
from summarizer.brief.items import GroundedDraft
from summarizer.nlp.entities import recognizes
from summarizer.schema import Actor, ActorKind, Span

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")


def _actor(text: str, name: str, kind: ActorKind = "organization", nth: int = 0) -> Actor:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    span = Span(start=start, end=start + len(name), text=name)
    return Actor(name=name, kind=kind, mention=span, evidence=[span], origin="model")


def _who(text: str, *actors: Actor) -> list[str]:
    return [a.name for a in set_right_fragments(GroundedDraft(who=list(actors)), text, "en").who]


def test_a_word_only_ever_inside_a_longer_name_is_no_actor() -> None:
    text = (
        "The Secretary of Agriculture said on Monday that the harvest had failed in the north. "
        "Farmers asked the Secretary of Agriculture for help, and the Grain Board agreed."
    )
    names = _who(text, _actor(text, "Agriculture"), _actor(text, "Grain Board"))
    assert "Agriculture" not in names
    assert "Grain Board" in names


def test_a_word_that_also_stands_alone_stays() -> None:
    text = "Kestrel Marine said on Monday that it would close its yard. Kestrel employs 300 people in the town."
    assert _who(text, _actor(text, "Kestrel")) == ["Kestrel"]


def test_a_body_after_a_person_and_of_is_its_own_name() -> None:
    text = 'The find "changes what we know," said Ada Brandt of Lakeline. The team will publish next year.'
    assert _who(text, _actor(text, "Lakeline")) == ["Lakeline"]


def test_a_title_before_a_name_does_not_make_it_a_piece() -> None:
    text = "Governor Brandt signed the bill on Friday. The law takes effect in May."
    assert _who(text, _actor(text, "Brandt", "person")) == ["Brandt"]


def test_a_title_followed_by_a_listed_person_goes() -> None:
    text = '"We are asking anyone who saw the van to call us," said Detective Sergeant Tom Okafor on Tuesday.'
    title = _actor(text, "Detective Sergeant", "person")
    person = _actor(text, "Tom Okafor", "person")
    assert _who(text, title, person) == ["Tom Okafor"]


def test_a_title_followed_by_an_unlisted_person_becomes_that_person() -> None:
    text = '"We are asking anyone who saw the van to call us," said Detective Sergeant Tom Okafor on Tuesday.'
    (actor,) = set_right_fragments(
        GroundedDraft(who=[_actor(text, "Detective Sergeant", "organization")]), text, "en"
    ).who
    assert actor.name == "Tom Okafor"
    assert actor.kind == "person"
    assert text[actor.mention.start : actor.mention.end] == "Tom Okafor"
    assert "mention" in actor.ruled


def test_title_words_alone_name_nobody() -> None:
    text = "The Deputy Governor resigned on Friday after the audit. The bank said the Deputy Governor had left."
    assert _who(text, _actor(text, "Deputy Governor", "person")) == []


def test_one_title_word_alone_is_left_to_other_rules() -> None:
    text = "Officials said the bridge would stay closed until the inspection ends."
    assert _who(text, _actor(text, "Officials", "group")) == ["Officials"]


def test_a_foreign_function_word_opening_a_quote_is_no_name() -> None:
    text = 'The mayor wrote in Spanish: "Nuestros planes siguen en pie." She left for Lisbon on Sunday.'
    assert _who(text, _actor(text, "Nuestros", "person")) == []


def test_a_function_word_used_as_a_name_inside_a_sentence_stays() -> None:
    text = "The vote was close, May said on Tuesday, and the party would decide by June."
    assert _who(text, _actor(text, "May", "person")) == ["May"]


def test_a_country_acting_is_left_alone() -> None:
    text = "The talks between the United States and its allies ended on Friday."
    assert _who(text, _actor(text, "States", "country")) == ["States"]


def test_a_name_in_capitals_inside_a_longer_one_stays() -> None:
    text = "KBC Radio reported the flooding first. Reporters for KBC Radio reached the village on Sunday."
    assert _who(text, _actor(text, "KBC")) == ["KBC"]


def test_a_run_of_foreign_function_words_opening_a_quote_is_no_name() -> None:
    text = 'The mayor told reporters: "Si la lluvia sigue, cerraremos el puente." The bridge stayed open.'
    assert _who(text, _actor(text, "Si la", "person"), _actor(text, "mayor", "person")) == ["mayor"]


def test_a_quantity_word_opening_a_sentence_is_no_name() -> None:
    text = "The river rose two metres overnight. Thousands left their homes, and the Harbour Board closed the port."
    names = _who(text, _actor(text, "Thousands", "group"), _actor(text, "Harbour Board"))
    assert names == ["Harbour Board"]


def test_a_quantity_word_used_as_a_name_inside_a_sentence_stays() -> None:
    text = "The band Hundreds played in Lakeline on Friday. Hundreds sold out its tour within a day."
    assert _who(text, _actor(text, "Hundreds")) == ["Hundreds"]


def test_a_name_every_use_of_which_follows_a_possessive_is_no_actor() -> None:
    text = "The council met again after their Spring Recess, which lasted two weeks. The Grain Board attended."
    names = _who(text, _actor(text, "Spring Recess"), _actor(text, "Grain Board"))
    assert names == ["Grain Board"]


def test_a_name_that_also_stands_without_a_possessive_stays() -> None:
    text = "Kestrel Marine closed its yard. Their Kestrel Marine crews were moved, and Kestrel Marine hired 40 more."
    assert _who(text, _actor(text, "Kestrel Marine")) == ["Kestrel Marine"]


def test_a_run_of_function_words_after_an_invisible_joiner_is_no_name() -> None:
    text = "The mayor spoke in Spanish: \u200dSi la lluvia sigue, cerraremos el puente. The bridge stayed open."
    assert _who(text, _actor(text, "Si la", "person"), _actor(text, "mayor", "person")) == ["mayor"]


def test_a_word_the_parser_reads_as_an_adjective_is_no_actor() -> None:
    text = "Frost ruined the harvest, and the Andean farmers asked the Grain Board for seed on Monday."
    names = _who(text, _actor(text, "Andean", "group"), _actor(text, "Grain Board"))
    assert names == ["Grain Board"]


def test_a_one_word_name_read_as_a_noun_stays() -> None:
    text = "Kestrel said on Monday that it would close its yard, and Kestrel will pay its workers until May."
    assert _who(text, _actor(text, "Kestrel")) == ["Kestrel"]


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        ("Westmoor Governor Ada Brandt signed the bill on Friday.", "Westmoor Governor Ada Brandt", "Ada Brandt"),
        (
            "Lakeline University historian Tom Okafor said the letters were genuine.",
            "Lakeline University historian Tom Okafor",
            "Tom Okafor",
        ),
        ("The county's deputy sheriff Ola Berg said the road was closed.", "deputy sheriff Ola Berg", "Ola Berg"),
    ],
)
def test_a_person_after_a_place_body_or_title_is_the_item(text: str, name: str, person: str) -> None:
    names = _who(text, _actor(text, name, "organization"))
    assert names == [person]


def test_a_pair_of_people_is_not_cut_to_the_last() -> None:
    text = "Ada and Tom Okafor opened the bakery in 1998."
    assert _who(text, _actor(text, "Ada and Tom Okafor", "person")) == ["Ada and Tom Okafor"]
