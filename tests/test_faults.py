"""Faults in the middle of real runs (issue 11): two writers on one store, the model server dying,
a full disk, a read-only store or folder, a store's disk failing mid-run. Each ends in a clear message and loses nothing stored.

Every run is a real ``summarizer`` process against the 127.0.0.1 fault server.
The model answers are canned on purpose (``schema_minimal()``): these tests are
about the store and the files, not the briefs' content.
Disk-full and read-only cases mount a small tmpfs, so they need root; they are
skipped elsewhere.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from tests.conftest import SEED, requires_seed, run_cli
from tests.fault_server import error, fault_server
from tests.test_digest import DAY, briefs_per_article, canned, stored_so_far, wait_until

ARGS = ["--date", "2026-11-20", "-j", "1"]


def digest_process(store: Path, out: Path, url: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "summarizer", "digest", str(DAY), "--store", str(store), "--out", str(out), *ARGS,
         "--base-url", url, *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
    )  # fmt: skip


def integrity(store: Path) -> str:
    with closing(sqlite3.connect(store)) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def test_two_digests_on_one_store_at_once_neither_corrupt_nor_duplicate(tmp_path: Path) -> None:
    store = tmp_path / "shared.sqlite"
    with fault_server(canned(hang=0.2)) as server:
        first = digest_process(store, tmp_path / "a", server.url, "-j", "2")
        second = digest_process(store, tmp_path / "b", server.url, "-j", "2")
        results = [(p.wait(timeout=120), p.communicate()[1]) for p in (first, second)]
    for code, stderr in results:
        assert code == 0, stderr
    assert integrity(store) == "ok"
    per_article = briefs_per_article(store)
    assert len(per_article) == 5 and set(per_article.values()) == {1}  # one brief per article, never two
    with closing(sqlite3.connect(store)) as db:
        assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 5
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for out in ("a", "b"):
        digest = json.loads((tmp_path / out / "digest-2026-11-20.json").read_text())
        assert len(digest["articles"]) == 5 and digest["run"]["complete"]


def test_the_model_server_dying_mid_digest_keeps_what_is_stored(tmp_path: Path) -> None:
    store, out = tmp_path / "store.sqlite", tmp_path / "out"
    with fault_server(canned(hang=0.5)) as server:
        process = digest_process(store, out, server.url, "--timeout", "2")
        held = wait_until(lambda: stored_so_far(store) >= 2)
    # The server is gone now: the remaining briefs cannot be made.
    _, stderr = process.communicate(timeout=120)
    assert held, "no two briefs were stored while the server was up"
    assert process.returncode == 3, stderr  # partial: the digest holds what was made
    assert "Traceback" not in stderr and "failed" in stderr and "re-run the same command" in stderr
    stored = briefs_per_article(store)
    digest = json.loads((out / "digest-2026-11-20.json").read_text())
    assert len(digest["articles"]) == len(stored) >= 2 and digest["failed"]
    assert integrity(store) == "ok"


def test_a_failed_run_keeps_the_days_finished_digest(tmp_path: Path) -> None:
    store, out = tmp_path / "store.sqlite", tmp_path / "out"
    with fault_server(canned()) as server:
        assert run_cli("digest", str(DAY), "--store", str(store), "--out", str(out), *ARGS, "--base-url",
                       server.url).returncode == 0  # fmt: skip
    finished = {path.name: path.read_bytes() for path in out.iterdir()}
    with fault_server(error(401)) as server:
        result = run_cli("digest", str(DAY), "--store", str(store), "--out", str(out), *ARGS, "--force",
                         "--base-url", server.url)  # fmt: skip
    assert result.returncode == 1 and "no brief could be made" in error_line(result.stderr)
    assert {path.name: path.read_bytes() for path in out.iterdir()} == finished
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli("digest", str(empty), "--store", str(store), "--out", str(out), "--date", "2026-11-20")
    assert result.returncode == 2 and "no article found" in error_line(result.stderr)
    assert {path.name: path.read_bytes() for path in out.iterdir()} == finished


@contextmanager
def tmpfs(path: Path, size: str = "256k") -> Iterator[Path]:
    """A small tmpfs at ``path`` (root only); skips the test where mounting is not allowed."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                                           capture_output=True).returncode != 0:  # fmt: skip
        pytest.skip("needs root to mount a small tmpfs")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount(path: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(path)], check=True, capture_output=True)


def fill(path: Path) -> None:
    """Fill the file system at ``path`` to the last byte."""
    for size in (65536, 1):
        with contextlib.suppress(OSError), (path / f"filler-{size}").open("wb", buffering=0) as stream:
            while True:
                stream.write(b"\0" * size)


