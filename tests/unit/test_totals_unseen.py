"""Net / tax / gross on hand-placed pages of invented vendors whose totals blocks the corpus layouts do
not use: Nordic, Finnish, Polish, Portuguese and UK wordings, payments, deposits and withholdings printed
between the invoice total and what is left to pay, hotel folios, VAT summary tables with a totals row,
per-page sums and carried totals, and a real two-page PDF."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen import canvas
from tests.unit.sheets import Sheet, d, values

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.models import OcrMode
from invoiceflow.domain.pipeline import extract_invoice

Totals = tuple[str | None, str | None, str | None]


def _sheet(decimal_comma: bool = True) -> Sheet:
    s = Sheet()
    s.put(40, 40, "Nordlicht Handel AG", size=16)
    s.put(40, 70, "Hauptstrasse 5, 10115 Berlin")
    s.put(350, 100, "Invoice No.: 4711")
    prices = ("250,00", "500,00") if decimal_comma else ("250.00", "500.00")
    s.table(
        220,
        [(40, "Description", False), (300, "Qty", True), (400, "Price", True), (540, "Amount", True)],
        [["Widget A", "2", prices[0], prices[1]], ["Service B", "1", prices[1], prices[1]]],
    )
    return s


def _totals(s: Sheet, rows: list[tuple[str, str]], y: float = 300) -> Totals:
    for label, value in rows:
        s.put(300, y, label)
        s.put(545, y, value, right=True)
        y += 16
    found = values(extract_page(s.page()))
    return found.get("totals.net"), found.get("totals.tax"), found.get("totals.gross")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # Swedish, Norwegian, Danish, Finnish, Polish, Portuguese.
        ([("Summa exkl. moms", "1 000,00"), ("Moms 25 %", "250,00"), ("Att betala", "1 250,00 SEK")], "250"),
        ([("Belopp före moms", "1 000,00"), ("Moms 25%", "250,00"), ("Summa att betala", "1 250,00")], "250"),
        ([("Sum eks. mva", "1 000,00"), ("MVA 25 %", "250,00"), ("Å betale", "1 250,00")], "250"),
        (
            [
                ("Beløp eks. mva", "1 000,00"),
                ("Merverdiavgift 25 %", "250,00"),
                ("Totalt inkl. mva", "1 250,00"),
            ],
            "250",
        ),
        (
            [("Beløb ekskl. moms", "1.000,00"), ("Moms 25%", "250,00"), ("Total inkl. moms", "1.250,00")],
            "250",
        ),
        ([("Subtotal", "1.000,00"), ("Moms 25 %", "250,00"), ("At betale DKK", "1.250,00")], "250"),
        ([("Veroton yhteensä", "1 000,00"), ("ALV 24 %", "240,00"), ("Yhteensä", "1 240,00")], "240"),
        ([("Razem netto", "1 000,00"), ("VAT 23%", "230,00"), ("Razem brutto", "1 230,00")], "230"),
        ([("Total ilíquido", "1.000,00"), ("IVA 23%", "230,00"), ("Total a pagar", "1.230,00")], "230"),
        ([("Base imponible", "1.000,00"), ("I.V.A. 21%", "210,00"), ("Importe a pagar", "1.210,00")], "210"),
        ([("Montant HT", "1 000,00"), ("TVA 20 %", "200,00"), ("Montant dû", "1 200,00")], "200"),
    ],
)
def test_totals_blocks_in_languages_the_corpus_does_not_use(
    rows: list[tuple[str, str]], expected: str
) -> None:
    tax = d(expected)
    assert _totals(_sheet(), rows) == ("1000.00", f"{tax:.2f}", f"{1000 + tax:.2f}")


@pytest.mark.parametrize(
    "rows",
    [
        [("Total (excl. VAT)", "£1,000.00"), ("VAT @ 20%", "£200.00"), ("Total inc. VAT", "£1,200.00")],
        [("Sub Total", "£1,000.00"), ("VAT at 20%", "£200.00"), ("Total GBP", "£1,200.00")],
        [("Amount ex VAT", "1,000.00"), ("VAT 20%", "200.00"), ("Total (incl. VAT)", "1,200.00")],
        [("Subtotal", "$1,000.00"), ("HST 20%", "$200.00"), ("Total", "$1,200.00")],
    ],
)
def test_uk_and_canadian_wordings_with_brackets_and_inc(rows: list[tuple[str, str]]) -> None:
    assert _totals(_sheet(False), rows) == ("1000.00", "200.00", "1200.00")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # A deposit deducted before "NET À PAYER": the net à payer is not the gross.
        (
            [
                ("Total HT", "1 000,00"),
                ("TVA 20 %", "200,00"),
                ("Total TTC", "1 200,00"),
                ("Acompte versé", "-300,00"),
                ("NET À PAYER", "900,00"),
            ],
            ("1000.00", "200.00", "1200.00"),
        ),
        (
            [
                ("Nettobetrag", "1.000,00 EUR"),
                ("zzgl. 19 % USt.", "190,00 EUR"),
                ("Rechnungsbetrag", "1.190,00 EUR"),
                ("bereits gezahlt", "500,00 EUR"),
                ("Zahlbetrag", "690,00 EUR"),
            ],
            ("1000.00", "190.00", "1190.00"),
        ),
        (
            [
                ("Imponibile", "1.000,00"),
                ("IVA 22%", "220,00"),
                ("Totale documento", "1.220,00"),
                ("Ritenuta d'acconto 20%", "200,00"),
                ("Netto a pagare", "1.020,00"),
            ],
            ("1000.00", "220.00", "1220.00"),
        ),
        (
            [
                ("Subtotaal", "1.000,00"),
                ("BTW 21%", "210,00"),
                ("Totaal", "1.210,00"),
                ("Reeds betaald", "210,00"),
                ("Te betalen", "1.000,00"),
            ],
            ("1000.00", "210.00", "1210.00"),
        ),
        # No tax at all: the balance after a deposit is still not the gross.
        (
            [("Total", "1.000,00"), ("Deposit received", "400,00"), ("Balance due", "600,00")],
            (None, None, "1000.00"),
        ),
    ],
)
def test_what_is_left_to_pay_after_a_deposit_is_not_the_gross(
    rows: list[tuple[str, str]], expected: Totals
) -> None:
    assert _totals(_sheet(), rows) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [
                ("Subtotal", "1,000.00"),
                ("Tax", "80.00"),
                ("Total", "1,080.00"),
                ("Paid", "1,080.00"),
                ("Balance Due", "$0.00"),
            ],
            ("1000.00", "80.00", "1080.00"),
        ),
        (
            [("Total", "1,000.00"), ("Amount paid", "1,000.00"), ("Balance due", "0.00")],
            (None, None, "1000.00"),
        ),
        # A hotel folio: charges, payments (negative), a zero balance.
        (
            [("Total charges", "1,000.00"), ("Total payments", "-1,000.00"), ("Balance", "0.00")],
            (None, None, "1000.00"),
        ),
        (
            [
                ("Subtotal", "$1,000.00"),
                ("Sales tax", "$82.50"),
                ("Total", "$1,082.50"),
                ("Payments/Credits", "$500.00"),
                ("Balance due", "$582.50"),
            ],
            ("1000.00", "82.50", "1082.50"),
        ),
    ],
)
def test_a_paid_invoice_keeps_its_total_not_its_zero_balance(
    rows: list[tuple[str, str]], expected: Totals
) -> None:
    assert _totals(_sheet(False), rows) == expected


def test_a_withholding_deducted_inside_the_invoice_total_still_confirms_base_and_tax() -> None:
    # Spanish professional's invoice: Total factura = base + IVA - IRPF.
    rows = [
        ("Base imponible", "1.000,00 €"),
        ("IVA (21%)", "210,00 €"),
        ("Retención IRPF (-15%)", "-150,00 €"),
        ("Total factura", "1.060,00 €"),
    ]
    assert _totals(_sheet(), rows) == ("1000.00", "210.00", "1060.00")


def test_the_totals_row_of_a_vat_summary_table_gives_net_tax_and_gross() -> None:
    s = _sheet()
    s.table(
        300,
        [(330, "USt-Satz", False), (420, "Netto", True), (480, "USt", True), (550, "Brutto", True)],
        [
            ["19 %", "500,00", "95,00", "595,00"],
            ["7 %", "500,00", "35,00", "535,00"],
            ["Summe", "1.000,00", "130,00", "1.130,00"],
        ],
    )
    found = values(extract_page(s.page()))
    assert (found.get("totals.net"), found.get("totals.tax"), found.get("totals.gross")) == (
        "1000.00",
        "130.00",
        "1130.00",
    )


@pytest.mark.parametrize("label", ["Seitensumme", "Page total", "Total page", "Totale pagina", "Übertrag"])
def test_a_page_sum_is_no_document_total(label: str) -> None:
    assert _totals(_sheet(), [(label, "1.000,00")]) == (None, None, None)


def _two_page_pdf() -> bytes:
    """A German two-page invoice: page sums and "Übertrag" carried to page 2, totals on page 2 with a
    deposit deducted before the amount to pay."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=(595, 842))
    head = [
        (40, "Beschreibung", False),
        (330, "Menge", True),
        (430, "Einzelpreis", True),
        (555, "Betrag", True),
    ]
    pages = [
        [(f"Beratung Modul {i}", "2", "250,00", "500,00") for i in range(1, 7)],
        [(f"Schulung Tag {i}", "1", "400,00", "400,00") for i in range(1, 4)],
    ]
    for number, rows in enumerate(pages, 1):
        c.setFont("Helvetica", 9)
        if number == 1:
            c.setFont("Helvetica-Bold", 14)
            c.drawString(40, 800, "Kessler Maschinenbau GmbH")
            c.setFont("Helvetica", 9)
            c.drawString(40, 786, "Industriestr. 4, 70565 Stuttgart")
            for k, text in enumerate(
                [
                    "Rechnung Nr. R24 0815",
                    "Datum: 14.02.2024",
                    "Auftrags-Nr.: 4500012345",
                    "Kunden-Nr.: 10077",
                ]
            ):
                c.drawString(360, 760 - 14 * k, text)
            y = 680.0
        else:
            c.drawString(360, 800, "Rechnung Nr. R24 0815 - Seite 2")
            c.drawString(40, 770, "Übertrag")
            c.drawRightString(555, 770, "3.000,00")
            y = 746.0
        for x, label, right in head:
            (c.drawRightString if right else c.drawString)(x, y, label)
        for row in rows:
            y -= 16
            for (x, _, right), cell in zip(head, row, strict=True):
                (c.drawRightString if right else c.drawString)(x, y, cell)
        y -= 24
        if number == 1:
            totals = [("Seitensumme", "3.000,00"), ("Übertrag auf Seite 2", "3.000,00")]
        else:
            totals = [
                ("Nettobetrag", "4.200,00 EUR"),
                ("zzgl. 19 % USt.", "798,00 EUR"),
                ("Rechnungsbetrag", "4.998,00 EUR"),
                ("abzgl. Anzahlung", "-1.000,00 EUR"),
                ("Zahlbetrag", "3.998,00 EUR"),
            ]
        for label, value in totals:
            c.drawString(330, y, label)
            c.drawRightString(555, y, value)
            y -= 16
        c.drawString(470, 40, f"Seite {number} von 2")
        c.showPage()
    c.save()
    return buffer.getvalue()


