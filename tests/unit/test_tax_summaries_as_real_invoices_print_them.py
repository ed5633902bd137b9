"""Tax summaries as real invoices print them (benchmarks/invented_tax_summaries.py): a summary table closed
by a total row we have no label for, also under one rate; item rows that name their tax ("TVA 20%
(vente)") where the item reader stopped early, read between the items and the totals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.context import analyse
from invoiceflow.domain.extraction.totals import extract_totals


def _figures(s: Sheet) -> tuple[list[tuple[Decimal | None, Decimal | None, Decimal]], tuple[str, ...]]:
    result = extract_page(s.page())
    lines = [(t.rate, t.base, t.amount) for t in result.tax_lines]
    return lines, tuple(
        result.fields[f"totals.{k}"].value for k in ("net", "tax", "gross") if f"totals.{k}" in result.fields
    )


def _money(text: str) -> Decimal:
    return Decimal(text[:-3].replace(".", "").replace(",", "").replace(" ", "") + "." + text[-2:])


def _printed(value: Decimal, model: str) -> str:
    """``value`` in the number format of ``model`` ("15.466,64", "1 250,00", "1,250.00")."""
    group = next((c for c in model[:-3] if not c.isdigit()), ",")
    text = f"{value:,.2f}".replace(",", "G").replace(".", "D")
    return text.replace("G", group).replace("D", model[-3])


@pytest.mark.parametrize(
    ("heads", "rate", "row", "total_word", "gross_label"),
    [
        (("Tipo IVA", "Base imponible", "Cuota IVA", "Total"), "21 %", ("15.466,64", "3.247,99"), "Totales",
         "Total factura"),
        (("Taux TVA", "Base HT", "Montant TVA", "TTC"), "20 %", ("1 250,00", "250,00"), "Totaux",
         "Net à payer"),
        (("VAT rate", "Net amount", "VAT", "Gross"), "20 %", ("1,250.00", "250.00"), "", "Total due"),
    ],
)  # fmt: skip
def test_a_summary_total_row_under_one_rate_is_not_a_second_rate(
    heads: tuple[str, ...], rate: str, row: tuple[str, str], total_word: str, gross_label: str
) -> None:
    """The total row repeats the only rate's base, tax and gross without a rate: each column's figure is
    the row's once (twice the base, tax and gross would add up as well)."""
    base, tax = _money(row[0]), _money(row[1])
    gross = _printed(base + tax, row[0])
    s = Sheet()
    s.put(40, 40, "Soluciones Ebro S.L.", size=14)
    s.put(40, 150, "Consulting")
    s.put(540, 150, row[0], right=True)
    for x, head in zip((160, 280, 400, 540), heads, strict=True):
        s.put(x, 200, head, right=True)
    for y, first in ((216, rate), (232, total_word)):
        if first:
            s.put(160 if y == 216 else 40, y, first, right=y == 216)
        for x, cell in zip((280, 400, 540), (*row, gross), strict=True):
            s.put(x, y, cell, right=True)
    s.put(280, 260, gross_label)
    s.put(540, 260, gross, right=True)
    lines, totals = _figures(s)
    assert totals == (str(base), str(tax), str(base + tax))
    assert lines == [(Decimal(rate[:-2]), base, tax)]


@pytest.mark.parametrize(
    ("name", "rows", "taxes", "expected"),
    [
        (
            "TVA {r} (vente)",
            [
                ("Conseil", "10", "896,92", "10%", "8 969,20"),
                ("Goulotte", "5", "65,62", "20%", "328,10"),
                ("Relais", "10", "297,01", "20%", "2 970,10"),
                ("Audit", "3", "452,66", "10%", "1 357,98"),
            ],
            [("20%", "659,64"), ("10%", "1 032,72")],
            [
                (Decimal(20), Decimal("3298.20"), Decimal("659.64")),
                (Decimal(10), Decimal("10327.18"), Decimal("1032.72")),
            ],
        ),
        (
            "VAT {r}",
            [
                ("Sensor", "2", "100,00", "20%", "200,00"),
                ("Relay", "4", "50,00", "5%", "200,00"),
                ("Cable", "3", "10,00", "20%", "30,00"),
            ],
            [("20%", "46,00"), ("5%", "10,00")],
            [
                (Decimal(20), Decimal("230.00"), Decimal("46.00")),
                (Decimal(5), Decimal("200.00"), Decimal("10.00")),
            ],
        ),
    ],
)
def test_item_rows_naming_their_tax_below_the_items_are_no_tax_lines(
    name: str, rows: list[tuple[str, ...]], taxes: list[tuple[str, str]], expected: list[tuple[Decimal, ...]]
) -> None:
    """Read from the first row on (as if the item reader had stopped above them): each row's amount is
    quantity × price, no tax; its rate names the tax its amount is a base of."""
    s = Sheet()
    y = 100
    for text, quantity, price, rate, amount in rows:
        s.put(40, y, text)
        s.put(250, y, quantity, right=True)
        s.put(330, y, price, right=True)
        s.put(345, y, name.format(r=rate))
        s.put(555, y, amount, right=True)
        y += 16
    net = sum((Decimal(r[4].replace(" ", "").replace(",", ".")) for r in rows), Decimal(0))
    tax = sum((Decimal(a.replace(" ", "").replace(",", ".")) for _, a in taxes), Decimal(0))
    s.put(330, y + 10, "Total HT")
    s.put(555, y + 10, f"{net:,.2f}".replace(",", " ").replace(".", ","), right=True)
    y += 26
    for rate, amount in taxes:
        s.put(330, y, name.format(r=rate))
        s.put(555, y, amount, right=True)
        y += 16
    s.put(330, y, "Total TTC")
    s.put(555, y, f"{net + tax:,.2f}".replace(",", " ").replace(".", ","), right=True)
    ctx = analyse(s.page())
    result = extract_totals(ctx, 0, False)
    assert sorted(((t.rate, t.base, t.amount) for t in result.tax_lines or []), reverse=True) == expected
