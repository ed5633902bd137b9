"""Net / tax / gross totals and tax lines, chosen together so that net + tax = gross when possible.

Every labelled amount is a candidate; the chosen combination maximises label confidence plus a large
bonus for arithmetic agreement (and a penalty for disagreement), so one wrong "Total" on the page (a
column header, a quantity total) does not win against a consistent set.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.labels import (
    DEDUCTION_LABEL,
    EXCLUDED_TAX_HINT,
    INCLUDED_TAX_HINT,
    ROUNDING_LABEL,
    TAX_RATE_HEADER,
    LabelMatch,
)
from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import Amount, find_amounts
from invoiceflow.domain.extraction.ocr_repair import money_readings, repair_sum

TOLERANCE = Decimal("0.011")
_MAX_RATE = Decimal(30)


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


def _money(amounts: list[Amount], integers_ok: bool, line: Line) -> list[Amount]:
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


def _in_parenthetical(line: Line, amount: Amount) -> bool:
    """ "VAT 20 % (net 25,998.77)": a figure inside a worded parenthetical is a base, not the value
    (an accounting negative "(12.00)" brings its own brackets and is not one). A bracket left open
    ends with its segment: OCR often reads the closing one as "," or drops it."""
    seg_start = line.segment_span(amount.start)[0]
    return line.text.count("(", seg_start, amount.start) > line.text.count(")", seg_start, amount.start)


def _label_amount(ctx: PageContext, line: Line, label: LabelMatch, integers_ok: bool) -> Amount | None:
    start, end = ctx.value_span(line, label, whole_line=True)
    if end <= start:
        return None
    amounts = _money(find_amounts(line, ctx.style, start, end), integers_ok, line)
    amounts = [a for a in amounts if not _in_parenthetical(line, a)]
    return amounts[-1] if amounts else None


def _amount_below(
    ctx: PageContext, line: Line, label: LabelMatch, integers_ok: bool
) -> tuple[Amount, float] | None:
    """A value printed under its label (boxed totals, a row of labels over a row of values): the
    first money amount in the label's column on the next lines, unless another label sits there.
    Returns the amount and its alignment with the column."""
    start, end = ctx.value_span(line, label, whole_line=True)
    right = find_amounts(line, ctx.style, start, end)
    if any(not a.is_percent and not _in_parenthetical(line, a) for a in right):
        return None  # the label has a number to its right, just not a money one
    for below, seg_start, seg_end, alignment in ctx.cells_below(line, label.start, max_lines=2):
        if any(seg_start <= other.start < seg_end for other in ctx.total_labels.get(below.index, [])):
            return None
        amounts = _money(find_amounts(below, ctx.style, seg_start, seg_end), integers_ok, below)
        if amounts:
            return amounts[0], alignment
    return None


def _tax_excluded(ctx: PageContext, line: Line, label: LabelMatch) -> bool:
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


def _amount_beside(ctx: PageContext, line: Line, label: LabelMatch, integers_ok: bool) -> Amount | None:
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
            for a in _money(find_amounts(other, ctx.style), integers_ok, other)
            if not _in_parenthetical(other, a)
        ]
        if len(money) == 1 and len(other.words) <= 3:
            return money[0]
    return None


def _column_values(ctx: PageContext, line: Line, label: LabelMatch, integers_ok: bool) -> list[Decimal]:
    """The money figures in consecutive rows under a column head ("Net amount" over a row per rate),
    up to a row that carries a totals label in that column (the table's own totals row) or none."""
    values: list[Decimal] = []
    for below, seg_start, seg_end, alignment in ctx.cells_below(line, label.start, max_lines=6):
        row_labels = ctx.total_labels.get(below.index, [])
        if alignment < 0.5 or any(seg_start <= other.start < seg_end for other in row_labels):
            break
        if any(other.kind != "tax" for other in row_labels) or (
            row_labels and not any(a.is_percent for a in find_amounts(below, ctx.style))
        ):
            break  # the table's own totals row ("Razem", "Total", "Summe"): not one more rate's figure
        amounts = _money(find_amounts(below, ctx.style, seg_start, seg_end), integers_ok, below)
        if len(amounts) != 1:
            break
        if len(values) >= 2 and _close(amounts[0].value, sum(values, Decimal(0))):
            break  # the table's totals row printed without a label: the sum of the rows above
        values.append(amounts[0].value)
    return values


def _label_rate(ctx: PageContext, line: Line, label: LabelMatch) -> Decimal | None:
    """The rate printed right after a label in its own cell ("Netto 19 %", "Nettobetrag 7 % 50,00")."""
    start, end = ctx.value_span(line, label)
    return _tax_rate(find_amounts(line, ctx.style, start, end)) if end > start else None


def _tax_rate(amounts: list[Amount]) -> Decimal | None:
    for a in amounts:
        if a.is_percent and 0 <= a.value <= _MAX_RATE:
            return a.value
    return None


def _rate_column(ctx: PageContext, line: Line, amounts: list[Amount]) -> Amount | None:
    """The figure of ``line`` under a tax-rate column head ("MwSt-Satz", "VAT rate", "Taux TVA") a few
    lines above, when it is a plausible rate and the line holds two more money figures."""
    if len(amounts) < 3:
        return None
    for above in reversed(ctx.lines[max(0, line.index - 6) : line.index]):
        for seg_start, seg_end in _rate_heads(above):
            hx0, hx1 = above.span_x(seg_start, seg_end)
            for amount in amounts:
                if hx0 - 4 <= (amount.x0 + amount.x1) / 2 <= hx1 + 4 and _plausible_rate(amount, amounts):
                    return amount
        # A tax table whose first column is headed by the tax's bare name ("Taxe | Base | Montant", "VAT |
        # Net | Tax"), the head centred over figures set flush left: the row's first figure is the rate
        # when base × rate = amount on the row ("Code | Net | VAT | Gross": a column of tax amounts).
        centres = [(sum(above.span_x(a, b)) / 2, above.folded[a:b].strip()) for a, b in above.segments()]
        if not centres or not _BARE_TAX_HEAD.fullmatch(centres[0][1]):
            continue
        first = min(amounts, key=lambda a: a.x0)
        middle = (first.x0 + first.x1) / 2
        _, head = min(centres, key=lambda c: abs(c[0] - middle))
        others = [a for a in amounts if a is not first]
        if (
            head == centres[0][1]
            and 0 < first.value <= _MAX_RATE
            and not first.has_symbol
            and _rate_pair(first.value, others) is not None
        ):
            return first
    return None


def _rate_heads(head: Line) -> list[tuple[int, int]]:
    """Segments of ``head`` naming a tax-rate column: "MwSt-Satz", "VAT rate", "Taux TVA", or a bare
    "Satz" / "Rate" / "Tipo" / "%" when another column of the same head names the tax ("Satz | Netto |
    Steuer | Brutto", "Tipo | Base | Cuota IVA")."""
    spans: list[tuple[int, int]] = []
    for m in TAX_RATE_HEADER.finditer(head.folded):
        cells = [(a, b) for a, b in head.segments() if a < m.end() and b > m.start()]
        if len(cells) > 1:
            # A match across two column heads ("Montant TVA | Taux %", "VAT | Rate"): the head that names
            # the rate on its own, not the tax amount's column beside it.
            cells = [
                (a, b)
                for a, b in cells
                if TAX_RATE_HEADER.search(head.folded[a:b]) or _BARE_RATE_HEAD.search(head.folded[a:b])
            ] or cells
        if cells and cells[0] not in spans:
            spans.append(cells[0])
    if not spans and _TAX_HEAD_WORD.search(head.folded):
        spans = [(m.start(), m.end()) for m in _BARE_RATE_HEAD.finditer(head.folded)]
    return spans


def _plausible_rate(amount: Amount, row: list[Amount]) -> bool:
    """A figure that can be a rate: up to the largest rate, or 0 on a row that also prints a tax of 0
    (a zero-rated or exempt row of a tax summary)."""
    if amount.value == 0:
        return any(a is not amount and a.value == 0 for a in row) and any(a.value > 0 for a in row)
    return 0 < amount.value <= _MAX_RATE


_BARE_RATE_HEAD = lazy_compile(
    r"(?<![a-z%])(?:satz|rate|taux|tipo|tarief|aliquota|sats|stawka|sazba|%)(?![a-z%])"
)
_TAX_HEAD_WORD = lazy_compile(
    r"(?<![a-z])(?:taxes?|vat|tva|iva|btw|mwst|ust|gst|moms|mva|alv|steuer|umsatzsteuer|impuesto|imposta|"
    r"cuota|dph)(?![a-z])"
)
_BARE_TAX_HEAD = lazy_compile(
    r"(?:taxes?|taxe|vat|tva|iva|btw|mwst|ust|gst|moms|mva|alv|steuer|impuesto|imposta)\.?"
)


def _close(a: Decimal, b: Decimal, tolerance: Decimal = TOLERANCE) -> bool:
    return abs(a - b) <= tolerance


def _rate_pair(rate: Decimal, money: list[Amount]) -> tuple[Decimal, Decimal] | None:
    """(base, amount) among the line's amounts with base × rate ≈ amount."""
    for base, amount in itertools.permutations(money, 2):
        expected = base.value * rate / 100
        if base.value and _close(expected, amount.value, max(Decimal("0.02"), abs(expected) / 500)):
            return base.value, amount.value
    return None


def _gross_pair(rate: Decimal, money: list[Amount]) -> tuple[Decimal, Decimal] | None:
    """(base, amount) of an included tax printed with the gross it is part of ("enthaltene MwSt. 19 % auf
    6,00: 0,96"): gross × rate / (100 + rate) ≈ amount, the base being gross less amount."""
    for gross, amount in itertools.permutations(money, 2):
        expected = gross.value * rate / (100 + rate)
        if gross.value > amount.value and _close(
            expected, amount.value, max(Decimal("0.01"), abs(expected) / 500)
        ):
            return gross.value - amount.value, amount.value
    return None


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def _tax_lines_of(
    ctx: PageContext,
    line: Line,
    labels: list[LabelMatch],
    integers_ok: bool,
    codes: Callable[[], dict[str, Decimal]] | None = None,
) -> list[TaxLineFound]:
    """Tax lines on one line: one per tax label (each reads its own span up to the next label, or the
    whole line when it is the only one), else a rate with a base and an amount (a tax summary row)."""
    tax_labels = [label for label in labels if label.kind == "tax"]
    if not tax_labels:
        return _summary_row_tax(ctx, line, find_amounts(line, ctx.style), integers_ok, codes)
    found = _labelled_tax_lines(ctx, line, labels, tax_labels, integers_ok)
    first = min(label.start for label in labels)
    before = [a for a in find_amounts(line, ctx.style) if a.end <= first]
    if not found and len(before) >= 3:
        # A tax table's row on the baseline of a totals box's "Tax" line beside it ("20.0  200.00  40.00
        # … Tax  42.75"): the figures left of the label are the row's own.
        found = _summary_row_tax(ctx, line, before, integers_ok, codes)
    return found


# Words of a price reduction or a charge printed with its percentage and the amount it applies to
# (trade, cash and early-payment discounts, service charges and surcharges, tips, deposits and retentions,
# interest, commissions) in the languages of our labels: such a row is no tax.
_NOT_TAX_WORD = lazy_compile(
    r"(?<![a-z])(?:discount|rebate|rabatt|nachlass|skonto|abschlag|remise|escompte|rabais|ristourne|"
    r"(?:betalings)?korting|kredietbeperking|descuento|bonificacion|sconto|abbuono|desconto|rabat|"
    r"service\s*(?:charge|fee)|surcharge|supplement|[a-z]*zuschlag|[a-z]*aufschlag|bedienung[a-z]*|"
    r"trinkgeld|pourboire|majoration|[a-z]*toeslag|fooi|tip|gratuity|recargo|propina|maggiorazione|"
    r"deposit|anzahlung|acompte|aanbetaling|anticipo|retention|einbehalt|retenue|"
    r"interest|zinsen|interets|rente|commission)(?![a-z])"
)


def _summary_row_tax(
    ctx: PageContext,
    line: Line,
    all_amounts: list[Amount],
    integers_ok: bool,
    codes: Callable[[], dict[str, Decimal]] | None,
) -> list[TaxLineFound]:
    """A rate with a base and an amount on a row without a tax label (a tax summary row). A row that
    names a discount or a charge ("Rabatt 5 % auf 1.234,00  61,70", "Service charge 10% on 120.00") is
    worded the same way and is no tax."""
    found: list[TaxLineFound] = []
    if _NOT_TAX_WORD.search(line.folded):
        return found
    money = _money(all_amounts, integers_ok, line)
    cells = _rate_cells(line, all_amounts, money)
    if len(cells) >= 2:
        return cells
    rate = _tax_rate(all_amounts)
    if rate is None and (column := _rate_column(ctx, line, all_amounts)) is not None:
        rate = column.value  # "19,00" under "MwSt-Satz": a rate printed without its % sign
        money = [a for a in money if a is not column]
    if rate is None and codes is not None and len(money) >= 2:
        rate = _coded_rate(line, codes())  # "B 50.00 3.00 53.00" under a legend "B = 6 % VAT"
    if rate is not None and len(money) >= 2:
        pair = _rate_pair(rate, money)
        if pair:
            found.append(TaxLineFound(rate, pair[0], pair[1], line.index))
    return found


def _labelled_tax_lines(
    ctx: PageContext, line: Line, labels: list[LabelMatch], tax_labels: list[LabelMatch], integers_ok: bool
) -> list[TaxLineFound]:
    """One tax line per tax label: each reads its own span up to the next label (or the whole line)."""
    found: list[TaxLineFound] = []
    for label in tax_labels:
        if len(tax_labels) == 1:
            amounts = find_amounts(line, ctx.style)
        else:
            end = min((o.start for o in labels if o.start > label.start), default=len(line.text))
            amounts = find_amounts(line, ctx.style, label.start, end)
        rate = _tax_rate(amounts)
        if rate is None:
            continue
        name = _letters(line.folded[label.start : label.end])
        money = _money(amounts, integers_ok, line)
        values = [a for a in money if not _in_parenthetical(line, a)]
        if not values and len(tax_labels) > 1 and (row := _worded_row_pair(ctx, line, rate, integers_ok)):
            found.append(TaxLineFound(rate, row[0], row[1], line.index, name))
            continue
        beside = None if values else _amount_beside(ctx, line, label, integers_ok)
        if beside is not None:
            values = [beside]
        if not values:
            below = _amount_below(ctx, line, label, integers_ok)
            if below is None:
                repaired = _repaired_amount(ctx, line, label, rate, money) if line.ocr else None
                if repaired is not None:
                    found.append(TaxLineFound(rate, repaired[0], repaired[1], line.index, name))
                continue
            values = [below[0]]
        pair = _rate_pair(rate, money + values[-1:] if values[-1] not in money else money)
        if pair is None and _included(line, label):
            pair = _gross_pair(rate, money + values[-1:] if values[-1] not in money else money)
        if pair:
            found.append(TaxLineFound(rate, pair[0], pair[1], line.index, name))
        else:
            base = _repaired_base(line, rate, values[-1]) if line.ocr else None
            found.append(TaxLineFound(rate, base, values[-1].value, line.index, name))
    return found


def _worded_row_pair(
    ctx: PageContext, line: Line, rate: Decimal, integers_ok: bool
) -> tuple[Decimal, Decimal] | None:
    """(base, amount) of a summary row whose cells carry their own words ("VAT 7 %  Net 186.92  VAT 13.08
    Gross 200.00"): the rate's label spans no figure, the tax's label repeats further on. Taken when the
    row holds one rate only and two of its figures agree with it (base × rate = amount)."""
    amounts = find_amounts(line, ctx.style)
    if sum(a.is_percent for a in amounts) != 1:
        return None
    money = [a for a in _money(amounts, integers_ok, line) if not _in_parenthetical(line, a)]
    return _rate_pair(rate, money) if len(money) >= 2 else None


# Label prefix of a tax line read from a cell of a table row (several taxes on one row): such lines are
# told apart by their place on the row ("#0", "#1"), not by a tax's name.
_CELL = "#"


def _rate_cells(line: Line, amounts: list[Amount], money: list[Amount]) -> list[TaxLineFound]:
    """Several taxes on one table row ("10,000.00 | 9 % | 900.00 | 9 % | 900.00", CGST beside SGST, or
    two rates side by side): each rate takes the first money figure after it that a base on the row
    (before the first rate, or between the rate and that figure) times the rate gives. Empty unless at
    least two rates pair up so."""
    rates = [a for a in amounts if a.is_percent and 0 <= a.value <= _MAX_RATE]
    if len(rates) < 2:
        return []
    found: list[TaxLineFound] = []
    for n, rate in enumerate(rates):
        stop = rates[n + 1].start if n + 1 < len(rates) else len(line.text)
        after = [a for a in money if rate.end <= a.start < stop]
        bases = [a for a in money if a.end <= rates[0].start] + after
        pair = next(
            (
                (base.value, amount)
                for amount in after
                for base in bases
                if base is not amount
                and base.value
                and _close(
                    base.value * rate.value / 100, amount.value, max(Decimal("0.02"), abs(amount.value) / 500)
                )
            ),
            None,
        )
        if pair is None:
            return []
        found.append(TaxLineFound(rate.value, pair[0], pair[1].value, line.index, f"{_CELL}{n}"))
    return found


# A legend of rate codes printed under a table whose rows carry a letter: "A = 19 % VAT", "B: 7 %",
# "(C) 0 %".
_RATE_CODE_RE = lazy_compile(r"(?<![A-Za-z0-9])\(?([A-Z])\)?\s*[=:]?\s*(\d{1,2}(?:[.,]\d{1,2})?)\s*%")


def _rate_codes(ctx: PageContext) -> dict[str, Decimal]:
    """Rate codes of a legend on the page (letter → rate), when two or more codes are defined there and
    each letter stands for one rate only."""
    codes: dict[str, set[Decimal]] = {}
    for line in ctx.lines:
        if "%" not in line.text:
            continue
        for m in _RATE_CODE_RE.finditer(line.text):
            rate = Decimal(m.group(2).replace(",", "."))
            if rate <= _MAX_RATE:
                codes.setdefault(m.group(1), set()).add(rate)
    if len(codes) < 2 or any(len(rates) > 1 for rates in codes.values()):
        return {}
    return {code: rates.pop() for code, rates in codes.items()}


def _coded_rate(line: Line, codes: dict[str, Decimal]) -> Decimal | None:
    """The rate of the one legend code printed as a word of its own on ``line``."""
    if not codes:
        return None
    found = {codes[w.text.strip("()")] for w in line.words if w.text.strip("()") in codes}
    return found.pop() if len(found) == 1 else None


def _repaired_amount(
    ctx: PageContext, line: Line, label: LabelMatch, rate: Decimal, money: list[Amount]
) -> tuple[Decimal, Decimal] | None:
    """(base, amount) of an OCR tax line whose amount was garbled ("£228.084.82") or cut into a
    fragment OCR put beside the line ("4.924" + "22 €"), checked by the base: the parenthetical figure
    ("VAT 20 % (Net 1,140,424.12)") or a repaired reading of it. Accepted only when base × rate gives
    the amount."""
    tails = [
        (max(s, label.end), line.text[max(s, label.end) : e]) for s, e in line.segments() if e > label.end
    ]
    if not tails:
        return None
    tails[-1] = (tails[-1][0], " ".join([tails[-1][1], *(f.text for f in _fragments_beside(ctx, line))]))
    for start, text in tails:
        for value in money_readings(re.split(r"[()]", text)[-1]):
            for base in [a.value for a in money if _in_parenthetical(line, a)]:
                expected = base * rate / 100
                if _close(expected, value, max(Decimal("0.02"), abs(expected) / 500)):
                    return base, value
            amount = Amount(value, start, start, 0.0, 0.0, 2, False, False, False)
            repaired = _repaired_base(line, rate, amount)
            if repaired is not None:
                return repaired, value
    return None


def _fragments_beside(ctx: PageContext, line: Line) -> list[Line]:
    """OCR lines at the same height right of ``line`` (a word box that overlapped a neighbour was
    kept apart as a line of its own)."""
    return [
        other
        for other in ctx.lines[line.index + 1 : line.index + 3]
        if abs(other.top - line.top) < 0.3 * line.height and other.x0 > line.words[-1].x0
    ]


def _repaired_base(line: Line, rate: Decimal, amount: Amount) -> Decimal | None:
    """The base of an OCR tax line whose printed base was garbled ("54.713 60"): a repaired reading of
    a segment left of the amount, accepted only when base × rate gives the amount."""
    for seg_start, seg_end in line.segments():
        if seg_end > amount.start:
            break
        text = line.text[seg_start:seg_end]
        for part in re.split(r"[()]", text):
            for base in money_readings(part.split("%")[-1]):
                expected = base * rate / 100
                if base and _close(expected, amount.value, max(Decimal("0.02"), abs(expected) / 500)):
                    return base
    return None


def _deduction(ctx: PageContext, line: Line, integers_ok: bool) -> Decimal | None:
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
        for a in _money(find_amounts(line, ctx.style, m.end()), integers_ok, line)
        if not _in_parenthetical(line, a)
    ]
    return abs(amounts[-1].value) if amounts else None


