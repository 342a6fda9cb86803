"""A scripted OpenAI-compatible server on 127.0.0.1 that answers with a recorded draft, cut to the request's schema.

A grammar-constrained server (llama.cpp, vLLM, OpenAI's structured outputs) cannot write past the JSON
Schema it is sent: a list stops at ``maxItems``, a string at ``maxLength``. This server plays such a
model with a recorded long answer, so a test sees what each model profile's schema lets through
(issue 24). The lead's call (``Brief``) gets the recorded draft cut to the schema; a later passage's
call (``Addition``) gets nothing more; a re-ask for names gets no correction. What it served is kept.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.fault_server import serving
from tests.hostile_model_server import completion

Schema = dict[str, Any]


def cut_to(value: Any, schema: Schema, defs: dict[str, Schema]) -> Any:
    """``value`` as a grammar built from ``schema`` lets it be written: lists and strings stop at their bounds."""
    if "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    if isinstance(value, list):
        kept = value[: schema.get("maxItems", len(value))]
        return [cut_to(item, schema.get("items", {}), defs) for item in kept]
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        return {key: cut_to(item, properties[key], defs) for key, item in value.items() if key in properties}
    if isinstance(value, str):
        return value[: schema.get("maxLength", len(value))]
    return value


def schema_of(request: dict[str, Any]) -> Schema:
    """The JSON Schema the request asks the answer to follow (instructor's JSON_SCHEMA mode)."""
    return dict(request["response_format"]["json_schema"]["schema"])


@dataclass
class GrammarServer:
    url: str = ""
    served: list[dict[str, Any]] = field(default_factory=list)
    """Each answer as sent, in order."""
    asked: list[Schema] = field(default_factory=list)
    """Each request's schema, in order."""


@contextmanager
def grammar_model_server(recorded: dict[str, Any]) -> Iterator[GrammarServer]:
    """Serve the ``recorded`` lead draft at ``state.url`` (".../v1"), cut to each request's schema."""
    state = GrammarServer()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            schema = schema_of(request)
            answer: dict[str, Any] = {"Brief": recorded, "Addition": {"what": [], "src": []}}.get(
                schema.get("title", ""), {"fix": []}
            )
            served = cut_to(answer, schema, schema.get("$defs", {}))
            with lock:
                state.asked.append(schema)
                state.served.append(served)
            content = json.dumps(served, ensure_ascii=False, separators=(",", ":"))
            prompt_chars = sum(len(m["content"]) for m in request["messages"])
            body = json.dumps(completion(content, request["model"], prompt_chars)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return None

    with serving(Handler) as base:
        state.url = f"{base}/v1"
        yield state
