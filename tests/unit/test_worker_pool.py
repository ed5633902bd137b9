"""The extract service's loop-driven process pool (``services/worker_pool.py``) on real forkserver
processes: tasks run in the workers, exceptions come back, big payloads both ways, a dead worker fails
only its task and is replaced, a cancelled caller frees its worker, shutdown ends everything.

Tasks are standard-library callables: a forkserver worker imports a task's module by name, and a test
module is not importable there."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator
from concurrent.futures.process import BrokenProcessPool

import psutil
import pytest

from invoiceflow.services.worker_pool import AsyncProcessPool


def _running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.fixture
async def pool() -> AsyncIterator[AsyncProcessPool]:
    pool = AsyncProcessPool(2)
    await pool.start()
    yield pool
    pool.shutdown()


async def test_tasks_run_in_the_worker_processes(pool: AsyncProcessPool) -> None:
    answered_by = await asyncio.gather(*(pool.run(os.getpid) for _ in range(8)))
    assert len(pool.pids) == 2
    assert set(answered_by) <= set(pool.pids)
    assert os.getpid() not in answered_by


async def test_a_task_s_exception_is_raised_to_its_caller(pool: AsyncProcessPool) -> None:
    with pytest.raises(ValueError, match="invalid literal"):
        await pool.run(int, "not a number")
    assert await pool.run(int, "42") == 42  # the worker goes on


async def test_payloads_bigger_than_a_pipe_buffer_go_both_ways(pool: AsyncProcessPool) -> None:
    big = os.urandom(3 << 20)
    sizes = await asyncio.gather(pool.run(len, big), pool.run(len, big), pool.run(len, b"small"))
    assert sizes == [len(big), len(big), 5]
    answer = await pool.run(bytes, 2 << 20)  # a 2 MiB answer
    assert answer == bytes(2 << 20)


async def test_a_dead_worker_fails_its_task_only_and_is_replaced(pool: AsyncProcessPool) -> None:
    before = set(pool.pids)
    with pytest.raises(BrokenProcessPool):
        await pool.run(os._exit, 3)
    answered_by = await asyncio.gather(*(pool.run(os.getpid) for _ in range(6)))
    assert len(pool.pids) == 2
    assert set(pool.pids) != before  # one worker is new
    assert set(answered_by) <= set(pool.pids)


async def test_a_cancelled_caller_frees_its_worker_for_the_next_task() -> None:
    pool = AsyncProcessPool(1)
    try:
        await pool.start()
        slow = asyncio.create_task(pool.run(time.sleep, 0.3))
        await asyncio.sleep(0.05)
        slow.cancel()
        with pytest.raises(asyncio.CancelledError):
            await slow
        async with asyncio.timeout(10):
            assert await pool.run(int, "7") == 7  # answered once the sleep is over, not lost
    finally:
        pool.shutdown()


async def test_tasks_beyond_the_workers_wait_their_turn(pool: AsyncProcessPool) -> None:
    started = time.perf_counter()
    await asyncio.gather(*(pool.run(time.sleep, 0.2) for _ in range(4)))
    assert time.perf_counter() - started >= 0.39  # two rounds on two workers


async def test_shutdown_ends_the_workers_and_fails_what_is_pending() -> None:
    pool = AsyncProcessPool(1)
    await pool.start()
    pids = pool.pids
    running = asyncio.create_task(pool.run(time.sleep, 30))
    queued = asyncio.create_task(pool.run(os.getpid))
    await asyncio.sleep(0.1)
    pool.shutdown()
    for task in (running, queued):
        with pytest.raises(BrokenProcessPool):
            await task
    assert not any(_running(pid) for pid in pids)
    with pytest.raises(RuntimeError, match="shut down"):
        await pool.run(os.getpid)


async def test_a_failing_initializer_fails_the_start() -> None:
    pool = AsyncProcessPool(1, initializer=os._exit, initargs=(2,))
    try:
        with pytest.raises(BrokenProcessPool):
            await pool.start()
    finally:
        pool.shutdown()
