"""Resolve time expressions ("early Sunday", "in July", "March 2024") to dates.

Date arithmetic is done here, not by the model: a 1.5B model gets weekdays
wrong, and code does not. Relative expressions need the published date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from summarizer.rules.calendar import (
    AHEAD_DAYS,
    Precision,
    day_of_year,
    iso_value,
    month_of_year,
    nearest_day,
    safe,
    weekday,
)
from summarizer.rules.time_phrases import YEAR, Context, find_phrases, merge, resolve_phrase

__all__ = ["AHEAD_DAYS", "Precision", "find_times", "iso_value", "nearest_day", "resolve"]

LANGUAGES = frozenset({"en"})
"""English month, weekday and relative words; other languages use nlp/dates.py (dateparser)."""

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
_YEAR = re.compile(rf"\b({YEAR})\b")
_MONTH_OF_SHIFTED_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(?:of\s+)?(?:the\s+)?(last|next|this|previous)\s+year\b")
"""'March of last year', 'June next year': the month of the year the words name, not the nearest one."""
_DAY_OF_SHIFTED_YEAR = re.compile(
    rf"\b(?:({_MONTH})\.?\s+(\d{{1,2}})|(\d{{1,2}})\s+({_MONTH}))(?:st|nd|rd|th)?,?\s+(?:of\s+)?(?:the\s+)?(last|next|this|previous)\s+year\b"
)
"""'March 20 last year', '4 June next year': that day of the year the words name."""


def resolve(
    expression: str, published: date | None, context: Context | None = None
) -> tuple[date | None, Precision | None]:
    """Return (date, precision) for an expression, or (None, None) when unknown.

    ``context`` (its sentence and the article's last date) gives a name without
    its year or week a direction ("will reopen in April": the coming April) and
    "the same day" its day; without it, the nearest reading.
    """
    context = context or Context()
    if (phrase := resolve_phrase(expression, "en", published, context)) is not None:
        return phrase
    text = expression.casefold()
    if text.isdigit() and len(text) <= 2:
        return _second_day(text, published, context)
    absolute = _absolute(text, published, context)
    if absolute[0] is not None:
        return absolute
    if published is None:
        return None, None
    return _relative(text, published, context)


def _absolute(text: str, published: date | None, context: Context) -> tuple[date | None, Precision | None]:
    if m := _ISO.search(text):
        return safe(int(m[1]), int(m[2]), int(m[3])), "day"
    if m := _SLASHED.search(text):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return safe(year, int(m[1]), int(m[2])), "day"
    if m := _DAY_MONTH_YEAR.search(text):
        return safe(int(m[3]), _MONTHS[m[2]], int(m[1])), "day"
    if m := _MONTH_DAY_YEAR.search(text):
        return safe(int(m[3]), _MONTHS[m[1]], int(m[2])), "day"
    if m := _MONTH_YEAR.search(text):
        return date(int(m[2]), _MONTHS[m[1]], 1), "month"
    if (m := _DAY_OF_SHIFTED_YEAR.search(text)) and published is not None:
        month_name, day = (m[1], m[2]) if m[1] else (m[4], m[3])
        return safe(published.year + _SHIFT[m[5]], _MONTHS[month_name], int(day)), "day"
    if m := (_MONTH_DAY.search(text) or _DAY_MONTH.search(text)):
        month_name, day = (m[1], m[2]) if m[1] in _MONTHS else (m[2], m[1])
        if ranged := context.range_year():
            return safe(ranged, _MONTHS[month_name], int(day)), "day"
        if published is not None:
            return day_of_year(published, _MONTHS[month_name], int(day), context.direction()), "day"
    if (m := _MONTH_OF_SHIFTED_YEAR.search(text)) and published is not None:
        return date(published.year + _SHIFT[m[2]], _MONTHS[m[1]], 1), "month"
    m = _MONTH_ONLY.search(text)
    if m and (m[1] != "may" or re.search(r"\b(?:in|from|to|until|through|till|and|since|by|during) may\b", text)):
        if ranged := context.range_year():
            return date(ranged, _MONTHS[m[1]], 1), "month"
        if published is not None:
            return month_of_year(published, _MONTHS[m[1]], context.direction()), "month"
    if m := _YEAR.search(text):
        return date(int(m[1]), 1, 1), "year"
    return None, None


_SHIFT = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}
_UNIT = re.compile(r"\b(last|past|previous|this|current|next|coming)\s+(week|month|year)\b")


def _relative(text: str, published: date, context: Context) -> tuple[date | None, Precision | None]:
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
            if _one_of_two_days(context):
                return None, None
            return _weekday(text, published, number, context), "day"
    return None, None


_WEEKDAY_WORD = "(?:" + "|".join(_WEEKDAYS) + ")"
_OR_DAY_AFTER = re.compile(rf"\s*(?:/|\bor\b)\s*{_WEEKDAY_WORD}\b", re.I)
_OR_DAY_BEFORE = re.compile(rf"\b{_WEEKDAY_WORD}\s*(?:/|\bor\b)\s*$", re.I)


def _one_of_two_days(context: Context) -> bool:
    """ "Saturday/Sunday", "on Monday or Tuesday": either day, so no one date can be told (the annotation guide
    leaves such a time undated)."""
    return bool(
        _OR_DAY_AFTER.match(context.sentence, context.end) or _OR_DAY_BEFORE.search(context.sentence[: context.start])
    )


def _weekday(text: str, published: date, number: int, context: Context) -> date:
    """ "next Friday" is never today, "last Friday" never today either; a bare "Friday" goes the sentence's way.

    "Last Thursday" in a Friday's article is not yesterday (a writer says "yesterday" or "on Thursday" then,
    and "last" marks the week before): the one a week earlier."""
    if re.search(r"\bnext\b", text):
        return published + timedelta(days=(number - published.weekday()) % 7 or 7)
    if re.search(r"\blast\b", text):
        back = (published.weekday() - number) % 7
        return published - timedelta(days=back + 7 if back <= 1 else back)
    if re.search(r"\bthis\b", text):
        return weekday(published, number, "back" if context.direction() == "back" else "ahead")
    return weekday(published, number, context.direction())


_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_CAP_MONTH = "(?:{})".format(
    "|".join(
        [names[0].capitalize() for names in _MONTH_TABLE]
        + [rf"{short.capitalize()}\." for names in _MONTH_TABLE for short in names[1:]]
    )
)
_CAP_WEEKDAY = "(?:{})".format("|".join(day.capitalize() for day in _WEEKDAYS))
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_NOT_COUNTED = r"(?!\s+(?:(?!(?:was|has|this|its|his|is|as)\b)[a-z]+s|people|staff|per)\b)"
"""A year is no count: "in 2000 cases", "after 1500 people" are numbers of things, "in 2010 was" a year."""
_TIME_EXPRESSION = re.compile(
    "|".join(
        [
            rf"(?:(?i:in|since|until|by|from|during|early|late|mid|on)\s+)?(?:{_CAP_MONTH}(?:\s+{_DAY})?|{_DAY}\s+{_CAP_MONTH}),?\s+(?i:(?:of\s+)?(?:last|next|this|(?:the\s+)?previous)\s+year)",
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
            rf"(?i:in|since|until|by|from|during|before|after|between|through)\s+{YEAR}{_NOT_COUNTED}",
            rf"(?i:(?:at\s+)?the\s+(?:start|beginning|end|middle|close)\s+of)\s+(?:{_CAP_MONTH}(?:\s+{YEAR})?|{YEAR})",
            r"\d{4}-\d{2}-\d{2}",
            r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})",
        ]
    ).join([r"\b(?:", r")(?!\w)"])
)


_RANGE_JOINT = r"\s*(?:and|or|to|through|-|–)\s*"
_SECOND_DAY = re.compile(
    rf"\b{_CAP_MONTH}\s+(?P<first>\d{{1,2}})(?:st|nd|rd|th)?{_RANGE_JOINT}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?![\d:.]|\s*(?:%|percent)|\s+(?:[a-z]+s|people|per)\b)"
)
"""The second day of "March 4 and 5", "June 3-5": a later day of the same month (a count would not follow its
month's day: "March 4 and 5 people" is no day)."""
_FIRST_DAY_BEFORE = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?{_RANGE_JOINT}$")
_YEAR_AFTER = re.compile(rf",?\s+({YEAR})\b")


def find_times(text: str) -> list[tuple[int, int]]:
    """Offsets of the time expressions in ``text`` ("on Tuesday", "last week", "July 21, 2017").

    Month and weekday names must be capitalised, so "may" and "march" as verbs
    are not dates; words like "yesterday" and "last week" match in any case.
    """
    own = [(match.start(), match.end()) for match in _TIME_EXPRESSION.finditer(text)]
    own += [(m.start("day"), m.end("day")) for m in _SECOND_DAY.finditer(text) if int(m["first"]) < int(m["day"]) <= 31]
    return merge(own, find_phrases(text, "en"))


def _second_day(text: str, published: date | None, context: Context) -> tuple[date | None, Precision | None]:
    """ "5" in "March 4 and 5": that month's day, with the year after it ("March 4 and 5, 2020") or as "March 5"."""
    before = _FIRST_DAY_BEFORE.search(context.sentence.casefold(), 0, context.start)
    if before is None or not text.isdigit():
        return None, None
    year = _YEAR_AFTER.match(context.sentence, context.end)
    written = f"{before[1]} {text}" + (f", {year[1]}" if year else "")
    return _absolute(written, published, context)
