"""One OpenAI-protocol client path for every backend: instructor on the openai SDK, sync or async.

Counts every HTTP request, the tokens and the server's own timings over
every attempt (transport retries and re-asks included), and turns API
failures into one-line errors that name the fix. The sync and async calls
share the request (``_request``), the retry policy and ``explain``; only the
waiting differs.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
import weakref
from dataclasses import dataclass
from typing import Any, TypeVar

import instructor
import openai
from instructor.core import Hooks, IncompleteOutputException, InstructorError, InstructorRetryException
from pydantic import BaseModel

from summarizer.errors import (
    ArticleError,
    BackendError,
    ConfigError,
    ModelOutputError,
    TokenUsage,
    TransientBackendError,
)
from summarizer.llm.backends.base import Endpoint
from summarizer.llm.retry import RetryPolicy, in_chain, is_retryable, retry_after_seconds, root_cause
from summarizer.llm.transports import GarbageResponse
from summarizer.redact import guard_url_loggers, redact

M = TypeVar("M", bound=BaseModel)

logger = logging.getLogger(__name__)
guard_url_loggers()

VALIDATION_ATTEMPTS = 2
"""Instructor re-asks once when the output does not validate; the grammar makes that rare."""
SAMPLING: dict[str, Any] = {"temperature": 0, "seed": 0}
"""Greedy and seeded: the same article gives the same answer, so a cassette or a Batch API line replays it."""
CONTEXT_OVERFLOW = ("context size", "context length", "context window", "maximum context")
"""How llama.cpp, vLLM and OpenAI say a prompt does not fit the model's context."""


@dataclass
class Usage:
    """HTTP requests, tokens and server time summed over every model call of one brief."""

    requests: int = 0
    """Every HTTP request sent: transport retries, validation re-asks and re-asks included."""
    calls: int = 0
    """Requests the server answered with a completion."""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    prompt_ms: float = 0.0
    generation_ms: float = 0.0
    timed_calls: int = 0

    def request(self, *_args: Any, **_kwargs: Any) -> None:
        self.requests += 1

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


@dataclass
class Ask:
    """One structured request: what a brief's flow needs answered, whoever sends it (sync or async)."""

    response_model: type[BaseModel]
    messages: list[dict[str, str]]
    max_tokens: int
    usage: Usage


Answer = tuple[BaseModel, str]
"""The parsed answer and the raw JSON the model wrote (kept for the conversation)."""


