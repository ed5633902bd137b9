"""Tax lines and totals on invented tax designs rendered as real PDFs (reportlab), read by the whole pipeline.

    python benchmarks/invented_taxes.py [--documents 6] [--seed 0] [--only design,...] [--show N]

Each design is a way real invoices print their tax that the corpus generator does not: a VAT analysis
table (code, rate, net, VAT, gross in any column order, short or long headings, rates with or without
"%", with or without a total row), tax lines worded with their base ("VAT 20% on 1,234.00", "MwSt. 19 %
von 100,00 €", "TVA (20 %) sur ...", "BTW 21% over ..."), a net line per rate, a rate column per item
with tax lines that print only their amounts, an exempt / reverse-charge row with its reason, Indian CGST +
SGST on one base or IGST (in the totals, or as columns of every row), US sales tax with the rate in its
label and tax on shipping, gross-price receipts whose tax is "included" (one or two rates; a hotel's
summary rows that carry their words in their cells), a discount, shipping and a deposit around the
totals, a discount or a service charge worded like a tax line, payment terms with a cash discount, a tax
amount per item, a summary beside the totals, one tax printed under two of its names, tax per delivery
note or page and for the whole invoice, the tax restated in another currency, a breakdown printed as
stacked fields (e-invoice viewers), the summary on the next page, a template listing unused rates at
0.00, goods and freight taxed at one rate on two lines, items over two pages. Names, wording and figures
are our own. Scores per design: tax_lines (one point per document, equal as a multiset of (rate, base,
amount)), totals net, tax and gross, and items by position (description, quantity, unit price, amount).
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from invented_cli import design_arguments  # noqa: E402
from invoiceflow.domain.models import OcrMode  # noqa: E402
from invoiceflow.domain.pipeline import extract_invoice  # noqa: E402
from item_families import LABELS, Doc, Row, _article, _head, _price, _quantity, fmt, fmt_qty, money  # noqa: E402

TaxKey = tuple[Decimal, Decimal, Decimal]  # (rate, base, amount): every printed tax line has all three

TAX_NAME = {"en": "VAT", "de": "MwSt.", "fr": "TVA", "nl": "BTW"}
RATES = {
    "en": [Decimal(20), Decimal(5), Decimal(0)],
    "de": [Decimal(19), Decimal(7), Decimal(0)],
    "fr": [Decimal(20), Decimal(10), Decimal("5.5")],
    "nl": [Decimal(21), Decimal(9), Decimal(0)],
}
ON_BASE = {"en": ["on", "of"], "de": ["von", "auf"], "fr": ["sur", "base"], "nl": ["over", "van"]}
TABLE_HEAD = {
    "en": {"code": "Code", "rate": "Rate", "net": "Net", "vat": "VAT", "gross": "Gross", "total": "Total"},
    "de": {
        "code": "Kz.",
        "rate": "Satz",
        "net": "Netto",
        "vat": "MwSt.",
        "gross": "Brutto",
        "total": "Summe",
    },
    "fr": {"code": "Code", "rate": "Taux", "net": "Base HT", "vat": "TVA", "gross": "TTC", "total": "Total"},
    "nl": {
        "code": "Code",
        "rate": "Tarief",
        "net": "Grondslag",
        "vat": "BTW",
        "gross": "Totaal",
        "total": "Totaal",
    },
}
LONG_HEAD = {
    "en": {
        "code": "VAT code",
        "rate": "VAT rate %",
        "net": "Net amount",
        "vat": "VAT amount",
        "gross": "Gross amount",
        "total": "Total",
    },
    "de": {
        "code": "Steuerschl.",
        "rate": "Steuersatz %",
        "net": "Nettobetrag",
        "vat": "Steuerbetrag",
        "gross": "Bruttobetrag",
        "total": "Summe",
    },
    "fr": {
        "code": "Code TVA",
        "rate": "Taux %",
        "net": "Montant HT",
        "vat": "Montant TVA",
        "gross": "Montant TTC",
        "total": "Total",
    },
    "nl": {
        "code": "BTW-code",
        "rate": "BTW %",
        "net": "Bedrag excl.",
        "vat": "BTW-bedrag",
        "gross": "Bedrag incl.",
        "total": "Totaal",
    },
}
EXEMPT = {
    "en": ["exempt", "reverse charge", "zero rated"],
    "de": ["steuerfrei", "Steuerschuldnerschaft des Leistungsempfängers", "steuerfreie Lieferung"],
    "fr": ["exonéré", "autoliquidation"],
    "nl": ["vrijgesteld", "verlegd"],
}
INCLUDED = {"en": "incl. {r} VAT", "de": "inkl. {r} MwSt.", "fr": "dont TVA {r}", "nl": "incl. {r} BTW"}
SHIPPING = {"en": "Shipping", "de": "Versandkosten", "fr": "Frais de port", "nl": "Verzendkosten"}
DISCOUNT = {"en": "Discount {p} %", "de": "Rabatt {p} %", "fr": "Remise {p} %", "nl": "Korting {p} %"}
DEPOSIT = {"en": "Less deposit paid", "de": "abzgl. Anzahlung", "fr": "Acompte versé", "nl": "Reeds betaald"}
DUE = {"en": "Balance due", "de": "Zahlbetrag", "fr": "Net à payer", "nl": "Te betalen"}
GROSS_LABEL = {"en": "Total", "de": "Gesamtbetrag", "fr": "Total TTC", "nl": "Totaal incl. BTW"}
NET_LABEL = {"en": "Subtotal", "de": "Nettobetrag", "fr": "Total HT", "nl": "Totaal excl. BTW"}
NET_RATE_LABEL = {"en": "Net {r}", "de": "Netto {r}", "fr": "HT {r}", "nl": "Netto {r}"}


@dataclass
class TaxDoc:
    doc: Doc
    tax_lines: list[TaxKey]
    net: Decimal
    tax: Decimal
    gross: Decimal


def _rate_text(rate: Decimal, language: str, rng: random.Random) -> str:
    text = fmt_qty(rate, language)
    if rng.random() < 0.3 and rate == rate.to_integral():
        text = fmt(rate, language, 1)
    return text + rng.choice([" %", "%"])


def _items(
    doc: Doc,
    rng: random.Random,
    y: float,
    rates: list[Decimal],
    *,
    rate_column: str = "",
    gross: bool = False,
) -> tuple[float, dict[Decimal, Decimal], list[tuple[Decimal, Decimal]]]:
    """An item table; each row draws one of ``rates``. ``rate_column`` "rate" prints the rate per row, "code"
    a code letter (A, B, C), "tax" the tax amount of the row. Returns the y under the table, the sum per
    rate (gross sums when ``gross``), and (rate, amount) per row."""
    language = doc.language
    lab = LABELS[language]
    head = [
        (40, lab["desc"], "l"),
        (320, lab["qty"], "r"),
        (400, lab["price"], "r"),
        (480, lab["amount"], "r"),
    ]
    if rate_column:
        head.append(
            (555, {"rate": lab["vat"] + " %", "code": lab["vat"], "tax": lab["vat"]}[rate_column], "r")
        )
    else:
        head[-1] = (555, lab["amount"], "r")
    for x, text, align in head:
        doc.put(x, y, text, font="Helvetica-Bold", align=align)
    doc.rule(40, y + 11, 555)
    y += 18
    sums: dict[Decimal, Decimal] = {}
    rows: list[tuple[Decimal, Decimal]] = []
    amount_x = 480 if rate_column else 555
    for _ in range(rng.randint(3, 6)):
        rate = rng.choice(rates)
        text = _article(rng, language)
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        doc.put(40, y, text)
        doc.put(320, y, fmt_qty(quantity, language), align="r")
        doc.put(400, y, fmt(price, language), align="r")
        doc.put(amount_x, y, fmt(amount, language), align="r")
        if rate_column == "rate":
            doc.put(555, y, fmt_qty(rate, language) + " %", align="r")
        elif rate_column == "code":
            doc.put(555, y, "ABC"[rates.index(rate)], align="r")
        elif rate_column == "tax":
            doc.put(555, y, fmt(money(amount * rate / 100), language), align="r")
        doc.expected.append((text, quantity, price, amount))
        sums[rate] = sums.get(rate, Decimal(0)) + amount
        rows.append((rate, amount))
        y += 13
    doc.rule(40, y, 555)
    return y + 14, sums, rows


def _two_rates(rng: random.Random, language: str, zero: bool = False) -> list[Decimal]:
    pool = [r for r in RATES[language] if zero or r]
    count = rng.choice([1, 2, 2, 3]) if len(pool) > 2 else rng.choice([1, 2])
    return sorted(rng.sample(pool, min(count, len(pool))), reverse=True)


def _several_rates(rng: random.Random, language: str) -> list[Decimal]:
    """Two or three of the language's rates (a design about several rates needs more than one)."""
    rates = _two_rates(rng, language)
    return RATES[language][:2] if len(rates) == 1 else rates


