"""Sidecar health: ``/v1.0/healthz`` (ready, including the app channel when daprd fronts an app),
``/v1.0/healthz/outbound`` (components loaded: enough to *call* Dapr), and a wait-until-ready loop."""

from __future__ import annotations

import asyncio
import time

import httpx
from pydantic import BaseModel

from invoiceflow.dapr.errors import DaprTimeoutError


class SidecarStatus(BaseModel):
    """One probe of both health endpoints."""

    endpoint: str
    healthy: bool  # /v1.0/healthz answered 2xx
    outbound_healthy: bool  # /v1.0/healthz/outbound answered 2xx
    detail: str = ""


class SidecarHealth:
    """Probes one sidecar's HTTP health endpoints with a short per-probe timeout."""

    def __init__(self, http_endpoint: str, *, api_token: str | None = None, probe_timeout: float = 2.0):
        self.http_endpoint = http_endpoint.rstrip("/")
        self._headers = {"dapr-api-token": api_token} if api_token else {}
        self._probe_timeout = probe_timeout
        self._http: httpx.AsyncClient | None = None

    def _client(self) -> httpx.AsyncClient:
        if self._http is None:
            self._http = httpx.AsyncClient(
                base_url=self.http_endpoint, headers=self._headers, timeout=self._probe_timeout
            )
        return self._http

    async def close(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    async def _ok(self, path: str) -> tuple[bool, str]:
        try:
            response = await self._client().get(path)
        except httpx.HTTPError as exc:
            return False, f"{path}: {type(exc).__name__}: {exc}"
        return response.is_success, f"{path}: {response.status_code}"

    async def healthz(self) -> bool:
        ok, _ = await self._ok("/v1.0/healthz")
        return ok

    async def outbound(self) -> bool:
        ok, _ = await self._ok("/v1.0/healthz/outbound")
        return ok

    async def status(self) -> SidecarStatus:
        (healthy, detail), (outbound, outbound_detail) = await asyncio.gather(
            self._ok("/v1.0/healthz"), self._ok("/v1.0/healthz/outbound")
        )
        return SidecarStatus(
            endpoint=self.http_endpoint,
            healthy=healthy,
            outbound_healthy=outbound,
            detail=f"{detail}; {outbound_detail}",
        )

    async def wait_until_ready(
        self, *, timeout: float = 30.0, outbound_only: bool = False, interval: float = 0.05
    ) -> float:
        """Poll until healthy; return the seconds waited. ``outbound_only`` skips waiting for the app."""
        path = "/v1.0/healthz/outbound" if outbound_only else "/v1.0/healthz"
        started = time.monotonic()
        deadline = started + timeout
        detail = ""
        while True:
            ok, detail = await self._ok(path)
            if ok:
                return time.monotonic() - started
            if time.monotonic() >= deadline:
                raise DaprTimeoutError(
                    f"sidecar at {self.http_endpoint} not ready after {timeout:.1f} s ({detail})",
                    operation="health.wait_until_ready",
                )
            # Back off gently: a fresh daprd is ready in ~0.25 s, a loaded machine can take seconds.
            await asyncio.sleep(min(interval, max(0.0, deadline - time.monotonic())))
            interval = min(interval * 1.5, 0.5)
