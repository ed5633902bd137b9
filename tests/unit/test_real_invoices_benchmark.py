"""The real-invoice benchmark's scoring rules and its expected-values file."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
from benchmarks.real_invoices import score_document

from invoiceflow.domain.models import (
    AggregatedInvoice,
    DocumentInfo,
    ExtractorInfo,
    Issuer,
    LineItem,
    Totals,
)

REAL = Path(__file__).resolve().parents[2] / "corpus" / "real"


def _invoice(**fields: object) -> AggregatedInvoice:
    return AggregatedInvoice(
        document=DocumentInfo(sha256="0" * 64, filename="x.pdf", page_count=1),
        extractor=ExtractorInfo(method="generic", version="test"),
        **fields,  # type: ignore[arg-type]
    )


def test_any_listed_reading_is_right_and_unlisted_fields_are_not_scored() -> None:
    entry = {
        "pdf": "x.pdf",
        "held_out": False,
        "fields": {"issuer.name": ["Acme Holding Ltd", "Acme"], "issue_date": "2024-03-01"},
    }
    got = _invoice(issuer=Issuer(name="ACME"), issue_date=date(2024, 3, 1), invoice_number="whatever")

    result = score_document(entry, got)

    assert result.fields == {"issuer.name": True, "issue_date": True}


def test_item_description_is_a_prefix_and_only_listed_attributes_count() -> None:
    entry = {
        "pdf": "x.pdf",
        "held_out": False,
        "fields": {},
        "line_items": [
            {"description": "Widget", "amount": "2.00"},
            {"description": "Gadget", "quantity": "3", "amount": "9.00"},
        ],
    }
    got = _invoice(
        line_items=[
            LineItem(description="Widget blue, 2 m", quantity=Decimal(5), amount=Decimal("2.00")),
            LineItem(description="Gadget", quantity=Decimal(2), amount=Decimal("9.00")),
        ]
    )

    result = score_document(entry, got)

    assert (result.items_correct, result.items_total) == (1, 2)


def test_totals_compare_as_decimals() -> None:
    entry = {"pdf": "x.pdf", "held_out": True, "fields": {"totals.gross": "34.70"}}

    assert score_document(entry, _invoice(totals=Totals(gross=Decimal("34.7")))).fields["totals.gross"]
    assert not score_document(entry, _invoice(totals=Totals(gross=Decimal("34.73")))).fields["totals.gross"]


def test_every_listed_document_is_a_readable_pdf_with_a_known_set() -> None:
    index = json.loads((REAL / "index.json").read_text())
    listed = {entry["pdf"] for entry in index["documents"]}

    assert listed == {path.name for path in REAL.glob("*.pdf")}
    for entry in index["documents"]:
        assert isinstance(entry["held_out"], bool)
        assert len(pdfium.PdfDocument(REAL / entry["pdf"])) >= 1
