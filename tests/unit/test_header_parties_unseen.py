"""Issuer and recipient on hand-placed pages of invented vendors: recipient labels with trailing label
words or in two languages, a customer code or an address on the label's line, a person over the company,
return-address lines at body size (window envelopes), issuers named only beside their VAT id or as the
bank account holder, seller labels of marketplaces, postal codes that look like legal forms, and OCR
pages; one real PDF (reportlab) of a consultant's letter through the text layer."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import TextSource
from invoiceflow.domain.pdf import document_text

CUSTOMER = "Brightwater Foods Ltd"


def _letterhead(s: Sheet, name: str = "Acme Widgets GmbH") -> None:
    s.put(40, 30, name, size=16)
    s.put(40, 50, "Hauptstraße 5, 10115 Berlin")


def _items(s: Sheet) -> None:
    s.put(40, 300, "Description")
    s.put(400, 300, "Amount")
    s.put(40, 316, "Consulting")
    s.put(440, 316, "100.00", right=True)
    s.put(300, 360, "Total")
    s.put(440, 360, "100.00", right=True)


def _block(s: Sheet, x: float, y: float, lines: list[str]) -> None:
    for n, text in enumerate(lines):
        s.put(x, y + 11 * n, text)


@pytest.mark.parametrize(
    "label",
    [
        "Bill To Party",
        "Cliente / Customer",
        "Destinatario fattura:",
        "Customer name:",
        "Client name:",
        "Service for:",
        "Rechnung an:",
        "Facturado a:",
        "Gefactureerd aan:",
        "Nabywca:",
        "Kund:",
        "BILLTO",  # OCR of a small bold "Bill to" loses the space
    ],
)
def test_recipient_labels_with_label_words_after_them_or_in_other_languages(label: str) -> None:
    s = Sheet(font_size=8)
    _letterhead(s)
    s.put(40, 100, label)
    _block(s, 40, 112, [CUSTOMER, "12 Harbour Road", "D02 X285 Dublin"])
    _items(s)
    fields = values(extract_page(s.page()))
    assert fields["recipient.name"] == CUSTOMER
    assert fields["issuer.name"] == "Acme Widgets GmbH"


@pytest.mark.parametrize(
    "lines",
    [
        ["Bill to: Brightwater Foods Ltd, 12 Harbour Road, Dublin D02 X285"],
        ["Customer: K-4711", CUSTOMER, "12 Harbour Road"],
        ["Bill to", "Account: 99812", CUSTOMER, "12 Harbour Road"],
        ["BILLED TO", "Ms. Jane Doe", CUSTOMER, "12 Harbour Road"],
    ],
)
def test_recipient_name_without_its_code_address_or_contact_person(lines: list[str]) -> None:
    s = Sheet(font_size=8)
    _letterhead(s)
    _block(s, 40, 100, lines)
    _items(s)
    assert values(extract_page(s.page()))["recipient.name"] == CUSTOMER


def test_a_company_name_with_a_comma_of_its_own_stays_whole() -> None:
    s = Sheet(font_size=8)
    _letterhead(s)
    s.put(40, 100, "Bill to: Lone Star HVAC Services, Inc.")
    _block(s, 40, 112, ["900 Congress Ave", "Austin, TX 78701"])
    _items(s)
    assert values(extract_page(s.page()))["recipient.name"] == "Lone Star HVAC Services, Inc."


@pytest.mark.parametrize("separator", [" · ", " | ", " - ", ", ", " • "])
@pytest.mark.parametrize("size", [5.5, 9.0])
def test_return_address_line_over_the_window_block_at_any_size(separator: str, size: float) -> None:
    s = Sheet(font_size=9)
    s.put(40, 40, "Berger Consulting GmbH", size=14)
    s.put(40, 58, "Unternehmensberatung")
    s.put(40, 120, separator.join(["Berger Consulting GmbH", "Lindenweg 4", "80331 München"]), size=size)
    _block(s, 40, 134, [CUSTOMER, "12 Harbour Road", "D02 X285 Dublin"])
    s.put(380, 134, "München, 14.02.2024")
    s.put(40, 220, "Rechnung Nr. 2024-17", size=11)
    fields = values(extract_page(s.page()))
    assert fields["recipient.name"] == CUSTOMER
    assert fields["issuer.name"] == "Berger Consulting GmbH"


def test_a_letterhead_address_line_with_separators_is_no_return_address() -> None:
    s = Sheet(font_size=9)
    s.put(40, 40, "Berger Consulting GmbH", size=14)
    s.put(40, 58, "Lindenweg 4 · 80331 München · Tel. 089 123456")
    s.put(40, 70, "www.berger.example")
    s.put(40, 130, "Rechnungsempfänger:")
    _block(s, 40, 142, [CUSTOMER, "12 Harbour Road", "D02 X285 Dublin"])
    _items(s)
    fields = values(extract_page(s.page()))
    assert fields["recipient.name"] == CUSTOMER
    assert fields["issuer.name"] == "Berger Consulting GmbH"


@pytest.mark.parametrize(
    "footer",
    [
        ["Acme Widgets Ltd, VAT No. IE6388047V"],
        ["Bank details", "Account holder: Acme Widgets Ltd", "IBAN: IE29 AIBK 9311 5212 3456 78"],
        ["Kontoinhaber: Acme Widgets Ltd", "IBAN: IE29 AIBK 9311 5212 3456 78"],
    ],
)
def test_issuer_named_beside_its_vat_id_or_as_account_holder_under_a_logo_word(footer: list[str]) -> None:
    s = Sheet(font_size=8)
    s.put(40, 40, "ACME", size=22)
    s.put(40, 100, "Bill to:")
    _block(s, 40, 112, [CUSTOMER, "12 Harbour Road", "D02 X285 Dublin"])
    _items(s)
    _block(s, 40, 760, footer)
    assert values(extract_page(s.page()))["issuer.name"] == "Acme Widgets Ltd"


def test_the_bank_in_a_footer_line_is_not_the_issuer() -> None:
    s = Sheet(font_size=8)
    s.put(40, 40, "ACME", size=22)
    _items(s)
    s.put(40, 780, "Commerzbank AG, IBAN DE89 3704 0044 0532 0130 00")
    assert values(extract_page(s.page()))["issuer.name"] == "ACME"


@pytest.mark.parametrize(
    "label",
    [
        "Vendido por:",
        "Venditore:",
        "Prestataire :",
        "Auftragnehmer:",
        "Dienstleister:",
        "Payee:",
        "Remit to:",
    ],
)
def test_seller_labels_under_a_marketplace_brand(label: str) -> None:
    s = Sheet(font_size=8)
    s.put(40, 40, "ShopZone", size=18)
    s.put(40, 130, label)
    _block(s, 40, 144, ["Kappa Trading S.r.l.", "Via Roma 1", "20121 Milano"])
    s.put(300, 130, "Bill to:")
    _block(s, 300, 144, [CUSTOMER, "12 Harbour Road"])
    _items(s)
    fields = values(extract_page(s.page()))
    assert fields["issuer.name"] == "Kappa Trading S.r.l."
    assert fields["recipient.name"] == CUSTOMER


def test_postal_code_letters_are_no_legal_form_and_an_addressee_block_is_no_letterhead() -> None:
    s = Sheet(font_size=9)
    s.put(40, 40, "Ir. Pieter de Vries", size=14)
    s.put(40, 58, "Adviesbureau voor bouwfysica")
    s.put(40, 70, "Oudegracht 12, 3511 AB Utrecht")
    _block(
        s,
        40,
        130,
        ["Bouwbedrijf Jansen B.V.", "t.a.v. de heer M. Jansen", "Industrieweg 7", "3542 AD Utrecht"],
    )
    s.put(40, 220, "Utrecht, 14 februari 2024")
    s.put(40, 250, "Betreft: factuur 2024-017")
    fields = values(extract_page(s.page()))
    assert fields["issuer.name"] == "Ir. Pieter de Vries"
    assert fields["recipient.name"] == "Bouwbedrijf Jansen B.V."


def test_utility_account_number_is_no_postal_code_of_an_address_block() -> None:
    s = Sheet(font_size=8)
    s.put(40, 30, "Riverbend Power & Light Co.", size=14)
    for n, (label, value) in enumerate(
        [
            ("ACCOUNT NUMBER", "1122-3344-55"),
            ("STATEMENT DATE", "February 14, 2024"),
            ("AMOUNT DUE", "$245.10"),
        ]
    ):
        s.put(380, 30 + 26 * n, label)
        s.put(380, 40 + 26 * n, value)
    s.put(40, 90, "Service for:")
    _block(s, 40, 100, ["Maple Street Bakery LLC", "410 Maple St", "Austin, TX 78701"])
    assert values(extract_page(s.page()))["recipient.name"] == "Maple Street Bakery LLC"


def test_ocr_return_address_with_misread_separators_cut_into_segments() -> None:
    s = Sheet(source=TextSource.OCR, font_size=8)
    s.put(48, 36, "Vanguard Advies N.V.", size=8)
    s.put(48, 56, "Coolsingel 122")
    s.put(48, 66, "1016 DG Amsterdam")
    s.put(48, 76, "Nederland", size=12.4)
    s.put(340, 66, "Factuurnummer INV-53313")
    s.put(48, 139, "Vanguard Advies N.V.", size=4.1)
    s.put(100, 139, "- Coolsingel 122 » 1016 DG Amsterdam", size=4.1)
    _block(s, 48, 155, ["Orion Logistiek V.O.F.", "Keizersgracht 88", "1016 DG Amsterdam"])
    fields = values(extract_page(s.page()))
    assert fields["recipient.name"] == "Orion Logistiek V.O.F."
    assert fields["issuer.name"] == "Vanguard Advies N.V."


def test_ocr_box_heights_within_a_tenth_do_not_outrank_the_higher_company_name() -> None:
    s = Sheet(source=TextSource.OCR, font_size=7.5)
    s.put(50, 38, "Fattura", size=14.7)
    s.put(430, 39, "Zenith Forniture S.n.c.")
    s.put(487, 52, "Via Roma 170")
    s.put(493, 65, "00184 Roma")
    s.put(50, 78, "Northwind Consulenza S.n.c.", size=8.0)
    _block(s, 50, 90, ["Via Roma 25", "20121 Milano", "Italia"])
    s.put(50, 160, "Fattura n. 23X88913")
    fields = values(extract_page(s.page()))
    assert fields["issuer.name"] == "Zenith Forniture S.n.c."
    assert fields["recipient.name"] == "Northwind Consulenza S.n.c."


def _letter_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    height = A4[1]

    def text(x: float, y: float, value: str, size: float = 10) -> None:
        pdf.setFont("Helvetica", size)
        pdf.drawString(x, height - y - size, value)

    text(60, 50, "Mag. Lena Hofer", 16)
    text(60, 72, "Unternehmensberatung für Logistik")
    text(60, 140, "Hofer Beratung e.U., Ringstraße 8, 1010 Wien")
    text(60, 156, "Alpenblick Transporte GmbH")
    text(60, 169, "z. Hd. Herrn Gruber")
    text(60, 182, "Bahnhofstraße 21")
    text(60, 195, "6020 Innsbruck")
    text(400, 156, "Wien, 14.02.2024")
    text(60, 250, "Honorarnote Nr. HB-2024-006", 12)
    text(60, 280, "Sehr geehrter Herr Gruber,")
    text(
        60, 300, "für die Beratung im Jänner 2024 erlaube ich mir, Ihnen 4.800,00 EUR in Rechnung zu stellen."
    )
    text(60, 314, "Ich bitte Sie, den Betrag bis spätestens zum 15. März 2024 auf das Konto AT61 1904 3002")
    text(60, 328, "3457 3201 zu überweisen.")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def test_consultant_letter_as_a_real_pdf() -> None:
    page = document_text(_letter_pdf())[0]
    fields = values(extract_page(page))
    assert fields["issuer.name"] == "Hofer Beratung e.U."
    assert fields["recipient.name"] == "Alpenblick Transporte GmbH"
    assert fields["issue_date"] == "2024-02-14"
    assert fields["due_date"] == "2024-03-15"
