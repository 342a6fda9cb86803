"""Outside English: countries and regions from CLDR (nlp/territories.py), their kind in a brief, the digest's region
and topic (digest/topic_cues.py).

Every article is written for this test.
"""

from __future__ import annotations

import pytest

from summarizer import Article, Summarizer
from summarizer.digest.sections import region, topic
from summarizer.nlp.territories import english_name, territory_code
from tests import components

ARTICLES = {
    "fr": "PARIS — Le ministre français a rencontré lundi son homologue à Berlin. La délégation se rendra ensuite "
    "en Allemagne et en Pologne, puis en Amérique du Sud.",
    "es": "MADRID — El ministro viajó el lunes a Berlín. La delegación visitará después Alemania y Polonia, y en "
    "marzo América del Sur.",
    "de": "BERLIN — Der Minister reiste am Montag nach Warschau. Die Delegation besucht danach Frankreich und "
    "Polen, im März Südamerika.",
}


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_countries_and_regions_are_no_cities(language: str) -> None:
    if language == "es":
        components.spanish_pipeline()
    with Summarizer("none") as summarizer:
        brief = summarizer.summarize(Article(text=ARTICLES[language], language=language))
    kinds = {place.name: place.kind for place in brief.where}
    countries = [name for name, kind in kinds.items() if kind == "country"]
    assert countries and all(territory_code(name, language) for name in countries), kinds
    assert all(territory_code(name, language) is None for name, kind in kinds.items() if kind == "city"), kinds
    assert region([brief]) == "Europe", kinds


def test_territory_names() -> None:
    assert territory_code("Deutschlands", "de") == "DE"  # a German genitive
    assert territory_code("Estados Unidos", "es") == "US" and english_name("US") == "United States"
    assert territory_code("Europa", "es") == "150"
    assert territory_code("Unión Europea", "es") is None  # an organization, not a place
    assert territory_code("Paris", "xx") is None  # a language CLDR lacks


TOPICAL = {
    "fr": (
        "Sports",
        "LYON — L'entraîneur de l'équipe a été limogé dimanche après une troisième défaite en championnat. "
        "Les joueurs ont appris la nouvelle au stade, a indiqué le club.",
    ),
    "es": (
        "Business & economy",
        "BILBAO — La empresa anunció el martes el cierre de su fábrica y 400 despidos. El precio del acero y la "
        "caída del mercado explican la decisión, según la compañía.",
    ),
    "de": (
        "Politics",
        "BERLIN — Die Regierung will das Gesetz vor der Wahl ändern. Es war die erste Sitzung des Parlaments, "
        "und es war ruhig, sagte der Minister.",  # "war" (was) is no war
    ),
}


@pytest.mark.parametrize("language", sorted(TOPICAL))
def test_a_story_in_another_language_gets_its_topic(language: str) -> None:
    expected, text = TOPICAL[language]
    with Summarizer("none") as summarizer:
        brief = summarizer.summarize(Article(text=text, language=language))
    assert topic([brief]) == expected, (brief.headline, brief.summary)
