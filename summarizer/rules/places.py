"""Countries an article names, found by a list rather than by the model.

The small model lists the venue and the city and leaves out the countries a
story is set in; countries are a closed list, so code finds them all, exactly
as written, at no token cost. A name only counts as written with its capitals
and not inside a longer name ("Chad Smith", "Georgia Tech", "New Mexico").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from countryinfo import CountryInfo

LANGUAGES = frozenset({"en"})
"""Country names as English writes them: English text only."""


@dataclass(frozen=True)
class CountryMention:
    country: str
    """The country's usual English name ("United States" for "the U.S.")."""
    start: int
    end: int


def data_lines(name: str) -> list[str]:
    """The lines of a packaged data file (``summarizer/rules/data/``), without blanks and # comments."""
    text = files("summarizer").joinpath(f"rules/data/{name}").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], re.Pattern[str]]:
    aliases: dict[str, str] = {}
    for line in data_lines("countries.txt"):
        names = [n.strip() for n in line.split("|")]
        for name in names:
            aliases[name] = names[0]
    alternatives = "|".join(re.escape(name) for name in sorted(aliases, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w.])(?:{alternatives})(?!\w|\.\w)")
    return aliases, pattern


@lru_cache(maxsize=16)
def country_mentions(text: str) -> tuple[CountryMention, ...]:
    """Every mention of a country, in order (cached: grounding asks about one article many times)."""
    aliases, pattern = _countries()
    return tuple(
        CountryMention(aliases[match.group()], match.start(), match.end())
        for match in pattern.finditer(text)
        if not (_inside_name(text, match.start()) or _name_follows(text, match.end()))
    )


def find_countries(text: str) -> list[CountryMention]:
    """Each country's first mention, in the order the article names them."""
    seen: dict[str, CountryMention] = {}
    for mention in country_mentions(text):
        seen.setdefault(mention.country, mention)
    return list(seen.values())


def is_country(name: str) -> bool:
    """ "France", "the US", and "The United States" where a sentence begins with it."""
    aliases, _ = _countries()
    name = name.strip().removeprefix("the ").removeprefix("The ")
    return name in aliases or f"{name}." in aliases


def _name_follows(text: str, end: int) -> bool:
    """ "Chad Smith", "Georgia Tech": a capitalised word right after, in the same sentence."""
    if text[end : end + 1] == "$":  # "US$40 billion": a currency, not the country
        return True
    return text[end - 1] != "." and re.match(r"[ \t]+[A-Z][a-z]", text[end:]) is not None


def _inside_name(text: str, start: int) -> bool:
    """ "New Mexico", "Papua": a capitalised word right before that does not start the sentence."""
    before = text[:start]
    word = re.search(r"([A-Z][\w'\u2019-]*)\s$", before)
    if not word:
        return False
    if word.group(1) in {"New", "North", "South", "East", "West", "Papua", "Upper", "Lower"}:
        return True
    ahead = before[: word.start()].rstrip()
    return not (ahead == "" or ahead.endswith((".", "!", "?", "\n", '"', "\u201c")))


_PLACE_NOUNS = (
    r"towns|cities|villages|municipalities|provinces|districts|counties|regions|islands|communities|suburbs|"
    r"neighbou?rhoods|hamlets|townships|sites|resorts|destinations|attractions|councils|boroughs|constituencies|wards|"
    r"parishes"
)
_NOT_LISTING = r"(?:where|which|that|who|whom|whose|when|in|on|at|by|from|with|to|for|near|said|says|told)"
"""Words after which the names no longer list the places: "the towns where X said", "cities in X"."""
LISTED_NAME = r"[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,3}"
_PLACE_LIST = re.compile(
    rf"\b(?:{_PLACE_NOUNS})\b(?:[ \t]+(?:at|in|near)(?=[ \t]+[A-Z]))?(?:,?[ \t]+(?!{_NOT_LISTING}\b)[a-z]+){{0,4}}?"
    rf"[ \t]*(?:,|:)?[ \t]+"
    rf"(?P<list>{LISTED_NAME}(?:(?:,[ \t]*{LISTED_NAME})+(?:,?[ \t]+(?:and|or)[ \t]+{LISTED_NAME})?|"
    rf",?[ \t]+(?:and|or)[ \t]+{LISTED_NAME}))"
)
"""A list of names after a plural place noun and a few lower-case words: "the towns of A, B and C", "the villages hit
were mostly A, B, and C", "districts such as A or B", "sites at A, B and C"; two names at least, a list. Four words at most keep the list the noun's own."""


MATCH_SCORE = r"\d{1,3}[-–]\d{1,3}"
"""A match's score ("2-1", "43–5"), written after a side's name: no part of the name, and no model number."""

_LISTED_BEFORE = re.compile(
    rf"(?<![\w'’-])(?P<list>{LISTED_NAME}(?:,[ \t]*{LISTED_NAME})*,?[ \t]+and[ \t]+{LISTED_NAME})[ \t]+"
    rf"(?:{_PLACE_NOUNS}|states|prefectures|territories|oblasts|governorates|cantons|rivers|lakes|mountains|valleys)\b"
)
"""Names listed before a plural place noun they share: "Kebbi and Bayelsa states", "A, B and C provinces", "the A and
B rivers"."""


