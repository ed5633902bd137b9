"""A typed facade over ``dapr.ext.workflow.aio.DaprWorkflowClient`` (workflow *management*, not authoring).

Start / get / list / wait / raise event / pause / resume / terminate / purge / history, with pydantic
models in and typed snapshots out. Listing instance ids and reading history use the runtime's
``ListInstanceIDs`` / ``GetInstanceHistory`` (Dapr >= 1.17; present in the pinned 1.18.2). Listing needs
an actor state store that can list keys (``state.sqlite`` can); where it cannot, ``list_instance_ids``
raises ``DaprUnsupportedError`` with the sidecar's reason.

Transient runtime failures (``dapr/errors.py``: a read racing the instance's save, an actor not placed yet,
the sidecar unreachable) are retried here, with a short bounded backoff, so callers never need their own
loops. Calls that are safe to repeat (get, list, history, pause, resume, terminate) retry on any transient
failure; calls that must not land twice (start, raise event, purge, rerun) only on failures known to have
changed nothing — a raised event is appended to the instance's inbox every time it arrives, so an event
resent after a timeout could be delivered twice.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, TypeAdapter

from invoiceflow.dapr.errors import (
    DaprError,
    DaprNotFoundError,
    DaprUnsupportedError,
    is_not_applied,
    is_transient,
)

if TYPE_CHECKING:
    from invoiceflow.dapr.client import DaprClient

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryPolicy:
    """Backoff for transient runtime failures: ``first_delay`` doubling up to ``max_delay``, no new attempt
    that would start after ``budget_seconds`` from the first."""

    budget_seconds: float = 5.0  # covers several of the runtime's own 1 s actor-not-found retries
    first_delay: float = 0.02
    max_delay: float = 0.5
    multiplier: float = 2.0


class WorkflowStatus(StrEnum):
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    SUSPENDED = "SUSPENDED"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    TERMINATED = "TERMINATED"
    STALLED = "STALLED"
    UNKNOWN = "UNKNOWN"

    @property
    def is_terminal(self) -> bool:
        return self in {WorkflowStatus.COMPLETED, WorkflowStatus.FAILED, WorkflowStatus.TERMINATED}


class WorkflowFailure(BaseModel):
    message: str
    error_type: str
    stack_trace: str | None = None


class WorkflowInstance(BaseModel):
    """A snapshot of one instance. Payloads stay JSON text; read them typed with the ``*_as`` methods."""

    instance_id: str
    name: str
    status: WorkflowStatus
    created_at: datetime
    last_updated_at: datetime
    serialized_input: str | None = None
    serialized_output: str | None = None
    serialized_custom_status: str | None = None
    failure: WorkflowFailure | None = None

    @property
    def is_terminal(self) -> bool:
        return self.status.is_terminal

    def input_as(self, model: type[T]) -> T | None:
        return _decode(self.serialized_input, model)

    def output_as(self, model: type[T]) -> T | None:
        return _decode(self.serialized_output, model)

    def custom_status_as(self, model: type[T]) -> T | None:
        return _decode(self.serialized_custom_status, model)


class WorkflowHistoryEvent(BaseModel):
    """One event of an instance's history (the runtime's view; payloads are not included)."""

    event_id: int | None  # None where the runtime assigns no id (it reports -1)
    timestamp: datetime
    event_type: str  # e.g. EXECUTION_STARTED, TASK_SCHEDULED, EVENT_RAISED, TIMER_FIRED
    name: str | None = None
    task_scheduled_id: int | None = None
    failure: WorkflowFailure | None = None


class WorkflowInstancePage(BaseModel):
    instance_ids: list[str]
    continuation_token: str | None = None


def _decode(serialized: str | None, model: type[T]) -> T | None:
    if serialized is None or serialized == "":
        return None
    return TypeAdapter(model).validate_json(serialized)


def _plain(value: Any) -> Any:
    """Models become plain JSON-able values, so the payload does not depend on the SDK's encoder."""
    if value is None:
        return None
    return json.loads(TypeAdapter(type(value)).dump_json(value))


def _failure(details: Any) -> WorkflowFailure | None:
    if details is None:
        return None
    return WorkflowFailure(
        message=str(details.message or ""),
        error_type=str(details.error_type or ""),
        stack_trace=details.stack_trace or None,
    )


def instance_from_sdk(state: Any) -> WorkflowInstance:
    """Build a snapshot from the SDK's ``WorkflowState`` (a proxy over the durabletask state)."""
    status_name = getattr(state.runtime_status, "name", str(state.runtime_status))
    return WorkflowInstance(
        instance_id=state.instance_id,
        name=state.name,
        status=WorkflowStatus(status_name)
        if status_name in WorkflowStatus.__members__
        else WorkflowStatus.UNKNOWN,
        created_at=state.created_at,
        last_updated_at=state.last_updated_at,
        serialized_input=state.serialized_input,
        serialized_output=state.serialized_output,
        serialized_custom_status=state.serialized_custom_status,
        failure=_failure(state.failure_details),
    )


