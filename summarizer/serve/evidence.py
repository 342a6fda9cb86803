"""An article's own text with its evidence marked: every span a brief or story cites gets an anchor.

Pages link each item (event, source, name, time, a story's account) to
``#ev-ARTICLE-START-END``, a ``<mark>`` around that span in the article's
text, so "click an item, see the sentence" needs nothing but a link and the
``:target`` style. Marks nest (a name inside its sentence); a span that
crosses another (starts inside it, ends after it) cannot be an element of
its own, so its links go to the mark that holds its start.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from summarizer.digest.schema import Citation, Story
from summarizer.schema import Actor, Brief, Place, Source, Span, TimeReference

Token = tuple[Literal["text", "open", "close"], str]
"""A piece of the marked text: text to show (escaped by the template), a mark opened (its anchor), a mark closed."""


def anchor(article: str, start: int, end: int) -> str:
    return f"ev-{article}-{start}-{end}"


def brief_spans(brief: Brief) -> list[Span]:
    """Every span the brief cites: each item's evidence, and where it names a person, place, time or source."""
    spans: list[Span] = []
    named: list[Actor | Place | TimeReference | Source] = [*brief.who, *brief.where, *brief.when, *brief.sources]
    for item in named:
        spans += [item.mention, *item.evidence]
    for event in brief.what:
        spans += event.evidence
    for reason in brief.uncertainty.reasons:
        spans += reason.evidence
    return spans


def story_citations(story: Story) -> list[Citation]:
    """Every citation of the story's own items (events, sources, figures, claims, conflicts, uncertainty, changes)."""
    found = [r.citation for e in story.events for r in e.reports]
    found += [s.citation for s in story.sources]
    found += [a.citation for f in story.figures for a in f.accounts]
    found += [c for claim in story.corroborated for c in claim.citations]
    found += [a.citation for conflict in story.conflicts for a in conflict.accounts]
    found += [r.citation for r in story.uncertainty.reasons]
    if story.changes:  # what is new since the baseline, cited in today's articles (its "before" sides are earlier)
        changes = story.changes
        found += [f.after.citation for f in changes.figures] + [f.after.citation for f in changes.figures_apart]
        found += [c.after.citation for c in changes.statuses]
        found += [n.citation for n in changes.names] + [o.citation for o in changes.outlets]
        found += [s.citation for s in changes.sources]
        found += [r.citation for r in changes.uncertainty.added] if changes.uncertainty else []
    return found


@dataclass
class MarkedText:
    """One article's text cut into tokens, and where each cited span's links go."""

    article: str
    tokens: list[Token] = field(default_factory=list)
    targets: dict[tuple[int, int], str] = field(default_factory=dict)

    def target(self, start: int, end: int) -> str | None:
        """The anchor a link to the span goes to; None for a span not in this text."""
        return self.targets.get((start, end))


def mark(article: str, text: str, spans: Iterable[tuple[int, int]]) -> MarkedText:
    """``text`` with a mark around each span (those outside the text or empty are left out)."""
    wanted = sorted({(s, e) for s, e in spans if 0 <= s < e <= len(text)}, key=lambda span: (span[0], -span[1]))
    marked = MarkedText(article)
    open_ends: list[tuple[int, str]] = []
    position = 0

    def close_until(limit: int) -> None:
        nonlocal position
        while open_ends and open_ends[-1][0] <= limit:
            end, _ = open_ends.pop()
            marked.tokens += [("text", text[position:end]), ("close", "")]
            position = end

    for start, end in wanted:
        close_until(start)
        if open_ends and end > open_ends[-1][0]:  # crosses the innermost open mark: link to that one
            marked.targets[start, end] = open_ends[-1][1]
            continue
        name = anchor(article, start, end)
        marked.tokens += [("text", text[position:start]), ("open", name)]
        marked.targets[start, end] = name
        open_ends.append((end, name))
        position = start
    close_until(len(text))
    marked.tokens.append(("text", text[position:]))
    marked.tokens = [token for token in marked.tokens if token != ("text", "")]
    return marked
