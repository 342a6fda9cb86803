"""Logging like a library, -v/-q on the command line, model strings as other tools write them, secrets never shown.

The library logs through ``logging.getLogger(__name__)`` and prints nothing;
the command line shows those records on stderr at the level -v/-q asks for.
Retries and failures come from the 127.0.0.1 fault server (tests/fault_server.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import BackendError, ConfigError
from summarizer.bulk import shards
from summarizer.bulk.settings import Settings
from summarizer.llm.backends import RemoteBackend, resolve_backend
from summarizer.redact import redact
from tests.conftest import SEED, run_cli
from tests.fault_server import Reply, error, fault_server
from tests.test_retries import summarizer_for

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


PASSWORD = "hunter2-secret"


def with_password(url: str) -> str:
    """``url`` with ``user:PASSWORD@`` before its host."""
    scheme, rest = url.split("://", 1)
    return f"{scheme}://user:{PASSWORD}@{rest}"


def test_redact_hides_a_url_password_and_a_bearer_token() -> None:
    assert redact("cannot reach http://user:pa@ss@gpu:8000/v1 (4 attempts)") == (
        "cannot reach http://user:***@gpu:8000/v1 (4 attempts)"
    )
    assert redact("Authorization: Bearer sk-abc") == "Authorization: Bearer ***"
    unchanged = "http://user@gpu:8000/v1?next=a@b and http://127.0.0.1:8080/v1"
    assert redact(unchanged) == unchanged


@pytest.mark.parametrize("reply", [error(400), error(500)])
def test_a_base_url_password_never_reaches_an_error_message(reply: Reply) -> None:
    with fault_server(reply) as server, summarizer_for(with_password(server.url)) as engine:
        with pytest.raises(BackendError) as raised:
            engine.summarize(SEED.read_text())
        assert server.requests  # the server was reached through the URL with the password
    message = str(raised.value)
    assert PASSWORD not in message and "user:***@127.0.0.1" in message


def test_an_unreachable_base_url_with_a_password_is_reported_without_it() -> None:
    with summarizer_for(with_password("http://127.0.0.1:9/v1")) as engine, pytest.raises(BackendError) as raised:
        engine.summarize(SEED.read_text())
    assert "cannot reach" in str(raised.value) and PASSWORD not in str(raised.value)


def test_configuration_errors_and_reprs_hide_the_password() -> None:
    url = with_password("http://127.0.0.1:8080/v1")
    with pytest.raises(ConfigError) as raised:
        resolve_backend("local", base_url=url)
    assert PASSWORD not in str(raised.value)
    with pytest.raises(ConfigError) as raised:
        resolve_backend("m", base_url=url.replace("http://", "ftp://"))
    assert PASSWORD not in str(raised.value)
    backend = resolve_backend("m", base_url=url)
    shown = repr(backend) + repr(backend.endpoint()) + repr(Settings(model="m", base_url=url))
    assert PASSWORD not in shown and "user:***@127.0.0.1:8080" in shown


def test_a_batch_error_row_and_its_stderr_hide_the_password(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with fault_server(error(400)) as server:
        result = run_cli("batch", str(SEED), "--out", str(out), "-j", "1", "--base-url", with_password(server.url))
    assert result.returncode == 1, result.stderr
    rows = list(shards.rows(out))
    assert len(rows) == 1 and rows[0]["error"] and "400" in rows[0]["error"]
    stored = "".join(path.read_text() for path in out.rglob("*") if path.is_file())
    assert PASSWORD not in stored and PASSWORD not in result.stderr
    assert "user:***@127.0.0.1" in rows[0]["error"]
