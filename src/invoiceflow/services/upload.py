"""``upload-service``: ``POST /upload`` — validate a PDF and store it content-addressed."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fastapi import APIRouter, Response

from invoiceflow.domain.errors import ErrorCode, InputNotAllowedError, InvoiceFlowError
from invoiceflow.domain.models import InvoiceRequest, UploadResult
from invoiceflow.domain.pdf import PdfLimits, read_pdf_file
from invoiceflow.domain.pipeline import upload_pdf
from invoiceflow.services.blobstore import ServiceBlobStore
from invoiceflow.services.deps import BlobStoreDep, SettingsDep
from invoiceflow.services.responses import model_response
from invoiceflow.services.settings import ServiceSettings

router = APIRouter(prefix="/upload", tags=["upload"])


@router.post("", response_model=UploadResult)
async def upload(request: InvoiceRequest, store: BlobStoreDep, settings: SettingsDep) -> Response:
    data, filename = await _read_source(request, store, settings)
    result = await asyncio.to_thread(
        upload_pdf, data, store, invoice_id=request.invoice_id, filename=filename, ocr=request.ocr
    )
    return model_response(result)


async def _read_source(
    request: InvoiceRequest, store: ServiceBlobStore, settings: ServiceSettings
) -> tuple[bytes, str | None]:
    if request.blob_key is not None:
        try:
            return await store.aget(request.blob_key), request.filename
        except FileNotFoundError:
            raise InvoiceFlowError(
                f"no blob {request.blob_key!r} in the blob store", code=ErrorCode.FILE_NOT_FOUND
            ) from None
    if request.pdf_path is not None:
        path = _allowed_path(request.pdf_path, settings.upload_base_dir)
        data = await asyncio.to_thread(read_pdf_file, path, PdfLimits())
        return data, request.filename or path.name
    if request.pdf_url is not None:
        # Fetching URLs needs an allow-list and SSRF guards this proof of concept does not have.
        raise InputNotAllowedError(
            "pdf_url is not accepted by this deployment", code=ErrorCode.URL_NOT_ALLOWED
        )
    raise InvoiceFlowError("one of blob_key, pdf_path or pdf_url is required", code=ErrorCode.INVALID_INPUT)


def _allowed_path(raw: str, base_dir: Path | None) -> Path:
    if base_dir is None:
        raise InputNotAllowedError("pdf_path is disabled (no INVOICEFLOW_UPLOAD_BASE_DIR)")
    base = base_dir.resolve()
    path = (base / raw).resolve()
    if not path.is_relative_to(base):
        raise InputNotAllowedError(f"{raw!r} is outside the allowed directory")
    return path
