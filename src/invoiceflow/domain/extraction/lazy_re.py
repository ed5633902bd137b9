"""Regular expressions compiled on first use, with their compiled form kept on disk between runs.

The extraction holds ~70 module-level patterns, several of them large alternations (label lexicons,
month names, legal forms). ``lazy_compile`` returns a stand-in that compiles on first attribute access
and then binds the real pattern's methods onto itself, so later calls cost the same as on a compiled
pattern, and a text page never compiles the OCR-repair patterns it does not use.

Compiling is still costly for a one-shot CLI run: CPython parses and assembles patterns in pure Python
(~50 ms for the ~70 patterns a page needs). ``re`` only caches within a process, so ``CompiledCache``
keeps what the assembler produced (the opcodes, packed as bytes; the flags and the group names) in a
marshal file under the user cache directory, keyed by the interpreter version and the ``_sre`` magic, and
rebuilds the pattern from it with ``_sre.compile`` — the step ``re`` itself ends with, which validates
the opcodes. Anything unexpected (another interpreter, an unreadable or stale file) falls back to
``re.compile``; set ``INVOICEFLOW_REGEX_CACHE=0`` to turn the file off.
"""

from __future__ import annotations

import atexit
import os
import re
import sys
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from invoiceflow.domain.marshal_file import MarshalFile, cache_dir

# (final flags, opcodes, group count - 1, group index, index group): the arguments of _sre.compile, with
# the opcodes packed as unsigned 32-bit words (``_sre``'s code size). Unpacked only for the patterns a
# run uses: as a marshalled list of ints, the ~300 000 opcodes of the file cost ~6 ms to load each run.
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_FORMAT = 2
_OPCODE = "I"
# Entries of patterns since edited away are dropped once the file holds this many more than were used.
_STALE_SLACK = 200
# The flags slot of the entries that hold an ``ignorecase_is_moot`` verdict instead of a pattern.
_MOOT = -1


class CompiledCache(MarshalFile[tuple[str, int], _Entry | bool]):
    """Compiled patterns by (source, flags), loaded from and saved to one file."""

    def __init__(self, path: Path | None) -> None:
        super().__init__(path, _STALE_SLACK)

    def compile(self, source: str, flags: int) -> re.Pattern[str]:
        flags = int(flags)  # a RegexFlag does not marshal
        key = (source, flags)
        stored = self.get(key)
        if isinstance(stored, tuple):
            try:
                return _from_entry(source, stored)
            except Exception:  # a stale or damaged entry: compile afresh and replace it
                pass
        entry = _assemble(source, flags)
        if entry is None:
            return re.compile(source, flags)
        self._store(key, entry)
        return _from_entry(source, entry)

    def ignorecase_is_moot(self, source: str) -> bool:
        """``ignorecase_is_moot`` kept in the file too: deciding it parses the pattern, as compiling does."""
        key = (source, _MOOT)
        known = self.get(key)
        if isinstance(known, bool):
            return known
        verdict = _ignorecase_is_moot(source)
        self._store(key, verdict)
        return verdict

    def _store(self, key: tuple[str, int], value: _Entry | bool) -> None:
        if self.put(key, value) and self.path is not None:
            atexit.register(self.save)


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
        # opcodes are int subclasses (named constants) below 2**32
        opcodes = array(_OPCODE, [int(op) for op in code]).tobytes()
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

    final_flags, packed, groups, groupindex, indexgroup = entry
    code = array(_OPCODE, packed).tolist()
    return cast("re.Pattern[str]", _sre.compile(source, final_flags, code, groups, groupindex, indexgroup))


def _default_cache() -> CompiledCache:
    if os.environ.get("INVOICEFLOW_REGEX_CACHE", "1") == "0" or sys.implementation.name != "cpython":
        return CompiledCache(None)
    import _sre

    version = f"{sys.version_info[0]}{sys.version_info[1]}-{_sre.MAGIC}-{_FORMAT}"
    return CompiledCache(cache_dir() / f"regex-cpython{version}.marshal")


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


# Every ASCII character but the capitals: the alphabet of lower-cased ASCII text.
_ASCII_LOWER = "".join(chr(code) for code in range(128) if not "A" <= chr(code) <= "Z")


def ignorecase_is_moot(source: str) -> bool:
    """True when ``source`` compiled with IGNORECASE matches lower-case ASCII text exactly as compiled
    without it (see ``_ignorecase_is_moot``); kept in the pattern cache file between runs."""
    return _CACHE.ignorecase_is_moot(source)


def _ignorecase_is_moot(source: str) -> bool:
    """True when ``source`` compiled with IGNORECASE matches lower-case ASCII text exactly as compiled
    without it, so that the case-sensitive pattern may stand in for it on such text (``re`` runs it
    several times faster: folding case stops it from skipping alternatives by their first character).

    Decided on the parsed pattern: each literal and each class item must accept the same characters of
    lower-case ASCII either way; the rest of a pattern (groups, repeats, look-arounds, anchors, character
    categories) does not depend on case there. Anything not recognised (inline flags, a construct of a
    newer ``re``) answers False: the IGNORECASE pattern stays."""
    try:
        from re import _constants as op  # type: ignore[attr-defined]
        from re import _parser

        return _case_free(_parser.parse(source, 0), op)
    except Exception:
        return False


def _case_free(pattern: Any, op: Any) -> bool:
    neutral = {op.ANY, op.AT, op.CATEGORY, op.GROUPREF}
    for code, argument in pattern:
        if code in (op.LITERAL, op.NOT_LITERAL):
            if not _item_case_free(re.escape(chr(argument))):
                return False
        elif code is op.IN:
            for item, value in argument:
                if item is op.LITERAL:
                    source = re.escape(chr(value))
                elif item is op.RANGE:
                    source = f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}"
                elif item in (op.NEGATE, op.CATEGORY):
                    continue
                else:
                    return False
                if not _item_case_free(f"[{source}]"):
                    return False
        elif code is op.BRANCH:
            if not all(_case_free(branch, op) for branch in argument[1]):
                return False
        elif code is op.SUBPATTERN:
            _group, add_flags, del_flags, inner = argument
            if add_flags or del_flags or not _case_free(inner, op):
                return False
        elif code in (op.MAX_REPEAT, op.MIN_REPEAT, op.POSSESSIVE_REPEAT):
            if not _case_free(argument[2], op):
                return False
        elif code in (op.ASSERT, op.ASSERT_NOT):
            if not _case_free(argument[1], op):
                return False
        elif code is op.ATOMIC_GROUP:
            if not _case_free(argument, op):
                return False
        elif code not in neutral:
            return False
    return True


@lru_cache(maxsize=1024)
def _item_case_free(source: str) -> bool:
    """One literal or class accepts the same lower-case ASCII characters with and without IGNORECASE."""
    # a single-character pattern: the characters of the alphabet it finds are those it accepts
    return re.findall(source, _ASCII_LOWER, re.IGNORECASE) == re.findall(source, _ASCII_LOWER)
