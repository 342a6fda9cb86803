"""Who and where items that are no named actor or place (brief/non_names.py).

Every text here was written for these tests.
"""

from __future__ import annotations

import pytest

from summarizer.brief.items import GroundedDraft
from summarizer.brief.non_names import drop_non_names
from summarizer.nlp.entities import recognizes
from summarizer.schema import Actor, ActorKind, Place, PlaceKind, Span

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")


def _span(text: str, name: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Span(start=start, end=start + len(name), text=name)


def _actor(text: str, name: str, kind: ActorKind = "organization", nth: int = 0) -> Actor:
    span = _span(text, name, nth)
    return Actor(name=name, kind=kind, mention=span, evidence=[span], origin="model")


def _place(text: str, name: str, kind: PlaceKind = "city") -> Place:
    span = _span(text, name)
    return Place(name=name, kind=kind, mention=span, evidence=[span], origin="model")


def _who(text: str, *actors: Actor) -> list[str]:
    return [a.name for a in drop_non_names(GroundedDraft(who=list(actors)), text, "en").who]


def _where(text: str, *places: Place) -> list[str]:
    return [p.name for p in drop_non_names(GroundedDraft(where=list(places)), text, "en").where]


def test_a_common_noun_opening_a_quoted_sentence_is_no_actor() -> None:
    text = (
        'The ferry hit the pier at dawn. The harbour master said "Barriers can only hold so much." '
        "A barrier along the quay was bent."
    )
    assert _who(text, _actor(text, "Barriers"), _actor(text, "The harbour master", "person")) == ["The harbour master"]


def test_a_capitalised_word_never_written_in_lower_case_stays() -> None:
    text = "Kestrel said on Monday it would close. Kestrel employs 300 people in the town."
    assert _who(text, _actor(text, "Kestrel")) == ["Kestrel"]


def test_a_first_name_shared_with_a_full_name_becomes_that_person_and_the_family_goes() -> None:
    text = (
        "A court fined Ada and Ben Okafor on Friday. The Okafors had run the shop for years. "
        "Ada Okafor said she would appeal."
    )
    draft = GroundedDraft(
        who=[_actor(text, "Ada", "person"), _actor(text, "Ben Okafor", "person"), _actor(text, "Okafors")]
    )
    who = drop_non_names(draft, text, "en").who
    assert [a.name for a in who] == ["Ada Okafor", "Ben Okafor"]
    assert text[who[0].mention.start : who[0].mention.end] == "Ada Okafor"


def test_a_surname_in_the_plural_with_nobody_of_that_name_listed_stays() -> None:
    text = "The Hendersons sold the farm on Friday to a builder from the next county."
    assert _who(text, _actor(text, "Hendersons", "person")) == ["Hendersons"]


def test_a_title_after_a_person_and_a_comma_is_no_actor() -> None:
    text = (
        "Dr Miriam Okonjo, Chair In Marine Ecology at the university, said the reef was recovering. She led the survey."
    )
    names = _who(text, _actor(text, "Miriam Okonjo", "person"), _actor(text, "Chair In Marine Ecology"))
    assert names == ["Miriam Okonjo"]


def test_a_title_that_names_its_organization_gives_way_to_the_organization() -> None:
    text = (
        '"We thank the crews," said Dana Whitfield, Chief Operating Officer of Harbour Air Lines. '
        "Harbour Air Lines took delivery of its last turboprop on Tuesday."
    )
    title = "Chief Operating Officer of Harbour Air Lines"
    out = drop_non_names(
        GroundedDraft(who=[_actor(text, "Dana Whitfield", "person"), _actor(text, title, "person")]), text, "en"
    ).who
    body = {a.name: a for a in out}
    assert title not in body and "Dana Whitfield" in body, out
    assert body["Harbour Air Lines"].kind == "organization"
    assert text[body["Harbour Air Lines"].mention.start : body["Harbour Air Lines"].mention.end] == "Harbour Air Lines"


def test_the_letters_of_a_law_are_no_actor_or_place() -> None:
    text = "The firm received a notice under the Clean Harbours Act (CHA) on Monday. The CHA notice asked for fees."
    assert _who(text, _actor(text, "CHA")) == []
    assert _where(text, _place(text, "CHA")) == []


def test_the_letters_of_a_body_stay() -> None:
    text = "The Harbour Safety Board (HSB) fined the firm on Monday. The HSB said it would inspect the quay."
    assert _who(text, _actor(text, "HSB")) == ["HSB"]


def test_a_genus_before_a_species_epithet_is_no_actor() -> None:
    text = (
        "The team studied Velociraptor mongoliensis, a small predator. They found Velociraptor ran faster than thought."
    )
    assert _who(text, _actor(text, "Velociraptor")) == []


def test_a_place_only_inside_a_stance_word_is_no_place() -> None:
    text = "The pro-Lisbon candidates lost seats on Sunday, and the pro-Lisbon camp conceded in Porto."
    assert _where(text, _place(text, "Lisbon"), _place(text, "Porto")) == ["Porto"]


def test_a_place_before_a_noun_stays() -> None:
    text = "Lisbon police closed the bridge on Sunday after the storm."
    assert _where(text, _place(text, "Lisbon")) == ["Lisbon"]


def test_other_languages_are_left_alone() -> None:
    text = 'Die Barrieren halten nicht. "Barrieren helfen", sagte er.'
    draft = GroundedDraft(who=[_actor(text, "Barrieren")])
    assert drop_non_names(draft, text, "de") == draft
