"""A store SQLite finds busy is named by the run that holds it (tests/test_faults.py races two real digests)."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from summarizer.bulk.lock import StoreInUseError, hold_store, store_holder, store_lock_path
from summarizer.cli.digest import _busy_by_whom
from summarizer.digest.store import Store
from summarizer.errors import StoreBusyError


def test_a_busy_store_held_by_another_run_names_that_run(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    Store(path).close()
    with hold_store(path), closing(sqlite3.connect(path, isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")  # the run that opened the store first is writing a brief
        with pytest.raises(StoreBusyError) as busy:
            Store(path, busy_timeout_s=0.2)
        named = _busy_by_whom(busy.value, path)
        assert isinstance(named, StoreInUseError) and named.pid == os.getpid(), named
        assert "is in use by another summarizer run" in str(named)
        writer.execute("ROLLBACK")
    assert store_holder(path) is None  # the run has ended: nobody to name
    with closing(sqlite3.connect(path, isolation_level=None)) as writer:
        writer.execute("BEGIN IMMEDIATE")  # busy, but no run holds the lock: the busy store is all there is to say
        with pytest.raises(StoreBusyError) as busy:
            Store(path, busy_timeout_s=0.2)
        assert _busy_by_whom(busy.value, path) is busy.value
        writer.execute("ROLLBACK")


def test_looking_for_a_holder_makes_no_lock_file(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    assert store_holder(path) is None and not store_lock_path(path).exists()
