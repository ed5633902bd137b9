"""The in-process path (document opened once, pages read in place) gives exactly the JSON of the stage
functions the engines run (upload → one-page PDFs in a blob store → extract → aggregate)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from corpus import build_invoice_pdf
from corpus.batch import batch_sample
from reportlab.pdfgen import canvas

from invoiceflow.domain.errors import ErrorCode, InvoiceFlowError
from invoiceflow.domain.models import OcrMode, TextSource
from invoiceflow.domain.pipeline import (
    extract_document,
    extract_document_staged,
    extract_invoice,
    read_page_texts,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


def dumped(invoices: list[Any]) -> list[dict[str, Any]]:
    return [invoice.model_dump(mode="json") for invoice in invoices]


@pytest.mark.parametrize(
    ("layout", "language", "pages"),
    [
        ("classic_ruled", "de", 3),
        ("banded_rows", "en", 2),
        ("two_column_header", "fr", 1),
        ("sidebar_qty_first", "es", 2),
        ("india_gst", "en", 1),
        ("us_compact", "en", 4),
    ],
)
def test_corpus_invoices_give_the_staged_json(layout: str, language: str, pages: int) -> None:
    pdf, golden = build_invoice_pdf(pages, seed=11, layout=layout, language=language)
    direct = dumped(extract_document(pdf, filename="invoice.pdf", ocr=OcrMode.NEVER))
    assert direct == dumped(extract_document_staged(pdf, filename="invoice.pdf", ocr=OcrMode.NEVER))
    assert direct[0]["document"]["page_count"] == pages
    assert direct[0]["document"]["sha256"] == golden.document.sha256
    assert extract_invoice(pdf, filename="invoice.pdf").model_dump(mode="json") == direct[0]


@pytest.mark.parametrize("name", ["invoice-en-1p.pdf", "invoice-de-3p.pdf", "invoice-12p.pdf"])
def test_sample_files_give_the_staged_json(name: str) -> None:
    data = (SAMPLES / name).read_bytes()
    assert dumped(extract_document(data, filename=name)) == dumped(
        extract_document_staged(data, filename=name)
    )


@pytest.mark.parametrize("index", range(3))
def test_batches_split_as_in_the_staged_path(index: int) -> None:
    """Page markers come from the strings read with the words (not from a second pass over the pages)."""
    sample = batch_sample(5, index)
    direct = dumped(extract_document(sample.pdf, filename=sample.name))
    assert direct == dumped(extract_document_staged(sample.pdf, filename=sample.name))
    assert [invoice["document"]["page_range"] for invoice in direct] == [
        r.model_dump(mode="json") for r in sample.ranges
    ]


def test_with_a_template_folder_the_result_is_the_staged_one() -> None:
    data = (SAMPLES / "invoice-12p.pdf").read_bytes()
    direct = dumped(extract_document(data, templates=ROOT / "templates"))
    assert direct == dumped(extract_document_staged(data, templates=ROOT / "templates"))


def _rotated_cropped_pdf() -> bytes:
    """Two pages, the second rotated by 90° (reportlab applies the rotation from the next page on) and
    with a crop box that does not start at the origin."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    c.setPageRotation(90)
    c.setFont("Helvetica", 11)
    c.drawString(60, 780, "Invoice no. RT-2031   Date 03.02.2025")
    c.drawString(60, 700, "Total EUR 1.234,50")
    c.showPage()
    c.setCropBox((40, 60, 560, 800))
    c.setFont("Helvetica", 11)
    c.drawString(80, 760, "Page 2 of 2   Amount due 1.234,50 EUR")
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_rotated_and_cropped_pages_give_the_staged_words_and_json() -> None:
    pdf = _rotated_cropped_pdf()
    texts = read_page_texts(pdf, OcrMode.NEVER)
    assert [(t.page_number, round(t.width), round(t.height)) for t in texts] == [(1, 595, 842), (2, 740, 520)]
    assert all(t.text_source is TextSource.TEXT_LAYER for t in texts)
    assert "RT-2031" in [w.text for w in texts[0].words]
    assert dumped(extract_document(pdf, ocr=OcrMode.NEVER)) == dumped(
        extract_document_staged(pdf, ocr=OcrMode.NEVER)
    )


def _image_only_pdf(pdf: bytes) -> bytes:
    """The first page rendered at 150 dpi and saved as an image-only PDF: a scan without a text layer."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        image = document[0].render(scale=150 / 72).to_pil().convert("L")
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=150)
    return buffer.getvalue()


def test_a_scanned_page_is_ocred_as_in_the_staged_path() -> None:
    pdf, _golden = build_invoice_pdf(1, seed=4, layout="classic_ruled", language="en")
    scan = _image_only_pdf(pdf)
    direct = dumped(extract_document(scan))
    assert direct[0]["pages"] == [{"page_number": 1, "text_source": "ocr"}]
    assert direct[0]["invoice_number"] is not None  # OCR read the page: not an empty result
    assert direct == dumped(extract_document_staged(scan))


def test_a_page_without_text_stays_empty_when_ocr_is_off() -> None:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    c.rect(100, 100, 200, 200)
    c.showPage()
    c.save()
    (text,) = read_page_texts(buffer.getvalue(), OcrMode.NEVER)
    assert (text.text_source, text.words) == (TextSource.TEXT_LAYER, [])


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"just text", ErrorCode.NOT_A_PDF),
        ((SAMPLES / "invoice-en-1p.pdf").read_bytes()[:700], ErrorCode.PDF_TRUNCATED),
    ],
)
def test_bad_input_fails_with_the_staged_error_code(data: bytes, code: ErrorCode) -> None:
    with pytest.raises(InvoiceFlowError) as direct:
        extract_document(data)
    with pytest.raises(InvoiceFlowError) as staged:
        extract_document_staged(data)
    assert direct.value.code is staged.value.code is code
