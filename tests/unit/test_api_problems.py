"""The REST API's problem JSON for failed Dapr calls and unexpected errors (the handlers of
``workflow/api.py`` on a bare FastAPI app; the errors come from the real error mapping)."""

from __future__ import annotations

import logging

import grpc
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from invoiceflow.dapr.errors import map_exception
from invoiceflow.workflow.api import install_api


class RpcError(grpc.RpcError):
    def __init__(self, code: grpc.StatusCode, details: str) -> None:
        super().__init__(details)
        self._code, self._details = code, details

    def code(self) -> grpc.StatusCode:
        return self._code

    def details(self) -> str:
        return self._details


INBOX_RACE = (
    "workflow 'INV-1': inbox key 'inbox-000000' declared in metadata (inboxLength=1) but missing from state "
    "store (transient store read failure or partial save?)"
)


def client_raising(exc: BaseException) -> TestClient:
    app = FastAPI()
    install_api(app)

    @app.post("/api/invoices/{instance_id}/boom")
    async def boom(instance_id: str) -> None:
        raise exc

    return TestClient(app, raise_server_exceptions=False)


def test_a_transient_failure_that_outlasted_the_retries_is_503_with_its_dapr_code(
    caplog: pytest.LogCaptureFixture,
) -> None:
    error = map_exception(RpcError(grpc.StatusCode.UNKNOWN, INBOX_RACE), "workflow.resume")
    error.details["attempts"] = 9
    with caplog.at_level(logging.WARNING, logger="invoiceflow"):
        response = client_raising(error).post("/api/invoices/INV-1/boom")
    assert response.status_code == 503
    assert response.headers["retry-after"] == "1"
    body = response.json()
    assert body["code"] == "DAPR_UNAVAILABLE"
    assert INBOX_RACE in body["detail"]
    assert body["details"] == {
        "error_type": "DaprTransientError",
        "operation": "workflow.resume",
        "grpc_code": "UNKNOWN",
        "attempts": 9,
    }
    logged = caplog.text
    assert "INV-1" in logged
    assert "workflow.resume" in logged


def test_an_unknown_dapr_failure_is_500_with_the_runtime_code_and_message() -> None:
    error = map_exception(RpcError(grpc.StatusCode.INTERNAL, "disk on fire"), "workflow.pause")
    response = client_raising(error).post("/api/invoices/INV-2/boom")
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == "INTERNAL"
    assert "disk on fire" in body["detail"]
    assert body["details"]["grpc_code"] == "INTERNAL"
    assert body["details"]["operation"] == "workflow.pause"


def test_an_unexpected_exception_is_problem_json_and_logged_with_the_instance(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.ERROR, logger="invoiceflow"):
        response = client_raising(KeyError("name")).post("/api/invoices/INV-3/boom")
    assert response.status_code == 500
    body = response.json()
    assert body["code"] == "INTERNAL"
    assert body["detail"] == "KeyError: 'name'"
    assert body["details"] == {"error_type": "KeyError"}
    assert "INV-3" in caplog.text
    assert "Traceback" in caplog.text
