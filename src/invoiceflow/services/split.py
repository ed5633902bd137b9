"""``split-service``: ``POST /split`` — PDFs of a few consecutive pages each (and PNG previews) into the
blob store, plus the whole-document extraction (embedded e-invoice, templates) in the result.
``POST /split/stored`` — the same for a PDF its caller stored itself (an ``InvoiceRequest`` with a
``blob_key``: the REST API's uploads), validated here first exactly as the upload service validates
(``validate_pdf``, the same limits and error codes), so workflow v3 needs no upload step for it. Page keys
derive from the content hash, so both routes store the same pages under the same keys.

The domain's splitter writes part after part through the synchronous ``BlobStore`` API; each write is a
binding call (~2-3 ms through daprd), so a 50-page PDF spent ~150 ms waiting on writes one at a time.
``WriteBehindStore`` starts each write on the event loop and lets the splitter go on; the route answers
only once every write has finished, so a caller never sees a key that is not stored yet.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from fastapi import APIRouter, Response

from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError
from invoiceflow.domain.models import InvoiceRequest, SplitResult, UploadResult
from invoiceflow.domain.pdf import PdfLimits, validate_pdf
from invoiceflow.domain.pipeline import default_invoice_id, split_stored_pdf
from invoiceflow.services.blobstore import ServiceBlobStore
from invoiceflow.services.deps import BlobStoreDep, SettingsDep
from invoiceflow.services.responses import model_response
from invoiceflow.services.settings import ServiceSettings

router = APIRouter(prefix="/split", tags=["split"])


class WriteBehindStore:
    """The sync ``BlobStore`` API for a worker thread: ``put`` starts the write on ``loop`` and returns;
    ``flush()`` (on the loop) waits for all of them and raises the first failure."""

    def __init__(
        self, store: ServiceBlobStore, loop: asyncio.AbstractEventLoop, known: dict[str, bytes] | None = None
    ) -> None:
        self._store = store
        self._loop = loop
        self._writes: list[Future[None]] = []
        self._known = known or {}  # bytes the route read already: not fetched again

    def put(self, key: str, data: bytes) -> None:
        self._writes.append(asyncio.run_coroutine_threadsafe(self._store.aput(key, data), self._loop))

    def get(self, key: str) -> bytes:
        known = self._known.get(key)
        return known if known is not None else self._store.get(key)

    def exists(self, key: str) -> bool:
        return key in self._known or self._store.exists(key)

    async def flush(self, *, raise_errors: bool = True) -> None:
        writes, self._writes = self._writes, []
        await asyncio.gather(
            *(asyncio.wrap_future(write) for write in writes), return_exceptions=not raise_errors
        )


@router.post("", response_model=SplitResult)
async def split(upload: UploadResult, store: BlobStoreDep, settings: SettingsDep) -> Response:
    writes = WriteBehindStore(store, asyncio.get_running_loop())
    return await _split(writes, split_upload, upload, writes, settings)


@router.post("/stored", response_model=SplitResult)
async def split_stored(request: InvoiceRequest, store: BlobStoreDep, settings: SettingsDep) -> Response:
    if request.blob_key is None:
        raise InvoiceFlowError("blob_key is required", code=ErrorCode.INVALID_INPUT)
    try:
        data = await store.aget(request.blob_key)
    except FileNotFoundError:
        raise InvoiceFlowError(
            f"no blob {request.blob_key!r} in the blob store", code=ErrorCode.FILE_NOT_FOUND
        ) from None
    writes = WriteBehindStore(store, asyncio.get_running_loop(), known={request.blob_key: data})
    return await _split(writes, validate_and_split, request, data, writes, settings)


def split_upload(upload: UploadResult, store: WriteBehindStore, settings: ServiceSettings) -> SplitResult:
    return split_stored_pdf(upload, store, render_dpi=settings.render_dpi, templates=settings.templates)


def validate_and_split(
    request: InvoiceRequest, data: bytes, store: WriteBehindStore, settings: ServiceSettings
) -> SplitResult:
    """What ``upload_pdf`` checks, then ``split_stored_pdf`` on the bytes where the caller put them (the
    upload service would copy them to ``pdfs/<sha256>.pdf`` first; nothing reads that copy here)."""
    assert request.blob_key is not None
    info = validate_pdf(data, PdfLimits())
    upload = UploadResult(
        invoice_id=request.invoice_id or default_invoice_id(info.sha256),
        blob_key=request.blob_key,
        sha256=info.sha256,
        filename=request.filename,
        size_bytes=len(data),
        page_count=info.page_count,
        ocr=request.ocr,
    )
    return split_upload(upload, store, settings)


async def _split(writes: WriteBehindStore, work: Callable[..., SplitResult], *args: Any) -> Response:
    """``work(*args)`` in a worker thread; answers once every page write it started has finished."""
    try:
        result = await asyncio.to_thread(work, *args)
    except BaseException:
        await writes.flush(raise_errors=False)  # no write left running after the answer; report the cause
        raise
    await writes.flush()
    return model_response(result)
