"""Items of a table without a header row (a continuation page that does not repeat it, a letter with
one charge): columns inferred from the figures, else rows whose last amounts align in one right-aligned
column above the totals block.
"""

from __future__ import annotations

from collections.abc import Callable

from invoiceflow.domain.extraction.column_inference import Column, infer_columns
from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.item_column_roles import INFERENCE_ROWS
from invoiceflow.domain.extraction.item_figures import make_item
from invoiceflow.domain.extraction.item_lines import (
    ItemsResult,
    cell_start,
    is_carry_line,
    is_totals_line,
    printed_net_totals,
    row_amounts,
)
from invoiceflow.domain.extraction.item_sections import adds_up, printed_totals
from invoiceflow.domain.extraction.item_table import read_rows
from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.numbers import Amount, DecimalStyle


def without_header(ctx: PageContext, style: DecimalStyle, below_summary: bool = False) -> ItemsResult:
    """A table without a header row: columns inferred from the figures (and wrapped description lines
    read like under a header), unless the simpler reading of aligned amounts explains more rows."""
    rows = _aligned_rows(ctx, style, below_summary)
    simple = _headerless(ctx, style, rows)
    if not rows:
        return simple
    sample = rows[:INFERENCE_ROWS]
    # Text columns from every line of the sampled rows: figures centred in tall rows stand on a line of
    # their own, the description's lines around them.
    text_lines = ctx.lines[sample[0][0].index : sample[-1][0].index + 1]
    columns = infer_columns(
        text_lines,
        [[a for a in row_amounts(line, style) if not _inside_text(line, a)] for line, _ in sample],
        printed_net_totals(ctx, style, rows[0][0].index),
    )
    # One row alone (the last item on a page of its own) counts only when its figures multiply out.
    if not columns or (len(rows) == 1 and not any(c.kind == "quantity" for c in columns)):
        return simple
    inferred = read_rows(ctx, style, rows[0][0].index, columns)
    inferred.header_line = None
    if len(inferred.items) < len(simple.items) or sum(i.checked for i in inferred.items) < sum(
        i.checked for i in simple.items
    ):
        return simple
    return inferred


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
        if is_carry_line(ctx, line):
            continue  # "brought forward" over the rows of a continuation page, "carried forward" under them
        if is_totals_line(ctx, line):
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
    group = _aligned(rows, lambda a: a.x1)
    # Amounts set flush left ("$0.00" over "$20.20", a plain list with no ruled columns) share their left
    # edge instead, amounts centred in their cells (tables drawn by PDF libraries) their middle: that
    # column when it holds more rows.
    for edge in (lambda a: a.x0, lambda a: (a.x0 + a.x1) / 2):
        other = _aligned(rows, edge)
        if len(other) > len(group):
            group = other
    if below_totals and group:
        # Under a totals line the rows are charges only when they add up to a total printed on the page.
        totals = printed_totals(ctx, style, lambda line: is_totals_line(ctx, line))
        if not adds_up([amounts[-1].value for _, amounts in group], totals):
            return []
    return group


_ALIGNED = 4.0  # points: one column's amounts share an edge (or their middle) to this


def _aligned(
    rows: list[tuple[Line, list[Amount]]], edge: Callable[[Amount], float]
) -> list[tuple[Line, list[Amount]]]:
    """The most rows whose last amounts have ``edge`` within a few points of each other (in page order)."""
    best: list[tuple[Line, list[Amount]]] = []
    for _, amounts in rows:
        low = edge(amounts[-1])
        group = [row for row in rows if low <= edge(row[1][-1]) <= low + _ALIGNED]
        if len(group) > len(best):
            best = group
    return best


def _sole_charge(ctx: PageContext, style: DecimalStyle, line: Line, money: list[Amount]) -> bool:
    """One row alone ("Annual cover 1,000.00") is the invoice's only item when the first totals line
    under it repeats its amount in the same column: the sum of one item is that item."""
    if len(money) != 1 or sum(c.isalpha() for c in line.text[: money[0].start]) < 3:
        return False
    totals = next((t for t in ctx.lines[line.index + 1 :] if is_totals_line(ctx, t)), None)
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
        # A currency word before the first figure ("R$ 4,00") stands in the figure's cell.
        desc_range = (0.0, min(max(first_amount_x, money[0].x0), cell_start(line, money[0])) - 4)
        item = make_item(line, qty_amounts, columns, desc_range)
        if item is not None and item.description:
            synthetic.items.append(item)
    if synthetic.items:
        synthetic.last_line = synthetic.items[-1].line
        last = ctx.lines[synthetic.last_line]
        synthetic.continues = not any(is_totals_line(ctx, line) for line in ctx.lines[last.index + 1 :])
    return synthetic
