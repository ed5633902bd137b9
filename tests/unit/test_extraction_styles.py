"""extract_page on hand-placed pages in real-world styles the table reader alone does not cover: shop
receipts with "n x price" lines, prose invoices, boxed label rows over value rows, label-above bank
details, Ship to beside Bill to, grids of label/value cells, OCR rows brought together by skew."""

from __future__ import annotations

from decimal import Decimal

from tests.unit.sheets import Sheet, items, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import TextSource, Word


def test_shop_receipt_quantity_line_under_the_article_line() -> None:
    s = Sheet()
    s.put(40, 40, "Frischmarkt Huber GmbH", size=14)
    s.put(40, 60, "Bahnhofstr. 3, 80335 München")
    s.put(40, 90, "Beleg-Nr. 4711-22")
    s.put(300, 90, "Datum: 02.03.2024")
    s.put(40, 130, "Bio Vollmilch 1L")
    s.put(300, 130, "1,98 EUR", right=False)
    s.put(60, 142, "2 x 0,99")
    s.put(40, 156, "Roggenbrot")
    s.put(300, 156, "3,49 EUR")
    s.put(40, 170, "Äpfel Elstar")
    s.put(300, 170, "5,97 EUR")
    s.put(60, 182, "3 Stk x 1,99")
    s.put(40, 210, "Summe")
    s.put(300, 210, "11,44 EUR")
    result = extract_page(s.page())
    got = items(result)
    assert ("Bio Vollmilch 1L", Decimal(2), Decimal("0.99"), Decimal("1.98")) in got
    assert ("Äpfel Elstar", Decimal(3), Decimal("1.99"), Decimal("5.97")) in got
    assert values(result)["invoice_number"] == "4711-22"
    assert values(result)["totals.gross"] == "11.44"


def test_saas_blocks_with_qty_at_price_detail_lines_and_wrapped_descriptions() -> None:
    s = Sheet()
    s.put(40, 40, "Cloudly Inc.", size=16)
    s.put(40, 100, "Invoice number: CL-2024-0042")
    s.put(40, 114, "Date of issue: March 5, 2024")
    s.put(40, 160, "Team plan, monthly seats for the engineering")
    s.put(40, 172, "department (March 2024)")
    s.put(60, 184, "Qty 12 @ $15.00")
    s.put(500, 184, "$180.00", right=True)
    s.put(40, 204, "Extra storage 100 GB")
    s.put(60, 216, "Qty 2 @ $4.50")
    s.put(500, 216, "$9.00", right=True)
    s.put(300, 250, "Subtotal")
    s.put(500, 250, "$189.00", right=True)
    s.put(300, 264, "Total due")
    s.put(500, 264, "$189.00", right=True)
    result = extract_page(s.page())
    assert items(result) == [
        ("Team plan, monthly seats for the engineering department (March 2024)", 12, Decimal("15.00"), 180),
        ("Extra storage 100 GB", 2, Decimal("4.50"), 9),
    ]
    assert values(result)["invoice_number"] == "CL-2024-0042"
    assert values(result)["totals.net"] == "189.00"


def test_consultant_prose_invoice_number_and_dates_inside_sentences() -> None:
    s = Sheet()
    s.put(40, 40, "Dr. Jana Novak", size=14)
    s.put(40, 60, "Unternehmensberatung, Ringstraße 4, 1010 Wien")
    s.put(40, 120, "Rechnung 2024-17 vom 12.03.2024, zahlbar bis 11.04.2024.")
    s.put(40, 150, "Für die Beratung im Februar erlaube ich mir, folgenden Betrag in Rechnung zu stellen:")
    s.put(40, 190, "Nettobetrag")
    s.put(400, 190, "2.400,00 €", right=True)
    s.put(40, 204, "USt. 20 %")
    s.put(400, 204, "480,00 €", right=True)
    s.put(40, 218, "Gesamtbetrag")
    s.put(400, 218, "2.880,00 €", right=True)
    fields = values(extract_page(s.page()))
    assert fields["invoice_number"] == "2024-17"
    assert fields["issue_date"] == "2024-03-12"
    assert fields["due_date"] == "2024-04-11"
    assert (fields["totals.net"], fields["totals.tax"], fields["totals.gross"]) == (
        "2400.00",
        "480.00",
        "2880.00",
    )


