"""Benchmark ``summarizer batch``: --engine ray against --engine local, same machine, model and articles, one run.

    python -m benchmarks.scale overhead            # answers from the 127.0.0.1 replay server: engine cost only (~2 min)
    python -m benchmarks.scale throughput -n 8     # the embedded model, both engines (n briefs each: many minutes)

Each engine runs as a user runs it (``summarizer batch`` in a fresh process,
a fresh --out and store), on the GUM news articles (tests/data/gum-news),
repeated with a numbered last line when more are asked for (each copy is a
new article to the content hash). Ray starts on this machine (no
--ray-address), as on a one-machine user's first run.

overhead: the model answers at once (the smallest answer each request's
schema allows, from tests/fault_server.py), so what is measured is each
engine's own cost: Ray's fixed start-up cost is ray(1 article) - local(1
article); its cost per article is the slope between 1 and N articles, beside
the local engine's slope.

throughput: briefs per minute of each engine with the embedded model once
started (``--engine ray`` with one actor holding all cores, ``-j 1``): the
slope between a run of 1 article and a run of n, so each engine's start-up
(model, Ray, actors) is measured apart, as issue 25 asks; the rate with
start-up included is reported beside it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GUM = ROOT / "tests" / "data" / "gum-news"


def articles(count: int, folder: Path) -> Path:
    """``count`` real articles as one JSON Lines file (GUM news, copies numbered so each is new)."""
    from summarizer.ingest.inputs import collect

    found = [item.article for item in collect([str(GUM)]) if item.article is not None]
    lines = []
    for n in range(count):
        article = found[n % len(found)]
        copy = n // len(found)
        text = article.text if not copy else f"{article.text}\n\n(Copy {copy} of this article.)"
        lines.append(json.dumps({**article.model_dump(mode="json"), "text": text}))
    path = folder / f"articles-{count}.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(engine: str, source: Path, folder: Path, extra: list[str]) -> float:
    """Seconds of one ``summarizer batch`` run from scratch."""
    out = Path(tempfile.mkdtemp(dir=folder, prefix=f"{engine}-"))
    command = [sys.executable, "-m", "summarizer", "batch", str(source), "--out", str(out / "briefs"),
               "--store", str(out / "store.sqlite"), "--engine", engine, *extra]  # fmt: skip
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, timeout=24 * 3600)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{engine} run failed ({result.returncode}): {result.stderr.strip()[-500:]}")
    return seconds


def overhead(count: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from tests.fault_server import fault_server, schema_minimal

    with tempfile.TemporaryDirectory() as scratch, fault_server(schema_minimal()) as server:
        folder = Path(scratch)
        one, many = articles(1, folder), articles(count, folder)
        extra = ["--base-url", server.url]
        times = {f"{engine}_{n}": run(engine, source, folder, extra)
                 for engine in ("local", "ray") for n, source in ((1, one), (count, many))}  # fmt: skip
    local_slope = (times[f"local_{count}"] - times["local_1"]) / (count - 1)
    ray_slope = (times[f"ray_{count}"] - times["ray_1"]) / (count - 1)
    return {
        "articles": count,
        "seconds": {k: round(v, 1) for k, v in times.items()},
        "ray_startup_s": round(times["ray_1"] - times["local_1"], 1),
        "local_s_per_article": round(local_slope, 2),
        "ray_s_per_article": round(ray_slope, 2),
        "note": "model answers at once (replay server): engine cost only; run on a shared 2-core machine",
    }


def throughput(count: int) -> dict[str, Any]:
    """Briefs per minute of each engine once started: the slope between a run of 1 article and one of ``count``.

    Runs alternate between the engines (local 1, ray 1, local n, ray n) so a change of load on the machine falls
    on both; each run's fixed cost (Python, model start, Ray start, actors) cancels out of the slope and is
    reported apart as ``startup_s`` (the 1-article run minus one brief).
    """
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        one, many = articles(1, folder), articles(count, folder)
        flags = {"local": ["-j", "1"], "ray": ["-j", "1", "--actors", "1", "--cpus-per-actor", "2"]}
        times = {f"{engine}_{n}": run(engine, source, folder, flags[engine])
                 for n, source in ((1, one), (count, many)) for engine in ("local", "ray")}  # fmt: skip
    per_brief = {engine: (times[f"{engine}_{count}"] - times[f"{engine}_1"]) / (count - 1) for engine in flags}
    per_min = {engine: 60 / seconds for engine, seconds in per_brief.items()}
    return {
        "articles": count,
        "seconds": {k: round(v, 1) for k, v in times.items()},
        "local_per_min": round(per_min["local"], 2),
        "ray_per_min": round(per_min["ray"], 2),
        "ray_vs_local": round(per_min["ray"] / per_min["local"], 3),
        "startup_s": {engine: round(times[f"{engine}_1"] - per_brief[engine], 1) for engine in flags},
        "with_startup_per_min": {engine: round(count * 60 / times[f"{engine}_{count}"], 2) for engine in flags},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["overhead", "throughput"])
    parser.add_argument("-n", "--articles", type=int, default=None, help="articles per run (24 overhead, 8 throughput)")
    args = parser.parse_args()
    report = overhead(args.articles or 24) if args.what == "overhead" else throughput(args.articles or 8)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
