"""Resolve time expressions ("early Sunday", "in July", "March 2024") to dates.

Date arithmetic is done here, not by the model: a 1.5B model gets weekdays
wrong, and code does not. Relative expressions need the published date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

LANGUAGES = frozenset({"en"})
"""English month, weekday and relative words; other languages use nlp/dates.py (dateparser)."""

Precision = Literal["day", "week", "month", "year"]

_MONTH_TABLE = [
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
]
MONTH_NAMES = frozenset(names[0] for names in _MONTH_TABLE)
"""Full month names, lower case."""
_MONTHS = {name: number for number, names in enumerate(_MONTH_TABLE, start=1) for name in names}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY_NAMES = frozenset(_WEEKDAYS)
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
"""US order, month first ("7/8/07"): the English news this rule reads."""
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?,?\s+(\d{{4}})\b")
_MONTH_ONLY = re.compile(rf"\b({_MONTH})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


def resolve(expression: str, published: date | None) -> tuple[date | None, Precision | None]:
    """Return (date, precision) for an expression, or (None, None) when unknown."""
    text = expression.casefold()
    absolute = _absolute(text, published)
    if absolute[0] is not None:
        return absolute
    if published is None:
        return None, None
    return _relative(text, published)


AHEAD_DAYS = 122
"""How far ahead a date without a year may lie: news reports the past, and what is due in the next months."""


def nearest_day(published: date, month: int, day: int) -> date | None:
    """A month and day without a year: the coming one when it is at most four months ahead, else the last one.

    "On October 25" in an article of October 20 is five days ahead, not a
    year back; "in February" in an August article is the February gone by.
    """
    this_year = _safe(published.year, month, day)
    if this_year is None:
        return _safe(published.year - 1, month, day) or _safe(published.year + 1, month, day)
    if this_year <= published:
        ahead = _safe(published.year + 1, month, day)
        return ahead if ahead and (ahead - published).days <= AHEAD_DAYS else this_year
    return this_year if (this_year - published).days <= AHEAD_DAYS else _safe(published.year - 1, month, day)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _absolute(text: str, published: date | None) -> tuple[date | None, Precision | None]:
    if m := _ISO.search(text):
        return _safe(int(m[1]), int(m[2]), int(m[3])), "day"
    if m := _SLASHED.search(text):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return _safe(year, int(m[1]), int(m[2])), "day"
    if m := _DAY_MONTH_YEAR.search(text):
        return _safe(int(m[3]), _MONTHS[m[2]], int(m[1])), "day"
    if m := _MONTH_DAY_YEAR.search(text):
        return _safe(int(m[3]), _MONTHS[m[1]], int(m[2])), "day"
    if m := _MONTH_YEAR.search(text):
        return date(int(m[2]), _MONTHS[m[1]], 1), "month"
    if published is not None:
        if m := (_MONTH_DAY.search(text) or _DAY_MONTH.search(text)):
            month_name, day = (m[1], m[2]) if m[1] in _MONTHS else (m[2], m[1])
            month = _MONTHS[month_name]
            return nearest_day(published, month, int(day)), "day"
        m = _MONTH_ONLY.search(text)
        if m and (m[1] != "may" or re.search(r"\bin may\b", text)):
            month = _MONTHS[m[1]]
            nearest = nearest_day(published, month, 1)
            return (nearest.replace(day=1) if nearest else None), "month"
    if m := _YEAR.search(text):
        return date(int(m[1]), 1, 1), "year"
    return None, None


def iso_value(day: date | None, precision: Precision | None) -> str | None:
    """The ISO value at the expression's own granularity: a year is "2020", a month "2024-03", a week "2008-W09"."""
    if day is None or precision is None:
        return None
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()


_SHIFT = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}
_UNIT = re.compile(r"\b(last|past|previous|this|current|next|coming)\s+(week|month|year)\b")


def _relative(text: str, published: date) -> tuple[date | None, Precision | None]:
    if m := _UNIT.search(text):
        shift, unit = _SHIFT[m[1]], m[2]
        if unit == "week":
            return published + timedelta(weeks=shift), "week"
        if unit == "month":
            month = published.month - 1 + shift
            return date(published.year + month // 12, month % 12 + 1, 1), "month"
        return date(published.year + shift, 1, 1), "year"
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", text):
        return published, "day"
    if re.search(r"\b(yesterday|last night)\b", text):
        return published - timedelta(days=1), "day"
    if re.search(r"\btomorrow\b", text):
        return published + timedelta(days=1), "day"
    for number, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            if re.search(r"\bnext\b", text):
                ahead = (number - published.weekday()) % 7 or 7
                return published + timedelta(days=ahead), "day"
            back = (published.weekday() - number) % 7
            return published - timedelta(days=back), "day"
    return None, None


_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_CAP_MONTH = "(?:{})".format(
    "|".join(
        [names[0].capitalize() for names in _MONTH_TABLE]
        + [rf"{short.capitalize()}\." for names in _MONTH_TABLE for short in names[1:]]
    )
)
_CAP_WEEKDAY = "(?:{})".format("|".join(day.capitalize() for day in _WEEKDAYS))
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_TIME_EXPRESSION = re.compile(
    "|".join(
        [
            rf"{_CAP_WEEKDAY},?\s+{_CAP_MONTH}\s+{_DAY},?\s+\d{{4}}",
            rf"{_CAP_MONTH}\s+{_DAY},?\s+\d{{4}}",
            rf"{_DAY}\s+{_CAP_MONTH},?\s+\d{{4}}",
            rf"(?:(?i:early|late|last|next|this|on)\s+)?{_CAP_WEEKDAY}(?i:{_PART})",
            rf"{_CAP_MONTH}\s+{_DAY}",
            rf"{_DAY}\s+{_CAP_MONTH}",
            rf"(?:(?i:early|late|mid)-?\s*)?{_CAP_MONTH},?\s+\d{{4}}",
            rf"(?i:in|since|until|by|from|during|early|late|mid)\s+{_CAP_MONTH}(?:\s+{_DAY})?(?:,?\s+\d{{4}})?",
            r"(?i:(?:(?:early|late)\s+)?(?:yesterday|today|tonight|tomorrow)" + _PART + ")",
            r"(?i:last\s+night)",
            r"(?i:(?:earlier\s+|later\s+)?(?:last|next|this)\s+(?:week|weekend|month|year))",
            r"(?i:in|since|until|by|from|during)\s+(?:1[89]\d\d|20\d\d)",
            r"\d{4}-\d{2}-\d{2}",
            r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})",
        ]
    ).join([r"\b(?:", r")(?!\w)"])
)


def find_times(text: str) -> list[tuple[int, int]]:
    """Offsets of the time expressions in ``text`` ("on Tuesday", "last week", "July 21, 2017").

    Month and weekday names must be capitalised, so "may" and "march" as verbs
    are not dates; words like "yesterday" and "last week" match in any case.
    """
    return [(match.start(), match.end()) for match in _TIME_EXPRESSION.finditer(text)]
