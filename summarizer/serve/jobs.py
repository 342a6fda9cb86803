"""Briefs made in the background, a model slot each, kept in the store so a restart loses none.

A job is written to the store before it is queued and marked as it moves
(queued, running, done or failed). A server that stops (SIGTERM, a crash)
leaves its unfinished jobs queued or running there; the next one started on
the same store runs them again (:meth:`Jobs.resume`). The brief itself is
committed by the same code as the digest's (digest/briefing.py), under the
same key, so either finds what the other made.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from summarizer.brief.engine import Summarizer
from summarizer.digest.briefing import brief_key, make_brief, stored_brief
from summarizer.digest.store import BriefKey, Store, StoredJob
from summarizer.ingest.article import Article
from summarizer.schema import Brief
from summarizer.serve.digest_jobs import Collect, DigestJobs, collect_web
from summarizer.serve.problems import kind_of, one_line
from summarizer.serve.schemas import Job

logger = logging.getLogger(__name__)

ReadUrl = Callable[[str], Article]
"""Fetches an article page (``ingest.article.read_article`` in the server; a stand-in in tests)."""
Made = tuple[str, Brief]
"""A finished job: the article's content hash and its brief."""

UNFINISHED = ("queued", "running")


def article_of(request: dict[str, Any], read_url: ReadUrl) -> Article:
    """The article a request gives, or the page at its URL (fetched now, in the job)."""
    if request.get("text") is not None:
        return Article(**request)
    return read_url(str(request["url"]))


class Jobs:
    """Runs brief jobs ``slots`` at a time (the model's parallel slots) and answers what each has become.

    Digest jobs are ``digests``' (digest_jobs.py): the same table, resumed and stopped with these.
    """

    def __init__(
        self, summarizer: Summarizer, store: Store, read_url: ReadUrl, slots: int, collect_urls: Collect = collect_web
    ) -> None:
        self.summarizer, self.store, self.read_url = summarizer, store, read_url
        self.digests = DigestJobs(summarizer, store, collect_urls, slots)
        self.key: BriefKey = brief_key(summarizer)
        self._pool = ThreadPoolExecutor(max_workers=max(1, slots), thread_name_prefix="serve-job")
        self._running: dict[str, Future[Made]] = {}
        self._by_article: dict[str, str] = {}
        self._lock = threading.RLock()  # a job that ends at once is forgotten inside _start, under the lock

    def stored(self, digest: str) -> Brief | None:
        """The brief of article ``digest`` already in the store (rebuilt with today's rules, no model call)."""
        article = self.store.article(digest)
        return None if article is None else stored_brief(self.summarizer, self.store, digest, self.key, article)

    def submit(self, request: dict[str, Any], digest: str | None = None) -> tuple[str, Future[Made]]:
        """Queue a brief; the same article already in flight is that job, not a second model call."""
        with self._lock:
            if digest is not None and (same := self._by_article.get(digest)) and same in self._running:
                return same, self._running[same]
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
            return self._running.get(job_id)

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

    def close(self) -> None:
        """Stop taking work: queued jobs stay queued in the store and running ones stay marked, for the next start."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.digests.close()

    def _start(self, job: StoredJob, digest: str | None) -> Future[Made]:
        future = self._pool.submit(self._run, job)
        self._running[job.id] = future
        if digest is not None:
            self._by_article[digest] = job.id
        future.add_done_callback(lambda _done: self._forget(job.id, digest))
        return future

    def _forget(self, job_id: str, digest: str | None) -> None:
        with self._lock:
            self._running.pop(job_id, None)
            if digest is not None and self._by_article.get(digest) == job_id:
                del self._by_article[digest]

    def _run(self, job: StoredJob) -> Made:
        self.store.update_job(job.id, "running")
        try:
            article = article_of(job.request, self.read_url)
            digest, new = self.store.add_article(article)
            article = article if new else (self.store.article(digest) or article)
            brief = self.stored(digest) or make_brief(self.summarizer, self.store, digest, self.key, article)
        except Exception as error:
            self.store.update_job(job.id, "failed", error=one_line(error), error_kind=kind_of(error))
            logger.info("job %s failed: %s", job.id, one_line(error))
            raise
        self.store.update_job(job.id, "done", article_hash=digest)
        return digest, brief
