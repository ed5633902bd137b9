"""A fix for the pinned Python workflow SDK (dapr-ext-workflow 1.19): suspending an instance could fail it
with ``NonDeterminismError``.

The SDK's orchestration executor buffers *every* history event after EXECUTION_SUSPENDED until
EXECUTION_RESUMED — also the records of the orchestrator's own past decisions (TASK_SCHEDULED,
TIMER_CREATED, ...). When a suspend arrives in the same turn as an activity result, the runtime stores
[TASK_COMPLETED, EXECUTION_SUSPENDED, TASK_SCHEDULED(next)]. On every later turn while suspended the
replay buffers that TASK_SCHEDULED, so the SDK believes the step was never scheduled and schedules it
again (a duplicate activity run per turn); on resume the buffered duplicates meet an already-matched
action and the instance FAILS ("A previous execution called call_activity with ID=2, but the current
execution doesn't have this action"). Seen on the real runtime under load (pause during upload).

Only events that *deliver* something to the orchestrator (results, raised events, fired timers) should
wait for the resume; the fix makes the SDK's ``_is_suspendable`` say exactly that.
"""

from __future__ import annotations

from typing import Any

_ORIGINAL = "_invoiceflow_original_is_suspendable"

# Events that record what the orchestrator itself did (or runtime bookkeeping): replayed in order always.
RECORD_EVENTS = frozenset(
    {
        "executionStarted",
        "executionCompleted",
        "executionTerminated",
        "executionSuspended",
        "executionResumed",
        "executionStalled",
        "taskScheduled",
        "childWorkflowInstanceCreated",
        "detachedWorkflowInstanceCreated",
        "timerCreated",
        "eventSent",
        "workflowStarted",
        "workflowCompleted",
        "continueAsNew",
    }
)


def is_suspendable(event: Any) -> bool:
    """Whether a history event waits for EXECUTION_RESUMED: only what delivers something new."""
    return event.WhichOneof("eventType") not in RECORD_EVENTS


def apply_sdk_fixes() -> None:
    """Install the fix (idempotent). Called before a ``WorkflowRuntime`` processes work items."""
    from dapr.ext.workflow._durabletask import worker

    if worker._is_suspendable is not is_suspendable:
        setattr(worker, _ORIGINAL, worker._is_suspendable)
        worker._is_suspendable = is_suspendable


def sdk_original_is_suspendable() -> Any:
    """The SDK's own predicate (for tests that show the bug), whether or not the fix is installed."""
    from dapr.ext.workflow._durabletask import worker

    return getattr(worker, _ORIGINAL, worker._is_suspendable)
