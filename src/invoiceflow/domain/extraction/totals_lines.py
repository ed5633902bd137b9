"""What one line of the totals block holds: the value a totals label names (right of it, beside it,
below it, a column of figures under it, a rate in its cell), whether a tax label is qualified as left
out or included, and lines that are no total (a payment or deduction, a rounding, an unlabelled charge)
or two or three totals in one row (a summary table's totals row).
"""

from __future__ import annotations

from decimal import Decimal

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.labels import (
    DEDUCTION_LABEL,
    EXCLUDED_TAX_HINT,
    INCLUDED_TAX_HINT,
    ROUNDING_LABEL,
    LabelMatch,
)
from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.numbers import Amount, find_amounts
from invoiceflow.domain.extraction.totals_figures import close, in_parenthetical, money_figures, tax_rate


def label_amount(ctx: PageContext, line: Line, label: LabelMatch, integers_ok: bool) -> Amount | None:
    start, end = ctx.value_span(line, label, whole_line=True)
    if end <= start:
        return None
    amounts = money_figures(find_amounts(line, ctx.style, start, end), integers_ok, line)
    amounts = [a for a in amounts if not in_parenthetical(line, a)]
    return amounts[-1] if amounts else None


def amount_below(
    ctx: PageContext, line: Line, label: LabelMatch, integers_ok: bool
) -> tuple[Amount, float] | None:
    """A value printed under its label (boxed totals, a row of labels over a row of values): the
    first money amount in the label's column on the next lines, unless another label sits there.
    Returns the amount and its alignment with the column."""
    start, end = ctx.value_span(line, label, whole_line=True)
    right = find_amounts(line, ctx.style, start, end)
    if any(not a.is_percent and not in_parenthetical(line, a) for a in right):
        return None  # the label has a number to its right, just not a money one
    for below, seg_start, seg_end, alignment in ctx.cells_below(line, label.start, max_lines=2):
        if any(seg_start <= other.start < seg_end for other in ctx.total_labels.get(below.index, [])):
            return None
        amounts = money_figures(find_amounts(below, ctx.style, seg_start, seg_end), integers_ok, below)
        if amounts:
            return amounts[0], alignment
    return None


def tax_excluded(ctx: PageContext, line: Line, label: LabelMatch) -> bool:
    """True when a tax label is qualified as left out ("ohne MwSt.", "excl. VAT", "hors TVA"): the words
    right before it in its segment, or, in a column head set over two lines, the words right above it."""
    if label.kind != "tax":
        return False
    seg_start = line.segment_span(label.start)[0]
    if EXCLUDED_TAX_HINT.search(line.folded[max(seg_start, label.start - 16) : label.start]):
        return True
    if line.index == 0 or label.start != seg_start:
        return False
    above = ctx.lines[line.index - 1]
    if line.top - above.bottom > line.height:
        return False
    x0, x1 = line.span_x(label.start, label.end)
    for (start, end), (sx0, sx1) in zip(above.segments(), above.segment_x(), strict=True):
        if (
            sx0 - 4 <= x1
            and x0 <= sx1 + 4
            and EXCLUDED_TAX_HINT.search(above.folded[max(start, end - 16) : end])
        ):
            return True
    return False


def _centre(line: Line) -> float:
    return (line.top + line.bottom) / 2


def amount_beside(ctx: PageContext, line: Line, label: LabelMatch, integers_ok: bool) -> Amount | None:
    """A value right of its label but set a little higher or lower (a bold, larger or boxed figure), so
    that it forms a line of its own: the money amount of a label-free line right of the label whose
    centre lies within half a line of the label's, and nearer this label's line than any other
    labelled line's."""
    label_x1 = line.span_x(label.start, label.end)[1]
    labelled = [ctx.lines[i] for i in ctx.total_labels if abs(i - line.index) <= 3]
    for other in ctx.lines[max(0, line.index - 2) : line.index + 3]:
        if other is line or other.index in ctx.total_labels or other.x0 <= label_x1:
            continue
        gap = abs(_centre(other) - _centre(line))
        if gap >= 0.75 * max(line.height, other.height):
            continue
        if any(abs(_centre(other) - _centre(o)) < gap for o in labelled if o is not line):
            continue
        money = [
            a
            for a in money_figures(find_amounts(other, ctx.style), integers_ok, other)
            if not in_parenthetical(other, a)
        ]
        if len(money) == 1 and len(other.words) <= 3:
            return money[0]
    return None


