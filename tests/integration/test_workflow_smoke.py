"""Smoke test of Dapr Workflow on the real sidecar, through the SDK (WorkflowRuntime + DaprWorkflowClient).

The worker connects to daprd's gRPC port; the sidecar has no app port.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import dapr.ext.workflow as wf
import pytest
from tests.integration.sdk_worker import sdk_workflow_client

from invoiceflow.runtime.stack import LocalStack, Sidecar

pytestmark = pytest.mark.integration

WAIT_SECONDS = 30
APPROVAL_EVENT = "approval"

# Attempts per (workflow instance, activity input), to make one activity fail exactly once.
_attempts: Counter[tuple[str, int]] = Counter()
_attempts_lock = threading.Lock()

RETRY_ONCE = wf.RetryPolicy(
    first_retry_interval=timedelta(milliseconds=200),
    max_number_of_attempts=3,
    backoff_coefficient=1.0,
    max_retry_interval=timedelta(seconds=1),
)
TWO_ATTEMPTS = wf.RetryPolicy(
    first_retry_interval=timedelta(milliseconds=100),
    max_number_of_attempts=2,  # counts all attempts, the first included
    max_retry_interval=timedelta(seconds=1),
)


def _count_attempt(ctx: wf.WorkflowActivityContext, value: int) -> int:
    with _attempts_lock:
        _attempts[(ctx.workflow_id, value)] += 1
        return _attempts[(ctx.workflow_id, value)]


def square(ctx: wf.WorkflowActivityContext, value: int) -> dict[str, int]:
    return {"value": value * value, "attempt": _count_attempt(ctx, value)}


def flaky_square(ctx: wf.WorkflowActivityContext, value: int) -> dict[str, int]:
    """Fails on its first attempt for every input, succeeds on the second."""
    attempt = _count_attempt(ctx, value)
    if attempt == 1:
        raise RuntimeError(f"transient failure for {value} on attempt {attempt}")
    return {"value": value * value, "attempt": attempt}


def always_fails(ctx: wf.WorkflowActivityContext, value: int) -> None:
    attempt = _count_attempt(ctx, value)
    raise RuntimeError(f"permanent failure, attempt {attempt}")


def fan_out_squares(ctx: wf.DaprWorkflowContext, values: list[int]) -> Any:
    """Squares every value in parallel; the first value goes through the flaky activity."""
    tasks = [ctx.call_activity(flaky_square, input=values[0], retry_policy=RETRY_ONCE)]
    tasks += [ctx.call_activity(square, input=value, retry_policy=RETRY_ONCE) for value in values[1:]]
    results = yield wf.when_all(tasks)
    return {"sum": sum(r["value"] for r in results), "attempts": [r["attempt"] for r in results]}


def retries_exhausted(ctx: wf.DaprWorkflowContext, value: int) -> Any:
    yield ctx.call_activity(always_fails, input=value, retry_policy=TWO_ATTEMPTS)
    return "unreachable"


def approval_or_timeout(ctx: wf.DaprWorkflowContext, timeout_seconds: float) -> Any:
    approval = ctx.wait_for_external_event(APPROVAL_EVENT)
    timer = ctx.create_timer(timedelta(seconds=timeout_seconds))
    winner = yield wf.when_any([approval, timer])
    if winner == approval:
        return {"decision": "event", "payload": approval.get_result()}
    return {"decision": "timeout"}


def waits_forever(ctx: wf.DaprWorkflowContext, _: None) -> Any:
    yield ctx.wait_for_external_event("never-raised")
    return "unreachable"


@pytest.fixture(scope="module")
def workflow_client(dapr_session_sidecar: Sidecar) -> Iterator[wf.DaprWorkflowClient]:
    with sdk_workflow_client(
        dapr_session_sidecar,
        activities=[square, flaky_square, always_fails],
        workflows=[fan_out_squares, retries_exhausted, approval_or_timeout, waits_forever],
    ) as client:
        yield client


def _new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def _wait_for_status(
    client: wf.DaprWorkflowClient, instance_id: str, status: wf.WorkflowStatus, timeout: float = WAIT_SECONDS
) -> wf.WorkflowState:
    deadline = time.monotonic() + timeout
    state = client.get_workflow_state(instance_id)
    while state is None or state.runtime_status != status:
        if time.monotonic() > deadline:
            seen = None if state is None else state.runtime_status
            pytest.fail(f"{instance_id} did not reach {status.name} in {timeout} s (last: {seen})")
        time.sleep(0.05)
        state = client.get_workflow_state(instance_id)
    return state


def _completed(client: wf.DaprWorkflowClient, instance_id: str) -> wf.WorkflowState:
    state = client.wait_for_workflow_completion(instance_id, timeout_in_seconds=WAIT_SECONDS)
    assert state is not None, f"{instance_id} vanished"
    return state


def test_fan_out_recovers_from_a_first_failure(
    dapr_stack: LocalStack, workflow_client: wf.DaprWorkflowClient
) -> None:
    values = [3, 1, 4, 5, 9]
    instance_id = workflow_client.schedule_new_workflow(
        fan_out_squares, input=values, instance_id=_new_id("fan-out")
    )

    state = _completed(workflow_client, instance_id)

    assert state.runtime_status == wf.WorkflowStatus.COMPLETED, state.failure_details
    output = state.serialized_output
    assert output is not None
    result = json.loads(output)
    assert result["sum"] == sum(v * v for v in values)
    # Only the flaky activity (first value) needed a second attempt.
    assert result["attempts"] == [2, 1, 1, 1, 1]


def test_retry_policy_gives_up_after_max_attempts(
    dapr_stack: LocalStack, workflow_client: wf.DaprWorkflowClient
) -> None:
    instance_id = workflow_client.schedule_new_workflow(
        retries_exhausted, input=7, instance_id=_new_id("give-up")
    )

    state = _completed(workflow_client, instance_id)

    assert state.runtime_status == wf.WorkflowStatus.FAILED
    assert _attempts[(instance_id, 7)] == 2
    assert state.failure_details is not None
    assert "permanent failure" in state.failure_details.message


def test_external_event_wins_the_race_against_the_timer(
    dapr_stack: LocalStack, workflow_client: wf.DaprWorkflowClient
) -> None:
    instance_id = workflow_client.schedule_new_workflow(
        approval_or_timeout, input=WAIT_SECONDS, instance_id=_new_id("event")
    )
    workflow_client.wait_for_workflow_start(instance_id, timeout_in_seconds=WAIT_SECONDS)

    workflow_client.raise_workflow_event(instance_id, APPROVAL_EVENT, data={"approved_by": "smoke-test"})
    state = _completed(workflow_client, instance_id)

    assert state.runtime_status == wf.WorkflowStatus.COMPLETED, state.failure_details
    assert json.loads(state.serialized_output) == {
        "decision": "event",
        "payload": {"approved_by": "smoke-test"},
    }


def test_timer_wins_the_race_without_an_event(
    dapr_stack: LocalStack, workflow_client: wf.DaprWorkflowClient
) -> None:
    instance_id = workflow_client.schedule_new_workflow(
        approval_or_timeout, input=0.5, instance_id=_new_id("timer")
    )

    state = _completed(workflow_client, instance_id)

    assert state.runtime_status == wf.WorkflowStatus.COMPLETED, state.failure_details
    assert json.loads(state.serialized_output) == {"decision": "timeout"}


def test_pause_resume_terminate_purge(dapr_stack: LocalStack, workflow_client: wf.DaprWorkflowClient) -> None:
    instance_id = workflow_client.schedule_new_workflow(waits_forever, instance_id=_new_id("lifecycle"))
    _wait_for_status(workflow_client, instance_id, wf.WorkflowStatus.RUNNING)

    workflow_client.pause_workflow(instance_id)
    _wait_for_status(workflow_client, instance_id, wf.WorkflowStatus.SUSPENDED)

    workflow_client.resume_workflow(instance_id)
    _wait_for_status(workflow_client, instance_id, wf.WorkflowStatus.RUNNING)

    workflow_client.terminate_workflow(instance_id)
    assert _completed(workflow_client, instance_id).runtime_status == wf.WorkflowStatus.TERMINATED

    workflow_client.purge_workflow(instance_id)
    assert workflow_client.get_workflow_state(instance_id) is None