def _block(doc: Doc, y: float, rows: list[tuple[str, Decimal]], x_label: float = 340) -> float:
    for label, value in rows:
        doc.put(x_label, y, label)
        doc.put(555, y, fmt(value, doc.language), align="r")
        y += 14
    return y


def _expected(sums: dict[Decimal, Decimal]) -> list[TaxKey]:
    return [(rate, base, money(base * rate / 100)) for rate, base in sums.items()]


def _finish(doc: Doc, lines: list[TaxKey], net: Decimal) -> TaxDoc:
    tax = sum((a for _, _, a in lines), Decimal(0))
    return TaxDoc(doc, lines, net, tax, net + tax)


def _priced(doc: Doc, sums: dict[Decimal, Decimal]) -> tuple[list[TaxKey], Decimal, TaxDoc]:
    """The tax lines of the items' nets per rate, their net and the document's expected figures."""
    lines = _expected(sums)
    net = sum(sums.values(), Decimal(0))
    return lines, net, _finish(doc, lines, net)


def vat_table(rng: random.Random, language: str) -> TaxDoc:
    """Totals block with one tax total, then a VAT analysis table with shuffled columns."""
    doc = Doc(language)
    rates = _two_rates(rng, language)
    use_code = rng.random() < 0.5
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="code" if use_code else "rate")
    lines, net, result = _priced(doc, sums)
    lab = LABELS[language]
    y = _block(doc, y, [(lab["net"], net), (TAX_NAME[language], result.tax), (lab["total"], result.gross)])
    y += 16
    long_head = rng.random() < 0.5
    head = (LONG_HEAD if long_head else TABLE_HEAD)[language]
    keys = ["rate", "net", "vat"] + (["code"] if use_code else []) + (["gross"] if rng.random() < 0.5 else [])
    rng.shuffle(keys)
    if "code" in keys:  # a code stands first
        keys.remove("code")
        keys.insert(0, "code")
    xs = [110 + 90 * n for n in range(len(keys))]
    doc.put(40, y, LABELS[language]["summary"], font="Helvetica-Bold")
    y += 14
    for key, x in zip(keys, xs, strict=True):
        doc.put(x, y, head[key], font="Helvetica-Bold", align="r")
    y += 13
    for _n, (rate, base, amount) in enumerate(lines):
        rate_s = fmt(rate, language) if long_head else _rate_text(rate, language, rng)
        cells = {
            "code": "ABC"[rates.index(rate)],
            "rate": rate_s,
            "net": fmt(base, language),
            "vat": fmt(amount, language),
            "gross": fmt(base + amount, language),
        }
        for key, x in zip(keys, xs, strict=True):
            doc.put(x, y, cells[key], align="r")
        y += 12
    if rng.random() < 0.5 and len(lines) > 1:
        doc.rule(40, y, 110 + 90 * (len(keys) - 1))
        y += 4
        cells = {
            "code": "",
            "rate": "",
            "net": fmt(net, language),
            "vat": fmt(result.tax, language),
            "gross": fmt(result.gross, language),
        }
        doc.put(40, y, head["total"], font="Helvetica-Bold")
        for key, x in zip(keys, xs, strict=True):
            if cells[key]:
                doc.put(x, y, cells[key], align="r")
    return result


def rate_on_base(rng: random.Random, language: str) -> TaxDoc:
    """Tax lines that print their base in the label: "VAT 20% on 1,234.00   246.80"."""
    doc = Doc(language)
    rates = _two_rates(rng, language)
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="rate" if len(rates) > 1 else "")
    lines, net, result = _priced(doc, sums)
    word = rng.choice(ON_BASE[language])
    style = rng.choice(["plain", "paren", "currency"])
    currency = {"en": "£", "de": "€", "fr": "€", "nl": "€"}[language]
    rows = [(NET_LABEL[language], net)]
    for rate, base, amount in lines:
        rate_s = _rate_text(rate, language, rng)
        base_s = fmt(base, language)
        if style == "paren":
            label = f"{TAX_NAME[language]} ({rate_s}) {word} {base_s}"
        elif style == "currency":
            base_s = f"{currency}{base_s}" if language == "en" else f"{base_s} {currency}"
            label = f"{TAX_NAME[language]} {rate_s} {word} {base_s}"
        else:
            label = f"{TAX_NAME[language]} {rate_s} {word} {base_s}"
        rows.append((label, amount))
    rows.append((GROSS_LABEL[language], result.gross))
    _block(doc, y, rows, x_label=300)
    return result


def net_per_rate(rng: random.Random, language: str) -> TaxDoc:
    """Net line per rate above its tax line: "Netto 7 %  100,00 / MwSt. 7 %  7,00"."""
    doc = Doc(language)
    rates = _several_rates(rng, language)
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="rate")
    lines, net, result = _priced(doc, sums)
    rows: list[tuple[str, Decimal]] = []
    for rate, base, amount in lines:
        rate_s = _rate_text(rate, language, rng)
        rows.append((NET_RATE_LABEL[language].format(r=rate_s), base))
        rows.append((f"{TAX_NAME[language]} {rate_s}", amount))
    if rng.random() < 0.5:
        rows.insert(0, (NET_LABEL[language], net))
    rows.append((GROSS_LABEL[language], result.gross))
    _block(doc, y, rows)
    return result


def item_rates(rng: random.Random, language: str) -> TaxDoc:
    """A rate per item; the totals print one tax line per rate with its amount only."""
    doc = Doc(language)
    rates = _several_rates(rng, language)
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="rate")
    lines, net, result = _priced(doc, sums)
    rows = [(NET_LABEL[language], net)]
    for rate, _, amount in lines:
        rows.append((f"{TAX_NAME[language]} {_rate_text(rate, language, rng)}", amount))
    rows.append((GROSS_LABEL[language], result.gross))
    _block(doc, y, rows)
    return result


def exempt_row(rng: random.Random, language: str) -> TaxDoc:
    """A taxed rate and a 0 % row with its reason, or a whole invoice under reverse charge."""
    doc = Doc(language)
    taxed = RATES[language][0]
    whole = rng.random() < 0.4
    rates = [Decimal(0)] if whole else [taxed, Decimal(0)]
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="" if whole else "rate")
    for rate in rates:
        sums.setdefault(rate, Decimal(0))
    if not sums[Decimal(0)]:
        sums[Decimal(0)] = Decimal("0")
    sums = {r: b for r, b in sums.items() if b}
    lines, net, result = _priced(doc, sums)
    reason = rng.choice(EXEMPT[language])
    rows = [(NET_LABEL[language], net)]
    for rate, base, amount in lines:
        rate_s = _rate_text(rate, language, rng)
        if rate:
            rows.append(
                (
                    f"{TAX_NAME[language]} {rate_s} {rng.choice(ON_BASE[language])} {fmt(base, language)}",
                    amount,
                )
            )
        else:
            rows.append((f"{TAX_NAME[language]} {rate_s} ({reason}) {fmt(base, language)}", amount))
    rows.append((GROSS_LABEL[language], result.gross))
    _block(doc, y, rows, x_label=260)
    return result


