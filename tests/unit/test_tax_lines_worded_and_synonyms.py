"""Tax lines on hand-placed pages of invented vendors: summary rows whose cells carry their own words,
gross-priced rows with the tax stated as included per rate, two rates sharing a net, discounts worded like
a tax line, a cent between two bases settled by the rows' rates, and one tax printed twice under two of
its names."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.sheets import Sheet, d, values

from invoiceflow.domain.aggregate import merge_tax_lines
from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import PageExtraction, TaxLine, TextSource

TaxKey = tuple[Decimal | None, Decimal | None, Decimal | None]


def _head(s: Sheet) -> None:
    s.put(40, 40, "Gastwerk Lindenhof KG", size=16)
    s.put(40, 70, "Am Lindenplatz 3, 6020 Innsbruck")
    s.put(350, 100, "Rechnung Nr.: 2024-0917")


def _rows(s: Sheet, rows: list[list[str]], rate_column: bool = True) -> float:
    header = [(40, "Leistung", False), (300, "Menge", True), (380, "Preis", True), (460, "Betrag", True)]
    if rate_column:
        header.append((540, "MwSt. %", True))
    else:
        rows = [r[:4] for r in rows]
    return s.table(200, header, rows)


def _lines(result: PageExtraction) -> list[TaxKey]:
    return sorted(((t.rate, t.base, t.amount) for t in result.tax_lines), key=str)


def _totals(result: PageExtraction) -> tuple[str | None, str | None, str | None]:
    found = values(result)
    return found.get("totals.net"), found.get("totals.tax"), found.get("totals.gross")


def test_summary_rows_with_words_in_their_cells_give_tax_lines_and_totals() -> None:
    # A gross-price folio: the summary rows print "BTW 9 %  Netto …  BTW …  Bruto …", no net total.
    s = Sheet()
    _head(s)
    y = _rows(
        s, [["Overnachting", "2", "109,00", "218,00", "9 %"], ["Minibar", "1", "60,50", "60,50", "21 %"]]
    )
    s.put(300, y + 10, "Totaal")
    s.put(545, y + 10, "278,50", right=True)
    for n, (rate, net, tax, gross) in enumerate(
        [("9 %", "200,00", "18,00", "218,00"), ("21 %", "50,00", "10,50", "60,50")]
    ):
        row = y + 40 + 16 * n
        s.put(40, row, f"BTW {rate}")
        s.put(130, row, f"Netto {net}")
        s.put(260, row, f"BTW {tax}")
        s.put(390, row, f"Bruto {gross}")
    result = extract_page(s.page())
    assert _lines(result) == sorted(
        [(d("9"), d("200.00"), d("18.00")), (d("21"), d("50.00"), d("10.50"))], key=str
    )
    assert _totals(result) == ("250.00", "28.50", "278.50")


def test_gross_rows_with_included_tax_per_rate_give_each_rate_its_base() -> None:
    s = Sheet()
    _head(s)
    y = _rows(
        s,
        [
            ["Frühstück", "1", "570,03", "570,03", "7 %"],
            ["Parkplatz", "1", "595,04", "595,04", "19 %"],
            ["Halbpension", "1", "500,00", "500,00", "7 %"],
        ],
    )
    # Several splits of the net give both taxes to the cent: the rows' rates tell which one is printed.
    for n, (label, value) in enumerate(
        [("Gesamtbetrag", "1.665,07"), ("inkl. 7 % MwSt.", "70,00"), ("inkl. 19 % MwSt.", "95,01")]
    ):
        s.put(300, y + 10 + 16 * n, label)
        s.put(545, y + 10 + 16 * n, value, right=True)
    result = extract_page(s.page())
    assert _lines(result) == sorted(
        [(d("7"), d("1000.03"), d("70.00")), (d("19"), d("500.03"), d("95.01"))], key=str
    )


def test_a_second_rate_keeps_the_first_from_taking_the_whole_net() -> None:
    # 21 % of the whole net is within a relative tolerance of the first tax: it is still not its base.
    s = Sheet()
    _head(s)
    y = _rows(
        s,
        [["Beratung", "40", "912,00", "36.480,00", ""], ["Fachbuch", "1", "52,00", "52,00", ""]],
        rate_column=False,
    )
    for n, (label, value) in enumerate(
        [
            ("Nettobetrag", "36.532,00"),
            ("MwSt. 21 %", "7.660,80"),
            ("MwSt. 9 %", "4,68"),
            ("Gesamt", "44.197,48"),
        ]
    ):
        s.put(300, y + 10 + 16 * n, label)
        s.put(545, y + 10 + 16 * n, value, right=True)
    result = extract_page(s.page())
    standard = [t for t in result.tax_lines if t.rate == 21]
    assert len(standard) == 1
    assert standard[0].base != d("36532.00")


def test_a_discount_worded_like_a_tax_line_is_no_tax_line() -> None:
    s = Sheet()
    _head(s)
    y = _rows(s, [["Seminarraum", "2", "450,00", "900,00", ""]], rate_column=False)
    for n, (label, value) in enumerate(
        [
            ("Positionen", "900,00"),
            ("Nachlass 10 % auf 900,00", "90,00"),
            ("Nettobetrag", "810,00"),
            ("MwSt. 19 %", "153,90"),
            ("Gesamtbetrag", "963,90"),
        ]
    ):
        s.put(260, y + 10 + 16 * n, label)
        s.put(545, y + 10 + 16 * n, value, right=True)
    result = extract_page(s.page())
    assert _lines(result) == [(d("19"), d("810.00"), d("153.90"))]


def test_rows_that_print_their_rate_settle_a_cent_between_two_bases() -> None:
    # 100.05 × 20 % and 50.20 × 5 % are exact and give the same taxes; the rows say 100.04 and 50.21.
    s = Sheet()
    _head(s)
    y = _rows(
        s,
        [
            ["Wartung", "2", "30,01", "60,02", "20 %"],
            ["Handbuch", "1", "30,10", "30,10", "5 %"],
            ["Anfahrt", "2", "20,01", "40,02", "20 %"],
            ["Kurzanleitung", "1", "20,11", "20,11", "5 %"],
        ],
    )
    for n, (label, value) in enumerate(
        [("Nettobetrag", "150,25"), ("MwSt. 20 %", "20,01"), ("MwSt. 5 %", "2,51"), ("Gesamt", "172,77")]
    ):
        s.put(300, y + 10 + 16 * n, label)
        s.put(545, y + 10 + 16 * n, value, right=True)
    result = extract_page(s.page())
    assert _lines(result) == sorted(
        [(d("20"), d("100.04"), d("20.01")), (d("5"), d("50.21"), d("2.51"))], key=str
    )


def test_one_tax_printed_under_two_of_its_names_is_one_tax_line() -> None:
    s = Sheet()
    _head(s)
    y = _rows(s, [["Reparatur", "3", "150,00", "450,00", ""]], rate_column=False)
    for n, (label, value) in enumerate(
        [("Nettobetrag", "450,00"), ("MwSt. 19 %", "85,50"), ("Gesamt", "535,50")]
    ):
        s.put(300, y + 10 + 16 * n, label)
        s.put(545, y + 10 + 16 * n, value, right=True)
    s.put(40, y + 80, "USt. 19 %")
    s.put(200, y + 80, "450,00", right=True)
    s.put(280, y + 80, "85,50", right=True)
    result = extract_page(s.page())
    assert _lines(result) == [(d("19"), d("450.00"), d("85.50"))]


def test_central_and_state_tax_of_one_rate_stay_two_tax_lines() -> None:
    s = Sheet()
    _head(s)
    y = _rows(s, [["Annual maintenance", "1", "10,000.00", "10,000.00", ""]], rate_column=False)
    for n, (label, value) in enumerate(
        [("Taxable value", "10,000.00"), ("CGST 9%", "900.00"), ("SGST 9%", "900.00"), ("Total", "11,800.00")]
    ):
        s.put(300, y + 10 + 16 * n, label)
        s.put(545, y + 10 + 16 * n, value, right=True)
    result = extract_page(s.page())
    assert _lines(result) == [(d("9"), d("10000.00"), d("900.00"))] * 2


def test_a_column_headed_taxable_alone_is_the_rows_net_amount() -> None:
    # No unit price: the rows' arithmetic (taxable × rate = tax, taxable + taxes = total) and the net
    # total tell the net column, once "Taxable" is known as a heading of net amounts.
    s = Sheet()
    s.put(40, 40, "Kaveri Tools Pvt Ltd", size=16)
    s.put(350, 100, "Invoice No.: KT/24-25/118")
    header = [
        (40, "Item", False),
        (220, "Qty", True),
        (290, "Taxable", True),
        (340, "CGST %", True),
        (390, "CGST", True),
        (440, "SGST %", True),
        (490, "SGST", True),
        (560, "Total", True),
    ]
    rows = [
        ["Drill chuck", "4", "2,000.00", "9%", "180.00", "9%", "180.00", "2,360.00"],
        ["Bench vice", "1", "3,500.00", "9%", "315.00", "9%", "315.00", "4,130.00"],
    ]
    y = s.table(200, header, rows)
    for n, (label, value) in enumerate(
        [
            ("Taxable Amount", "5,500.00"),
            ("CGST 9%", "495.00"),
            ("SGST 9%", "495.00"),
            ("Grand Total", "6,490.00"),
        ]
    ):
        s.put(300, y + 10 + 16 * n, label)
        s.put(560, y + 10 + 16 * n, value, right=True)
    result = extract_page(s.page())
    assert [(i.description, i.quantity, i.amount) for i in result.line_items] == [
        ("Drill chuck", d("4"), d("2000.00")),
        ("Bench vice", d("1"), d("3500.00")),
    ]


def _delivery_sheet(title_second: str) -> Sheet:
    """Two delivery notes, each with its rows and its own net and tax, then the invoice's totals."""
    s = Sheet()
    _head(s)
    s.table(
        200,
        [(40, "Bezeichnung", False), (300, "Menge", True), (380, "Preis", True), (460, "Betrag", True)],
        [],
    )
    lines: list[list[tuple[float, str]]] = [
        [(40, "Lieferschein 8812 vom 04.03.2024")],
        [(40, "Kabelbinder 200 mm"), (300, "500"), (380, "0,04"), (460, "20,00")],
        [(250, "Netto"), (460, "20,00")],
        [(250, "MwSt. 19 %"), (460, "3,80")],
        [],
        [(40, title_second)],
        [(40, "Schrumpfschlauch 6 mm"), (300, "50"), (380, "0,20"), (460, "10,00")],
        [(40, "Aderendhülsen 1,5 mm²"), (300, "1"), (380, "5,00"), (460, "5,00")],
        [(250, "Netto"), (460, "15,00")],
        [(250, "MwSt. 19 %"), (460, "2,85")],
        [],
        [(250, "Summe netto"), (460, "35,00")],
        [(250, "Summe MwSt. 19 %"), (460, "6,65")],
        [(250, "Gesamtbetrag"), (460, "41,65")],
    ]
    for n, cells in enumerate(lines):
        for x, text in cells:
            s.put(x, 216 + 16 * n, text, right=x >= 300)
    return s


