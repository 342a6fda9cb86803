"""Word cues that correct the kind of a name the small model filed in the wrong list.

A 1.5B model copying names tends to put them in whichever list it is writing
("LA Weekly" as a place, "Microsoft" as a person). A name's own words often
say what it is: "... Council", "... University" are organizations, "... Hall",
"... Stadium" are sites, "Dr ...", "Ambassador ..." are people; and a name
the article often writes after "in" or "near" is a place. Only these
cues override the model; without one its choice stands.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from summarizer.rules.name_forms import GERMAN_HEAD, ORGANIZATION_HEADS
from summarizer.rules.places import (
    country_mentions,
    is_capital_or_division,
    is_country,
    is_territory,
    listed_as_places,
)
from summarizer.rules.times import MONTH_NAMES, WEEKDAY_NAMES

LANGUAGES = frozenset({"en"})
"""English kind words ("Council", "Stadium", "Mr") and "in X" / "the X" patterns: English text only."""

Cue = Literal["person", "organization", "site", "city"]

ORGANIZATION_WORDS = {
    "agency", "association", "assembly", "authority", "bank", "board", "bureau", "church", "club", "college",
    "commission", "committee", "company", "conference", "congress", "corporation", "corp", "council", "court",
    "department", "division", "federation", "force", "forces", "foundation", "fund", "government", "group",
    "inc", "institute", "league", "ltd", "ministry", "movement", "news", "office", "organisation",
    "organization", "parliament", "senate", "party", "police", "press", "service", "sheriff", "society", "team",
    "labs", "laboratories", "systems", "industries", "airlines", "airways", "motors", "holdings", "networks",
    "technologies", "pharmaceuticals", "aerospace", "studios", "entertainment", "media", "telecom", "tech",
    "times", "tribunal", "union", "university", "weekly", "bulletin", "herald", "gazette", "tribune", "chronicle",
    "partners", "associates", "ventures", "courts", "directorate", "faculty", "secretariat", "inspectorate",
    "biotech", "pharma", "pharmaceutical", "lifesciences", "electronics", "chemicals", "foods", "logistics",
    "shipping", "mining", "petroleum", "energy", "software", "semiconductor", "semiconductors", "insurance",
    "securities", "investments", "properties", "realty", "construction", "engineering", "healthcare", "brewery",
    "motor", "services", "solutions", "enterprises", "resources", "consulting", "consultants", "brands", "bancorp",
    "financial", "charity", "corps", "railway", "railways", "railroad", "administration", "chamber",
    # legislatures by their own names: "the Lok Sabha", "the Knesset voted", "the State Duma"
    "sabha", "duma", "knesset", "sejm", "majlis", "storting", "riksdag", "folketing", "althing", "oireachtas", "dáil",
    "seanad", "eduskunta", "saeima", "seimas", "riigikogu", "sangsad", "sansad", "bundestag",
    "bundesrat", "nationalrat", "landtag", "jirga", "shura", "khural",
}  # fmt: skip
LEGAL_FORMS = {
    "gmbh", "ag", "kft", "zrt", "nyrt", "plc", "llc", "llp", "pty", "sa", "sas", "sarl", "srl", "spa", "nv", "bv",
    "oy", "oyj", "ab", "asa", "kk", "bhd", "pte",
}  # fmt: skip
"""Company legal forms written last in a firm's name ("... GmbH", "... Kft.", "... plc"): never a person or place."""
_WEBSITE = re.compile(r"[A-Za-z0-9-]+\.(?:com|org|net|[a-z]{2})")
"""A name written as a web address ("Portfolio.hu", "Amazon.com"): a website, run by an organization."""
SITE_WORDS = {
    "airport", "arena", "avenue", "boulevard", "bridge", "building", "cathedral", "centre", "center", "hall", "headquarters",
    "hospital", "house", "mall", "memorial", "museum", "palace", "park", "plaza", "prison", "road", "square", "stadium",
    "station", "street", "temple", "terminal", "tower", "towers", "monument", "base", "basilica", "mosque",
    "synagogue", "chapel", "abbey", "castle", "canal", "gardens", "zoo", "pier", "wharf", "quay",
    "racecourse", "velodrome", "cemetery", "lighthouse", "tunnel", "dam", "motorway", "highway", "expressway",
}  # fmt: skip
SQUARE_HEADS = {"piazza", "piazzale", "plaza", "praça", "plaça", "rue", "avenida", "calle", "paseo"}
"""First words of a square's or a street's name in the language of its city ("Piazzale Roma", "Plaza de Mayo",
"Rue de Rivoli"); French "Place" too, before "de" ("Place de la République")."""
CLUB_FIRST = {
    "real",
    "atlético",
    "atletico",
    "sporting",
    "olympique",
    "dynamo",
    "dinamo",
    "borussia",
    "fc",
    "ac",
    "inter",
}
CLUB_LAST = {"united", "rovers", "wanderers", "athletic", "albion", "hotspur", "fc", "afc", "cf", "sc"}
"""Words that open or end a sports club's name ("Real Betis", "Atlético Madrid", "Leeds United", "Blackburn Rovers"):
a club, whatever place it is named after."""
_SITES_OR_BODIES = {"center", "centre"}
"""Site words that also end an agency's name ("National Hurricane Center" warns; "Kessel Medical Center" is where
patients go): how the article uses the name decides."""


