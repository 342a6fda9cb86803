"""Names that are neither who nor where: market indices, products, events, laws, time zones, works.

A news story names more than people, organizations and places: "the FTSE 100
slipped", "by 09:30 GMT", "the new Mustang", "the Clean Air Act", "the Winter
Olympics", "the film *Heat*". Filed as a person or a city they are wrong, and
dropped they are lost; here the article's own words say what they are. Every
cue is general grammar or vocabulary of the language, never a list of names:

- **index** (a market index or other financial instrument): a name with an
  index word ("... Index", "... Average", "the Nikkei index", "l'indice X",
  "el índice X", "Nikkei-Index", "Leitindex X"), a ticker-like name with a round
  size in a market sentence ("FTSE 100", "CAC 40"), a name that moves by points
  ("the Dow fell 120 points"), a currency pair ("EUR/USD");
- **time_zone**: UTC and GMT anywhere, other zone abbreviations right after a
  clock time ("10 a.m. EST", "10.30 Uhr MEZ");
- **law** (a law or other founding document): a name ending in "Act", "Treaty",
  "Agreement" ..., or introduced by "loi", "Ley", "traité", "Tratado", "Vertrag
  von", or a German law compound ("das Klimaschutzgesetz");
- **event**: "Olympics", "World Cup", "Summit", "War", "Jeux olympiques",
  "Juegos Olímpicos", "Olympische Spiele", "G20-Gipfel", "sommet de X";
- **product**: a name right after a noun for a made thing ("the SUV X",
  "le smartphone X", "el coche X", "das Elektroauto X");
- **work**: a title after "the film", "le roman", "la película", "der Film".

English also has its recognizer's PRODUCT, EVENT, LAW and WORK_OF_ART labels
(brief/things.py adds those); this module is the standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from summarizer.rules.times import MONTH_NAMES, WEEKDAY_NAMES

LANGUAGES = frozenset({"en", "fr", "es", "de"})

ThingKind = Literal["index", "product", "event", "law", "time_zone", "work"]


@dataclass(frozen=True)
class ThingMention:
    """Where the article names a thing, and what kind of thing it is."""

    start: int
    end: int
    kind: ThingKind


_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_WORD = rf"(?:[{_UP}][\w'’&-]*(?:\.\w+)*|\d+[A-Za-z][\w-]*)"
"""A capitalised word of a name ("Dow", "S&P", "Mach-E", "3M")."""
_JOINS = r"(?:of|the|for|on|de|del|la|le|les|des|du|von|der|für|&)"
_NAME = rf"{_WORD}(?:[^\S\n]+(?:{_JOINS}[^\S\n]+)*{_WORD})*"
"""Capitalised words joined by the small words names hold ("Treaty of Lisbon", "Ley de Vivienda")."""
_PLAIN = rf"{_WORD}(?:[^\S\n]+{_WORD})*"
"""Capitalised words only: a name without inner small words ("Hang Seng", "Mustang Mach-E")."""
_OPENERS = r"^(?:(?:The|A|An|Le|La|Les|El|Los|Las|Der|Die|Das|Den|Dem|Des|Leitindex|Aktienindex|Index)[^\S\n]+|L['’])"
"""Words before a name that are not part of it: articles, and German's "Leitindex" ("der Leitindex Dax")."""

ZONE_ABBREVIATIONS = frozenset({
    "UTC", "GMT", "BST", "IST", "WET", "WEST", "CET", "CEST", "EET", "EEST", "MSK",
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST", "AST", "ADT", "NST", "NDT",
    "JST", "KST", "HKT", "SGT", "PHT", "WIB", "ICT", "AEST", "AEDT", "ACST", "ACDT", "AWST", "NZST", "NZDT",
    "SAST", "WAT", "CAT", "EAT", "BRT", "ART",
    "MEZ", "MESZ", "OEZ", "OESZ", "WEZ", "WESZ",
})  # fmt: skip
"""The time-zone abbreviations the press writes (those of the IANA tz database in common use, and German's own
"MEZ", "MESZ", "OEZ", "WEZ"). Only UTC and GMT are never anything else; the others ("CAT", "ART", "AST") are also
words or acronyms, so they count only right after a clock time."""
_UNIVERSAL_ZONES = r"UTC|GMT"
_CLOCK = r"\d{1,2}(?:[:.h]\d\d)?[^\S\n]*(?:[ap]\.?[^\S\n]?m\.?|h|Uhr|horas?|heures?)?[^\S\n]*\(?"
"""A clock time a zone follows: "09:30", "10 a.m.", "10.30 Uhr", "10 h 30", "(".."""

