"""Public holidays named as times ("on Labor Day", "lundi de Pâques"), dated by the country the article is set in.

A holiday's date depends on the country (Labor Day is the first Monday of
September in the United States, May 1 in Germany) and on the year (Easter
moves), so a list of names cannot date one: the maintained ``holidays``
package (MIT) can, for every country and in the languages it writes them.
The country is the article's: the first place of its ``where`` that is a
country or lies in one (a US state is the United States), else the outlet's
(its address's country domain). Without a country a holiday is left
undated: a wrong country's date is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from summarizer.nlp.territories import territory_code
from summarizer.rules.calendar import Direction, day_of_year
from summarizer.rules.places import data_lines, is_country

_OBSERVED = re.compile(r"\(|observed|estimated", re.IGNORECASE)
"""A holiday moved to a weekday ("(observed)") or dated by estimate: not a name an article writes."""
_CATEGORIES = ("public", "unofficial", "optional")
"""Days off and the days the country names without a day off ("Christmas Eve", "Halloween" in the United States):
both are dated the same way; school and bank calendars are not what a news story names."""
MIN_NAME_CHARS = 6
"""Shorter holiday names ("Día", "Tag") are words of prose, not names of days."""


@dataclass(frozen=True)
class HolidayCalendar:
    """One country's public holidays under the names one language writes them."""

    country: str
    """ISO 3166 code ("US")."""
    language: str
    """The ``holidays`` package's language code the names are in ("en_US", "fr")."""
    year: int
    """The article's year: the names of the holidays around it (a holiday can be new or renamed)."""

    def find(self, text: str) -> list[tuple[int, int]]:
        """Offsets of the holidays ``text`` names, as written (capitals included: "labor day" is no name)."""
        pattern = _names_pattern(self.country, self.language, self.year)
        return [(m.start(), m.end()) for m in pattern.finditer(text)] if pattern else []

    def resolve(self, name: str, published: date, direction: Direction | None) -> date | None:
        """The holiday's day: the one of the year the sentence points to, read as a day without its year is
        (rules/calendar.py: "on Christmas Day" in a December article is this one)."""
        this_year = _dates(self.country, self.language, published.year).get(name)
        if this_year is None:
            return None
        chosen = day_of_year(published, this_year.month, this_year.day, direction)
        if chosen is None:
            return None
        return _dates(self.country, self.language, chosen.year).get(name, chosen)


def calendar_for(
    places: Sequence[str], language: str, year: int, outlet_country: str | None = None
) -> HolidayCalendar | None:
    """The calendar of the first of ``places`` that is a country or a US state, else of the outlet's country, in
    the article's language; None when neither gives a country or the package has no names in that language for it."""
    code = next((found for place in places if (found := _country_code(place, language))), outlet_country)
    if code is None:
        return None
    names_in = _language_for(code, language)
    return HolidayCalendar(code, names_in, year) if names_in else None


_GENERIC_COUNTRY_DOMAINS = frozenset(
    {"ai", "am", "cc", "co", "fm", "gg", "io", "ly", "me", "nu", "so", "to", "tv", "ws"}
)
"""Country domains sold to anyone ("example.io", "radio.fm"): they say nothing of where an outlet is."""
_DOMAIN_COUNTRY = {"uk": "GB"}
"""Country domains that are not the country's ISO code."""


def country_of_address(url: str | None) -> str | None:
    """The outlet's country from its address's country domain ("www.example.de" -> "DE", "bbc.co.uk" -> "GB");
    None for a generic domain (".com", ".org") or none at all."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    label = host.rsplit(".", 1)[-1].casefold()
    if len(label) != 2 or not label.isalpha() or label in _GENERIC_COUNTRY_DOMAINS:
        return None
    return _DOMAIN_COUNTRY.get(label, label.upper())


def _country_code(place: str, language: str) -> str | None:
    name = place.strip().removeprefix("the ")
    if name in _us_states():
        return "US"
    if language == "en" and is_country(name):
        from summarizer.rules.places import country_mentions

        found = country_mentions(name)
        name = found[0].country if found else name
        return territory_code(name, "en") or _ENGLISH_EXTRA.get(name)
    return territory_code(name, language)


_ENGLISH_EXTRA = {"England": "GB", "Scotland": "GB", "Wales": "GB", "Northern Ireland": "GB"}
"""Nations of the United Kingdom CLDR does not list as territories."""


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    line = next(line for line in data_lines("regions.txt") if line.startswith("US states:"))
    return frozenset(name.strip() for name in line.split(":", 1)[1].split(";"))


@lru_cache(maxsize=64)
def _language_for(country: str, language: str) -> str | None:
    import holidays

    try:
        calendar = holidays.country_holidays(country)
    except NotImplementedError:
        return None  # a country the package has no calendar for ("EU")
    supported = list(calendar.supported_languages or ())
    default = calendar.default_language or ""
    if default.split("_")[0] == language:
        return default
    return next((code for code in supported if code.split("_")[0] == language), None)


@lru_cache(maxsize=256)
def _dates(country: str, language: str, year: int) -> dict[str, date]:
    """Name -> day of the country's public holidays in ``year`` (a name given twice keeps its first day)."""
    import holidays

    kinds = holidays.country_holidays(country).supported_categories
    categories = tuple(kind for kind in _CATEGORIES if kind in kinds)
    calendar = holidays.country_holidays(country, years=year, language=language, categories=categories)
    found: dict[str, date] = {}
    for day, names in sorted(calendar.items()):
        for name in names.split("; "):
            if len(name) >= MIN_NAME_CHARS and not _OBSERVED.search(name):
                found.setdefault(name, day)
    return found


@lru_cache(maxsize=64)
def _names_pattern(country: str, language: str, year: int) -> re.Pattern[str] | None:
    names = {name for around in (year - 1, year, year + 1) for name in _dates(country, language, around)}
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
