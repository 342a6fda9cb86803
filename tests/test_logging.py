"""Logging like a library, -v/-q on the command line, model strings as other tools write them, secrets never shown.

The library logs through ``logging.getLogger(__name__)`` and prints nothing;
the command line shows those records on stderr at the level -v/-q asks for.
Retries and failures come from the 127.0.0.1 fault server (tests/fault_server.py).
"""

from __future__ import annotations

import pytest

from summarizer import ConfigError
from summarizer.llm.backends import RemoteBackend, resolve_backend

OPENAI_KEY = "sk-test-secret-4242"


@pytest.mark.parametrize("spec", ["openai/gpt-4o-mini", "openai:gpt-4o-mini", "gpt-4o-mini"])
def test_model_strings_of_other_tools_name_the_same_openai_model(spec: str) -> None:
    backend = resolve_backend(spec, api_key=OPENAI_KEY)
    assert isinstance(backend, RemoteBackend)
    assert (backend.name, backend.model, backend.base_url) == ("openai", "gpt-4o-mini", "https://api.openai.com/v1")


@pytest.mark.parametrize("spec", ["openai:gpt-4o-mini", "openai/gpt-4o-mini"])
def test_a_prefixed_openai_model_with_a_base_url_is_the_served_model(spec: str) -> None:
    backend = resolve_backend(spec, base_url="http://127.0.0.1:8080/v1")
    assert isinstance(backend, RemoteBackend)
    assert (backend.name, backend.model) == ("openai-compatible", "gpt-4o-mini")


def test_a_bare_name_with_a_base_url_is_that_server_s_model_whole() -> None:
    """Ollama's 'llama3.2:3b' is a model name on its server, not a provider 'llama3.2'."""
    backend = resolve_backend("llama3.2:3b", base_url="http://127.0.0.1:11434/v1")
    assert isinstance(backend, RemoteBackend)
    assert backend.model == "llama3.2:3b"


def test_a_bare_name_still_defers_to_a_base_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_BASE_URL", "http://127.0.0.1:8080/v1")
    backend = resolve_backend("llama3")
    assert isinstance(backend, RemoteBackend)
    assert (backend.base_url, backend.model) == ("http://127.0.0.1:8080/v1", "llama3")


def test_keywords_keep_their_meaning_in_the_colon_form() -> None:
    assert resolve_backend("none").name == resolve_backend("none:").name == "none"
    assert resolve_backend("local:").name == resolve_backend("local").name == "embedded"


@pytest.mark.parametrize("spec", ["anthropic:claude-3-5-sonnet", "mistral/mistral-large", "llama3.2:3b"])
def test_an_unknown_provider_is_one_line_naming_the_accepted_forms(spec: str) -> None:
    with pytest.raises(ConfigError) as raised:
        resolve_backend(spec, api_key=OPENAI_KEY)
    message = str(raised.value)
    assert "\n" not in message and "unknown model spec" in message
    for form in ("local", "none", "openai/<model>", "openai:<model>", "--base-url"):
        assert form in message
