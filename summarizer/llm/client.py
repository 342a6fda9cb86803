"""One OpenAI-protocol client path for every backend: instructor on the openai SDK.

Counts tokens and the server's own timings over every attempt (re-asks
included), and turns API failures into one-line errors that name the fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

import httpx2
import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from instructor.v2.core.hooks import Hooks
from pydantic import BaseModel

from summarizer.errors import BackendError, ModelOutputError
from summarizer.llm.backends.base import Endpoint
from summarizer.llm.retry import RetryPolicy, in_chain, root_cause
from summarizer.llm.transports import CheckedTransport, GarbageResponse, GrammarTransport

M = TypeVar("M", bound=BaseModel)

VALIDATION_ATTEMPTS = 2
"""Instructor re-asks once when the output does not validate; the grammar makes that rare."""


@dataclass
class Usage:
    """Tokens and server time summed over every model call of one brief."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    prompt_ms: float = 0.0
    generation_ms: float = 0.0
    timed_calls: int = 0

    def add(self, response: Any) -> None:
        self.calls += 1
        usage = getattr(response, "usage", None)
        if usage is not None:
            self.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
            self.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)
        timings = (getattr(response, "model_extra", None) or {}).get("timings")
        if isinstance(timings, dict) and "prompt_ms" in timings:
            self.prompt_ms += float(timings.get("prompt_ms") or 0.0)
            self.generation_ms += float(timings.get("predicted_ms") or 0.0)
            self.timed_calls += 1


class ChatClient:
    """Structured chat completions against one endpoint."""

    def __init__(self, endpoint: Endpoint, retry: RetryPolicy | None = None) -> None:
        self.endpoint = endpoint
        self.retry = retry or RetryPolicy()
        self._openai = openai.OpenAI(
            base_url=endpoint.base_url,
            api_key=endpoint.api_key,
            timeout=endpoint.timeout,
            max_retries=0,  # tenacity is the only retry layer
            http_client=_http_client(endpoint),
        )
        self._client = instructor.from_openai(self._openai, mode=instructor.Mode.JSON_SCHEMA)

    def close(self) -> None:
        self._openai.close()

    def structured(
        self,
        response_model: type[M],
        messages: list[dict[str, str]],
        usage: Usage,
        max_tokens: int,
    ) -> tuple[M, str]:
        """Ask for ``response_model``; return it with the raw JSON the model wrote."""
        hooks = Hooks()
        hooks.on("completion:response", usage.add)

        def attempt() -> tuple[M, Any]:
            return self._client.create_with_completion(
                model=self.endpoint.model,
                messages=messages,  # type: ignore[arg-type]
                response_model=response_model,
                max_retries=VALIDATION_ATTEMPTS - 1,  # instructor counts retries, not attempts
                max_tokens=max_tokens,
                temperature=0,
                seed=0,
                hooks=hooks,
            )

        try:
            parsed, completion = self.retry.call(attempt)
        except Exception as error:
            raise self.explain(error) from error
        return parsed, str(completion.choices[0].message.content or "")

    def explain(self, error: BaseException) -> Exception:
        """A one-line, actionable error for anything the call raised."""
        cause = root_cause(error)
        where = self.endpoint.base_url
        if in_chain(error, GarbageResponse):
            return BackendError(
                f"{where} answered with something that is not a chat completion; is it an OpenAI-compatible endpoint?"
            )
        if isinstance(cause, openai.AuthenticationError | openai.PermissionDeniedError):
            return BackendError(f"{where} refused the API key ({cause.status_code}); check OPENAI_API_KEY or --api-key")
        if isinstance(cause, openai.NotFoundError):
            return BackendError(
                f"{where} answered 404 for model {self.endpoint.model!r}; check --base-url (usually ends in /v1) and --model"
            )
        if isinstance(cause, openai.BadRequestError):
            return BackendError(f"{where} rejected the request (400): {_message(cause)}; check --model")
        if isinstance(cause, openai.RateLimitError):
            return BackendError(
                f"{where} kept answering 429 (rate limited) after {self.retry.attempts} attempts; try again later"
            )
        if isinstance(cause, openai.InternalServerError):
            return BackendError(
                f"{where} kept failing ({cause.status_code}) after {self.retry.attempts} attempts; check the server's logs"
            )
        if isinstance(cause, openai.APITimeoutError):
            return BackendError(
                f"{where} did not answer within {self.endpoint.timeout:g}s ({self.retry.attempts} attempts); raise --timeout or use a faster model"
            )
        if isinstance(cause, openai.APIConnectionError):
            return BackendError(
                f"cannot reach {where} ({self.retry.attempts} attempts); is the server running and the URL right?"
            )
        if isinstance(cause, openai.APIResponseValidationError):
            return BackendError(
                f"{where} answered with something that is not a chat completion; is it an OpenAI-compatible endpoint?"
            )
        if isinstance(cause, openai.APIStatusError):
            return BackendError(f"{where} answered {cause.status_code}: {_message(cause)}")
        if isinstance(error, IncompleteOutputException):
            return ModelOutputError("the model ran out of output tokens before finishing the brief; try a larger model")
        if isinstance(error, InstructorRetryException):
            return ModelOutputError(
                f"the model's output did not fit the brief schema after {error.n_attempts} attempts "
                f"({_first_line(str(error))}); try another model"
            )
        return BackendError(f"{where}: {type(error).__name__}: {_first_line(str(error))}")


def _http_client(endpoint: Endpoint) -> httpx2.Client:
    transport = GrammarTransport() if endpoint.dialect == "llama.cpp" else CheckedTransport()
    return openai.DefaultHttpx2Client(transport=transport)


def _message(error: openai.APIStatusError) -> str:
    body = error.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return _first_line(str(inner["message"]))
    return _first_line(error.message)


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:200]
