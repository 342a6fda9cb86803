"""The store's digests as the pages read them: parsed once per build, and the search index over them.

A page is read far more often than a digest is built, and a digest carries
every article's text and brief (parsing one costs milliseconds per article):
a day is parsed when first asked and again only when the store holds a newer
build of it (``summarizer watch`` rebuilds today's all day). Only the last few
days asked are kept whole; every day's stories (what a story's timeline
follows) are kept without their articles, and the search index takes each
day's articles once per build.
"""

from __future__ import annotations

import datetime as dt
import threading
import zlib
from collections import OrderedDict

from pydantic import ValidationError

from summarizer.digest.schema import Digest
from summarizer.digest.store import Store
from summarizer.serve.search import SearchIndex

KEPT_WHOLE = 8
"""Whole digests kept parsed (a week and a day: the days a newsroom reads); older ones are parsed again when
asked, since a whole digest holds every article's text and brief."""


class Library:
    """The stored digests, parsed and kept while their build stays the same; safe to share between threads."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._whole: OrderedDict[dt.date, tuple[str, Digest | None]] = OrderedDict()
        self._outlines: dict[dt.date, tuple[str, Digest | None]] = {}
        self._indexed: dict[dt.date, str] = {}
        self._index = SearchIndex()
        self._indexing = threading.Lock()

    def days(self) -> list[dt.date]:
        """The days with a stored digest, oldest first."""
        return sorted(self.store.digest_versions())

    def digest(self, day: dt.date) -> Digest | None:
        """The day's digest; None when none is stored or it does not read as this summarizer's (a newer one's)."""
        version = self.store.digest_versions().get(day)
        return None if version is None else self._read(day, version)

    def outlines(self) -> list[Digest]:
        """Every readable stored digest with its stories but without its articles, oldest first."""
        found = []
        for day, version in sorted(self.store.digest_versions().items()):
            with self._lock:
                kept = self._outlines.get(day)
            if kept is None or kept[0] != version:
                whole = self._read(day, version)
                kept = (version, whole.model_copy(update={"articles": []}) if whole else None)
                with self._lock:
                    self._outlines[day] = kept
            if kept[1] is not None:
                found.append(kept[1])
        return found

    def index(self) -> SearchIndex:
        """The search index, brought up to date: each day stored, built again or removed since is indexed again."""
        with self._indexing:  # one refresh at a time: two would index a day twice
            versions = self.store.digest_versions()
            for day in sorted(versions.keys() | self._indexed.keys()):
                version = versions.get(day)
                if version == self._indexed.get(day):
                    continue
                self._index.put(day, self._read(day, version) if version is not None else None)
                if version is None:
                    del self._indexed[day]
                else:
                    self._indexed[day] = version
        return self._index

    def _read(self, day: dt.date, version: str) -> Digest | None:
        with self._lock:
            kept = self._whole.get(day)
            if kept is not None and kept[0] == version:
                self._whole.move_to_end(day)
                return kept[1]
        try:
            digest: Digest | None = Digest.model_validate_json(self.store.digest_json(day) or "")
        except (ValidationError, zlib.error, UnicodeDecodeError):
            digest = None
        with self._lock:
            self._whole[day] = (version, digest)
            self._whole.move_to_end(day)
            while len(self._whole) > KEPT_WHOLE:
                self._whole.popitem(last=False)
        return digest
