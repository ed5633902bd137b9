"""The arithmetic the tax lines of an invoice owe its totals: their amounts add up to the tax total, and
their bases (where all are known) to the net. A page or a document that yields more lines than that (a
charge printed with its rate, a page's partial sum, a percentage that is no tax) keeps the one largest set
of lines that makes the totals; where no set or several do, the lines stay as read.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal

# Every tax amount may be off by a cent of rounding.
_CENT_SLACK = Decimal("0.011")
# Lines tried at most: 2^12 subsets.
_MAX_LINES = 12


def lines_making_the_totals(
    amounts: Sequence[Decimal],
    bases: Sequence[Decimal | None],
    tax_total: Decimal,
    net_total: Decimal | None = None,
) -> list[int] | None:
    """Indices of the lines to keep when the amounts sum to more than ``tax_total``: the one set with the
    fewest lines left out whose amounts add up to it (the bases to ``net_total`` telling several such sets
    apart). Lines without tax (0 %, exempt) are kept: the tax total says nothing about them. ``None``
    when the lines add up already, or no single set does."""
    count = len(amounts)
    if count < 2 or count > _MAX_LINES or _adds_up(amounts, tax_total):
        return None
    taxed = [i for i in range(count) if amounts[i]]
    untaxed = [i for i in range(count) if not amounts[i]]
    for size in range(len(taxed) - 1, 0, -1):
        fits = [
            kept
            for kept in itertools.combinations(taxed, size)
            if _adds_up([amounts[i] for i in kept], tax_total)
        ]
        if not fits:
            continue
        if len(fits) > 1 and net_total is not None:
            fits = [kept for kept in fits if _bases_add_up([bases[i] for i in (*kept, *untaxed)], net_total)]
        return sorted([*fits[0], *untaxed]) if len(fits) == 1 else None
    return None


def _adds_up(amounts: Sequence[Decimal], total: Decimal) -> bool:
    return abs(sum(amounts, Decimal(0)) - total) <= _CENT_SLACK * max(1, len(amounts))


def _bases_add_up(bases: Sequence[Decimal | None], net_total: Decimal) -> bool:
    known = [b for b in bases if b is not None]
    return len(known) == len(bases) and _adds_up(known, net_total)
