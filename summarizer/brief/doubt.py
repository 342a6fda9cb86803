"""Uncertainty: allegations, missing information, conflicting figures and unnamed sourcing, found by rules.

Which rules read the article is the language's choice (brief/languages.py):
English's attribution rules (rules/attribution.py), or the cue words of
French, Spanish and German (rules/doubts.py).
"""

from __future__ import annotations

from collections.abc import Callable

from summarizer.brief.align import MAX_EVIDENCE, Aligner
from summarizer.brief.items import GroundedDraft
from summarizer.rules.attribution import DoubtCue
from summarizer.rules.text import ArticleIndex
from summarizer.schema import Source, Span, UncertaintyReason

DoubtRules = Callable[[ArticleIndex], list[DoubtCue]]


def add_doubt_cues(items: GroundedDraft, aligner: Aligner, find: DoubtRules) -> GroundedDraft:
    """Add allegations, missing information, conflicting figures and unnamed sourcing."""
    reasons = list(items.reasons)
    have = {(r.kind, r.evidence[0].start) for r in reasons}
    for cue in find(aligner.index):
        evidence = [aligner.sentence_span(s) for s in cue.sentences[:MAX_EVIDENCE]]
        if (cue.kind, evidence[0].start) not in have:
            note = cue.note
            if cue.kind == "conflicting_claims":
                givers = [_credited(items.sources, span) for span in evidence]
                if any(givers):
                    note += " (" + " vs ".join(g or "the outlet" for g in givers) + ")"
            reasons.append(UncertaintyReason(kind=cue.kind, note=note, evidence=evidence, origin="rule"))
    unnamed = [s for s in items.sources if s.anonymous]
    if unnamed and not any(r.kind == "anonymous_sources" for r in reasons):
        note = f"{len(unnamed)} of {len(items.sources)} sources are unnamed"
        evidence = list({s.evidence[0].start: s.evidence[0] for s in unnamed}.values())[:MAX_EVIDENCE]
        reasons.append(UncertaintyReason(kind="anonymous_sources", note=note, evidence=evidence, origin="rule"))
    return items.but(reasons=reasons)


def _credited(sources: list[Source], sentence: Span) -> str | None:
    """The source credited in a sentence, if any."""
    return next((s.name for s in sources if any(e.start == sentence.start for e in s.evidence)), None)
