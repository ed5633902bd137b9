"""Whole-process time of `invoiceflow extract FILE` beside `invoice2data FILE`, both doing their real job.

invoice2data runs as a user runs it: its default input-reader cascade (pypdfium2 first, then pdftotext
where poppler is installed), all its ~200 built-in templates plus the project's ``templates/`` folder,
JSON written to a file. The default PDF is a corpus invoice that a template of ``templates/`` matches
(``corpus.build_invoice_pdf(1, seed=5, layout="classic_ruled", language="de")``), so invoice2data does
the whole of its work — read the text, load and match the templates, parse the fields, write JSON — and
not a short-cut: a warm-up run checks that it returned an invoice, and the table says so when it did not
(a PDF given on the command line that no template matches measures a failing run).

Runs are interleaved (A, B, A, B, …) so machine noise hits every command alike; prints the median wall
time and the median CPU time (user + sys of the child, from ``getrusage``: less sensitive to other load
on a shared machine) of each command and the ratios. Target (issue 4): invoiceflow no slower than
invoice2data.

    python benchmarks/cli_startup.py [--runs 15] [--json] [--shortcut] [--baseline OLD_CHECKOUT ...]
                                     [--instructions] [PDF]

``--baseline`` adds the console entry point of another checkout's ``src`` (for example
``git archive HEAD src | tar -x -C /tmp/before``), to show a change's effect in the same run; give it
several times to time several variants side by side (each is named after its folder).
``--shortcut`` adds the invoice2data command this script used to time (pdfium reader only, built-in
templates excluded): about a quarter cheaper than invoice2data's real job.
``--instructions`` also counts the instructions each command executes, once, under valgrind's
callgrind (~15 s a command): unlike times, the count hardly moves with the load of a shared machine
(a few thousand of ~10^9 between runs), so it shows a change of 1 % that the medians cannot.

A one-shot `invoiceflow extract` keeps two files under the user cache directory between runs, as Python
keeps ``.pyc`` files: the compiled regular expressions (``lazy_re``) and the code that dataclasses and
forward references compile from text at start-up (``code_cache``). The warm-up run writes them, so the
figures are those of every later run; ``--no-disk-caches`` adds the same command without the code cache,
and without either, what a first run after an install or an edit (or a read-only home) costs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
OURS, THEIRS, BASE = "invoiceflow extract", "invoice2data", "baseline extract"
# invoiceflow without its cache files: the environment each command adds to ours
UNCACHED = {
    "extract, no code cache": {"INVOICEFLOW_CODE_CACHE": "0"},
    "extract, no disk caches": {"INVOICEFLOW_CODE_CACHE": "0", "INVOICEFLOW_REGEX_CACHE": "0"},
}

# Every command runs as a user's would: with .pyc files (a PYTHONDONTWRITEBYTECODE inherited from a dev
# shell would make every edited module compile from source on every run), and invoiceflow without a
# template folder from the environment (its generic extraction, the default).
_ENV = {
    name: value
    for name, value in os.environ.items()
    if name not in {"PYTHONDONTWRITEBYTECODE", "INVOICEFLOW_TEMPLATES"}
}


def _time(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU (user + sys) seconds of one run of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or _ENV, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _instructions(cmd: list[str], env: dict[str, str] | None = None) -> int | None:
    """Instructions one run of ``cmd`` executes (callgrind's total), None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    # a fixed hash seed: set and dict orders, hence the work, are the same in every run
    run_env = {**(env or _ENV), "PYTHONHASHSEED": "0"}
    # one plain run right before: a module edited since the warm-up (a shared checkout) is compiled and
    # its .pyc and cache entries written now, not inside the one counted run
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=run_env, check=False)
    probe = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd]
    done = subprocess.run(probe, capture_output=True, text=True, env=run_env, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    return int(found.group(1)) if found else None


def _default_pdf(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from corpus import build_invoice_pdf

    data, _golden = build_invoice_pdf(1, seed=5, layout="classic_ruled", language="de")
    path = folder / "northwind-de-1p.pdf"
    path.write_bytes(data)
    return path


def _invoice2data_result(output: Path) -> str:
    """What invoice2data's warm-up run returned: the template used, or why there is no invoice."""
    try:
        found = json.loads(output.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "FAILED: no JSON written"
    if not found:
        return "FAILED: no template matched, the figures time a failing run"
    return f"ok, template {found[0].get('template_name')}"


def _baseline_names(checkouts: list[Path]) -> dict[str, Path]:
    """One command name per ``--baseline``: "baseline extract" alone, else "baseline <folder>"."""
    if len(checkouts) == 1:
        return {BASE: checkouts[0]}
    return {f"baseline {checkout.resolve().name}": checkout for checkout in checkouts}


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("pdf", nargs="?", type=Path, help="default: a corpus invoice templates/ matches")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="run `invoiceflow extract --json FILE`")
    parser.add_argument("--shortcut", action="store_true", help="also time the old invoice2data short-cut")
    parser.add_argument(
        "--no-disk-caches",
        action="store_true",
        help="also time invoiceflow without its code cache file, and without both cache files",
    )
    parser.add_argument(
        "--instructions", action="store_true", help="also count each command's instructions (valgrind)"
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        action="append",
        default=[],
        help="a checkout whose src/ holds the code to compare with",
    )
    args = parser.parse_args()
    invoice2data = shutil.which("invoice2data", path=str(BIN)) or shutil.which("invoice2data")
    if invoice2data is None:
        sys.exit("invoice2data is not installed (pip install invoice2data)")
    with tempfile.TemporaryDirectory(prefix="cli-startup-") as scratch:
        folder = Path(scratch)
        pdf = args.pdf or _default_pdf(folder)
        extract = ["extract", "--json"] if args.json else ["extract"]
        i2d_output = folder / "invoice2data"
        commands = {
            OURS: [str(BIN / "invoiceflow"), *extract, str(pdf)],
            THEIRS: [
                invoice2data,
                "--template-folder",
                str(ROOT / "templates"),
                "--output-format",
                "json",
                "--output-name",
                str(i2d_output),
                str(pdf),
            ],
        }
        envs: dict[str, dict[str, str]] = {}
        for name, switches in UNCACHED.items() if args.no_disk_caches else ():
            commands[name] = commands[OURS]
            envs[name] = {**_ENV, **switches}
        if args.shortcut:
            commands["invoice2data short-cut"] = [
                invoice2data,
                "--input-reader",
                "pdfium",
                "--template-folder",
                str(ROOT / "templates"),
                "--exclude-built-in-templates",
                str(pdf),
            ]
        baselines = _baseline_names(args.baseline)
        for name, checkout in baselines.items():
            # what the `invoiceflow` console script runs, with the other checkout first on the path
            script = "import sys; from invoiceflow.console import main; sys.exit(main())"
            commands[name] = [sys.executable, "-c", script, *extract, str(pdf)]
            envs[name] = {**_ENV, "PYTHONPATH": str(checkout.resolve() / "src")}
        for name, cmd in commands.items():  # warm the page cache, write the .pyc files
            _time(cmd, envs.get(name))
        i2d_result = _invoice2data_result(i2d_output.with_suffix(".json"))
        walls: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                wall, cpu = _time(cmd, envs.get(name))
                walls[name].append(wall * 1000)
                cpus[name].append(cpu * 1000)
        counts: dict[str, int] = {}
        if args.instructions:
            for name, cmd in commands.items():
                count = _instructions(cmd, envs.get(name))
                if count is not None:
                    counts[name] = count
    wall_ms = {name: statistics.median(values) for name, values in walls.items()}
    cpu_ms = {name: statistics.median(values) for name, values in cpus.items()}
    print(f"{pdf.name}, {args.runs} interleaved runs each, whole process (medians; min wall):")
    print(f"  invoice2data (all built-in templates + templates/, default readers): {i2d_result}")
    print(f"  {'command':<24} {'wall ms':>8} {'min ms':>8} {'cpu ms':>8}")
    for name in commands:
        print(f"  {name:<24} {wall_ms[name]:8.1f} {min(walls[name]):8.1f} {cpu_ms[name]:8.1f}")

    def ratio(a: str, b: str) -> str:
        return f"wall {wall_ms[a] / wall_ms[b]:.2f}, cpu {cpu_ms[a] / cpu_ms[b]:.2f}"

    print(f"  ratio invoiceflow / invoice2data: {ratio(OURS, THEIRS)} (target <= 1.00)")
    for name in UNCACHED:
        if name in commands:
            print(f"  ratio {name} / invoice2data: {ratio(name, THEIRS)}")
    for name in baselines:
        print(f"  ratio {name} / invoice2data: {ratio(name, THEIRS)}")
        print(f"  ratio invoiceflow / {name}: {ratio(OURS, name)}")
    if args.instructions:
        _print_instructions(counts)


def _print_instructions(counts: dict[str, int]) -> None:
    if THEIRS not in counts:
        print("  instructions: valgrind is not installed (or failed)")
        return
    print("  instructions executed (callgrind, one run each, PYTHONHASHSEED=0):")
    for name, count in counts.items():
        print(f"  {name:<24} {count / 1e6:8.1f} M   ratio to invoice2data {count / counts[THEIRS]:.3f}")


if __name__ == "__main__":
    main()
