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
import datetime as dt
import errno
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest

from summarizer.bulk import shards
from summarizer.bulk.lock import LOCK_FILE, store_lock_path
from summarizer.digest.store import Store
from tests.conftest import SEED, cli_env, requires_seed, run_cli
from tests.fault_server import error, fault_server
from tests.test_digest import DAY, briefs_per_article, canned, stored_so_far, wait_until
from tests.test_out_lock import TOWNS, WAIT_S, articles, batch_process, feed, wait_for_lock

ARGS = ["--date", "2026-11-20", "-j", "1"]


def digest_process(store: Path, out: Path, url: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "summarizer", "digest", str(DAY), "--store", str(store), "--out", str(out), *ARGS,
         "--base-url", url, *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=cli_env(),
    )  # fmt: skip


def integrity(store: Path) -> str:
    with closing(sqlite3.connect(store)) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    return lines[0]


def test_two_digests_on_one_store_at_once_one_writes_the_other_is_refused_or_waits_its_turn(tmp_path: Path) -> None:
    """Started together: whichever opens the store second while the first still runs is refused in one line
    (one writer per store); if the first is already done, the second reuses every brief. Either way nothing is
    corrupt and no article is briefed twice. The race-free refusal is tested with a held lock below."""
    store = tmp_path / "shared.sqlite"
    with fault_server(canned(hang=0.2)) as server:
        first = digest_process(store, tmp_path / "a", server.url, "-j", "2")
        second = digest_process(store, tmp_path / "b", server.url, "-j", "2")
        results = [(p.wait(timeout=120), p.communicate()[1]) for p in (first, second)]
    codes = sorted(code for code, _ in results)
    assert codes in ([0, 0], [0, 2]), results
    for code, stderr in results:
        if code == 2:
            assert "is in use by another summarizer run" in error_line(stderr)
    assert integrity(store) == "ok"
    per_article = briefs_per_article(store)
    assert len(per_article) == 5 and set(per_article.values()) == {1}  # one brief per article, never two
    with closing(sqlite3.connect(store)) as db:
        assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 5
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    written = [out for out in ("a", "b") if (tmp_path / out / "digest-2026-11-20.json").exists()]
    assert len(written) == codes.count(0)
    for out in written:
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


# Issue 25: one writer per store, damaged or foreign files in --out, and the small faults of `summarizer batch`.


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    """A named pipe a batch reads its articles from: it holds its locks until the test writes and closes it."""
    path = tmp_path / "fed.jsonl"
    os.mkfifo(path)
    return path


@contextmanager
def reading(fifo: Path, process: subprocess.Popen[str]) -> Iterator[None]:
    """Hold the pipe's write end open once the process has opened it for reading (and so is reading input)."""
    deadline = time.monotonic() + WAIT_S
    while True:
        try:
            descriptor = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO until the reader is there
            break
        except OSError as error:
            if error.errno != errno.ENXIO or time.monotonic() > deadline:
                raise
            assert process.poll() is None, process.communicate()[1]
            time.sleep(0.05)
    try:
        yield
    finally:
        os.close(descriptor)


def manifest_runs(out: Path) -> list[dict[str, Any]]:
    return list(json.loads((out / shards.MANIFEST).read_text())["runs"])


