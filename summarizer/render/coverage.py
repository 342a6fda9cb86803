"""One line for an article whose language the rules only partly cover: which fields are the model's alone.

The brief renderers (terminal, Markdown) print it under the brief; the digest
renderers print it under each story, one line per such article.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.digest.schema import Story
from summarizer.nlp.language import language_name
from summarizer.schema import Brief, Coverage


def coverage_line(language: str, rules: Sequence[str], model_only: Sequence[str], outlet: str | None = None) -> str:
    """E.g. "Spanish article: rules checked when, sources; who, where, what, uncertainty are the model's grounded
    answer alone." (with its outlet in a digest: "Spanish article (El Diario): ...")."""
    named = f"{language_name(language)} article{f' ({outlet})' if outlet else ''}"
    checked = ", ".join(rules) or "nothing"
    return f"{named}: rules checked {checked}; {', '.join(model_only)} are the model's grounded answer alone."


def coverage_note(brief: Brief) -> str | None:
    """The line for a brief, or None when the rules cover every field (English) or the brief predates coverage."""
    coverage: Coverage | None = brief.coverage
    if coverage is None or not coverage.partial:
        return None
    return coverage_line(coverage.language, coverage.rules, coverage.model_only)


def coverage_notes(story: Story) -> list[str]:
    """One line per article of the story in a language the rules only partly cover."""
    return [
        coverage_line(c.language, c.rules, c.model_only, None if c.outlet == "unknown" else c.outlet)
        for c in story.coverage
    ]
