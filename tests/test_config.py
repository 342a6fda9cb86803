"""Configuration: one precedence (argument > environment > default), keys only to their own host, never printed.

Every test starts from an environment with no SUMMARIZER_* or OPENAI_* variable.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import summarizer
from summarizer import ConfigError, Summarizer
from summarizer.llm.backends import (
    Capabilities,
    EmbeddedBackend,
    NoneBackend,
    RemoteBackend,
    backend_for,
    resolve_backend,
)
from summarizer.llm.backends.base import REMOTE_CONCURRENCY
from summarizer.llm.backends.remote import NO_KEY
from summarizer.settings import OPENAI_URL, Settings

OPENAI_KEY = "sk-openai-secret-0000"
OWN_KEY = "own-server-secret-1111"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith(("SUMMARIZER_", "OPENAI_")):
            monkeypatch.delenv(name)


def remote(backend: object) -> RemoteBackend:
    assert isinstance(backend, RemoteBackend)
    return backend


def test_default_is_the_embedded_model() -> None:
    assert isinstance(resolve_backend(), EmbeddedBackend)


def test_environment_is_used_when_no_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_BASE_URL", "http://gpu-box:8000/v1")
    monkeypatch.setenv("SUMMARIZER_MODEL", "llama3")
    backend = remote(resolve_backend())
    assert (backend.base_url, backend.model) == ("http://gpu-box:8000/v1", "llama3")


def test_explicit_local_is_not_redirected_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_BASE_URL", "http://gpu-box:8000/v1")
    assert isinstance(Summarizer("local").backend, EmbeddedBackend)
    assert isinstance(Summarizer("none").backend, NoneBackend)
    assert remote(Summarizer("openai/gpt-4o-mini", api_key="k").backend).base_url == OPENAI_URL


def test_explicit_base_url_beats_a_model_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_MODEL", "local")
    backend = remote(resolve_backend(base_url="http://gpu-box:8000/v1"))
    assert (backend.base_url, backend.model) == ("http://gpu-box:8000/v1", "default")


def test_a_local_model_and_a_base_url_given_together_are_an_error() -> None:
    with pytest.raises(ConfigError, match="drop one of them"):
        resolve_backend("local", base_url="http://gpu-box:8000/v1")


def test_openai_prefix_with_a_base_url_names_the_served_model() -> None:
    backend = remote(resolve_backend("openai/gpt-4o-mini", base_url="http://proxy:4000/v1"))
    assert (backend.base_url, backend.model, backend.name) == (
        "http://proxy:4000/v1",
        "gpt-4o-mini",
        "openai-compatible",
    )


def test_openai_base_url_is_honoured_for_openai_models(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", "https://azure.example.com/openai/v1/")
    backend = remote(resolve_backend("openai/gpt-4o-mini"))
    assert (backend.base_url, backend.api_key) == ("https://azure.example.com/openai/v1", OPENAI_KEY)


def test_openai_key_is_never_sent_to_another_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    assert remote(resolve_backend("m", base_url="http://127.0.0.1:8080/v1")).api_key == NO_KEY
    assert remote(resolve_backend("m", base_url="https://api.openai.com.evil.example/v1")).api_key == NO_KEY
    assert remote(resolve_backend("m", base_url="https://api.openai.com/v1")).api_key == OPENAI_KEY


def test_openai_key_goes_to_the_openai_base_url_it_belongs_to(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", "https://gateway.example.com/v1")
    assert remote(resolve_backend("m", base_url="https://gateway.example.com/v1")).api_key == OPENAI_KEY
    assert remote(resolve_backend("m", base_url="https://api.openai.com/v1")).api_key == NO_KEY


def test_a_custom_server_gets_its_own_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    monkeypatch.setenv("SUMMARIZER_API_KEY", OWN_KEY)
    assert remote(resolve_backend("m", base_url="http://127.0.0.1:8080/v1")).api_key == OWN_KEY
    assert remote(resolve_backend("m", base_url="http://127.0.0.1:8080/v1", api_key="arg")).api_key == "arg"


def test_openai_models_need_a_key() -> None:
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        resolve_backend("openai/gpt-4o-mini")


def test_library_errors_name_the_argument_and_then_the_flag() -> None:
    """Called from Python, a message names the argument to pass; the CLI flag follows it."""
    with pytest.raises(ConfigError, match=r"pass api_key= \(CLI: --api-key\) or set OPENAI_API_KEY"):
        resolve_backend("openai/gpt-4o-mini")
    with pytest.raises(ConfigError, match=r"^base_url= \(CLI: --base-url\) must start with http"):
        resolve_backend("m", base_url="127.0.0.1:8080/v1")


def test_keys_never_show_in_reprs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    engine = Summarizer("openai/gpt-4o-mini")
    backend = remote(engine.backend)
    shown = " ".join([repr(engine), repr(backend), repr(backend.endpoint()), str(backend.endpoint())])
    assert OPENAI_KEY not in shown
    assert "gpt-4o-mini" in shown
    own = remote(resolve_backend("m", base_url="http://127.0.0.1:8080/v1", api_key=OWN_KEY))
    assert OWN_KEY not in repr(own) + repr(own.endpoint())


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("anthropic/claude-3", r"unknown model spec .* \(no provider 'anthropic'\)"),
        ("anthropic:claude-3", r"unknown model spec .* \(no provider 'anthropic'\)"),
        ("openai/", "names no model"),
        ("openai:", "names no model"),
        ("local/nope.gguf", "no such GGUF"),
    ],
)
def test_bad_specs_are_one_line_errors(spec: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as raised:
        resolve_backend(spec)
    assert "\n" not in str(raised.value)


def test_none_is_never_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not isinstance(resolve_backend(), NoneBackend)
    monkeypatch.setenv("SUMMARIZER_MODEL", "none")
    assert isinstance(resolve_backend(), NoneBackend)


def test_a_flag_beats_the_environment_in_the_cli(tmp_path: Path) -> None:
    """`--model none` stays the none backend though SUMMARIZER_BASE_URL points at a server (flag > env > default)."""
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("The harbour board of Split delayed a vote on Tuesday, chair Ana Ruiz said.")
    result = subprocess.run(
        [sys.executable, "-m", "summarizer", "brief", str(article), "--model", "none", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "SUMMARIZER_BASE_URL": "http://127.0.0.1:9/v1"},
    )
    assert result.returncode == 0, result.stderr
    assert '"backend":"none"' in result.stdout.replace(" ", "")


def test_settings_resolve_argument_then_environment_then_default() -> None:
    environ = {"SUMMARIZER_MODEL": "llama3", "SUMMARIZER_API_KEY": "env-key", "OPENAI_BASE_URL": "http://proxy:1/v1/"}
    from_env = Settings.resolve(environ=environ)
    assert (from_env.model, from_env.api_key, from_env.openai_base_url) == ("llama3", "env-key", "http://proxy:1/v1")
    argued = Settings.resolve("local", api_key="arg-key", environ=environ)
    assert (argued.model, argued.api_key) == ("local", "arg-key")
    assert argued.model_level > from_env.model_level
    default = Settings.resolve(environ={})
    assert (default.model, default.base_url, default.openai_base_url) == (None, None, OPENAI_URL)
    assert "arg-key" not in repr(argued) and "env-key" not in repr(from_env)
    assert Settings.resolve("m", environ=environ) == Settings.resolve("m", environ=dict(environ))  # a usable key


def test_backends_describe_themselves() -> None:
    embedded = resolve_backend("local")
    assert embedded.capabilities.runs_locally and not embedded.capabilities.batch_api
    assert embedded.concurrency(3) == 3 and embedded.capabilities.slots == 3
    assert not resolve_backend("none").capabilities.batch_api
    remote = resolve_backend("m", base_url="http://127.0.0.1:8080/v1")
    assert remote.capabilities == Capabilities(runs_locally=False, batch_api=True, slots=None)
    assert remote.concurrency(None) == REMOTE_CONCURRENCY


def test_the_embedded_model_takes_its_threads_from_the_settings() -> None:
    backend = backend_for(Settings.resolve("local", threads=3, environ={}))
    assert isinstance(backend, EmbeddedBackend) and backend.threads == 3


def test_no_caller_asks_which_backend_it_holds() -> None:
    """Capabilities live on the backend: outside summarizer/llm nothing tests a backend's class or sets its slots."""
    package = Path(summarizer.__file__).parent
    offenders = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        if "llm" not in path.relative_to(package).parts
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"isinstance\([^)]*backend|Backend\)|backend\.(parallel|threads)\s*=", line)
    ]
    assert offenders == []
