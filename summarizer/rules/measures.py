"""What a count in a sentence measures, in English, French, Spanish and German.

A story told on two days gives its figures in many forms: "At least 12 people
were killed", "The death toll rose to 19", "a further seven died, raising the
total to 26", "No one has been arrested". Two figures are one measure told
twice only when they measure the same thing; "20 injured" and "15 remain in
hospital" are two measures, never a change of one. Each count is read here
with its measure, its value (a negation is zero), the words that write it
(hedge included), and whether it is an increase ("a further seven") rather
than a total. Percentages are read with what they are a share of.

Words, not a parse: the digest reads every sentence of every article of a
story, and a measure word is almost always within a few words of its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from summarizer.rules import counts

MEASURES: dict[str, str] = {
    "killed": r"kill(?:ed|ing|s)?|dead|died|deaths?|fatalit(?:y|ies)|(?:death\s+)?toll|lives|bodies"
    r"|mort(?:e)?s?|tu[ée]e?s?|d[ée]c[èe]s|d[ée]c[ée]d[ée]e?s?|p[ée]ri|victimes?\s+mortelles?"
    r"|muert[oa]s?|muertes?|fallecid[oa]s?|fallecieron|murieron|v[íi]ctimas?\s+mortales|decesos"
    r"|tote[n]?|getötet|todesopfer|ums\s+leben|starben|gestorben"
    r"|succumbed|succomb[ée]e?s?|sucumbi[óo]|sucumbieron|erlegen|erlag(?:en)?",
    "in hospital": r"(?:in|into|to)\s+(?:the\s+)?hospitals?|hospitali[sz]ed|(?:à|a)\s+l['’]h[ôo]pital|hospitalis[ée]e?s?"
    r"|hospitalizad[oa]s?|en\s+(?:el\s+)?hospital|ingresad[oa]s?|im\s+krankenhaus|in\s+kliniken|in\s+krankenh[äa]user",
    "injured": r"injur(?:ed|ies|y)|wounded|hurt|bless[ée]e?s?|blessures?|herid[oa]s?|lesionad[oa]s?"
    r"|(?:schwer|leicht)?verletzte?[n]?|verwundet",
    "arrested": r"arrest(?:ed|s)|detained|in\s+custody|arr[êe]t[ée]e?s?|interpell[ée]e?s?|interpellations?|arrestations?"
    r"|en\s+garde\s+[àa]\s+vue|detenid[oa]s?|detuvo|detuvieron|arrest[óo]|arrestaron|arrestad[oa]s?|detenciones|arrestos"
    r"|festgenommen|festnahmen|verhaftet|verhaftungen",
    "missing": r"missing|unaccounted|disparu(?:e)?s?|desaparecid[oa]s?|vermisst(?:e[n]?)?",
    "evacuated": r"evacuated|evacuees|[ée]vacu[ée]e?s?|evacuad[oa]s?|desalojad[oa]s?|evakuiert|in\s+sicherheit\s+gebracht",
    "displaced": r"displaced|homeless|d[ée]plac[ée]e?s?|sans[- ]abri|desplazad[oa]s?|obdachlos|vertrieben",
    "rescued": r"rescued|secouru(?:e)?s?|sauv[ée]e?s?|rescatad[oa]s?|gerettet|geborgen",
    "votes": r"votes",
    "seats": r"seats|si[èe]ges|esca[ñn]os|sitze",
}  # fmt: skip
"""What a count measures, by the words (all four languages) that say it. A toll without a word of what it
counts is the dead: news writes "the toll" for nothing else."""
OUTRANKS = {"in hospital": "injured"}
"""A measure that wins over another named next to it: "15 injured passengers remain in hospital" counts the
patients, a measure of its own."""
RELATED = {"injured": "hurt", "in hospital": "hurt", "evacuated": "moved", "displaced": "moved"}
"""Measures a reader could take for one (same family): a digest says plainly that they are not compared."""

NUMBER_WORDS: dict[str, dict[str, float]] = {
    "en": dict(counts.NUMBER_WORDS),
    "fr": {
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
        "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
        "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "trente": 30, "quarante": 40,
        "cinquante": 50, "soixante": 60, "cent": 100, "dizaine": 10, "douzaine": 12, "vingtaine": 20,
        "centaine": 100,
    },
    "es": {
        "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
        "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
        "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30,
        "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "cien": 100, "decena": 10, "docena": 12,
        "veintena": 20, "centenar": 100,
    },
    "de": {
        "ein": 1, "eine": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
        "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14,
        "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20,
        "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100, "dutzend": 12,
    },
}  # fmt: skip
"""Numbers news writes in words, by language; larger ones are written in digits (compounds: _compounds)."""


def _compounds() -> None:
    """Add the compounds of tens and units each language writes as one word: 'twenty-two', 'vingt-deux',
    'veintidós', 'treinta y dos', 'zweiundzwanzig'."""
    en, fr, es, de = (NUMBER_WORDS[x] for x in ("en", "fr", "es", "de"))
    units = {language: {w: v for w, v in table.items() if 2 <= v <= 9} for language, table in NUMBER_WORDS.items()}
    for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"):
        en |= {f"{tens}-{w}": en[tens] + v for w, v in {"one": 1, **units["en"]}.items()}
    for tens in ("vingt", "trente", "quarante", "cinquante", "soixante"):
        fr |= {f"{tens}-et-un": fr[tens] + 1, **{f"{tens}-{w}": fr[tens] + v for w, v in units["fr"].items()}}
    es_twenties = (
        "veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve"
    )
    es |= {w: 21 + n for n, w in enumerate(es_twenties.split())}
    for tens in ("treinta", "cuarenta", "cincuenta", "sesenta"):
        es |= {f"{tens} y {w}": es[tens] + v for w, v in {"uno": 1, **units["es"]}.items()}
    for tens in ("zwanzig", "dreißig", "vierzig", "fünfzig"):
        de |= {f"{w}und{tens}": de[tens] + v for w, v in {"ein": 1, **units["de"]}.items()}


_compounds()
HEDGES = (
    "|".join(counts.HEDGES) + r"|au moins|environ|pr[èe]s de|plus de|moins de|quelque|jusqu['’][àa]"
    r"|al menos|por lo menos|unos|unas|cerca de|m[áa]s de|menos de|alrededor de|hasta"
    r"|mindestens|rund|etwa|fast|mehr als|weniger als|knapp|über|bis zu"
)
"""Words that qualify a figure without saying what it measures: "at least 12" is written so and read as 12."""
_ADDED_BEFORE = re.compile(r"\b(?:a\s+further|another|an\s+additional|additional|weitere[n]?)\s+$", re.IGNORECASE)
_ADDED_AFTER = re.compile(r"^\s+(?:more|suppl[ée]mentaires|m[áa]s|weitere)\b", re.IGNORECASE)
"""An increase, not a total: "a further seven", "seven more", "weitere sieben", "siete más"."""
_OTHERS_BEFORE = re.compile(r"\b(?:otros|otras)\s+$", re.IGNORECASE)
_OTHERS_AFTER = re.compile(r"^\s+(?:other|autres)\b", re.IGNORECASE)
"""'Seven other people died' is an increase beside a total of the same measure ("..., raising the toll to 26");
after a count of another measure, other people ("12 died and 30 others were injured"); else either, so no count."""
_TOTAL = re.compile(r"\b(?:total|totaling|totalling|insgesamt|gesamtzahl)\b", re.IGNORECASE)
"""A total without a measure word counts what the sentence's previous figure counted ("raising the total to 26")."""
_NEGATION_BEFORE = re.compile(
    r"\b(?:no|not|none|nor|without|aucun|aucune|ningún|ninguna|ningun|kein|keine)\s+$", re.IGNORECASE
)
_NOBODY = re.compile(
    r"\b(?:no\s+one|nobody|no|none\s+of\s+the\s+\w+|personne(?=\s+n['’])|aucun|aucune|nadie|ningún|ninguna|no\s+hubo"
    r"|niemand|kein|keine)\b",
    re.IGNORECASE,
)
"""A negation that makes a count zero when a measure word follows it closely ("No one has been arrested")."""
NEGATION_REACH = 5
"""Words after a negation its measure word may come: "No one has yet been arrested" (4). Chosen by hand."""
_FROM_TO = re.compile(r"\b(?:from|de|desde|von)\s+$", re.IGNORECASE)
_TO_AFTER = re.compile(r"(?:\s*%|\s+\w+)?\s+(?:to|à|a|hasta|auf)\s+\S*\d", re.IGNORECASE)
"""'rose from 12 to 19': the figure after 'from' is a past value, the one after 'to' today's."""
_OWN_NOUN_BEFORE = re.compile(r"\b(?:from|in|on|with|among|into|dans|en|desde|aus|von)\s+$", re.IGNORECASE)
"""A figure after these is of its own noun ("evacuated from 1,200 homes"): no measure is read before it."""
_LEVEL_BEFORE = re.compile(r"\b(?:to|at|reached|hit|passed|topped|now|is|was|[àa]|de|auf|bei|über)\s+$", re.IGNORECASE)
"""A figure after these is what a subject earlier in the clause has come to ("the toll from the floods and
landslides in Kerala now stands at 14"): its measure is read back to the clause's punctuation."""
_HARD_BREAK = re.compile(r"[;:!?()\"“”«»]|\.(?!\d)|,\s|\s[-–—]\s")
_CLAUSE_BREAK = re.compile(
    r"[;:!?()\"“”«»]|\.(?!\d)|,\s|\s[-–—]\s|\b(?:and|or|but|while|whereas|et|ou|mais|y|o|pero|und|oder|aber|während)\b",
    re.IGNORECASE,
)
"""A measure word across these belongs to another clause: in "killed and 20 injured" 20 counts no dead."""
_MAX_AFTER, _MAX_BEFORE = 8, 12
"""Words after and before a figure its measure word may be ("120 people are now being treated in hospital";
"the death toll from Monday's crash near Voi rose to 19"). Chosen by hand on the test stories."""
_REACH = 160
"""Characters before a figure read for its measure: a long subject ("the death toll from Monday's bus crash on
the Nairobi-Mombasa highway near Voi rose to 19") fits. Chosen by hand on the test stories."""
_PERCENT = re.compile(r"\s*(?:%|per\s?cent\b|pour\s?cent\b|por\s+ciento\b|prozent\b)", re.IGNORECASE)
_LEVEL_WORDS = frozenset(
    [
        "rose",
        "rise",
        "rises",
        "risen",
        "fell",
        "fall",
        "falls",
        "fallen",
        "climbed",
        "climbs",
        "jumped",
        "dropped",
        "dipped",
        "slipped",
        "reached",
        "reaches",
        "stood",
        "stands",
        "was",
        "were",
        "is",
        "are",
        "now",
        "at",
        "to",
        "by",
        "of",
        "from",
        "around",
        "about",
        "hit",
        "increased",
        "decreased",
        "grew",
        "edged",
        "up",
        "down",
        "has",
        "have",
        "had",
        "been",
        "the",
        "a",
        "an",
        "its",
        "their",
        "a",
        "atteint",
        "était",
        "est",
        "s'établit",
        "établi",
        "grimpé",
        "augmenté",
        "baissé",
        "reculé",
        "progressé",
        "passé",
        "monté",
        "chuté",
        "de",
        "à",
        "le",
        "la",
        "l'",
        "du",
        "au",
        "s'élève",
        "élève",
        "s'est",
        "est",
        "les",
        "des",
        "subió",
        "bajó",
        "alcanzó",
        "se",
        "situó",
        "fue",
        "es",
        "era",
        "al",
        "del",
        "en",
        "creció",
        "cayó",
        "aumentó",
        "llegó",
        "el",
        "la",
        "los",
        "las",
        "ha",
        "stieg",
        "sank",
        "lag",
        "liegt",
        "erreichte",
        "betrug",
        "beträgt",
        "ist",
        "war",
        "auf",
        "bei",
        "um",
        "von",
        "gestiegen",
        "gesunken",
        "die",
        "der",
        "das",
    ]
)
"""Verbs and small words between a percentage and what it is a share of ("unemployment rose to 5.2%")."""
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MEASURE = {name: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for name, words in MEASURES.items()}
_DIGITS = r"\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_HEDGE_BEFORE = re.compile(rf"\b(?:{HEDGES})\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """A count as a sentence gives it."""

    measure: str
    """What it measures ('killed', 'in hospital'), or '% <what>' for a percentage ('% turnout')."""
    value: float
    start: int
    end: int
    """Where it is written, hedge included ("at least 12"; "No one" for a zero)."""
    added: bool = False
    """An increase ("a further seven"), not a total."""
    about: str | None = None
    """What a reader sees it counts, when that is not the measure itself (a percentage's share: 'turnout')."""
    others: bool = False
    """Written "seven others" / "otros siete": an increase or other people, as the sentence's other counts say."""


