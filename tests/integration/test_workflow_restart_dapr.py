"""Multi-app layout on the real runtime, and the workflow host killed mid-run.

Two sidecars as in production: ``workflow-app`` (the workflow host, a separate process we can kill) and
one app-id fronting the services. The host is SIGKILLed while pages are being extracted; a new host
process connects to the same sidecar and the instance completes with the in-process result.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio
import uvicorn
from corpus import build_invoice_pdf

from invoiceflow.dapr.client import DaprClient, DaprSettings
from invoiceflow.dapr.workflow import WorkflowStatus
from invoiceflow.domain.models import InvoiceRequest
from invoiceflow.domain.pipeline import extract_invoice
from invoiceflow.runtime.ports import LOOPBACK, free_ports
from invoiceflow.runtime.provision import RuntimeBinaries
from invoiceflow.runtime.resources import write_embedded_resources
from invoiceflow.runtime.stack import LocalStack, Sidecar, SidecarSpec
from invoiceflow.services.main import create_app
from invoiceflow.services.settings import ServiceSettings
from invoiceflow.workflow.models import InvoiceWorkflowInput
from invoiceflow.workflow.settings import WORKFLOW_APP_ID
from invoiceflow.workflow.starter import InvoiceRunner

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.asyncio(loop_scope="module")]

SERVICES_APP_ID = "invoice-services"
PAGES = 12
EXTRACT_DELAY = 1.5  # test-only hook: keeps the fan-out in flight long enough to kill the host inside it


def _settings(sidecar: Sidecar) -> DaprSettings:
    return DaprSettings(host=sidecar.host, http_port=sidecar.http_port, grpc_port=sidecar.grpc_port)


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("uploads")
    pdf, _ = build_invoice_pdf(pages=PAGES, seed=3)
    (directory / "twelve.pdf").write_bytes(pdf)
    return directory


@pytest.fixture(scope="module")
def app_port() -> int:
    return free_ports(1)[0]


@pytest.fixture(scope="module")
def two_app_stack(
    dapr_runtime: RuntimeBinaries, tmp_path_factory: pytest.TempPathFactory, app_port: int
) -> Iterator[LocalStack]:
    run_dir = tmp_path_factory.mktemp("two-apps")
    resources = write_embedded_resources(run_dir)
    stack = LocalStack(
        binaries=dapr_runtime,
        run_dir=run_dir,
        log_level="warn",
        sidecars=[
            SidecarSpec(WORKFLOW_APP_ID, resources_paths=(resources.resources_dir,)),
            SidecarSpec(SERVICES_APP_ID, app_port=app_port, resources_paths=(resources.resources_dir,)),
        ],
    )
    with stack:
        yield stack


@pytest.fixture(scope="module")
def services(two_app_stack: LocalStack, pdf_dir: Path, app_port: int) -> Iterator[None]:
    settings = ServiceSettings(
        split_render_dpi=0, upload_base_dir=pdf_dir, fault_extract_delay_seconds=EXTRACT_DELAY
    )
    app = create_app(settings=settings, dapr_settings=_settings(two_app_stack.sidecar(SERVICES_APP_ID)))
    server = uvicorn.Server(uvicorn.Config(app, host=LOOPBACK, port=app_port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive(), "services app exited during start-up"
        assert time.monotonic() < deadline, "services app did not start"
        time.sleep(0.05)
    yield
    server.should_exit = True
    thread.join(15)


def _start_host(stack: LocalStack, log_path: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        **stack.sidecar(WORKFLOW_APP_ID).sdk_env(),
        **{
            f"INVOICEFLOW_{role}_APP_ID": SERVICES_APP_ID
            for role in ("UPLOAD", "SPLIT", "EXTRACT", "AGGREGATE")
        },
    }
    with log_path.open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "invoiceflow.workflow.worker"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


async def _wait_for_log(
    log_path: Path, text: str, process: subprocess.Popen[bytes], timeout: float = 30
) -> None:
    async with asyncio.timeout(timeout):
        while text not in log_path.read_text(errors="replace"):
            assert process.poll() is None, log_path.read_text(errors="replace")
            await asyncio.sleep(0.05)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def workflow_client(two_app_stack: LocalStack) -> AsyncIterator[DaprClient]:
    async with DaprClient(_settings(two_app_stack.sidecar(WORKFLOW_APP_ID))) as client:
        yield client


@pytest.mark.usefixtures("services")
async def test_host_killed_mid_run_and_restarted_completes_with_the_same_result(
    two_app_stack: LocalStack, workflow_client: DaprClient, pdf_dir: Path, tmp_path: Path
) -> None:
    log_path = tmp_path / "workflow-host.log"
    host = _start_host(two_app_stack, log_path)
    try:
        await _wait_for_log(log_path, "workflow host ready", host)
        runner = InvoiceRunner(workflow_client)
        spec = InvoiceWorkflowInput(
            request=InvoiceRequest(invoice_id="killed-host", pdf_path="twelve.pdf"), pages_per_batch=4
        )
        instance_id = await runner.start(spec)
        async with asyncio.timeout(60):
            while (progress := await runner.progress(instance_id)) is None or progress.stage != "extract":
                await asyncio.sleep(0.02)
        host.send_signal(signal.SIGKILL)
        host.wait(10)
        killed_at = await workflow_client.workflows().require(instance_id)
        assert killed_at.status is WorkflowStatus.RUNNING  # killed mid-run, not after the end

        host = _start_host(two_app_stack, log_path)
        result = await runner.wait(instance_id, timeout=120)
    finally:
        host.send_signal(signal.SIGTERM)
        host.wait(15)

    expected = extract_invoice((pdf_dir / "twelve.pdf").read_bytes(), filename="twelve.pdf")
    assert result.invoice == expected
    assert result.invoice.document.page_count == PAGES
