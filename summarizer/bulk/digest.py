"""The day's digest from ``summarizer batch`` output: the shards' briefs, no model call.

The rows carry each article and its brief, so stories are grouped, merged and
ranked by the digest's own rules (``digest.build.assemble``) exactly as after
``summarizer digest``; the briefs are taken as the batch wrote them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from summarizer.brief.engine import Summarizer
from summarizer.bulk.rows import Row, key_of
from summarizer.bulk.shards import MANIFEST, rows, shards
from summarizer.digest.briefing import BatchResult
from summarizer.digest.build import assemble
from summarizer.digest.schema import Digest
from summarizer.errors import ConfigError
from summarizer.ingest.article import Article
from summarizer.schema import Brief


def digest_of_briefs(out: Path, day: dt.date) -> Digest:
    """The digest of the briefs in ``out`` (one brief key: the latest run's when several models wrote there)."""
    if not shards(out):
        raise ConfigError(f"no briefs in {out}: write them first with `summarizer batch INPUT... --out {out}`")
    found = sorted(rows(out), key=lambda row: _natural(row["source"]))  # input order, as the digest reads inputs
    key = _key(out, found)
    result = BatchResult()
    for row in (r for r in found if key_of(r) == key):
        article = Article.model_validate(row["article"])
        result.articles[row["article_hash"]] = article
        result.sources[row["article_hash"]] = [row["source"]]
        if row.get("brief") is not None:
            result.briefs[row["article_hash"]] = Brief.model_validate(row["brief"])
            result.reused += 1
        else:
            result.failures.append((row["source"], str(row.get("error"))))
    result.skipped = _skipped(out)
    model, prompt, _ = key.split("|", 2)
    # assemble() names the run after a Summarizer's key; the briefs' own key is the batch's, set below.
    with Summarizer("none") as nobody:
        digest = assemble(result, nobody, day)
    return digest.model_copy(update={"run": digest.run.model_copy(update={"model": model, "prompt_version": prompt})})


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