def site_or_body(name: str) -> bool:
    """A name ending in a word that names a site or a body (``_SITES_OR_BODIES``)."""
    words = _WORD.findall(name)
    return bool(words) and words[-1].casefold() in _SITES_OR_BODIES


PERSON_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "dame", "president", "minister", "ambassador",
    "senator", "governor", "mayor", "judge", "justice", "king", "queen", "prince", "princess", "pope",
    "general", "gen", "colonel", "captain", "coach", "secretary", "chancellor", "sheikh", "rev", "father",
    "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "lieutenant", "sergeant", "admiral",
    "ceo", "cfo", "mp", "premier", "honorable", "honourable",
    "sheriff", "detective", "inspector", "constable", "superintendent", "commissioner", "marshal", "corporal",
    "bishop", "archbishop", "rabbi", "imam", "pastor", "reverend",
    "representative", "rep", "congressman", "congresswoman", "councillor", "councilman", "councilwoman", "alderman",
    "lord", "baroness", "baron", "speaker",
}  # fmt: skip
ROLE_WORDS = {
    "ceo", "cfo", "coo", "chairman", "chairwoman", "chair", "president", "spokesman", "spokeswoman",
    "spokesperson", "founder", "co-founder", "director", "chief", "executive", "analyst", "official", "officials",
}  # fmt: skip
"""A person's role written after an organization's name ("Apple Computer CEO"): the name before it is the org."""
_POSTS = {"manager", "director"}
"""Posts that are no title before a name alone but make a body's officer of the name after them ("Divisional
Railway Manager Ann Lee")."""
PLACE_HEADS = {"city", "county", "province", "district", "township", "island", "islands", "bay", "river", "valley"}
"""Last words of a place's name that a title-like first word does not make a person's: "General Santos City"."""
NATURE_HEADS = {
    "river", "lake", "sea", "ocean", "gulf", "bay", "strait", "straits", "peninsula", "island", "islands", "mountain",
    "mountains", "volcano", "desert", "glacier", "delta", "valley", "canyon", "coast", "plateau", "basin", "creek",
    "reef", "lagoon", "archipelago", "falls", "estuary", "fjord", "firth", "inlet", "cove",
}  # fmt: skip
"""Last words of a natural feature's name, capitalised or not ("the Reno river", "Lake Volta" aside): a place however
the name acts ("the Reno river burst its banks"). Two words at least: "Delta" alone is an airline."""
DIVISION_HEADS = {"oblast", "province", "prefecture", "governorate", "krai", "voivodeship", "canton", "county"}
"""Last words of a country's division ("Varna Oblast", "Orlin County"): a region, whatever it does, as the annotation
guide files a region that acts; a body's word before them ("Paris Police Prefecture") makes the body."""
PLACE_PREFIXES = ("municipality of", "city of", "town of", "village of", "province of", "county of", "district of")
_WORD = re.compile(r"[^\W\d_]+")


_LOCATIVE = (
    r"(?:in|near|across|downtown|throughout|outside|(?:on\s+)?the\s+outskirts\s+of|suburbs?\s+of|"
    r"(?:north|south|east|west)(?:east|west)?\s+of)\s+(?:the\s+)?"
)


_DASH = r"(?:\u2014|\u2013|\u2015|--)"


