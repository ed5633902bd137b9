"""OCR path on a real scanned (image-only) page: automatic choice, boxes in points, stable errors."""

from __future__ import annotations

import io

import pytest
from benchmarks.ocr_engines import invoice_page, scan
from reportlab.pdfgen import canvas

from invoiceflow.domain.errors import ErrorCode, OcrError
from invoiceflow.domain.models import OcrMode, PageText, TextSource, Word
from invoiceflow.domain.ocr import needs_ocr, read_page
from invoiceflow.domain.ocr_tesseract import TesseractEngine, parse_tesseract_tsv
from invoiceflow.domain.pdf import page_text

tesseract = pytest.mark.skipif(not TesseractEngine().is_available(), reason="tesseract not installed")


def text_pdf(text: str) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    c.setFont("Helvetica", 14)
    c.drawString(100, 842 - 200, text)
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_needs_ocr_decides_by_amount_and_quality_of_text() -> None:
    def page(*texts: str) -> PageText:
        words = [Word(text=t, x0=0, y0=0, x1=1, y1=1) for t in texts]
        return PageText(page_number=1, width=1, height=1, text_source=TextSource.TEXT_LAYER, words=words)

    assert needs_ocr(page())
    assert needs_ocr(page("Page", "1"))
    assert not needs_ocr(page("Invoice", "number", "2024-0042", "total", "1.234,56"))
    assert needs_ocr(page("\ue001\ue002\ue003\ue004" * 5, "ab"))  # private-use glyphs: broken encoding


def test_text_page_is_read_from_the_text_layer_in_auto_mode() -> None:
    page = read_page(text_pdf("Invoice number 2024-0042 total 1.234,56 EUR"), 1, OcrMode.AUTO)
    assert page.text_source is TextSource.TEXT_LAYER


def test_missing_engine_is_ocr_unavailable() -> None:
    with pytest.raises(OcrError) as info:
        read_page(
            text_pdf("x"),
            1,
            OcrMode.AUTO,
            engine=TesseractEngine(binary="no-such-tesseract", backend="binary"),
        )
    assert info.value.code is ErrorCode.OCR_UNAVAILABLE


def test_never_mode_does_not_ocr() -> None:
    page = read_page(
        text_pdf("x"), 1, OcrMode.NEVER, engine=TesseractEngine(binary="no-such-tesseract", backend="binary")
    )
    assert page.text_source is TextSource.TEXT_LAYER


def test_tsv_parsing_keeps_word_rows_and_lines() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "4\t1\t1\t1\t1\t0\t10\t20\t300\t30\t-1\t\n"
        "5\t1\t1\t1\t1\t1\t10\t20\t100\t30\t96.5\tTotal\n"
        "5\t1\t1\t1\t1\t2\t120\t21\t90\t29\t88\t12,50\n"
        "5\t1\t1\t1\t2\t1\t10\t60\t40\t30\t-1\t \n"
    )
    words = parse_tesseract_tsv(tsv)
    assert [(w.text, w.left, w.right, w.confidence, w.line) for w in words] == [
        ("Total", 10.0, 110.0, 0.965, (1, 1, 1)),
        ("12,50", 120.0, 210.0, 0.88, (1, 1, 1)),
    ]


@tesseract
def test_scanned_page_is_ocred_automatically_with_boxes_in_points() -> None:
    original, expected_words = invoice_page(seed=7)
    scanned = scan(original, seed=7)
    assert page_text(scanned, 1).words == []  # image only: no text layer at all

    page = read_page(scanned, 1, OcrMode.AUTO)

    assert page.text_source is TextSource.OCR
    assert (round(page.width), round(page.height)) == (595, 842)
    found = [w.text for w in page.words]
    hits = sum(1 for w in expected_words if w in found)
    assert hits / len(expected_words) > 0.85
    # boxes in points, top-left origin: the OCR box of a word lies where the text layer put it
    truth = {w.text: w for w in page_text(original, 1).words}
    gesamt = next(w for w in page.words if w.text == "Gesamtbetrag")
    assert gesamt.x0 == pytest.approx(truth["Gesamtbetrag"].x0, abs=6)
    assert gesamt.y0 == pytest.approx(truth["Gesamtbetrag"].y0, abs=8)
    # reading order: the vendor line (top of page) comes first, the IBAN footer last
    assert page.words[-1].y0 > 700
    assert page.words[0].y0 < 80


@tesseract
def test_always_mode_ocrs_a_text_page() -> None:
    page = read_page(text_pdf("Invoice 4711"), 1, OcrMode.ALWAYS)
    assert page.text_source is TextSource.OCR
    assert [w.text for w in page.words] == ["Invoice", "4711"]
    assert page.words[0].x0 == pytest.approx(100, abs=4)
