"""The output directory: numbered shards of rows plus a manifest, safe to resume after any crash.

Shards are named ``briefs-RUN-PART.jsonl`` (or ``.parquet``). A JSONL shard
is appended and flushed batch by batch, so a kill loses at most the batch in
flight (a torn last line is ignored and its article made again); a Parquet
shard is journalled as JSONL and converted when complete. The shards are the
truth: the manifest summarises them and is rewritten after every run.
After a run, rows a newer row supersedes (an error later briefed, a torn
line) are removed, so the directory holds one row per article and brief key.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from summarizer.bulk.rows import COLUMNS, Row, flat, key_of, nested
from summarizer.errors import ConfigError
from summarizer.files import write_atomically

MANIFEST = "manifest.json"
SHARD = re.compile(r"^briefs-(\d+)-(\d+)\.(jsonl|parquet)$")
FORMATS = ("jsonl", "parquet")
PARQUET_HINT = "Parquet needs pyarrow: pip install 'summarizer[ray]' (or pyarrow)"


@dataclass
class Done:
    """What the directory already holds, per (article hash, brief key)."""

    briefed: set[tuple[str, str]] = field(default_factory=set)
    failed: set[tuple[str, str]] = field(default_factory=set)

    def has(self, article_hash: str, key: str) -> bool:
        return (article_hash, key) in self.briefed


def shards(out: Path) -> list[Path]:
    """Every shard file, oldest run first."""
    found = [p for p in out.iterdir() if SHARD.match(p.name)] if out.is_dir() else []
    return sorted(found, key=_number)


def _number(path: Path) -> tuple[int, int]:
    """(run, part) of a shard's name."""
    match = SHARD.match(path.name)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def read_shard(path: Path) -> Iterator[Row | None]:
    """The rows of one shard in order; None for a line a kill tore (it is dropped at the next compaction)."""
    if path.suffix == ".parquet":
        for values in _parquet().read_table(path).to_pylist():
            yield nested(values)
        return
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            try:
                row = json.loads(line)
            except ValueError:
                yield None
                continue
            yield row if isinstance(row, dict) and "article_hash" in row and "brief_key" in row else None


def rows(out: Path) -> Iterator[Row]:
    """Every row of the directory, one per article and brief key (a brief wins over an error, the newest error wins)."""
    keep = _keepers(out)
    for path in shards(out):
        for index, row in enumerate(read_shard(path)):
            if row is not None and keep.get((row["article_hash"], key_of(row))) == (path, index):
                yield row


def done(out: Path) -> Done:
    """The articles already briefed (skipped by a re-run) or failed (retried by it)."""
    result = Done()
    for path in shards(out):
        for row in read_shard(path):
            if row is None:
                continue
            ident = (row["article_hash"], key_of(row))
            (result.briefed if row.get("brief") is not None else result.failed).add(ident)
    result.failed -= result.briefed
    return result


def _keepers(out: Path) -> dict[tuple[str, str], tuple[Path, int]]:
    """Per article and key, the row that stands: the first brief, else the last error."""
    keep: dict[tuple[str, str], tuple[Path, int]] = {}
    briefed: set[tuple[str, str]] = set()
    for path in shards(out):
        for index, row in enumerate(read_shard(path)):
            if row is None:
                continue
            ident = (row["article_hash"], key_of(row))
            if ident in briefed:
                continue
            keep[ident] = (path, index)
            if row.get("brief") is not None:
                briefed.add(ident)
    return keep


def compact(out: Path, fmt: str) -> None:
    """Rewrite (atomically) every shard holding a superseded or torn row; convert journals of a Parquet run."""
    keep = set(_keepers(out).values())
    for path in shards(out):
        kept = [row for index, row in enumerate(read_shard(path)) if row is not None and (path, index) in keep]
        convert = fmt == "parquet" and path.suffix == ".jsonl"
        total = sum(1 for _ in read_shard(path))
        if len(kept) == total and not convert:
            continue
        if not kept:
            path.unlink()
        elif fmt == "parquet" or path.suffix == ".parquet":
            _write_parquet(path.with_suffix(".parquet"), kept)
            if path.suffix == ".jsonl":
                path.unlink()
        else:
            write_atomically(path, "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in kept))


def next_run(out: Path) -> int:
    return max((_number(p)[0] for p in shards(out)), default=0) + 1


def check_writable(out: Path) -> None:
    """Refuse an output directory we cannot write, before any model call, with one line saying what to do."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(f"cannot create the output directory {out}: {error.strerror or error}") from None
    if not out.is_dir():
        raise ConfigError(f"{out} is not a directory: give --out a directory")
    probe = out / f".write-test-{os.getpid()}"
    try:
        probe.write_text("")
        probe.unlink()
    except OSError as error:
        raise ConfigError(
            f"cannot write to {out}: {error.strerror or error} (give --out a writable directory)"
        ) from None


class ShardWriter:
    """Appends rows to this run's shards, flushed and synced after every batch; rolls every ``shard_rows``."""

    def __init__(self, out: Path, run: int, fmt: str, shard_rows: int) -> None:
        if fmt == "parquet":
            _parquet()  # fail before any model call, not at the first full shard
        self.out, self.run, self.fmt, self.shard_rows = out, run, fmt, shard_rows
        self.part = 0
        self.in_part = 0
        self.written = 0
        self._stream: TextIO | None = None
        self._path: Path | None = None

    def write(self, batch: list[Row]) -> None:
        for row in batch:
            if self._stream is None:
                self.part += 1
                self._path = self.out / f"briefs-{self.run:05d}-{self.part:05d}.jsonl"
                self._stream = self._path.open("a", encoding="utf-8")
            self._stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            self.in_part += 1
            self.written += 1
            if self.in_part >= self.shard_rows:
                self._close_part()
        if self._stream is not None:
            self._stream.flush()
            os.fsync(self._stream.fileno())

    def close(self) -> None:
        self._close_part()

    def _close_part(self) -> None:
        if self._stream is None or self._path is None:
            return
        self._stream.flush()
        os.fsync(self._stream.fileno())
        self._stream.close()
        self._stream = None
        self.in_part = 0
        if self.fmt == "parquet":
            rows_ = [row for row in read_shard(self._path) if row is not None]
            _write_parquet(self._path.with_suffix(".parquet"), rows_)
            self._path.unlink()


def write_manifest(out: Path, fmt: str, run: dict[str, Any]) -> dict[str, Any]:
    """Summarise the shards after a run (the shards stay the truth), keeping the history of runs."""
    path = out / MANIFEST
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}
    counts: dict[str, dict[str, int]] = {}
    files = []
    for shard in shards(out):
        n = 0
        for row in read_shard(shard):
            if row is None:
                continue
            n += 1
            per = counts.setdefault(key_of(row), {"briefs": 0, "errors": 0})
            per["briefs" if row.get("brief") is not None else "errors"] += 1
        files.append({"file": shard.name, "rows": n})
    manifest = {
        "format": fmt,
        "columns": list(COLUMNS),
        "updated": datetime.now(UTC).isoformat(timespec="seconds"),
        "keys": counts,
        "shards": files,
        "runs": [*old.get("runs", []), run],
    }
    write_atomically(path, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return manifest


def _parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError(PARQUET_HINT) from None
    return pq


def _write_parquet(path: Path, rows_: list[Row]) -> None:
    """One Parquet file, whole or absent (written beside it and renamed)."""
    import pyarrow as pa

    pq = _parquet()
    table = pa.Table.from_pylist([flat(row) for row in rows_], schema=pa.schema([(c, pa.string()) for c in COLUMNS]))
    temporary = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, path)
