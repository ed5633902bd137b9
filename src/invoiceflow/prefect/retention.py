"""A bounded history for Prefect's ephemeral server.

Prefect 3.8.8 keeps every flow run, task run, state and log of the ephemeral server's SQLite database
forever: its flow-run vacuum (``PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED=flow_runs``) is not one of the
services an ephemeral server runs. Its event vacuum is (at every start, then hourly), with a 7-day
retention. So InvoiceFlow, for the ephemeral server only:

- gives both of Prefect's retention settings a one-day default (a user's own values win);
- at each start deletes the flow runs that Prefect's flow-run vacuum would delete (top-level, finished,
  ended before the retention cutoff) through the API's bulk delete, within a time budget so that a
  large backlog is worked off over a few starts instead of slowing one; task runs and states go with
  their flow run (foreign-key cascade), logs are deleted by the server;
- compacts the SQLite file (``VACUUM``) before the server starts when most of it is free pages, which
  only happens after a large backlog was deleted: SQLite reuses free pages but never gives them back.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from prefect.client.orchestration.routes import ServerRoutes

logger = logging.getLogger(__name__)

# Prefect's own settings (flow runs: seconds; events: an ISO 8601 duration), defaulted for the ephemeral
# server only. Nobody can look at an ephemeral server's history while no command runs; one day keeps
# today's runs for `prefect server start` on the same PREFECT_HOME.
RETENTION_DEFAULTS = {
    "PREFECT_SERVER_SERVICES_DB_VACUUM_RETENTION_PERIOD": "86400",
    "PREFECT_SERVER_EVENTS_RETENTION_PERIOD": "P1D",
}
PRUNE_BUDGET_SECONDS = 1.0
# Runs per `POST /flow_runs/bulk_delete` call (the server allows 50): deleting a `compare`-size run (up to
# 50 task runs) took 30-100 ms on the busy 2-core machine, and the budget is checked between calls.
BULK_DELETE_LIMIT = 10
_BULK_DELETE: ServerRoutes = cast("ServerRoutes", "/flow_runs/bulk_delete")  # not in the client's route list
# Compact when at least this much of the file is free pages, and this many bytes.
COMPACT_FREE_FRACTION = 0.5
COMPACT_MIN_FREE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class PruneResult:
    deleted: int
    seconds: float
    finished: bool  # False: the budget ran out with old runs left for the next start


def prune_old_flow_runs(budget_seconds: float = PRUNE_BUDGET_SECONDS) -> PruneResult:
    """Delete the flow runs Prefect's flow-run vacuum would delete: top-level, in a terminal state, ended
    before the retention cutoff (``PREFECT_SERVER_SERVICES_DB_VACUUM_RETENTION_PERIOD``); in batches
    until none is left or ``budget_seconds`` have passed. Starts the ephemeral server when no API URL is
    set (the flow would start it anyway)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas import filters
    from prefect.client.schemas.objects import TERMINAL_STATES
    from prefect.settings.context import get_current_settings

    retention = get_current_settings().server.services.db_vacuum.retention_period
    cutoff = datetime.now(UTC) - retention
    old_finished = filters.FlowRunFilter(
        parent_task_run_id=filters.FlowRunFilterParentTaskRunId(is_null_=True),
        state=filters.FlowRunFilterState(type=filters.FlowRunFilterStateType(any_=list(TERMINAL_STATES))),
        end_time=filters.FlowRunFilterEndTime(before_=cutoff),
    )
    body = {"flow_runs": old_finished.model_dump(mode="json", exclude_unset=True), "limit": BULK_DELETE_LIMIT}
    deleted = 0
    with get_client(sync_client=True) as client:
        client.api_healthcheck()  # the server's start is not part of the pruning time
        started = time.perf_counter()
        while True:
            response = client.request("POST", _BULK_DELETE, json=body)
            response.raise_for_status()
            batch = len(response.json()["deleted"])
            deleted += batch
            finished = batch < BULK_DELETE_LIMIT
            if finished or time.perf_counter() - started >= budget_seconds:
                break
    return PruneResult(deleted, time.perf_counter() - started, finished)


def ephemeral_database_path() -> Path | None:
    """The SQLite file the ephemeral server uses, None for another database (e.g. Postgres)."""
    from prefect.settings.context import get_current_settings

    url = get_current_settings().server.database.connection_url
    raw = url.get_secret_value() if url is not None else ""
    prefix = "sqlite+aiosqlite:///"
    if not raw.startswith(prefix) or ":memory:" in raw:
        return None
    return Path(raw.removeprefix(prefix).split("?", 1)[0])


def compact_database(
    path: Path,
    *,
    free_fraction: float = COMPACT_FREE_FRACTION,
    min_free_bytes: int = COMPACT_MIN_FREE_BYTES,
    lock_wait_seconds: float = 0.2,
) -> bool:
    """``VACUUM`` the SQLite file when its free pages are at least ``free_fraction`` of it and
    ``min_free_bytes``; True when it was compacted. Reading the two counters costs well under a
    millisecond. A database another process is writing stays as it is (tried again next start)."""
    if not path.is_file():
        return False
    connection = sqlite3.connect(path, timeout=lock_wait_seconds, isolation_level=None)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        free = connection.execute("PRAGMA freelist_count").fetchone()[0]
        if not pages or free < free_fraction * pages or free * page_size < min_free_bytes:
            return False
        try:
            connection.execute("VACUUM")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # a WAL database shrinks at checkpoint
        except sqlite3.OperationalError as exc:  # locked by another server: not this time
            logger.info("Prefect database %s not compacted: %s", path, exc)
            return False
        return True
    finally:
        connection.close()


def keep_ephemeral_history_bounded() -> None:
    """Compaction, then pruning, for the ephemeral server; never fails the command that processes
    invoices (a problem is logged and left for the next start)."""
    try:
        path = ephemeral_database_path()
        started = time.perf_counter()
        compacted = path is not None and compact_database(path)
        compact_seconds = time.perf_counter() - started
        result = prune_old_flow_runs()
    except Exception as exc:  # housekeeping must not fail the user's run
        logger.warning("Pruning Prefect's ephemeral history failed: %s", exc)
        return
    logger.info(
        "Prefect ephemeral history: %s in %.2f s; %d old flow runs deleted in %.2f s%s",
        "compacted" if compacted else "not compacted",
        compact_seconds,
        result.deleted,
        result.seconds,
        "" if result.finished else " (more left for the next start)",
    )


def apply_retention_defaults() -> None:
    """Prefect's retention settings for an ephemeral server, unless the user set them."""
    for name, value in RETENTION_DEFAULTS.items():
        os.environ.setdefault(name, value)
