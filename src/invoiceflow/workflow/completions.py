"""In-process wake-ups for whoever waits on an instance that this process's worker runs to its end.

Polling the runtime for "is it done yet" is what a waiter would otherwise do, and it is not free: each
read makes daprd load the instance's state, and in multi-app mode each poll is also a REST request to the
API and a response to encode. With 100 invoices in flight, polls cost ~40 % of the workflow app's CPU
and the client's own share on top. Here the worker hosting the workflow tells the waiters in its own
process when a workflow function returned or raised in a live (non-replay) turn; the waiter then reads
the instance once (a few short retries cover the moment until daprd has stored the completion).

A wake-up is a hint, not the truth: waiters still re-read the runtime now and then (instances finished
by another replica, terminated or purged through the API), so a missed signal only costs latency. None
was missed in ~250 embedded runs timed by ``benchmarks/dapr_timeline.py``'s hand-off spans; the stalls
once suspected here were daprd delivering an activity result 1 s late (``runtime/patches/0001-…``).

A wake-up after a live *return* also carries the workflow's output, and a waiter that only wants the
result (``take_output``: the embedded runner) takes it from there instead of reading the instance until
daprd has stored the completion (1-3 reads after a 3, 6, 12 ms settle each, ~10 ms per invoice here, and
each read makes daprd load the whole state; at 50 pages that is a 200 KB result read back). By then the
save-and-publish step has completed and the output is what the replay will produce again, so the result
is the one the runtime records; the runtime's status catches up within milliseconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Literal, overload

from invoiceflow.dapr.workflow import WorkflowInstance

WorkflowFn = Callable[[Any, Any], Generator[Any, Any, Any]]
# Instances remembered as started here (``CompletionSignals.started``); ~100 bytes each.
MAX_STARTED = 100_000


@dataclass(frozen=True)
class Returned:
    """What a workflow function returned in a live turn of this process (its output, as JSON)."""

    output: Any


@dataclass
class Ending:
    """A waiter's view of one instance: ``event`` is set when it ends in this process; ``returned`` is
    filled first when it ended by returning."""

    loop: asyncio.AbstractEventLoop
    event: asyncio.Event = field(default_factory=asyncio.Event)
    returned: Returned | None = None
    takes_output: bool = False  # woken by ``hand_over`` already: it reads nothing from the runtime


class CompletionSignals:
    """Instance ids → the waiters' ``Ending``s (any loop, any thread may notify)."""

    def __init__(self, max_started: int = MAX_STARTED) -> None:
        self._lock = threading.Lock()
        self._waiters: dict[str, list[Ending]] = {}
        # Instances this process started whose end it has not seen (oldest forgotten first).
        self._started: OrderedDict[str, None] = OrderedDict()
        self._max_started = max_started

    def started(self, instance_id: str) -> None:
        """This process just started ``instance_id``: until its end is signalled here, a waiter need not
        read it before waiting (it is running, or its end is still to come through ``notify``)."""
        with self._lock:
            self._started[instance_id] = None
            self._started.move_to_end(instance_id)
            if len(self._started) > self._max_started:
                self._started.popitem(last=False)

    def notify(self, instance_id: str) -> None:
        with self._lock:
            self._started.pop(instance_id, None)
            waiters = list(self._waiters.get(instance_id, ()))
        for ending in waiters:
            _wake(ending)

    def hand_over(self, instance_id: str, output: Any) -> None:
        """Give ``instance_id``'s waiters what its workflow returned; wake those that only want that."""
        with self._lock:
            endings = list(self._waiters.get(instance_id, ()))
            for ending in endings:
                ending.returned = Returned(output)
        for ending in endings:
            if ending.takes_output:
                _wake(ending)

    def waiter_count(self) -> int:
        """How many waiters wait now (on any instance)."""
        with self._lock:
            return sum(len(waiters) for waiters in self._waiters.values())

    @contextmanager
    def watch(self, instance_id: str, *, takes_output: bool = False) -> Iterator[Ending]:
        """The ``Ending`` of ``instance_id`` in this process (call on the waiter's loop)."""
        entry = Ending(asyncio.get_running_loop(), takes_output=takes_output)
        with self._lock:
            self._waiters.setdefault(instance_id, []).append(entry)
        try:
            yield entry
        finally:
            with self._lock:
                remaining = [w for w in self._waiters.get(instance_id, ()) if w is not entry]
                if remaining:
                    self._waiters[instance_id] = remaining
                else:
                    self._waiters.pop(instance_id, None)

    def running_here(self, instance_id: str) -> bool:
        """Started by this process and no end signalled since (call inside ``watch``: an end signalled
        after that wakes the watch, one signalled before makes this False)."""
        with self._lock:
            return instance_id in self._started

    def watching(self, instance_id: str) -> bool:
        with self._lock:
            return instance_id in self._waiters


def _wake(ending: Ending) -> None:
    with contextlib.suppress(RuntimeError):  # the waiter's loop closed meanwhile
        ending.loop.call_soon_threadsafe(ending.event.set)


# Wake-ups of the orchestrator turn running on this thread, held until the worker has sent the turn's
# result to daprd (``sdk_fixes`` wraps the SDK's turn in ``waking_after_send``). Woken when the workflow
# function returned — before the SDK had even encoded the completion — a long-poll read the instance
# ~1.6 times until daprd had stored it (each read: ~1.5 ms of this app's and daprd's CPU); woken after
# the send, ~1.2 times. Waiters that take the output are woken at the return still (``hand_over``).
_turn = threading.local()


