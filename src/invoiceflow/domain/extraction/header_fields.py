"""Invoice number, issue date and due date: label → value to the right, else below the label."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from invoiceflow.domain.extraction.context import PageContext
from invoiceflow.domain.extraction.dates import DateMatch, DateOrder, find_dates
from invoiceflow.domain.extraction.labels import LabelMatch
from invoiceflow.domain.extraction.layout import Line
from invoiceflow.domain.extraction.lazy_re import lazy_compile

_NUMBER_TOKEN_RE = lazy_compile(r"[A-Za-z0-9][A-Za-z0-9\-/_.]*[A-Za-z0-9]|[0-9]")
_NOT_A_NUMBER = lazy_compile(r"^(?:date|datum|fecha|data|page|seite|of|von|du|del|the|no|nr)$", re.IGNORECASE)


# "Invoice 2024-17 dated …", "Facture INV-15371 du …": a document title followed by its number in prose.
_TITLE_NUMBER_RE = lazy_compile(
    r"(?<![a-z])(?:(?:tax\s+)?invoice|rechnung|facture|factura|factuur|fattura|credit\s+note|gutschrift|avoir|"
    r"nota\s+de\s+credito|creditnota|nota\s+di\s+credito)\s+(?=[a-z]{0,6}[-/]?\d)"
)
_PAGE_LIKE_RE = lazy_compile(r"\s*(?:of|von|de|sur|di|van|/)\s*\d")


@dataclass(frozen=True)
class Found:
    value: str
    confidence: float
    line: int


def _spans_for(ctx: PageContext, line: Line, label: LabelMatch) -> list[tuple[Line, int, int, float]]:
    """Candidate value ranges with a geometry penalty: right of the label first (0), then under it in
    the label's column (more when the value strays out of the column)."""
    start, end = ctx.value_span(line, label)
    spans: list[tuple[Line, int, int, float]] = []
    if end > start:
        spans.append((line, start, end, 0.0))
    for below, b_start, b_end, alignment in ctx.cells_below(line, label.start):
        if ctx.has_label(below, b_start, b_end):
            break  # the next row of labels: the values are not below this one
        spans.append((below, b_start, b_end, 0.08 + (0.1 if alignment < 0.5 else 0.0)))
    return spans


def _invoice_number_in(ctx: PageContext, line: Line, start: int, end: int) -> str | None:
    text = line.text[start:end]
    dates = find_dates(line, ctx.order, start, end)
    for m in _NUMBER_TOKEN_RE.finditer(text):
        token = m.group(0)
        abs_start = start + m.start()
        if any(d.start <= abs_start < d.end for d in dates):
            continue
        if _NOT_A_NUMBER.match(token) or not any(c.isdigit() for c in token):
            continue
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})*[.,]\d{2}", token):
            continue  # an amount
        return token
    return None


def extract_invoice_number(ctx: PageContext, vat_ids: set[str]) -> Found | None:
    best: Found | None = None
    for index, labels in ctx.header_labels.items():
        line = ctx.lines[index]
        for label in labels:
            if label.kind != "invoice_number":
                continue
            for target, start, end, penalty in _spans_for(ctx, line, label):
                token = _invoice_number_in(ctx, target, start, end)
                if token and token.upper().replace(" ", "") not in vat_ids:
                    conf = 0.93 - penalty
                    if best is None or conf > best.confidence:
                        best = Found(token, conf, target.index)
                    break
    if best is None:
        best = _number_in_prose(ctx, vat_ids)
    return best


def _number_in_prose(ctx: PageContext, vat_ids: set[str]) -> Found | None:
    for line in ctx.lines:
        for m in _TITLE_NUMBER_RE.finditer(line.folded):
            _, seg_end = line.segment_span(m.end())
            token = _invoice_number_in(ctx, line, m.end(), seg_end)
            if token is None or not line.text.startswith(token, m.end()):
                continue  # the number must follow the title directly
            if _PAGE_LIKE_RE.match(line.text, m.end() + len(token)) or token.upper() in vat_ids:
                continue
            return Found(token, 0.72, line.index)
    return None


