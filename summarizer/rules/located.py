"""Places outside English written the way news writes them: the dateline and a place after "in".

A wire story opens with where it was filed ("HAMBURG —", "SEVILLA, España —")
in every language the agencies write; and a capitalised name right after the
language's "in" ("à Lyon", "en Sevilla", "in Waltershof") is a place. English
has its own rules for both (kinds.py, places.py); these run on French, Spanish
and German, where the small model often lists no place at all.
"""

from __future__ import annotations

import re

LANGUAGES = frozenset({"fr", "es", "de"})
_UPPER = "A-ZÀ-ÖØ-Þ"
_DATELINE = re.compile(
    rf"^[ \t]*([{_UPPER}][{_UPPER}'’ .-]*[{_UPPER}])(?:,[^\n\u2014\u2013]{{1,30}}?)?\s*(?:\u2014|\u2013|--)"
)
_IN = {"fr": r"à|au|aux", "es": r"en", "de": r"in|nach|aus"}
_NAME = rf"[{_UPPER}][\w'’-]+(?:[ -](?:de|del|la|le|am|an|der)?[ -]?[{_UPPER}][\w'’-]+)*"
_GERMAN_NOT_PLACES = re.compile(r"(?:ung|heit|keit|schaft|tion|tät|nis|ismus)$")
"""German abstract nouns written after "in" that are not places ("in Bewegung", "in Ordnung"; "in Zukunft")."""


def dateline_place(text: str) -> tuple[int, int] | None:
    """Offsets of the place an article is filed from ("HAMBURG" in "HAMBURG — Der Hafen ..."), if it has one."""
    match = _DATELINE.match(text)
    return match.span(1) if match else None


def located_names(sentence: str, language: str) -> list[tuple[int, int]]:
    """Offsets of the names the sentence writes right after the language's "in"; none outside LANGUAGES."""
    if language not in LANGUAGES:
        return []
    found = []
    for match in re.finditer(rf"(?<!\w)(?:{_IN[language]})\s+({_NAME})", sentence):
        name = match.group(1)
        if language == "de" and " " not in name and (_GERMAN_NOT_PLACES.search(name) or name in {"Zukunft", "Kraft"}):
            continue
        found.append(match.span(1))
    return found