def datelines(name: str, text: str) -> int:
    """How many lines the name opens as a dateline ("WASHINGTON —", "HOUSTON, Tex. --", and in capitals with a plain
    hyphen: "OSLO, March 3 (Reuters) -"): where it was filed."""
    escaped = re.escape(name.strip())
    dash = rf"(?:{_DASH}|-(?=[ \t]))" if name.strip().isupper() else _DASH
    return len(re.findall(rf"(?m)^[ \t]*{escaped}(?:,[^\n\u2014\u2013\u2015]{{1,30}}?)?\s*{dash}", text))


CONNECTIVES = "and|or|but|on|in|at|to|for|from|with|by|of|where|when|while|after|before|since|is|was|has|had|said|says"
"""Connectives and verbs that may follow a name without it qualifying the word after ("Taipei, Taiwan and Seoul")."""
_DESCRIBES = re.compile(rf"[ \t]+(?!(?:{CONNECTIVES})\b)[a-z]")
"""A lower-case word right after a country that is no connective or verb qualifies a noun ("X, US sport columnist"):
the country describes, it does not say where ("Taipei, Taiwan and Seoul" still does)."""

PLACE_SHARE = 1 / 3
"""A name written as a place a third of the time is a place: "in Bamako" once, "Bamako's mayor" twice."""

_WORK_NOUNS = r"(?:film|movie|album|record|book|novel|song|series|show|play|musical|documentary|sitcom|comedy|drama)s?"
"""What a person's name can qualify as its maker or star ("the Ann Lee film", "a Tom Varne album")."""


def written_as_place(name: str, text: str, *, possessives: bool = True) -> bool:
    """True when at least a third of the article's uses of the name read as a place.

    "in X", "X, Taiwan", a name listed after a plural place noun ("the towns of X, Y and Z"), and a dateline opening a line ("WASHINGTON —",
    "HOUSTON, Tex. —"): where the story was filed is a place, never a who. Without ``possessives`` (for a person's
    name), "in X's" is no place use.
    """
    if name.strip().casefold() in MONTH_NAMES | WEEKDAY_NAMES:
        return False  # "in February" is a time
    escaped = re.escape(name.strip())
    uses = len(re.findall(rf"(?<!\w){escaped}(?!\w)", text))
    owned = r"|['’]s\b" if not possessives else ""  # "in Ann Lee's film" is inside what she owns, not in her
    # "in the Ann Lee film": what one is in is the work she made or stars in
    made = rf"(?!\w{owned}|[ \t]+{_WORK_NOUNS}\b(?![ \t]+festival))"
    located = sum(not _held(text, m.start()) for m in re.finditer(rf"(?i:\b{_LOCATIVE}){escaped}{made}", text))
    # "in Punjab and Haryana": the second of two names after a locative is set there too
    paired = rf"(?i:\b{_LOCATIVE})[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){{0,2}}[ \t]+and[ \t]+{escaped}(?!\w)"
    located += sum(not _held(text, m.start()) for m in re.finditer(paired, text))
    located += sum(
        start <= m.start() < end
        for m in re.finditer(rf"(?<!\w){escaped}(?!\w)", text)
        for start, end in _located_lists(text)
    )
    located += datelines(name, text)
    located += _journeys(escaped, text)  # "airlifted from Omsk to Berlin"
    listed = listed_as_places(text)  # "the towns of A, B and C"
    located += sum(
        any(s <= m.start() and m.end() <= e for s, e in listed) for m in re.finditer(rf"(?<!\w){escaped}(?!\w)", text)
    )
    # "Taipei, Taiwan", not "X, US sport columnist" (a nationality describing the noun after it)
    countries = {mention.start for mention in country_mentions(text) if not _DESCRIBES.match(text, mention.end)}
    located += sum(m.end() in countries for m in re.finditer(rf"(?<!\w){escaped},\s+", text))
    return located > 0 and located >= PLACE_SHARE * uses


_LIST_NAME = r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}"
_LOCATED_LIST = re.compile(
    rf"(?i:\b{_LOCATIVE})(?P<list>{_LIST_NAME}(?:,[ \t]+{_LIST_NAME})+,?[ \t]+(?:and|or)[ \t]+{_LIST_NAME})"
    r"(?=[,.;:)]|[ \t]+(?:to|on|where|after|before|from|at|for|with|when|while|since|in|last|this)\b)"
)
"""Three names or more listed after a locative and closed where a phrase or a clause ends ("libraries in A, B and C
to save money", "floods across A, B and C."): every one is a place, as "in A and B" sets both. Not "In Paris, Ann
Lee and Tom Hale met": the verb after the list makes its names its subjects."""


