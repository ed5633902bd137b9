"""extract_page on hand-placed item tables with more numeric columns than quantity, unit price and
amount: per-line tax rates and tax amounts, discounts, line totals incl. tax, article codes; charge lines
without quantity (utility and telecom bills) and shipping lines inside the table. The amount reported is
always the line's net amount, chosen by arithmetic (qty × price × (1 − discount) = amount, amount × rate
= line tax, Σ amounts = net total), not by the column's position."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.sheets import Sheet, d, items, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import PageExtraction, PageText, TextSource, Word


def test_vat_rate_and_line_total_incl_vat_columns_report_the_net_amount() -> None:
    s = Sheet(font_size=9.0)
    s.put(40, 40, "Northwind Office Supply Ltd", size=14)
    s.put(40, 70, "Invoice No: NW-88121")
    s.put(40, 84, "Invoice Date: 12/03/2024")
    header = [
        (40, "Description", False),
        (300, "Qty", True),
        (370, "Unit Price", True),
        (430, "Net", True),
        (475, "VAT %", True),
        (540, "Total", True),
    ]
    rows = [
        ["Copy paper A4 80 g", "10", "4.50", "45.00", "20%", "54.00"],
        ["Toner cartridge black", "2", "61.25", "122.50", "20%", "147.00"],
        ["Children's books", "3", "8.00", "24.00", "0%", "24.00"],
    ]
    y = s.table(120, header, rows)
    s.put(380, y + 20, "Subtotal")
    s.put(540, y + 20, "191.50", right=True)
    s.put(380, y + 34, "VAT 20%")
    s.put(540, y + 34, "33.50", right=True)
    s.put(380, y + 48, "Total")
    s.put(540, y + 48, "225.00", right=True)
    result = extract_page(s.page())
    assert items(result) == [
        ("Copy paper A4 80 g", d("10"), d("4.50"), d("45.00")),
        ("Toner cartridge black", d("2"), d("61.25"), d("122.50")),
        ("Children's books", d("3"), d("8.00"), d("24.00")),
    ]
    assert values(result)["totals.net"] == "191.50"


def test_indian_gst_table_with_hsn_codes_and_cgst_sgst_rate_and_amount_columns() -> None:
    s = Sheet(font_size=9.0)
    s.put(30, 30, "Sharma Electricals Pvt Ltd", size=14)
    s.put(30, 60, "Tax Invoice No: SE/24-25/0192")
    s.put(30, 74, "Date: 05-06-2024")
    header = [
        (30, "Description", False),
        (250, "HSN/SAC", True),
        (290, "Qty", True),
        (350, "Rate", True),
        (430, "Taxable Value", True),
        (480, "CGST %", True),
        (560, "CGST Amt", True),
        (610, "SGST %", True),
        (690, "SGST Amt", True),
        (780, "Total", True),
    ]
    rows = [
        ["LED panel 18W", "94054090", "12", "450.00", "5,400.00", "9%", "486.00", "9%", "486.00", "6,372.00"],
        ["Copper wire 2.5 sq mm", "85444999", "5", "1,250.00", "6,250.00", "9%", "562.50", "9%", "562.50",
         "7,375.00"],
        ["Installation service", "995461", "1", "3,000.00", "3,000.00", "9%", "270.00", "9%", "270.00",
         "3,540.00"],
    ]  # fmt: skip
    y = s.table(110, header, rows)
    s.put(560, y + 20, "Taxable Amount")
    s.put(780, y + 20, "14,650.00", right=True)
    s.put(560, y + 34, "CGST 9%")
    s.put(780, y + 34, "1,318.50", right=True)
    s.put(560, y + 48, "SGST 9%")
    s.put(780, y + 48, "1,318.50", right=True)
    s.put(560, y + 62, "Grand Total")
    s.put(780, y + 62, "17,287.00", right=True)
    result = extract_page(s.page(landscape=True))
    assert items(result) == [
        ("LED panel 18W", d("12"), d("450.00"), d("5400.00")),
        ("Copper wire 2.5 sq mm", d("5"), d("1250.00"), d("6250.00")),
        ("Installation service", d("1"), d("3000.00"), d("3000.00")),
    ]


def test_article_numbers_and_discount_percent_column_give_the_discounted_net_amount() -> None:
    s = Sheet(font_size=9.0)
    s.put(40, 40, "Werkzeughandel Brandt GmbH", size=14)
    s.put(40, 70, "Rechnungsnummer: 2024-3312")
    s.put(40, 84, "Rechnungsdatum: 04.03.2024")
    header = [
        (40, "Art.-Nr.", False),
        (100, "Bezeichnung", False),
        (330, "Menge", True),
        (400, "Einzelpreis", True),
        (450, "Rabatt", True),
        (490, "MwSt.", True),
        (555, "Gesamt", True),
    ]
    rows = [
        ["100234", "Akkuschrauber 18 V", "2", "129,00", "10%", "19%", "232,20"],
        ["100871", "Bitsatz 32-teilig", "5", "14,90", "", "19%", "74,50"],
        ["220015", "Schutzbrille klar", "10", "3,20", "5%", "19%", "30,40"],
    ]
    y = s.table(120, header, rows)
    s.put(380, y + 20, "Nettobetrag")
    s.put(555, y + 20, "337,10", right=True)
    s.put(380, y + 34, "MwSt. 19 %")
    s.put(555, y + 34, "64,05", right=True)
    s.put(380, y + 48, "Gesamtbetrag")
    s.put(555, y + 48, "401,15", right=True)
    result = extract_page(s.page())
    assert items(result) == [
        ("Akkuschrauber 18 V", d("2"), d("129.00"), d("232.20")),
        ("Bitsatz 32-teilig", d("5"), d("14.90"), d("74.50")),
        ("Schutzbrille klar", d("10"), d("3.20"), d("30.40")),
    ]


def test_discount_amount_column_and_vat_amount_column_in_french() -> None:
    s = Sheet(font_size=9.0)
    s.put(40, 40, "Papeterie Lemoine SARL", size=14)
    s.put(40, 70, "Facture n° F-2024-0457")
    s.put(40, 84, "Date de facture : 18/04/2024")
    header = [
        (40, "Réf.", False),
        (90, "Désignation", False),
        (300, "Qté", True),
        (360, "P.U. HT", True),
        (410, "Remise", True),
        (470, "Montant HT", True),
        (510, "TVA", True),
        (560, "Montant TVA", True),
    ]
    rows = [
        ["A-113", "Classeurs à levier", "20", "3,50", "7,00", "63,00", "20%", "12,60"],
        ["B-207", "Stylos bille bleus", "50", "0,80", "", "40,00", "20%", "8,00"],
    ]
    y = s.table(120, header, rows)
    s.put(380, y + 20, "Total HT")
    s.put(560, y + 20, "103,00", right=True)
    s.put(380, y + 34, "TVA 20 %")
    s.put(560, y + 34, "20,60", right=True)
    s.put(380, y + 48, "Total TTC")
    s.put(560, y + 48, "123,60", right=True)
    result = extract_page(s.page())
    assert items(result) == [
        ("Classeurs à levier", d("20"), d("3.50"), d("63.00")),
        ("Stylos bille bleus", d("50"), d("0.80"), d("40.00")),
    ]


def test_dutch_table_excl_and_incl_btw_amounts_without_arithmetic_help() -> None:
    """No quantity column: only the header words and amount × rate = line tax name the net column."""
    s = Sheet(font_size=9.0)
    s.put(40, 40, "Groenvoorziening De Linde B.V.", size=14)
    s.put(40, 70, "Factuurnummer: 2024-077")
    s.put(40, 84, "Factuurdatum: 02-05-2024")
    header = [
        (40, "Omschrijving", False),
        (360, "Bedrag excl. btw", True),
        (410, "Btw", True),
        (470, "Btw-bedrag", True),
        (555, "Bedrag incl. btw", True),
    ]
    rows = [
        ["Snoeien van hagen", "480,00", "21%", "100,80", "580,80"],
        ["Afvoer groenafval", "95,00", "9%", "8,55", "103,55"],
    ]
    y = s.table(120, header, rows)
    s.put(380, y + 20, "Totaal excl. btw")
    s.put(555, y + 20, "575,00", right=True)
    result = extract_page(s.page())
    assert items(result) == [
        ("Snoeien van hagen", None, None, d("480.00")),
        ("Afvoer groenafval", None, None, d("95.00")),
    ]


def test_utility_charge_lines_with_date_ranges_in_the_description() -> None:
    s = Sheet(font_size=9.0)
    s.put(40, 40, "Stadtwerke Nordheim GmbH", size=14)
    s.put(40, 70, "Rechnungsnummer: 5500123987")
    s.put(40, 84, "Rechnungsdatum: 08.04.2024")
    s.put(40, 120, "Leistung")
    s.put(555, 120, "Betrag", right=True)
    charges = [
        ("Grundgebühr Strom 01.03.–31.03.", "12,50"),
        ("Arbeitspreis 01.03.–31.03. 245 kWh", "78,40"),
        ("Messstellenbetrieb", "2,10"),
    ]
    for n, (text, amount) in enumerate(charges):
        s.put(40, 136 + 16 * n, text)
        s.put(555, 136 + 16 * n, amount, right=True)
    s.put(380, 200, "Nettobetrag")
    s.put(555, 200, "93,00", right=True)
    s.put(380, 214, "USt. 19 %")
    s.put(555, 214, "17,67", right=True)
    s.put(380, 228, "Gesamtbetrag")
    s.put(555, 228, "110,67", right=True)
    result = extract_page(s.page())
    assert items(result) == [
        ("Grundgebühr Strom 01.03.–31.03.", None, None, d("12.50")),
        ("Arbeitspreis 01.03.–31.03. 245 kWh", None, None, d("78.40")),
        ("Messstellenbetrieb", None, None, d("2.10")),
    ]
    assert values(result)["issue_date"] == "2024-04-08"


def test_headerless_telecom_charges_with_a_date_range_before_the_amount() -> None:
    s = Sheet(font_size=9.0)
    s.put(40, 40, "Movilnet Telecom S.A.", size=14)
    s.put(40, 70, "Factura nº: MT-7781220")
    s.put(40, 84, "Fecha de factura: 03/04/2024")
    charges = [
        ("Cuota mensual tarifa Plus", "", "29,99"),
        ("Consumo datos adicionales", "01/03-31/03", "12,40"),
        ("Llamadas internacionales", "01/03-31/03", "3,15"),
    ]
    for n, (text, period, amount) in enumerate(charges):
        s.put(40, 130 + 16 * n, text)
        if period:
            s.put(300, 130 + 16 * n, period)
        s.put(555, 130 + 16 * n, amount, right=True)
    s.put(380, 190, "Base imponible")
    s.put(555, 190, "45,54", right=True)
    s.put(380, 204, "IVA 21 %")
    s.put(555, 204, "9,56", right=True)
    s.put(380, 218, "Total factura")
    s.put(555, 218, "55,10", right=True)
    result = extract_page(s.page())
    assert [(i[0].split()[0], i[3]) for i in items(result)] == [
        ("Cuota", d("29.99")),
        ("Consumo", d("12.40")),
        ("Llamadas", d("3.15")),
    ]


def test_shipping_line_named_transport_stays_an_item() -> None:
    s = Sheet(font_size=9.0)
    s.put(40, 40, "Meubelfabriek Oosterhout B.V.", size=14)
    s.put(40, 70, "Factuurnummer: 24-1180")
    s.put(40, 84, "Factuurdatum: 11-03-2024")
    header = [
        (40, "Omschrijving", False),
        (330, "Aantal", True),
        (420, "Prijs", True),
        (555, "Bedrag", True),
    ]
    rows = [
        ["Eikenhouten tafel 200x90", "1", "1.250,00", "1.250,00"],
        ["Transport", "1", "75,00", "75,00"],
        ["Stoel Oslo grijs", "4", "149,00", "596,00"],
    ]
    y = s.table(120, header, rows)
    s.put(380, y + 20, "Subtotaal")
    s.put(555, y + 20, "1.921,00", right=True)
    result = extract_page(s.page())
    assert items(result) == [
        ("Eikenhouten tafel 200x90", d("1"), d("1250.00"), d("1250.00")),
        ("Transport", d("1"), d("75.00"), d("75.00")),
        ("Stoel Oslo grijs", d("4"), d("149.00"), d("596.00")),
    ]


def test_shipping_charge_without_quantity_in_the_items_table() -> None:
    s = Sheet(font_size=9.0)
    s.put(40, 40, "Trailhead Outfitters Inc.", size=14)
    s.put(40, 70, "Invoice #: 30291")
    s.put(40, 84, "Date: 03/14/2024")
    header = [
        (40, "#", False),
        (60, "SKU", False),
        (120, "Description", False),
        (330, "Qty", True),
        (420, "Price", True),
        (555, "Amount", True),
    ]
    rows = [
        ["1", "44100", "Trail backpack 40 l", "2", "$89.00", "$178.00"],
        ["2", "10225", "Water bottle 1 l", "1", "$24.50", "$24.50"],
        ["", "", "Shipping & handling", "", "", "$12.00"],
    ]
    y = s.table(120, header, rows)
    s.put(380, y + 20, "Subtotal")
    s.put(555, y + 20, "$214.50", right=True)
    result = extract_page(s.page())
    got = items(result)
    assert len(got) == 3
    assert [i[3] for i in got] == [d("178.00"), d("24.50"), d("12.00")]
    assert got[0][:3] == ("Trail backpack 40 l", d("2"), d("89.00"))
    assert got[2][:3] == ("Shipping & handling", None, None)


def test_numbers_centred_beside_a_two_line_description_group_with_it() -> None:
    """HTML-made PDFs centre the cells of a row vertically: a two-line description has its numbers half
    a line lower than its first line, on no text line of their own."""
    s = Sheet(font_size=9.0)
    s.put(40, 40, "Bluefin Web Studio Ltd", size=14)
    s.put(40, 70, "Invoice No: BW-2291")
    s.put(40, 84, "Invoice Date: 02/05/2024")
    for x, label, right in ((40, "Description", False), (380, "Hours", True), (460, "Rate", True),
                            (555, "Amount", True)):  # fmt: skip
        s.put(x, 120, label, right=right)
    rows = [
        (("Landing page design, two rounds", "of revisions included"), "12", "85.00", "1,020.00"),
        (("Hosting setup",), "2", "85.00", "170.00"),
        (("Content migration from the old", "site, 40 pages"), "6", "60.00", "360.00"),
    ]
    y = 140.0
    for lines, hours, rate, amount in rows:
        for n, text in enumerate(lines):
            s.put(40, y + 11 * n, text)
        middle = y + 11 * (len(lines) - 1) / 2
        s.put(380, middle, hours, right=True)
        s.put(460, middle, rate, right=True)
        s.put(555, middle, amount, right=True)
        y += 11 * len(lines) + 8
    s.put(380, y + 10, "Subtotal")
    s.put(555, y + 10, "1,550.00", right=True)
    result = extract_page(s.page())
    assert items(result) == [
        ("Landing page design, two rounds of revisions included", d("12"), d("85.00"), d("1020.00")),
        ("Hosting setup", d("2"), d("85.00"), d("170.00")),
        ("Content migration from the old site, 40 pages", d("6"), d("60.00"), d("360.00")),
    ]


def test_item_column_of_codes_beside_a_description_column() -> None:
    s = Sheet(font_size=9.0)
    s.put(40, 40, "Pacific Tool Supply Co.", size=14)
    s.put(40, 70, "Invoice #: 55120")
    s.put(40, 84, "Date: 04/22/2024")
    header = [
        (40, "Item", False),
        (130, "Description", False),
        (380, "Qty", True),
        (460, "Unit Price", True),
        (555, "Line Total", True),
    ]
    rows = [
        ["DW-20V-MAX-KIT", "Cordless drill kit 20V", "1", "$199.00", "$199.00"],
        ["BT-1124", "Drill bit set, titanium", "3", "$24.99", "$74.97"],
    ]
    y = s.table(120, header, rows)
    s.put(380, y + 20, "Subtotal")
    s.put(555, y + 20, "$273.97", right=True)
    assert items(extract_page(s.page())) == [
        ("Cordless drill kit 20V", d("1"), d("199.00"), d("199.00")),
        ("Drill bit set, titanium", d("3"), d("24.99"), d("74.97")),
    ]


def _dated(issue_line: str, terms: str) -> dict[str, str]:
    s = Sheet(font_size=9.0)
    s.put(40, 40, "Example Trading Ltd", size=14)
    s.put(40, 70, "Invoice No: 2024-118")
    s.put(40, 84, issue_line)
    s.put(40, 300, terms)
    return values(extract_page(s.page()))


def test_payment_terms_give_the_due_date_as_issue_date_plus_days() -> None:
    assert _dated("Invoice Date: 2024-03-01", "Terms: Net 30")["due_date"] == "2024-03-31"
    fields = _dated("Rechnungsdatum: 15.02.2024", "Zahlbar innerhalb von 14 Tagen ohne Abzug.")
    assert fields["due_date"] == "2024-02-29"
    fields = _dated("Date de facture : 10/01/2024", "Conditions de paiement : à 30 jours")
    assert fields["due_date"] == "2024-02-09"
    fields = _dated("Fecha de factura: 05/06/2024", "Forma de pago: transferencia a 30 días")
    assert fields["due_date"] == "2024-07-05"
    fields = _dated("Rechnungsdatum: 01.04.2024", "Zahlbar innerhalb 10 Tagen mit 2 % Skonto, 30 Tage netto.")
    assert fields["due_date"] == "2024-05-01"


def test_due_on_receipt_and_direct_debit_dates() -> None:
    # Immediate payment names no due date (as "0 days" does): the contract's due_date stays null.
    assert "due_date" not in _dated("Invoice Date: 2024-03-01", "Payment due on receipt.")
    fields = _dated(
        "Rechnungsdatum: 04.03.2024", "Der Betrag wird per SEPA-Lastschrift am 18.03.2024 eingezogen."
    )
    assert fields["due_date"] == "2024-03-18"


def test_a_quantity_of_days_without_payment_words_is_no_due_date() -> None:
    fields = _dated("Invoice Date: 2024-03-01", "Delivery within 5 days of the order.")
    assert "due_date" not in fields


def test_an_amount_after_a_net_label_is_not_a_payment_term() -> None:
    from invoiceflow.domain.extraction.context import analyse
    from invoiceflow.domain.extraction.payment_terms import payment_term_days

    for text, expected in (
        ("VAT 23 % (Net 1 462 448,67) 336 363,19", None),
        ("Net 100.00", None),
        ("USt. 8.1 % (Netto 1'995'238.83) CHF 161'614.35", None),
        ("Terms: Net 30, payable by bank transfer", "30"),
    ):
        words = [Word(t, 50 + 40 * i, 100, 50 + 40 * i + 35, 110) for i, t in enumerate(text.split())]
        ctx = analyse(PageText(1, 595, 842, TextSource.TEXT_LAYER, words))
        found = payment_term_days(ctx)
        assert (found.value if found else None) == expected, text


def _multi_line_rows(numbers_on: str, row_gap: float) -> PageExtraction:
    """Two-line descriptions; the row's numbers on the first, middle or last line of each row."""
    s = Sheet()
    s.put(40, 40, "Acme Ltd", size=14)
    s.put(40, 80, "Invoice No: A-1")
    s.put(40, 150, "Description")
    s.put(300, 150, "Qty", right=True)
    s.put(400, 150, "Unit price", right=True)
    s.put(540, 150, "Amount", right=True)
    y = 172.0
    for first, second, numbers in (
        ("Widget A", "steel, 40 mm", ("2", "10.00", "20.00")),
        ("Gadget B", "blue edition", ("3", "5.00", "15.00")),
    ):
        s.put(40, y, first)
        s.put(40, y + 12, second)
        numbers_y = {"first": y, "middle": y + 6, "last": y + 12}[numbers_on]
        for x, value in zip((300, 400, 540), numbers, strict=True):
            s.put(x, numbers_y, value, right=True)
        y += 22 + row_gap
    s.put(300, y + 20, "Subtotal")
    s.put(540, y + 20, "35.00", right=True)
    return extract_page(s.page())


def test_numbers_on_the_last_line_of_each_row_take_the_lines_above_them() -> None:
    expected = [
        ("Widget A steel, 40 mm", Decimal(2), Decimal("10.00"), Decimal("20.00")),
        ("Gadget B blue edition", Decimal(3), Decimal("5.00"), Decimal("15.00")),
    ]
    assert items(_multi_line_rows("last", row_gap=8)) == expected
    assert items(_multi_line_rows("first", row_gap=8)) == expected


def test_padded_rows_with_numbers_below_the_first_line_do_not_end_the_table() -> None:
    expected = [
        ("Widget A steel, 40 mm", Decimal(2), Decimal("10.00"), Decimal("20.00")),
        ("Gadget B blue edition", Decimal(3), Decimal("5.00"), Decimal("15.00")),
    ]
    assert items(_multi_line_rows("last", row_gap=20)) == expected
    assert items(_multi_line_rows("middle", row_gap=20)) == expected
    assert items(_multi_line_rows("first", row_gap=20)) == expected
