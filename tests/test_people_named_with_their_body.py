"""A model may name a person with the body they belong to ("Ann Varley of the Labour Party"): that is the person,
at their own name, not the party. A body named "... of ..." ("The Bank of England") stays a body. A title of office
or faith opens a person's name ("Sheriff Lee"), even where the title is also a body's word.

The text is written for this test; spaCy's real English pipeline reads it; the model's names are scripted.
"""

from __future__ import annotations

import pytest

from summarizer.nlp.entities import recognizes
from summarizer.nlp.kind_evidence import someones_body
from summarizer.rules.kinds import kind_cue
from tests.scripted_names import ground_names

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")

TEXT = (
    "Ann Varley of the Labour Party said the decision was wrong. The Bank of England said rates would rise. "
    "Varley spoke in Leeds on Monday."
)


@pytest.mark.parametrize("filed_as", ["people", "organizations"])
def test_a_person_named_with_their_party_is_the_person(filed_as: str) -> None:
    names = ["Ann Varley of the Labour Party"]
    out = ground_names(
        TEXT,
        names if filed_as == "people" else [],
        ["Bank of England"] + (names if filed_as == "organizations" else []),
        [],
    )
    kinds = {a.name: a.kind for a in out.who}
    assert kinds.get("Ann Varley") == "person"
    assert "Ann Varley of the Labour Party" not in kinds
    assert kinds.get("The Bank of England", kinds.get("Bank of England")) == "organization"


def test_a_title_of_office_or_faith_opens_a_persons_name() -> None:
    for name in (
        "Sheriff Lee",
        "Representative Tom Varne",
        "Bishop Ann Orrel",
        "Commissioner Ada Brenn",
        "Rabbi Eli Ness",
    ):
        assert kind_cue(name) == "person", name
    assert kind_cue("Lincoln County Sheriff") == "organization" and kind_cue("Sheriff Office") == "organization"


def test_a_post_with_no_ones_name_is_no_actor() -> None:
    text = "The mayor of Orlin, Ann Varley, said the bridge would reopen. Speaker Tom Brell agreed on Monday."
    out = ground_names(text, ["mayor of Orlin", "Tom Brell"], [], [])
    names = {a.name: a.kind for a in out.who}
    assert "mayor of Orlin" not in names and names.get("Speaker Tom Brell", names.get("Tom Brell")) == "person"
    assert kind_cue("Speaker Tom Brell") == "person"


def test_what_a_person_is_of_is_no_person() -> None:
    text = (
        "Guitarist Tom Varne of Glass Harbour said the solo changed rock music. Ann Velez of Leeds agreed. "
        "Glass Harbour played the song at every show."
    )
    assert someones_body("Glass Harbour", text)
    assert not someones_body("Ann Velez", text)