def numbers_pattern(language: str) -> re.Pattern[str]:
    words = sorted(NUMBER_WORDS.get(language, NUMBER_WORDS["en"]), key=len, reverse=True)
    return re.compile(rf"(?<![\w.,])(?:{_DIGITS})(?![\w]|[.,]\d)|\b(?:{'|'.join(words)})\b", re.IGNORECASE)


def number_value(written: str, language: str = "en") -> float | None:
    """A number as written: '19', '1,200' (en) or '1.200' (de), '4,2' (fr), 'nineteen', 'diecinueve'."""
    word = written.strip().casefold()
    table = NUMBER_WORDS.get(language, NUMBER_WORDS["en"])
    if word in table:
        return float(table[word])
    decimal = "." if language == "en" else ","
    grouped = re.fullmatch(r"\d{1,3}(?:([,.\u202f\u00a0 ])\d{3})+(?:[.,]\d+)?", word)
    if grouped and grouped.group(1) != decimal:
        word = re.sub(r"[,.\u202f\u00a0 ](?=\d{3}\b)", "", word)
    try:
        return float(word.replace(",", "."))
    except ValueError:
        return None


def read(
    text: str, start: int, end: int, language: str = "en", skip: tuple[tuple[int, int], ...] = ()
) -> list[Reading]:
    """The counts and percentages of ``text[start:end]`` (one sentence) in reading order, sums in ``skip`` aside."""
    found: list[Reading] = []
    numbers = [m for m in numbers_pattern(language).finditer(text, start, end) if not _inside(m.start(), skip)]
    for n, match in enumerate(numbers):
        previous_end = numbers[n - 1].end() if n else start
        following_start = numbers[n + 1].start() if n + 1 < len(numbers) else end
        reading = _reading(text, match, language, start, (previous_end, following_start), found)
        if reading is not None:
            found.append(reading)
    found = [replace(r, added=True, others=False) for r in found if _others_add(r, found)] + [
        r for r in found if not r.others
    ]
    found += _zeros(text, start, end, [(m.start(), m.end()) for m in numbers])
    return sorted(found, key=lambda r: r.start)


