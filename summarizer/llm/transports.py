"""HTTP transports under the openai SDK: a garbage-body check for every backend, and the llama.cpp dialect.

llama.cpp dialect: send the response schema as a compact-JSON grammar.

Given ``response_format``, llama.cpp lets the model pretty-print, and on CPU
every newline and indent is a paid output token (~100 ms here). The same
schema sent as an LLGuidance grammar with whitespace turned off yields
minified JSON: the brief of the seed article needs less than half the tokens.
The rewrite happens in the HTTP transport, so instructor and the openai SDK
stay unchanged and cassettes record what the server really received.
"""

from __future__ import annotations

import json
from typing import Any

import httpx2

COMPACT = {"whitespace_flexible": False, "item_separator": ",", "key_separator": ":"}


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


class CheckedTransport(httpx2.BaseTransport):
    """Refuses a 2xx chat-completion answer that is not JSON, so it is reported, not re-asked."""

    def __init__(self, inner: httpx2.BaseTransport | None = None) -> None:
        self.inner = inner or httpx2.HTTPTransport()

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        response = self.inner.handle_request(request)
        if request.url.path.endswith("/chat/completions") and 200 <= response.status_code < 300:
            body = response.read()
            try:
                json.loads(body)
            except ValueError:
                response.close()
                raise GarbageResponse(body[:60].decode(errors="replace")) from None
        return response

    def close(self) -> None:
        self.inner.close()


class GrammarTransport(httpx2.BaseTransport):
    """Wraps a transport; rewrites chat-completion requests for llama.cpp."""

    def __init__(self, inner: httpx2.BaseTransport | None = None) -> None:
        self.inner = inner or CheckedTransport()

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        if request.method == "POST" and request.url.path.endswith("/chat/completions"):
            body = json.loads(request.read())
            content = json.dumps(rewrite_body(body)).encode()
            headers = [(k, v) for k, v in request.headers.raw if k.lower() != b"content-length"]
            request = httpx2.Request(
                request.method,
                request.url,
                headers=[*headers, (b"Content-Length", str(len(content)).encode())],
                content=content,
                extensions=request.extensions,
            )
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()
