"""``invoiceflow up`` / ``invoiceflow down`` as a user runs them: a process that serves the API, stopped
through its run directory, leaving no process behind and keeping Redis's data in the data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest
from tests.integration.multiapp_support import wait_for

from invoiceflow.runtime.multiapp import UP_FILE
from invoiceflow.runtime.ports import free_ports
from invoiceflow.runtime.provision import RuntimeBinaries

pytestmark = [pytest.mark.integration, pytest.mark.slow]

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_up_serves_the_api_and_down_stops_everything(dapr_runtime: RuntimeBinaries, tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    (port,) = free_ports(1)
    env = {**os.environ, "DAPR_RUNTIME_DIR": str(dapr_runtime.path("daprd").parent)}
    up = subprocess.Popen(
        [sys.executable, "-m", "invoiceflow.cli", "up", "--run-dir", str(run_dir), "--port", str(port),
         "--pdf-base-dir", str(SAMPLES)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while not (run_dir / UP_FILE).exists():
            assert up.poll() is None, up.stdout.read().decode() if up.stdout else ""
            assert time.monotonic() < deadline, "invoiceflow up did not come up"
            time.sleep(0.2)
        info = json.loads((run_dir / UP_FILE).read_text())
        assert info["pid"] == up.pid
        assert info["api_url"] == f"http://127.0.0.1:{port}"
        children = psutil.Process(up.pid).children(recursive=True)
        names = " ".join(" ".join(child.cmdline()) for child in children)
        for expected in ("redis-server", "placement", "scheduler", "workflow-app", "extract-service"):
            assert expected in names
        # One Go processor each (MultiAppOptions.go_max_procs): five sidecars, placement, scheduler.
        go_processes = [
            child
            for child in children
            if os.path.basename(child.cmdline()[0]) in {"daprd", "placement", "scheduler"}
        ]
        assert len(go_processes) == 7
        assert {child.environ().get("GOMAXPROCS") for child in go_processes} == {"1"}

        with httpx.Client(base_url=info["api_url"], timeout=30, trust_env=False) as api:
            started = api.post(
                "/api/invoices", json={"invoice_id": "INV-UP-1", "pdf_path": "invoice-en-1p.pdf"}
            )
            assert started.status_code == 202, started.text
            assert wait_for(api, "INV-UP-1")["status"] == "COMPLETED"

        down = subprocess.run(
            [sys.executable, "-m", "invoiceflow.cli", "down", "--run-dir", str(run_dir)],
            capture_output=True, text=True, timeout=90, check=False,
        )  # fmt: skip
        assert down.returncode == 0, down.stdout + down.stderr
        assert up.wait(timeout=30) is not None
        assert not (run_dir / UP_FILE).exists()
        for child in children:
            assert not child.is_running() or child.status() == psutil.STATUS_ZOMBIE, child.cmdline()
        assert (run_dir / "data" / "redis").is_dir()
        assert any((run_dir / "data" / "redis").rglob("*.aof*")), "no append-only file: no persistence"
    finally:
        if up.poll() is None:
            up.terminate()
            up.wait(timeout=30)
