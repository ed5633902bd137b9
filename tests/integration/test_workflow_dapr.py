"""``invoice_workflow`` on the real embedded stack, driven in-process: retries, review, idempotent start."""

from __future__ import annotations

import asyncio
import io
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from corpus import build_invoice_pdf
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from invoiceflow.dapr.invoke import HttpMethod
from invoiceflow.dapr.pubsub import CloudEvent, MessageStatus, SubscriptionRouter
from invoiceflow.dapr.workflow import WorkflowStatus
from invoiceflow.domain.errors import InvoiceFlowError
from invoiceflow.domain.pipeline import extract_invoice
from invoiceflow.runtime.resources import PUBSUB
from invoiceflow.services.settings import ServiceSettings
from invoiceflow.workflow.embedded import EmbeddedInvoiceFlow, EmbeddedOptions
from invoiceflow.workflow.models import InvoiceEvent, InvoiceStatus, ReviewAction, ReviewDecision
from invoiceflow.workflow.workflows import (
    EXTRACT_ACTIVITY,
    TOPIC_FAILED,
    TOPIC_NEEDS_REVIEW,
    TOPIC_PROCESSED,
)

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.asyncio(loop_scope="module")]

FAIL_ONCE_PAGE = 2
# Every invoice event the services app received through its subscriptions (appended on uvicorn's loop).
RECEIVED: list[CloudEvent[InvoiceEvent]] = []
subscriber = SubscriptionRouter(PUBSUB)


@subscriber.subscribe(TOPIC_PROCESSED)
@subscriber.subscribe(TOPIC_NEEDS_REVIEW)
@subscriber.subscribe(TOPIC_FAILED)
async def on_invoice_event(event: CloudEvent[InvoiceEvent]) -> MessageStatus:
    RECEIVED.append(event)
    return MessageStatus.SUCCESS


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def flow(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[EmbeddedInvoiceFlow]:
    options = EmbeddedOptions(
        run_dir=tmp_path_factory.mktemp("embedded"),
        subscriptions=subscriber,
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


async def test_a_pdf_over_the_grpc_default_message_size_is_processed(
    flow: EmbeddedInvoiceFlow, tmp_path: Path
) -> None:
    """~6 MiB: larger than gRPC's default 4 MiB receive limit on the blob binding's ``get`` path."""
    noise = Image.frombytes("RGB", (1450, 1450), os.urandom(1450 * 1450 * 3))  # incompressible
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.drawString(72, 770, "Rechnung Nr. BIG-2024-7")
    page.drawImage(ImageReader(noise), 72, 300, width=300, height=300)
    page.showPage()
    page.save()
    data = buffer.getvalue()
    assert len(data) > 6 * 1024 * 1024
    path = tmp_path / "big.pdf"
    path.write_bytes(data)

    result = await flow.process_file(path, invoice_id="big-pdf", timeout=120)

    assert result.invoice == extract_invoice(data, filename=path.name)
    assert result.invoice.invoice_number == "BIG-2024-7"


async def test_subscribers_receive_the_invoice_events(
    flow: EmbeddedInvoiceFlow, three_pages: Path, needs_review_pdf: Path, tmp_path: Path
) -> None:
    not_a_pdf = tmp_path / "not-a-pdf.pdf"
    not_a_pdf.write_bytes(b"plain text\n")
    await flow.process_file(three_pages, invoice_id="events-ok", timeout=60)
    await flow.process_file(needs_review_pdf, invoice_id="events-review", timeout=60)
    with pytest.raises(InvoiceFlowError):
        await flow.process_file(not_a_pdf, invoice_id="events-bad", timeout=60)

    processed = await _event_for(TOPIC_PROCESSED, "events-ok")
    review = await _event_for(TOPIC_NEEDS_REVIEW, "events-review")
    failed = await _event_for(TOPIC_FAILED, "events-bad")

    # CloudEvent attributes the workflow sets: type = topic, a deterministic id (de-duplicable on re-runs).
    assert (processed.type, processed.id, processed.source) == (
        TOPIC_PROCESSED,
        f"events-ok:{TOPIC_PROCESSED}",
        "workflow-app",
    )
    assert processed.subject == "events-ok"
    assert processed.data.status == InvoiceStatus.PROCESSED.value
    assert (review.type, review.id) == (TOPIC_NEEDS_REVIEW, f"events-review:{TOPIC_NEEDS_REVIEW}")
    assert review.data.needs_review is True
    assert (failed.type, failed.data.error_code) == (TOPIC_FAILED, "NOT_A_PDF")
    # One event per run: nothing was published twice.
    assert sum(event.subject in {"events-ok", "events-review", "events-bad"} for event in RECEIVED) == 3


async def test_the_services_app_is_healthy_and_ready_through_its_sidecar(flow: EmbeddedInvoiceFlow) -> None:
    assert flow.client is not None
    invoker = flow.client.invoker()
    health = await invoker.invoke(flow.options.app_id, "health", http_method=HttpMethod.GET)
    ready = await invoker.invoke(flow.options.app_id, "health/ready", http_method=HttpMethod.GET)
    assert health.json_as(dict) == {"status": "ok"}
    assert ready.json_as(dict) == {"status": "ready"}


async def _event_for(topic: str, invoice_id: str, timeout: float = 15) -> CloudEvent[InvoiceEvent]:
    async with asyncio.timeout(timeout):
        while True:
            for event in RECEIVED:
                if event.topic == topic and event.data.invoice_id == invoice_id:
                    return event
            await asyncio.sleep(0.05)


async def _wait_for_stage(
    flow: EmbeddedInvoiceFlow, instance_id: str, stage: str, timeout: float = 30
) -> None:
    assert flow.runner is not None
    async with asyncio.timeout(timeout):
        while (progress := await flow.runner.progress(instance_id)) is None or progress.stage != stage:
            await asyncio.sleep(0.05)


def _kind(event_type: str) -> str:
    return event_type.replace("_", "").lower()
