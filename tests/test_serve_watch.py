"""`summarizer serve --watch` (issue 26, item 3): the feed watcher inside the server, against a real news site on
127.0.0.1 (tests/test_watch.py's) and the ``none`` backend, in process and once as a real server process.

What is checked is the server's part: today's digest kept current over HTTP, the watcher's status, its briefs
within the server's model slots, its polls in turns with digest jobs, its stop within the grace, the private
address guard. What the watcher does with feeds is tests/test_watch.py's.
"""

from __future__ import annotations

import datetime as dt
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from summarizer.brief.engine import Summarizer
from summarizer.cli.serve import serve_command
from summarizer.digest.store import Store
from summarizer.serve import create_app
from summarizer.serve.watching import WatchPlan
from summarizer.watch.sources import Source
from tests.test_serve import TEXT, GatedBackend, until
from tests.test_serve_digest_ops import WARM_UP, digest_body, job_state
from tests.test_serve_ops import free_port, metrics_of, start_server, wait_ready
from tests.test_watch import ARTICLES, Site, serving

BRIDGE, ORCHARD, LIBRARY = "/news/bridge.html", "/news/orchard.html", "/news/library.html"
QUICK_S = 0.3
"""Seconds between polls in process: the CLI allows a minute at least; the library takes any, and a test waits less."""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store.sqlite") as opened:
        yield opened


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    """The rules' pipelines load once a process: the waits below are for the watcher, not for spaCy."""
    with Summarizer("none") as engine:
        engine.summarize(WARM_UP)


def plan(base: str, every_s: float = QUICK_S) -> WatchPlan:
    return WatchPlan([Source(f"{base}/feed.rss", "feed")], every_s=every_s, delay_s=0)


def today_titles(client: TestClient | httpx2.Client) -> set[str]:
    answer = client.get("/v1/digests/today")
    return {article["title"] for article in answer.json()["articles"]} if answer.status_code == 200 else set()


def titles(*paths: str) -> set[str]:
    return {ARTICLES[path][0] for path in paths}


def test_a_new_feed_item_is_in_todays_digest_after_the_next_poll_and_the_status_says_so(store: Store) -> None:
    site = Site()
    site.items = [BRIDGE]
    with serving(site) as base:
        app = create_app(Summarizer("none"), store, allow_private_urls=True, watch=plan(base))
        with TestClient(app) as client:
            until(lambda: today_titles(client) == titles(BRIDGE), 30)
            site.items.append(ORCHARD)
            until(lambda: today_titles(client) == titles(BRIDGE, ORCHARD), 30)
            status = client.get("/v1/watch").json()
            seen = metrics_of(client)
        watch = app.state.service.watch
    assert status["state"] in ("waiting", "polling") and status["every_s"] == QUICK_S
    assert status["sources"] == [{"source": f"{base}/feed.rss", "kind": "feed", "failures": 0, "backing_off": 0}]
    last, next_poll = status["last_poll"], dt.datetime.fromisoformat(status["next_poll"])
    assert status["polls"] >= 2 and last["failures"] == [] and last["polled"] == 1
    assert next_poll - dt.datetime.fromisoformat(last["started"]) == dt.timedelta(seconds=QUICK_S)
    assert site.requests_for(BRIDGE) == [200]  # an item seen once is not fetched again
    assert seen[("summarizer_watch_new_articles_total", ())] == 2
    assert seen[("summarizer_watch_briefs_made_total", ())] == 2
    assert seen[("summarizer_watch_polls_total", ())] >= 2
    assert watch.status().state == "stopped" and not watch._thread.is_alive()  # the app's stop ended the watcher


def test_a_server_without_watch_says_so_and_without_allow_private_urls_its_watcher_fetches_no_private_page(
    store: Store,
) -> None:
    with TestClient(create_app(Summarizer("none"), store)) as client:
        answer = client.get("/v1/watch")
        assert answer.status_code == 404 and "--watch FEED" in answer.json()["detail"]
    site = Site()
    site.items = [BRIDGE]
    with serving(site) as base, TestClient(create_app(Summarizer("none"), store, watch=plan(base, 60))) as client:
        last = until(lambda: client.get("/v1/watch").json()["last_poll"], 30)
        assert "loopback, private or link-local" in last["failures"][0] and last["polled"] == 0
        assert client.get("/v1/watch").json()["sources"][0]["failures"] == 1
    assert site.log == []  # nothing asked of 127.0.0.1, not even robots.txt


