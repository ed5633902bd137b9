"""What every reader of the totals shares: the records they return (``Candidate``, ``TaxLineFound``,
``TotalsResult``), which figures of a line count as money, and the arithmetic that checks them (equal
within a cent, base × rate = amount, base × rate rounded to the cent).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import Amount

TOLERANCE = Decimal("0.011")
MAX_RATE = Decimal(30)


@dataclass(frozen=True)
class Candidate:
    value: Decimal
    confidence: float
    line: int


@dataclass(frozen=True)
class TaxLineFound:
    rate: Decimal | None
    base: Decimal | None
    amount: Decimal
    line: int
    label: str = ""  # the tax's own name on the line ("cgst", "sgst", "vat"), letters only


@dataclass
class TotalsResult:
    net: Candidate | None = None
    tax: Candidate | None = None
    gross: Candidate | None = None
    tax_lines: list[TaxLineFound] | None = None
    consistent: bool = False


def money_figures(amounts: list[Amount], integers_ok: bool, line: Line) -> list[Amount]:
    """Money figures: two decimals, or whole numbers in a currency without cents, or whole numbers printed
    with their currency ("Rs 1939", "₹ 12,500", "120 kr", "$25": receipts drop the cents) and grouped by
    thousands if at all (not a garbled "£228.084.82"). One decimal counts with its currency on a text layer:
    software that prints a number as it is stored drops the trailing zero ("8.6 EUR", "€ 51.5"); on OCR
    only where whole numbers count too (a page without cents, read again under arithmetic's check)."""
    return [
        a
        for a in amounts
        if not a.is_percent
        and (
            a.decimals == 2
            or (a.decimals == 0 and (integers_ok or (a.has_symbol and _whole_money(line, a))))
            or (a.decimals == 1 and a.has_symbol and (integers_ok or not line.ocr))
        )
    ]


_DIGIT_RUN_RE = lazy_compile(r"\d(?:[\d.,' ]*\d)?")
_WHOLE_MONEY_RE = lazy_compile(r"\d{1,3}(?:([.,' ])\d{3})?(?:\1\d{3})*|\d+")


def _whole_money(line: Line, amount: Amount) -> bool:
    if line.ocr:
        return False  # OCR drops decimal points ("$12.34" read "$1234"): a whole figure there is no proof
    run = _DIGIT_RUN_RE.search(line.text, amount.start, amount.end)
    return run is not None and _WHOLE_MONEY_RE.fullmatch(run.group()) is not None


def in_parenthetical(line: Line, amount: Amount) -> bool:
    """ "VAT 20 % (net 25,998.77)": a figure inside a worded parenthetical is a base, not the value
    (an accounting negative "(12.00)" brings its own brackets and is not one). A bracket left open
    ends with its segment: OCR often reads the closing one as "," or drops it."""
    seg_start = line.segment_span(amount.start)[0]
    return line.text.count("(", seg_start, amount.start) > line.text.count(")", seg_start, amount.start)


def tax_rate(amounts: list[Amount]) -> Decimal | None:
    for a in amounts:
        if a.is_percent and 0 <= a.value <= MAX_RATE:
            return a.value
    return None


def close(a: Decimal, b: Decimal, tolerance: Decimal = TOLERANCE) -> bool:
    return abs(a - b) <= tolerance


def rate_pair(rate: Decimal, money: list[Amount]) -> tuple[Decimal, Decimal] | None:
    """(base, amount) among the line's amounts with base × rate ≈ amount. A small tax fits its base and
    its gross alike ("5 % 2,69 2,56 0,13": 2.69 and 2.56 × 5 % both round near 0.13): the base is the one
    that the amount tops up to another figure of the row, else the closest fit."""
    fits: list[tuple[bool, Decimal, Decimal, Decimal]] = []
    values = {a.value for a in money}
    for base, amount in itertools.permutations(money, 2):
        expected = base.value * rate / 100
        if base.value and close(expected, amount.value, max(Decimal("0.02"), abs(expected) / 500)):
            tops_up = base.value + amount.value in values
            fits.append((not tops_up, abs(expected - amount.value), base.value, amount.value))
    if not fits:
        return None
    _, _, base_value, amount_value = min(fits, key=lambda fit: fit[:2])
    return base_value, amount_value


# Label prefix of a tax line read from a cell of a table row (several taxes on one row): such lines are
# told apart by their place on the row ("#0", "#1"), not by a tax's name.
CELL = "#"

CENT = Decimal("0.01")


def rounds_to(base: Decimal, rate: Decimal, amount: Decimal) -> bool:
    """base × rate, rounded to the cent (half up or half even), is exactly ``amount``."""
    exact = base * rate / 100
    return any(exact.quantize(CENT, rounding=mode) == amount for mode in (ROUND_HALF_UP, ROUND_HALF_EVEN))
