"""Does a brief name a gold entity? Tolerant of titles, case, accents, possessives, punctuation.

An entity is found when some name in the brief and some usable surface form of
the entity (a mention or the identity) are equal as word sequences, or one is a
contiguous part of the other, after dropping leading titles and articles.
Pronouns and lower-case descriptions ("the organization", "he") are not usable
forms: matching them would credit any brief.
"""

from __future__ import annotations

from collections.abc import Iterable

from summarizer.evaluation.gold import GoldEntity
from summarizer.rules.names import same_name, usable


def entity_forms(entity: GoldEntity) -> list[str]:
    return [form for form in dict.fromkeys((entity.label, *entity.mentions)) if usable(form)]


def found(entity: GoldEntity, names: Iterable[str]) -> str | None:
    """The brief name that matches the entity, or None."""
    forms = entity_forms(entity)
    for name in names:
        if any(same_name(name, form) for form in forms):
            return name
    return None
