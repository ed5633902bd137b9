"""``aggregate-service``: ``POST /aggregate`` — merge the pages' fields (and the whole-document result of
the split stage: embedded e-invoice, template) into the contract; one invoice per invoice the file holds."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from invoiceflow.domain.document_level import aggregate_document
from invoiceflow.domain.models import AggregateRequest, AggregateResult
from invoiceflow.services.deps import json_body, json_body_openapi
from invoiceflow.services.responses import model_response

router = APIRouter(prefix="/aggregate", tags=["aggregate"])


@router.post("", response_model=AggregateResult, openapi_extra=json_body_openapi(AggregateRequest))
async def aggregate_pages(
    request: Annotated[AggregateRequest, Depends(json_body(AggregateRequest))],
) -> Response:
    invoices = aggregate_document(request.document, request.pages, request.document_extraction)
    return model_response(AggregateResult(invoices=invoices))
