"""A stack owner killed with SIGKILL leaves its scheduler's tmpfs etcd directory behind (~120 MB of RAM
in /dev/shm: etcd preallocates its WAL); the next stack that starts removes it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import psutil
import pytest

from invoiceflow.runtime.provision import RuntimeBinaries
from invoiceflow.runtime.stack import SCHEDULER, LocalStack

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="needs a tmpfs at /dev/shm"),
]

_OWNER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import psutil
    from invoiceflow.runtime.provision import RuntimeBinaries
    from invoiceflow.runtime.stack import SCHEDULER, LocalStack

    stack = LocalStack(binaries=RuntimeBinaries(Path(sys.argv[1]), "test"), run_dir=Path(sys.argv[2]),
                       scheduler_in_memory=True)
    with stack:
        cmdline = psutil.Process(stack.process(SCHEDULER).pid).cmdline()
        print(cmdline[cmdline.index("--etcd-data-dir") + 1], flush=True)
        time.sleep(600)
    """
)


def _etcd_dir(stack: LocalStack) -> Path:
    cmdline = psutil.Process(stack.process(SCHEDULER).pid).cmdline()
    return Path(cmdline[cmdline.index("--etcd-data-dir") + 1])


def test_the_next_stack_removes_a_killed_owner_s_etcd_directory(
    dapr_runtime: RuntimeBinaries, tmp_path: Path
) -> None:
    owner = subprocess.Popen(
        [sys.executable, "-c", _OWNER, str(dapr_runtime.directory), str(tmp_path / "killed")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert owner.stdout is not None
        killed_dir = Path(owner.stdout.readline().strip()).parent  # <tmpfs dir>/scheduler-etcd-1
        assert killed_dir.is_relative_to("/dev/shm")
        assert killed_dir.is_dir()
    finally:
        owner.kill()  # its placement and scheduler follow (PR_SET_PDEATHSIG), its stop() never runs
        owner.wait()
    assert killed_dir.is_dir()

    with LocalStack(binaries=dapr_runtime, run_dir=tmp_path / "next", scheduler_in_memory=True) as stack:
        assert not killed_dir.exists()
        own_dir = _etcd_dir(stack).parent
        assert own_dir.is_dir()
    assert not own_dir.exists()
