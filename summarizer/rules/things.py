"""Names that are neither who nor where: market indices, products, events, laws, time zones, works, diseases.

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
  clock time ("10 a.m. EST", "3 p.m. ET", "10.30 Uhr MEZ");
- **law** (a law or other founding document): a name ending in "Act", "Treaty",
  "Agreement" ..., or introduced by "loi", "Ley", "traité", "Tratado", "Vertrag
  von", or a German law compound ("das Klimaschutzgesetz"); in English also "Law of the X", "the X Bill", a
  numbered resolution and the U.S. Code cited by title and section;
- **event**: "Olympics", "World Cup", "Summit", "War", a named storm ("Hurricane X",
  "la tempête X", "el huracán X", "Sturmtief X", where the sentence speaks of weather), "Jeux olympiques",
  "Juegos Olímpicos", "Olympische Spiele", "G20-Gipfel", "sommet de X", "the X scandal/affair";
- **product**: a name right after a noun for a made thing ("the SUV X",
  "le smartphone X", "el coche X", "das Elektroauto X"); in English also a vehicle in apposition ("the plane,
  a X Y,"), a maker and model designation ("a X B-17 bomber"), "the X pipeline", lower-case software ("x-y, a
  free program");
- **work**: a title after "the film", "le roman", "la película", "der Film"; a
  journal ("the journal X", "la revue X", "a study published Tuesday in X", "Journal of X", "Proceedings of X");
- **disease** (schema 1.9; the virus or bacterium that causes one too): "...
  Syndrome", "... virus", "la maladie de X", "el virus X", "das X-Virus", a
  species after "bacterium", and codes ("<LETTERS>-<number>", "H<n>N<n>")
  where the article speaks of illness;
- a ship, spacecraft or telescope ("the vessel X", "the X space telescope",
  "le navire X", "el buque X", "das Schiff „X“") is a **product**.

Some names are no actor, place or thing to keep: an earthquake's magnitude
(``MEASURE``) and a body in the sky (``sky_names``); brief/things.py drops them.

English also has its recognizer's PRODUCT, EVENT, LAW and WORK_OF_ART labels
(brief/things.py adds those); this module is the standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from summarizer.rules.given_names import personal_name
from summarizer.rules.places import is_country, is_demonym
from summarizer.rules.times import MONTH_NAMES, WEEKDAY_NAMES

LANGUAGES = frozenset({"en", "fr", "es", "de"})

ThingKind = Literal["index", "product", "event", "law", "time_zone", "work", "disease"]


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
    "MEZ", "MESZ", "OEZ", "OESZ", "WEZ", "WESZ", "ET", "CT", "MT", "PT",
})  # fmt: skip
"""The time-zone abbreviations the press writes (those of the IANA tz database in common use, and German's own
"MEZ", "MESZ", "OEZ", "WEZ"), and the American press's generic "ET", "CT", "MT", "PT" ("3 p.m. ET"). Only UTC and GMT are never anything else; the others ("CAT", "ART", "AST") are also
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


