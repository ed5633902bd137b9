"""Line items: find the items table by its header row of column labels (any supported language),
infer column x-ranges from the header words, read rows (a row has an amount in the amount column),
append wrapped description lines to the previous item, and stop at the totals block.

A page without a header row (a continuation page that does not repeat it) falls back to rows whose
rightmost amounts are aligned in one column above the totals block.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from invoiceflow.domain.extraction.column_inference import (
    Column,
    RowFigures,
    computed_nets,
    infer_columns,
    net_line_amounts,
)
from invoiceflow.domain.extraction.column_inference import discounted as _discounted
from invoiceflow.domain.extraction.column_inference import product_matches as _product_matches
from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.dates import DateOrder, find_dates
from invoiceflow.domain.extraction.item_header import (
    AMOUNT_KINDS,
    COLUMN_PATTERNS,
    NUMERIC_KINDS,
    assign_column,
    assign_index,
    centred_header,
    header_columns,
    is_header,
    known_kinds,
    level_header,
    may_head,
    stacked_header,
)
from invoiceflow.domain.extraction.item_rows import (
    em,
    heading_between,
    is_closing_heading,
    is_figure_line,
    is_prose,
    is_reference_line,
    is_share_line,
    line_pitch,
    running_subtotal,
    table_resumes,
)
from invoiceflow.domain.extraction.item_sections import adds_up, printed_totals, read_outline
from invoiceflow.domain.extraction.labels import DEDUCTION_LABEL, ROUNDING_LABEL
from invoiceflow.domain.extraction.layout import Line, fold
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import Amount, DecimalStyle, find_amounts, parse_number
from invoiceflow.domain.extraction.ocr_repair import money_readings
from invoiceflow.domain.extraction.row_digits import edited_price, lost_cents, repaired_figures


@dataclass
class Item:
    description: list[str]
    quantity: Decimal | None
    unit_price: Decimal | None
    amount: Decimal
    line: int
    checked: bool = False  # quantity × unit price = amount
    repaired: bool = False  # a garbled OCR number was read again (accepted because the product checks)
    # The other reading of the net amount (computed or read) where this page cannot tell which one is
    # net: the document's net total decides (aggregation).
    alternative_amount: Decimal | None = None
    # The net price after the row's discount, where the unit price is the list price it came from.
    net_unit_price: Decimal | None = None
    # The quantity as printed, where a scan's row took another reading of it (a decimal point OCR lost),
    # and whether the row's price is per 100 or 1000 pieces (quantity × price ÷ 100 = amount).
    printed_quantity: Decimal | None = None
    per_hundred: bool = False


@dataclass
class ItemsResult:
    items: list[Item] = field(default_factory=list)
    header_line: int | None = None
    last_line: int | None = None
    continues: bool = False
    # Text lines at the top of the table, above its first row and taken by no item: on a page after one
    # whose table ran to its foot, the last wrapped lines of that page's last item (``carried_text``).
    carried: list[str] = field(default_factory=list)


_ROLE_KINDS = ("quantity", "unit_price", "discount", "tax_rate", "extra", *AMOUNT_KINDS)
_DATE_RANGE_RE = lazy_compile(
    r"(?<![\d.,])(?:[0-3]?\d\.[01]?\d\.(?:\d{2,4})?\s?[-\u2013\u2014]\s?[0-3]?\d\.[01]?\d\.?"
    r"|[0-3]?\d/[01]?\d(?:/\d{2,4})?\s?[-\u2013\u2014]\s?[0-3]?\d/[01]?\d)"
)
_DAY_MONTH_RE = lazy_compile(r"\d{1,2}\.\d{1,2}")


def row_amounts(line: Line, style: DecimalStyle) -> list[Amount]:
    """Numbers of a table row, without the pieces of day.month dates ("01.03.–31.03." in a billing
    period reads like two amounts). Read once per line and style: every check of the table asks again."""
    key = ("row_amounts", style)
    amounts: list[Amount] | None = line.memo.get(key)
    if amounts is None:
        amounts = line.memo[key] = _row_amounts(line, style)
    return list(amounts)


def _row_amounts(line: Line, style: DecimalStyle) -> list[Amount]:
    amounts = find_amounts(line, style)
    if is_prose(line, amounts):
        return []  # a sentence with a figure in it is never a row
    if not any(c in line.text for c in ".-\u2013/") or not amounts:
        return amounts
    spans = [m.span() for m in _DATE_RANGE_RE.finditer(line.text)]
    out: list[Amount] = []
    for a in amounts:
        if any(s <= a.start < e for s, e in spans):
            continue
        raw = line.text[a.start : a.end]
        if _DAY_MONTH_RE.fullmatch(raw) and line.text[a.end : a.end + 1] == ".":
            continue
        out.append(a)
    return out


def _resolve_roles(ctx: PageContext, style: DecimalStyle, first: int, columns: list[Column]) -> list[Column]:
    """Column roles from the header kinds, checked against the values of the rows below it.

    Tables often show several money columns (net, tax, total incl. tax) next to quantity and price: the
    line amount is the net one. The values decide: a column of mostly percentages is a rate, and among
    the money columns the net amount is the one where quantity × price × (1 − discount) = amount,
    amount × rate = the line's tax, and Σ amounts = the net total printed under the table."""
    kinds = [c.kind for c in columns]
    rows: list[dict[int, Amount]] = []
    for line in ctx.lines[first : first + 80]:
        cells: dict[int, Amount] = {}
        for a in row_amounts(line, style):
            index = assign_index(a, columns, _ROLE_KINDS)
            if index is not None:
                cells[index] = a
        if _is_totals_line(ctx, line) and len(cells) < 3:
            break
        if len(cells) >= 2:
            rows.append(cells)
    for i, kind in enumerate(kinds):
        cells_i = [r[i] for r in rows if i in r]
        if kind != "discount" and cells_i and 2 * sum(a.is_percent for a in cells_i) > len(cells_i):
            kinds[i] = "tax_rate"
    candidates = [i for i, k in enumerate(kinds) if k in ("net_amount", "amount", "gross_amount")]
    if len(candidates) > 1:
        net_totals = _net_totals(ctx, style, first)
        best = max(candidates, key=lambda i: (_net_score(rows, kinds, i, net_totals), -i))
        if (amount := _amount_of_net_prices(rows, kinds, best, candidates, net_totals)) is not None:
            kinds[best], best = "unit_price", amount  # "Menge | Netto | USt. | Betrag": a net price
        kinds = ["extra" if i != best and k in AMOUNT_KINDS else k for i, k in enumerate(kinds)]
    mapping = {"net_amount": "amount", "gross_amount": "amount", "tax_amount": "extra"}
    return [Column(mapping.get(k, k), c.x0, c.x1) for k, c in zip(kinds, columns, strict=True)]


_PRIOR = {"net_amount": 2.0, "amount": 1.0, "gross_amount": 0.0}


def _amount_of_net_prices(
    rows: list[dict[int, Amount]],
    kinds: list[str],
    best: int,
    candidates: list[int],
    net_totals: list[Decimal],
) -> int | None:
    """The amount column right of a bare "Netto" / "Net" column that is a net unit price: a table
    without a price column whose "Amount" column is quantity × the net column on every row and adds up
    to the net total printed below (a gross or tax column does neither)."""
    if kinds[best] != "net_amount" or "unit_price" in kinds or "quantity" not in kinds:
        return None
    q = kinds.index("quantity")
    for j in candidates:
        if j <= best or kinds[j] != "amount":
            continue
        priced = [r for r in rows if j in r]
        if not priced or any(
            q not in r
            or best not in r
            or r[best].is_percent
            or abs(r[q].value * r[best].value - r[j].value) > Decimal("0.011")
            for r in priced
        ):
            continue
        total = sum((r[j].value for r in priced), Decimal(0))
        if any(abs(total - t) <= Decimal("0.011") * len(priced) for t in net_totals):
            return j
    return None


def _net_score(rows: list[dict[int, Amount]], kinds: list[str], i: int, net_totals: list[Decimal]) -> float:
    score = _PRIOR[kinds[i]]
    with_value = [r for r in rows if i in r and not r[i].is_percent]
    if not with_value:
        return score - 10
    quantities = [j for j, k in enumerate(kinds) if k == "quantity"]
    prices = [j for j, k in enumerate(kinds) if k == "unit_price"]
    discounts = [j for j, k in enumerate(kinds) if k == "discount"]
    rates = [j for j, k in enumerate(kinds) if k == "tax_rate"]
    others = [j for j, k in enumerate(kinds) if k in AMOUNT_KINDS and j != i]
    checked = based = summed = 0
    for r in with_value:
        amount = r[i].value
        discount = next((r[j] for j in discounts if j in r), None)
        if any(
            _discounted(r[q].value, r[p].value, discount, amount)
            for q in quantities
            for p in prices
            if q in r and p in r and q != p
        ):
            checked += 1
        rate = next((r[j].value for j in rates if j in r), None)
        if rate is not None and any(
            j in r and abs(amount * rate / 100 - r[j].value) <= Decimal("0.011") for j in others
        ):
            based += 1
        if any(
            j in r and k in r and j != k and abs(r[j].value + r[k].value - amount) <= Decimal("0.011")
            for j in others
            for k in others
        ):
            summed += 1  # amount = net + tax: the gross column
    n = len(with_value)
    score += 4 * checked / n + 2 * based / n - 2 * summed / n
    total = sum((r[i].value for r in with_value), Decimal(0))
    if any(abs(total - t) <= Decimal("0.011") * n for t in net_totals):
        score += 3
    return score


def _net_from_products(ctx: PageContext, style: DecimalStyle, table: ItemsResult, first: int) -> None:
    """A table without a net amount column (quantity, net unit price, tax, total incl. tax): when the
    products quantity × price add up to the net total printed below and the amounts do not, the
    products are the lines' net amounts."""
    items = table.items
    if not items or any(i.checked or i.quantity is None or i.unit_price is None for i in items):
        return
    products = [(i.quantity * i.unit_price).quantize(Decimal("0.01")) for i in items]  # type: ignore[operator]
    if any(abs(p) > abs(i.amount) for p, i in zip(products, items, strict=True)):  # credit notes: negative
        return
    net_totals = _net_totals(ctx, style, first)
    n = len(items)
    if any(abs(sum(products, Decimal(0)) - t) <= Decimal("0.011") * n for t in net_totals) and not any(
        abs(sum((i.amount for i in items), Decimal(0)) - t) <= Decimal("0.011") * n for t in net_totals
    ):
        for item, product in zip(items, products, strict=True):
            item.amount, item.checked = product, True


def _net_totals(ctx: PageContext, style: DecimalStyle, first: int) -> list[Decimal]:
    out: list[Decimal] = []
    for line in ctx.lines[first:]:
        labels = ctx.total_labels.get(line.index) or []
        for label in labels:
            if label.kind != "net":
                continue
            # "Net 100.00   VAT 19.00   Total 119.00" on one line: only the figures up to the next label.
            end = min((other.start for other in labels if other.start >= label.end), default=len(line.text))
            money = [a for a in find_amounts(line, style) if a.decimals == 2 and not a.is_percent]
            after = [a.value for a in money if label.end <= a.start < end]
            out += after or [a.value for a in money]
    return out


def _quantity_variants(amount: Amount, ocr: bool = True) -> list[Decimal]:
    values = [amount.value]
    if amount.grouped and amount.decimals == 0:
        values.append(amount.value / 1000)  # "1.000" may be one with three decimals
    elif amount.decimals == 0 and abs(amount.value) >= 10 and ocr:
        # OCR drops small decimal points ("9.5" read as "95"): only arithmetic can accept these.
        values += [amount.value / 10, amount.value / 100]
    return values


_GROUP_RE = lazy_compile(r"\d{3}")
_LEAD_GROUP_RE = lazy_compile(r"\d{1,3}")


def _space_grouped(line: Line, amounts: list[Amount], columns: list[Column]) -> list[Amount]:
    """ "5 000" (thousands grouped by a space, as French and Nordic invoices print them) reads as two
    integers: two of one segment, a single space apart, the second of three digits, both in the same
    numeric column, are one number."""
    out: list[Amount] = []
    for a in amounts:
        last = out[-1] if out else None
        if (
            last is not None
            and line.text[last.end : a.start] in (" ", "\u00a0")
            and _GROUP_RE.fullmatch(line.text, a.start, a.end)
            and (last.grouped or _LEAD_GROUP_RE.fullmatch(line.text, last.start, last.end))
            and not (last.is_percent or a.is_percent or last.decimals or a.decimals)
            and line.segment_span(last.start) == line.segment_span(a.start)
            and (column := assign_column(a, columns)) is not None
            and assign_column(last, columns) is column
        ):
            out[-1] = Amount(
                last.value * 1000 + a.value.copy_sign(last.value),
                last.start,
                a.end,
                last.x0,
                a.x1,
                0,
                False,
                last.has_symbol or a.has_symbol,
                True,
            )
            continue
        out.append(a)
    return out


def _split_across_columns(line: Line, amounts: list[Amount], columns: list[Column]) -> list[Amount]:
    """ "10 578.00" read as one number grouped by a space, where a quantity and a price stand in two
    columns a narrow gap apart (cells padded little): when the leading group and the rest fall under
    two different numeric columns and the gap between them is wider than a word space, they are two
    figures."""
    out: list[Amount] = []
    for a in amounts:
        raw = line.text[a.start : a.end]
        lead, _, rest = raw.partition(" ")
        split = None
        if a.grouped and rest and lead.isdigit() and len(lead) <= 3:
            split = _two_figures(line, a, len(lead), columns)
        out.extend(split or [a])
    return out


