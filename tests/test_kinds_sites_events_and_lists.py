"""Kinds from articles written to find what the rules missed on news of new topics:

- a square, a canal or a mosque is a site by its own words, and so is an airport or a stadium named for a person (an
  observatory is not: "the X Observatory put the quake's depth at 7 km" is a body);
- an election, a war, a scandal or a cup is an event; a housebuilder or a subsidiary is a company;
- deaths from a coded disease speak of illness; "an Ariane 6 rocket" and "Tianwen-1" are products;
- three names or more listed after a locative are places, and so is the name after what only a place has
  ("residents of X", "the banks of the X") or how far something reached ("as far away as X"); where a person is from
  ("X, 28, from Y,") and names listed with their councils ("A, B and C councils") are places;
- a person's name after a body's "of" is the person's ("the Democratic Union of Anna Kowalczyk");
- a study "published in the X" names a journal (a work); an article "published in the X" may name a newspaper;
- a field a prize is won in is no place ("the X Prize in Physics"); an oil price's benchmark is an index ("Brent crude
  rose");
- a state or capital written with accents is the one the gazetteer lists without them ("São Paulo");
- sport: a player "of" a country is a person from a place, a Masters, a Slam, a Bowl or a grand tour is an event, and
  a side of several words that is no person's is a team where the other side is a place or a body;
  a club's word makes a club ("Atlético X", "X United");
- science and disasters: a journal by its field's adjective ("the Astrophysical Journal"), a disease by its vaccine
  ("the vaccine against X") or its patients; "the X volcano", a tunnel, a dam, and rivers listed before their noun
  are places.

Every text here is written for these tests (fictional people, firms and places). spaCy's real English pipeline
reads them; no model is involved.
"""

from __future__ import annotations

from datetime import date

import pytest

from summarizer.brief.grounding import GroundedDraft
from summarizer.nlp.entities import entities, recognizes
from summarizer.nlp.kind_evidence import grammar_kind
from summarizer.nlp.usage import is_event_name, used_as_product
from summarizer.rules.kinds import kind_cue, written_as_place
from summarizer.rules.places import is_capital_or_division
from summarizer.rules.things import find_things
from tests.scripted_names import ground_names, kinds_of

pytestmark = pytest.mark.skipif(not recognizes("en"), reason="needs the English recognizer")


def ground(text: str, people: list[str] | None = None, organizations: list[str] | None = None) -> GroundedDraft:
    return ground_names(text, people or [], organizations or [], [], published=date(2026, 12, 7))


@pytest.mark.parametrize(
    "name",
    ["Piazzale Verdi", "Place de la Liberté", "Plaza de Armas", "Orlin Canal", "Kessel Grand Mosque", "St Oda's Basilica", "Varne Zoo", "Holm Castle", "Quay Street Gardens"],
)  # fmt: skip
def test_a_square_a_canal_or_a_mosque_is_a_site_by_its_words(name: str) -> None:
    assert kind_cue(name) == "site"


@pytest.mark.parametrize("name", ["Place Holdings", "Canal Plus Media", "Plaza Group"])
def test_a_square_word_does_not_make_a_body_a_site(name: str) -> None:
    assert kind_cue(name) == "organization"


def test_a_model_name_filed_as_a_body_is_a_site_by_its_words() -> None:
    text = (
        "Flooding closes city centre\n\n"
        "Boats were stopped on the Orlin Canal on Tuesday, and tourists were taken by bus from Piazzale Verdi to the "
        "station. Water also reached the Kessel Grand Mosque, the police said."
    )
    kinds = kinds_of(ground(text, organizations=["Orlin Canal", "Piazzale Verdi", "Kessel Grand Mosque"]))
    assert kinds["Orlin Canal"] == "place:site"
    assert kinds["Piazzale Verdi"] == "place:site"
    assert kinds["Kessel Grand Mosque"] == "place:site"


@pytest.mark.parametrize(
    "name", ["2026 Varnian general election", "Orlin War", "Harbour Bridge scandal", "Kessel Cup", "Varna Grand Prix"]
)
def test_an_election_a_war_a_scandal_or_a_cup_is_an_event(name: str) -> None:
    assert is_event_name(name, f"Everyone talked about the {name} all week.")


def test_a_housebuilder_or_a_subsidiary_is_a_company() -> None:
    text = (
        "Shares in housebuilders Kettering Marsh and Dalby Rowe fell 4% on Monday. Tillon Varga, a subsidiary of "
        "the Orlin group, said sales were down."
    )
    assert grammar_kind("Kettering Marsh", text) == "organization"
    assert grammar_kind("Tillon Varga", text) == "organization"