def india_gst(rng: random.Random, language: str) -> TaxDoc:
    """CGST + SGST at half the rate each on one base, or IGST at the whole rate."""
    doc = Doc("en")
    rate = Decimal(rng.choice([5, 12, 18, 28]))
    y, sums, _ = _items(doc, rng, _head(doc, rng), [rate])
    net = sum(sums.values(), Decimal(0))
    rows = [(rng.choice(["Taxable value", "Sub Total", "Taxable Amount"]), net)]
    if rng.random() < 0.6:
        half = rate / 2
        amount = money(net * half / 100)
        lines: list[TaxKey] = [(half, net, amount), (half, net, amount)]
        fmt_rate = fmt_qty(half, "en")
        rows += [(f"CGST @ {fmt_rate}%", amount), (f"SGST @ {fmt_rate}%", amount)]
    else:
        amount = money(net * rate / 100)
        lines = [(rate, net, amount)]
        rows.append((f"IGST @ {fmt_qty(rate, 'en')}%", amount))
    result = _finish(doc, lines, net)
    rows.append(("Total Invoice Value", result.gross))
    _block(doc, y, rows)
    return result


def us_sales_tax(rng: random.Random, language: str) -> TaxDoc:
    """Subtotal, shipping, "Sales Tax (8.875%)" on subtotal and shipping, Total."""
    doc = Doc("en")
    rate = Decimal(rng.choice(["8.875", "7.25", "6", "9.5", "4.712"]))
    y, sums, _ = _items(doc, rng, _head(doc, rng), [rate])
    subtotal = sum(sums.values(), Decimal(0))
    shipping = Decimal(rng.randint(500, 3500)) / 100
    net = subtotal + shipping
    amount = money(net * rate / 100)
    label = rng.choice(["Sales Tax ({r}%)", "Sales tax @ {r}%", "Tax ({r}%)", "State sales tax {r}%"])
    rows = [
        ("Subtotal", subtotal),
        ("Shipping & handling", shipping),
        (label.format(r=fmt_qty(rate, "en")), amount),
    ]
    result = _finish(doc, [(rate, net, amount)], net)
    rows.append((rng.choice(["Total", "Order total", "Amount due"]), result.gross))
    _block(doc, y, rows)
    return result


def included_tax(rng: random.Random, language: str) -> TaxDoc:
    """Gross prices; the tax is only stated as included: "inkl. 19 % MwSt.  3,19"."""
    doc = Doc(language)
    rates = _two_rates(rng, language)
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="rate" if len(rates) > 1 else "")
    gross = sum(sums.values(), Decimal(0))
    lines: list[TaxKey] = []
    for rate, total in sums.items():
        amount = money(total * rate / (100 + rate))
        lines.append((rate, total - amount, amount))
    tax = sum((a for _, _, a in lines), Decimal(0))
    rows = [(GROSS_LABEL[language], gross)]
    for rate, _, amount in lines:
        rows.append((INCLUDED[language].format(r=_rate_text(rate, language, rng)), amount))
    _block(doc, y, rows)
    return TaxDoc(doc, lines, gross - tax, tax, gross)


def shipping_discount(rng: random.Random, language: str) -> TaxDoc:
    """Items, a discount, shipping, the net, one tax line, the total, a deposit and the balance due."""
    doc = Doc(language)
    rate = RATES[language][0]
    y, sums, _ = _items(doc, rng, _head(doc, rng), [rate])
    items = sum(sums.values(), Decimal(0))
    percent = rng.choice([2, 3, 5, 10])
    discount = money(items * percent / 100)
    shipping = Decimal(rng.randint(490, 2990)) / 100
    net = items - discount + shipping
    amount = money(net * rate / 100)
    lab = LABELS[language]
    result = _finish(doc, [(rate, net, amount)], net)
    rows = [
        (lab["amount"], items),
        (DISCOUNT[language].format(p=percent), -discount),
        (SHIPPING[language], shipping),
        (lab["net"], net),
        (f"{TAX_NAME[language]} {_rate_text(rate, language, rng)}", amount),
        (lab["total"], result.gross),
    ]
    if rng.random() < 0.6:
        deposit = money(result.gross * Decimal("0.3"))
        rows += [(DEPOSIT[language], -deposit), (DUE[language], result.gross - deposit)]
    _block(doc, y, rows)
    return result


def tax_column(rng: random.Random, language: str) -> TaxDoc:
    """A tax amount column per item; the totals print net, one tax total with its rate, gross."""
    doc = Doc(language)
    rate = RATES[language][0]
    y, sums, rows_drawn = _items(doc, rng, _head(doc, rng), [rate], rate_column="tax")
    net = sum(sums.values(), Decimal(0))
    amount = sum((money(a * r / 100) for r, a in rows_drawn), Decimal(0))
    result = _finish(doc, [(rate, net, amount)], net)
    lab = LABELS[language]
    _block(
        doc,
        y,
        [
            (lab["net"], net),
            (f"{TAX_NAME[language]} {_rate_text(rate, language, rng)}", amount),
            (lab["total"], result.gross),
        ],
    )
    return result


def side_by_side(rng: random.Random, language: str) -> TaxDoc:
    """A VAT analysis table on the left of the page, the totals block on the right on the same lines."""
    doc = Doc(language)
    rates = _several_rates(rng, language)
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="rate")
    lines, net, result = _priced(doc, sums)
    head = TABLE_HEAD[language]
    keys = ["rate", "net", "vat"]
    if rng.random() < 0.5:
        keys = ["net", "rate", "vat"]
    xs = [90, 170, 250]
    for key, x in zip(keys, xs, strict=True):
        doc.put(x, y, head[key], font="Helvetica-Bold", align="r")
    rows = [
        (LABELS[language]["net"], net),
        (TAX_NAME[language], result.tax),
        (LABELS[language]["total"], result.gross),
    ]
    for n, (label, value) in enumerate(rows):
        doc.put(360, y + 13 * n, label)
        doc.put(555, y + 13 * n, fmt(value, language), align="r")
    for n, (rate, base, amount) in enumerate(lines):
        cells = {
            "rate": _rate_text(rate, language, rng),
            "net": fmt(base, language),
            "vat": fmt(amount, language),
        }
        for key, x in zip(keys, xs, strict=True):
            doc.put(x, y + 13 * (n + 1), cells[key], align="r")
    return result


STRIPE_COUNTRY = {"en": "United Kingdom", "de": "Germany", "fr": "France", "nl": "Netherlands"}


def saas_receipt(rng: random.Random, language: str) -> TaxDoc:
    """English SaaS receipt of a European seller: "VAT - Germany (19% on €50.00)", amount paid and due."""
    doc = Doc("en")
    rate = RATES[language][0]
    y, sums, _ = _items(doc, rng, _head(doc, rng), [rate])
    net = sum(sums.values(), Decimal(0))
    amount = money(net * rate / 100)
    result = _finish(doc, [(rate, net, amount)], net)
    symbol = "£" if language == "en" else "€"
    label = (
        f"{TAX_NAME['en']} - {STRIPE_COUNTRY[language]} ({fmt_qty(rate, 'en')}% on {symbol}{fmt(net, 'en')})"
    )
    rows = [
        ("Subtotal", net),
        ("Total excluding tax", net),
        (label, amount),
        ("Total", result.gross),
        ("Amount paid", result.gross),
        ("Amount due", Decimal(0)),
    ]
    if rng.random() < 0.5:
        rows.pop(1)
    y0 = y
    for label_text, value in rows:
        doc.put(300, y0, label_text)
        doc.put(555, y0, f"{symbol}{fmt(value, 'en')}", align="r")
        y0 += 14
    return result


HOTEL_WORDS = {
    "en": ("Net", "VAT", "Gross"),
    "de": ("Netto", "MwSt.", "Brutto"),
    "fr": ("HT", "TVA", "TTC"),
    "nl": ("Netto", "BTW", "Bruto"),
}


