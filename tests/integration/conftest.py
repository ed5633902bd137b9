"""Fixtures on the real Dapr runtime: one session-wide stack (placement, scheduler, one daprd).

* ``dapr_runtime`` finds the pinned binaries and never builds them (``scripts/dapr-runtime`` does that;
  ``make test`` runs it first).
* ``dapr_stack`` is the health gate: it fails the test at once when a process of the session stack died
  (naming it, with its exit status and log tail), instead of letting the test time out.
* ``dapr_sidecar`` / ``dapr_sdk_env`` give the sidecar's endpoints and the SDK's environment.

Workflow workers: daprd hands work items to any connected worker of its app-id, so a test module that
starts a ``WorkflowRuntime`` must shut it down before the next module starts one with other
registrations (module-scoped fixture with shutdown in its teardown).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest

from invoiceflow.runtime.errors import StackError
from invoiceflow.runtime.provision import RuntimeBinaries, find_runtime
from invoiceflow.runtime.resources import EmbeddedResources, write_embedded_resources
from invoiceflow.runtime.stack import LocalStack, RuntimeMissingError, Sidecar, SidecarSpec

TEST_APP_ID = "invoiceflow-test"
HEALTH_GATE_TIMEOUT = 10.0
StackRegistry = Callable[[LocalStack], AbstractContextManager[LocalStack]]  # see tests/conftest.py


@pytest.fixture(scope="session")
def dapr_runtime() -> RuntimeBinaries:
    binaries = find_runtime()
    if binaries is None:
        pytest.fail(str(RuntimeMissingError()), pytrace=False)
    return binaries


@pytest.fixture(scope="session")
def embedded_resources(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedResources:
    return write_embedded_resources(tmp_path_factory.mktemp("dapr-resources"))


@pytest.fixture(scope="session")
def dapr_stack_session(
    dapr_runtime: RuntimeBinaries,
    embedded_resources: EmbeddedResources,
    tmp_path_factory: pytest.TempPathFactory,
    dapr_stack_registry: StackRegistry,
) -> Iterator[LocalStack]:
    stack = LocalStack(
        binaries=dapr_runtime,
        run_dir=tmp_path_factory.mktemp("dapr-stack"),
        sidecars=[SidecarSpec(TEST_APP_ID, resources_paths=(embedded_resources.resources_dir,))],
    )
    try:
        stack.start()
        failure = None
    except StackError as exc:
        failure = exc
    if failure is not None:  # outside the except block: no chained traceback in the report
        pytest.fail(f"the local Dapr stack did not start: {failure}", pytrace=False)
    try:
        with dapr_stack_registry(stack):
            yield stack
    finally:
        stack.stop()


@pytest.fixture(scope="session")
def dapr_session_sidecar(dapr_stack_session: LocalStack) -> Sidecar:
    """The session sidecar's endpoints, for module-scoped fixtures (workflow workers)."""
    return dapr_stack_session.sidecar(TEST_APP_ID)


@pytest.fixture
def dapr_stack(dapr_stack_session: LocalStack) -> Iterator[LocalStack]:
    """The session stack, checked healthy before and alive after each test."""
    try:
        dapr_stack_session.wait_healthy(HEALTH_GATE_TIMEOUT)
        failure = None
    except StackError as exc:
        failure = exc
    if failure is not None:
        pytest.fail(f"the local Dapr stack is not healthy: {failure}", pytrace=False)
    yield dapr_stack_session
    if deaths := dapr_stack_session.deaths():
        pytest.fail(f"a Dapr process died during the test: {deaths[0]}", pytrace=False)


@pytest.fixture
def dapr_sidecar(dapr_stack: LocalStack) -> Sidecar:
    return dapr_stack.sidecar(TEST_APP_ID)


@pytest.fixture
def dapr_sdk_env(dapr_sidecar: Sidecar, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Point the Dapr SDK (``DaprClient()``, ``WorkflowRuntime()`` …) at the test sidecar."""
    env = dapr_sidecar.sdk_env()
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env
