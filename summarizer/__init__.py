"""summarizer: grounded, validated briefs of news articles.

>>> from summarizer import Summarizer, read_article, summarize
>>> brief = summarize(read_article("examples/wikinews-ahmed-mohamed.json"))  # embedded model, no API key
>>> [actor.name for actor in brief.who]
>>> with Summarizer("local") as engine:
...     for result in engine.map(texts, concurrency=2):  # as each brief finishes
...         print(result.index, result.brief or result.error)

Exports are loaded on first use, so ``import summarizer.schema`` (the public
contract) does not pay for the openai SDK, instructor or the digest.

The library prints nothing: it logs retries, re-asks, fallbacks, skipped
articles and the embedded model's start under the ``summarizer`` logger
(``logging.getLogger("summarizer")``; INFO and DEBUG). Configure logging to see
them; the command line shows them with ``-v``/``-vv``.
"""

from __future__ import annotations

import logging
from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

_EXPORTS = {
    "Article": "summarizer.ingest.article",
    "read_article": "summarizer.ingest.article",
    "Digest": "summarizer.digest.schema",
    "build_digest": "summarizer.digest.build",
    "ArticleTrimmed": "summarizer.brief.engine",
    "BriefResult": "summarizer.brief.engine",
    "Summarizer": "summarizer.brief.engine",
    "asummarize": "summarizer.brief.engine",
    "summarize": "summarizer.brief.engine",
    **dict.fromkeys(
        [
            "ArticleError",
            "BackendError",
            "ConfigError",
            "ModelOutputError",
            "ModelUnavailableError",
            "StoreBusyError",
            "StoreError",
            "SummarizerError",
            "TransientBackendError",
        ],
        "summarizer.errors",
    ),
    **dict.fromkeys(
        [
            "SCHEMA_VERSION",
            "Actor",
            "Brief",
            "Event",
            "NamedThing",
            "Place",
            "RunInfo",
            "Source",
            "Span",
            "TimeReference",
            "Uncertainty",
            "UncertaintyReason",
        ],
        "summarizer.schema",
    ),
}

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Article",
    "ArticleError",
    "ArticleTrimmed",
    "BackendError",
    "Brief",
    "BriefResult",
    "ConfigError",
    "Digest",
    "Event",
    "ModelOutputError",
    "ModelUnavailableError",
    "NamedThing",
    "Place",
    "RunInfo",
    "Source",
    "Span",
    "StoreBusyError",
    "StoreError",
    "Summarizer",
    "SummarizerError",
    "TimeReference",
    "TransientBackendError",
    "Uncertainty",
    "UncertaintyReason",
    "__version__",
    "asummarize",
    "build_digest",
    "read_article",
    "summarize",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:
    from summarizer.brief.engine import ArticleTrimmed, BriefResult, Summarizer, asummarize, summarize
    from summarizer.digest.build import build_digest
    from summarizer.digest.schema import Digest
    from summarizer.errors import (
        ArticleError,
        BackendError,
        ConfigError,
        ModelOutputError,
        ModelUnavailableError,
        StoreBusyError,
        StoreError,
        SummarizerError,
        TransientBackendError,
    )
    from summarizer.ingest.article import Article, read_article
    from summarizer.schema import (
        SCHEMA_VERSION,
        Actor,
        Brief,
        Event,
        NamedThing,
        Place,
        RunInfo,
        Source,
        Span,
        TimeReference,
        Uncertainty,
        UncertaintyReason,
    )
