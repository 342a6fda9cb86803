"""``summarizer batch --batch-api`` against a 127.0.0.1 server implementing /v1/files and /v1/batches
(tests/batch_server.py), answering with the embedded model's recorded answers for the digest day."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

from tests.batch_server import batch_server
from tests.conftest import run_cli
from tests.fault_server import fault_server, ok, schema_minimal
from tests.test_batch import ARTICLES, DAY, comparable, raw_rows
from tests.test_digest import wait_until


def recorded_batch(out: Path) -> bool:
    """The batch id is on disk (what a crash must not lose)."""
    try:
        return any(b.get("id") for b in json.loads((out / "batch-api.json").read_text())["batches"])
    except (OSError, ValueError, KeyError):
        return False


def test_crash_after_submit_then_rerun_resumes_the_same_batch(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with batch_server() as server:
        args = [str(DAY), "--out", str(out), "--batch-api", "--poll", "0.1", "--base-url", server.url]
        process = subprocess.Popen([sys.executable, "-m", "summarizer", "batch", *args], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)  # fmt: skip
        held = wait_until(lambda: recorded_batch(out), timeout=60)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert held, "no batch id recorded within 60 s"
        assert server.created == 1 and not raw_rows(out)

        server.finish()
        result = run_cli("batch", *args)
        assert result.returncode == 0, result.stderr
        assert server.created == 1  # the same batch, resumed by its recorded id: nothing submitted twice
        again = run_cli("batch", *args)
        assert again.returncode == 0 and server.created == 1 and "0 briefs made, 5 already" in again.stderr
        live = server.live
    assert "5 briefs made" in result.stderr and "Traceback" not in result.stderr
    rows = raw_rows(out)
    assert len(rows) == ARTICLES and len({r["article_hash"] for r in rows}) == ARTICLES
    assert all(r["brief"] for r in rows)

    # The batch's answers are grounded exactly as live ones: the rows equal the local engine's.
    local = tmp_path / "local"
    with fault_server(ok()) as replay:
        mine = run_cli(
            "batch", str(DAY), "--out", str(local), "--store", str(tmp_path / "s.sqlite"), "--base-url", replay.url
        )
        assert mine.returncode == 0, mine.stderr
        assert len(replay.requests) == ARTICLES + live  # the local engine asked what the batch answered, plus re-asks
    by_hash = {r["article_hash"]: comparable(r) for r in raw_rows(local)}
    for row in rows:
        mine_row = comparable(row)
        theirs = by_hash[row["article_hash"]]
        mine_row["brief"]["run"].pop("attempts"), theirs["brief"]["run"].pop("attempts")
        assert mine_row["brief"] == theirs["brief"] and mine_row["answers"] == theirs["answers"]


def test_killed_before_the_batch_id_arrives_then_rerun_adopts_that_batch(tmp_path: Path) -> None:
    out = tmp_path / "out"
    minimal = schema_minimal().respond
    assert minimal is not None
    with batch_server(minimal) as server:
        server.answer_create_after = 60.0  # the batch exists on the server; its id never reaches the client
        args = [str(DAY), "--out", str(out), "--batch-api", "--poll", "0.1", "--base-url", server.url]
        process = subprocess.Popen([sys.executable, "-m", "summarizer", "batch", *args], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)  # fmt: skip
        held = wait_until(lambda: server.created == 1, timeout=60)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert held and not recorded_batch(out)  # only the input file's id is on disk
        server.answer_create_after = 0.0
        server.finish()
        result = run_cli("batch", *args)
        assert result.returncode == 0, result.stderr
        assert server.created == 1  # found by its input file: not submitted twice
    rows = raw_rows(out)
    assert len(rows) == ARTICLES and all(r["brief"] for r in rows)


def test_an_expired_batch_is_failure_rows_then_submitted_again(tmp_path: Path) -> None:
    out = tmp_path / "out"
    minimal = schema_minimal().respond  # the point is the batch's fate, not the briefs' content
    assert minimal is not None
    with batch_server(minimal) as server:
        args = [str(DAY), "--out", str(out), "--batch-api", "--poll", "0.1", "--base-url", server.url]
        process = subprocess.Popen([sys.executable, "-m", "summarizer", "batch", *args], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)  # fmt: skip
        assert wait_until(lambda: server.created == 1, timeout=60)
        server.expire()
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 1, stderr
        assert "expired" in stderr and "re-run" in stderr and "Traceback" not in stderr
        assert [r["error"] for r in raw_rows(out)].count(None) == 0 and len(raw_rows(out)) == ARTICLES

        process = subprocess.Popen([sys.executable, "-m", "summarizer", "batch", *args], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)  # fmt: skip
        assert wait_until(lambda: server.created == 2, timeout=60)
        server.finish()
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
    rows = raw_rows(out)  # the failure rows are replaced: one row per article
    assert len(rows) == ARTICLES and all(r["brief"] for r in rows)


def test_batch_api_needs_a_server(tmp_path: Path) -> None:
    result = run_cli("batch", str(DAY), "--out", str(tmp_path / "o"), "--batch-api", "--model", "none")
    assert result.returncode == 2 and "/v1/batches" in result.stderr and "Traceback" not in result.stderr
    result = run_cli("batch", str(DAY), "--out", str(tmp_path / "o"), "--batch-api", "--engine", "ray")
    assert result.returncode == 2 and "drop --engine ray" in result.stderr
