"""Party names in arrangements that HTML and office engines print (wkhtmltopdf, Chromium, WeasyPrint,
LibreOffice): names wrapped by narrow table cells, a block label heading its own column beside another
column's heading, an ERP letterhead strip in small type over the customer's window block, a right-aligned
logo name whose legal form wrapped onto its own line. Invented businesses, several languages."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.party_names import name_head

Case = tuple[Sheet, str, str]
_CASES: list[Callable[[], Case]] = []


def _case(build: Callable[[], Case]) -> Callable[[], Case]:
    _CASES.append(build)
    return build


def _items(s: Sheet, y: float = 330) -> None:
    s.table(
        y,
        [(40, "Description", False), (400, "Qty", True), (470, "Price", True), (555, "Amount", True)],
        [["Maintenance visit", "1", "80.00", "80.00"]],
    )
    s.put(470, y + 50, "Total", right=True)
    s.put(555, y + 50, "95.20", right=True)


def _three_columns(s: Sheet, seller_label: str, buyer_label: str, third: str) -> None:
    """A receipt's three header columns at x 40 / 210 / 390, labels at y 110, blocks from y 122."""
    s.put(40, 110, seller_label, size=8)
    s.put(210, 110, buyer_label, size=8)
    s.put(390, 110, third, size=8)


@_case
def _title_ends_first_line() -> Case:
    # "Dr." never ends a name: the narrow cell wrapped "Tierarztpraxis Dr. Okonkwo & Dr. Brandl".
    s = Sheet(font_size=9)
    _three_columns(s, "Verkauft von", "Rechnung an", "Konto")
    s.put(40, 122, "Quellwerk Solar GmbH")
    s.put(40, 133, "Mühlweg 7")
    s.put(40, 144, "79098 Freiburg")
    s.put(210, 122, "Tierarztpraxis Dr.")
    s.put(210, 133, "Okonkwo & Dr. Brandl")
    s.put(210, 144, "Lindenring 3")
    s.put(210, 155, "04109 Leipzig")
    s.put(390, 122, "70412")
    _items(s)
    return s, "Quellwerk Solar GmbH", "Tierarztpraxis Dr. Okonkwo & Dr. Brandl"


@_case
def _particle_ends_first_line() -> Case:
    # "des" never ends a name: "Association des" / "Amis du Moulin" is one name.
    s = Sheet(font_size=9)
    _three_columns(s, "Vendu par", "Facturé à", "Compte")
    s.put(40, 122, "Verrerie Castagnède SARL")
    s.put(40, 133, "4 rue des Tanneurs")
    s.put(40, 144, "31000 Toulouse")
    s.put(210, 122, "Association des")
    s.put(210, 133, "Amis du Moulin")
    s.put(210, 144, "Service trésorerie")
    s.put(210, 155, "12 place du Marché")
    s.put(210, 166, "24000 Périgueux")
    s.put(390, 122, "C-5521")
    _items(s)
    return s, "Verrerie Castagnède SARL", "Association des Amis du Moulin"


@_case
def _legal_form_wrapped_in_both_columns() -> Case:
    # Both names too wide for their cells: the legal form alone on the next line belongs to the name.
    s = Sheet(font_size=9)
    _three_columns(s, "Venduto da", "Fatturato a", "Account")
    s.put(40, 122, "Tipografia Corradi & Figli")
    s.put(40, 133, "S.r.l.")
    s.put(40, 144, "Via dei Mille 18")
    s.put(40, 155, "40126 Bologna")
    s.put(210, 122, "Enoteca Vallarsa di Pozzi")
    s.put(210, 133, "S.n.c.")
    s.put(210, 144, "Alla c.a. Ufficio acquisti")
    s.put(210, 155, "Corso Italia 40")
    s.put(210, 166, "38122 Trento")
    s.put(390, 122, "41187")
    _items(s)
    return s, "Tipografia Corradi & Figli S.r.l.", "Enoteca Vallarsa di Pozzi S.n.c."


@_case
def _label_heads_its_own_column() -> Case:
    # "Gefactureerd aan" over its block; "Klantnummer" beside it heads another column, it is no name.
    s = Sheet(font_size=9)
    s.put(40, 40, "Drukkerij Wolters & Bos B.V.", size=15)
    s.put(40, 60, "Havenkade 12, 9712 AB Groningen", size=8)
    s.put(40, 110, "Gefactureerd aan", size=8)
    s.put(180, 110, "Klantnummer", size=8)
    s.put(40, 122, "Sportschool Hoogeveen")
    s.put(40, 133, "Markt 9")
    s.put(40, 144, "7901 BN Hoogeveen")
    s.put(180, 122, "30982")
    _items(s)
    return s, "Drukkerij Wolters & Bos B.V.", "Sportschool Hoogeveen"


