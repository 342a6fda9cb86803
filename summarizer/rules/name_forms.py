"""What a French, Spanish or German name's own form says of it: no name at all, an organization, a person's apposition.

The small model copies phrases into its name lists that are no names ("Los
mercados", "Les marchés", "de todo el mundo", "in aller Welt"), and files
bodies and people as places ("Banco de Canadá", a minister as a city). The
languages' grammar says what they are:

- a determiner followed by lowercase words only, a phrase with no capital
  at all, or one opening with a lowercase word that is no name particle (a
  preposition: "de todo el mundo", "in aller Welt") names no one;
- a name whose first noun is the language's word for a kind of body
  ("Banco", "Banque", "Bank", "Ministerio", "Ministère", "...ministerium",
  "Bolsa", "Comisión") is an organization;
- a name right after a role noun ("la analista Marta Ibáñez") or after a
  role's phrase and its comma ("el ministro de Finanzas, Kenji Morita") is
  a person's; which words are roles is the language's (rules/classifiers.py,
  nlp/german.py).

General vocabulary and grammar only, never names from any article.
"""

from __future__ import annotations

import re

LANGUAGES = frozenset({"es", "fr", "de"})


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


DETERMINERS: dict[str, frozenset[str]] = {
    "es": _set("el la los las lo un una unos unas este esta estos estas ese esa esos esas su sus"),
    "fr": _set("le la les l un une des ce cet cette ces son sa ses leur leurs"),
    "de": _set("der die das den dem des ein eine einen einem einer eines diese dieser dieses"),
}
"""Articles, demonstratives and possessives: a phrase they open is a noun phrase, named only by capitals after it."""
PLURAL_DETERMINERS: dict[str, frozenset[str]] = {
    "es": _set("los las unos unas estos estas esos esas aquellos aquellas sus"),
    "fr": _set("les des ces ses leurs"),
    "de": _set(""),
}
"""The plural articles, demonstratives and possessives: with common nouns only they name a class ("Los mercados")."""
NAME_PARTICLES = _set("de del della di da do dos das du des van von zu zur vom ten ter den der le la al el bin")
"""Lowercase words a person's or place's name may open with ("de Guindos", "von der Leyen", "van Gogh")."""

PREPOSITIONS: dict[str, frozenset[str]] = {
    "es": _set("a ante bajo con contra de del desde durante en entre hacia hasta para por según sin sobre tras"),
    "fr": _set(
        "à au aux avec chez contre dans de depuis des du en entre malgré par parmi pour sans selon sous sur vers"
    ),
    "de": _set("in im an am auf aus bei beim mit nach seit von vom zu zum zur über unter vor für gegen ohne um durch"),
}
"""A lowercase preposition opening a phrase makes it an adverbial ("in aller Welt"), unless it is a name particle
that a capitalised name follows ("von der Leyen")."""

ORGANIZATION_HEADS: dict[str, frozenset[str]] = {
    "es": _set(
        "banco bolsa ministerio comisión consejo tribunal corte universidad partido agencia fondo instituto "
        "asociación federación sindicato gobierno ayuntamiento policía ejército cámara parlamento senado congreso "
        "asamblea organización oficina autoridad servicio secretaría grupo compañía sociedad empresa fundación "
        "junta reserva"
    ),
    "fr": _set(
        "banque bourse ministère commission conseil tribunal cour université parti agence fonds institut "
        "association fédération syndicat gouvernement mairie police armée chambre parlement sénat assemblée "
        "organisation office autorité service secrétariat groupe compagnie société entreprise fondation réserve"
    ),
}
"""Nouns that open an organization's name in Spanish and French ("Banco de Canadá", "Ministère des Finances").
Not "Estado", "Comunidad", "Departamento", "Provincia", "Ciudad": those open the names of places too."""
GERMAN_HEAD = re.compile(
    r"(?:bank|börse|ministerium|kommission|rat|gericht|gerichtshof|universität|partei|agentur|fonds|institut|"
    r"verband|gewerkschaft|regierung|polizei|armee|parlament|senat|behörde|amt|gruppe|konzern|stiftung|aufsicht)$",
    re.IGNORECASE,
)
"""The head of a German organization's name, alone or as a compound's end: "Bank von England", "Bundesministerium
der Finanzen", "Zentralbank". German nouns end their compounds in their head, so "Finanzministerium" counts too."""

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\w.,]*")
_LOWER = r"[a-zà-öø-ÿ][\w'’-]*"
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_OF = r"(?:de|del|de[^\S\n]+la|des|du|d['’]|der|des|für)"
_ROLE_PHRASE = re.compile(
    rf"([^\W\d_][\w'’-]*)(?:[^\S\n]+{_LOWER})?(?:[^\S\n]+{_OF}[^\S\n]*{_CAPITALISED}(?:[^\S\n]+{_CAPITALISED}){{0,2}})?"
    rf"(?:[^\S\n]+{_LOWER})?[^\S\n]*,[^\S\n]*$"
)
"""A role's phrase and its comma right before a name: the role, an adjective, what it is the role of, an adjective
("ministro de Finanzas japonés, ", "ministre japonais des Finances, ", "Finanzminister, "); "visitó Lyon, " is no
such phrase (a capitalised word only after "de" and its kin)."""


