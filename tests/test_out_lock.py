"""One writer per ``summarizer batch --out``: a second run is refused in one line, and nothing of the first is lost.

Real processes on real directories. The first run reads its articles from a
named pipe, so it holds the lock (taken before any input is read) for exactly
as long as the test keeps the pipe open: the second run meets a held lock
every time, with no race on how fast either starts.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarizer.bulk import shards
from summarizer.bulk.lock import LOCK_FILE, OutputInUseError, hold
from tests.conftest import cli_env, interruptible, run_cli

TOWNS = ("Northfield", "Ashby", "Carrow", "Dunmore", "Elbridge", "Fenwick", "Garrick", "Holloway")
WAIT_S = 60
"""Longest wait for a process to start and lock (imports take a few seconds on a busy 2-core machine)."""
REFUSED = "is in use by another summarizer batch"


def articles(towns: tuple[str, ...]) -> str:
    """JSON Lines of short news articles written for this test, one per town (each a distinct text)."""
    lines = []
    for number, town in enumerate(towns, start=2):
        text = (
            f"The council of {town} voted on Tuesday to rebuild the old footbridge over the river, mayor Ana Ruiz "
            f'said. The work will cost {number} million euros and should end next spring. "People have waited '
            f'years for this," Ruiz told reporters in {town}.'
        )
        lines.append(json.dumps({"text": text, "title": f"{town} rebuilds its footbridge", "published": "2026-11-20"}))
    return "".join(line + "\n" for line in lines)


def titles_of(jsonl: str) -> list[str]:
    return sorted(json.loads(line)["title"] for line in jsonl.splitlines())


def batch_process(source: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    """``summarizer batch SOURCE --out OUT --model none EXTRA...`` started in the background, environment as run_cli;
    a test may stop it with SIGINT (see ``interruptible``)."""
    return subprocess.Popen(
        [sys.executable, "-m", "summarizer", "batch", str(source), "--out", str(out), "--model", "none", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(), preexec_fn=interruptible,
    )  # fmt: skip


def wait_for_lock(lock: Path, process: subprocess.Popen[str]) -> None:
    """Until the lock file (of an --out or a store) names the process: it writes its record right after it locks."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1]
        try:
            if json.loads(lock.read_text()).get("pid") == process.pid:
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.05)
    pytest.fail(f"batch did not take {lock} within {WAIT_S} s")


def feed(pipe: Path, data: str, process: subprocess.Popen[str]) -> None:
    """Write the articles into the pipe once the process opens it for reading, then close it (end of input)."""
    deadline = time.monotonic() + WAIT_S
    while True:
        try:
            descriptor = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)  # fails (ENXIO) until the reader is there
            break
        except OSError as error:
            if error.errno != errno.ENXIO or time.monotonic() > deadline:
                raise
            assert process.poll() is None, process.communicate()[1]
            time.sleep(0.05)
    os.set_blocking(descriptor, True)
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        stream.write(data)


def raw_titles(out: Path) -> list[str]:
    """The article title of every row of every shard file (superseded or not), sorted."""
    return sorted(
        row["article"]["title"] for path in shards.shards(out) for row in shards.read_shard(path) if row is not None
    )


@pytest.fixture
def pipe(tmp_path: Path) -> Path:
    path = tmp_path / "first.jsonl"
    os.mkfifo(path)
    return path


def test_a_second_run_on_one_out_is_refused_and_the_first_loses_nothing(tmp_path: Path, pipe: Path) -> None:
    out = tmp_path / "out"
    first, second = articles(TOWNS[:6]), articles(TOWNS[5:])  # they share one article, as two careless runs would
    (tmp_path / "second.jsonl").write_text(second)
    running = batch_process(pipe, out)
    try:
        wait_for_lock(out / LOCK_FILE, running)
        started = time.monotonic()
        refused = run_cli("batch", str(tmp_path / "second.jsonl"), "--out", str(out), "--model", "none")
        refusal_s = time.monotonic() - started
        feed(pipe, first, running)
        _, stderr = running.communicate(timeout=WAIT_S)
    finally:
        running.kill()
    assert running.returncode == 0, stderr
    assert "6 briefs made" in stderr

    assert refused.returncode == 2, refused.stderr
    assert "Traceback" not in refused.stderr + refused.stdout
    assert len(refused.stderr.strip().splitlines()) == 1  # one line, and nothing else
    line = refused.stderr.strip()
    assert line.startswith("error: ")
    assert f"--out {out} {REFUSED} (pid {running.pid} on {socket.gethostname()}, started " in line
    assert line.endswith("wait for it to finish or choose another --out")
    assert refusal_s < WAIT_S / 2  # refused at start-up, not after waiting for the lock

    assert raw_titles(out) == titles_of(first)  # every row of the run that worked, once; none of the other
    manifest = json.loads((out / shards.MANIFEST).read_text())
    assert [run["made"] for run in manifest["runs"]] == [6]


def test_the_lock_is_free_when_a_run_ends_and_after_a_killed_run(tmp_path: Path, pipe: Path) -> None:
    out = tmp_path / "out"
    killed = batch_process(pipe, out)
    try:
        wait_for_lock(out / LOCK_FILE, killed)
        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=WAIT_S)
    finally:
        killed.kill()
    assert json.loads((out / LOCK_FILE).read_text())["pid"] == killed.pid  # its record is left; its lock is not

    (tmp_path / "a.jsonl").write_text(articles(TOWNS[:3]))
    (tmp_path / "b.jsonl").write_text(articles(TOWNS[3:5]))
    after_kill = run_cli("batch", str(tmp_path / "a.jsonl"), "--out", str(out), "--model", "none")
    assert after_kill.returncode == 0, after_kill.stderr
    after_end = run_cli("batch", str(tmp_path / "b.jsonl"), "--out", str(out), "--model", "none")
    assert after_end.returncode == 0, after_end.stderr
    assert raw_titles(out) == titles_of(articles(TOWNS[:5]))
    with hold(out):  # and free once more for anyone
        pass


def test_the_refusal_names_the_holder_and_comes_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with hold(out):
        with pytest.raises(OutputInUseError) as refused:
            with hold(out):
                pytest.fail("two holders of one --out")
        assert (refused.value.pid, refused.value.host) == (os.getpid(), socket.gethostname())
        (tmp_path / "a.jsonl").write_text(articles(TOWNS[:2]))
        for engine in ("local", "ray"):  # Ray's driver takes the same lock, before Ray starts
            result = run_cli("batch", str(tmp_path / "a.jsonl"), "--out", str(out), "--model", "none",
                             "--engine", engine)  # fmt: skip
            assert result.returncode == 2 and REFUSED in result.stderr and "Traceback" not in result.stderr, engine
            assert f"pid {os.getpid()}" in result.stderr
    assert not shards.shards(out) and not (out / shards.MANIFEST).exists()


def test_a_lock_file_without_a_holder_record_still_refuses_in_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_FILE).write_text("")
    with (out / LOCK_FILE).open("a") as stream:
        import fcntl

        fcntl.flock(stream.fileno(), fcntl.LOCK_EX)
        with pytest.raises(OutputInUseError, match=r"in use by another summarizer batch; wait") as refused:
            with hold(out):
                pass
    assert refused.value.pid is None