def test_a_tax_printed_per_delivery_note_and_for_the_invoice_is_one_tax_line() -> None:
    result = extract_page(_delivery_sheet("Lieferschein 8840 vom 06.03.2024").page())
    assert _lines(result) == [(d("19"), d("35.00"), d("6.65"))]
    assert _totals(result) == ("35.00", "6.65", "41.65")


def test_rows_go_on_after_a_delivery_notes_own_net_and_tax() -> None:
    result = extract_page(_delivery_sheet("Lieferschein 8840 vom 06.03.2024").page())
    assert [(i.description, i.amount) for i in result.line_items] == [
        ("Kabelbinder 200 mm", d("20.00")),
        ("Schrumpfschlauch 6 mm", d("10.00")),
        ("Aderendhülsen 1,5 mm²", d("5.00")),
    ]


def test_a_group_title_after_a_subtotal_is_no_part_of_the_next_row() -> None:
    s = Sheet()
    _head(s)
    s.table(
        200, [(40, "Leistung", False), (300, "Menge", True), (380, "Preis", True), (460, "Betrag", True)], []
    )
    lines: list[list[tuple[float, str]]] = [
        [(40, "Material")],
        [(40, "Rohrschelle 22 mm"), (300, "12"), (380, "1,50"), (460, "18,00")],
        [(40, "Kugelhahn DN 15"), (300, "2"), (380, "9,00"), (460, "18,00")],
        [(250, "Zwischensumme Material"), (460, "36,00")],
        [(40, "Arbeitszeit")],
        [(40, "Monteur"), (300, "3"), (380, "58,00"), (460, "174,00")],
        [(250, "Zwischensumme Arbeitszeit"), (460, "174,00")],
        [],
        [(250, "Nettobetrag"), (460, "210,00")],
        [(250, "MwSt. 19 %"), (460, "39,90")],
        [(250, "Gesamtbetrag"), (460, "249,90")],
    ]
    for n, cells in enumerate(lines):
        for x, text in cells:
            s.put(x, 216 + 16 * n, text, right=x >= 300)
    result = extract_page(s.page())
    assert [i.description for i in result.line_items] == ["Rohrschelle 22 mm", "Kugelhahn DN 15", "Monteur"]


