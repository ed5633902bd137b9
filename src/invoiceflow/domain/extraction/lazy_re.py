"""Regular expressions compiled on first use.

The extraction holds ~60 module-level patterns, several of them large alternations (label lexicons,
month names, legal forms). Compiling them all at import cost a one-shot CLI run tens of milliseconds,
although a text page never touches the OCR-repair patterns and many pages never reach the fallbacks.
``lazy_compile`` returns a stand-in that compiles on first attribute access and then binds the real
pattern's methods onto itself, so later calls cost the same as on a compiled pattern.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _LazyPattern:
    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Only reached for attributes not yet bound: the first use compiles and binds them all.
        compiled = re.compile(self._source, self._flags)
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
