"""Kinds from general grammar and vocabulary: a side in a scored match is a team, a natural feature is a place, a
description of a body is an organization, a demonym is no name, and "in A and B" sets two places.

Every text here is written for these tests (fictional clubs, firms and people, real towns). spaCy's real English
pipeline reads them; no model is involved.
"""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.brief.grounding import GroundedDraft
from summarizer.brief.recognized import _one_name
from summarizer.nlp.entities import entities, recognizes
from summarizer.nlp.kind_evidence import grammar_kind
from summarizer.nlp.usage import is_plural_name
from summarizer.rules.kinds import kind_cue
from summarizer.rules.places import is_demonym
from tests.scripted_names import ground_names

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")

MATCHES = (
    "Kilcarn beat Dunmore to stay top\n\n"
    "Kilcarn beat Dunmore 2-1 on Sunday to stay top of the league, while Lisbon drew 0-0 with Tarnow Athletic. "
    "Madrid lost 3-2 to Bilbao. Kilcarn host Esperanza on Wednesday."
)
TENNIS = (
    "Ana Reyes beats Olwen Pryce in Turin\n\n"
    "Ana Reyes beat Olwen Pryce 6-3, 6-4 in Turin on Saturday. Reyes said she had played her best tennis."
)


def ground(text: str, people: list[str], organizations: list[str], places: list[str]) -> GroundedDraft:
    return ground_names(text, people, organizations, places, published=date(2026, 12, 6))


@pytest.mark.parametrize("name", ["Kilcarn", "Dunmore", "Lisbon", "Madrid", "Bilbao"])
def test_a_side_in_a_scored_match_is_a_team(name: str) -> None:
    assert grammar_kind(name, MATCHES) == "organization"


def test_players_scored_by_sets_and_places_without_a_score_stay() -> None:
    assert grammar_kind("Reyes", TENNIS) != "organization"  # "6-3, 6-4": sets, played by people
    assert grammar_kind("Olwen Pryce", TENNIS) != "organization"
    text = "Madrid beat Paris to the prize on Sunday. Officials in Madrid said 2 people were hurt."
    assert grammar_kind("Madrid", text) is None  # no score: a city may "beat" another to a prize


def test_the_teams_go_to_who_and_the_venue_stays_a_place() -> None:
    out = ground(MATCHES, [], [], [])
    who = {a.name: a.kind for a in out.who}
    assert who.get("Madrid") == "organization" and who.get("Bilbao") == "organization", who
    assert "Madrid" not in {p.name for p in out.where}


@pytest.mark.parametrize(
    ("name", "cue"),
    [("Reno river", "city"), ("Lokoja River", "city"), ("Mekong Delta", "city"), ("Delta", None)],
)
def test_a_natural_features_name_is_a_place(name: str, cue: str | None) -> None:
    assert kind_cue(name) == cue


def test_a_river_that_acts_stays_a_place() -> None:
    text = "Floods hit Emilia\n\nThe Reno river burst its banks near Bologna on Wednesday, officials said."
    out = ground(text, [], ["Reno river"], [])
    assert "Reno river" in {p.name for p in out.where}
    assert "Reno river" not in {a.name for a in out.who}


@pytest.mark.parametrize(
    "description", ["the farmers' association", "the vaccine alliance", "a Swiss foundation", "the bar council"]
)
def test_a_body_described_after_its_name_is_an_organization(description: str) -> None:
    text = f"Crops Lost\n\nFarvella, {description}, said crops worth millions were lost. Farvella asked for help."
    assert grammar_kind("Farvella", text) == "organization"


def test_a_demonym_is_no_name() -> None:
    assert is_demonym("Lithuanian") and is_demonym("Swiss")
    assert not is_demonym("Gibraltar") and not is_demonym("Lithuania")  # a place, a country
    text = "Shops Merge\n\nBellmart agreed to buy Lithuanian rival Kestra for $1 billion on Wednesday."
    out = ground(text, [], ["Bellmart", "Kestra"], ["Lithuanian"])
    assert "Lithuanian" not in {p.name for p in out.where} | {a.name for a in out.who}


def test_places_joined_by_and_after_in_are_two_places() -> None:
    text = "Shops Merge\n\nThe deal needs approval from competition authorities in Warsaw and Vilnius, Bellmart said."
    where = {p.name for p in ground(text, [], ["Bellmart"], []).where}
    assert {"Warsaw", "Vilnius"} <= where and "Warsaw and Vilnius" not in where, where
    text = "Town Votes\n\nA new council was elected in Brighton and Hove on Thursday."
    assert "Brighton and Hove" in {p.name for p in ground(text, [], [], []).where}  # one division so named


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Plan Rejected\n\nKestra Union and Dunmore First members voted against the plan on Monday.", "Kestra Union"),
        ("Plan Rejected\n\nKestra Union and Dunmore First members voted against the plan on Monday.", "Dunmore First"),
        ("Strike Called\n\nBellmart employees walked out on Friday, the union said.", "Bellmart"),
    ],
)
def test_a_name_its_members_or_staff_qualify_is_a_body(text: str, name: str) -> None:
    assert grammar_kind(name, text) == "organization"


def test_a_name_that_opens_with_the_is_no_persons() -> None:
    text = (
        "Earthquake kills dozens in eastern Varnia\n\n"
        "A magnitude 6.1 earthquake struck Dunmore province early on Sunday, killing at least 34 people, the disaster "
        "agency said.\n\n"
        "Interior Minister Ali Kestrel said 120 buildings had collapsed in Dunmore. The Kandilli Observatory put the "
        "quake's depth at 7 km."
    )
    assert any(e.label == "PERSON" and text[e.start : e.end] == "The Kandilli Observatory" for e in entities(text))
    who = {a.name: a.kind for a in ground(text, [], [], []).who}
    assert who.get("The Kandilli Observatory") == "organization", who