def _rounding(ctx: PageContext, line: Line, integers_ok: bool) -> Decimal | None:
    """The signed amount of a rounding line ("Öresavrundning -0,40"), when it is under one unit."""
    m = ROUNDING_LABEL.search(line.folded)
    if m is None:
        return None
    amounts = _money(find_amounts(line, ctx.style, m.end()), integers_ok, line)
    return amounts[-1].value if amounts and abs(amounts[-1].value) < 1 else None


def _summary_row(ctx: PageContext, line: Line, integers_ok: bool) -> tuple[Amount, Amount, Amount] | None:
    """The totals row of a tax summary table ("Summe 1.000,00 130,00 1.130,00"): three money figures
    base, tax and total with base + tax = total and the tax the smaller part."""
    money = [
        a for a in _money(find_amounts(line, ctx.style), integers_ok, line) if not _in_parenthetical(line, a)
    ]
    if len(money) < 3:
        return None
    base, tax, total = money[-3:]
    if _close(base.value + tax.value, total.value) and 0 <= tax.value < base.value:
        return base, tax, total
    return None


def _net_tax_pair(ctx: PageContext, line: Line, integers_ok: bool) -> tuple[Decimal, Decimal] | None:
    """A totals row of two money figures, the net and its tax ("Total 58.860,73 10.162,87" under the
    columns "Valoarea" and "Valoarea TVA"): the tax the smaller. Kept by the caller only when a gross
    printed below equals their sum."""
    money = [
        a for a in _money(find_amounts(line, ctx.style), integers_ok, line) if not _in_parenthetical(line, a)
    ]
    if len(money) != 2 or not 0 < money[1].value < money[0].value:
        return None
    return money[0].value, money[1].value