@lru_cache(maxsize=16)
def _located_lists(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span("list") for m in _LOCATED_LIST.finditer(text))


_OTHER_END = r"(?:the[ \t]+)?(?P<other>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})"


def _journeys(escaped: str, text: str) -> int:
    """Uses of the name at one end of a journey whose other end is a country, a capital or a state ("airlifted from
    Omsk to Berlin", "flights from Paris to Varna"): a place, as the other end is."""
    ends = (
        rf"\bfrom[ \t]+(?:the[ \t]+)?{escaped}[ \t]+to[ \t]+{_OTHER_END}",
        rf"\bfrom[ \t]+{_OTHER_END}[ \t]+to[ \t]+(?:the[ \t]+)?{escaped}(?!\w)",
    )
    return sum(
        is_country(m.group("other")) or is_capital_or_division(m.group("other"))
        for end in ends
        for m in re.finditer(end, text)
    )


_WRITINGS = r"(?:report|article|interview|story|column|editorial|op-ed|piece|post|blog|review|survey|poll)"


def published_in(name: str, text: str) -> bool:
    """True when the article cites something written in the name: "an April 2nd report in Ars Technica" (a
    publication, not a place)."""
    escaped = re.escape(name.strip())
    return re.search(rf"\b{_WRITINGS}s?\s+(?:published\s+)?in\s+(?:the\s+)?{escaped}(?!\w)", text, re.I) is not None


def titled(text: str, start: int) -> bool:
    """True when a person's title is written right before the name: "Spokeswoman Sandy Angers", "analyst Tomas Berg"."""
    before = re.search(r"([^\W\d_]+)\.?\s+$", text[max(0, start - 30) : start])
    return before is not None and before.group(1).casefold() in PERSON_TITLES | {"analyst"}


_CAPITALS = re.compile(r"[A-Z][A-Z&.-]*[A-Z]\.?")


def written_in_capitals(name: str) -> bool:
    """A name written in capitals only ("AT&T", "ANA", "U.N."): an organization's or a place's, never a person's."""
    return _CAPITALS.fullmatch(name) is not None


def kind_cue(name: str) -> Cue | None:
    """What the name's own words say it is, or None when they do not say."""
    words = [w.casefold() for w in _WORD.findall(name)]
    if not words:
        return None
    if words[-1] == "house" and (len(words) == 1 or is_country(" ".join(name.split()[:-1]))):
        return "organization"  # "the House voted", "the U.S. House": a chamber, no building is named so
    if len(words) > 2 and words[0] == "house" and words[1] == "of":
        return "organization"  # "the House of Representatives", "the House of Lords": a chamber of its members
    if len(words) > 1 and (words[0] in CLUB_FIRST or words[-1] in CLUB_LAST):
        return "organization"  # "Atlético Madrid", "Leeds United"
    if words[-1] in SITE_WORDS:
        return "site"
    square = words[0] in SQUARE_HEADS or (words[0] == "place" and words[1:2] in (["de"], ["du"], ["des"], ["d"]))
    if len(words) > 1 and square and not set(words) & (ORGANIZATION_WORDS | LEGAL_FORMS):
        return "site"  # "Piazzale Roma", not "Plaza Group"
    if " ".join(words).startswith(PLACE_PREFIXES):
        return "city"
    if words[0] in PERSON_TITLES and "of" in words[1:]:
        return "person"  # "Chairman of Kestrel Airways", "Minister of Finance": someone's role, not the body
    titled = [
        i
        for i, w in enumerate(words[1:-1], 1)
        if w in PERSON_TITLES or (w in _POSTS and len(words) - i > 2)  # a post and a whole name after it
    ]
    # not "Directorate General of Civil Aviation": a body that opens its own name, the title qualifying it
    body_general = bool(titled) and words[0] in ORGANIZATION_WORDS and words[titled[0] + 1] == "of"
    if titled and words[-1] not in ORGANIZATION_WORDS | LEGAL_FORMS and not body_general:
        return "person"  # "Senate President Ana Ruiz", "Party Chairman Li Wei": a body's officer, named last
    bodily = [w for i, w in enumerate(words) if w in ORGANIZATION_WORDS and not (i == 0 and w in PERSON_TITLES)]
    if bodily or words[-1] in LEGAL_FORMS or _WEBSITE.fullmatch(name.strip()):  # not "Sheriff Lee": a title first
        return "organization"
    if _foreign_body(words):
        return "organization"
    if len(words) > 1 and words[-1] in NATURE_HEADS | DIVISION_HEADS:
        return "city"  # where, whatever it does: "the Reno river burst its banks", "Varna Oblast funded the prize"
    if len(words) > 1 and (words[0] in _NATURE_FIRST or (words[0] in NATURE_HEADS and words[1] == "of")):
        return "city"  # "Lake Victoria", "Mount Kenya", "the Strait of Hormuz", "the Gulf of Mexico"
    if words[0] in PERSON_TITLES and len(words) > 1 and words[-1] not in PLACE_HEADS:
        return "person"
    return None