INDEX_SIZES = 10, 20, 25, 30, 35, 40, 50, 100, 200, 225, 250, 300, 400, 500, 600, 1000, 2000, 3000, 5000
"""The sizes index names carry ("FTSE 100", "CAC 40", "Nikkei 225", "S&P 500", "Russell 2000"): a model
number ("Boeing 787") is rarely one of them, and the market sentence rule below also has to hold."""
_MARKET_WORDS = re.compile(
    r"\b(?:index|indices|indexes|stocks?|shares?|markets?|points|trading|bourse|Bourse|indice|actions|"
    r"índice|bolsa|Bolsa|acciones|puntos|Index|Börse|Aktien|Punkte|Leitindex|Handel|percent|cent|ciento|"
    r"Prozent)\b|%",
    re.I,
)
"""Words of a market report, in the four languages: a ticker-like name is an index only in such a sentence."""
_POINTS = r"(?:points?|pts|Punkte|Zähler|puntos?)"


def _kinds(language: str) -> dict[ThingKind, list[re.Pattern[str]]]:
    """Patterns whose group ``name`` (else the whole match) is a thing of the kind, for one language."""
    common: dict[ThingKind, list[str]] = {
        "index": [
            r"(?P<name>\b[A-Z]{3}/[A-Z]{3})\b",  # a currency pair, checked against ISO codes below
            rf"\b(?:[Tt]he|[Ll]e|[Ll]a|[Ee]l|[Dd]er|[Ll]['’])[^\S\n]*(?P<name>{_PLAIN})(?<!Bourse)(?<!Börse)(?<!Bolsa)"
            rf"(?<!Exchange)(?<!Street)(?:['’]s)?[^\S\n]+(?:[a-zäöüéèáíóú]+[^\S\n]+){{1,3}}?(?:by[^\S\n]+|de[^\S\n]+|um[^\S\n]+|en[^\S\n]+)?"
            rf"(?:about[^\S\n]+|some[^\S\n]+|nearly[^\S\n]+|almost[^\S\n]+|rund[^\S\n]+|fast[^\S\n]+|unos[^\S\n]+|casi[^\S\n]+|environ[^\S\n]+|près[^\S\n]+de[^\S\n]+)?"
            rf"\d[\d.,]*[^\S\n]+{_POINTS}\b",  # "the Dow fell 120 points", "der Dax verlor 120 Punkte"
        ],
        "time_zone": [rf"(?P<name>\b(?:{_UNIVERSAL_ZONES})(?:[^\S\n]?[+−-][^\S\n]?\d{{1,2}}(?::?\d\d)?)?)\b"],
    }
    by_language: dict[str, dict[ThingKind, list[str]]] = {
        "en": {
            "index": [rf"\b(?P<name>{_PLAIN}[^\S\n]+(?:Index|Average|Composite|index))\b(?![^\S\n]+[A-Z])"],
            "law": [
                rf"\b(?P<name>{_NAME}[^\S\n]+(?:Act|Law|Treaty|Accords?|Agreement|Directive|Regulation|Charter|"
                rf"Protocol|Constitution|Code|Amendment)(?:[^\S\n]+of[^\S\n]+(?:\d{{4}}|{_PLAIN}))?)\b(?![^\S\n]+[A-Z])",
                rf"\b(?P<name>(?:Treaty|Protocol|Convention|Act|Statute)[^\S\n]+of[^\S\n]+{_PLAIN})",
            ],
            "event": [
                rf"\b(?P<name>(?:\d{{4}}[^\S\n]+)?{_PLAIN}[^\S\n]+(?:Olympics|Olympic Games|Paralympics|World Cup|Cup|"
                rf"Championships?|Summit|Festival|Expo|Grand Prix|War|Marathon|Open)|{_PLAIN}[^\S\n]+(?:summit|war)|"
                rf"World War[^\S\n]+(?:I{{1,2}}|One|Two|[12])|(?:19|20)\d\d[^\S\n]+(?:Games|Olympics))\b(?![^\S\n]+[A-Z])",
            ],
            "product": [
                r"\b(?:car|sedan|hatchback|SUV|pickup|phone|smartphone|handset|tablet|laptop|console|"
                rf"software|app|browser|drug|vaccine)[^\S\n]+(?P<name>{_PLAIN})",
            ],
            "work": [
                r"\b(?:film|movie|book|novel|memoir|song|album|musical|opera|documentary|painting)[^\S\n]+"
                rf"(?:[\"“](?P<quoted>[^\"”\n]{{2,60}})[\"”]|(?P<name>{_NAME}))",
            ],
        },
        "fr": {
            "index": [rf"\b(?:l['’]indice|indice|l['’]index)[^\S\n]+(?:boursier[^\S\n]+)?(?P<name>{_PLAIN})"],
            "law": [
                rf"\b(?P<name>(?:[Ll]oi|[Tt]raité|Accord|Pacte|[Dd]irective|[Rr]èglement|[Cc]onvention|"
                rf"[Pp]rotocole|Charte)[^\S\n]+(?:(?:de|du|des|sur|d['’])[^\S\n]*(?:la[^\S\n]+|le[^\S\n]+|les[^\S\n]+|l['’])?)?{_NAME})",
            ],
            "event": [
                rf"\b(?P<name>(?:[Jj]eux[^\S\n]+[Oo]lympiques|[Jj]eux[^\S\n]+[Pp]aralympiques|JO|Coupe[^\S\n]+du[^\S\n]+[Mm]onde|"
                rf"Mondial|Euro|Tour[^\S\n]+de[^\S\n]+France|Grand[^\S\n]+Prix|[Ff]estival|[Ss]ommet|[Gg]uerre|[Cc]hampionnats?|"
                rf"[Ss]alon)(?:[^\S\n]+(?:d['’]|de[^\S\n]+|du[^\S\n]+|des[^\S\n]+|de[^\S\n]+la[^\S\n]+)[^\S\n]*{_NAME}|[^\S\n]+d['’]{_NAME}))",
                r"\b(?P<name>[Jj]eux[^\S\n]+[Oo]lympiques|Coupe[^\S\n]+du[^\S\n]+[Mm]onde|Tour[^\S\n]+de[^\S\n]+France)\b",
            ],
            "product": [
                r"\b(?:voiture|berline|citadine|SUV|smartphone|téléphone|tablette|ordinateur|console|"
                rf"logiciel|application|avion|appareil|médicament|vaccin)[^\S\n]+(?P<name>{_PLAIN})",
            ],
            "work": [
                r"\b(?:film|livre|roman|chanson|album|série|documentaire|opéra)[^\S\n]+"
                rf"(?:[«\"“][^\S\n]?(?P<quoted>[^»\"”\n]{{2,60}}?)[^\S\n]?[»\"”]|(?P<name>{_NAME}))",
            ],
        },
        "es": {
            "index": [
                rf"\b(?:el[^\S\n]+)?(?:índice|Índice|indicador|selectivo)[^\S\n]+(?:bursátil[^\S\n]+)?(?P<name>{_PLAIN})"
            ],
            "law": [
                rf"\b(?P<name>(?:[Ll]ey|[Tt]ratado|Acuerdo|Pacto|[Dd]irectiva|[Rr]eglamento|[Cc]onvenio|"
                rf"[Pp]rotocolo|Código|Constitución)[^\S\n]+(?:(?:de|del|sobre|para)[^\S\n]+(?:la[^\S\n]+|el[^\S\n]+|los[^\S\n]+|"
                rf"las[^\S\n]+)?)?{_NAME})",
            ],
            "event": [
                rf"\b(?P<name>(?:Juegos[^\S\n]+Olímpicos|Juegos[^\S\n]+Paralímpicos|Copa[^\S\n]+del[^\S\n]+Mundo|Mundial|Gran[^\S\n]+Premio|"
                rf"[Ff]estival|[Cc]umbre|[Gg]uerra|[Cc]ampeonato|[Ff]eria|Salón)[^\S\n]+(?:de[^\S\n]+|del[^\S\n]+|de[^\S\n]+la[^\S\n]+)"
                rf"{_NAME})",
                r"\b(?P<name>Juegos[^\S\n]+Olímpicos(?:[^\S\n]+de[^\S\n]+(?:Invierno|Verano))?|Copa[^\S\n]+del[^\S\n]+Mundo)\b",
            ],
            "product": [
                r"\b(?:coche|automóvil|vehículo|todoterreno|berlina|SUV|smartphone|teléfono|móvil|tableta|"
                rf"ordenador|consola|programa|aplicación|avión|fármaco|medicamento|vacuna)[^\S\n]+(?P<name>{_PLAIN})",
            ],
            "work": [
                r"\b(?:película|libro|novela|canción|álbum|serie|documental|ópera)[^\S\n]+"
                rf"(?:[«\"“][^\S\n]?(?P<quoted>[^»\"”\n]{{2,60}}?)[^\S\n]?[»\"”]|(?P<name>{_NAME}))",
            ],
        },
        "de": {
            "index": [
                rf"\b(?P<name>{_WORD})-Index\b",
                rf"\b(?:Leitindex|Aktienindex|Index|Börsenindex)[^\S\n]+(?P<name>{_PLAIN})",
            ],
            "law": [
                r"\b(?:das|des|dem)[^\S\n]+(?P<name>[A-ZÄÖÜ][\wäöüß-]{2,}(?:gesetz|gesetzes|abkommen|abkommens))\b",
                rf"\b(?P<name>(?:Vertrag|Vertrags|Abkommen|Abkommens)[^\S\n]+von[^\S\n]+{_NAME})",
                r"\b(?P<name>Grundgesetz(?:es)?)\b",
            ],
            "event": [
                r"\b(?P<name>Olympischen?[^\S\n]+(?:Winter|Sommer)?[Ss]piele[n]?|Olympia|Fußball-WM|Weltmeisterschaft|"
                r"Europameisterschaft|Tour[^\S\n]+de[^\S\n]+France|Grand[^\S\n]+Prix)\b",
                rf"\b(?P<name>{_WORD}-(?:Gipfel|Krieg|Festival|Messe))\b",
                rf"\b(?P<name>(?:Gipfel|Festival|Messe)[^\S\n]+(?:von|in)[^\S\n]+{_NAME})",
            ],
            "product": [
                r"\b(?:Auto|Wagen|Kleinwagen|Elektroauto|Geländewagen|SUV|Smartphone|Handy|Tablet|"
                rf"Laptop|Konsole|Software|App|Flugzeug|Medikament|Impfstoff)[^\S\n]+(?P<name>{_PLAIN})",
            ],
            "work": [
                r"\b(?:Film|Films|Buch|Buches|Roman|Romans|Lied|Song|Album|Theaterstück|Serie|Dokumentarfilm|Oper|"
                r"Gemälde)[^\S\n]+(?:[„\"“»](?P<quoted>[^“\"”«\n]{2,60}?)[“\"”«])",
            ],
        },
    }
    merged: dict[ThingKind, list[str]] = {kind: list(patterns) for kind, patterns in common.items()}
    for kind, patterns in by_language.get(language, {}).items():
        merged.setdefault(kind, []).extend(patterns)
    return {kind: [re.compile(p) for p in patterns] for kind, patterns in merged.items()}


