"""Where the Prefect tasks run the domain's stage functions: a long-lived process pool.

PDFium is not thread-safe, and Prefect's default task runner uses threads: mapped ``extract_invoice``
tasks (and flows submitted at once) would call it concurrently. So each task hands its stage function to
this pool, as the Dapr extract service does with its own pool; the pool also lets a fan-out use every
core. Workers get plain arguments (paths, models) and rebuild a ``DirectoryBlobStore`` from its root.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from invoiceflow.domain.blobs import DirectoryBlobStore
from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError
from invoiceflow.domain.models import OcrMode, PageMetadata, UploadResult
from invoiceflow.pools import exit_with

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None


def worker_count() -> int:
    configured = os.environ.get("INVOICEFLOW_PREFECT_WORKERS")
    return max(1, int(configured)) if configured else max(1, os.cpu_count() or 1)


def stage_pool() -> ProcessPoolExecutor:
    global _pool  # noqa: PLW0603 - one pool per process, created on first use
    with _lock:
        if _pool is None:
            # forkserver, not fork: Prefect runs threads (API client, event loop) that fork() would copy.
            context = multiprocessing.get_context("forkserver")
            # The workers' parent is the fork server: without the owner watch, a SIGKILLed owner leaves
            # them and the fork server running, and the pool's named semaphores registered for good.
            _pool = ProcessPoolExecutor(
                max_workers=worker_count(), mp_context=context, initializer=exit_with, initargs=(os.getpid(),)
            )
            atexit.register(shutdown_stage_pool)
        return _pool


def shutdown_stage_pool() -> None:
    global _pool  # noqa: PLW0603
    with _lock:
        if _pool is not None:
            _pool.shutdown(wait=True, cancel_futures=True)
            _pool = None


def run_in_pool(function: Any, *args: Any) -> Any:
    """Run a stage in the pool; a domain error comes back as data and is raised here with its code
    (an exception with keyword-only fields does not survive pickling intact)."""
    outcome = stage_pool().submit(function, *args).result()
    if "error" in outcome:
        raise InvoiceFlowError(outcome["error"]["message"], code=ErrorCode(outcome["error"]["code"]))
    return outcome["ok"]


def _guarded(call: Any) -> dict[str, Any]:
    try:
        return {"ok": call()}
    except InvoiceFlowError as exc:
        return {"error": {"code": exc.code.value, "message": exc.message}}


# --- what the pool processes run: the domain's stage functions over a directory blob store --------


def upload_in_worker(pdf_path: str, blob_root: str, filename: str | None, ocr: OcrMode) -> dict[str, Any]:
    from invoiceflow.domain.pdf import PdfLimits, read_pdf_file
    from invoiceflow.domain.pipeline import upload_pdf

    def call() -> UploadResult:
        limits = PdfLimits()
        data = read_pdf_file(Path(pdf_path), limits)
        return upload_pdf(
            data, DirectoryBlobStore(Path(blob_root)), filename=filename, ocr=ocr, limits=limits
        )

    return _guarded(call)


def split_in_worker(upload: UploadResult, blob_root: str, render_dpi: int | None) -> dict[str, Any]:
    from invoiceflow.domain.pipeline import split_stored_pdf

    return _guarded(
        lambda: split_stored_pdf(upload, DirectoryBlobStore(Path(blob_root)), render_dpi=render_dpi)
    )


def extract_in_worker(page: PageMetadata, blob_root: str) -> dict[str, Any]:
    from invoiceflow.domain.pipeline import extract_stored_page

    return _guarded(lambda: extract_stored_page(page, DirectoryBlobStore(Path(blob_root))))
