"""What an output directory knows of its Batch API batches: ``batch-api.json`` and each batch's articles.

``batch-api.json`` holds one record per submitted request file: its content
hash (``request``, also the batch's ``metadata.summarizer_run`` on the
server), the input file's id, the batch id, the ``custom_ids`` it holds and
whether its answers are kept (``collected``). Beside it,
``batch-api/REQUEST.jsonl`` keeps the articles of that batch (hash, source,
article), so whichever run collects the batch can ground every answer, even
one over other articles.

A damaged file or record never blocks a run: it is moved aside (or dropped)
with one warning, since the server still knows the batch by its request's hash
and a re-run finds it there before creating anything.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from summarizer.bulk.rows import Task
from summarizer.files import write_atomically
from summarizer.ingest.article import Article

logger = logging.getLogger(__name__)

STATE = "batch-api.json"
ARTICLES = "batch-api"
Record = dict[str, Any]


class BatchState:
    """The records of one output directory, loaded leniently and saved atomically after every step."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.path = out / STATE
        self.records: list[Record] = self._load()

    def save(self) -> None:
        write_atomically(self.path, json.dumps({"batches": self.records}, indent=2) + "\n")

    def open_records(self) -> list[Record]:
        return [r for r in self.records if not r.get("collected")]

    def collected_ids(self) -> set[str]:
        """Batches whose answers this directory already kept: never adopted again by their request's hash."""
        return {str(r["id"]) for r in self.records if r.get("collected") and r.get("id")}

    def add(self, request: str, tasks: list[Task], custom_ids: list[str]) -> Record:
        """Record a request file before anything is sent: its articles first, then the record."""
        _write_articles(self.articles_path(request), tasks, custom_ids)
        record: Record = {
            "request": request,
            "input_file_id": None,
            "id": None,
            "custom_ids": custom_ids,
            "articles": f"{ARTICLES}/{request}.jsonl",
        }
        self.records.append(record)
        self.save()
        return record

    def drop(self, record: Record) -> None:
        self.records.remove(record)
        self.save()
        self._forget_articles(record)

    def mark_collected(self, record: Record, status: str) -> None:
        """Called only once the batch's rows are on disk: its articles' copy is then no longer needed."""
        record.update(collected=True, status=status)
        self.save()
        self._forget_articles(record)

    def articles_path(self, request: str) -> Path:
        return self.out / ARTICLES / f"{request}.jsonl"

    def tasks(self, record: Record) -> dict[str, Task]:
        """custom_id → article of a batch, as recorded when it was submitted (empty for a record of before)."""
        name = record.get("articles")
        if not isinstance(name, str):
            return {}
        try:
            lines = (self.out / name).read_text(encoding="utf-8").splitlines()
        except OSError as error:
            logger.warning("%s: the articles of batch %s cannot be read (%s)", self.out / name, record.get("id"), error)
            return {}
        return dict(_read_tasks(lines, self.out / name))

    def _forget_articles(self, record: Record) -> None:
        name = record.get("articles")
        if isinstance(name, str):
            (self.out / name).unlink(missing_ok=True)

    def _load(self) -> list[Record]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        try:
            state = json.loads(text)
            records = state["batches"]
            if not isinstance(records, list):
                raise TypeError
        except (ValueError, TypeError, KeyError):
            moved = self._move_aside()
            logger.warning(
                "%s was not a record of batches (moved to %s); starting a new one: a batch it named is found "
                "again on the server by its request, so nothing is submitted twice",
                self.path,
                moved.name,
            )
            return []
        good = [r for r in records if _usable(r)]
        if len(good) < len(records):
            moved = self._move_aside(keep=True)
            logger.warning(
                "%s: %d record(s) without custom_ids or with a bad batch id were dropped (the file as it was is %s); "
                "a batch they named is found again on the server by its request",
                self.path,
                len(records) - len(good),
                moved.name,
            )
            write_atomically(self.path, json.dumps({"batches": good}, indent=2) + "\n")
        return good

    def _move_aside(self, *, keep: bool = False) -> Path:
        """The damaged file under a dated name, for a human to look at; ``keep``: copy it, leave it in place."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{STATE}.damaged-{stamp}")
        if keep:
            target.write_bytes(self.path.read_bytes())
        else:
            self.path.replace(target)
        return target


def _usable(record: object) -> bool:
    """A record this code can resume: custom_ids a list of strings, ids strings or not yet known."""
    if not isinstance(record, dict):
        return False
    ids = record.get("custom_ids")
    known = (record.get("id"), record.get("input_file_id"), record.get("request"))
    return (
        isinstance(ids, list)
        and all(isinstance(i, str) for i in ids)
        and all(v is None or isinstance(v, str) for v in known)
        and any(v is not None for v in known)
    )


def _write_articles(path: Path, tasks: Iterable[Task], custom_ids: Iterable[str]) -> None:
    lines = (
        json.dumps(
            {
                "custom_id": cid,
                "article_hash": t.article_hash,
                "source": t.source,
                "article": t.article.model_dump(mode="json"),
            },
            ensure_ascii=False,
        )
        + "\n"
        for t, cid in zip(tasks, custom_ids, strict=True)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, "".join(lines))


def _read_tasks(lines: list[str], path: Path) -> Iterator[tuple[str, Task]]:
    bad = 0
    for line in lines:
        try:
            entry = json.loads(line)
            yield (
                entry["custom_id"],
                Task(entry["article_hash"], entry["source"], Article.model_validate(entry["article"])),
            )
        except (ValueError, KeyError, TypeError):
            bad += 1
    if bad:
        logger.warning("%s: %d line(s) are not articles (skipped); a re-run submits those articles again", path, bad)
