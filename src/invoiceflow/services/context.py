"""What a service app holds for its lifetime: settings, the sidecar connection (opened on first use, so
the app starts before its sidecar), the blob store and the extraction process pool."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from invoiceflow.dapr.client import DaprClient, DaprSettings
from invoiceflow.gc_freeze import freeze_startup_objects
from invoiceflow.pools import exit_with
from invoiceflow.services.blobstore import DaprBindingBlobStore
from invoiceflow.services.settings import ServiceSettings

# Modules the extraction workers import once in the fork server, not per task.
_WORKER_PRELOAD = ["invoiceflow.domain.pipeline"]


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
    ``gc_freeze.py``), so the collector no longer walks it on the pages' time."""
    exit_with(owner_pid)
    from invoiceflow.domain.identifiers import preload_checks
    from invoiceflow.domain.models import OcrMode
    from invoiceflow.domain.pipeline import extract_page_pdf

    preload_checks()  # the first VAT check of a process costs ~11 ms: pay it here, not on a page

    extract_page_pdf(_blank_page_pdf(), 1, OcrMode.NEVER)  # a blank page would start OCR in AUTO mode
    freeze_startup_objects()


def _warm_up() -> int:
    return 0


class ServiceContext:
    def __init__(self, settings: ServiceSettings, dapr_settings: DaprSettings | None = None) -> None:
        self.settings = settings
        self._dapr_settings = dapr_settings
        self._dapr: DaprClient | None = None
        self._blobs: DaprBindingBlobStore | None = None
        self._pool: ProcessPoolExecutor | None = None
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

    def extract_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # forkserver, not fork: this process runs gRPC and uvicorn threads, which fork() would copy
            # mid-flight. The fork server itself starts clean and preloads the domain once.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(_WORKER_PRELOAD)
            self._pool = ProcessPoolExecutor(
                max_workers=self.settings.extract_workers,
                mp_context=context,
                initializer=_warm_worker,
                initargs=(os.getpid(),),
            )
        return self._pool

    async def warm_up_pool(self) -> None:
        """Start every extraction worker now (each warms itself up in ``_warm_worker``), so the first
        fan-out does not pay for process start-up."""
        pool = self.extract_pool()
        loop = asyncio.get_running_loop()
        try:
            await asyncio.gather(
                *(loop.run_in_executor(pool, _warm_up) for _ in range(self.settings.extract_workers))
            )
        except BaseException:
            # A failed or cancelled start never reaches the app's shutdown: release the pool here.
            self._shutdown_pool()
            raise

    def _shutdown_pool(self) -> None:
        """Stop the workers and drop the pool. Under forkserver its queues' named POSIX semaphores
        (``/dev/shm/sem.mp-*``, five per pool) keep their names for the pool's lifetime; dropping the
        last reference unlinks them now. A pool that is never shut down leaves them to the exit
        handlers, or, when this process is killed, to the multiprocessing resource tracker, and a
        SIGKILL that also reaches the tracker leaves them in /dev/shm for good."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    async def close(self) -> None:
        self._shutdown_pool()
        if self._dapr is not None:
            await self._dapr.close()
            self._dapr = None
        self._blobs = None
