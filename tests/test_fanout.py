"""The one bounded fan-out under map/amap, the digest's batch and the bulk rows (summarizer/fanout.py)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator

import pytest

from summarizer.fanout import afan_out, fan_out


def slow(delays: dict[int, float]) -> tuple[list[int], Callable[[int], int]]:
    """A worker sleeping ``delays[item]`` and the list of items it started, in order."""
    started: list[int] = []

    def work(item: int) -> int:
        started.append(item)
        time.sleep(delays.get(item, 0.0))
        if item < 0:
            raise ValueError(f"bad {item}")
        return item

    return started, work


def failed(item: int, error: Exception) -> int:
    return 1000 + item if isinstance(error, ValueError) else -1


def test_results_come_as_they_finish_and_a_failure_is_its_items_alone() -> None:
    _, work = slow({0: 0.3, 1: 0.0, -2: 0.1})
    assert list(fan_out([0, 1, -2], work, failed, slots=3)) == [1, 998, 0]


def test_inputs_are_read_only_as_slots_free_up() -> None:
    read: list[int] = []

    def items() -> Iterator[int]:
        for n in range(10):
            read.append(n)
            yield n

    _, work = slow({})
    results = fan_out(items(), work, failed, slots=2)
    assert read == []  # nothing is read before the first result is asked for
    next(results)
    assert len(read) <= 3
    results.close()


def test_stopping_early_starts_no_queued_item_and_waits_for_running_ones() -> None:
    started, work = slow({0: 0.2, 1: 0.0})
    results = fan_out(range(10), work, failed, slots=2)
    assert next(results) == 1
    results.close()  # waits for item 0
    assert sorted(started) == [0, 1]  # item 2 was never started
    assert not any(t.name.startswith("fanout") for t in threading.enumerate())


def test_at_least_one_slot() -> None:
    with pytest.raises(ValueError, match="slots must be at least 1, got 0"):
        next(fan_out([1], abs, failed, slots=0))


def test_async_results_come_as_they_finish_and_running_ones_are_cancelled_on_exit() -> None:
    cancelled: list[int] = []

    async def work(item: int) -> int:
        try:
            await asyncio.sleep({0: 5.0, 1: 0.0}.get(item, 0.05))
        except asyncio.CancelledError:
            cancelled.append(item)
            raise
        if item < 0:
            raise ValueError("bad")
        return item

    async def items() -> AsyncIterator[int]:
        for n in (0, 1, -2):
            yield n

    async def first_two() -> list[int]:
        results = afan_out(items(), work, failed, slots=3)
        got = [await anext(results), await anext(results)]
        await results.aclose()
        await asyncio.sleep(0)
        return got

    assert asyncio.run(first_two()) == [1, 998]
    assert cancelled == [0]
