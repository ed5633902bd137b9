"""Build the service apps: one per Dapr app-id, or one combined app for the embedded mode.

uvicorn --factory invoiceflow.services.main:upload_app      # behind ``daprd --app-id upload-service``
uvicorn --factory invoiceflow.services.main:combined_app    # all four routes behind one daprd
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from enum import StrEnum

from fastapi import APIRouter, FastAPI

from invoiceflow.dapr.client import DaprSettings
from invoiceflow.services import aggregate, extract, health, split, upload
from invoiceflow.services.context import ServiceContext
from invoiceflow.services.problems import install_problem_handlers
from invoiceflow.services.settings import ServiceSettings, fastapi_telemetry


class ServiceRole(StrEnum):
    """The four services; the values are their default Dapr app-ids."""

    UPLOAD = "upload-service"
    SPLIT = "split-service"
    EXTRACT = "extract-service"
    AGGREGATE = "aggregate-service"


_ROUTERS: dict[ServiceRole, APIRouter] = {
    ServiceRole.UPLOAD: upload.router,
    ServiceRole.SPLIT: split.router,
    ServiceRole.EXTRACT: extract.router,
    ServiceRole.AGGREGATE: aggregate.router,
}


def create_app(
    roles: Iterable[ServiceRole] = tuple(ServiceRole),
    *,
    settings: ServiceSettings | None = None,
    dapr_settings: DaprSettings | None = None,
) -> FastAPI:
    roles = tuple(roles)
    context = ServiceContext(settings or ServiceSettings(), dapr_settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if ServiceRole.EXTRACT in roles:
            await context.warm_up_pool()
        try:
            yield
        finally:
            await context.close()

    app = FastAPI(
        title="InvoiceFlow " + " + ".join(role.value for role in roles),
        lifespan=lifespan,
        telemetry=fastapi_telemetry(),
    )
    app.state.context = context
    install_problem_handlers(app)
    app.include_router(health.router)
    for role in roles:
        app.include_router(_ROUTERS[role])
    return app


def upload_app() -> FastAPI:
    return create_app([ServiceRole.UPLOAD])


def split_app() -> FastAPI:
    return create_app([ServiceRole.SPLIT])


def extract_app() -> FastAPI:
    return create_app([ServiceRole.EXTRACT])


def aggregate_app() -> FastAPI:
    return create_app([ServiceRole.AGGREGATE])


def combined_app() -> FastAPI:
    return create_app()
