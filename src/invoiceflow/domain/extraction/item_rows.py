"""Rows inside an items table that are not items and must not end it either.

A table may print a running subtotal after a group of rows ("Subtotal hardware 1,250.00") and go on with
more items, or group its rows under section headings ("Services", "Material") that hold text alone. Both
read like something else: the subtotal like the totals block under the table (which ends it), the
heading like a wrapped description line of the row above. Arithmetic tells the subtotal (its amount is
the sum of the rows above it, since the table's start or the previous subtotal); the row pitch tells the
heading (it stands as far from the row above as rows stand from each other, while wrapped lines follow
tighter, and the row below it has a description of its own).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal

from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.numbers import Amount

_CENT_SLACK = Decimal("0.011")
# Lines looked at below a subtotal for the row that shows the table goes on.
_LOOK_AHEAD = 4


def running_subtotal(
    line_amounts: Sequence[Amount],
    item_amounts: Sequence[Decimal],
    group_start: int,
) -> bool:
    """The line's rightmost money figure is the sum of the items above it: all of them, or those since
    the previous subtotal (``group_start``)."""
    money = [a for a in line_amounts if a.decimals == 2 and not a.is_percent]
    if not money or not item_amounts:
        return False
    value = money[-1].value
    sums = {sum(item_amounts, Decimal(0)), sum(item_amounts[group_start:], Decimal(0))}
    slack = _CENT_SLACK * max(1, len(item_amounts))
    return any(item_amounts[group_start:] and abs(value - s) <= slack for s in sums)


def table_resumes(
    lines: Sequence[Line],
    start: int,
    is_totals: Callable[[Line], bool],
    is_item_row: Callable[[Line], bool],
) -> bool:
    """Within a few lines after ``start`` (before any other totals line), a row with the figures of an
    item (quantity, price and amount in their columns): the table goes on below the subtotal."""
    for line in lines[start + 1 : start + 1 + _LOOK_AHEAD]:
        if is_totals(line):
            return False
        if is_item_row(line):
            return True
    return False


def heading_between(above: Line, line: Line, below: Line) -> bool:
    """``line`` (text alone) stands at the row pitch from the line above and from the row below, and that
    pitch is wider than text's line pitch: a row of its own, not a wrapped description line (those
    follow tighter) nor the first line of a row whose figures stand lower (it would be closer to them).
    Distances are taken between the lines' first words: a skewed scan moves the figures far right of
    them up or down."""
    up, down = _left_top(line) - _left_top(above), _left_top(below) - _left_top(line)
    return min(up, down) >= 1.5 * line.height and abs(up - down) <= 0.25 * line.height


def _left_top(line: Line) -> float:
    return min(line.words, key=lambda w: w.x0).y0


def line_pitch(lines: Sequence[Line]) -> float | None:
    """The tightest distance between the first words of consecutive lines: the pitch of wrapped text in
    a table (or of its rows, where none wraps)."""
    tops = [_left_top(line) for line in lines]
    steps = [b - a for a, b in itertools.pairwise(tops) if b > a]
    return min(steps) if steps else None
