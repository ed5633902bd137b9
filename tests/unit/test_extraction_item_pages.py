"""Item tables of invented vendors running over several pages of a real PDF (reportlab) through the whole
in-process pipeline: section headings over groups of rows, descriptions wrapping over lines, running sums
carried to the next page and brought forward on it, the header row repeated or not. Every item is
expected exactly, and the items add up to the net total printed on the last page."""

from __future__ import annotations

import io
import random
import textwrap
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from invoiceflow.domain.models import OcrMode
from invoiceflow.domain.pipeline import extract_invoice

Expected = tuple[str, Decimal, Decimal, Decimal]


@dataclass(frozen=True)
class Language:
    vendor: str
    head: tuple[str, str]
    columns: tuple[str, str, str, str, str]
    section: str
    carried: str
    brought: str
    totals: tuple[str, str, str]
    words: tuple[str, ...]
    comma: bool


GERMAN = Language(
    "Elektro Sommerfeld GmbH",
    ("Rechnung Nr. ES-2024-0419", "Rechnungsdatum: 12.04.2024"),
    ("Pos.", "Bezeichnung", "Menge", "Einzelpreis", "Betrag"),
    "Abschnitt {n}: Leistungen vor Ort",
    "Übertrag",
    "Vortrag",
    ("Nettobetrag", "MwSt. 19 %", "Gesamtbetrag"),
    tuple(
        [
            "Wartung",
            "Montage",
            "Lieferung",
            "Kabelkanal",
            "Schaltschrank",
            "Prüfung",
            "Inbetriebnahme",
            "gemäß",
            "Angebot",
        ]
    ),
    comma=True,
)
ENGLISH = Language(
    "Harwick Facility Services Ltd",
    ("Invoice No: HFS-7731", "Invoice date: 2024-04-12"),
    ("No.", "Description", "Qty", "Unit price", "Amount"),
    "Section {n}: site works",
    "Carried forward",
    "Brought forward",
    ("Net total", "VAT 20%", "Total due"),
    tuple(
        [
            "Cleaning",
            "Inspection",
            "Repair",
            "lighting",
            "boiler",
            "service",
            "filters",
            "replacement",
            "quarterly",
            "visit",
        ]
    ),
    comma=False,
)


def _money(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _text(value: Decimal, comma: bool) -> str:
    text = f"{value:,.2f}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".") if comma else text


def invoice_pdf(
    language: Language, seed: int, *, repeat_header: bool, gross: bool = False
) -> tuple[bytes, list[Expected], Decimal]:
    """``gross``: the amount column holds totals incl. tax at mixed rates printed nowhere on the line;
    the sums carried between pages are those totals, the net total is printed on the last page only."""
    rng = random.Random(seed)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    _, height = A4
    xs = ((40, False), (70, False), (330, True), (400, True), (550, True))

    def header_row(y: float) -> None:
        c.setFont("Helvetica-Bold", 8)
        for (x, right), label in zip(xs, language.columns, strict=True):
            (c.drawRightString if right else c.drawString)(x, y, label)
        c.setFont("Helvetica", 8)

    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, height - 60, language.vendor)
    c.setFont("Helvetica", 9)
    c.drawString(40, height - 90, language.head[0])
    c.drawString(40, height - 102, language.head[1])
    y = height - 200
    header_row(y)
    y -= 16
    expected: list[Expected] = []
    running = Decimal(0)
    carried = Decimal(0)  # the printed sum: of the totals incl. tax when the table shows those
    taxes = Decimal(0)
    for k in range(36):
        if k % 5 == 0:
            c.setFont("Helvetica-Bold", 8)
            c.drawString(70, y, language.section.format(n=k // 5 + 1))
            c.setFont("Helvetica", 8)
            y -= 16
        words = [rng.choice(language.words) for _ in range(rng.randint(2, 11))]
        lines = textwrap.wrap(" ".join(words).capitalize(), 40)
        quantity = Decimal(rng.choice(["1", "2", "3", "12", "0.5", "2.25"]))
        price = Decimal(rng.randint(100, 250000)) / 100
        amount = _money(quantity * price)
        tax = _money(amount * rng.choice((19, 7)) / 100) if gross else Decimal(0)
        if y - 11 * len(lines) < 130:
            c.drawString(70, y - 4, language.carried)
            c.drawRightString(550, y - 4, _text(carried, language.comma))
            c.showPage()
            c.setFont("Helvetica", 8)
            y = height - 60
            if repeat_header:
                header_row(y)
                y -= 16
            c.drawString(70, y, language.brought)
            c.drawRightString(550, y, _text(carried, language.comma))
            y -= 16
        c.drawString(40, y, str(k + 1))
        for n, line in enumerate(lines):
            c.drawString(70, y - 11 * n, line)
        written = str(quantity).replace(".", ",") if language.comma else str(quantity)
        c.drawRightString(330, y, written)
        c.drawRightString(400, y, _text(price, language.comma))
        c.drawRightString(550, y, _text(amount + tax, language.comma))
        y -= 11 * len(lines) + 16
        running += amount
        carried += amount + tax
        taxes += tax
        expected.append((" ".join(lines), quantity, price, amount))
    tax = taxes if gross else _money(running * (19 if language.comma else 20) / 100)
    for n, (label, value) in enumerate(zip(language.totals, (running, tax, running + tax), strict=True)):
        c.drawString(380, y - 10 - 14 * n, label)
        c.drawRightString(550, y - 10 - 14 * n, _text(value, language.comma))
    c.showPage()
    c.save()
    return buffer.getvalue(), expected, running


@pytest.mark.parametrize(
    ("language", "repeat_header"), [(GERMAN, False), (GERMAN, True), (ENGLISH, False), (ENGLISH, True)]
)
def test_items_over_pages_without_headings_or_carried_sums(language: Language, repeat_header: bool) -> None:
    data, expected, net = invoice_pdf(language, seed=7, repeat_header=repeat_header)
    invoice = extract_invoice(data, filename="items.pdf", ocr=OcrMode.NEVER)
    assert len(invoice.pages) >= 3
    got = [(" ".join(i.description.split()), i.quantity, i.unit_price, i.amount) for i in invoice.line_items]
    assert got == expected
    assert invoice.totals.net == net == sum((i.amount for i in invoice.line_items if i.amount), Decimal(0))


@pytest.mark.parametrize("language", [GERMAN, ENGLISH])
def test_totals_incl_tax_over_pages_without_a_header_give_net_amounts(language: Language) -> None:
    # Continuation pages repeat no header: their columns come from the figures, the total column is
    # quantity × price plus some tax on every row, and the document's net total settles the amounts.
    data, expected, net = invoice_pdf(language, seed=11, repeat_header=False, gross=True)
    invoice = extract_invoice(data, filename="items.pdf", ocr=OcrMode.NEVER)
    assert len(invoice.pages) >= 3
    got = [(" ".join(i.description.split()), i.quantity, i.unit_price, i.amount) for i in invoice.line_items]
    assert got == expected
    assert invoice.totals.net == net
