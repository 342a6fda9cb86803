"""Given names and surnames of many countries, to tell a person's name from a body's when nothing else does.

The small recognizer reads "Arthur Cabral" or "Szabó Péter" as an organization: it knows English names best. A
name that opens with a given name, or (in Hungarian and East Asian order) a surname followed by a given name, is a
person's. The names are the person-name lists of ``faker`` (MIT), one per locale, in Latin script (romanized for
Chinese and Japanese); a word that is also a country, a capital or a state ("Georgia", "Victoria") says nothing.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache

from summarizer.rules.kinds import PERSON_TITLES
from summarizer.rules.places import is_capital, is_country, is_demonym, is_major_division

_LIST = re.compile(r"(?:first|last)_(?:romanized_)?names(?:_[a-z]+)?")
"""faker's person-name attributes: ``first_names_female``, ``last_names``, ``first_romanized_names``..."""


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames) of every faker locale, in Latin script."""
    import faker.providers.person as people

    given: set[str] = set()
    surnames: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        provider = getattr(importlib.import_module(f"{people.__name__}.{module.name}"), "Provider", None)
        for klass in getattr(provider, "__mro__", ()):
            for attribute, listed in vars(klass).items():
                if not _LIST.fullmatch(attribute) or not isinstance(listed, dict | list | tuple | set | frozenset):
                    continue
                words = {n for n in listed if isinstance(n, str) and n.isalpha() and _latin_capitalised(n)}
                (given if attribute.startswith("first") else surnames).update(words)
    return frozenset(given), frozenset(surnames)


def _latin_capitalised(word: str) -> bool:
    return word[:1].isupper() and any("a" <= c.casefold() <= "z" for c in word)


def _says_nothing(word: str) -> bool:
    """A country, a capital, a populous country's division or a nation's adjective, which some list also has as a
    person's ("Georgia", "Florida", "Philippine"): the adjective of a country named in the plural ("Philippine" of
    "Philippines") counts too. A small country's division does not: "Paul" (Cape Verde) or "Bruce" (New Zealand)
    opens a person's name far more often."""
    return is_country(word) or is_capital(word) or is_major_division(word) or is_demonym(word) or is_country(f"{word}s")


def names_someone(word: str) -> bool:
    """A given name or a surname in some country's list, even where a place has it too ("Victoria", "Devon")."""
    given, surnames = _names()
    return word in given or word in surnames


def is_given_name(word: str) -> bool:
    """A given name in some country's list, and no country, capital or state ("Georgia", "Victoria"); a double one
    when both halves are ("Nils-Erik", "Jean-Pierre")."""
    if "-" in word.strip("-"):
        return all(is_given_name(part) for part in word.split("-"))
    return word in _names()[0] and not _says_nothing(word)


def is_surname(word: str) -> bool:
    return word in _names()[1] and not _says_nothing(word)


ARTICLES = frozenset({"Al", "El", "Le"})
"""Given names in some list that also open a name as its article ("Al Jazeera", "El Universal", "Le Monde")."""


def opens_with_article(name: str) -> bool:
    """A name whose first word may be an article, not a given name: only the recognizer can tell "Al Gore" from
    "Al Jazeera"."""
    return name.split(maxsplit=1)[0] in ARTICLES if name.strip() else False


def misread_person(name: str) -> bool:
    """A person's name under a body's label ("Arthur Cabral", read as an organization): a personal name, unless its
    first word may be an article ("Al Jazeera"), where only the recognizer can tell."""
    return personal_name(name) and not opens_with_article(name)


_ONLY_BEFORE_A_NAME = frozenset({"cardinal"})
"""Titles that open a person's name but also a company's ("Cardinal Health"): skipped before a given name here, never
a cue of their own."""


def personal_name(name: str) -> bool:
    """Two to four capitalised words, after any title, that open with a given name ("Arthur Cabral", "Honorable Pedro
    R. Pierluisi Urrutia"), or a surname then a given name ("Szabó Péter", "Tanaka Hiroshi"); not a maker's name
    after a founder's surname ("Lockheed Martin": no surname opens it)."""
    words = name.split()
    while words and words[0].casefold().rstrip(".") in PERSON_TITLES | _ONLY_BEFORE_A_NAME:
        words = words[1:]
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    return is_given_name(words[0]) or (len(words) == 2 and is_surname(words[0]) and is_given_name(words[1]))
