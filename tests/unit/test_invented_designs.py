"""Whole invoices of invented vendors (tests/unit/invented_designs.py) through the in-process pipeline:
real PDFs drawn with reportlab, read through the text layer, every field a reader would report checked
(parties, header fields, bank account, totals, tax lines)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from tests.unit.invented_designs import DESIGNS, Design

from invoiceflow.domain.models import AggregatedInvoice
from invoiceflow.domain.pipeline import extract_invoice


def _field(invoice: AggregatedInvoice, dotted: str) -> object:
    value: object = invoice
    for part in dotted.split("."):
        value = getattr(value, part)
    return value


def _normalised(name: str, value: object) -> object:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    if name.startswith("totals."):
        return Decimal(str(value))
    if name in ("issuer.iban", "issuer.vat_id"):
        return str(value).replace(" ", "").upper()
    return " ".join(str(value).split()).casefold()


@pytest.mark.parametrize("design", DESIGNS, ids=[d.name for d in DESIGNS])
def test_invented_design_reads_as_a_person_would(design: Design) -> None:
    invoice = extract_invoice(design.pdf())
    wrong = {
        name: (expected, _field(invoice, name))
        for name, expected in design.expected.items()
        if _normalised(name, expected) != _normalised(name, _field(invoice, name))
    }
    assert wrong == {}
    expected_tax = design.expected_tax_lines()
    if expected_tax is not None:
        assert sorted((t.rate, t.base, t.amount) for t in invoice.tax_lines) == expected_tax


def test_designs_have_distinct_names_and_cover_a_dozen_genres() -> None:
    assert len({d.name for d in DESIGNS}) == len(DESIGNS) >= 12
