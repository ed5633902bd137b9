"""Party blocks as invoices of many countries print them (what ``benchmarks/invented_parties.py`` measures):
the customer's VAT id in the information block under "your" in Nordic, Czech and Italian wording, an id
under an inline party heading ("Comprador: …"), sellers and buyers headed in Czech, Spanish and Portuguese
and "From:" in Dutch, Danish and Polish, a logo-only header whose legal name, VAT id and IBAN stand in the
footer, Italian and Danish VAT labels, a legal form's own bracket, a customer's id row wider than its
block, and a letterhead without legal form beside the invoice data over "Via Roma, 12". Invented pages."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.national_vat import labelled_national_vat_ids
from invoiceflow.domain.extraction.party_blocks import street_only
from invoiceflow.domain.extraction.party_names import has_contact_data
from invoiceflow.domain.extraction.vat_owner import labelled_owner


def _items(s: Sheet, top: float) -> None:
    end = s.table(
        top,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Maintenance contract", "2", "120.00", "240.00"]],
    )
    s.put(400, end + 20, "Total 240.00")


# (language, issuer VAT line in the footer, the "your VAT" row, the recipient's id it holds)
YOUR_VAT_ROWS = [
    ("sv", "Momsreg.nr SE557491186201", "Ert momsreg.nr: SE551163726501", "SE551163726501"),
    ("da", "CVR-nr. DK92880729", "Jeres CVR-nr.: DK44018780", "DK44018780"),
    ("cs", "DIČ: CZ24483478", "Vaše DIČ: CZ15617483", "CZ15617483"),
    ("it", "P.IVA IT08682880730", "Vs. P.IVA: IT07764260456", "IT07764260456"),
    ("nb", "Org.nr. NO 923 609 016 MVA", "Deres org.nr.: SE551163726501", "SE551163726501"),
]


@pytest.mark.parametrize(
    ("language", "own", "your", "expected"), YOUR_VAT_ROWS, ids=[r[0] for r in YOUR_VAT_ROWS]
)
def test_your_vat_row_of_the_information_block_is_the_customers(
    language: str, own: str, your: str, expected: str
) -> None:
    """The information block (invoice number, date) beside the window holds the customer's id under
    "your": the block's rows are the sender's data, but the row's own word names the customer."""
    s = Sheet()
    s.put(330, 40, "Nordvik Tryck AB", size=12)
    s.put(330, 56, "Kungsgatan 17, 411 19 Göteborg")
    s.put(57, 146, "Ekberg Konsult HB")
    s.put(57, 160, "Storgatan 4")
    s.put(57, 174, "111 51 Stockholm")
    s.put(360, 146, "Invoice no: INV-4711")
    s.put(360, 160, "Date: 14.11.2024")
    s.put(360, 174, your)
    _items(s, 260)
    s.put(40, 780, "Nordvik Tryck AB · Kungsgatan 17 · 411 19 Göteborg", size=7)
    s.put(40, 790, own, size=7)
    found = values(extract_page(s.page()))
    assert found.get("recipient.vat_id") == expected
    assert found.get("issuer.vat_id") != expected


@pytest.mark.parametrize(
    ("words", "owner"),
    [
        ("ert momsreg.nr: ", "recipient"),
        ("jeres cvr-nr.: ", "recipient"),
        ("vase dic: ", "recipient"),
        ("vs. p.iva ", "recipient"),
        ("vores cvr-nr.: ", "issuer"),
        ("nase dic: ", "issuer"),
        ("var momsreg.nr ", "issuer"),
        ("momsreg.nr ", None),
    ],
)
def test_first_and_second_person_words_name_the_owner(words: str, owner: str | None) -> None:
    assert labelled_owner(words) == owner


# (language, seller heading, buyer heading, the buyer's VAT row)
INLINE_HEADINGS = [
    ("es", "Vendedor", "Comprador", "CIF: ESH16801235", "ESH16801235"),
    ("cs", "Prodávající", "Kupující", "DIČ CZ15617483", "CZ15617483"),
    ("en", "From", "To", "VAT Reg No GB960244966", "GB960244966"),
]


