"""Payment terms: days after the issue date ("Net 30", "zahlbar innerhalb von 14 Tagen"), immediate
payment ("due on receipt", "zahlbar sofort"), a direct debit's date, a deadline in payment prose.

The contract's ``due_date`` is the due date the invoice prints. Where it prints only terms in days, it is
the issue date plus those days (the date the terms name, as an e-invoice's due date states it); where the
terms make payment immediate, or nothing is said, it stays null.
"""

from __future__ import annotations

from datetime import date, timedelta

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.dates import find_dates
from invoiceflow.domain.extraction.header_fields import Found
from invoiceflow.domain.extraction.layout import Line, joined
from invoiceflow.domain.extraction.lazy_re import lazy_compile

_IMMEDIATE_RE = lazy_compile(
    r"(?<![a-z])(?:immediate(?:ly)?|at\s+once|upon\s+receipt|on\s+receipt|sofort|umgehend|"
    r"immediatement|a\s+reception|des\s+reception|inmediato|inmediatamente|al\s+contado|"
    r"onmiddellijk|direct|per\s+omgaande|immediato|subito|vista)(?![a-z])"
)


def immediate(folded: str) -> bool:
    return bool(_ON_RECEIPT_RE.search(folded) or _IMMEDIATE_RE.search(folded))


def states_immediate_payment(ctx: PageContext) -> bool:
    """The page says payment is immediate ("due on receipt", "sofort zahlbar", "0 days")."""
    for line in ctx.lines:
        folded = _with_wrapped(ctx, line)
        if _ON_RECEIPT_RE.search(folded) and (_TERM_CONTEXT_RE.search(folded) or immediate(folded)):
            return True
        if _TERM_CONTEXT_RE.search(folded) and _ZERO_DAYS_RE.search(folded):
            return True
    return False


def due_in_payment_prose(ctx: PageContext, issued: date) -> Found | None:
    """ "Bitte begleichen Sie den Betrag bis zum 11.04.2024", "Please remit payment before …": a date
    after the issue date on a line with payment words and no other label, or a date right after a
    deadline word ("bis spätestens", "avant le", "vóór", "no later than") in a sentence about the
    amount. Prose wraps anywhere, the date too ("… bis zum 15." / "März 2024"): the line and the one it
    wraps onto are read as one."""
    for line in ctx.lines:
        if any(label.kind in ("other_date", "issue_date") for label in ctx.header_labels.get(line.index, [])):
            continue
        below = _continuation(ctx, line)
        target = line if below is None else joined(line, below)
        payment = _TERM_CONTEXT_RE.search(target.folded) is not None
        if not payment and not _AMOUNT_WORD_RE.search(target.folded):
            continue
        for match in find_dates(target, ctx.order):
            if not issued < match.value <= issued + timedelta(days=180):
                continue
            if payment or _DEADLINE_BEFORE_RE.search(target.folded, max(0, match.start - 40), match.start):
                return Found(match.value.isoformat(), 0.5, line.index)
    return None


# Words that end right before a deadline date ("… no later than 15 March", "bis spätestens zum 15.",
# "avant le", "antes del", "vóór", "uiterlijk", "entro il", "senast", "do dnia").
_DEADLINE_BEFORE_RE = lazy_compile(
    r"(?<![a-z])(?:by|before|until|till|(?:no|not)\s+later\s+than|on\s+or\s+before|bis|zum|spatestens|"
    r"spaetestens|avant(?:\s+le)?|au\s+plus\s+tard(?:\s+le)?|d'ici\s+le|jusqu'au|antes\s+del?|hasta\s+el|"
    r"a\s+mas\s+tardar\s+el|voor|uiterlijk(?:\s+op)?|entro(?:\s+il)?|prima\s+del|senest|senast|innan|"
    r"do\s+dnia|ate)\s*(?:the\s+|le\s+|el\s+|il\s+|den\s+|am\s+)?$"
)
# The sentence is about the invoice's amount ("the total of", "den Betrag", "le montant", "el importe").
_AMOUNT_WORD_RE = lazy_compile(
    r"(?<![a-z])(?:amount|total|sum|balance|invoice|betrag|gesamtbetrag|rechnungsbetrag|summe|rechnung|"
    r"montant|somme|facture|importe|factura|bedrag|totaalbedrag|factuur|importo|fattura|totale|"
    r"belopp|belob|beløb|kwote|kwota|castka)(?![a-z])"
)


