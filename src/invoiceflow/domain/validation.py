"""Consistency checks on an aggregated invoice. Each failure is a ``ValidationIssue`` with a stable code.

Any issue, or a core field that is missing or below ``LOW_CONFIDENCE``, sets ``needs_review``.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from enum import StrEnum

from invoiceflow.domain.identifiers import is_valid_iban, is_valid_vat_id
from invoiceflow.domain.models import AggregatedInvoice, ValidationIssue, ValidationReport

CORE_FIELDS = ("invoice_number", "issue_date", "currency", "issuer.name", "totals.gross")
LOW_CONFIDENCE = 0.6
CENT = Decimal("0.01")


class IssueCode(StrEnum):
    """Stable validation codes. Never rename a member: reviewers' tooling matches on the value."""

    TOTALS_MISMATCH = "TOTALS_MISMATCH"  # net + tax != gross
    LINE_ITEMS_SUM_MISMATCH = "LINE_ITEMS_SUM_MISMATCH"  # sum of line amounts != net
    LINE_ITEM_ARITHMETIC = "LINE_ITEM_ARITHMETIC"  # quantity x unit price != amount
    TAX_LINE_MISMATCH = "TAX_LINE_MISMATCH"  # base x rate != amount
    TAX_LINES_SUM_MISMATCH = "TAX_LINES_SUM_MISMATCH"  # sum of tax line amounts != tax total
    DUE_BEFORE_ISSUE = "DUE_BEFORE_ISSUE"
    INVALID_VAT_ID = "INVALID_VAT_ID"
    INVALID_IBAN = "INVALID_IBAN"
    MISSING_FIELD = "MISSING_FIELD"
    LOW_CONFIDENCE = "LOW_CONFIDENCE"
    EINVOICE_MISMATCH = "EINVOICE_MISMATCH"  # embedded XML disagrees with the visible page
    EINVOICE_MALFORMED = "EINVOICE_MALFORMED"  # an e-invoice XML that cannot be read; the text result stands


def validate(invoice: AggregatedInvoice) -> ValidationReport:
    issues = [*_arithmetic_issues(invoice), *_identifier_issues(invoice), *_review_issues(invoice)]
    return ValidationReport(needs_review=bool(issues), issues=issues)


def _issue(code: IssueCode, message: str, field: str | None = None) -> ValidationIssue:
    return ValidationIssue(code=code.value, message=message, field=field)


def _arithmetic_issues(invoice: AggregatedInvoice) -> Iterator[ValidationIssue]:
    net, tax, gross = invoice.totals.net, invoice.totals.tax, invoice.totals.gross
    if net is not None and tax is not None and gross is not None and abs(net + tax - gross) > CENT:
        yield _issue(IssueCode.TOTALS_MISMATCH, f"net {net} + tax {tax} != gross {gross}", "totals.gross")

    amounts = [item.amount for item in invoice.line_items if item.amount is not None]
    if net is not None and amounts:
        total = sum(amounts, Decimal(0))
        if abs(total - net) > CENT * len(amounts):
            yield _issue(
                IssueCode.LINE_ITEMS_SUM_MISMATCH,
                f"sum of {len(amounts)} line amounts {total} != net {net}",
                "line_items",
            )

    for index, item in enumerate(invoice.line_items):
        if item.quantity is None or item.unit_price is None or item.amount is None:
            continue
        expected = item.quantity * item.unit_price
        # Unit prices are often rounded to cents while the amount is computed unrounded.
        if abs(expected - item.amount) > max(CENT, abs(item.quantity) * Decimal("0.005")):
            yield _issue(
                IssueCode.LINE_ITEM_ARITHMETIC,
                f"line {index + 1}: {item.quantity} x {item.unit_price} != {item.amount}",
                f"line_items[{index}]",
            )

    for index, line in enumerate(invoice.tax_lines):
        if line.rate is None or line.base is None or line.amount is None:
            continue
        expected = line.base * line.rate / 100
        if abs(expected - line.amount) > CENT:
            yield _issue(
                IssueCode.TAX_LINE_MISMATCH,
                f"tax line {index + 1}: {line.base} x {line.rate} % = {expected:.2f} != {line.amount}",
                f"tax_lines[{index}]",
            )

    tax_amounts = [line.amount for line in invoice.tax_lines if line.amount is not None]
    if tax is not None and tax_amounts:
        total = sum(tax_amounts, Decimal(0))
        if abs(total - tax) > CENT * len(tax_amounts):
            yield _issue(
                IssueCode.TAX_LINES_SUM_MISMATCH, f"sum of tax lines {total} != tax {tax}", "tax_lines"
            )

    if invoice.issue_date and invoice.due_date and invoice.due_date < invoice.issue_date:
        yield _issue(
            IssueCode.DUE_BEFORE_ISSUE,
            f"due date {invoice.due_date} is before issue date {invoice.issue_date}",
            "due_date",
        )


def _identifier_issues(invoice: AggregatedInvoice) -> Iterator[ValidationIssue]:
    vat_ids = (("issuer.vat_id", invoice.issuer.vat_id), ("recipient.vat_id", invoice.recipient.vat_id))
    for field, vat_id in vat_ids:
        if vat_id and not is_valid_vat_id(vat_id):
            yield _issue(IssueCode.INVALID_VAT_ID, f"{vat_id} fails its checksum or format", field)
    if invoice.issuer.iban and not is_valid_iban(invoice.issuer.iban):
        yield _issue(IssueCode.INVALID_IBAN, f"{invoice.issuer.iban} fails its checksum", "issuer.iban")


def _field_value(invoice: AggregatedInvoice, dotted: str) -> object:
    value: object = invoice
    for part in dotted.split("."):
        value = getattr(value, part)
    return value


def _review_issues(invoice: AggregatedInvoice) -> Iterator[ValidationIssue]:
    for field in CORE_FIELDS:
        if _field_value(invoice, field) is None:
            yield _issue(IssueCode.MISSING_FIELD, f"{field} was not found", field)
            continue
        confidence = invoice.confidence.get(field)
        if confidence is not None and confidence < LOW_CONFIDENCE:
            yield _issue(IssueCode.LOW_CONFIDENCE, f"{field} has confidence {confidence:.2f}", field)
