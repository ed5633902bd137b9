"""Applying a reviewer's decision to an aggregated invoice (pure; called inside the workflow)."""

from __future__ import annotations

from typing import Any

from invoiceflow.domain.errors import ErrorCode
from invoiceflow.domain.models import AggregatedInvoice
from invoiceflow.workflow.errors import InvoiceWorkflowError
from invoiceflow.workflow.models import InvoiceStatus, ReviewAction, ReviewDecision


def apply_review(
    invoice: AggregatedInvoice, decision: ReviewDecision
) -> tuple[InvoiceStatus, AggregatedInvoice]:
    """Patch ``corrections`` (dotted contract names) into the invoice and settle its review flag.

    Approve / correct clear ``validation.needs_review`` (a human has looked; the issues stay listed);
    reject keeps it set. A correction naming an unknown field or an invalid value is refused whole.
    """
    if decision.action is ReviewAction.REJECT:
        return InvoiceStatus.REJECTED, invoice
    data = invoice.model_dump(mode="json")
    for dotted, value in decision.corrections.items():
        _set_path(data, dotted, value)
    data["validation"]["needs_review"] = False
    try:
        corrected = AggregatedInvoice.model_validate(data)
    except ValueError as exc:
        raise InvoiceWorkflowError(ErrorCode.INVALID_INPUT, f"review corrections are invalid: {exc}") from exc
    status = InvoiceStatus.CORRECTED if decision.corrections else InvoiceStatus.APPROVED
    return status, corrected


def _set_path(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, leaf = dotted.split(".")
    node: Any = data
    for part in parents:
        if not isinstance(node, dict) or not isinstance(node.get(part), dict):
            raise InvoiceWorkflowError(ErrorCode.INVALID_INPUT, f"cannot correct {dotted!r}: no such field")
        node = node[part]
    if not isinstance(node, dict) or leaf not in node:
        raise InvoiceWorkflowError(ErrorCode.INVALID_INPUT, f"cannot correct {dotted!r}: no such field")
    node[leaf] = value
