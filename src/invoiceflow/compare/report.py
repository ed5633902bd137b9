"""The figures of a comparison and how they are written: a Markdown table, a CSV of raw timings and PNG
plots. Orchestration overhead is an engine's median wall time for a file minus the in-process median for
the same file: what the orchestrator adds on top of identical domain work.

The in-process median an engine is measured against is that of its *paired* runs when it has them: an
in-process run of the same file right after each of the engine's timed runs, in a process of its own
(``run.py``), so both see the same machine load. The ``local`` engine's own runs happen minutes earlier;
on a shared machine the load moved 4x between phases (a 50-page in-process median of 2.1 s in one phase,
0.5 s in the next), which a difference of medians from two phases reported as overhead, or as negative
overhead. They stay the baseline for engines without paired runs and for the same-JSON check."""

from __future__ import annotations

import csv
import math
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LOCAL = "local"
TARGET_RATIO = 0.1  # Dapr's overhead at most a tenth of Prefect's


@dataclass
class EngineMeasurements:
    engine: str
    startup_seconds: float = 0.0
    timings: dict[str, list[float]] = field(default_factory=dict)  # file -> seconds per run
    # file -> seconds of the in-process run right after each timed run (see the module docstring)
    paired: dict[str, list[float]] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    outputs: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # file -> invoices (warm-up)
    batch_seconds: float | None = None
    batch_invoices: int = 0
    peak_memory_bytes: int = 0
    peak_processes: int = 0
    error: str | None = None

    @property
    def throughput(self) -> float | None:
        if not self.batch_seconds or not self.batch_invoices:
            return None
        return self.batch_invoices / self.batch_seconds


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of three runs is the slowest)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


@dataclass
class FileFigures:
    engine: str
    file: str
    pages: int
    median: float
    p95: float
    overhead: float | None  # seconds over the in-process median; None without a local run
    same_output: bool | None  # equal JSON to the in-process run; None without one
    baseline: float | None = None  # that in-process median (paired runs when the engine has them)


