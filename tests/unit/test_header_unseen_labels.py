"""Header fields on hand-placed pages of invented vendors: label wordings and languages the corpus layouts
do not use (due dates, invoice numbers, recipient and issuer labels), payment terms and deadlines written
into prose that wraps, immediate payment, and tax bases printed away from their tax lines."""

from __future__ import annotations

import pytest
from tests.unit.sheets import Sheet, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import TextSource


def _header(s: Sheet, issue: str = "14.02.2024") -> None:
    s.put(40, 40, "Acme Widgets GmbH", size=16)
    s.put(350, 100, "Invoice No: R-1001")
    s.put(350, 114, f"Invoice date: {issue}")


@pytest.mark.parametrize(
    "label",
    [
        "Payment date:",
        "Final payment date:",
        "Date de règlement :",
        "Date d'exigibilité :",
        "Fecha de pago:",
        "Vto.:",
        "Verloopdatum:",
        "Termine di pagamento:",
        "Zahlbar bis spätestens",
        "Förfallodatum:",
        "Forfaldsdato:",
        "Termin płatności:",
        "Datum splatnosti:",
        "Data de vencimento:",
        "Eräpäivä:",
    ],
)
@pytest.mark.parametrize("below", [False, True])
def test_due_date_labels_of_other_wordings_and_languages(label: str, below: bool) -> None:
    s = Sheet()
    _header(s)
    if below:
        s.put(350, 140, label)
        s.put(350, 154, "15.03.2024")
    else:
        s.put(350, 128, label)
        s.put(480, 128, "15.03.2024")
    assert values(extract_page(s.page())).get("due_date") == "2024-03-15"


def test_amount_due_by_a_date_names_the_due_date_but_amount_due_alone_does_not() -> None:
    s = Sheet()
    _header(s)
    s.put(350, 140, "Amount due by")
    s.put(350, 154, "15.03.2024")
    assert values(extract_page(s.page()))["due_date"] == "2024-03-15"
    s = Sheet()
    _header(s)
    s.put(350, 140, "Amount due:")
    s.put(450, 140, "1.190,00")
    assert "due_date" not in values(extract_page(s.page()))


@pytest.mark.parametrize(
    ("terms", "due"),
    [
        ("Betalingstermijn: 30 dagen", "2024-03-15"),
        ("Terms Net-30", "2024-03-15"),
        ("Terms: 30", "2024-03-15"),
        ("Betalningsvillkor: 30 dagar netto", "2024-03-15"),
        # End-of-month terms: the term runs to the end of the month it ends in.
        ("Conditions de paiement : 30 jours fin de mois", "2024-03-31"),
        ("Terms: 30 days end of month", "2024-03-31"),
        ("Pagamento: bonifico 30 gg d.f.f.m.", "2024-03-31"),
    ],
)
def test_payment_terms_count_from_the_issue_date(terms: str, due: str) -> None:
    s = Sheet()
    _header(s)
    s.put(40, 400, terms)
    assert values(extract_page(s.page()))["due_date"] == due


@pytest.mark.parametrize(
    "prose",
    [
        [
            "Ich bitte Sie, den Gesamtbetrag von 4.250,00 EUR bis spätestens zum 15.",
            "März 2024 zu überweisen.",
        ],
        [
            "Ruego transfiera el importe total de 4.250,00 EUR antes del 15 de marzo de",
            "2024 a la cuenta abajo.",
        ],
        [
            "Je vous remercie de bien vouloir virer le montant de 4 250,00 EUR avant le",
            "15 mars 2024 sur le compte.",
        ],
        [
            "Graag ontvang ik het totaalbedrag van € 4.250,00 vóór 15 maart 2024 op het",
            "onderstaande rekeningnummer.",
        ],
        ["Payment is due on the 15th of March 2024."],
    ],
)
def test_deadline_in_a_letter_even_when_the_line_break_cuts_the_date(prose: list[str]) -> None:
    s = Sheet()
    s.put(40, 40, "Dr. Anna Berger", size=16)
    s.put(40, 100, "Invoice No: R-1001")
    s.put(40, 114, "Date: 14.02.2024")
    for n, text in enumerate(prose):
        s.put(40, 300 + 12 * n, text)
    assert values(extract_page(s.page()))["due_date"] == "2024-03-15"


def test_a_later_date_in_a_sentence_about_something_else_is_no_deadline() -> None:
    s = Sheet()
    _header(s)
    s.put(40, 300, "Our offices are closed until 04.03.2024 for renovation works on the premises.")
    assert "due_date" not in values(extract_page(s.page()))


def test_immediate_payment_names_no_due_date_even_where_a_due_cell_repeats_the_issue_date() -> None:
    s = Sheet()
    _header(s)
    s.put(40, 400, "Payment due on receipt.")
    assert "due_date" not in values(extract_page(s.page()))
    s = Sheet()
    s.put(40, 40, "Acme Widgets GmbH", size=16)
    for x, text in [(300, "Invoice date"), (400, "Due date"), (480, "Terms")]:
        s.put(x, 100, text)
    for x, text in [(300, "14.02.2024"), (400, "14.02.2024"), (480, "Due on receipt")]:
        s.put(x, 114, text)
    fields = values(extract_page(s.page()))
    assert fields["issue_date"] == "2024-02-14"
    assert "due_date" not in fields


