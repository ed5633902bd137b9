"""Item tables whose rows are two lines tall with the figures centred in them, as office suites set a
description with a detail line under it: the row's number, quantity, price and amount stand half a line
below the description's first line. Invented content in five languages and four looks (plain, a rule under
every row, zebra rows, a grey header bar), drawn with reportlab; ``invented_scans.py --centred N`` reads
each from its text layer and from a scan and counts the items right.

On a scan Tesseract joins the figures to one of the two text lines, and OCR boxes hug the ink, so the
gaps that tell which row a text line belongs to are not the text layer's (``ocr._rejoined``,
``line_items._first_text_under_header``).
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from reportlab.pdfgen import canvas

# (title, position, description, quantity, price, amount labels; decimal and group separators; item
# names; their detail lines)
LANGUAGES: dict[str, tuple[tuple[str, ...], str, str, list[str], list[str]]] = {
    "de": (
        ("Rechnung", "Pos.", "Beschreibung", "Menge", "Einzelpreis", "Betrag"),
        ",",
        ".",
        ["Wartung Heizungsanlage", "Fensterreinigung Büro", "Softwarelizenz Lager", "Beratung vor Ort"],
        ["inkl. Abgasmessung", "Turnus monatlich", "Jahresabo", "pro Stunde"],
    ),
    "fr": (
        ("Facture", "N°", "Désignation", "Qté", "Prix unitaire", "Montant"),
        ",",
        " ",
        ["Entretien chaudière", "Nettoyage des vitres", "Pose de cloison", "Location nacelle"],
        ["Visite annuelle", "Passage mensuel", "Main d'œuvre", "Par jour"],
    ),
    "nl": (
        ("Factuur", "Nr.", "Omschrijving", "Aantal", "Prijs", "Bedrag"),
        ",",
        ".",
        ["Glazenwassen kantoor", "Drukwerk folders", "Onderhoud installatie", "Verhuizing archief"],
        ["Maandelijkse ronde", "Formaat A5", "Jaarcontract", "Inclusief dozen"],
    ),
    "it": (
        ("Fattura", "N.", "Descrizione", "Q.tà", "Prezzo", "Importo"),
        ",",
        ".",
        ["Manutenzione caldaia", "Pulizia uffici", "Consulenza fiscale", "Noleggio furgone"],
        ["Visita annuale", "Cadenza mensile", "Tariffa oraria", "Al giorno"],
    ),
    "en": (
        ("Invoice", "#", "Description", "Qty", "Unit price", "Amount"),
        ".",
        ",",
        ["Window cleaning", "Workshop facilitation", "Courier delivery", "Printer toner"],
        ["Monthly round", "Half day, on site", "Next day, tracked", "Black, high yield"],
    ),
}
LOOKS = ("plain", "ruled", "zebra", "grey")
QUANTITIES = [Decimal(v) for v in ("1", "2", "3", "5", "12", "40", "2.5", "0.5")]


@dataclass
class CentredTable:
    language: str
    look: str
    pdf: bytes
    expected: list[tuple[str, Decimal, Decimal, Decimal]]


def _money(value: Decimal, decimal: str, group: str) -> str:
    return f"{value:,.2f}".replace(",", "\0").replace(".", decimal).replace("\0", group)


def build(index: int, seed: int) -> CentredTable:
    """Document ``index`` of the stream ``seed``: languages in turn, a look every five documents."""
    rng = random.Random(f"centred-rows:{seed}:{index}")
    language = list(LANGUAGES)[index % len(LANGUAGES)]
    look = LOOKS[(index // len(LANGUAGES)) % len(LOOKS)]
    labels, decimal, group, names, details = LANGUAGES[language]
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(595, 842))
    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(50, 780, f"{labels[0]} {rng.randint(1000, 9999)}")
    pdf.setFont("Helvetica", 10)
    for k, text in enumerate(("Nordlicht Dienstleistungen GmbH", "Hafenstraße 12", "20457 Hamburg")):
        pdf.drawString(50, 750 - 14 * k, text)
    for k, text in enumerate(("Bergström Consulting AB", "Box 221", "85102 Sundsvall")):
        pdf.drawString(350, 700 - 14 * k, text)
    top = 620
    if look in ("grey", "zebra"):
        pdf.setFillGray(0.85)
        pdf.rect(45, top - 4, 505, 16, stroke=0, fill=1)
        pdf.setFillGray(0)
    pdf.setFont("Helvetica-Bold", 9)
    pdf.drawString(52, top, labels[1])
    pdf.drawString(80, top, labels[2])
    for x, label in zip((330, 420, 545), labels[3:], strict=True):
        pdf.drawRightString(x, top, label)
    expected = []
    y = top - 16
    pitch, row_height = 11, 28
    for n in range(rng.randint(3, 6)):
        k = rng.randrange(len(names))
        quantity = rng.choice(QUANTITIES)
        price = Decimal(rng.randint(500, 300000)) / 100
        amount = (quantity * price).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        if look == "zebra" and n % 2:
            pdf.setFillGray(0.92)
            pdf.rect(45, y - row_height + 10, 505, row_height, stroke=0, fill=1)
            pdf.setFillGray(0)
        pdf.setFont("Helvetica", 9)
        pdf.drawString(80, y, names[k])
        pdf.setFont("Helvetica-Oblique", 9)
        pdf.drawString(80, y - pitch, details[k])
        pdf.setFont("Helvetica", 9)
        middle = y - pitch / 2
        pdf.drawString(52, middle, str(n + 1))
        pdf.drawRightString(330, middle, str(quantity).replace(".", decimal))
        pdf.drawRightString(420, middle, _money(price, decimal, group))
        pdf.drawRightString(545, middle, _money(amount, decimal, group))
        if look == "ruled":
            pdf.setStrokeGray(0.5)
            pdf.setLineWidth(0.4)
            pdf.line(45, y - row_height + 10, 550, y - row_height + 10)
        expected.append((f"{names[k]} {details[k]}", quantity, price, amount))
        y -= row_height
    pdf.drawString(330, y - 20, "Total")
    pdf.drawRightString(545, y - 20, _money(sum(e[3] for e in expected), decimal, group))
    pdf.showPage()
    pdf.save()
    return CentredTable(language, look, buffer.getvalue(), expected)
