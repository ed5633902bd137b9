"""What a service app holds for its lifetime: settings, the sidecar connection (opened on first use, so
the app starts before its sidecar), the blob store and the extraction process pool."""

from __future__ import annotations

import asyncio
import gc
import os

from invoiceflow.dapr.client import DaprClient, DaprSettings
from invoiceflow.gc_freeze import freeze_startup_objects
from invoiceflow.pools import exit_with
from invoiceflow.services.blobstore import DaprBindingBlobStore
from invoiceflow.services.settings import ServiceSettings
from invoiceflow.services.worker_pool import AsyncProcessPool

# Modules the extraction workers import once in the fork server, not per task.
_WORKER_PRELOAD = ["invoiceflow.domain.pipeline"]
WORKER_YOUNG_GC_THRESHOLD = 20_000  # the workflow process's too (``workflow.embedded``)


def _blank_page_pdf() -> bytes:
    import io

    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _warm_worker(owner_pid: int) -> None:
    """Pool initializer: one extraction of a blank page, so lazy imports, PDFium's first document and the
    extractor's compiled patterns are paid for at start-up, not by the first invoice's pages; a watch that
    ends the worker with the service that owns the pool; then what start-up made is frozen (see
    ``gc_freeze.py``), so the collector no longer walks it on the pages' time, and young collections
    are made rarer."""
    exit_with(owner_pid)
    from invoiceflow.domain.identifiers import preload_checks
    from invoiceflow.domain.models import OcrMode
    from invoiceflow.domain.pipeline import extract_page_pdf

    preload_checks()  # the first VAT check of a process costs ~11 ms: pay it here, not on a page

    extract_page_pdf(_blank_page_pdf(), 1, OcrMode.NEVER)  # a blank page would start OCR in AUTO mode
    freeze_startup_objects()
    # A page's extraction allocates (and frees) objects by the hundred thousand: at Python's 700 a 50-page
    # run took ~50 young collections (~13 ms of CPU) that found almost nothing; cycles wait a little longer.
    gc.set_threshold(WORKER_YOUNG_GC_THRESHOLD, *gc.get_threshold()[1:])


class ServiceContext:
    def __init__(self, settings: ServiceSettings, dapr_settings: DaprSettings | None = None) -> None:
        self.settings = settings
        self._dapr_settings = dapr_settings
        self._dapr: DaprClient | None = None
        self._blobs: DaprBindingBlobStore | None = None
        self._pool: AsyncProcessPool | None = None
        self._lock = asyncio.Lock()
        # Test-only fault injection state: (invoice id, page) pairs that already failed once.
        self.failed_once: set[tuple[str, int]] = set()

    async def dapr(self) -> DaprClient:
        async with self._lock:
            if self._dapr is None:
                client = DaprClient(self._dapr_settings or DaprSettings.from_env())
                await client.open()
                self._dapr = client
            return self._dapr

    async def blob_store(self) -> DaprBindingBlobStore:
        if self._blobs is None:
            client = await self.dapr()
            self._blobs = DaprBindingBlobStore(
                client.bindings(),
                self.settings.blob_binding,
                loop=asyncio.get_running_loop(),
                timeout=self.settings.blob_timeout_seconds,
            )
        return self._blobs

    def extract_pool(self) -> AsyncProcessPool:
        if self._pool is None:
            # forkserver, not fork: this process runs gRPC and uvicorn threads, which fork() would copy
            # mid-flight. The fork server itself starts clean and preloads the domain once.
            self._pool = AsyncProcessPool(
                self.settings.extract_workers,
                initializer=_warm_worker,
                initargs=(os.getpid(),),
                preload=_WORKER_PRELOAD,
            )
        return self._pool

    async def warm_up_pool(self) -> None:
        """Start every extraction worker now (each warms itself up in ``_warm_worker``), so the first
        fan-out does not pay for process start-up."""
        pool = self.extract_pool()
        try:
            await pool.start()
        except BaseException:
            # A failed or cancelled start never reaches the app's shutdown: release the pool here.
            self._shutdown_pool()
            raise

    def _shutdown_pool(self) -> None:
        """Stop the workers and drop the pool (its pipes are plain file descriptors: no named semaphores
        in /dev/shm to leave behind, whatever kills this process)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown()

    async def close(self) -> None:
        self._shutdown_pool()
        if self._dapr is not None:
            await self._dapr.close()
            self._dapr = None
        self._blobs = None
