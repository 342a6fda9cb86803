"""Watch feeds all day: each new article briefed once, today's digest rebuilt from the stored briefs after each poll.

One :class:`Watcher` polls its sources in turn (:meth:`Watcher.poll`), or
forever at an interval (:meth:`Watcher.run`) until its ``stop`` event is set;
the CLI runs it in the main thread, a server can run ``run`` in a thread of its
own and set ``stop`` on shutdown. All the state a restart needs is in the
store: each feed's validators and run of failures, each item settled and the
day it was first seen on, the articles and their briefs, each day's digest.

An article belongs to the day of the poll that first saw it, by the watcher's
clock (local time by default, injectable for tests), as ``summarizer digest``
takes its day from ``--date`` or today and never from the articles: after
midnight a new day's digest starts and yesterday's stays as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Literal

from summarizer.brief.engine import Summarizer
from summarizer.digest.briefing import BatchResult, brief_all, match_concurrency
from summarizer.digest.build import assemble
from summarizer.digest.continuity import earlier_digests, follow
from summarizer.digest.schema import Digest
from summarizer.digest.store import FeedState, Store, WatchedItem
from summarizer.errors import ArticleError
from summarizer.files import write_atomically
from summarizer.ingest.article import article_from_page
from summarizer.ingest.fetch import FetchError
from summarizer.ingest.inputs import Item, read_item, with_feed_metadata
from summarizer.render.digest_formats import DIGEST_FORMATS
from summarizer.watch.feeds import FeedItem, feed_items
from summarizer.watch.polite import Disallowed, Polite
from summarizer.watch.sources import Source, listed_urls

logger = logging.getLogger(__name__)

MAX_SKIPPED_POLLS = 8
"""Longest backoff of a failing source, in polls: at 15 minutes a poll, a feed down all day is still tried every
two hours or so."""
RETRIED_STATUSES = {408, 425, 429}
"""Client errors that say "not now" rather than "not here": the page is fetched again next poll."""

Clock = Callable[[], dt.datetime]
Outcome = Literal["new", "known", "skipped", "unsettled"]


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def backoff(failures: int) -> int:
    """Polls a source sits out after ``failures`` failed polls in a row: 0, 1, 3, 7, then MAX_SKIPPED_POLLS."""
    return min((1 << max(failures - 1, 0)) - 1, MAX_SKIPPED_POLLS)


@dataclass
class PollReport:
    """What one poll did, for the status line and the exit status of ``--once``."""

    started: dt.datetime
    day: dt.date
    sources: int = 0
    polled: int = 0
    """Sources read (a feed that answered 304 Not Modified counts: it was asked)."""
    unchanged: int = 0
    waiting: int = 0
    """Sources sitting out their backoff this poll."""
    new: int = 0
    """Articles new to the day's digest."""
    made: int = 0
    reused: int = 0
    skipped: int = 0
    failures: list[str] = field(default_factory=list)
    """One line per failure: a source that could not be read, a page, a brief, the digest's files."""
    failed_sources: int = 0
    digest: Digest | None = None
    written: list[Path] = field(default_factory=list)
    next_poll: dt.datetime | None = None
    stopped: bool = False
    """The stop event came during the poll: it ended after the article in flight."""


@dataclass
class _Day:
    """The day being watched: its articles and briefs so far, kept in memory so a poll briefs only what is new."""

    day: dt.date
    earlier: list[Digest]
    result: BatchResult = field(default_factory=BatchResult)
    pending: dict[str, tuple[Item, str]] = field(default_factory=dict)
    """Article hash → the article whose brief failed and why: tried again at the next poll."""
    unpublished: bool = False
    """The digest changed but its files could not be written: written at the next poll."""


