"""Where one run's wall time goes on the embedded stack: the phases of an ``invoice_workflow`` run
(default 50 pages), each run timed against the in-process pipeline on the same PDF, interleaved.

Per run, from t = 0 at the submit (ms): ``to split`` (blob put, start, first turn, scheduling), ``split``
(the split activity as the worker saw it: ``split read`` = the document read back through the binding,
``split thread`` / ``split cpu`` = the domain splitter's thread wall / CPU, ``split flush`` = waiting for
the page writes still running), ``to extract`` (split's end to the first extract activity: parent turn,
child workflows' first turns, scheduling), ``extract`` (first extract start to last extract end: the
pool's window), ``to aggregate`` (last page's end to the aggregate activity: child and parent turns),
``aggregate`` (aggregate + save + publish), ``to seen`` (its end to the runner returning the result);
``turns`` / ``turn cpu`` = orchestrator turns (parent and children) and their thread CPU; ``gc pauses``
/ ``gc full`` = this process's collections (all / full ones); ``stack cpu`` = every process of the
stack. ``--batch 8 50`` alternates pages-per-child settings run by run on one stack; ``--spans`` prints
every activity, service call, turn and collection of the last run.

Instrumentation is by monkeypatching, here only (the benchmark's own view of the SDK and the services).

    python benchmarks/dapr_timeline.py [--pages 50] [--batch 8] [--repeats 3] [--spans]

Measured 2026-11-22 (2 shared cores, load 7-18 from other work; medians of 3-5 runs, 50 pages):
  before the embedded stack froze its start-up objects: a full collection of ~120 000 objects in the
  workflow process (worker + services app + split thread share it) stalled a run by 96-237 ms (every run
  here, where the in-process baseline's garbage shares the process; 2 runs of 6 in a compare worker).
  After (gc.freeze at start): no full collection in a run, all collections 4-18 ms a run; the stack's
  CPU per run 1780-1910 ms → 1370-1530 ms (the workflow process 560-590 → 430).
  Where the rest goes (in-process 567-660): to split 20-29, split 96-120 (thread 93, of which CPU 57:
  one-page PDFs + every page's text for the batch page markers, which extraction reads again; the page
  writes' event-loop work shares the GIL), to extract 19-21, extract 680-727, to aggregate 14-29,
  aggregate 30-33, to seen 13-14; 62-66 turns, 53-63 ms CPU. The extract window is CPU-bound: ~650 ms of
  extraction in two pool workers shares the two cores with ~700 ms of per-page plumbing (daprd ~5,
  scheduler ~4, workflow process ~5-6 ms CPU per page), so it takes about as long as the in-process run;
  the serial phases (~200 ms) are the overhead. Pages per child workflow (alternated, one stack): 8 beat
  5, 13 and 50 (a flat fan-out of 50 pages: ~2x the overhead: one parent actor serialises 50 completions
  and replays its growing history on each).
  The split made cheap (page markers found in each page's extraction, no page text or page load in the
  split, consecutive pages written as one part of 8: 7 blob writes instead of 50), side by side with the
  code before (both on the same extraction code), alternating, 2 x 5 runs each, load ~2: split 81 / 81
  → 13 / 13 (thread 53 / 57 → 5 / 4, CPU 52 / 52 → 4 / 3, flush 24 / 19 → 5 / 6), the other phases
  unchanged (to split 13-15, to extract 12-15, extract 550-563, to aggregate 7-10, aggregate 25-27, to
  seen 11-13); overhead 183 / 151 → 84 / 99, the stack's CPU per run 1270 / 1290 → 1200 / 1190. What
  is left (~90 ms) is Dapr's chain of reminders between steps and the aggregate step's payloads (50
  extractions read and validated, the ~190 KB result answered, validated, saved, recorded, returned).
  Outliers, before and after: in about 1 run of 5-8 one child's last page reaches its orchestrator 0.2-0.9
  s late ("to aggregate" 198-612). daprd 1.18.2 deactivates a running workflow's actor when a stale
  "new-event" reminder (its event was handled in an earlier turn with others) finds the inbox empty
  (orchestrator/run.go returns RunCompletedTrue, runWorkflowFromReminder defers deactivate); the reminder
  of an event added at that moment hits "actor is closed, cannot handle lock" and is retried after 1 s
  (router.CallReminder's built-in DaprBuiltInActorNotFoundRetries, constant 1 s, not configurable; the
  reminder's own failure policy is 1 s too). Visible with ``log_level="debug"`` in the daprd log.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import gc
import shutil
import statistics
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
from corpus import build_invoice_pdf

from invoiceflow.domain.pipeline import extract_invoice
from invoiceflow.services import blobstore
from invoiceflow.services import extract as extract_service
from invoiceflow.services import split as split_service
from invoiceflow.workflow.activities import InvoiceActivities
from invoiceflow.workflow.embedded import INCOMING_PREFIX, EmbeddedInvoiceFlow, EmbeddedOptions
from invoiceflow.workflow.models import DEFAULT_PAGES_PER_BATCH


@dataclass
class Span:
    kind: str
    name: str
    start: float
    end: float
    cpu: float = 0.0
    detail: str = ""


@dataclass
class Recorder:
    spans: list[Span] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    origin: float = 0.0

    def add(self, span: Span) -> None:
        with self.lock:
            self.spans.append(span)

    def reset(self) -> None:
        with self.lock:
            self.spans.clear()
            self.origin = time.perf_counter()


REC = Recorder()


def instrument() -> None:
    from dapr.ext.workflow._durabletask import worker

    original_execute = worker.TaskHubGrpcWorker._execute_orchestrator

    def timed_execute(self: Any, req: Any, *args: Any, **kwargs: Any) -> Any:
        start, cpu = time.perf_counter(), time.thread_time()
        cached = req.cachedHistory.eventCount if req.HasField("cachedHistory") else 0
        size = req.ByteSize()
        try:
            return original_execute(self, req, *args, **kwargs)
        finally:
            REC.add(
                Span(
                    "turn",
                    req.instanceId,
                    start,
                    time.perf_counter(),
                    time.thread_time() - cpu,
                    f"old={cached + len(req.pastEvents)} new={len(req.newEvents)} bytes={size}",
                )
            )

    worker.TaskHubGrpcWorker._execute_orchestrator = timed_execute

    for name in ("split_stored_pdf_activity", "extract_page_activity", "aggregate_and_finish_activity"):
        original = getattr(InvoiceActivities, name)

        def wrap(fn: Any, label: str) -> Any:
            async def timed(self: Any, ctx: Any, payload: Any) -> Any:
                start = time.perf_counter()
                try:
                    return await fn(self, ctx, payload)
                finally:
                    page = payload.get("page_number", "") if isinstance(payload, dict) else ""
                    REC.add(Span("activity", label, start, time.perf_counter(), detail=str(page)))

            return timed

        setattr(InvoiceActivities, name, wrap(original, name.removesuffix("_activity")))

    original_json = extract_service._extraction_json

    async def timed_json(page: Any, *args: Any) -> bytes:
        start = time.perf_counter()
        try:
            return await original_json(page, *args)
        finally:
            REC.add(Span("service", "extract", start, time.perf_counter(), detail=str(page.page_number)))

    extract_service._extraction_json = timed_json

    original_split = split_service.validate_and_split

    def timed_split(*args: Any) -> Any:
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            return original_split(*args)
        finally:
            REC.add(Span("service", "split (thread)", start, time.perf_counter(), time.thread_time() - cpu))

    split_service.validate_and_split = timed_split
    original_flush = split_service.WriteBehindStore.flush

    async def timed_flush(self: Any, **kwargs: Any) -> None:
        start = time.perf_counter()
        try:
            await original_flush(self, **kwargs)
        finally:
            REC.add(Span("service", "split flush", start, time.perf_counter()))

    split_service.WriteBehindStore.flush = timed_flush  # type: ignore[method-assign]
    original_aget = blobstore.DaprBindingBlobStore.aget

    async def timed_aget(self: Any, key: str) -> bytes:
        start = time.perf_counter()
        try:
            return await original_aget(self, key)
        finally:
            if key.startswith(INCOMING_PREFIX):  # the document the split reads
                REC.add(Span("service", "split doc read", start, time.perf_counter()))

    blobstore.DaprBindingBlobStore.aget = timed_aget  # type: ignore[method-assign]
    gc_started: list[float] = []

    def on_gc(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            gc_started.append(time.perf_counter())
        elif gc_started:
            start = gc_started.pop()
            REC.add(Span("gc", f"gen{info['generation']}", start, time.perf_counter(), detail=str(info)))

    gc.callbacks.append(on_gc)


def stack_cpu_seconds() -> float:
    me = psutil.Process()
    total = 0.0
    for process in (me, *me.children(recursive=True)):
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def fresh_copy(data: bytes, workdir: Path, tag: str) -> Path:
    path = workdir / f"timeline-{tag}.pdf"
    path.write_bytes(data + f"\n%invoiceflow-bench {tag}\n".encode())
    return path


def ms(t: float) -> float:
    return (t - REC.origin) * 1000


def phases(spans: list[Span], wall_ms: float) -> dict[str, float]:
    """Milliseconds per phase of one run, from t = 0 at the submit (see the module docstring)."""
    acts = [s for s in spans if s.kind == "activity"]
    split = [s for s in acts if s.name == "split_stored_pdf"]
    extract = [s for s in acts if s.name == "extract_page"]
    finish = [s for s in acts if s.name == "aggregate_and_finish"]
    turns = [s for s in spans if s.kind == "turn"]
    if not (split and extract and finish):
        return {}
    split_end, first_extract = split[0].end, min(s.start for s in extract)
    last_extract = max(s.end for s in extract)
    return {
        "to split": ms(split[0].start),
        "split": (split_end - split[0].start) * 1000,
        "split cpu": sum(s.cpu for s in spans if s.name == "split (thread)") * 1000,
        "split flush": sum((s.end - s.start) for s in spans if s.name == "split flush") * 1000,
        "split read": sum((s.end - s.start) for s in spans if s.name == "split doc read") * 1000,
        "split thread": sum((s.end - s.start) for s in spans if s.name == "split (thread)") * 1000,
        "to extract": (first_extract - split_end) * 1000,
        "extract": (last_extract - first_extract) * 1000,
        "to aggregate": (finish[0].start - last_extract) * 1000,
        "aggregate": (finish[0].end - finish[0].start) * 1000,
        "to seen": wall_ms - ms(finish[0].end),
        "turns": len(turns),
        "turn cpu": sum(t.cpu for t in turns) * 1000,
        "gc pauses": sum((s.end - s.start) for s in spans if s.kind == "gc") * 1000,
        "gc full": sum((s.end - s.start) for s in spans if s.name == "gen2") * 1000,
    }


def print_spans(spans: list[Span]) -> None:
    print("  every span (ms from submit: start, end, duration, kind, name, detail):")
    for span in sorted(spans, key=lambda s: s.start):
        print(
            f"    {ms(span.start):>8.1f} {ms(span.end):>8.1f} {(span.end - span.start) * 1000:>7.1f}"
            f" {span.kind:<8} {span.name[-30:]:<30} {span.detail}"
        )


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument(
        "--batch",
        type=int,
        nargs="+",
        default=[DEFAULT_PAGES_PER_BATCH],
        help="pages per child workflow; several: alternated run by run on the same stack",
    )
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--spans", action="store_true", help="print every span of the last run")
    args = parser.parse_args()
    instrument()
    data, _ = build_invoice_pdf(pages=args.pages, seed=3)
    workdir = Path(tempfile.mkdtemp(prefix="invoiceflow-timeline-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)  # the PDF copies of the runs
    figures: dict[int, dict[str, list[float]]] = {batch: defaultdict(list) for batch in args.batch}
    async with EmbeddedInvoiceFlow(EmbeddedOptions(pages_per_batch=args.batch[0])) as flow:
        assert flow.runner is not None
        await flow.process_file(fresh_copy(data, workdir, "w"), invoice_id=f"tl-w-{time.time_ns()}")
        runs = args.repeats * len(args.batch)
        for run in range(runs):
            batch = args.batch[run % len(args.batch)]
            flow.options.pages_per_batch = batch  # read at each start
            local_start = time.perf_counter()  # interleaved: both see the same machine load
            extract_invoice(data, filename="x.pdf")
            local_ms = (time.perf_counter() - local_start) * 1000
            REC.reset()
            cpu_before = stack_cpu_seconds()
            start = time.perf_counter()
            instance = await flow.submit_file(
                fresh_copy(data, workdir, str(run)), invoice_id=f"tl-{run}-{time.time_ns()}"
            )
            await flow.runner.wait(instance)
            wall = (time.perf_counter() - start) * 1000
            spans = list(REC.spans)
            row = {
                "in-process": local_ms,
                "workflow": wall,
                "overhead": wall - local_ms,
                "stack cpu": (stack_cpu_seconds() - cpu_before) * 1000,
                **phases(spans, wall),
            }
            for key, value in row.items():
                figures[batch][key].append(value)
            print(f"run {run} (batch {batch}): " + ", ".join(f"{k} {v:.0f}" for k, v in row.items()))
            if args.spans and run == runs - 1:
                print_spans(spans)
    for batch, by_key in figures.items():
        print(f"batch {batch}, medians of {args.repeats} ({args.pages} pages, ms unless a count):")
        for key, values in by_key.items():
            print(f"  {key:<14} {statistics.median(values):>8.0f}")


if __name__ == "__main__":
    asyncio.run(main())
