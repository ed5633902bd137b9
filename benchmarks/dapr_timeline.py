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
stack, split into ``cpu workflow proc`` (this process: worker, services app, split thread), ``cpu pool``
(the extract pool's workers), ``cpu daprd`` / ``scheduler`` / ``placement``. ``--batch 8 50``
alternates pages-per-child settings run by run on one stack; ``--state sqlite memory`` starts one stack
per state store, all up at once, and alternates runs between them; ``--spans`` prints every activity,
service call, turn and collection of the last run.

Stalls: the hand-offs between daprd and this process are spans too (``item``: a work item taken from
daprd's stream; ``send``: a result sent back; ``signal``: the worker waking the runner; ``read``: the
runner reading the instance; ``woken``: the runner's wait returning; ``wake``: from the worker handing
the result over to the runner's wait returning). ``longest wait`` is the longest
stretch of a run in which nothing on this side was busy (no activity, turn, service call, send or
collection): the run waited on daprd or the scheduler. Above ``--stall-ms`` (150) the run is a stall,
counted by the phase it started in, its spans printed, with the submit's UTC time to find it in the
daprd log (``--log-level debug --run-dir DIR`` keeps the log). ``--compare FILE...`` runs ``invoiceflow
compare`` (local, dapr) instead with its Dapr worker probed the same way (a ``sitecustomize`` on its
PYTHONPATH), because there the stalls show and in this script's own loop they did not (below).

Instrumentation is by monkeypatching, here only (the benchmark's own view of the SDK and the services).

    python benchmarks/dapr_timeline.py [--pages 50 | --pdf FILE] [--batch 8] [--state memory sqlite]
        [--repeats 3] [--same-bytes] [--spans] [--stall-ms 150] [--log-level debug --run-dir DIR]
    python benchmarks/dapr_timeline.py --compare FILE... [--repeats 10] [--spans]

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
  (Fixed by ``runtime/patches/0001-…``: see the 2026-11-23 eighth session below.)

Measured 2026-11-22, sixth session (load 5-9 from other work on the 2 cores: walls are noisy, the CPU
figures are the ones to trust). Where the plumbing's CPU goes (50 pages, per run): the workflow process
~350-420 ms (by thread: services app ~150, the worker's activity loop ~130, orchestrator turns ~110,
gRPC's event engine ~40), daprd ~190-270, scheduler ~155-190. daprd by ``perf`` (SQLite state): the
pure-Go SQLite driver's commits (every turn's history, inbox and status) ~30 % of it, the localstorage
binding's file writes (a page's extraction, the split's parts) ~15 % (mostly the kernel's ext4 file
creation), scheduler reminders ~16 %, and Go's sysmon waking every 20 us while busy ~13 %; the
scheduler: etcd's raft + apply, gRPC, sysmon ~15 %, GC ~7 % (GOGC 400 changed nothing there, nor did
``--workers 8``; daprd tracing off by a config with ``samplingRate: "0"`` changed nothing either).
  The state store in daprd's memory (opt-in ``EmbeddedOptions.state_in_memory``: the embedded default
  stays SQLite, the store it documents), ``--state sqlite memory``, one process, both stacks up, runs
  alternated, 6 each:
  stack cpu 1645 → 1475 (daprd 270 → 185, workflow process 415 → 370, scheduler 170 → 155), to extract
  25 → 16, to seen 22 → 15, extract window 1085 → 782, overhead 366 → 175 (in-process 822 / 723).
  The young-generation collection threshold at 20 000 while the stack is up (was 700): this process's
  collections 8.8 → 0.0 ms a run, its CPU 340 → 325 (runs alternated on one stack, 6 each).
  Both together (the in-memory store on), the code before vs after (separate processes alternated,
  3 x 4 runs each, load 9-11):
  daprd 240 → 190, gc pauses 16 → 0, aggregate 34 → 26, to aggregate 15 → 12, to seen 15 → 12 (the
  serial phases 126 → 113), stack cpu 1465 → 1445 (the pool's +15 is noise); the walls (overhead 335 /
  376) lost in the load's swings. ``invoiceflow compare`` at load ~3-8, 50 pages: Dapr overhead 417
  before, 241 and 274 after, Prefect's 870-1449 in the same runs (its 3-page overhead ~1050 in all
  three: the load, or a change on its side); 3 pages 62 before, 50-61 after.
  Not taken: the blob root on tmpfs (daprd 190 → 170 a run; but every blob of a batch run would sit in
  RAM), a faster JSON encoder for the SDK's payloads (~2 ms a run), pages per child 10 or 13 (no
  difference in CPU beyond the noise; 8 stays).