def normalised_output(invoices: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Run-specific fields aside: the contract has none today, so this is the JSON itself."""
    return invoices


def file_figures(results: list[EngineMeasurements]) -> list[FileFigures]:
    local = next((r for r in results if r.engine == LOCAL and r.error is None), None)
    figures: list[FileFigures] = []
    for result in results:
        for name, times in result.timings.items():
            if not times:
                continue
            median = statistics.median(times)
            overhead = same = baseline = None
            if result.paired.get(name):
                baseline = statistics.median(result.paired[name])
            elif local is not None and local.timings.get(name):
                baseline = statistics.median(local.timings[name])
            if baseline is not None:
                overhead = median - baseline
            if local is not None and name in local.outputs and name in result.outputs:
                same = normalised_output(result.outputs[name]) == normalised_output(local.outputs[name])
            figures.append(
                FileFigures(
                    engine=result.engine,
                    file=name,
                    pages=result.pages.get(name, 0),
                    median=median,
                    p95=percentile(times, 0.95),
                    overhead=overhead,
                    same_output=same,
                    baseline=baseline,
                )
            )
    return figures


@dataclass
class TargetCheck:
    file: str
    pages: int
    dapr_overhead: float
    prefect_overhead: float

    @property
    def ratio(self) -> float:
        if self.prefect_overhead <= 0:
            return math.inf
        return max(self.dapr_overhead, 0.0) / self.prefect_overhead

    @property
    def met(self) -> bool:
        return self.ratio <= TARGET_RATIO


def target_checks(figures: list[FileFigures]) -> list[TargetCheck]:
    by_key = {(f.engine, f.file): f for f in figures}
    checks: list[TargetCheck] = []
    for figure in figures:
        if figure.engine != "dapr" or figure.overhead is None:
            continue
        prefect = by_key.get(("prefect", figure.file))
        if prefect is None or prefect.overhead is None:
            continue
        checks.append(TargetCheck(figure.file, figure.pages, figure.overhead, prefect.overhead))
    return checks


def _ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.0f}"


def _flag(value: bool | None) -> str:
    return "–" if value is None else ("yes" if value else "NO")


def markdown_report(results: list[EngineMeasurements], runs: int) -> str:
    figures = file_figures(results)
    lines = [
        f"## Engines compared ({runs} timed run(s) per file after one warm-up)",
        "",
        "| engine | file | pages | median ms | p95 ms | in-process ms | overhead ms | same JSON as local |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for f in figures:
        lines.append(
            f"| {f.engine} | {Path(f.file).name} | {f.pages} | {_ms(f.median)} | {_ms(f.p95)} "
            f"| {_ms(f.baseline)} | {_ms(f.overhead)} | {_flag(f.same_output)} |"
        )
    lines += [
        "",
        "| engine | start-up s | batch s | throughput invoices/s | peak memory MiB | processes | error |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        throughput = "–" if r.throughput is None else f"{r.throughput:.2f}"
        batch = "–" if r.batch_seconds is None else f"{r.batch_seconds:.2f}"
        lines.append(
            f"| {r.engine} | {r.startup_seconds:.2f} | {batch} | {throughput} "
            f"| {r.peak_memory_bytes / 2**20:.0f} | {r.peak_processes} | {r.error or ''} |"
        )
    checks = target_checks(figures)
    if checks:
        lines += [
            "",
            "| file | pages | Dapr overhead ms | Prefect overhead ms | Dapr / Prefect | target ≤ 1/10 |",
            "| --- | ---: | ---: | ---: | ---: | --- |",
        ]
        for c in checks:
            lines.append(
                f"| {Path(c.file).name} | {c.pages} | {_ms(c.dapr_overhead)} | {_ms(c.prefect_overhead)} "
                f"| {c.ratio:.3f} | {'met' if c.met else 'MISSED'} |"
            )
    lines += [
        "",
        "Overhead: the engine's median minus the in-process median for the same file (in-process ms: for an "
        "orchestrator, the median of in-process runs each right after one of its runs, in a process of its "
        "own, so both saw the same machine load). Throughput: all files "
        "submitted at once (in-process: one after the other). Memory: peak of the engine's process tree "
        "(sidecars, servers and pool workers included; PSS).",
        "",
    ]
    return "\n".join(lines)


def write_csv(results: list[EngineMeasurements], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["engine", "kind", "file", "pages", "run", "seconds"])
        for r in results:
            for name, times in r.timings.items():
                for run, seconds in enumerate(times):
                    writer.writerow([r.engine, "invoice", name, r.pages.get(name, 0), run, f"{seconds:.6f}"])
            for name, times in r.paired.items():
                for run, seconds in enumerate(times):
                    writer.writerow([r.engine, "paired", name, r.pages.get(name, 0), run, f"{seconds:.6f}"])
            if r.batch_seconds is not None:
                writer.writerow([r.engine, "batch", "*", sum(r.pages.values()), 0, f"{r.batch_seconds:.6f}"])


def write_plots(results: list[EngineMeasurements], out: Path) -> list[Path]:
    """Median wall time and overhead per file (log scale: engines differ by orders of magnitude),
    and throughput and peak memory per engine."""
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    figures = file_figures(results)
    engines = [r.engine for r in results if r.timings]
    files = sorted({f.file for f in figures}, key=lambda name: (_pages(figures, name), name))
    by_key = {(f.engine, f.file): f for f in figures}
    written: list[Path] = []

    def grouped(metric: str, title: str, filename: str, shown: list[str]) -> None:
        fig, ax = plt.subplots(figsize=(max(6.0, 1.6 * len(files) + 3), 4.5))
        width = 0.8 / max(1, len(shown))
        for i, engine in enumerate(shown):
            values = []
            for name in files:
                figure = by_key.get((engine, name))
                value = getattr(figure, metric) if figure is not None else None
                values.append(max(value, 1e-4) * 1000 if value is not None else 0.0)
            positions = [x + i * width for x in range(len(files))]
            ax.bar(positions, values, width, label=engine)
        ax.set_xticks([x + width * (len(shown) - 1) / 2 for x in range(len(files))])
        ax.set_xticklabels([f"{Path(n).name}\n({_pages(figures, n)} p.)" for n in files], fontsize=8)
        ax.set_yscale("log")
        ax.set_ylabel("milliseconds (log)")
        ax.set_title(title)
        ax.legend()
        fig.tight_layout()
        path = out / filename
        fig.savefig(path, dpi=110)
        plt.close(fig)
        written.append(path)

    grouped("median", "Median wall time per invoice", "wall_time.png", engines)
    # The baseline's overhead is zero by definition: only the orchestrators are drawn.
    orchestrators = [engine for engine in engines if engine != LOCAL]
    grouped("overhead", "Orchestration overhead over the in-process run", "overhead.png", orchestrators)

    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 4))
    names = [r.engine for r in results]
    left.bar(names, [r.throughput or 0.0 for r in results], color="tab:green")
    left.set_title("Throughput, batch submitted at once")
    left.set_ylabel("invoices / s")
    right.bar(names, [r.peak_memory_bytes / 2**20 for r in results], color="tab:purple")
    right.set_title("Peak memory (all processes)")
    right.set_ylabel("MiB")
    fig.tight_layout()
    path = out / "throughput_memory.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    written.append(path)
    return written


def _pages(figures: list[FileFigures], name: str) -> int:
    return max((f.pages for f in figures if f.file == name), default=0)
