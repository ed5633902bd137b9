from __future__ import annotations

import json
from decimal import Decimal

from invoiceflow.domain.aggregate import aggregate
from invoiceflow.domain.models import (
    DocumentInfo,
    FieldValue,
    LineItem,
    PageExtraction,
    TaxLine,
    TextSource,
)

DOC = DocumentInfo(sha256="ab" * 32, filename="x.pdf", page_count=3)


def page(number: int, fields: dict[str, tuple[str, float]], **rest: object) -> PageExtraction:
    return PageExtraction(
        page_number=number,
        text_source=TextSource.TEXT_LAYER,
        fields={k: FieldValue(value=v, confidence=c) for k, (v, c) in fields.items()},
        **rest,  # type: ignore[arg-type]
    )


def test_fields_from_any_page_merge_and_most_confident_wins() -> None:
    pages = [
        page(
            1,
            {"invoice_number": ("R-1001", 0.9), "issue_date": ("2024-03-01", 0.9), "currency": ("EUR", 0.7)},
        ),
        page(2, {"invoice_number": ("1001", 0.4)}),
        page(3, {"totals.net": ("100.00", 0.9), "totals.tax": ("19.00", 0.9), "currency": ("EUR", 0.95)}),
    ]
    invoice = aggregate(DOC, pages)
    assert invoice.invoice_number == "R-1001"
    assert invoice.issue_date is not None
    assert invoice.issue_date.isoformat() == "2024-03-01"
    assert invoice.currency == "EUR"
    assert invoice.confidence["currency"] == 0.95
    # gross derived from net + tax, with a lower confidence than either
    assert invoice.totals.gross == Decimal("119.00")
    assert invoice.confidence["totals.gross"] < 0.9


def test_line_items_concatenate_in_page_order_and_tax_lines_dedupe() -> None:
    tax = TaxLine(rate=Decimal("19"), base=Decimal("30"), amount=Decimal("5.70"))
    pages = [
        page(2, {}, line_items=[LineItem(description="second", amount=Decimal("20"))], tax_lines=[tax]),
        page(1, {}, line_items=[LineItem(description="first", amount=Decimal("10"))], tax_lines=[tax]),
    ]
    invoice = aggregate(DOC, pages)
    assert [i.description for i in invoice.line_items] == ["first", "second"]
    assert invoice.tax_lines == [tax]
    assert [p.page_number for p in invoice.pages] == [1, 2]


def test_contract_json_shape() -> None:
    pages = [page(1, {"totals.gross": ("453.5", 0.9), "issue_date": ("2024-03-01", 0.9)})]
    data = json.loads(aggregate(DOC, pages).model_dump_json())
    assert data["schema_version"] == "1"
    assert data["totals"]["gross"] == "453.50"
    assert data["issue_date"] == "2024-03-01"
    assert data["extractor"]["method"] == "generic"
    assert data["validation"]["needs_review"] is True  # invoice number, issuer, currency missing
    missing = {i["field"] for i in data["validation"]["issues"] if i["code"] == "MISSING_FIELD"}
    assert {"invoice_number", "currency", "issuer.name"} <= missing


def test_payment_terms_on_a_later_page_give_the_due_date() -> None:
    pages = [
        page(1, {"issue_date": ("2024-03-01", 0.9)}),
        page(2, {"payment_terms.days": ("30", 0.6)}),
    ]
    invoice = aggregate(DOC, pages)
    assert invoice.due_date is not None
    assert invoice.due_date.isoformat() == "2024-03-31"
    assert invoice.confidence["due_date"] == 0.6
    assert "payment_terms.days" not in invoice.confidence
    printed = [page(1, {"issue_date": ("2024-03-01", 0.9), "due_date": ("2024-03-15", 0.9)}), pages[1]]
    assert aggregate(DOC, printed).due_date.isoformat() == "2024-03-15"  # type: ignore[union-attr]