def hotel_included(rng: random.Random, language: str) -> TaxDoc:
    """Gross prices with an included-tax summary whose rows carry their labels in the cells:
    "MwSt. 7 %   Netto 186,92   MwSt. 13,08   Brutto 200,00"."""
    doc = Doc(language)
    rates = RATES[language][:2]
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="rate")
    gross = sum(sums.values(), Decimal(0))
    lines: list[TaxKey] = []
    for rate, total in sums.items():
        amount = money(total * rate / (100 + rate))
        lines.append((rate, total - amount, amount))
    tax = sum((a for _, _, a in lines), Decimal(0))
    doc.put(340, y, GROSS_LABEL[language], font="Helvetica-Bold")
    doc.put(555, y, fmt(gross, language), align="r", font="Helvetica-Bold")
    y += 22
    net_w, vat_w, gross_w = HOTEL_WORDS[language]
    for rate, base, amount in lines:
        doc.put(40, y, f"{TAX_NAME[language]} {_rate_text(rate, language, rng)}")
        doc.put(150, y, f"{net_w} {fmt(base, language)}")
        doc.put(280, y, f"{vat_w} {fmt(amount, language)}")
        doc.put(410, y, f"{gross_w} {fmt(base + amount, language)}")
        y += 12
    return TaxDoc(doc, lines, gross - tax, tax, gross)


def two_column_block(rng: random.Random, language: str) -> TaxDoc:
    """Tax lines with the base and the tax in two columns of the totals block: "MwSt. 19 %  100,00  19,00"."""
    doc = Doc(language)
    rates = _two_rates(rng, language)
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="rate" if len(rates) > 1 else "")
    lines, net, result = _priced(doc, sums)
    head = TABLE_HEAD[language]
    if rng.random() < 0.5:
        doc.put(470, y, head["net"], font="Helvetica-Bold", align="r")
        doc.put(555, y, head["vat"], font="Helvetica-Bold", align="r")
        y += 13
    doc.put(300, y, NET_LABEL[language])
    doc.put(555, y, fmt(net, language), align="r")
    y += 13
    for rate, base, amount in lines:
        doc.put(300, y, f"{TAX_NAME[language]} {_rate_text(rate, language, rng)}")
        doc.put(470, y, fmt(base, language), align="r")
        doc.put(555, y, fmt(amount, language), align="r")
        y += 13
    doc.put(300, y, GROSS_LABEL[language], font="Helvetica-Bold")
    doc.put(555, y, fmt(result.gross, language), align="r", font="Helvetica-Bold")
    return result


PLUS_TAX = {"en": "plus {r} VAT", "de": "zzgl. {r} USt.", "fr": "+ TVA {r}", "nl": "+ {r} BTW"}


def plus_tax(rng: random.Random, language: str) -> TaxDoc:
    """ "zzgl. 19 % USt." / "plus 20 % VAT" tax lines, a rate without a space before %."""
    doc = Doc(language)
    rates = _two_rates(rng, language)
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="rate" if len(rates) > 1 else "")
    lines, net, result = _priced(doc, sums)
    rows = [(NET_LABEL[language], net)]
    for rate, _base, amount in lines:
        rows.append((PLUS_TAX[language].format(r=_rate_text(rate, language, rng)), amount))
    rows.append((GROSS_LABEL[language], result.gross))
    _block(doc, y, rows)
    return result


UK_CODES = {"S": ("Standard", Decimal(20)), "R": ("Reduced", Decimal(5)), "Z": ("Zero", Decimal(0))}


def uk_codes(rng: random.Random, language: str) -> TaxDoc:
    """UK VAT invoice: a VAT code per item (S / R / Z) and an analysis "S  Standard 20%  net  VAT"."""
    doc = Doc("en")
    codes = sorted(rng.sample("SRZ", rng.choice([2, 3])), key="SRZ".index)
    rates = [UK_CODES[c][1] for c in codes]
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="code")
    # the drawn table prints A/B/C: overwrite nothing, codes map by position
    lines, net, result = _priced(doc, sums)
    doc.put(40, y, "VAT analysis", font="Helvetica-Bold")
    for x, text in ((200, "Net"), (270, "VAT")):
        doc.put(x, y, text, font="Helvetica-Bold", align="r")
    y0 = y + 13
    for rate, base, amount in lines:
        code = "ABC"[rates.index(rate)]
        name = next(n for n, r in UK_CODES.values() if r == rate)
        doc.put(40, y0, f"{code}  {name} {fmt_qty(rate, 'en')}%")
        doc.put(200, y0, fmt(base, "en"), align="r")
        doc.put(270, y0, fmt(amount, "en"), align="r")
        y0 += 12
    rows = [("Total net", net), ("Total VAT", result.tax), ("Invoice total", result.gross)]
    _block(doc, y, rows)
    return result


SKONTO = {
    "en": [
        "{p} % early payment discount if paid within {d} days: {a} (you pay {r})",
        "Settlement discount {p}% = {a} if paid by 24/03/2024, amount then due {r}",
        "Prompt payment: {p}% of {g} = {a} may be deducted within {d} days",
    ],
    "de": [
        "Bei Zahlung innerhalb {d} Tagen {p} % Skonto = {a} EUR, Zahlbetrag {r} EUR",
        "Zahlbar bis 24.03.2024 abzüglich {p} % Skonto ({a} €): {r} €",
        "{p} % Skonto auf {g} = {a} bei Zahlung binnen {d} Tagen",
    ],
    "fr": [
        "Escompte de {p} % pour paiement sous {d} jours : {a} € soit {r} €",
        "Escompte {p} % : {a} — net à payer après escompte {r}",
        "Escompte pour paiement anticipé {p} % sur {g} : {a}",
    ],
    "nl": [
        "Bij betaling binnen {d} dagen {p}% betalingskorting: {a}, te betalen {r}",
        "Kredietbeperking {p}% = {a} bij betaling binnen {d} dagen ({r})",
        "Betalingskorting {p}% over {g}: {a}",
    ],
}
DEPOSIT_TERMS = {
    "en": "Deposit {p} % of {g} = {a} received with thanks",
    "de": "Anzahlung {p} % von {g} = {a} dankend erhalten",
    "fr": "Acompte de {p} % sur {g} soit {a} reçu",
    "nl": "Aanbetaling {p}% van {g} = {a} ontvangen",
}
INTEREST = {
    "en": "Late payment interest of {p} % per month applies to overdue amounts.",
    "de": "Bei Zahlungsverzug berechnen wir Zinsen von {p} % p.a.",
    "fr": "Pénalités de retard : {p} % par mois de retard.",
    "nl": "Bij te late betaling is {p}% rente per maand verschuldigd.",
}


def payment_terms(rng: random.Random, language: str) -> TaxDoc:
    """Totals with one or two rates, then payment terms holding a percentage and figures that agree with
    it: a cash discount ("2 % Skonto = 12,34"), a deposit of a share of the gross, late interest."""
    doc = Doc(language)
    rates = _two_rates(rng, language)
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="rate" if len(rates) > 1 else "")
    lines, net, result = _priced(doc, sums)
    rows = [(NET_LABEL[language], net)]
    for rate, _, amount in lines:
        rows.append((f"{TAX_NAME[language]} {_rate_text(rate, language, rng)}", amount))
    rows.append((GROSS_LABEL[language], result.gross))
    y = _block(doc, y, rows) + 20
    terms: list[str] = []
    percent = Decimal(rng.choice([2, 3]))
    off = money(result.gross * percent / 100)
    terms.append(
        rng.choice(SKONTO[language]).format(
            p=fmt_qty(percent, language),
            d=rng.choice([8, 10, 14]),
            a=fmt(off, language),
            r=fmt(result.gross - off, language),
            g=fmt(result.gross, language),
        )
    )
    if rng.random() < 0.5:
        share = Decimal(rng.choice([20, 25, 30]))
        terms.append(
            DEPOSIT_TERMS[language].format(
                p=fmt_qty(share, language),
                g=fmt(result.gross, language),
                a=fmt(money(result.gross * share / 100), language),
            )
        )
    if rng.random() < 0.5:
        terms.append(INTEREST[language].format(p=fmt(Decimal(rng.choice(["1.5", "9", "12"])), language, 1)))
    rng.shuffle(terms)
    for text in terms:
        doc.put(40, y, text)
        y += 13
    return result


DISCOUNT_BASE = {
    "en": "Discount {p} % on {b}",
    "de": "Rabatt {p} % auf {b}",
    "fr": "Remise {p} % sur {b}",
    "nl": "Korting {p}% over {b}",
}