@lru_cache(maxsize=8)
def _patterns(language: str) -> dict[ThingKind, list[re.Pattern[str]]]:
    return _kinds(language)


_CURRENCIES = frozenset({
    "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "CNY", "HKD", "SGD", "KRW", "INR", "RUB", "BRL",
    "MXN", "SEK", "NOK", "DKK", "PLN", "TRY", "ZAR",
})  # fmt: skip
"""ISO 4217 codes of the currencies traded most (BIS survey): a pair of two of them is a traded instrument."""
_TICKER = re.compile(
    rf"(?<![\w&])(?P<name>[{_UP}][\w&.'’]*(?:[^\S\n](?:[{_UP}][\w&.'’]*|&)){{0,3}}[^\S\n](?P<size>\d{{2,4}}))(?![\w.,%])"
)
_UNIT_AFTER = re.compile(
    r"[^\S\n]*(?:%|percent|per[^\S\n]?cent|pour[^\S\n]?cent|por[^\S\n]?ciento|Prozent|points|puntos|Punkte)", re.I
)
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=\d))*(?:[.!?]|\n|$)")


def _tickers(text: str) -> list[ThingMention]:
    """Ticker-like index names with a round size ("FTSE 100", "CAC 40") in a sentence about a market."""
    found = []
    for sentence in _SENTENCE.finditer(text):
        if not _MARKET_WORDS.search(sentence.group()):
            continue
        for match in _TICKER.finditer(sentence.group()):
            size = int(match.group("size"))
            after = sentence.group()[match.end() :]
            calendar = any(
                w.casefold() in MONTH_NAMES | WEEKDAY_NAMES for w in match.group("name").split()
            )  # "March 10"
            if size in INDEX_SIZES and not calendar and not _UNIT_AFTER.match(after):
                start, end = trimmed(text, sentence.start() + match.start("name"), sentence.start() + match.end("name"))
                found.append(ThingMention(start, end, "index"))
    return found


