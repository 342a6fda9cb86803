"""Name finding: proper names in a sentence, and lines that are datelines or headings, not news prose.

Hand-written English rules over the text; standard library only. Also the
rule for when two names are the same ("Mr. Lukaku" and "Romelu Lukaku"),
shared by the digest and the eval.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer.rules.text import STOPWORDS, TITLES, ArticleIndex, normalize
from summarizer.rules.times import find_times

LANGUAGES = frozenset({"en"})
"""Capitalised words with English function words; German capitalises every noun, so other languages get names from their NER."""

_CONNECTOR = r"(?:of|the|de|da|del|della|di|du|la|le|van|von|der|den|bin|al|and|for|&)"
_CAPITALISED = r"(?:[A-Z][\w'\u2019.&-]*|\d+[A-Za-z][\w-]*)"
_NAME = re.compile(rf"#?{_CAPITALISED}(?:\s+(?:{_CONNECTOR}\s+)*{_CAPITALISED})*")
_LEADING = re.compile(
    r"^(?:The|A|An|In|On|At|For|But|And|As|If|When|While|After|Before|During|Then|Because|However|So|This|That|These|Those|It)\s+"
)
_TRAILING_I = re.compile(r"(?:\s+and)?\s+I$")
_DEMONYM = re.compile(r"(?:ians?|ans|ese|ish|ims)$")
"""Single words like "Syrian", "Belgians", "Muslims", "English": adjectives and groups, not names."""
_NOT_NAMES = {"i", "image", "photo", "mr", "mrs", "ms", "dr"}


def is_dateline(text: str) -> bool:
    """A line that is only a date ("Friday, July 21, 2017"): when the story was filed, not news."""
    spans = find_times(text)
    rest = text
    for start, end in reversed(spans):
        rest = rest[:start] + rest[end:]
    return bool(spans) and not re.search(r"[^\W\d_]", rest)


HEADING_CAPITALS = 0.6
"""A title capitalises most of its words; prose capitalises a few names."""


def is_heading(text: str) -> bool:
    """A title-case line without a full stop ("Mali Arrests Dozens of Soldiers"): a headline, not prose."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", text)
    if not words or text.rstrip().endswith((".", "!", "?", '"', "\u201d", ":")):
        return False
    return bool(sum(w[0].isupper() for w in words) >= HEADING_CAPITALS * len(words))


def proper_names(sentence: str, index: ArticleIndex) -> list[str]:
    """Runs of capitalised words ("Church of Scientology", "FIFA"), minus dates and sentence-initial words."""
    times = find_times(sentence)
    names = []
    for match in _NAME.finditer(sentence):
        start, text = match.start(), match.group().rstrip(".,'\u2019-")
        if any(a <= start < b for a, b in times):
            continue
        if start == 0 or not sentence[:start].strip(" \"'\u201c\u2018("):
            text = _LEADING.sub("", text)
        if " " not in text and not _capitalised_elsewhere(text, index):
            continue
        text = _TRAILING_I.sub("", re.sub(r"['\u2019]s$", "", text))
        if (
            text.casefold() in _NOT_NAMES
            or text.casefold() in TITLES
            or (" " not in text and _DEMONYM.search(text))
            or not text[:1].isupper()
            or "'" in text[:3]
            or find_times(text) == [(0, len(text))]
        ):
            continue
        names.append(text)
    return names


def _capitalised_elsewhere(word: str, index: ArticleIndex) -> bool:
    """A sentence-initial word is a name when the article also capitalises it mid-sentence (or it is an acronym)."""
    if word.isupper() and len(word) > 1:
        return True
    if re.search(rf"\b{re.escape(word.lower())}\b", index.text):
        return False  # "People", "Climate": a common word that happened to start a sentence
    return re.search(rf"(?<=[a-z,;:]\s){re.escape(word)}\b", index.text) is not None


PRONOUNS = {
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
    "it", "its", "they", "them", "their", "this", "that", "these", "those", "here", "there",
    "who", "which",
}  # fmt: skip
_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


@lru_cache(maxsize=8192)
def words(name: str) -> tuple[str, ...]:
    """The comparable words of a name: normalised, possessives and leading titles dropped."""
    tokens = [t.removesuffix("'s").replace(".", "") for t in _WORD.findall(normalize(_PARENTHESIS.sub("", name)))]
    while tokens and tokens[0] in TITLES:
        tokens = tokens[1:]
    return tuple(t for t in tokens if t)


def usable(form: str) -> bool:
    """A surface form worth matching: it holds a capitalised word or a number, and is not a pronoun."""
    tokens = words(form)
    if not tokens or (len(tokens) == 1 and tokens[0] in PRONOUNS):
        return False
    return any(w[:1].isupper() or w[:1].isdigit() for w in _WORD.findall(form) if w.casefold() not in PRONOUNS)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def _meaningful(tokens: tuple[str, ...]) -> bool:
    return any(t not in STOPWORDS and t not in TITLES and t not in PRONOUNS for t in tokens)


def same_name(a: str, b: str) -> bool:
    """True when two names refer to the same thing by the rule in the module docstring."""
    x, y = words(a), words(b)
    if not x or not y:
        return False
    shorter, longer = (x, y) if len(x) <= len(y) else (y, x)
    return _meaningful(shorter) and _contains(longer, shorter)
