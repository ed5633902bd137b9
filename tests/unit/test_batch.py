"""Several invoices in one PDF: boundaries exact on synthetic batches, single invoices never split."""

from __future__ import annotations

import pytest
from corpus.batch import batch_sample
from corpus.build import build_invoice_pdf

from invoiceflow.domain.batch import find_page_marker, invoice_ranges
from invoiceflow.domain.models import FieldValue, PageExtraction, PageMarker, PageRange, TextSource
from invoiceflow.domain.pipeline import extract_document


@pytest.mark.parametrize("index", range(4))
def test_synthetic_batches_split_exactly(index: int) -> None:
    sample = batch_sample(3, index)
    invoices = extract_document(sample.pdf, filename=sample.name)
    assert [i.document.page_range for i in invoices] == list(sample.ranges)
    assert [i.invoice_number for i in invoices] == [g.invoice_number for g in sample.goldens]
    assert [i.totals.gross for i in invoices] == [g.totals.gross for g in sample.goldens]
    for invoice, page_range in zip(invoices, sample.ranges, strict=True):
        assert [p.page_number for p in invoice.pages] == list(range(page_range.first, page_range.last + 1))


@pytest.mark.parametrize(
    ("pages", "layout"), [(2, "classic_ruled"), (3, "footer_bank"), (5, "minimal_modern"), (8, "banded_rows")]
)
def test_a_single_multi_page_invoice_is_never_split(pages: int, layout: str) -> None:
    pdf, golden = build_invoice_pdf(pages, seed=9, layout=layout, language="en")
    (invoice,) = extract_document(pdf)
    assert invoice.document.page_range is None
    assert invoice.invoice_number == golden.invoice_number


def _page(number: int, **fields: str) -> PageExtraction:
    return PageExtraction(
        page_number=number,
        text_source=TextSource.TEXT_LAYER,
        fields={name.replace("__", "."): FieldValue(value=v, confidence=0.9) for name, v in fields.items()},
    )


def test_without_markers_a_new_number_with_a_header_starts_an_invoice() -> None:
    pages = [
        _page(1, invoice_number="A-1", issue_date="2024-01-01"),
        _page(2, invoice_number="A-1"),
        _page(3, invoice_number="B-7", issue_date="2024-01-03", issuer__name="Other Ltd"),
    ]
    assert invoice_ranges(pages) == [PageRange(first=1, last=2), PageRange(first=3, last=3)]


def test_without_markers_a_stray_number_on_a_continuation_page_does_not_split() -> None:
    pages = [_page(1, invoice_number="A-1", issue_date="2024-01-01"), _page(2, invoice_number="PO-555")]
    assert invoice_ranges(pages) == [PageRange(first=1, last=2)]


def test_markers_outrank_invoice_numbers() -> None:
    pages = [
        _page(1, invoice_number="A-1", issue_date="2024-01-01"),
        _page(2, invoice_number="X-9", issue_date="2024-01-01"),  # misread, but "page 2 of 2"
        _page(3, invoice_number="A-1"),  # same number, but "page 1 of 1": a new invoice
    ]
    markers = [
        PageMarker(page_number=1, index=1, total=2),
        PageMarker(page_number=2, index=2, total=2),
        PageMarker(page_number=3, index=1, total=1),
    ]
    assert invoice_ranges(pages, markers) == [PageRange(first=1, last=2), PageRange(first=3, last=3)]


@pytest.mark.parametrize(
    ("text", "index", "total"),
    [
        ("Page 2 of 5", 2, 5),
        ("Seite 1 von 3", 1, 3),
        ("Page 3 sur 4", 3, 4),
        ("Página 2 de 2", 2, 2),
        ("Pagina 1 di 2", 1, 2),
        ("Pagina 4 van 9", 4, 9),
        ("page 2/3", 2, 3),
        ("Page 7", 7, None),
    ],
)
def test_page_markers_in_several_languages(text: str, index: int, total: int | None) -> None:
    marker = find_page_marker(1, f"Total 12.00\n{text}\n")
    assert marker is not None
    assert (marker.index, marker.total) == (index, total)


def test_no_marker_and_impossible_markers() -> None:
    assert find_page_marker(1, "Homepage www.example.com, 3 of 4 items") is None
    assert find_page_marker(1, "Page 5 of 3") is None
