"""The bases of tax lines printed without one: the net total when the rate confirms it, a figure of the
page that alone gives the tax, the net less the other rates' bases, the one split of the net between two
rates, item rows per rate (net or gross priced) or the one sharing of the item rows among the rates; and
the exempt part of the net printed beside the rates.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import find_amounts
from invoiceflow.domain.extraction.tax_line_merge import distinct_tax_lines
from invoiceflow.domain.extraction.tax_lines_inferred import item_rate_groups
from invoiceflow.domain.extraction.totals_figures import (
    CENT,
    Candidate,
    TaxLineFound,
    TotalsResult,
    close,
    money_figures,
    rounds_to,
)

# The name of a supply without tax in a tax summary or the totals ("Exempt", "Exonéré", "Steuerfrei").
_EXEMPT_RE = lazy_compile(
    r"(?<![a-z])(?:exempt|exento|exenta|exonere|exoneree|steuerfrei(?:e[rsn]?)?|esente|esenti|vrijgesteld|isento|isenta|"
    r"zwolnion[ya]|momsfri|tax[\s-]free|zero[\s-]rated|non\s+imponibile)(?![a-z])"
)


def exempt_line(
    ctx: PageContext, start_line: int, result: TotalsResult, integers_ok: bool
) -> list[TaxLineFound]:
    """The exempt part of the net printed beside other rates ("Exempt 60.00 0.00" in a tax summary,
    "Steuerfrei 400,00" in the totals): a 0 % line on it, as a 0 % rate's line is reported. Kept only
    when it is what the net total leaves over the bases of the rates printed."""
    net, lines = result.net, distinct_tax_lines(result.tax_lines or [])
    if net is None or not result.consistent or not lines or any(t.base is None or t.rate == 0 for t in lines):
        return []
    rest = net.value - sum((t.base for t in lines if t.base is not None), Decimal(0))
    if rest <= 0:
        return []
    for line in ctx.lines[start_line:]:
        if not _EXEMPT_RE.search(line.folded):
            continue
        money = money_figures(find_amounts(line, ctx.style), integers_ok, line)
        if any(close(a.value, rest) for a in money) and all(a.value in (0, rest) for a in money):
            return [TaxLineFound(Decimal(0), rest, Decimal("0.00"), line.index)]
    return []


def fill_bases(result: TotalsResult) -> None:
    """A tax line printed without its base takes the net total when the rate confirms it. A line of
    rate 0 beside lines of other rates ("VAT 0 % 0.00" under "VAT 19 %" and "VAT 7 %") is confirmed by
    any base: it is left to ``_zero_rate_base``."""
    if not result.tax_lines or result.net is None:
        return
    several = len({t.rate for t in result.tax_lines}) > 1
    # Two positive rates share the net: neither has all of it (a small second rate hides inside the
    # first one's tolerance on a large net).
    shared = len({t.rate for t in result.tax_lines if t.rate}) > 1
    filled: list[TaxLineFound] = []
    for t in result.tax_lines:
        fixed = t
        if t.base is None and t.rate is not None and not (several and not t.rate) and not shared:
            expected = result.net.value * t.rate / 100
            if close(expected, t.amount, max(Decimal("0.02"), abs(expected) / 500)):
                fixed = TaxLineFound(t.rate, result.net.value, t.amount, t.line, t.label)
        filled.append(fixed)
    result.tax_lines = filled


def find_bases(ctx: PageContext, result: TotalsResult, integers_ok: bool) -> None:
    """Bases of several tax rates printed apart from their tax lines ("VAT 19 %: 190.00" in the totals,
    the net per rate in a summary row whose rate has no % sign, or nowhere). A printed figure is taken
    when it alone on the page gives the tax amount to the cent; the last base missing is the net total
    less the others, when its rate confirms it."""
    lines = result.tax_lines
    if not lines or all(t.base is not None or t.rate is None for t in lines):
        return
    figures: dict[Decimal, int] = {}  # value -> nearest line index (filled below per tax line)
    page_money = [
        (line.index, a.value)
        for line in ctx.lines
        for a in money_figures(find_amounts(line, ctx.style), integers_ok, line)
        if a.value > 0
    ]
    filled: list[TaxLineFound] = []
    for t in lines:
        if t.base is not None or t.rate is None or not t.rate:
            filled.append(t)
            continue
        figures = {}
        for index, value in page_money:
            if value != t.amount and rounds_to(value, t.rate, t.amount):
                figures.setdefault(value, index)
        base = next(iter(figures)) if len(figures) == 1 else None
        filled.append(TaxLineFound(t.rate, base, t.amount, t.line, t.label) if base is not None else t)
    missing = [t for t in filled if t.base is None and t.rate]
    if len(missing) == 1 and result.net is not None and len(filled) > 1:
        t = missing[0]
        known = sum(
            (o.base for o in distinct_tax_lines(filled) if o.base is not None and o is not t), Decimal(0)
        )
        rest = result.net.value - known
        if rest > 0 and t.rate is not None and rounds_to(rest, t.rate, t.amount):
            filled = [TaxLineFound(o.rate, rest, o.amount, o.line, o.label) if o is t else o for o in filled]
    if len(missing) == 2 and result.net is not None and len(distinct_tax_lines(filled)) == 2:
        filled = _split_net(filled, missing[0], missing[1], result.net.value)
    result.tax_lines = _zero_rate_base(filled, result.net)


def _zero_rate_base(lines: list[TaxLineFound], net: Candidate | None) -> list[TaxLineFound]:
    """The base of the one 0 % line printed without it: the net total less the bases of the other rates,
    once all of those are known and leave a positive rest."""
    zero = [t for t in lines if t.base is None and t.rate == 0 and not t.amount]
    others = [t for t in distinct_tax_lines(lines) if t not in zero]
    if len(zero) != 1 or net is None or not others or any(t.base is None for t in others):
        return lines
    rest = net.value - sum((t.base for t in others if t.base is not None), Decimal(0))
    if rest <= 0:
        return lines
    return [TaxLineFound(t.rate, rest, t.amount, t.line, t.label) if t is zero[0] else t for t in lines]


def _split_net(
    lines: list[TaxLineFound], first: TaxLineFound, second: TaxLineFound, net: Decimal
) -> list[TaxLineFound]:
    """Two rates, no base printed: the one split of the net total whose parts give both tax amounts to
    the cent. Several splits fit when a rate is small; then the bases stay unknown."""
    if first.rate is None or second.rate is None:
        return lines
    low = ((first.amount - Decimal("0.005")) * 100 / first.rate).quantize(CENT)
    high = ((first.amount + Decimal("0.005")) * 100 / first.rate).quantize(CENT)
    fits = []
    cents = int((high - low) / CENT)
    if cents > 2000:
        return lines
    for step in range(-1, cents + 2):
        base = low + step * CENT
        rest = net - base
        if (
            rest > 0
            and rounds_to(base, first.rate, first.amount)
            and rounds_to(rest, second.rate, second.amount)
        ):
            fits.append((base, rest))
    if len(fits) > 1:
        # A small rate lets a few cents move between the bases; a split both of whose taxes are exact
        # (no rounding at all) is the printed one when it is the only such split.
        exact = [
            f
            for f in fits
            if f[0] * first.rate / 100 == first.amount and f[1] * second.rate / 100 == second.amount
        ]
        fits = exact
    if len(fits) != 1:
        return lines
    bases = {id(first): fits[0][0], id(second): fits[0][1]}
    return [
        TaxLineFound(t.rate, bases[id(t)], t.amount, t.line, t.label) if id(t) in bases else t for t in lines
    ]


def _missing_bases(result: TotalsResult) -> list[TaxLineFound] | None:
    """The distinct tax lines, when two or more rates are listed (one of them may be 0 %: a zero-rated
    line beside a taxed one) and some positive rate lacks its base."""
    lines = distinct_tax_lines(result.tax_lines or [])
    rated = [t for t in lines if t.rate]
    if len(lines) < 2 or not rated or all(t.base is not None for t in rated):
        return None
    if any(t.rate is None for t in lines):
        return None
    return lines


def _with_bases(result: TotalsResult, bases: dict[Decimal, Decimal]) -> None:
    """Every tax line of a rate in ``bases`` printed without its base takes that rate's base."""
    result.tax_lines = [
        replace(t, base=bases[t.rate]) if t.base is None and t.rate is not None and t.rate in bases else t
        for t in result.tax_lines or []
    ]