Measured 2026-11-23, seventh session (load 3-9 from other work; in about half the runs every process ran
~1.5x slower, in-process included: walls swing by ±500 ms run to run, trust the CPU). Three changes to
the extract service's pool cut the extract window's CPU:
  Each worker keeps the split parts it opened (``services/part_documents.py``, keyed by blob key, bounded,
  closed on eviction): PDFium parsed a part's fonts again for each of its pages (open + load 0.94 → 0.58
  ms a page; 50 pages in one process 675 → 644 ms CPU, alternated 12 x). The workers' young-generation
  GC threshold 700 → 20 000 (as the workflow process's): 49 collections, 13 ms per 50 pages → 0. The
  pool itself driven by the service's event loop (``services/worker_pool.py``) instead of
  ``ProcessPoolExecutor``, whose manager and queue-feeder threads woke per page (per-thread CPU of the
  workflow process: ~14-19 + 6-10 ms a run, gone); a worker gets its next page while it works on one,
  as the executor's extra queued call did.
  The pool alone (50 real page tasks, old pool vs new in one process, rounds alternated, 16 each, load
  ~3): the owner's CPU 24 → 9 ms, the workers' 650-740 → 600-685, the fan-out's wall 345-399 → 312-372.
  Whole stack, HEAD exported vs HEAD + these files only, alternating rounds of 3 runs, 20 rounds (60
  runs each, medians): stack cpu 1605 → 1545, cpu workflow proc 400 → 380, cpu pool 750 → 720, daprd
  260 → 260, scheduler 180 → 180 (in the 29 / 38 runs of the machine's fast state: 1560 → 1535, pool 740
  → 710); overhead and extract window lost in the noise (round medians differ by -920 to +900 ms).
  ``invoiceflow compare --engines local,dapr --runs 7`` on the 50-page PDF, old and new alternated, 3
  rounds, load 3.6-5.7: Dapr medians 1236 / 1150 / 994 → 1055 / 1037 / 976 ms, overheads against the
  paired in-process runs 285 / 416 / 105 → 304 / 336 / 244 (same JSON in every run).
  Not taken: the extract route's dependencies replaced by one ``Request`` parameter (30 us of 61 a request
  in isolation: ~1.5 ms a run), the blob binding over HTTP instead of gRPC (150-170 us of this process's
  CPU a write either way), skipping the activity's validation of the aggregate answer (~5 ms a run; it is
  the contract check at a service boundary).

