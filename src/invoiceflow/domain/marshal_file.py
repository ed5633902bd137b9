"""A dictionary kept in one marshal file under the user cache directory, shared by the start-up caches
(``extraction.lazy_re``'s compiled patterns, ``code_cache``'s compiled snippets).

Loaded on first use; saved only when something was added, atomically (concurrent processes each replace
the whole file); entries no run asked for are dropped once the file holds ``stale_slack`` more than the
last run used. An unreadable file starts the cache empty and a read-only home leaves it in memory: the
cache only ever saves work, so no failure of its file is an error. Standard library only: it is imported
before anything it speeds up.
"""

from __future__ import annotations

import marshal
import os
import threading
from pathlib import Path
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


def cache_dir() -> Path:
    """``$INVOICEFLOW_CACHE_DIR``, else ``$XDG_CACHE_HOME/invoiceflow``, else ``~/.cache/invoiceflow``."""
    configured = os.environ.get("INVOICEFLOW_CACHE_DIR")
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "invoiceflow"


class MarshalFile(Generic[K, V]):
    """Entries by key, loaded from and saved to ``path`` (None: in memory only)."""

    def __init__(self, path: Path | None, stale_slack: int) -> None:
        self.path = path
        self.stale_slack = stale_slack
        self._entries: dict[K, V] | None = None
        self._used: set[K] = set()
        self._dirty = False
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        """The stored entry (None when absent); the key counts as used by this run."""
        self._used.add(key)
        return self._load().get(key)

    def put(self, key: K, value: V) -> bool:
        """Store ``value``; True when this is the first change since the file was loaded or saved."""
        with self._lock:
            self._load()[key] = value
            first = not self._dirty
            self._dirty = True
        return first

    def save(self) -> None:
        """Write the entries when something was added since the last save."""
        if self.path is None or not self._dirty:
            return
        try:
            with self._lock:
                entries = self._entries or {}
                if len(entries) > len(self._used) + self.stale_slack:
                    entries = {key: entries[key] for key in self._used if key in entries}
                data = marshal.dumps(entries)
                self._dirty = False
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, self.path)
        except (OSError, ValueError):
            pass  # a read-only home: the work is done again next run, as without the file

    def _load(self) -> dict[K, V]:
        if self._entries is None:
            self._entries = {}
            if self.path is not None:
                try:
                    stored = marshal.loads(self.path.read_bytes())
                    if isinstance(stored, dict):
                        self._entries = stored
                except (OSError, EOFError, ValueError, TypeError):
                    pass  # no file yet, or not ours: start empty, save replaces it
        return self._entries
