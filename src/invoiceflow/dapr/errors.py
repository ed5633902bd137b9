"""One error hierarchy for every Dapr call: gRPC status codes and HTTP status codes become typed errors.

Callers catch ``DaprError`` (or a subclass) and never see ``grpc.RpcError``, HTTP-client or SDK exceptions.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import grpc
import httpx

from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError


class DaprError(InvoiceFlowError):
    """A Dapr building-block call failed. ``operation`` names the call (e.g. ``state.save``)."""

    code = ErrorCode.INTERNAL

    def __init__(self, message: str, *, operation: str = "", **details: Any) -> None:
        super().__init__(message, operation=operation, **details)
        self.operation = operation


class DaprUnavailableError(DaprError):
    """The sidecar (or the app behind it) cannot be reached; usually worth retrying later."""


class DaprTransientError(DaprError):
    """The runtime failed before it changed anything, in a way that goes away when asked again shortly.

    Seen on the pinned 1.18 runtime: a read racing the instance's save ("inbox key 'inbox-000000' declared
    in metadata … but missing from state store": the metadata and the keys it names are read without a
    snapshot), and actor calls while placement is (re)disseminated after a restart or reload.
    """


class DaprTimeoutError(DaprError):
    """The call did not finish within its deadline."""


class DaprNotFoundError(DaprError):
    """The component, key, instance or route does not exist."""


class DaprConflictError(DaprError):
    """Optimistic concurrency lost: the ETag did not match (first-write wins) or the item already exists."""


class DaprInvalidArgumentError(DaprError):
    """Dapr rejected the request as malformed (bad ETag format, empty key, unknown component...)."""


class DaprPermissionError(DaprError):
    """Missing or wrong API token, or an access-control policy refused the call."""


class DaprUnsupportedError(DaprError):
    """The sidecar or component does not implement this operation."""


class DaprInvocationError(DaprError):
    """The invoked app answered with a non-2xx status; ``status_code`` and ``body`` are the callee's."""

    def __init__(self, message: str, *, app_id: str, method: str, status_code: int, body: bytes) -> None:
        super().__init__(
            message,
            operation="invoke",
            app_id=app_id,
            method=method,
            status_code=status_code,
            body=body.decode("utf-8", errors="replace")[:2000],
        )
        self.app_id = app_id
        self.method = method
        self.status_code = status_code
        self.body = body

    def json(self) -> Any:
        """The callee's body parsed as JSON (``None`` when it is not JSON)."""
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    @property
    def is_client_error(self) -> bool:
        return 400 <= self.status_code < 500


_GRPC_ERRORS: dict[grpc.StatusCode, type[DaprError]] = {
    grpc.StatusCode.UNAVAILABLE: DaprUnavailableError,
    grpc.StatusCode.DEADLINE_EXCEEDED: DaprTimeoutError,
    grpc.StatusCode.NOT_FOUND: DaprNotFoundError,
    grpc.StatusCode.ABORTED: DaprConflictError,  # daprd: state.ETagMismatch -> codes.Aborted
    grpc.StatusCode.ALREADY_EXISTS: DaprConflictError,
    grpc.StatusCode.INVALID_ARGUMENT: DaprInvalidArgumentError,  # daprd: state.ETagInvalid
    grpc.StatusCode.FAILED_PRECONDITION: DaprInvalidArgumentError,
    grpc.StatusCode.OUT_OF_RANGE: DaprInvalidArgumentError,
    grpc.StatusCode.PERMISSION_DENIED: DaprPermissionError,
    grpc.StatusCode.UNAUTHENTICATED: DaprPermissionError,
    grpc.StatusCode.UNIMPLEMENTED: DaprUnsupportedError,
}

_HTTP_ERRORS: dict[int, type[DaprError]] = {
    400: DaprInvalidArgumentError,
    401: DaprPermissionError,
    403: DaprPermissionError,
    404: DaprNotFoundError,
    408: DaprTimeoutError,
    409: DaprConflictError,
    412: DaprConflictError,
    501: DaprUnsupportedError,
    502: DaprUnavailableError,
    503: DaprUnavailableError,
    504: DaprTimeoutError,
}

# Messages of failures that happen before the runtime changes anything and that pass when asked again.
# They win over the status code, which daprd sets to UNKNOWN / INTERNAL / NOT_FOUND for them.
_TRANSIENT_HINTS = (
    "missing from state store (transient",  # workflow '<id>': inbox/history key ... missing from ...
    "did not find address for actor",  # placement not disseminated yet (daprd retries it 1 s apart)
    "failed to lookup actor",
    "placement tables",
    "dapr is not ready",
    "dapr outbound is not ready",
    "invoke api is not ready",
)
# UNAVAILABLE messages meaning the request never left the client (no connection), so it did not land.
_NOT_SENT_HINTS = ("failed to connect", "connection refused", "connect failed", "dns resolution failed")

# Messages daprd uses where the status code alone says too little (it reports some as UNKNOWN/INTERNAL).
_MESSAGE_HINTS: tuple[tuple[str, type[DaprError]], ...] = (
    ("no such instance exists", DaprNotFoundError),
    ("already exists", DaprConflictError),
    ("etag mismatch", DaprConflictError),
    ("not found", DaprNotFoundError),  # e.g. INTERNAL "... secret x not found" from secretstores.local.file
    ("not configured", DaprNotFoundError),
)


