"""Four fixes for the pinned Python workflow SDK (dapr-ext-workflow 1.19).

1. Suspending an instance could fail it with ``NonDeterminismError``.

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

2. Payload decoding cost: every orchestrator turn replays the whole history and decodes every activity
result again with ``json.loads(..., object_hook=...)`` (a Python call per JSON object). At 50 pages that
was ~12 % of the workflow process's CPU. ``fast_from_json`` decodes with pydantic-core's parser (same
values: floats, big ints, duplicate keys, NaN; ~2.3x faster here) and leaves to the SDK's decoder what
only it handles: its auto-serialised objects (the marker key) and anything pydantic-core refuses.

3. Activity spans nobody records: with OpenTelemetry installed (Prefect brings it) the worker opens a span
per activity through the API's no-op tracer (no provider is configured), extracting a trace context each
time: ~5 % of the workflow app's CPU under a batch. Off unless ``INVOICEFLOW_OTEL=true``, the switch the
apps' FastAPI telemetry uses too (``services.settings.fastapi_telemetry``).

4. Not a bug, a hook: the SDK's orchestrator turn (run the workflow, then send the result to daprd) runs
inside ``completions.waking_after_send``, so that long-polls of an instance that ended in the turn are
woken once daprd has the completion, not before the SDK has even encoded it (see ``completions.py``).
"""

from __future__ import annotations

import os
from typing import Any

import pydantic_core

from invoiceflow.workflow.completions import waking_after_send

_ORIGINAL = "_invoiceflow_original_is_suspendable"
_ORIGINAL_FROM_JSON = "_invoiceflow_original_from_json"
_ORIGINAL_TRACER = "_invoiceflow_original_otel_tracer"
_ORIGINAL_EXECUTE = "_invoiceflow_original_execute_orchestrator"

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


def fast_from_json(text: str) -> Any:
    """The SDK's ``shared.from_json``, by a faster parser where the result is the same."""
    from dapr.ext.workflow._durabletask.internal import shared

    original = getattr(shared, _ORIGINAL_FROM_JSON, shared.from_json)
    if shared.AUTO_SERIALIZED in text:  # the SDK turns those objects into SimpleNamespace
        return original(text)
    try:
        return pydantic_core.from_json(text)
    except ValueError:  # e.g. a lone surrogate escape, which json.loads accepts
        return original(text)


def apply_sdk_fixes() -> None:
    """Install the fixes (idempotent). Called before a ``WorkflowRuntime`` processes work items."""
    from dapr.ext.workflow._durabletask import worker
    from dapr.ext.workflow._durabletask.internal import shared

    if worker._is_suspendable is not is_suspendable:
        setattr(worker, _ORIGINAL, worker._is_suspendable)
        worker._is_suspendable = is_suspendable
    if shared.from_json is not fast_from_json:
        setattr(shared, _ORIGINAL_FROM_JSON, shared.from_json)
        shared.from_json = fast_from_json
    if not hasattr(worker, _ORIGINAL_TRACER):
        setattr(worker, _ORIGINAL_TRACER, worker.otel_tracer)
    worker_class = worker.TaskHubGrpcWorker
    if not hasattr(worker_class, _ORIGINAL_EXECUTE):
        setattr(worker_class, _ORIGINAL_EXECUTE, worker_class._execute_orchestrator)
        setattr(worker_class, "_execute_orchestrator", _execute_orchestrator_then_wake)  # noqa: B010
    # None is the SDK's own "OpenTelemetry not installed" case: its span helper returns a nullcontext.
    tracer = getattr(worker, _ORIGINAL_TRACER) if activity_spans_wanted() else None
    setattr(worker, "otel_tracer", tracer)  # noqa: B010  (the SDK types it as always set)


def _execute_orchestrator_then_wake(self: Any, *args: Any, **kwargs: Any) -> Any:
    """The SDK's orchestrator turn (execute the workflow, send the result to daprd); waiters on an
    instance that ended in it are woken after the send, when daprd has the completion."""
    with waking_after_send():
        return getattr(type(self), _ORIGINAL_EXECUTE)(self, *args, **kwargs)


def activity_spans_wanted() -> bool:
    return os.environ.get("INVOICEFLOW_OTEL", "").lower() in {"1", "true", "yes"}


def sdk_original_is_suspendable() -> Any:
    """The SDK's own predicate (for tests that show the bug), whether or not the fix is installed."""
    from dapr.ext.workflow._durabletask import worker

    return getattr(worker, _ORIGINAL, worker._is_suspendable)
