"""Text layer versus scan, field by field, on invoices of invented designs.

    python benchmarks/invented_scans.py [--count N] [--seed S] [--looks classic|real|both] [--show]
    python benchmarks/invented_scans.py --families N [--only a,b] [--show]

No corpus document is involved. Each invoice is drawn with reportlab in a design picked from a small
grammar (client address boxed on the right, seller/buyer in two columns, or a label-above-value grid;
item tables with or without rules; grey header bars or white-on-dark headers; small fonts; a totals box)
in one of six languages, with some names of another language (``MIXED_SELLERS``, ``MIXED_BUYERS``: a
German buyer on an English page). ``--looks real`` adds real-world looks on top, drawn from a separate random
stream so that the classic designs stay the same: a coloured title band with the seller's name and the
title in white, coloured header bars with white text, the recipient boxed with the rules close to its
glyphs, a shaded totals row with white text, zebra-striped item rows, a full cell grid round the items,
7-pt type and a red rubber stamp. The same PDF is then scanned: rasterised with pypdfium2 at 150-300 dpi,
turned by up to one degree, blurred, given noise, and wrapped back into an image-only PDF. Both go through
``extract_invoice``; the script prints, per field, how often the text layer matches the invented value,
how often the scan does, and how often the scan agrees with the text layer. An item is right when its
description (spaces ignored), quantity and amount are.

``--centred N`` measures N tables whose figures stand centred in two-line rows (``centred_rows.py``: five
languages, plain, ruled, zebra and grey-header looks) from the text layer and from a scan, per look.

``--families N`` measures item tables instead: N real PDFs of every invented table design of
``item_families.py`` (position and article codes, detail lines, units, prices per 100, discounts, notes
between rows, two tables, page breaks, ...), each read from its text layer and from an image-only twin
degraded like the real invoices' twins (``corpus.scan.degrade``: 200-300 dpi, under a degree of skew, blur,
noise, JPEG). Per design: items right from the text layer, from the scan (description without spaces,
quantity, unit price and amount; found in order, as ``accuracy.py`` scores), and documents whose scanned
items equal the text layer's.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))  # corpus.scan: the real twins' degradation
sys.path.insert(0, str(ROOT / "benchmarks"))  # item_families: invented table designs

from corpus.scan import office_scan_params, scanned_twin  # noqa: E402

from invoiceflow.domain.models import AggregatedInvoice, OcrMode  # noqa: E402
from invoiceflow.domain.ocr import set_default_engine  # noqa: E402
from invoiceflow.domain.ocr_tesseract import TesseractEngine  # noqa: E402
from invoiceflow.domain.pipeline import extract_invoice  # noqa: E402

LABELS: dict[str, dict[str, str]] = {
    "en": {"title": "INVOICE", "number": "Invoice No.", "date": "Invoice date", "due": "Due date",
           "to": "Bill to", "from": "From", "desc": "Description", "qty": "Qty", "price": "Unit price",
           "amount": "Amount", "net": "Subtotal", "tax": "VAT", "gross": "Total due", "vat": "VAT No."},
    "de": {"title": "RECHNUNG", "number": "Rechnungsnummer", "date": "Rechnungsdatum", "due": "Fällig am",
           "to": "Rechnungsempfänger", "from": "Absender", "desc": "Bezeichnung", "qty": "Menge",
           "price": "Einzelpreis", "amount": "Betrag", "net": "Nettobetrag", "tax": "MwSt.",
           "gross": "Gesamtbetrag", "vat": "USt-IdNr."},
    "fr": {"title": "FACTURE", "number": "Facture n°", "date": "Date de facture", "due": "Échéance",
           "to": "Facturé à", "from": "Émetteur", "desc": "Désignation", "qty": "Qté",
           "price": "Prix unitaire HT", "amount": "Montant HT", "net": "Total HT", "tax": "TVA",
           "gross": "Total TTC", "vat": "N° TVA"},
    "es": {"title": "FACTURA", "number": "Nº de factura", "date": "Fecha de factura", "due": "Vencimiento",
           "to": "Cliente", "from": "Emisor", "desc": "Descripción", "qty": "Cantidad",
           "price": "Precio unitario", "amount": "Importe", "net": "Base imponible", "tax": "IVA",
           "gross": "Total factura", "vat": "NIF"},
    "it": {"title": "FATTURA", "number": "Fattura n.", "date": "Data fattura", "due": "Scadenza",
           "to": "Destinatario", "from": "Mittente", "desc": "Descrizione", "qty": "Quantità",
           "price": "Prezzo unitario", "amount": "Importo", "net": "Imponibile", "tax": "IVA",
           "gross": "Totale documento", "vat": "P.IVA"},
    "nl": {"title": "FACTUUR", "number": "Factuurnummer", "date": "Factuurdatum", "due": "Vervaldatum",
           "to": "Factuuradres", "from": "Afzender", "desc": "Omschrijving", "qty": "Aantal",
           "price": "Prijs per stuk", "amount": "Bedrag", "net": "Subtotaal", "tax": "BTW",
           "gross": "Totaal te betalen", "vat": "BTW-nr."},
}  # fmt: skip
TAX_RATE = {"en": 20, "de": 19, "fr": 20, "es": 21, "it": 22, "nl": 21}
SELLERS = ["Kestrel Lighting Ltd", "Brauhaus Nordwind GmbH", "Atelier Lumière SARL", "Olivar del Sur S.L.",
           "Ferramenta Colli S.r.l.", "Tulpstra Logistiek B.V.", "Quillon Analytics Ltd",
           "Wendt & Söhne KG"]  # fmt: skip
BUYERS = ["Harbourside Dental Clinic", "Müller Feinmechanik AG", "Boulangerie Dupré", "Talleres Ibáñez S.A.",
          "Studio Grafico Nebbia", "Van Dijk Bouwadvies", "Orchard Lane Books", "Ostrava Metal s.r.o.",
          "Zeller Brothers Inc.", "Société Océane"]  # fmt: skip
# More names with letters of one language on pages of any other (drawn from a random stream of their own,
# so that the rest of every design stays as it was): ß, ñ, ö, è, à on English pages, and the reverse.
MIXED_SELLERS = ["Großhandel Weiß GmbH", "Peñalver Hermanos S.L.", "Hartley & Finch Ltd"]
MIXED_BUYERS = ["Crèmerie Bérénice", "Caffè Città S.r.l.", "Jürgen Böhm Kältetechnik", "Ibáñez Peña Abogados"]
MIXED_SHARE = 0.3
STREETS = [
    "12 Mill Road",
    "Hauptstraße 41",
    "8 rue des Lilas",
    "Calle Mayor 19",
    "Via Roma 5",
    "Kerkstraat 77",
]
CITIES = ["Leeds LS1 4AP", "80331 München", "69002 Lyon", "28013 Madrid", "20121 Milano", "3511 Utrecht"]
ITEMS = ["Desk lamp, brushed steel", "Installation service", "LED strip 5 m", "Annual maintenance",
         "Cable set", "Consulting hours", "Mounting brackets", "Shipping and handling", "Wall switch",
         "Design review workshop"]  # fmt: skip
LAYOUTS = ["boxed_right", "two_column", "grid"]
HEADERS = ["grey", "dark", "plain"]
# Real-world looks (``--looks real``): each design gets each look with probability LOOK_SHARE.
LOOKS = ["title_band", "colour_header", "boxed_address", "shaded_total", "zebra", "cell_grid", "small_type",
         "stamp"]  # fmt: skip
LOOK_SHARE = 0.4
# Band colours of the real looks (navy, teal, red, green, orange, slate): 50-140 in grey.
COLOURS = [(0.12, 0.23, 0.45), (0.0, 0.45, 0.45), (0.7, 0.1, 0.1), (0.2, 0.5, 0.25), (0.85, 0.45, 0.1),
           (0.35, 0.35, 0.4)]  # fmt: skip
FIELDS = ["invoice_number", "issue_date", "due_date", "currency", "issuer.name", "recipient.name",
          "totals.net", "totals.tax", "totals.gross", "line_items"]  # fmt: skip


@dataclass
class Design:
    lang: str
    layout: str
    header: str
    ruled: bool
    font_size: float
    dpi: int
    angle: float
    blur: float
    noise: int
    number: str
    issue: date
    due: date
    seller: str
    buyer: str
    items: list[tuple[str, Decimal, Decimal]] = field(default_factory=list)
    looks: tuple[str, ...] = ()
    colour: tuple[float, float, float] = (0.15, 0.15, 0.15)

    @property
    def net(self) -> Decimal:
        return sum((q * p).quantize(Decimal("0.01")) for _, q, p in self.items) or Decimal("0")

    @property
    def tax(self) -> Decimal:
        return (self.net * TAX_RATE[self.lang] / 100).quantize(Decimal("0.01"))

    def expected(self) -> dict[str, object]:
        items = [(d, q, (q * p).quantize(Decimal("0.01"))) for d, q, p in self.items]
        return {"invoice_number": self.number, "issue_date": self.issue, "due_date": self.due,
                "currency": "GBP" if self.lang == "en" else "EUR", "issuer.name": self.seller,
                "recipient.name": self.buyer, "totals.net": self.net, "totals.tax": self.tax,
                "totals.gross": self.net + self.tax, "line_items": items}  # fmt: skip


def make_designs(count: int, seed: int, *, real_looks: bool = False) -> list[Design]:
    """``count`` designs; with ``real_looks`` each also gets some of ``LOOKS`` (from a random stream of
    its own, so the rest of every design is the same either way)."""
    rng = random.Random(seed)
    langs = list(LABELS)
    designs = []
    for index in range(count):
        lang = langs[index % len(langs)]
        prefix = rng.choice(["INV", "RE", "F", "FA", "2026-", "NR"])
        number = f"{prefix}{rng.choice(['', '-'])}{rng.randint(1000, 999999)}"
        if rng.random() < 0.3:  # letters and digits that OCR confuses
            number = f"{rng.choice(['SO', 'BL', 'OI'])}-{rng.randint(10, 99)}0{rng.randint(1, 9)}8"
        issue = date(2026, 1, 1) + timedelta(days=rng.randint(0, 300))
        items = [
            (rng.choice(ITEMS), Decimal(rng.randint(1, 12)), Decimal(rng.randint(500, 90000)) / 100)
            for _ in range(rng.randint(2, 5))
        ]
        designs.append(
            Design(
                lang=lang, layout=LAYOUTS[(index // len(langs) + index) % len(LAYOUTS)],
                header=rng.choice(HEADERS), ruled=rng.random() < 0.5, font_size=rng.choice([7.5, 8.5, 9.5]),
                dpi=rng.choice([150, 200, 300]), angle=rng.uniform(-1.0, 1.0),
                blur=rng.choice([0.0, 0.6, 0.9]),
                noise=rng.choice([0, 12, 24]), number=number, issue=issue,
                due=issue + timedelta(days=rng.choice([14, 30, 60])), seller=rng.choice(SELLERS),
                buyer=rng.choice(BUYERS), items=items,
            )
        )  # fmt: skip
        names_rng = random.Random(f"{seed}:{index}:names")
        if names_rng.random() < MIXED_SHARE:
            designs[-1].seller = names_rng.choice(MIXED_SELLERS)
        if names_rng.random() < MIXED_SHARE:
            designs[-1].buyer = names_rng.choice(MIXED_BUYERS)
        if real_looks:
            looks_rng = random.Random(f"{seed}:{index}:looks")
            designs[-1].looks = tuple(look for look in LOOKS if looks_rng.random() < LOOK_SHARE)
            designs[-1].colour = looks_rng.choice(COLOURS)
            if "small_type" in designs[-1].looks:
                designs[-1].font_size = 7.0
    return designs


def money(value: Decimal, lang: str) -> str:
    text = f"{value:,.2f}"
    if lang == "en":
        return text
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def day(value: date, lang: str) -> str:
    return value.strftime("%d %b %Y") if lang == "en" else value.strftime("%d.%m.%Y")


def render(design: Design) -> bytes:
    lab = LABELS[design.lang]
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    fs = design.font_size
    top = height - 50

    def text(
        x: float, y: float, value: str, size: float = fs, *, bold: bool = False, right: bool = False
    ) -> None:
        pdf.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        (pdf.drawRightString if right else pdf.drawString)(x, y, value)

    looks = set(design.looks)

    def band(x: float, y: float, w: float, h: float) -> None:
        """A coloured band with white text to follow."""
        pdf.setFillColorRGB(*design.colour)
        pdf.rect(x, y, w, h, stroke=0, fill=1)
        pdf.setFillGray(1)

    def bar(x: float, y: float, w: float, h: float) -> None:
        if "colour_header" in looks:
            band(x, y - 3, w, h)
            return
        if design.header == "plain":
            pdf.line(x, y - 2, x + w, y - 2)
            return
        pdf.setFillGray(0.82 if design.header == "grey" else 0.15)
        pdf.rect(x, y - 3, w, h, stroke=0, fill=1)
        pdf.setFillGray(0 if design.header == "grey" else 1)

    seller_lines = [design.seller, STREETS[len(design.seller) % 6], CITIES[len(design.seller) % 6]]
    buyer_lines = [design.buyer, STREETS[len(design.buyer) % 6], CITIES[len(design.buyer) % 6]]
    if "title_band" in looks:
        band(0, top - 14, width, 40)
    text(50, top, design.seller, fs + 5, bold=True)
    text(width - 50, top, lab["title"], fs + 8, bold=True, right=True)
    pdf.setFillGray(0)
    meta = [(lab["number"], design.number), (lab["date"], day(design.issue, design.lang)),
            (lab["due"], day(design.due, design.lang))]  # fmt: skip
    y = top - 40
    if design.layout == "boxed_right":
        for line in seller_lines[1:]:
            text(50, y, line)
            y -= fs + 3
        box_y = top - 40
        if "boxed_address" in looks:  # rules close to the glyphs
            pdf.rect(width - 245, box_y - 3 * (fs + 4) - 3, 190, 4 * (fs + 4) + fs - 1)
        else:
            pdf.rect(width - 250, box_y - 62, 200, 74)
        text(width - 242, box_y, lab["to"], fs - 1)
        for i, line in enumerate(buyer_lines):
            text(width - 242, box_y - (i + 1) * (fs + 4), line, bold=i == 0)
        y = top - 140
        for label, value in meta:
            text(50, y, label + ":")
            text(170, y, value)
            y -= fs + 4
    elif design.layout == "two_column":
        for col, head, lines in ((50, lab["from"], seller_lines), (width / 2 + 10, lab["to"], buyer_lines)):
            bar(col, y, width / 2 - 70, fs + 6)
            text(col + 3, y, head, bold=True)
            pdf.setFillGray(0)
            for i, line in enumerate(lines):
                text(col + 3, y - (i + 1) * (fs + 4), line)
            if "boxed_address" in looks and head == lab["to"]:
                pdf.rect(col + 1, y - 3 * (fs + 4) - 3, width / 2 - 74, 3 * (fs + 4) + 1)
        y -= 5 * (fs + 4) + 10
        for label, value in meta:
            text(width / 2 + 13, y, label)
            text(width - 50, y, value, right=True)
            y -= fs + 4
    else:  # label above value grid
        for i, (label, value) in enumerate(meta):
            x = 50 + i * 160
            text(x, y, label.upper(), fs - 1.5)
            text(x, y - fs - 3, value, fs + 1, bold=True)
        y -= 2 * fs + 30
        text(50, y, lab["to"].upper(), fs - 1.5)
        for i, line in enumerate(buyer_lines):
            text(50, y - (i + 1) * (fs + 3), line, bold=i == 0)
        if "boxed_address" in looks:
            pdf.rect(47, y - 3 * (fs + 3) - 3, 200, 3 * (fs + 3) + 1)
        text(320, y, lab["from"].upper(), fs - 1.5)
        for i, line in enumerate(seller_lines):
            text(320, y - (i + 1) * (fs + 3), line)
        y -= 4 * (fs + 3) + 10
    y -= 30
    cols = [
        (50, lab["desc"], False),
        (330, lab["qty"], True),
        (430, lab["price"], True),
        (width - 50, lab["amount"], True),
    ]
    bar(45, y, width - 90, fs + 7)
    for x, label, right in cols:
        text(x, y, label, bold=True, right=right)
    pdf.setFillGray(0)
    table_top = y - 4
    for number, (desc, qty, price) in enumerate(design.items):
        y -= fs + 9
        if "zebra" in looks and number % 2 == 0:
            pdf.setFillGray(0.88)
            pdf.rect(45, y - 4, width - 90, fs + 9, stroke=0, fill=1)
            pdf.setFillGray(0)
        row = [
            desc,
            f"{qty}",
            money(price, design.lang),
            money((qty * price).quantize(Decimal("0.01")), design.lang),
        ]
        for (x, _, right), value in zip(cols, row, strict=True):
            text(x, y, value, right=right)
        if design.ruled or "cell_grid" in looks:
            pdf.setLineWidth(0.4)
            pdf.line(45, y - 4, width - 45, y - 4)
    if "cell_grid" in looks:  # column rules a few points from the right-aligned figures
        for x in (45, 300, 334, 434, width - 45):
            pdf.line(x, table_top, x, y - 4)
    y -= 35
    pdf.rect(width - 240, y - 2 * (fs + 6) - 8, 195, 3 * (fs + 6) + 12)
    totals = [(lab["net"], design.net), (f"{lab['tax']} {TAX_RATE[design.lang]} %", design.tax),
              (lab["gross"], design.net + design.tax)]  # fmt: skip
    currency = "GBP" if design.lang == "en" else "EUR"
    for i, (label, value) in enumerate(totals):
        if i == 2 and "shaded_total" in looks:
            band(width - 238, y - 4, 191, fs + 7)
        text(width - 232, y, label, bold=i == 2)
        text(width - 52, y, f"{money(value, design.lang)} {currency}", bold=i == 2, right=True)
        pdf.setFillGray(0)
        y -= fs + 6
    if "stamp" in looks:  # a red rubber stamp, turned, left of the totals
        pdf.saveState()
        pdf.translate(90, y + 10)
        pdf.rotate(12)
        pdf.setStrokeColorRGB(0.8, 0.1, 0.1)
        pdf.setFillColorRGB(0.8, 0.1, 0.1)
        pdf.setLineWidth(2)
        pdf.rect(0, 0, 120, 34)
        pdf.setFont("Helvetica-Bold", 18)
        pdf.drawCentredString(60, 10, "PAID 100%")
        pdf.restoreState()
    text(50, 60, f"{design.seller} · {lab['vat']} GB123456789", fs - 1.5)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def scan(pdf_bytes: bytes, design: Design) -> bytes:
    """Rasterise, turn, blur, add noise, and wrap the image back into an image-only PDF."""
    doc = pdfium.PdfDocument(pdf_bytes)
    image = doc[0].render(scale=design.dpi / 72).to_pil().convert("L")
    doc.close()
    image = image.rotate(design.angle, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255)
    if design.blur:
        image = image.filter(ImageFilter.GaussianBlur(design.blur * design.dpi / 200))
    if design.noise:
        rng = random.Random(design.number)
        noise = Image.frombytes("L", image.size, rng.randbytes(image.size[0] * image.size[1]))
        noise = noise.point(lambda v: 128 + (v - 128) * design.noise // 128)
        image = Image.blend(image, noise, 0.5).point(lambda v: max(0, min(255, 2 * v - 128)))
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=design.dpi)
    return out.getvalue()


def observed(invoice: AggregatedInvoice) -> dict[str, object]:
    items = [(i.description, i.quantity, i.amount) for i in invoice.line_items]
    return {"invoice_number": invoice.invoice_number, "issue_date": invoice.issue_date,
            "due_date": invoice.due_date, "currency": invoice.currency, "issuer.name": invoice.issuer.name,
            "recipient.name": invoice.recipient.name, "totals.net": invoice.totals.net,
            "totals.tax": invoice.totals.tax, "totals.gross": invoice.totals.gross,
            "line_items": items}  # fmt: skip


def extracted(pdf: bytes, filename: str) -> dict[str, object]:
    """The fields the pipeline finds; all None (and a note on stderr) when it crashes, so that one
    crash costs its fields, not the run."""
    try:
        return observed(extract_invoice(pdf, filename=filename))
    except Exception as exc:  # any crash is scored as a miss
        print(f"{filename}: crashed: {exc!r}", file=sys.stderr)
        return {**dict.fromkeys(FIELDS), "line_items": []}


def _squeezed(text: str) -> str:
    """A description without its spaces: OCR joins "5 m" into "5m", which is not what this measures."""
    return "".join(text.split())


def same(name: str, got: object, want: object) -> bool:
    if name == "line_items":
        assert isinstance(got, list)
        assert isinstance(want, list)
        return len(got) == len(want) and all(
            _squeezed(g[0]) == _squeezed(w[0]) and same("", g[1], w[1]) and same("", g[2], w[2])
            for g, w in zip(got, want, strict=True)
        )
    if want is None or got is None:
        return want is got
    if isinstance(want, Decimal):
        return Decimal(str(got)) == want
    return got == want


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=18)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", action="store_true", help="print every field the scan gets wrong")
    parser.add_argument(
        "--without-bands", action="store_true",
        help="also read every scan with the shaded-band pass and the rule cutting off (column 'no band')",
    )  # fmt: skip
    parser.add_argument(
        "--variant", default=None, metavar="SETTINGS",
        help="with --without-bands: the extra column's engine settings instead of both off, e.g. "
        "'shaded_bands=1,rules_cut=0' or 'reread_unsure=0' (the others keep their defaults)",
    )  # fmt: skip
    parser.add_argument(
        "--families", type=int, default=0, metavar="N",
        help="instead: N real PDFs of every item-table design of item_families.py, each read from its text "
        "layer and from a scan degraded like the real twins; items right per design",
    )  # fmt: skip
    parser.add_argument("--only", default="", help="with --families: comma-separated design names")
    parser.add_argument(
        "--centred", type=int, default=0, metavar="N",
        help="instead: N tables of two-line rows with their figures centred (centred_rows.py), read from "
        "the text layer and from a scan; items right per look",
    )  # fmt: skip
    parser.add_argument(
        "--looks", choices=["classic", "real", "both"], default="both",
        help="classic designs, the same with real-world looks (LOOKS), or both sets one after the other",
    )  # fmt: skip
    args = parser.parse_args()
    if args.centred:
        measure_centred(args.centred, args.seed, show=args.show)
        return
    if args.families:
        measure_families(args.families, args.only.split(",") if args.only else None, show=args.show)
        return
    for real in {"classic": [False], "real": [True], "both": [False, True]}[args.looks]:
        print(f"--- {'real-world looks' if real else 'classic designs'} ---")
        designs = make_designs(args.count, args.seed, real_looks=real)
        # No --variant: both preprocessing passes off; with one, only the named settings leave their defaults.
        variant = {} if args.variant else dict.fromkeys(("shaded_bands", "rules_cut"), False)
        for setting in filter(None, (args.variant or "").split(",")):
            name, _, value = setting.partition("=")
            variant[name.strip()] = value.strip() not in ("0", "false", "off")
        measure(designs, args.seed, show=args.show, without_bands=args.without_bands, variant=variant)


def measure(
    designs: list[Design],
    seed: int,
    *,
    show: bool,
    without_bands: bool,
    variant: dict[str, bool] | None = None,
) -> None:
    """Extract each design's PDF and its scan; print per field the share right in each and agreeing
    (with ``without_bands`` also the share right in the scan read without the shaded-band pass and the
    rule cutting)."""
    plain_ok: Counter[str] = Counter()
    text_ok: Counter[str] = Counter()
    scan_ok: Counter[str] = Counter()
    agree: Counter[str] = Counter()
    plain: dict[str, object] = {}
    for index, design in enumerate(designs):
        born = render(design)
        want = design.expected()
        text_fields = extracted(born, f"invented-{index}.pdf")
        scanned = scan(born, design)
        scan_fields = extracted(scanned, f"invented-{index}-scan.pdf")
        if without_bands:
            settings = variant or {}
            set_default_engine(TesseractEngine(**settings))
            try:
                plain = extracted(scanned, f"invented-{index}-scan.pdf")
            finally:
                set_default_engine(None)
            for name in FIELDS:
                plain_ok[name] += same(name, plain[name], want[name])
        for name in FIELDS:
            text_ok[name] += same(name, text_fields[name], want[name])
            scan_ok[name] += same(name, scan_fields[name], want[name])
            agree[name] += same(name, scan_fields[name], text_fields[name])
            if show and not same(name, scan_fields[name], want[name]):
                tag = f"{index} {design.lang} {design.layout} {design.header} {design.dpi}dpi"
                tag += f" {design.angle:+.2f} {'+'.join(design.looks)}"
                print(f"[{tag}] {name}: want {want[name]!r}")
                print(f"    text {text_fields[name]!r}\n    scan {scan_fields[name]!r}")
                if without_bands:
                    print(f"    other   {plain[name]!r}")
    n = len(designs)
    named = variant is not None and variant.keys() != {"shaded_bands", "rules_cut"}
    other = "variant" if named or any((variant or {}).values()) else "no band"
    heads = ["text", *([other] if without_bands else []), "scan", "agree"]
    print(f"{'field':16} " + " ".join(f"{h:>7}" for h in heads) + f"   ({n} invented invoices, seed {seed})")
    for name in FIELDS:
        counts = [text_ok[name], *([plain_ok[name]] if without_bands else []), scan_ok[name], agree[name]]
        print(f"{name:16} " + " ".join(f"{100 * count / n:6.1f}%" for count in counts))
    totals = [text_ok, *([plain_ok] if without_bands else []), scan_ok]
    cells = n * len(FIELDS)
    print(f"{'ALL':16} " + " ".join(f"{100 * sum(c.values()) / cells:6.1f}%" for c in totals))


def scanned_pages(pdf: bytes, name: str) -> bytes:
    """An image-only twin of every page of ``pdf``, degraded like the real invoices' twins (an office
    scanner's setting, ``corpus.scan.office_scan_params``) with one setting drawn from ``name``, so that
    the same document gets the same scan on every run."""
    rng = random.Random(f"invented-family-scan:{name}")
    return scanned_twin(pdf, rng, office_scan_params(rng))[0]


FamilyRow = tuple[str, Decimal | None, Decimal | None, Decimal | None]


def family_items(pdf: bytes, filename: str, ocr: OcrMode) -> list[FamilyRow]:
    try:
        invoice = extract_invoice(pdf, filename=filename, ocr=ocr)
    except Exception as exc:  # any crash is scored as a miss
        print(f"{filename}: crashed: {exc!r}", file=sys.stderr)
        return []
    return [(i.description, i.quantity, i.unit_price, i.amount or Decimal(0)) for i in invoice.line_items]


def _same_item(want: FamilyRow, got: FamilyRow) -> bool:
    return _squeezed(want[0]).casefold() == _squeezed(got[0]).casefold() and all(
        (w is None and g is None) or (w is not None and g is not None and Decimal(w) == Decimal(g))
        for w, g in zip(want[1:], got[1:], strict=True)
    )


def _right(want: list[FamilyRow], got: list[FamilyRow]) -> int:
    """Items found in order (the longest common subsequence, as accuracy.py scores): one extra or
    missing row costs that row, not every row after it."""
    best = [0] * (len(got) + 1)
    for w in want:
        diagonal = 0
        for j, g in enumerate(got, 1):
            diagonal, best[j] = best[j], diagonal + 1 if _same_item(w, g) else max(best[j], best[j - 1])
    return best[-1]


def measure_families(documents: int, only: list[str] | None, *, show: bool) -> None:
    """Items right (description without spaces, quantity, unit price, amount; found in order) of every
    invented table design, from the text layer and from the scan of the same PDF."""
    from item_families import FAMILIES, build  # a benchmark module beside this one

    print(f"{'design':<15} {'text':>14} {'scan':>14} {'scan=text':>10}   ({documents} PDFs per design)")
    sums = Counter[str]()
    for family in only or list(FAMILIES):
        counts = Counter[str]()
        for seed in range(documents):
            doc = build(family, seed)
            pdf = doc.pdf()
            want: list[FamilyRow] = [(e[0], e[1], e[2], e[3] or Decimal(0)) for e in doc.expected]
            text = family_items(pdf, f"{family}-{seed}.pdf", OcrMode.NEVER)
            scan_pdf = scanned_pages(pdf, f"{family}-{seed}")
            scanned = family_items(scan_pdf, f"{family}-{seed}-scan.pdf", OcrMode.AUTO)
            counts["total"] += len(want)
            counts["text"] += _right(want, text)
            counts["scan"] += _right(want, scanned)
            counts["agree"] += len(text) == len(scanned) and all(
                _same_item(t, s) for t, s in zip(text, scanned, strict=True)
            )
            if show and _right(want, scanned) < _right(want, text):
                print(f"  {family} {seed} ({doc.language}): text {len(text)} items, scan {len(scanned)}")
                for w in want:
                    if not any(_same_item(w, s) for s in scanned):
                        print(f"    missed {w}")
                for s in scanned:
                    if not any(_same_item(w, s) for w in want):
                        print(f"    got    {s}")
        sums.update(counts)
        print(
            f"{family:<15} {_share(counts['text'], counts['total']):>14}",
            f"{_share(counts['scan'], counts['total']):>14} {counts['agree']:>6}/{documents}",
        )
    print(
        f"{'ALL':<15} {_share(sums['text'], sums['total']):>14} {_share(sums['scan'], sums['total']):>14}"
        f" {sums['agree']:>6}/{documents * len(only or FAMILIES)}"
    )


def measure_centred(documents: int, seed: int, *, show: bool) -> None:
    """Items right of tables whose figures stand centred in two-line rows (``centred_rows.py``), from
    the text layer and from the scan of the same PDF, per look."""
    from centred_rows import LOOKS, build  # a benchmark module beside this one

    counts = {look: Counter[str]() for look in LOOKS}
    for index in range(documents):
        doc = build(index, seed)
        want: list[FamilyRow] = list(doc.expected)
        name = f"centred-{seed}-{index}"
        text = family_items(doc.pdf, f"{name}.pdf", OcrMode.NEVER)
        scanned = family_items(scanned_pages(doc.pdf, name), f"{name}-scan.pdf", OcrMode.AUTO)
        tally = counts[doc.look]
        tally["total"] += len(want)
        tally["text"] += _right(want, text)
        tally["scan"] += _right(want, scanned)
        if show and _right(want, scanned) < len(want):
            print(f"  {name} ({doc.language}, {doc.look}): scan {len(scanned)} items of {len(want)}")
            for row in scanned:
                print(f"    {'ok ' if any(_same_item(w, row) for w in want) else 'bad'} {row}")
    print(f"{'look':<8} {'text':>16} {'scan':>16}   ({documents} PDFs, seed {seed})")
    for look, tally in [*counts.items(), ("ALL", sum(counts.values(), Counter[str]()))]:
        text, scan = _share(tally["text"], tally["total"]), _share(tally["scan"], tally["total"])
        print(f"{look:<8} {text:>16} {scan:>16}")


def _share(part: int, whole: int) -> str:
    return f"{100 * part / max(whole, 1):5.1f}% ({part}/{whole})"


if __name__ == "__main__":
    main()
