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
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigError
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
"""


_TABLES = {"articles", "briefs", "runs", "digests"}
_SQLITE_OWN = {"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"}


class StoreError(ConfigError):
    """The --store file is not ours: another program's database, or not a database at all."""


def _tables_of(db: sqlite3.Connection) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


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
    """One SQLite file; safe to share between threads of one process (one lock, short transactions)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_store_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            # busy_timeout first: another process (a second digest on the same store) may hold the lock
            self._db.execute("PRAGMA busy_timeout=10000")
            self._check_ours()
            self._db.execute("PRAGMA journal_mode=WAL")
            # FULL: every committed brief is on disk before the next model call, so a disk that fails or turns
            # read-only mid-run (ext4 errors=remount-ro) loses none of them; one fsync per brief costs nothing beside it
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(f"BEGIN IMMEDIATE;{_SCHEMA}COMMIT;")  # all tables or none, even with two writers
            self._add_answers_column()
        except BaseException:
            self._db.close()
            raise

    def _check_ours(self) -> None:
        """Refuse a database another program made, before adding anything to it."""
        try:
            tables = _tables_of(self._db)
        except sqlite3.DatabaseError as error:
            if "not a database" not in str(error):
                raise
            raise StoreError(
                f"{self.path}: is not a SQLite database; give a new file or a store summarizer made (Store(path), CLI: --store)"
            ) from None
        foreign = sorted(tables - _TABLES - _SQLITE_OWN)
        if foreign:
            shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
            raise StoreError(
                f"{self.path}: is another program's SQLite database ({shown}); it was left untouched: "
                "give a new file or a store summarizer made (Store(path), CLI: --store)"
            )

    def _add_answers_column(self) -> None:
        """Stores made before answers were kept get the column (their briefs are made again once)."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(briefs)")}
        if "answers_json" not in columns:
            try:
                self._db.execute("ALTER TABLE briefs ADD COLUMN answers_json TEXT")
            except sqlite3.OperationalError as error:  # a second writer added it first
                if "duplicate column" not in str(error):
                    raise

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
        with self._lock:
            cursor = self._db.execute(
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
        with self._lock:
            row = self._db.execute("SELECT article_json FROM articles WHERE hash = ?", (digest,)).fetchone()
        return Article.model_validate_json(row[0]) if row else None

    def brief(self, digest: str, key: BriefKey) -> Brief | None:
        with self._lock:
            row = self._db.execute(
                "SELECT brief_json FROM briefs WHERE article_hash = ? AND model = ? AND prompt_version = ?"
                " AND schema_version = ?",
                (digest, key.model, key.prompt_version, key.schema_version),
            ).fetchone()
        return Brief.model_validate_json(row[0]) if row else None

    def answers(self, digest: str, key: BriefKey) -> list[str] | None:
        """The model's raw answers a stored brief was made from (None for briefs stored without them)."""
        with self._lock:
            row = self._db.execute(
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
        with self._lock:
            self._db.execute(
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
        with self._lock:
            return int(self._db.execute(query, args).fetchone()[0])

    def start_run(self, inputs: list[str]) -> int:
        with self._lock:
            cursor = self._db.execute(
                "INSERT INTO runs (started, inputs_json) VALUES (?, ?)", (_now(), json.dumps(inputs))
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run: int, counts: dict[str, int], failures: list[dict[str, str]]) -> None:
        with self._lock:
            self._db.execute(
                "UPDATE runs SET finished = ?, counts_json = ?, failures_json = ? WHERE id = ?",
                (_now(), json.dumps(counts), json.dumps(failures), run),
            )

    def put_digest(self, day: date, digest_json: str) -> None:
        """Keep the day's digest (the latest build of a day replaces the earlier): tomorrow's follows its stories.

        Kept zlib-compressed (a digest carries every article's text and brief:
        about a tenth of the JSON's size).
        """
        packed = zlib.compress(digest_json.encode("utf-8"), 6)
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO digests (day, built, digest_json) VALUES (?, ?, ?)",
                (day.isoformat(), _now(), packed),
            )

    def digest_days(self) -> list[date]:
        """The days with a stored digest, oldest first."""
        with self._lock:
            rows = self._db.execute("SELECT day FROM digests ORDER BY day").fetchall()
        return [date.fromisoformat(row[0]) for row in rows]

    def digest_json(self, day: date) -> str | None:
        """The stored digest's JSON (compressed or, as first stored, plain text)."""
        with self._lock:
            row = self._db.execute("SELECT digest_json FROM digests WHERE day = ?", (day.isoformat(),)).fetchone()
        if not row:
            return None
        value = row[0]
        return zlib.decompress(value).decode("utf-8") if isinstance(value, bytes) else str(value)

    def runs(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._db.execute(
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
