"""Benchmark: each field's figures from the model alone, the rules alone and both (a measurement, not a test).

    python -m benchmarks.field_leads GOLD [GOLD ...] --store STORE [--model local] [--report out.json]

Three arms per article, scored by the same scorers as ``summarizer eval``
(``summarizer/evaluation``):

- **both**: the default brief, rebuilt from the model's stored answers with
  today's rules (no model call; an article with no stored answers is skipped
  and counted, never briefed);
- **rules**: the brief of the ``none`` backend (``--ablation``);
- **model**: the items of the default brief whose ``origin`` is ``model``. A
  rule may have changed such an item (its ``ruled`` list says what); how many
  were changed is reported beside the figures, since "model alone" here is the
  model's items as the merge kept them.

The store is copied to a temporary file first: the original is never written.
Any gold set ``summarizer eval`` reads works (MEANTIME, PolNeAR, the topic set);
a figure whose gold the set lacks is left out. Prints a table and writes the
JSON report (``--report``), per set and arm, with the items each arm got wrong.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from summarizer import Brief, Summarizer
from summarizer.digest.briefing import brief_key, stored_brief
from summarizer.digest.store import Store
from summarizer.evaluation.gold import GoldArticle, load_gold
from summarizer.evaluation.metrics import ArticleScore, Hits, score_brief, summarize_scores

FIGURES: dict[str, tuple[str, str | None]] = {
    "who recall": ("who_recall", "who"),
    "who precision": ("who_precision", "who_precision"),
    "where recall": ("where_recall", "where"),
    "where precision": ("where_precision", "where_precision"),
    "kind accuracy": ("kind_accuracy", "kind_accuracy"),
    "events per brief": ("events_per_brief", None),
    "status right": ("status_right", "status_right"),
    "planned/uncertain lead kept": ("lead_uncertain", "lead_uncertain"),
    "times recall": ("times_recall", "times"),
    "times precision": ("times_precision", "times_precision"),
    "sources recall": ("sources_recall", "sources"),
    "sources precision": ("sources_precision", "sources_precision"),
}
"""Shown figure -> (its field of ``Overall``, the ``ArticleScore`` hits it is made of: None for a mean)."""

ARMS = ("model", "rules", "both")


def model_items(brief: Brief) -> Brief:
    """The brief holding only what the model found (``origin`` model), as the merge kept it."""
    return brief.model_copy(
        update={
            "who": [a for a in brief.who if a.origin == "model"],
            "where": [p for p in brief.where if p.origin == "model"],
            "what": [e for e in brief.what if e.origin == "model"],
            "when": [t for t in brief.when if t.origin == "model"],
            "sources": [s for s in brief.sources if s.origin == "model"],
        }
    )


def ruled_counts(brief: Brief) -> dict[str, int]:
    """How many of the model's items a rule changed, per kind of change (``kind``, ``moved``, ...)."""
    counts: dict[str, int] = {}
    for item in (*brief.who, *brief.where, *brief.what, *brief.when, *brief.sources):
        if item.origin == "model":
            for change in item.ruled:
                counts[change] = counts.get(change, 0) + 1
    return counts


@contextmanager
def copied(store: Path) -> Iterator[Store]:
    """A throw-away copy of ``store``: rebuilding briefs never writes the original."""
    with tempfile.TemporaryDirectory(prefix="field-leads-") as folder:
        copy = Path(folder) / "store.sqlite"
        shutil.copyfile(store, copy)
        with Store(copy) as opened:
            yield opened


def score_set(golds: list[GoldArticle], store: Store, model: str) -> dict[str, Any]:
    """The three arms' overall figures on one gold set, the items each got wrong and what rules changed."""
    scores: dict[str, list[ArticleScore]] = {arm: [] for arm in ARMS}
    wrong: dict[str, list[str]] = {arm: [] for arm in ARMS}
    ruled: dict[str, int] = {}
    skipped: list[str] = []
    with Summarizer(model) as engine, Summarizer("none") as rules:
        key = brief_key(engine)
        for gold in golds:
            digest, _new = store.add_article(gold.article)
            both = stored_brief(engine, store, digest, key, gold.article)
            if both is None:
                skipped.append(gold.id)
                continue
            briefs = {"both": both, "model": model_items(both), "rules": rules.summarize(gold.article)}
            for arm, brief in briefs.items():
                score = score_brief(gold, brief, reused=True)
                scores[arm].append(score)
                wrong[arm] += [f"{gold.id}: {w}" for w in score.wrong]
                wrong[arm] += [f"{gold.id}: missed who {m}" for m in score.who_missed]
                wrong[arm] += [f"{gold.id}: missed where {m}" for m in score.where_missed]
            for change, count in ruled_counts(both).items():
                ruled[change] = ruled.get(change, 0) + count
    overall = {arm: summarize_scores(rows).model_dump() for arm, rows in scores.items()}
    figures = {
        shown: {arm: overall[arm][field] for arm in ARMS}
        for shown, (field, _made_of) in FIGURES.items()
        if overall["both"][field] is not None
    }
    counts = {
        shown: {arm: _hits(scores[arm], hits) for arm in ARMS}
        for shown, (_field, hits) in FIGURES.items()
        if hits is not None and shown in figures
    }
    return {
        "articles": len(golds),
        "scored": len(scores["both"]),
        "skipped": skipped,
        "figures": figures,
        "counts": counts,
        "model_items_ruled": ruled,
        "wrong": wrong,
    }


def _hits(rows: list[ArticleScore], field: str) -> tuple[int, int]:
    """Hits and total of one figure over the rows: how many items a difference between arms rests on."""
    hits = sum((getattr(row, field) for row in rows), Hits())
    return hits.hit, hits.total


def _cell(value: float | None, figure: str) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}" if figure == "events per brief" else f"{100 * value:.1f}%"


def _count(pair: tuple[int, int] | None) -> str:
    return f" ({pair[0]}/{pair[1]})" if pair else ""


def table(results: dict[str, dict[str, Any]]) -> str:
    """A Markdown table: one row per set and figure, one column per arm."""
    lines = ["| set | figure | model alone | rules alone | both |", "|---|---|---|---|---|"]
    for name, result in results.items():
        for figure, arms in result["figures"].items():
            counts = result["counts"].get(figure, {})
            cells = " | ".join(_cell(arms[arm], figure) + _count(counts.get(arm)) for arm in ARMS)
            lines.append(f"| {name} | {figure} | {cells} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path, help="gold sets summarizer eval reads")
    parser.add_argument("--store", type=Path, required=True, help="a store with the model's answers (copied first)")
    parser.add_argument("--model", default="local", help="the model whose stored answers to use (default local)")
    parser.add_argument("--report", type=Path, help="write the JSON report here")
    options = parser.parse_args()
    results: dict[str, dict[str, Any]] = {}
    with copied(options.store) as store:
        for gold in options.gold:
            results[gold.name] = score_set(load_gold(gold), store, options.model)
    print(table(results))
    for name, result in results.items():
        if result["skipped"]:
            print(f"{name}: {len(result['skipped'])} of {result['articles']} articles have no stored answers: skipped")
        print(f"{name}: model items a rule changed: {result['model_items_ruled']}")
    if options.report:
        options.report.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
