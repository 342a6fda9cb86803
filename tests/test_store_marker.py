"""The store knows its own file (issue 25, item 3): a marker it writes, forward migration, clear refusals.

Real SQLite files throughout; the command-line cases are real ``summarizer``
processes. A file that is not ours must come out byte-identical.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from summarizer.digest.store import APPLICATION_ID, STORE_VERSION, BriefKey, Store
from summarizer.errors import ConfigError, StoreError
from summarizer.ingest.article import Article
from tests.conftest import run_cli
from tests.test_faults import error_line, remount, tmpfs

TEXT = "The harbour board said on Monday that the north pier would close for repairs until the spring."
DEAD_SERVER = "http://127.0.0.1:9/v1"  # nothing listens: a run that reached the model would fail otherwise

# The store's first shape (before the marker, the answers column and the digests table), as summarizer made it.
FIRST_SHAPE = """
CREATE TABLE articles (hash TEXT PRIMARY KEY, title TEXT, url TEXT, outlet TEXT, published TEXT,
    article_json TEXT NOT NULL, first_seen TEXT NOT NULL);
CREATE TABLE briefs (article_hash TEXT NOT NULL REFERENCES articles(hash), model TEXT NOT NULL,
    prompt_version TEXT NOT NULL, schema_version TEXT NOT NULL, brief_json TEXT NOT NULL, created TEXT NOT NULL,
    PRIMARY KEY (article_hash, model, prompt_version, schema_version));
CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started TEXT NOT NULL, finished TEXT,
    inputs_json TEXT NOT NULL, counts_json TEXT, failures_json TEXT);
INSERT INTO articles VALUES ('h1', 'Pier', NULL, NULL, NULL, '{"text": "x"}', '2026-01-01');
INSERT INTO briefs VALUES ('h1', 'm', 'p', 's', '{}', '2026-01-01');
"""


def marker(path: Path) -> tuple[int, int]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute("PRAGMA application_id").fetchone()[0], db.execute("PRAGMA user_version").fetchone()[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the folder and its bytes: a refused store must leave no trace (no -wal, no -shm either)."""
    return {path.name: path.read_bytes() for path in folder.iterdir()}


def make(path: Path, script: str) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.executescript(script)


def refused(path: Path, *expected: str, **options: float) -> str:
    """Opening the store fails with a StoreError (a ConfigError) whose one-line message holds ``expected``."""
    with pytest.raises(StoreError) as raised:
        Store(path, **options)
    message = str(raised.value)
    assert isinstance(raised.value, ConfigError) and "\n" not in message and str(path) in message
    assert all(part in message for part in expected), message
    return message


def test_a_new_store_is_marked_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    with Store(path) as store:
        store.add_article(Article(text=TEXT))
    assert marker(path) == (APPLICATION_ID, STORE_VERSION) and APPLICATION_ID.to_bytes(4, "big") == b"SMRZ"
    with Store(path) as store:
        assert store.count_briefs() == 0 and store.digest_days() == []


def test_another_programs_file_with_an_articles_table_is_refused_and_left_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    make(path, "CREATE TABLE articles (id INTEGER PRIMARY KEY, headline TEXT); INSERT INTO articles VALUES (1, 'a');")
    before = snapshot(tmp_path)
    refused(path, "another program's SQLite database (articles)", "left untouched", "--store")
    assert snapshot(tmp_path) == before


def test_our_table_names_with_other_columns_are_not_ours(tmp_path: Path) -> None:
    """All three first tables, one of them with a column we never made: refused, untouched."""
    path = tmp_path / "lookalike.sqlite"
    make(path, FIRST_SHAPE.replace("failures_json TEXT)", "failures_json TEXT, colour TEXT)"))
    before = snapshot(tmp_path)
    refused(path, "another program's SQLite database")
    assert snapshot(tmp_path) == before