def _zones_after_clocks(text: str) -> list[ThingMention]:
    zones = "|".join(sorted(ZONE_ABBREVIATIONS, key=len, reverse=True))
    return [
        ThingMention(m.start("zone"), m.end("zone"), "time_zone")
        for m in re.finditer(rf"{_CLOCK}(?P<zone>{zones})\b", text)
    ]


_OWNER = re.compile(r"^\w+['’]s[^\S\n]+")


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without a leading article, a possessive or trailing punctuation: "the Clean Air Act" -> "Clean Air
    Act", "the A380's" -> "A380"; cut at a line break."""
    piece = text[start:end]
    opener = re.match(_OPENERS, piece) or _OWNER.match(piece)
    if opener and opener.end() < len(piece):
        start += opener.end()  # "the Clean Air Act"; "Smith's Fifth Amendment"
    if "\n" in text[start:end]:
        end = text.index("\n", start)  # a name never runs over a line break
    end -= 2 if text[start:end].endswith(("'s", "’s")) else 0
    while end > start and text[end - 1] in ".,;:'’- \t":
        end -= 1
    return start, end


_NEW = {"en": r"new(?:est)?", "fr": r"nouve(?:au|l|lle)(?:s|x)?", "es": r"nuev[oa]s?"}
""""The new X": a name introduced as new is often a product; the recognizer decides (brief/things.py)."""


