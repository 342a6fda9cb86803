"""Which articles tell the same story: similarity of their names and words, dates close.

Two articles are one story when the TF-IDF cosine of their proper names
(who/where) and of their content words, weighted NAME_WEIGHT to the names,
reaches SAME_STORY, and their dates (when known) are within MAX_DAYS_APART.
Stories are the connected groups. The IDF is the day's own (smoothed, so two
articles alone still compare). Tuned and measured on BASIL clusters mixed
with the GUM articles (`python -m benchmarks.story_grouping`): the threshold
sits in the middle of the range that keeps pairwise precision and recall at
1.0 there.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from summarizer.ingest.article import Article
from summarizer.rules.names import proper_names
from summarizer.rules.text import STOPWORDS, ArticleIndex, normalize

NAME_WEIGHT = 0.5
SAME_STORY = 0.26
MAX_DAYS_APART = 7

Vector = dict[str, float]


def _name_words(article: Article) -> Counter[str]:
    index = ArticleIndex(article.text)
    counts: Counter[str] = Counter()
    for sentence in index.sentences:
        for name in proper_names(sentence.text, index):
            counts.update(w for w in normalize(name).split() if w not in STOPWORDS and len(w) > 2)
    if article.title:
        counts.update(w for w in normalize(article.title).split() if w not in STOPWORDS and len(w) > 2)
    return counts


def _content_words(article: Article) -> Counter[str]:
    return Counter(w for w in re.findall(r"[a-z]{4,}", normalize(article.text)) if w not in STOPWORDS)


def _vectors(bags: list[Counter[str]]) -> list[Vector]:
    documents = Counter(word for bag in bags for word in bag)
    total = len(bags)
    vectors = []
    for bag in bags:
        weights = {w: (1 + math.log(n)) * (math.log((total + 1) / (documents[w] + 1)) + 1) for w, n in bag.items()}
        norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
        vectors.append({w: x / norm for w, x in weights.items()})
    return vectors


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def _close(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= MAX_DAYS_APART


def similarity_matrix(articles: Sequence[Article]) -> list[list[float]]:
    names = _vectors([_name_words(a) for a in articles])
    words = _vectors([_content_words(a) for a in articles])
    size = len(articles)
    matrix = [[1.0] * size for _ in range(size)]
    for i in range(size):
        for j in range(i + 1, size):
            score = NAME_WEIGHT * _cosine(names[i], names[j]) + (1 - NAME_WEIGHT) * _cosine(words[i], words[j])
            matrix[i][j] = matrix[j][i] = score
    return matrix


def cross_similarity(earlier: Sequence[Article], later: Sequence[Article]) -> list[list[float]]:
    """``[i][j]``: how alike earlier article i and later article j are, scored as ``similarity_matrix`` does.

    The IDF is taken over both sets, so a name every day repeats (the city
    of a long story) weighs less than the names of one event.
    """
    both = [*earlier, *later]
    names = _vectors([_name_words(a) for a in both])
    words = _vectors([_content_words(a) for a in both])
    size = len(earlier)
    return [
        [
            NAME_WEIGHT * _cosine(names[i], names[size + j]) + (1 - NAME_WEIGHT) * _cosine(words[i], words[size + j])
            for j in range(len(later))
        ]
        for i in range(size)
    ]


def close_in_time(a: date | None, b: date | None, days: int = MAX_DAYS_APART) -> bool:
    """Dates at most ``days`` apart (an unknown date is close to any)."""
    return a is None or b is None or abs((a - b).days) <= days


def group(articles: Sequence[Article], threshold: float = SAME_STORY) -> list[list[int]]:
    """Indices of the articles, grouped into stories (each group in input order; groups by first member)."""
    parent = list(range(len(articles)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    matrix = similarity_matrix(articles)
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if matrix[i][j] >= threshold and _close(articles[i].published, articles[j].published):
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for index in range(len(articles)):
        groups.setdefault(root(index), []).append(index)
    return sorted(groups.values(), key=lambda members: members[0])
