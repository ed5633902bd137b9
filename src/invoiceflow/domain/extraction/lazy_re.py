"""Regular expressions compiled on first use, with their compiled form kept on disk between runs.

The extraction holds ~70 module-level patterns, several of them large alternations (label lexicons,
month names, legal forms). ``lazy_compile`` returns a stand-in that compiles on first attribute access
and then binds the real pattern's methods onto itself, so later calls cost the same as on a compiled
pattern, and a text page never compiles the OCR-repair patterns it does not use.

Compiling is still costly for a one-shot CLI run: CPython parses and assembles patterns in pure Python
(~50 ms for the ~70 patterns a page needs). ``re`` only caches within a process, so ``CompiledCache``
keeps what the assembler produced (the opcode list, the flags and the group names) in a small marshal
file under the user cache directory, keyed by the interpreter version and the ``_sre`` magic, and
rebuilds the pattern from it with ``_sre.compile`` — the step ``re`` itself ends with, which validates
the opcodes. Anything unexpected (another interpreter, an unreadable or stale file) falls back to
``re.compile``; set ``INVOICEFLOW_REGEX_CACHE=0`` to turn the file off.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import threading
from pathlib import Path
from typing import Any, cast

# (final flags, opcodes, group count - 1, group index, index group): the arguments of _sre.compile
_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_FORMAT = 1
# Entries of patterns since edited away are dropped once the file holds this many more than were used.
_STALE_SLACK = 200


def _cache_dir() -> Path:
    configured = os.environ.get("INVOICEFLOW_CACHE_DIR")
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "invoiceflow"


class CompiledCache:
    """Compiled patterns by (source, flags), loaded from and saved to one file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[tuple[str, int], _Entry] | None = None
        self._dirty = False
        self._used: set[tuple[str, int]] = set()
        self._lock = threading.Lock()

    def compile(self, source: str, flags: int) -> re.Pattern[str]:
        flags = int(flags)  # a RegexFlag does not marshal
        entries = self._load()
        key = (source, flags)
        self._used.add(key)
        entry = entries.get(key)
        if entry is not None:
            try:
                return _from_entry(source, entry)
            except Exception:  # a stale or damaged entry: compile afresh and replace it
                pass
        entry = _assemble(source, flags)
        if entry is None:
            return re.compile(source, flags)
        with self._lock:
            entries[key] = entry
            if not self._dirty and self.path is not None:
                self._dirty = True
                atexit.register(self.save)
        return _from_entry(source, entry)

    def _load(self) -> dict[tuple[str, int], _Entry]:
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

    def save(self) -> None:
        """Write the entries (atomically: concurrent processes each replace the whole file)."""
        if self.path is None or not self._dirty:
            return
        try:
            with self._lock:
                entries = self._entries or {}
                if len(entries) > len(self._used) + _STALE_SLACK:
                    entries = {key: entries[key] for key in self._used if key in entries}
                data = marshal.dumps(entries)
                self._dirty = False
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, self.path)
        except (OSError, ValueError):
            pass  # a read-only home: patterns are compiled each run, as without the cache


def _assemble(source: str, flags: int) -> _Entry | None:
    """What ``re._compiler.compile`` computes before its final ``_sre.compile`` call (CPython 3.11+)."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(source, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # opcodes are int subclasses (named constants): plain ints marshal
        opcodes = [int(op) for op in code]
        return (
            int(flags | parsed.state.flags),
            opcodes,
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
    except Exception:  # another interpreter's internals: no cache, plain re.compile
        return None


def _from_entry(source: str, entry: _Entry) -> re.Pattern[str]:
    import _sre  # type: ignore[import-not-found]  # no stub: the C half of re

    final_flags, code, groups, groupindex, indexgroup = entry
    return cast("re.Pattern[str]", _sre.compile(source, final_flags, code, groups, groupindex, indexgroup))


def _default_cache() -> CompiledCache:
    if os.environ.get("INVOICEFLOW_REGEX_CACHE", "1") == "0" or sys.implementation.name != "cpython":
        return CompiledCache(None)
    import _sre

    version = f"{sys.version_info[0]}{sys.version_info[1]}-{_sre.MAGIC}-{_FORMAT}"
    return CompiledCache(_cache_dir() / f"regex-cpython{version}.marshal")


_CACHE = _default_cache()


class _LazyPattern:
    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Only reached for attributes not yet bound: the first use compiles and binds them all.
        compiled = _CACHE.compile(self._source, self._flags)
        for attr in ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
            setattr(self, attr, getattr(compiled, attr))
        for attr in ("pattern", "flags", "groups", "groupindex"):
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_compile({self._source!r})"


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled on first use (typed as the compiled pattern it behaves like)."""
    return cast("re.Pattern[str]", _LazyPattern(source, flags))