def bases_of_rated_rows(ctx: PageContext, end_line: int, result: TotalsResult, integers_ok: bool) -> None:
    """Bases of several rates printed nowhere but in the item rows, each of which carries its rate ("Café
    40 × 2.339,10 | 21 % | 93.564,00"): a rate's base is its rows' amounts summed. Taken only when the rows
    print exactly the listed rates, their amounts add up to the net total, and each rate's sum gives its
    tax amount (to the cent, or a cent per row when the rows' taxes were rounded one by one)."""
    lines = _missing_bases(result)
    if lines is None or result.net is None:
        return
    groups, rows, _ = item_rate_groups(ctx, end_line, integers_ok)
    if {r for r in groups if r} != {t.rate for t in lines if t.rate}:
        return
    if not close(sum((b for b, _ in groups.values()), Decimal(0)), result.net.value):
        _bases_of_gross_rows(result, lines, groups, rows)
        return
    for t in lines:
        if t.rate and t.base is None:
            base = groups[t.rate][0]
            if not close(base * t.rate / 100, t.amount, max(CENT * rows, Decimal("0.011"))):
                return
    _with_bases(result, {rate: base for rate, (base, _) in groups.items()})


def _bases_of_gross_rows(
    result: TotalsResult,
    lines: list[TaxLineFound],
    groups: dict[Decimal, tuple[Decimal, Decimal]],
    rows: int,
) -> None:
    """Rows priced gross, each with its rate, the tax only stated as included per rate ("inkl. 7 % MwSt.
    0,65 / inkl. 19 % MwSt. 3,19"): a rate's base is its rows' sum less its tax. Taken only when the rows
    add up to the gross total and each rate's sum holds its tax amount (sum × rate / (100 + rate))."""
    if result.gross is None or not close(
        sum((b for b, _ in groups.values()), Decimal(0)), result.gross.value
    ):
        return
    bases: dict[Decimal, Decimal] = {}
    for t in lines:
        if t.rate and t.base is None:
            total = groups[t.rate][0]
            held = total * t.rate / (100 + t.rate)
            if not close(held, t.amount, max(CENT * rows, Decimal("0.011"))):
                return
            bases[t.rate] = total - t.amount
    _with_bases(result, bases)


