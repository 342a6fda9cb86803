"""Choose a backend from a model spec. Every backend speaks the OpenAI protocol.

Spec forms:

- ``local`` (default), ``local/<name>``, ``local/<path.gguf>``: embedded llama.cpp
- ``openai/<model>``: OpenAI (``OPENAI_BASE_URL`` if set), with a key; also
  written ``openai:<model>`` (as pydantic-ai does) or as a bare ``<model>`` (as
  llm does: a name that is no keyword is an OpenAI model)
- ``none``: the ablation backend (the model's answer replaced by nothing)
- any model name together with a base URL: an OpenAI-compatible server

Precedence, for each setting: argument (or CLI flag) > environment
(``SUMMARIZER_MODEL``, ``SUMMARIZER_BASE_URL``, ``SUMMARIZER_API_KEY``, ``SUMMARIZER_MODEL_PROFILE``) >
default, resolved once into a :class:`~summarizer.settings.Settings`. When a model spec and a base URL disagree (a spec that runs its own
server, such as ``local``, and a URL), the one given at the higher level
wins, so ``Summarizer("local")`` stays local whatever ``SUMMARIZER_BASE_URL``
says; given at the same level they are a configuration error.
"""

from __future__ import annotations

from collections.abc import Callable

from summarizer.errors import ConfigError
from summarizer.llm.backends.base import Backend, Capabilities, Endpoint, Status
from summarizer.llm.backends.embedded import EmbeddedBackend, embedded_backend
from summarizer.llm.backends.none import NoneBackend
from summarizer.llm.backends.provided import ProvidedBackend, provided_backend
from summarizer.llm.backends.remote import RemoteBackend, compatible_backend, openai_backend
from summarizer.llm.profile import profile_named
from summarizer.redact import redact
from summarizer.settings import Settings

DEFAULT_SPEC = "local"

_PROVIDERS: dict[str, Callable[[str, Settings], Backend]] = {
    "local": embedded_backend,
    "openai": openai_backend,
    "none": lambda _rest, _settings: NoneBackend(),
}
SELF_SERVED = ("local", "none")
"""Providers that run their own model: a base URL cannot apply to them."""


def split_spec(spec: str) -> tuple[str, str]:
    """A model spec as (provider, rest); the provider is "" for a bare model name.

    ``openai/gpt-4o-mini`` and ``openai:gpt-4o-mini`` are both ("openai", "gpt-4o-mini");
    ``local/C:/models/x.gguf`` splits at the slash; ``llama3.2:3b`` names an unknown provider.
    """
    before_colon, colon, after_colon = spec.partition(":")
    if colon and before_colon in _PROVIDERS:
        return before_colon, after_colon
    provider, slash, rest = spec.partition("/")
    if slash or spec in _PROVIDERS:
        return provider, rest
    if colon:
        return before_colon, after_colon
    return "", spec


def resolve_backend(
    model: str | None = None,
    *,
    base_url: str | None = None,
    api_key: str | None = None,
    timeout: float | None = None,
    client: object | None = None,
    model_profile: str | None = None,
) -> Backend:
    """Turn a model spec (and optional base URL, key, or the caller's own client) into a backend.

    ``model_profile``: ``large`` declares a server's model large (llm/profile.py); the embedded model stays small.
    """
    if client is not None:
        if base_url or api_key:
            raise ConfigError("client= brings its own base URL and key: drop base_url=/api_key= (or the client)")
        return provided_backend(model, client, timeout, model_profile)
    settings = Settings.resolve(model, base_url=base_url, api_key=api_key, timeout=timeout, model_profile=model_profile)
    return backend_for(settings)


def backend_for(settings: Settings) -> Backend:
    """The backend the resolved settings name (see the module docstring for how a spec and a URL combine)."""
    profile_named(settings.model_profile)  # an unknown profile fails here, whichever backend would ignore it
    spec, spec_level = settings.model, settings.model_level
    url, url_level = settings.base_url, settings.base_url_level
    provider, rest = split_spec(spec or "")
    if url and spec and provider in (*SELF_SERVED, "openai"):
        if spec_level > url_level:
            url = None  # an explicit spec names its own server
        elif url_level > spec_level:
            spec = rest if provider == "openai" else None
        elif provider in SELF_SERVED:
            raise ConfigError(f"model {spec!r} runs here, so base URL {redact(url)} cannot apply: drop one of them")
    if url:
        served = rest if spec and provider == "openai" else spec
        return compatible_backend(served or "default", url, settings)
    provider, rest = split_spec(spec or DEFAULT_SPEC)
    if not provider:
        provider = "openai"  # a bare name that is no keyword is an OpenAI model (as llm reads it)
    factory = _PROVIDERS.get(provider)
    if factory is None:
        raise ConfigError(
            f"unknown model spec {spec!r} (no provider {provider!r}): use local, local/<name or .gguf>, none, "
            "openai/<model> (or openai:<model>, or a bare OpenAI model name), or base_url= (CLI: --base-url) for another server"
        )
    if provider == "openai" and not rest:
        raise ConfigError(f"{spec!r} names no model: write openai/<model>")
    return factory(rest, settings)


__all__ = [
    "Backend",
    "Capabilities",
    "EmbeddedBackend",
    "Endpoint",
    "NoneBackend",
    "ProvidedBackend",
    "RemoteBackend",
    "Status",
    "backend_for",
    "resolve_backend",
    "split_spec",
]