# "Amount due", "Balance due", "Total due": the amount's label, not the due date's.
_AMOUNT_BEFORE_RE = lazy_compile(
    r"(?:amount|balance|total|sum|now|betrag|montant|importe|bedrag|importo)\s*$"
)


def _labelled_dates(ctx: PageContext, kind: str) -> list[tuple[DateMatch, float, int]]:
    out: list[tuple[DateMatch, float, int]] = []
    for index, labels in ctx.header_labels.items():
        line = ctx.lines[index]
        for label in labels:
            if label.kind != kind:
                continue
            if kind == "due_date" and _AMOUNT_BEFORE_RE.search(line.folded, 0, label.start):
                continue
            for target, start, end, penalty in _spans_for(ctx, line, label):
                dates = find_dates(target, ctx.order, start, end)
                if dates:
                    generic = kind == "issue_date" and label.end - label.start <= 7  # bare "Date:"
                    conf = 0.93 - penalty * 0.75 - (0.05 if generic else 0.0)
                    if dates[0].ambiguous:
                        conf -= 0.1
                    out.append((dates[0], conf, target.index))
                    break
    return out


def extract_dates(ctx: PageContext) -> tuple[Found | None, Found | None]:
    issue = _labelled_dates(ctx, "issue_date")
    due = _labelled_dates(ctx, "due_date")
    other = {d.value for d, _, _ in _labelled_dates(ctx, "other_date")}
    issue_found = None
    if issue:
        match, conf, line_no = max(issue, key=lambda t: (t[1], -t[2]))
        issue_found = Found(match.value.isoformat(), conf, line_no)
    else:
        # No label: the first date in the top half that is not a labelled due/delivery date.
        due_values = {d.value for d, _, _ in due}
        for line in ctx.lines:
            if line.top > ctx.page.height * 0.5:
                break
            for match in find_dates(line, ctx.order):
                if match.value not in due_values and match.value not in other:
                    issue_found = Found(match.value.isoformat(), 0.55, line.index)
                    break
            if issue_found:
                break
    due_found = None
    if due:
        match, conf, line_no = max(due, key=lambda t: t[1])
        due_found = Found(match.value.isoformat(), conf, line_no)
    if (
        issue_found is not None
        and due_found is not None
        and due_found.value < issue_found.value
        and ctx.order is DateOrder.DMY
        and not ctx.order_proven
    ):
        # Due before issue: ambiguous numeric dates were read day-first; month-first may make sense.
        swapped = replace(ctx, order=DateOrder.MDY, order_proven=True)
        issue_mdy, due_mdy = extract_dates(swapped)
        if issue_mdy and due_mdy and due_mdy.value >= issue_mdy.value:
            return issue_mdy, due_mdy
    terms = _due_from_terms(ctx, issue_found)
    if terms is not None and (due_found is None or due_found.line == terms.line):
        due_found = terms
    if due_found is None and issue_found is not None:
        due_found = _due_in_payment_prose(ctx, date.fromisoformat(issue_found.value))
    return issue_found, due_found


def _due_in_payment_prose(ctx: PageContext, issued: date) -> Found | None:
    """ "Bitte begleichen Sie den Betrag bis zum 11.04.2024", "Please remit payment before …": a date
    after the issue date on a line with payment words and no other label."""
    for line in ctx.lines:
        if not _TERM_CONTEXT_RE.search(line.folded) or any(
            label.kind in ("other_date", "issue_date") for label in ctx.header_labels.get(line.index, [])
        ):
            continue
        below = _continuation(ctx, line)
        for target in (line,) if below is None else (line, below):
            for match in find_dates(target, ctx.order):
                if issued < match.value <= issued + timedelta(days=180):
                    return Found(match.value.isoformat(), 0.5, target.index)
    return None


