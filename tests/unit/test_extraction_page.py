"""extract_page on whole pages: label → value pairing, totals arithmetic, tables, parties."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import PageText, TextSource, Word
from invoiceflow.domain.pdf_text import page_text


def test_french_invoice_labels_below_values_and_consistent_totals() -> None:
    s = Sheet()
    s.put(40, 40, "Atelier Lumière SARL", size=16)
    s.put(40, 62, "12 rue des Lilas, 69001 Lyon")
    s.put(40, 120, "Facturé à :")
    s.put(40, 134, "Boulangerie Martin")
    s.put(40, 148, "3 place du Marché, 75002 Paris")
    # Label above value (a header row of fields)
    s.put(330, 120, "N° de facture")
    s.put(450, 120, "Date d'échéance")
    s.put(330, 134, "FA-2024-117")
    s.put(450, 134, "15/04/2024")
    s.put(330, 160, "Date de facture : 15/03/2024")
    s.put(40, 220, "Désignation")
    s.put(330, 220, "Qté")
    s.put(420, 220, "Prix unitaire", right=False)
    s.put(555, 220, "Montant HT", right=True)
    s.put(40, 236, "Lampe de bureau")
    s.put(345, 236, "3", right=True)
    s.put(480, 236, "45,00", right=True)
    s.put(555, 236, "135,00", right=True)
    s.put(40, 250, "Abat-jour en lin, coloris")
    s.put(345, 250, "2", right=True)
    s.put(480, 250, "1 012,50", right=True)
    s.put(555, 250, "2 025,00", right=True)
    s.put(40, 263, "naturel")
    s.put(330, 300, "Total HT")
    s.put(555, 300, "2 160,00 €", right=True)
    s.put(330, 314, "TVA 20 %")
    s.put(555, 314, "432,00 €", right=True)
    s.put(330, 328, "Total TTC")
    s.put(555, 328, "2 592,00 €", right=True)
    s.put(40, 800, "IBAN FR76 3000 6000 0112 3456 7890 189 · TVA intracom. FR40303265045")
    result = extract_page(s.page())
    got = values(result)
    assert got["invoice_number"] == "FA-2024-117"
    assert got["issue_date"] == "2024-03-15"
    assert got["due_date"] == "2024-04-15"
    assert got["currency"] == "EUR"
    assert got["issuer.name"] == "Atelier Lumière SARL"
    assert got["recipient.name"] == "Boulangerie Martin"
    assert got["issuer.vat_id"] == "FR40303265045"
    assert got["issuer.iban"] == "FR7630006000011234567890189"
    assert (got["totals.net"], got["totals.tax"], got["totals.gross"]) == ("2160.00", "432.00", "2592.00")
    assert result.fields["totals.gross"].confidence > 0.9  # net + tax = gross raised it
    assert [(t.rate, t.base, t.amount) for t in result.tax_lines] == [(20, 2160, 432)]
    items = [(i.description, str(i.quantity), str(i.unit_price), str(i.amount)) for i in result.line_items]
    assert items == [
        ("Lampe de bureau", "3", "45.00", "135.00"),
        ("Abat-jour en lin, coloris naturel", "2", "1012.50", "2025.00"),
    ]
    assert result.items_continue is False


def test_inconsistent_total_candidate_loses_to_the_consistent_set() -> None:
    s = Sheet()
    s.put(40, 40, "Invoice No: 7781")
    s.put(300, 100, "Subtotal")
    s.put(555, 100, "100.00", right=True)
    s.put(300, 114, "VAT 19%")
    s.put(555, 114, "19.00", right=True)
    s.put(300, 128, "Total")
    s.put(555, 128, "120.00", right=True)  # a misprint, or a total incl. fees
    s.put(300, 142, "Amount due")
    s.put(555, 142, "119.00", right=True)
    got = values(extract_page(s.page()))
    assert (got["totals.net"], got["totals.tax"], got["totals.gross"]) == ("100.00", "19.00", "119.00")


def test_indian_gst_split_and_credit_note_negatives() -> None:
    s = Sheet()
    s.put(40, 40, "Credit Note No. CN/24-25/001")
    s.put(40, 54, "Dated 05.06.2024")
    s.put(40, 68, "GSTIN: 27AAPFU0939F1ZV")
    s.put(300, 100, "Taxable Value")
    s.put(555, 100, "-10,000.00", right=True)
    s.put(300, 114, "CGST @ 9%")
    s.put(555, 114, "-900.00", right=True)
    s.put(300, 128, "SGST @ 9%")
    s.put(555, 128, "-900.00", right=True)
    s.put(300, 142, "Total")
    s.put(555, 142, "Rs. -11,800.00", right=True)
    result = extract_page(s.page())
    got = values(result)
    assert got["invoice_number"] == "CN/24-25/001"
    assert got["issue_date"] == "2024-06-05"
    assert got["currency"] == "INR"
    assert got["issuer.vat_id"] == "27AAPFU0939F1ZV"
    assert (got["totals.net"], got["totals.tax"], got["totals.gross"]) == (
        "-10000.00",
        "-1800.00",
        "-11800.00",
    )
    # CGST and SGST print the same rate and amount: two tax lines, not one deduplicated line.
    assert [(str(t.rate), str(t.amount)) for t in result.tax_lines] == [("9", "-900.00"), ("9", "-900.00")]


def test_table_running_off_the_page_sets_items_continue() -> None:
    s = Sheet()
    s.put(40, 100, "Beschreibung")
    s.put(400, 100, "Menge")
    s.put(555, 100, "Betrag", right=True)
    for row in range(5):
        s.put(40, 116 + 14 * row, f"Beratung Phase {row + 1}")
        s.put(430, 116 + 14 * row, "2", right=True)
        s.put(555, 116 + 14 * row, "1.200,00", right=True)
    s.put(300, 200, "Übertrag")
    s.put(555, 200, "6.000,00", right=True)
    result = extract_page(s.page())
    assert len(result.line_items) == 5
    assert result.items_continue is True
    assert "totals.net" not in result.fields  # a carried-forward subtotal is no document total


@pytest.mark.parametrize(
    "label", ["Rechnungsnummer:", "Rechnung Nr.", "Factuurnummer", "Fattura n.", "Factura nº"]
)
def test_invoice_number_labels_never_return_dates_or_vat_ids(label: str) -> None:
    s = Sheet()
    s.put(40, 40, label)
    s.put(200, 40, "2024-0042")
    s.put(40, 54, "Datum 01.02.2024")
    got = values(extract_page(s.page()))
    assert got["invoice_number"] == "2024-0042"
    assert got["issue_date"] == "2024-02-01"


def _reportlab_invoice() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    height = A4[1]

    def text(x: float, y: float, s: str, size: float = 9) -> None:
        c.setFont("Helvetica", size)
        c.drawString(x, height - y, s)

    def right(x: float, y: float, s: str) -> None:
        c.setFont("Helvetica", 9)
        c.drawRightString(x, height - y, s)

    text(50, 60, "Müller Bürotechnik GmbH", 16)
    text(50, 78, "Hauptstraße 12, 10115 Berlin")
    text(50, 130, "Müller Bürotechnik GmbH · Hauptstraße 12 · 10115 Berlin", 6)
    text(50, 145, "Schmidt & Partner KG")
    text(50, 157, "Lindenallee 5")
    text(50, 169, "80331 München")
    text(350, 145, "Rechnungsnummer:")
    text(450, 145, "RE-2024-0815")
    text(350, 158, "Rechnungsdatum:")
    text(450, 158, "05.03.2024")
    text(350, 171, "Lieferdatum:")
    text(450, 171, "01.03.2024")
    text(50, 260, "Pos.")
    text(80, 260, "Bezeichnung")
    right(380, 260, "Menge")
    right(460, 260, "Einzelpreis")
    right(540, 260, "Gesamt")
    rows = [
        ("Laserdrucker XL-200", "2", "1.249,00", "2.498,00"),
        ("Wartungsvertrag 12 Monate", "1", "320,00", "320,00"),
    ]
    for i, (d, q, p, a) in enumerate(rows):
        y = 278 + 13 * i
        text(50, y, str(i + 1))
        text(80, y, d)
        right(380, y, q)
        right(460, y, p)
        right(540, y, a)
    text(350, 320, "Nettobetrag")
    right(540, 320, "2.818,00")
    text(350, 333, "zzgl. 19 % MwSt.")
    right(540, 333, "535,42")
    text(350, 346, "Gesamtbetrag")
    right(540, 346, "3.353,42 €")
    text(50, 780, "IBAN: DE89 3704 0044 0532 0130 00 · BIC: COBADEFFXXX · USt-IdNr.: DE136695976", 7)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_real_pdf_with_window_envelope_layout() -> None:
    result = extract_page(page_text(_reportlab_invoice(), 1))
    got = values(result)
    assert got["invoice_number"] == "RE-2024-0815"
    assert got["issue_date"] == "2024-03-05"  # not the delivery date
    assert "due_date" not in got
    assert got["issuer.name"] == "Müller Bürotechnik GmbH"
    assert got["recipient.name"] == "Schmidt & Partner KG"
    assert got["issuer.bic"] == "COBADEFFXXX"
    assert (got["totals.net"], got["totals.tax"], got["totals.gross"]) == ("2818.00", "535.42", "3353.42")
    assert [i.description for i in result.line_items] == ["Laserdrucker XL-200", "Wartungsvertrag 12 Monate"]


def test_totals_printed_under_their_labels_in_boxes() -> None:
    """UK VAT invoice whose totals are boxes: a row of labels over a row of values."""
    s = Sheet()
    s.put(40, 40, "Harbour Analytics Ltd", size=16)
    s.put(40, 62, "VAT Reg No: GB 980 7806 84")
    s.put(330, 100, "Invoice No: HA-20931")
    s.put(330, 114, "Tax point: 03/02/2024")
    s.put(40, 300, "Subtotal")
    s.put(200, 300, "VAT 20%")
    s.put(360, 300, "Total due")
    s.put(40, 314, "£1,250.00")
    s.put(200, 314, "£250.00")
    s.put(360, 314, "£1,500.00")
    got = values(extract_page(s.page()))
    assert (got["totals.net"], got["totals.tax"], got["totals.gross"]) == ("1250.00", "250.00", "1500.00")
    assert got["currency"] == "GBP"
    assert got["issuer.vat_id"] == "GB980780684"


@pytest.mark.parametrize("tax_point_first", [True, False])
def test_the_invoice_date_beats_a_tax_point_printed_beside_it(tax_point_first: bool) -> None:
    """A UK invoice may print its date and the VAT's time of supply apart; the invoice date is its date."""
    rows = [("Invoice date:", "14/04/2024"), ("Tax point:", "31/03/2024")]
    s = Sheet()
    s.put(40, 40, "Northwind Supplies Ltd", size=16)
    for row, (label, value) in enumerate(reversed(rows) if tax_point_first else rows):
        s.put(330, 100 + 14 * row, label)
        s.put(430, 100 + 14 * row, value)
    assert values(extract_page(s.page()))["issue_date"] == "2024-04-14"


