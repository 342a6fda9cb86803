"""``summarizer batch`` as a function: inputs in, shards of rows out, resumable, on either executor."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from summarizer.brief.engine import Summarizer
from summarizer.bulk.inputs import read_inputs, units
from summarizer.bulk.lock import hold, hold_store
from summarizer.bulk.rows import Row, Task, key_text
from summarizer.bulk.settings import JobSettings
from summarizer.bulk.shards import (
    ShardWriter,
    check_writable,
    compact,
    done,
    index,
    next_run,
    unreadable,
    write_manifest,
)
from summarizer.bulk.work import Settle
from summarizer.digest.briefing import brief_key
from summarizer.digest.store import BriefKey, Store, content_hash
from summarizer.errors import ConfigError

logger = logging.getLogger(__name__)

Engine = Literal["local", "ray"]
SHARD_ROWS = 10_000
"""Rows per shard: files of a few tens of MB, few enough for a directory listing at ten million articles."""

Progress = Callable[[str, str], None]
"""Called with (source, "made" | "failed" | "done" | "skipped") as each article or input is settled."""


@dataclass
class BulkResult:
    out: Path
    run: int
    key: BriefKey
    made: int = 0
    already: int = 0
    """Articles the directory already held a brief of (no model call)."""
    failures: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    unreadable: int = 0
    """Lines of the directory's shards that hold no row (torn by a kill, or damaged): skipped, their articles
    briefed again if the inputs hold them, the lines dropped at the end of the run."""

    @property
    def complete(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class Job:
    inputs: list[str]
    out: Path
    settings: JobSettings = field(default_factory=JobSettings)
    engine: Engine = "local"
    fmt: str = "jsonl"
    shard_rows: int = SHARD_ROWS
    store: Path | None = None
    """The SQLite store of the local executor and the Batch API (default: the one ``summarizer digest`` uses)."""
    ray_address: str | None = None
    actors: int | None = None
    cpus_per_actor: float = 1
    batch_size: int = 4
    """Articles per Ray actor call: a killed worker repeats at most this many."""
    batch_api: bool = False
    """Send the first request of every brief through the server's Batch API (see batch_api.py)."""
    poll_s: float = 60.0


def run_job(job: Job, progress: Progress | None = None, status: Callable[[str], None] | None = None) -> BulkResult:
    """Brief every article of the inputs the output directory does not hold yet; write rows, then the manifest.

    The directory is locked for the whole run (any engine; on Ray, by the driver), and so is the store the
    local engine and the Batch API write: a second run on either is refused at once (OutputInUseError, StoreInUseError), since
    two writers would share a run number and compact each other's shards away, or pay for the same briefs twice.
    A run that ends early (Ctrl-C, an error) is recorded in the manifest as such, with what it wrote.
    """
    if job.engine == "ray" and not job.batch_api:
        from summarizer.bulk.ray_engine import check_fits

        check_fits(job.cpus_per_actor, job.ray_address)  # before any lock, input or Ray start
    check_writable(job.out)
    with hold(job.out), ExitStack() as held:
        store = None
        if job.engine == "local":  # local and Batch API runs write the store; Ray's actors do not
            store = held.enter_context(Store(job.store))  # recognised first: a file not ours gets no lock beside it
            held.enter_context(hold_store(store.path))
        return _run_locked(job, store, progress, status)


def _run_locked(
    job: Job, store: Store | None, progress: Progress | None, status: Callable[[str], None] | None
) -> BulkResult:
    started = time.monotonic()
    engine = job.settings.summarizer()  # resolves the model spec now: a bad one fails before any work
    key = brief_key(engine)
    result = BulkResult(job.out, next_run(job.out), key)
    tell = progress or (lambda _source, _outcome: None)
    held = _held(job, key, result)
    writer = ShardWriter(job.out, result.run, job.fmt, job.shard_rows)
    try:
        for batch in _batches(job, engine, held, key, store, _settler(result, tell), status):
            writer.write(batch)
            for row in batch:
                _count(result, row, tell)
    except BaseException as error:
        writer.close()
        result.seconds = time.monotonic() - started
        _record_unfinished(job, result, error)
        raise
    finally:
        writer.close()
        engine.close()
        if job.engine == "ray" and not job.batch_api:
            from summarizer.bulk.ray_engine import leave

            leave()
    now = compact(job.out, job.fmt)
    result.seconds = time.monotonic() - started
    write_manifest(job.out, job.fmt, now, _run_record(job, result))
    return result


