"""Pairwise precision and recall of "same story" on BASIL clusters mixed with GUM news articles.

    python -m benchmarks.story_grouping ../shared/eval/basil/clusters.jsonl tests/data/gum-news [tests/data/languages]

BASIL's articles are the outlets' copyrighted text: they are read from where
you keep them and never copied into this project. Every article of one BASIL
cluster should land in one story; each GUM article is its own story. A third
directory adds articles in other languages named ``<language>-<story>.json``
(with their English counterparts in its ``pairs/``): one story per name.

``anchors`` calibrates ACROSS_LANGUAGES on the one-language articles: the
lowest cross-language (anchor) score of two articles of one story and the
highest of two articles of different stories. With a third directory,
``translated_pairs`` is the anchor score of each story's two languages and
``max_different_stories_across_languages`` the highest of two different
stories in two languages (all the articles, English ones included).
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path

from summarizer.digest.stories import anchor_similarity, group
from summarizer.evaluation.gold import load_gold
from summarizer.ingest.article import Article
from summarizer.nlp.language import detect


def _basil(path: str) -> tuple[list[Article], list[str]]:
    articles, labels = [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
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
    return articles, labels


def _translated(directory: str) -> tuple[list[Article], list[str]]:
    """Articles named ``<language>-<story>.json``; the story is the label."""
    paths = sorted(Path(directory).glob("*.json")) + sorted((Path(directory) / "pairs").glob("*.json"))
    articles = [Article(**json.loads(p.read_text(encoding="utf-8"))) for p in paths]
    return articles, [p.stem.split("-", 1)[1] for p in paths]


def _pairs(labels: list[str], stories: list[list[int]]) -> dict[str, float | int]:
    story_of = {index: number for number, members in enumerate(stories) for index in members}
    pairs = list(itertools.combinations(range(len(labels)), 2))
    gold_pairs = {(i, j) for i, j in pairs if labels[i] == labels[j]}
    predicted = {(i, j) for i, j in pairs if story_of[i] == story_of[j]}
    hits = len(gold_pairs & predicted)
    return {
        "pair_precision": round(hits / len(predicted), 3) if predicted else 1.0,
        "pair_recall": round(hits / len(gold_pairs), 3) if gold_pairs else 1.0,
    }


def main(clusters_path: str, gum_dir: str | None = None, languages_dir: str | None = None) -> dict[str, object]:
    articles, labels = _basil(clusters_path)
    for gold in load_gold(gum_dir) if gum_dir else []:
        articles.append(gold.article)
        labels.append(gold.id)
    english = len(articles)
    if languages_dir:
        more, more_labels = _translated(languages_dir)
        articles += more
        labels += more_labels
    started = time.perf_counter()
    stories = group(articles)
    seconds = time.perf_counter() - started
    one_language = list(itertools.combinations(range(english), 2))
    anchors = anchor_similarity(articles[:english])
    result: dict[str, object] = {
        "articles": len(articles),
        "stories": len(stories),
        "gold_stories": len(set(labels)),
        **_pairs(labels, stories),
        "english_only": _pairs(labels[:english], group(articles[:english])),
        "anchors": {
            "min_same_story": round(min(anchors[i][j] for i, j in one_language if labels[i] == labels[j]), 3),
            "max_different_stories": round(max(anchors[i][j] for i, j in one_language if labels[i] != labels[j]), 3),
        },
        "seconds": round(seconds, 2),
    }
    if languages_dir:
        matrix = anchor_similarity(articles)
        result["translated_pairs"] = {
            labels[i]: round(matrix[i][j], 3)
            for i, j in itertools.combinations(range(english, len(articles)), 2)
            if labels[i] == labels[j]
        }
        languages = [a.language or detect(a.text) for a in articles]
        result["max_different_stories_across_languages"] = round(
            max(
                matrix[i][j]
                for i, j in itertools.combinations(range(len(articles)), 2)
                if labels[i] != labels[j] and languages[i] != languages[j]
            ),
            3,
        )
    return result


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    print(json.dumps(main(*sys.argv[1:4]), indent=2))