# Payment terms instead of a due date: "Net 30", "payable within 14 days", "zahlbar innerhalb von 14
# Tagen", "30 Tage netto", "à 30 jours", "a 30 días", "binnen 14 dagen", "entro 30 giorni" (folded text).
# "days" in the lexicon's languages (folded): EN DE FR ES/PT NL IT, SV DA/NO PL CS FI TR.
_DAYS = r"(?:days|tagen|tage|jours|dias|dagen|giorni|gg\.?|dagar|dage|dager|dni|dnu|paivaa|gun)"
_ZERO_DAYS_RE = lazy_compile(rf"(?<![\d.,])0\s*{_DAYS}(?![a-z])")
_TERM_DAYS_RE = lazy_compile(
    # "Net 30" but not "Net 1 462 448,67" or "Net 100.00" (an amount after a "Net" label)
    r"(?<![a-z])(?:net(?:to)?\s*-?\s*(?P<a>\d{1,3})(?!\s*%)(?!\d|[.,'\u2019]\d|\s+\d)"
    r"|(?:within|in|innerhalb(?:\s+von)?|binnen|sous|a|entro|dentro\s+de|en|inom|inden\s+for|innen|w\s+ciagu)"
    rf"\s+(?P<b>\d{{1,3}})\s*{_DAYS}"
    # "Terms: 30", "Zahlungsziel: 14" (a bare count of days after a terms label)
    r"|(?:terms|zahlungsziel|termijn|plazo|delai)\s*:?\s*(?P<e>\d{1,3})(?![\d.,%/:-]|\s*[a-z%\d])"
    rf"|(?P<c>\d{{1,3}})\s*{_DAYS}\s+(?:net(?:to)?|neto|netto|fin\s+de\s+mois)"
    # "30 days from invoice date", "14 Tage nach Erhalt", "Zahlungsziel: 14 Tage" (near payment words);
    # "thirty (30) days": the figure in brackets after the number in words.
    rf"|(?P<d>\d{{1,3}})\)?\s*{_DAYS}"
    r")(?![a-z])"
)
# "30 days end of month", "30 jours fin de mois", "30 gg d.f.f.m.", "30 Tage zum Monatsende": the due
# date is the last day of the month the term ends in.
_END_OF_MONTH_RE = lazy_compile(
    r"(?<![a-z])(?:end\s+of\s+(?:the\s+)?month|e\.?o\.?m\.?|fin\s+de\s+mois|fdm|fin\s+de\s+mes|"
    r"fine\s+mese|f\.?\s?m\.?|d\.?\s?f\.?\s?f\.?\s?m\.?|monatsende|ende\s+des\s+monats|"
    r"einde\s+(?:van\s+de\s+)?maand)(?![a-z])"
)
_TERM_CONTEXT_RE = lazy_compile(
    r"(?<![a-z])(?:net|netto|neto|payable|payment|pay|due|terms|zahlbar|zahlung|zahlungsziel|faellig|fallig|"
    r"paiement|payable|reglement|echeance|pago|vencimiento|pagadero|betaling|betalen|betaaltermijn|"
    r"betalingstermijn|betalingsvoorwaarden|betalingscondities|betalingsconditie|plazo|delai|"
    r"pagamento|scadenza|condizioni|conditions|condiciones|uberweisen|ueberweisen|uberweisung|ueberweisung|"
    r"remit|remittance|settle|settled|begleichen|virement|regler|reglee|bonifico|saldare|transferencia|abonar|"
    r"overmaken|voldoen|voldaan|termijn|transfer|wire|zahlen|bezahlen|payer|pagar|pagare|saldar|vence|scade|"
    r"remittance|payable|ausgleich|begleichung|gelieve|prazo|betalning|betalningsvillkor|betalingsbetingelser|"
    r"netto|maksuehto|maksettava|p[lł]atno[sś](?:[cć]|ci)|p[lł]atne|splatnost|splatno|vencimento|transfiera|"
    r"transferir|ingrese|ingresar|virer|verser|versez|versare|versamento|overmaken|overmaakt|"
    # Polish "zapłata / zapłatę / do zapłaty", Turkish "ödeme", "vade(si)".
    r"zap[lł]at[aey]?|odeme|vade(?:si)?)(?![a-z])"
    r"|over\s+te\s+maken"
)
_ON_RECEIPT_RE = lazy_compile(
    r"(?<![a-z])(?:(?:due|payable|payment)\s+(?:up)?on\s+receipt|(?:zahlbar\s+)?sofort(?:\s+(?:zahlbar|fallig|"
    r"faellig))?(?:\s+nach\s+erhalt)?|(?:payable\s+)?a\s+(?:la\s+)?reception|a\s+la\s+recepcion|"
    r"bij\s+ontvangst|(?:al|a)\s+ricevimento|a\s+vista)(?![a-z])"
)
_DEBIT_RE = lazy_compile(
    r"(?<![a-z])(?:direct\s+debit|debited|lastschrift|abbuchung|abgebucht|eingezogen|prelevement|preleve|"
    r"domiciliacion|domiciliado|cargo|cargara|incasso|geincasseerd|afschrijving|afgeschreven|addebito|"
    r"addebitato|addebiteremo|"
    # Polish, Swedish, Danish, Norwegian, Portuguese and Czech direct debits.
    r"pobran[aey]|pobierzemy|dras|autogiro|tr(?:æ|ae)kkes|betalingsservice|trekkes|avtalegiro|debitad[oa]|"
    r"debito\s+direto|strzen[aoy]|inkas(?:o|em)|"
    # A card on file charged, a US bill's automatic payment; German separable verbs ("Wir buchen den
    # Betrag am … ab", "ziehen … ein").
    r"will\s+be\s+charged|auto\s*-?\s*pay|automatic\s+payment|"
    r"(?:buchen|bucht|ziehen|zieht)\s.{0,60}?\s(?:ab|ein))(?![a-z])"
)


