"""The extraction pool leaves no named POSIX semaphores (``/dev/shm/sem.mp-*``) behind however its owner
ends, because it opens none: ``ProcessPoolExecutor`` held five per pool (its queues' locks), which a
SIGKILL that also reached the resource tracker leaked for good; the loop-driven pool
(``services/worker_pool.py``) talks to its workers over plain pipes. Checked on a service context, on the
extract service under the stack's process manager, and on a whole ``invoiceflow process`` run. That the
pool's processes end with their owner is ``test_extract_pool_orphans.py``'s subject.

Which names belong to the run under test comes from the kernel, not from before/after listings of
/dev/shm, so semaphores other processes on the machine create meanwhile never count: a process that has
a named semaphore open maps its file, and ``/proc/<pid>/maps`` gives that file's inode (glibc creates it
under a temporary name and links it to the final one, so the path shown there is no help).
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import psutil
import pytest

from invoiceflow.runtime.ports import LOOPBACK, free_ports
from invoiceflow.runtime.process import ManagedProcess, ProcessSpec, stop_all
from invoiceflow.services.context import ServiceContext
from invoiceflow.services.settings import ServiceSettings

SHM = Path("/dev/shm")
SAMPLES = Path(__file__).resolve().parents[2] / "samples"

pytestmark = pytest.mark.skipif(
    not (Path("/proc/self/maps").is_file() and SHM.is_dir()), reason="reads /proc/<pid>/maps and /dev/shm"
)


def _mapped_semaphore_inodes(pid: int) -> set[int]:
    shm_device = os.stat(SHM).st_dev
    device = f"{os.major(shm_device):02x}:{os.minor(shm_device):02x}"
    inodes: set[int] = set()
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        fields = line.split(maxsplit=5)  # address perms offset device inode path
        if len(fields) == 6 and fields[3] == device and fields[5].startswith(f"{SHM}/sem."):
            inodes.add(int(fields[4]))
    return inodes


def semaphores_of(pid: int) -> set[str]:
    """The ``sem.mp-*`` names in /dev/shm that process ``pid`` has open (empty once it has exited)."""
    try:
        inodes = _mapped_semaphore_inodes(pid)
    except (FileNotFoundError, ProcessLookupError):
        return set()
    names: set[str] = set()
    for path in SHM.glob("sem.mp-*"):
        try:
            if path.stat().st_ino in inodes:
                names.add(path.name)
        except FileNotFoundError:  # unlinked meanwhile
            pass
    return names


def still_linked(names: Iterable[str]) -> set[str]:
    return {name for name in names if (SHM / name).exists()}


def wait_unlinked(names: set[str], timeout: float) -> set[str]:
    """What of ``names`` is still in /dev/shm after up to ``timeout`` seconds (the Prefect pool's tests,
    whose ``ProcessPoolExecutor`` does hold named semaphores, use these helpers too)."""
    deadline = time.monotonic() + timeout
    while (left := still_linked(names)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def _running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


async def test_the_extraction_pool_opens_no_named_semaphores() -> None:
    before = semaphores_of(os.getpid())  # pools other tests of this session may hold
    context = ServiceContext(ServiceSettings(extract_workers=2))
    try:
        await context.warm_up_pool()
        pool = context.extract_pool()
        answered_by = await asyncio.gather(*(pool.run(os.getpid) for _ in range(4)))
        assert len(pool.pids) == 2
        assert set(answered_by) <= set(pool.pids)
        assert semaphores_of(os.getpid()) - before == set()
        assert all(semaphores_of(pid) == set() for pid in pool.pids)
    finally:
        await context.close()


async def test_a_cancelled_warm_up_ends_the_workers_it_started() -> None:
    """A start that fails or is cancelled (Ctrl-C while the app starts) never reaches the app's
    shutdown: the warm-up itself must let go of the pool."""
    context = ServiceContext(ServiceSettings(extract_workers=2))
    warm_up = asyncio.create_task(context.warm_up_pool())
    pids: list[int] = []
    try:
        async with asyncio.timeout(30):
            while len(pids := context.extract_pool().pids) < 2:  # the workers exist, still warming up
                await asyncio.sleep(0.01)
        assert not warm_up.done()  # cancelled mid-way: the workers' warm-up takes a second or more
        warm_up.cancel()
        with pytest.raises(asyncio.CancelledError):
            await warm_up
        assert not any(_running(pid) for pid in pids)
    finally:
        await context.close()


def test_a_service_the_stack_stops_holds_no_semaphores_and_ends_its_workers(tmp_path: Path) -> None:
    """The multi-app mode's extract service under the stack's process manager: SIGTERM, graceful
    shutdown (the app's lifespan closes the pool)."""
    (port,) = free_ports(1)
    service = ManagedProcess(
        ProcessSpec(
            name="extract-service",
            argv=(
                sys.executable, "-m", "uvicorn", "--factory", "invoiceflow.services.main:extract_app",
                "--host", LOOPBACK, "--port", str(port), "--log-level", "info",
                "--timeout-graceful-shutdown", "5",
            ),
            log_path=tmp_path / "extract-service.log",
            health_url=f"http://{LOOPBACK}:{port}/health",
            env={"INVOICEFLOW_EXTRACT_WORKERS": "2"},
        )
    )  # fmt: skip
    service.start()
    workers: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 60
        while not service.is_healthy():  # uvicorn answers only after the lifespan warmed the pool up
            assert service.death() is None, service.log_tail()
            assert time.monotonic() < deadline, service.log_tail()
            time.sleep(0.1)
        assert semaphores_of(service.pid) == set()
        workers = [
            child
            for child in psutil.Process(service.pid).children(recursive=True)
            if child.name().startswith("python")
        ]
        assert workers, "the service's pool processes were not found"
    finally:
        stop_all([service], timeout=15.0)
    # Not SIGKILLed: uvicorn ran the lifespan's shutdown, then re-raised the SIGTERM it had caught.
    assert service.returncode() == -signal.SIGTERM, service.log_tail()
    assert "Application shutdown complete" in service.log_tail(), service.log_tail()
    deadline = time.monotonic() + 15
    while any(_running(worker.pid) for worker in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_running(worker.pid) for worker in workers)


@pytest.mark.integration
@pytest.mark.slow
def test_an_invoiceflow_process_run_opens_no_semaphores() -> None:
    """``make process``: the embedded stack, the services app with its pool and the workflow host in one
    CLI process, started and stopped by the CLI itself."""
    cli = subprocess.Popen(
        [sys.executable, "-m", "invoiceflow.cli", "process", str(SAMPLES / "invoice-en-1p.pdf")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    names: set[str] = set()
    try:
        while cli.poll() is None:  # the pool lives from the app's start to its shutdown: seconds
            names |= semaphores_of(cli.pid)
            time.sleep(0.05)
        stdout, stderr = cli.communicate(timeout=30)
    finally:
        if cli.poll() is None:
            cli.terminate()
            cli.wait(30)
    assert cli.returncode == 0, stderr[-2000:]
    assert '"invoice_number"' in stdout
    assert names == set()
