"""The (net, tax, gross) the invoice states, chosen among the candidates: the combination that adds up
(with a rounding, a withholding or an untaxed charge) scores highest; balances left after payments are
no gross; and a net not printed is derived (gross less tax when the rate confirms it, a lone total that
leaves the tax out, nets printed as parts).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.lazy_re import lazy_compile
from invoiceflow.domain.extraction.numbers import find_amounts
from invoiceflow.domain.extraction.totals_figures import (
    TOLERANCE,
    Candidate,
    TaxLineFound,
    TotalsResult,
    close,
    money_figures,
)
from invoiceflow.domain.extraction.totals_lines import tax_excluded


def not_balances(
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
            close(abs(g.value) - d, abs(b.value)) for g in earlier for d in deductions
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


def unexplained_balances(
    ctx: PageContext, gross: list[Candidate], deduction_lines: set[int], integers_ok: bool, sums: set[Decimal]
) -> list[Candidate]:
    """Gross candidates without a balance smaller than a total printed above it when nothing between them
    makes up the difference (no discount, no payment printed): what is left after payments made before,
    not the invoice's total. A balance that a printed net and tax add up to (``sums``) stays: then the
    total above it is the misprint."""
    balances = [
        b
        for b in gross
        if _BALANCE_WORDING.search(ctx.lines[b.line].folded) and not any(close(b.value, v) for v in sums)
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
                and close(total.value * (100 - a.value) / 100, balance.value)
            ):
                return True
        if any(
            close(abs(a.value), gap) for a in money_figures(find_amounts(line, ctx.style), integers_ok, line)
        ):
            return True
    return False


def net_of_untaxed_total(ctx: PageContext, result: TotalsResult) -> None:
    """A lone total, no tax printed anywhere, and amounts marked as leaving the tax out ("Preis ohne MwSt.",
    "Amount excl. VAT" over the rows) or a note that no tax is charged ("Reverse charge", "§ 19 UStG",
    "TVA non applicable", "Exento de IVA"): nothing was added to the net, so the total is the net as well."""
    if result.gross is None or result.net is not None or result.tax is not None or result.tax_lines:
        return
    labels = ctx.total_labels
    exempt = {line.index for line in ctx.lines if _TAX_NOT_CHARGED.search(line.folded)}
    excluded = {
        (i, label.start) for i in labels for label in labels[i] if tax_excluded(ctx, ctx.lines[i], label)
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


def net_from_gross(
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
        rates = {x.rate for x in tax_lines if x.rate and close(x.amount, t.value)}
        if t.value <= 0 or (not rates and t.line not in included_lines):
            continue
        for g in sorted(gross, key=lambda c: (-c.confidence, -c.line)):
            net = g.value - t.value
            if net <= 0 or (not rates and t.value * 2 >= g.value):
                continue
            if rates and not any(close(net * r / 100, t.value, Decimal("0.02")) for r in rates):
                continue  # to the cent (or two, taxes summed per line): a rough fit is a coincidence
            confidence = min(0.9, min(t.confidence, g.confidence) + 0.15)
            result.net = Candidate(net, confidence, g.line)
            result.tax = Candidate(t.value, confidence, t.line)
            result.gross = Candidate(g.value, confidence, g.line)
            result.consistent = True
            return


def derive_net(result: TotalsResult, tax_lines: list[TaxLineFound]) -> None:
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
        if net > 0 and close(sum((b for b in bases if b is not None), Decimal(0)), net):
            result.net = Candidate(net, min(tax.confidence, gross.confidence) - 0.1, gross.line)
            result.consistent = True
        return
    if net > 0 and len(tax_lines) >= 2 and all(b is not None and close(b, net) for b in bases):
        # Taxes levied on one base side by side (CGST and SGST on the taxable value): each base is the net.
        if close(sum((t.amount for t in tax_lines), Decimal(0)), tax.value):
            result.net = Candidate(net, min(tax.confidence, gross.confidence) - 0.1, gross.line)
            result.consistent = True
        return
    if len(rates) != 1 or rate is None or not rate:
        return
    expected = net * rate / 100
    if net > 0 and close(expected, tax.value, max(Decimal("0.02"), abs(expected) / 500)):
        confidence = min(tax.confidence, gross.confidence) - 0.1
        result.net = Candidate(net, confidence, gross.line)
        result.consistent = True


def net_of_rated_taxes(
    tax_lines: list[TaxLineFound], tax: list[Candidate], gross: list[Candidate]
) -> list[Candidate]:
    """Gross less tax where no net is printed but each tax line's rate and amount imply its base (amount
    ÷ rate) and those bases sum to it ("IVA 8 % 65,60 / IVA 16 % 131,20 / TOTAL 1.836,80" after a
    discount: the net is 1.640,00, the subtotals above the discount are not). The tax candidate must be
    the tax lines' sum; a tax rounded to the cent leaves its base half a cent ÷ rate of slack."""
    if not tax_lines or any(not t.rate for t in tax_lines):
        return []
    implied = sum((t.amount * 100 / t.rate for t in tax_lines if t.rate), Decimal(0))
    slack = sum((Decimal("0.5") / t.rate for t in tax_lines if t.rate), TOLERANCE)
    levied = sum((t.amount for t in tax_lines), Decimal(0))
    found: list[Candidate] = []
    for total in gross:
        for part in tax:
            net = total.value - part.value
            if close(part.value, levied) and net > 0 and abs(net - implied) <= slack:
                found.append(Candidate(net, 0.6, total.line))
    return found


def stacked_net_parts(net: list[Candidate]) -> list[Candidate]:
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


@dataclass(frozen=True)
class Charges:
    """Unlabelled charges printed in the totals block and the tax rates printed there: a charge outside
    the tax ("Bollo 2,00", "Outlays 450.00") makes net + tax + charge = gross, when the rate gives the
    tax from the net alone (a taxed charge, shipping, belongs in the net instead)."""

    amounts: Sequence[Decimal] = ()
    rates: frozenset[Decimal] | set[Decimal] = frozenset()

    def untaxed(self, n: Decimal, t: Decimal, g: Decimal) -> bool:
        if not any(close(n * r / 100, t, Decimal("0.02")) for r in self.rates):
            return False
        return any(c and close(n + t + c, g) for c in self.amounts)


def choose(
    net: list[Candidate],
    tax: list[Candidate],
    gross: list[Candidate],
    withheld: Sequence[Decimal] = (),
    roundings: Sequence[Decimal] = (),
    *,
    charges: Charges = Charges(),
) -> TotalsResult:
    """The best (net, tax, gross) combination. Base + tax = gross, or + a rounding printed on the page
    ("Öresavrundning 0,40": the rounded amount is the invoice's), confirms a triple; base + tax less an
    amount withheld ("Retención IRPF") or plus a charge outside the tax ("Bollo") confirms it a little
    less."""

    def adds_up(n: Decimal, t: Decimal, g: Decimal) -> bool:
        return any(close(n + t + r, g) for r in (Decimal(0), *roundings))

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
            elif any(close(n.value + t.value - d, g.value) for d in withheld):
                # "Total factura" after a withholding ("Retención IRPF -15 %"): base + tax - withheld.
                score += 1.2
                consistent = True
            elif charges.untaxed(n.value, t.value, g.value):
                score += 1.2  # "Imponibile / IVA 22 % / Bollo 2,00 / Totale documento"
                consistent = True
            else:
                score -= 1.0
        elif n and g and t is None:
            if close(n.value, g.value):
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
