"""Things English names by construction rather than by a head word: a journal's title ("Journal of X"), a law
without a law word at the end ("the X Bill", "resolution 1441", "18 U.S. Code § 1030", "Law of the X"), a vehicle's
maker and model, a pipeline, lower-case software, a scandal, a disease code beside words of quarantine, and the
American press's "ET". Every sentence here is written for these tests."""

from __future__ import annotations

import re
from datetime import date

import pytest

from summarizer.brief.when import _inside
from summarizer.rules.things import find_things
from tests.scripted_names import ground_names


def _found(text: str) -> dict[str, str]:
    return {text[t.start : t.end]: t.kind for t in find_things(text, "en")}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The findings appeared in the Journal of Coastal Ecology last spring.", "Journal of Coastal Ecology", "work"),
        (
            "It will be published in Proceedings of the Royal Academy of Tarn.",
            "Proceedings of the Royal Academy of Tarn",
            "work",
        ),
        ("A paper released in The Northern Medical Journal on Monday said so.", "Northern Medical Journal", "work"),
        ("The dam breaches the Law of the Rivers, the envoy said.", "Law of the Rivers", "law"),
        ("It ignores Security Council resolution 1441, the envoy said.", "Security Council resolution 1441", "law"),
        ("The complaint cited 18 U.S. Code § 1030 in full.", "18 U.S. Code § 1030", "law"),
        ("Senators passed the Coastal Waters Bill last week.", "Coastal Waters Bill", "law"),
        ("The small plane, a Piper Cherokee, was heading to Reno.", "Piper Cherokee", "product"),
        ("The helicopter, a Bell 206 JetRanger, is owned by the county.", "Bell 206 JetRanger", "product"),
        ("Witnesses said a Douglas DC-3 aircraft landed hard.", "Douglas DC-3", "product"),
        ("Workers finished the Northstream gas pipeline in May.", "Northstream", "product"),
        ("The site removed vid-grab, a free program that saves clips.", "vid-grab", "product"),
        ("Two aides resigned after the Teapot Dome scandal broke.", "Teapot Dome scandal", "event"),
        ('It followed the 1998 "Harbour affair" in Leeds.', "Harbour affair", "event"),
        ("Shops ran out of rice amid fears of FLU-21 as families prepared to self-isolate.", "FLU-21", "disease"),
        ("The plane landed at 4:10 p.m. ET on Friday.", "ET", "time_zone"),
    ],
)
def test_a_construction_names_a_thing_of_its_kind(text: str, name: str, kind: str) -> None:
    assert _found(text).get(name) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Uncle Bill said the affair was over.",  # a first name; a lower-case "affair"
        "The firm filed for Chapter 11 protection on Monday.",
        "They passed a resolution on Monday.",
        "ET phoned home in the film.",  # "ET" away from a clock time
        "The plane, which was old, landed.",  # no name in the apposition
        "The shop sold a cheap-phone, a gadget, and a case.",  # no software word after the coined name
    ],
)
def test_no_thing_without_the_construction(text: str) -> None:
    assert not _found(text)


def test_a_pipeline_or_software_named_once_is_that_thing_at_every_use() -> None:
    text = "Leaders backed the Westlink gas pipeline. Westlink would carry gas north; vid-grab, a free tool, is gone."
    found = find_things(text, "en")
    uses = [m.start() for m in re.finditer("Westlink", text)]
    assert [t.start for t in found if t.kind == "product" and text[t.start : t.end] == "Westlink"] == uses
    assert any(text[t.start : t.end] == "vid-grab" for t in found)


def test_a_day_after_a_titled_name_is_still_a_time_but_a_year_is_the_title() -> None:
    text = "A paper in the Journal of Tarn on Wednesday, and the Reform Bill 2019 passed."
    day = text.index("on Wednesday")
    year = text.index("2019")
    assert not _inside(["Journal of Tarn"], text, (day, day + len("on Wednesday")))
    assert _inside(["Reform Bill"], text, (year, year + 4))


def test_an_index_named_with_its_owner_and_its_word_is_the_index_where_it_stands_alone() -> None:
    text = "Varn Seng slides\n\nKestria's Varn Seng index fell 2.1 percent on Thursday, led by developers."
    found = _found(text)
    assert found.get("Varn Seng index") == "index"  # not "Kestria's Varn Seng index"
    assert found.get("Varn Seng") == "index"  # the headline's bare name


def test_the_brief_keeps_one_index_and_no_actor_for_it() -> None:
    text = "Varn Seng slides\n\nKestria's Varn Seng index fell 2.1 percent on Thursday, led by developers."
    out = ground_names(text, [], ["Varn Seng"], [], published=date(2026, 12, 6))
    assert "Varn Seng" not in {a.name for a in out.who}
    assert [o.kind for o in out.others if o.name.startswith("Varn Seng")] == ["index"], out.others


def test_a_craft_named_as_the_one_it_is_is_that_craft_at_every_use() -> None:
    text = "Varnos flies past Io\n\nThe agency's Varnos spacecraft flew past Io on Saturday. Varnos's camera saw lava."
    assert [text[t.start : t.end] for t in find_things(text, "en") if t.kind == "product"] == ["Varnos"] * 3
    text = "A Kestrel spacecraft docked on Monday. Kestrel said the crew was well."
    assert [t.start for t in find_things(text, "en")] == [text.index("Kestrel")]  # "a Kestrel spacecraft": the maker
    assert "Mueller" not in _found("The Mueller probe ended in March.")  # a probe is also an inquiry
