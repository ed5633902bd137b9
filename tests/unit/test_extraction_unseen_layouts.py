"""extract_page on hand-placed layouts of invented vendors that the corpus layouts do not show: headers
wrapped onto two lines or grouped under a spanning title, columns the reader has no label for (billing
period, service date), codes printed under the description, list price beside net price, prices incl.
tax beside the net ones, hours × rate written into a letter's text, figures centred in tall rows, labels
left-aligned over right-aligned figures in wide columns; due dates from terms in grid cells and prose;
the sender's letterhead beside an addressee block."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.sheets import Row, Sheet, d, items, values

from invoiceflow.domain.extraction import extract_page


def totals(s: Sheet, x: float, right: float, y: float, rows: list[tuple[str, str]]) -> None:
    for n, (label, value) in enumerate(rows):
        s.put(x, y + 14 * n, label)
        s.put(right, y + 14 * n, value, right=True)


def test_header_wrapped_onto_two_lines_names_price_discount_and_net_amount_columns() -> None:
    s = Sheet(font_size=8.0)
    s.put(40, 40, "Brightline Componenten B.V.", size=14)
    s.put(40, 64, "Factuurnummer: BL-2024-0413")
    s.put(40, 76, "Factuurdatum: 14-05-2024")
    cells = [(40, False), (90, False), (300, True), (360, True), (410, True), (470, True), (550, True)]
    upper = ["Art.", "Omschrijving", "Aantal", "Prijs", "Korting", "BTW", "Bedrag"]
    lower = ["nr.", "", "", "per stuk", "%", "%", "excl. BTW"]
    for (x, right), top, bottom in zip(cells, upper, lower, strict=True):
        s.put(x, 130, top, right=right)
        if bottom:
            s.put(x, 139, bottom, right=right)
    rows = [
        ["A-1001", "Kabelgoot wit 2m", "12", "8,50", "10", "21", "91,80"],
        ["A-2210", "Wandcontactdoos dubbel", "40", "3,95", "0", "21", "158,00"],
    ]
    for n, row in enumerate(rows):
        for (x, right), cell in zip(cells, row, strict=True):
            s.put(x, 158 + 14 * n, cell, right=right)
    totals(s, 400, 550, 200, [("Subtotaal", "249,80"), ("BTW 21%", "52,46"), ("Totaal", "302,26")])
    assert items(extract_page(s.page())) == [
        ("Kabelgoot wit 2m", d("12"), d("8.50"), d("91.80")),
        ("Wandcontactdoos dubbel", d("40"), d("3.95"), d("158.00")),
    ]


def test_gst_columns_grouped_under_a_spanning_title_and_tax_summed_from_cgst_and_sgst() -> None:
    s = Sheet(font_size=6.5)
    s.put(30, 30, "Kaveri Polymers Private Limited", size=13)
    s.put(30, 50, "Tax Invoice No: KP/24-25/0192")
    s.put(360, 100, "CGST")
    s.put(435, 100, "SGST")
    cells = [(30, False), (50, False), (190, False), (245, True), (290, True), (345, True)]
    cells += [(375, True), (420, True), (450, True), (495, True), (560, True)]
    labels = ["Sl", "Description of Goods", "HSN/SAC", "Qty", "Rate", "Taxable Value"]
    labels += ["Rate", "Amount", "Rate", "Amount", "Total"]
    for (x, right), label in zip(cells, labels, strict=True):
        s.put(x, 108, label, right=right)
    rows = [
        [
            "1",
            "HDPE Granules",
            "3901",
            "500",
            "112.00",
            "56,000.00",
            "9%",
            "5,040.00",
            "9%",
            "5,040.00",
            "66,080.00",
        ],
        [
            "2",
            "PP Woven Bags",
            "6305",
            "2000",
            "7.50",
            "15,000.00",
            "6%",
            "900.00",
            "6%",
            "900.00",
            "16,800.00",
        ],
    ]
    for n, row in enumerate(rows):
        for (x, right), cell in zip(cells, row, strict=True):
            s.put(x, 124 + 12 * n, cell, right=right)
    totals(s, 380, 560, 170, [("Taxable Amount", "71,000.00"), ("CGST", "5,940.00"), ("SGST", "5,940.00")])
    s.put(380, 212, "Grand Total")
    s.put(560, 212, "82,880.00", right=True)
    result = extract_page(s.page())
    assert items(result) == [
        ("HDPE Granules", d("500"), d("112.00"), d("56000.00")),
        ("PP Woven Bags", d("2000"), d("7.50"), d("15000.00")),
    ]
    assert values(result)["totals.tax"] == "11880.00"


def test_columns_without_a_known_label_stay_out_of_the_description() -> None:
    s = Sheet(font_size=8.0)
    s.put(40, 30, "Hafenwerke Energie GmbH", size=14)
    s.put(40, 50, "Rechnungsnummer: HE-55")
    header = [
        (40, "Datum", False),
        (110, "Leistung", False),
        (300, "Abrechnungszeitraum", False),
        (470, "Menge", True),
        (520, "Preis", True),
        (570, "Betrag", True),
    ]
    rows = [
        ["03.02.2024", "Wartung Heizanlage", "01.02.2024 - 29.02.2024", "2", "45,00", "90,00"],
        ["14.02.2024", "Filterwechsel", "01.02.2024 - 29.02.2024", "1", "32,50", "32,50"],
    ]
    y = s.table(90, header, rows)
    totals(s, 400, 570, y + 14, [("Nettobetrag", "122,50"), ("Gesamtbetrag", "145,78")])
    assert items(extract_page(s.page())) == [
        ("Wartung Heizanlage", d("2"), d("45.00"), d("90.00")),
        ("Filterwechsel", d("1"), d("32.50"), d("32.50")),
    ]


def test_charge_lines_without_header_keep_a_separate_period_cell_out() -> None:
    s = Sheet(font_size=9.0)
    s.put(40, 40, "Clearwater Energy Ltd", size=15)
    s.put(330, 64, "Bill number: CE-2024-04-55821")
    charges = [
        ("Standing charge", "01/02/2024 - 29/02/2024", "13.99"),
        ("Electricity used", "01.02.2024 – 29.02.2024", "128.54"),
        ("PSO levy", "2024-02-01 to 2024-02-29", "3.23"),
    ]
    for n, (text, period, amount) in enumerate(charges):
        s.put(40, 180 + 14 * n, text)
        s.put(250, 180 + 14 * n, period)
        s.put(555, 180 + 14 * n, amount, right=True)
    totals(s, 380, 555, 240, [("Total before VAT", "145.76"), ("Amount due", "158.88")])
    assert items(extract_page(s.page())) == [
        ("Standing charge", None, None, d("13.99")),
        ("Electricity used", None, None, d("128.54")),
        ("PSO levy", None, None, d("3.23")),
    ]


def test_article_code_printed_under_the_description_is_not_part_of_it() -> None:
    s = Sheet(font_size=8.0)
    s.put(40, 30, "Lumen Home Goods GmbH", size=14)
    s.put(40, 50, "Invoice number: LHG-448812")
    header = [(40, "Item", False), (380, "Qty", True), (460, "Unit price", True), (550, "Amount", True)]
    for x, label, right in header:
        s.put(x, 90, label, right=right)
    rows = [
        ("Ceramic mug set", "SKU: LHG-MUG-04", "2", "16.80", "33.60"),
        ("Bamboo board", "SKU: LHG-CB-11", "1", "21.00", "21.00"),
    ]
    for n, (text, code, qty, price, amount) in enumerate(rows):
        y = 106 + 26 * n
        s.put(40, y, text)
        s.put(40, y + 10, code, size=7)
        for (x, _, _), cell in zip(header[1:], (qty, price, amount), strict=True):
            s.put(x, y, cell, right=True)
    totals(s, 400, 550, 170, [("Subtotal", "54.60"), ("Total", "64.97")])
    assert items(extract_page(s.page())) == [
        ("Ceramic mug set", d("2"), d("16.80"), d("33.60")),
        ("Bamboo board", d("1"), d("21.00"), d("21.00")),
    ]


def test_list_price_is_the_unit_price_when_a_net_price_column_follows_the_discount() -> None:
    s = Sheet(font_size=8.0)
    s.put(40, 30, "Ferretti Utensili S.r.l.", size=14)
    s.put(40, 50, "Fattura n. 2024/0877")
    header = [
        (40, "Descrizione", False),
        (300, "Q.tà", True),
        (370, "Prezzo listino", True),
        (420, "Sconto %", True),
        (490, "Prezzo netto", True),
        (560, "Importo", True),
    ]
    rows = [
        ["Fresa in metallo duro D10", "4", "38,50", "10", "34,65", "138,60"],
        ["Pinza regolabile 250mm", "10", "12,00", "0", "12,00", "120,00"],
    ]
    y = s.table(90, header, rows)
    totals(s, 400, 560, y + 14, [("Totale imponibile", "258,60"), ("Totale documento", "315,49")])
    assert items(extract_page(s.page())) == [
        ("Fresa in metallo duro D10", d("4"), d("38.50"), d("138.60")),
        ("Pinza regolabile 250mm", d("10"), d("12.00"), d("120.00")),
    ]


def test_prices_incl_tax_beside_net_prices_give_net_line_amounts() -> None:
    s = Sheet(font_size=7.0)
    s.put(40, 40, "Lumen Home Goods GmbH", size=14)
    s.put(300, 60, "Invoice number: DE-LHG-1")
    header = [
        (40, "Description", False),
        (250, "Qty", True),
        (330, "Unit price (excl. VAT)", True),
        (370, "VAT rate", True),
        (450, "Unit price (incl. VAT)", True),
        (555, "Subtotal (incl. VAT)", True),
    ]
    rows = [
        ["Ceramic mug set", "2", "16.80", "19%", "19.99", "39.98"],
        ["Bamboo cutting board", "1", "21.00", "19%", "24.99", "24.99"],
    ]
    y = s.table(120, header, rows)
    totals(s, 400, 555, y + 14, [("Total excl. VAT", "54.60"), ("VAT 19%", "10.37"), ("Total", "64.97")])
    assert items(extract_page(s.page())) == [
        ("Ceramic mug set", d("2"), d("16.80"), d("33.60")),
        ("Bamboo cutting board", d("1"), d("21.00"), d("21.00")),
    ]


def test_hours_and_days_at_a_rate_written_into_a_letter() -> None:
    s = Sheet(font_size=10.0)
    s.put(40, 40, "Keller Management Consulting GmbH", size=14)
    s.put(40, 190, "Rechnung Nr. 2024-031", size=12)
    s.put(40, 250, "Strategieworkshop Vertrieb (2 Tage à 1.200,00 EUR)")
    s.put(540, 250, "2.400,00 EUR", right=True)
    s.put(40, 264, "Projektbegleitung: 14,5 Stunden à 150,00 EUR")
    s.put(540, 264, "2.175,00 EUR", right=True)
    s.put(40, 278, "Reisekosten pauschal")
    s.put(540, 278, "180,00 EUR", right=True)
    totals(s, 300, 540, 300, [("Nettobetrag", "4.755,00 EUR"), ("Rechnungsbetrag", "5.658,45 EUR")])
    assert items(extract_page(s.page())) == [
        ("Strategieworkshop Vertrieb", d("2"), d("1200.00"), d("2400.00")),
        ("Projektbegleitung", d("14.5"), d("150.00"), d("2175.00")),
        ("Reisekosten pauschal", None, None, d("180.00")),
    ]


def test_figures_centred_in_rows_taller_than_one_line() -> None:
    s = Sheet(font_size=8.0)
    s.put(40, 30, "Testfirma GmbH", size=14)
    s.put(40, 50, "Rechnung Nr. 1")
    for x, label, right in [
        (44, "Beschreibung", False),
        (400, "Menge", True),
        (470, "Preis", True),
        (550, "Betrag", True),
    ]:
        s.put(x, 90, label, right=right)
    y = 106.0
    expected: list[Row] = []
    for k, lines in enumerate((3, 1, 4, 2)):
        texts = [f"Artikel {k} Zeile {i} mit Text" for i in range(lines)]
        for i, text in enumerate(texts):
            s.put(44, y + i * 9.6, text)
        middle = y + (lines - 1) * 4.8
        s.put(400, middle, "2", right=True)
        s.put(470, middle, "10,00", right=True)
        s.put(550, middle, "20,00", right=True)
        expected.append((" ".join(texts), d("2"), d("10.00"), d("20.00")))
        y += lines * 9.6 + 6
    s.put(400, y + 10, "Summe")
    s.put(550, y + 10, "80,00", right=True)
    assert items(extract_page(s.page())) == expected


def test_left_aligned_labels_over_right_aligned_figures_in_wide_columns() -> None:
    s = Sheet(font_size=8.0)
    s.put(40, 30, "Wideline Logistics Ltd", size=14)
    s.put(40, 50, "Invoice No: WL-7")
    columns = [
        (40, 300, "Description"),
        (300, 420, "Quantity"),
        (420, 560, "Unit price"),
        (560, 700, "Discount %"),
    ]
    columns += [(700, 800, "Amount")]
    for left, _, label in columns:
        s.put(left + 4, 90, label)
    rows = [
        ["Pallet storage", "12", "14.50", "5", "165.30"],
        ["Forklift hours", "3.5", "62.00", "0", "217.00"],
    ]
    for n, row in enumerate(rows):
        for (left, right, label), cell in zip(columns, row, strict=True):
            if label == "Description":
                s.put(left + 4, 106 + 14 * n, cell)
            else:
                s.put(right - 4, 106 + 14 * n, cell, right=True)
    totals(s, 600, 796, 150, [("Subtotal", "382.30"), ("Total", "458.76")])
    assert items(extract_page(s.page(landscape=True))) == [
        ("Pallet storage", d("12"), d("14.50"), d("165.30")),
        ("Forklift hours", d("3.5"), d("62.00"), d("217.00")),
    ]


def _dated(build: list[tuple[float, float, str]]) -> dict[str, str]:
    s = Sheet(font_size=9.0)
    s.put(40, 40, "Acme Trading Ltd", size=14)
    for x, y, text in build:
        s.put(x, y, text)
    s.put(40, 400, "Widget")
    s.put(500, 400, "100.00", right=True)
    s.put(300, 420, "Total")
    s.put(500, 420, "100.00", right=True)
    return values(extract_page(s.page()))


def test_payment_terms_in_a_grid_cell_under_their_label() -> None:
    assert "due_date" not in _dated(
        [(40, 100, "Invoice No."), (150, 100, "Date"), (260, 100, "Payment terms")]
    )
    labels = [(40.0, 100.0, "Invoice No."), (150.0, 100.0, "Date"), (260.0, 100.0, "Payment terms")]
    found = _dated([*labels, (40, 114, "A-1"), (150, 114, "12.03.2024"), (260, 114, "30 days")])
    assert (found["issue_date"], found["due_date"]) == ("2024-03-12", "2024-04-11")


def test_due_dates_from_wrapped_prose_and_italian_days() -> None:
    header = [(300, 100, "Invoice no. A-1"), (300, 114, "Invoice date: 12/03/2024")]
    wrapped = _dated(
        [*header, (40, 440, "Please transfer the amount to the account below within"), (40, 451, "30 days.")]
    )
    assert wrapped["due_date"] == "2024-04-11"
    italian = _dated([*header, (40, 440, "Pagamento: bonifico bancario 30 gg d.f.")])
    assert italian["due_date"] == "2024-04-11"
    german = _dated([*header, (40, 440, "Bitte begleichen Sie den Betrag bis zum 26.03.2024")])
    assert german["due_date"] == "2024-03-26"


def test_us_grid_dates_are_read_month_first_when_day_first_puts_due_before_issue() -> None:
    labels = [(40, 100, "INVOICE #"), (160, 100, "DATE"), (260, 100, "TERMS"), (360, 100, "DUE DATE")]
    cells = [(40, 114, "SR-55012"), (160, 114, "03/12/2024"), (260, 114, "Net 30"), (360, 114, "04/11/2024")]
    found = _dated(labels + cells)
    assert (found["issue_date"], found["due_date"]) == ("2024-03-12", "2024-04-11")


def test_letterhead_is_the_sender_when_an_addressee_block_has_a_legal_form_and_an_attention_line() -> None:
    s = Sheet(font_size=10.0)
    s.put(40, 40, "Dr. Miriam Keller", size=14)
    s.put(40, 58, "Management Consulting")
    s.put(40, 70, "Lindenallee 4, 50667 Köln")
    for n, text in enumerate(["Hansen & Partner AG", "Herrn Lars Hansen", "Seestrasse 8", "8002 Zürich"]):
        s.put(40, 120 + 12 * n, text)
    s.put(40, 190, "Rechnung Nr. 2024-031", size=12)
    s.put(40, 250, "Beratung")
    s.put(540, 250, "100,00", right=True)
    s.put(300, 270, "Rechnungsbetrag")
    s.put(540, 270, "100,00", right=True)
    found = values(extract_page(s.page()))
    assert (found["issuer.name"], found["recipient.name"]) == ("Dr. Miriam Keller", "Hansen & Partner AG")


def test_issuer_named_in_a_separated_footer_line_beside_a_logo_letterhead() -> None:
    s = Sheet(font_size=10.0)
    s.put(40, 40, "NORDLICHT", size=24)
    s.put(40, 66, "Beratung & Training", size=9)
    s.put(40, 100, "Rechnung an")
    for n, text in enumerate(["Falcon Informatica S.p.A.", "Via Roma 26", "20121 Milano"]):
        s.put(40, 114 + 12 * n, text)
    s.put(40, 400, "Beratung")
    s.put(500, 400, "100,00", right=True)
    s.put(300, 420, "Gesamtbetrag")
    s.put(500, 420, "100,00", right=True)
    s.put(40, 780, "Nordlicht Beratung GmbH · Hafenstraße 3 · 20457 Hamburg · USt-IdNr. DE123456789", size=7)
    found = values(extract_page(s.page()))
    assert (found["issuer.name"], found["recipient.name"]) == (
        "Nordlicht Beratung GmbH",
        "Falcon Informatica S.p.A.",
    )


def test_table_without_header_gets_its_columns_from_the_figures() -> None:
    # Position, article code, wrapped description, quantity, unit price, tax, net and gross amounts: no
    # header row names them; arithmetic does (quantity × price = net, Σ net = the net total).
    s = Sheet(font_size=8.0)
    s.put(40, 30, "Brightline Components GmbH", size=14)
    s.put(40, 50, "Rechnung Nr. BL-77")
    rows = [
        (
            "1",
            "A-1001",
            ["Kabelkanal weiß 2 m, geliefert an das Lager", "am Hauptsitz, Palette 4"],
            "12",
            "8,50",
        ),
        ("2", "A-2210", ["Steckdose doppelt"], "40", "3,95"),
        ("3", "B-0007", ["Installationsleitung 100 m, gemäß Rahmenvertrag"], "3", "42,00"),
    ]
    y = 90.0
    net = Decimal(0)
    expected: list[Row] = []
    for position, code, lines, qty, price in rows:
        amount = Decimal(qty) * Decimal(price.replace(",", "."))
        net += amount
        s.put(40, y, position)
        s.put(60, y, code)
        for k, text in enumerate(lines):
            s.put(110, y + k * 10.6, text)
        for x, cell in ((380, qty), (440, price), (490, f"{amount * Decimal('0.19'):.2f}".replace(".", ","))):
            s.put(x, y, cell, right=True)
        s.put(550, y, f"{amount:.2f}".replace(".", ","), right=True)
        expected.append((" ".join(lines), d(qty), d(price.replace(",", ".")), amount))
        y += len(lines) * 10.6 + 5
    totals(s, 400, 550, y + 14, [("Nettobetrag", f"{net:.2f}".replace(".", ",")), ("Gesamtbetrag", "999,99")])
    assert items(extract_page(s.page())) == expected


def test_unnamed_quantity_and_discount_columns_are_found_by_arithmetic() -> None:
    s = Sheet(font_size=8.0)
    s.put(40, 30, "Ferretti Utensili S.r.l.", size=14)
    s.put(40, 50, "Fattura n. 2024/0877")
    header = [(40, "Descrizione", False), (300, "Pz.", True), (370, "Prezzo", True), (420, "Sc.", True)]
    header += [(560, "Importo", True)]
    rows = [
        ["Fresa in metallo duro D10", "4", "38,50", "10", "138,60"],
        ["Pinza regolabile 250mm", "10", "12,00", "0", "120,00"],
    ]
    y = s.table(90, header, rows)
    totals(s, 400, 560, y + 14, [("Totale imponibile", "258,60"), ("Totale documento", "315,49")])
    assert items(extract_page(s.page())) == [
        ("Fresa in metallo duro D10", d("4"), d("38.50"), d("138.60")),
        ("Pinza regolabile 250mm", d("10"), d("12.00"), d("120.00")),
    ]


def test_due_date_phrases_and_an_amount_due_label_beside_them() -> None:
    header = [(300, 100, "Invoice no. A-1"), (300, 114, "Invoice date: 12/03/2024")]
    french = _dated(
        [*header, (300, 128, "Amount due"), (400, 128, "100.00"), (40, 440, "À régler avant le 11/04/2024")]
    )
    assert french["due_date"] == "2024-04-11"
    spanish = _dated([*header, (40, 440, "Vence el 26/03/2024")])
    assert spanish["due_date"] == "2024-03-26"


def test_attention_line_heading_a_recipient_block_is_not_the_name() -> None:
    s = Sheet(font_size=10.0)
    s.put(40, 40, "Nordlicht Beratung GmbH", size=14)
    s.put(40, 100, "Bill to:")
    for n, text in enumerate(
        ["Attn: Maria Rossi", "Falcon Informatica S.p.A.", "Via Roma 26", "20121 Milano"]
    ):
        s.put(40, 112 + 12 * n, text)
    s.put(40, 400, "Consulting")
    s.put(500, 400, "100.00", right=True)
    s.put(300, 420, "Total")
    s.put(500, 420, "100.00", right=True)
    assert values(extract_page(s.page()))["recipient.name"] == "Falcon Informatica S.p.A."
