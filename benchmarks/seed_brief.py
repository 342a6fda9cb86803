"""Benchmark: the seed article's brief on the embedded model (a measurement, not a test).

Reports tokens, attempts, wall time and the server's own prompt+generation
time, against the targets: completion <= 350 tokens, 0 re-asks, wall <= 1.3x
the model's own time.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from summarizer import Summarizer, read_article

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "mali-coup-plot.txt"
"""The agency article the project started from: never shipped, read from beside the checkout."""
EXAMPLE = ROOT / "examples" / "wikinews-ahmed-mohamed.json"


def main() -> None:
    # The seed where it is present (the figures in docs are of it), else the shipped example.
    article = read_article(SEED if SEED.is_file() else EXAMPLE)
    with Summarizer("local") as summarizer:
        started = time.perf_counter()
        summarizer.client()  # load the model outside the measured call
        load = time.perf_counter() - started
        started = time.perf_counter()
        brief = summarizer.summarize(article)
        wall = time.perf_counter() - started
    run = brief.run
    model_ms = (run.server_timings.prompt_ms + run.server_timings.generation_ms) if run.server_timings else float("nan")
    report = {
        "model": run.model,
        "prompt_version": run.prompt_version,
        "load_s": round(load, 2),
        "prompt_tokens": run.prompt_tokens,
        "completion_tokens": run.completion_tokens,
        "attempts": run.attempts,
        "reasks": run.reasks,
        "dropped_items": run.dropped_items,
        "wall_s": round(wall, 2),
        "model_prompt_s": round(run.server_timings.prompt_ms / 1000, 2) if run.server_timings else None,
        "model_generation_s": round(run.server_timings.generation_ms / 1000, 2) if run.server_timings else None,
        "wall_over_model": round(wall * 1000 / model_ms, 3),
        "targets": {
            "completion_tokens<=350": run.completion_tokens <= 350,
            "reasks==0": run.reasks == 0,
            "wall<=1.3x_model": wall * 1000 <= 1.3 * model_ms,
        },
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
