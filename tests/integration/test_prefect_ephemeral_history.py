"""The ephemeral server's history stays bounded: on a real Prefect server (private ``PREFECT_HOME``),
flow runs that ended before the retention cutoff are deleted with their task runs and states when the
ephemeral server starts, old events by Prefect's event vacuum, while unfinished and recent runs stay,
and a user's own server (``--api-url``) is left alone."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HELPER = Path(__file__).with_name("prefect_history_helper.py")
SAMPLE = ROOT / "samples" / "invoice-de-3p.pdf"

pytestmark = pytest.mark.slow


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PREFECT_HOME"] = str(home)
    return env


def _query(database: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(database, timeout=30) as connection:
        return connection.execute(sql, args).fetchall()


def _backdate(database: Path, flow_run_id: str, days: int) -> None:
    """Make a finished run look ``days`` old (the server stamps states with its own clock)."""
    ended = (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%d %H:%M:%S.%f")
    with sqlite3.connect(database, timeout=30) as connection:
        connection.execute("UPDATE flow_run SET end_time = ? WHERE id = ?", (ended, flow_run_id))


def _flow_runs(database: Path) -> set[str]:
    return {str(row[0]) for row in _query(database, "SELECT id FROM flow_run")}


def test_old_history_is_pruned_on_the_ephemeral_server_only(tmp_path: Path) -> None:
    home = tmp_path / "prefect-home"
    database = home / "prefect.db"
    server = subprocess.Popen(
        [sys.executable, str(HELPER), "serve", str(home)],
        env=_env(home),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        seeded = json.loads(server.stdout.readline())
        before = _flow_runs(database)
        # A real invoice run on "the user's server", which then looks three days old.
        process = [sys.executable, "-m", "invoiceflow.cli", "process", str(SAMPLE), "--engine", "prefect"]
        cli = subprocess.run(
            [*process, "--api-url", seeded["api_url"]],
            env=_env(home),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert cli.returncode == 0, cli.stderr[-3000:]
        (old_run,) = _flow_runs(database) - before
        _backdate(database, old_run, days=3)
        old_task_runs = _query(database, "SELECT id FROM task_run WHERE flow_run_id = ?", old_run)
        assert len(old_task_runs) >= 4  # upload, split, extract per page, aggregate
        # The user's server kept it all.
        assert {old_run, seeded["running"], seeded["recent"]} <= _flow_runs(database)
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=60)

    done = subprocess.run(
        [sys.executable, str(HELPER), "process", str(home), str(SAMPLE), seeded["old_event"]],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["invoices"] == 1
    remaining = _flow_runs(database)
    assert old_run not in remaining
    assert {seeded["running"], seeded["recent"]} <= remaining  # unfinished, and finished today
    assert len(remaining) == 3  # those two and the run just made
    assert _query(database, "SELECT count(*) FROM task_run WHERE flow_run_id = ?", old_run) == [(0,)]
    orphan_states = "SELECT count(*) FROM task_run_state WHERE task_run_id NOT IN (SELECT id FROM task_run)"
    assert _query(database, orphan_states) == [(0,)]
    assert report["old_event_stored"] is False  # Prefect's event vacuum, with our one-day retention
