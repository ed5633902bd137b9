"""``extract-service``: ``POST /extract`` — the fields of one page, computed in a worker process;
``POST /extract/stored`` — the same fields kept in the blob store, answered by reference (``stored.py``).

Extraction is CPU-bound, so the route fetches the page PDF from the blob store on the event loop and
runs ``extract_page_pdf`` (the body of ``extract_stored_page``) in a process pool driven by the event loop
(``worker_pool.py``): a fan-out then uses every core instead of queueing behind the GIL. A worker keeps
the split parts it opened for the part's next pages (``part_documents.py``).
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse

from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError
from invoiceflow.domain.models import OcrMode, PageExtraction, PageMetadata
from invoiceflow.domain.pdf_document import opened
from invoiceflow.services.blobstore import ServiceBlobStore
from invoiceflow.services.context import ServiceContext
from invoiceflow.services.deps import BlobStoreDep, ContextDep, ExtractPoolDep, json_body, json_body_openapi
from invoiceflow.services.part_documents import WORKER_PARTS
from invoiceflow.services.responses import json_response, model_response
from invoiceflow.services.stored import StoredPageExtraction, store_extraction
from invoiceflow.services.worker_pool import AsyncProcessPool

router = APIRouter(prefix="/extract", tags=["extract"])


def extract_in_worker(
    page_pdf: bytes, page_number: int, ocr: OcrMode, index_in_pdf: int = 1, pdf_key: str | None = None
) -> dict[str, Any]:
    """Runs in a pool process; the result is the ``PageExtraction``'s JSON, serialised here once (the
    route answers with these bytes). Domain errors come back as data: an exception with keyword-only
    fields does not survive pickling with its code intact. With the part's blob key, the worker reuses
    the part's document it opened for an earlier page (``part_documents.py``)."""
    from invoiceflow.domain.pipeline import extract_page_pdf

    open_pdf = WORKER_PARTS.opener(pdf_key) if pdf_key is not None else opened
    try:
        extraction = extract_page_pdf(page_pdf, page_number, ocr, index_in_pdf, open_pdf=open_pdf)
        return {"ok": extraction.__pydantic_serializer__.to_json(extraction)}
    except InvoiceFlowError as exc:
        return {"error": {"code": exc.code.value, "message": exc.message}}


@router.post("", response_model=PageExtraction)
async def extract(
    page: PageMetadata, store: BlobStoreDep, pool: ExtractPoolDep, context: ContextDep
) -> Response:
    if (injected := _injected_fault(page, context)) is not None:
        return injected
    return json_response(await _extraction_json(page, store, pool, context))


@router.post("/stored", response_model=StoredPageExtraction, openapi_extra=json_body_openapi(PageMetadata))
async def extract_stored(
    page: Annotated[PageMetadata, Depends(json_body(PageMetadata))], store: BlobStoreDep, context: ContextDep
) -> Response:
    """The same extraction, kept in the blob store; the answer is its reference (see ``stored.py``).

    The workflow calls this once per page, so its body is validated straight from the bytes (FastAPI's
    two-pass body parsing) and the pool comes from the context, one dependency less to resolve."""
    if (injected := _injected_fault(page, context)) is not None:
        return injected
    extraction_json = await _extraction_json(page, store, context.extract_pool(), context)
    stored = await store_extraction(store, page, extraction_json)
    return model_response(stored)


async def _extraction_json(
    page: PageMetadata, store: ServiceBlobStore, pool: AsyncProcessPool, context: ServiceContext
) -> bytes:
    try:
        page_pdf = await store.aget(page.pdf_blob_key)
    except FileNotFoundError:
        raise InvoiceFlowError(
            f"page blob {page.pdf_blob_key!r} is missing", code=ErrorCode.FILE_NOT_FOUND
        ) from None
    if context.settings.fault_extract_delay_seconds > 0:
        await asyncio.sleep(context.settings.fault_extract_delay_seconds)
    outcome = await pool.run(
        extract_in_worker,
        page_pdf,
        page.page_number,
        page.ocr,
        page.pdf_page_index,
        page.pdf_blob_key,
    )
    if "error" in outcome:
        raise InvoiceFlowError(outcome["error"]["message"], code=ErrorCode(outcome["error"]["code"]))
    answer: bytes = outcome["ok"]
    return answer


def _injected_fault(page: PageMetadata, context: ServiceContext) -> JSONResponse | None:
    """Test-only: fail the first attempt of the configured pages with a transient 503."""
    if page.page_number not in context.settings.fail_once_pages:
        return None
    key = (page.invoice_id, page.page_number)
    if key in context.failed_once:
        return None
    context.failed_once.add(key)
    return JSONResponse({"detail": f"injected fault on page {page.page_number}"}, status_code=503)
