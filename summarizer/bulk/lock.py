"""One writer per output directory: an OS lock on a file in it, held for the whole run.

Two runs on one directory would both take the same run number, and one's
compaction would replace the shard the other appends to, losing rows. So a
run takes ``fcntl.flock`` on ``.summarizer.lock`` before it reads the
directory, and a second run is refused at once, naming the holder (its pid,
host and start time are written into the file). The OS drops the lock when
the holding process dies however it dies, so a file left by a killed run is
free: there is no stale lock to clean up. Readers (``digest --briefs``) take
no lock: every shard and the manifest are replaced atomically.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from summarizer.errors import ConfigError

LOCK_FILE = ".summarizer.lock"

HOLDER_READS = 5
"""Looks at a just-locked file before naming no holder: its holder writes it right after it locks."""
HOLDER_WAIT_S = 0.05
"""Between those looks: writing a line takes far less; five of them keep a refusal well under a second."""


class OutputInUseError(ConfigError):
    """Another process writes to this output directory; ``pid``, ``host`` and ``started`` name it when known."""

    def __init__(self, out: Path, *, pid: int | None, host: str | None, started: str | None) -> None:
        self.out, self.pid, self.host, self.started = out, pid, host, started
        process = " ".join(part for part in (f"pid {pid}" if pid else "", f"on {host}" if host else "") if part)
        who = ", ".join(part for part in (process, _when(started)) if part)
        super().__init__(
            f"--out {out} is in use by another summarizer batch{f' ({who})' if who else ''}; "
            "wait for it to finish or choose another --out"
        )


@contextmanager
def hold(out: Path) -> Iterator[None]:
    """Hold the output directory's lock until the block ends; OutputInUseError at once if another process has it."""
    path = out / LOCK_FILE
    stream = path.open("a+", encoding="utf-8")  # "a+": opening must not wipe the holder's record before we lock
    try:
        try:
            fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid, host, started = _holder(path)
            raise OutputInUseError(out, pid=pid, host=host, started=started) from None
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