def test_glued_header_and_arithmetic_find_quantity_and_price_in_any_order() -> None:
    """A text layer that lost the space between two header words ("QtéPrix"), and a table whose price
    column comes before the quantity: q × p = amount decides which number is which."""
    s = Sheet()
    s.put(40, 100, "Désignation")
    s.put(330, 100, "QtéPrix unitaire HT")
    s.put(555, 100, "Montant HT", right=True)
    s.put(40, 116, "Hébergement mensuel")
    s.put(350, 116, "3", right=True)
    s.put(440, 116, "913,41", right=True)
    s.put(555, 116, "2.740,23", right=True)
    s.put(40, 160, "Description")
    s.put(300, 160, "Price")
    s.put(400, 160, "Units")
    s.put(555, 160, "Amount", right=True)
    result = extract_page(s.page())
    first = result.line_items[0]
    assert (str(first.quantity), str(first.unit_price), str(first.amount)) == ("3", "913.41", "2740.23")
    assert first.description == "Hébergement mensuel"

    s = Sheet()
    s.put(40, 100, "Item")
    s.put(300, 100, "Rate")
    s.put(400, 100, "Hours")
    s.put(555, 100, "Line total", right=True)
    for row, (rate, hours, total) in enumerate([("150.00", "7.5", "1,125.00"), ("95.00", "12", "1,140.00")]):
        s.put(40, 116 + 14 * row, f"Consulting block {row + 1}")
        s.put(340, 116 + 14 * row, rate, right=True)
        s.put(430, 116 + 14 * row, hours, right=True)
        s.put(555, 116 + 14 * row, total, right=True)
    items = extract_page(s.page()).line_items
    assert [(str(i.quantity), str(i.unit_price), str(i.amount)) for i in items] == [
        ("7.5", "150.00", "1125.00"),
        ("12", "95.00", "1140.00"),
    ]


