"""In-process runs paired with an orchestrator's runs: after each timed run of an engine, the same file
through the in-process pipeline, in a process of its own that the parent keeps for the engine's whole
phase (outside the engine's process tree, so the memory figures stay the engine's own). Both runs then
see the same machine load; see ``report.py`` for why a baseline from another phase was not enough."""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import TracebackType

from invoiceflow.compare.engines import LocalRunner

_runner: LocalRunner | None = None


def _timed_in_process(path: str) -> float:
    """Seconds of one in-process run (in the helper process)."""
    global _runner  # noqa: PLW0603 - one runner per helper process
    if _runner is None:
        _runner = LocalRunner()
        _runner.start()
    began = time.perf_counter()
    _runner.process(Path(path))
    return time.perf_counter() - began


class PairedBaseline:
    """A helper process that times in-process runs on request; ``warm_up`` before the engine starts."""

    def __init__(self) -> None:
        # spawn: a clean interpreter, as the local engine's worker is (the parent runs threads)
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))

    def __enter__(self) -> PairedBaseline:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def warm_up(self, files: list[Path]) -> None:
        """Imports and every file once, untimed, as the engines' warm-up runs are."""
        for path in files:
            self.seconds(path)

    def seconds(self, path: Path) -> float:
        return self._pool.submit(_timed_in_process, str(path)).result()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
