"""Rule-based attribution and doubt cues, to complement the model.

News prose marks its sources and hedges in regular ways ("X said", "according
to X", "told AFP", "alleged", "at least 20" vs "as high as 50"). A 1.5B model
lists one source and misses most hedges; these patterns find the rest at no
token cost, and every result is sliced from the article, so it is grounded by
construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.rules.counts import counted
from summarizer.rules.text import ArticleIndex, Sentence

LANGUAGES = frozenset({"en"})
"""English reporting verbs and doubt words ("said", "alleged", "at least"): English text only."""

_VERBS = (
    r"said|says|told|confirmed|confirms|claimed|claims|corroborated|stated|added|reported|announced|denied|"
    r"denies|insisted|warned|explained|noted|acknowledged|testified|wrote|tweeted|argued"
)
_SPEAKER_BEFORE = re.compile(
    rf"(?:^|[,;:\u201d\"]\s*|\bthat\s+|\band\s+|\bbut\s+|\bwhile\s+)"
    rf"(?P<np>(?:[\w\u00c0-\u024f'\u2019.-]+\s+){{0,9}}?[\w\u00c0-\u024f'\u2019.-]+)\s+(?P<verb>{_VERBS})\b",
    re.IGNORECASE,
)
_ACCORDING = re.compile(r"\baccording to\s+(?P<np>[^,.;:\u201c\"]{2,80})", re.IGNORECASE)
_TOLD = re.compile(r"\btold\s+(?P<np>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4})")
_SAID_AFTER = re.compile(rf"[,\u201d\"]\s*(?:{_VERBS})\s+(?P<np>(?:[A-Z][\w\u00c0-\u024f'\u2019.-]*\s*){{1,4}})")
_GENERIC = {
    "source",
    "sources",
    "official",
    "officials",
    "associate",
    "associates",
    "member",
    "members",
    "lawmaker",
    "lawmakers",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "analyst",
    "analysts",
    "diplomat",
    "diplomats",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "person",
    "people",
    "aide",
    "aides",
    "insider",
    "insiders",
    "expert",
    "experts",
    "observers",
    "police",
    "authorities",
    "relative",
    "relatives",
    "friend",
    "colleague",
    "officer",
    "officers",
    "soldier",
    "soldiers",
    "activist",
    "activists",
    "critics",
    "man",
    "woman",
}
_SKIP_HEADS = {"it", "he", "she", "they", "we", "i", "this", "which", "who", "that", "there", "report", "reports"}
_PRONOUN_START = {"he", "she", "they", "it", "we", "i", "you", "who", "which"}


@dataclass(frozen=True)
class SourceCue:
    start: int
    end: int
    anonymous: bool
    sentence: Sentence


def _head(np: str) -> str:
    before_of = re.split(r"\s+of\s+", np, maxsplit=1)[0]
    return before_of.split()[-1].strip(".,'\u2019") if before_of.split() else ""


_LEADING_JUNK = {"and", "but", "that", "while", "as", "also", "has", "have", "had"}
_TRAILING_JUNK = {
    "has",
    "have",
    "had",
    "not",
    "also",
    "would",
    "will",
    "could",
    "did",
    "was",
    "were",
    "is",
    "are",
    "then",
    "later",
}
_CLAUSE_OPENERS = {
    "after",
    "before",
    "in",
    "on",
    "at",
    "during",
    "since",
    "when",
    "while",
    "as",
    "if",
    "because",
    "although",
    "though",
    "once",
    "until",
}


def _trim_np(np: str) -> str:
    """Drop leading conjunction debris, trailing auxiliaries and punctuation.

    The result is a slice of ``np`` (its own spacing kept: a no-break space or a
    line break between words), so it can be found in the sentence again.
    """
    words = list(re.finditer(r"\S+", np))
    while words and words[0][0].casefold() in _LEADING_JUNK:
        words = words[1:]
    while words and words[-1][0].casefold().strip(".,") in _TRAILING_JUNK:
        words = words[:-1]
    return np[words[0].start() : words[-1].end()].rstrip(".,;:") if words else ""


_ATTRIBUTING = (
    r"(?:say|tell|ask|answer|reply|respond|add|note|write|tweet|post|state|claim|confirm|deny|insist|warn|explain|"
    r"acknowledge|admit|testify|argue|announce|report|declare|predict|promise|vow|recall|describe|agree|dispute|"
    r"estimate|accuse|allege|contend|stress|emphasize|urge|criticize|call|quote|show|find|suggest|indicate|reveal|"
    r"conclude)(?:s|es|ed|d|ing)?|said|told|wrote|written|found|denies|replies|testifies|quoted by"
)
"""Verbs that attribute what a sentence says to someone, in any tense: saying, writing, asking, and the evidence of
a poll, study or document ("the average of polls shows", "a study found"). Wider than the cue finder's _VERBS: it
only asks whether a model's source rests on a sentence that attributes anything, not who the speaker is."""


def reports_speech(sentence: str) -> bool:
    """Whether an English sentence attributes what it says to someone: an attributing verb or "according to"."""
    verbs = re.finditer(rf"\b(?:{_ATTRIBUTING})\b", sentence, re.IGNORECASE)
    return any(_verb_not_name(sentence, verb) for verb in verbs) or _ACCORDING.search(sentence) is not None


def _verb_not_name(sentence: str, verb: re.Match[str]) -> bool:
    """A capitalised word inside a sentence is part of a name, not a verb ("United States", "Call of Duty")."""
    return not verb.group()[:1].isupper() or not sentence[: verb.start()].strip(" \t\n\"\u201c'")