@pytest.mark.parametrize(
    ("language", "seller", "buyer", "row", "expected"), INLINE_HEADINGS, ids=[r[0] for r in INLINE_HEADINGS]
)
def test_inline_buyer_heading_owns_the_id_under_it(
    language: str, seller: str, buyer: str, row: str, expected: str
) -> None:
    """Stacked sections whose heading carries the party's name on its line ("Comprador: Ibarra S.L."):
    the id under the buyer's is the buyer's, not the seller's further up."""
    s = Sheet()
    s.put(40, 40, "INVOICE 2024-118", size=15)
    s.put(360, 40, "Date: 14.11.2024")
    s.put(40, 100, f"{seller}:")
    for n, text in enumerate(["Rivera Suministros S.L.", "C/ Mayor 15", "28013 Madrid", "NIF: B12345674"]):
        s.put(40, 112 + 11 * n, text)
    s.put(40, 180, f"{buyer}: Castells Instalaciones S.A.")
    for n, text in enumerate(["Gran Vía 93", "46001 Valencia", row]):
        s.put(40, 192 + 11 * n, text)
    _items(s, 280)
    found = values(extract_page(s.page()))
    assert found.get("recipient.vat_id") == expected
    assert found.get("recipient.name") == "Castells Instalaciones S.A."


@pytest.mark.parametrize(
    ("seller", "buyer"),
    [
        ("Van:", "Aan:"),
        ("Fra:", "Til:"),
        ("Od:", "Do:"),
        ("Emitente:", "Cliente:"),
        ("Prodávající:", "Kupující:"),
    ],
)
def test_from_labels_left_of_their_blocks(seller: str, buyer: str) -> None:
    """Labels in a key column left of the blocks, the name on the label's line: the sender's label
    ("Van:", "Fra:", "Od:", "Emitente:", "Prodávající:") heads the issuer's block, not its town line."""
    s = Sheet()
    s.put(40, 40, "FACTUUR", size=16)
    s.put(360, 40, "Factuurnummer: INV-1797")
    s.put(360, 52, "Factuurdatum: 10.11.2024")
    for n, text in enumerate(["Visser Installatie", "Stationsweg 73", "3070 Utrecht"]):
        s.put(130, 110 + 11 * n, text)
    s.put(40, 110, seller)
    for n, text in enumerate(["Doyle & Kilbride Supplies", "2 Grafton Street", "Dublin 2 D02 X285"]):
        s.put(130, 163 + 11 * n, text)
    s.put(40, 163, buyer)
    _items(s, 230)
    found = values(extract_page(s.page()))
    assert found.get("issuer.name") == "Visser Installatie"
    assert found.get("recipient.name") == "Doyle & Kilbride Supplies"


# (footer's legal name, its VAT line, the customer's block)
LOGO_FOOTERS = [
    (
        "Marchetti Tipografia S.r.l.",
        "P.IVA IT08682880730",
        ["Colombo & Rinaldi S.p.A.", "Via Garibaldi 12", "20121 Milano"],
    ),
    (
        "Hartmann & Obermaier UG (haftungsbeschränkt)",
        "USt-IdNr.: DE373128054",
        ["Kessler Bau GmbH", "Hafenstraße 9", "20095 Hamburg"],
    ),
    (
        "Ashcombe Print Ltd",
        "VAT Reg. No.: GB960244966",
        ["Summit Supplies Corp.", "18 Market Street", "Leeds LS1 4AB"],
    ),
]


