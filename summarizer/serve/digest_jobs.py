"""Digests made in the background, one at a time, by the code ``summarizer digest`` runs, kept in the same store.

A digest job is written to the store (its ``jobs`` table, kind ``digest``)
before it is queued, with its date resolved, so a job asked for "today" just
before midnight still makes that day's digest after a restart. The job
briefs its articles with ``digest.build.build_digest``, as the CLI does:
each brief is committed as it is made and the finished digest is kept in the
store's ``digests`` table, so ``summarizer digest --since`` and the server see
the same days. Its briefs take the model slots the brief jobs take (one
semaphore), so together they never put more requests on the model than it
serves at once. A digest's length grows with its articles, so its timeout is
a stall: no article settled within the job timeout fails it. On stop, a
running digest stops at its next article and is parked (queued again); the
next server on the same store runs it again, and the briefs already made are
found, not made again. Its progress (articles briefed of those found) lives
in memory only: a resumed job counts again from the start, quickly through
stored briefs.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from summarizer.brief.engine import Summarizer
from summarizer.bulk.lock import hold_store
from summarizer.digest.build import build_digest
from summarizer.digest.store import Store, StoredJob, content_hash
from summarizer.errors import ArticleError
from summarizer.ingest.article import Article
from summarizer.ingest.fetch import CheckHost
from summarizer.ingest.inputs import Item, collect
from summarizer.schema import Brief
from summarizer.serve.bounds import JOB_TIMEOUT_S
from summarizer.serve.problems import JobTimeoutError, kind_of, one_line
from summarizer.serve.schemas import DigestRequest, Job, JobProgress

logger = logging.getLogger(__name__)

WRITER_WAIT_S = 0.2
"""How often a digest job waiting for the watcher's poll (or the watcher for a digest job) looks whether the server
is stopping: at once to a person, and no load."""

Collect = Callable[[list[str]], Iterable[Item]]
"""Reads feed and page addresses into articles (``ingest.inputs.collect`` in the server; a stand-in in tests)."""


def collect_web(urls: list[str], check_host: CheckHost | None = None) -> Iterator[Item]:
    """The articles of feed and page addresses, as ``summarizer digest URL...`` reads them (http(s) only)."""
    return collect(urls, check_host=check_host)


def resolved(request: DigestRequest) -> dict[str, Any]:
    """The request as the job keeps it: its date fixed now ("today" is the day it was asked)."""
    asked = request.model_dump(mode="json", exclude_none=True)
    asked["date"] = (request.date or dt.date.today()).isoformat()
    return asked


def articles_of(request: DigestRequest) -> list[Article]:
    """The articles given with their text, read now: a bad one is the caller's 422, not a failed job later."""
    return [Article(**a.model_dump(exclude_none=True)) for a in request.articles if a.text is not None]


class Stopping(Exception):
    """The server is stopping: the digest stops at its next article and is parked for the next start."""


