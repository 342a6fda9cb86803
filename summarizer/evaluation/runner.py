"""Run a gold set through any backend, reusing stored briefs when nothing changed.

Briefs live in the same store as the digest's (``summarizer.digest.store``,
default ``~/.local/share/summarizer/store.sqlite``), under the same key:
the article, the backend and model, the prompts and the schema the model
answers in. A stored brief is rebuilt from the model's stored answers with
today's grounding and rules, so a rule change is measured at once and for
free; ``force`` asks the model again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from summarizer.brief.engine import Summarizer
from summarizer.digest.briefing import brief_key, make_brief, stored_brief
from summarizer.digest.store import Store
from summarizer.errors import SummarizerError
from summarizer.evaluation.gold import GoldArticle, load_gold
from summarizer.evaluation.metrics import ArticleScore, failed_score, score_brief, summarize_scores
from summarizer.evaluation.report import EvalReport, check_bar
from summarizer.llm.prompts import BRIEF_PROMPTS
from summarizer.schema import SCHEMA_VERSION

Progress = Callable[[GoldArticle, ArticleScore], None]
"""Called after each article with its score (``score.reused`` tells a stored brief)."""


def evaluate(
    gold: str | Path | Sequence[GoldArticle],
    summarizer: Summarizer,
    *,
    store: Store | None = None,
    store_path: Path | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> EvalReport:
    """Brief every gold article with ``summarizer`` (or rebuild its stored brief) and score it.

    One article's failure is recorded in its row and never stops the run.
    """
    golds = load_gold(gold) if isinstance(gold, str | Path) else list(gold)
    own = store is None
    briefs = store or Store(store_path)
    key = brief_key(summarizer)
    scores: list[ArticleScore] = []
    try:
        for item in golds:
            digest, _new = briefs.add_article(item.article)
            try:
                brief = None if force else stored_brief(summarizer, briefs, digest, key, item.article)
                reused = brief is not None
                if brief is None:
                    brief = make_brief(summarizer, briefs, digest, key, item.article)
            except SummarizerError as error:
                score = failed_score(item, str(error))
            else:
                score = score_brief(item, brief, reused=reused)
            scores.append(score)
            if progress:
                progress(item, score)
    finally:
        if own:
            briefs.close()
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
    topics = sorted({s.topic for s in scores if s.topic})
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
        topics={topic: summarize_scores([s for s in scores if s.topic == topic]) for topic in topics},
    )