@lru_cache(maxsize=16)
def listed_as_places(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the names listed after (or before) a plural place noun: each is a place whatever the name alone
    suggests."""
    spans: list[tuple[int, int]] = []
    for match in [*_PLACE_LIST.finditer(text), *_LISTED_BEFORE.finditer(text)]:
        start = match.start("list")
        for item in re.finditer(rf"{LISTED_NAME}", match.group("list")):
            spans.append((start + item.start(), start + item.end()))
    return tuple(spans)


@lru_cache(maxsize=2)
def _divisions(min_people: int = 0) -> frozenset[str]:
    """The first-level divisions (states, provinces, regions) of every country of at least ``min_people`` people, from
    ``countryinfo`` (MIT)."""
    names = {
        p
        for country in CountryInfo.all().values()
        if (country.get("population") or 0) >= min_people
        for p in country.get("provinces") or []
        if isinstance(p, str)
    }
    return frozenset(name.strip() for name in names if name.strip())


def is_division(name: str) -> bool:
    """One of a country's states, provinces or regions ("Haryana", "Ontario"), not a capital ("Kingston", "Douglas"
    are also people's names)."""
    return _listed(name, _divisions())


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@lru_cache(maxsize=8)
def _unaccented_names(names: frozenset[str]) -> frozenset[str]:
    return frozenset(_unaccented(n) for n in names)


def _listed(name: str, names: frozenset[str]) -> bool:
    """The name is in the list as written, or, written with accents, as the list spells it without them ("São Paulo",
    "Rondônia", listed as "Sao Paulo", "Rondonia"). A name written without accents is matched only as written: "Leon"
    is a given name, "León" a province."""
    written = name.strip().removeprefix("the ")
    return written in names or (not written.isascii() and _unaccented(written) in _unaccented_names(names))


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    """Every country's capital, from ``countryinfo`` (MIT)."""
    names: set[str] = set()
    for country in CountryInfo.all().values():
        capital = country.get("capital")
        names.update([capital] if isinstance(capital, str) else capital or [])
    return frozenset(name.strip() for name in names if name and name.strip())


MAJOR_COUNTRY = 20_000_000
"""People in a country whose divisions news readers know by name ("Florida", "Kent", "Lorraine"); a small country's
("Paul" in Cape Verde, "Bruce" in New Zealand) is what the word means far less often than a person's name."""


def is_major_division(name: str) -> bool:
    """A state, province or region of a populous country ("Florida", "Kent", "Bavaria")."""
    return _listed(name, _divisions(MAJOR_COUNTRY))


def is_capital(name: str) -> bool:
    """A country's capital ("Sofia", "Santiago", "Victoria")."""
    return _listed(name, _capitals())


@lru_cache(maxsize=1)
def _capitals_and_divisions() -> frozenset[str]:
    """Every country's capital and first-level divisions (states, provinces, regions), from ``countryinfo`` (MIT)."""
    return _capitals() | _divisions()


def is_capital_or_division(name: str) -> bool:
    """A country's capital or one of its states or provinces ("Beijing", "Florida", "Ontario"): a place even where it
    acts ("Beijing warned", "Florida sued"), as a name standing for its government does."""
    return _listed(name, _capitals_and_divisions())


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    """Lands ``countryinfo`` lists beside the countries that are no country of ``countries.txt`` ("Guam",
    "Puerto Rico", "Greenland"): places however the recognizer reads them."""
    names = {country.get("name") or "" for country in CountryInfo.all().values()}
    return frozenset(n for n in names if n and not re.search(r"[,()]", n) and not is_country(n))


FORMER_STATES = frozenset({
    "Soviet Union", "USSR", "Yugoslavia", "Czechoslovakia", "East Germany", "West Germany", "Ottoman Empire",
    "Austria-Hungary", "Prussia", "Rhodesia", "Zaire", "Persia",
})  # fmt: skip
"""States that no longer exist, which news still names in history ("a nerve agent developed by the Soviet Union"):
places, though no list of today's countries has them."""


_COMPASS = re.compile(r"(?:North|South|East|West|Northern|Southern|Eastern|Western|Upper|Lower)[ \t]+")
"""A quarter's word before a state's name: "Southern Rhodesia", "South Vietnam", "East Pakistan" were states."""


def is_territory(name: str) -> bool:
    """A land that is no country of ``countries.txt`` ("Guam", "Puerto Rico"), a former state ("the Soviet Union"), or
    a quarter of one or of a country that was a state of its own ("Southern Rhodesia", "South Vietnam")."""
    name = name.strip().removeprefix("the ")
    if name in _territories() or name in FORMER_STATES:
        return True
    quarter = _COMPASS.match(name)
    return quarter is not None and (name[quarter.end() :] in FORMER_STATES or is_country(name[quarter.end() :]))


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Every country's English demonym ("Lithuanian", "Swiss"), from ``countryinfo``, but those that are also the name
    of a place ("Gibraltar", "Christmas Island")."""
    names: set[str] = set()
    for country in CountryInfo.all().values():
        names.update(re.split(r"[,/]", country.get("demonym") or ""))
    places = _capitals_and_divisions()
    return frozenset(n.strip() for n in names if n.strip() and n.strip() not in places and not is_country(n.strip()))


def is_demonym(name: str) -> bool:
    """A country's demonym ("Lithuanian", "Swiss"): it qualifies a name ("Lithuanian rival X") and names no person,
    organization or place of its own."""
    return name.strip() in _demonyms()
