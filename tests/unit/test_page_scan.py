"""A scan under a few words of real text (a watermark, a received stamp) is read by OCR; a digital invoice
over a full-page background image, or a searchable scan with its own text layer, keeps its text layer."""

from __future__ import annotations

import io

import corpus
import pypdfium2 as pdfium
import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from invoiceflow.domain.models import AggregatedInvoice, TextSource
from invoiceflow.domain.page_scan import MAX_STRAY_WORDS, image_share
from invoiceflow.domain.pipeline import extract_document, extract_page_pdf

STAMP = "Eingegangen 02.01.2026 Buchhaltung - scanned with OfficeScan Pro"


def _jpeg(image: Image.Image) -> ImageReader:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    buffer.seek(0)
    return ImageReader(buffer)


def _scan_of(pdf: bytes, *, text_over: str | None, invisible: bool = False, strips: int = 1) -> bytes:
    """Every page of ``pdf`` as a 200-dpi image (in ``strips`` horizontal bands, as some scanners write
    them), with ``text_over`` written on top as real text (invisible: a searchable scan's OCR layer)."""
    source = pdfium.PdfDocument(pdf)
    out = io.BytesIO()
    canvas = Canvas(out)
    for index in range(len(source)):
        width, height = source[index].get_size()
        image = source[index].render(scale=200 / 72).to_pil().convert("L")
        canvas.setPageSize((width, height))
        band = image.height / strips
        for strip in range(strips):
            part = image.crop((0, round(strip * band), image.width, round((strip + 1) * band)))
            top = height - strip * height / strips
            canvas.drawImage(_jpeg(part), 0, top - height / strips, width, height / strips)
        if text_over is not None:
            text = canvas.beginText(24, 14)
            text.setFont("Helvetica", 7)
            text.setTextRenderMode(3 if invisible else 0)
            text.textLine(text_over)
            canvas.drawText(text)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def invoice() -> tuple[bytes, AggregatedInvoice]:
    pdf, golden = corpus.build_invoice_pdf(1, seed=11, layout="classic_ruled", language="de")
    return pdf, golden


def test_a_stamped_scan_is_read_by_ocr(invoice: tuple[bytes, AggregatedInvoice]) -> None:
    pdf, golden = invoice
    stamped = _scan_of(pdf, text_over=STAMP)
    [result] = extract_document(stamped, filename="stamped.pdf")
    assert result.pages[0].text_source is TextSource.OCR
    assert result.invoice_number == golden.invoice_number
    assert result.totals.gross == golden.totals.gross
    # The per-page path the extract service runs decides the same way.
    page = extract_page_pdf(stamped, 1)
    assert page.text_source is TextSource.OCR
    assert page.fields["invoice_number"].value == golden.invoice_number


def test_a_scan_in_strips_under_a_stamp_is_read_by_ocr(invoice: tuple[bytes, AggregatedInvoice]) -> None:
    pdf, _ = invoice
    stamped = _scan_of(pdf, text_over=STAMP, strips=4)
    assert image_share(pdfium.PdfDocument(stamped)[0]) == pytest.approx(1.0, abs=0.01)
    [result] = extract_document(stamped)
    assert result.pages[0].text_source is TextSource.OCR


def test_a_searchable_scan_keeps_its_text_layer(invoice: tuple[bytes, AggregatedInvoice]) -> None:
    pdf, _ = invoice
    words = " ".join(f"word{n}" for n in range(MAX_STRAY_WORDS + 5))
    searchable = _scan_of(pdf, text_over=words, invisible=True)
    [result] = extract_document(searchable)
    assert result.pages[0].text_source is TextSource.TEXT_LAYER


def test_a_digital_invoice_over_a_background_image_keeps_its_text_layer() -> None:
    """A letterhead template as a full-page image, the invoice's text drawn over it."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(595, 842))
    canvas.drawImage(_jpeg(Image.new("L", (300, 420), 240)), 0, 0, 595, 842)
    lines = [
        "Nordlicht Werkstatt GmbH, Hafenstrasse 12, 20457 Hamburg",
        "Rechnung Nr. RE-2026-0417",
        "Rechnungsdatum 14.03.2026",
        "Pos Beschreibung Menge Einzelpreis Betrag",
        "1 Wartung der Kühlanlage 2 150,00 300,00",
        "2 Ersatzfilter Typ B 4 12,50 50,00",
        "Nettobetrag 350,00 EUR",
        "USt 19 % 66,50 EUR",
        "Gesamtbetrag 416,50 EUR",
    ]
    for row, line in enumerate(lines):
        canvas.drawString(60, 760 - 24 * row, line)
    canvas.showPage()
    canvas.save()
    [result] = extract_document(out.getvalue())
    assert result.pages[0].text_source is TextSource.TEXT_LAYER
    assert result.invoice_number == "RE-2026-0417"


def test_image_share_counts_only_images() -> None:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(600, 800))
    canvas.drawString(50, 700, "Invoice 2026-17, a page of text and a small logo")
    canvas.drawImage(_jpeg(Image.new("L", (100, 50), 0)), 50, 720, 100, 50)
    canvas.showPage()
    canvas.drawImage(_jpeg(Image.new("L", (100, 100), 128)), 0, 400, 600, 400)  # the top half
    canvas.showPage()
    canvas.save()
    document = pdfium.PdfDocument(out.getvalue())
    assert image_share(document[0]) == pytest.approx(100 * 50 / (600 * 800))
    assert image_share(document[1]) == pytest.approx(0.5)
