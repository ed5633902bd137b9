"""The pipeline spread over four work pools: one deployment per stage (``prefect.yaml``), each served by
the workers of its pool, and ``invoice_processing_pooled_flow`` chaining them with ``run_deployment``.

A Prefect flow runs whole on one worker, so per-stage pools need per-stage flows. Each stage flow calls
the same task as ``invoice_processing_flow``; results travel through Prefect's result storage (persisted,
so the orchestrating flow can read them) and the blobs through a directory every worker can reach
(``blob_root``, e.g. a shared volume). ``invoice_processing_flow`` stays the one-process variant that
``invoiceflow process --engine prefect`` and ``compare`` run.
"""

from __future__ import annotations

from typing import Any

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.deployments import run_deployment
from prefect.futures import wait
from prefect.task_runners import ThreadPoolTaskRunner

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
from invoiceflow.prefect import flow as pipeline_tasks

# "<flow name>/<deployment name>" as prefect.yaml defines them.
UPLOAD_DEPLOYMENT = "upload_stage/upload"
SPLIT_DEPLOYMENT = "split_stage/split"
EXTRACT_DEPLOYMENT = "extract_stage/extract"
AGGREGATE_DEPLOYMENT = "aggregate_stage/aggregate"


@flow(name="upload_stage", persist_result=True)
def upload_stage(pdf_path: str, blob_root: str, filename: str, ocr: OcrMode = OcrMode.AUTO) -> UploadResult:
    result: UploadResult = pipeline_tasks.upload_pdf(pdf_path, blob_root, filename, ocr)
    return result


@flow(name="split_stage", persist_result=True)
def split_stage(upload: UploadResult, blob_root: str, render_dpi: int | None = None) -> SplitResult:
    result: SplitResult = pipeline_tasks.split_pdf(upload, blob_root, render_dpi)
    return result


@flow(name="extract_stage", persist_result=True)
def extract_stage(page: PageMetadata, blob_root: str) -> PageExtraction:
    result: PageExtraction = pipeline_tasks.extract_invoice(page, blob_root)
    return result


@flow(name="aggregate_stage", persist_result=True)
def aggregate_stage(
    document: DocumentInfo, pages: list[PageExtraction], document_extraction: DocumentExtraction | None = None
) -> list[AggregatedInvoice]:
    result: list[AggregatedInvoice] = pipeline_tasks.aggregate_invoice(document, pages, document_extraction)
    return result


def _stage(deployment: str, parameters: dict[str, Any]) -> Any:
    """Run one stage deployment to completion (as a subflow) and return its result."""
    run = run_deployment(deployment, parameters=parameters, as_subflow=True)
    state = run.state  # type: ignore[union-attr]
    if state is None or not state.is_completed():
        raise RuntimeError(f"{deployment} ended in state {state!r}")
    return state.result()


@task(name="run_extract_stage", cache_policy=NO_CACHE)
def run_extract_stage(page: PageMetadata, blob_root: str) -> Any:
    return _stage(EXTRACT_DEPLOYMENT, {"page": page, "blob_root": blob_root})


# Threads only wait on the API here; 16 pages of a fan-out are in flight at once.
_FAN_OUT: ThreadPoolTaskRunner[Any] = ThreadPoolTaskRunner(max_workers=16)


@flow(name="invoice_processing_pooled_flow", task_runner=_FAN_OUT)  # type: ignore[arg-type]  # Prefect stub variance
def invoice_processing_pooled_flow(
    pdf_path: str, blob_root: str, filename: str, ocr: OcrMode = OcrMode.AUTO
) -> list[AggregatedInvoice]:
    upload = UploadResult.model_validate(
        _stage(
            UPLOAD_DEPLOYMENT,
            {"pdf_path": pdf_path, "blob_root": blob_root, "filename": filename, "ocr": ocr},
        )
    )
    split = SplitResult.model_validate(_stage(SPLIT_DEPLOYMENT, {"upload": upload, "blob_root": blob_root}))
    # The fan-out: one extract-stage run per page, in flight together (threads wait on the API).
    futures = [run_extract_stage.submit(page, blob_root) for page in split.pages]
    wait(futures)
    pages = [PageExtraction.model_validate(future.result()) for future in futures]
    found = _stage(
        AGGREGATE_DEPLOYMENT,
        {"document": split.document, "pages": pages, "document_extraction": split.document_extraction},
    )
    return [AggregatedInvoice.model_validate(invoice) for invoice in found]
