"""Tax summaries as real invoices print them, beside the designs of ``invented_taxes.py``, as real PDFs.

    python benchmarks/invented_tax_summaries.py [--documents 18] [--seed 0] [--only design,...] [--show N]

What ``invented_taxes.py`` does not draw, in nine languages (English, German, French, Dutch, Spanish,
Italian, Portuguese, Polish, Swedish) with their rates and wordings: a rate column per item whose rates
the summary repeats with their bases, an exempt 0 % row beside a taxed one (the exempt base is a tax line
of its own) or an idle 0 % row with nothing on it (no tax line), a summary table with a total row (also
for one rate), the whole tax summary repeated on a continuation page, a net invoice whose totals add
"Total incl. VAT" and "of which VAT 20 %" restating the tax, rate tables with a base and a gross column
in either order, and an invoice with one rate printed three times (item column, totals line, summary).
Each invoice has exactly the tax lines it taxes: a rate with a base and an amount once. Names, wording
and figures are our own. Scores as ``invented_taxes.py``: tax_lines (equal as a multiset of (rate, base,
amount)), totals net, tax and gross, and items by position.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from invented_cli import design_arguments
from invented_dates import ARTICLES, BOLD, FONT, ITEM_HEAD, fmt_money
from invented_taxes import TaxDoc, TaxKey, report
from item_families import Doc, fmt, fmt_qty, money

LANGUAGES = ["en", "de", "fr", "nl", "es", "it", "pt", "pl", "sv"]
TAX = {"en": "VAT", "de": "MwSt.", "fr": "TVA", "nl": "BTW", "es": "IVA", "it": "IVA", "pt": "IVA",
       "pl": "VAT",
       "sv": "Moms"}  # fmt: skip
RATES = {
    "en": ["20", "5"], "de": ["19", "7"], "fr": ["20", "10", "5.5"], "nl": ["21", "9"], "es": ["21",
           "10", "4"],
    "it": ["22", "10", "4"], "pt": ["23", "13", "6"], "pl": ["23", "8", "5"], "sv": ["25", "12", "6"],
}  # fmt: skip
# Summary table heads: rate, base, tax, gross, the total row's word.
HEAD = {
    "en": ("VAT rate", "Net amount", "VAT", "Gross", "Total"),
    "de": ("MwSt.-Satz", "Nettobetrag", "MwSt.", "Brutto", "Summe"),
    "fr": ("Taux TVA", "Base HT", "Montant TVA", "TTC", "Total"),
    "nl": ("BTW %", "Grondslag", "BTW-bedrag", "Totaal incl.", "Totaal"),
    "es": ("Tipo IVA", "Base imponible", "Cuota IVA", "Total", "Totales"),
    "it": ("Aliquota", "Imponibile", "Imposta", "Totale", "Totale"),
    "pt": ("Taxa IVA", "Incidência", "Valor IVA", "Total", "Total"),
    "pl": ("Stawka VAT", "Wartość netto", "Kwota VAT", "Wartość brutto", "Razem"),
    "sv": ("Momssats", "Underlag", "Moms", "Brutto", "Summa"),
}
# Totals block: net, the tax total, gross; "incl." gross; "of which" the tax.
TOTALS = {
    "en": ("Net total", "Total VAT", "Total due", "Total incl. VAT", "of which VAT {r}"),
    "de": ("Nettobetrag", "Summe MwSt.", "Gesamtbetrag", "Gesamt inkl. MwSt.", "darin enthalten {r} MwSt."),
    "fr": ("Total HT", "Total TVA", "Net à payer", "Total TTC", "dont TVA {r}"),
    "nl": ("Totaal excl. BTW", "Totaal BTW", "Te betalen", "Totaal incl. BTW", "waarvan BTW {r}"),
    "es": ("Base imponible", "Total IVA", "Total factura", "Total IVA incluido", "del cual IVA {r}"),
    "it": ("Totale imponibile", "Totale IVA", "Totale documento", "Totale IVA inclusa", "di cui IVA {r}"),
    "pt": ("Total ilíquido", "Total IVA", "Total a pagar", "Total com IVA", "do qual IVA {r}"),
    "pl": ("Razem netto", "Razem VAT", "Do zapłaty", "Razem brutto", "w tym VAT {r}"),
    "sv": ("Summa exkl. moms", "Summa moms", "Att betala", "Summa inkl. moms", "varav moms {r}"),
}
EXEMPT = {"en": "exempt", "de": "steuerfrei", "fr": "exonéré", "nl": "vrijgesteld", "es": "exento",
          "it": "esente art. 10", "pt": "isento", "pl": "zw", "sv": "momsfri"}  # fmt: skip
SUMMARY = {"en": "VAT summary", "de": "Steuerübersicht", "fr": "Récapitulatif TVA", "nl": "BTW-overzicht",
           "es": "Resumen de IVA", "it": "Riepilogo IVA", "pt": "Resumo do IVA", "pl": "Podsumowanie VAT",
           "sv": "Momsspecifikation"}  # fmt: skip
PAGE = {"en": "Page {n} of 2", "de": "Seite {n} von 2", "fr": "Page {n}/2", "nl": "Pagina {n} van 2",
        "es": "Página {n} de 2", "it": "Pagina {n} di 2", "pt": "Página {n} de 2", "pl": "Strona {n} z 2",
        "sv": "Sida {n} av 2"}  # fmt: skip
TAXES_HEAD = {"en": "Taxes", "de": "Steuer", "fr": "Taxes", "nl": "Btw", "es": "Impuestos", "it": "IVA",
              "pt": "Impostos", "pl": "VAT", "sv": "Moms"}  # fmt: skip
# A tax's name as ERP systems print it per item and in their summaries ({r}: the rate).
TAX_NAMES = {
    "en": ["VAT {r}", "Tax {r}", "{r} VAT"], "de": ["{r} USt.", "MwSt. {r}", "USt {r}"],
    "fr": ["TVA {r}", "TVA collectée {r}", "TVA {r} (vente)"], "nl": ["BTW {r}", "{r} BTW hoog"],
    "es": ["IVA {r} (Bienes)", "IVA {r}", "IVA {r} (Servicios)"], "it": ["IVA {r}", "{r} IVA"],
    "pt": ["IVA {r}", "IVA Normal {r}"], "pl": ["VAT {r}", "{r} VAT",
           "Stawka VAT {r}"], "sv": ["Moms {r}", "{r} moms"],
}  # fmt: skip
# A bill's charges by section, each charge naming its rate; the rates of telecom and energy bills.
SECTIONS = {
    "en": ["Subscriptions", "Usage", "One-off charges"], "de": ["Grundgebühren", "Verbindungen",
           "Einmalige Entgelte"],
    "fr": ["Abonnements", "Consommations", "Frais ponctuels"], "nl": ["Abonnementen", "Verbruik",
           "Eenmalige kosten"],
    "es": ["Cuotas", "Consumos", "Cargos puntuales"], "it": ["Canoni", "Consumi", "Addebiti una tantum"],
    "pt": ["Mensalidades", "Consumos", "Encargos pontuais"], "pl": ["Abonamenty", "Usługi",
           "Opłaty jednorazowe"],
    "sv": ["Abonnemang", "Förbrukning", "Engångsavgifter"],
}  # fmt: skip
CHARGES = ["Fibre 1 Gb/s", "Mobile 100 GB", "TV package", "Router rental", "Calls to mobiles", "Roaming EU",
           "Cloud storage", "Activation fee", "Energy 412 kWh", "Standing charge"]  # fmt: skip
TITLE = {"en": "INVOICE", "de": "RECHNUNG", "fr": "FACTURE", "nl": "FACTUUR", "es": "FACTURA",
         "it": "FATTURA",
         "pt": "FATURA", "pl": "FAKTURA VAT", "sv": "FAKTURA"}  # fmt: skip


def _put(doc: Doc, x: float, y: float, text: str, *, bold: bool = False, align: str = "l") -> None:
    doc.put(x, y, text, font=BOLD if bold else FONT, align=align)


def _rate(rate: Decimal, language: str) -> str:
    return fmt_qty(rate, "en" if language == "en" else "de") + " %"


def _head(doc: Doc, rng: random.Random, page: int = 0) -> float:
    _put(
        doc,
        40,
        40,
        rng.choice(["Brennwald Technik GmbH", "Soluciones Ebro S.L.", "Nordvik Verktyg AB"]),
        bold=True,
    )
    _put(doc, 40, 110, "Nordlicht Handel AG")
    _put(doc, 40, 122, "Hafenstraße 9, 28195 Bremen")
    _put(doc, 360, 110, f"{TITLE[doc.language]} {rng.randint(1000, 9999)}", bold=True)
    _put(doc, 360, 122, "14.03.2024")
    if page:
        _put(doc, 555, 60, PAGE[doc.language].format(n=page), align="r")
    return 170.0


def _items(
    doc: Doc,
    rng: random.Random,
    y: float,
    rates: list[Decimal],
    *,
    rate_column: bool,
    count: int = 0,
    named: Callable[[Decimal], str] | None = None,
) -> tuple[float, dict[Decimal, Decimal]]:
    """An item table whose rows draw one of ``rates`` (every rate at least once), with a rate column
    (``named`` words it, "TVA 20%", "IVA 21% (Bienes)", as ERP reports print a tax's name per row)."""
    heads = ITEM_HEAD[doc.language]
    if named is not None:  # the named tax between the price and the amount, as ERP reports place it
        columns = [(40, heads[0], "l"), (250, heads[1], "r"), (330, heads[2], "r"),
                   (345, TAXES_HEAD[doc.language], "l"),
                   (555, heads[3], "r")]  # fmt: skip
    else:
        columns = [(40, heads[0], "l"), (300, heads[1], "r"), (380, heads[2], "r"), (470, heads[3], "r")]
    if rate_column and named is None:
        columns.append((555, TAX[doc.language] + " %", "r"))
    for x, text, align in columns:
        _put(doc, x, y, text, bold=True, align=align)
    doc.rule(40, y + 11, 555)
    y += 18
    chosen = list(rates) + [rng.choice(rates) for _ in range(count or rng.randint(1, 4))]
    rng.shuffle(chosen)
    sums: dict[Decimal, Decimal] = {}
    for rate in chosen:
        text = rng.choice(ARTICLES)
        quantity = Decimal(rng.choice([1, 2, 3, 5, 10]))
        price = Decimal(rng.randint(150, 90000)) / 100
        amount = money(quantity * price)
        _put(doc, 40, y, text)
        if named is not None:
            _put(doc, 250, y, fmt_qty(quantity, "en"), align="r")
            _put(doc, 330, y, fmt_money(price, doc.language), align="r")
            _put(doc, 345, y, named(rate))
            _put(doc, 555, y, fmt_money(amount, doc.language), align="r")
        else:
            _put(doc, 300, y, fmt_qty(quantity, "en"), align="r")
            _put(doc, 380, y, fmt_money(price, doc.language), align="r")
            _put(doc, 470, y, fmt_money(amount, doc.language), align="r")
        if rate_column and named is None:
            _put(doc, 555, y, _rate(rate, doc.language), align="r")
        doc.expected.append((text, quantity, price, amount))
        sums[rate] = sums.get(rate, Decimal(0)) + amount
        y += 13
    doc.rule(40, y, 555)
    return y + 14, sums


def _lines(sums: dict[Decimal, Decimal]) -> list[TaxKey]:
    return [(rate, base, money(base * rate / 100)) for rate, base in sorted(sums.items(), reverse=True)]


def _result(doc: Doc, lines: list[TaxKey]) -> TaxDoc:
    net = sum((b for _, b, _ in lines), Decimal(0))
    tax = sum((a for _, _, a in lines), Decimal(0))
    return TaxDoc(doc, lines, net, tax, net + tax)


def _block(doc: Doc, y: float, rows: list[tuple[str, Decimal]], x: float = 330) -> float:
    for label, value in rows:
        _put(doc, x, y, label)
        _put(doc, 555, y, fmt_money(value, doc.language), align="r")
        y += 14
    return y


def _totals(doc: Doc, y: float, result: TaxDoc) -> float:
    net_label, tax_label, gross_label, _, _ = TOTALS[doc.language]
    return _block(doc, y, [(net_label, result.net), (tax_label, result.tax), (gross_label, result.gross)])


def _table(
    doc: Doc,
    y: float,
    rows: list[tuple[Decimal, Decimal, Decimal]],
    keys: list[str],
    *,
    total: tuple[Decimal, Decimal] | None = None,
    label_total: bool = True,
) -> float:
    """A summary table under its title: one row per (rate, base, amount); ``keys`` orders the columns
    (rate, base, tax, gross); ``total`` (base, tax) adds a total row under a rule."""
    language = doc.language
    rate_h, base_h, tax_h, gross_h, total_h = HEAD[language]
    heads = {"rate": rate_h, "base": base_h, "tax": tax_h, "gross": gross_h}
    xs = [180 + 95 * n for n in range(len(keys))]
    _put(doc, 40, y, SUMMARY[language], bold=True)
    y += 14
    for key, x in zip(keys, xs, strict=True):
        _put(doc, x, y, heads[key], bold=True, align="r")
    y += 13
    for rate, base, amount in rows:
        cells = {
            "rate": _rate(rate, language)
            + (f" {EXEMPT[language]}" if not rate and amount == 0 and base else ""),
            "base": fmt_money(base, language),
            "tax": fmt_money(amount, language),
            "gross": fmt_money(base + amount, language),
        }
        for key, x in zip(keys, xs, strict=True):
            _put(doc, x, y, cells[key], align="r")
        y += 12
    if total is not None:
        doc.rule(100, y, xs[-1])
        y += 4
        base, amount = total
        cells = {"rate": "", "base": fmt_money(base, language), "tax": fmt_money(amount, language),
                 "gross": fmt_money(base + amount, language)}  # fmt: skip
        if label_total:
            _put(doc, 40, y, total_h, bold=True)
        for key, x in zip(keys, xs, strict=True):
            if cells[key]:
                _put(doc, x, y, cells[key], align="r", bold=True)
        y += 12
    return y + 14


def _rates(rng: random.Random, language: str, count: int) -> list[Decimal]:
    return [Decimal(r) for r in sorted(rng.sample(RATES[language], count), key=Decimal, reverse=True)]


def item_rate_summary(rng: random.Random, language: str) -> TaxDoc:
    """Each item's rate in a column; the summary table repeats the rates with bases and amounts, the
    totals block prints the tax total only."""
    doc = Doc(language)
    rates = _rates(rng, language, 2)
    y, sums = _items(doc, rng, _head(doc, rng), rates, rate_column=True)
    result = _result(doc, _lines(sums))
    y = _totals(doc, y, result) + 10
    keys = ["rate", "base", "tax"] + (["gross"] if rng.random() < 0.4 else [])
    _table(doc, y, result.tax_lines, keys)
    return result


def zero_beside_taxed(rng: random.Random, language: str) -> TaxDoc:
    """A taxed rate and a 0 % row: exempt items (the row has their base: a tax line at 0 %) or a
    template's idle 0 % row with nothing on it (no tax line)."""
    doc = Doc(language)
    taxed = _rates(rng, language, 1)
    exempt = rng.random() < 0.6
    y, sums = _items(doc, rng, _head(doc, rng), taxed + ([Decimal(0)] if exempt else []), rate_column=True)
    lines = _lines(sums)
    result = _result(doc, lines)
    y = _totals(doc, y, result) + 10
    rows = lines if exempt else [*lines, (Decimal(0), Decimal(0), Decimal(0))]
    _table(
        doc, y, rows, ["rate", "base", "tax"], total=(result.net, result.tax) if rng.random() < 0.5 else None
    )
    return result


def summary_total_row(rng: random.Random, language: str) -> TaxDoc:
    """A summary table closed by a total row (labelled or not), also when it has one rate only."""
    doc = Doc(language)
    rates = _rates(rng, language, rng.choice([1, 2]))
    y, sums = _items(doc, rng, _head(doc, rng), rates, rate_column=len(rates) > 1)
    result = _result(doc, _lines(sums))
    keys = rng.choice([["rate", "base", "tax"], ["base", "rate", "tax"], ["rate", "base", "tax", "gross"]])
    y = _table(
        doc, y + 6, result.tax_lines, keys, total=(result.net, result.tax), label_total=rng.random() < 0.7
    )
    _block(doc, y, [(TOTALS[language][2], result.gross)])
    return result


def continuation_repeat(rng: random.Random, language: str) -> TaxDoc:
    """Items over two pages; the template prints the whole tax summary and the totals at the foot of
    every page (the same figures twice)."""
    doc = Doc(language)
    rates = _rates(rng, language, rng.choice([1, 2]))
    y, first = _items(doc, rng, _head(doc, rng, page=1), rates, rate_column=len(rates) > 1, count=4)
    doc.new_page()
    y2, second = _items(doc, rng, _head(doc, rng, page=2), rates, rate_column=len(rates) > 1, count=2)
    sums = {r: first.get(r, Decimal(0)) + second.get(r, Decimal(0)) for r in rates}
    result = _result(doc, _lines(sums))
    pages = doc.pages
    for n, start in ((0, y), (1, y2)):
        doc.pages = pages[: n + 1]  # the same page lists: Doc draws on the last one
        _totals(doc, _table(doc, max(start, 560), result.tax_lines, ["rate", "base", "tax"]), result)
    doc.pages = pages
    return result


def incl_gross_lines(rng: random.Random, language: str) -> TaxDoc:
    """A net invoice: net, the tax line, the total, then "Total incl. VAT" and "of which VAT 20 %"
    restating the gross and the tax."""
    doc = Doc(language)
    rates = _rates(rng, language, 1)
    y, sums = _items(doc, rng, _head(doc, rng), rates, rate_column=False)
    result = _result(doc, _lines(sums))
    rate, _, amount = result.tax_lines[0]
    net_label, _, gross_label, incl_label, of_which = TOTALS[language]
    rows = [(net_label, result.net), (f"{TAX[language]} {_rate(rate, language)}", amount)]
    rows.append((incl_label if rng.random() < 0.5 else gross_label, result.gross))
    rows.append((of_which.format(r=_rate(rate, language)), amount))
    _block(doc, y, rows, x=300)
    return result


def base_gross_table(rng: random.Random, language: str) -> TaxDoc:
    """A rate table with a base and a gross column in either order, and its total row, as Polish,
    Italian and Iberian invoices print it under the items."""
    doc = Doc(language)
    rates = _rates(rng, language, rng.choice([2, 3]) if len(RATES[language]) > 2 else 2)
    y, sums = _items(doc, rng, _head(doc, rng), rates, rate_column=True)
    result = _result(doc, _lines(sums))
    keys = rng.choice(
        [["base", "rate", "tax", "gross"], ["rate", "base", "tax", "gross"], ["gross", "rate", "base", "tax"]]
    )
    y = _table(doc, y + 6, result.tax_lines, keys, total=(result.net, result.tax))
    _block(doc, y, [(TOTALS[language][2], result.gross)])
    return result


def single_rate(rng: random.Random, language: str) -> TaxDoc:
    """One rate printed three times: in every item row, in the totals with its base, and in a summary."""
    doc = Doc(language)
    rates = _rates(rng, language, 1)
    y, sums = _items(doc, rng, _head(doc, rng), rates, rate_column=True)
    result = _result(doc, _lines(sums))
    rate, base, amount = result.tax_lines[0]
    net_label, _, gross_label, _, _ = TOTALS[language]
    on = {"en": "on", "de": "auf", "fr": "sur", "nl": "over", "es": "sobre", "it": "su", "pt": "sobre",
          "pl": "od", "sv": "på"}[language]  # fmt: skip
    y = _block(
        doc,
        y,
        [
            (net_label, result.net),
            (f"{TAX[language]} {_rate(rate, language)} {on} {fmt_money(base, language)}", amount),
            (gross_label, result.gross),
        ],
        x=280,
    )
    _table(doc, y + 10, result.tax_lines, ["rate", "base", "tax"])
    return result


def named_item_taxes(rng: random.Random, language: str) -> TaxDoc:
    """An ERP report: each item names its tax ("TVA 20%", "IVA 21% (Bienes)") in a Taxes column; the
    totals print the untaxed amount, one line per named tax with its amount, the total; half of them
    add a summary "Tax | Base | Amount" with the same names (and a total row now and then)."""
    doc = Doc(language)
    rates = _rates(rng, language, rng.choice([1, 2]))
    form = rng.choice(TAX_NAMES[language])
    percent = rng.choice(["%", " %", ".00%"]) if language == "en" else rng.choice(["%", " %", ",0%"])

    def name(rate: Decimal) -> str:
        figure = fmt_qty(rate, "en" if language == "en" else "de")
        if percent.startswith((".", ",")):  # "20.00%", "10,0%", "5,5%"
            decimals = max(len(percent) - 2, len(figure.partition(percent[0])[2]))
            return form.format(r=fmt(rate, "en" if language == "en" else "de", decimals) + "%")
        return form.format(r=figure + percent)

    y, sums = _items(doc, rng, _head(doc, rng), rates, rate_column=True, named=name)
    result = _result(doc, _lines(sums))
    net_label, _, gross_label, _, _ = TOTALS[language]
    rows = [(net_label, result.net), *((name(rate), amount) for rate, _, amount in result.tax_lines)]
    y = _block(doc, y, [*rows, (gross_label, result.gross)])
    if rng.random() < 0.5:
        y += 10
        heads = (TAXES_HEAD[language], HEAD[language][1], HEAD[language][2])
        for x, text, align in zip((40, 330, 555), heads, "lrr", strict=True):
            _put(doc, x, y, text, bold=True, align=align)
        y += 13
        for rate, base, amount in result.tax_lines:
            cells = (name(rate), fmt_money(base, language), fmt_money(amount, language))
            for x, text, align in zip((40, 330, 555), cells, "lrr", strict=True):
                _put(doc, x, y, text, align=align)
            y += 12
        if rng.random() < 0.5:
            _put(doc, 40, y, HEAD[language][4], bold=True)
            _put(doc, 330, y, fmt_money(result.net, language), align="r", bold=True)
            _put(doc, 555, y, fmt_money(result.tax, language), align="r", bold=True)
    return result


def charges_list(rng: random.Random, language: str) -> TaxDoc:
    """A telecom or energy bill: no item table, charges listed by section with their net amounts and a
    rate after each ("TV package (VAT 10 %)   12,50", or a rate column), then the totals with one line
    per rate (with its base half the time) and the total."""
    doc = Doc(language)
    y = _head(doc, rng)
    rates = _rates(rng, language, rng.choice([1, 2]))
    in_label = rng.random() < 0.5
    sums: dict[Decimal, Decimal] = {}
    for section in rng.sample(SECTIONS[language], rng.randint(2, 3)):
        _put(doc, 40, y, section, bold=True)
        y += 14
        for _ in range(rng.randint(1, 3)):
            rate = rng.choice(rates)
            amount = Decimal(rng.randint(99, 9999)) / 100
            text = rng.choice(CHARGES)
            if in_label:
                _put(doc, 60, y, f"{text} ({TAX[language]} {_rate(rate, language)})")
            else:
                _put(doc, 60, y, text)
                _put(doc, 450, y, _rate(rate, language), align="r")
            _put(doc, 555, y, fmt_money(amount, language), align="r")
            sums[rate] = sums.get(rate, Decimal(0)) + amount
            y += 12
        y += 6
    result = _result(doc, _lines(sums))
    net_label, _, gross_label, _, _ = TOTALS[language]
    on = rng.random() < 0.5
    rows = [(net_label, result.net)]
    for rate, base, amount in result.tax_lines:
        label = f"{TAX[language]} {_rate(rate, language)}"
        rows.append((label + (f" ({fmt_money(base, language)})" if on else ""), amount))
    _block(doc, y + 10, [*rows, (gross_label, result.gross)])
    return result


DESIGNS: dict[str, Callable[[random.Random, str], TaxDoc]] = {
    "item_rate_summary": item_rate_summary,
    "zero_beside_taxed": zero_beside_taxed,
    "summary_total_row": summary_total_row,
    "continuation_repeat": continuation_repeat,
    "incl_gross_lines": incl_gross_lines,
    "base_gross_table": base_gross_table,
    "single_rate": single_rate,
    "named_item_taxes": named_item_taxes,
    "charges_list": charges_list,
}


def build(design: str, seed: int) -> TaxDoc:
    rng = random.Random(f"tax-summary-{design}-{seed}")
    return DESIGNS[design](rng, LANGUAGES[seed % len(LANGUAGES)])


def main(argv: list[str] | None = None) -> int:
    args, designs = design_arguments(__doc__, DESIGNS, 18, "PDFs per design (languages in turn)", argv)
    report(designs, args, builder=build, width=20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
