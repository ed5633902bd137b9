"""Launcher pieces that need no Dapr binaries: sidecar specs, the SDK environment, a missing runtime."""

from __future__ import annotations

from pathlib import Path

import pytest
from dapr.conf import settings
from dapr.ext.workflow.util import getAddress

from invoiceflow.runtime import stack as stack_module
from invoiceflow.runtime.errors import StackError
from invoiceflow.runtime.stack import LocalStack, RuntimeMissingError, Sidecar, SidecarSpec


def test_health_gate_defaults_to_full_without_an_app_and_outbound_with_one() -> None:
    assert SidecarSpec("workflow-only").effective_health_gate == "full"
    assert SidecarSpec("fronting", app_port=8000).effective_health_gate == "outbound"
    assert SidecarSpec("fronting", app_port=8000, health_gate="full").effective_health_gate == "full"


def test_sdk_env_is_what_the_dapr_sdk_reads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    sidecar = Sidecar("app", 41001, 41002, 41003, 41004, tmp_path / "daprd-app.log")
    monkeypatch.setenv("DAPR_GRPC_ENDPOINT", "elsewhere:1")  # a stale value from the environment

    for name, value in sidecar.sdk_env().items():
        monkeypatch.setenv(name, value)

    assert settings.DAPR_HTTP_PORT == 41001
    assert settings.DAPR_GRPC_PORT == 41002
    assert settings.DAPR_RUNTIME_HOST == "127.0.0.1"
    assert getAddress() == "127.0.0.1:41002"  # what WorkflowRuntime() and DaprWorkflowClient() dial
    assert settings.DAPR_HTTP_ENDPOINT == "http://127.0.0.1:41001"  # DaprClient()'s health check


def test_a_missing_runtime_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(stack_module, "find_runtime", lambda: None)

    with pytest.raises(RuntimeMissingError, match="scripts/dapr-runtime"):
        LocalStack(run_dir=tmp_path).start()


def test_an_unstarted_stack_has_no_endpoints(tmp_path: Path) -> None:
    stack = LocalStack(run_dir=tmp_path)
    with pytest.raises(StackError, match="not started"):
        _ = stack.placement_address
    assert stack.processes == []
    assert stack.deaths() == []
