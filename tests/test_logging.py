"""Logging like a library, -v/-q on the command line, model strings as other tools write them, secrets never shown.

The library logs through ``logging.getLogger(__name__)`` and prints nothing;
the command line shows those records on stderr at the level -v/-q asks for.
Retries and failures come from the 127.0.0.1 fault server (tests/fault_server.py).
"""

from __future__ import annotations

import io
import json
import logging
import re
import sys
from pathlib import Path

import pytest

from summarizer import BackendError, ConfigError, ModelOutputError, Summarizer
from summarizer.bulk import shards
from summarizer.bulk.settings import JobSettings
from summarizer.cli.logs import configure
from summarizer.digest.briefing import brief_all
from summarizer.digest.store import Store
from summarizer.ingest.inputs import collect
from summarizer.llm.backends import RemoteBackend, resolve_backend
from summarizer.nlp.pipeline import Pipeline, installed
from summarizer.redact import redact
from summarizer.settings import Settings
from tests.conftest import SEED, run_cli
from tests.fault_server import Reply, completion_with_content, error, fault_server, schema_minimal
from tests.test_retries import FAST, summarizer_for

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
    shown = (
        repr(backend)
        + repr(backend.endpoint())
        + repr(JobSettings(Settings.resolve("m", base_url=url, api_key=PASSWORD)))
    )
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


def summarizer_records(caplog: pytest.LogCaptureFixture, level: int) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith("summarizer") and r.levelno == level]


def test_the_package_logger_has_a_null_handler_and_prints_nothing() -> None:
    package = logging.getLogger("summarizer")
    assert any(isinstance(h, logging.NullHandler) for h in package.handlers)


def test_a_transport_retry_is_logged_at_info_with_attempt_reason_and_wait(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="summarizer")
    with fault_server(error(503), schema_minimal()) as server, summarizer_for(server.url) as engine:
        engine.summarize(SEED.read_text())
    retries = [r.getMessage() for r in summarizer_records(caplog, logging.INFO) if "retrying" in r.getMessage()]
    assert len(retries) == 1, caplog.text
    assert re.fullmatch(r"attempt 1 of 3: the server answered 503; retrying in \d+\.\ds", retries[0])


def test_a_retry_after_is_named_in_the_retry_line(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="summarizer")
    with fault_server(error(429, **{"Retry-After": "1"}), schema_minimal()) as server:
        with summarizer_for(server.url) as engine:
            engine.summarize(SEED.read_text())
    assert "the server answered 429 (Retry-After 1s); retrying in 1.0s" in caplog.text


def test_a_validation_re_ask_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="summarizer")
    with fault_server(completion_with_content("{oops")) as server, summarizer_for(server.url) as engine:
        with pytest.raises(ModelOutputError):
            engine.summarize(SEED.read_text())
    lines = [
        r.getMessage() for r in summarizer_records(caplog, logging.INFO) if "did not fit the schema" in r.getMessage()
    ]
    assert len(lines) == 2 and "attempt 1 of 2" in lines[0] and lines[0].endswith("asking again"), lines
    assert "attempt 2 of 2" in lines[1] and lines[1].endswith("giving up")


def test_dropped_items_and_a_replaced_headline_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    """The schema-minimal answer names 'x' and writes an empty headline: both are fallbacks worth a line."""
    caplog.set_level(logging.INFO, logger="summarizer")
    with fault_server(schema_minimal()) as server, summarizer_for(server.url) as engine:
        engine.summarize(SEED.read_text())
    assert "using the article's own words" in caplog.text, caplog.text


def test_a_skipped_input_of_a_batch_is_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="summarizer")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    items = collect([str(empty)])
    with Summarizer("none") as engine, Store(tmp_path / "store.sqlite") as store:
        result = brief_all(items, engine, store)
    assert result.skipped
    assert f"skipped {empty}" in caplog.text


def test_no_api_key_in_any_log_or_error_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    """Every logger at DEBUG (the openai SDK's and httpx's too), through retries and a final failure."""
    caplog.set_level(logging.DEBUG)
    backend = RemoteBackend("openai-compatible", "m", "", OPENAI_KEY, 10.0, dialect="llama.cpp")
    with fault_server(error(503), error(401)) as server:
        backend.base_url = with_password(server.url)
        with Summarizer(backend=backend, retry=FAST, max_reasks=0) as engine, pytest.raises(BackendError) as raised:
            engine.summarize(SEED.read_text())
    shown = caplog.text + str(raised.value) + repr(engine)
    assert len(server.requests) == 2 and "retrying" in caplog.text
    assert OPENAI_KEY not in shown
    assert PASSWORD not in shown  # httpx2 logs each request's URL at INFO: its logger is redacted


