"""The store's digests as the pages read them: parsed once per build, and the search index over them.

A page is read far more often than a digest is built, and a digest carries
every article's text and brief (parsing one costs milliseconds per article):
each day is parsed when first asked and again only when the store holds a
newer build of it (``summarizer watch`` rebuilds today's all day).
"""

from __future__ import annotations

import datetime as dt
import threading
import zlib

from pydantic import ValidationError

from summarizer.digest.schema import Digest
from summarizer.digest.store import Store
from summarizer.serve.search import SearchIndex


class Library:
    """The stored digests, parsed and kept while their build stays the same; safe to share between threads."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._parsed: dict[dt.date, tuple[str, Digest | None]] = {}
        self._index: tuple[dict[dt.date, str], SearchIndex] | None = None

    def days(self) -> list[dt.date]:
        """The days with a stored digest, oldest first."""
        return sorted(self.store.digest_versions())

    def digest(self, day: dt.date) -> Digest | None:
        """The day's digest; None when none is stored or it does not read as this summarizer's (a newer one's)."""
        version = self.store.digest_versions().get(day)
        return None if version is None else self._read(day, version)

    def all(self) -> list[Digest]:
        """Every readable stored digest, oldest first."""
        found = [self._read(day, version) for day, version in sorted(self.store.digest_versions().items())]
        return [digest for digest in found if digest is not None]

    def index(self) -> SearchIndex:
        """The search index over every stored digest, rebuilt when any day was built again, added or removed."""
        versions = self.store.digest_versions()
        with self._lock:
            if self._index is not None and self._index[0] == versions:
                return self._index[1]
        index = SearchIndex(self.all())
        with self._lock:
            self._index = (versions, index)
        return index

    def _read(self, day: dt.date, version: str) -> Digest | None:
        with self._lock:
            kept = self._parsed.get(day)
        if kept is not None and kept[0] == version:
            return kept[1]
        try:
            digest: Digest | None = Digest.model_validate_json(self.store.digest_json(day) or "")
        except (ValidationError, zlib.error, UnicodeDecodeError):
            digest = None
        with self._lock:
            self._parsed[day] = (version, digest)
        return digest
