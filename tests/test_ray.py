"""``summarizer batch --engine ray`` on a real Ray cluster on 127.0.0.1 (2 CPUs), against the replay server.

The cluster is started once for the module with ``ray start --head --block``
(its own process group, ended at the end); each test runs the CLI as a user
would, with ``--ray-address``. Model answers are the embedded model's,
recorded for the digest day (cassettes/test_digest_of_a_day.yaml) and
replayed by tests/fault_server.py; the kill test uses the smallest answer the
schema allows, its point being the rows, not their content.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.bulk import shards
from tests.fault_server import fault_server, ok, schema_minimal
from tests.test_batch import ARTICLES, DAY, comparable, raw_rows
from tests.test_digest import wait_until

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("ray", reason="the ray extra is not installed: pip install -e '.[ray]' (make setup does)")

RAY = Path(sys.executable).with_name("ray")
TOKEN = secrets.token_hex(16)
RAY_ENV = {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": TOKEN, "RAY_USAGE_STATS_ENABLED": "0"}
"""The test cluster takes a token of its own (Ray's token auth), passed to the commands that join it."""
ACTOR = "MapBatches(BriefActor)"
"""What Ray's process title of a brief actor contains."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real 2-CPU Ray head on 127.0.0.1; its address. Its process group is ended at the end, nobody else's."""
    port = free_port()
    temp = tmp_path_factory.mktemp("ray")
    head = subprocess.Popen(
        [str(RAY), "start", "--head", "--block", f"--port={port}", "--node-ip-address=127.0.0.1", "--num-cpus=2",
         "--include-dashboard=false", "--disable-usage-stats", f"--temp-dir={temp}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, **RAY_ENV},
    )  # fmt: skip
    try:
        assert wait_until(lambda: _answers(port), timeout=90), "the Ray head did not start within 90 s"
        yield f"127.0.0.1:{port}"
    finally:
        os.killpg(head.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            head.wait(timeout=5)
        with contextlib.suppress(ProcessLookupError):  # the group's stragglers (raylet, workers): ours alone
            os.killpg(head.pid, signal.SIGKILL)
        head.wait(timeout=10)


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def env() -> dict[str, str]:
    """What ``run_cli`` gives a command (no model settings), plus the test cluster's token."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), **RAY_ENV}


def batch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "summarizer", "batch", *args], capture_output=True, text=True, timeout=240, env=env()
    )


def test_ray_rows_are_the_local_rows_and_a_rerun_calls_no_model(cluster: str, tmp_path: Path) -> None:
    on_ray, local = tmp_path / "ray", tmp_path / "local"
    with fault_server(ok()) as server:
        started = time.monotonic()
        result = batch(str(DAY), "--out", str(on_ray), "--engine", "ray", "--ray-address", cluster,
                       "--base-url", server.url)  # fmt: skip
        first = time.monotonic() - started
        assert result.returncode == 0, result.stderr
        assert server.unrecorded == 0
        calls = len(server.requests)
        again = batch(str(DAY), "--out", str(on_ray), "--engine", "ray", "--ray-address", cluster,
                      "--base-url", server.url)  # fmt: skip
        assert again.returncode == 0, again.stderr
        assert len(server.requests) == calls  # finished articles never reach an actor
        mine = batch(str(DAY), "--out", str(local), "--store", str(tmp_path / "s.sqlite"), "--base-url", server.url)
        assert mine.returncode == 0, mine.stderr
    assert "5 briefs made" in result.stderr and "Traceback" not in result.stderr
    assert "0 briefs made, 5 already" in again.stderr
    rows = sorted(raw_rows(on_ray), key=lambda r: r["article_hash"])
    assert len(rows) == ARTICLES and all(r["brief"] for r in rows)
    # One code path, two executors: the same briefs, field for field.
    assert [comparable(r) for r in rows] == [
        comparable(r) for r in sorted(raw_rows(local), key=lambda r: r["article_hash"])
    ]
    print(f"ray engine, 5 articles on a running 2-CPU cluster: {first:.1f} s")


def actor_pids() -> list[int]:
    """Processes of brief actors (Ray titles them ``ray::MapWorker(MapBatches(BriefActor))...``)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if title.startswith("ray::") and ACTOR in title:
                found.append(int(entry.name))
    return found


def test_a_worker_killed_half_way_then_a_rerun_has_each_brief_once(cluster: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = [str(DAY), "--out", str(out), "--engine", "ray", "--ray-address", cluster, "--actors", "1", "-j", "1",
            "--batch-size", "1"]  # fmt: skip
    # Two briefs come quickly, then each takes 3 s: the kill lands half way however slow the machine is.
    slow = [schema_minimal(), schema_minimal()]
    for reply in slow:
        reply.hang = 0.5
    stalled = schema_minimal()
    stalled.hang = 3.0
    with fault_server(*slow, stalled) as server:
        process = subprocess.Popen(
            [sys.executable, "-m", "summarizer", "batch", *args, "--base-url", server.url],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env(),
        )
        held = wait_until(lambda: len(raw_rows(out)) >= 2 if out.exists() else False, timeout=120)
        killed = actor_pids()
        for pid in killed:
            os.kill(pid, signal.SIGKILL)
        _, stderr = process.communicate(timeout=180)
        asked = len(server.requests)
    assert held, "no 2 rows within 120 s"
    assert killed, "no brief actor process found to kill"
    # Ray Data restarts the actor and retries its batch; the rows come only from the driver, once per batch.
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    rows = raw_rows(out)
    assert len(rows) == ARTICLES and len({r["article_hash"] for r in rows}) == ARTICLES
    assert asked >= ARTICLES

    with fault_server(schema_minimal()) as server:
        again = batch(*args, "--base-url", server.url)
        assert len(server.requests) == 0
    assert again.returncode == 0 and "0 briefs made, 5 already" in again.stderr
    assert len(raw_rows(out)) == ARTICLES and shards.done(shards.index(out)).briefed


def test_ray_needs_a_cluster_that_answers(tmp_path: Path) -> None:
    port = free_port()  # nobody listens there
    result = batch(str(DAY), "--out", str(tmp_path / "o"), "--engine", "ray", "--ray-address", f"127.0.0.1:{port}",
                   "--base-url", "http://127.0.0.1:9/v1")  # fmt: skip
    assert result.returncode == 2 and f"no Ray cluster answers at 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_ray_data_reads_the_inputs_as_the_local_reader_does_and_the_driver_reads_none(
    cluster: str, tmp_path: Path
) -> None:
    """Every kind of input, read by Ray's workers for a driver that cannot read (tests/ray_read_probe.py)."""
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from summarizer.bulk.inputs import read_inputs
    from summarizer.digest.store import content_hash

    folder = tmp_path / "in"
    folder.mkdir()
    texts = [f"Harbour pilots in Oskarvik began a {n}-day strike on Monday, the union said." for n in range(1, 8)]
    (folder / "a.txt").write_text(texts[0])
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    lines = [
        json.dumps({"text": texts[1]}),
        "{not json",
        json.dumps({"text": texts[2]}),
        json.dumps({"text": texts[0]}),
    ]
    day = tmp_path / "day.jsonl"
    day.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    many = tmp_path / "many.parquet"
    pq.write_table(pa.Table.from_pylist([{"text": t} for t in texts[3:]] + [{"text": ""}]), many, row_group_size=2)
    specs = [str(folder), str(day), str(many), str(tmp_path / "missing.txt")]
    expected = list(read_inputs(specs))  # the local engine's reading, in this process
    held = [content_hash(texts[2])]
    with fault_server(schema_minimal()) as server:
        probe = subprocess.run(
            [sys.executable, "-m", "tests.ray_read_probe", cluster, server.url, json.dumps(held), *specs],
            capture_output=True, text=True, timeout=240, env={**env(), "PYTHONPATH": str(ROOT)}, cwd=ROOT,
        )  # fmt: skip
    assert probe.returncode == 0, probe.stderr[-2000:]
    found = json.loads(probe.stdout.strip().splitlines()[-1])
    assert found["units"] == 2 + 1 + 3 + 1  # two files of the folder, the JSONL, 3 row groups of 2, the missing path
    briefed = {(i.source, content_hash(i.article.text)) for i in expected if i.article and i.article.text != texts[2]}
    briefed.discard((f"{day}:4", content_hash(texts[0])))  # the text of a.txt again: briefed once, under a.txt
    assert {(source, digest) for source, digest, _ in found["rows"]} == briefed
    assert all(has_brief for *_, has_brief in found["rows"])
    assert {f"{many}#{n}" for n in (1, 2, 3, 4)} <= {source for source, *_ in found["rows"]}
    skipped = {(i.source, "skipped", i.skipped) for i in expected if i.article is None}
    assert {tuple(s) for s in found["settled"]} == skipped | {(f"{day}:3", "done", None)}
