"""What a figure counts: "12 people were killed" counts the dead, "15 injured" the injured, "$40 million in aid" aid.

Two figures are one count told two ways only when they count the same thing;
the brief's conflicting-figures cue reads counts here (English); the digest
reads counts with rules/measures.py (English, French, Spanish, German) and
sums of money here, in the same four languages. A money amount counts the same thing as another only in
the same currency and for the same thing ("in aid", "a fine of"): two sums
of one story are otherwise different quantities, never a change of one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.rules.text import STOPWORDS, normalize

COUNTED = {
    "killed": "killed", "killing": "killed", "dead": "killed", "died": "killed", "deaths": "killed",
    "fatalities": "killed", "injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
    "arrested": "arrested", "detained": "arrested", "arrests": "arrested",
    "missing": "missing", "evacuated": "evacuated", "displaced": "displaced",
    "votes": "votes", "seats": "seats",
}  # fmt: skip
"""Words that say what a count is of, by the thing counted."""
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
HEDGES = (
    "at least", "about", "around", "some", "nearly", "almost", "roughly", "approximately", "more than", "over",
    "fewer than", "less than", "up to", "as many as", "as high as", "as low as", "just over", "just under",
)  # fmt: skip
"""Words that qualify a figure without saying what it counts ("killed at least 11 people")."""

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = re.compile(rf"{_DIGITS}|\b(?:{'|'.join(NUMBER_WORDS)})\b", re.IGNORECASE)
_AFTER = re.compile(r"(?:\s+(?!of\b)[A-Za-z-]+){1,4}")
_BEFORE = re.compile(rf"((?:[A-Za-z-]+\s+){{1,2}})(?:(?:{'|'.join(HEDGES)})\s+)*$", re.IGNORECASE)
_CLAUSE_BREAKS = frozenset({"and", "or", "but", "while", "whereas"})
"""A word before these belongs to another clause: in "injured and more than 200 stalls" 200 counts no injured."""


def counted(text: str, start: int, end: int) -> str | None:
    """What the figure at [start, end) counts: the next few words ("11 people were killed") or the two words
    before it in its clause, hedges aside ("killed at least 11 people", "arrests were as high as 50"), or None
    when they do not say."""
    following = _AFTER.match(text, end)
    words = following.group().casefold().split() if following else []
    before = _BEFORE.search(text[max(0, start - 60) : start])
    preceding = before.group(1).casefold().split() if before else []
    breaks = [n for n, word in enumerate(preceding) if word in _CLAUSE_BREAKS]
    words += preceding[breaks[-1] + 1 :] if breaks else preceding
    return next((COUNTED[w] for w in words if w in COUNTED), None)


def number(written: str) -> float | None:
    """The first number of a figure as written, with its scale: 'At least 14' 14, 'Twelve' 12, '4.2 million' 4.2e6."""
    found = _NUMBER.search(written)
    if found is None:
        return None
    word = found.group().casefold()
    value = float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(word.replace(",", ""))
    scale = re.match(rf"\s*({'|'.join(SCALES)})\b", written[found.end() :], re.IGNORECASE)
    return value * SCALES[scale.group(1).casefold()] if scale else value


CURRENCIES = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "a$": "AUD", "aud": "AUD", "c$": "CAD", "cad": "CAD", "nz$": "NZD", "hk$": "HKD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "¥": "JPY", "yen": "JPY", "jpy": "JPY", "yuan": "CNY", "renminbi": "CNY", "cny": "CNY",
    "₹": "INR", "rupee": "INR", "rupees": "INR", "inr": "INR", "franc": "CHF", "francs": "CHF", "chf": "CHF",
    "shilling": "shilling", "shillings": "shilling", "cedi": "GHS", "cedis": "GHS", "naira": "NGN",
    "rand": "ZAR", "peso": "peso", "pesos": "peso",
}  # fmt: skip
"""Currency signs, codes and words, by currency; 'dollar' alone is read as the US dollar, as English news writes it."""
_SCALE = rf"(?:\s*(?:{'|'.join(SCALES)})\b)?"
_SIGN = r"US\$|A\$|C\$|NZ\$|HK\$|\$|€|£|¥|₹|\b(?:USD|EUR|GBP|AUD|CAD|JPY|CNY|INR|CHF)\s?"
_WORD = r"|".join(sorted((w for w in CURRENCIES if w.isalpha() and w.islower()), key=len, reverse=True))
_MONEY = re.compile(
    rf"(?P<sign>{_SIGN})(?P<num>{_DIGITS}){_SCALE}|\b(?P<num2>{_DIGITS}){_SCALE}\s+(?P<word>{_WORD})\b",
    re.IGNORECASE,
)
_THING_AFTER = re.compile(
    r"\s+(?:(?:in|of|for|on)\s+)?(?:(?:the|a|an|its|their|his|her)\s+)?((?:[a-z][a-z-]*\s*){1,3})"
)
_THING_BEFORE = re.compile(r"\b([a-z][a-z-]+)\s+of\s+$")
NOT_THINGS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "time", "times", "each", "per", "apiece"}
)
"""Words after an amount that say when or how often, not what it is for ("$40 million last year")."""


@dataclass(frozen=True)
class Amount:
    """A sum of money in the text: its currency, value, where it is and what it is for (None: the text does not
    say; such an amount is compared with no other)."""

    currency: str
    value: float
    start: int
    end: int
    thing: str | None

    @property
    def quantity(self) -> str:
        """What two amounts must share to be one quantity: the currency and the thing (its first five letters)."""
        return f"{self.currency} {(self.thing or '')[:5]}"


_FOREIGN_SCALES = {
    "million": 1e6, "millions": 1e6, "millón": 1e6, "millon": 1e6, "millones": 1e6, "mio": 1e6, "millionen": 1e6,
    "milliard": 1e9, "milliards": 1e9, "mil millones": 1e9, "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9,
}  # fmt: skip
FOREIGN_CURRENCIES = {
    "€": "EUR", "euro": "EUR", "euros": "EUR", "$": "USD", "dollar": "USD", "dollars": "USD", "dólar": "USD",
    "dólares": "USD", "us-dollar": "USD", "£": "GBP", "livres": "GBP", "libras": "GBP", "pfund": "GBP",
    "francs": "CHF", "franken": "CHF", "pesos": "peso",
}  # fmt: skip
"""Currencies written after the number, as French, Spanish and German news writes them ("4,2 millions d'euros")."""
_FOREIGN_MONEY = re.compile(
    r"(?P<num>\d{1,3}(?:[.\u202f\u00a0 ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    rf"(?:\s*(?P<scale>{'|'.join(sorted(_FOREIGN_SCALES, key=len, reverse=True))})\.?)?"
    rf"\s*(?:de\s+|d['’])?(?P<word>€|\$|£|\b(?:{'|'.join(w for w in FOREIGN_CURRENCIES if w.isalpha() or '-' in w)})\b)",
    re.IGNORECASE,
)
_FOREIGN_THING = re.compile(
    r"\s+(?:(?:de|d['’]|du|des|en|para|pour|für|an|als)\s*)?(?:(?:la|le|les|el|los|las|die|der|den|l['’])\s*)?"
    r"([^\W\d_][\w-]{2,})"
)
"""What a sum is for in French, Spanish and German: the first word after it ("d'aide", "en ayudas", "Soforthilfe")."""
_FOREIGN_NOT_THINGS = frozenset({"par", "por", "pro", "chaque", "cada", "jede", "jeden", "año", "an", "jahr"})


def amounts(text: str, start: int = 0, end: int | None = None, language: str = "en") -> list[Amount]:
    """The money amounts written in ``text[start:end]`` ("$40 million in aid", "4,2 millions d'euros d'aide")."""
    if language in {"fr", "es", "de"}:
        return _foreign_amounts(text, start, len(text) if end is None else end)
    found = []
    for match in _MONEY.finditer(text, start, len(text) if end is None else end):
        sign = match.group("sign") or match.group("word")
        written = match.group("num") or match.group("num2")
        value = number(match.group()[match.group().index(written) :])
        currency = CURRENCIES.get(sign.strip().casefold())
        if currency is None or value is None:
            continue
        found.append(
            Amount(currency, value, match.start(), match.end(), _money_thing(text, match.start(), match.end()))
        )
    return found


def _foreign_amounts(text: str, start: int, end: int) -> list[Amount]:
    """Sums written number first, with a decimal comma: '4,2 millions d'euros', '5 Millionen Euro'."""
    found = []
    for match in _FOREIGN_MONEY.finditer(text, start, end):
        digits = re.sub(r"[.\u202f\u00a0 ]", "", match.group("num")).replace(",", ".")
        scale = _FOREIGN_SCALES.get((match.group("scale") or "").casefold(), 1.0)
        currency = FOREIGN_CURRENCIES[match.group("word").casefold()]
        after = _FOREIGN_THING.match(text, match.end())
        thing = normalize(after.group(1)) if after else None
        if thing in _FOREIGN_NOT_THINGS:
            thing = None
        found.append(Amount(currency, float(digits) * scale, match.start(), match.end(), thing))
    return found


def _money_thing(text: str, start: int, end: int) -> str | None:
    """What an amount is for: the head of the words after it ("in emergency aid" -> aid, "aid package" ->
    package), else the noun it is 'of' ("a fine of $5 million" -> fine)."""
    after = _THING_AFTER.match(text, end)
    words: list[str] = []
    for word in after.group(1).split() if after else []:
        if normalize(word) in STOPWORDS:
            break
        words.append(normalize(word))
    if words and words[-1] not in NOT_THINGS:
        return words[-1]
    before = _THING_BEFORE.search(text[max(0, start - 40) : start])
    if before and normalize(before.group(1)) not in STOPWORDS:
        return normalize(before.group(1))
    return None