def test_a_service_charge_worded_like_a_tax_line_is_part_of_the_net() -> None:
    # The charge prints a percentage, its base and its amount, right under the rows: no tax, no row;
    # the tax line's base (the rows plus the charge) is the net.
    s = Sheet()
    _head(s)
    y = _rows(
        s,
        [["Halbpension", "4", "86,00", "344,00", ""], ["Weinbegleitung", "2", "38,00", "76,00", ""]],
        rate_column=False,
    )
    for n, (label, value) in enumerate(
        [
            ("Nettobetrag", "420,00"),
            ("Servicezuschlag 10 % auf 420,00", "42,00"),
            ("MwSt. 7 % auf 462,00", "32,34"),
            ("Gesamtbetrag", "494,34"),
        ]
    ):
        s.put(260, y + 10 + 16 * n, label)
        s.put(545, y + 10 + 16 * n, value, right=True)
    result = extract_page(s.page())
    assert _lines(result) == [(d("7"), d("462.00"), d("32.34"))]
    assert _totals(result) == ("462.00", "32.34", "494.34")
    assert [i.description for i in result.line_items] == ["Halbpension", "Weinbegleitung"]


def test_a_tax_restated_in_another_currency_is_no_second_tax_line() -> None:
    s = Sheet()
    s.put(40, 40, "Fjordline Consulting AS", size=16)
    s.put(350, 100, "Invoice No.: FC-3310")
    y = s.table(
        200,
        [(40, "Description", False), (300, "Qty", True), (380, "Price", True), (460, "Amount", True)],
        [["Workshop day", "3", "700.00", "2,100.00"]],
    )
    for n, (label, value) in enumerate(
        [("Net amount", "2,100.00 CHF"), ("VAT 8.1%", "170.10 CHF"), ("Total", "2,270.10 CHF")]
    ):
        s.put(300, y + 10 + 16 * n, label)
        s.put(545, y + 10 + 16 * n, value, right=True)
    s.put(40, y + 80, "VAT 8.1% in EUR: 181.31 EUR (exchange rate 1 CHF = 1.0659 EUR)")
    result = extract_page(s.page())
    assert _lines(result) == [(d("8.1"), d("2100.00"), d("170.10"))]


