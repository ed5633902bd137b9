"""``workflow-app``: the REST API (``workflow/api.py``) and the ``WorkflowRuntime`` in one process.

    uvicorn --factory invoiceflow.workflow.app:create_workflow_app   # DAPR_* of its sidecar set

Which workflow versions this host registers comes from ``INVOICEFLOW_API_WORKFLOW_VERSIONS`` (default
``v1,v2,v3``); new starts take the newest (see ``workflow/versions.py``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from invoiceflow.dapr.client import DaprClient, DaprSettings
from invoiceflow.gc_freeze import freeze_startup_objects
from invoiceflow.runtime.resources import BLOBSTORE
from invoiceflow.services.blobstore import DaprBindingBlobStore
from invoiceflow.services.settings import fastapi_telemetry
from invoiceflow.workflow.api import ApiContext, ApiSettings, install_api
from invoiceflow.workflow.settings import WorkflowSettings
from invoiceflow.workflow.versions import parse_versions, register_versions
from invoiceflow.workflow.worker import WorkflowHost


def _log_to_stderr() -> None:
    """uvicorn configures only its own loggers: give the package's a handler (once) so the API's and the
    Dapr layer's warnings (failed calls with their instance id, transient retries) reach the app's log."""
    logger = logging.getLogger("invoiceflow")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.WARNING)


def create_workflow_app(
    settings: ApiSettings | None = None,
    dapr_settings: DaprSettings | None = None,
    workflow_settings: WorkflowSettings | None = None,
) -> FastAPI:
    settings = settings or ApiSettings()
    _log_to_stderr()
    names = parse_versions(settings.workflow_versions)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        sidecar = dapr_settings or DaprSettings.from_env()
        client = DaprClient(sidecar)
        await client.open()
        host = WorkflowHost(workflow_settings or WorkflowSettings(), sidecar, sdk_log_level="WARNING")
        register_versions(host.runtime, names, host.completions)
        try:
            await asyncio.to_thread(host.start)
            blobs = DaprBindingBlobStore(
                client.bindings(), BLOBSTORE, loop=asyncio.get_running_loop(), timeout=60.0
            )
            app.state.api = ApiContext(client, blobs, settings, names, completions=host.completions)
            freeze_startup_objects()  # see gc_freeze.py: ~100 ms per full collection here otherwise
            yield
        finally:
            await asyncio.to_thread(host.stop)
            await client.close()

    app = FastAPI(
        title="InvoiceFlow workflow app",
        summary="Start, watch, steer and purge invoice workflows (Dapr Workflow)",
        version="1",
        lifespan=lifespan,
        telemetry=fastapi_telemetry(),
    )

    @app.get("/health", tags=["health"])
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    install_api(app)
    return app