_NATURE_FIRST = {"lake", "mount", "isle", "strait", "fjord", "glacier"}
"""Heads of a natural feature written before its name ("Lake Victoria", "Mount Kenya"); not "Gulf", "Delta", "Ocean",
"Coast" or "River" alone, which open airlines', firms' and clubs' names too ("Gulf Air", "Delta Air Lines", "River
Plate"), only with "of" after them ("the Gulf of Mexico")."""
_FOREIGN_HEADS = ORGANIZATION_HEADS["es"] | ORGANIZATION_HEADS["fr"]
_SURNAME_HEADS = {"bank", "rat", "amt"}
"""German heads that also end English or Turkish names ("Eubank", "Murat", "Surat"): not read in an English text."""


def _foreign_body(words: list[str]) -> bool:
    """A body's name in the language it has at home, quoted in an English text: a Spanish or French head first
    ("Tribunal Supremo", "Cour de cassation"), a German head or a compound ending in one ("Oberster Gerichtshof",
    "Landgericht Berlin", "Bundesministerium der Finanzen")."""
    heads = (GERMAN_HEAD.search(word) for word in words)
    german = any(head is not None and head.group().casefold() not in _SURNAME_HEADS for head in heads)
    return (len(words) > 1 and words[0] in _FOREIGN_HEADS) or german


_COMPASS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
    "northwest", "southeast", "southwest", "upper", "lower", "greater", "new", "old", "great", "little",
}  # fmt: skip


def national_arm(name: str, text: str) -> bool:
    """A firm's arm in one country, named by the firm and the country ("Kestrel USA", "Varno Canada"), or the firm
    itself, when the article also writes the firm without the country: no place. A place named with a country's name
    ("Latin America", "South Sudan", "New Mexico") is never written as its first words alone."""
    words = name.split()
    if is_country(name) or is_capital_or_division(name) or is_territory(name) or not words:
        return False
    if words[0].casefold() in _COMPASS:
        return False
    firm = next(
        (" ".join(words[:cut]) for cut in range(len(words) - 1, 0, -1) if is_country(" ".join(words[cut:]))), None
    )
    if firm is None:  # the firm's own name: is it written with a country after it too?
        arm = re.search(rf"(?<![\w-]){re.escape(name)}[ \t]+((?:[A-Z][\w.]*[ \t]?){{1,2}})", text)
        country = arm.group(1).strip() if arm else ""
        if not arm or not (is_country(country) or is_country(country.split()[0])):
            return False
        firm = name
    if is_country(firm) or is_capital_or_division(firm) or is_territory(firm):
        return False  # "Georgia USA", "Puerto Rico USA": a place and its country
    return re.search(rf"(?<![\w-]){re.escape(firm)}(?![\w-])(?![ \t]+[A-Z])", text) is not None


def set_in(name: str, text: str) -> bool:
    """Written as the place where something happens: "in Kati,", "near Bamako." (not "in the World Cup", "in September")."""
    if name.casefold() in MONTH_NAMES or name.startswith("The "):
        return False
    follow = r"(?=[,.;:)]|\s+(?:and|on|where|after|before|to|from|at|for|with|when|while|since)\b|\s*$)"
    found = re.finditer(rf"\b(?:in|near)\s+{re.escape(name)}{follow}", text)
    return any(not _held(text, m.start()) for m in found)


_HOLDINGS = {"share", "shares", "stake", "stakes", "interest", "investment", "investments", "holding", "holdings"}
_FIELD_HONOURS = {"prize", "prizes", "award", "awards", "medal", "degree", "degrees", "doctorate", "phd", "diploma"}
"""What is won or earned in a field of study: "the Nobel Prize in Physics", "a degree in Economics" (no place)."""


