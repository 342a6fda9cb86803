"""The durable store: SQLite (stdlib, WAL) holding articles, briefs and runs.

Articles are deduplicated by a hash of their normalised text (the same story
under two URLs is one article). Briefs are keyed by (article hash, model,
prompt version, the model's answer schema) and committed one by one as they
complete, with the model's raw answers: a crash or Ctrl-C loses nothing, a
re-run finds the finished work, and a brief read back is rebuilt from those
answers with today's grounding and rules (see digest/briefing.py). The digest
and ``summarizer eval`` share it. Each day's digest is kept too (one per day,
the latest build), so the next day's digest can say what changed since.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import zlib
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from summarizer.errors import StoreBusyError, StoreError
from summarizer.ingest.article import Article
from summarizer.schema import Brief
from summarizer.settings import data_dir

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    hash TEXT PRIMARY KEY,
    title TEXT, url TEXT, outlet TEXT, published TEXT,
    article_json TEXT NOT NULL,
    first_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS briefs (
    article_hash TEXT NOT NULL REFERENCES articles(hash),
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    brief_json TEXT NOT NULL,
    created TEXT NOT NULL,
    answers_json TEXT,
    PRIMARY KEY (article_hash, model, prompt_version, schema_version)
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started TEXT NOT NULL,
    finished TEXT,
    inputs_json TEXT NOT NULL,
    counts_json TEXT,
    failures_json TEXT
);
CREATE TABLE IF NOT EXISTS digests (
    day TEXT PRIMARY KEY,
    built TEXT NOT NULL,
    digest_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    request_json TEXT NOT NULL,
    article_hash TEXT,
    error TEXT,
    error_kind TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS watch_feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    skip_polls INTEGER NOT NULL DEFAULT 0,
    polled TEXT
);
CREATE TABLE IF NOT EXISTS watch_items (
    feed TEXT NOT NULL,
    link TEXT NOT NULL,
    day TEXT NOT NULL,
    article_hash TEXT,
    skipped TEXT,
    seen TEXT NOT NULL,
    PRIMARY KEY (feed, link)
);
CREATE INDEX IF NOT EXISTS watch_items_day ON watch_items (day);
CREATE TABLE IF NOT EXISTS newer_summarizer_store (
    note TEXT
);
"""


APPLICATION_ID = int.from_bytes(b"SMRZ", "big")
"""Written to ``PRAGMA application_id``: what tells our store from any other SQLite file.

SQLite keeps this 32-bit number in the file header for exactly this use; the
four ASCII letters of "SMRZ" (0x534D525A) make it readable in a hex dump and
unlikely to be another program's.
"""

STORE_VERSION = 3
"""Written to ``PRAGMA user_version``: the shape of the tables. Raise it with every change to ``_SCHEMA``
and migrate forward in ``_migrate``; a store with a higher number is refused (it is a newer summarizer's).
Releases from before the marker read no version and refuse a store with a table they lack as "another program's
SQLite database (TABLE)": the first version that adds a table also creates an empty ``newer_summarizer_store``
table, so that refusal names it (docs/digest.md).
1: articles, briefs (with answers), runs, digests; 2: ``jobs`` (``summarizer serve``'s work, kept across restarts), and the empty ``newer_summarizer_store``;
3: ``watch_feeds`` and ``watch_items`` (``summarizer watch``: each feed's ETag and Last-Modified, the items it has seen
and the day each article was first seen on)."""

BUSY_TIMEOUT_S = 10.0
"""How long to wait for another process's write lock before refusing the store: another digest holds it
only for one brief's commit (milliseconds); a lock held longer is a run that keeps it, not a wait to sit out."""

_SQLITE_OWN = {"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"}
_ADDED_LATER = {"briefs": {"answers_json"}}
"""Columns a store from before the marker may lack (added by ``_migrate``)."""
_FIRST_TABLES = {"articles", "briefs", "runs"}
"""Every store summarizer ever made has these (``digests`` and ``jobs`` came later): an unmarked file without them
is not ours."""

_FIX = "give a new file or a store summarizer made (Store(path), CLI: --store)"
_WRITABLE = "give a writable store (Store(path), CLI: --store)"


def _tables_of(db: sqlite3.Connection) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")} - _SQLITE_OWN


