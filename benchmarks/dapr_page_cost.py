"""Where the per-page cost of ``invoice_workflow`` goes: CPU ms per page for each process of the embedded
stack (and, inside this process, the workflow worker's threads apart from the services app's), plus what
each run moves: blob reads/writes through the binding, service invocations, and the JSON the workflow SDK
decodes while replaying histories (every orchestrator turn replays and decodes its whole history).

Runs a small and a large invoice on one warm stack, interleaved, and prints medians per run and per page;
the difference between the two sizes divided by the page difference is the marginal cost of one page.

    python benchmarks/dapr_page_cost.py [--repeats 3] [--pages 3 50] [--batch 8]

Measured 2026-11-22 (2 shared cores; old = HEAD before extractions were stored by reference, same run,
alternating, marginal CPU ms per page at 50 pages, two rounds each):
  workflow app (worker + services)  old 10.9 / 10.0   new 8.8 / 8.3
  daprd                             old  5.0 /  5.0   new 5.2 / 5.4
  scheduler + placement             old  4.0 /  4.1   new 3.9 / 3.6
  extraction workers (domain)       old 12.7 / 12.1   new 13.8 / 13.5 (domain code unchanged: the
                                    two workers run more in parallel and share the cores more)
  binding calls per 50-page run: create 52 → 102 (one extraction blob per page), get 52 → 1 (page PDFs
  and extractions served from the store's cache of what the process wrote); replay JSON decoded per run
  3.7 MB → 1.0 MB (the rest is mostly the aggregate result, ~200 KB, in the last turns).
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import shutil
import statistics
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import psutil
from corpus import build_invoice_pdf

from invoiceflow.dapr import bindings
from invoiceflow.workflow import sdk_fixes
from invoiceflow.workflow.embedded import EmbeddedInvoiceFlow, EmbeddedOptions
from invoiceflow.workflow.models import DEFAULT_PAGES_PER_BATCH

Counters = Counter[str]
COUNTS: Counters = Counter()


def instrument() -> None:
    """Count binding calls (blob reads and writes through daprd; cache hits are not calls) and replay
    decoding (monkeypatched here only: the benchmark's own view)."""
    manager = bindings.BindingsManager
    original_invoke = manager.invoke

    async def counted_invoke(self: Any, name: str, operation: str, data: Any = None, **kwargs: Any) -> Any:
        result = await original_invoke(self, name, operation, data, **kwargs)
        COUNTS[f"binding {operation} calls"] += 1
        size = len(data) if operation == "create" and data is not None else len(result.data or b"")
        COUNTS[f"binding {operation} bytes"] += size
        return result

    manager.invoke = counted_invoke  # type: ignore[method-assign]
    original = sdk_fixes.fast_from_json

    def counted_from_json(text: str) -> Any:
        COUNTS["sdk json decode calls"] += 1
        COUNTS["sdk json decode bytes"] += len(text)
        return original(text)

    sdk_fixes.fast_from_json = counted_from_json  # type: ignore[assignment]


def role_of(process: psutil.Process, me: int) -> str:
    if process.pid == me:
        return "python (this process)"
    name = process.name()
    for binary in ("daprd", "placement", "scheduler"):
        if binary in name:
            return binary
    return "extract workers (forkserver)"


def cpu_by_role() -> dict[str, float]:
    me = psutil.Process()
    totals: dict[str, float] = defaultdict(float)
    for process in (me, *me.children(recursive=True)):
        try:
            times = process.cpu_times()
            totals[role_of(process, me.pid)] += times.user + times.system
        except psutil.Error:
            continue
    names = {thread.native_id: thread.name for thread in threading.enumerate()}
    for thread in me.threads():
        name = names.get(thread.id, "")
        if name.startswith("invoiceflow-services") or name.startswith("asyncio_"):
            group = "  of which services app"
        elif name == "MainThread":
            group = "  of which benchmark main"
        elif name:
            group = "  of which workflow worker (py threads)"
        else:
            group = "  of which native threads (grpc core)"
        totals[group] += thread.user_time + thread.system_time
    return totals


def fresh_copy(data: bytes, workdir: Path, tag: str) -> Path:
    path = workdir / f"cost-{tag}.pdf"
    path.write_bytes(data + f"\n%invoiceflow-bench {tag}\n".encode())
    return path


async def one_run(
    flow: EmbeddedInvoiceFlow, path: Path, invoice_id: str
) -> tuple[dict[str, float], Counters]:
    assert flow.runner is not None
    COUNTS.clear()
    before = cpu_by_role()
    instance = await flow.submit_file(path, invoice_id=invoice_id)
    await flow.runner.wait(instance)
    await asyncio.sleep(0.3)  # let the sidecar finish its bookkeeping of the last turn
    after = cpu_by_role()
    return {role: (after[role] - before.get(role, 0.0)) * 1000 for role in after}, Counter(COUNTS)


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pages", type=int, nargs="+", default=[3, 50])
    parser.add_argument("--batch", type=int, default=DEFAULT_PAGES_PER_BATCH)
    args = parser.parse_args()
    instrument()
    workdir = Path(tempfile.mkdtemp(prefix="invoiceflow-cost-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)  # the PDF copies of the runs
    documents = {pages: build_invoice_pdf(pages=pages, seed=5)[0] for pages in args.pages}
    cpu: dict[int, dict[str, list[float]]] = {p: defaultdict(list) for p in args.pages}
    counts: dict[int, Counters] = {}
    async with EmbeddedInvoiceFlow(EmbeddedOptions(pages_per_batch=args.batch)) as flow:
        for pages, data in documents.items():  # warm-ups
            await one_run(flow, fresh_copy(data, workdir, f"{pages}-w"), f"cost-{pages}-w-{time.time_ns()}")
        for run in range(args.repeats):
            for pages, data in documents.items():
                tag = f"{pages}-{run}-{time.time_ns()}"
                used, counted = await one_run(flow, fresh_copy(data, workdir, tag), f"cost-{tag}")
                for role, ms in used.items():
                    cpu[pages][role].append(ms)
                counts[pages] = counted
    roles = sorted(
        {role for by_role in cpu.values() for role in by_role}, key=lambda r: (r.startswith(" "), r)
    )
    roles = [r for r in roles if not r.startswith(" ")] + [r for r in roles if r.startswith(" ")]
    header = "".join(f"{f'{p} p: run':>12}{'/page':>8}" for p in args.pages)
    print(f"CPU ms (median of {args.repeats})".ljust(42) + header + f"{'marginal/page':>15}")
    low, high = min(args.pages), max(args.pages)
    for role in roles:
        medians = {p: statistics.median(cpu[p][role]) if cpu[p][role] else 0.0 for p in args.pages}
        cells = "".join(f"{medians[p]:>12.0f}{medians[p] / p:>8.1f}" for p in args.pages)
        marginal = (medians[high] - medians[low]) / (high - low) if high != low else 0.0
        print(f"{role:<42}{cells}{marginal:>15.1f}")
    totals = {
        p: statistics.median(
            [sum(v[i] for r, v in cpu[p].items() if not r.startswith(" ")) for i in range(args.repeats)]
        )
        for p in args.pages
    }
    cells = "".join(f"{totals[p]:>12.0f}{totals[p] / p:>8.1f}" for p in args.pages)
    marginal = (totals[high] - totals[low]) / (high - low) if high != low else 0.0
    print(f"{'all processes':<42}{cells}{marginal:>15.1f}")
    print("traffic per run (last run):")
    for key in sorted({k for c in counts.values() for k in c}):
        print(f"  {key:<40}" + "".join(f"{counts[p][key]:>14}" for p in args.pages))


if __name__ == "__main__":
    asyncio.run(main())