def test_a_real_two_page_pdf_with_carried_sums_and_a_deposit() -> None:
    invoice = extract_invoice(_two_page_pdf(), filename="kessler.pdf", ocr=OcrMode.NEVER)
    assert invoice.invoice_number == "R24 0815"
    assert (invoice.totals.net, invoice.totals.tax, invoice.totals.gross) == (
        d("4200.00"),
        d("798.00"),
        d("4998.00"),
    )
    assert len(invoice.line_items) == 9


@pytest.mark.parametrize("label", ["Sum", "Summa", "Total"])
def test_a_generic_total_above_the_tax_is_the_net_when_the_sums_agree(label: str) -> None:
    rows = [(label, "1 000,00"), ("Moms 25 %", "250,00"), ("Att betala", "1 250,00")]
    assert _totals(_sheet(), rows) == ("1000.00", "250.00", "1250.00")


@pytest.mark.parametrize(
    "rows",
    [
        [("Gesamtbetrag", "119,00 €"), ("inkl. 19 % MwSt.", "19,00 €")],
        [("Summe", "119,00 €"), ("darin enthaltene USt. 19 %", "19,00 €")],
        [("Total", "119,00"), ("Includes VAT at 19%", "19,00")],
    ],
)
def test_a_gross_with_the_tax_it_includes_gives_the_net_its_rate_confirms(
    rows: list[tuple[str, str]],
) -> None:
    assert _totals(_sheet(), rows) == ("100.00", "19.00", "119.00")


