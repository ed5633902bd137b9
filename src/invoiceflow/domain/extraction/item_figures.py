"""One row's figures into an ``Item``: which number is the quantity, the unit price and the amount
(quantity × price = amount, prices per 100 pieces, list and net prices, a rate written into the text),
and readings that make a row multiply out (space-grouped thousands, numbers split across two columns, a
lost quantity, repaired OCR digits).
"""

from __future__ import annotations

import itertools
from decimal import ROUND_HALF_UP, Decimal

from invoiceflow.domain.extraction.column_inference import Column
from invoiceflow.domain.extraction.column_inference import discounted as _discounted
from invoiceflow.domain.extraction.column_inference import product_matches as _product_matches
from invoiceflow.domain.extraction.dates import DateOrder, find_dates
from invoiceflow.domain.extraction.item_header import assign_column, placed_by_cell
from invoiceflow.domain.extraction.item_lines import CENT_SLACK, Item, description_words
from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import Amount, DecimalStyle, parse_number
from invoiceflow.domain.extraction.ocr_repair import money_readings
from invoiceflow.domain.extraction.row_digits import edited_price, lost_cents, repaired_figures


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
PRICE_UNITS = (Decimal(100), Decimal(1000))


def _per_hundreds(quantity: Decimal, price: Decimal, amount: Amount) -> bool:
    """quantity × price ÷ 100 (or ÷ 1000) = amount, to the cent: a price per 100 (1000) pieces."""
    return quantity > 0 and any(
        abs(quantity * price / per - amount.value) <= Decimal("0.0051") for per in PRICE_UNITS
    )


def make_item(
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
        column = assign_column(placed_by_cell(line, a, columns), columns)
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
    if unit_price is None and discount is None and (pair := _list_left_of_net(prices, quantity, amount)):
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
        description_words(line, desc_range, strip_position, skip=intruder),
        None,
        None,
        amount.value,
        line.index,
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
        # read from the price column, nor the net price told from the list price left of it.
        others = {id(a) for a in [*extras, net_price] if a is not None} if unit_price is not None else set()
        candidates = [
            a
            for a in [a for a in amounts if a.x0 > desc_range[1] - 2] + alone
            if id(a) not in others
            and not any(d.start <= a.start < d.end or a.start <= d.start < a.end for d in dates)
        ]
        found = _recover_by_arithmetic(item, amount, candidates, line.ocr)
        if found is not None and found in alone:
            item.description = description_words(line, desc_range, strip_position, skip=(found.x0, found.x1))
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
            counted = counts_after(line, m.end())
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


def counts_after(line: Line, offset: int) -> tuple[Decimal, int] | None:
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


def _list_left_of_net(
    prices: list[Amount], quantity: Amount | None, amount: Amount
) -> tuple[Amount, Amount] | None:
    """Two prices and no discount column read ("Prix de base | Prix net", its discount's label unknown):
    the left one the list price, the right one the net price it was discounted to, when it is the lower
    and (where a quantity was read) quantity × it = amount."""
    money = [a for a in prices if a.decimals == 2]  # (figures of unknown columns nearby are whole numbers)
    if len(money) != 2:
        return None
    listed, net = sorted(money, key=lambda a: a.x0)
    if abs(net.value) >= abs(listed.value) or (listed.value < 0) != (net.value < 0):
        return None
    if quantity is not None and not _product_matches(quantity.value, net.value, amount.value):
        return None
    return listed, net


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
                            exact = abs(q * price - total) <= CENT_SLACK or q == q.to_integral_value()
                            if q > 0 and price and exact and _product_matches(q, price, total):
                                # Quantity before price is the usual order: it wins a tie.
                                cost = cost_a + cost_p + cost_q + (0.05 if j > i else 0.0)
                                inside_desc = (qx0, qx1) if qx0 < desc_range[1] - 2 else None
                                if best is None or cost < best[0]:
                                    best = (cost, q, price, total, inside_desc)
    if best is None:
        return None
    _, quantity, price, total, skip = best
    description = description_words(line, desc_range, strip_position, skip=skip)
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


# One count of a rate expression and the sign before the next: "2 Nights x ", "3 Tage", "1 Room".
_COUNT_RE = lazy_compile(
    r"\s*(?P<count>\d{1,4}(?:[.,]\d{1,2})?)(?![\d.,]*\d)\s*(?:[^\W\d_]{1,12}\.?)?(?:\s*[x×*](?=\s*\d))?"
)