def _not_balances(
    gross: list[Candidate], deductions: list[Decimal], deduction_lines: set[int]
) -> list[Candidate]:
    """Gross candidates without what is left to pay after payments: a "Balance due" / "Net à payer" /
    "Zahlbetrag" below a total it equals less a deduction printed on the page, or 0.00 below a total
    that is not (a paid invoice, a hotel folio)."""
    totals = [g for g in gross if g.line not in deduction_lines]
    kept: list[Candidate] = []
    for b in gross:
        earlier = [g for g in totals if g.line < b.line and g.value != b.value]
        if any(b.value == 0 < abs(g.value) for g in earlier) or any(
            _close(abs(g.value) - d, abs(b.value)) for g in earlier for d in deductions
        ):
            continue
        kept.append(b)
    return kept or gross


# What is left to pay, named as such ("Balance due", "Amount due", "Outstanding", "Noch zu zahlen", "Reste à
# payer", "Solde", "Saldo pendiente", "Openstaand bedrag", "Importo da saldare").
_BALANCE_WORDING = lazy_compile(
    r"(?<![a-z])(?:balance|amount\s+due|outstanding|remaining|rest\s*-?\s*betrag|offene[rn]?\s+betrag|"
    r"noch\s+zu\s+zahlen|reste\s+a\s+payer|solde|saldo|pendiente|openstaand|da\s+saldare|residuo)(?![a-z])"
)


def _unexplained_balances(
    ctx: PageContext, gross: list[Candidate], deduction_lines: set[int], integers_ok: bool, sums: set[Decimal]
) -> list[Candidate]:
    """Gross candidates without a balance smaller than a total printed above it when nothing between them
    makes up the difference (no discount, no payment printed): what is left after payments made before,
    not the invoice's total. A balance that a printed net and tax add up to (``sums``) stays: then the
    total above it is the misprint."""
    balances = [
        b
        for b in gross
        if _BALANCE_WORDING.search(ctx.lines[b.line].folded) and not any(_close(b.value, v) for v in sums)
    ]
    totals = [g for g in gross if g not in balances and g.line not in deduction_lines]
    kept = [
        b
        for b in gross
        if b not in balances
        or not any(
            g.line < b.line and g.value > b.value > 0 and not _explained(ctx, g, b, integers_ok)
            for g in totals
        )
    ]
    return kept or gross


def _explained(ctx: PageContext, total: Candidate, balance: Candidate, integers_ok: bool) -> bool:
    """True when a line between a total and a smaller balance prints their difference, or a percentage
    that takes the one to the other (a discount, a payment under a name not known as one)."""
    gap = total.value - balance.value
    for line in ctx.lines[total.line + 1 : balance.line]:
        for a in find_amounts(line, ctx.style):
            if (
                a.is_percent
                and 0 < a.value < 100
                and _close(total.value * (100 - a.value) / 100, balance.value)
            ):
                return True
        if any(_close(abs(a.value), gap) for a in _money(find_amounts(line, ctx.style), integers_ok, line)):
            return True
    return False


def _totals_from(
    ctx: PageContext,
    start_line: int,
    integers_ok: bool,
    skip: int | None = None,
    item_amounts: Sequence[Decimal] = (),
) -> TotalsResult:
    net: list[Candidate] = []
    tax: list[Candidate] = []
    gross: list[Candidate] = []
    tax_lines: list[TaxLineFound] = []
    deductions: list[Decimal] = []
    roundings: list[Decimal] = []
    deduction_lines: set[int] = set()
    included_lines: set[int] = set()  # lines of a tax included in the total above ("enthaltene MwSt.")
    charges: list[Decimal] = []  # unlabelled charges in the totals block ("Bollo 2,00", "Shipping 9.95")
    legend: list[dict[str, Decimal]] = []

    def codes() -> dict[str, Decimal]:  # read once, and only for a row that needs it
        if not legend:
            legend.append(_rate_codes(ctx))
        return legend[0]

    named: list[tuple[str, Candidate]] = []  # tax amounts printed without a rate, by the tax's name
    rated_nets: list[tuple[Decimal, Candidate]] = []  # nets of one rate each ("Netto 19 %", "Netto 7 %")
    pairs: list[tuple[Decimal, Decimal, int]] = []  # "Total 58.860,73 10.162,87": net and tax in one row
    for line in ctx.lines[start_line:]:
        if line.index == skip:
            continue
        labels = [
            label for label in ctx.total_labels.get(line.index, []) if not _tax_excluded(ctx, line, label)
        ]
        rounded = _rounding(ctx, line, integers_ok)
        if rounded is not None:
            if rounded:
                roundings.append(rounded)
            continue
        deducted = _deduction(ctx, line, integers_ok)
        if deducted is not None:
            if deducted:
                deductions.append(deducted)
            deduction_lines.add(line.index)
        else:
            tax_lines += _tax_lines_of(ctx, line, labels, integers_ok, codes)
            if not labels and (charge := _charge(ctx, line, integers_ok)) is not None:
                charges.append(charge)
        if labels and deducted is None and (row := _summary_row(ctx, line, integers_ok)) is not None:
            net.append(Candidate(row[0].value, 0.7, line.index))
            tax.append(Candidate(row[1].value, 0.7, line.index))
        elif labels and deducted is None and (pair := _net_tax_pair(ctx, line, integers_ok)) is not None:
            pairs.append((*pair, line.index))
        for label in labels:
            if label.kind == "carry":
                continue  # a page subtotal carried to the next page is not a document total
            if label.kind == "tax" and deducted is not None:
                continue  # "Withholding tax 15 % -150.00": withheld from the payment, never the VAT
            amount = _label_amount(ctx, line, label, integers_ok)
            # A total on a payment line ("Total paid", "Total payments") is a guess at best.
            penalty = 0.4 if deducted is not None else 0.0
            if amount is None and (beside := _amount_beside(ctx, line, label, integers_ok)) is not None:
                amount, penalty = beside, penalty + 0.08
            found = None
            if amount is None:
                found = _amount_below(ctx, line, label, integers_ok)
                if found is None:
                    continue
                amount, alignment = found
                penalty += 0.06 + (0.1 if alignment < 0.5 else 0.0)
            specific = label.end - label.start > 6
            conf = (0.75 if specific else 0.65) - penalty
            target = {"net": net, "tax": tax, "gross": gross}[label.kind]
            if label.kind == "tax" and _included(line, label):
                included_lines.add(line.index)
            if label.kind == "net" and (rate := _label_rate(ctx, line, label)) is not None:
                rated_nets.append((rate, Candidate(amount.value, conf, line.index)))
            if label.kind == "tax" and _tax_rate(find_amounts(line, ctx.style)) is None:
                named.append(
                    (
                        _letters(line.folded[label.start : label.end]),
                        Candidate(amount.value, conf, line.index),
                    )
                )
            if found is not None and len(column := _column_values(ctx, line, label, integers_ok)) >= 2:
                # A column head over a row per tax rate: the column's sum is the document's figure, the
                # first row one part of it.
                target.append(Candidate(sum(column, Decimal(0)), conf, line.index))
                conf -= 0.15
            target.append(Candidate(amount.value, conf, line.index))
    tax_lines += _stacked_tax_breakdown(ctx, start_line, integers_ok)
    transposed = _transposed_tax_lines(ctx, start_line, integers_ok)
    if transposed:
        # Rates side by side over a row of bases and a row of taxes: the bases sum to the net.
        tax_lines += transposed
        net.append(
            Candidate(sum((t.base or Decimal(0) for t in transposed), Decimal(0)), 0.6, transposed[0].line)
        )
    distinct = _distinct(tax_lines)
    if distinct and all(t.base is not None for t in distinct):
        # Summary rows that print each rate's net, tax and gross but no net total (a gross-price
        # receipt), or a tax line's base that includes a charge printed above it ("Service charge 10 %
        # 12.00 / VAT 7 % on 132.00"): the bases sum to the net (kept only when net + tax = gross).
        total_base = sum((t.base or Decimal(0) for t in distinct), Decimal(0))
        net.append(Candidate(total_base, 0.7 if len(distinct) >= 2 else 0.55, tax_lines[-1].line))
    if len(distinct) >= 2:
        total_tax = sum((t.amount for t in distinct), Decimal(0))
        tax.append(Candidate(total_tax, 0.7, tax_lines[-1].line))
    elif distinct and not any(_close(c.value, distinct[0].amount) for c in tax):
        # One rate's row in a summary table whose tax column has no tax label ("Netto | Steuer | Brutto"):
        # its amount is the tax total (kept only when net + tax = gross confirms it).
        tax.append(Candidate(distinct[0].amount, 0.5, distinct[0].line))
    elif len({c.line for c in tax}) >= 2:
        # "CGST 5,940.00" and "SGST 5,940.00" without rates: the tax total is their sum (kept only when
        # net + tax = gross confirms it).
        tax.append(Candidate(sum((c.value for c in tax), Decimal(0)), 0.6, tax[-1].line))
    if len({rate for rate, _ in rated_nets}) == len(rated_nets) >= 2:
        # The net of each rate printed apart and no net total ("Nettobetrag 19 % 100,00 / Nettobetrag 7 %
        # 50,00"): their sum is the invoice's net (kept only when net + tax = gross confirms it).
        parts = [c for _, c in rated_nets]
        net.append(Candidate(sum((c.value for c in parts), Decimal(0)), 0.6, max(c.line for c in parts)))
    net += _stacked_net_parts(net)
    for base, levied, index in pairs:
        # The totals row under an item table's amount and tax columns, the gross printed below it.
        if any(g.line > index and _close(base + levied, g.value) for g in gross):
            net.append(Candidate(base, 0.6, index))
            tax.append(Candidate(levied, 0.6, index))
    sums = {n.value + t.value for n in net for t in tax}
    gross = _unexplained_balances(
        ctx, _not_balances(gross, deductions, deduction_lines), deduction_lines, integers_ok, sums
    )
    rates = {t.rate for t in distinct if t.rate}
    if ctx.lines and ctx.lines[0].ocr:
        _repair_misread_total(net, tax, gross, tax_lines)
    result = _choose(net, tax, gross, deductions, roundings, charges=_Charges(charges, rates))
    if not result.consistent:
        _net_from_gross(result, tax, gross, _distinct(tax_lines), included_lines)
    result.tax_lines = _distinct(tax_lines)
    _keep_whole_taxes(result)
    if ctx.lines and ctx.lines[0].ocr:
        _tax_of_net_and_gross(ctx, result, start_line)
    _derive_net(result, result.tax_lines)
    _net_of_untaxed_total(ctx, result)
    _fill_bases(result)
    # Rows that print their rate are read before a split of the net is guessed: a small rate lets a cent
    # move between two bases, and the rows tell which way.
    _bases_of_rated_rows(ctx, start_line, result, integers_ok)
    _find_bases(ctx, result, integers_ok)
    _bases_of_item_subsets(result, item_amounts)
    if not result.tax_lines:
        result.tax_lines = _named_tax_lines(result, named)
    if not result.tax_lines:
        result.tax_lines = _item_rate_lines(ctx, start_line, result, integers_ok)
    if not result.tax_lines:
        printed = _printed_rates(ctx)
        if len(printed) == 1:
            result.tax_lines = _printed_rate_line(result, printed.pop())
        elif not printed:
            # With two or more rates printed ("A = 19 % VAT  B = 7 % VAT" under rows coded A and B), net
            # and tax mix them: the rate they imply is none of the invoice's.
            result.tax_lines = _implied_rate_line(result)
    result.tax_lines = _one_line_per_rate(
        _without_idle_rates([*(result.tax_lines or []), *_exempt_line(ctx, start_line, result, integers_ok)])
    )
    return result