def test_a_missing_optional_pipeline_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="summarizer")
    absent = Pipeline("no_such_pipeline_pkg", "1.0.0", "0" * 64, "no_such_pipeline_pkg-1.0.0", requirements="r.txt")
    assert not installed(absent) and not installed(absent)
    lines = [
        r.getMessage() for r in summarizer_records(caplog, logging.INFO) if "no_such_pipeline_pkg" in r.getMessage()
    ]
    assert len(lines) == 1 and "not installed" in lines[0] and "r.txt" in lines[0]


def brief_via_cli(*flags: str, script: tuple[Reply, ...], extra: tuple[str, ...] = ()) -> tuple[int, str]:
    """``summarizer [flags] brief SEED`` against the fault server; returns (exit code, stderr)."""
    with fault_server(*script) as server:
        result = run_cli(*flags, "brief", str(SEED), "--base-url", server.url, "--format", "json", *extra)
    return result.returncode, result.stderr


def test_v_shows_a_retry_on_stderr_and_the_default_does_not() -> None:
    script = (error(503), schema_minimal())
    code, stderr = brief_via_cli("-v", script=script)
    assert code == 0, stderr
    assert re.search(
        r"^INFO summarizer\.llm\.retry: attempt 1 of 4: the server answered 503; retrying in ", stderr, re.M
    )
    code, stderr = brief_via_cli(script=script)
    assert code == 0 and "retrying" not in stderr and "INFO" not in stderr, stderr


def test_vv_shows_debug_lines_of_the_library_only() -> None:
    code, stderr = brief_via_cli("-vv", script=(schema_minimal(),))
    assert code == 0, stderr
    asking = r"^DEBUG summarizer\.llm\.client: asking default \(openai-compatible\) for Brief"
    assert re.search(asking, stderr, re.M), stderr
    assert "httpx2" not in stderr and "openai._base_client" not in stderr  # other libraries stay at warnings


def test_q_hides_warnings_but_not_the_error(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_text(SEED.read_text() + "\n\n" + "Filler sentence about nothing in particular. " * 1_000)
    with fault_server(schema_minimal()) as server:
        loud = run_cli("brief", str(huge), "--base-url", server.url, "--format", "json")
        quiet = run_cli("-q", "brief", str(huge), "--base-url", server.url, "--format", "json")
    assert loud.returncode == quiet.returncode == 0, loud.stderr + quiet.stderr
    assert "warning: article is" in loud.stderr
    assert quiet.stderr.strip() == "" and json.loads(quiet.stdout)["run"]["truncated"] is True
    with fault_server(error(400)) as server:
        failed = run_cli("-q", "brief", str(SEED), "--base-url", server.url)
    assert failed.returncode == 1 and failed.stderr.startswith("error: ")


def test_no_key_or_url_password_on_stderr_at_vv() -> None:
    with fault_server(error(503), error(401)) as server:
        result = run_cli("-vv", "brief", str(SEED), "--base-url", with_password(server.url), "--api-key", OPENAI_KEY)
    assert result.returncode == 1 and "retrying" in result.stderr, result.stderr
    assert OPENAI_KEY not in result.stderr and PASSWORD not in result.stderr
    assert "user:***@127.0.0.1" in result.stderr


def test_help_teaches_the_verbosity_flags() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for words in ("-v, --verbose", "-vv", "-q, --quiet", "summarizer -v brief"):
        assert words in result.stdout


def test_the_cli_handler_writes_to_the_stderr_of_the_moment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich swaps sys.stderr for a proxy while a progress bar runs; a line logged then must go through it."""
    root, package = logging.getLogger(), logging.getLogger("summarizer")
    saved = (list(root.handlers), root.level, package.level)
    try:
        assert configure(1, False) == logging.INFO
        configure(1, False)  # configured twice (an in-process CLI run): still one handler
        assert sum(type(h).__name__ == "_StderrHandler" for h in root.handlers) == 1
        swapped = io.StringIO()
        monkeypatch.setattr(sys, "stderr", swapped)
        logging.getLogger("summarizer.test").info("cannot reach http://user:%s@127.0.0.1:9/v1", PASSWORD)
        logging.getLogger("other.library").info("not shown: other libraries stay at warnings")
        assert swapped.getvalue() == "INFO summarizer.test: cannot reach http://user:***@127.0.0.1:9/v1\n"
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        package.setLevel(saved[2])
