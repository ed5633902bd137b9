"""``kill <pid>`` of ``invoiceflow process FILE`` mid-run stops the embedded stack the normal way.

The stack starts in a worker thread, where no SIGTERM handler can be installed: without the CLI's own
handling, SIGTERM ended the process on the spot (exit -15), daprd, placement and the scheduler died by
their parent-death SIGKILL, and the run directory and the scheduler's tmpfs etcd directory stayed.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pypdfium2 as pdfium
import pytest

from invoiceflow.runtime.process import EXIT_SIGTERM

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
STACK_TIMEOUT = 60.0  # from the command's start to its first page blob
EXIT_TIMEOUT = 40.0  # workflow host, app (with its pool), sidecar and control plane stopped in turn
LEFTOVER_TIMEOUT = 10.0
RUNTIME_NAMES = {"daprd", "placement", "scheduler"}

pytestmark = [
    pytest.mark.integration,
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the processes' command lines"),
]


def _long_pdf(path: Path, copies: int) -> Path:
    """The 12-page sample ``copies`` times over: a run that is still going when the signal comes."""
    source = pdfium.PdfDocument(SAMPLES / "invoice-12p.pdf")
    document = pdfium.PdfDocument.new()
    for _ in range(copies):
        document.import_pages(source)
    document.save(path)
    return path


def _argument(process: psutil.Process, flag: str) -> Path | None:
    try:
        argv = process.cmdline()
    except psutil.Error:  # a short-lived child that ended (or is a zombie) since it was listed
        return None
    return Path(argv[argv.index(flag) + 1]) if flag in argv else None


def test_sigterm_stops_the_stack_and_removes_its_directories(tmp_path: Path) -> None:
    pdf = _long_pdf(tmp_path / "long.pdf", copies=8)
    cli = subprocess.Popen(
        [sys.executable, "-m", "invoiceflow.cli", "process", str(pdf)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    children: list[psutil.Process] = []
    try:
        run_dir, etcd_dir = None, None
        deadline = time.monotonic() + STACK_TIMEOUT
        while True:  # up, and at work: the split has stored the first pages (a part "0001-0008.pdf")
            assert cli.poll() is None, cli.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the run did not reach its pages in time"
            children = psutil.Process(cli.pid).children(recursive=True)
            for child in children:
                with_resources = _argument(child, "--resources-path")
                run_dir = with_resources.parent if with_resources is not None else run_dir
                etcd_dir = _argument(child, "--etcd-data-dir") or etcd_dir
            if run_dir is not None and any((run_dir / "data" / "blobs" / "pages").glob("*/0001*.pdf")):
                break
            time.sleep(0.1)
        assert etcd_dir is not None
        assert etcd_dir.exists()
        runtime = [child for child in children if child.name() in RUNTIME_NAMES]
        assert {child.name() for child in runtime} == RUNTIME_NAMES
        mp_temp_dirs = {path.parent for child in children for path in _unix_sockets(child)}
        assert any(path.name.startswith("pymp-") for path in mp_temp_dirs), "no fork server socket found"

        started = time.monotonic()
        cli.send_signal(signal.SIGTERM)
        _, stderr = cli.communicate(timeout=EXIT_TIMEOUT)
        took = time.monotonic() - started

        assert cli.returncode == EXIT_SIGTERM, (cli.returncode, stderr[-2000:])
        assert took < EXIT_TIMEOUT
        # Runtime processes are stopped before the CLI exits; its pool's fork server and resource tracker
        # follow it within moments.
        assert [child for child in runtime if _running(child)] == []
        deadline = time.monotonic() + LEFTOVER_TIMEOUT
        while (left := [child for child in children if _running(child)]) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert left == []
        assert not run_dir.exists(), "the stack's stop did not run (the run directory is left)"
        assert not etcd_dir.exists(), "the stack's stop did not run (the tmpfs etcd directory is left)"
        # The interpreter's own exit ran too: multiprocessing removed its temp dir (the pool's fork server
        # socket), which a process ended by the signal leaves in /tmp for good.
        assert [path for path in mp_temp_dirs if path.exists()] == []
    finally:
        if cli.poll() is None:
            cli.kill()
            cli.wait()
        for child in children:  # only after a failure
            if _running(child):
                child.kill()


def _unix_sockets(process: psutil.Process) -> list[Path]:
    """The paths of the Unix sockets the process listens on (the fork server's, under ``pymp-*``)."""
    try:
        connections = process.net_connections(kind="unix")
    except psutil.Error:
        return []
    return [Path(connection.laddr) for connection in connections if connection.laddr]


def _running(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
