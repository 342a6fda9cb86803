"""One retry layer for transport failures (tenacity); the SDK's own retries are off.

Timeouts, connection errors, 429 (honouring Retry-After) and 5xx are retried
with capped exponential backoff and jitter. 400/401/403/404 are not retried.
Validation re-asks are instructor's, bounded separately in the engine.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import openai
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from summarizer.llm.transports import GarbageResponse

T = TypeVar("T")

RETRYABLE = (openai.APITimeoutError, openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError)


def root_cause(error: BaseException) -> BaseException:
    """The API error instructor wrapped, if any (it re-raises as InstructorRetryException)."""
    seen = error
    while not isinstance(seen, openai.APIError) and (seen.__cause__ or seen.__context__):
        seen = seen.__cause__ or seen.__context__  # type: ignore[assignment]
    return seen if isinstance(seen, openai.APIError) else error


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
        parsed = email.utils.parsedate_to_datetime(value)
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    initial_wait: float = 1.0
    max_wait: float = 30.0

    def wait(self, state: RetryCallState) -> float:
        outcome = state.outcome
        error = outcome.exception() if outcome else None
        hinted = retry_after_seconds(error) if error else None
        if hinted is not None:
            return min(hinted, self.max_wait)
        return float(wait_exponential_jitter(multiplier=self.initial_wait, max=self.max_wait)(state))

    def call(self, func: Callable[[], T], on_retry: Callable[[BaseException, float], None] | None = None) -> T:
        """Run ``func`` with retries; re-raise the last error when attempts run out."""

        def before_sleep(state: RetryCallState) -> None:
            if on_retry and state.outcome and state.next_action:
                on_retry(state.outcome.exception() or RuntimeError("retry"), state.next_action.sleep)

        retrying = Retrying(
            stop=stop_after_attempt(self.attempts),
            wait=self.wait,
            retry=retry_if_exception(is_retryable),
            before_sleep=before_sleep,
            reraise=True,
        )
        return retrying(func)
