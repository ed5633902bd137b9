"""Pages lying askew by a few degrees are levelled before OCR; office-scan skews are left alone."""

from __future__ import annotations

import io

import corpus
import pypdfium2 as pdfium
import pytest
from PIL import Image

from invoiceflow.domain.models import AggregatedInvoice
from invoiceflow.domain.ocr_deskew import MIN_SKEW, levelled, page_skew
from invoiceflow.domain.pipeline import extract_document


@pytest.fixture(scope="module")
def invoice() -> tuple[AggregatedInvoice, Image.Image]:
    pdf, golden = corpus.build_invoice_pdf(1, seed=31, layout="classic_ruled", language="fr")
    return golden, pdfium.PdfDocument(pdf)[0].render(scale=200 / 72).to_pil().convert("L")


@pytest.mark.parametrize("skew", [3.0, -4.5, 7.0])
def test_the_skew_is_measured(invoice: tuple[AggregatedInvoice, Image.Image], skew: float) -> None:
    _, page = invoice
    assert page_skew(page.rotate(skew, fillcolor="white")) == pytest.approx(skew, abs=0.6)


@pytest.mark.parametrize("skew", [0.0, 0.8, -1.2])
def test_an_office_scan_skew_stays_below_the_threshold(
    invoice: tuple[AggregatedInvoice, Image.Image], skew: float
) -> None:
    """Small skews get the coarse estimate only (no fine search): never enough to turn the page."""
    _, page = invoice
    turned = page.rotate(skew, fillcolor="white") if skew else page
    assert abs(page_skew(turned)) < MIN_SKEW


def test_small_skews_are_left_to_the_reading(invoice: tuple[AggregatedInvoice, Image.Image]) -> None:
    _, page = invoice
    turned = page.rotate(MIN_SKEW - 1.5, fillcolor="white")
    assert levelled(turned) is turned


def test_a_page_photographed_askew_is_read_level(invoice: tuple[AggregatedInvoice, Image.Image]) -> None:
    golden, page = invoice
    out = io.BytesIO()
    page.rotate(-6.0, fillcolor="white").convert("RGB").save(out, "PDF", resolution=200)
    [result] = extract_document(out.getvalue())
    assert result.invoice_number == golden.invoice_number
    assert result.issue_date == golden.issue_date
    assert result.totals.gross == golden.totals.gross
    assert result.totals.net == golden.totals.net


def test_a_page_with_nothing_to_tell_is_taken_as_level() -> None:
    blank = Image.new("L", (1654, 2339), 255)
    assert page_skew(blank) == 0.0
    specks = blank.copy()
    specks.paste(0, (400, 300, 404, 304))
    specks.paste(0, (1200, 1900, 1203, 1903))
    assert page_skew(specks) == 0.0
