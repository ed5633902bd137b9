"""Rendering a page to a PIL image with bounded size and bounded time (PDF bombs).

PDFium's progressive renderer asks a pause callback between steps; we pause once the deadline has
passed and then abandon the render, so a page with a pathological content stream cannot hang a worker.
"""

from __future__ import annotations

import ctypes
import math
import time
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError

if TYPE_CHECKING:
    from PIL import Image

POINTS_PER_INCH = 72.0
_WHITE = 0xFFFFFFFF


def render_scale(width_pt: float, height_pt: float, dpi: float, max_pixels: int) -> float:
    """Pixels per point for ``dpi``, lowered so that the bitmap has at most ``max_pixels`` pixels."""
    scale = dpi / POINTS_PER_INCH
    if width_pt * height_pt * scale * scale > max_pixels:
        scale = math.sqrt(max_pixels / (width_pt * height_pt))
    return scale


def render_page_image(page: pdfium.PdfPage, dpi: float, max_pixels: int, timeout_s: float) -> Image.Image:
    """Render ``page`` (its /Rotate applied) to an RGB image; ``RENDER_FAILED`` on timeout or error."""
    from PIL import Image

    width_pt, height_pt = page.get_size()
    scale = render_scale(width_pt, height_pt, dpi, max_pixels)
    width = max(1, int(width_pt * scale))
    height = max(1, int(height_pt * scale))
    bitmap = pdfium_c.FPDFBitmap_Create(width, height, 0)  # 0: BGRx, no alpha
    if not bitmap:
        raise InvoiceFlowError(f"cannot allocate a {width} x {height} bitmap", code=ErrorCode.RENDER_FAILED)
    try:
        pdfium_c.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, _WHITE)
        _render_with_deadline(page, bitmap, width, height, timeout_s)
        stride = pdfium_c.FPDFBitmap_GetStride(bitmap)
        address = pdfium_c.FPDFBitmap_GetBuffer(bitmap)
        raw = ctypes.string_at(address, stride * height)
        return Image.frombuffer("RGB", (width, height), raw, "raw", "BGRX", stride, 1)
    finally:
        pdfium_c.FPDFBitmap_Destroy(bitmap)


def _render_with_deadline(
    page: pdfium.PdfPage, bitmap: object, width: int, height: int, timeout_s: float
) -> None:
    deadline = time.monotonic() + timeout_s

    def need_to_pause(_pause: object) -> int:
        return int(time.monotonic() > deadline)

    pause = pdfium_c.IFSDK_PAUSE()
    pause.version = 1
    pause.NeedToPauseNow = type(pause.NeedToPauseNow)(need_to_pause)
    flags = pdfium_c.FPDF_ANNOT
    status = pdfium_c.FPDF_RenderPageBitmap_Start(bitmap, page, 0, 0, width, height, 0, flags, pause)
    try:
        while status == pdfium_c.FPDF_RENDER_TOBECONTINUED:
            if time.monotonic() > deadline:
                raise InvoiceFlowError(
                    f"rendering the page took longer than {timeout_s:g} s",
                    code=ErrorCode.RENDER_FAILED,
                    timeout_s=timeout_s,
                )
            status = pdfium_c.FPDF_RenderPage_Continue(page, pause)
        if status != pdfium_c.FPDF_RENDER_DONE:
            raise InvoiceFlowError("PDFium could not render the page", code=ErrorCode.RENDER_FAILED)
    finally:
        pdfium_c.FPDF_RenderPage_Close(page)
