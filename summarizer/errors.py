"""Errors a user can act on: each message says what went wrong and what to do.

A small tree with a retryable branch, as httpx and pydantic-ai have: a caller
decides from the class and the fields, never by parsing the message.

- :class:`SummarizerError`
  - :class:`ArticleError`, :class:`ConfigError`, :class:`ModelUnavailableError`
    - :class:`StoreError` (a :class:`ConfigError`): the ``--store`` file cannot be used
  - :class:`BackendError` (``status``, ``retry_after``, ``attempts``, ``usage``, ``provider_message``)
    - :class:`TransientBackendError`: worth trying again later (429, 5xx, timeouts, connection failures)
  - :class:`ModelOutputError` (``attempts``, ``usage``)

A message names the Python argument first and the CLI flag after it
("pass api_key= (CLI: --api-key)"), since the library is called from both.
"""

from __future__ import annotations

from dataclasses import dataclass


class SummarizerError(Exception):
    """Base class; ``str(error)`` is a one-line message fit for a terminal."""


class ArticleError(SummarizerError):
    """The input cannot be read as an article (empty, binary, missing, malformed)."""


class ModelUnavailableError(SummarizerError):
    """The chosen model or its runtime is not installed or cannot be loaded."""


class ConfigError(SummarizerError):
    """A model spec, base URL or option is invalid."""


class StoreError(ConfigError):
    """The SQLite store cannot be used: another program's file, damaged, locked, read-only or from a newer summarizer.

    A :class:`ConfigError` because the fix is the same: give another store
    (``Store(path)``, CLI: ``--store``); nothing is written into a file that is not ours.
    """


class StoreBusyError(StoreError):
    """SQLite waited its whole busy timeout for the store's lock: another process was writing to it."""


@dataclass(frozen=True)
class TokenUsage:
    """Tokens the server reported for a brief's model calls so far, failed attempts included."""

    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class BackendError(SummarizerError):
    """The model server failed: unreachable, refused, timed out, or answered an error.

    Not worth repeating as is (a refused key, an unknown model, a body that is
    no chat completion); :class:`TransientBackendError` is.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
        attempts: int | None = None,
        usage: TokenUsage | None = None,
        provider_message: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        """The HTTP status of the last answer; None when there was none (timeout, no connection, bad body)."""
        self.retry_after = retry_after
        """Seconds the server asked to wait (its Retry-After header), if it said."""
        self.attempts = attempts
        """HTTP requests sent for the failed call (transport retries and re-asks included), if known."""
        self.usage = usage
        """Tokens spent on the brief so far (answers that failed validation count), if known."""
        self.provider_message = provider_message
        """The server's own error message (first line, passwords in URLs hidden), if it sent one."""


class TransientBackendError(BackendError):
    """A failure that may pass: rate limited (429), a 5xx, a timeout or no connection.

    Our retries are spent when this is raised; ``retry_after`` says how long
    the server asked to wait, when it said.
    """


class ModelOutputError(SummarizerError):
    """The model kept answering with output that does not fit the brief schema."""

    def __init__(self, message: str, *, attempts: int | None = None, usage: TokenUsage | None = None) -> None:
        super().__init__(message)
        self.attempts = attempts
        """Answers asked for before giving up, if known."""
        self.usage = usage
        """Tokens spent on the brief so far, the answers that did not fit included, if known."""