def payment_term_days(ctx: PageContext) -> Found | None:
    """Payment terms in days ("Net 30", "zahlbar innerhalb von 14 Tagen"), the longest term when a cash
    discount names a shorter one. The value is the number of days. Immediate payment ("due on receipt",
    "sofort zahlbar", "0 days") names no due date: None, and the contract's due_date stays null."""
    best: tuple[int, int] | None = None  # (days, line)
    label_above = False  # "Payment terms" over "30 days" (a grid cell): the context is the line above
    for line in ctx.lines:
        folded = line.folded
        own_context = _TERM_CONTEXT_RE.search(folded) is not None
        if own_context:
            folded = _with_wrapped(ctx, line)  # "… within" / "30 days": the terms wrap with the prose
        context, label_above = (
            own_context or label_above,
            own_context and not any(c.isdigit() for c in folded),
        )
        if context and best is None and _ON_RECEIPT_RE.search(folded):
            best = (0, line.index)
            continue
        if not any(c.isdigit() for c in folded):
            continue
        for m in _TERM_DAYS_RE.finditer(folded):
            days = int(m.group("a") or m.group("b") or m.group("c") or m.group("d") or m.group("e"))
            if m.group("a") is None and not context:
                continue  # "within 14 days" of what: only near payment words
            if 0 < days <= 180 and (best is None or days > best[0]):
                best = (days, line.index)
    return None if best is None or best[0] == 0 else Found(str(best[0]), 0.6, best[1])


def _continuation(ctx: PageContext, line: Line) -> Line | None:
    """The next line when it continues ``line`` as wrapped prose (same left margin, at line pitch)."""
    if line.index + 1 >= len(ctx.lines) or len(line.text) < 40:
        return None
    below = ctx.lines[line.index + 1]
    if below.top - line.bottom > 0.8 * line.height or abs(below.x0 - line.x0) > 2 * line.height:
        return None
    return below


def _with_wrapped(ctx: PageContext, line: Line) -> str:
    """The folded text of a line and of the prose line it wraps onto ("… within" / "30 days …")."""
    below = _continuation(ctx, line)
    return line.folded if below is None else f"{line.folded} {below.folded}"


def due_from_terms(ctx: PageContext, issue: Found | None) -> Found | None:
    """A due date from payment terms: issue date + N days, or the date of a direct debit. Without an
    issue date on this page the terms still count: ``payment_term_days`` reports them for aggregation."""
    if issue is None:
        return None
    issued = date.fromisoformat(issue.value)
    for line in ctx.lines:
        if _DEBIT_RE.search(line.folded):
            dates = [m for m in find_dates(line, ctx.order) if m.value >= issued]
            if dates:
                return Found(dates[0].value.isoformat(), 0.75, line.index)
    terms = payment_term_days(ctx)
    if terms is None:
        return None
    due = issued + timedelta(days=int(terms.value))
    if int(terms.value) and _END_OF_MONTH_RE.search(_with_wrapped(ctx, ctx.lines[terms.line])):
        following = date(due.year + due.month // 12, due.month % 12 + 1, 1)
        due = following - timedelta(days=1)
    return Found(due.isoformat(), terms.confidence, terms.line)
