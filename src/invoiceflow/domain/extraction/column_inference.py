"""Table columns without a header row: positions from the figures themselves, roles from arithmetic.

Tables printed without column labels (letters, statements, continuation pages) still align their figures
in right-aligned columns and their text in left-aligned ones. Each figure column is found by the right
edge its values share; the description column is the text column holding most letters; the roles
follow from the values: the quantity, unit price (and discount) columns are the ones whose product gives
the amount column on most rows, a column of percentages is a rate, and without that product the amount
column is the one that adds up to the net total printed below (else the rightmost money column).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal

from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.numbers import Amount

_EDGE = 3.0  # points: right edges of one column's figures agree to this
_MIN_SHARE = 0.4  # a column has values on at least this share of the rows


@dataclass
class Column:
    kind: str
    x0: float
    x1: float


def product_matches(quantity: Decimal, price: Decimal, amount: Decimal) -> bool:
    return abs(quantity * price - amount) <= Decimal("0.011") * max(Decimal(1), abs(quantity))


def discounted(quantity: Decimal, price: Decimal, discount: Amount | None, amount: Decimal) -> bool:
    """quantity × price less a discount (a percentage, or an absolute amount) = amount."""
    if discount is None or product_matches(quantity, price, amount):
        return product_matches(quantity, price, amount)
    gross = quantity * price
    tolerance = Decimal("0.011") * max(Decimal(1), abs(quantity))
    rate = abs(discount.value)  # "-10 %" and "10 %" name the same discount
    if rate < 100 and abs(gross * (1 - rate / 100) - amount) <= tolerance:
        return True
    return not discount.is_percent and abs(gross - abs(discount.value) - amount) <= tolerance


@dataclass
class _Figures:
    """One column of figures: its x-range and each row's value in it."""

    x0: float
    x1: float
    values: dict[int, Amount]  # row number -> value

    @property
    def percent(self) -> bool:
        return 2 * sum(a.is_percent for a in self.values.values()) > len(self.values)

    @property
    def money(self) -> bool:
        return 2 * sum(a.decimals == 2 and not a.is_percent for a in self.values.values()) > len(self.values)


def _figure_columns(rows: list[list[Amount]]) -> list[_Figures]:
    columns: list[_Figures] = []
    for r, amounts in enumerate(rows):
        for a in amounts:
            home = next((c for c in columns if abs(c.x1 - a.x1) <= _EDGE and r not in c.values), None)
            if home is None:
                columns.append(_Figures(a.x0, a.x1, {r: a}))
            else:
                home.x0, home.values[r] = min(home.x0, a.x0), a
    return sorted((c for c in columns if len(c.values) >= _MIN_SHARE * len(rows)), key=lambda c: c.x1)


def _text_columns(lines: list[Line], figures: list[_Figures]) -> list[tuple[float, float, int]]:
    """(x0, x1, letters) of the left-aligned text columns: segments starting at the same x."""
    columns: list[list[float]] = []  # x0, x1, letters
    for line in lines:
        for (start, end), (sx0, sx1) in zip(line.segments(), line.segment_x(), strict=True):
            if any(c.x0 - 1 <= sx0 and sx1 <= c.x1 + 1 for c in figures):
                continue  # a figure cell
            letters = sum(ch.isalpha() for ch in line.text[start:end])
            home = next((c for c in columns if abs(c[0] - sx0) <= _EDGE), None)
            if home is None:
                columns.append([sx0, sx1, letters])
            else:
                home[1], home[2] = max(home[1], sx1), home[2] + letters
    return [(c[0], c[1], int(c[2])) for c in sorted(columns)]


def _factor_matches(figures: list[_Figures], q: int, p: int, a: int, d: int | None) -> int:
    """Rows where quantity × price (less the discount) = amount for this choice of columns."""
    matches = 0
    for r, total in figures[a].values.items():
        quantity, price = figures[q].values.get(r), figures[p].values.get(r)
        discount = figures[d].values.get(r) if d is not None else None
        if quantity and price and discounted(quantity.value, price.value, discount, total.value):
            matches += 1
    return matches


def _roles(figures: list[_Figures], rows: int, net_totals: list[Decimal]) -> dict[int, str]:
    """Role per figure column index: quantity, unit_price, discount, amount, tax_rate, extra."""
    roles: dict[int, str] = {i: "tax_rate" for i, c in enumerate(figures) if c.percent}
    numeric = [i for i in range(len(figures)) if i not in roles]
    best_rank: tuple[int, int] = (0, 0)
    best: tuple[int, int, int, int | None] | None = None
    for q, p, a in itertools.permutations(numeric, 3):
        if figures[a].x1 < max(figures[q].x1, figures[p].x1) or not figures[a].money:
            continue  # the amount stands right of its factors
        for d in [None, *(i for i in range(len(figures)) if i not in (q, p, a))]:
            # Fewer columns explain it better: a discount column only when it adds matches.
            rank = (_factor_matches(figures, q, p, a, d), 0 if d is None else -1)
            if rank[0] and rank > best_rank:
                best_rank, best = rank, (q, p, a, d)
    if best is not None and best_rank[0] >= 0.5 * len(figures[best[2]].values):
        q, p, a, d = best
        roles.update({q: "quantity", p: "unit_price", a: "amount"})
        if d is not None:
            roles[d] = "discount"
    else:
        money = [i for i in numeric if figures[i].money]
        if not money:
            return {}
        tolerance = Decimal("0.011") * rows
        summed = [
            i
            for i in money
            if any(
                abs(sum((v.value for v in figures[i].values.values()), Decimal(0)) - t) <= tolerance
                for t in net_totals
            )
        ]
        roles[(summed or money)[-1]] = "amount"
    for i in range(len(figures)):
        roles.setdefault(i, "extra")
    return roles


def infer_columns(lines: list[Line], rows: list[list[Amount]], net_totals: list[Decimal]) -> list[Column]:
    """Columns (kinds as a header would name them) for the table spanning ``lines`` whose item rows
    hold the figures ``rows``; empty when no amount column can be told."""
    figures = _figure_columns(rows)
    if not figures:
        return []
    roles = _roles(figures, len(rows), net_totals)
    if "amount" not in roles.values():
        return []
    texts = [t for t in _text_columns(lines, figures) if t[0] < figures[-1].x0]
    if not texts:
        return []
    description = max(texts, key=lambda t: t[2])
    # Figures left of the description are row numbers; the description column ends where the next
    # column begins, and a text column beside it (codes, dates, units) is a column of its own.
    columns = [
        Column("position" if c.x1 < description[0] else roles[i], c.x0, c.x1) for i, c in enumerate(figures)
    ]
    columns += [
        Column("description" if t is description else "other", t[0], t[0] + 1 if t is description else t[1])
        for t in texts
    ]
    return sorted(columns, key=lambda c: c.x0)
