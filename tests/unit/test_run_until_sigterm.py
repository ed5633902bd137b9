"""``run_until_sigterm``: SIGTERM cancels the asyncio main task, so its clean-up runs, then exit 143; a
second SIGTERM during that clean-up ends the process at once. Real processes, real signals."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from invoiceflow.runtime.process import EXIT_SIGTERM

# Prints "ready" once its block is entered; its clean-up writes a marker, after `cleanup_seconds`.
_PROGRAM = """
import asyncio
import sys
from contextlib import asynccontextmanager
from pathlib import Path

from invoiceflow.runtime.process import run_until_sigterm

marker, cleanup_seconds = Path(sys.argv[1]), float(sys.argv[2])


@asynccontextmanager
async def resource():
    try:
        yield
    finally:
        print("cleaning", flush=True)
        await asyncio.sleep(cleanup_seconds)
        marker.write_text("stopped")


async def main() -> str:
    async with resource():
        print("ready", flush=True)
        await asyncio.sleep(60)
    return "finished"


print(run_until_sigterm(main()), flush=True)
"""


def _start(tmp_path: Path, cleanup_seconds: float) -> tuple[subprocess.Popen[str], Path]:
    script = tmp_path / "program.py"
    script.write_text(_PROGRAM)
    marker = tmp_path / "marker"
    process = subprocess.Popen(
        [sys.executable, str(script), str(marker), str(cleanup_seconds)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process, marker


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_runs_the_clean_up_then_exits_143(tmp_path: Path) -> None:
    process, marker = _start(tmp_path, cleanup_seconds=0.2)
    try:
        process.send_signal(signal.SIGTERM)
        stdout, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == EXIT_SIGTERM == 143
    assert marker.read_text() == "stopped"
    assert "finished" not in stdout


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_second_sigterm_during_the_clean_up_ends_the_process_at_once(tmp_path: Path) -> None:
    process, marker = _start(tmp_path, cleanup_seconds=30)
    try:
        assert process.stdout is not None
        process.send_signal(signal.SIGTERM)
        assert process.stdout.readline().strip() == "cleaning"
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGTERM
    assert not marker.exists()