def _columns_of(db: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


@cache
def _our_columns() -> dict[str, set[str]]:
    """Each table's columns, as ``_SCHEMA`` makes them (read from SQLite, so they cannot drift from it)."""
    with closing(sqlite3.connect(":memory:")) as db:
        db.executescript(_SCHEMA)
        return {table: _columns_of(db, table) for table in _tables_of(db)}


def _is_unmarked_store(db: sqlite3.Connection, tables: set[str]) -> bool:
    """A store made before the marker: our first tables, no others, each with our columns (or the old ones)."""
    ours = _our_columns()
    if not _FIRST_TABLES <= tables <= set(ours):
        return False
    for table in tables:
        columns = _columns_of(db, table)
        if not ours[table] - _ADDED_LATER.get(table, set()) <= columns <= ours[table]:
            return False
    return True


def _explain(path: Path, error: sqlite3.Error, busy_timeout_s: float) -> str:
    """One line for a SQLite failure: what is wrong with the store file and what to do."""
    name = getattr(error, "sqlite_errorname", "")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return (
            f"cannot use the store {path}: another process holds it locked (waited {busy_timeout_s:g} s); "
            "let that run finish, or give another store (Store(path), CLI: --store)"
        )
    if name.startswith("SQLITE_READONLY"):
        return f"cannot use the store {path}: it is read-only ({error}); {_WRITABLE}"
    if name.startswith("SQLITE_CANTOPEN"):
        return f"cannot use the store {path}: it cannot be opened or created ({error}); {_WRITABLE}"
    if name == "SQLITE_NOTADB":
        return f"{path}: is not a SQLite database; {_FIX}"
    if name.startswith("SQLITE_CORRUPT"):
        return (
            f"cannot use the store {path}: it is damaged ({error}); restore it from a backup, "
            "or give another store (Store(path), CLI: --store; a new file starts empty)"
        )
    if name == "SQLITE_FULL":
        return f"cannot use the store {path}: its disk is full; free some space, or {_WRITABLE} on another disk"
    return f"cannot use the store {path}: {error}; {_WRITABLE}"


@contextmanager
def _store_errors(path: Path, busy_timeout_s: float) -> Iterator[None]:
    """Any SQLite failure is a :class:`StoreError` naming the file and the fix, never a bare sqlite3 traceback."""
    try:
        yield
    except sqlite3.Error as error:
        busy = getattr(error, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
        raise (StoreBusyError if busy else StoreError)(_explain(path, error, busy_timeout_s)) from error


def default_store_path() -> Path:
    return data_dir() / "store.sqlite"


def content_hash(text: str) -> str:
    """The same article whatever its whitespace or case: sha256 of the collapsed, casefolded text."""
    normalised = re.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class BriefKey:
    """What makes a stored brief reusable: change any part and the brief is made again."""

    model: str
    prompt_version: str
    schema_version: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """One SQLite file; safe to share between threads of one process (one lock, short transactions).

    The file is ours when its ``application_id`` is :data:`APPLICATION_ID`;
    a new empty file is initialised, and a store made before the marker (our
    tables, nothing else) is adopted and marked. Anything else (another
    program's database, not a database, damaged, locked past
    ``busy_timeout_s``, read-only, made by a newer summarizer) raises
    :class:`~summarizer.errors.StoreError`, and a file that is not ours is
    never written to.
    """

    def __init__(self, path: Path | None = None, *, busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self.path = path or default_store_path()
        self._busy_timeout_s = busy_timeout_s
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"cannot use the store {self.path}: its folder {self.path.parent} cannot be made"
                f" ({error.strerror or error}); {_WRITABLE}"
            ) from error
        with _store_errors(self.path, busy_timeout_s):
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            with _store_errors(self.path, busy_timeout_s):
                self._open()
        except BaseException:
            self._db.close()
            raise

    def _open(self) -> None:
        # busy_timeout first: another process (a second digest on the same store) may hold the lock
        self._db.execute(f"PRAGMA busy_timeout={round(self._busy_timeout_s * 1000)}")
        self._recognise()  # only reads: nothing is written before the file is known to be ours
        self._db.execute("PRAGMA journal_mode=WAL")
        # FULL: every committed brief is on disk before the next model call, so a disk that fails or turns
        # read-only mid-run (ext4 errors=remount-ro) loses none of them; one fsync per brief costs nothing beside it
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute(
            "BEGIN IMMEDIATE"
        )  # the tables, the migration and the marker: all or none, even with two writers
        try:
            self._recognise()  # again under the write lock: another process may have made the file meanwhile
            self._migrate()
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def _recognise(self) -> None:
        """Refuse a file that is not our store, or is a newer summarizer's, before anything is written to it."""
        application_id = int(self._db.execute("PRAGMA application_id").fetchone()[0])
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if application_id == APPLICATION_ID:
            if version > STORE_VERSION:
                raise StoreError(
                    f"{self.path}: was made by a newer summarizer (store version {version}, this one knows up to "
                    f"{STORE_VERSION}); upgrade, or use another store (Store(path), CLI: --store)"
                )
            return
        tables = _tables_of(self._db)
        if application_id == 0 and (not tables or (version == 0 and _is_unmarked_store(self._db, tables))):
            return  # a new file, or a store made before the marker
        shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
        what = f"application_id {application_id:#010x}" if application_id else shown or f"user_version {version}"
        raise StoreError(f"{self.path}: is another program's SQLite database ({what}); it was left untouched: {_FIX}")

    def _migrate(self) -> None:
        """Bring the store to :data:`STORE_VERSION` and mark it (inside the opening transaction)."""
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                self._db.execute(statement)
        if "answers_json" not in _columns_of(self._db, "briefs"):  # briefs stored before answers are made again once
            self._db.execute("ALTER TABLE briefs ADD COLUMN answers_json TEXT")
        if int(self._db.execute("PRAGMA application_id").fetchone()[0]) != APPLICATION_ID:
            self._db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        if int(self._db.execute("PRAGMA user_version").fetchone()[0]) != STORE_VERSION:
            self._db.execute(f"PRAGMA user_version={STORE_VERSION}")

    @contextmanager
    def _using(self) -> Iterator[sqlite3.Connection]:
        """The connection, for one statement or transaction: one thread at a time, failures as StoreError."""
        with self._lock, _store_errors(self.path, self._busy_timeout_s):
            yield self._db

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def add_article(self, article: Article) -> tuple[str, bool]:
        """Store the article once; return its hash and whether it was new."""
        digest = content_hash(article.text)
        with self._using() as db:
            cursor = db.execute(
                "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    digest,
                    article.title,
                    article.url,
                    article.outlet,
                    article.published.isoformat() if article.published else None,
                    article.model_dump_json(),
                    _now(),
                ),
            )
        return digest, cursor.rowcount == 1

    def article(self, digest: str) -> Article | None:
        with self._using() as db:
            row = db.execute("SELECT article_json FROM articles WHERE hash = ?", (digest,)).fetchone()
        return Article.model_validate_json(row[0]) if row else None

    def brief(self, digest: str, key: BriefKey) -> Brief | None:
        with self._using() as db:
            row = db.execute(
                "SELECT brief_json FROM briefs WHERE article_hash = ? AND model = ? AND prompt_version = ?"
                " AND schema_version = ?",
                (digest, key.model, key.prompt_version, key.schema_version),
            ).fetchone()
        return Brief.model_validate_json(row[0]) if row else None

    def answers(self, digest: str, key: BriefKey) -> list[str] | None:
        """The model's raw answers a stored brief was made from (None for briefs stored without them)."""
        with self._using() as db:
            row = db.execute(
                "SELECT answers_json FROM briefs WHERE article_hash = ? AND model = ? AND prompt_version = ?"
                " AND schema_version = ?",
                (digest, key.model, key.prompt_version, key.schema_version),
            ).fetchone()
        if not row or row[0] is None:
            return None
        answers = json.loads(row[0])
        return [str(a) for a in answers] if isinstance(answers, list) else None

    def put_brief(self, digest: str, key: BriefKey, brief: Brief, answers: Sequence[str] | None = None) -> None:
        """Commit the brief (and the model answers it came from) now (autocommit): it survives whatever happens next."""
        with self._using() as db:
            db.execute(
                "INSERT OR REPLACE INTO briefs"
                " (article_hash, model, prompt_version, schema_version, brief_json, created, answers_json)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    digest,
                    key.model,
                    key.prompt_version,
                    key.schema_version,
                    brief.model_dump_json(),
                    _now(),
                    json.dumps(list(answers)) if answers is not None else None,
                ),
            )

    def count_briefs(self, key: BriefKey | None = None) -> int:
        query = "SELECT COUNT(*) FROM briefs"
        args: tuple[str, ...] = ()
        if key is not None:
            query += " WHERE model = ? AND prompt_version = ? AND schema_version = ?"
            args = (key.model, key.prompt_version, key.schema_version)
        with self._using() as db:
            return int(db.execute(query, args).fetchone()[0])

    def start_run(self, inputs: list[str]) -> int:
        with self._using() as db:
            cursor = db.execute("INSERT INTO runs (started, inputs_json) VALUES (?, ?)", (_now(), json.dumps(inputs)))
        return int(cursor.lastrowid or 0)

    def finish_run(self, run: int, counts: dict[str, int], failures: list[dict[str, str]]) -> None:
        with self._using() as db:
            db.execute(
                "UPDATE runs SET finished = ?, counts_json = ?, failures_json = ? WHERE id = ?",
                (_now(), json.dumps(counts), json.dumps(failures), run),
            )

    def put_digest(self, day: date, digest_json: str) -> None:
        """Keep the day's digest (the latest build of a day replaces the earlier): tomorrow's follows its stories.

        Kept zlib-compressed (a digest carries every article's text and brief:
        about a tenth of the JSON's size).
        """
        packed = zlib.compress(digest_json.encode("utf-8"), 6)
        with self._using() as db:
            db.execute(
                "INSERT OR REPLACE INTO digests (day, built, digest_json) VALUES (?, ?, ?)",
                (day.isoformat(), _now(), packed),
            )

    def digest_days(self) -> list[date]:
        """The days with a stored digest, oldest first."""
        with self._using() as db:
            rows = db.execute("SELECT day FROM digests ORDER BY day").fetchall()
        return [date.fromisoformat(row[0]) for row in rows]

    def digest_versions(self) -> dict[date, str]:
        """Each stored day and a mark of its build (when, and its size): a reader that keeps digests parsed
        sees which were rebuilt since (``summarizer watch`` rebuilds today's all day) without reading them."""
        with self._using() as db:
            rows = db.execute("SELECT day, built, length(digest_json) FROM digests ORDER BY day").fetchall()
        return {date.fromisoformat(row[0]): f"{row[1]}/{row[2]}" for row in rows}

    def digest_json(self, day: date) -> str | None:
        """The stored digest's JSON (compressed or, as first stored, plain text)."""
        with self._using() as db:
            row = db.execute("SELECT digest_json FROM digests WHERE day = ?", (day.isoformat(),)).fetchone()
        if not row:
            return None
        value = row[0]
        return zlib.decompress(value).decode("utf-8") if isinstance(value, bytes) else str(value)

    def runs(self) -> list[dict[str, Any]]:
        with self._using() as db:
            rows = db.execute(
                "SELECT id, started, finished, inputs_json, counts_json, failures_json FROM runs ORDER BY id"
            ).fetchall()
        return [
            {
                "id": row[0],
                "started": row[1],
                "finished": row[2],
                "inputs": json.loads(row[3]),
                "counts": json.loads(row[4]) if row[4] else None,
                "failures": json.loads(row[5]) if row[5] else None,
            }
            for row in rows
        ]

    def feed_state(self, url: str) -> FeedState:
        """What the earlier polls of the feed ``url`` left: its validators for a conditional GET, its run of failures."""
        with self._using() as db:
            row = db.execute(
                "SELECT etag, last_modified, failures, skip_polls FROM watch_feeds WHERE url = ?", (url,)
            ).fetchone()
        return FeedState(url, row[0], row[1], int(row[2]), int(row[3])) if row else FeedState(url)

    def put_feed_state(self, state: FeedState) -> None:
        with self._using() as db:
            db.execute(
                "INSERT OR REPLACE INTO watch_feeds (url, etag, last_modified, failures, skip_polls, polled)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (state.url, state.etag, state.last_modified, state.failures, state.skip_polls, _now()),
            )

    def seen_links(self, feed: str) -> set[str]:
        """The item links of ``feed`` already settled (briefed, or skipped for good): not fetched again."""
        with self._using() as db:
            rows = db.execute("SELECT link FROM watch_items WHERE feed = ?", (feed,)).fetchall()
        return {row[0] for row in rows}

    def add_watched(self, item: WatchedItem) -> None:
        """Keep a feed item as settled, on the day it was first seen (a link seen before keeps its first day)."""
        with self._using() as db:
            db.execute(
                "INSERT OR IGNORE INTO watch_items (feed, link, day, article_hash, skipped, seen)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (item.feed, item.link, item.day.isoformat(), item.article_hash, item.skipped, _now()),
            )

    def watched(self, day: date) -> list[WatchedItem]:
        """The feed items first seen on ``day``, in the order they were seen: the articles of that day's digest."""
        with self._using() as db:
            rows = db.execute(
                "SELECT feed, link, article_hash, skipped FROM watch_items WHERE day = ? ORDER BY seen, rowid",
                (day.isoformat(),),
            ).fetchall()
        return [WatchedItem(row[0], row[1], day, row[2], row[3]) for row in rows]

    def add_job(self, job_id: str, kind: str, request: dict[str, Any]) -> StoredJob:
        """Keep a new job, queued: a server that restarts before it is done finds it and runs it again."""
        now = _now()
        with self._using() as db:
            db.execute(
                "INSERT INTO jobs (id, kind, state, request_json, created, updated) VALUES (?, ?, 'queued', ?, ?, ?)",
                (job_id, kind, json.dumps(request), now, now),
            )
        return StoredJob(job_id, kind, "queued", request, None, None, None, now, now)

    def update_job(
        self,
        job_id: str,
        state: str,
        *,
        article_hash: str | None = None,
        error: str | None = None,
        error_kind: str | None = None,
    ) -> None:
        """Move the job to ``state``; an article hash once known is kept, whatever comes after."""
        with self._using() as db:
            db.execute(
                "UPDATE jobs SET state = ?, article_hash = COALESCE(?, article_hash), error = ?, error_kind = ?,"
                " updated = ? WHERE id = ?",
                (state, article_hash, error, error_kind, _now(), job_id),
            )

    def job(self, job_id: str) -> StoredJob | None:
        with self._using() as db:
            row = db.execute(f"SELECT {_JOB_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return _job_of(row) if row else None

    def jobs_in(self, states: Sequence[str]) -> list[StoredJob]:
        """The jobs in any of ``states``, oldest first (the order they were asked for)."""
        marks = ", ".join("?" * len(states))
        with self._using() as db:
            rows = db.execute(
                f"SELECT {_JOB_COLUMNS} FROM jobs WHERE state IN ({marks}) ORDER BY created, rowid", tuple(states)
            ).fetchall()
        return [_job_of(row) for row in rows]

    def job_counts(self) -> dict[str, int]:
        """How many jobs are in each state (the server's metrics)."""
        with self._using() as db:
            rows = db.execute("SELECT state, COUNT(*) FROM jobs GROUP BY state").fetchall()
        return {str(state): int(count) for state, count in rows}


@dataclass(frozen=True)
class FeedState:
    """One watched feed as the store keeps it between polls (see ``summarizer/watch/``)."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    """The validators the feed's server last sent: sent back, they let it answer 304 Not Modified."""
    failures: int = 0
    """Polls in a row that failed; reset by the next one that reads the feed."""
    skip_polls: int = 0
    """Polls still to pass before the feed is tried again (the backoff after repeated failures)."""


@dataclass(frozen=True)
class WatchedItem:
    """A feed item settled by ``summarizer watch``: the article it gave (its hash), or why it gave none."""

    feed: str
    link: str
    day: date
    article_hash: str | None = None
    skipped: str | None = None


_JOB_COLUMNS = "id, kind, state, request_json, article_hash, error, error_kind, created, updated"


@dataclass(frozen=True)
class StoredJob:
    """One unit of a server's work as the store keeps it (see ``summarizer/serve/jobs.py``)."""

    id: str
    kind: str
    state: str
    """queued, running, done or failed."""
    request: dict[str, Any]
    """What was asked (the article or its URL), enough to run the job again after a restart."""
    article_hash: str | None
    error: str | None
    """The one-line message of a failed job, as the CLI would print it."""
    error_kind: str | None
    """The failure's class name (ArticleError, BackendError...), so the server can answer with the right status."""
    created: str
    updated: str


def _job_of(row: Sequence[Any]) -> StoredJob:
    return StoredJob(row[0], row[1], row[2], json.loads(row[3]), row[4], row[5], row[6], row[7], row[8])