@_case
def _letterhead_strip_over_window() -> Case:
    # An ERP's letterhead: name and address on one small line at the very top; the customer's window
    # block at body size lower down also carries a legal form.
    s = Sheet(font_size=9)
    s.put(20, 12, "Fenwick & Rowe Surveyors LLP", size=7)
    s.put(170, 12, "22 Canal Street · Leeds LS1 4AB", size=7)
    s.put(20, 46, "Tel. +44 113 496 0718", size=7)
    s.put(300, 48, "Ostrowski Bau GmbH")
    s.put(300, 59, "Abteilung Einkauf")
    s.put(300, 70, "Werftstraße 2")
    s.put(300, 81, "24103 Kiel")
    s.put(20, 110, "Invoice", size=14)
    s.put(20, 132, "Invoice No.: FR-2291")
    _items(s)
    return s, "Fenwick & Rowe Surveyors LLP", "Ostrowski Bau GmbH"


@_case
def _right_aligned_logo_form_wrapped() -> Case:
    # A logo name right-aligned in its cell, the legal form wrapped flush right under it.
    s = Sheet(font_size=9)
    s.put(40, 60, "INVOICE", size=22)
    s.put(555, 40, "Quillon Harbor Analytics", size=14, right=True)
    s.put(555, 56, "Inc.", size=14, right=True)
    s.put(555, 76, "410 Pine Street, Portland, OR 97204", size=8, right=True)
    s.put(40, 130, "BILL TO", size=8)
    s.put(300, 130, "SHIP TO", size=8)
    s.put(40, 142, "Marisol Ventura")
    s.put(40, 153, "88 Alder Lane")
    s.put(40, 164, "Eugene, OR 97401")
    s.put(300, 142, "Marisol Ventura")
    s.put(300, 153, "5 Dock Road")
    s.put(300, 164, "Eugene, OR 97402")
    _items(s)
    return s, "Quillon Harbor Analytics Inc.", "Marisol Ventura"


@_case
def _department_line_stays_apart() -> Case:
    # A name ending normally is not joined with the department line under it.
    s = Sheet(font_size=9)
    _three_columns(s, "Sold by", "Billed to", "Account")
    s.put(40, 122, "Larkspur Media Ltd")
    s.put(40, 133, "3 Mill Lane")
    s.put(40, 144, "Bristol BS1 4DJ")
    s.put(210, 122, "Harrow Vale College")
    s.put(210, 133, "Finance Office")
    s.put(210, 144, "17 College Road")
    s.put(210, 155, "Harrow HA1 1BA")
    s.put(390, 122, "A-2219")
    _items(s)
    return s, "Larkspur Media Ltd", "Harrow Vale College"


@pytest.mark.parametrize("build", [pytest.param(b, id=b.__name__.strip("_")) for b in _CASES])
def test_issuer_and_recipient_names(build: Callable[[], Case]) -> None:
    sheet, issuer, recipient = build()
    found = values(extract_page(sheet.page()))
    assert (found.get("issuer.name"), found.get("recipient.name")) == (issuer, recipient)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Cerámicas Orduña S.L. A la atención de D. Iker Sáez", "Cerámicas Orduña S.L."),
        ("Vivai Montalbano S.a.s. Alla c.a. Ufficio acquisti", "Vivai Montalbano S.a.s."),
        ("Casa Ribeiro Lda a/c Sr. Tomé", "Casa Ribeiro Lda"),
        ("Alla Spiga Forneria S.r.l.", "Alla Spiga Forneria S.r.l."),
    ],
)
def test_attention_tail_run_on_after_the_name(line: str, name: str) -> None:
    # Another cell's attention line read onto the name's line (office engines shift table rows).
    assert name_head(line) == name


def test_name_with_form_goes_on_after_joining_word() -> None:
    # "… GmbH &" at the end of a narrow cell: "Co. KG" on the next line completes the form.
    s = Sheet(font_size=9)
    _three_columns(s, "Absender", "Rechnungsempfänger", "Kundennummer")
    s.put(40, 122, "Rauschenbach Bauelemente GmbH &")
    s.put(40, 133, "Co. KG")
    s.put(40, 144, "Industriestraße 9")
    s.put(40, 155, "49074 Osnabrück")
    s.put(210, 122, "Gärtnerei Lindhorst")
    s.put(210, 133, "Feldweg 2")
    s.put(210, 144, "49090 Osnabrück")
    s.put(390, 122, "30418")
    _items(s)
    found = values(extract_page(s.page()))
    assert found.get("issuer.name") == "Rauschenbach Bauelemente GmbH & Co. KG"
    assert found.get("recipient.name") == "Gärtnerei Lindhorst"


def test_wrapped_name_with_another_columns_line_between() -> None:
    # An office engine sets the third column's rows a few points off the first two: its words make
    # lines of their own between the name's two lines.
    s = Sheet(font_size=9)
    _three_columns(s, "Sold by", "Billed to", "Account")
    s.put(40, 122, "Ashgrove Kitchens Ltd")
    s.put(40, 133, "4 Tanner Row")
    s.put(40, 144, "York YO1 6JB")
    s.put(210, 122, "Surgery of Dr.")
    s.put(210, 133.5, "Amaka Eze & Dr. Lowe")
    s.put(210, 144.5, "9 Bootham Terrace")
    s.put(210, 155.5, "York YO30 7BW")
    s.put(390, 127.5, "88120", size=6)
    _items(s)
    found = values(extract_page(s.page()))
    assert found.get("recipient.name") == "Surgery of Dr. Amaka Eze & Dr. Lowe"


