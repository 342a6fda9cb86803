"""Which articles tell the same story: names and words within a language, names, figures and dates across.

Two articles in one language are one story when the TF-IDF cosine of their
proper names (who/where) and of their content words, weighted NAME_WEIGHT to
the names, reaches SAME_STORY, and their dates (when known) are within
MAX_DAYS_APART. Stories are the connected groups. The IDF is the day's own
(smoothed, so two articles alone still compare). Tuned and measured on BASIL
clusters mixed with the GUM articles (`python -m benchmarks.story_grouping`):
the threshold sits in the middle of the range that keeps pairwise precision
and recall at 1.0 there.

Across languages words do not meet ("port" and "Hafen"), but what a
translation keeps does: names written the same once accents are folded
("Kröger", "Kroger"), figures ("412", "1.500" = "1,500") and the dates the
article's time expressions resolve to ("am Mittwoch" and "on Wednesday" are
both 2026-11-25). Two articles in different languages are compared by the
TF-IDF cosine of these anchors alone, and join at ACROSS_LANGUAGES; see there
for where that threshold comes from.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from summarizer.ingest.article import Article
from summarizer.nlp import dates as other_dates
from summarizer.nlp.language import detect
from summarizer.rules import times as english_times
from summarizer.rules.names import LANGUAGES as NAME_LANGUAGES
from summarizer.rules.names import proper_names
from summarizer.rules.text import STOPWORDS, ArticleIndex, normalize

NAME_WEIGHT = 0.5
"""Names and content words count alike in the one-language score. Chosen by hand, not measured."""
SAME_STORY = 0.26
"""Score at or above which two articles in one language are one story: the middle of the range that keeps pairwise
precision and recall at 1.0 on the BASIL clusters mixed with the GUM articles (`python -m benchmarks.story_grouping`,
docs/digest.md "Story grouping")."""
MAX_DAYS_APART = 7
"""Days between two articles' dates beyond which they are two stories: a week of one news story. Chosen by hand, not
measured."""
ACROSS_LANGUAGES = 0.3
"""Anchor cosine at which two articles in different languages are one story.

