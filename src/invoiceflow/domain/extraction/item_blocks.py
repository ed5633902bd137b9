"""Items printed as blocks instead of table rows: description line(s) over a detail line "n x price
[amount]" (shop receipts, SaaS and consultancy invoices, "Rs 1200 x 2 Nights x 1 Room").
"""

from __future__ import annotations

import re
from decimal import Decimal

from invoiceflow.domain.extraction.column_inference import product_matches as _product_matches
from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.item_figures import counts_after
from invoiceflow.domain.extraction.item_header import COLUMN_PATTERNS
from invoiceflow.domain.extraction.item_lines import MAX_DESCRIPTION_LINES, Item, ItemsResult, is_totals_line
from invoiceflow.domain.extraction.item_rows import em
from invoiceflow.domain.extraction.layout import Line, fold
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import Amount, DecimalStyle, find_amounts, parse_number

# "2 x 9,99", "Qty 3 @ 25.00", "2 Stk x 0,99", "1,5 h à 80,00": a quantity, an optional unit word and a
# multiplication sign; the unit price is the number right after it.
_DETAIL_RE = lazy_compile(
    r"(?<![\w.,])(?P<qty>\d{1,6}(?:[.,]\d{1,4})?)\s*(?:(?P<unit>(?![xX×])[^\W\d_]{1,5})\.?\s*)?"
    r"(?P<sign>[xX×*@]|at|à)(?=[\s\d€$£₹¥])"
)

_QUANTITY_LABEL_RE = lazy_compile(rf"(?:{COLUMN_PATTERNS['quantity']})\.?\s*:?")
# Lines that end the description lines above a detail line: a label opening the line ("Customer:",
# "Kasse:"), a rule printed with dashes or equals signs, a count alone in the unit the receipt counts in.
_LABEL_START_RE = lazy_compile(r"[^\W\d_][\w.]*:(?:\s|$)")
_RULE_RE = lazy_compile(r"[-=_*]{5,}")
_COUNT_ONLY_RE = lazy_compile(r"\d{1,4}\s*(?P<unit>[^\W\d_]{1,5})\.?")


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
    counted = counts_after(line, m.end("sign"))
    if counted is None:
        return None
    quantity, offset = counted
    after = [a for a in find_amounts(line, style, offset) if not a.is_percent]
    return quantity, rate, after, rate.start


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
        if line.index in used or is_totals_line(ctx, line):
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
            detail = _DETAIL_RE.match(line.text, qty_offset)
            unit = fold(detail["unit"]) if detail is not None and detail["unit"] else None
            description = _lines_above(ctx, line, style, used, unit)
        used.add(line.index)
        if not description or not any(description):
            continue
        result.items.append(
            Item(description, q, price.value, amount.value, max(line.index, amount_line.index), True)
        )
    if result.items:
        result.last_line = max(i.line for i in result.items)
        last = ctx.lines[result.last_line]
        result.continues = not any(is_totals_line(ctx, line) for line in ctx.lines[last.index + 1 :])
    return result


def _quantity_variants_of(quantity: Decimal) -> list[Decimal]:
    return (
        [quantity, quantity / 10, quantity / 100]
        if quantity >= 10 and quantity == int(quantity)
        else [quantity]
    )


def _any_product(quantity: Decimal, price: Decimal, amount: Decimal) -> bool:
    return any(_product_matches(q, price, amount) for q in _quantity_variants_of(quantity))


def _lines_above(
    ctx: PageContext, line: Line, style: DecimalStyle, used: set[int], unit: str | None
) -> list[str]:
    """The description lines of a block: contiguous lines right above its detail line, up to the
    previous block, a label, a printed rule or a wider gap."""
    texts: list[str] = []
    below = line
    for above in reversed(ctx.lines[max(0, line.index - MAX_DESCRIPTION_LINES) : line.index]):
        if above.index in used or below.top - above.bottom > 1.2 * max(em(above), em(below)):
            break
        labels = ctx.header_labels.get(above.index, []) + ctx.total_labels.get(above.index, [])
        if any(label.start == 0 for label in labels) or _LABEL_START_RE.match(above.text):
            break  # "Customer No.: …" above the first block: a header line, not a description
        if _RULE_RE.search(above.text):
            break  # "--------" closes the receipt's head
        count = _COUNT_ONLY_RE.fullmatch(fold(above.text))
        if count is not None and unit is not None and count["unit"] == unit:
            break  # "1 pcs." over a name whose detail line reads "2 pcs x 1,99": the count of the entry above
        if _money_right(above, style) is not None:
            # "Discount -0,27", "Regular price 2,99", a detail line OCR could not split into its figures:
            # the previous article's lines, each with its money; a name line carries none.
            break
        texts.insert(0, above.text)
        used.add(above.index)
        below = above
    return texts
