"""The headline and summary: the model's when the article bears them out, else the article's own words.

Borne out (nlp/support.py): their content words are the article's, every
name and number they use is in it, and people they join are joined in one of
its sentences; sentences addressed to the model (rules/injection.py) are not
the article's word. A replaced headline or summary is listed in the brief's
``run.unsupported`` with why.
"""

from __future__ import annotations

from collections.abc import Collection

from summarizer.brief.align import Aligner
from summarizer.brief.items import GroundedDraft
from summarizer.nlp.support import check_statement, content_words
from summarizer.rules.names import is_dateline, is_heading
from summarizer.rules.text import Sentence
from summarizer.schema import Unsupported

HEADLINE_CHARS = 70
"""A headline's length at most: a news headline's, about ten words."""
SUMMARY_CHARS = 240
"""The draft's own bounds: a fallback from the article's words is no longer than the model's would be."""


def with_statements(
    items: GroundedDraft, aligner: Aligner, headline: str, summary: str, names: Collection[str] = ()
) -> GroundedDraft:
    """The model's headline and summary, each checked against the article; ``names``: the article's people and
    organizations, as its recognizer found them."""
    rejected = list(items.rejected)
    kept = {}
    for part, written, fallback in (
        ("headline", headline, fallback_headline(aligner)),
        ("summary", summary, fallback_summary(aligner)),
    ):
        reason = unsupported(aligner, written, names)
        kept[part] = written if reason is None else fallback
        if reason is not None and content_words(written, aligner.language):  # not a placeholder ("x", "")
            rejected.append(Unsupported(field=part, statement=written, reason=reason, replaced=True))
    return items.but(headline=kept["headline"], summary=kept["summary"], rejected=rejected)


def unsupported(aligner: Aligner, written: str, names: Collection[str] = ()) -> str | None:
    """Why the article does not bear out a headline or summary; None when it does."""
    prose = [s.text for s in aligner.index.sentences if not aligner.addressed(s.start)]
    if not written.strip() or not prose:
        return "nothing to check" if not written.strip() else "the article has no sentence of its own"
    verdict = check_statement(written, prose, aligner.language, names)
    return verdict.reason if not verdict.supported else None


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
