"""Mechanisms learnt from the fourth round of real tuning invoices, on pages of our own invention in
several languages: a two-line column label straddling a header row whose other labels are centred in it,
the last of two price columns being the line amount, units written in the quantity cell, a plain list of
charges with its amounts set flush left (a zero charge included), a sender's name wrapped onto two lines
over the addressee's block (salutation first), and a delivery-address label whose column must not
swallow the billed customer's block beside it."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, d, items, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.context import analyse
from invoiceflow.domain.extraction.item_header import header_columns
from invoiceflow.domain.extraction.layout import build_lines
from invoiceflow.domain.extraction.line_items import extract_items
from invoiceflow.domain.models import TextSource

# --- a header row with a straddling two-line label -------------------------------------------------------

STRADDLED = {
    # language: (description, quantity, discount, (upper, lower) unit price, line amount, units)
    "en": ("Description", "Quantity", "Disc.", ("Unit", "cost"), "Price", ("pcs", "pcs", "h")),
    "es": ("Descripción", "Cantidad", "Dto.", ("Precio", "unitario"), "Importe", ("uds", "uds", "h")),
    "de": ("Bezeichnung", "Menge", "Rabatt", ("Preis pro", "Einheit"), "Betrag", ("Stück", "Stück", "Std.")),
}


@pytest.mark.parametrize("language", sorted(STRADDLED))
def test_a_label_straddling_the_header_row_joins_it(language: str) -> None:
    description, quantity, discount, (upper, lower), amount, units = STRADDLED[language]
    s = Sheet(font_size=10)
    s.put(40, 40, "Lindqvist Verktyg AB", size=16)
    s.put(40, 62, "Storgatan 4, 111 22 Stockholm")
    # The one-line labels are centred in the header row; the two-line one sits half a line above and
    # below them, in its own column.
    s.put(380, 300, upper)
    s.put(150, 305.5, description)
    s.put(300, 305.5, quantity)
    s.put(460, 305.5, discount)
    s.put(530, 305.5, amount)
    s.put(380, 311, lower)
    rows = [
        ("Torque wrench set", f"3 {units[0]}", "40,00 €", "10%", "108,00 €"),
        ("Socket adapter", f"12 {units[1]}", "2,50 €", "", "30,00 €"),
        ("Calibration service", f"2,00 {units[2]}", "65,00 €", "", "130,00 €"),
    ]
    for n, (text, qty, price, disc, total) in enumerate(rows):
        y = 330 + 18 * n
        s.put(40, y, text)
        s.put(335, y, qty, right=True)
        s.put(430, y, price, right=True)
        if disc:
            s.put(485, y, disc, right=True)
        s.put(570, y, total, right=True)
    s.put(460, 400, "Total")
    s.put(570, 400, "268,00 €", right=True)
    # The header is read as one row (its labels decide the columns, not a guess from the figures).
    ctx = analyse(s.page())
    table = extract_items(ctx, ctx.style)
    assert table.header_line is not None
    assert ctx.lines[table.header_line].text.startswith(description)
    got = items(extract_page(s.page()))
    assert [(text, qty, amount) for text, qty, _, amount in got] == [
        ("Torque wrench set", d("3"), d("108.00")),
        ("Socket adapter", d("12"), d("30.00")),
        ("Calibration service", d("2.00"), d("130.00")),
    ]
    assert [price for _, _, price, _ in got][1:] == [d("2.50"), d("65.00")]


@pytest.mark.parametrize(
    ("labels", "kinds"),
    [
        (["Article", "Qté", "Prix unitaire", "Prix HT"], ["description", "quantity", "unit_price", "amount"]),
        (["Item", "Qty", "Unit price", "Price"], ["description", "quantity", "unit_price", "amount"]),
        # one price column only: it stays the unit price (the rows' figures decide later)
        (["Item", "Qty", "Price", "Total"], ["description", "quantity", "unit_price", "amount"]),
    ],
)
def test_the_last_of_two_price_columns_is_the_line_amount(labels: list[str], kinds: list[str]) -> None:
    s = Sheet(font_size=10)
    for x, label in zip((40, 250, 340, 480), labels, strict=True):
        s.put(x, 300, label)
    (line,) = build_lines(s.page())
    assert [c.kind for c in header_columns(line)] == kinds


def test_a_label_above_a_header_label_is_no_straddling_half() -> None:
    """A title over the header's own label (not in a gap between labels) is not half a label: the header
    row is read alone and the rows as before."""
    s = Sheet(font_size=10)
    s.put(40, 40, "Ostrava Print s.r.o.", size=16)
    s.put(150, 294, "Services")
    s.put(150, 305.5, "Description")
    s.put(300, 305.5, "Qty")
    s.put(530, 305.5, "Amount")
    s.put(150, 317, "billed")
    s.put(40, 335, "Poster printing A1")
    s.put(320, 335, "4", right=True)
    s.put(570, 335, "80.00", right=True)
    s.put(40, 353, "Folding and binding")
    s.put(320, 353, "1", right=True)
    s.put(570, 353, "25.00", right=True)
    s.put(460, 380, "Total")
    s.put(570, 380, "105.00", right=True)
    assert [(text, amount) for text, _, _, amount in items(extract_page(s.page()))] == [
        ("Poster printing A1", d("80.00")),
        ("Folding and binding", d("25.00")),
    ]


# --- a plain list of charges, amounts flush left -----------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "charges", "total_label"),
    [
        (
            "Paid for:",
            [("Service charge", "$0.00"), ("Ticket", "$45.50"), ("Seat upgrade", "$12.00")],
            "Total",
        ),
        (
            "Bezahlt für:",
            [("Versand", "0,00 €"), ("Jahreslizenz", "120,00 €"), ("Einrichtung", "35,50 €")],
            "Gesamt",
        ),
    ],
)
def test_amounts_set_flush_left_keep_a_zero_charge(
    heading: str, charges: list[tuple[str, str]], total_label: str
) -> None:
    s = Sheet(font_size=9)
    s.put(40, 40, "Receipt", size=14)
    s.put(40, 200, heading)
    for n, (text, amount) in enumerate(charges):
        s.put(48, 214 + 12 * n, text)
        s.put(140, 214 + 12 * n, amount)  # left-aligned: the right edges differ with the amount's length
    total = sum(d(a.strip("$€ ").replace(",", ".")) for _, a in charges)
    s.put(40, 260, f"{total_label}: {total}")
    got = items(extract_page(s.page()))
    assert [text for text, *_ in got] == [text for text, _ in charges]
    assert got[0][3] == d("0.00")


# --- a sender's name over the addressee's block ---------------------------------------------------------

LETTERS = [
    ("NHV Nordhafen", "Versicherungsverein a.G.", "Herrn", "Jonas Petersen", "Kaistraße 3", "24103 Kiel"),
    ("ACME Northern", "Mutual Insurance Ltd", "Mr", "Owen Pritchard", "14 Mill Lane", "Leeds LS2 7QD"),
    ("MAF Mutuelle", "Assurances du Midi SA", "Monsieur", "Jean Dupont", "8 rue des Lilas", "44000 Nantes"),
    ("SGR Seguros", "Mutua General S.A.", "Señora", "Marta Ruiz", "Calle Mayor 5", "28013 Madrid"),
    # an academic title stays with the name
    ("NHV Nordhafen", "Versicherungsverein a.G.", "Frau", "Dr. Jana Petersen", "Kaistraße 3", "24103 Kiel"),
]


@pytest.mark.parametrize("letter", LETTERS)
def test_a_two_line_sender_name_over_the_addressee(letter: tuple[str, str, str, str, str, str]) -> None:
    upper, lower, salutation, person, street, town = letter
    s = Sheet(font_size=10)
    s.put(70, 70, upper)
    s.put(70, 81.5, lower)
    # a blank line, then the addressee's block in the same column
    s.put(70, 104.5, salutation)
    s.put(70, 116, person)
    s.put(70, 127.5, street)
    s.put(70, 139, town)
    s.put(70, 170, "Claims office")
    s.put(70, 181.5, "Harbour Road 9")
    s.put(420, 290, "24.01.2025")
    s.put(70, 290, "Premium notice")
    s.put(70, 330, "Dear customer, your premium for the coming year is due on 01.03.2025.")
    s.put(70, 380, "Liability cover")
    s.put(330, 380, "80,00 €", right=True)
    s.put(70, 392, "Total premium")
    s.put(330, 392, "80,00 €", right=True)
    got = values(extract_page(s.page()))
    assert got["issuer.name"] == f"{upper} {lower}"
    assert got["recipient.name"] == person


@pytest.mark.parametrize("logo", [False, True])
def test_a_scanned_two_line_sender_name_beside_a_logo(logo: bool) -> None:
    """OCR boxes a line's words by the line's median ink: a logo's lettering far right of the name's first
    line makes that line taller than the name's second (its own cell still continues the name)."""
    s = Sheet(source=TextSource.OCR, font_size=10)
    upper_size = 14.5 if logo else 10
    s.put(70, 70, "NHV Nordhafen", size=upper_size)
    if logo:
        s.put(430, 70, "NORDLICHT xo", size=upper_size)
    s.put(70, 70 + upper_size + 1.5, "Versicherungsverein a.G.")
    s.put(70, 110, "Herrn")
    s.put(70, 121.5, "Jonas Petersen")
    s.put(70, 133, "Kaistraße 3")
    s.put(70, 144.5, "24103 Kiel")
    s.put(420, 290, "24.01.2025")
    s.put(70, 290, "Beitragsrechnung")
    s.put(70, 380, "Haftpflicht")
    s.put(330, 380, "80,00 €", right=True)
    s.put(70, 392, "Gesamtbeitrag")
    s.put(330, 392, "80,00 €", right=True)
    assert values(extract_page(s.page()))["issuer.name"] == "NHV Nordhafen Versicherungsverein a.G."