# Codes daprd uses for several different failures: the message decides when it is specific.
_OVERLOADED_GRPC_CODES = frozenset(
    {grpc.StatusCode.UNKNOWN, grpc.StatusCode.INTERNAL, grpc.StatusCode.INVALID_ARGUMENT}
)


def error_class_for_grpc(code: grpc.StatusCode | None, message: str = "") -> type[DaprError]:
    """The typed error for a gRPC status code (with a message hint for codes daprd overloads)."""
    if _is_transient_message(message):
        return DaprTransientError
    if code is None or code in _OVERLOADED_GRPC_CODES:
        hinted = _hinted_class(message)
        if hinted is not DaprError:
            return hinted
    if code is not None and code in _GRPC_ERRORS:
        return _GRPC_ERRORS[code]
    return DaprError


def error_class_for_http(status_code: int, message: str = "") -> type[DaprError]:
    """The typed error for an HTTP status code returned by the sidecar itself."""
    if _is_transient_message(message):
        return DaprTransientError
    if status_code in _HTTP_ERRORS:
        return _HTTP_ERRORS[status_code]
    return _hinted_class(message)


def _is_transient_message(message: str) -> bool:
    lowered = message.lower()
    return any(hint in lowered for hint in _TRANSIENT_HINTS)


def _hinted_class(message: str) -> type[DaprError]:
    if _is_transient_message(message):
        return DaprTransientError
    lowered = message.lower()
    for hint, error_class in _MESSAGE_HINTS:
        if hint in lowered:
            return error_class
    return DaprError


def map_exception(exc: BaseException, operation: str) -> DaprError:
    """Translate any exception raised by the SDK, grpc, aiohttp or httpx into a ``DaprError`` subclass."""
    if isinstance(exc, DaprError):
        return exc
    if isinstance(exc, TimeoutError | asyncio.TimeoutError | httpx.TimeoutException):
        return DaprTimeoutError(f"{operation} timed out", operation=operation)
    if isinstance(exc, httpx.TransportError | aiohttp.ClientConnectionError):
        return DaprUnavailableError(f"{operation}: sidecar unreachable: {exc}", operation=operation)
    if isinstance(exc, aiohttp.ClientError):
        return DaprError(f"{operation}: HTTP failure: {exc}", operation=operation)
    # Some SDK calls (save_state) re-raise a gRPC error as DaprInternalError(details), dropping the code:
    # the original is still the __cause__.
    if not isinstance(exc, grpc.RpcError) and isinstance(exc.__cause__, grpc.RpcError):
        exc = exc.__cause__
    if isinstance(exc, grpc.RpcError):
        code, message = _grpc_code_and_message(exc)
        error_class = error_class_for_grpc(code, message)
        return error_class(
            f"{operation} failed: {message or code}",
            operation=operation,
            grpc_code=code.name if code is not None else None,
        )
    # The SDK's own error type (HTTP-based paths and client-side validation of Dapr responses).
    status_code = getattr(exc, "status_code", None)
    error_code = getattr(exc, "error_code", None)
    message = str(getattr(exc, "message", None) or exc)
    if isinstance(status_code, int):
        error_class = error_class_for_http(status_code, message)
        return error_class(f"{operation} failed: {message}", operation=operation, http_status=status_code)
    if isinstance(error_code, str) and error_code != "UNKNOWN":
        return _hinted_class(message)(
            f"{operation} failed: {message}", operation=operation, error_code=error_code
        )
    return _hinted_class(message)(f"{operation} failed: {message}", operation=operation)


def _grpc_code_and_message(exc: grpc.RpcError) -> tuple[grpc.StatusCode | None, str]:
    code_getter = getattr(exc, "code", None)
    details_getter = getattr(exc, "details", None)
    code = code_getter() if callable(code_getter) else None
    details = details_getter() if callable(details_getter) else None
    return (code if isinstance(code, grpc.StatusCode) else None), str(details or "")


def error_from_sidecar_status(
    status_code: int, error_code: str | None, message: str, operation: str
) -> DaprError:
    """A Dapr HTTP API error (status + ``{"errorCode": ..., "message": ...}``) as a typed error."""
    error_class = error_class_for_http(status_code, message)
    return error_class(
        f"{operation} failed ({status_code}): {message}",
        operation=operation,
        http_status=status_code,
        error_code=error_code,
    )


def is_transient(error: DaprError) -> bool:
    """Worth asking again shortly: the same call may succeed. Says nothing about whether the failed call
    changed anything (a timeout may have), so only calls that are safe to repeat retry on this."""
    return isinstance(error, DaprTransientError | DaprUnavailableError | DaprTimeoutError)


def is_not_applied(error: DaprError) -> bool:
    """Transient *and* known to have changed nothing: the runtime failed before acting on the request, or
    the request never reached it. Calls that must not land twice (raise an event, start) retry on this."""
    if isinstance(error, DaprTransientError):
        return True
    if isinstance(error, DaprUnavailableError):
        lowered = error.message.lower()
        return any(hint in lowered for hint in _NOT_SENT_HINTS)
    return False
