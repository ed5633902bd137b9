"""Child processes that cannot outlive us: log to a file, health-checked, killed with their parent.

Three layers keep a stack from leaving orphans:

* Linux ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` in the child: the kernel kills it when its parent dies,
  even by SIGKILL. The kernel ties this to the *thread* that forked the child, so every child is forked
  by one daemon thread that lives as long as the interpreter (a stack started from a short-lived worker
  thread would otherwise lose its processes when that thread ends).
* ``atexit``: processes still running at interpreter exit are stopped gracefully.
* SIGTERM: turned into ``SystemExit`` (when nobody else handles it) so context managers unwind. An
  asyncio program started with ``run_until_sigterm`` gets a cancelled main task instead (as asyncio does
  for Ctrl-C), so its ``async with`` blocks stop what they started; a stack started from a worker thread
  cannot install the handler itself.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import contextlib
import ctypes
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Coroutine, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

from invoiceflow.runtime.errors import ProcessDiedError

_T = TypeVar("_T")
_PR_SET_PDEATHSIG = 1
EXIT_SIGTERM = 128 + signal.SIGTERM  # what a shell reports for a SIGTERMed process; ours too, unwound
_LOG_TAIL_BYTES = 64 * 1024

# Loaded in the parent: the child may only call into it between fork and exec.
_libc: ctypes.CDLL | None = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None

# Loopback health probes must never go through an HTTP proxy from the environment.
_no_proxy_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass(frozen=True)
class ProcessSpec:
    """What to run and how to tell it is healthy."""

    name: str
    argv: tuple[str, ...]
    log_path: Path
    health_url: str
    healthy_statuses: frozenset[int] = frozenset({200, 204})
    env: Mapping[str, str] = field(default_factory=dict)


class _Spawner:
    """Forks every child from one daemon thread that never ends (see the module docstring)."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[tuple[Callable[[], object], concurrent.futures.Future[object]]] = (
            queue.SimpleQueue()
        )
        self._thread: threading.Thread | None = None
        self._owner_pid = 0  # a forked child inherits this object but not the thread
        self._lock = threading.Lock()

    def run(self, job: Callable[[], _T]) -> _T:
        with self._lock:
            if self._thread is None or self._owner_pid != os.getpid():
                self._jobs = queue.SimpleQueue()
                self._thread = threading.Thread(target=self._serve, name="invoiceflow-spawner", daemon=True)
                self._owner_pid = os.getpid()
                self._thread.start()
        future: concurrent.futures.Future[object] = concurrent.futures.Future()
        self._jobs.put((job, future))
        return future.result()  # type: ignore[return-value]

    def _serve(self) -> None:
        jobs = self._jobs
        while True:
            job, future = jobs.get()
            try:
                future.set_result(job())
            except BaseException as exc:
                future.set_exception(exc)


_spawner = _Spawner()


def _child_setup(parent_pid: int) -> Callable[[], None]:
    def setup() -> None:
        if _libc is not None:
            _libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
            # The parent may have died between fork and prctl: then nobody would ever signal us.
            if os.getppid() != parent_pid:
                os._exit(1)

    return setup


def read_log_tail(path: Path, lines: int = 40) -> str:
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - _LOG_TAIL_BYTES))
            data = handle.read()
    except OSError as exc:
        return f"<log unreadable: {exc}>"
    return "\n".join(data.decode("utf-8", "replace").splitlines()[-lines:])


