"""Source that libraries compile at run time, kept compiled on disk between one-shot CLI runs.

Modules load from their ``.pyc`` files, but some code is still compiled from text on every start: each
``@dataclass`` writes its ``__init__``, ``__repr__``, ``__eq__``… as source and ``exec``s it (~370 of
them for the extraction's dataclasses), every string annotation a ``TypedDict`` or pydantic resolves
becomes a ``typing.ForwardRef`` that ``compile``s it (~840, most of them pydantic-core's schema types),
and ``namedtuple`` ``eval``s its ``__new__``. Parsing and compiling these ~1 300 snippets is a third of
the instructions of `invoiceflow extract` on a one-page text PDF.

``CodeCache`` keeps the code objects they compile to, marshalled (the ``.pyc`` format) in one file under
the user cache directory, keyed by the snippet's text, mode and file name; the file's name carries the
interpreter's bytecode magic number and optimisation level, so another interpreter never reads it.
``install`` shadows the builtin ``exec``/``compile``/``eval`` in those three modules only (``dataclasses``,
``typing``, ``collections``): a snippet found in the file runs its stored code object, anything else is
compiled as before. The compiled code is the same either way: those modules' own code carries no
``__future__`` flag, and the cache compiles with none (``dont_inherit``) at the interpreter's own
optimisation level. ``INVOICEFLOW_CODE_CACHE=0`` turns the file off.
"""

from __future__ import annotations

import builtins
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import CodeType, ModuleType
from typing import Any

from invoiceflow.domain.marshal_file import MarshalFile, cache_dir

_FORMAT = 1
# Entries of snippets no longer compiled (a dataclass edited away) are dropped once the file holds this
# many more than a run used.
_STALE_SLACK = 300
_Key = tuple[str, str, str]  # (mode, file name, source)


class CodeCache(MarshalFile[_Key, CodeType]):
    """Code objects by (mode, file name, source), loaded from and saved to one file."""

    def __init__(self, path: Path | None) -> None:
        super().__init__(path, _STALE_SLACK)
        self._shadowed: list[tuple[ModuleType, str, object]] = []
        self.hits = 0
        self.misses = 0

    def code(self, source: str, filename: str, mode: str) -> CodeType:
        """What ``compile(source, filename, mode, dont_inherit=True)`` returns, from the file when known."""
        key = (mode, filename, source)
        found = self.get(key)
        if type(found) is CodeType:
            self.hits += 1
            return found
        compiled = builtins.compile(source, filename, mode, dont_inherit=True)
        self.misses += 1
        self.put(key, compiled)
        return compiled

    def install(self) -> None:
        """Shadow ``exec`` in ``dataclasses``, ``compile`` in ``typing`` and ``eval`` in ``collections``
        (module globals win over builtins) with versions that take the code from here."""
        import collections
        import dataclasses
        import typing

        for module, name, stand_in in (
            (dataclasses, "exec", _runner(self, builtins.exec, "exec")),
            (collections, "eval", _runner(self, builtins.eval, "eval")),
            (typing, "compile", self._compile),
        ):
            self._shadowed.append((module, name, vars(module).get(name, _ABSENT)))
            setattr(module, name, stand_in)

    def uninstall(self) -> None:
        """Give the modules their builtins back."""
        while self._shadowed:
            module, name, before = self._shadowed.pop()
            if before is _ABSENT:
                vars(module).pop(name, None)
            else:
                setattr(module, name, before)

    def _compile(self, source: Any, filename: Any, mode: Any, *more: Any, **options: Any) -> Any:
        """``compile`` as ``typing`` calls it (text, a file name, a mode): from the cache; any other call
        (flags, an AST, bytes) as the builtin."""
        if not more and not options and type(source) is str and type(filename) is str and type(mode) is str:
            return self.code(source, filename, mode)
        return builtins.compile(source, filename, mode, *more, **options)


_ABSENT = object()


def _runner(cache: CodeCache, run: Callable[..., Any], mode: str) -> Callable[..., Any]:
    """``exec`` or ``eval`` whose string argument is compiled through ``cache``."""

    def cached(source: Any, globals: Any = None, locals: Mapping[str, object] | None = None, /) -> Any:
        if globals is None:  # the caller's namespaces, as the builtin takes them
            frame = sys._getframe(1)
            globals = frame.f_globals
            if locals is None:
                locals = frame.f_locals
        if type(source) is str:
            # eval skips leading blanks before it compiles; exec does not
            source = cache.code(source.lstrip(" \t") if mode == "eval" else source, "<string>", mode)
        return run(source, globals, locals)

    cached.__name__ = cached.__qualname__ = run.__name__
    return cached


def default_cache() -> CodeCache:
    """The cache file of this interpreter (none where switched off or not CPython)."""
    if os.environ.get("INVOICEFLOW_CODE_CACHE", "1") == "0" or sys.implementation.name != "cpython":
        return CodeCache(None)
    from importlib.util import MAGIC_NUMBER

    tag = f"{sys.implementation.cache_tag}-{MAGIC_NUMBER.hex()}-O{sys.flags.optimize}-{_FORMAT}"
    return CodeCache(cache_dir() / f"code-{tag}.marshal")
