"""Shared pytest wiring: when a test fails, show what the Dapr processes it ran against last logged.

Fixtures that start a ``LocalStack`` register it through the ``dapr_stack_registry`` fixture (a
context manager); the report hook then attaches each process's log tail (and any process death) to the
failing test's report.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest

from invoiceflow.runtime.stack import LocalStack

_STACKS = pytest.StashKey[list[LocalStack]]()
LOG_TAIL_LINES = 20


StackRegistry = Callable[[LocalStack], AbstractContextManager[LocalStack]]


@pytest.fixture(scope="session")
def dapr_stack_registry(pytestconfig: pytest.Config) -> StackRegistry:
    """``with dapr_stack_registry(stack):`` — failing tests show that stack's log tails meanwhile."""

    @contextmanager
    def registered(stack: LocalStack) -> Iterator[LocalStack]:
        stacks = pytestconfig.stash.setdefault(_STACKS, [])
        stacks.append(stack)
        try:
            yield stack
        finally:
            stacks.remove(stack)

    return registered


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.failed:
        for stack in item.config.stash.get(_STACKS, []):
            if deaths := stack.deaths():
                report.sections.append(("dapr processes that died", "\n".join(d.summary for d in deaths)))
            for process in stack.processes:
                report.sections.append(
                    (f"dapr log tail: {process.name} ({process.log_path})", process.log_tail(LOG_TAIL_LINES))
                )
    return report