def _held(text: str, at: int) -> bool:
    """True when "in X" at ``at`` follows what is owned ("a 25 percent share in Aer Lingus": a company, not a place)
    or what is won or earned in a field ("the Prize in Physics")."""
    before = re.search(r"([^\W\d_]+)\s+$", text[max(0, at - 20) : at])
    return before is not None and before.group(1).casefold() in _HOLDINGS | _FIELD_HONOURS


PRODUCT_NOUNS = {
    "computer", "computers", "laptop", "laptops", "notebook", "notebooks", "desktop", "desktops", "phone", "phones",
    "smartphone", "smartphones", "handset", "handsets", "tablet", "tablets", "device", "devices", "player", "players",
    "console", "consoles", "software", "browser", "app", "apps", "operating", "os", "version", "versions", "update",
    "processor", "processors", "chip", "chips", "aircraft", "airliner", "airliners", "jet", "jets", "plane", "planes",
    "jumbo", "freighter", "freighters", "engine", "engines", "model", "models", "car", "cars", "line", "lineup",
}  # fmt: skip
"""Nouns that follow a product's name ("Mac computers", "A380 airliner"), not an organization's."""
_PRODUCT_BEFORE = r"(?:the\s+new|a\s+new|new|version\s+of|(?:an?|the|its|their)\s+\d+\s*GB)"
_PRODUCT_VERB_BEFORE = r"(?:launch(?:ed|es)?|releas(?:ed|es)?|unveil(?:ed|s)?)(?:\s+(?:the|a|its))?"
"""A person can be released or launched into a career; a name after these verbs is a product unless it is a person's."""
CURRENCY_CODES = {"USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "CNY", "INR", "RUB", "BRL", "HKD", "SGD", "KRW"}


def uses_of(name: str, text: str) -> list[tuple[int, int]]:
    """Where the article writes the name, as whole words, plural included ("Dreamliners")."""
    escaped = re.escape(name.strip())
    return [m.span() for m in re.finditer(rf"(?<!\w){escaped}(?:e?s)?(?!\w)", text)] if name.strip() else []


def product_words_around(text: str, start: int, end: int, person: bool = False) -> bool:
    """The words next to one use read as a product's: "Mac computers", "the new iPod", "launched the X" (unless
    ``person``: "released Maria Lopez")."""
    after = re.match(r"[\s-]+([A-Za-z]+)", text[end:])
    before = text[max(0, start - 30) : start]
    cues = _PRODUCT_BEFORE if person else f"(?:{_PRODUCT_BEFORE}|{_PRODUCT_VERB_BEFORE})"
    return bool(after and after.group(1).casefold() in PRODUCT_NOUNS) or bool(re.search(rf"\b{cues}\s+$", before, re.I))


def opens_with_the(name: str) -> bool:
    """A name that opens with "The" ("The Verge", "The Harbour Kings"): a title, a band or a body, no person's."""
    return re.match(r"The\s+[A-Z]", name) is not None


def written_with_article(name: str, text: str) -> bool:
    """True when the article writes "the X" for most uses: a band, a company or a body, not a person's name."""
    escaped = re.escape(name.strip())
    uses = len(re.findall(rf"(?<!\w){escaped}(?!\w)", text))
    # "the Ann Lee film" is the article of the film she made or stars in, not of her name
    with_article = len(re.findall(rf"\b[Tt]he\s+{escaped}(?!\w|[ \t]+{_WORK_NOUNS}\b)", text))
    return uses > 0 and with_article * 2 > uses


def longer_name(name: str, text: str) -> str | None:
    """The longer name every use of ``name`` opens, when there is one: "Utah" written only in "the Utah Jazz" (a club),
    "Harbin" only in "Harbin Electric" (a company) names no place of the story.

    A title after the name ("Utah Governor ...") or a time ("in Paris Monday") does not make a longer name.
    """
    escaped = re.escape(name.strip())
    uses = re.findall(rf"(?<![\w-]){escaped}(?:\s+([A-Z][\w-]+))?", text)
    if not uses or not all(uses) or len(set(uses)) != 1:
        return None
    follower = uses[0].casefold()
    if follower in PERSON_TITLES | PLACE_HEADS | MONTH_NAMES | WEEKDAY_NAMES:
        return None
    return f"{name.strip()} {uses[0]}"
