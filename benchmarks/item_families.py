"""Invented item-table designs rendered as real PDFs (reportlab), for ``invented_tables.py --families``.

Each family is a table design real invoices use and the corpus generator does not: position numbers and
article codes before the description, small detail lines under an item, a unit column, units inside the
quantity cell, prices per 100, the amount left of the description, hours × rate, fee notes without a
quantity, VAT code letters, discount columns, tables running over pages with carried sums and page
totals, ruled boxes, bundle components without a price, free-text notes between rows, currencies without
decimals and columns in right-to-left order; references printed with an item in its own type (delivery
note, order, serial number, period, EAN) above, below or on its figures row, code columns beside the
text column, description labels we do not know, headers in languages we do not know, group titles,
items grouped by delivery note, page breaks inside an item; and phenomena of real invoices: statements
listing charges as an outline with indented breakdowns under a summary of what is due, labels over
three lines with a terms paragraph holding amounts under the totals, receipts with "<currency> rate x n
unit" and payment and balance lines under the total. Descriptions come from a vocabulary of this
module, not the corpus generator's. ``build(family, seed)`` returns the PDF and the expected items; an
item is expected as (description, quantity, unit price, amount), its description the item's own text
(wrapped lines joined), without detail lines, notes, components, group titles or reference lines (the
item's name is its description; a delivery note or a serial number identifies what it relates to).
"""

from __future__ import annotations

import io
import itertools
import random
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

Row = tuple[str, Decimal | None, Decimal | None, Decimal | None]
CENT = Decimal("0.01")
WIDTH, HEIGHT = A4

NOUNS = {
    "en": ["hinge", "bracket", "gasket", "valve", "sensor", "cable tray", "relay", "bearing", "pump seal",
           "filter cartridge", "mounting plate", "junction box", "pressure gauge", "LED panel"],
    "de": ["Scharnier", "Winkel", "Dichtung", "Ventil", "Sensor", "Kabelkanal", "Relais", "Lager",
           "Filterpatrone", "Montageplatte", "Abzweigdose", "Manometer", "Leuchte", "Schlauchschelle"],
    "fr": ["charnière", "équerre", "joint", "vanne", "capteur", "goulotte", "relais", "roulement",
           "cartouche filtrante", "platine", "boîte de dérivation", "manomètre", "luminaire"],
    "nl": ["scharnier", "hoeksteun", "pakking", "klep", "sensor", "kabelgoot", "relais", "lager",
           "filterpatroon", "montageplaat", "lasdoos", "manometer", "armatuur"],
}  # fmt: skip
ATTRS = {
    "en": ["stainless", "galvanised", "heavy duty", "brushed", "24 V", "IP65", "M8", "black", "DN 25"],
    "de": ["Edelstahl", "verzinkt", "schwer", "gebürstet", "24 V", "IP65", "M8", "schwarz", "DN 25"],
    "fr": ["inox", "galvanisé", "renforcé", "brossé", "24 V", "IP65", "M8", "noir", "DN 25"],
    "nl": ["rvs", "verzinkt", "zwaar", "geborsteld", "24 V", "IP65", "M8", "zwart", "DN 25"],
}
SERVICES = {
    "en": ["On-site support", "Project management", "Remote maintenance", "Design review", "Travel time",
           "Data migration", "Workshop preparation", "Code review", "Legal research", "Court hearing"],
    "de": ["Vor-Ort-Einsatz", "Projektleitung", "Fernwartung", "Planungsprüfung", "Fahrzeit",
           "Datenmigration", "Workshop-Vorbereitung", "Code-Review", "Recherche", "Besprechung"],
    "fr": ["Intervention sur site", "Gestion de projet", "Télémaintenance", "Revue de conception",
           "Temps de trajet", "Migration de données", "Préparation atelier", "Audience", "Recherche"],
    "nl": ["Ondersteuning op locatie", "Projectleiding", "Onderhoud op afstand", "Ontwerpreview",
           "Reistijd", "Datamigratie", "Voorbereiding workshop", "Codereview", "Overleg"],
}  # fmt: skip
FEES = {
    "en": ["Annual retainer", "Preparation of annual accounts", "Tax return 2023", "Payroll services Q1",
           "Advice on restructuring", "Disbursements", "Registration fee", "Expert opinion"],
    "de": ["Pauschale Jahresbetreuung", "Erstellung Jahresabschluss 2023", "Einkommensteuererklärung",
           "Lohnbuchhaltung Q1", "Beratung Umstrukturierung", "Auslagenpauschale", "Gutachten"],
    "fr": ["Forfait annuel", "Établissement des comptes annuels", "Déclaration fiscale 2023",
           "Paie T1", "Conseil restructuration", "Débours", "Frais d'enregistrement"],
    "nl": ["Jaarabonnement", "Opstellen jaarrekening 2023", "Aangifte inkomstenbelasting",
           "Salarisadministratie Q1", "Advies herstructurering", "Verschotten"],
}  # fmt: skip
LABELS = {
    "en": {"pos": "Pos.", "code": "Item No.", "desc": "Description", "qty": "Qty", "unit": "Unit",
           "price": "Unit price", "amount": "Amount", "hours": "Hours", "rate": "Rate", "date": "Date",
           "disc": "Disc. %", "discamt": "Discount", "vat": "VAT", "per100": "Price/100",
           "net": "Net total", "tax": "VAT {r} %", "total": "Total due", "carried": "Carried forward",
           "brought": "Brought forward", "page": "Page total", "note": "Note:", "summary": "VAT summary"},
    "de": {"pos": "Pos.", "code": "Art.-Nr.", "desc": "Bezeichnung", "qty": "Menge", "unit": "ME",
           "price": "Einzelpreis", "amount": "Gesamt", "hours": "Std.", "rate": "Satz", "date": "Datum",
           "disc": "Rabatt %", "discamt": "Rabatt", "vat": "USt", "per100": "Preis/100",
           "net": "Summe netto", "tax": "USt. {r} %", "total": "Rechnungsbetrag", "carried": "Übertrag",
           "brought": "Übertrag", "page": "Seitensumme", "note": "Hinweis:", "summary": "Steuerübersicht"},
    "fr": {"pos": "N°", "code": "Référence", "desc": "Désignation", "qty": "Qté", "unit": "Unité",
           "price": "P.U. HT", "amount": "Montant HT", "hours": "Heures", "rate": "Taux horaire",
           "date": "Date", "disc": "Remise %", "discamt": "Remise", "vat": "TVA", "per100": "Prix/100",
           "net": "Total HT", "tax": "TVA {r} %", "total": "Total TTC", "carried": "A reporter",
           "brought": "Report", "page": "Total page", "note": "Remarque :", "summary": "Récapitulatif TVA"},
    "nl": {"pos": "Nr.", "code": "Artikelnr.", "desc": "Omschrijving", "qty": "Aantal", "unit": "Eenh.",
           "price": "Prijs", "amount": "Bedrag", "hours": "Uren", "rate": "Tarief", "date": "Datum",
           "disc": "Korting %", "discamt": "Korting", "vat": "BTW", "per100": "Prijs/100",
           "net": "Subtotaal", "tax": "BTW {r}%", "total": "Te betalen", "carried": "Transport",
           "brought": "Transport", "page": "Paginatotaal", "note": "Opmerking:", "summary": "BTW-overzicht"},
}  # fmt: skip
RATE = {"en": 20, "de": 19, "fr": 20, "nl": 21}


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def fmt(value: Decimal, language: str, decimals: int = 2) -> str:
    quantised = value.quantize(Decimal(1).scaleb(-decimals))
    text = f"{quantised:,.{decimals}f}"
    if language == "en":
        return text
    thousands = "\u00a0" if language == "fr" else "."
    return text.replace(",", "X").replace(".", ",").replace("X", thousands)


def fmt_qty(value: Decimal, language: str) -> str:
    exponent = value.normalize().as_tuple().exponent
    return fmt(value, language, max(0, -exponent) if isinstance(exponent, int) else 0)