def test_deaths_from_a_coded_disease_speak_of_illness() -> None:
    text = "Varnia recorded 42 deaths from KESTREL-21 on Thursday, taking its total to 300."
    things = find_things(text, "en")
    assert [(text[t.start : t.end], t.kind) for t in things] == [("KESTREL-21", "disease")]


def test_a_code_alone_is_still_no_disease() -> None:
    assert find_things("The KESTREL-21 team won 3-1 on Thursday.", "en") == []


def test_a_rocket_with_a_one_digit_model_is_a_product() -> None:
    text = "The probe was launched on Monday aboard an Orlan 6 rocket from the coast."
    things = find_things(text, "en")
    assert [(text[t.start : t.end], t.kind) for t in things] == [("Orlan 6", "product")]


def test_names_listed_after_a_locative_are_places() -> None:
    text = (
        "The council voted to close libraries in Eastmere, Brook Holm and Tally Vale to save money. "
        "In Portmere, Ann Lee and Tom Hale were arrested."
    )
    assert written_as_place("Brook Holm", text)
    assert written_as_place("Tally Vale", text)
    assert not written_as_place("Ann Lee", text)  # a copula after the list: its names are its subjects
    assert not written_as_place("Tom Hale", text)


def test_a_site_named_for_a_person_is_one_site() -> None:
    text = "Flights were diverted from the Tomas Varga Orlin International Airport on Sunday."
    start = text.index("Tomas")
    sites = [e for e in entities(text) if e.start == start]
    assert [(text[e.start : e.end], e.label) for e in sites] == [("Tomas Varga Orlin International Airport", "FAC")]


def test_what_only_a_place_has_makes_the_name_after_of_a_place() -> None:
    text = (
        "Residents of Marden Cross and Ashby Holm were evacuated on Tuesday, and boats were moored along the banks of "
        "the Tarrow. Lee Varga was put at the centre of the Varga administration."
    )
    assert grammar_kind("Ashby Holm", text) == "place"
    assert grammar_kind("Marden Cross", text) == "place"
    assert grammar_kind("Tarrow", text) == "place"
    assert grammar_kind("Varga", text) != "place"  # a name that qualifies a noun: the administration is the centre's


def test_a_word_numbered_with_a_hyphen_is_a_craft_not_a_place() -> None:
    text = "Varnia launched its Orlanka-2 probe from Kessel on Friday, a week after the Tamsin-1 orbiter."
    assert used_as_product("Orlanka-2", text)
    assert used_as_product("Tamsin-1", text)
    assert not used_as_product("Kessel", text)


def test_how_far_something_reached_is_a_place() -> None:
    text = "The blast shattered windows as far away as Tarrowby, and it was felt as far north as the Kessel Hills."
    assert grammar_kind("Tarrowby", text) == "place"
    assert grammar_kind("Kessel Hills", text) == "place"


def test_a_persons_name_after_a_bodys_of_is_the_person() -> None:
    text = "Voters backed the Democratic Union of Anna Kowalczyk in Orlin on Sunday."
    found = [(text[e.start : e.end], e.label) for e in entities(text) if e.label in {"ORG", "PERSON"}]
    assert ("Anna Kowalczyk", "PERSON") in found
    assert not any("Kowalczyk" in name for name, label in found if label == "ORG")


def test_a_study_published_in_the_journal_names_a_work_and_an_article_in_the_paper_does_not() -> None:
    text = (
        "The study, published on Monday in the Varnian Journal of Medicine, found fewer deaths. An article "
        "published in the Daily Orlin said so."
    )
    assert [(text[t.start : t.end], t.kind) for t in find_things(text, "en")] == [
        ("Varnian Journal of Medicine", "work")
    ]


def test_a_field_a_prize_is_won_in_is_no_place() -> None:
    text = "Dr Lee won the Varga Prize in Physics in 2019 and holds a degree in Economics from a college in Orlin."
    assert not written_as_place("Physics", text)
    assert not written_as_place("Economics", text)
    assert written_as_place("Orlin", text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oil prices rose on Monday, with Tarrow crude trading at $82 a barrel.", [("Tarrow", "index")]),
        ("The price of Kessel Light crude fell below $29.", [("Kessel Light", "index")]),
        ("Exports of Tarrow crude were cut in May.", []),  # where the oil comes from: no price's benchmark
    ],
)
def test_an_oil_price_benchmark_is_an_index(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[t.start : t.end], t.kind) for t in find_things(text, "en")] == expected


def test_a_state_or_capital_written_with_accents_is_known_as_listed_without() -> None:
    assert is_capital_or_division("São Paulo") and is_capital_or_division("Rondônia")  # listed "Sao Paulo"
    assert is_capital_or_division("Reykjavík") and is_capital_or_division("Québec")
    assert not is_capital_or_division("Sãoville")


