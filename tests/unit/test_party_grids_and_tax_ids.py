"""Parties on real PDFs of invented vendors: an e-invoice viewer's label / value tables ("Nummer:",
"Globale Nummer:", "Name:" rows before the name; the colon in either cell), a copyright line over the page
(never a party), a sender's name and street repeated at the foot of the page (the sender, though its
unlabelled block stands where an addressee would), and the taxpayer numbers Latin America prints where
Europe prints a VAT id (RIF, CUIT, RUT, RUC, RFC, NIT), read after their labels when their check digits
hold; a customer's box drawn twice to fake bold type, its name ending at a form's dot leader."""

from __future__ import annotations

import pytest
from reportlab.lib.pagesizes import A4
from tests.unit.invented_designs import Pdf

from invoiceflow.domain.models import AggregatedInvoice, OcrMode
from invoiceflow.domain.pdf_text import page_text
from invoiceflow.domain.pipeline import extract_invoice


def _read(p: Pdf) -> AggregatedInvoice:
    return extract_invoice(p.bytes(), filename="invoice.pdf", ocr=OcrMode.NEVER)


def _items(p: Pdf, y: float) -> None:
    p.row(y, [(40, "Beschreibung", False), (400, "Menge", True), (470, "Preis", True), (555, "Betrag", True)])
    p.row(y + 14, [(40, "Wartung", False), (400, "1", True), (470, "240,00", True), (555, "240,00", True)])
    p.row(y + 40, [(400, "Gesamtbetrag", False), (555, "285,60", True)])


def _grid(p: Pdf, y: float, heading: str, rows: list[tuple[str, str]], *, colon_in_value: bool) -> float:
    p.t(40, y, heading, bold=True)
    for n, (label, value) in enumerate(rows, start=1):
        if colon_in_value:
            p.row(y + 12 * n, [(40, label, False), (110, f": {value}" if value else "", False)])
        else:
            p.row(y + 12 * n, [(40, f"{label}:" if label else "", False), (300, value, False)])
    return y + 12 * (len(rows) + 2)


@pytest.mark.parametrize("colon_in_value", [False, True])
@pytest.mark.parametrize(
    ("seller", "buyer"), [("Verkäufer", "Käufer"), ("Seller", "Buyer"), ("Lieferant", "Rechnungsempfänger")]
)
def test_an_e_invoice_viewers_label_value_tables_give_the_names_not_their_labels(
    seller: str, buyer: str, colon_in_value: bool
) -> None:
    p = Pdf(A4)
    p.t(40, 30, "Visualisierung eRechnung", 7)
    p.t(40, 60, "Handelsrechnung Nr. 471102 vom 15.11.2024", 11, bold=True)
    y = _grid(
        p,
        110,
        seller,
        [
            ("Nummer", "549910"),
            ("Globale Nummer", "4000001123452 (GLN)"),
            ("Name", "Brennwald Kältetechnik GmbH"),
            ("Anschrift", "Hafenstraße 20"),
            ("", "DE 20457 Hamburg"),
        ],
        colon_in_value=colon_in_value,
    )
    _grid(
        p,
        y,
        buyer,
        [("Nummer", "GE2020211"), ("Name", "Obermaier Logistik AG"), ("Anschrift", "Lindenweg 15")],
        colon_in_value=colon_in_value,
    )
    _items(p, 400)
    invoice = _read(p)
    assert (invoice.issuer.name, invoice.recipient.name) == (
        "Brennwald Kältetechnik GmbH",
        "Obermaier Logistik AG",
    )


@pytest.mark.parametrize("notice", ["(c) Musterverband e.V. 2020", "© 2024 Formular Verlag GmbH"])
def test_a_copyright_line_over_the_page_is_no_party(notice: str) -> None:
    p = Pdf(A4)
    p.t(40, 30, notice, 9)
    p.t(40, 42, "Stylesheet-Version: 2.0 vom 18.10.2018", 9)
    p.lines(40, 90, ["Kessler Haustechnik GmbH", "Ringstraße 4", "80331 München"], size=9)
    p.t(40, 140, "Rechnung an:", 9, bold=True)
    p.lines(40, 152, ["Atelier Dumont SPRL", "Rue Haute 12", "1000 Bruxelles"], size=9)
    _items(p, 300)
    assert _read(p).issuer.name == "Kessler Haustechnik GmbH"