def _two_figures(line: Line, a: Amount, lead_length: int, columns: list[Column]) -> list[Amount] | None:
    left_word, right_word = line.word_at(a.start), line.word_at(a.start + lead_length + 1)
    if left_word == right_word or right_word != left_word + 1:
        return None
    first, second = line.words[left_word], line.words[right_word]
    if second.x0 - first.x1 < 0.4 * line.height:
        return None  # a word space: one number grouped by a space
    digits = line.text[a.start + lead_length + 1 : a.end].strip()
    separator = digits[-a.decimals - 1] if a.decimals and len(digits) > a.decimals else ""
    value = parse_number(digits, DecimalStyle.DOT if separator == "." else DecimalStyle.COMMA)
    if value is None:
        return None
    rest = Amount(
        value.copy_sign(a.value), a.start + lead_length + 1, a.end, second.x0, a.x1,
        a.decimals, a.is_percent, a.has_symbol, False,
    )  # fmt: skip
    lead = Amount(Decimal(line.text[a.start : a.start + lead_length]), a.start, a.start + lead_length,
                  a.x0, first.x1, 0, False, False, False)  # fmt: skip
    left_column, right_column = assign_column(lead, columns), assign_column(rest, columns)
    if left_column is None or right_column is None or left_column is right_column:
        return None
    return [lead, rest]


# Prices of cheap articles (screws, labels, envelopes) are quoted per 100 or per 1000 pieces.
_PRICE_UNITS = (Decimal(100), Decimal(1000))


def _per_hundreds(quantity: Decimal, price: Decimal, amount: Amount) -> bool:
    """quantity × price ÷ 100 (or ÷ 1000) = amount, to the cent: a price per 100 (1000) pieces."""
    return quantity > 0 and any(
        abs(quantity * price / per - amount.value) <= Decimal("0.0051") for per in _PRICE_UNITS
    )


def _make_item(
    line: Line, amounts: list[Amount], columns: list[Column], desc_range: tuple[float, float]
) -> Item | None:
    strip_position = not any(c.kind == "position" for c in columns)
    amounts = _space_grouped(line, _split_across_columns(line, amounts, columns), columns)
    by_kind: dict[str, Amount] = {}
    prices: list[Amount] = []
    extras: list[Amount] = []
    has_rate_column = any(c.kind in ("tax_rate", "discount") for c in columns)
    for a in amounts:
        if a.is_percent and not has_rate_column:
            continue
        column = assign_column(a, columns)
        if column is None or (a.is_percent and column.kind not in ("tax_rate", "discount")):
            continue
        if column.x1 < desc_range[0] <= a.x0:
            continue  # "Joint 24 V" right of a quantity column (columns right to left): the text's figure
        if column.kind == "tax_rate" and not (a.is_percent or a.decimals < 2):
            # "VAT" heads rates or tax amounts: a figure with cents there is a tax amount, never a price
            # (6 × the tax at 20 % is the line's total incl. tax).
            extras.append(a)
            continue
        by_kind[column.kind] = a  # rightmost wins
        if column.kind == "unit_price":
            prices.append(a)
        elif column.kind == "extra":
            extras.append(a)
    amount = by_kind.get("amount")
    if amount is None or amount.is_percent:
        return _repaired_item(line, amounts, desc_range, strip_position) if line.ocr else None
    quantity = by_kind.get("quantity")
    discount = by_kind.get("discount")
    unit_price = _list_price(prices, quantity, discount, amount)
    net_price = None
    if unit_price is None and (pair := _list_and_net_price(prices, discount)) is not None:
        unit_price, net_price = pair
    unit_price = unit_price or by_kind.get("unit_price")
    # A right-aligned number wider than its header label reaches into the description column ("14,75 h"
    # under "Qty"): a cell of its own read as a column is no part of the description.
    intruder = next(
        (
            (a.x0, a.x1)
            for a in by_kind.values()
            if a.x0 <= desc_range[1] and line.segment_span(a.start)[0] == a.start
        ),
        None,
    )
    item = Item(
        _description(line, desc_range, strip_position, skip=intruder), None, None, amount.value, line.index
    )
    if unit_price is not None:
        item.unit_price = unit_price.value
    if net_price is not None:
        item.net_unit_price = net_price.value
    if quantity is not None and not quantity.is_percent:
        item.quantity = quantity.value
        if unit_price is not None:
            for q in _quantity_variants(quantity, line.ocr):
                if _discounted(q, unit_price.value, discount, amount.value) or (
                    net_price is not None and _product_matches(q, net_price.value, amount.value)
                ):
                    item.quantity, item.checked = q, True
                    break
            per_hundred = _per_hundreds(quantity.value, unit_price.value, amount)
            # On a scan only a quantity with a thousands group ("2,000") is sure to be read as printed:
            # "250" may be 2.50 without its decimal point.
            if not item.checked and per_hundred and (not line.ocr or quantity.grouped):
                item.checked = item.per_hundred = True  # a price per 100 or 1000 pieces: figures as printed
        rescaled = item.checked and item.quantity != quantity.value
        item.printed_quantity = quantity.value if line.ocr else None
        if rescaled and line.ocr and unit_price is not None and unit_price.decimals != 2:
            # "13" × "74269" fits as 0.13 × 74269, but a quantity read literally with the price's lost
            # decimal point repaired (13 × 742.69) is the likelier reading when arithmetic confirms it.
            repaired = _repaired_item(line, amounts, desc_range, strip_position)
            if repaired is not None and repaired.quantity == quantity.value:
                return repaired
    if not item.checked:
        # A number standing alone in its own segment inside the description column is a column whose
        # header was not recognised (OCR reads "QTY" as "aTY"): arithmetic may still name it.
        # So is a right-aligned figure wider than its label ("2.067 kWh" under "Verbruik"): it reaches
        # under the label right of the description.
        alone = [
            a
            for a in amounts
            if a.x0 <= desc_range[1] - 2 and (_alone_in_segment(line, a) or a.x1 > desc_range[1] + 4)
        ]
        # Numbers of a date ("Feb 1 - Feb 29, 2024" in a period column) are never a quantity or a price.
        dates = find_dates(line, DateOrder.DMY) if any(c.isdigit() for c in line.text) else []
        # Nor is a figure under a column named as something else (tax, a price incl. tax) beside a price
        # read from the price column.
        others = {id(a) for a in extras} if unit_price is not None else set()
        candidates = [
            a
            for a in [a for a in amounts if a.x0 > desc_range[1] - 2] + alone
            if id(a) not in others
            and not any(d.start <= a.start < d.end or a.start <= d.start < a.end for d in dates)
        ]
        found = _recover_by_arithmetic(item, amount, candidates, line.ocr)
        if found is not None and found in alone:
            item.description = _description(line, desc_range, strip_position, skip=(found.x0, found.x1))
    if not item.checked:
        _inline_rate(line, amounts, item, desc_range)
    if not item.checked and line.ocr and item.quantity is not None and item.unit_price is not None:
        whole = lost_cents(item.quantity, item.unit_price, amount)
        if whole is not None:
            item.amount, item.checked, item.repaired = whole, True, True
            return item
    if not item.checked and line.ocr:
        repaired = _repaired_item(line, amounts, desc_range, strip_position)
        if repaired is not None:
            return repaired
        if item.quantity == 0 and item.amount:
            item.quantity = None  # a quantity of nothing beside an amount: a garbled cell ("0" for 2,5)
        if unit_price is not None and item.amount > 0 and _rule_read_as_minus(line, unit_price):
            item.unit_price = -unit_price.value
        if item.quantity is not None and item.unit_price is not None:
            figures = repaired_figures(item.quantity, item.unit_price, item.amount)
            if figures is not None:
                item.quantity, item.unit_price = figures
                item.checked = item.repaired = True
            elif unit_price is not None and unit_price.decimals != 2 and amount.decimals == 2:
                rebuilt = edited_price(item.quantity, item.unit_price, item.amount)
                if rebuilt is not None:
                    item.unit_price, item.checked, item.repaired = rebuilt, True, True
        _quantity_from_amount(item)
    return item


def _rule_read_as_minus(line: Line, price: Amount) -> bool:
    """A negative price beside a positive amount whose minus sign is glued to other marks ("~—-252.64"):
    a cell rule or a speck read before the figure, not a sign (a credit row's price and amount are both
    negative, a discount's amount too)."""
    return (
        price.value < 0
        and 0 < price.start < len(line.text)
        and not line.text[price.start - 1].isspace()
        and not line.text[price.start - 1].isalnum()
    )


def _quantity_from_amount(item: Item) -> None:
    """An OCR row with a price and an amount but no quantity read (its cell lost, or its header lost
    with it): amount ÷ price is the quantity when a quantity of at most two decimals, and only one,
    multiplies back to the amount rounded to the cent. The row stays unchecked: a quantity derived from
    the arithmetic is no evidence of it, and must not tip the choice between readings of the table."""
    if item.quantity is not None or not item.unit_price or (item.unit_price < 0) != (item.amount < 0):
        return  # (a credit note's price and amount are both negative)
    price, amount = item.unit_price, item.amount.quantize(_CENT)
    # The amount is quantity × price rounded half-up to cents: 8.25 × 702.74 = 5797.605 prints 5797.61.
    quantity = (item.amount / price).quantize(_CENT, rounding=ROUND_HALF_UP)

    def fits(q: Decimal) -> bool:
        return (q * price).quantize(_CENT, rounding=ROUND_HALF_UP) == amount

    if quantity <= 0 or not fits(quantity) or fits(quantity - _CENT) or fits(quantity + _CENT):
        return  # no quantity in cents gives the amount, or several do (a price under a cent's worth)
    # Written as read: 13, 7.75, 10 (not 13.00 or 1E+1).
    whole = quantity == quantity.to_integral_value()
    item.quantity = quantity.quantize(Decimal(1)) if whole else quantity.normalize()


_CENT = Decimal("0.01")
_CENT_SLACK = Decimal("0.011")


# "14,5 Stunden à 150,00", "2 days @ 480.00", "3 x 12,00 EUR" inside a row's text: quantity, an optional
# unit word, a rate sign and (after an optional currency) the unit price.
_INLINE_RATE_RE = lazy_compile(
    r"(?<![\w.,])(?P<qty>\d{1,6}(?:[.,]\d{1,4})?)\s*(?:[^\W\d_]{1,12}\.?\s*)?"
    r"(?:[x×*@]|at|à|a|je|per|zu)\s*(?:[€$£₹]|eur|usd|gbp|chf|inr)?\s*(?=\d)"
)


def _inline_rate(line: Line, amounts: list[Amount], item: Item, desc_range: tuple[float, float]) -> None:
    """A row whose quantity and rate are written into its text ("Consulting 12 hours at 95.00"): taken
    when quantity × rate = the row's amount; the description is the text before the quantity.
    A rate with its currency before the sign ("Rs 1939 x 1 Night x 1 Room") is the price, and the
    counts after it make the quantity."""
    for m in _INLINE_RATE_RE.finditer(line.folded):
        price = next((a for a in amounts if a.has_symbol and a.start <= m.start("qty") < a.end), None)
        if price is not None:
            counted = _counts_after(line, m.end())
            counts = counted[0] if counted is not None else None
            if counts is not None and _product_matches(counts, price.value, item.amount):
                description = _words_left_of(line, line.char_x(price.start) - 1, desc_range)
                if sum(c.isalpha() for c in description) >= 3:
                    item.quantity, item.unit_price, item.checked = counts, price.value, True
                    item.description = [description]
                    return
            continue
        quantity = next((a for a in amounts if a.start <= m.start("qty") < a.end and not a.is_percent), None)
        # The price's match may start with its currency ("EUR 1,200.00"), which the pattern took too.
        price = next(
            (a for a in amounts if a.start <= m.end() + 1 and a.end > m.end() and not a.is_percent), None
        )
        if quantity is None or price is None or quantity.value <= 0:
            continue
        if not _product_matches(quantity.value, price.value, item.amount):
            continue
        description = _words_left_of(line, line.char_x(m.start()) - 1, desc_range)
        if sum(c.isalpha() for c in description) < 3:
            continue
        item.quantity, item.unit_price, item.checked = quantity.value, price.value, True
        item.description = [description]
        return


def _words_left_of(line: Line, left: float, desc_range: tuple[float, float]) -> str:
    words = [
        w.text for w in line.words if w.x1 <= left and desc_range[0] <= (w.x0 + w.x1) / 2 <= desc_range[1]
    ]
    return " ".join(words).rstrip(" (:,;-\u2013\u2014")


def _counts_after(line: Line, offset: int) -> tuple[Decimal, int] | None:
    """The product of the counts of a rate expression from ``offset`` on ("1 Night x 2 Rooms" → 2), and
    where they end."""
    quantity = Decimal(1)
    counts = 0
    while (factor := _COUNT_RE.match(line.text, offset)) is not None:
        count = Decimal(factor.group("count").replace(",", "."))  # a count: "1,5 h" or "1.5 h", no thousands
        if count <= 0:
            break
        quantity *= count
        counts += 1
        offset = factor.end()
    return (quantity, offset) if counts else None


def _list_price(
    prices: list[Amount], quantity: Amount | None, discount: Amount | None, amount: Amount
) -> Amount | None:
    """List price, discount, net price, amount: of two prices the unit price is the one the discount
    applies to (quantity × list price × (1 − discount) = amount), not the net price after it."""
    if len(prices) < 2 or quantity is None or discount is None or not discount.value:
        return None
    for price in prices:
        q = quantity.value
        if _discounted(q, price.value, discount, amount.value) and not _product_matches(
            q, price.value, amount.value
        ):
            return price
    return None


