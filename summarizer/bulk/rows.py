"""One output row per article: what a shard holds, in JSONL (nested) or Parquet (JSON text columns).

A row is ``article_hash``, ``brief_key`` (model, prompt version + digest, the
draft schema the model answers in), ``source`` (the input it came from),
``article`` (what the brief's offsets point into), and either ``brief`` (the
Brief JSON) with ``answers`` (the model's raw answers, to rebuild the brief
with newer rules) or ``error`` (why there is none).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from summarizer.digest.store import BriefKey
from summarizer.ingest.article import Article
from summarizer.schema import Brief

Row = dict[str, Any]
"""A row as JSONL holds it: brief, article and brief_key as nested objects."""

COLUMNS = ("article_hash", "brief_key", "source", "article", "brief", "answers", "error")
KEY_PARTS = ("model", "prompt_version", "schema_version")
NESTED = ("brief_key", "article", "brief", "answers")
"""Columns Parquet keeps as JSON text: the Brief's shape is deep and grows, text stays readable by any reader."""


def key_text(key: BriefKey) -> str:
    """The key as one string, for sets and logs."""
    return f"{key.model}|{key.prompt_version}|{key.schema_version}"


def key_of(row: Row) -> str:
    key = row["brief_key"]
    return f"{key['model']}|{key['prompt_version']}|{key['schema_version']}"


def is_row(value: object) -> bool:
    """Whether a value read back from a shard has what every reader of a row files it by: the hash and the key.

    The article and brief are checked where they are read (``bulk.digest``); compaction copies them as they are.
    """
    if not isinstance(value, dict) or not isinstance(value.get("article_hash"), str):
        return False
    key = value.get("brief_key")
    return isinstance(key, dict) and all(isinstance(key.get(part), str) for part in KEY_PARTS)


def key_dict(key: BriefKey) -> dict[str, str]:
    return {"model": key.model, "prompt_version": key.prompt_version, "schema_version": key.schema_version}


@dataclass(frozen=True)
class Task:
    """An article to brief, with the hash and input it is filed under."""

    article_hash: str
    source: str
    article: Article


def brief_row(task: Task, key: BriefKey, brief: Brief, answers: list[str] | None) -> Row:
    return {
        "article_hash": task.article_hash,
        "brief_key": key_dict(key),
        "source": task.source,
        "article": task.article.model_dump(mode="json"),
        "brief": brief.model_dump(mode="json"),
        "answers": answers,
        "error": None,
    }


def error_row(task: Task, key: BriefKey, error: str) -> Row:
    return {
        "article_hash": task.article_hash,
        "brief_key": key_dict(key),
        "source": task.source,
        "article": task.article.model_dump(mode="json"),
        "brief": None,
        "answers": None,
        "error": error,
    }


def flat(row: Row) -> dict[str, str | None]:
    """The row with nested columns as JSON text (Parquet, and Ray Data blocks)."""
    return {c: (None if row.get(c) is None else json.dumps(row[c])) if c in NESTED else row.get(c) for c in COLUMNS}


def nested(values: dict[str, Any]) -> Row:
    """A row read back from JSON text columns (a missing value, None or NaN from pandas, is None)."""
    text = {c: v if isinstance(v := values.get(c), str) else None for c in COLUMNS}
    return {c: json.loads(v) if c in NESTED and v is not None else v for c, v in text.items()}
