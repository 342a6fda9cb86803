"""What a French or Spanish article says a name is: the common noun written right before it.

News in these languages introduces a name with what it is: "la empresa
estadounidense Boeing", "el fabricante Airbus", "le constructeur Renault",
"el ministro Luis Ortega", "la porte-parole Claire Dubois". The small model
files companies as people and the small recognizers read some companies as
people or miscellany; the article's own noun settles it. The nouns are the
languages' general vocabulary for companies, institutions and people's
roles; at most one adjective (a nationality, "europeo") may stand between
the noun and the name. A company's legal form after its name ("AirTanker
Ltd.", "Repsol S.A.") says the same.
"""

from __future__ import annotations

import re
from typing import Literal

LANGUAGES = frozenset({"es", "fr"})

Kind = Literal["person", "organization"]

_NOUNS: dict[str, dict[Kind, str]] = {
    "es": {
        "organization": "empresa empresas compañía compañías firma grupo fabricante fabricantes aerolínea consorcio "
        "banco operadora cadena constructora petrolera farmacéutica multinacional corporación sociedad agencia "
        "partido sindicato asociación fundación organización club universidad ministerio gigante tecnológica "
        "automovilística distribuidora aseguradora eléctrica",
        "person": "presidente presidenta ministro ministra portavoz director directora consejero consejera alcalde "
        "alcaldesa señor señora don doña doctor doctora juez jueza senador senadora diputado diputada secretario "
        "secretaria fundador fundadora cofundador cofundadora economista analista",
    },
    "fr": {
        "organization": "société entreprise entreprises groupe constructeur constructeurs compagnie firme banque "
        "consortium opérateur chaîne agence parti syndicat association fondation organisation club université "
        "ministère fabricant géant assureur distributeur",
        "person": "président présidente ministre porte-parole directeur directrice maire monsieur madame docteur "
        "juge sénateur sénatrice député députée secrétaire fondateur fondatrice cofondateur cofondatrice "
        "économiste analyste",
    },
}
_WORDS: dict[str, dict[str, Kind]] = {
    language: {word: kind for kind, words in table.items() for word in words.split()}
    for language, table in _NOUNS.items()
}
_FUNCTION = {
    "es": "a al ante con de del desde el en entre la las lo los para por que sin sobre su sus un una y o e",
    "fr": "à au aux avec chez d de des du en et l la le les ou par pour que sa sans ses son sur un une",
}
"""Words that are no adjective: "el presidente de Apple" says nothing of what Apple is."""
_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+(?:([^\W\d_][\w'’-]*)\s+)?$")


def kind_before(text: str, start: int, language: str) -> Kind | None:
    """The kind the noun written right before ``start`` gives the name there ("la empresa Boeing"), else None.

    The noun is the word before the name, or the one before that when a
    lowercase adjective stands between ("el fabricante europeo Airbus").
    """
    if language not in LANGUAGES:
        return None
    match = _BEFORE.search(text, max(0, start - 60), start)
    if match is None:
        return None
    first, second = match.group(1), match.group(2)
    words = _WORDS[language]
    if second is None:
        return words.get(first.lower())
    if second.lower() in words:
        return words[second.lower()]
    return words.get(first.lower()) if second.islower() and second not in _FUNCTION[language].split() else None


_COMPANY_FORM = re.compile(
    r"\s(?:S\.\s?A\.?|S\.\s?L\.?|S\.A\.S\.?|SAS|SARL|SA|SL|Ltd\.?|Inc\.?|Corp\.?|Co\.|LLC|plc|PLC|GmbH|AG|"
    r"N\.V\.?|NV|B\.V\.?|BV|S\.p\.A\.?|SpA)$"
)


def has_company_form(name: str) -> bool:
    """Whether the name ends in a company's legal form: "AirTanker Ltd.", "Repsol S.A.", "Renault SAS"."""
    return bool(_COMPANY_FORM.search(name))


def is_person_noun(word: str, language: str) -> bool:
    """Whether the word is one of the language's nouns for a person's role ("ministro", "analyste")."""
    return _WORDS.get(language, {}).get(word.lower()) == "person"
