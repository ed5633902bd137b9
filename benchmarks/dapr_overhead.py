"""Orchestration overhead of ``invoiceflow process`` over the in-process pipeline, on a warm stack.

overhead = median per-invoice time through ``invoice_workflow`` on the embedded stack (what ``invoiceflow
process`` does per file, stack already up) − median in-process ``extract_invoice`` time on the same PDF;
both measured in this run, interleaved, median of 5 after one warm-up each. Targets: ≤ 100 ms (3 pages), ≤
500 ms (50 pages). Also prints the fan-out's measured parallelism (extract activities in flight at once)
and where a run's time goes, from the runtime's own history timestamps (median over the runs): each stage
from scheduling to completion (runtime hand-over + activity + service), ``rounds`` = the rest of the
instance's span (a completion reaching the orchestrator, the replay, the next scheduling), ``submit`` =
blob put + start call, ``detect`` = from the instance's completion to the runner seeing it (below zero:
the runner took the result from the worker's signal before daprd had stored the completion).

Every workflow run gets a fresh invoice id *and* fresh bytes (the PDF plus a trailing comment, which
every reader ignores), so no run profits from blobs a previous run stored under the same content hash;
the in-process side runs the real ``extract_invoice`` on the same PDF. ``--batch`` sets the pages per
``page_batch_workflow`` child (pages up to it are extracted directly by the parent).

CPU: the machine is shared, so wall times move with other people's load; CPU time moves much less. Each
workflow run's CPU is summed over every process of the stack (this one, which hosts the worker and the
services app, the extraction pool workers, daprd, placement, scheduler; from psutil), the in-process run's
is this process's own; ``cpu overhead`` = the difference of the medians.

    python benchmarks/dapr_overhead.py [--repeats 5] [--pages 3 50] [--batch 8]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import psutil
from corpus import build_invoice_pdf

from invoiceflow.dapr.workflow import WorkflowHistoryEvent
from invoiceflow.domain.pipeline import extract_invoice
from invoiceflow.workflow import workflows
from invoiceflow.workflow.embedded import EmbeddedInvoiceFlow, EmbeddedOptions
from invoiceflow.workflow.models import DEFAULT_PAGES_PER_BATCH

TARGET_MS = {3: 100.0, 50: 500.0}


def in_process_ms(data: bytes, filename: str) -> tuple[float, float]:
    """Wall and CPU milliseconds of the in-process pipeline."""
    start, cpu = time.perf_counter(), time.process_time()
    extract_invoice(data, filename=filename)
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000


def stack_cpu_seconds() -> float:
    """CPU seconds so far of this process and every process under it (the whole embedded stack)."""
    me = psutil.Process()
    total = 0.0
    for process in (me, *me.children(recursive=True)):
        try:
            times = process.cpu_times()
        except psutil.Error:  # a pool worker that just exited
            continue
        total += times.user + times.system
    return total


def fresh_copy(data: bytes, workdir: Path, tag: str) -> Path:
    """The same PDF with other bytes: a new content hash, so nothing is found already stored."""
    path = workdir / f"bench-{tag}.pdf"
    path.write_bytes(data + f"\n%invoiceflow-bench {tag}\n".encode())
    return path


_STAGE_OF = {
    workflows.UPLOAD_ACTIVITY: "upload",
    workflows.SPLIT_ACTIVITY: "split",
    workflows.EXTRACT_ACTIVITY: "extract",
    workflows.PAGE_BATCH_WORKFLOW: "extract",
    workflows.AGGREGATE_ACTIVITY: "aggregate",
    workflows.SAVE_AND_PUBLISH_ACTIVITY: "save",
}
STAGES = ("submit", "upload", "split", "extract", "aggregate", "save", "rounds", "detect")


def _ms(later: datetime, earlier: datetime) -> float:
    return (later - earlier).total_seconds() * 1000


def stage_breakdown(
    history: list[WorkflowHistoryEvent], started: datetime, submitted: datetime, seen: datetime
) -> dict[str, float]:
    """Milliseconds per stage of one run (see the module docstring); history timestamps are naive UTC."""
    scheduled = {e.event_id: e for e in history if e.name in _STAGE_OF and e.event_id is not None}
    spans: dict[str, list[datetime]] = defaultdict(list)
    for event in history:
        if event.task_scheduled_id is not None and (origin := scheduled.get(event.task_scheduled_id)):
            spans[_STAGE_OF[str(origin.name)]] += [origin.timestamp, event.timestamp]
    first, last = history[0].timestamp, history[-1].timestamp
    stages = {stage: _ms(max(times), min(times)) for stage, times in spans.items()}
    stages["rounds"] = _ms(last, first) - sum(stages.values())
    stages["submit"] = _ms(submitted, started)
    stages["detect"] = _ms(seen, last)
    return stages


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class Measured:
    local_ms: list[float] = field(default_factory=list)
    local_cpu_ms: list[float] = field(default_factory=list)
    workflow_ms: list[float] = field(default_factory=list)
    workflow_cpu_ms: list[float] = field(default_factory=list)
    peak: int = 0
    stages: dict[str, float] = field(default_factory=dict)


async def measure(flow: EmbeddedInvoiceFlow, data: bytes, workdir: Path, repeats: int, tag: str) -> Measured:
    """In-process and workflow timings, interleaved run by run so both see the same machine load (this
    machine is shared; measured one after the other, a load change showed up as overhead or hid it)."""
    assert flow.host is not None
    assert flow.runner is not None
    assert flow.client is not None
    in_process_ms(data, f"{tag}.pdf")  # warm-ups
    await flow.process_file(fresh_copy(data, workdir, f"{tag}-warmup"), invoice_id=f"bench-{tag}-warmup")
    gauge = flow.host.activities.extract_gauge
    gauge.reset()
    measured = Measured()
    breakdowns: dict[str, list[float]] = defaultdict(list)
    for run in range(repeats):
        wall, cpu = in_process_ms(data, f"{tag}.pdf")
        measured.local_ms.append(wall)
        measured.local_cpu_ms.append(cpu)
        path = fresh_copy(data, workdir, f"{tag}-{run}")
        started_at = _utc_now()
        cpu_before = stack_cpu_seconds()
        start = time.perf_counter()
        # process_file's two halves, timed apart; a fresh id: a real run, not a replay
        instance_id = await flow.submit_file(path, invoice_id=f"bench-{tag}-{run}")
        submitted_at = _utc_now()
        await flow.runner.wait(instance_id)
        measured.workflow_ms.append((time.perf_counter() - start) * 1000)
        seen_at = _utc_now()
        measured.workflow_cpu_ms.append((stack_cpu_seconds() - cpu_before) * 1000)
        history = await flow.client.workflows().history(instance_id)  # after the clock stopped
        for stage, ms in stage_breakdown(history, started_at, submitted_at, seen_at).items():
            breakdowns[stage].append(ms)
    measured.peak = gauge.peak
    measured.stages = {stage: statistics.median(values) for stage, values in breakdowns.items()}
    return measured


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--pages", type=int, nargs="+", default=[3, 50])
    parser.add_argument("--batch", type=int, default=DEFAULT_PAGES_PER_BATCH, help="pages per child workflow")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="invoiceflow-bench-"))
    started = time.perf_counter()
    async with EmbeddedInvoiceFlow(EmbeddedOptions(pages_per_batch=args.batch)) as flow:
        print(
            f"stack start: {time.perf_counter() - started:.2f} s (placement, scheduler, daprd, app, worker)"
        )
        print(f"pages per batch: {args.batch}")
        print(
            f"{'pages':>5} {'in-process ms':>14} {'workflow ms':>12} {'overhead ms':>12}"
            f" {'target':>8} {'ok':>3} {'parallelism':>12}"
        )
        for pages in args.pages:
            data, _ = build_invoice_pdf(pages=pages, seed=5)
            measured = await measure(flow, data, workdir, args.repeats, f"{pages}p")
            in_process, timings, peak, stages = (
                measured.local_ms,
                measured.workflow_ms,
                measured.peak,
                measured.stages,
            )
            local = statistics.median(in_process)
            remote = statistics.median(timings)
            overhead = remote - local
            target = TARGET_MS.get(pages)
            verdict = "" if target is None else ("yes" if overhead <= target else "NO")
            target_text = "-" if target is None else f"{target:.0f}"
            print(
                f"{pages:>5} {local:>14.1f} {remote:>12.1f} {overhead:>12.1f} {target_text:>8} {verdict:>3}"
                f" {peak:>9}/{pages:<3}"
            )
            print(f"      in-process runs (ms): {', '.join(f'{t:.0f}' for t in in_process)}")
            print(f"      workflow runs (ms): {', '.join(f'{t:.0f}' for t in timings)}")
            local_cpu = statistics.median(measured.local_cpu_ms)
            stack_cpu = statistics.median(measured.workflow_cpu_ms)
            print(
                f"      CPU ms, median: in-process {local_cpu:.0f}, workflow (all processes) {stack_cpu:.0f},"
                f" cpu overhead {stack_cpu - local_cpu:.0f}"
                f" (runs: {', '.join(f'{t:.0f}' for t in measured.workflow_cpu_ms)})"
            )
            print(
                "      stages, median ms: "
                + ", ".join(f"{stage} {stages[stage]:.0f}" for stage in STAGES if stage in stages)
            )


if __name__ == "__main__":
    asyncio.run(main())
