"""Opening PDF bytes with PDFium and mapping its failures to stable error codes.

Kept apart from ``pdf.py`` so the text and OCR modules can open documents without import cycles.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from invoiceflow.domain.errors import ErrorCode, InvalidDocumentError

PDF_MAGIC = b"%PDF-"
# The header may follow a little junk (the spec tolerates it, Acrobat looks at the first 1024 bytes).
MAGIC_SEARCH_WINDOW = 1024
EOF_MARKER = b"%%EOF"
EOF_SEARCH_WINDOW = 2048
# PDFium is not thread-safe: concurrent calls from two threads corrupt its state and crash the process
# (seen as a segfault in the split service under load). Every use of a document happens inside
# ``opened``, which holds this lock; re-entrant so one thread may open a second document inside.
PDFIUM_LOCK = threading.RLock()
_EMPTY_PAGE_TREE = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+0\b|/Count\s+0\b[^>]*?/Type\s*/Pages\b")


def has_pdf_magic(data: bytes) -> bool:
    return PDF_MAGIC in data[:MAGIC_SEARCH_WINDOW]


def looks_truncated(data: bytes) -> bool:
    """A PDF file must end with ``%%EOF`` (give or take trailing whitespace or junk)."""
    return EOF_MARKER not in data[-EOF_SEARCH_WINDOW:]


def open_document(data: bytes) -> pdfium.PdfDocument:
    """Open PDF bytes; raise ``InvalidDocumentError`` with a stable code instead of PDFium's error."""
    if not has_pdf_magic(data):
        raise InvalidDocumentError("the input does not start with a PDF header", code=ErrorCode.NOT_A_PDF)
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _document_error(exc, data) from None


def _document_error(exc: pdfium.PdfiumError, data: bytes) -> InvalidDocumentError:
    # PDFium's error code is process-global and not reset by a successful load, so it can be stale
    # (e.g. a password error left by an earlier document): confirm it with the file's own structure.
    err = exc.err_code
    if err in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY) and b"/Encrypt" in data:
        return InvalidDocumentError("the PDF is encrypted", code=ErrorCode.PDF_ENCRYPTED)
    if _EMPTY_PAGE_TREE.search(data):
        # PDFium refuses a document whose page tree has no pages (with no error code of its own)
        return InvalidDocumentError("the PDF has no pages", code=ErrorCode.PDF_EMPTY)
    if looks_truncated(data):
        return InvalidDocumentError(
            "the PDF is truncated (no end-of-file marker)", code=ErrorCode.PDF_TRUNCATED
        )
    return InvalidDocumentError(f"the PDF cannot be parsed ({exc})", code=ErrorCode.PDF_CORRUPT)


@contextmanager
def opened(data: bytes) -> Iterator[pdfium.PdfDocument]:
    """Open a document and close it (and its native memory) deterministically, holding the PDFium lock."""
    with PDFIUM_LOCK:
        doc = open_document(data)
        try:
            yield doc
        finally:
            doc.close()


def load_page(doc: pdfium.PdfDocument, page_number: int) -> pdfium.PdfPage:
    """Page by 1-based number, with a stable error for numbers out of range or unloadable pages."""
    count = len(doc)
    if not 1 <= page_number <= count:
        raise InvalidDocumentError(
            f"page {page_number} does not exist (the document has {count} pages)",
            code=ErrorCode.INVALID_INPUT,
            page_number=page_number,
        )
    try:
        return doc[page_number - 1]
    except pdfium.PdfiumError as exc:
        raise InvalidDocumentError(
            f"page {page_number} cannot be loaded ({exc})",
            code=ErrorCode.PDF_CORRUPT,
            page_number=page_number,
        ) from None
