"""What a short text says, reduced to what a support check compares: content lemmas, numbers and names.

One reading per (text, language), kept for the last KEPT texts: the support
check reads the same cited sentence for every statement that cites it, and
parses the new ones in one batch. The parse decides where one
exists (spaCy for English, French and Spanish, HanTa's tags for German);
another language falls back to crude stems (rules/text.py), which match a
word's inflections but know no names. Function words never count: the parse's
stop words and auxiliaries, German's STTS function tags.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarizer.nlp import german
from summarizer.nlp.pipeline import MAX_PARSE_CHARS, has_pipeline, load
from summarizer.rules.text import normalize, stems

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PREFIX = 5
"""Letters two words must share to count as one word's family ("arrest"/"arrests", "resign"/"resignation"): the
crude stem rules/text.py uses. Four letters join more unrelated words ("plan"/"plant", "port"/"portrait"); five
still join a few ("count"/"country"). 0: lemmas only."""
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})
"""Universal parts of speech that carry what a statement claims; adverbs measured worse (benchmarks/support_tolerance.py)."""
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PER", "MISC"})
JOINABLE_LABELS = frozenset({"PERSON", "ORG", "PER"})
"""People and organizations: the ones a statement can wrongly join ("A met B")."""
GERMAN_CONTENT_TAGS = ("NN", "NE", "VV", "ADJ", "CARD")
"""HanTa's coarse STTS tags of content words (VA and VM, auxiliaries and modals, are function words)."""
NUMBER_WORDS = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve",
    "fr": "zéro un deux trois quatre cinq six sept huit neuf dix onze douze",
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce",
    "de": "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
}
"""Numbers news writes in words (up to twelve, by style guides' rule) mapped to digits: "twelve" meets "12".
Zero and one are left as words: "un", "uno", "ein" and "one" are articles and pronouns far more often."""
_NUMBERS = {
    language: {normalize(word): str(value) for value, word in enumerate(words.split()) if value > 1}
    for language, words in NUMBER_WORDS.items()
}
_GROUPED = re.compile(r"\d{1,3}(?:[.,\u202f\u00a0 ']\d{3})+")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")
_TOKEN = re.compile(r"\w+(?:[-'’.&]\w+)*|[^\w\s]")
_NAME_WORD = re.compile(r"(?<=\s)[A-ZÀ-ÖØ-Þ][\w'’-]+")
_NUMBER = re.compile(r"\d+(?:[.,\u202f\u00a0 ']\d{3})*(?:[.,]\d+)?")
"""A number written in digits anywhere, also inside a word ("48-stündigen", "17th", "0:3")."""
_POSSESSIVE = re.compile(r"['’]s?$")
_CLAUSE_BREAK = re.compile(r"[;:,—–]|\s-\s")
"""Without a parse, a statement's clauses are told apart by punctuation."""


@dataclass(frozen=True)
class Name:
    """A name as written (folded, without a possessive), whether it is a person or organization, and where."""

    text: str
    joinable: bool
    at: int = 0
    """Its character offset in the text read."""


@dataclass(frozen=True)
class Reading:
    words: frozenset[str]
    """Folded lemmas of content words, numbers as digits, and each word of every name."""
    numbers: frozenset[str]
    names: tuple[Name, ...]
    clauses: tuple[tuple[int, int], ...]
    """(character offset, clause) of each token: two names are joined by the text when their clause is one."""
    verbs: frozenset[str] = frozenset()
    """The words of ``words`` that are verbs, where a parse or tagger says so: what the statement says happened."""


def fold(word: str) -> str:
    """Lowercase, accents dropped: how words are compared."""
    return normalize(word)


def fold_name(name: str) -> str:
    """A name as compared: folded, without its possessive ("Northwind Bank's")."""
    return _POSSESSIVE.sub("", fold(name))


def digits_in(text: str, language: str) -> set[str]:
    """Every number ``text`` writes in digits, normalised."""
    return {found for m in _NUMBER.finditer(text) if (found := number(m.group().rstrip(".,"), language))}


def number(word: str, language: str) -> str | None:
    """The digits a number stands for ("12,000" and "12.000" give "12000", "twelve" gives "12"), else None."""
    if _GROUPED.fullmatch(word):
        return re.sub(r"\D", "", word)
    if _DIGITS.fullmatch(word):
        return word.replace(",", ".")
    return _NUMBERS.get(language, _NUMBERS["en"]).get(fold(word))


KEPT = 512
"""Readings kept, most recent first: a brief's statements cite the same few dozen sentences (a reading is small)."""
_readings: OrderedDict[tuple[str, str], Reading] = OrderedDict()
_keeping = threading.Lock()
_parsing = threading.Lock()
"""One parse at a time, as nlp/pipeline.py parses: a spaCy pipeline is not shared across threads."""


def read(text: str, language: str) -> Reading:
    """The reading of ``text`` in ``language``."""
    return read_all([text], language)[0]


def read_all(texts: Sequence[str], language: str) -> list[Reading]:
    """The readings of ``texts``; those not kept are parsed in one batch (spaCy's ``pipe`` takes a third of the
    time of one call per sentence)."""
    with _keeping:
        found = {t: _readings[(language, t)] for t in texts if (language, t) in _readings}
        for text in found:
            _readings.move_to_end((language, text))
    missing = [t for t in dict.fromkeys(texts) if t not in found]
    if missing:
        found |= dict(zip(missing, _read_new(missing, language), strict=True))
        with _keeping:
            _readings.update(((language, t), found[t]) for t in missing)
            while len(_readings) > KEPT:
                _readings.popitem(last=False)
    return [found[t] for t in texts]