def _list_and_net_price(prices: list[Amount], discount: Amount | None) -> tuple[Amount, Amount] | None:
    """List price, discount, net price and an amount that is neither's product (a total incl. tax): the
    unit price is the list price whose discounted value is the other price; the net price is kept for the
    line's net amount (quantity × net price, the unit price rounded as printed)."""
    if len(prices) < 2 or discount is None or not discount.value:
        return None
    for price, net in itertools.permutations(prices, 2):
        if net.value < price.value and _discounted(Decimal(1), price.value, discount, net.value):
            return price, net
    return None


def _repaired_item(
    line: Line, amounts: list[Amount], desc_range: tuple[float, float], strip_position: bool
) -> Item | None:
    """An OCR row whose numbers do not multiply out: try the repaired readings of its number cells
    (segments right of the description, or standing alone) and keep the combination with the fewest
    repairs where quantity × unit price = amount. Nothing is accepted without that check."""
    # (x0, x1, money readings with their cost, quantity readings with their cost): a repair costs 1, a
    # price without two decimals or a quantity with two costs a little (they are usually the other way).
    cells: list[tuple[float, float, list[tuple[Decimal, float]], list[tuple[Decimal, float]]]] = []
    for (seg_start, seg_end), (x0, x1) in zip(line.segments(), line.segment_x(), strict=True):
        text = line.text[seg_start:seg_end]
        inside = [a for a in amounts if seg_start <= a.start and a.end <= seg_end and not a.is_percent]
        single = len(inside) == 1 and _alone_in_segment(line, inside[0])
        if x0 < desc_range[1] - 2 and not single:
            continue
        money: list[tuple[Decimal, float]] = []
        plain: list[tuple[Decimal, float]] = []
        if single:
            money.append((inside[0].value, 0.0 if inside[0].decimals == 2 else 0.3))
            # A quantity read literally ("13") beats one rescaled to fit a price read without its
            # decimal point ("0.13" × "74269"): rescaling costs as much as repairing the price.
            literal = inside[0].value
            plain = [
                (
                    v,
                    (0.3 if inside[0].decimals == 2 else 0.0)
                    + (0.0 if v == literal or inside[0].grouped else 1.0),
                )
                for v in _quantity_variants(inside[0])
            ]
        repaired = [(v, 1.0) for v in money_readings(text) if all(v != m for m, _ in money)]
        money += repaired
        if not single:
            plain = repaired  # "11 25": a quantity whose decimal comma the scan lost is repaired alike
        if money or plain:
            cells.append((x0, x1, money, plain))
    best: tuple[float, Decimal, Decimal, Decimal, tuple[float, float] | None] | None = None
    for k in range(len(cells) - 1, max(len(cells) - 3, -1), -1):
        for total, cost_a in cells[k][2]:
            for i, (_, _, prices, _) in enumerate(cells[:k]):
                for price, cost_p in prices:
                    for j, (qx0, qx1, _, quantities) in enumerate(cells[:k]):
                        if i == j:
                            continue
                        for q, cost_q in quantities:
                            # The slack of a rounded unit price grows with the quantity: only a whole
                            # count may use it ("2346.81" × "12" ≈ "28161" is a price taken for a count).
                            exact = abs(q * price - total) <= _CENT_SLACK or q == q.to_integral_value()
                            if q > 0 and price and exact and _product_matches(q, price, total):
                                # Quantity before price is the usual order: it wins a tie.
                                cost = cost_a + cost_p + cost_q + (0.05 if j > i else 0.0)
                                inside_desc = (qx0, qx1) if qx0 < desc_range[1] - 2 else None
                                if best is None or cost < best[0]:
                                    best = (cost, q, price, total, inside_desc)
    if best is None:
        return None
    _, quantity, price, total, skip = best
    description = _description(line, desc_range, strip_position, skip=skip)
    return Item(description, quantity, price, total, line.index, checked=True, repaired=best[0] >= 1)


def _alone_in_segment(line: Line, amount: Amount) -> bool:
    seg_start, seg_end = line.segment_span(amount.start)
    return line.text[seg_start:seg_end].strip() == line.text[amount.start : amount.end].strip()


def _recover_by_arithmetic(
    item: Item, amount: Amount, numbers: list[Amount], ocr: bool = True
) -> Amount | None:
    """Columns unknown or misassigned (glued header, no header, unusual order): the pair of numbers left
    of the amount with quantity × unit price = amount names both, whatever their order on the line
    (on a text layer also quantity × price per 100 or per 1000 = amount, "924 kWh × 22,77 ct/kWh").
    Returns the number read as the quantity."""
    before = [a for a in numbers if a is not amount and a.x1 <= amount.x0 + 1]
    others = [a for a in before if not a.is_percent]
    if amount.decimals == 0 and any(a.decimals == 2 for a in others):
        return None  # a whole amount beside prices in cents lost its decimals (OCR): no product to trust
    # A discount (a percentage, or a small whole number under an unnamed header) may stand between.
    discounts: list[Amount | None] = [
        None,
        *(a for a in before if a.is_percent or (a.decimals == 0 and a.value < 100)),
    ]
    best: tuple[int, Decimal, Decimal, Amount] | None = None
    for price in others:
        for quantity in others:
            if quantity is price or quantity.value <= 0 or not price.value:
                continue
            for q in _quantity_variants(quantity, ocr):
                discount = next(
                    (
                        d
                        for d in discounts
                        if d is not quantity
                        and d is not price
                        and _discounted(q, price.value, d, amount.value)
                        # The slack of a rounded unit price grows with a whole count only: a price
                        # taken for a quantity ("15.62" × tax "1.09" less "1" %) must multiply out. So
                        # must a whole price on a text layer, which hides no rounded cents (a code
                        # "9403" × "2" is no 18,880.00).
                        and (
                            (q == q.to_integral_value() and (ocr or price.decimals >= 2))
                            or _discounted(Decimal(1), q * price.value, d, amount.value)
                        )
                    ),
                    0,
                )
                if discount != 0:
                    # A price usually has two decimals; a quantity usually fewer; no discount is simpler.
                    rank = (price.decimals == 2) + (quantity.decimals != 2) + (price.x0 > quantity.x0)
                    # "Rs 1939 x 1 Night": a currency names the price, whatever stands where.
                    rank += 2 * (price.has_symbol - quantity.has_symbol)
                    rank = 2 * rank + (discount is None)
                    if best is None or rank > best[0]:
                        best = (rank, q, price.value, quantity)
    if best is None and not ocr:
        for price in others:
            for quantity in others:
                if quantity is price or not _per_hundreds(quantity.value, price.value, amount):
                    continue
                rank = (price.decimals == 2) + (quantity.decimals != 2) + (price.x0 > quantity.x0)
                if best is None or rank > best[0]:
                    best = (rank, quantity.value, price.value, quantity)
    if best is None:
        return None
    item.quantity, item.unit_price, item.checked = best[1], best[2], True
    return best[3]


_POSITION_RE = lazy_compile(r"^\d{1,3}\.?$")
_LONG_POSITION_RE = lazy_compile(r"^\d{1,5}\.?$")


_RULE_MARKS = frozenset(
    {"[", "]", "|", "||", "{", "}", "(", ")", "®", "©", "°", "_", "~", "¦", "!", "/", "\\", "'", "‘", "’"}
)


def _description(
    line: Line,
    desc_range: tuple[float, float],
    strip_position: bool = False,
    skip: tuple[float, float] | None = None,
) -> list[str]:
    """Words of the description column (``skip``: an x-range read as another column)."""
    words: list[str] = []
    segments: list[int] = []
    for index, word in enumerate(line.words):
        centre = (word.x0 + word.x1) / 2
        if not desc_range[0] <= centre <= desc_range[1]:
            continue
        if skip is not None and skip[0] - 1 <= centre <= skip[1] + 1:
            continue
        if line.ocr and not words and word.text in _RULE_MARKS:
            continue  # a scanned cell rule or a speck before the text ("[", "|"), never a character of it
        words.append(word.text)
        segments.append(line.segment_of_word[index])
    if len(words) > 1:
        # A row number: a small integer first, or any integer standing apart in its own column.
        apart = segments[0] != segments[1] and _LONG_POSITION_RE.match(words[0])
        if apart or (strip_position and _POSITION_RE.match(words[0])):
            words, segments = words[1:], segments[1:]
    if len(set(segments)) > 1 and any(c.isdigit() for c in line.text):
        # A date or a period standing in a cell of its own ("01.02.2024 – 29.02.2024" beside a charge
        # line without a column header): a date column, not part of the text.
        dated = {k for k in set(segments) if _date_cell(line, k)}
        if dated and len(dated) < len(set(segments)):
            words = [w for w, k in zip(words, segments, strict=True) if k not in dated]
    return [" ".join(words)] if words else []


_DATE_GLUE_RE = lazy_compile(r"[\s\-\u2013\u2014/.,:]*(?:(?:to|bis|au|al|tot|a|-)[\s\-\u2013\u2014/.,:]*)?")


def _date_cell(line: Line, segment: int) -> bool:
    """The segment holds nothing but dates (and the words joining a range)."""
    start, end = line.segments()[segment]
    if not any(c.isdigit() for c in line.text[start:end]):
        return False
    dates = find_dates(line, DateOrder.DMY, start, end)
    if not dates:
        return False
    position = start
    for d in [*dates, None]:
        stop = end if d is None else d.start
        if not _DATE_GLUE_RE.fullmatch(line.folded, position, stop):
            return False
        if d is not None:
            position = d.end
    return True


def _desc_range(columns: list[Column], page_width: float) -> tuple[float, float]:
    desc = next((c for c in columns if c.kind == "description"), None)
    numeric = [c for c in columns if c.kind in NUMERIC_KINDS or c.kind == "unit"]
    if desc is not None:
        right = min((c.x0 for c in columns if c.x0 > desc.x1), default=page_width)
        left_cols = [c for c in columns if c.x1 < desc.x0]
        left = max((c.x1 for c in left_cols), default=0.0) + 1
        if left_cols:
            # Codes left of a left-aligned description are often wider than their header label.
            left = max(left, desc.x0 - 6)
        return left, right - 4
    right = min((c.x0 for c in numeric), default=page_width)
    return 0.0, right - 4


def _text_start(
    ctx: PageContext, style: DecimalStyle, first: int, columns: list[Column], desc_range: tuple[float, float]
) -> tuple[float, float]:
    """The description column as its rows print it: a label centred over left-aligned text (cells in
    ruled boxes) starts right of where the text does. Where the rows' description cells (the word group
    reaching into the label's range) start further left, short of the column left of it, the range
    starts there."""
    desc = next((c for c in columns if c.kind == "description"), None)
    if desc is None:
        return desc_range
    reach = max((c.x1 for c in columns if c.x1 < desc.x0), default=0.0) + 1
    starts: list[float] = []
    rows = 0
    for line in ctx.lines[first : first + _INFERENCE_ROWS]:
        amounts = row_amounts(line, style)
        if _is_totals_line(ctx, line) and not _fills_item_columns(amounts, columns):
            break  # (a row with quantity and price is an item whatever its words: "Transport 1 km …")
        assigned = (assign_column(a, columns) for a in amounts if not a.is_percent)
        if not any(column is not None and column.kind == "amount" for column in assigned):
            continue
        # The row's first group of words right of the column on the left, short of the figures.
        # Cells centred in a row taller than one line: the row's text stands on the lines its figures
        # overlap (above and below them), which hold no figures of their own.
        text_line = next(
            (
                candidate
                for candidate in (line, *_overlapping_text_lines(ctx, style, line))
                if _first_text_word(candidate, reach, desc_range[1]) is not None
            ),
            None,
        )
        if text_line is None:
            continue
        first_word = _first_text_word(text_line, reach, desc_range[1])
        assert first_word is not None
        segment = text_line.segment_of_word[first_word]
        cell = [w for k, w in enumerate(text_line.words) if text_line.segment_of_word[k] == segment]
        rows += 1
        text = " ".join(w.text for k, w in enumerate(text_line.words) if k >= first_word and w in cell)
        letters = sum(c.isalpha() for c in text)
        # Text reaching under the label from further left, or words (not a code) short of it: the cell
        # of a label centred over it.
        if cell[-1].x1 > desc_range[0] or (letters >= 3 and letters > sum(c.isdigit() for c in text)):
            starts.append(text_line.words[first_word].x0)
    if not starts or 2 * len(starts) < rows or min(starts) >= desc_range[0] - 1:
        return desc_range  # text starting under the label needs no widening
    return min(starts) - 1, desc_range[1]


def _first_text_word(line: Line, reach: float, right: float) -> int | None:
    return next((k for k, w in enumerate(line.words) if w.x0 >= reach and (w.x0 + w.x1) / 2 <= right), None)


# Share of the shorter OCR line two lines of one tall row overlap by at least (single-line rows of a scan
# never overlap: their boxes hug the ink).
_OCR_SHARED = 0.1


def _overlapping_text_lines(ctx: PageContext, style: DecimalStyle, line: Line) -> list[Line]:
    """The lines next to ``line`` that share its height (over a third of the shorter one) and hold no
    figures: the text cells of a row whose figures are centred or bottom-aligned in it."""
    out: list[Line] = []
    for k in (line.index - 1, line.index + 1):
        if not 0 <= k < len(ctx.lines):
            continue
        other = ctx.lines[k]
        shared = min(line.bottom, other.bottom) - max(line.top, other.top)
        # OCR boxes hug the ink (cap height to baseline for figures): lines of a tall row overlap less.
        if shared > (_OCR_SHARED if line.ocr else 0.33) * min(line.height, other.height) and not row_amounts(
            other, style
        ):
            out.append(other)
    return out


