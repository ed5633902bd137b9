"""Subprocess side of ``test_prefect_ephemeral_history.py``: each run is a fresh Prefect process, because
Prefect reads its settings (PREFECT_HOME, API URL, retention) once, at import.

    python prefect_history_helper.py serve HOME      # ephemeral server with seeded history; prints
                                                     # {"api_url", "running", "recent", "old_event"},
                                                     # serves until stdin closes
    python prefect_history_helper.py process HOME PDF OLD_EVENT_ID
                                                     # what `invoiceflow process --engine prefect` does,
                                                     # then waits (<= 60 s) for Prefect's event vacuum
                                                     # to delete OLD_EVENT_ID; prints {"invoices", ...}
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from invoiceflow.prefect.environment import configure_prefect


def serve(home: Path) -> None:
    configure_prefect(home=home)
    from prefect import flow
    from prefect.client.orchestration import get_client
    from prefect.events import emit_event
    from prefect.events.worker import EventsWorker
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.states import Completed, Running

    @flow(name="retention-probe")
    def probe() -> None:
        pass

    with get_client(sync_client=True) as client:
        running = client.create_flow_run(probe, state=Running())  # never finished: never pruned
        recent = client.create_flow_run(probe, state=Running())
        client.set_flow_run_state(recent.id, Completed())
        api_url = SubprocessASGIServer().api_url
    three_days_ago = datetime.now(UTC) - timedelta(days=3)
    event = emit_event(
        "invoiceflow.test.retention-probe",
        resource={"prefect.resource.id": "invoiceflow.test.retention-probe"},
        occurred=three_days_ago,
    )
    EventsWorker.drain_all()
    assert event is not None
    print(
        json.dumps(
            {
                "api_url": api_url,
                "running": str(running.id),
                "recent": str(recent.id),
                "old_event": str(event.id),
            }
        ),
        flush=True,
    )
    sys.stdin.read()  # serve until the test closes our stdin


def process(home: Path, pdf: Path, old_event: str) -> None:
    configure_prefect(home=home)
    from invoiceflow.prefect.runner import prefect_engine

    with prefect_engine() as engine:
        invoices = engine.process(pdf)
        deadline = time.monotonic() + 60
        while _event_stored(home / "prefect.db", old_event) and time.monotonic() < deadline:
            time.sleep(0.2)
        print(
            json.dumps(
                {
                    "invoices": len(invoices),
                    "old_event_stored": _event_stored(home / "prefect.db", old_event),
                }
            ),
            flush=True,
        )


def _event_stored(database: Path, event_id: str) -> bool:
    # Prefect's SQLite stores UUIDs as text, with hyphens.
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=10) as connection:
        return connection.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is not None


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(Path(sys.argv[2]))
    else:
        process(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4])
