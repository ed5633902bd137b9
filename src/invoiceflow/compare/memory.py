"""Peak memory of a process tree, sampled: the engine's worker process and every descendant (daprd,
placement, scheduler, Prefect's server, pool workers).

Each process counts with its PSS (proportional set size) where Linux provides it, so pages shared
between forked workers are not counted once per worker; RSS otherwise.
"""

from __future__ import annotations

import contextlib
import threading

import psutil

SAMPLE_SECONDS = 0.2


def tree_memory_bytes(root: psutil.Process, seen: dict[int, psutil.Process] | None = None) -> tuple[int, int]:
    """(bytes, processes) of ``root`` and its descendants at this moment; ``seen`` collects them."""
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    if seen is not None:
        for process in processes[1:]:
            seen.setdefault(process.pid, process)
    total = 0
    counted = 0
    for process in processes:
        try:
            info = process.memory_full_info()
            total += getattr(info, "pss", info.rss)
            counted += 1
        except psutil.AccessDenied:
            try:
                total += process.memory_info().rss
                counted += 1
            except psutil.Error:
                continue
        except psutil.Error:  # exited between listing and reading
            continue
    return total, counted


class TreeMemorySampler:
    """A thread that samples ``tree_memory_bytes`` until stopped and keeps the peak."""

    def __init__(self, pid: int, interval: float = SAMPLE_SECONDS) -> None:
        self.root = psutil.Process(pid)
        self.interval = interval
        self.peak_bytes = 0
        self.peak_processes = 0
        self.seen: dict[int, psutil.Process] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="memory-sampler", daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        total, processes = tree_memory_bytes(self.root, self.seen)
        self.peak_bytes = max(self.peak_bytes, total)
        self.peak_processes = max(self.peak_processes, processes)

    def end_survivors(self, timeout: float = 5.0) -> list[int]:
        """Terminate descendants seen while sampling that outlived the root (orphans of a crash);
        ``is_running`` compares creation times, so a recycled pid is left alone."""
        alive = [p for p in self.seen.values() if _alive(p)]
        for process in alive:
            with contextlib.suppress(psutil.Error):
                process.terminate()
        _gone, still = psutil.wait_procs(alive, timeout=timeout)
        for process in still:
            with contextlib.suppress(psutil.Error):
                process.kill()
        return [p.pid for p in alive]

    def __enter__(self) -> TreeMemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False
