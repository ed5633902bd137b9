"""The parts of the ephemeral server's housekeeping that need no Prefect server: compaction of a real
SQLite file and the retention defaults. The pruning itself runs on a real server in
``tests/integration/test_prefect_ephemeral_history.py``."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from invoiceflow.prefect.retention import RETENTION_DEFAULTS, apply_retention_defaults, compact_database

ROW = b"x" * 4000  # about one 4 KiB page per row


def _database(path: Path, rows: int, deleted: int) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")  # as Prefect opens it
        connection.execute("CREATE TABLE history (id INTEGER PRIMARY KEY, body BLOB)")
        connection.executemany("INSERT INTO history (body) VALUES (?)", [(ROW,)] * rows)
        connection.execute("DELETE FROM history WHERE id <= ?", (deleted,))
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _rows(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        count: int = connection.execute("SELECT count(*) FROM history").fetchone()[0]
    return count


def test_a_mostly_free_file_is_compacted_and_keeps_its_rows(tmp_path: Path) -> None:
    path = _database(tmp_path / "prefect.db", rows=1000, deleted=800)
    before = path.stat().st_size
    assert compact_database(path, min_free_bytes=1024 * 1024) is True
    assert path.stat().st_size < before * 0.4
    assert _rows(path) == 200


@pytest.mark.parametrize(("deleted", "min_free_bytes"), [(300, 1024), (800, 64 * 1024 * 1024)])
def test_little_free_space_is_left_alone(tmp_path: Path, deleted: int, min_free_bytes: int) -> None:
    """Less than half of it free, or less free space than the threshold: not worth rewriting."""
    path = _database(tmp_path / "prefect.db", rows=1000, deleted=deleted)
    before = path.stat().st_size
    assert compact_database(path, min_free_bytes=min_free_bytes) is False
    assert path.stat().st_size == before


def test_a_database_another_process_is_writing_is_left_for_the_next_start(tmp_path: Path) -> None:
    path = _database(tmp_path / "prefect.db", rows=1000, deleted=800)
    before = path.stat().st_size
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO history (body) VALUES (?)", (ROW,))
        assert compact_database(path, min_free_bytes=1024, lock_wait_seconds=0.05) is False
    finally:
        writer.execute("COMMIT")
        writer.close()
    assert path.stat().st_size == before
    assert _rows(path) == 201


def test_a_missing_file_is_not_an_error(tmp_path: Path) -> None:
    assert compact_database(tmp_path / "none.db") is False


def test_retention_defaults_fill_only_what_the_user_left_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    flow_runs, events = RETENTION_DEFAULTS
    monkeypatch.setenv(flow_runs, "set, so that the test's end restores the environment as it was")
    monkeypatch.delenv(flow_runs)
    monkeypatch.setenv(events, "P7D")
    apply_retention_defaults()
    assert os.environ[flow_runs] == RETENTION_DEFAULTS[flow_runs] == "86400"
    assert os.environ[events] == "P7D"
