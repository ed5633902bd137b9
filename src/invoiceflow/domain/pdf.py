"""PDF handling for the domain core: validation and limits, hashing, splitting, rendering, page text.

Everything here takes and returns bytes and plain values (no temp files), so the same functions serve
the CLI, the Dapr activities and the Prefect tasks. Every failure is an ``InvalidDocumentError`` (or
``InvoiceFlowError``) with a stable ``ErrorCode``.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from invoiceflow.domain.errors import ErrorCode, InvalidDocumentError, InvoiceFlowError
from invoiceflow.domain.models import OcrMode, PageText
from invoiceflow.domain.pdf_document import (
    PDFIUM_LOCK,
    has_pdf_magic,
    load_page,
    looks_truncated,
    open_document,
    opened,
)
from invoiceflow.domain.pdf_render import render_page_image
from invoiceflow.domain.pdf_text import document_text, page_text

if TYPE_CHECKING:
    from invoiceflow.domain.ocr_engines import OcrEngine

__all__ = [
    "PageArtifact",
    "PdfInfo",
    "PdfLimits",
    "document_text",
    "iter_page_artifacts",
    "page_text",
    "read_page",
    "read_pdf_file",
    "render_page_png",
    "sha256_hex",
    "split_pdf",
    "validate_pdf",
]

PREVIEW_DPI = 150
# A part of several pages (``iter_page_artifacts``) stays below this; larger pages are saved one by one.
# Every reader of one of its pages gets the whole part (a blob read, a copy into a worker process).
MAX_PART_PDF_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class PdfLimits:
    """Bounds applied to untrusted PDFs (size, page count, page size, render size and time)."""

    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 500
    max_page_side_pt: float = 14_400.0  # PDF 1.7 spec, Annex C: the largest page side a viewer must support
    max_render_pixels: int = 40_000_000
    render_timeout_s: float = 20.0


DEFAULT_LIMITS = PdfLimits()


@dataclass(frozen=True, slots=True)
class PdfInfo:
    page_count: int
    sha256: str
    size_bytes: int
    encrypted: bool = False  # encrypted with an empty user password: readable, so accepted
    pdf_version: int | None = None  # e.g. 17 for PDF 1.7


@dataclass(frozen=True, slots=True)
class PageArtifact:
    """One page of a split document: the standalone PDF that holds it and a PNG preview.

    ``pdf`` holds pages ``pdf_first_page``..``pdf_last_page`` of the document (a part of consecutive
    pages, see ``iter_page_artifacts``; this page alone by default); the artifacts of one part share its
    bytes."""

    page_number: int
    pdf: bytes
    width: float  # points, as displayed (after /Rotate; PDFium's page size, as ``validate_pdf`` checks)
    height: float
    png: bytes | None  # None when the split was asked not to render
    pdf_first_page: int
    pdf_last_page: int

    @property
    def pdf_page_index(self) -> int:
        """This page's 1-based number inside ``pdf``."""
        return self.page_number - self.pdf_first_page + 1


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_pdf_file(path: str | os.PathLike[str], limits: PdfLimits = DEFAULT_LIMITS) -> bytes:
    """Read a PDF file, checking its size with ``stat`` before reading anything into memory."""
    file_path = Path(path)
    try:
        info = file_path.stat()
    except FileNotFoundError:
        raise InvoiceFlowError(f"no such file: {file_path}", code=ErrorCode.FILE_NOT_FOUND) from None
    except OSError as exc:
        raise InvoiceFlowError(
            f"cannot access {file_path}: {exc.strerror}", code=ErrorCode.FILE_UNREADABLE
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise InvoiceFlowError(f"not a regular file: {file_path}", code=ErrorCode.FILE_UNREADABLE)
    _check_size(info.st_size, limits)
    try:
        with file_path.open("rb") as handle:
            # bounded read: the file may have grown since stat
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        raise InvoiceFlowError(
            f"cannot read {file_path}: {exc.strerror}", code=ErrorCode.FILE_UNREADABLE
        ) from None
    _check_size(len(data), limits)
    return data


def _check_size(size: int, limits: PdfLimits) -> None:
    if size > limits.max_bytes:
        raise InvalidDocumentError(
            f"the file has {size} bytes, the limit is {limits.max_bytes}",
            code=ErrorCode.PDF_TOO_LARGE,
            size_bytes=size,
            max_bytes=limits.max_bytes,
        )


def validate_pdf(data: bytes, limits: PdfLimits = DEFAULT_LIMITS) -> PdfInfo:
    """Check untrusted bytes against ``limits`` and return basic facts, or raise a stable error code.

    Cheap checks come first (size, magic bytes, end marker), then PDFium parses the cross-reference
    table and page tree; page sizes are read from the page dictionaries without loading page content.
    """
    _check_size(len(data), limits)
    if not has_pdf_magic(data):
        raise InvalidDocumentError("the input does not start with a PDF header", code=ErrorCode.NOT_A_PDF)
    if looks_truncated(data):
        raise InvalidDocumentError(
            "the PDF is truncated (no end-of-file marker)", code=ErrorCode.PDF_TRUNCATED
        )
    with opened(data) as doc:
        page_count = len(doc)
        if page_count == 0:
            raise InvalidDocumentError("the PDF has no pages", code=ErrorCode.PDF_EMPTY)
        if page_count > limits.max_pages:
            raise InvalidDocumentError(
                f"the PDF has {page_count} pages, the limit is {limits.max_pages}",
                code=ErrorCode.PDF_TOO_MANY_PAGES,
                page_count=page_count,
                max_pages=limits.max_pages,
            )
        for index in range(page_count):
            _check_page_size(doc, index, limits)
        encrypted = pdfium_c.FPDF_GetSecurityHandlerRevision(doc) != -1
        version = doc.get_version()
    return PdfInfo(
        page_count=page_count,
        sha256=sha256_hex(data),
        size_bytes=len(data),
        encrypted=encrypted,
        pdf_version=version,
    )


def _check_page_size(doc: pdfium.PdfDocument, index: int, limits: PdfLimits) -> None:
    try:
        width, height = doc.get_page_size(index)
    except pdfium.PdfiumError:
        raise InvalidDocumentError(
            f"page {index + 1} cannot be read", code=ErrorCode.PDF_CORRUPT, page_number=index + 1
        ) from None
    if not (0 < width <= limits.max_page_side_pt and 0 < height <= limits.max_page_side_pt):
        raise InvalidDocumentError(
            f"page {index + 1} is {width:.0f} x {height:.0f} pt, the limit is "
            f"{limits.max_page_side_pt:.0f} pt per side",
            code=ErrorCode.PAGE_TOO_LARGE,
            page_number=index + 1,
            width=width,
            height=height,
        )


def render_page_png(
    pdf: bytes, page_number: int, dpi: int = PREVIEW_DPI, limits: PdfLimits = DEFAULT_LIMITS
) -> bytes:
    """A PNG of one page; the scale is lowered when needed so the pixel count stays within the limit."""
    with opened(pdf) as doc:
        page = load_page(doc, page_number)
        try:
            return _png(render_page_image(page, dpi, limits.max_render_pixels, limits.render_timeout_s))
        finally:
            page.close()


def _png(image: object) -> bytes:
    buffer = io.BytesIO()
    # compress_level 1: previews are transient, PNG's default level costs ~4x the time for ~10% size
    image.save(buffer, format="PNG", compress_level=1)  # type: ignore[attr-defined]
    return buffer.getvalue()


def _pages_pdf(doc: pdfium.PdfDocument, indices: list[int]) -> bytes:
    part = pdfium.PdfDocument.new()
    try:
        part.import_pages(doc, indices)
        buffer = io.BytesIO()
        part.save(buffer)
        return buffer.getvalue()
    finally:
        part.close()


@dataclass(frozen=True, slots=True)
class _Part:
    first: int  # 0-based indices into the document
    last: int
    pdf: bytes


def _parts_from(doc: pdfium.PdfDocument, index: int, pages_per_pdf: int, max_pdf_bytes: int) -> list[_Part]:
    """The next part from page ``index`` on; when it comes out over ``max_pdf_bytes`` (scanned pages:
    each reader of one of its pages would fetch all of them) its pages are saved one by one instead."""
    indices = list(range(index, min(index + max(pages_per_pdf, 1), len(doc))))
    pdf = _pages_pdf(doc, indices)
    if len(indices) == 1 or len(pdf) <= max_pdf_bytes:
        return [_Part(indices[0], indices[-1], pdf)]
    return [_Part(i, i, _pages_pdf(doc, [i])) for i in indices]


def iter_page_artifacts(
    data: bytes,
    *,
    render_dpi: int | None = PREVIEW_DPI,
    limits: PdfLimits = DEFAULT_LIMITS,
    pages_per_pdf: int = 1,
    max_pdf_bytes: int = MAX_PART_PDF_BYTES,
) -> Iterator[PageArtifact]:
    """Split page by page so at most one page's render is held at a time (beyond what the caller keeps).

    ``pages_per_pdf`` > 1 saves consecutive pages as one PDF (a part) up to ``max_pdf_bytes``: fewer,
    larger blobs to write (each is a round trip through a sidecar) for the same bytes (pages share
    fonts); a reader loads only its page of the part.

    Every PDFium call holds ``PDFIUM_LOCK`` (PDFium is not thread-safe; the split service runs splits in
    threads), but not across ``yield``: the caller's work between pages runs unlocked. Without a render
    no page is loaded (parsing its content was ~90 % of a split): a part copies the pages' objects as
    they are, and the size comes from the page dictionary."""
    validate_pdf(data, limits)
    with PDFIUM_LOCK:
        doc = open_document(data)
        page_count = len(doc)
    # As many pages per part as fit on average: scanned pages (~0.5 MB each) go one by one at once,
    # without first saving a part too large to keep.
    per_part = max(1, min(pages_per_pdf, max_pdf_bytes * page_count // max(len(data), 1)))
    try:
        parts: list[_Part] = []
        for index in range(page_count):
            with PDFIUM_LOCK:
                if not parts or index > parts[-1].last:
                    parts = _parts_from(doc, index, per_part, max_pdf_bytes)
                part = next(p for p in parts if p.first <= index <= p.last)
                artifact = _page_artifact(doc, index, render_dpi, limits, part)
            yield artifact
    finally:
        with PDFIUM_LOCK:
            doc.close()


def _page_artifact(
    doc: pdfium.PdfDocument, index: int, render_dpi: int | None, limits: PdfLimits, part: _Part
) -> PageArtifact:
    png = None
    if render_dpi is not None:
        page = load_page(doc, index + 1)
        try:
            image = render_page_image(page, render_dpi, limits.max_render_pixels, limits.render_timeout_s)
            png = _png(image)
        finally:
            page.close()
    width, height = doc.get_page_size(index)  # validate_pdf read it already: it does not fail here
    return PageArtifact(
        page_number=index + 1,
        pdf=part.pdf,
        width=width,
        height=height,
        png=png,
        pdf_first_page=part.first + 1,
        pdf_last_page=part.last + 1,
    )


def split_pdf(
    data: bytes,
    *,
    render_dpi: int | None = PREVIEW_DPI,
    limits: PdfLimits = DEFAULT_LIMITS,
    pages_per_pdf: int = 1,
    max_pdf_bytes: int = MAX_PART_PDF_BYTES,
) -> list[PageArtifact]:
    """All pages at once; prefer ``iter_page_artifacts`` to keep memory at one page (one part)."""
    return list(
        iter_page_artifacts(
            data,
            render_dpi=render_dpi,
            limits=limits,
            pages_per_pdf=pages_per_pdf,
            max_pdf_bytes=max_pdf_bytes,
        )
    )


def read_page(
    pdf: bytes,
    page_number: int,
    ocr_mode: OcrMode = OcrMode.AUTO,
    *,
    engine: OcrEngine | None = None,
    limits: PdfLimits = DEFAULT_LIMITS,
) -> PageText:
    """Words of one page, from the text layer or OCR (see ``invoiceflow.domain.ocr.read_page``)."""
    from invoiceflow.domain import ocr  # lazy: ocr imports this module

    return ocr.read_page(pdf, page_number, ocr_mode, engine=engine, limits=limits)
