"""Time expressions in other languages than English, found and resolved with dateparser.

dateparser (BSD) knows the weekday and month names and the relative phrases
("hier", "la semaine dernière", "letzte Woche") of 200+ locales; its own
free-text search also reads "sa" or "die" as dates, so expressions are found
here from its locale data (whole words only), then each is resolved by
dateparser against the published date at its own granularity. The English
rules (rules/times.py) stay English-only.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any, Literal

from summarizer.rules.times import nearest_day

LANGUAGES = frozenset({"fr", "es", "de"})
"""Measured on the project's French, Spanish and German articles (tests/test_languages.py)."""

Precision = Literal["day", "week", "month", "year"]
_UNITS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_SYNONYMS: dict[str, dict[str, str]] = {
    "de": {"vergangene": "letzte", "vergangenen": "letzten", "kommende": "nächste", "kommenden": "nächsten"},
    "fr": {"passée": "dernière"},
}
"""Spellings of "last"/"next" dateparser's locale data lacks, written as the ones it has."""
_BEFORE: dict[str, str] = {"de": r"(?:letzte[nm]?|vergangene[nm]?|nächste[nm]?|kommende[nm]?)\s+", "es": "", "fr": ""}
_AFTER: dict[str, str] = {
    "de": "",
    "es": r"\s+(?:pasad[oa]|próxim[oa])",
    "fr": r"\s+(?:dernier|dernière|prochain|prochaine|passée?)",
}
"""A week, month or year is a time only with its "last" or "next": "dix-huit mois" is a duration."""
_YEAR = r"(?:1[89]\d\d|2\d\d\d)"
_OF = frozenset({"de", "del"})
"""'27 de marzo de 2008' and '27 de marzo del 2008' (both Spanish usage): dateparser reads them without these."""


@lru_cache(maxsize=len(LANGUAGES))
def _pattern(language: str) -> re.Pattern[str]:
    """Weekday and month names (with an optional day and year), relative phrases and years, as whole words."""
    from dateparser.languages.loader import default_loader

    info: dict[str, Any] = default_loader.get_locale(language).info
    weekdays = [max(info.get(key, [""]), key=len) for key in _UNITS]
    months = [max(info.get(key, [""]), key=len) for key in _MONTHS]  # "septembre", not "sept" (seven)
    relative = [p for phrases in info.get("relative-type", {}).values() for p in phrases if len(p) > 3]
    units = [u for key in ("week", "month", "year") for u in info.get(key, []) if len(u) > 3]

    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    before, after = _BEFORE[language], _AFTER[language]
    expression = (
        rf"(?:{alternatives(relative)})"
        rf"|{before}(?:{alternatives(units)}){after}"
        rf"|(?:{alternatives(weekdays)})(?:\s+\d{{1,2}}(?:\s+(?:{alternatives(months)}))?)?(?:{after})?"
        rf"|(?:\d{{1,2}}\.?\s+(?:de\s+)?)?(?:{alternatives(months)})(?:\s+(?:del?\s+)?{_YEAR})?"
        rf"|{_YEAR}"
    )
    return re.compile(rf"(?<!\w)(?:{expression})(?!\w)", re.IGNORECASE)


def _month_without_year(expression: str, language: str) -> bool:
    """ "le 28 juillet", "en marzo": a month named without its year (not "mars 2012", "le mois dernier")."""
    if re.search(_YEAR, expression):
        return False
    from dateparser.languages.loader import default_loader

    info: dict[str, Any] = default_loader.get_locale(language).info
    months = {name.casefold() for key in _MONTHS for name in info.get(key, []) if len(name) > 2}
    return any(word.casefold().strip(".") in months for word in expression.split())


def find_dates(text: str, language: str) -> list[tuple[int, int]]:
    """Offsets of the time expressions in ``text`` (a language of LANGUAGES; others find none)."""
    if language not in LANGUAGES:
        return []
    return [(m.start(), m.end()) for m in _pattern(language).finditer(text)]


def resolve_date(expression: str, language: str, published: dt.date | None) -> tuple[dt.date | None, Precision | None]:
    """The date an expression means against the published date, at its granularity; (None, None) when unknown."""
    if language not in LANGUAGES:
        return None, None
    from dateparser.date import DateDataParser

    words = [_SYNONYMS.get(language, {}).get(w.lower(), w) for w in expression.split() if w.lower() not in _OF]
    base = dt.datetime.combine(published, dt.time()) if published else None
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    elif not re.search(_YEAR, expression):
        return None, None  # "mardi" without a publication date is no date
    data = DateDataParser(languages=[language], settings=settings).get_date_data(" ".join(words))
    if data.date_obj is None or data.period not in ("day", "week", "month", "year"):
        return None, None
    day = data.date_obj.date()
    period: Precision = data.period
    if published is not None and period in ("day", "month") and _month_without_year(expression, language):
        # dateparser takes the last one ("le 28 juillet" in a June article: a year back); as in English, a date
        # without its year is the coming one when it is at most four months ahead, else the last one.
        day = nearest_day(published, day.month, day.day if period == "day" else 1) or day
    if period == "month":
        day = day.replace(day=1)
    elif period == "year":
        day = day.replace(month=1, day=1)
    elif period == "week":
        day -= dt.timedelta(days=day.weekday())
    return day, period
