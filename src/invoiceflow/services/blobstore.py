"""A ``BlobStore`` over a Dapr output binding (``bindings.localstorage`` locally; S3 / Azure Blob are a
component swap), so page PDFs and previews live where every service (and every machine) can reach them.

Bytes through the binding:
* ``create`` sends the payload base64-encoded. localstorage first tries ``strconv.Unquote`` and then a
  base64 decode on whatever it receives, so raw bytes that happen to be valid base64 or a quoted string
  would be silently rewritten; base64 text always decodes back to exactly our bytes. (The S3 and Azure
  Blob bindings decode base64 too when asked with ``decodeBase64: "true"``, sent along.)
* ``get`` returns the file contents raw over gRPC (``invoke_binding`` carries bytes).

Keys are content-addressed (the same key always names the same bytes), so a blob is written once:
localstorage's ``create`` truncates the file and then writes it, and a second write of a key that already
exists would show a reader running at that moment a short or empty file (two starts of the same invoice
did exactly that). The store remembers the keys it has written or read and skips those, and concurrent
puts of one key in this process share one write. Two *processes* writing the same new key at once can
still overlap; both write identical bytes, and readers only follow a completed write of their own.

The domain's stage functions are synchronous and run in worker threads; the sync ``BlobStore`` methods
hand each call to the event loop that owns the ``DaprClient`` and wait for it.
"""

from __future__ import annotations

import asyncio
import base64
from collections import OrderedDict
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, Protocol, TypeVar

from invoiceflow.dapr.bindings import BindingsManager
from invoiceflow.dapr.errors import DaprError
from invoiceflow.domain.blobs import DirectoryBlobStore

T = TypeVar("T")

FILE_NAME_KEY = "fileName"
REMEMBERED_KEYS = 100_000
CACHE_BYTES = 64 << 20  # ~10 000 page PDFs or extractions: more than the invoices in flight at once
CACHE_MAX_BLOB = 1 << 20  # bigger blobs (whole PDFs, previews) are read once per invoice: not kept
_CREATE_METADATA = {"decodeBase64": "true"}


class DaprBindingBlobStore:
    """Content-addressed blobs through one output binding; async methods plus the sync ``BlobStore`` API."""

    def __init__(
        self,
        bindings: BindingsManager,
        binding_name: str,
        *,
        loop: asyncio.AbstractEventLoop,
        timeout: float = 30.0,
        cache_bytes: int = CACHE_BYTES,
    ) -> None:
        self._bindings = bindings
        self.binding_name = binding_name
        self._loop = loop
        self._timeout = timeout
        # Keys known to hold their (immutable) bytes; bounded, oldest forgotten first (a forgotten key
        # merely costs one read, or one rewrite of identical bytes).
        self._present: OrderedDict[str, None] = OrderedDict()
        self._writing: dict[str, asyncio.Future[None]] = {}
        self.cache = BlobCache(cache_bytes)

    # async API (for code running on the owning event loop) -------------------------------------------

    async def aput(self, key: str, data: bytes) -> None:
        """Write ``key`` unless this store knows it is there already (or is writing it right now)."""
        if key in self._present:
            return
        if (pending := self._writing.get(key)) is not None:
            await asyncio.shield(pending)
            return
        write = asyncio.ensure_future(self._create(key, data))
        self._writing[key] = write
        try:
            await asyncio.shield(write)
            self._remember(key)
            self.cache.put(key, data)
        finally:
            self._writing.pop(key, None)

    def _remember(self, key: str) -> None:
        self._present[key] = None
        self._present.move_to_end(key)
        if len(self._present) > REMEMBERED_KEYS:
            self._present.popitem(last=False)

    async def _create(self, key: str, data: bytes) -> None:
        await self._bindings.invoke(
            self.binding_name,
            "create",
            base64.b64encode(data),
            metadata={FILE_NAME_KEY: key, **_CREATE_METADATA},
            timeout=self._timeout,
        )

    async def aget(self, key: str) -> bytes:
        if (cached := self.cache.get(key)) is not None:
            return cached
        try:
            result = await self._bindings.invoke(
                self.binding_name, "get", metadata={FILE_NAME_KEY: key}, timeout=self._timeout
            )
        except DaprError as exc:
            if _is_not_found(exc):
                raise FileNotFoundError(key) from exc
            raise
        self._remember(key)
        self.cache.put(key, result.data)
        return result.data

    async def aexists(self, key: str) -> bool:
        # Bindings have no portable "stat": a get tells (once; then the key is remembered).
        if key in self._present:
            return True
        try:
            await self.aget(key)
        except FileNotFoundError:
            return False
        return True

    # sync BlobStore API (for the domain's stage functions, run in worker threads) ---------------------

    def put(self, key: str, data: bytes) -> None:
        self._run(self.aput(key, data))

    def get(self, key: str) -> bytes:
        return self._run(self.aget(key))

    def exists(self, key: str) -> bool:
        return self._run(self.aexists(key))

    def _run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        if _running_loop() is self._loop:
            coroutine.close()
            raise RuntimeError("sync BlobStore call on its own event loop: use the async methods there")
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(self._timeout + 5.0)


