"""``split-service``: ``POST /split`` — one-page PDFs (and PNG previews) into the blob store,
plus the whole-document extraction (embedded e-invoice, templates, page markers) in the result."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter

from invoiceflow.domain.models import SplitResult, UploadResult
from invoiceflow.domain.pipeline import split_stored_pdf
from invoiceflow.services.deps import BlobStoreDep, SettingsDep

router = APIRouter(prefix="/split", tags=["split"])


@router.post("")
async def split(upload: UploadResult, store: BlobStoreDep, settings: SettingsDep) -> SplitResult:
    return await asyncio.to_thread(
        split_stored_pdf, upload, store, render_dpi=settings.render_dpi, templates=settings.templates
    )