class ChatClient:
    """Structured chat completions against one endpoint, from threads or coroutines.

    The sync openai client is made on first sync use; an async one per event
    loop on first async use (an httpx connection pool belongs to its loop).
    """

    def __init__(self, endpoint: Endpoint, retry: RetryPolicy | None = None) -> None:
        self.endpoint = endpoint
        self.retry = retry or RetryPolicy()
        self._lock = threading.Lock()
        self._sync: instructor.Instructor | None = None
        self._async: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, instructor.AsyncInstructor] = (
            weakref.WeakKeyDictionary()
        )
        self._owned: list[openai.OpenAI] = []
        self._async_owned: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, openai.AsyncOpenAI] = (
            weakref.WeakKeyDictionary()
        )
        self._given, self._mode = _unwrap(endpoint.client)

    def close(self) -> None:
        """Close the sync client we made (a caller's own client stays theirs to close)."""
        with self._lock:
            for client in self._owned:
                client.close()
            self._owned.clear()
            self._sync = None
            self._async.clear()

    async def aclose(self) -> None:
        """Close the async client we made on this event loop (clients of other loops go with their loop)."""
        loop = asyncio.get_running_loop()
        with self._lock:
            self._async.pop(loop, None)
            client = self._async_owned.pop(loop, None)
        if client is not None:
            await client.close()

    def structured(self, ask: Ask) -> Answer:
        """Ask for ``ask.response_model``; return it with the raw JSON the model wrote."""
        client = self._sync_client()
        hooks = self._hooks(ask.usage)
        before = ask.usage.requests
        try:
            parsed, completion = self.retry.call(lambda: client.create_with_completion(**self._request(ask, hooks)))
        except Exception as error:
            raise self.explain(error, ask.usage, ask.usage.requests - before) from error
        return parsed, _content(completion)

    async def astructured(self, ask: Ask) -> Answer:
        """:meth:`structured` on the async client (a caller's sync client runs in a worker thread)."""
        if isinstance(self._given, openai.OpenAI):
            return await asyncio.to_thread(self.structured, ask)
        client = self._async_client()
        hooks = self._hooks(ask.usage)

        async def attempt() -> tuple[BaseModel, Any]:
            return await client.create_with_completion(**self._request(ask, hooks))

        before = ask.usage.requests
        try:
            parsed, completion = await self.retry.acall(attempt)
        except Exception as error:
            raise self.explain(error, ask.usage, ask.usage.requests - before) from error
        return parsed, _content(completion)

    def _request(self, ask: Ask, hooks: Hooks) -> dict[str, Any]:
        logger.debug(
            "asking %s (%s) for %s: %d message(s), at most %d tokens",
            self.endpoint.model,
            self.endpoint.backend,
            ask.response_model.__name__,
            len(ask.messages),
            ask.max_tokens,
        )
        return {
            "model": self.endpoint.model,
            "messages": ask.messages,
            "response_model": ask.response_model,
            "max_retries": VALIDATION_ATTEMPTS - 1,  # instructor counts retries, not attempts
            "max_tokens": ask.max_tokens,
            **SAMPLING,
            "hooks": hooks,
        }

    def request_body(self, ask: Ask) -> dict[str, Any]:
        """The chat-completions body :meth:`structured` sends first for ``ask`` (what a Batch API line holds)."""
        from instructor.processing.response import handle_response_model

        _, body = handle_response_model(ask.response_model, mode=self._mode, messages=list(ask.messages))
        body.update(model=self.endpoint.model, max_tokens=ask.max_tokens, **SAMPLING)
        return dict(body)

    @staticmethod
    def _hooks(usage: Usage) -> Hooks:
        hooks = Hooks()
        hooks.on("completion:kwargs", usage.request)
        hooks.on("completion:response", usage.add)
        hooks.on("parse:error", _log_reask)
        return hooks

    def _sync_client(self) -> instructor.Instructor:
        with self._lock:
            if self._sync is None:
                if isinstance(self._given, openai.AsyncOpenAI):
                    raise ConfigError(
                        "this Summarizer holds an async client (openai.AsyncOpenAI): use asummarize/amap, "
                        "or pass an openai.OpenAI for summarize/map"
                    )
                self._sync = instructor.from_openai(self._sync_openai(), mode=self._mode)
            return self._sync

    def _sync_openai(self) -> openai.OpenAI:
        if isinstance(self._given, openai.OpenAI):
            return self._given.with_options(max_retries=0)  # our retry policy is the only retry layer
        transport = self.endpoint.transport()
        client = openai.OpenAI(**self._settings(), http_client=openai.DefaultHttpx2Client(transport=transport))
        self._owned.append(client)
        return client

    def _async_client(self) -> instructor.AsyncInstructor:
        loop = asyncio.get_running_loop()
        with self._lock:
            client = self._async.get(loop)
            if client is None:
                client = instructor.from_openai(self._async_openai(loop), mode=self._mode)
                self._async[loop] = client
            return client

    def _async_openai(self, loop: asyncio.AbstractEventLoop) -> openai.AsyncOpenAI:
        if isinstance(self._given, openai.AsyncOpenAI):
            return self._given.with_options(max_retries=0)
        transport = self.endpoint.async_transport()
        client = openai.AsyncOpenAI(
            **self._settings(), http_client=openai.DefaultAsyncHttpx2Client(transport=transport)
        )
        self._async_owned[loop] = client
        return client

    def _settings(self) -> dict[str, Any]:
        return {
            "base_url": self.endpoint.base_url,
            "api_key": self.endpoint.api_key,
            "timeout": self.endpoint.timeout,
            "max_retries": 0,  # tenacity is the only retry layer
        }

    def explain(self, error: BaseException, spent: Usage | None = None, sent: int | None = None) -> Exception:
        """A one-line, actionable error for anything the call raised (a password in the URL shown as ***).

        ``spent`` is the brief's usage so far and ``sent`` the requests this call made: both become fields
        of the error, with the HTTP status, the server's Retry-After and its own message.
        """
        cause = root_cause(error)
        where = redact(self.endpoint.base_url)
        usage = TokenUsage(spent.prompt_tokens, spent.completion_tokens) if spent is not None else None
        answered = cause if isinstance(cause, openai.APIStatusError) else None
        tries = sent or self.retry.attempts

        def backend(message: str) -> BackendError:
            kind = TransientBackendError if is_retryable(error) else BackendError
            return kind(
                message,
                status=answered.status_code if answered is not None else None,
                retry_after=retry_after_seconds(error),
                attempts=sent,
                usage=usage,
                provider_message=_message(answered) if answered is not None else None,
            )

        if isinstance(error, ConfigError):
            return error
        if in_chain(error, GarbageResponse) or isinstance(cause, openai.APIResponseValidationError):
            return backend(
                f"{where} answered with something that is not a chat completion; is it an OpenAI-compatible endpoint?"
            )
        if answered is not None and (wait := self.retry.asks_too_long(answered)) is not None:
            return backend(_come_back(where, answered.status_code, wait, self.retry.max_wait))
        if isinstance(cause, openai.AuthenticationError | openai.PermissionDeniedError):
            return backend(
                f"{where} refused the API key ({cause.status_code}); check api_key= (CLI: --api-key) or "
                "SUMMARIZER_API_KEY (OPENAI_API_KEY for OpenAI)"
            )
        if isinstance(cause, openai.NotFoundError):
            return backend(
                f"{where} answered 404 for model {self.endpoint.model!r}; check base_url= (usually ends in /v1) "
                "and the model (CLI: --base-url, --model)"
            )
        if isinstance(cause, openai.BadRequestError):
            message = _message(cause)
            if any(words in message.lower() for words in CONTEXT_OVERFLOW):
                return ArticleError(
                    f"the article is too long for the model's context ({message}); "
                    "give a shorter article or a model with a longer context"
                )
            return backend(f"{where} rejected the request (400): {message}; check the model (CLI: --model)")
        if isinstance(cause, openai.RateLimitError):
            return backend(f"{where} kept answering 429 (rate limited) after {tries} attempts; try again later")
        if isinstance(cause, openai.InternalServerError):
            return backend(
                f"{where} kept failing ({cause.status_code}) after {tries} attempts; check the server's logs"
            )
        if isinstance(cause, openai.APITimeoutError):
            return backend(
                f"{where} did not answer within {self.endpoint.timeout:g}s ({tries} attempts); "
                "raise timeout= (CLI: --timeout) or use a faster model"
            )
        if isinstance(cause, openai.APIConnectionError):
            return backend(f"cannot reach {where} ({tries} attempts); is the server running and the URL right?")
        if answered is not None:
            return backend(f"{where} answered {answered.status_code}: {_message(answered)}")
        if isinstance(error, IncompleteOutputException) or in_chain(error, IncompleteOutputException):
            return ModelOutputError(
                "the model ran out of output tokens before finishing the brief; try a larger model",
                attempts=sent,
                usage=usage,
            )
        if isinstance(error, InstructorRetryException):
            return ModelOutputError(
                f"the model's output did not fit the brief schema after {error.n_attempts} attempts "
                f"({_first_line(_last_error(error))}); try another model",
                attempts=error.n_attempts,
                usage=usage,
            )
        return backend(f"{where}: {type(error).__name__}: {_first_line(_last_error(error))}")


