"""Service invocation (aiohttp against a local fake of daprd's HTTP API) and error classification, and the
subscription / input-binding routes (a real FastAPI app driven by its TestClient)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel

from invoiceflow.dapr.bindings import BindingEvent, InputBindingRouter
from invoiceflow.dapr.client import DaprClient, DaprSettings
from invoiceflow.dapr.errors import (
    DaprError,
    DaprInvocationError,
    DaprNotFoundError,
    DaprPermissionError,
    DaprTimeoutError,
    DaprUnavailableError,
)
from invoiceflow.dapr.invoke import HttpMethod, invocation_error
from invoiceflow.dapr.pubsub import CloudEvent, MessageStatus, SubscriptionRouter
from invoiceflow.runtime.ports import free_ports


class Page(BaseModel):
    number: int


@asynccontextmanager
async def fake_sidecar(
    handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
) -> AsyncIterator[DaprClient]:
    """A local aiohttp server standing in for daprd's HTTP API, and a DaprClient whose pool points at it."""
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handler)
    async with TestServer(app, host="127.0.0.1") as server:
        client = DaprClient(DaprSettings(http_port=server.port or 0))
        client._http = aiohttp.ClientSession(base_url=str(server.make_url("/")))
        try:
            yield client
        finally:
            await client._http.close()


async def test_invoke_builds_the_sidecar_request_and_decodes_the_model() -> None:
    seen: list[tuple[str, str, dict[str, str], str, bytes]] = []

    async def handle(request: web.Request) -> web.Response:
        seen.append(
            (request.method, request.path, dict(request.query), request.content_type, await request.read())
        )
        return web.json_response({"number": 3})

    async with fake_sidecar(handle) as dapr:
        invoker = dapr.invoker()
        page = await invoker.invoke("split-service", "split", Page(number=1), response_model=Page)
        raw = await invoker.invoke("split-service", "/pages", http_method=HttpMethod.GET, params={"n": "2"})

    assert page == Page(number=3)
    assert raw.status_code == 200
    assert raw.json_as(Page) == Page(number=3)
    post, get = seen
    assert post == (
        "POST",
        "/v1.0/invoke/split-service/method/split",
        {},
        "application/json",
        b'{"number":1}',
    )
    assert get[:3] == ("GET", "/v1.0/invoke/split-service/method/pages", {"n": "2"})
    assert get[4] == b""


async def test_invoke_timeout_and_unreachable_sidecar_are_typed() -> None:
    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(2)
        return web.json_response({})

    async with fake_sidecar(slow) as dapr:
        with pytest.raises(DaprTimeoutError):
            await dapr.invoker().invoke("a", "b", timeout=0.2)

    (unused_port,) = free_ports(1)
    client = DaprClient(DaprSettings(http_port=unused_port))
    client._http = aiohttp.ClientSession(base_url=f"http://127.0.0.1:{unused_port}")
    try:
        with pytest.raises(DaprUnavailableError):
            await client.invoker().invoke("a", "b")
    finally:
        await client._http.close()


@pytest.mark.parametrize(
    ("status", "content_type", "body", "expected"),
    [
        (422, "application/json", b'{"detail": "bad page"}', DaprInvocationError),
        (500, "text/plain", b"Internal Server Error", DaprInvocationError),
        (
            500,
            "application/json",
            b'{"errorCode": "ERR_DIRECT_INVOKE", "message": "no app"}',
            DaprUnavailableError,
        ),
        (404, "application/json", b'{"errorCode": "ERR_APP_NOT_FOUND", "message": "x"}', DaprNotFoundError),
        (401, "text/plain; charset=utf-8", b"invalid api token\n", DaprPermissionError),
        (401, "application/json", b'{"detail": "callee says no"}', DaprInvocationError),
    ],
)
def test_invocation_errors_tell_callee_answers_from_sidecar_failures(
    status: int, content_type: str, body: bytes, expected: type[DaprError]
) -> None:
    error = invocation_error(status, content_type, body, app_id="extract-service", method="extract")
    assert type(error) is expected
    if isinstance(error, DaprInvocationError):
        assert error.status_code == status
        assert error.body == body


async def test_invoke_rejects_a_body_that_is_not_the_response_model() -> None:
    async def handle(request: web.Request) -> web.Response:
        return web.json_response({"nope": 1})

    async with fake_sidecar(handle) as dapr:
        with pytest.raises(DaprError, match="not a valid Page"):
            await dapr.invoker().invoke("a", "b", response_model=Page)


def subscription_app(seen: list[CloudEvent[Page]]) -> TestClient:
    app = FastAPI()
    router = SubscriptionRouter("pubsub")

    @router.subscribe("pages", dead_letter_topic="pages-dead")
    async def on_page(event: CloudEvent[Page]) -> MessageStatus:
        seen.append(event)
        return MessageStatus.RETRY if event.data.number < 0 else MessageStatus.SUCCESS

    @router.subscribe("crashy", route="/custom/crashy")
    async def on_crash(event: CloudEvent[Page]) -> MessageStatus:
        raise RuntimeError("handler bug")

    router.install(app)
    return TestClient(app)


def envelope(data: object) -> dict[str, object]:
    return {"id": "e1", "source": "s", "type": "t", "specversion": "1.0", "topic": "pages", "data": data}


def test_subscription_declarations_and_statuses() -> None:
    seen: list[CloudEvent[Page]] = []
    client = subscription_app(seen)

    assert client.get("/dapr/subscribe").json() == [
        {
            "pubsubname": "pubsub",
            "topic": "pages",
            "route": "/dapr/events/pubsub/pages",
            "deadLetterTopic": "pages-dead",
        },
        {"pubsubname": "pubsub", "topic": "crashy", "route": "/custom/crashy"},
    ]
    ok = client.post("/dapr/events/pubsub/pages", json=envelope({"number": 2}))
    retry = client.post("/dapr/events/pubsub/pages", json=envelope({"number": -1}))
    malformed = client.post("/dapr/events/pubsub/pages", json=envelope({"number": "two"}))
    crashed = client.post("/custom/crashy", json=envelope({"number": 1}))

    assert [r.json()["status"] for r in (ok, retry, malformed, crashed)] == [
        "SUCCESS",
        "RETRY",
        "DROP",
        "RETRY",
    ]
    assert [e.data.number for e in seen] == [2, -1]
    assert seen[0].topic == "pages"


def test_a_handler_without_a_cloud_event_annotation_is_refused() -> None:
    router = SubscriptionRouter("pubsub")
    with pytest.raises(TypeError, match="CloudEvent"):

        @router.subscribe("x")
        async def untyped(event: dict[str, object]) -> MessageStatus:  # type: ignore[type-var]
            return MessageStatus.SUCCESS


def test_input_binding_route_answers_probe_and_events() -> None:
    received: list[BindingEvent[Page]] = []
    app = FastAPI()
    inputs = InputBindingRouter()

    @inputs.on("queue", Page)
    async def on_queue(event: BindingEvent[Page]) -> None:
        if event.data.number < 0:
            raise ValueError("cannot handle")
        received.append(event)

    inputs.install(app)
    client = TestClient(app)

    assert client.options("/queue").status_code == 200
    assert client.post("/queue", json={"number": 4}, headers={"x-meta": "m"}).status_code == 200
    assert client.post("/queue", json={"number": -4}).status_code == 500
    assert client.post("/queue", json={"number": "four"}).status_code == 400
    assert [e.data.number for e in received] == [4]
    assert received[0].metadata["x-meta"] == "m"
