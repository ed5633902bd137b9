"""Argument building of the Dapr layer against a recording fake of the SDK client (no sidecar)."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import grpc
import pytest
from dapr.clients.grpc._request import TransactionOperationType
from dapr.clients.grpc._state import Concurrency
from pydantic import BaseModel

from invoiceflow.dapr.client import DaprClient, DaprSettings, sdk_settings_for
from invoiceflow.dapr.errors import (
    DaprError,
    DaprNotFoundError,
    DaprTimeoutError,
    DaprTransientError,
    DaprUnavailableError,
)
from invoiceflow.dapr.pubsub import build_publish_metadata
from invoiceflow.dapr.state import Delete, Upsert
from invoiceflow.dapr.workflow import (
    RetryPolicy,
    WorkflowManager,
    WorkflowStatus,
    history_event_from_sdk,
    instance_from_sdk,
)


class Invoice(BaseModel):
    number: str
    total: float


@dataclass
class RecordingSdk:
    """Records every SDK call; answers with canned responses."""

    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        async def method(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, args, kwargs))
            return self.answers.get(name)

        return method


def open_client(sdk: RecordingSdk) -> DaprClient:
    client = DaprClient(DaprSettings())
    client._sdk = sdk  # the fake stands in for dapr.aio.clients.DaprClient
    return client


async def test_save_with_etag_uses_first_write_and_ttl_metadata() -> None:
    sdk = RecordingSdk()
    state = open_client(sdk).state("statestore")

    await state.save("inv-1", Invoice(number="A1", total=12.5), etag="e1", ttl_seconds=30)
    await state.save("inv-2", {"plain": True})

    (name, args, kwargs), (_, _args2, kwargs2) = sdk.calls
    assert name == "save_state"
    assert args[:2] == ("statestore", "inv-1")
    assert json.loads(args[2]) == {"number": "A1", "total": 12.5}
    assert kwargs["etag"] == "e1"
    assert kwargs["options"].concurrency is Concurrency.first_write
    assert kwargs["state_metadata"] == {"ttlInSeconds": "30"}
    assert kwargs2["etag"] is None
    assert kwargs2["options"] is None
    assert kwargs2["state_metadata"] == {}


async def test_ttl_must_be_positive() -> None:
    state = open_client(RecordingSdk()).state("statestore")
    with pytest.raises(ValueError, match="ttl"):
        await state.save("k", 1, ttl_seconds=0)


async def test_get_decodes_into_the_requested_type_and_missing_is_none() -> None:
    sdk = RecordingSdk(answers={"get_state": SimpleNamespace(data=b'{"number":"A1","total":3}', etag="7")})
    state = open_client(sdk).state("statestore")
    entry = await state.get("inv-1", Invoice)
    assert entry is not None
    assert entry.value == Invoice(number="A1", total=3)
    assert entry.etag == "7"

    sdk.answers["get_state"] = SimpleNamespace(data=b"", etag="")
    assert await state.get("absent", Invoice) is None


async def test_bulk_get_keeps_key_order_and_raises_on_item_errors() -> None:
    items = [
        SimpleNamespace(key="b", data=b'{"number":"B","total":2}', etag="2", error=""),
        SimpleNamespace(key="a", data=b"", etag="", error=""),
    ]
    sdk = RecordingSdk(answers={"get_bulk_state": SimpleNamespace(items=items)})
    state = open_client(sdk).state("statestore")

    found = await state.get_bulk(["a", "b"], Invoice)
    assert list(found) == ["a", "b"]
    assert found["a"] is None
    assert found["b"] is not None
    assert found["b"].value.number == "B"

    sdk.answers["get_bulk_state"] = SimpleNamespace(
        items=[SimpleNamespace(key="a", data=b"", etag="", error="store exploded")]
    )
    with pytest.raises(DaprError, match="store exploded"):
        await state.get_bulk(["a"], Invoice)


async def test_transaction_builds_upserts_and_deletes() -> None:
    sdk = RecordingSdk()
    state = open_client(sdk).state("statestore")
    await state.transaction(
        [Upsert("a", Invoice(number="A", total=1), etag="e", ttl_seconds=5), Delete("b", etag="f")]
    )
    (name, args, _kwargs) = sdk.calls[0]
    assert name == "execute_state_transaction"
    upsert, delete = args[1]
    assert (upsert.key, upsert.etag, upsert.operation_type) == ("a", "e", TransactionOperationType.upsert)
    assert json.loads(upsert.data) == {"number": "A", "total": 1.0}
    assert upsert.metadata == {"ttlInSeconds": "5"}
    assert (delete.key, delete.etag, delete.operation_type) == ("b", "f", TransactionOperationType.delete)


async def test_publish_sends_json_with_cloudevent_overrides() -> None:
    sdk = RecordingSdk()
    await (
        open_client(sdk)
        .pubsub("pubsub")
        .publish(
            "invoice.processed",
            Invoice(number="A", total=1),
            event_id="id-1",
            event_type="t.v1",
            ttl_seconds=60,
        )
    )
    name, args, kwargs = sdk.calls[0]
    assert name == "publish_event"
    assert args[:2] == ("pubsub", "invoice.processed")
    assert json.loads(args[2]) == {"number": "A", "total": 1.0}
    assert kwargs["data_content_type"] == "application/json"
    assert kwargs["publish_metadata"] == {
        "cloudevent.id": "id-1",
        "cloudevent.type": "t.v1",
        "ttlInSeconds": "60",
    }


def test_publish_metadata_keeps_caller_keys() -> None:
    assert build_publish_metadata(source="svc", metadata={"rawPayload": "false"}) == {
        "rawPayload": "false",
        "cloudevent.source": "svc",
    }


async def test_output_binding_payloads_and_result() -> None:
    sdk = RecordingSdk(
        answers={"invoke_binding": SimpleNamespace(data=b"[1,2]", binding_metadata={"k": "v"})}
    )
    bindings = open_client(sdk).bindings()

    result = await bindings.invoke("blobstore", "create", b"\x00\x01", metadata={"fileName": "x"})
    await bindings.invoke("blobstore", "create", Invoice(number="A", total=1))
    await bindings.invoke("blobstore", "list")

    assert result.json_as(list[int]) == [1, 2]
    assert result.metadata == {"k": "v"}
    payloads = [call[1][2] for call in sdk.calls]
    assert payloads[0] == b"\x00\x01"
    assert json.loads(payloads[1]) == {"number": "A", "total": 1.0}
    assert payloads[2] == b""
    assert sdk.calls[0][2]["binding_metadata"] == {"fileName": "x"}


async def test_secret_with_no_values_is_not_found() -> None:
    from invoiceflow.dapr.errors import DaprNotFoundError

    sdk = RecordingSdk(answers={"get_secret": SimpleNamespace(secret={})})
    with pytest.raises(DaprNotFoundError):
        await open_client(sdk).secrets("secretstore").get("absent")


def test_workflow_state_becomes_a_typed_snapshot() -> None:
    sdk_state = SimpleNamespace(
        instance_id="i-1",
        name="invoice_workflow",
        runtime_status=SimpleNamespace(name="SUSPENDED"),
        created_at=datetime(2026, 1, 1),
        last_updated_at=datetime(2026, 1, 2),
        serialized_input='{"number":"A","total":2}',
        serialized_output=None,
        serialized_custom_status='{"done": 1, "total": 3}',
        failure_details=SimpleNamespace(message="boom", error_type="RuntimeError", stack_trace=""),
    )
    instance = instance_from_sdk(sdk_state)
    assert instance.status is WorkflowStatus.SUSPENDED
    assert not instance.is_terminal
    assert instance.input_as(Invoice) == Invoice(number="A", total=2)
    assert instance.output_as(Invoice) is None
    assert instance.custom_status_as(dict[str, int]) == {"done": 1, "total": 3}
    assert instance.failure is not None
    assert instance.failure.stack_trace is None

    sdk_state.runtime_status = SimpleNamespace(name="SOMETHING_NEW")
    assert instance_from_sdk(sdk_state).status is WorkflowStatus.UNKNOWN


def test_history_event_without_an_id() -> None:
    event = SimpleNamespace(
        event_id=-1,
        timestamp=datetime(2026, 1, 1),
        event_type=SimpleNamespace(name="TIMER_FIRED"),
        name=None,
        task_scheduled_id=None,
        failure_details=None,
    )
    converted = history_event_from_sdk(event)
    assert converted.event_id is None
    assert converted.event_type == "TIMER_FIRED"


def test_settings_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DAPR_HTTP_PORT", "3601")
    monkeypatch.setenv("DAPR_GRPC_PORT", "50011")
    monkeypatch.setenv("DAPR_API_TOKEN", "tok")
    monkeypatch.setenv("DAPR_API_TIMEOUT_SECONDS", "2.5")
    settings = DaprSettings.from_env(invoke_timeout=5)
    assert settings.http_endpoint == "http://127.0.0.1:3601"
    assert settings.grpc_address == "127.0.0.1:50011"
    assert settings.auth_headers() == {"dapr-api-token": "tok"}
    assert settings.timeout == 2.5
    assert settings.invoke_timeout == 5
    assert "tok" not in repr(settings)


def test_sdk_settings_are_overridden_only_while_constructing(monkeypatch: pytest.MonkeyPatch) -> None:
    from dapr.conf import settings as sdk_settings

    monkeypatch.setenv("DAPR_API_TOKEN", "from-env")
    with sdk_settings_for(DaprSettings(http_port=3999, api_token="mine")):
        assert sdk_settings.DAPR_API_TOKEN == "mine"
        assert sdk_settings.DAPR_HTTP_ENDPOINT == "http://127.0.0.1:3999"
    assert sdk_settings.DAPR_API_TOKEN == "from-env"
    assert "DAPR_HTTP_ENDPOINT" not in sdk_settings.__dict__


# ------------------------------------------------------------------ workflow management retries


class RpcError(grpc.RpcError):
    """What the SDK raises: grpc.aio.AioRpcError's code()/details()."""

    def __init__(self, code: grpc.StatusCode, details: str) -> None:
        super().__init__(details)
        self._code, self._details = code, details

    def code(self) -> grpc.StatusCode:
        return self._code

    def details(self) -> str:
        return self._details


