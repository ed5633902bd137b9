"""The extraction pool's named POSIX semaphores (``/dev/shm/sem.mp-*``, five per forkserver pool) are
unlinked however its owner ends: closed by its app, stopped by the stack (SIGTERM), SIGKILLed (then by
the multiprocessing resource tracker, once the pool's processes have followed the owner), and after a
whole ``invoiceflow process`` run on the embedded stack.

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
UNLINK_TIMEOUT = 15.0  # a SIGKILLed owner: its workers notice, the fork server follows, the tracker unlinks

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
    deadline = time.monotonic() + timeout
    while (left := still_linked(names)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


async def test_closing_the_service_context_unlinks_its_pool_semaphores() -> None:
    before = semaphores_of(os.getpid())  # pools other tests of this session may hold
    context = ServiceContext(ServiceSettings(extract_workers=2))
    names: set[str] = set()
    try:
        await context.warm_up_pool()
        names = semaphores_of(os.getpid()) - before
    finally:
        await context.close()
    assert names, "the pool's named semaphores were not found in /proc/self/maps"
    assert still_linked(names) == set()  # at close, not at some later exit


async def test_a_cancelled_warm_up_unlinks_its_pool_semaphores() -> None:
    """A start that fails or is cancelled (Ctrl-C while the app starts) never reaches the app's
    shutdown: the warm-up itself must let go of the pool."""
    before = semaphores_of(os.getpid())
    context = ServiceContext(ServiceSettings(extract_workers=2))
    warm_up = asyncio.create_task(context.warm_up_pool())
    names: set[str] = set()
    try:
        async with asyncio.timeout(30):
            while not (names := semaphores_of(os.getpid()) - before):  # the pool exists, workers starting
                await asyncio.sleep(0.01)
        assert not warm_up.done()  # cancelled mid-way: the workers' warm-up takes a second or more
        warm_up.cancel()
        with pytest.raises(asyncio.CancelledError):
            await warm_up
        assert still_linked(names) == set()
    finally:
        await context.close()


def test_a_service_the_stack_stops_unlinks_its_pool_semaphores(tmp_path: Path) -> None:
    """The multi-app mode's extract service under the stack's process manager: SIGTERM, graceful
    shutdown (the app's lifespan closes the pool), nothing left in /dev/shm."""
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
    try:
        deadline = time.monotonic() + 60
        while not service.is_healthy():  # uvicorn answers only after the lifespan warmed the pool up
            assert service.death() is None, service.log_tail()
            assert time.monotonic() < deadline, service.log_tail()
            time.sleep(0.1)
        names = semaphores_of(service.pid)
        assert names, "the service's pool semaphores were not found"
    finally:
        stop_all([service], timeout=15.0)
    # Not SIGKILLed: uvicorn ran the lifespan's shutdown, then re-raised the SIGTERM it had caught.
    assert service.returncode() == -signal.SIGTERM, service.log_tail()
    assert "Application shutdown complete" in service.log_tail(), service.log_tail()
    assert still_linked(names) == set()


_OWNER = """
import asyncio

from invoiceflow.services.context import ServiceContext
from invoiceflow.services.settings import ServiceSettings


async def main() -> None:
    context = ServiceContext(ServiceSettings(extract_workers=2))
    await context.warm_up_pool()
    print("ready", flush=True)
    await asyncio.sleep(600)


if __name__ == "__main__":
    asyncio.run(main())
"""


def test_a_sigkilled_service_s_pool_semaphores_are_unlinked_by_its_resource_tracker(tmp_path: Path) -> None:
    """Nothing in the killed process runs; the resource tracker unlinks once every process holding its
    pipe (the owner, the fork server, the workers) is gone. Pool processes that outlived their owner
    kept it waiting, and whatever later SIGKILLed those leftovers killed the tracker (it ignores SIGTERM
    and SIGINT) with the names still registered: five leaked names per pool."""
    script = tmp_path / "owner.py"  # a file, not -c: forkserver workers re-import the main module
    script.write_text(_OWNER)
    owner = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    helpers: list[psutil.Process] = []
    try:
        assert owner.stdout is not None
        assert owner.stdout.readline().strip() == "ready"
        names = semaphores_of(owner.pid)
        assert names, "the pool's semaphores were not found"
        helpers = psutil.Process(owner.pid).children(recursive=True)  # tracker, fork server, workers
        owner.kill()
        owner.wait(timeout=10)
        assert wait_unlinked(names, UNLINK_TIMEOUT) == set()
    finally:
        if owner.poll() is None:
            owner.kill()
            owner.wait()
        for process in helpers:  # only after a failure; SIGTERM: a SIGKILLed tracker would leak the names
            if process.is_running():
                process.terminate()


@pytest.mark.integration
@pytest.mark.slow
def test_an_invoiceflow_process_run_leaves_no_semaphores() -> None:
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
    assert names, "the run's pool semaphores were not found"
    assert still_linked(names) == set()
