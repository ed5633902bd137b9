"""The pipeline's stages as plain functions over a ``BlobStore``: upload → split → extract → aggregate.

The Dapr services and the Prefect tasks call exactly these; stages exchange references (blob keys,
page metadata), never PDF bytes. The in-process entry points (``extract_invoice``, ``extract_document``:
the CLI) compose the same steps without the blob store: the PDF is validated by the same function and
opened once, each page's words are read from it directly instead of from a one-page copy (the split
stage's one-page PDFs exist only to cross process boundaries), and the same ``extract_page``,
``extract_document_level`` and ``aggregate`` run on them, so the JSON equals the staged result
(``tests/unit/test_pipeline_direct.py`` checks that on corpus PDFs).

Both paths find a page's printed "page N of M" marker (batch scans) in the text read with its words
(``PageExtraction.page_marker``): the split stage reads no page text and loads no page at all unless it
renders previews, and no pass reads every page's text a second time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pypdfium2 as pdfium

from invoiceflow.domain.aggregate import aggregate
from invoiceflow.domain.batch import find_page_marker
from invoiceflow.domain.blobs import BlobStore, MemoryBlobStore, page_png_key, pages_pdf_key, pdf_key
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
from invoiceflow.domain.pdf_text import page_string, text_and_string_of_page

# Opens PDF bytes as a document for the duration of a ``with`` block (``pdf_document.opened`` by default).
PdfOpener = Callable[[bytes], AbstractContextManager[pdfium.PdfDocument]]

PREVIEW_DPI = 150
# Pages per PDF the split stage writes: each write is a round trip through a sidecar (a 50-page invoice
# took 50 writes, ~20-45 ms of a run's serial part; now 7). As many as the workflow's pages per child
# workflow (``workflow.models.DEFAULT_PAGES_PER_BATCH``), so a child's pages come from one blob.
PAGES_PER_PDF = 8


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
    """Split the stored PDF into PDFs of ``PAGES_PER_PDF`` consecutive pages (and PNG previews) in the
    store; idempotent by key. Each ``PageMetadata`` names its part and its index in it.

    Also runs the whole-document extractors (embedded e-invoice, invoice2data ``templates`` when a
    folder is given); their result rides in the ``SplitResult``. Batch page markers come with each page's
    extraction instead.
    """
    data = store.get(upload.blob_key)
    pages: list[PageMetadata] = []
    # All pages split before the first write: a page that fails leaves nothing stored.
    artifacts = split_pdf(data, render_dpi=render_dpi, pages_per_pdf=PAGES_PER_PDF)
    for artifact in artifacts:
        pdf_ref = pages_pdf_key(upload.sha256, artifact.pdf_first_page, artifact.pdf_last_page)
        if artifact.page_number == artifact.pdf_first_page:
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
                pdf_page_index=artifact.pdf_page_index,
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


def extract_page_pdf(
    page_pdf: bytes,
    page_number: int,
    ocr: OcrMode = OcrMode.AUTO,
    index_in_pdf: int = 1,
    *,
    open_pdf: PdfOpener = opened,
) -> PageExtraction:
    """Extract the fields of page ``page_number``, given as page ``index_in_pdf`` of a split part (a
    one-page PDF by default), and find its printed page marker.

    ``open_pdf`` opens ``page_pdf`` for the text layer (holding the PDFium lock while it is used); a
    caller that extracts several pages of one part may hand out a document it keeps open (the extract
    service's workers do: ``services/part_documents.py``), so the part is parsed once, not per page."""
    with open_pdf(page_pdf) as doc:
        text, string = _text_layer(doc, index_in_pdf, ocr)
    # OCR after the document is closed (as ``read_page_texts``): it runs without the PDFium lock.
    words = text if text is not None else read_page(page_pdf, index_in_pdf, OcrMode.ALWAYS)
    return _with_marker(extract_page(dataclasses.replace(words, page_number=page_number)), string)


def _text_layer(
    doc: pdfium.PdfDocument, page_number: int, ocr: OcrMode
) -> tuple[PageText | None, str | None]:
    """Page ``page_number``'s text-layer words (None where the page is to be OCRed: OCR runs after the
    document is closed, without the PDFium lock) and its plain string (for the page marker)."""
    from invoiceflow.domain.ocr import needs_ocr
    from invoiceflow.domain.page_scan import scan_under_stray_text

    page = load_page(doc, page_number)
    try:
        if ocr is OcrMode.ALWAYS:
            return None, _plain_string(page)
        text, string = text_and_string_of_page(page, page_number)
        if ocr is not OcrMode.NEVER and (needs_ocr(text) or scan_under_stray_text(page, text)):
            return None, string
        return text, string
    finally:
        page.close()


def _with_marker(extraction: PageExtraction, string: str | None) -> PageExtraction:
    if string is not None:
        extraction.page_marker = find_page_marker(extraction.page_number, string)
    return extraction


def _plain_string(page: pdfium.PdfPage) -> str | None:
    """The page's text-layer string without its words (OCR reads the words; the marker is printed text);
    None when PDFium cannot read the text layer."""
    try:
        textpage = page.get_textpage()
    except pdfium.PdfiumError:
        return None
    try:
        return page_string(textpage)
    finally:
        textpage.close()


def extract_stored_page(page: PageMetadata, store: BlobStore) -> PageExtraction:
    return extract_page_pdf(store.get(page.pdf_blob_key), page.page_number, page.ocr, page.pdf_page_index)


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
    pages = [_with_marker(extract_page(text), string) for text, string in zip(texts, strings, strict=True)]
    return document, pages, extract_document_level(data, templates=templates)


def read_page_texts(data: bytes, ocr: OcrMode = OcrMode.AUTO) -> list[PageText]:
    """Every page's words, the document opened once: the text layer where it is usable, OCR (as
    ``read_page`` decides) for the others, after the document is closed so OCR runs without the lock."""
    return _read_pages(data, ocr)[0]


def _read_pages(data: bytes, ocr: OcrMode) -> tuple[list[PageText], list[str | None]]:
    """The pages' words, and each page's plain text-layer string (for the page markers), as
    ``extract_page_pdf`` reads them from a one-page PDF."""
    texts: list[PageText | None] = []
    strings: list[str | None] = []
    with opened(data) as doc:
        for page_number in range(1, len(doc) + 1):
            text, string = _text_layer(doc, page_number, ocr)
            strings.append(string)
            texts.append(text)
    pages = [
        text if text is not None else read_page(data, page_number, OcrMode.ALWAYS)
        for page_number, text in enumerate(texts, start=1)
    ]
    return pages, strings


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