def find_source_cues(index: ArticleIndex) -> list[SourceCue]:
    """Speakers the article attributes statements to, with exact offsets."""
    cues: list[SourceCue] = []
    for sentence in index.sentences:
        text = sentence.text
        found: list[tuple[int, int]] = []
        for match in _ACCORDING.finditer(text):
            found.append(match.span("np"))
        for match in _SPEAKER_BEFORE.finditer(text):
            np = _trim_np(match["np"])
            if not np:
                continue
            start = text.index(np, match.start("np"))
            found.append((start, start + len(np)))
        for pattern in (_TOLD, _SAID_AFTER):
            for match in pattern.finditer(text):
                np = _trim_np(match["np"])
                if np:
                    found.append((match.start("np"), match.start("np") + len(np)))
        for start, end in found:
            phrase = text[start:end].strip()
            if not phrase:
                continue
            head = _head(phrase).casefold()
            first = phrase.split()[0].casefold()
            if head in _SKIP_HEADS or first in _PRONOUN_START | _CLAUSE_OPENERS or len(phrase.split()) > 10:
                continue
            offset = sentence.start + start + (len(text[start:end]) - len(text[start:end].lstrip()))
            cue_end = offset + len(phrase)
            if any(c.start <= offset < c.end or offset <= c.start < cue_end for c in cues):
                continue
            named = not (head in _GENERIC or (head.islower() and head == _head(phrase)))
            cues.append(SourceCue(offset, cue_end, anonymous=not named, sentence=sentence))
    unique: dict[str, SourceCue] = {}
    for cue in cues:
        phrase = index.text[cue.start : cue.end]
        if _is_speaker(phrase):
            unique.setdefault(phrase.casefold(), cue)
    return list(unique.values())


_QUOTE = re.compile(r"[\u201c\"]([^\u201d\"]{3,})[\u201d\"]")


def what_was_said(cue: SourceCue, limit: int = 120) -> str:
    """The quote in the cue's sentence, else the sentence itself, shortened."""
    quote = _QUOTE.search(cue.sentence.text)
    said = quote[1].strip().rstrip(",") if quote else cue.sentence.text
    if len(said) <= limit:
        return said
    return said[:limit].rsplit(" ", 1)[0] + "\u2026"


def _is_speaker(phrase: str) -> bool:
    """A speaker is a generic noun phrase or contains a capitalised name."""
    head = _head(phrase)
    return head.casefold() in _GENERIC or any(w[:1].isupper() for w in phrase.split())


_ALLEGED = re.compile(r"\b(alleged(?:ly)?|accus(?:ed|es|ing|ation)|suspected|purported(?:ly)?)\b", re.IGNORECASE)
_MISSING = re.compile(
    r"\b(without being (?:told|informed)[^,.;]*|not (?:been )?(?:disclosed|made public|known|identified|confirmed)|"
    r"did not (?:say|disclose|give|specify|respond)|declined to (?:comment|say)|could not be (?:independently )?"
    r"(?:verified|confirmed|reached)|no details|unclear|unknown)\b",
    re.IGNORECASE,
)
_HEDGED_FIGURE = re.compile(
    r"\b(at least|around|about|nearly|almost|more than|up to|as (?:high|many|much) as|roughly|some|over)"
    r"(?:\s+(?:around|about))?\s+(\d[\d,.]*)",
    re.IGNORECASE,
)


CONFLICT_RATIO = 5
"""Two hedged figures within 5x of each other ("at least 20" vs "as high as 50") can be one count told two ways;
further apart they count different things."""


@dataclass(frozen=True)
class DoubtCue:
    kind: str
    note: str
    sentences: tuple[Sentence, ...]


def find_doubts(index: ArticleIndex) -> list[DoubtCue]:
    """Allegations, missing information and conflicting figures, each with its sentences."""
    cues: list[DoubtCue] = []
    alleged = [(s, m) for s in index.sentences if (m := _ALLEGED.search(s.text))]
    if alleged:
        sentence, match = alleged[0]
        cues.append(DoubtCue("allegation", f"described as {match[0].lower()}", tuple(s for s, _ in alleged[:2])))
    for sentence in index.sentences:
        if missing := _MISSING.search(sentence.text):
            cues.append(DoubtCue("missing_information", missing[0], (sentence,)))
    figures = [(s, m) for s in index.sentences for m in _HEDGED_FIGURE.finditer(s.text)]
    for position, (first, a) in enumerate(figures):
        for second, b in figures[position + 1 :]:
            low, high = sorted((_number(a[2]), _number(b[2])))
            if second is first or not 0 < low < high <= CONFLICT_RATIO * low:
                continue
            counts = counted(first.text, a.start(), a.end()), counted(second.text, b.start(), b.end())
            if None not in counts and counts[0] != counts[1]:
                continue  # "at least 11 killed", "about 12 injured": two counts, no conflict
            if _shares_topic(first.text, second.text):
                note = f'"{a[0].rstrip(",.")}" vs "{b[0].rstrip(",.")}"'
                cues.append(DoubtCue("conflicting_claims", note, (first, second)))
                break
        else:
            continue
        break
    return cues


def _number(text: str) -> float:
    try:
        return float(text.replace(",", "").rstrip("."))
    except ValueError:
        return float("nan")


def _shares_topic(a: str, b: str) -> bool:
    def stems(text: str) -> set[str]:
        return {w[:5].casefold() for w in re.findall(r"[A-Za-z]{5,}", text)}

    return bool(stems(a) & stems(b))