Measured 2026-11-23, eighth session (load 6-12 from other work): where the 50-page stalls of 0.3-1.1 s
went (the ~1.19 s Dapr run that missed issue #8's target). ``--compare samples/invoice-de-3p.pdf
big-50p.pdf``-style probes (3 and 50 pages alternated, runs with re-checks every 1 s as before
ef29f59): 13 stalls in 192 embedded runs, 163-1008 ms, every one in ``to aggregate``: after a turn that
took two or more results at once, nothing happened until the next turn of the same workflow (3 pages) or
of a child (50 pages) 1.0 s after the last result was sent; the daprd log, each time: "ignoring run
request for reminder 'new-event-…' because the workflow inbox is empty", then "failed to invoke method
(or reminder) for workflow …: actor is closed, cannot handle lock" and "Retrying in 1s" — the stale
reminder deactivates the running workflow's actor (the outlier described on 2026-11-22). Never in ``to
seen``: the runner was woken at most 76 ms after the aggregate's send in every run, so no end went
unsignalled; the 10 Hz re-check of ef29f59 could not help (the reads during a stall say RUNNING). With
daprd patched (``runtime/patches/0001-…``, built beside the cached runtime and passed as
DAPR_RUNTIME_DIR): 0 stalls in 88 runs, longest wait at most 19 ms. Then ``--compare`` (10 runs a
file), unpatched and patched alternated in 2 rounds: 4 of 44 stalled unpatched (3 the 1 s retry in ``to
aggregate``, one 311 ms before the first turn), 1 of 44 patched, and 0 of 44 in 2 more patched rounds.
That one: at load 13, the runner's wait returned 205 ms after the hand-over, with nothing traced in
between (cause not found; ``wake`` in the ~330 other runs: median 0.4 ms, at most 23 ms). This script's
own loop did not stall on the unpatched runtime in 116 runs (3, 50 pages and the 3-page sample; fresh or
the same bytes; with a sampler reading the stack's memory maps every 0.2 s as the compare's does, 0 of
40): here the 3-page sample's extract work items reached the worker ~6.5 ms apart, in the compare ~3 ms
apart, so results batched into one turn less often; why the pace differs was not found.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import contextlib
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
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
    instrument_hand_offs()

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


def instrument_hand_offs() -> None:
    """Points and spans at every hand-off between daprd and this process: a work item's arrival from
    the stream (``item``), a result's send back (``send``), the worker's wake-ups of a waiter
    (``signal``), the waiter's reads of the instance (``read``) and its return (``woken``)."""
    from dapr.ext.workflow._durabletask import worker

    from invoiceflow.dapr.workflow import WorkflowManager
    from invoiceflow.workflow import completions, starter

    manager = worker._AsyncWorkerManager
    original_orchestration = manager.submit_orchestration
    original_activity = manager.submit_activity

    def arrived_orchestration(self: Any, func: Any, req: Any, *args: Any) -> None:
        kinds = ",".join(sorted({e.WhichOneof("eventType") for e in req.newEvents}))
        _point("item", req.instanceId, f"turn new={len(req.newEvents)} {kinds}")
        original_orchestration(self, func, req, *args)

    def arrived_activity(self: Any, func: Any, fn: Any, req: Any, *args: Any) -> None:
        _point("item", req.workflowInstance.instanceId, f"{req.name}#{req.taskId}")
        original_activity(self, func, fn, req, *args)

    manager.submit_orchestration = arrived_orchestration  # type: ignore[method-assign]
    manager.submit_activity = arrived_activity  # type: ignore[method-assign]
    grpc_worker = worker.TaskHubGrpcWorker
    original_deliver = grpc_worker._deliver_activity_response
    original_respond = grpc_worker._send_orchestrator_response

    def timed_deliver(self: Any, req: Any, res: Any, *args: Any) -> None:
        start = time.perf_counter()
        try:
            original_deliver(self, req, res, *args)
        finally:
            name = req.workflowInstance.instanceId
            REC.add(Span("send", name, start, time.perf_counter(), detail=f"{req.name}#{req.taskId}"))

    def timed_respond(self: Any, req: Any, stub: Any, res: Any, *args: Any) -> None:
        start = time.perf_counter()
        try:
            original_respond(self, req, stub, res, *args)
        finally:
            kinds = ",".join(a.WhichOneof("workflowActionType") for a in res.actions)
            REC.add(Span("send", req.instanceId, start, time.perf_counter(), detail=f"turn [{kinds}]"))

    grpc_worker._deliver_activity_response = timed_deliver
    grpc_worker._send_orchestrator_response = timed_respond
    signals = completions.CompletionSignals
    original_hand_over, original_notify = signals.hand_over, signals.notify

    def timed_hand_over(self: Any, instance_id: str, output: Any) -> None:
        _point("signal", instance_id, f"hand_over waiters={self.waiter_count()}")
        original_hand_over(self, instance_id, output)

    def timed_notify(self: Any, instance_id: str) -> None:
        _point("signal", instance_id, f"notify waiters={self.waiter_count()}")
        original_notify(self, instance_id)

    signals.hand_over = timed_hand_over  # type: ignore[method-assign]
    signals.notify = timed_notify  # type: ignore[method-assign]
    original_get = WorkflowManager.get

    async def timed_get(self: Any, instance_id: str, **kwargs: Any) -> Any:
        start = time.perf_counter()
        instance = await original_get(self, instance_id, **kwargs)
        status = instance.status.value if instance is not None else "none"
        REC.add(Span("read", instance_id, start, time.perf_counter(), detail=status))
        return instance

    WorkflowManager.get = timed_get  # type: ignore[method-assign]
    original_wait = starter.wait_for_end

    async def timed_wait(read: Any, signals: Any, instance_id: str, **kwargs: Any) -> Any:
        ended = await original_wait(read, signals, instance_id, **kwargs)
        _point("woken", instance_id, type(ended).__name__)
        return ended

    starter.wait_for_end = timed_wait  # type: ignore[assignment]


def _point(kind: str, name: str, detail: str) -> None:
    now = time.perf_counter()
    REC.add(Span(kind, name, now, now, detail=detail))


RUNTIME_BINARIES = ("daprd", "scheduler", "placement")


def runtime_pids() -> set[int]:
    """The runtime processes (daprd, scheduler, placement) now running under this process."""
    pids = set()
    for process in psutil.Process().children(recursive=True):
        try:
            if process.name() in RUNTIME_BINARIES:
                pids.add(process.pid)
        except psutil.Error:
            continue
    return pids


def stack_cpu_by_process(own_runtime: set[int]) -> dict[str, float]:
    """CPU seconds so far of this process (``workflow proc``: worker, services app, split thread and the
    in-process baseline), of the extract pools' workers and of each runtime binary of ``own_runtime``
    (one stack's: with ``--state`` several stacks are up, the idle ones' processes are left out)."""
    me = psutil.Process()
    totals: dict[str, float] = defaultdict(float)
    for process in (me, *me.children(recursive=True)):
        try:
            times = process.cpu_times()
            name = process.name()
        except psutil.Error:
            continue
        if process.pid == me.pid:
            label = "workflow proc"
        elif name in RUNTIME_BINARIES:
            if process.pid not in own_runtime:
                continue
            label = name
        else:
            label = "pool"
        totals[label] += times.user + times.system
    return totals


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


# Work on this side of the stream: while none of it runs, the run waits on daprd / the scheduler.
BUSY_KINDS = frozenset({"activity", "turn", "service", "send", "gc"})


def longest_wait(spans: list[Span], end: float) -> tuple[float, Span | None, Span | None]:
    """The longest stretch (ms) between the submit and ``end`` in which nothing of this process's side
    of the run was busy (no activity, turn, service call, send or collection), and the spans that end
    it on either side: a stall in daprd's or the scheduler's delivery shows here, work does not."""
    busy = sorted((s for s in spans if s.kind in BUSY_KINDS), key=lambda s: s.start)
    longest, before, after = 0.0, None, None
    covered, last = REC.origin, None
    for span in busy:
        if span.start > covered and span.start - covered > longest:
            longest, before, after = span.start - covered, last, span
        if span.end > covered:
            covered, last = span.end, span
    if end - covered > longest:
        longest, before, after = end - covered, last, None
    return longest * 1000, before, after


def describe(span: Span | None) -> str:
    if span is None:
        return "-"
    return f"{span.kind} {span.name[-12:]} {span.detail[:60]} @{ms(span.start):.0f}-{ms(span.end):.0f}"


def wake_ms(spans: list[Span]) -> float | None:
    """From the worker handing the result to the waiting runner to the runner's wait returning."""
    handed = [
        s.start
        for s in spans
        if s.kind == "signal" and s.detail.startswith("hand_over") and not s.detail.endswith("waiters=0")
    ]
    woken = [s.start for s in spans if s.kind == "woken"]
    return (woken[-1] - handed[-1]) * 1000 if handed and woken else None


def phase_at(spans: list[Span], at: float) -> str:
    """The phase (as in ``phases``) a moment of a run belongs to."""
    acts = [s for s in spans if s.kind == "activity"]
    split = [s for s in acts if s.name == "split_stored_pdf"]
    extract = [s for s in acts if s.name == "extract_page"]
    finish = [s for s in acts if s.name == "aggregate_and_finish"]
    bounds = [
        ("to split", split[0].start if split else None),
        ("split", split[0].end if split else None),
        ("to extract", min(s.start for s in extract) if extract else None),
        ("extract", max(s.end for s in extract) if extract else None),
        ("to aggregate", finish[0].start if finish else None),
        ("aggregate", finish[0].end if finish else None),
    ]
    for name, until in bounds:
        if until is None or at < until:
            return name
    return "to seen"


def span_line(span: Span) -> str:
    return (
        f"{ms(span.start):>8.1f} {ms(span.end):>8.1f} {(span.end - span.start) * 1000:>7.1f}"
        f" {span.kind:<8} {span.name[-30:]:<30} {span.detail}"
    )


def print_spans(spans: list[Span]) -> None:
    print("  every span (ms from submit: start, end, duration, kind, name, detail):")
    for span in sorted(spans, key=lambda s: s.start):
        print(f"    {span_line(span)}")


PROBE_ENV = "INVOICEFLOW_TIMELINE_PROBE"
# Loaded by every Python process of the compare (PYTHONPATH); only its Dapr engine's worker is probed.
_SITECUSTOMIZE = f"""import os
import sys

if "invoiceflow.compare.worker" in sys.orig_argv and "dapr" in sys.orig_argv:
    from benchmarks.dapr_timeline import probe_embedded_runs

    probe_embedded_runs(os.environ["{PROBE_ENV}"])
"""


def probe_embedded_runs(out: str) -> None:
    """In this process, time every ``EmbeddedInvoiceFlow.process_file`` and append one JSON line per run
    to ``out``: its wall, longest wait (with the spans around it and its phase) and every span."""
    instrument()
    original = EmbeddedInvoiceFlow.process_file
    active: list[dict[str, bool]] = []  # the runs in flight; a batch's runs overlap and are not recorded

    async def probed(self: EmbeddedInvoiceFlow, path: Path, **kwargs: Any) -> Any:
        this = {"overlapped": bool(active)}
        for other in active:
            other["overlapped"] = True
        active.append(this)
        if not this["overlapped"]:
            REC.reset()
        try:
            return await original(self, path, **kwargs)
        finally:
            active.remove(this)
            if not this["overlapped"]:
                _record_run(out, path.name, time.perf_counter())

    EmbeddedInvoiceFlow.process_file = probed  # type: ignore[method-assign]


def _record_run(out: str, name: str, end: float) -> None:
    spans = sorted(REC.spans, key=lambda span: span.start)
    waited, before, after = longest_wait(spans, end)
    run = {
        "file": name,
        "wall": (end - REC.origin) * 1000,
        "waited": waited,
        "wake": wake_ms(spans),
        "phase": phase_at(spans, before.end if before is not None else REC.origin),
        "around": f"after {describe(before)}; until {describe(after)}",
        "spans": [span_line(span) for span in spans],
    }
    with open(out, "a", encoding="utf-8") as lines:
        lines.write(json.dumps(run) + "\n")


def probe_compare(files: list[Path], runs: int, stall_ms: float, show_spans: bool) -> None:
    """``invoiceflow compare`` (local and dapr) with its Dapr worker probed: every embedded run's longest
    wait and the stalls by phase, as this script's own runs report them."""
    with tempfile.TemporaryDirectory(prefix="invoiceflow-timeline-probe-") as temp:
        (Path(temp) / "sitecustomize.py").write_text(_SITECUSTOMIZE)
        out = Path(temp) / "runs.jsonl"
        paths = [temp, *filter(None, [os.environ.get("PYTHONPATH")])]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths), PROBE_ENV: str(out)}
        command = [sys.executable, "-m", "invoiceflow", "compare", *map(str, files)]
        command += ["--engines", "local,dapr", "--runs", str(runs), "--out", str(Path(temp) / "report")]
        report = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
        probed = [json.loads(line) for line in out.read_text().splitlines()]
    stalls: dict[str, int] = defaultdict(int)
    for number, run in enumerate(probed):
        stalled = run["waited"] > stall_ms
        if stalled:
            stalls[run["phase"]] += 1
        mark = f"STALL in '{run['phase']}'" if stalled else ""
        wake = f"{run['wake']:.1f}" if run["wake"] is not None else "-"
        print(
            f"run {number} {run['file']}: wall {run['wall']:.0f}, longest wait {run['waited']:.0f}, "
            f"wake {wake} {mark}"
        )
        print(f"  {run['around']}")
        if stalled and show_spans:
            print("\n".join(f"    {line}" for line in run["spans"]))
    wakes = sorted(run["wake"] for run in probed if run["wake"] is not None)
    if wakes:
        print(f"wake (hand-over to runner): median {statistics.median(wakes):.1f} ms, max {wakes[-1]:.1f} ms")
    print(
        f"stalls (longest wait > {stall_ms:.0f} ms): {sum(stalls.values())} of {len(probed)} embedded runs"
        + "".join(f", {count} in '{phase}'" for phase, count in sorted(stalls.items()))
    )
    print("\n".join(line for line in report.splitlines() if line.startswith("| dapr |")))


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--pdf", type=Path, default=None, help="run on this PDF instead of a generated one")
    parser.add_argument(
        "--batch",
        type=int,
        nargs="+",
        default=[DEFAULT_PAGES_PER_BATCH],
        help="pages per child workflow; several: alternated run by run on the same stack",
    )
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--state",
        choices=["memory", "sqlite"],
        nargs="+",
        default=[],
        help="state store(s) of the stack (default: the embedded mode's own choice); several: one stack "
        "each, all up at once, alternated run by run",
    )
    parser.add_argument("--spans", action="store_true", help="print every span of the last run")
    parser.add_argument(
        "--stall-ms",
        type=float,
        default=150.0,
        help="a run whose longest wait on the runtime (nothing busy on this side) exceeds this is a "
        "stall: counted by phase, its spans printed",
    )
    parser.add_argument(
        "--same-bytes",
        action="store_true",
        help="every run on the same PDF bytes, as ``invoiceflow compare`` does (default: fresh bytes per "
        "run, so no run profits from blobs a previous run stored)",
    )
    parser.add_argument("--log-level", default=None, help="daprd's and the control plane's (e.g. debug)")
    parser.add_argument("--run-dir", type=Path, default=None, help="keep the stack's run dir (logs) here")
    parser.add_argument(
        "--compare",
        type=Path,
        nargs="+",
        default=None,
        help="instead: run `invoiceflow compare` (local, dapr; --repeats runs) on these PDFs with its Dapr "
        "worker probed, and report each embedded run's longest wait (--spans: every span of a stall)",
    )
    args = parser.parse_args()
    if args.compare:
        probe_compare(args.compare, args.repeats, args.stall_ms, args.spans)
        return
    instrument()
    data = args.pdf.read_bytes() if args.pdf is not None else build_invoice_pdf(pages=args.pages, seed=3)[0]
    workdir = Path(tempfile.mkdtemp(prefix="invoiceflow-timeline-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)  # the PDF copies of the runs
    states: list[str | None] = list(args.state) or [None]
    configs = [(state, batch) for state in states for batch in args.batch]
    figures: dict[tuple[str | None, int], dict[str, list[float]]] = {c: defaultdict(list) for c in configs}
    async with contextlib.AsyncExitStack() as stacks:
        flows: dict[str | None, tuple[EmbeddedInvoiceFlow, set[int]]] = {}
        for state in states:
            before = runtime_pids()
            options = EmbeddedOptions(pages_per_batch=args.batch[0])
            if args.log_level is not None:
                options.log_level = args.log_level
            if args.run_dir is not None:
                options.run_dir = args.run_dir / (state or "default")
                options.run_dir.mkdir(parents=True, exist_ok=True)
            if state is not None:  # unset otherwise: the script also times code from before the option
                options.state_in_memory = state == "memory"
            flow = await stacks.enter_async_context(EmbeddedInvoiceFlow(options))
            flows[state] = (flow, runtime_pids() - before)
            await flow.process_file(
                fresh_copy(data, workdir, f"w{state}"), invoice_id=f"tl-w-{time.time_ns()}"
            )
        runs = args.repeats * len(configs)
        stalls: dict[str, int] = defaultdict(int)
        for run in range(runs):
            state, batch = configs[run % len(configs)]
            flow, own_runtime = flows[state]
            assert flow.runner is not None
            flow.options.pages_per_batch = batch  # read at each start
            local_start = time.perf_counter()  # interleaved: both see the same machine load
            extract_invoice(data, filename="x.pdf")
            local_ms = (time.perf_counter() - local_start) * 1000
            REC.reset()
            cpu_before = stack_cpu_by_process(own_runtime)
            submitted_at = datetime.now(UTC)
            start = time.perf_counter()
            instance = await flow.submit_file(
                fresh_copy(data, workdir, "same" if args.same_bytes else str(run)),
                invoice_id=f"tl-{run}-{time.time_ns()}",
            )
            await flow.runner.wait(instance)
            end = time.perf_counter()
            wall = (end - start) * 1000
            spans = list(REC.spans)
            waited, before, after = longest_wait(spans, end)
            cpu_after = stack_cpu_by_process(own_runtime)
            cpu_of = {
                f"cpu {label}": (cpu_after[label] - cpu_before.get(label, 0.0)) * 1000
                for label in ("workflow proc", "pool", *RUNTIME_BINARIES)
            }
            row = {
                "in-process": local_ms,
                "workflow": wall,
                "overhead": wall - local_ms,
                "stack cpu": sum(cpu_of.values()),
                **cpu_of,
                **phases(spans, wall),
                "longest wait": waited,
                "wake": wake_ms(spans) or 0.0,
            }
            for key, value in row.items():
                figures[state, batch][key].append(value)
            print(f"run {run} ({_label(state, batch)}): " + ", ".join(f"{k} {v:.0f}" for k, v in row.items()))
            print(f"  longest wait {waited:.0f} ms: after {describe(before)}; until {describe(after)}")
            stalled = waited > args.stall_ms
            if stalled:
                phase = phase_at(spans, before.end if before is not None else REC.origin)
                stalls[phase] += 1
                print(f"  STALL in '{phase}' (submitted {submitted_at:%H:%M:%S.%f} UTC, instance {instance})")
            if (args.spans and run == runs - 1) or stalled:
                print_spans(spans)
    print(
        f"stalls (longest wait > {args.stall_ms:.0f} ms): {sum(stalls.values())} of {runs} runs"
        + "".join(f", {count} in '{phase}'" for phase, count in sorted(stalls.items()))
    )
    source = args.pdf.name if args.pdf is not None else f"{args.pages} pages"
    for (state, batch), by_key in figures.items():
        print(f"{_label(state, batch)}, medians of {args.repeats} ({source}, ms unless a count):")
        for key, values in by_key.items():
            print(f"  {key:<17} {statistics.median(values):>8.0f}")


def _label(state: str | None, batch: int) -> str:
    return f"batch {batch}" if state is None else f"state {state}, batch {batch}"


if __name__ == "__main__":
    asyncio.run(main())
