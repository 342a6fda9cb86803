"""Does a brief name a gold entity? Tolerant of titles, case, accents, possessives, punctuation.

An entity is found when some name in the brief and some usable surface form of
the entity (a mention or the identity) are equal as word sequences, or one is a
contiguous part of the other, after dropping leading titles and articles.
Pronouns and lower-case descriptions ("the organization", "he") are not usable
forms: matching them would credit any brief. An acronym in capitals ("US",
"U.S.", "USAF") is matched only to the same acronym, dots aside, so "US" is a
name there and never the pronoun "us".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarizer.evaluation.gold import GoldEntity
from summarizer.rules.names import same_name, usable

_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,}")


def acronym(form: str) -> str | None:
    """``US`` for "US" or "U.S." (capitals only, two letters or more); None for anything else."""
    bare = form.strip()
    return bare.replace(".", "") if _ACRONYM.fullmatch(bare) else None


def entity_forms(entity: GoldEntity) -> list[str]:
    return [form for form in dict.fromkeys((entity.label, *entity.mentions)) if usable(form)]


def found(entity: GoldEntity, names: Iterable[str]) -> str | None:
    """The brief name that matches the entity, or None."""
    forms = entity_forms(entity)
    acronyms = {a for a in map(acronym, (entity.label, *entity.mentions)) if a}
    for name in names:
        if any(same_name(name, form) for form in forms) or acronym(name) in acronyms:
            return name
    return None
