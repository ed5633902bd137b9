"""Whole-process time of `invoiceflow extract FILE` beside `invoice2data FILE` on the same PDF.

Runs are interleaved (A, B, A, B, …) so machine noise hits both alike; prints, side by side, the median
wall time and the median CPU time (user + sys of the child: less sensitive to other load on a shared
machine) of each command and the ratios. Target (issue 4): invoiceflow no slower than invoice2data.

    python benchmarks/cli_startup.py [--runs 15] [--baseline OLD_CHECKOUT] [PDF]

``--baseline`` adds a third command: the Typer command of another checkout's ``src`` (for example
``git archive HEAD src | tar -x -C /tmp/before``), to show a change's effect in the same run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


# Both commands run as a user's would: with .pyc files. A PYTHONDONTWRITEBYTECODE inherited from a dev
# shell would make every edited module compile from source on every run (tens of ms).
_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _time(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU (user + sys) seconds of one run of ``cmd``."""
    before = os.times()
    started = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or _ENV, check=False)
    wall = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdf", nargs="?", type=Path, default=ROOT / "samples" / "invoice-en-1p.pdf")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--baseline", type=Path, help="a checkout whose src/ holds the code to compare with")
    args = parser.parse_args()
    invoice2data = shutil.which("invoice2data", path=str(BIN)) or shutil.which("invoice2data")
    if invoice2data is None:
        sys.exit("invoice2data is not installed (pip install invoice2data)")
    commands = {
        "invoiceflow extract": [str(BIN / "invoiceflow"), "extract", str(args.pdf)],
        # the pdfium reader: the same PDF engine, and no poppler binary needed
        "invoice2data": [
            invoice2data,
            "--input-reader",
            "pdfium",
            "--template-folder",
            str(ROOT / "templates"),
            "--exclude-built-in-templates",
            str(args.pdf),
        ],
    }
    envs: dict[str, dict[str, str]] = {}
    if args.baseline is not None:
        commands["baseline extract"] = [sys.executable, "-m", "invoiceflow.cli", "extract", str(args.pdf)]
        envs["baseline extract"] = {**_ENV, "PYTHONPATH": str(args.baseline.resolve() / "src")}
    for name, cmd in commands.items():  # warm the page cache, write the .pyc files
        _time(cmd, envs.get(name))
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, cmd in commands.items():
            wall, cpu = _time(cmd, envs.get(name))
            walls[name].append(wall * 1000)
            cpus[name].append(cpu * 1000)
    wall_ms = {name: statistics.median(values) for name, values in walls.items()}
    cpu_ms = {name: statistics.median(values) for name, values in cpus.items()}
    print(f"{args.pdf.name}, {args.runs} interleaved runs each, whole process (medians; min wall):")
    print(f"  {'command':<22} {'wall ms':>8} {'min ms':>8} {'cpu ms':>8}")
    for name in commands:
        print(f"  {name:<22} {wall_ms[name]:8.1f} {min(walls[name]):8.1f} {cpu_ms[name]:8.1f}")
    ours, theirs = "invoiceflow extract", "invoice2data"
    print(
        f"  ratio invoiceflow / invoice2data: wall {wall_ms[ours] / wall_ms[theirs]:.2f}, "
        f"min wall {min(walls[ours]) / min(walls[theirs]):.2f}, cpu {cpu_ms[ours] / cpu_ms[theirs]:.2f} "
        "(target <= 1.00)"
    )
    if "baseline extract" in commands:
        base = "baseline extract"
        print(
            f"  ratio baseline / invoice2data: wall {wall_ms[base] / wall_ms[theirs]:.2f}, "
            f"cpu {cpu_ms[base] / cpu_ms[theirs]:.2f}; invoiceflow / baseline: wall "
            f"{wall_ms[ours] / wall_ms[base]:.2f}, cpu {cpu_ms[ours] / cpu_ms[base]:.2f}"
        )


if __name__ == "__main__":
    main()
