"""The tax lines found, made the invoice's: lines printed twice (a summary table and the totals block)
counted once unless named or placed apart, lines of one rate merged, idle rates dropped, and repeats of
one rate with different amounts resolved by the tax total.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import replace
from decimal import Decimal

from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.totals_figures import CELL, CENT, TaxLineFound, TotalsResult, close


def one_line_per_rate(lines: list[TaxLineFound]) -> list[TaxLineFound]:
    """Lines of one rate and tax printed apart (each row of a table that shows its own tax, goods and
    freight taxed alike) are one tax line of the invoice: the tax at that rate on all of them, its base
    their bases' sum when every one is known. Taxes told apart by name (CGST, SGST) stay apart."""
    groups: dict[tuple[Decimal, str], list[TaxLineFound]] = {}
    for t in lines:
        if t.rate is not None:
            groups.setdefault((t.rate, _tax_identity(t.label)), []).append(t)
    out: list[TaxLineFound] = []
    for t in lines:
        group = groups.get((t.rate, _tax_identity(t.label))) if t.rate is not None else None
        if group is None or len(group) == 1:
            out.append(t)
        elif t is group[0]:
            bases = [o.base for o in group]
            base = None if None in bases else sum((b for b in bases if b is not None), Decimal(0))
            out.append(replace(t, base=base, amount=sum((o.amount for o in group), Decimal(0))))
    return out


def without_idle_rates(lines: list[TaxLineFound]) -> list[TaxLineFound]:
    """A rate printed with a zero tax and no base beside rates that levy tax ("VAT 20 % 8.60 / VAT 0 %
    0.00", a template listing every rate it knows) taxes nothing on this invoice: no tax line."""
    if not any(t.amount for t in lines):
        return lines
    return [t for t in lines if t.amount or t.base]


# Names of taxes levied side by side on one base (India's central, state and union-territory GST and
# cess, Canada's GST/HST beside a provincial tax, Spain's IGIC, insurance taxes): two lines of one rate
# and amount under two of these names are two taxes. Longer names first ("cgst" before "gst").
_SEPARATE_TAX_RE = lazy_compile(
    r"cgst|sgst|igst|utgst|cess|hst|pst|rst|qst|tps|tvq|igic|gst|versicherung|insurance|assuran"
)


def _tax_identity(name: str) -> str:
    """The tax a label names, for telling taxes apart: a separate tax's own name, else "" for every
    name of the one value-added tax ("MwSt." and "USt.", "VAT" and "Tax" on one invoice are synonyms)."""
    if name.startswith(CELL):
        return name  # a cell of a row of several taxes: told apart by its place
    m = _SEPARATE_TAX_RE.search(name)
    return m.group() if m else ""


def distinct_tax_lines(tax_lines: list[TaxLineFound]) -> list[TaxLineFound]:
    """Tax lines printed twice (a summary table and the totals block) counted once. Equal lines are
    distinct taxes when named apart (CGST and SGST of the same rate and amount) or printed side by side on
    one row (a table's "CGST 9 % 900.00 | SGST 9 % 900.00"): a (rate, amount) is kept as often as it has
    names of taxes, or cells on one row, whichever is more."""
    keys = [(t.rate, t.amount) for t in tax_lines]
    wanted: dict[tuple[Decimal | None, Decimal], int] = {}
    for key in set(keys):
        same = [t for t, k in zip(tax_lines, keys, strict=True) if k == key]
        names = {_tax_identity(t.label) for t in same if t.label and not t.label.startswith(CELL)}
        on_one_row = max(sum(t.line == o.line for o in same) for t in same)
        wanted[key] = max(len(names), on_one_row, 1)
    out: list[TaxLineFound] = []
    kept: dict[tuple[Decimal | None, Decimal], list[int]] = {}
    for t, key in zip(tax_lines, keys, strict=True):
        taken = kept.setdefault(key, [])
        if len(taken) >= wanted[key] or (
            t.label and any(_tax_identity(out[i].label) == _tax_identity(t.label) for i in taken)
        ):
            # A repeat: its base (a summary row's) completes the line kept without one ("VAT 19 %: 19.00").
            bare = next((i for i in taken if out[i].base is None), None)
            if t.base is not None and bare is not None:
                o = out[bare]
                out[bare] = TaxLineFound(o.rate, t.base, o.amount, o.line, o.label)
            continue
        taken.append(len(out))
        out.append(t)
    return out


def keep_whole_taxes(result: TotalsResult) -> None:
    """Lines of one rate and tax printed more than once with different amounts make the lines sum to more
    than the tax total: the last section's "VAT 20 % 0.70" above the invoice's "Total VAT 20 % 6.70", or
    the tax restated in another currency ("VAT 20 % in EUR: 233.00"). When exactly one choice of one line
    per rate and tax makes the lines sum to the tax total, the others go."""
    lines, tax = result.tax_lines or [], result.tax
    if tax is None or not result.consistent or len(lines) < 2:
        return
    if close(sum((t.amount for t in lines), Decimal(0)), tax.value, CENT * len(lines)):
        return
    groups: dict[tuple[Decimal | None, str], list[TaxLineFound]] = {}
    for t in lines:
        groups.setdefault((t.rate, _tax_identity(t.label)), []).append(t)
    if len(groups) == len(lines) or math.prod(len(g) for g in groups.values()) > _MAX_TAX_CHOICES:
        return
    fits = [
        choice
        for choice in itertools.product(*groups.values())
        if close(sum((t.amount for t in choice), Decimal(0)), tax.value, CENT * len(choice))
    ]
    if len(fits) == 1:
        kept = {id(t) for t in fits[0]}
        result.tax_lines = [t for t in lines if id(t) in kept]


_MAX_TAX_CHOICES = 64
