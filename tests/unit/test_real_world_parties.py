"""Issuer and recipient names arranged the way real invoices print them, on invented pages in several
languages: the return-address line over an address window with an empty note zone between them (the
sender's block in a right-hand column, the address drawn bottom-up in the PDF), "Attn:" before the
company billed beside a totals box, a seller's label under the items with a bracketed note under it, a
payee named in a payment sentence, a company named over its registered-office line, titles and number
lines that are no name, the page's e-mail address spelling the sender, and a window block found again
once the letterhead guess gave way to the legal name."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import OcrMode
from invoiceflow.domain.pipeline import extract_invoice


def _items(s: Sheet, y: float = 330) -> None:
    s.table(
        y,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Maintenance visit", "1", "240.00", "240.00"]],
    )


def _names(s: Sheet) -> tuple[str | None, str | None]:
    found = values(extract_page(s.page()))
    return found.get("issuer.name"), found.get("recipient.name")


# --- the return-address line over the window, a note zone between them --------------------------------


@pytest.mark.parametrize(
    ("sender_line", "sender", "window"),
    [
        (
            "Brenner & Vogt GmbH - Am Lindenhof 7 - D-04109 Leipzig",
            "Brenner & Vogt GmbH",
            ["Fahrradwerk Sommer Ltd.", "8 Harbour View", "Kowloon", "Hong Kong"],
        ),
        (
            "Atelier Morel SARL, 3 rue Victor Hugo, 69002 Lyon",
            "Atelier Morel SARL",
            ["Boulangerie Petit SAS", "14 avenue Foch", "Genève"],
        ),
        (
            "Nordkyst Consulting AS | Strandgata 4 | 5013 Bergen",
            "Nordkyst Consulting AS",
            ["Tidewater Outfitters Inc.", "220 Pier Road", "Halifax"],
        ),
    ],
)
def test_the_window_address_far_below_the_return_address_line_is_the_recipient(
    sender_line: str, sender: str, window: list[str]
) -> None:
    s = Sheet(font_size=10)
    s.put(420, 40, sender.split(maxsplit=1)[0], size=10)  # a short brand line in the right-hand column
    s.put(56, 140, sender_line, size=6.5)
    for n, text in enumerate(window):  # six line heights under the return address: the note zone
        s.put(56, 200 + 12 * n, text)
    s.put(56, 290, "Invoice", size=14)
    _items(s)
    assert _names(s) == (sender, window[0])


_HEIGHT = A4[1]


def _pdf(runs: list[tuple[float, float, str, float]]) -> bytes:
    """A one-page PDF drawing each (x, top, text, size) run in the given order."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for x, top, text, size in runs:
        c.setFont("Helvetica", size)
        c.drawString(x, _HEIGHT - top - 0.8 * size, text)
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_a_letter_whose_window_lines_are_drawn_bottom_up_reads_them_by_position() -> None:
    window = ["Kaffeerösterei Brandt e.K.", "Hafenstraße 3", "Hamburg"]
    runs = [
        (380, 40, "Kanzlei Ostwind", 16),
        (56, 150, "Kanzlei Ostwind GmbH · Deichweg 2 · 26382 Wilhelmshaven", 6.5),
        *[(56, 205 + 12 * n, window[n], 10) for n in reversed(range(len(window)))],
        (380, 200, "Kanzlei Ostwind GmbH", 8),
        (380, 210, "Deichweg 2", 8),
        (380, 220, "26382 Wilhelmshaven", 8),
        (56, 300, "Rechnung Nr. 2025-0412", 12),
        (56, 320, "Datum: 14.02.2025", 10),
        (56, 360, "Leistung", 10),
        (500, 360, "Betrag", 10),
        (56, 376, "Beratung Februar", 10),
        (500, 376, "800,00", 10),
        (400, 410, "Gesamtbetrag", 10),
        (500, 410, "952,00", 10),
    ]
    got = extract_invoice(_pdf(runs), ocr=OcrMode.AUTO)
    assert (got.issuer.name, got.recipient.name) == ("Kanzlei Ostwind GmbH", window[0])


