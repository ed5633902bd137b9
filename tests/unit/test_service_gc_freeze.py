"""Start-up objects frozen out of the collector's reach (``gc_freeze.py``), in the extraction workers and in
a fresh process; garbage made afterwards is still collected."""

from __future__ import annotations

import asyncio
import gc
import subprocess
import sys
import textwrap

from invoiceflow.services.context import WORKER_YOUNG_GC_THRESHOLD, ServiceContext
from invoiceflow.services.settings import ServiceSettings


def test_extraction_workers_freeze_what_start_up_made() -> None:
    async def frozen_counts() -> tuple[list[int], tuple[int, int, int]]:
        context = ServiceContext(ServiceSettings(extract_workers=1))
        try:
            await context.warm_up_pool()
            pool = context.extract_pool()
            return [await pool.run(gc.get_freeze_count) for _ in range(2)], await pool.run(gc.get_threshold)
        finally:
            await context.close()

    counts, threshold = asyncio.run(frozen_counts())
    # The domain's modules and tables, not a handful of objects; the same worker, frozen once.
    assert counts[0] > 20_000
    assert counts[1] == counts[0]
    assert threshold[0] == WORKER_YOUNG_GC_THRESHOLD != gc.get_threshold()[0]  # the worker's own setting


def test_garbage_made_after_the_freeze_is_still_collected() -> None:
    script = textwrap.dedent(
        """
        import gc, weakref
        from invoiceflow.gc_freeze import freeze_startup_objects

        class Node:
            pass

        freeze_startup_objects()
        frozen = gc.get_freeze_count()
        node = Node()
        node.self = node  # a cycle: only the collector frees it
        alive = weakref.ref(node)
        del node
        gc.collect()
        print(frozen, alive() is None)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    frozen, collected = done.stdout.split()
    assert int(frozen) > 1_000
    assert collected == "True"