def _is_carry_line(ctx: PageContext, line: Line) -> bool:
    labels = ctx.total_labels.get(line.index)
    if not labels:
        return False
    return labels[0].kind == "carry" and labels[0].start < len(line.text) / 2


def _is_totals_line(ctx: PageContext, line: Line) -> bool:
    labels = ctx.total_labels.get(line.index)
    if not labels:
        return settles(line)
    first_seg_end = line.segments()[0][1]
    return any(label.start < first_seg_end for label in labels) or labels[0].start < len(line.text) / 2


def settles(line: Line) -> bool:
    """A line that opens with what was paid, what is left to pay or a rounding ("Payment received 120.00",
    "Balance (if any) 0", "Bereits bezahlt", "Solde", "Round off 0.40"): it stands with the totals, and
    no item row reads like it. The label must be (nearly) all the text of its cell: "Payment processing
    fee" is a charge."""
    key = "settles"
    found: bool | None = line.memo.get(key)
    if found is None:
        found = line.memo[key] = _settles(line)
    return found


def _settles(line: Line) -> bool:
    if not any(c.isdigit() for c in line.text):
        return False
    start, end = line.segments()[0]
    cell = line.folded[start:end]
    match = DEDUCTION_LABEL.match(cell) or _BALANCE_RE.match(cell) or _ROUNDING_RE.match(cell)
    if match is None:
        return False
    rest = _PARENTHETICAL_RE.sub("", cell[match.end() :])
    return sum(c.isalpha() for c in rest) <= _SETTLEMENT_TAIL or bool(_RECEIVED_RE.match(rest))


# What is left to pay after payments: "Balance", "Balance (if any)", "Saldo", "Solde", "Restbetrag",
# "Offener Betrag", "Reste à payer", "Outstanding".
_BALANCE_RE = lazy_compile(
    r"(?:balance|saldo|solde|rest\s*-?\s*betrag|offener\s+betrag|reste\s+a\s+payer|resto|outstanding|"
    r"amount\s+outstanding|restant\s+du|openstaand(?:\s+bedrag)?)(?![a-z])"
)
# Rounding to the smallest coin between the items and the total ("Round off", "Rundung", "Arrondi").
_ROUNDING_RE = lazy_compile(
    rf"(?:{ROUNDING_LABEL.pattern})|round(?:ed|ing)?\s*-?\s*off(?![a-z])|(?:rounding|rundungs)\s*-?\s*diff\w*"
)
_PARENTHETICAL_RE = lazy_compile(r"\([^)]*\)?")
# After the label: how it was paid ("Payment received by …", "Zahlung erhalten", "Paiement reçu", "paid
# through cash") or that it is still owed ("Balance due", "Saldo offen", "Solde restant").
_RECEIVED_RE = lazy_compile(
    r"\s*(?:received|made|by|via|through|thank|with|recu|recue|erhalten|eingegangen|ontvangen|recibido|"
    r"ricevuto|effectue|per|par|por|mit|met|con|due|owing|remaining|left|payable|outstanding|open|offen|"
    r"restant|pendiente|a\s+pagar|da\s+pagare|te\s+betalen)(?![a-z])"
)
# Letters allowed after the label otherwise (a currency code: "Balance EUR"): more is a charge's name
# ("Balance weights", "Deposit for crates").
_SETTLEMENT_TAIL = 3


def extract_items(ctx: PageContext, style: DecimalStyle) -> ItemsResult:
    result = _items(ctx, style)
    for item in result.items:
        item.description = [t for t in _tidy(item.description) if t]
    return result


def _tidy(description: list[str]) -> list[str]:
    """The item's own text: without a code line under it ("SKU: A-1234") or after it ("(SKU: A-1234)"),
    a bullet before it, or the label of a quantity read out of it ("Consulting: 12 h at 95.00")."""
    if len(description) > 1:
        description = [t for t in description if not _CODE_LINE_RE.fullmatch(fold(t))]
    if len(description) > 1:
        # Reference lines (delivery note, order, serial number, period, EAN) printed with the item in its
        # own type, above or below its name: metadata, not the name (``is_reference_line``).
        named = [t for t in description if not is_reference_line(fold(t))]
        description = named or description
    if len(description) > 1:
        # A secondary line under the name with figures or metadata in running text ("davon Lohnanteil
        # 120,00 €", "12 Stück à 0,75 l"): the name ends above it, and what follows it continues it.
        cut = next((k for k, t in enumerate(description[1:], 1) if is_figure_line(fold(t))), None)
        description = description[:cut]
    if not description:
        return description
    if any("\ufffe" in t for t in description):
        # PDFium reports a hyphen that ends a line as U+FFFE and runs the word on into the next line
        # ("Wand-" / "Hängeschrank"): the hyphen as written, the space kept before a conjunction
        # ("Wartungs- und Prüfarbeiten").
        description = [_SUSPENDED_RE.sub("- ", t).replace("\ufffe", "-") for t in description]
    description[0] = _BULLET_RE.sub("", description[0]) or description[0]
    trimmed = _CODE_SUFFIX_RE.sub("", description[-1]).strip()
    if sum(c.isalpha() for c in trimmed) >= 3:
        description[-1] = trimmed
    description[-1] = description[-1].rstrip(" :")
    # "Room charges Rs" before "1,200 x 2 nights": the price's currency, cut off from it by the column.
    description[-1] = _TRAILING_CURRENCY_RE.sub("", description[-1]) or description[-1]
    # "Advice on restructuring ............ 1,200.00": the leader dots run from the text to its amount.
    description = [_LEADER_RE.sub("", t) or t for t in description]
    return description


_TRAILING_CURRENCY_RE = lazy_compile(
    r"(?<=[^\W\d_])\s+\(?(?:rs\.?|inr|eur|usd|gbp|chf|[€$£₹¥])$", re.IGNORECASE
)
_LEADER_RE = lazy_compile(r"\s*(?:[.\u2026_\u00b7]\s?){3,}$")


_SUSPENDED_RE = lazy_compile(r"\ufffe(?=(?:und|oder|bzw|sowie|and|or|et|ou|en|of|e|o|y|u)\b)", re.IGNORECASE)
_BULLET_RE = lazy_compile(r"^[\u2022\u00b7\u25aa\u25ba*\u2013\u2014-]\s+")
_CODE_SUFFIX_RE = lazy_compile(
    r"\s*[(\[]\s*(?:SKU|Art\.?\s*-?\s*Nr\.?|HSN(?:/SAC)?|SAC|Code|Ref\.?|Item\s+code|ASIN)\s*[:#]?\s*"
    r"[A-Za-z0-9][A-Za-z0-9\-/.]*\d[A-Za-z0-9\-/.]*\s*[)\]]$",
    re.IGNORECASE,
)


_CODE_LINE_RE = lazy_compile(
    rf"(?:{COLUMN_PATTERNS['position']}|art(?:ikel|icle|icolo|iculo)?\.?\s*-?\s*(?:nr|no|n°|num)?\.?|"
    r"artikelnummer|item\s+code|asin|gtin|upc|mpn|isbn)\s*[:#]?\s*[a-z0-9][a-z0-9\-/.]*\d[a-z0-9\-/.]*"
)


_FIGURE_RE = lazy_compile(r"\d(?![\d.,]*\s?%)")


def _holds_figures(line: Line, columns: list[Column]) -> bool:
    """A number (not a percentage) among the labels: words beside the table (a sidebar) do not count."""
    known = [c for c in columns if c.kind != "other"]
    if not known or not any(c.isdigit() for c in line.text):
        return False
    lo, hi = known[0].x0, max(c.x1 for c in known)
    text = " ".join(w.text for w in line.words if lo <= (w.x0 + w.x1) / 2 <= hi)
    # A figure in the cell of a label ("Zahlungsbedingungen  14 Tage netto"): a term, not a header label.
    text += " " + " ".join(
        line.text[a:b]
        for (a, b), (x0, x1) in zip(line.segments(), line.segment_x(), strict=True)
        if any(c.x0 < x1 and x0 < c.x1 for c in known)
    )
    # "Prijs/100", "Price per 1000": the unit a price is quoted in is part of its label.
    return bool(_FIGURE_RE.search(_PRICE_UNIT_RE.sub("", fold(text))))


def _first_text_under_header(line: Line, below: Line, candidate: list[Column], wider: list[Column]) -> bool:
    """On a scan, the line under a header that names no column and adds no kind of column to it is the
    first row's text ("Mantenimiento caldera" over its figures centred in a two-line row), not the
    header's wrapped labels: OCR boxes hug the ink, so the gap under the header is as narrow as a wrapped
    label's."""
    return (
        line.ocr
        and len(known_kinds(wider)) == len(known_kinds(candidate))
        and not known_kinds(header_columns(below))
    )


_PRICE_UNIT_RE = lazy_compile(r"(?:/|(?<![a-z])(?:per|pro|je|par|por|pour|voor|ogni))\s*1(?:00|000)(?!\d)")


def _items(ctx: PageContext, style: DecimalStyle) -> ItemsResult:
    header_index = None
    rows_from = 0
    columns: list[Column] = []
    for line in ctx.lines:
        candidate = header_columns(line)
        single = is_header(candidate)
        if (single or may_head(candidate)) and _holds_figures(line, candidate):
            continue  # "Zahlungsziel: 14 Tage netto" reads like labels, but a header row holds no figures
        if line.index + 1 < len(ctx.lines) and (single or may_head(candidate)):
            stacked = stacked_header(line, ctx.lines[line.index + 1])
            wider = header_columns(stacked) if stacked is not None else []
            if (
                is_header(wider)
                and len(known_kinds(wider)) >= len(known_kinds(candidate))
                and not _first_text_under_header(line, ctx.lines[line.index + 1], candidate, wider)
            ):
                header_index, rows_from, columns = line.index, line.index + 2, wider
                # Labels over three lines ("VK-Preis" / "Ohne" / "MwSt."): the third joins them too.
                third = ctx.lines[rows_from] if rows_from < len(ctx.lines) else None
                taller = stacked_header(stacked, third) if stacked is not None and third is not None else None
                if taller is not None and is_header(deeper := header_columns(taller)):
                    rows_from, columns = rows_from + 1, deeper
                break
        if not single and may_head(candidate) and 0 < line.index < len(ctx.lines) - 1:
            centred = centred_header(ctx.lines[line.index - 1], line, ctx.lines[line.index + 1])
            straddled = header_columns(centred) if centred is not None else []
            if is_header(straddled):
                header_index, rows_from, columns = line.index, line.index + 2, straddled
                break
        if single and line.index + 2 < len(ctx.lines):
            # The two-line labels' upper halves over the one-line labels centred in the row ("Cena" /
            # "Lp. J.m. Ilość" / "netto", as office exports set a table's head): all three lines.
            middle, lower = ctx.lines[line.index + 1], ctx.lines[line.index + 2]
            centred = centred_header(line, middle, lower)
            straddled = header_columns(centred) if centred is not None else []
            if is_header(straddled) and len(known_kinds(straddled)) > len(known_kinds(candidate)):
                header_index, rows_from, columns = line.index, line.index + 3, straddled
                break
        if line.ocr and line.index + 1 < len(ctx.lines):
            below = ctx.lines[line.index + 1]
            level = level_header(line, below)
            joined = header_columns(level) if level is not None else []
            if (
                is_header(joined)
                and known_kinds(header_columns(below))
                and len(known_kinds(joined)) > len(known_kinds(candidate))
            ):
                # One header row cut in two by line grouping (OCR boxes a few points apart): both halves.
                header_index, rows_from, columns = line.index, line.index + 2, joined
                break
        if single:
            header_index, rows_from, columns = line.index, line.index + 1, candidate
            break
    if header_index is None:
        table = _without_header(ctx, style)
    else:
        table = _read_rows(ctx, style, rows_from, columns)
    if header_index is not None:
        table.header_line = header_index
        _net_from_products(ctx, style, table, rows_from)
    blocks = read_blocks(ctx, style)
    # Block items are arithmetic-checked: they win when they explain more rows than the table reading.
    if len(blocks.items) > len(table.items) or (
        blocks.items
        and len(blocks.items) == len(table.items)
        and sum(i.checked for i in blocks.items) > sum(i.checked for i in table.items)
    ):
        if [b.amount for b in blocks.items] != [t.amount for t in table.items]:
            return blocks
        # The same rows ("25x  623,44  15 586,00" reads like a block's detail line): the table knows the
        # description column (its wrapped lines, a position number apart), the blocks the arithmetic.
        for row, reading in zip(table.items, blocks.items, strict=True):
            if not row.checked:
                row.quantity, row.unit_price, row.checked = reading.quantity, reading.unit_price, True
        return table
    if not table.items and not blocks.items:
        # A statement: what is due summed up at the top, the charges under it, as rows or as an outline.
        for statement in (_without_header(ctx, style, below_summary=True), _outline_items(ctx, style)):
            if statement.items:
                return statement
    # A receipt mixes one-line articles with "2 x 0,99" detail lines: the detail completes its row.
    # The table reading may have taken the detail line as a wrapped description line.
    details: dict[Decimal, list[Item]] = {}
    for b in blocks.items:
        details.setdefault(b.amount, []).append(b)
    for item in table.items:
        text = " ".join(item.description)
        block = next(
            (b for b in details.get(item.amount, []) if text.startswith(" ".join(b.description))), None
        )
        if block is not None and not item.checked:
            item.quantity, item.unit_price, item.checked = block.quantity, block.unit_price, True
            item.description = list(block.description)
            table.last_line = max(table.last_line or 0, block.line)
    return table


