"""v2's summary: built from the result's JSON in the orchestrator, carried by the save step's input."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from invoiceflow.domain.models import AggregatedInvoice, DocumentInfo, ExtractorInfo, Totals, ValidationReport
from invoiceflow.workflow.models import (
    InvoiceEvent,
    InvoiceStatus,
    InvoiceSummary,
    InvoiceWorkflowResult,
    SaveAndPublishInput,
)
from invoiceflow.workflow.versions import INVOICE_WORKFLOW_V2, parse_versions, summary_of


def _result(gross: Decimal | None, needs_review: bool) -> InvoiceWorkflowResult:
    invoice = AggregatedInvoice(
        document=DocumentInfo(sha256="1" * 64, filename="x.pdf", page_count=3),
        invoice_number="RE-2026-0042",
        currency="CHF",
        totals=Totals(net=Decimal("100.00"), gross=gross),
        validation=ValidationReport(needs_review=needs_review),
        extractor=ExtractorInfo(version="test"),
    )
    return InvoiceWorkflowResult(
        invoice_id="inv-7",
        status=InvoiceStatus.NEEDS_REVIEW if needs_review else InvoiceStatus.PROCESSED,
        invoice=invoice,
        completed_at="2026-11-22T10:00:00+00:00",
    )


@pytest.mark.parametrize(("gross", "needs_review"), [(Decimal("108.10"), False), (None, True)])
def test_summary_of_the_result_json_matches_the_result(gross: Decimal | None, needs_review: bool) -> None:
    result = _result(gross, needs_review)

    summary = InvoiceSummary.model_validate(summary_of(result.model_dump(mode="json")))

    assert summary == InvoiceSummary(
        invoice_id="inv-7",
        status=result.status.value,
        invoice_number="RE-2026-0042",
        gross=None if gross is None else str(gross),
        currency="CHF",
        needs_review=needs_review,
        workflow=INVOICE_WORKFLOW_V2,
        completed_at="2026-11-22T10:00:00+00:00",
    )


def test_the_save_step_input_takes_a_summary_only_when_given_and_checks_it() -> None:
    result = _result(Decimal("1.00"), False).model_dump(mode="json")
    event = InvoiceEvent(topic="invoice.processed", invoice_id="inv-7", status="processed").model_dump()

    v1 = SaveAndPublishInput.model_validate({"result": result, "event": event})
    v2 = SaveAndPublishInput.model_validate({"result": result, "event": event, "summary": summary_of(result)})

    assert v1.summary is None
    assert v2.summary is not None
    assert v2.summary.invoice_id == "inv-7"
    with pytest.raises(ValidationError):
        SaveAndPublishInput.model_validate({"result": result, "event": event, "summary": {"status": "x"}})


def test_versions_parse_oldest_first() -> None:
    assert parse_versions("v2, v1") == ["invoice_workflow", INVOICE_WORKFLOW_V2]
    with pytest.raises(ValueError, match="unknown workflow versions"):
        parse_versions("v9")