def test_a_breakdown_printed_as_stacked_fields_gives_one_tax_line_per_rate() -> None:
    # An e-invoice viewer's layout: the totals and each rate's breakdown as labelled fields, one a line.
    s = Sheet()
    _head(s)
    y = _rows(
        s,
        [["Ordner A4", "30", "2,40", "72,00", "19 %"], ["Tee 250 g", "4", "6,50", "26,00", "7 %"]],
    )
    fields = [
        ("Gesamtbetrag ohne Umsatzsteuer", "98,00"),
        ("Summe Umsatzsteuer", "15,50"),
        ("Gesamtbetrag mit Umsatzsteuer", "113,50"),
        ("", ""),
        ("Umsatzsteuerkategorie: S", ""),
        ("Kategoriebetrag:", "72,00"),
        ("Umsatzsteuersatz:", "19,00 %"),
        ("Umsatzsteuerbetrag:", "13,68"),
        ("Umsatzsteuerkategorie: S", ""),
        ("Kategoriebetrag:", "26,00"),
        ("Umsatzsteuersatz:", "7,00 %"),
        ("Umsatzsteuerbetrag:", "1,82"),
    ]
    for n, (label, value) in enumerate(fields):
        if label:
            s.put(40, y + 20 + 14 * n, label)
        if value:
            s.put(330, y + 20 + 14 * n, value, right=True)
    result = extract_page(s.page())
    assert _lines(result) == sorted(
        [(d("19"), d("72.00"), d("13.68")), (d("7"), d("26.00"), d("1.82"))], key=str
    )
    assert _totals(result) == ("98.00", "15.50", "113.50")


def test_a_taxable_and_an_untaxed_part_make_the_net_and_a_zero_rate_line() -> None:
    s = Sheet()
    _head(s)
    y = _rows(
        s,
        [["Wartungsvertrag", "1", "840,00", "840,00", ""], ["Versicherung Gerät", "1", "60,00", "60,00", ""]],
        rate_column=False,
    )
    for n, (label, value) in enumerate(
        [
            ("Steuerpflichtiger Betrag 19 %", "840,00"),
            ("Steuerfreier Betrag", "60,00"),
            ("MwSt. 19 %", "159,60"),
            ("Rechnungsbetrag", "1.059,60"),
        ]
    ):
        s.put(280, y + 10 + 16 * n, label)
        s.put(545, y + 10 + 16 * n, value, right=True)
    result = extract_page(s.page())
    assert [i.description for i in result.line_items] == ["Wartungsvertrag", "Versicherung Gerät"]
    assert _totals(result) == ("900.00", "159.60", "1059.60")
    assert _lines(result) == sorted(
        [(d("19"), d("840.00"), d("159.60")), (d("0"), d("60.00"), d("0.00"))], key=str
    )


