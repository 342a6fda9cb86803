"""``summarizer serve --watch``: the feed watcher in a thread of the server, so ``/v1/digests/today`` stays current.

It is the same :class:`~summarizer.watch.Watcher` as ``summarizer watch``'s,
on the server's own store and engine. Its briefs hold the server's model
slots (the semaphore brief and digest jobs take), so together they never put
more requests on the model than ``--slots``. Each poll holds the store's
writer lock, in turns with the digest jobs (an in-process lock, then the OS
lock a ``summarizer digest`` or ``watch`` on the same store would take): a
poll that finds the store held by another program is one failure line and
is tried again at the next poll. On stop, the watcher ends after the article
in flight; a brief cut off by the end of the grace is made again at the next
start (the article is in the store, the day read back from it).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from summarizer.brief.engine import Summarizer
from summarizer.bulk.lock import hold_store
from summarizer.digest.store import Store
from summarizer.errors import SummarizerError
from summarizer.ingest.addresses import public_only, refused_address
from summarizer.ingest.fetch import TIMEOUT_S, FetchError, Page, fetch
from summarizer.serve.digest_jobs import WRITER_WAIT_S
from summarizer.serve.problems import one_line
from summarizer.serve.schemas import WatchedSource, WatchPoll, WatchStatus
from summarizer.watch.polite import HOST_DELAY_S, Disallowed, Polite
from summarizer.watch.sources import Source
from summarizer.watch.watcher import Clock, PollReport, Watcher, local_now

logger = logging.getLogger(__name__)

OnPoll = Callable[[PollReport], None]


@dataclass(frozen=True)
class WatchPlan:
    """What the server watches: ``summarizer watch``'s sources, ``--every`` and ``--delay``.

    ``on_poll`` is told of every poll (the CLI prints the watch command's status line).
    """

    sources: Sequence[Source]
    every_s: float
    delay_s: float = HOST_DELAY_S
    on_poll: OnPoll | None = None


def private_feeds(sources: Sequence[Source]) -> list[str]:
    """The feeds on loopback, private or link-local addresses: a server refuses them unless told otherwise."""
    return [s.url for s in sources if s.kind == "feed" and refused_address(urlsplit(s.url).hostname or "")]


def public_fetch(url: str, headers: Mapping[str, str] | None = None, timeout: float = TIMEOUT_S) -> Page:
    """``fetch`` for a server: a page on a non-public address is skipped as robots.txt's are, never fetched.

    A feed is a stranger's list of links: one pointing into the server's own network is left alone and not
    tried again (a plain FetchError would be retried every poll); a redirect there fails as it does for briefs.
    """
    try:
        public_only(urlsplit(url).hostname or "")
    except FetchError as error:
        raise Disallowed(f"{url}: {error}") from None
    return fetch(url, timeout, headers=headers, check_host=public_only)


class ServeWatch:
    """Runs a :class:`Watcher` in a thread of the server and says how it fares (``GET /v1/watch``)."""

    def __init__(
        self,
        plan: WatchPlan,
        summarizer: Summarizer,
        store: Store,
        *,
        model_slots: threading.Semaphore,
        store_writer: threading.Lock,
        slots: int,
        allow_private_urls: bool = False,
        clock: Clock = local_now,
    ) -> None:
        self.plan, self.store, self.store_writer = plan, store, store_writer
        polite = Polite(plan.delay_s, fetch=fetch if allow_private_urls else public_fetch)
        self.watcher = Watcher(
            plan.sources, summarizer, store, polite=polite, clock=clock, concurrency=slots, model_slots=model_slots
        )
        self.polls = 0
        self._polling = False
        self._last: tuple[PollReport, dt.datetime] | None = None
        self._listeners: list[OnPoll] = [plan.on_poll] if plan.on_poll else []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._loop, name="serve-watch", daemon=True)

    def listen(self, on_poll: OnPoll) -> None:
        """Tell ``on_poll`` of every poll from now on (the metrics count them)."""
        self._listeners.append(on_poll)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Ask the watcher to end after the article in flight (see :meth:`join`)."""
        self.watcher.stop.set()

    def join(self, timeout_s: float) -> bool:
        """Wait up to ``timeout_s`` for the watcher to end; says whether it did."""
        if self._thread.is_alive():
            self._thread.join(timeout_s)
        if self._thread.is_alive():
            logger.warning(
                "the watcher was still briefing after the grace; the article is stored and briefed at the next start"
            )
            return False
        return True

    def status(self) -> WatchStatus:
        with self._lock:
            last, polling, polls = self._last, self._polling, self.polls
        stopped = self.watcher.stop.is_set() or (self._thread.ident is not None and not self._thread.is_alive())
        return WatchStatus(
            state="stopped" if stopped else "polling" if polling else "waiting",
            every_s=self.plan.every_s,
            polls=polls,
            sources=[self._source(source) for source in self.plan.sources],
            last_poll=_poll(*last) if last else None,
            next_poll=last[0].next_poll if last and not stopped else None,
        )

    def _source(self, source: Source) -> WatchedSource:
        state = self.store.feed_state(source.url)
        return WatchedSource(source=source.url, kind=source.kind, failures=state.failures, backing_off=state.skip_polls)

    def _loop(self) -> None:
        stop = self.watcher.stop
        while not stop.is_set():
            report = self._poll()
            if report is None:
                break
            report.next_poll = report.started + dt.timedelta(seconds=self.plan.every_s)
            with self._lock:
                self._last, self.polls = (report, self.watcher.clock()), self.polls + 1
            for listener in self._listeners:
                listener(report)
            if stop.wait(max((report.next_poll - self.watcher.clock()).total_seconds(), 0.0)):
                break
        logger.info("the watcher stopped after %d polls", self.polls)

    def _poll(self) -> PollReport | None:
        """One poll in the store writer's turn; None when the server stopped while it waited for its turn."""
        while not self.store_writer.acquire(timeout=WRITER_WAIT_S):
            if self.watcher.stop.is_set():
                return None
        with self._lock:
            self._polling = True
        try:
            with hold_store(self.store.path):
                return self.watcher.poll()
        except SummarizerError as error:  # the store held by another program, or failing: told, tried next poll
            now = self.watcher.clock()
            return PollReport(started=now, day=now.date(), failures=[f"{one_line(error)}; tried again next poll"])
        except Exception:  # a bug must not end the watching for the rest of the server's life
            logger.exception("the watcher's poll failed; tried again next poll")
            now = self.watcher.clock()
            return PollReport(started=now, day=now.date(), failures=["internal error in the poll; tried again"])
        finally:
            with self._lock:
                self._polling = False
            self.store_writer.release()


def _poll(report: PollReport, finished: dt.datetime) -> WatchPoll:
    return WatchPoll(
        started=report.started,
        finished=finished,
        day=report.day,
        polled=report.polled,
        unchanged=report.unchanged,
        new=report.new,
        briefs_made=report.made,
        failures=report.failures,
        digest_url=f"/v1/digests/{report.day.isoformat()}" if report.digest is not None else None,
    )
