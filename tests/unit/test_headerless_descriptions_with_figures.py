"""Item rows without a header whose descriptions carry figures of their own: a share in parentheses
("(20 %)"), a size, a class or zone number, before the row's one amount (real PDFs made with reportlab,
read by the whole in-process pipeline). The figures inside the description's text are part of the name,
no column: the percentages stand at other places on every row, words of the same cell on both sides.
A letter invoicing one charge (its name and amount, detail lines under it, no header) has that charge as
its item when the totals line under it repeats the amount."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from tests.unit.item_pdfs import Text, money, pdf_pages

from invoiceflow.domain.models import OcrMode
from invoiceflow.domain.pipeline import extract_invoice

# (description, amount): names of different lengths, so the percentages do not line up.
ENGLISH = [
    ("Trail bike hire (20 %) size 42 class 3", Decimal("84.00")),
    ("Helmet (15 %) size 7 zone B2", Decimal("12.50")),
    ("Guided tour weekend (10 %) group 4 level C1", Decimal("230.00")),
]
FRENCH = [
    ("Location kayak double (25 %) taille 3 zone K7", Decimal("96.00")),
    ("Gilet (5 %) taille 42 classe 2", Decimal("18.40")),
]


def _document(rows: list[tuple[str, Decimal]], comma: bool, labels: tuple[str, str, str]) -> bytes:
    texts: list[Text] = [
        (60, 40, "Lakeside Outdoor Ltd", "l", True),
        (60, 54, "4 Harbour Row, Keswick CA12 5DJ", "l", False),
        (60, 110, "Marlow Sports Club", "l", False),
        (380, 110, "Invoice no.: LO-5521", "l", False),
        (380, 122, "Date: 09.05.2024", "l", False),
    ]
    y = 200.0
    for description, amount in rows:
        texts += [(60, y, description, "l", False), (500, y, money(amount, comma) + " €", "r", False)]
        y += 13
    net = sum((a for _, a in rows), Decimal(0))
    tax = (net * Decimal("0.20")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    y += 20
    for n, (label, value) in enumerate(zip(labels, (net, tax, net + tax), strict=True)):
        figure = money(value, comma) + " €"
        texts += [(340, y + 14 * n, label, "l", False), (500, y + 14 * n, figure, "r", False)]
    return pdf_pages([texts])


@pytest.mark.parametrize(
    ("rows", "comma", "labels"),
    [
        (ENGLISH[:2], False, ("Net total", "VAT 20 %", "Total due")),
        (ENGLISH, False, ("Net total", "VAT 20 %", "Total due")),
        (FRENCH, True, ("Total HT", "TVA 20 %", "Total TTC")),
    ],
)
def test_figures_inside_a_headerless_description_stay_in_it(
    rows: list[tuple[str, Decimal]], comma: bool, labels: tuple[str, str, str]
) -> None:
    invoice = extract_invoice(_document(rows, comma, labels), filename="invented.pdf", ocr=OcrMode.NEVER)
    got = [(" ".join(i.description.split()), i.amount) for i in invoice.line_items]
    assert got == rows


def _one_charge(charge: tuple[str, str], details: list[str], totals: list[tuple[str, str]]) -> bytes:
    """A letter invoicing one charge: its name in bold with the amount, bullet lines of cover details
    (figures of their own, no amounts) under it, then the totals in the charge's column."""
    texts: list[Text] = [
        (60, 40, "Atelier Rivière SARL", "l", True),
        (60, 54, "8 quai des Tanneurs, 67000 Strasbourg", "l", False),
        (60, 110, "Cabinet Morel", "l", False),
        (380, 110, "Facture n° AR-0412", "l", False),
        (380, 122, "Date : 02.10.2024", "l", False),
        (60, 200, "Nous vous facturons la prestation suivante :", "l", False),
        (60, 226, charge[0], "l", True),
        (500, 226, charge[1] + " €", "r", False),
    ]
    y = 239.0
    for detail in details:
        texts.append((60, y, "- " + detail, "l", False))
        y += 12
    for label, value in totals:
        texts += [(60, y + 8, label, "l", False), (500, y + 8, value + " €", "r", False)]
        y += 13
    return pdf_pages([texts])


DETAILS = ["Restauration vitrail nef - lot 3 § 2 62.000 RX2207", "Nettoyage façade - zone 4 § 3 1.200 m²"]


def test_a_sole_charge_repeated_by_the_total_under_it_is_the_item() -> None:
    totals = [("Total HT", "1.450,00"), ("TVA 20 %", "290,00"), ("Total TTC", "1.740,00")]
    data = _one_charge(("Entretien annuel des vitraux", "1.450,00"), DETAILS, totals)
    invoice = extract_invoice(data, filename="invented.pdf", ocr=OcrMode.NEVER)
    got = [(" ".join(i.description.split()), i.amount) for i in invoice.line_items]
    assert got == [("Entretien annuel des vitraux", Decimal("1450.00"))]


def test_a_lone_figure_the_totals_do_not_repeat_is_no_item() -> None:
    totals = [("Total HT", "1.500,00"), ("TVA 20 %", "300,00"), ("Total TTC", "1.800,00")]
    data = _one_charge(("Valeur assurée du bâtiment", "62.000,00"), DETAILS, totals)
    invoice = extract_invoice(data, filename="invented.pdf", ocr=OcrMode.NEVER)
    assert invoice.line_items == []