def test_long_row_numbers_are_not_part_of_the_description() -> None:
    s = Sheet()
    s.put(40, 100, "#")
    s.put(80, 100, "Description")
    s.put(400, 100, "Qty")
    s.put(555, 100, "Amount", right=True)
    s.put(40, 116, "118")
    s.put(80, 116, "Toner cartridge, black")
    s.put(420, 116, "2", right=True)
    s.put(555, 116, "84.00", right=True)
    item = extract_page(s.page()).line_items[0]
    assert item.description == "Toner cartridge, black"


def test_din_5008_recipient_without_label_and_issuer_vat_in_the_footer() -> None:
    """German letter: letterhead right, an unlabelled window address left (no return-address line),
    the recipient's USt-IdNr. in its block, the issuer's in the footer beside its name."""
    s = Sheet()
    s.put(555, 40, "Nordwind Technik GmbH", size=14, right=True)
    s.put(555, 58, "Hafenstraße 12", right=True)
    s.put(555, 72, "20457 Hamburg", right=True)
    s.put(40, 120, "Bergmann Logistik KG")
    s.put(40, 134, "Industrieweg 7")
    s.put(40, 148, "80331 München")
    s.put(40, 162, "USt-IdNr.: DE136695976")
    s.put(330, 220, "Rechnungsnummer: 2024-0815")
    s.put(330, 234, "Rechnungsdatum: 14.03.2024")
    s.put(40, 780, "Nordwind Technik GmbH · USt-IdNr.: DE 129 273 398 · IBAN: DE89 3704 0044 0532 0130 00")
    got = values(extract_page(s.page()))
    assert got["issuer.name"] == "Nordwind Technik GmbH"
    assert got["recipient.name"] == "Bergmann Logistik KG"
    assert got["recipient.vat_id"] == "DE136695976"
    assert got["issuer.vat_id"] == "DE129273398"
    assert got["issuer.iban"] == "DE89370400440532013000"