def test_a_person_over_a_company_is_not_one_wrapped_name() -> None:
    """No acronym, no joining word: "Anna Weber" over "Weber Consulting GmbH" stays two lines."""
    s = Sheet(font_size=10)
    s.put(40, 40, "Anna Weber")
    s.put(40, 51.5, "Weber Consulting GmbH")
    s.put(40, 63, "Lindenweg 7, 50667 Köln")
    s.put(350, 130, "Rechnung Nr. 2025-17")
    s.put(40, 130, "Kunde:")
    s.put(40, 142, "Harbor Foods Ltd")
    s.put(40, 154, "12 Quay Street, Galway")
    s.put(40, 300, "Beratung")
    s.put(555, 300, "500,00", right=True)
    s.put(400, 330, "Gesamt")
    s.put(555, 330, "500,00", right=True)
    assert values(extract_page(s.page()))["issuer.name"] == "Weber Consulting GmbH"


# --- a delivery label with the billed customer's block beside it -----------------------------------------


@pytest.mark.parametrize(
    "case",
    [
        (
            "Adresse de livraison",
            "Le petit grenier",
            "Claire Morel",
            "8 rue des Lilas",
            "44000 Nantes",
            "petitgrenier",
        ),
        (
            "Dirección de envío",
            "La tienda verde",
            "Marta Ruiz",
            "Calle Mayor 5",
            "28013 Madrid",
            "tiendaverde",
        ),
    ],
)
def test_a_delivery_column_leaves_the_billed_block_beside_it(
    case: tuple[str, str, str, str, str, str],
) -> None:
    label, shop, person, street, town, mail = case
    s = Sheet(font_size=9)
    s.put(170, 30, "Moulin Doré SARL - 3 chemin du Port - 13002 Marseille")
    s.put(35, 120, label)
    # the billed customer's block, unlabelled, half a line lower than the delivery block beside it
    s.put(325, 128, shop)
    s.put(35, 134, shop)
    s.put(325, 140, person)
    s.put(35, 146, street)
    s.put(325, 152, street)
    s.put(35, 158, town)
    s.put(325, 164, town)
    s.put(35, 176, f"contact@{mail}.example")
    s.put(40, 300, "Service")
    s.put(555, 300, "50,00", right=True)
    s.put(400, 330, "Total")
    s.put(555, 330, "50,00", right=True)
    assert values(extract_page(s.page()))["recipient.name"] == shop


