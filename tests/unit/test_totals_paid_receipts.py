"""Paid invoices and receipts that name their tax and total as paid ("VAT paid", "Total paid with VAT",
"IVA pagado", "Total payé TTC") and print figures as software stores them, the trailing zero dropped
("4.2 €"): those are the document's tax and gross, not a payment deducted from a total. Invented
vendors on hand-placed pages."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import TextSource


def _receipt(rows: list[tuple[str, str]], source: TextSource = TextSource.TEXT_LAYER) -> dict[str, str]:
    s = Sheet(source=source)
    s.put(40, 40, "Ferreteria Los Alamos", size=16)
    s.put(350, 90, "Recibo n.º 5521")
    s.put(350, 106, "Fecha: 14/03/2025")
    s.put(40, 160, "Concepto")
    s.put(540, 160, "Importe", right=True)
    s.put(40, 180, "Taladro percutor")
    s.put(540, 180, "21 €", right=True)
    for n, (label, amount) in enumerate(rows):
        s.put(330, 230 + 18 * n, label)
        s.put(540, 230 + 18 * n, amount, right=True)
    return values(extract_page(s.page()))


@pytest.mark.parametrize(
    ("rows", "tax", "gross"),
    [
        (
            [("Base imponible", "21 €"), ("IVA pagado", "4.41 €"), ("Total pagado con IVA", "25.41 €")],
            "4.41",
            "25.41",
        ),
        ([("Base", "21 €"), ("VAT paid", "4.2 €"), ("Total paid incl. VAT", "25.2 €")], "4.20", "25.20"),
        ([("Montant HT", "21 €"), ("TVA payée", "4.2 €"), ("Total payé TTC", "25.2 €")], "4.20", "25.20"),
    ],
)
def test_a_paid_tax_and_a_paid_total_are_the_tax_and_the_gross(
    rows: list[tuple[str, str]], tax: str, gross: str
) -> None:
    got = _receipt(rows)
    assert got.get("totals.tax") == tax
    assert got.get("totals.gross") == gross


def test_a_payment_made_after_the_total_is_still_no_total() -> None:
    got = _receipt([("Total", "25.20 €"), ("Amount paid", "10.00 €"), ("Balance due", "15.20 €")])
    assert got.get("totals.gross") == "25.20"


def test_one_decimal_needs_its_currency_and_a_text_layer() -> None:
    # Without a currency sign "4.2" may be a quantity or a rate; OCR may have lost a digit.
    bare = _receipt([("Base", "21"), ("VAT paid", "4.2"), ("Total paid incl. VAT", "25.2")])
    assert bare.get("totals.gross") is None
    scanned = _receipt(
        [("Base", "21 €"), ("VAT paid", "4.2 €"), ("Total paid incl. VAT", "25.2 €")], TextSource.OCR
    )
    assert scanned.get("totals.gross") is None
