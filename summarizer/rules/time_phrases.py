"""Time phrases every language's rules share, read against the published date and the article's last date.

"A year ago" / "il y a un an" / "hace un año" / "vor einem Jahr"; "the same
month a year ago"; "the same day", "la veille", "am Folgetag" (the day the
article just named, else its own date); "the start of this year"; fiscal
quarters ("the third quarter", "Q3 2016", "le troisième trimestre 2016");
two-digit years ("'82"); and the ends of a range ("from March to May 2016",
"entre 2010 et 2012"), whose later end lends its year to the earlier one.
Each keeps the granularity it has (rules/calendar.py). Patterns are written
per language below, not taken from any article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from summarizer.rules import tense
from summarizer.rules.calendar import Direction, Precision, quarter_start, shifted, start_of, two_digit_year

LANGUAGES = frozenset({"en", "fr", "es", "de"})
Resolved = tuple[date | None, Precision | None]
YEAR = r"(?:1[89]\d\d|20\d\d)"
"""A year news names: 1800-2099 (a bare "2500" is a count, not a year)."""


@dataclass(frozen=True)
class Context:
    """Where an expression stands: its sentence, its offsets in it, its language and the article's last date."""

    sentence: str = ""
    start: int = 0
    end: int = 0
    language: str = "en"
    earlier: tuple[tuple[date, Precision], ...] = ()
    """The times resolved before this one in the article, in order: "the same day" is the last day named, even when
    a year was named since ("on Sunday ... the record set in 2003 ... the previous day": the day before Sunday)."""

    def direction(self) -> Direction | None:
        return tense.direction(self.sentence, self.start, self.end, self.language) if self.sentence else None

    def modifies_a_noun(self) -> bool:
        """Whether the expression stands inside a noun phrase past the sentence's opening, before its noun ("they
        rejected the May 3 agreement", "repeating his June 9 speech"): it names a thing by its date, not when the
        clause's event was, so "the following day" after it counts from the day the text last told of. A sentence
        that opens with it ("The May 3 issue carried the story") tells of that day."""
        determiner = _DETERMINER_BEFORE.search(self.sentence[: self.start])
        return bool(
            determiner and self.sentence[: determiner.start()].strip() and _NOUN_AFTER.match(self.sentence, self.end)
        )

    def range_year(self) -> int | None:
        """The year the range's later end gives ("from March to May 2016": 2016 for March too)."""
        if m := _RANGE_TAIL.match(self.sentence, self.end):
            return int(m[1])
        return None


_RANGE_TAIL = re.compile(
    rf"\s*(?:(?:to|and|until|through|till|à|au|et|a|al|hasta|y|bis|und)\s+|[-–]\s*)(?:\d{{1,2}}\.?\s+)?(?:de\s+)?"
    rf"(?:[^\W\d]+\.?,?\s+(?:del?\s+)?|\d{{1,2}}(?:st|nd|rd|th)?,\s*)({YEAR})(?!\d)",
    re.IGNORECASE,
)


_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])(?:the|a|an|his|her|its|their|our|my|your)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|to|through|until|till|of|in|on|at|by|for|with|from|as|when|which|that|who|is|are|was|were"
    r"|has|have|had|will|would|could|can|may|might|should|must|last|next|this)\b)[a-z][a-z-]+\b"
)
"""A lower-case word after the date that is no joint, preposition, verb of being or shift: its noun ("agreement")."""


@dataclass(frozen=True)
class _Words:
    """One language's words for the shared phrases."""

    numbers: dict[str, int]
    units: dict[str, Precision]
    ordinals: dict[str, int]
    """First to fourth (quarters)."""
    ago: str
    """"{n} {u} ago" with the language's order."""
    same_unit: str
    """"the same {u}", before "a year ago"."""
    same: str
    """"the same {u}", "that {u}" and the day before or after the one just named (?P<before>, ?P<after>)."""
    year_back: str
    """"a year ago", "last year" after "the same month"."""
    part_of: str
    """"the start of {shift} {u}": this, last or next unit."""
    shifts: dict[str, int]
    quarter: str
    """An ordinal quarter, with an optional year or shift-year."""
    ranges: str
    """A range's two ends as ?P<a> and ?P<b>."""


