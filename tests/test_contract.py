"""The published contract: JSON Schemas in schemas/ and the package's exports."""

from __future__ import annotations

import summarizer
from summarizer.schemas import schema_documents
from tests.conftest import ROOT


def test_schemas_in_sync() -> None:
    for name, text in schema_documents().items():
        path = ROOT / "schemas" / name
        assert path.exists(), f"run `python -m summarizer.schemas` to create {path}"
        assert path.read_text() == text, f"{path} is stale: run `python -m summarizer.schemas`"


def test_public_api_surface() -> None:
    assert sorted(summarizer.__all__) == sorted(
        [
            "SCHEMA_VERSION",
            "Actor",
            "Article",
            "ArticleError",
            "ArticleTrimmed",
            "BackendError",
            "Brief",
            "ConfigError",
            "Digest",
            "Event",
            "ModelOutputError",
            "ModelUnavailableError",
            "Place",
            "RunInfo",
            "Source",
            "Span",
            "Summarizer",
            "SummarizerError",
            "TimeReference",
            "Uncertainty",
            "UncertaintyReason",
            "__version__",
            "asummarize",
            "build_digest",
            "read_article",
            "summarize",
        ]
    )
    for name in summarizer.__all__:
        assert hasattr(summarizer, name)