@pytest.mark.parametrize(("legal", "vat", "customer"), LOGO_FOOTERS, ids=["it", "de", "en"])
def test_logo_header_legal_name_in_the_footer(legal: str, vat: str, customer: list[str]) -> None:
    """The sender only as a logo up top, one address block at body size (the customer's), and the footer
    printing a company with the page's only VAT id and IBAN: the footer's company is the issuer."""
    s = Sheet()
    s.put(470, 40, "INVOICE", size=16)
    s.put(400, 64, "Invoice No.: 9771")
    s.put(400, 75, "Date: 12.11.2024")
    for n, text in enumerate(customer):
        s.put(40, 140 + 11 * n, text)
    _items(s, 250)
    s.put(40, 768, legal, size=6.5)
    s.put(40, 777, "Via Roma 16", size=6.5)
    s.put(230, 768, "Company register 123456", size=6.5)
    s.put(230, 777, vat, size=6.5)
    s.put(410, 768, "Bank", size=6.5)
    s.put(410, 777, "IBAN DE89 3704 0044 0532 0130 00", size=6.5)
    found = values(extract_page(s.page()))
    assert found.get("issuer.name") == legal
    assert found.get("recipient.name") == customer[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("P.I. 08682880730", "IT08682880730"),
        ("P.IVA E C.F. 07764260456", "IT07764260456"),
        ("C.F./P.IVA 36450740745", "IT36450740745"),
        ("MOMS-NR.: 92880729", "DK92880729"),
        ("SE-NR. 44018780", "DK44018780"),
        ("P.I. 08682880731", None),  # a wrong check digit
        ("MOMS-NR.: 92880728", None),
    ],
)
def test_italian_and_danish_vat_labels(text: str, expected: str | None) -> None:
    found = [number for _, number in labelled_national_vat_ids(text)]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("label", "number", "expected"),
    [
        ("Momsregistreringsnummer:", "SE551163726501", "SE551163726501"),
        ("TVA intracommunautaire :", "FR 08 600 672 919", "FR08600672919"),
        ("Umsatzsteuer-Identifikationsnummer:", "DE373128054", "DE373128054"),
    ],
)
def test_customer_vat_row_wider_than_its_block(label: str, number: str, expected: str) -> None:
    """A small business printing only tax numbers that are no VAT id; the customer's block ends with its
    VAT row, whose long label puts the id right of the block's widest line: the row starts at the block's
    edge, so the id is the customer's and the issuer has none."""
    s = Sheet()
    for n, text in enumerate(["Lund Bygg", "Storgatan 99", "988 22 Stockholm", "Org.nr: 556677-8899"]):
        s.put(40, 40 + 11 * n, text)
    s.put(380, 40, "Invoice no: INV-7449")
    s.put(380, 51, "Date: 14.11.2024")
    for n, text in enumerate(["Holm AB", "Kungsgatan 1", "127 37 Malmö", f"{label} {number}"]):
        s.put(40, 130 + 11 * n, text)
    _items(s, 250)
    found = values(extract_page(s.page()))
    assert found.get("recipient.vat_id") == expected
    assert found.get("issuer.vat_id") is None


@pytest.mark.parametrize(
    ("name", "street", "town"),
    [
        ("Colombo Costruzioni", "Via dei Mille, 129", "15859 Torino (MI)"),
        ("Materiais Moreira", "Rua do Carmo, 159", "1495-915 Braga"),
        ("Soler Suministros", "C/ Mayor, 74", "22751 Madrid"),
    ],
)
def test_letterhead_over_a_street_with_a_comma_beside_the_invoice_data(
    name: str, street: str, town: str
) -> None:
    """A letterhead without legal form whose rows share their lines with the invoice data at the right:
    "Via dei Mille, 129" is a street (its number after a comma), never the sender's name."""
    s = Sheet()
    s.put(40, 40, name)
    s.put(40, 51, street, size=9)
    s.put(40, 62, town, size=9)
    s.put(380, 40, "Invoice no.: 9593")
    s.put(380, 51, "Date: 26.11.2024")
    s.put(380, 62, "Customer no.: 69289")
    for n, text in enumerate(["Bianchi Impianti S.r.l.", "Via Garibaldi 3", "20121 Milano"]):
        s.put(40, 133 + 11 * n, text)
    _items(s, 255)
    assert values(extract_page(s.page())).get("issuer.name") == name
    assert street_only(street)


@pytest.mark.parametrize(
    ("addressee", "expected"),
    [
        ("Pan Tomasz Kowalczyk", "Tomasz Kowalczyk"),
        ("Paní Jana Horáková", "Jana Horáková"),
        ("Fru Karin Lund", "Karin Lund"),
    ],
)
def test_polish_czech_and_nordic_salutations_are_no_part_of_the_name(addressee: str, expected: str) -> None:
    """A consumer in the window under the sender's return line, addressed "Pan" / "Paní" / "Fru": the
    person is the recipient, the salutation is not part of the name and the street is not the name."""
    s = Sheet()
    s.put(330, 40, "Dahl Tryk ApS", size=12)
    s.put(330, 56, "Vesterbrogade 4, 1620 København V")
    s.put(57, 128, "Dahl Tryk ApS · Vesterbrogade 4 · 1620 København V", size=6)
    for n, text in enumerate([addressee, "ul. Długa 161", "00-238 Warszawa"]):
        s.put(57, 146 + 11 * n, text)
    s.put(360, 146, "Invoice no: INV-4711")
    s.put(360, 157, "Date: 14.11.2024")
    _items(s, 260)
    assert values(extract_page(s.page())).get("recipient.name") == expected