_EN = _Words(
    numbers={
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
    },
    units={"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"},
    ordinals={"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4},
    ago=r"(?P<n>{N})\s+(?P<u>{U})s?\s+ago",
    same_unit=r"the\s+same\s+(?P<u>{U})",
    same=r"(?:the\s+same|that(?:\s+same)?)\s+(?P<u>{U})(?!s)|the\s+(?:(?P<before>day\s+before|previous\s+day|eve)"
    r"|(?P<after>day\s+after|next\s+day|following\s+day))(?!\s+(?:of|that|when|which|the|a|an|his|her|its|their)\b)"
    r"|(?:on|earlier\s+in|later\s+in)\s+the\s+(?P<u2>day)(?=\s*[.,;:!?)]|\s*$)",
    year_back=r"(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year|(?:of\s+)?the\s+(?:previous|prior)\s+year"
    r"|the\s+year\s+before)",
    part_of=r"(?:the\s+)?(?:start|beginning|end|middle|close|first\s+half|second\s+half)\s+of\s+"
    r"(?:(?P<s>{S})|the(?:\s+(?P<s2>{S}))?)\s+(?P<u>{U})",
    shifts={"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1},
    quarter=r"(?:the\s+)?(?P<q>{O})(?:[- ](?:fiscal|financial))?[- ]quarter(?:\s+of\s+(?P<y>{Y})|,?\s+(?P<y2>{Y})"
    r"|\s+of\s+(?:the\s+)?(?P<s>{S})\s+year)?|\b[Qq](?P<d>[1-4])(?:\s*(?P<y3>{Y})|\s*['’](?P<yy>\d\d))?",
    ranges=r"\b(?i:from|between)\s+(?P<a>{E})\s*(?i:to|and|until|through|till|-|–)\s*(?P<b>{E})",
)
_FR = _Words(
    numbers={
        "un": 1,
        "une": 1,
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
    },
    units={"jour": "day", "semaine": "week", "mois": "month", "trimestre": "quarter", "an": "year", "année": "year"},
    ordinals={
        "premier": 1,
        "1er": 1,
        "deuxième": 2,
        "second": 2,
        "2e": 2,
        "troisième": 3,
        "3e": 3,
        "quatrième": 4,
        "4e": 4,
    },
    ago=r"il\s+y\s+a\s+(?P<n>{N})\s+(?P<u>{U})s?",
    same_unit=r"(?:l[ea]|au)\s+même\s+(?P<u>{U})",
    same=r"(?:l[ea]\s+même|ce(?:tte)?\s+même)\s+(?P<u>{U})|(?:ce|cette)\s+(?P<u2>{U})-là|le\s+jour\s+même"
    r"|(?P<before>la\s+veille)|(?P<after>le\s+lendemain)",
    year_back=r"(?:de\s+)?(?:l['’]an(?:née)?\s+(?:dernier|dernière|passée?|précédente)|il\s+y\s+a\s+un\s+an)",
    part_of=r"(?:au\s+|en\s+|à\s+la\s+|la\s+|le\s+)?(?:début|fin|milieu)\s+(?:de\s+l['’]|de\s+la\s+|du\s+|de\s+|d['’])"
    r"(?:(?:cette|ce)\s+)?(?P<u>{U})(?:\s+(?P<s>{S}))?",
    shifts={"dernier": -1, "dernière": -1, "passé": -1, "passée": -1, "prochain": 1, "prochaine": 1},
    quarter=r"(?:le\s+)?(?P<q>{O})\s+trimestre(?:\s+(?:de\s+)?(?P<y>{Y})|\s+de\s+l['’]année\s+(?P<s>{S}))?"
    r"|\b[T](?P<d>[1-4])\s*(?P<y3>{Y})",
    ranges=r"\b(?i:de|du|entre|depuis)\s+(?P<a>{E})\s*(?i:à|au|et|jusqu'(?:à|en)|-|–)\s*(?P<b>{E})",
)
_ES = _Words(
    numbers={
        "un": 1,
        "una": 1,
        "dos": 2,
        "tres": 3,
        "cuatro": 4,
        "cinco": 5,
        "seis": 6,
        "siete": 7,
        "ocho": 8,
        "nueve": 9,
        "diez": 10,
    },
    units={"día": "day", "semana": "week", "mes": "month", "trimestre": "quarter", "año": "year"},
    ordinals={"primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4},
    ago=r"hace\s+(?P<n>{N})\s+(?P<u>{U})(?:e?s)?",
    same_unit=r"(?:en\s+)?(?:el|la|al|del)\s+mism[oa]\s+(?P<u>{U})",
    same=r"(?:el|la|ese|esa)\s+mism[oa]\s+(?P<u>{U})|(?:ese|esa)\s+(?P<u2>{U})(?!s)"
    r"|(?P<before>la\s+víspera|el\s+día\s+anterior)|(?P<after>(?:al|el)\s+día\s+siguiente)",
    year_back=r"(?:del\s+año\s+(?:pasado|anterior)|de\s+hace\s+un\s+año|hace\s+un\s+año)",
    part_of=r"(?:a\s+)?(?:principios|comienzos|inicios|finales|fines|mediados)\s+(?:de\s+(?:este|esta)\s+|del\s+|de\s+)"
    r"(?P<u>{U})(?:\s+(?P<s>{S}))?",
    shifts={"pasado": -1, "pasada": -1, "anterior": -1, "próximo": 1, "próxima": 1},
    quarter=r"(?:el\s+)?(?P<q>{O})\s+trimestre(?:\s+del?\s+(?P<y>{Y})|\s+del\s+año\s+(?P<s>{S}))?"
    r"|\b[T](?P<d>[1-4])\s*(?P<y3>{Y})",
    ranges=r"\b(?i:de|del|entre|desde)\s+(?P<a>{E})\s*(?i:a|al|y|hasta|-|–)\s*(?P<b>{E})",
)
_DE = _Words(
    numbers={
        "einem": 1,
        "einer": 1,
        "zwei": 2,
        "drei": 3,
        "vier": 4,
        "fünf": 5,
        "sechs": 6,
        "sieben": 7,
        "acht": 8,
        "neun": 9,
        "zehn": 10,
    },
    units={"tag": "day", "woche": "week", "monat": "month", "quartal": "quarter", "jahr": "year"},
    ordinals={
        "ersten": 1,
        "erste": 1,
        "1.": 1,
        "zweiten": 2,
        "zweite": 2,
        "2.": 2,
        "dritten": 3,
        "dritte": 3,
        "3.": 3,
        "vierten": 4,
        "vierte": 4,
        "4.": 4,
    },
    ago=r"vor\s+(?P<n>{N})\s+(?P<u>{U})(?:en|n|e)?",
    same_unit=r"(?:am|im|in\s+der)\s+(?:selben|gleichen)\s+(?P<u>{U})",
    same=r"(?:am|im|in\s+der)\s+(?:selben|gleichen)\s+(?P<u>{U})"
    r"|(?P<before>am\s+Vortag|am\s+Tag\s+(?:zuvor|davor))|(?P<after>am\s+Folgetag|am\s+(?:nächsten|folgenden)\s+Tag"
    r"|am\s+Tag\s+darauf|tags\s+darauf)",
    year_back=r"(?:des\s+Vorjahres|des\s+(?:vergangenen|letzten)\s+Jahres|vor\s+einem\s+Jahr)",
    part_of=r"(?:zu\s+)?(?:Anfang|Beginn|Ende|Mitte)\s+(?:des\s+|der\s+|dieses\s+|diesen\s+|dieser\s+)?"
    r"(?:(?P<s>{S})\s+)?(?P<u>{U})(?:e?s)?",
    shifts={"letzten": -1, "vergangenen": -1, "nächsten": 1, "kommenden": 1},
    quarter=r"(?:im\s+)?(?P<q>{O})\s+Quartal(?:\s+(?P<y>{Y})|\s+des\s+(?P<s>{S})\s+Jahres)?"
    r"|\b[Q](?P<d>[1-4])\s*(?P<y3>{Y})",
    ranges=r"\b(?i:von|zwischen|vom)\s+(?P<a>{E})\s*(?i:bis(?:\s+zum)?|und|-|–)\s*(?P<b>{E})",
)
_WORDS = {"en": _EN, "fr": _FR, "es": _ES, "de": _DE}
_TWO_DIGIT_YEAR = r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%])"
"""'82, ’05: an apostrophe and two digits, not "'90s" (a decade) or a quote's closing mark after a word."""
_NAME_BEFORE = re.compile(r"(?<!\w)([A-Z][\w.&-]*|[a-z]+[A-Z][\w.&-]*)\s+$")
"""A capitalised word or one with a capital inside ("Office", "iLife")."""
DATE_OPENERS = frozenset(
    {
        "in",
        "since",
        "by",
        "from",
        "until",
        "of",
        "during",
        "en",
        "depuis",
        "dès",
        "desde",
        "hasta",
        "seit",
        "im",
        "bis",
        "el",
        "la",
        "le",
        "de",
        "del",
    }
)
"""Prepositions and articles that open a date in the four languages ("in '82", "desde 2015", "le 12/2015")."""
_LEADING_WORDS = DATE_OPENERS | {"the", "a", "an"}
"""Capitalised only as a sentence's first word: "In '82" is a year, "Office '11" a name's number."""
_MONTHS = {
    "en": "January|February|March|April|May|June|July|August|September|October|November|December",
    "fr": "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
    "es": "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre",
    "de": "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember",
}
"""A range's ends: month names (case as written: "May" the month, "may" the verb in English)."""


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], _Words, date | None, Context], Resolved]