def history_event_from_sdk(event: Any) -> WorkflowHistoryEvent:
    return WorkflowHistoryEvent(
        event_id=event.event_id if event.event_id >= 0 else None,
        timestamp=event.timestamp,
        event_type=event.event_type.name,
        name=event.name,
        task_scheduled_id=event.task_scheduled_id,
        failure=_failure(event.failure_details),
    )


class WorkflowManager:
    """Manages workflow instances hosted by apps behind this sidecar."""

    def __init__(self, client: DaprClient, retry: RetryPolicy | None = None) -> None:
        self._client = client
        self._retry = retry or RetryPolicy()
        self._sdk: Any = None

    async def _call(
        self, operation: str, attempt: Callable[[], Awaitable[T]], *, repeatable: bool, instance_id: str = ""
    ) -> T:
        """One management call, again while it fails transiently and the retry budget lasts.

        ``repeatable``: the call may run twice without harm (retried on any transient failure); otherwise
        only failures known to have changed nothing are retried. ``attempt`` builds a fresh awaitable."""
        should_retry = is_transient if repeatable else is_not_applied
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._retry.budget_seconds
        attempts = 0
        delay = self._retry.first_delay
        while True:
            attempts += 1
            try:
                return await self._client.call(operation, attempt())
            except DaprError as error:
                if not should_retry(error) or loop.time() + delay > deadline:
                    error.details["attempts"] = attempts
                    raise
                log.warning(
                    "%s %s: attempt %d failed transiently (%s); again in %.2f s",
                    operation,
                    instance_id,
                    attempts,
                    error.message,
                    delay,
                )
            await asyncio.sleep(delay)
            delay = min(delay * self._retry.multiplier, self._retry.max_delay)

    def _wf(self) -> Any:
        if self._sdk is None:
            from dapr.ext.workflow.aio import DaprWorkflowClient

            from invoiceflow.dapr.client import sdk_settings_for

            settings = self._client.settings
            with sdk_settings_for(settings):  # the SDK bakes the API token in from global settings
                self._sdk = DaprWorkflowClient(host=settings.host, port=str(settings.grpc_port))
        return self._sdk

    async def close(self) -> None:
        sdk, self._sdk = self._sdk, None
        if sdk is None:
            return
        # SDK 1.19's async DaprWorkflowClient has no close(); its inner durabletask client owns the
        # (lazily created) channel and has aclose().
        inner = getattr(sdk, "_DaprWorkflowClient__obj", None)
        if inner is not None and hasattr(inner, "aclose"):
            await inner.aclose()

    async def start(
        self,
        workflow: str | Callable[..., Any],
        input: Any = None,
        *,
        instance_id: str | None = None,
        start_at: datetime | None = None,
    ) -> str:
        """Schedule a new instance; returns its id. An id still in use raises ``DaprConflictError``."""
        payload = _plain(input)
        return str(
            await self._call(
                "workflow.start",
                lambda: self._wf().schedule_new_workflow(
                    workflow, input=payload, instance_id=instance_id, start_at=start_at
                ),
                repeatable=False,  # a resent start of a finished id would replace that instance
                instance_id=instance_id or "",
            )
        )

    async def get(self, instance_id: str, *, fetch_payloads: bool = True) -> WorkflowInstance | None:
        """The instance's current snapshot, or ``None`` when there is no such instance."""
        state = await self._call(
            "workflow.get",
            lambda: self._wf().get_workflow_state(instance_id, fetch_payloads=fetch_payloads),
            repeatable=True,
            instance_id=instance_id,
        )
        return instance_from_sdk(state) if state is not None else None

    async def require(self, instance_id: str, *, fetch_payloads: bool = True) -> WorkflowInstance:
        instance = await self.get(instance_id, fetch_payloads=fetch_payloads)
        if instance is None:
            raise DaprNotFoundError(f"no workflow instance {instance_id!r}", operation="workflow.get")
        return instance

    async def list_instance_ids(
        self, *, page_size: int = 1024, continuation_token: str | None = None
    ) -> WorkflowInstancePage:
        """One page of instance ids known to this app's workflow state store."""
        try:
            page = await self._call(
                "workflow.list",
                lambda: self._wf().list_workflow_instance_ids(
                    page_size=page_size, continuation_token=continuation_token
                ),
                repeatable=True,
            )
        except NotImplementedError as exc:
            raise DaprUnsupportedError(str(exc), operation="workflow.list") from exc
        return WorkflowInstancePage(
            instance_ids=list(page.instance_ids), continuation_token=page.continuation_token
        )

    async def iter_instance_ids(self, *, page_size: int = 1024) -> AsyncIterator[str]:
        token: str | None = None
        while True:
            page = await self.list_instance_ids(page_size=page_size, continuation_token=token)
            for instance_id in page.instance_ids:
                yield instance_id
            if page.continuation_token is None:
                return
            token = page.continuation_token

    async def wait_for_start(self, instance_id: str, *, timeout: float | None = 30.0) -> WorkflowInstance:
        state = await self._client.call(
            "workflow.wait_for_start",
            self._wf().wait_for_workflow_start(
                instance_id, fetch_payloads=True, timeout_in_seconds=_whole_seconds(timeout)
            ),
            no_deadline=True,  # the SDK enforces ``timeout`` itself and raises TimeoutError
        )
        if state is None:
            raise DaprNotFoundError(
                f"no workflow instance {instance_id!r}", operation="workflow.wait_for_start"
            )
        return instance_from_sdk(state)

    async def wait_for_completion(
        self, instance_id: str, *, timeout: float | None = 60.0
    ) -> WorkflowInstance:
        """Block until the instance is COMPLETED / FAILED / TERMINATED (``DaprTimeoutError`` otherwise)."""
        state = await self._client.call(
            "workflow.wait_for_completion",
            self._wf().wait_for_workflow_completion(
                instance_id, fetch_payloads=True, timeout_in_seconds=_whole_seconds(timeout)
            ),
            no_deadline=True,
        )
        if state is None:
            raise DaprNotFoundError(
                f"no workflow instance {instance_id!r}", operation="workflow.wait_for_completion"
            )
        return instance_from_sdk(state)

    async def raise_event(self, instance_id: str, event_name: str, data: Any = None) -> None:
        """Deliver an external event. Each delivery is appended to the instance's inbox (a second one would
        be taken by a later wait for the same name), so it is resent only after failures that changed
        nothing."""
        payload = _plain(data)
        await self._call(
            "workflow.raise_event",
            lambda: self._wf().raise_workflow_event(instance_id, event_name, data=payload),
            repeatable=False,
            instance_id=instance_id,
        )

    async def pause(self, instance_id: str) -> None:
        """Suspend the instance (suspending a suspended instance changes nothing, so it is repeatable)."""
        await self._call(
            "workflow.pause",
            lambda: self._wf().pause_workflow(instance_id),
            repeatable=True,
            instance_id=instance_id,
        )

    async def resume(self, instance_id: str) -> None:
        await self._call(
            "workflow.resume",
            lambda: self._wf().resume_workflow(instance_id),
            repeatable=True,
            instance_id=instance_id,
        )

    async def terminate(self, instance_id: str, *, output: Any = None, recursive: bool = True) -> None:
        payload = _plain(output)
        await self._call(
            "workflow.terminate",
            lambda: self._wf().terminate_workflow(instance_id, output=payload, recursive=recursive),
            repeatable=True,
            instance_id=instance_id,
        )

    async def purge(self, instance_id: str, *, recursive: bool = True) -> None:
        """Delete a terminal instance's state and history (children too with ``recursive``)."""
        await self._call(
            "workflow.purge",
            lambda: self._wf().purge_workflow(instance_id, recursive=recursive),
            repeatable=False,  # a repeat after a purge that landed would answer 'not found'
            instance_id=instance_id,
        )

    async def rerun_from_event(self, instance_id: str, event_id: int, *, new_instance_id: str) -> str:
        """Start ``new_instance_id`` replaying a *terminal* instance's history up to ``event_id`` (a
        TASK_SCHEDULED / CHILD_WORKFLOW_INSTANCE_CREATED / TIMER_CREATED event) and executing from there.
        The source instance stays as it is."""
        return str(
            await self._call(
                "workflow.rerun",
                lambda: self._wf().rerun_workflow_from_event(
                    instance_id, event_id, new_instance_id=new_instance_id
                ),
                repeatable=False,
                instance_id=instance_id,
            )
        )

    async def history(self, instance_id: str) -> list[WorkflowHistoryEvent]:
        """The instance's history events, oldest first."""
        try:
            events = await self._call(
                "workflow.history",
                lambda: self._wf().get_workflow_history(instance_id),
                repeatable=True,
                instance_id=instance_id,
            )
        except NotImplementedError as exc:
            raise DaprUnsupportedError(str(exc), operation="workflow.history") from exc
        return [history_event_from_sdk(event) for event in events]


def _whole_seconds(timeout: float | None) -> int:
    """The SDK takes whole seconds, 0 meaning 'no timeout'; round up so a short wait is not 'forever'."""
    if timeout is None:
        return 0
    return max(1, int(-(-timeout // 1)))