Set from English, where the truth is known, not from any translated pair:
over the BASIL clusters mixed with the GUM articles, two different stories
reach an anchor cosine of at most 0.271 (stories about the same governor or
the same minister share his name, his state, the year), and two tellings of
one story as little as 0.273 (`python -m benchmarks.story_grouping`,
"anchors"). The two all but meet, so the threshold favours precision: above
every pair of different stories, rounded up to the tenth. Joining two
different stories misleads a reader; a story told twice only repeats. A
translation keeps nearly every anchor and scores far higher than two
outlets' own tellings do.
"""

Vector = dict[str, float]

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
"""Letters, hyphen-joined ("Windkraft-Umschlag"); an apostrophe ends a word, so "Trump's" and "d'Orsay" give "Trump", "Orsay"."""
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class _Profile:
    """What one article brings to the comparison."""

    language: str
    names: Counter[str]
    words: Counter[str]
    anchors: Counter[str]


def _language(article: Article) -> str:
    return article.language or detect(article.text)


def _time_spans(text: str, language: str) -> list[tuple[int, int]]:
    if language in english_times.LANGUAGES:
        return english_times.find_times(text)
    return other_dates.find_dates(text, language)


def _resolved(expression: str, language: str, published: date | None) -> str | None:
    """The ISO value of a time expression at its own granularity ("2026-11-25", "2026-10"), if it resolves."""
    if language in english_times.LANGUAGES:
        return english_times.iso_value(*english_times.resolve(expression, published))
    return english_times.iso_value(*other_dates.resolve_date(expression, language, published))


def _capitalised_words(text: str, language: str) -> Counter[str]:
    """Folded capitalised words outside time expressions, in any language that writes names capitalised.

    A word also written in lower case in the article is a common word; a
    word seen capitalised only at the start of sentences counts when it is an
    acronym. German capitalises every noun, so its nouns come too: they find no
    partner in another language and only lower the cosine a little.
    """
    lower, midsentence = set(), set()
    for match in _WORD.finditer(text):
        word, before = match.group(), text[: match.start()].rstrip()[-1:]
        if word[:1].islower():
            lower.add(word)
        elif before.isalpha() or before in (",", ";", ":"):
            midsentence.add(word)  # after a word or a comma: not capitalised for starting a sentence
    counts: Counter[str] = Counter()
    for sentence in ArticleIndex(text).sentences:
        times = _time_spans(sentence.text, language)
        for match in _WORD.finditer(sentence.text):
            word = match.group()
            folded = normalize(word)
            if not word[:1].isupper() or len(folded) < 3 or any(a <= match.start() < b for a, b in times):
                continue
            if not word.isupper() and (word.lower() in lower or word not in midsentence):
                continue
            counts[folded] += 1
    return counts


def _anchors(text: str, language: str, published: date | None) -> Counter[str]:
    """Names (folded), figures (separators dropped) and resolved dates: what survives translation."""
    anchors = Counter({f"name:{w}": n for w, n in _capitalised_words(text, language).items()})
    for match in _NUMBER.finditer(text):
        digits = re.sub(r"[.,]", "", match.group()).lstrip("0")
        if len(digits) > 1:
            anchors[f"figure:{digits}"] += 1
    for start, end in _time_spans(text, language):
        if value := _resolved(text[start:end], language, published):
            anchors[f"date:{value}"] += 1
    return anchors


def _english_names(article: Article) -> Counter[str]:
    index = ArticleIndex(article.text)
    counts: Counter[str] = Counter()
    for sentence in index.sentences:
        for name in proper_names(sentence.text, index):
            counts.update(w for w in normalize(name).split() if w not in STOPWORDS and len(w) > 2)
    if article.title:
        counts.update(w for w in normalize(article.title).split() if w not in STOPWORDS and len(w) > 2)
    return counts


def _profile(article: Article) -> _Profile:
    language = _language(article)
    text = f"{article.title}\n\n{article.text}" if article.title else article.text
    names = _english_names(article) if language in NAME_LANGUAGES else _capitalised_words(text, language)
    words = Counter(w for w in re.findall(r"[a-z]{4,}", normalize(article.text)) if w not in STOPWORDS)
    return _Profile(language, names, words, _anchors(text, language, article.published))


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


class _Scores:
    """Pair scores over one set of articles (the IDF is the set's own), on the one-language scale.

    A pair in two languages scores its anchor cosine scaled by
    SAME_STORY / ACROSS_LANGUAGES, so that reaching ACROSS_LANGUAGES is
    reaching SAME_STORY and a caller's own threshold (continuity's) reads both
    kinds of pair alike.
    """

    def __init__(self, articles: Sequence[Article]) -> None:
        profiles = [_profile(a) for a in articles]
        self.languages = [p.language for p in profiles]
        self.names = _vectors([p.names for p in profiles])
        self.words = _vectors([p.words for p in profiles])
        self.anchors = _vectors([p.anchors for p in profiles])

    def __call__(self, i: int, j: int) -> float:
        if self.languages[i] != self.languages[j]:
            return _cosine(self.anchors[i], self.anchors[j]) * SAME_STORY / ACROSS_LANGUAGES
        names = _cosine(self.names[i], self.names[j])
        return NAME_WEIGHT * names + (1 - NAME_WEIGHT) * _cosine(self.words[i], self.words[j])


def _close(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= MAX_DAYS_APART


def similarity_matrix(articles: Sequence[Article]) -> list[list[float]]:
    score = _Scores(articles)
    size = len(articles)
    matrix = [[1.0] * size for _ in range(size)]
    for i in range(size):
        for j in range(i + 1, size):
            matrix[i][j] = matrix[j][i] = score(i, j)
    return matrix


def anchor_similarity(articles: Sequence[Article]) -> list[list[float]]:
    """``[i][j]``: the cross-language score (anchor cosine, unscaled) of any two articles, whatever their languages.

    For calibrating ACROSS_LANGUAGES on one-language data (benchmarks/story_grouping.py).
    """
    score = _Scores(articles)
    return [[_cosine(score.anchors[i], score.anchors[j]) for j in range(len(articles))] for i in range(len(articles))]


def cross_similarity(earlier: Sequence[Article], later: Sequence[Article]) -> list[list[float]]:
    """``[i][j]``: how alike earlier article i and later article j are, scored as ``similarity_matrix`` does.

    The IDF is taken over both sets, so a name every day repeats (the city
    of a long story) weighs less than the names of one event.
    """
    score = _Scores([*earlier, *later])
    size = len(earlier)
    return [[score(i, size + j) for j in range(len(later))] for i in range(size)]


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