def _one_line_per_rate(lines: list[TaxLineFound]) -> list[TaxLineFound]:
    """Lines of one rate and tax printed apart (each row of a table that shows its own tax, goods and
    freight taxed alike) are one tax line of the invoice: the tax at that rate on all of them, its base
    their bases' sum when every one is known. Taxes told apart by name (CGST, SGST) stay apart."""
    groups: dict[tuple[Decimal, str], list[TaxLineFound]] = {}
    for t in lines:
        if t.rate is not None:
            groups.setdefault((t.rate, _tax_identity(t.label)), []).append(t)
    out: list[TaxLineFound] = []
    for t in lines:
        group = groups.get((t.rate, _tax_identity(t.label))) if t.rate is not None else None
        if group is None or len(group) == 1:
            out.append(t)
        elif t is group[0]:
            bases = [o.base for o in group]
            base = None if None in bases else sum((b for b in bases if b is not None), Decimal(0))
            out.append(replace(t, base=base, amount=sum((o.amount for o in group), Decimal(0))))
    return out


def _without_idle_rates(lines: list[TaxLineFound]) -> list[TaxLineFound]:
    """A rate printed with a zero tax and no base beside rates that levy tax ("VAT 20 % 8.60 / VAT 0 %
    0.00", a template listing every rate it knows) taxes nothing on this invoice: no tax line."""
    if not any(t.amount for t in lines):
        return lines
    return [t for t in lines if t.amount or t.base]


# The name of a supply without tax in a tax summary or the totals ("Exempt", "Exonéré", "Steuerfrei").
_EXEMPT_RE = lazy_compile(
    r"(?<![a-z])(?:exempt|exento|exenta|exonere|exoneree|steuerfrei(?:e[rsn]?)?|esente|esenti|vrijgesteld|isento|isenta|"
    r"zwolnion[ya]|momsfri|tax[\s-]free|zero[\s-]rated|non\s+imponibile)(?![a-z])"
)


def _exempt_line(
    ctx: PageContext, start_line: int, result: TotalsResult, integers_ok: bool
) -> list[TaxLineFound]:
    """The exempt part of the net printed beside other rates ("Exempt 60.00 0.00" in a tax summary,
    "Steuerfrei 400,00" in the totals): a 0 % line on it, as a 0 % rate's line is reported. Kept only
    when it is what the net total leaves over the bases of the rates printed."""
    net, lines = result.net, _distinct(result.tax_lines or [])
    if net is None or not result.consistent or not lines or any(t.base is None or t.rate == 0 for t in lines):
        return []
    rest = net.value - sum((t.base for t in lines if t.base is not None), Decimal(0))
    if rest <= 0:
        return []
    for line in ctx.lines[start_line:]:
        if not _EXEMPT_RE.search(line.folded):
            continue
        money = _money(find_amounts(line, ctx.style), integers_ok, line)
        if any(_close(a.value, rest) for a in money) and all(a.value in (0, rest) for a in money):
            return [TaxLineFound(Decimal(0), rest, Decimal("0.00"), line.index)]
    return []


# A total repaired by one confusable digit is kept a little less certain than one read as it stands.
_REPAIRED_PENALTY = 0.1


def _repair_misread_total(
    net: list[Candidate], tax: list[Candidate], gross: list[Candidate], tax_lines: list[TaxLineFound]
) -> None:
    """Totals of an OCR page of which no net, tax and gross add up, by one misread digit ("4.11" read
    "4.14"): the one candidate figure is rewritten, a little less certain, when a single confusable-digit
    reading of it makes its triple add up (``ocr_repair.repair_sum``) and no other triple offers another
    repair; a tax line that showed the same misread figure is rewritten with it."""
    triples = list(itertools.product(net, tax, gross))
    if not triples or any(n.value + t.value == g.value for n, t, g in triples):
        return
    rates = {line.rate for line in tax_lines if line.rate}
    repairs: set[tuple[int, Candidate, Decimal]] = set()
    for triple in triples:
        found = repair_sum(triple[0].value, triple[1].value, triple[2].value, rates)
        if found is not None:
            repairs.add((found[0], triple[found[0]], found[1]))
    if not repairs and len(rates) == 1:
        repairs = _rate_confirmed_repairs(triples, next(iter(rates)))
    if len(repairs) != 1:
        return
    ((index, old, value),) = repairs
    figures = (net, tax, gross)[index]
    for n, candidate in enumerate(figures):
        if candidate is old:
            figures[n] = Candidate(value, old.confidence - _REPAIRED_PENALTY, old.line)
    for n, line in enumerate(tax_lines):
        if index == 1 and line.amount == old.value:
            tax_lines[n] = replace(line, amount=value)
        elif index == 0 and line.base == old.value:
            tax_lines[n] = replace(line, base=value)


def _rate_confirmed_repairs(
    triples: list[tuple[Candidate, Candidate, Candidate]], rate: Decimal
) -> set[tuple[int, Candidate, Decimal]]:
    """Repairs of the one figure of a triple that two others and the page's only tax rate agree on: net
    and gross with gross - net = net × rate to the cent make the tax, tax and gross with the rate make
    the net, net and tax with the rate make the gross. The figure replaced must be a near reading of the
    repair (``_near_reading``: two digits misread, one lost or added), not another figure of the page."""
    repairs: set[tuple[int, Candidate, Decimal]] = set()
    for n, t, g in triples:
        options = (
            (1, t, g.value - n.value, _rounds_to(n.value, rate, g.value - n.value)),
            (0, n, g.value - t.value, _rounds_to(g.value - t.value, rate, t.value)),
            (2, g, n.value + t.value, _rounds_to(n.value, rate, t.value)),
        )
        for index, old, value, confirmed in options:
            if confirmed and value > 0 and value != old.value and _near_reading(old.value, value):
                repairs.add((index, old, value))
    return repairs


_RATE_ON_LINE = lazy_compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)\s?%")


def _tax_of_net_and_gross(ctx: PageContext, result: TotalsResult, start_line: int) -> None:
    """An OCR page whose tax figure was lost or misread ("1;305,07.€", "2 21591€") while the net and the
    gross were read: gross - net is the tax when the page's one tax rate confirms it to the cent (net ×
    rate). The tax line of that rate takes it when its amount is a near reading of it, or is made on the
    tax label's line when no amount was read there at all."""
    net, gross = result.net, result.gross
    if net is None or gross is None or result.tax is not None or net.value <= 0:
        return
    tax = gross.value - net.value
    if tax <= 0:
        return
    labelled = [  # tax labels with a rate: "IVA 21 %", not the "NIF-IVA" of a footer
        i
        for i, labels in ctx.total_labels.items()
        if i >= start_line
        and any(lb.kind == "tax" for lb in labels)
        and _RATE_ON_LINE.search(ctx.lines[i].text)
    ]
    found = result.tax_lines or []
    rates = {t.rate for t in found if t.rate}
    if not found:
        rates = {
            Decimal(m.group(1).replace(",", "."))
            for i in labelled
            for m in _RATE_ON_LINE.finditer(ctx.lines[i].text)
        }
    if len(rates) != 1 or len(found) > 1 or (not found and len(labelled) != 1):
        return
    (rate,) = rates
    if not rate or not _rounds_to(net.value, rate, tax):
        return
    if found:
        (line,) = found
        if line.amount != tax and not _near_reading(line.amount, tax):
            return
        index = line.line
    else:
        index = labelled[0]
        rate_end = _RATE_ON_LINE.search(ctx.lines[index].text)
        if rate_end is None or sum(c.isdigit() for c in ctx.lines[index].text[rate_end.end() :]) < 3:
            return  # no figure printed after the rate, garbled or not: nothing the page shows to repair
    result.tax_lines = [TaxLineFound(rate, net.value, tax, index)]
    result.tax = Candidate(tax, min(net.confidence, gross.confidence) - _REPAIRED_PENALTY, index)
    result.consistent = True


def _near_reading(read: Decimal, value: Decimal) -> bool:
    """True when ``read`` could be OCR's reading of ``value``: their digits differ by at most two edits
    (a digit misread, lost or doubled), the cents included."""
    a, b = f"{abs(read):.2f}".replace(".", ""), f"{abs(value):.2f}".replace(".", "")
    if abs(len(a) - len(b)) > 2:
        return False
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        previous = current
    return previous[-1] <= 2


def _net_of_untaxed_total(ctx: PageContext, result: TotalsResult) -> None:
    """A lone total, no tax printed anywhere, and amounts marked as leaving the tax out ("Preis ohne MwSt.",
    "Amount excl. VAT" over the rows) or a note that no tax is charged ("Reverse charge", "§ 19 UStG",
    "TVA non applicable", "Exento de IVA"): nothing was added to the net, so the total is the net as well."""
    if result.gross is None or result.net is not None or result.tax is not None or result.tax_lines:
        return
    labels = ctx.total_labels
    exempt = {line.index for line in ctx.lines if _TAX_NOT_CHARGED.search(line.folded)}
    excluded = {
        (i, label.start) for i in labels for label in labels[i] if _tax_excluded(ctx, ctx.lines[i], label)
    }
    if any(
        label.kind == "tax" and (i, label.start) not in excluded and i not in exempt
        for i in labels
        for label in labels[i]
    ):
        return
    if exempt or excluded or any(_TAX_LEFT_OUT.search(line.folded) for line in ctx.lines):
        gross = result.gross
        result.net = Candidate(gross.value, gross.confidence - 0.1, gross.line)


