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

from summarizer.bulk.rows import COLUMNS, Row, flat, is_row, key_of, nested
from summarizer.distribution import install_line
from summarizer.errors import ConfigError
from summarizer.files import write_atomically

MANIFEST = "manifest.json"
SHARD = re.compile(r"^briefs-(\d+)-(\d+)\.(jsonl|parquet)$")
FORMATS = ("jsonl", "parquet")
PARQUET_HINT = f"Parquet needs pyarrow: {install_line('ray')} (or pyarrow)"


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
    """The rows of one shard in order; None for a line that holds no row (torn by a kill, or damaged: bytes that
    are not UTF-8, not JSON, a row without its key), dropped at the next compaction."""
    if path.suffix == ".parquet":
        for values in _read_parquet(path).to_pylist():
            yield _checked(values)
        return
    with path.open("rb") as stream:  # bytes: one damaged line must not make the others unreadable
        for line in stream:
            try:
                row = json.loads(line.decode("utf-8"))
            except ValueError:  # UnicodeDecodeError is one
                yield None
                continue
            yield row if is_row(row) else None


def _checked(values: dict[str, Any]) -> Row | None:
    """A Parquet row read back, or None when its JSON text columns are damaged."""
    try:
        row = nested(values)
    except ValueError:
        return None
    return row if is_row(row) else None


Ref = tuple[str, str, bool]
"""A row as the index knows it: (article hash, brief key, has a brief)."""
Index = dict[Path, list[Ref | None]]


def index(out: Path) -> Index:
    """One pass over the shards: each row's hash, key and whether it holds a brief (None: a line with no row).

    Parquet shards are read by three small columns; JSONL lines are parsed. A shard none of whose lines is a
    row (another program's file under a shard's name) is a ConfigError: it is never compacted away.
    """
    found: Index = {}
    for path in shards(out):
        if path.suffix == ".parquet":
            table = _read_parquet(path, columns=["article_hash", "brief_key", "error"]).to_pylist()
            found[path] = [
                None if (row := _checked(v)) is None else (row["article_hash"], key_of(row), v["error"] is None)
                for v in table
            ]
        else:
            found[path] = [
                None if row is None else (row["article_hash"], key_of(row), row.get("brief") is not None)
                for row in read_shard(path)
            ]
            _check_ours(path, found[path])
    return found


def unreadable(found: Index) -> int:
    """Lines of the shards that hold no row (torn or damaged)."""
    return sum(ref is None for refs in found.values() for ref in refs)


def _check_ours(path: Path, refs: list[Ref | None]) -> None:
    """Refuse a JSONL shard with no row at all, unless it is one line a kill tore (no line end)."""
    if not refs or any(ref is not None for ref in refs):
        return
    with path.open("rb") as stream:
        stream.seek(-1, os.SEEK_END)
        torn = len(refs) == 1 and stream.read(1) != b"\n"
    if not torn:
        raise ConfigError(
            f"{path} holds no row summarizer wrote ({len(refs)} lines, none a row): move it out of {path.parent} "
            "or restore it (it is left untouched)"
        )


def keepers(found: Index) -> set[tuple[Path, int]]:
    """Per article and key, the row that stands: the first brief, else the last error."""
    keep: dict[tuple[str, str], tuple[Path, int]] = {}
    briefed: set[tuple[str, str]] = set()
    for path, refs in found.items():
        for number, ref in enumerate(refs):
            if ref is None or (ref[0], ref[1]) in briefed:
                continue
            keep[(ref[0], ref[1])] = (path, number)
            if ref[2]:
                briefed.add((ref[0], ref[1]))
    return set(keep.values())


def rows(out: Path) -> Iterator[Row]:
    """Every row of the directory, one per article and brief key (a brief wins over an error, the newest error wins)."""
    keep = keepers(index(out))
    for path in shards(out):
        for number, row in enumerate(read_shard(path)):
            if row is not None and (path, number) in keep:
                yield row


