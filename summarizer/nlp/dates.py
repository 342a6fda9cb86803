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
from typing import Any

from summarizer.rules.calendar import Precision, day_of_year, month_of_year, weekday
from summarizer.rules.time_phrases import YEAR, Context, find_phrases, merge, resolve_phrase

LANGUAGES = frozenset({"fr", "es", "de"})
"""Measured on the project's French, Spanish and German articles (tests/test_languages.py)."""
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
_YEAR = YEAR
_YEAR_BEFORE: dict[str, re.Pattern[str]] = {
    language: re.compile(rf"(?<!\w)(?i:{words})\s*$")
    for language, words in {
        "fr": r"en|depuis|dès|avant|après|entre|et|de|à|jusqu'en|d'ici|année|l'an|fin|début|mi-|vers|pour|au",
        "es": r"en|desde|hasta|entre|y|de|del|año|antes\s+de|después\s+de|a|finales\s+de|principios\s+de|para|hacia",
    }.items()
}
"""In French and Spanish a year alone is a time after a date's preposition ("en 2010", "entre 2010 et"), else a
count; German puts years after verbs and nouns ("waren 2014 in Deutschland"), so there only what follows counts."""
_COUNTED_AFTER: dict[str, re.Pattern[str]] = {
    "fr": re.compile(
        r"\s+(?!(?:les|des|ses|ces|mes|nos|vos|leurs|puis|mais|dans|sous|sans|après|depuis)\b)[a-zàâçéèêëîïôûù]{2,}[sx]\b"
    ),
    "es": re.compile(r"\s+(?!(?:las|los|sus|unos|unas|tras|después|antes|mientras|desde)\b)[a-záéíóúñ]{2,}s\b"),
    "de": re.compile(r"\s+[A-ZÄÖÜ][a-zäöüß]+(?<!Januar)(?<!Februar)(?<!März)(?<!April)(?<!Mai)(?<!Juni)(?<!Juli)"),
}
"""A plural noun after the number ("de 2000 personnes", "2500 empleos"; in German any noun: "von 2000 Menschen")
makes it a count, not a year."""
_SHIFT_WORDS = re.compile(
    r"(?<!\w)(?i:dernier|dernière|prochain|prochaine|passée?|pasad[oa]|próxim[oa]|que\s+viene"
    r"|letzte[nmrs]?|vergangene[nmrs]?|nächste[nmrs]?|kommende[nmrs]?)(?!\w)"
)
"""A weekday with its "last" or "next" is read as dateparser reads it; a bare one goes the sentence's way."""
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


def _year_given(day: dt.date, period: Precision, published: dt.date | None, context: Context) -> dt.date:
    """A month without its year: the range's year ("de mars à mai 2016"), else the sentence's way from the
    published date (dateparser takes the last one: "rouvrira en avril" in August is next April), else the nearest."""
    if year := context.range_year():
        return day.replace(year=year) if period == "month" or (day.month, day.day) != (2, 29) else day
    if published is None:
        return day
    if period == "month":
        return month_of_year(published, day.month, context.direction()) or day
    return day_of_year(published, day.month, day.day, context.direction()) or day


def _weekday_alone(expression: str, language: str) -> bool:
    """ "mardi", "am Montag": a weekday without a date or its "last"/"next" ("hier" and "el pasado domingo" are
    read as dateparser reads them)."""
    from dateparser.languages.loader import default_loader

    info: dict[str, Any] = default_loader.get_locale(language).info
    names = {name.casefold() for key in _UNITS for name in info.get(key, []) if len(name) > 2}
    words = [word.casefold().strip(".,") for word in expression.split()]
    return (
        any(word in names for word in words)
        and not _SHIFT_WORDS.search(expression)
        and not re.search(r"\d", expression)
    )


def find_dates(text: str, language: str) -> list[tuple[int, int]]:
    """Offsets of the time expressions in ``text`` (a language of LANGUAGES; others find none)."""
    if language not in LANGUAGES:
        return []
    own = [(m.start(), m.end()) for m in _pattern(language).finditer(text) if _not_a_count(text, m, language)]
    return merge(own, find_phrases(text, language))


def _not_a_count(text: str, match: re.Match[str], language: str) -> bool:
    """A year alone ("2010") must follow a date's preposition and not come before a noun; anything else stands."""
    if not re.fullmatch(_YEAR, match[0]):
        return True
    if language in _YEAR_BEFORE and not _YEAR_BEFORE[language].search(text, 0, match.start()):
        return False
    return _COUNTED_AFTER[language].match(text, match.end()) is None


def resolve_date(
    expression: str, language: str, published: dt.date | None, context: Context | None = None
) -> tuple[dt.date | None, Precision | None]:
    """The date an expression means against the published date, at its granularity; (None, None) when unknown.

    ``context`` (its sentence and the article's last date) gives a weekday or a
    month without its year the sentence's direction ("rouvrira en avril": the
    coming April) and "le même jour" its day.
    """
    if language not in LANGUAGES:
        return None, None
    context = context or Context(language=language)
    if (phrase := resolve_phrase(expression, language, published, context)) is not None:
        return phrase
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
    if period in ("day", "month") and _month_without_year(expression, language):
        day = _year_given(day, period, published, context)
    elif published is not None and period == "day" and _weekday_alone(expression, language):
        day = weekday(published, day.weekday(), context.direction())
    if period == "month":
        day = day.replace(day=1)
    elif period == "year":
        day = day.replace(month=1, day=1)
    elif period == "week":
        day -= dt.timedelta(days=day.weekday())
    return day, period