def test_a_full_disk_for_the_digest_is_a_clear_message_and_the_briefs_stay(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    with tmpfs(tmp_path / "full") as full:
        fill(full)
        with fault_server(canned()) as server:
            result = run_cli("digest", str(DAY), "--store", str(store), "--out", str(full / "out"), *ARGS,
                             "--base-url", server.url)  # fmt: skip
        line = error_line(result.stderr)
        assert result.returncode == 1 and "No space left on device" in line and "re-run with another --out" in line
        assert not list((full / "out").glob("*")) if (full / "out").exists() else True  # no half-written digest
    assert len(briefs_per_article(store)) == 5


@requires_seed
def test_a_brief_to_a_full_disk_or_read_only_folder(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "mnt") as mnt:
        remount(mnt, "ro")
        result = run_cli("brief", str(SEED), "-o", str(mnt / "brief.json"), "--base-url", "http://127.0.0.1:9/v1")
        line = error_line(result.stderr)
        assert result.returncode == 2 and "is not writable" in line and "nothing was briefed" in line
        remount(mnt, "rw")
        fill(mnt)
        with fault_server(canned()) as server:
            result = run_cli("brief", str(SEED), "-o", str(mnt / "brief.json"), "--base-url", server.url)
        line = error_line(result.stderr)
        assert result.returncode == 1 and "No space left on device" in line
        assert json.loads(result.stdout)["headline"]  # the brief is not lost: it went to standard output
        assert not (mnt / "brief.json").exists()


def test_a_read_only_store_is_a_clear_message_and_loses_nothing(tmp_path: Path) -> None:
    """The store's disk turned read-only between runs (a file system cannot be remounted under an open store)."""
    with tmpfs(tmp_path / "mnt", size="8m") as mnt:
        store, out = mnt / "store.sqlite", tmp_path / "out"
        with fault_server(canned()) as server:
            assert run_cli("digest", str(DAY), "--store", str(store), "--out", str(out), *ARGS, "--base-url",
                           server.url).returncode == 0  # fmt: skip
            before = briefs_per_article(store)
            remount(mnt, "ro")
            result = run_cli("digest", str(DAY), "--store", str(store), "--out", str(tmp_path / "again"), *ARGS,
                             "--force", "--base-url", server.url)  # fmt: skip
        line = error_line(result.stderr)
        assert result.returncode == 2 and "cannot use the store" in line and "writable store" in line
        assert not (tmp_path / "again").exists()
        remount(mnt, "rw")
        assert integrity(store) == "ok" and briefs_per_article(store) == before and len(before) == 5


@contextmanager
def failing_disk(image: Path, path: Path) -> Iterator[Callable[[], int]]:
    """A small ext4 disk at ``path`` that turns read-only on its first error, as a failing disk does.

    Yields the call that makes the error happen (the kernel's ``trigger_fs_error``). A tmpfs cannot be
    remounted read-only under an open store (the kernel answers "busy"); this is how a store's disk turns
    read-only mid-run in the field. Root, loop devices and ext4 only; skips elsewhere.
    """
    path.mkdir(parents=True, exist_ok=True)
    steps = (["truncate", "-s", "16M", str(image)], ["mkfs.ext4", "-q", str(image)],
             ["mount", "-o", "loop,errors=remount-ro", str(image), str(path)])  # fmt: skip
    if os.geteuid() != 0 or not all(subprocess.run(step, capture_output=True).returncode == 0 for step in steps):
        pytest.skip("needs root, a loop device and mkfs.ext4 to make a disk that fails")
    device = subprocess.run(["findmnt", "-n", "-o", "SOURCE", str(path)], capture_output=True, text=True).stdout
    trigger = Path("/sys/fs/ext4") / Path(device.strip()).name / "trigger_fs_error"
    try:
        if not trigger.exists():
            pytest.skip("this kernel cannot make an ext4 disk fail on demand")
        yield lambda: trigger.write_text("1")
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def test_a_store_whose_disk_turns_read_only_mid_run_keeps_every_committed_brief(tmp_path: Path) -> None:
    image, mnt, out = tmp_path / "disk.img", tmp_path / "mnt", tmp_path / "out"
    store = mnt / "store.sqlite"
    with failing_disk(image, mnt) as fail_the_disk, fault_server(canned(hang=1.0)) as server:
        process = digest_process(store, out, server.url)
        assert wait_until(lambda: stored_so_far(store) >= 2)
        committed = stored_so_far(store)
        fail_the_disk()
        stderr = process.communicate(timeout=120)[1]
        line = error_line(stderr)
        assert process.returncode == 2 and "cannot use the store" in line and "writable store" in line
        assert not out.exists()  # a failed run writes no digest
        subprocess.run(["umount", str(mnt)], check=True, capture_output=True)
        subprocess.run(["mount", "-o", "loop", str(image), str(mnt)], check=True, capture_output=True)
        assert integrity(store) == "ok" and len(briefs_per_article(store)) >= committed  # nothing committed lost


def test_sigterm_mid_digest_keeps_the_briefs(tmp_path: Path) -> None:
    store, out = tmp_path / "store.sqlite", tmp_path / "out"
    with fault_server(canned(hang=0.5)) as server:
        process = digest_process(store, out, server.url)
        assert wait_until(lambda: stored_so_far(store) >= 1)
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
    assert integrity(store) == "ok" and len(briefs_per_article(store)) >= 1 and not out.exists()
