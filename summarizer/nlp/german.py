"""German names from the Hanover Tagger (HanTa), typed by the words around them.

No German spaCy pipeline loads with spaCy 3.8 (PyPI's ``de-core-news-*`` are
placeholders), so German had no name finder and its who was the model's alone.
HanTa 1.2.1 (Christian Wartena, LGPL-3.0-or-later, on PyPI; numpy only) ships a
German morphological model trained on the TIGER corpus that tags STTS parts of
speech, ``NE`` for a proper noun. A name here is a run of proper nouns and
acronyms ("Angela Merkel", "AKP"), with the company form after it ("AG",
"GmbH"); its kind comes from general German, not from a trained recognizer:

- a person: a role or title right before it ("Bundeskanzlerin", "Sprecher",
  "Prof.", any "-minister", "-sprecher", "-chef" compound) or after its comma
  ("Martin Weber, Vorsitzender"), a first name and surname shape, or the
  surname of a person the article names in full;
- a place: a country or region (German names from babel's CLDR data), a
  name written after "in", "aus", "nach", "bei", or before its country in
  brackets ("Bremen (Deutschland)");
- an organization: an acronym ("SPD"), or a head noun of one ("Partei",
  "Verband", "Ministerium", "AG").

A name none of these types is left out. The model file is a pickle: its sha256
is pinned and checked before it is unpickled, as the spaCy pipelines' files are.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import pickle
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from summarizer.distribution import install_line
from summarizer.errors import ModelUnavailableError
from summarizer.nlp.territories import territory_code
from summarizer.rules.located import dateline_place

if TYPE_CHECKING:
    from HanTa.HanoverTagger import HanoverTagger

LANGUAGES = frozenset({"de"})
PACKAGE, VERSION = "HanTa", "1.2.1"
MODEL_FILE = "HanTa/morphmodel_ger.pgz"
SHA256 = "d0a23caa212663fe7715e18e937074287f80b9e3bab64ccebc12a81e0094db23"
"""Of ``morphmodel_ger.pgz`` in the HanTa 1.2.1 wheel: a gzipped pickle, so it is checked before it is read."""
INSTALL_HINT = f"{install_line()} (it brings {PACKAGE}=={VERSION})"

Label = Literal["PERSON", "ORG", "GPE"]

_loading = threading.Lock()
_TOKEN = re.compile(r"\w+(?:[-'’.&]\w+)*-?|\S")
_ABBREVIATIONS = frozenset({"Prof", "Dr", "Nr", "St", "ca", "bzw", "vgl", "z", "B", "u", "a", "Mr", "Mrs", "Hr", "Fr"})
"""Words whose full stop ends no sentence."""
_TITLES = frozenset({"Prof", "Dr", "Herr", "Frau", "Professor", "Professorin", "Dipl", "Ing"})
_ROLES = re.compile(
    r"(?:kanzler|minister|präsident|sprecher|chef|vorsitzende|leiter|direktor|meister|abgeordnete|politiker|"
    r"senator|trainer|spieler|autor|richter|anwalt|anwältin|botschafter|kommissar|sekretär|gouverneur|könig|"
    r"königin|prinz|prinzessin|papst|bischof|pfarrer|sänger|schauspieler|regisseur|künstler|schriftsteller|"
    r"journalist|reporter|korrespondent|ökonom|experte|expertin|forscher|wissenschaftler|professor|arzt|ärztin|"
    r"gründer|inhaber|manager|vorstand|aktivist|kandidat|rat|rätin|führer|kapitän|general|offizier|kommandeur|"
    r"ermittler|staatsanwalt|verteidiger|vize|stellvertreter|beauftragte|bürger|kollege|kollegin|"
    r"herr|frau|witwe|sohn|tochter|vater|mutter|bruder|schwester|ehemann|ehefrau|freund|freundin)"
    r"(?:in|innen|en|n|s|r)?$",
    re.IGNORECASE,
)
"""A role, title or relation written before a person's name, alone or as the end of a compound ("Polizeisprecher")."""
_ORGANIZATION_HEADS = re.compile(
    r"(?:partei|kommission|ministerium|verband|gewerkschaft|gesellschaft|verein|vereinigung|institut|universität|"
    r"hochschule|akademie|stiftung|bank|konzern|unternehmen|gruppe|holding|werke|werk|agentur|behörde|amt|gericht|"
    r"rat|bund|bündnis|koalition|fraktion|union|zentrum|polizei|armee|bundeswehr|parlament|bundestag|landtag|"
    r"senat|regierung|verwaltung|kirche|klub|club|team|zeitung|sender|rundfunk|fernsehen|organisation|allianz|"
    r"liga|föderation|kammer|ausschuss|komitee|stadtrat|gemeinderat|kreis|initiative|bewegung|front|"
    r"ag|gmbh|se|kg|ohg|e\.v|ev|inc|ltd|corp|plc|sa|nv|bv)$",
    re.IGNORECASE,
)
"""The last word (or compound's end) of an organization's name: "Freie Demokratische Partei", "Bundesministerium"."""
_ORGANIZATION_BEFORE = re.compile(
    r"(?:verein|klub|club|konzern|unternehmen|firma|partei|gewerkschaft|verband|stiftung|hersteller|anbieter|"
    r"betreiber|autobauer|zulieferer|versicherer|verlag|reederei|brauerei|discounter|gesellschaft|airline|organisation|"
    r"initiative|bewegung|agentur|sender)$",
    re.IGNORECASE,
)
"""A noun written before an organization's name, alone or as a compound's end: "der Fußballverein Borussia Dortmund",
"der Autohersteller Volkswagen". Not "Universität", "Gericht" or "Polizei": a city after them is part of the name."""
_TIME_NOUNS = frozenset({"Anfang", "Ende", "Mitte", "Beginn"})
"""Nouns that follow a name without being part of it: "nach Berlin Anfang des Jahres"."""
_COMPANY_FORMS = frozenset({"AG", "GmbH", "SE", "KG", "KGaA", "OHG", "e.V.", "Inc", "Ltd", "Corp", "plc", "SA", "NV"})
_PLACE_BEFORE = frozenset({"in", "im", "aus", "nach", "bei", "nahe", "Richtung", "gen"})
_ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,6}")


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    label: Label


