"""HTTP transports under the openai SDK: a total deadline and a garbage-body check for every
backend, and the llama.cpp dialect.

Deadline: httpx's timeouts are per read, so a server that drips a byte every
two seconds is never cut off. Here ``timeout`` bounds the whole request:
every socket read waits at most what is left of it (headers included, through
a network backend that reads the request's deadline), and the body is cut off
once the deadline passes. The async transport awaits under the same deadline.

llama.cpp dialect: send the response schema as a compact-JSON grammar.
Given ``response_format``, llama.cpp lets the model pretty-print, and on CPU
every newline and indent is a paid output token (~100 ms here). The same
schema sent as an LLGuidance grammar with whitespace turned off yields
minified JSON: the brief of the seed article needs less than half the tokens.
The rewrite happens in the HTTP transport, so instructor and the openai SDK
stay unchanged and cassettes record what the server really received.

The sync and async transports share every decision (``prepare``, ``check``,
``Deadline``); only the waiting differs.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import ssl
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import httpcore2
import httpx2

COMPACT = {"whitespace_flexible": False, "item_separator": ",", "key_separator": ":"}
PHASES = ("connect", "read", "write", "pool")


def compact_grammar(schema: dict[str, Any]) -> str:
    """An LLGuidance grammar accepting exactly the schema's JSON, minified."""
    return "%llguidance {}\nstart: %json " + json.dumps({"x-guidance": COMPACT, **schema}, separators=(",", ":"))


def rewrite_body(body: dict[str, Any]) -> dict[str, Any]:
    """Move a ``json_schema`` response_format into a ``grammar`` field."""
    response_format = body.get("response_format")
    if not isinstance(response_format, dict) or response_format.get("type") != "json_schema":
        return body
    schema = response_format.get("json_schema", {}).get("schema")
    if not isinstance(schema, dict):
        return body
    rewritten = {key: value for key, value in body.items() if key != "response_format"}
    rewritten["grammar"] = compact_grammar(schema)
    return rewritten


class GarbageResponse(Exception):
    """The server answered 2xx with a body that is not JSON (a proxy page, a truncated body)."""


class Deadline:
    """When one request must be done; every wait is capped to what is left."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def left(self, request: httpx2.Request) -> float:
        left = self.at - time.monotonic()
        if left <= 0:
            raise httpx2.ReadTimeout(f"no complete answer within {self.seconds:g}s", request=request)
        return left

    def cap(self, request: httpx2.Request) -> None:
        """Cap the request's per-phase timeouts to the time left."""
        left = self.left(request)
        given = request.extensions.get("timeout") or {}
        request.extensions["timeout"] = {p: min(given.get(p) or left, left) for p in PHASES}


_DEADLINE: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar("summarizer_deadline", default=None)
"""The deadline of the request this thread is sending (read by the network streams below)."""


