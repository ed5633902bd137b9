"""100 three-page invoices submitted at once: multi-app mode (REST API, five apps, Redis) vs the embedded
stack (one process, one daprd, SQLite). Prints invoices/s, p50/p95 end-to-end latency and the ratio.

    python benchmarks/multiapp_throughput.py [--count 100] [--skip-embedded] [--profile]
        [--versions v1,v2 --versions v1,v2,v3 [--rounds 2]]
        [--variant base --variant workflow-app:INVOICEFLOW_MAX_WORKER_THREADS=4 [--rounds 2]]

``--versions`` (repeatable): the workflow versions the workflow app hosts (new starts take the newest;
default: all). Given twice or more, each is measured on its own fresh stack, in turn, ``--rounds`` times
(A B A B ...), so that versions are compared side by side under the same load on a shared machine.
``--variant`` (repeatable) does the same for app settings (``INVOICEFLOW_*`` variables per app-id,
``base``: as configured); with ``--profile`` each variant's mean CPU ms per invoice per process follows.

Every invoice is ``samples/invoice-de-3p.pdf`` under its own ``invoice_id`` (distinct instances; the
content-hash id would fold identical bytes into one). End-to-end latency = from the submit request to
the instance's completion as the runtime recorded it (its ``last_updated_at`` once COMPLETED). The client
long-polls (``GET /api/invoices/{id}?wait=30``: the API answers when its worker ends the instance).
Short polling (50 ms growing to 0.5 s) cost ~12 % of the machine's CPU in this client alone, plus ~40 %
of the workflow app's answering it and daprd's reads: it measured the poller rather than the pipeline.
Target: >= 20 invoices/s in multi-app mode on 2 cores.

``--profile`` adds where the multi-app time went: CPU seconds per process during the batch (each app with
its pool workers, each daprd, Redis, control plane, this client), and per pipeline stage the activity
time (scheduled -> completed, from the instances' histories) and the window the batch spent in it.
It also prints how busy the whole machine was and the stack's CPU-bound ceiling (cores / CPU s per
invoice): on a shared machine a low invoices/s with few "cores busy" is usually others' load (the stack
runs CPU-bound; a single invoice alone takes ~0.2 s end to end), not a stall in the pipeline.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import psutil

from invoiceflow.runtime.multiapp import MultiAppOptions, MultiAppStack
from invoiceflow.workflow.embedded import EmbeddedInvoiceFlow
from invoiceflow.workflow.versions import DEFAULT_VERSIONS

TARGET = 20.0
BASE_VARIANT = "base"
TOTAL = "total"
LONG_POLL_SECONDS = 30.0


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


def _label(process: psutil.Process) -> str:
    """Which part of the stack a process is: app-id for apps and their sidecars, else the binary."""
    try:
        argv = process.cmdline()
    except psutil.Error:
        return "?"
    joined = " ".join(argv)
    if "--app-id" in argv:
        return "daprd " + argv[argv.index("--app-id") + 1]
    for marker, name in (("placement", "placement"), ("scheduler", "scheduler"), ("redis-server", "redis")):
        if argv and marker in os.path.basename(argv[0]):
            return name
    if "--factory" in argv:
        factory = argv[argv.index("--factory") + 1]
        return factory.rsplit(":", 1)[-1].replace("create_workflow_app", "workflow-app")
    return joined[:40]


# What every process on the machine used, ours or not; steal (the hypervisor's) counts as taken too.
MACHINE = "machine (all processes)"
_BUSY_FIELDS = ("user", "nice", "system", "irq", "softirq", "steal")  # guest time is inside user already


def machine_busy_seconds() -> float:
    times = psutil.cpu_times()
    return float(sum(getattr(times, name, 0.0) for name in _BUSY_FIELDS))


def cpu_by_part() -> dict[str, float]:
    """CPU seconds (user + system) so far of every process under this one, pool workers and other children
    counted with the app that started them; and the whole machine's busy CPU seconds (``MACHINE``)."""
    totals: dict[str, float] = defaultdict(float)
    totals[MACHINE] = machine_busy_seconds()
    me = psutil.Process()
    times = me.cpu_times()
    totals["benchmark client"] = times.user + times.system
    for child in me.children():
        label = _label(child)
        for process in (child, *child.children(recursive=True)):
            try:
                times = process.cpu_times()
            except psutil.Error:
                continue
            totals[label] += times.user + times.system
    return dict(totals)


