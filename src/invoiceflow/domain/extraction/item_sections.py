"""Items listed as an outline instead of a table: each charge a line of text with its amount at the right,
its breakdown indented under it ("Charges", "Credits", "VAT") with amounts in the same right-aligned
column (cloud and telecom statements, service summaries). No header names the columns; the outline is
told apart from other text with amounts by its shape and by arithmetic: every charge equals the sum of
its breakdown (or its first line), and the charges add up to a total printed on the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.item_rows import em
from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import Amount, DecimalStyle, find_amounts

_CENT = Decimal("0.011")
_MIN_CHARGES = 2  # one charge alone is a summary line, not a list
_ALIGN = 4.0  # points between right edges of amounts in one column


@dataclass
class Entry:
    """A line of text ending in an amount: the line, its text left of the amount, the amount."""

    line: Line
    text: str
    amount: Amount


@dataclass
class Charge:
    entry: Entry
    breakdown: list[Entry] = field(default_factory=list)


def outline_entry(line: Line, style: DecimalStyle) -> Entry | None:
    """The line's text and its money amount when the amount ends the line (a figure in running text,
    "a fee of 15.00 EUR applies", is none)."""
    amounts = [a for a in find_amounts(line, style) if not a.is_percent]
    if not amounts:
        return None
    last = amounts[-1]
    tail = line.folded[last.end :]
    if not _CURRENCY_TAIL_RE.fullmatch(tail) or not (last.decimals == 2 or last.has_symbol or tail.strip()):
        return None
    text = line.text[: last.start].rstrip(" .:\u2026")  # the amount's match holds its currency sign
    if sum(c.isalpha() for c in text) < 3 or len(text.split()) > _MAX_WORDS:
        return None
    return Entry(line, text, last)


_MAX_WORDS = 12  # a charge's name, not a sentence
# What may follow the amount: its currency written after it, a tax note ("29,99 € TTC", "5.00 USD").
_CURRENCY_TAIL_RE = lazy_compile(
    r"\s*(?:(?:€|eur|euros?|\$|usd|£|gbp|chf|inr|rs\.?|₹)\s*)?(?:ttc|ht|incl\.?|net)?\s*"
)


def read_outline(ctx: PageContext, style: DecimalStyle, is_totals: Callable[[Line], bool]) -> list[Charge]:
    """The charges of the longest outline on the page whose charges add up to a total printed on it."""
    totals = printed_totals(ctx, style, is_totals)
    if not totals:
        return []
    best: list[Charge] = []
    for run in _runs(ctx, style, is_totals):
        if len(run) < max(_MIN_CHARGES, len(best) + 1) or not _outline_shape(run):
            continue
        if adds_up([c.entry.amount.value for c in run], totals):
            best = run
    return best


def printed_totals(ctx: PageContext, style: DecimalStyle, is_totals: Callable[[Line], bool]) -> list[Decimal]:
    return [
        a.value
        for line in ctx.lines
        if is_totals(line)
        for a in find_amounts(line, style)
        if not a.is_percent
    ]


def _outline_shape(run: list[Charge]) -> bool:
    """Most charges carry a breakdown (a flat list is a table's business), and every breakdown sums to
    its charge; a charge with nothing to break down ("Support plan $29.00") may stand among them."""
    broken_down = [c for c in run if c.breakdown]
    return 2 * len(broken_down) >= len(run) and all(_explained(c) for c in broken_down)


def _explained(charge: Charge) -> bool:
    """A charge with a breakdown under it that sums to it (or whose first line repeats it)."""
    parts = [e.amount.value for e in charge.breakdown]
    if not parts:
        return False
    own = charge.entry.amount.value
    return abs(sum(parts, Decimal(0)) - own) <= _CENT * len(parts) or abs(parts[0] - own) <= _CENT


def _runs(ctx: PageContext, style: DecimalStyle, is_totals: Callable[[Line], bool]) -> list[list[Charge]]:
    """Consecutive charges at one indent, each followed by its indented breakdown, amounts right-aligned
    in one column; a totals line, a line without an amount or a wide gap ends a run."""
    runs: list[list[Charge]] = []
    run: list[Charge] = []
    previous: Line | None = None
    for line in ctx.lines:
        entry = outline_entry(line, style)
        near = previous is not None and line.top - previous.bottom <= 1.6 * em(line)
        if entry is None or not near:
            if run:
                runs.append(run)
            run = []
        if entry is None:
            previous = None
            continue
        previous = line
        if run and _under(entry, run[-1].entry):
            run[-1].breakdown.append(entry)
            continue
        if is_totals(line):
            if run:
                runs.append(run)
            run = []
            continue
        if run and not _beside(entry, run[0].entry):
            runs.append(run)
            run = []
        run.append(Charge(entry))
    if run:
        runs.append(run)
    return runs


def _under(entry: Entry, charge: Entry) -> bool:
    """Indented under the charge (by at least half a line height), its amount in the charge's column."""
    return (
        entry.line.x0 >= charge.line.x0 + 0.5 * charge.line.height
        and abs(entry.amount.x1 - charge.amount.x1) <= _ALIGN
    )


def _beside(entry: Entry, first: Entry) -> bool:
    """At the indent of the run's first charge, its amount in the same column."""
    return abs(entry.line.x0 - first.line.x0) <= 0.5 * first.line.height and (
        abs(entry.amount.x1 - first.amount.x1) <= _ALIGN
    )


def adds_up(amounts: list[Decimal], totals: list[Decimal]) -> bool:
    """The amounts sum to one of the printed totals (a cent of rounding per amount)."""
    total = sum(amounts, Decimal(0))
    return any(abs(total - t) <= _CENT * len(amounts) for t in totals)
