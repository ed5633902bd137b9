"""Table columns without a header row: positions from the figures themselves, roles from arithmetic.

Tables printed without column labels (letters, statements, continuation pages) still align their figures
in right-aligned columns and their text in left-aligned ones. Each figure column is found by the right
edge its values share; the description column is the text column holding most letters; the roles
follow from the values: the quantity, unit price (and discount) columns are the ones whose product gives
the amount column on most rows, a column of percentages is a rate, and without that product the amount
column is the one that adds up to the net total printed below (else the rightmost money column).

With or without a header, the amount column read may not be the line's NET amount (a total incl. tax,
an amount before the row's discount): ``net_line_amounts`` decides from each row's own figures (tax
rate, tax amounts, discount) and the net total printed below whether quantity × price × (1 − discount)
replaces it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

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
        # A segment starts at its first word with a letter or digit: a scan reads a cell's rule or a
        # speck before the text as "[" or "|", which would move the column's edge.
        starts: dict[int, float] = {}
        for segment, word in zip(line.segment_of_word, line.words, strict=True):
            if segment not in starts and any(ch.isalnum() for ch in word.text):
                starts[segment] = word.x0
        for index, ((start, end), (seg_x0, sx1)) in enumerate(
            zip(line.segments(), line.segment_x(), strict=True)
        ):
            sx0 = starts.get(index, seg_x0)
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
    best_rank: tuple[int, int, int] = (0, 0, 0)
    best: tuple[int, int, int, int | None] | None = None
    for q, p, a in itertools.permutations(numeric, 3):
        if figures[a].x1 < max(figures[q].x1, figures[p].x1) or not figures[a].money:
            continue  # the amount stands right of its factors
        # Quantity × price reads the same either way round: the column in cents is the price.
        cents = int(figures[p].money) - int(figures[q].money)
        for d in [None, *(i for i in range(len(figures)) if i not in (q, p, a))]:
            # Fewer columns explain it better: a discount column only when it adds matches.
            rank = (_factor_matches(figures, q, p, a, d), 0 if d is None else -1, cents)
            if rank[0] and rank > best_rank:
                best_rank, best = rank, (q, p, a, d)
    if best is None or best_rank[0] < 0.5 * len(figures[best[2]].values):
        best = _taxed_triple(figures, numeric) or best
        best_rank = (len(figures[best[2]].values), 0, 0) if best is not None else best_rank
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


# Tax rates a line total incl. tax may carry, in percent: 0.5 % steps up to 30 %.
_RATES = tuple(Decimal(n) / 2 for n in range(1, 61))


def _taxed(quantity: Decimal, price: Decimal, total: Decimal) -> bool:
    """total = quantity × price plus a tax at some plausible rate (a line total incl. tax)."""
    net = quantity * price
    if not net or (net > 0) != (total > 0) or abs(total) <= abs(net):
        return False
    slack = _TOLERANCE * max(Decimal(1), abs(quantity))
    return any(abs(net * (1 + r / 100) - total) <= slack for r in _RATES)


def _taxed_triple(figures: list[_Figures], numeric: list[int]) -> tuple[int, int, int, None] | None:
    """Columns with quantity × price × (1 + a tax rate) = the rightmost money column on most rows (a
    table of totals incl. tax whose rates are printed nowhere): quantity, unit price and that total."""
    money = [i for i in numeric if figures[i].money]
    if not money:
        return None
    a = max(money, key=lambda i: figures[i].x1)
    best: tuple[int, int, int, None] | None = None
    best_rank = (0, 0)
    for q, p in itertools.permutations([i for i in numeric if i != a and figures[i].x1 < figures[a].x1], 2):
        matches = 0
        for r, total in figures[a].values.items():
            quantity, price = figures[q].values.get(r), figures[p].values.get(r)
            if quantity and price and _taxed(quantity.value, price.value, total.value):
                matches += 1
        rank = (matches, int(figures[p].money) - int(figures[q].money))
        if matches >= 0.5 * len(figures[a].values) and rank > best_rank:
            best_rank, best = rank, (q, p, a, None)
    return best


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


@dataclass
class RowFigures:
    """The figures of one item row that bear on its net amount: ``amount`` is the value read from the
    amount column; ``rates`` the row's tax rates (percent), ``others`` its other money figures (tax
    amounts, a net or gross column named otherwise)."""

    quantity: Decimal | None
    price: Decimal | None
    amount: Decimal
    discount: Amount | None = None
    rates: tuple[Decimal, ...] = ()
    others: tuple[Decimal, ...] = ()


_CENT = Decimal("0.01")
_TOLERANCE = Decimal("0.011")


def net_readings(row: RowFigures, absolute_first: bool = False) -> list[Decimal]:
    """quantity × unit price × (1 − discount %), half-up to cents; a discount without a percent sign may
    also be an absolute amount off the line (both readings, the percentage first unless
    ``absolute_first``)."""
    if row.quantity is None or row.price is None:
        return []
    gross = row.quantity * row.price
    discount = row.discount
    if discount is None or not discount.value:
        values = [gross]
    else:
        rate = abs(discount.value)
        values = [gross * (1 - rate / 100)] if rate < 100 else []
        if not discount.is_percent:
            values.insert(0 if absolute_first else len(values), gross - rate)
    return [v.quantize(_CENT, rounding=ROUND_HALF_UP) for v in values]


def discounts_in_money(rows: list[RowFigures]) -> bool:
    """A discount column of money, not of rates: a value in odd cents ("3.72"; rates are whole or
    halves: "10", "12.50")."""
    return any(
        r.discount is not None
        and not r.discount.is_percent
        and r.discount.decimals == 2
        and (2 * r.discount.value) != (2 * r.discount.value).to_integral_value()
        for r in rows
    )


def _net_of(row: RowFigures, absolute_first: bool = False) -> Decimal | None:
    """The reading that agrees with the amount read, else one its extra figures explain, else the first."""
    readings = net_readings(row, absolute_first)
    return next(
        (n for n in readings if _close(n, row.amount)),
        next((n for n in readings if _gross_of(row, n)), readings[0] if readings else None),
    )


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= _TOLERANCE


def _gross_of(row: RowFigures, net: Decimal) -> bool:
    """The row's amount is more than its net amount by what the row itself shows: its tax rate(s), its
    tax amount(s), or the discount it left out; or its net amount stands in another column. A credit
    note's row (all money negative) is read as its mirror image."""
    if net < 0 and row.amount < 0:
        price = -row.price if row.price is not None else None
        row = replace(row, price=price, amount=-row.amount, others=tuple(-o for o in row.others))
        net = -net
    amount = row.amount
    if any(_close(o, net) for o in row.others):
        return True
    if amount <= net:
        return False
    rates = [*row.rates, sum(row.rates, Decimal(0))] if len(row.rates) > 1 else list(row.rates)
    slack = _TOLERANCE * max(Decimal(1), abs(row.quantity or Decimal(0)))  # gross unit price rounded, × qty
    if any(abs(net * (1 + r / 100) - amount) <= slack for r in rates if 0 <= r < 100):
        return True
    taxes = [o for o in row.others if 0 < o < amount]
    if any(_close(net + o, amount) for o in taxes):
        return True
    discounted = row.discount is not None and row.discount.value
    if discounted and row.quantity and row.price and _close(row.quantity * row.price, amount):
        return True  # the printed amount is before the discount the row names
    return any(_close(net + a + b, amount) for a, b in itertools.combinations(taxes, 2))  # CGST + SGST


