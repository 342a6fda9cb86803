"""Bounded fan-out: work on many items, ``slots`` at a time, each result yielded as it finishes.

Written once for every caller (``Summarizer.map``/``amap``, the digest's
batch, the bulk rows): the async core runs tasks on the event loop, the sync
API runs the same loop on a thread pool. Either way:

- items are read from the iterable only as slots free up (a generator of a
  million articles is never read ahead);
- results come in the order they finish, not the input's;
- an item's ``Exception`` becomes its result through ``fail``: it never stops
  the others (a ``BaseException`` such as KeyboardInterrupt does);
- when the caller stops (breaks out, Ctrl-C, a crash), queued items are never
  started; the sync API then waits for the running ones (``wait=True``) or
  leaves them to finish on their own (``wait=False``, for a prompt Ctrl-C),
  the async one cancels them.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterable, AsyncIterator, Awaitable, Callable, Generator, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from itertools import islice
from typing import TypeVar

__all__ = ["afan_out", "fan_out"]

T = TypeVar("T")
R = TypeVar("R")


def fan_out(
    items: Iterable[T],
    work: Callable[[T], R],
    fail: Callable[[T, Exception], R],
    *,
    slots: int,
    wait_running: bool = True,
    name: str = "fanout",
) -> Generator[R, None, None]:
    """``work(item)`` for each item on ``slots`` threads (named ``name``), yielded as each finishes."""
    _check(slots)

    def guarded(item: T) -> R:
        try:
            return work(item)
        except Exception as error:
            return fail(item, error)

    queue = iter(items)
    pool = ThreadPoolExecutor(max_workers=slots, thread_name_prefix=name)
    pending: set[Future[R]] = set()
    try:
        while True:
            pending.update(pool.submit(guarded, item) for item in islice(queue, slots - len(pending)))
            if not pending:
                return
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in done)
    finally:
        pool.shutdown(wait=wait_running, cancel_futures=True)


async def afan_out(
    items: Iterable[T] | AsyncIterable[T],
    work: Callable[[T], Awaitable[R]],
    fail: Callable[[T, Exception], R],
    *,
    slots: int,
) -> AsyncGenerator[R, None]:
    """:func:`fan_out` on the event loop: ``slots`` tasks in flight; the running ones are cancelled on exit."""
    _check(slots)

    async def guarded(item: T) -> R:
        try:
            return await work(item)
        except Exception as error:
            return fail(item, error)

    queue = _aiter(items)
    pending: set[asyncio.Task[R]] = set()
    try:
        while True:
            while len(pending) < slots:
                try:
                    item = await anext(queue)
                except StopAsyncIteration:
                    break
                pending.add(asyncio.create_task(guarded(item)))
            if not pending:
                return
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                yield task.result()
    finally:
        for task in pending:
            task.cancel()


def _check(slots: int) -> None:
    if slots < 1:
        raise ValueError(f"slots must be at least 1, got {slots}")


async def _aiter(items: Iterable[T] | AsyncIterable[T]) -> AsyncIterator[T]:
    if isinstance(items, AsyncIterable):
        async for item in items:
            yield item
    else:
        for item in items:
            yield item