def test_no_net_is_derived_when_the_rate_does_not_give_the_tax() -> None:
    # 19 % of 100.00 is not 25.00: the figures do not describe a net, none is made up.
    assert _totals(_sheet(), [("Gesamtbetrag", "125,00 €"), ("inkl. 19 % MwSt.", "25,00 €")])[0] is None


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [
                ("Summa exkl. moms", "799,68"),
                ("Moms 25 %", "199,92"),
                ("Öresavrundning", "0,40"),
                ("Att betala", "1 000,00"),
            ],
            ("799.68", "199.92", "1000.00"),
        ),
        (
            [
                ("Netto", "800,32"),
                ("Moms 25 %", "200,08"),
                ("Avrundning", "-0,40"),
                ("Att betala", "1 000,00"),
            ],
            ("800.32", "200.08", "1000.00"),
        ),
        # The sum before rounding adds up too; the rounded amount to pay is the invoice's total.
        (
            [
                ("Netto", "799,68"),
                ("Moms 25 %", "199,92"),
                ("Summa", "999,60"),
                ("Öresavrundning", "0,40"),
                ("Att betala", "1 000,00"),
            ],
            ("799.68", "199.92", "1000.00"),
        ),
    ],
)
def test_a_rounding_line_between_tax_and_amount_to_pay(rows: list[tuple[str, str]], expected: Totals) -> None:
    assert _totals(_sheet(), rows) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [
                ("Gesamtbetrag", "1.000,00"),
                ("2 % Skonto bei Zahlung bis 24.02.2024", "20,00"),
                ("Zahlbetrag", "980,00"),
            ],
            (None, None, "1000.00"),
        ),
        (
            [
                ("Nettobetrag", "1.000,00"),
                ("USt 19 %", "190,00"),
                ("Rechnungsbetrag", "1.190,00"),
                ("abzgl. 2 % Skonto", "23,80"),
                ("Zahlbetrag", "1.166,20"),
            ],
            ("1000.00", "190.00", "1190.00"),
        ),
    ],
)
def test_the_amount_after_a_cash_discount_is_not_the_gross(
    rows: list[tuple[str, str]], expected: Totals
) -> None:
    assert _totals(_sheet(), rows) == expected


