"""Retry behaviour against a real misbehaving HTTP server on 127.0.0.1."""

from __future__ import annotations

import time

import pytest

from summarizer import BackendError, ModelOutputError, Summarizer
from summarizer.llm.backends.model_store import DEFAULT_MODEL
from summarizer.llm.backends.remote import RemoteBackend
from summarizer.llm.retry import RetryPolicy
from tests.conftest import SEED
from tests.fault_server import Reply, completion_with_content, error, fault_server, ok

FAST = RetryPolicy(attempts=3, initial_wait=0.05, max_wait=3.0)


def summarizer_for(url: str, timeout: float = 10.0, retry: RetryPolicy = FAST) -> Summarizer:
    backend = RemoteBackend("openai-compatible", DEFAULT_MODEL.name, url, "test-key", timeout, dialect="llama.cpp")
    return Summarizer(backend=backend, retry=retry, max_reasks=0)


def test_429_honours_retry_after() -> None:
    with fault_server(error(429, **{"Retry-After": "1"}), ok()) as server, summarizer_for(server.url) as engine:
        brief = engine.summarize(SEED.read_text())
    assert len(server.requests) == 2
    assert server.requests[1] - server.requests[0] >= 0.95
    assert brief.who


def test_500_is_retried_with_backoff() -> None:
    with fault_server(error(500), error(503), ok()) as server, summarizer_for(server.url) as engine:
        brief = engine.summarize(SEED.read_text())
    assert len(server.requests) == 3
    assert brief.run.attempts == 3  # every HTTP request counts, transport retries included


def test_500_forever_gives_up_with_a_clear_error() -> None:
    with fault_server(error(500)) as server, summarizer_for(server.url) as engine:
        with pytest.raises(BackendError, match=r"kept failing \(500\) after 3 attempts"):
            engine.summarize(SEED.read_text())
    assert len(server.requests) == 3


def test_hang_past_timeout_is_retried_then_reported() -> None:
    started = time.monotonic()
    with fault_server(Reply(hang=3.0, body=b"{}")) as server, summarizer_for(server.url, timeout=0.5) as engine:
        with pytest.raises(BackendError, match=r"did not answer within 0\.5s"):
            engine.summarize(SEED.read_text())
    assert len(server.requests) == 3
    assert time.monotonic() - started < 10


def test_hang_then_answer_recovers() -> None:
    with fault_server(Reply(hang=2.0, body=b"{}"), ok()) as server, summarizer_for(server.url, timeout=0.5) as engine:
        assert engine.summarize(SEED.read_text()).who
    assert len(server.requests) == 2


def test_garbage_body_is_not_retried() -> None:
    garbage = Reply(200, b"<html>proxy error</html>", {"Content-Type": "application/json"})
    with fault_server(garbage) as server, summarizer_for(server.url) as engine:
        with pytest.raises(BackendError, match=r"not a chat completion|answered"):
            engine.summarize(SEED.read_text())
    assert len(server.requests) == 1


@pytest.mark.parametrize("status", [400, 401, 403])
def test_client_errors_are_not_retried(status: int) -> None:
    with fault_server(error(status)) as server, summarizer_for(server.url) as engine:
        with pytest.raises(BackendError) as raised:
            engine.summarize(SEED.read_text())
    assert len(server.requests) == 1
    assert ("API key" in str(raised.value)) == (status in (401, 403))


def test_model_answering_invalid_json_is_reasked_once_then_reported() -> None:
    with (
        fault_server(completion_with_content("Sure! Here is the brief: {oops")) as server,
        summarizer_for(server.url) as engine,
        pytest.raises(ModelOutputError, match="after 2 attempts"),
    ):
        engine.summarize(SEED.read_text())
    assert len(server.requests) == 2


def test_unreachable_server() -> None:
    with summarizer_for("http://127.0.0.1:9/v1") as engine, pytest.raises(BackendError, match="cannot reach"):
        engine.summarize(SEED.read_text())
