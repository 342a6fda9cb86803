"""Run a gold set through any backend, reusing stored briefs when nothing changed.

A stored brief is keyed by the article, the backend and model, the prompt
version and the digest of its template files, the schema version and the
package version: change any of them and the brief is made again. ``force``
remakes every brief (use it after changing grounding code in a checkout).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from summarizer import __version__
from summarizer.brief.engine import Summarizer
from summarizer.errors import SummarizerError
from summarizer.evaluation.gold import GoldArticle, load_gold
from summarizer.evaluation.metrics import ArticleScore, failed_score, score_brief, summarize_scores
from summarizer.evaluation.report import EvalReport, check_bar
from summarizer.files import write_atomically
from summarizer.llm.prompts import BRIEF_PROMPTS
from summarizer.schema import SCHEMA_VERSION, Brief

Progress = Callable[[GoldArticle, ArticleScore], None]
"""Called after each article with its score (``score.reused`` tells a stored brief)."""


def default_briefs_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "summarizer" / "eval-briefs"


def brief_key(gold: GoldArticle, summarizer: Summarizer) -> str:
    identity = {
        "article": gold.article.model_dump(mode="json"),
        "backend": summarizer.backend.name,
        "model": summarizer.backend.model,
        "prompts": BRIEF_PROMPTS.version,
        "prompt_digest": BRIEF_PROMPTS.digest,
        "schema": SCHEMA_VERSION,
        "package": __version__,
    }
    return hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()[:32]


class BriefStore:
    """Briefs as JSON files named by their key; written atomically."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def get(self, key: str) -> Brief | None:
        path = self.directory / f"{key}.json"
        try:
            return Brief.model_validate_json(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValidationError, ValueError):
            return None

    def put(self, key: str, brief: Brief) -> None:
        write_atomically(self.directory / f"{key}.json", brief.model_dump_json())


def evaluate(
    gold: str | Path | Sequence[GoldArticle],
    summarizer: Summarizer,
    *,
    briefs_dir: Path | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> EvalReport:
    """Brief every gold article with ``summarizer`` (or reuse its stored brief) and score it.

    One article's failure is recorded in its row and never stops the run.
    """
    golds = load_gold(gold) if isinstance(gold, str | Path) else list(gold)
    store = BriefStore(briefs_dir or default_briefs_dir())
    scores: list[ArticleScore] = []
    for item in golds:
        key = brief_key(item, summarizer)
        brief = None if force else store.get(key)
        reused = brief is not None
        if brief is None:
            try:
                brief = summarizer.summarize(item.article)
            except SummarizerError as error:
                brief = None
                score = failed_score(item, str(error))
            else:
                store.put(key, brief)
        if brief is not None:
            score = score_brief(item, brief, reused=reused)
        scores.append(score)
        if progress:
            progress(item, score)
    return report_of(
        scores,
        golds,
        gold=str(gold) if isinstance(gold, str | Path) else "(in memory)",
        model=summarizer.backend.model,
        backend=summarizer.backend.name,
        prompt_version=BRIEF_PROMPTS.version,
    )


def report_of(
    scores: list[ArticleScore],
    golds: Sequence[GoldArticle],
    *,
    gold: str,
    model: str,
    backend: str,
    prompt_version: str,
) -> EvalReport:
    """The report of scored articles, held to the bars of their gold kinds."""
    overall = summarize_scores(scores)
    kinds = list(dict.fromkeys(g.kind for g in golds))
    return EvalReport(
        created=datetime.now(UTC),
        gold=gold,
        model=model,
        backend=backend,
        prompt_version=prompt_version,
        schema_version=SCHEMA_VERSION,
        overall=overall,
        bar=check_bar(overall, kinds),
        articles=scores,
        datasets=kinds,
    )
