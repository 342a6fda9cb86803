"""Operating ``summarizer serve`` (issue 26, item 1): rate limit, slots, job timeout, metrics, graceful shutdown."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx2
import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from summarizer.brief.engine import Summarizer
from summarizer.digest.store import Store
from summarizer.errors import ConfigError
from summarizer.llm.backends.base import Endpoint
from summarizer.llm.backends.none import NONE_URL, NoneBackend, NoneTransport
from summarizer.serve import create_app
from summarizer.serve.keys import KEYS_ENV, ApiKeys
from summarizer.serve.ratelimit import RateLimit, parse_rate
from tests.test_serve import OTHER, TEXT, GatedBackend, GatedPages, free_port, is_problem, until

ROOT = Path(__file__).resolve().parent.parent
KEYS = ("k-ops-alpha", "k-ops-beta")
ARTICLES = [
    f"The {place} library reopened on Monday after a flood closed it in {month}, the city council said."
    for place, month in [("Aldmere", "March"), ("Brackwater", "April"), ("Corlan", "May"), ("Dunford", "June")]
]


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@dataclass
class CountingTransports:
    """The ``none`` model, answering with token counts (the ``none`` model reports 0) and the calls it got."""

    prompt_tokens: int = 11
    completion_tokens: int = 7
    calls: list[str] = field(default_factory=list)

    def _answer(self, request: httpx2.Request) -> httpx2.Response:
        self.calls.append(str(request.url))
        answer = NoneTransport().handle_request(request)
        body = json.loads(answer.read())
        body["usage"] = {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
        }
        return httpx2.Response(200, json=body, request=request)

    def sync(self, timeout: float) -> httpx2.BaseTransport:
        return httpx2.MockTransport(self._answer)

    def asynchronous(self, timeout: float) -> httpx2.AsyncBaseTransport:
        raise NotImplementedError("the server briefs on threads")


@dataclass
class CountingBackend(NoneBackend):
    transports: CountingTransports = field(default_factory=CountingTransports)

    def endpoint(self, status: Any = None) -> Endpoint:
        return Endpoint(NONE_URL, "none", self.model, self.name, 60.0, transports=self.transports)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store.sqlite") as opened:
        yield opened


def metrics_of(client: TestClient, headers: dict[str, str] | None = None) -> dict[tuple[str, tuple[Any, ...]], float]:
    """Every sample of ``GET /metrics``, by name and sorted labels."""
    answer = client.get("/metrics", headers=headers or {})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }


def test_the_rate_limit_is_per_key_and_says_when_to_come_back(store: Store) -> None:
    app = create_app(Summarizer("none"), store, keys=ApiKeys(KEYS), rate_limit=3)
    with TestClient(app) as client:
        asked = [client.get("/v1/jobs/none", headers=bearer(KEYS[0])).status_code for _ in range(3)]
        assert asked == [404, 404, 404]
        over = client.post("/v1/briefs", json={"text": TEXT}, headers=bearer(KEYS[0]))
        problem = is_problem(over, 429)
        assert "3 requests a minute" in problem["detail"]
        assert 1 <= int(over.headers["retry-after"]) <= 20  # one request back at 3/min: 20 s
        assert store.jobs_in(("queued", "running", "done", "failed")) == []  # refused before any job
        assert client.get("/v1/jobs/none", headers=bearer(KEYS[1])).status_code == 404  # the other key is apart
        assert client.get("/healthz").status_code == 200  # probes are not limited
        assert metrics_of(client, bearer(KEYS[1]))[("summarizer_rate_limited_total", ())] == 1


def test_without_keys_the_limit_is_per_address(store: Store) -> None:
    with TestClient(create_app(Summarizer("none"), store, rate_limit=2)) as client:
        assert [client.get("/v1/jobs/x").status_code for _ in range(3)] == [404, 404, 429]
    with TestClient(create_app(Summarizer("none"), store, rate_limit=0)) as client:  # 0: no limit
        assert {client.get("/v1/jobs/x").status_code for _ in range(10)} == {404}


def test_the_bucket_refills_at_the_limits_pace() -> None:
    now = [0.0]
    limit = RateLimit(6, clock=lambda: now[0])  # 6 a minute: one every 10 s
    assert [limit.wait_s("a") for _ in range(6)] == [0.0] * 6
    assert limit.wait_s("a") == pytest.approx(10.0)
    now[0] = 9.0
    assert limit.wait_s("a") == pytest.approx(1.0)
    now[0] = 10.0
    assert limit.wait_s("a") == 0.0 and limit.wait_s("a") > 0
    now[0] = 1_000.0  # a long quiet spell refills up to a minute's worth, no more
    assert [limit.wait_s("a") for _ in range(7)].count(0.0) == 6
    assert parse_rate("120/min") == 120 and parse_rate(" 30 ") == 30 and parse_rate("0") == 0
    with pytest.raises(ConfigError, match="N/min"):
        parse_rate("5/s")


def test_briefs_never_run_more_at_once_than_the_slots(store: Store) -> None:
    backend = GatedBackend()
    with TestClient(create_app(Summarizer(backend=backend), store, slots=2)) as client:
        jobs = [client.post("/v1/briefs?wait=0", json={"text": text}).json()["id"] for text in ARTICLES]
        until(lambda: len(backend.transports.calls) == 2)
        time.sleep(0.5)  # had a third brief started, its model call would have come by now
        assert len(backend.transports.calls) == 2
        seen = metrics_of(client)
        assert seen[("summarizer_jobs_running", ())] == 2 and seen[("summarizer_queue_length", ())] == 2
        assert seen[("summarizer_jobs", (("state", "queued"),))] == 2
        assert seen[("summarizer_jobs", (("state", "running"),))] == 2
        assert seen[("summarizer_model_slots", ())] == 2
        backend.transports.gate.set()
        for job in jobs:
            until(lambda job=job: client.get(f"/v1/jobs/{job}").json()["state"] == "done")
    assert store.count_briefs() == 4


def test_a_job_over_the_timeout_fails_with_one_line_and_its_brief_is_kept_when_it_comes(store: Store) -> None:
    backend = GatedBackend()
    with TestClient(create_app(Summarizer(backend=backend), store, job_timeout_s=0.5)) as client:
        started = time.monotonic()
        late = client.post("/v1/briefs?wait=10", json={"text": OTHER})
        assert time.monotonic() - started < 5  # answered at the timeout, not at the end of the wait
        detail = is_problem(late, 504)["detail"]
        assert "job timeout" in detail
        [failed] = store.jobs_in(("failed",))
        assert failed.error == detail and failed.error_kind == "JobTimeoutError"
        backend.transports.gate.set()  # the model answers after all: the job stays failed, the brief is kept
        until(lambda: store.count_briefs() == 1)
        time.sleep(0.2)
        assert store.job(failed.id).state == "failed"  # type: ignore[union-attr]
        assert client.post("/v1/briefs?wait=10", json={"text": OTHER}).status_code == 200


def test_metrics_count_requests_by_route_latency_and_the_models_tokens(store: Store) -> None:
    backend = CountingBackend()
    app = create_app(Summarizer(backend=backend), store, keys=ApiKeys(KEYS))
    with TestClient(app) as client:
        is_problem(client.get("/metrics"), 401)  # the same key rule as /v1
        made = client.post("/v1/briefs", json={"text": TEXT}, headers=bearer(KEYS[0])).json()
        client.post("/v1/briefs", json={"text": TEXT}, headers=bearer(KEYS[0]))  # stored: no tokens
        client.get("/v1/jobs/nothing-here", headers=bearer(KEYS[0]))
        client.get("/v1/jobs/another-one", headers=bearer(KEYS[0]))
        seen = metrics_of(client, bearer(KEYS[1]))
    calls = len(backend.transports.calls)
    assert calls >= 1 and made["run"]["prompt_tokens"] == 11 * calls
    assert seen[("summarizer_model_tokens_total", (("kind", "prompt"),))] == made["run"]["prompt_tokens"]
    assert seen[("summarizer_model_tokens_total", (("kind", "completion"),))] == made["run"]["completion_tokens"]
    assert seen[("summarizer_briefs_made_total", ())] == 1
    posts = (("method", "POST"), ("route", "/v1/briefs"), ("status", "200"))
    assert seen[("summarizer_http_requests_total", posts)] == 2
    jobs = (("method", "GET"), ("route", "/v1/jobs/{job_id}"), ("status", "404"))
    assert seen[("summarizer_http_requests_total", jobs)] == 2  # one series for every job id
    unauthorized = (("method", "GET"), ("route", "/metrics"), ("status", "401"))
    assert seen[("summarizer_http_requests_total", unauthorized)] == 1
    latency = (("method", "POST"), ("route", "/v1/briefs"))
    assert seen[("summarizer_http_request_duration_seconds_count", latency)] == 2
    assert seen[("summarizer_http_request_duration_seconds_sum", latency)] > 0


def test_a_stopping_server_lets_a_running_brief_finish_within_the_grace(store: Store) -> None:
    pages = GatedPages()
    with TestClient(create_app(Summarizer("none"), store, read_url=pages, grace_s=30)) as client:
        job = client.post("/v1/briefs?wait=0", json={"url": "https://news.example/late"}).json()["id"]
        until(lambda: pages.fetched)
        threading.Timer(0.5, pages.gate.set).start()  # the page arrives while the server is stopping
    assert store.job(job).state == "done"  # type: ignore[union-attr]


class SlowPage(BaseHTTPRequestHandler):
    """An article page that arrives only once the test opens ``gate``: a brief in flight for as long as needed."""

    gate = threading.Event()
    asked = threading.Event()

    def do_GET(self) -> None:
        type(self).asked.set()
        type(self).gate.wait(60)
        body = f"<html><head><title>Pier to close</title></head><body><article><p>{TEXT}</p></article></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: Any) -> None:
        pass


def start_server(store: Path, port: int, *options: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != KEYS_ENV} | {"PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "summarizer", "serve", "--model", "none", "--port", str(port)]
    return subprocess.Popen([*command, "--store", str(store), *options], env=env, stderr=subprocess.PIPE, text=True)


def wait_ready(server: subprocess.Popen[str], http: httpx2.Client) -> None:
    def ready() -> bool:
        assert server.poll() is None, server.stderr.read() if server.stderr else ""
        try:
            return http.get("/readyz").status_code == 200
        except httpx2.TransportError:
            return False

    until(ready, 60)


def test_sigterm_parks_a_running_job_exits_0_and_the_next_server_finishes_it(tmp_path: Path) -> None:
    pages = ThreadingHTTPServer(("127.0.0.1", 0), SlowPage)
    threading.Thread(target=pages.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{pages.server_address[1]}/pier.html"
    store, port = tmp_path / "s.sqlite", free_port()
    base = f"http://127.0.0.1:{port}"
    try:
        server = start_server(store, port, "--grace", "0.5", "--allow-private-urls")  # the page is on loopback
        try:
            with httpx2.Client(base_url=base, timeout=30) as http:
                wait_ready(server, http)
                job = http.post("/v1/briefs?wait=0", json={"url": url}).json()["id"]
                assert SlowPage.asked.wait(30)  # the job is running: its page is being fetched
                server.send_signal(signal.SIGTERM)
                assert server.wait(30) == 0
        finally:
            if server.poll() is None:
                server.kill()
        with Store(store) as db:
            assert db.job(job).state == "queued"  # type: ignore[union-attr]
        assert "parked 1 running jobs" in (server.stderr.read() if server.stderr else "")
        SlowPage.gate.set()
        again = start_server(store, port, "--allow-private-urls")
        try:
            with httpx2.Client(base_url=base, timeout=30) as http:
                wait_ready(again, http)
                done = until(lambda: (j := http.get(f"/v1/jobs/{job}").json())["state"] == "done" and j)
                assert http.get(done["brief_url"]).json()["headline"]
        finally:
            again.terminate()
            assert again.wait(30) == 0
    finally:
        pages.shutdown()


def test_a_url_that_is_not_http_is_refused_and_no_local_file_is_read(store: Store, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The server's own file: the mayor of Port Elwin resigned on Friday.", encoding="utf-8")
    with TestClient(create_app(Summarizer("none"), store)) as client:  # the real page reader, not a stand-in
        for url in (str(secret), f"file://{secret}", "ftp://news.example/a", "https://]news.example/a"):
            refused = is_problem(client.post("/v1/briefs", json={"url": url}), 422)
            assert "not an http(s) URL" in refused["detail"]
    assert store.jobs_in(("queued", "running", "done", "failed")) == [] and store.count_briefs() == 0
