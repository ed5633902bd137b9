"""``invoiceflow compare`` end to end on two small PDFs, one run per engine: the Markdown table, the CSV
of raw timings and the PNG plots are written, every engine gives the in-process JSON, and every
orchestrator run is paired with an in-process run of the same file."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from invoiceflow.runtime.provision import find_runtime

ROOT = Path(__file__).resolve().parents[2]
FILES = [ROOT / "samples" / "invoice-en-1p.pdf", ROOT / "samples" / "invoice-de-3p.pdf"]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

pytestmark = pytest.mark.slow


def _engines() -> list[str]:
    if find_runtime() is None:
        pytest.fail("the Dapr runtime is missing: run scripts/dapr-runtime", pytrace=False)
    return ["local", "dapr", "prefect"]


def test_compare_writes_table_plots_and_csv(tmp_path: Path) -> None:
    engines = _engines()
    out = tmp_path / "report"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    command = [sys.executable, "-m", "invoiceflow.cli", "compare", *map(str, FILES)]
    command += ["--engines", ",".join(engines), "--runs", "1", "--out", str(out)]
    completed = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=env,
        timeout=540,
        check=False,
    )
    logs = {log.name: log.read_text()[-1500:] for log in out.glob("*.log")}
    assert completed.returncode == 0, (completed.stdout[-3000:], completed.stderr[-2000:], logs)

    table = completed.stdout
    assert (out / "report.md").read_text() == table
    for engine in engines:
        for path in FILES:
            row = next(line for line in table.splitlines() if line.startswith(f"| {engine} | {path.name} |"))
            assert row.rstrip().endswith("| yes |"), row  # same JSON as the in-process run
    assert "| dapr |" in table
    assert "Dapr / Prefect" in table  # the target check is printed

    with (out / "timings.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    per_invoice = [r for r in rows if r["kind"] == "invoice"]
    assert len(per_invoice) == len(engines) * len(FILES)  # one run per engine and file
    assert {r["engine"] for r in per_invoice} == set(engines)
    assert all(float(r["seconds"]) > 0 for r in rows)
    assert sum(1 for r in rows if r["kind"] == "batch") == len(engines)
    # every orchestrator run is paired with an in-process run of the same file, timed right after it
    paired = [r for r in rows if r["kind"] == "paired"]
    assert sorted((r["engine"], Path(r["file"]).name) for r in paired) == sorted(
        (engine, path.name) for engine in ("dapr", "prefect") for path in FILES
    )
    assert {int(r["pages"]) for r in per_invoice} == {1, 3}

    for name in ("wall_time.png", "overhead.png", "throughput_memory.png"):
        data = (out / name).read_bytes()
        assert data.startswith(PNG_MAGIC), name
        assert len(data) > 5000, name
