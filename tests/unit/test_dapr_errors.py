"""Error mapping of the Dapr layer: gRPC codes, HTTP statuses, SDK wrappers and timeouts -> typed errors."""

from __future__ import annotations

import asyncio

import aiohttp
import grpc
import httpx
import pytest
from dapr.clients.exceptions import DaprInternalError

from invoiceflow.dapr.client import DaprClient, DaprSettings
from invoiceflow.dapr.errors import (
    DaprConflictError,
    DaprError,
    DaprInvalidArgumentError,
    DaprNotFoundError,
    DaprPermissionError,
    DaprTimeoutError,
    DaprTransientError,
    DaprUnavailableError,
    DaprUnsupportedError,
    error_from_sidecar_status,
    is_not_applied,
    is_transient,
    map_exception,
)
from invoiceflow.domain.errors import InvoiceFlowError


class FakeRpcError(grpc.RpcError):
    """Stands in for grpc.aio.AioRpcError: the same code()/details() interface."""

    def __init__(self, code: grpc.StatusCode, details: str) -> None:
        super().__init__(details)
        self._code = code
        self._details = details

    def code(self) -> grpc.StatusCode:
        return self._code

    def details(self) -> str:
        return self._details


INBOX_RACE = (
    "workflow 'INV-PAUSE-1': inbox key 'inbox-000000' declared in metadata (inboxLength=1) but missing "
    "from state store (transient store read failure or partial save?)"
)


@pytest.mark.parametrize(
    ("code", "details", "expected"),
    [
        (grpc.StatusCode.UNAVAILABLE, "connection refused", DaprUnavailableError),
        (grpc.StatusCode.DEADLINE_EXCEEDED, "deadline", DaprTimeoutError),
        (grpc.StatusCode.NOT_FOUND, "no such instance", DaprNotFoundError),
        (grpc.StatusCode.ABORTED, "failed saving state: possible etag mismatch", DaprConflictError),
        (grpc.StatusCode.ALREADY_EXISTS, "an active workflow with ID 'x' already exists", DaprConflictError),
        (grpc.StatusCode.INVALID_ARGUMENT, "invalid etag value", DaprInvalidArgumentError),
        (grpc.StatusCode.INVALID_ARGUMENT, "state store nostore is not found", DaprNotFoundError),
        (grpc.StatusCode.PERMISSION_DENIED, "denied", DaprPermissionError),
        (grpc.StatusCode.UNAUTHENTICATED, "missing api token", DaprPermissionError),
        (grpc.StatusCode.UNIMPLEMENTED, "unknown method", DaprUnsupportedError),
        (grpc.StatusCode.INTERNAL, "secret no-such-secret not found", DaprNotFoundError),
        (grpc.StatusCode.UNKNOWN, "no such instance exists", DaprNotFoundError),
        (grpc.StatusCode.INTERNAL, "disk on fire", DaprError),
        # The 1.18 runtime's read-racing-a-save and placement messages (as daprd words them).
        (grpc.StatusCode.UNKNOWN, INBOX_RACE, DaprTransientError),
        (
            grpc.StatusCode.INTERNAL,
            "workflow 'x': history key 'history-000003' declared in metadata (historyLength=4) but missing "
            "from state store (transient store read failure or partial save?)",
            DaprTransientError,
        ),
        # "not found"-looking, yet the instance exists: the actor is not placed yet.
        (grpc.StatusCode.INTERNAL, "did not find address for actor 'wf||INV-1'", DaprTransientError),
        (grpc.StatusCode.NOT_FOUND, "failed to lookup actor: placement not ready", DaprTransientError),
    ],
)
def test_grpc_status_codes_map_to_typed_errors(
    code: grpc.StatusCode, details: str, expected: type[DaprError]
) -> None:
    error = map_exception(FakeRpcError(code, details), "state.save")
    assert type(error) is expected
    assert error.operation == "state.save"
    assert details in error.message
    assert error.details["grpc_code"] == code.name
    assert isinstance(error, InvoiceFlowError)