def _outline_items(ctx: PageContext, style: DecimalStyle) -> ItemsResult:
    """Charges listed as an outline (``item_sections``): each charge one item, its breakdown no part of it."""
    charges = read_outline(ctx, style, lambda line: _is_totals_line(ctx, line))
    result = ItemsResult()
    for charge in charges:
        entry = charge.entry
        result.items.append(Item([entry.text], None, None, entry.amount.value, entry.line.index))
    if result.items:
        last = charges[-1]
        result.last_line = (last.breakdown[-1] if last.breakdown else last.entry).line.index
    return result


# "2 x 9,99", "Qty 3 @ 25.00", "2 Stk x 0,99", "1,5 h à 80,00": a quantity, an optional unit word and a
# multiplication sign; the unit price is the number right after it.
_DETAIL_RE = lazy_compile(
    r"(?<![\w.,])(?P<qty>\d{1,6}(?:[.,]\d{1,4})?)\s*(?:(?![x×])[^\W\d_]{1,5}\.?\s*)?"
    r"(?P<sign>[x×*@]|at|à)(?=[\s\d€$£₹¥])"
)
_MAX_DESCRIPTION_LINES = 8
_QUANTITY_LABEL_RE = lazy_compile(rf"(?:{COLUMN_PATTERNS['quantity']})\.?\s*:?")


def _detail(line: Line, style: DecimalStyle) -> tuple[Decimal, Amount, list[Amount], int] | None:
    """(quantity, unit price, money amounts after the price, offset of the quantity) of a detail line."""
    for m in _DETAIL_RE.finditer(line.text):
        rate = _rate_times_counts(line, style, m)
        if rate is not None:
            return rate
        quantity = parse_number(m.group("qty"), style)
        if quantity is None or quantity <= 0:
            continue
        after = [a for a in find_amounts(line, style, m.end("sign")) if not a.is_percent]
        if not after or after[0].start - m.end("sign") > 2:
            continue
        price, rest = after[0], after[1:]
        depth = [line.text.count("(", 0, a.start) - line.text.count(")", 0, a.start) for a in rest]
        rest = [a for a, d in zip(rest, depth, strict=True) if d <= 0 and a.decimals in (0, 2)]
        return quantity, price, rest, m.start()
    return None


def _rate_times_counts(
    line: Line, style: DecimalStyle, m: re.Match[str]
) -> tuple[Decimal, Amount, list[Amount], int] | None:
    """ "Rs 1200 x 2 Nights x 1 Room", "€ 45,00 × 3 Tage": the figure before the sign carries a currency,
    so it is the rate, and the counts after it (each with its unit word) multiply into the quantity."""
    rate = next(
        (a for a in find_amounts(line, style) if a.has_symbol and a.start <= m.start("qty") < a.end), None
    )
    if rate is None or rate.is_percent:
        return None
    counted = _counts_after(line, m.end("sign"))
    if counted is None:
        return None
    quantity, offset = counted
    after = [a for a in find_amounts(line, style, offset) if not a.is_percent]
    return quantity, rate, after, rate.start


# One count of a rate expression and the sign before the next: "2 Nights x ", "3 Tage", "1 Room".
_COUNT_RE = lazy_compile(
    r"\s*(?P<count>\d{1,4}(?:[.,]\d{1,2})?)(?![\d.,]*\d)\s*(?:[^\W\d_]{1,12}\.?)?(?:\s*[x×*](?=\s*\d))?"
)


def _money_right(line: Line, style: DecimalStyle) -> Amount | None:
    amounts = [a for a in find_amounts(line, style) if not a.is_percent and a.decimals == 2]
    return amounts[-1] if amounts else None


def _text_left_of(line: Line, x: float) -> str:
    return " ".join(w.text for w in line.words if w.x1 <= x + 1).strip()


def read_blocks(ctx: PageContext, style: DecimalStyle) -> ItemsResult:
    """Items printed as blocks: description line(s) and a detail line "n x price [amount]" (shop
    receipts, SaaS and consultancy invoices). The amount stands on the detail line or, when that line
    has none, at the right of the adjacent description line; quantity × price must equal it."""
    result = ItemsResult()
    used: set[int] = set()
    for line in ctx.lines:
        if line.index in used or _is_totals_line(ctx, line):
            continue
        found = _detail(line, style)
        if found is None:
            continue
        quantity, price, rest, qty_offset = found
        amount_line, amount = (
            line,
            next((a for a in reversed(rest) if _any_product(quantity, price.value, a.value)), None),
        )
        if amount is None and not rest:
            # "Widget 19,98" over (or under) "2 x 9,99": the amount is on the neighbouring line.
            for neighbour in (
                ctx.lines[line.index - 1 : line.index],
                ctx.lines[line.index + 1 : line.index + 2],
            ):
                if not neighbour or neighbour[0].index in used:
                    continue
                candidate = _money_right(neighbour[0], style)
                if candidate is not None and _any_product(quantity, price.value, candidate.value):
                    amount_line, amount = neighbour[0], candidate
                    break
        if amount is None:
            continue
        q = next(q for q in _quantity_variants_of(quantity) if _product_matches(q, price.value, amount.value))
        own = _text_left_of(line, line.char_x(qty_offset) - 1).rstrip(" (:,;-\u2013\u2014")
        if amount_line is not line:
            description = [_text_left_of(amount_line, amount.x0)]
            used.add(amount_line.index)
        elif sum(c.isalpha() for c in own) >= 3 and not _QUANTITY_LABEL_RE.fullmatch(fold(own)):
            description = [own]
        else:
            description = _lines_above(ctx, line, used)
        used.add(line.index)
        if not description or not any(description):
            continue
        result.items.append(
            Item(description, q, price.value, amount.value, max(line.index, amount_line.index), True)
        )
    if result.items:
        result.last_line = max(i.line for i in result.items)
        last = ctx.lines[result.last_line]
        result.continues = not any(_is_totals_line(ctx, line) for line in ctx.lines[last.index + 1 :])
    return result


def _quantity_variants_of(quantity: Decimal) -> list[Decimal]:
    return (
        [quantity, quantity / 10, quantity / 100]
        if quantity >= 10 and quantity == int(quantity)
        else [quantity]
    )


def _any_product(quantity: Decimal, price: Decimal, amount: Decimal) -> bool:
    return any(_product_matches(q, price, amount) for q in _quantity_variants_of(quantity))


def _lines_above(ctx: PageContext, line: Line, used: set[int]) -> list[str]:
    """The description lines of a block: contiguous lines right above its detail line, up to the
    previous block, a label or a wider gap."""
    texts: list[str] = []
    below = line
    for above in reversed(ctx.lines[max(0, line.index - _MAX_DESCRIPTION_LINES) : line.index]):
        if above.index in used or below.top - above.bottom > 1.2 * max(em(above), em(below)):
            break
        labels = ctx.header_labels.get(above.index, []) + ctx.total_labels.get(above.index, [])
        if any(label.start == 0 for label in labels):
            break  # "Customer No.: …" above the first block: a header line, not a description
        texts.insert(0, above.text)
        used.add(above.index)
        below = above
    return texts


def _tax_summary_head(line: Line) -> bool:
    """The labels of a tax summary (rate, base, tax, gross) and no item column's."""
    kinds = known_kinds(header_columns(line))
    return len(kinds & {"tax_rate", "net_amount", "tax_amount", "gross_amount"}) >= 3 and not kinds & {
        "description",
        "quantity",
        "unit_price",
    }


_COLUMN_NUMBER_RE = lazy_compile(r"(\d{1,2})[a-z]?|\(\d{1,2}\s*[x×*+\-/]\s*\d{1,2}\)")


def _column_numbers(line: Line) -> bool:
    """A row of column numbers under a table's labels ("0 1 2 3 4 5 (3x4) 6", as Romanian, Bulgarian and
    Russian forms print them, formulas naming the columns they are computed from): consecutive small
    integers from 0 or 1, at least four, each alone in its cell or followed by a letter or a formula."""
    numbers: list[int] = []
    for token in line.text.split():
        m = _COLUMN_NUMBER_RE.fullmatch(token)
        if m is None:
            return False
        if m.group(1) is not None and token.isdigit():
            numbers.append(int(token))
    if len(numbers) < 4 or numbers[0] not in (0, 1):
        return False
    return all(b == a + 1 for a, b in itertools.pairwise(numbers))


