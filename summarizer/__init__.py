"""summarizer: grounded, validated briefs of news articles.

>>> from summarizer import summarize
>>> brief = summarize(open("examples/mali-coup-plot.txt").read())  # embedded model, no API key
>>> [actor.name for actor in brief.who]
"""

__version__ = "0.1.0"  # first: modules imported below read it

from summarizer.article import Article, read_article
from summarizer.digest import Digest, build_digest
from summarizer.engine import ArticleTrimmed, Summarizer, asummarize, summarize
from summarizer.errors import (
    ArticleError,
    BackendError,
    ConfigError,
    ModelOutputError,
    ModelUnavailableError,
    SummarizerError,
)
from summarizer.schema import (
    SCHEMA_VERSION,
    Actor,
    Brief,
    Event,
    Place,
    RunInfo,
    Source,
    Span,
    TimeReference,
    Uncertainty,
    UncertaintyReason,
)

__all__ = [
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