def test_sidebar_beside_the_recipient_keeps_the_vat_id_with_its_own_column() -> None:
    """Italian fattura: the issuer's P.IVA line in a left column shares its line with the
    recipient's name in the right column."""
    s = Sheet()
    s.put(24, 40, "Falco Informatica S.r.l.", size=12)
    s.put(24, 56, "Via Roma 26, 20121 Milano")
    s.put(200, 90, "Spett.le")
    s.put(24, 104, "P.IVA: IT00743110157")
    s.put(200, 104, "Rossi Costruzioni S.p.A.")
    s.put(200, 118, "Via Garibaldi 87")
    s.put(200, 132, "10121 Torino")
    got = values(extract_page(s.page()))
    assert got["recipient.name"] == "Rossi Costruzioni S.p.A."
    assert got["issuer.vat_id"] == "IT00743110157"
    assert "recipient.vat_id" not in got


@pytest.mark.parametrize(
    ("label", "number"),
    [("Credit Memo #", "CM-1042"), ("N.º de rectificativa", "R-2024-17"), ("Document No.", "SO/2291")],
)
def test_more_invoice_number_labels(label: str, number: str) -> None:
    s = Sheet()
    s.put(330, 100, label)
    s.put(460, 100, number)
    assert values(extract_page(s.page()))["invoice_number"] == number


def test_rotated_scan_rows_split_into_ocr_line_fragments_are_levelled() -> None:
    """A scan rotated by ~1°: the OCR engine reports each row as two line boxes (description, numbers)
    whose centres differ by several points; levelling the page joins them into one item row again."""
    skew = 0.017
    words: list[Word] = []

    def fragment(x: float, y: float, tokens: list[tuple[float, str]]) -> None:
        shift = skew * (tokens[0][0] + tokens[-1][0]) / 2  # one box per fragment, as Tesseract lines
        for tx, token in tokens:
            words.append(Word(text=token, x0=tx, y0=y + shift, x1=tx + 6 * len(token), y1=y + shift + 8))

    fragment(40, 100, [(40, "Description")])
    fragment(330, 100, [(330, "Qty"), (400, "Price"), (500, "Amount")])
    rows = [
        ("Consulting", "3", "120.00", "360.00"),
        ("Hosting", "2", "45.50", "91.00"),
        ("Support", "1", "80.00", "80.00"),
    ]
    for row, (text, qty, price, amount) in enumerate(rows):
        y = 120 + 18 * row
        fragment(40, y, [(40, text), (110, "services")])
        fragment(330, y, [(330, qty), (400, price), (500, amount)])
    page = PageText(page_number=1, width=595, height=842, text_source=TextSource.OCR, words=words)
    items = extract_page(page).line_items
    assert [(i.description, str(i.quantity), str(i.amount)) for i in items] == [
        ("Consulting services", "3", "360.00"),
        ("Hosting services", "2", "91.00"),
        ("Support services", "1", "80.00"),
    ]