def test_a_vat_table_of_one_row_per_rate_sums_its_columns() -> None:
    # The rate column has no % sign, so the rows are no tax lines: the columns under "Net amount" and
    # "VAT amount" add up to the totals, the first row alone does not.
    s = _sheet(False)
    s.table(
        300,
        [(40, "VAT %", False), (200, "Net amount", True), (300, "VAT amount", True), (400, "Total", True)],
        [["20", "600.00", "120.00", "720.00"], ["10", "400.00", "40.00", "440.00"]],
    )
    assert _totals(s, [("Total due", "1,160.00")], y=360) == ("1000.00", "160.00", "1160.00")


@pytest.mark.parametrize(
    "texts",
    [
        [(40, "Net 1,000.00     VAT 20% 200.00     Total 1,200.00")],
        [(40, "Subtotal: 1,000.00"), (220, "Tax (20%): 200.00"), (400, "Total: 1,200.00")],
        [(40, "Subtotal: 1,000.00 | VAT: 200.00 | Total: 1,200.00")],
    ],
)
def test_totals_printed_side_by_side_on_one_line(texts: list[tuple[float, str]]) -> None:
    s = _sheet(False)
    for x, text in texts:
        s.put(x, 300, text)
    assert _totals(s, []) == ("1000.00", "200.00", "1200.00")


@pytest.mark.parametrize("offset", [-4.0, 3.0, 5.0, 7.0])
def test_values_set_a_little_higher_or_lower_than_their_labels(offset: float) -> None:
    # Boxed or bold figures are often not on their label's baseline: half a line off they form lines
    # of their own, still right of and nearest to their own labels.
    s = _sheet(False)
    for k, (label, value) in enumerate(
        [("Subtotal", "1,000.00"), ("VAT 20%", "200.00"), ("Total", "1,200.00")]
    ):
        s.put(330, 300 + 18 * k, label)
        s.put(545, 300 + 18 * k + offset, value, right=True)
    assert _totals(s, []) == ("1000.00", "200.00", "1200.00")


@pytest.mark.parametrize(
    ("rows", "tax"),
    [
        ([("Veroton yhteensä", "1 000,00"), ("ALV yhteensä", "240,00"), ("Yhteensä", "1 240,00")], "240"),
        ([("Netto", "1 000,00"), ("Moms totalt", "250,00"), ("Summa att betala", "1 250,00")], "250"),
        ([("Summa exkl. moms", "1 000,00"), ("Summa moms", "250,00"), ("Totalt", "1 250,00")], "250"),
        ([("Netto", "1.000,00"), ("MwSt. gesamt", "190,00"), ("Gesamt", "1.190,00")], "190"),
        ([("Subtotal", "1.000,00"), ("Moms i alt", "250,00"), ("I alt", "1.250,00")], "250"),
        ([("Wartość netto", "1 000,00"), ("Kwota VAT", "230,00"), ("Wartość brutto", "1 230,00")], "230"),
    ],
)
def test_a_tax_total_worded_with_the_word_for_total_stays_the_tax(
    rows: list[tuple[str, str]], tax: str
) -> None:
    amount = d(tax)
    assert _totals(_sheet(), rows) == ("1000.00", f"{amount:.2f}", f"{1000 + amount:.2f}")
