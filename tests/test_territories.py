"""Countries and regions outside English, from CLDR (nlp/territories.py): their kind in a brief, the digest's region.

Every article is written for this test.
"""

from __future__ import annotations

import pytest

from summarizer import Article, Summarizer
from summarizer.digest.sections import region
from summarizer.nlp.territories import english_name, territory_code

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
