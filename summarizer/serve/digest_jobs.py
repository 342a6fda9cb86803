"""Digests made in the background, one at a time, by the code ``summarizer digest`` runs, kept in the same store.

A digest job is written to the store (its ``jobs`` table, kind ``digest``)
before it is queued, with its date resolved, so a job asked for "today" just
before midnight still makes that day's digest after a restart. The job
briefs its articles with ``digest.build.build_digest``, as the CLI does:
each brief is committed as it is made and the finished digest is kept in the
store's ``digests`` table, so ``summarizer digest --since`` and the server see
the same days. A server that stops mid-job leaves it marked; the next one on
the same store runs it again, and the briefs already made are found, not made
again. Its progress (articles briefed of those found) lives in memory only:
a resumed job counts again from the start, quickly through stored briefs.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from summarizer.brief.engine import Summarizer
from summarizer.bulk.lock import hold_store
from summarizer.digest.build import build_digest
from summarizer.digest.store import Store, StoredJob, content_hash
from summarizer.errors import ArticleError
from summarizer.ingest.article import Article
from summarizer.ingest.inputs import Item, collect
from summarizer.serve.problems import kind_of, one_line
from summarizer.serve.schemas import DigestRequest, Job, JobProgress

logger = logging.getLogger(__name__)

Collect = Callable[[list[str]], Iterable[Item]]
"""Reads feed and page addresses into articles (``ingest.inputs.collect`` in the server; a stand-in in tests)."""


def collect_web(urls: list[str]) -> Iterator[Item]:
    """The articles of feed and page addresses, as ``summarizer digest URL...`` reads them (http(s) only)."""
    return collect(urls)


def resolved(request: DigestRequest) -> dict[str, Any]:
    """The request as the job keeps it: its date fixed now ("today" is the day it was asked)."""
    asked = request.model_dump(mode="json", exclude_none=True)
    asked["date"] = (request.date or dt.date.today()).isoformat()
    return asked


def articles_of(request: DigestRequest) -> list[Article]:
    """The articles given with their text, read now: a bad one is the caller's 422, not a failed job later."""
    return [Article(**a.model_dump(exclude_none=True)) for a in request.articles if a.text is not None]


class DigestJobs:
    """Runs digest jobs one after another (each briefs ``slots`` articles at once) and says how far each is."""

    kind = "digest"
    """The jobs table's ``kind`` of these jobs."""

    def __init__(self, summarizer: Summarizer, store: Store, collect_urls: Collect, slots: int) -> None:
        self.summarizer, self.store, self.collect_urls, self.slots = summarizer, store, collect_urls, slots
        # One digest at a time: two builds of one day would race to keep it, and both would brief the same articles.
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="serve-digest")
        self._progress: dict[str, JobProgress] = {}
        self._lock = threading.Lock()

    def submit(self, request: DigestRequest) -> StoredJob:
        job = self.store.add_job(uuid.uuid4().hex, self.kind, resolved(request))
        self._start(job)
        return job

    def resume(self, unfinished: Iterable[StoredJob]) -> int:
        """Run again the digest jobs a stopped server left unfinished; returns how many."""
        mine = [job for job in unfinished if job.kind == self.kind]
        for job in mine:
            self._start(job)
        return len(mine)

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

    def close(self) -> None:
        """Stop taking work: queued jobs stay queued in the store, a running one stays marked, for the next start."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _start(self, job: StoredJob) -> Future[None]:
        return self._pool.submit(self._run, job)

    def _run(self, job: StoredJob) -> None:
        self.store.update_job(job.id, "running")
        self._set(job.id, JobProgress(briefed=0))
        try:
            self._build(job)
        except Exception as error:
            self.store.update_job(job.id, "failed", error=one_line(error), error_kind=kind_of(error))
            logger.info("digest job %s failed: %s", job.id, one_line(error))
            return
        self.store.update_job(job.id, "done")

    def _build(self, job: StoredJob) -> None:
        request = DigestRequest.model_validate(job.request)
        items = self._items(request)
        if all(item.article is None for item in items):
            reasons = "; ".join(f"{i.source}: {i.skipped}" for i in items[:5]) + ("; …" if len(items) > 5 else "")
            raise ArticleError(f"no article found in the inputs ({reasons}); no digest was made")
        total = len({content_hash(item.article.text) for item in items if item.article is not None})
        self._set(job.id, JobProgress(briefed=0, total=total))

        def settled(_source: str, outcome: str) -> None:
            if outcome != "skipped":
                with self._lock:
                    now = self._progress[job.id]
                    self._progress[job.id] = JobProgress(briefed=now.briefed + 1, total=now.total)

        with hold_store(self.store.path):  # one writer per store, as for `summarizer digest`
            digest = build_digest(
                items, summarizer=self.summarizer, store=self.store, day=request.date, concurrency=self.slots,
                progress=settled, since=request.since,
            )  # fmt: skip
        if not digest.articles and digest.failed:
            first = digest.failed[0]
            raise ArticleError(f"no brief could be made ({first.source}: {first.reason})")

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
