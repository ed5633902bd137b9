"""The embedded mode: the whole system on this machine, started and stopped by one Python process.

One local stack (placement, scheduler, one daprd), the combined services app (all four routes) in a
uvicorn thread behind that daprd, and the workflow host connected to the same daprd. The activities
still reach the services by service invocation through app-ids — here all four map to the one app-id.

    async with EmbeddedInvoiceFlow() as flow:
        result = await flow.process_file(Path("invoice.pdf"))
"""

from __future__ import annotations

import asyncio
import gc
import hashlib
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import TracebackType

import uvicorn

from invoiceflow.dapr.client import DaprClient, DaprSettings
from invoiceflow.dapr.pubsub import SubscriptionRouter
from invoiceflow.domain.errors import InvoiceFlowError
from invoiceflow.domain.models import InvoiceRequest, OcrMode
from invoiceflow.domain.pdf import PdfLimits, read_pdf_file
from invoiceflow.domain.pipeline import default_invoice_id
from invoiceflow.gc_freeze import freeze_startup_objects
from invoiceflow.pools import process_exists
from invoiceflow.runtime.errors import StackError
from invoiceflow.runtime.ports import LOOPBACK, free_ports
from invoiceflow.runtime.resources import BLOBSTORE, write_embedded_resources
from invoiceflow.runtime.stack import LocalStack, SidecarSpec, go_environments, shared_go_max_procs
from invoiceflow.services.blobstore import DaprBindingBlobStore
from invoiceflow.services.main import create_app
from invoiceflow.services.settings import ServiceSettings
from invoiceflow.workflow.models import (
    DEFAULT_PAGES_PER_BATCH,
    InvoiceWorkflowInput,
    InvoiceWorkflowResult,
    Progress,
)
from invoiceflow.workflow.settings import WorkflowSettings
from invoiceflow.workflow.starter import InvoiceRunner, ProgressCallback
from invoiceflow.workflow.versions import VERSIONS, register_versions
from invoiceflow.workflow.worker import WorkflowHost

EMBEDDED_APP_ID = "invoiceflow"
# daprd caps request bodies at 4 MiB by default; a 50 MiB PDF travels base64-encoded through the binding.
MAX_BODY_SIZE = f"{(PdfLimits().max_bytes * 4 // 3 >> 20) + 8}Mi"
INCOMING_PREFIX = "incoming"
# "<prefix><owner pid>-<random>" under the temp dir: a run directory nobody asked to keep (logs, and with
# no data_dir the SQLite state and every blob, tens of MB a run) goes at stop, or, when its process was
# killed before its stop, at the next embedded start.
RUN_DIR_PREFIX = "invoiceflow-embedded-"
WORKFLOW_CLIENT_LOGGER = "DaprWorkflowClient"  # dapr.ext.workflow's client logger name
YOUNG_GC_THRESHOLD = 20_000  # while the stack is up (``raise_young_gc_threshold``)


@dataclass
class EmbeddedOptions:
    app_id: str = EMBEDDED_APP_ID
    run_dir: Path | None = None  # kept after the run when set; default: a temp dir removed at stop
    data_dir: Path | None = None  # keep state and blobs across runs when set
    # Opt-in: the state store in daprd's memory instead of SQLite (``write_embedded_resources``), cheaper
    # per workflow step and lost at stop. The default stays SQLite, the embedded mode's documented store.
    state_in_memory: bool = False
    log_level: str = "warn"
    # Prometheus metrics of the runtime's processes: off, they cost CPU per activity and nobody scrapes.
    metrics: bool = False
    startup_timeout: float = 30.0
    # GOMAXPROCS of daprd, placement and the scheduler (``shared_go_max_procs``); None: every core.
    go_max_procs: int | None = field(default_factory=shared_go_max_procs)
    service_settings: ServiceSettings = field(default_factory=lambda: ServiceSettings(split_render_dpi=0))
    pages_per_batch: int = DEFAULT_PAGES_PER_BATCH
    sdk_log_level: str = "ERROR"
    # Pub/sub subscriptions served by the services app (e.g. a consumer of ``invoice.processed``).
    subscriptions: SubscriptionRouter | None = None


class _ServerThread:
    """uvicorn in a daemon thread with its own event loop."""

    def __init__(self, server: uvicorn.Server) -> None:
        self.server = server
        self.thread = threading.Thread(target=server.run, name="invoiceflow-services", daemon=True)

    def start(self, timeout: float) -> None:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive():
                raise StackError("the services app exited during start-up (see the log above)")
            if time.monotonic() > deadline:
                raise StackError(f"the services app did not start within {timeout:.0f} s")
            time.sleep(0.02)

    def stop(self, timeout: float = 15.0) -> None:
        self.server.should_exit = True
        self.thread.join(timeout)


