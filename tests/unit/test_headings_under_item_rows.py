"""A heading alone on its line between the last item row and the totals block ("Gesamtbeträge",
"Summen", "Totals", "Récapitulatif TVA", "Riepilogo", or a title in a larger type) ends the table: it is
no wrapped line of the last item's description. Hand-placed pages of invented vendors; a wrapped line of
the same type stays part of the description."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction import extract_page


def _page(under_last_row: str, size: float | None = None) -> Sheet:
    s = Sheet()
    s.put(40, 40, "Brennerhof Kältetechnik GmbH", size=16)
    s.put(40, 120, "Gasthaus Zum Anker")
    s.put(380, 120, "Rechnung Nr. BK-3318")
    s.put(380, 134, "Datum 17.10.2026")
    y = s.table(
        200,
        [(40, "Beschreibung", False), (300, "Menge", True), (420, "Preis", True), (540, "Betrag", True)],
        [["Kühlzelle Wartung", "2", "145,00", "290,00"], ["Kältemittel R290", "3", "38,50", "115,50"]],
    )
    s.put(40, y + 2, under_last_row, size=size)
    y += 26
    for label, value in [("Summe netto", "405,50"), ("MwSt. 19 %", "77,05"), ("Gesamt", "482,55")]:
        s.put(330, y, label)
        s.put(540, y, value, right=True)
        y += 16
    return s


def _descriptions(s: Sheet) -> list[tuple[str, Decimal]]:
    return [(i.description, i.amount) for i in extract_page(s.page()).line_items]


@pytest.mark.parametrize(
    "heading",
    ["Gesamtbeträge", "Summen", "Totals", "Récapitulatif TVA", "Riepilogo", "Resumen:", "Samenvatting"],
)
def test_a_totals_or_summary_heading_ends_the_table(heading: str) -> None:
    assert _descriptions(_page(heading)) == [
        ("Kühlzelle Wartung", Decimal("290.00")),
        ("Kältemittel R290", Decimal("115.50")),
    ]


def test_a_title_in_a_larger_type_ends_the_table() -> None:
    assert _descriptions(_page("Ihre Abrechnung", size=14)) == [
        ("Kühlzelle Wartung", Decimal("290.00")),
        ("Kältemittel R290", Decimal("115.50")),
    ]


def test_a_wrapped_line_in_the_rows_type_stays_in_the_description() -> None:
    assert _descriptions(_page("inkl. Entsorgung Altgas")) == [
        ("Kühlzelle Wartung", Decimal("290.00")),
        ("Kältemittel R290 inkl. Entsorgung Altgas", Decimal("115.50")),
    ]
