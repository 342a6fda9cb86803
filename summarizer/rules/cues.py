"""Who said what in French, Spanish and German: reporting cues, as the English parse gives for English.

News in these languages credits a source the same few ways: a preposition
before it ("selon", "según", "laut", "nach Angaben"), a reporting verb after a
quote or a comma with the source after it ("», a déclaré Claire Vasseur",
"dijo Romero", "sagte Hafenchefin Katrin Albers"), or the source as the
sentence's subject before the verb ("Une source proche du dossier a indiqué",
"Su portavoz, Andrés Molina, afirmó"). A source whose phrase holds no name
("une source proche du dossier", "die Behörde") is anonymous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LANGUAGES = frozenset({"fr", "es", "de"})

_VERBS = {
    "fr": r"(?:a|ont)\s+(?:déclaré|indiqué|annoncé|affirmé|expliqué|précisé|assuré|ajouté|dit|estimé|souligné|confirmé|"
    r"averti|reconnu|démenti|jugé|dénoncé|rappelé)|(?:déclare|indique|affirme|explique|précise|estime|souligne)",
    "es": r"(?:dijo|dijeron|afirmó|afirmaron|aseguró|aseguraron|declaró|declararon|explicó|señaló|indicó|informó|"
    r"informaron|añadió|anunció|advirtió|confirmó|reconoció|negó|denunció|sostuvo|dice|afirma|asegura)",
    "de": r"(?:sagte|sagten|erklärte|erklärten|betonte|warnte|warnten|berichtete|bestätigte|kritisierte|räumte|"
    r"sagt|erklärt|teilte|teilten)",
}
_PREPOSITIONS = {"fr": r"selon", "es": r"según(?:\s+(?:informó|informaron|indicó|dijo))?", "de": r"laut|nach\s+Angaben"}
_DETERMINERS = {
    "fr": {"le", "la", "les", "l'", "un", "une", "des", "sa", "son", "ses", "leur", "leurs", "du", "de"},
    "es": {"el", "la", "los", "las", "un", "una", "unos", "unas", "su", "sus", "del", "de"},
    "de": {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "ihr", "ihre", "sein", "seine"},
}
_UPPER = "A-ZÀ-ÖØ-Þ"
_NAME = re.compile(rf"[{_UPPER}][\w'’-]+(?:\s+(?:(?:de|del|la|van|von|du)\s+)?[{_UPPER}][\w'’-]+)+")
_APPOSITION = re.compile(rf",\s*([{_UPPER}][\w'’-]+(?:\s+[{_UPPER}][\w'’-]+)+)\s*(?=[,.;]|$)")
_RELATIVE = re.compile(r",\s*(?:que|qui|quien|quienes|der|die|das)\s[^,]*,")
_CONTENT_AFTER = re.compile(r"\s*(?:que\b|qu['’]|dass\b|[,:]|$)", re.I)
_QUOTE_BEFORE = re.compile(r"[»”\"“]\s*,?\s*$")
_PHRASE_END = re.compile(r"[,.;:!?«»\"“”„()\n]")
_GERMAN_PHRASE = re.compile(
    rf"\s*(?:(?:der|die|das|den|dem|des|ein|eine|einer|ihr|ihre|sein|seine)\s+)?(?:[{_UPPER}][\w'’-]*\s*)+"
)
MAX_SOURCE_WORDS = 9


@dataclass(frozen=True)
class Cue:
    """A credited source in a sentence: offsets of the source phrase and of the cue, and whether it is unnamed."""

    source: tuple[int, int]
    cue: tuple[int, int]
    anonymous: bool


def find_cues(sentence: str, language: str) -> list[Cue]:
    """The sources ``sentence`` credits (offsets into it); none for a language outside LANGUAGES."""
    if language not in LANGUAGES:
        return []
    found: list[Cue | None] = []
    for match in re.finditer(rf"(?<!\w)(?:{_PREPOSITIONS[language]})(?!\w)", sentence, re.I):
        found.append(_after(sentence, language, match.span()))
    for match in re.finditer(rf"(?<!\w)(?:{_VERBS[language]})(?!\w)", sentence, re.I):
        quoted = _QUOTE_BEFORE.search(sentence, 0, match.start()) is not None
        german_subject = language == "de" and not sentence[: match.start()].rstrip().endswith(",")
        if not quoted and (_CONTENT_AFTER.match(sentence, match.end()) or german_subject):
            found.append(_before(sentence, language, match.span()))
        else:
            found.append(_after(sentence, language, match.span()))
    unique: dict[tuple[int, int], Cue] = {}
    for cue in found:
        if cue is not None and not any(c.source[0] <= cue.source[0] < c.source[1] for c in unique.values()):
            unique[cue.source] = cue
    return list(unique.values())


def _after(sentence: str, language: str, cue: tuple[int, int]) -> Cue | None:
    """The source written after its cue ("selon son porte-parole, Julien Marchand", "dijo Romero")."""
    start = cue[1]
    if language == "de":
        match = _GERMAN_PHRASE.match(sentence, start)
        end = match.end() if match else start
    else:
        stop = _PHRASE_END.search(sentence, start)
        end = stop.start() if stop else len(sentence)
    return _narrowed(sentence, language, start, end, cue)


def _before(sentence: str, language: str, cue: tuple[int, int]) -> Cue | None:
    """The source written as the subject before its verb ("Une source proche du dossier a indiqué que")."""
    opening = max(sentence.rfind(mark, 0, cue[0]) for mark in ("»", "”", '"', ";", ":"))
    return _narrowed(sentence, language, opening + 1, cue[0], cue, subject=True)


def _narrowed(
    sentence: str, language: str, start: int, end: int, cue: tuple[int, int], subject: bool = False
) -> Cue | None:
    """The phrase narrowed to the name it holds ("sa présidente, Claire Vasseur" -> "Claire Vasseur"), else as written."""
    apposed = _APPOSITION.search(sentence, start, min(len(sentence), end + 60))
    if apposed and apposed.start() <= end + 1:
        return Cue(apposed.span(1), cue, anonymous=False)
    phrase = _RELATIVE.sub(",", sentence[start:end]).split(",")[0]
    skipped = len(phrase) - len(phrase.lstrip())
    phrase = phrase.strip()
    words = phrase.split()
    if not words or len(words) > MAX_SOURCE_WORDS:
        return None
    start += skipped
    names = list(_NAME.finditer(phrase))
    if names:
        name = max(names, key=lambda m: len(m.group()))
        offset, written = name.start(), name.group()
        first = written.split()[0]
        if first.lower() in _DETERMINERS[language]:
            offset += len(first) + 1
        return Cue((start + offset, start + name.end()), cue, anonymous=False)
    leading = 0
    while leading < len(words) and words[leading].lower() in _DETERMINERS[language]:
        leading += 1
    capitalised = [i for i, w in enumerate(words) if w[:1].isupper() and i >= leading]
    sentence_start = subject and start == len(sentence) - len(sentence.lstrip())
    if language != "de" and capitalised and not (sentence_start and capitalised == [0]):
        if capitalised[0] == leading and not sentence_start:
            word = words[leading]
            offset = phrase.index(word)
            return Cue((start + offset, start + offset + len(word)), cue, anonymous=False)
        return Cue((start, start + len(phrase)), cue, anonymous=False)
    return Cue((start, start + len(phrase)), cue, anonymous=True)
