"""A Batch API server on 127.0.0.1: the documented ``/v1/files`` and ``/v1/batches`` endpoints, answering
each request of a batch with the embedded model's real recorded answer (tests/fault_server.py's
``recorded_answer``, from the cassettes), or the smallest answer its schema allows when asked to.

A batch stays ``in_progress`` until the test calls ``finish()`` (or ``expire()``), so a client can be
killed while it waits. ``/v1/chat/completions`` answers live requests (re-asks) the same way.

``failures`` scripts a misbehaving provider: ``{"create": 1}`` answers the next batch creation 500 *after*
creating the batch (the client cannot know it exists), ``"upload"`` does the same to a file upload, ``"poll"``
and ``"download"`` answer that many looks at a batch or at a file's content 500.
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.fault_server import recorded_answer, serving

Answer = Callable[[bytes], bytes | None]


@dataclass
class BatchServer:
    url: str = ""
    answer: Answer = recorded_answer
    files: dict[str, bytes] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    uploads: int = 0
    """Files uploaded (input files of batches)."""
    batches: dict[str, dict[str, Any]] = field(default_factory=dict)
    created: int = 0
    """Batches created: the point of the crash test is that this stays 1."""
    answer_create_after: float = 0.0
    """Seconds between creating a batch and answering the request (a client killed in between never learns its id)."""
    live: int = 0
    """Chat completions asked live (re-asks, or answers that did not validate)."""
    keeps_metadata: bool = True
    """False: a server that accepts a batch's metadata and drops it (the lookup by metadata finds nothing there)."""
    failures: dict[str, int] = field(default_factory=dict)
    """Step ("create", "upload", "poll", "download") → how many more of its requests fail with a 500."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def finish(self, *, drop: int = 0, garbage: str | None = None) -> None:
        """Every open batch completes now: each request answered (400 when no recorded answer).

        ``drop``: the last that many answers are missing from the output file; ``garbage``: a line that is
        not an answer, written before the others (a provider's partial or damaged output).
        """
        with self.lock:
            for batch in self.batches.values():
                if batch["status"] == "in_progress":
                    self._complete(batch, drop, garbage)

    def failing(self, step: str) -> bool:
        """Whether this request of ``step`` is scripted to fail (counting it); call with the lock held."""
        if self.failures.get(step, 0) <= 0:
            return False
        self.failures[step] -= 1
        return True

    def expire(self) -> None:
        with self.lock:
            for batch in self.batches.values():
                if batch["status"] == "in_progress":
                    batch["status"] = "expired"

    def _complete(self, batch: dict[str, Any], drop: int = 0, garbage: str | None = None) -> None:
        lines = []
        for line in self.files[batch["input_file_id"]].decode().splitlines():
            request = json.loads(line)
            answer = self.answer(json.dumps(request["body"]).encode())
            if answer is None:
                body: Any = {"error": {"message": "no recorded answer for this request", "type": "unrecorded"}}
                response = {"status_code": 400, "request_id": "req", "body": body}
            else:
                response = {"status_code": 200, "request_id": "req", "body": json.loads(answer)}
            lines.append(json.dumps({"id": f"r-{len(lines)}", "custom_id": request["custom_id"], "response": response,
                                     "error": None}))  # fmt: skip
        total = len(lines)
        kept = lines[: total - drop] if drop else lines
        output = self._file("\n".join(([garbage] if garbage is not None else []) + kept).encode())
        batch.update(status="completed", output_file_id=output,
                     request_counts={"total": total, "completed": total, "failed": 0})  # fmt: skip

    def _file(self, content: bytes, name: str = "output.jsonl") -> str:
        file_id = f"file-{next(self._ids)}"
        self.files[file_id] = content
        self.names[file_id] = name
        return file_id

    def file_object(self, file_id: str) -> dict[str, Any]:
        return {"id": file_id, "object": "file", "bytes": len(self.files[file_id]), "created_at": int(time.time()),
                "filename": self.names[file_id], "purpose": "batch", "status": "processed"}  # fmt: skip


def _fail(handler: Any) -> None:
    handler._json({"error": {"message": "scripted failure", "type": "server_error"}}, 500)


@contextmanager
def batch_server(answer: Answer = recorded_answer) -> Iterator[BatchServer]:
    state = BatchServer(answer=answer)

    class Handler(BaseHTTPRequestHandler):
        def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _json(self, value: Any, status: int = 200) -> None:
            self._send(status, json.dumps(value).encode())

        def do_POST(self) -> None:
            data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            path = self.path.split("?")[0]
            with state.lock:
                if path == "/v1/files":
                    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                        f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode() + data
                    )
                    parts = {
                        part.get_param("name", header="content-disposition"): part for part in message.iter_parts()
                    }
                    content = parts["file"].get_payload(decode=True)
                    state.uploads += 1
                    file_id = state._file(content, parts["file"].get_filename() or "upload.jsonl")
                    if state.failing("upload"):
                        return _fail(self)
                    return self._json(state.file_object(file_id))
                if path == "/v1/batches":
                    request = json.loads(data)
                    state.created += 1
                    batch_id = f"batch-{next(state._ids)}"
                    state.batches[batch_id] = {
                        "id": batch_id, "object": "batch", "endpoint": request["endpoint"], "status": "in_progress",
                        "input_file_id": request["input_file_id"], "completion_window": request["completion_window"],
                        "created_at": int(time.time()), "output_file_id": None, "error_file_id": None,
                        "request_counts": {"total": 0, "completed": 0, "failed": 0},
                        "metadata": request.get("metadata") if state.keeps_metadata else None,
                    }  # fmt: skip
                    created = state.batches[batch_id]
                    if state.failing("create"):
                        return _fail(self)  # the batch exists; the client is told it failed
                if path == "/v1/chat/completions":
                    state.live += 1
            if path == "/v1/batches":
                time.sleep(state.answer_create_after)
                return self._json(created)
            if path == "/v1/chat/completions":
                answer = state.answer(data)
                if answer is None:
                    return self._json({"error": {"message": "no recorded answer", "type": "unrecorded"}}, 400)
                return self._send(200, answer)
            return self._json({"error": {"message": f"no such endpoint {path}"}}, 404)

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            with state.lock:
                if path == "/v1/batches":  # newest first, as OpenAI lists them
                    found = list(reversed(state.batches.values()))
                    return self._json({"object": "list", "data": found, "has_more": False})
                if path == "/v1/files":
                    found = [state.file_object(f) for f in reversed(state.files)]
                    return self._json({"object": "list", "data": found, "has_more": False})
                if path.startswith("/v1/batches/") and path.rsplit("/", 1)[1] in state.batches:
                    if state.failing("poll"):
                        return _fail(self)
                    return self._json(state.batches[path.rsplit("/", 1)[1]])
                if path.startswith("/v1/files/") and path.endswith("/content"):
                    content = state.files.get(path.split("/")[3])
                    if content is not None:
                        if state.failing("download"):
                            return _fail(self)
                        return self._send(200, content, "application/octet-stream")
            return self._json({"error": {"message": f"no such object {path}"}}, 404)

        def log_message(self, *_args: object) -> None:
            return None

    with serving(Handler) as base:
        state.url = f"{base}/v1"
        yield state
