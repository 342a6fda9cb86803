"""What a name is, read from how the article uses it (nlp/usage.py) and what the brief keeps of it.

The articles are written for these tests (CC0, fictional companies, products
and events; real places). spaCy's real English pipeline reads them; no model
is involved, and the drafts below are what the small model tends to write
(products filed as people or organizations).
"""

from __future__ import annotations

from datetime import date

from summarizer.brief.grounding import GroundedDraft
from summarizer.nlp.usage import (
    described_as_organization,
    is_event_name,
    is_plural_name,
    mostly_acts,
    used_as_product,
)
from summarizer.rules.kinds import uses_of
from summarizer.rules.places import is_capital_or_division
from tests.scripted_names import ground_names

TECH = (
    "Orchard Labs Unveils Nimbus\n\n"
    "Orchard Labs unveiled Nimbus, the newest version of its operating system, at the company's annual "
    "Builders Conference in Lisbon on Tuesday. "
    "Orchard Labs said Nimbus will ship in March with web browser Pathfinder and the Quill mail app. "
    "Sales of Orchard Labs computers at electronics retailer Shopwise rose 4 percent, Shopwise said. "
    "Analyst Tomas Berg said Nimbus could lift Orchard Labs in Europe."
)
AIR = (
    "Nordair Orders Jets\n\n"
    "Nordair said on Monday it had bought 14 Zephyrs from Kestrel Aerospace, whose Kestrel jets already fly "
    "for Air Canada. "
    "The order was signed at the Farnborough Air Show. "
    "Kestrel Aerospace said the first Zephyr would be delivered to Nordair in Oslo next year. "
    "Police released Maria Lopez, a Kestrel Aerospace engineer, on Friday, the broadcaster NRK reported."
)


def ground(text: str, people: list[str], organizations: list[str], places: list[str]) -> GroundedDraft:
    return ground_names(text, people, organizations, places, published=date(2026, 11, 24))


def grounded(text: str, *names: list[str]) -> tuple[dict[str, str], set[str]]:
    """Who (name -> kind) and where (names) of the article, given the draft's people, organizations and places."""
    out = ground(text, *names)
    return {a.name: a.kind for a in out.who}, {p.name for p in out.where}


def test_a_name_defined_once_as_a_product_is_a_product() -> None:
    assert used_as_product("Nimbus", TECH)  # "Nimbus, the newest version of its operating system"
    assert used_as_product("Pathfinder", TECH)  # "web browser Pathfinder"
    assert used_as_product("Zephyr", AIR)  # "bought 14 Zephyrs"
    assert not used_as_product("Orchard Labs", TECH)  # "Orchard Labs computers" once, the maker elsewhere
    assert not used_as_product("Kestrel Aerospace", AIR)
    assert not used_as_product("Nordair", AIR)  # the headline's "Jets" belongs to another line
    assert not used_as_product("Maria Lopez", AIR)  # a person is released, not a product


def test_descriptions_events_and_groups() -> None:
    assert described_as_organization("Shopwise", TECH)  # "electronics retailer Shopwise"
    assert described_as_organization("NRK", AIR)  # "the broadcaster NRK"
    assert not described_as_organization("Tomas Berg", TECH)
    assert is_event_name("Builders Conference", TECH)  # "the company's annual Builders Conference"
    assert is_event_name("Farnborough Air Show", AIR)
    assert not is_event_name("Kestrel Aerospace", AIR)
    band = "The Harbour Kings played in Bergen. The Kings said the Harbour Kings would return."
    assert is_plural_name("Harbour Kings", band)
    assert not is_plural_name("Tomas Berg", TECH)


def test_the_models_products_leave_who_and_the_makers_stay() -> None:
    who, where = grounded(TECH, ["Nimbus", "Tomas Berg"], ["Orchard Labs", "Pathfinder", "Shopwise"], ["Lisbon"])
    assert "Nimbus" not in who and "Pathfinder" not in who, who
    assert who.get("Orchard Labs") == "organization" and who.get("Shopwise") == "organization", who
    assert who.get("Tomas Berg") == "person"
    assert "Builders Conference" not in who and "Builders Conference" not in where
    assert "Lisbon" in where


def test_the_recognizers_names_are_read_the_same_way() -> None:
    who, where = grounded(AIR, [], [], [])
    assert {"Nordair", "Kestrel Aerospace", "Air Canada", "NRK"} <= set(who), who
    assert who["Maria Lopez"] == "person" and who["NRK"] == "organization"
    assert not any("Zephyr" in name for name in [*who, *where]), (who, where)
    assert "Canada" not in where  # "Air Canada" is an airline, not a place in the story
    assert "Farnborough Air Show" not in who and "Farnborough Air Show" not in where
    assert "Oslo" in where