# A column head or note saying the amounts leave the tax out, in one phrase ("Preis exkl. MwSt.", "Montant
# hors TVA", "HTVA", "Importe sin IVA", "Prezzo senza IVA", "Bedrag excl. btw", "Price before tax").
_TAX_LEFT_OUT = lazy_compile(
    r"(?<![a-z])(?:(?:ohne|exkl|excl|exclusive\s+of|excluding|ex|without|w/o|before|net\s+of|hors|sans|sin|senza|"
    r"zonder|exclusief|bez|uden|utan|uten|ekskl|eks)\.?\s*(?:mwst|ust|vat|tva|iva|btw|moms|mva|dph|taxes|tax|gst|alv)"
    r"|htva)(?![a-z])"
)
# A note that no tax is charged: reverse charge, a small business's or an exempt supply's legal mention.
_TAX_NOT_CHARGED = lazy_compile(
    r"(?<![a-z])(?:reverse\s*-?\s*charge|steuerschuldnerschaft\s+des\s+leistungsempfangers|kleinunternehmer|"
    r"§\s*19\s*(?:abs\.\s*1\s*)?ustg|keine\s+(?:umsatzsteuer|mehrwertsteuer|mwst|ust)|umsatzsteuerfrei|"
    r"autoliquidation|tva\s+non\s+applicable|exoneration\s+de\s+tva|"
    r"(?:vat|tax|gst)\s*-?\s*exempt|exempt\s+from\s+(?:vat|tax|gst)|not\s+subject\s+to\s+(?:vat|tax|gst)|"
    r"no\s+(?:vat|tax|gst)\s+(?:is\s+)?(?:charged|applicable|payable)|"
    r"inversion\s+del\s+sujeto\s+pasivo|exent[oa]\s+de\s+iva|inversione\s+contabile|esente\s+(?:da\s+)?iva|"
    r"btw\s+verlegd|vrijgesteld\s+van\s+btw|"
    # More wordings of an exempt or small business's supply: "umsatzsteuerbefreit", "nicht steuerbar",
    # "exonéré de TVA", "franchise en base de TVA", "senza applicazione dell'IVA", "regime forfettario",
    # "fuori campo IVA", "no sujeto a IVA", "btw vrijgesteld", "kleineondernemersregeling", "not
    # registered for VAT".
    r"umsatzsteuerbefreit|nicht\s+steuerbar|exoneree?s?\s+de\s+tva|franchise\s+en\s+base\s+de\s+tva|"
    r"senza\s+applicazione\s+dell\W?\s*iva|regime\s+forfettario|fuori\s+campo\s+(?:di\s+applicazione\s+)?"
    r"(?:dell\W?\s*)?iva|non\s+soggett[oa]\s+(?:ad?\s+)?iva|no\s+sujet[oa]\s+a(?:l)?\s+iva|"
    r"btw\s+vrijgesteld|kleineondernemersregeling|not\s+(?:vat\s+registered|registered\s+for\s+vat))(?![a-z])"
)


def extract_totals(
    ctx: PageContext,
    start_line: int,
    integers_ok: bool,
    items_top: int | None = None,
    item_amounts: Sequence[Decimal] = (),
) -> TotalsResult:
    """Totals read from ``start_line`` (below the item rows). When none of them is the gross but a gross
    label stands above, the totals are elsewhere: printed before the item table (a statement's summary
    over its detail), or the item reader ran past them (a receipt's "Grand Total" taken for a row, a
    paragraph of terms read as rows below the total). Then the whole page is read again, but for the item
    table's first line ``items_top`` (a column head "Total" is no total), each figure a little less
    certain. ``item_amounts`` (the item rows' net amounts) let the bases of several rates be found when
    neither the summary nor the rows print them."""
    result = _totals_from(ctx, start_line, integers_ok, item_amounts=item_amounts)
    if result.gross is None and not integers_ok and _ocr_page_without_cents(ctx):
        result = _whole_totals(ctx, start_line) or result
    if result.gross is not None or items_top is None or start_line <= 0:
        return result
    labels = ctx.total_labels
    if not any(
        label.kind == "gross" for i in range(start_line) if i != items_top for label in labels.get(i, [])
    ):
        return result
    again = _totals_from(ctx, 0, integers_ok, skip=items_top, item_amounts=item_amounts)
    if again.gross is None:
        return result
    for name in ("net", "tax", "gross"):
        found = getattr(again, name)
        if found is not None:
            setattr(again, name, Candidate(found.value, found.confidence - 0.15, found.line))
    return again


# A whole-number total read by OCR is this much less certain than one printed with cents.
_WHOLE_OCR_PENALTY = 0.15


def _ocr_page_without_cents(ctx: PageContext) -> bool:
    """An OCR page on which no figure has two decimals: a receipt that prints whole amounts ("Rs 1939"),
    or software that prints money as it is stored ("43 EUR", "8.6 EUR")."""
    if not ctx.lines or not all(line.ocr for line in ctx.lines):
        return False
    return not any(
        a.decimals >= 2 and not a.is_percent for line in ctx.lines for a in find_amounts(line, ctx.style)
    )


def _whole_totals(ctx: PageContext, start_line: int) -> TotalsResult | None:
    """The totals of an OCR page without cents, read with whole numbers allowed. OCR also loses decimal
    points ("12.34" read "1234"), so a whole gross is taken only when arithmetic or repetition confirms
    it: net + tax = gross, or the same figure printed as money on another line too (paid, balance due)."""
    result = _totals_from(ctx, start_line, integers_ok=True)
    gross = result.gross
    if gross is None:
        return None
    repeated = sum(
        1
        for line in ctx.lines
        if any(a.value == gross.value and not a.is_percent for a in find_amounts(line, ctx.style))
    )
    if not result.consistent and repeated < 2:
        return None
    for name in ("net", "tax", "gross"):
        found = getattr(result, name)
        if found is not None:
            setattr(result, name, Candidate(found.value, found.confidence - _WHOLE_OCR_PENALTY, found.line))
    return result


_TAX_WORD = lazy_compile(
    r"(?<![a-z])(?:vat|tax|mwst|ust|tva|iva|btw|moms|mva|alv|gst|dph|pvm|pvn|kdv|igic|dds|pdv)(?![a-z])"
)


def _printed_rates(ctx: PageContext) -> set[Decimal]:
    """The tax rates printed on lines that name a tax ("Tax rate 8.25%", "A = 19 % VAT")."""
    rates: set[Decimal] = set()
    for line in ctx.lines:
        if not _TAX_WORD.search(line.folded):
            continue
        rates.update(
            a.value for a in find_amounts(line, ctx.style) if a.is_percent and 0 < a.value <= _MAX_RATE
        )
    return rates


def _printed_rate_line(result: TotalsResult, rate: Decimal) -> list[TaxLineFound]:
    """The one tax line of a tax total printed apart from its rate ("Tax rate 8.25%" over "Sales tax
    8.25"), when net × that rate gives the tax; else the rate net and tax imply."""
    net, tax = result.net, result.tax
    if net is None or tax is None or not result.consistent or net.value <= 0 or tax.value <= 0:
        return []
    if _rounds_to(net.value, rate, tax.value):
        return [TaxLineFound(rate, net.value, tax.value, tax.line)]
    return _implied_rate_line(result)


def _named_tax_lines(result: TotalsResult, named: list[tuple[str, Candidate]]) -> list[TaxLineFound]:
    """Taxes of different names printed without rates ("CGST 900.00" and "SGST 900.00" under "Taxable
    value 10,000.00"): one tax line each, on the whole net, when their amounts add up to the tax total and
    each gives a rate of one decimal at most that yields its amount to the cent."""
    net, tax = result.net, result.tax
    if net is None or tax is None or not result.consistent or net.value <= 0:
        return []
    parts: dict[str, Candidate] = {}
    for name, c in named:
        if (
            name
            and c.value > 0
            and not _close(c.value, tax.value)
            and all(p.line != c.line for p in parts.values())
        ):
            parts.setdefault(name, c)
    if len(parts) < 2 or not _close(sum((c.value for c in parts.values()), Decimal(0)), tax.value):
        return []
    lines: list[TaxLineFound] = []
    for name, c in parts.items():
        rate = (c.value * 100 / net.value).quantize(Decimal("0.1"))
        if not 0 < rate <= _MAX_RATE or not _rounds_to(net.value, rate, c.value):
            return []
        shown = rate.quantize(Decimal(1)) if rate == rate.to_integral() else rate
        lines.append(TaxLineFound(shown, net.value, c.value, c.line, name))
    return lines


def _implied_rate_line(result: TotalsResult) -> list[TaxLineFound]:
    """A tax total printed without its rate ("VAT 300.00" under "Net 1,500.00"): the one tax line, at the
    rate net and tax imply, when that rate has one decimal at most and gives the tax to the cent."""
    net, tax = result.net, result.tax
    if net is None or tax is None or not result.consistent or net.value <= 0 or tax.value <= 0:
        return []
    rate = (tax.value * 100 / net.value).quantize(Decimal("0.1"))
    if not 0 < rate <= _MAX_RATE or not _rounds_to(net.value, rate, tax.value):
        return []
    shown = rate.quantize(Decimal(1)) if rate == rate.to_integral() else rate  # "20", not "20.0"
    return [TaxLineFound(shown, net.value, tax.value, tax.line)]


def _item_rate_lines(
    ctx: PageContext, end_line: int, result: TotalsResult, integers_ok: bool
) -> list[TaxLineFound]:
    """Tax lines of an invoice without a tax summary whose item rows carry their rate ("19 %") and net
    amount (with or without the row's tax): one line per rate, the rows' nets summed as its base and
    their taxes (or base × rate) as its amount. Kept only when the bases add up to the net total and the
    amounts to the tax total: the arithmetic of the whole document confirms the rows were read right.
    With only a gross total printed ("Amount due"), rows that print their own tax give the net and the
    tax too, when together they make the gross."""
    if result.tax is None and result.net is None and result.gross is not None:
        return _item_rates_of_gross(ctx, end_line, result, integers_ok)
    if result.net is None or result.tax is None or not result.consistent:
        return []
    groups, rows, _ = _item_rate_groups(ctx, end_line, integers_ok)
    if not groups:
        return []
    bases = sum((b for b, _ in groups.values()), Decimal(0))
    taxes = sum((t for _, t in groups.values()), Decimal(0))
    if not _close(bases, result.net.value):
        return []
    if not _close(taxes, result.tax.value, _CENT * max(rows, 1)):
        return _twin_item_rate_lines(ctx, end_line, result, integers_ok, groups)
    if len(groups) == 1:  # one rate: its tax is the printed total (rows rounded one by one may differ)
        groups = {rate: (base, result.tax.value) for rate, (base, _) in groups.items()}
    elif taxes != result.tax.value:
        # Rows rounded one by one miss the printed total by a cent where the invoice rounds each rate's
        # tax once: take that rounding when it gives the total exactly.
        per_rate = {
            rate: (base, (base * rate / 100).quantize(_CENT, ROUND_HALF_UP))
            for rate, (base, _) in groups.items()
        }
        if sum((t for _, t in per_rate.values()), Decimal(0)) == result.tax.value:
            groups = per_rate
    return _as_tax_lines(groups, result.tax.line)


