"""The split stage reads no page text and, without previews, loads no page: its document-level result
equals the document-level pass run on its own, its page sizes equal the loaded pages' displayed sizes,
and a batch scan's "page N of M" markers come with each page's extraction, on the staged path (split
parts) and the in-process path alike. Consecutive pages are stored as one PDF (a part) unless that gets
too large; a page read from its part gives what its one-page PDF gives."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from corpus import build_invoice_pdf
from corpus.batch import batch_sample
from corpus.einvoice import facturx_sample
from reportlab.pdfgen import canvas

from invoiceflow.domain import pdf as pdf_module
from invoiceflow.domain.blobs import MemoryBlobStore
from invoiceflow.domain.document_level import aggregate_document, extract_document_level
from invoiceflow.domain.einvoice.profiles import Profile
from invoiceflow.domain.models import (
    DocumentExtraction,
    OcrMode,
    PageMarker,
    PageRange,
    SplitResult,
    TextSource,
)
from invoiceflow.domain.pdf import split_pdf
from invoiceflow.domain.pdf_document import load_page, opened
from invoiceflow.domain.pdf_text import page_geometry
from invoiceflow.domain.pipeline import (
    PAGES_PER_PDF,
    extract_document,
    extract_document_staged,
    extract_page_pdf,
    extract_stored_page,
    split_stored_pdf,
    upload_pdf,
)

ROOT = Path(__file__).resolve().parents[2]


def _split(data: bytes, templates: Path | None = None) -> tuple[MemoryBlobStore, SplitResult]:
    store = MemoryBlobStore()
    result = split_stored_pdf(upload_pdf(data, store), store, render_dpi=None, templates=templates)
    return store, result


@pytest.mark.parametrize("pages", [1, 2, 4])
def test_corpus_invoices_equal_the_document_level_pass(pages: int) -> None:
    data, _golden = build_invoice_pdf(pages, seed=7)
    store, result = _split(data)
    assert result.document_extraction == extract_document_level(data)
    assert len(result.pages) == pages
    assert all(store.exists(page.pdf_blob_key) for page in result.pages)


def test_an_embedded_einvoice_over_two_pages_equals_the_document_level_pass() -> None:
    data = facturx_sample(3, 0, Profile.EN16931, pages=2).data
    _store, result = _split(data)
    expected = extract_document_level(data)
    assert expected is not None
    assert expected.method is not None
    assert result.document_extraction == expected


def test_with_templates_the_result_equals_the_document_level_pass() -> None:
    data = batch_sample(5, 0).pdf
    _store, result = _split(data, ROOT / "templates")
    expected = extract_document_level(data, templates=ROOT / "templates")
    assert result.document_extraction == expected


def _rotated_cropped_pdf() -> bytes:
    """Upright, rotated by 90° with a crop box off the origin (reportlab's rotated pages get a landscape
    media box), and rotated by 270°. The crop box lies inside the media box: one beyond it is clipped to
    it by PDFium (the split then reports the size a viewer shows, the words' geometry the unclipped box)."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(612, 792))
    c.drawString(72, 700, "Rechnung 77")
    c.showPage()
    c.setPageRotation(90)
    c.setCropBox((30, 45, 580, 600))
    c.drawString(72, 700, "Seite 2")
    c.showPage()
    c.setPageRotation(270)
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_page_sizes_are_the_loaded_pages_displayed_sizes_without_loading_a_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = _rotated_cropped_pdf()
    expected = []
    with opened(data) as doc:
        for number in range(1, len(doc) + 1):
            page = load_page(doc, number)
            geometry = page_geometry(page)
            page.close()
            expected.append((round(geometry.width, 3), round(geometry.height, 3)))

    def no_page_load(*_args: object) -> None:
        raise AssertionError("the split loaded a page")

    monkeypatch.setattr(pdf_module, "load_page", no_page_load)
    artifacts = pdf_module.split_pdf(data, render_dpi=None)
    assert [(round(a.width, 3), round(a.height, 3)) for a in artifacts] == expected
    assert expected[1] != expected[0]  # the rotation and the crop box count
    with pytest.raises(AssertionError, match="loaded a page"):
        pdf_module.split_pdf(data, render_dpi=72)  # a preview needs the page


def _marked_batch_pdf(markers: list[str]) -> bytes:
    """One page per marker, all with the same invoice number and no header cue: only the printed
    markers can say where an invoice starts."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    for position, marker in enumerate(markers):
        c.setFont("Helvetica", 10)
        c.drawString(60, 760, f"Lieferposten {position + 1}   Menge 3   Betrag 12,00")
        c.drawString(60, 740, "Rechnungsnummer RB-5521")
        c.drawString(420, 40, marker)
        c.showPage()
    c.save()
    return buffer.getvalue()


def test_batch_markers_come_with_each_page_and_split_both_paths_alike() -> None:
    data = _marked_batch_pdf(["Seite 1 von 2", "Seite 2 von 2", "Pagina 1 di 1", "Página 1/2", "Página 2/2"])
    store, split = _split(data)
    assert split.document_extraction is None  # no e-invoice, no template: nothing document-level
    pages = [extract_stored_page(page, store) for page in split.pages]
    assert [page.page_marker for page in pages] == [
        PageMarker(page_number=1, index=1, total=2),
        PageMarker(page_number=2, index=2, total=2),
        PageMarker(page_number=3, index=1, total=1),
        PageMarker(page_number=4, index=1, total=2),
        PageMarker(page_number=5, index=2, total=2),
    ]
    staged = extract_document_staged(data, ocr=OcrMode.NEVER)
    direct = extract_document(data, ocr=OcrMode.NEVER)
    assert [invoice.model_dump(mode="json") for invoice in direct] == [
        invoice.model_dump(mode="json") for invoice in staged
    ]
    assert [invoice.document.page_range for invoice in direct] == [
        PageRange(first=1, last=2),
        PageRange(first=3, last=3),
        PageRange(first=4, last=5),
    ]


def test_markers_are_read_from_the_text_layer_when_ocr_reads_the_words() -> None:
    """``OcrMode.ALWAYS`` reads the words by OCR; the printed marker still comes from the text layer."""
    data = _marked_batch_pdf(["Page 2 of 3"])
    extraction = extract_page_pdf(data, 7, OcrMode.ALWAYS)
    assert extraction.text_source is TextSource.OCR
    assert extraction.page_marker == PageMarker(page_number=7, index=2, total=3)


def test_consecutive_pages_are_stored_as_parts_and_read_back_page_by_page() -> None:
    data = (ROOT / "samples" / "invoice-12p.pdf").read_bytes()
    store, split = _split(data)
    keys = sorted({page.pdf_blob_key for page in split.pages})
    assert len(keys) == -(-12 // PAGES_PER_PDF)  # 12 pages, 8 per part: two blobs
    assert [page.pdf_page_index for page in split.pages] == [
        (number - 1) % PAGES_PER_PDF + 1 for number in range(1, 13)
    ]
    one_page = split_pdf(data, render_dpi=None)  # one PDF per page, as before parts
    for page, single in zip(split.pages, one_page, strict=True):
        from_part = extract_stored_page(page, store)
        assert from_part == extract_page_pdf(single.pdf, single.page_number)
        assert from_part.page_number == page.page_number


def test_a_part_over_the_byte_limit_is_saved_page_by_page() -> None:
    data, _golden = build_invoice_pdf(5, seed=2)
    parts = split_pdf(data, render_dpi=None, pages_per_pdf=4, max_pdf_bytes=1)
    assert [(a.pdf_first_page, a.pdf_last_page, a.pdf_page_index) for a in parts] == [
        (n, n, 1) for n in range(1, 6)
    ]
    roomy = split_pdf(data, render_dpi=None, pages_per_pdf=4)
    assert [(a.pdf_first_page, a.pdf_last_page) for a in roomy] == [(1, 4)] * 4 + [(5, 5)]
    assert len({id(a.pdf) for a in roomy}) == 2  # the pages of a part share its bytes


def test_pages_larger_than_a_part_on_average_are_saved_one_by_one_from_the_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data, _golden = build_invoice_pdf(4, seed=2)
    saved: list[list[int]] = []
    original = pdf_module._pages_pdf

    def recording(doc: object, indices: list[int]) -> bytes:
        saved.append(indices)
        return original(doc, indices)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_module, "_pages_pdf", recording)
    # Less than an average page's bytes allowed per part: no part of several pages saved and thrown away.
    artifacts = pdf_module.split_pdf(data, render_dpi=None, pages_per_pdf=8, max_pdf_bytes=len(data) // 8)
    assert saved == [[0], [1], [2], [3]]
    assert [(a.pdf_first_page, a.pdf_page_index) for a in artifacts] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    saved.clear()
    pdf_module.split_pdf(data, render_dpi=None, pages_per_pdf=8)
    assert saved == [[0, 1, 2, 3]]  # small pages: one part


def test_markers_of_a_split_made_before_they_moved_to_the_pages_still_split_the_batch() -> None:
    """An instance in flight across that release: its split found the markers, some or all of its pages
    were extracted without them."""
    data = _marked_batch_pdf(["Seite 1 von 2", "Seite 2 von 2", "Pagina 1 di 1", "Página 1/2", "Página 2/2"])
    store, split = _split(data)
    pages = [extract_stored_page(page, store) for page in split.pages]
    expected = [invoice.model_dump(mode="json") for invoice in aggregate_document(split.document, pages)]
    assert len(expected) == 3
    unmarked = [page.model_copy(update={"page_marker": None}) for page in pages]
    assert len(aggregate_document(split.document, unmarked)) == 1  # the markers alone split this batch
    legacy = DocumentExtraction(page_markers=[page.page_marker for page in pages if page.page_marker])
    for subset in (unmarked, unmarked[:2] + pages[2:]):
        invoices = aggregate_document(split.document, subset, legacy)
        assert [invoice.model_dump(mode="json") for invoice in invoices] == expected
