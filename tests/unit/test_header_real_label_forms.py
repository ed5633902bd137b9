"""Label forms that real invoices print (found by benchmarks/template_labels.py in invoice2data's vendor
templates) on hand-placed pages of invented vendors: the issue date's label built from the title word
("Date de facture :", "Rechnung vom"), a letter's dateline, order and delivery dates that compete with it,
document and receipt numbers, deadlines, and totals worded with the title or without the tax."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import PageExtraction


def _page(
    header: list[tuple[float, str]], totals: list[tuple[str, str]] | None = None, early: str | None = None
) -> PageExtraction:
    """A vendor's name, an optional line with an earlier date (a delivery note, an order: the first date
    on the page, so a guess would take it), the header lines at their x, one item and the totals."""
    s = Sheet()
    s.put(40, 40, "Kestrel Bureautique", size=16)
    if early:
        s.put(40, 70, early)
    y = 100.0
    for x, text in header:
        s.put(x, y, text)
        y += 14
    s.put(40, 300, "Description")
    s.put(520, 300, "Amount", right=True)
    s.put(40, 316, "Maintenance contract, March")
    s.put(520, 316, "250,00", right=True)
    y = 360.0
    for label, amount in totals or []:
        s.put(330, y, label)
        s.put(520, y, amount, right=True)
        y += 14
    return extract_page(s.page())


_EARLY = "Delivery note DN-5531 of 28/02/2024"


@pytest.mark.parametrize(
    ("label", "below"),
    [
        *[
            (label, below)
            for label in ("Date de facture :", "Date facture :", "Date de la facture :")
            for below in (False, True)
        ],
        *[(label, below) for label in ("Fecha factura:", "Data fattura:") for below in (False, True)],
        ("Datum factuur:", False),
    ],
)
def test_issue_date_labelled_with_the_title_word_before_a_colon(label: str, below: bool) -> None:
    # "facture :" alone would be the number's label ("Facture : F-117"); after "Date" it names the date.
    rows = [(330.0, "Invoice No. F-2024-117")]
    rows += [(330.0, label), (330.0, "12/03/2024")] if below else [(330.0, f"{label} 12/03/2024")]
    found = values(_page(rows, early=_EARLY))
    assert found["issue_date"] == "2024-03-12"
    assert found.get("invoice_number") == "F-2024-117"


@pytest.mark.parametrize(
    "line",
    [
        "Facture du 12/03/2024",
        "Rechnung vom 12.03.2024",
        "Fattura del 12/03/2024",
        "Factuur d.d. 12-03-2024",
        "Émise le 12/03/2024",
        "Ausgestellt am 12.03.2024",
        "Issued: 12/03/2024",
    ],
)
def test_issue_date_after_the_title_and_a_word_for_of_or_issued(line: str) -> None:
    found = values(_page([(330, "Client : C-4410"), (330, line)], early=_EARLY))
    assert found["issue_date"] == "2024-03-12"


@pytest.mark.parametrize(
    "competing",
    [
        "Date de la commande :",
        "Date d'expédition :",
        "Fecha de la entrega:",
        "Data dell'ordine:",
        "Datum levering:",
    ],
)
def test_order_and_delivery_dates_with_an_article_do_not_date_the_invoice(competing: str) -> None:
    found = values(_page([(330, f"{competing} 02/03/2024"), (330, "Date : 12/03/2024")]))
    assert found["issue_date"] == "2024-03-12"


@pytest.mark.parametrize(
    "dateline",
    [
        "Lyon, le 12 mars 2024",
        "Berlin, den 12.03.2024",
        "Madrid, a 12 de marzo de 2024",
        "Kraków, dnia 12.03.2024",
    ],
)
def test_a_letters_dateline_dates_the_invoice_not_an_earlier_delivery_date(dateline: str) -> None:
    found = values(_page([(330, dateline), (40, "Invoice 2024-117")], early=_EARLY))
    assert found["issue_date"] == "2024-03-12"


@pytest.mark.parametrize(
    "label",
    [
        "Numéro de document :",
        "N° de document :",
        "Dokumentnummer:",
        "N° de reçu :",
        "Reçu n° :",
        "Número de recibo:",
        "Quittungsnummer:",
        "Kwitantienummer:",
    ],
)
@pytest.mark.parametrize("below", [False, True])
def test_document_and_receipt_numbers_beside_a_customer_number(label: str, below: bool) -> None:
    s = Sheet()
    s.put(40, 40, "Kestrel Bureautique", size=16)
    if below:
        s.put(330, 100, "N° client")
        s.put(440, 100, label)
        s.put(330, 114, "C-4410")
        s.put(440, 114, "D-88213")
    else:
        s.put(330, 100, "N° client : C-4410")
        s.put(330, 114, f"{label} D-88213")
    s.put(330, 128, "Date : 12/03/2024")
    assert values(extract_page(s.page())).get("invoice_number") == "D-88213"


def test_polish_title_with_vat_and_its_number_in_prose() -> None:
    found = values(_page([(40, "FAKTURA VAT 118/03/2024"), (330, "Data wystawienia: 12.03.2024")]))
    assert found.get("invoice_number") == "118/03/2024"


@pytest.mark.parametrize(
    "label", ["Niet later dan:", "Not later than:", "Au plus tard le", "A más tardar el", "Spätestens am"]
)
def test_deadline_labels_name_the_due_date(label: str) -> None:
    found = values(_page([(330, "Date : 12/03/2024"), (330, f"{label} 11/04/2024")]))
    assert found["due_date"] == "2024-04-11"


@pytest.mark.parametrize(
    "totals",
    [
        [("Total (HT)", "250,00"), ("Montant de la TVA", "50,00"), ("Facture TTC", "300,00")],
        [("Totaalbedrag excl.", "250,00"), ("Totaal BTW-bedrag", "50,00"), ("Eindtotaal", "300,00")],
        [("Netto totaal", "250,00"), ("B.T.W.", "50,00"), ("Te incasseren", "300,00")],
        [("Pre-tax total", "250,00"), ("Total taxes", "50,00"), ("Total to be paid", "300,00")],
        [("Suma sin IVA", "250,00"), ("IVA", "50,00"), ("Total factura", "300,00")],
    ],
)
def test_totals_worded_with_the_title_or_without_the_tax(totals: list[tuple[str, str]]) -> None:
    # The item line is 250,00 as well: only the labels tell the net and the gross apart from the items.
    found = _page([(330, "Invoice No. F-2024-117"), (330, "Date : 12/03/2024")], totals=totals)
    got = {name: found.fields[name].value for name in ("totals.net", "totals.tax", "totals.gross")}
    assert {k: Decimal(v) for k, v in got.items()} == {
        "totals.net": Decimal("250.00"),
        "totals.tax": Decimal("50.00"),
        "totals.gross": Decimal("300.00"),
    }


@pytest.mark.parametrize(
    "line",
    [
        "Facture n° F-2024-117 du 12/03/2024",
        "RECHNUNG NR. F-2024-117 VOM 12.03.2024",
        "Fattura n. F-2024-117 del 12/03/2024",
        "Invoice no. F-2024-117 of 12 March 2024",
        "Factuur nr. F-2024-117 d.d. 12-03-2024",
        "Faktura VAT nr F-2024-117 z dnia 12.03.2024",
    ],
)
def test_issue_date_printed_after_the_invoice_number(line: str) -> None:
    found = values(_page([(300, line)], early=_EARLY))
    assert (found.get("invoice_number"), found["issue_date"]) == ("F-2024-117", "2024-03-12")


def test_the_date_after_a_referenced_invoices_number_does_not_date_the_credit_note() -> None:
    # A credit note names the invoice it corrects with that invoice's date; its own date is the letter's.
    rows = [(300, "Credit note CN-0042"), (300, "Original invoice No. F-2024-117 of 12/03/2024")]
    found = values(_page([*rows, (300, "Hamburg, 20.03.2024")]))
    assert found["issue_date"] == "2024-03-20"


@pytest.mark.parametrize(
    "period",
    [
        "Facture du 01/03/2024 au 31/03/2024",
        "Facture n° F-117 du 01/03/2024 au 31/03/2024",
        "Rechnung vom 01.03.2024 bis 31.03.2024",
        "Invoice dated 01/03/2024 to 31/03/2024",
        "Fattura del 01/03/2024 - 31/03/2024",
    ],
)
def test_a_billing_period_after_the_title_does_not_beat_the_labelled_issue_date(period: str) -> None:
    # "du … au …" dates the service; the document's date is the one its own label names.
    found = values(_page([(40.0, period), (330.0, "Date : 05/04/2024")]))

    assert found["issue_date"] == "2024-04-05"