# --- a tax table whose rates have no % sign -------------------------------------------------------------


@pytest.mark.parametrize("box_offset", [-7, 0], ids=["box-between-rows", "box-on-the-rows"])
@pytest.mark.parametrize(
    ("head", "base", "amount", "style"),
    [
        ("VAT", "Net", "Tax", "dot"),
        ("Taxe", "Base", "Montant", "comma"),
        ("MwSt.", "Netto", "Steuer", "comma"),
    ],
)
def test_a_tax_table_headed_by_the_bare_tax_name_reads_its_rates(
    head: str, base: str, amount: str, style: str, box_offset: float
) -> None:
    def money(value: str) -> str:
        return value.replace(".", ",") if style == "comma" else value

    s = Sheet(font_size=9)
    s.put(40, 30, "Verdant Seeds Ltd", size=16)
    s.table(
        150,
        [(40, "Description", False), (420, "Qty", True), (555, "Amount", True)],
        [["Tomato seeds", "4", money("200.00")], ["Potting compost", "1", money("50.00")]],
    )
    # the heads centred over their columns, the rates set flush left under the first one
    s.put(70, 230, head)
    s.put(170, 230, base)
    s.put(245, 230, amount)
    s.put(40, 244, "20.0")
    s.put(205, 244, money("200.00"), right=True)
    s.put(285, 244, money("40.00"), right=True)
    s.put(40, 258, "5.5")
    s.put(205, 258, money("50.00"), right=True)
    s.put(285, 258, money("2.75"), right=True)
    # the totals box beside it, its rows between the tax table's rows or on the same baselines
    for n, (label, value) in enumerate([("Net total", "250.00"), ("Tax", "42.75"), ("Total due", "292.75")]):
        s.put(440, 230 + box_offset + 14 * n, label)
        s.put(555, 230 + box_offset + 14 * n, money(value), right=True)
    lines = {(t.rate, t.base, t.amount) for t in extract_page(s.page()).tax_lines}
    assert lines == {(d("20.0"), d("200.00"), d("40.00")), (d("5.5"), d("50.00"), d("2.75"))}


