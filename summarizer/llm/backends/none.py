"""The ablation backend ``none``: the model's answer replaced by nothing.

Every structured request is answered, in this process, with the smallest
JSON its schema allows (required keys only, the fewest list items, the
shortest strings, the lowest numbers, the first enum value), built from the
JSON Schema the request carries. The brief then holds what the rules alone
find, so the evaluation can measure what the model adds. Never the default;
briefs made with it say ``run.backend == "none"``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx2

from summarizer.llm.backends.base import REMOTE_CONCURRENCY, Capabilities, Endpoint, Status

NONE_URL = "http://none.invalid/v1"
"""Never contacted: the transport below answers before any socket is opened."""
NONE_TIMEOUT = 60.0
"""The none backend answers at once; the bound only catches a hang in the transport (chosen by hand)."""
FILLER = "x"
"""What a string with a minimum length is made of."""

Schema = dict[str, Any]


@dataclass
class NoneBackend:
    """Answers every request with the schema's minimal instance (see the module docstring)."""

    model: str = "none"
    name: str = "none"

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(runs_locally=True, batch_api=False, slots=None)

    def concurrency(self, asked: int | None = None) -> int:
        return asked or REMOTE_CONCURRENCY  # answering takes no time: any number in flight will do

    def endpoint(self, status: Status | None = None) -> Endpoint:
        return Endpoint(NONE_URL, "none", self.model, self.name, NONE_TIMEOUT, transports=NoneTransports())

    def close(self) -> None:
        return None


def minimal_instance(schema: Schema, root: Schema | None = None) -> Any:
    """The smallest JSON value ``schema`` accepts, generated from the schema alone."""
    root = schema if root is None else root
    if "$ref" in schema:
        return minimal_instance(_resolve(schema["$ref"], root), root)
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("anyOf", "oneOf"):
        if schema.get(key):
            options = schema[key]
            null = any(option.get("type") == "null" for option in options)
            return None if null else minimal_instance(options[0], root)
    if schema.get("allOf"):
        return minimal_instance({k: v for part in schema["allOf"] for k, v in part.items()}, root)
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kind = "null" if "null" in kind else kind[0]
    return _BY_TYPE[kind](schema, root)


def _resolve(ref: str, root: Schema) -> Schema:
    node: Any = root
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return dict(node)


def _object(schema: Schema, root: Schema) -> dict[str, Any]:
    properties = schema.get("properties", {})
    return {key: minimal_instance(properties.get(key, {}), root) for key in schema.get("required", [])}


def _array(schema: Schema, root: Schema) -> list[Any]:
    items = schema.get("items", {})
    return [minimal_instance(items, root) for _ in range(int(schema.get("minItems", 0)))]


def _number(schema: Schema, _root: Schema) -> int | float:
    integer = schema.get("type") == "integer"
    if "minimum" in schema:
        low = float(schema["minimum"])
    elif "exclusiveMinimum" in schema:
        low = float(schema["exclusiveMinimum"]) + (1 if integer else 1e-9)
    else:
        low = 0.0
    return math.ceil(low) if integer else low


def _string(schema: Schema, _root: Schema) -> str:
    return FILLER * int(schema.get("minLength", 0))


def _constant(value: Any) -> Callable[[Schema, Schema], Any]:
    return lambda _schema, _root: value


_BY_TYPE: dict[str, Callable[[Schema, Schema], Any]] = {
    "object": _object,
    "array": _array,
    "string": _string,
    "integer": _number,
    "number": _number,
    "boolean": _constant(False),
    "null": _constant(None),
}


def answer(request: httpx2.Request) -> httpx2.Response:
    """A chat completion whose message is the minimal instance of the request's response schema."""
    body = json.loads(request.content or b"{}")
    response_format = body.get("response_format") or {}
    schema = (response_format.get("json_schema") or {}).get("schema")
    content = json.dumps(minimal_instance(schema) if isinstance(schema, dict) else {}, separators=(",", ":"))
    completion = {
        "id": "none",
        "object": "chat.completion",
        "created": 0,
        "model": "none",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }
    return httpx2.Response(200, json=completion, request=request)


class NoneTransport(httpx2.BaseTransport):
    """The ``none`` model, as an HTTP transport: nothing leaves the process."""

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        request.read()
        return answer(request)


class AsyncNoneTransport(httpx2.AsyncBaseTransport):
    """:class:`NoneTransport` for the async client."""

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        await request.aread()
        return answer(request)


@dataclass(frozen=True)
class NoneTransports:
    """The ``none`` backend's transports: every request answered here."""

    def sync(self, timeout: float) -> httpx2.BaseTransport:
        return NoneTransport()

    def asynchronous(self, timeout: float) -> httpx2.AsyncBaseTransport:
        return AsyncNoneTransport()
