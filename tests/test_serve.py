"""``summarizer serve`` (issue 26, item 1): the brief API on the ``none`` backend, in process and as a real server."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx2
import pytest
from fastapi.testclient import TestClient

from summarizer.brief.engine import Summarizer
from summarizer.digest.store import STORE_VERSION, Store
from summarizer.errors import ArticleError, ConfigError
from summarizer.ingest.article import Article
from summarizer.llm.backends.base import Endpoint
from summarizer.llm.backends.none import NONE_URL, NoneBackend, NoneTransport
from summarizer.serve import create_app
from summarizer.serve.keys import KEYS_ENV, ApiKeys, may_listen_without_keys, read_keys

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "The harbour authority of Port Elwin said on Tuesday that the northern pier will close for repairs in June. "
    "Engineers found cracks in two of its supports during an inspection last month, according to a report "
    "published by the authority. Ferry services will move to the southern pier, the operator Bluewake Lines said."
)
OTHER = "Voters in the town of Marrowby elected Dana Ruiz as mayor on Sunday, the electoral commission announced."
KEY = "k-test-5f1e2d"


@dataclass
class RefusingTransports:
    """The model's transports for a backend that must not be reached: each request is counted, then refused."""

    calls: list[str] = field(default_factory=list)

    def _refuse(self, request: httpx2.Request) -> httpx2.Response:
        self.calls.append(str(request.url))
        raise httpx2.ConnectError("the model must not be called in this test", request=request)

    def sync(self, timeout: float) -> httpx2.BaseTransport:
        return httpx2.MockTransport(self._refuse)

    def asynchronous(self, timeout: float) -> httpx2.AsyncBaseTransport:
        return httpx2.MockTransport(self._refuse)


@dataclass
class RefusingBackend(NoneBackend):
    """Named as ``none`` (so it shares the ``none`` backend's stored briefs) but refusing every model request."""

    transports: RefusingTransports = field(default_factory=RefusingTransports)

    def endpoint(self, status: Any = None) -> Endpoint:
        return Endpoint(NONE_URL, "none", self.model, self.name, 5.0, transports=self.transports)


@dataclass
class GatedTransports:
    """The ``none`` model, answering only once ``gate`` opens: a model busy for as long as the test says."""

    gate: threading.Event = field(default_factory=threading.Event)
    calls: list[str] = field(default_factory=list)

    def _answer(self, request: httpx2.Request) -> httpx2.Response:
        self.calls.append(str(request.url))
        assert self.gate.wait(30), "the test never opened the gate"
        return NoneTransport().handle_request(request)

    def sync(self, timeout: float) -> httpx2.BaseTransport:
        return httpx2.MockTransport(self._answer)

    def asynchronous(self, timeout: float) -> httpx2.AsyncBaseTransport:
        raise NotImplementedError("the server briefs on threads")


@dataclass
class GatedBackend(NoneBackend):
    transports: GatedTransports = field(default_factory=GatedTransports)

    def endpoint(self, status: Any = None) -> Endpoint:
        return Endpoint(NONE_URL, "none", self.model, self.name, 60.0, transports=self.transports)


@dataclass
class GatedPages:
    """A stand-in for fetching a URL: holds every fetch until ``gate`` opens (a slow page, under test control)."""

    gate: threading.Event = field(default_factory=threading.Event)
    fetched: list[str] = field(default_factory=list)

    def __call__(self, url: str) -> Article:
        self.fetched.append(url)
        if not self.gate.wait(30):
            raise ArticleError(f"{url}: the test never opened the gate")
        return Article(text=f"{TEXT} Page {url}.", url=url, title="Pier to close")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store.sqlite") as opened:
        yield opened


def client_for(summarizer: Summarizer, store: Store, **options: Any) -> TestClient:
    return TestClient(create_app(summarizer, store, **options))