def _twin_item_rate_lines(
    ctx: PageContext,
    end_line: int,
    result: TotalsResult,
    integers_ok: bool,
    groups: dict[Decimal, tuple[Decimal, Decimal]],
) -> list[TaxLineFound]:
    """Rows that print two taxes of one rate side by side (Indian CGST and SGST columns: "4,500.00 | 6 |
    270.00 | 6 | 270.00"): each rate's tax twice makes the tax total. Then every rate is two tax lines, one
    per tax, on the rate's base; kept only when every such row prints its tax twice and the doubled
    taxes add up to the tax total."""
    tax = result.tax
    if tax is None or not _every_row_prints_its_tax_twice(ctx, end_line, integers_ok):
        return []
    if not _close(2 * sum((t for _, t in groups.values()), Decimal(0)), tax.value, _CENT * 2 * len(groups)):
        return []
    lines = _as_tax_lines(groups, tax.line)
    # Labelled as two cells of a row: the page keeps equal figures apart only by distinct labels.
    return [replace(line, label=f"{_CELL}{n}") for line in lines for n in (0, 1)]


def _every_row_prints_its_tax_twice(ctx: PageContext, end_line: int, integers_ok: bool) -> bool:
    seen = False
    for _rate, money, pair in _rate_rows(ctx, end_line, integers_ok):
        if pair is None or sum(1 for m in money if m.value == pair[1]) != 2:
            return False
        seen = True
    return seen


def _rate_rows(
    ctx: PageContext, end_line: int, integers_ok: bool
) -> Iterator[tuple[Decimal, list[Amount], tuple[Decimal, Decimal] | None]]:
    """(rate, money, (base, tax) when the row prints both) of each line above ``end_line`` that prints
    a rate and money."""
    for line in ctx.lines[:end_line]:
        amounts = find_amounts(line, ctx.style)
        rate = _tax_rate(amounts)
        money = _money(amounts, integers_ok, line)
        if rate is None and len(money) >= 2:
            rate = _bare_rate(amounts, money)
        if rate is None or not money:
            continue
        yield rate, money, (_rate_pair(rate, money) if len(money) >= 2 else None)


def _item_rates_of_gross(
    ctx: PageContext, end_line: int, result: TotalsResult, integers_ok: bool
) -> list[TaxLineFound]:
    gross = result.gross
    groups, _, all_paired = _item_rate_groups(ctx, end_line, integers_ok)
    if gross is None or not groups:
        return []
    bases = sum((b for b, _ in groups.values()), Decimal(0))
    taxes = sum((t for _, t in groups.values()), Decimal(0))
    # Rows with only a rate column: base × rate per row stands in for the tax, the gross to the cent
    # per rate confirms it (amounts including tax would overshoot the gross by their tax).
    if not _close(bases + taxes, gross.value, TOLERANCE if all_paired else _CENT * max(len(groups), 1)):
        return []
    confidence = gross.confidence - 0.15
    result.net = Candidate(bases, confidence, gross.line)
    result.tax = Candidate(taxes, confidence, gross.line)
    result.consistent = True
    return _as_tax_lines(groups, gross.line)


def _as_tax_lines(groups: dict[Decimal, tuple[Decimal, Decimal]], line: int) -> list[TaxLineFound]:
    return [TaxLineFound(rate, base, tax, line) for rate, (base, tax) in sorted(groups.items(), reverse=True)]


def _item_rate_groups(
    ctx: PageContext, end_line: int, integers_ok: bool
) -> tuple[dict[Decimal, tuple[Decimal, Decimal]], int, bool]:
    """(base, tax) summed per rate over the lines above ``end_line`` that print a rate and money; the
    number of such rows; whether every row printed its own tax (else base × rate stands in)."""
    groups: dict[Decimal, tuple[Decimal, Decimal]] = {}
    rows = 0
    all_paired = True
    for rate, money, pair in _rate_rows(ctx, end_line, integers_ok):
        if pair is None:
            all_paired = False
        base, tax = pair if pair else (money[-1].value, (money[-1].value * rate / 100).quantize(_CENT))
        old_base, old_tax = groups.get(rate, (Decimal(0), Decimal(0)))
        groups[rate] = (old_base + base, old_tax + tax)
        rows += 1
    return groups, rows, all_paired


def _bare_rate(amounts: list[Amount], money: list[Amount]) -> Decimal | None:
    """A rate printed without its "%" in a row's "VAT %" column ("Consulting 1 100.00 19 19.00 100.00"):
    a whole number the row's money figures confirm (base × it / 100 = the row's tax). Read from the right:
    the rate column stands after the quantity, and a quantity of 10 can pass the test too (10 × 450.00 =
    4,500.00, whose tenth is the price)."""
    for a in reversed(amounts):
        if a.is_percent or a.decimals or not 0 < a.value <= _MAX_RATE or a in money:
            continue
        if _rate_pair(a.value, money) is not None:
            return a.value
    return None


def _included(line: Line, label: LabelMatch) -> bool:
    """True when words before the tax label in its segment say the tax is included ("enthaltene MwSt.
    19 %", "inkl. 19 % USt.", "dont TVA 20 %"), or words right after it ("GST included", "IVA 21 %
    incluido", "BTW inbegrepen")."""
    seg_start, seg_end = line.segment_span(label.start)
    if INCLUDED_TAX_HINT.search(line.folded, max(seg_start, label.start - 24), label.start) is not None:
        return True
    return INCLUDED_TAX_HINT.search(line.folded, label.end, min(seg_end, label.end + 16)) is not None


def _net_from_gross(
    result: TotalsResult,
    tax: list[Candidate],
    gross: list[Candidate],
    tax_lines: list[TaxLineFound],
    included_lines: set[int],
) -> None:
    """No printed net adds up with a tax and a gross: the net is gross less tax when the printed rate
    gives that tax from it. A subtotal that repeats the gross ("Gesamtsumme 749,80 / enthaltene MwSt.
    19 % 119,72") or leaves out a taxed charge (shipping, a fee printed beside it) is not the taxable
    amount. A tax marked as included may go without a rate (then it must be under half the gross)."""
    for t in sorted(tax, key=lambda c: -c.confidence):
        rates = {x.rate for x in tax_lines if x.rate and _close(x.amount, t.value)}
        if t.value <= 0 or (not rates and t.line not in included_lines):
            continue
        for g in sorted(gross, key=lambda c: (-c.confidence, -c.line)):
            net = g.value - t.value
            if net <= 0 or (not rates and t.value * 2 >= g.value):
                continue
            if rates and not any(_close(net * r / 100, t.value, Decimal("0.02")) for r in rates):
                continue  # to the cent (or two, taxes summed per line): a rough fit is a coincidence
            confidence = min(0.9, min(t.confidence, g.confidence) + 0.15)
            result.net = Candidate(net, confidence, g.line)
            result.tax = Candidate(t.value, confidence, t.line)
            result.gross = Candidate(g.value, confidence, g.line)
            result.consistent = True
            return


def _derive_net(result: TotalsResult, tax_lines: list[TaxLineFound]) -> None:
    """A gross with the tax it includes and no net printed ("Gesamtbetrag 119,00 / inkl. 19 % MwSt.
    19,00"): the net is gross less tax when the one rate printed gives that tax from it."""
    tax, gross = result.tax, result.gross
    if result.net is not None or tax is None or gross is None or not tax_lines:
        return
    rates = {t.rate for t in tax_lines}
    rate = next(iter(rates))
    net = gross.value - tax.value
    bases = [t.base for t in tax_lines]
    if len(rates) >= 2 and all(b is not None for b in bases):
        # A tax summary of several rates and the amount due, no net printed: the bases make it.
        if net > 0 and _close(sum((b for b in bases if b is not None), Decimal(0)), net):
            result.net = Candidate(net, min(tax.confidence, gross.confidence) - 0.1, gross.line)
            result.consistent = True
        return
    if net > 0 and len(tax_lines) >= 2 and all(b is not None and _close(b, net) for b in bases):
        # Taxes levied on one base side by side (CGST and SGST on the taxable value): each base is the net.
        if _close(sum((t.amount for t in tax_lines), Decimal(0)), tax.value):
            result.net = Candidate(net, min(tax.confidence, gross.confidence) - 0.1, gross.line)
            result.consistent = True
        return
    if len(rates) != 1 or rate is None or not rate:
        return
    expected = net * rate / 100
    if net > 0 and _close(expected, tax.value, max(Decimal("0.02"), abs(expected) / 500)):
        confidence = min(tax.confidence, gross.confidence) - 0.1
        result.net = Candidate(net, confidence, gross.line)
        result.consistent = True


# Names of taxes levied side by side on one base (India's central, state and union-territory GST and
# cess, Canada's GST/HST beside a provincial tax, Spain's IGIC, insurance taxes): two lines of one rate
# and amount under two of these names are two taxes. Longer names first ("cgst" before "gst").
_SEPARATE_TAX_RE = lazy_compile(
    r"cgst|sgst|igst|utgst|cess|hst|pst|rst|qst|tps|tvq|igic|gst|versicherung|insurance|assuran"
)


def _tax_identity(name: str) -> str:
    """The tax a label names, for telling taxes apart: a separate tax's own name, else "" for every
    name of the one value-added tax ("MwSt." and "USt.", "VAT" and "Tax" on one invoice are synonyms)."""
    if name.startswith(_CELL):
        return name  # a cell of a row of several taxes: told apart by its place
    m = _SEPARATE_TAX_RE.search(name)
    return m.group() if m else ""


def _distinct(tax_lines: list[TaxLineFound]) -> list[TaxLineFound]:
    """Tax lines printed twice (a summary table and the totals block) counted once. Equal lines are
    distinct taxes when named apart (CGST and SGST of the same rate and amount) or printed side by side on
    one row (a table's "CGST 9 % 900.00 | SGST 9 % 900.00"): a (rate, amount) is kept as often as it has
    names of taxes, or cells on one row, whichever is more."""
    keys = [(t.rate, t.amount) for t in tax_lines]
    wanted: dict[tuple[Decimal | None, Decimal], int] = {}
    for key in set(keys):
        same = [t for t, k in zip(tax_lines, keys, strict=True) if k == key]
        names = {_tax_identity(t.label) for t in same if t.label and not t.label.startswith(_CELL)}
        on_one_row = max(sum(t.line == o.line for o in same) for t in same)
        wanted[key] = max(len(names), on_one_row, 1)
    out: list[TaxLineFound] = []
    kept: dict[tuple[Decimal | None, Decimal], list[int]] = {}
    for t, key in zip(tax_lines, keys, strict=True):
        taken = kept.setdefault(key, [])
        if len(taken) >= wanted[key] or (
            t.label and any(_tax_identity(out[i].label) == _tax_identity(t.label) for i in taken)
        ):
            # A repeat: its base (a summary row's) completes the line kept without one ("VAT 19 %: 19.00").
            bare = next((i for i in taken if out[i].base is None), None)
            if t.base is not None and bare is not None:
                o = out[bare]
                out[bare] = TaxLineFound(o.rate, t.base, o.amount, o.line, o.label)
            continue
        taken.append(len(out))
        out.append(t)
    return out


