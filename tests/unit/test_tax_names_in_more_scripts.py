"""Tax breakdowns that name the tax in Greek or Cyrillic ("Συντελεστής ΦΠΑ: 24 %", "Ставка ДДС: 20 %")
read as English or German ones are: a stacked breakdown of two rates gives both tax lines (no rate implied
by net and tax, which mix them). Hand-placed pages of invented vendors."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction import extract_page


@pytest.mark.parametrize(
    ("heading", "base_label", "rate_label", "tax_label", "rates"),
    [
        ("Ανάλυση ΦΠΑ", "Καθαρή αξία:", "Συντελεστής ΦΠΑ:", "Ποσό ΦΠΑ:", ("24", "13")),
        ("Данъчна основа по ставки", "Облагаема стойност:", "Ставка ДДС:", "Сума ДДС:", ("20", "9")),
        ("Расчёт налога", "Стоимость без налога:", "Ставка НДС:", "Сумма НДС:", ("20", "10")),
    ],
)
def test_a_stacked_breakdown_of_two_rates_named_in_another_script(
    heading: str, base_label: str, rate_label: str, tax_label: str, rates: tuple[str, str]
) -> None:
    s = Sheet()
    s.put(40, 40, "Olympos Trading", size=14)
    s.put(40, 100, "Consulting")
    s.put(545, 100, "1,000.00", right=True)
    s.put(40, 150, heading)
    y = 170.0
    taxes = []
    for rate, base in zip(rates, ("600.00", "400.00"), strict=True):
        tax = f"{Decimal(base) * Decimal(rate) / 100:.2f}"
        taxes.append(tax)
        for label, value in ((base_label, base), (f"{rate_label} {rate} %", ""), (tax_label, tax)):
            s.put(40, y, label)
            if value:
                s.put(300, y, value, right=True)
            y += 14
        y += 20
    total_tax = sum(Decimal(t) for t in taxes)
    for label, value in (
        ("Subtotal", "1,000.00"),
        ("Tax", f"{total_tax:.2f}"),
        ("Total", f"{1000 + total_tax:,.2f}"),
    ):
        s.put(330, y, label)
        s.put(545, y, value, right=True)
        y += 14
    found = sorted((t.rate, t.base, t.amount) for t in extract_page(s.page()).tax_lines)
    assert found == sorted(
        (Decimal(rate), Decimal(base), Decimal(tax))
        for rate, base, tax in zip(rates, ("600.00", "400.00"), taxes, strict=True)
    )
