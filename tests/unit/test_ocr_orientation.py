"""Scans fed sideways or upside down are turned upright before OCR; upright pages are left alone."""

from __future__ import annotations

import io

import corpus
import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from invoiceflow.domain.models import AggregatedInvoice, TextSource
from invoiceflow.domain.ocr_orientation import (
    INK_LEVEL,
    MIN_RISE_SHARE,
    blank_share,
    rise_share,
    upright_turn,
)
from invoiceflow.domain.pipeline import extract_document


@pytest.fixture(scope="module")
def invoice() -> tuple[AggregatedInvoice, Image.Image]:
    pdf, golden = corpus.build_invoice_pdf(1, seed=23, layout="classic_ruled", language="en")
    page = pdfium.PdfDocument(pdf)[0].render(scale=200 / 72).to_pil().convert("L")
    return golden, page


def _image_pdf(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, "PDF", resolution=200)
    return out.getvalue()


def _ink(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("L"), dtype=np.uint8) < INK_LEVEL


def test_ink_measures_tell_the_turns_apart(invoice: tuple[AggregatedInvoice, Image.Image]) -> None:
    _, page = invoice
    upright, turned_over, sideways = _ink(page), _ink(page.rotate(180)), _ink(page.rotate(90, expand=True))
    assert rise_share(upright) >= MIN_RISE_SHARE > rise_share(turned_over)
    # Text lines leave blank rows between them; a page on its side leaves blank columns instead.
    assert blank_share(upright, axis=1) > blank_share(upright, axis=0)
    assert blank_share(sideways, axis=0) > blank_share(sideways, axis=1)
    assert upright_turn(page) == 0


@pytest.mark.parametrize("fed", [180, 90, 270])
def test_a_page_scanned_turned_is_read_upright(
    invoice: tuple[AggregatedInvoice, Image.Image], fed: int
) -> None:
    golden, page = invoice
    turned = page.rotate(fed, expand=True)
    assert (upright_turn(turned) + fed) % 360 == 0
    [result] = extract_document(_image_pdf(turned), filename=f"fed-{fed}.pdf")
    assert result.pages[0].text_source is TextSource.OCR
    assert result.invoice_number == golden.invoice_number
    assert result.totals.gross == golden.totals.gross
    assert result.issue_date == golden.issue_date


def test_a_blank_page_is_left_as_it_is() -> None:
    assert upright_turn(Image.new("L", (1654, 2339), 255)) == 0