class BlobCache:
    """Bytes of small blobs this store wrote or read, least recently used forgotten first. Keys name
    immutable bytes, so a cached blob is never stale; it spares a binding call per page in the embedded
    mode, where one process splits, extracts and aggregates (its page PDFs and extractions)."""

    def __init__(self, max_bytes: int = CACHE_BYTES, max_blob: int = CACHE_MAX_BLOB) -> None:
        self._max_bytes = max_bytes
        self._max_blob = max_blob
        self._bytes = 0
        self._entries: OrderedDict[str, bytes] = OrderedDict()

    def get(self, key: str) -> bytes | None:
        data = self._entries.get(key)
        if data is not None:
            self._entries.move_to_end(key)
        return data

    def put(self, key: str, data: bytes) -> None:
        if key in self._entries:
            self._entries.move_to_end(key)
            return
        if len(data) > min(self._max_blob, self._max_bytes):
            return
        self._entries[key] = data
        self._bytes += len(data)
        while self._bytes > self._max_bytes:
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped)


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _is_not_found(exc: DaprError) -> bool:
    # localstorage: "file not found: <path>"; daprd wraps it in ERR_INVOKE_OUTPUT_BINDING.
    message = str(exc).lower()
    return "not found" in message or "no such file" in message


class DirectoryAsyncBlobStore:
    """The services' blob API (async + sync) over a local directory: a service app without a blob binding
    (local runs, tests of the routes' real logic). Writes are atomic (temp file + rename)."""

    def __init__(self, root: Path) -> None:
        self._store = DirectoryBlobStore(root)

    async def aput(self, key: str, data: bytes) -> None:
        await asyncio.to_thread(self._store.put, key, data)

    async def aget(self, key: str) -> bytes:
        return await asyncio.to_thread(self._store.get, key)

    async def aexists(self, key: str) -> bool:
        return await asyncio.to_thread(self._store.exists, key)

    def put(self, key: str, data: bytes) -> None:
        self._store.put(key, data)

    def get(self, key: str) -> bytes:
        return self._store.get(key)

    def exists(self, key: str) -> bool:
        return self._store.exists(key)


class ServiceBlobStore(Protocol):
    """What the routes need: async access on the event loop, the domain's sync ``BlobStore`` in threads."""

    async def aput(self, key: str, data: bytes) -> None: ...

    async def aget(self, key: str) -> bytes: ...

    async def aexists(self, key: str) -> bool: ...

    def put(self, key: str, data: bytes) -> None: ...

    def get(self, key: str) -> bytes: ...

    def exists(self, key: str) -> bool: ...