def test_a_first_column_of_counts_under_a_plain_head_is_no_rate() -> None:
    """Figures under a head that is no tax's name ("Qty | Base | Amount") are not rates, even when one row
    happens to multiply out."""
    s = Sheet(font_size=9)
    s.put(40, 30, "Verdant Seeds Ltd", size=16)
    s.put(70, 230, "Lots")
    s.put(170, 230, "Base")
    s.put(245, 230, "Fee")
    s.put(40, 244, "10")
    s.put(205, 244, "300.00", right=True)
    s.put(285, 244, "30.00", right=True)
    s.put(440, 258, "Total due")
    s.put(555, 258, "330.00", right=True)
    assert extract_page(s.page()).tax_lines == []


# --- a recipient label's words opening a sentence ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "customer"),
    [
        ("Facture à régler par virement sur le compte suivant :", "Maison Verte SARL"),
        ("Invoice to be paid by bank transfer to the account below:", "Harbor Foods Ltd"),
        ("Rechnung an uns bitte nur per E-Mail senden.", "Kessler Messebau GmbH"),
    ],
)
def test_a_label_opening_a_sentence_heads_no_block(sentence: str, customer: str) -> None:
    """ "Facture à" / "Invoice to" / "Rechnung an" followed by running text in lower case: words of a
    payment instruction, not the label of the customer's block (the unlabelled window block is)."""
    s = Sheet(font_size=9)
    s.put(40, 30, "Atelier Brun SARL", size=16)
    s.put(40, 50, "3 rue du Port, 13002 Marseille")
    s.put(340, 120, customer)
    s.put(340, 132, "4 place Bellecour")
    s.put(340, 144, "69002 Lyon")
    s.put(40, 400, "Conseil")
    s.put(555, 400, "500,00", right=True)
    s.put(400, 430, "Total")
    s.put(555, 430, "500,00", right=True)
    s.put(40, 600, sentence)
    s.put(40, 612, "IBAN FR76 3000 6000 0112 3456 7890 189")
    assert values(extract_page(s.page()))["recipient.name"] == customer
