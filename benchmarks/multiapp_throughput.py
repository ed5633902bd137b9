"""100 three-page invoices submitted at once: multi-app mode (REST API, five apps, Redis) vs the embedded
stack (one process, one daprd, SQLite). Prints invoices/s, p50/p95 end-to-end latency and the ratio.

    python benchmarks/multiapp_throughput.py [--count 100] [--skip-embedded]

Every invoice is ``samples/invoice-de-3p.pdf`` under its own ``invoice_id`` (distinct instances; the
content-hash id would fold identical bytes into one). End-to-end latency = from the submit request to
the moment the poller first sees the instance COMPLETED (polled every 50 ms).
Target: >= 20 invoices/s in multi-app mode on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path

import httpx

from invoiceflow.runtime.multiapp import MultiAppOptions, MultiAppStack
from invoiceflow.workflow.embedded import EmbeddedInvoiceFlow

TARGET = 20.0


SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "invoice-de-3p.pdf"


def invoice_ids(count: int) -> list[str]:
    return [f"bench-{index:03d}" for index in range(count)]


def summarize(label: str, wall: float, latencies: list[float], count: int) -> float:
    rate = count / wall
    ordered = sorted(latencies)
    p50 = statistics.median(ordered)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(f"{label:10} {count} invoices in {wall:6.2f} s: {rate:6.2f} invoices/s", end=", ")
    print(f"p50 {p50:5.2f} s, p95 {p95:5.2f} s")
    return rate


async def run_multiapp(ids: list[str]) -> float:
    options = MultiAppOptions(pdf_base_dir=SAMPLE.parent, log_level="warn")
    with MultiAppStack(options) as stack:
        async with httpx.AsyncClient(base_url=stack.api_url, timeout=120, trust_env=False) as api:
            # Warm-up: one invoice through every app (process pools, connections) before timing.
            warm = await api.post("/api/invoices", json={"pdf_path": SAMPLE.name, "invoice_id": "warm-up"})
            await _wait(api, warm.json()["instance_id"])
            started = time.monotonic()

            async def one(invoice_id: str) -> float:
                begin = time.monotonic()
                response = await api.post(
                    "/api/invoices", json={"pdf_path": SAMPLE.name, "invoice_id": invoice_id}
                )
                response.raise_for_status()
                await _wait(api, response.json()["instance_id"])
                return time.monotonic() - begin

            latencies = await asyncio.gather(*(one(invoice_id) for invoice_id in ids))
            wall = time.monotonic() - started
        if dead := stack.deaths():
            raise SystemExit(f"processes died: {dead}")
    return summarize("multi-app", wall, list(latencies), len(ids))


async def _wait(api: httpx.AsyncClient, instance_id: str) -> None:
    while True:
        view = (await api.get(f"/api/invoices/{instance_id}")).json()
        if view["status"] == "COMPLETED":
            return
        if view["status"] in {"FAILED", "TERMINATED"}:
            raise SystemExit(f"{instance_id} ended {view['status']}: {view.get('error')}")
        await asyncio.sleep(0.05)


async def run_embedded(ids: list[str]) -> float:
    async with EmbeddedInvoiceFlow() as flow:
        await flow.process_file(SAMPLE, invoice_id="warm-up")
        started = time.monotonic()

        async def one(invoice_id: str) -> float:
            begin = time.monotonic()
            await flow.process_file(SAMPLE, invoice_id=invoice_id)
            return time.monotonic() - begin

        latencies = await asyncio.gather(*(one(invoice_id) for invoice_id in ids))
        wall = time.monotonic() - started
    return summarize("embedded", wall, list(latencies), len(ids))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--skip-embedded", action="store_true")
    args = parser.parse_args()
    ids = invoice_ids(args.count)
    multi = asyncio.run(run_multiapp(ids))
    print(f"target >= {TARGET:.0f} invoices/s in multi-app mode: {'met' if multi >= TARGET else 'NOT met'}")
    if not args.skip_embedded:
        embedded = asyncio.run(run_embedded(ids))
        print(f"multi-app / embedded throughput ratio: {multi / embedded:.2f}")


if __name__ == "__main__":
    main()