INBOX_RACE = RpcError(
    grpc.StatusCode.UNKNOWN,
    "workflow 'INV-1': inbox key 'inbox-000000' declared in metadata (inboxLength=1) but missing from state "
    "store (transient store read failure or partial save?)",
)
ACTOR_NOT_PLACED = RpcError(grpc.StatusCode.INTERNAL, "did not find address for actor 'wf||INV-1'")
REFUSED = RpcError(grpc.StatusCode.UNAVAILABLE, "failed to connect to all addresses; Connection refused")
SOCKET_CLOSED = RpcError(grpc.StatusCode.UNAVAILABLE, "Socket closed")
DEADLINE = RpcError(grpc.StatusCode.DEADLINE_EXCEEDED, "Deadline Exceeded")
BROKEN = RpcError(grpc.StatusCode.INTERNAL, "disk on fire")
FAST = RetryPolicy(budget_seconds=2.0, first_delay=0.001, max_delay=0.005)


@dataclass
class ScriptedWorkflowSdk:
    """Stands in for the SDK's async DaprWorkflowClient: each method first raises the scripted failures
    (in order), then answers; every attempt is recorded."""

    failures: dict[str, list[BaseException]] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)

    def __getattr__(self, name: str) -> Any:
        async def method(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(name)
            pending = self.failures.get(name, [])
            if pending:
                raise pending.pop(0)
            return self.answers.get(name)

        return method


def manager_with(sdk: ScriptedWorkflowSdk, policy: RetryPolicy = FAST) -> WorkflowManager:
    manager = WorkflowManager(DaprClient(DaprSettings()), retry=policy)
    manager._sdk = sdk  # the fake stands in for dapr.ext.workflow.aio.DaprWorkflowClient
    return manager


def sdk_state(status: str = "SUSPENDED") -> SimpleNamespace:
    return SimpleNamespace(
        instance_id="INV-1",
        name="invoice_workflow_v2",
        runtime_status=SimpleNamespace(name=status),
        created_at=datetime(2026, 1, 1),
        last_updated_at=datetime(2026, 1, 1),
        serialized_input=None,
        serialized_output=None,
        serialized_custom_status=None,
        failure_details=None,
    )


async def test_get_retries_a_read_that_raced_the_save() -> None:
    sdk = ScriptedWorkflowSdk(
        failures={"get_workflow_state": [INBOX_RACE, ACTOR_NOT_PLACED]},
        answers={"get_workflow_state": sdk_state()},
    )
    instance = await manager_with(sdk).get("INV-1")
    assert instance is not None
    assert instance.status is WorkflowStatus.SUSPENDED
    assert sdk.calls == ["get_workflow_state"] * 3


@pytest.mark.parametrize("failure", [INBOX_RACE, ACTOR_NOT_PLACED, REFUSED, SOCKET_CLOSED, DEADLINE])
@pytest.mark.parametrize("method", ["pause", "resume", "terminate"])
async def test_repeatable_lifecycle_calls_retry_every_transient_failure(
    method: str, failure: BaseException
) -> None:
    sdk_method = f"{method}_workflow"
    sdk = ScriptedWorkflowSdk(failures={sdk_method: [failure]})
    await getattr(manager_with(sdk), method)("INV-1")
    assert sdk.calls == [sdk_method, sdk_method]


@pytest.mark.parametrize("failure", [INBOX_RACE, ACTOR_NOT_PLACED, REFUSED])
async def test_raise_event_is_resent_only_when_the_first_did_not_land(failure: BaseException) -> None:
    sdk = ScriptedWorkflowSdk(failures={"raise_workflow_event": [failure]})
    await manager_with(sdk).raise_event("INV-1", "review", {"action": "approve"})
    assert sdk.calls == ["raise_workflow_event", "raise_workflow_event"]


@pytest.mark.parametrize(
    ("failure", "expected"), [(DEADLINE, DaprTimeoutError), (SOCKET_CLOSED, DaprUnavailableError)]
)
async def test_raise_event_is_not_resent_when_it_may_have_landed(
    failure: BaseException, expected: type[DaprError]
) -> None:
    # A timeout or a dropped connection after sending: the event may be in the inbox already, and a
    # second copy would be taken by the next wait for the same event name.
    sdk = ScriptedWorkflowSdk(failures={"raise_workflow_event": [failure]})
    with pytest.raises(expected):
        await manager_with(sdk).raise_event("INV-1", "review", {"action": "approve"})
    assert sdk.calls == ["raise_workflow_event"]


async def test_calls_that_must_not_land_twice_do_not_retry_a_timeout() -> None:
    sdk = ScriptedWorkflowSdk(failures={"schedule_new_workflow": [DEADLINE], "purge_workflow": [DEADLINE]})
    manager = manager_with(sdk)
    with pytest.raises(DaprTimeoutError):
        await manager.start("invoice_workflow", {"x": 1}, instance_id="INV-1")
    with pytest.raises(DaprTimeoutError):
        await manager.purge("INV-1")
    assert sdk.calls == ["schedule_new_workflow", "purge_workflow"]


async def test_start_retries_a_refused_connection() -> None:
    sdk = ScriptedWorkflowSdk(
        failures={"schedule_new_workflow": [REFUSED]}, answers={"schedule_new_workflow": "INV-1"}
    )
    assert await manager_with(sdk).start("invoice_workflow", instance_id="INV-1") == "INV-1"
    assert sdk.calls == ["schedule_new_workflow"] * 2


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (BROKEN, DaprError),
        (RpcError(grpc.StatusCode.UNKNOWN, "no such instance exists"), DaprNotFoundError),
    ],
)
async def test_permanent_failures_are_not_retried(failure: BaseException, expected: type[DaprError]) -> None:
    sdk = ScriptedWorkflowSdk(failures={"resume_workflow": [failure]})
    with pytest.raises(expected) as caught:
        await manager_with(sdk).resume("INV-1")
    assert type(caught.value) is expected
    assert caught.value.details["attempts"] == 1
    assert sdk.calls == ["resume_workflow"]


async def test_retries_stop_when_the_budget_is_spent() -> None:
    sdk = ScriptedWorkflowSdk(failures={"get_workflow_state": [INBOX_RACE] * 1000})
    policy = RetryPolicy(budget_seconds=0.2, first_delay=0.01, max_delay=0.05)
    loop = asyncio.get_running_loop()
    began = loop.time()
    with pytest.raises(DaprTransientError) as caught:
        await manager_with(sdk, policy).get("INV-1")
    elapsed = loop.time() - began
    assert 0.1 <= elapsed < 1.0
    attempts = caught.value.details["attempts"]
    assert 3 <= attempts == len(sdk.calls) < 20
    assert caught.value.operation == "workflow.get"
