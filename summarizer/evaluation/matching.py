"""Does a brief name a gold entity? Tolerant of titles, case, accents, possessives, punctuation.

An entity is found when some name in the brief and some usable surface form of
the entity (a mention or the identity) are equal as word sequences, or one is a
contiguous part of the other, after dropping leading titles and articles.
Pronouns and lower-case descriptions ("the organization", "he") are not usable
forms: matching them would credit any brief.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from summarizer.evaluation.gold import GoldEntity
from summarizer.text import STOPWORDS, TITLES, normalize

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


def entity_forms(entity: GoldEntity) -> list[str]:
    return [form for form in dict.fromkeys((entity.label, *entity.mentions)) if usable(form)]


def found(entity: GoldEntity, names: Iterable[str]) -> str | None:
    """The brief name that matches the entity, or None."""
    forms = entity_forms(entity)
    for name in names:
        if any(same_name(name, form) for form in forms):
            return name
    return None