def test_a_company_named_in_its_product_is_cited_where_it_acts() -> None:
    text = (
        "Kestrel jets will be grounded. "
        "Regulators said on Friday that Kestrel must inspect the wings of every aircraft it delivered."
    )
    out = ground(text, [], ["Kestrel"], [])
    kestrel = next(a for a in out.who if a.name == "Kestrel")
    assert text[kestrel.mention.start :].startswith("Kestrel must")  # not "Kestrel jets"


def test_publications_titles_abbreviations_and_model_designations() -> None:
    text = (
        "Harbour Tech Expands\n\n"
        "According to a March report in Coastline Weekly Review, Harbour Tech will open an office in Gdansk. "
        "Spokeswoman Anna Nowak said the company's Cloud Storage Kit (CSK) would reach Gdansk first. "
        "Chief executive Piotr Zielinski gave his keynote to the Baltic Builders Forum (BBF) in Sopot. "
        "The company also flies two Kestrel K-20 planes."
    )
    who, where = grounded(text, ["Anna Nowak", "Kestrel K-20"], ["Coastline Weekly Review", "CSK", "BBF"], [])
    assert "Coastline Weekly Review" not in where and who.get("Coastline Weekly Review") == "organization", (who, where)
    assert who.get("Anna Nowak") == "person"
    assert "CSK" not in who  # "Cloud Storage Kit (CSK)": a product
    assert "BBF" not in who and is_event_name("Baltic Builders Forum", text)  # a keynote is given to a gathering
    assert "Kestrel K-20" not in who  # a maker and a model designation
    assert {"Gdansk", "Sopot"} <= where


def test_a_country_written_only_as_a_party_is_who_not_where() -> None:
    text = (
        "Fishing Deal Signed\n\n"
        "Norway signed a fishing agreement in Oslo on Monday after talks between Norway and Iceland. "
        "Iceland said the quota would be reviewed. Flights to Denmark were cancelled because of the storm. "
        "Denmark will remain the main transit point."
    )
    who, where = grounded(text, [], [], [])
    assert who.get("Norway") == "country" and who.get("Iceland") == "country", who
    assert "Norway" not in where and "Iceland" not in where, where
    assert {"Oslo", "Denmark"} <= where  # "in Oslo"; "flights to Denmark": settings


def test_money_roles_holdings_and_companies_the_recognizer_took_for_places() -> None:
    text = (
        "Lakeline Wins $3 billion US Ferry Contract\n\n"
        "Lakeline said on Monday it had won a US$3 billion contract to build ferries in Finland. "
        "Lakeline CEO Erik Sand said the first ferry would sail in 2028. "
        "The state holds a 20 percent stake in Lakeline. "
        "Tallport sued the city over the tender, and Tallport says the award was unfair; the ruling was "
        "issued by Tallport Shipping Group lawyers."
    )
    who, where = grounded(text, ["Lakeline CEO", "Erik Sand"], [], [])
    assert "US" not in where and "US" not in who  # "US$3 billion", "$3 billion US": the currency
    assert who.get("Lakeline") == "organization" and "Lakeline CEO" not in who, who  # the role is not the company
    assert "Lakeline" not in where  # "a stake in Lakeline" is a holding, not a place
    assert "Finland" in where
    assert mostly_acts(text, uses_of("Tallport", text))  # sues, says: a doer
    assert not mostly_acts(text, uses_of("Finland", text))


def test_capitals_are_an_organization_and_a_bare_role_is_no_one() -> None:
    text = (
        "NTL Signs Deal\n\n"
        "NTL said on Monday it had signed a network deal with the city of Porto. "
        "CEO Rui Costa said the deal would be finished in 2027. The CEO did not give the price."
    )
    who, _ = grounded(text, ["NTL", "CEO", "CEO Rui Costa"], [], ["Porto"])
    assert who.get("NTL") == "organization", who  # filed as a person by the model
    assert "CEO" not in who
    assert who.get("Rui Costa") == "person" and "CEO Rui Costa" not in who, who  # the person, without the title


def test_a_capital_or_a_state_that_acts_is_still_a_place() -> None:
    text = (
        "Ferry Talks Stall\n\n"
        "Ottawa warned on Monday that the ferry deal could collapse. Ottawa also said it would send envoys. "
        "Queensland sued the operator in March. "
        "Kestrelby announced on Tuesday that it had won the contract. Kestrelby said it would hire 300 crew."
    )
    who, where = grounded(text, [], [], [])
    assert "Ottawa" in where and "Ottawa" not in who, (who, where)  # the government by its seat: still a place
    assert "Queensland" not in who, (who, where)
    assert is_capital_or_division("Ottawa") and is_capital_or_division("Queensland")
    assert not is_capital_or_division("Kestrelby")
