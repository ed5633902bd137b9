"""Item phenomena of real invoices, on pages of our own invention (several languages and arrangements):
charges listed as an outline with indented breakdowns instead of a table, receipts whose total, payment
and balance lines follow the items, rates written "<currency> rate x n unit x m unit", headers whose
labels run over three lines, and terms-and-conditions paragraphs with amounts in their sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.unit.item_pdfs import pdf_pages
from tests.unit.sheets import Sheet, d, items

from invoiceflow.domain.extraction import extract_page
from invoiceflow.domain.extraction.context import analyse
from invoiceflow.domain.extraction.item_lines import settles
from invoiceflow.domain.extraction.item_rows import is_prose
from invoiceflow.domain.extraction.layout import build_lines
from invoiceflow.domain.extraction.line_items import extract_items
from invoiceflow.domain.extraction.numbers import DecimalStyle, find_amounts
from invoiceflow.domain.models import OcrMode
from invoiceflow.domain.pipeline import extract_invoice

# --- charges as an outline ---------------------------------------------------------------------------

OUTLINES = {
    "en": (
        "Statement total",
        "Charges per service",
        "Usage",
        "Tax",
        ["Web hosting", "Mail relay", "Cold storage"],
    ),
    "de": ("Gesamtbetrag", "Leistungen im Einzelnen", "Nutzung", "MwSt.", ["Webspeicher", "Mailrelais"]),
    "fr": (
        "Total à payer",
        "Détail des services",
        "Consommation",
        "TVA",
        ["Hébergement web", "Relais mail", "Archivage", "Sauvegarde"],
    ),
}


def _outline_sheet(
    language: str, amounts: list[str], total: str, *, sign: str = "$", flat: int = -1, suffix: str = ""
) -> Sheet:
    due, heading, usage, tax, services = OUTLINES[language]
    sheet = Sheet()
    sheet.put(40, 40, "Nimbus Compute Ltd")
    sheet.put(300, 80, f"{due} {sign}{total}{suffix}")  # the summary: what is due, at the top of the page
    sheet.put(40, 140, heading)
    y = 170.0
    for n, (name, amount) in enumerate(zip(services, amounts, strict=False)):
        sheet.put(50, y, name)
        sheet.put(560, y, f"{sign}{amount}{suffix}", right=True)
        if n == flat:
            y += 16  # a flat fee without a breakdown
            continue
        sheet.put(64, y + 14, usage)
        sheet.put(560, y + 14, f"{sign}{amount}{suffix}", right=True)
        sheet.put(64, y + 28, tax)
        sheet.put(560, y + 28, f"{sign}0.00{suffix}", right=True)
        y += 44
    return sheet


@pytest.mark.parametrize("language", sorted(OUTLINES))
def test_outline_charges_are_the_items_and_their_breakdown_is_not(language: str) -> None:
    services = OUTLINES[language][4]
    amounts = ["12.40", "0.35", "7.05", "1.20"][: len(services)]
    total = f"{sum(Decimal(a) for a in amounts):.2f}"
    result = extract_page(_outline_sheet(language, amounts, total).page())
    assert items(result) == [(name, None, None, d(a)) for name, a in zip(services, amounts, strict=False)]


@pytest.mark.parametrize("flat", [0, 1, 3])
def test_outline_with_a_flat_fee_among_broken_down_charges(flat: int) -> None:
    amounts = ["3.10", "29.00", "0.95", "14.00"]
    sheet = _outline_sheet("fr", amounts, "47.05", sign="€ ", flat=flat)
    services = OUTLINES["fr"][4]
    assert items(extract_page(sheet.page())) == [
        (n, None, None, d(a)) for n, a in zip(services, amounts, strict=True)
    ]


def test_outline_with_currency_after_the_amounts() -> None:
    amounts = ["12.40", "0.35"]
    sheet = _outline_sheet("de", amounts, "12.75", sign="", suffix=" EUR")
    assert items(extract_page(sheet.page())) == [
        (n, None, None, d(a)) for n, a in zip(OUTLINES["de"][4], amounts, strict=True)
    ]


def test_outline_whose_charges_do_not_add_up_to_a_printed_total_is_no_item_list() -> None:
    result = extract_page(_outline_sheet("en", ["12.40", "0.35", "7.05"], "99.99").page())
    assert items(result) == []


def test_outline_charge_equal_to_the_first_line_of_its_breakdown_with_a_tax_beside_it() -> None:
    sheet = Sheet()
    sheet.put(40, 40, "Fernmelde Dienste AG")
    sheet.put(40, 80, "Summe netto")
    sheet.put(560, 80, "€ 30,00", right=True)
    y = 140.0
    for name, net, tax in (("Festnetz", "18,00", "3,42"), ("Mobilfunk", "12,00", "2,28")):
        sheet.put(44, y, name)
        sheet.put(560, y, f"€ {net}", right=True)
        sheet.put(60, y + 14, "Grundgebühr")
        sheet.put(560, y + 14, f"€ {net}", right=True)
        sheet.put(60, y + 28, "Umsatzsteuer 19 %")
        sheet.put(560, y + 28, f"€ {tax}", right=True)
        y += 46
    assert items(extract_page(sheet.page())) == [
        ("Festnetz", None, None, d("18.00")),
        ("Mobilfunk", None, None, d("12.00")),
    ]


@pytest.mark.parametrize(("total", "expected"), [("57.30", 3), ("60.00", 0)])
def test_charges_under_a_summary_of_what_is_due(total: str, expected: int) -> None:
    """The amount due stands at the top; the charges follow it as plain rows (no breakdown): items only
    when they add up to a printed total."""
    sheet = Sheet()
    sheet.put(40, 40, "Relay Telecom Oy")
    sheet.put(300, 90, "Amount due")
    sheet.put(560, 90, total, right=True)
    charges = [("Fibre line 500 Mbit", "39.90"), ("Static address", "5.00"), ("Router rental", "12.40")]
    for k, (name, amount) in enumerate(charges):
        sheet.put(40, 160 + 16 * k, name)
        sheet.put(560, 160 + 16 * k, amount, right=True)
    got = items(extract_page(sheet.page()))
    assert got == [(name, None, None, d(a)) for name, a in charges][:expected]


# --- receipts: total, payment and balance end the items; rate × counts -------------------------------

RECEIPTS = {
    "en": (
        "DESCRIPTION",
        "RATE",
        "AMOUNT",
        "Cabin",
        "Night",
        "Cabin",
        "Grand Total",
        "Payment received by card",
        "Balance (if any)",
        "Rs ",
    ),
    "de": (
        "LEISTUNG",
        "PREIS",
        "BETRAG",
        "Stellplatz",
        "Tag",
        "Fahrzeug",
        "Gesamtbetrag",
        "Bereits bezahlt",
        "Restbetrag",
        "€ ",
    ),
    "fr": (
        "DÉSIGNATION",
        "PRIX",
        "MONTANT",
        "Emplacement",
        "nuit",
        "tente",
        "Total TTC",
        "Paiement reçu",
        "Solde",
        "€ ",
    ),
    "nl": (
        "OMSCHRIJVING",
        "PRIJS",
        "BEDRAG",
        "Sloep",
        "dag",
        "boot",
        "Totaal",
        "Betaald per pin",
        "Saldo",
        "€ ",
    ),
}


@pytest.mark.parametrize("language", sorted(RECEIPTS))
def test_receipt_total_payment_and_balance_end_the_items(language: str) -> None:
    desc, rate, amount, name, first, second, total, paid, balance, sign = RECEIPTS[language]
    sheet = Sheet()
    sheet.put(40, 40, "Lakeside Stays")
    sheet.put(50, 150, desc)
    sheet.put(440, 150, rate)
    sheet.put(540, 150, amount, right=True)
    sheet.put(50, 190, name)
    sheet.put(470, 190, f"{sign}845 x 3 {first} x 2 {second}", right=True)
    sheet.put(540, 190, f"{sign}5070", right=True)
    for k, label in enumerate((total, paid)):
        sheet.put(50, 230 + 40 * k, label)
        sheet.put(540, 230 + 40 * k, f"{sign}5070", right=True)
    sheet.put(50, 310, balance)
    sheet.put(540, 310, f"{sign}0", right=True)
    assert items(extract_page(sheet.page())) == [(name, d("6"), d("845"), d("5070"))]


def test_charge_named_like_a_payment_stays_an_item() -> None:
    sheet = Sheet()
    sheet.put(40, 40, "Shopfront Services Ltd")
    sheet.table(
        120,
        [(40, "Description", False), (360, "Qty", True), (450, "Unit price", True), (560, "Amount", True)],
        [["Card terminal rental", "1", "25.00", "25.00"], ["Payment processing fee", "1", "4.80", "4.80"]],
    )
    sheet.put(380, 190, "Net total")
    sheet.put(560, 190, "29.80", right=True)
    assert [row[0] for row in items(extract_page(sheet.page()))] == [
        "Card terminal rental",
        "Payment processing fee",
    ]


def test_settlement_lines() -> None:
    sheet = Sheet()
    cases = {
        "Payment received by OYO 10.00": True,
        "Balance ( if any ) 0": True,
        "Bereits bezahlt 12,00": True,
        "Paiement reçu par carte 12,00": True,
        "Betaald per pin 9,50": True,
        "Solde restant 3,00": True,
        "Balance EUR 3.00": True,
        "Payment processing fee 4.80": False,
        "Balance weights 4 x 2.00": False,
        "Deposit for returnable crates 10.00": False,
        "Balancing the wheels 25.00": False,
    }
    for k, text in enumerate(cases):
        sheet.put(40, 40 + 20 * k, text)
    lines = build_lines(sheet.page())
    assert [settles(line) for line in lines] == list(cases.values())


@pytest.mark.parametrize("label", ["Round off", "Rundung", "Arrondi", "Öresavrundning", "Rounding"])
def test_rounding_line_between_items_and_total_is_no_item(label: str) -> None:
    sheet = Sheet()
    sheet.put(40, 40, "Kiran Traders")
    header = [(40, "Description", False), (360, "Qty", True), (450, "Rate", True), (560, "Amount", True)]
    sheet.table(
        120, header, [["Steel rod 12 mm", "3", "210.20", "630.60"], ["Binding wire", "2", "45.00", "90.00"]]
    )
    sheet.put(40, 170, label)
    sheet.put(560, 170, "0.40", right=True)
    sheet.put(380, 190, "Total")
    sheet.put(560, 190, "721.00", right=True)
    assert [row[0] for row in items(extract_page(sheet.page()))] == ["Steel rod 12 mm", "Binding wire"]


# --- headers over three lines, terms paragraphs ------------------------------------------------------

THREE_LINE = {
    "en": [("Unit", "price", "excl. VAT"), ("Line", "amount", "excl. VAT")],
    "de": [("Einzelpreis", "ohne", "MwSt."), ("Positionsbetrag", "ohne", "MwSt.")],
    "nl": [("Prijs", "per stuk", "excl. btw"), ("Regelbedrag", "excl.", "btw")],
}
FIRST_LABELS = {
    "en": ("No.", "Qty", "Description"),
    "de": ("Pos.", "Menge", "Bezeichnung"),
    "nl": ("Nr.", "Aantal", "Omschrijving"),
}
TERMS = {
    "en": (
        "Payment terms 21 days net",
        "Objections must reach us in writing within 2 weeks of the invoice date, "
        "otherwise for every returned debit a fee of 11.00 EUR applies to your account",
    ),
    "de": (
        "Zahlungsziel 8 Tage netto",
        "Einwände sind innerhalb von 3 Wochen schriftlich anzuzeigen, sonst "
        "berechnen wir für jede Rücklastschrift ein Entgelt von 6,50 EUR zuzüglich Bankgebühren",
    ),
    "nl": (
        "Betalingstermijn 30 dagen netto",
        "Bezwaren dienen binnen 2 weken schriftelijk te worden gemeld, "
        "anders rekenen wij voor elke storno een vergoeding van 5,00 EUR plus bankkosten",
    ),
}


@pytest.mark.parametrize("language", sorted(THREE_LINE))
def test_three_line_header_then_terms_paragraph(language: str) -> None:
    comma = language != "en"
    pos, qty, desc = FIRST_LABELS[language]
    texts: list[tuple[float, float, str, str, bool]] = [(40, 40, "Beacon Hosting", "l", True)]
    texts += [(44, 200, pos, "l", True), (120, 200, qty, "r", True), (130, 200, desc, "l", True)]
    for (price_label, amount_label), k in zip(zip(*THREE_LINE[language], strict=True), range(3), strict=True):
        texts += [(470, 200 + 9 * k, price_label, "r", True), (555, 200 + 9 * k, amount_label, "r", True)]
    rows = [("Mail archive 50 GB", "2", "4.25", "8.50"), ("Shared web space", "1", "6.90", "6.90")]
    y = 240.0
    for n, (name, quantity, price, amount) in enumerate(rows, 1):
        p, a = (price.replace(".", ","), amount.replace(".", ",")) if comma else (price, amount)
        texts += [
            (52, y, str(n), "l", False),
            (120, y, quantity, "r", False),
            (130, y, name, "l", False),
            (470, y, p, "r", False),
            (555, y, a, "r", False),
            (130, y + 12, "01.05.24-31.05.24", "l", False),
        ]
        y += 30
    texts += [
        (400, y + 10, "Total EUR", "l", False),
        (555, y + 10, "15,40" if comma else "15.40", "r", False),
    ]
    terms, paragraph = TERMS[language]
    texts.append((40, y + 50, terms, "l", False))
    words = paragraph.split()
    texts.append((40, y + 70, " ".join(words[: len(words) // 2]), "l", False))
    texts.append((40, y + 80, " ".join(words[len(words) // 2 :]), "l", False))
    invoice = extract_invoice(pdf_pages([texts]), filename="three-line.pdf", ocr=OcrMode.NEVER)
    got = [(i.description, i.quantity, i.unit_price, i.amount) for i in invoice.line_items]
    assert got == [(name, d(q), d(p), d(a)) for name, q, p, a in rows]


@pytest.mark.parametrize("language", sorted(TERMS))
def test_terms_line_and_paragraph_with_amounts_are_never_items(language: str) -> None:
    terms, paragraph = TERMS[language]
    sheet = Sheet()
    sheet.put(40, 40, "Beacon Hosting")
    sheet.put(40, 300, terms)
    words = paragraph.split()
    sheet.put(40, 330, " ".join(words[: len(words) // 2]))
    sheet.put(40, 344, " ".join(words[len(words) // 2 :]))
    assert items(extract_page(sheet.page())) == []


@pytest.mark.parametrize("language", sorted(TERMS))
def test_terms_line_with_column_words_and_a_figure_heads_no_table(language: str) -> None:
    """ "Payment terms 21 days net" holds a quantity word and an amount word, and a figure in their cell."""
    sheet = Sheet()
    sheet.put(40, 300, TERMS[language][0])
    sheet.put(40, 330, "Hosting 3 12.00 36.00")
    page = sheet.page()
    ctx = analyse(page, None, build_lines(page))
    assert extract_items(ctx, ctx.style).header_line is None


def test_prose_against_rows() -> None:
    sheet = Sheet(font_size=8)
    sheet.put(
        40, 40, "we charge a handling fee of 15.00 EUR for every returned debit unless you are not at fault"
    )
    sheet.put(40, 60, "Supply and fitting of 12 heavy duty brackets with mounting kit and screws")
    sheet.put(560, 60, "120.00", right=True)
    sheet.put(40, 80, "Consulting 12 hours at 95.00 per hour")
    sheet.put(560, 80, "1,140.00", right=True)
    lines = build_lines(sheet.page())
    assert [is_prose(line, find_amounts(line, DecimalStyle.DOT)) for line in lines] == [True, False, False]
