"""How a run ends: its status, result, event and summary, as the JSON the history and the state store carry.

Pure functions over JSON (no I/O, no clock): the workflows call them in the orchestrator (v1/v2 always,
v3 on the review path), and v3's ``aggregate_and_finish_activity`` calls them when no human is waited
for, so both build the same result, event and summary from the same invoices.
"""

from __future__ import annotations

from typing import Any

from invoiceflow.workflow.models import InvoiceEvent, InvoiceStatus, InvoiceSummary

Json = dict[str, Any]  # a model as JSON (``model_dump(mode="json")``), as the history carries it

TOPIC_PROCESSED = "invoice.processed"
TOPIC_NEEDS_REVIEW = "invoice.needs_review"
TOPIC_FAILED = "invoice.failed"

TOPIC_BY_STATUS = {
    InvoiceStatus.PROCESSED: TOPIC_PROCESSED,
    InvoiceStatus.APPROVED: TOPIC_PROCESSED,
    InvoiceStatus.CORRECTED: TOPIC_PROCESSED,
    InvoiceStatus.REJECTED: TOPIC_PROCESSED,  # settled by a human: processing is over
    InvoiceStatus.NEEDS_REVIEW: TOPIC_NEEDS_REVIEW,
    InvoiceStatus.REVIEW_TIMEOUT: TOPIC_NEEDS_REVIEW,
}


def needs_review(invoices: list[Json]) -> bool:
    return any(invoice["validation"]["needs_review"] for invoice in invoices)


def unreviewed_status(invoices: list[Json]) -> InvoiceStatus:
    """The status of a run that waited for nobody."""
    return InvoiceStatus.NEEDS_REVIEW if needs_review(invoices) else InvoiceStatus.PROCESSED


def result_json(
    invoice_id: str,
    status: InvoiceStatus,
    invoices: list[Json],
    review: Json | None,
    completed_at: str,
) -> Json:
    """An ``InvoiceWorkflowResult``'s JSON."""
    return {
        "invoice_id": invoice_id,
        "status": status.value,
        "invoice": invoices[0],
        "invoices": invoices if len(invoices) > 1 else [],
        "review": review,
        "completed_at": completed_at,
    }


def event_of(invoice_id: str, status: InvoiceStatus, invoices: list[Json]) -> InvoiceEvent:
    return InvoiceEvent(
        topic=TOPIC_BY_STATUS[status],
        invoice_id=invoice_id,
        status=status.value,
        needs_review=needs_review(invoices),
    )


def summary_json(result: Json, workflow: str) -> Json:
    """The ``InvoiceSummary`` JSON of an ``InvoiceWorkflowResult``'s JSON (from v2 on). Plain look-ups: it
    may run in the orchestrator, on every replay of the last turn, where validating the whole result cost
    more."""
    invoice = result["invoice"]
    gross = (invoice.get("totals") or {}).get("gross")
    summary = InvoiceSummary(
        invoice_id=result["invoice_id"],
        status=result["status"],
        invoice_number=invoice.get("invoice_number"),
        gross=None if gross is None else str(gross),
        currency=invoice.get("currency"),
        needs_review=bool(invoice["validation"]["needs_review"]),
        workflow=workflow,
        completed_at=result["completed_at"],
    )
    return summary.model_dump(mode="json")
