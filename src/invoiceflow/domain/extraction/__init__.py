"""Template-free invoice field extraction from the word boxes of one page.

``extract_page(page) -> PageExtraction``: layout (lines, segments, label → value right/below, table
columns), a multilingual label lexicon, checksummed identifiers and arithmetic cross-checks. Pure and
fast: regexes are precompiled, python-stdnum and schwifty are imported on first use.
"""

from __future__ import annotations

from decimal import Decimal

from invoiceflow.domain.extraction.context import analyse
from invoiceflow.domain.extraction.currency import detect_currency
from invoiceflow.domain.extraction.date_fields import extract_dates
from invoiceflow.domain.extraction.dates import DateOrder
from invoiceflow.domain.extraction.header_fields import extract_invoice_number
from invoiceflow.domain.extraction.identifiers import find_identifiers
from invoiceflow.domain.extraction.layout import build_lines
from invoiceflow.domain.extraction.line_items import extract_items
from invoiceflow.domain.extraction.numbers import money_str, plain_str
from invoiceflow.domain.extraction.parties import extract_parties
from invoiceflow.domain.extraction.payment_terms import payment_term_days
from invoiceflow.domain.extraction.totals import extract_totals
from invoiceflow.domain.extraction.totals_figures import TOLERANCE
from invoiceflow.domain.identifiers import valid_iban
from invoiceflow.domain.models import (
    PAYMENT_TERM_DAYS,
    FieldValue,
    PageExtraction,
    PageLineItem,
    PageText,
    TaxLine,
)

__all__ = ["extract_page"]

# Currencies whose invoices print whole amounts: no minor unit, or none in use (the forint's fillér was
# withdrawn in 1999: "12 700 Ft").
_NO_DECIMAL_CURRENCIES = {"JPY", "KRW", "CLP", "ISK", "VND", "IDR", "HUF"}


def _put(fields: dict[str, FieldValue], name: str, value: str | None, confidence: float) -> None:
    if value:
        fields[name] = FieldValue(value=value, confidence=round(max(0.0, min(confidence, 1.0)), 3))


def extract_page(page: PageText) -> PageExtraction:
    """Every field this page shows, with a confidence per field."""
    lines = build_lines(page)
    currency = detect_currency(lines) if lines else None
    order_hint = DateOrder.MDY if currency and currency[0] == "USD" else None
    ctx = analyse(page, order_hint, lines)
    fields: dict[str, FieldValue] = {}
    result = PageExtraction(page_number=page.page_number, text_source=page.text_source)
    if not ctx.lines:
        return result

    identifiers = find_identifiers(ctx.lines)
    vat_values = {i.value for i in identifiers if i.kind in ("vat", "gstin")}
    number = extract_invoice_number(ctx, vat_values)
    if number:
        _put(fields, "invoice_number", number.value, number.confidence)
    issue, due = extract_dates(ctx)
    if issue:
        _put(fields, "issue_date", issue.value, issue.confidence)
    if due:
        _put(fields, "due_date", due.value, due.confidence)
    elif issue is None and (terms := payment_term_days(ctx)) is not None:
        # Terms on a page without the issue date (often the last page): aggregation applies them.
        _put(fields, PAYMENT_TERM_DAYS, terms.value, terms.confidence)
    if currency:
        _put(fields, "currency", currency[0], currency[1])

    items = extract_items(ctx, ctx.style)
    table_top = None
    if items.header_line is not None:
        table_top = ctx.lines[items.header_line].top
    elif items.items:
        table_top = ctx.lines[items.items[0].line].top
    parties = extract_parties(ctx, identifiers, table_top)
    # A party block on a continuation page is usually a repeated header or a guess: rank it lower.
    party_penalty = 0.0 if page.page_number == 1 else 0.25
    issuer_conf = parties.issuer.confidence - party_penalty
    recipient_conf = parties.recipient.confidence - party_penalty
    _put(fields, "issuer.name", parties.issuer.name, issuer_conf)
    _put(fields, "issuer.address", parties.issuer.address, issuer_conf - 0.1)
    _put(fields, "recipient.name", parties.recipient.name, recipient_conf)
    _put(fields, "recipient.address", parties.recipient.address, recipient_conf - 0.1)
    # One failing its checksum (printed after its label) loses to a confirmed one on another page.
    if parties.issuer_vat:
        _put(fields, "issuer.vat_id", parties.issuer_vat.value, 0.95 if parties.issuer_vat.checked else 0.6)
    if parties.recipient_vat:
        _put(
            fields,
            "recipient.vat_id",
            parties.recipient_vat.value,
            0.9 if parties.recipient_vat.checked else 0.55,
        )
    if parties.iban:
        # One failing its checksum (printed after its label) loses to a valid one on another page.
        _put(fields, "issuer.iban", parties.iban.value, 0.97 if valid_iban(parties.iban.value) else 0.6)
    if parties.bic:
        _put(fields, "issuer.bic", parties.bic.value, 0.84 if parties.bic.label_above else 0.9)

    start = (items.last_line + 1) if items.last_line is not None else 0
    integers_ok = bool(currency and currency[0] in _NO_DECIMAL_CURRENCIES)
    top = items.header_line if items.header_line is not None else items.items[0].line if items.items else 0
    totals = extract_totals(
        ctx, start, integers_ok, items_top=top, item_amounts=[item.amount for item in items.items]
    )
    items_sum = sum((i.amount for i in items.items), Decimal(0))
    for name in ("net", "tax", "gross"):
        candidate = getattr(totals, name)
        if candidate is None:
            continue
        confidence = candidate.confidence
        if name == "net" and items.items and abs(items_sum - candidate.value) <= TOLERANCE * len(items.items):
            confidence = min(0.99, confidence + 0.1)
        _put(fields, f"totals.{name}", money_str(candidate.value), confidence)

    # A tax printed twice (summary table and totals block) is one tax line, but CGST and SGST of the same
    # rate and amount are two: identical figures are kept apart only by distinct tax names.
    seen: dict[tuple[Decimal | None, Decimal], set[str]] = {}
    for t in totals.tax_lines or []:
        names = seen.get((t.rate, t.amount))
        if names is not None and (not t.label or not names or t.label in names):
            continue
        seen.setdefault((t.rate, t.amount), set()).add(t.label)
        result.tax_lines.append(TaxLine(rate=t.rate, base=t.base, amount=t.amount))
    for item in items.items:
        result.line_items.append(
            PageLineItem(
                description=" ".join(item.description),
                quantity=Decimal(plain_str(item.quantity)) if item.quantity is not None else None,
                unit_price=item.unit_price,
                amount=item.amount,
                alternative_amount=item.alternative_amount,
            )
        )
    result.items_continue = items.continues and totals.gross is None
    result.carried_description = " ".join(items.carried)
    result.fields = fields
    return result
