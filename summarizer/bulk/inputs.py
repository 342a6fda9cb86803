"""The bulk job's inputs: whatever the digest reads, plus Parquet files of articles, in units a reader reads alone.

JSON Lines, directories, feeds and URLs are read by ``ingest.inputs`` exactly
as the digest reads them; a ``.parquet`` file (or one inside a directory) is
read here, a row group at a time, with the same fields as a JSON Lines
article (``text`` required; ``title``, ``outlet``, ``url``, ``published``,
``language``).

The inputs are cut into :class:`Unit` s (an input as given, one file of an
input directory, one row group of a Parquet file) so the local engine and Ray
Data's readers (``bulk/ray_inputs.py``) read the same articles the same way:
listing the units opens no article, reading one unit needs nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Literal

from summarizer.distribution import install_line
from summarizer.errors import ArticleError
from summarizer.ingest.article import article_from_json
from summarizer.ingest.inputs import Item, collect, directory_entry, directory_files, read_item

FIELDS = ("text", "title", "outlet", "url", "published", "language")


@dataclass(frozen=True)
class Unit:
    """A part of the inputs one reader reads alone, named by paths and numbers only (no article text)."""

    source: str
    kind: Literal["input", "entry", "parquet"] = "input"
    """input: as the user gave it; entry: a file found in an input directory (read by the directory's rules);
    parquet: a Parquet file, or one row group of it."""
    row_group: int | None = None
    first_row: int = 1
    """The file's number of the row group's first row (sources are ``FILE#ROW``, from 1)."""


def read_inputs(specs: list[str]) -> Iterator[Item]:
    """Every article of the inputs in order; inputs that give none come with their reason."""
    for unit in units(specs):
        yield from read_unit(unit)


def units(specs: list[str]) -> Iterator[Unit]:
    """The inputs' units in reading order: directories are listed and Parquet footers read, no article is."""
    for spec in specs:
        path = Path(spec)
        if _is_parquet(path):
            yield from _parquet_units(path)
        elif not spec.startswith(("http://", "https://")) and path.is_dir() and (files := directory_files(path)):
            for file in files:
                yield from _parquet_units(file) if _is_parquet(file) else [Unit(str(file), "entry")]
        else:
            yield Unit(spec)  # a file, a URL, a missing path or an empty directory: collect says which


def read_unit(unit: Unit) -> Iterator[Item]:
    """The Items of one unit, as reading the whole input would give them."""
    if unit.kind == "parquet":
        yield from read_parquet(Path(unit.source), unit.row_group, unit.first_row)
    elif unit.kind == "entry":
        yield from directory_entry(Path(unit.source))
    else:
        yield from collect([unit.source])


def _is_parquet(path: Path) -> bool:
    return path.suffix.lower() == ".parquet" and path.is_file()


def _parquet_units(path: Path) -> Iterator[Unit]:
    """One unit per row group; a file whose footer cannot be read is one unit, whose reading says why."""
    try:
        import pyarrow.parquet as pq

        parquet = pq.ParquetFile(path)
    except Exception:  # ImportError, or pyarrow's own errors for a file that is not Parquet: read_parquet words it
        yield Unit(str(path), "parquet")
        return
    if "text" not in parquet.schema_arrow.names:
        yield Unit(str(path), "parquet")
        return
    first = 1
    for group in range(parquet.metadata.num_row_groups):
        yield Unit(str(path), "parquet", group, first)
        first += parquet.metadata.row_group(group).num_rows


def read_parquet(path: Path, row_group: int | None = None, first_row: int = 1) -> Iterator[Item]:
    """One Item per row (source ``FILE#ROW``), of one row group or all; a file without ``text`` is one skipped input."""
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
    groups = range(table.metadata.num_row_groups) if row_group is None else [row_group]
    number = first_row - 1
    for batch in table.iter_batches(row_groups=groups, columns=columns):
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