@dataclass
class Doc:
    """Text placed page by page (y from the top of the page, in points), then rendered with reportlab."""

    language: str
    pages: list[list[tuple[str, float, float, str, float, str]]] = field(default_factory=lambda: [[]])
    expected: list[Row] = field(default_factory=list)

    def put(
        self,
        x: float,
        y: float,
        text: str,
        *,
        size: float = 8.5,
        align: str = "l",
        font: str = "",
        spacing: float = 0.0,
    ) -> None:
        style = align + (font or "Helvetica") + (f"@{spacing}" if spacing else "")
        self.pages[-1].append(("text", x, y, text, size, style))

    def rule(self, x0: float, y: float, x1: float) -> None:
        self.pages[-1].append(("rule", x0, y, str(x1), 0.0, ""))

    def box(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.pages[-1].append(("box", x0, y0, f"{x1} {y1}", 0.0, ""))

    def new_page(self) -> None:
        self.pages.append([])

    def pdf(self) -> bytes:
        buffer = io.BytesIO()
        c = canvas.Canvas(buffer, pagesize=A4, invariant=1)
        for ops in self.pages:
            for kind, x, y, text, size, style in ops:
                if kind == "rule":
                    c.setLineWidth(0.5)
                    c.line(x, HEIGHT - y, float(text), HEIGHT - y)
                elif kind == "box":
                    x1, y1 = (float(v) for v in text.split())
                    c.setLineWidth(0.5)
                    c.rect(x, HEIGHT - y1, x1 - x, y1 - y)
                else:
                    font, _, spacing = style[1:].partition("@")
                    c.setFont(font, size)
                    draw = {"l": c.drawString, "r": c.drawRightString, "c": c.drawCentredString}[style[0]]
                    draw(x, HEIGHT - y - 0.8 * size, text, charSpace=float(spacing or 0))
            c.showPage()
        c.save()
        return buffer.getvalue()


def _head(doc: Doc, rng: random.Random) -> float:
    vendor = rng.choice(
        ["Brennwald Technik GmbH", "Kestrel & Vane Ltd", "Atelier Moreau SARL", "Van Dijk BV"]
    )
    doc.put(40, 40, vendor, size=14, font="Helvetica-Bold")
    doc.put(
        40, 62, "Musterweg 4, 20095 Hamburg" if doc.language == "de" else "12 Harbour Road, Leeds LS1 4AB"
    )
    number = {"en": "Invoice no.", "de": "Rechnungsnr.", "fr": "Facture n°", "nl": "Factuurnummer"}
    date = {"en": "Invoice date", "de": "Rechnungsdatum", "fr": "Date", "nl": "Factuurdatum"}
    doc.put(360, 110, f"{number[doc.language]}: R-{rng.randint(1000, 9999)}")
    doc.put(360, 122, f"{date[doc.language]}: 14.03.2024")
    doc.put(40, 110, "Nordlicht Handel AG")
    doc.put(40, 122, "Hafenstraße 9, 28195 Bremen")
    return 180.0


def _totals(doc: Doc, y: float, net: Decimal, x_label: float = 380, x_value: float = 555) -> None:
    lab = LABELS[doc.language]
    rate = RATE[doc.language]
    tax = money(net * rate / 100)
    for n, (label, value) in enumerate(((lab["net"], net), (lab["tax"].format(r=rate), tax),
                                        (lab["total"], net + tax))):  # fmt: skip
        doc.put(x_label, y + 14 * n, label)
        doc.put(x_value, y + 14 * n, fmt(value, doc.language), align="r")


def _article(rng: random.Random, language: str, long: bool = False) -> str:
    words = [rng.choice(NOUNS[language]).capitalize(), rng.choice(ATTRS[language])]
    if long:
        words += [rng.choice(ATTRS[language]), rng.choice(NOUNS[language]), rng.choice(ATTRS[language])]
        words += [rng.choice(["for outdoor use", "mit Zubehör", "avec fixations", "met toebehoren"])]
    return " ".join(words)


def _wrap(text: str, chars: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > chars:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current]


def _quantity(rng: random.Random, decimals: bool = False) -> Decimal:
    if decimals:
        return Decimal(rng.choice(["0.5", "1.25", "2.5", "3.75", "7.5", "12.25", "1", "4"]))
    return Decimal(rng.choice([1, 2, 3, 4, 5, 6, 10, 12, 20, 25, 50]))


def _price(rng: random.Random) -> Decimal:
    return Decimal(rng.randint(150, 180000)) / 100


# Column geometry: (key, x, align) with x the left edge (align "l") or right edge (align "r").
Columns = list[tuple[str, float, str]]


def _header(doc: Doc, y: float, columns: Columns, labels: dict[str, str], bold: bool = True) -> None:
    for key, x, align in columns:
        doc.put(x, y, labels[key], font="Helvetica-Bold" if bold else "", align=align)
    doc.rule(40, y + 11, 555)


def _standard_rows(
    doc: Doc,
    rng: random.Random,
    y: float,
    columns: Columns,
    cells: Callable[[int, Decimal, Decimal, Decimal], dict[str, str]],
    *,
    count: int,
    wrap: int = 38,
    long_share: float = 0.4,
    pitch: float = 10.5,
    gap: float = 6.0,
    detail: Callable[[int], str] | None = None,
    decimals: bool = False,
    detail_size: float = 6.5,
) -> tuple[float, Decimal]:
    net = Decimal(0)
    for n in range(1, count + 1):
        text = _article(rng, doc.language, rng.random() < long_share)
        quantity, price = _quantity(rng, decimals), _price(rng)
        amount = money(quantity * price)
        net += amount
        lines = _wrap(text, wrap)
        row = cells(n, quantity, price, amount)
        for key, x, align in columns:
            if key == "desc":
                for k, line in enumerate(lines):
                    doc.put(x, y + k * pitch, line)
            elif row.get(key):
                doc.put(x, y, row[key], align=align)
        y += len(lines) * pitch
        if detail is not None:
            desc_x = next(x for key, x, _ in columns if key == "desc")
            small = detail_size < 8
            doc.put(desc_x, y, detail(n), size=detail_size, font="Helvetica-Oblique" if small else "")
            y += 8.5 if small else pitch
        doc.expected.append((" ".join(lines), quantity, price, amount))
        y += gap
    return y, net


def pos_code(rng: random.Random, language: str) -> Doc:
    """Pos. | article code | description wrapping over 2-4 lines | qty | unit price | amount."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("pos", 40, "l"), ("code", 68, "l"), ("desc", 130, "l"), ("qty", 380, "r"),
                        ("price", 460, "r"), ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, LABELS[language])

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        code = f"{rng.randint(100, 999)}-{rng.randint(1000, 99999)}"
        return {"pos": str(n * 10), "code": code, "qty": fmt_qty(q, language), "price": fmt(p, language),
                "amount": fmt(a, language)}  # fmt: skip

    y, net = _standard_rows(
        doc, rng, y + 18, columns, cells, count=rng.randint(4, 8), wrap=30, long_share=0.6
    )
    _totals(doc, y + 12, net)
    return doc


def detail_line(rng: random.Random, language: str) -> Doc:
    """Each item with a second line of smaller detail text (serial number, period, "incl. ...")."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("pos", 40, "l"), ("desc", 62, "l"), ("qty", 360, "r"), ("price", 450, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, LABELS[language])

    def detail(n: int) -> str:
        return rng.choice(
            [f"S/N {rng.randint(10000, 99999)}-{rng.randint(100, 999)}", "Zeitraum 01.03.2024 - 31.03.2024",
             "incl. 2 years warranty", f"Lieferschein {rng.randint(40000, 49999)} vom 02.03.2024",
             "Period 01/03/2024 - 31/03/2024"]
        )  # fmt: skip

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        return {
            "pos": str(n),
            "qty": fmt_qty(q, language),
            "price": fmt(p, language),
            "amount": fmt(a, language),
        }

    y, net = _standard_rows(doc, rng, y + 18, columns, cells, count=rng.randint(3, 7), detail=detail)
    _totals(doc, y + 12, net)
    return doc


def unit_column(rng: random.Random, language: str) -> Doc:
    """A unit column between quantity and price ("Stk", "h", "m²", "kg"), quantities with decimals."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("desc", 40, "l"), ("qty", 330, "r"), ("unit", 338, "l"), ("price", 450, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, LABELS[language])

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        unit = rng.choice(["Stk", "h", "m²", "kg", "pcs", "lfm", "Pkt."])
        return {
            "qty": fmt_qty(q, language),
            "unit": unit,
            "price": fmt(p, language),
            "amount": fmt(a, language),
        }

    y, net = _standard_rows(doc, rng, y + 18, columns, cells, count=rng.randint(4, 8), decimals=True)
    _totals(doc, y + 12, net)
    return doc


def qty_unit_cell(rng: random.Random, language: str) -> Doc:
    """Quantity and unit in one cell ("2,5 h", "12 m²"), left-aligned under a left-aligned label."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("desc", 40, "l"), ("qty", 300, "l"), ("price", 450, "r"), ("amount", 555, "r")]
    _header(doc, y, columns, LABELS[language])

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        unit = rng.choice(["h", "Stk.", "m²", "kg", "pcs", "Std."])
        return {
            "qty": f"{fmt_qty(q, language)} {unit}",
            "price": fmt(p, language),
            "amount": fmt(a, language),
        }

    y, net = _standard_rows(doc, rng, y + 18, columns, cells, count=rng.randint(4, 8), decimals=True)
    _totals(doc, y + 12, net)
    return doc


def per_hundred(rng: random.Random, language: str) -> Doc:
    """Prices per 100 pieces: amount = quantity × price / 100 (screws, labels, printed matter)."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("code", 40, "l"), ("desc", 100, "l"), ("qty", 360, "r"), ("per100", 450, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, LABELS[language])
    y += 18
    net = Decimal(0)
    for _ in range(rng.randint(4, 8)):
        text = _article(rng, language)
        quantity = Decimal(rng.choice([100, 200, 250, 500, 1000, 1500, 2000, 5000]))
        price = Decimal(rng.randint(90, 9000)) / 100
        amount = money(quantity * price / 100)
        net += amount
        doc.put(40, y, f"{rng.randint(10000, 99999)}")
        doc.put(100, y, text)
        doc.put(360, y, fmt_qty(quantity, language), align="r")
        doc.put(450, y, fmt(price, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        doc.expected.append((text, quantity, price, amount))
        y += 16
    _totals(doc, y + 12, net)
    return doc


def amount_left(rng: random.Random, language: str) -> Doc:
    """Columns Amount | Description: the amount in the first column, a fee note without quantities."""
    doc = Doc(language)
    y = _head(doc, rng)
    lab = LABELS[language]
    doc.put(110, y, lab["amount"], font="Helvetica-Bold", align="r")
    doc.put(130, y, lab["desc"], font="Helvetica-Bold")
    doc.rule(40, y + 11, 555)
    y += 18
    net = Decimal(0)
    for _ in range(rng.randint(3, 6)):
        text = rng.choice(FEES[language])
        amount = Decimal(rng.randint(5000, 900000)) / 100
        net += amount
        doc.put(110, y, fmt(amount, language), align="r")
        lines = _wrap(text + (" " + rng.choice(SERVICES[language]).lower() if rng.random() < 0.4 else ""), 60)
        for k, line in enumerate(lines):
            doc.put(130, y + 10.5 * k, line)
        doc.expected.append((" ".join(lines), None, None, amount))
        y += 10.5 * len(lines) + 8
    _totals(doc, y + 12, net)
    return doc


def hours_rate(rng: random.Random, language: str) -> Doc:
    """Service firm: Date | Description | Hours | Rate | Amount, hours in quarter hours."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("date", 40, "l"), ("desc", 95, "l"), ("hours", 380, "r"), ("rate", 460, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, LABELS[language])
    y += 18
    net = Decimal(0)
    for day in sorted(rng.sample(range(1, 29), rng.randint(4, 9))):
        text = rng.choice(SERVICES[language])
        if rng.random() < 0.4:
            text += " " + rng.choice(["(remote)", "incl. report", "Phase 2", "ticket #4471", "meeting notes"])
        hours = Decimal(rng.randint(1, 40)) / 4
        rate = Decimal(rng.choice([85, 95, 120, 145, 180]))
        amount = money(hours * rate)
        net += amount
        doc.put(40, y, f"{day:02d}.03.24" if language != "en" else f"03/{day:02d}/24")
        doc.put(95, y, text)
        doc.put(380, y, fmt(hours, language), align="r")
        doc.put(460, y, fmt(rate, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        doc.expected.append((text, hours, rate, amount))
        y += 13
    _totals(doc, y + 12, net)
    return doc


def fee_note(rng: random.Random, language: str) -> Doc:
    """Description and amount only (no quantity, no price), long descriptions wrapping."""
    doc = Doc(language)
    y = _head(doc, rng)
    lab = LABELS[language]
    doc.put(40, y, lab["desc"], font="Helvetica-Bold")
    doc.put(555, y, lab["amount"], font="Helvetica-Bold", align="r")
    doc.rule(40, y + 11, 555)
    y += 20
    net = Decimal(0)
    for _ in range(rng.randint(2, 6)):
        text = rng.choice(FEES[language])
        if rng.random() < 0.5:
            text += ", " + ", ".join(rng.sample(SERVICES[language], 3)).lower()
        amount = Decimal(rng.randint(5000, 900000)) / 100
        net += amount
        lines = _wrap(text, 70)
        for k, line in enumerate(lines):
            doc.put(40, y + 10.5 * k, line)
        doc.put(555, y, fmt(amount, language), align="r")
        doc.expected.append((" ".join(lines), None, None, amount))
        y += 10.5 * len(lines) + 10
    _totals(doc, y + 12, net)
    return doc


def vat_code(rng: random.Random, language: str) -> Doc:
    """Every row repeats a VAT code letter (A/B) defined in a VAT summary under the table."""
    doc = Doc(language)
    y = _head(doc, rng)
    lab = LABELS[language]
    columns: Columns = [("desc", 40, "l"), ("qty", 330, "r"), ("price", 420, "r"), ("amount", 520, "r"),
                        ("vat", 540, "l")]  # fmt: skip
    _header(doc, y, columns, lab)
    y += 18
    net = {"A": Decimal(0), "B": Decimal(0)}
    rates = {"A": Decimal(RATE[language]), "B": Decimal(7 if language == "de" else 9)}
    for _ in range(rng.randint(4, 8)):
        text = _article(rng, language)
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        code = rng.choice("AB")
        net[code] += amount
        doc.put(40, y, text)
        doc.put(330, y, fmt_qty(quantity, language), align="r")
        doc.put(420, y, fmt(price, language), align="r")
        doc.put(520, y, fmt(amount, language), align="r")
        doc.put(540, y, code)
        doc.expected.append((text, quantity, price, amount))
        y += 13
    y += 14
    doc.put(40, y, lab["summary"], font="Helvetica-Bold")
    for n, code in enumerate("AB"):
        doc.put(40, y + 12 * (n + 1), f"{code} = {fmt_qty(rates[code], language)} %")
        doc.put(140, y + 12 * (n + 1), fmt(net[code], language), align="r")
        doc.put(220, y + 12 * (n + 1), fmt(money(net[code] * rates[code] / 100), language), align="r")
    total_net = net["A"] + net["B"]
    taxes = sum((money(net[c] * rates[c] / 100) for c in "AB"), Decimal(0))
    doc.put(380, y + 12, lab["net"])
    doc.put(555, y + 12, fmt(total_net, language), align="r")
    doc.put(380, y + 26, lab["vat"])
    doc.put(555, y + 26, fmt(taxes, language), align="r")
    doc.put(380, y + 40, lab["total"])
    doc.put(555, y + 40, fmt(total_net + taxes, language), align="r")
    return doc


def discount_columns(rng: random.Random, language: str) -> Doc:
    """Qty | list price | discount % | discount amount | net amount per row."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("desc", 40, "l"), ("qty", 280, "r"), ("price", 345, "r"), ("disc", 400, "r"),
                        ("discamt", 470, "r"), ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, LABELS[language])
    y += 18
    net = Decimal(0)
    for _ in range(rng.randint(4, 8)):
        text = _article(rng, language)
        quantity, price = _quantity(rng), _price(rng)
        discount = Decimal(rng.choice([0, 3, 5, 10, 15, 20]))
        gross = money(quantity * price)
        off = money(gross * discount / 100)
        amount = gross - off
        net += amount
        doc.put(40, y, text)
        doc.put(280, y, fmt_qty(quantity, language), align="r")
        doc.put(345, y, fmt(price, language), align="r")
        if discount:
            doc.put(400, y, fmt_qty(discount, language) + " %", align="r")
            doc.put(470, y, "-" + fmt(off, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        doc.expected.append((text, quantity, price, amount))
        y += 13
    _totals(doc, y + 12, net)
    return doc


def multipage(rng: random.Random, language: str, bare: bool = False) -> Doc:
    """A table over pages: header repeated, page totals and a carried sum under each page's rows, the
    carried sum brought forward over the next page's rows. ``bare``: continuation pages repeat no header
    and carry no sums, some rows hold no quantity and price (charges), the totals may stand alone on
    the last page."""
    doc = Doc(language)
    lab = LABELS[language]
    y = _head(doc, rng)
    columns: Columns = [("pos", 40, "l"), ("desc", 65, "l"), ("qty", 360, "r"), ("price", 450, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, lab)
    y += 18
    running = page_sum = Decimal(0)
    page_total = rng.random() < 0.5 and not bare
    for n in range(1, rng.randint(45, 70)):
        text = _article(rng, language, rng.random() < 0.2)
        lines = _wrap(text, 42)
        if y + 11 * len(lines) > 760:
            if page_total:
                doc.put(65, y + 4, lab["page"])
                doc.put(555, y + 4, fmt(page_sum, language), align="r")
                y += 13
            if not bare:
                doc.put(65, y + 4, lab["carried"], font="Helvetica-Bold")
                doc.put(555, y + 4, fmt(running, language), align="r", font="Helvetica-Bold")
            doc.put(40, 810, f"Seite {len(doc.pages)}" if language == "de" else f"Page {len(doc.pages)}")
            doc.new_page()
            y = 50.0
            if not bare:
                _header(doc, y, columns, lab)
                y += 18
                doc.put(65, y, lab["brought"], font="Helvetica-Bold")
                doc.put(555, y, fmt(running, language), align="r", font="Helvetica-Bold")
                y += 15
            page_sum = Decimal(0)
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        charge = bare and rng.random() < 0.1
        doc.put(40, y, str(n))
        for k, line in enumerate(lines):
            doc.put(65, y + 10.5 * k, line)
        if not charge:
            doc.put(360, y, fmt_qty(quantity, language), align="r")
            doc.put(450, y, fmt(price, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        doc.expected.append(
            (" ".join(lines), None if charge else quantity, None if charge else price, amount)
        )
        running += amount
        page_sum += amount
        y += 10.5 * len(lines) + 5
    if y > 720 or (bare and rng.random() < 0.3):
        doc.new_page()
        y = 60
    _totals(doc, y + 12, running)
    return doc


def ruled_boxes(rng: random.Random, language: str) -> Doc:
    """Every cell in a ruled box, labels centred, figures right-aligned with padding."""
    doc = Doc(language)
    y = _head(doc, rng)
    edges = [40, 70, 320, 370, 450, 555]
    keys = ["pos", "desc", "qty", "price", "amount"]
    lab = LABELS[language]
    for (x0, x1), key in zip(itertools.pairwise(edges), keys, strict=True):
        doc.box(x0, y - 4, x1, y + 14)
        doc.put((x0 + x1) / 2, y + 1, lab[key], font="Helvetica-Bold", align="c")
    y += 14
    net = Decimal(0)
    for n in range(1, rng.randint(4, 9)):
        text = _article(rng, language, rng.random() < 0.4)
        lines = _wrap(text, 44)
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        net += amount
        height = 10.5 * len(lines) + 8
        for x0, x1 in itertools.pairwise(edges):
            doc.box(x0, y, x1, y + height)
        doc.put(55, y + 4, str(n), align="c")
        for k, line in enumerate(lines):
            doc.put(74, y + 4 + 10.5 * k, line)
        doc.put(366, y + 4, fmt_qty(quantity, language), align="r")
        doc.put(446, y + 4, fmt(price, language), align="r")
        doc.put(551, y + 4, fmt(amount, language), align="r")
        doc.expected.append((" ".join(lines), quantity, price, amount))
        y += height
    _totals(doc, y + 16, net)
    return doc


def bundle(rng: random.Random, language: str) -> Doc:
    """A bundle row with its components under it: indented, a quantity each, no price or amount."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("pos", 40, "l"), ("desc", 62, "l"), ("qty", 360, "r"), ("price", 450, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, LABELS[language])
    y += 18
    net = Decimal(0)
    for n in range(1, rng.randint(3, 6)):
        text = _article(rng, language)
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        net += amount
        doc.put(40, y, str(n))
        doc.put(62, y, text)
        doc.put(360, y, fmt_qty(quantity, language), align="r")
        doc.put(450, y, fmt(price, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        doc.expected.append((text, quantity, price, amount))
        y += 11
        if rng.random() < 0.6:
            for _ in range(rng.randint(2, 4)):
                doc.put(72, y, "- " + _article(rng, language), size=7.5)
                doc.put(360, y, str(rng.randint(1, 4)), size=7.5, align="r")
                y += 10
        y += 5
    _totals(doc, y + 12, net)
    return doc


def notes_between(rng: random.Random, language: str) -> Doc:
    """Free-text notes between rows: full-width sentences set off by a gap."""
    doc = Doc(language)
    lab = LABELS[language]
    y = _head(doc, rng)
    columns: Columns = [("pos", 40, "l"), ("desc", 62, "l"), ("qty", 360, "r"), ("price", 450, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, lab)
    y += 18
    net = Decimal(0)
    notes = {
        "en": "Delivered in two parts, the remainder follows with our next shipment from the warehouse.",
        "de": "Die Lieferung erfolgt in zwei Teilen, der Rest folgt mit der nächsten Sendung ab Lager.",
        "fr": "Livraison en deux parties, le solde suivra avec notre prochaine expédition depuis le dépôt.",
        "nl": "Levering in twee delen, de rest volgt met de volgende zending vanuit het magazijn.",
    }
    for n in range(1, rng.randint(4, 8)):
        text = _article(rng, language)
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        net += amount
        doc.put(40, y, str(n))
        doc.put(62, y, text)
        doc.put(360, y, fmt_qty(quantity, language), align="r")
        doc.put(450, y, fmt(price, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        doc.expected.append((text, quantity, price, amount))
        y += 13
        if rng.random() < 0.35:
            y += 4
            doc.put(62, y, f"{lab['note']} {notes[language]}", size=7.5, font="Helvetica-Oblique")
            y += 15
    _totals(doc, y + 12, net)
    return doc


def no_decimals(rng: random.Random, language: str) -> Doc:
    """A currency without decimals (JPY): prices and amounts as whole numbers with thousands separators."""
    del language
    doc = Doc("en")
    y = _head(doc, rng)
    doc.put(360, 134, "Currency: JPY")
    columns: Columns = [("desc", 40, "l"), ("qty", 330, "r"), ("price", 440, "r"), ("amount", 555, "r")]
    _header(doc, y, columns, {"desc": "Description", "qty": "Qty", "price": "Unit price (JPY)",
                              "amount": "Amount (JPY)"})  # fmt: skip
    y += 18
    net = Decimal(0)
    for _ in range(rng.randint(4, 8)):
        text = _article(rng, "en")
        quantity = _quantity(rng)
        price = Decimal(rng.randint(3, 4000) * 50)
        amount = quantity * price
        net += amount
        doc.put(40, y, text)
        doc.put(330, y, fmt_qty(quantity, "en"), align="r")
        doc.put(440, y, fmt(price, "en", 0), align="r")
        doc.put(555, y, fmt(amount, "en", 0), align="r")
        doc.expected.append((text, quantity, price, amount))
        y += 13
    tax = (net / 10).quantize(Decimal(1))
    for n, (label, value) in enumerate(
        (("Subtotal", net), ("Consumption tax 10%", tax), ("Total", net + tax))
    ):
        doc.put(380, y + 12 + 14 * n, label)
        doc.put(555, y + 12 + 14 * n, "¥" + fmt(value, "en", 0), align="r")
    return doc


def reversed_columns(rng: random.Random, language: str) -> Doc:
    """Right-to-left column order: Amount | Unit price | Qty | Description | Pos."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("amount", 100, "r"), ("price", 170, "r"), ("qty", 215, "r"), ("desc", 235, "l"),
                        ("pos", 555, "r")]  # fmt: skip
    _header(doc, y, columns, LABELS[language])

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        return {
            "pos": str(n),
            "qty": fmt_qty(q, language),
            "price": fmt(p, language),
            "amount": fmt(a, language),
        }

    y, net = _standard_rows(doc, rng, y + 18, columns, cells, count=rng.randint(4, 8), wrap=50)
    if rng.random() < 0.5:
        _totals(doc, y + 12, net)
        return doc
    # Mirrored like the table: each total's figure left, under the amount column, its label right of it.
    lab = LABELS[language]
    tax = money(net * RATE[language] / 100)
    labels = (lab["net"], lab["tax"].format(r=RATE[language]), lab["total"])
    for n, (label, value) in enumerate(zip(labels, (net, tax, net + tax), strict=True)):
        doc.put(100, y + 12 + 14 * n, fmt(value, language), align="r")
        doc.put(120, y + 12 + 14 * n, label)
    return doc


def hierarchical_positions(rng: random.Random, language: str) -> Doc:
    """Bill-of-quantities style: positions "1.1", "1.2", "2.1" under group titles, a unit column."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("pos", 40, "l"), ("desc", 75, "l"), ("qty", 340, "r"), ("unit", 346, "l"),
                        ("price", 450, "r"), ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, LABELS[language])
    y += 18
    net = Decimal(0)
    for group in range(1, rng.randint(2, 4)):
        doc.put(40, y, f"{group}", font="Helvetica-Bold")
        doc.put(75, y, rng.choice(SERVICES[language]), font="Helvetica-Bold")
        y += 14
        for sub in range(1, rng.randint(2, 5)):
            text = _article(rng, language, rng.random() < 0.3)
            lines = _wrap(text, 44)
            quantity, price = _quantity(rng, decimals=True), _price(rng)
            amount = money(quantity * price)
            net += amount
            doc.put(40, y, f"{group}.{sub}")
            for k, line in enumerate(lines):
                doc.put(75, y + 10.5 * k, line)
            doc.put(340, y, fmt_qty(quantity, language), align="r")
            doc.put(346, y, rng.choice(["m²", "m", "Stk", "psch", "h"]))
            doc.put(450, y, fmt(price, language), align="r")
            doc.put(555, y, fmt(amount, language), align="r")
            doc.expected.append((" ".join(lines), quantity, price, amount))
            y += 10.5 * len(lines) + 5
        y += 6
    _totals(doc, y + 12, net)
    return doc


def figures_below(rng: random.Random, language: str) -> Doc:
    """Each item on two lines: the description over the full width, its code and figures below it."""
    doc = Doc(language)
    lab = LABELS[language]
    y = _head(doc, rng)
    columns: Columns = [("code", 40, "l"), ("qty", 340, "r"), ("price", 450, "r"), ("amount", 555, "r")]
    _header(doc, y, columns, {**lab, "code": lab["desc"]})
    y += 18
    net = Decimal(0)
    for _ in range(rng.randint(3, 7)):
        text = _article(rng, language, rng.random() < 0.5)
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        net += amount
        doc.put(40, y, text)
        y += 10.5
        doc.put(52, y, f"{lab['code']} {rng.randint(10000, 99999)}", size=7.5)
        doc.put(340, y, fmt_qty(quantity, language), align="r")
        doc.put(450, y, fmt(price, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        doc.expected.append((text, quantity, price, amount))
        y += 16
    _totals(doc, y + 12, net)
    return doc


def currency_cells(rng: random.Random, language: str) -> Doc:
    """Prices and amounts with their currency in the cell ("€ 1.234,56", "1.234,56 EUR", "CHF 12.50")."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("desc", 40, "l"), ("qty", 330, "r"), ("price", 450, "r"), ("amount", 555, "r")]
    _header(doc, y, columns, LABELS[language])
    before, after = rng.choice([("€ ", ""), ("", " EUR"), ("EUR ", ""), ("", " €")])

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        return {"qty": fmt_qty(q, language), "price": before + fmt(p, language) + after,
                "amount": before + fmt(a, language) + after}  # fmt: skip

    y, net = _standard_rows(doc, rng, y + 18, columns, cells, count=rng.randint(3, 8))
    _totals(doc, y + 12, net)
    return doc


def quantity_times(rng: random.Random, language: str) -> Doc:
    """Quantities written "2 x" / "2x" / "x 2" in their cell."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("pos", 40, "l"), ("desc", 62, "l"), ("qty", 350, "r"), ("price", 450, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, LABELS[language])
    pattern = rng.choice(["{q} x", "{q}x", "{q} ×"])

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        return {"pos": f"{n}.", "qty": pattern.format(q=fmt_qty(q, language)), "price": fmt(p, language),
                "amount": fmt(a, language)}  # fmt: skip

    y, net = _standard_rows(doc, rng, y + 18, columns, cells, count=rng.randint(3, 8))
    _totals(doc, y + 12, net)
    return doc


def group_header(rng: random.Random, language: str) -> Doc:
    """A two-row header: a group title over the price columns ("Price (EUR)" over "unit" and "total")."""
    doc = Doc(language)
    y = _head(doc, rng)
    titles = {
        "en": ("Price (EUR)", "unit", "total"),
        "de": ("Preis (EUR)", "Einzel", "Gesamt"),
        "fr": ("Prix (EUR)", "unitaire", "total"),
        "nl": ("Prijs (EUR)", "per stuk", "totaal"),
    }
    group, unit, total = titles[language]
    lab = LABELS[language]
    doc.put(40, y + 11, lab["desc"], font="Helvetica-Bold")
    doc.put(360, y + 11, lab["qty"], font="Helvetica-Bold", align="r")
    doc.put(500, y, group, font="Helvetica-Bold", align="c")
    doc.put(450, y + 11, unit, font="Helvetica-Bold", align="r")
    doc.put(555, y + 11, total, font="Helvetica-Bold", align="r")
    doc.rule(40, y + 22, 555)
    columns: Columns = [("desc", 40, "l"), ("qty", 360, "r"), ("price", 450, "r"), ("amount", 555, "r")]

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        return {"qty": fmt_qty(q, language), "price": fmt(p, language), "amount": fmt(a, language)}

    y, net = _standard_rows(doc, rng, y + 30, columns, cells, count=rng.randint(3, 8))
    _totals(doc, y + 12, net)
    return doc


def free_rows(rng: random.Random, language: str) -> Doc:
    """Rows free of charge among the others: a price and an amount of 0,00 (items all the same)."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("desc", 40, "l"), ("qty", 330, "r"), ("price", 450, "r"), ("amount", 555, "r")]
    _header(doc, y, columns, LABELS[language])
    y += 18
    net = Decimal(0)
    for _ in range(rng.randint(4, 8)):
        text = _article(rng, language)
        quantity = _quantity(rng)
        price = Decimal(0) if rng.random() < 0.3 else _price(rng)
        amount = money(quantity * price)
        net += amount
        doc.put(40, y, text)
        doc.put(330, y, fmt_qty(quantity, language), align="r")
        doc.put(450, y, fmt(price, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        doc.expected.append((text, quantity, price, amount))
        y += 13
    _totals(doc, y + 12, net)
    return doc


def utility_charges(rng: random.Random, language: str) -> Doc:
    """An energy bill: period | charge | consumption with its unit | price with 4 decimals or in cents |
    amount; a standing charge with days × daily rate."""
    doc = Doc(language)
    y = _head(doc, rng)
    cents = rng.random() < 0.5
    lab = {
        "en": ("Period", "Charge", "Consumption", "p/kWh" if cents else "Price/kWh", "Amount"),
        "de": ("Zeitraum", "Position", "Verbrauch", "ct/kWh" if cents else "Preis/kWh", "Betrag"),
        "fr": ("Période", "Désignation", "Consommation", "c€/kWh" if cents else "Prix/kWh", "Montant HT"),
        "nl": ("Periode", "Omschrijving", "Verbruik", "ct/kWh" if cents else "Prijs/kWh", "Bedrag"),
    }
    names = {
        "en": ("Energy day rate", "Energy night rate", "Standing charge"),
        "de": ("Arbeitspreis HT", "Arbeitspreis NT", "Grundpreis"),
        "fr": ("Énergie heures pleines", "Énergie heures creuses", "Abonnement"),
        "nl": ("Leveringstarief normaal", "Leveringstarief dal", "Vaste leveringskosten"),
    }
    columns: Columns = [("period", 40, "l"), ("desc", 150, "l"), ("qty", 350, "r"), ("price", 450, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    for (_key, x, align), label in zip(columns, lab[language], strict=True):
        doc.put(x, y, label, font="Helvetica-Bold", align=align)
    doc.rule(40, y + 11, 555)
    y += 18
    net = Decimal(0)
    for month in range(1, rng.randint(2, 4)):
        period = f"01.0{month}.2024 - {(31, 29, 31)[month - 1]}.0{month}.2024"
        for k, name in enumerate(names[language]):
            if k < 2:
                quantity = Decimal(rng.randint(80, 2400))
                unit = "kWh"
                price = Decimal(rng.randint(1800, 4200)) / (100 if cents else 10000)
                amount = money(quantity * price / (100 if cents else 1))
                qty_text = f"{fmt_qty(quantity, language)} {unit}"
                price_text = fmt(price, language, 2 if cents else 4)
            else:
                quantity = Decimal(rng.choice([29, 30, 31]))
                price = Decimal(rng.randint(30, 90)) / 100
                amount = money(quantity * price)
                qty_text = {"en": "{q} days", "de": "{q} Tage", "fr": "{q} jours", "nl": "{q} dagen"}[
                    language
                ].format(q=quantity)
                price_text = fmt(price, language, 4) if not cents else fmt(price * 100, language, 2)
                if cents:
                    price = price * 100
            net += amount
            doc.put(40, y, period, size=7.5)
            doc.put(150, y, name)
            doc.put(350, y, qty_text, align="r")
            doc.put(450, y, price_text, align="r")
            doc.put(555, y, fmt(amount, language), align="r")
            doc.expected.append((name, quantity, price, amount))
            y += 13
        y += 4
    _totals(doc, y + 12, net)
    return doc


def india_gst(rng: random.Random, language: str) -> Doc:
    """Indian tax invoice: Sl | description with HSN below | qty | rate | taxable value | CGST/SGST rate and
    amount | total; lakh grouping (1,23,456.00)."""
    del language
    doc = Doc("en")
    y = _head(doc, rng)
    heads = [("#", 40, "l"), ("Description of Goods", 58, "l"), ("Qty", 250, "r"), ("Rate", 300, "r"),
             ("Taxable Value", 362, "r"), ("CGST %", 395, "r"), ("CGST Amt", 445, "r"), ("SGST %", 478, "r"),
             ("SGST Amt", 520, "r"), ("Total", 570, "r")]  # fmt: skip
    for label, x, align in heads:
        doc.put(x, y, label, size=7, font="Helvetica-Bold", align=align)
    doc.rule(40, y + 10, 570)
    y += 16

    def lakh(value: Decimal) -> str:
        whole, _, fraction = f"{value:.2f}".partition(".")
        head, tail = whole[:-3], whole[-3:]
        groups = [head[max(0, i - 2) : i] for i in range(len(head), 0, -2)][::-1]
        return ",".join([*groups, tail]) + "." + fraction if head else f"{tail}.{fraction}"

    net = Decimal(0)
    taxes = Decimal(0)
    for n in range(1, rng.randint(3, 8)):
        text = _article(rng, "en", rng.random() < 0.3)
        lines = _wrap(text, 30)
        quantity = _quantity(rng)
        price = Decimal(rng.randint(5000, 9000000)) / 100
        amount = money(quantity * price)
        rate = Decimal(rng.choice([9, 6, 14, "2.5"]))
        tax = money(amount * rate / 100)
        net += amount
        taxes += 2 * tax
        doc.put(40, y, str(n), size=7)
        for k, line in enumerate(lines):
            doc.put(58, y + 9 * k, line, size=7)
        doc.put(58, y + 9 * len(lines), f"HSN: {rng.randint(8400, 9999)}{rng.randint(10, 99)}", size=6)
        for value, x in ((fmt_qty(quantity, "en"), 250), (lakh(price), 300), (lakh(amount), 362),
                         (f"{fmt_qty(rate, 'en')}%", 395), (lakh(tax), 445), (f"{fmt_qty(rate, 'en')}%", 478),
                         (lakh(tax), 520), (lakh(amount + 2 * tax), 570)):  # fmt: skip
            doc.put(x, y, value, size=7, align="r")
        doc.expected.append((" ".join(lines), quantity, price, amount))
        y += 9 * len(lines) + 14
    for k, (label, value) in enumerate(
        (("Taxable Amount", net), ("Total Tax", taxes), ("Grand Total", net + taxes))
    ):
        doc.put(380, y + 12 + 14 * k, label)
        doc.put(570, y + 12 + 14 * k, lakh(value), align="r")
    return doc


def price_unit_suffix(rng: random.Random, language: str) -> Doc:
    """Unit prices with their unit written after them ("12,50 €/Stk", "3.20 / m", "95,00 EUR/h")."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("desc", 40, "l"), ("qty", 320, "r"), ("price", 450, "r"), ("amount", 555, "r")]
    _header(doc, y, columns, LABELS[language])
    suffix = rng.choice(["€/Stk", "/ m", "EUR/h", "€ / pc", "/kg"])

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        return {
            "qty": fmt_qty(q, language),
            "price": f"{fmt(p, language)} {suffix}",
            "amount": fmt(a, language),
        }

    y, net = _standard_rows(doc, rng, y + 18, columns, cells, count=rng.randint(3, 8))
    _totals(doc, y + 12, net)
    return doc


def dotted_leaders(rng: random.Random, language: str) -> Doc:
    """A fee note whose descriptions run into dot leaders up to the amount ("Advice ........ 1,200.00")."""
    doc = Doc(language)
    y = _head(doc, rng)
    net = Decimal(0)
    for _ in range(rng.randint(2, 6)):
        text = rng.choice(FEES[language])
        amount = Decimal(rng.randint(5000, 900000)) / 100
        net += amount
        dots = "." * max(3, int((430 - 40 - 4.7 * len(text)) / 2.4))
        doc.put(40, y, f"{text} {dots}")
        doc.put(555, y, fmt(amount, language), align="r")
        doc.expected.append((text, None, None, amount))
        y += 16
    _totals(doc, y + 12, net)
    return doc


def spaced_caps_header(rng: random.Random, language: str) -> Doc:
    """Designer template: header labels in capitals, letter-spaced ("D E S C R I P T I O N")."""
    doc = Doc(language)
    y = _head(doc, rng)
    lab = LABELS[language]
    columns: Columns = [("desc", 40, "l"), ("qty", 330, "r"), ("price", 450, "r"), ("amount", 555, "r")]
    for key, x, align in columns:
        doc.put(x, y, lab[key].upper(), size=7, align=align, font="Helvetica-Bold", spacing=1.5)
    doc.rule(40, y + 11, 555)

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        return {"qty": fmt_qty(q, language), "price": fmt(p, language), "amount": fmt(a, language)}

    y, net = _standard_rows(doc, rng, y + 18, columns, cells, count=rng.randint(3, 8))
    _totals(doc, y + 12, net)
    return doc


def tall_rows(rng: random.Random, language: str) -> Doc:
    """Shop order with a product picture per row: rows 40-60 pt apart, a box where the picture goes."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("desc", 90, "l"), ("qty", 360, "r"), ("price", 450, "r"), ("amount", 555, "r")]
    _header(doc, y, columns, LABELS[language])
    y += 22
    net = Decimal(0)
    pitch = rng.choice([44, 52, 60])
    for _ in range(rng.randint(3, 7)):
        text = _article(rng, language, rng.random() < 0.3)
        lines = _wrap(text, 48)
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        net += amount
        doc.box(40, y - 4, 80, y + pitch - 12)
        for k, line in enumerate(lines):
            doc.put(90, y + 10.5 * k, line)
        doc.put(360, y, fmt_qty(quantity, language), align="r")
        doc.put(450, y, fmt(price, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        doc.expected.append((" ".join(lines), quantity, price, amount))
        y += pitch
    _totals(doc, y + 12, net)
    return doc


def discount_rows(rng: random.Random, language: str) -> Doc:
    """Rows of goods, then a discount row and a shipping row of text and an amount only."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("desc", 40, "l"), ("qty", 330, "r"), ("price", 450, "r"), ("amount", 555, "r")]
    _header(doc, y, columns, LABELS[language])

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        return {"qty": fmt_qty(q, language), "price": fmt(p, language), "amount": fmt(a, language)}

    y, net = _standard_rows(doc, rng, y + 18, columns, cells, count=rng.randint(3, 6), long_share=0.0)
    names = {"en": ("Discount 5 %", "Shipping"), "de": ("Rabatt 5 %", "Versandkosten"),
             "fr": ("Remise 5 %", "Frais de port"), "nl": ("Korting 5 %", "Verzendkosten")}  # fmt: skip
    discount = -money(net * 5 / 100)
    shipping = Decimal(rng.choice(["4.90", "9.95", "12.00"]))
    for text, amount in zip(names[language], (discount, shipping), strict=True):
        doc.put(40, y - 6 + 13, text)
        doc.put(555, y - 6 + 13, fmt(amount, language), align="r")
        doc.expected.append((text, None, None, amount))
        net += amount
        y += 13
    _totals(doc, y + 12, net)
    return doc


def two_tables(rng: random.Random, language: str) -> Doc:
    """Material and labour in two tables on one page, each under a title and a header of its own (the
    labour one with hours and an hourly rate), a subtotal under each."""
    doc = Doc(language)
    lab = LABELS[language]
    y = _head(doc, rng)
    titles = {
        "en": ("Material", "Labour", "Subtotal"),
        "de": ("Material", "Arbeitsleistung", "Zwischensumme"),
        "fr": ("Fournitures", "Main-d'oeuvre", "Sous-total"),
        "nl": ("Materiaal", "Arbeid", "Subtotaal"),
    }
    net = Decimal(0)
    for k, title in enumerate(titles[language][:2]):
        doc.put(40, y, title, size=10, font="Helvetica-Bold")
        y += 16
        columns: Columns = [("desc", 40, "l"), ("hours" if k else "qty", 360, "r"),
                            ("rate" if k else "price", 450, "r"), ("amount", 555, "r")]  # fmt: skip
        _header(doc, y, columns, lab)

        def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
            return {"qty": fmt_qty(q, language), "hours": fmt_qty(q, language), "price": fmt(p, language),
                    "rate": fmt(p, language), "amount": fmt(a, language)}  # fmt: skip

        y, part = _standard_rows(doc, rng, y + 18, columns, cells, count=rng.randint(2, 5), decimals=bool(k))
        doc.put(380, y, titles[language][2])
        doc.put(555, y, fmt(part, language), align="r")
        net += part
        y += 26
    _totals(doc, y + 12, net)
    return doc


def bilingual_header(rng: random.Random, language: str) -> Doc:
    """Export invoice: each label in two languages, on one line ("Menge / Qty") or stacked with the
    second language in small print under the first."""
    del language
    doc = Doc("de")
    y = _head(doc, rng)
    pairs = [
        ("Bezeichnung", "Description"),
        ("Menge", "Qty"),
        ("Einzelpreis", "Unit price"),
        ("Betrag", "Amount"),
    ]
    xs = [(40, "l"), (340, "r"), (450, "r"), (555, "r")]
    stacked = rng.random() < 0.5
    for (first, second), (x, align) in zip(pairs, xs, strict=True):
        if stacked:
            doc.put(x, y, first, font="Helvetica-Bold", align=align)
            doc.put(x, y + 10, second, size=6.5, font="Helvetica-Oblique", align=align)
        else:
            doc.put(x, y, f"{first} / {second}", size=7.5, font="Helvetica-Bold", align=align)
    doc.rule(40, y + 19, 555)
    columns: Columns = [("desc", 40, "l"), ("qty", 340, "r"), ("price", 450, "r"), ("amount", 555, "r")]

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        return {"qty": fmt_qty(q, "de"), "price": fmt(p, "de"), "amount": fmt(a, "de")}

    y, net = _standard_rows(doc, rng, y + 26, columns, cells, count=rng.randint(3, 8))
    _totals(doc, y + 12, net)
    return doc


def currency_code_header(rng: random.Random, language: str) -> Doc:
    """The amount column headed by the currency code alone ("EUR"), the price column by "Price EUR"."""
    doc = Doc(language)
    y = _head(doc, rng)
    lab = LABELS[language]
    columns: Columns = [("desc", 40, "l"), ("qty", 340, "r"), ("price", 450, "r"), ("amount", 555, "r")]
    _header(doc, y, columns, {**lab, "price": f"{lab['price']} EUR", "amount": "EUR"})

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        return {"qty": fmt_qty(q, language), "price": fmt(p, language), "amount": fmt(a, language)}

    y, net = _standard_rows(doc, rng, y + 18, columns, cells, count=rng.randint(3, 8))
    _totals(doc, y + 12, net)
    return doc


def compact(rng: random.Random, language: str) -> Doc:
    """A narrow table (half the page), small type, columns a few points apart: cells nearly touch."""
    doc = Doc(language)
    y = _head(doc, rng)
    lab = LABELS[language]
    gap = rng.choice([5.0, 7.0, 9.0])
    size = 7.0
    texts = [_article(rng, language) for _ in range(rng.randint(3, 8))]
    width = max(len(t) for t in texts) * 0.5 * size + 4
    qty_x = 40 + max(width, len(lab["desc"]) * 0.55 * size) + gap + 4 * 0.55 * size
    price_x = qty_x + gap + max(8, len(lab["price"])) * 0.55 * size
    amount_x = price_x + gap + max(9, len(lab["amount"])) * 0.55 * size
    columns: Columns = [
        ("desc", 40, "l"),
        ("qty", qty_x, "r"),
        ("price", price_x, "r"),
        ("amount", amount_x, "r"),
    ]
    for key, x, align in columns:
        doc.put(x, y, lab[key], size=size, font="Helvetica-Bold", align=align)
    y += 12
    net = Decimal(0)
    for text in texts:
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        net += amount
        doc.put(40, y, text, size=size)
        doc.put(qty_x, y, fmt_qty(quantity, language), size=size, align="r")
        doc.put(price_x, y, fmt(price, language), size=size, align="r")
        doc.put(amount_x, y, fmt(amount, language), size=size, align="r")
        doc.expected.append((text, quantity, price, amount))
        y += 9.5
    _totals(doc, y + 12, net, x_label=amount_x - 150, x_value=amount_x)
    return doc


def hyphen_wrap(rng: random.Random, language: str) -> Doc:
    """Descriptions with hyphenated compounds wrapped the way Python's textwrap does: a line may end
    inside a compound ("Vor-Ort-" / "Einsatz"); the description is the text as written."""
    doc = Doc(language)
    y = _head(doc, rng)
    columns: Columns = [("desc", 40, "l"), ("qty", 340, "r"), ("price", 450, "r"), ("amount", 555, "r")]
    _header(doc, y, columns, LABELS[language])
    y += 18
    compounds = [
        "Vor-Ort-Einsatz",
        "E-Mail-Support",
        "on-site maintenance",
        "contrat-cadre",
        "Wand-Hängeschrank",
        "multi-layer gasket",
        "Low-Voltage-Kabel",
        "self-adhesive labels",
        "Wartungs- und Prüfarbeiten",
    ]
    net = Decimal(0)
    for _ in range(rng.randint(3, 7)):
        text = f"{_article(rng, language)} {rng.choice(compounds)} {rng.choice(compounds)}"
        lines = textwrap.wrap(text, rng.randint(18, 30))
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        net += amount
        for k, line in enumerate(lines):
            doc.put(40, y + 10.5 * k, line)
        doc.put(340, y, fmt_qty(quantity, language), align="r")
        doc.put(450, y, fmt(price, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        doc.expected.append((text, quantity, price, amount))
        y += 10.5 * len(lines) + 6
    _totals(doc, y + 12, net)
    return doc


def erp_positions(rng: random.Random, language: str) -> Doc:
    """ERP print-out: six-digit positions ("000010"), a material number, quantity with its unit ("100 ST"),
    a discount row per item printed under it with a trailing minus ("12,50-") and the net amount."""
    doc = Doc(language)
    lab = LABELS[language]
    y = _head(doc, rng)
    columns: Columns = [("pos", 40, "l"), ("code", 80, "l"), ("desc", 140, "l"), ("qty", 360, "r"),
                        ("price", 450, "r"), ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, lab)
    y += 18
    net = Decimal(0)
    trailing = rng.random() < 0.5
    for n in range(1, rng.randint(3, 7)):
        text = _article(rng, language)
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        net += amount
        doc.put(40, y, f"{n * 10:06d}")
        doc.put(80, y, f"{rng.randint(4000000, 4999999)}")
        doc.put(140, y, text)
        doc.put(360, y, f"{fmt_qty(quantity, language)} {rng.choice(['ST', 'PCE', 'EA', 'KG'])}", align="r")
        doc.put(450, y, fmt(price, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        doc.expected.append((text, quantity, price, amount))
        y += 13
    credit = -money(net * 3 / 100)
    doc.put(140, y + 4, lab["discamt"])
    text = fmt(-credit, language) + "-" if trailing else fmt(credit, language)
    doc.put(555, y + 4, text, align="r")
    doc.expected.append((lab["discamt"], None, None, credit))
    net += credit
    _totals(doc, y + 30, net)
    return doc


# Reference text real invoices print under or beside an item, in the item's own font size: the item's
# name is the description; these lines (codes, dates, delivery notes, periods) are metadata, not part of it.
def _reference(rng: random.Random, language: str) -> str:
    day = f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.2024"
    ean = f"EAN {rng.randint(4000000000000, 4099999999999)}"
    number, code = rng.randint(4000, 4999), f"{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"
    order, serial = rng.randint(10000, 99999), rng.randint(100000, 999999)
    return rng.choice({
        "en": [f"Order {order} dated {day}", f"Serial no. SN{serial}", "Period 01.03.2024 - 31.03.2024",
               f"SKU: {code}", f"Delivery note {number} of {day}", ean],
        "de": [f"Lieferschein {number} vom {day}", f"Auftrag {order} vom {day}", f"Seriennr. {serial}",
               "Leistungszeitraum 01.03.2024 - 31.03.2024", f"Art.-Nr. {code.replace('-', '.')}", ean],
        "fr": [f"BL n° {number} du {day}", f"Commande {order} du {day}", f"N° de série {serial}",
               "Période du 01.03.2024 au 31.03.2024", f"Réf. {code}"],
        "nl": [f"Pakbon {number} d.d. {day}", f"Order {order} van {day}", f"Serienr. {serial}",
               "Periode 01-03-2024 t/m 31-03-2024", f"Artikelnr. {code}"],
    }[language])  # fmt: skip


def reference_below(rng: random.Random, language: str) -> Doc:
    """Two-line items: the item's name on its own line (numbered or not), the figures row under it
    carrying a reference in the text column (article code, EAN, date, delivery note, period), all in one
    font size."""
    doc = Doc(language)
    lab = LABELS[language]
    y = _head(doc, rng)
    numbered = rng.random() < 0.6
    gap = rng.choice([12.0, 16.0])  # rows set tight or apart
    columns: Columns = [("pos", 40, "l"), ("desc", 65, "l"), ("qty", 360, "r"), ("price", 450, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns if numbered else columns[1:], lab)
    y += 18
    net = Decimal(0)
    for n in range(1, rng.randint(4, 8)):
        text = _article(rng, language, rng.random() < 0.3)
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        net += amount
        if numbered:
            doc.put(40, y, str(n))
        lines = _wrap(text, 44)
        for line in lines:
            doc.put(65, y, line)
            y += 10.5
        doc.put(65, y, _reference(rng, language))
        doc.put(360, y, fmt_qty(quantity, language), align="r")
        doc.put(450, y, fmt(price, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        doc.expected.append((" ".join(lines), quantity, price, amount))
        y += gap
    _totals(doc, y + 12, net)
    return doc


def reference_above(rng: random.Random, language: str) -> Doc:
    """Two-line items the other way round: the figures row carries the reference (code, date), the item's
    name stands on the line under it."""
    doc = Doc(language)
    lab = LABELS[language]
    y = _head(doc, rng)
    columns: Columns = [("pos", 40, "l"), ("desc", 65, "l"), ("qty", 360, "r"), ("price", 450, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, lab)
    y += 18
    net = Decimal(0)
    for n in range(1, rng.randint(4, 8)):
        text = _article(rng, language, rng.random() < 0.3)
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        net += amount
        doc.put(40, y, str(n))
        doc.put(65, y, _reference(rng, language))
        doc.put(360, y, fmt_qty(quantity, language), align="r")
        doc.put(450, y, fmt(price, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        y += 10.5
        lines = _wrap(text, 44)
        for k, line in enumerate(lines):
            doc.put(65, y + 10.5 * k, line)
        y += 10.5 * (len(lines) - 1)
        doc.expected.append((" ".join(lines), quantity, price, amount))
        y += 16
    _totals(doc, y + 12, net)
    return doc


def reference_lines(rng: random.Random, language: str) -> Doc:
    """Items whose name (maybe wrapped) is followed by one or two reference lines in the same font size:
    delivery note, order, serial number, period, SKU."""
    doc = Doc(language)
    lab = LABELS[language]
    y = _head(doc, rng)
    columns: Columns = [("pos", 40, "l"), ("desc", 65, "l"), ("qty", 360, "r"), ("price", 450, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, lab)
    y += 18
    net = Decimal(0)
    for n in range(1, rng.randint(3, 7)):
        text = _article(rng, language, rng.random() < 0.4)
        lines = _wrap(text, 40)
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        net += amount
        doc.put(40, y, str(n))
        for k, line in enumerate(lines):
            doc.put(65, y + 10.5 * k, line)
        doc.put(360, y, fmt_qty(quantity, language), align="r")
        doc.put(450, y, fmt(price, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        y += 10.5 * len(lines)
        for _ in range(rng.randint(1, 2)):
            doc.put(65, y, _reference(rng, language))
            y += 10.5
        doc.expected.append((" ".join(lines), quantity, price, amount))
        y += 6
    _totals(doc, y + 12, net)
    return doc


UNKNOWN_DESC = {
    "en": ["Service", "Item & Description", "Text", "Services rendered"],
    "de": ["Artikel", "Leistungsbeschreibung", "Text", "Leistung / Artikel"],
    "fr": ["Prestation", "Article", "Libellé", "Prestations"],
    "nl": ["Artikel", "Omschrijving artikel", "Dienst", "Product"],
}
CODE_LABELS = {
    "en": ["SKU", "EAN", "Item No.", "Date", "Period", "Product"],
    "de": ["Art.-Nr.", "EAN", "Artikelnummer", "Datum", "Zeitraum", "Artikel"],
    "fr": ["Réf.", "EAN", "Code article", "Date", "Période", "Article"],
    "nl": ["Artikelnr.", "EAN", "Code", "Datum", "Periode", "Product"],
}
NAME_LABELS = {"en": "Name", "de": "Benennung", "fr": "Nom", "nl": "Naam"}


def code_column(rng: random.Random, language: str) -> Doc:
    """A code column (SKU, EAN, article number, date or period) beside the text column, the text column
    headed by a less common label ("Artikel", "Prestation", "Service", "Text")."""
    doc = Doc(language)
    lab = dict(LABELS[language])
    lab["desc"] = rng.choice(UNKNOWN_DESC[language])
    lab["code"] = rng.choice(CODE_LABELS[language])
    kind = CODE_LABELS[language].index(lab["code"])
    if kind == 5:  # "Product | Name": an alphanumeric product code under a description word
        lab["desc"] = NAME_LABELS[language]
    y = _head(doc, rng)
    code_first = rng.random() < 0.7
    desc_x, code_x = (150, 40) if code_first else (40, 260)
    columns: Columns = [("code", code_x, "l"), ("desc", desc_x, "l"), ("qty", 380, "r"), ("price", 460, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, sorted(columns, key=lambda c: c[1]), lab)

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        code = [f"{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
                str(rng.randint(4000000000000, 4099999999999)),
                f"{rng.randint(10000, 99999)}", f"{rng.randint(1, 28):02d}.03.2024",
                "03/2024",
                f"{rng.choice('HKT')}X-{rng.randint(100, 999)}-{rng.choice(['BK', 'WS'])}"][kind]  # fmt: skip
        return {
            "code": code,
            "qty": fmt_qty(q, language),
            "price": fmt(p, language),
            "amount": fmt(a, language),
        }

    y, net = _standard_rows(
        doc, rng, y + 18, columns, cells, count=rng.randint(3, 7), wrap=26 if code_first else 24
    )
    _totals(doc, y + 12, net)
    return doc


def desc_headers(rng: random.Random, language: str) -> Doc:
    """The description column headed by a label of a language the other columns do not use (Nordic,
    Italian, Finnish) or by a generic word."""
    doc = Doc(language)
    lab = dict(LABELS[language])
    lab["desc"] = rng.choice(["Varebeskrivelse", "Beskrivelse", "Voce", "Tuote", "Nimike", "Text",
                              "Varer", "Benämning", "Artikel", "Prestation", "Item & Description",
                              "Service"])  # fmt: skip
    y = _head(doc, rng)
    columns: Columns = [("desc", 40, "l"), ("qty", 330, "r"), ("price", 450, "r"), ("amount", 555, "r")]
    _header(doc, y, columns, lab)

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        return {"qty": fmt_qty(q, language), "price": fmt(p, language), "amount": fmt(a, language)}

    y, net = _standard_rows(doc, rng, y + 18, columns, cells, count=rng.randint(3, 8))
    _totals(doc, y + 12, net)
    return doc


def sub_headings(rng: random.Random, language: str) -> Doc:
    """Items grouped under bold sub-headings (a room, a site, a delivery), a page break inside the table
    without a repeated header."""
    doc = Doc(language)
    lab = LABELS[language]
    y = _head(doc, rng)
    columns: Columns = [("pos", 40, "l"), ("desc", 65, "l"), ("qty", 360, "r"), ("price", 450, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, lab)
    y += 18
    net = Decimal(0)
    titles = {"en": ["Ground floor", "Kitchen", "Delivery 2", "Site Leeds"],
              "de": ["Erdgeschoss", "Küche", "Lieferung 2", "Baustelle Bremen"],
              "fr": ["Rez-de-chaussée", "Cuisine", "Livraison 2", "Chantier Lyon"],
              "nl": ["Begane grond", "Keuken", "Levering 2", "Werf Gent"]}[language]  # fmt: skip
    n = 0
    for title in rng.sample(titles, rng.randint(2, 3)):
        doc.put(65, y, title, font="Helvetica-Bold")
        y += 14
        for _ in range(rng.randint(2, 5)):
            n += 1
            if y > 700:
                doc.new_page()
                y = 60.0
            text = _article(rng, language, rng.random() < 0.2)
            quantity, price = _quantity(rng), _price(rng)
            amount = money(quantity * price)
            net += amount
            doc.put(40, y, str(n))
            doc.put(65, y, text)
            doc.put(360, y, fmt_qty(quantity, language), align="r")
            doc.put(450, y, fmt(price, language), align="r")
            doc.put(555, y, fmt(amount, language), align="r")
            doc.expected.append((text, quantity, price, amount))
            y += 13
        y += 6
    _totals(doc, y + 12, net)
    return doc


FOREIGN_HEADERS = [
    # (code, description, quantity, unit price, amount): languages whose labels we do not know at all
    ("Varenr.", "Varebeskrivelse", "Antall", "Pris", "Beløp"),
    ("Artikelnr", "Benämning", "Antal", "À-pris", "Belopp"),
    ("Varenr.", "Beskrivelse", "Antal", "Stk. pris", "Beløb"),
    ("Tuotenro", "Nimike", "Määrä", "À-hinta", "Yhteensä"),
    ("Indeks", "Nazwa towaru", "Ilość", "Cena jedn.", "Wartość"),
    ("Kód", "Název položky", "Množství", "Cena/MJ", "Celkem"),
]


def foreign_header(rng: random.Random, language: str) -> Doc:
    """A header in a language none of whose labels we know (Norwegian, Swedish, Danish, Finnish, Polish,
    Czech), an article-code column left of the text column: the columns come from the rows alone."""
    doc = Doc(language)
    code, desc, qty, price, amount = rng.choice(FOREIGN_HEADERS)
    labels = {"code": code, "desc": desc, "qty": qty, "price": price, "amount": amount}
    y = _head(doc, rng)
    code_first = rng.random() < 0.6
    columns: Columns = [("code", 40 if code_first else 270, "l"), ("desc", 110 if code_first else 40, "l"),
                        ("qty", 380, "r"), ("price", 460, "r"), ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, sorted(columns, key=lambda c: c[1]), labels)
    kind = rng.choice(["ean", "number", "date", "period"])

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        number = {
            "ean": str(rng.randint(4000000000000, 4099999999999)),
            "number": f"{rng.randint(10000, 99999)}",
            "date": f"{rng.randint(1, 28):02d}.03.2024",
            "period": f"{rng.randint(1, 12):02d}/2024",
        }[kind]
        return {
            "code": number,
            "qty": fmt_qty(q, language),
            "price": fmt(p, language),
            "amount": fmt(a, language),
        }

    y, net = _standard_rows(
        doc, rng, y + 18, columns, cells, count=rng.randint(3, 7), wrap=40 if code_first else 38
    )
    _totals(doc, y + 12, net)
    return doc


def delivery_groups(rng: random.Random, language: str) -> Doc:
    """Items grouped by the delivery note or order they shipped with: a reference line ("Lieferschein
    4711 vom 03.05.2024") over each group, in the rows' type, bold or not, the rows numbered or not."""
    doc = Doc(language)
    lab = LABELS[language]
    y = _head(doc, rng)
    numbered = rng.random() < 0.5
    bold = rng.random() < 0.5
    columns: Columns = [("pos", 40, "l"), ("desc", 65, "l"), ("qty", 360, "r"), ("price", 450, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns if numbered else columns[1:], lab)
    y += 18
    net = Decimal(0)
    n = 0
    for _ in range(rng.randint(2, 3)):
        doc.put(65, y, _reference(rng, language), font="Helvetica-Bold" if bold else "")
        y += 13
        for _ in range(rng.randint(1, 4)):
            n += 1
            text = _article(rng, language, rng.random() < 0.3)
            lines = _wrap(text, 42)
            quantity, price = _quantity(rng), _price(rng)
            amount = money(quantity * price)
            net += amount
            if numbered:
                doc.put(40, y, str(n))
            for k, line in enumerate(lines):
                doc.put(65, y + 10.5 * k, line)
            doc.put(360, y, fmt_qty(quantity, language), align="r")
            doc.put(450, y, fmt(price, language), align="r")
            doc.put(555, y, fmt(amount, language), align="r")
            doc.expected.append((" ".join(lines), quantity, price, amount))
            y += 10.5 * len(lines) + 3
        y += 5
    _totals(doc, y + 12, net)
    return doc


def page_split(rng: random.Random, language: str) -> Doc:
    """A long table whose page break falls inside an item: its row and first lines at the foot of one page,
    its last wrapped lines at the top of the next, under a repeated header or none."""
    doc = Doc(language)
    lab = LABELS[language]
    y = _head(doc, rng)
    repeat = rng.random() < 0.5
    whole = rng.random() < 0.3  # the break may fall between a row's figures and its first text line
    columns: Columns = [("pos", 40, "l"), ("desc", 65, "l"), ("qty", 360, "r"), ("price", 450, "r"),
                        ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, lab)
    y += 18
    net = Decimal(0)
    for n in range(1, rng.randint(40, 60)):
        text = _article(rng, language, True) + (" " + _article(rng, language) if rng.random() < 0.5 else "")
        lines = _wrap(text, 34)
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        net += amount
        doc.put(40, y, str(n))
        doc.put(360, y, fmt_qty(quantity, language), align="r")
        doc.put(450, y, fmt(price, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        for k, line in enumerate(lines):
            if y > 770 and (k or whole):
                doc.put(40, 810, f"{len(doc.pages)}")
                doc.new_page()
                y = 50.0
                if repeat:
                    _header(doc, y, columns, lab)
                    y += 18
            doc.put(65, y, line)
            y += 10.5
        doc.expected.append((" ".join(lines), quantity, price, amount))
        y += 4
    if y > 720:
        doc.new_page()
        y = 60
    _totals(doc, y + 12, net)
    return doc


SECONDARY_LINES = {
    "en": ["incl. {m} deposit per crate", "{q} x {m} EUR", "Pack of {q} pcs, {m} each",
           "Discount {p} % on list price {m}", "Weight {d} kg, 40 x 60 x 80 cm",
           "Art. {c}-22 EAN 4006381333931 Lot L{c}", "March 2024, {q} hours"],
    "de": ["davon Lohnanteil {m} €", "inkl. {m} € Pfand je Kiste", "{q} Stück à {d} l", "Maße {d} m x {d} m",
           "März 2024, {q} Stunden", "Listenpreis {m} abzgl. {p} %", "Packung mit {q} Stk."],
    "fr": ["dont éco-participation {m} €", "Emballage de {q} bouteilles de {d} l", "Remise {p} % sur {m}",
           "Poids {d} kg, dimensions {d} m x {d} m", "Mars 2024, {q} heures"],
    "nl": ["waarvan arbeidsloon {m} €", "Verpakking {q} stuks à {m}", "Korting {p} % op lijstprijs {m}",
           "Periode januari 2024, {q} uur", "Gewicht {d} kg, {d} m x {d} m"],
}  # fmt: skip


def figure_lines(rng: random.Random, language: str) -> Doc:
    """Each item with a secondary line in its own type carrying figures in running text: a money share, a
    deposit, a discount on a list price, a pack size, measurements, a period with hours, labelled codes.
    The description is the name alone."""
    doc = Doc(language)
    y = _head(doc, rng)
    numbered = rng.random() < 0.5
    columns: Columns = [("pos", 40, "l")] if numbered else []
    columns += [("desc", 62, "l"), ("qty", 360, "r"), ("price", 450, "r"), ("amount", 555, "r")]
    _header(doc, y, columns, LABELS[language])

    def detail(n: int) -> str:
        figures = {
            "m": fmt(Decimal(rng.randint(100, 99999)) / 100, language),
            "d": fmt(Decimal(rng.randint(10, 999)) / 100, language),
            "q": str(rng.randint(2, 48)),
            "p": str(rng.choice([3, 5, 10, 15, 20])),
            "c": str(rng.randint(1000, 9999)),
        }
        return rng.choice(SECONDARY_LINES[language]).format(**figures)

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        return {
            "pos": str(n),
            "qty": fmt_qty(q, language),
            "price": fmt(p, language),
            "amount": fmt(a, language),
        }

    y, net = _standard_rows(
        doc, rng, y + 18, columns, cells, count=rng.randint(3, 7), detail=detail, detail_size=8.5
    )
    _totals(doc, y + 12, net)
    return doc


# --- Real-invoice phenomena (designs of our own, in four languages) --------------------------------------

CLOUD_SERVICES = {
    "en": [
        "Object storage",
        "Managed database",
        "Content delivery",
        "Virtual servers",
        "Backup vault",
        "DNS hosting",
        "Message queue",
        "Load balancing",
        "Log archive",
    ],
    "de": [
        "Objektspeicher",
        "Datenbankdienst",
        "Auslieferungsnetz",
        "Virtuelle Server",
        "Sicherungstresor",
        "DNS-Hosting",
        "Nachrichtenwarteschlange",
        "Lastverteilung",
        "Protokollarchiv",
    ],
    "fr": [
        "Stockage objet",
        "Base de données gérée",
        "Diffusion de contenu",
        "Serveurs virtuels",
        "Coffre de sauvegarde",
        "Hébergement DNS",
        "File de messages",
        "Répartition de charge",
    ],
    "nl": [
        "Objectopslag",
        "Beheerde database",
        "Contentlevering",
        "Virtuele servers",
        "Back-upkluis",
        "DNS-hosting",
        "Berichtenwachtrij",
        "Lastverdeling",
        "Logarchief",
    ],
}
OUTLINE_WORDS = {
    "en": {
        "summary": "Statement summary",
        "detail": "Charges by service",
        "usage": "Usage",
        "credits": "Credits",
        "tax": "Sales tax",
        "due": "Amount due",
    },
    "de": {
        "summary": "Übersicht",
        "detail": "Aufstellung nach Dienst",
        "usage": "Nutzung",
        "credits": "Gutschriften",
        "tax": "MwSt.",
        "due": "Gesamtbetrag",
    },
    "fr": {
        "summary": "Récapitulatif",
        "detail": "Détail par service",
        "usage": "Consommation",
        "credits": "Avoirs",
        "tax": "TVA",
        "due": "Total à payer",
    },
    "nl": {
        "summary": "Overzicht",
        "detail": "Specificatie per dienst",
        "usage": "Verbruik",
        "credits": "Tegoed",
        "tax": "BTW",
        "due": "Totaal te betalen",
    },
}


def outline_charges(rng: random.Random, language: str) -> Doc:
    """A statement without a table: a summary box with the amount due at the top, then each service a line
    with its amount and an indented breakdown under it (usage, credits, a tax of zero or beside the net
    amount), amounts with a currency sign in one right-aligned column. Items: the service lines."""
    doc = Doc(language)
    words = OUTLINE_WORDS[language]
    sign, after = rng.choice([("$", ""), ("€ ", ""), ("CHF ", ""), ("£", ""), ("", " €"), ("", " EUR")])
    taxed = rng.random() < 0.4  # breakdown: usage, then a tax beside it (the service line is net)

    def cash(value: Decimal) -> str:
        text = fmt(abs(value), language)
        return ("-" if value < 0 else "") + sign + text + after

    services = rng.sample(CLOUD_SERVICES[language], rng.randint(2, 6))
    amounts = [Decimal(rng.randint(1, 250000)) / 100 for _ in services]
    net = sum(amounts, Decimal(0))
    tax = money(net * RATE[language] / 100) if taxed else Decimal(0)
    y = _head(doc, rng)
    doc.put(300, 100, words["summary"], font="Helvetica-Bold")
    doc.put(300, 160, f"{words['due']}", font="Helvetica-Bold")
    doc.put(555, 160, cash(net + tax), align="r", font="Helvetica-Bold")
    y += 10
    for label, value in ((LABELS[language]["net"], net), (words["tax"], tax), (words["due"], net + tax)):
        doc.put(48, y, label)
        doc.put(555, y, cash(value), align="r")
        y += 15
    y += 20
    doc.put(40, y, words["detail"], size=11, font="Helvetica-Bold")
    y += 22
    indent = rng.choice([10.0, 14.0, 20.0])
    plain = rng.randrange(len(services)) if len(services) >= 3 and rng.random() < 0.4 else -1
    for n, (name, amount) in enumerate(zip(services, amounts, strict=True)):
        doc.put(48, y, name)
        doc.put(555, y, cash(amount), align="r")
        y += 15
        doc.expected.append((name, None, None, amount))
        if n == plain:
            continue  # a flat fee: nothing to break down
        if taxed:
            parts = [(words["usage"], amount), (words["tax"], money(amount * RATE[language] / 100))]
        elif rng.random() < 0.5:
            credit = money(amount * Decimal(rng.choice([5, 10, 20])) / 100)
            parts = [
                (words["usage"], amount + credit),
                (words["credits"], -credit),
                (words["tax"], Decimal(0)),
            ]
        else:
            parts = [(words["usage"], amount), (words["tax"], Decimal(0))]
        for label, value in parts:
            doc.put(48 + indent, y, label)
            doc.put(555, y, cash(value), align="r")
            y += 15
    return doc


TALL_HEADERS = {
    "en": {"price": ("Unit", "price", "excl. VAT"), "amount": ("Line", "amount", "excl. VAT")},
    "de": {"price": ("Einzelpreis", "ohne", "MwSt."), "amount": ("Positionsbetrag", "ohne", "MwSt.")},
    "fr": {"price": ("Prix", "unitaire", "HT"), "amount": ("Montant", "de la ligne", "HT")},
    "nl": {"price": ("Prijs", "per stuk", "excl. btw"), "amount": ("Regelbedrag", "excl.", "btw")},
}
TERMS = {
    "en": [
        "Objections to the charges on this invoice must reach us in writing within 3 weeks of its date,",
        "after which they count as accepted. For every direct debit returned without our fault we charge",
        "a handling fee of 9.50 EUR and may suspend the services until all open items are settled.",
    ],
    "de": [
        "Beanstandungen dieser Rechnung teilen Sie uns bitte innerhalb von 2 Wochen schriftlich mit,",
        "danach gilt sie als anerkannt. Für jede nicht von uns verschuldete Rückbuchung berechnen wir",
        "pauschal 12,00 EUR Bearbeitungsgebühr und behalten uns die"
        " Sperrung der Dienste bis zum Ausgleich vor.",
    ],
    "fr": [
        "Toute contestation de cette facture doit nous parvenir par écrit sous 10 jours à compter de sa",
        "date. Pour chaque prélèvement rejeté sans faute de notre"
        " part, des frais de 8,00 EUR seront facturés",
        "et les services pourront être suspendus jusqu'au règlement complet des sommes dues.",
    ],
    "nl": [
        "Bezwaren tegen deze factuur dienen binnen 3 weken na factuurdatum schriftelijk te worden gemeld,",
        "daarna geldt de factuur als aanvaard. Voor elke"
        " gestorneerde incasso rekenen wij administratiekosten",
        "van 7,50 EUR en kunnen wij de diensten opschorten totdat alle openstaande posten zijn voldaan.",
    ],
}
TERM_LINES = {
    "en": "Payment terms 14 days net",
    "de": "Zahlungsbedingungen 10 Tage netto",
    "fr": "Conditions de paiement 30 jours net",
    "nl": "Betalingstermijn 14 dagen netto",
}


def tall_header_terms(rng: random.Random, language: str) -> Doc:
    """Price and amount labels over three lines ("Unit / price / excl. VAT"), compound labels, small
    detail lines under each item, the table running on over a second page under the same header (half of
    the documents), and under the totals a payment-terms line with a figure and a terms-and-conditions
    paragraph with amounts in its sentences (never items)."""
    doc = Doc(language)
    lab = LABELS[language]
    tall = TALL_HEADERS[language]
    columns: Columns = [
        ("pos", 40, "l"),
        ("qty", 110, "r"),
        ("desc", 120, "l"),
        ("price", 470, "r"),
        ("amount", 555, "r"),
    ]

    def header(y: float) -> float:
        for key, x, align in columns:
            if key in tall:
                for k, text in enumerate(tall[key]):
                    doc.put(x, y + 9 * k, text, font="Helvetica-Bold", align=align, size=7.5)
            else:
                doc.put(x, y, lab[key], font="Helvetica-Bold", align=align, size=7.5)
        doc.rule(40, y + 28, 555)
        return y + 40

    def detail(n: int) -> str:
        return rng.choice(
            [f"S/N {rng.randint(10000, 99999)}", "01.03.24-31.03.24", "01/04/2024 - 30/04/2024"]
        )

    first = len(doc.expected)

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        return {
            "pos": str(first + n),
            "qty": fmt_qty(q, language),
            "price": fmt(p, language),
            "amount": fmt(a, language),
        }

    net = Decimal(0)
    pages = 2 if rng.random() < 0.5 else 1
    for page in range(pages):
        if page:
            doc.new_page()
            first = len(doc.expected)
        y = header(_head(doc, rng))
        y, part = _standard_rows(
            doc,
            rng,
            y,
            columns,
            cells,
            count=rng.randint(2, 6),
            detail=detail,
            detail_size=8.5,
            pitch=12,
            gap=4,
        )
        net += part
    _totals(doc, y + 12, net)
    y += 70
    doc.put(40, y, TERM_LINES[language])
    y += 24
    for k, text in enumerate(TERMS[language]):
        doc.put(40, y + 10 * k, text, size=7.5)
    return doc


RECEIPT_WORDS = {
    "en": {
        "desc": "Description",
        "rate": "Rate",
        "amount": "Amount",
        "total": "Grand Total",
        "paid": "Payment received by card",
        "balance": "Balance (if any)",
        "items": [("Room", "Night", "Room"), ("Breakfast", "Guest", "Day"), ("Parking", "Day", "Car")],
    },
    "de": {
        "desc": "Leistung",
        "rate": "Preis",
        "amount": "Betrag",
        "total": "Gesamtbetrag",
        "paid": "Bereits bezahlt",
        "balance": "Restbetrag",
        "items": [("Zimmer", "Nacht", "Zimmer"), ("Frühstück", "Gast", "Tag"), ("Stellplatz", "Tag", "Auto")],
    },
    "fr": {
        "desc": "Désignation",
        "rate": "Prix",
        "amount": "Montant",
        "total": "Total TTC",
        "paid": "Paiement reçu par carte",
        "balance": "Solde",
        "items": [
            ("Chambre", "nuit", "chambre"),
            ("Petit-déjeuner", "pers.", "jour"),
            ("Parking", "jour", "véhicule"),
        ],
    },
    "nl": {
        "desc": "Omschrijving",
        "rate": "Prijs",
        "amount": "Bedrag",
        "total": "Totaal",
        "paid": "Betaald per pin",
        "balance": "Saldo",
        "items": [("Kamer", "nacht", "kamer"), ("Ontbijt", "gast", "dag"), ("Parkeren", "dag", "auto")],
    },
}


def receipt_rate(rng: random.Random, language: str) -> Doc:
    """A receipt: each charge's rate written as "<currency> rate x n unit x m unit" left of the amount
    column, whole amounts with a currency ("Rs 1200", "€ 89"), then the grand total, the payment received
    and the balance left (all three under the items, none of them an item)."""
    doc = Doc(language)
    words = RECEIPT_WORDS[language]
    sign = rng.choice(["Rs ", "$", "€ ", "CHF "])
    cents = rng.random() < 0.4

    def cash(value: Decimal) -> str:
        return sign + (fmt(value, language) if cents else str(int(value)))

    y = _head(doc, rng) + 10
    doc.put(45, y, words["desc"].upper(), font="Helvetica-Bold")
    doc.put(440, y, words["rate"].upper(), font="Helvetica-Bold")
    doc.put(530, y, words["amount"].upper(), font="Helvetica-Bold", align="r")
    y += 30
    total = Decimal(0)
    for name, first, second in rng.sample(words["items"], rng.randint(1, 3)):
        rate = Decimal(rng.randint(8, 4000)) if not cents else Decimal(rng.randint(800, 40000)) / 100
        n, m = rng.randint(1, 4), rng.randint(1, 2)
        amount = rate * n * m
        total += amount
        doc.put(45, y, f"{name} {rng.choice(['charges', ''])}".strip() if language == "en" else name)
        doc.put(470, y, f"{cash(rate)} x {n} {first} x {m} {second}", align="r")
        doc.put(530, y, cash(amount), align="r")
        doc.expected.append((doc.pages[-1][-3][3], Decimal(n * m), rate, amount))
        y += 36
    for label, value in ((words["total"], total), (words["paid"], total), (words["balance"], Decimal(0))):
        doc.put(45, y, label)
        doc.put(530, y, cash(value), align="r")
        y += 36
    return doc


SECTION_TITLES = {
    "en": (["Hardware", "Installation", "Materials", "Labour", "Travel"], "Subtotal {t}"),
    "de": (["Material", "Montage", "Arbeitsleistung", "Anfahrt", "Zubehör"], "Zwischensumme {t}"),
    "fr": (["Matériel", "Main d'œuvre", "Déplacement", "Fournitures", "Pose"], "Sous-total {t}"),
    "nl": (["Materiaal", "Arbeid", "Voorrijkosten", "Montage", "Toebehoren"], "Subtotaal {t}"),
}


def section_subtotals(rng: random.Random, language: str) -> Doc:
    """Items in sections: a title (flush with the descriptions or left of them) over its rows and a
    subtotal under them; the next title follows the subtotal."""
    doc = Doc(language)
    y = _head(doc, rng)
    lab = LABELS[language]
    columns: Columns = [("desc", 40, "l"), ("qty", 360, "r"), ("price", 450, "r"), ("amount", 555, "r")]
    _header(doc, y, columns, lab)
    y += 20
    titles, subtotal = SECTION_TITLES[language]
    indent = rng.choice([0, 10])
    net = Decimal(0)

    def cells(n: int, q: Decimal, p: Decimal, a: Decimal) -> dict[str, str]:
        return {"qty": fmt_qty(q, language), "price": fmt(p, language), "amount": fmt(a, language)}

    for title in rng.sample(titles, rng.randint(2, 3)):
        doc.put(40, y, title, font="Helvetica-Bold")
        y += 13
        rows: Columns = [("desc", 40 + indent, "l"), *columns[1:]]
        y, part = _standard_rows(doc, rng, y, rows, cells, count=rng.randint(1, 4), long_share=0.2, gap=3)
        doc.put(300, y, subtotal.format(t=title), font="Helvetica-Oblique")
        doc.put(555, y, fmt(part, language), align="r", font="Helvetica-Oblique")
        net += part
        y += 20
    _totals(doc, y + 6, net)
    return doc


def gross_rows(rng: random.Random, language: str) -> Doc:
    """No quantity column: a unit price, the VAT rate and the row's sum incl. VAT ("5 000.00 kr  20 %
    6 000.00 kr"), descriptions of several words, the net and the tax printed only under the table (each
    row's amount is expected net, as the aggregation settles rows incl. tax against the net total)."""
    doc = Doc(language)
    y = _head(doc, rng)
    labels = {
        "en": ("Description", "Unit price", "VAT", "Sum"),
        "de": ("Beschreibung", "Einzelpreis", "MwSt.", "Summe"),
        "fr": ("Désignation", "Prix unitaire", "TVA", "Total"),
        "nl": ("Omschrijving", "Eenheidsprijs", "BTW", "Bedrag"),
    }[language]
    columns: Columns = [("desc", 40, "l"), ("price", 400, "r"), ("vat", 455, "r"), ("amount", 555, "r")]
    _header(doc, y, columns, dict(zip(("desc", "price", "vat", "amount"), labels, strict=True)))
    suffix = rng.choice(["", " kr", " €", " EUR"])
    spaced = rng.random() < 0.5  # "5 000.00": thousands grouped by a space
    rate = Decimal(RATE[language])

    def shown(value: Decimal) -> str:
        whole, mark, cents = fmt(value, language).rpartition("." if language == "en" else ",")
        if spaced:
            whole = whole.replace(",", " ").replace(".", " ").replace("\u00a0", " ")
        return whole + mark + cents + suffix

    y += 18
    net = Decimal(0)
    for _ in range(rng.randint(2, 6)):
        text = _article(rng, language)
        price = Decimal(rng.randint(10, 2000)) * 5
        amount = money(price * (100 + rate) / 100)
        net += price
        doc.put(40, y, text)
        doc.put(400, y, shown(price), align="r")
        doc.put(455, y, f"{rate} %", align="r")
        doc.put(555, y, shown(amount), align="r")
        # Read as the aggregation reads a table of amounts incl. tax under a net total: the net amount.
        doc.expected.append((text, None, price, price))
        y += 18
    _totals(doc, y + 30, net)
    return doc


# The viewer's own labels over the usual ones ("Steuer", "Entgelt" as the German AWV stylesheet prints them).
_VIEWER_HEAD = {
    "en": {"price": "Net price", "vat": "Tax"},
    "de": {"pos": "Pos", "desc": "Beschreibung", "price": "Nettopreis", "vat": "Steuer", "amount": "Entgelt"},
    "fr": {"price": "Prix net"},
    "nl": {"price": "Nettoprijs"},
}
# The attributes an e-invoice viewer prints under a row: gross price, discount, packages, properties.
_GROSS_PRICE = {"en": "Gross price", "de": "Bruttopreis", "fr": "Prix brut", "nl": "Brutoprijs"}
_PRICE_CUT = {"en": "Discount", "de": "Abschlag", "fr": "Remise", "nl": "Korting"}
_PACKAGES = {"en": "Packages", "de": "Anzahl Packstücke", "fr": "Nombre de colis", "nl": "Aantal colli"}
_PROPERTIES = {"en": "Properties", "de": "Weitere Eigenschaften", "fr": "Propriétés", "nl": "Eigenschappen"}


def viewer_blocks(rng: random.Random, language: str) -> Doc:
    """An e-invoice viewer's item list: each row ("1  Zitronensäure  1,00  100 Stk  19 % VAT (S)
    100,00") followed by its article code and GTIN in the code column and, set apart below at a wide
    pitch, every attribute of the item (gross price and discounts, packages, properties)."""
    doc = Doc(language)
    y = _head(doc, rng) + 20
    labels = {**LABELS[language], **_VIEWER_HEAD[language]}
    columns: Columns = [("pos", 40, "l"), ("desc", 150, "l"), ("price", 290, "r"), ("qty", 385, "r"),
                        ("vat", 410, "l"), ("amount", 555, "r")]  # fmt: skip
    _header(doc, y, columns, labels)
    doc.put(68, y - 11, "Art-Nr")
    doc.put(68, y + 11, "(GTIN)")
    y += 30
    net = Decimal(0)
    for n in range(1, rng.randint(2, 4) + 1):
        text = rng.choice(NOUNS[language]).capitalize()
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        net += amount
        rate = rng.choice([RATE[language], 7])
        cells = {"pos": str(n), "desc": text, "price": fmt(price, language),
                 "qty": f"{fmt_qty(quantity, language)} Stk", "vat": f"{rate} % VAT (S)",
                 "amount": fmt(amount, language)}  # fmt: skip
        for key, x, align in columns:
            doc.put(x, y, cells[key], align=align)
        doc.put(68, y + 11, f"{rng.choice('ABGZ')}{rng.choice('SZKP')}{rng.randint(100, 999)}")
        doc.put(68, y + 22, str(rng.randint(4000000000000, 4999999999999)))
        doc.put(68, y + 33, "(GTIN)")
        cut = money(price * Decimal(rng.choice([0, 0, 2, 3])) / 100)
        doc.put(96, y + 48, f"{_GROSS_PRICE[language]} : {fmt(price + cut, language)}")
        if cut:
            doc.put(230, y + 48, f"{_PRICE_CUT[language]} : {fmt(cut, language)}")
        y += 73
        doc.put(153, y, f"* {_PACKAGES[language]}: {rng.randint(1, 20)} XCT")
        for line in (f"{_PROPERTIES[language]}:", "= BO")[: rng.randint(0, 2)]:
            y += 22.5
            doc.put(153, y, line)
        doc.expected.append((text, quantity, price, amount))
        y += 24
    _totals(doc, y + 20, net)
    return doc


FAMILIES: dict[str, Callable[[random.Random, str], Doc]] = {
    "pos_code": pos_code,
    "detail_line": detail_line,
    "unit_column": unit_column,
    "qty_unit_cell": qty_unit_cell,
    "per_hundred": per_hundred,
    "amount_left": amount_left,
    "hours_rate": hours_rate,
    "fee_note": fee_note,
    "vat_code": vat_code,
    "discount_cols": discount_columns,
    "multipage": multipage,
    "multipage_bare": lambda rng, language: multipage(rng, language, bare=True),
    "ruled_boxes": ruled_boxes,
    "bundle": bundle,
    "notes_between": notes_between,
    "no_decimals": no_decimals,
    "reversed_cols": reversed_columns,
    "hier_pos": hierarchical_positions,
    "figures_below": figures_below,
    "currency_cells": currency_cells,
    "qty_times": quantity_times,
    "group_header": group_header,
    "free_rows": free_rows,
    "utility": utility_charges,
    "india_gst": india_gst,
    "price_suffix": price_unit_suffix,
    "dot_leaders": dotted_leaders,
    "spaced_caps": spaced_caps_header,
    "tall_rows": tall_rows,
    "discount_rows": discount_rows,
    "two_tables": two_tables,
    "bilingual": bilingual_header,
    "currency_head": currency_code_header,
    "compact": compact,
    "hyphen_wrap": hyphen_wrap,
    "erp_positions": erp_positions,
    "ref_below": reference_below,
    "ref_above": reference_above,
    "ref_lines": reference_lines,
    "code_column": code_column,
    "desc_headers": desc_headers,
    "sub_headings": sub_headings,
    "foreign_header": foreign_header,
    "delivery_groups": delivery_groups,
    "page_split": page_split,
    "figure_lines": figure_lines,
    "outline": outline_charges,
    "tall_terms": tall_header_terms,
    "receipt_rate": receipt_rate,
    "section_subtotals": section_subtotals,
    "gross_rows": gross_rows,
    "viewer_blocks": viewer_blocks,
}


def build(family: str, seed: int) -> Doc:
    rng = random.Random(f"{family}-{seed}")
    return FAMILIES[family](rng, rng.choice(sorted(LABELS)))
