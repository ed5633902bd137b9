"""Which money column is the line amount: tables of invented vendors with several money columns right of
the price (net, tax, total incl. tax; Indian CGST/SGST tables), discount columns, amounts printed incl.
tax or before the row's discount. The line amount reported is the NET one, quantity × unit price ×
(1 − discount %), chosen by row arithmetic and the net total printed under the table (when the page has
it), never by the column's position."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.sheets import Sheet

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.column_inference import RowFigures, net_line_amounts
from invoiceflow.domain.models import PageExtraction

Row = tuple[str, Decimal | None, Decimal | None, Decimal | None]


def items(result: PageExtraction) -> list[Row]:
    return [(i.description, i.quantity, i.unit_price, i.amount) for i in result.line_items]


def d(text: str) -> Decimal:
    return Decimal(text)


def invoice(
    header: list[tuple[float, str, bool]],
    rows: list[list[str]],
    totals: list[tuple[str, str]] | None = None,
    font_size: float = 8.0,
    page_number: int = 1,
) -> PageExtraction:
    """A page with a vendor head, the items table and (unless a continuation page) a totals block."""
    s = Sheet(font_size=font_size, page_number=page_number)
    s.put(40, 40, "Harbourlight Trading Company", size=14)
    s.put(40, 64, "Invoice No: HT-2024-0577")
    s.put(40, 76, "Date: 18.06.2024")
    y = s.table(120, header, rows)
    for n, (label, value) in enumerate(totals or []):
        s.put(400, y + 24 + 14 * n, label)
        s.put(560, y + 24 + 14 * n, value, right=True)
    return extract_page(s.page())


NET_VAT_TOTAL = [
    (40, "Description", False),
    (250, "Qty", True),
    (305, "Unit price", True),
    (360, "Net", True),
    (400, "VAT %", True),
    (460, "VAT", True),
    (560, "Total", True),
]
NET_VAT_ROWS = [
    ["Ceramic mugs, white", "24", "3.75", "90.00", "20%", "18.00", "108.00"],
    ["Espresso machine service", "1", "149.00", "149.00", "20%", "29.80", "178.80"],
    ["Cookbook 'Coastal kitchen'", "2", "18.50", "37.00", "0%", "0.00", "37.00"],
]
EXPECTED_NET = [
    ("Ceramic mugs, white", d("24"), d("3.75"), d("90.00")),
    ("Espresso machine service", d("1"), d("149.00"), d("149.00")),
    ("Cookbook 'Coastal kitchen'", d("2"), d("18.50"), d("37.00")),
]


def test_net_vat_and_total_columns_report_the_net_column_with_and_without_totals_below() -> None:
    assert items(invoice(NET_VAT_TOTAL, NET_VAT_ROWS)) == EXPECTED_NET
    totals = [("Subtotal", "276.00"), ("VAT", "47.80"), ("Total", "323.80")]
    assert items(invoice(NET_VAT_TOTAL, NET_VAT_ROWS, totals)) == EXPECTED_NET


def test_total_incl_vat_without_a_net_column_gives_quantity_times_price_on_a_continuation_page() -> None:
    # No net column, no totals on this page (the table goes on): the tax rate and tax amount of each
    # row explain the difference between the total and quantity × price.
    header = [c for c in NET_VAT_TOTAL if c[1] != "Net"]
    rows = [[cell for k, cell in enumerate(row) if k != 3] for row in NET_VAT_ROWS]
    result = invoice(header, rows)
    assert items(result) == EXPECTED_NET
    assert result.items_continue


def test_german_gross_amount_column_with_a_rate_column_and_a_freight_line_without_quantity() -> None:
    header = [
        (40, "Bezeichnung", False),
        (260, "Menge", True),
        (330, "Einzelpreis", True),
        (400, "MwSt.-Satz", True),
        (560, "Betrag", True),
    ]
    rows = [
        ["Schrauben M6 (100 Stk.)", "3", "12,40", "19 %", "44,27"],
        ["Fachbuch Holzbau", "1", "39,00", "7 %", "41,73"],
        ["Fracht", "", "", "19 %", "11,90"],
    ]
    totals = [("Nettobetrag", "86,20"), ("MwSt.", "10,79"), ("Gesamtbetrag", "96,99")]
    assert items(invoice(header, rows, totals)) == [
        ("Schrauben M6 (100 Stk.)", d("3"), d("12.40"), d("37.20")),
        ("Fachbuch Holzbau", d("1"), d("39.00"), d("39.00")),
        ("Fracht", None, None, d("10.00")),
    ]


def test_net_column_right_of_the_gross_one_is_taken_by_arithmetic_not_position() -> None:
    header = [
        (40, "Article", False),
        (250, "Qté", True),
        (320, "Prix unitaire", True),
        (400, "Total TTC", True),
        (440, "TVA %", True),
        (560, "Montant HT", True),
    ]
    rows = [
        ["Lampe de bureau", "2", "45,00", "108,00", "20 %", "90,00"],
        ["Ampoules LED x4", "5", "7,90", "43,45", "10 %", "39,50"],
    ]
    assert items(invoice(header, rows)) == [
        ("Lampe de bureau", d("2"), d("45.00"), d("90.00")),
        ("Ampoules LED x4", d("5"), d("7.90"), d("39.50")),
    ]


def test_spanish_discount_column_with_the_amount_after_the_discount_is_kept() -> None:
    header = [
        (40, "Descripción", False),
        (250, "Cant.", True),
        (305, "Precio", True),
        (360, "Dto. %", True),
        (560, "Importe", True),
    ]
    rows = [
        ["Tornillos inox", "100", "0,25", "10", "22,50"],
        ["Taladro percutor", "1", "89,90", "5", "85,41"],
        ["Juego de brocas", "4", "6,20", "0", "24,80"],
    ]
    totals = [("Base imponible", "132,71"), ("IVA 21%", "27,87"), ("Total", "160,58")]
    assert items(invoice(header, rows, totals)) == [
        ("Tornillos inox", d("100"), d("0.25"), d("22.50")),
        ("Taladro percutor", d("1"), d("89.90"), d("85.41")),
        ("Juego de brocas", d("4"), d("6.20"), d("24.80")),
    ]


def test_amount_printed_before_the_rows_discount_becomes_the_discounted_net_amount() -> None:
    header = [
        (40, "Description", False),
        (250, "Qty", True),
        (305, "Price", True),
        (360, "Disc. %", True),
        (560, "Amount", True),
    ]
    rows = [
        ["Hex screws M6", "100", "0.25", "10", "25.00"],
        ["Cordless drill", "1", "89.90", "5", "89.90"],
        ["Drill bit set", "4", "6.20", "0", "24.80"],
    ]
    expected = [
        ("Hex screws M6", d("100"), d("0.25"), d("22.50")),
        ("Cordless drill", d("1"), d("89.90"), d("85.41")),  # 85.405 rounded half-up
        ("Drill bit set", d("4"), d("6.20"), d("24.80")),
    ]
    assert items(invoice(header, rows)) == expected
    totals = [("Line discounts", "-6.99"), ("Net amount", "132.71"), ("Total", "159.25")]
    assert items(invoice(header, rows, totals)) == expected


INDIAN_HEADER = [
    (30, "Description", False),
    (180, "Qty", True),
    (220, "Rate", True),
    (285, "Taxable value", True),
    (325, "CGST rate", True),
    (370, "CGST amt", True),
    (410, "SGST rate", True),
    (455, "SGST amt", True),
    (560, "Total", True),
]
INDIAN_ROWS = [
    ["HDPE granules", "10", "150.00", "1500.00", "9%", "135.00", "9%", "135.00", "1770.00"],
    ["Woven sacks", "5", "40.00", "200.00", "6%", "12.00", "6%", "12.00", "224.00"],
]
INDIAN_EXPECTED = [
    ("HDPE granules", d("10"), d("150.00"), d("1500.00")),
    ("Woven sacks", d("5"), d("40.00"), d("200.00")),
]


def test_indian_gst_table_reports_the_taxable_value() -> None:
    assert items(invoice(INDIAN_HEADER, INDIAN_ROWS, font_size=6.5)) == INDIAN_EXPECTED


def test_indian_gst_table_without_taxable_value_column_sums_cgst_and_sgst_off_the_total() -> None:
    header = [c for c in INDIAN_HEADER if c[1] != "Taxable value"]
    rows = [[cell for k, cell in enumerate(row) if k != 3] for row in INDIAN_ROWS]
    assert items(invoice(header, rows, font_size=6.5)) == INDIAN_EXPECTED


def test_amounts_that_add_up_to_the_net_total_stay_even_when_they_differ_from_the_product() -> None:
    # Prices per 100 pieces: quantity × price is no amount here, and no tax figure explains a difference.
    header = [(40, "Item", False), (260, "Pieces", True), (340, "Price", True), (560, "Amount", True)]
    rows = [["Cable ties 200 mm", "500", "4.20", "21.00"], ["Wall plugs 8 mm", "300", "3.10", "9.30"]]
    totals = [("Net total", "30.30"), ("VAT 20%", "6.06"), ("Total", "36.36")]
    assert [i.amount for i in invoice(header, rows, totals).line_items] == [d("21.00"), d("9.30")]
    assert [i.amount for i in invoice(header, rows).line_items] == [d("21.00"), d("9.30")]


def test_net_line_amounts_from_row_figures() -> None:
    gross = [
        RowFigures(d("2"), d("10.00"), d("23.80")),
        RowFigures(d("3"), d("5.00"), d("17.85")),
    ]
    # One common rate of 19 % on every row: the net amounts, with or without a net total to confirm.
    assert net_line_amounts(gross, []) == [d("20.00"), d("15.00")]
    assert net_line_amounts(gross, [d("35.00")]) == [d("20.00"), d("15.00")]
    # The read amounts add up to the net total printed: they stay.
    assert net_line_amounts(gross, [d("41.65")]) is None
    # A single row without a rate or tax figure explains nothing.
    assert net_line_amounts(gross[:1], []) is None
    # Rates differing from row to row without a rate column: no common markup, nothing replaced.
    mixed = [gross[0], RowFigures(d("3"), d("5.00"), d("16.05"))]
    assert net_line_amounts(mixed, []) is None
    # ... unless the net total printed below says so.
    assert net_line_amounts(mixed, [d("35.00")]) == [d("20.00"), d("15.00")]
    # Amounts that agree with quantity × price need nothing.
    assert net_line_amounts([RowFigures(d("2"), d("10.00"), d("20.00"))], []) is None


def test_dutch_tax_amounts_under_an_unknown_header_explain_the_totals_incl_tax() -> None:
    header = [
        (40, "Omschrijving", False),
        (250, "Aantal", True),
        (320, "Prijs", True),
        (400, "Heffing", True),
        (560, "Totaal", True),
    ]
    rows = [["Tuinslang 25 m", "3", "12,40", "7,81", "45,01"], ["Snoeischaar", "1", "39,00", "8,19", "47,19"]]
    assert items(invoice(header, rows)) == [
        ("Tuinslang 25 m", d("3"), d("12.40"), d("37.20")),
        ("Snoeischaar", d("1"), d("39.00"), d("39.00")),
    ]


def test_totals_incl_one_tax_rate_without_any_tax_column_lose_that_common_rate() -> None:
    header = [(40, "Description", False), (250, "Qty", True), (305, "Unit price", True), (560, "Total", True)]
    rows = [
        ["Garden hose 25 m", "5", "10.00", "59.50"],
        ["Pruning shears", "2", "20.00", "47.60"],
        ["Plant labels", "1", "3.99", "4.75"],
    ]
    assert [i.amount for i in invoice(header, rows).line_items] == [d("50.00"), d("40.00"), d("3.99")]


def test_totals_side_by_side_on_one_line_confirm_the_net_amounts_not_the_gross_ones() -> None:
    # "Net … VAT … Total …" on one line: the figure after the net label is the net total, not the others.
    header = [c for c in NET_VAT_TOTAL if c[1] not in ("Net", "VAT")]
    rows = [[cell for k, cell in enumerate(row) if k not in (3, 5)] for row in NET_VAT_ROWS]
    s = Sheet(font_size=8.0)
    s.put(40, 40, "Harbourlight Trading Company", size=14)
    s.put(40, 64, "Invoice No: HT-2024-0578")
    y = s.table(120, header, rows)
    for x, text in [(230, "Net amount"), (330, "276.00"), (380, "VAT"), (450, "47.80"), (480, "Total")]:
        s.put(x, y + 24, text, right=text[0].isdigit())
    s.put(560, y + 24, "323.80", right=True)
    result = extract_page(s.page())
    assert items(result) == EXPECTED_NET
    assert result.fields["totals.net"].value == "276.00"
