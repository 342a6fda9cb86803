"""A Batch API server on 127.0.0.1: the documented ``/v1/files`` and ``/v1/batches`` endpoints, answering
each request of a batch with the embedded model's real recorded answer (tests/fault_server.py's
``recorded_answer``, from the cassettes), or the smallest answer its schema allows when asked to.

A batch stays ``in_progress`` until the test calls ``finish()`` (or ``expire()``), so a client can be
killed while it waits. ``/v1/chat/completions`` answers live requests (re-asks) the same way.
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
    batches: dict[str, dict[str, Any]] = field(default_factory=dict)
    created: int = 0
    """Batches created: the point of the crash test is that this stays 1."""
    answer_create_after: float = 0.0
    """Seconds between creating a batch and answering the request (a client killed in between never learns its id)."""
    live: int = 0
    """Chat completions asked live (re-asks, or answers that did not validate)."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def finish(self) -> None:
        """Every open batch completes now: each request answered (400 when no recorded answer)."""
        with self.lock:
            for batch in self.batches.values():
                if batch["status"] == "in_progress":
                    self._complete(batch)

    def expire(self) -> None:
        with self.lock:
            for batch in self.batches.values():
                if batch["status"] == "in_progress":
                    batch["status"] = "expired"

    def _complete(self, batch: dict[str, Any]) -> None:
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
        output = self._file("\n".join(lines).encode())
        total = len(lines)
        batch.update(status="completed", output_file_id=output,
                     request_counts={"total": total, "completed": total, "failed": 0})  # fmt: skip

    def _file(self, content: bytes) -> str:
        file_id = f"file-{next(self._ids)}"
        self.files[file_id] = content
        return file_id


def _file_object(file_id: str, size: int) -> dict[str, Any]:
    return {"id": file_id, "object": "file", "bytes": size, "created_at": int(time.time()),
            "filename": "requests.jsonl", "purpose": "batch", "status": "processed"}  # fmt: skip


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
                    file_id = state._file(content)
                    return self._json(_file_object(file_id, len(content)))
                if path == "/v1/batches":
                    request = json.loads(data)
                    state.created += 1
                    batch_id = f"batch-{next(state._ids)}"
                    state.batches[batch_id] = {
                        "id": batch_id, "object": "batch", "endpoint": request["endpoint"], "status": "in_progress",
                        "input_file_id": request["input_file_id"], "completion_window": request["completion_window"],
                        "created_at": int(time.time()), "output_file_id": None, "error_file_id": None,
                        "request_counts": {"total": 0, "completed": 0, "failed": 0},
                    }  # fmt: skip
                    created = state.batches[batch_id]
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
                if path == "/v1/batches":
                    return self._json({"object": "list", "data": list(state.batches.values()), "has_more": False})
                if path.startswith("/v1/batches/") and path.rsplit("/", 1)[1] in state.batches:
                    return self._json(state.batches[path.rsplit("/", 1)[1]])
                if path.startswith("/v1/files/") and path.endswith("/content"):
                    content = state.files.get(path.split("/")[3])
                    if content is not None:
                        return self._send(200, content, "application/octet-stream")
            return self._json({"error": {"message": f"no such object {path}"}}, 404)

        def log_message(self, *_args: object) -> None:
            return None

    with serving(Handler) as base:
        state.url = f"{base}/v1"
        yield state