def discount_on_base(rng: random.Random, language: str) -> TaxDoc:
    """A discount worded like a tax line ("Rabatt 5 % auf 1.234,00  -61,70") above the net and the tax."""
    doc = Doc(language)
    rate = RATES[language][0]
    y, sums, _ = _items(doc, rng, _head(doc, rng), [rate])
    items = sum(sums.values(), Decimal(0))
    percent = Decimal(rng.choice([3, 5, 10, 15]))
    off = money(items * percent / 100)
    net = items - off
    amount = money(net * rate / 100)
    result = _finish(doc, [(rate, net, amount)], net)
    shown = -off if rng.random() < 0.6 else off
    rows = [
        (LABELS[language]["amount"], items),
        (DISCOUNT_BASE[language].format(p=_rate_text(percent, language, rng), b=fmt(items, language)), shown),
        (NET_LABEL[language], net),
        (f"{TAX_NAME[language]} {_rate_text(rate, language, rng)}", amount),
        (GROSS_LABEL[language], result.gross),
    ]
    _block(doc, y, rows, x_label=280)
    return result


ROW_TAX_HEAD = {
    "en": ("Description", "Qty", "Net amount", "VAT rate", "VAT", "Total incl. VAT"),
    "de": ("Artikel", "Menge", "Netto", "USt.-Satz", "USt.", "Brutto"),
    "fr": ("Article", "Qté", "Montant HT", "Taux TVA", "TVA", "Total TTC"),
    "nl": ("Artikel", "Aantal", "Netto", "BTW-tarief", "BTW", "Totaal incl."),
}


def row_tax(rng: random.Random, language: str) -> TaxDoc:
    """Marketplace order: every item row prints its net, rate, tax and gross; one or two rates; totals
    net, tax, gross, optionally with a VAT summary per rate."""
    doc = Doc(language)
    y = _head(doc, rng)
    rates = _two_rates(rng, language)
    head = ROW_TAX_HEAD[language]
    xs = [(40, "l"), (250, "r"), (320, "r"), (385, "r"), (450, "r"), (555, "r")]
    for (x, align), text in zip(xs, head, strict=True):
        doc.put(x, y, text, font="Helvetica-Bold", align=align)
    y += 16
    sums: dict[Decimal, list[Decimal]] = {}
    for _ in range(rng.randint(2, 6)):
        rate = rng.choice(rates)
        text = _article(rng, language)
        quantity, price = _quantity(rng), _price(rng)
        amount = money(quantity * price)
        row_tax_amount = money(amount * rate / 100)
        cells = [
            text,
            fmt_qty(quantity, language),
            fmt(amount, language),
            _rate_text(rate, language, rng),
            fmt(row_tax_amount, language),
            fmt(amount + row_tax_amount, language),
        ]
        for (x, align), cell in zip(xs, cells, strict=True):
            doc.put(x, y, cell, align=align)
        doc.expected.append((text, quantity, None, amount))
        sums.setdefault(rate, [Decimal(0), Decimal(0)])
        sums[rate][0] += amount
        sums[rate][1] += row_tax_amount
        y += 13
    doc.rule(40, y, 555)
    y += 12
    lines: list[TaxKey] = [(r, b, a) for r, (b, a) in sums.items()]
    net = sum((b for b, _ in sums.values()), Decimal(0))
    result = _finish(doc, lines, net)
    lab = LABELS[language]
    rows = [(lab["net"], net)]
    if len(lines) > 1 and rng.random() < 0.5:
        for rate, _, amount in lines:
            rows.append((f"{TAX_NAME[language]} {_rate_text(rate, language, rng)}", amount))
    else:
        rows.append((TAX_NAME[language], result.tax))
    rows.append((lab["total"], result.gross))
    _block(doc, y, rows)
    return result


def gst_columns(rng: random.Random, language: str) -> TaxDoc:
    """Indian tax invoice: taxable value, CGST rate and amount, SGST rate and amount per row; the totals
    repeat CGST and SGST once each."""
    doc = Doc("en")
    y = _head(doc, rng)
    rate = Decimal(rng.choice([5, 12, 18, 28]))
    half = rate / 2
    head = ["Item", "Qty", "Taxable", "CGST %", "CGST", "SGST %", "SGST", "Total"]
    xs = [(40, "l"), (200, "r"), (265, "r"), (310, "r"), (365, "r"), (410, "r"), (465, "r"), (555, "r")]
    for (x, align), text in zip(xs, head, strict=True):
        doc.put(x, y, text, font="Helvetica-Bold", align=align)
    y += 16
    net = cgst = Decimal(0)
    for _ in range(rng.randint(2, 5)):
        text = _article(rng, "en")
        quantity, price = _quantity(rng), Decimal(rng.randint(1500, 900000)) / 100
        amount = money(quantity * price)
        part = money(amount * half / 100)
        cells = [
            text,
            fmt_qty(quantity, "en"),
            fmt(amount, "en"),
            fmt_qty(half, "en") + "%",
            fmt(part, "en"),
            fmt_qty(half, "en") + "%",
            fmt(part, "en"),
            fmt(amount + 2 * part, "en"),
        ]
        for (x, align), cell in zip(xs, cells, strict=True):
            doc.put(x, y, cell, align=align, size=7.5)
        doc.expected.append((text, quantity, None, amount))
        net += amount
        cgst += part
        y += 13
    doc.rule(40, y, 555)
    y += 12
    lines: list[TaxKey] = [(half, net, cgst), (half, net, cgst)]
    result = _finish(doc, lines, net)
    rows = [
        ("Taxable Amount", net),
        (f"CGST {fmt_qty(half, 'en')}%", cgst),
        (f"SGST {fmt_qty(half, 'en')}%", cgst),
        ("Grand Total", result.gross),
    ]
    _block(doc, y, rows)
    return result


def two_pages(rng: random.Random, language: str) -> TaxDoc:
    """Items over two pages with a carried sum; page 2 prints the totals with tax lines without their
    bases and, in half the documents, a VAT summary with bases under them."""
    doc = Doc(language)
    rates = _two_rates(rng, language)
    y, sums1, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="rate" if len(rates) > 1 else "")
    lab = LABELS[language]
    carried = sum(sums1.values(), Decimal(0))
    doc.put(340, y, lab["carried"])
    doc.put(555, y, fmt(carried, language), align="r")
    doc.new_page()
    doc.put(40, 40, f"{lab['page']} 2", size=8)
    doc.put(340, 70, lab["brought"])
    doc.put(555, 70, fmt(carried, language), align="r")
    y, sums2, _ = _items(doc, rng, 90, rates, rate_column="rate" if len(rates) > 1 else "")
    sums = {r: sums1.get(r, Decimal(0)) + sums2.get(r, Decimal(0)) for r in {*sums1, *sums2}}
    lines, net, result = _priced(doc, sums)
    rows = [(NET_LABEL[language], net)]
    for rate, _, amount in lines:
        rows.append((f"{TAX_NAME[language]} {_rate_text(rate, language, rng)}", amount))
    rows.append((GROSS_LABEL[language], result.gross))
    y = _block(doc, y, rows) + 16
    if rng.random() < 0.5:
        head = TABLE_HEAD[language]
        for x, key in ((110, "rate"), (200, "net"), (290, "vat")):
            doc.put(x, y, head[key], font="Helvetica-Bold", align="r")
        y += 13
        for rate, base, amount in lines:
            for x, cell in (
                (110, _rate_text(rate, language, rng)),
                (200, fmt(base, language)),
                (290, fmt(amount, language)),
            ):
                doc.put(x, y, cell, align="r")
            y += 12
    return result


OTHER_TAX_NAME = {
    "en": ["Tax", "VAT"],
    "de": ["USt.", "Umsatzsteuer"],
    "fr": ["Taxe", "TVA"],
    "nl": ["Omzetbelasting", "BTW"],
}


def named_twice(rng: random.Random, language: str) -> TaxDoc:
    """The totals block names each rate's tax one way ("MwSt. 19 %  19,00"), a summary under it another
    way ("USt. 19 %  100,00  19,00"): the same taxes, printed twice under two names."""
    doc = Doc(language)
    rates = _two_rates(rng, language)
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="rate" if len(rates) > 1 else "")
    lines, net, result = _priced(doc, sums)
    rows = [(NET_LABEL[language], net)]
    for rate, _, amount in lines:
        rows.append((f"{TAX_NAME[language]} {_rate_text(rate, language, rng)}", amount))
    rows.append((GROSS_LABEL[language], result.gross))
    y = _block(doc, y, rows) + 16
    other = rng.choice(OTHER_TAX_NAME[language])
    for rate, base, amount in lines:
        doc.put(40, y, f"{other} {_rate_text(rate, language, rng)}")
        doc.put(200, y, fmt(base, language), align="r")
        doc.put(280, y, fmt(amount, language), align="r")
        y += 12
    return result


