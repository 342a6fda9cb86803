"""Backends for servers someone else runs: OpenAI, or any OpenAI-compatible URL.

A key goes only to the server it belongs to: ``OPENAI_API_KEY`` to OpenAI
(``OPENAI_BASE_URL``, else api.openai.com), never to another ``--base-url``
host; a custom server gets ``--api-key`` / ``SUMMARIZER_API_KEY``, else a
placeholder (most local servers want none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from summarizer.errors import ConfigError
from summarizer.llm.backends.base import REMOTE_CONCURRENCY, Capabilities, Endpoint, Status
from summarizer.llm.profile import LARGE, SMALL, ModelProfile, profile_named
from summarizer.llm.transports import ProtocolTransports
from summarizer.redact import redact
from summarizer.settings import Settings

REMOTE_TIMEOUT = 120.0
"""Seconds for one answer from a server: a CPU llama.cpp server takes up to ~90 s for a brief (docs/models.md); chosen by hand above that."""
NO_KEY = "none"
"""Sent when a server needs no key: the openai SDK refuses an empty one."""


@dataclass
class RemoteBackend:
    """A server reachable over HTTP; nothing to start or stop."""

    name: str
    model: str
    base_url: str
    api_key: str = field(repr=False)
    timeout: float = REMOTE_TIMEOUT
    dialect: str = "openai"
    """``llama.cpp`` for a llama.cpp server: schemas sent as compact grammars (see llm/transports.py)."""
    profile: ModelProfile = SMALL

    def __repr__(self) -> str:
        return (
            f"RemoteBackend(name={self.name!r}, model={self.model!r}, base_url={redact(self.base_url)!r}, "
            f"timeout={self.timeout!r}, dialect={self.dialect!r}, profile={self.profile.name!r})"
        )

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(runs_locally=False, batch_api=True, profile=self.profile)

    def concurrency(self, asked: int | None = None) -> int:
        return asked or REMOTE_CONCURRENCY

    def endpoint(self, status: Status | None = None) -> Endpoint:
        transports = ProtocolTransports(self.dialect)
        return Endpoint(self.base_url, self.api_key, self.model, self.name, self.timeout, transports=transports)

    def close(self) -> None:
        return None


def same_origin(url: str, other: str) -> bool:
    """Same scheme, host and port: where a key may be sent."""
    a, b = urlsplit(url), urlsplit(other)
    return (a.scheme, a.hostname, a.port) == (b.scheme, b.hostname, b.port)


def openai_backend(model: str, settings: Settings) -> RemoteBackend:
    """``openai/<model>``: needs a key (argument, SUMMARIZER_API_KEY or OPENAI_API_KEY); a large model unless
    declared small (OpenAI serves no model as small as the embedded 1.5B)."""
    key = settings.api_key or settings.openai_api_key
    if not key:
        raise ConfigError(f"openai/{model} needs an API key: pass api_key= (CLI: --api-key) or set OPENAI_API_KEY")
    timeout = settings.timeout or REMOTE_TIMEOUT
    profile = profile_named(settings.model_profile, LARGE)
    return RemoteBackend("openai", model, settings.openai_base_url, key, timeout, profile=profile)


def compatible_backend(model: str, base_url: str, settings: Settings) -> RemoteBackend:
    """Any OpenAI-compatible server (vLLM, Ollama, llama.cpp server, LM Studio): its model is small unless
    declared large (model_profile=, CLI: --model-profile), as nothing here tells a 1B model from a 70B."""
    if not base_url.startswith(("http://", "https://")):
        raise ConfigError(f"base_url= (CLI: --base-url) must start with http:// or https:// (got {redact(base_url)!r})")
    url = base_url.rstrip("/")
    key = settings.api_key
    if not key and same_origin(url, settings.openai_base_url):
        key = settings.openai_api_key
    timeout = settings.timeout or REMOTE_TIMEOUT
    profile = profile_named(settings.model_profile)
    return RemoteBackend("openai-compatible", model, url, key or NO_KEY, timeout, profile=profile)
