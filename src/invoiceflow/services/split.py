"""``split-service``: ``POST /split`` — one-page PDFs (and PNG previews) into the blob store,
plus the whole-document extraction (embedded e-invoice, templates, page markers) in the result.

The domain's splitter writes page after page through the synchronous ``BlobStore`` API; each write is a
binding call (~2-3 ms through daprd), so a 50-page PDF spent ~150 ms waiting on writes one at a time.
``WriteBehindStore`` starts each write on the event loop and lets the splitter go on; the route answers
only once every write has finished, so a caller never sees a key that is not stored yet.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Future

from fastapi import APIRouter, Response

from invoiceflow.domain.models import SplitResult, UploadResult
from invoiceflow.domain.pipeline import split_stored_pdf
from invoiceflow.services.blobstore import ServiceBlobStore
from invoiceflow.services.deps import BlobStoreDep, SettingsDep
from invoiceflow.services.responses import model_response

router = APIRouter(prefix="/split", tags=["split"])


class WriteBehindStore:
    """The sync ``BlobStore`` API for a worker thread: ``put`` starts the write on ``loop`` and returns;
    ``flush()`` (on the loop) waits for all of them and raises the first failure."""

    def __init__(self, store: ServiceBlobStore, loop: asyncio.AbstractEventLoop) -> None:
        self._store = store
        self._loop = loop
        self._writes: list[Future[None]] = []

    def put(self, key: str, data: bytes) -> None:
        self._writes.append(asyncio.run_coroutine_threadsafe(self._store.aput(key, data), self._loop))

    def get(self, key: str) -> bytes:
        return self._store.get(key)

    def exists(self, key: str) -> bool:
        return self._store.exists(key)

    async def flush(self, *, raise_errors: bool = True) -> None:
        writes, self._writes = self._writes, []
        await asyncio.gather(
            *(asyncio.wrap_future(write) for write in writes), return_exceptions=not raise_errors
        )


@router.post("", response_model=SplitResult)
async def split(upload: UploadResult, store: BlobStoreDep, settings: SettingsDep) -> Response:
    writes = WriteBehindStore(store, asyncio.get_running_loop())
    try:
        result = await asyncio.to_thread(
            split_stored_pdf, upload, writes, render_dpi=settings.render_dpi, templates=settings.templates
        )
    except BaseException:
        await writes.flush(raise_errors=False)  # no write left running after the answer; report the cause
        raise
    await writes.flush()
    return model_response(result)
