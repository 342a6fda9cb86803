"""Words that look like times and are not: a year in a reference number or a split year, "Today" as a name, and
the relative days of someone's quoted words.

The finders (rules/times.py, nlp/dates.py and the recognizer's dates) see a
year or a relative day; what is around it says whether the text names a time:
"Law 12/2015", "ISO 9001:2015" and "No. 1430/2019" are numbers of documents,
"the 2019/20 fiscal year" and "la temporada 2019-20" are no calendar year,
"USA Today" is an outlet. A "tomorrow" inside quotation marks is the
speaker's, said on a day the text need not give, so it keeps its words and
gets no value. A year in the name of an event ("the 2019 Chicago Marathon",
"WWDC 2005") says when it was and stays a time (the annotation guide, as
MEANTIME). Written from the grammar of each language, not from any article.
"""

from __future__ import annotations

import re

from summarizer.rules.time_phrases import DATE_OPENERS, YEAR

_NUMBER_BEFORE = re.compile(r"(?:(\S+)\s+)?(?<![\d/.])(\d+)[/:]$")
"""A number and a slash or colon right before the year, with the word before it."""
REFERENCE_DIGITS = 3
"""A number of three or more digits before "/2019" is a document's number ("1430/2019"): no day or month has it."""
_NUMBER_WORDS = frozenset({"no", "nº", "n°", "nr", "núm", "num", "art", "ref"})
"""Words that introduce a number ("No. 7/2019", "Nr. 3/2020")."""
_DATE_WORDS = DATE_OPENERS | {"on", "at", "after", "before", "between", "through"}
"""A sentence's first word before a short number and a year is a date's preposition ("In 12/2015"), not a name."""
_SPLIT_YEAR = re.compile(r"^[/–-]\d{2}(?![\d-])")
"""After the year: "2019/20", "2019-20" (a fiscal year, a season across two calendar years); "2019-10-05" stays."""
_SENTENCE_START = re.compile(r"(?:^|[.!?:;(\n]\s*[\"“”«»„]?\s*)$")
_RELATIVE_DAYS: dict[str, str] = {
    "en": r"today|tonight|tomorrow|yesterday|(?:last|this|tomorrow)\s+(?:morning|afternoon|evening|night)",
    "fr": r"aujourd['’]hui|demain|hier|ce\s+soir|ce\s+matin",
    "es": r"hoy|mañana|ayer|esta\s+noche|esta\s+mañana",
    "de": r"heute|morgen|gestern|heute\s+abend|heute\s+morgen",
}
"""Days counted from the moment of speaking: in a quotation, from when the speaker spoke."""


def not_a_time(text: str, start: int, end: int, language: str) -> bool:
    """Whether the expression at ``text[start:end]``, found as a time, is a document's number, a year across two
    years or a name instead (module docstring)."""
    words = text[start:end]
    if re.search(rf"(?<!\d){YEAR}[/–-]\d\d(?![\d-])", words):
        return True
    if language == "en" and _nowadays(text, start, end):
        return True
    year = re.search(rf"(?<!\d){YEAR}(?!\d)", words)
    if year is not None and re.fullmatch(rf"(?:[^\W\d]+\s+|\d+[/:])?{YEAR}(?:[/–-]\d\d)?", words):
        at, after = start + year.start(), start + year.end()
        if _reference(text[max(0, at - 30) : at]) or _SPLIT_YEAR.match(text[after : after + 4]):
            return True
    return _capitalised_relative_day(text, start, words, language)


_STATE_BEFORE = re.compile(r"(?<!\w)(?i:it|they|which|who|is|are|remains|remain)\s+$")
_STATE_AFTER = re.compile(
    r"^\s+(?:a|an|one|home|still|largely|mostly|mainly|among|part|has|have|is|are|remains?|lives?|holds?|owns?)\b"
)
"""'Today' between a subject or "is" and a state ("The island is today a barren place", "it today has 900
residents") means nowadays, no day: the day's news takes a past tense ("said today", "was arrested today")."""


def _nowadays(text: str, start: int, end: int) -> bool:
    if text[start:end].casefold() != "today":
        return False
    return bool(_STATE_BEFORE.search(text, max(0, start - 10), start) and _STATE_AFTER.match(text[end : end + 12]))


def _reference(before: str) -> bool:
    m = _NUMBER_BEFORE.search(before)
    if m is None:
        return False
    word = (m[1] or "").casefold().rstrip(".")
    if len(m[2]) >= REFERENCE_DIGITS or word in _NUMBER_WORDS:
        return True
    return m[1] is not None and m[1][:1].isupper() and word not in _DATE_WORDS


def _capitalised_relative_day(text: str, start: int, words: str, language: str) -> bool:
    """ "USA Today", "Heute" as a programme: a relative day written with a capital inside a sentence is a name."""
    if language not in _RELATIVE_DAYS or not words[:1].isupper():
        return False
    if not re.fullmatch(rf"(?i:{_RELATIVE_DAYS[language]})", words) or (language == "de" and words[:1] == "M"):
        return False  # German "Morgen" is also the noun "morning"
    return not _SENTENCE_START.search(text, max(0, start - 4), start)


def quoted_relative_day(text: str, start: int, end: int, language: str) -> bool:
    """Whether ``text[start:end]`` is a day counted from now ("tomorrow", "hier", "hoy") inside a quotation: the
    speaker's now, which the article's date does not give."""
    if language not in _RELATIVE_DAYS or not re.fullmatch(rf"(?i:{_RELATIVE_DAYS[language]})", text[start:end]):
        return False
    return _inside_quotation(text[text.rfind("\n", 0, start) + 1 : start], language)


def _inside_quotation(before: str, language: str) -> bool:
    """Whether a quotation opened earlier in the paragraph is still open (a quotation runs over sentences; a new
    paragraph starts outside one)."""
    opening, closing = ("„", "“") if language == "de" else ("“«", "”»")
    depth = 0
    straight = False
    for char in before:
        if char in opening:
            depth += 1
        elif char in closing:
            depth = max(0, depth - 1)
        elif char == '"':
            straight = not straight
    return depth > 0 or straight