# --- "Attn:" before the company billed; a totals box beside the label ----------------------------------


@pytest.mark.parametrize(
    ("label", "attention", "company"),
    [
        ("Bill to Address:", "ATTN: Meridian Tools B.V.", "Meridian Tools B.V."),
        ("Factuuradres:", "T.a.v. Holzbau Kern GmbH", "Holzbau Kern GmbH"),
        ("Adresse de facturation :", "À l'attention de : Ateliers Brun SARL", "Ateliers Brun SARL"),
    ],
)
def test_the_company_after_an_attention_mark_is_the_recipient_beside_a_totals_box(
    label: str, attention: str, company: str
) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Studio Nord", size=18)
    s.put(40, 100, label)
    s.put(300, 104, "TOTAL AMOUNT DUE 240.00", size=10)  # another column, between the label's lines
    s.put(40, 112, attention)
    s.put(40, 124, "Keizersgracht 10")
    s.put(40, 136, "1015 CS Amsterdam")
    _items(s, 200)
    assert _names(s)[1] == company


def test_a_person_after_an_attention_mark_still_heads_the_block() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Studio Nord", size=18)
    s.put(40, 100, "Bill to:")
    s.put(40, 112, "Attn: Maria Rossi")
    s.put(40, 124, "Harbor Foods Ltd")
    s.put(40, 136, "12 Quay Street, Galway H91 X2Y3")
    _items(s, 200)
    assert _names(s)[1] == "Harbor Foods Ltd"


# --- a seller's label under the items, a bracketed note under the label ---------------------------------


@pytest.mark.parametrize(
    ("label", "note", "seller"),
    [
        ("Service provider:", "(not a remittance address)", "Cloudway Hosting Inc."),
        ("Dienstleister:", "(keine Zahlungsanschrift)", "Cloudway Hosting GmbH"),
        ("Prestataire :", "[adresse non valable pour les paiements]", "Cloudway Hébergement SAS"),
    ],
)
def test_the_seller_under_a_label_below_the_items_is_the_issuer_not_its_note(
    label: str, note: str, seller: str
) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Cloudway Monthly Summary", size=14)
    s.put(40, 90, "Bill to:")
    s.put(40, 102, "Orbit Games Ltd")
    s.put(40, 114, "5 Dock Street, Leith EH6 6EY")
    _items(s, 200)
    s.put(380, 600, label)
    s.put(380, 610, note)
    s.put(380, 620, seller)
    s.put(380, 630, "Torstraße 9, 10119 Berlin")
    assert _names(s) == (seller, "Orbit Games Ltd")


# --- a receipt's title, the payee named in a payment sentence --------------------------------------------


@pytest.mark.parametrize(
    ("title", "customer", "sentence", "payee"),
    [
        (
            "PAYMENT RECEIPT",
            "Guest: Priya Nair",
            "All payments are to be made in favour of",
            "Lotus Inns Pvt. Ltd.",
        ),
        (
            "Zahlungsbeleg",
            "Kunde: Eva Lind",
            "Zahlungen bitte ausschließlich zugunsten der",
            "Brauhaus Nord GmbH",
        ),
        (
            "Reçu de paiement",
            "Client : Luc Hamon",
            "Tout règlement est à effectuer en faveur de",
            "Gîtes Armor SARL",
        ),
        (
            "Recibo de pago",
            "Cliente: Ana Torres",
            "Los pagos se realizarán a favor de",
            "Hostales del Sur S.L.",
        ),
    ],
)
def test_a_receipt_title_is_no_issuer_the_payee_of_the_payment_sentence_is(
    title: str, customer: str, sentence: str, payee: str
) -> None:
    s = Sheet(font_size=9)
    s.put(120, 30, title, size=11)  # beside a logo without text
    s.put(40, 60, customer)
    _items(s, 120)
    s.put(40, 400, sentence)
    s.put(40, 412, payee)
    assert _names(s) == (payee, customer.split(":")[1].strip())


