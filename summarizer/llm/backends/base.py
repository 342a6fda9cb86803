"""What every backend provides: an OpenAI-protocol endpoint to talk to, and what it can do.

A backend describes itself (:class:`Capabilities`) and brings the HTTP
transports its requests go through (:class:`Transports`), so no caller asks
which class of backend it holds (as pydantic-ai's ``Model.profile``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import httpx2

from summarizer.llm.profile import SMALL, ModelProfile
from summarizer.llm.transports import OPENAI, Transports
from summarizer.redact import redact

Status = Callable[[str], None]
"""Receives short human-readable progress messages ("loading model…")."""

REMOTE_CONCURRENCY = 4
"""Requests in flight to a server: enough to hide network latency, few enough to dodge most rate limits."""


@dataclass(frozen=True)
class Capabilities:
    """What callers may ask of a backend instead of its class."""

    runs_locally: bool
    """The model runs in this process: starting it takes seconds (start it off the event loop), and its slots
    and CPU threads are set before it starts."""
    batch_api: bool
    """The server may offer OpenAI's Batch API (/v1/files, /v1/batches): it is a real HTTP server."""
    slots: int | None = None
    """Requests it serves at once, fixed when it starts; None: the server decides (send REMOTE_CONCURRENCY)."""
    profile: ModelProfile = SMALL
    """The room its model's answer gets (llm/profile.py): the embedded 1.5B and unknown servers' models small."""


@dataclass(frozen=True)
class Endpoint:
    """Where and how to send chat-completion requests."""

    base_url: str
    api_key: str = field(repr=False)
    """Never printed: a repr or a log line must not carry a secret."""
    model: str
    backend: str
    timeout: float
    """A total deadline for one HTTP request (connect, send, headers and body), in seconds."""
    transports: Transports = OPENAI
    """The backend's own HTTP transports (llama.cpp's dialect, the ``none`` model in-process; see llm/transports.py)."""
    client: object | None = field(default=None, repr=False, compare=False)
    """The caller's own openai or instructor client, used instead of one built from the fields above."""

    def __repr__(self) -> str:
        return (
            f"Endpoint(base_url={redact(self.base_url)!r}, model={self.model!r}, backend={self.backend!r}, "
            f"timeout={self.timeout!r}, transports={self.transports!r})"
        )

    def transport(self) -> httpx2.BaseTransport:
        return self.transports.sync(self.timeout)

    def async_transport(self) -> httpx2.AsyncBaseTransport:
        return self.transports.asynchronous(self.timeout)


class Backend(Protocol):
    """Starts (if needed) and describes one model server."""

    name: str
    model: str

    @property
    def capabilities(self) -> Capabilities:
        """What it can do (see :class:`Capabilities`); ``slots`` may change until it starts."""
        ...

    def concurrency(self, asked: int | None = None) -> int:
        """Requests to keep in flight: ``asked``, else what suits it; a local server not yet started takes
        ``asked`` as its slots."""
        ...

    def endpoint(self, status: Status | None = None) -> Endpoint:
        """Return the endpoint, starting the server on first use."""
        ...

    def close(self) -> None:
        """Stop anything the backend started; later calls may start it again."""
        ...
