"""Search over the stored briefs by name, place or word: SQLite FTS5, built from the stored digests.

Each row is one article of one day's story: its title, the names and places
its brief found, and its words (the brief's headline, summary, events and
what its sources said, then the article text). The index lives in memory and
follows the store day by day (a day built again is indexed again, see
library.py), so the store keeps no second copy of the text that could drift
from its digests.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.digest.schema import Digest, DigestArticle
from summarizer.render.control import printable

MAX_TERMS = 12
"""Words of a query that count: a name and a place and a few words are what a reader types; more only slows FTS5."""
MAX_HITS = 50
"""Stories a search lists: a page a reader scans; a query that finds more needs another word, not a longer page."""
MAX_ROWS = 500
"""Matching articles read to find those stories (several articles of one story match the same words)."""
SNIPPET_TOKENS = 16
"""Words of context FTS5 shows around a match: about one line of a page."""
WEIGHTS = (4.0, 4.0, 4.0, 1.0)
"""bm25 weights of title, names, places, words: a query word that is a name or a place the brief found, or in the
title, says more about the article than the same word anywhere in its text. Chosen by hand, not measured."""

_HIT_START, _HIT_END = "\x02", "\x03"
"""What FTS5 puts around a matched word in a snippet: control characters, which ``printable`` took out of the
indexed text, so they can only be FTS5's."""
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Hit:
    """A story of one day that the query found, through its best-matching article."""

    day: dt.date
    story: str
    headline: str
    article: str
    title: str
    outlet: str
    snippet: list[tuple[str, bool]]
    """The matched text in pieces: (text, whether it is a matched word)."""


def terms(query: str) -> list[str]:
    """The query's words as FTS5 terms: each quoted (no FTS5 syntax gets through) and a prefix ('elect' finds
    'elected'); every word must match."""
    return [f'"{word}"*' for word in _WORD.findall(query.casefold())[:MAX_TERMS]]


def _pieces(snippet: str) -> list[tuple[str, bool]]:
    pieces = []
    for part in re.split(f"({_HIT_START}[^{_HIT_END}]*{_HIT_END})", snippet):
        if part.startswith(_HIT_START):
            pieces.append((part[1:-1], True))
        elif part:
            pieces.append((part, False))
    return pieces


def _row(day: dt.date, story_id: str, headline: str, article: DigestArticle) -> tuple[str, ...]:
    brief = article.brief
    names = [a.name for a in brief.who] + [s.name for s in brief.sources if not s.anonymous]
    words = [brief.headline, brief.summary, *(e.description for e in brief.what), *(s.said for s in brief.sources)]
    return tuple(
        printable(value)
        for value in (
            article.title or brief.headline,
            " · ".join(names),
            " · ".join(p.name for p in brief.where),
            "\n".join([*words, article.text]),
            day.isoformat(),
            story_id,
            headline,
            article.id,
            article.outlet or "unknown outlet",
        )
    )


class SearchIndex:
    """An FTS5 index of the articles of the digests put in it, one day at a time; safe to share between threads."""

    def __init__(self, digests: Iterable[Digest] = ()) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE briefs USING fts5(title, names, places, words, day UNINDEXED, story UNINDEXED,"
            " headline UNINDEXED, article UNINDEXED, outlet UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
        )
        for digest in digests:
            self.put(digest.date, digest)

    def put(self, day: dt.date, digest: Digest | None) -> None:
        """Index ``digest`` as the day's (in place of what the day had); None: the day has none now."""
        rows = []
        if digest is not None:
            articles = {a.id: a for a in digest.articles}
            for story in digest.stories:
                rows += [_row(day, story.id, story.headline, articles[i]) for i in story.articles if i in articles]
        with self._lock, self._db:
            self._db.execute("DELETE FROM briefs WHERE day = ?", (day.isoformat(),))
            self._db.executemany("INSERT INTO briefs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def search(self, query: str) -> list[Hit]:
        """The stories whose articles hold every word of ``query``, best first (one hit per story and day)."""
        wanted = terms(query)
        if not wanted:
            return []
        with self._lock:
            rows = self._db.execute(
                f"SELECT day, story, headline, article, title, outlet, snippet(briefs, -1, ?, ?, '…', ?)"
                f" FROM briefs WHERE briefs MATCH ? ORDER BY bm25(briefs, {', '.join(map(str, WEIGHTS))}) LIMIT ?",
                (_HIT_START, _HIT_END, SNIPPET_TOKENS, " ".join(wanted), MAX_ROWS),
            ).fetchall()
        hits: dict[tuple[str, str], Hit] = {}
        for day, story, headline, article, title, outlet, snippet in rows:
            if (day, story) not in hits and len(hits) < MAX_HITS:
                hits[day, story] = Hit(
                    dt.date.fromisoformat(day), story, headline, article, title, outlet, _pieces(snippet)
                )
        return list(hits.values())
