"""Benchmark: what reading the whole article costs and adds, against the lead alone (a measurement, not a test).

    python -m benchmarks.whole_article [DIR] [-n N]

Briefs the GUM articles (default tests/data/gum-news) on the embedded model
twice each, in one run: with ``max_passages=0`` (the model reads the lead
only, as before) and with the default passages (the rest of the article in
follow-ups). Each arm has its own embedded server: llama.cpp keeps earlier
prompts in a RAM cache, so on one server the second arm would find the
first arm's lead call already read. The arms alternate article by article,
so a busy machine slows both alike, after one uncounted brief each (the
shared instructions cached, as in real use). Reports, per arm, the model's own time
(llama.cpp prompt + generation ms), tokens, calls, characters the model read,
and the events and sources of the briefs; and the ratio of model time, whose
bound is 2x (issue 10).
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path
from typing import Any

from summarizer import Brief, Summarizer
from summarizer.brief.reading import MAX_PASSAGES
from summarizer.ingest.inputs import collect

ROOT = Path(__file__).resolve().parent.parent


def _model_ms(brief: Brief) -> float:
    timings = brief.run.server_timings
    return timings.prompt_ms + timings.generation_ms if timings else float("nan")


def _arm(briefs: list[Brief]) -> dict[str, Any]:
    count = len(briefs)
    return {
        "model_s_per_brief": round(sum(_model_ms(b) for b in briefs) / 1000 / count, 2),
        "median_model_s": round(statistics.median(_model_ms(b) for b in briefs) / 1000, 2),
        "prompt_tokens": round(sum(b.run.prompt_tokens for b in briefs) / count),
        "completion_tokens": round(sum(b.run.completion_tokens for b in briefs) / count),
        "calls": round(sum(b.run.attempts for b in briefs) / count, 2),
        "model_chars": round(sum(b.run.model_chars or 0 for b in briefs) / count),
        "events": round(sum(len(b.what) for b in briefs) / count, 2),
        "model_events": round(sum(e.origin == "model" for b in briefs for e in b.what) / count, 2),
        "sources": round(sum(len(b.sources) for b in briefs) / count, 2),
        "model_sources": round(sum(s.origin == "model" for b in briefs for s in b.sources) / count, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=ROOT / "tests" / "data" / "gum-news")
    parser.add_argument("-n", type=int, default=12, help="articles to brief, at least 2 (default 12)")
    options = parser.parse_args()
    found = collect([str(options.directory)])
    articles = [item.article for item in found if item.article is not None and item.source.endswith(".json")]
    articles = articles[: max(options.n, 2)]
    briefs: dict[str, list[Brief]] = {"lead": [], "whole": []}
    with Summarizer("local", max_passages=0) as lead, Summarizer("local", max_passages=MAX_PASSAGES) as whole:
        arms = {"lead": lead, "whole": whole}
        for engine in arms.values():
            engine.summarize(articles[-1])  # uncounted: the instructions cached, the next article differs
        for article in articles:
            for name, engine in arms.items():
                briefs[name].append(engine.summarize(article))
    report = {name: _arm(made) for name, made in briefs.items()}
    report["model_time_ratio"] = round(report["whole"]["model_s_per_brief"] / report["lead"]["model_s_per_brief"], 2)
    print(json.dumps({"articles": len(articles), **report}, indent=2))


if __name__ == "__main__":
    main()
