"""Start ``invoice_workflow`` instances and wait for their results, through the typed workflow facade.

Starting is idempotent by invoice id: the instance id *is* the invoice id, and a second start of an id
that already exists returns that instance instead of scheduling another one. Two checks are needed, as
the 1.18 runtime behaves: scheduling an id whose instance is still active fails with ``AlreadyExists``
("an active workflow with ID 'x' already exists", a ``DaprConflictError``) — that settles concurrent
starts atomically — but scheduling the id of a *finished* instance silently replaces it (ID reuse is
always allowed since 1.18), so a start first looks whether the instance exists.

Reads that race the runtime's save of an instance fail transiently on this runtime; ``WorkflowManager``
retries those itself (see ``dapr/workflow.py``), so nothing here loops on errors.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from invoiceflow.dapr.client import DaprClient
from invoiceflow.dapr.errors import DaprConflictError
from invoiceflow.dapr.workflow import WorkflowInstance, WorkflowStatus
from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError
from invoiceflow.workflow.errors import to_domain_error
from invoiceflow.workflow.models import InvoiceWorkflowInput, InvoiceWorkflowResult, Progress, ReviewDecision
from invoiceflow.workflow.workflows import INVOICE_WORKFLOW, REVIEW_EVENT

ProgressCallback = Callable[[Progress], None]
# Polling starts fast (small invoices end within ~100 ms) and slows down: every read makes daprd load the
# instance's whole state, which competes with the run itself on a busy machine.
POLL_SECONDS = 0.01
POLL_MAX_SECONDS = 0.1
POLL_GROWTH = 1.15


class InvoiceRunner:
    """Drives ``invoice_workflow`` on one sidecar (the workflow app's)."""

    def __init__(self, client: DaprClient) -> None:
        self._client = client

    async def start(self, spec: InvoiceWorkflowInput) -> str:
        """Start the instance for ``spec.request.invoice_id`` unless it exists already; return its id."""
        invoice_id = spec.request.invoice_id
        if not invoice_id:
            raise InvoiceFlowError(
                "an invoice id is required to start a workflow", code=ErrorCode.INVALID_INPUT
            )
        workflows = self._client.workflows()
        if await workflows.get(invoice_id, fetch_payloads=False) is not None:
            return invoice_id
        try:
            return await workflows.start(INVOICE_WORKFLOW, spec, instance_id=invoice_id)
        except DaprConflictError:  # a concurrent start won the race: same id, one instance
            return invoice_id

    async def wait(
        self, instance_id: str, *, timeout: float | None = None, on_progress: ProgressCallback | None = None
    ) -> InvoiceWorkflowResult:
        """Wait for the instance to end: its result, or its failure as an ``InvoiceFlowError`` (with code).

        Polls the instance state instead of the runtime's wait-for-completion call: on this runtime that
        call answered about 1 s after the instance ended (a server-side poll interval), which dominated
        the end-to-end time of small invoices. Reads start every 10 ms and back off to every 100 ms.
        """
        workflows = self._client.workflows()
        last: Progress | None = None
        delay = POLL_SECONDS
        async with asyncio.timeout(timeout):
            while True:
                instance = await workflows.get(instance_id)
                if instance is None:
                    raise InvoiceFlowError(f"no workflow instance {instance_id!r}", code=ErrorCode.INTERNAL)
                progress = instance.custom_status_as(Progress)
                if on_progress is not None and progress is not None and progress != last:
                    on_progress(progress)
                    last = progress
                if instance.is_terminal:
                    return result_of(instance)
                await asyncio.sleep(delay)
                delay = min(delay * POLL_GROWTH, POLL_MAX_SECONDS)

    async def run(
        self,
        spec: InvoiceWorkflowInput,
        *,
        timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> InvoiceWorkflowResult:
        instance_id = await self.start(spec)
        return await self.wait(instance_id, timeout=timeout, on_progress=on_progress)

    async def review(self, invoice_id: str, decision: ReviewDecision) -> None:
        await self._client.workflows().raise_event(invoice_id, REVIEW_EVENT, decision)

    async def progress(self, instance_id: str) -> Progress | None:
        instance = await self._client.workflows().get(instance_id)
        return instance.custom_status_as(Progress) if instance is not None else None


def result_of(instance: WorkflowInstance) -> InvoiceWorkflowResult:
    if instance.status is WorkflowStatus.COMPLETED:
        result = instance.output_as(InvoiceWorkflowResult)
        if result is None:
            raise InvoiceFlowError(f"workflow {instance.instance_id} completed without a result")
        return result
    if instance.status is WorkflowStatus.FAILED:
        raise to_domain_error(instance.failure.message if instance.failure else None)
    raise InvoiceFlowError(
        f"workflow {instance.instance_id} ended {instance.status.value}", code=ErrorCode.INTERNAL
    )
