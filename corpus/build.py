"""Single-invoice builder for tests and benchmarks: ``build_invoice_pdf(pages=50, seed=1)``."""

from __future__ import annotations

from corpus.generate import make_document
from corpus.layouts import LAYOUTS_BY_ID
from corpus.spec import golden_invoice
from invoiceflow.domain.models import AggregatedInvoice


def build_invoice_pdf(
    pages: int = 1,
    seed: int = 0,
    *,
    layout: str = "classic_ruled",
    language: str = "de",
    credit_note: bool = False,
    filename: str = "invoice.pdf",
) -> tuple[bytes, AggregatedInvoice]:
    """A text-layer invoice PDF with exactly ``pages`` pages and its golden contract result."""
    if pages < 1:
        raise ValueError("pages must be >= 1")
    document = make_document(
        seed, 10_000 + pages, pages=pages, layout=LAYOUTS_BY_ID[layout], language=language, credit=credit_note
    )
    golden = golden_invoice(document.spec, document.pdf, filename, document.page_count, scanned=False)
    return document.pdf, golden
