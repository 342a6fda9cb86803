"""When: the time expressions of the prose, the rules' and the model's, each resolved against the published date.

Which rules find and resolve them is the language's choice (brief/languages.py):
English has its own patterns and the recognizer's dates (rules/times.py);
French, Spanish and German dateparser's words (nlp/dates.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from summarizer.brief.align import Aligner, inside
from summarizer.brief.items import GroundedDraft
from summarizer.nlp.entities import entities
from summarizer.nlp.public_holidays import HolidayCalendar, calendar_for
from summarizer.rules.calendar import Precision, iso_value
from summarizer.rules.names import is_dateline
from summarizer.rules.not_times import not_a_time, quoted_relative_day
from summarizer.rules.text import normalize
from summarizer.rules.time_phrases import YEAR, Context
from summarizer.schema import Origin, Span, TimeReference

MAX_TIMES = 12
"""Distinct times a brief lists at most: a long article's timeline, not every date in it. A time named again is one
item (its ``mentions``); at 8, one gold time in eleven on eval/topics fell past the bound."""
_DURATION = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)[- ](?:year|month|week|day|hour)s?(?:-old)?\b|\b(?:years|months|weeks|days|decades?)\b"
    r"|^(?:for\s+)?(?:a|an|one)\s+(?:year|month|week|day|hour|decade)$",
    re.I,
)
"""Durations and ages ("five-year", "two weeks", "62-year-old", "a year" left unresolved) are not points in time."""
_LEADING_PREPOSITION = re.compile(r"^(?:on|in|at|by)\s+", re.I)
""""On Monday" and "Monday" with one value are one time: the preposition says nothing of the date."""
_BARE_NUMBER = re.compile(r"[\d.,\s]+")
"""A number alone ("20", "1,500") the recognizer calls a date is a time only when it is a year."""


@dataclass(frozen=True)
class TimeRules:
    """A language's way to find time expressions in a sentence and resolve one against the published date."""

    find: Callable[[str], list[tuple[int, int]]]
    resolve: Callable[[str, date | None, Context], tuple[date | None, Precision | None]]
    """Reads an expression against the published date and its context: its sentence (which way it points) and the
    article's last date ("the same day")."""
    language: str
    recognized_dates: bool
    """Whether the recognizer's DATE entities are times too (its English pipeline labels them)."""


