"""One retry layer for transport failures (tenacity); the SDK's own retries are off.

Timeouts, connection errors, 429 and 5xx are retried with capped exponential
backoff and jitter, honouring Retry-After up to ``max_wait``; a server that
asks for a longer wait is not retried at all (the error says when to come
back). 400/401/403/404 are not retried. Validation re-asks are instructor's,
bounded separately in the client. Sync and async calls share one policy.
"""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import openai
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

from summarizer.llm.transports import GarbageResponse

T = TypeVar("T")

logger = logging.getLogger(__name__)

RETRYABLE = (openai.APITimeoutError, openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError)


def root_cause(error: BaseException) -> BaseException:
    """The API error instructor wrapped, if any (it re-raises as InstructorRetryException)."""
    seen: BaseException | None = error
    while seen is not None and not isinstance(seen, openai.APIError):
        seen = seen.__cause__ or seen.__context__
    return seen if seen is not None else error


def in_chain(error: BaseException | None, kind: type[BaseException]) -> bool:
    """Whether ``error`` or anything it was raised from is a ``kind``."""
    while error is not None:
        if isinstance(error, kind):
            return True
        error = error.__cause__ or error.__context__
    return False


def is_retryable(error: BaseException) -> bool:
    """Transport failures are; a 2xx body that is not JSON (GarbageResponse) is not."""
    return not in_chain(error, GarbageResponse) and isinstance(root_cause(error), RETRYABLE)


def reason(error: BaseException | None) -> str:
    """Why a request failed, in a few words fit for a log line ("the server answered 503", "timed out")."""
    cause = root_cause(error) if error is not None else None
    if isinstance(cause, openai.APIStatusError):
        hinted = retry_after_seconds(cause)
        return f"the server answered {cause.status_code}" + (
            f" (Retry-After {hinted:g}s)" if hinted is not None else ""
        )
    if isinstance(cause, openai.APITimeoutError):
        return "no answer in time"
    if isinstance(cause, openai.APIConnectionError):
        return "cannot connect"
    return type(cause).__name__ if cause is not None else "unknown error"


def retry_after_seconds(error: BaseException) -> float | None:
    """Seconds from a Retry-After header (delta or HTTP date), if the server sent one."""
    cause = root_cause(error)
    response = getattr(cause, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        return max(0.0, parsed.timestamp() - time.time())


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    initial_wait: float = 1.0
    max_wait: float = 30.0
    """The longest wait between attempts, Retry-After included."""

    def asks_too_long(self, error: BaseException) -> float | None:
        """The server's Retry-After when it exceeds ``max_wait`` (then we stop at once)."""
        hinted = retry_after_seconds(error)
        return hinted if hinted is not None and hinted > self.max_wait else None

    def should_retry(self, error: BaseException) -> bool:
        if not is_retryable(error):
            return False
        too_long = self.asks_too_long(error)
        if too_long is not None:
            logger.info("%s and asks to wait %gs, more than %gs: not retrying", reason(error), too_long, self.max_wait)
        return too_long is None

    def wait(self, state: RetryCallState) -> float:
        outcome = state.outcome
        error = outcome.exception() if outcome else None
        hinted = retry_after_seconds(error) if error else None
        if hinted is not None:
            return min(hinted, self.max_wait)
        return float(wait_exponential_jitter(multiplier=self.initial_wait, max=self.max_wait)(state))

    def log_retry(self, state: RetryCallState) -> None:
        """One INFO line before each wait: which attempt failed, why, and how long until the next."""
        outcome = state.outcome
        error = outcome.exception() if outcome else None
        wait = state.next_action.sleep if state.next_action else 0.0
        logger.info("attempt %d of %d: %s; retrying in %.1fs", state.attempt_number, self.attempts, reason(error), wait)

    def _settings(self) -> dict[str, Any]:
        return {
            "stop": stop_after_attempt(self.attempts),
            "wait": self.wait,
            "retry": retry_if_exception(self.should_retry),
            "before_sleep": self.log_retry,
            "reraise": True,
        }

    def call(self, func: Callable[[], T]) -> T:
        """Run ``func`` with retries; re-raise the last error when attempts run out."""
        return Retrying(**self._settings())(func)

    async def acall(self, func: Callable[[], Awaitable[T]]) -> T:
        """:meth:`call` for a coroutine function; waits without blocking the event loop."""
        return await AsyncRetrying(**self._settings())(func)
