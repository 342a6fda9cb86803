"""Calendar arithmetic for time expressions: which April, which Friday, which quarter, which century.

A name without its year or week ("in April", "on Friday", "the third
quarter") is read against the published date in the direction its sentence
gives (``ahead`` for what will happen, ``back`` for what happened, rules/tense.py);
with no direction, the nearest reading news usually means. Shared by every
language's time rules, so "in April" and "en avril" land on the same month.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal

Direction = Literal["ahead", "back"]
Precision = Literal["day", "week", "month", "quarter", "year"]

AHEAD_DAYS = 122
"""How far ahead a date without a year may lie: news reports the past, and what is due in the next months."""
SLACK_DAYS = 31
"""A past tense moves a date without its year back only when the nearest reading is over a month ahead: "sent
invitations for the event on October 12" (three days ahead) means this October; "sales fell in April" in a February
article, last April. A future tense always moves a date gone by ahead ("will reopen in July" in August)."""
CENTURY_AHEAD = 10
"""A two-digit year ("'35") is at most ten years after the published one, else of the century before: news names
plans a few years ahead, and past years ("'82", "'95") far more often."""


def safe(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest_day(published: date, month: int, day: int) -> date | None:
    """A month and day without a year: the coming one when it is at most four months ahead, else the last one.

    "On October 25" in an article of October 20 is five days ahead, not a
    year back; "in February" in an August article is the February gone by.
    """
    this_year = safe(published.year, month, day)
    if this_year is None:
        return safe(published.year - 1, month, day) or safe(published.year + 1, month, day)
    if this_year <= published:
        ahead = safe(published.year + 1, month, day)
        return ahead if ahead and (ahead - published).days <= AHEAD_DAYS else this_year
    return this_year if (this_year - published).days <= AHEAD_DAYS else safe(published.year - 1, month, day)


def day_of_year(published: date, month: int, day: int, direction: Direction | None) -> date | None:
    """A month and day without a year: the nearest one (``nearest_day``), unless the sentence points the other way
    (``SLACK_DAYS``); then the next one on or after the published day (ahead) or the last one on or before it."""
    return _directed(published, nearest_day(published, month, day), direction, lambda year: safe(year, month, day))


def month_of_year(published: date, month: int, direction: Direction | None) -> date | None:
    """A month without its year, as ``day_of_year`` reads its first day; the running month counts both ways ("will
    reopen in August" in an August article)."""
    nearest = nearest_day(published, month, 1)
    running = published.replace(day=1)
    chosen = _directed(running, nearest.replace(day=1) if nearest else None, direction, lambda y: date(y, month, 1))
    return chosen


def _directed(
    published: date, nearest: date | None, direction: Direction | None, in_year: Callable[[int], date | None]
) -> date | None:
    if nearest is None or direction is None:
        return nearest
    if (nearest >= published) if direction == "ahead" else (nearest - published).days <= SLACK_DAYS:
        return nearest
    years = (published.year, published.year + 1) if direction == "ahead" else (published.year, published.year - 1)
    for year in years:
        found = in_year(year)
        if found and (found >= published if direction == "ahead" else found <= published):
            return found
    return nearest


def weekday(published: date, number: int, direction: Direction | None) -> date:
    """A weekday (0 = Monday) within a week of the published day: ahead when the sentence says so, else back
    (news mostly reports the week gone by); the published day itself counts both ways."""
    if direction == "ahead":
        return published + timedelta(days=(number - published.weekday()) % 7)
    return published - timedelta(days=(published.weekday() - number) % 7)


def quarter_start(published: date, quarter: int, direction: Direction | None) -> date:
    """A quarter without its year: the running or coming one ahead, the running or last one back, else as a month
    (the quarter's first month, nearest)."""
    first = 3 * quarter - 2
    running = (published.month - 1) // 3 + 1
    if direction == "ahead":
        return date(published.year + (quarter < running), first, 1)
    if direction == "back":
        return date(published.year - (quarter > running), first, 1)
    return month_of_year(published, first, None) or date(published.year, first, 1)


def two_digit_year(digits: str, published: date | None) -> int | None:
    """ "'82" is 1982 and "'05" 2005 against a 2026 article (``CENTURY_AHEAD``); unknown without a published date."""
    if published is None:
        return None
    year = published.year // 100 * 100 + int(digits)
    return year if year <= published.year + CENTURY_AHEAD else year - 100


def shifted(published: date, amount: int, unit: Precision) -> date:
    """The published date moved by whole units (negative: back), clamped to the month's last day."""
    if unit == "day":
        return published + timedelta(days=amount)
    if unit == "week":
        return published + timedelta(weeks=amount)
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * amount
    index = published.year * 12 + published.month - 1 + months
    year, month = divmod(index, 12)
    for day in (published.day, 30, 29, 28):
        if found := safe(year, month + 1, day):
            return found
    return date(year, month + 1, 1)


def start_of(day: date, precision: Precision) -> date:
    """The first day of the week, month, quarter or year holding ``day`` (a day stays itself)."""
    if precision == "week":
        return day - timedelta(days=day.weekday())
    if precision == "month":
        return day.replace(day=1)
    if precision == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


def iso_value(day: date | None, precision: Precision | None) -> str | None:
    """The ISO value at the expression's own granularity: "2020", "2024-03", "2016-Q3", "2008-W09", "2025-08-17"."""
    if day is None or precision is None:
        return None
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.isoformat()
