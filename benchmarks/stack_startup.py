"""Start-to-healthy time of the local Dapr stack (placement + scheduler + one daprd, embedded resources).

    python benchmarks/stack_startup.py [--runs 5]

Each run starts the stack in a fresh run directory (fresh ports, fresh etcd and SQLite files), waits until
every process is healthy, then stops it; prints each start and stop time and the medians.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from invoiceflow.runtime.provision import DAPR_VERSION, find_runtime
from invoiceflow.runtime.stack import RuntimeMissingError, embedded_stack


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    binaries = find_runtime()
    if binaries is None:
        print(RuntimeMissingError(), file=sys.stderr)
        return 2
    print(f"Dapr {DAPR_VERSION} binaries: {binaries.directory} ({binaries.source})")

    starts: list[float] = []
    stops: list[float] = []
    with tempfile.TemporaryDirectory(prefix="invoiceflow-bench-") as scratch:
        for run in range(1, args.runs + 1):
            stack, _ = embedded_stack(
                Path(scratch) / f"run{run}", app_id="invoiceflow-bench", binaries=binaries
            )
            began = time.perf_counter()
            stack.start()
            healthy = time.perf_counter()
            per_process = ", ".join(
                f"{process.name} {(process.healthy_after or 0) * 1000:.0f}" for process in stack.processes
            )
            stack.stop()
            stopped = time.perf_counter()
            starts.append(healthy - began)
            stops.append(stopped - healthy)
            print(
                f"run {run}: start-to-healthy {starts[-1] * 1000:7.1f} ms   stop {stops[-1] * 1000:6.1f} ms"
                f"   (healthy after, ms: {per_process})"
            )

    print(
        f"median of {args.runs}: start-to-healthy {statistics.median(starts) * 1000:.1f} ms "
        f"(min {min(starts) * 1000:.1f}, max {max(starts) * 1000:.1f}); "
        f"stop {statistics.median(stops) * 1000:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