def _group(m: re.Match[str], *names: str) -> str:
    """The first of the named groups the match has and filled ("" when none): languages name different ones."""
    found = m.groupdict()
    return next((found[name] for name in names if found.get(name)), "")


def _ago(m: re.Match[str], words: _Words, published: date | None, context: Context) -> Resolved:
    unit = _unit(words, m["u"])
    if published is None or unit is None:
        return None, None
    return start_of(shifted(published, -_number(words, m["n"]), unit), unit), unit


def _same_year_back(m: re.Match[str], words: _Words, published: date | None, context: Context) -> Resolved:
    unit = _unit(words, _group(m, "u"))
    if published is None or unit is None:
        return None, None
    return start_of(shifted(published, -1, "year"), unit), unit


def _same(m: re.Match[str], words: _Words, published: date | None, context: Context) -> Resolved:
    """The unit of the date just named ("that year", "the same day"), else of the published date.

    In a clause told in the past the anchor is the last date named that is not after the article ("the attack was
    on the same day" after "a hearing on [a coming day]" is the day of the attack before it, not the hearing's)."""
    named = _group(m, "u", "u2")
    unit = _unit(words, named) if named else "day"
    if unit is None:
        return None, None
    step = -1 if _group(m, "before") else 1 if _group(m, "after") else 0
    past = context.direction() == "back" and published is not None
    anchor = next(
        (
            day
            for day, precision in reversed(context.earlier)
            if _at_least(precision, unit)
            and not (past and published is not None and day + timedelta(days=step) > published)
        ),
        published,
    )
    if anchor is None:
        return None, None
    return start_of(anchor + timedelta(days=step), unit), unit


