"""One engine's measurements, in a process of its own: ``python -m invoiceflow.compare.worker``.

A separate process per engine keeps the engines from sharing imports, threads and memory, so the parent
can attribute the peak memory of this process tree (sidecars and servers included) to one engine.
Events go as JSON lines to the file named by ``--events`` (not stdout: a crashed engine's orphaned
children may keep stdout open long after this process ended).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from invoiceflow.compare.engines import EngineName, make_runner

_events: TextIO | None = None


def emit(kind: str, **fields: Any) -> None:
    if _events is not None:
        _events.write(json.dumps({"event": kind, **fields}) + "\n")
        _events.flush()


def measure(
    engine: EngineName, files: list[Path], runs: int, prefect_api_url: str | None, paired: bool = False
) -> None:
    runner = make_runner(engine, prefect_api_url=prefect_api_url)
    started = time.perf_counter()
    runner.start()
    try:
        emit("ready", seconds=time.perf_counter() - started)
        for path in files:  # warm-up: every file once, untimed; its output is what the report compares
            invoices = runner.process(path)
            emit("warmup", file=str(path), invoices=[invoice.model_dump(mode="json") for invoice in invoices])
        for run in range(runs):
            # Rotate the order each run: a run right after a large one can pay for the engine's catch-up
            # (Prefect's SQLite server still writing the last flow's task runs: ~2 s of client retries),
            # and a fixed order would charge that to the same file every time.
            shift = run % len(files)
            for path in files[shift:] + files[:shift]:
                began = time.perf_counter()
                invoices = runner.process(path)
                emit(
                    "timing",
                    file=str(path),
                    run=run,
                    seconds=time.perf_counter() - began,
                    pages=invoices[0].document.page_count,
                )
                if paired:  # the parent times an in-process run of this file now; wait for it
                    sys.stdin.readline()
        began = time.perf_counter()
        batch = runner.process_batch(files)
        emit("batch", seconds=time.perf_counter() - began, invoices=sum(len(found) for found in batch))
    finally:
        runner.stop()
    emit("done")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="invoiceflow-compare-worker")
    parser.add_argument("--engine", type=EngineName, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--prefect-api-url", default=None)
    parser.add_argument("--events", type=Path, required=True)
    parser.add_argument(
        "--paired", action="store_true", help="after each timed run, wait for a line on stdin"
    )
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    global _events  # noqa: PLW0603 - one event stream per worker process
    _events = args.events.open("a", encoding="utf-8")
    try:
        measure(args.engine, args.files, args.runs, args.prefect_api_url, args.paired)
    except Exception as exc:  # reported to the parent as an event, with the type for the log
        emit("error", message=f"{type(exc).__name__}: {exc}")
        raise
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
