"""Outside English, the noun the article writes before a name decides between person and organization.

"la empresa Boeing" is a company whatever the model or the recognizer read
(rules/classifiers.py); a name the article introduces both ways, or never,
keeps the kind it has.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summarizer.brief.align import Aligner
from summarizer.rules.classifiers import LANGUAGES, kind_before

if TYPE_CHECKING:
    from summarizer.brief.merge import GroundedDraft


def retype_introduced(aligner: Aligner, out: GroundedDraft) -> None:
    """A person or organization in who takes the kind every noun before its mentions gives it."""
    if aligner.language not in LANGUAGES:
        return
    text = aligner.index.text
    retyped = []
    for actor in out.who:
        kinds = set()
        if actor.kind in {"person", "organization"}:
            for match in re.finditer(rf"(?<!\w){re.escape(actor.mention.text)}(?!\w)", text):
                kind = kind_before(text, match.start(), aligner.language)
                if kind is not None:
                    kinds.add(kind)
        if len(kinds) == 1 and actor.kind not in kinds:
            actor = actor.model_copy(update={"kind": kinds.pop()})
        retyped.append(actor)
    out.who = retyped