def _stacked_net_parts(net: list[Candidate]) -> list[Candidate]:
    """Nets printed on consecutive lines as parts and no net total ("Steuerpflichtiger Betrag 19 %
    1.000,00 / Steuerfreier Betrag 50,00"): their sum, offered at low confidence (kept only when net +
    tax = gross confirms it)."""
    by_line = sorted({c.line: c for c in net}.values(), key=lambda c: c.line)
    out: list[Candidate] = []
    run: list[Candidate] = []
    for c in [*by_line, None]:
        if c is not None and (not run or c.line == run[-1].line + 1):
            run.append(c)
            continue
        if len(run) >= 2:
            out.append(Candidate(sum((p.value for p in run), Decimal(0)), 0.5, run[-1].line))
        run = [c] if c is not None else []
    return out


def _keep_whole_taxes(result: TotalsResult) -> None:
    """Lines of one rate and tax printed more than once with different amounts make the lines sum to more
    than the tax total: the last section's "VAT 20 % 0.70" above the invoice's "Total VAT 20 % 6.70", or
    the tax restated in another currency ("VAT 20 % in EUR: 233.00"). When exactly one choice of one line
    per rate and tax makes the lines sum to the tax total, the others go."""
    lines, tax = result.tax_lines or [], result.tax
    if tax is None or not result.consistent or len(lines) < 2:
        return
    if _close(sum((t.amount for t in lines), Decimal(0)), tax.value, _CENT * len(lines)):
        return
    groups: dict[tuple[Decimal | None, str], list[TaxLineFound]] = {}
    for t in lines:
        groups.setdefault((t.rate, _tax_identity(t.label)), []).append(t)
    if len(groups) == len(lines) or math.prod(len(g) for g in groups.values()) > _MAX_TAX_CHOICES:
        return
    fits = [
        choice
        for choice in itertools.product(*groups.values())
        if _close(sum((t.amount for t in choice), Decimal(0)), tax.value, _CENT * len(choice))
    ]
    if len(fits) == 1:
        kept = {id(t) for t in fits[0]}
        result.tax_lines = [t for t in lines if id(t) in kept]


_MAX_TAX_CHOICES = 64


@dataclass(frozen=True)
class _Charges:
    """Unlabelled charges printed in the totals block and the tax rates printed there: a charge outside
    the tax ("Bollo 2,00", "Outlays 450.00") makes net + tax + charge = gross, when the rate gives the
    tax from the net alone (a taxed charge, shipping, belongs in the net instead)."""

    amounts: Sequence[Decimal] = ()
    rates: frozenset[Decimal] | set[Decimal] = frozenset()

    def untaxed(self, n: Decimal, t: Decimal, g: Decimal) -> bool:
        if not any(_close(n * r / 100, t, Decimal("0.02")) for r in self.rates):
            return False
        return any(c and _close(n + t + c, g) for c in self.amounts)


def _charge(ctx: PageContext, line: Line, integers_ok: bool) -> Decimal | None:
    """The amount of a line made of a few words and one money figure ("Bollo 2,00", "Versand 4,90")."""
    money = _money(find_amounts(line, ctx.style), integers_ok, line)
    if len(money) != 1 or money[0].value <= 0 or len(line.words) > 6:
        return None
    head = line.text[: money[0].start]
    return money[0].value if sum(c.isalpha() for c in head) >= 3 else None


def _choose(
    net: list[Candidate],
    tax: list[Candidate],
    gross: list[Candidate],
    withheld: Sequence[Decimal] = (),
    roundings: Sequence[Decimal] = (),
    *,
    charges: _Charges = _Charges(),
) -> TotalsResult:
    """The best (net, tax, gross) combination. Base + tax = gross, or + a rounding printed on the page
    ("Öresavrundning 0,40": the rounded amount is the invoice's), confirms a triple; base + tax less an
    amount withheld ("Retención IRPF") or plus a charge outside the tax ("Bollo") confirms it a little
    less."""

    def adds_up(n: Decimal, t: Decimal, g: Decimal) -> bool:
        return any(_close(n + t + r, g) for r in (Decimal(0), *roundings))

    best: tuple[float, TotalsResult] | None = None
    # A generic "Total" / "Summa" above the tax may be the net it is levied on ("Summa 1 000,00 / Moms
    # 250,00 / Att betala 1 250,00"): offered as a net of low confidence, kept only when it adds up.
    as_net = [
        Candidate(g.value, g.confidence - 0.4, g.line)
        for g in gross
        if any(t.line > g.line for t in tax) and all(n.line != g.line for n in net)
    ]
    options_n: list[Candidate | None] = [*net, *as_net, None]
    options_t: list[Candidate | None] = [*tax, None]
    options_g: list[Candidate | None] = [*gross, None]
    # The largest consistent triple is the document's (a VAT summary row per rate, a section subtotal
    # or a page's partial sums add up too, to less).
    largest = max(
        (g.value for n, t, g in itertools.product(net, tax, gross) if adds_up(n.value, t.value, g.value)),
        default=None,
    )
    for n, t, g in itertools.product(options_n, options_t, options_g):
        score = sum(c.confidence for c in (n, t, g) if c is not None)
        consistent = False
        if n and t and g:
            if adds_up(n.value, t.value, g.value):
                score += 1.5 + (0.1 if g.value == largest else 0.0)
                consistent = True
            elif any(_close(n.value + t.value - d, g.value) for d in withheld):
                # "Total factura" after a withholding ("Retención IRPF -15 %"): base + tax - withheld.
                score += 1.2
                consistent = True
            elif charges.untaxed(n.value, t.value, g.value):
                score += 1.2  # "Imponibile / IVA 22 % / Bollo 2,00 / Totale documento"
                consistent = True
            else:
                score -= 1.0
        elif n and g and t is None:
            if _close(n.value, g.value):
                score += 0.3
            elif n.value > g.value:
                score -= 0.5
        elif (t and g and n is None and t.value >= g.value) or (
            n and t and g is None and t.value >= n.value > 0
        ):
            score -= 0.5  # tax cannot exceed the amount it is levied on
        # Later (lower) totals win ties: the closing total sits below the others.
        score += 0.0001 * sum(c.line for c in (n, t, g) if c is not None)
        if best is None or score > best[0]:
            best = (score, TotalsResult(n, t, g, consistent=consistent))
    assert best is not None
    result = best[1]
    if result.consistent:
        for name in ("net", "tax", "gross"):
            c = getattr(result, name)
            setattr(result, name, Candidate(c.value, min(0.99, c.confidence + 0.22), c.line))
    return result


def _fill_bases(result: TotalsResult) -> None:
    """A tax line printed without its base takes the net total when the rate confirms it. A line of
    rate 0 beside lines of other rates ("VAT 0 % 0.00" under "VAT 19 %" and "VAT 7 %") is confirmed by
    any base: it is left to ``_zero_rate_base``."""
    if not result.tax_lines or result.net is None:
        return
    several = len({t.rate for t in result.tax_lines}) > 1
    # Two positive rates share the net: neither has all of it (a small second rate hides inside the
    # first one's tolerance on a large net).
    shared = len({t.rate for t in result.tax_lines if t.rate}) > 1
    filled: list[TaxLineFound] = []
    for t in result.tax_lines:
        fixed = t
        if t.base is None and t.rate is not None and not (several and not t.rate) and not shared:
            expected = result.net.value * t.rate / 100
            if _close(expected, t.amount, max(Decimal("0.02"), abs(expected) / 500)):
                fixed = TaxLineFound(t.rate, result.net.value, t.amount, t.line, t.label)
        filled.append(fixed)
    result.tax_lines = filled


_CENT = Decimal("0.01")


def _rounds_to(base: Decimal, rate: Decimal, amount: Decimal) -> bool:
    """base × rate, rounded to the cent (half up or half even), is exactly ``amount``."""
    exact = base * rate / 100
    return any(exact.quantize(_CENT, rounding=mode) == amount for mode in (ROUND_HALF_UP, ROUND_HALF_EVEN))


def _find_bases(ctx: PageContext, result: TotalsResult, integers_ok: bool) -> None:
    """Bases of several tax rates printed apart from their tax lines ("VAT 19 %: 190.00" in the totals,
    the net per rate in a summary row whose rate has no % sign, or nowhere). A printed figure is taken
    when it alone on the page gives the tax amount to the cent; the last base missing is the net total
    less the others, when its rate confirms it."""
    lines = result.tax_lines
    if not lines or all(t.base is not None or t.rate is None for t in lines):
        return
    figures: dict[Decimal, int] = {}  # value -> nearest line index (filled below per tax line)
    page_money = [
        (line.index, a.value)
        for line in ctx.lines
        for a in _money(find_amounts(line, ctx.style), integers_ok, line)
        if a.value > 0
    ]
    filled: list[TaxLineFound] = []
    for t in lines:
        if t.base is not None or t.rate is None or not t.rate:
            filled.append(t)
            continue
        figures = {}
        for index, value in page_money:
            if value != t.amount and _rounds_to(value, t.rate, t.amount):
                figures.setdefault(value, index)
        base = next(iter(figures)) if len(figures) == 1 else None
        filled.append(TaxLineFound(t.rate, base, t.amount, t.line, t.label) if base is not None else t)
    missing = [t for t in filled if t.base is None and t.rate]
    if len(missing) == 1 and result.net is not None and len(filled) > 1:
        t = missing[0]
        known = sum((o.base for o in _distinct(filled) if o.base is not None and o is not t), Decimal(0))
        rest = result.net.value - known
        if rest > 0 and t.rate is not None and _rounds_to(rest, t.rate, t.amount):
            filled = [TaxLineFound(o.rate, rest, o.amount, o.line, o.label) if o is t else o for o in filled]
    if len(missing) == 2 and result.net is not None and len(_distinct(filled)) == 2:
        filled = _split_net(filled, missing[0], missing[1], result.net.value)
    result.tax_lines = _zero_rate_base(filled, result.net)


def _zero_rate_base(lines: list[TaxLineFound], net: Candidate | None) -> list[TaxLineFound]:
    """The base of the one 0 % line printed without it: the net total less the bases of the other rates,
    once all of those are known and leave a positive rest."""
    zero = [t for t in lines if t.base is None and t.rate == 0 and not t.amount]
    others = [t for t in _distinct(lines) if t not in zero]
    if len(zero) != 1 or net is None or not others or any(t.base is None for t in others):
        return lines
    rest = net.value - sum((t.base for t in others if t.base is not None), Decimal(0))
    if rest <= 0:
        return lines
    return [TaxLineFound(t.rate, rest, t.amount, t.line, t.label) if t is zero[0] else t for t in lines]


