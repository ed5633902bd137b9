"""Rules that text touches cut from scanned page images before OCR (``ocr_rules``), on pages rendered
with reportlab and rasterised with pypdfium2."""

from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageFilter
from reportlab.pdfgen import canvas

from invoiceflow.domain.ocr_rules import INK, cut_rules
from invoiceflow.domain.ocr_tesseract import TesseractEngine

tesseract = pytest.mark.skipif(not TesseractEngine().is_available(), reason="tesseract not installed")

DPI = 200
PX = DPI / 72


def rasterised(draw: object) -> np.ndarray:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    draw(pdf)  # type: ignore[operator]
    pdf.showPage()
    pdf.save()
    with pdfium.PdfDocument(buffer.getvalue()) as doc:
        image = doc[0].render(scale=PX).to_pil().convert("L")
    return np.asarray(image.filter(ImageFilter.GaussianBlur(0.6)))


def boxed_address(pdf: canvas.Canvas) -> None:
    """An address boxed a point from its glyphs, and a rule far from any text."""
    pdf.setFont("Helvetica", 9)
    pdf.drawString(320, 700, "Talleres Ibáñez S.A.")
    pdf.drawString(320, 688, "Calle Mayor 19")
    pdf.rect(318, 685.5, 150, 23)  # bottom edge touches the descenders, top edge the capitals
    pdf.line(50, 500, 545, 500)  # a rule with no text near


def row_ink(grey: np.ndarray, y_pt: float, x0_pt: float, x1_pt: float) -> float:
    """Share of ink along the rule drawn at ``y_pt`` (from the bottom), over its darkest pixel row."""
    centre = round((842 - y_pt) * PX)
    rows = grey[centre - 3 : centre + 4, round(x0_pt * PX) : round(x1_pt * PX)] < INK
    return float(rows.mean(axis=1).max())


def test_rules_text_touches_are_erased_and_the_others_kept() -> None:
    grey = rasterised(boxed_address)
    cut = cut_rules(grey, DPI)
    assert cut is not None
    assert row_ink(grey, 685.5, 330, 460) > 0.9  # the box's bottom edge, drawn
    assert row_ink(cut, 685.5, 330, 460) < 0.2  # ... and cut
    assert row_ink(cut, 500, 60, 535) > 0.9  # the lonely rule stays
    # the glyphs keep their ink: the text band inside the box loses at most the rule's own pixels
    text = (slice(round((842 - 708) * PX), round((842 - 687) * PX)), slice(round(325 * PX), round(460 * PX)))
    kept = (cut[text] < INK).sum() / (grey[text] < INK).sum()
    assert kept > 0.85


def test_a_page_whose_rules_no_text_touches_is_left_alone() -> None:
    def ruled_table(pdf: canvas.Canvas) -> None:
        pdf.setFont("Helvetica", 9)
        for row in range(6):
            y = 600 - 20 * row
            pdf.drawString(60, y, "Annual maintenance")
            pdf.drawRightString(530, y, "1.234,56")
            pdf.line(50, y - 7, 545, y - 7)  # rules 5 pt below the baseline, clear of the text

    assert cut_rules(rasterised(ruled_table), DPI) is None


def test_bars_and_the_gaps_between_white_letters_on_them_are_no_rules() -> None:
    def bar(pdf: canvas.Canvas) -> None:
        pdf.setFillGray(0.1)
        pdf.rect(50, 600, 400, 14, stroke=0, fill=1)
        pdf.setFillGray(0)
        pdf.setFont("Helvetica", 9)
        pdf.drawString(55, 590, "Beschreibung")  # touching the bar's bottom edge
        # a title band: between its white letters, dark gaps as long and thin as a rule
        pdf.setFillColorRGB(0.12, 0.23, 0.45)
        pdf.rect(0, 760, 595, 40, stroke=0, fill=1)
        pdf.setFillGray(1)
        pdf.setFont("Helvetica-Bold", 16)
        pdf.drawString(50, 775, "Wendt & Söhne KG")

    assert cut_rules(rasterised(bar), DPI) is None


def test_image_kept_unchanged_in_type_and_size() -> None:
    grey = rasterised(boxed_address)
    cut = cut_rules(grey, DPI)
    assert cut is not None
    assert cut.shape == grey.shape
    assert cut.dtype == np.uint8
    assert Image.fromarray(cut).mode == "L"


def boxes_and_cell_grid(pdf: canvas.Canvas) -> None:
    """Four addresses boxed a point or two from their glyphs, and an item table in a full cell grid with
    the figures right against the column rules and each row's rule under its baseline."""
    pdf.setFont("Helvetica", 9)
    for k, (x, y) in enumerate([(320, 700), (60, 700), (60, 560), (320, 560)]):
        pdf.drawString(x + 2, y, "Talleres Ibáñez S.A.")
        pdf.drawString(x + 2, y - 12, "Calle Mayor 19")
        pdf.drawString(x + 2, y - 24, "28013 Madrid")
        pdf.rect(x, y - 26.5 + k * 0.3, 150, 36 - k * 0.5)
    pdf.setFont("Helvetica-Bold", 8)
    for k in range(5):
        y = 400 - 18 * k
        pdf.drawString(62, y, "Desk lamp, brushed steel")
        pdf.drawRightString(333, y, "12")
        pdf.drawRightString(543, y, "1.234,56")
        pdf.line(50, y - 2, 545, y - 2)
    for x in (50, 300, 336, 545):
        pdf.line(x, 400 + 10, x, 400 - 18 * 4 - 2)


@tesseract
def test_text_in_tight_boxes_and_cell_grids_is_read() -> None:
    scanned = Image.fromarray(rasterised(boxes_and_cell_grid)).rotate(
        0.4, resample=Image.Resampling.BILINEAR, fillcolor=255
    )
    words = [w.text for w in TesseractEngine(rules_cut=True).recognize(scanned)]
    # every figure of the grid (read as a picture with its rules, they were all lost) ...
    assert words.count("12") == 5
    assert words.count("1.234,56") == 5
    assert words.count("Desk") == 5
    # ... and the boxed addresses, without the box edges read as "1" or "|"
    assert words.count("28013") == 4
    assert words.count("Talleres") == 4
