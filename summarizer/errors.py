"""Errors a user can act on: each message says what went wrong and what to do."""

from __future__ import annotations


class SummarizerError(Exception):
    """Base class; ``str(error)`` is a one-line message fit for a terminal."""


class ArticleError(SummarizerError):
    """The input cannot be read as an article (empty, binary, missing, malformed)."""


class ModelUnavailableError(SummarizerError):
    """The chosen model or its runtime is not installed or cannot be loaded."""


class ConfigError(SummarizerError):
    """A model spec, base URL or option is invalid."""


class BackendError(SummarizerError):
    """The model server failed: unreachable, refused, timed out, or answered an error."""


class ModelOutputError(SummarizerError):
    """The model kept answering with output that does not fit the brief schema."""
