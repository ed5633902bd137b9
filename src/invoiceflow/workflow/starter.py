"""Start ``invoice_workflow`` instances and wait for their results, through the typed workflow facade.

Starting is idempotent by invoice id: the instance id *is* the invoice id, and a second start of an id
that already exists returns that instance instead of scheduling another one.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

from invoiceflow.dapr.client import DaprClient
from invoiceflow.dapr.errors import DaprConflictError
from invoiceflow.dapr.workflow import WorkflowInstance, WorkflowStatus
from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError
from invoiceflow.workflow.errors import to_domain_error
from invoiceflow.workflow.models import InvoiceWorkflowInput, InvoiceWorkflowResult, Progress, ReviewDecision
from invoiceflow.workflow.workflows import INVOICE_WORKFLOW, REVIEW_EVENT

ProgressCallback = Callable[[Progress], None]
PROGRESS_POLL_SECONDS = 0.1


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
        """Wait for the instance to end: its result, or its failure as an ``InvoiceFlowError`` (with code)."""
        workflows = self._client.workflows()
        poller = asyncio.create_task(self._report_progress(instance_id, on_progress)) if on_progress else None
        try:
            instance = await workflows.wait_for_completion(instance_id, timeout=timeout)
        finally:
            if poller is not None:
                poller.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await poller
        return result_of(instance)

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

    async def _report_progress(self, instance_id: str, on_progress: ProgressCallback) -> None:
        last: Progress | None = None
        while True:
            current = await self.progress(instance_id)
            if current is not None and current != last:
                on_progress(current)
                last = current
            await asyncio.sleep(PROGRESS_POLL_SECONDS)


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
