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
the day 2020-01-01 is wrong: a year is not a day. Each of a time's ``mentions``
(schema 1.8: the same words with the same value named again) is a claim of its
own for recall; for precision a time is right only when every judged mention of
it is (one item of the brief, wrong if any place it claims is wrong).

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
from summarizer.schema import Span, TimeReference

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


def mentions(time: TimeReference) -> list[Span]:
    """Every place the brief says the article names this time: its ``mentions``, else (before 1.8) its mention."""
    return list(getattr(time, "mentions", None) or [time.mention])


def score_times(golds: Sequence[GoldTime], times: Sequence[TimeReference], scope_end: int) -> TimeScore:
    """Score one brief's time references against one article's time expressions (module docstring)."""

    def on(mention: Span, gold: GoldTime) -> bool:
        return overlaps(mention.start, mention.end, gold.start, gold.end)

    def verdict(mention: Span, resolved: str) -> str | None:
        """None when not judged (on skipped gold only), "" when right, else the gold values it should have had."""
        under = [g for g in golds if on(mention, g)]
        if under and not any(countable(g) for g in under):
            return None
        if any(countable(g) and g.value == resolved for g in under):
            return ""
        return "/".join(g.value or "?" for g in under if countable(g)) or "no gold time"

    claims = [(mention, value(time)) for time in times for mention in mentions(time)]
    counted = [g for g in golds if countable(g) and g.start < scope_end]
    found = [g for g in counted if any(on(m, g) and resolved == g.value for m, resolved in claims)]
    judged = right = 0
    wrong: list[str] = []
    for time in times:
        resolved = value(time)
        if resolved is None:
            continue
        verdicts = [v for m in mentions(time) if m.start < scope_end and (v := verdict(m, resolved)) is not None]
        if not verdicts:
            continue
        judged += 1
        if all(v == "" for v in verdicts):
            right += 1
        else:
            wrong.append(f"{time.text} = {resolved} ({next(v for v in verdicts if v)})")
    missed = [f"{g.text} = {g.value}" for g in counted if g not in found]
    return TimeScore(recall=(len(found), len(counted)), precision=(right, judged), missed=missed, wrong=wrong)
