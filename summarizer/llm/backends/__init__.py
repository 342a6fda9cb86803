"""Choose a backend from a model spec. Every backend speaks the OpenAI protocol.

Spec forms (flag > environment > default):

- ``local`` (default), ``local/<name>``, ``local/<path.gguf>``: embedded llama.cpp
- ``openai/<model>``: OpenAI, with OPENAI_API_KEY
- any model name together with a base URL: an OpenAI-compatible server
"""

from __future__ import annotations

import os
from collections.abc import Callable

from summarizer.errors import ConfigError
from summarizer.llm.backends.base import Backend, Endpoint, Status
from summarizer.llm.backends.embedded import EmbeddedBackend, embedded_backend
from summarizer.llm.backends.remote import RemoteBackend, compatible_backend, openai_backend

DEFAULT_SPEC = "local"

_PROVIDERS: dict[str, Callable[[str, str | None, float | None], Backend]] = {
    "local": lambda rest, _key, _timeout: embedded_backend(rest),
    "openai": openai_backend,
}


def resolve_backend(
    model: str | None = None,
    *,
    base_url: str | None = None,
    api_key: str | None = None,
    timeout: float | None = None,
) -> Backend:
    """Turn a model spec (and optional base URL) into a backend."""
    spec = model or os.environ.get("SUMMARIZER_MODEL") or None
    url = base_url or os.environ.get("SUMMARIZER_BASE_URL") or None
    if url:
        name = (spec or "default").removeprefix("openai/")
        return compatible_backend(name, url, api_key, timeout)
    spec = spec or DEFAULT_SPEC
    provider, _, rest = spec.partition("/")
    factory = _PROVIDERS.get(provider)
    if factory is None:
        known = ", ".join(f"{p}/..." for p in _PROVIDERS)
        raise ConfigError(f"unknown model spec {spec!r}: use {known}, or pass --base-url for another server")
    if provider != "local" and not rest:
        raise ConfigError(f"{spec!r} names no model: write {provider}/<model>")
    return factory(rest, api_key, timeout)


__all__ = [
    "Backend",
    "EmbeddedBackend",
    "Endpoint",
    "RemoteBackend",
    "Status",
    "resolve_backend",
]
