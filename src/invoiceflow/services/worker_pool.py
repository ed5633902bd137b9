"""A process pool driven by the event loop: each worker has one pipe, which the loop writes a task to and
watches (``add_reader``) for the answer.

Why not ``ProcessPoolExecutor``: per task it wakes its manager thread (a pipe write), which hands the task
to a queue feeder thread (pickle, pipe write, a named semaphore), and the answer comes back through the
manager thread and ``call_soon_threadsafe``: three threads of the service process woke for every page,
~0.5 ms of CPU a page (~25 ms of a 50-page run), on the cores the extraction needs. Here the loop thread
pickles the task and writes it to a worker's pipe itself; the answer wakes the loop directly. Each worker
gets its next task while it works on the current one (what ``ProcessPoolExecutor``'s extra queued call
did): a worker that finishes a page starts the next at once instead of idling until this busy process's
event loop has read the answer and sent more.

Workers are started by the forkserver (not fork: the service process runs gRPC and uvicorn threads),
each runs ``initializer(*initargs)`` once, then answers tasks one at a time. A task's exception comes
back pickled and is raised to its caller. A worker that dies fails its task with ``BrokenProcessPool``
and is replaced by the next task that needs one.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import multiprocessing
import pickle
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar

T = TypeVar("T")

# Tasks a worker holds at once: the one it runs and the next. A task bigger than _INLINE_WRITE_BYTES is
# written from a thread (one write at a time per worker): the loop never waits on a worker to read it.
# The split parts of ordinary invoices (~40 KB) go inline; two of them fit in the socket's send buffer
# (``Pipe(duplex=True)`` is a Unix socket pair, ~200 KB by default).
_TASKS_PER_WORKER = 2
_INLINE_WRITE_BYTES = 64 << 10
_READY = b"ready"
_JOIN_SECONDS = 5.0


def _serve(conn: Connection, initializer: Callable[..., object] | None, initargs: Sequence[Any]) -> None:
    """A worker's life: initialise, say ready, then answer ``(fn, args)`` tasks until the pipe closes."""
    if initializer is not None:
        initializer(*initargs)
    conn.send_bytes(_READY)
    while True:
        try:
            task = conn.recv_bytes()
        except (EOFError, OSError):  # the pool closed our pipe (shutdown) or its owner is gone
            return
        try:
            fn, args = pickle.loads(task)
            answer = pickle.dumps((True, fn(*args)), pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:
            answer = _pickled_failure(exc)
        conn.send_bytes(answer)


def _pickled_failure(exc: BaseException) -> bytes:
    try:
        return pickle.dumps((False, exc), pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle: its text at least
        return pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")), pickle.HIGHEST_PROTOCOL)


class _Worker:
    __slots__ = ("conn", "in_flight", "process", "ready", "sending")

    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.ready = False
        self.sending = False  # a big task is being written from a thread
        self.in_flight: deque[asyncio.Future[Any]] = deque()  # answered in this order

    @property
    def can_take(self) -> bool:
        return self.ready and not self.sending and len(self.in_flight) < _TASKS_PER_WORKER


class AsyncProcessPool:
    """``workers`` forkserver processes; ``await pool.run(fn, *args)`` runs ``fn(*args)`` in one of them.

    Loop-bound: every method but ``shutdown`` is called on the event loop that first started workers."""

    def __init__(
        self,
        workers: int,
        *,
        initializer: Callable[..., object] | None = None,
        initargs: Sequence[Any] = (),
        preload: Sequence[str] = (),
    ) -> None:
        if workers < 1:
            raise ValueError("a pool needs at least one worker")
        self._size = workers
        self._initializer = initializer
        self._initargs = tuple(initargs)
        self._context = multiprocessing.get_context("forkserver")
        if preload:
            self._context.set_forkserver_preload(list(preload))
        self._loop: asyncio.AbstractEventLoop | None = None
        self._workers: list[_Worker] = []
        self._queue: deque[tuple[bytes, asyncio.Future[Any]]] = deque()
        self._starting: list[asyncio.Future[None]] = []
        self._closed = False

    @property
    def pids(self) -> list[int]:
        """The worker processes' ids (started ones)."""
        return [pid for worker in self._workers if (pid := worker.process.pid) is not None]

    async def start(self) -> None:
        """Start every worker and wait until each has run its initializer."""
        self._fill()
        await asyncio.gather(*self._starting)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` in a worker (``fn`` and the arguments are pickled: module-level functions)."""
        if self._closed:
            raise RuntimeError("the pool is shut down")
        self._fill()
        assert self._loop is not None
        future: asyncio.Future[T] = self._loop.create_future()
        self._queue.append((pickle.dumps((fn, args), pickle.HIGHEST_PROTOCOL), future))
        self._dispatch()
        return await future

    # workers ------------------------------------------------------------------------------------------

    def _fill(self) -> None:
        """Start workers up to the pool's size (at first use, or to replace dead ones)."""
        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
        elif self._loop is not loop:
            raise RuntimeError("the pool is bound to another event loop")
        while len(self._workers) < self._size and not self._closed:
            parent_end, child_end = self._context.Pipe(duplex=True)
            process = self._context.Process(
                target=_serve,
                args=(child_end, self._initializer, self._initargs),
                name="invoiceflow-extract-worker",
                daemon=True,
            )
            process.start()
            child_end.close()
            worker = _Worker(process, parent_end)
            self._workers.append(worker)
            started = loop.create_future()
            self._starting.append(started)
            loop.add_reader(parent_end.fileno(), self._on_readable, worker, started)

    def _on_readable(self, worker: _Worker, started: asyncio.Future[None]) -> None:
        try:
            message = worker.conn.recv_bytes()
        except (EOFError, OSError):
            self._lost(worker, started)
            return
        if not worker.ready:
            worker.ready = True
            if not started.done():
                started.set_result(None)
            with contextlib.suppress(ValueError):
                self._starting.remove(started)
            self._dispatch()
            return
        future = worker.in_flight.popleft() if worker.in_flight else None
        self._dispatch()
        if future is None or future.done():  # its caller was cancelled meanwhile
            return
        try:
            ok, value = pickle.loads(message)
        except Exception as exc:
            future.set_exception(exc)
            return
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def _dispatch(self) -> None:
        """Hand queued tasks to the workers with the fewest tasks in flight (an idle one first)."""
        while self._queue:
            free = [worker for worker in self._workers if worker.can_take]
            if not free:
                return
            worker = min(free, key=lambda candidate: len(candidate.in_flight))
            task, future = self._queue.popleft()
            if future.done():  # cancelled while queued
                continue
            worker.in_flight.append(future)
            if len(task) <= _INLINE_WRITE_BYTES:
                self._send_quietly(worker, task)
            else:
                assert self._loop is not None
                worker.sending = True
                sent = self._loop.run_in_executor(None, self._send_quietly, worker, task)
                sent.add_done_callback(functools.partial(self._sent, worker))

    @staticmethod
    def _send_quietly(worker: _Worker, task: bytes) -> None:
        # A failed write means a dead worker: its reader sees EOF and fails the task.
        with contextlib.suppress(OSError):
            worker.conn.send_bytes(task)

    def _sent(self, worker: _Worker, _sent: asyncio.Future[None]) -> None:
        worker.sending = False
        if not self._closed:
            self._dispatch()

    def _lost(self, worker: _Worker, started: asyncio.Future[None] | None) -> None:
        """A worker died (or never started): fail what it held, forget it; the next task starts another."""
        self._forget(worker)
        error = BrokenProcessPool(f"extraction worker {worker.process.pid} died")
        if started is not None and not started.done():
            started.set_exception(error)
        if started is not None:
            with contextlib.suppress(ValueError):
                self._starting.remove(started)
        while worker.in_flight:
            future = worker.in_flight.popleft()
            if not future.done():
                future.set_exception(error)
        if self._queue and not self._closed:
            self._fill()  # queued tasks still need workers

    def _forget(self, worker: _Worker) -> None:
        if self._loop is not None and not self._loop.is_closed():
            with contextlib.suppress(ValueError, OSError, RuntimeError):
                self._loop.remove_reader(worker.conn.fileno())
        with contextlib.suppress(ValueError):
            self._workers.remove(worker)
        worker.conn.close()
        worker.process.join(0)

    # shutdown -----------------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Close every worker's pipe (a worker exits when it reads EOF), wait for them, kill stragglers;
        tasks not yet answered fail. Idempotent; call it on the pool's loop (or once that loop is gone)."""
        self._closed = True
        workers, self._workers = self._workers, []
        error = BrokenProcessPool("the pool was shut down")
        pending = [future for _task, future in self._queue] + self._starting
        self._queue.clear()
        self._starting = []
        for worker in workers:
            if self._loop is not None and not self._loop.is_closed():
                with contextlib.suppress(ValueError, OSError, RuntimeError):
                    self._loop.remove_reader(worker.conn.fileno())
            pending.extend(worker.in_flight)
            worker.in_flight.clear()
            worker.conn.close()
        for future in pending:
            if not future.done():
                future.get_loop().call_soon_threadsafe(_fail_quietly, future, error)
        for worker in workers:
            worker.process.join(_JOIN_SECONDS)
            if worker.process.is_alive():  # busy with a long page: not worth waiting for
                worker.process.kill()
                worker.process.join(_JOIN_SECONDS)


def _fail_quietly(future: asyncio.Future[Any], error: BaseException) -> None:
    if not future.done():
        future.set_exception(error)