def _part_of(m: re.Match[str], words: _Words, published: date | None, context: Context) -> Resolved:
    unit = _unit(words, m["u"])
    if published is None or unit is None:
        return None, None
    shift = words.shifts.get(_group(m, "s", "s2").casefold(), 0)
    return start_of(shifted(published, shift, unit), unit), unit


def _quarter(m: re.Match[str], words: _Words, published: date | None, context: Context) -> Resolved:
    digit = _group(m, "d")
    number = int(digit) if digit else words.ordinals.get(_group(m, "q").casefold(), 0)
    if year_text := _group(m, "y", "y2", "y3"):
        return date(int(year_text), 3 * number - 2, 1), "quarter"
    if two_digits := _group(m, "yy"):
        year = two_digit_year(two_digits, published)
        return (date(year, 3 * number - 2, 1), "quarter") if year else (None, None)
    if published is None or not (_FINANCE.search(context.sentence) or _FINANCE.search(m[0])):
        return None, None  # "the third quarter" of a match is no quarter of a year
    if shift := _group(m, "s"):
        return date(published.year + words.shifts.get(shift.casefold(), 0), 3 * number - 2, 1), "quarter"
    return quarter_start(published, number, context.direction()), "quarter"


def _two_digit(m: re.Match[str], words: _Words, published: date | None, context: Context) -> Resolved:
    year = two_digit_year(m["yy"], published)
    return (date(year, 1, 1), "year") if year else (None, None)


