"""Line-item accuracy of ``extract_page`` on item tables of invented layouts, per structural variant.

    python benchmarks/invented_tables.py [--tables N] [--variants a,b,...] [--show N]

No corpus document is involved: each table is placed word by word (tests/unit/sheets.py) with a random
column set (position, date, article code, description, billing period, quantity, unit, unit price,
discount, net price, tax rate, tax amount, net and gross amounts), header labels in six languages, the
corpus generator's item texts (long ones wrap) and number formats. A variant switches a structure on for
about half of the tables: a header wrapped onto two lines, no header at all, labels left-aligned or
centred over right-aligned figures, wide (landscape) columns, figures centred or bottom-aligned in tall
rows, padded rows, a code line under the description, units in the quantity cell, currency symbols,
credit notes, negative discounts, a net price beside the list price, unknown labels. An item is correct
when description, quantity, unit price and amount all equal the generated ones.

``--families N`` instead renders N real PDFs of each invented table design of ``item_families.py``
(``--only`` picks some; e.g. position and article codes, small-print detail lines, unit columns, prices
per 100, amount-first columns, hours × rate, fee notes, VAT code letters, discount columns, multi-page
tables with carried sums, ruled boxes, bundles, notes between rows, currencies without decimals,
right-to-left columns, outline positions under group titles, energy charges, two tables on a page) and
reads them through the whole in-process pipeline (``extract_invoice``): items correct by position, and
documents whose item count is right.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the corpus generator and the test sheet helper live at the root

from corpus.locales import format_number, format_quantity, format_rate  # noqa: E402
from corpus.spec import make_items, money  # noqa: E402
from tests.unit.sheets import Sheet  # noqa: E402

from invoiceflow.domain.extraction import extract_page  # noqa: E402
from invoiceflow.domain.models import OcrMode  # noqa: E402
from invoiceflow.domain.pipeline import extract_invoice  # noqa: E402
from item_families import FAMILIES, build  # noqa: E402  (beside this script)

VARIANTS = [
    "stacked", "noheader", "leftlabels", "centred", "wide", "vcentre", "valign", "boxes", "codeline",
    "unitqty", "currency", "credit", "negdisc", "netprice", "period2", "unknown",
]  # fmt: skip
LABELS: dict[str, dict[str, list[str]]] = {
    "en": {"pos": ["#"], "code": ["SKU", "Item code", "Art. No.", "HSN/SAC"], "desc": ["Description"],
           "qty": ["Qty", "Hours", "Quantity"], "unit": ["Unit"], "price": ["Unit price", "Rate", "Price"],
           "disc": ["Disc. %"], "rate": ["VAT %", "Tax rate"], "tax": ["VAT", "Tax amount"],
           "net": ["Amount", "Net amount", "Line total"], "gross": ["Total", "Total incl. VAT"],
           "period": ["Period", "Billing period", "Service period"], "date": ["Date"],
           "netp": ["Net price"], "listp": ["List price"]},
    "de": {"pos": ["Pos."], "code": ["Art.-Nr.", "Artikel"], "desc": ["Bezeichnung"],
           "qty": ["Menge", "Anzahl", "Std."], "unit": ["Einheit"], "price": ["Einzelpreis", "Preis"],
           "disc": ["Rabatt %"], "rate": ["USt. %", "MwSt. %"], "tax": ["USt.-Betrag", "MwSt."],
           "net": ["Betrag", "Netto", "Gesamtpreis"], "gross": ["Brutto", "Gesamt inkl. USt."],
           "period": ["Zeitraum", "Leistungszeitraum"], "date": ["Datum"], "netp": ["Nettopreis"],
           "listp": ["Listenpreis"]},
    "fr": {"pos": ["N°"], "code": ["Réf.", "Code"], "desc": ["Désignation"], "qty": ["Qté", "Quantité"],
           "unit": ["Unité"], "price": ["Prix unitaire HT", "P.U. HT"], "disc": ["Remise %"],
           "rate": ["TVA %", "Taux TVA"], "tax": ["Montant TVA", "TVA"], "net": ["Montant HT", "Total HT"],
           "gross": ["Montant TTC", "Total TTC"], "period": ["Période", "Période de facturation"],
           "date": ["Date"], "netp": ["Prix net"], "listp": ["Prix de base"]},
    "es": {"pos": ["Nº"], "code": ["Código", "Ref."], "desc": ["Descripción"],
           "qty": ["Cantidad", "Cant.", "Uds."], "unit": ["Unidad"], "price": ["Precio unitario", "Precio"],
           "disc": ["Dto. %"], "rate": ["IVA %", "Tipo IVA"], "tax": ["Cuota IVA", "IVA"],
           "net": ["Importe", "Base imponible"], "gross": ["Total con IVA", "Total"],
           "period": ["Periodo"], "date": ["Fecha"], "netp": ["Precio neto"], "listp": ["Precio lista"]},
    "nl": {"pos": ["Nr."], "code": ["Artikelnr.", "Code"], "desc": ["Omschrijving"], "qty": ["Aantal"],
           "unit": ["Eenheid"], "price": ["Prijs per stuk", "Stukprijs"], "disc": ["Korting %"],
           "rate": ["BTW %", "BTW-tarief"], "tax": ["BTW-bedrag", "BTW"],
           "net": ["Bedrag excl. BTW", "Bedrag"],
           "gross": ["Bedrag incl. BTW", "Totaal"], "period": ["Periode"], "date": ["Datum"],
           "netp": ["Nettoprijs"], "listp": ["Lijstprijs"]},
    "it": {"pos": ["N."], "code": ["Codice", "Cod. art."], "desc": ["Descrizione"],
           "qty": ["Q.tà", "Quantità"],
           "unit": ["U.M."], "price": ["Prezzo unitario", "Prezzo"], "disc": ["Sconto %"],
           "rate": ["IVA %", "Aliquota"], "tax": ["Importo IVA", "IVA"], "net": ["Imponibile", "Importo"],
           "gross": ["Totale", "Totale ivato"], "period": ["Periodo"], "date": ["Data"],
           "netp": ["Prezzo netto"], "listp": ["Prezzo listino"]},
}  # fmt: skip
UNKNOWN_LABELS = ["Anz.", "E-Pr.", "Stk/Einh.", "Cnt", "Val.", "Sz"]
WIDTH = {"pos": 22, "code": 55, "qty": 40, "unit": 35, "price": 60, "disc": 40, "netp": 62, "rate": 40}
WIDTH |= {"tax": 55, "net": 65, "gross": 65, "period": 100, "date": 55}
NUMERIC = {"qty", "price", "disc", "netp", "rate", "tax", "net", "gross"}
ORDER = ["pos", "date", "code", "desc", "period", "qty", "unit", "price", "disc", "netp", "rate", "tax"]
ORDER += ["net", "gross"]
SIZE = 8.0
PITCH = SIZE * 1.2

Row = tuple[str, Decimal | None, Decimal | None, Decimal]


@dataclass
class Table:
    variants: set[str]
    language: str
    columns: list[str]
    labels: dict[str, str]
    expected: list[Row]
    got: list[Row]


def _columns(rng: random.Random, on: set[str]) -> list[str]:
    optional = ["pos", "code", "unit", "disc", "rate", "tax", "gross", "period", "date"]
    columns = ["desc", *(c for c in optional if rng.random() < 0.35), "qty", "price", "net"]
    if "period" in columns and rng.random() < 0.5:  # charge lines: no quantity and no price
        columns = [c for c in columns if c not in ("qty", "price", "disc")]
    if "netprice" in on and "disc" in columns:
        columns.append("netp")
    return sorted(set(columns), key=ORDER.index)


def _wrap(text: str, chars: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > chars:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current]


def _put_header(
    sheet: Sheet, spans: dict[str, tuple[float, float]], labels: dict[str, str], on: set[str]
) -> float:
    y = 90.0
    for column, (left, right) in spans.items():
        first, second = (
            labels[column].split(" ", 1)
            if "stacked" in on and " " in labels[column]
            else (labels[column], "")
        )
        for dy, text in ((0.0, first), (9.0, second)):
            if not text or "noheader" in on:
                continue
            if column in NUMERIC and "leftlabels" in on:
                sheet.put(left + 4, y + dy, text)
            elif column in NUMERIC and "centred" in on:
                sheet.put((left + right) / 2 - len(text) * 0.3 * SIZE, y + dy, text)
            elif column in NUMERIC:
                sheet.put(right - 4, y + dy, text, right=True)
            else:
                sheet.put(left + 4, y + dy, text)
    return y + 16 + (9 if "stacked" in on else 0)


def make_table(seed: int, variants: tuple[str, ...]) -> Table:
    rng = random.Random(seed)
    on = {v for v in variants if rng.random() < 0.5}
    language = rng.choice(sorted(LABELS))
    fmt = {"en": "comma_dot", "fr": "space_comma"}.get(language, "dot_comma")
    columns = _columns(rng, on)
    landscape = len(columns) > 7 or "wide" in on
    page_width = 842 if landscape else 595
    stretch = 1.8 if "wide" in on else 1.0
    fixed = sum(WIDTH[c] * stretch for c in columns if c != "desc")
    spans: dict[str, tuple[float, float]] = {}
    x = 40.0
    for column in columns:
        width = max(120, page_width - 80 - fixed) if column == "desc" else WIDTH[column] * stretch
        spans[column] = (x, x + width)
        x += width
    lexicon = LABELS[language]
    labels = {c: rng.choice(lexicon[c]) for c in columns}
    if "netp" in columns:
        labels["price"] = lexicon["listp"][0]
    if "unknown" in on:
        for column in ("qty", "price", "disc", "rate", "tax"):
            if column in labels and rng.random() < 0.6:
                labels[column] = rng.choice(UNKNOWN_LABELS)
    items = make_items(
        rng, language, [Decimal(19), Decimal(7)], rng.randint(4, 9), credit="credit" in on, long_share=0.4
    )
    sheet = Sheet(font_size=SIZE)
    sheet.put(40, 30, "Testfirma Handels GmbH", size=14)
    sheet.put(40, 50, "Invoice No: T-1001")
    y = _put_header(sheet, spans, labels, on)
    expected: list[Row] = []
    net = Decimal(0)
    for number, item in enumerate(items, 1):
        discount = Decimal(rng.choice([0, 5, 10, 15])) if "disc" in columns else Decimal(0)
        amount = money(item.quantity * item.unit_price * (100 - discount) / 100)
        tax = money(amount * item.rate / 100)
        net += amount
        cells = {
            "pos": str(number),
            "code": item.code,
            "qty": format_quantity(item.quantity, fmt),
            "unit": rng.choice(["pcs", "h", "Stk", "m"]),
            "price": format_number(item.unit_price, fmt),
            "disc": format_rate(discount, fmt) if rng.random() < 0.5 else format_quantity(discount, fmt),
            "netp": format_number(money(item.unit_price * (100 - discount) / 100), fmt),
            "rate": format_rate(item.rate, fmt),
            "tax": format_number(tax, fmt),
            "net": format_number(amount, fmt),
            "gross": format_number(amount + tax, fmt),
            "period": "01.02.2024 - 29.02.2024",
            "date": rng.choice(["0%d.02.2024", "02/1%d/2024", "2024-02-1%d", "1%d Feb 2024"])
            % (number % 9 + 1),
        }
        if "period2" in on:
            cells["period"] = rng.choice(
                ["01/02/2024 - 29/02/2024", "Feb 1 - Feb 29, 2024", "2024-02-01 – 2024-02-29"]
            )
        if "unitqty" in on:
            cells["qty"] += " " + rng.choice(["h", "pcs", "Stk.", "m"])
        if "currency" in on:
            for column in ("price", "net", "gross", "tax"):
                cells[column] += " €"
        if "negdisc" in on and discount:
            cells["disc"] = "-" + cells["disc"]
        lines = _wrap(item.description, int((spans["desc"][1] - spans["desc"][0] - 8) / (0.6 * SIZE)))
        if "codeline" in on and "code" not in columns:
            lines.append(rng.choice(["SKU: ", "Art.-Nr. ", "Item code: "]) + item.code)
        y += 4 if "boxes" in on else 0
        figures_y = y + (len(lines) - 1) * PITCH if "valign" in on else y
        figures_y = y + (len(lines) - 1) * PITCH / 2 if "vcentre" in on else figures_y
        for column, (left, right) in spans.items():
            if column == "desc":
                for k, text in enumerate(lines):
                    sheet.put(left + 4, y + k * PITCH, text)
            elif column in NUMERIC:
                sheet.put(right - 4, figures_y, cells[column], right=True)
            else:
                sheet.put(left + 4, figures_y, cells[column])
        charges = "qty" not in columns
        expected.append(
            (
                item.description,
                None if charges else item.quantity,
                None if charges else item.unit_price,
                amount,
            )
        )
        y += len(lines) * PITCH + (14 if "boxes" in on else 6)
    tax_total = money(net * Decimal("0.19"))
    for n, (label, value) in enumerate((("Subtotal", net), ("VAT", tax_total), ("Total", net + tax_total))):
        sheet.put(page_width - 250, y + 10 + 14 * n, label)
        sheet.put(page_width - 44, y + 10 + 14 * n, format_number(value, fmt), right=True)
    result = extract_page(sheet.page(landscape))
    got = [(i.description, i.quantity, i.unit_price, i.amount) for i in result.line_items]
    return Table(on, language, columns, labels, expected, got)


def _same(expected: Row, got: Row) -> bool:
    return (
        " ".join(expected[0].split()).casefold() == " ".join(got[0].split()).casefold()
        and expected[1:] == got[1:]
    )


def measure(tables: int, variants: tuple[str, ...], show: int) -> tuple[int, int]:
    correct = total = 0
    wrong: Counter[str] = Counter()
    for seed in range(tables):
        table = make_table(seed, variants)
        total += len(table.expected)
        correct += sum(_same(e, g) for e, g in zip(table.expected, table.got, strict=False))
        if len(table.got) != len(table.expected):
            wrong["count"] += 1
        if show and any(not _same(e, g) for e, g in zip(table.expected, table.got, strict=False)):
            show -= 1
            print(f"  table {seed} ({table.language}, {sorted(table.variants)}): {table.labels}")
            for e, g in zip(table.expected, table.got, strict=False):
                if not _same(e, g):
                    print(f"    expected {e}\n    got      {g}")
                    break
    return correct, total


def measure_family(family: str, documents: int, show: int) -> tuple[int, int, int]:
    """(items correct, items expected, documents with the right item count) of one design."""
    correct = total = counted = 0
    for seed in range(documents):
        doc = build(family, seed)
        invoice = extract_invoice(doc.pdf(), filename=f"{family}.pdf", ocr=OcrMode.NEVER)
        got: list[Row] = [
            (i.description, i.quantity, i.unit_price, i.amount if i.amount is not None else Decimal(0))
            for i in invoice.line_items
        ]
        expected: list[Row] = [
            (e[0], e[1], e[2], e[3] if e[3] is not None else Decimal(0)) for e in doc.expected
        ]
        total += len(expected)
        correct += sum(_same(e, g) for e, g in zip(expected, got, strict=False))
        counted += len(got) == len(expected)
        if (show and any(not _same(e, g) for e, g in zip(expected, got, strict=False))) or (
            show and len(got) != len(expected)
        ):
            show -= 1
            print(f"  {family} {seed} ({doc.language}): {len(got)} items, {len(expected)} expected")
            for e, g in itertools.zip_longest(expected, got):
                if e is None or g is None or not _same(e, g):
                    print(f"    expected {e}\n    got      {g}")
                    break
    return correct, total, counted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tables", type=int, default=200, help="tables per variant")
    parser.add_argument(
        "--variants", default=",".join(VARIANTS), help="comma-separated, from: " + " ".join(VARIANTS)
    )
    parser.add_argument("--show", type=int, default=0, help="print the first N tables with a wrong item")
    parser.add_argument("--families", type=int, default=0, help="PDFs per invented design (0: none)")
    parser.add_argument("--only", default="", help="with --families: comma-separated design names")
    args = parser.parse_args(argv)
    if args.families:
        print(f"{'design':<14} {'items correct':>22} {'count right':>14}")
        all_correct = all_total = all_counted = 0
        for family in args.only.split(",") if args.only else FAMILIES:
            correct, total, counted = measure_family(family, args.families, args.show)
            all_correct, all_total, all_counted = (
                all_correct + correct,
                all_total + total,
                all_counted + counted,
            )
            print(
                f"{family:<14} {100 * correct / total:8.1f} % ({correct}/{total})",
                f"{counted:>6}/{args.families}",
            )
        documents = args.families * len(args.only.split(",") if args.only else FAMILIES)
        print(
            f"{'all designs':<14} {100 * all_correct / all_total:8.1f} % ({all_correct}/{all_total}) "
            f"{all_counted:>6}/{documents}"
        )
        return 0
    print(f"{'variant':<12} {'items correct':>22}")
    for variant in ["plain", *args.variants.split(",")]:
        correct, total = measure(args.tables, () if variant == "plain" else (variant,), args.show)
        print(f"{variant:<12} {100 * correct / total:8.1f} % ({correct}/{total})")
    correct, total = measure(args.tables, tuple(args.variants.split(",")), args.show)
    print(f"{'all mixed':<12} {100 * correct / total:8.1f} % ({correct}/{total})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
