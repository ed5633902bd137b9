"""Tax lines as the page prints them: one per tax label on a line, a tax summary row without a label
(its rate under a rate column, coded by a legend letter, several taxes side by side in cells), repaired
OCR readings of a garbled amount or base, and tax summaries laid out as stacked fields or as one column
per rate.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from decimal import Decimal

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.labels import TAX_RATE_HEADER, LabelMatch
from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import Amount, find_amounts
from invoiceflow.domain.extraction.ocr_repair import money_readings
from invoiceflow.domain.extraction.tax_names import NO_LETTER_AFTER, NO_LETTER_BEFORE, VAT_NAMES
from invoiceflow.domain.extraction.totals_figures import (
    CELL,
    MAX_RATE,
    TaxLineFound,
    close,
    in_parenthetical,
    money_figures,
    rate_pair,
    rounds_to,
    tax_rate,
)
from invoiceflow.domain.extraction.totals_lines import amount_below, amount_beside, tax_included


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
            # A head set flush left over figures set flush right ("USt. %" over a "19" at the column's
            # right edge): the figure stands in the head's column, confirmed by base × rate = tax.
            for amount in amounts:
                column = _column_head(above, amount)
                if (
                    column is not None
                    and column[0] <= seg_start < column[1]
                    and _plausible_rate(amount, amounts)
                    and rate_pair(amount.value, [a for a in amounts if a is not amount]) is not None
                ):
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
            and 0 < first.value <= MAX_RATE
            and not first.has_symbol
            and rate_pair(first.value, others) is not None
        ):
            return first
    return None


def _column_head(head: Line, amount: Amount) -> tuple[int, int] | None:
    """The segment of the column head ``head`` whose column holds ``amount``: the last head that starts
    left of the figure's right edge, when the next one starts right of it (heads set flush left, centred
    or flush right over figures set flush right)."""
    column = None
    for segment, (x0, _) in zip(head.segments(), head.segment_x(), strict=True):
        if x0 > amount.x1 + 1:
            break
        column = segment
    return column


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
    return 0 < amount.value <= MAX_RATE


_BARE_RATE_HEAD = lazy_compile(
    r"(?<![a-z%])(?:satz|rate|taux|tipo|tarief|aliquota|sats|stawka|sazba|%)(?![a-z%])"
)
_TAX_HEAD_WORD = lazy_compile(
    rf"{NO_LETTER_BEFORE}(?:taxes?|steuer|umsatzsteuer|impuesto|imposta|cuota|{VAT_NAMES}){NO_LETTER_AFTER}"
)
_BARE_TAX_HEAD = lazy_compile(rf"(?:taxes?|taxe|steuer|impuesto|imposta|{VAT_NAMES})\.?")


def _gross_pair(rate: Decimal, money: list[Amount]) -> tuple[Decimal, Decimal] | None:
    """(base, amount) of an included tax printed with the gross it is part of ("enthaltene MwSt. 19 % auf
    6,00: 0,96"): gross × rate / (100 + rate) ≈ amount, the base being gross less amount."""
    for gross, amount in itertools.permutations(money, 2):
        expected = gross.value * rate / (100 + rate)
        if gross.value > amount.value and close(
            expected, amount.value, max(Decimal("0.01"), abs(expected) / 500)
        ):
            return gross.value - amount.value, amount.value
    return None


def letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def tax_lines_of(
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
        found = _summary_row_tax(ctx, line, find_amounts(line, ctx.style), integers_ok, codes)
        return [] if _taxed_below(ctx, line, found) else found
    found = _labelled_tax_lines(ctx, line, labels, tax_labels, integers_ok)
    if found:
        return found
    amounts = find_amounts(line, ctx.style)
    first = min(label.start for label in labels)
    before = [a for a in amounts if a.end <= first]
    if len(before) >= 3:
        # A tax table's row on the baseline of a totals box's "Tax" line beside it ("20.0  200.00  40.00
        # … Tax  42.75"): the figures left of the label are the row's own.
        return _summary_row_tax(ctx, line, before, integers_ok, codes)
    if len(tax_labels) == 1 and labels[0] is tax_labels[0] and tax_rate(amounts) is None:
        # A tax summary row that starts with the tax's name, its rate under a "Steuersatz [%]" / "USt. %"
        # column printed without a % sign ("Umsatzsteuer (S) | 275,00 | 7 | 19,25").
        return _summary_row_tax(ctx, line, amounts, integers_ok, codes)
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


def _taxed_below(ctx: PageContext, line: Line, found: list[TaxLineFound]) -> bool:
    """A charge worded like a tax summary row, in words we have no list for ("Provision 5 % von 1.000,00
    50,00", "Pfand 10 %", "Verwaltungsgebühr 2 %"): a tax is not itself taxed, and a line just below
    prints another rate beside the row's base plus its amount ("MwSt. 19 % von 1.050,00 199,50")."""
    for t in found:
        if t.base is None:
            continue
        levied = t.base + t.amount
        for below in ctx.lines[line.index + 1 : line.index + 5]:
            amounts = find_amounts(below, ctx.style)
            rate = tax_rate(amounts)
            if (
                rate is not None
                and rate != t.rate
                and any(a.value == levied for a in amounts if not a.is_percent)
            ):
                return True
    return False


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
    money = money_figures(all_amounts, integers_ok, line)
    cells = _rate_cells(line, all_amounts, money)
    if len(cells) >= 2:
        return cells
    rate = tax_rate(all_amounts)
    if rate is None and (column := _rate_column(ctx, line, all_amounts)) is not None:
        rate = column.value  # "19,00" under "MwSt-Satz": a rate printed without its % sign
        money = [a for a in money if a is not column]
    if rate is None and codes is not None and len(money) >= 2:
        rate = _coded_rate(line, codes())  # "B 50.00 3.00 53.00" under a legend "B = 6 % VAT"
    if rate is not None and len(money) >= 2:
        pair = rate_pair(rate, money)
        if pair:
            found.append(TaxLineFound(rate, pair[0], pair[1], line.index))
    return found


def _labelled_tax_lines(
    ctx: PageContext, line: Line, labels: list[LabelMatch], tax_labels: list[LabelMatch], integers_ok: bool
) -> list[TaxLineFound]:
    """One tax line per tax label: each reads its own span up to the next label (or the whole line). An
    item row naming its tax holds none (its rate's coincidences too: 10 × 896,92 = 8 969,20, of which
    10 % is 896,92)."""
    found: list[TaxLineFound] = []
    if _item_row(find_amounts(line, ctx.style)):
        return found
    for label in tax_labels:
        if len(tax_labels) == 1:
            amounts = find_amounts(line, ctx.style)
        else:
            end = min((o.start for o in labels if o.start > label.start), default=len(line.text))
            amounts = find_amounts(line, ctx.style, label.start, end)
        rate = tax_rate(amounts)
        if rate is None:
            continue
        name = letters(line.folded[label.start : label.end])
        money = money_figures(amounts, integers_ok, line)
        values = [a for a in money if not in_parenthetical(line, a)]
        if not values and len(tax_labels) > 1 and (row := _worded_row_pair(ctx, line, rate, integers_ok)):
            found.append(TaxLineFound(rate, row[0], row[1], line.index, name))
            continue
        beside = None if values else amount_beside(ctx, line, label, integers_ok)
        if beside is not None:
            values = [beside]
        if not values:
            below = amount_below(ctx, line, label, integers_ok)
            if below is None:
                repaired = _repaired_amount(ctx, line, label, rate, money) if line.ocr else None
                if repaired is not None:
                    found.append(TaxLineFound(rate, repaired[0], repaired[1], line.index, name))
                continue
            values = [below[0]]
        pair = rate_pair(rate, money + values[-1:] if values[-1] not in money else money)
        if pair is None and tax_included(line, label):
            pair = _gross_pair(rate, money + values[-1:] if values[-1] not in money else money)
        if pair:
            found.append(TaxLineFound(rate, pair[0], pair[1], line.index, name))
        else:
            base = _repaired_base(line, rate, values[-1]) if line.ocr else None
            found.append(TaxLineFound(rate, base, values[-1].value, line.index, name))
    return found


def _item_row(amounts: list[Amount]) -> bool:
    """An item row naming its tax ("Relay 24 V  10  297,01  TVA 20% (vente)  2 970,10"): two of its
    figures multiply to the last one (quantity × unit price = amount), so the last is no tax amount."""
    figures = [a for a in amounts if not a.is_percent]
    if len(figures) < 3:
        return False
    last = figures[-1].value
    return any(close(q.value * p.value, last) for q, p in itertools.combinations(figures[:-1], 2))


def _worded_row_pair(
    ctx: PageContext, line: Line, rate: Decimal, integers_ok: bool
) -> tuple[Decimal, Decimal] | None:
    """(base, amount) of a summary row whose cells carry their own words ("VAT 7 %  Net 186.92  VAT 13.08
    Gross 200.00"): the rate's label spans no figure, the tax's label repeats further on. Taken when the
    row holds one rate only and two of its figures agree with it (base × rate = amount)."""
    amounts = find_amounts(line, ctx.style)
    if sum(a.is_percent for a in amounts) != 1:
        return None
    money = [a for a in money_figures(amounts, integers_ok, line) if not in_parenthetical(line, a)]
    return rate_pair(rate, money) if len(money) >= 2 else None


def _rate_cells(line: Line, amounts: list[Amount], money: list[Amount]) -> list[TaxLineFound]:
    """Several taxes on one table row ("10,000.00 | 9 % | 900.00 | 9 % | 900.00", CGST beside SGST, or
    two rates side by side): each rate takes the first money figure after it that a base on the row
    (before the first rate, or between the rate and that figure) times the rate gives. Empty unless at
    least two rates pair up so."""
    rates = [a for a in amounts if a.is_percent and 0 <= a.value <= MAX_RATE]
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
                and close(
                    base.value * rate.value / 100, amount.value, max(Decimal("0.02"), abs(amount.value) / 500)
                )
            ),
            None,
        )
        if pair is None:
            return []
        found.append(TaxLineFound(rate.value, pair[0], pair[1].value, line.index, f"{CELL}{n}"))
    return found


