"""Fixtures shared by unit test modules."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.unit.corpus_support import IndexEntry, read_index


@pytest.fixture(scope="module")
def corpus_index(corpus_dir: Path) -> list[IndexEntry]:
    """The documents of the corpus that the requesting module writes in its own ``corpus_dir`` fixture."""
    return read_index(corpus_dir)