def test_invoice_number_in_prose_is_not_a_page_count() -> None:
    s = Sheet()
    s.put(40, 40, "Acme Ltd", size=14)
    s.put(40, 100, "Invoice 1 of 3 for your order")
    assert "invoice_number" not in values(extract_page(s.page()))


def test_boxed_label_row_over_value_row_pairs_by_position() -> None:
    """Labels left-aligned and values right-aligned in their boxes: a value lies partly under the
    neighbouring label, so columns pair by position, not by overlap."""
    s = Sheet()
    s.put(40, 40, "Nordlicht Software Ltd", size=16)
    s.put(54, 100, "INVOICE NO.", size=8)
    s.put(170, 100, "INVOICE DATE", size=8)
    s.put(290, 100, "DUE DATE", size=8)
    s.put(140, 112, "F2023/500", right=True)
    s.put(280, 112, "2023-05-17", right=True)
    s.put(400, 112, "2023-06-16", right=True)
    s.put(54, 300, "SUBTOTAL", size=8)
    s.put(178, 300, "VAT 20 % (NET 100.00)", size=8)
    s.put(302, 300, "VAT 5 % (NET 200.00)", size=8)
    s.put(425, 300, "TOTAL", size=8)
    s.put(170, 312, "£300.00", right=True)
    s.put(294, 312, "£20.00", right=True)
    s.put(417, 312, "£10.00", right=True)
    s.put(541, 312, "£330.00", right=True)
    result = extract_page(s.page())
    fields = values(result)
    assert (fields["invoice_number"], fields["issue_date"], fields["due_date"]) == (
        "F2023/500",
        "2023-05-17",
        "2023-06-16",
    )
    assert (fields["totals.net"], fields["totals.tax"], fields["totals.gross"]) == (
        "300.00",
        "30.00",
        "330.00",
    )
    assert sorted((t.rate, t.base, t.amount) for t in result.tax_lines) == [
        (Decimal(5), Decimal(200), Decimal(10)),
        (Decimal(20), Decimal(100), Decimal(20)),
    ]
    # a value read under its label is less certain than one beside it
    assert result.fields["issue_date"].confidence < 0.93


def test_bic_and_iban_with_labels_on_the_line_above() -> None:
    s = Sheet()
    s.put(40, 40, "Meridian Maschinenbau e.K.", size=14)
    s.put(24, 300, "IBAN", size=8)
    s.put(24, 310, "DE89 3704 0044 0532 0130 00")
    s.put(24, 330, "BIC", size=8)
    s.put(24, 340, "COBADEFFXXX")
    s.put(300, 340, "NOTABIC1")
    fields = values(extract_page(s.page()))
    assert fields["issuer.iban"] == "DE89370400440532013000"
    assert fields["issuer.bic"] == "COBADEFFXXX"


def test_a_bic_shaped_word_without_any_label_is_not_a_bic() -> None:
    s = Sheet()
    s.put(40, 40, "Meridian Maschinenbau e.K.", size=14)
    s.put(40, 340, "COBADEFFXXX")
    assert "issuer.bic" not in values(extract_page(s.page()))


def test_telecom_bill_with_billing_period_dates_keeps_the_issue_date() -> None:
    s = Sheet()
    s.put(40, 40, "TelNet Mobile B.V.", size=16)
    s.put(40, 100, "Factuurdatum: 05-04-2024")
    s.put(40, 114, "Factuurnummer: 8834120093")
    s.put(40, 128, "Periode: 01-03-2024 t/m 31-03-2024")
    s.put(40, 142, "Vervaldatum: 19-04-2024")
    fields = values(extract_page(s.page()))
    assert fields["issue_date"] == "2024-04-05"
    assert fields["due_date"] == "2024-04-19"
    assert fields["invoice_number"] == "8834120093"