# --- the company over its registered-office line ----------------------------------------------------------


@pytest.mark.parametrize(
    ("company", "legal_line"),
    [
        ("Talvik Systems GmbH", "Geschäftsführer: Jonas Weber · Amtsgericht Bremen HRB 12345"),
        ("Marisol Viajes S.L.", "Domicilio social: Calle Mayor 4, 28013 Madrid"),
        (
            "Brightline Stays Private Limited",
            "Registered Office: 4 Ring Road, Lajpat Nagar, New Delhi 110024",
        ),
        ("Lumière Réseaux SAS", "Siège social : 8 rue Clément, 75008 Paris - RCS Paris 421 938 861"),
    ],
)
def test_the_company_over_its_registered_office_line_is_the_issuer(company: str, legal_line: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Booking ID", size=12)  # a field heading over its value, not a name
    s.put(40, 46, "BK-88213")
    s.put(40, 80, "Invoice to:")
    s.put(40, 92, "Harbor Foods Ltd")
    s.put(40, 104, "12 Quay Street, Galway H91 X2Y3")
    _items(s, 200)
    s.put(230, 620, company, size=10)  # above the footer zone, the legal line under it
    s.put(100, 634, legal_line)
    assert _names(s) == (company, "Harbor Foods Ltd")


# --- titles, numbers and field headings are no name -------------------------------------------------------


@pytest.mark.parametrize("number", ["invoice_number_7", "# job_ticket_12", "project_code_77", "order_2291"])
def test_a_prominent_number_line_is_no_issuer(number: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Marta Kowalska")
    s.put(420, 30, "FAKTURA", size=18)
    s.put(420, 56, number, size=13)
    s.put(40, 100, "Nabywca:")
    s.put(40, 112, "Piekarnia Zorza")
    s.put(40, 124, "ul. Długa 5, 00-238 Warszawa")
    _items(s, 200)
    assert _names(s) == ("Marta Kowalska", "Piekarnia Zorza")


@pytest.mark.parametrize(
    ("title", "name"),
    [("Northwind Cloud Invoice", "Northwind Cloud"), ("Atelier Brun Facture", "Atelier Brun")],
)
def test_a_document_title_run_on_after_the_name_is_left_out(title: str, name: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, title, size=16)
    s.put(40, 90, "Bill to:")
    s.put(40, 102, "Orbit Games Ltd")
    s.put(40, 114, "5 Dock Street, Leith EH6 6EY")
    _items(s, 200)
    assert _names(s)[0] == name


def test_a_field_heading_over_its_value_is_no_issuer() -> None:
    s = Sheet(font_size=9)
    s.put(360, 30, "Reservation Number", size=12)
    s.put(360, 46, "RS-20931")
    s.put(40, 60, "Casa Verde Rooms")
    s.put(40, 100, "Guest:")
    s.put(40, 112, "Tomás Ferreira")
    _items(s, 200)
    assert _names(s)[0] == "Casa Verde Rooms"


# --- the page's e-mail or web address spells the sender -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "contact", "tagline"),
    [
        ("Lena Fischbach", "lena@fischbach-design.de", "Projekt Relaunch"),
        ("Joana Prates", "www.joanaprates.pt", "Fotografia e Vídeo"),
        ("Quinn Harlow", "billing@harlowquinn.com", "Spring Campaign"),
    ],
)
def test_the_name_spelt_by_the_pages_mail_address_beats_a_larger_tagline(
    name: str, contact: str, tagline: str
) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, name)
    s.put(40, 42, contact)
    s.put(400, 30, "INVOICE", size=20)
    s.put(400, 60, tagline, size=13)
    s.put(40, 120, "Bill to:")
    s.put(40, 132, "Kaffeerösterei Brandt")
    s.put(40, 144, "Hafenstraße 3, 20457 Hamburg")
    _items(s, 200)
    assert _names(s) == (name, "Kaffeerösterei Brandt")