def introduced_as_new(text: str, language: str) -> list[tuple[int, int]]:
    """Names written right after "new" ("la nouvelle Clio", "el nuevo León"): products when nothing else reads them
    as a person, organization or place. German capitalises every noun, so "die neue Regierung" is no cue there."""
    if language not in _NEW:
        return []
    return [m.span("name") for m in re.finditer(rf"\b{_NEW[language]}[^\S\n]+(?P<name>{_PLAIN})", text)]


def find_things(text: str, language: str) -> list[ThingMention]:
    """Every thing the language's cues name in the text, longest first where two overlap, in text order."""
    if language not in LANGUAGES:
        return []
    candidates = [*_tickers(text), *_zones_after_clocks(text)]
    for kind, patterns in _patterns(language).items():
        for pattern in patterns:
            for match in pattern.finditer(text):
                group = next((g for g in ("name", "quoted") if g in pattern.groupindex and match.group(g)), None)
                start, end = match.span(group) if group else match.span()
                if kind == "index" and "/" in text[start:end] and not set(text[start:end].split("/")) <= _CURRENCIES:
                    continue  # "ABC/XYZ" is a pair only of currencies
                start, end = trimmed(text, start, end) if group != "quoted" else (start, end - (text[end - 1] in ".,"))
                if end - start >= 2 and any(c.isupper() or c.isdigit() for c in text[start:end]):  # not "the war"
                    candidates.append(ThingMention(start, end, kind))
    return without_overlaps(candidates)


def without_overlaps(candidates: list[ThingMention]) -> list[ThingMention]:
    kept: list[ThingMention] = []
    for thing in sorted(candidates, key=lambda t: (-(t.end - t.start), t.start)):
        if all(thing.end <= other.start or other.end <= thing.start for other in kept):
            kept.append(thing)
    return sorted(kept, key=lambda t: t.start)
