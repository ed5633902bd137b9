"""Workflow versions: ``invoice_workflow`` (v1), ``invoice_workflow_v2`` and ``invoice_workflow_v3`` side
by side.

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

v3 = v2's result and summary in two work items fewer per invoice (``workflows.run_invoice_v3``): a PDF the
caller stored goes straight to the split service (``split_stored_pdf_activity`` validates and splits it:
no upload step), and the aggregate step saves, summarises and publishes too when nobody is waited for
(``aggregate_and_finish_activity``: no separate save step). v2 is left exactly as it was: its instances in
flight replay on it.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

from invoiceflow.workflow import workflows
from invoiceflow.workflow.completions import CompletionSignals, signalling
from invoiceflow.workflow.models import SUMMARY_KEY_PREFIX, InvoiceSummary
from invoiceflow.workflow.outcome import summary_json

INVOICE_WORKFLOW_V1 = workflows.INVOICE_WORKFLOW
INVOICE_WORKFLOW_V2 = "invoice_workflow_v2"
INVOICE_WORKFLOW_V3 = "invoice_workflow_v3"

# Oldest first; the last registered one is where new starts go.
VERSIONS: dict[str, str] = {"v1": INVOICE_WORKFLOW_V1, "v2": INVOICE_WORKFLOW_V2, "v3": INVOICE_WORKFLOW_V3}
INVOICE_WORKFLOW_NAMES = frozenset(VERSIONS.values())
NEWEST_WORKFLOW = INVOICE_WORKFLOW_V3
DEFAULT_VERSIONS = ",".join(VERSIONS)  # what a host registers unless told otherwise

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
    """v2's ``InvoiceSummary`` JSON of an ``InvoiceWorkflowResult``'s JSON (``outcome.summary_json``)."""
    return summary_json(result, INVOICE_WORKFLOW_V2)


def invoice_workflow_v2(ctx: Any, payload: Any) -> Generator[Any, Any, Any]:
    """v1's steps, with the summary saved by the save step."""
    return (yield from workflows.run_invoice(ctx, payload, summary_of))


def invoice_workflow_v3(ctx: Any, payload: Any) -> Generator[Any, Any, Any]:
    """v2's result and summary in two work items fewer (see the module's docstring)."""
    return (yield from workflows.run_invoice_v3(ctx, payload, INVOICE_WORKFLOW_V3))


_LATER_VERSIONS = {INVOICE_WORKFLOW_V2: invoice_workflow_v2, INVOICE_WORKFLOW_V3: invoice_workflow_v3}


def register_versions(runtime: Any, names: list[str], signals: CompletionSignals | None = None) -> None:
    """Register the versions after v1 named in ``names`` on a runtime that already hosts v1
    (``WorkflowHost``); ``signals`` (the host's ``completions``) wakes in-process waiters when one of their
    instances ends."""
    for name, fn in _LATER_VERSIONS.items():
        if name not in names:
            continue
        workflow = _fresh(fn)
        if signals is not None:
            workflow = signalling(workflow, signals)
        runtime.register_workflow(workflow, name=name)


def _fresh(fn: Callable[[Any, Any], Generator[Any, Any, Any]]) -> Callable[..., Generator[Any, Any, Any]]:
    # The SDK marks a registered function object; a fresh wrapper per runtime allows re-hosting.
    def registered(ctx: Any, payload: Any = None) -> Generator[Any, Any, Any]:
        return fn(ctx, payload)

    registered.__name__ = fn.__name__
    return registered
