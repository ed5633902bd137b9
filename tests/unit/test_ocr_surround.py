"""A sheet photographed on a desk has the desk cleared before OCR; scans are left as they are."""

from __future__ import annotations

import io

import corpus
import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageFilter

from invoiceflow.domain.models import AggregatedInvoice
from invoiceflow.domain.ocr_surround import without_surround
from invoiceflow.domain.pipeline import extract_document


@pytest.fixture(scope="module")
def invoice() -> tuple[AggregatedInvoice, Image.Image]:
    pdf, golden = corpus.build_invoice_pdf(1, seed=11, layout="classic_ruled", language="de")
    return golden, pdfium.PdfDocument(pdf)[0].render(scale=200 / 72).to_pil().convert("L")


def _on_a_desk(page: Image.Image, skew: float) -> Image.Image:
    """The sheet, turned by ``skew``, at ~85 % of the frame on a dark grey desk, a little blurred."""
    desk = Image.new("L", (round(page.width * 1.2), round(page.height * 1.15)), 55)
    sheet = page.rotate(skew, expand=True, fillcolor=255)
    desk.paste(sheet, ((desk.width - sheet.width) // 2, (desk.height - sheet.height) // 2))
    return desk.filter(ImageFilter.GaussianBlur(0.7)).resize(page.size)


def test_a_scan_is_left_as_it_is(invoice: tuple[AggregatedInvoice, Image.Image]) -> None:
    _, page = invoice
    assert without_surround(page) is page


def test_a_dark_band_running_off_the_sheet_is_no_surround(
    invoice: tuple[AggregatedInvoice, Image.Image],
) -> None:
    _, page = invoice
    banded = page.copy()
    banded.paste(40, (0, 0, page.width, 260))  # a full-bleed title band: top, left and right edges
    banded.paste(40, (0, 0, 120, page.height))  # and a side bar: still white along the bottom right
    assert without_surround(banded) is banded


def test_the_desk_is_cleared_and_the_sheet_kept(invoice: tuple[AggregatedInvoice, Image.Image]) -> None:
    _, page = invoice
    photo = _on_a_desk(page, 0.0)
    cleared = np.asarray(without_surround(photo))
    assert cleared[:40, :40].min() == 255
    assert cleared[-40:, -40:].min() == 255
    # The sheet's own ink stays (inside the sheet: the middle of the frame).
    height, width = cleared.shape
    middle = (slice(height // 4, 3 * height // 4), slice(width // 4, 3 * width // 4))
    ink = np.asarray(photo)[middle] < 80
    assert ink.sum() > 1000
    assert (cleared[middle][ink] < 128).all()


def test_a_sheet_photographed_askew_on_a_desk_is_read_whole(
    invoice: tuple[AggregatedInvoice, Image.Image],
) -> None:
    golden, page = invoice
    out = io.BytesIO()
    _on_a_desk(page, 3.5).convert("RGB").save(out, "PDF", resolution=200)
    [result] = extract_document(out.getvalue())
    assert result.invoice_number == golden.invoice_number
    assert result.totals.net == golden.totals.net
    assert result.totals.gross == golden.totals.gross
    assert len(result.line_items) == len(golden.line_items)