def _read_rows(ctx: PageContext, style: DecimalStyle, first: int, columns: list[Column]) -> ItemsResult:
    result = ItemsResult(header_line=first - 1)
    columns = _resolve_roles(ctx, style, first, columns)
    columns = _unlabelled_description(ctx, first, columns)
    under_label = _desc_range(columns, ctx.page.width)
    desc_range = _text_start(ctx, style, first, columns, under_label)
    # Words left of the table (a sidebar, a margin note) belong to another block.
    table_left = min(c.x0 for c in columns if c.kind != "other") - 10
    if desc_range[0] < under_label[0]:
        table_left = min(table_left, desc_range[0] - 10)  # the description starts left of its label
    previous: Line | None = None
    closed = False
    # Description lines read since the last row with numbers (appended to that row as wrapped lines, or
    # standing above the first row): a row whose numbers have no text of their own takes the one it
    # overlaps vertically (cells centred in a row taller than one line).
    loose: list[tuple[Line, list[str]]] = []
    tops: list[Line] = []  # each row's topmost line: its numbers' line or the text line it took
    # Geometry for regrouping bottom-aligned rows: each item's row line and the wrapped lines read after
    # it, and the description lines read above the first row.
    rows: list[tuple[Line, list[tuple[Line, list[str]]]]] = []
    lead: list[tuple[Line, list[str]]] = []
    opening: list[tuple[Line, list[str]]] = []  # description lines of a row whose numbers come lower
    group_start = 0  # the first item after the last running subtotal inside the table
    # A subtotal inside the table closes a group; text opening a row right after it may be the next
    # group's title ("Services" over "Installation 6 95.00 570.00"), dropped when the row has text of its own.
    after_subtotal = False
    title_opening = False
    group_titles = False  # a group after a subtotal opened with a title: the first group has one too
    skip_until = -1  # the last line of a section's own totals block (net, tax, gross) inside the table
    for line in ctx.lines[first:]:
        if line.index <= skip_until:
            continue
        if not result.items and _column_numbers(line):
            previous = line  # "0 1 2 3 4 5 (3x4) 6" under the labels: the columns' numbers, no row
            continue
        amounts = row_amounts(line, style)
        if result.items and not amounts and len(line.segments()) > 2 and _tax_summary_head(line):
            break  # "Stawka VAT | Wartość netto | Kwota VAT | Wartość brutto": a tax summary, no more items
        if result.items and not amounts and len(line.segments()) > 1 and is_header(header_columns(line)):
            # The header of a second table under the first (labour under material): the lines above it
            # (its title) open no row.
            opening, loose, previous = [], [], line
            continue
        if _fills_item_columns(amounts, columns):
            pass  # "Transport 1 75,00 75,00": a row with quantity and price is an item whatever its words
        elif result.items and _words_inside(ctx, style, line, amounts, columns):
            pass  # "Report on site visit", "net weight 2 kg": a wrapped line, the table goes on below it
        elif _is_carry_line(ctx, line):
            if result.items and not _subtotal_inside(
                ctx,
                style,
                line,
                amounts=amounts,
                columns=columns,
                items=result.items,
                group_start=group_start,
            ):
                break  # "carried forward": the table goes on on the next page
            # "brought forward" above the first row, or a running sum between rows ("Übertrag 1.234,00"
            # with more rows right below it)
            group_start = len(result.items)
            after_subtotal = bool(result.items)
            continue
        elif _is_totals_line(ctx, line):
            if _subtotal_inside(
                ctx,
                style,
                line,
                amounts=amounts,
                columns=columns,
                items=result.items,
                group_start=group_start,
            ):
                group_start = len(result.items)
                after_subtotal = True
                continue
            block_end = _section_totals_end(
                ctx,
                style,
                line,
                amounts=amounts,
                columns=columns,
                desc_range=desc_range,
                items=result.items,
                group_start=group_start,
            )
            if block_end is not None:
                group_start = len(result.items)
                after_subtotal = True
                skip_until = block_end
                previous = ctx.lines[block_end]  # the next group's distance is taken from the block
                continue
            if not _labelled_row(
                ctx, style, line, columns=columns, desc_range=desc_range, items=result.items
            ):
                if result.items and previous is not None:
                    result.items[-1].description += _wrap_before_totals(ctx, line, previous, desc_range)
                closed = True
                break
        if (
            previous is not None
            and line.top - previous.bottom > 4.5 * em(line)
            and result.items
            and not (_fills_item_columns(amounts, columns) and _description(line, desc_range))
        ):
            closed = True  # a wide vertical gap ends the table (rows as tall as a product picture do not)
            break
        item = _make_item(line, amounts, columns, desc_range) if amounts else None
        if (
            item is not None
            and item.quantity is None
            and item.unit_price is None
            and len(result.items) - group_start >= 2
            and running_subtotal(amounts, [i.amount for i in result.items], group_start)
            and not _completes_net_total(ctx, style, first, [*result.items, item])
        ):
            # A row of text and one figure, the sum of the rows above ("Total material 1,250.00"):
            # the group's subtotal, not a charge.
            group_start = len(result.items)
            after_subtotal = True
            continue
        if (
            item is not None
            and item.quantity is None
            and item.unit_price is None
            and result.items
            and 0 <= item.amount <= result.items[-1].amount
            and is_share_line(fold(" ".join(item.description)))
            and not _completes_net_total(ctx, style, first, [*result.items, item])
        ):
            # "davon Lohnanteil 412,56", "thereof labour 120.00" under an item: a share of its amount
            # (for a tax deduction, a deposit), neither an item nor part of its name.
            previous = line
            continue
        if item is not None and opening:
            # Lines that opened this row after a wide gap (padded rows, numbers not on the first line).
            own = item.description
            item.description = [t for _, text in opening for t in text]
            if own and not (line.top < opening[-1][0].bottom - 0.15 * line.height):
                item.description = own if title_opening else item.description + own
                group_titles = group_titles or title_opening
            opening = []
            title_opening = False
        elif item is not None and not item.description and loose:
            above, text = loose[-1]
            if line.top < above.bottom - 0.15 * line.height:
                if result.items and result.items[-1].description[-len(text) :] == text:
                    del result.items[-1].description[-len(text) :]
                item.description = list(text)
        if item is not None and not item.description and item.checked and item.quantity is not None:
            # Figures that multiply out (quantity × price = amount) with no text of their own nor any to
            # take (its text went over the page break): still an item, so the count and figures hold.
            item.description = [""]
        if item is not None and item.description:
            top = line
            if loose and rows and item.description == loose[-1][1]:
                # The line this row took (centred cells) is no wrapped line of the row above any more.
                top = loose[-1][0]
                rows[-1] = (rows[-1][0], [(w, t) for w, t in rows[-1][1] if w is not top])
            result.items.append(item)
            after_subtotal = False
            rows.append((line, []))
            tops.append(top)
            result.last_line = line.index
            previous = line
            loose = []
        elif _numbered_heading(ctx, style, line, columns, desc_range):
            previous = line if result.items else previous  # "2  Electrical works" over rows "2.1", "2.2"
        elif not result.items:
            text = _description(line, desc_range)
            loose = [(line, text)] if text else loose
            lead = [*lead, (line, text)] if text else []
        elif result.items and previous is not None:
            text = _description(line, desc_range)
            if text and not opening and _component_row(line, amounts, columns, previous, desc_range):
                previous = line  # a bundle's part under it ("- Power supply 65 W   1"): no item of its own
                continue
            if text and _ends_table_as_heading(ctx, style, line, previous, amounts=amounts, columns=columns):
                closed = True  # "Gesamtbeträge", "Récapitulatif" or a larger title under the last row
                break
            if (
                text
                and not opening
                and _heads_section(
                    ctx,
                    style,
                    line,
                    previous,
                    columns=columns,
                    desc_range=desc_range,
                    first=first,
                    row_pitch=_row_pitch([row for row, _ in rows]),
                )
            ):
                previous = line
                continue
            near = line.top - previous.bottom < 1.6 * em(line)
            # A wrapped line follows at the line pitch or starts where the description text starts; a
            # heading under the table ("Tax summary") stands further off and elsewhere.
            desc_x0 = next(
                (
                    w.x0
                    for w in previous.words
                    if desc_range[0] <= (w.x0 + w.x1) / 2 <= desc_range[1]
                    and not _LONG_POSITION_RE.match(w.text)
                ),
                line.x0,
            )
            tight = line.top - previous.top <= 1.6 * max(em(line), em(previous))
            in_table_words = [w for w in line.words if (w.x0 + w.x1) / 2 >= table_left]
            aligned = bool(in_table_words) and abs(min(w.x0 for w in in_table_words) - desc_x0) < line.height
            # Text after a subtotal inside the table never wraps the row above the subtotal.
            near = near and (tight or aligned) and not after_subtotal
            in_table = [w for w in line.words if (w.x0 + w.x1) / 2 >= table_left]
            # A number of its own in the position column: the line opens the next item (its figures on a
            # line below it), never a wrapped line of the item above, which has no number of its own.
            numbered = _numbered_row(line, columns, desc_range)
            if numbered:
                in_table = [w for w in in_table if w is not line.words[0]]
            # A wrapped description starts inside the description column and stays left of the numbers;
            # a line starting further left is the next block's title.
            inside = bool(in_table) and min(w.x0 for w in in_table) >= desc_range[0] - 6
            inside = inside and all((w.x0 + w.x1) / 2 <= desc_range[1] for w in in_table)
            if text and opening and line.top - previous.bottom < 1.6 * em(line) and inside and not numbered:
                opening.append((line, text))
                previous = line
            elif text and (not near or numbered) and inside and _opens_row(ctx, style, line, columns):
                opening = [(line, text)]
                # (a title may hold a number: "Delivery note 4711 of 02/03", never a money figure)
                title_opening = after_subtotal and not any(a.decimals == 2 for a in amounts)
                previous = line
            elif text and near and inside and _detail_text(line, rows[-1][0]):
                previous = line  # "S/N 4711-22", "Period 01.03.–31.03." in small print under the item
            elif text and near and inside:
                result.items[-1].description.extend(text)
                loose.append((line, text))
                rows[-1][1].append((line, text))
                previous = line
            elif text and not near:
                closed = True
                break
    result.continues = bool(result.items) and not closed
    over_first = lead or _text_above(ctx, style, first, desc_range)
    if (
        lead
        and rows
        and _numbered_row(rows[0][0], columns, desc_range)
        and not _own_position(lead[-1][0], columns, desc_range)
        and not _opens_cell_of(lead[-1][0], rows[0][0], None, _row_pitch([row for row, _ in rows]))
    ):
        # The first row carries its number: text without one above it is the rows' group title, unless
        # it runs on into the row like wrapped text (the number and figures centred or at the bottom).
        lead = []
    if len(over_first) == 1 and _capitalised(over_first[0][1][0]):
        # One line opening with a capitalised word over the first row: a group title. Wrapped text goes
        # on over more lines or mid-sentence ("IP65 mit Zubehör", "noir avec fixations").
        over_first = []
    _regroup_bottom_aligned(result.items, rows, tops, [] if group_titles else lead)
    # A table read from its first row (no header above it) has not seen the text over that row.
    result.carried = carried_text(over_first, result.items)
    _names_above_references(result.items)
    _take_net_amounts(ctx, style, result, columns, first)
    header = ctx.lines[first - 1].folded if first > 0 else ""
    _printed_per_hundred(result.items, bool(_PER_HUNDRED_HEADER.search(header)))
    return result


# A price column whose header says its prices are per 100 pieces or in cents of the unit ("Price/100",
# "Preis pro 100", "c€/kWh", "p/kWh").
_PER_HUNDRED_HEADER = lazy_compile(
    r"/\s*100\b|\b(?:per|pro|par|je)\s+100\b|(?<![a-z])(?:ct|c€|c|p|cents?)\s*/\s*[a-z]"
)


def _printed_per_hundred(items: list[Item], header_says_so: bool) -> None:
    """A scanned table whose prices are per 100 pieces (or in cents per unit) keeps the printed quantity
    of every row where it fits so: "250" × 42.59 ÷ 100 is no lost decimal point. The table shows it by a
    row with a grouped quantity ("2,000") or by its price header; else "1000" × 12.00 ÷ 100 may as well
    be 10.00 × 12.00 with the point lost in every row."""
    if not header_says_so and not any(item.per_hundred for item in items):
        return
    for item in items:
        if item.printed_quantity is not None and _fits_per_hundred(item):
            item.quantity, item.checked, item.per_hundred = item.printed_quantity, True, True


def _fits_per_hundred(item: Item) -> bool:
    printed, price = item.printed_quantity, item.unit_price
    if printed is None or price is None or printed <= 0:
        return False
    return any(abs(printed * price / per - item.amount) <= Decimal("0.0051") for per in _PRICE_UNITS)


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and text[1:2].islower()


def _text_above(
    ctx: PageContext, style: DecimalStyle, first: int, desc_range: tuple[float, float]
) -> list[tuple[Line, list[str]]]:
    """Lines of text alone right above line ``first``, at the text's line pitch and inside the
    description column (a letterhead or a header row stands apart or spans other columns)."""
    found: list[tuple[Line, list[str]]] = []
    below = ctx.lines[first] if first < len(ctx.lines) else None
    for line in reversed(ctx.lines[max(0, first - _MAX_DESCRIPTION_LINES) : first]):
        money = [a for a in row_amounts(line, style) if a.decimals == 2 and not a.is_percent]
        if below is None or below.top - line.bottom >= 1.6 * em(line) or money:
            break  # a gap, or a row of figures ("DN 25" in a name is none)
        inside = all(desc_range[0] - 6 <= w.x0 and (w.x0 + w.x1) / 2 <= desc_range[1] for w in line.words)
        text = _description(line, desc_range)
        if not inside or not text or is_header(header_columns(line)):
            break
        found.insert(0, (line, text))
        below = line
    return found


def carried_text(lead: list[tuple[Line, list[str]]], items: list[Item]) -> list[str]:
    """Text lines read above the first row that no item took (the first row has text of its own): where
    the table went on from the page before, they end that page's last item (a page break inside a
    wrapped description). Tidied as lines after a name are: reference lines left out, the text cut at a
    line of figures."""
    taken = {t for item in items[:1] for t in item.description}
    carried = [t for _, text in lead for t in text if t not in taken]
    if not items or not carried or len(carried) != sum(len(text) for _, text in lead):
        return []
    carried = [t for t in carried if not is_reference_line(fold(t))]
    cut = next((k for k, t in enumerate(carried) if is_figure_line(fold(t))), None)
    return carried[:cut]


def _names_above_references(items: list[Item]) -> None:
    """Items printed as a name over a figures row whose text cell holds a reference (delivery note, EAN,
    period), rows set as tight as their lines: each name reads like a wrapped line of the row above. A
    reference ends an item's text; where text follows it and the next row's own text is a reference,
    that text is the next item's name."""
    for k in range(1, len(items)):
        own, above = items[k].description, items[k - 1].description
        if not own or not is_reference_line(fold(own[0])):
            continue
        flags = [is_reference_line(fold(t)) for t in above]
        last = max((j for j, f in enumerate(flags) if f), default=None)
        if last is None or last + 1 >= len(above) or all(flags[:last]):
            continue  # no text after a reference, or the item above would keep no name of its own
        items[k].description = above[last + 1 :] + own
        del above[last + 1 :]


def _unlabelled_description(ctx: PageContext, first: int, columns: list[Column]) -> list[Column]:
    """The description column as the rows fill it. A header whose description label we do not know
    ("Varebeskrivelse", "Nimike", "Text") leaves the text column as one of no known kind (and its words
    left of the table); a code column's label may read like a description one ("Item No.", "Product").
    Of the columns left of the figures, labelled a description or nothing known, the one whose cells
    hold the most words (letters, no digit) is the description when there is no labelled one or the
    labelled one holds less than half as many: codes, EANs, dates and periods are no words."""
    numeric = [c.x0 for c in columns if c.kind in NUMERIC_KINDS]
    if not numeric:
        return columns
    ordered = sorted(columns, key=lambda c: c.x0)
    candidates = [
        k for k, c in enumerate(ordered) if c.kind in ("other", "description") and c.x1 < min(numeric)
    ]
    labelled = [k for k, c in enumerate(ordered) if c.kind == "description"]
    if not candidates or any(k not in candidates for k in labelled):
        # A description right of a figure ("Qty | Description"): the words left of it are a sidebar.
        return columns
    words = dict.fromkeys(candidates, 0)
    codes = dict.fromkeys(candidates, 0)  # codes, EANs, dates, periods: 3 digits or more
    for line in ctx.lines[first : first + _INFERENCE_ROWS]:
        if _is_totals_line(ctx, line):
            break
        for word in line.words:
            digits = sum(c.isdigit() for c in word.text)
            if digits < 3 and (digits or sum(c.isalpha() for c in word.text) < 2):
                continue
            centre = (word.x0 + word.x1) / 2
            for k in candidates:
                # Cells start at their label (left-aligned text, a little left of it) and end where the
                # next column's do.
                left = max(ordered[k - 1].x1 if k else 0.0, ordered[k].x0 - 6)
                right = ordered[k + 1].x0 if k + 1 < len(ordered) else ctx.page.width
                if left < centre < right:
                    words[k] += not digits
                    codes[k] += bool(digits)
    best = max(candidates, key=lambda k: words[k])
    others = [k for k in labelled if k != best]
    if not words[best] or (best in labelled and not others):
        return columns
    # A labelled description loses its label to words beside it when it holds codes, or holds nothing
    # and the words stand under a description label too ("Code article | Article"); not to text left of
    # it that it holds nothing of (a label centred over its cells: the text starts under the column
    # before it).
    for k in others:
        empty = not words[k] and not codes[k]
        if 2 * words[k] >= words[best] or (codes[k] <= words[k] and not (empty and best in labelled)):
            return columns
    relabelled = {**dict.fromkeys(labelled, "position"), best: "description"}
    return [Column(relabelled.get(k, c.kind), c.x0, c.x1) for k, c in enumerate(ordered)]


