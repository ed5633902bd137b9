"""``aggregate-service``: ``POST /aggregate`` — merge the pages' fields (and the whole-document result of
the split stage: embedded e-invoice, template) into the contract; one invoice per invoice the file holds.
``POST /aggregate/stored`` does the same with pages given as references to stored extractions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from invoiceflow.domain.document_level import aggregate_document
from invoiceflow.domain.models import AggregateRequest, AggregateResult
from invoiceflow.services.deps import BlobStoreDep, json_body, json_body_openapi
from invoiceflow.services.responses import model_response
from invoiceflow.services.stored import StoredAggregateRequest, load_extractions

router = APIRouter(prefix="/aggregate", tags=["aggregate"])


@router.post("", response_model=AggregateResult, openapi_extra=json_body_openapi(AggregateRequest))
async def aggregate_pages(
    request: Annotated[AggregateRequest, Depends(json_body(AggregateRequest))],
) -> Response:
    invoices = aggregate_document(request.document, request.pages, request.document_extraction)
    return model_response(AggregateResult(invoices=invoices))


@router.post(
    "/stored", response_model=AggregateResult, openapi_extra=json_body_openapi(StoredAggregateRequest)
)
async def aggregate_stored_pages(
    request: Annotated[StoredAggregateRequest, Depends(json_body(StoredAggregateRequest))],
    store: BlobStoreDep,
) -> Response:
    pages = await load_extractions(store, request.pages)
    invoices = aggregate_document(request.document, pages, request.document_extraction)
    return model_response(AggregateResult(invoices=invoices))
