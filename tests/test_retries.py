"""Retry behaviour against a real misbehaving HTTP server on 127.0.0.1.

Its good answers are the ``none`` model's (the smallest draft the request's schema
allows), so these tests of the transport hold whatever the prompts say.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from summarizer import ArticleError, BackendError, ModelOutputError, Summarizer, TransientBackendError
from summarizer.llm.backends.model_store import DEFAULT_MODEL
from summarizer.llm.backends.remote import RemoteBackend
from summarizer.llm.retry import RetryPolicy
from tests.conftest import SEED, requires_seed
from tests.fault_server import Reply, completion_with_content, error, fault_server, schema_minimal

FAST = RetryPolicy(attempts=3, initial_wait=0.05, max_wait=3.0)


def summarizer_for(url: str, timeout: float = 10.0, retry: RetryPolicy = FAST) -> Summarizer:
    backend = RemoteBackend("openai-compatible", DEFAULT_MODEL.name, url, "test-key", timeout, dialect="llama.cpp")
    return Summarizer(backend=backend, retry=retry, max_reasks=0)


@requires_seed
def test_429_honours_retry_after() -> None:
    answer = minimal_completion()
    with fault_server(error(429, **{"Retry-After": "1"}), answer) as server, summarizer_for(server.url) as engine:
        brief = engine.summarize(SEED.read_text())
    assert len(server.requests) == 2
    assert server.requests[1] - server.requests[0] >= 0.95
    assert brief.run.attempts == 2 and brief.sources


@requires_seed
def test_500_is_retried_with_backoff() -> None:
    with fault_server(error(500), error(503), minimal_completion()) as server, summarizer_for(server.url) as engine:
        brief = engine.summarize(SEED.read_text())
    assert len(server.requests) == 3
    assert brief.run.attempts == 3  # every HTTP request counts, transport retries included


@requires_seed
def test_500_forever_gives_up_with_a_clear_error() -> None:
    with fault_server(error(500)) as server, summarizer_for(server.url) as engine:
        with pytest.raises(TransientBackendError, match=r"kept failing \(500\) after 3 attempts") as raised:
            engine.summarize(SEED.read_text())
    assert len(server.requests) == 3
    assert (raised.value.status, raised.value.attempts, raised.value.retry_after) == (500, 3, None)
    assert raised.value.provider_message == "scripted 500"


@requires_seed
def test_hang_past_timeout_is_retried_then_reported() -> None:
    started = time.monotonic()
    with fault_server(Reply(hang=3.0, body=b"{}")) as server, summarizer_for(server.url, timeout=0.5) as engine:
        with pytest.raises(TransientBackendError, match=r"did not answer within 0\.5s") as raised:
            engine.summarize(SEED.read_text())
    assert len(server.requests) == 3
    assert raised.value.status is None and raised.value.attempts == 3
    assert time.monotonic() - started < 10


@requires_seed
def test_hang_then_answer_recovers() -> None:
    hanging = Reply(hang=2.0, body=b"{}")
    with fault_server(hanging, minimal_completion()) as server, summarizer_for(server.url, timeout=0.5) as engine:
        assert engine.summarize(SEED.read_text()).run.attempts == 2
    assert len(server.requests) == 2


@requires_seed
def test_garbage_body_is_not_retried() -> None:
    garbage = Reply(200, b"<html>proxy error</html>", {"Content-Type": "application/json"})
    with fault_server(garbage) as server, summarizer_for(server.url) as engine:
        with pytest.raises(BackendError, match=r"not a chat completion|answered") as raised:
            engine.summarize(SEED.read_text())
    assert len(server.requests) == 1
    assert not isinstance(raised.value, TransientBackendError)  # the same request would get the same page


@requires_seed
@pytest.mark.parametrize("status", [400, 401, 403])
def test_client_errors_are_not_retried(status: int) -> None:
    with fault_server(error(status)) as server, summarizer_for(server.url) as engine:
        with pytest.raises(BackendError) as raised:
            engine.summarize(SEED.read_text())
    assert len(server.requests) == 1
    assert ("API key" in str(raised.value)) == (status in (401, 403))
    assert not isinstance(raised.value, TransientBackendError)
    assert (raised.value.status, raised.value.attempts) == (status, 1)
    assert raised.value.provider_message == f"scripted {status}"
    assert ("api_key= (CLI: --api-key)" in str(raised.value)) == (status in (401, 403))


@requires_seed
def test_model_answering_invalid_json_is_reasked_once_then_reported() -> None:
    with (
        fault_server(completion_with_content("Sure! Here is the brief: {oops")) as server,
        summarizer_for(server.url) as engine,
        pytest.raises(ModelOutputError, match="after 2 attempts") as raised,
    ):
        engine.summarize(SEED.read_text())
    assert len(server.requests) == 2
    assert raised.value.attempts == 2


@requires_seed
def test_unreachable_server() -> None:
    with summarizer_for("http://127.0.0.1:9/v1") as engine, pytest.raises(BackendError, match="cannot reach") as raised:
        engine.summarize(SEED.read_text())
    assert isinstance(raised.value, TransientBackendError) and raised.value.status is None


def minimal_completion() -> Reply:
    """A valid answer whatever the prompts say: the smallest draft the schema allows (what ``none`` writes)."""
    return schema_minimal()


def one_line(error: BaseException) -> str:
    text = str(error)
    assert "\n" not in text and "<failed_attempts>" not in text and "Traceback" not in text
    return text


@requires_seed
def test_every_http_request_and_its_tokens_are_counted() -> None:
    """A 503, then an answer that does not validate (re-asked), then a valid one: three requests, and the tokens
    of the answer that did not validate are counted too (the schema-minimal answer reports none)."""
    bad = completion_with_content("Sure! {oops")
    with fault_server(error(503), bad, minimal_completion()) as server, summarizer_for(server.url) as engine:
        brief = engine.summarize(SEED.read_text())
    usage = json.loads(bad.body)["usage"]
    assert len(server.requests) == 3
    assert brief.run.attempts == 3
    assert (brief.run.prompt_tokens, brief.run.completion_tokens) == (
        usage["prompt_tokens"],
        usage["completion_tokens"],
    )


@requires_seed
def test_retry_after_beyond_the_cap_fails_at_once_saying_when() -> None:
    started = time.monotonic()
    with fault_server(error(429, **{"Retry-After": "3600"})) as server, summarizer_for(server.url) as engine:
        with pytest.raises(BackendError, match=r"asks to wait 3600s.*try again after \d{4}-\d\d-\d\d \d\d:\d\d UTC"):
            engine.summarize(SEED.read_text())
    assert len(server.requests) == 1
    assert time.monotonic() - started < 5


@requires_seed
def test_429_error_carries_status_and_retry_after() -> None:
    """A server asking for 7 s, more than this policy waits: a transient error saying how long, no string parsing."""
    with fault_server(error(429, **{"Retry-After": "7"})) as server, summarizer_for(server.url) as engine:
        with pytest.raises(TransientBackendError) as raised:
            engine.summarize(SEED.read_text())
    assert (raised.value.status, raised.value.retry_after, raised.value.attempts) == (429, 7, 1)
    assert raised.value.usage is not None and raised.value.usage.total_tokens == 0


@requires_seed
def test_output_error_counts_the_tokens_of_answers_that_did_not_fit() -> None:
    bad = completion_with_content("Sure! {oops")
    with fault_server(bad) as server, summarizer_for(server.url) as engine:
        with pytest.raises(ModelOutputError) as raised:
            engine.summarize(SEED.read_text())
    reported = json.loads(bad.body)["usage"]
    assert len(server.requests) == 2 and raised.value.usage is not None
    spent = raised.value.usage
    assert (spent.prompt_tokens, spent.completion_tokens) == (
        2 * reported["prompt_tokens"],
        2 * reported["completion_tokens"],
    )


@requires_seed
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_timeout_is_a_total_deadline_not_per_read(mode: str) -> None:
    """A server dripping one byte every 0.3 s would take minutes; a 2 s deadline cuts it off."""
    dripping = minimal_completion()
    dripping.drip = 0.3
    started = time.monotonic()
    once = RetryPolicy(attempts=1)
    with fault_server(dripping) as server, summarizer_for(server.url, timeout=2.0, retry=once) as engine:
        with pytest.raises(BackendError, match=r"did not answer within 2s") as raised:
            if mode == "sync":
                engine.summarize(SEED.read_text())
            else:
                asyncio.run(engine.asummarize(SEED.read_text()))
    one_line(raised.value)
    assert time.monotonic() - started < 6


@requires_seed
def test_context_overflow_says_the_article_is_too_long() -> None:
    message = "the request exceeds the available context size, try increasing it"
    body = json.dumps({"error": {"code": 400, "message": message, "type": "exceed_context_size_error"}}).encode()
    with (
        fault_server(Reply(400, body, {"Content-Type": "application/json"})) as server,
        summarizer_for(server.url) as engine,
    ):
        with pytest.raises(ArticleError, match="article is too long") as raised:
            engine.summarize(SEED.read_text())
    assert "--model" not in one_line(raised.value)
    assert len(server.requests) == 1


@requires_seed
def test_instructor_attempt_log_does_not_leak_into_errors() -> None:
    with fault_server(completion_with_content("{oops")) as server, summarizer_for(server.url) as engine:
        with pytest.raises(ModelOutputError) as raised:
            engine.summarize(SEED.read_text())
    assert "after 2 attempts" in one_line(raised.value)


@requires_seed
def test_async_retries_do_not_block_the_event_loop() -> None:
    """Two briefs on one loop: one waits out a 1 s Retry-After while the other finishes."""
    finished: list[str] = []

    async def run(engine: Summarizer, label: str, text: str) -> None:
        await engine.asummarize(text)
        finished.append(label)

    with fault_server(error(429, **{"Retry-After": "1"}), minimal_completion()) as server:
        with summarizer_for(server.url) as engine:

            async def both() -> None:
                await asyncio.gather(
                    run(engine, "retried", SEED.read_text()), run(engine, "plain", "A short one. It ends.")
                )

            asyncio.run(both())
    assert sorted(finished) == ["plain", "retried"]
    assert len(server.requests) == 3


@contextmanager
def header_dripping_server() -> Iterator[str]:
    """A 127.0.0.1 server that sends its status line, then one header byte every 0.3 s (for a minute)."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def drip(connection: socket.socket) -> None:
        with connection:
            try:
                connection.recv(65536)
                for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 200:
                    if stop.is_set():
                        return
                    connection.send(bytes([byte]))
                    time.sleep(0.3)
            except OSError:
                return

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:  # closed at the end of the test
                return
            threading.Thread(target=drip, args=(connection,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/v1"
    finally:
        stop.set()
        listener.close()


@requires_seed
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_deadline_covers_a_server_dripping_its_headers(mode: str) -> None:
    started = time.monotonic()
    with header_dripping_server() as url, summarizer_for(url, timeout=2.0, retry=RetryPolicy(attempts=1)) as engine:
        with pytest.raises(BackendError, match=r"did not answer within 2s"):
            if mode == "sync":
                engine.summarize(SEED.read_text())
            else:
                asyncio.run(engine.asummarize(SEED.read_text()))
    assert time.monotonic() - started < 6