class _DeadlineNetworkStream(httpcore2.NetworkStream):
    """A socket stream whose every read waits at most what is left of the current request's deadline."""

    def __init__(self, inner: httpcore2.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        deadline = _DEADLINE.get()
        if deadline is not None:
            left = deadline.at - time.monotonic()
            if left <= 0:
                raise httpcore2.ReadTimeout(f"no complete answer within {deadline.seconds:g}s")
            timeout = left if timeout is None else min(timeout, left)
        return self.inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, timeout)

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore2.NetworkStream:
        return _DeadlineNetworkStream(self.inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class _DeadlineNetworkBackend(httpcore2.NetworkBackend):
    def __init__(self, inner: httpcore2.NetworkBackend) -> None:
        self.inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore2.NetworkStream:
        return _DeadlineNetworkStream(self.inner.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore2.NetworkStream:
        return _DeadlineNetworkStream(self.inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def _deadline_transport() -> httpx2.HTTPTransport:
    """The default transport, its sockets reading the request's deadline (if this httpx2 lets us reach them)."""
    transport = httpx2.HTTPTransport()
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(pool, httpcore2.ConnectionPool) and isinstance(backend, httpcore2.NetworkBackend):
        pool._network_backend = _DeadlineNetworkBackend(backend)
    return transport


def prepare(request: httpx2.Request, dialect: str) -> httpx2.Request:
    """The request as the server's dialect wants it (llama.cpp: the schema as a compact grammar)."""
    if dialect != "llama.cpp" or request.method != "POST" or not _is_chat(request):
        return request
    content = json.dumps(rewrite_body(json.loads(request.content))).encode()
    headers = [(k, v) for k, v in request.headers.raw if k.lower() != b"content-length"]
    return httpx2.Request(
        request.method,
        request.url,
        headers=[*headers, (b"Content-Length", str(len(content)).encode())],
        content=content,
        extensions=dict(request.extensions),
    )


def check(request: httpx2.Request, response: httpx2.Response) -> None:
    """Refuse a 2xx chat-completion answer that is not JSON, so it is reported, not re-asked."""
    if _is_chat(request) and 200 <= response.status_code < 300:
        try:
            json.loads(response.content)
        except ValueError:
            raise GarbageResponse(response.content[:60].decode(errors="replace")) from None


def _is_chat(request: httpx2.Request) -> bool:
    return request.url.path.endswith("/chat/completions")


class _DeadlineStream(httpx2.SyncByteStream):
    def __init__(self, inner: Any, deadline: Deadline, request: httpx2.Request) -> None:
        self.inner, self.deadline, self.request = inner, deadline, request

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.inner:
            self.deadline.left(self.request)
            yield chunk

    def close(self) -> None:
        self.inner.close()


class _AsyncDeadlineStream(httpx2.AsyncByteStream):
    def __init__(self, inner: Any, deadline: Deadline, request: httpx2.Request) -> None:
        self.inner, self.deadline, self.request = inner, deadline, request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        chunks = aiter(self.inner)
        while True:
            try:
                chunk = await asyncio.wait_for(anext(chunks), self.deadline.left(self.request))
            except StopAsyncIteration:
                return
            except TimeoutError:
                raise httpx2.ReadTimeout(f"no complete answer within {self.deadline.seconds:g}s") from None
            yield chunk

    async def aclose(self) -> None:
        await self.inner.aclose()


class ProtocolTransport(httpx2.BaseTransport):
    """Every request under a total deadline, in the server's dialect, its answer checked."""

    def __init__(self, timeout: float, dialect: str = "openai", inner: httpx2.BaseTransport | None = None) -> None:
        self.timeout, self.dialect = timeout, dialect
        self.inner = inner or _deadline_transport()

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        deadline = Deadline(self.timeout)
        request.read()
        request = prepare(request, self.dialect)
        deadline.cap(request)
        token = _DEADLINE.set(deadline)
        try:
            response = self.inner.handle_request(request)
            response.stream = _DeadlineStream(response.stream, deadline, request)
            if _is_chat(request):
                try:
                    response.read()
                except BaseException:
                    response.close()
                    raise
                check(request, response)
        finally:
            _DEADLINE.reset(token)
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncProtocolTransport(httpx2.AsyncBaseTransport):
    """:class:`ProtocolTransport` for the async client."""

    def __init__(self, timeout: float, dialect: str = "openai", inner: httpx2.AsyncBaseTransport | None = None) -> None:
        self.timeout, self.dialect = timeout, dialect
        self.inner = inner or httpx2.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        deadline = Deadline(self.timeout)
        await request.aread()
        request = prepare(request, self.dialect)
        deadline.cap(request)
        try:
            response = await asyncio.wait_for(self.inner.handle_async_request(request), deadline.left(request))
        except TimeoutError:
            raise httpx2.ReadTimeout(f"no answer within {self.timeout:g}s", request=request) from None
        response.stream = _AsyncDeadlineStream(response.stream, deadline, request)
        if _is_chat(request):
            try:
                await response.aread()
            except BaseException:
                await response.aclose()
                raise
            check(request, response)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


class Transports(Protocol):
    """Makes the HTTP transports a backend's requests go through, for a client's total deadline."""

    def sync(self, timeout: float) -> httpx2.BaseTransport: ...

    def asynchronous(self, timeout: float) -> httpx2.AsyncBaseTransport: ...


@dataclass(frozen=True)
class ProtocolTransports:
    """The OpenAI protocol over HTTP in a server's dialect: ``openai``, or ``llama.cpp`` (compact grammars)."""

    dialect: str = "openai"

    def sync(self, timeout: float) -> httpx2.BaseTransport:
        return ProtocolTransport(timeout, self.dialect)

    def asynchronous(self, timeout: float) -> httpx2.AsyncBaseTransport:
        return AsyncProtocolTransport(timeout, self.dialect)


OPENAI = ProtocolTransports("openai")
LLAMA_CPP = ProtocolTransports("llama.cpp")
