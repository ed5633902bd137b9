"""The extraction pool of a service dies with the service: a SIGKILLed service app (crash, OOM killer,
``kill -9`` in a test of restarts) must not leave its fork server and worker processes behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

_SERVICE = """
import asyncio
from multiprocessing import forkserver

from invoiceflow.services.context import ServiceContext
from invoiceflow.services.settings import ServiceSettings


async def main() -> None:
    context = ServiceContext(ServiceSettings(extract_workers=2))
    await context.warm_up_pool()
    workers = context.extract_pool().pids
    print(forkserver._forkserver._forkserver_pid, *workers, flush=True)
    await asyncio.sleep(600)


asyncio.run(main())
"""


def _running(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in {"Z", "X"}


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads process states from /proc")
@pytest.mark.parametrize("kill_signal", [signal.SIGKILL, signal.SIGTERM])
def test_pool_processes_end_with_the_service(kill_signal: signal.Signals) -> None:
    service = subprocess.Popen([sys.executable, "-c", _SERVICE], stdout=subprocess.PIPE, text=True)
    pids: list[int] = []
    try:
        assert service.stdout is not None
        line = service.stdout.readline()
        pids = [int(part) for part in line.split()]
        assert len(pids) == 3, f"expected the fork server and 2 workers, got {line!r}"
        assert all(_running(pid) for pid in pids)

        os.kill(service.pid, kill_signal)
        service.wait(timeout=10)
        deadline = time.monotonic() + 15
        while any(_running(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [pid for pid in pids if _running(pid)]
        assert not left, f"pool processes outlived the service: {left}"
    finally:
        for pid in [service.pid, *pids]:  # a failed run leaves nothing behind either
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
        service.wait()