def test_landscape_table_with_discount_columns_reads_amounts_by_header() -> None:
    s = Sheet()
    s.put(40, 40, "Großhandel Weber KG", size=16)
    for x, label in (
        (40, "Artikel"),
        (300, "Menge"),
        (380, "Einzelpreis"),
        (480, "Rabatt %"),
        (600, "Betrag"),
    ):
        s.put(x, 120, label)
    rows = [
        ("Schrauben M6 (100 Stk)", "10", "12,00", "10 %", "108,00"),
        ("Dübel 8 mm", "4", "5,00", "0 %", "20,00"),
    ]
    for n, (desc, qty, price, rate, amount) in enumerate(rows):
        y = 140 + 16 * n
        s.put(40, y, desc)
        s.put(330, y, qty, right=True)
        s.put(440, y, price, right=True)
        s.put(530, y, rate, right=True)
        s.put(650, y, amount, right=True)
    s.put(480, 200, "Nettobetrag")
    s.put(650, 200, "128,00", right=True)
    result = extract_page(s.page(landscape=True))
    assert [(i[0], i[3]) for i in items(result)] == [
        ("Schrauben M6 (100 Stk)", Decimal("108.00")),
        ("Dübel 8 mm", Decimal("20.00")),
    ]
    assert values(result)["totals.net"] == "128.00"


def test_ship_to_beside_bill_to_recipient_is_bill_to() -> None:
    s = Sheet()
    s.put(40, 40, "Brightside Supplies LLC", size=16)
    s.put(40, 120, "Bill To:")
    s.put(40, 134, "Harbor Foods Inc.")
    s.put(40, 148, "12 Pier Road, Boston, MA 02110")
    s.put(320, 120, "Ship To:")
    s.put(320, 134, "Harbor Foods Warehouse 3")
    s.put(320, 148, "88 Dock St, Chelsea, MA 02150")
    fields = values(extract_page(s.page()))
    assert fields["recipient.name"] == "Harbor Foods Inc."
    assert fields["issuer.name"] == "Brightside Supplies LLC"


def test_grid_of_label_value_cells_reads_each_value_from_its_own_cell() -> None:
    s = Sheet()
    s.put(40, 40, "Studio Verde S.r.l.", size=16)
    s.put(40, 100, "Numero fattura", size=8)
    s.put(200, 100, "Data fattura", size=8)
    s.put(40, 110, "2024/118")
    s.put(200, 110, "07/02/2024")
    s.put(40, 130, "Scadenza", size=8)
    s.put(200, 130, "Cliente", size=8)
    s.put(40, 140, "08/03/2024")
    s.put(200, 140, "C-2201")
    fields = values(extract_page(s.page()))
    assert fields["invoice_number"] == "2024/118"
    assert fields["issue_date"] == "2024-02-07"
    assert fields["due_date"] == "2024-03-08"


def test_ocr_rows_of_different_sizes_are_not_merged() -> None:
    """A scan's big letterhead and the small address line below it can land on one centre after
    levelling; words overlapping horizontally belong to different rows."""
    s = Sheet(TextSource.OCR)
    s.words += [
        Word("Bluewater", 51, 35.6, 91, 51.8),
        Word("Software", 94, 35.6, 130, 51.8),
        Word("LLC", 132, 35.6, 148, 51.8),
        Word("139", 52, 41.0, 65, 47.5),
        Word("Main", 68, 41.0, 86, 47.5),
        Word("Street", 89, 41.0, 111, 47.5),
    ]
    s.put(51, 70, "Chicago, IL 60601", size=7)
    fields = values(extract_page(s.page()))
    assert fields["issuer.name"] == "Bluewater Software LLC"
