"""Rows whose text is only an article code: till receipts print an article's name on one line and its code
with the price on the line under it ("RED BULL ENRGY DRNK 8.4OZ" over "00000611 A 8.79"); the row's
description is the name line above it, not the code.
"""

from __future__ import annotations

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.item_lines import Item, is_totals_line, row_amounts
from invoiceflow.domain.extraction.item_rows import em
from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import DecimalStyle

_WORD_RE = lazy_compile(r"[^\W\d_]{2,}")


def names_over_codes(ctx: PageContext, style: DecimalStyle, items: list[Item]) -> None:
    """Give each row of a table without a header whose description holds no word (digits, codes, a
    one-letter tax flag) the name line right above it: a line with words whose figures stand in no amount
    column (a row's own line holds its money there; a name carries at most a size, "8.4OZ", "380g"),
    taken by no other row and no total."""
    rows = {item.line for item in items}
    for n, item in enumerate(items):
        if not item.description or any(_WORD_RE.search(t) for t in item.description) or item.line < 1:
            continue
        line, above = ctx.lines[item.line], ctx.lines[item.line - 1]
        if above.index in rows or not _names_article(ctx, style, above, line):
            continue
        previous = items[n - 1] if n else None
        if previous is not None and previous.description and previous.description[-1] == above.text:
            previous.description.pop()  # read as a wrapped line of the row above: it names this one
        item.description = [above.text]


def _names_article(ctx: PageContext, style: DecimalStyle, above: Line, row: Line) -> bool:
    if is_totals_line(ctx, above) or ctx.header_labels.get(above.index):
        return False
    if row.top - above.bottom > 1.2 * max(em(above), em(row)):
        return False
    if sum(len(w) for w in _WORD_RE.findall(above.text)) < 3:
        return False
    money = [a for a in row_amounts(row, style) if a.decimals == 2 and not a.is_percent]
    if not money:
        return False
    edge = money[-1].x1
    # A figure of the line above ending where the row's amount ends is a row of its own.
    return not any(abs(a.x1 - edge) <= 4 for a in row_amounts(above, style) if not a.is_percent)
