"""Digest jobs under the server's operating bounds (issue 26): the shared model slots, the key and rate limit,
the metrics, the job timeout and the stop's grace, in process on a ``none`` model the test holds back.

The articles are this file's own: four libraries reopening after floods, a pier closing, a mayor elected.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from summarizer.brief.engine import Summarizer
from summarizer.digest.store import Store
from summarizer.serve import create_app
from summarizer.serve.keys import ApiKeys
from tests.test_serve import OTHER, TEXT, GatedBackend, is_problem, until
from tests.test_serve_ops import ARTICLES, bearer, metrics_of

DAY = "2026-04-02"
KEY = "k-digest-ops-7d1e"
WARM_UP = "The ferry to Lunholm sailed again on Friday after a week of storms, its operator said."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store.sqlite") as opened:
        yield opened


def digest_body(texts: list[str]) -> dict[str, Any]:
    return {"articles": [{"text": text, "outlet": "Valley Courier"} for text in texts], "date": DAY}


def job_state(client: TestClient, job_id: str) -> dict[str, Any]:
    answer: dict[str, Any] = client.get(f"/v1/jobs/{job_id}").json()
    return answer


def test_a_digest_and_brief_jobs_together_never_put_more_requests_on_the_model_than_the_slots(store: Store) -> None:
    with Summarizer("none") as warm:  # the rules' pipelines load once a process: the wait below is for the model
        warm.summarize(WARM_UP)
    backend = GatedBackend()
    with TestClient(create_app(Summarizer(backend=backend), store, slots=2)) as client:
        digest = client.post("/v1/digests", json=digest_body(ARTICLES)).json()["id"]
        briefs = [client.post("/v1/briefs?wait=0", json={"text": text}).json()["id"] for text in (TEXT, OTHER)]
        until(lambda: len(backend.transports.calls) >= 2)
        time.sleep(1.5)  # had the digest's briefs and the brief jobs been bounded apart, two more would have come
        assert len(backend.transports.calls) == 2
        backend.transports.gate.set()
        for job in (digest, *briefs):
            until(lambda job=job: job_state(client, job)["state"] == "done", 60)
        assert job_state(client, digest)["progress"] == {"briefed": 4, "total": 4}
    assert store.count_briefs() == 6


def test_the_key_the_rate_limit_and_the_metrics_cover_the_digest_routes(store: Store) -> None:
    app = create_app(Summarizer("none"), store, keys=ApiKeys([KEY]), rate_limit=2)
    with TestClient(app) as client:
        is_problem(client.get(f"/v1/digests/{DAY}"), 401)  # no key: refused before it is counted
        assert [client.get(f"/v1/digests/{DAY}", headers=bearer(KEY)).status_code for _ in range(2)] == [404, 404]
        over = client.post("/v1/digests", json=digest_body([TEXT]), headers=bearer(KEY))
        assert "2 requests a minute" in is_problem(over, 429)["detail"] and int(over.headers["retry-after"]) >= 1
        is_problem(client.get("/v1/stories/story-00000000/timeline", headers=bearer(KEY)), 429)
        assert store.jobs_in(("queued", "running", "done", "failed")) == []  # refused before any job
        seen = metrics_of(client, bearer(KEY))
    day = (("method", "GET"), ("route", "/v1/digests/{date}"))
    assert seen[("summarizer_http_requests_total", (*day, ("status", "404")))] == 2
    assert seen[("summarizer_http_requests_total", (*day, ("status", "401")))] == 1
    posts = (("method", "POST"), ("route", "/v1/digests"), ("status", "429"))
    assert seen[("summarizer_http_requests_total", posts)] == 1
    assert seen[("summarizer_rate_limited_total", ())] == 2


def test_a_digest_with_no_article_briefed_within_the_job_timeout_fails_with_one_line(store: Store) -> None:
    backend = GatedBackend()
    with TestClient(create_app(Summarizer(backend=backend), store, job_timeout_s=0.5)) as client:
        job = client.post("/v1/digests", json=digest_body([TEXT])).json()["id"]
        failed = until(lambda: (j := job_state(client, job))["state"] == "failed" and j)
        assert "no article of the digest was briefed in 0.5 s" in failed["error"]
        assert store.job(job).error_kind == "JobTimeoutError"  # type: ignore[union-attr]
        backend.transports.gate.set()  # the model answers after all: the brief and the day are kept, the job failed
        until(lambda: store.digest_days() != [])
        time.sleep(0.2)
        assert job_state(client, job)["state"] == "failed" and store.count_briefs() == 1


def test_a_stopping_server_parks_a_running_digest_at_its_next_article_and_the_next_one_finishes_it(
    store: Store,
) -> None:
    backend = GatedBackend()
    app = create_app(Summarizer(backend=backend), store, slots=1, grace_s=30)
    with TestClient(app) as client:
        job = client.post("/v1/digests", json=digest_body(ARTICLES[:3])).json()["id"]
        until(lambda: len(backend.transports.calls) >= 1)
        threading.Timer(0.5, backend.transports.gate.set).start()  # the first brief ends while the server stops
        stopping = time.monotonic()
    assert time.monotonic() - stopping < 15  # parked at its next article, not held for the whole 30 s grace
    assert store.job(job).state == "queued"  # type: ignore[union-attr]
    assert store.count_briefs() == 1 and store.digest_days() == []
    with TestClient(create_app(Summarizer("none"), store)) as client:
        done = until(lambda: (j := job_state(client, job))["state"] == "done" and j, 60)
        assert done["digest_url"] == f"/v1/digests/{DAY}" and done["progress"] == {"briefed": 3, "total": 3}
        assert metrics_of(client)[("summarizer_briefs_made_total", ())] == 2  # the first was stored, not made again
    assert store.count_briefs() == 3