def _log_reask(error: Exception, **attempt: Any) -> None:
    """Instructor's re-ask of an answer that did not validate, as one INFO line (its own log is muted by the CLI)."""
    number, most = attempt.get("attempt_number"), attempt.get("max_attempts")
    then = "giving up" if attempt.get("is_last_attempt") else "asking again"
    logger.info(
        "the model's answer did not fit the schema (attempt %s of %s: %s); %s",
        number,
        most,
        _first_line(f"{type(error).__name__}: {error}"),
        then,
    )


def _unwrap(client: object | None) -> tuple[openai.OpenAI | openai.AsyncOpenAI | None, instructor.Mode]:
    """The caller's openai client and the mode to use it in (an instructor client keeps its own mode)."""
    if isinstance(client, instructor.Instructor | instructor.AsyncInstructor):
        inner = client.client
        if isinstance(inner, openai.OpenAI | openai.AsyncOpenAI):
            return inner, client.mode
        raise ConfigError("client=: this instructor client wraps no openai client; make it with instructor.from_openai")
    if client is None or isinstance(client, openai.OpenAI | openai.AsyncOpenAI):
        return client, instructor.Mode.JSON_SCHEMA
    raise ConfigError(
        f"client= takes openai.OpenAI, openai.AsyncOpenAI or an instructor client, not {type(client).__name__}"
    )


def _content(completion: Any) -> str:
    return str(completion.choices[0].message.content or "")


def _come_back(where: str, status: int, wait: float, cap: float) -> str:
    when = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=wait)
    return (
        f"{where} answered {status} and asks to wait {wait:g}s, longer than the {cap:g}s we wait; "
        f"try again after {when:%Y-%m-%d %H:%M} UTC"
    )


def _last_error(error: BaseException) -> str:
    """The error's own message: instructor's ``str()`` prepends an XML log of every failed attempt."""
    if isinstance(error, InstructorError):
        if error.failed_attempts:
            return str(error.failed_attempts[-1].exception)
        return str(error.args[0]) if error.args else type(error).__name__
    return str(error)


def _message(error: openai.APIStatusError) -> str:
    body = error.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return _first_line(str(inner["message"]))
    return _first_line(error.message)


def _first_line(text: str) -> str:
    """The first line of an upstream message, at most 200 characters, any URL's password hidden."""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return redact(line)[:200]
