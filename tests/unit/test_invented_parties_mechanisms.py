"""The general mechanisms behind tests/unit/invented_designs.py, one by one on hand-placed pages of
invented vendors: names that end at their legal form in a footer sentence, lines that only head an
address block (salutations, confidentiality marks, "Name:", "M/s."), label columns that are no address,
recipient labels of practices and letters, invoice numbers of fee notes, digit groups and series codes,
a "Date" column of a table, German and Swiss net/gross wordings, a tax included in the total, a net that
must include shipping, a tax summary's totals row, the customer's own IBAN in a direct-debit note and the
payee of cheques."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page


def _totals(s: Sheet, y: float, rows: list[tuple[str, str]]) -> None:
    for n, (label, value) in enumerate(rows):
        s.put(470, y + 13 * n, label, right=True)
        s.put(555, y + 13 * n, value, right=True)


def _items(s: Sheet, y: float = 300) -> float:
    return s.table(
        y,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Consulting services", "1", "100.00", "100.00"]],
    )


# --- issuer names in footer sentences -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("footer", "name"),
    [
        (
            "Skyline Mobile Ltd, 1 Canal Street, Manchester M1 3HE. Registered in England",
            "Skyline Mobile Ltd",
        ),
        ("Murphy & Keane LLP is regulated by the Law Society of Ireland.", "Murphy & Keane LLP"),
        ("ABC Trading Co., Ltd., 12 Nanjing Road, Shanghai 200001", "ABC Trading Co., Ltd."),
        (
            "Please make checks payable to Ridgeline Roofing & Exteriors LLC.",
            "Ridgeline Roofing & Exteriors LLC",
        ),
    ],
)
def test_issuer_named_in_a_footer_sentence_ends_at_its_legal_form(footer: str, name: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "skyline", size=24)  # a logo word without legal form
    s.put(40, 100, "Bill to:")
    s.put(40, 112, "Harbor Foods Ltd")
    s.put(40, 124, "12 Quay Street, Galway H91 X2Y3")
    _items(s)
    s.put(40, 790, footer, size=7)
    assert values(extract_page(s.page()))["issuer.name"] == name


def test_a_legal_form_followed_by_more_name_does_not_end_it() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "KESSLER", size=24)
    s.put(40, 100, "Bill to:")
    s.put(40, 112, "Harbor Foods Ltd")
    _items(s)
    s.put(40, 790, "Kessler Messebau GmbH & Co. KG, Industriestraße 4, 70565 Stuttgart", size=7)
    assert values(extract_page(s.page()))["issuer.name"] == "Kessler Messebau GmbH & Co. KG"


# --- unlabelled address blocks ---------------------------------------------------------------------------


def test_a_column_of_header_labels_under_a_title_is_no_address_and_a_uk_postcode_may_come_fourth() -> None:
    s = Sheet(font_size=10)
    s.put(40, 30, "Skyline Mobile Ltd", size=20)
    s.put(400, 30, "Your bill", size=18)
    s.put(400, 60, "Bill number SKY-88213407")
    s.put(400, 72, "Bill date 3 March 2025")
    s.put(400, 84, "Account 4410 2871")
    for n, text in enumerate(["Mr Daniel Harper", "Flat 4", "27 Mill Lane", "Leeds", "LS6 2RT"]):
        s.put(40, 140 + 12 * n, text)
    _items(s)
    fields = values(extract_page(s.page()))
    assert fields["recipient.name"] == "Daniel Harper"  # the salutation is not part of the name
    assert fields["invoice_number"] == "SKY-88213407"


@pytest.mark.parametrize("heading", ["Frau", "Herrn", "Familie", "Firma", "PRIVATE & CONFIDENTIAL", "Madame"])
def test_a_salutation_or_confidentiality_line_heads_the_block_but_is_not_the_name(heading: str) -> None:
    s = Sheet(font_size=10)
    s.put(40, 30, "NORDRAD", size=24)
    s.put(40, 120, "NordRad Handels GmbH · Speicherstraße 12 · 28217 Bremen", size=6.5)
    for n, text in enumerate([heading, "Katrin Vogel", "Lindenweg 3", "01099 Dresden"]):
        s.put(40, 134 + 12 * n, text)
    s.put(360, 134, "Rechnungsnummer: RE-2025-104518")
    _items(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Katrin Vogel"


def test_a_person_over_the_company_in_an_unlabelled_block_gives_the_company() -> None:
    s = Sheet(font_size=9)
    s.put(200, 30, "MURPHY & KEANE", size=20)
    s.put(40, 120, "PRIVATE & CONFIDENTIAL", size=8)
    lines = ["Ms. Aoife Brennan", "Brennan Design Studio Ltd", "Unit 5, Docklands Park", "Dublin 3, D03 K2P4"]
    for n, text in enumerate(lines):
        s.put(40, 134 + 12 * n, text)
    _items(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Brennan Design Studio Ltd"


@pytest.mark.parametrize(
    ("first", "name"),
    [
        ("Name: Harbor Foods India Pvt. Ltd.", "Harbor Foods India Pvt. Ltd."),
        ("M/s. Sharma Traders", "Sharma Traders"),
        ("Nombre: Editorial Marea S.L.", "Editorial Marea S.L."),
    ],
)
def test_name_and_messrs_prefixes_are_not_part_of_the_recipient_name(first: str, name: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Shreeji Packaging Pvt. Ltd.", size=16)
    s.put(40, 100, "Details of Receiver (Billed to)")
    s.put(40, 112, first)
    s.put(40, 124, "Address: 22 Marine Lines, Mumbai 400002")
    _items(s)
    assert values(extract_page(s.page()))["recipient.name"] == name


@pytest.mark.parametrize("label", ["Patient :", "Exmo.(s) Sr.(s)", "To,", "Patientin:", "Messrs"])
def test_recipient_labels_of_practices_and_letters(label: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Tipografia Atlântico, Lda.", size=16)
    s.put(40, 50, "Rua do Almada 210, 4050-031 Porto")
    s.put(330, 100, label)
    for n, text in enumerate(["Hugo Lambert", "8 avenue Jean Jaurès", "Lyon"]):
        s.put(330, 112 + 12 * n, text)
    _items(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Hugo Lambert"


# --- invoice numbers and dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "number"),
    [
        ("FEE NOTE No. 2025/0412", "2025/0412"),
        ("Note d'honoraires n° 2025-0331", "2025-0331"),
        ("FATURA FT 2025/117", "FT 2025/117"),
        ("Faktura VAT nr FV/2025/03/117", "FV/2025/03/117"),
    ],
)
def test_invoice_number_after_a_fee_note_title_or_a_series_code(title: str, number: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Murphy & Keane LLP", size=16)
    s.put(40, 200, title, size=13)
    _items(s)
    assert values(extract_page(s.page()))["invoice_number"] == number


def test_a_bare_number_label_under_the_title_reads_its_value_in_the_next_column() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Imprimerie Lambert SRL", size=16)
    s.put(40, 200, "FACTURE", size=16)
    s.put(40, 226, "Numéro :")
    s.put(110, 226, "F25-0087")
    s.put(40, 238, "Date :")
    s.put(110, 238, "05/03/2025")
    _items(s)
    fields = values(extract_page(s.page()))
    assert fields["invoice_number"] == "F25-0087"
    assert fields["issue_date"] == "2025-03-05"


def test_an_invoice_number_printed_in_digit_groups_is_one_value() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Stadtwerke Lindau GmbH", size=16)
    s.put(360, 130, "Rechnungsnummer")
    s.put(555, 130, "2025 0004 8812", right=True)
    _items(s)
    assert values(extract_page(s.page()))["invoice_number"] == "2025 0004 8812"


def test_a_date_column_of_a_table_is_not_the_issue_date() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Dr Claire Fontaine", size=16)
    s.put(40, 200, "Lyon, le 31 mars 2025")
    s.table(
        240,
        [(40, "Date", False), (110, "Acte", False), (555, "Montant", True)],
        [["17/03/2025", "Consultation", "30,00"], ["24/03/2025", "Composite 2 faces", "200,00"]],
    )
    assert values(extract_page(s.page()))["issue_date"] == "2025-03-31"


# --- totals -----------------------------------------------------------------------------------------------


def test_swiss_exkl_and_inkl_mwst_labels() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Gartenbau Meier AG", size=16)
    y = _items(s)
    _totals(
        s,
        y + 20,
        [
            ("Total exkl. MWST", "CHF 1'850.00"),
            ("MWST 8.1 %", "CHF 149.85"),
            ("Total inkl. MWST", "CHF 1'999.85"),
        ],
    )
    fields = values(extract_page(s.page()))
    assert (fields["totals.net"], fields["totals.tax"], fields["totals.gross"]) == (
        "1850.00",
        "149.85",
        "1999.85",
    )


@pytest.mark.parametrize(
    ("total_label", "tax_label"),
    [("Gesamtsumme", "enthaltene MwSt. 19 %"), ("Total TTC", "dont TVA 19 %"), ("Total", "incl. VAT 19%")],
)
def test_a_tax_included_in_the_total_gives_the_net_even_when_a_subtotal_repeats_the_gross(
    total_label: str, tax_label: str
) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "NordRad Handels GmbH", size=16)
    y = _items(s)
    _totals(s, y + 20, [("Zwischensumme", "749,80"), (total_label, "749,80"), (tax_label, "119,72")])
    fields = values(extract_page(s.page()))
    assert (fields["totals.net"], fields["totals.tax"], fields["totals.gross"]) == (
        "630.08",
        "119.72",
        "749.80",
    )


def test_the_net_includes_a_taxed_shipping_charge_the_subtotal_leaves_out() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Hollow Oak Teas Ltd", size=16)
    y = _items(s)
    _totals(
        s, y + 20, [("Subtotal", "155.00"), ("Shipping", "9.95"), ("VAT 20%", "32.99"), ("Total", "197.94")]
    )
    result = extract_page(s.page())
    fields = values(result)
    assert (fields["totals.net"], fields["totals.tax"], fields["totals.gross"]) == (
        "164.95",
        "32.99",
        "197.94",
    )
    assert [(t.rate, t.base, t.amount) for t in result.tax_lines] == [(20, 164.95, 32.99)] or [
        (str(t.rate), str(t.base), str(t.amount)) for t in result.tax_lines
    ] == [("20", "164.95", "32.99")]


def test_a_tax_summary_column_stops_at_the_tables_totals_row() -> None:
    s = Sheet(font_size=8)
    s.put(40, 30, "Drukarnia Polkart Sp. z o.o.", size=14)
    s.table(
        300,
        [
            (200, "Stawka VAT", False),
            (330, "Wartość netto", True),
            (420, "Kwota VAT", True),
            (555, "Wartość brutto", True),
        ],
        [
            ["23%", "1 000,00", "230,00", "1 230,00"],
            ["8%", "500,00", "40,00", "540,00"],
            ["Razem", "1 500,00", "270,00", "1 770,00"],
        ],
    )
    s.put(40, 380, "Do zapłaty: 1 770,00 PLN", size=11)
    fields = values(extract_page(s.page()))
    assert (fields["totals.net"], fields["totals.tax"], fields["totals.gross"]) == (
        "1500.00",
        "270.00",
        "1770.00",
    )


# --- bank details -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        ["Den Betrag buchen wir am 18.02.2025 von Ihrem Konto", "IBAN DE02 1203 0000 0000 2020 51 ab."],
        ["The amount will be debited from your account IBAN DE02 1203 0000 0000 2020 51."],
        ["Prélèvement SEPA sur votre compte FR76 3000 6000 0112 3456 7890 189."],
    ],
)
def test_the_customers_own_iban_in_a_direct_debit_note_is_not_the_issuers(note: list[str]) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Stadtwerke Lindau GmbH", size=16)
    y = _items(s)
    for n, text in enumerate(note):
        s.put(40, y + 40 + 11 * n, text)
    s.put(40, 790, "Sparkasse Lindau · IBAN DE89 3704 0044 0532 0130 00 · BIC COBADEFFXXX", size=7)
    assert values(extract_page(s.page()))["issuer.iban"] == "DE89370400440532013000"


def test_only_a_customers_iban_on_the_page_gives_no_issuer_iban() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Stadtwerke Lindau GmbH", size=16)
    y = _items(s)
    s.put(40, y + 40, "The amount will be debited from your account IBAN DE02 1203 0000 0000 2020 51.")
    assert "issuer.iban" not in values(extract_page(s.page()))


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        ("Transferencia a la cuenta ES91-2100-0418-4502-0005-1332 (CaixaBank)", "ES9121000418450200051332"),
        (
            "Bankverbindung: Sparkasse, IBAN DE 89 3704 0044 0532 0130 00, BIC COBADEFFXXX",
            "DE89370400440532013000",
        ),
        ("IBAN: GB29.NWBK.6016.1331.9268.19", "GB29NWBK60161331926819"),
    ],
)
def test_iban_after_an_account_label_with_hyphens_dots_or_a_space_after_the_country(
    text: str, iban: str
) -> None:
    s = Sheet(font_size=8)
    s.put(40, 30, "Climatización Levante S.L.", size=16)
    y = _items(s)
    s.put(40, y + 40, text)
    assert values(extract_page(s.page()))["issuer.iban"] == iban


def test_a_hyphenated_number_without_an_account_label_is_not_read_as_an_iban() -> None:
    s = Sheet(font_size=8)
    s.put(40, 30, "Climatización Levante S.L.", size=16)
    y = _items(s)
    s.put(40, y + 40, "Ref. ES91-2100-0418-4502-0005-1332")
    assert "issuer.iban" not in values(extract_page(s.page()))


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("Company", "Cotswold Cycle Hire Ltd"),
        ("Razón social", "Hotel Mar Azul S.A."),
        ("Firma:", "Brauhaus Seidl KG"),
    ],
)
def test_a_customer_details_table_gives_the_value_right_of_its_name_field(label: str, value: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Brightside Digital Ltd", size=16)
    s.put(40, 100, "Customer details")
    s.put(40, 114, label)
    s.put(130, 114, value)
    s.put(40, 126, "Address")
    s.put(130, 126, "Mill Yard, GL54 2BY")
    _items(s)
    fields = values(extract_page(s.page()))
    assert fields["recipient.name"] == value
    assert fields["recipient.address"] == "Mill Yard, GL54 2BY"


@pytest.mark.parametrize(
    ("net_label", "gross_label"),
    [
        ("Net", "Invoice amount"),
        ("Warenwert", "Zu zahlender Betrag"),
        ("Total HTVA", "Total TVAC"),
        ("Total HT", "Montant à payer"),
        ("Net", "Total invoice value"),
    ],
)
def test_gross_wordings_of_other_forms(net_label: str, gross_label: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Brightside Digital Ltd", size=16)
    y = _items(s)
    # A second figure left of the gross: without its label the gross would be a guess among them.
    _totals(
        s,
        y + 20,
        [(net_label, "4.200,00"), ("Tax 20 %", "840,00"), ("Paid", "100,00"), (gross_label, "5.040,00")],
    )
    fields = values(extract_page(s.page()))
    assert fields["totals.gross"] == "5040.00"
    assert fields["totals.net"] == "4200.00"


def test_a_label_centred_beside_its_block_takes_the_lines_above_it_too() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Acme Widgets GmbH", size=16)
    s.put(40, 112, "Customer:")
    for n, text in enumerate(["Brightwater Foods Ltd", "12 Harbour Road", "D02 X285 Dublin"]):
        s.put(120, 100 + 12 * n, text)
    _items(s)
    fields = values(extract_page(s.page()))
    assert fields["recipient.name"] == "Brightwater Foods Ltd"
    assert fields["recipient.address"] == "12 Harbour Road, D02 X285 Dublin"


def test_a_form_row_above_the_customer_row_is_not_part_of_its_block() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Acme Widgets GmbH", size=16)
    for n, (label, value) in enumerate(
        [("Date:", "12.03.2025"), ("Ref:", "PO-4471"), ("Customer:", "Brightwater Ltd")]
    ):
        s.put(40, 100 + 12 * n, label)
        s.put(120, 100 + 12 * n, value)
    _items(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Brightwater Ltd"


# --- issuers that the letterhead alone does not name ----------------------------------------------------


def test_a_footer_laid_out_like_a_return_address_names_an_issuer_without_letterhead() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "INVOICE", size=24)
    s.put(40, 70, "Invoice number: 2025-117")
    s.put(330, 70, "Billed to")
    for n, text in enumerate(["Brightwater Foods Ltd", "12 Harbour Road", "D02 X285 Dublin"]):
        s.put(330, 82 + 12 * n, text)
    _items(s)
    s.put(40, 790, "Lena Hofer Design | Ringstraße 8 | 1010 Wien | AT61 1904 3002 3457 3201", size=7)
    fields = extract_page(s.page()).fields
    assert fields["issuer.name"].value == "Lena Hofer Design"
    assert fields["issuer.name"].confidence <= 0.5  # no letterhead, no legal form: a guess


@pytest.mark.parametrize("name", ["Lena Hofer Design OG", "Hofer Grafik GesmbH", "Lambert Print BVBA"])
def test_legal_forms_of_austria_and_belgium(name: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "INVOICE", size=24)
    s.put(330, 70, "Billed to")
    s.put(330, 82, "Brightwater Foods Ltd")
    _items(s)
    s.put(40, 790, f"{name}, Ringstraße 8, 1010 Wien, UID ATU13585627", size=7)
    assert values(extract_page(s.page()))["issuer.name"] == name


def test_a_floor_is_not_a_legal_form() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Acme Widgets GmbH", size=16)
    s.put(40, 50, "Hauptstraße 5, 2. OG")
    s.put(40, 62, "10115 Berlin")
    s.put(330, 100, "Bill to:")
    s.put(330, 112, "Brightwater Foods Ltd")
    _items(s)
    assert values(extract_page(s.page()))["issuer.name"] == "Acme Widgets GmbH"


def test_a_company_line_with_its_address_under_a_logo_word_names_the_issuer() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "SPARKLE", size=28)
    s.put(40, 62, "Professional Cleaning Services", size=14)
    s.put(40, 82, "Sparkle Cleaning Services Ltd, 4 Mill Road, Cambridge CB1 2AD")
    s.put(330, 110, "Bill to:")
    for n, text in enumerate(["Brightwater Foods Ltd", "12 Harbour Road", "Cambridge CB2 1TN"]):
        s.put(330, 122 + 12 * n, text)
    _items(s)
    assert values(extract_page(s.page()))["issuer.name"] == "Sparkle Cleaning Services Ltd"


def test_the_block_with_phone_mail_and_vat_lines_is_the_sender_though_the_customer_is_printed_larger() -> (
    None
):
    s = Sheet(font_size=9)
    s.put(40, 30, "INVOICE", size=24)
    s.put(40, 70, "Brightwater Foods Ltd", size=14)
    s.put(40, 88, "12 Harbour Road")
    s.put(40, 100, "D02 X285 Dublin")
    # A mailbox that does not spell the name: only the contact lines tell the sender's block.
    lines = [
        "Acme Widgets GmbH",
        "Hauptstraße 5",
        "10115 Berlin",
        "Tel. +49 30 1234567",
        "office@example.org",
    ]
    for n, text in enumerate([*lines, "USt-IdNr. DE136695976"]):
        s.put(380, 70 + 12 * n, text)
    _items(s)
    fields = extract_page(s.page()).fields
    assert fields["issuer.name"].value == "Acme Widgets GmbH"
    assert fields["recipient.name"].value == "Brightwater Foods Ltd"
    assert fields["recipient.name"].confidence < 0.6
    assert fields["issuer.vat_id"].value == "DE136695976"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # A stamp duty outside the VAT: the net is the printed taxable amount.
        (
            [
                ("Imponibile", "1.200,00"),
                ("IVA 22%", "264,00"),
                ("Bollo", "2,00"),
                ("Totale documento", "1.466,00"),
            ],
            ("1200.00", "264.00", "1466.00"),
        ),
        # A taxed charge: the VAT is levied on it too, so the net includes it.
        (
            [
                ("Warenwert", "660,00"),
                ("Fracht", "20,00"),
                ("MwSt. 19 %", "129,20"),
                ("Gesamtbetrag", "809,20"),
            ],
            ("680.00", "129.20", "809.20"),
        ),
    ],
)
def test_a_charge_between_net_and_total_is_in_the_net_only_when_the_rate_says_it_is_taxed(
    rows: list[tuple[str, str]], expected: tuple[str, str, str]
) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Studio Grafico Riva", size=16)
    y = _items(s)
    _totals(s, y + 20, rows)
    fields = values(extract_page(s.page()))
    assert (fields["totals.net"], fields["totals.tax"], fields["totals.gross"]) == expected


def test_a_customer_code_under_the_label_of_a_header_grid_is_not_the_name() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Acme Widgets GmbH", size=16)
    for x, label, value in [
        (40, "Customer", "ACME-0042"),
        (200, "Invoice No.", "R-2025-31"),
        (360, "Date", "03.04.2025"),
    ]:
        s.put(x, 100, label)
        s.put(x, 112, value)
    for n, text in enumerate(["Brauhaus Seidl KG", "Ludwigstraße 12", "80539 München"]):
        s.put(40, 150 + 12 * n, text)
    _items(s)
    fields = values(extract_page(s.page()))
    assert fields["recipient.name"] == "Brauhaus Seidl KG"
    assert fields["invoice_number"] == "R-2025-31"


def test_invoice_from_labels_the_issuer_block() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "INVOICE", size=24)
    s.put(40, 80, "Invoice from")
    s.put(300, 80, "Invoice to")
    for n, (a, b) in enumerate(
        [("Lena Hofer Design", "Brightwater Foods Ltd"), ("Ringstraße 8", "12 Harbour Road")]
    ):
        s.put(40, 92 + 12 * n, a)
        s.put(300, 92 + 12 * n, b)
    _items(s)
    fields = values(extract_page(s.page()))
    assert (fields["issuer.name"], fields["recipient.name"]) == ("Lena Hofer Design", "Brightwater Foods Ltd")


@pytest.mark.parametrize(
    "rows",
    [
        [("Nettó összesen", "1 000,00"), ("ÁFA 27%", "270,00"), ("Bruttó összesen", "1 270,00")],
        [("Ara Toplam", "1.000,00"), ("KDV %27", "270,00"), ("Genel Toplam", "1.270,00")],
        [("Καθαρή αξία", "1.000,00"), ("ΦΠΑ 27%", "270,00"), ("Πληρωτέο ποσό", "1.270,00")],
        [("Osnovica", "1.000,00"), ("PDV 27%", "270,00"), ("Ukupno za platiti", "1.270,00")],
    ],
)
def test_net_tax_and_gross_wordings_of_hungary_turkey_greece_and_the_balkans(
    rows: list[tuple[str, str]],
) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Duna Nyomda Kft.", size=16)
    y = _items(s)
    _totals(s, y + 20, rows)
    fields = values(extract_page(s.page()))
    assert (fields["totals.net"], fields["totals.tax"], fields["totals.gross"]) == (
        "1000.00",
        "270.00",
        "1270.00",
    )


@pytest.mark.parametrize(
    "label",
    ["BILLING DETAILS", "Kundendaten", "Coordonnées client", "Datos de facturación", "Factuurgegevens"],
)
def test_headings_of_a_billing_box(label: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "INVOICE", size=24)
    s.put(330, 30, "Acme Widgets GmbH")
    s.put(330, 42, "Hauptstraße 5, 10115 Berlin")
    s.put(40, 100, label)
    s.put(40, 112, "Brightwater Foods Ltd")
    s.put(40, 124, "Harbour Road")
    _items(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Brightwater Foods Ltd"


@pytest.mark.parametrize(
    "legal", ["Northbeam Analytics Inc.", "Northbeam Analytics, LLC", "Northbeam Analytics GmbH"]
)
def test_a_letterhead_name_takes_the_legal_form_printed_with_it_elsewhere(legal: str) -> None:
    s = Sheet(font_size=8)
    s.put(40, 40, "Invoice", size=20)
    s.put(420, 40, "Northbeam Analytics", size=11)
    for n, text in enumerate([legal, "548 Market Street", "San Francisco, California 94104"]):
        s.put(40, 140 + 11 * n, text)
    s.put(300, 140, "Bill to")
    s.put(300, 152, "Fjord Outdoor AS")
    _items(s)
    assert values(extract_page(s.page()))["issuer.name"] == legal


def test_a_label_on_a_band_over_a_padded_box_still_finds_its_block_with_less_confidence() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Acme Widgets GmbH", size=16)
    s.put(40, 100, "BILL TO", size=8)
    for n, text in enumerate(["Brightwater Foods Ltd", "12 Harbour Road"]):
        s.put(40, 136 + 12 * n, text, size=10)
    _items(s)
    found = extract_page(s.page()).fields["recipient.name"]
    assert found.value == "Brightwater Foods Ltd"
    assert found.confidence < 0.85


def test_a_date_with_a_space_after_each_dot() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Tiskárna Brno s.r.o.", size=16)
    s.put(40, 100, "Datum vystavení: 03. 04. 2025")
    _items(s)
    assert values(extract_page(s.page()))["issue_date"] == "2025-04-03"


@pytest.mark.parametrize("last", ["Dublin 4", "Naas, Co. Kildare"])
def test_an_irish_address_without_eircode_still_reads_as_a_postal_block(last: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Acme Widgets Ltd", size=16)
    s.put(40, 50, "5 Main Street, Galway H91 X2Y3")
    for n, text in enumerate(["Brightwater Foods Ltd", "12 Harbour Road", "Ballsbridge", last]):
        s.put(40, 120 + 12 * n, text)
    s.put(380, 120, "Invoice No. 2025-117")
    _items(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Brightwater Foods Ltd"


def test_a_window_block_beside_the_senders_contact_block_is_the_recipient() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "ACME", size=28)
    for n, text in enumerate(["Acme Widgets GmbH", "Hauptstraße 5", "10115 Berlin", "Tel. 030 123456"]):
        s.put(40, 120 + 12 * n, text, size=8)
    for n, text in enumerate(["Brauhaus Seidl KG", "Ludwigstraße 12", "80539 München"]):
        s.put(330, 120 + 12 * n, text, size=10)
    _items(s)
    fields = values(extract_page(s.page()))
    assert (fields["issuer.name"], fields["recipient.name"]) == ("Acme Widgets GmbH", "Brauhaus Seidl KG")


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("Fatura-Recibo FR 2025/117", "FR 2025/117"),
        ("Számla sorszáma: SZ-2025-117", "SZ-2025-117"),
        ("Αριθμός τιμολογίου: 117", "117"),
        ("Nota de débito n.º ND 117", "ND 117"),
    ],
)
def test_invoice_number_labels_of_invoice_receipts_debit_notes_hungary_and_greece(
    label: str, number: str
) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Tipografia Atlântico, Lda.", size=16)
    s.put(300, 100, label)
    _items(s)
    assert values(extract_page(s.page()))["invoice_number"] == number


def test_polish_payment_terms_in_days() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Drukarnia Polkart Sp. z o.o.", size=16)
    s.put(300, 90, "Data wystawienia: 03.03.2025")
    _items(s)
    s.put(40, 400, "Termin płatności: 14 dni")
    assert values(extract_page(s.page()))["due_date"] == "2025-03-17"


def test_a_tax_summary_whose_rate_column_has_no_percent_sign_gives_tax_lines() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Acme Widgets GmbH", size=16)
    y = _items(s)
    s.table(
        y + 20,
        [(200, "MwSt-Satz", False), (330, "Netto", True), (420, "MwSt", True), (555, "Brutto", True)],
        [["19,00", "1.000,00", "190,00", "1.190,00"], ["7,00", "200,00", "14,00", "214,00"]],
    )
    s.put(470, y + 90, "Gesamtbetrag", right=True)
    s.put(555, y + 90, "1.404,00", right=True)
    result = extract_page(s.page())
    assert sorted((str(t.rate), str(t.base), str(t.amount)) for t in result.tax_lines) == [
        ("19.00", "1000.00", "190.00"),
        ("7.00", "200.00", "14.00"),
    ]
    assert values(result)["totals.tax"] == "204.00"


@pytest.mark.parametrize(
    ("first", "second", "name"),
    [
        ("Jane Doe", "Brightwater Foods Ltd", "Brightwater Foods Ltd"),
        ("Priya Natarajan", "Cotswold Cycle Hire Ltd", "Cotswold Cycle Hire Ltd"),
        ("John Smith", "c/o Acme Widgets Ltd", "John Smith"),
        ("Katrin Vogel", "Lindenweg 3", "Katrin Vogel"),
    ],
)
def test_a_contact_person_over_the_company_gives_the_company(first: str, second: str, name: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Acme Widgets GmbH", size=16)
    s.put(40, 100, "Bill to:")
    for n, text in enumerate([first, second, "12 Harbour Road"]):
        s.put(40, 112 + 12 * n, text)
    _items(s)
    assert values(extract_page(s.page()))["recipient.name"] == name


@pytest.mark.parametrize("label", ["Gutschriftsbetrag", "Credit note total", "Total avoir"])
def test_a_credit_notes_total_is_its_gross(label: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Acme Widgets GmbH", size=16)
    s.put(300, 100, "Kunde:")
    s.put(300, 112, "Brauhaus Seidl KG")
    y = _items(s)
    _totals(s, y + 20, [("Summe netto", "-100,00"), ("MwSt. 19 %", "-19,00"), (label, "-119,00")])
    fields = values(extract_page(s.page()))
    assert (fields["totals.net"], fields["totals.tax"], fields["totals.gross"]) == (
        "-100.00",
        "-19.00",
        "-119.00",
    )


def test_an_iban_inside_the_customers_block_is_not_the_issuers() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Stadtwerke Lindau GmbH", size=16)
    s.put(40, 100, "Kunde:")
    for n, text in enumerate(["Jonas Albrecht", "Seeweg 4", "IBAN DE02 1203 0000 0000 2020 51"]):
        s.put(40, 112 + 12 * n, text)
    _items(s)
    s.put(40, 790, "Sparkasse Lindau · IBAN DE89 3704 0044 0532 0130 00", size=7)
    assert values(extract_page(s.page()))["issuer.iban"] == "DE89370400440532013000"


def test_polish_faktura_vat_with_seller_and_buyer_side_by_side() -> None:
    """A whole Polish faktura as word boxes (Polish letters such as "ł" have no accent-free form)."""
    s = Sheet(font_size=8)
    s.put(40, 30, "Faktura VAT nr FV/2025/03/117", size=14)
    s.put(380, 30, "Data wystawienia: 2025-03-20")
    s.put(380, 42, "Data sprzedaży: 2025-03-20")
    s.put(40, 80, "Sprzedawca:")
    s.put(320, 80, "Nabywca:")
    rows = [
        ("Drukarnia Polkart Sp. z o.o.", "Kawiarnia Pod Lipami s.c."),
        ("ul. Piotrkowska 100", "ul. Długa 15"),
        ("90-004 Łódź", "80-831 Gdańsk"),
        ("NIP: 725-18-01-126", "NIP: 583-00-11-223"),
    ]
    for n, (seller, buyer) in enumerate(rows):
        s.put(40, 92 + 11 * n, seller)
        s.put(320, 92 + 11 * n, buyer)
    s.put(40, 150, "Nr rachunku: PL61 1090 1014 0000 0712 1981 2874")
    s.put(40, 162, "Termin płatności: 2025-04-03")
    y = s.table(
        200,
        [
            (40, "Lp.", False),
            (60, "Nazwa towaru lub usługi", False),
            (300, "Ilość", True),
            (360, "Cena netto", True),
            (430, "Wartość netto", True),
            (470, "VAT", True),
            (555, "Wartość brutto", True),
        ],
        [
            ["1", "Ulotki A5 kreda 130 g", "2000", "0,50", "1 000,00", "23%", "1 230,00"],
            ["2", "Książeczki menu", "50", "10,00", "500,00", "8%", "540,00"],
        ],
    )
    s.table(
        y + 20,
        [
            (200, "Stawka VAT", False),
            (330, "Wartość netto", True),
            (420, "Kwota VAT", True),
            (555, "Wartość brutto", True),
        ],
        [
            ["23%", "1 000,00", "230,00", "1 230,00"],
            ["8%", "500,00", "40,00", "540,00"],
            ["Razem", "1 500,00", "270,00", "1 770,00"],
        ],
    )
    s.put(40, y + 110, "Do zapłaty: 1 770,00 PLN", size=11)
    result = extract_page(s.page())
    fields = values(result)
    assert fields["invoice_number"] == "FV/2025/03/117"
    assert (fields["issuer.name"], fields["recipient.name"]) == (
        "Drukarnia Polkart Sp. z o.o.",
        "Kawiarnia Pod Lipami s.c.",
    )
    assert (fields["issue_date"], fields["due_date"]) == ("2025-03-20", "2025-04-03")
    assert fields["issuer.iban"] == "PL61109010140000071219812874"
    assert (fields["totals.net"], fields["totals.tax"], fields["totals.gross"]) == (
        "1500.00",
        "270.00",
        "1770.00",
    )
    assert sorted((str(t.rate), str(t.base), str(t.amount)) for t in result.tax_lines) == [
        ("23", "1000.00", "230.00"),
        ("8", "500.00", "40.00"),
    ]


@pytest.mark.parametrize("heading", ["PAYMENT ADVICE", "Remittance slip", "Zahlschein"])
def test_the_to_label_of_a_payment_slip_is_the_payee_not_the_recipient(heading: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 40, "TAX INVOICE", size=22)
    for n, text in enumerate(["Harbourside Dental Practice", "14 Quay Street", "Whitby", "YO21 1DH"]):
        s.put(40, 90 + 11 * n, text)
    for n, text in enumerate(["Moorland Web Studio Ltd", "2 Church Street", "Whitby YO22 4AE"]):
        s.put(440, 90 + 10 * n, text, size=8)
    s.put(470, 300, "TOTAL GBP", right=True)
    s.put(555, 300, "312.00", right=True)
    s.put(40, 615, heading, size=14)
    s.put(40, 640, "To:")
    for n, text in enumerate(["Moorland Web Studio Ltd", "2 Church Street"]):
        s.put(60, 640 + 10 * n, text)
    fields = values(extract_page(s.page()))
    assert fields["recipient.name"] == "Harbourside Dental Practice"
    assert fields["issuer.name"] == "Moorland Web Studio Ltd"


@pytest.mark.parametrize("site_label", ["Job Site:", "Baustelle:", "Chantier :"])
def test_a_job_site_block_is_not_the_recipient(site_label: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Ridgeline Roofing LLC", size=16)
    s.put(40, 50, "2200 NE Alberta St, Portland, OR 97211")
    s.put(40, 100, site_label)
    for n, text in enumerate(["Greenway Tower", "1185 SE Ash St", "Portland, OR 97214"]):
        s.put(40, 112 + 12 * n, text)
    for n, text in enumerate(["Greenway Property Management Inc.", "PO Box 4410", "Portland, OR 97208"]):
        s.put(330, 112 + 12 * n, text)
    _items(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Greenway Property Management Inc."


def test_a_footer_sender_wins_over_a_body_size_tagline_at_the_top() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Websites that work for you")
    s.put(330, 70, "Billed to")
    for n, text in enumerate(["Harbourside Dental Practice", "14 Quay Street", "Whitby YO21 1DH"]):
        s.put(330, 82 + 12 * n, text)
    _items(s)
    s.put(40, 790, "Moorland Web Studio · 2 Church Street · Whitby YO22 4AE · hello@moorland.example", size=7)
    assert values(extract_page(s.page()))["issuer.name"] == "Moorland Web Studio"
