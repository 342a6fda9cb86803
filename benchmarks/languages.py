"""Benchmark: briefs per language from the recorded answers (a measurement, not a test; no model runs).

Replays the embedded model's recorded answers (cassettes of tests/test_languages.py
for French, Spanish and German; of tests/test_eval_quality.py for the 12 English
GUM articles) through today's grounding and rules, and reports per language:
who/where recall against the gold, who/where precision (items matching a gold
entity; a lower bound, as gold lists are not exhaustive), sources found and
how many the gold names were found, events per brief, times found and resolved,
and the language detector's answer on each article. ``--ablation`` runs
without the model (the rules alone).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import vcr

from summarizer import Brief, Summarizer
from summarizer.evaluation.gold import GoldArticle, load_gold
from summarizer.evaluation.matching import found
from summarizer.llm.backends.model_store import DEFAULT_MODEL
from summarizer.llm.backends.remote import RemoteBackend
from summarizer.nlp.language import detect

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes"
SETS = {
    "languages": (ROOT / "tests" / "data" / "languages" / "gold.jsonl", "test_brief_in_its_language[{id}].yaml"),
    "en": (ROOT / "tests" / "data" / "gum-news", "test_gum_news_meets_the_bar.yaml"),
}


def briefs(gold: list[GoldArticle], cassette: str, ablation: bool) -> list[tuple[GoldArticle, Brief]]:
    """Each article's brief on the recorded answers (or on no model)."""
    out = []
    for article in gold:
        if ablation:
            with Summarizer("none") as summarizer:
                out.append((article, summarizer.summarize(article.article)))
            continue
        backend = RemoteBackend("embedded", DEFAULT_MODEL.name, "http://127.0.0.1:9/v1", "replay", dialect="llama.cpp")
        recorder = vcr.VCR(record_mode="none", match_on=["method", "path", "body"], decode_compressed_response=True)
        with recorder.use_cassette(str(CASSETTES / cassette.format(id=article.id))), Summarizer(backend=backend) as s:
            out.append((article, s.summarize(article.article)))
    return out


def scores(pairs: list[tuple[GoldArticle, Brief]], extra: dict[str, dict[str, Any]]) -> dict[str, float | str]:
    counts: dict[str, float] = defaultdict(float)
    for gold, brief in pairs:
        for field, items in (("who", brief.who), ("where", brief.where)):
            wanted = gold.who if field == "who" else gold.where
            names = [i.name for i in items]
            counts[f"{field}_gold"] += len(wanted)
            counts[f"{field}_found"] += sum(found(e, names) is not None for e in wanted)
            counts[f"{field}_items"] += len(names)
            counts[f"{field}_right"] += sum(any(found(e, [n]) for e in wanted) for n in names)
        counts["sources"] += len(brief.sources)
        counts["events"] += len(brief.what)
        counts["times"] += len(brief.when)
        counts["resolved"] += sum(t.value is not None for t in brief.when)
        counts["detected_right"] += detect(gold.article.text) == (extra.get(gold.id, {}).get("language") or "en")
        more = extra.get(gold.id)
        if more:
            for source in more["sources"]:
                counts["gold_sources"] += 1
                counts["gold_sources_found"] += any(
                    source["name"].casefold() in s.name.casefold() for s in brief.sources
                )
            values = {t.text: t.value for t in brief.when}
            counts["gold_dates"] += len(more["when"])
            counts["gold_dates_right"] += sum(values.get(k) == v for k, v in more["when"].items())
    n = len(pairs)

    def share(a: str, b: str) -> str:
        return f"{counts[a] / counts[b]:.1%} ({counts[a]:.0f}/{counts[b]:.0f})" if counts[b] else "-"

    result: dict[str, float | str] = {
        "articles": n,
        "who recall": share("who_found", "who_gold"),
        "who precision (vs gold)": share("who_right", "who_items"),
        "where recall": share("where_found", "where_gold"),
        "where precision (vs gold)": share("where_right", "where_items"),
        "sources per brief": round(counts["sources"] / n, 1),
        "gold sources found": share("gold_sources_found", "gold_sources"),
        "events per brief": round(counts["events"] / n, 1),
        "times resolved": share("resolved", "times"),
        "gold dates right": share("gold_dates_right", "gold_dates"),
        "language detected right": f"{counts['detected_right']:.0f}/{n}",
    }
    return result


def main() -> None:
    ablation = "--ablation" in sys.argv
    table: dict[str, dict[str, float | str]] = {}
    path, cassette = SETS["languages"]
    extra = {r["id"]: r for r in map(json.loads, path.read_text().splitlines())}
    by_language: dict[str, list[GoldArticle]] = defaultdict(list)
    for article in load_gold(path):
        by_language[extra[article.id]["language"]].append(article)
    for language, gold in sorted(by_language.items()):
        table[language] = scores(briefs(gold, cassette, ablation), extra)
    path, cassette = SETS["en"]
    table["en (GUM)"] = scores(briefs(load_gold(path), cassette, ablation), {})
    rows = list(next(iter(table.values())))
    print(f"{'':28}" + "".join(f"{name:>22}" for name in table))
    for row in rows:
        print(f"{row:28}" + "".join(f"{table[name][row]!s:>22}" for name in table))


if __name__ == "__main__":
    main()
