"""Pairwise precision and recall of "same story" on BASIL clusters mixed with GUM news articles.

    python -m benchmarks.story_grouping ../shared/eval/basil/clusters.jsonl tests/data/gum-news

BASIL's articles are the outlets' copyrighted text: they are read from where
you keep them and never copied into this project. Every article of one BASIL
cluster should land in one story; each GUM article is its own story.
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path

from summarizer.digest.stories import group
from summarizer.evaluation.gold import load_gold
from summarizer.ingest.article import Article


def main(clusters_path: str, gum_dir: str | None = None) -> dict[str, float | int]:
    articles: list[Article] = []
    labels: list[str] = []
    for line in Path(clusters_path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            cluster = json.loads(line)
            for item in cluster["articles"]:
                articles.append(
                    Article(
                        text=item["text"],
                        title=item.get("title"),
                        outlet=item.get("outlet"),
                        published=item.get("date"),
                    )
                )
                labels.append(cluster["cluster_id"])
    for gold in load_gold(gum_dir) if gum_dir else []:
        articles.append(gold.article)
        labels.append(gold.id)
    started = time.perf_counter()
    stories = group(articles)
    seconds = time.perf_counter() - started
    story_of = {index: number for number, members in enumerate(stories) for index in members}
    pairs = list(itertools.combinations(range(len(articles)), 2))
    gold_pairs = {(i, j) for i, j in pairs if labels[i] == labels[j]}
    predicted = {(i, j) for i, j in pairs if story_of[i] == story_of[j]}
    hits = len(gold_pairs & predicted)
    return {
        "articles": len(articles),
        "stories": len(stories),
        "gold_stories": len(set(labels)),
        "pair_precision": round(hits / len(predicted), 3) if predicted else 1.0,
        "pair_recall": round(hits / len(gold_pairs), 3) if gold_pairs else 1.0,
        "seconds": round(seconds, 2),
    }


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    print(json.dumps(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None), indent=2))
