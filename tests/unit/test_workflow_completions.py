"""In-process completion signals: the workflow wrapper that raises them and the waiter that uses them."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import Generator
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from invoiceflow.dapr.workflow import WorkflowInstance, WorkflowStatus
from invoiceflow.workflow.completions import (
    CompletionSignals,
    Returned,
    signalling,
    wait_for_end,
    waking_after_send,
)


def _instance(status: WorkflowStatus, instance_id: str = "inv-1") -> WorkflowInstance:
    now = datetime.now(UTC)
    return WorkflowInstance(
        instance_id=instance_id, name="invoice_workflow", status=status, created_at=now, last_updated_at=now
    )


def _two_steps(_ctx: Any, payload: Any) -> Generator[Any, Any, Any]:
    first = yield "step-1"
    second = yield "step-2"
    if payload == "fail":
        raise ValueError("boom")
    return [first, second]


class _Recorder(CompletionSignals):
    def __init__(self) -> None:
        super().__init__()
        self.notified: list[str] = []

    def notify(self, instance_id: str) -> None:
        self.notified.append(instance_id)
        super().notify(instance_id)


def _drive(generator: Generator[Any, Any, Any], results: list[Any]) -> Any:
    """Drive a workflow generator like the SDK: send each task result in turn; return its result."""
    generator.send(None)
    try:
        for result in results:
            generator.send(result)
    except StopIteration as stop:
        return stop.value
    raise AssertionError("the workflow did not finish")


def test_a_live_return_signals_the_instance_and_keeps_the_result() -> None:
    signals = _Recorder()
    ctx = SimpleNamespace(instance_id="inv-1", is_replaying=False)
    workflow = signalling(_two_steps, signals)

    assert _drive(workflow(ctx, None), ["a", "b"]) == ["a", "b"]
    assert signals.notified == ["inv-1"]
    assert workflow.__name__ == "_two_steps"


def test_a_replayed_return_does_not_signal() -> None:
    signals = _Recorder()
    ctx = SimpleNamespace(instance_id="inv-1", is_replaying=True)

    _drive(signalling(_two_steps, signals)(ctx, None), ["a", "b"])

    assert signals.notified == []


def test_an_abandoned_turn_is_not_an_end_but_a_failure_is() -> None:
    signals = _Recorder()
    ctx = SimpleNamespace(instance_id="inv-1", is_replaying=False)
    waiting = signalling(_two_steps, signals)(ctx, None)
    waiting.send(None)
    waiting.close()  # the SDK drops the generator at the end of a turn that waits on a task
    assert signals.notified == []

    failing = signalling(_two_steps, signals)(ctx, "fail")
    failing.send(None)
    failing.send("a")
    with pytest.raises(ValueError, match="boom"):
        failing.send("b")
    assert signals.notified == ["inv-1"]


async def test_the_waiter_reads_again_as_soon_as_the_worker_signals() -> None:
    signals = CompletionSignals()
    reads: list[WorkflowStatus] = []
    done = threading.Event()

    async def read() -> WorkflowInstance:
        status = WorkflowStatus.COMPLETED if done.is_set() else WorkflowStatus.RUNNING
        reads.append(status)
        return _instance(status)

    def worker_finishes() -> None:  # from another thread, as the SDK's orchestrator threads do
        time.sleep(0.05)
        done.set()
        signals.notify("inv-1")

    threading.Thread(target=worker_finishes).start()
    started = time.monotonic()
    ended = await wait_for_end(read, signals, "inv-1", timeout=10.0, recheck_seconds=5.0)

    assert ended is not None
    assert ended.status is WorkflowStatus.COMPLETED
    assert time.monotonic() - started < 1.0  # woken by the signal, not by the 5 s re-check
    assert reads == [WorkflowStatus.RUNNING, WorkflowStatus.COMPLETED]
    assert not signals.watching("inv-1")


async def test_a_waiter_taking_the_output_gets_what_the_workflow_returned_without_reading_again() -> None:
    signals = CompletionSignals()
    reads: list[WorkflowStatus] = []
    ctx = SimpleNamespace(instance_id="inv-1", is_replaying=False)

    async def read() -> WorkflowInstance:  # the runtime never shows the end: only the signal can
        reads.append(WorkflowStatus.RUNNING)
        return _instance(WorkflowStatus.RUNNING)

    def worker_finishes() -> None:  # the SDK runs the orchestrator turn on one of its threads
        time.sleep(0.05)
        _drive(signalling(_two_steps, signals)(ctx, None), [{"total": "1.00"}, "b"])

    threading.Thread(target=worker_finishes).start()
    started = time.monotonic()
    ended = await wait_for_end(read, signals, "inv-1", timeout=10.0, recheck_seconds=5.0, take_output=True)

    assert ended == Returned([{"total": "1.00"}, "b"])
    assert time.monotonic() - started < 1.0
    assert reads == [WorkflowStatus.RUNNING]  # the one read before the end, none after it
    assert not signals.watching("inv-1")


async def test_a_failed_end_carries_no_output_so_the_waiter_reads_the_runtime() -> None:
    signals = CompletionSignals()
    failed = threading.Event()
    ctx = SimpleNamespace(instance_id="inv-1", is_replaying=False)

    async def read() -> WorkflowInstance:
        return _instance(WorkflowStatus.FAILED if failed.is_set() else WorkflowStatus.RUNNING)

    def worker_fails() -> None:
        time.sleep(0.05)
        failed.set()
        with pytest.raises(ValueError, match="boom"):
            _drive(signalling(_two_steps, signals)(ctx, "fail"), ["a", "b"])

    threading.Thread(target=worker_fails).start()
    ended = await wait_for_end(read, signals, "inv-1", timeout=10.0, recheck_seconds=5.0, take_output=True)

    assert isinstance(ended, WorkflowInstance)
    assert ended.status is WorkflowStatus.FAILED


async def test_a_signal_before_the_runtime_stored_the_end_is_followed_by_short_rereads() -> None:
    signals = CompletionSignals()
    statuses = iter([WorkflowStatus.RUNNING, WorkflowStatus.RUNNING, WorkflowStatus.RUNNING])

    async def read() -> WorkflowInstance:
        status = next(statuses, WorkflowStatus.FAILED)
        if status is WorkflowStatus.RUNNING and not signals_sent:
            signals_sent.append(True)
            asyncio.get_running_loop().call_soon(signals.notify, "inv-1")
        return _instance(status)

    signals_sent: list[bool] = []
    started = time.monotonic()
    ended = await wait_for_end(read, signals, "inv-1", timeout=10.0, recheck_seconds=5.0)

    assert ended is not None
    assert ended.status is WorkflowStatus.FAILED
    assert time.monotonic() - started < 1.0


async def test_without_a_signal_the_waiter_falls_back_to_rechecks_and_honours_its_timeout() -> None:
    signals = CompletionSignals()
    reads = 0

    async def read() -> WorkflowInstance:
        nonlocal reads
        reads += 1
        return _instance(WorkflowStatus.COMPLETED if reads == 3 else WorkflowStatus.RUNNING)

    ended = await wait_for_end(read, signals, "inv-1", timeout=10.0, recheck_seconds=0.01)
    assert ended is not None
    assert ended.status is WorkflowStatus.COMPLETED

    async def never_ends() -> WorkflowInstance:
        return _instance(WorkflowStatus.RUNNING)

    started = time.monotonic()
    last = await wait_for_end(never_ends, signals, "inv-1", timeout=0.1, recheck_seconds=0.02)
    assert last is not None
    assert last.status is WorkflowStatus.RUNNING
    assert 0.09 <= time.monotonic() - started < 1.0


async def test_rechecks_back_off_up_to_their_maximum() -> None:
    signals = CompletionSignals()
    times: list[float] = []

    async def read() -> WorkflowInstance:
        times.append(time.monotonic())
        return _instance(WorkflowStatus.RUNNING)

    await wait_for_end(read, signals, "inv-1", timeout=0.5, recheck_seconds=0.02, max_recheck_seconds=0.08)
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert gaps[0] < 0.06  # 20 ms, then 40 ms, then 80 ms from then on
    assert max(gaps) < 0.2
    assert len(times) < 12  # without back-off, 0.5 s / 20 ms = 25 reads


async def test_a_vanished_instance_ends_the_wait() -> None:
    async def gone() -> WorkflowInstance | None:
        return None

    assert await wait_for_end(gone, CompletionSignals(), "inv-1", timeout=1.0) is None


async def test_many_waiters_share_a_recheck_budget_and_a_signal_still_answers_at_once() -> None:
    signals = CompletionSignals()
    reads: dict[str, int] = {}
    ended: set[str] = set()

    def reader(instance_id: str) -> Any:
        async def read() -> WorkflowInstance:
            reads[instance_id] = reads.get(instance_id, 0) + 1
            status = WorkflowStatus.COMPLETED if instance_id in ended else WorkflowStatus.RUNNING
            return _instance(status, instance_id)

        return read

    ids = [f"inv-{index}" for index in range(20)]
    waits = [
        asyncio.ensure_future(
            wait_for_end(
                reader(i), signals, i, timeout=0.6, recheck_seconds=0.02, recheck_budget_per_second=50
            )
        )
        for i in ids
    ]
    await asyncio.sleep(0.1)
    ended.add("inv-7")
    signals.notify("inv-7")
    await asyncio.sleep(0.05)
    assert waits[7].done()  # the signal answers at once, whatever the budget
    done, _ = await asyncio.wait(waits)
    assert all(task.result() is not None for task in done)
    # 20 waiters on a budget of 50 re-checks a second: each re-reads every 0.4 s at most once all wait, not
    # every 20 ms (alone, a waiter here re-reads ~30 times in 0.6 s). The first waiter's first re-check
    # was set while it waited alone; its last read is at the timeout.
    others = [count for instance_id, count in reads.items() if instance_id != "inv-7"]
    assert max(others) <= 4


async def test_a_lone_waiter_keeps_its_recheck_interval_under_a_budget() -> None:
    signals = CompletionSignals()
    times: list[float] = []

    async def read() -> WorkflowInstance:
        times.append(time.monotonic())
        return _instance(WorkflowStatus.RUNNING)

    await wait_for_end(
        read, signals, "inv-1", timeout=0.3, recheck_seconds=0.02, recheck_budget_per_second=10
    )
    # One waiter on 10 a second: 0.1 s between re-reads, so ~3 reads, not ~15.
    assert 2 <= len(times) <= 5


def test_inside_a_worker_turn_the_wake_up_waits_until_the_turn_was_sent() -> None:
    signals = _Recorder()
    ctx = SimpleNamespace(instance_id="inv-1", is_replaying=False)
    with waking_after_send():  # what sdk_fixes wraps around the SDK's execute-then-send of a turn
        assert _drive(signalling(_two_steps, signals)(ctx, None), ["a", "b"]) == ["a", "b"]
        assert signals.notified == []  # daprd has not got the completion yet: a read would miss it
    assert signals.notified == ["inv-1"]

    with waking_after_send():
        failing = signalling(_two_steps, signals)(ctx, "fail")
        failing.send(None)
        failing.send("a")
        with pytest.raises(ValueError, match="boom"):
            failing.send("b")
        assert signals.notified == ["inv-1"]
    assert signals.notified == ["inv-1", "inv-1"]


def test_the_sdk_turn_is_wrapped_so_that_wake_ups_follow_the_send() -> None:
    from dapr.ext.workflow._durabletask import worker

    from invoiceflow.workflow import completions
    from invoiceflow.workflow.sdk_fixes import apply_sdk_fixes

    apply_sdk_fixes()
    seen: list[object] = []

    class _Worker(worker.TaskHubGrpcWorker):  # type: ignore[misc]
        def __init__(self) -> None:  # no connection: only the turn's wrapper is under test
            pass

    saved = "_invoiceflow_original_execute_orchestrator"  # where apply_sdk_fixes keeps the SDK's turn
    original = worker.TaskHubGrpcWorker.__dict__[saved]

    def sdk_turn(_self: object, *_args: object) -> None:
        seen.append(getattr(completions._turn, "pending", None))

    try:
        setattr(worker.TaskHubGrpcWorker, saved, sdk_turn)
        _Worker()._execute_orchestrator("request", "token", lambda: None)
    finally:
        setattr(worker.TaskHubGrpcWorker, saved, original)
    assert seen == [[]]  # the turn ran with wake-ups held back
    assert getattr(completions._turn, "pending", None) is None  # and released after it


async def test_a_waiter_on_an_instance_started_here_waits_for_the_signal_before_reading() -> None:
    signals = CompletionSignals()
    signals.started("inv-1")
    reads: list[WorkflowStatus] = []
    done = threading.Event()

    async def read() -> WorkflowInstance:
        status = WorkflowStatus.COMPLETED if done.is_set() else WorkflowStatus.RUNNING
        reads.append(status)
        return _instance(status)

    def worker_finishes() -> None:
        time.sleep(0.05)
        done.set()
        signals.notify("inv-1")

    threading.Thread(target=worker_finishes).start()
    started = time.monotonic()
    ended = await wait_for_end(read, signals, "inv-1", timeout=10.0, recheck_seconds=5.0)

    assert ended is not None
    assert ended.status is WorkflowStatus.COMPLETED
    assert time.monotonic() - started < 1.0
    assert reads == [WorkflowStatus.COMPLETED]  # no read of the running instance before the end
    assert not signals.running_here("inv-1")


async def test_an_instance_started_here_that_ended_before_the_wait_is_read_at_once() -> None:
    signals = CompletionSignals()
    signals.started("inv-1")
    signals.notify("inv-1")  # ended before anyone waited

    async def read() -> WorkflowInstance:
        return _instance(WorkflowStatus.COMPLETED)

    started = time.monotonic()
    ended = await wait_for_end(read, signals, "inv-1", timeout=10.0, recheck_seconds=5.0)
    assert ended is not None
    assert ended.status is WorkflowStatus.COMPLETED
    assert time.monotonic() - started < 1.0


async def test_an_instance_started_here_but_ended_elsewhere_is_found_by_the_recheck_or_timeout() -> None:
    signals = CompletionSignals()
    signals.started("inv-1")
    reads = 0

    async def read() -> WorkflowInstance:
        nonlocal reads
        reads += 1
        return _instance(WorkflowStatus.TERMINATED)  # e.g. another replica's worker ended it

    ended = await wait_for_end(read, signals, "inv-1", timeout=10.0, recheck_seconds=0.02)
    assert ended is not None
    assert ended.status is WorkflowStatus.TERMINATED
    assert reads == 1

    signals.started("inv-2")

    async def running() -> WorkflowInstance:
        return _instance(WorkflowStatus.RUNNING, "inv-2")

    last = await wait_for_end(running, signals, "inv-2", timeout=0.05, recheck_seconds=5.0)
    assert last is not None
    assert last.status is WorkflowStatus.RUNNING  # the timeout answers with a read


def test_the_started_registry_is_bounded() -> None:
    signals = CompletionSignals(max_started=2)
    for instance_id in ("a", "b", "c"):
        signals.started(instance_id)
    assert [signals.running_here(i) for i in ("a", "b", "c")] == [False, True, True]


async def test_a_waiter_taking_the_output_is_woken_at_the_return_not_after_the_send() -> None:
    signals = CompletionSignals()
    ctx = SimpleNamespace(instance_id="inv-1", is_replaying=False)
    sent = threading.Event()

    async def read() -> WorkflowInstance:
        return _instance(WorkflowStatus.RUNNING)

    def worker_turn() -> None:
        time.sleep(0.05)
        with waking_after_send():
            _drive(signalling(_two_steps, signals)(ctx, None), ["a", "b"])
            sent.wait(5.0)  # the send to daprd: the embedded runner does not wait for it

    threading.Thread(target=worker_turn).start()
    started = time.monotonic()
    try:
        ended = await wait_for_end(
            read, signals, "inv-1", timeout=10.0, recheck_seconds=5.0, take_output=True
        )
        assert ended == Returned(["a", "b"])
        assert time.monotonic() - started < 1.0  # not held until the 5 s "send" gave up
    finally:
        sent.set()
