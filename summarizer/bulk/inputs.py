"""The bulk job's inputs: whatever the digest reads, plus Parquet files of articles.

JSON Lines, directories, feeds and URLs are read by ``ingest.inputs.collect``
exactly as the digest reads them; a ``.parquet`` file (or one inside a
directory) is read here, a row group at a time, with the same fields as a
JSON Lines article (``text`` required; ``title``, ``outlet``, ``url``,
``published``, ``language``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

from summarizer.distribution import install_line
from summarizer.errors import ArticleError
from summarizer.ingest.article import article_from_json
from summarizer.ingest.inputs import Item, collect, read_item

FIELDS = ("text", "title", "outlet", "url", "published", "language")


def read_inputs(specs: list[str]) -> Iterator[Item]:
    """Every article of the inputs in order; inputs that give none come with their reason."""
    for spec in specs:
        if spec.lower().endswith(".parquet") and Path(spec).is_file():
            yield from read_parquet(Path(spec))
            continue
        for item in collect([spec]):
            if item.article is None and item.source.lower().endswith(".parquet") and Path(item.source).is_file():
                yield from read_parquet(Path(item.source))
            else:
                yield item


def read_parquet(path: Path) -> Iterator[Item]:
    """One Item per row (source ``FILE#ROW``, from 1); a file without a ``text`` column is one skipped input."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield Item(str(path), skipped=f"reading Parquet needs pyarrow: {install_line('ray')} (or pyarrow)")
        return
    try:
        table = pq.ParquetFile(path)
    except Exception as error:  # pyarrow raises its own types for a file that is not Parquet
        yield Item(str(path), skipped=f"not a Parquet file ({' '.join(str(error).split())[:160]})")
        return
    names = table.schema_arrow.names
    if "text" not in names:
        shown = ", ".join(names[:8]) + (", …" if len(names) > 8 else "")
        yield Item(str(path), skipped=f"Parquet file has no 'text' column (columns: {shown or 'none'})")
        return
    columns = [c for c in FIELDS if c in names]
    number = 0
    for batch in table.iter_batches(columns=columns):
        for values in batch.to_pylist():
            number += 1
            yield _row_item(values, f"{path}#{number}")


def _row_item(values: dict[str, Any], source: str) -> Item:
    """A Parquet row read as the same JSON object a JSON Lines article is (same checks, same errors)."""
    fields = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in values.items() if v is not None}
    try:
        return read_item(source, partial(article_from_json, json.dumps(fields), source))
    except ArticleError as error:
        return Item(source, skipped=str(error).removeprefix(f"{source}: "))
