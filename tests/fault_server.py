"""A real HTTP server on 127.0.0.1 that misbehaves on cue: 429, 5xx, hangs, garbage.

Its "ok" answer is the embedded model's real recorded answer to the same
request (the seed brief, or its re-ask), read from that test's cassette, never
a hand-written completion.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"
CASSETTE = CASSETTES / "test_seed_brief.yaml"
REPLAYED = (CASSETTE, CASSETTES / "test_digest_of_a_day.yaml")
"""Cassettes whose answers the server replays: the seed brief and the digest day."""


@lru_cache(maxsize=1)
def _interactions() -> list[dict]:
    return [i for path in REPLAYED if path.exists() for i in yaml.safe_load(path.read_text())["interactions"]]


def recorded_completion() -> bytes:
    """The first recorded chat-completion body of the seed brief cassette."""
    return str(_interactions()[0]["response"]["body"]["string"]).encode()


def recorded_answer(request: bytes) -> bytes:
    """The recorded answer to the request whose messages match this one's (else the seed's first answer)."""
    try:
        messages = json.loads(request)["messages"]
    except (ValueError, KeyError, IndexError):
        return recorded_completion()
    for interaction in _interactions():
        if json.loads(interaction["request"]["body"])["messages"] == messages:
            return str(interaction["response"]["body"]["string"]).encode()
    return recorded_completion()


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    hang: float = 0.0
    replay: bool = False
    """Answer with the recorded answer to the request received."""


def ok() -> Reply:
    return Reply(200, b"", {"Content-Type": "application/json"}, replay=True)


def completion_with_content(content: str) -> Reply:
    """A well-formed completion whose message is ``content`` (for a model answering garbage)."""
    body = json.loads(recorded_completion())
    body["choices"][0]["message"]["content"] = content
    return Reply(200, json.dumps(body).encode(), {"Content-Type": "application/json"})


def error(status: int, **headers: str) -> Reply:
    body = json.dumps({"error": {"message": f"scripted {status}", "type": "test"}}).encode()
    return Reply(status, body, {"Content-Type": "application/json", **headers})


@dataclass
class FaultServer:
    url: str
    script: list[Reply]
    requests: list[float] = field(default_factory=list)


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
                reply = state.script.pop(0) if len(state.script) > 1 else state.script[0]
            if reply.hang:
                time.sleep(reply.hang)
            if reply.replay:
                reply = Reply(reply.status, recorded_answer(request), reply.headers)
            try:
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *_args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
