"""The one code path that turns articles into rows, whichever executor runs it.

The local executor calls it with the SQLite store (briefs already stored are
rebuilt from their answers, new ones committed as they complete); a Ray actor
calls it without one (the output directory is its memory). Either way the
brief comes from ``Summarizer.summarize_recorded``: the same prompts,
grounding, rules and schema as ``summarizer brief``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from summarizer.brief.engine import Summarizer
from summarizer.bulk.rows import Row, Task, brief_row, error_row
from summarizer.digest.briefing import failure_reason, make_brief, stored_brief
from summarizer.digest.store import BriefKey, Store
from summarizer.fanout import fan_out

Settle = Callable[[str, str, str | None], None]
"""Hears of each input that needs no brief, with (source, "done" | "skipped", reason): held already, or no article."""


def brief_rows(
    summarizer: Summarizer, tasks: Iterable[Task], key: BriefKey, *, concurrency: int, store: Store | None = None
) -> Iterator[Row]:
    """A row per task, ``concurrency`` at a time, in the order they finish; one failure never stops the rest."""

    def row(task: Task) -> Row:
        return one_row(summarizer, task, key, store)

    def failed(task: Task, error: Exception) -> Row:
        return error_row(task, key, failure_reason(error))  # any exception, even a bug, is that article's alone

    # On Ctrl-C or a crash, queued articles are not started; what was written stays written.
    yield from fan_out(tasks, row, failed, slots=max(1, concurrency), wait_running=False, name="bulk")


def one_row(summarizer: Summarizer, task: Task, key: BriefKey, store: Store | None) -> Row:
    """The brief row of one article (raising when it has none: :func:`brief_rows` makes that its error row)."""
    if store is None:
        recorded = summarizer.summarize_recorded(task.article)
        return brief_row(task, key, recorded.brief, list(recorded.answers))
    return _stored_or_made(summarizer, task, key, store)


def _stored_or_made(summarizer: Summarizer, task: Task, key: BriefKey, store: Store) -> Row:
    """Through the store: a stored brief is rebuilt without a model call; a new one is committed at once."""
    store.add_article(task.article)
    brief = stored_brief(summarizer, store, task.article_hash, key, task.article)
    if brief is None:
        brief = make_brief(summarizer, store, task.article_hash, key, task.article)
    return brief_row(task, key, brief, store.answers(task.article_hash, key))
