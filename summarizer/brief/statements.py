"""The headline and summary: the model's when the article bears them out, else the article's own words."""

from __future__ import annotations

from summarizer.brief.align import Aligner
from summarizer.brief.events import names_in
from summarizer.brief.items import GroundedDraft
from summarizer.rules.names import is_dateline, is_heading
from summarizer.rules.text import Sentence, stems

HEADLINE_CHARS = 70
SUMMARY_CHARS = 240
"""The draft's own bounds: a fallback from the article's words is no longer than the model's would be."""


def with_statements(
    items: GroundedDraft, aligner: Aligner, headline: str, summary: str, capital_names: bool = True
) -> GroundedDraft:
    """The model's headline and summary, each checked against the article."""
    return items.but(
        headline=checked(aligner, headline, fallback_headline(aligner), capital_names),
        summary=checked(aligner, summary, fallback_summary(aligner), capital_names),
    )


def checked(aligner: Aligner, written: str, fallback: str, capital_names: bool = True) -> str:
    """The model's headline or summary when the article bears it out, else the article's own words.

    Borne out: every name it uses is in the article, and its content words
    come from article sentences that do not address the model.
    """
    prose = [s for s in aligner.index.sentences if not aligner.addressed(s.start)]
    have = set().union(*(stems(s.text) for s in prose)) if prose else set()
    wanted = stems(written)
    names_ok = all(aligner.locate(word) is not None for word in names_in(written, capital_names))
    if wanted and names_ok and len(wanted & have) * 2 >= len(wanted):
        return written
    return fallback


def fallback_headline(aligner: Aligner) -> str:
    prose = _prose(aligner)
    return _shorten(prose[0].text if prose else aligner.index.text, HEADLINE_CHARS)


def fallback_summary(aligner: Aligner) -> str:
    prose = [s for s in _prose(aligner) if not is_heading(s.text)]
    return _shorten(prose[0].text if prose else aligner.index.text, SUMMARY_CHARS)


def _prose(aligner: Aligner) -> list[Sentence]:
    return [s for s in aligner.index.sentences if not (is_dateline(s.text) or aligner.addressed(s.start))]


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"