# A legend of rate codes printed under a table whose rows carry a letter: "A = 19 % VAT", "B: 7 %",
# "(C) 0 %".
_RATE_CODE_RE = lazy_compile(r"(?<![A-Za-z0-9])\(?([A-Z])\)?\s*[=:]?\s*(\d{1,2}(?:[.,]\d{1,2})?)\s*%")


def rate_codes(ctx: PageContext) -> dict[str, Decimal]:
    """Rate codes of a legend on the page (letter → rate), when two or more codes are defined there and
    each letter stands for one rate only."""
    codes: dict[str, set[Decimal]] = {}
    for line in ctx.lines:
        if "%" not in line.text:
            continue
        for m in _RATE_CODE_RE.finditer(line.text):
            rate = Decimal(m.group(2).replace(",", "."))
            if rate <= MAX_RATE:
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
            for base in [a.value for a in money if in_parenthetical(line, a)]:
                expected = base * rate / 100
                if close(expected, value, max(Decimal("0.02"), abs(expected) / 500)):
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
                if base and close(expected, amount.value, max(Decimal("0.02"), abs(expected) / 500)):
                    return base
    return None


# A tax named in a line's words ("Umsatzsteuersatz", "VAT rate", "Taux de TVA", "Συντελεστής ΦΠΑ").
_TAX_STEM = lazy_compile(rf"steuer|tax|{NO_LETTER_BEFORE}(?:{VAT_NAMES})")
_STACK_REACH = 3  # lines above and below a rate that a stacked breakdown spreads over


