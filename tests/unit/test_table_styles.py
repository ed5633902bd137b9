"""Item tables and tax summaries in the styles real invoices print, on invented pages: ERP reports with a
taxes column and quantities with units, a discount column, German article tables with a VAT-rate column,
French and Spanish tables with a discount, Italian and French tax summaries under the totals, Indian GST
rows with central and state tax columns at mixed rates, credit notes signed three ways, charge summaries
by period, descriptions wrapped over lines with the figures on the first or the last (a line of
measurements under a name, "110 mm x 300 m", stays a secondary line, not part of it: item_rows).
Conventions kept: the unit price is the list price, the amount the row's net after its discount;
credit-note figures keep the sign printed; Indian CGST and SGST are one tax line each per rate, at their
half rate."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.unit.sheets import Row, Sheet, d, items

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import PageExtraction

Header = list[tuple[float, str, bool]]
TaxRow = tuple[Decimal | None, Decimal | None, Decimal | None]


def _page(
    header: Header,
    rows: list[list[str]],
    totals: list[tuple[str, str]],
    summary: tuple[Header, list[list[str]]] | None = None,
) -> PageExtraction:
    s = Sheet(font_size=8)
    s.put(40, 30, "Kestrel Field Supplies", size=14)
    s.put(40, 50, "9 Mill Lane, 8000 Aarhus")
    s.put(380, 30, "INVOICE", size=16)
    s.put(380, 60, "No. KF-4471")
    s.put(380, 72, "Date 03.02.2025")
    y = s.table(300, header, rows) + 20
    for label, value in totals:
        s.put(470, y, label, right=True)
        s.put(555, y, value, right=True)
        y += 12
    if summary is not None:
        s.table(y + 10, *summary)
    return extract_page(s.page())


def _tax(result: PageExtraction) -> list[TaxRow]:
    return sorted(((t.rate, t.base, t.amount) for t in result.tax_lines), key=str)


def _t(rate: str, base: str, amount: str) -> TaxRow:
    return (d(rate), d(base), d(amount))


def _net(result: PageExtraction) -> str | None:
    found = result.fields.get("totals.net")
    return found.value if found else None


# --- ERP reports, article tables, discounts ------------------------------------------------------------


def test_erp_report_with_a_taxes_column_and_quantities_with_units() -> None:
    header = [
        (40, "Description", False),
        (300, "Quantity", True),
        (380, "Unit Price", True),
        (450, "Taxes", True),
        (555, "Amount", True),
    ]
    rows = [
        ["Standing desk frame", "2.00 Units", "150.00", "21%", "300.00"],
        ["Monitor arm", "3.00 Units", "25.50", "VAT 21%", "76.50"],
    ]
    result = _page(header, rows, [("Untaxed Amount", "376.50"), ("VAT 21%", "79.07"), ("Total", "455.57")])
    assert items(result) == [
        ("Standing desk frame", d("2"), d("150.00"), d("300.00")),
        ("Monitor arm", d("3"), d("25.50"), d("76.50")),
    ]
    assert _tax(result) == [_t("21", "376.50", "79.07")]


def test_erp_report_with_a_discount_column_reports_the_list_price_and_the_discounted_amount() -> None:
    header = [
        (40, "Description", False),
        (260, "Quantity", True),
        (320, "Unit Price", True),
        (370, "Disc.%", True),
        (440, "Taxes", True),
        (555, "Amount", True),
    ]
    rows = [
        ["Standing desk frame", "2.00 Units", "150.00", "10.00", "21%", "270.00"],
        ["Monitor arm", "4.00 Units", "25.00", "", "21%", "100.00"],
    ]
    result = _page(header, rows, [("Untaxed Amount", "370.00"), ("VAT 21%", "77.70"), ("Total", "447.70")])
    assert items(result) == [
        ("Standing desk frame", d("2"), d("150.00"), d("270.00")),
        ("Monitor arm", d("4"), d("25.00"), d("100.00")),
    ]


def test_german_article_table_with_position_unit_and_rate_columns_gives_two_rates() -> None:
    header = [
        (40, "Pos.", False),
        (70, "Art.-Nr.", False),
        (130, "Bezeichnung", False),
        (320, "Menge", True),
        (340, "Einheit", False),
        (420, "Einzelpreis", True),
        (470, "MwSt-%", True),
        (555, "Gesamt", True),
    ]
    rows = [
        ["1", "A-1002", "Schraube M6 verzinkt", "100", "Stk", "0,35", "19", "35,00"],
        ["2", "B-2200", "Fachbuch Holzbau", "2", "Stk", "45,00", "7", "90,00"],
    ]
    totals = [
        ("Nettobetrag", "125,00"),
        ("MwSt 7 %", "6,30"),
        ("MwSt 19 %", "6,65"),
        ("Gesamtbetrag", "137,95"),
    ]
    result = _page(header, rows, totals)
    assert items(result) == [
        ("Schraube M6 verzinkt", d("100"), d("0.35"), d("35.00")),
        ("Fachbuch Holzbau", d("2"), d("45.00"), d("90.00")),
    ]
    assert _tax(result) == [_t("19", "35.00", "6.65"), _t("7", "90.00", "6.30")]


@pytest.mark.parametrize(
    ("header", "totals"),
    [
        (
            ["Désignation", "Qté", "P.U. HT", "Remise", "Total HT"],
            [("Total HT", "525,00"), ("TVA 21 %", "110,25"), ("Total TTC", "635,25")],
        ),
        (
            ["Concepto", "Cantidad", "Precio", "Dto.", "Importe"],
            [("Base imponible", "525,00"), ("IVA 21%", "110,25"), ("Total", "635,25")],
        ),
    ],
    ids=["fr", "es"],
)
def test_french_and_spanish_tables_with_a_discount_column(
    header: list[str], totals: list[tuple[str, str]]
) -> None:
    xs = [(40, False), (320, True), (390, True), (450, True), (555, True)]
    rows = [
        ["Maintenance mensuelle", "1", "300,00", "5", "285,00"],
        ["Licence annuelle", "2", "120,00", "", "240,00"],
    ]
    result = _page([(x, h, r) for (x, r), h in zip(xs, header, strict=True)], rows, totals)
    assert items(result) == [
        ("Maintenance mensuelle", d("1"), d("300.00"), d("285.00")),
        ("Licence annuelle", d("2"), d("120.00"), d("240.00")),
    ]
    assert _tax(result) == [_t("21", "525.00", "110.25")]


def test_italian_tax_summary_with_base_rate_and_tax_columns_under_the_totals() -> None:
    header = [
        (40, "Descrizione", False),
        (320, "Quantità", True),
        (390, "Prezzo", True),
        (555, "Importo", True),
    ]
    rows = [["Consulenza tecnica", "8", "60,00", "480,00"], ["Manuale tecnico", "1", "30,00", "30,00"]]
    totals = [("Totale imponibile", "510,00"), ("Totale IVA", "106,80"), ("Totale documento", "616,80")]
    summary_header = [(40, "Imponibile", True), (200, "Aliquota", True), (300, "Imposta", True)]
    summary = (summary_header, [["480,00", "22%", "105,60"], ["30,00", "4%", "1,20"]])
    result = _page(header, rows, totals, summary)
    assert _tax(result) == [_t("22", "480.00", "105.60"), _t("4", "30.00", "1.20")]


# --- Indian GST ------------------------------------------------------------------------------------------

_GST_HEADER = [
    (40, "Description", False),
    (170, "HSN/SAC", False),
    (240, "Qty", True),
    (290, "Rate", True),
    (350, "Taxable", True),
    (380, "CGST %", True),
    (430, "CGST Amt", True),
    (460, "SGST %", True),
    (505, "SGST Amt", True),
    (555, "Total", True),
]


def test_gst_rows_at_two_rates_give_a_central_and_a_state_line_per_rate() -> None:
    rows = [
        ["Cotton shirts", "6205", "10", "450.00", "4500.00", "6", "270.00", "6", "270.00", "5040.00"],
        ["Leather belt", "4203", "5", "300.00", "1500.00", "9", "135.00", "9", "135.00", "1770.00"],
    ]
    totals = [
        ("Taxable Value", "6000.00"),
        ("CGST", "405.00"),
        ("SGST", "405.00"),
        ("Grand Total", "6810.00"),
    ]
    result = _page(_GST_HEADER, rows, totals)
    assert items(result) == [
        ("Cotton shirts", d("10"), d("450.00"), d("4500.00")),
        ("Leather belt", d("5"), d("300.00"), d("1500.00")),
    ]
    assert _tax(result) == sorted(
        [_t("6", "4500.00", "270.00")] * 2 + [_t("9", "1500.00", "135.00")] * 2, key=str
    )


def test_gst_rows_at_one_rate_keep_one_central_and_one_state_line() -> None:
    rows = [
        ["Cotton shirts", "6205", "10", "450.00", "4500.00", "9", "405.00", "9", "405.00", "5310.00"],
        ["Leather belt", "4203", "5", "300.00", "1500.00", "9", "135.00", "9", "135.00", "1770.00"],
    ]
    totals = [
        ("Taxable Value", "6000.00"),
        ("CGST", "540.00"),
        ("SGST", "540.00"),
        ("Grand Total", "7080.00"),
    ]
    result = _page(_GST_HEADER, rows, totals)
    assert _tax(result) == [_t("9", "6000.00", "540.00")] * 2


# --- credit notes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "totals", "expected"),
    [
        (
            [["Returned keyboard", "-1", "120.00", "-120.00"], ["Returned mouse", "-2", "15.00", "-30.00"]],
            [("Subtotal", "-150.00"), ("VAT 20%", "-30.00"), ("Total", "-180.00")],
            [
                ("Returned keyboard", d("-1"), d("120.00"), d("-120.00")),
                ("Returned mouse", d("-2"), d("15.00"), d("-30.00")),
            ],
        ),
        (
            [["Returned keyboard", "1", "120.00", "(120.00)"], ["Returned mouse", "2", "15.00", "(30.00)"]],
            [("Subtotal", "(150.00)"), ("VAT 20%", "(30.00)"), ("Total", "(180.00)")],
            [
                ("Returned keyboard", d("1"), d("120.00"), d("-120.00")),
                ("Returned mouse", d("2"), d("15.00"), d("-30.00")),
            ],
        ),
        (
            [["Returned keyboard", "1", "120,00", "120,00-"], ["Returned mouse", "2", "15,00", "30,00-"]],
            [("Netto", "150,00-"), ("MwSt 20%", "30,00-"), ("Gesamt", "180,00-")],
            [
                ("Returned keyboard", d("1"), d("120.00"), d("-120.00")),
                ("Returned mouse", d("2"), d("15.00"), d("-30.00")),
            ],
        ),
    ],
    ids=["minus quantity", "parentheses", "trailing minus"],
)
def test_credit_note_rows_keep_the_signs_printed(
    cells: list[list[str]], totals: list[tuple[str, str]], expected: list[Row]
) -> None:
    header = [
        (40, "Description", False),
        (320, "Qty", True),
        (400, "Unit price", True),
        (555, "Amount", True),
    ]
    result = _page(header, cells, totals)
    assert items(result) == expected
    assert _net(result) == "-150.00"
    assert _tax(result) == [_t("20", "-150.00", "-30.00")]


# --- charge summaries, wrapped descriptions, several rates ----------------------------------------------


def test_telecom_charges_by_period_are_items_without_quantity() -> None:
    header = [(40, "Charges", False), (250, "Period", False), (555, "Amount", True)]
    rows = [
        ["Monthly plan Unlimited 5G", "01.01.2025 - 31.01.2025", "39.99"],
        ["Roaming data EU", "03.01.2025 - 09.01.2025", "7.50"],
        ["Device instalment 12/24", "01.01.2025 - 31.01.2025", "20.00"],
    ]
    totals = [("Total excl. VAT", "67.49"), ("VAT 21%", "14.17"), ("Total incl. VAT", "81.66")]
    result = _page(header, rows, totals)
    assert [(i.description, i.amount) for i in result.line_items] == [
        ("Monthly plan Unlimited 5G", d("39.99")),
        ("Roaming data EU", d("7.50")),
        ("Device instalment 12/24", d("20.00")),
    ]


_WRAPPED = [
    (
        ["Annual support contract for the", "warehouse scanners, incl. on-site", "visits"],
        "1",
        "480.00",
        "480.00",
    ),
    (["Replacement battery packs"], "6", "35.00", "210.00"),
    (["Label printer ribbons, wax-resin", "for thermal transfer printers"], "12", "9.50", "114.00"),
]


@pytest.mark.parametrize("on_first", [True, False], ids=["figures on the first line", "figures on the last"])
def test_descriptions_wrapped_over_lines_keep_every_word(on_first: bool) -> None:
    s = Sheet(font_size=8)
    s.put(40, 30, "Kestrel Field Supplies", size=14)
    s.put(380, 60, "Invoice No. KF-4471")
    s.put(380, 72, "Date 03.02.2025")
    header = [
        (40, "Description", False),
        (320, "Qty", True),
        (400, "Unit price", True),
        (555, "Amount", True),
    ]
    for x, label, right in header:
        s.put(x, 300, label, right=right)
    y = 316.0
    for lines, *figures in _WRAPPED:
        at = y if on_first else y + 11 * (len(lines) - 1)
        for n, text in enumerate(lines):
            s.put(40, y + 11 * n, text)
        for (x, _, _), figure in zip(header[1:], figures, strict=True):
            s.put(x, at, figure, right=True)
        y += 11 * len(lines) + 5
    for n, (label, value) in enumerate([("Net", "804.00"), ("VAT 20%", "160.80"), ("Total", "964.80")]):
        s.put(470, y + 20 + 12 * n, label, right=True)
        s.put(555, y + 20 + 12 * n, value, right=True)
    assert items(extract_page(s.page())) == [
        (" ".join(lines), d(q), d(p), d(a)) for lines, q, p, a in _WRAPPED
    ]


def test_a_rate_summary_without_amounts_under_the_totals_gives_each_rate_its_base() -> None:
    header = [
        (40, "Description", False),
        (320, "Qty", True),
        (400, "Unit price", True),
        (555, "Amount", True),
    ]
    rows = [["Wooden toy train", "2", "40.00", "80.00"], ["Picture book", "3", "12.00", "36.00"]]
    totals = [("Net amount", "116.00"), ("VAT 19%", "15.20"), ("VAT 7%", "2.52"), ("Total", "133.72")]
    summary = ([(40, "VAT rate", False), (200, "Net", True)], [["19%", "80.00"], ["7%", "36.00"]])
    result = _page(header, rows, totals, summary)
    assert _tax(result) == [_t("19", "80.00", "15.20"), _t("7", "36.00", "2.52")]


def _gst_header_rows(
    header_rows: list[Header], columns: list[tuple[float, bool]], rows: list[list[str]]
) -> PageExtraction:
    """A GST table in 7 pt type, its header on one or two lines, under the seller and over the totals."""
    s = Sheet(font_size=7)
    s.put(40, 30, "Saffron Looms Pvt Ltd", size=14)
    s.put(380, 60, "Invoice No. SL/24-25/118")
    s.put(380, 72, "Date 03.02.2025")
    y = 280.0
    for header in header_rows:
        for x, label, right in header:
            s.put(x, y, label, right=right)
        y += 9
    for row in rows:
        y += 12
        for (x, right), cell in zip(columns, row, strict=True):
            if cell:
                s.put(x, y, cell, right=right)
    totals = [("Taxable Amount", "26000.00"), ("IGST", "4080.00"), ("Total", "30080.00")]
    for n, (label, value) in enumerate(totals):
        s.put(470, y + 26 + 11 * n, label, right=True)
        s.put(555, y + 26 + 11 * n, value, right=True)
    return extract_page(s.page())


@pytest.mark.parametrize("rate_sign", ["", "%"], ids=["bare rates", "rates with %"])
def test_igst_rows_with_an_hsn_code_and_an_unlabelled_taxable_column_report_the_taxable_value(
    rate_sign: str,
) -> None:
    # "Taxable" alone is no amount label; the amount column holds the total incl. IGST. A whole HSN code
    # beside a whole quantity must not pass for quantity × price of the gross amount.
    header = [
        (40, "Item", False),
        (200, "HSN", False),
        (260, "Qty", True),
        (320, "Rate", True),
        (390, "Taxable", True),
        (430, "IGST%", True),
        (490, "IGST", True),
        (555, "Amount", True),
    ]
    columns = [(x, right) for x, _, right in header]
    rows = [
        ["Steel almirah", "9403", "2", "8000.00", "16000.00", f"18{rate_sign}", "2880.00", "18880.00"],
        ["Office chair", "9401", "4", "2500.00", "10000.00", f"12{rate_sign}", "1200.00", "11200.00"],
    ]
    result = _gst_header_rows([header], columns, rows)
    assert items(result) == [
        ("Steel almirah", d("2"), d("8000.00"), d("16000.00")),
        ("Office chair", d("4"), d("2500.00"), d("10000.00")),
    ]
    assert _tax(result) == [_t("12", "10000.00", "1200.00"), _t("18", "16000.00", "2880.00")]


def test_gst_header_over_two_lines_with_rate_and_amount_under_each_tax() -> None:
    columns = [(40, False), (62, False), (170, False), (235, True), (285, True), (340, True), (370, True),
               (420, True), (450, True), (500, True), (555, True)]  # fmt: skip
    top = [(40, "Sl", False), (62, "Description of Goods", False), (170, "HSN/SAC", False),
           (235, "Qty", True), (285, "Rate", True), (340, "Taxable", True), (395, "CGST", False),
           (475, "SGST", False), (555, "Total", True)]  # fmt: skip
    under = [(40, "No", False), (340, "Value", True), (370, "Rate", True), (420, "Amount", True),
             (450, "Rate", True), (500, "Amount", True)]  # fmt: skip
    rows = [
        ["1", "Cotton shirts", "6205", "10", "450.00", "4500.00", "6%", "270.00", "6%", "270.00", "5040.00"],
        ["2", "Leather belt", "4203", "5", "300.00", "1500.00", "9%", "135.00", "9%", "135.00", "1770.00"],
    ]
    s = Sheet(font_size=7)
    s.put(40, 30, "Saffron Looms Pvt Ltd", size=14)
    s.put(380, 60, "Invoice No. SL/24-25/118")
    for y, header in ((280.0, top), (289.0, under)):
        for x, label, right in header:
            s.put(x, y, label, right=right)
    for n, row in enumerate(rows):
        for (x, right), cell in zip(columns, row, strict=True):
            s.put(x, 310 + 12 * n, cell, right=right)
    totals = [
        ("Taxable Value", "6000.00"),
        ("CGST", "405.00"),
        ("SGST", "405.00"),
        ("Grand Total", "6810.00"),
    ]
    for n, (label, value) in enumerate(totals):
        s.put(470, 360 + 11 * n, label, right=True)
        s.put(555, 360 + 11 * n, value, right=True)
    result = extract_page(s.page())
    assert items(result) == [
        ("Cotton shirts", d("10"), d("450.00"), d("4500.00")),
        ("Leather belt", d("5"), d("300.00"), d("1500.00")),
    ]
    assert _tax(result) == sorted(
        [_t("6", "4500.00", "270.00")] * 2 + [_t("9", "1500.00", "135.00")] * 2, key=str
    )


# --- exempt supplies beside taxed ones ------------------------------------------------------------------

_THREE_ROWS = [["Training course", "1", "500,00", "500,00"], ["Printed manual", "2", "20,00", "40,00"]]
_PLAIN = [(40, "Description", False), (320, "Qty", True), (400, "Unit price", True), (555, "Amount", True)]


@pytest.mark.parametrize(
    ("totals", "summary"),
    [
        (
            [("Net", "540,00"), ("VAT", "8,00"), ("Total", "548,00")],
            (
                [(40, "VAT rate", False), (200, "Net", True), (300, "VAT", True)],
                [["20%", "40,00", "8,00"], ["exempt", "500,00", "0,00"]],
            ),
        ),
        (
            [("Total HT", "540,00"), ("TVA 20 %", "8,00"), ("Total TTC", "548,00")],
            (
                [(40, "Taux", False), (200, "Base HT", True), (300, "Montant TVA", True)],
                [["20,00 %", "40,00", "8,00"], ["Exonéré", "500,00", "0,00"]],
            ),
        ),
        (
            [
                ("Nettobetrag", "540,00"),
                ("MwSt 20 %", "8,00"),
                ("Steuerfrei", "500,00"),
                ("Gesamtbetrag", "548,00"),
            ],
            None,
        ),
    ],
    ids=["en summary", "fr summary", "de totals"],
)
def test_an_exempt_part_of_the_net_is_a_zero_rate_line(
    totals: list[tuple[str, str]], summary: tuple[Header, list[list[str]]] | None
) -> None:
    result = _page(_PLAIN, _THREE_ROWS, totals, summary)
    assert _tax(result) == [_t("0", "500.00", "0.00"), _t("20", "40.00", "8.00")]


def test_an_exemption_note_whose_figure_is_not_the_rest_of_the_net_adds_no_line() -> None:
    # The exempt figure must be what the net leaves over the bases printed (500.00): a note's is not.
    summary = ([(40, "VAT rate", False), (200, "Net", True), (300, "VAT", True)], [["20%", "40,00", "8,00"]])
    totals = [("Net", "540,00"), ("VAT", "8,00"), ("Total", "548,00"), ("Tax-free allowance used", "75,00")]
    result = _page(_PLAIN, _THREE_ROWS, totals, summary)
    assert _tax(result) == [_t("20", "40.00", "8.00")]


def test_utility_charges_with_consumption_units_and_four_decimal_prices() -> None:
    header = [
        (40, "Description", False),
        (170, "Period", False),
        (330, "Consumption", True),
        (420, "Unit price", True),
        (555, "Amount", True),
    ]
    rows = [
        ["Energy day rate", "01.01.-31.01.2025", "412 kWh", "0.2870", "118.24"],
        ["Energy night rate", "01.01.-31.01.2025", "198 kWh", "0.1540", "30.49"],
        ["Standing charge", "01.01.-31.01.2025", "31 days", "0.4500", "13.95"],
    ]
    totals = [("Total excl. VAT", "162.68"), ("VAT 5%", "8.13"), ("Total", "170.81")]
    result = _page(header, rows, totals)
    assert items(result) == [
        ("Energy day rate", d("412"), d("0.2870"), d("118.24")),
        ("Energy night rate", d("198"), d("0.1540"), d("30.49")),
        ("Standing charge", d("31"), d("0.4500"), d("13.95")),
    ]
    assert _tax(result) == [_t("5", "162.68", "8.13")]
