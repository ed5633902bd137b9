"""Net / tax / gross totals and tax lines, chosen together so that net + tax = gross when possible.

Every labelled amount is a candidate; the chosen combination maximises label confidence plus a large
bonus for arithmetic agreement (and a penalty for disagreement), so one wrong "Total" on the page (a
column header, a quantity total) does not win against a consistent set.

``extract_totals`` reads the totals block line by line (``totals_lines``, tax lines as printed in
``tax_lines``), makes the tax lines the invoice's (``tax_line_merge``), chooses the triple
(``totals_choice``), repairs OCR misreadings (``totals_ocr_repair``), completes the bases
(``tax_bases``) and infers tax lines the page does not print (``tax_lines_inferred``); the records it
returns and the arithmetic they share live in ``totals_figures``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.numbers import find_amounts
from invoiceflow.domain.extraction.tax_bases import (
    bases_of_item_subsets,
    bases_of_rated_rows,
    exempt_line,
    fill_bases,
    find_bases,
)
from invoiceflow.domain.extraction.tax_line_merge import (
    distinct_tax_lines,
    keep_whole_taxes,
    one_line_per_rate,
    without_idle_rates,
)
from invoiceflow.domain.extraction.tax_lines import (
    letters,
    rate_codes,
    stacked_tax_breakdown,
    tax_lines_of,
    transposed_tax_lines,
)
from invoiceflow.domain.extraction.tax_lines_inferred import (
    implied_rate_line,
    item_rate_lines,
    named_tax_lines,
    printed_rate_line,
    printed_rates,
)
from invoiceflow.domain.extraction.totals_choice import (
    Charges,
    choose,
    derive_net,
    net_from_gross,
    net_of_rated_taxes,
    net_of_untaxed_total,
    not_balances,
    stacked_net_parts,
    unexplained_balances,
)
from invoiceflow.domain.extraction.totals_figures import (
    Candidate,
    TaxLineFound,
    TotalsResult,
    close,
    tax_rate,
)
from invoiceflow.domain.extraction.totals_lines import (
    amount_below,
    amount_beside,
    charge_amount,
    column_values,
    deducted_amount,
    label_amount,
    label_rate,
    net_tax_pair,
    rounding_amount,
    summary_row,
    tax_excluded,
    tax_included,
)
from invoiceflow.domain.extraction.totals_ocr_repair import (
    gross_without_label,
    repair_misread_total,
    tax_of_net_and_gross,
)


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
            legend.append(rate_codes(ctx))
        return legend[0]

    named: list[tuple[str, Candidate]] = []  # tax amounts printed without a rate, by the tax's name
    rated_nets: list[tuple[Decimal, Candidate]] = []  # nets of one rate each ("Netto 19 %", "Netto 7 %")
    pairs: list[tuple[Decimal, Decimal, int]] = []  # "Total 58.860,73 10.162,87": net and tax in one row
    for line in ctx.lines[start_line:]:
        if line.index == skip:
            continue
        labels = [
            label for label in ctx.total_labels.get(line.index, []) if not tax_excluded(ctx, line, label)
        ]
        rounded = rounding_amount(ctx, line, integers_ok)
        if rounded is not None:
            if rounded:
                roundings.append(rounded)
            continue
        deducted = deducted_amount(ctx, line, integers_ok)
        if deducted is not None:
            if deducted:
                deductions.append(deducted)
            deduction_lines.add(line.index)
        else:
            tax_lines += tax_lines_of(ctx, line, labels, integers_ok, codes)
            if not labels and (charge := charge_amount(ctx, line, integers_ok)) is not None:
                charges.append(charge)
        if labels and deducted is None and (row := summary_row(ctx, line, integers_ok)) is not None:
            net.append(Candidate(row[0].value, 0.7, line.index))
            tax.append(Candidate(row[1].value, 0.7, line.index))
        elif labels and deducted is None and (pair := net_tax_pair(ctx, line, integers_ok)) is not None:
            pairs.append((*pair, line.index))
        for label in labels:
            if label.kind == "carry":
                continue  # a page subtotal carried to the next page is not a document total
            if label.kind == "tax" and deducted is not None:
                continue  # "Withholding tax 15 % -150.00": withheld from the payment, never the VAT
            amount = label_amount(ctx, line, label, integers_ok)
            # A total on a payment line ("Total paid", "Total payments") is a guess at best.
            penalty = 0.4 if deducted is not None else 0.0
            if amount is None and (beside := amount_beside(ctx, line, label, integers_ok)) is not None:
                amount, penalty = beside, penalty + 0.08
            found = None
            if amount is None:
                found = amount_below(ctx, line, label, integers_ok)
                if found is None:
                    continue
                amount, alignment = found
                penalty += 0.06 + (0.1 if alignment < 0.5 else 0.0)
            specific = label.end - label.start > 6
            conf = (0.75 if specific else 0.65) - penalty
            target = {"net": net, "tax": tax, "gross": gross}[label.kind]
            if label.kind == "tax" and tax_included(line, label):
                included_lines.add(line.index)
            if label.kind == "net" and (rate := label_rate(ctx, line, label)) is not None:
                rated_nets.append((rate, Candidate(amount.value, conf, line.index)))
            if label.kind == "tax" and tax_rate(find_amounts(line, ctx.style)) is None:
                named.append(
                    (
                        letters(line.folded[label.start : label.end]),
                        Candidate(amount.value, conf, line.index),
                    )
                )
            if found is not None and len(column := column_values(ctx, line, label, integers_ok)) >= 2:
                # A column head over a row per tax rate: the column's sum is the document's figure, the
                # first row one part of it.
                target.append(Candidate(sum(column, Decimal(0)), conf, line.index))
                conf -= 0.15
            target.append(Candidate(amount.value, conf, line.index))
    tax_lines += stacked_tax_breakdown(ctx, start_line, integers_ok)
    transposed = transposed_tax_lines(ctx, start_line, integers_ok)
    if transposed:
        # Rates side by side over a row of bases and a row of taxes: the bases sum to the net.
        tax_lines += transposed
        net.append(
            Candidate(sum((t.base or Decimal(0) for t in transposed), Decimal(0)), 0.6, transposed[0].line)
        )
    distinct = distinct_tax_lines(tax_lines)
    if distinct and all(t.base is not None for t in distinct):
        # Summary rows that print each rate's net, tax and gross but no net total (a gross-price
        # receipt), or a tax line's base that includes a charge printed above it ("Service charge 10 %
        # 12.00 / VAT 7 % on 132.00"): the bases sum to the net (kept only when net + tax = gross).
        total_base = sum((t.base or Decimal(0) for t in distinct), Decimal(0))
        net.append(Candidate(total_base, 0.7 if len(distinct) >= 2 else 0.55, tax_lines[-1].line))
    if len(distinct) >= 2:
        total_tax = sum((t.amount for t in distinct), Decimal(0))
        tax.append(Candidate(total_tax, 0.7, tax_lines[-1].line))
    elif distinct and not any(close(c.value, distinct[0].amount) for c in tax):
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
    net += stacked_net_parts(net)
    net += net_of_rated_taxes(distinct, tax, gross)
    for base, levied, index in pairs:
        # The totals row under an item table's amount and tax columns, the gross printed below it.
        if any(g.line > index and close(base + levied, g.value) for g in gross):
            net.append(Candidate(base, 0.6, index))
            tax.append(Candidate(levied, 0.6, index))
    if ctx.lines and ctx.lines[0].ocr:
        gross += gross_without_label(ctx, start_line, net, tax, gross, integers_ok=integers_ok)
    sums = {n.value + t.value for n in net for t in tax}
    gross = unexplained_balances(
        ctx, not_balances(gross, deductions, deduction_lines), deduction_lines, integers_ok, sums
    )
    rates = {t.rate for t in distinct if t.rate}
    if ctx.lines and ctx.lines[0].ocr:
        repair_misread_total(net, tax, gross, tax_lines)
    result = choose(net, tax, gross, deductions, roundings, charges=Charges(charges, rates))
    if not result.consistent:
        net_from_gross(result, tax, gross, distinct_tax_lines(tax_lines), included_lines)
    result.tax_lines = distinct_tax_lines(tax_lines)
    keep_whole_taxes(result)
    if ctx.lines and ctx.lines[0].ocr:
        tax_of_net_and_gross(ctx, result, start_line)
    derive_net(result, result.tax_lines)
    net_of_untaxed_total(ctx, result)
    fill_bases(result)
    # Rows that print their rate are read before a split of the net is guessed: a small rate lets a cent
    # move between two bases, and the rows tell which way.
    bases_of_rated_rows(ctx, _above_totals(result, start_line), result, integers_ok)
    find_bases(ctx, result, integers_ok)
    bases_of_item_subsets(result, item_amounts)
    if not result.tax_lines:
        result.tax_lines = named_tax_lines(result, named)
    if not result.tax_lines:
        result.tax_lines = item_rate_lines(ctx, start_line, result, integers_ok)
    if not result.tax_lines:
        printed = printed_rates(ctx)
        if len(printed) == 1:
            result.tax_lines = printed_rate_line(result, printed.pop())
        elif not printed:
            # With two or more rates printed ("A = 19 % VAT  B = 7 % VAT" under rows coded A and B), net
            # and tax mix them: the rate they imply is none of the invoice's.
            result.tax_lines = implied_rate_line(result)
    result.tax_lines = one_line_per_rate(
        without_idle_rates([*(result.tax_lines or []), *exempt_line(ctx, start_line, result, integers_ok)])
    )
    return result


def _above_totals(result: TotalsResult, start_line: int) -> int:
    """The line the chosen totals start on: item rows the item reader did not take (rows naming their
    tax, "Relay 24 V  10  297,01  TVA 20% (vente)  2 970,10") stand between ``start_line`` and it."""
    lines = [c.line for c in (result.net, result.tax, result.gross) if c is not None]
    return max(start_line, min(lines, default=start_line))


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
