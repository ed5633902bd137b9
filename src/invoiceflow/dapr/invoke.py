"""Service invocation through the sidecar: ``/v1.0/invoke/{app-id}/method/{method}`` over pooled aiohttp.

Why not the SDK's ``invoke_method``: over HTTP it opens a new aiohttp session per call and resolves the
sidecar URL from process-global settings (one sidecar per process); its gRPC variant is deprecated. Why
not httpx: under concurrency its pool was the bottleneck. ``benchmarks/dapr_invoke.py`` measures all
three against the same sidecar (figures in its docstring).
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any, TypeVar, overload
from urllib.parse import quote

import aiohttp
from pydantic import BaseModel, TypeAdapter
from pydantic_core import to_json

from invoiceflow.dapr.client import DaprClient
from invoiceflow.dapr.errors import (
    DaprError,
    DaprInvocationError,
    DaprPermissionError,
    DaprUnavailableError,
    error_from_sidecar_status,
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
        session = self._client.http
        request_timeout = aiohttp.ClientTimeout(total=timeout) if timeout is not None else session.timeout
        try:
            async with session.request(
                http_method.value,
                path,
                data=content,
                params=params,
                headers=request_headers,
                timeout=request_timeout,
            ) as response:
                body = await response.read()
                status = response.status
                content_type = response.headers.get("Content-Type")
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise map_exception(exc, operation) from exc
        if not 200 <= status < 300:
            raise invocation_error(status, content_type, body, app_id=app_id, method=method)
        result = InvokeResponse(status_code=status, content_type=content_type, body=body)
        if response_model is None:
            return result
        try:
            return result.json_as(response_model)
        except ValueError as exc:
            model_name = getattr(response_model, "__name__", str(response_model))
            raise DaprError(
                f"{operation}: response is not a valid {model_name}: {exc}",
                operation=operation,
            ) from exc


def invocation_error(
    status: int, content_type: str | None, body: bytes, *, app_id: str, method: str
) -> DaprError:
    """The sidecar's own failure (bad token, unreachable callee, no such app) or the callee's answer."""
    operation = f"invoke {app_id}/{method}"
    if status == 401 and body.strip() == b"invalid api token":
        # daprd's API-token middleware answers in plain text before the request reaches any app.
        return DaprPermissionError(f"{operation}: the sidecar refused the API token", operation=operation)
    error_code, message = _sidecar_error(content_type, body)
    if error_code in _SIDECAR_ERROR_CODES_UNREACHABLE:
        return DaprUnavailableError(
            f"{operation} failed: {message}", operation=operation, error_code=error_code, app_id=app_id
        )
    if error_code is not None and error_code.startswith("ERR_"):
        return error_from_sidecar_status(status, error_code, message, operation)
    return DaprInvocationError(
        f"{app_id}/{method} answered {status}", app_id=app_id, method=method, status_code=status, body=body
    )


def _sidecar_error(content_type: str | None, body: bytes) -> tuple[str | None, str]:
    """daprd's JSON error shape ``{"errorCode": "ERR_...", "message": ...}``, if that is what ``body`` is."""
    if "json" not in (content_type or ""):
        return None, ""
    try:
        payload = json.loads(body)
    except ValueError:
        return None, ""
    if isinstance(payload, dict) and isinstance(payload.get("errorCode"), str):
        return str(payload["errorCode"]), str(payload.get("message") or "")
    return None, ""
