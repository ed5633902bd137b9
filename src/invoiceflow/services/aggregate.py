"""``aggregate-service``: ``POST /aggregate`` — merge the pages' fields (and the whole-document result of
the split stage: embedded e-invoice, template) into the contract; one invoice per invoice the file holds."""

from __future__ import annotations

from fastapi import APIRouter

from invoiceflow.domain.document_level import aggregate_document
from invoiceflow.domain.models import AggregateRequest, AggregateResult

router = APIRouter(prefix="/aggregate", tags=["aggregate"])


@router.post("")
async def aggregate_pages(request: AggregateRequest) -> AggregateResult:
    invoices = aggregate_document(request.document, request.pages, request.document_extraction)
    return AggregateResult(invoices=invoices)
