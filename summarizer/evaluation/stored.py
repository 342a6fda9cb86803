"""Score briefs made earlier (by any engine, any checkout) without starting a model.

A directory holds one brief per article as Brief JSON, named by the gold
file's name or the article id: ``<name>.json`` or ``<set>__<name>.json``
(``eval-briefs/meantime-dev__10450.json``). A ``.err`` file of the same name
records that the brief failed; its first line is the row's error. A file
that is not a brief (half written, say) or is a brief of another text is a
failed row too: one article never stops the run. Articles with neither file
are skipped and counted, so a directory that holds briefs of the first 12
articles scores those 12.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import ValidationError

from summarizer.errors import ArticleError
from summarizer.evaluation.gold import GoldArticle
from summarizer.evaluation.metrics import ArticleScore, failed_score, score_brief
from summarizer.evaluation.report import EvalReport
from summarizer.evaluation.runner import report_of
from summarizer.schema import Brief


def _find(directory: Path, gold: GoldArticle, suffix: str) -> Path | None:
    for name in dict.fromkeys(n for n in (gold.stem, gold.id) if n):
        for path in (directory / f"{name}{suffix}", *sorted(directory.glob(f"*__{name}{suffix}"))):
            if path.is_file():
                return path
    return None


def stored_score(directory: Path, gold: GoldArticle) -> tuple[ArticleScore | None, Brief | None]:
    """The score of the brief stored for ``gold`` (None when there is none) and the brief."""
    path = _find(directory, gold, ".json")
    if path is None:
        failed = _find(directory, gold, ".err")
        if failed is None:
            return None, None
        first = failed.read_text(encoding="utf-8", errors="replace").strip().splitlines()[:1] or ["failed"]
        return failed_score(gold, first[0][:300]), None
    try:
        brief = Brief.model_validate_json(path.read_bytes())
    except (ValidationError, ValueError) as error:
        return failed_score(gold, f"{path.name}: not a brief ({error.__class__.__name__}); make it again"), None
    if brief.article.chars != len(gold.article.text):
        other = f"{brief.article.chars} characters, the gold has {len(gold.article.text)}"
        return failed_score(gold, f"{path.name}: a brief of another text ({other})"), None
    return score_brief(gold, brief, reused=True), brief


def score_stored(
    golds: Sequence[GoldArticle],
    directory: Path,
    *,
    gold: str,
    progress: Callable[[GoldArticle, ArticleScore], None] | None = None,
) -> tuple[EvalReport, int]:
    """The report of the stored briefs of ``golds`` and how many articles had none (skipped)."""
    if not directory.is_dir():
        raise ArticleError(f"{directory}: no such directory of stored briefs")
    scores: list[ArticleScore] = []
    scored: list[GoldArticle] = []
    runs = []
    for item in golds:
        score, brief = stored_score(directory, item)
        if score is None:
            continue
        scores.append(score)
        scored.append(item)
        if brief is not None:
            runs.append(brief.run)
        if progress:
            progress(item, score)
    if not scores:
        raise ArticleError(
            f"{directory}: no stored brief of any article of {gold} (expected <name>.json or <set>__<name>.json)"
        )
    models = sorted({f"{r.model}" for r in runs}) or ["(none)"]
    report = report_of(
        scores,
        scored,
        gold=gold,
        model=", ".join(models),
        backend=", ".join(sorted({r.backend for r in runs})) or "(stored)",
        prompt_version=", ".join(sorted({r.prompt_version for r in runs})) or "(stored)",
    )
    return report, len(golds) - len(scores)