class Watcher:
    """Polls ``sources``, briefs each new article once into ``store``, keeps today's digest current there and in
    ``out`` (``digest-DAY.md``/``.html``/``.json``, written atomically; None: the store only).

    ``model_slots``: a semaphore held around each brief the model makes (a server's, shared with its jobs).
    """

    def __init__(
        self,
        sources: Sequence[Source],
        summarizer: Summarizer,
        store: Store,
        *,
        out: Path | None = None,
        formats: Iterable[str] = tuple(DIGEST_FORMATS),
        polite: Polite | None = None,
        clock: Clock = local_now,
        stop: threading.Event | None = None,
        concurrency: int | None = None,
        model_slots: threading.Semaphore | None = None,
    ) -> None:
        self.sources = list(sources)
        self.summarizer = summarizer
        self.store = store
        self.out = out
        self.formats = list(formats)
        self.polite = polite or Polite()
        self.clock = clock
        self.stop = stop or threading.Event()
        self.concurrency = concurrency
        self.model_slots = model_slots
        """Held around each brief the model makes: a server shares it with its other model work."""
        self._day: _Day | None = None

    def run(self, every_s: float, on_poll: Callable[[PollReport], None] | None = None) -> None:
        """Poll every ``every_s`` seconds (from the start of one poll to the next) until ``stop`` is set."""
        while not self.stop.is_set():
            report = self.poll()
            report.next_poll = report.started + dt.timedelta(seconds=every_s)
            if on_poll is not None:
                on_poll(report)
            wait = (report.next_poll - self.clock()).total_seconds()
            if self.stop.wait(max(wait, 0.0)):
                break

    def poll(self) -> PollReport:
        """Read every source once, brief what is new, and rebuild the day's digest when it changed."""
        now = self.clock()
        report = PollReport(started=now, day=now.date(), sources=len(self.sources))
        day = self._today(now.date(), report)
        changed = self._retry(day, report) or day.unpublished
        for source in self.sources:
            if self.stop.is_set():
                break
            changed = self._poll_source(source, day, report) or changed
        report.stopped = self.stop.is_set()
        if changed and day.result.briefs:
            report.digest = self._publish(day, report)
        return report

    def _today(self, today: dt.date, report: PollReport) -> _Day:
        """The day's state; on the first poll of a day, read back what the store holds of it.

        No model call for the briefs already made; a brief that had failed is
        tried again here, and the digest rebuilt when it is made.
        """
        if self._day is not None and self._day.day == today:
            return self._day
        day = _Day(today, earlier_digests(self.store, today))
        known = self.store.watched(today)
        items = []
        for row in known:
            article = self.store.article(row.article_hash) if row.article_hash else None
            if article is not None:
                items.append(Item(row.link, article))
            elif row.skipped:
                day.result.skipped.append((row.link, row.skipped))
        if items:
            read_back = PollReport(started=report.started, day=today)  # articles read back are not new ones
            self._brief(day, items, read_back)
            report.made += read_back.made
            report.failures += read_back.failures
            day.unpublished = read_back.made > 0
        self._day = day
        return day

    def _retry(self, day: _Day, report: PollReport) -> bool:
        if not day.pending or self.stop.is_set():
            return False
        items = [item for item, _reason in day.pending.values()]
        return self._brief(day, items, report)

    def _poll_source(self, source: Source, day: _Day, report: PollReport) -> bool:
        """Read one source and take its new items; True when the day's digest changed."""
        state = self.store.feed_state(source.url)
        if state.skip_polls > 0:
            self.store.put_feed_state(replace(state, skip_polls=state.skip_polls - 1))
            report.waiting += 1
            return False
        try:
            links, validators = self._links(source, state)
        except (ArticleError, OSError) as error:
            failures = state.failures + 1
            self.store.put_feed_state(replace(state, failures=failures, skip_polls=backoff(failures)))
            later = "tried again next poll" if backoff(failures) == 0 else f"next try in {backoff(failures) + 1} polls"
            report.failures.append(f"{_reason(error, source.url)} ({failures} failed polls in a row; {later})")
            report.failed_sources += 1
            return False
        report.polled += 1
        if links is None:
            report.unchanged += 1
            self.store.put_feed_state(replace(state, failures=0, skip_polls=0))
            return False
        seen = self.store.seen_links(source.url)
        changed, settled = False, True
        for link, item in links:
            if link in seen:
                continue
            if self.stop.is_set():
                settled = False
                break
            outcome = self._take(source, link, item, day, report)
            changed = changed or outcome == "new"
            settled = settled and outcome != "unsettled"
        # validators only when every item is settled: else a 304 next poll would hide the items still to fetch
        etag, modified = validators if settled else (None, None)
        self.store.put_feed_state(FeedState(source.url, etag, modified))
        return changed

    def _links(
        self, source: Source, state: FeedState
    ) -> tuple[list[tuple[str, FeedItem | None]] | None, tuple[str | None, str | None]]:
        """The source's item links (None: the feed is unchanged since the last poll) and its new validators."""
        if source.kind == "list":
            return [(url, None) for url in listed_urls(Path(source.url))], (None, None)
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        page = self.polite.get(source.url, headers)
        if page.status == 304:
            return None, (state.etag, state.last_modified)
        items = feed_items(source.url, page.body, page.content_type)
        return [(item.link, item) for item in items], (page.etag, page.last_modified)

    def _take(self, source: Source, link: str, feed_item: FeedItem | None, day: _Day, report: PollReport) -> Outcome:
        """Fetch, read, store and brief one new item; settled in the store unless it may work next poll."""
        try:
            page = self.polite.get(link)
            item = read_item(link, partial(article_from_page, page.body, link, page.url, page.content_type))
        except Disallowed as error:
            return self._skip(source, link, day, report, _bare(error, link))
        except FetchError as error:
            if error.status is None or error.status >= 500 or error.status in RETRIED_STATUSES:
                report.failures.append(f"{error}; tried again next poll")
                return "unsettled"
            return self._skip(source, link, day, report, _bare(error, link))
        except ArticleError as error:
            return self._skip(source, link, day, report, _bare(error, link))
        article = item.article
        if article is None:  # read_item always gives one; kept for the type checker
            return "unsettled"
        if feed_item is not None:
            article = with_feed_metadata(article, feed_item.entry, feed_item.feed)
        digest, _new = self.store.add_article(article)
        self.store.add_watched(WatchedItem(source.url, link, day.day, digest))
        return "new" if self._brief(day, [Item(link, article, notes=item.notes)], report) else "known"

    def _skip(self, source: Source, link: str, day: _Day, report: PollReport, reason: str) -> Outcome:
        self.store.add_watched(WatchedItem(source.url, link, day.day, skipped=reason))
        day.result.skipped.append((link, reason))
        report.skipped += 1
        logger.info("skipped %s: %s", link, reason)
        return "skipped"

    def _brief(self, day: _Day, items: list[Item], report: PollReport) -> bool:
        """Brief ``items`` (stored briefs reused) into the day; True when the day's digest has something new."""
        workers = match_concurrency(self.summarizer, self.concurrency)
        result = brief_all(items, self.summarizer, self.store, concurrency=workers, model_slots=self.model_slots)
        report.made += result.made
        report.reused += result.reused
        day.result.made += result.made
        day.result.reused += result.reused
        failed = {source: reason for source, reason in result.failures}
        changed = False
        for digest, article in result.articles.items():
            sources = result.sources[digest]
            if digest not in day.result.articles:
                day.result.articles[digest] = article
                day.result.sources[digest] = list(sources)
                report.new += 1
                changed = True
            else:
                known = day.result.sources[digest]
                known.extend(s for s in sources if s not in known)
            if digest in result.briefs:
                changed = changed or digest not in day.result.briefs
                day.result.briefs[digest] = result.briefs[digest]
                day.pending.pop(digest, None)
            elif digest not in day.result.briefs:
                reason = failed.get(sources[0], "no brief")
                day.pending[digest] = (Item(sources[0], article), reason)
                report.failures.append(f"{sources[0]}: no brief ({reason}); tried again next poll")
        return changed

    def _publish(self, day: _Day, report: PollReport) -> Digest:
        """The day's digest from its briefs (no model call), kept in the store and written to ``out``."""
        day.result.failures = [(item.source, reason) for item, reason in day.pending.values()]
        digest = follow(assemble(day.result, self.summarizer, day.day), day.earlier)
        self.store.put_digest(day.day, digest.model_dump_json())
        day.unpublished = False
        if self.out is None:
            return digest
        try:
            for fmt in self.formats:
                path = self.out / f"digest-{day.day.isoformat()}.{fmt}"
                write_atomically(path, DIGEST_FORMATS[fmt](digest))
                report.written.append(path)
        except OSError as error:
            day.unpublished = True
            report.failures.append(f"cannot write the digest to {self.out}: {error} (kept in the store; tried again)")
        return digest


def _reason(error: Exception, source: str) -> str:
    """The error's one line, naming ``source`` once."""
    message = str(error)
    return message if message.startswith(source) else f"{source}: {message}"


def _bare(error: Exception, source: str) -> str:
    """The error's message without the source it names (kept beside it as the skipped input's reason)."""
    return str(error).removeprefix(f"{source}: ")
