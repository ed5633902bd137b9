"""The young-generation collection threshold the embedded mode sets while its stack is up."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from invoiceflow.workflow.embedded import raise_young_gc_threshold


@pytest.fixture
def saved_gc_threshold() -> Iterator[tuple[int, int, int]]:
    saved = gc.get_threshold()
    yield saved
    gc.set_threshold(*saved)


def test_the_young_gc_threshold_is_raised_and_the_callers_returned(
    saved_gc_threshold: tuple[int, int, int],
) -> None:
    gc.set_threshold(700, 10, 10)
    assert raise_young_gc_threshold(20_000) == (700, 10, 10)
    assert gc.get_threshold() == (20_000, 10, 10)


@pytest.mark.parametrize("callers", [(50_000, 5, 5), (0, 10, 10)])
def test_a_higher_or_disabled_threshold_of_the_caller_stays(
    callers: tuple[int, int, int], saved_gc_threshold: tuple[int, int, int]
) -> None:
    gc.set_threshold(*callers)
    assert raise_young_gc_threshold(20_000) is None
    assert gc.get_threshold() == callers