async def stage_profile(api: httpx.AsyncClient, ids: list[str]) -> None:
    """Per activity: time from scheduled to completed (mean, p95) and the batch's window in that stage."""
    durations: dict[str, list[float]] = defaultdict(list)
    windows: dict[str, list[datetime]] = defaultdict(list)
    ends: list[datetime] = []
    for instance_id in ids:
        history: list[dict[str, Any]] = (await api.get(f"/api/invoices/{instance_id}/history")).json()
        scheduled = {
            e["event_id"]: e
            for e in history
            if e["event_type"] == "TASK_SCHEDULED" and e["event_id"] is not None
        }
        for event in history:
            if event["event_type"] == "TASK_COMPLETED" and event["task_scheduled_id"] in scheduled:
                start = scheduled[event["task_scheduled_id"]]
                begin, end = (
                    datetime.fromisoformat(start["timestamp"]),
                    datetime.fromisoformat(event["timestamp"]),
                )
                durations[start["name"]].append((end - begin).total_seconds())
                windows[start["name"]] += [begin, end]
            if event["event_type"] == "EXECUTION_COMPLETED":
                ends.append(datetime.fromisoformat(event["timestamp"]))
    print("stage (activity)              runs  mean s   p95 s   batch window (first start .. last end)")
    origin = min(min(w) for w in windows.values())
    for name, values in sorted(durations.items(), key=lambda item: min(windows[item[0]])):
        ordered = sorted(values)
        p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
        first, last = (
            (min(windows[name]) - origin).total_seconds(),
            (max(windows[name]) - origin).total_seconds(),
        )
        print(
            f"{name:28} {len(values):5}  {statistics.mean(values):6.2f}  {p95:6.2f}",
            f"  {first:5.2f} .. {last:5.2f} s",
        )
    if ends:
        print(f"last instance completed at {(max(ends) - origin).total_seconds():.2f} s")


def print_cpu(before: dict[str, float], after: dict[str, float], wall: float, count: int) -> dict[str, float]:
    """Prints CPU per process; returns CPU ms per invoice per part (and ``TOTAL``)."""
    used = {part: after.get(part, 0.0) - before.get(part, 0.0) for part in after}
    machine = used.pop(MACHINE, 0.0)
    total = sum(used.values())
    print(f"CPU seconds during the batch ({wall:.2f} s wall, {total:.1f} CPU s", end=" ")
    print(f"= {total / wall:.2f} cores busy, {1000 * total / count:.0f} ms per invoice):")
    # The machine is shared: when it is busy the stack got only what the others left, so invoices/s
    # follows (cores the stack got) / (CPU s per invoice) and says little about the pipeline's latency.
    cores = psutil.cpu_count() or 1
    print(f"  machine: {machine / wall:.2f} of {cores} cores busy, {(machine - total) / wall:.2f} by others")
    print(f"  CPU-bound ceiling with all {cores} cores free: {cores * count / total:.1f} invoices/s")
    for part, seconds in sorted(used.items(), key=lambda item: -item[1]):
        print(f"  {part:28} {seconds:6.2f} s  {100 * seconds / total:5.1f} %")
    return {TOTAL: 1000 * total / count, **{part: 1000 * s / count for part, s in used.items()}}


def parse_variant(spec: str) -> dict[str, dict[str, str]]:
    """``"base"`` (nothing changed) or ``"app-id:KEY=VALUE,app-id:KEY=VALUE"``: settings per app-id."""
    env: dict[str, dict[str, str]] = defaultdict(dict)
    if spec == BASE_VARIANT:
        return {}
    for item in spec.split(","):
        app_id, _, assignment = item.partition(":")
        key, equals, value = assignment.partition("=")
        if not (app_id and key and equals):
            raise SystemExit(f"--variant {spec!r}: expected app-id:KEY=VALUE[,app-id:KEY=VALUE]")
        env[app_id][key] = value
    return dict(env)


async def run_multiapp(
    ids: list[str],
    *,
    profile: bool = False,
    versions: str = DEFAULT_VERSIONS,
    variant: str = BASE_VARIANT,
) -> tuple[float, dict[str, float]]:
    """invoices/s and (with ``profile``) CPU ms per invoice per part."""
    # Its own run directory, removed afterwards (logs, Redis AOF, blobs: ~5 MB a run).
    with tempfile.TemporaryDirectory(prefix="invoiceflow-bench-") as run_dir:
        options = MultiAppOptions(
            run_dir=Path(run_dir),
            pdf_base_dir=SAMPLE.parent,
            log_level="warn",
            workflow_versions=versions,
            app_env=parse_variant(variant),
        )
        return await _run_multiapp(ids, options, profile=profile, versions=versions, variant=variant)