def column_values(ctx: PageContext, line: Line, label: LabelMatch, integers_ok: bool) -> list[Decimal]:
    """The money figures in consecutive rows under a column head ("Net amount" over a row per rate),
    up to a row that carries a totals label in that column (the table's own totals row) or none."""
    values: list[Decimal] = []
    rated_rows = True  # every row so far prints a rate
    for below, seg_start, seg_end, alignment in ctx.cells_below(line, label.start, max_lines=6):
        row_labels = ctx.total_labels.get(below.index, [])
        if alignment < 0.5 or any(seg_start <= other.start < seg_end for other in row_labels):
            break
        rated = any(a.is_percent for a in find_amounts(below, ctx.style))
        if any(other.kind != "tax" for other in row_labels) or (row_labels and not rated):
            break  # the table's own totals row ("Razem", "Total", "Summe"): not one more rate's figure
        amounts = money_figures(find_amounts(below, ctx.style, seg_start, seg_end), integers_ok, below)
        if len(amounts) != 1:
            break
        if (
            values
            and close(amounts[0].value, sum(values, Decimal(0)))
            and (len(values) >= 2 or (rated_rows and not rated))
        ):
            # The table's totals row printed without a label we know ("Totales", or none): the sum of
            # the rows above; under one row, the row that repeats it without its rate.
            break
        rated_rows = rated_rows and rated
        values.append(amounts[0].value)
    return values


def label_rate(ctx: PageContext, line: Line, label: LabelMatch) -> Decimal | None:
    """The rate printed right after a label in its own cell ("Netto 19 %", "Nettobetrag 7 % 50,00")."""
    start, end = ctx.value_span(line, label)
    return tax_rate(find_amounts(line, ctx.style, start, end)) if end > start else None


def deducted_amount(ctx: PageContext, line: Line, integers_ok: bool) -> Decimal | None:
    """The amount of a payment, deposit or withholding line ("Acompte versé -300,00", "Amount paid
    1,082.50"), as a positive figure; None when the line is no such line."""
    m = DEDUCTION_LABEL.search(line.folded)
    if m is None:
        return None
    if any(
        label.kind in ("tax", "gross") and label.start <= m.start() and m.end() <= label.end
        for label in ctx.total_labels.get(line.index, [])
    ):
        return None  # "VAT paid", "Total paid with VAT": a paid invoice's tax and total, nothing deducted
    amounts = [
        a
        for a in money_figures(find_amounts(line, ctx.style, m.end()), integers_ok, line)
        if not in_parenthetical(line, a)
    ]
    return abs(amounts[-1].value) if amounts else None


def rounding_amount(ctx: PageContext, line: Line, integers_ok: bool) -> Decimal | None:
    """The signed amount of a rounding line ("Öresavrundning -0,40"), when it is under one unit."""
    m = ROUNDING_LABEL.search(line.folded)
    if m is None:
        return None
    amounts = money_figures(find_amounts(line, ctx.style, m.end()), integers_ok, line)
    return amounts[-1].value if amounts and abs(amounts[-1].value) < 1 else None


def summary_row(ctx: PageContext, line: Line, integers_ok: bool) -> tuple[Amount, Amount, Amount] | None:
    """The totals row of a tax summary table ("Summe 1.000,00 130,00 1.130,00"): three money figures
    base, tax and total with base + tax = total and the tax the smaller part."""
    money = [
        a
        for a in money_figures(find_amounts(line, ctx.style), integers_ok, line)
        if not in_parenthetical(line, a)
    ]
    if len(money) < 3:
        return None
    base, tax, total = money[-3:]
    if close(base.value + tax.value, total.value) and 0 <= tax.value < base.value:
        return base, tax, total
    return None


def net_tax_pair(ctx: PageContext, line: Line, integers_ok: bool) -> tuple[Decimal, Decimal] | None:
    """A totals row of two money figures, the net and its tax ("Total 58.860,73 10.162,87" under the
    columns "Valoarea" and "Valoarea TVA"): the tax the smaller. Kept by the caller only when a gross
    printed below equals their sum."""
    money = [
        a
        for a in money_figures(find_amounts(line, ctx.style), integers_ok, line)
        if not in_parenthetical(line, a)
    ]
    if len(money) != 2 or not 0 < money[1].value < money[0].value:
        return None
    return money[0].value, money[1].value


def tax_included(line: Line, label: LabelMatch) -> bool:
    """True when words before the tax label in its segment say the tax is included ("enthaltene MwSt.
    19 %", "inkl. 19 % USt.", "dont TVA 20 %"), or words right after it ("GST included", "IVA 21 %
    incluido", "BTW inbegrepen")."""
    seg_start, seg_end = line.segment_span(label.start)
    if INCLUDED_TAX_HINT.search(line.folded, max(seg_start, label.start - 24), label.start) is not None:
        return True
    return INCLUDED_TAX_HINT.search(line.folded, label.end, min(seg_end, label.end + 16)) is not None


def charge_amount(ctx: PageContext, line: Line, integers_ok: bool) -> Decimal | None:
    """The amount of a line made of a few words and one money figure ("Bollo 2,00", "Versand 4,90")."""
    money = money_figures(find_amounts(line, ctx.style), integers_ok, line)
    if len(money) != 1 or money[0].value <= 0 or len(line.words) > 6:
        return None
    head = line.text[: money[0].start]
    return money[0].value if sum(c.isalpha() for c in head) >= 3 else None
