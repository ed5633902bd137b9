"""The columns of a table with a header, checked against its rows: which money column is the line's
net amount (the header's kinds, the rows' arithmetic, the net total printed below), where the description
column's text starts and what it holds when its label is unknown, and amounts replaced by the rows' net
products where the column read holds totals incl. tax or amounts before a discount.
"""

from __future__ import annotations

from decimal import Decimal

from invoiceflow.domain.extraction.column_inference import Column, RowFigures, computed_nets, net_line_amounts
from invoiceflow.domain.extraction.column_inference import discounted as _discounted
from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.item_header import (
    AMOUNT_KINDS,
    NUMERIC_KINDS,
    assign_column,
    assign_index,
    placed_by_cell,
)
from invoiceflow.domain.extraction.item_lines import (
    ItemsResult,
    fills_item_columns,
    is_totals_line,
    printed_net_totals,
    row_amounts,
)
from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.numbers import Amount, DecimalStyle

_ROLE_KINDS = ("quantity", "unit_price", "discount", "tax_rate", "extra", *AMOUNT_KINDS)


def resolve_roles(ctx: PageContext, style: DecimalStyle, first: int, columns: list[Column]) -> list[Column]:
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
            index = assign_index(placed_by_cell(line, a, columns), columns, _ROLE_KINDS)
            if index is not None:
                cells[index] = a
        if is_totals_line(ctx, line) and len(cells) < 3:
            break
        if len(cells) >= 2:
            rows.append(cells)
    for i, kind in enumerate(kinds):
        cells_i = [r[i] for r in rows if i in r]
        if kind != "discount" and cells_i and 2 * sum(a.is_percent for a in cells_i) > len(cells_i):
            kinds[i] = "tax_rate"
    candidates = [i for i, k in enumerate(kinds) if k in ("net_amount", "amount", "gross_amount")]
    if len(candidates) > 1:
        net_totals = printed_net_totals(ctx, style, first)
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


def net_from_products(ctx: PageContext, style: DecimalStyle, table: ItemsResult, first: int) -> None:
    """A table without a net amount column (quantity, net unit price, tax, total incl. tax): when the
    products quantity × price add up to the net total printed below and the amounts do not, the
    products are the lines' net amounts."""
    items = table.items
    if not items or any(i.checked or i.quantity is None or i.unit_price is None for i in items):
        return
    products = [(i.quantity * i.unit_price).quantize(Decimal("0.01")) for i in items]  # type: ignore[operator]
    if any(abs(p) > abs(i.amount) for p, i in zip(products, items, strict=True)):  # credit notes: negative
        return
    net_totals = printed_net_totals(ctx, style, first)
    n = len(items)
    if any(abs(sum(products, Decimal(0)) - t) <= Decimal("0.011") * n for t in net_totals) and not any(
        abs(sum((i.amount for i in items), Decimal(0)) - t) <= Decimal("0.011") * n for t in net_totals
    ):
        for item, product in zip(items, products, strict=True):
            item.amount, item.checked = product, True


def description_range(columns: list[Column], page_width: float) -> tuple[float, float]:
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


def text_start(
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
    for line in ctx.lines[first : first + INFERENCE_ROWS]:
        amounts = row_amounts(line, style)
        if is_totals_line(ctx, line) and not fills_item_columns(line, amounts, columns):
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


def unlabelled_description(ctx: PageContext, first: int, columns: list[Column]) -> list[Column]:
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
    for line in ctx.lines[first : first + INFERENCE_ROWS]:
        if is_totals_line(ctx, line):
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


def take_net_amounts(
    ctx: PageContext, style: DecimalStyle, table: ItemsResult, columns: list[Column], first: int
) -> None:
    """The amount column read may hold totals incl. tax or amounts before the row's discount: where the
    row arithmetic (and the net total printed below, when this page has it) says so, each item takes
    quantity × unit price × (1 − discount) as its amount instead."""
    if not table.items:
        return
    desc_right = description_range(columns, ctx.page.width)[1]
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
    net_totals = printed_net_totals(ctx, style, first)
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


INFERENCE_ROWS = 30  # rows enough to tell the columns apart; bounds the arithmetic per page