def _take_net_amounts(
    ctx: PageContext, style: DecimalStyle, table: ItemsResult, columns: list[Column], first: int
) -> None:
    """The amount column read may hold totals incl. tax or amounts before the row's discount: where the
    row arithmetic (and the net total printed below, when this page has it) says so, each item takes
    quantity × unit price × (1 − discount) as its amount instead."""
    if not table.items:
        return
    desc_right = _desc_range(columns, ctx.page.width)[1]
    rows: list[RowFigures] = []
    for item in table.items:
        discount: Amount | None = None
        rates: list[Decimal] = []
        others: list[Decimal] = []
        # Every figure right of the description counts, under a known header or not ("Steuer", "Moms").
        for a in row_amounts(ctx.lines[item.line], style):
            column = assign_column(a, columns)
            kind = column.kind if column is not None else "other"
            if a.x0 <= desc_right - 2 or kind in ("quantity", "unit_price"):
                continue
            if kind == "discount":
                discount = a
            elif a.is_percent or kind == "tax_rate":
                rates.append(a.value)
            if a.decimals == 2 and not a.is_percent and kind != "discount" and a.value != item.amount:
                others.append(a.value)  # "VAT" heads rates or tax amounts: a figure with cents may be either
        # Of a list price, its discount and a net price, the net price alone gives the line's net amount.
        price, discount = (
            (item.net_unit_price, None) if item.net_unit_price is not None else (item.unit_price, discount)
        )
        rows.append(RowFigures(item.quantity, price, item.amount, discount, tuple(rates), tuple(others)))
    net_totals = _net_totals(ctx, style, first)
    nets = net_line_amounts(rows, net_totals)
    if nets is None:
        for item, alternative in zip(table.items, computed_nets(rows), strict=True):
            item.alternative_amount = alternative
        return
    # Replaced by row arithmetic alone (no net total here confirms it): the amount read stays the
    # alternative, for the document's net total to restore.
    confirmed = any(abs(sum(nets, Decimal(0)) - t) <= Decimal("0.011") * len(nets) for t in net_totals)
    for item, net in zip(table.items, nets, strict=True):
        if net != item.amount:
            item.alternative_amount = None if confirmed else item.amount
            item.amount = net
            item.checked = item.quantity is not None and item.unit_price is not None


def _regroup_bottom_aligned(
    items: list[Item],
    rows: list[tuple[Line, list[tuple[Line, list[str]]]]],
    tops: list[Line],
    lead: list[tuple[Line, list[str]]],
) -> None:
    """Rows whose numbers stand on the LAST or a middle line of a multi-line description (cells aligned
    to the bottom or centred) were read as wrapped lines of the row above (and the first row's opening
    lines as lines above the table). A description line belongs to the row it sits
    closer to: where the widest vertical gap between a row, its wrapped lines and the next row falls
    before the next row's own line, the lines after that gap move to the next row."""
    for k in range(len(rows) - 1):
        row_line, trail = rows[k]
        if not trail:
            continue
        sequence = [row_line, *(line for line, _ in trail), tops[k + 1]]
        gaps = [b.top - a.bottom for a, b in itertools.pairwise(sequence)]
        widest = max(range(len(gaps)), key=lambda i: gaps[i])
        others = [g for i, g in enumerate(gaps) if i != widest]
        # A scan's line boxes move with the skew of lines of different widths: a wider margin.
        margin = (0.75 if row_line.ocr else 0.25) * row_line.height
        if widest == len(gaps) - 1 or gaps[widest] < max(others) + margin:
            continue
        moved = [t for _, lines in trail[widest:] for t in lines]
        if moved and moved[0][:1].islower():
            continue  # a sentence going on ("tot de laatste dag …"), not the start of the next item
        if items[k].description[-len(moved) :] != moved:
            continue
        del items[k].description[-len(moved) :]
        items[k + 1].description[:0] = moved
    if lead and rows:
        sequence = [*(line for line, _ in lead), rows[0][0]]
        gaps = [b.top - a.bottom for a, b in itertools.pairwise(sequence)]
        # A centred first row already took the line it overlaps: prepend only the lines above that one.
        taken = next(
            (j for j, (_, text) in enumerate(lead) if items[0].description[: len(text)] == text), len(lead)
        )
        # Lines right above the first row, at line pitch (a title a row pitch above it is no part of it).
        pitch = rows[0][0].top - lead[-1][0].top
        first_em = em(rows[0][0])
        if max(gaps) < first_em and (pitch < 1.5 * first_em or not items[0].description):
            items[0].description[:0] = [t for _, lines in lead[:taken] for t in lines]


_OUTLINE_NUMBER_RE = lazy_compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")


def _own_position(line: Line, columns: list[Column], desc_range: tuple[float, float]) -> bool:
    """The line starts with a number of its own in the position column ("3", "2.1", "10."): the header's
    column left of the description, a known label ("Pos.") or not ("N°")."""
    position = next((c for c in columns if c.kind in ("position", "other") and c.x1 < desc_range[0]), None)
    if position is None or not line.words or not _OUTLINE_NUMBER_RE.match(line.words[0].text):
        return False
    first = line.words[0]
    return position.x0 - 10 <= (first.x0 + first.x1) / 2 < desc_range[0]


def _numbered_row(line: Line, columns: list[Column], desc_range: tuple[float, float]) -> bool:
    """``_own_position`` with the number left of every figure column: a quantity printed first
    ("Qty | Description") is no row number."""
    if not _own_position(line, columns, desc_range):
        return False
    centre = (line.words[0].x0 + line.words[0].x1) / 2
    return all(centre < c.x0 for c in columns if c.kind in NUMERIC_KINDS)


def _numbered_heading(
    ctx: PageContext, style: DecimalStyle, line: Line, columns: list[Column], desc_range: tuple[float, float]
) -> bool:
    """A group title with a number of its own in the position column and no figures, right over a row
    numbered in its own right ("2  Electrical works" over "2.1 …", "2.2 …"): no wrapped line of the row
    above (which never has a number of its own) nor an opening line of the row below (which has one)."""
    if line.index + 1 >= len(ctx.lines) or not _own_position(line, columns, desc_range):
        return False
    if len(line.words) < 2 or any(not a.is_percent for a in row_amounts(line, style)[1:]):
        return False
    below = ctx.lines[line.index + 1]
    if below.top - line.bottom > 1.6 * em(line) or not _own_position(below, columns, desc_range):
        return False
    assigned = (assign_column(a, columns) for a in row_amounts(below, style) if not a.is_percent)
    return any(column is not None and column.kind == "amount" for column in assigned)


def _component_row(
    line: Line, amounts: list[Amount], columns: list[Column], previous: Line, desc_range: tuple[float, float]
) -> bool:
    """A line at line pitch under a row with a figure in the quantity column and none in the price or
    amount columns: a component of the bundle above (its parts, each with a count and no price). A
    figure inside the description's text ("bancale 15, bolla firmata") is no cell of its own."""
    if line.top - previous.bottom >= 1.6 * em(line):
        return False
    kinds = [
        column.kind
        for a in amounts
        if (column := assign_column(a, columns)) is not None
        and not desc_range[0] <= (a.x0 + a.x1) / 2 <= desc_range[1]
    ]
    return "quantity" in kinds and not any(k in ("unit_price", "amount") for k in kinds)


def _detail_text(line: Line, row: Line) -> bool:
    """A line set clearly smaller than its item's row (a text layer's font sizes, not a scan's boxes):
    detail printed under the item (serial numbers, a period, what it includes), not its description."""
    return not line.ocr and not row.ocr and line.height < 0.85 * row.height


def _opens_row(ctx: PageContext, style: DecimalStyle, line: Line, columns: list[Column]) -> bool:
    """A description line after a wide gap opens the next row when, at line pitch below it, a line with
    an amount in the amount column follows (cells centred or bottom-aligned in padded rows)."""
    above = line
    for below in ctx.lines[line.index + 1 : line.index + _MAX_DESCRIPTION_LINES]:
        if below.top - above.bottom > 1.6 * em(below) or _is_totals_line(ctx, below):
            return False
        assigned = (assign_column(a, columns) for a in row_amounts(below, style) if not a.is_percent)
        if any(column is not None and column.kind == "amount" for column in assigned):
            return True
        above = below
    return False


def _wrap_before_totals(
    ctx: PageContext, line: Line, previous: Line, desc_range: tuple[float, float]
) -> list[str]:
    """The last wrapped line of the last item read into one line with the totals label right of it (a
    skewed scan merges lines whose heights overlap): the text of the segments left of the label, when
    they stand in the description column at line pitch below the row."""
    labels = ctx.total_labels.get(line.index) or []
    if not line.ocr or not labels or line.top - previous.bottom > 1.6 * line.height:
        return []
    label_segment = line.segment_index(labels[0].start)
    if label_segment == 0:
        return []
    start, _ = line.segments()[0]
    end = line.segments()[label_segment - 1][1]
    words = [
        w
        for k, w in zip(line.segment_of_word, line.words, strict=True)
        if k < label_segment and desc_range[0] - 6 <= w.x0 and (w.x0 + w.x1) / 2 <= desc_range[1]
    ]
    if (
        not words
        or any(c.isdigit() for c in line.text[start:end])
        or len(words) != sum(1 for k in line.segment_of_word if k < label_segment)
    ):
        return []
    return [" ".join(w.text for w in words)]


def _words_inside(
    ctx: PageContext, style: DecimalStyle, line: Line, amounts: list[Amount], columns: list[Column]
) -> bool:
    """A line of text without money that starts like a totals or carry label, with item rows right
    below it: text of the table (a description line), not the end of it."""
    if any(a.decimals == 2 for a in amounts) or not (_is_carry_line(ctx, line) or _is_totals_line(ctx, line)):
        return False
    return table_resumes(
        ctx.lines,
        line.index,
        lambda below: (
            (_is_totals_line(ctx, below) or _is_carry_line(ctx, below))
            and any(a.decimals == 2 for a in row_amounts(below, style))
        ),
        lambda below: _fills_item_columns(row_amounts(below, style), columns),
    )


def _heads_section(
    ctx: PageContext,
    style: DecimalStyle,
    line: Line,
    previous: Line,
    *,
    columns: list[Column],
    desc_range: tuple[float, float],
    first: int,
    row_pitch: float | None = None,
) -> bool:
    """A line of text alone above a row with a description of its own, as far from it as rows stand apart
    and clearly further than the tightest line pitch of the table so far (a table spaced evenly, wrapped
    lines and rows alike, shows no heading apart from its text): a section heading."""
    below = ctx.lines[line.index + 1] if line.index + 1 < len(ctx.lines) else None
    if below is None or _is_totals_line(ctx, below) or not _description(below, desc_range):
        return False
    assigned = (assign_column(a, columns) for a in row_amounts(below, style) if not a.is_percent)
    if not any(column is not None and column.kind == "amount" for column in assigned):
        return False
    tightest = line_pitch(ctx.lines[first : line.index + 1])
    if tightest is None:
        return False
    if (
        _numbered_row(below, columns, desc_range)
        and not _own_position(line, columns, desc_range)
        and line.top - previous.top >= tightest + 0.3 * em(line)
        and below.top - line.top >= tightest - 0.1 * em(line)
        and not _opens_cell_of(line, below, previous, row_pitch)
        and not _closes_cell_of(line, previous, below, row_pitch)
    ):
        # Rows numbered in the position column: text without a number, set off from the row above and
        # a row pitch over a numbered row, is a group title ("Kitchen", "Delivery 2"), not the opening
        # line of the row below (which would carry the number).
        return True
    if below.top - line.top < tightest + 0.3 * em(line):
        return False
    if heading_between(previous, line, below):
        return True
    # Set off from the rows above and a row pitch above the next row, which has text of its own: the
    # title of the rows below (an opening line of a padded row stands at line pitch above its figures).
    far_above = line.top - previous.bottom >= 1.6 * em(line)
    return far_above and below.top - line.top >= 1.5 * em(line)


def _ends_table_as_heading(
    ctx: PageContext,
    style: DecimalStyle,
    line: Line,
    previous: Line,
    *,
    amounts: list[Amount],
    columns: list[Column],
) -> bool:
    """A line of text alone under the rows that heads the block below them, not a wrapped description:
    a totals or summary heading ("Summen", "Totals", "Récapitulatif"), or text in a larger type than the
    row above (a text layer's line heights tell type sizes; a scan's do not). Never when item rows follow
    before the totals (a group title inside the table)."""
    if amounts:
        return False
    larger = not line.ocr and not previous.ocr and line.height >= 1.25 * previous.height
    if not (larger or is_closing_heading(line.folded)):
        return False
    return not table_resumes(
        ctx.lines,
        line.index,
        lambda below: _is_totals_line(ctx, below),
        lambda below: _fills_item_columns(row_amounts(below, style), columns),
    )


def _row_pitch(rows: list[Line]) -> float | None:
    """The tightest distance between the tops of consecutive rows' figure lines."""
    steps = [b.top - a.top for a, b in itertools.pairwise(rows) if b.top > a.top]
    return min(steps) if steps else None


def _in_one_cell(line: Line, other: Line, row_pitch: float | None) -> bool:
    """``line`` and ``other`` (the row's figures or text next to them) stand closer than rows stand
    apart: lines of one cell, where a title over a row stands a row pitch off."""
    return row_pitch is None or abs(other.top - line.top) < row_pitch - 0.3 * em(line)


def _opens_cell_of(line: Line, below: Line, above: Line | None, row_pitch: float | None) -> bool:
    """``line`` runs on into the row ``below`` as wrapped lines of one cell do (their boxes all but touch,
    closer than rows stand apart) and stands clearly further from the row ``above``: the first line of a
    description whose row's number and figures are centred in it or at its bottom, not a group title."""
    gap = below.top - line.bottom
    if gap > 0.4 * em(line) or not _in_one_cell(line, below, row_pitch):
        return False
    return above is None or line.top - above.bottom >= gap + 0.5 * em(line)


