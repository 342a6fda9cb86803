"""Countries and regions as each language writes them, from CLDR through babel ("Allemagne", "Estados Unidos", "Europa").

The English rules have their own country list (rules/places.py); outside
English a where item named as CLDR names a territory is a country (a two-letter
code) or a region (a numeric one: "Europa", "Amérique du Sud"), and the digest
finds its English name for its sections.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

NOT_TERRITORIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "001"})
"""CLDR territories that are organizations or no place: the European Union, the euro area, the United Nations."""


@lru_cache(maxsize=8)
def territories(language: str) -> dict[str, str]:
    """Name -> CLDR code of every country and region in ``language``; empty for a language CLDR lacks."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(language).territories
    except (ValueError, UnknownLocaleError):
        return {}
    return {name: code for code, name in names.items() if code not in NOT_TERRITORIES}


def territory_code(name: str, language: str) -> str | None:
    """The CLDR code ``name`` has in ``language``, also for a German genitive ("Deutschlands")."""
    codes = territories(language)
    if name in codes:
        return codes[name]
    if language == "de" and name.endswith("s"):
        return codes.get(name[:-1])
    return None


def territory_kind(code: str) -> Literal["country", "region"]:
    """A two-letter code is a country or territory; a numeric one a continent or region."""
    return "region" if code.isdigit() else "country"


def english_name(code: str) -> str | None:
    """The territory's English name ("DE" -> "Germany")."""
    return _english().get(code)


@lru_cache(maxsize=1)
def _english() -> dict[str, str]:
    return {code: name for name, code in territories("en").items()}
