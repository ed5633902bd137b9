"""Paper left grey by a shadow is brought to white before OCR; evenly lit pages are left alone."""

from __future__ import annotations

import io

import corpus
import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageFilter

from invoiceflow.domain.models import AggregatedInvoice
from invoiceflow.domain.ocr_illumination import evened
from invoiceflow.domain.pipeline import extract_document


@pytest.fixture(scope="module")
def invoice() -> tuple[AggregatedInvoice, Image.Image]:
    pdf, golden = corpus.build_invoice_pdf(1, seed=11, layout="classic_ruled", language="de")
    return golden, pdfium.PdfDocument(pdf)[0].render(scale=200 / 72).to_pil().convert("L")


def _shadowed(page: Image.Image, darkest: float) -> Image.Image:
    """Light falling off towards the bottom right corner, which gets ``darkest`` of full light."""
    pixels = np.asarray(page, dtype=np.float32)
    rows, columns = np.mgrid[0 : pixels.shape[0], 0 : pixels.shape[1]]
    light = 1.0 - (1.0 - darkest) * (rows / pixels.shape[0] + columns / pixels.shape[1]) / 2
    return Image.fromarray(np.clip(pixels * light, 0, 255).astype(np.uint8))


def test_an_evenly_lit_page_is_left_alone(invoice: tuple[AggregatedInvoice, Image.Image]) -> None:
    _, page = invoice
    assert evened(page) is page


def test_a_dark_band_is_not_taken_for_a_shadow() -> None:
    page = Image.new("L", (1654, 2339), 255)
    page.paste(60, (0, 200, 1654, 420))  # a dark title bar across the page
    assert evened(page) is page


def test_shadowed_paper_is_brought_to_white_and_ink_stays_dark(
    invoice: tuple[AggregatedInvoice, Image.Image],
) -> None:
    _, page = invoice
    result = np.asarray(evened(_shadowed(page, 0.55)), dtype=np.float32)
    original = np.asarray(page, dtype=np.float32)
    paper, ink = original > 240, original < 80
    assert np.median(result[paper]) >= 245
    assert np.median(result[ink]) <= 90


def test_a_shadowed_scan_is_read_whole(invoice: tuple[AggregatedInvoice, Image.Image]) -> None:
    """Read as it came (one threshold for the page), this page lost its three totals."""
    golden, page = invoice
    out = io.BytesIO()
    _shadowed(page, 0.6).filter(ImageFilter.GaussianBlur(0.8)).convert("RGB").save(out, "PDF", resolution=200)
    [result] = extract_document(out.getvalue())
    assert result.invoice_number == golden.invoice_number
    assert result.totals.net == golden.totals.net
    assert result.totals.tax == golden.totals.tax
    assert result.totals.gross == golden.totals.gross