# Payment terms instead of a due date: "Net 30", "payable within 14 days", "zahlbar innerhalb von 14
# Tagen", "30 Tage netto", "à 30 jours", "a 30 días", "binnen 14 dagen", "entro 30 giorni" (folded text).
_TERM_DAYS_RE = lazy_compile(
    # "Net 30" but not "Net 1 462 448,67" or "Net 100.00" (an amount after a "Net" label)
    r"(?<![a-z])(?:net(?:to)?\s*(?P<a>\d{1,3})(?!\s*%)(?!\d|[.,'\u2019]\d|\s+\d)"
    r"|(?:within|in|innerhalb(?:\s+von)?|binnen|sous|a|entro|dentro\s+de|en)\s+(?P<b>\d{1,3})\s*"
    r"(?:days|tagen|tage|jours|dias|dagen|giorni|gg)"
    r"|(?P<c>\d{1,3})\s*(?:days|tage|jours|dias|dagen|giorni)\s+(?:net(?:to)?|neto|netto|fin\s+de\s+mois)"
    # "30 days from invoice date", "14 Tage nach Erhalt", "Zahlungsziel: 14 Tage" (near payment words).
    r"|(?P<d>\d{1,3})\s*(?:days|tagen|tage|jours|dias|dagen|giorni|gg\.?)"
    r")(?![a-z])"
)
_TERM_CONTEXT_RE = lazy_compile(
    r"(?<![a-z])(?:net|netto|neto|payable|payment|pay|due|terms|zahlbar|zahlung|zahlungsziel|faellig|fallig|"
    r"paiement|payable|reglement|echeance|pago|vencimiento|pagadero|betaling|betalen|betaaltermijn|"
    r"pagamento|scadenza|condizioni|conditions|condiciones|uberweisen|ueberweisen|uberweisung|ueberweisung|"
    r"remit|remittance|settle|settled|begleichen|virement|regler|reglee|bonifico|saldare|transferencia|abonar|"
    r"overmaken|voldoen|voldaan|termijn|transfer|wire|zahlen|bezahlen|payer|pagar|pagare|saldar|vence|scade|"
    r"remittance|payable)(?![a-z])"
)
_ON_RECEIPT_RE = lazy_compile(
    r"(?<![a-z])(?:(?:due|payable|payment)\s+(?:up)?on\s+receipt|(?:zahlbar\s+)?sofort(?:\s+(?:zahlbar|fallig|"
    r"faellig))?(?:\s+nach\s+erhalt)?|(?:payable\s+)?a\s+(?:la\s+)?reception|a\s+la\s+recepcion|"
    r"bij\s+ontvangst|(?:al|a)\s+ricevimento|a\s+vista)(?![a-z])"
)
_DEBIT_RE = lazy_compile(
    r"(?<![a-z])(?:direct\s+debit|debited|lastschrift|abbuchung|abgebucht|eingezogen|prelevement|preleve|"
    r"domiciliacion|domiciliado|cargo|cargara|incasso|geincasseerd|afschrijving|afgeschreven|addebito|"
    r"addebitato|addebiteremo)(?![a-z])"
)


def payment_term_days(ctx: PageContext) -> Found | None:
    """Payment terms in days ("Net 30", "zahlbar innerhalb von 14 Tagen"; 0 for "due on receipt"), the
    longest term when a cash discount names a shorter one. The value is the number of days."""
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
            days = int(m.group("a") or m.group("b") or m.group("c") or m.group("d"))
            if m.group("a") is None and not context:
                continue  # "within 14 days" of what: only near payment words
            if 0 < days <= 180 and (best is None or days > best[0]):
                best = (days, line.index)
    return None if best is None else Found(str(best[0]), 0.6, best[1])


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


def _due_from_terms(ctx: PageContext, issue: Found | None) -> Found | None:
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
    return Found((issued + timedelta(days=int(terms.value))).isoformat(), terms.confidence, terms.line)
