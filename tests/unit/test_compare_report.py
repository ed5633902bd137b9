"""The comparison's arithmetic and files: percentiles, overhead against the in-process run, the Dapr vs
Prefect target check, the CSV, and the process-tree memory sampler on a real child process."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from invoiceflow.compare.memory import TreeMemorySampler, tree_memory_bytes
from invoiceflow.compare.report import (
    EngineMeasurements,
    file_figures,
    markdown_report,
    percentile,
    target_checks,
    write_csv,
)

INVOICE = {"schema_version": "1", "invoice_number": "A-1"}


def _results() -> list[EngineMeasurements]:
    local = EngineMeasurements("local", timings={"a.pdf": [0.10, 0.12, 0.11]}, pages={"a.pdf": 3})
    local.outputs = {"a.pdf": [INVOICE]}
    dapr = EngineMeasurements("dapr", timings={"a.pdf": [0.15, 0.16, 0.30]}, pages={"a.pdf": 3})
    dapr.outputs = {"a.pdf": [INVOICE]}
    dapr.batch_seconds, dapr.batch_invoices = 0.5, 2
    prefect = EngineMeasurements("prefect", timings={"a.pdf": [1.11, 1.21, 1.31]}, pages={"a.pdf": 3})
    prefect.outputs = {"a.pdf": [{**INVOICE, "invoice_number": "other"}]}
    return [local, dapr, prefect]


def test_percentile_is_nearest_rank() -> None:
    assert percentile([3.0, 1.0, 2.0], 0.95) == 3.0
    assert percentile(list(map(float, range(1, 101))), 0.95) == 95.0
    assert percentile([5.0], 0.5) == 5.0


def test_overhead_is_measured_against_the_in_process_median() -> None:
    figures = {f.engine: f for f in file_figures(_results())}
    assert figures["local"].overhead == pytest.approx(0.0)
    assert figures["dapr"].overhead == pytest.approx(0.16 - 0.11)
    assert figures["dapr"].p95 == 0.30
    assert figures["prefect"].overhead == pytest.approx(1.21 - 0.11)
    assert figures["dapr"].same_output is True
    assert figures["prefect"].same_output is False


def test_target_check_compares_dapr_with_prefect_overhead() -> None:
    (check,) = target_checks(file_figures(_results()))
    assert check.ratio == pytest.approx(0.05 / 1.10)
    assert check.met
    slow = _results()
    slow[1].timings["a.pdf"] = [0.5, 0.5, 0.5]
    (missed,) = target_checks(file_figures(slow))
    assert not missed.met


def test_paired_in_process_runs_are_the_baseline_when_an_engine_has_them() -> None:
    """The local phase ran under another load (0.11 s); the runs paired with Dapr's saw Dapr's (0.14 s)."""
    results = _results()
    results[1].paired = {"a.pdf": [0.14, 0.13, 0.20]}
    figures = {f.engine: f for f in file_figures(results)}
    assert figures["dapr"].baseline == pytest.approx(0.14)
    assert figures["dapr"].overhead == pytest.approx(0.16 - 0.14)
    assert figures["prefect"].baseline == pytest.approx(0.11)  # no paired runs: the local phase's median
    assert figures["local"].overhead == pytest.approx(0.0)
    assert figures["dapr"].same_output is True  # still checked against the local phase's output
    (check,) = target_checks(list(figures.values()))
    assert check.dapr_overhead == pytest.approx(0.02)


def test_paired_runs_go_to_the_csv(tmp_path: Path) -> None:
    results = _results()
    results[2].paired = {"a.pdf": [0.12, 0.11, 0.10]}
    path = tmp_path / "timings.csv"
    write_csv(results, path)
    rows = list(csv.DictReader(path.open()))
    paired = [r for r in rows if r["kind"] == "paired"]
    assert [(r["engine"], r["run"], r["seconds"]) for r in paired] == [
        ("prefect", "0", "0.120000"),
        ("prefect", "1", "0.110000"),
        ("prefect", "2", "0.100000"),
    ]


def test_markdown_and_csv_hold_every_measurement(tmp_path: Path) -> None:
    results = _results()
    table = markdown_report(results, runs=3)
    assert "| dapr | a.pdf | 3 | 160 | 300 | 110 | 50 | yes |" in table
    assert "| prefect | a.pdf | 3 | 1210 | 1310 | 110 | 1100 | NO |" in table
    assert "| dapr | 0.00 | 0.50 | 4.00 |" in table
    path = tmp_path / "timings.csv"
    write_csv(results, path)
    rows = list(csv.DictReader(path.open()))
    assert len([r for r in rows if r["kind"] == "invoice"]) == 9
    assert [r["engine"] for r in rows if r["kind"] == "batch"] == ["dapr"]


def test_memory_sampler_counts_the_children_of_the_tree() -> None:
    # A parent that starts a child holding 150 MiB: the tree's peak must include the child's memory.
    code = (
        "import subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', "
        "'import time; b = bytearray(150 * 2**20); b[::4096] = b\"x\" * len(b[::4096]); time.sleep(3)'])\n"
        "child.wait()\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code])
    try:
        with TreeMemorySampler(parent.pid, interval=0.05) as sampler:
            deadline = time.monotonic() + 10
            while parent.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
        assert sampler.peak_processes == 2
        assert sampler.peak_bytes > 150 * 2**20
    finally:
        parent.kill()
        parent.wait()


def test_memory_of_this_process_is_counted() -> None:
    import psutil

    total, processes = tree_memory_bytes(psutil.Process())
    assert processes >= 1
    assert total > 10 * 2**20  # a Python interpreter with pytest loaded


def test_orphans_of_a_crashed_engine_are_ended() -> None:
    import psutil

    # The parent starts a long-lived child and exits at once, as a crashed engine leaves a pool behind.
    code = (
        "import subprocess, sys, time\n"
        "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "time.sleep(1.0)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code])
    with TreeMemorySampler(parent.pid, interval=0.05) as sampler:
        parent.wait(timeout=30)
    (orphan,) = sampler.seen.values()
    assert orphan.is_running()
    assert sampler.end_survivors() == [orphan.pid]
    assert not orphan.is_running() or orphan.status() == psutil.STATUS_ZOMBIE


def test_paired_baseline_times_the_in_process_pipeline_in_a_process_of_its_own() -> None:
    from invoiceflow.compare.paired import PairedBaseline

    sample = Path(__file__).resolve().parents[2] / "samples" / "invoice-en-1p.pdf"
    with PairedBaseline() as baseline:
        baseline.warm_up([sample])
        seconds = [baseline.seconds(sample) for _ in range(2)]
        (helper,) = baseline._pool._processes.values()  # the pool's one worker
        assert helper.pid != os.getpid()
    assert all(0 < s < 30 for s in seconds)