def until(check: Any, seconds: float = 120.0) -> Any:
    """Poll ``check`` until it gives something truthy (a job finishing on another thread)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(0.05)
    raise AssertionError("timed out")


def is_problem(response: httpx2.Response | Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status and "\n" not in body["detail"]
    return body


def test_a_posted_article_gets_the_brief_the_cli_gives_and_a_second_post_reuses_it(store: Store) -> None:
    article = {"text": TEXT, "title": "Pier to close", "published": "2026-03-03", "language": "en"}
    with client_for(Summarizer("none"), store) as client:
        made = client.post("/v1/briefs", json=article)
        assert made.status_code == 200 and made.headers["content-type"] == "application/json"
        brief = made.json()
        with Summarizer("none") as engine:
            expected = json.loads(engine.summarize(Article(**article)).model_dump_json())
        drop = ("run",)  # timings differ between two runs; everything the brief says must not
        assert {k: v for k, v in brief.items() if k not in drop} == {k: v for k, v in expected.items() if k not in drop}
        assert brief["run"]["backend"] == "none"
        location = made.headers["content-location"]
        assert location.startswith("/v1/briefs/") and store.count_briefs() == 1
        again = client.post("/v1/briefs", json={**article, "text": "  " + TEXT.upper() + "\n"})
        assert again.status_code == 200 and again.headers["content-location"] == location
        assert client.get(location).json() == brief
    assert store.count_briefs() == 1  # the same text, whatever its case and spacing, is briefed once


def test_a_stored_brief_is_answered_without_the_model(store: Store) -> None:
    with client_for(Summarizer("none"), store) as client:
        location = client.post("/v1/briefs", json={"text": TEXT}).headers["content-location"]
    refusing = RefusingBackend()
    with client_for(Summarizer(backend=refusing), store) as client:
        assert client.post("/v1/briefs", json={"text": TEXT}).status_code == 200
        assert client.get(location).status_code == 200
        assert refusing.transports.calls == []
        # The same server does reach its model for an article it has not briefed: the refusal above is real.
        failed = is_problem(client.post("/v1/briefs", json={"text": OTHER}), 503)
        assert refusing.transports.calls and "none.invalid" in failed["detail"]


def test_without_a_valid_key_nothing_reaches_the_model(store: Store) -> None:
    refusing = RefusingBackend()
    with client_for(Summarizer(backend=refusing), store, keys=ApiKeys([KEY])) as client:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": KEY}, {"X-API-Key": KEY}):
            denied = client.post("/v1/briefs", json={"text": OTHER}, headers=headers)
            assert "API key" in is_problem(denied, 401)["detail"] and denied.headers["www-authenticate"] == "Bearer"
        is_problem(client.get("/v1/jobs/nothing"), 401)
        assert client.get("/healthz").status_code == 200  # the probes need no key
        assert refusing.transports.calls == [] and store.jobs_in(("queued", "running", "done", "failed")) == []
        allowed = client.get("/v1/jobs/nothing", headers={"Authorization": f"Bearer {KEY}"})
        is_problem(allowed, 404)


def test_a_slow_brief_becomes_a_job_to_poll(store: Store) -> None:
    pages = GatedPages()
    with client_for(Summarizer("none"), store, read_url=pages) as client:
        started = client.post("/v1/briefs?wait=0.2", json={"url": "https://news.example/pier"})
        assert started.status_code == 202
        job = started.json()
        assert started.headers["location"] == f"/v1/jobs/{job['id']}" and job["state"] in ("queued", "running")
        assert client.get(f"/v1/jobs/{job['id']}").json()["brief_url"] is None
        pages.gate.set()
        done = until(lambda: (j := client.get(f"/v1/jobs/{job['id']}").json())["state"] == "done" and j)
        brief = client.get(done["brief_url"])
        assert brief.status_code == 200 and brief.json()["headline"]
        assert pages.fetched == ["https://news.example/pier"]


def test_the_same_article_posted_while_it_is_being_briefed_is_one_job(store: Store) -> None:
    backend = GatedBackend()
    with client_for(Summarizer(backend=backend), store) as client:
        first = client.post("/v1/briefs?wait=0", json={"text": TEXT})
        again = client.post("/v1/briefs?wait=0.1", json={"text": " ".join(TEXT.split()).lower()})
        assert first.status_code == again.status_code == 202 and first.json()["id"] == again.json()["id"]
        other = client.post("/v1/briefs?wait=0", json={"text": OTHER})
        assert other.json()["id"] != first.json()["id"]
        backend.transports.gate.set()
        for job in (first.json(), other.json()):
            until(lambda job=job: client.get(f"/v1/jobs/{job['id']}").json()["state"] == "done")
    assert len(store.jobs_in(("done",))) == 2 and store.count_briefs() == 2


def test_unfinished_jobs_survive_a_restart(store: Store) -> None:
    pages = GatedPages()
    with client_for(Summarizer("none"), store, read_url=pages, slots=1, grace_s=0.2) as client:
        first = client.post("/v1/briefs?wait=0", json={"url": "https://news.example/one"}).json()
        second = client.post("/v1/briefs?wait=0", json={"url": "https://news.example/two"}).json()
        until(lambda: pages.fetched)  # the first holds the only slot
        queued = client.get(f"/v1/jobs/{second['id']}").json()
        assert queued["state"] == "queued" and queued["queued_ahead"] == 0
    # The server stopped: the queued job stays queued, the running one (past its grace) is parked beside it.
    assert [job.id for job in store.jobs_in(("queued",))] == [first["id"], second["id"]]
    pages.gate.set()
    later = GatedPages()
    later.gate.set()
    with client_for(Summarizer("none"), store, read_url=later) as client:
        done = until(lambda: (j := client.get(f"/v1/jobs/{second['id']}").json())["state"] == "done" and j)
        assert client.get(done["brief_url"]).status_code == 200
        assert "https://news.example/two" in later.fetched
        until(lambda: client.get(f"/v1/jobs/{first['id']}").json()["state"] == "done")


def test_errors_are_problems_with_the_clis_one_line_message(store: Store) -> None:
    def no_page(url: str) -> Article:
        raise ArticleError(f"{url}: HTTP 404 Not Found; check the URL")

    with client_for(Summarizer("none"), store, read_url=no_page) as client:
        failed = is_problem(client.post("/v1/briefs", json={"url": "https://news.example/gone"}), 422)
        assert failed["detail"] == "https://news.example/gone: HTTP 404 Not Found; check the URL"
        job_id = store.jobs_in(("failed",))[0].id
        assert client.get(f"/v1/jobs/{job_id}").json()["error"] == failed["detail"]
        blank = is_problem(client.post("/v1/briefs", json={"text": "   "}), 422)
        assert "empty" in blank["detail"]
        assert "text" in is_problem(client.post("/v1/briefs", json={"title": "no text"}), 422)["detail"]
        is_problem(client.post("/v1/briefs", content=b"{not json", headers={"content-type": "application/json"}), 422)
        is_problem(client.get("/v1/briefs/" + "0" * 64), 404)
        is_problem(client.get("/v2/nothing"), 404)
        is_problem(client.post("/v1/briefs?wait=-1", json={"text": TEXT}), 422)


def test_a_body_over_the_limit_is_refused_declared_or_streamed(store: Store) -> None:
    with client_for(Summarizer("none"), store, max_body_bytes=2_000) as client:
        body = json.dumps({"text": "word " * 1_000}).encode()
        is_problem(client.post("/v1/briefs", content=body, headers={"content-type": "application/json"}), 413)

        def chunks() -> Iterator[bytes]:
            for start in range(0, len(body), 500):
                yield body[start : start + 500]

        streamed = client.post("/v1/briefs", content=chunks(), headers={"content-type": "application/json"})
        assert "2,000 bytes" in is_problem(streamed, 413)["detail"]
        assert client.post("/v1/briefs", json={"text": TEXT}).status_code == 200  # under the limit
    assert store.count_briefs() == 1


def test_cors_is_off(store: Store) -> None:
    with client_for(Summarizer("none"), store) as client:
        origin = {"Origin": "https://elsewhere.example"}
        preflight = client.options("/v1/briefs", headers={**origin, "Access-Control-Request-Method": "POST"})
        answered = client.get("/healthz", headers=origin)
        assert all("access-control-allow-origin" not in r.headers for r in (preflight, answered))


def test_the_openapi_is_3_1_and_generated_from_the_schemas(store: Store) -> None:
    with client_for(Summarizer("none"), store) as client:
        spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    assert {"/v1/briefs", "/v1/briefs/{brief_id}", "/v1/jobs/{job_id}", "/healthz", "/readyz"} <= set(spec["paths"])
    components = spec["components"]["schemas"]
    assert {"Brief", "BriefRequest", "Job", "Problem"} <= set(components)
    assert "who" in components["Brief"]["properties"]
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert "application/problem+json" in spec["paths"]["/v1/briefs"]["post"]["responses"]["401"]["content"]


def test_readyz_says_when_the_model_has_started(store: Store) -> None:
    app = create_app(Summarizer("none"), store)
    with TestClient(app) as client:
        ready = until(lambda: (r := client.get("/readyz")).status_code == 200 and r)
        assert ready.json()["status"] == "ok"


def test_keys_are_read_hashed_and_a_public_address_needs_them(tmp_path: Path) -> None:
    file = tmp_path / "keys.txt"
    file.write_text("# newsroom keys\nalpha-1\n\n  beta-2  \n", encoding="utf-8")
    keys = read_keys(file, {KEYS_ENV: "ignored"})
    assert len(keys) == 2 and keys.accepts("beta-2") and not keys.accepts("ignored") and not keys.accepts(None)
    assert "alpha" not in repr(keys) and "alpha" not in repr(vars(keys))
    assert read_keys(None, {KEYS_ENV: "one, two"}).accepts("two") and not read_keys(None, {})
    (tmp_path / "empty.txt").write_text("# none yet\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="holds no key"):
        read_keys(tmp_path / "empty.txt")
    assert may_listen_without_keys("127.0.0.1") and may_listen_without_keys("::1")
    assert not may_listen_without_keys("0.0.0.0") and not may_listen_without_keys("192.168.1.10")


def test_a_store_of_version_1_gains_the_jobs_table(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    Store(path).close()
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE jobs")
        db.execute("PRAGMA user_version = 1")
    with Store(path) as store:
        store.add_job("j1", "brief", {"url": "https://news.example/x"})
        assert store.job("j1") is not None and store.job("j1").state == "queued"  # type: ignore[union-attr]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == STORE_VERSION == 3


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_real_server_answers_with_a_key_and_refuses_without(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, KEYS_ENV: KEY, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "summarizer", "serve", "--model", "none", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--store", str(tmp_path / "s.sqlite")], env=env, stderr=subprocess.PIPE, text=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx2.Client(base_url=base, timeout=30) as http:

            def ready() -> bool:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                try:
                    return http.get("/readyz").status_code == 200
                except httpx2.TransportError:
                    return False

            until(ready, 60)
            assert http.post("/v1/briefs", json={"text": TEXT}).status_code == 401
            made = http.post("/v1/briefs", json={"text": TEXT}, headers={"Authorization": f"Bearer {KEY}"})
            assert made.status_code == 200 and made.json()["run"]["backend"] == "none"
    finally:
        server.terminate()
        server.wait(30)
    assert server.returncode == 0  # a SIGTERM is a clean stop, not a crash
    assert "Application shutdown complete" in (server.stderr.read() if server.stderr else "")


def test_the_cli_refuses_a_public_address_without_keys() -> None:
    env = {k: v for k, v in os.environ.items() if k != KEYS_ENV} | {"PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "summarizer", "serve", "--model", "none", "--host", "0.0.0.0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().startswith("error: no API key") and "--keys" in result.stderr