def _unit(words: _Words, word: str) -> Precision | None:
    folded = word.casefold()
    return next((unit for name, unit in words.units.items() if name.casefold() == folded), None)


def _number(words: _Words, word: str) -> int:
    return int(word) if word.isdigit() else words.numbers.get(word.casefold(), 1)


_FINANCE = re.compile(
    r"[$€£¥%]|\b(?:fiscal|financial|quarterly|profits?|revenues?|sales|earnings|income|results|growth|gdp|economy"
    r"|dividends?|shipments|deliveries|bénéfices?|chiffre\s+d'affaires|résultats?|croissance|ventas|beneficios?"
    r"|ingresos|resultados|crecimiento|umsatz|gewinne?|verlust|wachstum|ergebnis|quartalszahlen)\b",
    re.IGNORECASE,
)
"""A quarter without a year is a year's quarter only in a sentence about money or output: sport has quarters too."""
_ORDER: tuple[Precision, ...] = ("day", "week", "month", "quarter", "year")


def _at_least(precision: Precision, unit: Precision) -> bool:
    """A date named to the month can anchor "that year", not "the same day"."""
    return _ORDER.index(precision) <= _ORDER.index(unit)


@lru_cache(maxsize=len(LANGUAGES))
def _rules(language: str) -> tuple[_Rule, ...]:
    words = _WORDS[language]
    fill = {
        "N": rf"\d{{1,2}}|{_alternatives(words.numbers)}",
        "U": _alternatives(words.units),
        "S": _alternatives(words.shifts),
        "O": _alternatives(words.ordinals),
        "Y": YEAR,
    }

    def compiled(pattern: str) -> re.Pattern[str]:
        body = pattern.format(**fill)
        return re.compile(rf"(?<![\w'’])(?i:{body})(?!\w)")

    return (
        _Rule(compiled(rf"{words.same_unit}\s+{words.year_back}"), _same_year_back),
        _Rule(compiled(words.ago), _ago),
        _Rule(compiled(words.quarter), _quarter),
        _Rule(compiled(words.part_of), _part_of),
        _Rule(compiled(words.same), _same),
        _Rule(re.compile(_TWO_DIGIT_YEAR), _two_digit),
    )


@lru_cache(maxsize=len(LANGUAGES))
def _range(language: str) -> re.Pattern[str]:
    end = rf"(?:(?:\d{{1,2}}\.?\s+)?(?:de\s+)?(?:{_MONTHS[language]})(?:\s+(?:del?\s+)?{YEAR})?|{YEAR})"
    return re.compile(_WORDS[language].ranges.format(E=end))


def find_phrases(text: str, language: str) -> list[tuple[int, int]]:
    """Offsets of the shared phrases in ``text`` (longest first where two overlap) and of each end of a range."""
    if language not in LANGUAGES:
        return []
    spans = [
        (m.start(), m.end())
        for rule in _rules(language)
        for m in rule.pattern.finditer(text)
        if rule.read is not _two_digit or not _after_a_name(text, m.start())
    ]
    spans += [(m.start(part), m.end(part)) for m in _range(language).finditer(text) for part in ("a", "b")]
    return merge(spans, [])


def _after_a_name(text: str, start: int) -> bool:
    """ "Expo '86", "Office '11": a two-digit number after a capitalised name is part of the name."""
    m = _NAME_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and m[1].casefold() not in _LEADING_WORDS


def merge(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of both lists in order, the longer kept where two overlap ("the same month a year ago", not "a year
    ago" in it; "the third quarter of 2016", not "2016")."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(first + second), key=lambda s: (s[0] - s[1], s[0])):
        if not any(s < end and start < e for s, e in kept):
            kept.append((start, end))
    return sorted(kept)


def resolve_phrase(expression: str, language: str, published: date | None, context: Context) -> Resolved | None:
    """The phrase's date and granularity, or None when ``expression`` is none of these phrases (the language's own
    rules read it then)."""
    if language not in LANGUAGES:
        return None
    for rule in _rules(language):
        if (m := rule.pattern.fullmatch(expression.strip())) is not None:
            return rule.read(m, _WORDS[language], published, context)
    return None
