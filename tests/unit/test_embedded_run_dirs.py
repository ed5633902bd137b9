"""Run directories the embedded mode made for itself, left by a run killed before its stop, are removed by
the next embedded start; directories of live processes, or with no owner in their name, are not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from invoiceflow.workflow.embedded import RUN_DIR_PREFIX, remove_orphaned_run_dirs


def test_only_the_run_dirs_of_dead_owners_are_swept(tmp_path: Path) -> None:
    """What a SIGKILLed run leaves is removed by the next embedded start; nothing else is."""
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True
    )
    dead_pid = int(finished.stdout)
    orphan = tmp_path / f"{RUN_DIR_PREFIX}{dead_pid}-abc123"
    live = tmp_path / f"{RUN_DIR_PREFIX}{os.getpid()}-def456"
    unowned = tmp_path / f"{RUN_DIR_PREFIX}0x1y2z3w"  # the old naming, with no owner pid: not ours to judge
    other = tmp_path / f"invoiceflow-stack-{dead_pid}-ghi789"
    for directory in (orphan, live, unowned, other):
        (directory / "logs").mkdir(parents=True)

    assert remove_orphaned_run_dirs(tmp_path) == [orphan]
    assert not orphan.exists()
    assert live.is_dir()
    assert unowned.is_dir()
    assert other.is_dir()
