"""``invoice_processing_flow``: upload → split → extract (mapped over pages) → aggregate, on Prefect 3.

Each task is a thin wrapper over the domain stage function the matching Dapr service calls, run in the
stage pool (``invoiceflow.prefect.pool``); the aggregation is pure and cheap, so it runs in the task
itself. Tasks exchange references (blob keys, page metadata) through a ``DirectoryBlobStore``, never PDF
bytes, so Prefect's API only ever sees small parameters. Retries follow the Dapr policy
(``invoiceflow.prefect.retry``).

Import this module only after ``invoiceflow.prefect.environment.configure_prefect`` (the CLI and
``compare`` do): Prefect reads its settings when it is first imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture, wait
from prefect.utilities.annotations import unmapped

from invoiceflow.domain.document_level import aggregate_document
from invoiceflow.domain.models import (
    AggregatedInvoice,
    DocumentExtraction,
    DocumentInfo,
    OcrMode,
    PageExtraction,
    PageMetadata,
    SplitResult,
    UploadResult,
)
from invoiceflow.prefect.pool import extract_in_worker, run_in_pool, split_in_worker, upload_in_worker
from invoiceflow.prefect.retry import is_retryable, retry_delays

RETRY_DELAYS = retry_delays()


def retry_unless_bad_input(_task: Any, _task_run: Any, state: Any) -> bool:
    """Prefect's ``retry_condition_fn``: the failed state's data is the exception the task raised."""
    return is_retryable(state.data)


# No caching: every run does the work, as on the Dapr path (and as the comparison must measure).
_TASK_OPTIONS: dict[str, Any] = {
    "retries": len(RETRY_DELAYS),
    "retry_delay_seconds": RETRY_DELAYS,
    "retry_condition_fn": retry_unless_bad_input,
    "cache_policy": NO_CACHE,
    "persist_result": False,
}


@task(name="upload_pdf", **_TASK_OPTIONS)
def upload_pdf(pdf_path: str, blob_root: str, filename: str | None, ocr: OcrMode) -> UploadResult:
    """Validate the PDF and store it content-addressed (``domain.pipeline.upload_pdf``)."""
    result: UploadResult = run_in_pool(upload_in_worker, pdf_path, blob_root, filename, ocr)
    return result


@task(name="split_pdf", **_TASK_OPTIONS)
def split_pdf(upload: UploadResult, blob_root: str, render_dpi: int | None) -> SplitResult:
    """One-page PDFs (and previews) into the store (``domain.pipeline.split_stored_pdf``)."""
    result: SplitResult = run_in_pool(split_in_worker, upload, blob_root, render_dpi)
    return result


@task(name="extract_invoice", **_TASK_OPTIONS)
def extract_invoice(page: PageMetadata, blob_root: str) -> PageExtraction:
    """The fields of one page (``domain.pipeline.extract_stored_page``); mapped over the pages."""
    result: PageExtraction = run_in_pool(extract_in_worker, page, blob_root)
    return result


@task(name="aggregate_invoice", **_TASK_OPTIONS)
def aggregate_invoice(
    document: DocumentInfo, pages: list[PageExtraction], document_extraction: DocumentExtraction | None
) -> list[AggregatedInvoice]:
    """Merge the pages into the contract: one invoice, or one per invoice of a batch scan
    (``domain.document_level.aggregate_document``, as the aggregate service)."""
    return aggregate_document(document, pages, document_extraction)


@flow(name="invoice_processing_flow", log_prints=False, persist_result=False)
def invoice_processing_flow(
    pdf_path: str,
    blob_root: str,
    filename: str | None = None,
    ocr: OcrMode = OcrMode.AUTO,
    render_dpi: int | None = None,
) -> list[AggregatedInvoice]:
    """The whole pipeline for one PDF: the invoices it holds (usually one). ``filename`` defaults to the
    file's name, as in the CLI."""
    name = filename if filename is not None else Path(pdf_path).name
    upload = upload_pdf(pdf_path, blob_root, name, ocr)
    split = split_pdf(upload, blob_root, render_dpi)
    futures: list[PrefectFuture[PageExtraction]] = extract_invoice.map(split.pages, unmapped(blob_root))
    wait(futures)
    pages = [future.result() for future in futures]
    return aggregate_invoice(split.document, pages, split.document_extraction)
