"""The one code path that turns articles into rows, whichever executor runs it.

The local executor calls it with the SQLite store (briefs already stored are
rebuilt from their answers, new ones committed as they complete); a Ray actor
calls it without one (the output directory is its memory). Either way the
brief comes from ``Summarizer.summarize_recorded``: the same prompts,
grounding, rules and schema as ``summarizer brief``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from summarizer.brief.engine import Summarizer
from summarizer.bulk.rows import Row, Task, brief_row, error_row
from summarizer.digest.batch import failure_reason, make_brief, stored_brief
from summarizer.digest.store import BriefKey, Store


def brief_rows(
    summarizer: Summarizer, tasks: Iterable[Task], key: BriefKey, *, concurrency: int, store: Store | None = None
) -> Iterator[Row]:
    """A row per task, ``concurrency`` at a time, in the order they finish; one failure never stops the rest."""
    pending: set[Future[Row]] = set()
    queue = iter(tasks)
    pool = ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="bulk")
    try:
        while True:
            while len(pending) < max(1, concurrency) and (task := next(queue, None)) is not None:
                pending.add(pool.submit(one_row, summarizer, task, key, store))
            if not pending:
                return
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in finished)
    finally:
        # On Ctrl-C or a crash, queued articles are not started; what was written stays written.
        pool.shutdown(wait=False, cancel_futures=True)


def one_row(summarizer: Summarizer, task: Task, key: BriefKey, store: Store | None) -> Row:
    """The brief row of one article, or its error row (any exception, even a bug, is that article's alone)."""
    try:
        if store is None:
            recorded = summarizer.summarize_recorded(task.article)
            return brief_row(task, key, recorded.brief, list(recorded.answers))
        return _stored_or_made(summarizer, task, key, store)
    except Exception as error:
        return error_row(task, key, failure_reason(error))


def _stored_or_made(summarizer: Summarizer, task: Task, key: BriefKey, store: Store) -> Row:
    """Through the store: a stored brief is rebuilt without a model call; a new one is committed at once."""
    store.add_article(task.article)
    brief = stored_brief(summarizer, store, task.article_hash, key, task.article)
    if brief is None:
        brief = make_brief(summarizer, store, task.article_hash, key, task.article)
    return brief_row(task, key, brief, store.answers(task.article_hash, key))
