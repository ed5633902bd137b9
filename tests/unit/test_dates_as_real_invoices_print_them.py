"""Issue and due dates among the other dates real invoices print (benchmarks/invented_dates.py): an order,
a delivery or a tax point date beside the invoice date, a date label qualified by words the lexicon does
not know, the date of the invoice a credit note corrects, a US letter's dateline, values stacked under
short labels, due dates in the wordings of direct debits and of plural labels."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page


def _letterhead(s: Sheet, vendor: str = "Kestrel & Vane Ltd") -> Sheet:
    s.put(40, 40, vendor, size=14)
    s.put(40, 60, "12 Harbour Road, Leeds LS1 4AB")
    s.put(40, 120, "Nordlicht Handel AG")
    s.put(40, 132, "Hafenstrasse 9, 28195 Bremen")
    return s


def _pairs(s: Sheet, rows: list[tuple[str, str]], y: float = 110) -> Sheet:
    for n, (label, value) in enumerate(rows):
        s.put(330, y + 14 * n, label)
        s.put(450, y + 14 * n, value)
    return s


def _dates(s: Sheet) -> tuple[str | None, str | None]:
    got = values(extract_page(s.page()))
    return got.get("issue_date"), got.get("due_date")


@pytest.mark.parametrize(
    ("label", "value", "expected"),
    [
        ("Date of invoice:", "02/09/2024", "2024-09-02"),
        ("Datum van de factuur:", "02-09-2024", "2024-09-02"),
    ],
)
def test_a_date_label_naming_the_invoice_after_the_date_word_is_the_issue_date(
    label: str, value: str, expected: str
) -> None:
    """ "Date of invoice:" holds "invoice:", a number's label on its own: the date's label is the longer."""
    s = _pairs(_letterhead(Sheet()), [("Invoice number:", "F-56912"), ("Your order of:", "26/07/2024")])
    _pairs(s, [(label, value)], y=138)
    assert _dates(s)[0] == expected


def test_a_purchase_order_date_written_with_dots_is_not_the_invoice_date() -> None:
    s = _letterhead(Sheet())
    s.put(40, 200, "Invoice #")
    s.put(200, 200, "P.O. Date")
    s.put(360, 200, "Date")
    s.put(40, 214, "INV-50346")
    s.put(200, 214, "July 14, 2024")
    s.put(360, 214, "July 27, 2024")
    s.put(40, 260, "Total $1,200.00")
    assert _dates(s)[0] == "2024-07-27"


@pytest.mark.parametrize(
    "dateline", ["Austin, TX, 04/19/2024", "Austin, TX, April 19, 2024", "Boston, April 19, 2024"]
)
def test_a_us_letter_dated_after_its_city_and_state(dateline: str) -> None:
    """No date label: the dateline dates the letter, not the order's date printed above it."""
    s = _letterhead(Sheet())
    s.put(330, 150, "Your order of 04/05/2024")
    s.put(555, 175, dateline, right=True)
    s.put(40, 200, "Invoice # F-62002")
    s.put(40, 260, "Total $1,200.00")
    assert _dates(s)[0] == "2024-04-19"


@pytest.mark.parametrize("tax_point_first", [True, False])
def test_a_bare_date_label_beats_a_tax_point_date(tax_point_first: bool) -> None:
    rows = [("Date:", "01/02/2024"), ("Tax point date:", "24/01/2024")]
    s = _pairs(
        _letterhead(Sheet()), [("Invoice number:", "INV-2744"), *(rows[::-1] if tax_point_first else rows)]
    )
    assert _dates(s)[0] == "2024-02-01"


def test_a_tax_point_alone_still_dates_the_invoice() -> None:
    s = _pairs(_letterhead(Sheet()), [("Invoice number:", "INV-2744"), ("Tax point:", "24/01/2024")])
    assert _dates(s)[0] == "2024-01-24"


@pytest.mark.parametrize(
    ("qualified", "bare", "first", "second", "expected"),
    [
        ("Date Shipped", "Date", "August 27, 2024", "September 1, 2024", "2024-09-01"),
        ("Data de carga", "Data", "01/08/2025", "06/08/2025", "2025-08-06"),
        ("Fecha de operación", "Fecha", "31/01/2024", "05/02/2024", "2024-02-05"),
    ],
)
def test_a_bare_date_label_beats_one_qualified_by_unknown_words(
    qualified: str, bare: str, first: str, second: str, expected: str
) -> None:
    """Labels stacked over their values down the right column; the qualified label comes first. The
    values are wider than the short labels and flush with their left edges: still under them."""
    s = _letterhead(Sheet())
    for n, (label, value) in enumerate([("Invoice No.", "INV-36353"), (qualified, first), (bare, second)]):
        s.put(400, 100 + 26 * n, label, size=8)
        s.put(400, 110 + 26 * n, value)
    assert _dates(s)[0] == expected


def test_a_specific_label_beats_a_qualified_generic_one_though_its_date_reads_both_ways() -> None:
    """ "05/02/2024" could be 2 May: that doubt lowers the confidence, not the rank of "Fecha de factura"."""
    s = _letterhead(Sheet())
    for n, (label, value) in enumerate(
        [("Fecha de operación", "31/01/2024"), ("Fecha de factura", "05/02/2024")]
    ):
        s.put(400, 100 + 26 * n, label, size=8)
        s.put(400, 110 + 26 * n, value)
    assert _dates(s)[0] == "2024-02-05"


