"""``invoiceflow compare``: each engine in turn, in a worker process of its own (one at a time: they would
compete for the same cores), its process tree sampled for memory, its events read for the progress bar
and the figures, each timed run of an orchestrator followed by a paired in-process run of the same file
(``paired.py``; the worker waits for it); then the report files."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from invoiceflow.compare.engines import EngineName
from invoiceflow.compare.memory import TreeMemorySampler
from invoiceflow.compare.paired import PairedBaseline
from invoiceflow.compare.report import EngineMeasurements, markdown_report, write_csv, write_plots

Advance = Callable[[str], None]
POLL_SECONDS = 0.1


@dataclass
class CompareOutput:
    results: list[EngineMeasurements]
    markdown: str
    report_path: Path
    csv_path: Path
    plots: list[Path]


def steps_per_engine(files: int, runs: int) -> int:
    """ready + warm-up per file + timed runs + batch: what the progress bar counts."""
    return 1 + files + files * runs + 1


def run_engine(
    engine: EngineName,
    files: list[Path],
    runs: int,
    log_path: Path,
    *,
    prefect_api_url: str | None = None,
    advance: Advance | None = None,
) -> EngineMeasurements:
    result = EngineMeasurements(engine=engine.value)
    # An orchestrator's runs are each followed by an in-process run of the same file (``paired.py``).
    with PairedBaseline() if engine is not EngineName.LOCAL else nullcontext() as baseline:
        if baseline is not None:
            baseline.warm_up(files)
        _run_worker(
            engine,
            files,
            runs,
            log_path,
            result,
            baseline=baseline,
            prefect_api_url=prefect_api_url,
            advance=advance,
        )
    return result


def _run_worker(
    engine: EngineName,
    files: list[Path],
    runs: int,
    log_path: Path,
    result: EngineMeasurements,
    *,
    baseline: PairedBaseline | None,
    prefect_api_url: str | None,
    advance: Advance | None,
) -> None:
    events_path = log_path.with_suffix(".events.jsonl")
    events_path.write_text("")
    command = [
        sys.executable,
        "-m",
        "invoiceflow.compare.worker",
        "--engine",
        engine.value,
        "--runs",
        str(runs),
    ]
    command += ["--events", str(events_path)]
    if baseline is not None:
        command += ["--paired"]
    if prefect_api_url:
        command += ["--prefect-api-url", prefect_api_url]
    command += [str(path) for path in files]

    def consume(lines: list[str], worker: subprocess.Popen[bytes]) -> None:
        for line in lines:
            event = json.loads(line)
            _apply(result, event)
            if baseline is not None and event["event"] == "timing":
                _pair(result, baseline, str(event["file"]), worker)
            if advance is not None and event["event"] in {"ready", "warmup", "timing", "batch"}:
                advance(f"{engine.value}: {event['event']}")

    with (
        log_path.open("w", encoding="utf-8") as log,
        events_path.open(encoding="utf-8") as events,
        subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.PIPE if baseline is not None else subprocess.DEVNULL,
            env=_worker_env(),
        ) as worker,
        TreeMemorySampler(worker.pid) as sampler,
    ):
        pending = ""
        while True:
            exited = worker.poll() is not None
            pending += events.read()
            *complete, pending = pending.split("\n")
            consume(complete, worker)
            if exited:
                break
            time.sleep(POLL_SECONDS)
        code = worker.returncode
    # A crashed engine can leave children behind (a service's process pool, a sidecar): end them.
    sampler.end_survivors()
    result.peak_memory_bytes = sampler.peak_bytes
    result.peak_processes = sampler.peak_processes
    if code != 0 and result.error is None:
        result.error = f"worker exited with {code} (see {log_path.name})"
    elif code != 0:
        result.error = f"{result.error} (exit {code})"


def _pair(
    result: EngineMeasurements, baseline: PairedBaseline, name: str, worker: subprocess.Popen[bytes]
) -> None:
    """The in-process run paired with the engine's run just reported; then the worker may go on (it
    waits, so the two never run at once)."""
    try:
        result.paired.setdefault(name, []).append(baseline.seconds(Path(name)))
    finally:
        if worker.stdin is not None:
            with contextlib.suppress(OSError):  # the worker died meanwhile: its exit is reported
                worker.stdin.write(b"\n")
                worker.stdin.flush()


def _apply(result: EngineMeasurements, event: dict[str, object]) -> None:
    kind = event["event"]
    if kind == "ready":
        result.startup_seconds = float(event["seconds"])  # type: ignore[arg-type]
    elif kind == "warmup":
        result.outputs[str(event["file"])] = event["invoices"]  # type: ignore[assignment]
    elif kind == "timing":
        name = str(event["file"])
        result.timings.setdefault(name, []).append(float(event["seconds"]))  # type: ignore[arg-type]
        result.pages[name] = int(event["pages"])  # type: ignore[call-overload]
    elif kind == "batch":
        result.batch_seconds = float(event["seconds"])  # type: ignore[arg-type]
        result.batch_invoices = int(event["invoices"])  # type: ignore[call-overload]
    elif kind == "error":
        result.error = str(event["message"])


def _worker_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def run_compare(
    files: list[Path],
    engines: list[EngineName],
    runs: int,
    out: Path,
    *,
    prefect_api_url: str | None = None,
    advance: Advance | None = None,
) -> CompareOutput:
    out.mkdir(parents=True, exist_ok=True)
    resolved = [path.resolve() for path in files]
    # The in-process baseline first: every overhead is measured against it.
    ordered = sorted(engines, key=lambda e: e is not EngineName.LOCAL)
    results = [
        run_engine(
            engine,
            resolved,
            runs,
            out / f"{engine.value}.log",
            prefect_api_url=prefect_api_url,
            advance=advance,
        )
        for engine in ordered
    ]
    markdown = markdown_report(results, runs)
    report_path = out / "report.md"
    report_path.write_text(markdown, encoding="utf-8")
    csv_path = out / "timings.csv"
    write_csv(results, csv_path)
    plots = write_plots(results, out)
    return CompareOutput(results, markdown, report_path, csv_path, plots)
