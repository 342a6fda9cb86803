"""What every backend provides: an OpenAI-protocol endpoint to talk to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

Status = Callable[[str], None]
"""Receives short human-readable progress messages ("loading model…")."""


@dataclass(frozen=True)
class Endpoint:
    """Where and how to send chat-completion requests."""

    base_url: str
    api_key: str
    model: str
    backend: str
    timeout: float
    dialect: str = "openai"
    """``llama.cpp`` sends schemas as compact grammars (see llm/transports.py)."""


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