SECTION_HEADS = {
    "en": ["Delivery note {n} of 0{d}/03/2024", "Order {n}", "Site visit {n}"],
    "de": ["Lieferschein {n} vom 0{d}.03.2024", "Auftrag {n}", "Einsatz {n}"],
    "fr": ["Bon de livraison {n} du 0{d}/03/2024", "Commande {n}", "Intervention {n}"],
    "nl": ["Pakbon {n} van 0{d}-03-2024", "Order {n}", "Bezoek {n}"],
}
SECTION_TOTAL = {"en": "Total VAT", "de": "Summe MwSt.", "fr": "Total TVA", "nl": "Totaal BTW"}


def section_taxes(rng: random.Random, language: str) -> TaxDoc:
    """Items grouped by delivery note or order, each group with its own net and tax (and sometimes gross),
    then the invoice's net, tax and gross: the tax is printed per group and for the whole."""
    doc = Doc(language)
    y = _head(doc, rng)
    lab = LABELS[language]
    rate = RATES[language][0]
    for x, text, align in (
        (40, lab["desc"], "l"),
        (320, lab["qty"], "r"),
        (400, lab["price"], "r"),
        (555, lab["amount"], "r"),
    ):
        doc.put(x, y, text, font="Helvetica-Bold", align=align)
    doc.rule(40, y + 11, 555)
    y += 20
    net = Decimal(0)
    parts = Decimal(0)
    with_gross = rng.random() < 0.4
    heading = rng.choice(SECTION_HEADS[language])
    for _ in range(rng.randint(2, 3)):
        doc.put(40, y, heading.format(n=rng.randint(4000, 4999), d=rng.randint(1, 9)), font="Helvetica-Bold")
        y += 13
        section = Decimal(0)
        for _ in range(rng.randint(1, 3)):
            text = _article(rng, language)
            quantity, price = _quantity(rng), _price(rng)
            amount = money(quantity * price)
            doc.put(40, y, text)
            doc.put(320, y, fmt_qty(quantity, language), align="r")
            doc.put(400, y, fmt(price, language), align="r")
            doc.put(555, y, fmt(amount, language), align="r")
            doc.expected.append((text, quantity, price, amount))
            section += amount
            y += 13
        tax = money(section * rate / 100)
        parts += tax
        rows = [(lab["net"], section), (f"{TAX_NAME[language]} {_rate_text(rate, language, rng)}", tax)]
        if with_gross:
            rows.append((lab["total"], section + tax))
        y = _block(doc, y + 2, rows) + 8
        net += section
    doc.rule(300, y, 555)
    y += 8
    result = _finish(doc, [(rate, net, parts)], net)
    _block(
        doc,
        y,
        [
            (NET_LABEL[language], net),
            (f"{SECTION_TOTAL[language]} {_rate_text(rate, language, rng)}", parts),
            (GROSS_LABEL[language], result.gross),
        ],
    )
    return result


SERVICE = {
    "en": "Service charge {p}% on {b}",
    "de": "Servicezuschlag {p} % auf {b}",
    "fr": "Majoration service {p} % sur {b}",
    "nl": "Servicetoeslag {p}% over {b}",
}


def service_charge(rng: random.Random, language: str) -> TaxDoc:
    """A hotel or restaurant bill: a service charge worded like a tax line ("Service charge 10% on
    120.00  12.00") is part of the net; the tax is levied on the subtotal with it."""
    doc = Doc(language)
    rate = RATES[language][1]
    y, sums, _ = _items(doc, rng, _head(doc, rng), [rate])
    items = sum(sums.values(), Decimal(0))
    percent = Decimal(rng.choice([5, 10, 12, 15]))
    charge = money(items * percent / 100)
    net = items + charge
    amount = money(net * rate / 100)
    result = _finish(doc, [(rate, net, amount)], net)
    rate_s = _rate_text(rate, language, rng)
    rows = [
        (NET_LABEL[language], items),
        (SERVICE[language].format(p=fmt_qty(percent, language), b=fmt(items, language)), charge),
        (f"{TAX_NAME[language]} {rate_s} {rng.choice(ON_BASE[language])} {fmt(net, language)}", amount),
        (GROSS_LABEL[language], result.gross),
    ]
    _block(doc, y, rows, x_label=260)
    return result


# Charges printed with their own percentage, in words no list of ours holds: a fee is no tax, and the tax
# is levied on the net with it.
PERCENT_CHARGE = {
    "en": ["Handling fee {p}% of {b}", "Admin charge {p} % on {b}", "Brokerage {p}% of {b}"],
    "de": [
        "Bearbeitungsgebühr {p} % von {b}",
        "Provision {p} % auf {b}",
        "Verpackungspauschale {p} % von {b}",
    ],
    "fr": ["Frais de dossier {p} % sur {b}", "Frais de gestion {p} % sur {b}", "Courtage {p} % sur {b}"],
    "nl": ["Administratiekosten {p}% over {b}", "Behandelingskosten {p} % van {b}", "Courtage {p}% over {b}"],
}


def percent_charge(rng: random.Random, language: str) -> TaxDoc:
    """A fee worded like a tax line ("Bearbeitungsgebühr 3 % von 1.000,00  30,00") added to the items,
    then the net with it and one tax line: with its base ("MwSt. 19 % von 1.030,00") or without."""
    doc = Doc(language)
    rate = RATES[language][0]
    y, sums, _ = _items(doc, rng, _head(doc, rng), [rate])
    items = sum(sums.values(), Decimal(0))
    percent = Decimal(rng.choice([2, 3, 4, 6, 8]))
    charge = money(items * percent / 100)
    net = items + charge
    amount = money(net * rate / 100)
    result = _finish(doc, [(rate, net, amount)], net)
    rate_s = _rate_text(rate, language, rng)
    fee = rng.choice(PERCENT_CHARGE[language]).format(p=fmt_qty(percent, language), b=fmt(items, language))
    rows = [(fee, charge)]
    if rng.random() < 0.5:
        rows.append(
            (f"{TAX_NAME[language]} {rate_s} {rng.choice(ON_BASE[language])} {fmt(net, language)}", amount)
        )
    else:
        rows += [(NET_LABEL[language], net), (f"{TAX_NAME[language]} {rate_s}", amount)]
    rows.append((GROSS_LABEL[language], result.gross))
    _block(doc, y, rows, x_label=260)
    return result


BREAKDOWN_HEAD = {
    "en": ("Tax (category)", "Goods", "Charges", "Taxable amount", "VAT %", "VAT amount"),
    "de": ("Art (Kategorie)", "Warenwert", "Zu-/Abschlag", "Basisbetrag", "USt. %", "USt.-Betrag"),
    "fr": ("Taxe (catégorie)", "Marchandises", "Frais", "Base HT", "TVA %", "Montant TVA"),
    "nl": ("Belasting (categorie)", "Goederen", "Toeslag", "Grondslag", "BTW %", "BTW-bedrag"),
}
ROW_TAX_NAME = {"en": "VAT (S)", "de": "Umsatzsteuer (S)", "fr": "TVA (S)", "nl": "BTW (S)"}