def test_an_employer_after_a_trade_is_a_body_and_an_address_after_a_person_a_place() -> None:
    text = (
        "Stocks Fall\n\n"
        '"Investors are worried," said Holger Brandt, chief economist at Kestrelbank, on Tuesday. '
        "Darren Keogh, of Ballymun, pleaded guilty in October."
    )
    assert grammar_kind("Kestrelbank", text) == "organization"
    assert grammar_kind("Ballymun", text) == "place"


def test_a_firm_named_for_its_partners_or_its_trade_is_an_organization() -> None:
    assert kind_cue("Northgate Capital Partners") == "organization"
    assert kind_cue("Dorvik Lifesciences") == "organization"
    assert kind_cue("Kestrel Motor") == "organization"
    assert kind_cue("Ana Berg") is None


def test_the_director_or_founder_of_a_name_makes_it_a_body() -> None:
    text = "Vaccine Works\n\nEsper Kallar, director of Varnholt, said the vaccine could be approved next year."
    assert grammar_kind("Varnholt", text) == "organization"


def test_a_persons_name_ends_before_of() -> None:
    text = (
        "Mayor Wins\n\nDulkiewicz beat Tomasz Rakowski of Law and Justice on Sunday. "
        "Rakowski said he would not contest the result."
    )
    names = {text[e.start : e.end] for e in entities(text) if e.label == "PERSON"}
    assert "Tomasz Rakowski" in names and not any(" of " in n for n in names), names


def test_a_relative_clause_with_which_set_inside_the_sentence_makes_a_body() -> None:
    text = (
        "Recall Widens\n\nShares of Dorvik, which supplies most European carmakers, fell. Dorvik declined to comment."
    )
    assert grammar_kind("Dorvik", text) == "organization"
    text = "Arrest\n\nPolice arrested Tom Hale, which angered his family, on Monday."
    assert grammar_kind("Tom Hale", text) is None  # the clause takes up the arrest, not the man
    text = "Show\n\nThe band played with Ana Berg, which surprised fans."
    assert grammar_kind("Ana Berg", text) is None  # a clause that closes the sentence takes up all of it


def test_a_places_chief_executive_leaves_it_a_place() -> None:
    text = "Bill Withdrawn\n\nVarnholt's chief executive, Ana Berg, withdrew the bill on Monday. Varnholt's residents cheered."
    assert grammar_kind("Varnholt", text) != "organization"  # a city may have a chief executive


@pytest.mark.parametrize(
    ("text", "body", "place"),
    [
        (
            "Rail Plan Approved\n\nOn Wednesday, Varnholt City Council voted 19-5 to approve a tram line in Varnholt.",
            "Varnholt City Council",
            "Varnholt",
        ),
        (
            "Man Charged\n\nA man from Kestria was charged on Tuesday. He will appear in Kestria Magistrates Court "
            "in March, Kestria Police said.",
            "Kestria Magistrates Court",
            "Kestria",
        ),
    ],
)
def test_a_body_named_after_its_place_is_listed_beside_the_place(text: str, body: str, place: str) -> None:
    out = ground(text, [], [], [])
    assert {a.name: a.kind for a in out.who}.get(body) == "organization", out.who
    assert place in {p.name for p in out.where}


def test_a_name_never_runs_over_a_line_break() -> None:
    text = (
        "Councillors reject plan for new stadium in Varnholt\n\n"
        "Varnholt City Council voted 18-12 on Monday to reject a plan by Varnholt GAA to build a new stadium."
    )
    names = {text[e.start : e.end] for e in entities(text)}
    assert not any("\n" in n for n in names) and "Varnholt City Council" in names, names
    assert "Varnholt City Council" in {a.name for a in ground(text, [], [], []).who}


def test_a_body_the_recognizer_reads_with_its_article_is_listed() -> None:
    text = (
        "Deputies shoot man after chase in Varnia\n\n"
        "Deputies from the Kestrel County Sheriff's Office shot a man after a chase in Tarnow on Saturday. "
        "The man was recalled by the Food and Drug Administration, officials said."
    )
    who = {a.name: a.kind for a in ground(text, [], [], []).who}
    assert who.get("Kestrel County Sheriff's Office") == "organization", who
    assert "Varnia" not in who  # "Varnia\n\nDeputies": no members of Varnia across the line break


def test_a_plural_name_with_a_singular_verb_is_no_group() -> None:
    assert not is_plural_name("Dorvik Lifesciences", "Recall\n\nDorvik Lifesciences is recalling 60,000 bottles.")
    assert is_plural_name("Harbour Kings", "Tour\n\nThe Harbour Kings were on tour. The Harbour Kings played.")


def test_which_names_are_one() -> None:
    assert _one_name("Lukaku", "Romelu Lukaku")
    text = (
        "Stadium Plan\n\nA plan to build a stadium in Tarnow was rejected on Monday. Officials in Tarnow said Tarnow "
        "City Council and Tarnow GAA would meet again. Dorvik Lifesciences is recalling pills, and shares of Dorvik fell."
    )
    assert not _one_name("Tarnow", "Tarnow City Council", text)  # a body named after its town
    assert not _one_name("Tarnow", "Tarnow GAA", text)  # the letters of a body
    assert _one_name("Dorvik", "Dorvik Lifesciences", text)  # a company's short name is no place
    assert _one_name("Johnson", "Nick Johnson KC")  # letters after a person's name
    assert _one_name("Henderson", "Henderson Executive Airport")  # "land at Henderson": the airport
    assert not _one_name("Ohio", "Ohio Playhouse")  # a state and a name that holds it
