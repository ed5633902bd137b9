"""An item table without a price column whose bare "Netto" / "Net" column is the net unit price: the
amount column right of it is quantity × that column on every row and adds up to the net total. Hand-placed
pages of invented vendors; a "Netto | Brutto" table (gross = net + tax) keeps its net column as the amount."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction import extract_page

D = Decimal


def _page(heads: list[str], rows: list[list[str]], totals: list[tuple[str, str]]) -> Sheet:
    s = Sheet()
    s.put(40, 40, "Kabelwerk Zeeland BV", size=16)
    s.put(40, 120, "Hotel De Schelde")
    s.put(380, 120, "Factuurnummer KZ-4471")
    s.put(380, 134, "Datum 04-09-2026")
    xs = [(40, False), (260, True), (340, True), (410, True), (540, True)]
    y = s.table(200, [(x, head, right) for (x, right), head in zip(xs, heads, strict=True)], rows)
    y += 20
    for label, value in totals:
        s.put(330, y, label)
        s.put(540, y, value, right=True)
        y += 16
    return s


def _items(s: Sheet) -> list[tuple[str, Decimal | None, Decimal | None, Decimal | None]]:
    return [(i.description, i.quantity, i.unit_price, i.amount) for i in extract_page(s.page()).line_items]


def test_bare_net_column_left_of_the_amount_is_the_unit_price() -> None:
    rows = [
        ["Glasvezel patchkabel", "4", "12,50", "21 %", "50,00"],
        ["Installatie per uur", "1", "85,00", "21 %", "85,00"],
        ["Wandcontactdoos", "3", "7,20", "21 %", "21,60"],
    ]
    totals = [("Totaal netto", "156,60"), ("BTW 21 %", "32,89"), ("Te betalen", "189,49")]
    s = _page(["Omschrijving", "Aantal", "Netto", "BTW", "Bedrag"], rows, totals)
    assert _items(s) == [
        ("Glasvezel patchkabel", D("4"), D("12.50"), D("50.00")),
        ("Installatie per uur", D("1"), D("85.00"), D("85.00")),
        ("Wandcontactdoos", D("3"), D("7.20"), D("21.60")),
    ]


def test_one_of_each_service_still_reads_the_net_column_as_the_price() -> None:
    rows = [
        ["Abonnement Glas 500", "1", "39,95", "21 %", "39,95"],
        ["Extra zender", "1", "6,50", "21 %", "6,50"],
    ]
    totals = [("Totaal netto", "46,45"), ("BTW 21 %", "9,75"), ("Te betalen", "56,20")]
    s = _page(["Omschrijving", "Aantal", "Netto", "BTW", "Bedrag"], rows, totals)
    assert _items(s) == [
        ("Abonnement Glas 500", D("1"), D("39.95"), D("39.95")),
        ("Extra zender", D("1"), D("6.50"), D("6.50")),
    ]


def test_net_beside_gross_stays_the_line_amount() -> None:
    rows = [
        ["Glasvezel patchkabel", "4", "50,00", "10,50", "60,50"],
        ["Wandcontactdoos", "3", "21,60", "4,54", "26,14"],
    ]
    totals = [("Totaal netto", "71,60"), ("BTW 21 %", "15,04"), ("Te betalen", "86,64")]
    s = _page(["Omschrijving", "Aantal", "Netto", "BTW", "Brutto"], rows, totals)
    items = _items(s)
    assert [(i[0], i[3]) for i in items] == [
        ("Glasvezel patchkabel", D("50.00")),
        ("Wandcontactdoos", D("21.60")),
    ]
    assert all(i[2] is None for i in items)
