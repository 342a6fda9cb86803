"""A real HTTP server on 127.0.0.1 that misbehaves on cue: 429, 5xx, hangs, garbage.

Its "ok" answer is the embedded model's real recorded answer to the same
request (the seed brief, or its re-ask), read from that test's cassette, never
a hand-written completion. A request no cassette holds (a changed prompt, an
article never recorded) is answered 400 "no recorded answer", so prompt drift
fails the test; a test that wants a canned answer anyway says so with
``ok(fallback=recorded_completion())`` (the seed's first answer); a test whose
article was never recorded and whose point is not the model's answer uses
``schema_minimal()`` (the smallest answer the request's schema allows).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx2
import yaml

from summarizer.llm.backends.none import answer as none_answer

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"
CASSETTE = CASSETTES / "test_seed_brief.yaml"
REPLAYED = (CASSETTE, CASSETTES / "test_digest_of_a_day.yaml", CASSETTES / "test_a_story_told_on_two_days.yaml")
"""Cassettes whose answers the server replays: the seed brief, the digest day and the two days of a story."""


@lru_cache(maxsize=1)
def _interactions() -> list[dict]:
    return [i for path in REPLAYED if path.exists() for i in yaml.safe_load(path.read_text())["interactions"]]


def recorded_completion() -> bytes:
    """The first recorded chat-completion body of the seed brief cassette."""
    return str(_interactions()[0]["response"]["body"]["string"]).encode()


def recorded_answer(request: bytes) -> bytes | None:
    """The recorded answer to the request whose messages match this one's; None when no cassette holds it."""
    try:
        messages = json.loads(request)["messages"]
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    for interaction in _interactions():
        if json.loads(interaction["request"]["body"])["messages"] == messages:
            return str(interaction["response"]["body"]["string"]).encode()
    return None


Fallback = bytes | Callable[[bytes], bytes | None] | None
"""What ``ok`` answers to an unrecorded request: fixed bytes, a function of the request, or nothing (400)."""


UNRECORDED = 400
"""Status of the answer to a request no cassette holds (not retried by the client, so the test fails at once)."""


def unrecorded() -> bytes:
    message = "fault server: no recorded answer for this request (prompt drift? re-record, or give ok(fallback=...))"
    return json.dumps({"error": {"message": message, "type": "unrecorded"}}).encode()


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    hang: float = 0.0
    replay: bool = False
    """Answer with the recorded answer to the request received."""
    fallback: Fallback = None
    """With ``replay``: the answer to a request no cassette holds (None: a 400 "no recorded answer")."""
    drip: float = 0.0
    """Send the body one byte every ``drip`` seconds (a server that never quite answers)."""
    respond: Callable[[bytes], bytes] | None = None
    """Answer computed from the request body (see ``schema_minimal``)."""


def ok(fallback: Fallback = None) -> Reply:
    """The recorded answer to each request; ``fallback`` (explicit, per test) for requests never recorded."""
    return Reply(200, b"", {"Content-Type": "application/json"}, replay=True, fallback=fallback)


def completion_with_content(content: str) -> Reply:
    """A well-formed completion whose message is ``content`` (for a model answering garbage)."""
    body = json.loads(recorded_completion())
    body["choices"][0]["message"]["content"] = content
    return Reply(200, json.dumps(body).encode(), {"Content-Type": "application/json"})


def schema_minimal() -> Reply:
    """The ``none`` model's answer to each request: the smallest JSON its schema allows, whatever the prompts say."""

    def respond(request: bytes) -> bytes:
        body = json.loads(request)
        if "grammar" in body:  # the llama.cpp dialect carries the schema inside a grammar
            schema = json.loads(body.pop("grammar").split("%json ", 1)[1])
            body["response_format"] = {"type": "json_schema", "json_schema": {"schema": schema}}
        return none_answer(httpx2.Request("POST", "http://fault/v1/chat/completions", json=body)).content

    return Reply(200, b"", {"Content-Type": "application/json"}, respond=respond)


def error(status: int, **headers: str) -> Reply:
    body = json.dumps({"error": {"message": f"scripted {status}", "type": "test"}}).encode()
    return Reply(status, body, {"Content-Type": "application/json", **headers})


@dataclass
class FaultServer:
    url: str
    script: list[Reply]
    requests: list[float] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)
    """Each request's body, in order."""
    unrecorded: int = 0
    """Requests answered 400 because no cassette holds them."""


@contextmanager
def fault_server(*script: Reply) -> Iterator[FaultServer]:
    """Serve the scripted replies in order; the last one repeats."""
    state = FaultServer("", list(script))
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            with lock:
                state.requests.append(time.monotonic())
                state.bodies.append(request)
                reply = state.script.pop(0) if len(state.script) > 1 else state.script[0]
            if reply.hang:
                time.sleep(reply.hang)
            if reply.respond:
                reply = Reply(reply.status, reply.respond(request), reply.headers, drip=reply.drip)
            if reply.replay:
                canned = reply.fallback(request) if callable(reply.fallback) else reply.fallback
                answer = recorded_answer(request) or canned
                if answer is None:
                    with lock:
                        state.unrecorded += 1
                    reply = Reply(UNRECORDED, unrecorded(), reply.headers)
                else:
                    reply = Reply(reply.status, answer, reply.headers)
            try:
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if reply.drip:
                    for at in range(len(reply.body)):
                        self.wfile.write(reply.body[at : at + 1])
                        self.wfile.flush()
                        time.sleep(reply.drip)
                else:
                    self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *_args: object) -> None:
            return None

    with serving(Handler) as base:
        state.url = f"{base}/v1"
        yield state


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on 127.0.0.1 at a free port from a daemon thread; yields "http://127.0.0.1:PORT"."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
