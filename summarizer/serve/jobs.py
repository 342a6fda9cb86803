"""Briefs made in the background, a model slot each, kept in the store so a restart loses none.

A job is written to the store before it is queued and marked as it moves
(queued, running, done or failed). Each slot is one worker thread, so a slot
never makes two briefs at once; a request over the slots waits in the queue.
A model brief also holds one of the model slots (a semaphore the digest jobs'
briefs take too), so briefs and digests together stay within the slots.
A job running longer than the job timeout is failed with one line (its
thread keeps the slot until the model answers: a Python thread cannot be cut).
On stop, queued jobs stay queued in the store, running ones get a grace
period to finish and are put back in the queue when they do not (parked);
the next server on the same store runs them (:meth:`Jobs.resume`). The brief
itself is committed by the same code as the digest's (digest/briefing.py),
under the same key, so either finds what the other made.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from summarizer.brief.engine import Summarizer
from summarizer.digest.briefing import brief_key, make_brief, stored_brief
from summarizer.digest.store import BriefKey, Store, StoredJob
from summarizer.errors import ArticleError, ModelUnavailableError
from summarizer.ingest.article import Article
from summarizer.schema import Brief
from summarizer.serve.bounds import GRACE_S, JOB_TIMEOUT_S
from summarizer.serve.digest_jobs import Collect, DigestJobs, collect_web
from summarizer.serve.problems import JobTimeoutError, kind_of, one_line
from summarizer.serve.schemas import Job, is_web_address, not_web_address

logger = logging.getLogger(__name__)

ReadUrl = Callable[[str], Article]
"""Fetches an article page (``ingest.article.read_article`` in the server; a stand-in in tests)."""
Made = tuple[str, Brief]
"""A finished job: the article's content hash and its brief."""
OnMade = Callable[[Brief], None]
"""Told of every brief the model made (not of stored ones): the metrics count its tokens."""

UNFINISHED = ("queued", "running")


class ServerStoppingError(ModelUnavailableError):
    """The server stopped before the job ran; it is kept in the store and runs on the next start (503)."""


def article_of(request: dict[str, Any], read_url: ReadUrl) -> Article:
    """The article a request gives, or the page at its URL (fetched now, in the job); never a local file."""
    if request.get("text") is not None:
        return Article(**request)
    url = str(request["url"])
    if not is_web_address(url):  # checked when asked too; a job stored before that check is checked here
        raise ArticleError(not_web_address(url))
    return read_url(url)