class Watchdog:
    """Calls ``overran`` once no ``restart`` came for ``timeout_s`` seconds."""

    def __init__(self, timeout_s: float, overran: Callable[[], None]) -> None:
        self.timeout_s, self.overran = timeout_s, overran
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def restart(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.timeout_s, self.overran)
            self._timer.daemon = True
            self._timer.start()

    def cancel(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()


class DigestJobs:
    """Runs digest jobs one after another (their briefs within the shared model slots) and says how far each is."""

    kind = "digest"
    """The jobs table's ``kind`` of these jobs."""

    def __init__(
        self,
        summarizer: Summarizer,
        store: Store,
        collect_urls: Collect,
        slots: int,
        *,
        model_slots: threading.Semaphore,
        store_writer: threading.Lock | None = None,
        timeout_s: float = JOB_TIMEOUT_S,
        on_made: Callable[[Brief], None] | None = None,
    ) -> None:
        self.summarizer, self.store, self.collect_urls, self.slots = summarizer, store, collect_urls, slots
        self.model_slots, self.timeout_s, self.on_made = model_slots, timeout_s, on_made
        self.store_writer = store_writer or threading.Lock()
        """Held with the store's writer lock: the server's watcher polls under it too, so they take turns."""
        # One digest at a time: two builds of one day would race to keep it, and both would brief the same articles.
        self._queue: queue.Queue[StoredJob | None] = queue.Queue()
        self._progress: dict[str, JobProgress] = {}
        self._running: str | None = None
        self._settled: set[str] = set()  # failed by the timeout or parked: no state is written for them again
        self._closing = threading.Event()
        self._lock = threading.RLock()
        self._worker = threading.Thread(target=self._work, name="serve-digest", daemon=True)
        self._worker.start()

    def submit(self, request: DigestRequest) -> StoredJob:
        job = self.store.add_job(uuid.uuid4().hex, self.kind, resolved(request))
        self._queue.put(job)
        return job

    def resume(self, unfinished: Iterable[StoredJob]) -> int:
        """Run again the digest jobs a stopped server left unfinished; returns how many."""
        mine = [job for job in unfinished if job.kind == self.kind]
        for job in mine:
            self._queue.put(job)
        return len(mine)

    @property
    def queued(self) -> int:
        return self._queue.qsize()

    @property
    def running(self) -> int:
        with self._lock:
            return int(self._running is not None)

    def view(self, job: StoredJob) -> Job:
        day = dt.date.fromisoformat(str(job.request["date"]))
        ahead = None
        if job.state == "queued":
            queued = [other.id for other in self.store.jobs_in(("queued",)) if other.kind == self.kind]
            ahead = queued.index(job.id) if job.id in queued else None
        with self._lock:
            progress = self._progress.get(job.id)
        return Job(
            id=job.id,
            kind="digest",
            state=job.state,
            queued_ahead=ahead,
            digest_date=day,
            digest_url=f"/v1/digests/{day.isoformat()}" if job.state == "done" else None,
            progress=progress,
            error=job.error,
            created=job.created,
            updated=job.updated,
        )

    def stop(self) -> None:
        """Take no more work: queued jobs stay queued in the store; a running one stops at its next article."""
        self._closing.set()
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._queue.put(None)

    def park(self, deadline: float) -> list[str]:
        """Wait until ``deadline`` (a ``time.monotonic()``) for the running job to stop; park it if it has not.

        Returns the id of the job parked (put back to queued in the store), if any: its briefs made so far are
        stored, so the next start only makes the rest.
        """
        self._worker.join(max(0.0, deadline - time.monotonic()))
        with self._lock:
            running = self._running
            if running is None or running in self._settled:
                return []
            self._settled.add(running)
            self.store.update_job(running, "queued")
            return [running]

    def _work(self) -> None:
        while (job := self._queue.get()) is not None:
            with self._lock:
                if self._closing.is_set():  # left queued in the store for the next start
                    continue
                self._running = job.id
            watchdog = Watchdog(self.timeout_s, functools.partial(self._overran, job.id))
            watchdog.restart()
            try:
                self._run(job, watchdog)
            finally:
                watchdog.cancel()
                with self._lock:
                    self._running = None
                    self._settled.discard(job.id)

    def _overran(self, job_id: str) -> None:
        error = JobTimeoutError(
            f"no article of the digest was briefed in {self.timeout_s:g} s, the server's job timeout; "
            "the model server may be stuck"
        )
        if self._mark(job_id, "failed", error=one_line(error), error_kind=kind_of(error)):
            logger.info("digest job %s failed: %s", job_id, one_line(error))

    def _mark(self, job_id: str, state: str, **fields: Any) -> bool:
        """Write the job's new state unless it was settled (timed out or parked); a final state settles it."""
        with self._lock:
            if job_id in self._settled:
                return False
            self.store.update_job(job_id, state, **fields)
            if state != "running":
                self._settled.add(job_id)
            return True

    def _run(self, job: StoredJob, watchdog: Watchdog) -> None:
        self._mark(job.id, "running")
        self._set(job.id, JobProgress(briefed=0))
        try:
            self._build(job, watchdog)
        except Stopping:
            if self._mark(job.id, "queued"):
                logger.warning("parked digest job %s at its next article; the next start runs it", job.id)
            return
        except Exception as error:
            if self._mark(job.id, "failed", error=one_line(error), error_kind=kind_of(error)):
                logger.info("digest job %s failed: %s", job.id, one_line(error))
            return
        self._mark(job.id, "done")

    def _build(self, job: StoredJob, watchdog: Watchdog) -> None:
        request = DigestRequest.model_validate(job.request)
        items = self._items(request)
        if all(item.article is None for item in items):
            reasons = "; ".join(f"{i.source}: {i.skipped}" for i in items[:5]) + ("; …" if len(items) > 5 else "")
            raise ArticleError(f"no article found in the inputs ({reasons}); no digest was made")
        total = len({content_hash(item.article.text) for item in items if item.article is not None})
        self._set(job.id, JobProgress(briefed=0, total=total))
        made: set[str] = set()

        def settled(source: str, outcome: str) -> None:
            watchdog.restart()
            if outcome == "made":
                made.add(source)
            if outcome != "skipped":
                with self._lock:
                    now = self._progress[job.id]
                    self._progress[job.id] = JobProgress(briefed=now.briefed + 1, total=now.total)
            if self._closing.is_set():
                raise Stopping

        with self._writing(), hold_store(self.store.path):  # one writer per store, as for `summarizer digest`
            watchdog.restart()  # a poll of the server's watcher it waited for is not this job's stall
            digest = build_digest(
                items, summarizer=self.summarizer, store=self.store, day=request.date, concurrency=self.slots,
                progress=settled, since=request.since, model_slots=self.model_slots,
            )  # fmt: skip
        if self.on_made is not None:  # the tokens of the briefs the model made for it
            for article in digest.articles:
                if made.intersection(article.sources):
                    self.on_made(article.brief)
        if not digest.articles and digest.failed:
            first = digest.failed[0]
            raise ArticleError(f"no brief could be made ({first.source}: {first.reason})")

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """The in-process writer's turn (a poll of the server's watcher may hold it); Stopping when the server stops."""
        while not self.store_writer.acquire(timeout=WRITER_WAIT_S):
            if self._closing.is_set():
                raise Stopping
        try:
            yield
        finally:
            self.store_writer.release()

    def _items(self, request: DigestRequest) -> list[Item]:
        """The given articles, then what the addresses give (fetched now), in the order asked."""
        items: list[Item] = []
        urls = list(request.urls)
        for number, given in enumerate(request.articles, start=1):
            if given.text is None:
                urls.append(str(given.url))
                continue
            source = given.url or f"articles[{number - 1}]"
            try:
                items.append(Item(source, Article(**given.model_dump(exclude_none=True))))
            except ArticleError as error:
                items.append(Item(source, skipped=one_line(error)))
        if urls:
            items += list(self.collect_urls(urls))
        return items

    def _set(self, job_id: str, progress: JobProgress) -> None:
        with self._lock:
            self._progress[job_id] = progress