def forget() -> None:
    """Drop every kept reading (for measurements that change how text is read)."""
    with _keeping:
        _readings.clear()


def parse_all(texts: Sequence[str], language: str) -> list[Doc]:
    """The parses of short texts in one batch, one batch at a time."""
    nlp = load(language)
    with _parsing:
        return list(nlp.pipe(t[:MAX_PARSE_CHARS] for t in texts))


def _read_new(texts: list[str], language: str) -> list[Reading]:
    if language in german.LANGUAGES:
        return [_read_german(t) for t in texts]
    if has_pipeline(language):
        return [_read_parse(doc, language) for doc in parse_all(texts, language)]
    return [_read_stems(t, language) for t in texts]


def _read_parse(doc: Doc, language: str) -> Reading:
    words: set[str] = set()
    verbs: set[str] = set()
    numbers = digits_in(doc.text, language)
    for token in doc:
        digits = number(token.text, language) if token.pos_ == "NUM" or token.like_num else None
        if digits is not None:
            numbers.add(digits)
        elif (
            token.pos_ in CONTENT_POS and not token.is_stop and token.is_alpha and len(token) > 1 and not token.like_num
        ):
            words.add(fold(token.lemma_ if token.pos_ != "PROPN" else token.text))
            if token.pos_ == "VERB":
                verbs.add(fold(token.lemma_))
    names: list[Name] = []
    covered: set[int] = set()
    proper_only = language == "es"  # its recognizer labels a sentence's first word (nlp/entities.py)
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS and (not proper_only or any(t.pos_ == "PROPN" for t in ent)):
            names.append(Name(fold_name(ent.text), ent.label_ in JOINABLE_LABELS, ent.start_char))
            covered.update(range(ent.start, ent.end))
    names += [
        Name(fold_name(t.text), False, t.idx) for t in doc if t.pos_ == "PROPN" and t.i not in covered and t.i > 0
    ]
    for name in names:
        words.update(w for w in name.text.split() if w.isalpha())
    clauses = tuple((t.idx, _clause(t)) for t in doc)
    return Reading(frozenset(words), frozenset(numbers), tuple(names), clauses, frozenset(verbs))


def _clause(token: Token) -> int:
    """The clause a token belongs to: its nearest verb, itself included (else the sentence's root)."""
    for candidate in (token, *token.ancestors):
        if candidate.pos_ == "VERB" or (candidate.pos_ == "AUX" and candidate.dep_ == "ROOT"):
            return candidate.i
    return token.sent.root.i


def _read_german(text: str) -> Reading:
    words: set[str] = set()
    verb_lemmas: set[str] = set()
    numbers = digits_in(text, "de")
    typed = german.names(text)
    names = [Name(fold_name(text[n.start : n.end]), n.label != "GPE", n.start) for n in typed]
    for sentence in _german_sentences(text):
        tagged = german.tagger().tag_sent([word for _, word in sentence], taglevel=1)
        verbs = [lemma for _, lemma, tag in tagged if tag.startswith("VV")]
        for (at, _), (word, lemma, tag) in zip(sentence, tagged, strict=True):
            digits = number(word, "de") if tag == "CARD" or word.isdigit() else None
            if digits is not None:
                numbers.add(digits)
            elif tag == "PTKVZ" and verbs:
                compounds = {fold(word + verb) for verb in verbs}  # "trat ... zurück": zurücktreten
                words.update(compounds)
                verb_lemmas.update(compounds)
            elif tag.startswith(GERMAN_CONTENT_TAGS) and word.isalpha():
                words.add(fold(lemma if tag != "NE" else word))
                if tag.startswith("VV"):
                    verb_lemmas.add(fold(lemma))
            if tag == "NE" and not any(n.start <= at < n.end for n in typed):
                names.append(Name(fold_name(word), False, at))  # a proper noun no cue types: still a name
    for name in names:
        words.update(w for w in name.text.split() if w.isalpha())
    return Reading(
        frozenset(words), frozenset(numbers), tuple(names), _punctuated_clauses(text), frozenset(verb_lemmas)
    )


def _punctuated_clauses(text: str) -> tuple[tuple[int, int], ...]:
    starts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text))]
    return tuple((start, number) for number, start in enumerate(starts))


def _german_sentences(text: str) -> list[list[tuple[int, str]]]:
    """(offset, token) of each sentence's tokens."""
    found: list[list[tuple[int, str]]] = [[]]
    for match in _TOKEN.finditer(text):
        found[-1].append((match.start(), match.group()))
        if match.group() in {".", "!", "?"}:
            found.append([])
    return [s for s in found if s]


def _read_stems(text: str, language: str) -> Reading:
    numbers = digits_in(text, language) | {n for w in _TOKEN.findall(text) if (n := number(w, language)) is not None}
    names = tuple(Name(fold_name(m.group()), False, m.start()) for m in _NAME_WORD.finditer(text))
    return Reading(frozenset(stems(text) - numbers), frozenset(numbers), names, _punctuated_clauses(text))


def content_words(text: str, language: str) -> frozenset[str]:
    """Lemmas of the nouns, verbs, adjectives and names of ``text``, and its numbers as digits; folded.

    Without a parse for ``language``, crude five-letter stems (rules/text.py) instead of lemmas.
    """
    reading = read(text, language)
    return reading.words | reading.numbers
