"""``summarizer serve``'s digests (issue 26, item 1): digest jobs, a day's digest as JSON, Markdown or HTML, one
story, a story across days; on the ``none`` backend, in process and as a real server that crashes mid-job.

The articles are this file's own: two outlets on one harbour pier closing (one story), a mayor elected, a flood;
the next day the pier's cost and the new council.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import signal
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from fastapi.testclient import TestClient

from summarizer.brief.engine import Summarizer
from summarizer.bulk.lock import hold_store
from summarizer.digest.build import build_digest
from summarizer.digest.schema import Digest
from summarizer.digest.store import Store
from summarizer.ingest.article import Article
from summarizer.ingest.inputs import Item
from summarizer.render.digest_html import render_digest_html
from summarizer.render.digest_markdown import render_digest_markdown
from summarizer.serve import create_app
from summarizer.serve.keys import ApiKeys
from tests.conftest import ROOT, cli_env, run_cli
from tests.fault_server import Reply, fault_server, schema_minimal
from tests.test_serve import KEY, free_port, is_problem, until

DAY1 = "2026-03-03"
DAY2 = "2026-03-04"
PIER = [
    {
        "title": "Port Elwin pier to close for repairs",
        "outlet": "Harbour Gazette",
        "url": "https://harbour-gazette.example/pier",
        "published": DAY1,
        "text": "The harbour authority of Port Elwin said on Tuesday that the northern pier will close for repairs "
        "in June. Engineers found cracks in two of its supports during an inspection last month, according to a "
        "report published by the authority. Ferry services will move to the southern pier, the operator Bluewake "
        "Lines said.",
    },
    {
        "title": "Cracked supports shut Port Elwin's northern pier",
        "outlet": "Coast Herald",
        "url": "https://coast-herald.example/elwin",
        "published": DAY1,
        "text": "Port Elwin's northern pier will shut in June after engineers discovered cracks in two supports, "
        "the harbour authority announced on Tuesday. Bluewake Lines said its ferries would sail from the southern "
        "pier while the repairs last. The authority did not say how long the northern pier would stay closed.",
    },
]
MAYOR = {
    "title": "Dana Ruiz elected mayor of Marrowby",
    "outlet": "Valley Courier",
    "url": "https://valley-courier.example/mayor",
    "published": "2026-03-02",
    "text": "Voters in the town of Marrowby elected Dana Ruiz as mayor on Sunday, the electoral commission announced. "
    "Ruiz, a former schoolteacher, won 54 percent of the vote. She promised to reopen the town's library.",
}
FLOOD = {
    "title": "Storm floods Tolsby farmland",
    "outlet": "Rural Times",
    "url": "https://rural-times.example/flood",
    "published": DAY1,
    "text": "Heavy rain flooded farmland near Tolsby on Monday night, the county fire service said. About 40 hectares "
    "of wheat were under water on Tuesday morning, according to the farmers' union. No one was hurt.",
}
FIRST_DAY = [*PIER, MAYOR, FLOOD]
SECOND_DAY = [
    {
        "title": "Port Elwin pier repairs to cost 3 million",
        "outlet": "Harbour Gazette",
        "url": "https://harbour-gazette.example/pier-cost",
        "published": DAY2,
        "text": "Repairs to the northern pier of Port Elwin will cost 3 million euros, the harbour authority said on "
        "Wednesday. Engineers had found cracks in two of the pier's supports last month. The pier closes in June "
        "and ferry services of Bluewake Lines move to the southern pier, the authority confirmed.",
    },
    {
        "title": "Marrowby council meets",
        "outlet": "Valley Courier",
        "url": "https://valley-courier.example/council",
        "published": DAY2,
        "text": "The new town council of Marrowby met for the first time on Wednesday. Mayor Dana Ruiz said the "
        "library would reopen in May.",
    },
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store.sqlite") as opened:
        yield opened


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(Summarizer("none"), store)) as opened:
        yield opened


def digest_made(client: TestClient, body: dict[str, Any], **headers: str) -> dict[str, Any]:
    """POST the digest, check the 202, poll the job until it ends; the finished job."""
    started = client.post("/v1/digests", json=body, headers=headers)
    assert started.status_code == 202, started.text
    job = started.json()
    assert started.headers["location"] == f"/v1/jobs/{job['id']}" and job["kind"] == "digest"
    return until(
        lambda: (j := client.get(f"/v1/jobs/{job['id']}", headers=headers).json())["state"] in ("done", "failed") and j
    )


def stored_digest(store: Store, day: str) -> Digest:
    return Digest.model_validate_json(store.digest_json(dt.date.fromisoformat(day)) or "")


def untimed(digest: Digest) -> dict[str, Any]:
    """The digest without what differs between two builds of the same briefs: when, and how long each brief took."""
    shown = json.loads(digest.model_dump_json(exclude={"generated"}))
    for article in shown["articles"]:
        article["brief"]["run"] = {
            k: v for k, v in article["brief"]["run"].items() if k not in ("latency_s", "server_timings", "created")
        }
    return shown


def test_a_digest_job_keeps_the_digest_the_cli_would_make_and_serves_it_in_three_formats(
    client: TestClient, store: Store, tmp_path: Path
) -> None:
    job = digest_made(client, {"articles": FIRST_DAY, "date": DAY1})
    assert job["state"] == "done" and job["error"] is None
    assert job["progress"] == {"briefed": 4, "total": 4} and job["digest_url"] == f"/v1/digests/{DAY1}"
    served = client.get(job["digest_url"])
    assert served.status_code == 200 and served.headers["content-type"].startswith("application/json")
    digest = Digest.model_validate(served.json())
    assert digest == stored_digest(store, DAY1)  # what the server gives is the store's day, the CLI's --since
    pier = next(s for s in digest.stories if len(s.articles) == 2)
    assert set(pier.outlets) == {"Harbour Gazette", "Coast Herald"} and len(digest.stories) == 3
    with Store(tmp_path / "other.sqlite") as other:  # the CLI's own code on the same articles, in another store
        expected = build_digest([Article(**a) for a in FIRST_DAY], summarizer=Summarizer("none"), store=other,
                                day=dt.date.fromisoformat(DAY1))  # fmt: skip
    assert untimed(digest) == untimed(expected)
    markdown = client.get(job["digest_url"], headers={"Accept": "text/markdown"})
    assert markdown.headers["content-type"].startswith("text/markdown") and "accept" in markdown.headers["vary"].lower()
    assert markdown.text == render_digest_markdown(digest)
    html = client.get(f"/v1/digests/{DAY1}", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert html.headers["content-type"].startswith("text/html") and html.text == render_digest_html(digest)
    preferred = client.get(f"/v1/digests/{DAY1}", headers={"Accept": "text/html;q=0.4, text/markdown;q=0.9"})
    assert preferred.headers["content-type"].startswith("text/markdown")
    refused = client.get(f"/v1/digests/{DAY1}", headers={"Accept": "application/json;q=0, image/png"})
    assert "text/markdown" in is_problem(refused, 406)["detail"]


def test_a_story_and_its_timeline_across_a_day_the_server_made_and_a_day_the_cli_made(
    client: TestClient, store: Store, tmp_path: Path
) -> None:
    assert digest_made(client, {"articles": FIRST_DAY, "date": DAY1})["state"] == "done"
    day_two = tmp_path / "day2.jsonl"
    day_two.write_text("".join(json.dumps(a) + "\n" for a in SECOND_DAY), encoding="utf-8")
    cli = run_cli("digest", str(day_two), "--model", "none", "--date", DAY2, "--since", DAY1,
                  "--store", str(store.path), "--out", str(tmp_path / "out"))  # fmt: skip
    assert cli.returncode == 0, cli.stderr  # the CLI found the server's day as --since
    second = client.get(f"/v1/digests/{DAY2}").json()  # and the server serves the CLI's day
    pier = next(s for s in second["stories"] if "pier" in s["headline"])
    assert pier["continues"] and pier["changes"]["since"] == DAY1
    first_pier = pier["continues"][0]["story"]
    assert first_pier != pier["id"]  # another article leads the story on day 2: ids are per day

    story = client.get(f"/v1/digests/{DAY2}/stories/{pier['id']}")
    assert story.status_code == 200 and story.json()["story"] == pier
    assert [a["id"] for a in story.json()["articles"]] == [pier["lead_article"]]
    assert story.json()["articles"][0]["text"] == SECOND_DAY[0]["text"]

    from_day_two = client.get(f"/v1/stories/{pier['id']}/timeline").json()
    from_day_one = client.get(f"/v1/stories/{first_pier}/timeline").json()
    assert from_day_two["days"] == from_day_one["days"] and from_day_two["id"] == from_day_one["id"] == first_pier
    days = from_day_two["days"]
    assert [(d["date"], d["story"]) for d in days] == [(DAY1, first_pier), (DAY2, pier["id"])]
    assert days[0]["changes"] is None and days[0]["articles"] == 2
    assert days[1]["changes"] == pier["changes"] and days[1]["url"] == f"/v1/digests/{DAY2}/stories/{pier['id']}"
    flood = next(s["id"] for s in stored_digest(store, DAY1).model_dump()["stories"] if "Tolsby" in s["headline"])
    assert [d["date"] for d in client.get(f"/v1/stories/{flood}/timeline").json()["days"]] == [DAY1]

    missing_day = is_problem(client.get("/v1/digests/2026-03-09"), 404)["detail"]
    assert "POST the day's articles to /v1/digests" in missing_day and DAY1 in missing_day and DAY2 in missing_day
    today = is_problem(client.get("/v1/digests/today"), 404)["detail"]
    assert dt.date.today().isoformat() in today
    missing_story = is_problem(client.get(f"/v1/digests/{DAY2}/stories/story-00000000"), 404)["detail"]
    assert pier["id"] in missing_story
    is_problem(client.get("/v1/stories/story-00000000/timeline"), 404)
    is_problem(client.get("/v1/digests/2026-13-45"), 422)
    is_problem(client.get("/v1/digests/yesterday"), 422)


def test_two_days_posted_one_after_the_other_make_a_timeline(client: TestClient) -> None:
    assert digest_made(client, {"articles": PIER, "date": DAY1})["state"] == "done"
    assert digest_made(client, {"articles": SECOND_DAY, "date": DAY2, "since": DAY1})["state"] == "done"
    pier = next(s for s in client.get(f"/v1/digests/{DAY2}").json()["stories"] if "pier" in s["headline"])
    timeline = client.get(f"/v1/stories/{pier['id']}/timeline").json()
    assert [d["date"] for d in timeline["days"]] == [DAY1, DAY2] and timeline["asked"] == pier["id"]
    assert timeline["id"] == pier["continues"][0]["story"] == timeline["days"][0]["story"]
    assert timeline["days"][1]["changes"]["since"] == DAY1


def test_without_a_key_no_digest_is_made_or_read(store: Store) -> None:
    with TestClient(create_app(Summarizer("none"), store, keys=ApiKeys([KEY]))) as client:
        for call in (
            lambda h: client.post("/v1/digests", json={"articles": FIRST_DAY, "date": DAY1}, headers=h),
            lambda h: client.get(f"/v1/digests/{DAY1}", headers=h),
            lambda h: client.get(f"/v1/digests/{DAY1}/stories/story-1", headers=h),
            lambda h: client.get("/v1/stories/story-1/timeline", headers=h),
        ):
            for headers in ({}, {"Authorization": "Bearer wrong"}):
                is_problem(call(headers), 401)
        assert store.jobs_in(("queued", "running", "done", "failed")) == [] and store.digest_days() == []
        key = {"Authorization": f"Bearer {KEY}"}
        assert digest_made(client, {"articles": [MAYOR], "date": DAY1}, **key)["state"] == "done"
        assert client.get(f"/v1/digests/{DAY1}", headers=key).status_code == 200


def test_a_digest_request_is_checked_before_a_job_and_the_server_fetches_only_the_web(
    client: TestClient, store: Store
) -> None:
    for body, said in [
        ({}, "articles"),
        ({"articles": [], "urls": []}, "articles"),
        ({"urls": ["/etc/passwd"]}, "http"),
        ({"urls": ["file:///etc/passwd"]}, "http"),
        ({"articles": [{"url": "-"}]}, "http"),
        ({"articles": [MAYOR], "date": DAY1, "since": DAY1}, "before"),
        ({"articles": [MAYOR], "since": dt.date.today().isoformat()}, "before"),  # no date: today
        ({"articles": [{**MAYOR, "text": "   "}]}, "empty"),
        ({"articles": [MAYOR], "date": "March 3"}, "date"),
    ]:
        assert said in is_problem(client.post("/v1/digests", json=body), 422)["detail"], body
    for brief in ({"url": "/etc/hostname"}, {"url": "-"}):  # a brief's url too: never a file of the server's
        assert "http" in is_problem(client.post("/v1/briefs", json=brief), 422)["detail"]
    assert store.jobs_in(("queued", "running", "done", "failed")) == []


def test_feeds_and_pages_are_read_in_the_job_and_a_day_without_articles_fails_with_the_reason(
    client: TestClient, store: Store
) -> None:
    asked: list[list[str]] = []

    def feeds(urls: list[str]) -> Iterable[Item]:
        asked.append(urls)
        yield Item("https://feeds.example/world.xml#1", Article(**PIER[0]))
        yield Item("https://feeds.example/world.xml#2", Article(**PIER[1]))
        yield Item("https://pages.example/gone", skipped="HTTP 404 Not Found")

    client.app.state.service.jobs.digests.collect_urls = feeds  # type: ignore[attr-defined]
    body = {"urls": ["https://feeds.example/world.xml"], "articles": [{"url": "https://pages.example/gone"}]}
    job = digest_made(client, {**body, "date": DAY1})
    assert job["state"] == "done" and asked == [["https://feeds.example/world.xml", "https://pages.example/gone"]]
    digest = client.get(job["digest_url"]).json()
    assert len(digest["stories"]) == 1 and digest["skipped"] == [
        {"source": "https://pages.example/gone", "reason": "HTTP 404 Not Found"}
    ]

    client.app.state.service.jobs.digests.collect_urls = lambda urls: [Item(u, skipped="not a feed") for u in urls]  # type: ignore[attr-defined]
    failed = digest_made(client, {"urls": ["https://feeds.example/broken"], "date": DAY2})
    assert failed["state"] == "failed" and failed["digest_url"] is None
    assert failed["error"].startswith("no article found in the inputs (https://feeds.example/broken: not a feed)")
    is_problem(client.get(f"/v1/digests/{DAY2}"), 404)  # no empty day was kept


def test_a_digest_job_while_another_run_holds_the_store_fails_naming_it(client: TestClient, store: Store) -> None:
    with hold_store(store.path):  # as `summarizer digest` on this store would
        refused = digest_made(client, {"articles": [MAYOR], "date": DAY1})
    assert refused["state"] == "failed" and "in use by another summarizer run" in refused["error"]
    assert store.digest_days() == [] and store.count_briefs() == 0
    assert digest_made(client, {"articles": [MAYOR], "date": DAY1})["state"] == "done"  # free again: it runs


def test_the_html_digest_keeps_hostile_text_as_text_and_runs_only_its_own_script(client: TestClient) -> None:
    hostile = {**FLOOD, "title": "<script>alert('title')</script>Flood", "outlet": "<img src=x onerror=alert(1)>",
               "url": "javascript:alert('url')"}  # fmt: skip
    assert digest_made(client, {"articles": [hostile], "date": DAY1})["state"] == "done"
    page = client.get(f"/v1/digests/{DAY1}", headers={"Accept": "text/html"})
    assert "<script>alert" not in page.text and "<img src=x" not in page.text and "&lt;script&gt;" in page.text
    assert page.headers["x-content-type-options"] == "nosniff"
    policy = page.headers["content-security-policy"]
    own = page.text.rsplit("<script>", 1)[1].split("</script>", 1)[0]
    allowed = base64.b64encode(hashlib.sha256(own.encode()).digest()).decode()
    assert f"script-src 'sha256-{allowed}';" in policy and policy.count("sha256-") == 1
    assert "default-src 'none'" in policy and "connect-src" not in policy  # nothing fetched, nowhere to send


def test_a_digest_job_is_dated_when_asked_and_listed_in_the_openapi(client: TestClient) -> None:
    job = digest_made(client, {"articles": [FLOOD]})
    assert job["digest_date"] == dt.date.today().isoformat()
    assert client.get("/v1/digests/today").json()["date"] == job["digest_date"]
    spec = client.get("/openapi.json").json()
    assert {"/v1/digests", "/v1/digests/{date}", "/v1/digests/{date}/stories/{story_id}",
            "/v1/stories/{story_id}/timeline"} <= set(spec["paths"])  # fmt: skip
    assert {"Digest", "DigestRequest", "DayStory", "Timeline", "Job"} <= set(spec["components"]["schemas"])
    content = spec["paths"]["/v1/digests/{date}"]["get"]["responses"]["200"]["content"]
    assert {"application/json", "text/markdown", "text/html"} <= set(content)
    assert spec["paths"]["/v1/digests"]["post"]["responses"]["401"]


SLOW_S = 1.5
"""How long the scripted model takes per answer before the crash: long enough to kill the server between two."""


def test_a_digest_job_cut_by_a_crash_is_finished_by_the_next_server_with_nothing_lost(tmp_path: Path) -> None:
    store_path = tmp_path / "store.sqlite"
    minimal = schema_minimal()
    slow = Reply(minimal.status, b"", minimal.headers, hang=SLOW_S, respond=minimal.respond)
    with fault_server(slow) as model:

        def serve() -> tuple[subprocess.Popen[str], httpx2.Client]:
            port = free_port()
            # --slots 1: one brief at a time, so the crash falls between two of them
            command = [sys.executable, "-m", "summarizer", "serve", "--base-url", model.url, "--port", str(port),
                       "--store", str(store_path), "--slots", "1"]  # fmt: skip
            server = subprocess.Popen(
                command, env={**cli_env(), "PYTHONPATH": str(ROOT)}, stderr=subprocess.DEVNULL, text=True
            )
            http = httpx2.Client(base_url=f"http://127.0.0.1:{port}", timeout=30)

            def ready() -> bool:
                assert server.poll() is None, "the server died"
                try:
                    return http.get("/healthz").status_code == 200
                except httpx2.TransportError:
                    return False

            until(ready, 60)
            return server, http

        first, http = serve()
        try:
            job = http.post("/v1/digests", json={"articles": FIRST_DAY, "date": DAY1}).json()

            def briefs_stored() -> int:
                with Store(store_path) as peek:
                    return peek.count_briefs()

            until(lambda: briefs_stored() >= 1, 60)  # one brief committed, the others still with the model
            running = http.get(f"/v1/jobs/{job['id']}").json()
            assert running["state"] == "running" and running["progress"]["total"] == 4
            assert 1 <= running["progress"]["briefed"] < 4
        finally:
            first.send_signal(signal.SIGKILL)  # a crash: no shutdown, nothing parked
            first.wait(30)
            http.close()
        made_before = briefs_stored()
        assert 0 < made_before < 4
        with Store(store_path) as peek:
            assert peek.job(job["id"]).state == "running"  # type: ignore[union-attr]
        model.script[:] = [minimal]  # the model answers at once now
        second, http = serve()
        try:
            done = until(lambda: (j := http.get(f"/v1/jobs/{job['id']}").json())["state"] == "done" and j, 90)
            assert done["progress"] == {"briefed": 4, "total": 4}
            digest = http.get(done["digest_url"]).json()
        finally:
            second.terminate()
            second.wait(30)
            http.close()
    assert len(digest["articles"]) == 4 and not digest["failed"]
    assert digest["run"]["reused"] == made_before and digest["run"]["made"] == 4 - made_before
    assert briefs_stored() == 4


def test_the_serve_help_names_the_digest_routes() -> None:
    shown = run_cli("serve", "--help").stdout
    assert "/v1/digests" in shown and "/v1/stories/{id}/timeline" in " ".join(shown.split())
