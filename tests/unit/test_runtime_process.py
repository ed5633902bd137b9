"""Managed child processes with ordinary programs (no Dapr needed): health, death reports, stopping,
and the kernel killing children whose parent was SIGKILLed."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import psutil
import pytest

from invoiceflow.runtime.errors import ProcessDiedError, describe_exit
from invoiceflow.runtime.ports import free_ports
from invoiceflow.runtime.process import ManagedProcess, ProcessSpec, stop_all


def _python(tmp_path: Path, name: str, code: str, health_url: str = "http://127.0.0.1:9/") -> ManagedProcess:
    return ManagedProcess(
        ProcessSpec(
            name=name,
            argv=(sys.executable, "-c", textwrap.dedent(code)),
            log_path=tmp_path / f"{name}.log",
            health_url=health_url,
        )
    )


def _wait_exit(process: ManagedProcess, timeout: float = 10) -> int:
    deadline = time.monotonic() + timeout
    while (code := process.returncode()) is None:
        assert time.monotonic() < deadline, f"{process.name} did not exit"
        time.sleep(0.02)
    return code


def test_health_follows_the_health_url(tmp_path: Path) -> None:
    (port,) = free_ports(1)
    server = _python(
        tmp_path,
        "web",
        f"""
        import http.server
        http.server.HTTPServer(("127.0.0.1", {port}), http.server.SimpleHTTPRequestHandler).serve_forever()
        """,
        health_url=f"http://127.0.0.1:{port}/",
    )
    assert not server.is_healthy()  # not started: nothing listens
    server.start()
    try:
        deadline = time.monotonic() + 10
        while not server.is_healthy():
            assert time.monotonic() < deadline, server.log_tail()
            time.sleep(0.05)
    finally:
        server.stop(5)
    assert not server.is_running()
    assert server.death() is None  # we stopped it: not a death


def test_an_unexpected_exit_is_reported_with_name_code_and_log_tail(tmp_path: Path) -> None:
    process = _python(tmp_path, "crasher", "import sys; print('about to fail', flush=True); sys.exit(3)")
    process.start()
    assert _wait_exit(process) == 3

    death = process.death()
    assert isinstance(death, ProcessDiedError)
    assert (death.name, death.returncode, death.pid) == ("crasher", 3, process.pid)
    assert "about to fail" in death.log_tail
    assert "crasher" in str(death)
    assert "exit code 3" in str(death)


def test_stop_escalates_to_sigkill_when_sigterm_is_ignored(tmp_path: Path) -> None:
    stubborn = _python(
        tmp_path,
        "stubborn",
        """
        import signal, time
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        print("ready", flush=True)
        time.sleep(60)
        """,
    )
    stubborn.start()
    deadline = time.monotonic() + 10
    while "ready" not in stubborn.log_tail():
        assert time.monotonic() < deadline
        time.sleep(0.02)

    started = time.monotonic()
    stop_all([stubborn], timeout=0.5)

    assert stubborn.returncode() == -signal.SIGKILL
    assert time.monotonic() - started < 5


def test_a_process_started_from_a_thread_outlives_that_thread(tmp_path: Path) -> None:
    """PR_SET_PDEATHSIG follows the forking *thread*; the launcher forks from a long-lived one."""
    sleeper = _python(tmp_path, "sleeper", "import time; time.sleep(60)")
    thread = threading.Thread(target=sleeper.start)
    thread.start()
    thread.join()
    try:
        time.sleep(0.3)
        assert sleeper.is_running(), sleeper.log_tail()
    finally:
        sleeper.stop(5)


def test_describe_exit() -> None:
    assert describe_exit(0) == "exit code 0"
    assert describe_exit(2) == "exit code 2"
    assert describe_exit(-9) == "killed by signal SIGKILL"


_PARENT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from invoiceflow.runtime.process import ManagedProcess, ProcessSpec
    child = ManagedProcess(ProcessSpec("sleeper", (sys.executable, "-c", "import time; time.sleep(120)"),
                                       Path(sys.argv[1]), "http://127.0.0.1:9/"))
    child.start()
    print(child.pid, flush=True)
    time.sleep(120)
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux-only")
def test_children_die_with_a_sigkilled_parent(tmp_path: Path) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", _PARENT, str(tmp_path / "sleeper.log")], stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None
    child = psutil.Process(int(parent.stdout.readline()))
    try:
        assert child.is_running()
        assert child.status() != psutil.STATUS_ZOMBIE

        parent.kill()
        parent.wait(10)

        deadline = time.monotonic() + 10
        while child.is_running() and child.status() != psutil.STATUS_ZOMBIE:
            assert time.monotonic() < deadline, "the child outlived its SIGKILLed parent"
            time.sleep(0.05)
    finally:
        if child.is_running():
            child.kill()