def done(found: Index) -> Done:
    """The articles already briefed (skipped by a re-run) or failed (retried by it)."""
    result = Done()
    for refs in found.values():
        for ref in refs:
            if ref is not None:
                (result.briefed if ref[2] else result.failed).add((ref[0], ref[1]))
    result.failed -= result.briefed
    return result


def compact(out: Path, fmt: str) -> Index:
    """Rewrite (atomically) every shard holding a superseded or torn row; convert journals of a Parquet run.

    Returns the index of the directory as it is now (one row per article and key).
    """
    found = index(out)
    keep = keepers(found)
    now: Index = {}
    for path, refs in found.items():
        standing = [number for number in range(len(refs)) if (path, number) in keep]
        convert = fmt == "parquet" and path.suffix == ".jsonl"
        if len(standing) == len(refs) and not convert:
            now[path] = refs
            continue
        kept = [row for number, row in enumerate(read_shard(path)) if row is not None and (path, number) in keep]
        if not kept:
            path.unlink()
            continue
        target = path
        if fmt == "parquet" or path.suffix == ".parquet":
            target = path.with_suffix(".parquet")
            _write_parquet(target, kept)
            if path.suffix == ".jsonl":
                path.unlink()
        else:
            write_atomically(path, "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in kept))
        now[target] = [refs[number] for number in standing]
    return now


def next_run(out: Path) -> int:
    """One more than any run a shard or the manifest names: a run that wrote no shard still took its number."""
    recorded = [run.get("run") for run in _manifest(out).get("runs", []) if isinstance(run, dict)]
    numbers = [_number(p)[0] for p in shards(out)] + [n for n in recorded if isinstance(n, int)]
    return max(numbers, default=0) + 1


def _manifest(out: Path) -> dict[str, Any]:
    """The manifest as written, or empty when there is none (or it cannot be read: the shards are the truth)."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


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


def write_manifest(out: Path, fmt: str, found: Index, run: dict[str, Any]) -> dict[str, Any]:
    """Summarise the shards after a run (the shards stay the truth), keeping the history of runs."""
    path = out / MANIFEST
    history = _manifest(out).get("runs")
    history = history if isinstance(history, list) else []
    counts: dict[str, dict[str, int]] = {}
    for refs in found.values():
        for ref in refs:
            if ref is not None:
                per = counts.setdefault(ref[1], {"briefs": 0, "errors": 0})
                per["briefs" if ref[2] else "errors"] += 1
    manifest = {
        "format": fmt,
        "columns": list(COLUMNS),
        "updated": datetime.now(UTC).isoformat(timespec="seconds"),
        "keys": counts,
        "shards": [
            {"file": shard.name, "rows": len(refs)}
            for shard, refs in sorted(found.items(), key=lambda i: _number(i[0]))
        ],
        "runs": [*history, run],
    }
    write_atomically(path, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return manifest


def _parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError(PARQUET_HINT) from None
    return pq


def _read_parquet(path: Path, columns: list[str] | None = None) -> Any:
    """A Parquet shard's table; a file that is not one (or lacks our columns) is a ConfigError naming it."""
    pq = _parquet()
    import pyarrow as pa

    try:
        return pq.read_table(path, columns=columns)
    except (pa.ArrowException, OSError, ValueError, KeyError) as error:
        said = " ".join(str(error).split()).rpartition(f"{path}': ")[2].split(". ")[0][:160]  # pyarrow repeats the path
        raise ConfigError(
            f"{path} is not a Parquet shard summarizer can read ({said}): move it out of {path.parent} or restore it "
            "(it is left untouched)"
        ) from None


def _write_parquet(path: Path, rows_: list[Row]) -> None:
    """One Parquet file, whole or absent (written beside it and renamed)."""
    import pyarrow as pa

    pq = _parquet()
    table = pa.Table.from_pylist([flat(row) for row in rows_], schema=pa.schema([(c, pa.string()) for c in COLUMNS]))
    temporary = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, path)
