"""Totals of an OCR page repaired by arithmetic: one misread digit in a net, tax or gross that then
adds up, a lost or garbled tax that gross less net gives when the page's one rate confirms it, or a gross
whose label OCR lost that net + tax finds printed alone.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from decimal import Decimal

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import find_amounts
from invoiceflow.domain.extraction.ocr_repair import repair_sum
from invoiceflow.domain.extraction.totals_figures import (
    Candidate,
    TaxLineFound,
    TotalsResult,
    money_figures,
    rounds_to,
)

# A total repaired by one confusable digit is kept a little less certain than one read as it stands.
_REPAIRED_PENALTY = 0.1
# A gross found as net + tax printed alone (its label lost) is no surer than a guess confirmed by sums.
_UNLABELLED_GROSS = 0.6


def gross_without_label(
    ctx: PageContext,
    start_line: int,
    net: list[Candidate],
    tax: list[Candidate],
    gross: list[Candidate],
    *,
    integers_ok: bool,
) -> list[Candidate]:
    """Grosses whose label OCR lost ("Bruttosumme 23.800,00" read "23.800,00"): a figure alone on its OCR
    line, below a net and a tax it is the sum of, when no gross candidate is that sum already (a payable
    after a deposit may be the only labelled total)."""
    sums = {n.value + t.value: max(n.line, t.line) for n in net for t in tax}
    if not sums or any(g.value in sums for g in gross):
        return []
    found: list[Candidate] = []
    for line in ctx.lines[start_line:]:
        if not line.ocr or any(c.isalpha() for c in line.text) or ctx.total_labels.get(line.index):
            continue
        figures = money_figures(find_amounts(line, ctx.style), integers_ok, line)
        if len(figures) == 1 and line.index > sums.get(figures[0].value, len(ctx.lines)):
            found.append(Candidate(figures[0].value, _UNLABELLED_GROSS, line.index))
    return found


def repair_misread_total(
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
            (1, t, g.value - n.value, rounds_to(n.value, rate, g.value - n.value)),
            (0, n, g.value - t.value, rounds_to(g.value - t.value, rate, t.value)),
            (2, g, n.value + t.value, rounds_to(n.value, rate, t.value)),
        )
        for index, old, value, confirmed in options:
            if confirmed and value > 0 and value != old.value and _near_reading(old.value, value):
                repairs.add((index, old, value))
    return repairs


_RATE_ON_LINE = lazy_compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)\s?%")


def tax_of_net_and_gross(ctx: PageContext, result: TotalsResult, start_line: int) -> None:
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
    if not rate or not rounds_to(net.value, rate, tax):
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
