"""Lifecycle of the connection to one Dapr sidecar: settings, readiness, the SDK client and an HTTP pool.

``async with DaprClient(DaprSettings.from_env()) as dapr:`` waits for the sidecar, then owns the SDK's
``dapr.aio.clients.DaprClient`` (gRPC, for state / pub-sub / secrets / bindings) and one pooled
``aiohttp.ClientSession`` (for service invocation). Every SDK call goes through ``call`` so it gets a
deadline and typed errors.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

import aiohttp

from invoiceflow.dapr.errors import DaprError, DaprUnavailableError, map_exception
from invoiceflow.dapr.health import SidecarHealth

if TYPE_CHECKING:
    from invoiceflow.dapr.bindings import BindingsManager
    from invoiceflow.dapr.invoke import ServiceInvoker
    from invoiceflow.dapr.pubsub import PubSubManager
    from invoiceflow.dapr.secrets import SecretsManager
    from invoiceflow.dapr.state import StateManager
    from invoiceflow.dapr.workflow import WorkflowManager

T = TypeVar("T")

API_TOKEN_HEADER = "dapr-api-token"


@dataclass(frozen=True)
class DaprSettings:
    """Where the sidecar is and how long to wait for it. ``from_env`` reads the standard ``DAPR_*`` vars."""

    host: str = "127.0.0.1"
    http_port: int = 3500
    grpc_port: int = 50001
    api_token: str | None = field(default=None, repr=False)
    timeout: float = 10.0  # deadline of one building-block call (state, publish, secret, binding)
    invoke_timeout: float = 60.0  # default deadline of one service invocation
    ready_timeout: float = 30.0  # how long open() waits for the sidecar's outbound health
    max_connections: int = 100  # HTTP connection pool size for service invocation
    # gRPC send/receive cap. The SDK's default (4 MiB) failed a 6 MiB blob ``get`` through a binding
    # ("Received message larger than max"); PDFs up to 50 MiB travel base64-encoded (x4/3) on ``create``.
    max_message_bytes: int = 128 * 1024 * 1024

    @classmethod
    def from_env(cls, **overrides: Any) -> DaprSettings:
        env = os.environ
        settings = cls(
            host=env.get("DAPR_RUNTIME_HOST") or cls.host,
            http_port=int(env.get("DAPR_HTTP_PORT") or cls.http_port),
            grpc_port=int(env.get("DAPR_GRPC_PORT") or cls.grpc_port),
            api_token=env.get("DAPR_API_TOKEN") or None,
            timeout=float(env.get("DAPR_API_TIMEOUT_SECONDS") or cls.timeout),
        )
        return replace(settings, **overrides)

    @property
    def http_endpoint(self) -> str:
        return f"http://{self.host}:{self.http_port}"

    @property
    def grpc_address(self) -> str:
        return f"{self.host}:{self.grpc_port}"

    def auth_headers(self) -> dict[str, str]:
        return {API_TOKEN_HEADER: self.api_token} if self.api_token else {}


@contextmanager
def sdk_settings_for(settings: DaprSettings) -> Iterator[None]:
    """Point the SDK's process-global settings at *this* sidecar while an SDK client is constructed.

    The SDK reads the HTTP endpoint (for its blocking start-up health probe) and the API token (baked into
    the gRPC channel's interceptor) from ``dapr.conf.settings``, not from constructor arguments. The
    constructors are synchronous, so no other coroutine can observe the override.
    """
    from dapr.conf import settings as sdk_settings

    overrides: dict[str, Any] = {
        "DAPR_HTTP_ENDPOINT": settings.http_endpoint,
        "DAPR_API_TOKEN": settings.api_token,
        "DAPR_HEALTH_TIMEOUT": max(1, int(settings.ready_timeout)),
    }
    saved = {name: sdk_settings.__dict__[name] for name in overrides if name in sdk_settings.__dict__}
    try:
        for name, value in overrides.items():
            setattr(sdk_settings, name, value)
        yield
    finally:
        for name in overrides:
            if name in saved:
                setattr(sdk_settings, name, saved[name])
            else:
                sdk_settings.__dict__.pop(name, None)


class DaprClient:
    """An open connection to one sidecar. Use as ``async with``; the accessors build the typed managers."""

    def __init__(self, settings: DaprSettings | None = None) -> None:
        self.settings = settings or DaprSettings.from_env()
        self.health = SidecarHealth(self.settings.http_endpoint, api_token=self.settings.api_token)
        self._sdk: Any = None
        self._http: aiohttp.ClientSession | None = None
        self._workflows: WorkflowManager | None = None

    async def __aenter__(self) -> Self:
        await self.open()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def open(self) -> None:
        """Wait until the sidecar reports outbound-ready, then create the SDK client and HTTP pool."""
        if self._sdk is not None:
            return
        await self.health.wait_until_ready(timeout=self.settings.ready_timeout, outbound_only=True)
        from dapr.aio.clients import DaprClient as SdkDaprClient

        with sdk_settings_for(self.settings):
            # The probe above has succeeded, so the SDK's own blocking probe returns at once.
            self._sdk = SdkDaprClient(
                address=self.settings.grpc_address, max_grpc_message_length=self.settings.max_message_bytes
            )
        self._http = aiohttp.ClientSession(
            base_url=self.settings.http_endpoint,
            headers=self.settings.auth_headers(),
            timeout=aiohttp.ClientTimeout(total=self.settings.invoke_timeout),
            connector=aiohttp.TCPConnector(limit=self.settings.max_connections),
        )

    async def close(self) -> None:
        sdk, http, workflows = self._sdk, self._http, self._workflows
        self._sdk, self._http, self._workflows = None, None, None
        if workflows is not None:
            await workflows.close()
        if http is not None:
            await http.close()
        if sdk is not None:
            await sdk.close()
        await self.health.close()

    @property
    def sdk(self) -> Any:
        """The SDK's ``dapr.aio.clients.DaprClient`` (only for this package's modules)."""
        if self._sdk is None:
            raise DaprUnavailableError("DaprClient is not open: use `async with DaprClient(...)`")
        return self._sdk

    @property
    def http(self) -> aiohttp.ClientSession:
        if self._http is None:
            raise DaprUnavailableError("DaprClient is not open: use `async with DaprClient(...)`")
        return self._http

    async def call(
        self,
        operation: str,
        awaitable: Awaitable[T],
        *,
        timeout: float | None = None,
        no_deadline: bool = False,
    ) -> T:
        """Await one SDK call under a deadline (``timeout`` or the settings' default; none with
        ``no_deadline``), translating every failure into a ``DaprError``."""
        deadline = None if no_deadline else (timeout if timeout is not None else self.settings.timeout)
        try:
            async with asyncio.timeout(deadline):
                return await awaitable
        except DaprError:
            raise
        except Exception as exc:
            raise map_exception(exc, operation) from exc

    # Typed managers over this connection -------------------------------------------------------------

    def state(self, store_name: str) -> StateManager:
        from invoiceflow.dapr.state import StateManager

        return StateManager(self, store_name)

    def pubsub(self, pubsub_name: str) -> PubSubManager:
        from invoiceflow.dapr.pubsub import PubSubManager

        return PubSubManager(self, pubsub_name)

    def secrets(self, store_name: str) -> SecretsManager:
        from invoiceflow.dapr.secrets import SecretsManager

        return SecretsManager(self, store_name)

    def bindings(self) -> BindingsManager:
        from invoiceflow.dapr.bindings import BindingsManager

        return BindingsManager(self)

    def invoker(self) -> ServiceInvoker:
        from invoiceflow.dapr.invoke import ServiceInvoker

        return ServiceInvoker(self)

    def workflows(self) -> WorkflowManager:
        """Workflow management on this sidecar (one shared instance; its gRPC channel opens on first use)."""
        from invoiceflow.dapr.workflow import WorkflowManager

        if self._workflows is None:
            self._workflows = WorkflowManager(self)
        return self._workflows
