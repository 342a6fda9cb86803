"""Backends for servers someone else runs: OpenAI, or any OpenAI-compatible URL."""

from __future__ import annotations

import os
from dataclasses import dataclass

from summarizer.errors import ConfigError
from summarizer.llm.backends.base import Endpoint, Status

OPENAI_URL = "https://api.openai.com/v1"
REMOTE_TIMEOUT = 120.0


@dataclass
class RemoteBackend:
    """A server reachable over HTTP; nothing to start or stop."""

    name: str
    model: str
    base_url: str
    api_key: str
    timeout: float = REMOTE_TIMEOUT
    dialect: str = "openai"

    def endpoint(self, status: Status | None = None) -> Endpoint:
        return Endpoint(self.base_url, self.api_key, self.model, self.name, self.timeout, self.dialect)

    def close(self) -> None:
        return None


def openai_backend(model: str, api_key: str | None, timeout: float | None) -> RemoteBackend:
    """``openai/<model>``: needs OPENAI_API_KEY (or an explicit key)."""
    key = api_key or os.environ.get("OPENAI_API_KEY")
    if not key:
        raise ConfigError(f"openai/{model} needs an API key: set OPENAI_API_KEY or pass --api-key")
    return RemoteBackend("openai", model, OPENAI_URL, key, timeout or REMOTE_TIMEOUT)


def compatible_backend(model: str, base_url: str, api_key: str | None, timeout: float | None) -> RemoteBackend:
    """Any OpenAI-compatible server (vLLM, Ollama, llama.cpp server, LM Studio)."""
    if not base_url.startswith(("http://", "https://")):
        raise ConfigError(f"--base-url must start with http:// or https:// (got {base_url!r})")
    key = api_key or os.environ.get("SUMMARIZER_API_KEY") or os.environ.get("OPENAI_API_KEY") or "none"
    return RemoteBackend("openai-compatible", model, base_url.rstrip("/"), key, timeout or REMOTE_TIMEOUT)
