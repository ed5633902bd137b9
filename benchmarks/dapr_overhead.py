"""Orchestration overhead of ``invoiceflow process`` over the in-process pipeline, on a warm stack.

overhead = median per-invoice time through ``invoice_workflow`` on the embedded stack (what
``invoiceflow process`` does per file, stack already up) − median in-process ``extract_invoice`` time on
the same PDF; both measured in this run, median of 5 after one warm-up. Targets: ≤ 100 ms (3 pages),
≤ 500 ms (50 pages). Also prints the fan-out's measured parallelism (extract activities in flight at once).

Every workflow run gets a fresh invoice id *and* fresh bytes (the PDF plus a trailing comment, which
every reader ignores), so no run profits from blobs a previous run stored under the same content hash;
the in-process side runs the real ``extract_invoice`` on the same PDF. ``--batch`` sets the pages per
``page_batch_workflow`` child (pages up to it are extracted directly by the parent).

    python benchmarks/dapr_overhead.py [--repeats 5] [--pages 3 50] [--batch 8]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from corpus import build_invoice_pdf

from invoiceflow.domain.pipeline import extract_invoice
from invoiceflow.workflow.embedded import EmbeddedInvoiceFlow, EmbeddedOptions
from invoiceflow.workflow.models import DEFAULT_PAGES_PER_BATCH

TARGET_MS = {3: 100.0, 50: 500.0}


def in_process_ms(data: bytes, filename: str, repeats: int) -> list[float]:
    extract_invoice(data, filename=filename)  # warm-up
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        extract_invoice(data, filename=filename)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def fresh_copy(data: bytes, workdir: Path, tag: str) -> Path:
    """The same PDF with other bytes: a new content hash, so nothing is found already stored."""
    path = workdir / f"bench-{tag}.pdf"
    path.write_bytes(data + f"\n%invoiceflow-bench {tag}\n".encode())
    return path


async def workflow_ms(
    flow: EmbeddedInvoiceFlow, data: bytes, workdir: Path, repeats: int, tag: str
) -> tuple[list[float], int]:
    assert flow.host is not None
    await flow.process_file(fresh_copy(data, workdir, f"{tag}-warmup"), invoice_id=f"bench-{tag}-warmup")
    gauge = flow.host.activities.extract_gauge
    gauge.reset()
    timings = []
    for run in range(repeats):
        path = fresh_copy(data, workdir, f"{tag}-{run}")
        start = time.perf_counter()
        await flow.process_file(path, invoice_id=f"bench-{tag}-{run}")  # fresh id: a real run, not a replay
        timings.append((time.perf_counter() - start) * 1000)
    return timings, gauge.peak


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
            path = workdir / f"bench-{pages}p.pdf"
            path.write_bytes(data)
            local = statistics.median(in_process_ms(data, path.name, args.repeats))
            timings, peak = await workflow_ms(flow, data, workdir, args.repeats, f"{pages}p")
            remote = statistics.median(timings)
            overhead = remote - local
            target = TARGET_MS.get(pages)
            verdict = "" if target is None else ("yes" if overhead <= target else "NO")
            target_text = "-" if target is None else f"{target:.0f}"
            print(
                f"{pages:>5} {local:>14.1f} {remote:>12.1f} {overhead:>12.1f} {target_text:>8} {verdict:>3}"
                f" {peak:>9}/{pages:<3}"
            )
            print(f"      workflow runs (ms): {', '.join(f'{t:.0f}' for t in timings)}")


if __name__ == "__main__":
    asyncio.run(main())