def _split_net(
    lines: list[TaxLineFound], first: TaxLineFound, second: TaxLineFound, net: Decimal
) -> list[TaxLineFound]:
    """Two rates, no base printed: the one split of the net total whose parts give both tax amounts to
    the cent. Several splits fit when a rate is small; then the bases stay unknown."""
    if first.rate is None or second.rate is None:
        return lines
    low = ((first.amount - Decimal("0.005")) * 100 / first.rate).quantize(_CENT)
    high = ((first.amount + Decimal("0.005")) * 100 / first.rate).quantize(_CENT)
    fits = []
    cents = int((high - low) / _CENT)
    if cents > 2000:
        return lines
    for step in range(-1, cents + 2):
        base = low + step * _CENT
        rest = net - base
        if (
            rest > 0
            and _rounds_to(base, first.rate, first.amount)
            and _rounds_to(rest, second.rate, second.amount)
        ):
            fits.append((base, rest))
    if len(fits) > 1:
        # A small rate lets a few cents move between the bases; a split both of whose taxes are exact
        # (no rounding at all) is the printed one when it is the only such split.
        exact = [
            f
            for f in fits
            if f[0] * first.rate / 100 == first.amount and f[1] * second.rate / 100 == second.amount
        ]
        fits = exact
    if len(fits) != 1:
        return lines
    bases = {id(first): fits[0][0], id(second): fits[0][1]}
    return [
        TaxLineFound(t.rate, bases[id(t)], t.amount, t.line, t.label) if id(t) in bases else t for t in lines
    ]


def _missing_bases(result: TotalsResult) -> list[TaxLineFound] | None:
    """The distinct tax lines, when two or more rates are listed (one of them may be 0 %: a zero-rated
    line beside a taxed one) and some positive rate lacks its base."""
    lines = _distinct(result.tax_lines or [])
    rated = [t for t in lines if t.rate]
    if len(lines) < 2 or not rated or all(t.base is not None for t in rated):
        return None
    if any(t.rate is None for t in lines):
        return None
    return lines


def _with_bases(result: TotalsResult, bases: dict[Decimal, Decimal]) -> None:
    """Every tax line of a rate in ``bases`` printed without its base takes that rate's base."""
    result.tax_lines = [
        replace(t, base=bases[t.rate]) if t.base is None and t.rate is not None and t.rate in bases else t
        for t in result.tax_lines or []
    ]


def _bases_of_rated_rows(ctx: PageContext, end_line: int, result: TotalsResult, integers_ok: bool) -> None:
    """Bases of several rates printed nowhere but in the item rows, each of which carries its rate ("Café
    40 × 2.339,10 | 21 % | 93.564,00"): a rate's base is its rows' amounts summed. Taken only when the rows
    print exactly the listed rates, their amounts add up to the net total, and each rate's sum gives its
    tax amount (to the cent, or a cent per row when the rows' taxes were rounded one by one)."""
    lines = _missing_bases(result)
    if lines is None or result.net is None:
        return
    groups, rows, _ = _item_rate_groups(ctx, end_line, integers_ok)
    if {r for r in groups if r} != {t.rate for t in lines if t.rate}:
        return
    if not _close(sum((b for b, _ in groups.values()), Decimal(0)), result.net.value):
        _bases_of_gross_rows(result, lines, groups, rows)
        return
    for t in lines:
        if t.rate and t.base is None:
            base = groups[t.rate][0]
            if not _close(base * t.rate / 100, t.amount, max(_CENT * rows, Decimal("0.011"))):
                return
    _with_bases(result, {rate: base for rate, (base, _) in groups.items()})


def _bases_of_gross_rows(
    result: TotalsResult,
    lines: list[TaxLineFound],
    groups: dict[Decimal, tuple[Decimal, Decimal]],
    rows: int,
) -> None:
    """Rows priced gross, each with its rate, the tax only stated as included per rate ("inkl. 7 % MwSt.
    0,65 / inkl. 19 % MwSt. 3,19"): a rate's base is its rows' sum less its tax. Taken only when the rows
    add up to the gross total and each rate's sum holds its tax amount (sum × rate / (100 + rate))."""
    if result.gross is None or not _close(
        sum((b for b, _ in groups.values()), Decimal(0)), result.gross.value
    ):
        return
    bases: dict[Decimal, Decimal] = {}
    for t in lines:
        if t.rate and t.base is None:
            total = groups[t.rate][0]
            held = total * t.rate / (100 + t.rate)
            if not _close(held, t.amount, max(_CENT * rows, Decimal("0.011"))):
                return
            bases[t.rate] = total - t.amount
    _with_bases(result, bases)


# Item rows tried when splitting them among rates: 2^12 splits of two rates, 3^8 of three at most.
_MAX_SPLITS = 6561


def _bases_of_item_subsets(result: TotalsResult, item_amounts: Sequence[Decimal]) -> None:
    """Bases of several rates printed nowhere (neither the summary nor the rows show which rate a row
    bears): the one way of sharing the item rows among the rates whose sums give every rate's tax amount
    to the cent. Taken only when the rows add up to the net total and exactly one set of bases fits (a
    small rate leaves room for coincidences: then the bases stay unknown)."""
    lines = _missing_bases(result)
    net = result.net
    if lines is None or net is None or not result.consistent or not item_amounts:
        return
    rated = [t for t in lines if t.rate]
    if len(rated) != len(lines) or any(t.base is not None for t in rated):
        return
    if len({t.rate for t in rated}) != len(rated) or len(rated) ** len(item_amounts) > _MAX_SPLITS:
        return
    if not _close(sum(item_amounts, Decimal(0)), net.value):
        return
    rates = [t.rate for t in rated if t.rate is not None]
    fits: set[tuple[Decimal, ...]] = set()
    for shares in itertools.product(range(len(rates)), repeat=len(item_amounts)):
        sums = [Decimal(0)] * len(rates)
        for amount, share in zip(item_amounts, shares, strict=True):
            sums[share] += amount
        if all(s > 0 and _rounds_to(s, t.rate, t.amount) for s, t in zip(sums, rated, strict=True) if t.rate):
            fits.add(tuple(sums))
            if len(fits) > 1:
                return
    if len(fits) == 1:
        _with_bases(result, dict(zip(rates, fits.pop(), strict=True)))


# A tax named anywhere in a line's words ("Umsatzsteuersatz", "VAT rate", "Taux de TVA").
_TAX_STEM = lazy_compile(r"steuer|vat|tax|tva|iva|btw|mwst|gst|moms|mva|alv|dph")
_STACK_REACH = 3  # lines above and below a rate that a stacked breakdown spreads over


def _stacked_tax_breakdown(ctx: PageContext, start_line: int, integers_ok: bool) -> list[TaxLineFound]:
    """A tax breakdown printed as labelled fields one under the other (an e-invoice viewer's "VAT
    category: S / Taxable amount: 198.00 / VAT rate: 19 % / VAT amount: 37.62"): a line holding a rate
    and no money, with two one-figure lines of its block (up to three lines above or below it, no blank
    line, text line or other rate between) of which one times the rate gives the other to the cent."""
    found: list[TaxLineFound] = []
    lines = ctx.lines[start_line:]
    for i, line in enumerate(lines):
        amounts = find_amounts(line, ctx.style)
        rates = [a for a in amounts if a.is_percent and 0 <= a.value <= _MAX_RATE]
        if len(rates) != 1 or _money(amounts, integers_ok, line) or not _TAX_STEM.search(line.folded):
            continue
        rate = rates[0].value
        above = _block_figures(ctx, lines, i, -1, integers_ok)
        below = _block_figures(ctx, lines, i, 1, integers_ok)
        if not rate:
            # A 0 % rate checks nothing: the figures nearest to it in its block, a base and a zero tax.
            nearest = [f for pair in itertools.zip_longest(above, below) for f in pair if f is not None]
            bases, zeros = [f for f in nearest if f > 0], [f for f in nearest if not f]
            if bases and zeros:
                found.append(TaxLineFound(rate, bases[0], zeros[0], line.index))
            continue
        figures = [*above, *below]
        pairs = {
            (base, amount)
            for base in figures
            for amount in figures
            if base > 0 and amount > 0 and base != amount and _rounds_to(base, rate, amount)
        }
        if len(pairs) == 1:
            base, amount = pairs.pop()
            found.append(TaxLineFound(rate, base, amount, line.index))
    return found


def _block_figures(
    ctx: PageContext, lines: list[Line], i: int, step: int, integers_ok: bool
) -> list[Decimal]:
    """The money figures of the one-figure lines next to ``lines[i]`` in one direction, within its block."""
    figures: list[Decimal] = []
    previous = lines[i]
    for j in range(i + step, i + step * (_STACK_REACH + 1), step):
        if not 0 <= j < len(lines):
            break
        line = lines[j]
        gap = line.top - previous.bottom if step > 0 else previous.top - line.bottom
        if gap > 1.2 * lines[i].height:
            break
        amounts = find_amounts(line, ctx.style)
        money = _money(amounts, integers_ok, line)
        if any(a.is_percent for a in amounts) or len(money) != 1:
            break  # another rate, a row of figures, or a line of text (the next block's own heading)
        figures += [a.value for a in money]
        previous = line
    return figures


def _transposed_tax_lines(ctx: PageContext, start_line: int, integers_ok: bool) -> list[TaxLineFound]:
    """A tax summary printed with one column per rate ("Steuersatz 19 % 7 %" over "Netto 100,00 50,00"
    over "MwSt. 19,00 3,50"): a line of two or more rates and no money, then up to three lines below
    whose money figures stand under the rates. Each rate takes the figures in its column and pairs a
    base with a tax among them (base × rate = tax); kept only when every rate pairs so."""
    lines = ctx.lines
    for line in lines[start_line:]:
        amounts = find_amounts(line, ctx.style)
        rates = [a for a in amounts if a.is_percent and 0 < a.value <= _MAX_RATE]
        if (
            len(rates) < 2
            or _money(amounts, integers_ok, line)
            or len({r.value for r in rates}) != len(rates)
        ):
            continue
        columns: list[list[Amount]] = [[] for _ in rates]
        spans = [line.span_x(r.start, r.end) for r in rates]
        below_lines = [
            b for b in lines[line.index + 1 : line.index + 4] if b.top - line.bottom <= 3.5 * line.height
        ]
        for below in below_lines:
            for a in _money(find_amounts(below, ctx.style), integers_ok, below):
                ax0, ax1 = below.span_x(a.start, a.end)
                near = [
                    k
                    for k, (x0, x1) in enumerate(spans)
                    if ax0 - line.height <= x1 and x0 <= ax1 + line.height
                ]
                if len(near) == 1:
                    columns[near[0]].append(a)
        found: list[TaxLineFound] = []
        for rate, column in zip(rates, columns, strict=True):
            pair = _rate_pair(rate.value, column) if len(column) >= 2 else None
            if pair is None:
                break
            found.append(TaxLineFound(rate.value, pair[0], pair[1], line.index))
        else:
            return found
    return []
