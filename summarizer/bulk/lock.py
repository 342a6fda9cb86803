"""One writer at a time: an OS lock on a file, held for the whole run (an output directory, a store).

Two runs on one output directory would both take the same run number, and one's
compaction would replace the shard the other appends to, losing rows. Two runs
on one store would both brief the same articles (paid twice) and interleave
their runs' records. So a run that writes takes ``fcntl.flock`` on a lock file
(``.summarizer.lock`` in the directory, ``STORE.lock`` beside a store) before it
starts, and a second run is refused at once, naming the holder (its pid, host
and start time are written into the file). The OS drops the lock when the
holding process dies however it dies, so a file left by a killed run is free:
there is no stale lock to clean up. Readers (``digest --briefs``) take no lock:
every shard and the manifest are replaced atomically.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, TextIO

from summarizer.errors import ConfigError

LOCK_FILE = ".summarizer.lock"
STORE_LOCK_SUFFIX = ".lock"
"""Beside the store (``store.sqlite.lock``): SQLite's own files are ``-wal`` and ``-shm``, so no clash."""

HOLDER_READS = 5
"""Looks at a just-locked file before naming no holder: its holder writes it right after it locks."""
HOLDER_WAIT_S = 0.05
"""Between those looks: writing a line takes far less; five of them keep a refusal well under a second."""


class InUseError(ConfigError):
    """Another process writes to this output directory or store; ``pid``, ``host`` and ``started`` name it when known."""

    def __init__(self, what: str, fix: str, *, pid: int | None, host: str | None, started: str | None) -> None:
        self.pid, self.host, self.started = pid, host, started
        process = " ".join(part for part in (f"pid {pid}" if pid else "", f"on {host}" if host else "") if part)
        who = ", ".join(part for part in (process, _when(started)) if part)
        super().__init__(f"{what}{f' ({who})' if who else ''}; {fix}")


class OutputInUseError(InUseError):
    """Another ``summarizer batch`` writes to this output directory."""

    def __init__(self, out: Path, *, pid: int | None, host: str | None, started: str | None) -> None:
        self.out = out
        super().__init__(
            f"--out {out} is in use by another summarizer batch",
            "wait for it to finish or choose another --out",
            pid=pid, host=host, started=started,
        )  # fmt: skip


class StoreInUseError(InUseError):
    """Another summarizer run (batch, digest, eval) writes to this store."""

    def __init__(self, store: Path, *, pid: int | None, host: str | None, started: str | None) -> None:
        self.store = store
        super().__init__(
            f"the store {store} is in use by another summarizer run",
            "wait for it to finish or give another store (Store(path), CLI: --store)",
            pid=pid, host=host, started=started,
        )  # fmt: skip


@contextmanager
def hold(out: Path) -> Iterator[None]:
    """Hold the output directory's lock until the block ends; OutputInUseError at once if another process has it."""
    with _locked(
        out / LOCK_FILE, lambda pid, host, started: OutputInUseError(out, pid=pid, host=host, started=started)
    ):
        yield


def store_lock_path(store: Path) -> Path:
    return store.with_name(store.name + STORE_LOCK_SUFFIX)


@contextmanager
def hold_store(store: Path) -> Iterator[None]:
    """Hold a store's writer lock until the block ends; StoreInUseError at once if another process has it.

    Take it once ``Store(path)`` has recognised the file: a file that is not ours gets no lock file beside it.
    """
    path = store_lock_path(store)

    def unwritable(error: OSError) -> ConfigError:
        return ConfigError(
            f"cannot lock the store {store}: {path} cannot be written ({error.strerror or error}); "
            "give a store in a writable folder (Store(path), CLI: --store)"
        )

    with _locked(
        path, lambda pid, host, started: StoreInUseError(store, pid=pid, host=host, started=started), unwritable
    ):
        yield


def store_holder(store: Path, wait_s: float = 0.0) -> StoreInUseError | None:
    """The refusal naming the run that holds the store's writer lock, or None when none does within ``wait_s``.

    For a store SQLite found busy: a run that opened it first and is writing holds this lock, and saying so names
    it, where the busy store alone cannot. Such a run takes the lock right after it has opened the store, so a run
    that found the store busy in that moment looks again for a little while. Only looks (a shared lock, dropped at
    once); never makes the lock file.
    """
    deadline = time.monotonic() + wait_s
    while (holder := _store_holder(store)) is None and time.monotonic() < deadline:
        time.sleep(HOLDER_WAIT_S)
    return holder


def _store_holder(store: Path) -> StoreInUseError | None:
    path = store_lock_path(store)
    try:
        stream = path.open("r", encoding="utf-8")
    except OSError:
        return None
    with stream:
        try:
            fcntl.flock(stream.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            pid, host, started = _holder(path)
            return StoreInUseError(store, pid=pid, host=host, started=started)
    return None


class _Refusal(Protocol):
    def __call__(self, pid: int | None, host: str | None, started: str | None) -> InUseError: ...


@contextmanager
def _locked(path: Path, refusal: _Refusal, unwritable: Callable[[OSError], Exception] | None = None) -> Iterator[None]:
    """Lock ``path`` for the block; if another process holds it, raise ``refusal`` naming who (as its file says).
    ``unwritable``: the error to raise instead when the lock file cannot be opened."""
    try:
        stream = path.open("a+", encoding="utf-8")  # "a+": opening must not wipe the holder's record before we lock
    except OSError as error:
        if unwritable is None:
            raise
        raise unwritable(error) from None
    try:
        try:
            fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise refusal(*_holder(path)) from None
        _write_holder(stream)
        yield
    finally:
        stream.close()  # closing the file releases the lock


def _write_holder(stream: TextIO) -> None:
    stream.seek(0)
    stream.truncate()
    started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    stream.write(json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "started": started}) + "\n")
    stream.flush()


def _holder(path: Path) -> tuple[int | None, str | None, str | None]:
    """Who holds the lock, as its file says; nothing known if it never says (a holder of another version)."""
    for _ in range(HOLDER_READS):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            record = None
        if isinstance(record, dict):
            pid, host, started = record.get("pid"), record.get("host"), record.get("started")
            return (
                pid if isinstance(pid, int) else None,
                host if isinstance(host, str) else None,
                started if isinstance(started, str) else None,
            )
        time.sleep(HOLDER_WAIT_S)
    return None, None, None


def _when(started: str | None) -> str:
    """'started 02:51' in this machine's time (with the date when it was not today)."""
    try:
        moment = dt.datetime.fromisoformat(started or "").astimezone()
    except ValueError:
        return ""
    today = dt.datetime.now().astimezone().date()
    return f"started {moment:%H:%M}" if moment.date() == today else f"started {moment:%Y-%m-%d %H:%M}"
