"""Whole-process time of `invoiceflow extract FILE` beside `invoice2data FILE` on the same PDF.

Runs are interleaved (A, B, A, B, …) so machine noise hits both alike; prints medians and the ratio.
Target (issue 4): invoiceflow no slower than invoice2data.

    python benchmarks/cli_startup.py [--runs 15] [PDF]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _time(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdf", nargs="?", type=Path, default=ROOT / "samples" / "invoice-en-1p.pdf")
    parser.add_argument("--runs", type=int, default=15)
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
    for cmd in commands.values():  # warm the page cache and .pyc files
        _time(cmd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, cmd in commands.items():
            times[name].append(_time(cmd))
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    print(f"{args.pdf.name}, {args.runs} interleaved runs each, whole process:")
    for name, median in medians.items():
        print(f"  {name:<22} median {median:7.1f} ms   min {min(times[name]) * 1000:7.1f} ms")
    ratio = medians["invoiceflow extract"] / medians["invoice2data"]
    print(f"  ratio invoiceflow / invoice2data: {ratio:.2f} (target <= 1.00)")


if __name__ == "__main__":
    main()