def model_path() -> Path:
    """The installed German model file, after checking HanTa's version."""
    try:
        distribution = importlib.metadata.distribution(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        raise ModelUnavailableError(f"the German tagger {PACKAGE} is not installed; {INSTALL_HINT}") from None
    if distribution.version != VERSION:
        raise ModelUnavailableError(
            f"{PACKAGE} {distribution.version} is installed, summarizer needs {VERSION}; {INSTALL_HINT}"
        )
    return Path(str(distribution.locate_file(MODEL_FILE)))


def read_model(path: Path) -> Any:
    """The unpickled model, only when the file's sha256 is the pinned one."""
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != SHA256:
        raise ModelUnavailableError(f"{path.name} of {PACKAGE} does not match its pinned sha256; {INSTALL_HINT}")
    return pickle.loads(gzip.decompress(data))  # the hash above pins the file HanTa 1.2.1 ships


@lru_cache(maxsize=1)
def tagger() -> HanoverTagger:
    """The verified German tagger, loaded once per process (thread-safe; ~0.3 s)."""
    with _loading:
        from HanTa.HanoverTagger import HanoverTagger

        tagger = HanoverTagger(None, model=read_model(model_path()))
        tagger.strict = False  # as HanTa sets it when it reads the file itself
        return tagger


def is_territory(name: str) -> bool:
    """A country or region as German writes it, also in the genitive ("Deutschlands")."""
    return territory_code(name, "de") is not None


@dataclass
class _Token:
    start: int
    end: int
    text: str
    tag: str = ""
    lemma: str = ""


def _sentences(text: str) -> list[list[_Token]]:
    """Tokens of each line, split where a sentence ends (not after "Prof." or a day's "16.")."""
    found: list[list[_Token]] = []
    for line in re.finditer(r"[^\n]+", text):
        sentence: list[_Token] = []
        for match in _TOKEN.finditer(line.group()):
            token = _Token(line.start() + match.start(), line.start() + match.end(), match.group())
            sentence.append(token)
            ends = token.text in {".", "!", "?"} and len(sentence) > 1
            before = sentence[-2].text if len(sentence) > 1 else ""
            if ends and before not in _ABBREVIATIONS and not before.isdigit():
                found.append(sentence)
                sentence = []
        if sentence:
            found.append(sentence)
    return found


def _is_name_word(token: _Token) -> bool:
    word = token.text
    if not word[:1].isupper():
        return False
    return token.tag == "NE" or bool(_ACRONYM.fullmatch(word)) or word in _COMPANY_FORMS


def _unknown(token: _Token, position: int, known: dict[str, Any]) -> bool:
    """A capitalised word inside a sentence the tagger's lexicon lacks: "Ahmet" (read as a verb), "Rehn"."""
    word = token.text.lower()
    if not (position > 0 and token.text[:1].isupper() and word.isalpha() and word not in known):
        return False
    if _ROLES.search(token.text):
        return False  # "Bundeskanzlerin Merkel": a role the lexicon lacks is no first name
    return not any(word[cut:] in known for cut in range(1, len(word) - 3))  # "Kreisstadt": a compound noun


def _runs(sentence: list[_Token], known: dict[str, Any]) -> list[tuple[int, int]]:
    """Where each name runs in a tagged sentence: proper nouns and acronyms, with an unknown capitalised word beside
    one ("Olli Rehn", "Ahmet Yılmaz") and the capitalised words of a company before its form ("Deutsche Bahn AG")."""
    found = []
    position = 0
    while position < len(sentence):
        token = sentence[position]
        company = token.text in _COMPANY_FORMS and position > 1 and sentence[position - 1].text[:1].isupper()
        starts = _is_name_word(token) and (token.text not in _COMPANY_FORMS or company)
        joined = (  # "Ahmet Yılmaz": a first name the lexicon lacks and one surname
            position + 1 < len(sentence)
            and _is_name_word(sentence[position + 1])
            and not (position + 2 < len(sentence) and _is_name_word(sentence[position + 2]))
        )
        if not (starts or (_unknown(token, position, known) and joined)):
            position += 1
            continue
        end = position + 1
        while end < len(sentence) and (
            _is_name_word(sentence[end]) or (_unknown(sentence[end], end, known) and end == position + 1)
        ):
            end += 1
        if end == position + 1 and _surname_noun(sentence, end):
            end += 1
        start = position
        if sentence[end - 1].text in _COMPANY_FORMS:
            while start > 1 and start > position - 3 and sentence[start - 1].text[:1].isupper():
                start -= 1
        found.append((start, end))
        position = end
    return found


def _surname_noun(sentence: list[_Token], at: int) -> bool:
    """A surname that is also a noun, right after a lone proper noun: "Thomas Brenner sagte" ("Brenner", a burner).

    Only an uninflected noun ("Müller Journalisten" is a dative object) after an
    uninflected name, that no further noun follows ("Berlin Anfang März"), and not after "in", "nach"...
    """
    first = sentence[at - 1]
    inflected = first.lemma.lower() != first.text.lower()  # "Bambergs Bürger": a genitive
    if at >= len(sentence) or first.tag != "NE" or inflected:
        return False
    token = sentence[at]
    following = sentence[at + 1].text if at + 1 < len(sentence) else ""
    placed = at > 1 and sentence[at - 2].text in _PLACE_BEFORE
    return (
        token.tag == "NN"
        and token.lemma == token.text
        and token.text not in _TIME_NOUNS
        and not following[:1].isupper()
        and not placed
    )


@lru_cache(maxsize=4)
def names(text: str) -> tuple[Name, ...]:
    """People, organizations and places the text names, in order; a name no cue types is left out, and so is a
    genitive of a name found ("Merkels" beside "Merkel")."""
    hanta = tagger()
    runs: list[tuple[list[_Token], int, list[_Token]]] = []
    for sentence in _sentences(text):
        for token, (_, lemma, tag) in zip(
            sentence, hanta.tag_sent([t.text for t in sentence], taglevel=1), strict=True
        ):
            token.tag, token.lemma = tag, lemma
        runs.extend((sentence[start:end], start, sentence) for start, end in _runs(sentence, hanta.cache))
    people = {run[-1].text for run, at, sentence in runs if _kind(run, at, sentence, text, set()) == "PERSON"}
    found = []
    for run, at, sentence in runs:
        label = _kind(run, at, sentence, text, people)
        if label is not None:
            found.append(Name(run[0].start, run[-1].end, label))
    written = {text[n.start : n.end] for n in found} | {text[n.start : n.end].split()[-1] for n in found}
    return tuple(n for n in found if not (text[n.end - 1] == "s" and text[n.start : n.end - 1] in written))


def _kind(run: list[_Token], at: int, sentence: list[_Token], text: str, people: set[str]) -> Label | None:
    words = [t.text for t in run]
    name = text[run[0].start : run[-1].end]
    before = [t.text for t in sentence[max(0, at - 2) : at]]
    after = [t.text for t in sentence[at + len(run) : at + len(run) + 3]]
    previous = before[-1] if before else ""
    if previous == "." and len(before) == 2:
        previous = before[0]  # "Prof. Ulrike Brandt"
    if (run[0].start, run[-1].end) == dateline_place(text):
        return "GPE"
    if is_territory(name):
        return "GPE"
    if words[-1] in _COMPANY_FORMS or _ORGANIZATION_HEADS.search(words[-1].split("-")[-1]):
        return "ORG"
    if all(_ACRONYM.fullmatch(w) for w in words):
        return "ORG"
    titled = previous.rstrip(".") in _TITLES or bool(previous[:1].isupper() and _ROLES.search(previous))
    if titled or (after[:1] == [","] and len(after) > 1 and _ROLES.search(after[1]) and after[1][:1].isupper()):
        return "PERSON"
    if previous[:1].isupper() and _ORGANIZATION_BEFORE.search(previous):
        return "ORG"  # "der Autohersteller Volkswagen"
    if previous in _PLACE_BEFORE or (after[:1] == ["("] and len(after) > 1 and is_territory(after[1])):
        return "GPE"
    if len(run) in {2, 3} and all(part[1:].islower() for word in words for part in word.split("-")):
        return "PERSON"  # a first name and a surname: "Maria Schulz", "Anna Meier-Lenz"
    if len(run) == 1 and (words[0] in people or words[0].removesuffix("s") in people):
        return "PERSON"
    return None


def is_role(word: str) -> bool:
    """A role, title or relation written before or in apposition to a person's name ("Finanzminister", "Sprecherin")."""
    return word[:1].isupper() and (word.rstrip(".") in _TITLES or bool(_ROLES.search(word)))


def common_noun_phrase(phrase: str) -> bool:
    """True when the phrase is a determiner (or none) and common nouns and adjectives, its last noun inflected ("Die
    Märkte", "die europäischen Börsen", "Anleger" is not: it reads the same in the singular), and no proper noun.

    German capitalises every noun, so only the tagger tells "Die Märkte" (a plural, no one's name) from "Die Welt"
    or "Der Spiegel" (a newspaper's, singular and uninflected)."""
    tokens = phrase.split()
    if not tokens:
        return False
    tagged = tagger().tag_sent(tokens, taglevel=1)
    body = tagged[1:] if tagged[0][2] == "ART" else tagged
    if not body or body[-1][2] != "NN" or any(word.isupper() for word, _, _ in body):
        return False
    adjectives_lowercase = all(tag != "ADJ(A)" or word[:1].islower() for word, _, tag in body)
    nouns_only = all(tag in {"NN", "ADJ(A)"} for _, _, tag in body)
    word, lemma, _ = body[-1]
    return nouns_only and adjectives_lowercase and lemma.casefold() != word.casefold()
