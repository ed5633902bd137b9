"""Workflow versions: ``invoice_workflow`` (v1) and ``invoice_workflow_v2`` side by side.

The rule (docs/multi-app.md): a workflow's code is part of its history, so a changed workflow gets a new
*name*. Every version stays registered as long as instances of it may still run; an instance replays on
the name it was started with (a v1 instance in flight when v2 is deployed finishes on v1), and new starts
take the newest registered version. A version is unregistered only once no instance of it is RUNNING,
PENDING or SUSPENDED.

v2 = v1 + one step: after the result is saved, ``record_summary_activity`` writes a small summary
(``summary:<invoice id>`` in the state store: status, number, gross, currency, workflow version) that a
dashboard can read without loading the whole result.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Generator
from typing import Any

from pydantic import BaseModel

from invoiceflow.dapr.client import DaprClient, DaprSettings
from invoiceflow.dapr.errors import DaprError
from invoiceflow.domain.errors import ErrorCode
from invoiceflow.workflow import workflows
from invoiceflow.workflow.completions import CompletionSignals, signalling
from invoiceflow.workflow.errors import ActivityError
from invoiceflow.workflow.models import InvoiceWorkflowResult
from invoiceflow.workflow.retry import INVOICE_RETRY

INVOICE_WORKFLOW_V1 = workflows.INVOICE_WORKFLOW
INVOICE_WORKFLOW_V2 = "invoice_workflow_v2"
SUMMARY_ACTIVITY = "record_summary_activity"
SUMMARY_KEY_PREFIX = "summary:"

# Oldest first; the last registered one is where new starts go.
VERSIONS: dict[str, str] = {"v1": INVOICE_WORKFLOW_V1, "v2": INVOICE_WORKFLOW_V2}
INVOICE_WORKFLOW_NAMES = frozenset(VERSIONS.values())


class InvoiceSummary(BaseModel):
    invoice_id: str
    status: str
    invoice_number: str | None = None
    gross: str | None = None
    currency: str | None = None
    needs_review: bool
    workflow: str
    completed_at: str


def parse_versions(spec: str) -> list[str]:
    """``"v1,v2"`` → the workflow names, oldest first (unknown labels are an error)."""
    labels = [part.strip() for part in spec.split(",") if part.strip()]
    unknown = [label for label in labels if label not in VERSIONS]
    if unknown or not labels:
        raise ValueError(f"unknown workflow versions {unknown or spec!r}; known: {sorted(VERSIONS)}")
    return [VERSIONS[label] for label in VERSIONS if label in labels]


def newest(names: list[str]) -> str:
    return names[-1]


def version_of(workflow_name: str) -> str | None:
    return next((label for label, name in VERSIONS.items() if name == workflow_name), None)


def summary_of(result: InvoiceWorkflowResult) -> InvoiceSummary:
    invoice = result.invoice
    gross = invoice.totals.gross
    return InvoiceSummary(
        invoice_id=result.invoice_id,
        status=result.status.value,
        invoice_number=invoice.invoice_number,
        gross=None if gross is None else str(gross),
        currency=invoice.currency,
        needs_review=invoice.validation.needs_review,
        workflow=INVOICE_WORKFLOW_V2,
        completed_at=result.completed_at,
    )


def invoice_workflow_v2(ctx: Any, payload: Any) -> Generator[Any, Any, Any]:
    """v1's steps unchanged (replayed in the same order), then the summary step."""
    result = yield from workflows.invoice_workflow(ctx, payload)
    summary = summary_of(InvoiceWorkflowResult.model_validate(result))
    yield ctx.call_activity(
        SUMMARY_ACTIVITY, input=summary.model_dump(mode="json"), retry_policy=INVOICE_RETRY
    )
    return result


class SummaryActivities:
    """The v2 step's activity; opens its own sidecar connection on the worker's loop at first use."""

    def __init__(self, dapr_settings: DaprSettings, statestore: str) -> None:
        self._settings = dapr_settings
        self._statestore = statestore
        self._client: DaprClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def record_summary_activity(self, _ctx: Any, payload: Any) -> None:
        summary = InvoiceSummary.model_validate(payload)
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            client = DaprClient(self._settings)
            await client.open()
            self._client, self._loop = client, loop
        try:
            await self._client.state(self._statestore).save(SUMMARY_KEY_PREFIX + summary.invoice_id, summary)
        except DaprError as exc:
            raise ActivityError(ErrorCode.INTERNAL, f"saving the summary failed: {exc}") from exc

    def close(self, timeout: float = 5.0) -> None:
        client, loop = self._client, self._loop
        self._client = self._loop = None
        if client is not None and loop is not None and not loop.is_closed():
            try:
                asyncio.run_coroutine_threadsafe(client.close(), loop).result(timeout)
            except Exception:  # best effort at shutdown
                return


def register_versions(
    runtime: Any,
    names: list[str],
    activities: SummaryActivities,
    signals: CompletionSignals | None = None,
) -> None:
    """Register v2 (and its activity) on a runtime that already hosts v1 (``WorkflowHost``); ``signals``
    (the host's ``completions``) wakes in-process waiters when a v2 instance ends."""
    if INVOICE_WORKFLOW_V2 not in names:
        return
    workflow = _fresh(invoice_workflow_v2)
    if signals is not None:
        workflow = signalling(workflow, signals)
    runtime.register_workflow(workflow, name=INVOICE_WORKFLOW_V2)

    async def record_summary_activity(ctx: Any, payload: Any = None) -> None:
        await activities.record_summary_activity(ctx, payload)

    runtime.register_activity(record_summary_activity, name=SUMMARY_ACTIVITY)


def _fresh(fn: Callable[[Any, Any], Generator[Any, Any, Any]]) -> Callable[..., Generator[Any, Any, Any]]:
    # The SDK marks a registered function object; a fresh wrapper per runtime allows re-hosting.
    def registered(ctx: Any, payload: Any = None) -> Generator[Any, Any, Any]:
        return fn(ctx, payload)

    registered.__name__ = fn.__name__
    return registered