# --- issuer and recipient stay apart ----------------------------------------------------------------------


def test_the_window_block_taken_for_the_letterhead_is_the_recipient_once_the_legal_name_is_found() -> None:
    s = Sheet(font_size=9)
    s.put(40, 40, "FACTURE", size=16)
    s.put(320, 150, "Jeanne Dupont")
    s.put(320, 162, "12 rue des Lilas")
    s.put(320, 174, "69003 Lyon")
    s.put(40, 230, "Facture n° F-2024-118")
    _items(s)
    s.put(40, 780, "Lumière Réseaux SAS au capital de 1 000 000 € - Siège social : 8 rue Clément", size=6.5)
    s.put(40, 790, "75008 Paris - RCS Paris 421 938 861", size=6.5)
    assert _names(s) == ("Lumière Réseaux SAS", "Jeanne Dupont")


# --- sentences: the seller named inside one, never the sentence itself ----------------------------------


@pytest.mark.parametrize(
    ("sentence", "seller"),
    [
        (
            "Products on this invoice are sold by Harbourline Trading Ltd. and shipped by us.",
            "Harbourline Trading Ltd.",
        ),
        ("Alle Leistungen werden erbracht von der Nordpol Cloud GmbH, Hamburg.", "Nordpol Cloud GmbH"),
        ("Les services sont fournis par la société Azur Réseaux SAS, Nice.", "Azur Réseaux SAS"),
    ],
)
def test_the_seller_named_in_a_sentence_is_the_issuer_and_the_sentence_is_no_name(
    sentence: str, seller: str
) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, sentence, size=7)  # the only text at the top: a logo carries the brand
    s.put(40, 60, "Bill to:")
    s.put(40, 72, "Ravi Kumar")
    s.put(40, 84, "44 Lake Road, Kolkata 700029")
    _items(s, 200)
    assert _names(s) == (seller, "Ravi Kumar")


def test_a_lower_case_legal_form_is_no_prose() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Zielona Dolina Sp. z o.o.", size=14)
    s.put(40, 90, "Nabywca:")
    s.put(40, 102, "Piekarnia Zorza")
    s.put(40, 114, "ul. Długa 5, 00-238 Warszawa")
    _items(s, 200)
    assert _names(s) == ("Zielona Dolina Sp. z o.o.", "Piekarnia Zorza")


# --- a window block at body size taken for the letterhead; the footer's name matches the web address ------


@pytest.mark.parametrize(
    ("window", "footer", "web", "issuer"),
    [
        (
            ["Tidewater Outfitters Ltd.", "220 Pier Road", "Kowloon", "Hong Kong"],
            "Seewind Hosting GmbH",
            "www.seewind-hosting.de",
            "Seewind Hosting GmbH",
        ),
        (
            ["Fonderie Rinaldi S.r.l.", "Via Roma 12", "Bergamo", "Italia"],
            "Kestrel Data Ltd",
            "accounts@kestreldata.co.uk",
            "Kestrel Data Ltd",
        ),
    ],
)
def test_a_window_block_is_the_recipient_when_the_footer_name_matches_the_web_address(
    window: list[str], footer: str, web: str, issuer: str
) -> None:
    s = Sheet(font_size=9)
    for n, text in enumerate(window):
        s.put(60, 150 + 12 * n, text)
    s.put(56, 240, "Invoice", size=13)
    _items(s, 300)
    s.put(56, 770, footer, size=7)
    s.put(56, 778, "Kaiweg 3, D-24103 Kiel", size=7)
    s.put(56, 786, web, size=7)
    s.put(250, 770, "VAT DE123456789", size=7)
    assert _names(s) == (issuer, window[0])


