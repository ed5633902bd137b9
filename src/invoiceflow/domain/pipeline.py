"""The pipeline's stages as plain functions over a ``BlobStore``: upload → split → extract → aggregate.

Every engine calls exactly these: the in-process CLI (``extract_invoice``), the Dapr services and the
Prefect tasks. Stages exchange references (blob keys, page metadata), never PDF bytes.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from invoiceflow.domain.aggregate import aggregate
from invoiceflow.domain.blobs import BlobStore, MemoryBlobStore, page_pdf_key, page_png_key, pdf_key
from invoiceflow.domain.document_level import aggregate_document, extract_document_level, extract_xml_document
from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import (
    AggregatedInvoice,
    DocumentInfo,
    OcrMode,
    PageExtraction,
    PageMetadata,
    SplitResult,
    UploadResult,
)
from invoiceflow.domain.pdf import PdfLimits, read_page, read_pdf_file, split_pdf, validate_pdf

PREVIEW_DPI = 150


def upload_pdf(
    data: bytes,
    store: BlobStore,
    *,
    invoice_id: str | None = None,
    filename: str | None = None,
    ocr: OcrMode = OcrMode.AUTO,
    limits: PdfLimits | None = None,
) -> UploadResult:
    """Validate a PDF and store it content-addressed; the invoice id defaults to its content hash."""
    info = validate_pdf(data, limits or PdfLimits())
    key = pdf_key(info.sha256)
    if not store.exists(key):
        store.put(key, data)
    return UploadResult(
        invoice_id=invoice_id or default_invoice_id(info.sha256),
        blob_key=key,
        sha256=info.sha256,
        filename=filename,
        size_bytes=len(data),
        page_count=info.page_count,
        ocr=ocr,
    )


def default_invoice_id(sha256: str) -> str:
    return f"inv-{sha256[:16]}"


def split_stored_pdf(
    upload: UploadResult,
    store: BlobStore,
    *,
    render_dpi: int | None = PREVIEW_DPI,
    templates: Path | None = None,
) -> SplitResult:
    """Split the stored PDF into one-page PDFs (and PNG previews) in the store; idempotent by key.

    Also runs the whole-document extractors (embedded e-invoice, invoice2data ``templates`` when a
    folder is given, page markers for batch splitting); their result rides in the ``SplitResult``.
    """
    data = store.get(upload.blob_key)
    pages: list[PageMetadata] = []
    for artifact in split_pdf(data, render_dpi=render_dpi):
        pdf_ref = page_pdf_key(upload.sha256, artifact.page_number)
        store.put(pdf_ref, artifact.pdf)
        png_ref = None
        if artifact.png is not None:
            png_ref = page_png_key(upload.sha256, artifact.page_number)
            store.put(png_ref, artifact.png)
        pages.append(
            PageMetadata(
                invoice_id=upload.invoice_id,
                page_number=artifact.page_number,
                page_count=len(pages) + 1,
                pdf_blob_key=pdf_ref,
                png_blob_key=png_ref,
                width=artifact.width,
                height=artifact.height,
                ocr=upload.ocr,
            )
        )
    for page in pages:
        page.page_count = len(pages)
    document = DocumentInfo(sha256=upload.sha256, filename=upload.filename, page_count=len(pages))
    document_extraction = extract_document_level(data, templates=templates)
    return SplitResult(
        invoice_id=upload.invoice_id, document=document, pages=pages, document_extraction=document_extraction
    )


def extract_page_pdf(page_pdf: bytes, page_number: int, ocr: OcrMode = OcrMode.AUTO) -> PageExtraction:
    """Extract the fields of one page, given as a one-page PDF."""
    text = dataclasses.replace(read_page(page_pdf, 1, ocr), page_number=page_number)
    return extract_page(text)


def extract_stored_page(page: PageMetadata, store: BlobStore) -> PageExtraction:
    return extract_page_pdf(store.get(page.pdf_blob_key), page.page_number, page.ocr)


def extract_invoice(
    data: bytes,
    *,
    filename: str | None = None,
    ocr: OcrMode = OcrMode.AUTO,
    limits: PdfLimits | None = None,
) -> AggregatedInvoice:
    """The whole pipeline in this process, through the same stage functions the engines call."""
    store = MemoryBlobStore()
    upload = upload_pdf(data, store, filename=filename, ocr=ocr, limits=limits)
    split = split_stored_pdf(upload, store, render_dpi=None)
    pages = [extract_stored_page(page, store) for page in split.pages]
    return aggregate(split.document, pages, document_extraction=split.document_extraction)


def extract_file(
    path: Path, *, ocr: OcrMode = OcrMode.AUTO, limits: PdfLimits | None = None
) -> AggregatedInvoice:
    limits = limits or PdfLimits()
    return extract_invoice(read_pdf_file(path, limits), filename=path.name, ocr=ocr, limits=limits)


def extract_document(
    data: bytes,
    *,
    filename: str | None = None,
    ocr: OcrMode = OcrMode.AUTO,
    limits: PdfLimits | None = None,
    templates: Path | None = None,
) -> list[AggregatedInvoice]:
    """Every invoice a file holds: a PDF (one invoice, or several in a batch scan) or a bare e-invoice
    XML (CII / UBL), told apart by content."""
    from invoiceflow.domain.einvoice import looks_like_xml

    if looks_like_xml(data):
        return [extract_xml_document(data, filename=filename)]
    store = MemoryBlobStore()
    upload = upload_pdf(data, store, filename=filename, ocr=ocr, limits=limits)
    split = split_stored_pdf(upload, store, render_dpi=None, templates=templates)
    pages = [extract_stored_page(page, store) for page in split.pages]
    return aggregate_document(split.document, pages, split.document_extraction)


def extract_document_file(
    path: Path, *, ocr: OcrMode = OcrMode.AUTO, limits: PdfLimits | None = None, templates: Path | None = None
) -> list[AggregatedInvoice]:
    limits = limits or PdfLimits()
    # read_pdf_file only bounds and reads the bytes; a bare XML e-invoice passes through it too.
    data = read_pdf_file(path, limits)
    return extract_document(data, filename=path.name, ocr=ocr, limits=limits, templates=templates)
