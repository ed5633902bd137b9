"""Workflow versions: ``invoice_workflow`` (v1) and ``invoice_workflow_v2`` side by side.

The rule (docs/multi-app.md): a workflow's code is part of its history, so a changed workflow gets a new
*name*. Every version stays registered as long as instances of it may still run; an instance replays on
the name it was started with (a v1 instance in flight when v2 is deployed finishes on v1), and new starts
take the newest registered version. A version is unregistered only once no instance of it is RUNNING,
PENDING or SUSPENDED.

v2 = v1 + a summary: its save step also writes a small summary (``summary:<invoice id>`` in the state
store: status, number, gross, currency, workflow version) that a dashboard can read without loading the
whole result. It rides in the save step's input and is written in the same state transaction as the
result: a separate ``record_summary_activity`` (v2's first form) cost one more activity and
orchestrator turn per invoice, ~12 % of the orchestration's CPU. (Changing v2 in place was acceptable only
because no v2 instance outlives a run of this project yet; from now on a change to v2 is a v3.)
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

from invoiceflow.workflow import workflows
from invoiceflow.workflow.completions import CompletionSignals, signalling
from invoiceflow.workflow.models import SUMMARY_KEY_PREFIX, InvoiceSummary

INVOICE_WORKFLOW_V1 = workflows.INVOICE_WORKFLOW
INVOICE_WORKFLOW_V2 = "invoice_workflow_v2"

# Oldest first; the last registered one is where new starts go.
VERSIONS: dict[str, str] = {"v1": INVOICE_WORKFLOW_V1, "v2": INVOICE_WORKFLOW_V2}
INVOICE_WORKFLOW_NAMES = frozenset(VERSIONS.values())

__all__ = ["SUMMARY_KEY_PREFIX", "InvoiceSummary", "register_versions", "summary_of"]


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


def summary_of(result: dict[str, Any]) -> dict[str, Any]:
    """The ``InvoiceSummary`` JSON of an ``InvoiceWorkflowResult``'s JSON. Plain look-ups: it runs in the
    orchestrator, on every replay of the last turn, where validating the whole result cost more."""
    invoice = result["invoice"]
    gross = (invoice.get("totals") or {}).get("gross")
    summary = InvoiceSummary(
        invoice_id=result["invoice_id"],
        status=result["status"],
        invoice_number=invoice.get("invoice_number"),
        gross=None if gross is None else str(gross),
        currency=invoice.get("currency"),
        needs_review=bool(invoice["validation"]["needs_review"]),
        workflow=INVOICE_WORKFLOW_V2,
        completed_at=result["completed_at"],
    )
    return summary.model_dump(mode="json")


def invoice_workflow_v2(ctx: Any, payload: Any) -> Generator[Any, Any, Any]:
    """v1's steps, with the summary saved by the save step."""
    return (yield from workflows.run_invoice(ctx, payload, summary_of))


def register_versions(runtime: Any, names: list[str], signals: CompletionSignals | None = None) -> None:
    """Register v2 on a runtime that already hosts v1 (``WorkflowHost``); ``signals`` (the host's
    ``completions``) wakes in-process waiters when a v2 instance ends."""
    if INVOICE_WORKFLOW_V2 not in names:
        return
    workflow = _fresh(invoice_workflow_v2)
    if signals is not None:
        workflow = signalling(workflow, signals)
    runtime.register_workflow(workflow, name=INVOICE_WORKFLOW_V2)


def _fresh(fn: Callable[[Any, Any], Generator[Any, Any, Any]]) -> Callable[..., Generator[Any, Any, Any]]:
    # The SDK marks a registered function object; a fresh wrapper per runtime allows re-hosting.
    def registered(ctx: Any, payload: Any = None) -> Generator[Any, Any, Any]:
        return fn(ctx, payload)

    registered.__name__ = fn.__name__
    return registered
