"""Where a party's name starts and ends when more text shares its line: salutations and labels before it,
an address, a customer number, a date, a page number or contact data after it, a right-hand column beside
it, a brand printed with its legal owner, a tag line, an owner line, a letter-spaced letterhead. Names with
their legal form ("GmbH & Co. KG", "Sp. z o.o.", "S.L.U.") are never cut inside it. Invented vendors only."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.party_names import name_head
from invoiceflow.domain.models import OcrMode
from invoiceflow.domain.pipeline import extract_invoice

_SENDER = ["Nordlicht Studio GmbH", "Hafenstraße 3", "20457 Hamburg"]


def _names(issuer: list[str], billed: list[str], label: str | None = "Bill to:") -> tuple[str, str]:
    """Issuer and recipient names of a page: letterhead top left, a labelled block, one item, a total."""
    s = Sheet(font_size=9)
    size = 16 if len(issuer[0]) <= 28 else 11
    s.put(40, 30, issuer[0], size=size)
    for n, text in enumerate(issuer[1:]):
        s.put(40, 34 + size + 12 * n, text)
    s.put(400, 30, "Invoice No. 2025-117")
    s.put(400, 42, "Date 03.03.2025")
    y = 150
    if label:
        s.put(40, y, label)
        y += 12
    for n, text in enumerate(billed):
        s.put(40, y + 12 * n, text)
    s.table(
        330,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Consulting services", "1", "100.00", "100.00"]],
    )
    s.put(470, 380, "Total", right=True)
    s.put(555, 380, "100.00", right=True)
    found = values(extract_page(s.page()))
    return found.get("issuer.name", ""), found.get("recipient.name", "")


def _billed(first: str) -> list[str]:
    return [first, "Lindenweg 7", "80331 München"]


# --- before the name: salutations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Herrn Jonas Weber", "Jonas Weber"),
        ("Frau Anna Schmidt", "Anna Schmidt"),
        ("Mme Claire Martin", "Claire Martin"),
        ("M. Jean Dupont", "Jean Dupont"),
        ("Mrs Jane Doe", "Jane Doe"),
        ("Sra. María López", "María López"),
        ("Dña. Carmen Ruiz", "Carmen Ruiz"),
        ("Dhr. Jan de Vries", "Jan de Vries"),
        ("Sig.ra Giulia Bianchi", "Giulia Bianchi"),
        ("Herr Dr. Stefan Braun", "Dr. Stefan Braun"),  # an academic title stays with the name
        ("Firma Elektro Haas e.K.", "Elektro Haas e.K."),
    ],
)
def test_a_salutation_on_the_name_line_is_not_part_of_the_name(line: str, name: str) -> None:
    assert _names(_SENDER, _billed(line))[1] == name


def test_a_salutation_word_inside_a_company_name_with_legal_form_stays() -> None:
    # "Mr Price" is the company's name, not a salutation: a legal form follows.
    assert _names(_SENDER, _billed("Mr Price Trading Ltd"))[1] == "Mr Price Trading Ltd"


# --- after the name: address, numbers, dates, pages, contact data -------------------------------------


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Weber Logistik GmbH, Lindenweg 7, 80331 München", "Weber Logistik GmbH"),
        ("Harbor Foods Ltd, Unit 4, Quay Street, Galway", "Harbor Foods Ltd"),
        ("Harbor Foods Ltd. 12 Quay Street", "Harbor Foods Ltd."),
        ("Weber Logistik GmbH Lindenweg 7 80331 München", "Weber Logistik GmbH"),
        ("Harbor Foods Ltd / Acct 44710", "Harbor Foods Ltd"),
        ("Harbor Foods Ltd 03.03.2025", "Harbor Foods Ltd"),
        ("Harbor Foods Ltd Seite 1/2", "Harbor Foods Ltd"),
        ("Harbor Foods Ltd Tel. +353 91 555 123", "Harbor Foods Ltd"),
        ("Harbor Foods Ltd VAT IE6388047V", "Harbor Foods Ltd"),
    ],
)
def test_what_runs_on_after_the_recipients_name_is_left_out(line: str, name: str) -> None:
    assert _names(_SENDER, _billed(line))[1] == name


@pytest.mark.parametrize(
    "name",
    [
        "Kessler Messebau GmbH & Co. KG",
        "Kowalski Sp. z o.o.",
        "Ibérica Textil S.L.U.",
        "Sharma Traders Pvt. Ltd.",
        "Acme Holdings, Inc.",
        "Nguyen Trading Co., Ltd.",
        "Studio 54 GmbH",
        "3M Deutschland GmbH",
    ],
)
def test_a_name_with_its_address_on_one_line_keeps_its_whole_legal_form(name: str) -> None:
    assert _names(_SENDER, _billed(f"{name}, Lindenweg 7, 80331 München"))[1] == name
    assert _names([f"{name} · Hafenstraße 3 · 20457 Hamburg"], _billed("Harbor Foods Ltd"))[0] == name


# --- the issuer: brand and legal owner, tag lines, owners, dates -----------------------------------------


@pytest.mark.parametrize(
    ("letterhead", "name"),
    [
        ("Brightline — a division of Harbor Logistics Ltd", "Harbor Logistics Ltd"),
        ("Kornblume Backwaren, eine Marke der Korn GmbH", "Korn GmbH"),
        ("Casa Sol, una marca de Grupo Sol S.L.", "Grupo Sol S.L."),
        ("Harbor Logistics Ltd trading as Brightline", "Harbor Logistics Ltd"),
        ("Brightline (Harbor Logistics Ltd)", "Harbor Logistics Ltd"),
    ],
)
def test_a_brand_printed_with_its_legal_owner_gives_the_legal_name(letterhead: str, name: str) -> None:
    assert _names([letterhead, "1 Canal Street", "Manchester M1 3HE"], _billed("Weber GmbH"))[0] == name


@pytest.mark.parametrize(
    ("letterhead", "name"),
    [
        ("Atelier Brun SARL, votre partenaire", "Atelier Brun SARL"),
        ("Nordlicht Studio | gestaltet mit Liebe seit 1998", "Nordlicht Studio"),
        ("Nordlicht Studio – Ihr Partner für Design", "Nordlicht Studio"),
        ("Nordlicht Studio GmbH 03.03.2025", "Nordlicht Studio GmbH"),
        ("Nordlicht Studio GmbH Seite 1 von 2", "Nordlicht Studio GmbH"),
    ],
)
def test_a_tag_line_date_or_page_after_the_letterhead_name_is_left_out(letterhead: str, name: str) -> None:
    assert _names([letterhead, "Hafenstraße 3", "20457 Hamburg"], _billed("Weber GmbH"))[0] == name


@pytest.mark.parametrize(
    ("brand", "legal"),
    [("ORBIS", "SIA Dzintara Tirdzniecība"), ("KESKO", "Pohjolan Kauppa Oy"), ("ZEFIR", "Handel Nord GmbH")],
)
@pytest.mark.parametrize("brand_size", [13.0, 26.0])
def test_one_brand_word_of_any_size_over_a_legal_name_gives_the_legal_name(
    brand: str, legal: str, brand_size: float
) -> None:
    s = Sheet(font_size=9)
    s.put(120, 20, brand, size=brand_size)
    s.put(110, 30 + brand_size, legal)
    s.put(60, 42 + brand_size, "Parauga iela 1, LV-1010 Rīga")
    s.put(40, 300, "Kopā apmaksai EUR")
    s.put(300, 300, "22,94", right=True)
    assert values(extract_page(s.page()))["issuer.name"] == legal


def test_an_owner_line_is_never_the_issuers_name() -> None:
    lines = ["Inh. Anna Korn", "Bäckerei Korn", "Hafenstraße 3", "20457 Hamburg"]
    assert _names(lines, _billed("Weber GmbH"))[0] == "Bäckerei Korn"


def test_a_letter_spaced_letterhead_is_read_as_its_words() -> None:
    s = Sheet(font_size=9)
    x = 40.0
    for word in ("NORDLICHT", "STUDIO"):
        for letter in word:
            s.put(x, 30, letter, size=16)
            x += 15.6  # each letter alone, tracked wide; a wider gap between the words
        x += 5
    for n, text in enumerate(["Hafenstraße 3", "20457 Hamburg"]):
        s.put(40, 52 + 12 * n, text)
    s.put(400, 30, "Invoice No. 2025-117")
    for n, text in enumerate(["Bill to:", "Harbor Foods Ltd", "Lindenweg 7", "80331 München"]):
        s.put(40, 150 + 12 * n, text)
    s.put(470, 380, "Total", right=True)
    s.put(555, 380, "100.00", right=True)
    assert values(extract_page(s.page()))["issuer.name"] == "NORDLICHT STUDIO"


def test_a_tracked_letterhead_in_a_pdf_is_not_cut_at_its_word_gap() -> None:
    # Character spacing (PDF Tc) makes the gap between the words wider than a column gap.
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    text = c.beginText(56, 842 - 50)
    text.setFont("Helvetica-Bold", 16)
    text.setCharSpace(6)
    text.textLine("VELDKAMP ARCHITECTEN")
    text.setCharSpace(0)
    c.drawText(text)
    c.setFont("Helvetica", 10)
    runs = [
        (56, 80, "Prinsengracht 12"),
        (56, 92, "1015 DV Amsterdam"),
        (380, 60, "Factuur 2025-0412"),
        (380, 72, "Datum: 14.02.2025"),
        (56, 150, "Factuur aan:"),
        (56, 162, "Dhr. Pieter Jansen"),
        (56, 174, "Lindelaan 7"),
        (56, 186, "3511 AB Utrecht"),
        (56, 300, "Omschrijving"),
        (500, 300, "Bedrag"),
        (56, 316, "Ontwerp"),
        (500, 316, "800,00"),
        (400, 340, "Totaal"),
        (500, 340, "800,00"),
    ]
    for x, top, run in runs:
        c.drawString(x, 842 - top, run)
    c.showPage()
    c.save()
    got = extract_invoice(buffer.getvalue(), ocr=OcrMode.AUTO)
    assert (got.issuer.name, got.recipient.name) == ("VELDKAMP ARCHITECTEN", "Pieter Jansen")


# --- a right-hand column on the same text line --------------------------------------------------------


@pytest.mark.parametrize("beside", ["Kundennr. 12345", "Invoice No: 42", "03.03.2025", "Page 1 of 2"])
def test_a_right_hand_column_on_the_names_line_is_not_part_of_it(beside: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Nordlicht Studio GmbH", size=16)
    for n, text in enumerate(["Bill to:", "Weber Logistik GmbH", "Lindenweg 7", "80331 München"]):
        s.put(40, 150 + 12 * n, text)
    s.put(300, 162, beside)
    s.put(470, 380, "Total", right=True)
    s.put(555, 380, "100.00", right=True)
    assert values(extract_page(s.page()))["recipient.name"] == "Weber Logistik GmbH"


# --- the helper itself ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Smith - Jones", "Müller-Lüdenscheidt", "Société Durand SARL", "Smith and Sons Ltd", "Dr. Oetker KG"],
)
def test_names_without_run_on_text_stay_whole(name: str) -> None:
    assert name_head(name) == name


# --- labels on the name's line, more run-on data, fields of another column at word spacing -------------


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("An:", "Weber Logistik GmbH"),
        ("Aan:", "Van Dijk B.V."),
        ("Para:", "Ibérica Textil S.L."),
        ("Kundenname:", "Weber Logistik GmbH"),
    ],
)
def test_a_recipient_label_on_the_names_line_is_not_part_of_it(label: str, name: str) -> None:
    assert _names(_SENDER, _billed(f"{label} {name}"), label=None)[1] == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Von: Nordlicht Studio GmbH", "Nordlicht Studio GmbH"),
        ("De : Atelier Brun SARL", "Atelier Brun SARL"),
        ("Supplier Name: Harbor Logistics Ltd", "Harbor Logistics Ltd"),
        ("Rechnung der Nordlicht Studio GmbH", "Nordlicht Studio GmbH"),
    ],
)
def test_a_sender_label_or_title_on_the_issuers_line_is_not_part_of_it(line: str, name: str) -> None:
    assert _names([line, "Hafenstraße 3", "20457 Hamburg"], _billed("Weber GmbH"))[0] == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Weber Logistik GmbH Abt. Einkauf", "Weber Logistik GmbH"),
        ("Weber Logistik GmbH – Herr Maier", "Weber Logistik GmbH"),
        ("Harbor Foods Ltd (Ireland)", "Harbor Foods Ltd"),
        ("Harbor Foods Ltd Ref: PO-4471", "Harbor Foods Ltd"),
        ("Harbor Foods Ltd PO 4500012345", "Harbor Foods Ltd"),
    ],
)
def test_a_department_person_or_reference_after_the_legal_form_is_left_out(line: str, name: str) -> None:
    assert _names(_SENDER, _billed(line))[1] == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Nordlicht Studio GmbH Geschäftsführer: Jan Berg", "Nordlicht Studio GmbH"),
        ("Nordlicht Studio GmbH info@nordlicht-studio.de", "Nordlicht Studio GmbH"),
        ("Fjord Maskin AS Org.nr. 912 345 678", "Fjord Maskin AS"),
    ],
)
def test_registry_or_contact_data_after_the_issuers_legal_form_is_left_out(line: str, name: str) -> None:
    assert _names([line, "Hafenstraße 3", "20457 Hamburg"], _billed("Weber GmbH"))[0] == name


@pytest.mark.parametrize(
    "beside", ["Invoice No. 2025-117", "Date: 03.03.2025", "Kundennr. 12345", "Page 1 of 2"]
)
@pytest.mark.parametrize("name", ["Daniel Harper", "Harbor Foods"])
@pytest.mark.parametrize("label_on_line", [False, True])
def test_a_field_of_another_column_one_space_after_the_name_is_not_part_of_it(
    beside: str, name: str, label_on_line: bool
) -> None:
    # Names without a legal form: only the field's label tells where the name ends.
    s = Sheet(font_size=9)
    s.put(40, 30, "Nordlicht Studio GmbH", size=16)
    if not label_on_line:
        s.put(40, 150, "Bill to:")
    s.put(40, 162, f"Bill to: {name} {beside}" if label_on_line else f"{name} {beside}")
    for n, text in enumerate(["Lindenweg 7", "80331 München"]):
        s.put(40, 174 + 12 * n, text)
    s.put(470, 380, "Total", right=True)
    s.put(555, 380, "100.00", right=True)
    assert values(extract_page(s.page()))["recipient.name"] == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Ravi Kumar ravi.kumar@example.com", "Ravi Kumar"),
        ("Ravi Kumar +91 98450 12345", "Ravi Kumar"),
        ("Mr. Ravi Kumar (Customer ID 4471)", "Ravi Kumar"),
    ],
)
def test_contact_data_or_a_customer_number_after_a_persons_name_is_left_out(line: str, name: str) -> None:
    assert _names(["Harbor Logistics Ltd"], [line, "12 MG Road", "Bengaluru 560001"])[1] == name


@pytest.mark.parametrize(
    ("owner_line", "name"),
    [
        ("a division of Harbor Logistics Ltd", "Harbor Logistics Ltd"),
        ("Ein Unternehmen der Korn Gruppe GmbH", "Korn Gruppe GmbH"),
        ("une marque de Atelier Brun SARL", "Atelier Brun SARL"),
    ],
)
def test_the_legal_owner_named_under_a_brand_is_the_issuer(owner_line: str, name: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Brightline", size=20)
    s.put(40, 54, owner_line, size=8)
    s.put(40, 66, "1 Canal Street, Manchester M1 3HE", size=8)
    for n, text in enumerate(["Bill to:", "Weber GmbH", "Lindenweg 7", "80331 München"]):
        s.put(40, 150 + 12 * n, text)
    s.put(470, 380, "Total", right=True)
    s.put(555, 380, "100.00", right=True)
    assert values(extract_page(s.page()))["issuer.name"] == name


# --- names whose own words look like what the rules cut --------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Bar 21 UG (haftungsbeschränkt)",  # the bracket belongs to the legal form
        "Nordwind GmbH (i.L.)",
        "Harbor Foods Ltd (in liquidation)",
        "Müller – Schmidt und Partner",  # a firm of partners, not a tag line
        "Dupont – Martin et Associés",
        "Van Dijk – Bakker en Zonen",
        "Müller, 2. Generation GmbH",  # the comma part with a digit ends with the legal form: no address
        "D. J. Smith",  # initials, not "D." (Don) or "M." (Monsieur)
        "M. A. Kowalski",
    ],
)
def test_a_name_whose_own_words_look_like_run_on_text_stays_whole(name: str) -> None:
    assert _names(_SENDER, _billed(name))[1] == name
    assert _names([name, "Hafenstraße 3", "20457 Hamburg"], _billed("Weber GmbH"))[0] == name


def test_digits_and_slashes_that_are_no_date_stay_in_the_recipients_name() -> None:
    assert _names(_SENDER, _billed("IT Support 24/7/365"))[1] == "IT Support 24/7/365"


def test_a_legal_status_in_brackets_stays_and_contact_data_after_it_is_cut() -> None:
    assert name_head("Bar 21 UG (haftungsbeschränkt) Tel. 040 123 456") == "Bar 21 UG (haftungsbeschränkt)"


@pytest.mark.parametrize("name", ["Bright Date Events Ltd", "Anna Date", "Pedro Fecha"])
@pytest.mark.parametrize("label_on_line", [False, True])
def test_a_label_word_inside_the_recipients_name_ends_no_name(name: str, label_on_line: bool) -> None:
    # "Date" or "Fecha" with no value after it is a word of the name, not a field of another column.
    s = Sheet(font_size=9)
    s.put(40, 30, "Nordlicht Studio GmbH", size=16)
    if not label_on_line:
        s.put(40, 150, "Bill to:")
    s.put(40, 162, f"Bill to: {name}" if label_on_line else name)
    for n, text in enumerate(["Lindenweg 7", "80331 München"]):
        s.put(40, 174 + 12 * n, text)
    s.put(470, 380, "Total", right=True)
    s.put(555, 380, "100.00", right=True)
    assert values(extract_page(s.page()))["recipient.name"] == name


# --- wide gaps inside a name; a label's word that starts a name --------------------------------------------


def _spaced(parts: list[str], gap: float = 12.0) -> list[tuple[float, str]]:
    """The parts of one line at 9 pt, each gap ``gap`` points (over one em: the layer cuts segments)."""
    placed, x = [], 40.0
    for part in parts:
        placed.append((x, part))
        x += len(part) * 0.6 * 9 + 0.3 * 9 * (len(part.split()) - 1) + gap
    return placed


def _spaced_recipient(parts: list[str], beside: str | None = None, label: str = "Bill to:") -> str:
    s = Sheet(font_size=9)
    s.put(40, 30, "Nordlicht Studio GmbH", size=16)
    for n, text in enumerate(["Hafenstraße 3", "20457 Hamburg"]):
        s.put(40, 52 + 12 * n, text)
    s.put(400, 30, "Invoice No. 2025-117")
    s.put(40, 150, label)
    for x, part in _spaced(parts):
        s.put(x, 162, part)
    if beside:
        s.put(300, 162, beside)
    for n, text in enumerate(["Lindenweg 7", "80331 München"]):
        s.put(40, 174 + 12 * n, text)
    s.put(470, 380, "Total", right=True)
    s.put(555, 380, "100.00", right=True)
    return values(extract_page(s.page())).get("recipient.name", "")


@pytest.mark.parametrize(
    ("parts", "name"),
    [
        (["Hotel Zur Post", "GmbH & Co. KG"], "Hotel Zur Post GmbH & Co. KG"),
        (["Studio", "54 GmbH"], "Studio 54 GmbH"),
        (["Anna und Paul", "Weber"], "Anna und Paul Weber"),
        (["Ferreira", "Irmãos", "Lda"], "Ferreira Irmãos Lda"),
        (["Boulangerie", "Dupont SARL"], "Boulangerie Dupont SARL"),
        (["Van der", "Berg B.V."], "Van der Berg B.V."),
    ],
)
def test_a_name_spaced_out_across_a_wide_gap_is_read_whole(parts: list[str], name: str) -> None:
    # Justified address windows set the words of one name a little more than an em apart.
    assert _spaced_recipient(parts, label="Rechnung an:") == name


@pytest.mark.parametrize(
    ("parts", "name"),
    [
        (["Atelier", "Brun SARL"], "Atelier Brun SARL"),
        (["Hotel Zur Post", "GmbH & Co. KG"], "Hotel Zur Post GmbH & Co. KG"),
        (["Kowalski", "Sp. z o.o."], "Kowalski Sp. z o.o."),
    ],
)
def test_a_letterhead_spaced_out_across_a_wide_gap_is_read_whole(parts: list[str], name: str) -> None:
    s = Sheet(font_size=9)
    x = 40.0
    for part in parts:
        s.put(x, 30, part, size=16)
        x += len(part) * 0.6 * 16 + 0.3 * 16 * (len(part.split()) - 1) + 20
    for n, text in enumerate(["Hafenstraße 3", "20457 Hamburg"]):
        s.put(40, 52 + 12 * n, text)
    s.put(400, 80, "Invoice No. 2025-117")
    for n, text in enumerate(["Bill to:", "Harbor Foods Ltd", "Lindenweg 7", "80331 München"]):
        s.put(40, 150 + 12 * n, text)
    s.put(470, 380, "Total", right=True)
    s.put(555, 380, "100.00", right=True)
    assert values(extract_page(s.page()))["issuer.name"] == name


@pytest.mark.parametrize("beside", ["Kundennr. 12345", "Invoice No: 42", "03.03.2025", "Rechnung"])
@pytest.mark.parametrize("name", ["Acme GmbH", "Harbor Foods"])
def test_a_right_hand_column_after_a_wide_gap_is_still_cut(beside: str, name: str) -> None:
    s = Sheet(font_size=9)
    s.put(40, 30, "Nordlicht Studio GmbH", size=16)
    s.put(40, 150, "Bill to:")
    s.put(40, 162, name)
    s.put(40 + len(name) * 5.4 + 14, 162, beside)  # about 1.5 em after the name
    for n, text in enumerate(["Lindenweg 7", "80331 München"]):
        s.put(40, 174 + 12 * n, text)
    s.put(470, 380, "Total", right=True)
    s.put(555, 380, "100.00", right=True)
    assert values(extract_page(s.page()))["recipient.name"] == name


def test_a_second_column_of_names_is_not_joined_to_the_first() -> None:
    # Sender and customer side by side, their address lines starting at the same x as the names.
    s = Sheet(font_size=9)
    s.put(40, 30, "Nordlicht Studio GmbH", size=16)
    s.put(40, 150, "Bill to:")
    s.put(200, 150, "Ship to:")
    for n, (left, right) in enumerate(
        [("Harbor Foods", "Weber Logistik GmbH"), ("Quay Street 4", "Lindenweg 7")]
    ):
        s.put(40, 162 + 12 * n, left)
        s.put(200, 162 + 12 * n, right)
    s.put(470, 380, "Total", right=True)
    s.put(555, 380, "100.00", right=True)
    assert values(extract_page(s.page()))["recipient.name"] == "Harbor Foods"


@pytest.mark.parametrize(
    "name",
    [
        "Customer Care Partners LLP",
        "Client First Ltd",
        "Kunde & Partner GmbH",
        "Cliente Ideal S.L.",
        "Buyer Direct Inc.",
    ],
)
def test_a_label_word_that_starts_a_company_name_stays_in_it(name: str) -> None:
    assert _names(_SENDER, _billed(name))[1] == name
    assert _names([name, "Hafenstraße 3", "20457 Hamburg"], _billed("Weber GmbH"))[0] == name


@pytest.mark.parametrize(
    ("line", "name"), [("Kunde: Foo GmbH", "Foo GmbH"), ("Customer: Harbor Foods Ltd", "Harbor Foods Ltd")]
)
def test_a_label_with_its_colon_before_a_name_is_still_a_label(line: str, name: str) -> None:
    assert _names(_SENDER, _billed(line), label=None)[1] == name