def test_a_player_named_with_the_country_is_a_person_and_the_country_a_place() -> None:
    text = "Anna Kowalczyk of Poland beat the champion on Sunday to reach the final."
    found = [(text[e.start : e.end], e.label) for e in entities(text) if e.label in {"ORG", "PERSON", "GPE"}]
    assert ("Anna Kowalczyk", "PERSON") in found and ("Poland", "GPE") in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Chiefs beat the Rams in Super Bowl XLII at the stadium.", "Super Bowl XLII"),
        ("She won the Orlin Masters in August.", "Orlin Masters"),
        ("It was his 19th Grand Slam title.", "Grand Slam"),
        ("He won the Tour de France on Sunday.", "Tour de France"),
    ],
)
def test_a_sports_event_is_an_event(text: str, name: str) -> None:
    assert [(text[t.start : t.end], t.kind) for t in find_things(text, "en")] == [(name, "event")]


def test_pope_or_king_with_a_numeral_is_no_event() -> None:
    assert find_things("Pope Benedict XVI met King Charles III on Monday.", "en") == []


def test_a_side_of_several_words_is_a_team_where_the_other_side_is_a_place() -> None:
    text = "Liverpool beat Tarrow Hotspur 2-0 in the final on Saturday. Tarrow Hotspur had won in May."
    assert grammar_kind("Tarrow Hotspur", text) == "organization"
    snooker = "Ann Lee beat Tom Hale 10-4 in the final on Saturday."
    assert grammar_kind("Tom Hale", snooker) != "organization"  # a player beats a player


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The results appeared in the Varnian Astrophysical Journal Letters.",
            ("Varnian Astrophysical Journal Letters", "work"),
        ),
        ("The study appeared in the Orlin Medical Journal on Monday.", ("Orlin Medical Journal", "work")),
        ("Regulators approved the first vaccine against Kessel Fever.", ("Kessel Fever", "disease")),
        ("Doctors put 40 patients with VARNO-19 on ventilators.", ("VARNO-19", "disease")),
    ],
)
def test_science_names_a_journal_by_its_fields_adjective_and_a_disease_by_its_vaccine(
    text: str, expected: tuple[str, str]
) -> None:
    assert [(text[t.start : t.end], t.kind) for t in find_things(text, "en")] == [expected]


def test_a_newspapers_journal_follows_a_place_and_is_no_work() -> None:
    assert find_things("The Providence Journal reported the fire on Monday.", "en") == []


def test_a_volcano_a_tunnel_and_rivers_listed_before_their_noun_are_places() -> None:
    text = "The Kessel volcano erupted on Sunday. Floods spread along the Tarrow and Venn rivers."
    assert grammar_kind("Kessel", text) == "place"
    assert written_as_place("Venn", text) or grammar_kind("Venn", text) == "place"
    assert kind_cue("Orlin Tunnel") == "site" and kind_cue("Tarrow Dam") == "site"


@pytest.mark.parametrize("name", ["Atlético Orlin", "Real Tarrow", "Kessel United", "Varne Rovers", "FC Orlin"])
def test_a_clubs_word_makes_a_club_whatever_place_it_is_named_after(name: str) -> None:
    assert kind_cue(name) == "organization"


def test_a_country_with_united_stays_a_country() -> None:
    assert kind_cue("United States") is None and kind_cue("United Kingdom") is None


def test_where_a_person_is_from_is_a_place() -> None:
    text = "The attacker, Tom Varga, 28, from Kesselby, had been released in 2018."
    assert grammar_kind("Kesselby", text) == "place"


def test_names_listed_with_their_councils_are_places() -> None:
    text = "Leaders of Orlinby, Tarrow Vale and Kesselby councils backed the mayor on Monday."
    assert all(written_as_place(n, text) for n in ("Orlinby", "Tarrow Vale", "Kesselby"))


@pytest.mark.parametrize("name", ["Department of War", "Secretary of War", "Ministry of the Crisis"])
def test_a_body_or_a_post_named_for_a_war_is_no_event(name: str) -> None:
    assert not is_event_name(name, f"The {name} said on Monday that it would act.")


def test_an_ordinal_opens_a_laws_name_but_not_an_events() -> None:
    text = "He won his 19th Grand Slam title. They invoked the 25th Amendment of the Varnian Constitution."
    assert [(text[t.start : t.end], t.kind) for t in find_things(text, "en")] == [
        ("Grand Slam", "event"),
        ("25th Amendment of the Varnian Constitution", "law"),
    ]