def test_the_cli_refuses_a_private_feed_without_allow_private_urls() -> None:
    answer = CliRunner().invoke(serve_command, ["--model", "none", "--watch", "http://127.0.0.1:9/feed.rss"])
    assert answer.exit_code == 2 and "--allow-private-urls" in answer.output


def test_the_watcher_and_brief_jobs_together_never_put_more_requests_on_the_model_than_the_slots(
    store: Store,
) -> None:
    site = Site()
    site.items = [BRIDGE, ORCHARD, LIBRARY]
    backend = GatedBackend()
    with serving(site) as base:
        app = create_app(Summarizer(backend=backend), store, slots=1, allow_private_urls=True, watch=plan(base))
        with TestClient(app) as client:
            job = client.post("/v1/briefs?wait=0", json={"text": TEXT}).json()["id"]
            until(lambda: len(backend.transports.calls) >= 1)
            time.sleep(1.5)  # had the watcher's briefs been bounded apart from the job's, a second request would come
            assert len(backend.transports.calls) == 1
            backend.transports.gate.set()
            until(lambda: job_state(client, job)["state"] == "done", 30)
            until(lambda: today_titles(client) == titles(BRIDGE, ORCHARD, LIBRARY), 30)
    assert store.count_briefs() == 4


def test_a_digest_job_waits_for_the_watchers_poll_instead_of_failing_on_the_store_lock(store: Store) -> None:
    site = Site()
    site.items = [BRIDGE]
    backend = GatedBackend()
    with serving(site) as base:
        app = create_app(Summarizer(backend=backend), store, slots=2, allow_private_urls=True, watch=plan(base, 60))
        with TestClient(app) as client:
            until(lambda: len(backend.transports.calls) >= 1)  # the watcher's poll holds the store's writer lock
            digest = client.post("/v1/digests", json=digest_body([TEXT])).json()["id"]
            time.sleep(0.5)
            assert job_state(client, digest)["state"] == "running" and len(backend.transports.calls) == 1
            backend.transports.gate.set()
            done = until(lambda: (j := job_state(client, digest))["state"] in ("done", "failed") and j, 30)
            assert done["state"] == "done", done
            assert today_titles(client) == titles(BRIDGE)


def test_on_stop_the_watcher_ends_after_the_article_in_flight_and_the_next_server_goes_on(store: Store) -> None:
    site = Site()
    site.items = [BRIDGE, ORCHARD]
    backend = GatedBackend()
    with serving(site) as base:
        app = create_app(Summarizer(backend=backend), store, grace_s=30, allow_private_urls=True, watch=plan(base))
        with TestClient(app):
            until(lambda: len(backend.transports.calls) >= 1)
            threading.Timer(0.5, backend.transports.gate.set).start()  # the first brief ends while the server stops
            stopping = time.monotonic()
        assert time.monotonic() - stopping < 15  # after the article in flight, not the whole 30 s grace
        assert app.state.service.watch.status().state == "stopped"
        assert store.count_briefs() == 1 and site.requests_for(ORCHARD) == []
        with TestClient(create_app(Summarizer("none"), store, allow_private_urls=True, watch=plan(base))) as client:
            until(lambda: today_titles(client) == titles(BRIDGE, ORCHARD), 30)
    assert store.count_briefs() == 2


def test_a_real_server_watches_keeps_today_current_and_sigterm_stops_it_with_status_0(tmp_path: Path) -> None:
    site = Site()
    site.items = [LIBRARY]
    port = free_port()
    with serving(site) as base:
        server = start_server(
            tmp_path / "s.sqlite", port, "--allow-private-urls", "--watch", f"{base}/feed.rss", "--every", "1m",
            "--delay", "0",
        )  # fmt: skip
        try:
            with httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
                wait_ready(server, http)
                until(lambda: today_titles(http) == titles(LIBRARY), 40)
                status: dict[str, Any] = http.get("/v1/watch").json()
                assert status["state"] == "waiting" and status["last_poll"]["new"] == 1
                server.send_signal(signal.SIGTERM)
                assert server.wait(30) == 0
        finally:
            if server.poll() is None:
                server.kill()
    said = server.stderr.read() if server.stderr else ""
    assert "watching 1 sources every 1m" in said and "1 new article, 1 brief made, 0 failures" in said
    assert "Traceback" not in said
