"""Pure parts of the workflow layer: reading error codes back from failure messages, applying reviews,
and the retry policy handed to the runtime."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from invoiceflow.domain.errors import ErrorCode
from invoiceflow.domain.models import AggregatedInvoice, DocumentInfo, ExtractorInfo, Totals, ValidationReport
from invoiceflow.workflow.activities import _pages_are_stored
from invoiceflow.workflow.errors import BadInputError, InvoiceWorkflowError, split_code, to_domain_error
from invoiceflow.workflow.models import InvoiceStatus, InvoiceWorkflowResult, ReviewAction, ReviewDecision
from invoiceflow.workflow.retry import INVOICE_RETRY
from invoiceflow.workflow.review import apply_review
from invoiceflow.workflow.workflows import _apply_review_to_all


def _invoice() -> AggregatedInvoice:
    return AggregatedInvoice(
        document=DocumentInfo(sha256="0" * 64, filename="x.pdf", page_count=1),
        totals=Totals(net=Decimal("100.00")),
        validation=ValidationReport(needs_review=True),
        extractor=ExtractorInfo(version="test"),
    )


@pytest.mark.parametrize(
    ("message", "code", "detail"),
    [
        ("NOT_A_PDF: the input does not start with a PDF header", ErrorCode.NOT_A_PDF, "the input does not"),
        (
            "Activity task #1 failed: PDF_ENCRYPTED: the PDF is encrypted",
            ErrorCode.PDF_ENCRYPTED,
            "the PDF is",
        ),
        ("HTTP_ERROR: something", ErrorCode.INTERNAL, "something"),
        ("no code at all", ErrorCode.INTERNAL, "no code at all"),
        (None, ErrorCode.INTERNAL, ""),
    ],
)
def test_split_code_reads_the_stable_code(message: str | None, code: ErrorCode, detail: str) -> None:
    found_code, found_detail = split_code(message)
    assert found_code is code
    assert found_detail.startswith(detail)


def test_errors_round_trip_through_their_message() -> None:
    error = to_domain_error(str(InvoiceWorkflowError(ErrorCode.PDF_TRUNCATED, "cut short")))
    assert error.code is ErrorCode.PDF_TRUNCATED
    assert error.message == "cut short"


def test_corrections_patch_fields_and_clear_the_review_flag() -> None:
    decision = ReviewDecision(
        action=ReviewAction.CORRECT, corrections={"totals.gross": "119.00", "currency": "EUR"}
    )
    status, corrected = apply_review(_invoice(), decision)
    assert status is InvoiceStatus.CORRECTED
    assert corrected.totals.gross == Decimal("119.00")
    assert corrected.totals.net == Decimal("100.00")
    assert corrected.currency == "EUR"
    assert corrected.validation.needs_review is False


def test_approval_without_corrections_keeps_the_values() -> None:
    invoice = _invoice()
    status, approved = apply_review(invoice, ReviewDecision())
    assert status is InvoiceStatus.APPROVED
    assert approved.totals == invoice.totals
    assert approved.validation.needs_review is False


def test_rejection_leaves_the_invoice_flagged() -> None:
    status, rejected = apply_review(_invoice(), ReviewDecision(action=ReviewAction.REJECT))
    assert status is InvoiceStatus.REJECTED
    assert rejected.validation.needs_review is True


@pytest.mark.parametrize("corrections", [{"totals.nope": "1"}, {"no.such.path": "1"}, {"currency": "euro"}])
def test_invalid_corrections_are_refused(corrections: dict[str, str]) -> None:
    with pytest.raises(InvoiceWorkflowError) as raised:
        apply_review(_invoice(), ReviewDecision(action=ReviewAction.CORRECT, corrections=corrections))
    assert raised.value.code is ErrorCode.INVALID_INPUT


def test_retry_policy_as_handed_to_the_runtime() -> None:
    policy = INVOICE_RETRY.obj
    assert policy.max_number_of_attempts == 3
    assert policy.first_retry_interval == timedelta(seconds=1)
    assert policy.backoff_coefficient == 2.0
    assert policy.max_retry_interval == timedelta(seconds=10)
    assert policy.non_retryable_error_types == {BadInputError.__name__, InvoiceWorkflowError.__name__}


def test_one_review_settles_every_invoice_of_a_batch_that_asked_for_it() -> None:
    flagged = _invoice()
    clean = _invoice().model_copy(update={"validation": ValidationReport(needs_review=False)})
    decision = ReviewDecision(action=ReviewAction.CORRECT, corrections={"currency": "EUR"})

    status, settled = _apply_review_to_all([flagged, clean], decision)

    assert status is InvoiceStatus.CORRECTED
    assert [invoice.validation.needs_review for invoice in settled] == [False, False]
    assert [invoice.currency for invoice in settled] == ["EUR", None]  # the clean one is left as it was


def test_a_single_invoice_result_keeps_its_shape_and_a_batch_lists_all() -> None:
    first, second = _invoice(), _invoice().model_copy(update={"invoice_number": "2"})
    single = InvoiceWorkflowResult(
        invoice_id="a", status=InvoiceStatus.PROCESSED, invoice=first, completed_at="2024-01-01T00:00:00"
    )
    batch = single.model_copy(update={"invoices": [first, second]})

    assert single.model_dump()["invoices"] == []  # the one invoice stays in `invoice`
    assert single.all_invoices == [first]
    assert batch.all_invoices == [first, second]


def test_the_aggregate_activity_takes_the_stored_route_once_any_page_is_a_reference() -> None:
    reference = {"page_number": 1, "extraction_blob_key": "extractions/a/b.json"}
    fields = {"page_number": 2, "text_source": "text_layer", "fields": {}}
    assert _pages_are_stored({"pages": [reference, reference]})
    assert _pages_are_stored({"pages": [fields, reference]})
    assert not _pages_are_stored({"pages": [fields, fields]})
    assert not _pages_are_stored({"pages": []})
