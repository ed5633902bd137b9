"""The typed Dapr layer (``invoiceflow.dapr``) on the real sidecar: no fakes.

One module-scoped daprd (app-id ``dapr-layer-test``) joins the session stack's control plane and fronts a
small FastAPI app served by uvicorn in a thread: service invocation, subscriptions and an input binding
reach that app through daprd. Its resources are the embedded ones (sqlite state, in-memory pub/sub, local
file secrets, localstorage blobs) plus a Resiliency policy (so a RETRY is redelivered) and a cron input
binding. A ``WorkflowRuntime`` on the same sidecar hosts one small workflow for the facade tests.
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import dapr.ext.workflow as wf
import pytest
import uvicorn
import yaml
from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from invoiceflow.dapr import (
    CloudEvent,
    DaprClient,
    DaprConflictError,
    DaprInvocationError,
    DaprNotFoundError,
    DaprPermissionError,
    DaprSettings,
    DaprTimeoutError,
    DaprUnavailableError,
    Delete,
    HttpMethod,
    MessageStatus,
    SubscriptionRouter,
    Upsert,
)
from invoiceflow.dapr.bindings import BindingEvent, InputBindingRouter
from invoiceflow.dapr.health import SidecarHealth
from invoiceflow.dapr.workflow import WorkflowStatus
from invoiceflow.runtime.ports import free_ports
from invoiceflow.runtime.resources import (
    BLOBSTORE,
    PUBSUB,
    SECRETSTORE,
    STATESTORE,
    EmbeddedResources,
    write_embedded_resources,
)
from invoiceflow.runtime.stack import LocalStack, Sidecar, SidecarSpec
from invoiceflow.services.blobstore import CACHE_MAX_BLOB, DaprBindingBlobStore

pytestmark = pytest.mark.integration

APP_ID = "dapr-layer-test"
CRON_BINDING = "ticker"
SECRETS = {"api-key": "k-123", "smtp-password": "hunter2"}
WAIT = 15.0


class Greeting(BaseModel):
    text: str
    count: int


class Progress(BaseModel):
    stage: str


# ---------------------------------------------------------------- the app behind the sidecar


@dataclass
class Recorder:
    """What the app saw; written from uvicorn's thread, read from the test's."""

    events: dict[str, list[CloudEvent[Greeting]]] = field(default_factory=dict)
    attempts: Counter[str] = field(default_factory=Counter)
    ticks: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, topic: str, event: CloudEvent[Greeting]) -> None:
        with self.lock:
            self.events.setdefault(topic, []).append(event)

    def events_on(self, topic: str) -> list[CloudEvent[Greeting]]:
        with self.lock:
            return list(self.events.get(topic, []))


def build_app(recorder: Recorder) -> FastAPI:
    app = FastAPI()

    @app.post("/greet")
    async def greet(body: Greeting) -> Greeting:
        return Greeting(text=body.text.upper(), count=body.count + 1)

    @app.get("/greetings/{name}")
    async def get_greeting(name: str) -> Greeting:
        if name != "known":
            raise HTTPException(status_code=404, detail=f"no greeting {name}")
        return Greeting(text="hello", count=1)

    @app.post("/boom")
    async def boom() -> JSONResponse:
        return JSONResponse({"error": "kaput"}, status_code=503)

    @app.post("/slow")
    async def slow() -> dict[str, str]:
        await asyncio.sleep(3)
        return {"done": "late"}

    subscriptions = SubscriptionRouter(PUBSUB)

    @subscriptions.subscribe("greetings")
    async def on_greeting(event: CloudEvent[Greeting]) -> MessageStatus:
        recorder.record("greetings", event)
        return MessageStatus.SUCCESS

    @subscriptions.subscribe("flaky")
    async def on_flaky(event: CloudEvent[Greeting]) -> MessageStatus:
        with recorder.lock:
            recorder.attempts[event.id] += 1
            first = recorder.attempts[event.id] == 1
        if first:
            return MessageStatus.RETRY
        recorder.record("flaky", event)
        return MessageStatus.SUCCESS

    subscriptions.install(app)

    inputs = InputBindingRouter()

    @inputs.on(CRON_BINDING, bytes)
    async def on_tick(event: BindingEvent[bytes]) -> None:
        with recorder.lock:
            recorder.ticks += 1

    inputs.install(app)
    return app


@dataclass(frozen=True)
class LayerEnv:
    sidecar: Sidecar
    resources: EmbeddedResources
    recorder: Recorder

    @property
    def settings(self) -> DaprSettings:
        return DaprSettings(
            host=self.sidecar.host, http_port=self.sidecar.http_port, grpc_port=self.sidecar.grpc_port
        )


def _write_extra_resources(resources_dir: Path) -> None:
    resiliency = {
        "apiVersion": "dapr.io/v1alpha1",
        "kind": "Resiliency",
        "metadata": {"name": "layer-test-resiliency"},
        "spec": {
            "policies": {
                "retries": {"redeliver": {"policy": "constant", "duration": "200ms", "maxRetries": 5}}
            },
            "targets": {"components": {PUBSUB: {"inbound": {"retry": "redeliver"}}}},
        },
    }
    cron = {
        "apiVersion": "dapr.io/v1alpha1",
        "kind": "Component",
        "metadata": {"name": CRON_BINDING},
        "spec": {
            "type": "bindings.cron",
            "version": "v1",
            "metadata": [{"name": "schedule", "value": "@every 1s"}, {"name": "direction", "value": "input"}],
        },
    }
    (resources_dir / "resiliency.yaml").write_text(yaml.safe_dump(resiliency, sort_keys=False))
    (resources_dir / "cron.yaml").write_text(yaml.safe_dump(cron, sort_keys=False))


@pytest.fixture(scope="module")
def layer_env(dapr_stack_session: LocalStack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LayerEnv]:
    recorder = Recorder()
    (app_port,) = free_ports(1)
    server = uvicorn.Server(
        uvicorn.Config(build_app(recorder), host="127.0.0.1", port=app_port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, name="dapr-layer-app", daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test app behind the sidecar did not start", pytrace=False)
        time.sleep(0.02)

    resources = write_embedded_resources(tmp_path_factory.mktemp("dapr-layer"), secrets=SECRETS)
    _write_extra_resources(resources.resources_dir)
    try:
        sidecar = dapr_stack_session.add_sidecar(
            SidecarSpec(APP_ID, app_port=app_port, resources_paths=(resources.resources_dir,))
        )
    except Exception:
        server.should_exit = True
        thread.join(10)
        raise
    try:
        yield LayerEnv(sidecar, resources, recorder)
    finally:
        dapr_stack_session.remove_sidecar(APP_ID)
        server.should_exit = True
        thread.join(10)


@pytest.fixture
async def dapr(dapr_stack: LocalStack, layer_env: LayerEnv) -> AsyncIterator[DaprClient]:
    async with DaprClient(layer_env.settings) as client:
        yield client


async def _eventually(predicate: Any, timeout: float = WAIT, interval: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"condition not met within {timeout} s", pytrace=False)
        await asyncio.sleep(interval)


def _key(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


# ---------------------------------------------------------------- health


async def test_health_reports_the_sidecar_ready_and_a_dead_port_times_out(layer_env: LayerEnv) -> None:
    health = SidecarHealth(layer_env.sidecar.http_endpoint)
    try:
        status = await health.status()
        assert status.healthy, status.detail
        assert status.outbound_healthy, status.detail
        assert await health.wait_until_ready(timeout=5) < 1.0
    finally:
        await health.close()

    (unused_port,) = free_ports(1)
    dead = SidecarHealth(f"http://127.0.0.1:{unused_port}")
    try:
        assert not await dead.outbound()
        started = time.monotonic()
        with pytest.raises(DaprTimeoutError):
            await dead.wait_until_ready(timeout=0.5)
        assert time.monotonic() - started < 3
    finally:
        await dead.close()


# ---------------------------------------------------------------- state


async def test_state_round_trip_with_etag_first_write_wins(dapr: DaprClient) -> None:
    state = dapr.state(STATESTORE)
    key = _key("greeting")

    await state.save(key, Greeting(text="hi", count=1))
    first = await state.get(key, Greeting)
    assert first is not None
    assert first.value == Greeting(text="hi", count=1)
    assert first.etag

    await state.save(key, Greeting(text="hi", count=2), etag=first.etag)
    second = await state.get(key, Greeting)
    assert second is not None
    assert second.value.count == 2
    assert second.etag != first.etag

    with pytest.raises(DaprConflictError):
        await state.save(key, Greeting(text="stale", count=99), etag=first.etag)
    with pytest.raises(DaprConflictError):
        await state.delete(key, etag=first.etag)
    still = await state.get(key, Greeting)
    assert still is not None
    assert still.value.count == 2

    await state.delete(key, etag=second.etag)
    assert await state.get(key, Greeting) is None


async def test_state_ttl_expires(dapr: DaprClient) -> None:
    state = dapr.state(STATESTORE)
    key = _key("ttl")
    await state.save(key, {"short": "lived"}, ttl_seconds=1)
    assert await state.get(key, dict[str, str]) is not None

    deadline = time.monotonic() + 5
    while await state.get(key, dict[str, str]) is not None:
        assert time.monotonic() < deadline, "value with a 1 s TTL still there after 5 s"
        await asyncio.sleep(0.2)


async def test_transaction_then_bulk_get(dapr: DaprClient) -> None:
    state = dapr.state(STATESTORE)
    a, b, gone, missing = _key("a"), _key("b"), _key("gone"), _key("missing")
    await state.save(gone, Greeting(text="bye", count=0))

    await state.transaction(
        [Upsert(a, Greeting(text="a", count=1)), Upsert(b, Greeting(text="b", count=2)), Delete(gone)]
    )
    found = await state.get_bulk([a, b, gone, missing], Greeting)

    assert list(found) == [a, b, gone, missing]
    assert found[a] is not None
    assert found[a].value == Greeting(text="a", count=1)
    assert found[b] is not None
    assert found[b].value.count == 2
    assert found[b].etag
    assert found[gone] is None
    assert found[missing] is None


async def test_transaction_with_a_stale_etag_is_rejected_as_a_whole_on_sqlite(dapr: DaprClient) -> None:
    state = dapr.state(STATESTORE)
    guarded, other = _key("guarded"), _key("other")
    await state.save(guarded, Greeting(text="v1", count=1))
    v1 = await state.get(guarded, Greeting)
    assert v1 is not None
    await state.save(guarded, Greeting(text="v2", count=2))

    with pytest.raises(DaprConflictError):
        await state.transaction(
            [
                Upsert(other, Greeting(text="side effect", count=0)),
                Upsert(guarded, Greeting(text="v3", count=3), etag=v1.etag),
            ]
        )
    # state.sqlite runs the operations in one SQL transaction (unlike state.redis, see dapr-runtime.md).
    assert await state.get(other, Greeting) is None
    current = await state.get(guarded, Greeting)
    assert current is not None
    assert current.value.text == "v2"


# ---------------------------------------------------------------- pub/sub


async def test_publish_reaches_the_subscriber_as_a_typed_cloud_event(
    dapr: DaprClient, layer_env: LayerEnv
) -> None:
    event_id = _key("evt")
    await dapr.pubsub(PUBSUB).publish(
        "greetings",
        Greeting(text="published", count=7),
        event_id=event_id,
        event_type="com.invoiceflow.greeting.v1",
        source="dapr-layer-test",
    )

    def delivered() -> list[CloudEvent[Greeting]]:
        return [e for e in layer_env.recorder.events_on("greetings") if e.id == event_id]

    await _eventually(lambda: bool(delivered()))
    (event,) = delivered()
    assert event.data == Greeting(text="published", count=7)
    assert event.type == "com.invoiceflow.greeting.v1"
    assert event.source == "dapr-layer-test"
    assert event.topic == "greetings"
    assert event.pubsubname == PUBSUB
    assert event.datacontenttype == "application/json"


async def test_a_retry_answer_is_redelivered(dapr: DaprClient, layer_env: LayerEnv) -> None:
    event_id = _key("flaky")
    await dapr.pubsub(PUBSUB).publish("flaky", Greeting(text="again", count=1), event_id=event_id)

    await _eventually(lambda: any(e.id == event_id for e in layer_env.recorder.events_on("flaky")))
    with layer_env.recorder.lock:
        assert layer_env.recorder.attempts[event_id] == 2


# ---------------------------------------------------------------- secrets and bindings


async def test_secrets_from_the_local_file_store(dapr: DaprClient) -> None:
    secrets = dapr.secrets(SECRETSTORE)
    assert await secrets.get_value("api-key") == "k-123"
    every = {secret.name: secret.value for secret in await secrets.get_all()}
    assert every == SECRETS
    with pytest.raises(DaprNotFoundError):
        await secrets.get("no-such-secret")


async def test_localstorage_output_binding_write_read_delete(dapr: DaprClient, layer_env: LayerEnv) -> None:
    bindings = dapr.bindings()
    name = f"{_key('blob')}.bin"
    payload = bytes(range(256)) * 4

    await bindings.invoke(BLOBSTORE, "create", payload, metadata={"fileName": name})
    assert (layer_env.resources.blob_root / name).read_bytes() == payload

    read = await bindings.invoke(BLOBSTORE, "get", metadata={"fileName": name})
    assert read.data == payload

    await bindings.invoke(BLOBSTORE, "delete", metadata={"fileName": name})
    assert not (layer_env.resources.blob_root / name).exists()
    with pytest.raises(DaprNotFoundError):
        await bindings.invoke(BLOBSTORE, "get", metadata={"fileName": name})


async def test_blob_store_keeps_small_blobs_it_wrote_and_reads_the_others_through_the_binding(
    dapr: DaprClient, layer_env: LayerEnv
) -> None:
    """Keys name immutable bytes: a page blob this process wrote is served from memory (the embedded
    mode's extract and aggregate routes run where split and extract wrote); a blob written by another
    process, or too big to keep, is read through the binding."""
    loop = asyncio.get_running_loop()
    writer = DaprBindingBlobStore(dapr.bindings(), BLOBSTORE, loop=loop)
    small, big = f"{_key('page')}.pdf", f"{_key('whole')}.pdf"
    await writer.aput(small, b"%PDF page")
    await writer.aput(big, b"x" * (CACHE_MAX_BLOB + 1))
    on_disk = layer_env.resources.blob_root / small
    assert on_disk.read_bytes() == b"%PDF page"  # written through the binding all the same

    on_disk.write_bytes(b"%PDF changed behind its back")  # never done for real: shows where reads go
    assert await writer.aget(small) == b"%PDF page"
    reader = DaprBindingBlobStore(dapr.bindings(), BLOBSTORE, loop=loop)  # another process's view
    assert await reader.aget(small) == b"%PDF changed behind its back"
    (layer_env.resources.blob_root / big).write_bytes(b"y")
    assert await writer.aget(big) == b"y"


async def test_input_binding_handler_receives_cron_events(layer_env: LayerEnv) -> None:
    with layer_env.recorder.lock:
        before = layer_env.recorder.ticks
    await _eventually(lambda: layer_env.recorder.ticks > before, timeout=5)


# ---------------------------------------------------------------- service invocation


async def test_invoke_with_models_in_and_out(dapr: DaprClient) -> None:
    invoker = dapr.invoker()
    answer = await invoker.invoke(APP_ID, "greet", Greeting(text="hi", count=1), response_model=Greeting)
    assert answer == Greeting(text="HI", count=2)

    known = await invoker.invoke(
        APP_ID, "greetings/known", http_method=HttpMethod.GET, response_model=Greeting
    )
    assert known == Greeting(text="hello", count=1)


async def test_invoke_maps_callee_errors_and_timeouts(dapr: DaprClient) -> None:
    invoker = dapr.invoker()

    with pytest.raises(DaprInvocationError) as not_found:
        await invoker.invoke(APP_ID, "greetings/unknown", http_method=HttpMethod.GET)
    assert not_found.value.status_code == 404
    assert not_found.value.is_client_error
    assert not_found.value.json() == {"detail": "no greeting unknown"}

    with pytest.raises(DaprInvocationError) as unavailable:
        await invoker.invoke(APP_ID, "boom")
    assert unavailable.value.status_code == 503
    assert unavailable.value.json() == {"error": "kaput"}

    with pytest.raises(DaprTimeoutError):
        await invoker.invoke(APP_ID, "slow", timeout=0.5)

    with pytest.raises(DaprUnavailableError):
        await invoker.invoke("no-such-app", "greet", Greeting(text="x", count=0), timeout=10)


# ---------------------------------------------------------------- workflow facade

PROCEED_EVENT = "proceed"


def shout(ctx: wf.WorkflowActivityContext, greeting: dict[str, Any]) -> dict[str, Any]:
    return {"text": str(greeting["text"]).upper() + "!", "count": int(greeting["count"]) + 1}


def greet_after_event(ctx: wf.DaprWorkflowContext, greeting: dict[str, Any]) -> Any:
    ctx.set_custom_status(Progress(stage="waiting").model_dump_json())
    extra = yield ctx.wait_for_external_event(PROCEED_EVENT)
    ctx.set_custom_status(Progress(stage="shouting").model_dump_json())
    result = yield ctx.call_activity(shout, input={**greeting, "count": greeting["count"] + extra["bonus"]})
    ctx.set_custom_status(Progress(stage="done").model_dump_json())
    return result


@pytest.fixture(scope="module")
def workflow_worker(layer_env: LayerEnv) -> Iterator[None]:
    runtime = wf.WorkflowRuntime(host=layer_env.sidecar.host, port=str(layer_env.sidecar.grpc_port))
    runtime.register_activity(shout)
    runtime.register_workflow(greet_after_event)
    runtime.start()
    try:
        yield
    finally:
        runtime.shutdown()


async def _wait_status(dapr: DaprClient, instance_id: str, status: WorkflowStatus) -> None:
    workflows = dapr.workflows()

    async def reached() -> bool:
        instance = await workflows.get(instance_id)
        return instance is not None and instance.status == status

    deadline = time.monotonic() + WAIT
    while not await reached():
        assert time.monotonic() < deadline, f"{instance_id} did not reach {status}"
        await asyncio.sleep(0.05)


async def test_workflow_start_get_pause_resume_raise_history_list_purge(
    dapr: DaprClient, workflow_worker: None
) -> None:
    workflows = dapr.workflows()
    instance_id = _key("wf")

    started_id = await workflows.start(
        greet_after_event, Greeting(text="hey", count=1), instance_id=instance_id
    )
    assert started_id == instance_id
    started = await workflows.wait_for_start(instance_id, timeout=WAIT)
    assert started.status in {WorkflowStatus.RUNNING, WorkflowStatus.COMPLETED}
    assert started.input_as(Greeting) == Greeting(text="hey", count=1)

    with pytest.raises(DaprConflictError):
        await workflows.start(greet_after_event, Greeting(text="dup", count=0), instance_id=instance_id)

    await workflows.pause(instance_id)
    await _wait_status(dapr, instance_id, WorkflowStatus.SUSPENDED)
    await workflows.resume(instance_id)
    await _wait_status(dapr, instance_id, WorkflowStatus.RUNNING)
    running = await workflows.require(instance_id)
    assert running.custom_status_as(Progress) == Progress(stage="waiting")

    await workflows.raise_event(instance_id, PROCEED_EVENT, {"bonus": 10})
    done = await workflows.wait_for_completion(instance_id, timeout=WAIT)
    assert done.status == WorkflowStatus.COMPLETED, done.failure
    assert done.output_as(Greeting) == Greeting(text="HEY!", count=12)
    assert done.custom_status_as(Progress) == Progress(stage="done")
    assert done.name == "greet_after_event"

    history = await workflows.history(instance_id)
    types = [event.event_type for event in history]
    assert "EXECUTION_STARTED" in types
    assert "EVENT_RAISED" in types
    assert "EXECUTION_SUSPENDED" in types
    assert "TASK_COMPLETED" in types
    assert types.index("EVENT_RAISED") < types.index("TASK_COMPLETED")
    assert [e.name for e in history if e.event_type == "TASK_SCHEDULED"] == ["shout"]

    assert instance_id in [i async for i in workflows.iter_instance_ids()]

    await workflows.purge(instance_id)
    assert await workflows.get(instance_id) is None
    with pytest.raises(DaprNotFoundError):
        await workflows.require(instance_id)


async def test_workflow_terminate(dapr: DaprClient, workflow_worker: None) -> None:
    workflows = dapr.workflows()
    instance_id = await workflows.start(
        "greet_after_event", {"text": "t", "count": 0}, instance_id=_key("term")
    )
    await workflows.wait_for_start(instance_id, timeout=WAIT)

    await workflows.terminate(instance_id, output={"reason": "test"})
    final = await workflows.wait_for_completion(instance_id, timeout=WAIT)
    assert final.status == WorkflowStatus.TERMINATED
    assert final.output_as(dict[str, str]) == {"reason": "test"}
    await workflows.purge(instance_id)
    assert await workflows.get(instance_id) is None


# ---------------------------------------------------------------- API token


async def test_api_token_is_sent_on_grpc_and_http_and_a_wrong_one_is_refused(
    dapr_stack: LocalStack, layer_env: LayerEnv
) -> None:
    token = uuid.uuid4().hex
    app_id = "dapr-layer-token-test"
    sidecar = dapr_stack.add_sidecar(
        SidecarSpec(
            app_id, resources_paths=(layer_env.resources.resources_dir,), env={"DAPR_API_TOKEN": token}
        )
    )
    try:
        settings = DaprSettings(
            host=sidecar.host, http_port=sidecar.http_port, grpc_port=sidecar.grpc_port, api_token=token
        )
        async with DaprClient(settings) as good:
            await good.state(STATESTORE).save("token-key", Greeting(text="t", count=1))  # gRPC
            entry = await good.state(STATESTORE).get("token-key", Greeting)
            assert entry is not None
            # HTTP (service invocation through this sidecar to the layer test app)
            answer = await good.invoker().invoke(
                APP_ID, "greet", Greeting(text="x", count=0), response_model=Greeting
            )
            assert answer.text == "X"

        wrong = DaprSettings(
            host=sidecar.host, http_port=sidecar.http_port, grpc_port=sidecar.grpc_port, api_token="wrong"
        )
        async with DaprClient(wrong) as bad:
            with pytest.raises(DaprPermissionError):
                await bad.state(STATESTORE).get("token-key", Greeting)
            with pytest.raises(DaprPermissionError):
                await bad.invoker().invoke(APP_ID, "greet", Greeting(text="x", count=0))
    finally:
        dapr_stack.remove_sidecar(app_id)
