"""A VAT analysis table whose rate column stands right of the tax amount's column, its head printed
without "%" on the rows: the tax's name closing one column head and the rate word opening the next
("Bedrag BTW | Tarief", "MwSt | Satz") read as one rate heading must not take the tax amount's column for
the rate column. Hand-placed pages of invented vendors, checked by base × rate = amount."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction import extract_page


def _page(heads: list[str], rows: list[list[str]], totals: list[tuple[str, str]]) -> Sheet:
    s = Sheet()
    s.put(40, 40, "Veldhoven Tuinmeubelen BV", size=16)
    s.put(40, 120, "Kasteel Ommeren Events")
    s.put(380, 120, "Factuurnummer VT-2207")
    s.put(380, 134, "Datum 11-03-2026")
    s.put(40, 200, "Omschrijving")
    s.put(540, 200, "Bedrag", right=True)
    s.put(40, 220, "Teakhouten bank")
    s.put(540, 220, "1.250,00", right=True)
    s.put(40, 236, "Bezorging")
    s.put(540, 236, "80,00", right=True)
    y = 270.0
    for label, value in totals:
        s.put(330, y, label)
        s.put(540, y, value, right=True)
        y += 16
    y += 20
    xs = [90, 200, 310, 420]
    s.table(y, [(x, head, True) for x, head in zip(xs, heads, strict=True)], rows)
    return s


@pytest.mark.parametrize(
    "heads",
    [
        ["Code", "Bedrag excl.", "Bedrag BTW", "Tarief"],
        ["Code", "Netto", "MwSt", "Satz"],
        ["Code", "Montant HT", "Montant TVA", "Taux %"],
    ],
)
def test_rate_column_right_of_the_tax_amount_column(heads: list[str]) -> None:
    rows = [["A", "1.250,00", "262,50", "21,00"], ["B", "80,00", "7,20", "9,00"]]
    totals = [("Totaal excl. BTW", "1.330,00"), ("BTW", "269,70"), ("Totaal", "1.599,70")]
    page = extract_page(_page(heads, rows, totals).page())
    found = sorted((t.rate, t.base, t.amount) for t in page.tax_lines)
    assert found == [
        (Decimal("9.00"), Decimal("80.00"), Decimal("7.20")),
        (Decimal("21.00"), Decimal("1250.00"), Decimal("262.50")),
    ]
