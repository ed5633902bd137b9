"""Page extractions kept in the blob store, handed around by reference.

What the workflow's extract activity returns ends up in histories that are re-sent and replayed on every
later turn (the child's, then the parent's ``when_all``/child result, then the aggregate request): at 50
pages ~230 KB of fields re-sent ~15 times per run. So the extract service stores each
``PageExtraction``'s JSON as a content-addressed blob (the same page's same JSON always has the same key:
a retried or re-run page rewrites nothing) and answers a ``StoredPageExtraction`` of ~200 bytes; the
aggregate service reads the blobs back.

In the embedded mode the aggregate route runs in the process that extracted the pages, and the blob
store keeps the bytes it wrote (``BlobCache``): nothing is read back. A separate aggregate app (or one
restarted mid-run) reads through the binding.
"""

from __future__ import annotations

import asyncio
import hashlib

from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError
from invoiceflow.domain.models import (
    Contract,
    DocumentExtraction,
    DocumentInfo,
    PageExtraction,
    PageMetadata,
)
from invoiceflow.services.blobstore import ServiceBlobStore

EXTRACTION_PREFIX = "extractions"


class StoredPageExtraction(Contract):
    """A reference to one page's ``PageExtraction`` JSON in the blob store."""

    page_number: int
    extraction_blob_key: str


class StoredAggregateRequest(Contract):
    """An ``AggregateRequest`` whose pages are references (in page order). A page may also be given as
    the fields themselves: an instance in flight across the deploy that introduced references has both
    in its history."""

    invoice_id: str
    document: DocumentInfo
    pages: list[StoredPageExtraction | PageExtraction]
    document_extraction: DocumentExtraction | None = None


def extraction_key(page_pdf_key: str, extraction_json: bytes) -> str:
    """Content-addressed within the folder of the PDF that holds the page (a split part of a few pages:
    each page's JSON names its page, so the pages of a part never share a key): one document's
    extractions stay together (and are cleaned up together); identical pages of two documents are two
    blobs, as their page PDFs are."""
    folder = hashlib.sha256(page_pdf_key.encode()).hexdigest()[:32]
    return f"{EXTRACTION_PREFIX}/{folder}/{hashlib.sha256(extraction_json).hexdigest()}.json"


async def store_extraction(
    store: ServiceBlobStore, page: PageMetadata, extraction_json: bytes
) -> StoredPageExtraction:
    """Write the page's JSON (before answering: a reference never names a blob that is not there)."""
    key = extraction_key(page.pdf_blob_key, extraction_json)
    await store.aput(key, extraction_json)
    return StoredPageExtraction(page_number=page.page_number, extraction_blob_key=key)


async def load_extractions(
    store: ServiceBlobStore, pages: list[StoredPageExtraction | PageExtraction]
) -> list[PageExtraction]:
    """The pages' extractions in the order given, read at once."""

    async def load(page: StoredPageExtraction | PageExtraction) -> PageExtraction:
        if isinstance(page, PageExtraction):
            return page
        key = page.extraction_blob_key
        try:
            data = await store.aget(key)
        except FileNotFoundError:
            raise InvoiceFlowError(
                f"extraction blob {key!r} of page {page.page_number} is missing",
                code=ErrorCode.FILE_NOT_FOUND,
            ) from None
        extraction = PageExtraction.model_validate_json(data)
        if extraction.page_number != page.page_number:
            raise InvoiceFlowError(
                f"extraction blob {key!r} holds page {extraction.page_number}, not {page.page_number}",
                code=ErrorCode.INTERNAL,
            )
        return extraction

    return list(await asyncio.gather(*(load(page) for page in pages)))