def breakdown_last_page(rng: random.Random, language: str) -> TaxDoc:
    """An e-invoice viewer's layout: page 1 lists the items and a freight charge that names its rate and
    tax ("Freight  19 % VAT  3,00"), no totals; the last page alone prints the breakdown, each row
    starting with the tax's name, its rate a bare number right-aligned under a head set flush left
    ("USt. %"), then the totals."""
    doc = Doc(language)
    rates = _several_rates(rng, language)
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="rate")
    freight_rate = rates[0]
    freight = Decimal(rng.choice(["3.00", "4.90", "12.50"]))
    doc.put(40, y, SHIPPING[language])
    doc.put(480, y, fmt(freight, language), align="r")
    doc.put(555, y, f"{fmt_qty(freight_rate, language)} % {TAX_NAME[language]}", align="r")
    doc.new_page()
    charges = {rate: freight if rate == freight_rate else Decimal(0) for rate in sums}
    lines = _expected({rate: base + charges[rate] for rate, base in sums.items()})
    result = _finish(doc, lines, sum(b for _, b, _ in lines))
    lefts = (40, 150, 230, 300, 410, 485)
    for x, text in zip(lefts, BREAKDOWN_HEAD[language], strict=True):
        doc.put(x, 40, text, font="Helvetica-Bold")
    y = 56
    for rate, base, amount in lines:
        cells = (fmt(base - charges[rate], language), fmt(charges[rate], language), fmt(base, language))
        doc.put(40, y, ROW_TAX_NAME[language])
        for x, cell in zip((200, 280, 380), cells, strict=True):
            doc.put(x, y, cell, align="r")
        doc.put(466, y, fmt_qty(rate, language), align="r")
        doc.put(550, y, fmt(amount, language), align="r")
        y += 14
    lab = LABELS[language]
    _block(
        doc,
        y + 20,
        [(lab["net"], result.net), (TAX_NAME[language], result.tax), (lab["total"], result.gross)],
    )
    return result


RESTATED = {
    "en": "{tax} {r} in {cur}: {a} {cur} (exchange rate 1 {doc} = {x} {cur})",
    "de": "Steuerbetrag in {cur}: {r} von {b} {cur} = {a} {cur} (Kurs 1 {doc} = {x} {cur})",
    "fr": "{tax} {r} en {cur} : {a} {cur} (taux de change 1 {doc} = {x} {cur})",
    "nl": "{tax} {r} in {cur}: {a} {cur} (koers 1 {doc} = {x} {cur})",
}


def restated_currency(rng: random.Random, language: str) -> TaxDoc:
    """An invoice in a foreign currency that restates its tax in the seller's currency under the totals,
    as the law asks ("VAT 20 % in GBP: 171.60 GBP (1 EUR = 0.858 GBP)")."""
    doc = Doc(language)
    rates = _two_rates(rng, language)[:1]
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates)
    lines, net, result = _priced(doc, sums)
    currency, home = rng.choice([("USD", "EUR"), ("CHF", "EUR"), ("EUR", "GBP"), ("USD", "GBP")])
    if language == "en" and home == "EUR":
        home = "GBP"
    rows = [(NET_LABEL[language], net)]
    rate, _, amount = lines[0]
    rows.append((f"{TAX_NAME[language]} {_rate_text(rate, language, rng)}", amount))
    rows.append((GROSS_LABEL[language], result.gross))
    for label, value in rows:
        doc.put(320, y, label)
        doc.put(555, y, f"{fmt(value, language)} {currency}", align="r")
        y += 14
    factor = Decimal(rng.choice(["0.858", "1.0732", "0.9214", "1.1655"]))
    doc.put(
        40,
        y + 16,
        RESTATED[language].format(
            tax=TAX_NAME[language],
            r=_rate_text(rate, language, rng),
            cur=home,
            doc=currency,
            x=fmt(factor, language, 4),
            b=fmt(money(net * factor), language),
            a=fmt(money(amount * factor), language),
        ),
    )
    return result


STACKED = {
    "en": ("VAT breakdown", "VAT category code:", "Taxable amount:", "VAT rate:", "VAT amount:"),
    "de": (
        "Aufschlüsselung der Umsatzsteuer",
        "Umsatzsteuerkategorie:",
        "Gesamtsumme:",
        "Umsatzsteuersatz:",
        "Umsatzsteuerbetrag:",
    ),
    "fr": (
        "Ventilation de la TVA",
        "Catégorie de TVA :",
        "Base imposable :",
        "Taux de TVA :",
        "Montant de TVA :",
    ),
    "nl": ("Uitsplitsing btw", "Btw-categorie:", "Grondslag:", "Btw-tarief:", "Btw-bedrag:"),
}
STACKED_TOTALS = {
    "en": ("Total without VAT", "Total VAT amount", "Total with VAT"),
    "de": ("Gesamtbetrag ohne Umsatzsteuer", "Summe Umsatzsteuer", "Gesamtbetrag mit Umsatzsteuer"),
    "fr": ("Total HT", "Montant total de la TVA", "Total TTC"),
    "nl": ("Totaal excl. btw", "Totaal btw", "Totaal incl. btw"),
}


def stacked_breakdown(rng: random.Random, language: str) -> TaxDoc:
    """An e-invoice viewer's page: totals as labelled fields, then the tax breakdown per rate as fields
    one under the other (category, taxable amount, rate, tax amount), blocks apart or back to back."""
    doc = Doc(language)
    rates = _two_rates(rng, language, zero=True)
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="rate" if len(rates) > 1 else "")
    lines, net, result = _priced(doc, sums)
    y += 10
    for label, value in zip(STACKED_TOTALS[language], (net, result.tax, result.gross), strict=True):
        doc.put(40, y, label)
        doc.put(330, y, fmt(value, language), align="r")
        y += 13
    title, category, base_label, rate_label, amount_label = STACKED[language]
    y += 14
    doc.put(40, y, title, font="Helvetica-Bold")
    y += 16
    apart = rng.random() < 0.5
    order = rng.choice([("base", "rate", "amount"), ("rate", "base", "amount")])
    for rate, base, amount in lines:
        fields = {
            "base": (base_label, fmt(base, language)),
            "rate": (rate_label, fmt(rate, language) + " %"),
            "amount": (amount_label, fmt(amount, language)),
        }
        doc.put(40, y, category)
        doc.put(250, y, "S" if rate else "Z")
        y += 13
        for key in order:
            label, value = fields[key]
            doc.put(40, y, label)
            doc.put(330, y, value, align="r")
            y += 13
        y += 13 if apart else 0
    return result


def summary_next_page(rng: random.Random, language: str) -> TaxDoc:
    """Page 1: items and totals with one tax line per rate, no bases; page 2: the VAT summary with the
    bases (and the terms), as long invoices of ERP systems print it."""
    doc = Doc(language)
    rates = _several_rates(rng, language)
    y, sums, _ = _items(doc, rng, _head(doc, rng), rates, rate_column="code")
    lines, net, result = _priced(doc, sums)
    rows = [(NET_LABEL[language], net)]
    for rate, _, amount in lines:
        rows.append((f"{TAX_NAME[language]} {_rate_text(rate, language, rng)}", amount))
    rows.append((GROSS_LABEL[language], result.gross))
    _block(doc, y, rows)
    doc.new_page()
    doc.put(40, 40, LABELS[language]["summary"], font="Helvetica-Bold")
    head = TABLE_HEAD[language]
    for x, key in ((60, "code"), (150, "rate"), (250, "net"), (340, "vat")):
        doc.put(x, 60, head[key], font="Helvetica-Bold", align="r")
    y = 73
    for rate, base, amount in lines:
        cells = (
            (60, "ABC"[rates.index(rate)]),
            (150, _rate_text(rate, language, rng)),
            (250, fmt(base, language)),
            (340, fmt(amount, language)),
        )
        for x, cell in cells:
            doc.put(x, y, cell, align="r")
        y += 12
    doc.put(40, y + 20, rng.choice(list(INTEREST.values())).format(p="9"))
    return result


def idle_rates(rng: random.Random, language: str) -> TaxDoc:
    """A template that lists every rate it knows in the totals, the unused ones with 0.00."""
    doc = Doc(language)
    used = [RATES[language][0]]
    y, sums, _ = _items(doc, rng, _head(doc, rng), used)
    lines, net, result = _priced(doc, sums)
    rows = [(NET_LABEL[language], net)]
    for rate in RATES[language]:
        amount = next((a for r, _, a in lines if r == rate), Decimal(0))
        rows.append((f"{TAX_NAME[language]} {_rate_text(rate, language, rng)}", amount))
    rows.append((GROSS_LABEL[language], result.gross))
    _block(doc, y, rows)
    return result


PAGE_SUM = {"en": "Page total", "de": "Seitensumme", "fr": "Total page", "nl": "Paginatotaal"}


