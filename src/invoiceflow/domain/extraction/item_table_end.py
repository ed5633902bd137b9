"""Where an items table ends and where it only seems to: a totals or summary heading under the rows,
and totals lines that stand inside the table (a running subtotal, a section's own totals, a row whose
text starts like a totals label, a line of text that starts like one).
"""

from __future__ import annotations

from decimal import Decimal

from invoiceflow.domain.extraction.column_inference import Column
from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.item_header import assign_column
from invoiceflow.domain.extraction.item_lines import (
    CENT_SLACK,
    Item,
    description_words,
    fills_item_columns,
    in_amount_column,
    is_carry_line,
    is_totals_line,
    printed_net_totals,
    row_amounts,
)
from invoiceflow.domain.extraction.item_rows import (
    em,
    is_closing_heading,
    next_item_row,
    running_subtotal,
    table_resumes,
)
from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.numbers import Amount, DecimalStyle


def words_inside(
    ctx: PageContext, style: DecimalStyle, line: Line, amounts: list[Amount], columns: list[Column]
) -> bool:
    """A line of text without money that starts like a totals or carry label, with item rows right
    below it: text of the table (a description line), not the end of it."""
    if any(a.decimals == 2 for a in amounts) or not (is_carry_line(ctx, line) or is_totals_line(ctx, line)):
        return False
    return table_resumes(
        ctx.lines,
        line.index,
        lambda below: (
            (is_totals_line(ctx, below) or is_carry_line(ctx, below))
            and any(a.decimals == 2 for a in row_amounts(below, style))
        ),
        lambda below: fills_item_columns(below, row_amounts(below, style), columns),
    )


def details_before_row(
    ctx: PageContext, style: DecimalStyle, line: Line, columns: list[Column], desc_range: tuple[float, float]
) -> bool:
    """Text set apart under a row, with the next row (text, quantity, price and amount in their columns)
    a few lines below it and no totals line between: the item's details ("Bruttopreis : 1,00", "Anzahl
    Packstücke: 4", as e-invoice viewers print every attribute), not text under the table. The row
    stands apart from the text above it (an em at least): text at the line pitch over a row opens it
    (its name over its figures and references)."""

    def item_row(below: Line) -> bool:
        return fills_item_columns(below, row_amounts(below, style), columns) and bool(
            description_words(below, desc_range)
        )

    def stops(below: Line) -> bool:
        # A totals line, or a row's figures without text of their own (the text above them is theirs).
        priced = in_amount_column(row_amounts(below, style), columns)
        return is_totals_line(ctx, below) or is_carry_line(ctx, below) or (priced and not item_row(below))

    row = next_item_row(ctx.lines, line.index, stops, item_row)
    return row is not None and row.top - ctx.lines[row.index - 1].bottom >= em(row)


def ends_table_as_heading(
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
        lambda below: is_totals_line(ctx, below),
        lambda below: fills_item_columns(below, row_amounts(below, style), columns),
    )


def completes_net_total(ctx: PageContext, style: DecimalStyle, first: int, items: list[Item]) -> bool:
    """The items, a charge row among them, add up to a net total printed below the table."""
    total = sum((i.amount for i in items), Decimal(0))
    slack = Decimal("0.011") * len(items)
    return any(abs(total - t) <= slack for t in printed_net_totals(ctx, style, first))


def subtotal_inside(
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
        lambda below: is_totals_line(ctx, below),
        lambda below: fills_item_columns(below, row_amounts(below, style), columns),
    )


_SECTION_BLOCK = 3  # lines of a section's totals block under its net (tax lines, the section's gross)


def section_totals_end(
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
        if not is_totals_line(ctx, below):
            break
        found = row_amounts(below, style)
        figures = [a.value for a in found if a.decimals == 2 and not a.is_percent]
        rates = [a.value for a in found if a.is_percent] or list(_TAX_RATES)
        if not figures:
            break
        value = figures[-1]
        if any(abs(subtotal * r / 100 - value) <= CENT_SLACK for r in rates):
            taxes.append(value)
        elif not taxes or abs(subtotal + sum(taxes, Decimal(0)) - value) > CENT_SLACK * len(taxes):
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
        if is_totals_line(ctx, below):
            return None
        found = row_amounts(below, style)
        if fills_item_columns(below, found, columns):
            return end
        money = [a for a in found if (c := assign_column(a, columns)) is not None and c.kind == "amount"]
        if not money and description_words(below, desc_range):
            titled = True
        elif titled and not priced and len(money) == 1 and not any(a.is_percent for a in found):
            return end
    return None


def labelled_row(
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
    if not description_words(line, desc_range):
        return False

    def row_amount(row: Line) -> Amount | None:
        amounts = row_amounts(row, style)
        money = [
            a
            for a in amounts
            if (column := assign_column(a, columns)) is not None and column.kind == "amount"
        ]
        # "VAT 19 % 23.75": a rate names a tax line.
        if len(money) != 1 or any(a.is_percent for a in amounts) or not description_words(row, desc_range):
            return None
        return money[0]

    own = row_amount(line)
    if own is None:
        return False
    if running_subtotal(row_amounts(line, style), [i.amount for i in items], 0):
        return False  # "Subtotal 1,250.00" over "Shipping 5.00": the sum of the rows above
    total = sum((i.amount for i in items), Decimal(0))
    if items and any(abs(total * rate / 100 - own.value) <= CENT_SLACK for rate in _TAX_RATES):
        return False  # "VAT 19.00" over "Shipping 5.00": a tax on the rows above
    if not line.ocr and table_resumes(
        ctx.lines,
        line.index,
        lambda below: is_totals_line(ctx, below),
        lambda below: row_amount(below) is not None,
    ):
        return True
    # Such rows up to the totals: the items add up to the net total with some of them, not without.
    if completes_net_total(ctx, style, line.index, items):
        return False
    run: list[Item] = []
    for below in ctx.lines[line.index : line.index + _LABELLED_RUN]:
        amount = row_amount(below)
        if amount is None:
            break
        run.append(Item([], None, None, amount.value, below.index))
        if completes_net_total(ctx, style, line.index, [*items, *run]):
            return True
    return False


_TAX_RATES = tuple(Decimal(n) / 2 for n in range(1, 61))  # 0.5 % to 30 %
_LABELLED_RUN = 6  # rows looked at below a row that starts like a totals label
