"""The workflow SDK's own orchestration executor replaying the history a failed real run stored: pause
arriving in the same turn as an activity result, then events while suspended, then resume.
(``workflow/sdk_fixes.py``; no runtime needed: the executor is the SDK's pure replay engine.)"""

from __future__ import annotations

import logging
from collections.abc import Generator
from typing import Any

import pytest
from dapr.ext.workflow._durabletask import worker
from dapr.ext.workflow._durabletask.internal import helpers
from dapr.ext.workflow._durabletask.internal import protos as pb

from invoiceflow.workflow.sdk_fixes import apply_sdk_fixes, is_suspendable, sdk_original_is_suspendable


def upload(ctx: Any, payload: Any) -> Any:
    return payload


def split(ctx: Any, payload: Any) -> Any:
    return payload


def two_steps(ctx: Any, payload: Any) -> Generator[Any, Any, str]:
    yield ctx.call_activity(upload, input=payload)
    yield ctx.call_activity(split, input=payload)
    return "done"


def run_turn(old: list[pb.HistoryEvent], new: list[pb.HistoryEvent]) -> Any:
    registry = worker._Registry()
    registry.add_named_orchestrator("two_steps", two_steps)
    executor = worker._OrchestrationExecutor(registry, logging.getLogger("test"))
    return executor.execute("INV-1", old, new)


# The stored history up to the suspend: the upload's result and the pause came in one turn, the runtime
# recorded the suspend *before* the split the orchestrator scheduled in that turn.
SUSPENDED_HISTORY = [
    helpers.new_workflow_started_event(),
    helpers.new_execution_started_event("two_steps", "INV-1", '"x"'),
    helpers.new_task_scheduled_event(1, "upload"),
    helpers.new_workflow_started_event(),
    helpers.new_task_completed_event(1, '"x"'),
    helpers.new_suspend_event(),
    helpers.new_task_scheduled_event(2, "split"),
]


@pytest.fixture
def fixed_sdk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "_is_suspendable", worker._is_suspendable)  # restored after the test
    apply_sdk_fixes()


def scheduled(results: Any) -> list[str]:
    return [a.scheduleTask.name for a in results.actions if a.HasField("scheduleTask")]


def test_unfixed_sdk_reschedules_the_step_while_suspended(monkeypatch: pytest.MonkeyPatch) -> None:
    # Documents the SDK bug the fix exists for (fails once the SDK is fixed upstream: then drop the fix).
    monkeypatch.setattr(worker, "_is_suspendable", sdk_original_is_suspendable())
    results = run_turn(SUSPENDED_HISTORY, [helpers.new_workflow_started_event()])
    assert scheduled(results) == ["split"]


def test_fixed_sdk_schedules_nothing_while_suspended(fixed_sdk: None) -> None:
    assert worker._is_suspendable is is_suspendable
    results = run_turn(
        SUSPENDED_HISTORY,
        [helpers.new_workflow_started_event(), helpers.new_event_raised_event("review", '{"a": 1}')],
    )
    assert results.actions == []


def test_fixed_sdk_completes_after_resume_with_a_result_buffered_while_suspended(fixed_sdk: None) -> None:
    history = [
        *SUSPENDED_HISTORY,
        helpers.new_workflow_started_event(),
        helpers.new_task_completed_event(2, '"x"'),  # the split finished while suspended
    ]
    assert run_turn(history[:-2], history[-2:]).actions == []  # still suspended: no new decision
    results = run_turn(history, [helpers.new_workflow_started_event(), helpers.new_resume_event()])
    (action,) = results.actions
    assert action.HasField("completeWorkflow")
    assert action.completeWorkflow.workflowStatus == pb.ORCHESTRATION_STATUS_COMPLETED
    assert action.completeWorkflow.result.value == '"done"'


def test_results_still_wait_for_the_resume(fixed_sdk: None) -> None:
    assert is_suspendable(helpers.new_task_completed_event(2, '"x"'))
    assert is_suspendable(helpers.new_event_raised_event("review"))
    assert not is_suspendable(helpers.new_task_scheduled_event(2, "split"))
    assert not is_suspendable(helpers.new_resume_event())