def test_a_tax_read_without_its_base_on_one_page_and_with_it_on_the_next_is_one_line() -> None:
    page_one = PageExtraction(
        page_number=1,
        text_source=TextSource.TEXT_LAYER,
        tax_lines=[TaxLine(rate=d("7"), amount=d("3.50")), TaxLine(rate=d("19"), amount=d("19.00"))],
    )
    page_two = PageExtraction(
        page_number=2,
        text_source=TextSource.TEXT_LAYER,
        tax_lines=[
            TaxLine(rate=d("7"), base=d("50.00"), amount=d("3.50")),
            TaxLine(rate=d("19"), base=d("100.00"), amount=d("19.00")),
        ],
    )
    assert [(t.rate, t.base, t.amount) for t in merge_tax_lines([page_one, page_two])] == [
        (d("7"), d("50.00"), d("3.50")),
        (d("19"), d("100.00"), d("19.00")),
    ]


def test_equal_taxes_of_one_page_stay_apart_and_other_amounts_are_kept() -> None:
    # CGST and SGST on one page are two taxes; a later page's line of another amount is a tax of its own.
    page_one = PageExtraction(
        page_number=1,
        text_source=TextSource.TEXT_LAYER,
        tax_lines=[TaxLine(rate=d("9"), amount=d("90.00")), TaxLine(rate=d("9"), amount=d("90.00"))],
    )
    page_two = PageExtraction(
        page_number=2,
        text_source=TextSource.TEXT_LAYER,
        tax_lines=[TaxLine(rate=d("9"), base=d("100.00"), amount=d("9.00"))],
    )
    assert len(merge_tax_lines([page_one, page_two])) == 3


def test_a_rate_listed_with_nothing_taxed_at_it_is_no_tax_line() -> None:
    s = Sheet()
    _head(s)
    y = _rows(s, [["Hosting März", "1", "43,00", "43,00", ""]], rate_column=False)
    for n, (label, value) in enumerate(
        [("Nettobetrag", "43,00"), ("MwSt. 19 %", "8,17"), ("MwSt. 7 %", "0,00"), ("Gesamt", "51,17")]
    ):
        s.put(300, y + 10 + 16 * n, label)
        s.put(545, y + 10 + 16 * n, value, right=True)
    result = extract_page(s.page())
    assert _lines(result) == [(d("19"), d("43.00"), d("8.17"))]


def test_a_tax_printed_per_page_and_for_the_invoice_keeps_the_invoices_line() -> None:
    page_one = PageExtraction(
        page_number=1,
        text_source=TextSource.TEXT_LAYER,
        tax_lines=[TaxLine(rate=d("21"), base=d("300.00"), amount=d("63.00"))],
    )
    page_two = PageExtraction(
        page_number=2,
        text_source=TextSource.TEXT_LAYER,
        tax_lines=[TaxLine(rate=d("21"), base=d("500.00"), amount=d("105.00"))],
    )
    assert [(t.base, t.amount) for t in merge_tax_lines([page_one, page_two], d("105.00"))] == [
        (d("500.00"), d("105.00"))
    ]
    # Without a tax total to check them against, or when they add up to it, both pages' lines stay.
    assert len(merge_tax_lines([page_one, page_two])) == 2
    assert len(merge_tax_lines([page_one, page_two], d("168.00"))) == 2


def test_goods_and_freight_taxed_at_one_rate_make_one_tax_line() -> None:
    s = Sheet()
    _head(s)
    y = _rows(s, [["Regalsystem", "2", "400,00", "800,00", ""]], rate_column=False)
    for n, (label, value) in enumerate(
        [
            ("Nettobetrag", "800,00"),
            ("Versandkosten", "40,00"),
            ("MwSt. 19 % Waren auf 800,00", "152,00"),
            ("MwSt. 19 % Fracht auf 40,00", "7,60"),
            ("Gesamtbetrag", "999,60"),
        ]
    ):
        s.put(260, y + 10 + 16 * n, label)
        s.put(545, y + 10 + 16 * n, value, right=True)
    result = extract_page(s.page())
    assert _lines(result) == [(d("19"), d("840.00"), d("159.60"))]
    assert _totals(result) == ("840.00", "159.60", "999.60")
