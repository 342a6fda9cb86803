"""When: a brief's ``when`` against MEANTIME's TimeML time expressions, at the gold's granularity.

Counted for recall: DATE expressions inside the annotated scope whose value is
a day, a month or a year (``2008-03-05``, ``2008-03``, ``2008``). Skipped, and
not held against a brief either way: the dateline (``CREATION_TIME``), TIME,
DURATION and SET expressions, and DATE values that are not a calendar date
(``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``, ``XXXX-XX-XX``, seasons
``2007-SU``, quarters, weeks, decades).

A brief time reference's **value** is its ISO ``value`` when the schema has
one, else its ``date`` cut to its ``precision`` (day, month or year; a date
without a precision is a day). It is **right** for a gold expression when its
mention overlaps the gold span and the values are equal, so "in 2020" given as
the day 2020-01-01 is wrong: a year is not a day.

- ``times_recall``: countable gold expressions some brief time reference gets right;
- ``times_precision``: of the brief's *resolved* time references that lie in
  the scope and not on a skipped expression, those right for the gold
  expression they lie on (one on no gold expression is wrong).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.evaluation.annotations import GoldTime, overlaps
from summarizer.schema import TimeReference

CALENDAR = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_CUT = {"year": 4, "month": 7, "day": 10}


@dataclass(frozen=True)
class TimeScore:
    recall: tuple[int, int]
    precision: tuple[int, int]
    missed: list[str]
    wrong: list[str]


def countable(gold: GoldTime) -> bool:
    return gold.type == "DATE" and not gold.creation and CALENDAR.fullmatch(gold.value or "") is not None


def value(time: TimeReference) -> str | None:
    """The brief's resolved value as an ISO string of its own granularity, or None when unresolved."""
    given = getattr(time, "value", None)
    if isinstance(given, str) and given:
        return given
    if time.date is None:
        return None
    return time.date.isoformat()[: _CUT.get(time.precision or "day", 10)]


def score_times(golds: Sequence[GoldTime], times: Sequence[TimeReference], scope_end: int) -> TimeScore:
    """Score one brief's time references against one article's time expressions (module docstring)."""

    def on(time: TimeReference, gold: GoldTime) -> bool:
        return overlaps(time.mention.start, time.mention.end, gold.start, gold.end)

    counted = [g for g in golds if countable(g) and g.start < scope_end]
    found = [g for g in counted if any(on(t, g) and value(t) == g.value for t in times)]
    judged = right = 0
    wrong: list[str] = []
    for time in times:
        resolved = value(time)
        if resolved is None or time.mention.start >= scope_end:
            continue
        under = [g for g in golds if on(time, g)]
        if under and not any(countable(g) for g in under):
            continue
        judged += 1
        if any(countable(g) and g.value == resolved for g in under):
            right += 1
        else:
            gold_values = "/".join(g.value or "?" for g in under if countable(g)) or "no gold time"
            wrong.append(f"{time.text} = {resolved} ({gold_values})")
    missed = [f"{g.text} = {g.value}" for g in counted if g not in found]
    return TimeScore(recall=(len(found), len(counted)), precision=(right, judged), missed=missed, wrong=wrong)