def _common_markup(pairs: list[tuple[Decimal, Decimal]]) -> bool:
    """amount = net × (1 + r) with one rate r of a plausible tax (1 %–30 %) on every row."""
    ratios = [amount / net - 1 for net, amount in pairs if net and (net > 0) == (amount > 0)]
    if len(ratios) < 2 or len(ratios) < len(pairs):
        return False
    low, high = min(ratios), max(ratios)
    mean = sum(ratios, Decimal(0)) / len(ratios)
    if not Decimal("0.01") <= mean <= Decimal("0.3"):
        return False
    # Cents rounding moves the ratio of small amounts: allow it, relative to each row's net amount.
    slack = max(Decimal("0.006") / min(abs(net) for net, _ in pairs), Decimal("0.0005"))
    return high - low <= 2 * slack


def net_line_amounts(rows: list[RowFigures], net_totals: list[Decimal]) -> list[Decimal] | None:
    """The rows' net amounts when the amount column read is not the net one (a total incl. tax, an amount
    before the discount the row names), else ``None``.

    The amount column is replaced only when arithmetic says so: every row with a quantity and a price
    either agrees with quantity × price × (1 − discount) or exceeds it by what the row itself shows (its
    tax rate, its tax amounts, the left-out discount), or all rows exceed it by one common tax rate. A net
    total printed under the table decides: Σ read amounts = net total keeps them, Σ net amounts = net
    total takes them even where a row is unexplained. Rows without quantity or price (charges) lose
    their tax by their own rate."""
    tolerance = _TOLERANCE * len(rows)
    absolute_first = discounts_in_money(rows)
    nets = [_net_of(r, absolute_first) for r in rows]
    if not absolute_first and any(r.discount is not None and not r.discount.is_percent for r in rows):
        # Discounts without a percent sign: as amounts off the line when that reading alone gives the
        # net total.
        absolute = [_net_of(r, True) for r in rows]
        sums = [
            sum((n if n is not None else r.amount for n, r in zip(c, rows, strict=True)), Decimal(0))
            for c in (nets, absolute)
        ]
        if not any(abs(sums[0] - t) <= tolerance for t in net_totals) and any(
            abs(sums[1] - t) <= tolerance for t in net_totals
        ):
            nets = absolute
    pairs = [(n, r) for n, r in zip(nets, rows, strict=True) if n is not None]
    differing = [(n, r) for n, r in pairs if not _close(n, r.amount)]
    if not differing:
        return None
    read_sum = sum((r.amount for r in rows), Decimal(0))
    if any(abs(read_sum - t) <= tolerance for t in net_totals):
        return None
    out = [n if n is not None else _charge_net(r) for n, r in zip(nets, rows, strict=True)]
    if any(abs(sum(out, Decimal(0)) - t) <= tolerance for t in net_totals):
        return out
    explained = all(_gross_of(r, n) for n, r in differing)
    if not explained and not _common_markup([(n, r.amount) for n, r in differing]):
        return None
    return out


def computed_nets(rows: list[RowFigures]) -> list[Decimal | None]:
    """Per row, the net amount arithmetic gives where it differs from the amount read (else ``None``):
    the alternative a page keeps when it cannot settle the amount column itself (no net total on the page,
    mixed tax rates no column names, a single row), for the document's net total to decide."""
    out: list[Decimal | None] = []
    absolute_first = discounts_in_money(rows)
    for row in rows:
        net = _net_of(row, absolute_first)
        out.append(net if net is not None and not _close(net, row.amount) else None)
    return out


def _charge_net(row: RowFigures) -> Decimal:
    """A row without quantity and price in a table of amounts incl. tax: its amount less its own rate."""
    if len(row.rates) != 1 or not row.rates[0]:
        return row.amount
    net = (row.amount / (1 + row.rates[0] / 100)).quantize(_CENT, rounding=ROUND_HALF_UP)
    tax = (net * row.rates[0] / 100).quantize(_CENT, rounding=ROUND_HALF_UP)
    return net if _close(net + tax, row.amount) else row.amount
