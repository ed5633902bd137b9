"""Stale tmpfs etcd directories: a stack whose owner was killed never ran its stop(); the next stack
removes the directories of owners that are gone, and only those."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from invoiceflow.runtime.stack import remove_orphaned_etcd_dirs


def _pid_of_an_ended_process() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()  # reaped: the pid names no process now
    return process.pid


def test_only_directories_of_ended_owners_are_removed(tmp_path: Path) -> None:
    dead = tmp_path / f"invoiceflow-scheduler-{_pid_of_an_ended_process()}-k2j4x9q1"
    alive = tmp_path / f"invoiceflow-scheduler-{os.getpid()}-a8d0c3vz"
    unowned = tmp_path / "invoiceflow-scheduler-qz81mx0p"  # the name carries no owner: left alone
    foreign = tmp_path / "somebody-else-1-dir"
    for directory in (dead, alive, unowned, foreign):
        (directory / "scheduler-etcd-1" / "member" / "wal").mkdir(parents=True)
        (directory / "scheduler-etcd-1" / "member" / "wal" / "0.wal").write_bytes(b"\0" * 4096)

    assert remove_orphaned_etcd_dirs(tmp_path) == [dead]

    assert not dead.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        d.name for d in (alive, unowned, foreign)
    )
    assert remove_orphaned_etcd_dirs(tmp_path) == []
