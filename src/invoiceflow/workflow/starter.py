"""Start invoice workflow instances (the newest version unless told otherwise) and wait for their
results, through the typed workflow facade.

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
from invoiceflow.workflow.completions import CompletionSignals, Returned, wait_for_end
from invoiceflow.workflow.errors import to_domain_error
from invoiceflow.workflow.models import InvoiceWorkflowInput, InvoiceWorkflowResult, Progress, ReviewDecision
from invoiceflow.workflow.versions import NEWEST_WORKFLOW
from invoiceflow.workflow.workflows import REVIEW_EVENT

ProgressCallback = Callable[[Progress], None]
# Polling starts fast (small invoices end within ~100 ms) and slows down: every read makes daprd load the
# instance's whole state, which competes with the run itself on a busy machine.
POLL_SECONDS = 0.01
POLL_MAX_SECONDS = 0.1
POLL_GROWTH = 1.15
# With the worker in this process (``completions``), the end is signalled; reads in between only move a
# progress bar, or catch ends this process does not see (another replica's worker, a terminate or purge
# by another process). The stalls of 0.3-1.1 s once blamed on missed signals were not in the waiting:
# daprd delivered an activity result to the running workflow 1 s late (``runtime/patches/0001-…``). Over
# ~250 embedded runs timed with re-checks after 1 s, every end woke its waiter within 80 ms of the last
# activity's send (``benchmarks/dapr_timeline.py``); a faster re-check cannot shorten such a stall (it
# comes before the workflow's last turns: a read says RUNNING). The budget keeps the re-reads of all
# waiters together near 10 a second.
PROGRESS_RECHECK_SECONDS = 0.1
FALLBACK_RECHECK_SECONDS = 1.0
FALLBACK_MAX_RECHECK_SECONDS = 8.0
FALLBACK_RECHECKS_PER_SECOND = 10.0  # all waiters of this process together (``wait_for_end``)
FOREVER_SECONDS = 365 * 24 * 3600.0


class InvoiceRunner:
    """Drives invoice workflows on one sidecar (the workflow app's)."""

    def __init__(
        self,
        client: DaprClient,
        completions: CompletionSignals | None = None,
        *,
        workflow: str = NEWEST_WORKFLOW,
    ) -> None:
        """``completions``: the signals of a ``WorkflowHost`` in this process that runs the instances
        (the embedded mode); without it, waiting polls the runtime. ``workflow``: the version new starts
        take (the host must register it: ``versions.register_versions``)."""
        self._client = client
        self._completions = completions
        self.workflow = workflow

    async def start(self, spec: InvoiceWorkflowInput, *, exists: bool | None = None) -> str:
        """Start the instance for ``spec.request.invoice_id`` unless it exists already; return its id.

        ``exists``: what ``exists()`` answered just before, when the caller asked it alongside other
        work (saves a round trip on the way to the start); ``None`` asks here."""
        invoice_id = spec.request.invoice_id
        if not invoice_id:
            raise InvoiceFlowError(
                "an invoice id is required to start a workflow", code=ErrorCode.INVALID_INPUT
            )
        workflows = self._client.workflows()
        if exists is None:
            exists = await self.exists(invoice_id)
        if exists:
            return invoice_id
        try:
            return await workflows.start(self.workflow, spec, instance_id=invoice_id)
        except DaprConflictError:  # a concurrent start won the race: same id, one instance
            return invoice_id

    async def exists(self, instance_id: str) -> bool:
        return await self._client.workflows().get(instance_id, fetch_payloads=False) is not None

    async def wait(
        self, instance_id: str, *, timeout: float | None = None, on_progress: ProgressCallback | None = None
    ) -> InvoiceWorkflowResult:
        """Wait for the instance to end: its result, or its failure as an ``InvoiceFlowError`` (with code).

        Not the runtime's wait-for-completion call: on this runtime that call answered about 1 s after
        the instance ended (a server-side poll interval), which dominated the end-to-end time of small
        invoices. With ``completions`` the worker wakes this wait when the instance ends (reads every
        100 ms only while someone watches the progress); without, reads start every 10 ms and back off to
        every 100 ms.
        """
        workflows = self._client.workflows()
        last: Progress | None = None
        if self._completions is not None:

            def report(instance: WorkflowInstance) -> None:
                nonlocal last
                progress = instance.custom_status_as(Progress)
                if on_progress is not None and progress is not None and progress != last:
                    on_progress(progress)
                    last = progress

            async with asyncio.timeout(timeout):
                ended = await wait_for_end(
                    lambda: workflows.get(instance_id),
                    self._completions,
                    instance_id,
                    timeout=FOREVER_SECONDS,
                    recheck_seconds=PROGRESS_RECHECK_SECONDS if on_progress else FALLBACK_RECHECK_SECONDS,
                    max_recheck_seconds=None if on_progress else FALLBACK_MAX_RECHECK_SECONDS,
                    recheck_budget_per_second=None if on_progress else FALLBACK_RECHECKS_PER_SECOND,
                    on_read=report,
                    take_output=True,  # the result as the worker returned it: no read-back (completions.py)
                )
            if ended is None:
                raise InvoiceFlowError(f"no workflow instance {instance_id!r}", code=ErrorCode.INTERNAL)
            if isinstance(ended, Returned):
                result = InvoiceWorkflowResult.model_validate(ended.output)
                if on_progress is not None:  # the bar ends full, as a last read would have shown it
                    pages = result.invoice.document.page_count
                    on_progress(Progress(stage="done", pages_done=pages, pages_total=pages))
                return result
            return result_of(ended)
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