@pytest.mark.parametrize(
    "number_line", ["N.º cliente 67276", "Nr klienta 42065", "Kundenr. 53244", "Číslo zákazníka 4471"]
)
def test_customer_number_line_heading_the_block_is_no_name(number_line: str) -> None:
    """The customer's number printed as the block's first line ("N.º cliente", "Nr klienta", "Kundenr.",
    "Číslo zákazníka"): the name is the line under it."""
    s = Sheet()
    for n, text in enumerate(["Pinheiro & Carvalho Lda.", "Rua Augusta, 147", "7210-918 Braga"]):
        s.put(40, 40 + 11 * n, text, size=10 if n == 0 else None)
    s.put(380, 40, "Invoice no.: INV-7066")
    s.put(380, 51, "Date: 19.11.2024")
    for n, text in enumerate([number_line, "Mariana Silva", "Rua do Carmo, 11", "4759-646 Braga"]):
        s.put(40, 133 + 11 * n, text)
    _items(s, 255)
    assert values(extract_page(s.page())).get("recipient.name") == "Mariana Silva"


@pytest.mark.parametrize("town", ["3953 Aarhus C", "401 40 Göteborg", "1495-915 Braga", "A-1010 Wien"])
def test_town_line_is_no_letterhead_name(town: str) -> None:
    """The sender's name set in the invoice data's type on the data's first line, its town line in a
    slightly larger type: the postal code and town are never the name."""
    s = Sheet(font_size=8.5)
    s.put(40, 40, "Kjær Byg")
    s.put(40, 51, "Vesterbrogade 109")
    s.put(40, 64, town, size=9.5)
    s.put(380, 40, "Invoice no.: INV-5152")
    s.put(380, 51, "Date: 19.11.2024")
    for n, text in enumerate(["Bill to:", "Sørensen El-service", "Nørregade 115", "1767 Odense"]):
        s.put(40, 120 + 11 * n, text)
    _items(s, 255)
    assert values(extract_page(s.page())).get("issuer.name") == "Kjær Byg"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("VAT Reg No 865205774", "GB865205774"),
        ("USt-IdNr.: DE373128054", "DE373128054"),
        ("NIF: B12345674", "ESB12345674"),
    ],
)
def test_vat_row_right_under_the_customers_block(row: str, expected: str) -> None:
    """The customer's block stops reading at its last address line; its VAT row follows without a gap:
    the customer's id, never the sender's (who prints only its company number)."""
    s = Sheet()
    for n, text in enumerate(["Kestrel LLP", "58 High Street", "Leeds LS1 4AB", "Company No. 08123456"]):
        s.put(40, 40 + 11 * n, text)
    s.put(380, 40, "Invoice No.: INV-7709")
    s.put(380, 51, "Date: 07.11.2024")
    for n, text in enumerate(["Ashcombe Supplies LLP", "44 High Street", "York YO1 7HH", row]):
        s.put(40, 130 + 11 * n, text)
    _items(s, 260)
    found = values(extract_page(s.page()))
    assert found.get("recipient.vat_id") == expected
    assert found.get("issuer.vat_id") is None


def test_vat_id_beside_the_next_columns_label_is_no_iban() -> None:
    """ "USt-ID: DE274997348" at the left and "Rechnungsnr.: …" in the next column on the same line:
    DE27 4997 348R ECHN UNGS NR has a German IBAN's length and passes mod-97, but a German IBAN has
    digits only after its check digits; the VAT id stays the issuer's and no IBAN is read."""
    s = Sheet()
    for n, text in enumerate(
        ["Nordlicht & Kessler KG", "Lindenstraße 30", "30270 Köln", "USt-ID: DE274997348"]
    ):
        s.put(40, 40 + 11 * n, text)
    s.put(400, 73, "Rechnungsnr.: INV-9273")
    s.put(400, 84, "Datum: 20.11.2024")
    for n, text in enumerate(
        ["Rechnungsempfänger:", "Hartmann Consulting", "Berliner Straße 148", "92518 Hamburg"]
    ):
        s.put(40, 150 + 11 * n, text)
    _items(s, 260)
    found = values(extract_page(s.page()))
    assert found.get("issuer.vat_id") == "DE274997348"
    assert found.get("issuer.iban") is None


# (the name's two lines as a narrow column wraps them, the whole name)
WRAPPED = [
    (["Thistle &", "Kestrel Ltd"], "Thistle & Kestrel Ltd"),
    (["Électricité Durand", "SASU"], "Électricité Durand SASU"),
    (["Zieliński Transport", "Spółka z o.o."], "Zieliński Transport Spółka z o.o."),
    (["Procházka", "spol. s r.o."], "Procházka spol. s r.o."),
    (["Kessler Kältetechnik UG", "(haftungsbeschränkt)"], "Kessler Kältetechnik UG (haftungsbeschränkt)"),
]