class ManagedProcess:
    """One running child process of a stack."""

    def __init__(self, spec: ProcessSpec) -> None:
        self.spec = spec
        self._popen: subprocess.Popen[bytes] | None = None
        self._stopping = False
        self.started_at: float | None = None  # time.monotonic() at spawn
        self.healthy_after: float | None = None  # seconds from spawn to the first healthy probe
        self.owner_pid = os.getpid()

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def log_path(self) -> Path:
        return self.spec.log_path

    @property
    def pid(self) -> int:
        if self._popen is None:
            raise RuntimeError(f"{self.name} was not started")
        return self._popen.pid

    def start(self) -> None:
        if self._popen is not None:
            raise RuntimeError(f"{self.name} already started")
        self.spec.log_path.parent.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, **self.spec.env}
        parent_pid = os.getpid()

        def spawn() -> subprocess.Popen[bytes]:
            with self.spec.log_path.open("ab") as log:
                return subprocess.Popen(
                    self.spec.argv,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    env=env,
                    preexec_fn=_child_setup(parent_pid),  # noqa: PLW1509 - prctl must run in the child
                    process_group=0,  # terminal Ctrl-C reaches us only; we stop children in order
                )

        self.started_at = time.monotonic()
        self.owner_pid = parent_pid
        self._popen = _spawner.run(spawn)
        _live.add(self)

    def returncode(self) -> int | None:
        """None while running, else the exit status (negative: killed by that signal)."""
        return None if self._popen is None else self._popen.poll()

    def is_running(self) -> bool:
        return self._popen is not None and self._popen.poll() is None

    def is_healthy(self) -> bool:
        try:
            with _no_proxy_opener.open(self.spec.health_url, timeout=1.0) as response:
                healthy = int(response.status) in self.spec.healthy_statuses
        except urllib.error.HTTPError as exc:
            healthy = exc.code in self.spec.healthy_statuses
        except (OSError, ValueError):
            healthy = False
        if healthy and self.healthy_after is None and self.started_at is not None:
            self.healthy_after = time.monotonic() - self.started_at
        return healthy

    def log_tail(self, lines: int = 40) -> str:
        return read_log_tail(self.spec.log_path, lines)

    def death(self) -> ProcessDiedError | None:
        """The error describing this process's unexpected exit, or None while it runs."""
        code = self.returncode()
        if code is None or self._stopping:
            return None
        return ProcessDiedError(self.name, self.pid, code, self.log_path, self.log_tail())

    def begin_stop(self) -> None:
        """Ask the process to shut down gracefully (SIGTERM) without waiting."""
        self._stopping = True
        if self.is_running():
            assert self._popen is not None
            with contextlib.suppress(ProcessLookupError):
                self._popen.send_signal(signal.SIGTERM)

    def finish_stop(self, deadline: float) -> None:
        """Wait until ``deadline`` (monotonic) for the exit, then SIGKILL and reap."""
        if self._popen is None:
            return
        try:
            self._popen.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                self._popen.kill()
            self._popen.wait()
        _live.discard(self)

    def stop(self, timeout: float = 10.0) -> None:
        stop_all([self], timeout)


def stop_all(processes: Iterable[ManagedProcess], timeout: float = 10.0) -> None:
    """SIGTERM all at once, wait up to ``timeout`` for each, SIGKILL the stragglers."""
    batch = list(processes)
    for process in batch:
        process.begin_stop()
    deadline = time.monotonic() + timeout
    for process in batch:
        process.finish_stop(deadline)


# Every started, not yet stopped process of this interpreter, for the atexit safety net.
_live: set[ManagedProcess] = set()


@atexit.register
def _stop_leftovers() -> None:
    # A forked worker inherits this set; only the process that started the children may stop them.
    stop_all([process for process in _live if process.owner_pid == os.getpid()], timeout=5.0)


def _sigterm_to_exit(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def install_sigterm_handler() -> None:
    """Make SIGTERM unwind the stack (``with`` blocks, atexit) instead of ending us on the spot.

    Only from the main thread, and only when SIGTERM still has its default action, so servers that
    handle signals themselves (uvicorn) keep their own handling.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _sigterm_to_exit)


def run_until_sigterm(main: Coroutine[Any, Any, _T]) -> _T:
    """``asyncio.run(main)``, where SIGTERM cancels the main task instead of ending the process on the spot.

    The cancellation unwinds ``main`` through its ``async with`` and ``finally`` blocks (the embedded
    stack's stop: sidecars stopped by SIGTERM, not by their parent-death SIGKILL; run directories
    removed), then ``SystemExit(EXIT_SIGTERM)``. It is delivered by the event loop between steps, not
    raised at an arbitrary bytecode of the loop's own code as a ``signal.signal`` handler's exception
    would be. A second SIGTERM during the unwinding has its default action: the process ends at once.
    Outside the main thread, or when SIGTERM already has a handler, ``main`` just runs.
    """
    import asyncio  # here: the stack's users that never call this do not pay for the import

    terminated = False

    async def cancelled_by_sigterm() -> _T:
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        assert task is not None

        def on_sigterm() -> None:
            nonlocal terminated
            terminated = True
            loop.remove_signal_handler(signal.SIGTERM)  # back to the default action
            task.cancel()

        handled = (
            threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
        )
        if handled:
            loop.add_signal_handler(signal.SIGTERM, on_sigterm)
        try:
            return await main
        finally:
            if handled and not terminated:
                loop.remove_signal_handler(signal.SIGTERM)

    try:
        result = asyncio.run(cancelled_by_sigterm())
    except asyncio.CancelledError:
        if terminated:
            raise SystemExit(EXIT_SIGTERM) from None
        raise
    if terminated:  # ``main`` swallowed the cancellation: it was still told to stop
        raise SystemExit(EXIT_SIGTERM)
    return result
