"""One line for a brief whose language the rules only partly cover: which fields are the model's alone."""

from __future__ import annotations

from summarizer.nlp.language import language_name
from summarizer.schema import Brief


def coverage_note(brief: Brief) -> str | None:
    """E.g. "Spanish article: rules checked when, sources; who, where, what, uncertainty are the model's answer
    alone." None when the rules cover every field (English) or the brief predates coverage."""
    coverage = brief.coverage
    if coverage is None or not coverage.partial:
        return None
    language = language_name(coverage.language)
    checked = ", ".join(coverage.rules) or "nothing"
    alone = ", ".join(coverage.model_only)
    return f"{language} article: rules checked {checked}; {alone} are the model's grounded answer alone."
