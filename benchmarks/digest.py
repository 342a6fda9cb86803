"""Benchmark the digest: orchestration overhead per article, and embedded throughput by parallel slots.

    python -m benchmarks.digest overhead      # replayed cassette, no model time
    python -m benchmarks.digest throughput    # the embedded model at 1, 2 and 4 slots (minutes)

overhead: the day in tests/data/digest-day, its model answers replayed from
cassettes/test_digest_of_a_day.yaml (vcrpy, in process). What the digest adds per
article beyond making the brief (storing, deduplicating, threads, grouping,
merging, ranking, rendering) is the wall time minus the time spent making
briefs (``Summarizer.summarize_recorded``, or ``rebuild`` for a stored one); target < 5 ms. A second run (every brief reused) is
reported too.

throughput: the same GUM articles briefed from scratch with the embedded
model at 1, 2 and 4 llama.cpp parallel slots (concurrency = slots), in
articles per minute.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from summarizer.brief.engine import Summarizer
from summarizer.digest import build_digest
from summarizer.digest.briefing import brief_all
from summarizer.digest.store import Store
from summarizer.ingest.inputs import collect
from summarizer.llm.backends.embedded import EmbeddedBackend
from summarizer.llm.backends.model_store import DEFAULT_MODEL
from summarizer.llm.backends.remote import RemoteBackend
from summarizer.render.digest_html import render_digest_html
from summarizer.render.digest_markdown import render_digest_markdown

ROOT = Path(__file__).resolve().parent.parent
DAY = ROOT / "tests" / "data" / "digest-day"
CASSETTE = ROOT / "cassettes" / "test_digest_of_a_day.yaml"
GUM = ROOT / "tests" / "data" / "gum-news"


class _TimedSummarizer(Summarizer):
    """Counts the time spent making briefs (a new one, or a stored one rebuilt from its answers), so the rest is
    the digest's own."""

    brief_seconds = 0.0

    def summarize_recorded(self, article: Any) -> Any:
        started = time.perf_counter()
        try:
            return super().summarize_recorded(article)
        finally:
            self.brief_seconds += time.perf_counter() - started

    def rebuild(self, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return super().rebuild(*args, **kwargs)
        finally:
            self.brief_seconds += time.perf_counter() - started


def overhead(repeats: int = 5) -> dict[str, Any]:
    import vcr

    recorder = vcr.VCR(record_mode="none", match_on=["method", "path", "body"], decode_compressed_response=True)
    fresh: list[tuple[float, float, int]] = []
    reused: list[tuple[float, float, int]] = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp, recorder.use_cassette(str(CASSETTE)):
            backend = RemoteBackend(
                "embedded", DEFAULT_MODEL.name, "http://127.0.0.1:9/v1", "replay", dialect="llama.cpp"
            )
            engine = _TimedSummarizer(backend=backend)
            with engine, Store(Path(tmp) / "s.sqlite") as store:
                engine.client()  # the HTTP client (TLS context, ~70 ms) is made once per run, not per article
                for runs in (fresh, reused):
                    engine.brief_seconds = 0.0
                    started = time.perf_counter()
                    digest = build_digest(
                        collect([str(DAY)]), summarizer=engine, store=store, day=dt.date(2026, 11, 20), concurrency=1
                    )
                    render_digest_markdown(digest), render_digest_html(digest), digest.model_dump_json()
                    wall = time.perf_counter() - started
                    runs.append((wall, engine.brief_seconds, len(digest.articles)))

    def per_article(run: tuple[float, float, int]) -> dict[str, float]:
        wall, brief, articles = run
        return {
            "articles": articles,
            "wall_ms_per_article": round(wall * 1000 / articles, 2),
            "brief_ms_per_article": round(brief * 1000 / articles, 2),
            "overhead_ms_per_article": round((wall - brief) * 1000 / articles, 2),
        }

    def best(runs: list[tuple[float, float, int]]) -> tuple[float, float, int]:
        return min(runs, key=lambda r: r[0] - r[1])

    report: dict[str, Any] = {
        "first_run_cold": per_article(fresh[0]),
        "first_run_best": per_article(best(fresh)),
        "second_run_all_reused_cold": per_article(reused[0]),
        "second_run_all_reused_best": per_article(best(reused)),
        "note": f"cold = first of {repeats} in this process (one-time imports and caches, like one CLI run);"
        f" best = best of {repeats}. Includes reading the inputs, the store, grouping, merging, rendering"
        " md+html+json; not the brief itself (engine reading, grounding, the replayed HTTP call; a stored brief rebuilt).",
    }
    marginal = per_article(best(fresh))["overhead_ms_per_article"]
    cold = per_article(fresh[0])["overhead_ms_per_article"]
    report["one_time_ms_per_process"] = round((cold - marginal) * fresh[0][2], 1)
    report["target_overhead_ms<5"] = marginal < 5 and per_article(best(reused))["overhead_ms_per_article"] < 5
    return report


def throughput(slots: list[int], articles: int) -> dict[str, Any]:
    items = [item for item in collect([str(GUM)]) if item.article][:articles]
    results = {}
    for n in slots:
        backend = EmbeddedBackend(model=DEFAULT_MODEL.name, parallel=n)
        with (
            tempfile.TemporaryDirectory() as tmp,
            Summarizer(backend=backend) as engine,
            Store(Path(tmp) / "s.sqlite") as store,
        ):
            engine.client()  # load the model outside the measured time
            started = time.perf_counter()
            result = brief_all(items, engine, store, concurrency=n)
            wall = time.perf_counter() - started
        results[f"{n}_slots"] = {
            "articles": result.made,
            "failed": len(result.failures),
            "seconds": round(wall, 1),
            "articles_per_min": round(result.made * 60 / wall, 2),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["overhead", "throughput", "all"])
    parser.add_argument("--slots", default="1,2,4")
    parser.add_argument("--articles", type=int, default=4)
    args = parser.parse_args()
    report: dict[str, Any] = {}
    if args.what in ("overhead", "all"):
        report["overhead"] = overhead()
    if args.what in ("throughput", "all"):
        report["throughput"] = throughput([int(s) for s in args.slots.split(",")], args.articles)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
