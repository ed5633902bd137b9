"""The split parts an extraction worker keeps open between pages.

A split part holds up to 8 consecutive pages and the extract service sends one task per page, so without
this each page of a part re-opened the part and PDFium parsed its shared resources (fonts above all)
again: open + page load 0.94 → 0.58 ms a page, the whole extraction ~0.6 ms a page less (50 pages in one
process 675 → 644 ms CPU). A worker keeps the last few parts it opened, keyed by their blob key
(content-addressed), and checks the bytes are the ones it opened (a cheap comparison) before reusing a
document.

Per process (a pool worker's module state), bounded in documents and bytes; an evicted document is closed.
A part that fails to open is not kept (the next page raises the same stable error code again).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

import pypdfium2 as pdfium

from invoiceflow.domain.pdf_document import PDFIUM_LOCK, open_document, opened

MAX_DOCUMENTS = 8  # a worker interleaves the pages of ~2 parts in a fan-out; a few invoices at once
MAX_BYTES = 32 << 20
MAX_DOCUMENT_BYTES = 8 << 20  # a bigger part (scans) is opened per page as before: its pages cost far more


class PartDocuments:
    """Open documents by blob key, least recently used closed first."""

    def __init__(
        self,
        max_documents: int = MAX_DOCUMENTS,
        max_bytes: int = MAX_BYTES,
        max_document_bytes: int = MAX_DOCUMENT_BYTES,
    ) -> None:
        self._max_documents = max_documents
        self._max_bytes = max_bytes
        self._max_document_bytes = min(max_document_bytes, max_bytes)
        self._bytes = 0
        self._entries: OrderedDict[str, tuple[bytes, pdfium.PdfDocument]] = OrderedDict()
        self.opens = 0  # documents opened through this cache (what the tests and benchmarks count)

    def __len__(self) -> int:
        return len(self._entries)

    def opener(self, key: str) -> PdfOpenerForKey:
        """An ``open_pdf`` for ``extract_page_pdf``: the part stored under ``key``."""
        return PdfOpenerForKey(self, key)

    @contextmanager
    def opened(self, key: str, data: bytes) -> Iterator[pdfium.PdfDocument]:
        """``data`` (the bytes of blob ``key``) as a document, holding the PDFium lock like
        ``pdf_document.opened``; kept open afterwards unless too big to keep."""
        if len(data) > self._max_document_bytes:
            with opened(data) as doc:
                yield doc
            return
        with PDFIUM_LOCK:
            yield self._document(key, data)

    def _document(self, key: str, data: bytes) -> pdfium.PdfDocument:
        entry = self._entries.get(key)
        if entry is not None:
            if entry[0] == data:  # same object, or equal bytes: a cheap memcmp
                self._entries.move_to_end(key)
                return entry[1]
            self._drop(key)
        doc = open_document(data)  # raises the stable error of a bad part; nothing is kept then
        self.opens += 1
        self._entries[key] = (data, doc)
        self._bytes += len(data)
        while len(self._entries) > self._max_documents or self._bytes > self._max_bytes:
            self._drop(next(iter(self._entries)))
        return doc

    def _drop(self, key: str) -> None:
        data, doc = self._entries.pop(key)
        self._bytes -= len(data)
        doc.close()

    def clear(self) -> None:
        for key in list(self._entries):
            self._drop(key)


class PdfOpenerForKey:
    """``PartDocuments.opened`` bound to one key: the ``PdfOpener`` shape (bytes → context manager)."""

    __slots__ = ("_documents", "_key")

    def __init__(self, documents: PartDocuments, key: str) -> None:
        self._documents = documents
        self._key = key

    def __call__(self, data: bytes) -> AbstractContextManager[pdfium.PdfDocument]:
        return self._documents.opened(self._key, data)


# This process's parts (each pool worker has its own).
WORKER_PARTS = PartDocuments()