@pytest.mark.parametrize(
    ("date_row", "reference"),
    [
        (("Date", "01/06/2025"), "Original invoice RE-9481 dated 11/27/2024"),
        (("Date", "01/06/2025"), "Original invoice date: 11/27/2024"),
        (("Datum", "06.01.2025"), "Korrektur zur Rechnung vom 27.11.2024"),
        (("Date", "06/01/2025"), "Avoir relatif à la facture du 27/11/2024"),
    ],
)
def test_a_credit_note_is_dated_by_its_own_label_not_by_the_corrected_invoices_date(
    date_row: tuple[str, str], reference: str
) -> None:
    """The own date reads both ways (a confidence lower than the reference's): the reference must go."""
    s = _letterhead(Sheet())
    s.put(40, 180, "CREDIT NOTE", size=14)
    s.put(40, 200, reference)
    _pairs(s, [date_row], y=122)
    if date_row[1] == "01/06/2025":
        s.put(40, 260, "Total $1,200.00")  # US: month first
    assert _dates(s)[0] == "2025-01-06"


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Your card on file will be charged on 01/28/2024.", "2024-01-28"),
        ("AutoPay scheduled for 01/28/2024", "2024-01-28"),
        ("Wir buchen den Betrag am 28.01.2024 ab.", "2024-01-28"),
        ("Wir ziehen den Rechnungsbetrag am 28.01.2024 von Ihrem Konto ein.", "2024-01-28"),
    ],
)
def test_a_direct_debit_or_card_charge_on_a_day_is_when_payment_is_due(sentence: str, due: str) -> None:
    us = sentence.isascii() and "/" in sentence
    s = _pairs(
        _letterhead(Sheet()),
        [("Invoice No.:", "F-1001"), ("Invoice date:", "01/08/2024" if us else "08.01.2024")],
    )
    s.put(40, 300, "Total $1,200.00" if us else "Gesamtbetrag 1.200,00 EUR")
    s.put(40, 320, sentence)
    assert _dates(s) == ("2024-01-08", due)


@pytest.mark.parametrize(
    ("label", "issue", "due"),
    [("Scadenze:", "29/01/2025", "18/02/2025"), ("Vencimientos:", "29/01/2025", "18/02/2025")],
)
def test_plural_due_labels_of_instalment_lists(label: str, issue: str, due: str) -> None:
    """ "Scadenze: 18/02/2025  1.234,56", "Vencimientos: …": the list of instalments, one here."""
    s = _pairs(_letterhead(Sheet()), [("Numero fattura:", "F-1001"), ("Data fattura:", issue)])
    s.put(40, 300, f"{label} {due}")
    s.put(300, 300, "1.234,56")
    assert _dates(s) == ("2025-01-29", "2025-02-18")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Rechnung F-67972 vom Sonntag, 8. Juni 2025", "2025-06-08"),
        ("Invoice 2025-117 dated Thursday, 5 June 2025", "2025-06-05"),
        ("Facture F-117 du jeudi 5 juin 2025", "2025-06-05"),
    ],
)
def test_the_title_dated_with_the_day_of_the_week(title: str, expected: str) -> None:
    """No date label; a due date printed high on the page, with its weekday too, is not the dateline."""
    s = _letterhead(Sheet())
    s.put(40, 180, title, size=12)
    s.put(40, 300, "Zahlbetrag fällig am Sonntag, 22. Juni 2025: 100,00")
    assert _dates(s)[0] == expected


@pytest.mark.parametrize(
    "dateline",
    ["Paris, le lundi 2 juin 2025", "Berlin, Montag, 2. Juni 2025", "Madrid, lunes, 2 de junio de 2025"],
)
def test_a_dateline_with_the_day_of_the_week(dateline: str) -> None:
    s = _letterhead(Sheet())
    s.put(330, 150, "Bestellung 4711 vom 20.05.2025")
    s.put(555, 175, dateline, right=True)
    s.put(40, 200, "Rechnung RE-4711")
    assert _dates(s)[0] == "2025-06-02"


@pytest.mark.parametrize(
    "note",
    [
        "Packing slip 4711 dated 06/20/24",
        "Bon de livraison n° 4711 date 20/06/2024",
        "DDT n. 4711 data 20/06/2024",
    ],
)
def test_a_bare_date_label_after_another_documents_name_dates_that_document(note: str) -> None:
    """A continuation page: the invoice number again, items grouped under a dated delivery note. That
    date is no labelled issue date: it must not outweigh page 1's "Date: 07/06/24", whose confidence its
    day/month doubt lowers to 0.78 (the pages are merged by confidence)."""
    s = Sheet(page_number=2)
    s.put(40, 40, "Invoice # INV-41731")
    s.put(40, 80, note)
    s.put(40, 100, "Relay 24 V")
    s.put(540, 100, "1,675.05", right=True)
    found = extract_page(s.page()).fields.get("issue_date")
    assert found is None or found.confidence < 0.78
