"""``invoice_workflow`` on the real embedded stack, driven in-process: retries, review, idempotent start."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from corpus import build_invoice_pdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from invoiceflow.dapr.workflow import WorkflowStatus
from invoiceflow.domain.pipeline import extract_invoice
from invoiceflow.services.settings import ServiceSettings
from invoiceflow.workflow.embedded import EmbeddedInvoiceFlow, EmbeddedOptions
from invoiceflow.workflow.models import InvoiceStatus, ReviewAction, ReviewDecision
from invoiceflow.workflow.workflows import EXTRACT_ACTIVITY

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.asyncio(loop_scope="module")]

FAIL_ONCE_PAGE = 2


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def flow(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[EmbeddedInvoiceFlow]:
    options = EmbeddedOptions(
        run_dir=tmp_path_factory.mktemp("embedded"),
        # Test-only hook: the first extraction attempt of page 2 of every invoice answers 503.
        service_settings=ServiceSettings(split_render_dpi=0, fault_extract_fail_once=str(FAIL_ONCE_PAGE)),
    )
    async with EmbeddedInvoiceFlow(options) as embedded:
        yield embedded


@pytest.fixture(scope="module")
def three_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pdf, _ = build_invoice_pdf(pages=3, seed=11)
    path = tmp_path_factory.mktemp("pdf") / "three.pdf"
    path.write_bytes(pdf)
    return path


@pytest.fixture(scope="module")
def needs_review_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-page 'invoice' without totals or parties: the validator must ask for review."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("Helvetica", 12)
    page.drawString(72, 770, "Rechnung")
    page.drawString(72, 750, "Rechnungsnummer: R-2024-0042")
    page.drawString(72, 730, "Vielen Dank für Ihren Einkauf.")
    page.showPage()
    page.save()
    path = tmp_path_factory.mktemp("pdf") / "needs-review.pdf"
    path.write_bytes(buffer.getvalue())
    assert extract_invoice(buffer.getvalue()).validation.needs_review  # the precondition of these tests
    return path


async def test_a_page_failing_once_is_retried_and_completes(
    flow: EmbeddedInvoiceFlow, three_pages: Path
) -> None:
    result = await flow.process_file(three_pages, invoice_id="retry-once", timeout=60)

    assert result.invoice == extract_invoice(three_pages.read_bytes(), filename=three_pages.name)
    assert flow.client is not None
    history = await flow.client.workflows().history("retry-once")
    failed = [event for event in history if _kind(event.event_type) == "taskfailed"]
    assert len(failed) == 1, [event.event_type for event in history]
    extract_calls = [
        event
        for event in history
        if _kind(event.event_type) == "taskscheduled" and event.name == EXTRACT_ACTIVITY
    ]
    assert len(extract_calls) == 3 + 1  # three pages, one of them twice


async def test_review_approved_by_event(flow: EmbeddedInvoiceFlow, needs_review_pdf: Path) -> None:
    assert flow.runner is not None
    instance_id = await flow.submit_file(
        needs_review_pdf, invoice_id="review-approve", review_timeout_seconds=60
    )
    await _wait_for_stage(flow, instance_id, "review")
    decision = ReviewDecision(
        action=ReviewAction.CORRECT, corrections={"totals.gross": "119.00"}, reviewer="qa@example.com"
    )
    await flow.runner.review(instance_id, decision)
    result = await flow.runner.wait(instance_id, timeout=30)

    assert result.status is InvoiceStatus.CORRECTED
    assert str(result.invoice.totals.gross) == "119.00"
    assert result.invoice.validation.needs_review is False
    assert result.review == decision


async def test_review_times_out(flow: EmbeddedInvoiceFlow, needs_review_pdf: Path) -> None:
    assert flow.runner is not None
    result = await flow.process_file(
        needs_review_pdf, invoice_id="review-timeout", review_timeout_seconds=1.0, timeout=30
    )
    assert result.status is InvoiceStatus.REVIEW_TIMEOUT
    assert result.invoice.validation.needs_review is True


async def test_without_a_review_timeout_the_result_is_final_and_flagged(
    flow: EmbeddedInvoiceFlow, needs_review_pdf: Path
) -> None:
    result = await flow.process_file(needs_review_pdf, invoice_id="review-none", timeout=30)
    assert result.status is InvoiceStatus.NEEDS_REVIEW
    assert result.invoice.validation.needs_review is True


async def test_the_same_invoice_id_twice_starts_one_instance(
    flow: EmbeddedInvoiceFlow, three_pages: Path
) -> None:
    assert flow.client is not None
    assert flow.runner is not None
    first, second = await asyncio.gather(
        flow.submit_file(three_pages, invoice_id="idempotent"),
        flow.submit_file(three_pages, invoice_id="idempotent"),
    )
    assert first == second == "idempotent"
    result = await flow.runner.wait("idempotent", timeout=60)
    instance = await flow.client.workflows().require("idempotent")
    again = await flow.submit_file(three_pages, invoice_id="idempotent")  # after completion, too

    assert again == "idempotent"
    after = await flow.client.workflows().require("idempotent")
    assert after.status is WorkflowStatus.COMPLETED
    assert after.created_at == instance.created_at  # not re-created
    history = await flow.client.workflows().history("idempotent")
    assert sum(_kind(event.event_type) == "executionstarted" for event in history) == 1
    assert (await flow.runner.wait("idempotent", timeout=10)) == result


async def _wait_for_stage(
    flow: EmbeddedInvoiceFlow, instance_id: str, stage: str, timeout: float = 30
) -> None:
    assert flow.runner is not None
    async with asyncio.timeout(timeout):
        while (progress := await flow.runner.progress(instance_id)) is None or progress.stage != stage:
            await asyncio.sleep(0.05)


def _kind(event_type: str) -> str:
    return event_type.replace("_", "").lower()
