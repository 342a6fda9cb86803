"""The inputs as a Ray Data datasource: Ray's workers read the articles, the driver only lists what to read.

The driver cuts the inputs into units (``bulk.inputs.units``: paths, URLs and
Parquet row-group numbers, never article text) and Ray Data runs one read
task per group of units on its workers, each reading its units with the same
code as the local engine (``bulk.inputs.read_unit``), so a damaged line, a
BOM, a feed or a Parquet row give the same article or the same reason.
Each read row carries the article's content hash, its source, the article
as JSON, or why the input gave none.

Local paths exist on the driver's machine only, so reads stay on its node
(``supports_distributed_reads``); the briefing actors run anywhere.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa
from ray.data.block import BlockMetadata
from ray.data.datasource import Datasource, ReadTask

from summarizer.bulk.inputs import Unit, read_unit
from summarizer.digest.store import content_hash

READ_COLUMNS = ("article_hash", "source", "article", "skipped")
READ_SCHEMA = pa.schema([(column, pa.string()) for column in READ_COLUMNS])
BLOCK_ROWS = 64
"""Rows per block a read task yields: a long JSON Lines file streams to the actors in pieces instead of whole;
64 articles of ~5 KB is ~300 KB a block, small beside Ray's object store and big enough to keep the per-block cost
low. Chosen by hand, not measured."""


class InputsDatasource(Datasource):
    """The units of ``summarizer batch``'s inputs, read by Ray Data's read tasks."""

    def __init__(self, units: list[Unit]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.units = units

    def get_name(self) -> str:
        return "SummarizerInputs"

    @property
    def supports_distributed_reads(self) -> bool:
        """Only when every unit is a URL: a local path is readable on the driver's node alone."""
        return all(unit.source.startswith(("http://", "https://")) for unit in self.units)

    def estimate_inmemory_data_size(self) -> int | None:
        return sum(_size(unit) for unit in self.units) or None

    def get_read_tasks(
        self, parallelism: int, per_task_row_limit: int | None = None, data_context: Any = None
    ) -> list[ReadTask]:
        """At most ``parallelism`` tasks, each reading a contiguous run of units in order."""
        count = max(1, min(parallelism, len(self.units)))
        size, extra = divmod(len(self.units), count)
        tasks, start = [], 0
        for number in range(count):
            group = self.units[start : start + size + (number < extra)]
            start += len(group)
            metadata = BlockMetadata(
                num_rows=None,
                size_bytes=sum(_size(unit) for unit in group) or None,
                exec_stats=None,
                input_files=tuple(unit.source for unit in group),
            )
            tasks.append(ReadTask(partial(read_blocks, group), metadata, schema=READ_SCHEMA))
        return tasks


def read_blocks(units: list[Unit]) -> Iterator[pa.Table]:
    """The read rows of ``units``, ``BLOCK_ROWS`` at a time."""
    rows: list[dict[str, str | None]] = []
    for unit in units:
        for item in read_unit(unit):
            if item.article is None:
                rows.append({"article_hash": None, "source": item.source, "article": None,
                             "skipped": item.skipped or "no article"})  # fmt: skip
            else:
                rows.append({"article_hash": content_hash(item.article.text), "source": item.source,
                             "article": item.article.model_dump_json(), "skipped": None})  # fmt: skip
            if len(rows) >= BLOCK_ROWS:
                yield pa.Table.from_pylist(rows, schema=READ_SCHEMA)
                rows = []
    if rows:
        yield pa.Table.from_pylist(rows, schema=READ_SCHEMA)


def _size(unit: Unit) -> int:
    """Bytes on disk of a unit's file (a row group counts its whole file: an estimate is all Ray asks)."""
    if unit.source.startswith(("http://", "https://")):
        return 0
    try:
        return os.stat(Path(unit.source)).st_size if Path(unit.source).is_file() else 0
    except OSError:
        return 0