def test_sdk_wrapper_that_drops_the_grpc_code_is_unwrapped() -> None:
    # save_state raises DaprInternalError(details) from the AioRpcError: the code lives in __cause__.
    cause = FakeRpcError(grpc.StatusCode.ABORTED, "failed saving state in state store statestore")
    try:
        try:
            raise cause
        except FakeRpcError as exc:
            raise DaprInternalError(exc.details()) from exc
    except DaprInternalError as wrapped:
        error = map_exception(wrapped, "state.save")
    assert type(error) is DaprConflictError


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (TimeoutError(), DaprTimeoutError),
        (httpx.ReadTimeout("slow"), DaprTimeoutError),
        (httpx.ConnectError("refused"), DaprUnavailableError),
        (aiohttp.ServerDisconnectedError(), DaprUnavailableError),
        (aiohttp.ClientPayloadError("truncated"), DaprError),
        (DaprInternalError("state store x is not found"), DaprNotFoundError),
        (DaprInternalError("something odd"), DaprError),
    ],
)
def test_other_exceptions_map_to_typed_errors(exc: Exception, expected: type[DaprError]) -> None:
    assert type(map_exception(exc, "op")) is expected


def test_a_dapr_error_passes_through_unchanged() -> None:
    original = DaprConflictError("stale", operation="state.save")
    assert map_exception(original, "other") is original


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (400, DaprInvalidArgumentError),
        (401, DaprPermissionError),
        (404, DaprNotFoundError),
        (409, DaprConflictError),
        (412, DaprConflictError),
        (500, DaprError),
        (503, DaprUnavailableError),
        (504, DaprTimeoutError),
    ],
)
def test_sidecar_http_errors_map_by_status(status: int, expected: type[DaprError]) -> None:
    error = error_from_sidecar_status(status, "ERR_X", "boom", "health")
    assert type(error) is expected
    assert error.details["error_code"] == "ERR_X"
    assert "boom" in error.message


async def test_call_applies_the_deadline_and_maps_failures() -> None:
    client = DaprClient(DaprSettings(timeout=0.05))

    async def hangs() -> None:
        await asyncio.sleep(5)

    with pytest.raises(DaprTimeoutError):
        await client.call("state.get", hangs())

    async def fails() -> None:
        raise FakeRpcError(grpc.StatusCode.UNAVAILABLE, "sidecar gone")

    with pytest.raises(DaprUnavailableError) as caught:
        await client.call("state.get", fails())
    assert isinstance(caught.value.__cause__, FakeRpcError)

    async def answers() -> int:
        return 42

    assert await client.call("state.get", answers()) == 42


async def test_accessing_the_sdk_before_open_is_a_typed_error() -> None:
    with pytest.raises(DaprUnavailableError):
        _ = DaprClient(DaprSettings()).sdk


@pytest.mark.parametrize(
    ("code", "details", "transient", "not_applied"),
    [
        (grpc.StatusCode.UNKNOWN, INBOX_RACE, True, True),
        (grpc.StatusCode.INTERNAL, "did not find address for actor 'wf||INV-1'", True, True),
        (grpc.StatusCode.UNAVAILABLE, "failed to connect to all addresses; Connection refused", True, True),
        # UNAVAILABLE after the request went out (sidecar shutting down): it may have landed.
        (grpc.StatusCode.UNAVAILABLE, "Socket closed", True, False),
        (grpc.StatusCode.DEADLINE_EXCEEDED, "Deadline Exceeded", True, False),
        (grpc.StatusCode.INTERNAL, "disk on fire", False, False),
        (grpc.StatusCode.UNKNOWN, "no such instance exists", False, False),
        (grpc.StatusCode.ALREADY_EXISTS, "an active workflow with ID 'x' already exists", False, False),
        (grpc.StatusCode.INVALID_ARGUMENT, "invalid etag value", False, False),
    ],
)
def test_transient_and_not_applied_classification(
    code: grpc.StatusCode, details: str, transient: bool, not_applied: bool
) -> None:
    error = map_exception(FakeRpcError(code, details), "workflow.get")
    assert is_transient(error) is transient
    assert is_not_applied(error) is not_applied


def test_transient_messages_win_over_the_http_status() -> None:
    error = error_from_sidecar_status(
        404, "ERR_ACTOR_INVOKE_METHOD", "did not find address for actor 'a'", "x"
    )
    assert type(error) is DaprTransientError
    assert type(map_exception(TimeoutError(), "x")) is DaprTimeoutError
    assert is_transient(map_exception(TimeoutError(), "x"))
    assert not is_not_applied(map_exception(TimeoutError(), "x"))