async def _run_multiapp(
    ids: list[str], options: MultiAppOptions, *, profile: bool, versions: str, variant: str
) -> tuple[float, dict[str, float]]:
    with MultiAppStack(options) as stack:
        async with httpx.AsyncClient(base_url=stack.api_url, timeout=120, trust_env=False) as api:
            # Warm-up: one invoice through every app (process pools, connections) before timing.
            warm = await api.post("/api/invoices", json={"pdf_path": SAMPLE.name, "invoice_id": "warm-up"})
            await _wait(api, warm.json()["instance_id"])
            cpu_before = cpu_by_part()
            started, clock = time.time(), time.monotonic()

            async def one(invoice_id: str) -> float:
                """Completion time (epoch seconds) of one invoice submitted now."""
                response = await api.post(
                    "/api/invoices", json={"pdf_path": SAMPLE.name, "invoice_id": invoice_id}
                )
                response.raise_for_status()
                return await _wait(api, response.json()["instance_id"])

            completions = await asyncio.gather(*(one(invoice_id) for invoice_id in ids))
            latencies = [done - started for done in completions]  # all were submitted at ``started``
            wall = max(completions) - started
            cpu_ms: dict[str, float] = {}
            if profile:
                cpu_ms = print_cpu(cpu_before, cpu_by_part(), time.monotonic() - clock, len(ids))
                await stage_profile(api, ids)
        if dead := stack.deaths():
            raise SystemExit(f"processes died: {dead}")
    label = "multi-app" if versions == DEFAULT_VERSIONS else f"[{versions}]"
    if variant != BASE_VARIANT:
        label = f"{label} {{{variant}}}"
    return summarize(label, wall, list(latencies), len(ids)), cpu_ms


async def _wait(api: httpx.AsyncClient, instance_id: str) -> float:
    """Long-poll until COMPLETED; the completion time the runtime recorded, as epoch seconds."""
    while True:
        view = (await api.get(f"/api/invoices/{instance_id}", params={"wait": LONG_POLL_SECONDS})).json()
        if view["status"] == "COMPLETED":
            completed = datetime.fromisoformat(view["last_updated_at"])
            return (completed if completed.tzinfo else completed.replace(tzinfo=UTC)).timestamp()
        if view["status"] in {"FAILED", "TERMINATED"}:
            raise SystemExit(f"{instance_id} ended {view['status']}: {view.get('error')}")


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
    parser.add_argument("--profile", action="store_true", help="CPU per process and time per stage")
    parser.add_argument("--versions", action="append", help="workflow versions hosted (repeatable: A/B)")
    parser.add_argument(
        "--variant",
        action="append",
        help="app settings to A/B (repeatable): 'base' or 'app-id:KEY=VALUE[,app-id:KEY=VALUE]'",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="with several --versions/--variant: A B A B ..."
    )
    args = parser.parse_args()
    ids = invoice_ids(args.count)
    version_sets: list[str] = args.versions or [DEFAULT_VERSIONS]
    variants: list[str] = args.variant or [BASE_VARIANT]
    configs = [(versions, variant) for versions in version_sets for variant in variants]
    if len(configs) > 1:
        rates: dict[tuple[str, str], list[float]] = defaultdict(list)
        cpu: dict[tuple[str, str], list[dict[str, float]]] = defaultdict(list)
        for _ in range(args.rounds):
            for versions, variant in configs:
                rate, cpu_ms = asyncio.run(
                    run_multiapp(ids, profile=args.profile, versions=versions, variant=variant)
                )
                rates[versions, variant].append(rate)
                cpu[versions, variant].append(cpu_ms)
        for config, values in rates.items():
            versions, variant = config
            print(f"[{versions}] {{{variant}}} invoices/s per round:", ", ".join(f"{v:.2f}" for v in values))
            if args.profile:
                parts = sorted({part for run in cpu[config] for part in run}, key=lambda p: p != TOTAL)
                means = {p: statistics.mean(run.get(p, 0.0) for run in cpu[config]) for p in parts}
                shown = [p for p in parts if means[p] >= 1.0]
                print("    CPU ms per invoice (mean):", ", ".join(f"{p} {means[p]:.1f}" for p in shown))
        return
    multi, _ = asyncio.run(
        run_multiapp(ids, profile=args.profile, versions=version_sets[0], variant=variants[0])
    )
    print(f"target >= {TARGET:.0f} invoices/s in multi-app mode: {'met' if multi >= TARGET else 'NOT met'}")
    if not args.skip_embedded:
        embedded = asyncio.run(run_embedded(ids))
        print(f"multi-app / embedded throughput ratio: {multi / embedded:.2f}")


if __name__ == "__main__":
    main()
