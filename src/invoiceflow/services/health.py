"""``/health`` (the process answers) and ``/health/ready`` (its sidecar can reach Dapr's building blocks)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from invoiceflow.dapr.errors import DaprError
from invoiceflow.services.deps import ContextDep

router = APIRouter(prefix="/health", tags=["health"])


@router.get("")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/ready")
async def ready(context: ContextDep) -> JSONResponse:
    try:
        client = await context.dapr()
        sidecar_ok = await client.health.outbound()
    except DaprError as exc:
        return JSONResponse({"status": "unavailable", "detail": str(exc)}, status_code=503)
    if not sidecar_ok:
        return JSONResponse({"status": "unavailable", "detail": "sidecar not ready"}, status_code=503)
    return JSONResponse({"status": "ready"})