def test_the_block_whose_name_and_street_the_footer_repeats_is_the_senders() -> None:
    p = Pdf(A4)
    p.t(555, 72, "Faktura", 19, right=True)
    p.t(300, 99, "Torvald Brekkesen", 11)
    p.lines(300, 112, ["Kirkegata 13b", "0153 Oslo", "912 45 678", "post@fjordbilder.no"], size=10)
    p.lines(300, 169, ["Vår ref: Torvald Brekkesen", "Deres ref: Ola Olsen"], size=8, pitch=11)
    p.row(191, [(72, "Bryggen Transport AS", False), (380, "Fakturanummer: 38", False)], size=11)
    p.lines(72, 203, ["Storgata 342", "5003 Bergen"], size=8)
    p.lines(380, 203, ["Fakturadato: 2. november 2024", "Forfallsdato: 16. november 2024"], size=8)
    p.row(314, [(72, "Beskrivelse", False), (555, "Sum", True)])
    p.row(332, [(72, "Illustrasjoner", False), (555, "6 000.00 kr", True)])
    p.row(460, [(400, "Å betale:", False), (555, "6 000.00 kr", True)])
    # The sender's name, address, phone and e-mail in four columns at the foot of the page.
    footer = ["Torvald Brekkesen", "Kirkegata 13b / 0153 Oslo", "912 45 678", "post@fjordbilder.no"]
    p.row(762, [(x, text, False) for x, text in zip((72, 185, 360, 463), footer, strict=True)], size=8)
    invoice = _read(p)
    assert (invoice.issuer.name, invoice.recipient.name) == ("Torvald Brekkesen", "Bryggen Transport AS")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("RIF: J-31234567-5", "J312345675"),
        ("CUIT: 30-71234567-1", "30712345671"),
        ("RUT: 76.543.210-3", "765432103"),
        ("RUC: 20512345671", "20512345671"),
        ("RFC: MAB-930714-8T4", "MAB9307148T4"),
        ("NIT: 900.123.456-8", "9001234568"),
    ],
)
def test_latin_american_taxpayer_numbers_are_the_issuers_tax_id(line: str, expected: str) -> None:
    p = Pdf(A4)
    p.t(40, 40, "Suministros Andinos S.A.", 16, bold=True)
    p.lines(40, 62, ["Av. Libertador 1450", "Caracas 1010", line], size=9)
    p.t(40, 130, "Facturar a:", 9, bold=True)
    p.lines(40, 142, ["Construcciones del Sur Ltda.", "Calle 12 # 4-56"], size=9)
    p.row(300, [(40, "Descripción", False), (555, "Importe", True)])
    p.row(314, [(40, "Cemento", False), (555, "1.000,00", True)])
    p.row(340, [(400, "Total", False), (555, "1.160,00", True)])
    assert _read(p).issuer.vat_id == expected


@pytest.mark.parametrize("line", ["RIF: J-31234567-4", "Rif. 20512345671", "RUC: 2051234567"])
def test_a_taxpayer_number_failing_its_check_digit_or_form_is_left_out(line: str) -> None:
    p = Pdf(A4)
    p.t(40, 40, "Suministros Andinos S.A.", 16, bold=True)
    p.lines(40, 62, ["Av. Libertador 1450", "Caracas 1010", line], size=9)
    p.row(300, [(40, "Descripción", False), (555, "Importe", True)])
    p.row(314, [(40, "Cemento", False), (555, "1.000,00", True)])
    assert _read(p).issuer.vat_id is None


@pytest.mark.parametrize("heading", ["Señor(es):", "Sr(es).:"])
def test_the_customer_under_senores_and_its_taxpayer_number_are_the_recipients(heading: str) -> None:
    p = Pdf(A4)
    p.t(298, 36, "Suministros Andinos S.A.", 16, bold=True)
    p.lines(40, 62, ["Av. Libertador 1450, Caracas 1010", "RIF: J-31234567-5"], size=9)
    p.t(40, 130, heading, 9, bold=True)
    p.lines(40, 142, ["Construcciones del Sur S.R.L.", "CUIT: 30-71234567-1", "Av. Corrientes 1200"], size=9)
    p.row(300, [(40, "Descripción", False), (555, "Importe", True)])
    p.row(314, [(40, "Cemento", False), (555, "1.000,00", True)])
    invoice = _read(p)
    assert (invoice.recipient.name, invoice.recipient.vat_id) == (
        "Construcciones del Sur S.R.L.",
        "30712345671",
    )
    assert invoice.issuer.vat_id == "J312345675"


def test_a_spanish_nif_iva_printed_without_its_prefix_is_the_vat_id() -> None:
    p = Pdf(A4)
    p.t(40, 40, "Castells Construcciones S.A.", 16, bold=True)
    p.lines(40, 62, ["C/ Mayor, 58", "48001 Bilbao", "NIF-IVA : A10366466"], size=9)
    p.row(300, [(40, "Descripción", False), (555, "Importe", True)])
    p.row(314, [(40, "Cemento", False), (555, "1.000,00", True)])
    assert _read(p).issuer.vat_id == "ESA10366466"


def test_a_box_drawn_twice_to_fake_bold_reads_once_and_its_name_ends_at_the_dot_leader() -> None:
    p = Pdf(A4)
    p.t(298, 36, "Suministros Andinos S.A.", 16, bold=True)
    p.lines(40, 62, ["Av. Libertador 1450, Caracas 1010", "RIF: J-31234567-5"], size=9)
    p.t(40, 130, "Datos del cliente", 9, bold=True)
    for _ in range(2):  # a typesetter's poor man's bold: the same text drawn twice at the same place
        p.t(40, 142, f"Razón social: Ayala Usureros S.R.L. {'.' * 40} CUIT: 30-71234567-1", 9)
        p.t(40, 154, "Dirección fiscal: Av. Ayala 12, Apure", 9)
    p.row(300, [(40, "Descripción", False), (555, "Importe", True)])
    p.row(314, [(40, "Cemento", False), (555, "1.000,00", True)])
    pdf = p.bytes()
    words = [w.text for w in page_text(pdf, 1).words]
    assert words.count("Razón") == 1
    invoice = extract_invoice(pdf, filename="invoice.pdf", ocr=OcrMode.NEVER)
    assert (invoice.recipient.name, invoice.recipient.vat_id) == ("Ayala Usureros S.R.L.", "30712345671")
