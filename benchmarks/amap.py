"""Benchmark: 8 GUM news articles through ``Summarizer.amap`` on one embedded server (a measurement, not a test).

    python -m benchmarks.amap                 # 8 articles, 1 slot (the embedded default)
    python -m benchmarks.amap --concurrency 2 # 2 llama.cpp slots, 2 briefs in flight

Reports how many times the embedded server started (the target is 1: one
model load for every brief), the load time, each brief's wall time as it
finished, briefs per minute, and the import time of ``summarizer.schema`` in a
fresh interpreter (target < 0.15 s: the public contract must not pay for the
openai SDK or instructor). Needs the ``local`` extra and ~1.3 GB of disk; on a
2-core machine expect about a minute per brief.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from summarizer import Article, BriefResult, Summarizer, read_article
from summarizer.llm.backends.base import Endpoint, Status
from summarizer.llm.backends.embedded import EmbeddedBackend
from summarizer.llm.backends.model_store import DEFAULT_MODEL

GUM = Path(__file__).resolve().parent.parent / "tests" / "data" / "gum-news"
SCHEMA_IMPORT = "import time; t = time.perf_counter(); import summarizer.schema; print(time.perf_counter() - t)"


class CountedBackend(EmbeddedBackend):
    """The embedded backend, counting how often it really starts a server."""

    starts = 0

    def _start(self, status: Status) -> Endpoint:
        CountedBackend.starts += 1
        return super()._start(status)


def schema_import_seconds(runs: int = 7) -> dict[str, float]:
    """``import summarizer.schema`` in fresh interpreters: the best and the median of ``runs``."""
    times = [
        float(subprocess.run([sys.executable, "-c", SCHEMA_IMPORT], capture_output=True, text=True, check=True).stdout)
        for _ in range(runs)
    ]
    return {"best_s": round(min(times), 3), "median_s": round(statistics.median(times), 3)}


async def brief_all(articles: list[Article], concurrency: int) -> dict[str, Any]:
    backend = CountedBackend(model=DEFAULT_MODEL.name)
    finished: list[dict[str, Any]] = []
    async with Summarizer(backend=backend) as engine:
        engine.concurrency(concurrency)  # slots are fixed when the server starts
        started = time.perf_counter()
        await engine.aclient()
        load = time.perf_counter() - started
        started = time.perf_counter()
        result: BriefResult
        async for result in engine.amap(articles, concurrency=concurrency):
            brief = result.brief
            finished.append(
                {
                    "article": articles[result.index].title,
                    "done_at_s": round(time.perf_counter() - started, 1),
                    "latency_s": brief.run.latency_s if brief else None,
                    "completion_tokens": brief.run.completion_tokens if brief else None,
                    "error": str(result.error) if result.error else None,
                }
            )
            print(json.dumps(finished[-1]), flush=True)
        wall = time.perf_counter() - started
    made = [f for f in finished if f["error"] is None]
    return {
        "articles": len(articles),
        "briefs": len(made),
        "concurrency": concurrency,
        "server_starts": CountedBackend.starts,
        "load_s": round(load, 1),
        "wall_s": round(wall, 1),
        "per_brief_s": round(wall / max(len(made), 1), 1),
        "briefs_per_min": round(60 * len(made) / wall, 2) if wall else None,
        "median_latency_s": statistics.median(f["latency_s"] for f in made) if made else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=8)
    parser.add_argument("--concurrency", type=int, default=1)
    args = parser.parse_args()
    articles = [read_article(path) for path in sorted(GUM.glob("*.json"))[: args.articles]]
    report = {"schema_import": schema_import_seconds(), **asyncio.run(brief_all(articles, args.concurrency))}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