def words(name: str) -> list[str]:
    return _WORD.findall(name)


def without_determiner(name: str, language: str) -> list[str]:
    """The name's words after an opening determiner ("El Banco de Canadá" -> Banco de Canadá)."""
    found = words(name)
    if found and found[0].casefold().rstrip("'’") in DETERMINERS.get(language, frozenset()) and len(found) > 1:
        return found[1:]
    return found


def no_name(mention: str, language: str) -> bool:
    """True when the article's words the model gave as a name are a plain phrase, not a name.

    An opening preposition that is no name particle ("in aller Welt"), or,
    with no capital after the first word, an opening preposition at all
    ("de todo el mundo"), a plural determiner ("Los mercados", "Les
    marchés": a class, not someone) or a number ("22 juin 2012"). A singular
    common noun may name the body a story is about ("el ayuntamiento",
    "ayuntamiento"; English keeps "transport ministry" too), and a lowercase
    description before a name ("finnische Ministerpräsident Stubb") still
    names someone: both stay. German capitalises every noun: its determiner
    and noun phrases are read by its tagger (nlp/german.py), not here.
    """
    found = words(mention)
    if language not in LANGUAGES or not found:
        return False
    first = found[0]
    if first in PREPOSITIONS[language] and first not in NAME_PARTICLES:
        return True  # "in aller Welt"; not "von der Leyen"
    if any(w[:1].isupper() for w in found[1:]):
        return False  # "El País", "de Guindos", "Le Monde"
    opening = first.casefold().rstrip("'’")
    return (
        opening in PREPOSITIONS[language] or opening in PLURAL_DETERMINERS[language] or first[:1].isdigit()
    ) and not first[1:].isupper()  # an acronym ("DE") is a name
    if not any(w[:1].isupper() for w in found):
        return True  # "de todo el mundo", "mercados"
    first = found[0]
    if first in PREPOSITIONS[language] and first not in NAME_PARTICLES:
        return True  # "in aller Welt"; not "finnische Ministerpräsident Stubb", "ministère de la Culture"
    if first.casefold().rstrip("'’") in DETERMINERS[language] and language != "de":
        return not any(w[:1].isupper() for w in found[1:])  # "Las bolsas europeas", not "El País"
    return False


def organization_head(name: str, language: str) -> bool:
    """True when the name's first noun (after a determiner) is the language's word for a kind of body."""
    found = without_determiner(name, language)
    if language not in LANGUAGES or len(found) < 1 or not found[0][:1].isupper():
        return False
    if language == "de":
        return any(GERMAN_HEAD.search(w) for w in found[:2] if w[:1].isupper())  # "Europäische Zentralbank"
    return found[0].casefold() in ORGANIZATION_HEADS[language] and (len(found) > 1 or found[0].istitle())


def role_words_before(text: str, start: int) -> list[str]:
    """The words that could be a role written before the name at ``start``: the word right before it ("analista
    Marta Ibáñez"), and the head of a role's phrase and its comma ("el ministro de Finanzas, Kenji Morita")."""
    before = text[max(0, start - 80) : start]
    found = []
    last = re.search(r"([^\W\d_][\w'’-]*)\.?[^\S\n]+$", before)
    if last:
        found.append(last.group(1))
    for word in re.finditer(r"[^\W\d_][\w'’-]*", before):
        if apposition := _ROLE_PHRASE.fullmatch(before, word.start()):
            found.append(apposition.group(1))
    return found


def capitalised_words(name: str) -> int:
    """How many words of the name are capitalised (a person's name has two: "Kenji Morita")."""
    return sum(w[:1].isupper() for w in words(name))