@pytest.mark.parametrize(("lines", "name"), WRAPPED, ids=[w[1] for w in WRAPPED])
def test_names_wrapped_in_narrow_blocks(lines: list[str], name: str) -> None:
    """The sender's name in the header's right column beside a large title, the customer's under its
    label: both wrapped onto two lines (a word alone or ending on "&" above, forms alone below)."""
    s = Sheet()
    s.put(40, 40, "FACTURE", size=20)
    for n, text in enumerate([*lines, "133, rue des Lilas", "85571 Nantes"]):
        s.put(360, 40 + 13 * n, text)
    s.put(40, 120, "Facturé à:")
    for n, text in enumerate([*lines, "Masarykova 2", "581 93 Praha 2"]):
        s.put(40, 133 + 11 * n, text, size=8.5)
    s.put(360, 133, "Facture n°: INV-5988", size=8.5)
    s.put(360, 144, "Date: 13.11.2024", size=8.5)
    _items(s, 240)
    found = values(extract_page(s.page()))
    assert found.get("issuer.name") == name
    assert found.get("recipient.name") == name


def test_contact_person_over_the_company_is_not_joined() -> None:
    """A person's name over the company (two words, no joining word): the company alone is the name."""
    s = Sheet()
    for n, text in enumerate(["Brennwald Technik GmbH", "Hafenstraße 4", "20095 Hamburg"]):
        s.put(40, 40 + 12 * n, text, size=12 if n == 0 else None)
    s.put(380, 40, "Rechnungsnr.: R-1001")
    s.put(380, 52, "Datum: 14.03.2024")
    s.put(40, 120, "Rechnung an:")
    for n, text in enumerate(["Anna Weber", "Weber Consulting GmbH", "Lindenallee 3", "50667 Köln"]):
        s.put(40, 133 + 11 * n, text, size=8.5)
    _items(s, 240)
    assert values(extract_page(s.page())).get("recipient.name") == "Weber Consulting GmbH"


@pytest.mark.parametrize("addressee", ["Pan Piotr Mazur", "Pani Anna Mazur", "Paní Jana Nováková"])
def test_window_block_of_a_person_addressed_pan(addressee: str) -> None:
    """An unlabelled window block under a large letterhead, addressed "Pan" / "Pani" / "Paní": the
    salutation is no Indian PAN (tax number) label, so the block is the customer's, not contact data."""
    s = Sheet()
    s.put(40, 41, "Kowalski & Zieliński", size=18)
    s.put(40, 62, "ul. Długa 23 | 36-284 Warszawa", size=8)
    for n, text in enumerate([addressee, "Marszałkowska 83", "49-551 Gdańsk"]):
        s.put(40, 130 + 11 * n, text, size=8.5)
    s.put(380, 130, "Faktura nr: FV/2024/11/4213", size=8.5)
    s.put(380, 141, "Data wystawienia: 01.11.2024", size=8.5)
    s.put(40, 216, "FAKTURA VAT", size=14)
    _items(s, 240)
    assert values(extract_page(s.page())).get("recipient.name") == addressee.split(" ", 1)[1]


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("pan piotr mazur", False),
        ("pan aaacx1234f", True),
        ("pan: aaacx1234f", True),
        ("pan no. aaacx1234f", True),
    ],
)
def test_pan_is_contact_data_only_with_its_number(text: str, contact: bool) -> None:
    assert has_contact_data(text) is contact


@pytest.mark.parametrize(
    ("delivery", "billing"),
    [("Local de entrega", "Dados de faturação"), ("Morada de entrega", "Morada de faturação")],
)
def test_portuguese_billing_block_beside_the_delivery_block(delivery: str, billing: str) -> None:
    """The delivery address first, the billing address beside it: the billing block is the recipient."""
    s = Sheet()
    for n, text in enumerate(["Pinheiro Tintas S.A.", "Rua do Carmo, 164", "6481-459 Lisboa"]):
        s.put(40, 40 + 11 * n, text, size=12 if n == 0 else None)
    s.put(400, 70, "Fatura n.º: INV-5226")
    s.put(400, 81, "Data: 24.11.2024")
    s.put(40, 150, delivery)
    s.put(300, 150, billing)
    for n, (left, right) in enumerate(
        [
            ("Materiais Sousa S.A.", "Carvalho Unipessoal, Lda"),
            ("Rua do Carmo, 125", "Rua do Carmo, 101"),
            ("9892-690 Braga", "7103-182 Lisboa"),
        ]
    ):
        s.put(40, 164 + 11 * n, left)
        s.put(300, 164 + 11 * n, right)
    _items(s, 260)
    assert values(extract_page(s.page())).get("recipient.name") == "Carvalho Unipessoal, Lda"
