"""Shaded bands of scanned pages (white text on dark or coloured bars) found, normalised and read on
their own: on real rendered and scanned pages, through the C library where Tesseract is installed."""

from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageFilter
from reportlab.pdfgen import canvas

from invoiceflow.domain.ocr_bands import cell_size, find_bands, normalised_band
from invoiceflow.domain.ocr_merge import ShadedBand, merge_bands
from invoiceflow.domain.ocr_tesseract import TesseractEngine
from invoiceflow.domain.ocr_words import PixelWord

tesseract = pytest.mark.skipif(not TesseractEngine().is_available(), reason="tesseract not installed")

DPI = 200
PX = DPI / 72  # pixels per point
# (x, y from the top, width, height) of the bars in points, their fill, and the white label on each
BARS = [
    ((50.0, 160.0, 230.0, 15.0), (0.15, 0.15, 0.15), "Consignor"),
    ((310.0, 160.0, 230.0, 15.0), (0.12, 0.23, 0.45), "Consignee"),
    ((50.0, 330.0, 490.0, 16.0), (0.85, 0.45, 0.1), "Article"),
]


def banded_page() -> Image.Image:
    """An A4 page with a dark, a navy and an orange bar, each with a white label sitting low in it (as
    drawn at the text's baseline), black text right under the bars, scanned: turned half a degree and
    blurred."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    for (x, top, width, height), colour, label in BARS:
        pdf.setFillColorRGB(*colour)
        pdf.rect(x, 842 - top - height, width, height, stroke=0, fill=1)
        pdf.setFillGray(1)
        pdf.setFont("Helvetica-Bold", 9)
        pdf.drawString(x + 3, 842 - top - height + 3, label)
        pdf.setFillGray(0)
        pdf.setFont("Helvetica", 9)
        pdf.drawString(x + 3, 842 - top - height - 12, "Harbourside Dental Clinic")
    pdf.drawRightString(540, 842 - 330 + 12 - 40, "Quantity 12")
    pdf.showPage()
    pdf.save()
    with pdfium.PdfDocument(buffer.getvalue()) as doc:
        image = doc[0].render(scale=PX).to_pil().convert("L")
    image = image.rotate(0.5, resample=Image.Resampling.BILINEAR, fillcolor=255)
    return image.filter(ImageFilter.GaussianBlur(0.7))


def test_bars_are_found_where_drawn_and_normalised_to_black_on_white() -> None:
    image = banded_page()
    grey = np.asarray(image)
    cell = cell_size(image.width, image.height)
    bands = find_bands(grey, cell)
    assert len(bands) == len(BARS)
    for band, ((x, top, width, height), _colour, _label) in zip(bands, BARS, strict=True):
        normalised = normalised_band(grey, band, cell)
        assert normalised is not None
        assert normalised.pixels is not None
        left, upper, right, lower = normalised.box
        # the band's own pixels, within the half degree of turn (4 px over 500 pt) and the soft edge left out
        assert abs(left - x * PX) < 12
        assert abs(right - (x + width) * PX) < 12
        assert abs(upper - top * PX) < 12
        assert abs(lower - (top + height) * PX) < 12
        # black text on white: mostly paper, some ink
        assert np.median(normalised.pixels) > 200
        assert (normalised.pixels < 100).mean() > 0.005


def test_a_page_of_plain_text_has_no_bands() -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFont("Helvetica-Bold", 28)
    pdf.drawString(50, 760, "INVOICE 2026-0042")
    pdf.setFont("Helvetica", 10)
    for row in range(30):
        pdf.drawString(50, 700 - 15 * row, "Installation service, brushed steel fittings   12   1.234,56")
    pdf.rect(300, 100, 200, 60)  # an outlined box is no band
    pdf.showPage()
    pdf.save()
    with pdfium.PdfDocument(buffer.getvalue()) as doc:
        image = doc[0].render(scale=PX).to_pil().convert("L")
    assert find_bands(np.asarray(image), cell_size(image.width, image.height)) == []


@tesseract
def test_white_labels_on_bars_are_read() -> None:
    image = banded_page()
    with_bands = [w.text for w in TesseractEngine().recognize(image)]
    for _box, _colour, label in BARS:
        assert label in with_bands
    assert with_bands.count("Harbourside") == 3  # the text under the bars is still there, once each


def test_band_word_replaces_garbage_but_not_a_better_page_reading() -> None:
    line = (4, 1, 1)
    page = [
        PixelWord("1", 892, 242, 900, 262, 0.56, line),  # "Destinatario" read as "1 0"
        PixelWord("0", 968, 242, 980, 262, 0.69, line),
        PixelWord("Descripción", 131, 597, 300, 620, 0.96, (7, 1, 9)),
        PixelWord("Cantidad", 825, 586, 930, 610, 0.97, (7, 1, 9)),
        PixelWord("Ostrava", 856, 265, 930, 285, 0.96, (4, 1, 2)),  # below the band: untouched
    ]
    bands = [(ShadedBand((840, 230, 1500, 266), 16), 16), (ShadedBand((118, 571, 1518, 618), 60), 16)]
    read = [  # the band pass's words, in the stacked image's coordinates
        PixelWord("Destinatario", 16 + 15, 16 + 4, 16 + 180, 16 + 30, 0.92, (1, 1, 1)),
        PixelWord("Descri", 16 + 12, 60 + 30, 16 + 76, 60 + 49, 0.81, (1, 1, 2)),
        PixelWord("»ción", 16 + 76, 60 + 29, 16 + 150, 60 + 49, 0.81, (1, 1, 2)),
        PixelWord("Cantidad", 16 + 707, 60 + 15, 16 + 812, 60 + 39, 0.97, (1, 1, 2)),
        PixelWord("Precio", 16 + 932, 60 + 15, 16 + 1010, 60 + 40, 0.97, (1, 1, 2)),
    ]
    merged = {w.text: w for w in merge_bands(page, bands, read)}
    assert sorted(merged) == ["Cantidad", "Descripción", "Destinatario", "Ostrava", "Precio"]
    assert merged["Cantidad"].line == (7, 1, 9)  # the page pass's reading of the head stands
    assert merged["Precio"].line[0] > merged["Cantidad"].line[0]  # the column head it dropped, added
    destinatario = merged["Destinatario"]
    assert (destinatario.left, destinatario.top) == (855, 234)  # back in page pixels
    assert destinatario.line != merged["Ostrava"].line


@tesseract
def test_a_scan_without_bands_or_touched_rules_reads_as_before() -> None:
    from benchmarks.ocr_engines import invoice_page, scan

    with pdfium.PdfDocument(scan(invoice_page(3)[0], 3)) as doc:
        image = doc[0].render(scale=PX).to_pil()
    before = TesseractEngine(shaded_bands=False, rules_cut=False).recognize(image)
    assert TesseractEngine().recognize(image) == before
    assert TesseractEngine(rules_cut=True).recognize(image) == before
    assert len(before) > 40