_TITLE = rf"{_WORD}(?:[^\S\n]+(?:(?:of|the|for|&)[^\S\n]+)*{_WORD})*"
"""A title's capitalised words with its inner "of"/"the" ("Proceedings of the Royal Society"), never "on"."""
_QUOTED = r"[«\"“„»][^\S\n]?(?P<quoted>[^»«\"”“\n]{2,60}?)[^\S\n]?[»«\"”“]"
"""A name in quotation marks, the way French, Spanish and German write a ship's or a journal's name."""
_CRAFT = {
    "en": r"boat|vessel|ship|ferry|tanker|freighter|yacht|trawler|submarine|warship|frigate|destroyer|spacecraft|"
    r"space[^\S\n]probe|rover|lander|orbiter|satellite|capsule|telescope",
    "fr": r"navire|bateau|paquebot|cargo|pétrolier|ferry|voilier|chalutier|sous-marin|porte-avions|frégate|vaisseau|"
    r"sonde|satellite|télescope(?:[^\S\n]+spatial)?|capsule",
    "es": r"buque|barco|navío|ferry|petrolero|carguero|velero|pesquero|submarino|portaaviones|fragata|nave|sonda|"
    r"satélite|telescopio(?:[^\S\n]+espacial)?|cápsula",
    "de": r"Schiff|Schiffes|Fähre|Tanker|Frachter|Kreuzfahrtschiff|Jacht|Yacht|Kutter|U-Boot|Flugzeugträger|Fregatte|"
    r"Raumschiff|Raumsonde|Sonde|Satellit|Satelliten|Teleskop|Weltraumteleskop|Kapsel",
}
"""Head nouns of a made thing that carries its own name (a ship, a spacecraft, a telescope): "the vessel X", "le
navire X", "el buque X", "das Schiff „X“" name a product, not a person or place. Not "carrier" or "probe" (an airline,
an inquiry); German names only in quotation marks, since every German noun is capitalised."""
_NAMED_BEFORE_CRAFT = {
    "en": rf"\b(?!(?:The|A|An|This|That|Its|Their|His|Her|Our)\b)(?:(?P<name>{_PLAIN}[^\S\n]+(?:Space[^\S\n]+)?"
    rf"Telescope)|(?P<craft>{_PLAIN})(?=[^\S\n]+(?:space[^\S\n]+)?"
    r"(?:telescope|spacecraft|rover|lander|orbiter)\b))",
    "fr": rf"\b(?:(?:[Tt]élescope|[Ss]atellite|[Ss]onde)[^\S\n]+spatial[e]?)[^\S\n]+(?P<name>{_PLAIN})",
    "es": rf"\b(?:(?:[Tt]elescopio|[Ss]atélite|[Ss]onda)[^\S\n]+espacial)[^\S\n]+(?P<name>{_PLAIN})",
    "de": rf"\b(?P<name>{_WORD}(?:-{_WORD})*)-(?:Teleskop|Weltraumteleskop|Raumsonde|Raumschiff)\b",
}
"""A craft named before its head noun ("the X space telescope", "das X-Teleskop") or after "spatial"/"espacial"."""
_SHIP_PREFIXED = rf"\b(?P<name>(?:MV|M/V|HMS|USS|U\.S\.S\.|RMS|HMAS|HMCS|USNS|RV|FV)[^\S\n]+{_PLAIN})"
"""A ship named with the prefix of its kind or navy ("MV Alan Kurdi", "HMS Victory", "U.S.S. Grayback"): a product.
Not "MS" or "SS", which open people's initials and clubs' names too."""
_CALLED_AFTER_MADE = (
    rf"\b(?:{_CRAFT['en']}|device|machine|aircraft|drone|jetpack|robot|gadget)\b[^.!?\n]{{0,80}}?,[^\S\n]*"
    rf"(?:called|named|dubbed)[^\S\n]+(?P<plain>{_PLAIN})"
)
"""A made thing named at the end of its description ("a drone carried by two rotors, called X"); 80 characters keep
the name inside the thing's own phrase."""
_JOURNAL = {
    "en": r"(?:scientific[^\S\n]+|medical[^\S\n]+|academic[^\S\n]+)?journal",
    "fr": r"revue(?:[^\S\n]+scientifique|[^\S\n]+médicale)?",
    "es": r"revista(?:[^\S\n]+científica|[^\S\n]+médica)?",
    "de": r"Fachzeitschrift|Fachmagazin|Fachblatt|Fachjournal|Zeitschrift|Journal",
}
"""A journal named after its head noun ("the journal X", "la revue X"): a work, not an organization. Not "journal" in
French, where it is a newspaper (an outlet, a source)."""
_PRICED = (
    r"(?:rose|fell|gained|lost|climbed|dropped|slipped|jumped|settled|traded|trading|was|is|prices?|futures|"
    r"stood|hit|reached|ended|closed)"
)
"""What an oil price's benchmark does ("Brent crude rose", "West Texas Intermediate crude fell"); where the oil
comes from ("exports of Varnian crude") is sold, not priced."""
_STUDY_PUBLISHED_IN = {
    "en": r"(?:\b(?:study|studies|paper|findings|research|report|article|analysis|results|survey)\b[^.\n]{0,40}?"
    r"\b(?:published|released|appeared)|\bpublished[^\S\n]+(?:a|an|the|their|its|his|her)[^\S\n]+(?:new[^\S\n]+)?"
    r"(?:study|paper|report|article|analysis))"
    r"(?:[^\S\n]+(?!in\b)[\w,]+){0,4}?[^\S\n]+in[^\S\n]+(?:the[^\S\n]+journal[^\S\n]+)?",
    "fr": r"\b(?:étude|article|travaux|résultats|recherche)\b[^.\n]{0,40}?\bpubliée?s?"
    r"(?:[^\S\n]+(?!dans\b)[\w,]+){0,4}?[^\S\n]+dans[^\S\n]+(?:la[^\S\n]+revue[^\S\n]+)?",
    "es": r"\b(?:estudio|artículo|investigación|resultados|informe)\b[^.\n]{0,40}?\bpublicad[oa]s?"
    r"(?:[^\S\n]+(?!en\b)[\w,]+){0,4}?[^\S\n]+en[^\S\n]+(?:la[^\S\n]+revista[^\S\n]+)?",
}
"""A study "published Tuesday in X", or someone "published a study in X": X is the journal it appeared in (a place
there is set aside in brief/things.py)."""
_SCIENCE_PUBLISHED_IN_THE = (
    r"\b(?:study|studies|paper|findings|research|analysis|results)\b[^.\n]{0,40}?\b(?:published|appeared)"
    r"(?:[^\S\n]+(?!in\b)[\w,]+){0,4}?[^\S\n]+in[^\S\n]+the[^\S\n]+"
)
"""A study "published in the X": the journal's own article ("the Lancet", "the British Medical Journal"). Not a
report or an article "published in the X", which is as often a newspaper (an outlet)."""
_LAWS_EN = [
    # "the Comprehensive Economic and Trade Agreement": two capitalised halves of one treaty's name
    rf"\b[Tt]he[^\S\n]+(?P<name>{_PLAIN}[^\S\n]+and[^\S\n]+{_PLAIN}[^\S\n]+(?:Agreement|Act|Treaty|Accords?|Convention))\b",
    rf"\b[Tt]he[^\S\n]+(?P<name>{_NAME}[^\S\n]+Bill)\b(?![^\S\n]+[A-Z])",  # "the Clean Rivers Bill", not "Bill Smith"
    rf"\b(?P<name>(?:{_PLAIN}[^\S\n]+)?[Rr]esolution[^\S\n]+(?:No\.[^\S\n]*)?\d{{2,5}}(?:/\d{{2,4}})?)\b",
    r"\b(?P<name>\d{1,3}[^\S\n]+U\.[^\S\n]?S\.[^\S\n]?(?:C\.|Code)(?:[^\S\n]*§§?[^\S\n]*\d+[\w.-]*)?)",
]
"""Laws English writes with "and" inside ("the X and Y Agreement", after "the") or without a law word at the end:
"the X Bill" (with "the", so never a first name), a numbered
resolution ("Security Council resolution 2417"), and the United States Code cited by title and section ("18 U.S.C.
§ 1030", "17 U.S. Code § 107")."""
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
"""A day named for what happens on it ("Super Tuesday", "Black Friday", "Good Friday") ends in a weekday; "on Monday"
alone, "last Friday" or "Early Sunday" name no event."""
_ZONE_NAMES = (
    r"\b(?P<name>(?:(?:Central|Eastern|Western|Pacific|Mountain|Atlantic|Alaska|Hawaii|Greenwich|Coordinated|Universal|"
    r"European|Indian|Japan|China|Korea|Australian|Israel|Moscow|Arabia|Gulf|Singapore|Philippine|British|Irish|"
    r"Newfoundland)[^\S\n]+)+(?:(?:Standard|Summer|Daylight|Mean|Saving)[^\S\n]+)*Time)\b"
)
"""A time zone by its full name ("Central European Time", "Eastern Standard Time", "British Summer Time")."""
_ANNUAL = (
    rf"\b(?:annual|yearly|biennial)[^\S\n]+(?P<name>{_PLAIN})(?=[^\S\n]*(?:[,.;:!?)]|\n|$)|[^\S\n]+(?:in|at|on|for|was|"
    r"is|will|has|had|took|drew|attracted|opened|began|ended|and|with|this|last|next)\b)"
)
"""What a year holds once ("the sixth annual Orlin Maker Fair in May"): an event. Not "the annual Varncom report",
where the name qualifies the noun after it."""
_SCANDAL = rf"\b(?P<name>{_PLAIN}[^\S\n]+(?:scandal|affair|Scandal|Affair|Crisis))\b"
"""An event named by its scandal or its crisis ("the Teapot Dome scandal", "the Dreyfus affair", "the Suez Crisis"):
the capitalised words make it a name; a lowercase "crisis" after a country ("the Ukraine crisis") may be the
country's own."""
_MADE_NOUNS = (
    r"plane|airplane|aeroplane|aircraft|airliner|jet|helicopter|bomber|fighter|drone|glider|car|vehicle|truck|"
    r"lorry|bus|train|locomotive|motorcycle|rifle|gun|pistol|missile|tank|ship|boat|vessel|rocket|device|phone"
)
_DEVICES = (
    r"software|app|device|drug|vaccine|satellite|spacecraft|rocket|missile|aircraft|"
    r"(?:safety|tracking|navigation|warning|operating|weapons?|defen[cs]e|positioning|identification)[^\S\n]+system"
)
"""What a thing made is said to be ("AIS is a ship-to-ship safety system", "X is an antiviral drug")."""
_MODEL = r"(?:[A-Z]{1,3}-?\d{1,4}[A-Za-z]{0,2}|\d{1,4}[A-Z]{0,3})"
"""A model designation: letters and a number ("B-17", "A320", "F-150", "737", "172S", the "6" of "an Ariane 6 rocket")."""
_MODEL_NAME = rf"{_WORD}(?:[^\S\n]+(?:{_WORD}|{_MODEL}))*"
"""A maker's name with its model's words and designations ("Bell 206 JetRanger")."""
_PRODUCTS_EN = [
    rf"\b(?:{_MADE_NOUNS})\b,[^\S\n]+(?:an?|the)[^\S\n]+(?:[a-z-]+[^\S\n]+){{0,2}}?(?P<plain>{_MODEL_NAME})(?=[^\S\n]*[,;.)]"
    r"|[^\S\n]+(?:is|was|that|which|with|carrying|registered)\b)",
    rf"\b(?:an?|the)[^\S\n]+(?P<name>[A-Z][a-z]{{2,}}[^\S\n]+{_MODEL}(?:[^\S\n]+{_PLAIN})?)(?=[^\S\n]+(?:{_MADE_NOUNS})\b)",
    rf"\b(?:[Tt]he|[Aa]n?)[^\S\n]+(?:planned[^\S\n]+|proposed[^\S\n]+)?(?P<pipeline>{_PLAIN})(?=[^\S\n]+(?:gas[^\S\n]+|oil[^\S\n]+)?"
    r"pipeline\b)",
    r"(?<![\w-])(?P<coined>[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+)(?=,[^\S\n]+an?[^\S\n]+(?:free[^\S\n]+|open[^\S\n-]source[^\S\n]+)?"
    r"(?:software|program|programme|app|application|tool|library)\b)",
    rf"(?:^|(?<=[.!?][^\S\n])|(?<=\n))(?:The[^\S\n]+)?(?P<described>{_PLAIN})(?=[^\S\n]+(?:is|was)[^\S\n]+an?[^\S\n]+(?:[\w-]+[^\S\n]+){{0,3}}?(?:{_DEVICES})\b)",
]
"""Products English names by description: a vehicle or weapon in apposition ("the plane, a Cessna Skyhawk, was"),
a maker's name and model designation before the noun ("a Boeing 747 jet"), a pipeline's name ("the Nord Stream
pipeline"), and software a lower-case coined name introduces ("curl-tools, a free program that"): the name's
form ("-", ".") marks it, since such names take no capital; and a name a sentence opens by saying it is a device, a drug
or a system ("X is a ship-to-ship safety system", not "the phone made by X is a device")."""
_JOURNALS_EN = [
    rf"\b(?P<name>(?:{_PLAIN}[^\S\n]+)?(?:Journal|Proceedings|Annals|Transactions)[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?{_TITLE})",
    r"\b(?P<name>(?:[A-Z][\w-]*[^\S\n]+)*[A-Z][\w-]*(?:al|ic)[^\S\n]+Journal(?:[^\S\n]+[A-Z][\w-]*)*)",
]
"""A journal by its title's form ("Journal of X", "Proceedings of the X", "Annals of X", a field's adjective before
"Journal": "the Astrophysical Journal Letters", "the British Medical Journal"): a work, not a place. A newspaper's
"Journal" follows a place ("the Wall Street Journal", "the Providence Journal")."""
_DISEASE_HEADS = r"Syndrome|syndrome|Disease|disease|Fever|fever|Virus|virus|Flu|flu|Influenza|influenza"
_DISEASE_ACRONYMS = r"(?<![\w-])(?:SARS|MERS|AIDS|HIV|COVID)(?:-[A-Za-z0-9]+)*(?![\w-])(?![^\S\n]+[A-Z])"
"""Diseases and viruses known by their acronym ("SARS", "MERS", "HIV", "SARS-CoV"): like a code, a disease only where
the article speaks of illness, and not inside a body's name ("the AIDS Healthcare Foundation")."""
_DISEASE_CODE = r"(?<![\w-])(?:[A-Z][A-Za-z]{2,}(?:-[A-Z][A-Za-z]+)*-\d{1,2}|H\d{1,2}N\d{1,2})(?![\w-])"
"""How diseases and their viruses are coded ("<LETTERS>-<number>", influenza's "H<n>N<n>"). Three letters at least:
"F-16" or "G-20" are not diseases; a code counts only where the article speaks of illness (``_HEALTH``)."""
_HEALTH = re.compile(
    r"\b(?:virus|viral|disease|pandemic|epidemic|outbreak|infect\w*|vaccin\w*|symptoms?|coronavirus|illness|"
    r"pathogen|tested[^\S\n]+positive|diagnos\w*|hospitali[sz]\w*|patients?|ventilators?|(?:died|dies|die|dying|deaths?|suffer\w*|deteriorat\w*|recover\w*)[^\S\n]+(?:of|from)|cases[^\S\n]+of|quarantin\w*|self-isolat\w*|lockdowns?|maladie|pandémie|épidémie|contamin\w*|symptômes?|enfermedad|pandemia|epidemia|"
    r"infecci\w*|vacun\w*|síntomas?|contagi\w*|brote|Krankheit|Pandemie|Epidemie|Infektion\w*|infiziert\w*|Impf\w*|"
    r"Symptome?|Erreger|erkrankt\w*)\b",
    re.I,
)
"""Words of illness in the four languages: a disease code stands in a sentence that holds one."""


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
    common["time_zone"].append(_ZONE_NAMES)
    by_language: dict[str, dict[ThingKind, list[str]]] = {
        "en": {
            "index": [
                rf"\b(?P<name>{_PLAIN}[^\S\n]+(?:Index|Average|Composite|index))\b(?![^\S\n]+[A-Z])",
                rf"\b(?P<benchmark>{_PLAIN})(?=[^\S\n]+crude(?:[^\S\n]+(?:oil|futures))?[^\S\n]+{_PRICED}\b)",  # "Brent crude rose"
            ],
            "law": [
                rf"\b(?P<name>{_NAME}[^\S\n]+(?:Act|Law|Treaty|Accords?|Agreement|Directive|Regulations?|Charter|"
                rf"Protocol|Constitution|Code|Amendment|Conditions(?=[^\S\n]+of[^\S\n]+[A-Z]))"
                rf"(?:[^\S\n]+(?:of|for)[^\S\n]+(?:\d{{4}}|{_PLAIN}))?(?:[^\S\n]+No\.?[^\S\n]*\d+)?)\b(?![^\S\n]+[A-Z])",
                rf"\b(?P<name>(?:Treaty|Protocol|Convention|Act|Statute|Law)[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?{_PLAIN})",
                *_LAWS_EN,
            ],
            "event": [
                _ANNUAL,
                rf"\b(?P<name>(?:\d{{4}}[^\S\n]+)?{_PLAIN}[^\S\n]+(?:Olympics|Olympic Games|Paralympics|World Cup|Cup|"
                rf"Championships?|Summit|Festival|Expo|Grand Prix|War|Marathon|Open|Trophy|Revolution|Uprising|Massacre|"
                rf"Referendum|Masters|Slam|Bowl(?:[^\S\n]+[IVXLC]+)?)|{_PLAIN}[^\S\n]+(?:summit|war)|"
                rf"Tour[^\S\n]+de[^\S\n]+France|Giro[^\S\n]+d['’]Italia|Vuelta[^\S\n]+a[^\S\n]+España|"
                rf"World War[^\S\n]+(?:I{{1,2}}|One|Two|[12])|(?:19|20)\d\d[^\S\n]+(?:Games|Olympics))\b(?![^\S\n]+[A-Z])",
                rf"\b(?:[Tt]he|[Oo]n|[Oo]f|[Ss]ince|[Uu]ntil|[Bb]efore|[Aa]fter|[Cc]elebrated|[Mm]arked)[^\S\n]+"
                rf"(?P<name>{_PLAIN}[^\S\n]+Day)\b(?![^\S\n]+[A-Z\d])",  # a holiday: "on Harvest Day", not "Ann Day"
                rf"(?:\b(?:[Tt]he|[Oo]n|[Oo]f|[Ss]ince|[Uu]ntil|[Bb]efore|[Aa]fter|[Ff]ollowing|[Aa]head[^\S\n]+of)[^\S\n]+|[,\"“][^\S\n]*)"
                rf"(?P<name>(?!(?:Last|Next|This|Every|Each|Early|Late|On|By|From|Until|Since|Before|After|And|But)\b)"
                rf"{_WORD}[^\S\n]+{_WEEKDAYS})\b(?![^\S\n]+[A-Z\d])",
                r"\b(?P<name>[A-Z][a-z]{0,2}exit)\b",  # "Brexit", "Grexit": a country's leaving a union
                _SCANDAL,
            ],
            "product": [
                r"\b(?:car|sedan|hatchback|SUV|pickup|phone|smartphone|handset|tablet|laptop|console|"
                rf"software|app|browser|drug|vaccine)[^\S\n]+(?P<name>{_PLAIN})",
                *_PRODUCTS_EN,
            ],
            "work": [
                r"\b(?:film|movie|book|novel|memoir|song|album|musical|opera|documentary|painting|comedy|drama|thriller|"
                r"sitcom|miniseries|poem|symphony|solo|release)[^\S\n]+"
                rf"(?:[\"“](?P<quoted>[^\"”\n]{{2,60}})[\"”]|(?P<name>{_NAME}))",
                *_JOURNALS_EN,
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
    if language not in by_language:
        return {kind: [re.compile(p) for p in patterns] for kind, patterns in common.items()}
    named = (
        ""
        if language == "de"
        else rf"|,[^\S\n]*(?P<name>{_PLAIN})(?=,)|[^\S\n]+(?:named[^\S\n]+|called[^\S\n]+)?(?P<plain>{_PLAIN})"
    )
    by_language[language]["product"].append(rf"\b(?:{_CRAFT[language]})(?:[^\S\n]*{_QUOTED}{named})")
    by_language[language]["product"].append(_NAMED_BEFORE_CRAFT[language])
    if language == "en":
        by_language[language]["product"] += [_CALLED_AFTER_MADE, _SHIP_PREFIXED]
    by_language[language]["work"].append(
        rf"\b(?:{_JOURNAL[language]})[^\S\n]+(?:{_QUOTED}|(?P<name>{_TITLE if language != 'de' else _PLAIN}))"
    )
    if language in _STUDY_PUBLISHED_IN:
        by_language[language]["work"].append(rf"{_STUDY_PUBLISHED_IN[language]}(?P<journal>{_TITLE})")
    if language == "en":
        by_language[language]["work"].append(rf"{_SCIENCE_PUBLISHED_IN_THE}(?P<journal>{_TITLE})")
    by_language[language]["disease"] = [*_DISEASES[language], _BACTERIA[language]]
    merged: dict[ThingKind, list[str]] = {kind: list(patterns) for kind, patterns in common.items()}
    for kind, patterns in by_language.get(language, {}).items():
        merged.setdefault(kind, []).extend(patterns)
    return {kind: [re.compile(p) for p in patterns] for kind, patterns in merged.items()}


_SPECIES = r"[A-Z][a-z]{3,}[^\S\n]+[a-z]{3,}"
"""A species as biology writes it, genus capitalised and species not ("Vibrio cholerae")."""
_BACTERIA = {
    "en": r"\b(?P<name>(?P<genus>[A-Z])[a-z]{3,}[^\S\n]+(?P<species>[a-z]{3,}))(?=[^\S\n]+\((?P=genus)\.[^\S\n]?"
    r"(?P=species)\))|\b(?:bacteri(?:a|um)|strains?[^\S\n]+of)"
    rf"[^\S\n]+(?P<plain>{_SPECIES})",
    "fr": rf"\bbactéries?[^\S\n]+(?P<name>{_SPECIES})",
    "es": rf"\bbacterias?[^\S\n]+(?P<name>{_SPECIES})",
    "de": rf"\b(?:Bakterium|Bakterien|Keim|Erreger)[^\S\n]+(?P<name>{_SPECIES})",
}
"""A bacterium named by its species after the word for it ("the bacterium X y", "strains of X y", "la bactérie X y")
or before its abbreviation ("X y (X. y)"): a pathogen, filed with the diseases it causes."""


_DISEASES: dict[str, list[str]] = {
    "en": [
        rf"\b(?P<name>{_PLAIN}[^\S\n]+(?:{_DISEASE_HEADS}))\b(?![^\S\n]+[A-Z])",  # "Lyme disease", "Zika virus"
        rf"\b(?:disease|virus|illness|infection|pathogen|bacterium|strain)[^\S\n]+(?:known[^\S\n]+as[^\S\n]+|"
        rf"called[^\S\n]+|named[^\S\n]+)?(?P<name>{_PLAIN})",  # "the virus X"
        rf"\b(?:vaccines?|vaccinated|vaccination|immuni[sz]ed|immunity|treatments?|cures?)[^\S\n]+against[^\S\n]+"
        rf"(?P<plain>{_PLAIN})\b(?![^\S\n]+[A-Z])",  # "the first vaccine against X"
    ],
    "fr": [
        rf"\b(?P<name>(?:[Ss]yndrome|[Mm]aladie|[Vv]irus|[Ff]ièvre|[Gg]rippe)[^\S\n]+(?:(?:de|du|des)[^\S\n]+"
        rf"(?:la[^\S\n]+|l['’])?|d['’])?{_PLAIN})",  # "la maladie de Lyme", "le virus Zika"
    ],
    "es": [
        rf"\b(?P<name>(?:[Ss]índrome|[Ee]nfermedad|[Vv]irus|[Ff]iebre|[Gg]ripe)[^\S\n]+(?:(?:de|del)[^\S\n]+"
        rf"(?:la[^\S\n]+)?)?{_PLAIN})",  # "la enfermedad de Lyme", "el virus Zika"
    ],
    "de": [
        rf"\b(?P<name>{_WORD}-(?:Virus|Syndroms?|Fiebers?|Grippe|Krankheit|Erregers?))\b",  # "das Zika-Virus"
        rf"\b(?:Virus|Krankheit|Erreger|Lungenkrankheit)[^\S\n]+(?P<name>{_DISEASE_CODE})",
    ],
}
"""A disease or the virus that causes it, named with its head noun ("... Syndrome", "... virus", "la maladie de X",
"el virus X", "X-Virus"); codes alone are read by ``_disease_codes``."""


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


_OWNER = re.compile(r"^(?:[A-Z][\w-]*[^\S\n]+)*\w+['’]s[^\S\n]+")


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without a leading article, a possessive or trailing punctuation: "the Clean Air Act" -> "Clean Air
    Act", "Hong Kong's Hang Seng index" -> "Hang Seng index", "the A380's" -> "A380"; cut at a line break."""
    piece = text[start:end]
    opener = re.match(_OPENERS, piece) or _OWNER.match(piece)
    if opener and opener.end() < len(piece) and piece[opener.end() :] != "Day":  # "Women's Day" is the day's name
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


_NAME_GROUPS = ("name", "quoted", "plain", "journal", "coined", "pipeline", "craft", "described", "benchmark")
"""The groups a pattern may name its thing in, the first that matched giving the span."""


def find_things(text: str, language: str) -> list[ThingMention]:
    """Every thing the language's cues name in the text, longest first where two overlap, in text order."""
    if language not in LANGUAGES:
        return []
    candidates = [*_tickers(text), *_zones_after_clocks(text), *_disease_codes(text), *_storms(text, language)]
    candidates += _ships_own_names(text)
    for kind, patterns in _patterns(language).items():
        for pattern in patterns:
            for match in pattern.finditer(text):
                group = next(
                    (g for g in _NAME_GROUPS if g in pattern.groupindex and match.group(g)),
                    None,
                )
                start, end = match.span(group) if group else match.span()
                if group == "journal" and text[start:end].endswith(("'s", "’s")):
                    continue  # "published in X's journal": X owns it
                if group == "benchmark" and (is_demonym(text[start:end]) or is_country(text[start:end])):
                    continue  # "Saudi crude", "Iraq's crude": where the oil comes from
                if kind == "index" and "/" in text[start:end] and not set(text[start:end].split("/")) <= _CURRENCIES:
                    continue  # "ABC/XYZ" is a pair only of currencies
                start, end = trimmed(text, start, end) if group != "quoted" else (start, end - (text[end - 1] in ".,"))
                ordinal = re.match(r"\d+(?:st|nd|rd|th)[^\S\n]+(?=[A-Z])", text[start:end]) if kind == "event" else None
                start += ordinal.end() if ordinal else 0  # "his 19th Grand Slam title" (not "the 25th Amendment")
                if _calendar(text[start:end]):
                    continue  # "the vessel Monday", "published in March"
                named = group == "coined" or any(c.isupper() or c.isdigit() for c in text[start:end])  # not "the war"
                if end - start >= 2 and named:
                    candidates.append(ThingMention(start, end, kind))
                    if (
                        group in _NAMED_ONCE
                        or kind == "event"
                        or (group == "craft" and _OWN_CRAFT.search(text, 0, start))
                    ):
                        candidates += _other_uses(text, text[start:end], kind)
                    if kind == "index" and text[start:end].endswith((" index", " Index")):
                        # "the Hang Seng index", then "the Hang Seng slid": the bare name is the index too
                        candidates += _other_uses(text, text[start : end - len(" index")], kind)
    return without_overlaps(candidates)


_OWN_CRAFT = re.compile(r"(?:\b[Tt]he|['’]s)[^\S\n]+$")
"""A craft named as the one it is ("NASA's Juno spacecraft", "the Juno probe") is that craft at every use ("Juno's
instruments"); "a SpaceX spacecraft" names the maker."""
_NAMED_ONCE = frozenset({"coined", "pipeline", "described"})
"""Cues an article gives once ("the X pipeline", "x-tool, a free program", "X is a safety system"), then writes the
bare name: those names are the thing at every use ("X's backers", "x-tool was blocked"). So is an event's name,
however it is written again ("on Super Tuesday", then "the Super Tuesday results")."""


def _other_uses(text: str, name: str, kind: ThingKind) -> list[ThingMention]:
    """Every place the text writes the name as a whole word, as the thing."""
    written = re.escape(name)
    return [ThingMention(m.start(), m.end(), kind) for m in re.finditer(rf"(?<![\w-]){written}(?![\w-])", text)]


def _calendar(name: str) -> bool:
    return bool(name) and all(w.casefold().strip(".,") in MONTH_NAMES | WEEKDAY_NAMES for w in name.split())


_STORMS = {
    "en": r"\b(?P<name>(?:Super[^\S\n]+Typhoon|Tropical[^\S\n]+(?:Storm|Cyclone|Depression)|Hurricane|Typhoon|Cyclone|Storm)"
    r"[^\S\n]+[A-ZÀ-ÖØ-Þ][\w'’-]+)\b(?![^\S\n]+[A-Z])",
    "fr": r"\b(?:[Tt]empête|[Oo]uragan|[Cc]yclone|[Tt]yphon|[Dd]épression)(?:[^\S\n]+tropicale)?[^\S\n]+"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+)\b(?![^\S\n]+[A-Z])",
    "es": r"\b(?:[Hh]uracán|[Tt]ormenta(?:[^\S\n]+tropical)?|[Tt]ifón|[Cc]iclón|[Bb]orrasca|[Dd]epresión[^\S\n]+tropical)"
    r"[^\S\n]+(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+)\b(?![^\S\n]+[A-Z])",
    "de": r"\b(?:Sturmtief|Orkantief|Orkan|Sturm|Hurrikan|Taifun|Zyklon|Tief)[^\S\n]+[„\"“»]?"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+)(?![\w-])(?![^\S\n]+[A-Z])",
}
"""A named storm ("Hurricane Dorian", "la tempête Ciarán", "el huracán Milton", "Sturmtief Ciarán"): an event with no
place of its own, as the annotation guide has it, not a person or an organization (not inside a longer name: "the National
Hurricane Center"). English writes the storm word as
part of the name; the other languages write it as a common noun before the name."""
_WEATHER = re.compile(
    r"\b(?:winds?|gusts?|rain\w*|flood\w*|landfall|storm\w*|weather|forecast\w*|meteorolog\w*|evacuat\w*|"
    r"vents?|rafales?|pluies?|inondations?|intempéries|météo\w*|vientos?|rachas?|lluvias?|inundaci\w*|temporal|"
    r"Wind\w*|Böen|Regen\w*|Überschwemmung\w*|Hochwasser|Unwetter|Sturm\w*)\b|km/h|mph",
    re.I,
)
"""Words of weather in the four languages: a storm's name stands in a sentence that holds one ("Storm Shadow
missiles" does not)."""
_STORM_WORDS = re.compile(
    r"hurricane|typhoon|cyclone|ouragan|typhon|huracán|tifón|ciclón|Hurrikan|Taifun|Zyklon|Orkan", re.I
)
"""Storm words that name nothing but a storm: they need no other word of weather ("Storm" and "Tief" do)."""


_ARTICLES = r"The|A|An|This|Le|La|Les|L['’]|Un|Une|Cette|El|Los|Las|Un|Una|Esta|Der|Die|Das|Den|Dem|Des|Ein|Eine|Einen"


def _storms(text: str, language: str) -> list[ThingMention]:
    """Named storms at every use, when one of the sentences naming the storm speaks of weather."""
    if language not in _STORMS:
        return []
    found: dict[str, list[ThingMention]] = {}
    windy: set[str] = set()
    for sentence in _SENTENCE.finditer(text):
        for match in re.finditer(_STORMS[language], sentence.group()):
            before = re.search(r"([A-ZÀ-ÖØ-Þ][\w'’.-]*)[^\S\n]+$", sentence.group()[: match.start()])
            if before and re.fullmatch(_ARTICLES, before.group(1)) is None:
                continue  # "the National Hurricane Center": a body whose name holds a storm word
            at = sentence.start() + match.start("name")
            found.setdefault(match.group("name"), []).append(ThingMention(at, at + len(match.group("name")), "event"))
            rest = sentence.group()[: match.start()] + " " + sentence.group()[match.end() :]
            if _WEATHER.search(rest) or _STORM_WORDS.search(match.group()):
                windy.add(match.group("name"))
    storms = [thing for name, things in found.items() if name in windy for thing in things]
    if language == "en":  # "Hurricane Dorian", then "Dorian strengthened": the storm's own name is the storm too
        given = {name.split()[-1] for name in found if name in windy}
        storms += [m for name in given for m in _other_uses(text, name, "event")]
    return storms


def _ships_own_names(text: str) -> list[ThingMention]:
    """A ship named once with its prefix ("the U.S.S. Grayback") is the ship at every use of its own name ("the
    Grayback's wreck"), unless that is a person's name the ship was named for ("MV Alan Kurdi")."""
    own = {re.sub(r"^\S+[^\S\n]+", "", m.group("name")) for m in re.finditer(_SHIP_PREFIXED, text)}
    named = [name for name in own if len(name) > 2 and not personal_name(name)]
    return [m for name in named for m in _other_uses(text, name, "product")]


def _disease_codes(text: str) -> list[ThingMention]:
    """Disease codes ("<LETTERS>-<number>", "H<n>N<n>") and acronyms ("SARS") the article writes, at every place, when one of the
    sentences naming the code, or another code of its family ("SARS", "SARS-CoV"), speaks of illness ("the spread of
    X-19", then "cancelled because of X-19")."""
    found: dict[str, list[ThingMention]] = {}
    ill: set[str] = set()
    for sentence in _SENTENCE.finditer(text):
        for match in re.finditer(rf"{_DISEASE_CODE}|{_DISEASE_ACRONYMS}", sentence.group()):
            at = sentence.start() + match.start()
            found.setdefault(match.group(), []).append(ThingMention(at, at + len(match.group()), "disease"))
            if _HEALTH.search(sentence.group()):
                ill.add(match.group())
    families = {code.split("-")[0] for code in ill}  # "SARS" is ill, so is "SARS-CoV" where no sentence says so
    return [thing for code, things in found.items() if code.split("-")[0] in families for thing in things]


MEASURE = re.compile(
    r"\b(?:magnitudes?|magnitud|Stärke|Richter)\b[^\S\n]*(?:of[^\S\n]+|de[^\S\n]+|von[^\S\n]+)?\d"
    r"|\d[\d.,]*[^\S\n]*-?(?:magnitude|magnitud)\b",
    re.I,
)
"""An earthquake's size written like a name ("Magnitude 6.3", "magnitud 7,1", "Stärke 5,8"): a measure, not a name."""
_SKY = {
    "en": r"constellations?|planet|exoplanet|dwarf[^\S\n]+planet|galaxy|comet|asteroid|moon|nebula",
    "fr": r"constellation|planète|exoplanète|galaxie|comète|astéroïde|nébuleuse",
    "es": r"constelación|planeta|exoplaneta|galaxia|cometa|asteroide|nebulosa",
    "de": r"Sternbild|Sternbilds|Sternbildes|Planet|Planeten|Exoplanet|Galaxie|Komet|Kometen|Asteroid|Asteroiden",
}
"""Head nouns of a body in the sky ("the constellation X", "la comète X", "das Sternbild X"): neither an actor nor a
place where news happens. Not "star" or "estrella" (a celebrity), nor "Stern" (a magazine)."""


def sky_names(text: str, language: str) -> list[tuple[int, int]]:
    """Names written after a noun for a body in the sky ("a star in the constellation X", "the comet X")."""
    if language not in _SKY:
        return []
    found = []
    for match in re.finditer(
        rf"\b(?:{_SKY[language]})(?:[^\S\n]+(?:of|de|del|de[^\S\n]+la)\b)?[^\S\n]+(?P<name>{_PLAIN})", text
    ):
        start, end = trimmed(text, *match.span("name"))
        if end > start and not _calendar(text[start:end]):
            found.append((start, end))
    return found


def without_overlaps(candidates: list[ThingMention]) -> list[ThingMention]:
    kept: list[ThingMention] = []
    for thing in sorted(candidates, key=lambda t: (-(t.end - t.start), t.start)):
        if all(thing.end <= other.start or other.end <= thing.start for other in kept):
            kept.append(thing)
    return sorted(kept, key=lambda t: t.start)
