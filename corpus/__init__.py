"""Synthetic invoice corpus: deterministic PDFs with golden contract JSON (dev tooling, not shipped)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    """A text-layer invoice PDF with exactly ``pages`` pages and its golden result (see ``corpus.build``)."""
    # Imported here so ``python -m corpus.generate`` does not import its own module twice.
    from corpus.build import build_invoice_pdf as build

    return build(pages, seed, layout=layout, language=language, credit_note=credit_note, filename=filename)


__all__ = ["build_invoice_pdf"]