def page_tax_subtotals(rng: random.Random, language: str) -> TaxDoc:
    """Items over two pages, each page closing with its own net, tax and gross; the last page then
    prints the invoice's totals: the tax appears per page and for the whole."""
    doc = Doc(language)
    rate = RATES[language][0]
    y, sums1, _ = _items(doc, rng, _head(doc, rng), [rate])
    first = sum(sums1.values(), Decimal(0))
    tax1 = money(first * rate / 100)
    rate_s = _rate_text(rate, language, rng)
    _block(doc, y, [(PAGE_SUM[language], first), (f"{TAX_NAME[language]} {rate_s}", tax1)])
    doc.new_page()
    y, sums2, _ = _items(doc, rng, 60, [rate])
    second = sum(sums2.values(), Decimal(0))
    tax2 = money(second * rate / 100)
    y = _block(doc, y, [(PAGE_SUM[language], second), (f"{TAX_NAME[language]} {rate_s}", tax2)]) + 14
    net = first + second
    tax = tax1 + tax2
    result = TaxDoc(doc, [(rate, net, tax)], net, tax, net + tax)
    _block(doc, y, [(NET_LABEL[language], net), (f"{SECTION_TOTAL[language]} {rate_s}", tax),
                    (GROSS_LABEL[language], net + tax)])  # fmt: skip
    return result


FREIGHT = {"en": "freight", "de": "Fracht", "fr": "port", "nl": "vracht"}
GOODS = {"en": "goods", "de": "Waren", "fr": "marchandises", "nl": "goederen"}


def split_same_rate(rng: random.Random, language: str) -> TaxDoc:
    """Goods and freight taxed at one rate on two lines of their own ("VAT 20 % goods on 1,000.00
    200.00 / VAT 20 % freight on 50.00  10.00"): one tax line of that rate, as an e-invoice reports it."""
    doc = Doc(language)
    rate = RATES[language][0]
    y, sums, _ = _items(doc, rng, _head(doc, rng), [rate])
    goods = sum(sums.values(), Decimal(0))
    freight = Decimal(rng.randint(900, 9900)) / 100
    net = goods + freight
    tax_goods, tax_freight = money(goods * rate / 100), money(freight * rate / 100)
    tax = tax_goods + tax_freight
    word = rng.choice(ON_BASE[language])
    rate_s = _rate_text(rate, language, rng)
    rows = [
        (NET_LABEL[language], goods),
        (SHIPPING[language], freight),
        (f"{TAX_NAME[language]} {rate_s} {GOODS[language]} {word} {fmt(goods, language)}", tax_goods),
        (f"{TAX_NAME[language]} {rate_s} {FREIGHT[language]} {word} {fmt(freight, language)}", tax_freight),
        (GROSS_LABEL[language], net + tax),
    ]
    _block(doc, y, rows, x_label=260)
    return TaxDoc(doc, [(rate, net, tax)], net, tax, net + tax)


DESIGNS: dict[str, Callable[[random.Random, str], TaxDoc]] = {
    "vat_table": vat_table,
    "rate_on_base": rate_on_base,
    "net_per_rate": net_per_rate,
    "item_rates": item_rates,
    "exempt_row": exempt_row,
    "india_gst": india_gst,
    "us_sales_tax": us_sales_tax,
    "included_tax": included_tax,
    "shipping_discount": shipping_discount,
    "tax_column": tax_column,
    "side_by_side": side_by_side,
    "saas_receipt": saas_receipt,
    "hotel_included": hotel_included,
    "two_column_block": two_column_block,
    "plus_tax": plus_tax,
    "uk_codes": uk_codes,
    "payment_terms": payment_terms,
    "discount_on_base": discount_on_base,
    "row_tax": row_tax,
    "gst_columns": gst_columns,
    "two_pages": two_pages,
    "named_twice": named_twice,
    "section_taxes": section_taxes,
    "service_charge": service_charge,
    "restated_currency": restated_currency,
    "stacked_breakdown": stacked_breakdown,
    "summary_next_page": summary_next_page,
    "idle_rates": idle_rates,
    "page_tax_subtotals": page_tax_subtotals,
    "split_same_rate": split_same_rate,
    "percent_charge": percent_charge,
    "breakdown_last_page": breakdown_last_page,
}


def build(design: str, seed: int) -> TaxDoc:
    rng = random.Random(f"tax-{design}-{seed}")
    return DESIGNS[design](rng, rng.choice(sorted(LABELS)))


def _same_item(expected: Row, got: Row) -> bool:
    return (
        " ".join(expected[0].split()).casefold() == " ".join(got[0].split()).casefold()
        and expected[1:] == got[1:]
    )


def _key(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.normalize()


def measure(
    design: str, documents: int, seed: int, show: int, builder: Callable[[str, int], TaxDoc] = build
) -> tuple[Counter[str], int]:
    right: Counter[str] = Counter()
    for n in range(documents):
        expected = builder(design, seed * 1000 + n)
        invoice = extract_invoice(expected.doc.pdf(), filename=f"{design}.pdf", ocr=OcrMode.NEVER)
        got = Counter((_key(t.rate), _key(t.base), _key(t.amount)) for t in invoice.tax_lines)
        want = Counter((_key(r), _key(b), _key(a)) for r, b, a in expected.tax_lines)
        checks = {
            "tax_lines": got == want,
            "net": invoice.totals.net == expected.net,
            "tax": invoice.totals.tax == expected.tax,
            "gross": invoice.totals.gross == expected.gross,
        }
        right.update(name for name, ok in checks.items() if ok)
        got_items = [(i.description, i.quantity, i.unit_price, i.amount) for i in invoice.line_items]
        items_right = sum(_same_item(e, g) for e, g in zip(expected.doc.expected, got_items, strict=False))
        right["items"] += items_right
        right["items_total"] += len(expected.doc.expected)
        if show and items_right < len(expected.doc.expected):
            print(f"  {design} {seed * 1000 + n}: items {items_right}/{len(expected.doc.expected)}")
            for e, g in itertools.zip_longest(expected.doc.expected, got_items):
                if e is None or g is None or not _same_item(e, g):
                    print(f"    expected {e}\n    got      {g}")
        if show and not all(checks.values()):
            show -= 1
            print(f"  {design} {seed * 1000 + n} ({expected.doc.language}):")
            print(f"    tax lines expected {sorted(want.elements(), key=str)}")
            print(f"              got      {sorted(got.elements(), key=str)}")
            print(
                f"    net {invoice.totals.net} / {expected.net}  tax {invoice.totals.tax} / {expected.tax}"
                f"  gross {invoice.totals.gross} / {expected.gross}"
            )
    return right, documents


def report(
    designs: list[str],
    args: argparse.Namespace,
    builder: Callable[[str, int], TaxDoc] = build,
    width: int = 18,
) -> None:
    """Measure ``designs`` (``args``: ``design_arguments``) and print a row of right answers per design
    (names in ``width`` columns) and the overall shares."""
    documents, seed, show = args.documents, args.seed, args.show
    totals: Counter[str] = Counter()
    measured = 0
    heads = f"{'tax_lines':>9} {'net':>5} {'tax':>5} {'gross':>5} {'items':>9}"
    print(f"{'design':<{width}} {heads}   (seed {seed})")
    for design in designs:
        right, count = measure(design, documents, seed, show, builder=builder)
        totals.update(right)
        measured += count
        figures = " ".join(
            f"{right[k]:>{w}}" for k, w in (("tax_lines", 9), ("net", 5), ("tax", 5), ("gross", 5))
        )
        items = f"{right['items']}/{right['items_total']}"
        print(f"{design:<{width}} {figures} {items:>9}   /{count}")
    print(
        "all: "
        + ", ".join(f"{k} {100 * totals[k] / measured:.1f} %" for k in ("tax_lines", "net", "tax", "gross"))
        + f", items {100 * totals['items'] / max(1, totals['items_total']):.1f} %"
        + f"  ({measured} documents)"
    )


def main(argv: list[str] | None = None) -> int:
    args, designs = design_arguments(__doc__, DESIGNS, 6, "PDFs per design", argv)
    report(designs, args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
