"""The pipeline's stages as plain functions over a ``BlobStore``: upload → split → extract → aggregate.

The Dapr services and the Prefect tasks call exactly these; stages exchange references (blob keys,
page metadata), never PDF bytes. The in-process entry points (``extract_invoice``, ``extract_document``:
the CLI) compose the same steps without the blob store: the PDF is validated by the same function and
opened once, each page's words are read from it directly instead of from a one-page copy (the split
stage's one-page PDFs exist only to cross process boundaries), and the same ``extract_page``,
``extract_document_level`` and ``aggregate`` run on them, so the JSON equals the staged result
(``tests/unit/test_pipeline_direct.py`` checks that on corpus PDFs).
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
    DocumentExtraction,
    DocumentInfo,
    OcrMode,
    PageExtraction,
    PageMetadata,
    PageText,
    SplitResult,
    UploadResult,
)
from invoiceflow.domain.pdf import PdfLimits, read_page, read_pdf_file, split_pdf, validate_pdf
from invoiceflow.domain.pdf_document import load_page, opened
from invoiceflow.domain.pdf_text import text_and_string_of_page

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
    # All pages split before the first write: a page that fails leaves nothing stored. Each page's text
    # comes along for the batch page markers, so the document-level pass does not load every page again.
    artifacts = split_pdf(data, render_dpi=render_dpi, with_text=True)
    for artifact in artifacts:
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
    strings = [artifact.text for artifact in artifacts if artifact.text is not None]
    document_extraction = _document_level(data, templates, strings if len(strings) == len(pages) else None)
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
    """The whole pipeline in this process, as one invoice (the same steps as the stages, see above)."""
    document, pages, document_extraction = _read_document(data, filename, ocr, limits, templates=None)
    return aggregate(document, pages, document_extraction=document_extraction)


def extract_document_staged(
    data: bytes, *, filename: str | None = None, ocr: OcrMode = OcrMode.AUTO, templates: Path | None = None
) -> list[AggregatedInvoice]:
    """Every invoice of a PDF through the stage functions and an in-memory blob store, as the engines
    run them; the reference the direct in-process path is checked against."""
    store = MemoryBlobStore()
    upload = upload_pdf(data, store, filename=filename, ocr=ocr)
    split = split_stored_pdf(upload, store, render_dpi=None, templates=templates)
    pages = [extract_stored_page(page, store) for page in split.pages]
    return aggregate_document(split.document, pages, split.document_extraction)


def _read_document(
    data: bytes, filename: str | None, ocr: OcrMode, limits: PdfLimits | None, templates: Path | None
) -> tuple[DocumentInfo, list[PageExtraction], DocumentExtraction | None]:
    info = validate_pdf(data, limits or PdfLimits())
    document = DocumentInfo(sha256=info.sha256, filename=filename, page_count=info.page_count)
    # Pages before the document-level extractors: a page PDFium cannot load fails as in the split stage.
    texts, strings = _read_pages(data, ocr)
    pages = [extract_page(text) for text in texts]
    return document, pages, _document_level(data, templates, strings)


def read_page_texts(data: bytes, ocr: OcrMode = OcrMode.AUTO) -> list[PageText]:
    """Every page's words, the document opened once: the text layer where it is usable, OCR (as
    ``read_page`` decides) for the others, after the document is closed so OCR runs without the lock."""
    return _read_pages(data, ocr)[0]


def _read_pages(data: bytes, ocr: OcrMode) -> tuple[list[PageText], list[str] | None]:
    """The pages' words, and each page's plain text-layer string (None with ``OcrMode.ALWAYS``, which
    reads no text layer)."""
    from invoiceflow.domain.ocr import needs_ocr

    texts: list[PageText | None] = []
    strings: list[str] | None = None if ocr is OcrMode.ALWAYS else []
    with opened(data) as doc:
        for page_number in range(1, len(doc) + 1):
            text: PageText | None = None
            if strings is not None:
                page = load_page(doc, page_number)
                try:
                    text, string = text_and_string_of_page(page, page_number)
                finally:
                    page.close()
                strings.append(string)
                if ocr is not OcrMode.NEVER and needs_ocr(text):
                    text = None
            texts.append(text)
    pages = [
        text if text is not None else read_page(data, page_number, ocr)
        for page_number, text in enumerate(texts, start=1)
    ]
    return pages, strings


def _document_level(
    data: bytes, templates: Path | None, strings: list[str] | None
) -> DocumentExtraction | None:
    """``extract_document_level``, given the page strings already read so that it does not load and read
    every page a second time for the page markers of a batch (about 1 ms per page). With templates (they
    need the text too) or without strings it runs as is."""
    if templates is not None or strings is None or len(strings) < 2:
        return extract_document_level(data, templates=templates)
    from invoiceflow.domain.batch import find_page_markers

    result = extract_document_level(data, templates=None, page_markers=False)
    if result is not None and result.method is not None:
        return result  # an embedded e-invoice describes one invoice: no batch split, as there
    markers = find_page_markers(strings)
    if not markers:
        return result
    result = result or DocumentExtraction()
    result.page_markers = markers
    return result


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
    document, pages, document_extraction = _read_document(data, filename, ocr, limits, templates)
    return aggregate_document(document, pages, document_extraction)


def extract_document_file(
    path: Path, *, ocr: OcrMode = OcrMode.AUTO, limits: PdfLimits | None = None, templates: Path | None = None
) -> list[AggregatedInvoice]:
    limits = limits or PdfLimits()
    # read_pdf_file only bounds and reads the bytes; a bare XML e-invoice passes through it too.
    data = read_pdf_file(path, limits)
    return extract_document(data, filename=path.name, ocr=ocr, limits=limits, templates=templates)
