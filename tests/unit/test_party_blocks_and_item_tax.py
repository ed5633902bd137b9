"""Mechanisms behind the round-3 designs of tests/unit/invented_designs.py, one by one on hand-placed
pages: buyer labels of Central and Eastern Europe, Turkey, the Baltics and Greece, a hotel's guest and a
patient's guarantor; a box heading in a language without a label in our tables; the lines that may open a
party's block before its name (a department, a contact or reference field, "FAO", an account or company
number, what the invoice is about, phone or VAT data, an address line); a customer number between the
label and the name; copy marks and mailing notes over a window block; several party labels on one page
(the billing one wins over the ordering party's and over the person served); "From" / "To" of a billing
period; delivery labels of more languages; IBANs one character per box, after account labels of more
languages, with slashes, under the customer's address, beside "your account number"; the base of a 0 %
line among other rates, the one exact split of the net between two rates, the rate a tax total implies;
tax lines read from item rows when no tax summary is printed (kept only when the totals confirm them);
Baltic and Greek totals wordings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import PageExtraction


def _header(s: Sheet) -> None:
    s.put(40, 30, "Northwind Traders Ltd", size=16)
    s.put(40, 52, "12 Harbour Road")
    s.put(40, 64, "Dublin 2")
    s.put(380, 30, "INVOICE", size=20)
    s.put(380, 64, "Invoice No. NW-1001")
    s.put(380, 76, "Date 14.03.2025")


def _items_and_totals(s: Sheet, y: float = 330) -> None:
    s.table(
        y,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Consulting services", "10", "150.00", "1,500.00"]],
    )
    for n, (label, value) in enumerate([("Net", "1,500.00"), ("VAT 20%", "300.00"), ("Total", "1,800.00")]):
        s.put(470, y + 50 + 13 * n, label, right=True)
        s.put(555, y + 50 + 13 * n, value, right=True)


def _page_with_block(label: str | None, lines: list[str], x: float = 300) -> PageExtraction:
    s = Sheet(font_size=9)
    _header(s)
    y = 150.0
    if label is not None:
        s.put(x, y, label)
        y += 14
    for n, text in enumerate(lines):
        s.put(x, y + 12 * n, text)
    _items_and_totals(s)
    return extract_page(s.page())


# --- buyer labels and box headings -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Vevő", "Duna Építő Kft."),
        ("Alıcı", "Anadolu Tekstil A.Ş."),
        ("Müşteri", "Anadolu Tekstil A.Ş."),
        ("Cumpărător", "Carpați Construct S.R.L."),
        ("Kupac", "Jadran Trgovina d.o.o."),
        ("Ostja", "Tamme Ehitus OÜ"),
        ("Pirkėjas", "Nemunas Prekyba UAB"),
        ("Pircējs", "Daugava Serviss SIA"),
        ("Πελάτης", "Aegean Foods A.E."),
        ("Laskun saaja", "Kotka Satama Oy"),
        ("Faktureras till", "Göta Bygg AB"),
        ("Klient", "Wisła Handel sp. z o.o."),
        ("Gäst", "Anna Lindqvist"),
    ],
)
def test_buyer_labels_of_more_languages_and_a_hotels_guest(label: str, name: str) -> None:
    fields = values(_page_with_block(label, [name, "Main Street 1", "1000 Town"]))
    assert fields["recipient.name"] == name
    assert fields["issuer.name"] == "Northwind Traders Ltd"


@pytest.mark.parametrize(
    ("heading", "name"), [("Kaupandi", "Reykjavik Fiskur ehf."), ("Blerësi", "Tirana Tregti Sh.p.k.")]
)
def test_a_box_heading_of_an_unknown_language_over_a_company_is_not_its_name(heading: str, name: str) -> None:
    assert (
        values(_page_with_block(None, [heading, name, "Main Street 1", "1000 Town"]))["recipient.name"]
        == name
    )


def test_a_one_word_box_heading_of_an_unknown_language_over_a_person_is_not_the_name() -> None:
    fields = values(
        _page_with_block(None, ["Kaupandi", "Anna Lindqvist", "Sveavägen 40", "111 34 Stockholm"])
    )
    assert fields["recipient.name"] == "Anna Lindqvist"


@pytest.mark.parametrize(
    "mark", ["Customer copy", "Par courriel", "Por correo", "Priority Mail", "Einschreiben"]
)
def test_a_copy_mark_or_a_mailing_note_over_a_window_block_is_not_the_name(mark: str) -> None:
    s = Sheet(font_size=9)
    _header(s)
    s.put(40, 76, "Tel. +353 1 555 0100")
    for n, text in enumerate([mark, "Anna Lindqvist", "Sveavägen 40", "111 34 Stockholm"]):
        s.put(40, 150 + 12 * n, text, size=10)
    _items_and_totals(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Anna Lindqvist"


def test_client_billing_heading_is_one_label() -> None:
    fields = values(
        _page_with_block("Client Billing", ["Maple Leaf Goods Inc.", "1 Bay Street", "Toronto ON M5J 2N8"])
    )
    assert fields["recipient.name"] == "Maple Leaf Goods Inc."


@pytest.mark.parametrize(
    ("delivery", "billing"),
    [
        ("Leveringsadresse", "Fakturaadresse"),
        ("Dodací adresa", "Odběratel"),
        ("Szállítási cím", "Vevő"),
        ("Teslimat adresi", "Fatura adresi"),
        ("Adresa de livrare", "Adresa de facturare"),
        ("Adres dostawy", "Nabywca"),
        ("Toimitusosoite", "Laskutusosoite"),
        ("Delivery", "Invoice to"),
    ],
)
def test_a_delivery_block_left_of_the_billing_block_in_more_languages(delivery: str, billing: str) -> None:
    s = Sheet(font_size=9)
    _header(s)
    s.put(40, 150, delivery)
    s.put(300, 150, billing)
    block = [
        ("Kestrel Plant 4", "Kestrel Manufacturing Oy"),
        ("2200 Mill Road", "PO Box 771"),
        ("4002 Town", "00100 Helsinki"),
    ]
    for n, (left, right) in enumerate(block):
        s.put(40, 164 + 12 * n, left)
        s.put(300, 164 + 12 * n, right)
    _items_and_totals(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Kestrel Manufacturing Oy"


# --- lines opening the customer's block before its name --------------------------------------------------


@pytest.mark.parametrize(
    "first",
    [
        "Abteilung Finanzen / Kreditoren",
        "Accounts Payable Department",
        "Service comptabilité",
        "Contact: Sarah Miles",
        "Ansprechpartner: Jan Ohlsen",
        "Your ref: PO 44871",
        "FAO Sarah Miles, Finance",
        "Account 10044871",
        "Debtor No 4471-0815",
        "Kd.-Nr. 4711",
        "Project 4471 - Relaunch",
        "PO 4500012345",
        "VAT GB 980 7806 84",
        "Tel. 0113 496 0000",
    ],
)
def test_a_department_contact_reference_or_account_line_over_the_company_is_not_the_name(first: str) -> None:
    fields = values(
        _page_with_block(
            "Bill to", [first, "Greenfield Foods Ltd", "Unit 3, Riverside Park", "Leeds LS10 1AB"]
        )
    )
    assert fields["recipient.name"] == "Greenfield Foods Ltd"


@pytest.mark.parametrize(
    "label",
    [
        "Customer: 4471 2231",
        "Kunde: Nr. 4711",
        "Client: #4471",
        "Customer: Acct 4471",
        "Bill to: 4471",
        "Bill to (Acct 4471)",
        "Customer ID: 4471",
        "Client n° 4471",
    ],
)
def test_a_customer_number_between_the_label_and_the_name_on_one_line_is_not_part_of_the_name(
    label: str,
) -> None:
    s = Sheet(font_size=9)
    _header(s)
    s.put(40, 150, f"{label} Greenfield Foods Ltd")
    s.put(40, 162, "Unit 3, Riverside Park")
    s.put(40, 174, "Leeds LS10 1AB")
    _items_and_totals(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Greenfield Foods Ltd"


def test_a_label_line_of_numbers_only_gives_the_name_from_the_line_below() -> None:
    lines = ["Greenfield Foods Ltd", "Unit 3, Riverside Park", "Leeds LS10 1AB"]
    assert values(_page_with_block("Kunde 4711 / Debitor 12", lines, x=40))["recipient.name"] == lines[0]


def test_a_reference_line_over_a_person_without_legal_form_is_skipped_too() -> None:
    fields = values(
        _page_with_block("Bill to", ["Your ref: 4471", "Anna Lindqvist", "Sveavägen 40", "111 34 Stockholm"])
    )
    assert fields["recipient.name"] == "Anna Lindqvist"


def test_a_government_department_without_a_company_under_it_stays_the_name() -> None:
    fields = values(_page_with_block("Bill to", ["Department of Health", "1 Main Street", "Dublin 2"]))
    assert fields["recipient.name"] == "Department of Health"


def test_an_issuer_block_opening_with_its_company_number() -> None:
    s = Sheet(font_size=9)
    s.put(380, 30, "INVOICE", size=20)
    s.put(380, 64, "Invoice No. BE-2211")
    s.put(40, 110, "From")
    for n, text in enumerate(
        ["Company No. 08812345", "Brennan Electrical Ltd", "4 Dock Road", "Cork T12 X8Y2"]
    ):
        s.put(40, 124 + 12 * n, text)
    s.put(300, 110, "Bill to")
    for n, text in enumerate(["Harbor Foods Ltd", "12 Quay Street", "Galway H91 X2Y3"]):
        s.put(300, 124 + 12 * n, text)
    _items_and_totals(s)
    fields = values(extract_page(s.page()))
    assert fields["issuer.name"] == "Brennan Electrical Ltd"
    assert fields["recipient.name"] == "Harbor Foods Ltd"


def test_an_issuer_block_opening_with_its_address_line() -> None:
    s = Sheet(font_size=9)
    s.put(380, 30, "INVOICE", size=20)
    s.put(380, 64, "Invoice No. FB-2025-118")
    s.put(40, 110, "Seller")
    for n, text in enumerate(
        ["Industriveien 4, 1337 Sandvika", "Fjellstad Bygg AS", "Org.nr. 912 345 678 MVA"]
    ):
        s.put(40, 124 + 12 * n, text)
    s.put(300, 110, "Buyer")
    for n, text in enumerate(["Harbor Foods Ltd", "12 Quay Street", "Galway H91 X2Y3"]):
        s.put(300, 124 + 12 * n, text)
    _items_and_totals(s)
    assert values(extract_page(s.page()))["issuer.name"] == "Fjellstad Bygg AS"


@pytest.mark.parametrize(
    "period",
    [
        ["From: 01.03.2025   To: 31.03.2025"],
        ["From 1 March 2025 to 31 March 2025"],
        ["From", "01.03.2025", "Meter 4471 reading 10231"],
    ],
)
def test_from_and_to_of_a_billing_period_are_no_party_labels(period: list[str]) -> None:
    s = Sheet(font_size=9)
    _header(s)
    s.put(40, 150, "Bill to")
    for n, text in enumerate(["Harbor Foods Ltd", "12 Quay Street", "Galway H91 X2Y3"]):
        s.put(40, 164 + 12 * n, text)
    for n, text in enumerate(period):
        s.put(300, 150 + 12 * n, text)
    _items_and_totals(s)
    fields = values(extract_page(s.page()))
    assert fields["issuer.name"] == "Northwind Traders Ltd"
    assert fields["recipient.name"] == "Harbor Foods Ltd"


# --- several party labels --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_label", "first", "second_label", "second"),
    [
        ("SOLD TO", "Kestrel Holdings Corp.", "BILL TO", "Kestrel Manufacturing Inc."),
        ("Auftraggeber", "Ingenieurbüro Kraus", "Rechnungsempfänger", "Stadtwerke Lindau GmbH"),
        ("Opdrachtgever", "Bouwbureau De Vries", "Factuuradres", "Gemeente Delft Vastgoed B.V."),
        ("Donneur d'ordre", "Cabinet Moreau", "Adresse de facturation", "Loire Habitat SAS"),
    ],
)
def test_the_billing_label_wins_over_the_ordering_partys(
    first_label: str, first: str, second_label: str, second: str
) -> None:
    s = Sheet(font_size=9)
    _header(s)
    s.put(40, 150, first_label)
    s.put(300, 150, second_label)
    for n, (left, right) in enumerate(
        [(first, second), ("Main Street 1", "Harbour Road 9"), ("1000 Town", "2000 City")]
    ):
        s.put(40, 164 + 12 * n, left)
        s.put(300, 164 + 12 * n, right)
    _items_and_totals(s)
    assert values(extract_page(s.page()))["recipient.name"] == second


@pytest.mark.parametrize(
    ("served_label", "payer_label"),
    [("Guest", "Billing address"), ("Patient", "Guarantor"), ("Patient", "Responsible party")],
)
def test_the_person_served_gives_way_to_the_party_billed(served_label: str, payer_label: str) -> None:
    s = Sheet(font_size=9)
    _header(s)
    s.put(40, 150, served_label)
    s.put(300, 150, payer_label)
    for n, (left, right) in enumerate(
        [("Tom Lindqvist", "Anna Lindqvist"), ("Main Street 1", "Harbour Road 9")]
    ):
        s.put(40, 164 + 12 * n, left)
        s.put(300, 164 + 12 * n, right)
    _items_and_totals(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Anna Lindqvist"


def test_a_billing_label_first_keeps_its_block_over_a_later_sold_to() -> None:
    s = Sheet(font_size=9)
    _header(s)
    s.put(40, 150, "BILL TO")
    s.put(300, 150, "SOLD TO")
    for n, (left, right) in enumerate(
        [("Kestrel Manufacturing Inc.", "Kestrel Holdings Corp."), ("PO Box 771", "1 Tower Plaza")]
    ):
        s.put(40, 164 + 12 * n, left)
        s.put(300, 164 + 12 * n, right)
    _items_and_totals(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Kestrel Manufacturing Inc."


# --- bank details ------------------------------------------------------------------------------------------


def _giro_page(chars: str) -> PageExtraction:
    s = Sheet(font_size=9)
    _header(s)
    s.put(40, 150, "Bill to")
    s.put(40, 164, "Harbor Foods Ltd")
    _items_and_totals(s)
    s.put(40, 620, "GIRO")
    s.put(40, 640, "Betalt til konto")
    for n, char in enumerate(chars):
        s.put(43 + 16 * n, 652, char)
    s.put(480, 652, "1 800,00")
    return extract_page(s.page())


def test_an_iban_printed_one_character_per_box_of_a_giro_form() -> None:
    assert values(_giro_page("NO9386011117947"))["issuer.iban"] == "NO9386011117947"
    assert values(_giro_page("DE89370400440532013000"))["issuer.iban"] == "DE89370400440532013000"


@pytest.mark.parametrize(
    "sentences",
    [
        ["Please quote your account number 4471 as reference. IBAN: DE89 3704 0044 0532 0130 00"],
        ["Your account manager: J. Ohlsen | Bank: Commerzbank | IBAN DE89 3704 0044 0532 0130 00"],
        [
            "Thank you for your order. Please mention the invoice number and your account",
            "number with the payment. IBAN DE89 3704 0044 0532 0130 00",
        ],
    ],
)
def test_your_account_number_in_another_sentence_does_not_make_the_iban_the_customers(
    sentences: list[str],
) -> None:
    s = Sheet(font_size=8)
    _header(s)
    _items_and_totals(s)
    for n, text in enumerate(sentences):
        s.put(40, 520 + 10 * n, text)
    assert values(extract_page(s.page()))["issuer.iban"] == "DE89370400440532013000"


def test_bank_lines_under_the_customers_block_give_the_iban_when_no_direct_debit_is_mentioned() -> None:
    lines = ["Harbor Foods Ltd", "12 Quay Street", "Galway H91 X2Y3", "IBAN DE89 3704 0044 0532 0130 00"]
    assert values(_page_with_block("Bill to", lines, x=40))["issuer.iban"] == "DE89370400440532013000"


def test_boxed_characters_failing_the_checksum_are_no_iban() -> None:
    assert "issuer.iban" not in values(_giro_page("NO9386011117948"))


# --- tax lines --------------------------------------------------------------------------------


def _tax_lines(result: PageExtraction) -> list[tuple[Decimal | None, Decimal | None, Decimal | None]]:
    return sorted((t.rate, t.base, t.amount) for t in result.tax_lines)


def _d(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


def _three_rate_items(s: Sheet) -> None:
    s.table(
        240,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [
            ["Widgets", "10", "100.00", "1,000.00"],
            ["Books", "5", "40.00", "200.00"],
            ["Export freight", "1", "300.00", "300.00"],
        ],
    )


def test_a_zero_rate_line_among_other_rates_takes_the_rest_of_the_net_as_its_base() -> None:
    s = Sheet(font_size=9)
    _header(s)
    _three_rate_items(s)
    rows = [
        ("Subtotal", "1,500.00"),
        ("VAT 19%", "190.00"),
        ("VAT 7%", "14.00"),
        ("VAT 0%", "0.00"),
        ("Total", "1,704.00"),
    ]
    for n, (label, value) in enumerate(rows):
        s.put(470, 330 + 13 * n, label, right=True)
        s.put(555, 330 + 13 * n, value, right=True)
    result = extract_page(s.page())
    assert values(result)["totals.tax"] == "204.00"
    assert _tax_lines(result) == sorted(
        [_d("0", "300.00", "0.00"), _d("7", "200.00", "14.00"), _d("19", "1000.00", "190.00")]
    )


def _per_item_tax_page(rows: list[list[str]], totals: list[tuple[str, str]]) -> PageExtraction:
    s = Sheet(font_size=9)
    _header(s)
    header = [
        (40, "Description", False),
        (300, "Qty", True),
        (360, "Price", True),
        (420, "VAT %", True),
        (480, "VAT", True),
        (555, "Net", True),
    ]
    end = s.table(240, header, rows)
    for n, (label, value) in enumerate(totals):
        s.put(470, end + 20 + 13 * n, label, right=True)
        s.put(555, end + 20 + 13 * n, value, right=True)
    return extract_page(s.page())


_ROWS = [
    ["Widgets", "10", "100.00", "19%", "190.00", "1,000.00"],
    ["Books", "5", "40.00", "7%", "14.00", "200.00"],
    ["Export freight", "1", "300.00", "0%", "0.00", "300.00"],
]


def test_tax_lines_from_item_rows_with_their_rate_and_tax_when_no_summary_is_printed() -> None:
    result = _per_item_tax_page(
        _ROWS, [("Total net", "1,500.00"), ("Total VAT", "204.00"), ("Total", "1,704.00")]
    )
    assert _tax_lines(result) == sorted(
        [_d("0", "300.00", "0.00"), _d("7", "200.00", "14.00"), _d("19", "1000.00", "190.00")]
    )


def test_tax_lines_from_item_rows_with_only_a_rate_column() -> None:
    rows = [[*row[:4], "", row[5]] for row in _ROWS]
    result = _per_item_tax_page(
        rows, [("Total net", "1,500.00"), ("Total VAT", "204.00"), ("Total", "1,704.00")]
    )
    assert _tax_lines(result) == sorted(
        [_d("0", "300.00", "0.00"), _d("7", "200.00", "14.00"), _d("19", "1000.00", "190.00")]
    )


def test_item_rows_whose_taxes_do_not_give_the_tax_total_give_no_tax_lines() -> None:
    # The rows say 204.00 of tax, the totals 250.00: one of them was misread, no line is trusted.
    result = _per_item_tax_page(
        _ROWS, [("Total net", "1,500.00"), ("Total VAT", "250.00"), ("Total", "1,750.00")]
    )
    assert result.tax_lines == []


def test_item_rows_with_their_tax_give_net_tax_and_tax_lines_when_only_the_amount_due_is_printed() -> None:
    rows = [[*row[:5], row[5]] for row in _ROWS]
    result = _per_item_tax_page(rows, [("Amount due", "1,704.00")])
    fields = values(result)
    assert (fields["totals.net"], fields["totals.tax"], fields["totals.gross"]) == (
        "1500.00",
        "204.00",
        "1704.00",
    )
    assert len(result.tax_lines) == 3


def test_item_rows_that_do_not_make_the_amount_due_leave_net_and_tax_unknown() -> None:
    result = _per_item_tax_page(_ROWS, [("Amount due", "1,750.00")])
    fields = values(result)
    assert "totals.net" not in fields
    assert "totals.tax" not in fields
    assert result.tax_lines == []


def _totals_page(rows: list[tuple[str, str]]) -> PageExtraction:
    s = Sheet(font_size=9)
    _header(s)
    s.table(
        240,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Consulting", "10", "123.456", "1,234.56"]],
    )
    for n, (label, value) in enumerate(rows):
        s.put(470, 300 + 13 * n, label, right=True)
        s.put(555, 300 + 13 * n, value, right=True)
    return extract_page(s.page())


def test_two_rates_without_bases_take_the_one_split_whose_taxes_need_no_rounding() -> None:
    rows = [("Net", "1,500.00"), ("VAT 20%", "200.00"), ("VAT 10%", "50.00"), ("Total", "1,750.00")]
    assert _tax_lines(_totals_page(rows)) == sorted(
        [_d("10", "500.00", "50.00"), _d("20", "1000.00", "200.00")]
    )


@pytest.mark.parametrize(
    ("net", "tax", "gross", "rate"),
    [("1,500.00", "300.00", "1,800.00", "20"), ("1,000.00", "81.00", "1,081.00", "8.1")],
)
def test_a_tax_total_without_its_rate_gives_the_line_at_the_rate_net_and_tax_imply(
    net: str, tax: str, gross: str, rate: str
) -> None:
    result = _totals_page([("Net", net), ("VAT", tax), ("Total", gross)])
    plain = [v.replace(",", "") for v in (net, tax)]
    assert _tax_lines(result) == [_d(rate, *plain)]


def test_a_tax_whose_implied_rate_needs_two_decimals_gives_no_tax_line() -> None:
    result = _totals_page([("Net", "1,234.56"), ("VAT", "201.37"), ("Total", "1,435.93")])
    assert values(result)["totals.tax"] == "201.37"
    assert result.tax_lines == []


@pytest.mark.parametrize(
    "labels",
    [
        ("Suma be PVM", "PVM 21%", "Iš viso"),
        ("Iš viso be PVM", "PVM 21%", "Iš viso su PVM"),
        ("Summa bez PVN", "PVN 21%", "Kopā apmaksai"),
        ("Καθαρή αξία", "ΦΠΑ 21%", "Σύνολο"),
    ],
)
def test_baltic_and_greek_totals_wordings(labels: tuple[str, str, str]) -> None:
    result = _totals_page(list(zip(labels, ["1 000,00", "210,00", "1 210,00"], strict=True)))
    fields = values(result)
    assert (fields["totals.net"], fields["totals.tax"], fields["totals.gross"]) == (
        "1000.00",
        "210.00",
        "1210.00",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Kontonummer: DE 89 3704 0044 0532 0130 00",
        "Tilinumero DE 89 3704 0044 0532 0130 00",
        "Bankkonto: DE89-3704-0044-0532-0130-00",
        "Számlaszám: DE 89 3704 0044 0532 0130 00",
        "Rachunek: DE 89 3704 0044 0532 0130 00",
        "IBAN DE89/3704/0044/0532/0130/00",
    ],
)
def test_an_iban_after_account_labels_of_more_languages_or_with_slashes(text: str) -> None:
    s = Sheet(font_size=8)
    _header(s)
    _items_and_totals(s)
    s.put(40, 520, text)
    assert values(extract_page(s.page()))["issuer.iban"] == "DE89370400440532013000"