def _batches(
    job: Job,
    engine: Summarizer,
    held: set[str],
    key: BriefKey,
    store: Store | None,
    settle: Settle,
    status: Callable[[str], None] | None,
) -> Iterator[list[Row]]:
    """The rows of the chosen executor, batch by batch: on Ray, Ray Data reads the inputs; else this process does."""
    if job.engine == "ray" and not job.batch_api:
        from summarizer.bulk.ray_engine import run_ray

        engine.close()
        return run_ray(
            list(units(job.inputs)),
            held,
            settle,
            job.settings,
            key,
            address=job.ray_address,
            actors=job.actors,
            cpus_per_actor=job.cpus_per_actor,
            batch_size=job.batch_size,
        )
    tasks = _tasks(job, held, settle)
    if job.batch_api:
        from summarizer.bulk.batch_api import run_batch_api

        return run_batch_api(
            engine,
            tasks,
            key,
            job.out,
            store_path=job.store,
            poll_s=job.poll_s,
            status=status or (lambda _m: None),
        )
    from summarizer.bulk.local import run_local

    assert store is not None  # run_job opens it for the local engine
    return run_local(engine, tasks, key, concurrency=job.settings.concurrency, store=store)


def _record_unfinished(job: Job, result: BulkResult, error: BaseException) -> None:
    """Record a run that ended early, so its number is taken and its rows are accounted for (best effort:
    a full disk or a vanished directory may be why it ended)."""
    record = _run_record(job, result)
    record["ended"] = "interrupted" if isinstance(error, KeyboardInterrupt) else "failed"
    if not isinstance(error, KeyboardInterrupt):
        record["error"] = " ".join(str(error).split())[:300] or type(error).__name__
    with suppress(OSError, ValueError, ConfigError):
        write_manifest(job.out, job.fmt, index(job.out), record)


def _held(job: Job, key: BriefKey, result: BulkResult) -> set[str]:
    """The hashes of the articles the output directory holds a brief of under ``key`` (a re-run skips them)."""
    found = index(job.out)
    result.unreadable = unreadable(found)
    wanted = key_text(key)
    return {digest for digest, row_key in done(found).briefed if row_key == wanted}


def _settler(result: BulkResult, tell: Progress) -> Settle:
    """Counts an input that needs no brief: held already ("done") or giving no article ("skipped", with why)."""

    def settle(source: str, outcome: str, reason: str | None) -> None:
        if outcome == "skipped":
            result.skipped.append((source, reason or "no article"))
            logger.info("skipped %s: %s", source, reason or "no article")
        else:
            result.already += 1
        tell(source, outcome)

    return settle


def _tasks(job: Job, held: set[str], settle: Settle) -> Iterator[Task]:
    """The inputs' articles not held yet, each once (the same text under two names is one), read in this process."""
    seen: set[str] = set()
    for item in read_inputs(job.inputs):
        if item.article is None:
            settle(item.source, "skipped", item.skipped)
            continue
        digest = content_hash(item.article.text)
        if digest in seen:
            continue
        seen.add(digest)
        if digest in held:
            settle(item.source, "done", None)
            continue
        yield Task(digest, item.source, item.article)


def _count(result: BulkResult, row: Row, tell: Progress) -> None:
    if row.get("brief") is not None:
        result.made += 1
        tell(row["source"], "made")
    else:
        result.failures.append((row["source"], str(row.get("error"))))
        logger.info("no brief of %s: %s", row["source"], row.get("error"))
        tell(row["source"], "failed")


def _run_record(job: Job, result: BulkResult) -> dict[str, object]:
    return {
        "run": result.run,
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "engine": job.engine,
        "inputs": job.inputs,
        "brief_key": key_text(result.key),
        "made": result.made,
        "already": result.already,
        "failed": len(result.failures),
        "skipped": [{"source": s, "reason": r} for s, r in result.skipped],
        "seconds": round(result.seconds, 1),
        "ended": "finished",
        "unreadable_rows": result.unreadable,
    }
