"""RFC 9457 problem details carrying the domain's stable error code, and the FastAPI handlers that emit
them. Callers (the workflow activities) read the ``code`` back with ``ProblemDetails.model_validate``."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError

PROBLEM_CONTENT_TYPE = "application/problem+json"

# Bad input is the caller's fault (4xx, never worth a retry); INTERNAL is ours (5xx, may be transient).
_STATUS_BY_CODE: dict[ErrorCode, int] = {
    ErrorCode.FILE_NOT_FOUND: 404,
    ErrorCode.PATH_NOT_ALLOWED: 403,
    ErrorCode.URL_NOT_ALLOWED: 403,
    ErrorCode.PDF_TOO_LARGE: 413,
    ErrorCode.OCR_UNAVAILABLE: 503,
    ErrorCode.INTERNAL: 500,
}
_DEFAULT_STATUS = 422


class ProblemDetails(BaseModel):
    type: str = "about:blank"
    title: str
    status: int
    detail: str
    code: ErrorCode
    details: dict[str, Any] = Field(default_factory=dict)


def status_for(code: ErrorCode) -> int:
    return _STATUS_BY_CODE.get(code, _DEFAULT_STATUS)


def problem_for(error: InvoiceFlowError) -> ProblemDetails:
    status = status_for(error.code)
    return ProblemDetails(
        type=f"urn:invoiceflow:error:{error.code.value}",
        title=error.code.value,
        status=status,
        detail=error.message,
        code=error.code,
        details={key: value for key, value in error.details.items() if _is_json_scalar(value)},
    )


def _is_json_scalar(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def problem_response(problem: ProblemDetails) -> JSONResponse:
    return JSONResponse(
        problem.model_dump(mode="json"), status_code=problem.status, media_type=PROBLEM_CONTENT_TYPE
    )


async def _on_domain_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, InvoiceFlowError)
    return problem_response(problem_for(exc))


async def _on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    error = InvoiceFlowError(f"invalid request body: {exc.errors()[:3]}", code=ErrorCode.INVALID_INPUT)
    return problem_response(problem_for(error))


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(InvoiceFlowError, _on_domain_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