def stacked_tax_breakdown(ctx: PageContext, start_line: int, integers_ok: bool) -> list[TaxLineFound]:
    """A tax breakdown printed as labelled fields one under the other (an e-invoice viewer's "VAT
    category: S / Taxable amount: 198.00 / VAT rate: 19 % / VAT amount: 37.62"): a line holding a rate
    and no money, with two one-figure lines of its block (up to three lines above or below it, no blank
    line, text line or other rate between) of which one times the rate gives the other to the cent."""
    found: list[TaxLineFound] = []
    lines = ctx.lines[start_line:]
    for i, line in enumerate(lines):
        amounts = find_amounts(line, ctx.style)
        rates = [a for a in amounts if a.is_percent and 0 <= a.value <= MAX_RATE]
        if len(rates) != 1 or money_figures(amounts, integers_ok, line) or not _TAX_STEM.search(line.folded):
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
            if base > 0 and amount > 0 and base != amount and rounds_to(base, rate, amount)
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
        money = money_figures(amounts, integers_ok, line)
        if any(a.is_percent for a in amounts) or len(money) != 1:
            break  # another rate, a row of figures, or a line of text (the next block's own heading)
        figures += [a.value for a in money]
        previous = line
    return figures


def transposed_tax_lines(ctx: PageContext, start_line: int, integers_ok: bool) -> list[TaxLineFound]:
    """A tax summary printed with one column per rate ("Steuersatz 19 % 7 %" over "Netto 100,00 50,00"
    over "MwSt. 19,00 3,50"): a line of two or more rates and no money, then up to three lines below
    whose money figures stand under the rates. Each rate takes the figures in its column and pairs a
    base with a tax among them (base × rate = tax); kept only when every rate pairs so."""
    lines = ctx.lines
    for line in lines[start_line:]:
        amounts = find_amounts(line, ctx.style)
        rates = [a for a in amounts if a.is_percent and 0 < a.value <= MAX_RATE]
        if (
            len(rates) < 2
            or money_figures(amounts, integers_ok, line)
            or len({r.value for r in rates}) != len(rates)
        ):
            continue
        columns: list[list[Amount]] = [[] for _ in rates]
        spans = [line.span_x(r.start, r.end) for r in rates]
        below_lines = [
            b for b in lines[line.index + 1 : line.index + 4] if b.top - line.bottom <= 3.5 * line.height
        ]
        for below in below_lines:
            for a in money_figures(find_amounts(below, ctx.style), integers_ok, below):
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
            pair = rate_pair(rate.value, column) if len(column) >= 2 else None
            if pair is None:
                break
            found.append(TaxLineFound(rate.value, pair[0], pair[1], line.index))
        else:
            return found
    return []