def _closes_cell_of(line: Line, above: Line, below: Line, row_pitch: float | None) -> bool:
    """``line`` goes on from the row ``above`` as wrapped lines of one cell do and stands clearly further
    from the row ``below``: the last line of a description whose figures are centred in it, not a group
    title over the next row."""
    gap = line.top - above.bottom
    if gap > 0.4 * em(line) or not _in_one_cell(line, above, row_pitch):
        return False
    return below.top - line.bottom >= gap + 0.5 * em(line)


def _completes_net_total(ctx: PageContext, style: DecimalStyle, first: int, items: list[Item]) -> bool:
    """The items, a charge row among them, add up to a net total printed below the table."""
    total = sum((i.amount for i in items), Decimal(0))
    slack = Decimal("0.011") * len(items)
    return any(abs(total - t) <= slack for t in _net_totals(ctx, style, first))


def _subtotal_inside(
    ctx: PageContext,
    style: DecimalStyle,
    line: Line,
    *,
    amounts: list[Amount],
    columns: list[Column],
    items: list[Item],
    group_start: int,
) -> bool:
    """A totals line inside the table: a running subtotal (the sum of the rows above it) with more item
    rows right below it, before the totals block."""
    if not running_subtotal(amounts, [i.amount for i in items], group_start):
        return False
    return table_resumes(
        ctx.lines,
        line.index,
        lambda below: _is_totals_line(ctx, below),
        lambda below: _fills_item_columns(row_amounts(below, style), columns),
    )


_SECTION_BLOCK = 3  # lines of a section's totals block under its net (tax lines, the section's gross)


def _section_totals_end(
    ctx: PageContext,
    style: DecimalStyle,
    line: Line,
    *,
    amounts: list[Amount],
    columns: list[Column],
    desc_range: tuple[float, float],
    items: list[Item],
    group_start: int,
) -> int | None:
    """A section's own totals inside the table (a delivery note's or a service's "Net 20.00 / VAT 19 %
    3.80 / Total 23.80") with the next section's rows below: the index of the block's last line. The
    first line sums the section's rows; each line after it is a totals line whose figure is a tax on that
    sum (at the rate it prints or a usual one) or the sum with such taxes; then, within a few lines, rows
    of the table go on (a figures row, or a title and a row of text and an amount under unpriced rows)."""
    if not items or not running_subtotal(amounts, [i.amount for i in items], group_start):
        return None
    money = [a for a in amounts if a.decimals == 2 and not a.is_percent]
    subtotal = money[-1].value
    taxes: list[Decimal] = []
    end = line.index
    for below in ctx.lines[line.index + 1 : line.index + 1 + _SECTION_BLOCK]:
        if not _is_totals_line(ctx, below):
            break
        found = row_amounts(below, style)
        figures = [a.value for a in found if a.decimals == 2 and not a.is_percent]
        rates = [a.value for a in found if a.is_percent] or list(_TAX_RATES)
        if not figures:
            break
        value = figures[-1]
        if any(abs(subtotal * r / 100 - value) <= _CENT_SLACK for r in rates):
            taxes.append(value)
        elif not taxes or abs(subtotal + sum(taxes, Decimal(0)) - value) > _CENT_SLACK * len(taxes):
            break
        end = below.index
    if not taxes:
        return None

    # Rows of the next section look like the rows above: with quantity and price when those had them;
    # rows of an amount only when a title opens the section ("Usage" over "Calls abroad 3.50"), so that
    # a statement's "Previous balance 80.00" under the charges is no row.
    priced = any(i.quantity is not None and i.unit_price is not None for i in items[group_start:])
    titled = False
    for below in ctx.lines[end + 1 : end + 1 + _SECTION_BLOCK + 1]:
        if _is_totals_line(ctx, below):
            return None
        found = row_amounts(below, style)
        if _fills_item_columns(found, columns):
            return end
        money = [a for a in found if (c := assign_column(a, columns)) is not None and c.kind == "amount"]
        if not money and _description(below, desc_range):
            titled = True
        elif titled and not priced and len(money) == 1 and not any(a.is_percent for a in found):
            return end
    return None


def _labelled_row(
    ctx: PageContext,
    style: DecimalStyle,
    line: Line,
    *,
    columns: list[Column],
    desc_range: tuple[float, float],
    items: list[Item],
) -> bool:
    """A row whose text starts like a totals label ("Tax return 2023", "Total station rental") with its
    figure in the amount column: an item when the table goes on below it with rows of text and an
    amount, or when the items add up to the net total printed below only with it. A running subtotal
    was told apart before; a totals line sums the rows above, which no item does. On a scan (lines of
    garbled or merged words) only the net total decides."""
    if not _description(line, desc_range):
        return False

    def row_amount(row: Line) -> Amount | None:
        amounts = row_amounts(row, style)
        money = [
            a
            for a in amounts
            if (column := assign_column(a, columns)) is not None and column.kind == "amount"
        ]
        # "VAT 19 % 23.75": a rate names a tax line.
        if len(money) != 1 or any(a.is_percent for a in amounts) or not _description(row, desc_range):
            return None
        return money[0]

    own = row_amount(line)
    if own is None:
        return False
    if running_subtotal(row_amounts(line, style), [i.amount for i in items], 0):
        return False  # "Subtotal 1,250.00" over "Shipping 5.00": the sum of the rows above
    total = sum((i.amount for i in items), Decimal(0))
    if items and any(abs(total * rate / 100 - own.value) <= _CENT_SLACK for rate in _TAX_RATES):
        return False  # "VAT 19.00" over "Shipping 5.00": a tax on the rows above
    if not line.ocr and table_resumes(
        ctx.lines,
        line.index,
        lambda below: _is_totals_line(ctx, below),
        lambda below: row_amount(below) is not None,
    ):
        return True
    # Such rows up to the totals: the items add up to the net total with some of them, not without.
    if _completes_net_total(ctx, style, line.index, items):
        return False
    run: list[Item] = []
    for below in ctx.lines[line.index : line.index + _LABELLED_RUN]:
        amount = row_amount(below)
        if amount is None:
            break
        run.append(Item([], None, None, amount.value, below.index))
        if _completes_net_total(ctx, style, line.index, [*items, *run]):
            return True
    return False


_TAX_RATES = tuple(Decimal(n) / 2 for n in range(1, 61))  # 0.5 % to 30 %
_LABELLED_RUN = 6  # rows looked at below a row that starts like a totals label


def _fills_item_columns(amounts: list[Amount], columns: list[Column]) -> bool:
    # A percentage is no quantity nor price ("Surcharge 5 % on 46,459.26  2,322.96" under the rows).
    kinds = {
        column.kind for a in amounts if not a.is_percent and (column := assign_column(a, columns)) is not None
    }
    return {"quantity", "unit_price", "amount"} <= kinds


def _without_header(ctx: PageContext, style: DecimalStyle, below_summary: bool = False) -> ItemsResult:
    """A table without a header row: columns inferred from the figures (and wrapped description lines
    read like under a header), unless the simpler reading of aligned amounts explains more rows."""
    rows = _aligned_rows(ctx, style, below_summary)
    simple = _headerless(ctx, style, rows)
    if not rows:
        return simple
    sample = rows[:_INFERENCE_ROWS]
    # Text columns from every line of the sampled rows: figures centred in tall rows stand on a line of
    # their own, the description's lines around them.
    text_lines = ctx.lines[sample[0][0].index : sample[-1][0].index + 1]
    columns = infer_columns(
        text_lines,
        [[a for a in row_amounts(line, style) if not _inside_text(line, a)] for line, _ in sample],
        _net_totals(ctx, style, rows[0][0].index),
    )
    # One row alone (the last item on a page of its own) counts only when its figures multiply out.
    if not columns or (len(rows) == 1 and not any(c.kind == "quantity" for c in columns)):
        return simple
    inferred = _read_rows(ctx, style, rows[0][0].index, columns)
    inferred.header_line = None
    if len(inferred.items) < len(simple.items) or sum(i.checked for i in inferred.items) < sum(
        i.checked for i in simple.items
    ):
        return simple
    return inferred


_INFERENCE_ROWS = 30  # rows enough to tell the columns apart; bounds the arithmetic per page


def _inside_text(line: Line, amount: Amount) -> bool:
    """A whole number after words of its own cell ("Annual accounts 2023", "Cable 3"): part of the text,
    no figure of a column ("2,5 h" has its unit after it, a column's figure stands alone). A percentage
    with words of its own cell on both sides ("Cover B (20 %) class 3") is part of the text too: a rate
    column's figure ends its cell."""
    start, end = line.segment_span(amount.start)
    letters_before = sum(c.isalpha() for c in line.text[start : amount.start])
    if amount.is_percent:
        return letters_before >= 3 and sum(c.isalpha() for c in line.text[amount.end : end]) >= 3
    return not amount.decimals and letters_before >= 3


def _aligned_rows(
    ctx: PageContext, style: DecimalStyle, below_summary: bool = False
) -> list[tuple[Line, list[Amount]]]:
    """Rows above the first totals line whose last money amount ends on the most common right edge.
    ``below_summary``: also rows under totals lines standing above them all (a statement's summary of
    what is due at the top of the page), when they add up to a total printed on the page."""
    rows: list[tuple[Line, list[Amount]]] = []
    below_totals = False
    for line in ctx.lines:
        if _is_carry_line(ctx, line):
            continue  # "brought forward" over the rows of a continuation page, "carried forward" under them
        if _is_totals_line(ctx, line):
            if rows or not below_summary:
                break
            below_totals = True
            continue
        if ctx.header_labels.get(line.index):
            continue
        amounts = [a for a in row_amounts(line, style) if a.decimals == 2 and not a.is_percent]
        if amounts and amounts[0].x0 > line.x0 + 60:
            if below_summary and not below_totals:
                return []  # rows above every totals line: the plain reading has seen them
            rows.append((line, amounts))
    if below_summary and not below_totals:
        return []
    groups: dict[int, list[tuple[Line, list[Amount]]]] = {}
    for row in rows:
        groups.setdefault(round(row[1][-1].x1 / 4), []).append(row)
    group = max(groups.values(), key=len) if groups else []
    # Amounts set flush left ("$0.00" over "$20.20", a plain list with no ruled columns) share their left
    # edge instead: that column when it holds more rows.
    flush_left: dict[int, list[tuple[Line, list[Amount]]]] = {}
    for row in rows:
        flush_left.setdefault(round(row[1][-1].x0 / 4), []).append(row)
    left_group = max(flush_left.values(), key=len) if flush_left else []
    if len(left_group) > len(group):
        group = left_group
    if below_totals and group:
        # Under a totals line the rows are charges only when they add up to a total printed on the page.
        totals = printed_totals(ctx, style, lambda line: _is_totals_line(ctx, line))
        if not adds_up([amounts[-1].value for _, amounts in group], totals):
            return []
    return group


def _sole_charge(ctx: PageContext, style: DecimalStyle, line: Line, money: list[Amount]) -> bool:
    """One row alone ("Annual cover 1,000.00") is the invoice's only item when the first totals line
    under it repeats its amount in the same column: the sum of one item is that item."""
    if len(money) != 1 or sum(c.isalpha() for c in line.text[: money[0].start]) < 3:
        return False
    totals = next((t for t in ctx.lines[line.index + 1 :] if _is_totals_line(ctx, t)), None)
    if totals is None:
        return False
    figures = [a for a in row_amounts(totals, style) if a.decimals == 2 and not a.is_percent]
    return bool(figures) and figures[-1].value == money[0].value and abs(figures[-1].x1 - money[0].x1) <= 4


def _headerless(ctx: PageContext, style: DecimalStyle, group: list[tuple[Line, list[Amount]]]) -> ItemsResult:
    """Items from the rows of ``_aligned_rows`` (last amount in one right-aligned column)."""
    if len(group) < 2 and not (group and _sole_charge(ctx, style, *group[0])):
        return ItemsResult()
    right_edge = max(r[1][-1].x1 for r in group)
    # Columns from the values themselves: amount = last, unit price = the one before, quantity before.
    columns = [Column("amount", min([right_edge - 50, *(r[1][-1].x0 for r in group)]), right_edge)]
    widths = [len(r[1]) for r in group]
    first_amount_x = min(r[1][-1].x0 for r in group)
    if max(widths) >= 2:
        prices = [r[1][-2] for r in group if len(r[1]) >= 2]
        # A price column is right-aligned; prices at scattered places are written into the row's text
        # ("2 days at 1,200.00") and leave the description column whole.
        if max(p.x1 for p in prices) - min(p.x1 for p in prices) <= 4:
            columns.append(Column("unit_price", min(p.x0 for p in prices), max(p.x1 for p in prices)))
            first_amount_x = min(r[1][0].x0 for r in group)
    synthetic = ItemsResult()
    for line, money in group:
        qty_amounts = row_amounts(line, style)
        # A row without a price (a charge line) may run its text on over the price column.
        desc_range = (0.0, max(first_amount_x, money[0].x0) - 4)
        item = _make_item(line, qty_amounts, columns, desc_range)
        if item is not None and item.description:
            synthetic.items.append(item)
    if synthetic.items:
        synthetic.last_line = synthetic.items[-1].line
        last = ctx.lines[synthetic.last_line]
        synthetic.continues = not any(_is_totals_line(ctx, line) for line in ctx.lines[last.index + 1 :])
    return synthetic
