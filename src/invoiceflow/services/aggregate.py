"""``aggregate-service``: ``POST /aggregate`` — merge the pages' fields into the contract."""

from __future__ import annotations

from fastapi import APIRouter

from invoiceflow.domain.aggregate import aggregate
from invoiceflow.domain.models import AggregatedInvoice, AggregateRequest

router = APIRouter(prefix="/aggregate", tags=["aggregate"])


@router.post("")
async def aggregate_pages(request: AggregateRequest) -> AggregatedInvoice:
    return aggregate(request.document, request.pages)