def test_another_application_id_is_refused_even_with_our_tables(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    make(path, FIRST_SHAPE + "PRAGMA application_id = 1234;")
    before = snapshot(tmp_path)
    refused(path, "application_id 0x000004d2", "left untouched")
    assert snapshot(tmp_path) == before


def test_a_store_from_before_the_marker_is_adopted_marked_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    make(path, FIRST_SHAPE)
    assert marker(path) == (0, 0)
    with Store(path) as store:
        assert store.count_briefs(BriefKey("m", "p", "s")) == 1  # the old rows are kept
        assert store.answers("h1", BriefKey("m", "p", "s")) is None  # the answers column was added
        store.put_digest(dt.date(2026, 1, 2), "{}")  # the digests table was added
    assert marker(path) == (APPLICATION_ID, STORE_VERSION)


def test_a_store_from_a_newer_summarizer_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    with Store(path) as store:
        store.add_article(Article(text=TEXT))
    with closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA user_version = {STORE_VERSION + 1}")
    before = snapshot(tmp_path)
    refused(path, "made by a newer summarizer", f"store version {STORE_VERSION + 1}", "upgrade, or use another store")
    assert snapshot(tmp_path) == before


def test_a_store_locked_by_another_process_is_refused_after_the_busy_timeout(tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite"
    Store(path).close()
    with closing(sqlite3.connect(path, isolation_level=None)) as holder:
        holder.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        refused(path, "another process holds it locked (waited 0.2 s)", busy_timeout_s=0.2)
        assert time.monotonic() - started < 5  # the short timeout was used, not the default
        holder.execute("ROLLBACK")
    Store(path, busy_timeout_s=0.2).close()  # free again: opens


def test_a_damaged_store_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite"
    with Store(path) as store:
        store.put_digest(dt.date(2026, 1, 2), "{}")
    data = bytearray(path.read_bytes())
    data[100:160] = b"\xfe" * 60  # the schema page's header: SQLite cannot read the table list
    path.write_bytes(bytes(data))
    refused(path, "is damaged", "restore it from a backup")


def test_a_text_file_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping: bread, milk\n")
    refused(path, "is not a SQLite database")
    assert path.read_text() == "shopping: bread, milk\n"


def _articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "pier.txt").write_text(TEXT)
    return folder


def _batch(tmp_path: Path, store: Path) -> tuple[int, str]:
    result = run_cli("batch", str(_articles(tmp_path)), "--out", str(tmp_path / "out"), "--store", str(store),
                     "--base-url", DEAD_SERVER)  # fmt: skip
    return result.returncode, error_line(result.stderr)


def test_batch_with_a_store_under_a_plain_file_is_one_line_exit_2(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("x")
    store = tmp_path / "plain-file" / "store.sqlite"
    status, line = _batch(tmp_path, store)
    assert status == 2 and str(store) in line and "cannot be made" in line and "writable store" in line


def test_batch_and_eval_refuse_another_programs_store_untouched(tmp_path: Path) -> None:
    store = tmp_path / "contacts.sqlite"
    make(store, "CREATE TABLE articles (id INTEGER, name TEXT);")
    before = store.read_bytes()
    status, line = _batch(tmp_path, store)
    assert status == 2 and "another program's SQLite database (articles)" in line
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "pier", "article": {"text": TEXT}, "where": ["north pier"]}) + "\n")
    result = run_cli("eval", str(gold), "--store", str(store), "--base-url", DEAD_SERVER)
    assert result.returncode == 2 and "another program's SQLite database" in error_line(result.stderr), result.stderr
    assert store.read_bytes() == before


def test_batch_and_digest_on_a_read_only_store_are_one_line_exit_2(tmp_path: Path) -> None:
    """A real read-only file system (root ignores file modes, so a mode-0444 file would still be written)."""
    with tmpfs(tmp_path / "mnt", size="8m") as mnt:
        store = mnt / "store.sqlite"
        with Store(store) as db:
            db.add_article(Article(text="An earlier article the store already holds, kept through all this."))
        remount(mnt, "ro")
        status, line = _batch(tmp_path, store)
        assert status == 2 and str(store) in line and "writable store" in line
        result = run_cli("digest", str(tmp_path / "in"), "--store", str(store), "--out", str(tmp_path / "digest"),
                         "--base-url", DEAD_SERVER)  # fmt: skip
        assert result.returncode == 2 and "writable store" in error_line(result.stderr)
        remount(mnt, "rw")
        with Store(store) as db:
            assert db.count_briefs() == 0 and marker(store) == (APPLICATION_ID, STORE_VERSION)
