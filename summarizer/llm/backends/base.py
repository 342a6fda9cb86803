"""What every backend provides: an OpenAI-protocol endpoint to talk to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from summarizer.redact import redact

Status = Callable[[str], None]
"""Receives short human-readable progress messages ("loading model…")."""


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
    dialect: str = "openai"
    """``llama.cpp`` sends schemas as compact grammars; ``none`` is answered in-process (see llm/transports.py)."""
    client: object | None = field(default=None, repr=False, compare=False)
    """The caller's own openai or instructor client, used instead of one built from the fields above."""

    def __repr__(self) -> str:
        return (
            f"Endpoint(base_url={redact(self.base_url)!r}, model={self.model!r}, backend={self.backend!r}, "
            f"timeout={self.timeout!r}, dialect={self.dialect!r})"
        )


class Backend(Protocol):
    """Starts (if needed) and describes one model server."""

    name: str
    model: str

    def endpoint(self, status: Status | None = None) -> Endpoint:
        """Return the endpoint, starting the server on first use."""
        ...

    def close(self) -> None:
        """Stop anything the backend started; later calls may start it again."""
        ...
