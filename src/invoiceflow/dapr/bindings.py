"""Bindings: invoke an output binding (operation + metadata), and receive input-binding events in FastAPI.

Output: ``await dapr.bindings().invoke("blobstore", "create", data, metadata={"fileName": key})``.
Input: daprd POSTs each event to ``/<binding-name>`` on the app (and probes that route with OPTIONS at
start); ``InputBindingRouter`` registers a typed handler there. A handler that raises answers 500, which
tells daprd the event was not processed (what happens next is up to the binding component).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from fastapi import APIRouter, FastAPI, Request, Response
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import to_json

if TYPE_CHECKING:
    from invoiceflow.dapr.client import DaprClient

log = logging.getLogger(__name__)

T = TypeVar("T")


class BindingResult(BaseModel):
    """What an output binding returned: raw ``data`` and the binding's response metadata."""

    data: bytes
    metadata: dict[str, str]

    def json_as(self, model: type[T]) -> T:
        return TypeAdapter(model).validate_json(self.data)

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")


class BindingsManager:
    """Output bindings through an open ``DaprClient``."""

    def __init__(self, client: DaprClient) -> None:
        self._client = client

    async def invoke(
        self,
        binding_name: str,
        operation: str,
        data: Any = None,
        *,
        metadata: Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> BindingResult:
        """Run ``operation`` (e.g. create / get / delete / list) on ``binding_name``.

        ``data`` is sent as-is when it is ``bytes``/``str``, as JSON otherwise (``None`` = empty body).
        """
        payload: bytes | str
        if data is None:
            payload = b""
        elif isinstance(data, bytes | str):
            payload = data
        else:
            payload = to_json(data)
        response = await self._client.call(
            f"bindings.invoke {binding_name}/{operation}",
            self._client.sdk.invoke_binding(
                binding_name, operation, payload, binding_metadata=dict(metadata or {})
            ),
            timeout=timeout,
        )
        return BindingResult(data=bytes(response.data or b""), metadata=dict(response.binding_metadata or {}))


@dataclass(frozen=True)
class BindingEvent(Generic[T]):
    """One input-binding delivery: the validated payload and the metadata daprd sent as headers."""

    binding_name: str
    data: T
    metadata: dict[str, str]


InputHandler = Callable[[BindingEvent[Any]], Awaitable[None]]


@dataclass(frozen=True)
class _InputBinding:
    name: str
    data_type: Any
    handler: InputHandler


class InputBindingRouter:
    """Collects input-binding handlers and installs their routes on a FastAPI app."""

    def __init__(self) -> None:
        self.bindings: list[_InputBinding] = []

    def on(
        self, binding_name: str, data_type: type[T]
    ) -> Callable[
        [Callable[[BindingEvent[T]], Awaitable[None]]], Callable[[BindingEvent[T]], Awaitable[None]]
    ]:
        """Register ``async def handler(event: BindingEvent[data_type]) -> None`` for ``binding_name``."""

        def decorator(
            handler: Callable[[BindingEvent[T]], Awaitable[None]],
        ) -> Callable[[BindingEvent[T]], Awaitable[None]]:
            self.bindings.append(_InputBinding(binding_name, data_type, handler))
            return handler

        return decorator

    def router(self) -> APIRouter:
        router = APIRouter(tags=["bindings"])
        for binding in self.bindings:
            router.add_api_route(f"/{binding.name}", _endpoint_for(binding), methods=["POST", "OPTIONS"])
        return router

    def install(self, app: FastAPI) -> None:
        app.include_router(self.router())


def _endpoint_for(binding: _InputBinding) -> Callable[[Request], Awaitable[Response]]:
    adapter: TypeAdapter[Any] = TypeAdapter(binding.data_type)

    async def endpoint(request: Request) -> Response:
        if request.method == "OPTIONS":  # daprd asks at start whether the app listens on this route
            return Response(status_code=200)
        body = await request.body()
        try:
            data = body if binding.data_type is bytes else adapter.validate_json(body or b"null")
        except ValidationError as exc:
            log.warning("input binding %s: malformed payload: %s", binding.name, exc.errors()[:3])
            return Response(status_code=400)
        event = BindingEvent(binding_name=binding.name, data=data, metadata=dict(request.headers))
        try:
            await binding.handler(event)
        except Exception:
            log.exception("input binding %s: handler failed", binding.name)
            return Response(status_code=500)
        return Response(status_code=200)

    endpoint.__name__ = f"on_binding_{binding.name}".replace("-", "_").replace(".", "_")
    return endpoint