# Item rows tried when splitting them among rates: 2^12 splits of two rates, 3^8 of three at most.
_MAX_SPLITS = 6561


def bases_of_item_subsets(result: TotalsResult, item_amounts: Sequence[Decimal]) -> None:
    """Bases of several rates printed nowhere (neither the summary nor the rows show which rate a row
    bears): the one way of sharing the item rows among the rates whose sums give every rate's tax amount
    to the cent. Taken only when the rows add up to the net total and exactly one set of bases fits (a
    small rate leaves room for coincidences: then the bases stay unknown)."""
    lines = _missing_bases(result)
    net = result.net
    if lines is None or net is None or not result.consistent or not item_amounts:
        return
    rated = [t for t in lines if t.rate]
    if len(rated) != len(lines) or any(t.base is not None for t in rated):
        return
    if len({t.rate for t in rated}) != len(rated) or len(rated) ** len(item_amounts) > _MAX_SPLITS:
        return
    if not close(sum(item_amounts, Decimal(0)), net.value):
        return
    rates = [t.rate for t in rated if t.rate is not None]
    bases = shared_item_bases([(t.rate, t.amount) for t in rated if t.rate is not None], item_amounts)
    if bases is not None:
        _with_bases(result, dict(zip(rates, bases, strict=True)))


def shared_item_bases(
    taxes: Sequence[tuple[Decimal, Decimal]], item_amounts: Sequence[Decimal]
) -> tuple[Decimal, ...] | None:
    """The bases of ``taxes`` ((rate, amount) each, rates distinct and positive) when exactly one way of
    sharing the item amounts among them gives every rate's amount to the cent; ``None`` when none or
    several do, or there are too many ways to try."""
    if not taxes or len(taxes) ** len(item_amounts) > _MAX_SPLITS:
        return None
    fits: set[tuple[Decimal, ...]] = set()
    for shares in itertools.product(range(len(taxes)), repeat=len(item_amounts)):
        sums = [Decimal(0)] * len(taxes)
        for amount, share in zip(item_amounts, shares, strict=True):
            sums[share] += amount
        if all(s > 0 and rounds_to(s, rate, tax) for s, (rate, tax) in zip(sums, taxes, strict=True)):
            fits.add(tuple(sums))
            if len(fits) > 1:
                return None
    return fits.pop() if fits else None
