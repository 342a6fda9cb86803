"""Who leads each field (brief/leads.py, brief/events.py) and the benchmark that measures it (benchmarks/field_leads.py).

The articles are written for these tests (CC0, fictional companies and people;
real places). spaCy's real English pipeline reads them; no model runs: the
drafts are what the small model tends to write (a company filed as a country,
a common noun filed as a person).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from benchmarks.field_leads import model_items, ruled_counts
from summarizer import Summarizer
from summarizer.brief.grounding import GroundedDraft, Grounder
from summarizer.llm.draft import draft_model
from summarizer.nlp.clauses import main_clause
from summarizer.rules.kinds import kind_cue
from summarizer.rules.text import ArticleIndex
from summarizer.schema import RunInfo

BAND = (
    "Ferry Firm Expands\n\n"
    "Fjordline Ferries said on Monday it would buy four ships from Kestrel Marine. "
    "The Harbour Kings, a band from Bergen, will play at the Bergen Arena in Bergen on Friday. "
    "More Podcasts were made about the ferries in March, the company said. "
    "Kestrel Marine Services will build the ships, Chairman of Kestrel Marine Ola Berg said. "
    "The Harbour Kings said they would sail on the first ferry."
)
SHIPS = (
    "Kestrel Marine said on Monday it would buy four ships for its Oslo route. Shares of Kestrel Marine rose in Oslo."
)
BRIDGE = (
    "Bridge Falls Into River\n\n"
    "DUNDEE, Scotland — A road bridge fell into the river on Monday night, injuring three drivers, "
    "the transport ministry said. "
    "Regional police closed the roads around it. "
    "Neighbours gathered on the bank as engineers inspected the pillars. "
    "Local councillors called for an inquiry into the repairs, they said."
)
TERMINAL = "Anna Berg opened the new ferry terminal on Monday; she said ferries to Oslo will start in May."


def _draft(people: list[str], organizations: list[str], places: list[dict[str, str]], event: str = "x") -> Any:
    return draft_model(3).model_validate(
        {
            "h": "x",
            "sm": "x",
            "ppl": people,
            "org": organizations,
            "plc": places,
            "what": [{"e": event, "st": "confirmed", "s": [1]}],
            "src": [],
            "tm": [],
        }
    )


def ground(text: str, people: list[str], organizations: list[str], places: list[dict[str, str]]) -> GroundedDraft:
    return Grounder(ArticleIndex(text), date(2026, 11, 24)).ground(_draft(people, organizations, places))


def test_a_company_the_model_calls_a_country_is_the_organization_the_rules_read() -> None:
    out = ground(SHIPS, [], [], [{"n": "Kestrel Marine", "t": "country"}])
    company = next(a for a in out.who if a.name == "Kestrel Marine")
    assert company.kind == "organization" and company.origin == "model", company
    assert {"kind", "moved"} <= set(company.ruled)
    assert "Kestrel Marine" not in {p.name for p in out.where}  # no country, so not where either
    assert "Oslo" in {p.name for p in out.where}


def test_a_name_nothing_reads_as_a_name_is_dropped_and_one_whose_words_are_a_names_stays() -> None:
    out = ground(BAND, ["Harbour Kings", "Podcasts"], [], [])
    who = {a.name: a for a in out.who}
    assert "Podcasts" not in who  # one word the recognizer reads as nothing and no rule lists
    assert "Harbour Kings" in who and who["Harbour Kings"].origin == "model"  # "The Harbour Kings, a band"


def test_actors_the_article_describes_rather_than_names_stay() -> None:
    out = ground(BRIDGE, ["Neighbours", "Local councillors"], ["transport ministry", "Regional police"], [])
    who = {a.name for a in out.who}
    # no recognizer reads these as names; an organisation word heads the first two, the article quotes the
    # councillors, and the neighbours act ("gathered"): each is someone in the news
    assert {"transport ministry", "Regional police", "Local councillors", "Neighbours"} <= who, out.who


def test_a_thing_the_model_filed_as_a_person_still_goes() -> None:
    out = ground(BRIDGE + " More podcasts were made about the bridge.", ["podcasts", "Neighbours"], [], [])
    who = {a.name for a in out.who}
    assert "podcasts" not in who and "Neighbours" in who, out.who  # made, not making: a thing


def test_capitals_stay_a_name_whatever_the_recognizer_reads() -> None:
    text = "NTL said on Monday it had signed a network deal with the city of Porto."
    out = ground(text, ["NTL"], [], [])
    assert {a.name: a.kind for a in out.who}.get("NTL") == "organization"
    text = "The watchdog KRiT said on Monday it had fined the ferry firm."
    assert "KRiT" in {a.name for a in ground(text, [], ["KRiT"], []).who}  # a capital inside a word: a name


def test_a_part_of_a_company_filed_as_a_person_is_an_organization() -> None:
    out = ground(SHIPS + " Kestrel Marine Crewing hires the sailors.", ["Kestrel Marine Crewing"], [], [])
    assert {a.name: a.kind for a in out.who}.get("Kestrel Marine Crewing") == "organization"  # the recognizer: none


def test_a_title_of_an_organization_names_a_person() -> None:
    assert kind_cue("Chairman of Kestrel Airways") == "person"
    assert kind_cue("Minister of Finance") == "person"
    assert kind_cue("Kestrel Airways") == "organization"
    assert kind_cue("Chairman Ola Berg") == "person"


def test_a_place_a_models_longer_name_hid_is_still_where() -> None:
    text = (
        "Workers at the Ohio Playhouse in downtown Columbus, Ohio, went on strike on Friday. "
        "Union leader Ann Wells said 80 workers joined."
    )
    out = ground(text, [], ["Ohio Playhouse"], [])
    assert {a.name: a.kind for a in out.who}.get("Ohio Playhouse") == "organization"
    assert {"Columbus", "Ohio"} <= {p.name for p in out.where}, out.where  # "Ohio" is no part of the playhouse


def test_a_sentence_the_model_told_as_done_keeps_what_is_still_to_come() -> None:
    draft = _draft(["Anna Berg"], [], [], event="Anna Berg opened the new ferry terminal")
    out = Grounder(ArticleIndex(TERMINAL), date(2026, 11, 24)).ground(draft)
    statuses = {(e.origin, e.status) for e in out.what}
    assert ("model", "confirmed") in statuses and ("rule", "planned") in statuses, out.what


def test_a_bare_x_said_carries_what_was_said_not_the_speech() -> None:
    train = (
        "Train Derails Near Perth\n\n"
        "PERTH, Australia — A passenger train derailed near Perth on Friday evening, injuring 30 people, "
        "state police said. Rail services were suspended."
    )
    rules = [e.description for e in ground(train, [], [], []).what if e.origin == "rule"]
    assert any(d.startswith("A passenger train derailed") for d in rules), rules  # the dateline misled the parse
    assert not any(d.endswith("said") for d in rules), rules
    bridge = [e.description for e in ground(BRIDGE, [], [], []).what if e.origin == "rule"]
    assert any(d.startswith("A road bridge fell") for d in bridge), bridge  # "DUNDEE, Scotland —" is not news


def test_a_dateline_is_neither_the_subject_nor_what_was_said() -> None:
    opened = "PERTH, Australia — A new city library opened on Monday. It has 40,000 books."
    clause = main_clause(opened, 0, opened.index(" It"))
    assert clause is not None and clause.text.startswith("A new city library opened"), clause
    assert clause.verb.idx == opened.index("opened")  # the article's own token, at its place in the text
    said = "Nothing more, police said."
    assert main_clause(said, 0, len(said)) is None  # the speech alone is no statement
    charged = "He has not been charged."
    assert main_clause(charged, 0, len(charged)) is not None  # passive: not a report


def test_the_benchmark_keeps_the_models_items_and_counts_what_rules_changed() -> None:
    answer = _draft([], [], [{"n": "Kestrel Marine", "t": "country"}], event="Kestrel Marine would buy four ships")
    run = RunInfo(
        model="m",
        backend="openai",
        prompt_version="x",
        prompt_tokens=0,
        completion_tokens=0,
        latency_s=0.0,
        attempts=1,
        reasks=0,
        dropped_items=0,
    )
    with Summarizer("m", base_url="http://127.0.0.1:9/v1", api_key="k") as engine:
        brief = engine.rebuild(SHIPS, [json.dumps(answer.model_dump(by_alias=True))], run)
    assert brief is not None
    mine = model_items(brief)
    assert [a.name for a in mine.who] == ["Kestrel Marine"]
    assert all(item.origin == "model" for item in (*mine.who, *mine.where, *mine.what, *mine.when, *mine.sources))
    assert any(p.origin == "rule" for p in brief.where) and not mine.where  # "Oslo" is the rules'
    assert ruled_counts(brief)["kind"] >= 1 and ruled_counts(brief)["moved"] >= 1


def test_a_model_name_that_joins_two_names_becomes_the_two_the_rules_read() -> None:
    text = (
        "Ferry Deal Signed\n\n"
        "Anna Berg and Tomas Lund signed the ferry deal in Bergen on Monday. "
        "Berg and Lund said the ships would sail in May. "
        "Ferries will also call at Tromsø and Bodø from June."
    )
    out = ground(text, ["Berg and Lund"], [], [{"n": "Tromsø and Bodø", "t": "city"}])
    who = {a.name: a for a in out.who}
    assert "Berg and Lund" not in who
    assert who["Anna Berg"].kind == "person" and who["Anna Berg"].origin == "model", who
    assert who["Tomas Lund"].kind == "person" and who["Tomas Lund"].origin == "model", who
    alone = ground(text, [], [], [])  # each part has the kind the rules give it alone
    kinds = {n.name: n.kind for n in [*out.who, *out.where]}
    assert "Tromsø and Bodø" not in kinds, kinds
    assert all(kinds[n.name] == n.kind for n in [*alone.who, *alone.where] if n.name in {"Tromsø", "Bodø"}), kinds
    assert {"Tromsø", "Bodø"} <= set(kinds), kinds


def test_a_joined_name_the_rules_do_not_read_as_two_stays_whole() -> None:
    text = "Marks and Lindqvist, a furniture maker, said on Monday it would open a shop in Bergen."
    out = ground(text, [], ["Marks and Lindqvist"], [])
    assert "Marks and Lindqvist" in {a.name for a in out.who}, [a.name for a in out.who]
