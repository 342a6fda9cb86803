"""Benchmark: ``summarizer serve`` under many concurrent clients (a measurement, not a test).

Starts ``summarizer serve`` on a free 127.0.0.1 port with a fresh store and
one API key per client (the rate limit is per key), then runs ``--clients``
asyncio clients for ``--seconds``: each posts an article (three new ones for
every one it sent before, which the store answers), polls its job when the
answer is a 202, and starts again. It reports the latency of a brief (post to
brief in hand, polls included) and of each HTTP request, the throughput, and
lost jobs: an accepted article whose brief never came, or a job the store
does not hold as done. Lost jobs must be zero.

    python -m benchmarks.serve_load                     # 50 clients, 60 s, the `none` backend
    python -m benchmarks.serve_load --model local --clients 4 --seconds 300 --wait 60

The articles are made up here (places, people and numbers drawn from small
lists), not taken from any data set.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
PLACES = ["Aldmere", "Brackwater", "Corlan", "Dunford", "Eastholm", "Fenwick", "Garrow", "Hollin"]
PEOPLE = ["Mara Ostrowska", "Tomas Reyes", "Ines Kahale", "Olu Bamidele", "Petra Lindqvist", "Jun Sato"]
BODIES = ["the city council", "the regional health board", "the port authority", "the transport ministry"]
POLL_S = 0.5
"""How often a client asks after its job: twice a second is what a dashboard would do."""
DRAIN_S = 120.0
"""After the run, how long outstanding jobs may take to finish before they count as lost."""


def article(rng: random.Random, serial: int) -> dict[str, Any]:
    place, person, body = rng.choice(PLACES), rng.choice(PEOPLE), rng.choice(BODIES)
    amount, day = rng.randint(2, 900), rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday"])
    text = (
        f"{body.capitalize()} of {place} approved {amount} million euros on {day} for repairs to the old bridge, "
        f"request {serial}. {person}, who chairs the committee, said the work would start in the spring. "
        f"Critics said the plan came too late, according to a local newspaper. About {amount * 3} residents "
        f"signed a petition last year asking for the bridge to be closed."
    )
    return {"text": text, "title": f"{place} bridge repairs", "published": "2026-03-02", "language": "en"}


@dataclass
class Tally:
    brief_s: list[float] = field(default_factory=list)
    request_s: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    accepted: int = 0
    briefs: int = 0
    repeats: int = 0
    errors: list[str] = field(default_factory=list)
    outstanding: set[str] = field(default_factory=set)

    def count(self, status: int, seconds: float) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1
        self.request_s.append(seconds)


async def timed(http: httpx.AsyncClient, tally: Tally, method: str, url: str, **kwargs: Any) -> httpx.Response:
    started = time.perf_counter()
    answer = await http.request(method, url, **kwargs)
    tally.count(answer.status_code, time.perf_counter() - started)
    return answer


async def poll(http: httpx.AsyncClient, tally: Tally, job_id: str, deadline: float) -> bool:
    while time.monotonic() < deadline:
        await asyncio.sleep(POLL_S)
        job = (await timed(http, tally, "GET", f"/v1/jobs/{job_id}")).json()
        if job["state"] == "done":
            return True
        if job["state"] == "failed":
            tally.errors.append(f"job {job_id} failed: {job['error']}")
            return True
    return False


async def client(base: str, key: str, seed: int, until: float, wait_s: float, tally: Tally, timeout_s: float) -> None:
    rng, sent = random.Random(seed), []
    headers = {"Authorization": f"Bearer {key}"}
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=timeout_s) as http:
        while time.monotonic() < until:
            repeat = bool(sent) and rng.random() < 0.25
            body = rng.choice(sent) if repeat else article(rng, seed * 1_000_000 + len(sent))
            started = time.perf_counter()
            try:
                answer = await timed(http, tally, "POST", f"/v1/briefs?wait={wait_s}", json=body)
                if answer.status_code == 429:
                    await asyncio.sleep(float(answer.headers.get("retry-after", "1")))
                    continue
                if answer.status_code not in (200, 202):
                    tally.errors.append(f"POST {answer.status_code}: {answer.text[:200]}")
                    continue
                tally.accepted += 1
                if answer.status_code == 202:
                    job_id = answer.json()["id"]
                    tally.outstanding.add(job_id)
                    if not await poll(http, tally, job_id, until + DRAIN_S):
                        continue  # still outstanding: lost unless the store has it done at the end
                    tally.outstanding.discard(job_id)
            except httpx.HTTPError as error:
                tally.errors.append(f"{type(error).__name__}: {error}")
                continue
            tally.brief_s.append(time.perf_counter() - started)
            tally.briefs += 1
            tally.repeats += repeat
            if not repeat:
                sent.append(body)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentiles(values: list[float]) -> dict[str, float]:
    if len(values) < 2:
        return {}
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {f"p{p}": round(cuts[p - 1] * 1000, 1) for p in (50, 90, 95, 99)} | {"max": round(max(values) * 1000, 1)}


def store_jobs(store: Path) -> dict[str, int]:
    with sqlite3.connect(store) as db:
        return dict(db.execute("SELECT state, COUNT(*) FROM jobs GROUP BY state").fetchall())


async def run(base: str, keys: list[str], seconds: float, wait_s: float, timeout_s: float) -> tuple[Tally, float]:
    tally = Tally()
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(*(client(base, key, n + 1, until, wait_s, tally, timeout_s) for n, key in enumerate(keys)))
    return tally, time.monotonic() - started


def wait_ready(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 300  # the embedded model loads in tens of seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}")
        try:
            if httpx.get(f"{base}/readyz", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("the server did not become ready")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--model", default="none", help="none (default) or local: keep --clients small for local")
    parser.add_argument("--wait", type=float, default=5.0, help="?wait= of each POST: longer briefs become jobs")
    parser.add_argument("--slots", type=int, help="the server's --slots (default: the backend's)")
    args = parser.parse_args()

    keys = [f"load-key-{n:03d}" for n in range(args.clients)]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        store = Path(folder) / "store.sqlite"
        command = [sys.executable, "-m", "summarizer", "serve", "--model", args.model, "--port", str(port)]
        command += ["--store", str(store), *(["--slots", str(args.slots)] if args.slots else [])]
        env = os.environ | {"SUMMARIZER_API_KEYS": ",".join(keys), "PYTHONPATH": str(ROOT)}
        log = open(Path(folder) / "server.log", "wb")  # noqa: SIM115 - closed after the server ends
        server = subprocess.Popen(command, env=env, stdout=log, stderr=log)
        try:
            wait_ready(base, server)
            tally, elapsed = asyncio.run(run(base, keys, args.seconds, args.wait, args.wait + 30))
            metrics = httpx.get(f"{base}/metrics", headers={"Authorization": f"Bearer {keys[0]}"}).text
        finally:
            server.terminate()
            exit_status = server.wait(60)
            log.close()
        jobs = store_jobs(store)
    lost = len(tally.outstanding) + jobs.get("queued", 0) + jobs.get("running", 0)  # failed ones are errors
    queue = [line for line in metrics.splitlines() if line.startswith(("summarizer_queue_length", "summarizer_jobs{"))]
    report = {
        "model": args.model,
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "briefs": tally.briefs,
        "of_which_stored_repeats": tally.repeats,
        "briefs_per_s": round(tally.briefs / elapsed, 2),
        "brief_latency_ms": percentiles(tally.brief_s),
        "http_requests": len(tally.request_s),
        "http_latency_ms": percentiles(tally.request_s),
        "statuses": dict(sorted(tally.statuses.items())),
        "jobs_in_store": jobs,
        "lost_jobs": lost,
        "errors": tally.errors[:10],
        "error_count": len(tally.errors),
        "metrics_at_end": queue,
        "server_exit_status_on_sigterm": exit_status,
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
