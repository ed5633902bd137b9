"""The split stage reads each page's text while it splits (for the page markers) instead of letting the
document-level pass load every page again: its result must equal that pass run on its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import build_invoice_pdf
from corpus.batch import batch_sample
from corpus.einvoice import facturx_sample

from invoiceflow.domain.blobs import MemoryBlobStore
from invoiceflow.domain.document_level import extract_document_level
from invoiceflow.domain.einvoice.profiles import Profile
from invoiceflow.domain.models import SplitResult
from invoiceflow.domain.pipeline import split_stored_pdf, upload_pdf

ROOT = Path(__file__).resolve().parents[2]


def _split(data: bytes, templates: Path | None = None) -> tuple[MemoryBlobStore, SplitResult]:
    store = MemoryBlobStore()
    result = split_stored_pdf(upload_pdf(data, store), store, render_dpi=None, templates=templates)
    return store, result


@pytest.mark.parametrize("index", range(3))
def test_batch_markers_equal_the_document_level_pass(index: int) -> None:
    data = batch_sample(5, index).pdf
    _store, result = _split(data)
    expected = extract_document_level(data)
    assert expected is not None
    assert expected.page_markers
    assert result.document_extraction == expected


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
