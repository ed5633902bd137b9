"""Service invocation through the sidecar: ``POST /v1.0/invoke/{app-id}/method/{method}`` over pooled httpx.

Why not the SDK's ``invoke_method``: over HTTP it opens a new aiohttp session per call and resolves the
sidecar URL from process-global settings (one sidecar per process); its gRPC variant is deprecated.
``benchmarks/dapr_invoke.py`` measures both against the same sidecar.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar, overload
from urllib.parse import quote

import httpx
from pydantic import BaseModel, TypeAdapter
from pydantic_core import to_json

from invoiceflow.dapr.client import DaprClient
from invoiceflow.dapr.errors import (
    DaprError,
    DaprInvocationError,
    DaprUnavailableError,
    error_from_sidecar_response,
    map_exception,
)

M = TypeVar("M")

# daprd answers with its own JSON error (not the callee's) when it could not reach the callee at all.
_SIDECAR_ERROR_CODES_UNREACHABLE = frozenset({"ERR_DIRECT_INVOKE", "ERR_DIRECT_INVOKE_NOT_READY"})


class HttpMethod(StrEnum):
    GET = "GET"
    POST = "POST"
    PUT = "PUT"
    PATCH = "PATCH"
    DELETE = "DELETE"
    HEAD = "HEAD"


class InvokeResponse(BaseModel):
    """The callee's answer to a successful (2xx) invocation, for callers that need more than the body."""

    status_code: int
    content_type: str | None
    body: bytes

    def json_as(self, model: type[M]) -> M:
        return TypeAdapter(model).validate_json(self.body or b"null")


class ServiceInvoker:
    """Calls methods of other Dapr apps through the local sidecar, JSON / pydantic models in and out."""

    def __init__(self, client: DaprClient) -> None:
        self._client = client

    @overload
    async def invoke(
        self,
        app_id: str,
        method: str,
        data: Any = None,
        *,
        response_model: type[M],
        http_method: HttpMethod = HttpMethod.POST,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        timeout: float | None = None,
    ) -> M: ...

    @overload
    async def invoke(
        self,
        app_id: str,
        method: str,
        data: Any = None,
        *,
        response_model: None = None,
        http_method: HttpMethod = HttpMethod.POST,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        timeout: float | None = None,
    ) -> InvokeResponse: ...

    async def invoke(
        self,
        app_id: str,
        method: str,
        data: Any = None,
        *,
        response_model: type[M] | None = None,
        http_method: HttpMethod = HttpMethod.POST,
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        timeout: float | None = None,
    ) -> M | InvokeResponse:
        """Invoke ``method`` on ``app_id``. ``data`` (a model or JSON-able value, or raw bytes) is the body.

        With ``response_model`` the callee's JSON body is validated into it; otherwise the raw
        ``InvokeResponse`` is returned. A non-2xx answer from the callee raises ``DaprInvocationError``
        (status code and body kept); an unreachable callee or sidecar raises ``DaprUnavailableError``.
        """
        request_headers = dict(headers or {})
        content: bytes | None
        if data is None:
            content = None
        elif isinstance(data, bytes):
            content = data
            request_headers.setdefault("content-type", "application/octet-stream")
        else:
            content = to_json(data)
            request_headers.setdefault("content-type", "application/json")
        path = f"/v1.0/invoke/{quote(app_id, safe='')}/method/{method.lstrip('/')}"
        operation = f"invoke {app_id}/{method}"
        try:
            response = await self._client.http.request(
                http_method.value,
                path,
                content=content,
                params=params,
                headers=request_headers,
                timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
            )
        except httpx.HTTPError as exc:
            raise map_exception(exc, operation) from exc
        if not response.is_success:
            raise _invocation_error(response, app_id, method, operation)
        result = InvokeResponse(
            status_code=response.status_code,
            content_type=response.headers.get("content-type"),
            body=response.content,
        )
        if response_model is None:
            return result
        try:
            return result.json_as(response_model)
        except ValueError as exc:
            raise DaprError(
                f"{operation}: response is not a valid {getattr(response_model, '__name__', response_model)}: "
                f"{exc}",
                operation=operation,
            ) from exc


def _invocation_error(response: httpx.Response, app_id: str, method: str, operation: str) -> DaprError:
    """Tell the sidecar's own failure (callee unreachable, no such app) from the callee's error answer."""
    error_code = _sidecar_error_code(response)
    if error_code in _SIDECAR_ERROR_CODES_UNREACHABLE:
        error = error_from_sidecar_response(response, operation)
        return DaprUnavailableError(error.message, operation=operation, error_code=error_code, app_id=app_id)
    if error_code is not None and error_code.startswith("ERR_"):
        return error_from_sidecar_response(response, operation)
    return DaprInvocationError(
        f"{app_id}/{method} answered {response.status_code}",
        app_id=app_id,
        method=method,
        status_code=response.status_code,
        body=response.content,
    )


def _sidecar_error_code(response: httpx.Response) -> str | None:
    if "json" not in response.headers.get("content-type", ""):
        return None
    try:
        payload = response.json()
    except ValueError:
        return None
    if isinstance(payload, dict) and isinstance(payload.get("errorCode"), str):
        return str(payload["errorCode"])
    return None
