"""Helpers shared by the multi-app API tests: polling the REST API, a local HTTP server for ``pdf_url``."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

TERMINAL = {"COMPLETED", "FAILED", "TERMINATED"}


def wait_for(
    api: httpx.Client, instance_id: str, *, statuses: set[str] = TERMINAL, timeout: float = 90.0
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    view: dict[str, Any] = {}
    while time.monotonic() < deadline:
        response = api.get(f"/api/invoices/{instance_id}")
        if response.status_code == 200:
            view = response.json()
            if view["status"] in statuses:
                return view
        time.sleep(0.1)
    raise AssertionError(f"{instance_id} not in {statuses} after {timeout} s; last view: {view}")


def wait_for_stage(api: httpx.Client, instance_id: str, stage: str, timeout: float = 30.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    view: dict[str, Any] = {}
    while time.monotonic() < deadline:
        view = api.get(f"/api/invoices/{instance_id}").json()
        if (view.get("progress") or {}).get("stage") == stage:
            return view
        time.sleep(0.05)
    raise AssertionError(f"{instance_id} never reached stage {stage!r}; last view: {view}")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


@contextmanager
def serve_directory(root: Path) -> Iterator[int]:
    """A local HTTP server on 127.0.0.1 serving ``root``; yields its port."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
