"""A Latin American invoice as a real PDF: amounts with "Bs." glued on ("Bs.1.836,80"), the currency told
by the country the page names (Venezuela's bolívar or Bolivia's boliviano), and no net printed after a
discount: the net is gross less tax because the two rates' implied bases add up to it."""

from __future__ import annotations

import pytest
from tests.unit.item_pdfs import Text, pdf_pages
from tests.unit.sheets import values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import OcrMode
from invoiceflow.domain.pipeline import read_page_texts

COUNTRIES = {
    "VES": [
        "Av. Garcilaso de la Vega, Caracas, Venezuela",
        "RIF: V-87.654.321-0",
        "Teléfono: +58 (212) 456.78.90",
    ],
    "BOB": ["Calle Comercio 12, La Paz, Bolivia", "NIT: 1020304050", "Teléfono: +591 2 2456789"],
}
# Subtotals before an 18 % discount, the rates' taxes on the discounted bases, the total: no net printed.
TOTALS = [
    ("Subtotal R", "Bs.1.000,00"),
    ("Descuento R (18 %)", "Bs.180,00"),
    ("IVA R (8 %)", "Bs.65,60"),
    ("Subtotal G", "Bs.1.000,00"),
    ("Descuento G (18 %)", "Bs.180,00"),
    ("IVA G (16 %)", "Bs.131,20"),
    ("TOTAL", "Bs.1.836,80"),
]


@pytest.mark.parametrize("currency", sorted(COUNTRIES))
def test_bolivares_glued_to_figures_and_the_net_after_a_discount(currency: str) -> None:
    texts: list[Text] = [(40, 40, "Lázaro de la Vega y San Román", "l", True)]
    texts += [(40, 60 + 12 * k, line, "l", False) for k, line in enumerate(COUNTRIES[currency])]
    texts.append((360, 110, "FACTURA Nº 000001", "l", False))
    texts += [(380, 300 + 18 * k, label, "l", False) for k, (label, _) in enumerate(TOTALS)]
    texts += [(555, 300 + 18 * k, amount, "r", False) for k, (_, amount) in enumerate(TOTALS)]
    found = values(extract_page(read_page_texts(pdf_pages([texts]), OcrMode.NEVER)[0]))
    assert found["currency"] == currency
    assert (found["totals.net"], found["totals.tax"], found["totals.gross"]) == (
        "1640.00",
        "196.80",
        "1836.80",
    )