class EmbeddedInvoiceFlow:
    def __init__(self, options: EmbeddedOptions | None = None) -> None:
        self.options = options or EmbeddedOptions()
        self.stack: LocalStack | None = None
        self.host: WorkflowHost | None = None
        self.client: DaprClient | None = None
        self.runner: InvoiceRunner | None = None
        self._server: _ServerThread | None = None
        self._blobs: DaprBindingBlobStore | None = None
        self._temp_run_dir: Path | None = None  # made by us, so removed by us
        self._froze = False
        self._gc_threshold: tuple[int, int, int] | None = None  # the caller's, while ours is set

    async def __aenter__(self) -> EmbeddedInvoiceFlow:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    async def start(self) -> None:
        try:
            await self._start()
        except BaseException:
            await self.stop()
            raise

    async def _start(self) -> None:
        options = self.options
        if options.run_dir is not None:
            run_dir = options.run_dir.resolve()
        else:
            remove_orphaned_run_dirs(Path(tempfile.gettempdir()))
            run_dir = Path(tempfile.mkdtemp(prefix=f"{RUN_DIR_PREFIX}{os.getpid()}-")).resolve()
            self._temp_run_dir = run_dir
        resources = write_embedded_resources(
            run_dir, data_dir=options.data_dir, state_in_memory=options.state_in_memory
        )
        (app_port,) = free_ports(1)
        go_env, control_plane_env = go_environments(options.go_max_procs)
        self.stack = LocalStack(
            run_dir=run_dir,
            startup_timeout=options.startup_timeout,
            log_level=options.log_level,
            control_plane_metrics=options.metrics,
            scheduler_in_memory=True,
            control_plane_env=control_plane_env,
            sidecars=[
                SidecarSpec(
                    options.app_id,
                    app_port=app_port,
                    resources_paths=(resources.resources_dir,),
                    extra_args=("--max-body-size", MAX_BODY_SIZE),
                    log_level=options.log_level,
                    metrics=options.metrics,
                    env=go_env,
                )
            ],
        )
        await asyncio.to_thread(self.stack.start)
        sidecar = self.stack.sidecar(options.app_id)
        dapr_settings = DaprSettings(
            host=sidecar.host, http_port=sidecar.http_port, grpc_port=sidecar.grpc_port
        )

        app = create_app(settings=options.service_settings, dapr_settings=dapr_settings)
        if options.subscriptions is not None:  # before the app starts: daprd reads them when it connects
            options.subscriptions.install(app)
        # asyncio, not uvloop (grpc.aio calls to daprd took 2.4x as long under uvloop); httptools, not h11.
        config = uvicorn.Config(
            app,
            host=LOOPBACK,
            port=app_port,
            log_level="warning",
            lifespan="on",
            loop="asyncio",
            http="httptools",
        )
        self._server = _ServerThread(uvicorn.Server(config))
        await asyncio.to_thread(self._server.start, options.startup_timeout)

        self.client = DaprClient(dapr_settings)
        await self.client.open()
        # Full health: daprd has reached the app, so service invocation will find it.
        await self.client.health.wait_until_ready(timeout=options.startup_timeout, outbound_only=False)
        self._blobs = DaprBindingBlobStore(
            self.client.bindings(), BLOBSTORE, loop=asyncio.get_running_loop(), timeout=60.0
        )
        # The SDK logs every failed activity attempt as a warning; a CLI reports failures itself.
        self.host = WorkflowHost(
            WorkflowSettings.single_app(options.app_id), dapr_settings, sdk_log_level=options.sdk_log_level
        )
        # Every version, so instances of older ones left in a kept data dir finish; starts take the newest.
        register_versions(self.host.runtime, list(VERSIONS.values()), self.host.completions)
        await asyncio.to_thread(self.host.start)
        # The SDK's workflow client logs an ERROR for every failed read, including the transient ones the
        # runner retries (a read racing the runtime's save); real failures still reach the caller typed.
        logging.getLogger(WORKFLOW_CLIENT_LOGGER).setLevel(logging.CRITICAL)
        self.runner = InvoiceRunner(self.client, self.host.completions)
        # What start-up made (dapr, grpc, FastAPI, pydantic, the SDK: ~110 000 objects) stays while the
        # stack is up; unfrozen, every full collection walked it all on a run's time: 100-240 ms, in a
        # third of the 50-page runs, stalling the worker, the services app and the split (gc_freeze.py).
        freeze_startup_objects()
        self._froze = True
        self._gc_threshold = raise_young_gc_threshold()

    async def stop(self) -> None:
        """Workflow host first (no new work), then the client, the app and the stack; last, the run
        directory when it is a temp dir of ours (its processes, which write into it, are gone by then)."""
        try:
            await self._stop_all()
        finally:
            run_dir, self._temp_run_dir = self._temp_run_dir, None
            if run_dir is not None:
                await asyncio.to_thread(shutil.rmtree, run_dir, ignore_errors=True)

    async def _stop_all(self) -> None:
        threshold, self._gc_threshold = self._gc_threshold, None
        if threshold is not None:
            gc.set_threshold(*threshold)
        if self._froze:
            # Collectable again once the stack is gone: a process that starts stacks one after another
            # (tests, a long-lived caller) must not keep each start's leftovers forever.
            self._froze = False
            gc.unfreeze()
        host, self.host = self.host, None
        if host is not None:
            await asyncio.to_thread(host.stop)
        self.runner = None
        self._blobs = None
        client, self.client = self.client, None
        if client is not None:
            await client.close()
        server, self._server = self._server, None
        if server is not None:
            await asyncio.to_thread(server.stop)
        stack, self.stack = self.stack, None
        if stack is not None:
            await asyncio.to_thread(stack.stop)

    async def submit_file(
        self,
        path: Path,
        *,
        invoice_id: str | None = None,
        review_timeout_seconds: float = 0.0,
        ocr: OcrMode = OcrMode.AUTO,
    ) -> str:
        """Put the file's bytes into the blob store and start its workflow; returns the instance id."""
        runner, blobs = self._require()
        data = await asyncio.to_thread(read_pdf_file, path, PdfLimits())
        sha256 = hashlib.sha256(data).hexdigest()
        key = f"{INCOMING_PREFIX}/{sha256}.bin"
        request = InvoiceRequest(
            invoice_id=invoice_id or default_invoice_id(sha256), blob_key=key, filename=path.name, ocr=ocr
        )
        # The blob write (unvalidated bytes: the upload service decides whether it is a PDF) and the
        # look-up for an existing instance, at once: one round trip less before the start.
        _, exists = await asyncio.gather(blobs.aput(key, data), runner.exists(str(request.invoice_id)))
        spec = InvoiceWorkflowInput(
            request=request,
            review_timeout_seconds=review_timeout_seconds,
            pages_per_batch=self.options.pages_per_batch,
        )
        return await runner.start(spec, exists=exists)

    async def process_file(
        self,
        path: Path,
        *,
        invoice_id: str | None = None,
        review_timeout_seconds: float = 0.0,
        ocr: OcrMode = OcrMode.AUTO,
        on_progress: ProgressCallback | None = None,
        timeout: float | None = None,
    ) -> InvoiceWorkflowResult:
        instance_id = await self.submit_file(
            path, invoice_id=invoice_id, review_timeout_seconds=review_timeout_seconds, ocr=ocr
        )
        runner, _ = self._require()
        return await runner.wait(instance_id, timeout=timeout, on_progress=on_progress)

    def _require(self) -> tuple[InvoiceRunner, DaprBindingBlobStore]:
        if self.runner is None or self._blobs is None:
            raise StackError("the embedded stack is not started")
        return self.runner, self._blobs