def _others_add(reading: Reading, sentence: list[Reading]) -> bool:
    """'Seven others' adds to a total of its measure given later in the sentence."""
    return reading.others and any(
        r.measure == reading.measure and r.start > reading.start and not r.added and not r.others for r in sentence
    )


def _inside(offset: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(a <= offset < b for a, b in spans)


def _reading(
    text: str,
    match: re.Match[str],
    language: str,
    sentence_start: int,
    bounds: tuple[int, int],
    earlier: list[Reading],
) -> Reading | None:
    previous_end, following_start = bounds
    value = number_value(match.group(), language)
    if value is None or _is_year(match.group(), value):
        return None
    before_text = text[max(previous_end, match.start() - _REACH) : match.start()]
    after_text = text[match.end() : following_start]
    if _FROM_TO.search(before_text) and _TO_AFTER.match(text, match.end()):
        return None
    hedge = _HEDGE_BEFORE.search(before_text)
    written_start = match.start() - (len(before_text) - hedge.start()) if hedge else match.start()
    negation = _NEGATION_BEFORE.search(before_text)
    if negation:
        value, written_start = 0.0, match.start() - (len(before_text) - negation.start())
    percent = _PERCENT.match(after_text)
    if percent:
        share = _share_of(text[max(sentence_start, match.start() - 120) : match.start()], after_text[percent.end() :])
        if share is None:
            return None
        return Reading(f"% {share[:6]}", value, written_start, match.end() + percent.end(), about=share)
    measure = _measure("" if _OWN_NOUN_BEFORE.search(before_text) else before_text, after_text)
    if measure is None and _TOTAL.search(_clause_tail(before_text)) and earlier:
        measure = earlier[-1].measure
    if measure is None:
        return None
    added = bool(_ADDED_BEFORE.search(before_text) or _ADDED_AFTER.match(after_text))
    others = bool(_OTHERS_BEFORE.search(before_text) or _OTHERS_AFTER.match(after_text))
    if others and any(r.measure != measure for r in earlier):
        others = False
    return Reading(measure, value, written_start, match.end(), added=added, others=others)


def _is_year(written: str, value: float) -> bool:
    """A four-digit number from 1900 to 2099 written without a separator is a year, not a count."""
    return written.isdigit() and len(written) == 4 and 1900 <= value <= 2099


def _clause_head(after: str) -> str:
    """The words after a figure up to the end of its clause, at most _MAX_AFTER of them."""
    cut = _CLAUSE_BREAK.search(after)
    words = list(_WORD.finditer(after[: cut.start()] if cut else after))
    return after[: words[_MAX_AFTER - 1].end()] if len(words) > _MAX_AFTER else after[: cut.start() if cut else None]


def _clause_tail(before: str) -> str:
    """The words before a figure back to the start of its clause, at most _MAX_BEFORE of them."""
    cuts = list(_CLAUSE_BREAK.finditer(before))
    tail = before[cuts[-1].end() :] if cuts else before
    words = list(_WORD.finditer(tail))
    return tail[words[-_MAX_BEFORE].start() :] if len(words) > _MAX_BEFORE else tail


def _measure(before: str, after: str) -> str | None:
    """The measure named after the figure (nearest first, OUTRANKS applied), else the nearest named before it."""
    head = _clause_head(after)
    named = sorted((m.start(), name) for name, pattern in _MEASURE.items() for m in pattern.finditer(head))
    names = [name for _, name in named]
    for winner, loser in OUTRANKS.items():
        if winner in names and loser in names:
            return winner
    if names:
        return names[0]
    tail = _clause_tail(before)
    if _LEVEL_BEFORE.search(before):
        cuts = list(_HARD_BREAK.finditer(before))
        tail = before[cuts[-1].end() :] if cuts else before
    named = sorted((m.end(), name) for name, pattern in _MEASURE.items() for m in pattern.finditer(tail))
    return named[-1][1] if named else None


def _share_of(before: str, after: str) -> str | None:
    """What a percentage is a share of: 'of the vote' after it, else the nearest content word before it
    ("Turnout was 61 percent", "le taux de chômage a atteint 7,5 %"), folded; None when neither says."""
    of = re.match(
        r"\s+(?:of|de|des|du|del|der)\s+(?:the\s+|la\s+|los\s+|las\s+|les\s+)?([^\W\d_][\w-]+)", after, re.IGNORECASE
    )
    if of:
        return of.group(1).casefold()
    words = [w.group().casefold() for w in _WORD.finditer(_clause_tail(before))]
    content = [w for w in words if w not in _LEVEL_WORDS and not _HEDGE_BEFORE.search(w + " ")]
    return content[-1] if content else None


def _zeros(text: str, start: int, end: int, numbers: list[tuple[int, int]]) -> list[Reading]:
    """Counts a negation makes zero without a number: "No one has been arrested", "aucun blessé", "keine Toten"."""
    found = []
    for match in _NOBODY.finditer(text, start, end):
        if any(a <= match.end() + 1 and match.start() <= b for a, b in numbers):
            continue  # "no one" / "not one": the number reading already made it zero
        after = text[match.end() : end]
        cut = _CLAUSE_BREAK.search(after)
        words = list(_WORD.finditer(after[: cut.start()] if cut else after))[:NEGATION_REACH]
        reach = after[: words[-1].end()] if words else ""
        named = sorted((m.end(), name) for name, pattern in _MEASURE.items() for m in pattern.finditer(reach))
        if named:
            found.append(Reading(named[0][1], 0.0, match.start(), match.end() + named[0][0]))
    return found