def test_a_second_writer_of_a_store_is_refused_in_one_line_naming_the_holder(tmp_path: Path, fifo: Path) -> None:
    """A batch holds the store while it reads its articles from a pipe: digest, eval and another batch on that
    store (each with its own --out) are refused at once, and the holder finishes with every row and brief."""
    store = tmp_path / "store.sqlite"
    (tmp_path / "other.jsonl").write_text(articles(TOWNS[5:7]))
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "pier", "article": {"text": "The pier closed on Monday."}, "where": ["pier"]}))
    holder = batch_process(fifo, tmp_path / "held", "--store", str(store))
    try:
        wait_for_lock(store_lock_path(store), holder)
        refused = {
            "batch": run_cli("batch", str(tmp_path / "other.jsonl"), "--out", str(tmp_path / "b"), "--store",
                             str(store), "--model", "none"),
            "digest": run_cli("digest", str(tmp_path / "other.jsonl"), "--store", str(store), "--out",
                              str(tmp_path / "d"), "--model", "none"),
            "eval": run_cli("eval", str(gold), "--store", str(store), "--model", "none",
                            "--report", str(tmp_path / "report.json")),
        }  # fmt: skip
        feed(fifo, articles(TOWNS[:3]), holder)
        _, stderr = holder.communicate(timeout=WAIT_S)
    finally:
        holder.kill()
    assert holder.returncode == 0 and "3 briefs made" in stderr, stderr
    for command, result in refused.items():
        assert result.returncode == 2, (command, result.stderr)
        line = error_line(result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, (command, result.stderr)
        assert f"the store {store} is in use by another summarizer run (pid {holder.pid} on " in line, command
        assert "started " in line and line.endswith("give another store (Store(path), CLI: --store)"), command
    assert not (tmp_path / "b" / shards.MANIFEST).exists() and not (tmp_path / "d").exists()
    assert not (tmp_path / "report.json").exists()
    with closing(sqlite3.connect(store)) as db:  # the holder's briefs only, none of the refused runs'
        assert db.execute("SELECT COUNT(*) FROM briefs").fetchone()[0] == 3
    again = run_cli("digest", str(tmp_path / "other.jsonl"), "--store", str(store), "--out", str(tmp_path / "d"),
                    "--model", "none", "--date", "2026-11-20")  # fmt: skip
    assert again.returncode == 0, again.stderr  # free once the holder has ended


def test_a_foreign_store_gets_no_lock_file_beside_it(tmp_path: Path) -> None:
    store = tmp_path / "contacts.sqlite"
    with closing(sqlite3.connect(store)) as db:
        db.execute("CREATE TABLE people (name TEXT)")
    (tmp_path / "a.jsonl").write_text(articles(TOWNS[:1]))
    result = run_cli("digest", str(tmp_path / "a.jsonl"), "--store", str(store), "--out", str(tmp_path / "d"),
                     "--model", "none")  # fmt: skip
    assert result.returncode == 2 and "another program's SQLite database" in error_line(result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jsonl", "contacts.sqlite"]


@pytest.fixture
def made(tmp_path: Path) -> Path:
    """A --out holding three briefs of the none model (one shard), made by a real batch run."""
    (tmp_path / "day.jsonl").write_text(articles(TOWNS[:3]))
    out = tmp_path / "out"
    result = run_cli("batch", str(tmp_path / "day.jsonl"), "--out", str(out), "--model", "none",
                     "--store", str(tmp_path / "store.sqlite"))  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out


def briefs_digest(out: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli("digest", "--briefs", str(out), "--out", str(tmp_path / "digest"), "--date", "2026-11-20",
                   "--format", "json", *extra)  # fmt: skip


def test_a_damaged_shard_line_is_skipped_counted_and_its_article_made_again(tmp_path: Path, made: Path) -> None:
    """Not UTF-8, and a row without its key: each line skipped with one warning (the others are read), never a
    traceback; the next batch makes the lost article again and drops the damaged lines."""
    shard = shards.shards(made)[0]
    lines = shard.read_bytes().splitlines(keepends=True)
    lost = json.loads(lines[1])
    keyless = {k: v for k, v in json.loads(lines[2]).items() if k != "brief_key"}
    damaged = lines[0] + lines[1][:40] + b"\xff\xfe\xc0 not UTF-8 \xff" + lines[1][40:] + json.dumps(keyless).encode()
    shard.write_bytes(damaged + b"\n")

    digest = briefs_digest(made, tmp_path)
    assert digest.returncode == 0 and "Traceback" not in digest.stderr, digest.stderr
    warnings = [line for line in digest.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: 2 unreadable rows in {made} left out (torn by a kill or damaged); "
        f"`summarizer batch ... --out {made}` briefs their articles again"
    ]
    assert len(json.loads((tmp_path / "digest" / "digest-2026-11-20.json").read_text())["articles"]) == 1

    again = run_cli("batch", str(tmp_path / "day.jsonl"), "--out", str(made), "--model", "none",
                    "--store", str(tmp_path / "other.sqlite"))  # fmt: skip
    assert again.returncode == 0 and "2 briefs made, 1 already" in again.stderr, again.stderr
    assert "warning: 2 unreadable lines in the shards of" in again.stderr
    rows = list(shards.rows(made))
    assert sorted(row["article"]["title"] for row in rows) == sorted(json.loads(a)["title"] for a in
                                                                      articles(TOWNS[:3]).splitlines())  # fmt: skip
    assert lost["article_hash"] in {row["article_hash"] for row in rows}
    assert all(line is not None for path in shards.shards(made) for line in shards.read_shard(path))
    assert manifest_runs(made)[-1]["unreadable_rows"] == 2


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("briefs-00009-00001.parquet", b"PAR1 this is not a parquet file at all \x00\x01", "is not a Parquet shard"),
        ("briefs-00009-00001.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00binary\nnot ours\n", "holds no row summarizer wrote"),
    ],
)
def test_a_foreign_file_under_a_shard_name_is_one_line_exit_2_and_left_untouched(
    tmp_path: Path, made: Path, name: str, content: bytes, what: str
) -> None:
    (made / name).write_bytes(content)
    before = {p.name: p.read_bytes() for p in made.iterdir() if p.name != LOCK_FILE}  # the lock names its holder
    (tmp_path / "more.jsonl").write_text(articles(TOWNS[3:4]))
    for result in (
        run_cli("batch", str(tmp_path / "more.jsonl"), "--out", str(made), "--model", "none",
                "--store", str(tmp_path / "store.sqlite")),
        briefs_digest(made, tmp_path),
    ):  # fmt: skip
        assert result.returncode == 2, result.stderr
        line = error_line(result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1
        assert f"{made / name} {what}" in line and "move it out of" in line and "left untouched" in line
    assert {p.name: p.read_bytes() for p in made.iterdir() if p.name != LOCK_FILE} == before
    assert not (tmp_path / "digest").exists()


def test_digest_of_briefs_under_two_model_keys_says_which_it_used_and_what_it_left_out(
    tmp_path: Path, made: Path
) -> None:
    """An older run's rows under another model: the latest run's key is used, the rest named in one line."""
    first = json.loads(shards.shards(made)[0].read_text().splitlines()[0])
    (tmp_path / "older.jsonl").write_text(articles(("Inverness", "Jarrow")))
    older = run_cli("batch", str(tmp_path / "older.jsonl"), "--out", str(made), "--model", "none",
                    "--store", str(tmp_path / "store.sqlite"))  # fmt: skip
    assert older.returncode == 0, older.stderr
    renamed = shards.shards(made)[-1]  # the second run's rows, made to look like another model's
    renamed.write_text(renamed.read_text().replace('"model": "none/none"', '"model": "older/model"'))
    used = "|".join(first["brief_key"][part] for part in ("model", "prompt_version", "schema_version"))
    manifest = json.loads((made / shards.MANIFEST).read_text())
    manifest["runs"][-1]["brief_key"] = manifest["runs"][0]["brief_key"]  # the latest run was the none model's
    (made / shards.MANIFEST).write_text(json.dumps(manifest))

    result = briefs_digest(made, tmp_path)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    other = used.replace("none/none|", "older/model|", 1)
    assert other != used
    assert warnings == [
        f"warning: {made} holds rows of 2 brief keys: this digest uses {used} (3 articles, the latest run's key); "
        f"2 rows of {other} are left out, 2 of their articles have no brief of the key used"
    ]


def test_since_naming_a_stored_digest_that_cannot_be_read_is_one_line_exit_2(tmp_path: Path, made: Path) -> None:
    store = tmp_path / "digests.sqlite"
    with Store(store) as db:
        db.put_digest(dt.date(2026, 11, 19), json.dumps({"date": "2026-11-19", "stories": "not a list"}))
    result = briefs_digest(made, tmp_path, "--store", str(store), "--since", "2026-11-19")
    assert result.returncode == 2, result.stderr
    line = error_line(result.stderr)
    assert f"the stored digest of 2026-11-19 in {store} cannot be read (" in line and "--since" in line
    assert not (tmp_path / "digest").exists()
    with Store(store) as db:
        assert db.digest_days() == [dt.date(2026, 11, 19)]  # today's digest was not kept either


def test_cpus_per_actor_above_this_machine_is_refused_before_ray_starts(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(articles(TOWNS[:1]))
    asked = (os.cpu_count() or 1) + 62
    started = time.monotonic()
    result = run_cli("batch", str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "out"), "--model", "none",
                     "--engine", "ray", "--cpus-per-actor", str(asked))  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert error_line(result.stderr) == (
        f"error: --cpus-per-actor {asked} asks more CPUs per actor than any node has "
        f"(this machine has {os.cpu_count()}): lower it"
    )
    assert time.monotonic() - started < WAIT_S / 2 and not (tmp_path / "out").exists()  # no lock, no Ray


@pytest.mark.parametrize("name", ["out[/]x", "[red]", "[bold]b[/bold]"])
def test_an_out_with_brackets_is_printed_as_written(tmp_path: Path, name: str) -> None:
    (tmp_path / "a.jsonl").write_text(articles(TOWNS[:2]))
    out = tmp_path / name
    result = run_cli("batch", str(tmp_path / "a.jsonl"), "--out", str(out), "--model", "none",
                     "--store", str(tmp_path / "store.sqlite"))  # fmt: skip
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert f"2 briefs made, 0 already in {out}, 0 failed" in result.stderr
    assert len(list(shards.rows(out))) == 2


def test_run_numbers_never_repeat_and_an_interrupted_run_is_recorded(tmp_path: Path, fifo: Path) -> None:
    out = tmp_path / "out"
    (tmp_path / "a.jsonl").write_text(articles(TOWNS[:2]))
    (tmp_path / "b.jsonl").write_text(articles(TOWNS[2:3]))
    store = ("--store", str(tmp_path / "store.sqlite"))
    for source in ("a.jsonl", "a.jsonl"):  # the second run writes no shard: every article is there
        assert run_cli("batch", str(tmp_path / source), "--out", str(out), "--model", "none", *store).returncode == 0
    for stop in (signal.SIGINT, signal.SIGTERM):
        stopped = batch_process(fifo, out, *store)
        try:
            with reading(fifo, stopped):  # the run is reading its articles: past every lock, inside the run
                stopped.send_signal(stop)
                _, stderr = stopped.communicate(timeout=WAIT_S)
        finally:
            stopped.kill()
        assert stopped.returncode == 130 and "interrupted" in error_line(stderr), (stop, stderr)
    last = run_cli("batch", str(tmp_path / "b.jsonl"), "--out", str(out), "--model", "none", *store)
    assert last.returncode == 0, last.stderr
    runs = manifest_runs(out)
    assert [run["run"] for run in runs] == [1, 2, 3, 4, 5]
    assert [run["ended"] for run in runs] == ["finished", "finished", "interrupted", "interrupted", "finished"]
    assert [run["made"] for run in runs] == [2, 0, 0, 0, 1]
    assert sorted(shards._number(path)[0] for path in shards.shards(out)) == [1, 5]