# --- the customer named in a field, a subscriber, who ordered -----------------------------------------------


@pytest.mark.parametrize(
    "field",
    [
        "Nom du client : Claire Bonnet",
        "Nombre del cliente: Claire Bonnet",
        "Abonné : Claire Bonnet",
        "Abonnentin: Claire Bonnet",
        "Purchased by: Claire Bonnet",
        "Commande passée par : Claire Bonnet",
        "Bestellt von: Claire Bonnet",
    ],
)
def test_the_customer_named_in_a_field_is_the_recipient(field: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Kiosque Numérique SAS", size=14)
    s.put(40, 50, "12 rue de Paris, 75002 Paris")
    s.put(40, 100, field)
    s.put(350, 100, "Facture N° 2024-77")
    s.put(350, 112, "Date : 12/03/2024")
    _items(s, 200)
    assert _names(s) == ("Kiosque Numérique SAS", "Claire Bonnet")


def test_the_billed_party_wins_over_who_ordered() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Kiosque Numérique SAS", size=14)
    s.put(40, 100, "Commandé par :")
    s.put(40, 112, "Julien Faure")
    s.put(300, 100, "Facturé à :")
    s.put(300, 112, "Médiathèque de Vannes")
    s.put(300, 124, "2 place Maurice Marchais, 56000 Vannes")
    _items(s, 200)
    assert _names(s)[1] == "Médiathèque de Vannes"


# --- a window address without any postal code ------------------------------------------------------------


@pytest.mark.parametrize(
    "window",
    [
        ["Tidewater Outfitters Ltd.", "220 Pier Road", "Kowloon", "Hong Kong"],
        ["Paul Girard", "3 impasse des Roses", "Bordeaux"],
        ["Al Noor Trading LLC", "Office 12, Sheikh Zayed Road", "Dubai"],
    ],
)
def test_a_window_address_without_postal_code_is_the_recipient(window: list[str]) -> None:
    s = Sheet(font_size=9)
    s.put(380, 40, "Seewind Hosting", size=20)
    for n, text in enumerate(window):
        s.put(320, 150 + 12 * n, text)
    s.put(56, 240, "Invoice", size=13)
    _items(s, 300)
    assert _names(s) == ("Seewind Hosting", window[0])


def test_a_column_of_words_without_a_street_line_is_no_window() -> None:
    s = Sheet(font_size=9)
    s.put(380, 40, "Seewind Hosting", size=20)
    for n, text in enumerate(["Cloud services", "Backups and monitoring", "Support"]):
        s.put(320, 150 + 12 * n, text)
    s.put(56, 240, "Invoice", size=13)
    _items(s, 300)
    assert _names(s)[1] is None


def test_a_care_of_company_still_heads_the_block_it_does_not_name() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Studio Nord", size=18)
    s.put(40, 100, "Bill to:")
    s.put(40, 112, "c/o Regus Offices Ltd")
    s.put(40, 124, "Jonas Lindqvist")
    s.put(40, 136, "Kungsgatan 12, 111 43 Stockholm")
    _items(s, 200)
    assert _names(s)[1] == "Jonas Lindqvist"


def test_a_brand_block_larger_than_the_body_is_not_taken_for_the_customers_window() -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "SKYLINE", size=24)
    s.put(40, 60, "Skyline Studios", size=14)
    s.put(40, 78, "4 Mill Road", size=14)
    s.put(40, 96, "Cambridge CB1 2AD", size=14)
    s.put(360, 140, "Invoice date: 03/02/2025")
    s.put(360, 152, "Payment terms: 30 days")
    _items(s, 200)
    s.put(40, 260, "Thank you for your business.")
    s.put(40, 780, "Northwind Media Ltd is registered in England, company no. 01234567.", size=7)
    assert _names(s) == ("Northwind Media Ltd", None)
