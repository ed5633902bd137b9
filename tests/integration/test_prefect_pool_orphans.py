"""The Prefect stage pool dies with the process that owns it: a SIGKILLed Prefect engine (``invoiceflow
process --engine prefect``, a ``compare`` run, a Prefect worker) must not leave its fork server and
workers behind, and then the multiprocessing resource tracker, which they kept waiting, unlinks the
pool's named semaphores (``/dev/shm/sem.mp-*``)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.integration.test_pool_semaphores import semaphores_of, still_linked, wait_unlinked

ORPHAN_TIMEOUT = 15.0  # the workers' owner watch fires at once; the fork server follows their exit

# Two jobs at once make the pool start two workers (forkserver pools start them on demand).
_OWNER = """
import time
from multiprocessing import forkserver, util

from invoiceflow.prefect.pool import stage_pool

pool = stage_pool()
for future in [pool.submit(time.sleep, 0.5) for _ in range(2)]:
    future.result()
print(util.get_temp_dir(), forkserver._forkserver._forkserver_pid, *pool._processes, flush=True)
time.sleep(600)
"""


def _running(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in {"Z", "X"}


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc")
def test_a_sigkilled_owner_leaves_no_pool_processes_and_no_semaphores() -> None:
    owner = subprocess.Popen(
        [sys.executable, "-c", _OWNER],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "INVOICEFLOW_PREFECT_WORKERS": "2"},
    )
    pids: list[int] = []
    mp_temp_dir: Path | None = None
    try:
        assert owner.stdout is not None
        temp_dir, *numbers = owner.stdout.readline().split()
        mp_temp_dir = Path(temp_dir)
        pids = [int(number) for number in numbers]
        assert len(pids) == 3, f"expected the fork server and 2 workers, got {numbers!r}"
        assert all(_running(pid) for pid in pids)
        names = semaphores_of(owner.pid)
        assert names, "the pool's named semaphores were not found"

        owner.kill()
        owner.wait(timeout=10)
        deadline = time.monotonic() + ORPHAN_TIMEOUT
        while any(_running(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [pid for pid in pids if _running(pid)] == [], "pool processes outlived their owner"
        assert wait_unlinked(names, ORPHAN_TIMEOUT) == set()
    finally:
        for pid in [owner.pid, *pids]:  # a failed run leaves nothing behind either
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
        owner.wait()
        # The killed owner's multiprocessing temp dir (the fork server's socket): ours, so remove it.
        if mp_temp_dir is not None and mp_temp_dir.name.startswith("pymp-"):
            shutil.rmtree(mp_temp_dir, ignore_errors=True)


def test_shutting_the_pool_down_unlinks_its_semaphores() -> None:
    """The normal end (``prefect_engine`` leaves its block): the names go at shutdown, not at exit."""
    from invoiceflow.prefect.pool import run_in_pool, shutdown_stage_pool

    before = semaphores_of(os.getpid())
    try:
        assert run_in_pool(_ok) == "done"
        names = semaphores_of(os.getpid()) - before
    finally:
        shutdown_stage_pool()
    assert names, "the pool's named semaphores were not found"
    assert still_linked(names) == set()


def _ok() -> dict[str, str]:
    return {"ok": "done"}