class Jobs:
    """Runs brief jobs ``slots`` at a time (the model's parallel slots) and answers what each has become.

    Digest jobs are ``digests``' (digest_jobs.py): the same table and model slots, resumed and stopped with these.
    """

    def __init__(
        self,
        summarizer: Summarizer,
        store: Store,
        read_url: ReadUrl,
        slots: int,
        *,
        timeout_s: float = JOB_TIMEOUT_S,
        on_made: OnMade | None = None,
        collect_urls: Collect = collect_web,
    ) -> None:
        self.summarizer, self.store, self.read_url = summarizer, store, read_url
        self.slots, self.timeout_s, self.on_made = max(1, slots), timeout_s, on_made
        self.model_slots = threading.BoundedSemaphore(self.slots)
        """Held around every brief the model makes, a brief job's, a digest job's or the watcher's."""
        self.store_writer = threading.Lock()
        """Held with the store's writer lock by a digest job or a poll of the watcher: they take turns."""
        self.digests = DigestJobs(
            summarizer, store, collect_urls, self.slots, model_slots=self.model_slots, store_writer=self.store_writer,
            timeout_s=timeout_s, on_made=self._made,
        )  # fmt: skip
        self.key: BriefKey = brief_key(summarizer)
        self._queue: queue.Queue[tuple[StoredJob, Future[Made]] | None] = queue.Queue()
        self._outcomes: dict[str, Future[Made]] = {}
        self._by_article: dict[str, str] = {}
        self._active: set[str] = set()  # jobs a worker is running now
        self._settled: set[str] = set()  # finished, timed out or parked: no state is written for them again
        self._closing = False
        self._lock = threading.RLock()
        self._workers = [
            threading.Thread(target=self._work, name=f"serve-slot-{n}", daemon=True) for n in range(self.slots)
        ]
        for worker in self._workers:
            worker.start()

    def stored(self, digest: str) -> Brief | None:
        """The brief of article ``digest`` already in the store (rebuilt with today's rules, no model call)."""
        article = self.store.article(digest)
        return None if article is None else stored_brief(self.summarizer, self.store, digest, self.key, article)

    def submit(self, request: dict[str, Any], digest: str | None = None) -> tuple[str, Future[Made]]:
        """Queue a brief; the same article already in flight is that job, not a second model call."""
        with self._lock:
            if digest is not None and (same := self._by_article.get(digest)) and same in self._outcomes:
                return same, self._outcomes[same]
            job = self.store.add_job(uuid.uuid4().hex, "brief", request)
            return job.id, self._start(job, digest)

    def resume(self) -> int:
        """Run again the jobs a stopped server left unfinished; returns how many."""
        unfinished = self.store.jobs_in(UNFINISHED)
        briefs = [job for job in unfinished if job.kind == "brief"]
        with self._lock:
            for job in briefs:
                self._start(job, job.article_hash)
        resumed = len(briefs) + self.digests.resume(unfinished)
        if resumed:
            logger.info("resumed %d unfinished jobs", resumed)
        return resumed

    def outcome(self, job_id: str) -> Future[Made] | None:
        with self._lock:
            return self._outcomes.get(job_id)

    @property
    def queued(self) -> int:
        """Jobs waiting in this process: briefs for a slot, digests for the one before them."""
        return self._queue.qsize() + self.digests.queued

    @property
    def running(self) -> int:
        with self._lock:
            return len(self._active) + self.digests.running

    def view(self, job_id: str) -> Job | None:
        job = self.store.job(job_id)
        if job is None:
            return None
        if job.kind == self.digests.kind:
            return self.digests.view(job)
        ahead = None
        if job.state == "queued":
            queued = [other.id for other in self.store.jobs_in(("queued",)) if other.kind == "brief"]
            ahead = queued.index(job.id) if job.id in queued else None
        done = job.state == "done" and job.article_hash
        return Job(
            id=job.id,
            state=job.state,
            queued_ahead=ahead,
            brief_id=job.article_hash,
            brief_url=f"/v1/briefs/{job.article_hash}" if done else None,
            error=job.error,
            created=job.created,
            updated=job.updated,
        )

    def close(self, grace_s: float = GRACE_S) -> list[str]:
        """Stop: queued jobs stay queued in the store; running ones get ``grace_s`` to finish, then are parked.

        A running digest stops at its next article (its briefs so far are stored). Returns the ids of the
        running jobs parked (put back to queued in the store for the next start).
        """
        with self._lock:
            self._closing = True
        self.digests.stop()
        stopping = ServerStoppingError("the server is stopping; the job is kept and runs when it starts again")
        while True:  # the queued jobs are left as the store has them: queued
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                self._settle(item[1], stopping)
        for _worker in self._workers:
            self._queue.put(None)
        deadline = time.monotonic() + grace_s
        for worker in self._workers:
            worker.join(max(0.0, deadline - time.monotonic()))
        with self._lock:
            parked = sorted(self._active - self._settled)
            self._settled.update(parked)
            for job_id in parked:
                self.store.update_job(job_id, "queued")
                self._settle(self._outcomes.get(job_id), stopping)
        parked += self.digests.park(deadline)
        if parked:
            logger.warning(
                "parked %d running jobs in the store after %g s; the next start runs them", len(parked), grace_s
            )
        return parked

    def _start(self, job: StoredJob, digest: str | None) -> Future[Made]:
        outcome: Future[Made] = Future()
        self._outcomes[job.id] = outcome
        if digest is not None:
            self._by_article[digest] = job.id
        outcome.add_done_callback(lambda _done: self._forget(job.id, digest))
        self._queue.put((job, outcome))
        return outcome

    def _forget(self, job_id: str, digest: str | None) -> None:
        with self._lock:
            self._outcomes.pop(job_id, None)
            if digest is not None and self._by_article.get(digest) == job_id:
                del self._by_article[digest]

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            job, outcome = item
            with self._lock:
                if self._closing:  # left queued in the store for the next start
                    continue
                self._active.add(job.id)
            watchdog = threading.Timer(self.timeout_s, self._overran, (job.id, outcome))
            watchdog.daemon = True
            watchdog.start()
            try:
                self._run(job, outcome)
            finally:
                watchdog.cancel()
                with self._lock:
                    self._active.discard(job.id)
                    self._settled.discard(job.id)

    def _made(self, brief: Brief) -> None:
        if self.on_made is not None:
            self.on_made(brief)

    def _overran(self, job_id: str, outcome: Future[Made]) -> None:
        error = JobTimeoutError(
            f"the brief took over {self.timeout_s:.0f} s, the server's job timeout; the model server may be stuck"
        )
        with self._lock:
            if outcome.done() or job_id in self._settled:
                return
            self._settled.add(job_id)
            self.store.update_job(job_id, "failed", error=one_line(error), error_kind=kind_of(error))
        logger.info("job %s failed: %s", job_id, one_line(error))
        self._settle(outcome, error)

    def _mark(self, job_id: str, state: str, **fields: Any) -> bool:
        """Write the job's new state unless it was already settled (timed out or parked); says whether it did.

        A final state settles the job under the same lock, so a timeout firing just after cannot overwrite it.
        """
        with self._lock:
            if job_id in self._settled:
                return False
            self.store.update_job(job_id, state, **fields)
            if state in ("done", "failed"):
                self._settled.add(job_id)
            return True

    def _run(self, job: StoredJob, outcome: Future[Made]) -> None:
        self._mark(job.id, "running")
        try:
            article = article_of(job.request, self.read_url)
            digest, new = self.store.add_article(article)
            article = article if new else (self.store.article(digest) or article)
            brief = self.stored(digest)
            if brief is None:
                with self.model_slots:
                    brief = make_brief(self.summarizer, self.store, digest, self.key, article)
                self._made(brief)
        except Exception as error:
            if self._mark(job.id, "failed", error=one_line(error), error_kind=kind_of(error)):
                logger.info("job %s failed: %s", job.id, one_line(error))
                self._settle(outcome, error)
            return
        if self._mark(job.id, "done", article_hash=digest):
            self._settle(outcome, (digest, brief))

    @staticmethod
    def _settle(outcome: Future[Made] | None, result: Made | BaseException) -> None:
        """Give the waiting request its answer, once (a timeout or a stop may have answered it already)."""
        if outcome is None or outcome.done():
            return
        try:
            if isinstance(result, BaseException):
                outcome.set_exception(result)
            else:
                outcome.set_result(result)
        except Exception:  # answered by another thread in between: the first answer stands
            logger.debug("job outcome already set")