def test_label_beside_a_shifted_value_column_heads_its_own_block() -> None:
    # An office engine shifts the meta column: the invoice number sits on the recipient label's line and
    # another column's label falls between the label and the name; the block is the one under the label.
    s = Sheet(font_size=9)
    s.put(44, 40, "Wendel & Lorenz Dachbau GmbH", size=13)
    s.put(44, 58, "Am Anger 4, 99084 Erfurt · USt-IdNr. DE 136 695 976", size=7)
    s.put(260, 79, "RECHNUNGSEMPFÄNGER", size=7)
    s.put(429, 79, "F81129")
    s.put(44, 85, "ABSENDER", size=7)
    s.put(260, 88, "FAHRRADHAUS BRÜNING KG")
    s.put(429, 90.5, "RECHNUNGSDATUM", size=7)
    s.put(44, 93, "WENDEL & LORENZ DACHBAU GMBH")
    s.put(260, 99, "Abteilung Einkauf")
    s.put(429, 99.5, "2026-07-01")
    s.put(44, 104, "Am Anger 4, 99084 Erfurt")
    s.put(260, 110, "Domplatz 3, 06108 Halle")
    _items(s)
    found = values(extract_page(s.page()))
    assert found.get("recipient.name") == "FAHRRADHAUS BRÜNING KG"


def _einvoice_view(
    s: Sheet, headings: tuple[str, str], rows: list[tuple[str, str, str]], data_heading: str
) -> None:
    """An e-invoice viewer's page: buyer's and seller's boxes side by side (field label, buyer's value,
    seller's value per row; a row label "" continues the values above), then the invoice data grid."""
    s.put(40, 40, "Invoice view", size=14)
    s.put(55, 84, headings[0])
    s.put(304, 84, headings[1])
    y = 100.0
    for k, (label, buyer, seller) in enumerate(rows):
        if label:
            s.put(56, y, label)
            s.put(306, y, label)
        if buyer:
            s.put(148, y, buyer)
        if seller:
            s.put(398, y, seller)
        wrapped_next = k + 1 < len(rows) and not rows[k + 1][0]
        y += 11 if wrapped_next else 16  # a wrapped value sets its lines tight, rows are padded
    s.put(51, y + 20, data_heading)
    s.put(52, y + 36, "Rechnungsnummer")
    s.put(242, y + 36, "RE-40917")
    s.put(52, y + 52, "Rechnungsdatum")
    s.put(242, y + 52, "03.02.2026")


def test_einvoice_view_boxes_of_field_grids() -> None:
    # The buyer's box is headed "Käufer", the invoice data "Rechnungsdaten"; names wrap in their value
    # cells; each box's VAT id belongs to its party.
    s = Sheet(font_size=9)
    _einvoice_view(
        s,
        ("Käufer", "Verkäufer"),
        [
            ("Name", "Tischlerei Brandauer &", "Elbwerk Stahl- und"),
            ("", "Söhne", "Metallbau GmbH"),
            ("Straße", "Obere Au 4", "Kaiweg 12"),
            ("PLZ", "5020", "01067"),
            ("Ort", "Salzburg", "Dresden"),
            ("USt-IdNr.", "ATU13585627", "DE136695976"),
        ],
        "Rechnungsdaten",
    )
    _items(s, y=420)
    found = values(extract_page(s.page()))
    assert found.get("recipient.name") == "Tischlerei Brandauer & Söhne"
    assert found.get("issuer.name") == "Elbwerk Stahl- und Metallbau GmbH"
    assert found.get("issuer.vat_id") == "DE136695976"
    assert found.get("recipient.vat_id") == "ATU13585627"


def test_grid_value_wrapped_without_a_cue() -> None:
    # "Denominazione | Studio Associato Ferrante" / "| Lodi e Partner": a value line with no label of its
    # own continues the name (the wrap ends on no joining word); the address rows stay apart.
    s = Sheet(font_size=9)
    _einvoice_view(
        s,
        ("Acquirente", "Venditore"),
        [
            ("Denominazione", "Studio Associato Ferrante", "Vetreria Moretti S.r.l."),
            ("", "Lodi Partner", ""),
            ("Via", "Via Manin 8", "Via Emilia 200"),
            ("CAP", "35122", "41121"),
            ("Città", "Padova", "Modena"),
        ],
        "Dati fattura",
    )
    _items(s, y=420)
    found = values(extract_page(s.page()))
    assert found.get("recipient.name") == "Studio Associato Ferrante Lodi Partner"
    assert found.get("issuer.name") == "Vetreria Moretti S.r.l."