def wake_after_send(wake: Callable[[], None]) -> None:
    """Run ``wake`` once this thread's orchestrator turn has been sent (at once outside such a turn)."""
    pending: list[Callable[[], None]] | None = getattr(_turn, "pending", None)
    if pending is None:
        wake()
    else:
        pending.append(wake)


@contextmanager
def waking_after_send() -> Iterator[None]:
    """Around one orchestrator turn (execute, then send): the turn's wake-ups run at its end."""
    _turn.pending = []
    try:
        yield
    finally:
        pending: list[Callable[[], None]] = _turn.pending
        _turn.pending = None
        for wake in pending:
            wake()


def signalling(fn: WorkflowFn, signals: CompletionSignals) -> WorkflowFn:
    """``fn`` as a workflow that notifies ``signals`` when it returns or fails in a live turn.

    No ``finally``: the SDK abandons the generator at the end of every turn that waits on a task, and
    closing it throws ``GeneratorExit`` in — that is not an end of the instance.
    """

    def registered(ctx: Any, payload: Any = None) -> Generator[Any, Any, Any]:
        try:
            result = yield from fn(ctx, payload)
        except GeneratorExit:
            raise
        except BaseException:
            if not ctx.is_replaying:
                instance_id = ctx.instance_id
                wake_after_send(lambda: signals.notify(instance_id))
            raise
        if not ctx.is_replaying:
            instance_id = ctx.instance_id
            signals.hand_over(instance_id, result)
            wake_after_send(lambda: signals.notify(instance_id))
        return result

    registered.__name__ = fn.__name__
    return registered


# After a wake-up daprd may need a moment to store the completion: re-read after 3, 6, 12... ms.
SETTLE_FIRST_SECONDS = 0.003


Read = Callable[[], Awaitable[WorkflowInstance | None]]


@overload
async def wait_for_end(
    read: Read,
    signals: CompletionSignals,
    instance_id: str,
    *,
    timeout: float,
    recheck_seconds: float = ...,
    max_recheck_seconds: float | None = ...,
    recheck_budget_per_second: float | None = ...,
    on_read: Callable[[WorkflowInstance], None] | None = ...,
    take_output: Literal[False] = ...,
) -> WorkflowInstance | None: ...


@overload
async def wait_for_end(
    read: Read,
    signals: CompletionSignals,
    instance_id: str,
    *,
    timeout: float,
    recheck_seconds: float = ...,
    max_recheck_seconds: float | None = ...,
    recheck_budget_per_second: float | None = ...,
    on_read: Callable[[WorkflowInstance], None] | None = ...,
    take_output: Literal[True],
) -> WorkflowInstance | Returned | None: ...


async def wait_for_end(
    read: Read,
    signals: CompletionSignals,
    instance_id: str,
    *,
    timeout: float,
    recheck_seconds: float = 1.0,
    max_recheck_seconds: float | None = None,
    recheck_budget_per_second: float | None = None,
    on_read: Callable[[WorkflowInstance], None] | None = None,
    take_output: bool = False,
) -> WorkflowInstance | Returned | None:
    """Read the instance until it is terminal (or gone, or ``timeout`` passed); returns the last read —
    or, with ``take_output``, what the workflow returned as soon as this process's worker signals it.

    Between reads it sleeps until the worker in this process signals the end, or until the next
    re-check (the fallback for ends this process does not see), whichever comes first. Re-checks start
    after ``recheck_seconds`` and double up to ``max_recheck_seconds`` (default: no growth): 100 waiters
    re-reading every second cost the runtime 100 state loads a second.

    ``recheck_budget_per_second``: the re-checks of all waiters of ``signals`` together stay near this
    rate — while N waiters wait, each waits at least N / budget seconds between re-checks. 100 long-polls
    re-reading after 1, 2, 4 s cost the workflow app and its daprd ~7 % of the multi-app batch's CPU; the
    signal still answers each the moment its instance ends here.

    An instance this process started (``CompletionSignals.started``) whose end it has not signalled yet
    is not read before the first wait: that read could only say RUNNING. An end elsewhere (another
    replica's worker, a terminate by another process) is then found at the first re-check, as after a read.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    settle = SETTLE_FIRST_SECONDS
    recheck, max_recheck = recheck_seconds, max(recheck_seconds, max_recheck_seconds or 0.0)

    def next_recheck() -> float:
        if recheck_budget_per_second is None:
            return recheck
        return max(recheck, signals.waiter_count() / recheck_budget_per_second)

    with signals.watch(instance_id, takes_output=take_output) as ending:
        ended = ending.event
        # Started here and not ended yet: nothing to learn from a read before the wait (~1.5 ms of this
        # app's and daprd's CPU per long-poll). An end elsewhere (another replica's worker) or a purge is
        # found by the re-check.
        wait_first = signals.running_here(instance_id)
        while True:
            if take_output and ending.returned is not None:
                return ending.returned
            if wait_first:
                wait_first = False
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(ended.wait(), min(next_recheck(), deadline - loop.time()))
                continue
            instance = await read()
            if instance is None:
                return None
            if on_read is not None:
                on_read(instance)
            remaining = deadline - loop.time()
            if instance.is_terminal or remaining <= 0:
                return instance
            if ended.is_set():  # signalled: the stored status follows within milliseconds
                await asyncio.sleep(min(settle, remaining))
                settle = min(settle * 2, recheck)
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(ended.wait(), min(next_recheck(), remaining))
            recheck = min(recheck * 2, max_recheck)
