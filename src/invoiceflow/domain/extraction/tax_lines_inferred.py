"""Tax lines of an invoice that prints none as such: from item rows that carry their rate (with or
without their own tax, two taxes per row, or only a gross total printed), from taxes named without a
rate, from a rate printed elsewhere on the page, or at the rate net and tax imply.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import Amount, find_amounts
from invoiceflow.domain.extraction.tax_names import NO_LETTER_AFTER, NO_LETTER_BEFORE, VAT_NAMES
from invoiceflow.domain.extraction.totals_figures import (
    CELL,
    CENT,
    MAX_RATE,
    TOLERANCE,
    Candidate,
    TaxLineFound,
    TotalsResult,
    close,
    money_figures,
    rate_pair,
    rounds_to,
    tax_rate,
)

_TAX_WORD = lazy_compile(rf"{NO_LETTER_BEFORE}(?:tax|{VAT_NAMES}){NO_LETTER_AFTER}")


def printed_rates(ctx: PageContext) -> set[Decimal]:
    """The tax rates printed on lines that name a tax ("Tax rate 8.25%", "A = 19 % VAT")."""
    rates: set[Decimal] = set()
    for line in ctx.lines:
        if not _TAX_WORD.search(line.folded):
            continue
        rates.update(
            a.value for a in find_amounts(line, ctx.style) if a.is_percent and 0 < a.value <= MAX_RATE
        )
    return rates


def printed_rate_line(result: TotalsResult, rate: Decimal) -> list[TaxLineFound]:
    """The one tax line of a tax total printed apart from its rate ("Tax rate 8.25%" over "Sales tax
    8.25"), when net × that rate gives the tax; else the rate net and tax imply."""
    net, tax = result.net, result.tax
    if net is None or tax is None or not result.consistent or net.value <= 0 or tax.value <= 0:
        return []
    if rounds_to(net.value, rate, tax.value):
        return [TaxLineFound(rate, net.value, tax.value, tax.line)]
    return implied_rate_line(result)


def named_tax_lines(result: TotalsResult, named: list[tuple[str, Candidate]]) -> list[TaxLineFound]:
    """Taxes of different names printed without rates ("CGST 900.00" and "SGST 900.00" under "Taxable
    value 10,000.00"): one tax line each, on the whole net, when their amounts add up to the tax total and
    each gives a rate of one decimal at most that yields its amount to the cent."""
    net, tax = result.net, result.tax
    if net is None or tax is None or not result.consistent or net.value <= 0:
        return []
    parts: dict[str, Candidate] = {}
    for name, c in named:
        if (
            name
            and c.value > 0
            and not close(c.value, tax.value)
            and all(p.line != c.line for p in parts.values())
        ):
            parts.setdefault(name, c)
    if len(parts) < 2 or not close(sum((c.value for c in parts.values()), Decimal(0)), tax.value):
        return []
    lines: list[TaxLineFound] = []
    for name, c in parts.items():
        rate = (c.value * 100 / net.value).quantize(Decimal("0.1"))
        if not 0 < rate <= MAX_RATE or not rounds_to(net.value, rate, c.value):
            return []
        shown = rate.quantize(Decimal(1)) if rate == rate.to_integral() else rate
        lines.append(TaxLineFound(shown, net.value, c.value, c.line, name))
    return lines


def implied_rate_line(result: TotalsResult) -> list[TaxLineFound]:
    """A tax total printed without its rate ("VAT 300.00" under "Net 1,500.00"): the one tax line, at the
    rate net and tax imply, when that rate has one decimal at most and gives the tax to the cent."""
    net, tax = result.net, result.tax
    if net is None or tax is None or not result.consistent or net.value <= 0 or tax.value <= 0:
        return []
    rate = (tax.value * 100 / net.value).quantize(Decimal("0.1"))
    if not 0 < rate <= MAX_RATE or not rounds_to(net.value, rate, tax.value):
        return []
    shown = rate.quantize(Decimal(1)) if rate == rate.to_integral() else rate  # "20", not "20.0"
    return [TaxLineFound(shown, net.value, tax.value, tax.line)]


def item_rate_lines(
    ctx: PageContext, end_line: int, result: TotalsResult, integers_ok: bool
) -> list[TaxLineFound]:
    """Tax lines of an invoice without a tax summary whose item rows carry their rate ("19 %") and net
    amount (with or without the row's tax): one line per rate, the rows' nets summed as its base and
    their taxes (or base × rate) as its amount. Kept only when the bases add up to the net total and the
    amounts to the tax total: the arithmetic of the whole document confirms the rows were read right.
    With only a gross total printed ("Amount due"), rows that print their own tax give the net and the
    tax too, when together they make the gross."""
    if result.tax is None and result.net is None and result.gross is not None:
        return _item_rates_of_gross(ctx, end_line, result, integers_ok)
    if result.net is None or result.tax is None or not result.consistent:
        return []
    groups, rows, _ = item_rate_groups(ctx, end_line, integers_ok)
    if not groups:
        return []
    bases = sum((b for b, _ in groups.values()), Decimal(0))
    taxes = sum((t for _, t in groups.values()), Decimal(0))
    if not close(bases, result.net.value):
        return []
    if not close(taxes, result.tax.value, CENT * max(rows, 1)):
        return _twin_item_rate_lines(ctx, end_line, result, integers_ok, groups)
    if len(groups) == 1:  # one rate: its tax is the printed total (rows rounded one by one may differ)
        groups = {rate: (base, result.tax.value) for rate, (base, _) in groups.items()}
    elif taxes != result.tax.value:
        # Rows rounded one by one miss the printed total by a cent where the invoice rounds each rate's
        # tax once: take that rounding when it gives the total exactly.
        per_rate = {
            rate: (base, (base * rate / 100).quantize(CENT, ROUND_HALF_UP))
            for rate, (base, _) in groups.items()
        }
        if sum((t for _, t in per_rate.values()), Decimal(0)) == result.tax.value:
            groups = per_rate
    return _as_tax_lines(groups, result.tax.line)


def _twin_item_rate_lines(
    ctx: PageContext,
    end_line: int,
    result: TotalsResult,
    integers_ok: bool,
    groups: dict[Decimal, tuple[Decimal, Decimal]],
) -> list[TaxLineFound]:
    """Rows that print two taxes of one rate side by side (Indian CGST and SGST columns: "4,500.00 | 6 |
    270.00 | 6 | 270.00"): each rate's tax twice makes the tax total. Then every rate is two tax lines, one
    per tax, on the rate's base; kept only when every such row prints its tax twice and the doubled
    taxes add up to the tax total."""
    tax = result.tax
    if tax is None or not _every_row_prints_its_tax_twice(ctx, end_line, integers_ok):
        return []
    if not close(2 * sum((t for _, t in groups.values()), Decimal(0)), tax.value, CENT * 2 * len(groups)):
        return []
    lines = _as_tax_lines(groups, tax.line)
    # Labelled as two cells of a row: the page keeps equal figures apart only by distinct labels.
    return [replace(line, label=f"{CELL}{n}") for line in lines for n in (0, 1)]


def _every_row_prints_its_tax_twice(ctx: PageContext, end_line: int, integers_ok: bool) -> bool:
    seen = False
    for _rate, money, pair in _rate_rows(ctx, end_line, integers_ok):
        if pair is None or sum(1 for m in money if m.value == pair[1]) != 2:
            return False
        seen = True
    return seen


def _rate_rows(
    ctx: PageContext, end_line: int, integers_ok: bool
) -> Iterator[tuple[Decimal, list[Amount], tuple[Decimal, Decimal] | None]]:
    """(rate, money, (base, tax) when the row prints both) of each line above ``end_line`` that prints
    a rate and money."""
    for line in ctx.lines[:end_line]:
        amounts = find_amounts(line, ctx.style)
        rate = tax_rate(amounts)
        money = money_figures(amounts, integers_ok, line)
        if rate is None and len(money) >= 2:
            rate = _bare_rate(amounts, money)
        if rate is None or not money:
            continue
        yield rate, money, (rate_pair(rate, money) if len(money) >= 2 else None)


def _item_rates_of_gross(
    ctx: PageContext, end_line: int, result: TotalsResult, integers_ok: bool
) -> list[TaxLineFound]:
    gross = result.gross
    groups, _, all_paired = item_rate_groups(ctx, end_line, integers_ok)
    if gross is None or not groups:
        return []
    bases = sum((b for b, _ in groups.values()), Decimal(0))
    taxes = sum((t for _, t in groups.values()), Decimal(0))
    # Rows with only a rate column: base × rate per row stands in for the tax, the gross to the cent
    # per rate confirms it (amounts including tax would overshoot the gross by their tax).
    if not close(bases + taxes, gross.value, TOLERANCE if all_paired else CENT * max(len(groups), 1)):
        return []
    confidence = gross.confidence - 0.15
    result.net = Candidate(bases, confidence, gross.line)
    result.tax = Candidate(taxes, confidence, gross.line)
    result.consistent = True
    return _as_tax_lines(groups, gross.line)


def _as_tax_lines(groups: dict[Decimal, tuple[Decimal, Decimal]], line: int) -> list[TaxLineFound]:
    return [TaxLineFound(rate, base, tax, line) for rate, (base, tax) in sorted(groups.items(), reverse=True)]


def item_rate_groups(
    ctx: PageContext, end_line: int, integers_ok: bool
) -> tuple[dict[Decimal, tuple[Decimal, Decimal]], int, bool]:
    """(base, tax) summed per rate over the lines above ``end_line`` that print a rate and money; the
    number of such rows; whether every row printed its own tax (else base × rate stands in)."""
    groups: dict[Decimal, tuple[Decimal, Decimal]] = {}
    rows = 0
    all_paired = True
    for rate, money, pair in _rate_rows(ctx, end_line, integers_ok):
        if pair is None:
            all_paired = False
        base, tax = pair if pair else (money[-1].value, (money[-1].value * rate / 100).quantize(CENT))
        old_base, old_tax = groups.get(rate, (Decimal(0), Decimal(0)))
        groups[rate] = (old_base + base, old_tax + tax)
        rows += 1
    return groups, rows, all_paired


def _bare_rate(amounts: list[Amount], money: list[Amount]) -> Decimal | None:
    """A rate printed without its "%" in a row's "VAT %" column ("Consulting 1 100.00 19 19.00 100.00"):
    a whole number the row's money figures confirm (base × it / 100 = the row's tax). Read from the right:
    the rate column stands after the quantity, and a quantity of 10 can pass the test too (10 × 450.00 =
    4,500.00, whose tenth is the price)."""
    for a in reversed(amounts):
        if a.is_percent or a.decimals or not 0 < a.value <= MAX_RATE or a in money:
            continue
        if rate_pair(a.value, money) is not None:
            return a.value
    return None