@pytest.mark.parametrize(
    "label",
    [
        "Inv. No.",
        "Statement No.",
        "Re.-Nr.:",
        "Réf. facture :",
        "Fakturanummer:",
        "Numer faktury:",
        "Číslo faktury:",
        "Fatura n.º",
        "Invoice Serial No.:",
    ],
)
def test_invoice_number_labels_of_other_wordings_and_languages(label: str) -> None:
    s = Sheet()
    s.put(40, 40, "Acme Widgets GmbH", size=16)
    s.put(350, 100, label)
    s.put(470, 100, "INV-2024-0815")
    assert values(extract_page(s.page())).get("invoice_number") == "INV-2024-0815"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Data: 14 de fevereiro de 2024", "2024-02-14"),
        ("Data wystawienia: 14 lutego 2024", "2024-02-14"),
        ("Fakturadatum: 14 februari 2024", "2024-02-14"),
        ("Dato: 14. marts 2024", "2024-03-14"),
    ],
)
def test_month_names_of_portuguese_polish_swedish_and_danish(text: str, iso: str) -> None:
    s = Sheet()
    s.put(40, 40, "Acme Widgets GmbH", size=16)
    s.put(350, 100, text)
    assert values(extract_page(s.page()))["issue_date"] == iso


def test_a_wrapped_iban_in_a_narrow_sidebar_column() -> None:
    s = Sheet(font_size=8)
    s.put(40, 40, "Acme Widgets GmbH", size=16)
    s.put(24, 300, "IBAN")
    s.put(24, 310, "IT59 L051 0400 0002 8729 3904")
    s.put(240, 310, "16 Contratto di manutenzione")
    s.put(24, 320, "715")
    assert values(extract_page(s.page()))["issuer.iban"] == "IT59L0510400000287293904715"


def _totals_page(rows: list[tuple[str, str]], summary: list[str] | None = None) -> Sheet:
    s = Sheet()
    s.put(40, 40, "Acme Widgets GmbH", size=16)
    s.put(40, 100, "Rechnungsnummer: 2024-001")
    s.put(40, 200, "Beschreibung")
    s.put(500, 200, "Betrag", right=True)
    s.put(40, 216, "Beratung")
    s.put(500, 216, "1.000,00", right=True)
    s.put(40, 232, "Fachbuch")
    s.put(500, 232, "500,00", right=True)
    for n, (label, value) in enumerate(rows):
        s.put(330, 270 + 14 * n, label)
        s.put(500, 270 + 14 * n, value, right=True)
    for n, text in enumerate(summary or []):
        s.put(40, 400 + 14 * n, text)
    return s


def test_tax_bases_from_a_summary_row_whose_rate_has_no_percent_sign() -> None:
    # No net total printed: only the summary row can give the bases.
    rows = [("USt 19 %", "190,00"), ("USt 7 %", "35,00"), ("Brutto", "1.725,00")]
    summary = [
        "Steuersatz     Netto       Steuer",
        "19             1.000,00    190,00",
        "7              500,00      35,00",
    ]
    result = extract_page(_totals_page(rows, summary).page())
    lines = {(t.rate, t.base, t.amount) for t in result.tax_lines}
    assert {(r, str(b), str(a)) for r, b, a in lines} == {(19, "1000.00", "190.00"), (7, "500.00", "35.00")}


def test_tax_bases_of_two_rates_split_from_the_net_total_when_only_one_split_fits() -> None:
    rows = [("Netto", "1.500,00"), ("USt 19 %", "190,00"), ("USt 7 %", "35,00"), ("Brutto", "1.725,00")]
    result = extract_page(_totals_page(rows).page())
    assert sorted((str(t.base), str(t.amount)) for t in result.tax_lines) == [
        ("1000.00", "190.00"),
        ("500.00", "35.00"),
    ]


def test_ocr_tax_amount_garbled_is_read_again_when_its_base_confirms_it() -> None:
    s = Sheet(source=TextSource.OCR)
    s.put(40, 40, "Bluewater Logistics Ltd", size=16)
    s.put(297, 120, "Subtotal")
    s.put(560, 120, "£1,140,424.12", right=True)
    s.put(297, 134, "VAT 20 % (Net 1,140,424.12)")
    s.put(560, 134, "£228.084.82", right=True)
    s.put(297, 148, "Total")
    s.put(560, 148, "£1,368,508.94", right=True)
    result = extract_page(s.page())
    assert [(str(t.base), str(t.amount)) for t in result.tax_lines] == [("1140424.12", "228084.82")]


@pytest.mark.parametrize(
    "title",
    [
        "Invoice – 2024-0815",
        "Honorarnote Nr. 2024-0815",
        "Faktura 2024-0815",
        "Fatura 2024-0815",
    ],
)
def test_invoice_number_after_a_document_title_in_prose(title: str) -> None:
    s = Sheet()
    s.put(40, 40, "Acme Widgets GmbH", size=16)
    s.put(40, 200, title, size=12)
    s.put(40, 230, "Datum: 14.02.2024")
    assert values(extract_page(s.page())).get("invoice_number") == "2024-0815"