def raise_young_gc_threshold(young: int = YOUNG_GC_THRESHOLD) -> tuple[int, int, int] | None:
    """Collect the youngest generation after ``young`` net new container objects instead of Python's
    700 (never lower a caller's higher setting); returns the thresholds to restore, or None if unchanged.

    A 50-page run parses and builds ~200 KB payloads several times (history replays, the aggregate
    answer, the result): ~30 young collections in its aggregate step alone, 9 ms of collections a run
    in all, none of it finding garbage (the payloads are alive until the step ends). At 20 000 a run
    collected ~0 ms and the process's CPU per run fell ~15 ms (runs alternated on one stack; figures in
    ``benchmarks/dapr_timeline.py``); what cycles there are wait a little longer (a few MB at most)."""
    current = gc.get_threshold()
    if current[0] == 0 or current[0] >= young:  # 0: automatic collection is off
        return None
    gc.set_threshold(young, *current[1:])
    return current


def remove_orphaned_run_dirs(root: Path) -> list[Path]:
    """Remove the temp run directories under ``root`` whose owning process is gone (killed before its
    stop); returns them. A live process's directory stays, and so does any name without an owner pid."""
    removed: list[Path] = []
    for path in root.glob(f"{RUN_DIR_PREFIX}*-*"):
        owner = path.name.removeprefix(RUN_DIR_PREFIX).split("-", 1)[0]
        if owner.isdigit() and path.is_dir() and not process_exists(int(owner)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


@dataclass
class FileOutcome:
    path: Path
    result: InvoiceWorkflowResult | None = None
    error: InvoiceFlowError | None = None


FileProgress = Callable[[Path, Progress], None]


async def process_files(
    paths: Sequence[Path],
    *,
    review_timeout_seconds: float = 0.0,
    ocr: OcrMode = OcrMode.AUTO,
    options: EmbeddedOptions | None = None,
    on_progress: FileProgress | None = None,
) -> list[FileOutcome]:
    """Start the embedded stack once, run every file through ``invoice_workflow`` in turn, stop it."""
    outcomes: list[FileOutcome] = []
    async with EmbeddedInvoiceFlow(options) as flow:
        for path in paths:
            report = partial(on_progress, path) if on_progress is not None else None
            try:
                result = await flow.process_file(
                    path, review_timeout_seconds=review_timeout_seconds, ocr=ocr, on_progress=report
                )
            except InvoiceFlowError as exc:
                outcomes.append(FileOutcome(path, error=exc))
            else:
                outcomes.append(FileOutcome(path, result=result))
    return outcomes