def add_times(items: GroundedDraft, aligner: Aligner, drafted: list[str], rules: TimeRules) -> GroundedDraft:
    """Time expressions of the prose, in order: the rules' and the recognizer's, then the model's; datelines skipped.

    Each is resolved against the published date at its own granularity
    (a year is "2020", a month "2024-03"); durations ("five-year") are not times.
    The same words with the same value are one time with several ``mentions``
    (a reader wants "Monday" once; each sentence that names it still gets it).
    """
    text = aligner.index.text
    found: dict[tuple[int, int], Origin] = {}
    published = aligner.published
    places = [place.name for place in items.where]
    calendar = calendar_for(places, rules.language, published.year, aligner.outlet_country) if published else None
    holidays: set[tuple[int, int]] = set()
    for prose in aligner.index.sentences:
        if is_dateline(prose.text) or aligner.addressed(prose.start):
            continue
        for start, end in calendar.find(prose.text) if calendar else ():
            holidays.add((prose.start + start, prose.start + end))
        for start, end in rules.find(prose.text):
            if not _overlapping(dict.fromkeys(holidays, "rule"), prose.start + start, prose.start + end):
                found[(prose.start + start, prose.start + end)] = "rule"
    found.update(dict.fromkeys(holidays, "rule"))
    for entity in entities(text) if rules.recognized_dates else ():
        end = entity.start + len(text[entity.start : entity.end].split("\n", 1)[0].rstrip())
        if (
            entity.label == "DATE"
            and not _overlapping(found, entity.start, end)
            and _not_a_count(text[entity.start : end])
        ):
            holder = aligner.index.sentence_at(entity.start)
            if holder and not is_dateline(holder.text):
                found[(entity.start, end)] = "rule"
    for expression in drafted:
        hit = aligner.locate(expression)
        if hit is not None and not _overlapping(found, hit.start, hit.end):
            found[(hit.start, hit.end)] = "model"
    titled = _titled_names(items)
    found = {
        span: origin
        for span, origin in found.items()
        if not not_a_time(text, *span, rules.language) and not _inside(titled, text, span)
    }
    listed: dict[tuple[str, str | None], list[Span]] = {}
    when: list[TimeReference] = []
    earlier: list[tuple[date, Precision]] = []
    for (start, end), origin in sorted(found.items()):
        mention = aligner.span(start, end)
        sentence = aligner.index.sentence_at(start)
        context = Context(earlier=tuple(earlier), language=rules.language)
        if sentence is not None:
            context = Context(
                sentence.text, start - sentence.start, end - sentence.start, rules.language, tuple(earlier)
            )
        resolved, precision = _resolve(mention.text, (start, end), context, rules, calendar, holidays, aligner)
        if resolved is not None and precision is not None and not context.modifies_a_noun():
            earlier.append((resolved, precision))
        value = iso_value(resolved, precision)
        key = _key(mention.text, value)
        if key in listed:
            listed[key].append(mention)
            continue
        if len(when) >= MAX_TIMES or (resolved is None and _DURATION.search(mention.text)):
            continue
        listed[key] = [mention]
        when.append(
            TimeReference(
                text=mention.text,
                date=resolved,
                precision=precision,
                value=value,
                mention=mention,
                evidence=[aligner.sentence_span(sentence)] if sentence else [mention],
                origin=origin,
            )
        )
    when = [t.model_copy(update={"mentions": listed[_key(t.text, t.value)]}) for t in when]
    what = list(items.what)
    for position, event in enumerate(what):
        times = [t.text for t in when if any(inside(m, event.evidence) for m in t.mentions)]
        if times:
            what[position] = event.model_copy(update={"times": times})
    return items.but(when=when, what=what)


def _resolve(
    words: str,
    span: tuple[int, int],
    context: Context,
    rules: TimeRules,
    calendar: HolidayCalendar | None,
    holidays: set[tuple[int, int]],
    aligner: Aligner,
) -> tuple[date | None, Precision | None]:
    """A holiday by the article's country; a quoted "tomorrow" not at all (the speaker's day is not the article's);
    anything else by the language's rules."""
    published = aligner.published
    if span in holidays and calendar is not None and published is not None:
        day = calendar.resolve(words, published, context.direction())
        return (day, "day") if day else (None, None)
    if quoted_relative_day(aligner.index.text, *span, rules.language):
        return None, None
    return rules.resolve(words, published, context)


_TITLED_KINDS = frozenset({"law", "product", "work", "index"})
"""Kinds of name whose year is part of the title ("the Reform Bill 2019", "the Model 2020"): not when anything
happened. An event's year says when it was ("the 2019 Chicago Marathon") and stays a time."""


def _titled_names(items: GroundedDraft) -> list[str]:
    return [thing.name for thing in items.others if thing.kind in _TITLED_KINDS]


def _inside(names: list[str], text: str, span: tuple[int, int]) -> bool:
    """Whether the span lies inside one of ``names`` where the text writes it, or is a year right after it ("the Clean
    Water Act 2021": the year the title ends with; "the journal X on Wednesday" keeps its day)."""
    start, end = span
    for name in names:
        window = max(0, start - len(name) - 1)
        for m in re.finditer(re.escape(name), text[window : end + len(name)]):
            after = window + m.end()
            year_after = re.fullmatch(r"[^\S\n]", text[after:start]) and re.fullmatch(YEAR, text[start:end])
            if window + m.start() <= start and (end <= after or year_after):
                return True
    return False


def _key(text: str, value: str | None) -> tuple[str, str | None]:
    return _LEADING_PREPOSITION.sub("", normalize(text)), value


def _not_a_count(text: str) -> bool:
    return not _BARE_NUMBER.fullmatch(text) or re.fullmatch(rf"\s*{YEAR}\s*", text) is not None


def _overlapping(found: dict[tuple[int, int], Origin], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in found)
