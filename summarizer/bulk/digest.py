"""The day's digest from ``summarizer batch`` output: the shards' briefs, no model call.

The rows carry each article and its brief, so stories are grouped, merged and
ranked by the digest's own rules (``digest.build.assemble``) exactly as after
``summarizer digest``; the briefs are taken as the batch wrote them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import ValidationError

from summarizer.brief.engine import Summarizer
from summarizer.bulk.rows import Row, key_of
from summarizer.bulk.shards import MANIFEST, index, keepers, read_shard, shards, unreadable
from summarizer.digest.briefing import BatchResult
from summarizer.digest.build import assemble
from summarizer.digest.schema import Digest
from summarizer.errors import ConfigError
from summarizer.ingest.article import Article
from summarizer.schema import Brief


def digest_of_briefs(out: Path, day: dt.date, warn: Callable[[str], None] | None = None) -> Digest:
    """The digest of the briefs in ``out`` (one brief key: the latest run's when several models wrote there).

    ``warn`` is told, in one line each, what was left out: rows of other brief keys, and lines or rows that
    cannot be read (torn by a kill, damaged); a shard that is not ours at all is a ConfigError.
    """
    say = warn or (lambda _message: None)
    if not shards(out):
        raise ConfigError(f"no briefs in {out}: write them first with `summarizer batch INPUT... --out {out}`")
    found = index(out)
    keep = keepers(found)
    rows_ = sorted(_rows(out, keep), key=lambda row: _natural(row["source"]))  # input order, as the digest reads
    key = _key(out, rows_)
    result = BatchResult()
    damaged = unreadable(found)
    for row in (r for r in rows_ if key_of(r) == key):
        try:
            _take(row, result)
        except (ValidationError, TypeError, KeyError):
            damaged += 1
    result.skipped = _skipped(out)
    _tell(out, key, rows_, damaged, say)
    model, prompt, _ = key.split("|", 2)
    # assemble() names the run after a Summarizer's key; the briefs' own key is the batch's, set below.
    with Summarizer("none") as nobody:
        digest = assemble(result, nobody, day)
    return digest.model_copy(update={"run": digest.run.model_copy(update={"model": model, "prompt_version": prompt})})


def _rows(out: Path, keep: set[tuple[Path, int]]) -> Iterator[Row]:
    """The rows that stand (one per article and key), as ``shards.rows`` gives them, from an index already read."""
    for path in shards(out):
        for number, row in enumerate(read_shard(path)):
            if row is not None and (path, number) in keep:
                yield row


def _take(row: Row, result: BatchResult) -> None:
    """Add one row's article and brief (or failure) to the result; raises on a damaged row, adding nothing."""
    article = Article.model_validate(row["article"])
    brief = Brief.model_validate(row["brief"]) if row.get("brief") is not None else None
    source = str(row["source"])
    result.articles[row["article_hash"]] = article
    result.sources[row["article_hash"]] = [source]
    if brief is not None:
        result.briefs[row["article_hash"]] = brief
        result.reused += 1
    else:
        result.failures.append((source, str(row.get("error"))))


def _tell(out: Path, key: str, rows_: list[Row], damaged: int, say: Callable[[str], None]) -> None:
    """One line for rows of other keys left out, one for rows that could not be read."""
    others = Counter(key_of(row) for row in rows_ if key_of(row) != key)
    if others:
        used = {row["article_hash"] for row in rows_ if key_of(row) == key}
        only_other = {row["article_hash"] for row in rows_} - used
        say(
            f"{out} holds rows of {len(others) + 1} brief keys: this digest uses {key} ({len(used)} articles, the "
            f"latest run's key); {others.total()} rows of {', '.join(sorted(others))} are left out, "
            f"{len(only_other)} of their articles have no brief of the key used"
        )
    if damaged:
        say(
            f"{damaged} unreadable {'row' if damaged == 1 else 'rows'} in {out} left out (torn by a kill or damaged); "
            f"`summarizer batch ... --out {out}` briefs their articles again"
        )


def _natural(source: str) -> list[tuple[int, str]]:
    """Sort key reading numbers as numbers: ``day.jsonl:10`` after ``day.jsonl:9``."""
    return [(0, part) if not part.isdigit() else (int(part), "") for part in re.split(r"(\d+)", source)]


def _key(out: Path, found: list[Row]) -> str:
    """The brief key of the latest run recorded in the manifest, else the key most rows have."""
    try:
        runs = json.loads((out / MANIFEST).read_text(encoding="utf-8")).get("runs", [])
        latest = str(runs[-1]["brief_key"])
    except (OSError, ValueError, LookupError, TypeError, AttributeError):
        latest = ""
    keys = [key_of(row) for row in found]
    if not keys:
        raise ConfigError(f"no readable briefs in {out}: write them again with `summarizer batch INPUT... --out {out}`")
    if latest in keys:
        return latest
    return max(set(keys), key=keys.count)


def _skipped(out: Path) -> list[tuple[str, str]]:
    """Inputs the latest batch run skipped, with their reasons (the manifest keeps them)."""
    try:
        runs = json.loads((out / MANIFEST).read_text(encoding="utf-8")).get("runs", [])
        return [(str(s["source"]), str(s["reason"])) for s in runs[-1].get("skipped", [])]
    except (OSError, ValueError, LookupError, TypeError, AttributeError):
        return []
