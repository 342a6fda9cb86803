"""The local executor: threads on this machine, the SQLite store as a cache under the shards.

Through the store, a brief ``summarizer digest`` or ``summarizer eval`` already
made is reused (rebuilt from its answers, no model call), and a brief made
here is committed there as it completes: a kill between the model's answer
and the shard loses nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from summarizer.brief.engine import Summarizer
from summarizer.bulk.rows import Row, Task
from summarizer.bulk.work import brief_rows
from summarizer.digest.briefing import match_concurrency
from summarizer.digest.store import BriefKey, Store


def run_local(
    engine: Summarizer, tasks: Iterable[Task], key: BriefKey, *, concurrency: int | None, store: Store
) -> Iterator[list[Row]]:
    """Rows one at a time (each a batch of one, so each is on disk as soon as it is made).

    ``store`` is the caller's, opened and locked for the whole run (``bulk.job.run_job``).
    """
    workers = match_concurrency(engine, concurrency)
    for row in brief_rows(engine, tasks, key, concurrency=workers, store=store):
        yield [row]
